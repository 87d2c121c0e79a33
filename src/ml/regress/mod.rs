//! Regressors and their evaluation: ordinary least squares and ridge
//! (linfa-linear) and the random-forest regressor of
//! [`crate::ml::tree`].

mod evaluation;
mod forest;
mod linear;

pub use evaluation::{evaluate, RegressionEval, Regressor};
pub use forest::ForestRegressor;
pub use linear::{ols_coefficients, LinearModel, LinearParams};

use ndarray::{ArrayView1, ArrayView2};

use crate::error::{Error, Result};

pub(crate) fn check_xy(
    context: &'static str,
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
) -> Result<()> {
    if x.nrows() == 0 {
        return Err(Error::input(context, "empty training set"));
    }
    if y.len() != x.nrows() {
        return Err(Error::input(
            context,
            format!("{} rows but {} targets", x.nrows(), y.len()),
        ));
    }
    if x.iter().chain(y.iter()).any(|v| !v.is_finite()) {
        return Err(Error::input(context, "data contain NaN or infinity"));
    }
    Ok(())
}
