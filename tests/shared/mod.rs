//! Where the tests find what is kept outside the repository: public evaluation data in
//! `../shared/data` and the real seed articles in `../shared/seeds` (outlet copy, read at run
//! time and never committed).
//!
//! A test whose folder is missing prints a note and passes, so the suite runs on a laptop
//! without the data; with `CROSSCHECK_REQUIRE_SHARED` set (`.ci/run` sets it) a missing folder
//! fails instead, so a CI without the data cannot look green.
#![allow(dead_code)] // each test crate uses only some of these

use std::path::{Path, PathBuf};

use crosscheck::Article;

/// `../shared/<relative>` when it is a folder; `None` (with a note) when it is missing and
/// missing data is allowed.
pub fn shared_dir(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(relative);
    if path.is_dir() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CROSSCHECK_REQUIRE_SHARED").is_none(),
        "{} is missing and CROSSCHECK_REQUIRE_SHARED is set",
        path.display()
    );
    eprintln!("note: {} is missing; test skipped", path.display());
    None
}

/// `../shared/data`, when every one of `folders` is in it.
pub fn data_with(folders: &[&str]) -> Option<PathBuf> {
    let data = shared_dir("data")?;
    for folder in folders {
        shared_dir(&format!("data/{folder}"))?;
    }
    Some(data)
}

/// The seed articles (`*.txt` in `../shared/seeds`), sorted by file name.
pub fn seed_articles() -> Option<Vec<Article>> {
    let dir = shared_dir("seeds")?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the seeds folder can be listed")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    Some(
        paths
            .iter()
            .map(|p| Article {
                name: p.file_name().expect("a file name").to_string_lossy().into_owned(),
                text: std::fs::read_to_string(p).expect("a seed is UTF-8 text"),
            })
            .collect(),
    )
}
