//! The review-sentiment CNN (P-X11): Embedding → Conv1d + ReLU → global
//! max-pool → Dropout → Dense + ReLU → one logit (the sigmoid is in the loss
//! and in [`TextCnn::predict_proba`]). Trained with the generic loop of
//! [`super::train`] (Adam, mini-batches, early stopping on validation).
//!
//! The convolution (valid padding, stride 1, like Keras' `Conv1D`) is
//! written as window unfolding + one dense layer: the token ids of every
//! window are embedded in one gather to (n, L − k + 1, k·E) and multiplied
//! by a (k·E → filters) weight. candle-nn 0.11.1's `Conv1d` was tried
//! first: with it the training loss never went below the class prior (0.55
//! unweighted, 0.69 weighted) on the review data, while the unfolded form,
//! which only uses gather / matmul, trains with the same initialisation.

use candle_core::{DType, Tensor};
use candle_nn::{embedding, linear, Embedding, Linear, Module, VarBuilder, VarMap};
use ndarray::Array2;

use super::train::{
    self, candle_err, cpu, init_seeded, History, Loss, Network, SeededDropout, TensorData,
    TrainParams,
};
use crate::error::{Error, Result};

/// Shape of the network and its training settings.
///
/// ```
/// use amazon_sales::ml::neural::TextCnnParams;
/// assert!(TextCnnParams::new(10_000, 300).check().is_ok());
/// assert!(TextCnnParams::new(10_000, 3).check().is_err()); // kernel 5 > sequence 3
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TextCnnParams {
    /// Number of token ids (embedding rows).
    pub vocab_size: usize,
    /// Tokens per document (after padding).
    pub seq_len: usize,
    /// Embedding width.
    pub embedding_dim: usize,
    /// Convolution filters.
    pub filters: usize,
    /// Convolution window, in tokens.
    pub kernel: usize,
    /// Units of the dense layer.
    pub dense: usize,
    /// Dropout rate after the pooling.
    pub dropout: f64,
    /// Optimiser, batches, epochs, early stopping, seed.
    pub train: TrainParams,
}

impl TextCnnParams {
    /// The reconstruction's network: embedding 100, 128 filters of width 5,
    /// dense 64, dropout 0.5; Adam 1e-3, batch 32, ≤ 20 epochs, patience 3.
    pub fn new(vocab_size: usize, seq_len: usize) -> Self {
        TextCnnParams {
            vocab_size,
            seq_len,
            embedding_dim: 100,
            filters: 128,
            kernel: 5,
            dense: 64,
            dropout: 0.5,
            train: TrainParams::default()
                .epochs(20)
                .batch_size(32)
                .learning_rate(1e-3)
                .patience(Some(3))
                .restore_best(true)
                .log_every(1),
        }
    }

    /// Validates the sizes, the dropout rate and the training settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a zero size, a kernel longer than the
    /// sequence, a dropout outside [0, 1), or bad training settings.
    pub fn check(&self) -> Result<()> {
        for (name, v) in [
            ("vocab_size", self.vocab_size),
            ("seq_len", self.seq_len),
            ("embedding_dim", self.embedding_dim),
            ("filters", self.filters),
            ("kernel", self.kernel),
            ("dense", self.dense),
        ] {
            if v == 0 {
                return Err(Error::param(name, "must be at least 1"));
            }
        }
        if self.kernel > self.seq_len {
            return Err(Error::param(
                "kernel",
                format!(
                    "window {} is longer than the sequence {}",
                    self.kernel, self.seq_len
                ),
            ));
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return Err(Error::param(
                "dropout",
                format!("must be in [0, 1), got {}", self.dropout),
            ));
        }
        self.train.check()
    }

