//! §7 K-Means order segments (R-74..R-85): the original's 14 columns, the
//! choice of k, the k = 3 fit, a PCA view and cluster profiles in original
//! units (rupees, units, shares, decoded modes).

use std::collections::BTreeMap;

use ndarray::{Array2, Axis};

use crate::charts::{self, ChartSpec, ScatterGroup};
use crate::display::{number, percent, thousands, Figure, FigureGrid, Table};
use crate::error::{Error, Result};
use crate::ml::cluster::{pca_2d, silhouette_sampled, KMeansFit, KMeansParams, KSweep};
use crate::ml::scale::{ScaleMethod, Scaler};

use super::inputs::{Features, ModelFrame};

/// Columns R-75 keeps from the encoded frame (the label-coded ones are scaled).
const SEGMENT_COLUMNS: [&str; 6] = [
    "Style",
    "Category",
    "Size",
    "Qty",
    "ship-state",
    "promotion-ids",
];

/// The clustering matrix of R-75.
#[derive(Debug, Clone)]
pub struct SegmentInputs {
    /// 113,670 × 14: scaled codes and Qty, raw 0/1 flags.
    pub x: Array2<f64>,
    /// Column names.
    pub names: Vec<String>,
}

/// drops Amount, Cancelled, Order ID, SKU, ASIN and the postal code from
/// the original features; standardises the columns with more than two values.
///
/// # Errors
/// [`Error::InvalidInput`] when an expected column is missing.
pub fn segment_inputs(features: &Features) -> Result<SegmentInputs> {
    let drop = ["Order ID", "SKU", "ASIN", "ship-postal-code"];
    let keep: Vec<usize> = (0..features.names.len())
        .filter(|&j| !drop.contains(&features.names[j].as_str()))
        .collect();
    let mut x = features.x.select(Axis(1), &keep);
    let names: Vec<String> = keep.iter().map(|&j| features.names[j].clone()).collect();
    for c in SEGMENT_COLUMNS {
        let j = names
            .iter()
            .position(|n| n == c)
            .ok_or_else(|| Error::input("segment inputs", format!("no column {c:?}")))?;
        let col = x.column(j).to_owned().insert_axis(Axis(1));
        let z = Scaler::fit(ScaleMethod::Standard, col.view())?.transform(col.view())?;
        x.column_mut(j).assign(&z.column(0));
    }
    Ok(SegmentInputs { x, names })
}

impl SegmentInputs {
    /// inertia (all rows) and silhouette (seeded 10,000-row sample) for k = 2..=10.
    ///
    /// # Errors
    /// As [`KSweep::run`].
    pub fn sweep(&self, seed: u64) -> Result<KSweep> {
        KSweep::run(
            self.x.view(),
            2..=10,
            &KMeansParams::new(2).seed(seed),
            10_000,
        )
    }

    /// the final fit with `k` clusters, `n_runs` k-means++ starts (the
    /// original's `n_init="auto"` is one start) and `seed`.
    ///
    /// # Errors
    /// As [`KMeansParams::fit`].
    pub fn fit(&self, k: usize, n_runs: usize, seed: u64) -> Result<KMeansFit> {
        KMeansParams::new(k)
            .n_runs(n_runs)
            .seed(seed)
            .fit(self.x.view())
    }

    /// Silhouette of a fit's labels on a seeded 10,000-row sample.
    ///
    /// # Errors
    /// As [`silhouette_sampled`].
    pub fn silhouette(&self, fit: &KMeansFit, seed: u64) -> Result<f64> {
        silhouette_sampled(self.x.view(), fit.labels().view(), 10_000, seed)
    }

    /// PCA 2-D scatter coloured by cluster (at most 10,000 points drawn).
    ///
    /// # Errors
    /// As [`pca_2d`] and the scatter chart.
    pub fn pca_scatter(&self, fit: &KMeansFit) -> Result<Figure> {
        let p = pca_2d(self.x.view())?;
        let k = fit.centroids().nrows();
        let mut groups: Vec<ScatterGroup> = (0..k)
            .map(|c| ScatterGroup {
                name: format!("cluster {c}"),
                points: Vec::new(),
            })
            .collect();
        for (row, &l) in p.points.rows().into_iter().zip(fit.labels()) {
            groups[l].points.push((row[0], row[1]));
        }
        let title = format!(
            "Orders on the first two principal components (PC1 {}, PC2 {} of the variance)",
            percent(p.explained_variance_ratio[0], 1),
            percent(p.explained_variance_ratio[1], 1)
        );
        charts::scatter(&ChartSpec::new(title).x("PC1").y("PC2"), &groups, 10_000)
    }
}

/// One cluster's profile in original units.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterProfile {
    /// Rows in the cluster.
    pub count: usize,
    /// Mean Amount (₹).
    pub mean_amount: f64,
    /// Mean Qty.
    pub mean_qty: f64,
    /// Shares of B2B, Amazon, Merchant, Expedited, Standard.
    pub shares: [f64; 5],
    /// Most common Category, Size, Style, promotion-ids, ship-state.
    pub modes: [String; 5],
}

