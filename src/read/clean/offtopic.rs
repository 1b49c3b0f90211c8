//! Off-topic paragraphs: trailing stories about something else.
//!
//! In: an article's lines, their [`Shape`]s and roles so far, and which lines may end the
//! article. Out: the same roles with the trailing paragraphs that share too few content words
//! and names with the article above them marked off-topic (step 6 of [`super`]).

use std::collections::HashMap;
use std::ops::Range;

use super::{is_terminal, Shape};
use crate::read::chars::{is_apostrophe, is_word_char};
use crate::read::tokens::{is_stopword, stem};
use crate::report::Role;

/// Words every news story uses, left out of the off-topic overlap together with stopwords.
#[rustfmt::skip]
const NEWS_WORDS: &[&str] = &[
    "according", "april", "august", "day", "days", "december", "february", "first", "friday", "january", "july",
    "june", "last", "march", "monday", "month", "months", "new", "november", "october", "official", "officials",
    "people", "president", "report", "reported", "said", "saturday", "say", "says", "september", "sunday",
    "thursday", "time", "today", "told", "tuesday", "wednesday", "week", "weeks", "year", "years",
];

/// A trailing paragraph after an end-of-article line is off-topic when fewer than this share of
/// its distinct content words occur in the article before that line.
const OFFTOPIC_AFTER_END: f64 = 0.25;
/// Without an end-of-article line, the last paragraphs need an even lower overlap.
const OFFTOPIC_AT_END: f64 = 0.15;
/// ... and fewer than this share of its names (capitalised words inside sentences).
const OFFTOPIC_AFTER_END_NAMES: f64 = 0.34;
/// ... needs at least this many names of its own ...
const OFFTOPIC_AT_END_MIN_NAMES: usize = 2;
/// ... and fewer than this share of them known to the article.
const OFFTOPIC_AT_END_NAMES: f64 = 0.2;
/// ... and come as a run of at least this many paragraphs.
const OFFTOPIC_AT_END_MIN_RUN: usize = 2;
/// At most this many trailing paragraphs are checked when there is no end-of-article line ...
const OFFTOPIC_TRAILING_MAX: usize = 3;
/// ... and at most one in this many body paragraphs.
const OFFTOPIC_TRAILING_SHARE: usize = 3;
/// The body above the candidates must have this many words to judge them.
const OFFTOPIC_MIN_CORE_WORDS: usize = 80;
/// A paragraph with fewer distinct content words is too short to judge.
const OFFTOPIC_MIN_WORDS: usize = 12;

/// Marks trailing paragraphs that are about something else (see the module documentation).
///
/// Candidates are read first; the article above them is then read line by line only until
/// every candidate that matters is known to be related, which for a normal article is after
/// a line or two.
pub(super) fn mark_offtopic(
    text: &str,
    lines: &[Range<usize>],
    shapes: &[Shape],
    end_markers: &[bool],
    roles: &mut [Role],
) {
    let body: Vec<usize> = (0..lines.len()).filter(|&k| roles[k] == Role::Body).collect();
    let Some(&last_body) = body.last() else {
        return;
    };
    // body_words_before[k]: words in the body lines above line k.
    let mut body_words_before = Vec::with_capacity(lines.len() + 1);
    let mut sum = 0;
    for (shape, role) in shapes.iter().zip(roles.iter()) {
        body_words_before.push(sum);
        if *role == Role::Body {
            sum += shape.words;
        }
    }
    body_words_before.push(sum);
    // The first end-of-article line with most of the body above it and some below.
    let end = (0..last_body).find(|&k| end_markers[k] && body_words_before[k] > 2 * (sum - body_words_before[k + 1]));
    let (core_end, candidates) = match end {
        Some(end) => (end, body.iter().copied().filter(|&k| k > end).collect::<Vec<_>>()),
        None => {
            let count = OFFTOPIC_TRAILING_MAX.min(body.len() / OFFTOPIC_TRAILING_SHARE);
            let first = body.len() - count;
            (body.get(first).copied().unwrap_or(lines.len()), body[first..].to_vec())
        }
    };
    if candidates.is_empty() || body_words_before[core_end] < OFFTOPIC_MIN_CORE_WORDS {
        return;
    }
    let after_end = end.is_some();
    let candidate_words: Vec<Vec<ContentWord>> =
        candidates.iter().map(|&k| distinct_content_words(&text[lines[k].clone()])).collect();
    let mut topicality: Vec<Option<Topicality>> = candidate_words.iter().map(|w| Topicality::new(w)).collect();
    // Without an end line only a run at the very end counts, so a related last paragraph
    // settles the question.
    let settled = |topicality: &[Option<Topicality>]| {
        let open = |t: &Option<Topicality>| t.as_ref().is_some_and(|t| t.unrelated(after_end));
        if after_end {
            !topicality.iter().any(open)
        } else {
            topicality.len() < OFFTOPIC_AT_END_MIN_RUN
                || !topicality.iter().rev().take(OFFTOPIC_AT_END_MIN_RUN).all(open)
        }
    };
    if settled(&topicality) {
        return;
    }
    // stem → (candidate, written as a name there), removed once found above the candidates.
    let mut wanted: HashMap<&str, Vec<(usize, bool)>> = HashMap::new();
    let mut prefixes = PrefixSet::new();
    for (index, words) in candidate_words.iter().enumerate() {
        for word in words {
            wanted.entry(word.stem.as_str()).or_default().push((index, word.name));
            prefixes.insert(&word.stem);
        }
    }
    for k in 0..core_end {
        if !matches!(roles[k], Role::Body | Role::Title | Role::Heading) {
            continue;
        }
        each_word(&text[lines[k].clone()], |word, _| {
            if !prefixes.may_hold(word) || !is_content(word) {
                return;
            }
            for (index, name) in wanted.remove(stem(word).as_str()).into_iter().flatten() {
                if let Some(t) = topicality[index].as_mut() {
                    t.shared += 1;
                    t.known_names += usize::from(name);
                }
            }
        });
        if settled(&topicality) || wanted.is_empty() {
            break;
        }
    }
    let unrelated = |index: &usize| topicality[*index].as_ref().is_some_and(|t| t.unrelated(after_end));
    let offtopic: Vec<usize> = if after_end {
        (0..candidates.len()).filter(unrelated).collect()
    } else {
        let run: Vec<usize> = (0..candidates.len()).rev().take_while(unrelated).collect();
        if run.len() >= OFFTOPIC_AT_END_MIN_RUN {
            run
        } else {
            Vec::new()
        }
    };
    for index in offtopic {
        let k = candidates[index];
        roles[k] = Role::Offtopic;
        // A heading right above an off-topic story is that story's headline.
        if k > core_end && roles[k - 1] == Role::Heading {
            roles[k - 1] = Role::Offtopic;
        }
    }
}

