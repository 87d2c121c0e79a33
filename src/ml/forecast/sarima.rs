//! Seasonal ARIMA(p,d,q)(P,D,Q,s) by exact Gaussian maximum likelihood
//! (Kalman filter, see [`super::kalman`]), reproducing statsmodels'
//! `SARIMAX(..., enforce_stationarity=False, enforce_invertibility=False)`:
//! approximate diffuse start (κ = 10⁶) with the first k_states likelihood terms
//! dropped, conditional-sum-of-squares start values, σ² optimised as u², and
//! outer-product-of-gradients (OPG) standard errors.
//!
//! The optimiser is argmin's L-BFGS (More–Thuente line search) on −loglik/n
//! with central-difference gradients. Whether it converged is part of the
//! result ([`Convergence`]), never hidden.

use argmin::core::{CostFunction, Executor, Gradient, State, TerminationReason, TerminationStatus};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use ndarray::{Array1, Array2};
use statrs::distribution::{ContinuousCDF, Normal};

use super::diagnostics::Diagnostics;
use super::kalman::Companion;
use super::prediction::Forecast;
use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::ml::linalg::{invert, least_squares};

/// Orders of a seasonal ARIMA model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SarimaOrder {
    /// Non-seasonal AR order p.
    pub p: usize,
    /// Non-seasonal differencing order d.
    pub d: usize,
    /// Non-seasonal MA order q.
    pub q: usize,
    /// Seasonal AR order P.
    pub seasonal_p: usize,
    /// Seasonal differencing order D.
    pub seasonal_d: usize,
    /// Seasonal MA order Q.
    pub seasonal_q: usize,
    /// Season length s (0 or any value when there are no seasonal terms).
    pub s: usize,
}

impl SarimaOrder {
    /// (p,d,q)(P,D,Q,s).
    pub fn new(order: (usize, usize, usize), seasonal: (usize, usize, usize, usize)) -> Self {
        SarimaOrder {
            p: order.0,
            d: order.1,
            q: order.2,
            seasonal_p: seasonal.0,
            seasonal_d: seasonal.1,
            seasonal_q: seasonal.2,
            s: seasonal.3,
        }
    }

    fn has_seasonal(&self) -> bool {
        self.seasonal_p + self.seasonal_d + self.seasonal_q > 0
    }

    fn season(&self) -> usize {
        if self.has_seasonal() {
            self.s
        } else {
            0
        }
    }

    /// Number of estimated parameters (AR, MA, seasonal AR, seasonal MA, σ²).
    pub fn n_params(&self) -> usize {
        self.p + self.q + self.seasonal_p + self.seasonal_q + 1
    }

    /// statsmodels' k_states, which is also its likelihood burn-in.
    pub fn k_states(&self) -> usize {
        let s = self.season();
        let k_ar = self.p + s * self.seasonal_p;
        let k_ma = self.q + s * self.seasonal_q;
        self.d + s * self.seasonal_d + k_ar.max(k_ma + 1)
    }

    /// Parameter names as statsmodels prints them.
    pub fn param_names(&self) -> Vec<String> {
        let s = self.season();
        let mut names = Vec::new();
        names.extend((1..=self.p).map(|i| format!("ar.L{i}")));
        names.extend((1..=self.q).map(|i| format!("ma.L{i}")));
        names.extend((1..=self.seasonal_p).map(|i| format!("ar.S.L{}", i * s)));
        names.extend((1..=self.seasonal_q).map(|i| format!("ma.S.L{}", i * s)));
        names.push("sigma2".into());
        names
    }

    /// "(1,0,1)(1,1,1,14)".
    pub fn label(&self) -> String {
        format!(
            "({},{},{})({},{},{},{})",
            self.p, self.d, self.q, self.seasonal_p, self.seasonal_d, self.seasonal_q, self.s
        )
    }
}

/// Fit settings (builder); [`SarimaParams::check`] validates them.
#[derive(Debug, Clone, PartialEq)]
pub struct SarimaParams {
    /// Model orders to fit.
    pub order: SarimaOrder,
    /// Start values (AR, MA, seasonal AR, seasonal MA, σ²); CSS when `None`.
    pub start: Option<Vec<f64>>,
    /// Likelihood burn-in; statsmodels' k_states when `None`.
    pub burn: Option<usize>,
    /// Maximum L-BFGS iterations.
    pub max_iters: u64,
    /// Gradient-norm tolerance of L-BFGS (on −loglik/n).
    pub tolerance_grad: f64,
}

