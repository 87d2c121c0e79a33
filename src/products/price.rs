//! §6.2 price regression (P-63..P-68): the original's linear regression and
//! ANN on discounted_price, and an honest variant without the leaking pair.
//!
//! The original predicts discounted_price from actual_price and
//! discount_percentage (plus rating, rating_count and category), although
//! discounted_price ≈ actual_price × (1 − discount) by construction (flaw 18):
//! the ANN's R² 0.98 is that product re-learned. The honest variant shows the
//! formula's own R², then predicts log price from what a product page says
//! besides its price: category, rating, rating_count and the description.

use ndarray::{concatenate, s, Array1, Array2, ArrayView1, Axis};
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use polars::prelude::DataFrame;

use super::frame::{ProductFrame, RatingSource};
use super::load::{trim_prices, PriceTrim};
use crate::charts::{self, ChartSpec, ScatterGroup};
use crate::data::cleaning::CleaningReport;
use crate::display::{number, thousands, Figure, Progress, Table};
use crate::error::{Error, Result};
use crate::ml::metrics;
use crate::ml::neural::{MlpModel, MlpParams};
use crate::ml::regress::{evaluate, LinearParams, RegressionEval, Regressor};
use crate::ml::scale::{ScaleMethod, Scaler};
use crate::ml::split::{random_split, sklearn_random_split, Split, TrainTest};
use crate::ml::text::{SvdParams, TfidfParams};

/// P-64: features actual_price, discount, rating, rating_count (scaled with
/// a scaler fitted on the training rows) + the category dummies; target
/// discounted_price; random 80/20 split.
///
/// # Errors
/// [`Error::InvalidParameter`] for a bad fraction; [`Error::InvalidInput`] for too few rows.
pub fn original_inputs(
    frame: &ProductFrame,
    test_fraction: f64,
    seed: u64,
) -> Result<TrainTest<f64>> {
    let numeric = stack(&[
        frame.actual_price.view(),
        frame.discount.view(),
        frame.rating.view(),
        frame.rating_count.view(),
    ])?;
    // the original split: scikit-learn's rows exactly (numpy's MT19937)
    let split = sklearn_random_split(frame.len(), test_fraction, seed)?;
    scaled_split(
        frame,
        &numeric,
        &[
            "actual_price",
            "discount_percentage",
            "rating",
            "rating_count",
        ],
        frame.discounted_price.view(),
        &split,
        seed,
    )
}

/// Stacks 1-D columns into a matrix.
pub(crate) fn stack(columns: &[ArrayView1<f64>]) -> Result<Array2<f64>> {
    let cols: Vec<_> = columns.iter().map(|c| c.insert_axis(Axis(1))).collect();
    concatenate(Axis(1), &cols).map_err(|e| Error::input("feature matrix", e.to_string()))
}

/// Splits, scales the numeric block with a scaler fitted on the training
/// rows only, and appends the frame's unscaled category dummies; the feature
/// names are `numeric_names` followed by the category columns. The training
/// rows are put in a seeded random order, as scikit-learn's
/// `train_test_split` returns them: the product list is sorted by category,
/// and Keras-style validation takes the *last* training rows.
pub(crate) fn scaled_split<T: Clone, S: AsRef<str>>(
    frame: &ProductFrame,
    numeric: &Array2<f64>,
    numeric_names: &[S],
    y: ArrayView1<T>,
    split: &Split,
    seed: u64,
) -> Result<TrainTest<T>> {
    let features: Vec<String> = numeric_names
        .iter()
        .map(|s| s.as_ref().to_string())
        .chain(frame.category_columns.iter().cloned())
        .collect();
    let mut train = split.train.clone();
    train.shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(seed));
    let split = &Split {
        train,
        test: split.test.clone(),
    };
    let (num_train, num_test) = split.rows(numeric.view());
    let (dum_train, dum_test) = split.rows(frame.category_dummies.view());
    let scaler = Scaler::fit(ScaleMethod::Standard, num_train.view())?;
    let join = |a: Array2<f64>, b: &Array2<f64>| {
        concatenate(Axis(1), &[a.view(), b.view()])
            .map_err(|e| Error::input("feature matrix", e.to_string()))
    };
    let x_train = join(scaler.transform(num_train.view())?, &dum_train)?;
    let x_test = join(scaler.transform(num_test.view())?, &dum_test)?;
    let (y_train, y_test) = split.values(y);
    Ok(TrainTest {
        x_train,
        y_train,
        x_test,
        y_test,
        features,
    })
}

