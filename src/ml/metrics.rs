//! Evaluation metrics with baselines, matching scikit-learn's definitions.
//!
//! Classification: [`confusion_matrix`], [`accuracy`], [`balanced_accuracy`],
//! [`ClassificationReport`] (precision / recall / F1 per class, like
//! `sklearn.metrics.classification_report`), [`roc_curve`], [`roc_auc`],
//! [`average_precision`] (PR AUC) and [`majority_baseline`].
//! Regression: [`r2`], [`mse`], [`rmse`], [`mae`].
//!
//! Labels are class indices `0..n_classes` (`usize`); for the binary curves
//! class 1 is the positive class. Empty or mismatched inputs are
//! [`Error::InvalidInput`], never a panic.
//!
//! ```
//! use amazon_sales::ml::metrics;
//! use ndarray::array;
//! let (y, p) = (array![0, 0, 1, 1], array![0, 1, 1, 1]);
//! assert_eq!(metrics::accuracy(y.view(), p.view())?, 0.75);
//! let auc = metrics::roc_auc(y.view(), array![0.1, 0.4, 0.35, 0.8].view())?;
//! assert!((auc - 0.75).abs() < 1e-12);
//! # Ok::<(), amazon_sales::Error>(())
//! ```

use ndarray::{Array2, ArrayView1};

use crate::charts::{heatmap, ChartSpec};
use crate::display::{number, thousands, Figure, Table};
use crate::error::{Error, Result};

fn check_pair<A, B>(context: &'static str, a: ArrayView1<A>, b: ArrayView1<B>) -> Result<()> {
    if a.is_empty() {
        return Err(Error::input(context, "no samples"));
    }
    if a.len() != b.len() {
        return Err(Error::input(
            context,
            format!("{} true values but {} predictions", a.len(), b.len()),
        ));
    }
    Ok(())
}

/// Counts of true class (rows) against predicted class (columns).
#[derive(Debug, Clone, PartialEq)]
pub struct ConfusionMatrix {
    counts: Array2<usize>,
}

impl ConfusionMatrix {
    /// The counts, `counts[[true, predicted]]`.
    pub fn counts(&self) -> &Array2<usize> {
        &self.counts
    }

    /// Number of classes (rows).
    pub fn n_classes(&self) -> usize {
        self.counts.nrows()
    }

    /// The matrix as a table; `class_names` label rows and columns (indices when short).
    pub fn table(&self, title: &str, class_names: &[&str]) -> Table {
        let name = |i: usize| {
            class_names
                .get(i)
                .map_or_else(|| i.to_string(), |s| s.to_string())
        };
        let mut cols = vec!["true \\ predicted".to_string()];
        cols.extend((0..self.n_classes()).map(name));
        let mut t = Table::new(title, cols);
        for (i, row) in self.counts.rows().into_iter().enumerate() {
            let mut cells = vec![name(i)];
            cells.extend(row.iter().map(|&c| thousands(c as i64)));
            t.push_row(cells);
        }
        t
    }

    /// The matrix as an annotated heatmap, true class down, predicted across
    /// (the original's `sns.heatmap(confusion_matrix(..), annot=True)`).
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn heatmap(&self, title: &str, class_names: &[&str]) -> Result<Figure> {
        let name = |i: usize| {
            class_names
                .get(i)
                .map_or_else(|| i.to_string(), |s| s.to_string())
        };
        let labels: Vec<String> = (0..self.n_classes()).map(name).collect();
        let values: Vec<Vec<f64>> = self
            .counts
            .rows()
            .into_iter()
            .map(|r| r.iter().map(|&c| c as f64).collect())
            .collect();
        heatmap(
            &ChartSpec::new(title)
                .x("predicted")
                .y("true")
                .size(460, 380),
            &labels,
            &labels,
            &values,
            0,
        )
    }
}

