//! The streaming pipeline agrees with the eager loaders on the real file, and the
//! generator writes the requested number of rows with the real schema.

use std::io::Read;

use amazon_sales::data::sales;
use amazon_sales::{paths, streaming};

#[test]
fn streaming_cleaning_matches_the_eager_cleaning_on_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sales.csv");
    let mut text = Vec::new();
    let gz = std::fs::read(paths::sales_report()).unwrap();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut text)
        .unwrap();
    std::fs::write(&csv, text).unwrap();

    let summary = streaming::streaming_summary(&csv).unwrap();
    assert_eq!(summary.rows_raw, 128_975);
    assert_eq!(summary.rows_clean, 128_936);
    assert_eq!(summary.sparse_columns, vec!["fulfilled-by".to_string()]);
    assert_eq!(summary.daily_revenue.len(), 91);
    assert_eq!(summary.lines_by_state.len(), 37);

    let eager = sales::load_clean().unwrap().frame;
    let monthly = amazon_sales::eda::sales::monthly_revenue(&eager, true).unwrap();
    let eager_total: f64 = monthly.iter().map(|m| m.1).sum();
    let streamed_total: f64 = summary.daily_revenue.iter().map(|d| d.1).sum();
    assert!((eager_total - streamed_total).abs() < 1e-3 * eager_total);
}

#[test]
fn generator_writes_scale_times_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("synthetic.csv");
    let rows = streaming::write_synthetic_sales(&paths::sales_report(), &out, 2, 7).unwrap();
    assert_eq!(rows, 2 * 128_975);
    let summary = streaming::streaming_summary(&out).unwrap();
    assert_eq!(summary.rows_raw, rows);
    assert!(summary.daily_revenue.len() <= 91);
    assert!(streaming::write_synthetic_sales(&paths::sales_report(), &out, 0, 7).is_err());
}
