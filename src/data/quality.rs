//! Data-quality report: per column the type, nulls, distinct values and a few
//! examples, plus full-row duplicates and repeated keys.

use std::fmt;

use polars::prelude::*;
use rayon::prelude::*;

use super::duplicates::count_duplicate_rows;
use crate::display::{emit_rich, escape_html, number, percent, thousands, Table};
use crate::error::Result;

/// Quality facts about one column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnQuality {
    /// Column name.
    pub name: String,
    /// Polars data type, as polars prints it (e.g. `str`, `f64`).
    pub dtype: String,
    /// Number of null values.
    pub nulls: usize,
    /// Number of distinct non-null values.
    pub distinct: usize,
    /// Up to three distinct non-null values in row order, cut to 40 characters.
    pub examples: Vec<String>,
    /// Minimum, maximum and skewness (biased, as pandas' `skew` without the
    /// small-sample correction) of a numeric column's finite values.
    pub numeric: Option<NumericRange>,
}

/// The range and shape of a numeric column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumericRange {
    /// Smallest finite value.
    pub min: f64,
    /// Largest finite value.
    pub max: f64,
    /// Third standardised moment (0 for a symmetric distribution).
    pub skew: f64,
}

/// Share of missing values above which a column is flagged as mostly missing.
const MOSTLY_MISSING: f64 = 0.5;
/// Share of distinct values (of the non-null rows) above which a text column looks like an identifier.
const IDENTIFIER_LIKE: f64 = 0.95;
/// Absolute skewness above which a numeric column is flagged as skewed.
const SKEWED: f64 = 2.0;

/// Quality facts about one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityReport {
    /// Name of the data set the frame came from (the report's title).
    pub source: String,
    /// Number of rows.
    pub rows: usize,
    /// One entry per column, in frame order.
    pub columns: Vec<ColumnQuality>,
    /// Rows that repeat an earlier row in every column.
    pub full_row_duplicates: usize,
    /// `(key column, distinct keys)` when a key was given.
    pub key: Option<(String, usize)>,
}

/// Builds the quality report of `df`; `key` names a column that should identify rows.
///
/// ```
/// use amazon_sales::prelude::polars::prelude::*;
/// use amazon_sales::data::quality::quality_report;
/// let df = df!("id" => ["a", "a", "b"], "x" => [Some(1), Some(1), None]).unwrap();
/// let q = quality_report(&df, "demo", Some("id")).unwrap();
/// assert_eq!(q.full_row_duplicates, 1);
/// assert_eq!(q.key, Some(("id".to_string(), 2)));
/// ```
///
/// # Errors
/// [`crate::Error::Polars`] when `key` is not a column of `df`.
pub fn quality_report(df: &DataFrame, source: &str, key: Option<&str>) -> Result<QualityReport> {
    let (columns, full_row_duplicates) = rayon::join(
        || {
            df.columns()
                .par_iter()
                .map(column_quality)
                .collect::<Result<Vec<_>>>()
        },
        || count_duplicate_rows(df),
    );
    let key = match key {
        Some(k) => Some((k.to_string(), df.column(k)?.n_unique()?)),
        None => None,
    };
    Ok(QualityReport {
        source: source.to_string(),
        rows: df.height(),
        columns: columns?,
        full_row_duplicates: full_row_duplicates?,
        key,
    })
}

/// Type, nulls, distinct values (nulls not counted) and up to three examples.
fn column_quality(c: &Column) -> Result<ColumnQuality> {
    let mut examples: Vec<String> = Vec::new();
    for i in 0..c.len() {
        if examples.len() == 3 {
            break;
        }
        let text = match c.get(i)? {
            AnyValue::Null => continue,
            AnyValue::String(s) => s.to_string(),
            other => other.to_string(),
        };
        let short: String = text.chars().take(40).collect();
        let short = if text.chars().count() > 40 {
            format!("{short}…")
        } else {
            short
        };
        if !examples.contains(&short) {
            examples.push(short);
        }
    }
    let nulls = c.null_count();
    Ok(ColumnQuality {
        name: c.name().to_string(),
        dtype: c.dtype().to_string(),
        nulls,
        distinct: c.n_unique()? - usize::from(nulls > 0),
        examples,
        numeric: numeric_range(c)?,
    })
}

fn numeric_range(c: &Column) -> Result<Option<NumericRange>> {
    if !c.dtype().is_primitive_numeric() {
        return Ok(None);
    }
    let cast = c.cast(&DataType::Float64)?;
    let values: Vec<f64> = cast
        .f64()?
        .iter()
        .flatten()
        .filter(|v| v.is_finite())
        .collect();
    if values.is_empty() {
        return Ok(None);
    }
    let (min, max) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    Ok(Some(NumericRange {
        min,
        max,
        skew: crate::stats::skew(&values),
    }))
}

