//! Loading and cleaning the two data sets: one module per data set, plus the
//! shared CSV reader, the cleaning log and the data-quality report.

pub mod cleaning;
pub mod csv;
pub mod dates;
pub mod duplicates;
pub mod products;
pub mod quality;
pub mod sales;
pub mod states;
pub mod text;
