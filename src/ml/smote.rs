//! SMOTE: synthetic minority over-sampling (Chawla et al. 2002), as
//! imbalanced-learn's `SMOTE(k_neighbors=5, random_state=seed)`.
//!
//! Written here because no maintained crate fits: linfa 0.8.1 and smartcore 0.7
//! have no over-sampler; `imbalanced-sampling` 0.1.0 (one release) is built on
//! ndarray 0.15, whose arrays are a different type from linfa's 0.16; and none
//! of them reproduces imbalanced-learn's cast of synthetic values back to each
//! column's type, which the original notebook depends on (see
//! [`ColumnKind`]).
//!
//! Each class smaller than the largest is topped up to the largest class's
//! count. A synthetic row is `x + u·(n − x)` for a random row `x` of the class,
//! one of its `k` nearest same-class neighbours `n` (Euclidean, brute force)
//! and `u ~ U(0, 1)`. Synthetic rows are appended after the original rows.
//! The random draws differ from numpy's, so counts match imbalanced-learn
//! exactly and individual synthetic rows do not.

use ndarray::{concatenate, s, Array1, Array2, ArrayView1, ArrayView2, Axis};
use rand::Rng;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::error::{Error, Result};

/// How a column's synthetic values are cast back, as imbalanced-learn does when
/// it returns a DataFrame with the input's dtypes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Kept as interpolated.
    Float,
    /// Truncated toward zero (pandas `astype(int64)`): label codes stay codes.
    Integer,
    /// 1 when non-zero (pandas `astype(bool)`): a flag interpolated from 1 stays 1.
    Bool,
}

/// SMOTE settings.
///
/// ```
/// use amazon_sales::ml::smote::Smote;
/// use ndarray::array;
/// let x = array![[0.0], [1.0], [2.0], [3.0], [10.0], [11.0], [12.0]];
/// let y = array![0, 0, 0, 0, 1, 1, 1];
/// let (xr, yr) = Smote::new().k_neighbors(2).fit_resample(x.view(), y.view())?;
/// assert_eq!(yr.iter().filter(|&&c| c == 1).count(), 4);
/// assert!(xr[[7, 0]] >= 10.0 && xr[[7, 0]] <= 12.0);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Smote {
    /// Neighbours per minority row (imbalanced-learn's default 5).
    pub k_neighbors: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Per-column cast of synthetic values; `None` keeps floats.
    pub column_kinds: Option<Vec<ColumnKind>>,
}

impl Default for Smote {
    fn default() -> Self {
        Self::new()
    }
}

impl Smote {
    /// k = 5, seed 42, no cast.
    pub fn new() -> Self {
        Self {
            k_neighbors: 5,
            seed: 42,
            column_kinds: None,
        }
    }

    /// Sets k.
    pub fn k_neighbors(mut self, k: usize) -> Self {
        self.k_neighbors = k;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Casts synthetic values per column like imbalanced-learn on a DataFrame.
    pub fn cast_columns(mut self, kinds: Vec<ColumnKind>) -> Self {
        self.column_kinds = Some(kinds);
        self
    }

    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when k = 0.
    pub fn check(&self) -> Result<()> {
        if self.k_neighbors == 0 {
            return Err(Error::param("k_neighbors", "must be at least 1"));
        }
        Ok(())
    }

    /// Returns `x` and `y` with synthetic rows appended until every class has
    /// as many rows as the largest.
    ///
    /// # Errors
    /// As [`check`](Self::check); [`Error::InvalidInput`] when lengths differ,
    /// values are not finite, `y` has a single class, a class to top up has no
    /// more than k rows, or the cast list has the wrong length.
    pub fn fit_resample(
        &self,
        x: ArrayView2<f64>,
        y: ArrayView1<usize>,
    ) -> Result<(Array2<f64>, Array1<usize>)> {
        self.check()?;
        if x.nrows() != y.len() || x.nrows() == 0 {
            return Err(Error::input(
                "SMOTE",
                "x and y must have the same, non-zero length",
            ));
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input("SMOTE", "data contain NaN or infinity"));
        }
        if let Some(kinds) = &self.column_kinds {
            if kinds.len() != x.ncols() {
                return Err(Error::input(
                    "SMOTE",
                    format!("{} column kinds for {} columns", kinds.len(), x.ncols()),
                ));
            }
        }
        let n_classes = y.iter().max().map_or(0, |&m| m + 1);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_classes];
        y.iter().enumerate().for_each(|(i, &c)| members[c].push(i));
        let present = members.iter().filter(|m| !m.is_empty()).count();
        if present < 2 {
            return Err(Error::input("SMOTE", "y holds a single class"));
        }
        let target = members.iter().map(Vec::len).max().unwrap_or(0);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(self.seed);
        let mut blocks = vec![x.to_owned()];
        let mut labels = y.to_vec();
        for (class, rows) in members.iter().enumerate() {
            let need = target - rows.len();
            if rows.is_empty() || need == 0 {
                continue;
            }
            if rows.len() <= self.k_neighbors {
                return Err(Error::input(
                    "SMOTE",
                    format!(
                        "class {class} has {} rows, needs more than k = {}",
                        rows.len(),
                        self.k_neighbors
                    ),
                ));
            }
            let xc = x.select(Axis(0), rows);
            let nn = nearest_neighbours(xc.view(), self.k_neighbors);
            let mut synth = Array2::zeros((need, x.ncols()));
            for mut out in synth.rows_mut() {
                let pick = rng.gen_range(0..rows.len() * self.k_neighbors);
                let (r, c) = (pick / self.k_neighbors, pick % self.k_neighbors);
                let step: f64 = rng.gen();
                let base = xc.row(r);
                let other = xc.row(nn[[r, c]]);
                for (j, o) in out.iter_mut().enumerate() {
                    *o = self.cast(j, base[j] + step * (other[j] - base[j]));
                }
            }
            blocks.push(synth);
            labels.extend(std::iter::repeat_n(class, need));
        }
        let views: Vec<ArrayView2<f64>> = blocks.iter().map(|b| b.view()).collect();
        let xr = concatenate(Axis(0), &views).map_err(|e| Error::model("SMOTE", e))?;
        Ok((xr, Array1::from(labels)))
    }

    fn cast(&self, column: usize, v: f64) -> f64 {
        match self.column_kinds.as_ref().and_then(|k| k.get(column)) {
            Some(ColumnKind::Integer) => v.trunc(),
            Some(ColumnKind::Bool) => f64::from(u8::from(v != 0.0)),
            _ => v,
        }
    }
}

