//! Forecast chart: the history, the dated point forecast (dashed) with shaded
//! prediction intervals, optional actual values over the forecast period, and
//! a vertical line at the last observed date.

use plotters::prelude::*;

use super::spec::{chart_err, color, finite_range, padded, ChartSpec};
use crate::data::dates::iso_date;
use crate::display::Figure;
use crate::error::Result;
use crate::models::forecast::Forecast;

/// Draws `history` (x = days since 1970-01-01), then `forecast` with its
/// intervals (widest first, lighter), and `actual` if given.
///
/// ```
/// use amazon_sales::charts::{forecast_band, ChartSpec};
/// use amazon_sales::models::forecast::Forecast;
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
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(&spec.title, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(80)
            .build_cartesian_2d(padded(x0, x1), padded(y0, y1))
            .map_err(chart_err)?;
        chart
            .configure_mesh()
            .x_desc(&spec.x_label)
            .y_desc(&spec.y_label)
            .x_labels(8)
            .x_label_formatter(&|x: &f64| iso_date(x.round() as i32))
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
        let hist_colour = color(2);
        chart
            .draw_series(plotters::series::LineSeries::new(
                history.iter().copied(),
                hist_colour.stroke_width(2),
            ))
            .map_err(chart_err)?
            .label("history")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], hist_colour.stroke_width(2))
            });
        if let Some(actual) = actual {
            let c = color(0);
            chart
                .draw_series(plotters::series::LineSeries::new(
                    actual.iter().copied(),
                    c.stroke_width(2),
                ))
                .map_err(chart_err)?
                .label("actual")
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(2))
                });
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
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], band_colour.stroke_width(2))
            });
        if let Some(&(last, _)) = history.last() {
            let range = padded(y0, y1);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(last, range.start), (last, range.end)],
                    BLACK.mix(0.5).stroke_width(1),
                )))
                .map_err(chart_err)?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(chart_err)?;
        root.present().map_err(chart_err)?;
    }
    Ok(Figure::from_svg(&spec.title, svg))
}
