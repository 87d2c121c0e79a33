//! Bit-exact reproduction of scikit-learn 1.5.2's seeded train/test splits,
//! so a model trained in Rust sees the same rows as the Python original.
//!
//! What is reproduced (checked against numpy 2.1.3 and scikit-learn 1.5.2
//! with a fixture written by `benches/python/make_split_fixture.py`):
//!
//! * [`NumpyRandomState`]: numpy's legacy `np.random.RandomState(seed)` for an
//!   integer seed — MT19937 seeded with `init_genrand` (`mt19937_seed`, called
//!   by `_legacy_seeding`), numpy's bounded draw `random_interval` (bit mask
//!   plus rejection), the legacy Fisher–Yates `shuffle`/`permutation` (from
//!   the end, `j = random_interval(i)` for `i = n-1 .. 1`; the ndarray, list
//!   and buffer code paths all make the same draws), `choice(a, k,
//!   replace=False)` without `p` (= `permutation(len(a))[:k]`) and
//!   `random_sample` (`mt19937_next_double`, 53-bit).
//! * [`train_test_split`]: `sklearn.model_selection.train_test_split` with a
//!   float `test_size` and an integer `random_state` (`_validate_shuffle_split`
//!   then `ShuffleSplit._iter_indices`).
//! * [`stratified_train_test_split`]: the same with `stratify=labels`
//!   (`StratifiedShuffleSplit._iter_indices` with `_approximate_mode` from
//!   `sklearn.utils.extmath`, including its random tie-breaking draws).
//!
//! MT19937 itself comes from the `rand_mt` crate (`Mt::new` is the reference
//! `init_genrand`), the only dependency besides std.
//!
//! ```
//! use amazon_sales::ml::sklearn_split::{stratified_train_test_split, train_test_split};
//!
//! // train_test_split(np.arange(10), test_size=0.3, random_state=7)
//! let (train, test) = train_test_split(10, 0.3, 7)?;
//! assert_eq!(train, [2, 1, 9, 7, 3, 6, 4]);
//! assert_eq!(test, [8, 5, 0]);
//!
//! // ... and with stratify=[2, 0, 0, 1, 1, 1, 2, 2, 2, 2], random_state=3
//! let labels = [2, 0, 0, 1, 1, 1, 2, 2, 2, 2];
//! let (train, test) = stratified_train_test_split(&labels, 0.3, 3)?;
//! assert_eq!(train, [2, 7, 5, 4, 6, 0, 9]);
//! assert_eq!(test, [1, 3, 8]);
//! # Ok::<(), amazon_sales::error::Error>(())
//! ```

use rand_mt::Mt;

use crate::error::{Error, Result};

/// numpy's legacy `np.random.RandomState(seed)` for an integer seed
/// (`0..=2**32-1`), limited to the draws the splits need.
#[derive(Clone)]
pub struct NumpyRandomState {
    mt: Mt,
}

impl std::fmt::Debug for NumpyRandomState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NumpyRandomState { .. }")
    }
}

impl NumpyRandomState {
    /// `np.random.RandomState(seed)`: MT19937 seeded by `init_genrand(seed)`.
    pub fn new(seed: u32) -> Self {
        Self { mt: Mt::new(seed) }
    }

