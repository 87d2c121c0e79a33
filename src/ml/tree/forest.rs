//! Random forests of [`DecisionTree`]s: bootstrap counts as weights, a random
//! feature subset per split, probabilities / values averaged over trees.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;

use super::cart::{check_targets, Columns, Criterion, DecisionTree, TreeParams};
use crate::error::{Error, Result};

/// Forest settings.
#[derive(Debug, Clone, PartialEq)]
pub struct RandomForestParams {
    /// Number of trees (≥ 1).
    pub n_trees: usize,
    /// Settings of every tree (`max_features` per split; its seed is replaced per tree).
    pub tree: TreeParams,
    /// Draw a bootstrap sample per tree (sklearn's default).
    pub bootstrap: bool,
    /// Seed of the bootstrap draws and of the trees.
    pub seed: u64,
}

impl RandomForestParams {
    /// scikit-learn's classifier defaults: 100 trees, √features per split.
    pub fn classifier(n_features: usize) -> Self {
        Self {
            n_trees: 100,
            tree: TreeParams {
                max_features: Some(((n_features as f64).sqrt().floor() as usize).max(1)),
                ..TreeParams::default()
            },
            bootstrap: true,
            seed: 42,
        }
    }

    /// scikit-learn's regressor defaults: 100 trees, all features per split.
    pub fn regressor() -> Self {
        Self {
            n_trees: 100,
            tree: TreeParams::default(),
            bootstrap: true,
            seed: 42,
        }
    }

    /// Sets max_depth and min_samples_split (the notebook's 25 and 10).
    pub fn depth_and_split(mut self, max_depth: usize, min_samples_split: usize) -> Self {
        self.tree.max_depth = Some(max_depth);
        self.tree.min_samples_split = min_samples_split;
        self
    }

    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for zero trees or bad tree settings.
    pub fn check(&self) -> Result<()> {
        if self.n_trees == 0 {
            return Err(Error::param("n_trees", "must be at least 1"));
        }
        self.tree.check()
    }

    /// Fits the forest. `y` holds class indices (as f64) for
    /// [`Criterion::Gini`] or values for [`Criterion::SquaredError`]; optional
    /// `weights` multiply the bootstrap counts (class weights).
    ///
    /// ```
    /// use amazon_sales::ml::tree::{Criterion, RandomForestParams};
    /// use ndarray::array;
    /// let x = array![[1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [4.0, 1.0], [5.0, 0.0], [6.0, 1.0]];
    /// let y = array![0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
    /// let p = RandomForestParams { n_trees: 20, ..RandomForestParams::classifier(2) };
    /// let rf = p.fit(x.view(), y.view(), None, Criterion::Gini { n_classes: 2 })?;
    /// assert_eq!(rf.predict(array![[1.0, 1.0], [6.0, 0.0]].view())?.to_vec(), vec![0.0, 1.0]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`check`](Self::check) and [`DecisionTree::fit`].
    pub fn fit(
        &self,
        x: ArrayView2<f64>,
        y: ArrayView1<f64>,
        weights: Option<ArrayView1<f64>>,
        criterion: Criterion,
    ) -> Result<RandomForest> {
        self.check()?;
        check_targets(criterion, x.nrows(), y)?;
        let base: Vec<f64> = match weights {
            Some(w) if w.len() == x.nrows() => w.to_vec(),
            Some(_) => return Err(Error::input("random forest", "one weight per row needed")),
            None => vec![1.0; x.nrows()],
        };
        let cols = Columns::new(x)?;
        let y = y.to_vec();
        let n = x.nrows();
        let trees = (0..self.n_trees)
            .into_par_iter()
            .map(|t| {
                let tree_seed = self
                    .seed
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    .wrapping_add(t as u64);
                let mut rng = Xoshiro256PlusPlus::seed_from_u64(tree_seed);
                let w: Vec<f64> = if self.bootstrap {
                    let mut counts = vec![0.0; n];
                    for _ in 0..n {
                        counts[rng.gen_range(0..n)] += 1.0;
                    }
                    counts.iter().zip(&base).map(|(c, b)| c * b).collect()
                } else {
                    base.clone()
                };
                let params = TreeParams {
                    seed: rng.gen(),
                    ..self.tree.clone()
                };
                DecisionTree::fit_columns(&cols, &y, &w, criterion, &params)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RandomForest { trees, criterion })
    }
}

/// A fitted forest.
#[derive(Debug, Clone, PartialEq)]
pub struct RandomForest {
    trees: Vec<DecisionTree>,
    criterion: Criterion,
}

impl RandomForest {
    /// The trees.
    pub fn trees(&self) -> &[DecisionTree] {
        &self.trees
    }

