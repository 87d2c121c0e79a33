//! A panel with a title and a sentence instead of a chart: the cell of a grid
//! the original left blank on purpose (e.g. Ward linkage with cosine distances).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::render;
use super::spec::{chart_err, ChartSpec};
use crate::display::Figure;
use crate::error::Result;

/// A `spec.width` × `spec.height` panel with `spec.title` as its caption and
/// `text` centred below it.
///
/// ```
/// use amazon_sales::charts::{note, ChartSpec};
/// let panel = note(&ChartSpec::new("ward, cosine").size(300, 200), "skipped")?;
/// assert!(panel.svg().contains("skipped") && panel.svg().contains("ward, cosine"));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::Chart`] if drawing fails.
pub fn note(spec: &ChartSpec, text: &str) -> Result<Figure> {
    render(spec, |root| {
        let (w, h) = (spec.width as i32, spec.height as i32);
        let centred = |size| {
            ("sans-serif", size)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Center))
        };
        root.draw_text(&spec.title, &centred(20), (w / 2, 24))
            .map_err(chart_err)?;
        root.draw_text(text, &centred(15), (w / 2, h / 2))
            .map_err(chart_err)?;
        Ok(())
    })
}
