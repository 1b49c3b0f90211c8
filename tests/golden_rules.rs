//! Sentence segmentation on the English Golden Rules and on the sample articles.
//!
//! Both read data outside the repository (`../shared/data`, `../shared/seeds`); see
//! `tests/shared` for what happens when a folder is missing.
#![cfg(not(target_arch = "wasm32"))]

mod shared;

use crosscheck::eval::segment::{figures, golden_rules};
use crosscheck::read::segment::segment;

#[test]
fn golden_rules_pass() {
    let Some(data) = shared::data_with(&["golden_rules_en"]) else { return };
    let results = golden_rules(&data).expect("golden rules run");
    for result in &results {
        println!("{}: {}/{}, failing ids {:?}", result.file, result.passed, result.total, result.failures);
    }
    let minimum = [
        ("golden_rules_en.json", 48),
        ("golden_rules_en_52_pragmatic_segmenter.json", 52),
        ("pragmatic_segmenter_english_spec_all.json", 153),
    ];
    let rows = figures(&data).expect("figures");
    assert_eq!(rows.len(), results.len());
    for (row, result) in rows.iter().zip(&results) {
        assert!(row.value.starts_with(&format!("{}/{} = ", result.passed, result.total)), "{row:?}");
        assert!(row.reference.starts_with("pySBD "), "{row:?}");
    }
    for (file, at_least) in minimum {
        let result = results.iter().find(|r| r.file == file).expect("suite present");
        assert!(
            result.passed >= at_least,
            "{file}: {}/{} < {at_least}; failing ids {:?}",
            result.passed,
            result.total,
            result.failures
        );
    }
}

/// Properties of the sentences of the sample articles (their text stays out of the repository).
#[test]
fn sample_articles_split_sensibly() {
    let Some(seeds) = shared::seed_articles() else { return };
    let mut total = 0;
    for seed in &seeds {
        let text = &seed.text;
        let ranges = segment(text);
        let mut last_end = 0;
        for (i, range) in ranges.iter().enumerate() {
            let name = &seed.name;
            assert!(range.start >= last_end && range.start < range.end, "{name}: ranges out of order at {i}");
            last_end = range.end;
            let sentence = &text[range.clone()];
            assert_eq!(sentence, sentence.trim(), "{name}: sentence {i} not trimmed");
            assert!(sentence.len() < 600, "{name}: sentence {i} is {} bytes", sentence.len());
            assert!(!sentence.starts_with(char::is_lowercase), "{name}: sentence {i} starts in lower case: {sentence}");
            for title in ["Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gen.", "Gov.", "St."] {
                assert!(!sentence.ends_with(title), "{name}: sentence {i} ends with {title}");
            }
            let depth = sentence.chars().fold(0i32, |depth, c| match c {
                '(' => depth + 1,
                ')' => depth - 1,
                _ => depth,
            });
            assert_eq!(depth, 0, "{name}: sentence {i} splits a parenthesis: {sentence}");
            let arabic = sentence.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let latin = sentence.chars().any(|c| c.is_ascii_alphabetic());
            assert!(!(arabic && latin), "{name}: sentence {i} glues Arabic to English: {sentence}");
        }
        println!("{name}: {} sentences", ranges.len(), name = seed.name);
        total += ranges.len();
    }
    assert!((120..=180).contains(&total), "{total} sentences in the sample articles");
}
