//! Notebook 01, the sales report (`Amazon Sale Report.csv`), one module per
//! notebook section in notebook order:
//!
//! * [`load`] and [`states`]: typed loading and the original's cleaning
//!   rules (§1–2), state names normalised as an extra step;
//! * [`eda`]: §3 exploratory summaries;
//! * [`inputs`]: §4 model inputs (targets, filter, encodings, SMOTE, splits);
//! * [`cancellation`]: §5 classifiers of the Cancelled flag;
//! * [`amount`]: §6 regressions of Amount;
//! * [`segments`]: §7 K-Means order segments; [`customers`]: postal codes as
//!   a proxy for the customers the data does not identify;
//! * [`revenue`]: §8 the daily revenue series the forecast models;
//! * [`promotions`]: §9 promotions against cancellation;
//! * [`baskets`]: §11 market-basket transactions of multi-line orders;
//! * [`summary`]: the closing table (original claim, rerun, honest);
//! * [`scale`]: the same cleaning and aggregation on N× synthetic data,
//!   streamed in bounded memory.
//!
//! The original pipeline is reproduced step by step, with an honest variant
//! beside it.

pub mod amount;
pub mod baskets;
pub mod cancellation;
pub mod customers;
pub mod eda;
pub mod inputs;
pub mod load;
pub mod promotions;
pub mod revenue;
pub mod scale;
pub mod scale_summary;
pub mod segments;
pub mod states;
pub mod summary;

pub use load::*;
