//! K-Means settings and fits (k-means++ starts, best of seeded runs; the
//! algorithm is in [`super::lloyd`], matching linfa-clustering's fits), and the
//! sweep over k behind the elbow and silhouette charts.

use std::ops::RangeInclusive;

use ndarray::{Array1, Array2, ArrayView2, Axis};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;

use super::lloyd::{assign, lloyd, plus_plus, LloydRun, Rows};
use super::silhouette::{sample_rows, silhouette, silhouette_sampled};
use crate::charts::{self, ChartSpec, LineSeries};
use crate::display::{number, thousands, Figure, Progress, Table};
use crate::error::{Error, Result};

/// K-Means settings; defaults follow scikit-learn (`n_init = 10`, `max_iter = 300`,
/// `tol = 1e-4`) with seed 42.
///
/// ```
/// use amazon_sales::ml::cluster::KMeansParams;
/// use ndarray::array;
/// let x = array![[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.1, 5.0]];
/// let fit = KMeansParams::new(2).fit(x.view())?;
/// assert_eq!(fit.sizes(), vec![2, 2]);
/// assert!(KMeansParams::new(0).check().is_err());
/// # Ok::<(), amazon_sales::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansParams {
    /// Number of clusters (≥ 1).
    pub k: usize,
    /// Independent k-means++ starts; the lowest inertia wins (≥ 1).
    pub n_runs: usize,
    /// Iteration cap per run (≥ 1).
    pub max_iterations: u64,
    /// Relative tolerance, as sklearn's `tol`: a run stops when the summed
    /// squared centroid shift falls below `tolerance` × the mean column variance (> 0).
    pub tolerance: f64,
    /// Seed of the initialisation.
    pub seed: u64,
}

impl KMeansParams {
    /// Defaults for `k` clusters.
    pub fn new(k: usize) -> Self {
        Self {
            k,
            n_runs: 10,
            max_iterations: 300,
            tolerance: 1e-4,
            seed: 42,
        }
    }

    /// Sets the number of runs.
    pub fn n_runs(mut self, n_runs: usize) -> Self {
        self.n_runs = n_runs;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for k = 0, zero runs or iterations, or a
    /// tolerance that is not positive.
    pub fn check(&self) -> Result<()> {
        if self.k == 0 {
            return Err(Error::param("k", "must be at least 1"));
        }
        if self.n_runs == 0 {
            return Err(Error::param("n_runs", "must be at least 1"));
        }
        if self.max_iterations == 0 {
            return Err(Error::param("max_iterations", "must be at least 1"));
        }
        if !(self.tolerance > 0.0 && self.tolerance.is_finite()) {
            return Err(Error::param("tolerance", "must be positive and finite"));
        }
        Ok(())
    }

    /// Fits K-Means on the rows of `x`.
    ///
    /// # Errors
    /// As [`check`](Self::check); [`Error::InvalidInput`] when `x` has fewer rows
    /// than k or non-finite values; [`Error::Model`] if linfa fails.
    pub fn fit(&self, x: ArrayView2<f64>) -> Result<KMeansFit> {
        self.check()?;
        if x.nrows() < self.k {
            return Err(Error::input(
                "K-Means",
                format!("{} rows for k = {}", x.nrows(), self.k),
            ));
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input("K-Means", "data contain NaN or infinity"));
        }
        let mut rng = Xoshiro256Plus::seed_from_u64(self.seed);
        // Lloyd (as linfa) stops when the Frobenius norm of the centroid shift
        // is below its tolerance; sklearn when the squared shift is below
        // tol × mean variance: convert, so both stop at the same point
        let mean_variance = x.var_axis(Axis(0), 0.0).mean().unwrap_or(0.0);
        let absolute = (self.tolerance * mean_variance).sqrt().max(f64::EPSILON);
        // Best of `n_runs` starts by inertia, the starts drawn one after the
        // other from one generator, as linfa's `n_runs`
        let rows = Rows::new(x);
        let mut best: Option<LloydRun> = None;
        for _ in 0..self.n_runs {
            let start = plus_plus(&rows, self.k, &mut rng);
            let run = lloyd(&rows, start, self.max_iterations, absolute);
            if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
                best = Some(run);
            }
        }
        let centroids = best
            .ok_or_else(|| Error::model("K-Means", "made no run"))?
            .centroids;
        let mut labels = vec![0; x.nrows()];
        let mut distances = vec![0.0; x.nrows()];
        assign(&rows, centroids.view(), &mut labels, &mut distances);
        let labels = Array1::from_vec(labels);
        let inertia = distances.iter().sum();
        Ok(KMeansFit {
            centroids,
            labels,
            inertia,
        })
    }
}

