//! Quotations and who said them.
//!
//! In: an article's text, the byte ranges of its readable sentences and the entity
//! mentions [`super::entities::find_mentions`] found in them. Out: one [`QuoteMatch`] per
//! quotation: the quoted words without the marks, the sentence where the quotation starts,
//! the speaker's name as written (or, for "he said", the person the pronoun points back
//! to) and whether it is a fragment inside indirect speech.
//!
//! Quote marks: straight `"…"`, curly `“…”`, low `„…“`, angle `«…»` and `‹…›`, and single
//! `‘…’`/`'…'` when they open before a word and close after one (so "aren’t" and "Trump’s"
//! stay apostrophes). Quotations nest (only the outermost is reported) and may run over
//! several sentences, but never over a line break: a double mark left open at the end of a
//! paragraph closes there when the next paragraph opens with a mark again (a quotation over
//! several paragraphs, news style: the next part then continues the speaker), and is dropped
//! otherwise.
//!
//! Speakers, in order of trust:
//! 1. a speaking verb before the quotation in the same sentence ("X said", "X told
//!    reporters aboard Y: …", "X warned that …", "X, speaking in Y, said: …", "according to
//!    X"); for a finite verb the closest name before it, skipping a parenthesis between
//!    commas; for a participle ("…, saying …") the name right before it ("with X
//!    responding") or else the clause's first name;
//! 2. a speaking verb after it ("“…,” X said", "“…,” said X", and for a quotation ending in
//!    "?" or "!", which ends its sentence, a verb among the next sentence's first four words:
//!    "“You think I'm going to change?” Trump asked reporters"); an unnamed source after the
//!    verb ("said the woman") is who spoke, as written;
//! 3. a colon right before it, with a name before the colon, or a paragraph before it that
//!    ends with one ("Cruz continued:", then the quotation as the next paragraph);
//! 4. the previous quotation's speaker, named or not, for a second quotation in the same
//!    sentence ("…,” but added there was still a “…”") or a quotation that makes up the next
//!    sentence.
//!
//! Names are preferred over unnamed subjects only when nothing unnamed stands between:
//! "a senior State Department official told reporters: …" has no speaker rather than the
//! State Department. Places never speak. "He"/"she" resolve to the later of the last
//! speaker and the last person who is a clause's subject, up to four sentences back, outside
//! quotations, skipping a person whose honorific or role word gives the other gender; else
//! the last person mentioned; when none is found the pronoun itself is the speaker.
//!
//! Decisions on non-speech: a quotation whose words are all capitalised ("Reverse Migration
//! Plan", a book title) is a name, not speech, and is skipped; one to three words with no
//! speaking verb around ("a trusted “closer”", scare quotes) are skipped; a quotation not
//! introduced by a colon, a comma or the start of a sentence and not itself a full sentence
//! ("called the meeting “productive”", "warned that “…”") is `partial`.

use std::cell::Cell;
use std::ops::Range;

use super::entities::MentionMatch;
use super::lexicon::{
    breaks_phrase, is_speech_verb, CLAUSE_WORDS, CUE_AUXILIARIES, MAX_SOURCE_WORDS, ROLE_NOUNS, TITLES, VERB_COMPANIONS,
};
use crate::read::chars::{first_bytes, is_apostrophe, is_hyphen, last_bytes, starts_upper, starts_with_possessive};
use crate::report::EntityKind;

/// A quotation found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    /// Byte range of the quoted words, without the quote marks (and without a trailing comma).
    pub range: Range<usize>,
    /// Index into the sentence ranges of the sentence where the quotation starts.
    pub sentence: usize,
    /// Byte range of the speaker's name as written, or of the mention a pronoun refers to.
    pub speaker: Option<Range<usize>>,
    /// Byte range of who speaks as the sentence writes it: the speaker's whole phrase
    /// ("Trump spokeswoman Hope Hicks", "Sean Spicer, the press secretary"), a pronoun or an
    /// unnamed subject ("a senior official"). `None` when no speaking cue was found here.
    pub source: Option<Range<usize>>,
    /// Byte range of the speaking cue: the verb with its auxiliaries ("has said"),
    /// "according to", or the colon before the quotation.
    pub cue: Option<Range<usize>>,
    /// True for a fragment inside indirect speech rather than a full quoted statement.
    pub partial: bool,
}

/// Finds the quotations in `sentences` (byte ranges into `text`) and their speakers.
/// `mentions` are the article's entity mentions, indexed against the same `sentences`.
pub fn extract_quotes(text: &str, sentences: &[Range<usize>], mentions: &[MentionMatch]) -> Vec<QuoteMatch> {
    let Some(sentences) = SentenceIndex::new(text, sentences) else { return Vec::new() };
    let spans = find_spans(text, sentences.first_start(), sentences.last_end());
    let mut mentions: Vec<&MentionMatch> =
        mentions.iter().filter(|m| text.get(m.range.clone()).is_some() && !m.range.is_empty()).collect();
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    let finder = SpeakerFinder { text, spans: &spans, mentions: &mentions, sentences: &sentences, last_speaker: Cell::new(None) };

    let mut quotes: Vec<QuoteMatch> = Vec::new();
    // The previous quotation, kept even when it was skipped as a fragment, for quotations
    // that continue it.
    let mut previous: Option<Previous> = None;
    for (index, span) in spans.iter().enumerate() {
        let Some(content) = content_range(text, span) else { continue };
        let Some(sentence) = sentences.containing(span.open.start).or_else(|| sentences.containing(content.start)) else {
            continue;
        };
        let quoted = &text[content.clone()];
        let sentence_start = sentences.range(sentence).start;
        let lead_start = index
            .checked_sub(1)
            .map(|p| spans[p].close.end)
            .filter(|&end| end > sentence_start && end <= span.open.start)
            .unwrap_or(sentence_start)
            .min(span.open.start);
        let lead = lead_start..span.open.start;
        let continued = previous
            .as_ref()
            .filter(|p| p.sentence == sentence || p.close_sentence + 1 == sentence || p.close_sentence == sentence);
        let inherited = continued.and_then(|p| p.speaker.clone());
        let inherited_source = continued.and_then(|p| p.source.clone());
        let same_sentence_speaker = previous.as_ref().filter(|p| p.sentence == sentence).and_then(|p| p.speaker.clone());

        let lead_is_empty = !text[lead.clone()].chars().any(char::is_alphanumeric);
        let mut attribution = if lead_is_empty { None } else { finder.lead_attribution(lead.clone(), same_sentence_speaker.clone()) };
        if attribution.is_none() {
            attribution = finder.trail_attribution(span, index);
        }
        if attribution.is_none() && !lead_is_empty && ends_with_colon(&text[lead.clone()]) {
            attribution = Some(finder.colon_attribution(lead.clone()));
        }
        // "Cruz continued:" closing the paragraph before, the quotation opening the next.
        if attribution.is_none() && lead_is_empty {
            let before = sentence.checked_sub(1).map(|k| sentences.range(k)).filter(|before| {
                ends_with_colon(&text[before.clone()])
                    && !text[before.end..sentence_start].is_empty()
                    && !finder.is_quoted(before.end.saturating_sub(1))
            });
            if let Some(before) = before {
                attribution = finder.lead_attribution(before.clone(), None).or_else(|| Some(finder.colon_attribution(before)));
            }
        }
        let continues = attribution.is_none() && lead_is_empty && starts_uppercase(quoted);
        if continues {
            // An unnamed speaker carries on too ("…,” the statement said. “…”).
            let source = inherited_source.filter(|_| inherited.is_none());
            attribution = Some(Found { speaker: inherited.clone(), source, ..Found::default() });
        }
        let close_sentence = sentences.containing(span.close.start).unwrap_or(sentence);

        let words = quoted.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let is_title = looks_like_title(quoted);
        let is_scare = words <= 3 && attribution.is_none();
        let Some(Found { speaker, source, cue }) = attribution else {
            previous = Some(Previous { sentence, close_sentence, speaker: None, source: None });
            if !is_scare && !is_title {
                quotes.push(QuoteMatch { range: content, sentence, speaker: None, source: None, cue: None, partial: true });
            }
            continue;
        };
        previous = Some(Previous { sentence, close_sentence, speaker: speaker.clone(), source: source.clone() });
        if let Some(named) = speaker.as_ref().filter(|r| finder.is_person_mention(r)) {
            finder.last_speaker.set(Some((named.start, named.end)));
        }
        if is_title {
            continue;
        }
        let introduced = lead_is_empty || introduced_by_punctuation(&text[lead.clone()]) || is_full_sentence(quoted);
        quotes.push(QuoteMatch { range: content, sentence, speaker, source, cue, partial: !introduced });
    }
    quotes
}

