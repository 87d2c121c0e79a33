//! §7–9 product segments (P-77..P-99): the original's clustering space
//! (10 × z-scores of price and rating next to 300 SVD components of the
//! description's TF-IDF), K-Means and Ward clustering on it, and cluster
//! profiles in rupees (the original printed z-units because its scaler
//! overwrote the prices, flaw 23).

use ndarray::{concatenate, Array1, Array2, ArrayView1, Axis};

use super::frame::ProductFrame;
use super::price::stack;
use crate::charts::{self, ChartSpec, ScatterGroup};
use crate::display::{number, percent, thousands, Figure, Table};
use crate::error::{Error, Result};
use crate::ml::cluster::hierarchical::{
    linkage, linkage_by, seeded_sample, Distance, Linkage, LinkageMethod,
};
use crate::ml::cluster::{davies_bouldin, pca_2d, silhouette, KMeansParams, KSweep};
use crate::ml::scale::{ScaleMethod, Scaler};
use crate::ml::text::{SvdParams, Tfidf, TfidfParams, TruncatedSvd};

/// Settings of the clustering space (P-82..P-85).
#[derive(Debug, Clone, PartialEq)]
pub struct SpaceParams {
    /// TF-IDF vocabulary cap (1,000).
    pub max_features: usize,
    /// SVD components (300).
    pub components: usize,
    /// Weight of the two z-scores (10, "≈ √(302/3)").
    pub weight: f64,
}

impl Default for SpaceParams {
    fn default() -> Self {
        Self {
            max_features: 1000,
            components: 300,
            weight: 10.0,
        }
    }
}

impl SpaceParams {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a zero cap or a weight that is not positive.
    pub fn check(&self) -> Result<()> {
        if self.max_features == 0 {
            return Err(Error::param("max_features", "must be at least 1"));
        }
        if !(self.weight.is_finite() && self.weight > 0.0) {
            return Err(Error::param(
                "weight",
                format!("must be positive, got {}", self.weight),
            ));
        }
        Ok(())
    }
}

/// The clustering space and the pieces it was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterSpace {
    /// Rows × (2 + components): weight·z(price), weight·z(rating), SVD columns.
    pub x: Array2<f64>,
    /// P-79's z-scores of discounted_price, actual_price, rating (rows × 3).
    pub z: Array2<f64>,
    /// The TF-IDF matrix.
    pub tfidf: Tfidf,
    /// The SVD of the TF-IDF matrix.
    pub svd: TruncatedSvd,
}

/// Builds the space of P-79..P-85 from `frame`.
///
/// # Errors
/// Parameter errors; [`Error::InvalidInput`] when the descriptions hold no
/// token; the errors of the SVD.
pub fn build_space(frame: &ProductFrame, params: &SpaceParams) -> Result<ClusterSpace> {
    params.check()?;
    let raw = stack(&[
        frame.discounted_price.view(),
        frame.actual_price.view(),
        frame.rating.view(),
    ])?;
    let (_, z) = Scaler::fit_transform(ScaleMethod::Standard, raw.view())?;
    let tfidf = TfidfParams::default()
        .max_features(Some(params.max_features))
        .fit_transform(&frame.about_product)?;
    let svd = SvdParams::new(params.components).fit(tfidf.matrix().view())?;
    let weighted = stack(&[z.column(0), z.column(2)])? * params.weight;
    let x = concatenate(Axis(1), &[weighted.view(), svd.transformed().view()])
        .map_err(|e| Error::input("clustering space", e.to_string()))?;
    Ok(ClusterSpace { x, z, tfidf, svd })
}

impl ClusterSpace {
    /// Total variance share of the SVD components (P-83: 0.8380).
    pub fn explained_variance(&self) -> f64 {
        self.svd.explained_variance_ratio().sum()
    }

    /// P-79's first z-score rows (the original printed row 0: −0.490149, −0.466290, 0.368402).
    pub fn z_head(&self, rows: usize) -> Table {
        let mut t = Table::new(
            "Standardised columns (P-79, first rows)",
            ["row", "z(discounted_price)", "z(actual_price)", "z(rating)"],
        );
        for (i, r) in self.z.rows().into_iter().take(rows).enumerate() {
            t.push_row([
                i.to_string(),
                number(r[0], 6),
                number(r[1], 6),
                number(r[2], 6),
            ]);
        }
        t
    }

