//! Tokens and word look-ups shared by the quantity and time extractors.
//!
//! In: any text, usually one sentence. Out: a [`Scanner`] over its [`Token`]s (words,
//! numbers with their value, single symbols) with look-ups by token index, and the words both
//! extractors read: number words ("three", "forty", "million") and month names ("Feb",
//! "September").

use crate::read::chars::{is_apostrophe, is_combining_mark, starts_upper, HYPHENS};

/// What a [`Token`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, combining marks and apostrophes between letters.
    Word,
    /// ASCII digits with thousands separators and at most one decimal point.
    Number,
    /// Any other single non-space character.
    Symbol,
}

/// A piece of text: a word, a number or one symbol.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset after the last character.
    pub(crate) end: usize,
    /// Word, number or symbol.
    pub(crate) kind: TokenKind,
    /// True when whitespace (or the start of the text) comes right before the token.
    pub(crate) spaced: bool,
    /// The number's value; 0 for words and symbols.
    pub(crate) value: f64,
    /// Digits only: no separators, no decimal point (what a year looks like).
    pub(crate) plain: bool,
    /// Part of a dotted sequence such as a version or an address ("1.2.3").
    pub(crate) dotted: bool,
}

/// Splits `text` into words, numbers and symbols. Whitespace separates and is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut spaced = true;
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        if c.is_whitespace() {
            spaced = true;
            at += c.len_utf8();
            continue;
        }
        let starts_decimal = c == '.'
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
            && (at == 0 || !bytes[at - 1].is_ascii_digit());
        let token = if c.is_ascii_digit() || starts_decimal {
            scan_number(text, at, spaced)
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            let mut rest = text[end..].char_indices().peekable();
            while let Some((offset, next)) = rest.next() {
                let joins_letters = is_apostrophe(next) && rest.peek().is_some_and(|&(_, after)| after.is_alphabetic());
                if next.is_alphabetic() || is_combining_mark(next) || joins_letters {
                    end = at + c.len_utf8() + offset + next.len_utf8();
                } else {
                    break;
                }
            }
            Token { start: at, end, kind: TokenKind::Word, spaced, value: 0.0, plain: false, dotted: false }
        } else {
            let end = at + c.len_utf8();
            Token { start: at, end, kind: TokenKind::Symbol, spaced, value: 0.0, plain: false, dotted: false }
        };
        at = token.end;
        spaced = false;
        tokens.push(token);
    }
    tokens
}

/// Byte length of a thousands-separating space at `at` (space, no-break, thin, narrow no-break).
fn group_space(text: &str, at: usize) -> usize {
    let rest = &text.as_bytes()[at.min(text.len())..];
    if rest.starts_with(b" ") {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        0
    }
}

/// True when `at` starts exactly three digits not followed by another digit.
fn three_digits(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && bytes.get(at + 3).is_none_or(|b| !b.is_ascii_digit())
}

fn scan_number(text: &str, start: usize, spaced: bool) -> Token {
    let bytes = text.as_bytes();
    let digits_from = |mut at: usize| {
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        at
    };
    let mut end = digits_from(start);
    let first_group = end - start;
    let mut plain = true;
    let mut dotted = false;
    if first_group > 0 && first_group <= 3 {
        if bytes.get(end) == Some(&b',') && three_digits(bytes, end + 1) {
            while bytes.get(end) == Some(&b',') && three_digits(bytes, end + 1) {
                end += 4;
            }
            plain = false;
        } else {
            let width = group_space(text, end);
            if width > 0 && three_digits(bytes, end + width) {
                let mut width = width;
                while width > 0 && three_digits(bytes, end + width) {
                    end += width + 3;
                    width = group_space(text, end);
                }
                plain = false;
            }
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_from(end + 1);
        plain = false;
        while bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_from(end + 1);
            dotted = true;
        }
    }
    let mut digits = String::with_capacity(end - start + 1);
    for &b in &bytes[start..end] {
        if b.is_ascii_digit() || b == b'.' {
            digits.push(char::from(b));
        }
    }
    if digits.starts_with('.') {
        digits.insert(0, '0');
    }
    let value = if dotted { 0.0 } else { digits.parse::<f64>().unwrap_or(0.0) };
    Token { start, end, kind: TokenKind::Number, spaced, value, plain, dotted }
}

/// Tokens of a text with the look-ups both extractors need.
pub(crate) struct Scanner<'t> {
    /// The text the tokens point into.
    pub(crate) text: &'t str,
    /// Its tokens, in order.
    pub(crate) tokens: Vec<Token>,
}

