//! Small dense linear algebra: least squares (the ADF regressions, the CSS
//! start values of SARIMA, OLS standard errors) and the inverse of a small
//! matrix (parameter covariances), on nalgebra's Householder QR and LU.
//!
//! ndarray 0.16 has no solver without a LAPACK backend (ndarray-linalg);
//! nalgebra, a direct dependency (statrs uses it too), has both decompositions
//! in pure Rust. The systems are tiny (at most ~30 columns), so copying into
//! nalgebra's matrices costs nothing measurable.

use nalgebra::{DMatrix, DVector};
use ndarray::{Array1, Array2};

use crate::error::{Error, Result};

/// Ordinary least squares `y ≈ X β`.
#[derive(Debug, Clone)]
pub struct LeastSquares {
    /// Coefficients β, one per column of X.
    pub coef: Array1<f64>,
    /// Residuals y − Xβ.
    pub residuals: Array1<f64>,
    /// Sum of squared residuals.
    pub ssr: f64,
    /// (X'X)⁻¹, for standard errors (multiply by σ²).
    pub xtx_inv: Array2<f64>,
}

fn to_nalgebra(a: &Array2<f64>) -> DMatrix<f64> {
    DMatrix::from_fn(a.nrows(), a.ncols(), |i, j| a[[i, j]])
}

fn to_ndarray(a: &DMatrix<f64>) -> Array2<f64> {
    Array2::from_shape_fn(a.shape(), |(i, j)| a[(i, j)])
}

/// Least squares by Householder QR: β = R⁻¹Qᵀy and (X'X)⁻¹ = R⁻¹R⁻ᵀ.
///
/// # Errors
/// [`Error::InvalidInput`] when X has fewer rows than columns, when the shapes
/// disagree, or when X is (numerically) rank deficient.
pub fn least_squares(x: &Array2<f64>, y: &Array1<f64>) -> Result<LeastSquares> {
    let (n, k) = x.dim();
    if y.len() != n {
        return Err(Error::input(
            "least squares",
            format!("{n} rows in X, {} in y", y.len()),
        ));
    }
    if n < k || k == 0 {
        return Err(Error::input(
            "least squares",
            format!("{n} rows for {k} columns"),
        ));
    }
    let qr = to_nalgebra(x).qr();
    let r = qr.r();
    let scale = x.iter().fold(0.0_f64, |m, v| m.max(v.abs())).max(1.0);
    if let Some(j) = (0..k).find(|&j| r[(j, j)].abs() <= 1e-12 * scale * (n as f64).sqrt()) {
        return Err(Error::input(
            "least squares",
            format!("column {j} is collinear with the others"),
        ));
    }
    let collinear = || Error::input("least squares", "R is singular");
    let qty = qr.q().transpose() * DVector::from_iterator(n, y.iter().copied());
    let coef = r.solve_upper_triangular(&qty).ok_or_else(collinear)?;
    let r_inv = r
        .solve_upper_triangular(&DMatrix::identity(k, k))
        .ok_or_else(collinear)?;
    let coef = Array1::from_iter(coef.iter().copied());
    let xtx_inv = to_ndarray(&(&r_inv * r_inv.transpose()));
    let residuals = y - &x.dot(&coef);
    let ssr = residuals.iter().map(|e| e * e).sum();
    Ok(LeastSquares {
        coef,
        residuals,
        ssr,
        xtx_inv,
    })
}

/// Inverse of a small square matrix (LU with partial pivoting).
///
/// # Errors
/// [`Error::InvalidInput`] when the matrix is not square or is singular.
pub fn invert(a: &Array2<f64>) -> Result<Array2<f64>> {
    let (n, m) = a.dim();
    if n != m {
        return Err(Error::input(
            "matrix inverse",
            format!("{n} × {m} is not square"),
        ));
    }
    let lu = to_nalgebra(a).lu();
    let scale = a.iter().fold(0.0_f64, |s, v| s.max(v.abs()));
    let u = lu.u();
    if (0..n).any(|i| u[(i, i)].abs() <= 1e-14 * scale) {
        return Err(Error::input("matrix inverse", "the matrix is singular"));
    }
    let inv = lu
        .try_inverse()
        .ok_or_else(|| Error::input("matrix inverse", "the matrix is singular"))?;
    Ok(to_ndarray(&inv))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn least_squares_fits_a_line_exactly() {
        let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
        let y = array![1.0, 3.0, 5.0, 7.0];
        let fit = least_squares(&x, &y).unwrap();
        assert!((fit.coef[0] - 1.0).abs() < 1e-12 && (fit.coef[1] - 2.0).abs() < 1e-12);
        assert!(fit.ssr < 1e-20);
        // (X'X)^-1 for this design: [[0.7, -0.3], [-0.3, 0.2]].
        assert!((fit.xtx_inv[[0, 0]] - 0.7).abs() < 1e-12);
        assert!((fit.xtx_inv[[0, 1]] + 0.3).abs() < 1e-12);
        assert!((fit.xtx_inv[[1, 1]] - 0.2).abs() < 1e-12);
    }

    #[test]
    fn collinear_columns_are_an_error() {
        let x = array![[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]];
        assert!(least_squares(&x, &array![1.0, 2.0, 3.0]).is_err());
    }

    #[test]
    fn invert_round_trips_and_rejects_singular() {
        let a = array![[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]];
        let inv = invert(&a).unwrap();
        let id = a.dot(&inv);
        for i in 0..3 {
            for j in 0..3 {
                assert!((id[[i, j]] - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
            }
        }
        assert!(invert(&array![[1.0, 2.0], [2.0, 4.0]]).is_err());
    }
}
