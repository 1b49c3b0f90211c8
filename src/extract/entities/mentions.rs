//! Finding names in one article: scanning words, recognising names and their kinds.
//!
//! In: an article's text and its sentence ranges. Out: the words of each sentence with their
//! [`Shape`], then the [`MentionMatch`]es of the runs of capitalised words that are names,
//! titles cut off and each with the kind its cues support (steps 1 to 4 of [`super`]).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::names::{
    is_calendar_word, is_demonym, is_demonym_word, is_first_name, is_known_org, is_place, is_shouted_place,
    ARABIC_ARTICLES, COMMON_NOUN_ENDINGS, HEADLINE_SMALL_WORDS, NAME_CONNECTORS, NAME_PREFIXES, NOT_NAMES_UPPER,
    OF_HEADS, ORG_HEADS, ORG_LEADS, PLACE_HEADS, PLACE_PREPOSITIONS, STOP_CAPITALS,
};
use super::MentionMatch;
use crate::extract::lexicon::{is_speech_verb, is_title_part, DEPARTMENTS, ROLE_NOUNS, TITLES, VERB_COMPANIONS};
use crate::read::chars::{self, is_apostrophe, is_hyphen, is_word_char, starts_upper};
use crate::report::EntityKind;

/// The shape of a word, which decides whether it can be part of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Starts with an uppercase letter ("Putin", "J.", "McDonald").
    Capitalised,
    /// Two to six letters, all uppercase, maybe dots or digits ("NATO", "U.S.", "G8").
    Acronym,
    /// Starts with a lowercase letter.
    Lower,
    /// Numbers, shouting ("WINNING"), anything else.
    Other,
}

#[derive(Debug, Clone)]
struct Word {
    /// Byte range in the article, without a possessive ending.
    range: Range<usize>,
    shape: Shape,
    /// Written with "’s" or "'s".
    possessive: bool,
    /// Only spaces separate it from the previous word.
    attached: bool,
    /// First word of the sentence, of a quotation or after a colon: capitalised anyway.
    initial: bool,
    /// A name cannot continue past this word ("U.S.-led").
    ends_name: bool,
}

/// One sentence's words, and whether it is a headline.
pub(super) struct ScannedSentence {
    words: Vec<Word>,
    headline: bool,
}

impl ScannedSentence {
    /// Scans the sentence at `range` of `text`; a range out of bounds or off character
    /// boundaries has no words.
    pub(super) fn new(text: &str, range: &Range<usize>) -> Self {
        let words = text.get(range.clone()).map_or_else(Vec::new, |s| scan_words(s, range.start));
        let headline = is_headline(text, &words);
        ScannedSentence { words, headline }
    }
}

/// Splits one sentence into words; `base` is the sentence's offset in the article.
fn scan_words(sentence: &str, base: usize) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut previous_end = 0;
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut segment_len = 1;
        let mut segment_upper = c.is_uppercase();
        while let Some(&(at, next)) = chars.peek() {
            let following = sentence[at + next.len_utf8()..].chars().next();
            if is_word_char(next) {
                if segment_len == 0 {
                    segment_upper = next.is_uppercase();
                }
                segment_len += 1;
            } else if (is_hyphen(next) || is_apostrophe(next)) && following.is_some_and(is_word_char) {
                segment_len = 0;
            } else if next == '.' && segment_len == 1 && segment_upper {
                // Initials and dotted acronyms keep their dots: "J.", "U.S.".
                segment_len = 0;
            } else {
                break;
            }
            end = at + next.len_utf8();
            chars.next();
        }
        let gap = &sentence[previous_end..start];
        let initial = words.is_empty() || opens_clause(gap);
        let attached = !words.is_empty() && !gap.is_empty() && gap.chars().all(|g| g == ' ' || g == '\u{a0}');
        previous_end = end;
        push_word(sentence, base, start..end, attached, initial, &mut words);
    }
    words
}

/// True when the characters between two words start a new clause that is capitalised anyway.
fn opens_clause(gap: &str) -> bool {
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' | '"' | '«' | '‘' | '„' | ':' => return true,
            '.' | '!' | '?' if chars.peek().is_some_and(|n| n.is_whitespace()) => return true,
            _ => {}
        }
    }
    false
}

