//! The generic layer never imports the study folders: nothing under
//! `src/ml`, `src/data`, `src/charts` or `src/display` (nor the generic
//! `eda`, `frame`, `stats`, `error` modules) names `crate::sales` or
//! `crate::products`. A reader can then take `ml/` to another data set.

use std::fs;
use std::path::{Path, PathBuf};

const GENERIC: [&str; 8] = [
    "src/ml",
    "src/data",
    "src/charts",
    "src/display",
    "src/eda.rs",
    "src/frame.rs",
    "src/stats.rs",
    "src/error.rs",
];
const STUDIES: [&str; 2] = ["sales", "products"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The lines of `source` that reach a study module through `crate::` or `super::`.
fn study_imports(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| {
            STUDIES.iter().any(|s| {
                line.contains(&format!("crate::{s}"))
                    || line.contains(&format!("amazon_sales::{s}"))
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_generic_layer_does_not_import_the_studies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for p in GENERIC {
        rust_files(&root.join(p), &mut files);
    }
    assert!(files.len() > 40, "found only {} generic files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = fs::read_to_string(f).unwrap();
            study_imports(&text)
                .into_iter()
                .map(move |l| format!("{}: {}", f.display(), l.trim()))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "generic code imports a study:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_of_a_study() {
    assert_eq!(
        study_imports("use crate::sales::load::RAW_COLUMNS;\nuse crate::ml::split;").len(),
        1
    );
    assert_eq!(study_imports("//! see [`crate::products::eda`]").len(), 1);
    assert!(study_imports("use crate::ml::cluster::KMeansParams;").is_empty());
}
