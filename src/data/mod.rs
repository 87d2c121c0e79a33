//! Generic data handling shared by both studies: the CSV reader (plain or
//! gzip), calendar dates, the cleaning log, the data-quality report and exact
//! duplicate detection. The data-set specific loaders live in
//! the study folders (`src/sales/load.rs`, `src/products/load.rs`).

pub mod cleaning;
pub mod csv;
pub mod dates;
pub mod duplicates;
pub mod quality;
