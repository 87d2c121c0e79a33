//! Product notebook §6–9: TF-IDF + SVD + K-Means sweep, and ANN training
//! (Python twin: benches/python/product_models.py; see benches/common for the protocol).
//! BENCH_STAGES: text_kmeans ann_train

mod common;

use amazon_sales::ml::neural::{MlpParams, TrainParams};
use amazon_sales::products;
use amazon_sales::products::{build_space, price, ProductFrame, RatingSource, SpaceParams};

fn frame() -> ProductFrame {
    let mut cleaned = products::load_clean().expect("load");
    let trimmed =
        products::trim_price_outliers(&cleaned.products, &mut cleaned.report).expect("trim");
    ProductFrame::build(&trimmed, RatingSource::Original).expect("frame")
}

/// Epochs of the ann_train stage (the Python twin uses the same number).
const ANN_EPOCHS: usize = 50;

fn main() {
    let stages = ["text_kmeans", "ann_train"];
    let Some(stage) = common::stage_arg() else {
        println!("stages: {}", stages.join(" "));
        return;
    };
    match stage.as_str() {
        // TF-IDF (1,000 terms) → SVD (300) → K-Means k = 2..10 with silhouette on all rows
        "text_kmeans" => {
            let f = frame();
            common::run(&stage, 3, || {
                let space = build_space(&f, &SpaceParams::default()).expect("space");
                let sweep = space.sweep(10, 42).expect("sweep");
                format!(
                    "{}x{}, {} k",
                    space.x.nrows(),
                    space.x.ncols(),
                    sweep.rows.len()
                )
            })
        }
        // The P-68 ANN regressor (128-64-32-1): 50 epochs of batch 32, no
        // validation split or early stopping on either side, so both do the same
        // number of weight updates (their early-stopping rules differ)
        "ann_train" => {
            let data = price::original_inputs(&frame(), 0.2, 42).expect("inputs");
            let train = TrainParams::default()
                .epochs(ANN_EPOCHS)
                .validation_fraction(0.0)
                .patience(None)
                .log_every(0);
            let params = MlpParams::regressor().train(train);
            common::run(&stage, 3, || {
                let fit = params
                    .fit(data.x_train.view(), data.y_train.view())
                    .expect("fit");
                format!(
                    "{} train rows, {} epochs",
                    data.x_train.nrows(),
                    fit.history().epochs_run()
                )
            })
        }
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
}