impl SarimaParams {
    /// Defaults: CSS start, statsmodels' burn-in, 200 iterations, gradient tolerance 1e-6.
    pub fn new(order: SarimaOrder) -> Self {
        SarimaParams {
            order,
            start: None,
            burn: None,
            max_iters: 200,
            tolerance_grad: 1e-6,
        }
    }

    /// Uses these start values instead of CSS.
    pub fn start(mut self, values: Vec<f64>) -> Self {
        self.start = Some(values);
        self
    }

    /// Drops this many leading likelihood terms (e.g. a common burn-in when comparing models by AIC).
    pub fn burn(mut self, burn: usize) -> Self {
        self.burn = Some(burn);
        self
    }

    /// Sets the iteration limit.
    pub fn max_iters(mut self, iters: u64) -> Self {
        self.max_iters = iters;
        self
    }

    /// Validates the orders and the start values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for s < 2 with seasonal terms, s = 1 seasonal
    /// terms, d or D above 2, a burn-in shorter than k_states, zero iterations,
    /// start values of the wrong length, a non-positive start σ², or start MA
    /// values that are not invertible.
    pub fn check(&self) -> Result<()> {
        let o = &self.order;
        if o.has_seasonal() && o.s < 2 {
            return Err(Error::param(
                "s",
                format!("{}: seasonal terms need a season length of at least 2", o.s),
            ));
        }
        if o.d > 2 || o.seasonal_d > 2 {
            return Err(Error::param(
                "d",
                "differencing orders above 2 are not supported",
            ));
        }
        if let Some(b) = self.burn {
            if b < o.k_states() {
                return Err(Error::param(
                    "burn",
                    format!("{b} is below the {} diffuse states", o.k_states()),
                ));
            }
        }
        if self.max_iters == 0 || self.tolerance_grad.is_nan() || self.tolerance_grad <= 0.0 {
            return Err(Error::param(
                "max_iters",
                "need at least one iteration and a positive tolerance",
            ));
        }
        if let Some(start) = &self.start {
            if start.len() != o.n_params() {
                return Err(Error::param(
                    "start",
                    format!("{} values for {} parameters", start.len(), o.n_params()),
                ));
            }
            if start.iter().any(|v| !v.is_finite()) || start[start.len() - 1] <= 0.0 {
                return Err(Error::param(
                    "start",
                    "values must be finite and σ² positive",
                ));
            }
            let split = Coefficients::split(o, start);
            if !is_invertible(split.ma) {
                return Err(Error::param(
                    "start",
                    "the MA start values are not invertible",
                ));
            }
            if !is_invertible(split.seasonal_ma) {
                return Err(Error::param(
                    "start",
                    "the seasonal MA start values are not invertible",
                ));
            }
        }
        Ok(())
    }