/// Adds a scanned word, splitting hyphenated compounds whose parts are separate names
/// ("U.S.-Ukraine") and dropping lowercase tails ("Kremlin-backed" → "Kremlin").
fn push_word(sentence: &str, base: usize, local: Range<usize>, attached: bool, initial: bool, words: &mut Vec<Word>) {
    let raw = &sentence[local.clone()];
    let (body_len, possessive) = split_possessive(raw);
    let body = &raw[..body_len];
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut part_start = 0;
    for (i, c) in body.char_indices() {
        if is_hyphen(c) {
            parts.push(part_start..i);
            part_start = i + c.len_utf8();
        }
    }
    parts.push(part_start..body.len());
    let at = |r: &Range<usize>| base + local.start + r.start..base + local.start + r.end;
    let word = |range: Range<usize>, shape: Shape, ends_name: bool, attached: bool| Word {
        range,
        shape,
        possessive,
        attached,
        initial,
        ends_name,
    };
    if parts.len() == 1 {
        words.push(word(at(&(0..body_len)), shape_of(body), false, attached));
        return;
    }
    let part_text = |r: &Range<usize>| &body[r.clone()];
    let first = part_text(&parts[0]);
    if first.chars().next().is_some_and(char::is_lowercase) {
        let rest_capitalised = parts.get(1).is_some_and(|r| starts_upper(part_text(r)));
        let shape = if ARABIC_ARTICLES.contains(&first) && rest_capitalised { Shape::Capitalised } else { Shape::Lower };
        words.push(word(at(&(0..body_len)), shape, false, attached));
        return;
    }
    if NAME_PREFIXES.contains(&first) {
        let rest = parts[1].start..body_len;
        words.push(word(at(&rest), shape_of(&body[rest.clone()]), false, attached));
        return;
    }
    let last_lowercase = parts.last().is_some_and(|r| part_text(r).chars().next().is_some_and(char::is_lowercase));
    if last_lowercase {
        // "U.S.-led", "Ukraine-aligned": keep the capitalised head, which ends any name.
        let head_end = parts
            .iter()
            .take_while(|r| starts_upper(part_text(r)))
            .last()
            .map_or(0, |r| r.end);
        if head_end > 0 {
            words.push(word(at(&(0..head_end)), shape_of(&body[..head_end]), true, attached));
        }
        return;
    }
    let all_known = parts.iter().all(|r| {
        let p = part_text(r);
        shape_of(p) == Shape::Acronym || is_place(p) || is_known_org(p) || is_demonym(p)
    });
    if all_known {
        for (k, r) in parts.iter().enumerate() {
            words.push(word(at(r), shape_of(part_text(r)), false, attached && k == 0));
        }
    } else {
        words.push(word(at(&(0..body_len)), shape_of(body), false, attached));
    }
}

/// "We’re", "Don’t", "I’ll": a pronoun or verb with a clitic, never a name.
fn is_contraction(word: &str) -> bool {
    let Some((_, clitic)) = word.rsplit_once(is_apostrophe) else { return false };
    matches!(clitic, "re" | "ll" | "ve" | "m" | "d" | "t")
}

/// Length of the word without a possessive ending ("’s", "'s"), and whether it had one.
fn split_possessive(word: &str) -> (usize, bool) {
    match chars::strip_possessive(word) {
        Some(stem) if stem.chars().any(char::is_alphanumeric) => (stem.len(), true),
        _ => (word.len(), false),
    }
}

