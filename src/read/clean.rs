//! Cleaning: which lines of an article carry its content.
//!
//! In: an article's text exactly as given. Out: a [`Layout`]: every non-empty line as a
//! [`Block`] (its byte range, trimmed) with a [`Role`], and the byte ranges of in-line junk
//! that sentences leave out. Lines end at `\n`, `\r\n`, `\r`, U+0085, U+2028 and U+2029.
//!
//! Roles come from the shape of each line (length, final punctuation, ellipsis), a few short
//! cue lists and, for trailing stories, content-word overlap. In this order:
//! 1. **boilerplate by cue**: page furniture starting a short line ("Share", "Read more",
//!    "Source link", "Photo:", a byline), a footer notice in a short line (copyright, rights
//!    reserved, legal warning, cookies), a desk or wire credit alone on a line, a line of
//!    dates and times only;
//! 2. a later **copy** of an earlier line (a repeated headline) is boilerplate;
//! 3. the first remaining line is the **title** when it is headline-shaped (short, no final
//!    full stop, not starting in lower case) and something follows it;
//! 4. a **teaser** (a line cut off by an ellipsis in mid-sentence) is boilerplate when teasers
//!    come in a list or stand after the last prose line; a lone one inside the body is a quote
//!    trailing off and stays body;
//! 5. after the last prose line (six words or more with final punctuation), short title-case
//!    lines and lines of up to four words without final punctuation are boilerplate (outlet
//!    names, author lines, buttons, links to other stories); before it, short lines without
//!    final punctuation that do not end in a comma or a function word are **headings**;
//! 6. **off-topic**: a paragraph is compared with the article above it by its content words
//!    (lower-cased, stemmed, minus stopwords and everyday news words) and by its names
//!    (capitalised words inside a sentence). After an end-of-article line (a footer, link,
//!    credit or teaser that has at least two thirds of the body above it), a paragraph that
//!    shares less than a quarter of its words and a third of its names is off-topic. Without
//!    such a line the bar is higher: only a run of at least two paragraphs at the very end,
//!    each with at least two names of its own, almost none of them known, and under 15% of
//!    its words shared (one-sentence-per-line texts have too little in each line for less);
//! 7. everything else is **body**.
//!
//! A line that starts in lower case (a scrape that lost the start of a word or sentence) is
//! kept as body: its words are real article content and the comparison is word-based, so a
//! truncated first word costs less than losing the line; it is never a title or heading.
//!
//! Junk is found by script: in an article written mostly in one script, a short run of
//! another script that stands after a finished sentence and before the end of the line or the
//! next sentence (an ad marker glued to a full stop) is junk, as is a wire credit in brackets
//! after the last sentence of a line ("… year. (AGENCY)"). An article written in that other
//! script as a whole is untouched, because junk is always measured against the dominant script.
//!
//! Linear in the text: each line is scanned a bounded number of times, and the off-topic check
//! builds one word set for the article above the candidates and looks each candidate word up.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::read::normalize::normalize_for_matching;
use crate::read::tokens::{is_stopword, stem};
use crate::report::Role;

/// An article's lines with their roles, and the in-line junk to leave out of sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Every non-empty line, in text order.
    pub blocks: Vec<Block>,
    /// Byte ranges of in-line junk (ad markers, bracketed wire credits), ascending, each
    /// inside one block.
    pub junk: Vec<Range<usize>>,
}

/// One non-empty line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the line in the text, without surrounding whitespace or line break.
    pub range: Range<usize>,
    /// What the line is.
    pub role: Role,
}

/// Splits `text` into lines and decides what each line is; see the module documentation.
pub fn clean(text: &str) -> Layout {
    let lines = split_lines(text);
    let shapes: Vec<Shape> = lines.iter().map(|range| Shape::of(&text[range.clone()])).collect();
    let roles = assign_roles(text, &lines, &shapes);
    let junk = find_junk(text, &lines);
    let blocks = lines.into_iter().zip(roles).map(|(range, role)| Block { range, role }).collect();
    Layout { blocks, junk }
}

/// Lines with at most this many words and no final punctuation are headings or furniture.
const SHORT_LINE_WORDS: usize = 12;
/// Longer lines are never headings.
const SHORT_LINE_BYTES: usize = 160;
/// A headline has at most this many words.
const TITLE_WORDS: usize = 30;
/// A line that ends a sentence and has at least this many words is prose.
const PROSE_WORDS: usize = 6;
/// After the last prose line, lines this short are furniture unless they are a sentence in
/// sentence case.
const TAIL_CREDIT_WORDS: usize = 4;
/// Footer notices longer than this are not looked for (a long paragraph is content).
const FOOTER_MAX_WORDS: usize = 80;

