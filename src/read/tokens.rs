//! Word tokens, English stopwords and a light stemmer.
//!
//! In: any text. Out: [`Token`]s, each the byte range of a word in that text and its
//! normalised form (lowercase, Latin diacritics folded, curly apostrophes straightened,
//! possessive `'s` removed, thousands separators removed from numbers). Words are runs of
//! letters, digits and combining marks; an apostrophe joins two letters (`don't`, `O'Brien`),
//! a point or comma joins two digits (`2.5`, `1,000`) and a point joins single letters into an
//! abbreviation (`U.S.` → `u.s`). Everything else (spaces, punctuation, symbols, emoji)
//! separates words.
//!
//! [`stem`] is a compact Porter-style stemmer: Porter's steps 1a–1c (plurals, `-ed`, `-ing`,
//! `y` → `i`), a handful of step-2 rewrites (`-ational`, `-ization`, `-ness`, `-li`, ...) and
//! removal of a final `e`, so that `hope`, `hoped` and `hoping` all become `hop`. It only
//! touches ASCII words of four letters or more and is mirrored exactly by
//! `tools/gen_background.py`, which must be updated with it.

use std::ops::Range;

use crate::read::chars::{is_apostrophe, is_combining_mark, is_latin, is_word_char, push_folded};

/// A word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text it was read from, on char boundaries.
    pub range: Range<usize>,
    /// The normalised word: lowercase, Latin diacritics folded, `'` for every apostrophe,
    /// possessive `'s` removed, digits without thousands separators.
    pub norm: String,
}

/// Splits `text` into words, in text order. Never panics; empty input gives no words.
pub fn words(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        if !first.is_alphanumeric() {
            continue;
        }
        let mut end = start + first.len_utf8();
        let mut previous = first;
        // Letters in the current point-separated segment, to recognise `U.S.`-style abbreviations.
        let mut segment_letters = usize::from(first.is_alphabetic());
        while let Some(&(at, c)) = chars.peek() {
            if is_word_char(c) {
                segment_letters += usize::from(c.is_alphabetic());
            } else {
                let rest = &text[at + c.len_utf8()..];
                let mut after = rest.chars();
                let next = after.next();
                let joins = match (c, next) {
                    (_, None) => false,
                    (_, Some(n)) if is_apostrophe(c) => previous.is_alphabetic() && n.is_alphabetic(),
                    ('.' | ',', Some(n)) if previous.is_ascii_digit() && n.is_ascii_digit() => true,
                    ('.', Some(n)) => {
                        segment_letters == 1
                            && previous.is_alphabetic()
                            && n.is_alphabetic()
                            && after.next().is_none_or(|m| !m.is_alphanumeric())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                if c == '.' {
                    segment_letters = 0;
                }
            }
            previous = c;
            end = at + c.len_utf8();
            chars.next();
        }
        tokens.push(Token { range: start..end, norm: normalise(&text[start..end]) });
    }
    tokens
}

/// Lowercases and folds one word as described on [`Token::norm`].
fn normalise(word: &str) -> String {
    let numeric = word.starts_with(|c: char| c.is_ascii_digit());
    let mut norm = String::with_capacity(word.len());
    if word.is_ascii() {
        for b in word.bytes() {
            if !(numeric && b == b',') {
                norm.push(char::from(b.to_ascii_lowercase()));
            }
        }
    } else {
        let mut latin_base = false;
        for c in word.chars() {
            if is_apostrophe(c) {
                norm.push('\'');
                latin_base = false;
            } else if is_combining_mark(c) {
                if !latin_base {
                    norm.push(c);
                }
            } else if !(numeric && c == ',') {
                latin_base = is_latin(c);
                if latin_base {
                    push_folded(c, &mut norm);
                } else {
                    norm.extend(c.to_lowercase());
                }
            }
        }
    }
    if norm.len() > 2 && norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
    }
    norm
}

