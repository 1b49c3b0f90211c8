//! Reading one article: refuse what cannot be read, clean, segment.
//!
//! In: an article's text. Out: [`refusal`] says in one line why a text cannot be read;
//! [`clean::clean`] gives its lines with roles and in-line junk, and [`split_sentences`] every
//! sentence as a [`ReadSentence`] with its byte range and role. The character classes, word
//! tokens and offset conversion every later stage uses live here too ([`chars`], [`tokens`],
//! [`offsets`], [`normalize`]). Claims are found by the next stage, [`crate::extract`].

pub mod chars;
pub mod clean;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod tokens;

use std::ops::Range;

use crate::options::Options;
use crate::report::Role;

/// A sentence as read: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSentence {
    /// Byte range in the article's text.
    pub range: Range<usize>,
    /// Title, heading, body, boilerplate or off-topic.
    pub role: Role,
    /// Parts of `range` to leave out of the sentence's text (in-line junk), ascending.
    pub junk: Vec<Range<usize>>,
}

/// Why an article cannot be read, in one line for the person who gave it; `None` when it can.
pub fn refusal(text: &str, options: &Options) -> Option<String> {
    if text.len() > options.max_article_bytes {
        return Some(format!(
            "is {:.1} MB; crosscheck reads articles of up to {:.1} MB",
            text.len() as f64 / 1e6,
            options.max_article_bytes as f64 / 1e6
        ));
    }
    if text.trim().is_empty() {
        return Some("is empty".into());
    }
    let sample: Vec<char> = text.chars().take(4096).collect();
    let control = sample.iter().filter(|&&c| c.is_control() && !c.is_whitespace()).count();
    if text.contains('\0') || control * 20 > sample.len() {
        return Some("looks like a binary file, not text".into());
    }
    if !text.chars().any(char::is_alphabetic) {
        return Some("contains no words".into());
    }
    None
}

/// Splits the blocks of a cleaned article into sentences, each with its block's role.
pub fn split_sentences(text: &str, layout: &clean::Layout) -> Vec<ReadSentence> {
    let mut sentences = Vec::new();
    for block in &layout.blocks {
        let block_text = &text[block.range.clone()];
        for local in segment::segment(block_text) {
            let range = block.range.start + local.start..block.range.start + local.end;
            let range = trim_junk_edges(text, range, &layout.junk);
            if range.is_empty() {
                continue;
            }
            let junk = layout
                .junk
                .iter()
                .filter(|j| j.start >= range.start && j.end <= range.end)
                .cloned()
                .collect();
            sentences.push(ReadSentence { range, role: block.role, junk });
        }
    }
    sentences
}

/// Shrinks a sentence so it neither starts nor ends in junk (an ad marker glued to a full stop).
fn trim_junk_edges(text: &str, mut range: Range<usize>, junk: &[Range<usize>]) -> Range<usize> {
    for j in junk {
        if j.start <= range.start && j.end > range.start {
            range.start = j.end.min(range.end);
        }
        if j.start < range.end && j.end >= range.end {
            range.end = j.start.max(range.start);
        }
    }
    let sentence = &text[range.clone()];
    let start = range.start + (sentence.len() - sentence.trim_start().len());
    let end = range.end - (sentence.len() - sentence.trim_end().len());
    start..end.max(start)
}
