//! [`FigureGrid`]: several figures side by side (wrapping), as the originals' subplot grids.

use std::fmt;

use super::html::emit_rich;
use super::Figure;

/// A row of figures shown together in one notebook output.
///
/// ```
/// use amazon_sales::display::{Figure, FigureGrid};
/// let grid = FigureGrid::new(vec![Figure::from_svg("a", "<svg/>"), Figure::from_svg("b", "<svg/>")]);
/// assert!(grid.to_html().matches("<svg").count() == 2);
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

    /// HTML with the SVGs in a wrapping flex row.
    pub fn to_html(&self) -> String {
        let mut html = String::from("<div style=\"display:flex;flex-wrap:wrap;gap:8px\">");
        for f in &self.figures {
            html.push_str("<div>");
            html.push_str(f.svg());
            html.push_str("</div>");
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

impl fmt::Display for FigureGrid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for fig in &self.figures {
            writeln!(f, "{fig}")?;
        }
        Ok(())
    }
}