/// English function words, sorted by byte order for binary search.
static STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "ago", "all", "along", "already", "also",
    "although", "am", "amid", "among", "amongst", "an", "and", "another", "any", "are", "aren't",
    "around", "as", "at", "be", "because", "been", "before", "behind", "being", "below", "beside",
    "besides", "between", "beyond", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't",
    "despite", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "e.g",
    "each", "either", "else", "etc", "even", "ever", "every", "few", "for", "from", "further", "had",
    "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here", "herein", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "i.e", "if", "in", "inside", "into",
    "is", "isn't", "it", "its", "itself", "just", "least", "less", "lest", "let", "may", "me", "might",
    "more", "most", "much", "must", "mustn't", "my", "myself", "neither", "nevertheless", "no",
    "nonetheless", "nor", "not", "now", "of", "off", "on", "once", "only", "onto", "or", "other",
    "others", "otherwise", "ought", "our", "ours", "ourselves", "out", "outside", "over", "own", "per",
    "rather", "same", "shall", "shan't", "she", "should", "shouldn't", "since", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "thereby",
    "therefore", "thereof", "these", "they", "this", "those", "though", "through", "thus", "till",
    "to", "too", "toward", "towards", "under", "until", "unto", "up", "upon", "us", "very", "via",
    "was", "wasn't", "we", "were", "weren't", "what", "whatever", "when", "whenever", "where",
    "whereas", "whereby", "wherever", "whether", "which", "while", "who", "whoever", "whom", "whose",
    "why", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "your",
    "yours", "yourself", "yourselves",
];

/// True for an English function word (`the`, `of`, `would`, `didn't`); `norm` is a [`Token::norm`].
pub fn is_stopword(norm: &str) -> bool {
    STOPWORDS.binary_search(&norm).is_ok()
}

/// Words that look plural or inflected but are not.
static STEM_EXCEPTIONS: &[&str] = &["always", "means", "news", "series", "species", "during", "thing", "things"];

/// Reduces an English word (a [`Token::norm`]) to its stem; see the module doc for the rules.
/// Words with non-ASCII letters, digits, or fewer than four letters come back unchanged.
pub fn stem(word: &str) -> String {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) || STEM_EXCEPTIONS.contains(&word) {
        return word.to_string();
    }
    let mut w = word.to_string();
    strip_plural(&mut w);
    strip_inflection(&mut w);
    if w.len() > 2 && w.ends_with('y') && !is_vowel(w.as_bytes()[w.len() - 2]) {
        w.pop();
        w.push('i');
    }
    rewrite_derivation(&mut w);
    let bytes = w.as_bytes();
    if w.len() >= 4 && bytes[w.len() - 1] == b'e' && !is_vowel(bytes[w.len() - 2]) {
        w.pop();
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| is_vowel(b) || b == b'y')
}

/// Porter step 1a.
fn strip_plural(w: &mut String) {
    if w.ends_with("sses") || w.ends_with("ies") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
}

/// Porter step 1b without the `e` restoration (the final-`e` removal makes it unnecessary).
fn strip_inflection(w: &mut String) {
    if w.ends_with("eed") {
        if w.len() > 4 {
            w.pop();
        }
        return;
    }
    let suffix = if w.ends_with("ed") {
        2
    } else if w.ends_with("ing") {
        3
    } else {
        return;
    };
    let rest = &w[..w.len() - suffix];
    if rest.len() < 2 || !has_vowel(rest) {
        return;
    }
    w.truncate(w.len() - suffix);
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) && !matches!(b[n - 1], b'l' | b's' | b'z') {
        w.pop();
    }
}

