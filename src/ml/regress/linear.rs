//! Linear models through linfa-linear: ordinary least squares and ridge
//! (least squares on an augmented system).

use linfa::prelude::{DatasetBase, Fit};
use linfa_linear::LinearRegression;
use ndarray::{concatenate, Array1, Array2, ArrayView1, ArrayView2, Axis};

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::evaluation::Regressor;
use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::ml::linalg::least_squares;

/// Which linear model to fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LinearParams {
    /// Ordinary least squares.
    Ols,
    /// Ridge with sklearn's α: minimise ‖y − Xw‖² + α‖w‖² (α ≥ 0).
    Ridge {
        /// Penalty weight.
        alpha: f64,
    },
}

impl LinearParams {
    /// Validates the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a negative or non-finite α.
    pub fn check(&self) -> Result<()> {
        if let LinearParams::Ridge { alpha } = self {
            if !(alpha.is_finite() && *alpha >= 0.0) {
                return Err(Error::param("alpha", "must be finite and ≥ 0"));
            }
        }
        Ok(())
    }

    /// Fits on rows `x` and targets `y` (with an intercept).
    ///
    /// ```
    /// use amazon_sales::ml::regress::{LinearParams, Regressor};
    /// use ndarray::array;
    /// let x = array![[0.0], [1.0], [2.0], [3.0]];
    /// let y = array![1.0, 3.0, 5.0, 7.0];
    /// let m = LinearParams::Ols.fit(x.view(), y.view())?;
    /// assert!((m.predict(array![[4.0]].view())?[0] - 9.0).abs() < 1e-9);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`check`](Self::check); [`Error::InvalidInput`] for empty or
    /// non-finite data; [`Error::Model`] from linfa.
    pub fn fit(&self, x: ArrayView2<f64>, y: ArrayView1<f64>) -> Result<LinearModel> {
        self.check()?;
        super::check_xy("linear regression", x, y)?;
        match *self {
            LinearParams::Ols => {
                // linfa-linear (without BLAS) solves without pivoting and returns
                // garbage for rank-deficient inputs (constant dummies, the
                // Amazon/Merchant pair); fit on a linearly independent subset of
                // the columns instead: the fitted values are the same as a
                // minimum-norm least-squares fit (sklearn), dropped columns get 0.
                let keep = independent_columns(x);
                let xs = x.select(Axis(1), &keep);
                let m = LinearRegression::new()
                    .fit(&DatasetBase::new(xs.view(), y))
                    .map_err(|e| Error::model("linear regression", e))?;
                let mut coef = Array1::zeros(x.ncols());
                for (&j, &c) in keep.iter().zip(m.params()) {
                    coef[j] = c;
                }
                Ok(LinearModel {
                    name: "Linear regression".into(),
                    coef,
                    intercept: m.intercept(),
                })
            }
            LinearParams::Ridge { alpha } => {
                // ridge as least squares on the centred rows stacked over √α·I
                // (linfa-linear, no intercept); the intercept is ȳ − x̄·w.
                // linfa-elasticnet was checked: it centres y but not x, and its
                // coordinate descent crawls on these unscaled, collinear columns.
                let x_mean = x
                    .mean_axis(Axis(0))
                    .unwrap_or_else(|| Array1::zeros(x.ncols()));
                let y_mean = y.mean().unwrap_or(0.0);
                let centred = &x - &x_mean;
                let penalty = Array2::<f64>::eye(x.ncols()) * alpha.sqrt();
                let stacked = concatenate(Axis(0), &[centred.view(), penalty.view()])
                    .map_err(|e| Error::model("linear regression", e))?;
                let mut target = (&y - y_mean).to_vec();
                target.extend(std::iter::repeat_n(0.0, x.ncols()));
                let target = Array1::from(target);
                let m = LinearRegression::new()
                    .with_intercept(false)
                    .fit(&DatasetBase::new(stacked.view(), target.view()))
                    .map_err(|e| Error::model("linear regression", e))?;
                let coef = m.params().clone();
                Ok(LinearModel {
                    name: format!("Ridge (α = {alpha})"),
                    intercept: y_mean - x_mean.dot(&coef),
                    coef,
                })
            }
        }
    }
}

