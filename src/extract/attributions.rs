//! Attributions: who asserts what, in which words.
//!
//! In: an article's attribution frames ([`Frame`], at most one per sentence, from
//! [`super::claims`]) and its quotations ([`QuoteMatch`], with their cues and sources as
//! written, from [`super::quotes`]). Out: [`AttributionMatch`]es in text order, each a source,
//! a cue and a content span, byte ranges into the article's text.
//!
//! One statement is one attribution: a quotation and a frame with the same cue ("“C,” X said"
//! read both ways) are merged. The content is *direct* when it is a quotation and nothing else
//! ("X said: “C”"); a frame whose content holds a quotation and words of the writer's own
//! ("X said that C “…”") is indirect with the frame's content. A quotation without a cue of its
//! own (the second sentence of a long quotation) is left to `quotes[]`, which carries its
//! speaker over; a cue with nobody before or after it ("told reporters: …") gives none.

use std::ops::Range;

use super::claims::Frame;
use super::quotes::QuoteMatch;

/// One attribution found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributionMatch {
    /// Index into the article's sentences of the sentence that holds the cue.
    pub sentence: usize,
    /// Who asserts it, as written.
    pub source: Range<usize>,
    /// The speaking cue.
    pub cue: Range<usize>,
    /// What is asserted.
    pub content: Range<usize>,
    /// The named speaker to link to an entity: a mention, or what a pronoun points back to.
    pub speaker: Range<usize>,
    /// The content is a quotation and nothing else.
    pub direct: bool,
}

/// Merges `frames` (with their sentence index) and `quotes` into attributions.
pub fn collect_attributions(text: &str, frames: &[(usize, Frame)], quotes: &[QuoteMatch]) -> Vec<AttributionMatch> {
    let mut found: Vec<AttributionMatch> = Vec::with_capacity(frames.len() + quotes.len());
    let mut merged = vec![false; frames.len()];
    for quote in quotes {
        let (Some(source), Some(cue)) = (quote.source.clone(), quote.cue.clone()) else { continue };
        let frame = frames.iter().position(|(_, f)| overlaps(&f.cue, &cue));
        let mut attribution = AttributionMatch {
            sentence: quote.sentence,
            speaker: quote.speaker.clone().unwrap_or_else(|| source.clone()),
            source,
            cue,
            content: quote.range.clone(),
            direct: !quote.partial,
        };
        if let Some(k) = frame {
            merged[k] = true;
            let content = &frames[k].1.content;
            if content.start <= quote.range.start && quote.range.end <= content.end && has_own_words(text, content, &quote.range) {
                attribution.content = content.clone();
                attribution.direct = false;
            }
        }
        found.push(attribution);
    }
    for ((sentence, frame), _) in frames.iter().zip(&merged).filter(|(_, merged)| !**merged) {
        // A frame around a quotation that found no cue of its own repeats that quotation.
        if quotes.iter().any(|q| q.cue.is_some() && frame.content.start <= q.range.start && q.range.end <= frame.content.end) {
            continue;
        }
        found.push(AttributionMatch {
            sentence: *sentence,
            source: frame.source.clone(),
            cue: frame.cue.clone(),
            content: frame.content.clone(),
            speaker: frame.source.clone(),
            direct: false,
        });
    }
    found.sort_by_key(|a| (a.cue.start, a.content.start));
    found.dedup_by(|later, earlier| later.cue == earlier.cue);
    found
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `content` has letters or digits outside `quoted` other than quotation marks:
/// words of the writer's own around the quotation.
fn has_own_words(text: &str, content: &Range<usize>, quoted: &Range<usize>) -> bool {
    let outside = [content.start..quoted.start, quoted.end..content.end];
    outside.iter().any(|r| text.get(r.clone()).is_some_and(|piece| piece.chars().any(char::is_alphanumeric)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::claims::split_claims;
    use crate::extract::entities::find_mentions;
    use crate::extract::quotes::extract_quotes;

    /// (source, cue, content, direct) of every attribution in `text`, one sentence per line.
    fn attributions(text: &str) -> Vec<(&str, &str, &str, bool)> {
        let mut sentences = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            sentences.push(start..start + line.trim_end().len());
            start += line.len();
        }
        let frames: Vec<(usize, Frame)> = sentences
            .iter()
            .enumerate()
            .filter_map(|(k, r)| {
                let frame = split_claims(&text[r.clone()]).frame?;
                let shift = |x: Range<usize>| r.start + x.start..r.start + x.end;
                Some((k, Frame { source: shift(frame.source), cue: shift(frame.cue), content: shift(frame.content) }))
            })
            .collect();
        let mentions = find_mentions(text, &sentences);
        let quotes = extract_quotes(text, &sentences, &mentions);
        collect_attributions(text, &frames, &quotes)
            .into_iter()
            .map(|a| (&text[a.source], &text[a.cue], &text[a.content], a.direct))
            .collect()
    }

    #[test]
    fn indirect_speech_gives_source_cue_and_content() {
        assert_eq!(
            attributions("More than 6,000 people were moved out, the regional government said on Wednesday."),
            vec![("the regional government", "said", "More than 6,000 people were moved out", false)]
        );
        assert_eq!(
            attributions("On Tuesday, Mayor Ilse Varga has said that the dam was safe."),
            vec![("Mayor Ilse Varga", "has said", "the dam was safe.", false)]
        );
        assert_eq!(
            attributions("According to the city's emergency service, about 19% of Petrivka was under water."),
            vec![("the city's emergency service", "According to", "about 19% of Petrivka was under water.", false)]
        );
    }

    #[test]
    fn a_quotation_and_its_frame_are_one_direct_attribution() {
        assert_eq!(
            attributions("“We will rebuild every home,” Governor Oleksii Vashchenko told reporters."),
            vec![("Governor Oleksii Vashchenko", "told", "We will rebuild every home", true)]
        );
        assert_eq!(
            attributions("Sean Spicer, the White House press secretary, said: “The meeting was productive.”"),
            vec![("Sean Spicer, the White House press secretary", "said", "The meeting was productive.", true)]
        );
    }

    #[test]
    fn a_pronoun_is_the_written_source() {
        let found = attributions("Ilse Varga visited the dam.\n“The wall is holding,” she said.");
        assert_eq!(found, vec![("she", "said", "The wall is holding", true)]);
    }

    #[test]
    fn a_partial_quotation_in_indirect_speech_takes_the_frame_content() {
        let found = attributions("Ilse Varga said that the talks had been “very productive” for both sides.");
        assert_eq!(found, vec![("Ilse Varga", "said", "the talks had been “very productive” for both sides.", false)]);
    }
}
