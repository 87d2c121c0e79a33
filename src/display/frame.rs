//! [`FrameDisplay`]: polars frames, series and columns rendered in a notebook
//! the way pandas and polars render them in Jupyter — an HTML table with the
//! shape, a dtype row and the first and last rows — plus polars' own text.

use polars::prelude::{AnyValue, Column, DataFrame, DataType, Series};

use super::html::{emit_rich, escape_html};

/// Text cells longer than this many characters are cut (and get a tooltip).
pub(super) const MAX_CELL_CHARS: usize = 50;

/// Frames with more rows than this show their head and tail around a `…` row.
const MAX_ROWS: usize = 10;

/// Rows shown at each end of a frame taller than [`MAX_ROWS`].
const HEAD_TAIL: usize = 5;

const TABLE_STYLE: &str = "border-collapse:collapse;font-family:sans-serif;font-size:12px";
const CAPTION_STYLE: &str = "text-align:left;padding:4px;color:#555";
const NAME_STYLE: &str = "border-bottom:1px solid #444;padding:2px 8px";
const DTYPE_STYLE: &str =
    "border-bottom:1px solid #444;padding:2px 8px;font-weight:normal;font-style:italic;color:#666";
const CELL_STYLE: &str = "padding:2px 8px;white-space:nowrap";

/// Rich notebook display for polars values: `text/plain` (polars' own
/// box-drawn text) and `text/html` (a pandas-like table) in one output.
///
/// With `use amazon_sales::prelude::*;` in scope, a cell ending in a
/// `DataFrame`, `Series` or `Column` renders through
/// [`FrameDisplay::evcxr_display`]. The HTML shows the shape, a header row of
/// names, a row of dtypes, and all rows of frames up to 10 rows, otherwise
/// the first 5 and last 5 around a `…` row. Numbers are right-aligned, nulls
/// print as `null`, text over 50 characters is cut to 50 plus `…` with the
/// full text in a `title` tooltip, and everything is HTML-escaped.
///
/// ```
/// use amazon_sales::prelude::*;
/// use amazon_sales::prelude::polars::prelude::df;
/// let df = df!("product" => ["<b>Kurta</b>", "Saree"], "qty" => [1i64, 2]).unwrap();
/// let html = df.frame_html();
/// assert!(html.contains("shape: (2, 2)"));
/// assert!(html.contains("&lt;b&gt;Kurta&lt;/b&gt;"));
/// assert!(html.contains(">i64</th>"));
/// assert!(df.frame_text().contains("Kurta"));
/// ```
pub trait FrameDisplay {
    /// The value as polars prints it (its `Display` text).
    fn frame_text(&self) -> String;

    /// The value as an HTML table fragment; every name, dtype and cell is escaped.
    fn frame_html(&self) -> String;

    /// Renders the value inline in an evcxr notebook: a `text/plain` block
    /// and a `text/html` block, which evcxr joins into one output.
    fn evcxr_display(&self) {
        emit_rich("text/plain", &self.frame_text());
        emit_rich("text/html", &self.frame_html());
    }
}

impl FrameDisplay for DataFrame {
    fn frame_text(&self) -> String {
        self.to_string()
    }

    fn frame_html(&self) -> String {
        let (rows, cols) = self.shape();
        render_html(&format!("shape: ({rows}, {cols})"), self.columns(), rows)
    }
}

/// A series renders as a one-column table headed by its name and dtype.
///
/// ```
/// use amazon_sales::prelude::*;
/// use amazon_sales::prelude::polars::prelude::{Series, NamedFrom};
/// let s = Series::new("price".into(), &[Some(1.5f64), None]);
/// let html = s.frame_html();
/// assert!(html.contains(">price</th>") && html.contains(">f64</th>"));
/// assert!(html.contains(">null</td>"));
/// ```
impl FrameDisplay for Series {
    fn frame_text(&self) -> String {
        self.to_string()
    }

