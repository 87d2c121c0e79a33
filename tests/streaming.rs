//! The streaming pipeline agrees with the eager loaders on the real file (plain
//! and gzip-compressed), and the generator writes N × the real file: the cleaned
//! result of a 2× file is exactly twice the real one.

use std::io::Read;

use amazon_sales::paths;
use amazon_sales::sales;
use amazon_sales::sales::scale::{streaming_summary, write_synthetic_sales, ScaleSummary};

fn revenue(s: &ScaleSummary) -> f64 {
    s.daily_revenue.iter().map(|d| d.1).sum()
}

#[test]
fn streaming_cleaning_matches_the_eager_cleaning_on_the_real_file() {
    let gz = streaming_summary(&paths::sales_report()).unwrap();
    assert_eq!(gz.rows_raw, 128_975);
    assert_eq!(gz.rows_clean, 128_936);
    assert_eq!(gz.sparse_columns, vec!["fulfilled-by".to_string()]);
    assert_eq!(gz.daily_revenue.len(), 91);
    assert_eq!(gz.lines_by_state.len(), 37);

    let cleaned = sales::load_clean().unwrap();
    let address_rule = cleaned
        .report
        .steps()
        .iter()
        .find(|s| s.rule.contains("missing ship-city"))
        .unwrap();
    assert_eq!(gz.rows_addressed, address_rule.rows_out);
    assert!(gz.rows_clean < gz.rows_addressed);
    let eager = cleaned.frame;
    let monthly = amazon_sales::sales::eda::monthly_revenue(&eager, true).unwrap();
    let eager_total: f64 = monthly.iter().map(|m| m.1).sum();
    assert!((eager_total - revenue(&gz)).abs() < 1e-3 * eager_total);

    // the memory-mapped path (plain .csv) gives the same summary
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sales.csv");
    let mut text = Vec::new();
    let bytes = std::fs::read(paths::sales_report()).unwrap();
    flate2::read::GzDecoder::new(bytes.as_slice())
        .read_to_end(&mut text)
        .unwrap();
    std::fs::write(&csv, text).unwrap();
    assert_eq!(streaming_summary(&csv).unwrap(), gz);
}

#[test]
fn a_two_times_file_cleans_to_twice_the_real_result() {
    let dir = tempfile::tempdir().unwrap();
    let real = streaming_summary(&paths::sales_report()).unwrap();
    for name in ["synthetic.csv", "synthetic.csv.gz"] {
        let out = dir.path().join(name);
        let rows = write_synthetic_sales(&paths::sales_report(), &out, 2, 7).unwrap();
        assert_eq!(rows, 2 * 128_975);
        let twice = streaming_summary(&out).unwrap();
        assert_eq!(twice.rows_raw, rows, "{name}");
        assert_eq!(twice.rows_clean, 2 * real.rows_clean, "{name}");
        assert_eq!(twice.daily_revenue.len(), real.daily_revenue.len());
        assert!((revenue(&twice) - 2.0 * revenue(&real)).abs() < 1e-6 * revenue(&real));
    }
    let out = dir.path().join("zero.csv");
    assert!(write_synthetic_sales(&paths::sales_report(), &out, 0, 7).is_err());
}

#[test]
fn damaged_input_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(paths::sales_report()).unwrap();
    let truncated = dir.path().join("truncated.csv.gz");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let headerless = dir.path().join("headerless.csv");
    std::fs::write(&headerless, "a,b\n1,2\n").unwrap();
    for path in [truncated, headerless] {
        let err = streaming_summary(&path).unwrap_err().to_string();
        assert!(err.contains(path.to_str().unwrap()), "{err}");
    }
}
