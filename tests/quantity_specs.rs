//! Quantity extraction against the quantulum3 and Recognizers-Text English specs: at least 95 %
//! of the cases we claim must pass, per file (see `crosscheck::eval::quantities` for what is
//! claimed and how cases are matched). Skips with a note when the data folder is absent.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use crosscheck::eval::quantities::spec_results;

#[test]
fn claimed_spec_cases_pass_at_95_percent() {
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data"));
    if !data.join("quantulum3_tests").is_dir() || !data.join("recognizers_text_en").is_dir() {
        eprintln!("note: no quantity specs under {}; skipping", data.display());
        return;
    }
    let results = spec_results(data).expect("spec files readable");
    assert_eq!(results.len(), 7, "one result per spec file");
    let mut below = Vec::new();
    for r in &results {
        eprintln!("{}: total {}, claimed {}, passed {} ({:.1}%)", r.suite, r.total, r.claimed, r.passed, 100.0 * r.rate());
        for failure in &r.failures {
            eprintln!("    fails: {failure}");
        }
        assert!(r.claimed > 0, "{} claims nothing", r.suite);
        assert_eq!(r.claimed + r.unclaimed.len(), r.total, "{}: every case is claimed or listed", r.suite);
        if r.rate() < 0.95 {
            below.push(format!("{} {}/{}", r.suite, r.passed, r.claimed));
        }
    }
    assert!(below.is_empty(), "below 95% on claimed cases: {below:?}");
}
