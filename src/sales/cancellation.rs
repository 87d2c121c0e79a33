//! §5 cancellation classifiers (R-49..R-62, R-70..R-73): the original's five
//! models on its SMOTE'd split, and the honest pipeline beside them.

use ndarray::{Array1, ArrayView1};
use polars::prelude::DataFrame;

use crate::charts::{self, ChartSpec, LineSeries};
use crate::display::Progress;
use crate::display::{number, percent, Figure, Table};
use crate::error::Result;
use crate::ml::balance::{random_oversample, sample_weights};
use crate::ml::classify::{
    evaluate, Evaluation, ForestClassifier, GaussianNaiveBayes, LogisticParams, Penalty,
    TreeClassifier,
};
use crate::ml::metrics::RocCurve;
use crate::ml::scale::{ScaleMethod, Scaler};
use crate::ml::split::TrainTest;
use crate::ml::tree::{RandomForestParams, TreeParams};

use super::inputs::{honest_classification, HonestOptions, Lines, ModelFrame};

/// The classifiers of §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classifier {
    /// Logistic regression, L2, C = 1.
    LogisticL2,
    /// Logistic regression, L1, C = 1.
    LogisticL1,
    /// Gaussian naive Bayes.
    NaiveBayes,
    /// Decision tree, depth 25, min split 10.
    DecisionTree,
    /// Random forest, 100 trees, depth 25, min split 10, √features per split.
    RandomForest,
}

/// A fitted classifier with its evaluation and, for trees, importances.
#[derive(Debug, Clone)]
pub struct FittedClassifier {
    /// Test metrics and train accuracy.
    pub evaluation: Evaluation,
    /// Impurity importances per feature (tree and forest).
    pub importances: Option<Array1<f64>>,
    /// The fitted tree (decision tree only), for the diagram.
    pub tree: Option<TreeClassifier>,
    /// Feature names.
    pub features: Vec<String>,
}

/// The notebook's tree settings: depth 25, min split 10, seed 42.
pub fn tree_params(seed: u64) -> TreeParams {
    TreeParams {
        max_depth: Some(25),
        min_samples_split: 10,
        seed,
        ..TreeParams::default()
    }
}

/// The notebook's forest: 100 trees, depth 25, min split 10, √features per split.
pub fn forest_params(n_features: usize, seed: u64) -> RandomForestParams {
    RandomForestParams {
        seed,
        ..RandomForestParams::classifier(n_features).depth_and_split(25, 10)
    }
}

/// Fits `which` on `data`'s training rows (optionally weighted) and evaluates it.
///
/// # Errors
/// Any fitting or evaluation error (bad labels, a single class, …).
pub fn fit_classifier(
    which: Classifier,
    data: &TrainTest<usize>,
    weights: Option<ArrayView1<f64>>,
    seed: u64,
) -> Result<FittedClassifier> {
    let (x, y) = (data.x_train.view(), data.y_train.view());
    let mut importances = None;
    let mut tree = None;
    let mut progress = Progress::new(format!("{which:?}"), 2);
    progress.announce(&format!(
        "fit on {} rows × {} features",
        x.nrows(),
        x.ncols()
    ));
    let evaluation = match which {
        Classifier::LogisticL2 | Classifier::LogisticL1 => {
            let penalty = if which == Classifier::LogisticL2 {
                Penalty::L2
            } else {
                Penalty::L1
            };
            let m = progress.step("fit", || LogisticParams::new(penalty).fit(x, y))?;
            progress.step("evaluate", || evaluate(&m, data))?
        }
        Classifier::NaiveBayes => {
            let m = progress.step("fit", || GaussianNaiveBayes::fit(x, y))?;
            progress.step("evaluate", || evaluate(&m, data))?
        }
        Classifier::DecisionTree => {
            let m = progress.step("fit", || {
                TreeClassifier::fit(x, y, weights, &tree_params(seed))
            })?;
            importances = Some(m.tree.feature_importances());
            let e = progress.step("evaluate", || evaluate(&m, data))?;
            tree = Some(m);
            e
        }
        Classifier::RandomForest => {
            let m = progress.step("fit", || {
                ForestClassifier::fit(x, y, weights, &forest_params(x.ncols(), seed))
            })?;
            importances = Some(m.forest.feature_importances());
            progress.step("evaluate", || evaluate(&m, data))?
        }
    };
    Ok(FittedClassifier {
        evaluation,
        importances,
        tree,
        features: data.features.clone(),
    })
}