    fn frame_html(&self) -> String {
        let column = Column::from(self.clone());
        render_html(
            &format!("shape: ({},)", self.len()),
            std::slice::from_ref(&column),
            self.len(),
        )
    }
}

/// A column renders like the series it holds.
impl FrameDisplay for Column {
    fn frame_text(&self) -> String {
        self.as_materialized_series().to_string()
    }

    fn frame_html(&self) -> String {
        render_html(
            &format!("shape: ({},)", self.len()),
            std::slice::from_ref(self),
            self.len(),
        )
    }
}

/// A cell's text: nulls as `null`, strings unquoted, floats with 1 decimal
/// when whole and 4 otherwise.
pub(super) fn cell_text(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => "null".to_string(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Float64(x) => format_float(*x),
        AnyValue::Float32(x) => format_float(f64::from(*x)),
        v => v.to_string(),
    }
}

fn format_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.1}")
    } else {
        format!("{x:.4}")
    }
}

/// `text` cut to [`MAX_CELL_CHARS`] characters plus `…`, or `None` when it fits.
pub(super) fn cut_text(text: &str) -> Option<String> {
    let mut chars = text.char_indices();
    let (end, _) = chars.nth(MAX_CELL_CHARS)?;
    Some(format!("{}…", &text[..end]))
}

/// A `<td>` (or `<th>`) style attribute value with alignment.
fn aligned(style: &str, numeric: bool) -> String {
    let align = if numeric { "right" } else { "left" };
    format!("{style};text-align:{align}")
}

fn is_numeric(dtype: &DataType) -> bool {
    dtype.is_primitive_numeric() || dtype.is_decimal()
}

/// The row indices shown for a frame of `height` rows; `None` marks the `…` row.
fn shown_rows(height: usize) -> Vec<Option<usize>> {
    if height <= MAX_ROWS {
        (0..height).map(Some).collect()
    } else {
        (0..HEAD_TAIL)
            .map(Some)
            .chain(std::iter::once(None))
            .chain((height - HEAD_TAIL..height).map(Some))
            .collect()
    }
}