/// Page furniture that starts a line; matched at a word boundary, in lines of at most
/// [`SHORT_LINE_WORDS`] words that end without a full stop or put a colon after the cue.
/// An entry ending in `:` needs the colon.
const FURNITURE_PREFIXES: &[(&str, Furniture)] = &[
    ("additional reporting", Furniture::End),
    ("advertisement", Furniture::Inline),
    ("also read", Furniture::End),
    ("author:", Furniture::End),
    ("click here", Furniture::End),
    ("comments", Furniture::End),
    ("credit:", Furniture::Inline),
    ("credits:", Furniture::Inline),
    ("editing by", Furniture::End),
    ("follow us", Furniture::End),
    ("image:", Furniture::Inline),
    ("last updated", Furniture::Inline),
    ("leave a comment", Furniture::End),
    ("more from", Furniture::End),
    ("more on this", Furniture::End),
    ("newsletter", Furniture::End),
    ("next article", Furniture::End),
    ("next story", Furniture::End),
    ("photo by", Furniture::Inline),
    ("photo:", Furniture::Inline),
    ("photos:", Furniture::Inline),
    ("posted by", Furniture::Inline),
    ("previous article", Furniture::End),
    ("previous story", Furniture::End),
    ("published:", Furniture::Inline),
    ("read also", Furniture::End),
    ("read more", Furniture::End),
    ("recommended", Furniture::End),
    ("related", Furniture::End),
    ("reporting by", Furniture::End),
    ("see also", Furniture::End),
    ("share", Furniture::End),
    ("sign up", Furniture::End),
    ("source link", Furniture::End),
    ("source:", Furniture::Inline),
    ("sponsored", Furniture::Inline),
    ("subscribe", Furniture::End),
    ("tags:", Furniture::End),
    ("topics:", Furniture::End),
    ("updated:", Furniture::Inline),
    ("view all", Furniture::End),
    ("view more", Furniture::End),
    ("watch:", Furniture::Inline),
    ("written by", Furniture::Inline),
];

/// Footer notices found anywhere in a line, each with the longest line (in words) it is
/// believed in: legal and cookie text is furniture, but a long paragraph that mentions a
/// privacy policy is news.
const FOOTER_CUES: &[(&str, usize)] = &[
    ("\u{a9}", 30),
    ("all rights reserved", FOOTER_MAX_WORDS),
    ("cookie policy", 25),
    ("copyright (c)", 30),
    ("legal warning", FOOTER_MAX_WORDS),
    ("may not be reproduced", FOOTER_MAX_WORDS),
    ("privacy policy", 8),
    ("rights reserved", FOOTER_MAX_WORDS),
    ("terms of use", 8),
    ("use cookies", 25),
    ("uses cookies", 25),
    ("without a written", FOOTER_MAX_WORDS),
    ("without written permission", FOOTER_MAX_WORDS),
];

/// Words that make a line of at most three words a credit: a desk, a role, a wire.
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    "afp", "agencies", "ap", "author", "bureau", "correspondent", "desk", "dpa", "editor", "newsroom",
    "reporter", "reuters", "staff", "wires", "writer",
];

/// Words of a dateline or timestamp ("Tue 2 Dec 2025, 10:45 GMT", "Updated 3 hours ago").
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "a", "a.m", "aest", "ago", "akdt", "am", "apr", "april", "at", "aug", "august", "bst", "cdt", "cest", "cet",
    "created", "cst", "dec", "december", "edited", "edt", "est", "et", "feb", "february", "first", "fri",
    "friday", "gmt", "hkt", "hour", "hours", "hrs", "ist", "jan", "january", "jul", "july", "jun", "june",
    "last", "m", "mar", "march", "may", "mdt", "min", "mins", "minute", "minutes", "mon", "monday", "msk", "mst",
    "nov", "november", "oct", "october", "on", "originally", "p", "p.m", "pdt", "pm", "posted", "pst", "pt",
    "published", "read", "sat", "saturday", "sep", "sept", "september", "story", "sun", "sunday", "thu",
    "thursday", "time", "today", "tue", "tuesday", "uk", "updated", "utc", "wed", "wednesday", "yesterday",
];

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

/// Boilerplate recognisable from the line alone, by where it may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Ends the article text: footers, links to other pages, credits.
    End,
    /// Anywhere: captions, timestamps, bylines, separators, advertisements.
    Inline,
}

/// Splits at line breaks and trims every line; empty lines are left out.
fn split_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            push_trimmed(text, start..at, &mut lines);
            start = at + c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut lines);
    lines
}

/// Whitespace, control characters (NUL) and invisible format characters around a line.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn push_trimmed(text: &str, range: Range<usize>, lines: &mut Vec<Range<usize>>) {
    let line = &text[range.clone()];
    let rest = line.trim_start_matches(is_blank);
    let start = range.start + (line.len() - rest.len());
    let trimmed = rest.trim_end_matches(is_blank);
    if !trimmed.is_empty() {
        lines.push(start..start + trimmed.len());
    }
}

/// What a line looks like, independent of its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// Whitespace-separated words that contain a letter or digit.
    words: usize,
    /// Byte length.
    bytes: usize,
    /// The last character before closing quotes and brackets.
    last: Option<char>,
    /// Cut off by an ellipsis in mid-sentence (`… the United…`, `… Trump, 44,…`).
    teaser: bool,
    /// Starts with a lower-case letter.
    lower_start: bool,
    /// Starts with a list marker (`- `, `• `, `3) `).
    bullet: bool,
    /// Words that start with a capital letter.
    capitalised: usize,
    /// Ends like a line that goes on: a comma or a lower-case function word (`… and`, `… of the`).
    continues: bool,
}

