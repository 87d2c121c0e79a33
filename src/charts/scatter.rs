//! Scatter plots of labelled groups, thinned to a maximum number of points.

use plotters::prelude::*;

use super::canvas::{axes, legend, numeric_mesh, render};
use super::spec::{chart_err, color, finite_range, padded, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Points of one group (one colour, one legend entry).
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterGroup {
    /// Legend label.
    pub name: String,
    /// `(x, y)` points of the group.
    pub points: Vec<(f64, f64)>,
}

/// Scatter of several groups. At most `max_points` points are drawn in
/// total (every k-th point of each group, deterministic); the title says so
/// when points were thinned, so an SVG of 100k orders stays small.
///
/// ```
/// use amazon_sales::charts::{scatter, ChartSpec, ScatterGroup};
/// let g = ScatterGroup { name: "cluster 0".into(), points: vec![(0.0, 1.0), (1.0, 0.5)] };
/// assert!(scatter(&ChartSpec::new("PCA"), &[g], 5000).is_ok());
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] with no finite point; [`Error::Chart`] if drawing fails.
pub fn scatter(spec: &ChartSpec, groups: &[ScatterGroup], max_points: usize) -> Result<Figure> {
    let total: usize = groups.iter().map(|g| g.points.len()).sum();
    if total == 0 {
        return Err(Error::input("scatter", "no points"));
    }
    let step = total.div_ceil(max_points.max(1)).max(1);
    let (x0, x1) = finite_range(
        groups.iter().flat_map(|g| g.points.iter().map(|p| p.0)),
        "scatter",
    )?;
    let (y0, y1) = finite_range(
        groups.iter().flat_map(|g| g.points.iter().map(|p| p.1)),
        "scatter",
    )?;
    let spec = &ChartSpec {
        title: if step > 1 {
            format!(
                "{} ({} of {} points shown)",
                spec.title,
                total / step,
                total
            )
        } else {
            spec.title.clone()
        },
        ..spec.clone()
    };
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 70))
            // smaller than the usual 20 px: the title may carry the thinning note
            .caption(&spec.title, ("sans-serif", 18))
            .build_cartesian_2d(padded(x0, x1), padded(y0, y1))
            .map_err(chart_err)?;
        numeric_mesh(&mut chart, &spec.x_label, &spec.y_label)?;
        for (i, g) in groups.iter().enumerate() {
            let c = color(i);
            chart
                .draw_series(
                    g.points
                        .iter()
                        .step_by(step)
                        .filter(|p| p.0.is_finite() && p.1.is_finite())
                        .map(|p| Circle::new(*p, 2, c.mix(0.6).filled())),
                )
                .map_err(chart_err)?
                .label(&g.name)
                .legend(move |(x, y)| Circle::new((x + 6, y), 4, c.filled()));
        }
        if groups.len() > 1 {
            legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        }
        Ok(())
    })
}