/// What a quotation leaves for the next one: where it stood and who spoke it.
struct Previous {
    /// The sentence it starts in.
    sentence: usize,
    /// The sentence it ends in.
    close_sentence: usize,
    /// Its speaker, as [`QuoteMatch::speaker`].
    speaker: Option<Range<usize>>,
    /// Who spoke it as written, as [`QuoteMatch::source`].
    source: Option<Range<usize>>,
}

// ---------------------------------------------------------------------------------------
// Quote marks
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “…”
    Curly,
    /// „…“ or „…”
    Low,
    /// "…"
    Straight,
    /// «…»
    Angle,
    /// ‹…›
    SingleAngle,
    /// ‘…’
    CurlySingle,
    /// '…'
    StraightSingle,
}

/// Double marks: a quotation in them may run on over a paragraph break.
const DOUBLE_MARKS: &[Mark] = &[Mark::Curly, Mark::Low, Mark::Straight, Mark::Angle];

/// A top-level quotation: the byte ranges of its opening and closing marks (empty at the end
/// of a paragraph when the quotation runs on into the next).
#[derive(Debug, Clone)]
struct Span {
    open: Range<usize>,
    close: Range<usize>,
}

/// Pairs quote marks in `text[from..to]`; only outermost pairs are returned, in order.
fn find_spans(text: &str, from: usize, to: usize) -> Vec<Span> {
    let Some(region) = text.get(from..to) else { return Vec::new() };
    let mut spans = Vec::new();
    let mut stack: Vec<(Mark, Range<usize>)> = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = region.char_indices().peekable();
    while let Some((local, c)) = chars.next() {
        let at = from + local;
        let mark = at..at + c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        let opens_here = previous.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«„\"'".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes_here = previous.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        match c {
            '\n' | '\r' | '\u{2029}' => {
                // A quotation that runs on into the next paragraph has no closing mark at the
                // end of this one, and the next opens with a mark again (news style): the
                // quotation ends with the paragraph.
                if let Some((outer, open)) = stack.first().filter(|(m, _)| DOUBLE_MARKS.contains(m)) {
                    let rest = region[local..].trim_start();
                    let reopens = match outer {
                        Mark::Straight => rest.starts_with('"'),
                        _ => rest.starts_with(['“', '„', '«']),
                    };
                    let end = from + region[..local].trim_end().len();
                    if reopens && end > open.end {
                        spans.push(Span { open: open.clone(), close: end..end });
                    }
                }
                stack.clear();
            }
            '“' if stack.last().is_some_and(|(m, _)| *m == Mark::Low) => close(&mut stack, &[Mark::Low], mark, &mut spans),
            // Copy typed or converted by hand mixes its marks: an opening mark where the
            // closing one belongs ("“Not yet,“ he said"), or a straight mark closing a curly
            // one and the other way round. Where a mark stands tells which it is.
            '“' if closes_here && !opens_here && stack.iter().any(|(m, _)| *m == Mark::Curly) => {
                close(&mut stack, &[Mark::Curly], mark, &mut spans)
            }
            '“' => stack.push((Mark::Curly, mark)),
            '”' => close(&mut stack, &[Mark::Curly, Mark::Low, Mark::Straight], mark, &mut spans),
            '„' => stack.push((Mark::Low, mark)),
            '«' => stack.push((Mark::Angle, mark)),
            '»' => close(&mut stack, &[Mark::Angle], mark, &mut spans),
            '‹' => stack.push((Mark::SingleAngle, mark)),
            '›' => close(&mut stack, &[Mark::SingleAngle], mark, &mut spans),
            '"' if stack.iter().any(|(m, _)| *m == Mark::Straight) => close(&mut stack, &[Mark::Straight], mark, &mut spans),
            '"' if closes_here && !opens_here && stack.iter().any(|(m, _)| matches!(m, Mark::Curly | Mark::Low)) => {
                close(&mut stack, &[Mark::Curly, Mark::Low], mark, &mut spans)
            }
            '"' if opens_here => stack.push((Mark::Straight, mark)),
            '‘' if previous.is_none_or(|p| !p.is_alphanumeric()) => stack.push((Mark::CurlySingle, mark)),
            '’' if closes_here && stack.iter().any(|(m, _)| *m == Mark::CurlySingle) => {
                close(&mut stack, &[Mark::CurlySingle], mark, &mut spans)
            }
            '\'' if closes_here && stack.iter().any(|(m, _)| *m == Mark::StraightSingle) => {
                close(&mut stack, &[Mark::StraightSingle], mark, &mut spans)
            }
            '\'' if opens_here && next.is_some_and(char::is_alphabetic) => stack.push((Mark::StraightSingle, mark)),
            _ => {}
        }
        previous = Some(c);
    }
    spans
}

