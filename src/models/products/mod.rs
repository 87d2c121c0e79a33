//! Models of the product notebook §6–9 (P-60..P-99): price regression,
//! rating classification, text vectors and product segments, each as the
//! original pipeline reproduced and an honest variant beside it.
//!
//! ```no_run
//! use amazon_sales::data::products;
//! use amazon_sales::models::products::{ProductFrame, RatingSource};
//! let mut cleaned = products::load_clean()?;
//! let trimmed = products::trim_price_outliers(&cleaned.products, &mut cleaned.report)?;
//! let frame = ProductFrame::build(&trimmed, RatingSource::Original)?;
//! assert_eq!(frame.len(), 1394);
//! # Ok::<(), amazon_sales::Error>(())
//! ```

pub mod frame;
pub mod price;
pub mod rating;
pub mod segments;

pub use frame::{ProductFrame, RatingSource};
pub use price::{HonestPrice, PriceModels};
pub use rating::{BalancedRating, RatingModels, RatingScores};
pub use segments::{build_space, ClusterSpace, Segmentation, SpaceParams, Sweep};
