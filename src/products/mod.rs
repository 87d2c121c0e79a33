//! Notebook 02, the product list (`amazon.csv`), one module per notebook
//! section in notebook order:
//!
//! * [`load`] and [`text`]: typed loading, reviews exploded, the original's
//!   cleaning and text cleaning (§1–5);
//! * [`eda`]: §4–5 exploratory summaries and the most-reviewed rankings;
//! * [`frame`]: §6.1 the model frame;
//! * [`price`]: §6.2 price regression; [`rating`]: §6.3 rating classification;
//! * [`text_space`]: §7–9 TF-IDF + SVD space, K-Means and hierarchical clustering;
//! * [`segments`]: §10 improved K-Means with named segments;
//! * [`sentiment`]: §11 review sentiment with a CNN; [`sentiment_findings`]: what
//!   its scores say about rating, price and the products that fall short;
//! * [`bands`]: §12 banded items for Apriori;
//! * [`summary`]: §13 the closing table.
//!
//! ```no_run
//! use amazon_sales::products::{self, ProductFrame, RatingSource};
//! let mut cleaned = products::load_clean()?;
//! let trimmed = products::trim_price_outliers(&cleaned.products, &mut cleaned.report)?;
//! let frame = ProductFrame::build(&trimmed, RatingSource::Original)?;
//! assert_eq!(frame.len(), 1394);
//! # Ok::<(), amazon_sales::Error>(())
//! ```

pub mod bands;
pub mod eda;
pub mod frame;
pub mod load;
pub mod price;
pub mod rating;
pub mod segments;
pub mod sentiment;
pub mod sentiment_findings;
pub mod summary;
pub mod text;
pub mod text_space;

pub use frame::{ProductFrame, RatingSource};
pub use load::*;
pub use price::{HonestPrice, PriceModels};
pub use rating::{BalancedRating, RatingModels, RatingScores};
pub use text_space::{build_space, ClusterSpace, Segmentation, SpaceParams};
