//! Scaling the sales pipeline beyond memory: a seeded generator of synthetic
//! sales reports at N× the real size, and the cleaning, daily-revenue and
//! state grouping steps expressed as polars lazy queries run by the streaming
//! engine, so peak memory stays bounded as the file grows.
//!
//! Removing exact duplicates needs to know every distinct row; a first pass
//! keeps only a 64-bit hash per line (8 bytes instead of the row) to find the
//! repeated ones, and only their lines go through the all-column `unique`.
//!
//! Plain `.csv` files are memory-mapped by polars, so their pages count in the
//! resident set (reclaimable page cache); `.csv.gz` files are decompressed in
//! 32 MiB chunks and keep the resident set small. The generator writes either.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use polars::prelude::*;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::data::csv::read_text_frame;
use crate::error::{Error, Result};
use crate::sales::load::{RAW_COLUMNS, SHIP_FIELDS};
pub use crate::sales::scale_summary::ScaleSummary;
use crate::sales::states::canonical_state;

/// Writes a synthetic sales report with the real file's schema and `scale` × its
/// rows, gzip-compressed when `out` ends in `.gz`. Each block is the real report
/// in a seeded random order with fresh `index` numbers and fresh order ids (the
/// lines of one order keep sharing one id, so multi-line orders and exact
/// duplicates survive): every distribution is the real one, and the cleaned
/// result of N× is exactly N times that of the real file. Memory is bounded by
/// one block (the real file's size). Returns the number of rows written.
///
/// # Errors
/// [`Error::InvalidParameter`] for `scale == 0`; the loader's errors for `source`;
/// [`Error::Io`] / [`Error::Polars`] when writing fails.
pub fn write_synthetic_sales(source: &Path, out: &Path, scale: usize, seed: u64) -> Result<usize> {
    if scale == 0 {
        return Err(Error::param("scale", "must be at least 1"));
    }
    let real = read_text_frame(source, &RAW_COLUMNS)?;
    let io = |source| Error::Io {
        path: out.to_path_buf(),
        source,
    };
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let file = BufWriter::new(File::create(out).map_err(io)?);
    let gzip = out.extension().is_some_and(|e| e == "gz");
    if gzip {
        let mut encoder = GzEncoder::new(file, Compression::fast());
        write_blocks(&real, &mut encoder, scale, seed)?;
        encoder.finish().map_err(io)?.flush().map_err(io)?;
    } else {
        let mut file = file;
        write_blocks(&real, &mut file, scale, seed)?;
        file.flush().map_err(io)?;
    }
    Ok(real.height() * scale)
}

fn write_blocks(real: &DataFrame, out: &mut impl Write, scale: usize, seed: u64) -> Result<()> {
    let n = real.height();
    let orders = real.column("Order ID")?.str()?.clone();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    for block in 0..scale {
        let mut order: Vec<IdxSize> = (0..n as IdxSize).collect();
        order.shuffle(&mut rng);
        let mut df = real.take(&IdxCa::from_vec("idx".into(), order.clone()))?;
        let first = block * n;
        let index: Vec<String> = (first..first + n).map(|i| i.to_string()).collect();
        let mut fresh: HashMap<&str, String> = HashMap::new();
        let ids: Vec<Option<String>> = order
            .iter()
            .map(|&i| {
                let id = orders.get(i as usize)?;
                let new = fresh.entry(id).or_insert_with(|| {
                    format!(
                        "{:03}-{:07}-{:07}",
                        rng.gen_range(100..1000),
                        rng.gen_range(0..10_000_000),
                        rng.gen_range(0..10_000_000)
                    )
                });
                Some(new.clone())
            })
            .collect();
        df.with_column(Column::new("index".into(), index))?;
        df.with_column(Column::new("Order ID".into(), ids))?;
        CsvWriter::new(&mut *out)
            .include_header(block == 0)
            .finish(&mut df)?;
    }
    Ok(())
}

/// A 64-bit hash of the whole row: each column hashed with its own seed (so
/// swapped values hash differently), XOR-ed together.
fn row_hash(columns: &[String]) -> Expr {
    columns
        .iter()
        .zip(0u64..)
        .map(|(c, i)| col(c.as_str()).hash(0x5a1e_5000 + i, 1, 2, 3))
        .reduce(|a, b| a.xor(b))
        .unwrap_or_else(|| lit(0u64))
}

fn scan(path: &Path) -> Result<LazyFrame> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::input("scan", format!("{} is not a UTF-8 path", path.display())))?;
    Ok(LazyCsvReader::new(PlRefPath::from(text))
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .finish()?)
}

