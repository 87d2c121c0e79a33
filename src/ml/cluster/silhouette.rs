//! Silhouette score, exact and on a seeded sample (the rows scikit-learn
//! draws for `sample_size`, through numpy's `RandomState`).
//!
//! Written here rather than taken from `linfa::metrics::SilhouetteScore`
//! (checked, linfa 0.8.1): linfa allocates a vector for every pair of points,
//! which makes a 10,000-row sample take minutes, and it scores singleton
//! clusters and a single cluster differently from scikit-learn (sklearn gives a
//! singleton's point 0 and rejects one cluster). This version computes pairwise
//! distances block by block with matrix products, as sklearn does.

use ndarray::{s, Array1, ArrayView1, ArrayView2, Axis};

use crate::error::{Error, Result};
use crate::ml::sklearn_split::NumpyRandomState;

const BLOCK: usize = 256;

fn check(x: ArrayView2<f64>, labels: ArrayView1<usize>) -> Result<usize> {
    if x.nrows() != labels.len() {
        return Err(Error::input(
            "silhouette",
            format!("{} rows but {} labels", x.nrows(), labels.len()),
        ));
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input("silhouette", "data contain NaN or infinity"));
    }
    let k = labels.iter().max().map_or(0, |&m| m + 1);
    let used = {
        let mut seen = vec![false; k];
        labels.iter().for_each(|&l| seen[l] = true);
        seen.iter().filter(|&&s| s).count()
    };
    if used < 2 || used >= x.nrows() {
        return Err(Error::input(
            "silhouette",
            format!(
                "needs 2 ≤ clusters < samples, got {used} clusters for {} samples",
                x.nrows()
            ),
        ));
    }
    Ok(k)
}

/// Mean silhouette coefficient over all rows (Euclidean distance), as
/// `sklearn.metrics.silhouette_score`. Cost grows with the square of the rows:
/// use [`silhouette_sampled`] above ~20,000 rows.
///
/// ```
/// use ndarray::array;
/// let x = array![[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0]];
/// let s = amazon_sales::ml::cluster::silhouette(x.view(), array![0, 0, 1, 1].view())?;
/// assert!(s > 0.8);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for mismatched lengths, non-finite values, or fewer
/// than 2 (or as many as the rows) distinct clusters.
pub fn silhouette(x: ArrayView2<f64>, labels: ArrayView1<usize>) -> Result<f64> {
    let k = check(x, labels)?;
    let n = x.nrows();
    let mut sizes = vec![0usize; k];
    labels.iter().for_each(|&l| sizes[l] += 1);
    let norms: Array1<f64> = x.map_axis(Axis(1), |r| r.dot(&r));
    let mut total = 0.0;
    let mut start = 0;
    while start < n {
        let end = (start + BLOCK).min(n);
        let block = x.slice(s![start..end, ..]);
        // squared distances of the block's rows to all rows: |a|² + |b|² − 2 a·b
        let gram = block.dot(&x.t());
        for (bi, g) in gram.axis_iter(Axis(0)).enumerate() {
            let i = start + bi;
            let mut sums = vec![0.0; k];
            for (j, &dot) in g.iter().enumerate() {
                let d2 = (norms[i] + norms[j] - 2.0 * dot).max(0.0);
                sums[labels[j]] += if i == j { 0.0 } else { d2.sqrt() };
            }
            let own = labels[i];
            if sizes[own] <= 1 {
                continue; // sklearn: a point alone in its cluster scores 0
            }
            let a = sums[own] / (sizes[own] - 1) as f64;
            let b = (0..k)
                .filter(|&c| c != own && sizes[c] > 0)
                .map(|c| sums[c] / sizes[c] as f64)
                .fold(f64::INFINITY, f64::min);
            let denom = a.max(b);
            if denom > 0.0 {
                total += (b - a) / denom;
            }
        }
        start = end;
    }
    Ok(total / n as f64)
}

/// Silhouette on `sample_size` rows drawn without replacement with `seed`
/// (sklearn's `silhouette_score(..., sample_size, random_state)`; the rows drawn
/// differ from numpy's). Uses every row when `sample_size ≥ rows`.
///
/// # Errors
/// [`Error::InvalidParameter`] when `sample_size` is 0; otherwise as [`silhouette`].
pub fn silhouette_sampled(
    x: ArrayView2<f64>,
    labels: ArrayView1<usize>,
    sample_size: usize,
    seed: u64,
) -> Result<f64> {
    if sample_size == 0 {
        return Err(Error::param("sample_size", "must be at least 1"));
    }
    check(x, labels)?;
    if sample_size >= x.nrows() {
        return silhouette(x, labels);
    }
    let rows = sample_rows(x.nrows(), sample_size, seed);
    let xs = x.select(Axis(0), &rows);
    let ls = labels.select(Axis(0), &rows);
    silhouette(xs.view(), ls.view())
}

/// `size` distinct row indices out of `n`, in ascending order: the rows
/// scikit-learn's `silhouette_score(.., sample_size=size, random_state=seed)`
/// draws (`RandomState(seed).permutation(n)[:size]`; seeds are taken modulo
/// 2³², numpy's range).
pub(crate) fn sample_rows(n: usize, size: usize, seed: u64) -> Vec<usize> {
    let mut rows = NumpyRandomState::new(seed as u32).permutation(n);
    rows.truncate(size.min(n));
    rows.sort_unstable();
    rows
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use ndarray::{array, Array2};

    /// Eight 2-D points in three clusters, with their labels: the cluster
    /// scores' shared sklearn comparison case.
    pub(in crate::ml::cluster) fn eight_points() -> (Array2<f64>, Array1<usize>) {
        let x = array![
            [1.0, 2.0],
            [1.5, 1.8],
            [5.0, 8.0],
            [8.0, 8.0],
            [1.0, 0.6],
            [9.0, 11.0],
            [8.0, 2.0],
            [10.0, 2.0]
        ];
        (x, array![0, 0, 1, 1, 0, 1, 2, 2])
    }

    // sklearn 1.5.2 silhouette_score on these 8 points / labels: 0.6923775449000584
    #[test]
    fn matches_sklearn() {
        let (x, l) = eight_points();
        let s = silhouette(x.view(), l.view()).unwrap();
        assert!((s - 0.6923775449000584).abs() < 1e-9, "{s}");
        // singleton cluster (point 7 alone): sklearn 0.49632134780337783
        let l2 = array![0, 0, 1, 1, 0, 1, 2, 3];
        let s2 = silhouette(x.view(), l2.view()).unwrap();
        assert!((s2 - 0.49632134780337783).abs() < 1e-9, "{s2}");
        let same = silhouette_sampled(x.view(), l.view(), 100, 1).unwrap();
        assert_eq!(same, s);
        let a = silhouette_sampled(x.view(), l.view(), 6, 42).unwrap();
        let b = silhouette_sampled(x.view(), l.view(), 6, 42).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_inputs() {
        let x = array![[0.0], [1.0], [2.0]];
        assert!(silhouette(x.view(), array![0, 0, 0].view()).is_err());
        assert!(silhouette(x.view(), array![0, 1].view()).is_err());
        assert!(matches!(
            silhouette_sampled(x.view(), array![0, 0, 1].view(), 0, 42),
            Err(Error::InvalidParameter { .. })
        ));
    }
}