/// The [`Shape`] of a word as written.
pub(super) fn shape_of(word: &str) -> Shape {
    let Some(first) = word.chars().next() else { return Shape::Other };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let all_upper = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if first.is_uppercase() && all_upper && (letters >= 2 || (letters == 1 && digits > 0)) {
        let plain: String = word.chars().filter(|c| *c != '.').collect();
        if letters > 6 || NOT_NAMES_UPPER.contains(&plain.as_str()) {
            return Shape::Other;
        }
        return Shape::Acronym;
    }
    if first.is_uppercase() {
        Shape::Capitalised
    } else if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// A sentence that capitalises all its content words is a headline: its capitals say nothing.
fn is_headline(text: &str, words: &[Word]) -> bool {
    let mut capitalised = 0;
    for w in words {
        let s = &text[w.range.clone()];
        match w.shape {
            Shape::Lower if !HEADLINE_SMALL_WORDS.contains(&s) => return false,
            Shape::Capitalised => capitalised += 1,
            _ => {}
        }
    }
    capitalised >= 3
}

// ---------------------------------------------------------------------------------------
// Finding names
// ---------------------------------------------------------------------------------------

/// What the whole article says about capitalisation.
pub(super) struct DocContext<'t> {
    /// Words written capitalised mid-sentence (not at a sentence start, not in a headline).
    proper: HashSet<&'t str>,
    /// Words written in lowercase somewhere.
    lower: HashSet<&'t str>,
}

impl<'t> DocContext<'t> {
    pub(super) fn new(text: &'t str, sentences: &[ScannedSentence]) -> Self {
        let mut proper = HashSet::new();
        let mut lower = HashSet::new();
        for sentence in sentences {
            for w in &sentence.words {
                let s = &text[w.range.clone()];
                match w.shape {
                    Shape::Capitalised if !w.initial && !sentence.headline => {
                        proper.insert(s);
                    }
                    Shape::Lower => {
                        lower.insert(s);
                    }
                    _ => {}
                }
            }
        }
        DocContext { proper, lower }
    }

    /// A capitalised word that would be capitalised anyway (sentence start, headline) is
    /// taken as a name only when the article or the built-in lists vouch for it.
    fn vouches_for(&self, word: &str) -> bool {
        if is_place(word) || is_known_org(word) || is_first_name(word) || TITLES.contains(&word) {
            return true;
        }
        self.proper.contains(word) && !self.lower.contains(word.to_lowercase().as_str())
    }
}

/// Appends the mentions of one scanned sentence (index `index`) to `out`.
pub(super) fn sentence_mentions(
    text: &str,
    sentence: &ScannedSentence,
    index: usize,
    context: &DocContext<'_>,
    out: &mut Vec<MentionMatch>,
) {
    let words = &sentence.words;
    let word_text = |k: usize| &text[words[k].range.clone()];
    let usable: Vec<bool> = (0..words.len())
        .map(|k| {
            let w = &words[k];
            let s = word_text(k);
            match w.shape {
                Shape::Acronym => true,
                Shape::Capitalised => {
                    if s.chars().count() == 1 || STOP_CAPITALS.contains(&s) || is_contraction(s) {
                        return false;
                    }
                    if !(w.initial || sentence.headline) {
                        return true;
                    }
                    if context.vouches_for(s) {
                        return true;
                    }
                    // Outside headlines: "Burton explained", or a first name before a
                    // surname the article writes capitalised ("Mona Farrow of ...").
                    !sentence.headline
                        && (followed_by_speech_verb(text, words, k)
                            || starts_name(text, words, k) && looks_like_given_name(s, context))
                }
                _ => false,
            }
        })
        .collect();

    let mut k = 0;
    while k < words.len() {
        if !usable[k] || is_calendar_word(word_text(k)) {
            k += 1;
            continue;
        }
        let mut run = vec![k];
        let mut last = k;
        loop {
            let w = &words[last];
            if w.possessive || w.ends_name {
                break;
            }
            let next = last + 1;
            let Some(n) = words.get(next) else { break };
            if !n.attached {
                break;
            }
            if usable[next] && !is_calendar_word(word_text(next)) {
                run.push(next);
                last = next;
                continue;
            }
            let connector = word_text(next);
            let joins = n.shape == Shape::Lower
                && NAME_CONNECTORS.contains(&connector)
                && (connector != "of" || OF_HEADS.contains(&word_text(last)))
                && words.get(next + 1).is_some_and(|after| after.attached && usable[next + 1]);
            if joins {
                run.push(next);
                run.push(next + 1);
                last = next + 1;
                continue;
            }
            break;
        }
        emit_run(text, words, &run, index, out);
        k = last + 1;
    }
}

