//! The drawing scaffold every chart shares: a white SVG canvas turned into a
//! [`Figure`], the captioned chart builder, the legend box, and the tick
//! formatter for numeric axes.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::spec::{chart_err, ChartSpec};
use crate::display::{number, Figure};
use crate::error::Result;

/// The drawing area of one SVG chart.
pub(crate) type Root<'s> = DrawingArea<SVGBackend<'s>, Shift>;

/// Runs `draw` on a white `spec.width` × `spec.height` canvas and returns the
/// SVG as a [`Figure`] titled `spec.title`.
pub(crate) fn render(
    spec: &ChartSpec,
    draw: impl FnOnce(&Root<'_>) -> Result<()>,
) -> Result<Figure> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_err)?;
        draw(&root)?;
        root.present().map_err(chart_err)?;
    }
    Ok(Figure::from_svg(&spec.title, svg))
}

/// A chart builder with the title as a 20 px caption, a 12 px margin and
/// label areas of `(x, y)` pixels below and left of the plot.
pub(crate) fn axes<'a, 's>(
    root: &'a Root<'s>,
    title: &str,
    (x_area, y_area): (u32, u32),
) -> ChartBuilder<'a, 'static, SVGBackend<'s>> {
    let mut builder = ChartBuilder::on(root);
    builder
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area);
    builder
}

/// Draws the grid of a chart whose axes are both numeric: axis titles
/// `x_desc` and `y_desc`, tick labels by [`tick_label`].
pub(crate) fn numeric_mesh(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    x_desc: &str,
    y_desc: &str,
) -> Result<()> {
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(&tick_label)
        .y_label_formatter(&tick_label)
        .draw()
        .map_err(chart_err)
}

/// Draws the legend of the labelled series at `position` on a translucent white box.
pub(crate) fn legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(chart_err)
}

/// The legend key of a line series: a 16 px stroke in `style`.
pub(crate) fn line_key(style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], style)
}