/// Closes the innermost open mark of one of `kinds`, dropping marks opened inside it and
/// left open; records the pair when nothing but stray straight apostrophes encloses it.
fn close(stack: &mut Vec<(Mark, Range<usize>)>, kinds: &[Mark], mark: Range<usize>, spans: &mut Vec<Span>) {
    let Some(position) = stack.iter().rposition(|(m, _)| kinds.contains(m)) else { return };
    let open = stack[position].1.clone();
    stack.truncate(position);
    if stack.iter().all(|(m, _)| *m == Mark::StraightSingle) {
        stack.clear();
        spans.push(Span { open, close: mark });
    }
}

/// The quoted words: inside the marks, trimmed, without a trailing comma.
fn content_range(text: &str, span: &Span) -> Option<Range<usize>> {
    let inside = text.get(span.open.end..span.close.start)?;
    let trimmed_start = inside.trim_start();
    let start = span.open.end + (inside.len() - trimmed_start.len());
    let body = trimmed_start.trim_end().trim_end_matches(',').trim_end();
    if !body.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(start..start + body.len())
}

fn starts_uppercase(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
}

/// "Reverse Migration Plan", "One Hundred Years of Solitude": a name, not speech.
fn looks_like_title(quoted: &str) -> bool {
    if quoted.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let mut capitalised = 0;
    for word in quoted.split_whitespace() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        match word.chars().find(|c| c.is_alphabetic()) {
            Some(first) if first.is_uppercase() => capitalised += 1,
            Some(_) if letters > 3 => return false,
            _ => {}
        }
    }
    capitalised >= 2
}

/// Starts with a capital and ends like a sentence: a statement in its own right.
fn is_full_sentence(quoted: &str) -> bool {
    starts_uppercase(quoted) && quoted.ends_with(['.', '!', '?', '…']) && quoted.split_whitespace().count() >= 3
}

fn introduced_by_punctuation(lead: &str) -> bool {
    lead.trim_end().ends_with([':', ','])
}

fn ends_with_colon(lead: &str) -> bool {
    lead.trim_end().ends_with(':')
}

// ---------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------

/// Sentence ranges sorted by start, remembering their original indices.
struct SentenceIndex {
    sorted: Vec<(Range<usize>, usize)>,
    ranges: Vec<Range<usize>>,
}

impl SentenceIndex {
    fn new(text: &str, sentences: &[Range<usize>]) -> Option<Self> {
        let mut sorted: Vec<(Range<usize>, usize)> = sentences
            .iter()
            .cloned()
            .enumerate()
            .filter(|(_, r)| r.start < r.end && text.get(r.clone()).is_some())
            .map(|(i, r)| (r, i))
            .collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by_key(|(r, i)| (r.start, *i));
        Some(SentenceIndex { sorted, ranges: sentences.to_vec() })
    }

    fn first_start(&self) -> usize {
        self.sorted.first().map_or(0, |(r, _)| r.start)
    }

    fn last_end(&self) -> usize {
        self.sorted.iter().map(|(r, _)| r.end).max().unwrap_or(0)
    }

    /// Original index of the sentence containing byte `at`.
    fn containing(&self, at: usize) -> Option<usize> {
        let after = self.sorted.partition_point(|(r, _)| r.start <= at);
        let (range, index) = self.sorted.get(after.checked_sub(1)?)?;
        (at < range.end).then_some(*index)
    }

    fn range(&self, index: usize) -> Range<usize> {
        self.ranges.get(index).cloned().unwrap_or(0..0)
    }
}

// ---------------------------------------------------------------------------------------
// Speakers
// ---------------------------------------------------------------------------------------

/// A word outside quotation marks, with its lowercase form for matching.
struct WindowWord {
    range: Range<usize>,
    lower: String,
}

fn window_words(text: &str, window: Range<usize>) -> Vec<WindowWord> {
    let Some(slice) = text.get(window.clone()) else { return Vec::new() };
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = (is_apostrophe(c) || is_hyphen(c)) && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            words.push(WindowWord { range: window.start + s..window.start + i, lower: slice[s..i].to_lowercase() });
        }
    }
    if let Some(s) = start {
        words.push(WindowWord { range: window.start + s..window.end, lower: slice[s..].to_lowercase() });
    }
    words
}

/// Whether a pronoun names the speaker: `Some(true)` for "he"/"she" (resolve it),
/// `Some(false)` for pronouns that do not point at a person we track ("it", "they").
fn pronoun(word: &str) -> Option<bool> {
    match word {
        "he" | "she" => Some(true),
        "it" | "they" | "we" | "i" | "you" => Some(false),
        _ => None,
    }
}

/// What the words around a quotation say about who speaks. Found at all means a speaking cue
/// (or a continued quotation) was there, even when no speaker is named.
#[derive(Debug, Clone, Default)]
struct Found {
    /// The named speaker: a mention, or the mention a pronoun points back to.
    speaker: Option<Range<usize>>,
    /// Who speaks as written (see [`QuoteMatch::source`]).
    source: Option<Range<usize>>,
    /// The speaking cue (see [`QuoteMatch::cue`]).
    cue: Option<Range<usize>>,
}

/// `None` when no speaking cue was found.
type Attribution = Option<Found>;

/// The subject of a speaking verb as [`SpeakerFinder::pronoun_before`] reads it.
enum PronounSubject {
    /// "he"/"she": the pronoun and the person it points back to (or the pronoun itself).
    Person { pronoun: Range<usize>, speaker: Range<usize> },
    /// "they", "it", "we": someone we do not track.
    Other(Range<usize>),
}

/// How far before and after a name `is_subject` reads, in bytes.
const SUBJECT_LOOK_BACK: usize = 120;

/// How many sentences back "he" or "she" may point.
const PRONOUN_SENTENCES: usize = 4;

struct SpeakerFinder<'a> {
    text: &'a str,
    spans: &'a [Span],
    mentions: &'a [&'a MentionMatch],
    sentences: &'a SentenceIndex,
    /// The person who spoke last, as a mention's byte range: what "he said" most often points to.
    last_speaker: Cell<Option<(usize, usize)>>,
}

