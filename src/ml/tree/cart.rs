//! One CART tree: growth, prediction and importances.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::error::{Error, Result};

/// Split criterion, which also fixes the kind of tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// Classification with Gini impurity over `n_classes` classes.
    Gini {
        /// Number of classes (labels are `0..n_classes`).
        n_classes: usize,
    },
    /// Regression with squared error (variance).
    SquaredError,
}

impl Criterion {
    fn width(self) -> usize {
        match self {
            Criterion::Gini { n_classes } => n_classes,
            Criterion::SquaredError => 2, // weighted sum and sum of squares
        }
    }

    /// Predictions from leaf values per row: the class with the largest
    /// share (as f64; ties to the lower class) or the mean.
    pub(crate) fn predictions(self, values: &Array2<f64>) -> Array1<f64> {
        match self {
            Criterion::Gini { .. } => argmax_rows(values),
            Criterion::SquaredError => values.column(0).to_owned(),
        }
    }
}

/// Tree settings (scikit-learn's defaults, except the ones the notebook sets).
#[derive(Debug, Clone, PartialEq)]
pub struct TreeParams {
    /// Deepest level allowed (root = 0); `None` grows until pure.
    pub max_depth: Option<usize>,
    /// A node with fewer (distinct) samples is not split (≥ 2).
    pub min_samples_split: usize,
    /// Each child keeps at least this many samples (≥ 1).
    pub min_samples_leaf: usize,
    /// Features tried per split; `None` = all.
    pub max_features: Option<usize>,
    /// Seed of the feature order (ties between equally good splits).
    pub seed: u64,
}

impl Default for TreeParams {
    fn default() -> Self {
        Self {
            max_depth: None,
            min_samples_split: 2,
            min_samples_leaf: 1,
            max_features: None,
            seed: 42,
        }
    }
}

impl TreeParams {
    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for max_depth 0, min_samples_split < 2,
    /// min_samples_leaf 0 or max_features 0.
    pub fn check(&self) -> Result<()> {
        if self.max_depth == Some(0) {
            return Err(Error::param("max_depth", "must be at least 1"));
        }
        if self.min_samples_split < 2 {
            return Err(Error::param("min_samples_split", "must be at least 2"));
        }
        if self.min_samples_leaf == 0 {
            return Err(Error::param("min_samples_leaf", "must be at least 1"));
        }
        if self.max_features == Some(0) {
            return Err(Error::param("max_features", "must be at least 1"));
        }
        Ok(())
    }
}

/// One node of a fitted tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Split feature and threshold (go left when `x[feature] <= threshold`); `None` for a leaf.
    pub split: Option<(usize, f64)>,
    /// Children indices (left, right) in [`DecisionTree::nodes`]; unused for a leaf.
    pub children: (usize, usize),
    /// Distinct training samples in the node.
    pub samples: usize,
    /// Weighted sample count.
    pub weight: f64,
    /// Gini impurity or variance of the node.
    pub impurity: f64,
    /// Class shares (classification) or `[mean]` (regression).
    pub value: Vec<f64>,
    /// Depth (root = 0).
    pub depth: usize,
}

/// A fitted tree.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionTree {
    nodes: Vec<Node>,
    criterion: Criterion,
    n_features: usize,
}

/// Columns of `x` stored contiguously, shared by all trees of a forest.
pub(crate) struct Columns {
    pub(crate) cols: Vec<Vec<f64>>,
}

impl Columns {
    pub(crate) fn new(x: ArrayView2<f64>) -> Result<Self> {
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "decision tree",
                "data contain NaN or infinity",
            ));
        }
        Ok(Self {
            cols: x.columns().into_iter().map(|c| c.to_vec()).collect(),
        })
    }
}