    /// Fits the model to `y`.
    ///
    /// ```
    /// use amazon_sales::ml::forecast::sarima::{SarimaOrder, SarimaParams};
    /// let y: Vec<f64> = (0..60).map(|i| (i as f64 * 0.9).sin() + 0.1 * ((i * 7) % 5) as f64).collect();
    /// let fit = SarimaParams::new(SarimaOrder::new((1, 0, 0), (0, 0, 0, 0))).fit(&y).unwrap();
    /// assert_eq!(fit.params.len(), 2);
    /// assert!(fit.convergence.converged);
    /// ```
    ///
    /// # Errors
    /// Those of [`SarimaParams::check`]; [`Error::InvalidInput`] for NaN or a
    /// series too short for the orders; [`Error::Model`] if the optimiser fails outright.
    pub fn fit(&self, y: &[f64]) -> Result<SarimaFit> {
        self.check()?;
        let o = self.order;
        if y.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "SARIMA",
                "the series holds NaN or infinite values",
            ));
        }
        let burn = self.burn.unwrap_or(o.k_states());
        if y.len() < burn + o.n_params() + 1 {
            return Err(Error::input(
                "SARIMA",
                format!(
                    "{} observations are too few for {}: {burn} are used to initialise the filter and {} parameters remain",
                    y.len(),
                    o.label(),
                    o.n_params()
                ),
            ));
        }
        let start = match &self.start {
            Some(s) => s.clone(),
            None => css_start(y, &o)?,
        };
        let problem = Objective { y, order: o, burn };
        let x0 = untransform(&start);
        let start_cost = problem.cost_at(&x0);
        if !start_cost.is_finite() {
            return Err(Error::input(
                "SARIMA",
                "the likelihood is not finite at the start values",
            ));
        }
        let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
            .with_tolerance_grad(self.tolerance_grad)
            .and_then(|s| s.with_tolerance_cost(1e-12))
            .map_err(|e| Error::model("SARIMA", e))?;
        let result = Executor::new(problem.clone(), solver)
            .configure(|state| state.param(x0.clone()).max_iters(self.max_iters))
            .run();
        let (x_best, convergence) = match result {
            Ok(res) => {
                let state = res.state();
                let best = state.get_best_param().cloned().unwrap_or(x0.clone());
                let iterations = state.get_iter();
                let (converged, reason) = match state.get_termination_status() {
                    TerminationStatus::Terminated(TerminationReason::SolverConverged) => {
                        (true, "gradient or cost change below tolerance".to_string())
                    }
                    TerminationStatus::Terminated(TerminationReason::MaxItersReached) => {
                        (false, format!("iteration limit {} reached", self.max_iters))
                    }
                    TerminationStatus::Terminated(other) => (false, other.to_string()),
                    TerminationStatus::NotTerminated => (false, "not terminated".to_string()),
                };
                (
                    best,
                    Convergence {
                        converged,
                        iterations,
                        reason,
                    },
                )
            }
            // A failed line search leaves the start point; report it.
            Err(e) => (
                x0.clone(),
                Convergence {
                    converged: false,
                    iterations: 0,
                    reason: format!("optimiser stopped: {e}"),
                },
            ),
        };
        let params = transform(&x_best);
        SarimaFit::assemble(y, o, burn, params, start, convergence)
    }
}

/// How the optimiser ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Convergence {
    /// True when L-BFGS stopped on its tolerances (not on the iteration limit or an error).
    pub converged: bool,
    /// L-BFGS iterations run (0 when the optimiser failed).
    pub iterations: u64,
    /// Why the optimiser stopped, in words.
    pub reason: String,
}

/// A fitted model.
#[derive(Debug, Clone)]
pub struct SarimaFit {
    /// Model orders fitted.
    pub order: SarimaOrder,
    /// Parameter names as statsmodels prints them, one per entry of `params`.
    pub names: Vec<String>,
    /// Estimates (AR, MA, seasonal AR, seasonal MA, σ²).
    pub params: Vec<f64>,
    /// The start values used.
    pub start: Vec<f64>,
    /// OPG standard errors (NaN when the OPG matrix is singular).
    pub std_errors: Vec<f64>,
    /// Log-likelihood summed over the observations after the burn-in.
    pub loglike: f64,
    /// Akaike information criterion, −2 loglike + 2k.
    pub aic: f64,
    /// Bayesian information criterion, −2 loglike + k ln(`nobs_effective`).
    pub bic: f64,
    /// Hannan–Quinn criterion, −2 loglike + 2k ln ln(`nobs_effective`).
    pub hqic: f64,
    /// Length of the fitted series.
    pub nobs: usize,
    /// Observations after the burn-in (the n in BIC, as statsmodels).
    pub nobs_effective: usize,
    /// Leading observations left out of the likelihood (the diffuse burn-in).
    pub burn: usize,
    /// How the optimiser ended.
    pub convergence: Convergence,
    /// One-step-ahead forecast errors (the residuals).
    pub residuals: Vec<f64>,
    /// Residuals divided by their standard deviation √Fₜ.
    pub standardized_residuals: Vec<f64>,
    model: Companion,
    next_state: Vec<f64>,
    next_cov: Vec<f64>,
}

