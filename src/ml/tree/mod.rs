//! CART decision trees and random forests (classification with Gini impurity,
//! regression with squared error), with class probabilities, sample weights
//! and impurity-based feature importances, following scikit-learn's
//! algorithm (best split per node over a random feature subset, midpoint
//! thresholds, bootstrap counts as weights, trees averaged).
//!
//! Written here after checking the field crates, none of which fits the
//! 172,867 × 18 inputs of the report notebook:
//! * linfa-trees 0.8.1 scans every training row at every node for every
//!   feature (a row mask instead of partitioned indices), so a depth-25 tree
//!   costs nodes × rows × features (≈ 10¹⁰ steps here); it has no class
//!   probabilities (needed for ROC/PR curves) and no regression trees.
//! * linfa-ensemble 0.8.1 (`RandomForestParams`) wraps those trees, predicts
//!   by hard vote only, draws one feature subset per tree rather than per
//!   split, and unwraps fit errors (a panic).
//! * smartcore 0.7 has efficient trees, but its forests keep their trees
//!   private: no forest probabilities, no forest importances; single-threaded.
//!
//! Trees are grown in parallel (rayon) with one seed per tree derived from the
//! forest's seed, so results do not depend on thread scheduling.

mod cart;
mod forest;

pub use cart::{Criterion, DecisionTree, Node, TreeParams};
pub use forest::{RandomForest, RandomForestParams};
