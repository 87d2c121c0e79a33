//! Standardisation to zero mean and unit variance (population variance, ddof 0,
//! as scikit-learn's `StandardScaler`), fitted on one matrix and applied to others.
//!
//! Written on ndarray directly: linfa-preprocessing is not among the crate's
//! dependencies (adding it for 30 lines would pull sprs and more), and
//! smartcore's scaler works on its own matrix type, which would need a copy of
//! the 216k-row inputs.

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::error::{Error, Result};

/// Column means and standard deviations learnt by [`StandardScaler::fit`].
#[derive(Debug, Clone, PartialEq)]
pub struct StandardScaler {
    mean: Array1<f64>,
    scale: Array1<f64>,
}

impl StandardScaler {
    /// Learns column means and ddof-0 standard deviations; a constant column
    /// gets scale 1 (so it maps to 0), as sklearn.
    ///
    /// ```
    /// use amazon_sales::models::scale::StandardScaler;
    /// use ndarray::array;
    /// let x = array![[1.0, 5.0], [3.0, 5.0]];
    /// let z = StandardScaler::fit(x.view())?.transform(x.view())?;
    /// assert_eq!(z, array![[-1.0, 0.0], [1.0, 0.0]]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has no rows or holds NaN/infinity.
    pub fn fit(x: ArrayView2<f64>) -> Result<Self> {
        if x.nrows() == 0 {
            return Err(Error::input("StandardScaler", "no rows to fit on"));
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "StandardScaler",
                "data contain NaN or infinity",
            ));
        }
        let mean = x
            .mean_axis(Axis(0))
            .unwrap_or_else(|| Array1::zeros(x.ncols()));
        let scale = x
            .std_axis(Axis(0), 0.0)
            .mapv(|s| if s > f64::EPSILON * 10.0 { s } else { 1.0 });
        Ok(Self { mean, scale })
    }

    /// Applies (x − mean) / scale.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has a different number of columns.
    pub fn transform(&self, x: ArrayView2<f64>) -> Result<Array2<f64>> {
        if x.ncols() != self.mean.len() {
            return Err(Error::input(
                "StandardScaler",
                format!("fitted on {} columns, got {}", self.mean.len(), x.ncols()),
            ));
        }
        Ok((&x - &self.mean) / &self.scale)
    }

    /// Fits on `x` and transforms it.
    ///
    /// # Errors
    /// As [`fit`](Self::fit).
    pub fn fit_transform(x: ArrayView2<f64>) -> Result<(Self, Array2<f64>)> {
        let s = Self::fit(x)?;
        let z = s.transform(x)?;
        Ok((s, z))
    }

    /// Column means.
    pub fn mean(&self) -> &Array1<f64> {
        &self.mean
    }

    /// Column scales (standard deviations, 1 for constant columns).
    pub fn scale(&self) -> &Array1<f64> {
        &self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn matches_sklearn() {
        // sklearn StandardScaler on [[1,2],[3,6],[5,7]]: mean [3, 5], scale [1.63299316, 2.1602469]
        let x = array![[1.0, 2.0], [3.0, 6.0], [5.0, 7.0]];
        let (s, z) = StandardScaler::fit_transform(x.view()).unwrap();
        assert!((s.scale()[0] - 1.632993161855452).abs() < 1e-12);
        assert!((s.scale()[1] - 2.160246899469287).abs() < 1e-12);
        assert!((z[[0, 1]] + 1.3887301496588271).abs() < 1e-12);
        let bad = array![[1.0]];
        assert!(s.transform(bad.view()).is_err());
        assert!(StandardScaler::fit(Array2::<f64>::zeros((0, 2)).view()).is_err());
    }
}
