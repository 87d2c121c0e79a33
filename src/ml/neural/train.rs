//! Generic mini-batch training of candle networks (CPU): Adam, a Keras-style
//! validation split, early stopping that restores the best weights, a loss
//! history, seeded initialisation and seeded dropout.
//!
//! candle's CPU device cannot be seeded (`Device::Cpu.set_seed` fails and
//! `Tensor::rand` draws from the thread RNG), so everything random here (the
//! initial weights, the dropout masks, the batch order) comes from one
//! [`Xoshiro256PlusPlus`] seeded by [`TrainParams::seed`]: the same seed gives
//! the same numbers.
//!
//! A network implements [`Network`]; [`fit`] trains it on tensors of any
//! input dtype (`f32` features, `u32` token ids) against `f32` targets.

use std::time::Instant;

use candle_core::{DType, Device, Tensor, Var, D};
use candle_nn::VarMap;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::adam::Adam;
use crate::charts::{self, ChartSpec, LineSeries};
use crate::display::{Figure, Table};
use crate::error::{Error, Result};

/// Converts a candle error into the crate's [`Error::Model`].
pub(crate) fn candle_err(e: candle_core::Error) -> Error {
    Error::model("candle", e)
}

/// Dropout whose masks come from a seeded generator (candle's own dropout
/// uses the unseedable thread RNG).
#[derive(Debug, Clone)]
pub struct SeededDropout {
    rng: Xoshiro256PlusPlus,
}

impl SeededDropout {
    /// A mask generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// Zeroes each element with probability `p` and scales the rest by
    /// 1 / (1 − `p`) (inverted dropout, as Keras and candle do).
    ///
    /// # Errors
    /// candle errors (shape or device), and `p` outside [0, 1).
    pub fn apply(&mut self, xs: &Tensor, p: f64) -> candle_core::Result<Tensor> {
        if !(0.0..1.0).contains(&p) {
            candle_core::bail!("dropout probability has to be in [0, 1), got {p}")
        }
        if p == 0.0 {
            return Ok(xs.clone());
        }
        let keep = (1.0 / (1.0 - p)) as f32;
        let mask: Vec<f32> = (0..xs.elem_count())
            .map(|_| if self.rng.gen::<f64>() < p { 0.0 } else { keep })
            .collect();
        let mask = Tensor::from_vec(mask, xs.shape(), xs.device())?.to_dtype(xs.dtype())?;
        xs * mask
    }
}

/// A trainable candle network.
pub trait Network {
    /// Forward pass. `dropout` is `Some` while training (dropout active) and
    /// `None` for prediction. The output has one value per row, shape `(n, 1)`
    /// or `(n,)`; classifiers return logits (the sigmoid is in the loss).
    ///
    /// # Errors
    /// candle errors (shapes, dtypes).
    fn forward(
        &self,
        xs: &Tensor,
        dropout: Option<&mut SeededDropout>,
    ) -> candle_core::Result<Tensor>;

    /// The variables that hold the network's weights.
    fn varmap(&self) -> &VarMap;
}

/// The training objective.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Loss {
    /// Mean squared error (regression, linear output).
    Mse,
    /// Binary cross-entropy on logits, computed stably.
    BinaryCrossEntropy,
    /// Binary cross-entropy with a weight per class: `[weight of class 0,
    /// weight of class 1]` (Keras' `class_weight`).
    WeightedBinaryCrossEntropy([f64; 2]),
}

impl Loss {
    /// Mean loss of `output` (any shape with one value per row) against `target` (n,).
    ///
    /// # Errors
    /// candle errors.
    pub fn compute(&self, output: &Tensor, target: &Tensor) -> candle_core::Result<Tensor> {
        let z = output.flatten_all()?;
        let y = target.flatten_all()?;
        match self {
            Loss::Mse => (z - y)?.sqr()?.mean_all(),
            Loss::BinaryCrossEntropy => bce_terms(&z, &y)?.mean_all(),
            Loss::WeightedBinaryCrossEntropy([w0, w1]) => {
                let w = ((&y * (*w1 - *w0))? + *w0)?;
                (bce_terms(&z, &y)? * w)?.mean_all()
            }
        }
    }

