//! Bar charts of labelled values, vertical and horizontal.

use plotters::prelude::*;

use super::canvas::{axes, render, tick_label};
use super::spec::{chart_err, color, finite_range, short_label, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Vertical bars, one per `(label, value)`, in the given order.
///
/// ```
/// use amazon_sales::charts::{bar, ChartSpec};
/// let fig = bar(&ChartSpec::new("Sales").x("category").y("₹"), &[("Set".into(), 3.0), ("kurta".into(), 2.0)]).unwrap();
/// assert!(fig.svg().contains("Sales"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for no bars or no finite value; [`Error::Chart`] if drawing fails.
pub fn bar(spec: &ChartSpec, bars: &[(String, f64)]) -> Result<Figure> {
    draw(spec, bars, false)
}

/// Horizontal bars, the first item at the top.
///
/// ```
/// use amazon_sales::charts::{barh, ChartSpec};
/// let fig = barh(&ChartSpec::new("Top states").x("₹"), &[("Maharashtra".into(), 3.0e6), ("Karnataka".into(), 2.5e6)]).unwrap();
/// assert!(fig.svg().contains("3,000,000"));
/// ```
///
/// # Errors
/// As [`bar`].
pub fn barh(spec: &ChartSpec, bars: &[(String, f64)]) -> Result<Figure> {
    draw(spec, bars, true)
}

fn draw(spec: &ChartSpec, bars: &[(String, f64)], horizontal: bool) -> Result<Figure> {
    if bars.is_empty() {
        return Err(Error::input("bar chart", "no bars"));
    }
    let (lo, hi) = finite_range(bars.iter().map(|b| b.1), "bar chart")?;
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let top = hi + 0.08 * (hi - lo).max(f64::EPSILON);
    let n = bars.len() as i32;
    let labels: Vec<String> = bars.iter().map(|b| short_label(&b.0, 28)).collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1) as u32;
    render(spec, |root| {
        let label_at = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                let idx = if horizontal { n - 1 - *i } else { *i };
                labels.get(idx as usize).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        };
        if horizontal {
            let mut chart = axes(root, &spec.title, (40, 20 + 7 * longest.min(28)))
                .build_cartesian_2d(lo..top, (0..n - 1).into_segmented())
                .map_err(chart_err)?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .x_desc(&spec.x_label)
                .y_desc(&spec.y_label)
                .x_label_formatter(&tick_label)
                .y_labels(bars.len())
                .y_label_formatter(&label_at)
                .draw()
                .map_err(chart_err)?;
            chart
                .draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
                    let row = n - 1 - i as i32;
                    let mut r = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(row)),
                            (*v, SegmentValue::Exact(row + 1)),
                        ],
                        color(0).filled(),
                    );
                    r.set_margin(3, 3, 0, 0);
                    r
                }))
                .map_err(chart_err)?;
        } else {
            let rotate = bars.len() > 6 || longest > 10;
            let x_area = if rotate { 20 + 6 * longest.min(28) } else { 40 };
            let mut chart = axes(root, &spec.title, (x_area, 80))
                .build_cartesian_2d((0..n - 1).into_segmented(), lo..top)
                .map_err(chart_err)?;
            let style = if rotate {
                ("sans-serif", 12)
                    .into_font()
                    .transform(FontTransform::Rotate90)
            } else {
                ("sans-serif", 12).into_font()
            };
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_desc(&spec.x_label)
                .y_desc(&spec.y_label)
                .x_labels(bars.len())
                .x_label_style(style)
                .x_label_formatter(&label_at)
                .y_label_formatter(&tick_label)
                .draw()
                .map_err(chart_err)?;
            chart
                .draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
                    let i = i as i32;
                    let mut r = Rectangle::new(
                        [
                            (SegmentValue::Exact(i), 0.0),
                            (SegmentValue::Exact(i + 1), *v),
                        ],
                        color(0).filled(),
                    );
                    r.set_margin(0, 0, 4, 4);
                    r
                }))
                .map_err(chart_err)?;
        }
        Ok(())
    })
}