    /// Shape and explained variance of the space (P-82..P-85).
    pub fn summary(&self) -> Table {
        Table::new(
            "Clustering space (P-85)",
            [
                "rows",
                "columns",
                "TF-IDF terms",
                "SVD components",
                "explained variance",
            ],
        )
        .with_row([
            thousands(self.x.nrows() as i64),
            self.x.ncols().to_string(),
            self.tfidf.vocabulary().len().to_string(),
            self.svd.transformed().ncols().to_string(),
            number(self.explained_variance(), 4),
        ])
        .with_note("Original: vocabulary 1,000; explained variance 0.8380; X (1394, 302).")
    }

    /// P-87: K-Means for each k in 2..=`k_max` on all rows (10 runs, seed):
    /// inertia and silhouette on the full space, as the original.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `k_max` < 2; errors of K-Means.
    pub fn sweep(&self, k_max: usize, seed: u64) -> Result<KSweep> {
        if k_max < 2 {
            return Err(Error::param("k_max", "must be at least 2"));
        }
        KSweep::run_full(self.x.view(), 2..=k_max, &KMeansParams::new(2).seed(seed))
    }

    /// K-Means with `k` clusters (10 runs, seed), scored on the full space.
    ///
    /// # Errors
    /// As [`KMeansParams::fit`] (k = 0, k larger than the rows).
    pub fn kmeans(&self, k: usize, seed: u64) -> Result<Segmentation> {
        let fit = KMeansParams::new(k).seed(seed).fit(self.x.view())?;
        self.segmentation("K-Means", fit.labels().clone(), k)
    }

    /// The Ward merge tree of all rows (P-96).
    ///
    /// # Errors
    /// As [`linkage`].
    pub fn ward_tree(&self) -> Result<Linkage> {
        linkage(self.x.view(), LinkageMethod::Ward)
    }

    /// Ward clustering cut into `k` clusters (P-96), scored on the full space.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for k = 0 or k larger than the rows.
    pub fn ward(&self, tree: &Linkage, k: usize) -> Result<Segmentation> {
        self.segmentation("Ward", tree.cut(k)?, k)
    }

    /// P-95: the Ward dendrogram of a seeded `size`-row sample (the last
    /// `last_p` merges) with a cut line.
    ///
    /// # Errors
    /// Sample-size errors and the errors of [`linkage`] and the chart.
    pub fn sample_dendrogram(
        &self,
        size: usize,
        seed: u64,
        last_p: usize,
        cut: Option<f64>,
    ) -> Result<Figure> {
        let rows = seeded_sample(self.x.nrows(), size, seed)?;
        let sample = self.x.select(Axis(0), &rows);
        linkage(sample.view(), LinkageMethod::Ward)?.dendrogram(
            &format!("Ward dendrogram, {size}-row sample (seed {seed}), last {last_p} merges"),
            last_p,
            cut,
        )
    }

    /// P-93: dendrograms of the four linkages (Ward, complete, average,
    /// single) × two distances (Euclidean, cosine) on one seeded `size`-row
    /// sample, in the original's 4 × 2 grid order; Ward with cosine distances
    /// is a note panel, as the original left it blank ("skip: euclidean only").
    ///
    /// # Errors
    /// Sample-size errors and the errors of [`linkage_by`] and the chart.
    pub fn method_dendrograms(&self, size: usize, seed: u64, last_p: usize) -> Result<Vec<Figure>> {
        let rows = seeded_sample(self.x.nrows(), size, seed)?;
        let sample = self.x.select(Axis(0), &rows);
        let methods = [
            ("ward", LinkageMethod::Ward),
            ("complete", LinkageMethod::Complete),
            ("average", LinkageMethod::Average),
            ("single", LinkageMethod::Single),
        ];
        let panels = methods
            .into_iter()
            .flat_map(|m| [(m, Distance::Euclidean), (m, Distance::Cosine)]);
        panels
            .map(|((name, method), distance)| {
                let title = format!("{name} + {} ({size} rows, seed {seed})", distance.name());
                if method == LinkageMethod::Ward && distance == Distance::Cosine {
                    let spec = ChartSpec::new(title).size(450, 300);
                    return charts::note(&spec, "skipped: Ward needs Euclidean distances");
                }
                linkage_by(sample.view(), method, distance)?.dendrogram_sized(
                    &title,
                    last_p,
                    None,
                    (450, 300),
                )
            })
            .collect()
    }