/// Columns of `x` that are not (numerically) a linear combination of the
/// intercept and earlier columns: Gram–Schmidt on the centred columns.
fn independent_columns(x: ArrayView2<f64>) -> Vec<usize> {
    let mean = x
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(x.ncols()));
    let centred = &x - &mean;
    let mut basis: Vec<Array1<f64>> = Vec::new();
    let mut keep = Vec::new();
    for (j, col) in centred.columns().into_iter().enumerate() {
        let norm = col.dot(&col).sqrt();
        if norm == 0.0 {
            continue;
        }
        let mut r = col.to_owned();
        for b in &basis {
            let p = r.dot(b);
            r.scaled_add(-p, b);
        }
        let rn = r.dot(&r).sqrt();
        if rn > 1e-9 * norm {
            basis.push(r / rn);
            keep.push(j);
        }
    }
    keep
}

/// A fitted linear model: x·coef + intercept.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Display name.
    pub name: String,
    /// Weight per feature.
    pub coef: Array1<f64>,
    /// Intercept.
    pub intercept: f64,
}

impl Regressor for LinearModel {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        if x.ncols() != self.coef.len() {
            return Err(Error::input(
                "linear regression",
                format!("fitted on {} features, got {}", self.coef.len(), x.ncols()),
            ));
        }
        Ok(x.dot(&self.coef) + self.intercept)
    }
}

