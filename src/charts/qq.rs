//! Normal Q-Q plot: sorted standardised values against standard normal quantiles.

use plotters::prelude::*;
use statrs::distribution::{ContinuousCDF, Normal};

use super::canvas::{axes, numeric_mesh, render};
use super::spec::{chart_err, color, finite_range, padded, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Q-Q plot of `values` (standardised by their mean and standard deviation)
/// with the reference line y = x; plotting positions (i − 0.5)/n.
///
/// ```
/// use amazon_sales::charts::{qq_plot, ChartSpec};
/// let fig = qq_plot(&ChartSpec::new("Residual Q-Q"), &[0.1, -0.3, 0.2, 0.05, -0.1]).unwrap();
/// assert!(fig.svg().contains("<svg"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] with fewer than 3 finite values or zero spread;
/// [`Error::Chart`] if drawing fails.
pub fn qq_plot(spec: &ChartSpec, values: &[f64]) -> Result<Figure> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.len() < 3 {
        return Err(Error::input(
            "chart",
            "Q-Q plot: fewer than 3 finite values",
        ));
    }
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    if sd.is_nan() || sd <= 0.0 {
        return Err(Error::input("chart", "Q-Q plot: the values have no spread"));
    }
    v.sort_by(f64::total_cmp);
    let normal = Normal::new(0.0, 1.0).map_err(chart_err)?;
    let pts: Vec<(f64, f64)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| (normal.inverse_cdf((i as f64 + 0.5) / n), (x - mean) / sd))
        .collect();
    let (lo, hi) = finite_range(pts.iter().flat_map(|p| [p.0, p.1]), "Q-Q plot")?;
    let range = padded(lo, hi);
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 60))
            .build_cartesian_2d(range.clone(), range.clone())
            .map_err(chart_err)?;
        numeric_mesh(
            &mut chart,
            "theoretical normal quantile",
            "standardised value",
        )?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(range.start, range.start), (range.end, range.end)],
                color(3).stroke_width(2),
            )))
            .map_err(chart_err)?;
        chart
            .draw_series(pts.iter().map(|p| Circle::new(*p, 3, color(0).filled())))
            .map_err(chart_err)?;
        Ok(())
    })
}
