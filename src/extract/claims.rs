//! Claims: the checkable statements of a sentence.
//!
//! In: one sentence's text. Out: [`ClaimMatch`]es, byte ranges into that text, each a claim
//! with the range of who asserts it when an attribution frame names someone. A sentence has
//! at least one claim; the rules below only split what they recognise, in this order:
//!
//! 1. **attribution frames** are cut off and name the speaker: "C, X said." and "C, said X."
//!    (a frame of up to ten words with a speaking verb after the last comma), "C, according
//!    to X.", "According to X, C", and "X said (that) C" / "X said: “C”" (a speaking verb
//!    among the first words, before any quotation mark). Claim C is what is left;
//! 2. the subject of a leading frame, when it holds a comma-delimited appositive or relative
//!    clause ("Irena Szabat, Kharzin's deputy mayor, said", "X, who heads the authority,
//!    said"), is a **role claim** of its own;
//! 3. C is split at semicolons and at coordinating conjunctions that join two clauses
//!    (", and", ", but", ", while", ", whereas", " and that"), when both sides have at least
//!    [`MIN_CLAUSE_WORDS`] words, so that lists ("A, B, and C") stay whole;
//! 4. dash and parenthesis asides of at least three words are claims nested inside the
//!    clause that carries them.
//!
//! A sentence of fewer than [`MIN_SPLIT_WORDS`] words keeps its frame but is not split
//! further. Quotation marks are no barrier: a quoted statement of two clauses is two claims,
//! so an outlet that quotes only the first still shares it. Linear in the sentence: one pass
//! finds the words and the punctuation between them, and each rule looks at each gap once.
//!
//! Not done: "including A, B and C" lists and relative clauses inside C stay in their clause
//! (on their own they carry too little context to compare).

use std::ops::Range;

use super::lexicon::{is_speech_verb, CUE_AUXILIARIES};
use crate::read::chars::starts_upper;
use crate::read::tokens::{self, Token};

/// An attribution frame of a sentence without quotation marks around its content: "C, X
/// said", "according to X, C", "X said (that) C".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Byte range of who asserts it ("the regional government", "Irena Szabat, Kharzin's
    /// deputy mayor").
    pub source: Range<usize>,
    /// Byte range of the cue: the speaking verb with its auxiliaries, or "according to".
    pub cue: Range<usize>,
    /// Byte range of what is asserted.
    pub content: Range<usize>,
}

/// A sentence's claims and the attribution frame they were cut from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceClaims {
    /// The claims, in text order (a nested claim after the claim that holds it).
    pub claims: Vec<ClaimMatch>,
    /// The frame, when the sentence has one.
    pub frame: Option<Frame>,
}

/// A claim found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMatch {
    /// Byte range of the claim.
    pub range: Range<usize>,
    /// Byte range of who asserts it, when an attribution frame names someone.
    pub speaker: Option<Range<usize>>,
}

/// Fewest words on each side of a conjunction for it to join two clauses.
pub const MIN_CLAUSE_WORDS: usize = 4;
/// Fewest words in a sentence for it to be split into clauses.
pub const MIN_SPLIT_WORDS: usize = 10;
/// Most words in a trailing attribution frame ("…, the regional government said on Wednesday").
const MAX_FRAME_WORDS: usize = 10;
/// Most words in an "according to X" frame: X may be a whole description ("early results of
/// the exit poll conducted by Edison Research for the Associated Press").
const MAX_ACCORDING_WORDS: usize = 20;
/// How far into a sentence a leading "X said" may start.
const MAX_SUBJECT_WORDS: usize = 12;
/// Fewest words in an aside for it to be a claim.
const MIN_ASIDE_WORDS: usize = 3;

const CONJUNCTIONS: &[&str] = &["and", "but", "while", "whereas", "yet"];
const DASHES: &[char] = &['\u{2014}', '\u{2013}'];
const QUOTE_MARKS: &[char] = &['"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{00AB}', '\u{00BB}'];

