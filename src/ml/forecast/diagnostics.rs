//! Residual diagnostics of a fitted time-series model, the footer of
//! statsmodels' `SARIMAXResults.summary()`: Ljung-Box at lag 1, Jarque-Bera,
//! the break-variance heteroskedasticity test (two-sided), skew and
//! (Pearson) kurtosis, all on the standardised residuals after the burn-in.

use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor};

use super::ljung_box::ljung_box;
use crate::error::{Error, Result};
use crate::stats::{central_moment, skew};

/// The diagnostics of one residual series.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics {
    /// Ljung-Box Q at lag 1 and its p-value.
    pub ljung_box: (f64, f64),
    /// Jarque-Bera statistic and its p-value (χ² with 2 degrees of freedom).
    pub jarque_bera: (f64, f64),
    /// H = Σ e² over the last third / Σ e² over the first third, and its
    /// two-sided p-value (F with (h, h) degrees of freedom).
    pub heteroskedasticity: (f64, f64),
    /// Sample skewness (biased, as scipy and statsmodels).
    pub skew: f64,
    /// Pearson kurtosis (3 for a normal distribution).
    pub kurtosis: f64,
}

impl Diagnostics {
    /// Computes the five diagnostics of `residuals`.
    ///
    /// ```
    /// use amazon_sales::ml::forecast::diagnostics::Diagnostics;
    /// let e = [0.3, -1.2, 0.5, 2.1, -0.7, 0.05, 1.4, -0.3, -2.2, 0.9, 0.2, -0.4];
    /// let d = Diagnostics::of(&e)?;
    /// assert!((d.kurtosis - 2.836876015763165).abs() < 1e-12); // scipy.stats.kurtosis(fisher=False)
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for fewer than 6 values, a non-finite value or constant residuals.
    pub fn of(residuals: &[f64]) -> Result<Self> {
        let n = residuals.len();
        if n < 6 || residuals.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "residual diagnostics",
                format!("need at least 6 finite residuals, got {n}"),
            ));
        }
        let m2 = central_moment(residuals, 2);
        if m2 <= 0.0 {
            return Err(Error::input(
                "residual diagnostics",
                "the residuals are constant",
            ));
        }
        let skew = skew(residuals);
        let kurtosis = central_moment(residuals, 4) / (m2 * m2);
        let jb = n as f64 / 6.0 * (skew * skew + (kurtosis - 3.0).powi(2) / 4.0);
        let chi2 = ChiSquared::new(2.0).map_err(|e| Error::model("Jarque-Bera", e))?;
        let h = ((n as f64) / 3.0).round() as usize;
        let squares = |part: &[f64]| part.iter().map(|v| v * v).sum::<f64>();
        let ratio = squares(&residuals[n - h..]) / squares(&residuals[..h]);
        let f = FisherSnedecor::new(h as f64, h as f64)
            .map_err(|e| Error::model("heteroskedasticity", e))?;
        let p_h = 2.0 * f.cdf(ratio).min(f.sf(ratio));
        let lb = ljung_box(residuals, &[1], 0)?;
        let (q, p_q) = lb
            .first()
            .map_or((f64::NAN, f64::NAN), |l| (l.statistic, l.p_value));
        Ok(Diagnostics {
            ljung_box: (q, p_q),
            jarque_bera: (jb, chi2.sf(jb)),
            heteroskedasticity: (ratio, p_h),
            skew,
            kurtosis,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// scipy 1.14.1 on the same values: skew, kurtosis(fisher=False),
    /// jarque_bera, and the F test of the last vs the first third (h = 4).
    #[test]
    fn matches_scipy() {
        let e = [
            0.3, -1.2, 0.5, 2.1, -0.7, 0.05, 1.4, -0.3, -2.2, 0.9, 0.2, -0.4,
        ];
        let d = Diagnostics::of(&e).unwrap();
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        close(d.skew, -0.14245548783966935);
        close(d.kurtosis, 2.836876015763165);
        close(d.jarque_bera.0, 0.05389184914792594);
        close(d.jarque_bera.1, 0.9734138778713137);
        close(d.heteroskedasticity.0, 0.9450726978998385);
        close(d.heteroskedasticity.1, 0.9576524557256103);
        assert!(d.ljung_box.1 > 0.0 && d.ljung_box.1 <= 1.0);
    }

    #[test]
    fn too_few_or_constant_residuals_are_errors() {
        assert!(Diagnostics::of(&[1.0, 2.0]).is_err());
        assert!(Diagnostics::of(&[1.0; 10]).is_err());
        assert!(Diagnostics::of(&[1.0, f64::NAN, 0.0, 1.0, 2.0, 3.0]).is_err());
    }
}
