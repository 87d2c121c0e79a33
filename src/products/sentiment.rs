//! Review sentiment with the text CNN (P-X7..P-X13): documents, weak labels,
//! a stratified split, imbalance handled on the training part only, early
//! stopping and a threshold tuned on validation, and an evaluation on the
//! untouched test set beside the majority baseline.
//!
//! **Labels are weak.** There are no per-review stars: every review of a
//! product inherits the product's average rating, and a document is
//! "negative" when that rating is below 4.0 (the P-69 rating_label).

use std::time::Instant;

use ndarray::{Array1, Array2, Axis};
use polars::prelude::DataFrame;

use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::ml::balance::class_weights;
use crate::ml::metrics::{majority_baseline, roc_auc, ClassificationReport, MajorityBaseline};
use crate::ml::neural::{History, Loss, TextCnnParams};
use crate::ml::split::stratified_split;
use crate::ml::vocab::Vocabulary;

/// Class 0: positive (rating ≥ 4.0); class 1: negative (the class to find).
pub const CLASS_NAMES: [&str; 2] = ["positive (≥ 4.0)", "negative (< 4.0)"];

/// How the training part is balanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Balance {
    /// Nothing: the plain loss on the imbalanced training rows.
    None,
    /// Inverse-frequency class weights in the loss (scikit-learn's "balanced").
    ClassWeights,
    /// Negative training documents repeated at random until the classes are even.
    Oversample,
}

/// How many documents and weak labels [`review_documents`] gives, and the
/// start of the first document (P-X8).
///
/// # Errors
/// As [`review_documents`].
pub fn documents_table(products: &DataFrame, rating_column: &str) -> Result<Table> {
    let (docs, labels) = review_documents(products, rating_column)?;
    let negatives = labels.sum();
    let first: String = docs
        .first()
        .map_or("", |d| d.as_str())
        .chars()
        .take(160)
        .collect();
    Ok(
        Table::new("Review documents (one per product)", ["item", "value"])
            .with_row(["documents".to_string(), docs.len().to_string()])
            .with_row(["negative (rating < 4.0)".to_string(), negatives.to_string()])
            .with_row(["positive".to_string(), (docs.len() - negatives).to_string()])
            .with_row(["first document (160 characters)".to_string(), first]),
    )
}

/// The documents and weak labels: one document per product (review titles,
/// then review contents, both cleaned), label 1 when `rating` < 4.0.
///
/// # Errors
/// [`Error::InvalidInput`] for a missing column or a missing rating.
pub fn review_documents(
    products: &DataFrame,
    rating_column: &str,
) -> Result<(Vec<String>, Array1<usize>)> {
    let titles = str_values(products, "review_title_clean")?;
    let contents = str_values(products, "review_content_clean")?;
    let rating = f64_values(products, rating_column)?;
    if rating.iter().any(|r| r.is_nan()) {
        return Err(Error::input("review documents", "a rating is missing"));
    }
    let docs = titles
        .iter()
        .zip(&contents)
        .map(|(t, c)| {
            format!(
                "{} {}",
                t.as_deref().unwrap_or(""),
                c.as_deref().unwrap_or("")
            )
            .trim()
            .to_string()
        })
        .collect();
    let labels = rating.iter().map(|&r| usize::from(r < 4.0)).collect();
    Ok((docs, labels))
}

/// The whole experiment's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct SentimentParams {
    /// Vocabulary size, reserved ids included.
    pub vocab_size: usize,
    /// The network (its `vocab_size` is set from the fitted vocabulary).
    pub cnn: TextCnnParams,
    /// Balancing of the training part.
    pub balance: Balance,
    /// Share of all documents held out for the test.
    pub test_fraction: f64,
    /// Share of the training part held out for validation (early stopping, threshold).
    pub validation_fraction: f64,
    /// Seed of the splits and the over-sampling (the network has its own in `cnn.train`).
    pub seed: u64,
}

impl SentimentParams {
    /// The reconstruction (10,000 tokens, sequences of 300, the P-X11 network)
    /// with class weights, 80/20 test split, 20 % validation, seed 42.
    pub fn new() -> Self {
        SentimentParams {
            vocab_size: 10_000,
            cnn: TextCnnParams::new(10_000, 300),
            balance: Balance::ClassWeights,
            test_fraction: 0.2,
            validation_fraction: 0.2,
            seed: 42,
        }
    }