/// The claims of `sentence` and its attribution frame.
pub fn split_claims(sentence: &str) -> SentenceClaims {
    let words = tokens::words(sentence);
    if words.is_empty() {
        return SentenceClaims::default();
    }
    let whole = trim_span(sentence, 0..sentence.len());
    let mut claims = Vec::new();
    let found = strip_frame(sentence, &words, whole.clone());
    let content = found.as_ref().map_or_else(|| whole.clone(), |(frame, _)| trim_span(sentence, frame.content.clone()));
    if content.is_empty() || count_words(&words, &content) == 0 {
        claims.push(ClaimMatch { range: whole, speaker: None });
        return SentenceClaims { claims, frame: None };
    }
    let speaker = found.as_ref().map(|(frame, _)| frame.source.clone());
    let clauses = if words.len() >= MIN_SPLIT_WORDS { split_clauses(sentence, &words, content.clone()) } else { vec![content.clone()] };
    for clause in clauses {
        let clause = trim_span(sentence, clause);
        if clause.is_empty() {
            continue;
        }
        claims.push(ClaimMatch { range: clause.clone(), speaker: speaker.clone() });
        if words.len() >= MIN_SPLIT_WORDS {
            for aside in asides(sentence, &words, &clause) {
                claims.push(ClaimMatch { range: aside, speaker: speaker.clone() });
            }
        }
    }
    let subject = found.as_ref().and_then(|(_, subject)| subject.clone());
    if let Some(role) = subject.and_then(|s| role_claim(sentence, &words, s)) {
        claims.push(ClaimMatch { range: role, speaker: None });
    }
    let frame = found.map(|(frame, _)| Frame { content, ..frame });
    SentenceClaims { claims, frame }
}

/// The sentence's attribution frame, and for a leading frame ("X said C") all the words
/// before its verb, where a role claim may sit.
fn strip_frame(text: &str, words: &[Token], whole: Range<usize>) -> Option<(Frame, Option<Range<usize>>)> {
    if let Some(frame) = leading_according(text, words, &whole) {
        return Some((frame, None));
    }
    if let Some(frame) = trailing_frame(text, words, &whole) {
        return Some((frame, None));
    }
    leading_frame(text, words, &whole).map(|(frame, subject)| (frame, Some(subject)))
}

/// "C, X said." / "C, said X." / "C, according to X." / "“C,” X told reporters."
fn trailing_frame(text: &str, words: &[Token], whole: &Range<usize>) -> Option<Frame> {
    let comma = text[whole.clone()].rfind(',')? + whole.start;
    let after: Vec<&Token> = words.iter().filter(|w| w.range.start > comma).collect();
    let before = words.iter().filter(|w| w.range.end <= comma).count();
    let according = after.len() >= 3 && after[0].norm == "according" && after[1].norm == "to";
    let longest = if according { MAX_ACCORDING_WORDS } else { MAX_FRAME_WORDS };
    if after.is_empty() || after.len() > longest || before < 3 {
        return None;
    }
    let verb = after.iter().position(|w| is_speech_verb(&w.norm) && !w.norm.ends_with("ing"));
    if !according && verb.is_none() {
        return None;
    }
    // After the verb a frame has at most a time or a place ("said on Wednesday morning"), not
    // a clause of its own ("…, engineers had warned that the gates were corroded").
    if let Some(verb) = verb {
        let tail = &after[verb + 1..];
        if tail.len() > 4 || tail.iter().any(|w| w.norm == "that") {
            return None;
        }
    }
    // What the frame says must be a frame: no second clause ("…, he said, and left").
    if text[comma + 1..whole.end].contains([',', ';']) {
        return None;
    }
    let (source, cue) = if according {
        (after[2].range.start..after[after.len() - 1].range.end, after[0].range.start..after[1].range.end)
    } else {
        let verb = verb.unwrap_or(0);
        let (start, end) = if verb == 0 { (1.min(after.len() - 1), after.len()) } else { (0, verb) };
        let auxiliaries = after[..verb].iter().rev().take_while(|w| CUE_AUXILIARIES.contains(&w.norm.as_str())).count();
        let end = (end - if verb == 0 { 0 } else { auxiliaries }).max(start + 1);
        (after[start].range.start..after[end - 1].range.end, after[verb - auxiliaries].range.start..after[verb].range.end)
    };
    let mut content_end = comma;
    // "“C,” X said": the closing mark after the comma belongs to the quotation.
    if let Some(mark) = text[comma + 1..].chars().next().filter(|c| QUOTE_MARKS.contains(c)) {
        content_end = comma + 1 + mark.len_utf8();
    }
    Some(Frame { source, cue, content: whole.start..content_end })
}

