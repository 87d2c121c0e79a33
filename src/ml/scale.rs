//! [`Scaler`]: one feature scaler with a [`ScaleMethod`], fitted on one
//! matrix and applied to others (linfa-preprocessing's `LinearScaler` shape:
//! one type, the method an enum).
//!
//! * [`ScaleMethod::Standard`]: zero mean and unit variance (population
//!   variance, ddof 0), as scikit-learn's `StandardScaler`.
//! * [`ScaleMethod::Robust`]: centre on the median and divide by the
//!   interquartile range (quantiles interpolated linearly), as
//!   scikit-learn's `RobustScaler`, for skewed columns where a few extreme
//!   rows would dominate the standard deviation.
//!
//! A column whose spread is zero gets scale 1 (it is only centred), as
//! scikit-learn does. Crates checked: linfa-preprocessing 0.8's
//! `LinearScaler` has standard, min-max and max-abs methods but no robust
//! one, and works on linfa `Dataset`s (the crate uses linfa-preprocessing for
//! TF-IDF in [`crate::ml::text`]); smartcore's scalers work on its own matrix
//! type. Both methods are a few lines on ndarray, so they are written here.

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::error::{Error, Result};
use crate::stats::quantile;

/// How [`Scaler`] centres and scales each column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleMethod {
    /// (x − mean) / std, std with ddof 0.
    Standard,
    /// (x − median) / IQR.
    Robust,
}

impl ScaleMethod {
    /// A short description for tables: `standard (mean, std)`, `robust (median, IQR)`.
    pub fn describe(self) -> &'static str {
        match self {
            ScaleMethod::Standard => "standard (mean, std)",
            ScaleMethod::Robust => "robust (median, IQR)",
        }
    }
}

/// Per-column centre and scale learnt by [`Scaler::fit`].
///
/// ```
/// use amazon_sales::ml::scale::{ScaleMethod, Scaler};
/// use ndarray::array;
/// let x = array![[1.0, 5.0], [3.0, 5.0]];
/// let z = Scaler::fit(ScaleMethod::Standard, x.view())?.transform(x.view())?;
/// assert_eq!(z, array![[-1.0, 0.0], [1.0, 0.0]]);
///
/// let skewed = array![[1.0], [2.0], [3.0], [4.0], [100.0]];
/// let (_, r) = Scaler::fit_transform(ScaleMethod::Robust, skewed.view())?;
/// assert_eq!((r[[2, 0]], r[[3, 0]]), (0.0, 0.5)); // the median; IQR = 4 − 2
/// # Ok::<(), amazon_sales::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Scaler {
    method: ScaleMethod,
    center: Array1<f64>,
    scale: Array1<f64>,
}

impl Scaler {
    /// Learns each column's centre and scale with `method`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has no rows or holds NaN/infinity.
    pub fn fit(method: ScaleMethod, x: ArrayView2<f64>) -> Result<Self> {
        if x.nrows() == 0 {
            return Err(Error::input("scaler", "no rows to fit on"));
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input("scaler", "data contain NaN or infinity"));
        }
        let (center, spread) = match method {
            ScaleMethod::Standard => (
                x.mean_axis(Axis(0))
                    .unwrap_or_else(|| Array1::zeros(x.ncols())),
                x.std_axis(Axis(0), 0.0),
            ),
            ScaleMethod::Robust => {
                let mut median = Vec::with_capacity(x.ncols());
                let mut iqr = Vec::with_capacity(x.ncols());
                for column in x.axis_iter(Axis(1)) {
                    let mut v = column.to_vec();
                    let q1 = quantile(&mut v, 0.25)?;
                    median.push(quantile(&mut v, 0.5)?);
                    iqr.push(quantile(&mut v, 0.75)? - q1);
                }
                (Array1::from(median), Array1::from(iqr))
            }
        };
        let scale = spread.mapv(|s| if s > f64::EPSILON * 10.0 { s } else { 1.0 });
        Ok(Self {
            method,
            center,
            scale,
        })
    }

    /// Applies (x − centre) / scale.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `x` has a different number of columns.
    pub fn transform(&self, x: ArrayView2<f64>) -> Result<Array2<f64>> {
        if x.ncols() != self.center.len() {
            return Err(Error::input(
                "scaler",
                format!("fitted on {} columns, got {}", self.center.len(), x.ncols()),
            ));
        }
        Ok((&x - &self.center) / &self.scale)
    }

    /// Fits on `x` and transforms it.
    ///
    /// # Errors
    /// As [`fit`](Self::fit).
    pub fn fit_transform(method: ScaleMethod, x: ArrayView2<f64>) -> Result<(Self, Array2<f64>)> {
        let s = Self::fit(method, x)?;
        let z = s.transform(x)?;
        Ok((s, z))
    }

    /// The method this scaler was fitted with.
    pub fn method(&self) -> ScaleMethod {
        self.method
    }

    /// Column centres (means or medians).
    pub fn center(&self) -> &Array1<f64> {
        &self.center
    }

    /// Column scales (standard deviations or IQRs; 1 where the spread is 0).
    pub fn scale(&self) -> &Array1<f64> {
        &self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn standard_matches_sklearn() {
        // sklearn StandardScaler on [[1,2],[3,6],[5,7]]: mean [3, 5], scale [1.63299316, 2.1602469]
        let x = array![[1.0, 2.0], [3.0, 6.0], [5.0, 7.0]];
        let (s, z) = Scaler::fit_transform(ScaleMethod::Standard, x.view()).unwrap();
        assert_eq!(s.center().to_vec(), vec![3.0, 5.0]);
        assert!((s.scale()[0] - 1.632993161855452).abs() < 1e-12);
        assert!((s.scale()[1] - 2.160246899469287).abs() < 1e-12);
        assert!((z[[0, 1]] + 1.3887301496588271).abs() < 1e-12);
        assert!(s.transform(array![[1.0]].view()).is_err());
    }

    #[test]
    fn robust_matches_sklearn() {
        // sklearn RobustScaler().fit([[1,10],[2,10],[4,10],[8,10]]): center [3, 10], scale [3.25, 1].
        let x = array![[1.0, 10.0], [2.0, 10.0], [4.0, 10.0], [8.0, 10.0]];
        let s = Scaler::fit(ScaleMethod::Robust, x.view()).unwrap();
        assert_eq!(s.center().to_vec(), vec![3.0, 10.0]);
        assert_eq!(s.scale().to_vec(), vec![3.25, 1.0]);
        assert_eq!(s.method(), ScaleMethod::Robust);
        assert!(s.transform(array![[1.0]].view()).is_err());
    }

    #[test]
    fn rejects_empty_and_nan() {
        for method in [ScaleMethod::Standard, ScaleMethod::Robust] {
            assert!(Scaler::fit(method, Array2::<f64>::zeros((0, 2)).view()).is_err());
            assert!(Scaler::fit(method, array![[f64::NAN]].view()).is_err());
        }
    }
}
