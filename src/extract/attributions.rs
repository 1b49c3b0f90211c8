//! Attributions: who asserts what, in which words.
//!
//! In: an article's attribution frames ([`Frame`], at most one per sentence, from
//! [`super::claims`]) and its quotations ([`QuoteMatch`], with their cues and sources as
//! written, from [`super::quotes`]). Out: [`AttributionMatch`]es in text order, each a source,
//! a cue and a content span, byte ranges into the article's text.
//!
//! [`find_frames`] adds the frames the claim splitter leaves alone, because cutting them off
//! would cut a claim in two: a frame after a clause ("Polls closed, and officials said that C"),
//! a second frame in a sentence, and cues that are not speech ("a poll found that C", "critics
//! believe C", "CNN reported C"), from [`ATTRIBUTION_VERBS`].
//!
//! One statement is one attribution: a quotation and a frame with the same cue ("“C,” X said"
//! read both ways) are merged. The content is *direct* when it is a quotation and nothing else
//! ("X said: “C”"); a frame whose content holds a quotation and words of the writer's own
//! ("X said that C “…”") is indirect with the frame's content. A quotation without a cue of its
//! own (the second sentence of a long quotation) is left to `quotes[]`, which carries its
//! speaker over; a cue with nobody before or after it ("told reporters: …") gives none.

use std::ops::Range;

use super::claims::Frame;
use super::lexicon::{breaks_phrase, is_speech_verb, CLAUSE_WORDS, CUE_AUXILIARIES, MAX_SOURCE_WORDS, ROLE_NOUNS};
use super::quotes::QuoteMatch;
use super::times::WEEKDAYS;
use crate::read::chars::{first_bytes, starts_upper};
use crate::read::tokens::{self, Token};

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