/// "According to X, C".
fn leading_according(text: &str, words: &[Token], whole: &Range<usize>) -> Option<Frame> {
    if words.len() < 5 || words[0].norm != "according" || words[1].norm != "to" {
        return None;
    }
    let comma = text[whole.clone()].find(',')? + whole.start;
    let frame_words = words.iter().filter(|w| w.range.end <= comma).count();
    if !(3..=MAX_ACCORDING_WORDS).contains(&frame_words) {
        return None;
    }
    Some(Frame {
        source: words[2].range.start..words[frame_words - 1].range.end,
        cue: words[0].range.start..words[1].range.end,
        content: comma + 1..whole.end,
    })
}

/// "X said (that) C", "X told reporters: “C”": the frame, and the words before the verb.
fn leading_frame(text: &str, words: &[Token], whole: &Range<usize>) -> Option<(Frame, Range<usize>)> {
    let first_quote = text.find(QUOTE_MARKS).unwrap_or(text.len());
    let verb = words
        .iter()
        .take(MAX_SUBJECT_WORDS)
        .position(|w| is_speech_verb(&w.norm) && !w.norm.ends_with("ing") && w.range.end <= first_quote)?;
    // "The governor, who said the dam was safe, resigned": the verb belongs to a relative clause.
    if verb == 0 || matches!(words[verb - 1].norm.as_str(), "who" | "which" | "that") {
        return None;
    }
    let auxiliaries = words[..verb].iter().rev().take_while(|w| CUE_AUXILIARIES.contains(&w.norm.as_str())).count();
    if auxiliaries == verb {
        return None;
    }
    let before_verb = words[0].range.start..words[verb - 1].range.end;
    let subject = subject_start(text, words, verb - auxiliaries)..words[verb - auxiliaries - 1].range.end;
    let cue = words[verb - auxiliaries].range.start..words[verb].range.end;
    // A subject that ends a clause ("When the dam broke, officials said …") is still a
    // subject; one that is itself a clause with a verb is not ours to judge, so keep to
    // subjects without a semicolon or quotation.
    if text[before_verb.clone()].contains([';', ':']) {
        return None;
    }
    let mut content_start = words[verb].range.end;
    let mut next = verb + 1;
    // "told reporters", "said on Tuesday": an object or time of the verb, then ":" or "that".
    let rest = &text[content_start..whole.end];
    if let Some(colon) = rest.find(':').filter(|&c| count_words(words, &(content_start..content_start + c)) <= 4) {
        content_start += colon + 1;
    } else {
        while next < words.len() && next <= verb + 3 {
            if words[next].norm == "that" {
                content_start = words[next].range.end;
                break;
            }
            next += 1;
        }
    }
    let content = content_start..whole.end;
    if count_words(words, &content) < 3 {
        return None;
    }
    Some((Frame { source: subject, cue, content }, before_verb))
}

/// Where the subject of the verb `words[verb]` starts: the sentence's first word, or the first
/// word after a leading clause or phrase that ends in a comma ("When the dam broke, officials
/// said …", "On Tuesday, the mayor said …"); an appositive ("Irena Szabat, Kharzin's deputy
/// mayor, said") stays in the subject.
fn subject_start(text: &str, words: &[Token], verb: usize) -> usize {
    let mut start = words[0].range.start;
    if !OPENERS.contains(&words[0].norm.as_str()) {
        return start;
    }
    let comma_before = |k: usize| text[words[k - 1].range.end..words[k].range.start].contains(',');
    let Some(first) = (1..verb).find(|&k| comma_before(k)) else { return start };
    start = words[first].range.start;
    // "Speaking from the regional capital, Belomir, Governor X said": a name or two in
    // apposition to the opener belong to it.
    if let Some(next) = (first + 1..verb).find(|&k| comma_before(k)) {
        if next - first <= 2 && words[first..next].iter().all(|w| starts_upper(&text[w.range.clone()])) {
            start = words[next].range.start;
        }
    }
    start
}

/// Words that open a leading clause or phrase before the subject.
const OPENERS: &[&str] = &[
    "after", "although", "as", "asked", "at", "before", "but", "by", "despite", "during", "for", "if", "in", "last",
    "on", "since", "speaking", "though", "when", "while", "with", "yesterday",
];