/// Indices of the `k` nearest other rows of each row (ties: lower index first).
fn nearest_neighbours(x: ArrayView2<f64>, k: usize) -> Array2<usize> {
    let n = x.nrows();
    let norms: Array1<f64> = x.map_axis(Axis(1), |r| r.dot(&r));
    let mut out = Array2::zeros((n, k));
    let mut start = 0;
    while start < n {
        let end = (start + 256).min(n);
        let gram = x.slice(s![start..end, ..]).dot(&x.t());
        for (bi, g) in gram.axis_iter(Axis(0)).enumerate() {
            let i = start + bi;
            let mut d: Vec<(f64, usize)> = g
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(j, &dot)| ((norms[i] + norms[j] - 2.0 * dot).max(0.0), j))
                .collect();
            d.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            d[..k].sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (c, &(_, j)) in d[..k].iter().enumerate() {
                out[[i, c]] = j;
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn data() -> (Array2<f64>, Array1<usize>) {
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            rows.extend([i as f64, (i % 3) as f64, 1.0]);
            y.push(0);
        }
        for i in 0..8 {
            rows.extend([100.0 + i as f64, (i % 4) as f64, (i % 2) as f64]);
            y.push(1);
        }
        (
            Array2::from_shape_vec((48, 3), rows).unwrap(),
            Array1::from(y),
        )
    }

    #[test]
    fn balances_and_interpolates_within_class() {
        let (x, y) = data();
        let (xr, yr) = Smote::new().fit_resample(x.view(), y.view()).unwrap();
        assert_eq!(xr.nrows(), 80);
        assert_eq!(yr.iter().filter(|&&c| c == 1).count(), 40);
        assert_eq!(xr.slice(s![..48, ..]), x);
        for r in xr.slice(s![48.., ..]).rows() {
            assert!((100.0..=107.0).contains(&r[0]));
        }
        let again = Smote::new().fit_resample(x.view(), y.view()).unwrap();
        assert_eq!(again.0, xr);
    }

    #[test]
    fn cast_mode_truncates_and_flags() {
        let (x, y) = data();
        let kinds = vec![ColumnKind::Float, ColumnKind::Integer, ColumnKind::Bool];
        let (xr, _) = Smote::new()
            .cast_columns(kinds)
            .fit_resample(x.view(), y.view())
            .unwrap();
        for r in xr.slice(s![48.., ..]).rows() {
            assert_eq!(r[1], r[1].trunc());
            assert!(r[2] == 0.0 || r[2] == 1.0);
        }
        // a flag interpolated between 0 and 1 becomes 1 unless the step is exactly 0
        let ones = xr.slice(s![48.., 2]).sum();
        assert!(ones > 16.0);
    }

    #[test]
    fn neighbours_exclude_self() {
        let x = array![[0.0], [1.0], [3.0], [10.0]];
        let nn = nearest_neighbours(x.view(), 2);
        assert_eq!(nn.row(0).to_vec(), vec![1, 2]);
        assert_eq!(nn.row(3).to_vec(), vec![2, 1]);
    }

    #[test]
    fn bad_inputs() {
        let (x, y) = data();
        assert!(matches!(
            Smote::new().k_neighbors(0).fit_resample(x.view(), y.view()),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(Smote::new()
            .k_neighbors(8)
            .fit_resample(x.view(), y.view())
            .is_err());
        let one = Array1::<usize>::zeros(48);
        assert!(Smote::new().fit_resample(x.view(), one.view()).is_err());
        assert!(Smote::new()
            .cast_columns(vec![ColumnKind::Float])
            .fit_resample(x.view(), y.view())
            .is_err());
    }
}
