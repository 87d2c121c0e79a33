//! The K-Means algorithm itself: k-means++ starts and Lloyd iterations, written
//! to give linfa-clustering's fits (tested against it) several times faster.
//!
//! Why not call linfa-clustering 0.8.1 directly: profiling the sales matrix
//! (113,670 × 14, k = 2..10, 10 starts) showed ~90 % of its time in per-pair
//! ndarray overhead (a `Zip` and two views built for every row–centroid
//! distance), and its k-means++ recomputes every row's distance to all chosen
//! centroids at each step (O(n·k²)). Here the same steps run over contiguous
//! rows: the same m_k-means centroid update (the old centroid counts as one
//! more member), the same stopping rule (Frobenius norm of the centroid shift
//! below the tolerance) and the same k-means++ draws from the same generator;
//! only the order of the sums inside a distance differs (rounding in the last
//! bits), so the fits match linfa's: same labels, centroids equal to ~1e-12
//! (tested). Other crates
//! checked: `kmeans` (f32/f64 SIMD, needs nightly `portable_simd`) and
//! `clustering` (no k-means++ seeding control); neither reproduces linfa's runs.

use std::borrow::Cow;

use ndarray::{Array2, ArrayView1, ArrayView2};
use rand::distributions::{Distribution, WeightedIndex};
use rand::Rng;
use rayon::prelude::*;

/// Rows per parallel task of the assignment step.
const ROWS_PER_TASK: usize = 4096;

/// k-means++ starting centroids for the rows of `x`: the first row drawn
/// uniformly, each next one with probability proportional to its squared
/// distance to the nearest centroid so far. Draws what linfa's
/// `KMeansInit::KMeansPlusPlus` draws from the same generator (the same rows
/// unless a distance differs from linfa's in its last bits at a draw's
/// boundary), keeping the nearest distance up to date instead of recomputing
/// it against every centroid.
///
/// ```
/// use amazon_sales::ml::cluster::lloyd::kmeans_plus_plus;
/// use ndarray::array;
/// use rand::SeedableRng;
/// let x = array![[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.1, 5.0]];
/// let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(1);
/// let c = kmeans_plus_plus(x.view(), 2, &mut rng);
/// assert_eq!(c.nrows(), 2);
/// assert!((c[[0, 0]] - c[[1, 0]]).abs() > 4.0, "the second start is far from the first");
/// ```
pub fn kmeans_plus_plus(x: ArrayView2<f64>, k: usize, rng: &mut impl Rng) -> Array2<f64> {
    plus_plus(&Rows::new(x), k, rng)
}

/// [`kmeans_plus_plus`] on rows already laid out row-major (a fit draws
/// several starts from the same rows).
pub(crate) fn plus_plus(rows: &Rows, k: usize, rng: &mut impl Rng) -> Array2<f64> {
    let mut centroids = Array2::zeros((k, rows.width));
    if k == 0 || rows.len() == 0 {
        return centroids;
    }
    let first =
        WeightedIndex::new(std::iter::repeat_n(1.0f64, rows.len())).map_or(0, |w| w.sample(rng));
    let mut chosen = vec![first];
    let mut nearest = vec![f64::INFINITY; rows.len()];
    for _ in 1..k {
        let newest = rows.row(chosen[chosen.len() - 1]);
        for (i, d) in nearest.iter_mut().enumerate() {
            *d = d.min(squared_distance(newest, rows.row(i)));
        }
        // all distances zero: every row sits on a centroid; linfa takes row 0
        chosen.push(WeightedIndex::new(nearest.iter()).map_or(0, |w| w.sample(rng)));
    }
    for (c, &i) in chosen.iter().enumerate() {
        centroids.row_mut(c).assign(&ArrayView1::from(rows.row(i)));
    }
    centroids
}

/// The rows of a matrix as one row-major slice (copied only when the matrix
/// is not stored that way), so distances run over plain slices.
pub(crate) struct Rows<'a> {
    values: Cow<'a, [f64]>,
    width: usize,
}

