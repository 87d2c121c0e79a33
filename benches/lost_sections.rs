//! Product notebook §11-12 and the sales market basket: Apriori + rules on
//! the banded products and on the Style baskets of multi-line orders, and
//! one CNN training epoch (Python twin: benches/python/lost_sections.py,
//! mlxtend for Apriori, a plain numpy CNN; see benches/common for the protocol).
//! BENCH_STAGES: apriori_products apriori_orders cnn_epoch

mod common;

use amazon_sales::ml::rules::Apriori;
use amazon_sales::products::bands::ProductBands;
use amazon_sales::products::sentiment::SentimentParams;
use amazon_sales::sales::baskets::OrderBaskets;
use amazon_sales::{products, sales};

fn main() {
    let stages = ["apriori_products", "apriori_orders", "cnn_epoch"];
    let Some(stage) = common::stage_arg() else {
        println!("stages: {}", stages.join(" "));
        return;
    };
    match stage.as_str() {
        // P-X15/P-X16: bands, Apriori (support 0.05, ≤ 4 items), rules (confidence 0.6)
        "apriori_products" => {
            let p = products::load_clean().expect("load").products;
            common::run(&stage, 7, || {
                let bands = ProductBands::fit(&p, "rating").expect("bands");
                let sets = Apriori::new()
                    .min_support(0.05)
                    .max_len(4)
                    .fit(bands.transactions())
                    .expect("apriori");
                let rules = sets.rules(0.6).expect("rules");
                format!("{} itemsets, {} rules", sets.len(), rules.len())
            })
        }
        // Raw orders: Style baskets of multi-line orders, support 0.003, confidence 0.2
        "apriori_orders" => {
            let raw = sales::load(amazon_sales::paths::sales_report()).expect("load");
            common::run(&stage, 5, || {
                let baskets = OrderBaskets::from_orders(&raw, "Style").expect("baskets");
                let sets = Apriori::new()
                    .min_support(0.003)
                    .max_len(4)
                    .fit(baskets.transactions())
                    .expect("apriori");
                let rules = sets.rules(0.2).expect("rules");
                format!(
                    "{} baskets, {} itemsets, {} rules",
                    baskets.multi_line_orders,
                    sets.len(),
                    rules.len()
                )
            })
        }
        // P-X9..P-X12 with one epoch: split, vocabulary, padding, one epoch of
        // the 10k×100 / 128×5 CNN, predictions on validation and test
        "cnn_epoch" => {
            let p = products::load_clean().expect("load").products;
            let mut params = SentimentParams::new();
            params.cnn.train = params
                .cnn
                .train
                .clone()
                .epochs(1)
                .patience(None)
                .log_every(0);
            common::run(&stage, 3, || {
                let r = params.run(&p, "rating").expect("cnn");
                format!(
                    "{}/{}/{} docs, 1 epoch",
                    r.n_fit,
                    r.n_val,
                    r.report.confusion.counts().sum()
                )
            })
        }
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
}