impl SarimaFit {
    fn assemble(
        y: &[f64],
        order: SarimaOrder,
        burn: usize,
        params: Vec<f64>,
        start: Vec<f64>,
        convergence: Convergence,
    ) -> Result<Self> {
        let model = companion(&order, &params);
        let out = model.filter(y, burn);
        if !out.loglike.is_finite() {
            return Err(Error::NotConverged {
                model: "SARIMA",
                reason: "the likelihood is not finite at the final estimates".into(),
            });
        }
        let k = params.len() as f64;
        let n_eff = (y.len() - burn) as f64;
        let std_errors = opg_std_errors(y, &order, burn, &params);
        Ok(SarimaFit {
            names: order.param_names(),
            order,
            start,
            std_errors,
            loglike: out.loglike,
            aic: -2.0 * out.loglike + 2.0 * k,
            bic: -2.0 * out.loglike + k * n_eff.ln(),
            hqic: -2.0 * out.loglike + 2.0 * k * n_eff.ln().ln(),
            nobs: y.len(),
            nobs_effective: y.len() - burn,
            burn,
            convergence,
            standardized_residuals: out
                .errors
                .iter()
                .zip(&out.variances)
                .map(|(e, f)| e / f.sqrt())
                .collect(),
            residuals: out.errors,
            params,
            model,
            next_state: out.next_state,
            next_cov: out.next_cov,
        })
    }

    /// The one-step residuals after the burn-in (the diffuse start), as the
    /// original plotted them (R-119).
    /// (An owned copy, so a notebook cell can keep it across cells.)
    pub fn residuals_after_burn(&self) -> Vec<f64> {
        self.residuals[self.burn.min(self.residuals.len())..].to_vec()
    }

    /// The standardised residuals after the burn-in (what Ljung-Box tests).
    pub fn standardized_after_burn(&self) -> Vec<f64> {
        self.standardized_residuals[self.burn.min(self.standardized_residuals.len())..].to_vec()
    }

    /// Returns the fit only if the optimiser converged.
    ///
    /// # Errors
    /// [`Error::NotConverged`] with the optimiser's reason.
    pub fn require_converged(&self) -> Result<&Self> {
        if self.convergence.converged {
            Ok(self)
        } else {
            Err(Error::NotConverged {
                model: "SARIMA",
                reason: self.convergence.reason.clone(),
            })
        }
    }

    /// Means and standard errors of the next `steps` values after the sample.
    fn moments(&self, steps: usize) -> (Vec<f64>, Vec<f64>) {
        let (means, vars) = self.model.forecast(&self.next_state, &self.next_cov, steps);
        (means, vars.iter().map(|v| v.max(0.0).sqrt()).collect())
    }

    /// The typed forecast of the next `steps` values: points, standard errors
    /// and Gaussian intervals at `levels` (none for `&[]`), dated from
    /// `first_date` (days since 1970-01-01, the day after the last observation).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for steps = 0 or a level outside (0, 1).
    pub fn predict(&self, first_date: i32, steps: usize, levels: &[f64]) -> Result<Forecast> {
        if steps == 0 {
            return Err(Error::param("steps", "must be at least 1"));
        }
        let (point, se) = self.moments(steps);
        Forecast::gaussian(first_date, point, se, levels)
    }

    /// statsmodels-style coefficient table plus log-likelihood, AIC, BIC, HQIC.
    pub fn summary(&self, title: &str) -> Table {
        let normal = Normal::new(0.0, 1.0).ok();
        let mut t = Table::new(
            title,
            ["term", "coef", "std err", "z", "P>|z|", "[0.025", "0.975]"],
        );
        let blank = || String::new();
        for (i, name) in self.names.iter().enumerate() {
            let (coef, se) = (self.params[i], self.std_errors[i]);
            let z = coef / se;
            let p = normal.as_ref().map_or(f64::NAN, |n| 2.0 * n.sf(z.abs()));
            let half = 1.959963984540054 * se;
            t.push_row([
                name.clone(),
                number(coef, 4),
                number(se, 4),
                number(z, 3),
                number(p, 3),
                number(coef - half, 3),
                number(coef + half, 3),
            ]);
        }
        let mut footer: Vec<(&str, f64, usize)> = vec![
            ("log-likelihood", self.loglike, 3),
            ("AIC", self.aic, 3),
            ("BIC", self.bic, 3),
            ("HQIC", self.hqic, 3),
        ];
        let diagnostics = Diagnostics::of(&self.standardized_after_burn());
        if let Ok(d) = &diagnostics {
            footer.extend([
                ("Ljung-Box (L1) Q", d.ljung_box.0, 2),
                ("Prob(Q)", d.ljung_box.1, 2),
                ("Jarque-Bera (JB)", d.jarque_bera.0, 2),
                ("Prob(JB)", d.jarque_bera.1, 2),
                ("Heteroskedasticity (H)", d.heteroskedasticity.0, 2),
                ("Prob(H) (two-sided)", d.heteroskedasticity.1, 2),
                ("Skew", d.skew, 2),
                ("Kurtosis", d.kurtosis, 2),
            ]);
        }
        for (name, v, decimals) in footer {
            t.push_row([
                name.to_string(),
                number(v, decimals),
                blank(),
                blank(),
                blank(),
                blank(),
                blank(),
            ]);
        }
        let conv = if self.convergence.converged {
            format!("converged after {} iterations", self.convergence.iterations)
        } else {
            format!("NOT CONVERGED: {}", self.convergence.reason)
        };
        let diag_note = match diagnostics {
            Ok(_) => "diagnostics on the standardised residuals after the burn-in, as statsmodels"
                .to_string(),
            Err(e) => format!("no residual diagnostics: {e}"),
        };
        t.with_note(format!(
            "SARIMA{}; {} observations, first {} used to initialise the filter (BIC uses n = {}); L-BFGS {conv}; \
             95 % intervals coef ± 1.96 std err; {diag_note}",
            self.order.label(),
            self.nobs,
            self.burn,
            self.nobs_effective
        ))
    }
}

