//! Sentence segmentation on the English Golden Rules and on the sample articles.
//!
//! Both read data outside the repository (`../shared/data`, `../shared/seeds`); when a
//! folder is missing the test prints a note and passes.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use crosscheck::eval::segment::{figures, golden_rules};
use crosscheck::read::segment::segment;

fn shared(folder: &str) -> Option<PathBuf> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(folder);
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {} is missing", path.display());
        None
    }
}

#[test]
fn golden_rules_pass() {
    let Some(data) = shared("data") else { return };
    if !data.join("golden_rules_en").is_dir() {
        println!("skipped: no golden_rules_en in {}", data.display());
        return;
    }
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
    let Some(seeds) = shared("seeds") else { return };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut total = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("seed is UTF-8");
        let ranges = segment(&text);
        let mut last_end = 0;
        for (i, range) in ranges.iter().enumerate() {
            let name = path.display();
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
        println!("{}: {} sentences", path.display(), ranges.len());
        total += ranges.len();
    }
    if !paths.is_empty() {
        assert!((120..=180).contains(&total), "{total} sentences in the sample articles");
    }
}