/// Columns to keep so that [intercept, kept columns] has full rank on
/// `x`: columns that are constant are dropped, and of a set of 0/1 columns
/// that sum to one in every row (a full dummy block) the last is dropped.
fn independent_columns(x: &Array2<f64>) -> Vec<usize> {
    let is_dummy = |j: usize| x.column(j).iter().all(|v| *v == 0.0 || *v == 1.0);
    let constant = |j: usize| {
        let c = x.column(j);
        c.iter().all(|v| *v == c[0])
    };
    let mut keep: Vec<usize> = (0..x.ncols()).filter(|&j| !constant(j)).collect();
    let dummies: Vec<usize> = keep.iter().copied().filter(|&j| is_dummy(j)).collect();
    let full_block = !dummies.is_empty()
        && x.rows()
            .into_iter()
            .all(|r| dummies.iter().map(|&j| r[j]).sum::<f64>() == 1.0);
    if full_block {
        if let Some(&last) = dummies.last() {
            keep.retain(|&j| j != last);
        }
    }
    keep
}

/// The original's two regressors on the same split.
#[derive(Debug)]
pub struct PriceModels {
    /// Test targets (₹).
    pub y_test: Array1<f64>,
    /// Linear regression predictions on the test rows.
    pub linear_pred: Array1<f64>,
    /// ANN predictions on the test rows.
    pub ann_pred: Array1<f64>,
    /// Linear regression scores.
    pub linear: RegressionEval,
    /// ANN scores.
    pub ann_eval: RegressionEval,
    /// The trained ANN (history, parameter count).
    pub ann: MlpModel,
}

/// P-66 and P-68: OLS (linfa-linear) and the 128-64-32-1 ANN (candle) on `data`.
///
/// # Errors
/// Errors of the two fits.
pub fn fit_original(data: &TrainTest<f64>, ann: &MlpParams) -> Result<PriceModels> {
    // linfa-linear solves the normal equations, which are singular with an
    // intercept and all dummies (scikit-learn's least squares is not bothered);
    // dropping redundant columns leaves the fitted values unchanged.
    let keep = independent_columns(&data.x_train);
    let reduced = TrainTest {
        x_train: data.x_train.select(Axis(1), &keep),
        y_train: data.y_train.clone(),
        x_test: data.x_test.select(Axis(1), &keep),
        y_test: data.y_test.clone(),
        features: keep
            .iter()
            .map(|&j| data.features.get(j).cloned().unwrap_or_default())
            .collect(),
    };
    let linear_model = LinearParams::Ols.fit(reduced.x_train.view(), reduced.y_train.view())?;
    let mut linear = evaluate(&linear_model, &reduced)?;
    linear.model = "Linear regression".into();
    let ann_model = ann.fit(data.x_train.view(), data.y_train.view())?;
    let mut ann_eval = evaluate(&ann_model, data)?;
    ann_eval.model = "ANN 128-64-32-1".into();
    Ok(PriceModels {
        y_test: data.y_test.clone(),
        linear_pred: linear_model.predict(reduced.x_test.view())?,
        ann_pred: Regressor::predict(&ann_model, data.x_test.view())?,
        linear,
        ann_eval,
        ann: ann_model,
    })
}

impl PriceModels {
    /// P-76's regression table, sorted by RMSE.
    pub fn table(&self) -> Table {
        let mut rows = [&self.ann_eval, &self.linear];
        rows.sort_by(|a, b| a.rmse.total_cmp(&b.rmse));
        RegressionEval::summary_table("Price regression (original pipeline, test rows)", &rows)
            .with_note("Original: ANN RMSE 333.17 / R² 0.9825; linear RMSE 969.29 / R² 0.8515.")
    }