    /// Validates the fractions and the network.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`].
    pub fn check(&self) -> Result<()> {
        for (name, f) in [
            ("test_fraction", self.test_fraction),
            ("validation_fraction", self.validation_fraction),
        ] {
            if !(f > 0.0 && f < 1.0) {
                return Err(Error::param(name, format!("must be in (0, 1), got {f}")));
            }
        }
        if self.vocab_size < 3 {
            return Err(Error::param("vocab_size", "must be at least 3"));
        }
        self.cnn.check()
    }

    /// Runs the experiment on the products (see the module docs).
    ///
    /// # Errors
    /// As [`SentimentParams::check`] and [`review_documents`]; training errors.
    pub fn run(&self, products: &DataFrame, rating_column: &str) -> Result<SentimentResult> {
        self.check()?;
        let started = Instant::now();
        let (docs, labels) = review_documents(products, rating_column)?;
        let outer = stratified_split(labels.view(), self.test_fraction, self.seed)?;
        let train_labels = labels.select(Axis(0), &outer.train);
        let inner = stratified_split(train_labels.view(), self.validation_fraction, self.seed + 1)?;
        let pick =
            |rows: &[usize]| -> Vec<&str> { rows.iter().map(|&i| docs[i].as_str()).collect() };
        let fit_rows: Vec<usize> = inner.train.iter().map(|&i| outer.train[i]).collect();
        let val_rows: Vec<usize> = inner.test.iter().map(|&i| outer.train[i]).collect();
        let vocab = Vocabulary::fit(&pick(&fit_rows), self.vocab_size)?;
        let seq_len = self.cnn.seq_len;
        let encode = |rows: &[usize]| vocab.encode_all(&pick(rows), seq_len);
        let (x_fit, x_val, x_test) = (encode(&fit_rows)?, encode(&val_rows)?, encode(&outer.test)?);
        let y_of = |rows: &[usize]| -> Array1<usize> { rows.iter().map(|&i| labels[i]).collect() };
        let (y_fit, y_val, y_test) = (y_of(&fit_rows), y_of(&val_rows), y_of(&outer.test));

        let (x_train, y_train, loss, weights) = match self.balance {
            Balance::None => (x_fit.clone(), y_fit.clone(), Loss::BinaryCrossEntropy, None),
            Balance::ClassWeights => {
                let w = class_weights(y_fit.view())?;
                let pair = [
                    w.first().copied().unwrap_or(1.0),
                    w.get(1).copied().unwrap_or(1.0),
                ];
                (
                    x_fit.clone(),
                    y_fit.clone(),
                    Loss::WeightedBinaryCrossEntropy(pair),
                    Some(pair),
                )
            }
            Balance::Oversample => {
                let (x, y) = oversample(&x_fit, &y_fit, self.seed)?;
                (x, y, Loss::BinaryCrossEntropy, None)
            }
        };
        let mut cnn = self.cnn.clone();
        cnn.vocab_size = vocab.len();
        let net = cnn.build()?;
        println!(
            "CNN: {} weights; {} training documents ({} negative), {} validation, {} test",
            net.n_parameters(),
            y_train.len(),
            y_train.iter().filter(|&&c| c == 1).count(),
            y_val.len(),
            y_test.len()
        );
        let history = net.fit(
            &x_train,
            y_train.as_slice().unwrap_or(&[]),
            Some((&x_val, y_val.as_slice().unwrap_or(&[]))),
            loss,
        )?;
        let p_val = Array1::from(net.predict_proba(&x_val)?);
        let threshold = tune_threshold(&y_val, &p_val)?;
        let p_test = Array1::from(net.predict_proba(&x_test)?);
        let predicted = p_test.mapv(|p| usize::from(p >= threshold));
        let at_half = p_test.mapv(|p| usize::from(p >= 0.5));
        let baseline = majority_baseline(y_fit.view(), y_test.view())?;
        let baseline_pred = Array1::from_elem(y_test.len(), baseline.class);
        Ok(SentimentResult {
            balance: self.balance,
            class_weights: weights,
            vocab_size: vocab.len(),
            seq_len,
            oov_share_test: vocab.oov_share(&pick(&outer.test)),
            n_documents: docs.len(),
            n_negative: labels.iter().filter(|&&c| c == 1).count(),
            n_fit: y_fit.len(),
            n_val: y_val.len(),
            n_parameters: net.n_parameters(),
            history,
            threshold,
            report: ClassificationReport::new(y_test.view(), predicted.view())?,
            report_at_half: ClassificationReport::new(y_test.view(), at_half.view())?,
            roc_auc: roc_auc(y_test.view(), p_test.view())?,
            baseline,
            baseline_report: ClassificationReport::new(y_test.view(), baseline_pred.view())?,
            test_rows: outer.test.clone(),
            test_scores: p_test.to_vec(),
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

impl Default for SentimentParams {
    fn default() -> Self {
        SentimentParams::new()
    }
}

fn oversample(
    x: &Array2<u32>,
    y: &Array1<usize>,
    seed: u64,
) -> Result<(Array2<u32>, Array1<usize>)> {
    // Reuse the f64 over-sampler on row indices, then take those rows.
    let index = Array2::from_shape_fn((y.len(), 1), |(i, _)| i as f64);
    let (rows, labels) = crate::ml::balance::random_oversample(index.view(), y.view(), seed)?;
    let rows: Vec<usize> = rows.column(0).iter().map(|&r| r as usize).collect();
    Ok((x.select(Axis(0), &rows), labels))
}

/// The threshold in 0.05..=0.95 (step 0.01) with the best validation
/// macro-F1 (ties: the one closest to 0.5).
///
/// # Errors
/// [`Error::InvalidInput`] for empty or mismatched inputs.
pub fn tune_threshold(y: &Array1<usize>, p: &Array1<f64>) -> Result<f64> {
    let mut best: (f64, f64) = (f64::NEG_INFINITY, 0.5);
    for step in 5..=95 {
        let t = step as f64 / 100.0;
        let pred = p.mapv(|v| usize::from(v >= t));
        let f1 = ClassificationReport::new(y.view(), pred.view())?
            .macro_avg
            .f1;
        let better = f1 > best.0 + 1e-12
            || ((f1 - best.0).abs() <= 1e-12 && (t - 0.5).abs() < (best.1 - 0.5).abs());
        if better {
            best = (f1, t);
        }
    }
    Ok(best.1)
}

/// What [`SentimentParams::run`] measured.
#[derive(Debug, Clone)]
pub struct SentimentResult {
    /// Balancing used on the training part.
    pub balance: Balance,
    /// The loss weights [positive, negative], when class weights were used.
    pub class_weights: Option<[f64; 2]>,
    /// Ids in the vocabulary (pad and OOV included).
    pub vocab_size: usize,
    /// Tokens per document.
    pub seq_len: usize,
    /// Share of test tokens outside the vocabulary.
    pub oov_share_test: f64,
    /// All documents.
    pub n_documents: usize,
    /// Negative documents among them.
    pub n_negative: usize,
    /// Training documents before balancing.
    pub n_fit: usize,
    /// Validation documents.
    pub n_val: usize,
    /// Trainable weights.
    pub n_parameters: usize,
    /// Loss per epoch, best epoch, early stop.
    pub history: History,
    /// Decision threshold tuned on validation.
    pub threshold: f64,
    /// Test scores at the tuned threshold.
    pub report: ClassificationReport,
    /// Test scores at 0.5 (for reference).
    pub report_at_half: ClassificationReport,
    /// Test ROC AUC (negative class as positive; the same either way).
    pub roc_auc: f64,
    /// The always-majority classifier.
    pub baseline: MajorityBaseline,
    /// Its test scores.
    pub baseline_report: ClassificationReport,
    /// Product rows of the test documents, in test order.
    pub test_rows: Vec<usize>,
    /// The network's P(negative) for each test document.
    pub test_scores: Vec<f64>,
    /// Wall time of the whole run.
    pub seconds: f64,
}

impl SentimentResult {
    /// Negative-class recall on the test set at the tuned threshold.
    pub fn negative_recall(&self) -> f64 {
        self.report.classes.get(1).map_or(0.0, |c| c.recall)
    }

    /// Test macro-F1 at the tuned threshold.
    pub fn macro_f1(&self) -> f64 {
        self.report.macro_avg.f1
    }

    /// Documents, labels, split, vocabulary and balancing.
    pub fn data_table(&self) -> Table {
        let weights = self.class_weights.map_or("none".to_string(), |[w0, w1]| {
            format!("positive {}, negative {}", number(w0, 2), number(w1, 2))
        });
        Table::new("CNN data (P-X8..P-X10)", ["item", "value"])
            .with_row([
                "documents (one per product)".to_string(),
                self.n_documents.to_string(),
            ])
            .with_row([
                "negative (rating < 4.0)".to_string(),
                format!(
                    "{} ({:.1}%)",
                    self.n_negative,
                    100.0 * self.n_negative as f64 / self.n_documents.max(1) as f64
                ),
            ])
            .with_row([
                "train / validation / test".to_string(),
                format!(
                    "{} / {} / {}",
                    self.n_fit,
                    self.n_val,
                    self.report.confusion.counts().sum()
                ),
            ])
            .with_row([
                "vocabulary (train only, + pad, OOV)".to_string(),
                self.vocab_size.to_string(),
            ])
            .with_row(["tokens per document".to_string(), self.seq_len.to_string()])
            .with_row([
                "test tokens out of vocabulary".to_string(),
                format!("{:.1}%", 100.0 * self.oov_share_test),
            ])
            .with_row([
                "balancing (training part only)".to_string(),
                format!("{:?}", self.balance),
            ])
            .with_row(["class weights".to_string(), weights])
            .with_row([
                "trainable weights".to_string(),
                self.n_parameters.to_string(),
            ])
            .with_note("Labels are weak: every review inherits its product's average rating.")
    }

    /// Test scores: negative-class precision/recall/F1, macro-F1, ROC AUC,
    /// for the CNN at the tuned threshold, at 0.5 and for the majority baseline.
    pub fn scores_table(&self) -> Table {
        let mut t = Table::new(
            "CNN review sentiment on the untouched test set (P-X12)",
            [
                "model",
                "threshold",
                "accuracy",
                "neg. precision",
                "neg. recall",
                "neg. F1",
                "macro-F1",
                "ROC AUC",
            ],
        );
        let row = |name: &str, thr: String, r: &ClassificationReport, auc: String| -> Vec<String> {
            let neg = r.classes.get(1).copied();
            vec![
                name.to_string(),
                thr,
                number(r.accuracy, 3),
                number(neg.map_or(0.0, |c| c.precision), 3),
                number(neg.map_or(0.0, |c| c.recall), 3),
                number(neg.map_or(0.0, |c| c.f1), 3),
                number(r.macro_avg.f1, 3),
                auc,
            ]
        };
        t.push_row(row(
            "CNN (threshold tuned on validation)",
            number(self.threshold, 2),
            &self.report,
            number(self.roc_auc, 3),
        ));
        t.push_row(row(
            "CNN at 0.5",
            "0.50".into(),
            &self.report_at_half,
            number(self.roc_auc, 3),
        ));
        t.push_row(row(
            "majority baseline (always positive)",
            "-".into(),
            &self.baseline_report,
            "0.500".into(),
        ));
        t.with_note(format!(
            "Best epoch {} of {} (early stopping: {}), {:.0} s in all. Original P-72 / P-74 negative recall: 0.09 / 0.00.",
            self.history.best_epoch,
            self.history.epochs_run(),
            self.history.stopped_early,
            self.seconds
        ))
    }
}

/// One line per run (e.g. class weights against over-sampling): test
/// negative recall / F1, macro-F1 and ROC AUC at each run's tuned threshold.
pub fn comparison_table(runs: &[(&str, &SentimentResult)]) -> Table {
    let mut t = Table::new(
        "CNN: ways of handling the imbalance (test set, tuned thresholds)",
        [
            "training part",
            "threshold",
            "neg. recall",
            "neg. F1",
            "macro-F1",
            "ROC AUC",
            "epochs",
        ],
    );
    for (name, r) in runs {
        let neg = r.report.classes.get(1).copied();
        t.push_row([
            name.to_string(),
            number(r.threshold, 2),
            number(neg.map_or(0.0, |c| c.recall), 3),
            number(neg.map_or(0.0, |c| c.f1), 3),
            number(r.report.macro_avg.f1, 3),
            number(r.roc_auc, 3),
            r.history.epochs_run().to_string(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn threshold_maximises_validation_macro_f1() {
        let y = array![0, 0, 0, 1, 1];
        let p = array![0.1, 0.2, 0.3, 0.35, 0.9];
        let t = tune_threshold(&y, &p).unwrap();
        assert!(t > 0.3 && t <= 0.35, "{t}");
    }

    #[test]
    fn bad_fractions_are_typed_errors() {
        let mut p = SentimentParams::new();
        p.test_fraction = 1.0;
        assert!(matches!(
            p.check(),
            Err(Error::InvalidParameter {
                name: "test_fraction",
                ..
            })
        ));
        let mut p = SentimentParams::new();
        p.vocab_size = 0;
        assert!(matches!(
            p.check(),
            Err(Error::InvalidParameter {
                name: "vocab_size",
                ..
            })
        ));
    }

    #[test]
    fn oversampling_evens_the_classes() {
        let x = Array2::from_shape_fn((4, 2), |(i, j)| (i * 2 + j) as u32);
        let (xo, yo) = oversample(&x, &array![0, 0, 0, 1], 42).unwrap();
        assert_eq!(yo.iter().filter(|&&c| c == 1).count(), 3);
        assert_eq!(xo.row(5).to_vec(), vec![6, 7]);
    }
}
