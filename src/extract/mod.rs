//! Claim extraction: what a fact-checker checks in a sentence.
//!
//! In: an article's text and its [`ReadSentence`]s from [`crate::read`]. Out: a
//! [`ReadArticle`], the hand-off to comparing: the sentences with the quantities, times,
//! entity mentions and quotes found in the body and heading sentences, all as byte ranges
//! into the original text. Offsets become UTF-16 only when the report is assembled.
//!
//! - [`quantities`]: numbers with units and bounds ("more than a fifth" → > 20 %);
//! - [`times`]: weekdays, dates, months, years, relative times;
//! - [`entities`]: people, places, organisations, merged across spelling variants;
//! - [`quotes`]: quotations with their speakers;
//! - [`claims`]: the checkable claims of each body sentence, with who asserts them;
//! - [`attributions`]: who asserts what, with the source, cue and content spans;
//! - [`roles`]: the official titles given to people;
//! - [`byline`]: who wrote the article and for which outlet.

pub mod attributions;
pub mod byline;
pub mod claims;
pub mod entities;
mod lexicon;
pub mod quantities;
pub mod quotes;
pub mod roles;
mod scan;
pub mod times;

use std::ops::Range;

use crate::read::ReadSentence;
use crate::report::Role;
use attributions::{collect_attributions, find_frames, AttributionMatch};
use claims::{split_claims, ClaimMatch, Frame};
use entities::{find_mentions, MentionMatch};
use quantities::{extract_quantities, QuantityMatch};
use quotes::{extract_quotes, QuoteMatch};
use roles::{find_roles, RoleMatch};
use times::{extract_times, TimeMatch};

/// One article after reading and extraction. Claims refer to sentences by their index in `sentences`.
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
    /// Entity mentions, by start; `MentionMatch::sentence` is an index into `sentences`.
    pub mentions: Vec<MentionMatch>,
    /// Quotations; `QuoteMatch::sentence` is an index into `sentences`.
    pub quotes: Vec<QuoteMatch>,
    /// Claims of the body sentences with their sentence index, in sentence order; every body
    /// sentence has at least one.
    pub claims: Vec<(usize, ClaimMatch)>,
    /// Attributions, direct and indirect, in text order; `AttributionMatch::sentence` is an
    /// index into `sentences`.
    pub attributions: Vec<AttributionMatch>,
    /// Roles given to the people mentioned; `RoleMatch::mention` indexes `mentions`.
    pub roles: Vec<RoleMatch>,
    /// The article's own date, as a normalised date value (`2031-10-15`, or `--10-15` without
    /// a year), from a date line before the story or a dateline opening it ("KHARZYN, Oct 15
    /// (Northwind) -"); see [`published_date`].
    pub published: Option<String>,
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
            claims: Vec::new(),
            attributions: Vec::new(),
            roles: Vec::new(),
            published: None,
        }
    }

    /// The sentence's text without in-line junk.
    pub fn sentence_text(&self, index: usize) -> String {
        self.text_without_junk(index, &self.sentences[index].range)
    }

    /// The text of `range`, a part of sentence `index`, without the sentence's in-line junk.
    pub fn text_without_junk(&self, index: usize, range: &Range<usize>) -> String {
        let mut text = String::with_capacity(range.len());
        let mut at = range.start;
        for junk in &self.sentences[index].junk {
            if junk.end <= at || junk.start >= range.end {
                continue;
            }
            text.push_str(&self.text[at..junk.start.max(at)]);
            at = junk.end.min(range.end);
        }
        text.push_str(&self.text[at..range.end]);
        text
    }

    /// Indices of the sentences that carry the article's content (role `body`).
    pub fn body_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences.iter().enumerate().filter(|(_, s)| s.role == Role::Body).map(|(i, _)| i)
    }
}


