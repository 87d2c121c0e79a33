//! Models, one file (or folder) per family: sampling and splits, encoding,
//! scaling, classifiers, regressors and clustering.

pub mod cluster;
