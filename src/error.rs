//! The one error type of the crate.
//!
//! Every variant that concerns data names the file, and where it applies the
//! column and the 1-based data row (the header is row 0), so a notebook user
//! can open the file and look at the offending value.

use std::path::PathBuf;

/// The error of another crate (linfa, candle, statrs, plotters) kept as the
/// cause of an [`Error::Model`] or [`Error::Chart`], so `source()` reaches it.
pub type SourceError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Result alias used by every fallible function in the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Errors raised by loaders, cleaning rules, models and charts.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input file does not exist or cannot be opened.
    #[error("cannot open {path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file holds no bytes at all, or only a header line.
    #[error("{path}: {what}")]
    EmptyData {
        /// The file involved.
        path: PathBuf,
        /// What was found, in words (e.g. "the file is empty").
        what: String,
    },
    /// A column the loader needs is absent (or was renamed).
    #[error("{path}: required column {column:?} is missing (found: {found})")]
    MissingColumn {
        /// The file involved.
        path: PathBuf,
        /// The required column's name.
        column: String,
        /// The header's column names, comma-separated.
        found: String,
    },
    /// Bytes that are not valid UTF-8.
    #[error("{path}: row {row}: invalid UTF-8 at byte {byte_offset}")]
    InvalidUtf8 {
        /// The file involved.
        path: PathBuf,
        /// Line of the first invalid byte (0 = header, 1 = first data row).
        row: usize,
        /// Offset of the first invalid byte from the start of the (decompressed) file.
        byte_offset: usize,
    },
    /// A value that cannot be parsed into the column's type.
    #[error("{path}: column {column:?}, row {row}: cannot parse {value:?} as {expected}")]
    Parse {
        /// The file involved.
        path: PathBuf,
        /// The column holding the value.
        column: String,
        /// 1-based data row (the header is row 0).
        row: usize,
        /// The value as written in the file.
        value: String,
        /// What the value should have been, in words.
        expected: &'static str,
    },
    /// A CSV file polars could not read (ragged rows, broken quoting).
    #[error("{path}: malformed CSV: {message}")]
    Csv {
        /// The file involved.
        path: PathBuf,
        /// The CSV reader's message.
        message: String,
    },
    /// A parameter outside its valid range (k = 0, split fraction 1.5, ...).
    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter {
        /// The parameter's name.
        name: &'static str,
        /// Why its value is rejected.
        reason: String,
    },
    /// Input data that a computation cannot use (empty, all one class, NaN).
    #[error("invalid input for {context}: {reason}")]
    InvalidInput {
        /// The computation that rejected the input.
        context: &'static str,
        /// What is wrong with the input.
        reason: String,
    },
    /// An iterative fit that stopped without converging.
    #[error("{model} did not converge: {reason}")]
    NotConverged {
        /// The model being fitted.
        model: &'static str,
        /// Why the fit stopped.
        reason: String,
    },
    /// An error raised inside polars.
    #[error(transparent)]
    Polars(#[from] polars::error::PolarsError),
    /// An error raised inside a model: by the crate behind it (linfa,
    /// candle, statrs, ndarray) or by the model's own consistency checks.
    #[error("{context}: {source}")]
    Model {
        /// The model or step that failed.
        context: &'static str,
        /// The underlying error or message.
        #[source]
        source: SourceError,
    },
    /// A chart could not be drawn (a plotters or statrs error).
    #[error("chart: {source}")]
    Chart {
        /// The underlying error.
        #[source]
        source: SourceError,
    },
}

impl Error {
    /// Shorthand for [`Error::InvalidParameter`].
    pub fn param(name: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidParameter {
            name,
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::InvalidInput`].
    pub fn input(context: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            context,
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Model`]: `source` may be another crate's error
    /// or a message (`&str`, `String`).
    ///
    /// ```
    /// use std::error::Error as _;
    /// let e = amazon_sales::Error::model("K-Means", "made no run");
    /// assert_eq!(e.to_string(), "K-Means: made no run");
    /// assert!(e.source().is_some());
    /// ```
    pub fn model(context: &'static str, source: impl Into<SourceError>) -> Self {
        Error::Model {
            context,
            source: source.into(),
        }
    }
}

impl From<linfa::Error> for Error {
    fn from(e: linfa::Error) -> Self {
        Error::model("linfa", e)
    }
}
