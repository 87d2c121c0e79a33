//! The generic machine-learning layer: estimators, metrics and transforms
//! that know nothing about the two data sets (arrays and slices in, typed
//! results out). The study folders (`src/sales/`, `src/products/`)
//! build their inputs from frames and call into this layer; nothing here
//! imports them (`tests/layering.rs` checks it).
//!
//! * [`metrics`]: classification and regression scores with baselines.
//! * [`split`], [`sklearn_split`], [`balance`], [`smote`]: train/test splits
//!   (scikit-learn's exact seeded splits among them) and class imbalance.
//! * [`encode`], [`scale`], [`text`], [`vocab`]: preprocessing; [`linalg`]: least squares.
//! * [`classify`], [`regress`], [`tree`], [`cluster`], [`neural`]: estimators.
//! * [`forecast`]: unit-root tests, decomposition, SARIMA and its forecast.
//! * [`rules`]: Apriori and association rules.

pub mod balance;
pub mod classify;
pub mod cluster;
pub mod encode;
pub mod forecast;
pub mod linalg;
pub mod metrics;
pub mod neural;
pub mod regress;
pub mod rules;
pub mod scale;
pub mod sklearn_split;
pub mod smote;
pub mod split;
pub mod text;
pub mod tree;
pub mod vocab;