    /// A network with seeded initial weights.
    ///
    /// # Errors
    /// As [`TextCnnParams::check`]; [`Error::Model`] for candle errors.
    pub fn build(&self) -> Result<TextCnn> {
        self.check()?;
        let varmap = VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &cpu());
        let embedding = embedding(self.vocab_size, self.embedding_dim, vb.pp("embedding"))
            .map_err(candle_err)?;
        let conv = linear(
            self.kernel * self.embedding_dim,
            self.filters,
            vb.pp("conv"),
        )
        .map_err(candle_err)?;
        let dense = linear(self.filters, self.dense, vb.pp("dense")).map_err(candle_err)?;
        let output = linear(self.dense, 1, vb.pp("output")).map_err(candle_err)?;
        init_seeded(&varmap, self.train.seed)?;
        Ok(TextCnn {
            params: self.clone(),
            embedding,
            conv,
            dense,
            output,
            varmap,
        })
    }
}

/// The network (see the module docs).
pub struct TextCnn {
    params: TextCnnParams,
    embedding: Embedding,
    conv: Linear,
    dense: Linear,
    output: Linear,
    varmap: VarMap,
}

impl std::fmt::Debug for TextCnn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextCnn")
            .field("params", &self.params)
            .finish()
    }
}

impl Network for TextCnn {
    fn forward(
        &self,
        xs: &Tensor,
        dropout: Option<&mut SeededDropout>,
    ) -> candle_core::Result<Tensor> {
        // (n, L) ids → window ids (n, L − k + 1, k) → embedded windows (n, L − k + 1, k·E)
        // → (n, L − k + 1, F) → max over positions. Looking up the windows' ids directly is
        // one gather, where concatenating shifted views of the embedded text took k
        // strided copies forward and k zero-padded gradients backward.
        let (n, length) = xs.dims2()?;
        let k = self.params.kernel;
        let positions = length + 1 - k;
        let ids: Vec<u32> = xs.flatten_all()?.to_dtype(DType::U32)?.to_vec1()?;
        let window_ids: Vec<u32> = (0..n)
            .flat_map(|doc| {
                let row = &ids[doc * length..(doc + 1) * length];
                (0..positions).flat_map(move |p| row[p..p + k].iter().copied())
            })
            .collect();
        let window_ids = Tensor::from_vec(window_ids, (n, positions * k), xs.device())?;
        let h = self.embedding.forward(&window_ids)?.reshape((
            n,
            positions,
            k * self.params.embedding_dim,
        ))?;
        let h = self.conv.forward(&h)?.relu()?.max(1)?;
        let h = match dropout {
            Some(d) => d.apply(&h, self.params.dropout)?,
            None => h,
        };
        self.output.forward(&self.dense.forward(&h)?.relu()?)
    }

    fn varmap(&self) -> &VarMap {
        &self.varmap
    }
}

impl TextCnn {
    /// Number of trainable weights.
    pub fn n_parameters(&self) -> usize {
        self.varmap.all_vars().iter().map(|v| v.elem_count()).sum()
    }

    /// Trains on `x` (token ids, one row per document) against 0/1 targets,
    /// with `val` for early stopping; prints one line per epoch.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for mismatched or empty inputs, ids outside the
    /// vocabulary or a sequence length other than the network's;
    /// [`Error::NotConverged`] / [`Error::Model`] from training.
    pub fn fit(
        &self,
        x: &Array2<u32>,
        y: &[usize],
        val: Option<(&Array2<u32>, &[usize])>,
        loss: Loss,
    ) -> Result<History> {
        let train_data = self.tensor_data(x, y)?;
        let val_data = val.map(|(vx, vy)| self.tensor_data(vx, vy)).transpose()?;
        train::fit_with_validation(
            self,
            &train_data,
            val_data.as_ref(),
            loss,
            &self.params.train,
        )
    }