/// A sentence-initial word before a surname may be a given name ("Mona Farrow") unless it
/// looks like a common noun ("Engineer Tove Lind", "Senior officials").
fn looks_like_given_name(word: &str, context: &DocContext<'_>) -> bool {
    let lower = word.to_lowercase();
    let common_ending = COMMON_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e));
    !common_ending && !ROLE_NOUNS.contains(&lower.as_str()) && !context.lower.contains(lower.as_str())
}

/// Whether the word at `k` is directly followed by a capitalised word inside the sentence
/// that can carry a name (not a title, nationality or weekday).
fn starts_name(text: &str, words: &[Word], k: usize) -> bool {
    words.get(k + 1).is_some_and(|n| {
        let s = &text[n.range.clone()];
        n.attached
            && !n.initial
            && n.shape == Shape::Capitalised
            && !STOP_CAPITALS.contains(&s)
            && !TITLES.contains(&s)
            && !is_demonym_word(s)
            && !is_calendar_word(s)
    })
}

/// "Burton explained", "Smith has said": a speaking verb right after the word.
fn followed_by_speech_verb(text: &str, words: &[Word], k: usize) -> bool {
    let mut next = k + 1;
    while let Some(w) = words.get(next) {
        let s = &text[w.range.clone()];
        if w.shape != Shape::Lower || !w.attached {
            return false;
        }
        if is_speech_verb(s) {
            return true;
        }
        if !VERB_COMPANIONS.contains(&s) || next > k + 3 {
            return false;
        }
        next += 1;
    }
    false
}

/// Turns a run of capitalised words into mentions: cuts titles off, drops nationality
/// adjectives and keeps what remains with its kind.
fn emit_run(text: &str, words: &[Word], run: &[usize], sentence: usize, out: &mut Vec<MentionMatch>) {
    let word_text = |k: usize| &text[words[k].range.clone()];
    let title_end = title_phrase_end(text, words, run);
    let (name, prefix, titled) = match title_end {
        Some(t) => {
            let mut first = t;
            while first > 0 && is_title_part(word_text(run[first - 1])) {
                first -= 1;
            }
            (&run[t + 1..], &run[..first], true)
        }
        None => {
            // "Trump Envoy" in a headline: a title with no name after it is not part of the name.
            let kept = run.iter().rposition(|&k| !is_title_part(word_text(k))).map_or(0, |p| p + 1);
            (&run[..kept], &run[..0], false)
        }
    };
    let mut prefix = prefix;
    while let Some((&last, rest)) = prefix.split_last() {
        if is_demonym_word(word_text(last)) {
            prefix = rest;
        } else {
            break;
        }
    }
    if !prefix.is_empty() {
        push_mention(text, words, prefix, sentence, false, out);
    }
    let only_title = name.iter().all(|&k| is_title_part(word_text(k)));
    if !name.is_empty() && !only_title {
        let single_drop = name.len() == 1 && (is_demonym_word(word_text(name[0])) || is_calendar_word(word_text(name[0])));
        if !single_drop {
            push_mention(text, words, name, sentence, titled, out);
        }
    }
}

/// Index in `run` of the last word of a title phrase, if the run has one followed by a name.
fn title_phrase_end(text: &str, words: &[Word], run: &[usize]) -> Option<usize> {
    let word_text = |i: usize| &text[words[run[i]].range.clone()];
    let mut end = None;
    let mut i = 0;
    while i < run.len() {
        let s = word_text(i);
        if TITLES.contains(&s) {
            end = Some(i);
            // "Secretary of State", "Minister of Foreign Affairs": the department is title too.
            if i + 2 < run.len() && word_text(i + 1) == "of" && DEPARTMENTS.contains(&word_text(i + 2)) {
                let mut j = i + 2;
                while j + 1 < run.len() && DEPARTMENTS.contains(&word_text(j + 1)) {
                    j += 1;
                }
                end = Some(j);
                i = j;
            }
        }
        i += 1;
    }
    end.filter(|&t| t + 1 < run.len())
}

