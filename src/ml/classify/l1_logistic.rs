//! L1-penalised logistic regression by accelerated proximal gradient (FISTA).
//!
//! Written here because no linfa 0.8.1 crate fits an L1 logistic model
//! (checked: linfa-logistic is L2-only; linfa-elasticnet fits squared error
//! only); smartcore 0.7's logistic regression is L2-only as well.
//! Objective, as liblinear's: ‖w‖₁ + C Σᵢ log(1 + exp(−yᵢ (xᵢ·w + b))), the
//! intercept unpenalised. Solved in the mean-loss form with λ = 1 / (C n) and
//! step 1 / L, L = ¼ λ_max(XᵀX / n) estimated by power iteration.

use ndarray::{Array1, ArrayView1, ArrayView2};

use crate::error::{Error, Result};

/// Solver settings.
#[derive(Debug, Clone, PartialEq)]
pub struct L1Logistic {
    /// Inverse regularisation strength (> 0).
    pub c: f64,
    /// Iteration cap.
    pub max_iterations: u64,
    /// Stop when no weight moves more than this.
    pub tolerance: f64,
}

/// A fitted L1 model.
#[derive(Debug, Clone, PartialEq)]
pub struct L1Fit {
    /// Weight per feature (some exactly 0).
    pub coef: Array1<f64>,
    /// Intercept.
    pub intercept: f64,
    /// Whether the tolerance was met within the iteration cap.
    pub converged: bool,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl L1Logistic {
    /// Settings with tolerance 1e-6.
    pub fn new(c: f64, max_iterations: u64) -> Self {
        Self {
            c,
            max_iterations,
            tolerance: 1e-6,
        }
    }

    /// Fits on rows `x` and 0/1 labels `y`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for C ≤ 0; [`Error::InvalidInput`] for an
    /// empty set or a single class.
    pub fn fit(&self, x: ArrayView2<f64>, y: ArrayView1<usize>) -> Result<L1Fit> {
        if !(self.c > 0.0 && self.c.is_finite()) {
            return Err(Error::param("C", "must be positive and finite"));
        }
        super::check_binary("L1 logistic regression", x.nrows(), y)?;
        let n = x.nrows() as f64;
        let d = x.ncols();
        let yf = y.mapv(|v| v as f64);
        let lambda = 1.0 / (self.c * n);
        // power iteration on [X 1]ᵀ[X 1] / n for the Lipschitz constant
        let mut v = Array1::from_elem(d + 1, 1.0 / ((d + 1) as f64).sqrt());
        let mut top: f64 = 1.0;
        for _ in 0..50 {
            let xv = x.dot(&v.slice(ndarray::s![..d])) + v[d];
            let mut g = Array1::zeros(d + 1);
            g.slice_mut(ndarray::s![..d]).assign(&(x.t().dot(&xv) / n));
            g[d] = xv.sum() / n;
            top = g.dot(&g).sqrt();
            if top <= 0.0 {
                break;
            }
            v = g / top;
        }
        let step = 1.0 / (0.25 * top.max(1e-12) * 1.01);
        let (mut w, mut b) = (Array1::<f64>::zeros(d), 0.0);
        let (mut zw, mut zb) = (w.clone(), b);
        let mut t: f64 = 1.0;
        let mut converged = false;
        for _ in 0..self.max_iterations {
            let p = (x.dot(&zw) + zb).mapv(sigmoid);
            let r = &p - &yf;
            let grad_w = x.t().dot(&r) / n;
            let grad_b = r.sum() / n;
            let w_new =
                (&zw - &(grad_w * step)).mapv(|v| v.signum() * (v.abs() - step * lambda).max(0.0));
            let b_new = zb - step * grad_b;
            let t_new = (1.0 + (1.0 + 4.0 * t * t).sqrt()) / 2.0;
            let momentum = (t - 1.0) / t_new;
            let change = (&w_new - &w)
                .iter()
                .chain(std::iter::once(&(b_new - b)))
                .fold(0.0f64, |m, v| m.max(v.abs()));
            zw = &w_new + &((&w_new - &w) * momentum);
            zb = b_new + momentum * (b_new - b);
            w = w_new;
            b = b_new;
            t = t_new;
            if change < self.tolerance {
                converged = true;
                break;
            }
        }
        Ok(L1Fit {
            coef: w,
            intercept: b,
            converged,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn matches_sklearn_l1() {
        // sklearn LogisticRegression(penalty="l1", C=0.1, solver="saga", tol=1e-10,
        // max_iter=100000) on the rows below: coef [0.75711193, 0.0], intercept -0.1996157
        // (saga, which leaves the intercept unpenalised as here)
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            let a = (i as f64 - 20.0) / 10.0;
            let b = ((i * 7 % 11) as f64 - 5.0) / 5.0;
            rows.extend([a, b]);
            y.push(usize::from(a + 0.3 * ((i * 3 % 5) as f64 - 2.0) > 0.0));
        }
        let x = Array2::from_shape_vec((40, 2), rows).unwrap();
        let y = Array1::from(y);
        let fit = L1Logistic {
            tolerance: 1e-10,
            ..L1Logistic::new(0.1, 100_000)
        }
        .fit(x.view(), y.view())
        .unwrap();
        assert!(fit.converged);
        assert!((fit.coef[0] - 0.75711193).abs() < 2e-3, "{:?}", fit);
        assert_eq!(fit.coef[1], 0.0);
        assert!((fit.intercept + 0.1996157).abs() < 2e-3, "{:?}", fit);
        assert!(L1Logistic::new(0.0, 10).fit(x.view(), y.view()).is_err());
        let one = Array1::<usize>::zeros(40);
        assert!(L1Logistic::new(1.0, 10).fit(x.view(), one.view()).is_err());
    }
}