    /// The next raw 32-bit MT19937 output (numpy's `next_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        self.mt.next_u32()
    }

    /// numpy's `next_uint64` for MT19937 (`mt19937_next64`): the first draw is
    /// the high word. Only used for bounds above `2**32 - 1`.
    fn next_u64(&mut self) -> u64 {
        let hi = u64::from(self.mt.next_u32());
        let lo = u64::from(self.mt.next_u32());
        (hi << 32) | lo
    }

    /// `RandomState.random_sample()`: a double in `[0, 1)` from two draws,
    /// `((a >> 5) * 2**26 + (b >> 6)) / 2**53`.
    pub fn random_sample(&mut self) -> f64 {
        let a = self.mt.next_u32() >> 5;
        let b = self.mt.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) / 9_007_199_254_740_992.0
    }

    /// numpy's `random_interval(max)`: a uniform integer in `0..=max`, drawn
    /// by masking to the smallest `2**k - 1 >= max` and rejecting values above
    /// `max` (32-bit draws while `max <= 2**32 - 1`).
    pub fn random_interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mut mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        if max <= u64::from(u32::MAX) {
            loop {
                let value = u64::from(self.mt.next_u32()) & mask;
                if value <= max {
                    return value;
                }
            }
        }
        loop {
            let value = self.next_u64() & mask;
            if value <= max {
                return value;
            }
        }
    }

    /// `RandomState.shuffle(x)` for a 1-d sequence: for `i` from `n - 1`
    /// down to 1, swap `x[i]` with `x[random_interval(i)]`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            // j <= i, so the conversion back to usize is lossless
            let j = self.random_interval(i as u64) as usize;
            x.swap(i, j);
        }
    }

    /// `RandomState.permutation(n)`: `np.arange(n)` shuffled.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        self.shuffle(&mut v);
        v
    }

    /// `RandomState.permutation(x)` for a 1-d array: a shuffled copy.
    pub fn permute<T: Clone>(&mut self, x: &[T]) -> Vec<T> {
        let mut v = x.to_vec();
        self.shuffle(&mut v);
        v
    }

    /// `RandomState.choice(pop_size, size, replace=False)` without `p`:
    /// `permutation(pop_size)[:size]`, positions into the population.
    pub fn choice_without_replacement(
        &mut self,
        pop_size: usize,
        size: usize,
    ) -> Result<Vec<usize>> {
        if size > pop_size {
            return Err(Error::param(
                "size",
                format!("cannot take {size} samples from a population of {pop_size} without replacement"),
            ));
        }
        let mut v = self.permutation(pop_size);
        v.truncate(size);
        Ok(v)
    }
}

/// `(n_train, n_test)` as `train_test_split` computes them for a float
/// `test_size` and no `train_size` (`_validate_shuffle_split`):
/// `n_test = ceil(test_size * n)`, `n_train = n - n_test`.
fn validate_shuffle_split(n: usize, test_size: f64) -> Result<(usize, usize)> {
    if !(test_size > 0.0 && test_size < 1.0) {
        return Err(Error::param(
            "test_size",
            format!("test_size={test_size} should be a float in the (0, 1) range"),
        ));
    }
    // float product and ceil exactly as Python's math.ceil(test_size * n)
    let n_test = (test_size * n as f64).ceil() as usize;
    let n_train = n.saturating_sub(n_test);
    if n_train == 0 {
        return Err(Error::param(
            "test_size",
            format!("with n_samples={n} and test_size={test_size}, the train set would be empty"),
        ));
    }
    if n_test == 0 {
        return Err(Error::param(
            "test_size",
            format!("with n_samples={n} and test_size={test_size}, the test set would be empty"),
        ));
    }
    Ok((n_train, n_test))
}

/// The row indices `(train, test)` of
/// `sklearn.model_selection.train_test_split(np.arange(n), test_size=test_size,
/// random_state=random_state)`, in scikit-learn's order (not sorted).
///
/// `test` is the first `ceil(test_size * n)` entries of
/// `RandomState(random_state).permutation(n)`, `train` the rest.
///
/// # Errors
/// [`Error::InvalidParameter`] naming `test_size` when it is not in `(0, 1)`
/// or leaves one side empty (e.g. `n < 2`).
pub fn train_test_split(
    n: usize,
    test_size: f64,
    random_state: u32,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let (n_train, n_test) = validate_shuffle_split(n, test_size)?;
    let mut rng = NumpyRandomState::new(random_state);
    let perm = rng.permutation(n);
    let test = perm[..n_test].to_vec();
    let train = perm[n_test..n_test + n_train].to_vec();
    Ok((train, test))
}

