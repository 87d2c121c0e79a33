//! `cargo run --bin scale -- generate N` writes data/interim/sales_Nx.csv (N × the real rows);
//! `cargo run --bin scale -- run N` runs the streaming pipeline on it and prints rows/s and peak memory.

use std::time::Instant;

use amazon_sales::{paths, streaming};

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() -> amazon_sales::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, factor) = match args.as_slice() {
        [c, n] => (
            c.as_str(),
            n.parse::<usize>().map_err(|_| {
                amazon_sales::Error::param("N", format!("{n} is not a whole number"))
            })?,
        ),
        _ => {
            println!("usage: scale generate N | scale run N");
            return Ok(());
        }
    };
    let file = paths::project_root()
        .join("data")
        .join("interim")
        .join(format!("sales_{factor}x.csv"));
    let start = Instant::now();
    match command {
        "generate" => {
            let rows = streaming::write_synthetic_sales(&paths::sales_report(), &file, factor, 42)?;
            println!(
                "generated {rows} rows into {} in {:.1} s",
                file.display(),
                start.elapsed().as_secs_f64()
            );
        }
        "run" => {
            let summary = streaming::streaming_summary(&file)?;
            let secs = start.elapsed().as_secs_f64();
            println!(
                "scale {factor}×: {} rows → {} clean, {} days, {} states, dropped sparse {:?}; {:.1} s, {:.0} rows/s, peak RSS {:.0} MiB",
                summary.rows_raw,
                summary.rows_clean,
                summary.daily_revenue.len(),
                summary.lines_by_state.len(),
                summary.sparse_columns,
                secs,
                summary.rows_raw as f64 / secs,
                peak_rss_mb()
            );
        }
        other => println!("unknown command {other}; use generate or run"),
    }
    Ok(())
}
