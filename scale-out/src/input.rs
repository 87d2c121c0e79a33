//! The input file: checked before any engine sees it, so a missing file, a
//! broken gzip stream or a header without the columns the plan needs is
//! reported with the file's name instead of deep inside a query.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use datafusion::arrow::datatypes::{DataType, Field, Schema};
use flate2::read::GzDecoder;

use crate::error::{Error, Result};

/// The columns the cleaning plan reads; every other column is carried along
/// (it counts for the sparse-column rule and for exact duplicates).
pub const REQUIRED_COLUMNS: [&str; 9] = [
    "Date",
    "Status",
    "Amount",
    "currency",
    "promotion-ids",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
];

/// A readable sales report: its path, whether it is gzip-compressed, and the
/// column names of its header, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct SalesFile {
    pub path: PathBuf,
    pub gzip: bool,
    pub columns: Vec<String>,
}

impl SalesFile {
    /// Opens `path` (gzip when it ends in `.gz`), reads its header and checks
    /// that it has every one of [`REQUIRED_COLUMNS`].
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be opened or read (a corrupt gzip
    /// stream included); [`Error::Input`] for an empty file or a header that
    /// lacks a required column.
    pub fn open(path: &Path) -> Result<SalesFile> {
        let io = |source| Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let gzip = path.extension().is_some_and(|e| e == "gz");
        let reader: Box<dyn Read> = if gzip {
            Box::new(GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let mut header = String::new();
        BufReader::new(reader).read_line(&mut header).map_err(io)?;
        let columns = parse_header(header.trim_end_matches(['\r', '\n']));
        if columns.iter().all(|c| c.is_empty()) {
            return Err(Error::Input {
                path: path.to_path_buf(),
                message: "the file is empty (no header line)".into(),
            });
        }
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .into_iter()
            .filter(|r| !columns.iter().any(|c| c == r))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Input {
                path: path.to_path_buf(),
                message: format!(
                    "the header lacks the column(s) {missing:?} (found {columns:?}); \
                     expected a sales report as written by `scale generate`"
                ),
            });
        }
        Ok(SalesFile {
            path: path.to_path_buf(),
            gzip,
            columns,
        })
    }

    /// Every column as nullable text, as the polars pipeline reads it
    /// (`infer_schema_length(0)`): parsing is the plan's job, not the reader's.
    pub fn text_schema(&self) -> Arc<Schema> {
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|c| Field::new(c, DataType::Utf8, true))
            .collect();
        Arc::new(Schema::new(fields))
    }
}

/// Splits one CSV header line into names, honouring double quotes (`""` is a
/// quote inside a quoted name).
fn parse_header(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                name.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => names.push(std::mem::take(&mut name)),
            (c, _) => name.push(c),
        }
    }
    names.push(name);
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn header_names_keep_spaces_and_unquote() {
        assert_eq!(
            parse_header(r#"index,Sales Channel ,"a,b","say ""hi""""#),
            ["index", "Sales Channel ", "a,b", r#"say "hi""#]
        );
    }

    #[test]
    fn missing_file_and_missing_column_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let absent = dir.path().join("absent.csv.gz");
        let e = SalesFile::open(&absent).unwrap_err().to_string();
        assert!(e.contains("absent.csv.gz"), "{e}");

        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, "index,Order ID,Date\n1,a,04-30-22\n").unwrap();
        let e = SalesFile::open(&bad).unwrap_err().to_string();
        assert!(e.contains("bad.csv") && e.contains("\"Amount\""), "{e}");

        let empty = dir.path().join("empty.csv");
        std::fs::write(&empty, "").unwrap();
        let e = SalesFile::open(&empty).unwrap_err().to_string();
        assert!(e.contains("empty"), "{e}");
    }

    #[test]
    fn gzip_header_is_read_and_corrupt_gzip_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.csv.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        writeln!(gz, "{}", REQUIRED_COLUMNS.join(",")).unwrap();
        std::fs::write(&good, gz.finish().unwrap()).unwrap();
        let file = SalesFile::open(&good).unwrap();
        assert!(file.gzip);
        assert_eq!(file.columns, REQUIRED_COLUMNS);

        let corrupt = dir.path().join("corrupt.csv.gz");
        std::fs::write(&corrupt, b"not gzip at all").unwrap();
        let e = SalesFile::open(&corrupt).unwrap_err();
        assert!(matches!(e, Error::Io { .. }), "{e}");
    }
}
