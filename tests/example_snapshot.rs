//! The whole report for the bundled example (`www/example/`, our own fictional articles), as
//! JSON and as Markdown, against the committed snapshots in `tests/snapshots/`.
//!
//! Any change to the output shows up here as a diff to review. When the change is meant, run
//! `UPDATE_SNAPSHOTS=1 cargo test --test example_snapshot` and commit the new snapshots with
//! the change that caused them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use crosscheck::{compare, render, Article, Options};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("www/example"))
        .expect("www/example")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Article {
            name: p.file_name().expect("file name").to_string_lossy().into_owned(),
            text: std::fs::read_to_string(p).expect("example text"),
        })
        .collect()
}

/// Compares `actual` with the snapshot `name`, or rewrites it under `UPDATE_SNAPSHOTS`.
fn check_snapshot(name: &str, actual: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).map_or_else(
            || expected.lines().count().min(actual.lines().count()) + 1,
            |k| k + 1,
        );
        panic!(
            "{} differs from the output, first at line {line}:\n  snapshot: {:?}\n  output:   {:?}\n\
             Review the change; if it is meant, run UPDATE_SNAPSHOTS=1 cargo test --test example_snapshot",
            path.display(),
            expected.lines().nth(line - 1).unwrap_or(""),
            actual.lines().nth(line - 1).unwrap_or("")
        );
    }
}

#[test]
fn the_example_report_matches_its_snapshots() {
    let report = compare(&example(), &Options::default()).expect("the example compares");
    // The same text `crosscheck --format json` writes.
    check_snapshot("example.json", &(serde_json::to_string_pretty(&report).expect("report serialises") + "\n"));
    check_snapshot("example.md", &render::markdown(&report));
}
