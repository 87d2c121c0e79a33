//! Neural networks with candle (candle-core + candle-nn, CPU only).
//!
//! * [`train`]: the generic parts, reusable by any network (the MLPs here and
//!   the review-sentiment CNN): seeded initialisation and dropout, Adam with
//!   mini-batches, Keras-style validation split, early stopping with the best
//!   weights restored, loss history and its chart, progress lines on stdout.
//! * [`mlp`]: the product notebook's ANN regressor and classifier.
//! * [`cnn`]: the review-sentiment CNN (P-X11).

pub mod cnn;
pub mod mlp;
pub mod train;

pub use cnn::{TextCnn, TextCnnParams};
pub use mlp::{Mlp, MlpModel, MlpParams, Output};
pub use train::{
    fit, fit_with_validation, init_seeded, predict_raw, EpochLoss, History, Loss, Network,
    SeededDropout, TensorData, TrainParams,
};
