//! Models, one file (or folder) per family: sampling and splits, encoding,
//! scaling, classifiers, regressors, clustering and time series.

pub mod balance;
pub mod classify;
pub mod cluster;
pub mod encode;
pub mod forecast;
pub mod hierarchical;
pub mod neural;
pub mod product_segments;
pub mod product_summary;
pub mod products;
pub mod regress;
pub mod robust_scale;
pub mod rules;
pub mod sales;
pub mod sample;
pub mod scale;
pub mod sentiment;
pub mod smote;
pub mod text;
pub mod tree;
pub mod vocab;
