//! Test-period evaluation of a log-scale forecast: RMSE in log units and in
//! rupees, beside a seasonal-naive baseline.

use ndarray::ArrayView1;

use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::ml::metrics::rmse;

/// Seasonal-naive forecast: each future day repeats the value `lag` days earlier
/// (repeating the last `lag` observed days cyclically).
///
/// ```
/// use amazon_sales::ml::forecast::evaluation::seasonal_naive;
/// assert_eq!(seasonal_naive(&[1.0, 2.0, 3.0], 2, 3).unwrap(), vec![2.0, 3.0, 2.0]);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for lag 0 or a lag longer than the history.
pub fn seasonal_naive(history: &[f64], lag: usize, steps: usize) -> Result<Vec<f64>> {
    if lag == 0 || lag > history.len() {
        return Err(Error::param(
            "lag",
            format!("{lag} for a history of {}", history.len()),
        ));
    }
    let tail = &history[history.len() - lag..];
    Ok((0..steps).map(|h| tail[h % lag]).collect())
}

/// Errors of one method on the test period.
#[derive(Debug, Clone, PartialEq)]
pub struct TestScore {
    /// Name of the forecasting method.
    pub method: String,
    /// RMSE of the log1p values.
    pub rmse_log: f64,
    /// RMSE after expm1, in rupees.
    pub rmse_rupees: f64,
}

/// Scores log1p-scale predictions against log1p-scale actuals.
///
/// # Errors
/// As [`rmse`]: empty, unequal or non-finite inputs.
pub fn score(
    method: impl Into<String>,
    actual_log: &[f64],
    predicted_log: &[f64],
) -> Result<TestScore> {
    let back = |v: &[f64]| v.iter().map(|x| x.exp_m1()).collect::<Vec<f64>>();
    Ok(TestScore {
        method: method.into(),
        rmse_log: rmse(
            ArrayView1::from(actual_log),
            ArrayView1::from(predicted_log),
        )?,
        rmse_rupees: rmse(
            ArrayView1::from(&back(actual_log)),
            ArrayView1::from(&back(predicted_log)),
        )?,
    })
}

/// The scores as a table.
pub fn scores_table(title: &str, scores: &[TestScore]) -> Table {
    let mut t = Table::new(title, ["method", "RMSE (log1p units)", "RMSE (₹ per day)"]);
    for s in scores {
        t.push_row([
            s.method.clone(),
            number(s.rmse_log, 4),
            number(s.rmse_rupees, 0),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rmse_and_naive() {
        assert!(seasonal_naive(&[1.0], 7, 3).is_err());
        let s = score("x", &[0.0], &[1.0f64.ln_1p()]).unwrap();
        assert!((s.rmse_rupees - 1.0).abs() < 1e-12);
    }
}
