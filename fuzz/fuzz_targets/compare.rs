//! Fuzzes comparing: the input is split on 0xFF (a byte UTF-8 text never holds) into one to
//! six articles, decoded lossily and compared. The report must keep its invariants, be the
//! same on a second run, and not depend on the order of the articles.
#![no_main]

use crosscheck::{Article, Options, Report};
use libfuzzer_sys::fuzz_target;

#[path = "invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let articles: Vec<Article> = bytes
        .splitn(6, |&b| b == 0xFF)
        .enumerate()
        .map(|(i, part)| Article { name: format!("{i}.txt"), text: String::from_utf8_lossy(part).into_owned() })
        .collect();
    let options = Options::default();
    let report = crosscheck::compare(&articles, &options).expect("six small articles are within the limits");
    invariants::check_report(&articles, &report);

    let again = crosscheck::compare(&articles, &options).expect("same input");
    let json = serde_json::to_string(&report).expect("a report serializes");
    assert_eq!(json, serde_json::to_string(&again).expect("a report serializes"), "compare is deterministic");

    let reversed: Vec<Article> = articles.iter().rev().cloned().collect();
    let backward = crosscheck::compare(&reversed, &options).expect("same input, other order");
    assert_eq!(report.facts.len(), backward.facts.len(), "fact count depends on article order");
    assert_eq!(report.conflicts.len(), backward.conflicts.len(), "conflict count depends on article order");
    assert_eq!(invariants::fact_sets(&report), invariants::fact_sets(&backward), "facts depend on article order");
});