impl<'t> Scanner<'t> {
    /// Tokenises `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Scanner { text, tokens: tokenize(text) }
    }

    /// Runs `match_at` at every token, going on after the end of each match it returns (a
    /// value and the index after it): the values in text order, without overlaps.
    pub(crate) fn find_all<T>(&self, mut match_at: impl FnMut(usize) -> Option<(T, usize)>) -> Vec<T> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < self.tokens.len() {
            match match_at(at) {
                Some((value, next)) => {
                    found.push(value);
                    at = next.max(at + 1);
                }
                None => at += 1,
            }
        }
        found
    }

    /// The text of the token at `at`; empty past the end.
    pub(crate) fn slice(&self, at: usize) -> &'t str {
        self.tokens.get(at).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The token at `at` when it is a word.
    pub(crate) fn word(&self, at: usize) -> Option<&'t str> {
        self.tokens.get(at).filter(|t| t.kind == TokenKind::Word).map(|t| &self.text[t.start..t.end])
    }

    /// True when the token at `at` is `word`, ignoring ASCII case.
    pub(crate) fn is_word(&self, at: usize, word: &str) -> bool {
        self.word(at).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    /// True when the token at `at` is one of `symbols`.
    pub(crate) fn is_symbol(&self, at: usize, symbols: &[char]) -> bool {
        self.tokens.get(at).is_some_and(|t| {
            t.kind == TokenKind::Symbol && self.text[t.start..t.end].chars().next().is_some_and(|c| symbols.contains(&c))
        })
    }

    /// True when the token at `at` touches the one before it (no space between).
    pub(crate) fn glued(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(|t| !t.spaced)
    }

    /// True when the token at `at` is a joining hyphen character (see [`HYPHENS`]).
    pub(crate) fn is_hyphen(&self, at: usize) -> bool {
        self.is_symbol(at, HYPHENS)
    }

    /// `at` is a hyphen touching the tokens on both sides ("twenty-nine").
    pub(crate) fn joining_hyphen(&self, at: usize) -> bool {
        at > 0 && self.is_hyphen(at) && self.glued(at) && self.glued(at + 1)
    }

    /// True when the token at `at` begins a sentence (nothing or closing punctuation before it).
    pub(crate) fn sentence_start(&self, at: usize) -> bool {
        at == 0 || self.is_symbol(at - 1, &['.', '!', '?', ':', ';', '"', '“', '”', '‘', '\'', '(', '[', '—', '–', '•', '*'])
    }

    /// The index after `words` matched from `at`, each word separated by space or a joining hyphen.
    pub(crate) fn phrase(&self, at: usize, words: &[&str]) -> Option<usize> {
        let mut j = at;
        for (k, word) in words.iter().enumerate() {
            if k > 0 && self.joining_hyphen(j) {
                j += 1;
            }
            let matches = if self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word) {
                self.slice(j).eq_ignore_ascii_case(word)
            } else {
                self.slice(j) == *word
            };
            if !matches {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}

// Number words and month names.

pub(crate) const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
];

pub(crate) const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
];

/// Scale words after a number ("1.2 million", "six hundred").
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
    ("dozen", 12.0), ("dozens", 12.0),
];

/// The value of a single number word ("three" → 3, "forty" → 40).
pub(crate) fn number_word_value(word: &str) -> Option<f64> {
    lookup(SMALL_NUMBERS, word).or_else(|| lookup(TENS, word))
}

pub(crate) fn is_number_word(word: &str) -> bool {
    lookup(SMALL_NUMBERS, word).is_some() || lookup(TENS, word).is_some() || lookup(SCALES, word).is_some()
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

/// The month number of a month name or abbreviation, case-insensitively.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

pub(crate) fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// A month name that cannot be a verb: "may" and "march" only count capitalised.
pub(crate) fn is_month_name(word: &str) -> bool {
    is_month(word) && (starts_upper(word) || !(word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march")))
}

pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, v)| v)
}

pub(crate) fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a phrase of `words` could start at a token reading `head`: a cheap first check
/// before [`Scanner::phrase`], which the table scans run at every token.
pub(crate) fn may_start(words: &[&str], head: &str) -> bool {
    words.first().is_some_and(|first| first.len() == head.len() && first.eq_ignore_ascii_case(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_numbers_whole() {
        let table: &[(&str, f64, bool)] = &[("115,600", 115_600.0, false), ("1.2", 1.2, false), ("2022", 2022.0, true), ("40\u{202f}000", 40_000.0, false), (".5", 0.5, false)];
        for (text, value, plain) in table {
            let tokens = tokenize(text);
            assert_eq!(tokens.len(), 1, "{text}");
            assert_eq!((tokens[0].value, tokens[0].plain), (*value, *plain), "{text}");
            assert_eq!(tokens[0].end, text.len(), "{text}");
        }
    }

    #[test]
    fn month_numbers() {
        let table: &[(&str, Option<u32>)] = &[("February", Some(2)), ("feb", Some(2)), ("Sept", Some(9)), ("Mayday", None), ("", None)];
        for (word, number) in table {
            assert_eq!(month_number(word), *number, "{word}");
        }
    }
}
