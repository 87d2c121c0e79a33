//! # amazon_sales
//!
//! Analysis helpers behind two evcxr notebooks that rebuild a Python
//! data-mining study of Amazon India sales in Rust:
//!
//! * `notebooks/01_sales_report.ipynb`: the sales report (128,975 order lines):
//!   cleaning, EDA, cancellation classifiers, Amount regression, K-Means order
//!   segments, a SARIMA daily-revenue forecast, promotions and top-10s.
//! * `notebooks/02_product_analysis.ipynb`: the product list (1,465 rows):
//!   cleaning, EDA, outliers, price regression, rating classification, text
//!   vectors, clustering, review sentiment and association rules.
//!
//! Every notebook cell is one or two calls into this crate. Results are
//! [`display::Table`]s and [`display::Figure`]s that render inline in the
//! notebook (escaped HTML and SVG) and print as text elsewhere. Fallible
//! functions return [`Result`] with an [`Error`] that names the file, column
//! and row involved; nothing here panics on user data.
//!
//! ```
//! use amazon_sales::prelude::*;
//! let t = Table::new("demo", ["a"]).with_row(["1"]);
//! assert_eq!(t.rows().len(), 1);
//! ```

#![warn(missing_docs)]

pub mod charts;
pub mod data;
pub mod display;
pub mod eda;
pub mod error;
pub mod frame;
pub mod ml;
pub mod paths;
pub mod products;
pub mod sales;
pub mod stats;

pub use error::{Error, Result};

/// Everything a notebook needs, in one `use amazon_sales::prelude::*;`.
///
/// polars is re-exported so notebooks never add their own `:dep polars`
/// (a second copy breaks frames shared between cells: each copy of polars
/// has its own hash seed).
pub mod prelude {
    pub use crate::charts::{self, ChartSpec, LineSeries, ScatterGroup};
    pub use crate::data::cleaning::CleaningReport;
    pub use crate::data::quality::quality_report;
    pub use crate::display::{
        number, percent, thousands, AsTable, Figure, FigureGrid, FrameDisplay, Table,
    };
    pub use crate::eda;
    pub use crate::error::{Error, Result};
    pub use crate::frame::{f64_values, str_values};
    pub use crate::ml::classify::Evaluation;
    pub use crate::ml::forecast;
    pub use crate::ml::regress::RegressionEval;
    pub use crate::paths;
    pub use crate::sales::amount::AmountModel;
    pub use crate::sales::cancellation::Classifier;
    pub use crate::sales::inputs::ModelFrame;
    pub use crate::{products, sales};
    pub use polars;
    pub use polars::prelude::{col, lit, DataFrame, IntoLazy};
}