/// Splits `content` at semicolons and at conjunctions that join two clauses.
fn split_clauses(text: &str, words: &[Token], content: Range<usize>) -> Vec<Range<usize>> {
    let inside: Vec<&Token> = words.iter().filter(|w| w.range.start >= content.start && w.range.end <= content.end).collect();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // Words since the last comma: one or two mean a list item ("boats, pumps, and sandbags").
    let mut since_comma = usize::MAX;
    for k in 1..inside.len() {
        let gap = &text[inside[k - 1].range.end..inside[k].range.start];
        let left = k - cuts.last().map_or(0, |&(_, words_before)| words_before);
        let right = inside.len() - k;
        let item = since_comma;
        since_comma = if gap.contains(',') { 0 } else { since_comma.saturating_add(1) };
        if gap.contains(';') && left >= 2 && right >= 2 {
            cuts.push((inside[k].range.start, k));
            continue;
        }
        let conjunction = CONJUNCTIONS.contains(&inside[k].norm.as_str());
        let joins_clauses = conjunction
            && gap.contains(',')
            && item.saturating_add(1) >= MIN_CLAUSE_WORDS
            && left >= MIN_CLAUSE_WORDS
            && right > MIN_CLAUSE_WORDS;
        let and_that = inside[k].norm == "and"
            && inside.get(k + 1).is_some_and(|w| w.norm == "that")
            && left >= MIN_CLAUSE_WORDS
            && right > MIN_CLAUSE_WORDS;
        if joins_clauses || and_that {
            let start = if and_that { inside[k + 1].range.end } else { inside[k].range.end };
            cuts.push((start, k));
        }
    }
    let mut clauses = Vec::with_capacity(cuts.len() + 1);
    let mut start = content.start;
    for &(cut, k) in &cuts {
        // The clause before ends at the last word before the conjunction or semicolon.
        clauses.push(start..inside[k - 1].range.end);
        start = cut;
    }
    clauses.push(start..content.end);
    clauses
}

/// Dash and parenthesis asides inside `clause`.
fn asides(text: &str, words: &[Token], clause: &Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let body = &text[clause.clone()];
    let mut open: Option<(char, usize)> = None;
    for (at, c) in body.char_indices() {
        let at = clause.start + at;
        match (open, c) {
            (None, '(') => open = Some((')', at + 1)),
            (None, c) if DASHES.contains(&c) => open = Some((c, at + c.len_utf8())),
            (Some((close, start)), c) if c == close => {
                let inner = trim_span(text, start..at);
                if count_words(words, &inner) >= MIN_ASIDE_WORDS {
                    found.push(inner);
                }
                open = None;
            }
            _ => {}
        }
    }
    // A dash aside may run to the end of the clause ("…, the mayor said — the third this year").
    if let Some((close, start)) = open {
        if close != ')' {
            let inner = trim_span(text, start..clause.end);
            if count_words(words, &inner) >= MIN_ASIDE_WORDS && inner.end < clause.end {
                found.push(inner);
            }
        }
    }
    found
}

/// "Irena Szabat, Kharzin's deputy mayor," / "X, who heads …," inside a frame's subject: the
/// subject without its trailing comma, when it has a comma inside.
fn role_claim(text: &str, words: &[Token], subject: Range<usize>) -> Option<Range<usize>> {
    let span = trim_span(text, subject);
    let inner = &text[span.clone()];
    if !inner.contains(',') || count_words(words, &span) < 4 {
        return None;
    }
    Some(span)
}

fn count_words(words: &[Token], range: &Range<usize>) -> usize {
    words.iter().filter(|w| w.range.start >= range.start && w.range.end <= range.end).count()
}