impl FittedClassifier {
    /// Importances as a sorted bar chart (the `top` largest).
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] for a model without importances.
    pub fn importance_chart(&self, title: &str, top: usize) -> Result<Figure> {
        importance_chart(title, &self.features, self.importances.as_ref(), top)
    }

    /// The top `levels` levels of the fitted decision tree, with feature names.
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] when this classifier is not a decision tree.
    pub fn tree_diagram(&self, title: &str, levels: usize) -> Result<Figure> {
        let tree = self.tree.as_ref().ok_or_else(|| {
            crate::Error::input(
                "tree diagram",
                format!("{} is not a decision tree", self.evaluation.model),
            )
        })?;
        charts::tree_diagram(&ChartSpec::new(title), &tree.tree, &self.features, levels)
    }

    /// This model's ROC curve as a one-line chart entry: (name, curve, AUC).
    pub fn roc_entry<'a>(&'a self, name: &'a str) -> (&'a str, &'a RocCurve, f64) {
        (name, &self.evaluation.roc, self.evaluation.roc_auc)
    }
}

/// Sorted bar chart of importances.
///
/// # Errors
/// [`crate::Error::InvalidInput`] when `importances` is `None`.
pub fn importance_chart(
    title: &str,
    names: &[String],
    importances: Option<&Array1<f64>>,
    top: usize,
) -> Result<Figure> {
    let imp = importances
        .ok_or_else(|| crate::Error::input("importance chart", "the model has no importances"))?;
    let mut bars: Vec<(String, f64)> = names.iter().cloned().zip(imp.iter().copied()).collect();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1));
    bars.truncate(top);
    charts::bar(
        &ChartSpec::new(title)
            .x("feature")
            .y("mean decrease in impurity"),
        &bars,
    )
}

/// ROC curves with the chance diagonal, AUC in the legend.
///
/// # Errors
/// [`crate::Error::Chart`] if drawing fails.
pub fn roc_chart(title: &str, curves: &[(&str, &RocCurve, f64)]) -> Result<Figure> {
    let mut series: Vec<LineSeries> = curves
        .iter()
        .map(|(name, c, auc)| {
            // thin very long curves to at most ~2,000 points
            let step = (c.fpr.len() / 2000).max(1);
            let mut pts: Vec<(f64, f64)> = c
                .fpr
                .iter()
                .zip(&c.tpr)
                .step_by(step)
                .map(|(&f, &t)| (f, t))
                .collect();
            pts.push((1.0, 1.0));
            LineSeries::new(format!("{name} (AUC = {})", number(*auc, 2)), pts)
        })
        .collect();
    series.push(LineSeries::new("chance", vec![(0.0, 0.0), (1.0, 1.0)]).dashed());
    charts::line(
        &ChartSpec::new(title)
            .x("false-positive rate")
            .y("true-positive rate"),
        &series,
        false,
    )
}

/// The honest pipeline's results.
#[derive(Debug, Clone)]
pub struct HonestCancellation {
    /// With the promotion flag: logistic L2 and naive Bayes (random
    /// over-sampling on train), decision tree and random forest (class weights).
    pub models: Vec<FittedClassifier>,
    /// The random forest again without the promotion flag (flaw 7 ablation).
    pub forest_without_promotion: FittedClassifier,
    /// Test rows, test cancel rate.
    pub test_rows: (usize, f64),
}