    fn segmentation(&self, method: &str, labels: Array1<usize>, k: usize) -> Result<Segmentation> {
        if k < 2 {
            return Err(Error::param("k", "scores need at least 2 clusters"));
        }
        Ok(Segmentation {
            method: method.into(),
            silhouette: silhouette(self.x.view(), labels.view())?,
            davies_bouldin: davies_bouldin(self.x.view(), labels.view())?,
            labels,
            k,
        })
    }

    /// P-89/P-97: the space projected on 2 principal components, coloured by cluster.
    ///
    /// # Errors
    /// Errors of the PCA and the chart.
    pub fn scatter(&self, seg: &Segmentation, names: &[String]) -> Result<Figure> {
        let proj = pca_2d(self.x.view())?;
        let groups = (0..seg.k)
            .map(|c| ScatterGroup {
                name: names
                    .get(c)
                    .cloned()
                    .unwrap_or_else(|| format!("cluster {c}")),
                points: proj
                    .points
                    .rows()
                    .into_iter()
                    .zip(seg.labels.iter())
                    .filter(|(_, &l)| l == c)
                    .map(|(p, _)| (p[0], p[1]))
                    .collect(),
            })
            .collect::<Vec<_>>();
        let spec = ChartSpec::new(format!(
            "{} clusters on the first two principal components",
            seg.method
        ))
        .x(format!(
            "PC1 ({})",
            percent(proj.explained_variance_ratio[0], 1)
        ))
        .y(format!(
            "PC2 ({})",
            percent(proj.explained_variance_ratio[1], 1)
        ));
        charts::scatter(&spec, &groups, 5000)
    }
}

/// P-87's sweep table with the original's silhouettes read from its plot.
pub fn sweep_table(sweep: &KSweep) -> Table {
    const ORIGINAL: [&str; 9] = [
        ".61", ".497", ".435", ".447", ".398", ".378", ".382", ".382", ".399",
    ];
    let mut t = Table::new(
        "Choosing k: K-Means inertia and silhouette (all rows)",
        ["k", "inertia", "silhouette", "silhouette (original, fig.)"],
    );
    for r in &sweep.rows {
        t.push_row([
            r.k.to_string(),
            number(r.inertia, 0),
            number(r.silhouette_full, 4),
            ORIGINAL
                .get(r.k.wrapping_sub(2))
                .copied()
                .unwrap_or("-")
                .to_string(),
        ]);
    }
    t
}

/// Cluster labels with their scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Segmentation {
    /// "K-Means" or "Ward".
    pub method: String,
    /// Cluster per row.
    pub labels: Array1<usize>,
    /// Number of clusters.
    pub k: usize,
    /// Mean silhouette on the full space.
    pub silhouette: f64,
    /// Davies–Bouldin index.
    pub davies_bouldin: f64,
}