/// How much of a paragraph the article above it already talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Topicality {
    /// Distinct content words of the paragraph.
    words: usize,
    /// Those that occur in the article.
    shared: usize,
    /// Distinct names (capitalised words inside a sentence) of the paragraph.
    names: usize,
    /// Those that occur in the article.
    known_names: usize,
}

impl Topicality {
    /// Nothing known yet; `None` when the paragraph is too short to judge.
    fn new(distinct: &[ContentWord]) -> Option<Topicality> {
        (distinct.len() >= OFFTOPIC_MIN_WORDS).then(|| Topicality {
            words: distinct.len(),
            shared: 0,
            names: distinct.iter().filter(|w| w.name).count(),
            known_names: 0,
        })
    }

    /// Off-topic after an end-of-article line, or (stricter: another story needs names of its
    /// own) among the last paragraphs of an article without one. Only ever turns false as
    /// more shared words are found.
    fn unrelated(&self, after_end: bool) -> bool {
        let words = self.shared as f64 / self.words as f64;
        let names = if self.names == 0 { 0.0 } else { self.known_names as f64 / self.names as f64 };
        if after_end {
            words < OFFTOPIC_AFTER_END && names < OFFTOPIC_AFTER_END_NAMES
        } else {
            words < OFFTOPIC_AT_END && self.names >= OFFTOPIC_AT_END_MIN_NAMES && names < OFFTOPIC_AT_END_NAMES
        }
    }
}

/// The distinct content words of a line, stemmed (no stopwords, no everyday news words, no
/// numbers, nothing shorter than three characters); a stem written as a name anywhere in the
/// line counts as a name.
fn distinct_content_words(line: &str) -> Vec<ContentWord> {
    let mut words = Vec::new();
    each_word(line, |word, name| {
        if is_content(word) {
            words.push(ContentWord { stem: stem(word), name });
        }
    });
    words.sort_unstable_by(|a, b| a.stem.cmp(&b.stem).then(b.name.cmp(&a.name)));
    words.dedup_by(|later, first| later.stem == first.stem);
    words
}

/// A content word of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ContentWord {
    /// The stem of the lower-cased word.
    stem: String,
    /// Written like a name: capitalised, and not the first word of a sentence.
    name: bool,
}

