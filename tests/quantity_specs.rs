//! Quantity extraction against the quantulum3 and Recognizers-Text English specs: at least 95 %
//! of the cases we claim must pass, per file (see `crosscheck::eval::quantities` for what is
//! claimed and how cases are matched). See `tests/shared` for what happens when the data is absent.
#![cfg(not(target_arch = "wasm32"))]

mod shared;

use crosscheck::eval::quantities::spec_results;

#[test]
fn claimed_spec_cases_pass_at_95_percent() {
    let Some(data) = shared::data_with(&["quantulum3_tests", "recognizers_text_en"]) else { return };
    let results = spec_results(&data).expect("spec files readable");
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
