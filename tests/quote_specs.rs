//! Quotation and entity specs: textacy's direct-quotation cases from `../shared/data`, and
//! sanity checks on the real seed articles in `../shared/seeds` (read at run time, never
//! copied into the repository). See `tests/shared` for what happens when the data is absent.
#![cfg(not(target_arch = "wasm32"))]

use std::ops::Range;

mod shared;

use crosscheck::eval::quotes::{figures, run_cases};
use crosscheck::extract::entities::{find_mentions, link_entities, MentionMatch};
use crosscheck::extract::quotes::{extract_quotes, QuoteMatch};
use crosscheck::read::segment::segment;

#[test]
fn textacy_direct_quotations() {
    let Some(data) = shared::data_with(&["quotes_small"]) else { return };
    let outcomes = run_cases(&data).expect("textacy cases load");
    assert_eq!(outcomes.len(), 6, "six English cases");
    for outcome in &outcomes {
        eprintln!("{} {:?} -> {:?}", if outcome.passed() { "ok  " } else { "FAIL" }, outcome.text, outcome.ours);
    }
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
    assert!(failed.is_empty(), "failed cases: {failed:#?}");
    let rows = figures(&data).expect("figures");
    assert_eq!(rows.len(), 4);
    assert!(rows[0].value.starts_with("6/6"), "{rows:?}");
}

struct Seed {
    name: String,
    text: String,
    mentions: Vec<MentionMatch>,
    quotes: Vec<QuoteMatch>,
}

fn read_seeds() -> Option<Vec<Seed>> {
    let seeds = shared::seed_articles()?
        .into_iter()
        .map(|article| {
            let sentences: Vec<Range<usize>> = segment(&article.text);
            let mentions = find_mentions(&article.text, &sentences);
            let quotes = extract_quotes(&article.text, &sentences, &mentions);
            Seed { name: article.name, text: article.text, mentions, quotes }
        })
        .collect();
    Some(seeds)
}

/// Every quotation containing `words` is attributed to a speaker whose name ends with
/// `surname`; returns how many there were.
fn check_attribution(seeds: &[Seed], words: &str, surname: &str) -> usize {
    let mut seen = 0;
    for seed in seeds {
        for quote in &seed.quotes {
            let quoted = &seed.text[quote.range.clone()];
            if !quoted.contains(words) {
                continue;
            }
            seen += 1;
            let speaker = quote.speaker.clone().map(|r| seed.text[r].to_string());
            assert!(
                speaker.as_deref().is_some_and(|s| s.ends_with(surname)),
                "{}: “{quoted}” attributed to {speaker:?}, expected {surname}",
                seed.name
            );
        }
    }
    seen
}

#[test]
fn seed_quotes_have_their_speakers() {
    let Some(seeds) = read_seeds() else { return };
    let putin = check_attribution(&seeds, "basis for future", "Putin");
    assert!(putin >= 2, "Putin's 'basis for future ...' quote found {putin} times");
    let peskov = check_attribution(&seeds, "megaphone", "Peskov");
    assert!(peskov >= 2, "Peskov's 'megaphone' quote found {peskov} times");
}

#[test]
fn seed_spelling_variants_merge() {
    let Some(seeds) = read_seeds() else { return };
    let docs: Vec<(&str, &[MentionMatch])> = seeds.iter().map(|s| (s.text.as_str(), s.mentions.as_slice())).collect();
    let clusters = link_entities(&docs);
    let cluster_of = |doc: usize, k: usize| clusters.iter().position(|c| c.members.contains(&(doc, k)));
    for (label, matches) in [
        ("Zelenskyy/Zelensky/Zelenskiy", &(|s: &str| s.contains("Zelensk")) as &dyn Fn(&str) -> bool),
        ("Kiev/Kyiv", &|s: &str| s == "Kiev" || s == "Kyiv"),
    ] {
        let mut found = Vec::new();
        for (doc, seed) in seeds.iter().enumerate() {
            for (k, m) in seed.mentions.iter().enumerate() {
                if matches(&seed.text[m.range.clone()]) {
                    found.push((seed.text[m.range.clone()].to_string(), cluster_of(doc, k)));
                }
            }
        }
        assert!(found.len() >= 2, "{label}: too few mentions {found:?}");
        let first = found[0].1;
        assert!(first.is_some() && found.iter().all(|(_, c)| *c == first), "{label} not merged: {found:?}");
        let spellings: std::collections::BTreeSet<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert!(spellings.len() >= 2, "{label}: only one spelling seen {spellings:?}");
    }
}

/// A quotation whose speaker is no name ("a senior official") reports who spoke as written,
/// and a participle after a quotation that ended the clause ("defended “…,” saying …") takes
/// the sentence's subject.
#[test]
fn unnamed_sources_and_participles_after_a_quotation_have_speakers() {
    let article = |text: &str| crosscheck::Article { name: "a.txt".into(), text: text.into() };
    let articles = [
        article("“Nothing is agreed,” a senior ministry official said on Tuesday."),
        article("Mayor Lena Ortiz defended the “Harbour First” plan on Friday, saying it would “save the port and its jobs.”"),
    ];
    let report = crosscheck::compare(&articles, &crosscheck::Options::default()).expect("compares");
    let speaker_of = |words: &str| report.quotes.iter().find(|q| q.text.contains(words)).and_then(|q| q.speaker.clone());
    assert_eq!(speaker_of("Nothing is agreed").as_deref(), Some("a senior ministry official"));
    assert_eq!(speaker_of("save the port").as_deref(), Some("Lena Ortiz"));
}