/// The parameter vector cut into its blocks.
struct Coefficients<'a> {
    ar: &'a [f64],
    ma: &'a [f64],
    seasonal_ar: &'a [f64],
    seasonal_ma: &'a [f64],
    sigma2: f64,
}

impl<'a> Coefficients<'a> {
    fn split(o: &SarimaOrder, params: &'a [f64]) -> Self {
        let (ar, rest) = params.split_at(o.p);
        let (ma, rest) = rest.split_at(o.q);
        let (seasonal_ar, rest) = rest.split_at(o.seasonal_p);
        let (seasonal_ma, rest) = rest.split_at(o.seasonal_q);
        Coefficients {
            ar,
            ma,
            seasonal_ar,
            seasonal_ma,
            sigma2: rest.first().copied().unwrap_or(f64::NAN),
        }
    }
}

fn poly_mul(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// 1 + sign·Σ cᵢ L^{i·step}.
fn lag_poly(coefs: &[f64], step: usize, sign: f64) -> Vec<f64> {
    let mut p = vec![0.0; coefs.len() * step + 1];
    p[0] = 1.0;
    for (i, c) in coefs.iter().enumerate() {
        p[(i + 1) * step] = sign * c;
    }
    p
}

/// The companion-form model of the full ARIMA process (differencing folded into the AR side).
fn companion(o: &SarimaOrder, params: &[f64]) -> Companion {
    let c = Coefficients::split(o, params);
    let s = o.season().max(1);
    let mut ar = poly_mul(&lag_poly(c.ar, 1, -1.0), &lag_poly(c.seasonal_ar, s, -1.0));
    for _ in 0..o.d {
        ar = poly_mul(&ar, &[1.0, -1.0]);
    }
    for _ in 0..o.seasonal_d {
        ar = poly_mul(&ar, &lag_poly(&[1.0], s, -1.0));
    }
    let ma = poly_mul(&lag_poly(c.ma, 1, 1.0), &lag_poly(c.seasonal_ma, s, 1.0));
    let m = (ar.len() - 1).max(ma.len()).max(1);
    let mut transition = vec![0.0; m];
    for (i, v) in ar.iter().enumerate().skip(1) {
        transition[i - 1] = -v;
    }
    let mut selection = vec![0.0; m];
    for (i, v) in ma.iter().enumerate() {
        selection[i] = *v;
    }
    Companion {
        ar: transition,
        selection,
        sigma2: c.sigma2,
    }
}

/// Whether 1 + θ₁z + … + θ_q z^q has all roots outside the unit circle
/// (Schur–Cohn step-down recursion).
fn is_invertible(theta: &[f64]) -> bool {
    let mut a: Vec<f64> = theta.to_vec();
    while let Some(&k) = a.last() {
        if k.abs() >= 1.0 {
            return false;
        }
        let n = a.len();
        let denom = 1.0 - k * k;
        a = (0..n - 1)
            .map(|i| (a[i] - k * a[n - 2 - i]) / denom)
            .collect();
    }
    true
}

/// Unconstrained vector: σ² → √σ² (statsmodels' variance transform); the rest as is.
fn untransform(params: &[f64]) -> Vec<f64> {
    let mut x = params.to_vec();
    if let Some(last) = x.last_mut() {
        *last = last.sqrt();
    }
    x
}

fn transform(x: &[f64]) -> Vec<f64> {
    let mut p = x.to_vec();
    if let Some(last) = p.last_mut() {
        *last = *last * *last;
    }
    p
}

/// −loglik/n as a function of the unconstrained parameters.
#[derive(Clone)]
struct Objective<'a> {
    y: &'a [f64],
    order: SarimaOrder,
    burn: usize,
}

