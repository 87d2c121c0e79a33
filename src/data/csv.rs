//! Reading a `.csv` or `.csv.gz` file into a frame of text columns, with the
//! checks every loader shares: the file exists, is not empty, is UTF-8, has a
//! header with the required columns and at least one data row.
//!
//! Columns are read as strings and typed afterwards by each loader, so a bad
//! value can be reported with its column and row.

use std::io::{Cursor, Read};
use std::path::Path;

use polars::prelude::*;

use crate::error::{Error, Result};

/// The cell texts pandas' `read_csv` reads as missing by default
/// (`pandas._libs.parsers.STR_NA_VALUES`); the loaders read them as missing
/// in numeric columns too, so a file a pandas or R user hands over loads.
pub const MISSING_TOKENS: [&str; 19] = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
];

/// True when `cell` (trimmed) is one of pandas' default missing-value tokens.
///
/// ```
/// use amazon_sales::data::csv::is_missing_token;
/// assert!(is_missing_token(" NA ") && is_missing_token("NaN") && is_missing_token(""));
/// assert!(!is_missing_token("0") && !is_missing_token("n.a."));
/// ```
pub fn is_missing_token(cell: &str) -> bool {
    MISSING_TOKENS.contains(&cell.trim())
}

/// Reads the raw bytes of `path`, decompressing it when the name ends in `.gz`.
///
/// # Errors
/// [`Error::Io`] when the file cannot be opened or decompressed,
/// [`Error::EmptyData`] when it holds no bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let raw = std::fs::read(path).map_err(io)?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::with_capacity(raw.len() * 4);
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(io)?;
        out
    } else {
        raw
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::EmptyData {
            path: path.to_path_buf(),
            what: "the file is empty".into(),
        });
    }
    Ok(bytes)
}

/// Checks that `bytes` are UTF-8, naming the data row (1-based, header = 0) of the first bad byte.
///
/// # Errors
/// [`Error::InvalidUtf8`].
pub fn check_utf8(path: &Path, bytes: &[u8]) -> Result<()> {
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(()),
        Err(e) => {
            let at = e.valid_up_to();
            let row = bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                row,
                byte_offset: at,
            })
        }
    }
}

/// Reads `path` into a frame whose columns are all strings, after checking that
/// every name in `required` is present and that there is at least one data row.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("t.csv");
/// std::fs::write(&path, "a,b\n1,x\n").unwrap();
/// let df = amazon_sales::data::csv::read_text_frame(&path, &["a"]).unwrap();
/// assert_eq!(df.height(), 1);
/// ```
///
/// # Errors
/// [`Error::Io`], [`Error::EmptyData`], [`Error::InvalidUtf8`], [`Error::MissingColumn`], [`Error::Csv`].
pub fn read_text_frame(path: &Path, required: &[&str]) -> Result<DataFrame> {
    let bytes = read_bytes(path)?;
    check_utf8(path, &bytes)?;
    let df = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_parse_options(CsvParseOptions::default().with_truncate_ragged_lines(false))
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| Error::Csv {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let names: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    for column in required {
        if !names.iter().any(|n| n == column) {
            return Err(Error::MissingColumn {
                path: path.to_path_buf(),
                column: (*column).to_string(),
                found: names.join(", "),
            });
        }
    }
    if df.height() == 0 {
        return Err(Error::EmptyData {
            path: path.to_path_buf(),
            what: "the file has a header but no data rows".into(),
        });
    }
    Ok(df)
}

/// The values of a string column as `Option<&str>` (null → `None`).
///
/// # Errors
/// [`Error::Polars`] if the column is absent or not a string column.
pub fn str_values<'a>(df: &'a DataFrame, column: &str) -> Result<Vec<Option<&'a str>>> {
    Ok(df.column(column)?.str()?.iter().collect())
}
