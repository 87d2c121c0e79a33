//! The sales report (`Amazon Sale Report.csv`): typed loading and the
//! original notebook's cleaning (R-4..R-14), one function per rule, each
//! recorded in a [`CleaningReport`].
//!
//! Quirks handled at load: the trailing space in `Sales Channel `, `MM-DD-YY`
//! dates, postal codes stored as floats (`400081.0` → `"400081"`), the mixed
//! `Unnamed: 22` column (read as text, then dropped), `B2B` as `True`/`False`.

use std::path::Path;

use crate::data::dates::days_from_mdy;
use polars::prelude::*;

use super::states::canonical_state;
use crate::data::cleaning::CleaningReport;
use crate::data::csv::{is_missing_token, read_text_frame, str_values};
use crate::display::Table;
use crate::error::{Error, Result};
use crate::paths;

/// The 24 columns of the raw file, in order, with their original spelling.
pub const RAW_COLUMNS: [&str; 24] = [
    "index",
    "Order ID",
    "Date",
    "Status",
    "Fulfilment",
    "Sales Channel ",
    "ship-service-level",
    "Style",
    "SKU",
    "Category",
    "Size",
    "ASIN",
    "Courier Status",
    "Qty",
    "currency",
    "Amount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "B2B",
    "fulfilled-by",
    "Unnamed: 22",
];

/// The raw columns that are not text in the cleaned frame (typed at load)
/// or that the cleaning drops (R-9).
const NOT_TEXT: [&str; 9] = [
    "index",
    "Date",
    "Courier Status",
    "Qty",
    "Amount",
    "ship-postal-code",
    "B2B",
    "fulfilled-by",
    "Unnamed: 22",
];

/// The text columns of the cleaned frame, in the original's order (R-14):
/// [`RAW_COLUMNS`] without the typed and dropped ones.
///
/// ```
/// let text: Vec<&str> = amazon_sales::sales::load::text_columns().collect();
/// assert_eq!((text.len(), text[0], text[14]), (15, "Order ID", "promotion-ids"));
/// ```
pub fn text_columns() -> impl Iterator<Item = &'static str> {
    RAW_COLUMNS.into_iter().filter(|c| !NOT_TEXT.contains(c))
}

/// The four shipping-address columns whose missing rows R-10 drops.
pub const SHIP_FIELDS: [&str; 4] = [
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
];

/// A cleaned data set and the log of how it got there.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned frame.
    pub frame: DataFrame,
    /// Every rule applied, with counts.
    pub report: CleaningReport,
}

/// Loads the raw sales report (`.csv` or `.csv.gz`) with typed columns:
/// `index`, `Qty` → i64; `Amount` → f64 (nullable); `Date` → Date;
/// `B2B` → bool; `ship-postal-code` → text without `.0`; the rest text.
///
/// # Errors
/// [`Error::MissingColumn`] when one of [`RAW_COLUMNS`] is absent,
/// [`Error::Parse`] naming column and row for a bad date, quantity, amount,
/// postal code or flag, plus the file errors of [`read_text_frame`].
pub fn load(path: impl AsRef<Path>) -> Result<DataFrame> {
    let path = path.as_ref();
    let raw = read_text_frame(path, &RAW_COLUMNS)?;
    let mut columns = Vec::with_capacity(raw.width());
    for name in RAW_COLUMNS {
        let values = str_values(&raw, name)?;
        let bad = |row: usize, value: &str, expected| Error::Parse {
            path: path.to_path_buf(),
            column: name.to_string(),
            row: row + 1,
            value: value.to_string(),
            expected,
        };
        let column: Column = match name {
            "index" | "Qty" => {
                let parsed: Result<Vec<Option<i64>>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| match v {
                        None => Err(bad(i, "", "an integer")),
                        Some(s) => s
                            .trim()
                            .parse::<i64>()
                            .map(Some)
                            .map_err(|_| bad(i, s, "an integer")),
                    })
                    .collect();
                Column::new(name.into(), parsed?)
            }
            "Amount" => {
                let parsed: Result<Vec<Option<f64>>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| match v {
                        None => Ok(None),
                        Some(s) if is_missing_token(s) => Ok(None),
                        Some(s) => match s.trim().parse::<f64>() {
                            Ok(x) if x.is_finite() => Ok(Some(x)),
                            _ => Err(bad(i, s, "an amount in rupees")),
                        },
                    })
                    .collect();
                Column::new(name.into(), parsed?)
            }
            "Date" => {
                let parsed: Result<Vec<Option<i32>>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let s = v.unwrap_or("");
                        parse_mm_dd_yy(s)
                            .map(Some)
                            .ok_or_else(|| bad(i, s, "a date MM-DD-YY"))
                    })
                    .collect();
                Column::new(name.into(), parsed?).cast(&DataType::Date)?
            }
            "B2B" => {
                let parsed: Result<Vec<Option<bool>>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| match v.map(str::trim) {
                        Some("True") => Ok(Some(true)),
                        Some("False") => Ok(Some(false)),
                        other => Err(bad(i, other.unwrap_or(""), "True or False")),
                    })
                    .collect();
                Column::new(name.into(), parsed?)
            }
            "ship-postal-code" => {
                let parsed: Result<Vec<Option<String>>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| match v {
                        None => Ok(None),
                        Some(s) if is_missing_token(s) => Ok(None),
                        Some(s) => postal_code(s)
                            .map(Some)
                            .ok_or_else(|| bad(i, s, "a postal code")),
                    })
                    .collect();
                Column::new(name.into(), parsed?)
            }
            _ => raw.column(name)?.clone(),
        };
        columns.push(column);
    }
    Ok(DataFrame::new_infer_height(columns)?)
}

