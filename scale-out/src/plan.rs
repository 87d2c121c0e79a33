//! The sales report's cleaning and aggregation as DataFusion plans: the rules
//! of the notebook crate's polars pipeline (`sales::scale::streaming_summary`),
//! rule for rule, so both give the same rows, revenue and state counts.
//!
//! Two queries, each a full pass over the file:
//! 1. the non-null count of every column and the rows with a full address (one
//!    aggregate: the engine keeps one counter per column);
//! 2. drop the index, the two dead columns and the < 40 % non-null ones, keep
//!    rows with all four address fields, parse the date and amount, fill
//!    currency, promotion ids and amount, strip the `.0` of postal codes,
//!    remove exact duplicates (`DISTINCT` over every kept column: on a cluster,
//!    the one shuffle of whole rows), then count lines and sum revenue per
//!    (day, raw state spelling).
//!
//! Query 2's result has at most days × spellings rows (about 6,000 for the
//! sample, whatever its size factor); the driver folds it into daily revenue
//! and lines per canonical state ([`from_cells`]).

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type};
use datafusion::dataframe::DataFrameWriteOptions;
use datafusion::datasource::file_format::file_compression_type::FileCompressionType;
use datafusion::functions_aggregate::count::count_all;
use datafusion::functions_aggregate::expr_fn::{count, sum};
use datafusion::prelude::*;
use std::path::Path;

use crate::error::{Error, Result};
use crate::input::SalesFile;
use crate::summary::{from_cells, Cell, RowCounts, ScaleSummary};

/// The four shipping-address columns the address filter requires.
const SHIP_FIELDS: [&str; 4] = [
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
];
/// Columns the original drops by name before the sparse-column rule.
const DROPPED: [&str; 3] = ["index", "Unnamed: 22", "Courier Status"];
/// A column with fewer non-null values than this share of the rows is dropped.
const MIN_NON_NULL_SHARE: f64 = 0.4;

/// Runs both queries of the module docs on `ctx` and folds the result.
///
/// # Errors
/// [`Error::Engine`] naming the file and the query when DataFusion or
/// Ballista fails (a date that does not parse as `%m-%d-%y` included);
/// [`Error::Input`] when the sparse-column rule drops a column the plan needs.
pub async fn summarise(
    ctx: &SessionContext,
    file: &SalesFile,
    staged: Option<&Path>,
) -> Result<ScaleSummary> {
    let shown = file.path.display().to_string();
    let raw = match staged {
        Some(dir) => {
            let dir = dir.display().to_string();
            ctx.read_parquet(dir.as_str(), ParquetReadOptions::default())
                .await
                .map_err(Error::engine(format!(
                    "reading {dir}, the Parquet copy of {shown}"
                )))?
        }
        None => read_csv(ctx, file).await?,
    };

    // Query 1: rows, rows with a full address, non-null count per column.
    let address = SHIP_FIELDS
        .iter()
        .map(|f| ident(*f).is_not_null())
        .reduce(Expr::and)
        .unwrap_or(lit(true));
    let mut counts = vec![
        count_all().alias("rows"),
        count(
            when(address.clone(), lit(1))
                .end()
                .map_err(plan_error(&shown))?,
        )
        .alias("addressed"),
    ];
    counts.extend(
        file.columns
            .iter()
            .enumerate()
            .map(|(i, c)| count(ident(c)).alias(format!("non_null_{i}"))),
    );
    let batches = raw
        .clone()
        .aggregate(vec![], counts)
        .map_err(plan_error(&shown))?
        .collect()
        .await
        .map_err(Error::engine(format!(
            "counting non-null values of {shown}"
        )))?;
    let totals = first_row_counts(&batches).map_err(plan_error(&shown))?;
    let (rows_raw, rows_addressed) = (totals[0], totals[1]);
    let sparse_columns: Vec<String> = file
        .columns
        .iter()
        .zip(&totals[2..])
        .filter(|(_, &non_null)| {
            let missing = (rows_raw - non_null) as f64;
            rows_raw > 0 && 1.0 - missing / (rows_raw as f64) < MIN_NON_NULL_SHARE
        })
        .map(|(c, _)| c.clone())
        .collect();
    if let Some(needed) = sparse_columns
        .iter()
        .find(|c| crate::input::REQUIRED_COLUMNS.contains(&c.as_str()))
    {
        return Err(Error::Input {
            path: file.path.clone(),
            message: format!(
                "column {needed:?} is less than 40 % non-null, so the cleaning drops it, but the plan needs it"
            ),
        });
    }

    // Query 2: the cleaning, exact duplicates, then lines and revenue per (day, state).
    let kept = file
        .columns
        .iter()
        .filter(|c| !DROPPED.contains(&c.as_str()) && !sparse_columns.contains(c));
    let prepared = kept
        .map(|c| prepare(c))
        .collect::<datafusion::error::Result<Vec<Expr>>>()
        .map_err(plan_error(&shown))?;
    let cancelled = ident("Status").not_eq(lit("Cancelled"));
    let revenue = when(cancelled, ident("Amount"))
        .end()
        .map_err(plan_error(&shown))?;
    let cells = raw
        .filter(address)
        .and_then(|df| df.select(prepared))
        .and_then(|df| df.distinct())
        .and_then(|df| {
            df.aggregate(
                vec![ident("Date"), ident("ship-state")],
                vec![count_all().alias("lines"), sum(revenue).alias("revenue")],
            )
        })
        .map_err(plan_error(&shown))?
        .collect()
        .await
        .map_err(Error::engine(format!("cleaning and aggregating {shown}")))?;
    let cells = read_cells(&cells).map_err(plan_error(&shown))?;
    let rows = RowCounts {
        raw: rows_raw,
        addressed: rows_addressed,
    };
    Ok(from_cells(rows, sparse_columns, cells))
}

