//! §4 model inputs (R-29..R-48).
//!
//! The original: Cancelled = (Status == "Cancelled"); keep Amount > 0 and
//! Qty > 0 (113,670 rows, 5,628 cancelled); label-encode text columns with
//! more than 5 values, dummies for the rest; 18 features; SMOTE on all rows;
//! StandardScaler on all rows; then a random 80/20 split (flaws 1–5).
//! The honest matrix: no identifiers, one-hot nominal columns, a promotion flag
//! that can be left out, to be split before any resampling or scaling.

use std::collections::BTreeMap;

use ndarray::{Array1, Array2, Axis};
use polars::prelude::DataFrame;

use super::load::text_columns;
use crate::display::{number, percent, thousands, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::ml::encode::{one_hot, LabelEncoder};
use crate::ml::scale::{ScaleMethod, Scaler};
use crate::ml::smote::{ColumnKind, Smote};
use crate::ml::split::{sklearn_random_split, stratified_split, Split, TrainTest};

/// Columns R-40 removes (besides Amount and Cancelled, which are targets).
const DROPPED: [&str; 2] = ["Status", "ship-city"];

/// Which lines of the cleaned frame become model rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Amount > 0 and Qty > 0 (most cancelled lines leave, flaw 6).
    Shipped,
    /// Every line, the Qty-0 / Amount-0 cancellations included.
    All,
}

/// The model frame after: one entry per kept row.
#[derive(Debug, Clone)]
pub struct ModelFrame {
    text: BTreeMap<String, Vec<String>>,
    /// The canonical state (extra column of the cleaning, flaw 15).
    pub state: Vec<String>,
    /// Postal code text.
    pub postal: Vec<String>,
    /// Units in the line.
    pub qty: Vec<f64>,
    /// Line amount in rupees.
    pub amount: Vec<f64>,
    /// B2B flag as 0/1.
    pub b2b: Vec<f64>,
    /// 1 when Status is exactly "Cancelled".
    pub cancelled: Array1<usize>,
    /// (rows, cancelled) before the filter.
    pub before: (usize, usize),
}

impl ModelFrame {
    /// R-32 + R-35: adds the Cancelled target and keeps Amount > 0 and Qty > 0.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when a needed column is missing or no row is left.
    pub fn from_clean(df: &DataFrame) -> Result<Self> {
        Self::with_lines(df, Lines::Shipped)
    }

    /// R-32 with the row filter chosen: the original's R-35 or every line.
    ///
    /// # Errors
    /// As [`ModelFrame::from_clean`].
    pub fn with_lines(df: &DataFrame, lines: Lines) -> Result<Self> {
        let qty = f64_values(df, "Qty")?;
        let amount: Vec<f64> = f64_values(df, "Amount")?
            .into_iter()
            .map(|a| if a.is_nan() { 0.0 } else { a })
            .collect();
        let b2b = f64_values(df, "B2B")?;
        let keep: Vec<bool> = qty
            .iter()
            .zip(&amount)
            .map(|(&q, &a)| lines == Lines::All || (q > 0.0 && a > 0.0))
            .collect();
        let pick = |v: Vec<f64>| -> Vec<f64> {
            v.into_iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(x, _)| x)
                .collect()
        };
        let strings = |name: &str| -> Result<Vec<String>> {
            Ok(str_values(df, name)?
                .into_iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(s, _)| s.unwrap_or_default())
                .collect())
        };
        let status_all = str_values(df, "Status")?;
        let is_cancelled = |s: &Option<String>| s.as_deref() == Some("Cancelled");
        let before = (
            df.height(),
            status_all.iter().filter(|s| is_cancelled(s)).count(),
        );
        let mut text = BTreeMap::new();
        for name in text_columns() {
            text.insert(name.to_string(), strings(name)?);
        }
        let cancelled: Array1<usize> = status_all
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(s, _)| usize::from(is_cancelled(s)))
            .collect();
        if cancelled.is_empty() {
            return Err(Error::input(
                "model frame",
                "no row has Amount > 0 and Qty > 0",
            ));
        }
        Ok(Self {
            state: strings("state")?,
            postal: strings("ship-postal-code")?,
            text,
            qty: pick(qty),
            amount: pick(amount),
            b2b: pick(b2b),
            cancelled,
            before,
        })
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.cancelled.len()
    }

    /// A text column by its original name.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an unknown column.
    pub fn text(&self, name: &str) -> Result<&[String]> {
        self.text
            .get(name)
            .map(Vec::as_slice)
            .ok_or_else(|| Error::input("model frame", format!("no text column {name:?}")))
    }

    /// The targets and the filter in numbers.
    pub fn filter_table(&self) -> Table {
        let n = self.rows();
        let c = self.cancelled.sum();
        Table::new(
            "Model rows: Amount > 0 and Qty > 0 (R-35)",
            ["", "rows", "cancelled", "cancel rate"],
        )
        .with_row([
            "cleaned frame".to_string(),
            thousands(self.before.0 as i64),
            thousands(self.before.1 as i64),
            percent(self.before.1 as f64 / self.before.0.max(1) as f64, 2),
        ])
        .with_row([
            "model frame".to_string(),
            thousands(n as i64),
            thousands(c as i64),
            percent(c as f64 / n as f64, 2),
        ])
        .with_note(
            "Most cancelled lines have Qty 0 or Amount 0 and leave here: the classifiers see \
                 a biased cancelled population (flaw 6).",
        )
    }
}

