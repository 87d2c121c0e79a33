//! Data-quality report: per column the type, nulls, distinct values and a few
//! examples, plus full-row duplicates and repeated keys.

use std::fmt;

use polars::prelude::*;
use rayon::prelude::*;

use super::duplicates::count_duplicate_rows;
use crate::display::{percent, thousands, Table};
use crate::error::Result;

/// Quality facts about one column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnQuality {
    pub name: String,
    pub dtype: String,
    pub nulls: usize,
    pub distinct: usize,
    pub examples: Vec<String>,
}

/// Quality facts about one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityReport {
    pub source: String,
    pub rows: usize,
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
    })
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
    pub fn evcxr_display(&self) {
        self.table().evcxr_display();
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
}
