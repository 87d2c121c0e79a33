//! Integration tests on the real data in data/raw: the counts the original printed.

use amazon_sales::data::quality::quality_report;
use amazon_sales::frame::f64_values;
use amazon_sales::paths;
use amazon_sales::{products, sales};

#[test]
fn sales_report_loads_and_cleans_as_the_original() {
    let raw = sales::load(paths::sales_report()).unwrap();
    assert_eq!((raw.height(), raw.width()), (128_975, 24));
    assert_eq!(raw.column("Amount").unwrap().null_count(), 7_795);
    assert_eq!(raw.column("Date").unwrap().n_unique().unwrap(), 91);
    let postal = raw.column("ship-postal-code").unwrap();
    assert_eq!(postal.str().unwrap().get(0), Some("400081"));

    let cleaned = sales::clean(raw, "Amazon Sale Report.csv").unwrap();
    assert_eq!(
        (cleaned.frame.height(), cleaned.frame.width()),
        (128_936, 20)
    );
    assert!(cleaned.report.adds_up());
    let dropped: Vec<usize> = cleaned
        .report
        .steps()
        .iter()
        .map(|s| s.rows_dropped())
        .collect();
    assert_eq!(dropped.iter().sum::<usize>(), 39);
    assert!(dropped.contains(&33) && dropped.contains(&6));
    assert_eq!(cleaned.frame.column("Amount").unwrap().null_count(), 0);
}

#[test]
fn states_are_normalised_with_their_own_count() {
    let cleaned = sales::load_clean().unwrap();
    let df = &cleaned.frame;
    assert_eq!(df.width(), 21);
    assert_eq!(df.column("ship-state").unwrap().n_unique().unwrap(), 69);
    // 36 states and union territories plus APO (army post office); upper-casing alone leaves 47
    assert_eq!(df.column("state").unwrap().n_unique().unwrap(), 37);
    let last = cleaned.report.steps().last().unwrap();
    assert!(last.values_changed > 0 && last.rows_dropped() == 0);
}

#[test]
fn sales_eda_matches_the_recomputed_figures() {
    let df = sales::load_clean().unwrap().frame;
    let top = sales::eda::cancelled_by_state(&df, "ship-state", 10).unwrap();
    assert_eq!(top[0], ("MAHARASHTRA".to_string(), 2_966.0));
    assert_eq!(top[9], ("Gujarat".to_string(), 591.0));
    let monthly = sales::eda::monthly_revenue(&df, false).unwrap();
    let april = monthly.iter().find(|m| m.0 == "2022-04").unwrap().1;
    assert!((april - 28_831_249.0).abs() < 1.0, "April {april}");
    let groups = sales::eda::amount_by_status_group(&df).unwrap();
    let lost = groups.iter().find(|g| g.0 == "Damaged/Lost").unwrap();
    assert_eq!(lost.1.len(), 4);
}

#[test]
fn product_list_loads_with_quirks_fixed() {
    let data = products::load(paths::product_list()).unwrap();
    assert_eq!(data.products.height(), 1_465);
    assert_eq!(data.reviews.height(), 11_503);
    let cleaned = products::clean(data, "amazon.csv").unwrap();
    let p = &cleaned.products;
    let ids: Vec<Option<&str>> = p
        .column("product_id")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .collect();
    let i = ids.iter().position(|id| *id == Some("B08L12N5H1")).unwrap();
    assert_eq!(f64_values(p, "rating").unwrap()[i], 3.9);
    assert_eq!(f64_values(p, "rating_original").unwrap()[i], 4.1);
    assert_eq!(p.column("rating_count").unwrap().null_count(), 2);
    assert_eq!(p.column("main_category").unwrap().n_unique().unwrap(), 9);
    let discount = f64_values(p, "discount_percentage").unwrap();
    assert_eq!(discount[0], 0.64);
    let q = quality_report(p, "amazon.csv", Some("product_id")).unwrap();
    assert_eq!(q.key, Some(("product_id".to_string(), 1_351)));
    assert_eq!(q.full_row_duplicates, 0);
    assert!(cleaned.report.adds_up());
}

#[test]
fn product_eda_reproduces_the_original_then_corrects_it() {
    let cleaned = products::load_clean().unwrap();
    let p = &cleaned.products;
    let original = products::eda::most_reviewed_original(p, 10).unwrap();
    assert_eq!(original[0].rating_count, 853_945.0);
    let dedup = products::eda::most_reviewed_dedup(p, 10).unwrap();
    assert_eq!(dedup[0].rating_count, 426_973.0);
    assert_eq!(
        dedup[2].rating_count, 426_973.0,
        "three HDMI listings, one pool"
    );
    let pools = products::eda::most_reviewed_pools(p, 10, 1_000.0).unwrap();
    assert_eq!(pools[0].rating_count, 426_973.0);
    assert!(
        pools[0].name.ends_with("(+2 listings)"),
        "{}",
        pools[0].name
    );
    assert!(pools[1].rating_count < 426_973.0);
    let by_cat = products::eda::mean_rating_by_category(p).unwrap();
    assert_eq!(by_cat[0].0, "OfficeProducts");
    let mut report = cleaned.report.clone();
    let trimmed = products::trim_price_outliers(p, &mut report).unwrap();
    assert_eq!(trimmed.height(), 1_394);
    assert!(report.adds_up());
}