/// The cleaning of [`crate::sales::load::clean`] (drop columns, < 40 % non-null
/// rule, address filter, fills, duplicates), then daily revenue and lines per
/// state, as lazy queries collected by polars' streaming engine. Five passes
/// over the file: null shares, repeated row hashes, the lines with a repeated
/// hash, then daily revenue with counts and lines per state.
///
/// # Errors
/// [`Error::Csv`] naming the file when it cannot be scanned, decompressed or
/// cast (polars' message, e.g. "incomplete deflate stream", a missing column).
pub fn streaming_summary(path: &Path) -> Result<ScaleSummary> {
    summarise(path).map_err(|e| match e {
        Error::Polars(e) => Error::Csv {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
        other => other,
    })
}

fn summarise(path: &Path) -> Result<ScaleSummary> {
    let streaming = |lf: LazyFrame| -> Result<DataFrame> {
        Ok(lf.collect_with_engine(Engine::Streaming)?.unwrap_single())
    };
    let ship_ok = SHIP_FIELDS
        .iter()
        .map(|f| col(*f).is_not_null())
        .reduce(|a, b| a.and(b))
        .unwrap_or(lit(true));
    let nulls = streaming(scan(path)?.select([
        len().alias("__rows"),
        ship_ok.clone().sum().alias("__addressed"),
        all().as_expr().null_count(),
    ]))?;
    let count = |name: &str| -> Result<usize> {
        let c = nulls.column(name)?.cast(&DataType::UInt64)?;
        Ok(c.u64()?.get(0).unwrap_or(0) as usize)
    };
    let (rows_raw, rows_addressed) = (count("__rows")?, count("__addressed")?);
    let mut sparse_columns = Vec::new();
    for c in nulls
        .columns()
        .iter()
        .filter(|c| !["__rows", "__addressed"].contains(&c.name().as_str()))
    {
        let missing = c.cast(&DataType::Float64)?.f64()?.get(0).unwrap_or(0.0);
        if rows_raw > 0 && 1.0 - missing / (rows_raw as f64) < 0.4 {
            sparse_columns.push(c.name().to_string());
        }
    }
    let mut dropped = vec![
        "index".to_string(),
        "Unnamed: 22".into(),
        "Courier Status".into(),
    ];
    dropped.extend(sparse_columns.iter().cloned());
    let prepared = scan(path)?
        .drop(by_name(dropped, true, false))
        .filter(ship_ok)
        .with_columns([
            col("Date").str().to_date(StrptimeOptions {
                format: Some("%m-%d-%y".into()),
                ..Default::default()
            }),
            col("Amount").cast(DataType::Float64).fill_null(lit(0.0)),
            col("currency").fill_null(lit("INR")),
            col("promotion-ids").fill_null(lit("None")),
            col("ship-postal-code").str().strip_suffix(lit(".0")),
        ]);
    // Only lines whose row hash repeats can be exact duplicates: one pass keeps
    // a 64-bit hash per line, and only the few candidate lines go through the
    // all-column `unique` (a hash collision just adds a candidate).
    let columns: Vec<String> = prepared
        .clone()
        .collect_schema()?
        .iter_names()
        .map(|c| c.to_string())
        .collect();
    let row_hash = || row_hash(&columns);
    let repeated = streaming(
        prepared
            .clone()
            .select([row_hash().alias("key")])
            .group_by([col("key")])
            .agg([len().alias("n")])
            .filter(col("n").gt(lit(1)))
            .select([col("key")]),
    )?
    .column("key")?
    .as_materialized_series()
    .clone();
    let in_repeated = row_hash().is_in(lit(repeated).implode(false), false);
    // The candidates are deduplicated in a pass of their own: as two branches
    // of one query, the streaming engine would buffer the whole file for one
    // branch while the other runs.
    let candidates = streaming(
        prepared
            .clone()
            .filter(in_repeated.clone())
            .unique(None, UniqueKeepStrategy::Any),
    )?;
    let cleaned = concat(
        [prepared.filter(in_repeated.not()), candidates.lazy()],
        UnionArgs::default(),
    )?;
    let daily = streaming(
        cleaned
            .clone()
            .group_by([col("Date")])
            .agg([
                len().alias("lines"),
                col("Amount")
                    .filter(col("Status").neq(lit("Cancelled")))
                    .sum()
                    .alias("revenue"),
            ])
            .sort(["Date"], Default::default()),
    )?;
    let rows_clean = daily
        .column("lines")?
        .cast(&DataType::UInt64)?
        .u64()?
        .sum()
        .unwrap_or(0) as usize;
    let days = daily.column("Date")?.cast(&DataType::Int32)?;
    let revenue = daily.column("revenue")?.f64()?.clone();
    let daily_revenue = days
        .i32()?
        .iter()
        .zip(revenue.iter())
        .filter_map(|(d, r)| Some((d?, r.unwrap_or(0.0))))
        .collect();
    // Group by the raw spelling while streaming (at most a few dozen groups),
    // then merge spellings with the same canonical name.
    let states = streaming(
        cleaned
            .group_by([col("ship-state")])
            .agg([len().alias("lines")]),
    )?;
    let names = states.column("ship-state")?.str()?.clone();
    let counts = states.column("lines")?.cast(&DataType::UInt32)?;
    let mut merged: std::collections::BTreeMap<String, u32> = Default::default();
    for (name, n) in names.iter().zip(counts.u32()?.iter()) {
        if let (Some(name), Some(n)) = (name, n) {
            *merged.entry(canonical_state(name)).or_default() += n;
        }
    }
    let mut lines_by_state: Vec<(String, u32)> = merged.into_iter().collect();
    lines_by_state.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(ScaleSummary {
        rows_raw,
        rows_addressed,
        rows_clean,
        sparse_columns,
        daily_revenue,
        lines_by_state,
    })
}
