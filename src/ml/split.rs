//! Train/test splits: random, stratified by class, and grouped by a key so
//! that no group (e.g. an SKU) is on both sides. All seeded.
//!
//! [`sklearn_random_split`] and [`sklearn_stratified_split`] draw exactly the
//! rows scikit-learn's `train_test_split(.., random_state=seed)` draws (numpy's
//! MT19937, see [`crate::ml::sklearn_split`]), in its order: the original
//! pipelines use them so their numbers can be compared with the printed ones.
//! The honest pipelines keep [`random_split`] and [`stratified_split`].

use std::collections::BTreeMap;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::error::{Error, Result};
use crate::ml::sklearn_split;

/// Row indices of the two sides of a split: in ascending order, except for
/// the `sklearn_*` splits, which keep scikit-learn's (shuffled) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Training rows.
    pub train: Vec<usize>,
    /// Test rows.
    pub test: Vec<usize>,
}

impl Split {
    /// The (train, test) rows of a matrix.
    pub fn rows(&self, x: ArrayView2<f64>) -> (Array2<f64>, Array2<f64>) {
        (
            x.select(Axis(0), &self.train),
            x.select(Axis(0), &self.test),
        )
    }

    /// The (train, test) values of a vector.
    pub fn values<T: Clone>(&self, y: ArrayView1<T>) -> (Array1<T>, Array1<T>) {
        (
            y.select(Axis(0), &self.train),
            y.select(Axis(0), &self.test),
        )
    }
}

/// Features and targets on both sides of a split, with the feature names.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainTest<T> {
    /// Training rows.
    pub x_train: Array2<f64>,
    /// Training targets.
    pub y_train: Array1<T>,
    /// Test rows.
    pub x_test: Array2<f64>,
    /// Test targets.
    pub y_test: Array1<T>,
    /// Column names of `x_*`.
    pub features: Vec<String>,
}

impl<T: Clone> TrainTest<T> {
    /// Takes the rows of `split` from `x` and `y`.
    pub fn from_split(
        x: ArrayView2<f64>,
        y: ArrayView1<T>,
        split: &Split,
        features: Vec<String>,
    ) -> Self {
        let (x_train, x_test) = split.rows(x);
        let (y_train, y_test) = split.values(y);
        Self {
            x_train,
            y_train,
            x_test,
            y_test,
            features,
        }
    }
}

fn check_fraction(test_fraction: f64) -> Result<()> {
    if !(test_fraction > 0.0 && test_fraction < 1.0) {
        return Err(Error::param(
            "test_fraction",
            format!("must be strictly between 0 and 1, got {test_fraction}"),
        ));
    }
    Ok(())
}

/// Test-side size as scikit-learn: ceil(fraction × n).
fn test_count(n: usize, test_fraction: f64) -> usize {
    (test_fraction * n as f64).ceil() as usize
}

fn finish(mut train: Vec<usize>, mut test: Vec<usize>) -> Result<Split> {
    if train.is_empty() || test.is_empty() {
        return Err(Error::input(
            "split",
            format!(
                "one side is empty ({} train, {} test rows)",
                train.len(),
                test.len()
            ),
        ));
    }
    train.sort_unstable();
    test.sort_unstable();
    Ok(Split { train, test })
}

/// Shuffled split of `n` rows; the test side has ceil(`test_fraction` × n) rows
/// (`train_test_split(test_size=0.2, random_state=seed)` sizes; the rows drawn
/// differ from numpy's generator).
///
/// ```
/// let s = amazon_sales::ml::split::random_split(216_084, 0.2, 42)?;
/// assert_eq!((s.train.len(), s.test.len()), (172_867, 43_217));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] when `test_fraction` is not in (0, 1);
/// [`Error::InvalidInput`] when a side would be empty.
pub fn random_split(n: usize, test_fraction: f64, seed: u64) -> Result<Split> {
    check_fraction(test_fraction)?;
    let mut idx: Vec<usize> = (0..n).collect();
    idx.shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(seed));
    let n_test = test_count(n, test_fraction).min(n);
    let train = idx.split_off(n_test);
    finish(train, idx)
}

fn sklearn_seed(seed: u64) -> Result<u32> {
    u32::try_from(seed).map_err(|_| {
        Error::param(
            "seed",
            format!("{seed}: numpy's RandomState takes 0..=4294967295"),
        )
    })
}

/// scikit-learn's `train_test_split(np.arange(n), test_size=test_fraction,
/// random_state=seed)`: the same rows on each side, in the same order.
///
/// ```
/// let s = amazon_sales::ml::split::sklearn_random_split(10, 0.3, 7)?;
/// assert_eq!((s.train, s.test), (vec![2, 1, 9, 7, 3, 6, 4], vec![8, 5, 0]));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a fraction outside (0, 1), a seed above
/// 2³² − 1 or a side that would be empty.
pub fn sklearn_random_split(n: usize, test_fraction: f64, seed: u64) -> Result<Split> {
    let (train, test) = sklearn_split::train_test_split(n, test_fraction, sklearn_seed(seed)?)?;
    Ok(Split { train, test })
}