    /// Share of rows classified right at threshold 0.5 (logit 0), Keras'
    /// `accuracy` metric; `None` for a regression loss.
    ///
    /// # Errors
    /// candle errors.
    pub fn accuracy(&self, output: &Tensor, target: &Tensor) -> candle_core::Result<Option<f64>> {
        if *self == Loss::Mse {
            return Ok(None);
        }
        let predicted = output.flatten_all()?.gt(0f64)?;
        let actual = target.flatten_all()?.gt(0.5f64)?;
        let right = predicted.eq(&actual)?.to_dtype(DType::F64)?.mean_all()?;
        Ok(Some(right.to_scalar::<f64>()?))
    }
}

/// Per-row BCE of logits z: max(z, 0) − z·y + ln(1 + e^(−|z|)).
fn bce_terms(z: &Tensor, y: &Tensor) -> candle_core::Result<Tensor> {
    let softplus = (z.abs()?.neg()?.exp()? + 1.0)?.log()?;
    (z.relu()? - (z * y)?)? + softplus
}

/// Training settings (Keras' `fit` arguments plus the seed).
#[derive(Debug, Clone, PartialEq)]
pub struct TrainParams {
    /// Maximum number of passes over the training rows (default 100).
    pub epochs: usize,
    /// Rows per Adam step (default 32).
    pub batch_size: usize,
    /// Adam step size (default 1e-3, Keras' default).
    pub learning_rate: f64,
    /// Share of rows held out for validation, taken from the **end** of the
    /// rows as Keras' `validation_split` does (default 0.2; 0 = none).
    pub validation_fraction: f64,
    /// Stop after this many epochs without a better validation loss
    /// (`None` = never stop early; default 10).
    pub patience: Option<usize>,
    /// Restore the weights of the best validation epoch at the end (default true).
    pub restore_best: bool,
    /// Seed of the initial weights, the dropout masks and the batch order (default 42).
    pub seed: u64,
    /// Print an epoch line every this many epochs (0 = silent; default 10).
    pub log_every: usize,
}

impl Default for TrainParams {
    fn default() -> Self {
        Self {
            epochs: 100,
            batch_size: 32,
            learning_rate: 1e-3,
            validation_fraction: 0.2,
            patience: Some(10),
            restore_best: true,
            seed: 42,
            log_every: 10,
        }
    }
}

impl TrainParams {
    /// Sets the maximum number of epochs.
    pub fn epochs(mut self, epochs: usize) -> Self {
        self.epochs = epochs;
        self
    }

    /// Sets the batch size.
    pub fn batch_size(mut self, batch_size: usize) -> Self {
        self.batch_size = batch_size;
        self
    }

    /// Sets Adam's learning rate.
    pub fn learning_rate(mut self, learning_rate: f64) -> Self {
        self.learning_rate = learning_rate;
        self
    }

    /// Sets the validation share (0 disables validation and early stopping).
    pub fn validation_fraction(mut self, fraction: f64) -> Self {
        self.validation_fraction = fraction;
        self
    }

    /// Sets the early-stopping patience (`None` trains all epochs).
    pub fn patience(mut self, patience: Option<usize>) -> Self {
        self.patience = patience;
        self
    }

    /// Sets whether the best validation weights are restored.
    pub fn restore_best(mut self, restore: bool) -> Self {
        self.restore_best = restore;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets how often an epoch line is printed (0 = never).
    pub fn log_every(mut self, every: usize) -> Self {
        self.log_every = every;
        self
    }

    /// Checks the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for zero epochs or batch size, a learning
    /// rate that is not positive and finite, a validation share outside
    /// [0, 1), or a patience of zero.
    pub fn check(&self) -> Result<()> {
        if self.epochs == 0 {
            return Err(Error::param("epochs", "must be at least 1"));
        }
        if self.batch_size == 0 {
            return Err(Error::param("batch_size", "must be at least 1"));
        }
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return Err(Error::param(
                "learning_rate",
                format!("must be positive, got {}", self.learning_rate),
            ));
        }
        if !(0.0..1.0).contains(&self.validation_fraction) {
            return Err(Error::param(
                "validation_fraction",
                format!("must be in [0, 1), got {}", self.validation_fraction),
            ));
        }
        if self.patience == Some(0) {
            return Err(Error::param("patience", "must be at least 1 (or None)"));
        }
        Ok(())
    }
}

/// Losses (and, for classifiers, accuracies) of one epoch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpochLoss {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Mean training loss over the epoch's batches (dropout active, as Keras reports it).
    pub loss: f64,
    /// Validation loss after the epoch (no dropout), when there is a validation set.
    pub val_loss: Option<f64>,
    /// Training accuracy over the epoch's batches (classification losses only).
    pub accuracy: Option<f64>,
    /// Validation accuracy after the epoch (classification, with a validation set).
    pub val_accuracy: Option<f64>,
}

