//! Scoring a fitted binary classifier on a train/test split.

use ndarray::{Array1, ArrayView2};

use crate::display::{number, percent, Figure, Table};
use crate::error::Result;
use crate::ml::metrics::{self, ClassificationReport, MajorityBaseline, RocCurve};
use crate::ml::split::TrainTest;

/// A fitted model that scores rows for class 1.
pub trait BinaryClassifier {
    /// Short display name ("Logistic regression (L2)").
    fn name(&self) -> String;

    /// Score (probability) of class 1 per row.
    ///
    /// # Errors
    /// When `x` does not have the fitted number of columns.
    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>>;

    /// Predicted class per row: 1 when the score exceeds 0.5.
    ///
    /// # Errors
    /// As [`scores`](Self::scores).
    fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<usize>> {
        Ok(self.scores(x)?.mapv(|s| usize::from(s > 0.5)))
    }
}

/// Test-set metrics of one classifier, plus its training accuracy.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Model name.
    pub model: String,
    /// Accuracy on the training rows.
    pub train_accuracy: f64,
    /// Precision/recall/F1 per class and the confusion matrix (test rows).
    pub report: ClassificationReport,
    /// Balanced accuracy (test).
    pub balanced_accuracy: f64,
    /// ROC curve of the scores (test).
    pub roc: RocCurve,
    /// Area under the ROC curve (test).
    pub roc_auc: f64,
    /// Average precision, the PR AUC (test).
    pub pr_auc: f64,
    /// Always predicting the training majority class (test).
    pub baseline: MajorityBaseline,
    /// Share of class 1 in the test rows.
    pub positive_rate: f64,
}

/// Scores `model` on both sides of `data`.
///
/// # Errors
/// When the model cannot score the rows, or the test labels lack a class.
pub fn evaluate(model: &dyn BinaryClassifier, data: &TrainTest<usize>) -> Result<Evaluation> {
    let train_pred = model.predict(data.x_train.view())?;
    let scores = model.scores(data.x_test.view())?;
    let pred = scores.mapv(|s| usize::from(s > 0.5));
    let y = data.y_test.view();
    let report = ClassificationReport::new(y, pred.view())?;
    Ok(Evaluation {
        model: model.name(),
        train_accuracy: metrics::accuracy(data.y_train.view(), train_pred.view())?,
        balanced_accuracy: metrics::balanced_accuracy(y, pred.view())?,
        roc: metrics::roc_curve(y, scores.view())?,
        roc_auc: metrics::roc_auc(y, scores.view())?,
        pr_auc: metrics::average_precision(y, scores.view())?,
        baseline: metrics::majority_baseline(data.y_train.view(), y)?,
        positive_rate: y.iter().filter(|&&v| v == 1).count() as f64 / y.len() as f64,
        report,
    })
}

/// Class names used in the sales notebook's tables.
const CLASSES: [&str; 2] = ["Not cancelled", "Cancelled"];

impl Evaluation {
    /// Test accuracy.
    pub fn accuracy(&self) -> f64 {
        self.report.accuracy
    }

    /// F1 of class 1.
    pub fn f1_positive(&self) -> f64 {
        self.report.classes.get(1).map_or(0.0, |c| c.f1)
    }

    /// sklearn-style classification report (2 decimals) with train/test accuracy in a note.
    pub fn report_table(&self) -> Table {
        self.report
            .table(
                &format!("{}: classification report (test)", self.model),
                &CLASSES,
                2,
            )
            .with_note(format!(
                "Test accuracy {}; train accuracy {}.",
                number(self.accuracy(), 5),
                number(self.train_accuracy, 5)
            ))
    }

    /// Confusion matrix of the test rows.
    pub fn confusion_table(&self) -> Table {
        self.report.confusion.table(
            &format!("{}: confusion matrix (test)", self.model),
            &CLASSES,
        )
    }

    /// The test confusion matrix as an annotated heatmap (R-52..R-61).
    ///
    /// # Errors
    /// [`crate::Error::Chart`] if drawing fails.
    pub fn confusion_chart(&self) -> Result<Figure> {
        self.report.confusion.heatmap(
            &format!("{}: confusion matrix (test)", self.model),
            &CLASSES,
        )
    }

    /// One row of the comparison table: the metrics the honest evaluation reports.
    pub fn summary_cells(&self) -> Vec<String> {
        let mut cells = vec![self.model.clone()];
        cells.extend(self.metric_cells());
        cells.push(percent(self.positive_rate, 2));
        cells
    }

    /// Accuracy, balanced accuracy, ROC AUC, PR AUC, F1 of class 1 and the
    /// majority baseline's accuracy, to 4 decimals (the comparison tables' cells).
    pub(crate) fn metric_cells(&self) -> [String; 6] {
        [
            number(self.accuracy(), 4),
            number(self.balanced_accuracy, 4),
            number(self.roc_auc, 4),
            number(self.pr_auc, 4),
            number(self.f1_positive(), 4),
            number(self.baseline.accuracy, 4),
        ]
    }

    /// Header matching [`summary_cells`](Self::summary_cells).
    pub fn summary_columns() -> [&'static str; 8] {
        [
            "model",
            "accuracy",
            "balanced acc.",
            "ROC AUC",
            "PR AUC",
            "F1 (cancelled)",
            "majority baseline acc.",
            "cancelled share (test)",
        ]
    }

    /// A table of several evaluations.
    pub fn summary_table(title: &str, evaluations: &[&Evaluation]) -> Table {
        let mut t = Table::new(title, Self::summary_columns());
        for e in evaluations {
            t.push_row(e.summary_cells());
        }
        t
    }
}
