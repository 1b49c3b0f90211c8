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
//! 2. a later **copy** of an earlier line (a repeated headline, label or button) is
//!    boilerplate, unless it is a sentence or a question (the same question put to each person
//!    interviewed);
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
//! A line that opens with [`LEFT_OUT`] ("Left out of the comparison: …") and all lines after
//! it are boilerplate before any of this: a saved page's furniture, kept to be shown.
//!
//! A line that starts in lower case (a scrape that lost the start of a word or sentence) is
//! kept as body: its words are real article content and the comparison is word-based, so a
//! truncated first word costs less than losing the line; it is never a title or heading.
//!
//! Junk is found by script: in an article written mostly in one script, a short run of
//! another script that stands after a finished sentence and before the end of the line or the
//! next sentence (an ad marker glued to a full stop) is junk, unless a letter of the article's
//! script follows it without a space (Japanese takes Latin words so; kanji and kana count as
//! one script). So is a wire credit in brackets after the last sentence of a line ("… year.
//! (AGENCY)"). An article written in that other script as a whole is untouched, because junk
//! is always measured against the dominant script.
//!
//! Linear in the text: each line is scanned a bounded number of times, and the off-topic check
//! builds one word set for the article above the candidates and looks each candidate word up.
//!
//! This module splits lines and reads their shapes; `roles` assigns the roles (steps 1 to 5
//! and 7), `offtopic` step 6, and `junk` finds the in-line junk. [`repeated`] works across
//! articles: what every article of one outlet has at its top or end is that outlet's furniture.

mod junk;
mod offtopic;
pub mod repeated;
mod roles;

use std::ops::Range;

use crate::read::tokens::is_stopword;
use crate::report::Role;
use junk::find_junk;
use roles::assign_roles;

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
    let left_out = lines.iter().position(|range| text[range.clone()].starts_with(LEFT_OUT)).unwrap_or(lines.len());
    let mut roles = assign_roles(text, &lines[..left_out], &shapes[..left_out]);
    roles.resize(lines.len(), Role::Boilerplate);
    let junk = find_junk(text, &lines);
    let blocks = lines.into_iter().zip(roles).map(|(range, role)| Block { range, role }).collect();
    Layout { blocks, junk }
}

/// A line that starts so, and every line after it, is boilerplate whatever it says: what a
/// saved page had beside its story ([`crate::input::html_to_text`] writes it after the story,
/// under such a line), kept to be shown, not compared.
pub const LEFT_OUT: &str = "Left out of the comparison:";

/// Lines with at most this many words and no final punctuation are headings or furniture.
const SHORT_LINE_WORDS: usize = 12;
/// Longer lines are never headings.
const SHORT_LINE_BYTES: usize = 160;
/// A headline has at most this many words.
const TITLE_WORDS: usize = 30;
/// A line that ends a sentence and has at least this many words is prose.
const PROSE_WORDS: usize = 6;

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

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented article body: five lines of prose about one flood.
    pub(super) const FLOOD_BODY: &str = "\
The river Oska burst its banks above Varnholm on Sunday night, flooding the old harbour district and cutting the railway line to Tessby, the town council said.
Mayor Ilse Brandt said rescue boats had taken 40 residents from flooded houses near the harbour and that nobody had been reported missing by Monday morning.
Firefighters from Tessby and Lindqvist pumped water from the hospital basement, where generators had failed, while volunteers filled sandbags along the embankment.
Meteorologists at the Varnholm weather station recorded 120 millimetres of rain in two days, the heaviest downpour in the valley since the floods of 1998.
Brandt asked the regional government for emergency funds to repair the harbour wall and the railway embankment before the spring thaw raises the river again.
";

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
}
