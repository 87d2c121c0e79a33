//! Sales-report models (§5–7): random forest fit + predict on the original
//! classification split, and the K-Means sweep k = 2..10 (10 k-means++ starts,
//! as R-77) on the clustering matrix (see benches/common for the protocol).
//!
//! Each stage builds the original pipeline outside the timing and writes the
//! exact matrices it uses to `$AMAZON_SALES_BENCH_DIR` (default
//! `/tmp/amazon-sales-bench`) as raw little-endian f64 with a `.shape` file, so
//! the Python twin (benches/python/models.py, run after this stage) times
//! scikit-learn on the same rows and settings.
//! BENCH_STAGES: rf_fit_predict kmeans_k2_10

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use amazon_sales::data::sales;
use amazon_sales::models::classify::{BinaryClassifier, ForestClassifier};
use amazon_sales::models::cluster::KMeansParams;
use amazon_sales::models::sales::cancellation::forest_params;
use amazon_sales::models::sales::inputs::ModelFrame;
use amazon_sales::models::sales::inputs::{original_inputs, OriginalInputs};
use amazon_sales::models::sales::segments::segment_inputs;
use amazon_sales::Result;
use ndarray::{ArrayView1, ArrayView2, Axis};

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
        // R-60..R-62: 100 trees, depth 25, min split 10, √features, seed 42;
        // fit on the SMOTE'd 172,867-row train split, predict the 43,217 test rows
        "rf_fit_predict" => {
            let inputs = inputs()?;
            let c = &inputs.classification;
            write_matrix(&dir, "x_train", c.x_train.view())?;
            write_matrix(&dir, "x_test", c.x_test.view())?;
            write_labels(&dir, "y_train", c.y_train.view())?;
            write_labels(&dir, "y_test", c.y_test.view())?;
            let params = forest_params(c.x_train.ncols(), 42);
            common::run(&stage, 1, || {
                let rf = ForestClassifier::fit(c.x_train.view(), c.y_train.view(), None, &params)
                    .expect("fit");
                let pred = rf.predict(c.x_test.view()).expect("predict");
                let acc =
                    amazon_sales::eval::accuracy(c.y_test.view(), pred.view()).expect("accuracy");
                format!("{} test rows, accuracy {acc:.3}", c.x_test.nrows())
            });
        }
        // K-Means k = 2..10, 10 k-means++ starts each, seed 42, on 113,670 × 14
        "kmeans_k2_10" => {
            let inputs = inputs()?;
            let seg = segment_inputs(&inputs.features)?;
            write_matrix(&dir, "x_segments", seg.x.view())?;
            common::run(&stage, 1, || {
                for k in 2..=10 {
                    KMeansParams::new(k)
                        .n_runs(10)
                        .seed(42)
                        .fit(seg.x.view())
                        .expect("k-means");
                }
                format!("9 fits on {}x{}", seg.x.nrows(), seg.x.ncols())
            });
        }
        other => eprintln!("unknown stage {other}; stages: {}", stages.join(" ")),
    }
    Ok(())
}
