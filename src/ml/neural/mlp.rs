//! Multi-layer perceptrons (candle, CPU): the product notebook's ANN
//! regressor (P-67/P-68: 128-64-32-1, ReLU, dropout 0.3, linear output, MSE)
//! and ANN classifier (P-73/P-74: dropout 0.4, sigmoid output, binary
//! cross-entropy), trained with [`super::train`].

use candle_core::{DType, Tensor};
use candle_nn::{linear, Linear, Module, VarBuilder, VarMap};
use ndarray::{Array1, ArrayView1, ArrayView2};

use super::train::{
    self, candle_err, cpu, init_seeded, History, Loss, Network, SeededDropout, TensorData,
    TrainParams,
};
use crate::error::{Error, Result};
use crate::ml::classify::BinaryClassifier;
use crate::ml::regress::Regressor;

/// What the last layer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One linear unit, trained with mean squared error.
    Linear,
    /// One sigmoid unit (a probability of class 1), trained with binary cross-entropy.
    Sigmoid,
}

/// Layer sizes, dropout and training settings of an MLP.
#[derive(Debug, Clone, PartialEq)]
pub struct MlpParams {
    /// Units of each hidden ReLU layer.
    pub hidden: Vec<usize>,
    /// Dropout after each hidden layer (same length as `hidden`; 0 = none).
    pub dropout: Vec<f64>,
    /// Output unit.
    pub output: Output,
    /// Class weights `[class 0, class 1]` for [`Output::Sigmoid`] (`None` = equal).
    pub class_weights: Option<[f64; 2]>,
    /// Optimiser, epochs, validation, early stopping and seed.
    pub train: TrainParams,
}

impl MlpParams {
    /// The P-68 regressor: 128-64-32 ReLU, dropout 0.3 / 0.3 / 0, linear
    /// output; Adam 1e-3, 100 epochs, batch 32, 20 % validation, patience 10
    /// with best weights restored.
    pub fn regressor() -> Self {
        Self {
            hidden: vec![128, 64, 32],
            dropout: vec![0.3, 0.3, 0.0],
            output: Output::Linear,
            class_weights: None,
            train: TrainParams::default(),
        }
    }

    /// The P-74 classifier: as [`regressor`](Self::regressor) with dropout
    /// 0.4 / 0.4 / 0 and a sigmoid output.
    pub fn classifier() -> Self {
        Self {
            dropout: vec![0.4, 0.4, 0.0],
            output: Output::Sigmoid,
            ..Self::regressor()
        }
    }

    /// Replaces the training settings.
    pub fn train(mut self, train: TrainParams) -> Self {
        self.train = train;
        self
    }

    /// Sets class weights for the sigmoid output.
    pub fn class_weights(mut self, weights: [f64; 2]) -> Self {
        self.class_weights = Some(weights);
        self
    }

    /// Checks layer sizes, dropout rates, class weights and training settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for no hidden layer, a zero-unit layer, a
    /// dropout list of another length or a rate outside [0, 1), class weights
    /// that are not positive or set on a linear output, and the errors of
    /// [`TrainParams::check`].
    pub fn check(&self) -> Result<()> {
        if self.hidden.is_empty() || self.hidden.contains(&0) {
            return Err(Error::param(
                "hidden",
                format!(
                    "need at least one layer, none of zero units; got {:?}",
                    self.hidden
                ),
            ));
        }
        if self.dropout.len() != self.hidden.len() {
            return Err(Error::param(
                "dropout",
                format!(
                    "one rate per hidden layer: {} rates for {} layers",
                    self.dropout.len(),
                    self.hidden.len()
                ),
            ));
        }
        if let Some(p) = self.dropout.iter().find(|p| !(0.0..1.0).contains(*p)) {
            return Err(Error::param(
                "dropout",
                format!("rates must be in [0, 1), got {p}"),
            ));
        }
        if let Some(w) = self.class_weights {
            if self.output == Output::Linear {
                return Err(Error::param("class_weights", "only for a sigmoid output"));
            }
            if w.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
                return Err(Error::param(
                    "class_weights",
                    format!("must be positive, got {w:?}"),
                ));
            }
        }
        self.train.check()
    }

    fn loss(&self) -> Loss {
        match (self.output, self.class_weights) {
            (Output::Linear, _) => Loss::Mse,
            (Output::Sigmoid, None) => Loss::BinaryCrossEntropy,
            (Output::Sigmoid, Some(w)) => Loss::WeightedBinaryCrossEntropy(w),
        }
    }

    /// Trains a network on `x` (rows × features) and targets `y` (values for
    /// a linear output, 0/1 for a sigmoid output). The last
    /// `validation_fraction` of the rows is the validation set, as in Keras.
    ///
    /// ```
    /// use amazon_sales::ml::neural::{MlpParams, TrainParams};
    /// use ndarray::{Array1, Array2};
    /// let x = Array2::from_shape_fn((64, 2), |(i, j)| (i * (j + 1)) as f64 / 64.0);
    /// let y: Array1<f64> = x.column(0).mapv(|v| 3.0 * v + 1.0);
    /// let params = MlpParams::regressor().train(TrainParams::default().epochs(5).log_every(0));
    /// let model = params.fit(x.view(), y.view())?;
    /// assert_eq!(model.predict(x.view())?.len(), 64);
    /// assert_eq!(model.n_params(), 2 * 128 + 128 + 128 * 64 + 64 + 64 * 32 + 32 + 33);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// Parameter errors from [`check`](Self::check); [`Error::InvalidInput`]
    /// for no rows, a length mismatch, NaN/infinite values or (sigmoid) labels
    /// other than 0/1; [`Error::NotConverged`] when the loss diverges.
    pub fn fit(&self, x: ArrayView2<f64>, y: ArrayView1<f64>) -> Result<MlpModel> {
        self.check()?;
        check_data(x, y, self.output)?;
        let data = TensorData::new(to_tensor(x)?, to_vector(y)?)?;
        let varmap = VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &cpu());
        let mut layers = Vec::with_capacity(self.hidden.len() + 1);
        let mut width = x.ncols();
        for (i, &units) in self.hidden.iter().chain(std::iter::once(&1)).enumerate() {
            layers.push(linear(width, units, vb.pp(format!("layer{i}"))).map_err(candle_err)?);
            width = units;
        }
        init_seeded(&varmap, self.train.seed)?;
        let mlp = Mlp {
            layers,
            dropout: self.dropout.clone(),
            varmap,
        };
        let history = train::fit(&mlp, &data, self.loss(), &self.train)?;
        Ok(MlpModel {
            mlp,
            output: self.output,
            n_features: x.ncols(),
            history,
        })
    }
}