fn push_mention(text: &str, words: &[Word], run: &[usize], sentence: usize, titled: bool, out: &mut Vec<MentionMatch>) {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return };
    let mut range = words[first].range.start..words[last].range.end;
    // A sentence-final full stop is not part of a name unless the last word is an initial.
    let name = &text[range.clone()];
    if name.ends_with('.') && words[last].shape == Shape::Capitalised && !is_initial(&text[words[last].range.clone()]) {
        range.end -= 1;
    }
    let kind = if titled { EntityKind::Person } else { kind_of(text, words, run, &text[range.clone()]) };
    out.push(MentionMatch { range, sentence, kind });
}

/// "J.", "Dr.": a short word with a final point, not a name on its own.
pub(super) fn is_initial(word: &str) -> bool {
    word.len() <= 3 && word.ends_with('.')
}

fn kind_of(text: &str, words: &[Word], run: &[usize], name: &str) -> EntityKind {
    let word_text = |k: usize| &text[words[k].range.clone()];
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else { return EntityKind::Other };
    let first_word = word_text(first);
    let last_word = word_text(last);
    let plain_acronym: String = name.chars().filter(|c| *c != '.').collect();
    if run.len() == 1 && words[first].shape == Shape::Acronym {
        let place = is_place(name) || is_place(&plain_acronym) || is_shouted_place(name);
        return if place { EntityKind::Place } else { EntityKind::Organization };
    }
    let role_before = first > 0 && {
        let previous = first - 1;
        let gap = text[words[previous].range.end..words[first].range.start].trim();
        (gap.is_empty() || gap == ",") && words[previous].shape == Shape::Lower && ROLE_NOUNS.contains(&word_text(previous))
    };
    if is_place(name) && !role_before {
        return EntityKind::Place;
    }
    if is_known_org(name) || ORG_HEADS.contains(&last_word) || ORG_LEADS.contains(&first_word) {
        return EntityKind::Organization;
    }
    if PLACE_HEADS.contains(&last_word) {
        return EntityKind::Place;
    }
    let given_name = first_word.split(is_hyphen).next().is_some_and(is_first_name);
    if given_name || role_before || speaks_after(text, words, last) {
        return EntityKind::Person;
    }
    let place_before = first > 0
        && words[first].attached
        && words[first - 1].shape == Shape::Lower
        && PLACE_PREPOSITIONS.contains(&word_text(first - 1))
        && !words[last].possessive;
    if place_before && run.len() <= 2 {
        return EntityKind::Place;
    }
    EntityKind::Other
}

/// A speaking verb after the name, maybe after "of <Name>" ("Ann Lee of Chatham House argued").
fn speaks_after(text: &str, words: &[Word], last: usize) -> bool {
    if words[last].possessive {
        return false;
    }
    if followed_by_speech_verb(text, words, last) {
        return true;
    }
    let of_next = words.get(last + 1).is_some_and(|w| &text[w.range.clone()] == "of" || &text[w.range.clone()] == "from");
    if !of_next {
        return false;
    }
    let mut k = last + 2;
    while words.get(k).is_some_and(|w| matches!(w.shape, Shape::Capitalised | Shape::Acronym) && k < last + 6) {
        k += 1;
    }
    k > last + 2 && followed_by_speech_verb(text, words, k - 1)
}

/// A surname alone takes the kind of the full name it belongs to; a repeated name takes the
/// kind most of its mentions have.
pub(super) fn propagate_kinds(text: &str, mentions: &mut [MentionMatch]) {
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::new();
    let mut surnames: HashSet<&str> = HashSet::new();
    for m in mentions.iter() {
        let name = &text[m.range.clone()];
        votes.entry(name).or_default()[kind_slot(m.kind)] += 1;
        if m.kind == EntityKind::Person {
            surnames.insert(name.rsplit_once(' ').map_or(name, |(_, surname)| surname));
        }
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Other) {
        let name = &text[m.range.clone()];
        let surname = name.rsplit_once(' ').map_or(name, |(_, surname)| surname);
        if surnames.contains(surname) {
            m.kind = EntityKind::Person;
        } else if let Some(kind) = votes.get(name).and_then(dominant_kind) {
            m.kind = kind;
        }
    }
}

