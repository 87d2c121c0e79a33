//! §6 regression of Amount (R-63..R-69, R-73): linear, ridge and random-forest
//! regressors on the original's random split, and the honest SKU-group split.

use std::collections::BTreeMap;

use ndarray::Array1;

use crate::display::{Figure, Progress, Table};
use crate::error::Result;
use crate::ml::metrics;
use crate::ml::regress::{
    evaluate, ols_coefficients, ForestRegressor, LinearParams, RegressionEval,
};
use crate::ml::split::{group_split, TrainTest};
use crate::ml::tree::RandomForestParams;

use super::cancellation::importance_chart;
use super::inputs::{honest_features, HonestOptions, ModelFrame, OriginalInputs};

/// The regressors of §6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountModel {
    /// Ordinary least squares.
    Linear,
    /// Ridge, α = 1.
    Ridge,
    /// Random forest: 100 trees, depth 25, min split 10, all features per split.
    RandomForest,
}

/// A fitted regressor with its evaluation and, for the forest, importances.
#[derive(Debug, Clone)]
pub struct FittedRegressor {
    /// Test errors and train R².
    pub evaluation: RegressionEval,
    /// Impurity importances (forest only).
    pub importances: Option<Array1<f64>>,
    /// Feature names.
    pub features: Vec<String>,
}

impl FittedRegressor {
    /// Importances as a sorted bar chart (the `top` largest).
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] for a model without importances.
    pub fn importance_chart(&self, title: &str, top: usize) -> Result<Figure> {
        importance_chart(title, &self.features, self.importances.as_ref(), top)
    }
}

/// The notebook's forest regressor settings.
pub fn forest_params(seed: u64) -> RandomForestParams {
    RandomForestParams {
        seed,
        ..RandomForestParams::regressor().depth_and_split(25, 10)
    }
}

/// Fits `which` on `data`'s training rows and evaluates it on the test rows.
///
/// # Errors
/// Any fitting or evaluation error.
pub fn fit_amount(which: AmountModel, data: &TrainTest<f64>, seed: u64) -> Result<FittedRegressor> {
    let (x, y) = (data.x_train.view(), data.y_train.view());
    let (evaluation, importances) = match which {
        AmountModel::Linear => (evaluate(&LinearParams::Ols.fit(x, y)?, data)?, None),
        AmountModel::Ridge => (
            evaluate(&LinearParams::Ridge { alpha: 1.0 }.fit(x, y)?, data)?,
            None,
        ),
        AmountModel::RandomForest => {
            let mut progress = Progress::new("random forest regressor", 2);
            progress.announce(&format!(
                "fit on {} rows × {} features",
                x.nrows(),
                x.ncols()
            ));
            let m = progress.step("fit", || ForestRegressor::fit(x, y, &forest_params(seed)))?;
            let imp = m.forest.feature_importances();
            (progress.step("evaluate", || evaluate(&m, data))?, Some(imp))
        }
    };
    Ok(FittedRegressor {
        evaluation,
        importances,
        features: data.features.clone(),
    })
}

/// R-65 in statsmodels' terms: the OLS coefficients of Amount on the
/// original features (training rows), with standard errors, t and p.
///
/// # Errors
/// As [`ols_coefficients`].
pub fn linear_coefficients(data: &TrainTest<f64>) -> Result<Table> {
    ols_coefficients(
        data.x_train.view(),
        data.y_train.view(),
        &data.features,
        "Linear regression of Amount (training rows): coefficients",
    )
}

/// The honest Amount results: no SKU in both train and test.
#[derive(Debug, Clone)]
pub struct HonestAmount {
    /// The original 18 features (with the ID codes) under the SKU-group split.
    pub original_features: FittedRegressor,
    /// Forest on the honest features (no identifiers) under the SKU-group split.
    pub honest_forest: FittedRegressor,
    /// Predicting the training mean Amount of the row's Category.
    pub category_mean: RegressionEval,
    /// Train / test rows and distinct SKUs in the test part.
    pub sizes: (usize, usize, usize),
}