impl Objective<'_> {
    fn cost_at(&self, x: &[f64]) -> f64 {
        let params = transform(x);
        let ll = companion(&self.order, &params)
            .filter(self.y, self.burn)
            .loglike;
        if ll.is_finite() {
            -ll / self.y.len() as f64
        } else {
            1e10
        }
    }
}

impl CostFunction for Objective<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, x: &Self::Param) -> std::result::Result<f64, argmin::core::Error> {
        Ok(self.cost_at(x))
    }
}

impl Gradient for Objective<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, x: &Self::Param) -> std::result::Result<Vec<f64>, argmin::core::Error> {
        let mut g = vec![0.0; x.len()];
        let mut xp = x.clone();
        for i in 0..x.len() {
            let h = f64::EPSILON.cbrt() * x[i].abs().max(0.1);
            xp[i] = x[i] + h;
            let up = self.cost_at(&xp);
            xp[i] = x[i] - h;
            let down = self.cost_at(&xp);
            xp[i] = x[i];
            g[i] = (up - down) / (2.0 * h);
        }
        Ok(g)
    }
}

/// OPG standard errors: inverse of Σₜ gₜgₜᵀ with gₜ the gradient of the t-th
/// log-likelihood term with respect to the (constrained) parameters.
fn opg_std_errors(y: &[f64], o: &SarimaOrder, burn: usize, params: &[f64]) -> Vec<f64> {
    let k = params.len();
    let n = y.len();
    let mut scores = Array2::<f64>::zeros((n, k));
    let mut p = params.to_vec();
    for i in 0..k {
        let h = f64::EPSILON.cbrt() * params[i].abs().max(0.1);
        let h = if i == k - 1 {
            h.min(params[i] / 2.0)
        } else {
            h
        };
        p[i] = params[i] + h;
        let up = companion(o, &p).filter(y, burn).loglike_obs;
        p[i] = params[i] - h;
        let down = companion(o, &p).filter(y, burn).loglike_obs;
        p[i] = params[i];
        for t in 0..n {
            scores[[t, i]] = (up[t] - down[t]) / (2.0 * h);
        }
    }
    let info = scores.t().dot(&scores);
    match invert(&info) {
        Ok(cov) => (0..k).map(|i| cov[[i, i]].max(0.0).sqrt()).collect(),
        Err(_) => vec![f64::NAN; k],
    }
}

/// Differences y d times at lag 1 and D times at lag s.
fn difference(y: &[f64], o: &SarimaOrder) -> Vec<f64> {
    let mut out = y.to_vec();
    for _ in 0..o.d {
        out = out.windows(2).map(|w| w[1] - w[0]).collect();
    }
    let s = o.season();
    for _ in 0..o.seasonal_d {
        out = (s..out.len()).map(|t| out[t] - out[t - s]).collect();
    }
    out
}

