//! Agglomerative (hierarchical) clustering with kodama (P-93..P-98).
//!
//! linfa-hierarchical wraps kodama but takes a *kernel* (similarities) and
//! turns it into distances with a log transform, so it cannot give Ward on
//! Euclidean distances as scipy's `linkage(X, "ward")` and scikit-learn's
//! `AgglomerativeClustering(linkage="ward")` do. kodama is called directly
//! here on the condensed Euclidean distance matrix; its Ward, average,
//! complete and single linkages follow scipy (same merge heights, same
//! `n + i` ids for merged clusters).

use kodama::{linkage as kodama_linkage, Method};
use ndarray::{Array1, ArrayView2};
use rand::seq::index::sample;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::charts::{self, ChartSpec, Merge};
use crate::display::Figure;
use crate::error::{Error, Result};

/// How the distance between two clusters is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkageMethod {
    /// Increase of within-cluster variance (Euclidean distances only).
    Ward,
    /// Largest pairwise distance.
    Complete,
    /// Mean pairwise distance.
    Average,
    /// Smallest pairwise distance.
    Single,
}

impl LinkageMethod {
    fn kodama(self) -> Method {
        match self {
            LinkageMethod::Ward => Method::Ward,
            LinkageMethod::Complete => Method::Complete,
            LinkageMethod::Average => Method::Average,
            LinkageMethod::Single => Method::Single,
        }
    }
}

/// A full merge tree over `n` observations.
#[derive(Debug, Clone, PartialEq)]
pub struct Linkage {
    n: usize,
    merges: Vec<Merge>,
}

/// How the distance between two rows is measured (scipy's `metric`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distance {
    /// √Σ(a − b)².
    Euclidean,
    /// 1 − a·b / (‖a‖ ‖b‖): direction only, the length of a row does not count.
    Cosine,
}

impl Distance {
    /// Lower-case name, as scipy spells it.
    pub fn name(self) -> &'static str {
        match self {
            Distance::Euclidean => "euclidean",
            Distance::Cosine => "cosine",
        }
    }
}

/// Builds the merge tree of the rows of `x` (Euclidean distances).
///
/// ```
/// use amazon_sales::ml::cluster::hierarchical::{linkage, LinkageMethod};
/// use ndarray::array;
/// let x = array![[0.0], [1.0], [10.0], [12.0]];
/// let tree = linkage(x.view(), LinkageMethod::Ward)?;
/// assert_eq!(tree.cut(2)?.to_vec(), vec![0, 0, 1, 1]);
/// assert!((tree.merges()[0].height - 1.0).abs() < 1e-12);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for fewer than 2 rows, no columns, or NaN/infinite values.
pub fn linkage(x: ArrayView2<f64>, method: LinkageMethod) -> Result<Linkage> {
    linkage_by(x, method, Distance::Euclidean)
}

/// As [`linkage`], with the distance between rows chosen (scipy's
/// `linkage(x, method, metric)`).
///
/// ```
/// use amazon_sales::ml::cluster::hierarchical::{linkage_by, Distance, LinkageMethod};
/// use ndarray::array;
/// // cosine distances: d(0,1) = 1, d(0,2) = d(1,2) = 1 − 1/√2
/// let x = array![[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]];
/// let tree = linkage_by(x.view(), LinkageMethod::Average, Distance::Cosine)?;
/// let near = 1.0 - 0.5f64.sqrt();
/// assert!((tree.merges()[0].height - near).abs() < 1e-12);
/// assert!((tree.merges()[1].height - (1.0 + near) / 2.0).abs() < 1e-12);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// As [`linkage`]; [`Error::InvalidParameter`] for Ward with cosine distances
/// (Ward's update needs Euclidean ones; scipy refuses it too);
/// [`Error::InvalidInput`] for an all-zero row under cosine distances.
pub fn linkage_by(
    x: ArrayView2<f64>,
    method: LinkageMethod,
    distance: Distance,
) -> Result<Linkage> {
    let (n, d) = x.dim();
    if n < 2 || d == 0 {
        return Err(Error::input(
            "hierarchical clustering",
            format!("need at least 2 rows and 1 column, got {n} × {d}"),
        ));
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            "hierarchical clustering",
            "data contain NaN or infinity",
        ));
    }
    if method == LinkageMethod::Ward && distance == Distance::Cosine {
        return Err(Error::param(
            "distance",
            "Ward linkage needs Euclidean distances",
        ));
    }
    let norms: Vec<f64> = x.rows().into_iter().map(|r| r.dot(&r).sqrt()).collect();
    if distance == Distance::Cosine {
        if let Some(row) = norms.iter().position(|&v| v == 0.0) {
            return Err(Error::input(
                "hierarchical clustering",
                format!("row {row} is all zeros, so its cosine distance is undefined"),
            ));
        }
    }
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        let a = x.row(i);
        for j in i + 1..n {
            let b = x.row(j);
            condensed.push(match distance {
                Distance::Euclidean => {
                    let s: f64 = a.iter().zip(b.iter()).map(|(p, q)| (p - q) * (p - q)).sum();
                    s.sqrt()
                }
                Distance::Cosine => (1.0 - a.dot(&b) / (norms[i] * norms[j])).max(0.0),
            });
        }
    }
    let tree = kodama_linkage(&mut condensed, n, method.kodama());
    let merges = tree
        .steps()
        .iter()
        .map(|s| Merge {
            left: s.cluster1.min(s.cluster2),
            right: s.cluster1.max(s.cluster2),
            height: s.dissimilarity,
            size: s.size,
        })
        .collect();
    Ok(Linkage { n, merges })
}

