//! Exploratory summaries: generic ones here (describe, counts, group sums,
//! correlations, IQR outliers) on any frame; the data-set specific ones live in
//! the study folders (`sales::eda`, `products::eda`).

use polars::prelude::*;

use crate::charts::{boxplot, heatmap, histogram, ChartSpec};
use crate::display::{number, percent, thousands, Figure, FigureGrid, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::stats::{pearson, summarise};

/// pandas-style `describe()` of numeric columns: one row per column.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing, not numeric or has no finite value.
pub fn describe(df: &DataFrame, columns: &[&str], title: &str) -> Result<Table> {
    let mut t = Table::new(
        title,
        [
            "column", "count", "mean", "std", "min", "25%", "50%", "75%", "max",
        ],
    );
    for c in columns {
        let s = summarise(&f64_values(df, c)?)?;
        t.push_row([
            c.to_string(),
            thousands(s.count as i64),
            number(s.mean, 4),
            number(s.std, 4),
            number(s.min, 4),
            number(s.q1, 4),
            number(s.median, 4),
            number(s.q3, 4),
            number(s.max, 4),
        ]);
    }
    Ok(t.with_note("std with ddof 1; quartiles interpolated linearly (pandas conventions)"))
}

/// pandas-style `describe(include=object)`: count, unique, most frequent value and its frequency.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing or not text.
pub fn describe_text(df: &DataFrame, columns: &[&str], title: &str) -> Result<Table> {
    let mut t = Table::new(title, ["column", "count", "unique", "top", "freq"]);
    for c in columns {
        let counts = count_pairs(&value_counts(df, c)?, c)?;
        let (top, freq) = counts.first().cloned().unwrap_or_default();
        let count: usize = counts.iter().map(|c| c.1).sum();
        let short: String = top.chars().take(60).collect();
        t.push_row([
            c.to_string(),
            thousands(count as i64),
            thousands(counts.len() as i64),
            short,
            thousands(freq as i64),
        ]);
    }
    Ok(t)
}

/// [`describe_text`] of every text column, in frame order (pandas'
/// `describe(include=object)`).
///
/// # Errors
/// As [`describe_text`].
pub fn describe_all_text(df: &DataFrame, title: &str) -> Result<Table> {
    let columns = text_columns(df);
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    describe_text(df, &names, title)
}

/// Counts of each non-null value of a text column, most frequent first
/// (ties by value): pandas' `df[column].value_counts()` as a polars lazy
/// query. The frame has two columns, `column` and `"count"` (u32).
///
/// ```
/// use amazon_sales::prelude::*;
/// let df = polars::df!("city" => [Some("a"), Some("b"), Some("a"), None])?;
/// let counts = eda::value_counts(&df, "city")?;
/// assert_eq!(eda::count_pairs(&counts, "city")?, vec![("a".to_string(), 2), ("b".to_string(), 1)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Polars`] when the column is missing.
pub fn value_counts(df: &DataFrame, column: &str) -> Result<DataFrame> {
    Ok(df
        .clone()
        .lazy()
        .filter(col(column).is_not_null())
        .group_by([col(column)])
        .agg([len().alias("count")])
        .largest_first("count", column)
        .collect()?)
}

/// The order of every ranking here: `value` descending, ties by `key`
/// ascending (pandas' `sort_values(ascending=False)` with a deterministic
/// tie-break), as a step of a lazy query.
///
/// ```
/// use amazon_sales::eda::LargestFirst;
/// use amazon_sales::prelude::polars::prelude::*;
/// let df = df!("k" => ["b", "a", "c"], "v" => [1, 2, 2]).unwrap();
/// let ranked = df.lazy().largest_first("v", "k").collect().unwrap();
/// let keys = amazon_sales::frame::str_values(&ranked, "k").unwrap();
/// assert_eq!(keys, [Some("a".into()), Some("c".into()), Some("b".into())]);
/// ```
pub trait LargestFirst {
    /// Sorts by `value` descending, then by `key` ascending.
    fn largest_first(self, value: &str, key: &str) -> LazyFrame;
}

impl LargestFirst for LazyFrame {
    fn largest_first(self, value: &str, key: &str) -> LazyFrame {
        self.sort_by_exprs(
            [col(value), col(key)],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
    }
}

/// The (value, count) pairs of a [`value_counts`] frame, for charts and tables.
///
/// # Errors
/// [`Error::InvalidInput`] when `column` is not text or the counts are missing.
pub fn count_pairs(counts: &DataFrame, column: &str) -> Result<Vec<(String, usize)>> {
    let values = str_values(counts, column)?;
    let n = f64_values(counts, "count")?;
    Ok(values
        .into_iter()
        .zip(n)
        .map(|(v, n)| (v.unwrap_or_default(), n as usize))
        .collect())
}

/// Sum of `value` per distinct `key`, largest first (ties by key), the top
/// `n` kept: pandas' `df.groupby(key)[value].sum().nlargest(n)` as a polars
/// lazy query (rows with a null key or value are left out).
///
/// ```
/// use amazon_sales::prelude::*;
/// let df = polars::df!("city" => ["a", "b", "a"], "amount" => [1.0, 5.0, 2.0])?;
/// let top = eda::top_sums_frame(&df, "city", "amount", 2)?;
/// assert_eq!(top.height(), 2); // columns "city" and "amount", b (5) then a (3)
/// assert_eq!(eda::top_sums(&df, "city", "amount", 2)?, vec![("b".to_string(), 5.0), ("a".to_string(), 3.0)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Polars`] when a column is missing or `value` is not numeric.
pub fn top_sums_frame(df: &DataFrame, key: &str, value: &str, n: usize) -> Result<DataFrame> {
    Ok(df
        .clone()
        .lazy()
        .filter(col(key).is_not_null().and(col(value).is_not_null()))
        .group_by([col(key)])
        .agg([col(value).cast(DataType::Float64).sum()])
        .largest_first(value, key)
        .limit(n as IdxSize)
        .collect()?)
}

/// [`top_sums_frame`] as (key, sum) pairs, ready for a bar chart.
///
/// # Errors
/// As [`top_sums_frame`], and [`Error::InvalidInput`] when `key` is not text.
pub fn top_sums(df: &DataFrame, key: &str, value: &str, n: usize) -> Result<Vec<(String, f64)>> {
    let top = top_sums_frame(df, key, value, n)?;
    let keys = str_values(&top, key)?;
    let sums = f64_values(&top, value)?;
    Ok(keys
        .into_iter()
        .zip(sums)
        .map(|(k, v)| (k.unwrap_or_default(), v))
        .collect())
}

/// Several top-`n` rankings side by side, one column per key: rank, then
/// `key (sum)` cells (R-127's lists in one table).
///
/// ```
/// use amazon_sales::prelude::*;
/// let df = polars::df!("city" => ["a", "b", "a"], "state" => ["x", "x", "y"], "amount" => [1.0, 5.0, 2.0])?;
/// let t = eda::top_sums_table("Top", &df, &[("city", "city"), ("state", "state")], "amount", 2)?;
/// assert_eq!(t.rows()[0], ["1", "b (5)", "x (6)"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`top_sums`].
pub fn top_sums_table(
    title: &str,
    df: &DataFrame,
    keys: &[(&str, &str)],
    value: &str,
    n: usize,
) -> Result<Table> {
    let rankings: Vec<Vec<(String, f64)>> = keys
        .iter()
        .map(|(_, column)| top_sums(df, column, value, n))
        .collect::<Result<_>>()?;
    let mut t = Table::new(
        title,
        std::iter::once("rank").chain(keys.iter().map(|(label, _)| *label)),
    );
    for rank in 0..n {
        let cells = rankings.iter().map(|r| {
            r.get(rank)
                .map(|(k, v)| format!("{k} ({})", number(*v, 0)))
                .unwrap_or_default()
        });
        t.push_row(std::iter::once((rank + 1).to_string()).chain(cells));
    }
    Ok(t)
}

/// Annotated heatmap of the Pearson correlations between numeric columns.
///
/// # Errors
/// As [`correlation_matrix`]; [`Error::Chart`] if drawing fails.
pub fn correlation_heatmap(df: &DataFrame, columns: &[&str], title: &str) -> Result<Figure> {
    let labels: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    heatmap(
        &ChartSpec::new(title).size(640, 520),
        &labels,
        &labels,
        &correlation_matrix(df, columns)?,
        2,
    )
}

/// Pearson correlations between numeric columns (rows with NaN in either column skipped pairwise).
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing or not numeric.
pub fn correlation_matrix(df: &DataFrame, columns: &[&str]) -> Result<Vec<Vec<f64>>> {
    let data: Vec<Vec<f64>> = columns
        .iter()
        .map(|c| f64_values(df, c))
        .collect::<Result<_>>()?;
    Ok(data
        .iter()
        .map(|a| {
            data.iter()
                .map(|b| {
                    let (x, y): (Vec<f64>, Vec<f64>) = a
                        .iter()
                        .zip(b)
                        .filter(|(x, y)| x.is_finite() && y.is_finite())
                        .map(|(x, y)| (*x, *y))
                        .unzip();
                    pearson(&x, &y)
                })
                .collect()
        })
        .collect())
}

/// Rows outside 1.5 × IQR per column (P-58), as a table of counts and shares.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing, not numeric or empty.
pub fn iqr_outliers(df: &DataFrame, columns: &[&str]) -> Result<Table> {
    let mut t = Table::new(
        "Outliers by the 1.5 × IQR rule",
        [
            "column",
            "Q1",
            "Q3",
            "lower fence",
            "upper fence",
            "outliers",
            "share",
        ],
    );
    for c in columns {
        let values = f64_values(df, c)?;
        let s = summarise(&values)?;
        let iqr = s.q3 - s.q1;
        let (lo, hi) = (s.q1 - 1.5 * iqr, s.q3 + 1.5 * iqr);
        let n = values
            .iter()
            .filter(|v| v.is_finite() && (**v < lo || **v > hi))
            .count();
        if df.height() == 0 {
            return Err(Error::input("iqr_outliers", "empty frame"));
        }
        t.push_row([
            c.to_string(),
            number(s.q1, 2),
            number(s.q3, 2),
            number(lo, 2),
            number(hi, 2),
            thousands(n as i64),
            percent(n as f64 / df.height() as f64, 2),
        ]);
    }
    Ok(t)
}

/// Null count and share of every column, as a table (pandas `isnull().sum()`).
pub fn null_counts(df: &DataFrame, title: &str) -> Table {
    let mut t = Table::new(title, ["column", "nulls", "share"]);
    for c in df.columns() {
        t.push_row([
            c.name().to_string(),
            thousands(c.null_count() as i64),
            percent(c.null_count() as f64 / df.height().max(1) as f64, 2),
        ]);
    }
    t
}

/// Rows that repeat an earlier row in every column.
///
/// # Errors
/// [`Error::Polars`] if polars cannot compare the rows.
pub fn duplicate_rows(df: &DataFrame) -> Result<usize> {
    crate::data::duplicates::count_duplicate_rows(df)
}

/// Names of the text columns (pandas' "object" columns).
pub fn text_columns(df: &DataFrame) -> Vec<String> {
    df.columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::String)
        .map(|c| c.name().to_string())
        .collect()
}

/// A value-count table of a text column (most frequent first), e.g. the raw
/// rating strings of P-21.
///
/// # Errors
/// As [`value_counts`].
pub fn value_counts_table(title: &str, df: &DataFrame, column: &str) -> Result<Table> {
    let mut t = Table::new(title, ["value", "rows"]);
    for (v, n) in count_pairs(&value_counts(df, column)?, column)? {
        t.push_row([v, thousands(n as i64)]);
    }
    Ok(t)
}

/// One histogram per numeric column, side by side (the originals' subplot grids).
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing, not numeric or empty.
pub fn histogram_grid(df: &DataFrame, columns: &[&str], bins: usize) -> Result<FigureGrid> {
    let figures = columns
        .iter()
        .map(|c| {
            let spec = ChartSpec::new(*c).x(*c).y("frequency").size(420, 300);
            histogram(&spec, &f64_values(df, c)?, bins)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(FigureGrid::new(figures))
}

/// One box plot per numeric column, side by side.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing, not numeric or empty.
pub fn boxplot_grid(df: &DataFrame, columns: &[&str]) -> Result<FigureGrid> {
    let figures = columns
        .iter()
        .map(|c| {
            let spec = ChartSpec::new(*c).y(*c).size(300, 320);
            boxplot(&spec, &[(c.to_string(), f64_values(df, c)?)])
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(FigureGrid::new(figures))
}
