//! Classical additive decomposition (statsmodels `seasonal_decompose`,
//! `model="additive"`, two-sided moving-average trend) and trailing simple
//! moving averages (pandas `rolling(w).mean()`).

use crate::error::{Error, Result};

/// observed = trend + seasonal + residual; trend and residual are NaN where
/// the centred window does not fit (period/2 points at each end).
#[derive(Debug, Clone, PartialEq)]
pub struct Decomposition {
    /// Season length in observations.
    pub period: usize,
    /// The input series.
    pub observed: Vec<f64>,
    /// Centred moving average (NaN at both ends).
    pub trend: Vec<f64>,
    /// Seasonal effect of each observation: the mean-zero phase profile repeated.
    pub seasonal: Vec<f64>,
    /// observed − trend − seasonal (NaN where the trend is).
    pub residual: Vec<f64>,
}

impl Decomposition {
    /// The seasonal effect of each phase 0..period (phase 0 = first observation).
    pub fn seasonal_profile(&self) -> &[f64] {
        &self.seasonal[..self.period]
    }
}

/// Additive decomposition with a centred moving average of length `period`
/// (weights ½,1,…,1,½ over period+1 points when the period is even).
///
/// ```
/// use amazon_sales::ml::forecast::decompose::decompose;
/// let y: Vec<f64> = (0..28).map(|i| [1.0, 2.0, 3.0, 4.0, 3.0, 2.0, 1.0][i % 7] + i as f64).collect();
/// let d = decompose(&y, 7).unwrap();
/// assert!((d.trend[3] - (3.0 + 16.0 / 7.0)).abs() < 1e-12);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for period < 2; [`Error::InvalidInput`] for NaN
/// or fewer than two full periods.
pub fn decompose(y: &[f64], period: usize) -> Result<Decomposition> {
    if period < 2 {
        return Err(Error::param(
            "period",
            format!("{period}: must be at least 2"),
        ));
    }
    if y.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            "seasonal decomposition",
            "the series holds NaN or infinite values",
        ));
    }
    let n = y.len();
    if n < 2 * period {
        return Err(Error::input(
            "seasonal decomposition",
            format!("{n} points: need two full periods of {period}"),
        ));
    }
    let weights: Vec<f64> = if period % 2 == 0 {
        let mut w = vec![1.0 / period as f64; period + 1];
        w[0] = 0.5 / period as f64;
        w[period] = 0.5 / period as f64;
        w
    } else {
        vec![1.0 / period as f64; period]
    };
    let half = weights.len() / 2;
    let mut trend = vec![f64::NAN; n];
    for (t, slot) in trend.iter_mut().enumerate().take(n - half).skip(half) {
        *slot = weights
            .iter()
            .enumerate()
            .map(|(j, w)| w * y[t + j - half])
            .sum();
    }
    let mut profile = vec![0.0; period];
    for (phase, p) in profile.iter_mut().enumerate() {
        let vals: Vec<f64> = (phase..n)
            .step_by(period)
            .map(|t| y[t] - trend[t])
            .filter(|v| v.is_finite())
            .collect();
        *p = vals.iter().sum::<f64>() / vals.len() as f64;
    }
    let mean = profile.iter().sum::<f64>() / period as f64;
    profile.iter_mut().for_each(|p| *p -= mean);
    let seasonal: Vec<f64> = (0..n).map(|t| profile[t % period]).collect();
    let residual = (0..n).map(|t| y[t] - trend[t] - seasonal[t]).collect();
    Ok(Decomposition {
        period,
        observed: y.to_vec(),
        trend,
        seasonal,
        residual,
    })
}

/// Trailing simple moving average: NaN for the first window − 1 points.
///
/// ```
/// use amazon_sales::ml::forecast::decompose::moving_average;
/// let m = moving_average(&[1.0, 2.0, 3.0, 4.0], 2).unwrap();
/// assert!(m[0].is_nan());
/// assert_eq!(&m[1..], &[1.5, 2.5, 3.5]);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a window of 0 or longer than the series.
pub fn moving_average(y: &[f64], window: usize) -> Result<Vec<f64>> {
    if window == 0 || window > y.len() {
        return Err(Error::param(
            "window",
            format!("{window} for {} points", y.len()),
        ));
    }
    Ok((0..y.len())
        .map(|t| {
            if t + 1 < window {
                f64::NAN
            } else {
                y[t + 1 - window..=t].iter().sum::<f64>() / window as f64
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::fixture::ORIGINAL;
    use super::*;

    // statsmodels 0.14.4: seasonal_decompose(original daily revenue, period=7, model="additive").
    #[test]
    fn matches_statsmodels_on_daily_revenue() {
        let d = decompose(&ORIGINAL, 7).unwrap();
        assert!(d.trend[..3].iter().all(|v| v.is_nan()));
        assert!((d.trend[3] - 788664.5714285714).abs() < 1e-6);
        assert!((d.trend[5] - 919319.7142857143).abs() < 1e-6);
        let seasonal = [
            -25686.46938775509,
            -48641.79081632653,
            -3570.957482993163,
            57283.5544217687,
            -4471.612244897995,
            10250.340136054412,
            14836.935374149669,
        ];
        for (a, b) in d.seasonal_profile().iter().zip(seasonal) {
            assert!((a - b).abs() < 1e-6);
        }
        assert!((d.residual[3] - 139295.87414965994).abs() < 1e-6);
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert!(matches!(
            decompose(&ORIGINAL, 1),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            decompose(&ORIGINAL[..10], 7),
            Err(Error::InvalidInput { .. })
        ));
        assert!(decompose(&[1.0, f64::NAN, 2.0, 3.0, 4.0], 2).is_err());
        assert!(moving_average(&[1.0], 2).is_err());
    }
}
