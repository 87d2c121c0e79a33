//! Scoring a fitted regressor on a train/test split.

use ndarray::{Array1, ArrayView2};

use crate::display::{number, Table};
use crate::error::Result;
use crate::ml::metrics;
use crate::ml::split::TrainTest;

/// A fitted model that predicts a value per row.
pub trait Regressor {
    /// Short display name.
    fn name(&self) -> String;

    /// Predicted value per row.
    ///
    /// # Errors
    /// When `x` does not have the fitted number of columns.
    fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>>;
}

/// Test-set errors of one regressor (in the target's unit, e.g. rupees), plus train R².
#[derive(Debug, Clone, PartialEq)]
pub struct RegressionEval {
    /// Model name.
    pub model: String,
    /// R² on the test rows.
    pub r2: f64,
    /// Mean squared error (test).
    pub mse: f64,
    /// Root mean squared error (test).
    pub rmse: f64,
    /// Mean absolute error (test).
    pub mae: f64,
    /// R² on the training rows.
    pub train_r2: f64,
}

/// Scores `model` on both sides of `data`.
///
/// # Errors
/// When the model cannot predict the rows, or the test targets are constant.
pub fn evaluate(model: &dyn Regressor, data: &TrainTest<f64>) -> Result<RegressionEval> {
    let train = model.predict(data.x_train.view())?;
    let pred = model.predict(data.x_test.view())?;
    let y = data.y_test.view();
    Ok(RegressionEval {
        model: model.name(),
        r2: metrics::r2(y, pred.view())?,
        mse: metrics::mse(y, pred.view())?,
        rmse: metrics::rmse(y, pred.view())?,
        mae: metrics::mae(y, pred.view())?,
        train_r2: metrics::r2(data.y_train.view(), train.view())?,
    })
}

impl RegressionEval {
    /// Header matching [`cells`](Self::cells).
    pub fn columns() -> [&'static str; 6] {
        [
            "model",
            "R² (test)",
            "MSE",
            "RMSE (₹)",
            "MAE (₹)",
            "R² (train)",
        ]
    }

    /// One table row.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.model.clone(),
            number(self.r2, 4),
            number(self.mse, 2),
            number(self.rmse, 2),
            number(self.mae, 2),
            number(self.train_r2, 4),
        ]
    }

    /// This evaluation as a one-row table.
    pub fn table(&self) -> Table {
        Table::new(format!("{}: test errors", self.model), Self::columns()).with_row(self.cells())
    }

    /// A table of several evaluations.
    pub fn summary_table(title: &str, evaluations: &[&RegressionEval]) -> Table {
        let mut t = Table::new(title, Self::columns());
        for e in evaluations {
            t.push_row(e.cells());
        }
        t
    }
}

impl crate::display::AsTable for RegressionEval {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}