/// statsmodels-style coefficient table of ordinary least squares with an
/// intercept: coefficient, standard error, t and two-sided p (Student t with
/// n − k − 1 degrees of freedom), from σ̂²(X'X)⁻¹ with σ̂² = SSR / (n − k − 1).
///
/// ```
/// use amazon_sales::ml::regress::ols_coefficients;
/// use ndarray::array;
/// let x = array![[1.0], [2.0], [3.0], [4.0], [5.0]];
/// let y = array![2.1, 3.9, 6.2, 7.8, 10.1];
/// let t = ols_coefficients(x.view(), y.view(), &["x".to_string()], "OLS")?;
/// assert_eq!(t.rows()[1][0], "x");
/// assert_eq!(t.rows()[1][1], "1.9900");
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for mismatched shapes or no residual degrees of
/// freedom. A column collinear with the intercept and the columns before it
/// (e.g. the last of a full set of dummies) is left out and named in the note.
pub fn ols_coefficients(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    names: &[String],
    title: &str,
) -> Result<Table> {
    let (n, k) = x.dim();
    if names.len() != k {
        return Err(Error::input(
            "OLS coefficients",
            format!("{k} columns but {} names", names.len()),
        ));
    }
    if n <= k + 1 {
        return Err(Error::input(
            "OLS coefficients",
            format!("{n} rows leave no residual degrees of freedom for {k} columns"),
        ));
    }
    // Keep the columns one by one while they are not collinear with the kept
    // ones (statsmodels would fit with a pseudo-inverse and warn; here the
    // dropped columns are named in the note instead).
    let ones = Array2::<f64>::ones((n, 1));
    let mut kept: Vec<usize> = Vec::new();
    let mut dropped: Vec<&str> = Vec::new();
    let mut fit = least_squares(&ones, &y.to_owned())?;
    for (j, name) in names.iter().enumerate() {
        let mut trial = kept.clone();
        trial.push(j);
        let design = concatenate(Axis(1), &[ones.view(), x.select(Axis(1), &trial).view()])
            .map_err(|e| Error::model("OLS coefficients", e))?;
        match least_squares(&design, &y.to_owned()) {
            Ok(f) => {
                kept = trial;
                fit = f;
            }
            Err(Error::InvalidInput { .. }) => dropped.push(name.as_str()),
            Err(e) => return Err(e),
        }
    }
    let dof = (n - kept.len() - 1) as f64;
    let sigma2 = fit.ssr / dof;
    let t_dist = StudentsT::new(0.0, 1.0, dof).map_err(|e| Error::model("OLS coefficients", e))?;
    let mut table = Table::new(title, ["term", "coef", "std err", "t", "P>|t|"]);
    let terms = std::iter::once("const").chain(kept.iter().map(|&j| names[j].as_str()));
    for (j, name) in terms.enumerate() {
        let se = (sigma2 * fit.xtx_inv[[j, j]]).sqrt();
        let t = fit.coef[j] / se;
        table.push_row([
            name.to_string(),
            number(fit.coef[j], 4),
            number(se, 4),
            number(t, 3),
            number(2.0 * t_dist.sf(t.abs()), 3),
        ]);
    }
    let r2 = 1.0 - fit.ssr / y.mapv(|v| (v - y.mean().unwrap_or(0.0)).powi(2)).sum();
    let dropped_note = if dropped.is_empty() {
        String::new()
    } else {
        format!(
            "; dropped as collinear with the columns before them: {}",
            dropped.join(", ")
        )
    };
    Ok(table.with_note(format!(
        "{n} rows, {} features + intercept; residual df {}; σ̂ = {}; R² (train) {}{dropped_note}",
        kept.len(),
        n - kept.len() - 1,
        number(sigma2.sqrt(), 3),
        number(r2, 4)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ols_coefficients_name_and_skip_collinear_columns() {
        let x = ndarray::array![
            [1.0, 2.0, 0.5],
            [2.0, 4.0, 0.1],
            [3.0, 6.0, 0.9],
            [4.0, 8.0, 0.3],
            [5.0, 10.0, 0.7]
        ];
        let y = ndarray::array![1.0, 2.1, 2.9, 4.2, 5.0];
        let names: Vec<String> = ["a", "twice a", "b"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let t = ols_coefficients(x.view(), y.view(), &names, "OLS").unwrap();
        let terms: Vec<&str> = t.rows().iter().map(|r| r[0].as_str()).collect();
        assert_eq!(terms, ["const", "a", "b"]);
        assert!(t
            .to_string()
            .contains("dropped as collinear with the columns before them: twice a"));
    }
    use ndarray::array;

    const RIDGE_COEF: [f64; 2] = [0.641614906832298, 0.6403726708074534];
    const RIDGE_INTERCEPT: f64 = 0.5186335403726718;

    #[test]
    fn ridge_matches_sklearn() {
        // sklearn 1.5.2 Ridge(alpha=1).fit(x, y) on these rows
        let x = array![[1.0, 0.0], [2.0, 1.0], [3.0, 1.0], [4.0, 3.0], [5.0, 2.0]];
        let y = array![1.0, 2.5, 2.9, 5.2, 5.1];
        let m = LinearParams::Ridge { alpha: 1.0 }
            .fit(x.view(), y.view())
            .unwrap();
        for (a, b) in m.coef.iter().zip(RIDGE_COEF) {
            assert!((a - b).abs() < 1e-6, "{:?}", m.coef);
        }
        assert!((m.intercept - RIDGE_INTERCEPT).abs() < 1e-6);
        assert!(LinearParams::Ridge { alpha: -1.0 }
            .fit(x.view(), y.view())
            .is_err());
        assert!(LinearParams::Ols.fit(x.view(), array![1.0].view()).is_err());
    }

    #[test]
    fn ols_handles_collinear_columns_like_sklearn() {
        // sklearn LinearRegression on [x, 1 - x, 1] columns: predictions of y = 2x + 1 exact
        let x = array![
            [0.0, 1.0, 1.0],
            [1.0, 0.0, 1.0],
            [2.0, -1.0, 1.0],
            [3.0, -2.0, 1.0]
        ];
        let y = array![1.0, 3.0, 5.0, 7.0];
        let m = LinearParams::Ols.fit(x.view(), y.view()).unwrap();
        let p = m.predict(x.view()).unwrap();
        for (a, b) in p.iter().zip(&y) {
            assert!((a - b).abs() < 1e-9, "{p}");
        }
    }
}