/// A numeric feature matrix with its column names and SMOTE cast kinds.
#[derive(Debug, Clone)]
pub struct Features {
    /// One row per model row.
    pub x: Array2<f64>,
    /// Column names.
    pub names: Vec<String>,
    /// How SMOTE casts each column back (the original's dtypes).
    pub kinds: Vec<ColumnKind>,
    /// Label encoders of the label-coded columns.
    pub encoders: BTreeMap<String, LabelEncoder>,
}

impl Features {
    /// No columns yet; [`push`](Self::push) adds them, [`assemble`](Self::assemble) builds `x`.
    fn empty() -> Self {
        Features {
            x: Array2::zeros((0, 0)),
            names: Vec::new(),
            kinds: Vec::new(),
            encoders: BTreeMap::new(),
        }
    }

    fn push(
        &mut self,
        columns: &mut Vec<Vec<f64>>,
        name: String,
        values: Vec<f64>,
        kind: ColumnKind,
    ) {
        self.names.push(name);
        self.kinds.push(kind);
        columns.push(values);
    }

    fn assemble(mut self, columns: Vec<Vec<f64>>, rows: usize) -> Result<Self> {
        let mut x = Array2::zeros((rows, columns.len()));
        for (j, c) in columns.into_iter().enumerate() {
            x.column_mut(j).assign(&Array1::from(c));
        }
        self.x = x;
        Ok(self)
    }

    /// The first `n` rows as a table (R-38 / R-45 `head()`).
    pub fn head_table(&self, title: &str, n: usize) -> Table {
        let mut t = Table::new(title, self.names.clone());
        for row in self.x.rows().into_iter().take(n) {
            t.push_row(row.iter().map(|v| {
                if v.fract() == 0.0 {
                    format!("{v}")
                } else {
                    number(*v, 4)
                }
            }));
        }
        t
    }
}

/// R-38..R-42: the original's 18 features. Text columns with more than 5
/// distinct values get label codes, the others dummies (at the end, as
/// pandas); Status and ship-city are dropped; the postal code stays a
/// number-like string (cast to float).
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing or a postal code is not numeric.
pub fn original_features(frame: &ModelFrame) -> Result<Features> {
    let rows = frame.rows();
    let mut f = Features::empty();
    let mut cols = Vec::new();
    let mut dummies: Vec<(String, Vec<f64>)> = Vec::new();
    for name in text_columns() {
        let values = frame.text(name)?;
        let enc = LabelEncoder::fit(values);
        if enc.classes().len() > 5 {
            if DROPPED.contains(&name) {
                continue;
            }
            let codes = enc.transform(values)?.mapv(|c| c as f64).to_vec();
            f.encoders.insert(name.to_string(), enc);
            f.push(&mut cols, name.to_string(), codes, ColumnKind::Integer);
        } else {
            let (names, m) = one_hot(&enc, name, values);
            for (n, c) in names.into_iter().zip(m.columns()) {
                dummies.push((n, c.to_vec()));
            }
        }
        // the original's column order: Qty and the postal code sit between ASIN and ship-state
        if name == "ASIN" {
            f.push(
                &mut cols,
                "Qty".into(),
                frame.qty.clone(),
                ColumnKind::Integer,
            );
        }
        if name == "ship-state" {
            let postal = frame
                .postal
                .iter()
                .map(|p| {
                    p.parse::<f64>().map_err(|_| {
                        Error::input(
                            "original features",
                            format!("postal code {p:?} is not numeric"),
                        )
                    })
                })
                .collect::<Result<Vec<f64>>>()?;
            f.push(
                &mut cols,
                "ship-postal-code".into(),
                postal,
                ColumnKind::Float,
            );
        }
    }
    f.push(&mut cols, "B2B".into(), frame.b2b.clone(), ColumnKind::Bool);
    for (n, c) in dummies {
        f.push(&mut cols, n, c, ColumnKind::Bool);
    }
    f.assemble(cols, rows)
}