/// scikit-learn's `train_test_split(.., test_size=test_fraction,
/// stratify=labels, random_state=seed)`: the same rows, in the same order.
///
/// # Errors
/// As [`sklearn_random_split`], and [`Error::InvalidParameter`] for a class
/// with a single member.
pub fn sklearn_stratified_split(
    labels: ArrayView1<usize>,
    test_fraction: f64,
    seed: u64,
) -> Result<Split> {
    let labels = labels.to_vec();
    let (train, test) =
        sklearn_split::stratified_train_test_split(&labels, test_fraction, sklearn_seed(seed)?)?;
    Ok(Split { train, test })
}

/// Split that keeps each class's share on both sides (largest-remainder
/// rounding so the test side has ceil(fraction × n) rows).
///
/// # Errors
/// As [`random_split`].
pub fn stratified_split(labels: ArrayView1<usize>, test_fraction: f64, seed: u64) -> Result<Split> {
    check_fraction(test_fraction)?;
    let mut by_class: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &l) in labels.iter().enumerate() {
        by_class.entry(l).or_default().push(i);
    }
    let n = labels.len();
    let target = test_count(n, test_fraction).min(n);
    // ideal share per class, floored, then the remainders handed out largest first
    let mut quotas: Vec<(usize, usize, f64)> = by_class
        .iter()
        .map(|(&c, rows)| {
            let ideal = rows.len() as f64 * target as f64 / n.max(1) as f64;
            (c, ideal.floor() as usize, ideal - ideal.floor())
        })
        .collect();
    let mut missing = target.saturating_sub(quotas.iter().map(|q| q.1).sum());
    let mut order: Vec<usize> = (0..quotas.len()).collect();
    order.sort_by(|&a, &b| quotas[b].2.total_cmp(&quotas[a].2));
    for i in order {
        if missing == 0 {
            break;
        }
        quotas[i].1 += 1;
        missing -= 1;
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (c, quota, _) in quotas {
        let mut rows = by_class.remove(&c).unwrap_or_default();
        rows.shuffle(&mut rng);
        let rest = rows.split_off(quota.min(rows.len()));
        test.extend(rows);
        train.extend(rest);
    }
    finish(train, test)
}

/// Split by groups: ceil(`test_fraction` × number of groups) groups, drawn with
/// the seed, go to the test side with all their rows (sklearn's
/// `GroupShuffleSplit` sizing), so no group is on both sides.
///
/// ```
/// let groups = ["a", "a", "b", "c", "c", "d"];
/// let s = amazon_sales::ml::split::group_split(&groups, 0.25, 42)?;
/// let side = |i: &usize| groups[*i];
/// assert!(s.test.iter().map(side).all(|g| !s.train.iter().map(side).any(|t| t == g)));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// As [`random_split`], and [`Error::InvalidInput`] with fewer than 2 groups.
pub fn group_split<G: Ord>(groups: &[G], test_fraction: f64, seed: u64) -> Result<Split> {
    check_fraction(test_fraction)?;
    let mut ids: BTreeMap<&G, usize> = BTreeMap::new();
    for g in groups {
        let next = ids.len();
        ids.entry(g).or_insert(next);
    }
    if ids.len() < 2 {
        return Err(Error::input("group split", "needs at least 2 groups"));
    }
    // number the groups in sorted order so the draw does not depend on row order
    let sorted: BTreeMap<&G, usize> = ids.keys().enumerate().map(|(i, &g)| (g, i)).collect();
    let mut order: Vec<usize> = (0..sorted.len()).collect();
    order.shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(seed));
    let n_test = test_count(sorted.len(), test_fraction).min(sorted.len() - 1);
    let mut in_test = vec![false; sorted.len()];
    order.iter().take(n_test).for_each(|&g| in_test[g] = true);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (i, g) in groups.iter().enumerate() {
        let gid = sorted.get(g).copied().unwrap_or(0);
        if in_test[gid] {
            test.push(i);
        } else {
            train.push(i);
        }
    }
    finish(train, test)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array1;

    #[test]
    fn sizes_match_sklearn_and_are_seeded() {
        // sklearn train_test_split(test_size=0.2): 113,670 rows -> 90,936 / 22,734
        let s = random_split(113_670, 0.2, 42).unwrap();
        assert_eq!((s.train.len(), s.test.len()), (90_936, 22_734));
        assert_eq!(s, random_split(113_670, 0.2, 42).unwrap());
        assert_ne!(s, random_split(113_670, 0.2, 7).unwrap());
    }

    #[test]
    fn stratified_keeps_the_rate() {
        let y: Array1<usize> = (0..1000).map(|i| usize::from(i % 20 == 0)).collect();
        let s = stratified_split(y.view(), 0.2, 42).unwrap();
        assert_eq!(s.test.len(), 200);
        let pos = s.test.iter().filter(|&&i| y[i] == 1).count();
        assert_eq!(pos, 10);
    }

    #[test]
    fn groups_do_not_cross() {
        let g: Vec<u32> = (0..100).map(|i| i % 7).collect();
        let s = group_split(&g, 0.3, 42).unwrap();
        for &t in &s.test {
            assert!(s.train.iter().all(|&r| g[r] != g[t]));
        }
    }

    #[test]
    fn bad_fractions_and_empty_sides() {
        for f in [0.0, 1.0, -0.1, 1.5, f64::NAN] {
            assert!(matches!(
                random_split(10, f, 42),
                Err(Error::InvalidParameter { .. })
            ));
        }
        assert!(matches!(
            random_split(1, 0.5, 42),
            Err(Error::InvalidInput { .. })
        ));
        assert!(group_split(&[1, 1, 1], 0.5, 42).is_err());
    }
}
