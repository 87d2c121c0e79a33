//! Time-series tools (the sales report's §8 uses them on its daily revenue):
//! decomposition and moving averages, ACF/PACF, the augmented Dickey–Fuller
//! test with MacKinnon p-values, seasonal ARIMA by exact maximum likelihood
//! (Kalman filter), dated forecasts with intervals, and the Ljung–Box test.
//!
//! Every routine is checked against statsmodels 0.14.4 on the same series
//! (the figures are in the tests, with where they came from).
//!
//! # Why this is written here
//! Crates checked (crates.io / docs.rs, November 2026):
//! * `augurs` (MSTL, ETS, Prophet wrappers, seasonality detection): no ARIMA
//!   family and no unit-root tests.
//! * `statrs` 0.19: distributions only (used here for Φ and χ²).
//! * `arima` 0.3: non-seasonal ARIMA by CSS, LAPACK features, unmaintained
//!   since 2023; no seasonal terms, no exact likelihood, no standard errors.
//! * `unit-root` 0.6 (nalgebra): ADF at a fixed lag; no AIC lag search and no
//!   MacKinnon p-values.
//! * `solow-statespace`, `inferust`, `chronos-ts`: young single-author crates
//!   (SARIMAX with enforced stationarity via Monahan transforms, nalgebra or
//!   their own linear algebra), none able to reproduce statsmodels'
//!   `enforce_stationarity=False` fit the original used, or its approximate
//!   diffuse initialisation, and none with a track record to rely on.
//!
//! So the filter, the CSS start values, the ADF regression and the MacKinnon
//! tables are implemented in this module; the optimiser is argmin's L-BFGS and
//! the distributions come from statrs.

pub mod acf;
pub mod adf;
pub mod decompose;
pub mod diagnostics;
pub mod evaluation;
#[cfg(test)]
mod fixture;
pub mod kalman;
pub mod ljung_box;
pub mod mackinnon;
pub mod prediction;
pub mod sarima;
pub mod selection;

pub use acf::{acf, pacf, Correlogram};
pub use adf::{adf_test, AdfTest};
pub use decompose::{decompose, moving_average, Decomposition};
pub use evaluation::{scores_table, seasonal_naive, TestScore};
pub use ljung_box::{ljung_box, ljung_box_table, LjungBox};
pub use mackinnon::Trend;
pub use prediction::{Forecast, Interval};
pub use sarima::{Convergence, SarimaFit, SarimaOrder, SarimaParams};
pub use selection::{select_by_aic, Selection};