impl SpeakerFinder<'_> {
    /// Looks for a speaking cue between the start of the clause and the quotation.
    fn lead_attribution(&self, lead: Range<usize>, same_sentence_speaker: Option<Range<usize>>) -> Attribution {
        let words = window_words(self.text, lead.clone());
        if let Some(k) = words.windows(2).rposition(|w| w[0].lower == "according" && w[1].lower == "to") {
            let after = words[k + 1].range.end;
            if let Some(m) = self.first_candidate(after..lead.end) {
                let source = self.source_after(&m, after, lead.end);
                return Some(Found { speaker: Some(m), source: Some(source), cue: Some(words[k].range.start..words[k + 1].range.end) });
            }
        }
        let v = words.iter().rposition(|w| is_speech_verb(&w.lower))?;
        let verb = &words[v];
        let cue = Some(cue_range(&words, v));
        let cue_start = cue.as_ref().map_or(verb.range.start, |c| c.start);
        if verb.lower.ends_with("ing") {
            let speaker = self.participle_subject(&words, v, lead.start, same_sentence_speaker);
            let source = speaker.as_ref().filter(|m| m.end <= verb.range.start).map(|m| self.source_before(Some(m), lead.start, cue_start));
            return Some(Found { speaker, source: source.flatten(), cue });
        }
        if let Some(subject) = self.pronoun_before(&words, v) {
            return Some(subject.found(cue));
        }
        let subject = self
            .parenthesised_subject(lead.start, verb.range.start)
            .or_else(|| self.unnamed_or_closest(lead.start..verb.range.start));
        match subject {
            Some(speaker) => {
                let source = self.source_before(speaker.as_ref(), lead.start, cue_start);
                Some(Found { speaker, source, cue })
            }
            None => {
                let after = self.first_candidate(verb.range.end..lead.end);
                match (same_sentence_speaker, after) {
                    (Some(speaker), _) => Some(Found { speaker: Some(speaker), source: None, cue }),
                    (None, Some(m)) => {
                        let source = self.source_after(&m, verb.range.end, lead.end);
                        Some(Found { speaker: Some(m), source: Some(source), cue })
                    }
                    (None, None) => Some(Found { speaker: None, source: None, cue }),
                }
            }
        }
    }

    /// "“…,” X said", "“…,” said X", "“…” insists X", "“…,” according to X".
    fn trail_attribution(&self, span: &Span, index: usize) -> Attribution {
        let sentence_end = self
            .sentences
            .containing(span.close.start)
            .map_or(span.close.end, |s| self.sentences.range(s).end.max(span.close.end));
        let next_open = self.spans.get(index + 1).map_or(usize::MAX, |n| n.open.start);
        let mut trail = span.close.end..sentence_end.min(next_open).max(span.close.end);
        let mut words = window_words(self.text, trail.clone());
        // A quotation ending in "?" or "!" ends its sentence for the splitter, and the verb
        // opens the next one ("“You think I'm going to change?” Trump asked reporters").
        let asks = self.text[..span.open.end.max(span.close.start)].trim_end().ends_with(['?', '!']);
        if words.is_empty() && asks && !self.text[trail.end..].starts_with(['\n', '\r']) {
            let after = trail.end + (self.text[trail.end..].len() - self.text[trail.end..].trim_start_matches([' ', '\t']).len());
            if let Some(next) = self.sentences.containing(after).map(|k| self.sentences.range(k)).filter(|next| next.start >= trail.end) {
                let next = next.start..next.end.min(next_open);
                let opening = window_words(self.text, next.clone());
                if opening.iter().take(4).any(|w| is_speech_verb(&w.lower)) {
                    trail = next;
                    words = opening;
                }
            }
        }
        let words = &words[..words.len().min(12)];
        if words.len() >= 2 && words[0].lower == "according" && words[1].lower == "to" {
            let cue = Some(words[0].range.start..words[1].range.end);
            let speaker = self.first_candidate(words[1].range.end..trail.end);
            let source = speaker.as_ref().map(|m| self.source_after(m, words[1].range.end, trail.end));
            return Some(Found { speaker, source, cue });
        }
        let v = words.iter().take(10).position(|w| is_speech_verb(&w.lower))?;
        let verb = &words[v];
        let cue = Some(cue_range(words, v));
        if v == 0 {
            if let Some(next) = words.get(1) {
                if pronoun(&next.lower) == Some(true) {
                    let speaker = self.resolve_pronoun(next.range.clone());
                    return Some(Found { speaker: Some(speaker), source: Some(next.range.clone()), cue });
                }
            }
            let speaker = self.first_candidate(verb.range.end..trail.end);
            // "…,” said the woman, who …": an unnamed source is who spoke, as written.
            let source = match &speaker {
                Some(m) => Some(self.source_after(m, verb.range.end, trail.end)),
                None => {
                    let end = self.phrase_end_after(verb.range.end, trail.end);
                    window_words(self.text, verb.range.end..end).first().map(|w| w.range.start..end)
                }
            };
            return Some(Found { speaker, source, cue });
        }
        if let Some(subject) = self.pronoun_before(words, v) {
            return Some(subject.found(cue));
        }
        let cue_start = cue.as_ref().map_or(verb.range.start, |c| c.start);
        let speaker = self.unnamed_or_closest(trail.start..verb.range.start).unwrap_or(None);
        let source = self.source_before(speaker.as_ref(), trail.start, cue_start);
        Some(Found { speaker, source, cue })
    }

    /// "X told reporters aboard Air Force One: …" without a speaking verb found: the name
    /// before the colon speaks, and the colon is the cue.
    fn colon_attribution(&self, lead: Range<usize>) -> Found {
        let speaker = self.best_candidate(lead.clone(), true);
        let colon = self.text[lead.clone()].rfind(':').map(|at| lead.start + at..lead.start + at + 1);
        let source = speaker.as_ref().and_then(|m| {
            let end = self.phrase_end_after(m.start, lead.end);
            self.source_before(Some(m), lead.start, end)
        });
        Found { speaker, source, cue: colon }
    }

    /// Who speaks as written, for a subject that ends at `end` (the cue's start): the phrase
    /// before the cue when it holds the named speaker, extended back over a name in
    /// apposition ("Sean Spicer, the press secretary,"); else the named speaker's mention.
    fn source_before(&self, speaker: Option<&Range<usize>>, floor: usize, end: usize) -> Option<Range<usize>> {
        let phrase = self.phrase_before(floor, end);
        let Some(m) = speaker else { return phrase };
        let Some(phrase) = phrase else { return Some(m.clone()) };
        if phrase.start <= m.start && m.end <= phrase.end {
            return Some(phrase);
        }
        let between = self.text.get(m.end..phrase.start).unwrap_or("");
        if m.end <= phrase.start && between.trim() == "," {
            let name = self.phrase_before(floor, m.end).filter(|p| p.start <= m.start).unwrap_or_else(|| m.clone());
            return Some(name.start..phrase.end);
        }
        Some(m.clone())
    }

    /// Who speaks as written, for a speaker named after the cue ("said Kremlin spokesman X",
    /// "according to the city's emergency service").
    fn source_after(&self, speaker: &Range<usize>, from: usize, limit: usize) -> Range<usize> {
        let end = self.phrase_end_after(from, limit);
        if end >= speaker.end {
            let start = window_words(self.text, from..end).first().map_or(speaker.start, |w| w.range.start);
            return start.min(speaker.start)..end;
        }
        speaker.clone()
    }

    /// The words before `end`, back to a clause boundary, at most [`MAX_SOURCE_WORDS`], without
    /// the words that may stand between a subject and its verb ("has also").
    fn phrase_before(&self, floor: usize, end: usize) -> Option<Range<usize>> {
        let words = window_words(self.text, floor..end);
        let mut last = words.len();
        while last > 0 && VERB_COMPANIONS.contains(&words[last - 1].lower.as_str()) {
            last -= 1;
        }
        let mut first = last;
        while first > 0 && last - first < MAX_SOURCE_WORDS {
            let word = &words[first - 1];
            if CLAUSE_WORDS.contains(&word.lower.as_str()) || word.lower == "who" || is_speech_verb(&word.lower) {
                break;
            }
            // The gap after the phrase's last word may close an appositive ("…, the press
            // secretary, said"); a break inside the phrase ends it.
            if first < last && breaks_phrase(&self.text[word.range.end..words[first].range.start]) {
                break;
            }
            first -= 1;
        }
        (first < last).then(|| words[first].range.start..words[last - 1].range.end)
    }

    /// Where a phrase that starts at `from` ends: before the first clause boundary, a
    /// preposition other than "of", or after [`MAX_SOURCE_WORDS`] words.
    fn phrase_end_after(&self, from: usize, limit: usize) -> usize {
        let words = window_words(self.text, from..limit);
        let mut end = from;
        for (k, word) in words.iter().enumerate().take(MAX_SOURCE_WORDS) {
            let gap_start = if k == 0 { from } else { words[k - 1].range.end };
            let stops = (k > 0 && breaks_phrase(&self.text[gap_start..word.range.start]))
                || CLAUSE_WORDS.contains(&word.lower.as_str())
                || word.lower == "who"
                || (word.lower != "of" && PREPOSITIONS.contains(&word.lower.as_str()))
                || is_speech_verb(&word.lower);
            if stops {
                break;
            }
            end = word.range.end;
        }
        end
    }

    /// The subject of "…, saying": the name right before the participle ("with X
    /// responding"), else the clause's first name, else the previous quotation's speaker.
    fn participle_subject(
        &self,
        words: &[WindowWord],
        v: usize,
        clause_start: usize,
        same_sentence_speaker: Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        let verb_start = words[v].range.start;
        let right_before = self
            .candidates(clause_start..verb_start)
            .filter(|m| self.text[m.range.end..verb_start].trim().is_empty())
            .last();
        if let Some(m) = right_before {
            return Some(m.range.clone());
        }
        if v > 0 && ANONYMOUS_SUBJECTS.contains(&words[v - 1].lower.as_str()) {
            return None;
        }
        if let Some(subject) = self.pronoun_before(words, v) {
            return match subject {
                PronounSubject::Person { speaker, .. } => Some(speaker),
                PronounSubject::Other(_) => None,
            };
        }
        // "X has delivered a defense of “…,” saying …": the sentence's subject, before a
        // quotation that ended the clause.
        let sentence_start = self.sentences.containing(verb_start).map_or(clause_start, |s| self.sentences.range(s).start);
        self.best_candidate(clause_start..verb_start, false)
            .or(same_sentence_speaker)
            .or_else(|| self.best_candidate(sentence_start..clause_start, false).filter(|_| sentence_start < clause_start))
    }

    /// "he said", "she has also warned", "they said": the pronoun subject of the verb, if any.
    fn pronoun_before(&self, words: &[WindowWord], v: usize) -> Option<PronounSubject> {
        let mut k = v;
        while k > 0 {
            k -= 1;
            let word = &words[k];
            if VERB_COMPANIONS.contains(&word.lower.as_str()) {
                continue;
            }
            return match pronoun(&word.lower) {
                Some(true) => Some(PronounSubject::Person { pronoun: word.range.clone(), speaker: self.resolve_pronoun(word.range.clone()) }),
                Some(false) => Some(PronounSubject::Other(word.range.clone())),
                None => None,
            };
        }
        None
    }

    /// "X, speaking in Y, said": the name before the parenthesis between commas.
    fn parenthesised_subject(&self, clause_start: usize, verb_start: usize) -> Option<Option<Range<usize>>> {
        let before = self.text.get(clause_start..verb_start)?.trim_end();
        let inner = before.strip_suffix(',')?;
        let opening = inner.rfind(',')?;
        let limit = clause_start + opening;
        self.best_candidate(clause_start..limit, true).map(Some)
    }

    /// The closest name before `window.end`, unless an unnamed subject ("an official")
    /// stands between it and the verb; `None` when there is neither.
    fn unnamed_or_closest(&self, window: Range<usize>) -> Option<Option<Range<usize>>> {
        let words = window_words(self.text, window.clone());
        let last_unnamed = words.iter().rposition(|w| ANONYMOUS_SUBJECTS.contains(&w.lower.as_str()));
        let named = self.best_candidate(window, true);
        match (named, last_unnamed) {
            (Some(m), Some(u)) if words[u].range.start >= m.end => Some(None),
            (Some(m), _) => Some(Some(m)),
            (None, Some(_)) => Some(None),
            (None, None) => None,
        }
    }

    /// The best subject in `window`: people first, then unknown names, then organisations;
    /// within a tier the closest to the end (`closest`) or the first. Names after a
    /// preposition ("travelling with Minister X") are objects and never chosen.
    fn best_candidate(&self, window: Range<usize>, closest: bool) -> Option<Range<usize>> {
        let mut best: Option<(u8, &MentionMatch)> = None;
        for m in self.candidates(window).filter(|m| !self.follows_preposition(m.range.start)) {
            let tier = speaker_tier(m.kind);
            let better = match best {
                None => true,
                Some((t, _)) => tier < t || (tier == t && closest),
            };
            if better {
                best = Some((tier, m));
            }
        }
        best.map(|(_, m)| m.range.clone())
    }

    /// The first name after a verb ("said Kremlin spokesman X"): a person if there is one
    /// within a few words, else the first name that is not a place.
    fn first_candidate(&self, window: Range<usize>) -> Option<Range<usize>> {
        let near = window.start..window.end.min(window.start.saturating_add(80));
        let mut candidates = self.candidates(near);
        let first = candidates.next()?;
        if first.kind == EntityKind::Person {
            return Some(first.range.clone());
        }
        candidates.find(|m| m.kind == EntityKind::Person).map_or(Some(first.range.clone()), |m| Some(m.range.clone()))
    }

    /// Mentions inside `window` that could speak: not places, not possessives, not quoted.
    fn candidates(&self, window: Range<usize>) -> impl Iterator<Item = &MentionMatch> + '_ {
        let from = self.mentions.partition_point(|m| m.range.start < window.start);
        self.mentions[from..]
            .iter()
            .copied()
            .take_while(move |m| m.range.end <= window.end)
            .filter(|m| m.kind != EntityKind::Place && !self.is_possessive(m) && !self.is_quoted(m.range.start))
    }

    /// Whether the name starting at `at` is the object of a preposition, looking back over
    /// its title ("with Minister X", "of Delta House").
    fn follows_preposition(&self, at: usize) -> bool {
        let before = self.text.get(..at).unwrap_or("");
        let mut words = before
            .rsplit(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty());
        for word in words.by_ref().take(6) {
            if word.ends_with([',', ';', ':', '.', '“', '"', '”']) {
                return false;
            }
            let lower = word.to_lowercase();
            if TITLES.contains(&word) || ROLE_NOUNS.contains(&lower.as_str()) || starts_upper(word) {
                continue;
            }
            return PREPOSITIONS.contains(&lower.as_str());
        }
        false
    }

    fn is_possessive(&self, m: &MentionMatch) -> bool {
        let after = self.text.get(m.range.end..).unwrap_or("");
        starts_with_possessive(after)
    }

    fn is_quoted(&self, at: usize) -> bool {
        let after = self.spans.partition_point(|s| s.open.start < at);
        after > 0 && at < self.spans[after - 1].close.start
    }

    /// Whether `range` is a person's mention (not a pronoun left unresolved).
    fn is_person_mention(&self, range: &Range<usize>) -> bool {
        let at = self.mentions.partition_point(|m| m.range.start < range.start);
        self.mentions.get(at).is_some_and(|m| m.range == *range && m.kind != EntityKind::Place && m.kind != EntityKind::Organization)
    }

    /// Who "he"/"she" at `pronoun` points back to, looking up to [`PRONOUN_SENTENCES`]
    /// sentences back, outside quotations: the later of the last speaker and the last person
    /// who is a clause's subject ("Ryan said Obama has …" makes Ryan, not Obama, the "he"
    /// that follows); else the last person mentioned; never a person whose honorific or role
    /// word gives the other gender. Else the pronoun itself.
    fn resolve_pronoun(&self, pronoun: Range<usize>) -> Range<usize> {
        let female = self.text.get(pronoun.clone()).is_some_and(|w| w.eq_ignore_ascii_case("she"));
        let here = self.sentences.containing(pronoun.start);
        let earliest = here.and_then(|s| {
            let position = self.sentences.sorted.iter().position(|(_, i)| *i == s)?;
            Some(self.sentences.sorted[position.saturating_sub(PRONOUN_SENTENCES)].0.start)
        });
        let before = self.mentions.partition_point(|m| m.range.start < pronoun.start);
        let people: Vec<&MentionMatch> = self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| earliest.is_none_or(|e| m.range.start >= e))
            .filter(|m| m.kind == EntityKind::Person || m.kind == EntityKind::Other)
            .filter(|m| m.range.end <= pronoun.start && !self.is_quoted(m.range.start) && !self.is_possessive(m))
            .filter(|m| self.gender_of(m).is_none_or(|g| g == female))
            .copied()
            .collect();
        let subject = people.iter().find(|m| self.is_subject(m)).map(|m| m.range.clone());
        let speaker = self
            .last_speaker
            .get()
            .map(|(start, end)| start..end)
            .filter(|r| earliest.is_none_or(|e| r.start >= e) && r.end <= pronoun.start)
            .filter(|r| people.iter().any(|m| self.text[m.range.clone()] == self.text[r.clone()]) || people.is_empty());
        let later = match (speaker, subject) {
            (Some(a), Some(b)) => Some(if a.start >= b.start { a } else { b }),
            (a, b) => a.or(b),
        };
        later
            .or_else(|| people.iter().find(|m| m.kind == EntityKind::Person).map(|m| m.range.clone()))
            .unwrap_or(pronoun)
    }

    /// Whether a mention is the subject of its clause: first in its sentence or after a
    /// comma (titles and role words aside), or right before a verb of speech.
    fn is_subject(&self, m: &MentionMatch) -> bool {
        let Some(sentence) = self.sentences.containing(m.range.start) else { return false };
        // A subject opens its clause within a few words: look back a bounded way.
        let bounds = self.sentences.range(sentence);
        let start = m.range.start - last_bytes(&self.text[bounds.start..m.range.start], SUBJECT_LOOK_BACK).len();
        let before = window_words(self.text, start..m.range.start);
        let clause_start = before
            .iter()
            .rposition(|w| self.text[..w.range.start].trim_end().ends_with([',', ';', ':']))
            .unwrap_or(0);
        let opens_clause = before[clause_start..].iter().all(|w| {
            let written = &self.text[w.range.clone()];
            TITLES.contains(&written) || ROLE_NOUNS.contains(&w.lower.as_str()) || starts_upper(written) || w.lower == "the"
        });
        let after_end = m.range.end + first_bytes(&self.text[m.range.end..bounds.end.max(m.range.end)], SUBJECT_LOOK_BACK).len();
        let after = window_words(self.text, m.range.end..after_end);
        let speaks = after.iter().find(|w| !VERB_COMPANIONS.contains(&w.lower.as_str())).is_some_and(|w| is_speech_verb(&w.lower));
        opens_clause || speaks
    }

    /// The gender an honorific or a gendered role word right before the mention gives:
    /// `Some(true)` for female, `Some(false)` for male.
    fn gender_of(&self, m: &MentionMatch) -> Option<bool> {
        let before = self.text.get(..m.range.start)?.trim_end();
        let word = before.rsplit(|c: char| c.is_whitespace()).next()?.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        match word.to_lowercase().as_str() {
            "mrs." | "mrs" | "ms." | "ms" | "miss" | "madam" | "spokeswoman" | "congresswoman" | "chairwoman" | "businesswoman" | "queen" | "princess" | "lady" | "dame" | "wife" | "mother" | "daughter" | "sister" | "actress" => Some(true),
            "mr." | "mr" | "spokesman" | "congressman" | "chairman" | "businessman" | "king" | "prince" | "lord" | "sir" | "husband" | "father" | "son" | "brother" | "actor" => Some(false),
            _ => None,
        }
    }
}