/// The file as a DataFusion frame of text columns.
async fn read_csv(ctx: &SessionContext, file: &SalesFile) -> Result<DataFrame> {
    let shown = file.path.display().to_string();
    let schema = file.text_schema();
    let options = CsvReadOptions::new()
        .has_header(true)
        .schema(&schema)
        .file_extension(if file.gzip { ".gz" } else { "" })
        .file_compression_type(if file.gzip {
            FileCompressionType::GZIP
        } else {
            FileCompressionType::UNCOMPRESSED
        });
    ctx.read_csv(shown.as_str(), options)
        .await
        .map_err(Error::engine(format!("reading {shown}")))
}

/// Writes `file` as Parquet files into `dir` with a local DataFusion session
/// (text columns, nulls kept), for Ballista: its plan serialisation
/// (datafusion-proto 55's `CsvScanExecNode`) has no compression field, so an
/// executor would read a `.csv.gz` as plain text. Parquet is also split into
/// row groups that several executors can scan at once; one gzip stream can
/// only be read from the start, by one task.
///
/// # Errors
/// [`Error::Engine`] naming both paths when reading or writing fails.
pub async fn stage_parquet(file: &SalesFile, dir: &Path) -> Result<()> {
    let ctx = SessionContext::new();
    let shown = format!("{} as Parquet into {}", file.path.display(), dir.display());
    read_csv(&ctx, file)
        .await?
        .write_parquet(
            &dir.display().to_string(),
            DataFrameWriteOptions::new(),
            None,
        )
        .await
        .map_err(Error::engine(format!("writing {shown}")))?;
    Ok(())
}

/// The expression that turns one raw text column into its cleaned form.
fn prepare(column: &str) -> datafusion::error::Result<Expr> {
    let raw = ident(column);
    let cleaned = match column {
        "Date" => to_date(vec![raw, lit("%m-%d-%y")]),
        "Amount" => coalesce(vec![try_cast(raw, DataType::Float64), lit(0.0)]),
        "currency" => coalesce(vec![raw, lit("INR")]),
        "promotion-ids" => coalesce(vec![raw, lit("None")]),
        // polars' strip_suffix(".0"): one trailing ".0" removed, if present.
        "ship-postal-code" => when(
            ends_with(raw.clone(), lit(".0")),
            left(raw.clone(), character_length(raw.clone()) - lit(2i64)),
        )
        .otherwise(raw)?,
        _ => raw,
    };
    Ok(cleaned.alias(column))
}

fn plan_error(file: &str) -> impl Fn(datafusion::error::DataFusionError) -> Error + '_ {
    move |e| Error::engine(format!("planning the cleaning of {file}"))(e)
}