/// A fitted K-Means: centroids, the label of every training row, inertia.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansFit {
    centroids: Array2<f64>,
    labels: Array1<usize>,
    inertia: f64,
}

impl KMeansFit {
    /// Centroids, one row per cluster (in the units of the fitted data).
    pub fn centroids(&self) -> &Array2<f64> {
        &self.centroids
    }

    /// Cluster of each training row.
    pub fn labels(&self) -> &Array1<usize> {
        &self.labels
    }

    /// Sum of squared distances to the nearest centroid (sklearn's `inertia_`).
    pub fn inertia(&self) -> f64 {
        self.inertia
    }

    /// Rows per cluster.
    pub fn sizes(&self) -> Vec<usize> {
        cluster_sizes(&self.labels, self.centroids.nrows())
    }

    /// Cluster sizes as a table (count and share).
    pub fn sizes_table(&self) -> Table {
        let sizes = self.sizes();
        let n: usize = sizes.iter().sum();
        let mut t = Table::new("Cluster sizes", ["cluster", "rows", "share"]);
        for (c, &s) in sizes.iter().enumerate() {
            t.push_row([
                c.to_string(),
                thousands(s as i64),
                crate::display::percent(s as f64 / n.max(1) as f64, 1),
            ]);
        }
        t
    }
}

/// Number of labels equal to each cluster id `0..k`.
pub fn cluster_sizes(labels: &Array1<usize>, k: usize) -> Vec<usize> {
    let mut sizes = vec![0; k];
    labels
        .iter()
        .filter(|&&l| l < k)
        .for_each(|&l| sizes[l] += 1);
    sizes
}

/// One k of a [`KSweep`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KSweepRow {
    /// Number of clusters.
    pub k: usize,
    /// Inertia of the fit on all rows (the elbow curve).
    pub inertia: f64,
    /// Silhouette of a fit refitted on the seeded sample only (the original's
    /// method, R-77); `None` when the sweep scores all rows.
    pub silhouette_refit: Option<f64>,
    /// Silhouette of the all-rows fit's labels, on the sample (all rows when
    /// the sweep has no sample).
    pub silhouette_full: f64,
}

/// Inertia and silhouette for a range of k: the one k-sweep of both
/// notebooks (R-77, P-87, P-X3), with its table and its elbow and silhouette
/// charts.
#[derive(Debug, Clone, PartialEq)]
pub struct KSweep {
    /// One row per k, in order.
    pub rows: Vec<KSweepRow>,
    /// Rows the silhouettes are computed on.
    pub sample_size: usize,
}

impl KSweep {
    /// Fits K-Means for every k in `ks` on all rows of `x` (inertia) and, for
    /// the silhouettes, on a seeded sample of `sample_size` rows, with
    /// `params`' runs and seed (R-77).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for an empty range, k = 0 or `sample_size` < 2;
    /// otherwise as [`KMeansParams::fit`].
    pub fn run(
        x: ArrayView2<f64>,
        ks: RangeInclusive<usize>,
        params: &KMeansParams,
        sample_size: usize,
    ) -> Result<Self> {
        if sample_size < 2 {
            return Err(Error::param("sample_size", "must be at least 2"));
        }
        let sample = sample_rows(x.nrows(), sample_size, params.seed);
        let xs = x.select(Axis(0), &sample);
        Self::sweep(x, ks, params, |p, full| {
            let refit = p.fit(xs.view())?;
            let refit = silhouette(xs.view(), refit.labels().view())?;
            let full = silhouette_sampled(x, full.labels().view(), sample_size, params.seed)?;
            Ok((Some(refit), full, sample.len()))
        })
    }