/// Parses `MM-DD-YY` (years 20YY) into days since 1970-01-01.
///
/// ```
/// use amazon_sales::sales::load::parse_mm_dd_yy;
/// assert_eq!(parse_mm_dd_yy("04-30-22"), Some(19112));
/// assert_eq!(parse_mm_dd_yy("13-01-22"), None);
/// ```
pub fn parse_mm_dd_yy(s: &str) -> Option<i32> {
    let mut parts = s.trim().split('-');
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let year: i32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(0..100).contains(&year) {
        return None;
    }
    days_from_mdy(2000 + year, month, day)
}

/// `"400081.0"` → `"400081"`; rejects anything that is not a whole number.
fn postal_code(s: &str) -> Option<String> {
    let t = s.trim();
    let digits = t.strip_suffix(".0").unwrap_or(t);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

/// Loads the project's sales report and applies [`clean`] then [`normalise_states`].
///
/// # Errors
/// Any error of [`load`] or [`clean`].
pub fn load_clean() -> Result<Cleaned> {
    let raw = load(paths::sales_report())?;
    let mut cleaned = clean(raw, "Amazon Sale Report.csv")?;
    cleaned.frame = normalise_states(cleaned.frame, &mut cleaned.report)?;
    Ok(cleaned)
}

/// The original cleaning R-6..R-12: 128,975 × 24 → 128,936 × 20.
///
/// # Errors
/// [`Error::Polars`] if an expected column is missing from `raw`.
pub fn clean(raw: DataFrame, source: &str) -> Result<Cleaned> {
    let mut report = CleaningReport::new(source, raw.height(), raw.width());
    record_typed_at_load(&raw, &mut report)?;
    let df = drop_uninformative_columns(raw, &mut report)?;
    let df = drop_sparse_columns(df, &mut report, 0.4)?;
    let df = drop_rows_missing_ship_fields(df, &mut report)?;
    let df = fill_missing_values(df, &mut report)?;
    let df = drop_duplicate_rows(df, &mut report)?;
    Ok(Cleaned { frame: df, report })
}

/// R-8: records the conversions [`load`] already made (dates, postal codes)
/// and how many numeric cells it read as missing (empty, or one of pandas'
/// missing-value tokens such as `NA`, `NaN`, `null`).
pub fn record_typed_at_load(raw: &DataFrame, report: &mut CleaningReport) -> Result<()> {
    let postal = raw.column("ship-postal-code")?;
    let amount_missing = raw.column("Amount")?.null_count();
    report.record(
        "R-8 parse Date (MM-DD-YY) and postal code (float → text)",
        raw.height(),
        raw.width(),
        raw.height() + postal.len() - postal.null_count(),
        format!(
            "done at load: dates become Date values, 400081.0 becomes \"400081\"; read as missing \
             (empty or NA/NaN/null…): Amount {amount_missing}, postal code {}",
            postal.null_count()
        ),
    );
    Ok(())
}

/// R-3: what each raw column means (the original's dictionary, keys fixed to the real names).
pub fn column_dictionary() -> Table {
    let mut t = Table::new(
        "Column dictionary: Amazon Sale Report.csv",
        ["column", "meaning"],
    );
    for (c, m) in [
        ("index", "row number of the export"),
        (
            "Order ID",
            "order identifier; an order can have several lines (SKUs)",
        ),
        ("Date", "order date, MM-DD-YY, 2022-03-31 to 2022-06-29"),
        (
            "Status",
            "order status (13 values, e.g. Shipped, Cancelled, Shipped - Delivered to Buyer)",
        ),
        ("Fulfilment", "who ships: Amazon or Merchant"),
        (
            "Sales Channel ",
            "Amazon.in or Non-Amazon (the name has a trailing space)",
        ),
        ("ship-service-level", "Expedited or Standard"),
        ("Style", "product style code"),
        ("SKU", "stock-keeping unit (style + size)"),
        (
            "Category",
            "product category (9: Set, kurta, Western Dress, ...)",
        ),
        ("Size", "garment size (XS..6XL, Free)"),
        ("ASIN", "Amazon product identifier"),
        ("Courier Status", "Shipped / Unshipped / Cancelled"),
        ("Qty", "units in the line"),
        ("currency", "always INR"),
        (
            "Amount",
            "total amount of the order line in rupees (not a unit price)",
        ),
        ("ship-city", "destination city"),
        ("ship-state", "destination state (69 spellings)"),
        ("ship-postal-code", "destination PIN code"),
        ("ship-country", "always IN"),
        ("promotion-ids", "comma-joined promotion codes applied"),
        ("B2B", "business customer"),
        (
            "fulfilled-by",
            "Easy Ship for some merchant orders, else blank",
        ),
        (
            "Unnamed: 22",
            "junk column from the Excel export (False or blank)",
        ),
    ] {
        t.push_row([c, m]);
    }
    t
}

/// R-6: drops `index` (row number), `Unnamed: 22` (an Excel artefact) and `Courier Status`.
pub fn drop_uninformative_columns(df: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let df = df.drop_many(["index", "Unnamed: 22", "Courier Status"]);
    report.record(
        "R-6 drop index, Unnamed: 22, Courier Status",
        df.height(),
        df.width(),
        0,
        "row number, Excel export artefact, and a status duplicate with 6,872 blanks",
    );
    Ok(df)
}

/// R-10 (first part): keeps columns with at least `min_share` non-null values (drops `fulfilled-by`).
pub fn drop_sparse_columns(
    df: DataFrame,
    report: &mut CleaningReport,
    min_share: f64,
) -> Result<DataFrame> {
    let n = df.height().max(1) as f64;
    let sparse: Vec<String> = df
        .columns()
        .iter()
        .filter(|c| ((c.len() - c.null_count()) as f64) / n < min_share)
        .map(|c| c.name().to_string())
        .collect();
    let df = df.drop_many(sparse.iter().map(String::as_str));
    report.record(
        format!(
            "R-10 drop columns < {:.0} % non-null ({})",
            min_share * 100.0,
            sparse.join(", ")
        ),
        df.height(),
        df.width(),
        0,
        "mostly empty columns cannot be imputed credibly",
    );
    Ok(df)
}

/// R-10 (second part): drops rows missing any of the four [`SHIP_FIELDS`].
pub fn drop_rows_missing_ship_fields(
    df: DataFrame,
    report: &mut CleaningReport,
) -> Result<DataFrame> {
    let mut keep = BooleanChunked::full("keep".into(), true, df.height());
    for field in SHIP_FIELDS {
        keep = &keep & &df.column(field)?.is_not_null();
    }
    let df = df.filter(&keep)?;
    report.record(
        "R-10 drop rows missing ship-city/state/postal/country",
        df.height(),
        df.width(),
        0,
        "an order without an address cannot be placed on the map",
    );
    Ok(df)
}

/// R-10 (third part): `currency` ← "INR", `Amount` ← 0, `promotion-ids` ← "None".
pub fn fill_missing_values(df: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    // On small or damaged files the < 40 % rule may already have dropped one of
    // these columns; fill the ones that are still there.
    let fills = [
        ("currency", lit("INR")),
        ("Amount", lit(0.0)),
        ("promotion-ids", lit("None")),
    ];
    let present: Vec<(&str, Expr)> = fills
        .into_iter()
        .filter(|(name, _)| df.column(name).is_ok())
        .collect();
    let filled: usize = present
        .iter()
        .filter_map(|(name, _)| df.column(name).ok().map(|c| c.null_count()))
        .sum();
    let exprs: Vec<Expr> = present
        .into_iter()
        .map(|(name, value)| col(name).fill_null(value))
        .collect();
    let df = df.lazy().with_columns(exprs).collect()?;
    report.record(
        "R-10 fill currency \"INR\", Amount 0, promotion-ids \"None\"",
        df.height(),
        df.width(),
        filled,
        "models cannot take nulls (Amount 0 later hides these rows from the models)",
    );
    Ok(df)
}

/// R-12: drops exact duplicate rows, keeping the first.
pub fn drop_duplicate_rows(df: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let df = crate::data::duplicates::drop_duplicate_rows(df)?;
    report.record(
        "R-12 drop exact duplicate rows",
        df.height(),
        df.width(),
        0,
        "duplicates would count the same order line twice",
    );
    Ok(df)
}

/// Extra step (not in the original, flaw 15): adds `state`, the canonical
/// spelling of `ship-state` (69 spellings → one name per place). `ship-state`
/// keeps its raw spelling so the original's tables can still be reproduced.
pub fn normalise_states(df: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let raw = str_values(&df, "ship-state")?;
    let canonical: Vec<Option<String>> = raw.iter().map(|v| v.map(canonical_state)).collect();
    let changed = raw
        .iter()
        .zip(&canonical)
        .filter(|(r, c)| r.map(str::to_string) != **c)
        .count();
    let spellings = df.column("ship-state")?.n_unique()?;
    let mut df = df;
    df.with_column(Column::new("state".into(), canonical))?;
    let names = df.column("state")?.n_unique()?;
    report.record(
        format!("extra: normalise ship-state into state ({spellings} spellings → {names} names)"),
        df.height(),
        df.width(),
        changed,
        "case variants, abbreviations and typos split one state into several (flaw 15)",
    );
    Ok(df)
}