impl Shape {
    fn of(line: &str) -> Shape {
        let mut words = 0;
        let mut capitalised = 0;
        let mut last_word = "";
        for word in line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
            words += 1;
            capitalised +=
                usize::from(word.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase));
            last_word = word;
        }
        let last = line.trim_end_matches(|c: char| is_closer(c) || c.is_whitespace()).chars().next_back();
        let continues = last == Some(',')
            || (last_word.starts_with(char::is_lowercase)
                && is_stopword(last_word.trim_end_matches(|c: char| !c.is_alphanumeric())));
        Shape {
            words,
            bytes: line.len(),
            last,
            teaser: words >= 4 && ends_in_midsentence_ellipsis(line),
            lower_start: line.chars().next().is_some_and(char::is_lowercase),
            bullet: starts_with_bullet(line),
            capitalised,
            continues,
        }
    }

    /// Ends with sentence-final punctuation (a colon or semicolon counts: a lead-in to a list).
    fn ends_sentence(&self) -> bool {
        self.last.is_some_and(is_terminal)
    }

    fn is_prose(&self) -> bool {
        self.ends_sentence() && self.words >= PROSE_WORDS && !self.teaser
    }

    /// A short line without final punctuation: a heading, or furniture.
    fn is_short_open(&self) -> bool {
        !self.ends_sentence() && !self.continues && self.words <= SHORT_LINE_WORDS && self.bytes <= SHORT_LINE_BYTES
    }

    fn is_headline(&self) -> bool {
        let final_stop =
            self.last.is_some_and(|c| is_terminal(c) && !matches!(c, '?' | '!' | '\u{FF1F}' | '\u{FF01}' | '\u{61F}'));
        !final_stop
            && !self.teaser
            && !self.continues
            && !self.lower_start
            && !self.bullet
            && (1..=TITLE_WORDS).contains(&self.words)
    }
}

/// Sentence-final punctuation beyond ASCII: ellipsis, ideographic and full-width stops,
/// Arabic question mark, Urdu full stop, Devanagari danda.
const TERMINAL_MARKS: &[char] = &['\u{2026}', '\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{61F}', '\u{6D4}', '\u{964}'];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ':' | ';') || (!c.is_ascii() && TERMINAL_MARKS.contains(&c))
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | ')' | ']' | '*' | '\u{2019}' | '\u{201D}' | '\u{BB}' | '\u{203A}')
}