fn check_data(x: ArrayView2<f64>, y: ArrayView1<f64>, output: Output) -> Result<()> {
    if x.nrows() == 0 || x.ncols() == 0 {
        return Err(Error::input("MLP training", "no rows or no features"));
    }
    if x.nrows() != y.len() {
        return Err(Error::input(
            "MLP training",
            format!("{} rows but {} targets", x.nrows(), y.len()),
        ));
    }
    if x.iter().chain(y.iter()).any(|v| !v.is_finite()) {
        return Err(Error::input("MLP training", "data contain NaN or infinity"));
    }
    if output == Output::Sigmoid && y.iter().any(|&v| v != 0.0 && v != 1.0) {
        return Err(Error::input(
            "MLP training",
            "sigmoid targets must be 0 or 1",
        ));
    }
    Ok(())
}

fn to_tensor(x: ArrayView2<f64>) -> Result<Tensor> {
    let values: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    Tensor::from_vec(values, (x.nrows(), x.ncols()), &cpu()).map_err(candle_err)
}

fn to_vector(y: ArrayView1<f64>) -> Result<Tensor> {
    let values: Vec<f32> = y.iter().map(|&v| v as f32).collect();
    Tensor::from_vec(values, y.len(), &cpu()).map_err(candle_err)
}

/// The network: dense ReLU layers with seeded dropout, then one output unit.
pub struct Mlp {
    layers: Vec<Linear>,
    dropout: Vec<f64>,
    varmap: VarMap,
}

impl std::fmt::Debug for Mlp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mlp")
            .field("layers", &self.layers.len())
            .field("dropout", &self.dropout)
            .finish()
    }
}

impl Network for Mlp {
    fn forward(
        &self,
        xs: &Tensor,
        mut dropout: Option<&mut SeededDropout>,
    ) -> candle_core::Result<Tensor> {
        let mut h = xs.clone();
        let last = self.layers.len() - 1;
        for (i, layer) in self.layers.iter().enumerate() {
            h = layer.forward(&h)?;
            if i < last {
                h = h.relu()?;
                if let (Some(d), Some(&p)) = (dropout.as_deref_mut(), self.dropout.get(i)) {
                    h = d.apply(&h, p)?;
                }
            }
        }
        Ok(h)
    }

    fn varmap(&self) -> &VarMap {
        &self.varmap
    }
}

/// A trained MLP with its training history.
#[derive(Debug)]
pub struct MlpModel {
    mlp: Mlp,
    output: Output,
    n_features: usize,
    history: History,
}

impl MlpModel {
    /// Loss per epoch, best epoch, time.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Number of trainable parameters (Keras' `model.summary()` total).
    pub fn n_params(&self) -> usize {
        self.mlp
            .varmap
            .all_vars()
            .iter()
            .map(|v| v.elem_count())
            .sum()
    }

