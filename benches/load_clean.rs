//! Load + clean of each data set and the data-quality report (see benches/common for the protocol).
//! BENCH_STAGES: sales_load_clean products_load_clean sales_quality

mod common;

use amazon_sales::data::quality::quality_report;
use amazon_sales::{products, sales};

fn main() {
    let stages = ["sales_load_clean", "products_load_clean", "sales_quality"];
    let Some(stage) = common::stage_arg() else {
        println!("stages: {}", stages.join(" "));
        return;
    };
    match stage.as_str() {
        "sales_load_clean" => common::run(&stage, 5, || {
            let c = sales::load_clean().expect("load");
            format!("{}x{}", c.frame.height(), c.frame.width() - 1)
        }),
        "products_load_clean" => common::run(&stage, 7, || {
            let c = products::load_clean().expect("load");
            format!(
                "{} rows, {} reviews",
                c.products.height(),
                c.reviews.height()
            )
        }),
        "sales_quality" => {
            let raw = sales::load(amazon_sales::paths::sales_report()).expect("load");
            common::run(&stage, 5, || {
                let q = quality_report(&raw, "sales", Some("Order ID")).expect("quality");
                format!(
                    "{} dup rows, {} order ids",
                    q.full_row_duplicates,
                    q.key.map_or(0, |k| k.1)
                )
            })
        }
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
}