    /// Fits K-Means for every k in `ks` on all rows of `x`, inertia and
    /// silhouette on all rows (P-87, P-X3).
    ///
    /// ```
    /// use amazon_sales::ml::cluster::{KMeansParams, KSweep};
    /// use ndarray::array;
    /// let x = array![[0.0], [0.1], [0.2], [5.0], [5.1], [9.0], [9.1], [9.2]];
    /// let sweep = KSweep::run_full(x.view(), 2..=3, &KMeansParams::new(2).seed(1))?;
    /// assert_eq!(sweep.rows.len(), 2);
    /// assert!(sweep.rows[1].silhouette_full > sweep.rows[0].silhouette_full); // three blobs
    /// assert_eq!(sweep.figures()?.len(), 2);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`KSweep::run`].
    pub fn run_full(
        x: ArrayView2<f64>,
        ks: RangeInclusive<usize>,
        params: &KMeansParams,
    ) -> Result<Self> {
        Self::sweep(x, ks, params, |_, full| {
            Ok((None, silhouette(x, full.labels().view())?, x.nrows()))
        })
    }

    /// The loop both sweeps share: one all-rows fit per k, then `score`.
    fn sweep(
        x: ArrayView2<f64>,
        ks: RangeInclusive<usize>,
        params: &KMeansParams,
        score: impl Fn(&KMeansParams, &KMeansFit) -> Result<(Option<f64>, f64, usize)>,
    ) -> Result<Self> {
        if ks.is_empty() {
            return Err(Error::param("ks", "the range of k is empty"));
        }
        let mut rows = Vec::new();
        let mut sample_size = x.nrows();
        let mut progress = Progress::new("k sweep", ks.clone().count());
        for k in ks {
            let p = KMeansParams {
                k,
                ..params.clone()
            };
            let (full, (silhouette_refit, silhouette_full, n)) =
                progress.step(&format!("k = {k}"), || {
                    let full = p.fit(x)?;
                    let scores = score(&p, &full)?;
                    Ok::<_, Error>((full, scores))
                })?;
            sample_size = n;
            rows.push(KSweepRow {
                k,
                inertia: full.inertia(),
                silhouette_refit,
                silhouette_full,
            });
        }
        Ok(Self { rows, sample_size })
    }

    fn has_refit(&self) -> bool {
        self.rows.iter().any(|r| r.silhouette_refit.is_some())
    }

    /// The sweep as a table (the refit column only for a sampled sweep).
    pub fn table(&self) -> Table {
        let mut columns = vec!["k", "inertia"];
        if self.has_refit() {
            columns.extend([
                "silhouette, refit on sample (original)",
                "silhouette, full-data fit",
            ]);
        } else {
            columns.push("silhouette");
        }
        let mut t = Table::new("Choosing k: inertia (all rows) and silhouette", columns);
        for r in &self.rows {
            let mut cells = vec![r.k.to_string(), number(r.inertia, 0)];
            cells.extend(r.silhouette_refit.map(|s| number(s, 4)));
            cells.push(number(r.silhouette_full, 4));
            t.push_row(cells);
        }
        t.with_note(format!(
            "Silhouette on {} rows{}.",
            thousands(self.sample_size as i64),
            if self.has_refit() {
                " drawn with the seed"
            } else {
                " (all)"
            }
        ))
    }