/// `range` without surrounding spaces, commas, colons and semicolons (a final full stop, a
/// question mark or a closing quotation mark stay).
fn trim_span(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let is_edge = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':') || DASHES.contains(&c);
    let start = range.start + (piece.len() - piece.trim_start_matches(is_edge).len());
    let end = range.end - (piece.len() - piece.trim_end_matches(is_edge).len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(sentence: &str) -> Vec<(&str, Option<&str>)> {
        split_claims(sentence)
            .claims
            .into_iter()
            .map(|c| (&sentence[c.range], c.speaker.map(|s| &sentence[s])))
            .collect()
    }

    #[test]
    fn a_short_sentence_is_one_claim() {
        assert_eq!(claims("No one was killed."), vec![("No one was killed.", None)]);
        assert_eq!(claims(""), vec![]);
    }

    #[test]
    fn attribution_frames_give_the_claim_and_its_speaker() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "More than 6,000 people were moved out of their homes, the regional government said on Wednesday morning.",
                "More than 6,000 people were moved out of their homes",
                "the regional government",
            ),
            ("Eight people were treated for injuries, a hospital spokesman said.", "Eight people were treated for injuries", "a hospital spokesman"),
            ("The dam is safe, said Ilse Varga.", "The dam is safe", "Ilse Varga"),
            (
                "About 19% of Petrivka was under water by dawn, according to the city's emergency service.",
                "About 19% of Petrivka was under water by dawn",
                "the city's emergency service",
            ),
            (
                "According to a 2029 inspection report, engineers had warned that two gates were corroded.",
                "engineers had warned that two gates were corroded.",
                "a 2029 inspection report",
            ),
            (
                "Engineers said the remaining gates were holding on Wednesday.",
                "the remaining gates were holding on Wednesday.",
                "Engineers",
            ),
            ("The mayor told reporters that the water had peaked.", "the water had peaked.", "The mayor"),
        ];
        for &(sentence, claim, speaker) in cases {
            assert_eq!(claims(sentence)[0], (claim, Some(speaker)), "{sentence}");
        }
    }

    #[test]
    fn a_quoted_statement_keeps_its_closing_mark() {
        let sentence = "“We will rebuild every home,” Governor Oleksii Vashchenko told reporters.";
        assert_eq!(claims(sentence), vec![("“We will rebuild every home,”", Some("Governor Oleksii Vashchenko"))]);
    }

    #[test]
    fn clauses_split_at_semicolons_and_conjunctions_but_lists_stay_whole() {
        assert_eq!(
            claims("At least 12 people were treated in hospital for injuries, mostly cuts and hypothermia; no deaths have been reported."),
            vec![
                ("At least 12 people were treated in hospital for injuries, mostly cuts and hypothermia", None),
                ("no deaths have been reported.", None)
            ]
        );
        assert_eq!(
            claims("About 4,200 people were evacuated overnight, and rescue crews used boats to reach residents stranded on rooftops."),
            vec![
                ("About 4,200 people were evacuated overnight", None),
                ("rescue crews used boats to reach residents stranded on rooftops.", None)
            ]
        );
        assert_eq!(
            claims("Engineers said the remaining spillway gates were holding and that the main wall of the dam was not at risk."),
            vec![
                ("the remaining spillway gates were holding", Some("Engineers")),
                ("the main wall of the dam was not at risk.", Some("Engineers"))
            ]
        );
        let list = "The council bought boats, pumps, and sandbags for the villages along the river this spring.";
        assert_eq!(claims(list).len(), 1);
    }

    #[test]
    fn a_frame_subject_with_an_appositive_is_a_role_claim() {
        let sentence = "Irena Szabat, Kharzin's deputy mayor, said residents had first reported cracks in the spillway last week.";
        assert_eq!(
            claims(sentence),
            vec![
                ("residents had first reported cracks in the spillway last week.", Some("Irena Szabat, Kharzin's deputy mayor")),
                ("Irena Szabat, Kharzin's deputy mayor", None)
            ]
        );
        let relative = "Irena Szabat, who heads the regional water authority, said cracks had been reported last month.";
        assert_eq!(claims(relative)[1], ("Irena Szabat, who heads the regional water authority", None));
    }

    #[test]
    fn asides_are_nested_claims() {
        let sentence = "The reservoir — built in 1962 by the old ministry — fell by two metres overnight in the valley.";
        let found = claims(sentence);
        assert_eq!(found[0].0, sentence);
        assert_eq!(found[1].0, "built in 1962 by the old ministry");
    }

    #[test]
    fn spans_stay_inside_the_sentence_on_char_boundaries() {
        for sentence in ["«Ça va», a dit le maire — très calme — ce soir-là, et il est parti.", "; , — ( ) “ ”", "a, b; c — d (e f g) h", "مرحبا، قال الوزير."] {
            for claim in split_claims(sentence).claims {
                assert!(claim.range.start <= claim.range.end && claim.range.end <= sentence.len());
                assert!(sentence.is_char_boundary(claim.range.start) && sentence.is_char_boundary(claim.range.end));
            }
        }
    }
}
