//! [`RobustScaler`]: centre on the median and divide by the interquartile
//! range (scikit-learn's `RobustScaler` defaults, quantiles interpolated
//! linearly). `scale::StandardScaler` covers mean/std scaling; this one is
//! for skewed columns where a few extreme rows would dominate the std.

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::error::{Error, Result};
use crate::stats::quantile;

/// Per-column median and IQR.
///
/// ```
/// use amazon_sales::models::robust_scale::RobustScaler;
/// use ndarray::array;
/// let x = array![[1.0], [2.0], [3.0], [4.0], [100.0]];
/// let (_, z) = RobustScaler::fit_transform(x.view())?;
/// assert_eq!(z[[2, 0]], 0.0); // the median
/// assert_eq!(z[[3, 0]], 0.5); // IQR = 4 − 2
/// # Ok::<(), amazon_sales::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RobustScaler {
    median: Array1<f64>,
    iqr: Array1<f64>,
}

impl RobustScaler {
    /// Fits the medians and IQRs; a column with IQR 0 is only centred (scale 1, as scikit-learn).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for no rows or a NaN value.
    pub fn fit(x: ArrayView2<f64>) -> Result<Self> {
        if x.nrows() == 0 {
            return Err(Error::input("robust scaler", "no rows"));
        }
        let mut median = Vec::with_capacity(x.ncols());
        let mut iqr = Vec::with_capacity(x.ncols());
        for column in x.axis_iter(Axis(1)) {
            let mut v = column.to_vec();
            let q1 = quantile(&mut v, 0.25)?;
            let q2 = quantile(&mut v, 0.5)?;
            let q3 = quantile(&mut v, 0.75)?;
            median.push(q2);
            iqr.push(if q3 - q1 > 0.0 { q3 - q1 } else { 1.0 });
        }
        Ok(RobustScaler {
            median: Array1::from(median),
            iqr: Array1::from(iqr),
        })
    }

    /// (x − median) / IQR, column by column.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the column count differs from the fit.
    pub fn transform(&self, x: ArrayView2<f64>) -> Result<Array2<f64>> {
        if x.ncols() != self.median.len() {
            return Err(Error::input(
                "robust scaler",
                format!("fitted on {} columns, got {}", self.median.len(), x.ncols()),
            ));
        }
        Ok((&x - &self.median) / &self.iqr)
    }

    /// Fits and transforms the same matrix.
    ///
    /// # Errors
    /// As [`RobustScaler::fit`].
    pub fn fit_transform(x: ArrayView2<f64>) -> Result<(Self, Array2<f64>)> {
        let s = Self::fit(x)?;
        let z = s.transform(x)?;
        Ok((s, z))
    }

    /// Column medians.
    pub fn median(&self) -> &Array1<f64> {
        &self.median
    }

    /// Column interquartile ranges (1 where the IQR is 0).
    pub fn iqr(&self) -> &Array1<f64> {
        &self.iqr
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn matches_scikit_learn() {
        // sklearn RobustScaler().fit([[1,10],[2,10],[4,10],[8,10]]): center [3, 10], scale [3.25, 1].
        let x = array![[1.0, 10.0], [2.0, 10.0], [4.0, 10.0], [8.0, 10.0]];
        let s = RobustScaler::fit(x.view()).unwrap();
        assert_eq!(s.median().to_vec(), vec![3.0, 10.0]);
        assert_eq!(s.iqr().to_vec(), vec![3.25, 1.0]);
        assert!(s.transform(array![[1.0]].view()).is_err());
        assert!(RobustScaler::fit(Array2::<f64>::zeros((0, 2)).view()).is_err());
    }
}
