//! Binary classifiers and their evaluation: logistic regression (L2 with
//! linfa-logistic, L1 with a proximal-gradient solver), Gaussian naive Bayes
//! (linfa-bayes), and the CART tree / random forest of [`crate::ml::tree`].
//!
//! Every model implements [`BinaryClassifier`] (a score for class 1), and
//! [`evaluate`] turns a fitted model and a [`TrainTest`] into an
//! [`Evaluation`] with the metrics the honest comparison needs.

mod evaluation;
mod l1_logistic;
mod logistic;
mod naive_bayes;
mod trees;

pub use evaluation::{evaluate, BinaryClassifier, Evaluation};
pub use l1_logistic::L1Logistic;
pub use logistic::{LogisticModel, LogisticParams, Penalty};
pub use naive_bayes::GaussianNaiveBayes;
pub use trees::{ForestClassifier, TreeClassifier};

use ndarray::ArrayView1;

use crate::error::{Error, Result};
#[allow(unused_imports)]
use crate::ml::split::TrainTest;

/// Checks that binary labels are 0/1, match the rows, and hold both classes.
pub(crate) fn check_binary(context: &'static str, rows: usize, y: ArrayView1<usize>) -> Result<()> {
    if rows == 0 {
        return Err(Error::input(context, "empty training set"));
    }
    if y.len() != rows {
        return Err(Error::input(
            context,
            format!("{rows} rows but {} labels", y.len()),
        ));
    }
    if y.iter().any(|&v| v > 1) {
        return Err(Error::input(context, "labels must be 0 or 1"));
    }
    let positives = y.iter().filter(|&&v| v == 1).count();
    if positives == 0 || positives == y.len() {
        return Err(Error::input(context, "the labels hold a single class"));
    }
    Ok(())
}
