//! Line charts: numeric or date x (several series), or categorical x (one series).

use plotters::prelude::*;

use super::canvas::{axes, legend, line_key, render, tick_label};
use super::spec::{chart_err, color, finite_range, padded, short_label, ChartSpec};
use crate::data::dates::iso_date;
use crate::display::Figure;
use crate::error::{Error, Result};

/// One named line; `x` may be numbers or day counts (see [`line`]'s `x_dates`).
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// Legend label.
    pub name: String,
    /// `(x, y)` points in drawing order (x in days since 1970-01-01 when `x_dates`).
    pub points: Vec<(f64, f64)>,
    /// Draw a dot at every point.
    pub markers: bool,
    /// Draw dashed (for forecasts and reference lines).
    pub dashed: bool,
}

impl LineSeries {
    /// A solid line without markers.
    pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        LineSeries {
            name: name.into(),
            points,
            markers: false,
            dashed: false,
        }
    }

    /// Adds markers.
    pub fn with_markers(mut self) -> Self {
        self.markers = true;
        self
    }

    /// Draws dashed.
    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }
}

/// Several lines on shared axes; with `x_dates` the x values are days since
/// 1970-01-01 and ticks print as ISO dates. Non-finite points are skipped.
///
/// ```
/// use amazon_sales::charts::{line, ChartSpec, LineSeries};
/// let s = LineSeries::new("revenue", vec![(19082.0, 1.0), (19083.0, 2.0)]);
/// let fig = line(&ChartSpec::new("Daily revenue"), &[s], true).unwrap();
/// assert!(fig.svg().contains("2022-03-31"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when there is no finite point; [`Error::Chart`] if drawing fails.
pub fn line(spec: &ChartSpec, series: &[LineSeries], x_dates: bool) -> Result<Figure> {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let ys = series.iter().flat_map(|s| s.points.iter().map(|p| p.1));
    let (x0, x1) = finite_range(xs, "line chart")?;
    let (y0, y1) = finite_range(ys, "line chart")?;
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 80))
            .build_cartesian_2d(padded(x0, x1), padded(y0, y1))
            .map_err(chart_err)?;
        let date_fmt = |x: &f64| iso_date(x.round() as i32);
        chart
            .configure_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(8)
            .x_label_formatter(if x_dates { &date_fmt } else { &tick_label })
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        for (i, s) in series.iter().enumerate() {
            let c = color(i);
            let pts: Vec<(f64, f64)> = s
                .points
                .iter()
                .copied()
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .collect();
            let drawn = if s.dashed {
                chart.draw_series(DashedLineSeries::new(pts.clone(), 6, 4, c.stroke_width(2)))
            } else {
                chart.draw_series(LineSeries2::new(pts.clone(), c.stroke_width(2)))
            }
            .map_err(chart_err)?;
            drawn.label(&s.name).legend(line_key(c.stroke_width(2)));
            if s.markers {
                chart
                    .draw_series(pts.iter().map(|p| Circle::new(*p, 3, c.filled())))
                    .map_err(chart_err)?;
            }
        }
        if series.len() > 1 {
            legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        }
        Ok(())
    })
}

use plotters::series::LineSeries as LineSeries2;

/// One line over categorical x (e.g. months), with a marker at each point.
///
/// ```
/// use amazon_sales::charts::{line_categories, ChartSpec};
/// let fig = line_categories(&ChartSpec::new("Monthly"), &[("2022-04".into(), 2.0), ("2022-05".into(), 1.0)]).unwrap();
/// assert!(fig.svg().contains("2022-05"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] with no finite value; [`Error::Chart`] if drawing fails.
pub fn line_categories(spec: &ChartSpec, points: &[(String, f64)]) -> Result<Figure> {
    if points.is_empty() {
        return Err(Error::input("line chart", "no points"));
    }
    let (y0, y1) = finite_range(points.iter().map(|p| p.1), "line chart")?;
    let n = points.len() as i32;
    let labels: Vec<String> = points.iter().map(|p| short_label(&p.0, 20)).collect();
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 90))
            .build_cartesian_2d((0..n - 1).into_segmented(), padded(y0.min(0.0), y1))
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(points.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                    labels.get(*i as usize).cloned().unwrap_or_default()
                }
                SegmentValue::Last => String::new(),
            })
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        let pts: Vec<(SegmentValue<i32>, f64)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| (SegmentValue::CenterOf(i as i32), p.1))
            .collect();
        let c = color(9);
        chart
            .draw_series(LineSeries2::new(pts.clone(), c.stroke_width(2)))
            .map_err(chart_err)?;
        chart
            .draw_series(pts.into_iter().map(|p| Circle::new(p, 4, c.filled())))
            .map_err(chart_err)?;
        Ok(())
    })
}
