//! `scale-out`: the sales report's cleaning, daily revenue and lines per state
//! on Apache DataFusion, run locally, on an in-process Ballista cluster or on
//! a remote Ballista scheduler; the result is the polars pipeline's, exactly.
//!
//! ```text
//! scale-out [--engine local|standalone|df://host:port] [--out SUMMARY] INPUT
//! ```
//!
//! Bad arguments print the usage and exit 2; a failed run prints the error
//! and its causes and exits 1. The input is only read; `--out` may not name it.

mod engine;
mod error;
mod input;
mod plan;
// The notebook crate's state-name table, compiled into this crate as well, so
// both pipelines merge spellings with the same code without this crate
// depending on the notebook crate (and so on polars).
#[path = "../../src/sales/states.rs"]
mod states;
mod summary;
// The result type and its comparison form, shared the same way.
#[path = "../../src/sales/scale_summary.rs"]
mod scale_summary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use engine::Engine;
use error::{Error, Result};
use input::SalesFile;

const USAGE: &str =
    "usage: scale-out [--engine local|standalone|df://host:port] [--out SUMMARY] INPUT
Cleans a sales report (.csv or .csv.gz, as `scripts/scale` writes them) and computes
daily revenue and lines per state on Apache DataFusion, then prints the row counts
and the throughput.
  --engine local       DataFusion in this process (default)
  --engine standalone  Ballista scheduler and executor started in this process
  --engine df://H:P    a running Ballista scheduler (see README, \"Scale-out\")
  --out SUMMARY        also write the result in the comparison form of `scale summary`
  --stage DIR          Ballista with a .csv.gz input: write its Parquet copy into DIR (a
                       directory every executor can read; standalone defaults to a
                       temporary one). Ballista's plans lose the gzip setting of CSV scans.
  -h, --help           print this help and exit";

/// The parsed command line.
#[derive(Debug, PartialEq)]
struct Args {
    engine: Engine,
    out: Option<PathBuf>,
    stage: Option<PathBuf>,
    input: PathBuf,
}

fn parse_args(args: &[String]) -> Result<Option<Args>> {
    let mut engine = Engine::Local;
    let mut out = None;
    let mut stage = None;
    let mut input = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .ok_or_else(|| Error::Usage(format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--engine" => engine = Engine::parse(value("--engine")?)?,
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--stage" => stage = Some(PathBuf::from(value("--stage")?)),
            flag if flag.starts_with('-') => {
                return Err(Error::Usage(format!("unknown option {flag:?}")))
            }
            path if input.is_none() => input = Some(PathBuf::from(path)),
            extra => return Err(Error::Usage(format!("unexpected argument {extra:?}"))),
        }
    }
    let input = input.ok_or_else(|| Error::Usage("expected an INPUT file".into()))?;
    Ok(Some(Args {
        engine,
        out,
        stage,
        input,
    }))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match parse_args(&args) {
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(args)) => run(args).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Usage(message)) => {
            eprintln!("scale-out: {message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("scale-out: {e}");
            let mut cause = std::error::Error::source(&e);
            while let Some(c) = cause {
                eprintln!("  caused by: {c}");
                cause = c.source();
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<()> {
    if let Some(out) = &args.out {
        refuse_to_overwrite(&args.input, out)?;
    }
    let file = SalesFile::open(&args.input)?;
    let start = Instant::now();
    let ctx = args.engine.context().await?;
    // Ballista cannot read a gzip CSV (see plan::stage_parquet): stage it.
    let mut temporary = None;
    let staged = match (&args.engine, file.gzip, &args.stage) {
        (Engine::Local, _, _) | (_, false, _) => None,
        (_, true, Some(dir)) => Some(dir.clone()),
        (Engine::Standalone, true, None) => {
            let dir = tempfile::tempdir().map_err(|source| Error::Io {
                action: "create a temporary directory for",
                path: std::env::temp_dir(),
                source,
            })?;
            let path = dir.path().join("parquet");
            temporary = Some(dir);
            Some(path)
        }
        (Engine::Remote { url, .. }, true, None) => {
            return Err(Error::Usage(format!(
                "{url}: a .csv.gz input needs --stage DIR, a directory every executor can read \
                 (Ballista's plans lose the gzip setting of CSV scans), or a plain .csv"
            )))
        }
    };
    if let Some(dir) = &staged {
        plan::stage_parquet(&file, dir).await?;
        println!(
            "staged {} as Parquet in {} ({:.1} s)",
            file.path.display(),
            dir.display(),
            start.elapsed().as_secs_f64()
        );
    }
    let summary = plan::summarise(&ctx, &file, staged.as_deref()).await?;
    drop(temporary);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}: {} rows → {} with a full address → {} after exact-duplicate removal; \
         {} days, {} states; sparse columns dropped {:?}; {secs:.1} s, {:.0} rows/s",
        args.engine.name(),
        summary.rows_raw,
        summary.rows_addressed,
        summary.rows_clean,
        summary.daily_revenue.len(),
        summary.lines_by_state.len(),
        summary.sparse_columns,
        summary.rows_raw as f64 / secs,
    );
    if let Some(out) = &args.out {
        std::fs::write(out, summary.to_text()).map_err(|source| Error::Io {
            action: "write",
            path: out.clone(),
            source,
        })?;
    }
    Ok(())
}

/// `--out` must not be the input (or a link to it): the input is only read.
fn refuse_to_overwrite(input: &Path, out: &Path) -> Result<()> {
    let same = match (input.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => input == out,
    };
    if same {
        return Err(Error::Usage(format!(
            "--out {} is the input file; it is only read, never written",
            out.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arguments_parse_and_mistakes_are_usage_errors() {
        let args = parse_args(&strings(&["--engine", "standalone", "in.csv.gz"]))
            .unwrap()
            .unwrap();
        assert_eq!(args.engine, Engine::Standalone);
        assert_eq!(args.input, PathBuf::from("in.csv.gz"));
        assert!(parse_args(&strings(&["--help"])).unwrap().is_none());
        for bad in [&["--engine"][..], &[], &["a", "b"], &["--fast", "a"]] {
            assert!(matches!(parse_args(&strings(bad)), Err(Error::Usage(_))));
        }
    }

    #[test]
    fn the_input_is_never_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        std::fs::write(&input, "x\n").unwrap();
        assert!(refuse_to_overwrite(&input, &input).is_err());
        assert!(refuse_to_overwrite(&input, &dir.path().join("out.txt")).is_ok());
    }
}
