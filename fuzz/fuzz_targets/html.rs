//! Fuzzes the saved-page path: any bytes read as a web page → `input::decode` (decoding,
//! tokenizing, the container tree, furniture and story scoring) → `pipeline::read_article`,
//! then `compare` on the text. Nothing may panic, every range must slice the text, and the
//! report must keep the invariants every report keeps.
#![no_main]

use crosscheck::{Article, Options};
use libfuzzer_sys::fuzz_target;

#[path = "invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = crosscheck::input::decode(bytes, "fuzz.html") else { return };
    assert!(!text.trim().is_empty(), "a page read as text has text");
    invariants::check_read(&crosscheck::pipeline::read_article(&text));
    let articles = [Article { name: "fuzz.html".into(), text }];
    let report = crosscheck::compare(&articles, &Options::default()).expect("one small article is within the limits");
    invariants::check_report(&articles, &report);
});
