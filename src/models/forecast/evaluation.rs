//! Test-period evaluation of a log-scale forecast: RMSE in log units and in
//! rupees, beside a seasonal-naive baseline.

use crate::display::{number, Table};
use crate::error::{Error, Result};

/// Root mean squared error.
///
/// # Errors
/// [`Error::InvalidInput`] for empty or unequal lengths.
pub fn rmse(actual: &[f64], predicted: &[f64]) -> Result<f64> {
    if actual.is_empty() || actual.len() != predicted.len() {
        return Err(Error::input(
            "RMSE",
            format!("{} actual vs {} predicted", actual.len(), predicted.len()),
        ));
    }
    let ss: f64 = actual
        .iter()
        .zip(predicted)
        .map(|(a, p)| (a - p).powi(2))
        .sum();
    Ok((ss / actual.len() as f64).sqrt())
}

/// Seasonal-naive forecast: each future day repeats the value `lag` days earlier
/// (repeating the last `lag` observed days cyclically).
///
/// ```
/// use amazon_sales::models::forecast::evaluation::seasonal_naive;
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
    pub method: String,
    /// RMSE of the log1p values.
    pub rmse_log: f64,
    /// RMSE after expm1, in rupees.
    pub rmse_rupees: f64,
}

/// Scores log1p-scale predictions against log1p-scale actuals.
///
/// # Errors
/// As [`rmse`].
pub fn score(
    method: impl Into<String>,
    actual_log: &[f64],
    predicted_log: &[f64],
) -> Result<TestScore> {
    let back = |v: &[f64]| v.iter().map(|x| x.exp_m1()).collect::<Vec<f64>>();
    Ok(TestScore {
        method: method.into(),
        rmse_log: rmse(actual_log, predicted_log)?,
        rmse_rupees: rmse(&back(actual_log), &back(predicted_log))?,
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
        assert!((rmse(&[1.0, 2.0], &[2.0, 4.0]).unwrap() - 2.5f64.sqrt()).abs() < 1e-12);
        assert!(rmse(&[], &[]).is_err());
        assert!(seasonal_naive(&[1.0], 7, 3).is_err());
        let s = score("x", &[0.0], &[1.0f64.ln_1p()]).unwrap();
        assert!((s.rmse_rupees - 1.0).abs() < 1e-12);
    }
}
