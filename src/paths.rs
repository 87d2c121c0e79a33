//! Paths resolved from the project root (where `Cargo.toml` lives), never
//! from the current directory, so notebooks, tests and benches find the same
//! files wherever they are started from.

use std::path::PathBuf;

/// The project root: the directory holding this crate's `Cargo.toml`.
///
/// ```
/// assert!(amazon_sales::paths::project_root().join("Cargo.toml").exists());
/// ```
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `data/raw/` under the project root: the immutable input files.
pub fn raw_dir() -> PathBuf {
    project_root().join("data").join("raw")
}

/// The sales report shipped with the project (`Amazon Sale Report.csv.gz`).
pub fn sales_report() -> PathBuf {
    raw_dir().join("Amazon Sale Report.csv.gz")
}

/// The product list shipped with the project (`amazon.csv.gz`).
pub fn product_list() -> PathBuf {
    raw_dir().join("amazon.csv.gz")
}

/// `out/` under the project root, where figures and reports are written.
pub fn out_dir() -> PathBuf {
    project_root().join("out")
}
