//! Annotated heatmap of a square or rectangular matrix (correlations, confusion matrices).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{axes, render};
use super::spec::{chart_err, short_label, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Heatmap of `values[row][col]` with row and column labels; each cell is
/// annotated with its value (`decimals` places). Colours run from white to blue
/// for non-negative matrices and blue–white–red when negative values occur.
///
/// ```
/// use amazon_sales::charts::{heatmap, ChartSpec};
/// let labels = vec!["a".to_string(), "b".to_string()];
/// let fig = heatmap(&ChartSpec::new("Correlation"), &labels, &labels, &[vec![1.0, -0.3], vec![-0.3, 1.0]], 2).unwrap();
/// assert!(fig.svg().contains("-0.30"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when the matrix shape does not match the labels; [`Error::Chart`] if drawing fails.
pub fn heatmap(
    spec: &ChartSpec,
    rows: &[String],
    cols: &[String],
    values: &[Vec<f64>],
    decimals: usize,
) -> Result<Figure> {
    if rows.is_empty() || values.len() != rows.len() || values.iter().any(|r| r.len() != cols.len())
    {
        return Err(Error::input(
            "heatmap",
            "matrix shape does not match the labels",
        ));
    }
    let finite = values.iter().flatten().copied().filter(|v| v.is_finite());
    let max_abs = finite
        .clone()
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(f64::EPSILON);
    let diverging = finite.clone().any(|v| v < 0.0);
    let (nr, nc) = (rows.len() as i32, cols.len() as i32);
    let longest = rows
        .iter()
        .map(|r| r.chars().count())
        .max()
        .unwrap_or(1)
        .min(24) as u32;
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (60, 20 + 7 * longest))
            .build_cartesian_2d((0..nc - 1).into_segmented(), (0..nr - 1).into_segmented())
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(cols.len() + 1)
            .y_labels(rows.len() + 1)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => cols
                    .get(*i as usize)
                    .map(|s| short_label(s, 16))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => rows
                    .get((nr - 1 - *i) as usize)
                    .map(|s| short_label(s, 24))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .draw()
            .map_err(chart_err)?;
        let colour = |v: f64| {
            let t = (v.abs() / max_abs).clamp(0.0, 1.0);
            let fade = |c: u8| (255.0 - (255.0 - c as f64) * t) as u8;
            if diverging && v < 0.0 {
                RGBColor(fade(33), fade(102), fade(172))
            } else if diverging {
                RGBColor(fade(178), fade(24), fade(43))
            } else {
                RGBColor(fade(8), fade(81), fade(156))
            }
        };
        for (r, row) in values.iter().enumerate() {
            let y = nr - 1 - r as i32;
            for (c, v) in row.iter().enumerate() {
                let x = c as i32;
                chart
                    .draw_series([Rectangle::new(
                        [
                            (SegmentValue::Exact(x), SegmentValue::Exact(y)),
                            (SegmentValue::Exact(x + 1), SegmentValue::Exact(y + 1)),
                        ],
                        colour(*v).filled(),
                    )])
                    .map_err(chart_err)?;
                let dark = (v.abs() / max_abs) > 0.6;
                let text_style = ("sans-serif", 12)
                    .into_font()
                    .color(if dark { &WHITE } else { &BLACK })
                    .pos(Pos::new(HPos::Center, VPos::Center));
                let (px, py) =
                    chart.backend_coord(&(SegmentValue::Exact(x), SegmentValue::Exact(y + 1)));
                let (qx, qy) =
                    chart.backend_coord(&(SegmentValue::Exact(x + 1), SegmentValue::Exact(y)));
                root.draw_text(
                    &format!("{v:.decimals$}"),
                    &text_style,
                    ((px + qx) / 2, (py + qy) / 2),
                )
                .map_err(chart_err)?;
            }
        }
        Ok(())
    })
}
