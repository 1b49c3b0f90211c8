//! Invariants over generated text: no panic, offsets inside the text and on character
//! boundaries, every sentence in at most one fact, one sentence per source per fact,
//! deterministic output and order independence. The generator mixes the pieces news text is
//! made of (words, names, numbers, quotes, punctuation, line breaks) with the ones that break
//! naive code (RTL scripts, emoji ZWJ sequences, combining marks, NUL, CR).
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{compare, pipeline, Article, Options};

// The fuzz targets' report invariants, shared so the fuzzers and these tests judge alike.
#[path = "../fuzz/fuzz_targets/invariants.rs"]
mod invariants;

const PIECES: &[&str] = &[
    "the", "mayor", "said", "Varga", "Kharzin", "Kyiv", "Kiev", "40", "1.2 million", "more than", "about", "19%",
    "a fifth", "last week", "on Monday", "“", "”", "\"", "'", "«", "»", ".", ". ", "? ", "!", "…", ",", " ", " ", " ",
    "\n", "\n\n", "\r\n", "\r", "U.S.", "Mr.", "(", ")", "–", "—", "اضافة اعلان", "שלום", "日本語の文", "👩‍👩‍👧",
    "e\u{301}", "\u{301}", "\0", "\u{200b}", "Share it", "…", "$5", "25,000–30,000", "told reporters:", "he warned",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self) -> String {
        let len = (self.next() % 120) as usize;
        (0..len).map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize]).collect()
    }
}

#[test]
fn reading_any_text_gives_sentences_on_char_boundaries() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let text = rng.text();
        let article = pipeline::read_article(&text);
        let mut previous_end = 0;
        for sentence in &article.sentences {
            let r = &sentence.range;
            assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} in {text:?}");
            assert!(r.start >= previous_end, "sentences overlap in {text:?}");
            previous_end = r.end;
        }
        for (_, q) in &article.quantities {
            assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
        }
        for q in &article.quotes {
            assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
        }
        for m in &article.mentions {
            assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
        }
    }
}

#[test]
fn comparing_any_articles_keeps_the_report_invariants() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..300 {
        let count = 1 + (rng.next() % 4) as usize;
        let articles: Vec<Article> =
            (0..count).map(|i| Article { name: format!("{i}.txt"), text: rng.text() }).collect();
        let report = compare(&articles, &Options::default()).unwrap();
        invariants::check_report(&articles, &report);
        assert_eq!(report, compare(&articles, &Options::default()).unwrap(), "deterministic");
        let reversed: Vec<Article> = articles.iter().rev().cloned().collect();
        let backward = compare(&reversed, &Options::default()).unwrap();
        assert_eq!(invariants::fact_sets(&report), invariants::fact_sets(&backward), "order independent");
    }
}

#[test]
fn copies_among_any_articles_keep_the_invariants_and_the_order_independence() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..100 {
        let count = 2 + (rng.next() % 3) as usize;
        let mut articles: Vec<Article> =
            (0..count).map(|i| Article { name: format!("{i}.txt"), text: rng.text() }).collect();
        // A word-for-word copy and a retitled copy of the first article.
        articles.push(Article { name: "copy.txt".into(), text: articles[0].text.clone() });
        articles.push(Article { name: "retitled.txt".into(), text: format!("Another headline\n\n{}", articles[0].text) });
        let report = compare(&articles, &Options::default()).unwrap();
        invariants::check_report(&articles, &report);
        let copy = &report.sources[count];
        let body = copy.sentences.iter().filter(|s| s.role == crosscheck::report::Role::Body).count();
        assert!(body == 0 || copy.copy_of.is_some() || report.sources[0].copy_of.is_some(), "a word-for-word copy is a copy: {:?}", articles[0].text);
        let reversed: Vec<Article> = articles.iter().rev().cloned().collect();
        let backward = compare(&reversed, &Options::default()).unwrap();
        assert_eq!(invariants::fact_sets(&report), invariants::fact_sets(&backward), "order independent with copies");
    }
}

/// Found on PolNeAR: a quotation over two sentences whose cue and place follow it in the second
/// sentence ("“…” “…,” she said in Paris") sent the statement's place looking in the first.
#[test]
fn a_cue_after_a_quotation_over_two_sentences_is_read_in_its_own_sentence() {
    let articles: Vec<Article> = [
        "Ilse Varga visited the dam on Monday. “The wall held. We stay,” Varga said in Paris after the talks.",
        "Ilse Varga toured the site. “The wall held,” Varga said in Dublin, hours later.",
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| Article { name: format!("{i}.txt"), text: text.to_string() })
    .collect();
    let report = compare(&articles, &Options::default()).unwrap();
    invariants::check_report(&articles, &report);
    assert!(!report.attributions.is_empty());
}

/// Found by the compare fuzzer (tests/regressions/compare-order-copies.bin: our example
/// articles, mutated; split on 0xFF as the fuzz target does): one article holds copies of
/// sentences from two others, and with over 60 body sentences the candidates come from the
/// inverted index. Copies tied on every order-free key, so the article order picked the facts.
#[test]
fn copies_of_sentences_in_another_article_do_not_make_facts_depend_on_order() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions/compare-order-copies.bin");
    let bytes = std::fs::read(path).expect("regression input");
    let mut articles: Vec<Article> = bytes
        .splitn(6, |&b| b == 0xFF)
        .enumerate()
        .map(|(i, part)| Article { name: format!("{i}.txt"), text: String::from_utf8_lossy(part).into_owned() })
        .collect();
    let options = Options::default();
    let forward = compare(&articles, &options).expect("compares");
    articles.reverse();
    let backward = compare(&articles, &options).expect("compares");
    assert_eq!(invariants::fact_sets(&forward), invariants::fact_sets(&backward));
}