    /// P-68's loss curve (MSE per epoch, training and validation).
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn loss_curve(&self) -> Result<Figure> {
        self.ann
            .history()
            .figure("ANN price regression: loss per epoch", "MSE (₹²)")
    }

    /// Predicted against actual price on the test rows, both models, with the diagonal.
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn scatter(&self) -> Result<Figure> {
        predicted_vs_actual(
            "Predicted vs actual discounted price (test rows)",
            &self.y_test,
            &[
                ("Linear regression", &self.linear_pred),
                ("ANN", &self.ann_pred),
            ],
        )
    }
}

/// Scatter of predictions against the truth with the y = x line.
fn predicted_vs_actual(
    title: &str,
    y: &Array1<f64>,
    models: &[(&str, &Array1<f64>)],
) -> Result<Figure> {
    let groups: Vec<ScatterGroup> = models
        .iter()
        .map(|(name, pred)| ScatterGroup {
            name: name.to_string(),
            points: y.iter().copied().zip(pred.iter().copied()).collect(),
        })
        .collect();
    let spec = ChartSpec::new(title).x("actual (₹)").y("predicted (₹)");
    // The diagonal is drawn as a third group of points along y = x.
    let lo = y.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let diagonal = ScatterGroup {
        name: "y = x".into(),
        points: (0..=40)
            .map(|i| lo + (hi - lo) * i as f64 / 40.0)
            .map(|v| (v, v))
            .collect(),
    };
    let mut all = groups;
    all.push(diagonal);
    charts::scatter(&spec, &all, 5000)
}

/// The honest regression: the formula's own fit, then models without the leaking pair.
#[derive(Debug, Clone, PartialEq)]
pub struct HonestPrice {
    /// R² of actual_price × (1 − discount) against discounted_price (test rows).
    pub formula_r2: f64,
    /// RMSE of the formula (₹, test rows).
    pub formula_rmse: f64,
    /// One row per model on log price: (name, R² log, R² ₹, RMSE ₹, MAE ₹).
    pub models: Vec<HonestRow>,
    /// Number of text components used.
    pub text_components: usize,
}

/// Scores of one honest model.
#[derive(Debug, Clone, PartialEq)]
pub struct HonestRow {
    /// Model name.
    pub model: String,
    /// R² on ln(price) (test rows).
    pub r2_log: f64,
    /// R² in rupees after exp() (test rows).
    pub r2_rupees: f64,
    /// RMSE in rupees (test rows).
    pub rmse_rupees: f64,
    /// Median absolute percentage error (test rows).
    pub median_ape: f64,
}

/// The honest variant on `frame` (use [`super::RatingSource::Corrected`]):
/// 1. the formula actual × (1 − discount) scored on the test rows;
/// 2. ln(discounted_price) from category dummies, rating, ln(1 + rating_count)
///    and `text_components` SVD components of the description's TF-IDF,
///    with a category-mean baseline, ridge regression (α = 1) and the ANN.
///
/// The text vectors are fitted on all descriptions (unsupervised, no price
/// involved); the scaler and the models see the training rows only.
///
/// # Errors
/// Errors of the split, the text vectors and the fits.
pub fn fit_honest(
    frame: &ProductFrame,
    text_components: usize,
    ann: &MlpParams,
    test_fraction: f64,
    seed: u64,
) -> Result<HonestPrice> {
    let split = random_split(frame.len(), test_fraction, seed)?;
    let formula: Array1<f64> = &frame.actual_price * &frame.discount.mapv(|d| 1.0 - d);
    let (_, y_test) = split.values(frame.discounted_price.view());
    let (_, f_test) = split.values(formula.view());
    let formula_r2 = metrics::r2(y_test.view(), f_test.view())?;
    let formula_rmse = metrics::rmse(y_test.view(), f_test.view())?;

    let (numeric, names, log_price) = honest_features(frame, text_components)?;
    let data = scaled_split(frame, &numeric, &names, log_price.view(), &split, seed)?;

    let n_num = numeric.ncols();
    let mut models = Vec::new();
    // Baseline: mean log price of the training rows of the same category.
    let dummies_train = data.x_train.slice(s![.., n_num..]).to_owned();
    let dummies_test = data.x_test.slice(s![.., n_num..]).to_owned();
    let keep = independent_columns(&dummies_train);
    let baseline = LinearParams::Ols.fit(
        dummies_train.select(Axis(1), &keep).view(),
        data.y_train.view(),
    )?;
    let pred = baseline.predict(dummies_test.select(Axis(1), &keep).view())?;
    models.push(honest_row("Category mean (baseline)", &data.y_test, &pred)?);
    let ridge = LinearParams::Ridge { alpha: 1.0 }.fit(data.x_train.view(), data.y_train.view())?;
    let pred = ridge.predict(data.x_test.view())?;
    models.push(honest_row("Ridge (α = 1)", &data.y_test, &pred)?);
    let net = ann.fit(data.x_train.view(), data.y_train.view())?;
    let pred = Regressor::predict(&net, data.x_test.view())?;
    models.push(honest_row("ANN 128-64-32-1", &data.y_test, &pred)?);
    Ok(HonestPrice {
        formula_r2,
        formula_rmse,
        models,
        text_components,
    })
}

