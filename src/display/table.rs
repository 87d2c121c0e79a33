//! [`Table`]: a small titled table shown as aligned text (`Display`) or as
//! escaped HTML in a notebook (`evcxr_display`).

use std::fmt;

use polars::prelude::DataFrame;

use super::frame::{cell_text, cut_text};
use super::html::{emit_rich, escape_html};

/// A titled table of text cells with an optional footnote.
///
/// ```
/// use amazon_sales::display::Table;
/// let mut t = Table::new("Scores", ["model", "accuracy"]);
/// t.push_row(["<script>", "0.86"]);
/// assert!(t.to_html().contains("&lt;script&gt;"));
/// assert!(t.to_string().contains("accuracy"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Per cell, the full text of a cell that was cut for display (shown as a
    /// tooltip); same shape as `rows`.
    tooltips: Vec<Vec<Option<String>>>,
    note: Option<String>,
}

impl Table {
    /// An empty table with a title and column headers.
    pub fn new<I, S>(title: impl Into<String>, columns: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            title: title.into(),
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            tooltips: Vec::new(),
            note: None,
        }
    }

    /// Appends a row; short rows are padded with empty cells, long rows truncated.
    pub fn push_row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
        self.tooltips.push(vec![None; self.columns.len()]);
    }

    /// Builder form of [`Table::push_row`].
    pub fn with_row<I, S>(mut self, cells: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.push_row(cells);
        self
    }

    /// Adds a footnote shown under the table.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The first `max_rows` rows of a polars frame; nulls print as `null`.
    ///
    /// Cells longer than 50 characters are cut to 50 plus `…`; [`Table::rows`]
    /// holds the cut text and the HTML carries the full text as a tooltip.
    ///
    /// ```
    /// use amazon_sales::prelude::*;
    /// use amazon_sales::prelude::polars::prelude::df;
    /// let long = "a,".repeat(40);
    /// let df = df!("ids" => [long.as_str()]).unwrap();
    /// let t = Table::from_frame("First rows", &df, 5);
    /// assert_eq!(t.rows()[0][0].chars().count(), 51);
    /// assert_eq!(t.tooltip(0, "ids"), Some(long.as_str()));
    /// assert!(t.to_html().contains(&format!("title=\"{long}\"")));
    /// ```
    pub fn from_frame(title: impl Into<String>, df: &DataFrame, max_rows: usize) -> Self {
        let columns = df.get_column_names().into_iter().map(|c| c.to_string());
        let mut table = Table::new(title, columns);
        let shown = df.height().min(max_rows);
        for i in 0..shown {
            let mut row = Vec::with_capacity(df.width());
            let mut tips = Vec::with_capacity(df.width());
            for c in df.columns() {
                let text = c
                    .get(i)
                    .map(|v| cell_text(&v))
                    .unwrap_or_else(|_| "null".to_string());
                match cut_text(&text) {
                    Some(cut) => {
                        row.push(cut);
                        tips.push(Some(text));
                    }
                    None => {
                        row.push(text);
                        tips.push(None);
                    }
                }
            }
            table.rows.push(row);
            table.tooltips.push(tips);
        }
        if df.height() > shown {
            table.note = Some(format!(
                "showing {shown} of {} rows × {} columns",
                df.height(),
                df.width()
            ));
        } else {
            table.note = Some(format!("{} rows × {} columns", df.height(), df.width()));
        }
        table
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The column headers.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The rows of cells, as shown (cut cells end in `…`).
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The cell in row `row` under header `column`, if both exist.
    pub fn cell(&self, row: usize, column: &str) -> Option<&str> {
        let j = self.columns.iter().position(|c| c == column)?;
        self.rows.get(row).map(|r| r[j].as_str())
    }

    /// The full text of the cell in row `row` under header `column` when it
    /// was cut for display (see [`Table::from_frame`]), else `None`.
    ///
    /// ```
    /// use amazon_sales::display::Table;
    /// let t = Table::new("t", ["a"]).with_row(["short"]);
    /// assert_eq!(t.tooltip(0, "a"), None);
    /// ```
    pub fn tooltip(&self, row: usize, column: &str) -> Option<&str> {
        let j = self.columns.iter().position(|c| c == column)?;
        self.tooltips.get(row)?.get(j)?.as_deref()
    }

    /// The table as an HTML fragment; every cell, header and title is escaped.
    pub fn to_html(&self) -> String {
        let mut html = String::from(
            "<table style=\"border-collapse:collapse;font-family:sans-serif;font-size:12px\">",
        );
        if !self.title.is_empty() {
            html.push_str(&format!(
                "<caption style=\"font-weight:bold;text-align:left;padding:4px\">{}</caption>",
                escape_html(&self.title)
            ));
        }
        html.push_str("<thead><tr>");
        for c in &self.columns {
            html.push_str(&format!(
                "<th style=\"border-bottom:1px solid #444;padding:2px 8px;text-align:left\">{}</th>",
                escape_html(c)
            ));
        }
        html.push_str("</tr></thead><tbody>");
        for (row, tips) in self.rows.iter().zip(&self.tooltips) {
            html.push_str("<tr>");
            for (cell, tip) in row.iter().zip(tips) {
                let align = if looks_numeric(cell) { "right" } else { "left" };
                let title = tip
                    .as_deref()
                    .map(|t| format!(" title=\"{}\"", escape_html(t)))
                    .unwrap_or_default();
                html.push_str(&format!(
                    "<td style=\"padding:2px 8px;text-align:{align}\"{title}>{}</td>",
                    escape_html(cell)
                ));
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table>");
        if let Some(note) = &self.note {
            html.push_str(&format!(
                "<p style=\"font-size:11px;color:#555\">{}</p>",
                escape_html(note)
            ));
        }
        html
    }

    /// Renders the table inline in an evcxr notebook: its text (`Display`)
    /// as `text/plain` and its HTML as `text/html`, in one output.
    pub fn evcxr_display(&self) {
        emit_rich("text/plain", self.to_string().trim_end());
        emit_rich("text/html", &self.to_html());
    }
}

fn looks_numeric(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches('%').trim();
    !t.is_empty() && t.replace([',', '_'], "").parse::<f64>().is_ok()
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        if !self.title.is_empty() {
            writeln!(f, "{}", self.title)?;
        }
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect::<Vec<_>>()
                .join("  ")
        };
        writeln!(f, "{}", line(&self.columns).trim_end())?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        writeln!(f, "{}", rule.join("  "))?;
        for row in &self.rows {
            writeln!(f, "{}", line(row).trim_end())?;
        }
        if let Some(note) = &self.note {
            writeln!(f, "({note})")?;
        }
        Ok(())
    }
}

