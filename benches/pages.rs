//! Saved web pages to article text, page by page: `cargo bench --bench pages` (run by
//! `make bench`).
//!
//! In: every page of ../shared/data/html_extraction (the Readability and trafilatura sets).
//! Out: target/bench/pages-native.json with the median and the worst page's time of
//! `input::decode` (bytes to the text crosscheck compares), each page timed as the best of
//! [`RUNS`] runs, so the figures are the page's cost and not the machine's noise.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::Instant;

const RUNS: usize = 5;

fn pages(data: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let readability = data.join("readability");
    for entry in std::fs::read_dir(&readability).into_iter().flatten().flatten() {
        let page = entry.path().join("source.html");
        if page.exists() {
            pages.push(page);
        }
    }
    for entry in std::fs::read_dir(data.join("trafilatura/html")).into_iter().flatten().flatten() {
        pages.push(entry.path());
    }
    pages.sort();
    pages
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/html_extraction");
    let pages = pages(&data);
    if pages.is_empty() {
        eprintln!("pages: no saved pages in {}", data.display());
        std::process::exit(1);
    }
    let mut timings: Vec<(f64, usize, String)> = Vec::with_capacity(pages.len());
    for path in &pages {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let best = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let text = crosscheck::input::decode(&bytes, "page.html");
                std::hint::black_box(text.map(|t| t.len()).unwrap_or(0));
                started.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        let name = path.strip_prefix(&data).unwrap_or(path).display().to_string();
        timings.push((best, bytes.len(), name));
    }
    timings.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = timings[timings.len() / 2].0;
    let (worst, worst_bytes, worst_page) = timings.last().cloned().expect("pages");
    let median_kb = {
        let mut sizes: Vec<usize> = timings.iter().map(|t| t.1).collect();
        sizes.sort_unstable();
        sizes[sizes.len() / 2] as f64 / 1e3
    };
    let out = serde_json::json!({
        "pages": timings.len(), "median_ms": median, "worst_ms": worst, "worst_page": worst_page,
        "worst_kb": worst_bytes as f64 / 1e3, "median_kb": median_kb, "runs": RUNS,
    });
    let dir = root.join("target").join("bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    std::fs::write(dir.join("pages-native.json"), serde_json::to_string_pretty(&out).expect("JSON")).expect("write");
    println!(
        "pages: {} saved pages (median {median_kb:.0} KB): median {median:.2} ms, worst {worst:.2} ms ({worst_page}, {:.0} KB)",
        timings.len(),
        worst_bytes as f64 / 1e3
    );
}
