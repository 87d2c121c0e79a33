//! ACF / PACF stem chart with the 95 % confidence band shaded around zero.

use plotters::prelude::*;

use super::canvas::{axes, numeric_mesh, render};
use super::spec::{chart_err, color, ChartSpec};
use crate::display::Figure;
use crate::error::{Error, Result};
use crate::ml::forecast::Correlogram;

/// Stems at lags 1..=n (lag 0 omitted, it is always 1) and the band ±half-width.
///
/// ```
/// use amazon_sales::charts::{correlogram, ChartSpec};
/// use amazon_sales::ml::forecast::acf;
/// let x: Vec<f64> = (0..40).map(|i| (i as f64).sin()).collect();
/// let fig = correlogram(&ChartSpec::new("ACF"), &acf(&x, 10).unwrap()).unwrap();
/// assert!(fig.svg().contains("<svg"));
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] with fewer than two lags; [`Error::Chart`] if drawing fails.
pub fn correlogram(spec: &ChartSpec, c: &Correlogram) -> Result<Figure> {
    let n = c.values.len();
    if n < 2 {
        return Err(Error::input("chart", "correlogram: no lags to draw"));
    }
    let top = c.values[1..]
        .iter()
        .chain(&c.band[1..])
        .fold(0.0_f64, |m, v| m.max(v.abs()))
        .max(0.1)
        * 1.15;
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 60))
            .build_cartesian_2d(0.0..(n as f64), -top..top)
            .map_err(chart_err)?;
        numeric_mesh(&mut chart, &spec.x_label, &spec.y_label)?;
        let band = color(0).mix(0.2).filled();
        let mut upper: Vec<(f64, f64)> = (1..n).map(|k| (k as f64, c.band[k])).collect();
        upper.extend((1..n).rev().map(|k| (k as f64, -c.band[k])));
        chart
            .draw_series(std::iter::once(Polygon::new(upper, band)))
            .map_err(chart_err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, 0.0), (n as f64, 0.0)],
                BLACK.stroke_width(1),
            )))
            .map_err(chart_err)?;
        let stem = color(0);
        for k in 1..n {
            let v = c.values[k];
            let outside = v.abs() > c.band[k];
            let style = if outside { color(3) } else { stem };
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(k as f64, 0.0), (k as f64, v)],
                    style.stroke_width(2),
                )))
                .map_err(chart_err)?;
            chart
                .draw_series(std::iter::once(Circle::new(
                    (k as f64, v),
                    4,
                    style.filled(),
                )))
                .map_err(chart_err)?;
        }
        Ok(())
    })
}
