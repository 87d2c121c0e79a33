//! `cargo run --bin scale -- generate N` writes data/interim/sales_Nx.csv.gz (N × the real rows);
//! `cargo run --bin scale -- run N` runs the streaming pipeline on it, prints rows/s and
//! peak memory, and checks the result against N × the real file's;
//! `cargo run --bin scale -- summary INPUT OUT` runs it on any file and writes the
//! result in the comparison form that `scale-out` (DataFusion/Ballista) writes too.
//!
//! Bad arguments print the usage and exit 2; a failed run prints the error
//! (its `Display` text and causes) and exits 1.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::path::Path;
use std::process::ExitCode;

use amazon_sales::sales::scale as streaming;
use amazon_sales::{paths, Error};

const USAGE: &str = "usage: scale generate N | scale run N | scale summary INPUT OUT
  (N: a whole number ≥ 1, the size factor; OUT: the result in comparison form)";

/// A field of /proc/self/status in MiB (NaN where there is no /proc).
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Samples the anonymous resident memory (heap, not mapped file pages) every
/// 20 ms; the returned closure stops sampling and gives the peak in MiB.
fn sample_peak_anon() -> impl FnOnce() -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let sampler = std::thread::spawn(move || {
        let mut peak = 0.0f64;
        while !flag.load(Ordering::Relaxed) {
            peak = peak.max(status_mb("RssAnon:"));
            std::thread::sleep(Duration::from_millis(20));
        }
        peak
    });
    move || {
        stop.store(true, Ordering::Relaxed);
        sampler.join().unwrap_or(f64::NAN)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, factor) = match args.as_slice() {
        [h] if h == "-h" || h == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [c, n] if c == "generate" || c == "run" => match n.parse::<usize>() {
            Ok(factor) if factor >= 1 => (c.as_str(), factor),
            _ => return usage_error(&format!("N must be a whole number ≥ 1, got {n:?}")),
        },
        [c, input, out] if c == "summary" => {
            return match write_summary(input.as_ref(), out.as_ref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => report(&e),
            }
        }
        [c, _] => return usage_error(&format!("unknown command {c:?} (generate or run)")),
        _ => return usage_error("expected a command and N"),
    };
    match run(command, factor) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e),
    }
}

/// Prints a failed run's error and its causes; exit code 1.
fn report(e: &Error) -> ExitCode {
    eprintln!("scale: {e}");
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        eprintln!("  caused by: {c}");
        cause = c.source();
    }
    ExitCode::FAILURE
}

/// `summary INPUT OUT`: the streaming pipeline on INPUT, its result written to
/// OUT (never over INPUT).
fn write_summary(input: &Path, out: &Path) -> amazon_sales::Result<()> {
    if input == out
        || matches!((input.canonicalize(), out.canonicalize()), (Ok(a), Ok(b)) if a == b)
    {
        return Err(Error::param("OUT", "is the input file, which is only read"));
    }
    let start = Instant::now();
    let summary = streaming::streaming_summary(input)?;
    let secs = start.elapsed().as_secs_f64();
    std::fs::write(out, summary.to_text()).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    println!(
        "polars streaming: {} rows → {} with a full address → {} after exact-duplicate removal; {secs:.1} s, {:.0} rows/s",
        summary.rows_raw,
        summary.rows_addressed,
        summary.rows_clean,
        summary.rows_raw as f64 / secs
    );
    Ok(())
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("scale: {message}\n{USAGE}");
    ExitCode::from(2)
}

/// `generate` writes the N× file; anything else (`main` passes only "run") runs it.
fn run(command: &str, factor: usize) -> amazon_sales::Result<()> {
    let file = paths::project_root()
        .join("data")
        .join("interim")
        .join(format!("sales_{factor}x.csv.gz"));
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
        _ => {
            let peak_anon = sample_peak_anon();
            let summary = streaming::streaming_summary(&file)?;
            let secs = start.elapsed().as_secs_f64();
            let peak = status_mb("VmHWM:");
            let peak_anon = peak_anon();
            let real = streaming::streaming_summary(&paths::sales_report())?;
            let revenue =
                |s: &streaming::ScaleSummary| s.daily_revenue.iter().map(|d| d.1).sum::<f64>();
            let expected = factor as f64 * revenue(&real);
            let agrees = summary.rows_clean == factor * real.rows_clean
                && (revenue(&summary) - expected).abs() <= 1e-9 * expected;
            println!(
                "scale {factor}×: {} rows → {} clean, {} days, {} states, dropped sparse {:?}; {:.1} s, {:.0} rows/s, peak RSS {:.0} MiB (heap {:.0} MiB; the rest is mapped file pages: the program and the input); {} × the real file's result: {}",
                summary.rows_raw,
                summary.rows_clean,
                summary.daily_revenue.len(),
                summary.lines_by_state.len(),
                summary.sparse_columns,
                secs,
                summary.rows_raw as f64 / secs,
                peak,
                peak_anon,
                factor,
                if agrees { "yes" } else { "NO" }
            );
            if !agrees {
                return Err(Error::input(
                    "scale",
                    format!("the {factor}× result is not {factor} × the real file's"),
                ));
            }
        }
    }
    Ok(())
}
