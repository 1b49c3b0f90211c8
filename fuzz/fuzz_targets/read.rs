//! Fuzzes reading: any bytes → `input::decode` → `pipeline::read_article`, then the same text
//! through `compare` alone. Reading must never panic, every byte range it returns must
//! slice the text, and the report built from it must keep its UTF-16 offsets in bounds.
#![no_main]

use crosscheck::{Article, Options};
use libfuzzer_sys::fuzz_target;

#[path = "invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = crosscheck::input::decode(bytes, "fuzz.txt") else { return };
    invariants::check_read(&crosscheck::pipeline::read_article(&text));
    let articles = [Article { name: "fuzz.txt".into(), text }];
    let report = crosscheck::compare(&articles, &Options::default()).expect("one small article is within the limits");
    invariants::check_report(&articles, &report);
});