/// The counts of query 1's single row, as u64.
fn first_row_counts(batches: &[RecordBatch]) -> datafusion::error::Result<Vec<u64>> {
    let batch = batches
        .iter()
        .find(|b| b.num_rows() > 0)
        .ok_or_else(|| datafusion::error::DataFusionError::Internal("no count row".into()))?;
    batch
        .columns()
        .iter()
        .map(|c| {
            let c = cast(c, &DataType::Int64)?;
            Ok(c.as_primitive::<Int64Type>().value(0).max(0) as u64)
        })
        .collect()
}

/// Query 2's rows as cells (day, raw state, lines, revenue).
fn read_cells(batches: &[RecordBatch]) -> datafusion::error::Result<Vec<Cell>> {
    let mut cells = Vec::new();
    for batch in batches {
        let days = cast(batch.column(0), &DataType::Int32)?;
        let states = cast(batch.column(1), &DataType::Utf8)?;
        let lines = cast(batch.column(2), &DataType::Int64)?;
        let revenue = cast(batch.column(3), &DataType::Float64)?;
        let (days, states) = (days.as_primitive::<Int32Type>(), states.as_string::<i32>());
        let lines = lines.as_primitive::<Int64Type>();
        let revenue = revenue.as_primitive::<Float64Type>();
        cells.extend((0..batch.num_rows()).map(|i| Cell {
            day: days.is_valid(i).then(|| days.value(i)),
            state: states.value(i).to_string(),
            lines: lines.value(i).max(0) as u64,
            revenue: if revenue.is_valid(i) {
                revenue.value(i)
            } else {
                0.0
            },
        }));
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    /// Five lines covering each rule: an exact duplicate once the index is
    /// dropped, a cancelled line, an `NA` amount, a missing city, and a
    /// 20 %-filled column.
    const SAMPLE: &str = "\
index,Order ID,Date,Status,Amount,currency,promotion-ids,ship-city,ship-state,ship-postal-code,ship-country,fulfilled-by
0,A,04-30-22,Shipped,100.50,INR,P0,Pune,Maharashtra,411001.0,IN,
1,A,04-30-22,Shipped,100.50,INR,P0,Pune,Maharashtra,411001.0,IN,
2,B,04-30-22,Cancelled,50,,P1,Delhi,New Delhi,110001,IN,Easy Ship
3,C,05-01-22,Shipped,NA,INR,,Goa,goa,403001,IN,
4,D,05-01-22,Shipped,20,INR,,,Goa,403001,IN,
";

    async fn run_on(engine: Engine) -> ScaleSummary {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.csv");
        std::fs::write(&path, SAMPLE).unwrap();
        let file = SalesFile::open(&path).unwrap();
        summarise(&engine.context().await.unwrap(), &file, None)
            .await
            .unwrap()
    }

    fn expected() -> ScaleSummary {
        ScaleSummary {
            rows_raw: 5,
            rows_addressed: 4,
            rows_clean: 3,
            sparse_columns: vec!["fulfilled-by".into()],
            daily_revenue: vec![(19112, 100.5), (19113, 0.0)],
            lines_by_state: vec![
                ("DELHI".into(), 1),
                ("GOA".into(), 1),
                ("MAHARASHTRA".into(), 1),
            ],
        }
    }

    #[tokio::test]
    async fn every_rule_applies_on_local_datafusion() {
        assert_eq!(run_on(Engine::Local).await, expected());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn ballista_standalone_gives_the_same_result() {
        assert_eq!(run_on(Engine::Standalone).await, expected());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_gzip_input_staged_as_parquet_gives_the_same_result() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.csv.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(SAMPLE.as_bytes()).unwrap();
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
        let file = SalesFile::open(&path).unwrap();
        let staged = dir.path().join("parquet");
        stage_parquet(&file, &staged).await.unwrap();
        let ctx = Engine::Standalone.context().await.unwrap();
        let summary = summarise(&ctx, &file, Some(&staged)).await.unwrap();
        assert_eq!(summary, expected());
    }

    #[tokio::test]
    async fn an_unparsable_date_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad-date.csv");
        std::fs::write(&path, SAMPLE.replace("05-01-22", "2022/05/01")).unwrap();
        let file = SalesFile::open(&path).unwrap();
        let e = summarise(&Engine::Local.context().await.unwrap(), &file, None)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("bad-date.csv"), "{e}");
    }
}
