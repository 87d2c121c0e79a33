//! Bad input gets a typed error naming the file, column and row — never a panic.
//! Each case writes a small file (made from the first rows of the real data) into a temp dir.

use std::io::Read;
use std::path::{Path, PathBuf};

use amazon_sales::Error;
use amazon_sales::{products, sales};

/// The header and first `rows` data lines of a real data set, as text.
fn sample(path: &Path, rows: usize) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let mut out = String::new();
    let mut lines = 0;
    let mut in_quotes = false;
    for c in text.chars() {
        out.push(c);
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if c == '\n' && !in_quotes {
            lines += 1;
            if lines > rows {
                break;
            }
        }
    }
    out
}

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn sales_sample() -> String {
    sample(&amazon_sales::paths::sales_report(), 5)
}

fn products_sample() -> String {
    sample(&amazon_sales::paths::product_list(), 3)
}

#[test]
fn the_samples_themselves_load() {
    let dir = tempfile::tempdir().unwrap();
    let df = sales::load(write(&dir, "s.csv", sales_sample().as_bytes())).unwrap();
    assert_eq!(df.height(), 5);
    let p = products::load(write(&dir, "p.csv", products_sample().as_bytes())).unwrap();
    assert_eq!(p.products.height(), 3);
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = sales::load("/no/such/dir/sales.csv").unwrap_err();
    assert!(
        matches!(&err, Error::Io { path, .. } if path.ends_with("sales.csv")),
        "{err}"
    );
}

#[test]
fn empty_and_header_only_files_are_empty_data() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.csv", b"");
    assert!(matches!(sales::load(&empty), Err(Error::EmptyData { .. })));
    let header = sales_sample().lines().next().unwrap().to_string() + "\n";
    let header_only = write(&dir, "header.csv", header.as_bytes());
    let err = sales::load(&header_only).unwrap_err();
    assert!(
        matches!(&err, Error::EmptyData { what, .. } if what.contains("no data rows")),
        "{err}"
    );
}

#[test]
fn renamed_column_is_missing_column() {
    let dir = tempfile::tempdir().unwrap();
    // "Sales Channel " loses its trailing space: a rename the loader must notice
    let renamed = sales_sample().replacen("Sales Channel ,", "Sales Channel,", 1);
    let err = sales::load(write(&dir, "renamed.csv", renamed.as_bytes())).unwrap_err();
    assert!(
        matches!(&err, Error::MissingColumn { column, .. } if column == "Sales Channel "),
        "{err}"
    );
    let no_price = products_sample().replacen("discounted_price", "price", 1);
    let err = products::load(write(&dir, "p.csv", no_price.as_bytes())).unwrap_err();
    assert!(
        matches!(&err, Error::MissingColumn { column, .. } if column == "discounted_price"),
        "{err}"
    );
}

#[test]
fn non_utf8_bytes_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = sales_sample().into_bytes();
    let second_row = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 3;
    bytes[second_row] = 0xff;
    let err = sales::load(write(&dir, "latin1.csv", &bytes)).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { row: 2, .. }), "{err}");
}

#[test]
fn unparseable_date_names_column_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = sales_sample();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[3] = lines[3].replacen("04-30-22", "2022-04-30", 1);
    let err = sales::load(write(
        &dir,
        "date.csv",
        (lines.join("\n") + "\n").as_bytes(),
    ))
    .unwrap_err();
    match err {
        Error::Parse {
            column,
            row,
            value,
            path,
            ..
        } => {
            assert_eq!(
                (column.as_str(), row, value.as_str()),
                ("Date", 3, "2022-04-30")
            );
            assert!(path.ends_with("date.csv"));
        }
        other => panic!("expected a parse error, got {other}"),
    }
}

#[test]
fn unparseable_price_names_column_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = products_sample().replacen("₹399", "₹3x9", 1);
    let err = products::load(write(&dir, "price.csv", text.as_bytes())).unwrap_err();
    assert!(
        matches!(&err, Error::Parse { column, row: 1, .. } if column == "discounted_price"),
        "{err}"
    );
}

#[test]
fn ragged_rows_are_a_csv_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = sales_sample() + "1,2,3\n";
    let err = sales::load(write(&dir, "ragged.csv", text.as_bytes())).unwrap_err();
    assert!(
        matches!(err, Error::Csv { .. } | Error::Parse { .. }),
        "{err}"
    );
}

#[test]
fn gzip_and_plain_files_load_alike() {
    let dir = tempfile::tempdir().unwrap();
    let plain = write(&dir, "s.csv", sales_sample().as_bytes());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, sales_sample().as_bytes()).unwrap();
    let gzipped = write(&dir, "s.csv.gz", &gz.finish().unwrap());
    assert_eq!(sales::load(plain).unwrap(), sales::load(gzipped).unwrap());
}

/// The amount text of data row `row` (1-based) of the sales sample, as written in the file.
fn sample_amount(row: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "s.csv", sales_sample().as_bytes());
    let text = amazon_sales::data::csv::read_text_frame(&path, &sales::RAW_COLUMNS).unwrap();
    amazon_sales::frame::str_values(&text, "Amount").unwrap()[row - 1]
        .clone()
        .unwrap()
}

#[test]
fn pandas_missing_tokens_in_numeric_columns_read_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let text = sales_sample();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (row, token) in [(1, "NA"), (2, "NaN"), (3, "null")] {
        let amount = format!(",{},", sample_amount(row));
        assert!(
            lines[row].contains(&amount),
            "{amount} not in {}",
            lines[row]
        );
        lines[row] = lines[row].replacen(&amount, &format!(",{token},"), 1);
    }
    let path = write(&dir, "na.csv", (lines.join("\n") + "\n").as_bytes());
    let df = sales::load(&path).unwrap();
    assert_eq!(df.column("Amount").unwrap().null_count(), 3);
    // counted in the cleaning report's R-8 line
    let cleaned = sales::clean(df, "na.csv").unwrap();
    assert!(
        cleaned.report.table().to_string().contains("Amount 3"),
        "{}",
        cleaned.report.table()
    );

    // anything else is still a typed error naming the column and row
    lines[4] = lines[4].replacen(&format!(",{},", sample_amount(4)), ",n.a.,", 1);
    let err =
        sales::load(write(&dir, "bad.csv", (lines.join("\n") + "\n").as_bytes())).unwrap_err();
    assert!(
        matches!(&err, Error::Parse { column, row: 4, value, .. } if column == "Amount" && value == "n.a."),
        "{err}"
    );
}

#[test]
fn missing_tokens_in_product_numbers_are_missing_or_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    // rating_count may be missing: "NA" reads as missing, as pandas does
    let text = products_sample().replacen("\"24,269\"", "NA", 1);
    assert_ne!(
        text,
        products_sample(),
        "the sample's first rating_count changed"
    );
    let p = products::load(write(&dir, "count.csv", text.as_bytes())).unwrap();
    assert_eq!(p.products.column("rating_count").unwrap().null_count(), 1);
    // a price may not: "NA" is a typed error naming the column
    let text = products_sample().replacen("₹399", "NA", 1);
    let err = products::load(write(&dir, "price_na.csv", text.as_bytes())).unwrap_err();
    assert!(
        matches!(&err, Error::Parse { column, row: 1, value, .. } if column == "discounted_price" && value == "NA"),
        "{err}"
    );
}
