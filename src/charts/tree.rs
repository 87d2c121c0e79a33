//! Decision-tree diagram: the top levels of a fitted tree as boxes and edges
//! (sklearn's `plot_tree(max_depth=…, filled=True)`), with feature names.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::render;
use super::spec::{chart_err, ChartSpec};
use crate::display::{number, thousands, Figure};
use crate::error::{Error, Result};
use crate::ml::tree::{DecisionTree, Node};

/// Draws the nodes of `tree` down to `max_depth` (root = 0). Each box shows
/// the split rule, the impurity, the samples and the class shares; boxes are
/// shaded from blue (class 0) to orange (class 1).
///
/// ```
/// use amazon_sales::charts::{tree_diagram, ChartSpec};
/// use amazon_sales::ml::tree::{Criterion, DecisionTree, TreeParams};
/// use ndarray::array;
/// let x = array![[1.0], [2.0], [3.0], [4.0]];
/// let t = DecisionTree::fit(x.view(), array![0.0, 0.0, 1.0, 1.0].view(), None, Criterion::Gini { n_classes: 2 }, &TreeParams::default())?;
/// let fig = tree_diagram(&ChartSpec::new("Tree"), &t, &["price".to_string()], 2)?;
/// assert!(fig.svg().contains("price"));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when `names` is shorter than the tree's features;
/// [`Error::Chart`] if drawing fails.
pub fn tree_diagram(
    spec: &ChartSpec,
    tree: &DecisionTree,
    names: &[String],
    max_depth: usize,
) -> Result<Figure> {
    if names.len() < tree.n_features() {
        return Err(Error::input("tree diagram", "one name per feature needed"));
    }
    // (node, depth, slot in its level) for the nodes to draw
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut stack = vec![(0usize, 0usize, 0usize)];
    while let Some((id, depth, slot)) = stack.pop() {
        placed.push((id, depth, slot));
        let node = &tree.nodes()[id];
        if node.split.is_some() && depth < max_depth {
            stack.push((node.children.1, depth + 1, 2 * slot + 1));
            stack.push((node.children.0, depth + 1, 2 * slot));
        }
    }
    let levels = placed.iter().map(|p| p.1).max().unwrap_or(0) + 1;
    let spec = &spec
        .clone()
        .size(spec.width.max(1400), spec.height.max(640));
    render(spec, |root| {
        let root = root
            .titled(&spec.title, ("sans-serif", 18))
            .map_err(chart_err)?;
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let row_h = h / levels as i32;
        let centre = |depth: usize, slot: usize| {
            let width = w / (1i32 << depth);
            (
                width * slot as i32 + width / 2,
                row_h * depth as i32 + row_h / 2,
            )
        };
        let (bw, bh) = ((w / (1i32 << (levels - 1)) - 8).clamp(60, 220) / 2, 38);
        for &(id, depth, slot) in &placed {
            let node = &tree.nodes()[id];
            if node.split.is_some() && depth < max_depth {
                let (x0, y0) = centre(depth, slot);
                for child_slot in [2 * slot, 2 * slot + 1] {
                    let (x1, y1) = centre(depth + 1, child_slot);
                    root.draw(&PathElement::new(
                        vec![(x0, y0 + bh), (x1, y1 - bh)],
                        BLACK.mix(0.5),
                    ))
                    .map_err(chart_err)?;
                }
            }
        }
        let font = ("sans-serif", 11).into_font();
        for &(id, depth, slot) in &placed {
            let node = &tree.nodes()[id];
            let (cx, cy) = centre(depth, slot);
            let share = node.value.get(1).copied().unwrap_or(0.0);
            let fill = RGBColor(
                (70.0 + 180.0 * share) as u8,
                (130.0 + 40.0 * (1.0 - (2.0 * share - 1.0).abs())) as u8,
                (230.0 - 180.0 * share) as u8,
            )
            .mix(0.35);
            root.draw(&Rectangle::new(
                [(cx - bw, cy - bh), (cx + bw, cy + bh)],
                fill.filled(),
            ))
            .map_err(chart_err)?;
            root.draw(&Rectangle::new(
                [(cx - bw, cy - bh), (cx + bw, cy + bh)],
                BLACK.stroke_width(1),
            ))
            .map_err(chart_err)?;
            for (i, line) in node_lines(node, names, depth < max_depth)
                .iter()
                .enumerate()
            {
                root.draw(&Text::new(
                    line.clone(),
                    (cx, cy - bh + 8 + 15 * i as i32),
                    font.clone()
                        .color(&BLACK)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(chart_err)?;
            }
        }
        Ok(())
    })
}

fn node_lines(node: &Node, names: &[String], expanded: bool) -> Vec<String> {
    let rule = match node.split {
        Some((f, thr)) if expanded => format!("{} ≤ {}", names[f], number(thr, 3)),
        Some(_) => "… (deeper levels)".to_string(),
        None => "leaf".to_string(),
    };
    let shares: Vec<String> = node.value.iter().map(|v| number(*v, 2)).collect();
    vec![
        rule,
        format!(
            "gini {} · n {}",
            number(node.impurity, 3),
            thousands(node.samples as i64)
        ),
        format!("shares [{}]", shares.join(", ")),
    ]
}
