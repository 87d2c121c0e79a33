//! `scripts/nbtool.py scan` (used by scripts/check-notebooks) fails on every way an evcxr
//! cell can fail: an error output (compile error), a stderr stream (an `Err` through `?`),
//! a panic; and passes a clean notebook. The end-to-end run with a real kernel and a
//! deliberately failing notebook is a step of scripts/test.

use std::process::Command;

fn scan(outputs: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let nb = format!(
        r#"{{"cells": [{{"cell_type": "code", "source": ["let x = 1;"], "metadata": {{}}, "execution_count": 1, "outputs": {outputs}}}],
            "metadata": {{}}, "nbformat": 4, "nbformat_minor": 5}}"#
    );
    let path = dir.path().join("executed.ipynb");
    std::fs::write(&path, nb).unwrap();
    let script = amazon_sales::paths::project_root().join("scripts/nbtool.py");
    Command::new("python3")
        .arg(script)
        .arg("scan")
        .arg(&path)
        .output()
        .unwrap()
        .status
        .success()
}

#[test]
fn clean_notebook_passes() {
    assert!(scan(
        r#"[{"output_type": "stream", "name": "stdout", "text": ["ok\n"]}]"#
    ));
    assert!(scan("[]"));
}

#[test]
fn compile_error_fails() {
    assert!(!scan(
        r#"[{"output_type": "error", "ename": "Error", "evalue": "mismatched types", "traceback": []}]"#
    ));
}

#[test]
fn err_through_question_mark_fails() {
    assert!(!scan(
        r#"[{"output_type": "stream", "name": "stderr", "text": ["not found: \"x\" not found\n"]}]"#
    ));
}

#[test]
fn panic_fails() {
    assert!(!scan(
        r#"[{"output_type": "stream", "name": "stdout", "text": ["thread panicked at src/lib.rs:1:1\n"]}]"#
    ));
}

#[test]
fn debug_dump_of_a_value_fails() {
    for dump in [
        r#"Figure { title: \"Monthly revenue\", svg: \"<svg\" }"#,
        r#"Table { title: \"Top 10\", rows: [] }"#,
        r#"SentimentResult { accuracy: 0.7 }"#,
        "()",
    ] {
        let outputs = format!(
            r#"[{{"output_type": "execute_result", "execution_count": 1, "metadata": {{}}, "data": {{"text/plain": ["{dump}"]}}}}]"#
        );
        assert!(!scan(&outputs), "passed {dump}");
    }
}

#[test]
fn plain_values_and_rich_outputs_pass() {
    for text in ["42", "shape: (5, 3)", "\"some text\"", "[1, 2, 3]"] {
        let outputs = format!(
            r#"[{{"output_type": "execute_result", "execution_count": 1, "metadata": {{}}, "data": {{"text/plain": [{}]}}}}]"#,
            json_string(text)
        );
        assert!(scan(&outputs), "failed {text}");
    }
    assert!(scan(
        r#"[{"output_type": "display_data", "metadata": {}, "data": {"text/html": ["<table></table>"], "text/plain": ["Top 10"]}}]"#
    ));
}

/// A JSON string literal of `s` (quotes and backslashes escaped).
fn json_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