/// The honest inputs: rating, ln(1 + rating_count) and `text_components` SVD
/// components of the description (no price), with their names, and the
/// target ln(discounted_price).
fn honest_features(
    frame: &ProductFrame,
    text_components: usize,
) -> Result<(Array2<f64>, Vec<String>, Array1<f64>)> {
    if frame.discounted_price.iter().any(|p| *p <= 0.0) {
        return Err(Error::input(
            "log-price regression",
            "a price is zero or negative",
        ));
    }
    let log_price = frame.discounted_price.mapv(f64::ln);
    let tfidf = TfidfParams::default().fit_transform(&frame.about_product)?;
    let svd = SvdParams::new(text_components).fit(tfidf.matrix().view())?;
    let log_count = frame.rating_count.mapv(f64::ln_1p);
    let numeric = stack(&[frame.rating.view(), log_count.view()])?;
    let numeric = concatenate(Axis(1), &[numeric.view(), svd.transformed().view()])
        .map_err(|e| Error::input("feature matrix", e.to_string()))?;
    let mut names = vec!["rating".to_string(), "log1p(rating_count)".to_string()];
    names.extend((1..=text_components).map(|i| format!("text_svd_{i}")));
    Ok((numeric, names, log_price))
}

/// Flaw 20, what the trim changes: for no trim, the original's one-sided cut
/// (≤ 95th percentile) and a two-sided 5–95 % trim of `products`, the rows
/// kept, the price range and the honest ridge R² on log price (same inputs as
/// [`fit_honest`], its own `test_fraction` / `seed` split per variant).
///
/// # Errors
/// Errors of the trims, the frames, the text vectors and the fit.
pub fn trim_comparison(
    products: &DataFrame,
    text_components: usize,
    test_fraction: f64,
    seed: u64,
) -> Result<Table> {
    let mut t = Table::new(
        "Flaw 20: the price trim and what it changes (honest ridge on log price)",
        [
            "trim",
            "rows",
            "min price ₹",
            "median price ₹",
            "max price ₹",
            "honest ridge R² (log)",
        ],
    );
    let mut progress = Progress::new("price trims", 3);
    for trim in [PriceTrim::None, PriceTrim::Upper, PriceTrim::TwoSided] {
        let mut report = CleaningReport::new("products", products.height(), products.width());
        let kept = trim_prices(products, trim, &mut report)?;
        let frame = ProductFrame::build(&kept, RatingSource::Corrected)?;
        let r2 = progress.step(trim.describe(), || -> Result<f64> {
            let (numeric, names, log_price) = honest_features(&frame, text_components)?;
            let split = random_split(frame.len(), test_fraction, seed)?;
            let data = scaled_split(&frame, &numeric, &names, log_price.view(), &split, seed)?;
            let ridge =
                LinearParams::Ridge { alpha: 1.0 }.fit(data.x_train.view(), data.y_train.view())?;
            metrics::r2(
                data.y_test.view(),
                ridge.predict(data.x_test.view())?.view(),
            )
        })?;
        let summary = crate::stats::summarise(&frame.discounted_price.to_vec())?;
        t.push_row([
            trim.describe().to_string(),
            thousands(frame.len() as i64),
            number(summary.min, 0),
            number(summary.median, 0),
            number(summary.max, 0),
            number(r2, 4),
        ]);
    }
    Ok(t.with_note(
        "The original trims the top 5 % only and calls it \"the central 90 %\" (flaw 20). \
         Models in §6 keep the original's one-sided trim so that its numbers reproduce.",
    ))
}

