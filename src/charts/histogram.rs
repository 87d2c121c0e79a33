//! Histogram of one numeric variable with equal-width bins.

use plotters::prelude::*;

use super::canvas::{axes, numeric_mesh, render};
use super::spec::{chart_err, color, finite_range, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Bin counts of `values` over `bins` equal-width bins spanning min..max (NaN ignored).
///
/// ```
/// let (edges, counts) = amazon_sales::charts::histogram_counts(&[0.0, 1.0, 1.0, 2.0], 2).unwrap();
/// assert_eq!(counts, vec![1, 3]);
/// assert_eq!(edges.len(), 3);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for zero bins, [`Error::InvalidInput`] with no finite value.
pub fn histogram_counts(values: &[f64], bins: usize) -> Result<(Vec<f64>, Vec<usize>)> {
    if bins == 0 {
        return Err(Error::param("bins", "must be at least 1"));
    }
    let (lo, hi) = finite_range(values.iter().copied(), "histogram")?;
    let width = if hi > lo {
        (hi - lo) / bins as f64
    } else {
        1.0
    };
    let mut counts = vec![0usize; bins];
    for v in values.iter().filter(|v| v.is_finite()) {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    let edges = (0..=bins).map(|i| lo + width * i as f64).collect();
    Ok((edges, counts))
}

/// Histogram of `values` with `bins` bins; y is the number of rows per bin.
///
/// ```
/// use amazon_sales::charts::{histogram, ChartSpec};
/// let fig = histogram(&ChartSpec::new("Qty").x("units").y("rows"), &[1.0, 1.0, 0.0, 2.0], 30).unwrap();
/// assert!(fig.svg().contains("<rect"));
/// ```
///
/// # Errors
/// As [`histogram_counts`], and [`Error::Chart`] if drawing fails.
pub fn histogram(spec: &ChartSpec, values: &[f64], bins: usize) -> Result<Figure> {
    let (edges, counts) = histogram_counts(values, bins)?;
    let top = counts.iter().copied().max().unwrap_or(1) as f64 * 1.08;
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 70))
            .build_cartesian_2d(edges[0]..edges[edges.len() - 1], 0.0..top.max(1.0))
            .map_err(chart_err)?;
        let y_desc = if spec.y_label.is_empty() {
            "frequency"
        } else {
            &spec.y_label
        };
        numeric_mesh(&mut chart, &spec.x_label, y_desc)?;
        chart
            .draw_series(counts.iter().enumerate().map(|(i, c)| {
                Rectangle::new(
                    [(edges[i], 0.0), (edges[i + 1], *c as f64)],
                    color(2).mix(0.8).filled(),
                )
            }))
            .map_err(chart_err)?;
        Ok(())
    })
}
