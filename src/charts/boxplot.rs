//! Box plots of several groups: box = quartiles, whiskers = the furthest
//! values within 1.5 × IQR, dots = outliers (deduplicated to keep the SVG small).

use plotters::prelude::*;

use super::canvas::{axes, render, tick_label};
use super::spec::{chart_err, color, finite_range, padded, short_label, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};
use crate::stats::quantile;

/// The five numbers a box plot draws, plus the outliers.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxStats {
    /// First quartile (25th percentile).
    pub q1: f64,
    /// Median (50th percentile).
    pub median: f64,
    /// Third quartile (75th percentile).
    pub q3: f64,
    /// Smallest value at or above Q1 − 1.5 × IQR.
    pub low_whisker: f64,
    /// Largest value at or below Q3 + 1.5 × IQR.
    pub high_whisker: f64,
    /// Values outside the whiskers' fences (1.5 × IQR beyond the quartiles).
    pub outliers: Vec<f64>,
}

/// Box-plot statistics of the finite values (quartiles interpolated linearly).
///
/// ```
/// let b = amazon_sales::charts::box_stats(&[1.0, 2.0, 3.0, 4.0, 100.0]).unwrap();
/// assert_eq!(b.median, 3.0);
/// assert_eq!(b.outliers, vec![100.0]);
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when there is no finite value.
pub fn box_stats(values: &[f64]) -> Result<BoxStats> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return Err(Error::input("box plot", "a group has no finite values"));
    }
    let q1 = quantile(&mut v, 0.25)?;
    let median = quantile(&mut v, 0.5)?;
    let q3 = quantile(&mut v, 0.75)?;
    let (lo_fence, hi_fence) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1));
    let inside = v
        .iter()
        .copied()
        .filter(|x| *x >= lo_fence && *x <= hi_fence);
    let (low_whisker, high_whisker) = inside
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    let outliers = v
        .iter()
        .copied()
        .filter(|x| *x < lo_fence || *x > hi_fence)
        .collect();
    Ok(BoxStats {
        q1,
        median,
        q3,
        low_whisker,
        high_whisker,
        outliers,
    })
}

/// One box per `(group name, values)`.
///
/// ```
/// use amazon_sales::charts::{boxplot, ChartSpec};
/// let groups = vec![("a".to_string(), vec![1.0, 2.0, 3.0]), ("b".to_string(), vec![2.0, 5.0, 9.0])];
/// assert!(boxplot(&ChartSpec::new("Amount by status"), &groups).is_ok());
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for no groups or an empty group; [`Error::Chart`] if drawing fails.
pub fn boxplot(spec: &ChartSpec, groups: &[(String, Vec<f64>)]) -> Result<Figure> {
    if groups.is_empty() {
        return Err(Error::input("box plot", "no groups"));
    }
    let stats: Vec<BoxStats> = groups
        .iter()
        .map(|g| box_stats(&g.1))
        .collect::<Result<_>>()?;
    let (y0, y1) = finite_range(groups.iter().flat_map(|g| g.1.iter().copied()), "box plot")?;
    let n = groups.len() as i32;
    let labels: Vec<String> = groups.iter().map(|g| short_label(&g.0, 22)).collect();
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 80))
            .build_cartesian_2d(-0.5..(n as f64 - 0.5), padded(y0, y1))
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(groups.len() * 2 + 1)
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 1e-6 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        for (i, s) in stats.iter().enumerate() {
            let (x, c) = (i as f64, color(i));
            chart
                .draw_series([Rectangle::new(
                    [(x - 0.3, s.q1), (x + 0.3, s.q3)],
                    c.mix(0.5).filled(),
                )])
                .map_err(chart_err)?;
            let lines = [
                vec![(x - 0.3, s.median), (x + 0.3, s.median)],
                vec![(x, s.q3), (x, s.high_whisker)],
                vec![(x, s.q1), (x, s.low_whisker)],
                vec![(x - 0.15, s.high_whisker), (x + 0.15, s.high_whisker)],
                vec![(x - 0.15, s.low_whisker), (x + 0.15, s.low_whisker)],
            ];
            chart
                .draw_series(
                    lines
                        .into_iter()
                        .map(|l| PathElement::new(l, BLACK.stroke_width(1))),
                )
                .map_err(chart_err)?;
            let mut shown: Vec<f64> = s
                .outliers
                .iter()
                .map(|v| (v * 1e-1).round() / 1e-1)
                .collect();
            shown.sort_by(f64::total_cmp);
            shown.dedup();
            chart
                .draw_series(
                    shown
                        .into_iter()
                        .map(|v| Circle::new((x, v), 2, c.stroke_width(1))),
                )
                .map_err(chart_err)?;
        }
        Ok(())
    })
}
