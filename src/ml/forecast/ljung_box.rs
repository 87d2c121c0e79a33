//! Ljung–Box portmanteau test for residual autocorrelation (statsmodels
//! `acorr_ljungbox`), with the χ² tail from statrs.

use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::acf::autocorrelations;
use crate::display::{number, Table};
use crate::error::{Error, Result};

/// Q statistic and p-value at one lag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LjungBox {
    /// Lag h: autocorrelations 1..=h enter the statistic.
    pub lag: usize,
    /// Ljung–Box Q statistic.
    pub statistic: f64,
    /// Upper-tail χ² probability with `lag − model_df` degrees of freedom.
    pub p_value: f64,
}

/// Q = n(n+2) Σ_{k≤h} r_k²/(n−k) for every h in `lags`; `model_df` (fitted
/// ARMA parameters) is subtracted from the degrees of freedom, as statsmodels does.
///
/// ```
/// use amazon_sales::ml::forecast::ljung_box::ljung_box;
/// let noise: Vec<f64> = (0..60).map(|i| ((i * 7919) % 13) as f64 - 6.0).collect();
/// let lb = ljung_box(&noise, &[5], 0).unwrap();
/// assert!(lb[0].p_value >= 0.0 && lb[0].p_value <= 1.0);
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for NaN or a series not longer than the largest lag;
/// [`Error::InvalidParameter`] for a lag of 0 or one not above `model_df`.
pub fn ljung_box(x: &[f64], lags: &[usize], model_df: usize) -> Result<Vec<LjungBox>> {
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            "Ljung-Box test",
            "the residuals hold NaN or infinite values",
        ));
    }
    let max = lags.iter().copied().max().unwrap_or(0);
    if lags.iter().any(|&h| h == 0 || h <= model_df) {
        return Err(Error::param(
            "lags",
            format!("every lag must be ≥ 1 and above model_df = {model_df}"),
        ));
    }
    let n = x.len();
    if n <= max + 1 {
        return Err(Error::input(
            "Ljung-Box test",
            format!("{n} residuals for lag {max}"),
        ));
    }
    let r = autocorrelations(x, max);
    let nf = n as f64;
    lags.iter()
        .map(|&h| {
            let q = nf * (nf + 2.0) * (1..=h).map(|k| r[k] * r[k] / (nf - k as f64)).sum::<f64>();
            let chi = ChiSquared::new((h - model_df) as f64)
                .map_err(|e| Error::param("lags", e.to_string()))?;
            Ok(LjungBox {
                lag: h,
                statistic: q,
                p_value: chi.sf(q),
            })
        })
        .collect()
}

/// The results as a table (lag, Q, p-value, verdict at 5 %).
pub fn ljung_box_table(title: &str, results: &[LjungBox]) -> Table {
    let mut t = Table::new(title, ["lag", "Q", "p-value", "at 5 %"]);
    for r in results {
        let verdict = if r.p_value < 0.05 {
            "autocorrelated"
        } else {
            "no evidence of autocorrelation"
        };
        t.push_row([
            r.lag.to_string(),
            number(r.statistic, 3),
            number(r.p_value, 4),
            verdict.to_string(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::fixture::ORIGINAL;
    use super::*;

    // statsmodels 0.14.4: acorr_ljungbox(log1p(original daily revenue), lags=[1, 10, 20]).
    #[test]
    fn matches_statsmodels() {
        let y: Vec<f64> = ORIGINAL.iter().map(|v| v.ln_1p()).collect();
        let lb = ljung_box(&y, &[1, 10, 20], 0).unwrap();
        let expected = [
            (4.791472, 0.028601),
            (14.036662, 0.171326),
            (19.003260, 0.521614),
        ];
        for (r, (q, p)) in lb.iter().zip(expected) {
            assert!(
                (r.statistic - q).abs() < 1e-5 && (r.p_value - p).abs() < 1e-5,
                "{r:?}"
            );
        }
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert!(ljung_box(&[1.0, f64::NAN, 2.0, 3.0], &[1], 0).is_err());
        assert!(matches!(
            ljung_box(&[1.0, 2.0, 3.0, 4.0], &[0], 0),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            ljung_box(&[1.0, 2.0, 3.0], &[5], 0),
            Err(Error::InvalidInput { .. })
        ));
    }
}
