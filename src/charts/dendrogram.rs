//! Dendrogram of a hierarchical clustering, truncated to the last merges
//! (scipy's `dendrogram(truncate_mode="lastp")`), with an optional cut line.

use plotters::prelude::*;

use super::canvas::{axes, legend, line_key, render, tick_label};
use super::spec::{chart_err, color, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// One merge of a linkage in scipy's convention: ids `0..n` are the
/// observations, id `n + i` is the cluster made by merge `i`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Merge {
    /// Id of the first merged cluster (the smaller id).
    pub left: usize,
    /// Id of the second merged cluster.
    pub right: usize,
    /// Merge distance (height in the dendrogram).
    pub height: f64,
    /// Observations in the new cluster.
    pub size: usize,
}

/// Horizontal position and height of a drawn node.
struct Placed {
    x: f64,
    y: f64,
}

/// Draws the last `last_p` − 1 merges of `merges` (over `n` observations), so
/// the plot has `last_p` leaves labelled by their size ("(57)") or, for a
/// single observation, its id. `cut` draws a red horizontal line at that height.
///
/// ```
/// use amazon_sales::charts::{dendrogram, ChartSpec, Merge};
/// let merges = [
///     Merge { left: 0, right: 1, height: 1.0, size: 2 },
///     Merge { left: 2, right: 3, height: 3.0, size: 3 },
/// ];
/// let fig = dendrogram(&ChartSpec::new("Ward"), &merges, 3, 2, Some(2.0))?;
/// assert!(fig.svg().contains("(2)"));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when `merges` is not a full linkage of `n`
/// observations (n − 1 merges, ids in range); [`Error::InvalidParameter`]
/// when `last_p` < 2; [`Error::Chart`] if drawing fails.
pub fn dendrogram(
    spec: &ChartSpec,
    merges: &[Merge],
    n: usize,
    last_p: usize,
    cut: Option<f64>,
) -> Result<Figure> {
    if n < 2 || merges.len() != n - 1 {
        return Err(Error::input(
            "dendrogram",
            format!("{} merges for {n} observations (need n − 1)", merges.len()),
        ));
    }
    if merges
        .iter()
        .enumerate()
        .any(|(i, m)| m.left >= n + i || m.right >= n + i || !m.height.is_finite())
    {
        return Err(Error::input(
            "dendrogram",
            "merge ids out of order or non-finite height",
        ));
    }
    if last_p < 2 {
        return Err(Error::param("last_p", "need at least 2 leaves"));
    }
    let p = last_p.min(n);
    // Nodes with id below `first_shown` are drawn as leaves.
    let first_shown = 2 * n - p;
    let size_of = |id: usize| if id < n { 1 } else { merges[id - n].size };

    // Leaf order: depth-first from the root, left child first (scipy's order).
    let mut leaves = Vec::with_capacity(p);
    let mut stack = vec![2 * n - 2];
    while let Some(id) = stack.pop() {
        if id < first_shown {
            leaves.push(id);
        } else {
            let m = merges[id - n];
            stack.push(m.right);
            stack.push(m.left);
        }
    }
    let mut placed: Vec<Option<Placed>> = (0..2 * n - 1).map(|_| None).collect();
    for (k, &id) in leaves.iter().enumerate() {
        placed[id] = Some(Placed {
            x: 10.0 * k as f64 + 5.0,
            y: 0.0,
        });
    }
    let mut links = Vec::with_capacity(p);
    for id in first_shown..2 * n - 1 {
        let m = merges[id - n];
        let (Some(l), Some(r)) = (&placed[m.left], &placed[m.right]) else {
            return Err(Error::input(
                "dendrogram",
                "a merge refers to a hidden cluster",
            ));
        };
        links.push(vec![
            (l.x, l.y),
            (l.x, m.height),
            (r.x, m.height),
            (r.x, r.y),
        ]);
        placed[id] = Some(Placed {
            x: (l.x + r.x) / 2.0,
            y: m.height,
        });
    }
    let top = merges[n - 2]
        .height
        .max(cut.unwrap_or(0.0))
        .max(f64::MIN_POSITIVE)
        * 1.05;
    let width = 10.0 * p as f64;

    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (30, 70))
            .build_cartesian_2d(0.0..width, (-0.08 * top)..top)
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .disable_x_axis()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        let c = color(0);
        chart
            .draw_series(
                links
                    .into_iter()
                    .map(|pts| PathElement::new(pts, c.stroke_width(2))),
            )
            .map_err(chart_err)?;
        let label_style = ("sans-serif", 10).into_font().color(&BLACK);
        chart
            .draw_series(leaves.iter().map(|&id| {
                let x = placed[id].as_ref().map_or(0.0, |pl| pl.x);
                let label = if id < n {
                    id.to_string()
                } else {
                    format!("({})", size_of(id))
                };
                Text::new(label, (x - 3.0, -0.02 * top), label_style.clone())
            }))
            .map_err(chart_err)?;
        if let Some(h) = cut {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(0.0, h), (width, h)],
                    RED.stroke_width(2),
                )))
                .map_err(chart_err)?
                .label(format!("cut at {h}"))
                .legend(line_key(RED.stroke_width(2)));
            legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_plot_has_p_leaves() {
        // 4 points: (0,1) at 1, (2,3) at 2, then both at 5.
        let merges = [
            Merge {
                left: 0,
                right: 1,
                height: 1.0,
                size: 2,
            },
            Merge {
                left: 2,
                right: 3,
                height: 2.0,
                size: 2,
            },
            Merge {
                left: 4,
                right: 5,
                height: 5.0,
                size: 4,
            },
        ];
        let fig = dendrogram(&ChartSpec::new("t"), &merges, 4, 2, None).unwrap();
        assert_eq!(fig.svg().matches("(2)").count(), 2);
        let full = dendrogram(&ChartSpec::new("t"), &merges, 4, 30, Some(3.0)).unwrap();
        assert!(full.svg().contains("cut at 3"));
    }

    #[test]
    fn malformed_linkage_is_an_error() {
        let merges = [Merge {
            left: 0,
            right: 5,
            height: 1.0,
            size: 2,
        }];
        assert!(dendrogram(&ChartSpec::new("t"), &merges, 2, 2, None).is_err());
        assert!(dendrogram(&ChartSpec::new("t"), &[], 3, 2, None).is_err());
    }
}
