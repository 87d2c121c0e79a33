//! Property tests: the loaders never panic on damaged input. A truncated,
//! byte-mutated or column-shuffled sample of the real data either loads (and
//! its cleaning report adds up) or fails with a typed error that names the file.

use std::io::Read;
use std::path::Path;

use amazon_sales::Error;
use amazon_sales::{products, sales};
use proptest::prelude::*;

fn sample(path: &Path, rows: usize) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_end(&mut text)
        .unwrap();
    let mut quoted = false;
    let mut lines = 0;
    for (i, b) in text.iter().enumerate() {
        quoted ^= *b == b'"';
        if *b == b'\n' && !quoted {
            lines += 1;
            if lines > rows {
                text.truncate(i + 1);
                break;
            }
        }
    }
    text
}

fn sales_sample() -> &'static [u8] {
    static S: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    S.get_or_init(|| sample(&amazon_sales::paths::sales_report(), 40))
}

fn products_sample() -> &'static [u8] {
    static S: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    S.get_or_init(|| sample(&amazon_sales::paths::product_list(), 12))
}

/// The error names the file it came from (every data error carries the path).
fn names_file(err: &Error, file: &Path) -> bool {
    match err {
        Error::Io { path, .. }
        | Error::EmptyData { path, .. }
        | Error::MissingColumn { path, .. }
        | Error::InvalidUtf8 { path, .. }
        | Error::Parse { path, .. }
        | Error::Csv { path, .. } => path == file,
        _ => false,
    }
}

fn check_sales(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sales.csv");
    std::fs::write(&path, bytes).unwrap();
    match sales::load(&path) {
        Ok(raw) => {
            let rows = raw.height();
            let cleaned = sales::clean(raw, "sample").unwrap();
            prop_assert!(cleaned.report.adds_up());
            prop_assert_eq!(cleaned.report.rows_raw(), rows);
        }
        Err(e) => prop_assert!(names_file(&e, &path), "error without the file: {e}"),
    }
    Ok(())
}

fn check_products(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("products.csv");
    std::fs::write(&path, bytes).unwrap();
    match products::load(&path) {
        Ok(data) => {
            let rows = data.products.height();
            let cleaned = products::clean(data, "sample").unwrap();
            prop_assert!(cleaned.report.adds_up());
            prop_assert_eq!(cleaned.report.rows_raw(), rows);
        }
        Err(e) => prop_assert!(names_file(&e, &path), "error without the file: {e}"),
    }
    Ok(())
}

/// Reorders the columns of a CSV whose fields contain no quoted commas in the header.
fn shuffle_columns(bytes: &[u8], seed: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut reader_rows: Vec<Vec<String>> = Vec::new();
    let mut field = String::new();
    let mut row = Vec::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                field.push(c);
            }
            ',' if !quoted => row.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                reader_rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    let width = reader_rows[0].len();
    let mut order: Vec<usize> = (0..width).collect();
    let mut state = seed | 1;
    for i in (1..width).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut out = String::new();
    for r in reader_rows.iter().filter(|r| r.len() == width) {
        let cells: Vec<&str> = order.iter().map(|&j| r[j].as_str()).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn truncated_sales_never_panic(cut in 0usize..6000) {
        let s = sales_sample();
        check_sales(&s[..cut.min(s.len())])?;
    }

    #[test]
    fn mutated_sales_never_panic(edits in prop::collection::vec((0usize..6000, any::<u8>()), 1..8)) {
        let mut s = sales_sample().to_vec();
        for (at, byte) in edits {
            let n = s.len();
            s[at % n] = byte;
        }
        check_sales(&s)?;
    }

    #[test]
    fn shuffled_sales_columns_load_the_same_values(seed in any::<u64>()) {
        let original = {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("a.csv");
            std::fs::write(&p, sales_sample()).unwrap();
            sales::load(&p).unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.csv");
        std::fs::write(&p, shuffle_columns(sales_sample(), seed)).unwrap();
        let shuffled = sales::load(&p).unwrap();
        prop_assert_eq!(original, shuffled);
    }

    #[test]
    fn truncated_products_never_panic(cut in 0usize..40000) {
        let s = products_sample();
        check_products(&s[..cut.min(s.len())])?;
    }

    #[test]
    fn mutated_products_never_panic(edits in prop::collection::vec((0usize..40000, any::<u8>()), 1..8)) {
        let mut s = products_sample().to_vec();
        for (at, byte) in edits {
            let n = s.len();
            s[at % n] = byte;
        }
        check_products(&s)?;
    }
}