/// True for `…` or `...` right after a letter, digit or comma, at the very end of the line.
fn ends_in_midsentence_ellipsis(line: &str) -> bool {
    let before = if let Some(rest) = line.strip_suffix('\u{2026}') {
        rest
    } else if let Some(rest) = line.strip_suffix("...") {
        rest.trim_end_matches('.')
    } else {
        return false;
    };
    before.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Characters that mark a list item when a space follows.
const BULLETS: &[char] =
    &['-', '*', '\u{2022}', '\u{2013}', '\u{2014}', '\u{B7}', '\u{25AA}', '\u{25BA}', '\u{25A0}', '\u{25E6}'];

fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    if first.is_some_and(|c| BULLETS.contains(&c)) {
        return second.is_some_and(char::is_whitespace);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        && line.as_bytes().get(digits + 1).is_some_and(u8::is_ascii_whitespace)
}

/// Decides every line's role; `lines` and `shapes` are parallel.
fn assign_roles(text: &str, lines: &[Range<usize>], shapes: &[Shape]) -> Vec<Role> {
    let kinds: Vec<Option<Furniture>> =
        lines.iter().zip(shapes).map(|(range, shape)| furniture(&text[range.clone()], shape)).collect();
    let mut roles: Vec<Option<Role>> = kinds.iter().map(|kind| kind.map(|_| Role::Boilerplate)).collect();
    // Lines that may end the article text; teasers and trailing credits found below join them.
    let mut end_markers: Vec<bool> = kinds.iter().map(|kind| *kind == Some(Furniture::End)).collect();

    let title = roles.iter().position(Option::is_none);
    let mut title_key = None;
    if let Some(t) = title {
        if shapes[t].is_headline() && t + 1 < lines.len() {
            roles[t] = Some(Role::Title);
            title_key = Some(matching_key(&text[lines[t].clone()]));
        }
    }

    let mut seen: HashSet<String> = HashSet::with_capacity(lines.len());
    for (k, range) in lines.iter().enumerate() {
        let key = matching_key(&text[range.clone()]);
        let repeats_title = title_key.as_ref().is_some_and(|title| {
            k > 0
                && roles[k].is_none()
                && shapes[k].is_short_open()
                && key.len() > title.len()
                && key.starts_with(title.as_str())
        });
        if !seen.insert(key) || repeats_title {
            roles[k] = Some(Role::Boilerplate);
        }
    }

    let last_prose = (0..lines.len()).rev().find(|&k| roles[k].is_none() && shapes[k].is_prose());
    // A line cut off by an ellipsis is a teaser unless the next line carries on in lower case;
    // teasers come in lists, so a lone one is a quote trailing off unless it ends the article.
    let teaser = |k: usize| {
        k < lines.len()
            && roles[k].is_none()
            && shapes[k].teaser
            && shapes.get(k + 1).is_none_or(|next| !next.lower_start)
    };
    let teasers: Vec<usize> = (0..lines.len())
        .filter(|&k| teaser(k) && ((k > 0 && teaser(k - 1)) || teaser(k + 1) || last_prose.is_none_or(|p| k > p)))
        .collect();
    for k in teasers {
        roles[k] = Some(Role::Boilerplate);
        end_markers[k] = true;
    }

    if let Some(last_prose) = last_prose {
        for (k, shape) in shapes.iter().enumerate() {
            if roles[k].is_some() || shape.lower_start {
                continue;
            }
            if k > last_prose {
                // Below the last sentence: credits, buttons, outlet names, title-case links;
                // a short sentence in sentence case ("No one was hurt.") is still the story.
                let headline_case = 2 * shape.capitalised >= shape.words;
                let tiny = shape.words <= TAIL_CREDIT_WORDS && (headline_case || !shape.ends_sentence());
                if tiny || (headline_case && shape.is_short_open()) {
                    roles[k] = Some(Role::Boilerplate);
                    end_markers[k] = true;
                }
            } else if shape.is_short_open() && !shape.bullet {
                roles[k] = Some(Role::Heading);
            }
        }
    }

    let mut roles: Vec<Role> = roles.into_iter().map(|r| r.unwrap_or(Role::Body)).collect();
    mark_offtopic(text, lines, shapes, &end_markers, &mut roles);
    roles
}

/// The lower-case, normalised form of a line used to spot copies, without final punctuation.
fn matching_key(line: &str) -> String {
    normalize_for_matching(line)
        .trim_end_matches(|c: char| is_terminal(c) || is_closer(c) || c.is_whitespace())
        .to_lowercase()
}

/// Boilerplate recognisable from the line alone: furniture prefixes, footer notices, credits,
/// bylines, timestamps and lines without a word.
fn furniture(line: &str, shape: &Shape) -> Option<Furniture> {
    let lead = line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\u{a9}');
    if lead.is_empty() {
        return Some(Furniture::Inline);
    }
    let head = lowercase_head(lead, 64);
    if shape.words <= SHORT_LINE_WORDS {
        let period = shape.last == Some('.');
        let prefixed = FURNITURE_PREFIXES.iter().find(|(cue, _)| {
            let word = cue.strip_suffix(':').unwrap_or(cue);
            head.strip_prefix(word).is_some_and(|rest| {
                let colon = rest.trim_start().starts_with(':');
                colon || (word.len() == cue.len() && !period && !rest.starts_with(char::is_alphanumeric))
            })
        });
        if let Some(&(_, kind)) = prefixed {
            return Some(kind);
        }
        if is_byline(lead, shape) || is_timestamp(&head, shape) {
            return Some(Furniture::Inline);
        }
    }
    if shape.words <= 3 && !shape.ends_sentence() {
        let credit = lead
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| CREDIT_WORDS.binary_search(&word.to_lowercase().as_str()).is_ok());
        if credit {
            return Some(Furniture::End);
        }
    }
    if shape.words <= FOOTER_MAX_WORDS {
        let lower = line.to_lowercase();
        if FOOTER_CUES.iter().any(|&(cue, max_words)| shape.words <= max_words && lower.contains(cue)) {
            return Some(Furniture::End);
        }
    }
    None
}

/// The first `max_bytes` (or a little more, to end on a character) of `s`, lowercased.
fn lowercase_head(s: &str, max_bytes: usize) -> String {
    let mut end = max_bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    s[..end].to_lowercase()
}

/// "By Jane Roe and John Doe": `By` and capitalised names, no final full stop.
fn is_byline(lead: &str, shape: &Shape) -> bool {
    let Some(names) = lead.strip_prefix("By ").or_else(|| lead.strip_prefix("BY ")) else {
        return false;
    };
    shape.words <= 10
        && !shape.ends_sentence()
        && names
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "|" | "-" | "in"))
}

/// A line made only of dates, times, time zones and words such as "updated", with a number.
fn is_timestamp(head: &str, shape: &Shape) -> bool {
    if shape.words > SHORT_LINE_WORDS || head.len() >= 64 {
        return false;
    }
    let mut numbers = 0;
    let all_dates = head
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '/' | '(' | ')' | '@' | '+' | '\u{B7}' | '\u{2022}')
        })
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '\u{2013}' | '\u{2014}')))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let number = digits.starts_with(|c: char| c.is_ascii_digit())
                && digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'-'))
                && matches!(&w[digits.len()..], "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h");
            numbers += usize::from(number);
            number || DATE_WORDS.binary_search(&w).is_ok()
        });
    all_dates && numbers > 0
}

