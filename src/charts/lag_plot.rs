//! Lag scatter: yₜ₋ₖ against yₜ with the least-squares line, the 45° line and
//! Pearson's r in the title (the original's R-107 panels).

use plotters::prelude::*;

use super::canvas::{render, tick_label};
use super::spec::{chart_err, color, finite_range, padded, ChartSpec};
use crate::display::{Figure, FigureGrid};
use crate::error::{Error, Result};
use crate::stats::pearson;

/// Pearson correlation between yₜ₋ₖ and yₜ.
///
/// ```
/// let r = amazon_sales::charts::lag_correlation(&[1.0, 2.0, 3.0, 4.0, 5.0], 1).unwrap();
/// assert!((r - 1.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] when `lag` is 0 or leaves fewer than 3 pairs.
pub fn lag_correlation(y: &[f64], lag: usize) -> Result<f64> {
    if lag == 0 || lag + 3 > y.len() {
        return Err(Error::param("lag", format!("{lag} for {} points", y.len())));
    }
    Ok(pearson(&y[..y.len() - lag], &y[lag..]))
}

/// The lag-`lag` scatter of `y`; the title gets " (lag k, r = …)" appended.
///
/// ```
/// use amazon_sales::charts::{lag_plot, ChartSpec};
/// let y: Vec<f64> = (0..30).map(|i| (i as f64 * 0.3).sin()).collect();
/// let fig = lag_plot(&ChartSpec::new("log revenue"), &y, 1).unwrap();
/// assert!(fig.title().contains("lag 1"));
/// ```
///
/// # Errors
/// As [`lag_correlation`]; [`Error::Chart`] if drawing fails.
pub fn lag_plot(spec: &ChartSpec, y: &[f64], lag: usize) -> Result<Figure> {
    let r = lag_correlation(y, lag)?;
    let spec = &ChartSpec {
        title: format!("{} (lag {lag}, r = {r:.2})", spec.title),
        ..spec.clone()
    };
    let pairs: Vec<(f64, f64)> = y[..y.len() - lag]
        .iter()
        .copied()
        .zip(y[lag..].iter().copied())
        .collect();
    let (lo, hi) = finite_range(y.iter().copied(), "lag plot")?;
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let range = padded(lo, hi);
    render(spec, |root| {
        // a small panel: tighter margin and labels than `canvas::axes`
        let mut chart = ChartBuilder::on(root)
            .caption(&spec.title, ("sans-serif", 16))
            .margin(8)
            .x_label_area_size(30)
            .y_label_area_size(50)
            .build_cartesian_2d(range.clone(), range.clone())
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .x_desc(format!("y(t−{lag})"))
            .y_desc("y(t)")
            .x_labels(5)
            .y_labels(5)
            .x_label_formatter(&tick_label)
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        chart
            .draw_series(
                pairs
                    .iter()
                    .map(|p| Circle::new(*p, 3, color(0).mix(0.6).filled())),
            )
            .map_err(chart_err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(range.start, range.start), (range.end, range.end)],
                BLACK.mix(0.4).stroke_width(1),
            )))
            .map_err(chart_err)?;
        let line = |x: f64| my + slope * (x - mx);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![
                    (range.start, line(range.start)),
                    (range.end, line(range.end)),
                ],
                color(3).stroke_width(2),
            )))
            .map_err(chart_err)?;
        Ok(())
    })
}

/// One [`lag_plot`] per lag, side by side (R-107's grid).
///
/// # Errors
/// As [`lag_plot`], for the first lag that fails.
pub fn lag_plots(spec: &ChartSpec, y: &[f64], lags: &[usize]) -> Result<FigureGrid> {
    let figures = lags
        .iter()
        .map(|&k| lag_plot(spec, y, k))
        .collect::<Result<Vec<_>>>()?;
    Ok(FigureGrid::new(figures))
}
