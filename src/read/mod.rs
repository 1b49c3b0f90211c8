//! Reading one article: clean → segment → extract.
//!
//! In: an article's text. Out: a [`ReadArticle`] holding every sentence with its byte range
//! and role, and the claims found in its body sentences (quantities, quotes, entity
//! mentions, times), all as byte ranges into the original text. Offsets become UTF-16 only
//! when the report is assembled.

pub mod clean;
pub mod normalize;
pub mod offsets;
pub mod segment;
pub mod tokens;

use std::ops::Range;

use crate::extract::entities::{find_mentions, MentionMatch};
use crate::extract::quantities::{extract_quantities, QuantityMatch};
use crate::extract::quotes::{extract_quotes, QuoteMatch};
use crate::extract::times::{extract_times, TimeMatch};
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

/// One article after reading. Claims refer to sentences by their index in `sentences`.
#[derive(Debug, Clone)]
pub struct ReadArticle<'a> {
    /// The original text.
    pub text: &'a str,
    /// Every sentence in text order.
    pub sentences: Vec<ReadSentence>,
    /// Quantities found in body and heading sentences, with their sentence index.
    pub quantities: Vec<(usize, QuantityMatch)>,
    /// Times found in body and heading sentences, with their sentence index.
    pub times: Vec<(usize, TimeMatch)>,
    /// Entity mentions; `MentionMatch::sentence` is an index into `sentences`.
    pub mentions: Vec<MentionMatch>,
    /// Quotations; `QuoteMatch::sentence` is an index into `sentences`.
    pub quotes: Vec<QuoteMatch>,
}

impl<'a> ReadArticle<'a> {
    /// An article left out of the comparison: no sentences, no claims.
    pub fn empty(text: &'a str) -> Self {
        ReadArticle {
            text,
            sentences: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// The sentence's text without in-line junk.
    pub fn sentence_text(&self, index: usize) -> String {
        let sentence = &self.sentences[index];
        let mut text = String::with_capacity(sentence.range.len());
        let mut at = sentence.range.start;
        for junk in &sentence.junk {
            text.push_str(&self.text[at..junk.start]);
            at = junk.end;
        }
        text.push_str(&self.text[at..sentence.range.end]);
        text
    }

    /// Indices of the sentences that carry the article's content (role `body`).
    pub fn body_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences.iter().enumerate().filter(|(_, s)| s.role == Role::Body).map(|(i, _)| i)
    }
}

/// Why an article cannot be read, in one line for the person who gave it; `None` when it can.
pub fn refusal(text: &str, options: &crate::Options) -> Option<String> {
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

/// Reads one article: [`clean::clean`], [`split_sentences`], then [`extract_claims`].
pub fn read_article(text: &str) -> ReadArticle<'_> {
    let layout = clean::clean(text);
    let mut article = ReadArticle { sentences: split_sentences(text, &layout), ..ReadArticle::empty(text) };
    extract_claims(&mut article);
    article
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

/// Finds the quantities, times, entity mentions and quotes of the body and heading sentences.
pub fn extract_claims(article: &mut ReadArticle<'_>) {
    let text = article.text;
    let claim_bearing: Vec<usize> = article
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.role, Role::Body | Role::Heading))
        .map(|(i, _)| i)
        .collect();
    for &index in &claim_bearing {
        let range = article.sentences[index].range.clone();
        let sentence = &text[range.clone()];
        let shift = |r: Range<usize>| range.start + r.start..range.start + r.end;
        article.quantities.extend(
            extract_quantities(sentence)
                .into_iter()
                .map(|q| (index, QuantityMatch { range: shift(q.range.clone()), ..q })),
        );
        article.times.extend(
            extract_times(sentence).into_iter().map(|t| (index, TimeMatch { range: shift(t.range.clone()), ..t })),
        );
    }
    let ranges: Vec<Range<usize>> = claim_bearing.iter().map(|&i| article.sentences[i].range.clone()).collect();
    let mut mentions = find_mentions(text, &ranges);
    let mut quotes = extract_quotes(text, &ranges, &mentions);
    for mention in &mut mentions {
        mention.sentence = claim_bearing[mention.sentence];
    }
    for quote in &mut quotes {
        quote.sentence = claim_bearing[quote.sentence];
    }
    article.mentions = mentions;
    article.quotes = quotes;
}