/// Marks trailing paragraphs that are about something else (see the module documentation).
///
/// Candidates are read first; the article above them is then read line by line only until
/// every candidate that matters is known to be related, which for a normal article is after
/// a line or two.
fn mark_offtopic(text: &str, lines: &[Range<usize>], shapes: &[Shape], end_markers: &[bool], roles: &mut [Role]) {
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
                Some(next) if next.is_alphanumeric() || (!next.is_ascii() && is_combining_mark(next)) => {
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

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{2BC}')
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

/// A writing system, as far as telling an ad marker from its article needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Indic,
    Thai,
    Georgian,
    Hangul,
    Kana,
    Han,
    Other,
}

const SCRIPTS: usize = 13;

/// The script of a letter; `None` for anything that is not a letter (digits, punctuation,
/// spaces, symbols) and so belongs to no script.
fn script_of(c: char) -> Option<Script> {
    let script = match c {
        'a'..='z' | 'A'..='Z' => return Some(Script::Latin),
        _ if c.is_ascii() => return None,
        // Punctuation, symbols, arrows and shapes: the common non-letters of news text.
        '\u{2000}'..='\u{2BFF}' => return None,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{530}'..='\u{58F}' => Script::Armenian,
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{600}'..='\u{6FF}'
        | '\u{750}'..='\u{77F}'
        | '\u{8A0}'..='\u{8FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{900}'..='\u{DFF}' => Script::Indic,
        '\u{E00}'..='\u{E7F}' => Script::Thai,
        '\u{10A0}'..='\u{10FF}' => Script::Georgian,
        '\u{1100}'..='\u{11FF}' | '\u{AC00}'..='\u{D7AF}' => Script::Hangul,
        '\u{3040}'..='\u{30FF}' => Script::Kana,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Script::Han,
        _ => Script::Other,
    };
    let uncased_mark =
        matches!(script, Script::Arabic | Script::Hebrew | Script::Indic | Script::Thai) && is_combining_mark(c);
    (c.is_alphabetic() || uncased_mark).then_some(script)
}

/// Adds the letters of `s` to `counts` (indexed by script) and returns the set of scripts
/// `s` uses, one bit per script.
fn count_scripts(s: &str, counts: &mut [usize; SCRIPTS]) -> u16 {
    let mut used = 0;
    for script in s.chars().filter_map(script_of) {
        counts[script as usize] += 1;
        used |= 1 << script as u16;
    }
    used
}

/// The script with the most letters, if there are letters.
fn dominant_script(counts: &[usize; SCRIPTS]) -> Option<Script> {
    let (index, &count) = counts.iter().enumerate().max_by_key(|&(i, &n)| (n, SCRIPTS - i))?;
    (count > 0).then(|| ALL_SCRIPTS[index])
}

const ALL_SCRIPTS: [Script; SCRIPTS] = [
    Script::Latin,
    Script::Greek,
    Script::Cyrillic,
    Script::Armenian,
    Script::Hebrew,
    Script::Arabic,
    Script::Indic,
    Script::Thai,
    Script::Georgian,
    Script::Hangul,
    Script::Kana,
    Script::Han,
    Script::Other,
];

/// A foreign run longer than this many words is text, not a marker.
const JUNK_MAX_WORDS: usize = 6;
/// ... or than this many letters.
const JUNK_MAX_LETTERS: usize = 48;
/// The line around a junk run has at least this many times its letters in the dominant script.
const JUNK_CONTEXT_RATIO: usize = 2;
/// A bracketed wire credit has at most this many words.
const CREDIT_TAG_WORDS: usize = 3;

/// Finds in-line junk in every line (see the module documentation).
fn find_junk(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut junk = Vec::new();
    let mut counts = [0; SCRIPTS];
    let used: Vec<u16> = lines.iter().map(|range| count_scripts(&text[range.clone()], &mut counts)).collect();
    let dominant = dominant_script(&counts);
    for (range, used) in lines.iter().zip(used) {
        let line = &text[range.clone()];
        if let Some(dominant) = dominant.filter(|&d| used & !(1 << d as u16) != 0) {
            for run in foreign_runs(line, dominant) {
                junk.push(range.start + run.start..range.start + run.end);
            }
        }
        if let Some(tag) = trailing_credit_tag(line) {
            let tag = range.start + tag.start..range.start + tag.end;
            if junk.last().is_none_or(|last: &Range<usize>| last.end <= tag.start) {
                junk.push(tag);
            }
        }
    }
    junk
}

/// Runs of letters in a script other than `dominant` that sit between sentences of `line`.
fn foreign_runs(line: &str, dominant: Script) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut dominant_letters = 0;
    // (start, end, letters, words) of the run being read.
    let mut current: Option<(usize, usize, usize, usize)> = None;
    let mut in_word = false;
    let mut found: Vec<(Range<usize>, usize, usize)> = Vec::new();
    let mut last_letter_end = 0;
    for (at, c) in line.char_indices() {
        if c.is_alphabetic() {
            last_letter_end = at + c.len_utf8();
        }
        match script_of(c) {
            Some(script) if script != dominant => {
                let run = current.get_or_insert((at, at, 0, 0));
                run.1 = at + c.len_utf8();
                run.2 += 1;
                if !in_word {
                    run.3 += 1;
                }
                in_word = true;
            }
            Some(_) => {
                dominant_letters += 1;
                if let Some((start, end, letters, words)) = current.take() {
                    found.push((start..end, letters, words));
                }
                in_word = true;
            }
            None => in_word = in_word && !c.is_ascii() && is_combining_mark(c),
        }
    }
    if let Some((start, end, letters, words)) = current {
        found.push((start..end, letters, words));
    }
    for (run, letters, run_words) in found {
        if run_words > JUNK_MAX_WORDS || letters > JUNK_MAX_LETTERS || dominant_letters < JUNK_CONTEXT_RATIO * letters {
            continue;
        }
        let before = line[..run.start].trim_end();
        let after = line[run.end..].trim_start();
        let after_sentence =
            before.is_empty() || before.trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal);
        let before_sentence = run.end >= last_letter_end
            || after.chars().next().is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || is_opener(c)));
        if after_sentence && before_sentence {
            runs.push(run);
        }
    }
    runs
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '\u{2018}' | '\u{201C}' | '\u{AB}')
}

