//! Two-dimensional PCA projection (linfa-reduction) for cluster scatter plots.

use linfa::prelude::{DatasetBase, Fit, Predict};
use linfa_reduction::Pca;
use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::error::{Error, Result};

/// Rows projected on the first two principal components.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// One row per input row: (PC1, PC2).
    pub points: Array2<f64>,
    /// Share of the total variance carried by PC1 and PC2.
    pub explained_variance_ratio: Array1<f64>,
}

/// Projects the rows of `x` on their first two principal components.
///
/// The variance shares are of the total variance of `x` (sklearn's
/// `explained_variance_ratio_`), not of the two kept components.
///
/// ```
/// use ndarray::array;
/// let x = array![[1.0, 2.0, 0.0], [2.0, 4.1, 0.1], [3.0, 6.0, 0.0], [4.0, 8.2, 0.1]];
/// let p = amazon_sales::ml::cluster::pca_2d(x.view())?;
/// assert_eq!(p.points.dim(), (4, 2));
/// assert!(p.explained_variance_ratio[0] > 0.99);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] with fewer than 2 rows or columns or non-finite
/// values; [`Error::Model`] if the decomposition fails.
pub fn pca_2d(x: ArrayView2<f64>) -> Result<Projection> {
    if x.nrows() < 2 || x.ncols() < 2 {
        return Err(Error::input("PCA", "needs at least 2 rows and 2 columns"));
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input("PCA", "data contain NaN or infinity"));
    }
    let pca = Pca::params(2)
        .fit(&DatasetBase::from(x))
        .map_err(|e| Error::model("PCA", e))?;
    let points: Array2<f64> = pca.predict(&x);
    let total: f64 = x.var_axis(Axis(0), 1.0).sum();
    let explained = points.var_axis(Axis(0), 1.0);
    let explained_variance_ratio = if total > 0.0 {
        explained / total
    } else {
        Array1::zeros(2)
    };
    Ok(Projection {
        points,
        explained_variance_ratio,
    })
}
