//! The sales-report models (notebook sections 4–7) on the cleaned frame of
//! [`crate::data::sales`]: the original pipeline reproduced step by step and
//! an honest variant beside it.
//!
//! * [`inputs`]: §4 targets, the original filter, label codes and dummies,
//!   SMOTE, scaling and splits; the honest feature matrix.
//! * [`cancellation`]: §5 classifiers of the Cancelled flag.
//! * [`amount`]: §6 regressions of Amount.
//! * [`segments`]: §7 K-Means order segments.

pub mod amount;
pub mod cancellation;
pub mod inputs;
pub mod segments;
