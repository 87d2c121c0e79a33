//! Logistic regression: L2 through linfa-logistic (L-BFGS), L1 through
//! [`super::L1Logistic`] (linfa 0.8.1 offers no L1 logistic: linfa-logistic
//! is L2-only and linfa-elasticnet fits only squared-error models).

use linfa::prelude::{DatasetBase, Fit};
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, ArrayView1, ArrayView2};

use super::evaluation::BinaryClassifier;
use super::l1_logistic::L1Logistic;
use crate::error::{Error, Result};

/// Regularisation of the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Penalty {
    /// Squared weights (ridge).
    L2,
    /// Absolute weights (lasso), which can set weights to exactly 0.
    L1,
}

/// Settings, in scikit-learn's terms: minimise ½‖w‖² (L2) or ‖w‖₁ (L1) plus
/// C × the summed log-loss.
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticParams {
    /// Penalty kind.
    pub penalty: Penalty,
    /// Inverse regularisation strength (> 0); the notebook uses 1.
    pub c: f64,
    /// Iteration cap.
    pub max_iterations: u64,
}

impl LogisticParams {
    /// C = 1 and 1,000 iterations.
    pub fn new(penalty: Penalty) -> Self {
        Self {
            penalty,
            c: 1.0,
            max_iterations: 1000,
        }
    }

    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for C ≤ 0 or 0 iterations.
    pub fn check(&self) -> Result<()> {
        if !(self.c > 0.0 && self.c.is_finite()) {
            return Err(Error::param("C", "must be positive and finite"));
        }
        if self.max_iterations == 0 {
            return Err(Error::param("max_iterations", "must be at least 1"));
        }
        Ok(())
    }

    /// Fits on rows `x` and 0/1 labels `y`.
    ///
    /// ```
    /// use amazon_sales::ml::classify::{BinaryClassifier, LogisticParams, Penalty};
    /// use ndarray::array;
    /// let x = array![[-2.0], [-1.0], [-0.5], [0.5], [1.0], [2.0]];
    /// let y = array![0, 0, 1, 0, 1, 1];
    /// for penalty in [Penalty::L2, Penalty::L1] {
    ///     let m = LogisticParams::new(penalty).fit(x.view(), y.view())?;
    ///     assert_eq!(m.predict(array![[-3.0], [3.0]].view())?.to_vec(), vec![0, 1]);
    /// }
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`check`](Self::check); [`Error::InvalidInput`] for an empty set, a
    /// single class or non-finite values; [`Error::Model`] from linfa.
    pub fn fit(&self, x: ArrayView2<f64>, y: ArrayView1<usize>) -> Result<LogisticModel> {
        self.check()?;
        super::check_binary("logistic regression", x.nrows(), y)?;
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "logistic regression",
                "data contain NaN or infinity",
            ));
        }
        match self.penalty {
            Penalty::L2 => {
                let fitted = LogisticRegression::default()
                    .alpha(1.0 / self.c)
                    .max_iterations(self.max_iterations)
                    .fit(&DatasetBase::new(x, y))
                    .map_err(|e| Error::model("logistic regression", e))?;
                // linfa calls the first label it meets "positive": orient to class 1
                let sign = if fitted.labels().pos.class == 1 {
                    1.0
                } else {
                    -1.0
                };
                Ok(LogisticModel {
                    penalty: Penalty::L2,
                    coef: fitted.params() * sign,
                    intercept: fitted.intercept() * sign,
                    converged: true,
                })
            }
            Penalty::L1 => {
                let fit = L1Logistic::new(self.c, self.max_iterations).fit(x, y)?;
                Ok(LogisticModel {
                    penalty: Penalty::L1,
                    coef: fit.coef,
                    intercept: fit.intercept,
                    converged: fit.converged,
                })
            }
        }
    }
}

/// A fitted logistic regression: P(class 1) = σ(x·coef + intercept).
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticModel {
    /// Penalty used.
    pub penalty: Penalty,
    /// Weight per feature.
    pub coef: Array1<f64>,
    /// Intercept.
    pub intercept: f64,
    /// Whether the solver met its tolerance (L1; the L2 solver errors otherwise).
    pub converged: bool,
}

impl BinaryClassifier for LogisticModel {
    fn name(&self) -> String {
        match self.penalty {
            Penalty::L2 => "Logistic regression (L2)".into(),
            Penalty::L1 => "Logistic regression (L1)".into(),
        }
    }

    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        if x.ncols() != self.coef.len() {
            return Err(Error::input(
                "logistic regression",
                format!("fitted on {} features, got {}", self.coef.len(), x.ncols()),
            ));
        }
        Ok((x.dot(&self.coef) + self.intercept).mapv(|z| 1.0 / (1.0 + (-z).exp())))
    }
}