/// A result that shows itself as a [`Table`] when a notebook cell ends in it
/// (evcxr calls `evcxr_display` on a cell's final value): the model results,
/// sweeps and summaries implement it with their `table()` or `summary()`.
///
/// ```
/// use amazon_sales::display::{AsTable, Table};
/// struct Scores;
/// impl AsTable for Scores {
///     fn as_table(&self) -> Table {
///         Table::new("Scores", ["model", "R²"]).with_row(["ols", "0.85"])
///     }
/// }
/// assert_eq!(Scores.as_table().rows().len(), 1);
/// ```
pub trait AsTable {
    /// The table this value is shown as.
    fn as_table(&self) -> Table;

    /// Renders [`AsTable::as_table`] inline (HTML plus its text version).
    fn evcxr_display(&self) {
        self.as_table().evcxr_display();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::df;

    #[test]
    fn from_frame_cuts_long_cells_and_keeps_full_text_as_tooltip() {
        let ids = "PROMO-<1>,".repeat(160);
        let df = df!("ids" => [ids.as_str(), "short"], "qty" => [1i64, 2]).unwrap();
        let t = Table::from_frame("First rows", &df, 5);
        let cut = format!("{}…", ids.chars().take(50).collect::<String>());
        assert_eq!(t.rows()[0][0], cut);
        assert_eq!(t.rows()[1][0], "short");
        assert_eq!(t.tooltip(0, "ids"), Some(ids.as_str()));
        assert_eq!(t.tooltip(1, "ids"), None);
        assert_eq!(t.tooltip(0, "qty"), None);
        let html = t.to_html();
        assert!(html.contains(&format!(
            "title=\"{}\">{}</td>",
            escape_html(&ids),
            escape_html(&cut)
        )));
        assert_eq!(html.matches("title=").count(), 1);
        assert!(t.to_string().contains(&cut) && !t.to_string().contains(&ids));
    }

    #[test]
    fn pushed_rows_have_no_tooltips() {
        let t = Table::new("t", ["a", "b"]).with_row(["x".repeat(80)]);
        assert_eq!(t.rows()[0], ["x".repeat(80), String::new()]);
        assert_eq!(t.tooltip(0, "a"), None);
        assert!(!t.to_html().contains("title="));
    }
}
