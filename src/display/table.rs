//! [`Table`]: a small titled table shown as aligned text (`Display`) or as
//! escaped HTML in a notebook (`evcxr_display`).

use std::fmt;

use polars::prelude::{AnyValue, DataFrame};

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
    pub fn from_frame(title: impl Into<String>, df: &DataFrame, max_rows: usize) -> Self {
        let columns = df.get_column_names().into_iter().map(|c| c.to_string());
        let mut table = Table::new(title, columns);
        let shown = df.height().min(max_rows);
        for i in 0..shown {
            let row = df.columns().iter().map(|c| match c.get(i) {
                Ok(AnyValue::Null) | Err(_) => "null".to_string(),
                Ok(AnyValue::String(s)) => s.to_string(),
                Ok(AnyValue::StringOwned(s)) => s.to_string(),
                Ok(AnyValue::Float64(x)) => format_float(x),
                Ok(AnyValue::Float32(x)) => format_float(x as f64),
                Ok(v) => v.to_string(),
            });
            table.push_row(row);
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

    /// The rows of cells.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The cell in row `row` under header `column`, if both exist.
    pub fn cell(&self, row: usize, column: &str) -> Option<&str> {
        let j = self.columns.iter().position(|c| c == column)?;
        self.rows.get(row).map(|r| r[j].as_str())
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
        for row in &self.rows {
            html.push_str("<tr>");
            for cell in row {
                let align = if looks_numeric(cell) { "right" } else { "left" };
                html.push_str(&format!(
                    "<td style=\"padding:2px 8px;text-align:{align}\">{}</td>",
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

    /// Renders the table inline in an evcxr notebook.
    pub fn evcxr_display(&self) {
        emit_rich("text/html", &self.to_html());
    }
}

fn format_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.1}")
    } else {
        format!("{x:.4}")
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
