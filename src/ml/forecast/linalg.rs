//! Small dense linear algebra for the forecast module: least squares by
//! Householder QR (the ADF regressions and the CSS start values) and the
//! inverse of a small symmetric matrix (parameter covariances).
//!
//! ndarray 0.16 has no solver without a LAPACK backend (ndarray-linalg), and
//! the systems here are tiny (at most ~30 columns), so a textbook QR is enough.

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

/// Least squares by Householder QR.
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
    let mut r = x.clone();
    let mut qty = y.clone();
    let scale = x.iter().fold(0.0_f64, |m, v| m.max(v.abs())).max(1.0);
    for j in 0..k {
        let norm = (j..n).map(|i| r[[i, j]] * r[[i, j]]).sum::<f64>().sqrt();
        if norm <= 1e-12 * scale * (n as f64).sqrt() {
            return Err(Error::input(
                "least squares",
                format!("column {j} is collinear with the others"),
            ));
        }
        let alpha = if r[[j, j]] > 0.0 { -norm } else { norm };
        let mut v: Vec<f64> = (j..n).map(|i| r[[i, j]]).collect();
        v[0] -= alpha;
        let vnorm2: f64 = v.iter().map(|a| a * a).sum();
        if vnorm2 > 0.0 {
            for c in j..k {
                let dot: f64 = v.iter().enumerate().map(|(t, vi)| vi * r[[j + t, c]]).sum();
                let f = 2.0 * dot / vnorm2;
                for (t, vi) in v.iter().enumerate() {
                    r[[j + t, c]] -= f * vi;
                }
            }
            let dot: f64 = v.iter().enumerate().map(|(t, vi)| vi * qty[j + t]).sum();
            let f = 2.0 * dot / vnorm2;
            for (t, vi) in v.iter().enumerate() {
                qty[j + t] -= f * vi;
            }
        }
    }
    // Back substitution R β = Qᵀy and R⁻¹ for (X'X)⁻¹ = R⁻¹R⁻ᵀ.
    let mut coef = Array1::zeros(k);
    for i in (0..k).rev() {
        let s: f64 = (i + 1..k).map(|c| r[[i, c]] * coef[c]).sum();
        coef[i] = (qty[i] - s) / r[[i, i]];
    }
    let mut r_inv = Array2::<f64>::zeros((k, k));
    for col in 0..k {
        for i in (0..=col).rev() {
            let rhs = if i == col { 1.0 } else { 0.0 };
            let s: f64 = (i + 1..=col).map(|c| r[[i, c]] * r_inv[[c, col]]).sum();
            r_inv[[i, col]] = (rhs - s) / r[[i, i]];
        }
    }
    let xtx_inv = r_inv.dot(&r_inv.t());
    let residuals = y - &x.dot(&coef);
    let ssr = residuals.iter().map(|e| e * e).sum();
    Ok(LeastSquares {
        coef,
        residuals,
        ssr,
        xtx_inv,
    })
}

/// Inverse of a small square matrix by Gauss–Jordan elimination with partial pivoting.
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
    let mut w = a.clone();
    let mut inv = Array2::<f64>::eye(n);
    let scale = a.iter().fold(0.0_f64, |s, v| s.max(v.abs()));
    for c in 0..n {
        let pivot = (c..n)
            .max_by(|&i, &j| w[[i, c]].abs().total_cmp(&w[[j, c]].abs()))
            .unwrap_or(c);
        if w[[pivot, c]].abs() <= 1e-14 * scale {
            return Err(Error::input("matrix inverse", "the matrix is singular"));
        }
        for j in 0..n {
            w.swap([c, j], [pivot, j]);
            inv.swap([c, j], [pivot, j]);
        }
        let p = w[[c, c]];
        for j in 0..n {
            w[[c, j]] /= p;
            inv[[c, j]] /= p;
        }
        for i in 0..n {
            if i != c {
                let f = w[[i, c]];
                if f != 0.0 {
                    for j in 0..n {
                        w[[i, j]] -= f * w[[c, j]];
                        inv[[i, j]] -= f * inv[[c, j]];
                    }
                }
            }
        }
    }
    Ok(inv)
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
