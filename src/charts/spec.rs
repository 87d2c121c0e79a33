//! Shared chart settings: size, title, axis labels, palette and error mapping.

use plotters::style::RGBColor;

use crate::error::Error;

/// Title, axis labels and size of a chart.
///
/// ```
/// use amazon_sales::charts::ChartSpec;
/// let spec = ChartSpec::new("Revenue per month").x("month").y("revenue (₹)").size(900, 400);
/// assert_eq!(spec.width, 900);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Chart title, drawn above the plot.
    pub title: String,
    /// x-axis label (empty for none).
    pub x_label: String,
    /// y-axis label (empty for none).
    pub y_label: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl ChartSpec {
    /// A 800 × 450 chart with a title and no axis labels.
    pub fn new(title: impl Into<String>) -> Self {
        ChartSpec {
            title: title.into(),
            x_label: String::new(),
            y_label: String::new(),
            width: 800,
            height: 450,
        }
    }

    /// Sets the x-axis label.
    pub fn x(mut self, label: impl Into<String>) -> Self {
        self.x_label = label.into();
        self
    }

    /// Sets the y-axis label.
    pub fn y(mut self, label: impl Into<String>) -> Self {
        self.y_label = label.into();
        self
    }

    /// Sets the size in pixels.
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.width = width;
        self.height = height;
        self
    }
}

/// Ten distinguishable colours (matplotlib's tab10).
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// The palette colour for series `i` (cycling).
pub fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Maps a plotters (or statrs) error into [`Error::Chart`], kept as its source.
pub(crate) fn chart_err<E: std::error::Error + Send + Sync + 'static>(e: E) -> Error {
    Error::Chart {
        source: Box::new(e),
    }
}

/// Range `lo..hi` padded by 5 % (and widened when flat) so marks do not touch the frame.
pub(crate) fn padded(lo: f64, hi: f64) -> std::ops::Range<f64> {
    let span = if (hi - lo).abs() < f64::EPSILON {
        lo.abs().max(1.0)
    } else {
        hi - lo
    };
    (lo - 0.05 * span)..(hi + 0.05 * span)
}

/// Finite min and max of `values`, or an error naming the chart when there are none.
pub(crate) fn finite_range(
    values: impl Iterator<Item = f64>,
    chart: &str,
) -> Result<(f64, f64), Error> {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo.is_finite() {
        Ok((lo, hi))
    } else {
        Err(Error::input(
            "chart",
            format!("{chart}: no finite values to plot"),
        ))
    }
}

/// Shortens a tick label to `max` characters.
pub(crate) fn short_label(label: &str, max: usize) -> String {
    if label.chars().count() > max {
        format!("{}…", label.chars().take(max - 1).collect::<String>())
    } else {
        label.to_string()
    }
}