impl PronounSubject {
    fn found(self, cue: Option<Range<usize>>) -> Found {
        match self {
            PronounSubject::Person { pronoun, speaker } => Found { speaker: Some(speaker), source: Some(pronoun), cue },
            PronounSubject::Other(pronoun) => Found { speaker: None, source: Some(pronoun), cue },
        }
    }
}

/// The speaking verb `words[v]` with the auxiliaries right before it ("has said", "had
/// also warned").
fn cue_range(words: &[WindowWord], v: usize) -> Range<usize> {
    let mut first = v;
    while first > 0 && CUE_AUXILIARIES.contains(&words[first - 1].lower.as_str()) {
        first -= 1;
    }
    words[first].range.start..words[v].range.end
}

fn speaker_tier(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 2,
        _ => 1,
    }
}

/// Prepositions whose object is not the subject of the clause.
const PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "alongside", "among", "at", "before", "behind", "between", "by", "for", "from",
    "including", "into", "like", "of", "on", "over", "than", "to", "toward", "towards", "under", "via", "with",
    "without",
];

/// Unnamed subjects that speak in news copy ("an official said", "sources told").
const ANONYMOUS_SUBJECTS: &[&str] = &[
    "aide", "aides", "analyst", "analysts", "commentators", "critics", "diplomat", "diplomats", "expert", "experts",
    "lawmakers", "observers", "official", "officials", "people", "residents", "source", "sources", "spokesman",
    "spokesperson", "spokeswoman", "witnesses",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::find_mentions;

    /// Splits invented test text at line breaks and at ". " after a lowercase letter.
    fn sentences_of(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            let boundary = bytes[i] == b'\n'
                || (i >= 2 && bytes[i - 1] == b' ' && matches!(bytes[i - 2], b'.' | b'!' | b'?') && bytes[i].is_ascii_uppercase())
                || (i >= 5
                    && bytes[i - 1] == b' '
                    && text.get(i - 4..i - 1) == Some("”")
                    && matches!(bytes[i - 5], b'.' | b'!' | b'?')
                    && bytes[i].is_ascii_uppercase());
            if boundary {
                if !text[start..i].trim().is_empty() {
                    let s = &text[start..i];
                    out.push(start + (s.len() - s.trim_start().len())..start + s.trim_end().len());
                }
                start = i;
            }
        }
        let s = &text[start..];
        if !s.trim().is_empty() {
            out.push(start + (s.len() - s.trim_start().len())..start + s.trim_end().len());
        }
        out
    }

    /// (quoted words, speaker as written, partial)
    fn run(text: &str) -> Vec<(String, Option<String>, bool)> {
        let sentences = sentences_of(text);
        let mentions = find_mentions(text, &sentences);
        extract_quotes(text, &sentences, &mentions)
            .into_iter()
            .map(|q| (text[q.range].to_string(), q.speaker.map(|s| text[s].to_string()), q.partial))
            .collect()
    }

    fn q(words: &str, speaker: Option<&str>, partial: bool) -> (String, Option<String>, bool) {
        (words.to_string(), speaker.map(str::to_string), partial)
    }

    #[test]
    fn attributes_speakers() {
        type Expected = &'static [(&'static str, Option<&'static str>, bool)];
        let cases: &[(&str, Expected)] = &[
            ("Mayor Lena Ortiz said, “The bridge will reopen.”", &[("The bridge will reopen.", Some("Lena Ortiz"), false)]),
            ("“The bridge will reopen,” Mayor Lena Ortiz said on Friday.", &[("The bridge will reopen", Some("Lena Ortiz"), false)]),
            ("“We are done,” said harbour spokesman Piet Aalders.", &[("We are done", Some("Piet Aalders"), false)]),
            (
                "Engineer Tove Lind told reporters aboard the Nordic Star ferry: “Repairs take a week.”",
                &[("Repairs take a week.", Some("Tove Lind"), false)],
            ),
            (
                "Council spokesman Arvid Brun confirmed the closure, stating that “safety comes first.”",
                &[("safety comes first.", Some("Arvid Brun"), true)],
            ),
            (
                "Governor Ines Falk, speaking in Tromsø, warned: “Storms will return.”",
                &[("Storms will return.", Some("Ines Falk"), false)],
            ),
            (
                "Adviser Omar Haddad called the meeting “productive” while engineer Rosa Lind described it as “tense, slow,” but added there was “a lot of work” left.",
                &[("productive", Some("Omar Haddad"), true), ("tense, slow", Some("Rosa Lind"), true), ("a lot of work", Some("Rosa Lind"), true)],
            ),
            (
                "Premier Karl Moen met the unions.\nLater, he warned that “strikes will hurt everyone.”",
                &[("strikes will hurt everyone.", Some("Karl Moen"), true)],
            ),
            (
                "The dam held, according to site manager Ruth Okafor: “We were lucky.”",
                &[("We were lucky.", Some("Ruth Okafor"), false)],
            ),
            (
                "Senator Ada Varga continued:\n“The questions asked tonight show why nobody trusts the moderators.”",
                &[("The questions asked tonight show why nobody trusts the moderators.", Some("Ada Varga"), false)],
            ),
            (
                "“You think I am going to change?” Mayor Lena Ortiz asked reporters on Tuesday.",
                &[("You think I am going to change?", Some("Lena Ortiz"), false)],
            ),
            ("Ruth Okafor of Delta House argued, “Nobody listened.”", &[("Nobody listened.", Some("Ruth Okafor"), false)]),
            (
                "A senior ministry official travelling with Minister Jan Berg told reporters: “Nothing is agreed.”",
                &[("Nothing is agreed.", None, false)],
            ),
            (
                "He is seen as a trusted “fixer” by the board.\nThe author wrote “One Hundred Rainy Days” in a month.",
                &[],
            ),
            (
                "“I love boats!” insists Nils Gran. “I really do.”",
                &[("I love boats!", Some("Nils Gran"), false), ("I really do.", Some("Nils Gran"), false)],
            ),
            (
                "Nils Gran waved at the crowd, with Tove Lind replying, ‘It’s a fine day.’",
                &[("It’s a fine day.", Some("Tove Lind"), false)],
            ),
            ("«Nous sommes prêts», a dit Claire Dubois.", &[("Nous sommes prêts", None, false)]),
        ];
        for (text, expected) in cases {
            let want: Vec<_> = expected.iter().map(|(w, s, p)| q(w, *s, *p)).collect();
            assert_eq!(run(text), want, "{text}");
        }
    }

    #[test]
    fn an_unnamed_source_after_the_verb_speaks_and_carries_on() {
        let text = "“We will rebuild,” said the woman, who asked not to be named.\n“Nobody warned us.”\nThe council met on Friday.";
        let sentences = sentences_of(text);
        let quotes = extract_quotes(text, &sentences, &find_mentions(text, &sentences));
        let sources: Vec<Option<&str>> = quotes.iter().map(|q| q.source.clone().map(|r| &text[r])).collect();
        assert_eq!(sources, [Some("the woman"), Some("the woman")]);
        assert!(quotes.iter().all(|q| q.speaker.is_none()), "no name to link");
    }

    #[test]
    fn he_and_she_point_back_to_the_speaker_or_the_subject_of_the_right_gender() {
        type Expected = &'static [(&'static str, Option<&'static str>, bool)];
        let cases: &[(&str, Expected)] = &[
            // The subject, not the person named after the verb.
            (
                "Senator Dana Ryan visited the plant.\nRyan said Governor Piet Obama had never listened.\nHe says, “We will keep fighting.”",
                &[("We will keep fighting.", Some("Ryan"), false)],
            ),
            // The last speaker, after a long quotation that names others.
            (
                "Senator Lena Graham said, “I met Governor Piet Obama and Mayor Ruth Okafor today.”\nShe continued, “They will help.”",
                &[("I met Governor Piet Obama and Mayor Ruth Okafor today.", Some("Lena Graham"), false), ("They will help.", Some("Lena Graham"), false)],
            ),
            // An honorific of the other gender rules a person out.
            (
                "Mrs. Ines Falk met Mr. Karl Moen in the capital.\n“We agreed on the budget,” she said.",
                &[("We agreed on the budget", Some("Ines Falk"), false)],
            ),
        ];
        for (text, expected) in cases {
            let want: Vec<_> = expected.iter().map(|(w, s, p)| q(w, *s, *p)).collect();
            assert_eq!(run(text), want, "{text}");
        }
    }

    #[test]
    fn a_quotation_over_two_paragraphs_closes_at_the_first_and_continues() {
        let text = "Mayor Lena Ortiz said: “The bridge will reopen.\n“Drive slowly on it.”\nPiet Aalders said “never\nThe end.";
        assert_eq!(
            run(text),
            vec![q("The bridge will reopen.", Some("Lena Ortiz"), false), q("Drive slowly on it.", Some("Lena Ortiz"), false)]
        );
    }

    #[test]
    fn quote_spanning_sentences_belongs_to_its_first_sentence() {
        let text = "Vera Holm said: “The road is open. Drive slowly.” Traffic resumed.";
        let sentences = sentences_of(text);
        let mentions = find_mentions(text, &sentences);
        let quotes = extract_quotes(text, &sentences, &mentions);
        assert_eq!(quotes.len(), 1);
        assert_eq!(&text[quotes[0].range.clone()], "The road is open. Drive slowly.");
        assert_eq!(quotes[0].sentence, 0);
    }

    #[test]
    fn pairs_marks_and_skips_apostrophes() {
        let cases: &[(&str, &[&str])] = &[
            ("It isn’t Lena’s boat, they say “Ahoy there” loudly.", &["Ahoy there"]),
            ("She said \"one\" and \"two\" aloud.", &["one", "two"]),
            ("He said “outer ‘inner’ words” twice.", &["outer ‘inner’ words"]),
            ("Open “never closed\nNext line said “fine words here.”", &["fine words here."]),
            ("„Wir kommen“, sagte er.", &["Wir kommen"]),
            ("rock 'n' roll and the '90s said 'Hello there, friend' okay", &["n", "Hello there, friend"]),
            // Mixed marks: an opening curly mark as the closer, straight and curly paired.
            ("“Not yet,“ he said. “Soon,“ she said.", &["Not yet", "Soon"]),
            ("He said \"Not yet,” and left; she said “Soon\" and stayed.", &["Not yet", "Soon"]),
            ("She said “one” and “two” aloud.", &["one", "two"]),
        ];
        for (text, expected) in cases {
            let spans = find_spans(text, 0, text.len());
            let got: Vec<&str> = spans.iter().filter_map(|s| content_range(text, s)).map(|r| &text[r]).collect();
            assert_eq!(got, *expected, "{text}");
        }
    }

    #[test]
    fn unclosed_nested_and_huge_quotations_stay_cheap_and_sane() {
        // A mark that never closes quotes nothing, however much text follows it.
        let unclosed = format!("The mayor said: “We will rebuild. {}", "The dam held on Monday. ".repeat(4_000));
        assert!(find_spans(&unclosed, 0, unclosed.len()).is_empty());
        // 500 nested marks: one outermost quotation, from the first mark to the last.
        let nested = format!("The mayor said: {}deep words{} and left.", "“".repeat(500), "”".repeat(500));
        let spans = find_spans(&nested, 0, nested.len());
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].open.start, nested.find('“').unwrap());
        assert_eq!(spans[0].close.end, nested.rfind('”').unwrap() + '”'.len_utf8());
        // A 2 MB paragraph inside one pair of marks is one quotation of all of it.
        let body = "The water rose again on Monday and the dam held, ".repeat(40_000);
        let huge = format!("The mayor said: “{body}end.”");
        let spans = find_spans(&huge, 0, huge.len());
        assert_eq!(spans.len(), 1);
        assert_eq!(content_range(&huge, &spans[0]).map(|r| r.len()), Some(body.len() + "end.".len()));
    }

    #[test]
    fn never_panics_on_odd_input() {
        let texts = ["", "“", "”", "\"", "'", "‘’", "«»", "“\u{0}”", "قال “مرحبا” he said", "👍 “🎉 said” 👍", "“a\u{301}”, he said"];
        for text in texts {
            let ranges = vec![0..text.len(), 0..0, Range { start: 3, end: 1 }, text.len()..text.len() + 9];
            let mentions = find_mentions(text, &ranges);
            for quote in extract_quotes(text, &ranges, &mentions) {
                assert!(text.get(quote.range.clone()).is_some());
                assert!(quote.speaker.is_none_or(|s| text.get(s).is_some()));
            }
        }
    }
}