fn mode(values: impl Iterator<Item = String>) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .fold(
            (String::new(), 0),
            |b, (v, c)| if c > b.1 { (v, c) } else { b },
        )
        .0
}

/// profiles of the clusters of `fit` on the model rows.
///
/// # Errors
/// [`Error::InvalidInput`] when the labels do not match the frame.
pub fn profiles(frame: &ModelFrame, fit: &KMeansFit) -> Result<Vec<ClusterProfile>> {
    let labels = fit.labels();
    if labels.len() != frame.rows() {
        return Err(Error::input(
            "cluster profiles",
            "labels do not match the model rows",
        ));
    }
    let k = fit.centroids().nrows();
    let text = |n: &str| frame.text(n);
    let (fulfil, level) = (text("Fulfilment")?, text("ship-service-level")?);
    let mode_cols = [
        text("Category")?,
        text("Size")?,
        text("Style")?,
        text("promotion-ids")?,
        text("ship-state")?,
    ];
    (0..k)
        .map(|c| {
            let rows: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
            let n = rows.len().max(1) as f64;
            let mean = |v: &[f64]| rows.iter().map(|&i| v[i]).sum::<f64>() / n;
            let share = |col: &[String], value: &str| {
                rows.iter().filter(|&&i| col[i] == value).count() as f64 / n
            };
            let modes = mode_cols.map(|col| mode(rows.iter().map(|&i| col[i].clone())));
            Ok(ClusterProfile {
                count: rows.len(),
                mean_amount: mean(&frame.amount),
                mean_qty: mean(&frame.qty),
                shares: [
                    mean(&frame.b2b),
                    share(fulfil, "Amazon"),
                    share(fulfil, "Merchant"),
                    share(level, "Expedited"),
                    share(level, "Standard"),
                ],
                modes,
            })
        })
        .collect()
}

/// The profiles as a table (one row per cluster).
pub fn profile_table(profiles: &[ClusterProfile]) -> Table {
    let mut t = Table::new(
        "Cluster profiles in original units (R-82)",
        [
            "cluster",
            "orders",
            "mean Amount ₹",
            "mean Qty",
            "B2B",
            "Amazon",
            "Merchant",
            "Expedited",
            "Standard",
            "Category",
            "Size",
            "Style",
            "promotion-ids",
            "ship-state",
        ],
    );
    for (c, p) in profiles.iter().enumerate() {
        let mut row = vec![
            c.to_string(),
            thousands(p.count as i64),
            number(p.mean_amount, 2),
            number(p.mean_qty, 4),
        ];
        row.extend(p.shares.iter().map(|s| number(*s, 4)));
        row.extend(p.modes.iter().map(|m| {
            if m.chars().count() > 40 {
                format!("{}…", m.chars().take(40).collect::<String>())
            } else {
                m.clone()
            }
        }));
        t.push_row(row);
    }
    t.with_note("Modes are the decoded strings (ship-state in its raw spelling, as the original).")
}

/// mean Amount per cluster (bars) and the Amazon / Merchant split per cluster (pies).
///
/// # Errors
/// [`Error::Chart`] if drawing fails.
pub fn profile_charts(profiles: &[ClusterProfile]) -> Result<FigureGrid> {
    let bars: Vec<(String, f64)> = profiles
        .iter()
        .enumerate()
        .map(|(c, p)| (format!("cluster {c}"), p.mean_amount))
        .collect();
    let mut figures = vec![charts::bar(
        &ChartSpec::new("Mean Amount per cluster")
            .x("cluster")
            .y("₹")
            .size(420, 360),
        &bars,
    )?];
    for (c, p) in profiles.iter().enumerate() {
        figures.push(charts::pie(
            &ChartSpec::new(format!("Cluster {c}: fulfilment")).size(360, 360),
            &[
                ("Amazon".into(), p.shares[1]),
                ("Merchant".into(), p.shares[2]),
            ],
        )?);
    }
    Ok(FigureGrid::new(figures))
}

/// Several k-means solutions side by side: inertia, sorted sizes and silhouette
/// (seeded 10,000-row sample), with the original's row for comparison.
pub fn solutions_table(solutions: &[(&str, &KMeansFit, f64)]) -> Table {
    let mut t = Table::new(
        "K-Means solutions, k = 3 (R-79)",
        ["solution", "inertia", "sizes (sorted)", "silhouette"],
    );
    t.push_row([
        "original notebook".to_string(),
        "≈ 517,000 (fig.)".to_string(),
        "28,348 / 28,463 / 56,859".to_string(),
        "0.2739".to_string(),
    ]);
    for (name, fit, sil) in solutions {
        let mut sizes = fit.sizes();
        sizes.sort_unstable();
        let sizes: Vec<String> = sizes.iter().map(|s| thousands(*s as i64)).collect();
        t.push_row([
            name.to_string(),
            number(fit.inertia(), 0),
            sizes.join(" / "),
            number(*sil, 4),
        ]);
    }
    t.with_note("Cluster ids are arbitrary; sizes are sorted to compare solutions.")
}