    /// Mean over trees of the leaf values: class probabilities (n × classes) or (n × 1) values.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has a different number of columns.
    pub fn predict_values(&self, x: ArrayView2<f64>) -> Result<Array2<f64>> {
        let parts = self
            .trees
            .par_iter()
            .map(|t| t.predict_values(x))
            .collect::<Result<Vec<_>>>()?;
        let mut sum = parts
            .into_iter()
            .reduce(|a, b| a + b)
            .ok_or_else(|| Error::input("random forest", "no trees"))?;
        sum /= self.trees.len() as f64;
        Ok(sum)
    }

    /// Class probabilities of class 1 (binary classification), for ROC/PR curves.
    ///
    /// # Errors
    /// As [`predict_values`](Self::predict_values); [`Error::InvalidInput`] for a regressor.
    pub fn positive_scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        match self.criterion {
            Criterion::Gini { n_classes } if n_classes >= 2 => {
                Ok(self.predict_values(x)?.column(1).to_owned())
            }
            _ => Err(Error::input("random forest", "scores need a classifier")),
        }
    }

    /// Predicted class (as f64) or value per row.
    ///
    /// # Errors
    /// As [`predict_values`](Self::predict_values).
    pub fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        Ok(self.criterion.predictions(&self.predict_values(x)?))
    }

    /// Mean of the trees' normalised impurity importances, normalised to sum 1
    /// (sklearn's `feature_importances_`, "mean decrease in impurity").
    pub fn feature_importances(&self) -> Array1<f64> {
        let n = self.trees.first().map_or(0, DecisionTree::n_features);
        let mut imp = Array1::zeros(n);
        for t in &self.trees {
            imp += &t.feature_importances();
        }
        let total = imp.sum();
        if total > 0.0 {
            imp /= total;
        }
        imp
    }
}

#[cfg(test)]
mod tests {
    use super::super::cart::tests::toy;
    use super::*;

    #[test]
    fn forests_are_seeded_and_close_to_sklearn() {
        // sklearn RandomForestClassifier(50, random_state=0) on toy(): train accuracy 1.0,
        // importances [0.454, 0.340, 0.108, 0.098]; RandomForestRegressor(50): train R² 0.982
        let (x, yc, yr) = toy();
        let p = RandomForestParams {
            n_trees: 50,
            ..RandomForestParams::classifier(4)
        };
        let gini = Criterion::Gini { n_classes: 2 };
        let a = p.fit(x.view(), yc.view(), None, gini).unwrap();
        assert_eq!(a, p.fit(x.view(), yc.view(), None, gini).unwrap());
        let acc = crate::ml::metrics::accuracy(
            yc.mapv(|v| v as usize).view(),
            a.predict(x.view()).unwrap().mapv(|v| v as usize).view(),
        )
        .unwrap();
        assert!(acc > 0.98, "{acc}");
        let imp = a.feature_importances();
        assert!(imp[0] > imp[2] && imp[1] > imp[3], "{imp}");
        let r = RandomForestParams {
            n_trees: 50,
            ..RandomForestParams::regressor()
        }
        .fit(x.view(), yr.view(), None, Criterion::SquaredError)
        .unwrap();
        let r2 = crate::ml::metrics::r2(yr.view(), r.predict(x.view()).unwrap().view()).unwrap();
        assert!((r2 - 0.982).abs() < 0.02, "{r2}");
        assert!(r.positive_scores(x.view()).is_err());
    }

    #[test]
    fn bad_parameters() {
        let (x, yc, _) = toy();
        let p = RandomForestParams {
            n_trees: 0,
            ..RandomForestParams::classifier(4)
        };
        assert!(matches!(
            p.fit(x.view(), yc.view(), None, Criterion::Gini { n_classes: 2 }),
            Err(Error::InvalidParameter { .. })
        ));
    }
}