/// The index of `kind` in a vote array (`[person, organisation, place, other]`).
pub(super) fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        _ => 3,
    }
}

/// The kind with most votes, people before organisations before places on ties; `None`
/// when no mention had a kind other than `Other`.
pub(super) fn dominant_kind(votes: &[u32; 4]) -> Option<EntityKind> {
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];
    let mut best: Option<(u32, EntityKind)> = None;
    for (slot, kind) in kinds.iter().enumerate() {
        if votes[slot] > 0 && best.is_none_or(|(count, _)| votes[slot] > count) {
            best = Some((votes[slot], *kind));
        }
    }
    best.map(|(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::super::tests::sentences_of;
    use super::super::find_mentions;
    use super::*;

    fn mentions(text: &str) -> Vec<(String, EntityKind)> {
        find_mentions(text, &sentences_of(text)).into_iter().map(|m| (text[m.range].to_string(), m.kind)).collect()
    }

    use EntityKind::{Organization as O, Other as X, Person as P, Place as L};

    #[test]
    fn finds_names_with_kinds() {
        let cases: &[(&str, &[(&str, EntityKind)])] = &[
            ("Senior diplomat Anna Berg met Peter Hartmann in Oslo.", &[("Anna Berg", P), ("Peter Hartmann", P), ("Oslo", L)]),
            ("President Maria Lindqvist’s plan was praised.", &[("Maria Lindqvist", P)]),
            ("Foreign Minister Sergey Orlov spoke to NATO.", &[("Sergey Orlov", P), ("NATO", O)]),
            ("The deal was reached in Vardholm, said Secretary of State Peter Quill.", &[("Vardholm", L), ("Peter Quill", P)]),
            ("However, the Harbour Council met at Greystone House.", &[("Harbour Council", O), ("Greystone House", O)]),
            ("Turning to the flood, officials in Kiev spoke.", &[("Kiev", L)]),
            ("Key changes include a new tax.", &[]),
            ("The U.S.-Canada talks were led by the EU.", &[("U.S.", L), ("Canada", L), ("EU", O)]),
            ("The COVID-19 wave and F-16 jets hit Mar-a-Lago and Jean-Luc.", &[("COVID-19", O), ("F-16", O), ("Mar-a-Lago", X), ("Jean-Luc", P)]),
            ("Meridian spokesman Tomas Vale said the rail agency was busy.", &[("Tomas Vale", P)]),
            ("Russian President Ivan Petrenko met White House Press Secretary Lara Quint.", &[("Ivan Petrenko", P), ("White House", O), ("Lara Quint", P)]),
            ("Mona Farrow of Dunmore House argued for calm.", &[("Mona Farrow", P), ("Dunmore House", O)]),
            ("On Tuesday, the Kremlin-backed forces moved into the Gaza Strip.", &[("Kremlin", O), ("Gaza Strip", L)]),
            ("Trump Envoy Meets Putin in Moscow", &[("Moscow", L)]),
            ("He wrote: “We won.” WINNING!", &[]),
            ("Ahmad al-Rashid and Jean-Luc Moreau met on Air Force One.", &[("Ahmad al-Rashid", P), ("Jean-Luc Moreau", P), ("Air Force One", X)]),
        ];
        for (text, expected) in cases {
            let got = mentions(text);
            let want: Vec<(String, EntityKind)> = expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn sentence_initial_words_need_support() {
        let text = "Halvorsen arrived.\nLater Halvorsen left.\nKestrel is a bird.\nAnalysts agree.\nBurton explained the plan.";
        let got = mentions(text);
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Halvorsen", "Halvorsen", "Burton"]);
        assert_eq!(got[2].1, P);
    }

    #[test]
    fn surname_takes_kind_of_full_name() {
        let text = "Mira Koss leads the team.\nThe plan, Koss added, is ready.";
        let got = mentions(text);
        assert_eq!(got, [("Mira Koss".to_string(), P), ("Koss".to_string(), P)]);
    }
}