/// What happened during training.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// One entry per epoch run.
    pub epochs: Vec<EpochLoss>,
    /// Epoch whose weights the network holds at the end (1-based).
    pub best_epoch: usize,
    /// Whether early stopping ended training before the last epoch.
    pub stopped_early: bool,
    /// Wall-clock training time in seconds.
    pub seconds: f64,
}

impl History {
    /// Number of epochs run.
    pub fn epochs_run(&self) -> usize {
        self.epochs.len()
    }

    /// The loss curve: training and validation loss per epoch.
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn figure(&self, title: &str, loss_name: &str) -> Result<Figure> {
        let train = self
            .epochs
            .iter()
            .map(|e| (e.epoch as f64, e.loss))
            .collect();
        let mut series = vec![LineSeries::new("training loss", train)];
        let val: Vec<(f64, f64)> = self
            .epochs
            .iter()
            .filter_map(|e| e.val_loss.map(|v| (e.epoch as f64, v)))
            .collect();
        if !val.is_empty() {
            series.push(LineSeries::new("validation loss", val));
        }
        let spec = ChartSpec::new(title).x("epoch").y(loss_name);
        charts::line(&spec, &series, false)
    }

    /// The accuracy curve beside [`History::figure`]: training and validation
    /// accuracy per epoch (Keras' `history.history["accuracy"]`).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the history has no accuracy (a regression
    /// loss); [`Error::Chart`] if drawing fails.
    pub fn accuracy_figure(&self, title: &str) -> Result<Figure> {
        let curve = |pick: fn(&EpochLoss) -> Option<f64>| -> Vec<(f64, f64)> {
            self.epochs
                .iter()
                .filter_map(|e| pick(e).map(|a| (e.epoch as f64, a)))
                .collect()
        };
        let train = curve(|e| e.accuracy);
        if train.is_empty() {
            return Err(Error::input(
                "accuracy curve",
                "this history has no accuracy (the network was trained with a regression loss)",
            ));
        }
        let mut series = vec![LineSeries::new("training accuracy", train)];
        let val = curve(|e| e.val_accuracy);
        if !val.is_empty() {
            series.push(LineSeries::new("validation accuracy", val));
        }
        let spec = ChartSpec::new(title).x("epoch").y("accuracy");
        charts::line(&spec, &series, false)
    }

    /// One-row summary: epochs run, best epoch, final losses, time.
    pub fn table(&self, title: &str) -> Table {
        let last = self.epochs.last();
        let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.4e}"));
        Table::new(
            title,
            [
                "epochs run",
                "best epoch",
                "stopped early",
                "last loss",
                "last val_loss",
                "seconds",
            ],
        )
        .with_row([
            self.epochs_run().to_string(),
            self.best_epoch.to_string(),
            self.stopped_early.to_string(),
            fmt(last.map(|e| e.loss)),
            fmt(last.and_then(|e| e.val_loss)),
            format!("{:.1}", self.seconds),
        ])
    }
}

/// Sets every variable of `varmap` from a seeded generator, in name order:
/// names ending in `bias` get zeros, every other tensor Glorot-uniform
/// weights (Keras' default), limit √(6 / (fan_in + fan_out)) with
/// fan_in = dims[1]·receptive, fan_out = dims[0]·receptive for a weight of
/// shape (out, in, kernel…). 1-D non-bias tensors get zeros.
///
/// # Errors
/// candle errors while writing the variables.
pub fn init_seeded(varmap: &VarMap, seed: u64) -> Result<()> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut named: Vec<(String, Var)> = {
        let data = varmap
            .data()
            .lock()
            .map_err(|_| Error::model("training", "variable map lock poisoned"))?;
        data.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    named.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, var) in named {
        let dims = var.dims().to_vec();
        let count: usize = dims.iter().product();
        let values: Vec<f32> = if name.ends_with("bias") || dims.len() < 2 {
            vec![0.0; count]
        } else {
            let receptive: usize = dims[2..].iter().product();
            let fan_in = dims[1] * receptive;
            let fan_out = dims[0] * receptive;
            let limit = (6.0 / (fan_in + fan_out) as f64).sqrt();
            (0..count)
                .map(|_| rng.gen_range(-limit..limit) as f32)
                .collect()
        };
        let t = Tensor::from_vec(values, dims.as_slice(), var.device())
            .and_then(|t| t.to_dtype(var.dtype()))
            .map_err(candle_err)?;
        var.set(&t).map_err(candle_err)?;
    }
    Ok(())
}

