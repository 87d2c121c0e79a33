//! The random-forest regressor of [`crate::ml::tree`] as a [`Regressor`].

use ndarray::{Array1, ArrayView1, ArrayView2};

use super::evaluation::Regressor;
use crate::error::Result;
use crate::ml::tree::{Criterion, RandomForest, RandomForestParams};

/// A fitted random-forest regressor.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestRegressor {
    /// The forest (importances).
    pub forest: RandomForest,
}

impl ForestRegressor {
    /// Fits with `params` (the notebook: 100 trees, depth 25, min split 10, all features per split).
    ///
    /// # Errors
    /// As [`RandomForestParams::fit`].
    pub fn fit(
        x: ArrayView2<f64>,
        y: ArrayView1<f64>,
        params: &RandomForestParams,
    ) -> Result<Self> {
        super::check_xy("random-forest regressor", x, y)?;
        Ok(Self {
            forest: params.fit(x, y, None, Criterion::SquaredError)?,
        })
    }
}

impl Regressor for ForestRegressor {
    fn name(&self) -> String {
        "Random forest regressor".into()
    }

    fn predict(&self, x: ArrayView2<f64>) -> Result<Array1<f64>> {
        self.forest.predict(x)
    }
}
