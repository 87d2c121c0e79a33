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

    /// One line naming the figure and its size, the `text/plain` form shown
    /// alongside the SVG: `Figure: <title> (<w>×<h> SVG)`, or the SVG's byte
    /// count when its root element has no width and height.
    ///
    /// ```
    /// use amazon_sales::display::Figure;
    /// let fig = Figure::from_svg("Sales", "<svg width=\"800\" height=\"400\"></svg>");
    /// assert_eq!(fig.summary(), "Figure: Sales (800×400 SVG)");
    /// assert_eq!(Figure::from_svg("x", "<svg/>").summary(), "Figure: x (SVG, 6 bytes)");
    /// ```
    pub fn summary(&self) -> String {
        match (svg_attr(&self.svg, "width"), svg_attr(&self.svg, "height")) {
            (Some(w), Some(h)) => format!("Figure: {} ({w}×{h} SVG)", self.title),
            _ => format!("Figure: {} (SVG, {} bytes)", self.title, self.svg.len()),
        }
    }

    /// Renders the figure inline in an evcxr notebook: the SVG plus a
    /// `text/plain` [`Figure::summary`] line, in one output.
    pub fn evcxr_display(&self) {
        emit_rich("text/plain", &self.summary());
        emit_rich("image/svg+xml", &self.svg);
    }
}

/// The value of attribute `name` on the root `<svg ...>` tag.
fn svg_attr<'a>(svg: &'a str, name: &str) -> Option<&'a str> {
    let start = svg.find("<svg")? + 4;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let needle = format!("{name}=\"");
    let mut from = 0;
    while let Some(pos) = tag[from..].find(&needle) {
        let at = from + pos;
        from = at + needle.len();
        // a whole attribute name, not the tail of e.g. `stroke-width`
        if tag[..at].ends_with(char::is_whitespace) {
            let value = &tag[from..];
            return value.find('"').map(|end| &value[..end]);
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_root_width_and_height() {
        let svg = "<?xml version=\"1.0\"?>\n<svg stroke-width=\"2\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\"><rect width=\"5\"/></svg>";
        assert_eq!(
            Figure::from_svg("Revenue", svg).summary(),
            "Figure: Revenue (640×480 SVG)"
        );
    }

    #[test]
    fn summary_without_size_gives_bytes() {
        let fig = Figure::from_svg("t", "<svg><rect width=\"5\" height=\"3\"/></svg>");
        assert!(fig.summary().ends_with("bytes)"));
    }
}