/// One conditional-sum-of-squares pass (statsmodels `_conditional_sum_squares`):
/// AR and MA coefficients at lags `step, 2·step, …` and the residual variance.
fn css(y: &[f64], n_ar: usize, n_ma: usize, step: usize) -> (Vec<f64>, Vec<f64>, Option<f64>) {
    let k_ar = n_ar * step;
    let k_ma = n_ma * step;
    if n_ar + n_ma == 0 {
        return (Vec::new(), Vec::new(), None);
    }
    let k = 2 * k_ma;
    let r = (k + k_ma).max(k_ar);
    let fallback = || {
        let mean = y.iter().sum::<f64>() / y.len().max(1) as f64;
        let var = y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / y.len().max(1) as f64;
        (vec![0.0; n_ar], vec![0.0; n_ma], Some(var))
    };
    let n = y.len();
    if n <= r + n_ar + n_ma || n <= k + k {
        return fallback();
    }
    // Long AR(k) residuals stand in for the innovations.
    let mut resid_at = vec![0.0; n]; // residual at time t (t ≥ k)
    if k_ma > 0 {
        let rows = n - k;
        let x = Array2::from_shape_fn((rows, k), |(i, j)| y[k + i - 1 - j]);
        let target = Array1::from_shape_fn(rows, |i| y[k + i]);
        match least_squares(&x, &target) {
            Ok(fit) => {
                for i in 0..rows {
                    resid_at[k + i] = fit.residuals[i];
                }
            }
            Err(_) => return fallback(),
        }
    }
    let rows = n - r;
    let cols = n_ar + n_ma;
    let x = Array2::from_shape_fn((rows, cols), |(i, j)| {
        let t = r + i;
        if j < n_ar {
            y[t - (j + 1) * step]
        } else {
            resid_at[t - (j - n_ar + 1) * step]
        }
    });
    let target = Array1::from_shape_fn(rows, |i| y[r + i]);
    match least_squares(&x, &target) {
        Ok(fit) => {
            let resid = fit.residuals.as_slice().unwrap_or(&[]);
            let var = if resid.len() > n_ma.max(1) {
                let tail = &resid[n_ma..];
                Some(tail.iter().map(|e| e * e).sum::<f64>() / tail.len() as f64)
            } else {
                None
            };
            (
                fit.coef.iter().take(n_ar).copied().collect(),
                fit.coef.iter().skip(n_ar).copied().collect(),
                var,
            )
        }
        Err(_) => fallback(),
    }
}