/// `sklearn.utils.extmath._approximate_mode(class_counts, n_draws, rng)`:
/// per-class draw counts, floors of the proportional shares plus one for the
/// largest remainders, ties broken by `rng.choice(inds, k, replace=False)`.
fn approximate_mode(
    class_counts: &[usize],
    n_draws: usize,
    rng: &mut NumpyRandomState,
) -> Vec<usize> {
    let total = class_counts.iter().sum::<usize>() as f64;
    let continuous: Vec<f64> = class_counts
        .iter()
        .map(|&c| c as f64 / total * n_draws as f64)
        .collect();
    let mut floored: Vec<f64> = continuous.iter().map(|c| c.floor()).collect();
    // integer-valued floats: the sum is exact in any order
    let mut need_to_add = (n_draws as f64 - floored.iter().sum::<f64>()) as i64;
    if need_to_add > 0 {
        let remainder: Vec<f64> = continuous
            .iter()
            .zip(&floored)
            .map(|(c, f)| c - f)
            .collect();
        // np.sort(np.unique(remainder))[::-1]
        let mut values = remainder.clone();
        values.sort_by(|a, b| b.total_cmp(a));
        values.dedup();
        for value in values {
            let inds: Vec<usize> = (0..remainder.len())
                .filter(|&k| remainder[k] == value)
                .collect();
            let add_now = inds.len().min(need_to_add as usize);
            // permutation(len(inds)) is drawn even when all of inds are taken
            let mut pick = rng.permutation(inds.len());
            pick.truncate(add_now);
            for p in pick {
                floored[inds[p]] += 1.0;
            }
            need_to_add -= add_now as i64;
            if need_to_add == 0 {
                break;
            }
        }
    }
    floored.iter().map(|&f| f as usize).collect()
}

/// `v[start:stop]` with numpy's clamping of out-of-range bounds.
fn np_slice(v: &[usize], start: usize, stop: usize) -> &[usize] {
    let start = start.min(v.len());
    let stop = stop.clamp(start, v.len());
    &v[start..stop]
}

