//! Pie chart of labelled shares.

use plotters::prelude::*;

use super::canvas::render;
use super::spec::{chart_err, color, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};

/// Pie of `(label, value)` slices; labels show the share in percent, and
/// slices below 0.1 % are left out (as the original's R-84 did).
///
/// ```
/// use amazon_sales::charts::{pie, ChartSpec};
/// let fig = pie(&ChartSpec::new("Fulfilment").size(400, 400), &[("Amazon".into(), 9.0), ("Merchant".into(), 1.0)]).unwrap();
/// assert!(fig.svg().contains("90.0 %"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when no slice is positive; [`Error::Chart`] if drawing fails.
pub fn pie(spec: &ChartSpec, slices: &[(String, f64)]) -> Result<Figure> {
    let total: f64 = slices.iter().map(|s| s.1).filter(|v| *v > 0.0).sum();
    if total <= 0.0 {
        return Err(Error::input("pie", "no positive slice"));
    }
    let shown: Vec<(String, f64, RGBColor)> = slices
        .iter()
        .enumerate()
        .filter(|(_, s)| s.1 / total >= 0.001)
        .map(|(i, s)| {
            (
                format!("{} {:.1} %", s.0, 100.0 * s.1 / total),
                s.1,
                color(i),
            )
        })
        .collect();
    render(spec, |root| {
        let root = root
            .titled(&spec.title, ("sans-serif", 18))
            .map_err(chart_err)?;
        let (w, h) = root.dim_in_pixel();
        let center = (w as i32 / 2, h as i32 / 2);
        let radius = (w.min(h) as f64) * 0.32;
        let sizes: Vec<f64> = shown.iter().map(|s| s.1).collect();
        let colours: Vec<RGBColor> = shown.iter().map(|s| s.2).collect();
        let labels: Vec<String> = shown.iter().map(|s| s.0.clone()).collect();
        let mut p = Pie::new(&center, &radius, &sizes, &colours, &labels);
        p.label_style(("sans-serif", 13).into_font());
        root.draw(&p).map_err(chart_err)
    })
}
