//! Gaussian naive Bayes through linfa-bayes (`var_smoothing` 1e-9, as sklearn);
//! class probabilities from its joint log-likelihoods (see [`GaussianNaiveBayes`]'s scores).

use linfa::prelude::{DatasetBase, Fit};
use linfa_bayes::{GaussianNb, NaiveBayes};
use ndarray::{Array1, ArrayView1, ArrayView2};

use super::evaluation::BinaryClassifier;
use crate::error::{Error, Result};

/// A fitted Gaussian naive Bayes model.
#[derive(Debug, Clone)]
pub struct GaussianNaiveBayes {
    model: GaussianNb<f64, usize>,
    n_features: usize,
}

impl GaussianNaiveBayes {
    /// Fits on rows `x` and 0/1 labels `y`.
    ///
    /// ```
    /// use amazon_sales::ml::classify::{BinaryClassifier, GaussianNaiveBayes};
    /// use ndarray::array;
    /// let x = array![[0.0], [0.2], [0.1], [5.0], [5.2], [4.9]];
    /// let nb = GaussianNaiveBayes::fit(x.view(), array![0, 0, 0, 1, 1, 1].view())?;
    /// assert_eq!(nb.predict(array![[0.3], [4.0]].view())?.to_vec(), vec![0, 1]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty set or a single class;
    /// [`Error::Model`] from linfa.
    pub fn fit(x: ArrayView2<f64>, y: ArrayView1<usize>) -> Result<Self> {
        super::check_binary("Gaussian naive Bayes", x.nrows(), y)?;
        let model = GaussianNb::params()
            .fit(&DatasetBase::new(x, y))
            .map_err(|e| Error::model("Gaussian naive Bayes", e))?;
        Ok(Self {
            model,
            n_features: x.ncols(),
        })
    }
}

impl BinaryClassifier for GaussianNaiveBayes {
    fn name(&self) -> String {
        "Gaussian naive Bayes".into()
    }

    fn scores(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        if x.ncols() != self.n_features {
            return Err(Error::input(
                "Gaussian naive Bayes",
                format!("fitted on {} features, got {}", self.n_features, x.ncols()),
            ));
        }
        // linfa's predict_proba sums exp(log-likelihood) directly, which
        // underflows to 0/0 = NaN far from both class means; use the
        // difference of the joint log-likelihoods instead: P(1) = σ(jll₁ − jll₀)
        let jll = self.model.joint_log_likelihood(x);
        let (l0, l1) = match (jll.get(&0), jll.get(&1)) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                return Err(Error::model(
                    "Gaussian naive Bayes",
                    "a class is missing from the fitted model",
                ))
            }
        };
        Ok(ndarray::Zip::from(l0)
            .and(l1)
            .map_collect(|&a, &b| 1.0 / (1.0 + (a - b).exp())))
    }
}