/// Confusion matrix over classes `0..=max(label)`.
///
/// # Errors
/// [`Error::InvalidInput`] when the inputs are empty or of different lengths.
pub fn confusion_matrix(
    y_true: ArrayView1<usize>,
    y_pred: ArrayView1<usize>,
) -> Result<ConfusionMatrix> {
    check_pair("confusion matrix", y_true, y_pred)?;
    let n = y_true
        .iter()
        .chain(y_pred.iter())
        .max()
        .map_or(0, |&m| m + 1);
    let mut counts = Array2::zeros((n, n));
    for (&t, &p) in y_true.iter().zip(y_pred.iter()) {
        counts[[t, p]] += 1;
    }
    Ok(ConfusionMatrix { counts })
}

/// Share of predictions equal to the truth.
///
/// # Errors
/// [`Error::InvalidInput`] when the inputs are empty or of different lengths.
pub fn accuracy(y_true: ArrayView1<usize>, y_pred: ArrayView1<usize>) -> Result<f64> {
    check_pair("accuracy", y_true, y_pred)?;
    let hits = y_true
        .iter()
        .zip(y_pred.iter())
        .filter(|(t, p)| t == p)
        .count();
    Ok(hits as f64 / y_true.len() as f64)
}

/// Mean recall over the classes present in `y_true` (sklearn's `balanced_accuracy_score`).
///
/// # Errors
/// [`Error::InvalidInput`] when the inputs are empty or of different lengths.
pub fn balanced_accuracy(y_true: ArrayView1<usize>, y_pred: ArrayView1<usize>) -> Result<f64> {
    let report = ClassificationReport::new(y_true, y_pred)?;
    let present: Vec<&ClassScores> = report.classes.iter().filter(|c| c.support > 0).collect();
    Ok(present.iter().map(|c| c.recall).sum::<f64>() / present.len() as f64)
}

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassScores {
    /// TP / (TP + FP); 0 when the class is never predicted (as sklearn).
    pub precision: f64,
    /// TP / (TP + FN); 0 when the class is absent.
    pub recall: f64,
    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
    /// Number of true samples of the class.
    pub support: usize,
}

/// Per-class scores plus accuracy, macro and support-weighted averages.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationReport {
    /// Scores of class `i` at index `i`.
    pub classes: Vec<ClassScores>,
    /// Overall accuracy.
    pub accuracy: f64,
    /// Unweighted mean over classes (support = all samples).
    pub macro_avg: ClassScores,
    /// Mean weighted by support.
    pub weighted_avg: ClassScores,
    /// The confusion matrix the scores come from.
    pub confusion: ConfusionMatrix,
}