/// Merges `frames` (with their sentence index) and `quotes` (in text order) into attributions.
pub fn collect_attributions(text: &str, frames: &[(usize, Frame)], quotes: &[QuoteMatch]) -> Vec<AttributionMatch> {
    let mut found: Vec<AttributionMatch> = Vec::with_capacity(frames.len() + quotes.len());
    let mut merged = vec![false; frames.len()];
    // Frames by cue, so that each quotation finds the frame with its cue by binary search; cues
    // are a few words, so a frame whose cue overlaps starts at most `longest` bytes before.
    let mut by_cue: Vec<usize> = (0..frames.len()).collect();
    by_cue.sort_by_key(|&k| (frames[k].1.cue.start, k));
    let longest = frames.iter().map(|(_, f)| f.cue.len()).max().unwrap_or(0);
    for quote in quotes {
        let (Some(source), Some(cue)) = (quote.source.clone(), quote.cue.clone()) else { continue };
        let from = by_cue.partition_point(|&k| frames[k].1.cue.start + longest <= cue.start);
        let frame = by_cue[from..].iter().take_while(|&&k| frames[k].1.cue.start < cue.end).copied().find(|&k| overlaps(&frames[k].1.cue, &cue));
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
        let first = quotes.partition_point(|q| q.range.start < frame.content.start);
        let inside = quotes[first..].iter().take_while(|q| q.range.start < frame.content.end);
        if inside.filter(|q| q.cue.is_some()).any(|q| q.range.end <= frame.content.end) {
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
    for attribution in &mut found {
        let tidy = tidy_source(text, attribution.source.clone());
        attribution.source = with_appositive(text, tidy, &attribution.cue);
    }
    found.sort_by_key(|a| (a.cue.start, a.content.start));
    found.dedup_by(|later, earlier| later.cue == earlier.cue);
    found
}

/// Words at the start of a source phrase that belong to the sentence, not the source ("But
/// he", "Then, in 2017, Kerry").
const LEADING_FILLERS: &[&str] = &["also", "and", "but", "however", "meanwhile", "now", "so", "still", "then", "yet"];

/// Words at the end of a source phrase that belong to the verb ("Gorka similarly", "Cook
/// declined to", "Mr. Ryan has repeatedly").
const TRAILING_FILLERS: &[&str] = &[
    "again", "also", "can't", "could", "declined", "did", "didn't", "does", "doesn't", "earlier", "first", "had",
    "has", "have", "initially", "is", "just", "later", "may", "might", "must", "necessarily", "never", "not", "now",
    "often", "only", "previously", "publicly", "recently", "reportedly", "repeatedly", "should", "similarly",
    "still", "then", "to", "was", "will", "won't", "would", "wouldn't",
];

/// Words that open a phrase before the source, up to a comma ("In a statement, the
/// ministry", "Pressed by reporters, Mr. Trump").
const PHRASE_OPENERS: &[&str] = &[
    "after", "asked", "at", "before", "during", "for", "from", "in", "on", "pressed", "speaking", "when", "while",
    "with",
];

/// Who speaks, without what belongs to the sentence around it: a dateline, fillers and an
/// opening phrase before it, adverbs, auxiliaries and a trailing phrase ("Trump, in
/// Kentucky", "The White House on Monday") after it; with an appositive's closing comma.
fn tidy_source(text: &str, source: Range<usize>) -> Range<usize> {
    let Some(piece) = text.get(source.clone()) else { return source };
    let mut start = piece.rfind(['—', '―']).map_or(0, |dash| dash + '—'.len_utf8());
    let words = tokens::words(piece);
    let mut first = words.partition_point(|w| w.range.start < start);
    let mut last = words.len();
    loop {
        while first < last && LEADING_FILLERS.contains(&words[first].norm.as_str()) {
            first += 1;
        }
        // An opening phrase that ends at a comma, when a source is left after it.
        let opens = first < last && PHRASE_OPENERS.contains(&words[first].norm.as_str());
        let comma = (first + 1..last).find(|&k| piece[words[k - 1].range.end..words[k].range.start].contains(','));
        match comma {
            Some(k) if opens => first = k,
            _ => break,
        }
    }
    while last > first + 1 && TRAILING_FILLERS.contains(&words[last - 1].norm.as_str()) {
        last -= 1;
    }
    // "Trump, in Kentucky", "The White House on Monday": a place or time after the source.
    if let Some(k) = (first + 1..last).rev().find(|&k| PHRASE_OPENERS.contains(&words[k].norm.as_str()) && words[k].norm != "for") {
        let gap = &piece[words[k - 1].range.end..words[k].range.start];
        let weekday = words.get(k + 1).is_some_and(|w| WEEKDAYS.contains(&w.norm.as_str()));
        if gap.contains(',') || weekday {
            last = k;
        }
    }
    if first >= last {
        return source;
    }
    start = source.start + words[first].range.start;
    let mut end = source.start + words[last - 1].range.end;
    // "Muhammad Babar, a spokesman for the Louisville Islamic Center, says": the comma that
    // closes the appositive is part of it.
    if text[start..end].contains(',') && text[end..].starts_with(',') {
        end += 1;
    }
    start..end
}

/// Most words in an appositive after a name.
const MAX_APPOSITIVE_WORDS: usize = 14;

/// `source` with the appositive after it, when there is one and it does not reach the cue:
/// "Robert Klein, chairman of the California Institute for Regenerative Medicine, said",
/// "…, said Laurence H. Tribe, professor of constitutional law at Harvard Law School."
fn with_appositive(text: &str, source: Range<usize>, cue: &Range<usize>) -> Range<usize> {
    let after = &text[source.end..];
    let Some(rest) = after.strip_prefix(", ") else { return source };
    let limit = if cue.start >= source.end { cue.start } else { text.len() };
    // An appositive is a short phrase: look a bounded way, so many attributions in one long
    // text stay linear.
    let rest = first_bytes(rest, 400);
    let window_end = source.end + 2 + rest.find(['\n', ';', ':', '“', '”', '"', '(']).unwrap_or(rest.len());
    let window = &text[source.end + 2..window_end.min(limit).max(source.end + 2)];
    let end_at = window.find(',').map(|comma| comma + 1).or_else(|| (cue.start < source.start).then(|| window.trim_end_matches(['.', ' ']).len()));
    let Some(end_at) = end_at else { return source };
    let segment = &window[..end_at];
    let words = tokens::words(segment);
    let opens = words.first().is_some_and(|w| {
        matches!(w.norm.as_str(), "a" | "an" | "the" | "who") || ROLE_NOUNS.contains(&w.norm.as_str())
    });
    let speaks = words.iter().any(|w| is_attribution_verb(&w.norm) && w.norm != "who");
    if !opens || speaks || words.len() > MAX_APPOSITIVE_WORDS || words.len() < 2 {
        return source;
    }
    source.start..source.end + 2 + end_at
}

/// Verbs that attribute a statement, a finding or a belief beyond speech verbs ("found",
/// "believe", "reported"); sorted (binary search). Only [`find_frames`] reads them, so
/// quotations and claims keep to speech.
const ATTRIBUTION_VERBS: &[&str] = &[
    "accuse", "accused", "accuses", "agree", "agreed", "agrees", "allege", "alleged", "alleges", "assert",
    "asserted", "asserts", "believe", "believed", "believes", "cited", "cites", "concluded", "concludes", "contend",
    "contended", "contends", "continued", "criticised", "criticized", "estimate", "estimated", "estimates", "expect",
    "expected", "expects", "fear", "feared", "fears", "feel", "feels", "felt", "find", "finds", "found", "hope",
    "hoped", "hopes", "indicate", "indicated", "indicates", "maintain", "maintained", "maintains", "mentioned",
    "note", "notes", "pledged", "proposed", "reckon", "reckons", "report", "reported", "reports", "reveal",
    "revealed", "reveals", "show", "showed", "shown", "shows", "signaled", "signalled", "suggest", "suggests",
    "think", "thinks", "thought", "wonder", "wondered", "wonders",
];

fn is_attribution_verb(word: &str) -> bool {
    (is_speech_verb(word) && !word.ends_with("ing")) || ATTRIBUTION_VERBS.binary_search(&word).is_ok()
}

/// Words that, right before a verb, show the phrase before it is not its subject: a passive
/// ("was asked"), an infinitive ("to say"), a negation or a modal ("did not respond", "can't
/// say"), or a verb of its own ("let's say").
const NOT_A_SUBJECT_END: &[&str] = &[
    "already", "am", "are", "be", "been", "being", "can", "can't", "cannot", "could", "couldn't", "did", "didn't",
    "do", "does", "doesn't", "don't", "is", "isn't", "let's", "may", "might", "must", "never", "not", "should",
    "to", "was", "wasn't", "were", "weren't", "won't", "wouldn't",
];

/// Verb forms that are as often nouns ("the inspection report", "a reality show"): a verb only
/// after a pronoun, a name or a plural ("polls show", "CNN reports").
const NOUN_FORMS: &[&str] = &[
    "estimate", "estimates", "fear", "fears", "find", "finds", "hope", "hopes", "note", "notes", "report", "reports",
    "show", "shows",
];

fn could_be_subject(text: &str, word: &Token) -> bool {
    matches!(word.norm.as_str(), "i" | "you" | "we" | "they" | "he" | "she" | "it" | "who")
        || starts_upper(&text[word.range.clone()])
        || (word.norm.ends_with('s') && !word.norm.ends_with("ss"))
}

/// Words after which a verb form is a noun ("the report", "his claims").
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "any", "at", "by", "every", "for", "from", "her", "his", "in", "into", "its", "my", "no", "of", "on",
    "our", "some", "the", "their", "these", "this", "those", "with", "your",
];

/// Fewest words in what is asserted.
const MIN_CONTENT_WORDS: usize = 3;

/// Every "S V (that) C" and "C, S V" frame of `sentence` outside quotation marks, byte ranges
/// into it, in text order.
pub fn find_frames(sentence: &str) -> Vec<Frame> {
    let words = tokens::words(sentence);
    let quoted = quoted_ranges(sentence);
    let is_quoted = |at: usize| quoted.iter().any(|q| q.start <= at && at < q.end);
    let mut frames = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let verb = &words[k];
        // "the show", "Editor's note", "in the hopes", "Without Fear": a noun, not a verb.
        let noun = k > 0
            && (starts_upper(&sentence[verb.range.clone()])
                || NOUN_MARKERS.contains(&words[k - 1].norm.as_str())
                || sentence[..words[k - 1].range.end].ends_with(['\'', '’'])
                || (NOUN_FORMS.contains(&verb.norm.as_str()) && !could_be_subject(sentence, &words[k - 1])));
        if !is_attribution_verb(&verb.norm) || noun || is_quoted(verb.range.start) {
            k += 1;
            continue;
        }
        let mut first = k;
        while first > 0 && CUE_AUXILIARIES.contains(&words[first - 1].norm.as_str()) {
            first -= 1;
        }
        let cue = words[first].range.start..verb.range.end;
        let Some(source) = subject_before(sentence, &words, first) else {
            k += 1;
            continue;
        };
        let before = content_before(sentence, &words, &source);
        // "C, S said on Tuesday in a statement": a short tail after a trailing frame is not what
        // is asserted.
        let tail = words.len() - k - 1;
        let trailing = before.is_some() && tail <= 6 && !words[k + 1..].iter().any(|w| w.norm == "that");
        let content = if trailing { before } else { content_after(sentence, &words, k).or(before) };
        if let Some(content) = content {
            frames.push(Frame { source: source.clone(), cue, content: content.clone() });
            // The content's own verbs belong to it ("officials said the report found …").
            while k < words.len() && words[k].range.start < content.end.max(verb.range.end) {
                k += 1;
            }
            continue;
        }
        k += 1;
    }
    frames
}

