//! Clustering: K-Means (Lloyd with k-means++ starts, matching
//! linfa-clustering's fits, see [`lloyd`]) with an inertia/silhouette sweep,
//! cluster-quality scores (silhouette, Davies–Bouldin) and a 2-D PCA view
//! (linfa-reduction) for scatter plots.

mod davies_bouldin;
pub mod hierarchical;
mod kmeans;
pub mod lloyd;
mod pca;
mod silhouette;

pub use davies_bouldin::davies_bouldin;
pub use kmeans::{cluster_sizes, KMeansFit, KMeansParams, KSweep, KSweepRow};
pub use pca::{pca_2d, Projection};
pub use silhouette::{silhouette, silhouette_sampled};