impl ClassificationReport {
    /// Computes the report.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the inputs are empty or of different lengths.
    pub fn new(y_true: ArrayView1<usize>, y_pred: ArrayView1<usize>) -> Result<Self> {
        let confusion = confusion_matrix(y_true, y_pred)?;
        let c = &confusion.counts;
        let n = y_true.len();
        let classes: Vec<ClassScores> = (0..c.nrows())
            .map(|k| {
                let tp = c[[k, k]] as f64;
                let predicted = c.column(k).sum() as f64;
                let support = c.row(k).sum();
                let precision = if predicted > 0.0 { tp / predicted } else { 0.0 };
                let recall = if support > 0 {
                    tp / support as f64
                } else {
                    0.0
                };
                let f1 = if precision + recall > 0.0 {
                    2.0 * precision * recall / (precision + recall)
                } else {
                    0.0
                };
                ClassScores {
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect();
        let k = classes.len() as f64;
        let avg = |w: &dyn Fn(&ClassScores) -> f64, f: &dyn Fn(&ClassScores) -> f64| {
            classes.iter().map(|s| w(s) * f(s)).sum::<f64>()
        };
        let macro_w = |_: &ClassScores| 1.0 / k;
        let weight = |s: &ClassScores| s.support as f64 / n as f64;
        let macro_avg = ClassScores {
            precision: avg(&macro_w, &|s| s.precision),
            recall: avg(&macro_w, &|s| s.recall),
            f1: avg(&macro_w, &|s| s.f1),
            support: n,
        };
        let weighted_avg = ClassScores {
            precision: avg(&weight, &|s| s.precision),
            recall: avg(&weight, &|s| s.recall),
            f1: avg(&weight, &|s| s.f1),
            support: n,
        };
        let hits: usize = (0..c.nrows()).map(|i| c[[i, i]]).sum();
        Ok(Self {
            classes,
            accuracy: hits as f64 / n as f64,
            macro_avg,
            weighted_avg,
            confusion,
        })
    }

    /// The report as a table in sklearn's layout (`digits` decimals).
    pub fn table(&self, title: &str, class_names: &[&str], digits: usize) -> Table {
        let mut t = Table::new(title, ["", "precision", "recall", "f1-score", "support"]);
        let row = |label: String, s: &ClassScores| {
            vec![
                label,
                number(s.precision, digits),
                number(s.recall, digits),
                number(s.f1, digits),
                thousands(s.support as i64),
            ]
        };
        for (i, s) in self.classes.iter().enumerate() {
            let name = class_names
                .get(i)
                .map_or_else(|| i.to_string(), |s| s.to_string());
            t.push_row(row(name, s));
        }
        let n = self.macro_avg.support as i64;
        t.push_row([
            "accuracy".to_string(),
            String::new(),
            String::new(),
            number(self.accuracy, digits),
            thousands(n),
        ]);
        t.push_row(row("macro avg".into(), &self.macro_avg));
        t.push_row(row("weighted avg".into(), &self.weighted_avg));
        t
    }
}

/// Points of a ROC curve at every distinct score, from the strictest threshold to the
/// loosest (sklearn's `roc_curve(..., drop_intermediate=False)`).
#[derive(Debug, Clone, PartialEq)]
pub struct RocCurve {
    /// False-positive rate at each threshold (starts at 0, ends at 1).
    pub fpr: Vec<f64>,
    /// True-positive rate at each threshold.
    pub tpr: Vec<f64>,
    /// Score thresholds (the first is +∞, as sklearn ≥ 1.3).
    pub thresholds: Vec<f64>,
}

/// Cumulative (false positives, true positives, threshold) at each distinct score, highest first.
type RankedCounts = (Vec<(f64, f64, f64)>, f64, f64);

/// Ranks the scores; returns the points and the totals of negatives and positives.
fn ranked_counts(
    context: &'static str,
    y_true: ArrayView1<usize>,
    scores: ArrayView1<f64>,
) -> Result<RankedCounts> {
    check_pair(context, y_true, scores)?;
    if scores.iter().any(|s| !s.is_finite()) {
        return Err(Error::input(context, "scores contain NaN or infinity"));
    }
    if let Some(&bad) = y_true.iter().find(|&&y| y > 1) {
        return Err(Error::input(
            context,
            format!("binary labels 0/1 expected, found {bad}"),
        ));
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut fp, mut tp) = (0.0, 0.0);
    let mut points = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        if y_true[i] == 1 {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        let last_of_tie = order
            .get(pos + 1)
            .is_none_or(|&next| scores[next] != scores[i]);
        if last_of_tie {
            points.push((fp, tp, scores[i]));
        }
    }
    if tp == 0.0 || fp == 0.0 {
        return Err(Error::input(
            context,
            "both classes must be present in y_true",
        ));
    }
    Ok((points, fp, tp))
}

/// ROC curve of binary labels (1 = positive) against scores (higher = more positive).
///
/// # Errors
/// [`Error::InvalidInput`] for empty or mismatched inputs, non-finite scores,
/// labels other than 0/1, or a `y_true` with only one class.
pub fn roc_curve(y_true: ArrayView1<usize>, scores: ArrayView1<f64>) -> Result<RocCurve> {
    let (points, neg, pos) = ranked_counts("ROC curve", y_true, scores)?;
    let mut curve = RocCurve {
        fpr: vec![0.0],
        tpr: vec![0.0],
        thresholds: vec![f64::INFINITY],
    };
    for (fp, tp, thr) in points {
        curve.fpr.push(fp / neg);
        curve.tpr.push(tp / pos);
        curve.thresholds.push(thr);
    }
    Ok(curve)
}

/// Area under the ROC curve (trapezoids, as `sklearn.metrics.roc_auc_score`).
///
/// # Errors
/// As [`roc_curve`].
pub fn roc_auc(y_true: ArrayView1<usize>, scores: ArrayView1<f64>) -> Result<f64> {
    let c = roc_curve(y_true, scores)?;
    Ok(c.fpr
        .windows(2)
        .zip(c.tpr.windows(2))
        .map(|(f, t)| (f[1] - f[0]) * (t[1] + t[0]) / 2.0)
        .sum())
}

/// Average precision, the step-wise area under the precision–recall curve
/// (`sklearn.metrics.average_precision_score`). A random classifier scores the
/// positive rate.
///
/// # Errors
/// As [`roc_curve`].
pub fn average_precision(y_true: ArrayView1<usize>, scores: ArrayView1<f64>) -> Result<f64> {
    let (points, _, pos) = ranked_counts("average precision", y_true, scores)?;
    let mut prev_recall = 0.0;
    let mut ap = 0.0;
    for (fp, tp, _) in points {
        let recall = tp / pos;
        let precision = tp / (tp + fp);
        ap += (recall - prev_recall) * precision;
        prev_recall = recall;
    }
    Ok(ap)
}

/// The naive classifier that always predicts the training set's most common class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MajorityBaseline {
    /// The predicted class (ties go to the lower index).
    pub class: usize,
    /// Its accuracy on the test labels.
    pub accuracy: f64,
    /// Its balanced accuracy on the test labels (1 / number of classes present).
    pub balanced_accuracy: f64,
}

/// Scores the majority-class baseline: learn the class from `y_train`, score it on `y_test`.
///
/// # Errors
/// [`Error::InvalidInput`] when either input is empty.
pub fn majority_baseline(
    y_train: ArrayView1<usize>,
    y_test: ArrayView1<usize>,
) -> Result<MajorityBaseline> {
    if y_train.is_empty() || y_test.is_empty() {
        return Err(Error::input("majority baseline", "no samples"));
    }
    let n = y_train.iter().max().map_or(0, |&m| m + 1);
    let mut counts = vec![0usize; n];
    y_train.iter().for_each(|&y| counts[y] += 1);
    let class = (0..n).rev().max_by_key(|&k| counts[k]).unwrap_or(0);
    let predicted = ndarray::Array1::from_elem(y_test.len(), class);
    Ok(MajorityBaseline {
        class,
        accuracy: accuracy(y_test, predicted.view())?,
        balanced_accuracy: balanced_accuracy(y_test, predicted.view())?,
    })
}

fn check_values(context: &'static str, y: ArrayView1<f64>, p: ArrayView1<f64>) -> Result<()> {
    check_pair(context, y, p)?;
    if y.iter().chain(p.iter()).any(|v| !v.is_finite()) {
        return Err(Error::input(context, "values contain NaN or infinity"));
    }
    Ok(())
}

/// Mean squared error.
///
/// # Errors
/// [`Error::InvalidInput`] for empty, mismatched or non-finite inputs.
pub fn mse(y_true: ArrayView1<f64>, y_pred: ArrayView1<f64>) -> Result<f64> {
    check_values("MSE", y_true, y_pred)?;
    Ok((&y_true - &y_pred).mapv(|d| d * d).sum() / y_true.len() as f64)
}

/// Root mean squared error (same unit as the target, e.g. rupees).
///
/// # Errors
/// As [`mse`].
pub fn rmse(y_true: ArrayView1<f64>, y_pred: ArrayView1<f64>) -> Result<f64> {
    mse(y_true, y_pred).map(f64::sqrt)
}

/// Mean absolute error.
///
/// # Errors
/// As [`mse`].
pub fn mae(y_true: ArrayView1<f64>, y_pred: ArrayView1<f64>) -> Result<f64> {
    check_values("MAE", y_true, y_pred)?;
    Ok((&y_true - &y_pred).mapv(f64::abs).sum() / y_true.len() as f64)
}

/// Coefficient of determination, 1 − SS_res / SS_tot (`sklearn.metrics.r2_score`).
///
/// # Errors
/// As [`mse`], and [`Error::InvalidInput`] when `y_true` is constant.
pub fn r2(y_true: ArrayView1<f64>, y_pred: ArrayView1<f64>) -> Result<f64> {
    check_values("R²", y_true, y_pred)?;
    let mean = y_true.sum() / y_true.len() as f64;
    let ss_tot = y_true.mapv(|v| (v - mean) * (v - mean)).sum();
    if ss_tot == 0.0 {
        return Err(Error::input("R²", "the true values are constant"));
    }
    let ss_res = (&y_true - &y_pred).mapv(|d| d * d).sum();
    Ok(1.0 - ss_res / ss_tot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    // Reference values from scikit-learn 1.5.2 (pyref venv):
    // y = [0,0,1,1,0,1,0,1,1,0], p = [0,1,1,1,0,0,0,1,1,1],
    // s = [.1,.6,.8,.7,.2,.4,.3,.9,.65,.55]
    fn sample() -> (
        ndarray::Array1<usize>,
        ndarray::Array1<usize>,
        ndarray::Array1<f64>,
    ) {
        (
            array![0, 0, 1, 1, 0, 1, 0, 1, 1, 0],
            array![0, 1, 1, 1, 0, 0, 0, 1, 1, 1],
            array![0.1, 0.6, 0.8, 0.7, 0.2, 0.4, 0.3, 0.9, 0.65, 0.55],
        )
    }

    #[test]
    fn classification_metrics_match_sklearn() {
        let (y, p, s) = sample();
        let cm = confusion_matrix(y.view(), p.view()).unwrap();
        assert_eq!(cm.counts(), &array![[3, 2], [1, 4]]);
        close(accuracy(y.view(), p.view()).unwrap(), 0.7);
        close(balanced_accuracy(y.view(), p.view()).unwrap(), 0.7);
        let r = ClassificationReport::new(y.view(), p.view()).unwrap();
        close(r.classes[0].precision, 0.75);
        close(r.classes[1].precision, 4.0 / 6.0);
        close(r.classes[1].f1, 0.7272727272727273);
        close(r.macro_avg.f1, 0.6969696969696969);
        close(roc_auc(y.view(), s.view()).unwrap(), 0.92);
        close(
            average_precision(y.view(), s.view()).unwrap(),
            0.9428571428571428,
        );
        let t = r.table("report", &["kept", "cancelled"], 2);
        assert_eq!(t.cell(1, "f1-score"), Some("0.73"));
    }

    #[test]
    fn ties_and_imbalance_match_sklearn() {
        // sklearn 1.5.2: roc_auc 0.875, average_precision 0.75; roc_curve with
        // drop_intermediate=False keeps every distinct threshold, as here.
        let y = array![0, 0, 0, 1, 1, 0];
        let s = array![0.5, 0.5, 0.2, 0.5, 0.9, 0.1];
        close(roc_auc(y.view(), s.view()).unwrap(), 0.875);
        close(average_precision(y.view(), s.view()).unwrap(), 0.75);
        let curve = roc_curve(y.view(), s.view()).unwrap();
        assert_eq!(curve.fpr, vec![0.0, 0.0, 0.5, 0.75, 1.0]);
        let b = majority_baseline(array![0, 0, 1].view(), y.view()).unwrap();
        assert_eq!(b.class, 0);
        close(b.accuracy, 4.0 / 6.0);
        close(b.balanced_accuracy, 0.5);
    }

    #[test]
    fn regression_metrics_match_sklearn() {
        // sklearn: r2 0.9486081370449679, mse 0.375, mae 0.5
        let y = array![3.0, -0.5, 2.0, 7.0];
        let p = array![2.5, 0.0, 2.0, 8.0];
        close(r2(y.view(), p.view()).unwrap(), 0.9486081370449679);
        close(mse(y.view(), p.view()).unwrap(), 0.375);
        close(rmse(y.view(), p.view()).unwrap(), 0.375f64.sqrt());
        close(mae(y.view(), p.view()).unwrap(), 0.5);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let e = ndarray::Array1::<usize>::zeros(0);
        assert!(matches!(
            accuracy(e.view(), e.view()),
            Err(Error::InvalidInput { .. })
        ));
        let y = array![1, 1];
        assert!(roc_auc(y.view(), array![0.2, 0.3].view()).is_err());
        assert!(accuracy(y.view(), array![1].view()).is_err());
        assert!(r2(array![1.0, 1.0].view(), array![1.0, 2.0].view()).is_err());
        assert!(mse(array![f64::NAN].view(), array![1.0].view()).is_err());
    }
}
