//! Fuzzes the saved-page path: any bytes read as a web page → `input::decode` (decoding,
//! html5ever's tree, the walk into blocks, furniture and story scoring) → article text. Nothing
//! may panic, a page read has text, and its lines are trimmed and never empty. Reading and
//! comparing that text are the `read` and `compare` targets' work; here a short text (at most
//! [`COMPARED_BYTES`]) also goes through them, with the invariants every report keeps, so the
//! target stays fast enough for ten million runs.
#![no_main]

use crosscheck::{Article, Options};
use libfuzzer_sys::fuzz_target;

#[path = "invariants.rs"]
mod invariants;

/// Texts up to this long are also read and compared.
const COMPARED_BYTES: usize = 256;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = crosscheck::input::decode(bytes, "fuzz.html") else { return };
    assert!(!text.trim().is_empty(), "a page read as text has text");
    assert!(text.lines().all(|line| !line.is_empty() && line.trim() == line), "lines are trimmed and not empty: {text:?}");
    if text.len() > COMPARED_BYTES {
        return;
    }
    invariants::check_read(&crosscheck::pipeline::read_article(&text));
    let articles = [Article { name: "fuzz.html".into(), text }];
    let report = crosscheck::compare(&articles, &Options::default()).expect("one small article is within the limits");
    invariants::check_report(&articles, &report);
});