/// Random over-sampling of the cancelled training rows (real rows repeated,
/// none invented: flaw 2's fix, the same as integer class weights for these
/// models), then the scaler fitted on the result.
fn oversample_and_scale(data: &TrainTest<usize>, seed: u64) -> Result<TrainTest<usize>> {
    let (xs, ys) = random_oversample(data.x_train.view(), data.y_train.view(), seed)?;
    let scaler = Scaler::fit(ScaleMethod::Standard, xs.view())?;
    Ok(TrainTest {
        x_train: scaler.transform(xs.view())?,
        y_train: ys,
        x_test: scaler.transform(data.x_test.view())?,
        y_test: data.y_test.clone(),
        features: data.features.clone(),
    })
}

/// Runs the honest pipeline: stratified split first, no identifiers, one-hot
/// nominal columns, random over-sampling + scaler fitted on the training part
/// only (logistic regression and naive Bayes: real rows repeated, so unlike
/// plain SMOTE on one-hot columns no category value is invented, flaw 2) or
/// balanced class weights (trees), the real cancel rate in the test rows; and
/// the forest without the promotion flag.
///
/// # Errors
/// Any fitting or evaluation error.
pub fn honest_cancellation(frame: &ModelFrame, seed: u64) -> Result<HonestCancellation> {
    let with = honest_classification(
        frame,
        HonestOptions {
            promotion_flag: true,
            amount: true,
            qty: true,
        },
        seed,
    )?;
    let without = honest_classification(
        frame,
        HonestOptions {
            promotion_flag: false,
            amount: true,
            qty: true,
        },
        seed,
    )?;
    let mut progress = Progress::new("honest cancellation", 6);
    let resampled = progress.step("over-sampling and scaler on the training rows", || {
        oversample_and_scale(&with, seed)
    })?;
    let weights = sample_weights(with.y_train.view())?;
    let weights_without = sample_weights(without.y_train.view())?;
    let mut models = Vec::new();
    for which in [Classifier::LogisticL2, Classifier::NaiveBayes] {
        let mut m = progress.step(&format!("{which:?} + over-sampling"), || {
            fit_classifier(which, &resampled, None, seed)
        })?;
        m.evaluation.model.push_str(" + over-sampling on train");
        models.push(m);
    }
    for which in [Classifier::DecisionTree, Classifier::RandomForest] {
        let mut m = progress.step(&format!("{which:?} + class weights"), || {
            fit_classifier(which, &with, Some(weights.view()), seed)
        })?;
        m.evaluation.model.push_str(" + class weights");
        models.push(m);
    }
    let mut forest_without_promotion =
        progress.step("RandomForest without the promotion flag", || {
            fit_classifier(
                Classifier::RandomForest,
                &without,
                Some(weights_without.view()),
                seed,
            )
        })?;
    forest_without_promotion.evaluation.model = "Random forest, no promotion flag".into();
    let n = with.y_test.len();
    Ok(HonestCancellation {
        models,
        forest_without_promotion,
        test_rows: (n, with.y_test.sum() as f64 / n as f64),
    })
}

impl HonestCancellation {
    /// All honest models and the ablation in one table.
    pub fn table(&self) -> Table {
        let mut evals: Vec<&Evaluation> = self.models.iter().map(|m| &m.evaluation).collect();
        evals.push(&self.forest_without_promotion.evaluation);
        Evaluation::summary_table(
            "Honest pipeline: test metrics at the real cancel rate",
            &evals,
        )
        .with_note(format!(
            "Stratified split before any resampling; {} test rows with {} cancelled. \
                 The majority baseline predicts \"not cancelled\" for every row.",
            crate::display::thousands(self.test_rows.0 as i64),
            percent(self.test_rows.1, 2)
        ))
    }