impl<'a> Rows<'a> {
    pub(crate) fn new(x: ArrayView2<'a, f64>) -> Self {
        let values = match x.to_slice() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(x.iter().copied().collect()),
        };
        Self {
            values,
            width: x.ncols(),
        }
    }

    fn len(&self) -> usize {
        self.values.len().checked_div(self.width).unwrap_or(0)
    }

    fn row(&self, i: usize) -> &[f64] {
        &self.values[i * self.width..(i + 1) * self.width]
    }

    fn iter(&self) -> impl Iterator<Item = &[f64]> {
        self.values.chunks_exact(self.width.max(1))
    }
}

/// Squared Euclidean distance with four running sums (so the compiler can
/// vectorise it; one serial sum is bound by the latency of each addition,
/// which dominates at the 300 columns of the product text space).
fn squared_distance(centroid: &[f64], row: &[f64]) -> f64 {
    let mut sums = [0.0f64; 4];
    let mut pairs = centroid.chunks_exact(4).zip(row.chunks_exact(4));
    for (c, v) in &mut pairs {
        for lane in 0..4 {
            let d = c[lane] - v[lane];
            sums[lane] += d * d;
        }
    }
    let tail = centroid.len() - centroid.len() % 4;
    let rest: f64 = centroid[tail..]
        .iter()
        .zip(&row[tail..])
        .map(|(c, v)| (c - v) * (c - v))
        .sum();
    (sums[0] + sums[1]) + (sums[2] + sums[3]) + rest
}

/// One Lloyd run: the final centroids and, as linfa reports it, the summed
/// squared distance of the last assignment (to the centroids before the last update).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LloydRun {
    pub centroids: Array2<f64>,
    pub inertia: f64,
}

/// Lloyd iterations from `start` until the centroid shift (Frobenius norm)
/// falls below `tolerance` or after `max_iterations` updates.
pub(crate) fn lloyd(x: &Rows, start: Array2<f64>, max_iterations: u64, tolerance: f64) -> LloydRun {
    let mut centroids = start;
    let mut labels = vec![0usize; x.len()];
    let mut distances = vec![0.0f64; x.len()];
    let mut iterations = 0u64;
    loop {
        assign(x, centroids.view(), &mut labels, &mut distances);
        let updated = update_centroids(x, &centroids, &labels);
        let shift = centroids
            .iter()
            .zip(updated.iter())
            .fold(0.0, |acc, (a, b)| {
                let d = a - b;
                acc + d * d
            })
            .sqrt();
        centroids = updated;
        iterations += 1;
        if shift < tolerance || iterations >= max_iterations {
            return LloydRun {
                centroids,
                // ndarray's summation order, as linfa's `dists.sum()`
                inertia: ArrayView1::from(&distances[..]).sum(),
            };
        }
    }
}

/// Nearest centroid (the first on ties) and its squared distance, for every row.
pub(crate) fn assign(
    x: &Rows,
    centroids: ArrayView2<f64>,
    labels: &mut [usize],
    distances: &mut [f64],
) {
    let centroids = Rows::new(centroids);
    labels
        .par_chunks_mut(ROWS_PER_TASK)
        .zip(distances.par_chunks_mut(ROWS_PER_TASK))
        .enumerate()
        .for_each(|(task, (labels, distances))| {
            let first = task * ROWS_PER_TASK;
            for (i, (label, distance)) in labels.iter_mut().zip(distances).enumerate() {
                let row = x.row(first + i);
                let (mut best, mut lowest) = (0, f64::INFINITY);
                for (c, centroid) in centroids.iter().enumerate() {
                    let d = squared_distance(centroid, row);
                    if d < lowest {
                        (best, lowest) = (c, d);
                    }
                }
                *label = best;
                *distance = lowest;
            }
        });
}

/// New centroids: the mean of each cluster's rows and its old centroid
/// (linfa's m_k-means update, which also keeps empty clusters in place).
fn update_centroids(x: &Rows, old: &Array2<f64>, labels: &[usize]) -> Array2<f64> {
    let width = old.ncols();
    let mut sums = vec![0.0f64; old.len()];
    let mut counts = vec![1usize; old.nrows()];
    for (row, &label) in x.iter().zip(labels) {
        let sum = &mut sums[label * width..(label + 1) * width];
        sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
        counts[label] += 1;
    }
    Array2::from_shape_fn(old.raw_dim(), |(c, j)| {
        (sums[c * width + j] + old[[c, j]]) / counts[c] as f64
    })
}
