//! Kalman filter for a univariate ARIMA model in Harvey's companion form:
//! state αₜ₊₁ = T αₜ + R εₜ, yₜ = αₜ[0], with T = [c | shift] (c the AR
//! coefficients, differencing folded in) and R = [1, θ₁, …]. The filter uses
//! that structure, so one step costs O(m²) instead of O(m³).
//!
//! Initialisation is statsmodels' "approximate diffuse" (a₁ = 0, P₁ = κI with
//! κ = 10⁶), and the first `burn` log-likelihood terms are dropped, which is
//! what `SARIMAX(enforce_stationarity=False)` does.

/// κ of the approximate diffuse prior (statsmodels' `initial_variance`).
pub const DIFFUSE_VARIANCE: f64 = 1e6;

/// A time-invariant companion-form state-space model.
#[derive(Debug, Clone)]
pub struct Companion {
    /// First column of T: the reduced AR coefficients (length m, zero padded).
    pub ar: Vec<f64>,
    /// Selection vector R (length m): 1 then the reduced MA coefficients.
    pub selection: Vec<f64>,
    /// Innovation variance σ².
    pub sigma2: f64,
}

/// Output of a filter pass.
#[derive(Debug, Clone)]
pub struct FilterOutput {
    /// Σ of the per-observation log-likelihoods after the burn-in.
    pub loglike: f64,
    /// Per-observation log-likelihoods (0 inside the burn-in).
    pub loglike_obs: Vec<f64>,
    /// One-step-ahead forecast errors vₜ.
    pub errors: Vec<f64>,
    /// Their variances Fₜ.
    pub variances: Vec<f64>,
    /// Predicted state for the period after the sample.
    pub next_state: Vec<f64>,
    /// Covariance of that predicted state (row-major m × m).
    pub next_cov: Vec<f64>,
}

impl Companion {
    /// State dimension m.
    pub fn dim(&self) -> usize {
        self.ar.len()
    }

    /// a ← T a.
    fn propagate_state(&self, a: &mut [f64]) {
        let m = a.len();
        let a0 = a[0];
        for i in 0..m {
            let next = if i + 1 < m { a[i + 1] } else { 0.0 };
            a[i] = self.ar[i] * a0 + next;
        }
    }

    /// P ← T P Tᵀ + σ² R Rᵀ (P row-major m × m; `work` is scratch of the same size).
    fn propagate_cov(&self, p: &mut [f64], work: &mut [f64]) {
        let m = self.dim();
        // work = T P: row i = c_i P[0,:] + P[i+1,:] (the last row has no P[i+1,:]).
        let (first, _) = p.split_at(m);
        for (i, row) in work.chunks_exact_mut(m).enumerate() {
            let ci = self.ar[i];
            if i + 1 < m {
                let below = &p[(i + 1) * m..(i + 2) * m];
                for ((w, f), b) in row.iter_mut().zip(first).zip(below) {
                    *w = ci * f + b;
                }
            } else {
                for (w, f) in row.iter_mut().zip(first) {
                    *w = ci * f;
                }
            }
        }
        // P = work Tᵀ + σ² R Rᵀ: (i, j) = work[i,0] c_j + work[i, j+1] + σ² R_i R_j.
        for ((row, w), ri) in p
            .chunks_exact_mut(m)
            .zip(work.chunks_exact(m))
            .zip(&self.selection)
        {
            let w0 = w[0];
            let sri = self.sigma2 * ri;
            let (head, last) = row.split_at_mut(m - 1);
            for (((out, c), right), rj) in head
                .iter_mut()
                .zip(&self.ar)
                .zip(&w[1..])
                .zip(&self.selection)
            {
                *out = w0 * c + right + sri * rj;
            }
            last[0] = w0 * self.ar[m - 1] + sri * self.selection[m - 1];
        }
    }

    /// Runs the filter over `y`, dropping the first `burn` log-likelihood terms.
    pub fn filter(&self, y: &[f64], burn: usize) -> FilterOutput {
        let m = self.dim();
        let mut a = vec![0.0; m];
        let mut p = vec![0.0; m * m];
        for i in 0..m {
            p[i * m + i] = DIFFUSE_VARIANCE;
        }
        let mut work = vec![0.0; m * m];
        let mut col = vec![0.0; m];
        let n = y.len();
        let mut out = FilterOutput {
            loglike: 0.0,
            loglike_obs: vec![0.0; n],
            errors: vec![0.0; n],
            variances: vec![0.0; n],
            next_state: Vec::new(),
            next_cov: Vec::new(),
        };
        let ln2pi = (2.0 * std::f64::consts::PI).ln();
        for (t, &yt) in y.iter().enumerate() {
            let v = yt - a[0];
            let f = p[0];
            out.errors[t] = v;
            out.variances[t] = f;
            if t >= burn {
                let l = -0.5 * (ln2pi + f.ln() + v * v / f);
                out.loglike_obs[t] = l;
                out.loglike += l;
            }
            // Update: a += P[:,0] v / F; P -= P[:,0] P[0,:] / F.
            col.copy_from_slice(&p[..m]);
            for i in 0..m {
                a[i] += col[i] * v / f;
            }
            for (row, ci) in p.chunks_exact_mut(m).zip(&col) {
                let ki = ci / f;
                for (pij, cj) in row.iter_mut().zip(&col) {
                    *pij -= ki * cj;
                }
            }
            self.propagate_state(&mut a);
            self.propagate_cov(&mut p, &mut work);
        }
        out.next_state = a;
        out.next_cov = p;
        out
    }

    /// Means and variances of the next `steps` observations, from the
    /// predicted state and covariance left by [`Companion::filter`].
    pub fn forecast(&self, state: &[f64], cov: &[f64], steps: usize) -> (Vec<f64>, Vec<f64>) {
        let m = self.dim();
        let mut a = state.to_vec();
        let mut p = cov.to_vec();
        let mut work = vec![0.0; m * m];
        let mut means = Vec::with_capacity(steps);
        let mut vars = Vec::with_capacity(steps);
        for _ in 0..steps {
            means.push(a[0]);
            vars.push(p[0]);
            self.propagate_state(&mut a);
            self.propagate_cov(&mut p, &mut work);
        }
        (means, vars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AR(1) with φ = 0.5, σ² = 1: after the burn-in of one observation the
    /// log-likelihood is the conditional one, Σ log N(yₜ; φ yₜ₋₁, 1).
    #[test]
    fn ar1_filter_gives_the_conditional_likelihood() {
        let model = Companion {
            ar: vec![0.5],
            selection: vec![1.0],
            sigma2: 1.0,
        };
        let y = [1.0, 0.2, -0.4, 0.9, 0.3];
        let out = model.filter(&y, 1);
        let ln2pi = (2.0 * std::f64::consts::PI).ln();
        let expected: f64 = y
            .windows(2)
            .map(|w| -0.5 * (ln2pi + (w[1] - 0.5 * w[0]).powi(2)))
            .sum();
        assert!(
            (out.loglike - expected).abs() < 1e-5,
            "{} vs {expected}",
            out.loglike
        );
        let (means, vars) = model.forecast(&out.next_state, &out.next_cov, 2);
        assert!((means[0] - 0.15).abs() < 1e-6 && (means[1] - 0.075).abs() < 1e-6);
        assert!((vars[0] - 1.0).abs() < 1e-5 && (vars[1] - 1.25).abs() < 1e-5);
    }
}