/// statsmodels' start values: CSS on the differenced series, separately for
/// the non-seasonal and the seasonal polynomials.
fn css_start(y: &[f64], o: &SarimaOrder) -> Result<Vec<f64>> {
    let w = difference(y, o);
    if w.is_empty() {
        return Err(Error::input(
            "SARIMA",
            "no observations left after differencing",
        ));
    }
    let (ar, ma, var) = css(&w, o.p, o.q, 1);
    let (sar, sma, svar) = css(&w, o.seasonal_p, o.seasonal_q, o.season().max(1));
    let sigma2 = var
        .or(svar)
        .unwrap_or_else(|| w.iter().map(|v| v * v).sum::<f64>() / y.len() as f64)
        .max(1e-10);
    let mut start = ar;
    start.extend(ma);
    start.extend(sar);
    start.extend(sma);
    start.push(sigma2);
    Ok(start)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::ORIGINAL;
    use super::*;

    fn log_train() -> Vec<f64> {
        ORIGINAL.iter().take(72).map(|v| v.ln_1p()).collect()
    }

    fn original_order() -> SarimaOrder {
        SarimaOrder::new((1, 0, 1), (1, 1, 1, 14))
    }

    // statsmodels 0.14.4, SARIMAX(log1p(original daily revenue)[:72], order=(1,0,1),
    // seasonal_order=(1,1,1,14), enforce_stationarity=False, enforce_invertibility=False):
    // start_params [0.810409181167, -0.020089713098, -0.396588380574, 0.062607186858, 0.01390698157],
    // loglike(start_params) = 33.42187436053327.
    #[test]
    fn css_start_and_likelihood_match_statsmodels() {
        let y = log_train();
        let o = original_order();
        let start = css_start(&y, &o).unwrap();
        let expected = [
            0.810409181167,
            -0.020089713098,
            -0.396588380574,
            0.062607186858,
            0.01390698157,
        ];
        for (a, b) in start.iter().zip(expected) {
            assert!((a - b).abs() < 1e-8, "{start:?}");
        }
        let ll = companion(&o, &start).filter(&y, o.k_states()).loglike;
        assert!((ll - 33.42187436053327).abs() < 1e-4, "{ll}");
        assert_eq!(o.k_states(), 30);
    }

    // statsmodels' fit of the same model: params [0.834534896641, -0.002325452722,
    // -0.047462358673, -1.010263400512, 0.006477478412], llf 36.5531199536422,
    // AIC -63.106239907284404, BIC -54.41789181586756 (nobs_effective 42),
    // bse [0.0916, 0.1726, 0.1111, 20.45, 0.1330].
    #[test]
    fn original_model_matches_statsmodels() {
        let y = log_train();
        let fit = SarimaParams::new(original_order()).fit(&y).unwrap();
        let sm_params = [
            0.834534896641,
            -0.002325452722,
            -0.047462358673,
            -1.010263400512,
            0.006477478412,
        ];
        let sm_ll = companion(&original_order(), &sm_params)
            .filter(&y, 30)
            .loglike;
        // Our companion form differs from statsmodels' state layout; with κ = 1e6 the
        // two approximate-diffuse likelihoods differ by ~1e-4.
        assert!((sm_ll - 36.5531199536422).abs() < 5e-4, "{sm_ll}");
        // At least as good a maximum as statsmodels, and AIC/BIC within 0.05.
        assert!(fit.loglike > 36.5531199536422 - 1e-3, "{fit:?}");
        assert!((fit.aic + 63.106239907284404).abs() < 0.05, "{}", fit.aic);
        assert!((fit.bic + 54.41789181586756).abs() < 0.05, "{}", fit.bic);
        assert_eq!(fit.nobs_effective, 42);
        // The well-identified parameters within 0.05; the seasonal MA sits on the
        // flat non-invertible ridge near -1.
        assert!(
            (fit.params[0] - sm_params[0]).abs() < 0.05,
            "{:?}",
            fit.params
        );
        assert!(
            (fit.params[1] - sm_params[1]).abs() < 0.05,
            "{:?}",
            fit.params
        );
        assert!(
            (fit.params[2] - sm_params[2]).abs() < 0.05,
            "{:?}",
            fit.params
        );
        assert!(
            (fit.params[3] - sm_params[3]).abs() < 0.1,
            "{:?}",
            fit.params
        );
        assert!(
            (fit.std_errors[0] - 0.0916).abs() < 0.02,
            "{:?}",
            fit.std_errors
        );
        // 19-day forecast: statsmodels' first values 13.6267, 13.6792.
        let mean = fit.predict(0, 19, &[]).unwrap().point;
        assert!((mean[0] - 13.626666419399).abs() < 0.01, "{mean:?}");
    }

    #[test]
    fn invertibility_check() {
        assert!(is_invertible(&[0.5]));
        assert!(!is_invertible(&[1.2]));
        assert!(is_invertible(&[0.5, 0.2]));
        assert!(!is_invertible(&[0.0, -1.0]));
        assert!(is_invertible(&[]));
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let y = log_train();
        let o = original_order();
        // Too short: 30 burn-in points + 5 parameters.
        assert!(matches!(
            SarimaParams::new(o).fit(&y[..32]),
            Err(Error::InvalidInput { .. })
        ));
        let mut with_nan = y.clone();
        with_nan[10] = f64::NAN;
        assert!(matches!(
            SarimaParams::new(o).fit(&with_nan),
            Err(Error::InvalidInput { .. })
        ));
        let zero_season = SarimaOrder::new((1, 0, 1), (1, 1, 1, 0));
        assert!(matches!(
            SarimaParams::new(zero_season).fit(&y),
            Err(Error::InvalidParameter { name: "s", .. })
        ));
        let bad_start = SarimaParams::new(o).start(vec![0.5, 1.5, 0.0, 0.0, 0.01]);
        assert!(matches!(
            bad_start.fit(&y),
            Err(Error::InvalidParameter { name: "start", .. })
        ));
        let bad_seasonal = SarimaParams::new(o).start(vec![0.5, 0.1, 0.0, -1.0, 0.01]);
        assert!(matches!(
            bad_seasonal.check(),
            Err(Error::InvalidParameter { name: "start", .. })
        ));
        assert!(SarimaParams::new(o).start(vec![0.5]).check().is_err());
        assert!(SarimaParams::new(o).burn(3).check().is_err());
    }

    #[test]
    fn iteration_limit_is_reported_not_hidden() {
        let y = log_train();
        let fit = SarimaParams::new(original_order())
            .max_iters(1)
            .fit(&y)
            .unwrap();
        assert!(!fit.convergence.converged);
        assert!(matches!(
            fit.require_converged(),
            Err(Error::NotConverged { .. })
        ));
        assert!(fit.summary("t").to_html().contains("NOT CONVERGED"));
    }
}