/// Rows and targets as tensors (`x` of any dtype, `y` f32 of shape (n,)).
#[derive(Debug, Clone)]
pub struct TensorData {
    /// Inputs, one row per example (first dimension).
    pub x: Tensor,
    /// Targets, f32, one per row.
    pub y: Tensor,
}

impl TensorData {
    /// Builds the pair and checks that the row counts agree and are non-zero.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for no rows or a row-count mismatch.
    pub fn new(x: Tensor, y: Tensor) -> Result<Self> {
        let n = x.dim(0).map_err(candle_err)?;
        let m = y.elem_count();
        if n == 0 {
            return Err(Error::input("network training", "no rows"));
        }
        if n != m {
            return Err(Error::input(
                "network training",
                format!("{n} rows but {m} targets"),
            ));
        }
        let y = y
            .flatten_all()
            .and_then(|y| y.to_dtype(DType::F32))
            .map_err(candle_err)?;
        Ok(Self { x, y })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.y.elem_count()
    }

    /// Whether there are no rows (never true for a value built by [`new`](Self::new)).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows at `idx` (in that order).
    fn rows(&self, idx: &[u32]) -> candle_core::Result<(Tensor, Tensor)> {
        let ids = Tensor::from_slice(idx, idx.len(), self.x.device())?;
        Ok((self.x.index_select(&ids, 0)?, self.y.index_select(&ids, 0)?))
    }

    /// Splits off the last `fraction` of rows (Keras' `validation_split`).
    fn split_tail(&self, fraction: f64) -> candle_core::Result<(Self, Option<Self>)> {
        let n = self.len();
        let n_train = ((n as f64) * (1.0 - fraction)).floor() as usize;
        if fraction == 0.0 || n_train == n || n_train == 0 {
            return Ok((self.clone(), None));
        }
        let train = Self {
            x: self.x.narrow(0, 0, n_train)?,
            y: self.y.narrow(0, 0, n_train)?,
        };
        let val = Self {
            x: self.x.narrow(0, n_train, n - n_train)?,
            y: self.y.narrow(0, n_train, n - n_train)?,
        };
        Ok((train, Some(val)))
    }
}

/// Trains `net` on `data` with Adam, holding out the last
/// [`TrainParams::validation_fraction`] of the rows for validation and early
/// stopping. Prints an epoch line to stdout every [`TrainParams::log_every`]
/// epochs. Initialise the weights first (e.g. with [`init_seeded`]).
///
/// # Errors
/// [`Error::InvalidParameter`] from [`TrainParams::check`];
/// [`Error::NotConverged`] when the loss becomes NaN or infinite;
/// [`Error::Model`] for candle errors.
pub fn fit<N: Network>(
    net: &N,
    data: &TensorData,
    loss: Loss,
    params: &TrainParams,
) -> Result<History> {
    params.check()?;
    let (train, val) = data
        .split_tail(params.validation_fraction)
        .map_err(candle_err)?;
    fit_with_validation(net, &train, val.as_ref(), loss, params)
}