/// Tick label of a numeric axis: six significant digits at most, thousands
/// separators, no trailing zeros (plotters alone prints `30000000.0`).
/// Rounding noise in tick positions (`0.30000000000000004`, `1e-17` for 0)
/// disappears; magnitudes from 10¹⁵ print in scientific notation.
///
/// ```
/// use amazon_sales::charts::tick_label;
/// assert_eq!(tick_label(&30_000_000.0), "30,000,000");
/// assert_eq!(tick_label(&1000.0), "1,000");
/// assert_eq!(tick_label(&0.25), "0.25");
/// assert_eq!(tick_label(&-0.005), "-0.005");
/// ```
pub fn tick_label(v: &f64) -> String {
    let a = v.abs();
    if !v.is_finite() || a >= 1e15 {
        return format!("{v:e}");
    }
    let magnitude = if a > 0.0 { a.log10().floor() as i32 } else { 0 };
    let decimals = (5 - magnitude).clamp(0, 10) as usize;
    let s = number(*v, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_are_readable() {
        let cases = [
            (0.0, "0"),
            (1.0, "1"),
            (-3.0, "-3"),
            (1000.0, "1,000"),
            (2500.0, "2,500"),
            (30_000_000.0, "30,000,000"),
            (-1_250_000.0, "-1,250,000"),
            (19_082.5, "19,082.5"),
            (0.25, "0.25"),
            (0.005, "0.005"),
            (-0.05, "-0.05"),
            (1.5, "1.5"),
            (0.30000000000000004, "0.3"),
            (1.2000000000000002, "1.2"),
            (-2.7755575615628914e-17, "0"),
            (0.000_012_5, "0.0000125"),
            (2.5e15, "2.5e15"),
            (f64::NAN, "NaN"),
        ];
        for (v, want) in cases {
            assert_eq!(tick_label(&v), want, "tick_label({v:e})");
        }
    }
}

#[cfg(test)]
mod rendered {
    use crate::charts::*;

    /// The text of every `<text>` element of an SVG.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("</text>")
            .filter(|chunk| chunk.contains("<text"))
            .filter_map(|chunk| chunk.rsplit('>').next())
            .map(str::to_string)
            .collect()
    }

    /// True for a label that looks like a number (sign, digits, separators, point);
    /// dates such as "2022-04" are not numbers.
    fn numeric(label: &str) -> bool {
        let unsigned = label.strip_prefix('-').unwrap_or(label);
        unsigned.starts_with(|c: char| c.is_ascii_digit())
            && unsigned
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
    }

    /// The numeric tick labels of `fig`, checked for the plotters defaults we replace.
    fn ticks(fig: &crate::display::Figure) -> Vec<String> {
        let ticks: Vec<String> = texts(fig.svg())
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| numeric(t))
            .collect();
        for t in &ticks {
            assert!(!t.ends_with(".0"), "{}: tick {t}", fig.title());
            let int = t.trim_start_matches('-').split('.').next().unwrap_or("");
            assert!(
                int.len() <= 3 || int.contains(','),
                "{}: tick {t} has no separators",
                fig.title()
            );
        }
        ticks
    }

    #[test]
    fn numeric_axes_print_readable_ticks() {
        let bars = vec![
            ("a".to_string(), 30_000_000.0),
            ("b".to_string(), 12_500_000.0),
        ];
        for fig in [
            bar(&ChartSpec::new("bar"), &bars).unwrap(),
            barh(&ChartSpec::new("barh"), &bars).unwrap(),
        ] {
            let t = ticks(&fig);
            assert!(t.contains(&"30,000,000".to_string()), "{t:?}");
            assert!(t.contains(&"5,000,000".to_string()), "{t:?}");
        }

        let s = LineSeries::new(
            "s",
            (0..20)
                .map(|i| (i as f64 * 250.0, i as f64 * 0.0005))
                .collect(),
        );
        let t = ticks(&line(&ChartSpec::new("line"), &[s], false).unwrap());
        for want in ["0", "0.001", "0.005", "1,000", "4,000"] {
            assert!(t.contains(&want.to_string()), "{want} not in {t:?}");
        }

        let g = ScatterGroup {
            name: "g".into(),
            points: (0..50)
                .map(|i| (i as f64 * 0.01, (i as f64).sin()))
                .collect(),
        };
        let t = ticks(&scatter(&ChartSpec::new("scatter"), &[g], 5000).unwrap());
        for want in ["0.25", "-0.8", "1"] {
            assert!(t.contains(&want.to_string()), "{want} not in {t:?}");
        }

        let v: Vec<f64> = (0..100).map(|i| (i * i) as f64 * 13.7).collect();
        let t = ticks(&histogram(&ChartSpec::new("hist"), &v, 20).unwrap());
        assert!(t.contains(&"100,000".to_string()), "{t:?}");
        ticks(&qq_plot(&ChartSpec::new("qq"), &v).unwrap());

        let y: Vec<f64> = (0..30)
            .map(|i| 1e5 + (i as f64 * 0.3).sin() * 2e4)
            .collect();
        let t = ticks(&lag_plot(&ChartSpec::new("lag"), &y, 1).unwrap());
        assert!(t.contains(&"120,000".to_string()), "{t:?}");

        let x: Vec<f64> = (0..40).map(|i| (i as f64).sin()).collect();
        let acf = crate::ml::forecast::acf(&x, 10).unwrap();
        let t = ticks(&correlogram(&ChartSpec::new("acf"), &acf).unwrap());
        assert!(t.contains(&"-0.2".to_string()), "{t:?}");

        let groups = vec![
            ("a".to_string(), vec![1000.0, 2000.0, 3500.0]),
            ("b".to_string(), vec![2.0, 5000.0, 9000.0]),
        ];
        let t = ticks(&boxplot(&ChartSpec::new("box"), &groups).unwrap());
        assert!(t.contains(&"9,000".to_string()), "{t:?}");

        let months = [("2022-04".into(), 2e6), ("2022-05".into(), 1e6)];
        let t = ticks(&line_categories(&ChartSpec::new("monthly"), &months).unwrap());
        assert!(t.contains(&"2,000,000".to_string()), "{t:?}");
    }
}
