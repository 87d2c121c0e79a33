//! The protocol every benchmark binary follows, so `scripts/bench` can run
//! the Rust and Python sides of a stage the same way:
//! `cargo bench --bench <name> -- <stage>` runs one stage in a fresh process
//! and prints `BENCH {"stage":..,"seconds":..,"runs":..,"peak_rss_mb":..,"result":..}`
//! where seconds is the median over the runs and result is the value both
//! sides must agree on (a row count or a metric).

use std::time::Instant;

/// Runs `work` `runs` times (at least once), prints the BENCH line with the median time.
pub fn run<T: std::fmt::Display>(stage: &str, runs: usize, mut work: impl FnMut() -> T) {
    let mut times = Vec::new();
    let mut result = String::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let value = work();
        times.push(start.elapsed().as_secs_f64());
        result = value.to_string();
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "BENCH {{\"stage\":\"{stage}\",\"seconds\":{median:.6},\"runs\":{},\"peak_rss_mb\":{:.1},\"result\":\"{}\"}}",
        times.len(),
        peak_rss_mb(),
        result.replace('"', "'")
    );
}

/// Peak resident memory of this process so far (VmHWM), in MiB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The stage named on the command line (the first argument that is not a cargo flag).
pub fn stage_arg() -> Option<String> {
    std::env::args().skip(1).find(|a| !a.starts_with("--"))
}