    /// Predicted value (linear output) or probability of class 1 (sigmoid
    /// output) per row.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has another number of columns than
    /// the training data, or holds NaN.
    pub fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        if x.ncols() != self.n_features {
            return Err(Error::input(
                "MLP prediction",
                format!(
                    "{} columns, the model was fitted on {}",
                    x.ncols(),
                    self.n_features
                ),
            ));
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "MLP prediction",
                "data contain NaN or infinity",
            ));
        }
        let out = train::predict_raw(&self.mlp, &to_tensor(x)?, 1024)?;
        let out = match self.output {
            Output::Linear => out,
            Output::Sigmoid => candle_nn::ops::sigmoid(&out).map_err(candle_err)?,
        };
        let values = out
            .to_dtype(DType::F64)
            .and_then(|o| o.to_vec1::<f64>())
            .map_err(candle_err)?;
        Ok(Array1::from(values))
    }
}

impl Regressor for MlpModel {
    fn name(&self) -> String {
        "ANN (MLP)".into()
    }

    fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        MlpModel::predict(self, x)
    }
}

impl BinaryClassifier for MlpModel {
    fn name(&self) -> String {
        "ANN classifier (MLP)".into()
    }

    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        MlpModel::predict(self, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    fn toy() -> (Array2<f64>, Array1<f64>) {
        let x = Array2::from_shape_fn((200, 3), |(i, j)| ((i * 7 + j * 13) % 17) as f64 / 17.0);
        let y = x
            .rows()
            .into_iter()
            .map(|r| 2.0 * r[0] - r[1] + 0.5)
            .collect();
        (x, y)
    }

    fn quick() -> TrainParams {
        TrainParams::default().epochs(30).log_every(0)
    }

    #[test]
    fn regressor_learns_a_linear_function() {
        let (x, y) = toy();
        let m = MlpParams::regressor()
            .train(quick())
            .fit(x.view(), y.view())
            .unwrap();
        let pred = m.predict(x.view()).unwrap();
        let r2 = crate::ml::metrics::r2(y.view(), pred.view()).unwrap();
        assert!(r2 > 0.9, "r2 {r2}");
    }

    #[test]
    fn same_seed_same_numbers() {
        let (x, y) = toy();
        let p = MlpParams::regressor().train(quick().epochs(5));
        let a = p
            .fit(x.view(), y.view())
            .unwrap()
            .predict(x.view())
            .unwrap();
        let b = p
            .fit(x.view(), y.view())
            .unwrap()
            .predict(x.view())
            .unwrap();
        assert_eq!(a, b);
        let c = MlpParams::regressor()
            .train(quick().epochs(5).seed(7))
            .fit(x.view(), y.view())
            .unwrap()
            .predict(x.view())
            .unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn classifier_outputs_probabilities_and_stops_early() {
        let (x, _) = toy();
        let y: Array1<f64> = x.column(0).mapv(|v| if v > 0.5 { 1.0 } else { 0.0 });
        let m = MlpParams::classifier()
            .train(quick().epochs(200).patience(Some(3)))
            .fit(x.view(), y.view())
            .unwrap();
        let p = m.predict(x.view()).unwrap();
        assert!(p.iter().all(|v| (0.0..=1.0).contains(v)));
        let acc = p
            .iter()
            .zip(y.iter())
            .filter(|(p, y)| (**p > 0.5) == (**y == 1.0))
            .count() as f64
            / 200.0;
        assert!(acc > 0.85, "accuracy {acc}");
        assert!(m.history().epochs_run() <= 200);
    }

    #[test]
    fn bad_parameters_and_data_are_errors() {
        let (x, y) = toy();
        let bad = [
            MlpParams {
                hidden: vec![],
                dropout: vec![],
                ..MlpParams::regressor()
            },
            MlpParams {
                dropout: vec![0.3],
                ..MlpParams::regressor()
            },
            MlpParams {
                dropout: vec![1.0, 0.0, 0.0],
                ..MlpParams::regressor()
            },
            MlpParams::regressor().class_weights([1.0, 2.0]),
            MlpParams::regressor().train(TrainParams::default().epochs(0)),
            MlpParams::regressor().train(TrainParams::default().validation_fraction(1.0)),
            MlpParams::regressor().train(TrainParams::default().patience(Some(0))),
        ];
        for p in bad {
            assert!(matches!(
                p.fit(x.view(), y.view()),
                Err(Error::InvalidParameter { .. })
            ));
        }
        let mut nan = x.clone();
        nan[[3, 1]] = f64::NAN;
        let quick = MlpParams::regressor().train(quick().epochs(1));
        assert!(matches!(
            quick.fit(nan.view(), y.view()),
            Err(Error::InvalidInput { .. })
        ));
        let empty = Array2::<f64>::zeros((0, 3));
        assert!(matches!(
            quick.fit(empty.view(), Array1::zeros(0).view()),
            Err(Error::InvalidInput { .. })
        ));
        let m = quick.fit(x.view(), y.view()).unwrap();
        assert!(matches!(
            m.predict(nan.view()),
            Err(Error::InvalidInput { .. })
        ));
        let not_binary = MlpParams::classifier().train(TrainParams::default().epochs(1));
        assert!(matches!(
            not_binary.fit(x.view(), y.view()),
            Err(Error::InvalidInput { .. })
        ));
    }
}
