//! One error type for the scale-out binary. Each variant names the file, URL
//! or argument it is about; the engine's own error stays reachable through
//! `source()`.

use std::path::PathBuf;

use datafusion::error::DataFusionError;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad command line (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// The input or output file could not be opened, read or written.
    #[error("cannot {action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The input file was read but is not a sales report the plan can run on.
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    /// The Ballista scheduler URL is malformed or nothing answers there.
    #[error("cannot reach the Ballista scheduler at {url}: {message}")]
    Scheduler { url: String, message: String },
    /// DataFusion or Ballista failed while planning or running a query.
    #[error("{context}")]
    Engine {
        context: String,
        #[source]
        source: Box<DataFusionError>,
    },
}

impl Error {
    /// Wraps an engine error with what was being done (`"daily revenue on FILE"`).
    pub fn engine(context: impl Into<String>) -> impl FnOnce(DataFusionError) -> Error {
        let context = context.into();
        move |source| Error::Engine {
            context,
            source: Box::new(source),
        }
    }
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