    /// The honest random forest (with the promotion flag).
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] if the honest run fitted no model.
    pub fn forest(&self) -> Result<&FittedClassifier> {
        self.models
            .last()
            .ok_or_else(|| crate::Error::input("honest cancellation", "no forest was fitted"))
    }

    /// ROC curves of the honest forest with and without the promotion flag.
    ///
    /// # Errors
    /// As [`HonestCancellation::forest`] and [`roc_chart`].
    pub fn roc_chart(&self, title: &str) -> Result<Figure> {
        roc_chart(
            title,
            &[
                self.forest()?.roc_entry("with promotion flag"),
                self.forest_without_promotion
                    .roc_entry("without promotion flag"),
            ],
        )
    }
}

/// Flaw 6's honest variant: the forest on every line of the cleaned frame.
#[derive(Debug, Clone)]
pub struct AllLinesCancellation {
    /// Model rows and cancelled rows (every line).
    pub rows: (usize, usize),
    /// The random forest (balanced class weights) without Qty, Amount and the promotion flag.
    pub forest: FittedClassifier,
}

/// Flaw 6, honest variant: every line of the cleaned frame `df`, the Qty-0 /
/// Amount-0 cancellations that R-35 drops included, so the cancelled class is
/// the real one. Qty, Amount and the promotion flag are left out: a cancelled
/// line is recorded with Qty 0 and no amount, and the promotion field is
/// filled after the outcome (flaw 7), so all three describe the outcome. The
/// stratified split, class weights and forest are those of
/// [`honest_cancellation`].
///
/// # Errors
/// As [`ModelFrame::with_lines`] and [`fit_classifier`].
pub fn honest_all_lines(df: &DataFrame, seed: u64) -> Result<AllLinesCancellation> {
    let frame = ModelFrame::with_lines(df, Lines::All)?;
    let options = HonestOptions {
        promotion_flag: false,
        amount: false,
        qty: false,
    };
    let data = honest_classification(&frame, options, seed)?;
    let weights = sample_weights(data.y_train.view())?;
    let mut forest = fit_classifier(Classifier::RandomForest, &data, Some(weights.view()), seed)?;
    forest.evaluation.model = "Random forest, every line (no Qty, Amount, promotion)".into();
    Ok(AllLinesCancellation {
        rows: (frame.rows(), frame.cancelled.sum()),
        forest,
    })
}

impl AllLinesCancellation {
    /// This forest beside the honest forest of the filtered rows without the
    /// promotion flag ([`HonestCancellation::forest_without_promotion`]).
    pub fn table(&self, filtered: &HonestCancellation) -> Table {
        Evaluation::summary_table(
            "Flaw 6: every line vs the R-35 rows (honest forests, real cancel rates)",
            &[&filtered.forest_without_promotion.evaluation, &self.forest.evaluation],
        )
        .with_note(format!(
            "Every line: {} rows, {} cancelled ({}); the R-35 filter keeps {} test rows at {} cancelled.",
            crate::display::thousands(self.rows.0 as i64),
            crate::display::thousands(self.rows.1 as i64),
            percent(self.rows.1 as f64 / self.rows.0.max(1) as f64, 2),
            crate::display::thousands(filtered.test_rows.0 as i64),
            percent(filtered.test_rows.1, 2)
        ))
    }
}

/// Closing table: the original's numbers beside the honest ones, per model.
pub fn original_vs_honest(original: &[&Evaluation], honest: &HonestCancellation) -> Table {
    let mut t = Table::new(
        "Cancellation: original vs honest",
        [
            "model",
            "pipeline",
            "accuracy",
            "balanced acc.",
            "ROC AUC",
            "PR AUC",
            "F1 (cancelled)",
            "baseline acc.",
        ],
    );
    let mut row = |e: &Evaluation, pipeline: &str| {
        t.push_row(
            [e.model.clone(), pipeline.to_string()]
                .into_iter()
                .chain(e.metric_cells()),
        );
    };
    for e in original {
        row(e, "original (SMOTE before split, IDs)");
    }
    for m in &honest.models {
        row(&m.evaluation, "honest");
    }
    row(
        &honest.forest_without_promotion.evaluation,
        "honest, ablation",
    );
    t
}

impl crate::display::AsTable for HonestCancellation {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}
