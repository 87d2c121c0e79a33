//! Using the crate from plain Rust, without a notebook: load and clean the
//! sales report, print the data-quality report and its alerts, and save a
//! chart of the ten states with the most revenue as an SVG file.
//!
//! ```text
//! cargo run --example quickstart            # writes out/quickstart_top_states.svg
//! cargo run --example quickstart -- DIR     # writes DIR/quickstart_top_states.svg
//! ```

use std::process::ExitCode;

use amazon_sales::prelude::*;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quickstart: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let out_dir = std::env::args()
        .nth(1)
        .map_or_else(|| paths::project_root().join("out"), Into::into);

    // 1. load and clean: every rule is counted in the cleaning report
    let cleaned = sales::load_clean()?;
    println!("{}", cleaned.report.table());

    // 2. the data-quality report of the cleaned frame, with its alerts
    let quality = quality_report(&cleaned.frame, "cleaned sales report", Some("Order ID"))?;
    println!("{}", quality.table());
    for alert in quality.alerts() {
        println!("alert: {alert}");
    }

    // 3. a chart, saved as SVG
    let top_states = eda::top_sums(&cleaned.frame, "state", "Amount", 10)?;
    let chart = charts::barh(
        &ChartSpec::new("Top 10 states by summed Amount").x("₹"),
        &top_states,
    )?;
    std::fs::create_dir_all(&out_dir).map_err(|source| Error::Io {
        path: out_dir.clone(),
        source,
    })?;
    let path = out_dir.join("quickstart_top_states.svg");
    chart.save(&path)?;
    println!("saved {}", path.display());
    Ok(())
}