pub(crate) fn check_targets(criterion: Criterion, n: usize, y: ArrayView1<f64>) -> Result<()> {
    if n == 0 {
        return Err(Error::input("decision tree", "empty training set"));
    }
    if y.len() != n {
        return Err(Error::input(
            "decision tree",
            format!("{n} rows but {} targets", y.len()),
        ));
    }
    match criterion {
        Criterion::Gini { n_classes } => {
            if n_classes < 2 {
                return Err(Error::param("n_classes", "must be at least 2"));
            }
            if y.iter()
                .any(|&v| v < 0.0 || v.fract() != 0.0 || v as usize >= n_classes)
            {
                return Err(Error::input(
                    "decision tree",
                    format!("class labels must be integers in 0..{n_classes}"),
                ));
            }
        }
        Criterion::SquaredError => {
            if y.iter().any(|v| !v.is_finite()) {
                return Err(Error::input(
                    "decision tree",
                    "targets contain NaN or infinity",
                ));
            }
        }
    }
    Ok(())
}

struct Builder<'a> {
    cols: &'a Columns,
    y: &'a [f64],
    w: &'a [f64],
    params: &'a TreeParams,
    criterion: Criterion,
    rng: Xoshiro256PlusPlus,
    nodes: Vec<Node>,
    scratch: Vec<(f64, u32)>,
}