fn honest_row(name: &str, y_log: &Array1<f64>, pred_log: &Array1<f64>) -> Result<HonestRow> {
    let y = y_log.mapv(f64::exp);
    let pred = pred_log.mapv(f64::exp);
    let mut ape: Vec<f64> = y
        .iter()
        .zip(pred.iter())
        .map(|(a, p)| ((p - a) / a).abs())
        .collect();
    ape.sort_by(f64::total_cmp);
    Ok(HonestRow {
        model: name.into(),
        r2_log: metrics::r2(y_log.view(), pred_log.view())?,
        r2_rupees: metrics::r2(y.view(), pred.view())?,
        rmse_rupees: metrics::rmse(y.view(), pred.view())?,
        median_ape: ape.get(ape.len() / 2).copied().unwrap_or(f64::NAN),
    })
}

impl HonestPrice {
    /// The best honest R² on log price (the summary's honest figure).
    pub fn best_r2_log(&self) -> f64 {
        self.models
            .iter()
            .map(|m| m.r2_log)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// The formula check and the honest models.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            "Honest price regression (test rows): no actual_price, no discount",
            [
                "model",
                "R² (log price)",
                "R² (₹)",
                "RMSE (₹)",
                "median abs. % error",
            ],
        );
        t.push_row([
            "formula actual × (1 − discount), no model".to_string(),
            "-".into(),
            number(self.formula_r2, 4),
            number(self.formula_rmse, 2),
            "-".into(),
        ]);
        for m in &self.models {
            t.push_row([
                m.model.clone(),
                number(m.r2_log, 4),
                number(m.r2_rupees, 4),
                number(m.rmse_rupees, 2),
                format!("{:.1} %", 100.0 * m.median_ape),
            ]);
        }
        t.with_note(format!(
            "Features: main-category dummies, rating, ln(1 + rating_count) and {} SVD components \
             of the description's TF-IDF. The formula row needs no training at all: that is what \
             the original's R² measured.",
            self.text_components
        ))
    }

    /// "Original vs honest" closing table.
    pub fn comparison(&self, original: &PriceModels) -> Table {
        let best = self
            .models
            .iter()
            .max_by(|a, b| a.r2_log.total_cmp(&b.r2_log));
        let mut t = Table::new(
            "Price regression: original vs honest",
            ["pipeline", "model", "R² (₹)", "R² (log)", "RMSE (₹)"],
        );
        t.push_row([
            "original (actual price and discount as inputs)".to_string(),
            original.ann_eval.model.clone(),
            number(original.ann_eval.r2, 4),
            "-".into(),
            number(original.ann_eval.rmse, 2),
        ]);
        t.push_row([
            "formula, no model".to_string(),
            "actual × (1 − discount)".into(),
            number(self.formula_r2, 4),
            "-".into(),
            number(self.formula_rmse, 2),
        ]);
        if let Some(b) = best {
            t.push_row([
                "honest (no price inputs)".to_string(),
                b.model.clone(),
                number(b.r2_rupees, 4),
                number(b.r2_log, 4),
                number(b.rmse_rupees, 2),
            ]);
        }
        t.with_note(
            "Believe the honest row: the original's R² is the discount formula re-learned (flaw 18).",
        )
    }
}

impl crate::display::AsTable for PriceModels {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

impl crate::display::AsTable for HonestPrice {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}
