//! Forecast chart: the history, the dated point forecast (dashed) with shaded
//! prediction intervals, optional actual values over the forecast period, and
//! a vertical line at the last observed date.

use plotters::prelude::*;

use super::canvas::{axes, legend, line_key, render, tick_label};
use super::spec::{chart_err, color, finite_range, padded, ChartSpec};
use crate::data::dates::iso_date;
use crate::display::Figure;
use crate::error::Result;
use crate::ml::forecast::Forecast;

/// Draws `history` (x = days since 1970-01-01), then `forecast` with its
/// intervals (widest first, lighter), and `actual` if given.
///
/// ```
/// use amazon_sales::charts::{forecast_band, ChartSpec};
/// use amazon_sales::ml::forecast::Forecast;
/// let f = Forecast::gaussian(19_174, vec![13.6, 13.7], vec![0.1, 0.2], &[0.8, 0.95]).unwrap();
/// let fig = forecast_band(&ChartSpec::new("Forecast"), &[(19_172.0, 13.5), (19_173.0, 13.4)], &f, None).unwrap();
/// assert!(fig.svg().contains("95 % interval"));
/// ```
///
/// # Errors
/// [`crate::Error::InvalidInput`] with nothing finite to draw; [`crate::Error::Chart`] if drawing fails.
pub fn forecast_band(
    spec: &ChartSpec,
    history: &[(f64, f64)],
    forecast: &Forecast,
    actual: Option<&[(f64, f64)]>,
) -> Result<Figure> {
    let fx: Vec<f64> = forecast.dates.iter().map(|d| *d as f64).collect();
    let xs = history.iter().map(|p| p.0).chain(fx.iter().copied());
    let bounds = forecast
        .intervals
        .iter()
        .flat_map(|i| i.lower.iter().chain(&i.upper))
        .copied();
    let ys = history
        .iter()
        .map(|p| p.1)
        .chain(forecast.point.iter().copied())
        .chain(bounds)
        .chain(actual.unwrap_or(&[]).iter().map(|p| p.1));
    let (x0, x1) = finite_range(xs, "forecast chart")?;
    let (y0, y1) = finite_range(ys, "forecast chart")?;
    render(spec, |root| {
        let mut chart = axes(root, &spec.title, (40, 80))
            .build_cartesian_2d(padded(x0, x1), padded(y0, y1))
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(8)
            .x_label_formatter(&|x: &f64| iso_date(x.round() as i32))
            .y_label_formatter(&tick_label)
            .draw()
            .map_err(chart_err)?;
        let band_colour = color(3);
        let mut intervals: Vec<_> = forecast.intervals.iter().collect();
        intervals.sort_by(|a, b| b.level.total_cmp(&a.level));
        for (k, interval) in intervals.iter().enumerate() {
            let mut polygon: Vec<(f64, f64)> = fx
                .iter()
                .copied()
                .zip(interval.upper.iter().copied())
                .collect();
            polygon.extend(fx.iter().copied().zip(interval.lower.iter().copied()).rev());
            let alpha = 0.15 + 0.15 * k as f64;
            let style = band_colour.mix(alpha).filled();
            chart
                .draw_series(std::iter::once(Polygon::new(polygon, style)))
                .map_err(chart_err)?
                .label(format!("{:.0} % interval", interval.level * 100.0))
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], style));
        }
        let observed = std::iter::once(("history", history, color(2)))
            .chain(actual.map(|a| ("actual", a, color(0))));
        for (name, points, c) in observed {
            chart
                .draw_series(plotters::series::LineSeries::new(
                    points.iter().copied(),
                    c.stroke_width(2),
                ))
                .map_err(chart_err)?
                .label(name)
                .legend(line_key(c.stroke_width(2)));
        }
        let points: Vec<(f64, f64)> = fx
            .iter()
            .copied()
            .zip(forecast.point.iter().copied())
            .collect();
        chart
            .draw_series(DashedLineSeries::new(
                points,
                6,
                4,
                band_colour.stroke_width(2),
            ))
            .map_err(chart_err)?
            .label("forecast")
            .legend(line_key(band_colour.stroke_width(2)));
        if let Some(&(last, _)) = history.last() {
            let range = padded(y0, y1);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(last, range.start), (last, range.end)],
                    BLACK.mix(0.5).stroke_width(1),
                )))
                .map_err(chart_err)?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperLeft)
    })
}