fn render_html(caption: &str, columns: &[Column], height: usize) -> String {
    let numeric: Vec<bool> = columns.iter().map(|c| is_numeric(c.dtype())).collect();
    let mut html = format!("<table style=\"{TABLE_STYLE}\">");
    html.push_str(&format!(
        "<caption style=\"{CAPTION_STYLE}\">{}</caption>",
        escape_html(caption)
    ));
    html.push_str("<thead><tr>");
    for (c, &num) in columns.iter().zip(&numeric) {
        html.push_str(&format!(
            "<th style=\"{}\">{}</th>",
            aligned(NAME_STYLE, num),
            escape_html(c.name())
        ));
    }
    html.push_str("</tr><tr>");
    for (c, &num) in columns.iter().zip(&numeric) {
        html.push_str(&format!(
            "<th style=\"{}\">{}</th>",
            aligned(DTYPE_STYLE, num),
            escape_html(&c.dtype().to_string())
        ));
    }
    html.push_str("</tr></thead><tbody>");
    for row in shown_rows(height) {
        html.push_str("<tr>");
        match row {
            None => {
                for _ in columns {
                    html.push_str(&format!(
                        "<td style=\"{CELL_STYLE};text-align:center\">…</td>"
                    ));
                }
            }
            Some(i) => {
                for (c, &num) in columns.iter().zip(&numeric) {
                    let text = c
                        .get(i)
                        .map(|v| cell_text(&v))
                        .unwrap_or_else(|_| "null".to_string());
                    let style = aligned(CELL_STYLE, num);
                    match cut_text(&text) {
                        Some(cut) => html.push_str(&format!(
                            "<td style=\"{style}\" title=\"{}\">{}</td>",
                            escape_html(&text),
                            escape_html(&cut)
                        )),
                        None => html.push_str(&format!(
                            "<td style=\"{style}\">{}</td>",
                            escape_html(&text)
                        )),
                    }
                }
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{df, NamedFrom};

    fn numbers(n: i64) -> DataFrame {
        df!("id" => (0..n).collect::<Vec<_>>(), "name" => (0..n).map(|i| format!("p{i}")).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn caption_shows_the_shape() {
        assert!(numbers(3).frame_html().contains(">shape: (3, 2)</caption>"));
    }

    #[test]
    fn second_header_row_holds_dtypes() {
        let html = numbers(3).frame_html();
        let thead = &html[html.find("<thead>").unwrap()..html.find("</thead>").unwrap()];
        assert_eq!(thead.matches("<tr>").count(), 2);
        let dtypes = &thead[thead.rfind("<tr>").unwrap()..];
        assert!(dtypes.contains(">i64</th>") && dtypes.contains(">str</th>"));
    }

    #[test]
    fn numbers_right_aligned_text_left() {
        let html = numbers(1).frame_html();
        assert!(html.contains("text-align:right\">0</td>"));
        assert!(html.contains("text-align:left\">p0</td>"));
    }

    #[test]
    fn ellipsis_row_for_12_rows() {
        let html = numbers(12).frame_html();
        let body = &html[html.find("<tbody>").unwrap()..];
        assert_eq!(body.matches("<tr>").count(), 11);
        assert_eq!(body.matches(">…</td>").count(), 2);
        assert!(body.contains(">p4<") && body.contains(">p7<") && body.contains(">p11<"));
        assert!(!body.contains(">p5<") && !body.contains(">p6<"));
    }

    #[test]
    fn no_ellipsis_for_10_rows() {
        let html = numbers(10).frame_html();
        let body = &html[html.find("<tbody>").unwrap()..];
        assert_eq!(body.matches("<tr>").count(), 10);
        assert!(!body.contains('…'));
    }

    #[test]
    fn long_cell_cut_with_full_text_in_title() {
        let long = "x".repeat(60);
        let html = df!("s" => [long.as_str()]).unwrap().frame_html();
        assert!(html.contains(&format!("title=\"{long}\">{}…</td>", "x".repeat(50))));
        let fifty = "y".repeat(50);
        let html = df!("s" => [fifty.as_str()]).unwrap().frame_html();
        assert!(html.contains(&format!(">{fifty}</td>")) && !html.contains("title="));
    }

    #[test]
    fn cut_counts_characters_not_bytes() {
        let text = "é".repeat(51);
        assert_eq!(cut_text(&text).unwrap(), format!("{}…", "é".repeat(50)));
        assert_eq!(cut_text(&"é".repeat(50)), None);
    }

    #[test]
    fn names_cells_and_titles_are_escaped() {
        let long = format!("<script>alert('x')</script>{}", "\"".repeat(40));
        let df = df!("<script>" => ["<script>", long.as_str()]).unwrap();
        let html = df.frame_html();
        assert!(!html.contains("<script>"));
        assert!(html.contains(">&lt;script&gt;</th>"));
        assert!(html.contains(">&lt;script&gt;</td>"));
        assert!(html.contains("title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;"));
    }

    #[test]
    fn nulls_print_as_null() {
        let df = df!("a" => [Some(1i64), None], "b" => [None, Some("x")]).unwrap();
        assert_eq!(df.frame_html().matches(">null</td>").count(), 2);
    }

    #[test]
    fn series_is_a_one_column_table() {
        let s = Series::new("price".into(), &[1.5f64, 2.0, 3.25]);
        let html = s.frame_html();
        assert!(html.contains(">shape: (3,)</caption>"));
        assert!(html.contains(">price</th>") && html.contains(">f64</th>"));
        assert_eq!(html.matches("<th ").count(), 2);
        assert!(html.contains(">1.5000</td>") && html.contains(">2.0</td>"));
        assert!(s.frame_text().contains("price"));
        assert_eq!(Column::from(s.clone()).frame_html(), html);
    }

    #[test]
    fn plain_text_is_polars_display() {
        let df = numbers(3);
        assert_eq!(df.frame_text(), df.to_string());
    }
}