/// The row indices `(train, test)` of
/// `sklearn.model_selection.train_test_split(np.arange(len(labels)),
/// test_size=test_size, random_state=random_state, stratify=labels)`, in
/// scikit-learn's order (not sorted).
///
/// Classes are taken in ascending label order (`np.unique`); each class's
/// rows are permuted with the shared generator, split by `_approximate_mode`
/// counts, and both sides are permuted once more at the end.
///
/// # Errors
/// [`Error::InvalidParameter`] naming `test_size` when it is not in `(0, 1)`,
/// leaves a side empty or gives a side fewer rows than there are classes, and
/// naming `labels` when a class has fewer than 2 members.
pub fn stratified_train_test_split(
    labels: &[usize],
    test_size: f64,
    random_state: u32,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let n = labels.len();
    let (n_train, n_test) = validate_shuffle_split(n, test_size)?;

    // np.argsort(y_indices, kind="mergesort") split per class: a stable sort
    // by label keeps each class's rows in ascending order.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| labels[i]);
    let mut class_indices: Vec<&[usize]> = Vec::new();
    let mut start = 0;
    for end in 1..=n {
        if end == n || labels[order[end]] != labels[order[start]] {
            class_indices.push(&order[start..end]);
            start = end;
        }
    }
    let class_counts: Vec<usize> = class_indices.iter().map(|c| c.len()).collect();
    let n_classes = class_counts.len();

    if let Some(small) = class_indices.iter().find(|c| c.len() < 2) {
        let label = small.first().map_or(0, |&i| labels[i]);
        return Err(Error::param(
            "labels",
            format!("class {label} has only 1 member; stratifying needs at least 2 per class"),
        ));
    }
    if n_train < n_classes {
        return Err(Error::param(
            "test_size",
            format!(
                "the train size {n_train} should be at least the number of classes {n_classes}"
            ),
        ));
    }
    if n_test < n_classes {
        return Err(Error::param(
            "test_size",
            format!("the test size {n_test} should be at least the number of classes {n_classes}"),
        ));
    }

    let mut rng = NumpyRandomState::new(random_state);
    let n_i = approximate_mode(&class_counts, n_train, &mut rng);
    let remaining: Vec<usize> = class_counts
        .iter()
        .zip(&n_i)
        .map(|(c, k)| c.saturating_sub(*k))
        .collect();
    let t_i = approximate_mode(&remaining, n_test, &mut rng);

    let mut train = Vec::with_capacity(n_train);
    let mut test = Vec::with_capacity(n_test);
    for (i, rows) in class_indices.iter().enumerate() {
        let perm = rng.permutation(rows.len());
        let permuted: Vec<usize> = perm.iter().map(|&p| rows[p]).collect();
        train.extend_from_slice(np_slice(&permuted, 0, n_i[i]));
        test.extend_from_slice(np_slice(&permuted, n_i[i], n_i[i] + t_i[i]));
    }
    let train = rng.permute(&train);
    let test = rng.permute(&test);
    Ok((train, test))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/split_fixture.txt"
    ));

    /// A vector as stored by make_split_fixture.py: `LEN CHECKSUM HEAD... / TAIL...`.
    struct Stored {
        len: usize,
        checksum: u64,
        head: Vec<usize>,
        tail: Vec<usize>,
    }

    fn nums(s: &str) -> Vec<usize> {
        s.split_whitespace().map(|t| t.parse().unwrap()).collect()
    }

    fn stored(field: &str) -> Stored {
        let (head, tail) = field.split_once('/').unwrap();
        let head = nums(head);
        Stored {
            len: head[0],
            checksum: head[1] as u64,
            head: head[2..].to_vec(),
            tail: nums(tail),
        }
    }

    fn assert_matches(what: &str, got: &[usize], want: &Stored) {
        assert_eq!(got.len(), want.len, "{what}: length");
        assert_eq!(&got[..want.head.len()], &want.head[..], "{what}: head");
        assert_eq!(
            &got[got.len() - want.tail.len()..],
            &want.tail[..],
            "{what}: tail"
        );
        let sum = got.iter().enumerate().fold(0u64, |acc, (k, &v)| {
            acc.wrapping_add((k as u64 + 1).wrapping_mul(v as u64))
        });
        assert_eq!(sum, want.checksum, "{what}: checksum");
    }

    fn cases(kind: &str) -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
        let out: Vec<_> = FIXTURE
            .lines()
            .filter(|l| l.split_whitespace().next() == Some(kind))
            .map(|l| {
                let mut parts = l.split('|');
                let head = parts.next().unwrap().split_whitespace().skip(1).collect();
                (head, parts.collect())
            })
            .collect();
        assert!(!out.is_empty(), "no {kind} cases in the fixture");
        out
    }

    fn list(s: &str) -> Vec<usize> {
        s.split(',').map(|t| t.parse().unwrap()).collect()
    }

    /// The label generators of make_split_fixture.py.
    fn labels(spec: &[&str]) -> Vec<usize> {
        let num = |k: usize| -> usize { spec[k].parse().unwrap() };
        match spec[0] {
            "cop" => (0..num(1))
                .map(|i| usize::from((i * num(2)) % num(1) < num(3)))
                .collect(),
            "mod" => (0..num(1)).map(|i| i % num(2)).collect(),
            "lcg" => {
                let (th, map) = (list(spec[3]), list(spec[4]));
                let mut x = num(1) as u64;
                (0..num(2))
                    .map(|_| {
                        x = (1_103_515_245 * x + 12_345) % (1 << 31);
                        let r = ((x >> 8) % 1000) as usize;
                        map[th.iter().filter(|&&t| r >= t).count()]
                    })
                    .collect()
            }
            "list" => list(spec[1]),
            other => panic!("unknown generator {other}"),
        }
    }

    #[test]
    fn random_sample_matches_numpy() {
        for (head, parts) in cases("rs") {
            let mut rng = NumpyRandomState::new(head[0].parse().unwrap());
            let want: Vec<f64> = parts[0]
                .split_whitespace()
                .map(|t| t.parse().unwrap())
                .collect();
            assert_eq!(want.len(), head[1].parse::<usize>().unwrap());
            let got: Vec<f64> = (0..want.len()).map(|_| rng.random_sample()).collect();
            assert_eq!(got, want, "random_sample seed {}", head[0]);
        }
    }

    #[test]
    fn permutation_matches_numpy() {
        for (head, parts) in cases("perm") {
            let got = NumpyRandomState::new(head[0].parse().unwrap())
                .permutation(head[1].parse().unwrap());
            assert_matches(&format!("permutation {head:?}"), &got, &stored(parts[0]));
        }
    }

    #[test]
    fn train_test_split_matches_sklearn() {
        for (head, parts) in cases("tts") {
            let what = format!("train_test_split {head:?}");
            let (train, test) = train_test_split(
                head[0].parse().unwrap(),
                head[1].parse().unwrap(),
                head[2].parse().unwrap(),
            )
            .unwrap();
            assert_matches(&what, &train, &stored(parts[0]));
            assert_matches(&what, &test, &stored(parts[1]));
        }
    }

    #[test]
    fn stratified_split_matches_sklearn() {
        for (head, parts) in cases("strat") {
            let what = format!("stratified {head:?}");
            let y = labels(&head[2..]);
            assert_matches(&format!("{what} labels"), &y, &stored(parts[0]));
            let (train, test) =
                stratified_train_test_split(&y, head[1].parse().unwrap(), head[0].parse().unwrap())
                    .unwrap();
            assert_matches(&what, &train, &stored(parts[1]));
            assert_matches(&what, &test, &stored(parts[2]));
        }
    }

    #[test]
    fn a_changed_index_is_caught() {
        let (head, parts) = &cases("tts")[0];
        let (mut train, _) = train_test_split(
            head[0].parse().unwrap(),
            head[1].parse().unwrap(),
            head[2].parse().unwrap(),
        )
        .unwrap();
        train.swap(3, 4);
        let caught =
            std::panic::catch_unwind(|| assert_matches("swapped", &train, &stored(parts[0])));
        assert!(caught.is_err());
    }

    #[test]
    fn splits_partition_the_rows() {
        let y = labels(&["lcg", "5", "997", "600,900", "0,1,2"]);
        let (train, test) = stratified_train_test_split(&y, 0.2, 11).unwrap();
        let mut all: Vec<usize> = train.iter().chain(&test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..y.len()).collect::<Vec<_>>());
        assert_eq!(test.len(), 200);
    }

    #[test]
    fn bounded_draws_and_choice() {
        let mut rng = NumpyRandomState::new(1);
        assert_eq!(rng.random_interval(0), 0);
        assert!((0..1000).all(|_| rng.random_interval(6) <= 6));
        assert!((0..10).all(|_| rng.random_interval(1 << 40) <= 1 << 40));
        let pick = rng.choice_without_replacement(10, 4).unwrap();
        assert_eq!(pick.len(), 4);
        assert!(matches!(
            rng.choice_without_replacement(3, 4),
            Err(Error::InvalidParameter { name: "size", .. })
        ));
    }

    fn param_name(r: Result<(Vec<usize>, Vec<usize>)>) -> &'static str {
        match r {
            Err(Error::InvalidParameter { name, .. }) => name,
            other => panic!("expected InvalidParameter, got {other:?}"),
        }
    }

    #[test]
    fn invalid_parameters_are_named() {
        for ts in [0.0, 1.0, -0.1, 1.5, f64::NAN] {
            assert_eq!(param_name(train_test_split(100, ts, 0)), "test_size");
            assert_eq!(
                param_name(stratified_train_test_split(&[0, 1, 0, 1], ts, 0)),
                "test_size"
            );
        }
        // a side would be empty: sklearn raises for n=1 and n=0
        assert_eq!(param_name(train_test_split(1, 0.5, 0)), "test_size");
        assert_eq!(param_name(train_test_split(0, 0.5, 0)), "test_size");
        assert_eq!(
            param_name(stratified_train_test_split(&[], 0.5, 0)),
            "test_size"
        );
        // a class with one member
        assert_eq!(
            param_name(stratified_train_test_split(&[0, 0, 1, 0, 0], 0.4, 0)),
            "labels"
        );
        // 3 classes but a test side of 2 rows
        let y = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0];
        assert_eq!(
            param_name(stratified_train_test_split(&y, 0.2, 0)),
            "test_size"
        );
        assert_eq!(
            param_name(stratified_train_test_split(&y, 0.8, 0)),
            "test_size"
        );
        // sklearn: train_test_split(np.arange(10), test_size=0.3, random_state=0, stratify=y)
        let split = stratified_train_test_split(&y, 0.3, 0).unwrap();
        assert_eq!(split, (vec![2, 9, 1, 4, 8, 6, 7], vec![0, 3, 5]));
    }
}