impl Builder<'_> {
    /// Weighted statistics of `idx`: class weights, or (sum, sum of squares).
    fn stats(&self, idx: &[u32]) -> Vec<f64> {
        let mut s = vec![0.0; self.criterion.width()];
        for &i in idx {
            let (y, w) = (self.y[i as usize], self.w[i as usize]);
            self.add(&mut s, y, w);
        }
        s
    }

    fn add(&self, s: &mut [f64], y: f64, w: f64) {
        match self.criterion {
            Criterion::Gini { .. } => s[y as usize] += w,
            Criterion::SquaredError => {
                s[0] += w * y;
                s[1] += w * y * y;
            }
        }
    }

    fn impurity(&self, s: &[f64], weight: f64) -> f64 {
        if weight <= 0.0 {
            return 0.0;
        }
        match self.criterion {
            Criterion::Gini { .. } => 1.0 - s.iter().map(|c| (c / weight).powi(2)).sum::<f64>(),
            Criterion::SquaredError => (s[1] / weight - (s[0] / weight).powi(2)).max(0.0),
        }
    }

    /// Proxy that the best split maximises (impurity decrease up to constants).
    fn proxy(&self, s: &[f64], weight: f64) -> f64 {
        match self.criterion {
            Criterion::Gini { .. } => s.iter().map(|c| c * c).sum::<f64>() / weight,
            Criterion::SquaredError => s[0] * s[0] / weight,
        }
    }

    fn value(&self, s: &[f64], weight: f64) -> Vec<f64> {
        match self.criterion {
            Criterion::Gini { .. } => s.iter().map(|c| c / weight).collect(),
            Criterion::SquaredError => vec![s[0] / weight],
        }
    }

    /// Best (feature, threshold) over a random feature subset, if any split is valid.
    fn best_split(&mut self, idx: &[u32], total: &[f64], weight: f64) -> Option<(usize, f64)> {
        let n_features = self.cols.cols.len();
        let mut order: Vec<usize> = (0..n_features).collect();
        order.shuffle(&mut self.rng);
        let wanted = self
            .params
            .max_features
            .unwrap_or(n_features)
            .min(n_features);
        let leaf = self.params.min_samples_leaf;
        // as sklearn: every drawn feature counts towards max_features, constant
        // ones included, but the search goes on until one non-constant is seen
        let (mut visited, mut constants) = (0, 0);
        let mut best: Option<(f64, usize, f64)> = None;
        let mut left = vec![0.0; total.len()];
        for &f in &order {
            if visited >= wanted && visited > constants {
                break;
            }
            visited += 1;
            let col = &self.cols.cols[f];
            self.scratch.clear();
            self.scratch
                .extend(idx.iter().map(|&i| (col[i as usize], i)));
            let first = self.scratch[0].0;
            if self.scratch.iter().all(|p| p.0 == first) {
                constants += 1;
                continue;
            }
            self.scratch.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            left.iter_mut().for_each(|v| *v = 0.0);
            let mut w_left = 0.0;
            let m = self.scratch.len();
            for pos in 0..m - 1 {
                let (v, i) = self.scratch[pos];
                let (yi, wi) = (self.y[i as usize], self.w[i as usize]);
                match self.criterion {
                    Criterion::Gini { .. } => left[yi as usize] += wi,
                    Criterion::SquaredError => {
                        left[0] += wi * yi;
                        left[1] += wi * yi * yi;
                    }
                }
                w_left += wi;
                let next = self.scratch[pos + 1].0;
                if next <= v || pos + 1 < leaf || m - pos - 1 < leaf {
                    continue;
                }
                let w_right = weight - w_left;
                if w_left <= 0.0 || w_right <= 0.0 {
                    continue;
                }
                let right: Vec<f64> = total.iter().zip(&left).map(|(t, l)| t - l).collect();
                let score = self.proxy(&left, w_left) + self.proxy(&right, w_right);
                if best.is_none_or(|b| score > b.0) {
                    let mut thr = v / 2.0 + next / 2.0;
                    if thr >= next || !thr.is_finite() {
                        thr = v;
                    }
                    best = Some((score, f, thr));
                }
            }
        }
        best.map(|(_, f, t)| (f, t))
    }

    fn grow(&mut self, idx: &mut [u32], depth: usize) -> usize {
        let total = self.stats(idx);
        let weight: f64 = idx.iter().map(|&i| self.w[i as usize]).sum();
        let impurity = self.impurity(&total, weight);
        let id = self.nodes.len();
        self.nodes.push(Node {
            split: None,
            children: (0, 0),
            samples: idx.len(),
            weight,
            impurity,
            value: self.value(&total, weight),
            depth,
        });
        let n = idx.len();
        let can_split = self.params.max_depth.is_none_or(|d| depth < d)
            && n >= self.params.min_samples_split
            && n >= 2 * self.params.min_samples_leaf
            && impurity > 1e-12;
        if !can_split {
            return id;
        }
        let Some((f, thr)) = self.best_split(idx, &total, weight) else {
            return id;
        };
        let col = &self.cols.cols[f];
        // stable partition: rows with x <= thr first
        let (mut l, mut r): (Vec<u32>, Vec<u32>) =
            idx.iter().partition(|&&i| col[i as usize] <= thr);
        let n_left = l.len();
        idx[..n_left].copy_from_slice(&l);
        idx[n_left..].copy_from_slice(&r);
        l.clear();
        r.clear();
        let (left_idx, right_idx) = idx.split_at_mut(n_left);
        let left = self.grow(left_idx, depth + 1);
        let right = self.grow(right_idx, depth + 1);
        let node = &mut self.nodes[id];
        node.split = Some((f, thr));
        node.children = (left, right);
        id
    }
}

impl DecisionTree {
    /// Fits one tree on rows `x` and targets `y` (class index as f64 for
    /// classification), with optional per-row weights (0 = row unused).
    ///
    /// ```
    /// use amazon_sales::ml::tree::{Criterion, DecisionTree, TreeParams};
    /// use ndarray::array;
    /// let x = array![[1.0], [2.0], [3.0], [4.0]];
    /// let y = array![0.0, 0.0, 1.0, 1.0];
    /// let t = DecisionTree::fit(x.view(), y.view(), None, Criterion::Gini { n_classes: 2 }, &TreeParams::default())?;
    /// assert_eq!(t.predict(array![[1.5], [3.5]].view())?.to_vec(), vec![0.0, 1.0]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for bad settings; [`Error::InvalidInput`] for
    /// an empty training set, mismatched lengths, non-finite values, labels
    /// outside `0..n_classes`, or weights that are negative or all zero.
    pub fn fit(
        x: ArrayView2<f64>,
        y: ArrayView1<f64>,
        weights: Option<ArrayView1<f64>>,
        criterion: Criterion,
        params: &TreeParams,
    ) -> Result<Self> {
        params.check()?;
        check_targets(criterion, x.nrows(), y)?;
        let w: Vec<f64> = match weights {
            Some(w) if w.len() == x.nrows() => w.to_vec(),
            Some(_) => return Err(Error::input("decision tree", "one weight per row needed")),
            None => vec![1.0; x.nrows()],
        };
        let cols = Columns::new(x)?;
        let y = y.to_vec();
        Self::fit_columns(&cols, &y, &w, criterion, params)
    }

