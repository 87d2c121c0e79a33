//! Augmented Dickey–Fuller unit-root test, as statsmodels' `adfuller`
//! (constant by default, lag length chosen by AIC over 0..=maxlag on a common
//! sample, then the regression rerun on all usable observations).
//!
//! Crates checked: `unit-root` 0.6 (nalgebra; fixed lag, no automatic lag
//! choice, tabulated critical values but no MacKinnon p-value), and the ADF
//! helpers inside `greeners` and `digifi` (fixed lag rules, table look-ups).
//! None reproduces `adfuller(autolag="AIC")` with p-values, so this module does.

use ndarray::{Array1, Array2};

use super::mackinnon::{critical_values, mackinnon_p, Trend};
use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::ml::linalg::least_squares;

/// Result of an ADF test.
#[derive(Debug, Clone, PartialEq)]
pub struct AdfTest {
    /// The τ statistic (t-value of the lagged level).
    pub statistic: f64,
    /// MacKinnon's approximate p-value.
    pub p_value: f64,
    /// Number of lagged differences used.
    pub used_lag: usize,
    /// Observations in the final regression.
    pub nobs: usize,
    /// Critical values at 1 %, 5 % and 10 %.
    pub critical_values: [f64; 3],
    /// The best information criterion (AIC) of the lag search.
    pub ic_best: f64,
}

impl AdfTest {
    /// Whether H0 (unit root) is rejected at level `alpha` (by the p-value).
    pub fn rejects_unit_root(&self, alpha: f64) -> bool {
        self.p_value < alpha
    }

    /// A two-column table: statistic, p-value, lags, observations, critical values.
    pub fn table(&self, title: &str) -> Table {
        let verdict = if self.rejects_unit_root(0.05) {
            "reject H0 at 5 %: no unit root (stationary)"
        } else {
            "cannot reject H0 at 5 %: unit root not excluded"
        };
        Table::new(title, ["quantity", "value"])
            .with_row(["ADF statistic".to_string(), number(self.statistic, 4)])
            .with_row([
                "p-value (MacKinnon)".to_string(),
                format!("{:.4e}", self.p_value),
            ])
            .with_row(["lags used (AIC)".to_string(), self.used_lag.to_string()])
            .with_row(["observations".to_string(), self.nobs.to_string()])
            .with_row([
                "critical value 1 %".to_string(),
                number(self.critical_values[0], 4),
            ])
            .with_row([
                "critical value 5 %".to_string(),
                number(self.critical_values[1], 4),
            ])
            .with_row([
                "critical value 10 %".to_string(),
                number(self.critical_values[2], 4),
            ])
            .with_note(verdict)
    }
}

/// Design of the ADF regression Δy_t = [trend] + γ y_{t−1} + Σ_{i≤lags} δ_i Δy_{t−i},
/// on the last `nobs` differences. Columns: trend terms first, then the level, then the lags.
fn design(y: &[f64], lags: usize, nobs: usize, trend: Trend) -> (Array2<f64>, Array1<f64>) {
    let diff: Vec<f64> = y.windows(2).map(|w| w[1] - w[0]).collect();
    let n_trend = match trend {
        Trend::None => 0,
        Trend::Constant => 1,
        Trend::ConstantTrend => 2,
    };
    let first = diff.len() - nobs;
    let mut x = Array2::zeros((nobs, n_trend + 1 + lags));
    let mut target = Array1::zeros(nobs);
    for row in 0..nobs {
        let t = first + row; // index into diff
        target[row] = diff[t];
        let mut c = 0;
        if n_trend >= 1 {
            x[[row, c]] = 1.0;
            c += 1;
        }
        if n_trend == 2 {
            x[[row, c]] = (row + 1) as f64;
            c += 1;
        }
        x[[row, c]] = y[t];
        for i in 1..=lags {
            x[[row, c + i]] = diff[t - i];
        }
    }
    (x, target)
}

fn aic(ssr: f64, n: usize, k: usize) -> f64 {
    let n = n as f64;
    let llf = -n / 2.0 * ((2.0 * std::f64::consts::PI).ln() + (ssr / n).ln() + 1.0);
    -2.0 * llf + 2.0 * k as f64
}