impl Segmentation {
    /// Rows per cluster.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![0; self.k];
        self.labels.iter().for_each(|&l| sizes[l] += 1);
        sizes
    }

    /// Silhouette, Davies–Bouldin and sizes (P-90 / P-98).
    pub fn scores_table(&self, original: &str) -> Table {
        let sizes: Vec<String> = self.sizes().iter().map(|s| thousands(*s as i64)).collect();
        Table::new(
            format!("{}, k = {}", self.method, self.k),
            ["silhouette", "Davies–Bouldin", "sizes"],
        )
        .with_row([
            number(self.silhouette, 4),
            number(self.davies_bouldin, 4),
            sizes.join(" / "),
        ])
        .with_note(original.to_string())
    }

    /// Names for k = 3 by the original's reading: the highest mean price is
    /// "premium"; of the other two, the lower mean rating is "cheap, lower
    /// rated" and the higher "good value". Other k: "cluster i".
    pub fn names(&self, frame: &ProductFrame) -> Vec<String> {
        let mut names: Vec<String> = (0..self.k).map(|c| format!("cluster {c}")).collect();
        if self.k != 3 {
            return names;
        }
        let price = group_means(&self.labels, frame.discounted_price.view(), self.k);
        let rating = group_means(&self.labels, frame.rating.view(), self.k);
        let mut by_price: Vec<usize> = (0..3).collect();
        by_price.sort_by(|&a, &b| price[b].total_cmp(&price[a]));
        let (a, b) = (by_price[1], by_price[2]);
        let (low, high) = if rating[a] <= rating[b] {
            (a, b)
        } else {
            (b, a)
        };
        names[by_price[0]] = format!("cluster {}: premium", by_price[0]);
        names[low] = format!("cluster {low}: cheap, lower rated");
        names[high] = format!("cluster {high}: good value");
        names
    }

    /// Profile in rupees (and the original's z-units for comparison).
    pub fn profile(&self, frame: &ProductFrame, space: &ClusterSpace) -> Table {
        let names = self.names(frame);
        let means = |v: ArrayView1<f64>| group_means(&self.labels, v, self.k);
        let dp = means(frame.discounted_price.view());
        let ap = means(frame.actual_price.view());
        let disc = means(frame.discount.view());
        let rating = means(frame.rating.view());
        let count = group_medians(&self.labels, frame.rating_count.view(), self.k);
        let zp = means(space.z.column(0));
        let zr = means(space.z.column(2));
        let sizes = self.sizes();
        let n = frame.len().max(1) as f64;
        let mut t = Table::new(
            format!("{} profile (k = {}), in rupees", self.method, self.k),
            [
                "cluster",
                "rows",
                "share",
                "mean price (₹)",
                "mean list price (₹)",
                "mean discount",
                "mean rating",
                "median rating count",
                "mean z(price)",
                "mean z(rating)",
            ],
        );
        for c in 0..self.k {
            t.push_row([
                names[c].clone(),
                thousands(sizes[c] as i64),
                percent(sizes[c] as f64 / n, 1),
                number(dp[c], 0),
                number(ap[c], 0),
                percent(disc[c], 1),
                number(rating[c], 2),
                number(count[c], 0),
                number(zp[c], 4),
                number(zr[c], 4),
            ]);
        }
        t.with_note("The z columns are what the original printed (its scaler overwrote the prices, flaw 23).")
    }
}

fn group_means(labels: &Array1<usize>, v: ArrayView1<f64>, k: usize) -> Vec<f64> {
    let mut sum = vec![0.0; k];
    let mut n = vec![0usize; k];
    for (&l, &x) in labels.iter().zip(v.iter()) {
        sum[l] += x;
        n[l] += 1;
    }
    sum.iter()
        .zip(n.iter())
        .map(|(s, &c)| if c == 0 { f64::NAN } else { s / c as f64 })
        .collect()
}

fn group_medians(labels: &Array1<usize>, v: ArrayView1<f64>, k: usize) -> Vec<f64> {
    (0..k)
        .map(|c| {
            let mut xs: Vec<f64> = labels
                .iter()
                .zip(v.iter())
                .filter(|(&l, _)| l == c)
                .map(|(_, &x)| x)
                .collect();
            xs.sort_by(f64::total_cmp);
            match xs.len() {
                0 => f64::NAN,
                m if m % 2 == 1 => xs[m / 2],
                m => (xs[m / 2 - 1] + xs[m / 2]) / 2.0,
            }
        })
        .collect()
}

/// "Original vs honest" for the clustering: scores of both methods beside the original's.
pub fn comparison(kmeans: &Segmentation, ward: &Segmentation) -> Table {
    let mut t = Table::new(
        "Clustering: original vs this run (k = 3)",
        [
            "method",
            "silhouette (original)",
            "silhouette",
            "DB (original)",
            "DB",
            "sizes (original)",
            "sizes",
        ],
    );
    let sizes = |s: &Segmentation| {
        let mut v = s.sizes();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    t.push_row([
        "K-Means".to_string(),
        "0.497".into(),
        number(kmeans.silhouette, 3),
        "0.689".into(),
        number(kmeans.davies_bouldin, 3),
        "931 / 336 / 127".into(),
        sizes(kmeans),
    ]);
    t.push_row([
        "Ward".to_string(),
        "0.401".into(),
        number(ward.silhouette, 3),
        "0.761".into(),
        number(ward.davies_bouldin, 3),
        "738 / 532 / 124".into(),
        sizes(ward),
    ]);
    t.with_note(
        "The space is hand-weighted: the two ×10 z-scores dominate the distances, so the clusters \
         are mostly price and rating bands; k = 2 scores higher than k = 3 (flaw 23).",
    )
}

impl crate::display::AsTable for ClusterSpace {
    fn as_table(&self) -> crate::display::Table {
        self.summary()
    }
}
