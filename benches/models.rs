//! Sales-report models (§5–7): random forest fit + predict on the original
//! classification split, and the K-Means sweep k = 2..10 (10 k-means++ starts,
//! as R-77) on the clustering matrix (see benches/common for the protocol).
//!
//! Each stage first runs this binary again as a child (`prepare:<stage>`),
//! which builds the original pipeline and writes the exact matrices to
//! `$AMAZON_SALES_BENCH_DIR` (default `/tmp/amazon-sales-bench`) as raw
//! little-endian f64 with a `.shape` file; the stage then reads them back, as
//! the Python twin (benches/python/models.py, run after this stage) does, so
//! both sides' time and peak memory cover the model alone, on the same rows
//! and settings.
//! BENCH_STAGES: rf_fit_predict kmeans_k2_10

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use amazon_sales::ml::classify::{BinaryClassifier, ForestClassifier};
use amazon_sales::ml::cluster::KMeansParams;
use amazon_sales::sales;
use amazon_sales::sales::cancellation::forest_params;
use amazon_sales::sales::inputs::ModelFrame;
use amazon_sales::sales::inputs::{original_inputs, OriginalInputs};
use amazon_sales::sales::segments::segment_inputs;
use amazon_sales::Result;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

fn write_matrix(dir: &Path, name: &str, x: ArrayView2<f64>) -> Result<()> {
    let io = |e| amazon_sales::Error::Io {
        path: dir.join(name),
        source: e,
    };
    fs::create_dir_all(dir).map_err(io)?;
    let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
    fs::write(dir.join(format!("{name}.f64")), bytes).map_err(io)?;
    fs::write(
        dir.join(format!("{name}.shape")),
        format!("{} {}", x.nrows(), x.ncols()),
    )
    .map_err(io)
}

fn write_labels(dir: &Path, name: &str, y: ArrayView1<usize>) -> Result<()> {
    let as_f64 = y.mapv(|v| v as f64).insert_axis(Axis(1));
    write_matrix(dir, name, as_f64.view())
}

fn read_matrix(dir: &Path, name: &str) -> Result<Array2<f64>> {
    let io = |e| amazon_sales::Error::Io {
        path: dir.join(name),
        source: e,
    };
    let shape = fs::read_to_string(dir.join(format!("{name}.shape"))).map_err(io)?;
    let dims: Vec<usize> = shape
        .split_whitespace()
        .filter_map(|d| d.parse().ok())
        .collect();
    let bytes = fs::read(dir.join(format!("{name}.f64"))).map_err(io)?;
    let values: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
        .collect();
    let (rows, cols) = match dims.as_slice() {
        [r, c] => (*r, *c),
        _ => (0, 0),
    };
    Array2::from_shape_vec((rows, cols), values)
        .map_err(|e| amazon_sales::Error::input("bench matrix", format!("{name}: {e}")))
}

fn read_labels(dir: &Path, name: &str) -> Result<Array1<usize>> {
    Ok(read_matrix(dir, name)?.column(0).mapv(|v| v as usize))
}

/// Runs this binary as `prepare:<stage>` in a child process, so the pipeline
/// that builds the matrices does not count in this process's peak memory.
fn prepare_in_child(stage: &str) {
    let exe = std::env::current_exe().expect("bench binary path");
    let status = Command::new(exe)
        .arg(format!("prepare:{stage}"))
        .status()
        .expect("run the prepare step");
    assert!(status.success(), "prepare:{stage} failed");
}

fn bench_dir() -> PathBuf {
    std::env::var("AMAZON_SALES_BENCH_DIR")
        .map_or_else(|_| PathBuf::from("/tmp/amazon-sales-bench"), PathBuf::from)
}

fn inputs() -> Result<OriginalInputs> {
    let cleaned = sales::load_clean()?;
    let frame = ModelFrame::from_clean(&cleaned.frame)?;
    original_inputs(&frame, 42)
}

fn main() -> Result<()> {
    let stages = ["rf_fit_predict", "kmeans_k2_10"];
    let Some(stage) = common::stage_arg() else {
        println!("stages: {}", stages.join(" "));
        return Ok(());
    };
    let dir = bench_dir();
    match stage.as_str() {
        "prepare:rf_fit_predict" => {
            let inputs = inputs()?;
            let c = &inputs.classification;
            write_matrix(&dir, "x_train", c.x_train.view())?;
            write_matrix(&dir, "x_test", c.x_test.view())?;
            write_labels(&dir, "y_train", c.y_train.view())?;
            write_labels(&dir, "y_test", c.y_test.view())?;
        }
        "prepare:kmeans_k2_10" => {
            let inputs = inputs()?;
            let seg = segment_inputs(&inputs.features)?;
            write_matrix(&dir, "x_segments", seg.x.view())?;
        }
        // R-60..R-62: 100 trees, depth 25, min split 10, √features, seed 42;
        // fit on the SMOTE'd 172,867-row train split, predict the 43,217 test rows
        "rf_fit_predict" => {
            prepare_in_child(&stage);
            let x_train = read_matrix(&dir, "x_train")?;
            let x_test = read_matrix(&dir, "x_test")?;
            let y_train = read_labels(&dir, "y_train")?;
            let y_test = read_labels(&dir, "y_test")?;
            let params = forest_params(x_train.ncols(), 42);
            common::run(&stage, 1, || {
                let rf = ForestClassifier::fit(x_train.view(), y_train.view(), None, &params)
                    .expect("fit");
                let pred = rf.predict(x_test.view()).expect("predict");
                let acc = amazon_sales::ml::metrics::accuracy(y_test.view(), pred.view())
                    .expect("accuracy");
                format!("{} test rows, accuracy {acc:.3}", x_test.nrows())
            });
        }
        // K-Means k = 2..10, 10 k-means++ starts each, seed 42, on 113,670 × 14
        "kmeans_k2_10" => {
            prepare_in_child(&stage);
            let x = read_matrix(&dir, "x_segments")?;
            common::run(&stage, 1, || {
                for k in 2..=10 {
                    KMeansParams::new(k)
                        .n_runs(10)
                        .seed(42)
                        .fit(x.view())
                        .expect("k-means");
                }
                format!("9 fits on {}x{}", x.nrows(), x.ncols())
            });
        }
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
    Ok(())
}
