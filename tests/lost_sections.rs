//! The lost product-notebook sections (§10-13) and the order market-basket
//! analysis on the real data. Reference figures come from mlxtend 0.23.3 /
//! pandas 2.2.3 runs on the same CSVs (see each test).

use amazon_sales::data::{products, sales};
use amazon_sales::models::rules::{Apriori, OrderBaskets, ProductBands, RATING_ITEMS};
use amazon_sales::models::sentiment::SentimentParams;

#[test]
fn product_apriori_matches_mlxtend() {
    let p = products::load_clean().unwrap().products;
    let bands = ProductBands::fit(&p, "rating").unwrap();
    // pandas quantile(1/3, 2/3): actual_price 999 / 2995; rating_count
    // (median-filled) 2026 / 11924.
    assert!((bands.price_cuts[0] - 999.0).abs() < 1e-6 && (bands.price_cuts[1] - 2995.0).abs() < 1e-6);
    assert!((bands.count_cuts[0] - 2026.0).abs() < 1e-6 && (bands.count_cuts[1] - 11924.0).abs() < 1e-6);
    let sets = Apriori::new().min_support(0.05).max_len(4).fit(bands.transactions()).unwrap();
    // mlxtend: apriori(min_support=0.05, max_len=4) → 174 itemsets (14/73/77/10).
    assert_eq!(sets.counts_by_size(), vec![14, 73, 77, 10]);
    let rules = sets.rules(0.6).unwrap();
    assert_eq!(rules.len(), 103);
    let rating = rules.with_consequent_in(&RATING_ITEMS);
    assert_eq!(rating.len(), 66);
    assert_eq!(rating.count_not_evidence(), 23);
    // Headline rule: support 0.060751, confidence 0.684615, lift 0.903569.
    let h = rules.find(&["Electronics", "High price", "Deep discount"], &["High rating"]).unwrap();
    assert!((h.support - 0.060751).abs() < 1e-6);
    assert!((h.confidence - 0.684615).abs() < 1e-6);
    assert!((h.lift - 0.903569).abs() < 1e-6);
    assert!(!h.is_evidence());
    // Top rating rule by lift: (Mid price, Computers & Accessories) → High rating, lift 1.223033.
    assert!((rating.rules()[0].lift - 1.223033).abs() < 1e-6);
}

#[test]
fn order_baskets_give_rules_over_categories_and_styles() {
    let frame = sales::load_clean().unwrap().frame;
    let cat = OrderBaskets::from_orders(&frame, "Category").unwrap();
    // Raw CSV (pandas): 120,378 orders, 6,846 with more than one line; the
    // cleaned frame drops a few duplicate rows.
    assert!(cat.orders > 120_000 && cat.orders <= 120_378, "{}", cat.orders);
    assert!(cat.multi_line_orders > 6_700 && cat.multi_line_orders <= 6_846, "{}", cat.multi_line_orders);
    let rules = Apriori::new().min_support(0.01).max_len(4).fit(cat.transactions()).unwrap().rules(0.1).unwrap();
    // mlxtend on the raw multi-line orders: 6 rules, all with lift < 1 (kurta → Set 0.56).
    assert_eq!(rules.len(), 6);
    assert_eq!(rules.count_not_evidence(), 6);
    let style = OrderBaskets::from_orders(&frame, "Style").unwrap();
    let rules = Apriori::new().min_support(0.003).max_len(4).fit(style.transactions()).unwrap().rules(0.2).unwrap();
    // mlxtend (raw): 8 rules, top SET397 ↔ JNE3543 with lift 43.7.
    assert!(rules.len() >= 6, "{}", rules.len());
    assert!(rules.rules()[0].lift > 30.0);
}

#[test]
fn cnn_finds_negative_reviews() {
    let p = products::load_clean().unwrap().products;
    let params = SentimentParams::new();
    let r = params.run(&p, "rating").unwrap();
    println!("{}\n{}", r.data_table(), r.scores_table());
    assert!(r.negative_recall() > 0.2, "negative recall {}", r.negative_recall());
    assert!(r.macro_f1() > r.baseline_report.macro_avg.f1);
}
