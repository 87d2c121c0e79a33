//! §8 time series: ADF test and SARIMA fits on the daily revenue series (see benches/common for the protocol).
//! The series is built once outside the timing; each stage times the statistical work only.
//! BENCH_STAGES: adf_log_revenue sarima_fit_train sarima_fit_full

mod common;

use amazon_sales::ml::forecast::{adf_test, SarimaOrder, SarimaParams, Trend};
use amazon_sales::sales;
use amazon_sales::sales::revenue::{daily_revenue, RevenueDefinition};

fn main() {
    let stages = ["adf_log_revenue", "sarima_fit_train", "sarima_fit_full"];
    let Some(stage) = common::stage_arg() else {
        println!("stages: {}", stages.join(" "));
        return;
    };
    let frame = sales::load_clean().expect("load").frame;
    let y = daily_revenue(&frame, RevenueDefinition::Original)
        .expect("series")
        .log1p()
        .values;
    let order = SarimaOrder::new((1, 0, 1), (1, 1, 1, 14));
    match stage.as_str() {
        "adf_log_revenue" => common::run(&stage, 20, || {
            let t = adf_test(&y, None, Trend::Constant).expect("adf");
            format!("{:.3}", t.statistic)
        }),
        "sarima_fit_train" => common::run(&stage, 10, || {
            let fit = SarimaParams::new(order).fit(&y[..72]).expect("fit");
            format!("AIC {:.2}", fit.aic)
        }),
        "sarima_fit_full" => common::run(&stage, 10, || {
            let fit = SarimaParams::new(order).fit(&y).expect("fit");
            format!("AIC {:.2}", fit.aic)
        }),
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
}