/// `(AGENCY)` or `(Agency)` after the last sentence of a line.
fn trailing_credit_tag(line: &str) -> Option<Range<usize>> {
    let inner_end = line.strip_suffix(')')?.len();
    let open = line[..inner_end].rfind('(')?;
    let inner = &line[open + 1..inner_end];
    let tag_words: Vec<&str> = inner.split_whitespace().collect();
    let credit = !tag_words.is_empty()
        && tag_words.len() <= CREDIT_TAG_WORDS
        && tag_words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let after_sentence =
        line[..open].trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal);
    (credit && after_sentence).then_some(open..line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role of the line that starts with `prefix`.
    fn role_of(text: &str, layout: &Layout, prefix: &str) -> Role {
        let found: Vec<&Block> = layout.blocks.iter().filter(|b| text[b.range.clone()].starts_with(prefix)).collect();
        assert!(!found.is_empty(), "no line starts with {prefix:?}");
        found[found.len() - 1].role
    }

    const FLOOD_BODY: &str = "\
The river Oska burst its banks above Varnholm on Sunday night, flooding the old harbour district and cutting the railway line to Tessby, the town council said.
Mayor Ilse Brandt said rescue boats had taken 40 residents from flooded houses near the harbour and that nobody had been reported missing by Monday morning.
Firefighters from Tessby and Lindqvist pumped water from the hospital basement, where generators had failed, while volunteers filled sandbags along the embankment.
Meteorologists at the Varnholm weather station recorded 120 millimetres of rain in two days, the heaviest downpour in the valley since the floods of 1998.
Brandt asked the regional government for emergency funds to repair the harbour wall and the railway embankment before the spring thaw raises the river again.
";

    #[test]
    fn roles_of_invented_articles() {
        let with_furniture = format!(
            "Varnholm Flood Forces Dozens From Their Homes\n\nVarnholm Flood Forces Dozens From Their Homes\nBy Ilse Marten and Tomas Ek\nUpdated: 3 March 2031, 10:45 GMT\n{}A Long Night on the Harbour\n{}\nCity Desk\n- Author\nShare it\nNext Story\n",
            &FLOOD_BODY[..FLOOD_BODY.find("Firefighters").unwrap()],
            &FLOOD_BODY[FLOOD_BODY.find("Firefighters").unwrap()..],
        );
        let with_teasers = format!(
            "{FLOOD_BODY}Chess champion Arvo Lind resigned from the national federation after a dispute over prize money and…\nA new satellite built in Quillon will measure sea ice, its designers said, adding that the launch…\nWe use cookies to improve your experience.\n"
        );
        let stories = "\
The Quillon chess federation elected Arvo Lind as its president after a stormy congress in Belmora, where delegates argued over prize money, sponsorship contracts and tournament calendars.
Engineers at the Kestrel observatory in Dunmarsh completed a satellite that will measure polar ice thickness, and its launch from Salvik is planned for the autumn.
";
        let with_legal_footer = format!("Floods in Varnholm\n{FLOOD_BODY}LEGAL NOTICE: All rights reserved. No part of this page may be reproduced without permission.\n{stories}");
        let with_trailing_stories = format!("Floods in Varnholm\n{FLOOD_BODY}{stories}");
        // (what the case shows, article, expected role of the line starting with each prefix)
        type Case<'a> = (&'a str, &'a str, Vec<(&'a str, Role)>);
        let cases: Vec<Case> = vec![
            (
                "headline, copies, byline, timestamp, heading, signature",
                &with_furniture,
                vec![
                    ("Varnholm Flood Forces", Role::Boilerplate),
                    ("By Ilse Marten", Role::Boilerplate),
                    ("Updated:", Role::Boilerplate),
                    ("The river Oska", Role::Body),
                    ("A Long Night on the Harbour", Role::Heading),
                    ("Brandt asked", Role::Body),
                    ("City Desk", Role::Boilerplate),
                    ("- Author", Role::Boilerplate),
                    ("Share it", Role::Boilerplate),
                    ("Next Story", Role::Boilerplate),
                ],
            ),
            (
                "teasers and a cookie notice",
                &with_teasers,
                vec![
                    ("The river Oska", Role::Body),
                    ("Brandt asked", Role::Body),
                    ("Chess champion", Role::Boilerplate),
                    ("A new satellite", Role::Boilerplate),
                    ("We use cookies", Role::Boilerplate),
                ],
            ),
            (
                "unrelated stories after a legal footer",
                &with_legal_footer,
                vec![
                    ("Floods in Varnholm", Role::Title),
                    ("Brandt asked", Role::Body),
                    ("LEGAL NOTICE", Role::Boilerplate),
                    ("The Quillon chess", Role::Offtopic),
                    ("Engineers at the Kestrel", Role::Offtopic),
                ],
            ),
            (
                "unrelated stories without a footer",
                &with_trailing_stories,
                vec![
                    ("Brandt asked", Role::Body),
                    ("The Quillon chess", Role::Offtopic),
                    ("Engineers at the Kestrel", Role::Offtopic),
                ],
            ),
            (
                "a related closing paragraph after a footer stays body",
                "Floods in Varnholm\nThe river Oska burst its banks above Varnholm on Sunday night, flooding the harbour district, the council said.\nMayor Ilse Brandt said rescue boats had taken 40 residents from flooded houses near the harbour on Monday.\nFirefighters from Tessby pumped water from the hospital basement while volunteers filled sandbags along the embankment.\nMeteorologists recorded 120 millimetres of rain in two days, the heaviest downpour in the valley since 1998.\nBrandt asked the regional government for emergency funds to repair the harbour wall and the railway embankment.\nRead more\nThe Oska flooded Varnholm harbour in 1998 as well, when Brandt, then a council member, organised the first sandbag volunteers along the embankment and rescue boats.\n",
                vec![("Read more", Role::Boilerplate), ("The Oska flooded", Role::Body)],
            ),
            (
                "a lone quote trailing off, a continued line, a scrape fragment and a list",
                "Flood talks\nThe mayor said the council would meet again on Tuesday to discuss the repairs.\n\u{201C}We will rebuild the harbour wall, and then we will see...\nthe railway needs it too,\u{201D} she said at the town hall on Monday.\nater levels fell overnight, the weather station said in its morning report.\nThe council listed its priorities:\n- repair the harbour wall before spring\n- reopen the railway line to Tessby\nThe next meeting will be held on Friday, the council said in a statement.\n",
                vec![
                    ("Flood talks", Role::Title),
                    ("\u{201C}We will rebuild", Role::Body),
                    ("the railway needs", Role::Body),
                    ("ater levels", Role::Body),
                    ("The council listed", Role::Body),
                    ("- repair the harbour", Role::Body),
                    ("The next meeting", Role::Body),
                ],
            ),
            (
                "a first line that is a sentence is body, not a title",
                "The river Oska burst its banks above Varnholm on Sunday night.\nMayor Ilse Brandt said 40 residents were rescued.\n",
                vec![("The river Oska", Role::Body), ("Mayor Ilse Brandt", Role::Body)],
            ),
            (
                "a headline alone is body",
                "Floods in Varnholm",
                vec![("Floods in Varnholm", Role::Body)],
            ),
            (
                "short closing sentences stay body",
                "Floods in Varnholm\nThe river Oska burst its banks above Varnholm on Sunday night, the council said.\nNo one was hurt.\nReuters\n",
                vec![("No one was hurt.", Role::Body), ("Reuters", Role::Boilerplate)],
            ),
        ];
        for (name, text, expected) in cases {
            let layout = clean(text);
            for (prefix, role) in expected {
                assert_eq!(role_of(text, &layout, prefix), role, "{name}: line {prefix:?}");
            }
        }
    }

    #[test]
    fn junk_is_found_by_script() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Floods hit Varnholm\nThe river Oska burst its banks on Sunday night, the council said.\u{0627}\u{0636}\u{0627}\u{0641}\u{0629} \u{0627}\u{0639}\u{0644}\u{0627}\u{0646}\nRescue boats took 40 residents from their homes.\n",
                &["\u{0627}\u{0636}\u{0627}\u{0641}\u{0629} \u{0627}\u{0639}\u{0644}\u{0627}\u{0646}"],
            ),
            (
                "The river burst its banks on Sunday night. \u{0420}\u{0435}\u{043A}\u{043B}\u{0430}\u{043C}\u{0430} Rescue boats took 40 residents from their homes.",
                &["\u{0420}\u{0435}\u{043A}\u{043B}\u{0430}\u{043C}\u{0430}"],
            ),
            (
                "The newspaper \u{041F}\u{0440}\u{0430}\u{0432}\u{0434}\u{0430} reported that rescue boats took 40 residents from their homes.",
                &[],
            ),
            (
                "\u{0641}\u{064A}\u{0636}\u{0627}\u{0646}\u{0627}\u{062A} \u{0641}\u{064A} \u{0627}\u{0644}\u{0645}\u{062F}\u{064A}\u{0646}\u{0629}\n\u{0642}\u{0627}\u{0644} \u{0627}\u{0644}\u{0645}\u{062C}\u{0644}\u{0633} \u{0625}\u{0646} \u{0627}\u{0644}\u{0646}\u{0647}\u{0631} \u{0641}\u{0627}\u{0636} \u{0644}\u{064A}\u{0644}\u{0627}.\n\u{0648}\u{0623}\u{0646}\u{0642}\u{0630}\u{062A} \u{0627}\u{0644}\u{0642}\u{0648}\u{0627}\u{0631}\u{0628} 40 \u{0634}\u{062E}\u{0635}\u{0627}.\n",
                &[],
            ),
            ("Rescue boats took 40 residents from their homes on Monday. (VNA)", &["(VNA)"]),
            ("Rescue boats took 40 residents (mostly elderly) from their homes on Monday.", &[]),
            ("(Reuters)", &[]),
        ];
        for (text, expected) in cases {
            let layout = clean(text);
            let junk: Vec<&str> = layout.junk.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(junk, *expected, "{text:?}");
        }
    }

    #[test]
    fn lines_end_at_every_kind_of_break() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n\t\r\n \u{A0}\n", &[]),
            ("one\r\ntwo\rthree\nfour", &["one", "two", "three", "four"]),
            (
                "  padded line \u{200B}\n\n\nnext\u{2028}after separator\u{2029}\u{85}last  ",
                &["padded line", "next", "after separator", "last"],
            ),
            ("\0\0\nnul\0inside\n\0", &["nul\0inside"]),
        ];
        for (text, expected) in cases {
            let lines: Vec<&str> = clean(text).blocks.iter().map(|b| &text[b.range.clone()]).collect();
            assert_eq!(lines, *expected, "{text:?}");
        }
    }

    #[test]
    fn odd_input_gives_well_formed_layouts() {
        let huge_line = "word ".repeat(50_000);
        let mixed_scripts = "Word.\u{0431} ".repeat(20_000);
        let many_lines = "Share it\n".repeat(5_000) + &"A sentence that goes on for a while here.\n".repeat(5_000);
        let inputs: Vec<String> = vec![
            String::new(),
            " \n \r\n ".into(),
            huge_line,
            mixed_scripts,
            many_lines,
            "\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645}.\u{05E9}\u{05DC}\u{05D5}\u{05DD} \u{1F600}\u{0301}\ne\u{0301}\u{0301}\u{0301}".into(),
            "...\n\u{2026}\n***\n(\n)\n(x)\n-\n1.\n\u{FEFF}".into(),
            "Headline\n".repeat(3),
            "a\u{2026}\nb...\nc,\u{2026}".into(),
            "\u{201C}Quote\u{201D}\n\u{AB}Guillemets\u{BB}.\n".into(),
        ];
        for text in &inputs {
            let layout = clean(text);
            let mut previous_end = 0;
            for block in &layout.blocks {
                let range = block.range.clone();
                assert!(range.start >= previous_end && range.start < range.end && range.end <= text.len());
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                let line = &text[range.clone()];
                assert_eq!(line.trim_matches(is_blank), line, "trimmed");
                assert!(!line.contains(['\n', '\r']));
                previous_end = range.end;
            }
            for junk in &layout.junk {
                assert!(text.is_char_boundary(junk.start) && text.is_char_boundary(junk.end));
                assert!(layout.blocks.iter().any(|b| b.range.start <= junk.start && junk.end <= b.range.end));
            }
        }
    }

    #[test]
    fn timestamps_bylines_and_headings() {
        let cases: &[(&str, bool)] = &[
            ("Updated 5:40 p.m. ET", true),
            ("Tue 2 Dec 2031, 10:45 GMT", true),
            ("Posted on May 3rd, 2031 at 08:45AM PDT", true),
            ("2031-03-04 11:47:35", true),
            ("Monday", false),
            ("Talks resume on Monday", false),
            ("By Ilse Marten and Tomas Ek", true),
            ("By the numbers", false),
            ("Photo: Tomas Ek", true),
            ("Shares fell 3%", false),
            ("Read more: Varnholm counts the cost of the floods.", true),
            ("Copyright lawsuits rose sharply last year, the ministry said.", false),
            ("\u{A9} 2031 Varnholm Courier", true),
            ("All rights reserved.", true),
            ("This site uses cookies to improve your experience.", true),
        ];
        for (line, expected) in cases {
            let shape = Shape::of(line);
            assert_eq!(furniture(line, &shape).is_some(), *expected, "{line:?}");
        }
    }

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
    fn cue_lists_are_sorted_for_binary_search() {
        for list in [CREDIT_WORDS, DATE_WORDS, NEWS_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn dominant_script_counts_letters_only() {
        let cases: &[(&str, Option<Script>)] = &[
            ("", None),
            ("123 !?", None),
            ("Varnholm \u{0627}\u{0644}", Some(Script::Latin)),
            ("\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} ok", Some(Script::Arabic)),
            ("\u{041C}\u{0438}\u{0440} 2031", Some(Script::Cyrillic)),
        ];
        for (text, expected) in cases {
            let mut counts = [0; SCRIPTS];
            count_scripts(text, &mut counts);
            assert_eq!(dominant_script(&counts), *expected, "{text:?}");
        }
    }
}