/// The subject phrase before `words[cue]`: back to a clause boundary, at most
/// [`MAX_SOURCE_WORDS`] words, and extended over a name in apposition ("Sean Spicer, the press
/// secretary,"); `None` when the word before the cue shows there is no subject there.
fn subject_before(text: &str, words: &[Token], cue: usize) -> Option<Range<usize>> {
    let last = cue.checked_sub(1)?;
    // "According to a 2029 inspection report seen by …": the verb is a noun's.
    let near = cue.saturating_sub(MAX_SOURCE_WORDS + 2);
    if words[near..cue].windows(2).any(|w| w[0].norm == "according" && w[1].norm == "to") {
        return None;
    }
    // "you agree to our use of cookies": the reader is addressed, not quoted.
    let addressed = words[last].norm == "you";
    if addressed || NOT_A_SUBJECT_END.contains(&words[last].norm.as_str()) || CLAUSE_WORDS.contains(&words[last].norm.as_str()) {
        return None;
    }
    let gap = |k: usize| &text[words[k].range.end..words[k + 1].range.start];
    // Between the subject and its verb only a closing appositive comma may stand.
    if breaks_phrase(gap(last)) && !gap(last).trim().eq(",") {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first + 1 < MAX_SOURCE_WORDS {
        let before = &words[first - 1];
        if breaks_phrase(gap(first - 1)) || CLAUSE_WORDS.contains(&before.norm.as_str()) || is_attribution_verb(&before.norm) {
            break;
        }
        first -= 1;
    }
    // "Sean Spicer, the White House press secretary, said", "X, who heads Y, said", "X,
    // speaking in Dublin, warned": the name before the comma.
    let apposed = matches!(words[first].norm.as_str(), "the" | "a" | "an" | "who") || words[first].norm.ends_with("ing");
    if first > 0 && gap(first - 1).trim() == "," && apposed {
        let mut name = first - 1;
        while name > 0 && !breaks_phrase(gap(name - 1)) && starts_upper(&text[words[name - 1].range.clone()]) && first - name < 4 {
            name -= 1;
        }
        if starts_upper(&text[words[name].range.clone()]) {
            first = name;
        }
    }
    Some(words[first].range.start..words[last].range.end)
}

/// "S said (to X) (that) C": what follows the verb `words[verb]`, when it is a clause.
fn content_after(text: &str, words: &[Token], verb: usize) -> Option<Range<usize>> {
    let mut start = verb + 1;
    // "told reporters that", "said on Tuesday that": a short object or time before "that".
    if let Some(that) = words.iter().skip(verb + 1).take(4).position(|w| w.norm == "that") {
        start = verb + 2 + that;
    } else if let Some(colon) = (verb + 1..words.len().min(verb + 5)).find(|&k| text[words[k - 1].range.end..words[k].range.start].contains(':')) {
        start = colon;
    }
    let rest = words.get(start..)?;
    if rest.len() < MIN_CONTENT_WORDS {
        return None;
    }
    let end = text.trim_end().trim_end_matches(['.', '!', '?']).len().max(rest[MIN_CONTENT_WORDS - 1].range.end);
    Some(rest[0].range.start..end)
}

/// "C, S said": the clause before the comma that opens the source phrase.
fn content_before(text: &str, words: &[Token], source: &Range<usize>) -> Option<Range<usize>> {
    let before = text[..source.start].trim_end();
    let comma = before.strip_suffix(',')?.trim_end();
    let start = text.len() - text.trim_start().len();
    let inside = words.iter().filter(|w| w.range.start >= start && w.range.end <= comma.len()).count();
    (inside >= MIN_CONTENT_WORDS).then_some(start..comma.len())
}

/// Byte ranges of `text` inside quotation marks: after an opening curly, low or angle mark up
/// to its closing mark, and between pairs of straight marks.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '„' | '«' | '"') => open = Some(at),
            (Some(start), '”' | '“' | '»' | '"') if at > start => {
                ranges.push(start..at + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(start..text.len());
    }
    ranges
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
            vec![("Sean Spicer, the White House press secretary,", "said", "The meeting was productive.", true)]
        );
    }

    #[test]
    fn attribution_verbs_are_sorted_for_binary_search() {
        assert!(ATTRIBUTION_VERBS.windows(2).all(|w| w[0] < w[1]), "{:?}", ATTRIBUTION_VERBS.windows(2).find(|w| w[0] >= w[1]));
    }

    #[test]
    fn the_reader_addressed_is_no_source() {
        assert_eq!(attributions("By using this site you agree to our use of cookies."), vec![]);
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
