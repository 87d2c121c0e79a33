//! [`FigureGrid`]: several figures side by side (wrapping), as the originals' subplot grids.

use std::fmt;

use super::html::{emit_rich, escape_html};
use super::Figure;

/// A row of figures shown together in one notebook output.
///
/// ```
/// use amazon_sales::display::{Figure, FigureGrid};
/// let grid = FigureGrid::new(vec![Figure::from_svg("a", "<svg/>"), Figure::from_svg("b", "<svg/>")]);
/// assert_eq!(grid.to_html().matches("<img src=\"data:image/svg+xml,").count(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGrid {
    figures: Vec<Figure>,
}

impl FigureGrid {
    /// Groups `figures` in display order.
    pub fn new(figures: Vec<Figure>) -> Self {
        FigureGrid { figures }
    }

    /// The figures.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    /// HTML with the figures in a wrapping flex row, each SVG as a data-URL
    /// image: JupyterLab's HTML sanitiser strips inline `<svg>` from an
    /// untrusted notebook but keeps `<img src="data:…">`, so the grid shows
    /// wherever the notebook is opened.
    pub fn to_html(&self) -> String {
        let mut html = String::from("<div style=\"display:flex;flex-wrap:wrap;gap:8px\">");
        for f in &self.figures {
            html.push_str("<div><img src=\"data:image/svg+xml,");
            html.push_str(&data_url_escape(f.svg()));
            html.push_str("\" alt=\"");
            html.push_str(&escape_html(f.title()));
            html.push_str("\"></div>");
        }
        html.push_str("</div>");
        html
    }

    /// One [`Figure::summary`] line per figure, the `text/plain` form shown
    /// alongside the HTML.
    ///
    /// ```
    /// use amazon_sales::display::{Figure, FigureGrid};
    /// let grid = FigureGrid::new(vec![Figure::from_svg("a", "<svg width=\"2\" height=\"1\"/>")]);
    /// assert_eq!(grid.summary(), "Figure: a (2×1 SVG)");
    /// ```
    pub fn summary(&self) -> String {
        self.figures
            .iter()
            .map(Figure::summary)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Renders the grid inline in an evcxr notebook: the HTML plus a
    /// `text/plain` [`FigureGrid::summary`], in one output.
    pub fn evcxr_display(&self) {
        emit_rich("text/plain", &self.summary());
        emit_rich("text/html", &self.to_html());
    }
}

/// Percent-encodes the characters that end or break a data URL inside a
/// double-quoted attribute (`%`, `&`, `#`, `"`, `<`, `>`, line breaks).
fn data_url_escape(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for c in svg.chars() {
        match c {
            '%' => out.push_str("%25"),
            '&' => out.push_str("%26"),
            '#' => out.push_str("%23"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\n' => out.push_str("%0A"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

impl fmt::Display for FigureGrid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for fig in &self.figures {
            writeln!(f, "{fig}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_becomes_a_data_url_that_cannot_break_the_attribute() {
        let svg = "<svg width=\"2\" height=\"1\"><text fill=\"#000\">a &amp; b 100%</text></svg>";
        let html = FigureGrid::new(vec![Figure::from_svg("t <x>", svg)]).to_html();
        let src = html
            .split("src=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        assert!(src.starts_with("data:image/svg+xml,%3Csvg"));
        assert!(!src.contains(['<', '>', '#', '&']), "{src}");
        assert!(src.contains("%23000") && src.contains("%26amp;") && src.contains("100%25"));
        assert!(html.contains("alt=\"t &lt;x&gt;\""));
    }
}
