//! The hand-made claim gold for the bundled example (`tests/claims_gold/example.json`, see the
//! README beside it) is well formed: every text is found exactly once where it should be, and
//! "reported by" is symmetric between sentences.
//!
//! The gold stores texts, not offsets, so it survives changes to how the articles are read; this
//! test is what keeps those texts pointing at one place each. It reads the gold on its own terms
//! (plain JSON), so it states the format independently of the scorer in `src/eval/claims.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Byte offsets of every occurrence of `needle` in `haystack`.
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    haystack.match_indices(needle).map(|(at, _)| at).collect()
}

/// One gold sentence, located: (file, byte start, byte end).
type Place = (String, usize, usize);

#[test]
fn the_example_gold_points_at_one_place_per_text_and_is_symmetric() {
    let raw = std::fs::read_to_string(root().join("tests/claims_gold/example.json")).expect("gold readable");
    let gold: Value = serde_json::from_str(&raw).expect("gold is JSON");
    let files = gold.as_object().expect("the gold is an object keyed by file name");

    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("www/example")).expect("www/example") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            texts.insert(name, std::fs::read_to_string(&path).expect("example text"));
        }
    }
    let names: BTreeSet<&String> = files.keys().collect();
    assert_eq!(names, texts.keys().collect(), "the gold covers exactly the example's articles");

    let mut problems: Vec<String> = Vec::new();
    // Every gold sentence, located in its file.
    let mut sentences: Vec<Place> = Vec::new();
    for (file, list) in files {
        let text = &texts[file];
        let mut previous_end = 0;
        for item in list.as_array().expect("a file maps to a list of sentences") {
            let sentence = item["sentence"].as_str().expect("sentence is a string");
            match occurrences(text, sentence).as_slice() {
                [at] => {
                    if *at < previous_end {
                        problems.push(format!("{file}: sentence out of text order or overlapping: {sentence:?}"));
                    }
                    previous_end = at + sentence.len();
                    sentences.push((file.clone(), *at, at + sentence.len()));
                }
                found => problems.push(format!("{file}: sentence found {} times: {sentence:?}", found.len())),
            }
        }
    }
    let sentence_at = |file: &str, at: usize, len: usize| -> Option<usize> {
        sentences.iter().position(|(f, start, end)| f == file && *start <= at && at + len <= *end)
    };

    // Sentence-level "reported by" edges: (claim's sentence, partner sentence).
    let mut edges: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (file, list) in files {
        let text = &texts[file];
        for item in list.as_array().expect("list") {
            let sentence = item["sentence"].as_str().expect("sentence");
            let Some(own) = occurrences(text, sentence).first().and_then(|&at| sentence_at(file, at, sentence.len()))
            else {
                continue;
            };
            let claims = item["claims"].as_array().expect("claims is a list");
            if claims.is_empty() {
                problems.push(format!("{file}: sentence without claims: {sentence:?}"));
            }
            for claim in claims {
                let claim_text = claim["text"].as_str().expect("claim text is a string");
                let found = occurrences(sentence, claim_text).len();
                if found != 1 {
                    problems.push(format!("{file}: claim found {found} times in its sentence: {claim_text:?}"));
                }
                let partners = claim["reportedBy"].as_object().expect("reportedBy is an object");
                for (other, partner) in partners {
                    let partner = partner.as_str().expect("a partner is a string");
                    if other == file {
                        problems.push(format!("{file}: claim reported by its own file: {claim_text:?}"));
                        continue;
                    }
                    let Some(other_text) = texts.get(other) else {
                        problems.push(format!("{file}: claim reported by an unknown file {other:?}: {claim_text:?}"));
                        continue;
                    };
                    match occurrences(other_text, partner).as_slice() {
                        [at] => match sentence_at(other, *at, partner.len()) {
                            Some(theirs) => {
                                edges.insert((own, theirs));
                            }
                            None => problems.push(format!("{other}: partner text is in no gold sentence: {partner:?}")),
                        },
                        found => {
                            problems.push(format!("{other}: partner text found {} times: {partner:?}", found.len()))
                        }
                    }
                }
            }
        }
    }
    let show = |(file, start, end): &Place| format!("{file}: {:?}", &texts[file][*start..*end]);
    for &(a, b) in &edges {
        if !edges.contains(&(b, a)) {
            problems.push(format!(
                "asymmetric: {} lists {}, which lists nothing back",
                show(&sentences[a]),
                show(&sentences[b])
            ));
        }
    }
    assert!(problems.is_empty(), "{} problems in the claim gold:\n{}", problems.len(), problems.join("\n"));
}