/// Everything the original pipeline feeds its models (R-42..R-48).
#[derive(Debug, Clone)]
pub struct OriginalInputs {
    /// The 18 unscaled features of the 113,670 model rows.
    pub features: Features,
    /// Rows per class before SMOTE (0, 1).
    pub before_smote: (usize, usize),
    /// Rows per class after SMOTE.
    pub after_smote: (usize, usize),
    /// SMOTE'd, scaled rows split 80/20 (classification).
    pub classification: TrainTest<usize>,
    /// Unscaled rows and Amount split 80/20 (regression).
    pub regression: TrainTest<f64>,
    /// Means and scales of the scaler fitted on all SMOTE'd rows.
    pub scaler: Scaler,
}

/// Runs R-42..R-48 with `seed` for SMOTE and both splits.
///
/// # Errors
/// As [`original_features`], [`Smote::fit_resample`] and the splits.
pub fn original_inputs(frame: &ModelFrame, seed: u64) -> Result<OriginalInputs> {
    let features = original_features(frame)?;
    let y = &frame.cancelled;
    let count = |y: &Array1<usize>| {
        let ones = y.sum();
        (y.len() - ones, ones)
    };
    let (xs, ys) = Smote::new()
        .seed(seed)
        .cast_columns(features.kinds.clone())
        .fit_resample(features.x.view(), y.view())?;
    let (scaler, xz) = Scaler::fit_transform(ScaleMethod::Standard, xs.view())?;
    // the original split: scikit-learn's rows exactly (numpy's MT19937)
    let split = sklearn_random_split(xz.nrows(), 0.2, seed)?;
    let classification =
        TrainTest::from_split(xz.view(), ys.view(), &split, features.names.clone());
    let amount = Array1::from(frame.amount.clone());
    let rsplit = sklearn_random_split(frame.rows(), 0.2, seed)?;
    let regression = TrainTest::from_split(
        features.x.view(),
        amount.view(),
        &rsplit,
        features.names.clone(),
    );
    Ok(OriginalInputs {
        before_smote: count(y),
        after_smote: count(&ys),
        classification,
        regression,
        scaler,
        features,
    })
}

impl OriginalInputs {
    /// Which columns were label-coded and which became dummies.
    pub fn encoding_table(&self) -> Table {
        let mut t = Table::new(
            "Original encoding (R-38, R-40)",
            ["feature", "treatment", "distinct values"],
        );
        for (name, kind) in self.features.names.iter().zip(&self.features.kinds) {
            let (how, distinct) = match (self.features.encoders.get(name), kind) {
                (Some(enc), _) => (
                    "label code (sorted strings)",
                    enc.classes().len().to_string(),
                ),
                (None, ColumnKind::Bool) if name != "B2B" => ("dummy (≤ 5 values)", "0/1".into()),
                _ => ("as is", String::new()),
            };
            t.push_row([name.clone(), how.to_string(), distinct]);
        }
        t.with_note(
            "Status and ship-city are dropped (R-40); Amount and Cancelled are the targets.",
        )
    }

