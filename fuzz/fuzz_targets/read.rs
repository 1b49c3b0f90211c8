//! Fuzzes reading: any bytes → `input::decode` → `pipeline::read_article`, then the same text
//! through `compare` alone. Reading must never panic, every byte range it returns must
//! slice the text, and the report built from it must keep its UTF-16 offsets in bounds.
#![no_main]

use std::ops::Range;

use crosscheck::extract::ReadArticle;
use crosscheck::report::Role;
use crosscheck::{Article, Options};
use libfuzzer_sys::fuzz_target;

#[path = "invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = crosscheck::input::decode(bytes, "fuzz.txt") else { return };
    check_read(&crosscheck::pipeline::read_article(&text));
    let articles = [Article { name: "fuzz.txt".into(), text }];
    let report = crosscheck::compare(&articles, &Options::default()).expect("one small article is within the limits");
    invariants::check_report(&articles, &report);
});

fn check_slice(text: &str, range: &Range<usize>, what: &str) {
    assert!(range.start <= range.end && range.end <= text.len(), "{what} {range:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end), "{what} {range:?} splits a character");
}

/// Sentences in order, non-empty and disjoint, their junk inside them; every claim inside
/// the text and pointing at an existing claim-bearing sentence.
fn check_read(article: &ReadArticle<'_>) {
    let text = article.text;
    let mut previous_end = 0;
    for (index, sentence) in article.sentences.iter().enumerate() {
        let range = &sentence.range;
        check_slice(text, range, "sentence");
        assert!(!range.is_empty(), "sentence {index} is empty");
        assert!(range.start >= previous_end, "sentence {index} {range:?} overlaps the one before");
        previous_end = range.end;
        let mut junk_end = range.start;
        for junk in &sentence.junk {
            check_slice(text, junk, "junk");
            assert!(junk.start >= junk_end && junk.end <= range.end, "junk {junk:?} out of order or outside {range:?}");
            junk_end = junk.end;
        }
        article.sentence_text(index);
    }
    let sentence = |index: usize, what: &str| {
        let s = article.sentences.get(index).unwrap_or_else(|| panic!("{what} points at missing sentence {index}"));
        assert!(matches!(s.role, Role::Body | Role::Heading), "{what} in a {:?} sentence", s.role);
        s.range.clone()
    };
    let inside = |range: &Range<usize>, index: usize, what: &str| {
        check_slice(text, range, what);
        let s = sentence(index, what);
        assert!(s.start <= range.start && range.end <= s.end, "{what} {range:?} outside its sentence {s:?}");
    };
    for (index, q) in &article.quantities {
        inside(&q.range, *index, "quantity");
    }
    for (index, t) in &article.times {
        inside(&t.range, *index, "time");
    }
    for m in &article.mentions {
        inside(&m.range, m.sentence, "mention");
    }
    for q in &article.quotes {
        check_slice(text, &q.range, "quote");
        let s = sentence(q.sentence, "quote");
        assert!(q.range.start >= s.start, "quote {:?} starts before its sentence {s:?}", q.range);
        if let Some(speaker) = &q.speaker {
            check_slice(text, speaker, "speaker");
        }
    }
}