/// ADF test with the lag length chosen by AIC (statsmodels' default
/// `maxlag = ceil(12 (n/100)^¼)`, capped at n/2 − trend terms − 1).
///
/// ```
/// use amazon_sales::ml::forecast::adf::adf_test;
/// use amazon_sales::ml::forecast::mackinnon::Trend;
/// // White noise from a linear congruential generator: the unit root is rejected.
/// let mut state = 7u64;
/// let y: Vec<f64> = (0..80)
///     .map(|_| {
///         state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
///         (state >> 33) as f64 / (1u64 << 31) as f64
///     })
///     .collect();
/// let t = adf_test(&y, None, Trend::Constant).unwrap();
/// assert!(t.p_value < 0.05);
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for non-finite values, a series too short for one
/// lag, or a constant series; [`Error::InvalidParameter`] for a `max_lag`
/// that leaves no observations.
pub fn adf_test(y: &[f64], max_lag: Option<usize>, trend: Trend) -> Result<AdfTest> {
    if y.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            "ADF test",
            "the series holds NaN or infinite values",
        ));
    }
    let n = y.len();
    let n_trend = match trend {
        Trend::None => 0,
        Trend::Constant => 1,
        Trend::ConstantTrend => 2,
    };
    if n < 2 * (n_trend + 3) {
        return Err(Error::input(
            "ADF test",
            format!("{n} observations are too few"),
        ));
    }
    let default_max =
        ((12.0 * (n as f64 / 100.0).powf(0.25)).ceil() as usize).min(n / 2 - n_trend - 1);
    let max_lag = match max_lag {
        Some(m) if m > default_max.max(n / 2 - n_trend - 1) => {
            return Err(Error::param(
                "max_lag",
                format!("{m} leaves too few observations for {n} points"),
            ))
        }
        Some(m) => m,
        None => default_max,
    };
    // Lag search on the common sample of n - 1 - max_lag differences.
    let common = n - 1 - max_lag;
    let mut best: Option<(f64, usize)> = None;
    for lags in 0..=max_lag {
        let (x, target) = design(y, lags, common, trend);
        // A lag whose regressors are collinear (periodic data) is not a candidate.
        let Ok(fit) = least_squares(&x, &target) else {
            continue;
        };
        let ic = aic(fit.ssr, common, x.ncols());
        if best.is_none_or(|(b, _)| ic < b) {
            best = Some((ic, lags));
        }
    }
    let (ic_best, used_lag) =
        best.ok_or_else(|| Error::input("ADF test", "no lag could be fitted"))?;
    let nobs = n - 1 - used_lag;
    let (x, target) = design(y, used_lag, nobs, trend);
    let fit = least_squares(&x, &target)?;
    let k = x.ncols();
    let sigma2 = fit.ssr / (nobs - k) as f64;
    let level = n_trend;
    let se = (sigma2 * fit.xtx_inv[[level, level]]).sqrt();
    if se.is_nan() || se <= 0.0 {
        return Err(Error::input(
            "ADF test",
            "the series is constant (zero residual variance)",
        ));
    }
    let statistic = fit.coef[level] / se;
    Ok(AdfTest {
        statistic,
        p_value: mackinnon_p(statistic, trend),
        used_lag,
        nobs,
        critical_values: critical_values(nobs as f64, trend),
        ic_best,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random walk (xorshift), for a unit-root case.
    fn random_walk(n: usize) -> Vec<f64> {
        let mut s: u64 = 42;
        let mut level = 0.0;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                level += (s % 1000) as f64 / 1000.0 - 0.5;
                level
            })
            .collect()
    }

    // statsmodels 0.14.4 adfuller(log1p(series), autolag="AIC"), constant:
    // original series -12.737157080917891, p 9.108487460343442e-24, lag 0, nobs 90,
    // icbest -116.1235286710982 (the original printed the same, R-110);
    // correct series without the partial first day -2.1951073908350187, p 0.20802598170938824, nobs 89.
    #[test]
    fn matches_statsmodels_on_daily_revenue() {
        let y: Vec<f64> = super::super::fixture::ORIGINAL
            .iter()
            .map(|v| v.ln_1p())
            .collect();
        let t = adf_test(&y, None, Trend::Constant).unwrap();
        assert!(
            ((t.statistic + 12.737157080917891) / 12.737157080917891).abs() < 1e-9,
            "{t:?}"
        );
        assert!(((t.p_value - 9.108487460343442e-24) / 9.108487460343442e-24).abs() < 1e-6);
        assert_eq!((t.used_lag, t.nobs), (0, 90));
        assert!((t.ic_best + 116.1235286710982).abs() < 1e-8);
        assert!((t.critical_values[2] + 2.5842101234567902).abs() < 1e-9);
        let c: Vec<f64> = super::super::fixture::CORRECT
            .iter()
            .skip(1)
            .map(|v| v.ln_1p())
            .collect();
        let t = adf_test(&c, None, Trend::Constant).unwrap();
        assert!((t.statistic + 2.1951073908350187).abs() < 1e-9, "{t:?}");
        assert!((t.p_value - 0.20802598170938824).abs() < 1e-9);
        assert_eq!(t.nobs, 89);
    }

    #[test]
    fn random_walk_is_not_rejected() {
        let t = adf_test(&random_walk(200), None, Trend::Constant).unwrap();
        assert!(t.p_value > 0.05, "{t:?}");
        assert!(!t.rejects_unit_root(0.05));
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert!(matches!(
            adf_test(
                &[1.0, f64::NAN, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 2.0],
                None,
                Trend::Constant
            ),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            adf_test(&[1.0, 2.0, 3.0], None, Trend::Constant),
            Err(Error::InvalidInput { .. })
        ));
        let y = random_walk(30);
        assert!(matches!(
            adf_test(&y, Some(40), Trend::Constant),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(adf_test(&[5.0; 40], None, Trend::Constant).is_err());
    }
}
