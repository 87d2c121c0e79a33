//! The CART decision tree and random forest of [`crate::ml::tree`] as
//! binary classifiers, with the notebook's settings.

use ndarray::{Array1, ArrayView1, ArrayView2};

use super::evaluation::BinaryClassifier;
use crate::error::Result;
use crate::ml::tree::{Criterion, DecisionTree, RandomForest, RandomForestParams, TreeParams};

const GINI: Criterion = Criterion::Gini { n_classes: 2 };

/// A fitted decision-tree classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeClassifier {
    /// The tree (nodes for the diagram, importances).
    pub tree: DecisionTree,
}

impl TreeClassifier {
    /// Fits a tree with `params` (the notebook: depth 25, min split 10, seed 42);
    /// optional per-row weights (class weights).
    ///
    /// # Errors
    /// As [`DecisionTree::fit`], and [`crate::Error::InvalidInput`] for a single class.
    pub fn fit(
        x: ArrayView2<f64>,
        y: ArrayView1<usize>,
        weights: Option<ArrayView1<f64>>,
        params: &TreeParams,
    ) -> Result<Self> {
        super::check_binary("decision tree", x.nrows(), y)?;
        let yf = y.mapv(|v| v as f64);
        Ok(Self {
            tree: DecisionTree::fit(x, yf.view(), weights, GINI, params)?,
        })
    }
}

impl BinaryClassifier for TreeClassifier {
    fn name(&self) -> String {
        "Decision tree".into()
    }

    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        Ok(self.tree.predict_values(x)?.column(1).to_owned())
    }
}

/// A fitted random-forest classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestClassifier {
    /// The forest (importances).
    pub forest: RandomForest,
}

impl ForestClassifier {
    /// Fits a forest with `params`; optional per-row weights (class weights).
    ///
    /// # Errors
    /// As [`RandomForestParams::fit`], and [`crate::Error::InvalidInput`] for a single class.
    pub fn fit(
        x: ArrayView2<f64>,
        y: ArrayView1<usize>,
        weights: Option<ArrayView1<f64>>,
        params: &RandomForestParams,
    ) -> Result<Self> {
        super::check_binary("random forest", x.nrows(), y)?;
        let yf = y.mapv(|v| v as f64);
        Ok(Self {
            forest: params.fit(x, yf.view(), weights, GINI)?,
        })
    }
}

impl BinaryClassifier for ForestClassifier {
    fn name(&self) -> String {
        "Random forest".into()
    }

    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        self.forest.positive_scores(x)
    }
}