    /// Row counts through SMOTE and both splits.
    pub fn counts_table(&self) -> Table {
        let c = &self.classification;
        let r = &self.regression;
        let ones = |y: &Array1<usize>| y.sum();
        Table::new(
            "Original inputs: rows at each step",
            ["step", "rows", "class 0", "class 1"],
        )
        .with_row([
            "before SMOTE (R-42)".to_string(),
            thousands((self.before_smote.0 + self.before_smote.1) as i64),
            thousands(self.before_smote.0 as i64),
            thousands(self.before_smote.1 as i64),
        ])
        .with_row([
            "after SMOTE, k = 5".to_string(),
            thousands((self.after_smote.0 + self.after_smote.1) as i64),
            thousands(self.after_smote.0 as i64),
            thousands(self.after_smote.1 as i64),
        ])
        .with_row([
            "classification train (80 %)".to_string(),
            thousands(c.y_train.len() as i64),
            thousands((c.y_train.len() - ones(&c.y_train)) as i64),
            thousands(ones(&c.y_train) as i64),
        ])
        .with_row([
            "classification test (20 %)".to_string(),
            thousands(c.y_test.len() as i64),
            thousands((c.y_test.len() - ones(&c.y_test)) as i64),
            thousands(ones(&c.y_test) as i64),
        ])
        .with_row([
            "regression train / test".to_string(),
            format!(
                "{} / {}",
                thousands(r.y_train.len() as i64),
                thousands(r.y_test.len() as i64)
            ),
            String::new(),
            String::new(),
        ])
        .with_note(
            "SMOTE and the scaler see every row before the split, so synthetic neighbours of \
                 test rows sit in the training set and the test set is balanced (flaws 1-3).",
        )
    }

    /// The first rows of the scaled SMOTE'd training matrix.
    pub fn scaled_head(&self, n: usize) -> Table {
        let f = Features {
            x: self.classification.x_train.select(
                Axis(0),
                &(0..n.min(self.classification.x_train.nrows())).collect::<Vec<_>>(),
            ),
            names: self.features.names.clone(),
            kinds: self.features.kinds.clone(),
            encoders: BTreeMap::new(),
        };
        f.head_table("Scaled features (R-46), first training rows", n)
    }
}

/// Options of the honest feature matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HonestOptions {
    /// Include the "has a promotion id" flag (flaw 7 ablation).
    pub promotion_flag: bool,
    /// Include Amount as a feature (classification; not for the Amount regression).
    pub amount: bool,
    /// Include Qty as a feature (not over [`Lines::All`]: a cancelled line is
    /// recorded with Qty 0, so Qty describes the outcome).
    pub qty: bool,
}

/// The honest features: one-hot Category, Size, Fulfilment, service level and
/// canonical state; B2B; optionally Qty, Amount and the promotion flag. No
/// identifiers (Order ID, SKU, ASIN, Style, postal code).
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing.
pub fn honest_features(frame: &ModelFrame, options: HonestOptions) -> Result<Features> {
    let mut f = Features::empty();
    let mut cols = Vec::new();
    if options.qty {
        f.push(
            &mut cols,
            "Qty".into(),
            frame.qty.clone(),
            ColumnKind::Integer,
        );
    }
    if options.amount {
        f.push(
            &mut cols,
            "Amount".into(),
            frame.amount.clone(),
            ColumnKind::Float,
        );
    }
    f.push(&mut cols, "B2B".into(), frame.b2b.clone(), ColumnKind::Bool);
    if options.promotion_flag {
        let flag = frame
            .text("promotion-ids")?
            .iter()
            .map(|p| f64::from(u8::from(p != "None")))
            .collect();
        f.push(&mut cols, "has promotion".into(), flag, ColumnKind::Bool);
    }
    let nominal: [(&str, &[String]); 5] = [
        ("Category", frame.text("Category")?),
        ("Size", frame.text("Size")?),
        ("Fulfilment", frame.text("Fulfilment")?),
        ("ship-service-level", frame.text("ship-service-level")?),
        ("state", &frame.state),
    ];
    for (name, values) in nominal {
        let enc = LabelEncoder::fit(values);
        let (names, m) = one_hot(&enc, name, values);
        for (n, c) in names.into_iter().zip(m.columns()) {
            f.push(&mut cols, n, c.to_vec(), ColumnKind::Bool);
        }
    }
    f.assemble(cols, frame.rows())
}

/// The honest classification split: stratified 80/20 with `seed`, before any
/// resampling or scaling, so the test rows keep the real cancel rate.
///
/// # Errors
/// As [`honest_features`] and [`stratified_split`].
pub fn honest_classification(
    frame: &ModelFrame,
    options: HonestOptions,
    seed: u64,
) -> Result<TrainTest<usize>> {
    let f = honest_features(frame, options)?;
    let split: Split = stratified_split(frame.cancelled.view(), 0.2, seed)?;
    Ok(TrainTest::from_split(
        f.x.view(),
        frame.cancelled.view(),
        &split,
        f.names,
    ))
}
