//! Speed of the sales-report models, Rust side (issue 4, item 6): random
//! forest fit + predict on the original classification split, and K-Means
//! for k = 2..10 on the clustering matrix. Prints `name<TAB>seconds` lines.
//!
//! The exact matrices are written to `$AMAZON_SALES_BENCH_DIR` (default
//! `/tmp/amazon-sales-bench`) as raw little-endian f64 with a `.shape` file,
//! so `benches/python/models_bench.py` times scikit-learn on the same rows
//! and settings.
//!
//! Run: `cargo bench --profile test --bench models` (the test profile reuses the
//! shared build: dependencies at opt-level 3, the crate at opt-level 1).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use amazon_sales::data::sales;
use amazon_sales::models::classify::{BinaryClassifier, ForestClassifier};
use amazon_sales::models::cluster::KMeansParams;
use amazon_sales::models::sales::cancellation::forest_params;
use amazon_sales::models::sales::inputs::{original_inputs, ModelFrame};
use amazon_sales::models::sales::segments::segment_inputs;
use amazon_sales::Result;
use ndarray::{ArrayView1, ArrayView2};

fn write_matrix(dir: &Path, name: &str, x: ArrayView2<f64>) -> Result<()> {
    let bytes: Vec<u8> = x.iter().flat_map(|v| v.to_le_bytes()).collect();
    let io = |e| amazon_sales::Error::Io {
        path: dir.join(name),
        source: e,
    };
    fs::write(dir.join(format!("{name}.f64")), bytes).map_err(io)?;
    fs::write(
        dir.join(format!("{name}.shape")),
        format!("{} {}", x.nrows(), x.ncols()),
    )
    .map_err(io)?;
    Ok(())
}

fn write_labels(dir: &Path, name: &str, y: ArrayView1<usize>) -> Result<()> {
    let as_f64 = y.mapv(|v| v as f64).insert_axis(ndarray::Axis(1));
    write_matrix(dir, name, as_f64.view())
}

fn report(name: &str, seconds: f64) {
    println!("{name}\t{seconds:.3}");
    let _ = std::io::stdout().flush();
}

fn main() -> Result<()> {
    let dir = PathBuf::from(
        std::env::var("AMAZON_SALES_BENCH_DIR")
            .unwrap_or_else(|_| "/tmp/amazon-sales-bench".into()),
    );
    fs::create_dir_all(&dir).map_err(|e| amazon_sales::Error::Io {
        path: dir.clone(),
        source: e,
    })?;
    let cleaned = sales::load_clean()?;
    let frame = ModelFrame::from_clean(&cleaned.frame)?;
    let inputs = original_inputs(&frame, 42)?;
    let c = &inputs.classification;
    write_matrix(&dir, "x_train", c.x_train.view())?;
    write_matrix(&dir, "x_test", c.x_test.view())?;
    write_labels(&dir, "y_train", c.y_train.view())?;
    write_labels(&dir, "y_test", c.y_test.view())?;
    let seg = segment_inputs(&inputs.features)?;
    write_matrix(&dir, "x_segments", seg.x.view())?;

    let t = Instant::now();
    let rf = ForestClassifier::fit(
        c.x_train.view(),
        c.y_train.view(),
        None,
        &forest_params(c.x_train.ncols(), 42),
    )?;
    let fit = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let pred = rf.predict(c.x_test.view())?;
    let predict = t.elapsed().as_secs_f64();
    let acc = amazon_sales::eval::accuracy(c.y_test.view(), pred.view())?;
    report("rust_rf_fit", fit);
    report("rust_rf_predict", predict);
    println!("rust_rf_accuracy\t{acc:.5}");

    for n_runs in [1, 10] {
        let t = Instant::now();
        for k in 2..=10 {
            KMeansParams::new(k)
                .n_runs(n_runs)
                .seed(42)
                .fit(seg.x.view())?;
        }
        report(
            &format!("rust_kmeans_k2_10_runs{n_runs}"),
            t.elapsed().as_secs_f64(),
        );
    }
    println!("threads\t{}", rayon::current_num_threads());
    Ok(())
}