/// As [`fit`], with an explicit validation set (`None`: no validation, no
/// early stopping; [`TrainParams::validation_fraction`] is ignored).
///
/// # Errors
/// As [`fit`].
pub fn fit_with_validation<N: Network>(
    net: &N,
    train: &TensorData,
    val: Option<&TensorData>,
    loss: Loss,
    params: &TrainParams,
) -> Result<History> {
    params.check()?;
    let started = Instant::now();
    let vars = net.varmap().all_vars();
    let mut opt = Adam::new(vars.clone(), params.learning_rate, 1e-7);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(params.seed ^ 0x5eed_0001);
    let mut dropout = SeededDropout::new(params.seed ^ 0x5eed_0002);
    let mut order: Vec<u32> = (0..train.len() as u32).collect();
    let mut history = Vec::with_capacity(params.epochs);
    let mut best: Option<(f64, usize, Vec<Tensor>)> = None;
    let mut since_best = 0usize;
    let mut stopped_early = false;

    for epoch in 1..=params.epochs {
        order.shuffle(&mut rng);
        let mut total = 0.0;
        let mut right = 0.0;
        let mut seen = 0usize;
        for batch in order.chunks(params.batch_size) {
            let (xb, yb) = train.rows(batch).map_err(candle_err)?;
            let out = net.forward(&xb, Some(&mut dropout)).map_err(candle_err)?;
            let l = loss.compute(&out, &yb).map_err(candle_err)?;
            opt.backward_step(&l).map_err(candle_err)?;
            let lv = l
                .to_dtype(DType::F64)
                .and_then(|l| l.to_scalar::<f64>())
                .map_err(candle_err)?;
            total += lv * batch.len() as f64;
            if let Some(a) = loss.accuracy(&out, &yb).map_err(candle_err)? {
                right += a * batch.len() as f64;
            }
            seen += batch.len();
        }
        let accuracy = (loss != Loss::Mse).then(|| right / seen.max(1) as f64);
        let epoch_loss = total / seen.max(1) as f64;
        if !epoch_loss.is_finite() {
            return Err(Error::NotConverged {
                model: "neural network",
                reason: format!("training loss became {epoch_loss} at epoch {epoch}"),
            });
        }
        let (val_loss, val_accuracy) = match val {
            Some(v) => {
                let (l, a) = evaluate(net, v, loss, params.batch_size.max(256))?;
                (Some(l), a)
            }
            None => (None, None),
        };
        let record = EpochLoss {
            epoch,
            loss: epoch_loss,
            val_loss,
            accuracy,
            val_accuracy,
        };
        history.push(record);
        if params.log_every > 0 && (epoch % params.log_every == 0 || epoch == 1) {
            println!("epoch {epoch:>4}/{}{}", params.epochs, epoch_line(&record));
        }
        if let Some(v) = val_loss {
            let improved = best.as_ref().is_none_or(|(b, _, _)| v < *b);
            if improved {
                let snapshot = if params.restore_best {
                    snapshot(&vars)?
                } else {
                    Vec::new()
                };
                best = Some((v, epoch, snapshot));
                since_best = 0;
            } else {
                since_best += 1;
                if params.patience.is_some_and(|p| since_best >= p) {
                    stopped_early = true;
                    break;
                }
            }
        }
    }

    let last_epoch = history.len();
    let best_epoch = match best {
        Some((_, epoch, weights)) if params.restore_best => {
            for (var, w) in vars.iter().zip(weights.iter()) {
                var.set(w).map_err(candle_err)?;
            }
            epoch
        }
        _ => last_epoch,
    };
    if params.log_every > 0 {
        println!(
            "stopped after {last_epoch} epochs{}; weights of epoch {best_epoch}",
            if stopped_early {
                " (early stopping)"
            } else {
                ""
            }
        );
    }
    Ok(History {
        epochs: history,
        best_epoch,
        stopped_early,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn snapshot(vars: &[Var]) -> Result<Vec<Tensor>> {
    vars.iter()
        .map(|v| v.as_tensor().copy().map_err(candle_err))
        .collect()
}

/// The metrics of one epoch as Keras prints them: `  loss 5.1e-1  accuracy 0.7668  val_loss …`.
fn epoch_line(e: &EpochLoss) -> String {
    let mut line = format!("  loss {:.4e}", e.loss);
    if let Some(a) = e.accuracy {
        line.push_str(&format!("  accuracy {a:.4}"));
    }
    if let Some(v) = e.val_loss {
        line.push_str(&format!("  val_loss {v:.4e}"));
    }
    if let Some(a) = e.val_accuracy {
        line.push_str(&format!("  val_accuracy {a:.4}"));
    }
    line
}

/// Mean loss and (for classification losses) accuracy over `data`, without
/// dropout, in batches of `batch` rows.
///
/// # Errors
/// [`Error::Model`] for candle errors.
pub fn evaluate<N: Network>(
    net: &N,
    data: &TensorData,
    loss: Loss,
    batch: usize,
) -> Result<(f64, Option<f64>)> {
    let out = predict_raw(net, &data.x, batch)?;
    let l = loss.compute(&out, &data.y).map_err(candle_err)?;
    let l = l
        .to_dtype(DType::F64)
        .and_then(|l| l.to_scalar::<f64>())
        .map_err(candle_err)?;
    let accuracy = loss.accuracy(&out, &data.y).map_err(candle_err)?;
    Ok((l, accuracy))
}

/// The network's raw output (logits for classifiers) for every row of `x`,
/// shape (n,), computed in batches without dropout.
///
/// # Errors
/// [`Error::Model`] for candle errors.
pub fn predict_raw<N: Network>(net: &N, x: &Tensor, batch: usize) -> Result<Tensor> {
    let n = x.dim(0).map_err(candle_err)?;
    let mut parts = Vec::new();
    let mut start = 0;
    while start < n {
        let len = batch.max(1).min(n - start);
        let xb = x.narrow(0, start, len).map_err(candle_err)?;
        let out = net
            .forward(&xb, None)
            .and_then(|o| o.flatten_all())
            .map_err(candle_err)?;
        parts.push(out);
        start += len;
    }
    if parts.is_empty() {
        return Tensor::zeros(0, DType::F32, x.device()).map_err(candle_err);
    }
    Tensor::cat(&parts, D::Minus1).map_err(candle_err)
}

/// The CPU device (the project trains on CPU only).
pub fn cpu() -> Device {
    Device::Cpu
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(t: Tensor) -> f64 {
        t.to_dtype(DType::F64).unwrap().to_scalar::<f64>().unwrap()
    }

    #[test]
    fn accuracy_counts_logits_above_zero_as_class_one() {
        let dev = cpu();
        let y = Tensor::new(&[1.0f32, 0.0, 1.0, 0.0], &dev).unwrap();
        let z = Tensor::new(&[0.5f32, -2.0, -0.1, 0.0], &dev).unwrap();
        let bce = Loss::BinaryCrossEntropy.accuracy(&z, &y).unwrap();
        assert_eq!(bce, Some(0.75));
        let weighted = Loss::WeightedBinaryCrossEntropy([2.0, 1.0]);
        assert_eq!(weighted.accuracy(&z, &y).unwrap(), Some(0.75));
        assert_eq!(Loss::Mse.accuracy(&z, &y).unwrap(), None);
    }

    #[test]
    fn losses_match_their_formulas() {
        let dev = cpu();
        let z = Tensor::new(&[0.0f32, 2.0], &dev).unwrap();
        let y = Tensor::new(&[1.0f32, 0.0], &dev).unwrap();
        // BCE: (ln 2 + 2 + ln(1 + e^-2)) / 2
        let expected = (2f64.ln() + 2.0 + (1.0 + (-2f64).exp()).ln()) / 2.0;
        let bce = scalar(Loss::BinaryCrossEntropy.compute(&z, &y).unwrap());
        assert!((bce - expected).abs() < 1e-6, "{bce}");
        // class weights 3 (class 0) and 1 (class 1)
        let w = scalar(
            Loss::WeightedBinaryCrossEntropy([3.0, 1.0])
                .compute(&z, &y)
                .unwrap(),
        );
        let expected_w = (2f64.ln() + 3.0 * (2.0 + (1.0 + (-2f64).exp()).ln())) / 2.0;
        assert!((w - expected_w).abs() < 1e-5, "{w}");
        assert!((scalar(Loss::Mse.compute(&z, &y).unwrap()) - 2.5).abs() < 1e-6);
        // huge logits stay finite
        let big = Tensor::new(&[200.0f32, -200.0], &dev).unwrap();
        assert!(scalar(Loss::BinaryCrossEntropy.compute(&big, &y).unwrap()).is_finite());
    }

    #[test]
    fn seeded_dropout_is_reproducible_and_scales() {
        let xs = Tensor::ones(1000, DType::F32, &cpu()).unwrap();
        let a = SeededDropout::new(1)
            .apply(&xs, 0.5)
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        let b = SeededDropout::new(1)
            .apply(&xs, 0.5)
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        assert_eq!(a, b);
        assert!(a.iter().all(|v| *v == 0.0 || *v == 2.0));
        let kept = a.iter().filter(|v| **v > 0.0).count();
        assert!((400..600).contains(&kept), "{kept}");
        assert!(SeededDropout::new(1).apply(&xs, 1.0).is_err());
    }

    #[test]
    fn train_params_check() {
        assert!(TrainParams::default().check().is_ok());
        assert!(TrainParams::default().batch_size(0).check().is_err());
        assert!(TrainParams::default()
            .learning_rate(f64::NAN)
            .check()
            .is_err());
        assert!(TensorData::new(
            Tensor::zeros((3, 2), DType::F32, &cpu()).unwrap(),
            Tensor::zeros(2, DType::F32, &cpu()).unwrap()
        )
        .is_err());
    }
}