/// Finds the quantities, times, entity mentions and quotes of the body and heading sentences,
/// and the claims of the body sentences.
pub fn extract_claims(article: &mut ReadArticle<'_>) {
    let text = article.text;
    let claim_bearing: Vec<usize> = article
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.role, Role::Body | Role::Heading))
        .map(|(i, _)| i)
        .collect();
    let mut frames: Vec<(usize, Frame)> = Vec::new();
    for &index in &claim_bearing {
        let range = article.sentences[index].range.clone();
        let sentence = &text[range.clone()];
        let shift = |r: Range<usize>| range.start + r.start..range.start + r.end;
        if article.sentences[index].role == Role::Body {
            let split = split_claims(sentence);
            let mut claims = split.claims;
            let shift_frame = |f: Frame| Frame { source: shift(f.source), cue: shift(f.cue), content: shift(f.content) };
            let claim_cue = split.frame.as_ref().map(|f| f.cue.clone());
            frames.extend(split.frame.map(|f| (index, shift_frame(f))));
            let more = find_frames(sentence).into_iter().filter(|f| claim_cue.as_ref().is_none_or(|c| c.end <= f.cue.start || f.cue.end <= c.start));
            frames.extend(more.map(|f| (index, shift_frame(f))));
            if claims.is_empty() {
                claims.push(ClaimMatch { range: 0..sentence.len(), speaker: None });
            }
            article.claims.extend(claims.into_iter().map(|c| {
                (index, ClaimMatch { range: shift(c.range), speaker: c.speaker.map(&shift) })
            }));
        }
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
    // Text order (they come so already), which later stages rely on to find the mentions of a
    // span by binary search.
    mentions.sort_by_key(|m| m.range.start);
    let mut quotes = extract_quotes(text, &ranges, &mentions);
    article.roles = find_roles(text, &ranges, &mentions);
    for mention in &mut mentions {
        mention.sentence = claim_bearing[mention.sentence];
    }
    for quote in &mut quotes {
        quote.sentence = claim_bearing[quote.sentence];
    }
    article.attributions = collect_attributions(text, &frames, &quotes);
    // A quotation's cue may follow it in a later sentence ("“…” / “…,” she said").
    for attribution in &mut article.attributions {
        let after = article.sentences.partition_point(|s| s.range.start <= attribution.cue.start);
        if let Some(k) = after.checked_sub(1).filter(|&k| attribution.cue.start < article.sentences[k].range.end) {
            attribution.sentence = k;
        }
    }
    article.mentions = mentions;
    article.quotes = quotes;
    article.published = published_date(article.text, &article.sentences);
}

/// Sentences (lines) at the top of an article read for its date: title, bylines, a timestamp,
/// a standfirst.
const DATE_LINES: usize = 6;

/// The date an article gives itself, from its first lines: the first whole date (day and
/// month) in a line that is not story (title, heading, boilerplate, off-topic); in a line that ends with it or opens with
/// "By", "Published", "Updated" or "Posted" (a byline "| Wednesday 15 October 2031", which
/// cleaning may keep as body); or in a dateline (a place in capitals and a comma before the
/// date: "KHARZYN, Oct 15 (Northwind) -"). A date inside a sentence of the story ("On 14
/// October the dam …") is the date of something that happened, not of the article.
pub fn published_date(text: &str, sentences: &[ReadSentence]) -> Option<String> {
    sentences.iter().take(DATE_LINES).find_map(|sentence| {
        let line = &text[sentence.range.clone()];
        let t = extract_times(line).into_iter().find(|t| t.kind == crate::report::TimeKind::Date)?;
        if sentence.role != Role::Body {
            return Some(t.value);
        }
        let before = line[..t.range.start].trim_end();
        let opens = |word: &str| before.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
        let date_line = line[t.range.end..].trim().is_empty() || ["By ", "Published", "Updated", "Posted"].iter().any(|w| opens(w));
        let dateline = before.strip_suffix(',').is_some_and(|place| {
            !place.is_empty() && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
        });
        (date_line || dateline).then_some(t.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{clean, split_sentences};

    fn published(text: &str) -> Option<String> {
        published_date(text, &split_sentences(text, &clean::clean(text)))
    }

    #[test]
    fn an_article_is_dated_by_its_date_line_or_dateline_not_by_a_date_in_the_story() {
        let byline = "Dam gives way\nBy Mara Lindqvist, Dolva Valley Courier | Wednesday 15 October 2031\nThe dam collapsed on Tuesday night. About 4,000 people left.\n";
        assert_eq!(published("Dam gives way\nPublished: Oct. 16, 2031, 08:10\nThe dam collapsed on Tuesday.\n").as_deref(), Some("2031-10-16"));
        let ends = "Dam gives way\nThe dam collapsed, officials said on 14 October 2031.\n";
        assert_eq!(published(ends), None, "a sentence of the story that ends with a date");
        assert_eq!(published(byline).as_deref(), Some("2031-10-15"));
        let dateline = "Thousands flee as dam fails\nKHARZYN, Oct 15 (Northwind) - A section of the dam collapsed on Tuesday night.\n";
        assert_eq!(published(dateline).as_deref(), Some("--10-15"));
        let story = "Thousands flee as dam fails\nOn 14 October 2031 a section of the dam collapsed, officials said.\nEngineers had warned of cracks.\n";
        assert_eq!(published(story), None, "the date of the collapse is not the article's");
        assert_eq!(published("Kharzin, Oct 15 - the dam held.\n"), None, "a dateline's place is in capitals");
        assert_eq!(published(""), None);
    }
}