/// A few of Porter's step-2 rewrites, applied when at least three letters remain.
fn rewrite_derivation(w: &mut String) {
    const RULES: &[(&str, &str)] = &[
        ("ational", "ate"),
        ("ization", "ize"),
        ("isation", "ize"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("biliti", "ble"),
        ("tional", "tion"),
        ("entli", "ent"),
        ("ousli", "ous"),
        ("aliti", "al"),
        ("iviti", "ive"),
        ("alism", "al"),
        ("ation", "ate"),
        ("alli", "al"),
        ("ness", ""),
        ("ator", "ate"),
    ];
    for &(suffix, replacement) in RULES {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(replacement);
            return;
        }
    }
    let b = w.as_bytes();
    let n = b.len();
    if n >= 6 && w.ends_with("li") && b"cdeghkmnrt".contains(&b[n - 3]) {
        w.truncate(n - 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn splits_and_normalises_words() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n\t ", &[]),
            ("Hello, world!", &["hello", "world"]),
            ("Dominick's chain", &["dominick", "chain"]),
            ("Dominick’s chain", &["dominick", "chain"]),
            ("don’t stop", &["don't", "stop"]),
            ("O'Brien said", &["o'brien", "said"]),
            ("$2.5 billion, 1,000 people, 4.4%.", &["2.5", "billion", "1000", "people", "4.4"]),
            ("the U.S. and e.g. Mr. Smith", &["the", "u.s", "and", "e.g", "mr", "smith"]),
            ("Zelenskyy/Zelenskiy", &["zelenskyy", "zelenskiy"]),
            ("Dvořák in Kraków, Straße", &["dvorak", "in", "krakow", "strasse"]),
            ("cafe\u{301} noir", &["cafe", "noir"]),
            ("Путин и Зеленский", &["путин", "и", "зеленский"]),
            ("قال الرئيس", &["قال", "الرئيس"]),
            ("ceasefire-talks 🙂 end.", &["ceasefire", "talks", "end"]),
            ("it's 'quoted' words'", &["it", "quoted", "words"]),
            ("1998. Next", &["1998", "next"]),
            ("a\0b", &["a", "b"]),
        ];
        for (text, expected) in cases {
            assert_eq!(norms(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn ranges_are_char_boundaries_into_the_text() {
        let text = "Kraków’s mayor — “Zełenski” said 1,000 😀 U.S. e\u{301}x";
        for token in words(text) {
            assert!(text.is_char_boundary(token.range.start) && text.is_char_boundary(token.range.end));
            assert!(!token.range.is_empty());
        }
        let surfaces: Vec<&str> = words(text).iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(surfaces, ["Kraków’s", "mayor", "Zełenski", "said", "1,000", "U.S", "e\u{301}x"]);
    }

    #[test]
    fn stopwords_are_sorted_and_found() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        for (word, expected) in [("the", true), ("didn't", true), ("would", true), ("said", false), ("", false)] {
            assert_eq!(is_stopword(word), expected, "{word}");
        }
    }

    #[test]
    fn stems_conflate_inflections() {
        let groups: &[&[&str]] = &[
            &["hope", "hoped", "hoping", "hopes"],
            &["agree", "agreed", "agreeing", "agrees"],
            &["stop", "stopped", "stopping", "stops"],
            &["agency", "agencies"],
            &["study", "studies", "studied", "studying"],
            &["relate", "related", "relational", "relation", "relations"],
            &["meeting", "meetings"],
            &["quick", "quickly"],
            &["kill", "killed", "killing", "kills"],
        ];
        for group in groups {
            let first = stem(group[0]);
            for word in &group[1..] {
                assert_eq!(stem(word), first, "{word} vs {}", group[0]);
            }
        }
        for (word, expected) in [("news", "news"), ("new", "new"), ("virus", "virus"), ("crisis", "crisis"), ("1998", "1998"), ("kyiv", "kyiv"), ("путин", "путин"), ("sing", "sing"), ("family", "famili")] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "x".repeat(10_000);
        for text in ["'", "’s", "a'", "1,", ".5", "U.", "\u{301}\u{301}a", "\u{FEFF}", long.as_str()] {
            for token in words(text) {
                let _ = stem(&token.norm);
            }
        }
    }
}