/// Splits the model rows by SKU (20 % of the SKUs to the test side, seeded) and
/// fits the forest on the original features and on the honest ones, plus the
/// category-mean baseline.
///
/// # Errors
/// Any split, fitting or evaluation error.
pub fn honest_amount(
    frame: &ModelFrame,
    original: &OriginalInputs,
    seed: u64,
) -> Result<HonestAmount> {
    let sku = frame.text("SKU")?;
    let split = group_split(sku, 0.2, seed)?;
    let amount = Array1::from(frame.amount.clone());
    let orig = TrainTest::from_split(
        original.features.x.view(),
        amount.view(),
        &split,
        original.features.names.clone(),
    );
    let mut progress = Progress::new("SKU-group regression", 2);
    let mut original_features = progress.step("random forest, original features", || {
        fit_amount(AmountModel::RandomForest, &orig, seed)
    })?;
    original_features.evaluation.model = "Random forest, original features".into();
    let hf = honest_features(
        frame,
        HonestOptions {
            promotion_flag: true,
            amount: false,
            qty: true,
        },
    )?;
    let honest = TrainTest::from_split(hf.x.view(), amount.view(), &split, hf.names);
    let mut honest_forest = progress.step("random forest, honest features", || {
        fit_amount(AmountModel::RandomForest, &honest, seed)
    })?;
    honest_forest.evaluation.model = "Random forest, no identifiers".into();
    // category-mean baseline
    let category = frame.text("Category")?;
    let mut sums: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for &i in &split.train {
        let e = sums.entry(category[i].as_str()).or_insert((0.0, 0.0));
        e.0 += frame.amount[i];
        e.1 += 1.0;
    }
    let overall = orig.y_train.mean().unwrap_or(0.0);
    let predict = |i: usize| {
        sums.get(category[i].as_str())
            .map_or(overall, |(s, n)| s / n)
    };
    let train_pred: Array1<f64> = split.train.iter().map(|&i| predict(i)).collect();
    let test_pred: Array1<f64> = split.test.iter().map(|&i| predict(i)).collect();
    let y = orig.y_test.view();
    let category_mean = RegressionEval {
        model: "Baseline: Category mean".into(),
        r2: metrics::r2(y, test_pred.view())?,
        mse: metrics::mse(y, test_pred.view())?,
        rmse: metrics::rmse(y, test_pred.view())?,
        mae: metrics::mae(y, test_pred.view())?,
        train_r2: metrics::r2(orig.y_train.view(), train_pred.view())?,
    };
    let test_skus: std::collections::BTreeSet<&str> =
        split.test.iter().map(|&i| sku[i].as_str()).collect();
    Ok(HonestAmount {
        original_features,
        honest_forest,
        category_mean,
        sizes: (split.train.len(), split.test.len(), test_skus.len()),
    })
}

impl HonestAmount {
    /// The honest results in one table.
    pub fn table(&self) -> Table {
        RegressionEval::summary_table(
            "Amount, honest: split by SKU (no product on both sides)",
            &[
                &self.original_features.evaluation,
                &self.honest_forest.evaluation,
                &self.category_mean,
            ],
        )
        .with_note(format!(
            "{} train / {} test rows; {} SKUs only in the test part.",
            crate::display::thousands(self.sizes.0 as i64),
            crate::display::thousands(self.sizes.1 as i64),
            crate::display::thousands(self.sizes.2 as i64)
        ))
    }
}

/// Closing table: original random-split results beside the honest ones.
pub fn original_vs_honest(original: &[&RegressionEval], honest: &HonestAmount) -> Table {
    let mut evals: Vec<&RegressionEval> = original.to_vec();
    evals.extend([
        &honest.original_features.evaluation,
        &honest.honest_forest.evaluation,
        &honest.category_mean,
    ]);
    let mut t = RegressionEval::summary_table(
        "Amount: original (random split) vs honest (SKU split)",
        &evals,
    );
    t = t.with_note(format!(
        "The first {} rows use the original random row split; the rest the SKU-group split.",
        original.len()
    ));
    t
}

impl crate::display::AsTable for HonestAmount {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}