impl Linkage {
    /// Number of observations.
    pub fn n_observations(&self) -> usize {
        self.n
    }

    /// The n − 1 merges, lowest first (scipy's linkage matrix).
    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// Flat clusters: undo the last `k` − 1 merges. Cluster ids are numbered
    /// by first appearance in row order (0 for the first row's cluster).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `k` is 0 or larger than the number of observations.
    pub fn cut(&self, k: usize) -> Result<Array1<usize>> {
        if k == 0 || k > self.n {
            return Err(Error::param(
                "k",
                format!("must be in 1..={} (the number of rows), got {k}", self.n),
            ));
        }
        // union-find over the first n − k merges
        let mut parent: Vec<usize> = (0..2 * self.n - 1).collect();
        fn find(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for (i, m) in self.merges.iter().take(self.n - k).enumerate() {
            let id = self.n + i;
            let a = find(&mut parent, m.left);
            let b = find(&mut parent, m.right);
            parent[a] = id;
            parent[b] = id;
        }
        let mut ids = std::collections::HashMap::new();
        let labels = (0..self.n)
            .map(|i| {
                let root = find(&mut parent, i);
                let next = ids.len();
                *ids.entry(root).or_insert(next)
            })
            .collect();
        Ok(labels)
    }

    /// The dendrogram of the last merges (`last_p` leaves), with an optional cut line.
    ///
    /// # Errors
    /// As [`charts::dendrogram`].
    pub fn dendrogram(&self, title: &str, last_p: usize, cut: Option<f64>) -> Result<Figure> {
        self.dendrogram_sized(title, last_p, cut, (900, 450))
    }

    /// As [`dendrogram`](Self::dendrogram) with a size in pixels (width, height).
    ///
    /// # Errors
    /// As [`charts::dendrogram`].
    pub fn dendrogram_sized(
        &self,
        title: &str,
        last_p: usize,
        cut: Option<f64>,
        size: (u32, u32),
    ) -> Result<Figure> {
        let spec = ChartSpec::new(title)
            .x("clusters (size) or row")
            .y("merge distance")
            .size(size.0, size.1);
        charts::dendrogram(&spec, &self.merges, self.n, last_p, cut)
    }
}

/// Ward clustering into a fixed number of clusters
/// (scikit-learn's `AgglomerativeClustering(n_clusters, linkage="ward")`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardParams {
    /// Number of flat clusters (default 3).
    pub n_clusters: usize,
}

impl WardParams {
    /// `n_clusters` clusters.
    pub fn new(n_clusters: usize) -> Self {
        Self { n_clusters }
    }

    /// Checks `n_clusters` against the number of rows.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when it is 0 or exceeds `rows`.
    pub fn check(&self, rows: usize) -> Result<()> {
        if self.n_clusters == 0 || self.n_clusters > rows {
            return Err(Error::param(
                "n_clusters",
                format!(
                    "must be in 1..={rows} (the number of rows), got {}",
                    self.n_clusters
                ),
            ));
        }
        Ok(())
    }

    /// Cluster label per row of `x`.
    ///
    /// # Errors
    /// [`check`](Self::check) errors and the input errors of [`linkage`].
    pub fn fit(&self, x: ArrayView2<f64>) -> Result<Array1<usize>> {
        self.check(x.nrows())?;
        linkage(x, LinkageMethod::Ward)?.cut(self.n_clusters)
    }
}

/// Rows drawn without replacement with a seed (the original's dendrogram
/// samples were unseeded, flaw 23), in ascending order.
///
/// # Errors
/// [`Error::InvalidParameter`] when `size` is 0 or exceeds `n`.
pub fn seeded_sample(n: usize, size: usize, seed: u64) -> Result<Vec<usize>> {
    if size == 0 || size > n {
        return Err(Error::param(
            "size",
            format!("must be in 1..={n}, got {size}"),
        ));
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut rows = sample(&mut rng, n, size).into_vec();
    rows.sort_unstable();
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn ward_heights_match_scipy() {
        // scipy 1.14.1: linkage([[0],[1],[10],[12],[30]], "ward")[:, 2]
        // → [1.0, 2.0, 14.8492424, 30.6740933]
        let x = array![[0.0], [1.0], [10.0], [12.0], [30.0]];
        let t = linkage(x.view(), LinkageMethod::Ward).unwrap();
        let h: Vec<f64> = t.merges().iter().map(|m| m.height).collect();
        for (a, b) in h.iter().zip([1.0, 2.0, 14.8492424, 30.6740933]) {
            assert!((a - b).abs() < 1e-6, "{h:?}");
        }
        assert_eq!(t.cut(3).unwrap().to_vec(), vec![0, 0, 1, 1, 2]);
        assert_eq!(t.cut(1).unwrap().to_vec(), vec![0; 5]);
    }

    #[test]
    fn bad_input_is_an_error() {
        let x = array![[0.0], [1.0]];
        assert!(matches!(
            WardParams::new(3).fit(x.view()),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            WardParams::new(0).fit(x.view()),
            Err(Error::InvalidParameter { .. })
        ));
        let nan = array![[0.0], [f64::NAN], [2.0]];
        assert!(matches!(
            WardParams::new(2).fit(nan.view()),
            Err(Error::InvalidInput { .. })
        ));
        assert!(seeded_sample(10, 11, 42).is_err());
        assert_eq!(
            seeded_sample(100, 5, 42).unwrap(),
            seeded_sample(100, 5, 42).unwrap()
        );
    }
}