/// Calls `visit(word, name)` for every word of `line` that has a letter and at least three
/// characters: `word` lower-cased, with `'` for an apostrophe and no possessive `'s`; `name`
/// when it is capitalised and does not open a sentence. A word is a run of letters, digits and
/// combining marks; an apostrophe between letters joins (`don't`). One buffer for the line.
fn each_word(line: &str, mut visit: impl FnMut(&str, bool)) {
    let mut word = String::new();
    let mut opens_sentence = true;
    let mut chars = line.chars().peekable();
    while let Some(first) = chars.next() {
        if !first.is_alphanumeric() {
            opens_sentence |= is_terminal(first);
            continue;
        }
        word.clear();
        let mut letters = false;
        let mut current = first;
        loop {
            letters |= current.is_alphabetic();
            if current.is_ascii() {
                word.push(current.to_ascii_lowercase());
            } else if is_apostrophe(current) {
                word.push('\'');
            } else {
                word.extend(current.to_lowercase());
            }
            match chars.peek().copied() {
                Some(next) if is_word_char(next) => {
                    current = next;
                    chars.next();
                }
                Some(next) if is_apostrophe(next) && current.is_alphabetic() => {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if !ahead.peek().is_some_and(|c| c.is_alphabetic()) {
                        break;
                    }
                    current = next;
                    chars.next();
                }
                _ => break,
            }
        }
        if word.len() > 2 && word.ends_with("'s") {
            word.truncate(word.len() - 2);
        }
        if letters && word.chars().nth(2).is_some() {
            visit(&word, first.is_uppercase() && !opens_sentence);
        }
        opens_sentence = false;
    }
}

/// Neither a stopword nor an everyday news word; `word` as [`each_word`] gives it.
fn is_content(word: &str) -> bool {
    !is_stopword(word) && NEWS_WORDS.binary_search(&word).is_err()
}

/// The first two bytes of a set of words as a 65,536-bit map: a test that lets most words of
/// the article skip stemming. A stem starts with the word's first two bytes (stemming only
/// rewrites endings and keeps two letters), so a word whose first two bytes are absent cannot
/// have a wanted stem.
struct PrefixSet {
    bits: Vec<u64>,
}

impl PrefixSet {
    fn new() -> Self {
        PrefixSet { bits: vec![0; 1 << 10] }
    }

    fn key(word: &str) -> usize {
        let bytes = word.as_bytes();
        usize::from(bytes.first().copied().unwrap_or(0)) << 8 | usize::from(bytes.get(1).copied().unwrap_or(0))
    }

    fn insert(&mut self, word: &str) {
        let key = Self::key(word);
        self.bits[key >> 6] |= 1 << (key & 63);
    }

    fn may_hold(&self, word: &str) -> bool {
        let key = Self::key(word);
        self.bits[key >> 6] & (1 << (key & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::FLOOD_BODY;
    use super::*;

    #[test]
    fn words_for_the_offtopic_check() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("", &[]),
            (
                "Mayor Ilse Brandt\u{2019}s office didn't close. Rescue boats (40) left Varnholm.",
                &[
                    ("mayor", false),
                    ("ilse", true),
                    ("brandt", true),
                    ("office", false),
                    ("didn't", false),
                    ("close", false),
                    ("rescue", false),
                    ("boats", false),
                    ("left", false),
                    ("varnholm", true),
                ],
            ),
            (
                "\u{201C}Floods\u{201D} hit: Oska rose.",
                &[("floods", false), ("hit", false), ("oska", false), ("rose", false)],
            ),
            (
                "\u{0641}\u{064A}\u{0636}\u{0627}\u{0646}\u{0627}\u{062A} \u{00C9}COLE",
                &[("\u{0641}\u{064A}\u{0636}\u{0627}\u{0646}\u{0627}\u{062A}", false), ("\u{00E9}cole", true)],
            ),
        ];
        for (line, expected) in cases {
            let mut found = Vec::new();
            each_word(line, |word, name| found.push((word.to_string(), name)));
            let expected: Vec<(String, bool)> = expected.iter().map(|(w, n)| (w.to_string(), *n)).collect();
            assert_eq!(found, expected, "{line:?}");
        }
    }

    #[test]
    fn stems_keep_the_two_bytes_the_prefix_filter_reads() {
        let mut prefixes = PrefixSet::new();
        let mut words = Vec::new();
        each_word(FLOOD_BODY, |word, _| words.push(word.to_string()));
        for extra in ["ties", "dies", "hoping", "territories", "agencies", "\u{00E9}cole"] {
            words.push(extra.to_string());
        }
        for word in &words {
            let stemmed = stem(word);
            assert_eq!(stemmed.as_bytes()[..2], word.as_bytes()[..2], "{word:?} -> {stemmed:?}");
            prefixes.insert(&stemmed);
            assert!(prefixes.may_hold(word));
        }
        assert!(!prefixes.may_hold("zz"));
    }

    #[test]
    fn news_words_are_sorted_for_binary_search() {
        assert!(NEWS_WORDS.windows(2).all(|w| w[0] < w[1]), "{NEWS_WORDS:?}");
    }
}