    /// The elbow chart (inertia per k) and the silhouette chart (per k; both
    /// silhouettes for a sampled sweep), side by side in a grid.
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn figures(&self) -> Result<Vec<Figure>> {
        let curve = |pick: &dyn Fn(&KSweepRow) -> Option<f64>| -> Vec<(f64, f64)> {
            self.rows
                .iter()
                .filter_map(|r| pick(r).map(|v| (r.k as f64, v)))
                .collect()
        };
        let spec = |title: &str, y: &str| ChartSpec::new(title).x("k").y(y).size(450, 320);
        let inertia = LineSeries::new("inertia", curve(&|r| Some(r.inertia))).with_markers();
        let mut silhouettes = Vec::new();
        if self.has_refit() {
            silhouettes.push(
                LineSeries::new(
                    "refit on the sample (original)",
                    curve(&|r| r.silhouette_refit),
                )
                .with_markers(),
            );
        }
        let full_name = if self.has_refit() {
            "all-rows fit, scored on the sample"
        } else {
            "silhouette"
        };
        silhouettes
            .push(LineSeries::new(full_name, curve(&|r| Some(r.silhouette_full))).with_markers());
        Ok(vec![
            charts::line(&spec("Elbow: inertia by k", "inertia"), &[inertia], false)?,
            charts::line(&spec("Silhouette by k", "silhouette"), &silhouettes, false)?,
        ])
    }
}

impl crate::display::AsTable for KSweep {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn blobs() -> Array2<f64> {
        let mut rows = Vec::new();
        for (cx, cy) in [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0)] {
            for i in 0..20 {
                let t = i as f64;
                rows.extend([cx + (t * 0.37).sin(), cy + (t * 0.71).cos()]);
            }
        }
        Array2::from_shape_vec((60, 2), rows).unwrap()
    }

    #[test]
    fn finds_three_blobs_deterministically() {
        let x = blobs();
        let a = KMeansParams::new(3).fit(x.view()).unwrap();
        let b = KMeansParams::new(3).fit(x.view()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.sizes(), vec![20, 20, 20]);
        let sweep = KSweep::run(x.view(), 2..=4, &KMeansParams::new(2), 30).unwrap();
        assert_eq!(sweep.rows.len(), 3);
        assert!(sweep.rows[1].inertia < sweep.rows[0].inertia);
        let best = sweep
            .rows
            .iter()
            .max_by(|p, q| p.silhouette_full.total_cmp(&q.silhouette_full))
            .unwrap();
        assert_eq!(best.k, 3);
    }

    #[test]
    fn fits_match_linfa_clustering() {
        use linfa::prelude::{DatasetBase, Fit};
        use linfa_clustering::KMeans;
        use rand::Rng;
        let mut rng = Xoshiro256Plus::seed_from_u64(9);
        let x = Array2::from_shape_fn((500, 4), |(i, j)| {
            ((i * 7 + j * 13) % 17) as f64 + rng.gen_range(-1.0..1.0) * (1 + i % 5) as f64
        });
        for (k, runs, seed) in [(2, 1, 1), (3, 4, 42), (7, 3, 5), (10, 2, 7)] {
            let ours = KMeansParams::new(k)
                .n_runs(runs)
                .seed(seed)
                .fit(x.view())
                .unwrap();
            let mean_variance = x.var_axis(Axis(0), 0.0).mean().unwrap();
            let linfa = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
                .n_runs(runs)
                .max_n_iterations(300)
                .tolerance((1e-4 * mean_variance).sqrt())
                .fit(&DatasetBase::from(x.view()))
                .unwrap();
            let gap = (ours.centroids() - linfa.centroids())
                .iter()
                .fold(0.0f64, |m, d| m.max(d.abs()));
            assert!(gap < 1e-12, "k {k}, runs {runs}: centroids differ by {gap}");
            let predicted = linfa::prelude::Predict::predict(&linfa, &x);
            assert_eq!(ours.labels(), &predicted);
        }
    }

    #[test]
    fn bad_parameters_are_typed_errors() {
        let x = array![[0.0], [1.0]];
        for p in [
            KMeansParams::new(0),
            KMeansParams::new(2).n_runs(0),
            KMeansParams {
                tolerance: -1.0,
                ..KMeansParams::new(2)
            },
        ] {
            assert!(matches!(
                p.fit(x.view()),
                Err(Error::InvalidParameter { .. })
            ));
        }
        assert!(matches!(
            KMeansParams::new(3).fit(x.view()),
            Err(Error::InvalidInput { .. })
        ));
        #[allow(clippy::reversed_empty_ranges)]
        let empty = 3..=2;
        assert!(KSweep::run(x.view(), empty, &KMeansParams::new(2), 10).is_err());
    }
}