    pub(crate) fn fit_columns(
        cols: &Columns,
        y: &[f64],
        w: &[f64],
        criterion: Criterion,
        params: &TreeParams,
    ) -> Result<Self> {
        if w.iter().any(|&v| v < 0.0 || !v.is_finite()) {
            return Err(Error::input(
                "decision tree",
                "weights must be finite and ≥ 0",
            ));
        }
        let mut idx: Vec<u32> = (0..w.len() as u32)
            .filter(|&i| w[i as usize] > 0.0)
            .collect();
        if idx.is_empty() {
            return Err(Error::input("decision tree", "empty training set"));
        }
        let mut b = Builder {
            cols,
            y,
            w,
            params,
            criterion,
            rng: Xoshiro256PlusPlus::seed_from_u64(params.seed),
            nodes: Vec::new(),
            scratch: Vec::with_capacity(idx.len()),
        };
        b.grow(&mut idx, 0);
        Ok(Self {
            nodes: b.nodes,
            criterion,
            n_features: cols.cols.len(),
        })
    }

    /// Nodes in depth-first order; the root is `nodes()[0]`.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Number of input features.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Depth of the deepest leaf.
    pub fn depth(&self) -> usize {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }

    fn leaf(&self, row: ArrayView1<f64>) -> &Node {
        let mut node = &self.nodes[0];
        while let Some((f, thr)) = node.split {
            let next = if row[f] <= thr {
                node.children.0
            } else {
                node.children.1
            };
            node = &self.nodes[next];
        }
        node
    }

    fn check_width(&self, x: ArrayView2<f64>) -> Result<()> {
        if x.ncols() != self.n_features {
            return Err(Error::input(
                "decision tree",
                format!("fitted on {} features, got {}", self.n_features, x.ncols()),
            ));
        }
        Ok(())
    }

    /// Leaf values per row: class shares (n × classes) or means (n × 1).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has a different number of columns.
    pub fn predict_values(&self, x: ArrayView2<f64>) -> Result<Array2<f64>> {
        self.check_width(x)?;
        let width = self.nodes[0].value.len();
        let mut out = Array2::zeros((x.nrows(), width));
        for (row, mut o) in x.rows().into_iter().zip(out.rows_mut()) {
            o.iter_mut()
                .zip(&self.leaf(row).value)
                .for_each(|(d, s)| *d = *s);
        }
        Ok(out)
    }

    /// Predicted class (as f64; ties to the lower class) or value per row.
    ///
    /// # Errors
    /// As [`predict_values`](Self::predict_values).
    pub fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        Ok(self.criterion.predictions(&self.predict_values(x)?))
    }

    /// Impurity decrease per feature, weighted by node weight, summing to 1
    /// (sklearn's `feature_importances_`); all zeros for a single-leaf tree.
    pub fn feature_importances(&self) -> Array1<f64> {
        let mut imp = Array1::zeros(self.n_features);
        for n in &self.nodes {
            if let Some((f, _)) = n.split {
                let (l, r) = (&self.nodes[n.children.0], &self.nodes[n.children.1]);
                imp[f] += n.weight * n.impurity - l.weight * l.impurity - r.weight * r.impurity;
            }
        }
        let total = imp.sum();
        if total > 0.0 {
            imp /= total;
        }
        imp
    }
}