impl QualityReport {
    /// The report as a table, one row per column.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!(
                "Data quality: {} ({} rows × {} columns)",
                self.source,
                thousands(self.rows as i64),
                self.columns.len()
            ),
            ["column", "dtype", "nulls", "null %", "distinct", "examples"],
        );
        for c in &self.columns {
            t.push_row([
                c.name.clone(),
                c.dtype.clone(),
                thousands(c.nulls as i64),
                percent(c.nulls as f64 / self.rows.max(1) as f64, 2),
                thousands(c.distinct as i64),
                c.examples.join(" | "),
            ]);
        }
        let mut note = format!(
            "full-row duplicates: {}",
            thousands(self.full_row_duplicates as i64)
        );
        if let Some((k, n)) = &self.key {
            note.push_str(&format!(
                "; key {k:?}: {} distinct in {} rows ({} repeated rows)",
                thousands(*n as i64),
                thousands(self.rows as i64),
                thousands((self.rows - n) as i64)
            ));
        }
        t.with_note(note)
    }

    /// Renders the report inline in an evcxr notebook.
    /// What a reader should look at first, ydata-profiling style: constant
    /// columns, mostly-missing columns (> 50 % null), identifier-like text
    /// columns (≥ 95 % distinct), column names with stray spaces, duplicate
    /// rows and skewed numeric columns (|skew| > 2).
    pub fn alerts(&self) -> Vec<String> {
        let mut alerts = Vec::new();
        for c in &self.columns {
            let present = self.rows.saturating_sub(c.nulls);
            if c.distinct <= 1 {
                alerts.push(format!(
                    "{:?} is constant ({} distinct value)",
                    c.name, c.distinct
                ));
            }
            if self.rows > 0 && c.nulls as f64 > MOSTLY_MISSING * self.rows as f64 {
                alerts.push(format!(
                    "{:?} is mostly missing ({} null)",
                    c.name,
                    percent(c.nulls as f64 / self.rows as f64, 1)
                ));
            }
            if c.numeric.is_none()
                && present > 1
                && c.distinct as f64 >= IDENTIFIER_LIKE * present as f64
            {
                alerts.push(format!(
                    "{:?} looks like an identifier ({} distinct in {} rows)",
                    c.name,
                    thousands(c.distinct as i64),
                    thousands(present as i64)
                ));
            }
            if c.name != c.name.trim() || c.name.contains("  ") {
                alerts.push(format!("column name {:?} has stray spaces", c.name));
            }
            if let Some(r) = c.numeric.filter(|r| r.skew.abs() > SKEWED) {
                alerts.push(format!("{:?} is skewed (skew {:.2})", c.name, r.skew));
            }
        }
        if self.full_row_duplicates > 0 {
            alerts.push(format!(
                "{} full-row duplicates",
                thousands(self.full_row_duplicates as i64)
            ));
        }
        alerts
    }

    /// The alerts and the numeric columns' ranges as one table.
    pub fn alerts_table(&self) -> Table {
        let mut t = Table::new(
            format!("Data-quality alerts and numeric ranges: {}", self.source),
            ["kind", "detail"],
        );
        for a in self.alerts() {
            t.push_row(["alert".to_string(), a]);
        }
        for c in &self.columns {
            if let Some(r) = c.numeric {
                t.push_row([
                    "range".to_string(),
                    format!(
                        "{}: {} .. {} (skew {:.2})",
                        c.name,
                        number(r.min, 2),
                        number(r.max, 2),
                        r.skew
                    ),
                ]);
            }
        }
        t
    }

    /// Writes the report as a standalone HTML page (both tables, escaped).
    ///
    /// # Errors
    /// [`crate::Error::Io`] naming the file when it cannot be written.
    pub fn save_html(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        let page = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family:sans-serif\">\n{}\n{}\n</body></html>\n",
            escape_html(&format!("Data quality: {}", self.source)),
            self.table().to_html(),
            self.alerts_table().to_html()
        );
        std::fs::write(path, page).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Renders the report inline in an evcxr notebook: the column table and the
    /// alerts table, as text and as HTML, in one output.
    pub fn evcxr_display(&self) {
        let (table, alerts) = (self.table(), self.alerts_table());
        emit_rich("text/plain", &format!("{table}\n{alerts}"));
        emit_rich(
            "text/html",
            &format!("{}\n{}", table.to_html(), alerts.to_html()),
        );
    }
}

impl fmt::Display for QualityReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.table())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_are_counted_apart_from_distinct_values() {
        let df = df!("x" => [Some(1), Some(1), None, None, Some(2)]).unwrap();
        let q = quality_report(&df, "t", None).unwrap();
        assert_eq!(q.columns[0].distinct, 2, "null is not a distinct value");
        assert_eq!(q.columns[0].nulls, 2);
        assert_eq!(q.full_row_duplicates, 2);
    }

    #[test]
    fn alerts_name_each_problem() {
        // ten rows: the largest skew of n values is (n − 2)/√(n − 1), so six would not reach 2
        let df = df!(
            "id" => ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
            "flag " => [1; 10],
            "sparse" => [Some(1.0), None, None, None, None, None, None, None, None, Some(2.0)],
            "amount" => [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 100.0]
        )
        .unwrap();
        let q = quality_report(&df, "t", None).unwrap();
        let alerts = q.alerts().join("\n");
        assert!(
            alerts.contains("\"id\" looks like an identifier"),
            "{alerts}"
        );
        assert!(alerts.contains("\"flag \" is constant"), "{alerts}");
        assert!(
            alerts.contains("column name \"flag \" has stray spaces"),
            "{alerts}"
        );
        assert!(alerts.contains("\"sparse\" is mostly missing"), "{alerts}");
        assert!(alerts.contains("\"amount\" is skewed"), "{alerts}");
        let amount = q.columns[3].numeric.unwrap();
        assert_eq!((amount.min, amount.max), (1.0, 100.0));
        assert!(q
            .alerts_table()
            .to_string()
            .contains("amount: 1.00 .. 100.00"));
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("quality.html");
        q.save_html(&page).unwrap();
        assert!(std::fs::read_to_string(&page)
            .unwrap()
            .starts_with("<!DOCTYPE html>"));
        assert!(q.save_html(dir.path().join("no/such/dir.html")).is_err());
    }
}
