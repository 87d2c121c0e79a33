//! Sample autocorrelation (ACF) and partial autocorrelation (PACF) with 95 %
//! bands, as statsmodels' `acf(alpha=0.05)` (Bartlett's formula) and
//! `pacf(method="ywm", alpha=0.05)` (±z/√n).

use statrs::distribution::{ContinuousCDF, Normal};

use crate::display::{number, Table};
use crate::error::{Error, Result};

/// Correlations at lags 0..=nlags with the half-width of their confidence band.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlogram {
    /// "ACF" or "PACF".
    pub kind: &'static str,
    /// Value at each lag (index = lag; lag 0 is 1).
    pub values: Vec<f64>,
    /// Half-width of the band around zero at each lag (0 at lag 0).
    pub band: Vec<f64>,
}

impl Correlogram {
    /// Lags whose value lies outside the band.
    pub fn significant_lags(&self) -> Vec<usize> {
        (1..self.values.len())
            .filter(|&k| self.values[k].abs() > self.band[k])
            .collect()
    }

    /// Table of lag, value, band and a mark for values outside the band.
    pub fn table(&self, title: &str) -> Table {
        let mut t = Table::new(title, ["lag", self.kind, "95 % band ±", "outside band"]);
        for k in 1..self.values.len() {
            let outside = if self.values[k].abs() > self.band[k] {
                "yes"
            } else {
                ""
            };
            t.push_row([
                k.to_string(),
                number(self.values[k], 4),
                number(self.band[k], 4),
                outside.to_string(),
            ]);
        }
        t
    }
}

fn check(x: &[f64], nlags: usize, context: &'static str) -> Result<()> {
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            context,
            "the series holds NaN or infinite values",
        ));
    }
    if nlags == 0 {
        return Err(Error::param("nlags", "must be at least 1"));
    }
    if x.len() <= nlags + 1 {
        return Err(Error::input(
            context,
            format!("{} points for {nlags} lags", x.len()),
        ));
    }
    Ok(())
}

/// Biased sample autocorrelations r_0..r_nlags (denominator n, mean removed).
pub(crate) fn autocorrelations(x: &[f64], nlags: usize) -> Vec<f64> {
    let n = x.len();
    let mean = x.iter().sum::<f64>() / n as f64;
    let d: Vec<f64> = x.iter().map(|v| v - mean).collect();
    let c0: f64 = d.iter().map(|v| v * v).sum();
    (0..=nlags)
        .map(|k| {
            if c0 == 0.0 {
                return if k == 0 { 1.0 } else { 0.0 };
            }
            (k..n).map(|t| d[t] * d[t - k]).sum::<f64>() / c0
        })
        .collect()
}

fn z95() -> f64 {
    Normal::new(0.0, 1.0)
        .map(|n| n.inverse_cdf(0.975))
        .unwrap_or(1.959_963_984_540_054)
}

/// ACF up to `nlags` with Bartlett's 95 % band (statsmodels `acf(alpha=0.05)`).
///
/// ```
/// use amazon_sales::ml::forecast::acf::acf;
/// let x: Vec<f64> = (0..50).map(|i| (i as f64 * 0.7).sin()).collect();
/// let c = acf(&x, 10).unwrap();
/// assert_eq!(c.values[0], 1.0);
/// assert!(c.values[1] > 0.5);
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for NaN or a series shorter than nlags + 2;
/// [`Error::InvalidParameter`] for nlags = 0.
pub fn acf(x: &[f64], nlags: usize) -> Result<Correlogram> {
    check(x, nlags, "ACF")?;
    let r = autocorrelations(x, nlags);
    let n = x.len() as f64;
    let z = z95();
    let mut band = vec![0.0; nlags + 1];
    let mut cum = 0.0;
    for k in 1..=nlags {
        // Var(r_k) = (1 + 2 Σ_{j<k} r_j²) / n
        band[k] = z * ((1.0 + 2.0 * cum) / n).sqrt();
        cum += r[k] * r[k];
    }
    Ok(Correlogram {
        kind: "ACF",
        values: r,
        band,
    })
}

/// PACF by Yule–Walker on the biased autocovariances (statsmodels `method="ywm"`,
/// solved with Levinson–Durbin), band ±z/√n.
///
/// # Errors
/// As [`acf`].
pub fn pacf(x: &[f64], nlags: usize) -> Result<Correlogram> {
    check(x, nlags, "PACF")?;
    let r = autocorrelations(x, nlags);
    let mut values = vec![1.0; nlags + 1];
    let mut phi: Vec<f64> = Vec::new();
    let mut err = 1.0;
    for k in 1..=nlags {
        let num = r[k]
            - phi
                .iter()
                .enumerate()
                .map(|(j, p)| p * r[k - 1 - j])
                .sum::<f64>();
        let kappa = if err > 0.0 { num / err } else { 0.0 };
        let mut next: Vec<f64> = phi
            .iter()
            .enumerate()
            .map(|(j, p)| p - kappa * phi[k - 2 - j])
            .collect();
        next.push(kappa);
        phi = next;
        err *= 1.0 - kappa * kappa;
        values[k] = kappa;
    }
    let half = z95() / (x.len() as f64).sqrt();
    let mut band = vec![half; nlags + 1];
    band[0] = 0.0;
    Ok(Correlogram {
        kind: "PACF",
        values,
        band,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::ORIGINAL;
    use super::*;

    fn log_series() -> Vec<f64> {
        ORIGINAL.iter().map(|v| v.ln_1p()).collect()
    }

    // statsmodels 0.14.4 on log1p(daily revenue, original series):
    // acf(y, nlags=30, alpha=0.05) and pacf(y, nlags=30, method="ywm", alpha=0.05).
    #[test]
    fn acf_matches_statsmodels() {
        let c = acf(&log_series(), 30).unwrap();
        let expected = [
            1.0,
            0.22573222587,
            0.174025634606,
            0.108848939374,
            0.146347941814,
            0.09373035724,
        ];
        for (k, e) in expected.iter().enumerate() {
            assert!((c.values[k] - e).abs() < 1e-9, "lag {k}");
        }
        assert!((c.values[30] + 0.039278359459582864).abs() < 1e-9);
        assert!((c.band[1] - 0.205460052551).abs() < 1e-9);
        assert!((c.band[2] - 0.215675330361).abs() < 1e-9);
        assert!((c.band[30] - 0.24804206902845066).abs() < 1e-9);
    }

    #[test]
    fn pacf_matches_statsmodels() {
        let p = pacf(&log_series(), 30).unwrap();
        let expected = [
            1.0,
            0.22573222587,
            0.129678362682,
            0.048642216289,
            0.100728250214,
            0.029293055018,
        ];
        for (k, e) in expected.iter().enumerate() {
            assert!((p.values[k] - e).abs() < 1e-9, "lag {k}");
        }
        assert!((p.values[30] + 0.04233871445408867).abs() < 1e-9);
        assert!((p.band[5] - 0.205460052551).abs() < 1e-9);
        assert_eq!(p.significant_lags(), vec![1]);
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert!(matches!(
            acf(&[1.0, f64::NAN, 3.0, 4.0], 1),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            acf(&[1.0, 2.0, 3.0], 0),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            pacf(&[1.0, 2.0, 3.0], 5),
            Err(Error::InvalidInput { .. })
        ));
    }
}