fn argmax_rows(v: &Array2<f64>) -> Array1<f64> {
    v.rows()
        .into_iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .fold(
                    (0, f64::NEG_INFINITY),
                    |b, (i, &p)| if p > b.1 { (i, p) } else { b },
                )
                .0 as f64
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use ndarray::array;

    /// Rows of a small fixed data set (4 features) used against sklearn.
    pub(crate) fn toy() -> (Array2<f64>, Array1<f64>, Array1<f64>) {
        let mut x = Vec::new();
        let mut yc = Vec::new();
        let mut yr = Vec::new();
        for i in 0..60 {
            let a = (i * 7 % 13) as f64;
            let b = (i * 5 % 11) as f64;
            let c = (i % 4) as f64;
            let d = ((i * 3) % 17) as f64 / 2.0;
            x.extend([a, b, c, d]);
            yc.push(if a + 2.0 * c > 12.0 || b < 2.0 {
                1.0
            } else {
                0.0
            });
            yr.push(3.0 * a - b + 10.0 * c + d * d / 4.0);
        }
        (
            Array2::from_shape_vec((60, 4), x).unwrap(),
            Array1::from(yc),
            Array1::from(yr),
        )
    }

    #[test]
    fn classification_tree_matches_sklearn() {
        // sklearn DecisionTreeClassifier(max_depth=3, random_state=0) on toy():
        // train accuracy 0.9666666666666667,
        // feature_importances_ [0.55975914, 0.29372924, 0.14651163, 0.]
        let (x, y, _) = toy();
        let p = TreeParams {
            max_depth: Some(3),
            ..TreeParams::default()
        };
        let t = DecisionTree::fit(
            x.view(),
            y.view(),
            None,
            Criterion::Gini { n_classes: 2 },
            &p,
        )
        .unwrap();
        let pred = t.predict(x.view()).unwrap();
        let acc = pred.iter().zip(&y).filter(|(a, b)| a == b).count() as f64 / 60.0;
        assert!((acc - 0.9666666666666667).abs() < 1e-12, "{acc}");
        let imp = t.feature_importances();
        for (a, b) in imp.iter().zip([0.55975914, 0.29372924, 0.14651163, 0.0]) {
            assert!((a - b).abs() < 1e-6, "{imp}");
        }
    }

    #[test]
    fn regression_tree_matches_sklearn() {
        // sklearn DecisionTreeRegressor(max_depth=4, min_samples_split=10, random_state=0..2, same for each):
        // train R² 0.8999393205285926
        let (x, _, y) = toy();
        let p = TreeParams {
            max_depth: Some(4),
            min_samples_split: 10,
            ..TreeParams::default()
        };
        let t = DecisionTree::fit(x.view(), y.view(), None, Criterion::SquaredError, &p).unwrap();
        let pred = t.predict(x.view()).unwrap();
        let r2 = crate::ml::metrics::r2(y.view(), pred.view()).unwrap();
        assert!((r2 - 0.8999393205285926).abs() < 1e-9, "{r2}");
        assert!(t.depth() <= 4);
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        let (x, y, _) = toy();
        let gini = Criterion::Gini { n_classes: 2 };
        let bad = TreeParams {
            min_samples_split: 1,
            ..TreeParams::default()
        };
        assert!(matches!(
            DecisionTree::fit(x.view(), y.view(), None, gini, &bad),
            Err(Error::InvalidParameter { .. })
        ));
        let empty = Array2::<f64>::zeros((0, 4));
        assert!(matches!(
            DecisionTree::fit(
                empty.view(),
                array![].view(),
                None,
                gini,
                &TreeParams::default()
            ),
            Err(Error::InvalidInput { .. })
        ));
        let labels3 = y.mapv(|v| v * 3.0);
        assert!(
            DecisionTree::fit(x.view(), labels3.view(), None, gini, &TreeParams::default())
                .is_err()
        );
    }
}
