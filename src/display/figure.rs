//! [`Figure`]: an SVG chart shown inline in a notebook and savable to disk.

use std::fmt;
use std::path::Path;

use super::html::emit_rich;
use crate::error::{Error, Result};

/// A rendered chart: an SVG document plus its title.
///
/// ```
/// use amazon_sales::display::Figure;
/// let fig = Figure::from_svg("demo", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
/// assert!(fig.svg().starts_with("<svg"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    title: String,
    svg: String,
}

impl Figure {
    /// Wraps an SVG document.
    pub fn from_svg(title: impl Into<String>, svg: impl Into<String>) -> Self {
        Figure {
            title: title.into(),
            svg: svg.into(),
        }
    }

    /// The chart title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The SVG source.
    pub fn svg(&self) -> &str {
        &self.svg
    }

    /// Writes the SVG to `path` (creating parent directories).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(path, &self.svg).map_err(io)
    }

    /// Renders the figure inline in an evcxr notebook.
    pub fn evcxr_display(&self) {
        emit_rich("image/svg+xml", &self.svg);
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[figure: {} ({} bytes of SVG)]",
            self.title,
            self.svg.len()
        )
    }
}
