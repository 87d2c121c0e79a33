//! MacKinnon's approximate p-values (1994) and finite-sample critical values
//! (2010) for the Dickey–Fuller τ statistic, one integrated series (N = 1).
//!
//! The coefficients are the published ones, as tabulated in statsmodels'
//! `tsa/adfvalues.py` (0.14.4): p = Φ(Σ cᵢ τⁱ), with a small-τ and a large-τ
//! polynomial split at τ*; critical values c₀ + c₁/n + c₂/n² + c₃/n³.

use statrs::distribution::{ContinuousCDF, Normal};

/// The deterministic terms of a Dickey–Fuller regression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// No constant ("n").
    None,
    /// A constant ("c"), the default of `adfuller`.
    Constant,
    /// A constant and a linear trend ("ct").
    ConstantTrend,
}

struct Coefficients {
    tau_min: f64,
    tau_star: f64,
    tau_max: f64,
    small: [f64; 3],
    large: [f64; 4],
    crit_2010: [[f64; 4]; 3],
}

fn coefficients(trend: Trend) -> Coefficients {
    match trend {
        Trend::None => Coefficients {
            tau_min: -19.04,
            tau_star: -1.04,
            tau_max: f64::INFINITY,
            small: [0.6344, 1.2378, 3.2496e-2],
            large: [0.4797, 9.3557e-1, -0.6999e-1, 3.3066e-2],
            crit_2010: [
                [-2.56574, -2.2358, -3.627, 0.0],
                [-1.94100, -0.2686, -3.365, 31.223],
                [-1.61682, 0.2656, -2.714, 25.364],
            ],
        },
        Trend::Constant => Coefficients {
            tau_min: -18.83,
            tau_star: -1.61,
            tau_max: 2.74,
            small: [2.1659, 1.4412, 3.8269e-2],
            large: [1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2],
            crit_2010: [
                [-3.43035, -6.5393, -16.786, -79.433],
                [-2.86154, -2.8903, -4.234, -40.040],
                [-2.56677, -1.5384, -2.809, 0.0],
            ],
        },
        Trend::ConstantTrend => Coefficients {
            tau_min: -16.18,
            tau_star: -2.89,
            tau_max: 0.7,
            small: [3.2512, 1.6047, 4.9588e-2],
            large: [2.5261, 6.1654e-1, -3.7956e-1, -6.0285e-2],
            crit_2010: [
                [-3.95877, -9.0531, -28.428, -134.155],
                [-3.41049, -4.3904, -9.036, -45.374],
                [-3.12705, -2.5856, -3.925, -22.380],
            ],
        },
    }
}

fn polynomial(coef: &[f64], x: f64) -> f64 {
    coef.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

/// MacKinnon's (1994) approximate p-value of a Dickey–Fuller τ statistic.
///
/// ```
/// use amazon_sales::ml::forecast::mackinnon::{mackinnon_p, Trend};
/// // statsmodels: mackinnonp(-2.0, "c") = 0.286573...
/// assert!((mackinnon_p(-2.0, Trend::Constant) - 0.286_573).abs() < 1e-5);
/// ```
pub fn mackinnon_p(tau: f64, trend: Trend) -> f64 {
    let c = coefficients(trend);
    if tau > c.tau_max {
        return 1.0;
    }
    if tau < c.tau_min {
        return 0.0;
    }
    let z = if tau <= c.tau_star {
        polynomial(&c.small, tau)
    } else {
        polynomial(&c.large, tau)
    };
    match Normal::new(0.0, 1.0) {
        Ok(normal) => normal.cdf(z),
        Err(_) => f64::NAN,
    }
}

/// MacKinnon's (2010) 1 %, 5 % and 10 % critical values for `nobs` observations
/// (`f64::INFINITY` gives the asymptotic ones).
///
/// ```
/// use amazon_sales::ml::forecast::mackinnon::{critical_values, Trend};
/// let cv = critical_values(90.0, Trend::Constant);
/// assert!((cv[0] + 3.505_190).abs() < 1e-6);
/// ```
pub fn critical_values(nobs: f64, trend: Trend) -> [f64; 3] {
    let c = coefficients(trend);
    let inv = 1.0 / nobs;
    c.crit_2010.map(|row| polynomial(&row, inv))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values: statsmodels 0.14.4 `mackinnonp` / `mackinnoncrit`.
    #[test]
    fn p_values_match_statsmodels() {
        let cases = [
            (-12.737157080917891, Trend::Constant, 9.108487460343442e-24),
            (-2.1951073908350187, Trend::Constant, 0.20802598170938824),
            (-2.0, Trend::Constant, 0.28657309916843154),
            (-1.0, Trend::Constant, 0.7532643012005655),
            (-3.0, Trend::ConstantTrend, 0.1320809847799973),
            (-1.5, Trend::None, 0.1252400584846753),
        ];
        for (tau, trend, expected) in cases {
            let p = mackinnon_p(tau, trend);
            assert!(
                ((p - expected) / expected).abs() < 1e-6,
                "{tau}: {p} vs {expected}"
            );
        }
        assert_eq!(mackinnon_p(3.0, Trend::Constant), 1.0);
        assert_eq!(mackinnon_p(-30.0, Trend::Constant), 0.0);
    }

    #[test]
    fn critical_values_match_statsmodels() {
        let cv = critical_values(90.0, Trend::Constant);
        let expected = [-3.505190196159122, -2.894232085048011, -2.5842101234567902];
        for (a, b) in cv.iter().zip(expected) {
            assert!((a - b).abs() < 1e-9);
        }
        let asymptotic = critical_values(f64::INFINITY, Trend::Constant);
        assert!((asymptotic[1] + 2.86154).abs() < 1e-12);
    }
}