    /// Probability of class 1 for every row of `x`.
    ///
    /// # Errors
    /// As [`TextCnn::fit`] for bad ids; [`Error::Model`] for candle errors.
    pub fn predict_proba(&self, x: &Array2<u32>) -> Result<Vec<f64>> {
        let logits = train::predict_raw(self, &self.ids(x)?, 256)?;
        let p = candle_nn::ops::sigmoid(&logits)
            .and_then(|p| p.to_dtype(DType::F64))
            .and_then(|p| p.to_vec1::<f64>())
            .map_err(candle_err)?;
        Ok(p)
    }

    fn ids(&self, x: &Array2<u32>) -> Result<Tensor> {
        if x.ncols() != self.params.seq_len {
            return Err(Error::input(
                "text CNN",
                format!(
                    "rows hold {} ids, the network expects {}",
                    x.ncols(),
                    self.params.seq_len
                ),
            ));
        }
        if x.iter().any(|&id| id as usize >= self.params.vocab_size) {
            return Err(Error::input(
                "text CNN",
                "a token id is outside the vocabulary",
            ));
        }
        let flat: Vec<u32> = x.iter().copied().collect();
        Tensor::from_vec(flat, (x.nrows(), x.ncols()), &cpu()).map_err(candle_err)
    }

    fn tensor_data(&self, x: &Array2<u32>, y: &[usize]) -> Result<TensorData> {
        let targets: Vec<f32> = y.iter().map(|&c| c as f32).collect();
        let y = Tensor::from_vec(targets, y.len(), &cpu()).map_err(candle_err)?;
        TensorData::new(self.ids(x)?, y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(vocab: usize, seq: usize) -> TextCnnParams {
        let mut p = TextCnnParams::new(vocab, seq);
        p.embedding_dim = 8;
        p.filters = 8;
        p.kernel = 3;
        p.dense = 8;
        p.train = p
            .train
            .epochs(30)
            .batch_size(8)
            .learning_rate(1e-2)
            .patience(None)
            .log_every(100);
        p
    }

    #[test]
    fn learns_a_keyword_and_is_deterministic() {
        // Documents of ids; class 1 exactly when token 5 appears.
        let rows: Vec<[u32; 6]> = (0..64)
            .map(|i| {
                let mut r = [2, 3, 4, (i % 3) as u32 + 2, 0, 0];
                if i % 4 == 0 {
                    r[(i % 5) as usize] = 5;
                }
                r
            })
            .collect();
        let x = Array2::from_shape_vec((64, 6), rows.concat()).unwrap();
        let y: Vec<usize> = rows.iter().map(|r| usize::from(r.contains(&5))).collect();
        let params = small(6, 6);
        let run = || {
            let net = params.build().unwrap();
            net.fit(&x, &y, None, Loss::BinaryCrossEntropy).unwrap();
            net.predict_proba(&x).unwrap()
        };
        let p = run();
        let correct = p
            .iter()
            .zip(&y)
            .filter(|(p, &y)| (**p > 0.5) == (y == 1))
            .count();
        assert!(correct >= 60, "{correct} of 64");
        assert_eq!(p, run());
    }

    #[test]
    fn bad_parameters_and_inputs_are_typed_errors() {
        let mut p = small(6, 6);
        p.dropout = 1.0;
        assert!(matches!(
            p.build(),
            Err(Error::InvalidParameter {
                name: "dropout",
                ..
            })
        ));
        let p = small(0, 6);
        assert!(matches!(
            p.build(),
            Err(Error::InvalidParameter {
                name: "vocab_size",
                ..
            })
        ));
        let net = small(6, 6).build().unwrap();
        let wrong_len = Array2::<u32>::zeros((2, 5));
        assert!(matches!(
            net.predict_proba(&wrong_len),
            Err(Error::InvalidInput { .. })
        ));
        let bad_id = Array2::<u32>::from_elem((2, 6), 9);
        assert!(matches!(
            net.predict_proba(&bad_id),
            Err(Error::InvalidInput { .. })
        ));
        assert!(net
            .fit(&Array2::zeros((0, 6)), &[], None, Loss::BinaryCrossEntropy)
            .is_err());
    }
}
