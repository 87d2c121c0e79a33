//! Neural networks with candle (candle-core + candle-nn, CPU only).
//!
//! * [`train`]: the generic parts, reusable by any network (the MLPs here and
//!   the review-sentiment CNN): seeded initialisation and dropout, Adam with
//!   mini-batches, Keras-style validation split, early stopping with the best
//!   weights restored, loss history and its chart, progress lines on stdout.
//! * [`mlp`]: the product notebook's ANN regressor and classifier.
//! * [`cnn`]: the review-sentiment CNN (P-X11).
//!
//! Speed: candle 0.11 looks up its thread count on every matrix product and,
//! unless `RAYON_NUM_THREADS` is set, re-reads `/proc/cpuinfo` each time
//! (measured: ~40 % of the ANN's training time). With glibc, freed tensors of
//! a few MiB go back to the kernel and are page-faulted in again (~35 % of a
//! CNN epoch). The project's scripts set `RAYON_NUM_THREADS` and glibc's
//! `MALLOC_MMAP_THRESHOLD_` / `MALLOC_TRIM_THRESHOLD_` (`scripts/env.sh`); set
//! them yourself when using the crate elsewhere.

pub mod adam;
pub mod cnn;
pub mod mlp;
pub mod train;

pub use cnn::{TextCnn, TextCnnParams};
pub use mlp::{Mlp, MlpModel, MlpParams, Output};
pub use train::{
    fit, fit_with_validation, init_seeded, predict_raw, EpochLoss, History, Loss, Network,
    SeededDropout, TensorData, TrainParams,
};
