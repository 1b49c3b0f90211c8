//! Conflicts: where sources disagree.
//!
//! In: the read articles, the linked entities, each sentence's fact and a sentence-pair
//! score. Out: [`Conflict`]s between two sentences of different sources, each with a kind,
//! the differing values, their word diff and an explanation.
//!
//! Precision comes first (a noisy list is useless to an editor), so each kind asks for
//! evidence that the two sentences talk about the same thing: the same fact, or a strong
//! similarity plus the same unit, speaker or person.
//!
//! - **quantity**: numbers with the same unit whose *implied* intervals cannot both hold. A
//!   writer's "more than 19%" means "a little over 19", up to the next step of the precision
//!   written (20), so it excludes "more than a fifth" (over 20); "more than 1.2 million" and
//!   "over 1.2 million" imply the same interval and do not conflict.
//! - **quote**: the same speaker's quotation, close in wording but not the same words.
//! - **quoteOmission**: the same speaker's quotation, one source's words a consecutive part of
//!   the other's (at least three words): shortened, not reworded.
//! - **time**: the same fact dated differently (two relative times, two weekdays, two dates).
//! - **place**: the same fact put in two different places, or the same person speaking in two
//!   different places ("X, speaking in A" against "X said after talks in B"; a region such as
//!   Europe holds too many places to disagree).
//! - **role**: the same person given roles no one holds at once (see
//!   [`Role::compatible`]): different official titles, "deputy mayor" against "heads the
//!   water authority", a title against "has no official role".

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::compare::diff::diff_words;
use crate::compare::support::RELATED_SCORE;
use crate::extract::entities::EntityCluster;
use crate::extract::quantities::QuantityMatch;
use crate::extract::attributions::AttributionMatch;
use crate::extract::roles::Role;
use crate::extract::times::{self, TimeMatch};
use crate::read::chars::{first_bytes, last_bytes};
use crate::read::tokens;
use crate::extract::ReadArticle;
use crate::report::{Bound, Conflict, ConflictKind, EntityKind, TimeKind, Verdict};

/// What conflict detection reads.
pub struct Input<'a, 'text> {
    /// The read articles, in source order.
    pub articles: &'a [ReadArticle<'text>],
    /// Report-wide id of each source's first sentence.
    pub first_id: &'a [usize],
    /// Linked entities.
    pub entities: &'a [EntityCluster],
    /// `entity_of[source][mention]`: the mention's entity, if it was linked.
    pub entity_of: &'a [Vec<Option<usize>>],
    /// `speaker_of[source][quote]`: the entity of the quote's speaker, if it was linked.
    pub speaker_of: &'a [Vec<Option<usize>>],
    /// `attribution_speaker_of[source][attribution]`: the entity of the attribution's
    /// speaker, if it was linked.
    pub attribution_speaker_of: &'a [Vec<Option<usize>>],
    /// The facts each sentence takes part in, by report-wide id, ascending.
    pub facts_of: &'a [Vec<usize>],
    /// Similarity of two body sentences by report-wide id: the best score of a pair of their
    /// claims (0 when none was scored or either is not body).
    pub scores: &'a dyn Fn(usize, usize) -> f64,
    /// Every related pair of sentences by report-wide id, `a < b`, sorted: the same fact, or
    /// scored at least [`RELATED_SCORE`].
    pub related: &'a [(usize, usize)],
}

/// Two quotations whose words overlap this much (Dice) are the same quotation.
const SAME_QUOTE_OVERLAP: f64 = 0.5;
/// Fewest words for a quotation to count as a shortened form of a longer one: two words
/// ("very good") occur inside too many unrelated quotations by the same speaker.
const MIN_SHORTENED_WORDS: usize = 3;

/// All conflicts, ordered by kind, then by sentence ids.
pub fn detect_conflicts(input: &Input<'_, '_>) -> Vec<Conflict> {
    let mut found: BTreeMap<(ConflictKind, usize, usize, String), Conflict> = BTreeMap::new();
    let mut add = |conflict: Conflict| {
        let key = (conflict.kind, conflict.sentences[0], conflict.sentences[1], conflict.values.join("\u{1f}"));
        found.entry(key).or_insert(conflict);
    };
    quantity_conflicts(input, &mut add);
    quote_conflicts(input, &mut add);
    time_conflicts(input, &mut add);
    place_conflicts(input, &mut add);
    statement_place_conflicts(input, &mut add);
    role_conflicts(input, &mut add);
    let mut conflicts: Vec<Conflict> = found.into_values().collect();
    number_disagreements(&mut conflicts);
    conflicts
}

/// Gives every conflict its disagreement: conflicts that share an end (the same sentence with
/// the same value, in the same family of kinds) are one disagreement, joined transitively, so
/// three wordings of one quotation, or one number against the same figure in forty copies, are
/// each one. Ids follow the order of each disagreement's first conflict.
fn number_disagreements(conflicts: &mut [Conflict]) {
    let family = |kind: ConflictKind| if kind == ConflictKind::QuoteOmission { ConflictKind::Quote } else { kind };
    let mut parent: Vec<usize> = (0..conflicts.len()).collect();
    fn root(parent: &mut [usize], mut at: usize) -> usize {
        while parent[at] != at {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        at
    }
    let mut first_with_end: BTreeMap<(ConflictKind, usize, String), usize> = BTreeMap::new();
    for (index, conflict) in conflicts.iter().enumerate() {
        for (&sentence, value) in conflict.sentences.iter().zip(&conflict.values) {
            let end = (family(conflict.kind), sentence, value.trim().to_lowercase());
            let earlier = *first_with_end.entry(end).or_insert(index);
            let (a, b) = (root(&mut parent, earlier), root(&mut parent, index));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    for index in 0..conflicts.len() {
        let group = root(&mut parent, index);
        let next = ids.len();
        conflicts[index].disagreement = *ids.entry(group).or_insert(next);
    }
}

fn related(input: &Input<'_, '_>, a: usize, b: usize) -> bool {
    same_fact(input, a, b) || (input.scores)(a, b) >= RELATED_SCORE
}

fn same_fact(input: &Input<'_, '_>, a: usize, b: usize) -> bool {
    shared_fact(input, a, b).is_some()
}

/// The first fact both sentences take part in (their lists are sorted).
fn shared_fact(input: &Input<'_, '_>, a: usize, b: usize) -> Option<usize> {
    let (x, y) = (&input.facts_of[a], &input.facts_of[b]);
    x.iter().find(|f| y.binary_search(f).is_ok()).copied()
}

fn conflict(
    input: &Input<'_, '_>,
    kind: ConflictKind,
    (a, value_a): (usize, String),
    (b, value_b): (usize, String),
    explanation: String,
) -> Conflict {
    let fact = shared_fact(input, a, b);
    let verdict = if kind == ConflictKind::QuoteOmission { Verdict::Differ } else { Verdict::Contradict };
    Conflict {
        verdict,
        kind,
        sentences: vec![a, b],
        fact,
        diff: diff_words(&value_a, &value_b),
        values: vec![value_a, value_b],
        explanation,
        disagreement: 0,
    }
}

fn source_name(source: usize) -> String {
    format!("source {}", source + 1)
}

/// The interval of values a writer implies with a number, see the module doc.
fn implied_interval(q: &QuantityMatch, surface: &str) -> (f64, f64) {
    let step = precision_step(q.value, surface);
    let tiny = step * 1e-6;
    match q.bound {
        Bound::Exact => (q.value - step / 2.0, q.value + step / 2.0),
        Bound::Approximate => (q.value - step, q.value + step),
        Bound::AtLeast => (q.value, q.value + step),
        Bound::MoreThan => (q.value + tiny, q.value + step),
        Bound::AtMost => (q.value - step, q.value),
        Bound::LessThan => (q.value - step, q.value - tiny),
        _ => (q.low.unwrap_or(q.value), q.high.unwrap_or(q.value)),
    }
}

/// The step of the precision a number was written with: 19 → 1, 115,600 → 100,
/// 1.2 million → 100,000, 600 → 100. Numbers written in words ("a fifth") get a coarse step
/// (a quarter of the value), since words round more than digits.
fn precision_step(value: f64, surface: &str) -> f64 {
    let digits: Vec<char> = surface.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    if digits.iter().all(|c| *c == '.') {
        return (value.abs() / 4.0).max(f64::MIN_POSITIVE);
    }
    let written: String = digits.iter().collect();
    let written = written.trim_matches('.');
    let number: f64 = written.parse().unwrap_or(value);
    let scale = if number != 0.0 { value / number } else { 1.0 };
    let decimals = written.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let trailing_zeros = if decimals == 0 {
        written.chars().rev().take_while(|&c| c == '0').count().min(written.len().saturating_sub(1)) as i32
    } else {
        0
    };
    10f64.powi(trailing_zeros - decimals) * scale.abs().max(f64::MIN_POSITIVE)
}

/// The interval a quantity states literally: "more than 19%" is anything over 19, where
/// [`implied_interval`] reads a writer's "a little over 19".
fn stated_interval(q: &QuantityMatch, surface: &str) -> (f64, f64) {
    // "More than a fifth" excludes a fifth itself.
    let open = q.value.abs().max(1.0) * 1e-9;
    match q.bound {
        Bound::AtLeast => (q.value, f64::INFINITY),
        Bound::MoreThan => (q.value + open, f64::INFINITY),
        Bound::AtMost => (f64::NEG_INFINITY, q.value),
        Bound::LessThan => (f64::NEG_INFINITY, q.value - open),
        _ => implied_interval(q, surface),
    }
}

fn disjoint(a: (f64, f64), b: (f64, f64)) -> bool {
    a.1 < b.0 || b.1 < a.0
}

/// How far around a quantity its context is read, in bytes.
const CONTEXT_BYTES: usize = 400;

/// Content stems within a few words of a quantity: what the number is about.
fn context_stems(text: &str, range: &Range<usize>, sentence: &Range<usize>) -> BTreeSet<String> {
    const WINDOW: usize = 8;
    // Eight words either side fit in a few hundred bytes; reading only those keeps a long
    // sentence with many numbers linear.
    let before = last_bytes(&text[sentence.start..range.start.max(sentence.start)], CONTEXT_BYTES);
    let window_start = range.start.max(sentence.start) - before.len();
    let window_end = window_start + before.len() + first_bytes(&text[window_start + before.len()..sentence.end], CONTEXT_BYTES + range.len()).len();
    let sentence = &(window_start..window_end);
    let words = tokens::words(&text[sentence.clone()]);
    let at = words.iter().position(|t| sentence.start + t.range.end > range.start).unwrap_or(words.len());
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW + 2).min(words.len());
    words[from..to]
        .iter()
        .filter(|t| {
            let absolute = sentence.start + t.range.start;
            !(range.start..range.end).contains(&absolute)
                && !tokens::is_stopword(&t.norm)
                && t.norm.chars().any(char::is_alphabetic)
        })
        .map(|t| tokens::stem(&t.norm))
        .collect()
}

fn quantity_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    struct Seen<'s> {
        id: usize,
        source: usize,
        unit: &'s str,
        interval: (f64, f64),
        stated: (f64, f64),
        surface: &'s str,
        context: BTreeSet<String>,
    }
    let mut all: Vec<Seen<'_>> = Vec::new();
    for (source, article) in input.articles.iter().enumerate() {
        for (index, q) in &article.quantities {
            if q.unit.is_empty() || q.unit == "ordinal" {
                continue;
            }
            let sentence = &article.sentences[*index].range;
            let surface = &article.text[q.range.clone()];
            all.push(Seen {
                id: input.first_id[source] + index,
                source,
                unit: &q.unit,
                interval: implied_interval(q, surface),
                stated: stated_interval(q, surface),
                surface,
                context: context_stems(article.text, &q.range, sentence),
            });
        }
    }
    // Only quantities of one unit can disagree: compare within each unit's run.
    all.sort_by(|x, y| x.unit.cmp(y.unit).then(x.id.cmp(&y.id)));
    for (k, x) in all.iter().enumerate() {
        for y in all[k + 1..].iter().take_while(|y| y.unit == x.unit) {
            if x.source == y.source || !disjoint(x.interval, y.interval) {
                continue;
            }
            // The same fact, or two numbers said of the same things (two shared context words).
            let shared_context = x.context.intersection(&y.context).count();
            let about_the_same = same_fact(input, x.id, y.id)
                || shared_context >= 2
                || (shared_context >= 1 && related(input, x.id, y.id));
            if !about_the_same {
                continue;
            }
            let (first, second) = if x.source < y.source { (x, y) } else { (y, x) };
            let contradict = disjoint(x.stated, y.stated);
            let reasoning = if contradict {
                "both cannot be true".to_string()
            } else {
                format!(
                    "both can be true, but they pull apart: “{}” suggests {}, “{}” suggests {}",
                    first.surface,
                    describe_interval(first.interval),
                    second.surface,
                    describe_interval(second.interval)
                )
            };
            let mut found = conflict(
                input,
                ConflictKind::Quantity,
                (first.id, first.surface.to_string()),
                (second.id, second.surface.to_string()),
                format!(
                    "{} says “{}”, {} says “{}”: {reasoning}.",
                    source_name(first.source),
                    first.surface,
                    source_name(second.source),
                    second.surface
                ),
            );
            found.verdict = if contradict { Verdict::Contradict } else { Verdict::Differ };
            add(found);
        }
    }
}

/// An implied interval in words: "about 19 to 20", "over 20".
fn describe_interval((low, high): (f64, f64)) -> String {
    let number = |v: f64| {
        let rounded = (v * 100.0).round() / 100.0;
        if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded}") }
    };
    if high.is_infinite() {
        format!("over {}", number(low))
    } else if low.is_infinite() {
        format!("under {}", number(high))
    } else {
        format!("{} to {}", number(low), number(high))
    }
}

fn quote_words(text: &str) -> Vec<String> {
    tokens::words(text).into_iter().map(|t| t.norm).collect()
}

/// Whether `part` occurs in `whole` as consecutive words.
fn contains_run(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|window| window == part)
}

fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let set_a: BTreeSet<&String> = a.iter().collect();
    let set_b: BTreeSet<&String> = b.iter().collect();
    2.0 * set_a.intersection(&set_b).count() as f64 / (set_a.len() + set_b.len()) as f64
}

fn quote_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    struct Said {
        id: usize,
        source: usize,
        speaker: Option<usize>,
        text: String,
        words: Vec<String>,
    }
    let mut all = Vec::new();
    for (source, article) in input.articles.iter().enumerate() {
        for (quote, &speaker) in article.quotes.iter().zip(&input.speaker_of[source]) {
            let text = article.text[quote.range.clone()].to_string();
            all.push(Said {
                id: input.first_id[source] + quote.sentence,
                source,
                speaker,
                words: quote_words(&text),
                text,
            });
        }
    }
    for (k, x) in all.iter().enumerate() {
        for y in &all[k + 1..] {
            if x.source == y.source || x.words.len() < 2 || y.words.len() < 2 {
                continue;
            }
            let same_speaker = matches!((x.speaker, y.speaker), (Some(a), Some(b)) if a == b);
            if !same_speaker && !(same_fact(input, x.id, y.id) && (x.speaker.is_none() || y.speaker.is_none())) {
                continue;
            }
            if x.words == y.words {
                continue;
            }
            let (first, second) = if x.source < y.source { (x, y) } else { (y, x) };
            let (longer, shorter) = if first.words.len() >= second.words.len() { (first, second) } else { (second, first) };
            let shortened = shorter.words.len() >= MIN_SHORTENED_WORDS && contains_run(&longer.words, &shorter.words);
            if !shortened && dice(&x.words, &y.words) < SAME_QUOTE_OVERLAP {
                continue;
            }
            let who = first
                .speaker
                .or(second.speaker)
                .and_then(|e| input.entities.get(e))
                .map_or_else(|| "The speaker".to_string(), |e| e.name.clone());
            let (kind, explanation) = if shortened {
                (
                    ConflictKind::QuoteOmission,
                    format!(
                        "{who}'s quotation is shortened, not changed: {} has “{}”, {} quotes only “{}”.",
                        source_name(longer.source),
                        longer.text,
                        source_name(shorter.source),
                        shorter.text
                    ),
                )
            } else {
                (
                    ConflictKind::Quote,
                    format!(
                        "{who} is quoted differently: {} has “{}”, {} has “{}”.",
                        source_name(first.source),
                        first.text,
                        source_name(second.source),
                        second.text
                    ),
                )
            };
            add(conflict(input, kind, (first.id, first.text.clone()), (second.id, second.text.clone()), explanation));
        }
    }
}

fn time_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    let mut times_of: BTreeMap<usize, Vec<(usize, &TimeMatch, &str)>> = BTreeMap::new();
    for (source, article) in input.articles.iter().enumerate() {
        for (index, t) in &article.times {
            times_of.entry(input.first_id[source] + index).or_default().push((
                source,
                t,
                &article.text[t.range.clone()],
            ));
        }
    }
    // Only related sentences can date the same event, so walk the related pairs.
    let pairs = input.related.iter().filter_map(|(a, b)| Some(((*a, times_of.get(a)?), (*b, times_of.get(b)?))));
    for ((a, times_a), (b, times_b)) in pairs {
        for &(source_a, ta, text_a) in times_a {
            for &(source_b, tb, text_b) in times_b {
                if source_a == source_b || ta.kind != tb.kind || ta.value == tb.value {
                    continue;
                }
                // "Today" and "this morning" describe the day of publication at different grains.
                let same_day = |value: &str| value == "today" || value.starts_with("this-");
                if same_day(&ta.value) || same_day(&tb.value) {
                    continue;
                }
                if !matches!(ta.kind, TimeKind::Relative | TimeKind::Weekday | TimeKind::Date) {
                    continue;
                }
                // Two times in one sentence usually describe two events: compare only lone times.
                let lone = |times: &[(usize, &TimeMatch, &str)]| {
                    times.iter().filter(|(_, t, _)| t.kind == ta.kind).count() == 1
                };
                if !lone(times_a) || !lone(times_b) {
                    continue;
                }
                // Relative times name spans that may overlap ("last week" lies in "last month"
                // at a month's start) and depend on each article's date: with both dates known,
                // the spans they name settle it; without, they only pull apart.
                let relative = ta.kind == TimeKind::Relative;
                let dated = if relative { dated_spans(input, (source_a, &ta.value), (source_b, &tb.value)) } else { None };
                if dated.as_ref().is_some_and(|d| d.overlap) {
                    continue;
                }
                let reasoning = match &dated {
                    Some(d) => format!(
                        " Dated {}, “{text_a}” there means {}; dated {}, “{text_b}” means {}: both cannot be true.",
                        times::day_name(d.published.0),
                        span_name(d.spans.0),
                        times::day_name(d.published.1),
                        span_name(d.spans.1)
                    ),
                    None if relative && input.articles[source_a].published.is_some() && input.articles[source_b].published.is_some() => {
                        " Both articles are dated, but one of the two names no span of days that can be told, so both can be true, but they pull apart.".to_string()
                    }
                    None if relative => " Without the articles' dates both can be true, but they pull apart.".to_string(),
                    None => " Both cannot be true.".to_string(),
                };
                let mut found = conflict(
                    input,
                    ConflictKind::Time,
                    (a, text_a.to_string()),
                    (b, text_b.to_string()),
                    format!(
                        "The same event is dated differently: {} says “{}”, {} says “{}”.{reasoning}",
                        source_name(source_a),
                        text_a,
                        source_name(source_b),
                        text_b
                    ),
                );
                found.verdict = if relative && dated.is_none() { Verdict::Differ } else { Verdict::Contradict };
                add(found);
            }
        }
    }
}

/// Two relative times read against their articles' dates.
struct DatedSpans {
    /// The two articles' dates.
    published: (times::Day, times::Day),
    /// The days each relative time means, first and last.
    spans: ((times::Day, times::Day), (times::Day, times::Day)),
    /// Whether the spans share a day: then both can be true.
    overlap: bool,
}

/// The spans two relative times mean, when both articles are dated. A date without a year takes
/// the year that puts it nearest the other article's date (two reports of one event are days
/// apart: "--01-02" beside "2031-12-30" is 2 January 2032); two without a year are not read,
/// since the weekday, and so "last week", depends on it.
fn dated_spans(input: &Input<'_, '_>, (source_a, a): (usize, &str), (source_b, b): (usize, &str)) -> Option<DatedSpans> {
    let (date_a, date_b) = (input.articles[source_a].published.as_deref()?, input.articles[source_b].published.as_deref()?);
    let year = times::year_of(date_a).or_else(|| times::year_of(date_b))?;
    // A date with its year is that day; one without, the day of that month and day nearest `other`.
    let day = |date: &str, other: Option<times::Day>| match other.filter(|_| times::year_of(date).is_none()) {
        Some(other) => (year - 1..=year + 1).filter_map(|y| times::day_of(date, Some(y))).min_by_key(|day| (day - other).abs()),
        None => times::day_of(date, None),
    };
    let published = match (day(date_a, None), day(date_b, None)) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) => (a, day(date_b, Some(a))?),
        (None, Some(b)) => (day(date_a, Some(b))?, b),
        (None, None) => return None,
    };
    let spans = (times::relative_days(a, published.0)?, times::relative_days(b, published.1)?);
    let overlap = spans.0 .0 <= spans.1 .1 && spans.1 .0 <= spans.0 .1;
    Some(DatedSpans { published, spans, overlap })
}

/// "6 October 2031 to 12 October 2031", or one day.
fn span_name((first, last): (times::Day, times::Day)) -> String {
    if first == last {
        times::day_name(first)
    } else {
        format!("{} to {}", times::day_name(first), times::day_name(last))
    }
}

/// Places a sentence puts something in ("in Paris", "at the Kremlin"), as entity ids.
fn places_in(input: &Input<'_, '_>, source: usize, index: usize) -> Vec<(usize, Range<usize>)> {
    let article = &input.articles[source];
    article
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.sentence == index
                && m.kind == EntityKind::Place
                && article.text[..m.range.start].trim_end().rsplit(' ').next().is_some_and(|w| w == "in" || w == "at")
        })
        .filter_map(|(k, m)| Some((input.entity_of[source][k]?, m.range.clone())))
        .collect()
}

fn place_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    // Only sentences of one fact are compared, so walk each fact's members, not all pairs.
    let facts = input.facts_of.iter().flatten().max().map_or(0, |last| last + 1);
    let mut members: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); facts];
    for (source, article) in input.articles.iter().enumerate() {
        for index in article.body_sentences() {
            let id = input.first_id[source] + index;
            for &fact in &input.facts_of[id] {
                members[fact].push((id, source, index));
            }
        }
    }
    for fact_members in &members {
        for (k, &(a, source_a, index_a)) in fact_members.iter().enumerate() {
            let places_a = places_in(input, source_a, index_a);
            let [(place_a, range_a)] = places_a.as_slice() else {
                continue;
            };
            for &(b, source_b, index_b) in &fact_members[k + 1..] {
                if source_b == source_a {
                    continue;
                }
                let places_b = places_in(input, source_b, index_b);
                let [(place_b, range_b)] = places_b.as_slice() else {
                    continue;
                };
                // A source that names the other place anywhere does not clearly disagree.
                let names_place = |source: usize, place: usize| input.entity_of[source].contains(&Some(place));
                if place_a == place_b
                    || names_place(source_a, *place_b)
                    || names_place(source_b, *place_a)
                    || !shares_person(input, (source_a, index_a), (source_b, index_b))
                {
                    continue;
                }
                let (text_a, text_b) =
                    (&input.articles[source_a].text[range_a.clone()], &input.articles[source_b].text[range_b.clone()]);
                add(conflict(
                    input,
                    ConflictKind::Place,
                    (a, text_a.to_string()),
                    (b, text_b.to_string()),
                    format!(
                        "The same fact is placed differently: {} says in {}, {} says in {}.",
                        source_name(source_a),
                        text_a,
                        source_name(source_b),
                        text_b
                    ),
                ));
            }
        }
    }
}

/// Regions that hold many places: "during a tour in Europe" and "in Paris" can both be true.
const REGIONS: &[&str] = &[
    "Africa", "America", "Asia", "Central Asia", "Europe", "Latin America", "Middle East", "North America",
    "Scandinavia", "South America", "Southeast Asia", "the Balkans", "the Caucasus", "the Gulf", "the Middle East",
];

/// Words after a cue within which a place still tells where the statement was made ("said
/// after separate talks in Paris").
const PLACE_WORDS_AFTER_CUE: usize = 8;

/// Where an attribution says its statement was made: a place after "in", "at" or "from" in its
/// sentence, outside what is said, in the source phrase ("X, speaking in Dublin,"), between it
/// and the cue, or a few words after the cue.
fn statement_place(input: &Input<'_, '_>, source: usize, attribution: &AttributionMatch) -> Option<(usize, Range<usize>)> {
    let article = &input.articles[source];
    let sentence = article.sentences.get(attribution.sentence)?.range.clone();
    let after_cue = first_bytes(article.text.get(attribution.cue.end..sentence.end)?, 400);
    let reach = tokens::words(after_cue)
        .get(PLACE_WORDS_AFTER_CUE - 1)
        .map_or(sentence.end, |w| attribution.cue.end + w.range.end);
    // "Speaking from the regional capital, Belomir, Governor X said": the opening phrase
    // tells where too.
    let opening = article.text.get(sentence.start..attribution.source.start.max(sentence.start)).unwrap_or("").trim_start();
    let speaking = opening.get(.."speaking".len()).is_some_and(|w| w.eq_ignore_ascii_case("speaking"));
    let from = if speaking { sentence.start } else { attribution.source.start };
    let region = from.min(attribution.cue.start)..reach;
    // Mentions are in text order: those in the region are one run of them.
    let from = article.mentions.partition_point(|m| m.range.start < region.start);
    let to = article.mentions.partition_point(|m| m.range.start < region.end);
    let places: Vec<(usize, Range<usize>)> = article
        .mentions
        .iter()
        .enumerate()
        .take(to.max(from))
        .skip(from)
        .filter(|(_, m)| {
            m.kind == EntityKind::Place
                && !REGIONS.contains(&&article.text[m.range.clone()])
                && region.start <= m.range.start
                && m.range.end <= region.end
                && !(attribution.content.start <= m.range.start && m.range.end <= attribution.content.end)
                && article.text.get(sentence.start..m.range.start).is_some_and(placed_by_preposition)
        })
        .filter_map(|(k, m)| Some((input.entity_of[source][k]?, m.range.clone())))
        .collect();
    match places.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether the place that follows `before` is where something is: right after "in", "at" or
/// "from", or in apposition to a place that is ("from the regional capital, Belomir").
fn placed_by_preposition(before: &str) -> bool {
    let is_preposition = |w: &str| matches!(w, "in" | "at" | "from");
    let trimmed = before.trim_end();
    if trimmed.rsplit(' ').next().is_some_and(is_preposition) {
        return true;
    }
    let Some(apposed) = trimmed.strip_suffix(',') else { return false };
    let words: Vec<&str> = apposed.rsplit(' ').take(4).collect();
    words.iter().skip(1).any(|w| is_preposition(w)) && !apposed.ends_with(char::is_numeric)
}

/// Where a person's statement was made, by speaker and source: (place entity, sentence id,
/// the place as written).
type StatementPlace = (usize, usize, String);

fn statement_place_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    let mut places: BTreeMap<usize, BTreeMap<usize, Vec<StatementPlace>>> = BTreeMap::new();
    for (source, article) in input.articles.iter().enumerate() {
        for (attribution, speaker) in article.attributions.iter().zip(&input.attribution_speaker_of[source]) {
            let Some(speaker) = *speaker else { continue };
            if input.entities.get(speaker).map(|e| e.kind) != Some(EntityKind::Person) {
                continue;
            }
            if let Some((place, range)) = statement_place(input, source, attribution) {
                let sentence = input.first_id[source] + attribution.sentence;
                places.entry(speaker).or_default().entry(source).or_default().push((place, sentence, article.text[range].to_string()));
            }
        }
    }
    // A sentence that names both places does not put the statement in one of them alone.
    let names_place = |source: usize, sentence: usize, place: usize| {
        let index = sentence - input.first_id[source];
        input.articles[source].mentions.iter().zip(&input.entity_of[source]).any(|(m, e)| m.sentence == index && *e == Some(place))
    };
    for (speaker, by_source) in &places {
        let listed: Vec<(&usize, &Vec<StatementPlace>)> = by_source.iter().collect();
        for (k, (&source_a, at_a)) in listed.iter().enumerate() {
            for (&source_b, at_b) in &listed[k + 1..] {
                let (place_a, a, text_a) = &at_a[0];
                let (place_b, b, text_b) = &at_b[0];
                // One place in each source.
                let single = |at: &[StatementPlace]| at.iter().all(|(p, ..)| p == &at[0].0);
                if place_a == place_b
                    || !single(at_a)
                    || !single(at_b)
                    || names_place(source_a, *a, *place_b)
                    || names_place(source_b, *b, *place_a)
                {
                    continue;
                }
                let name = &input.entities[*speaker].name;
                let mut found = conflict(
                    input,
                    ConflictKind::Place,
                    (*a, text_a.clone()),
                    (*b, text_b.clone()),
                    format!(
                        "{name} is placed differently when speaking: {} has them in {text_a}, {} in {text_b}. Both can be true if these are two occasions; check where each statement was made.",
                        source_name(source_a),
                        source_name(source_b)
                    ),
                );
                found.verdict = Verdict::Differ;
                add(found);
            }
        }
    }
}

/// Whether two sentences name the same person: a place conflict is about one person's action.
fn shares_person(
    input: &Input<'_, '_>,
    (source_a, index_a): (usize, usize),
    (source_b, index_b): (usize, usize),
) -> bool {
    let people = |source: usize, index: usize| -> BTreeSet<usize> {
        input.articles[source]
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == index && m.kind == EntityKind::Person)
            .filter_map(|(k, _)| input.entity_of[source][k])
            .collect()
    };
    !people(source_a, index_a).is_disjoint(&people(source_b, index_b))
}

/// A role a source gives a person: (role, sentence id, the role as written), by person and
/// source, in text order.
type GivenRole<'a> = (&'a Role, usize, &'a str);

fn role_conflicts(input: &Input<'_, '_>, add: &mut impl FnMut(Conflict)) {
    let mut roles: BTreeMap<usize, BTreeMap<usize, Vec<GivenRole<'_>>>> = BTreeMap::new();
    for (source, article) in input.articles.iter().enumerate() {
        for found in &article.roles {
            let Some(entity) = input.entity_of[source][found.mention] else { continue };
            if input.entities.get(entity).map(|e| e.kind) != Some(EntityKind::Person) {
                continue;
            }
            let sentence = input.first_id[source] + article.mentions[found.mention].sentence;
            roles.entry(entity).or_default().entry(source).or_default().push((&found.role, sentence, &article.text[found.range.clone()]));
        }
    }
    for (entity, by_source) in &roles {
        let listed: Vec<(&usize, &Vec<GivenRole<'_>>)> = by_source.iter().collect();
        for (k, (source_a, roles_a)) in listed.iter().enumerate() {
            for (source_b, roles_b) in &listed[k + 1..] {
                // Sources that agree on any role of the person do not disagree about it.
                if roles_a.iter().any(|(a, ..)| roles_b.iter().any(|(b, ..)| a.compatible(b))) {
                    continue;
                }
                let ((role_a, a, text_a), (role_b, b, text_b)) = (roles_a[0], roles_b[0]);
                let name = &input.entities[*entity].name;
                add(conflict(
                    input,
                    ConflictKind::Role,
                    (a, text_a.to_string()),
                    (b, text_b.to_string()),
                    format!(
                        "{name} is given different roles: {} has “{text_a}” ({}), {} has “{text_b}” ({}).",
                        source_name(**source_a),
                        role_a.describe(),
                        source_name(**source_b),
                        role_b.describe()
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_cannot_both_hold_contradict_and_those_that_pull_apart_differ() {
        let verdict = |(a, a_text): (QuantityMatch, &str), (b, b_text): (QuantityMatch, &str)| {
            assert!(disjoint(implied_interval(&a, a_text), implied_interval(&b, b_text)), "{a_text} against {b_text} is a conflict");
            if disjoint(stated_interval(&a, a_text), stated_interval(&b, b_text)) { Verdict::Contradict } else { Verdict::Differ }
        };
        let fifth = (q(20.0, Bound::MoreThan), "more than a fifth");
        assert_eq!(verdict((q(19.0, Bound::Approximate), "about 19%"), fifth.clone()), Verdict::Contradict);
        assert_eq!(verdict((q(19.0, Bound::MoreThan), "more than 19%"), fifth.clone()), Verdict::Differ);
        assert_eq!(verdict((q(19.0, Bound::Exact), "19%"), fifth), Verdict::Contradict);
        assert_eq!(verdict((q(12.0, Bound::AtLeast), "at least 12"), (q(8.0, Bound::Exact), "eight")), Verdict::Contradict);
        assert_eq!(describe_interval((19.0, 20.0)), "19 to 20");
        assert_eq!(describe_interval((20.0, f64::INFINITY)), "over 20");
    }

    #[test]
    fn pairs_that_share_a_sentence_value_are_one_disagreement() {
        let pair = |kind: ConflictKind, (a, value_a): (usize, &str), (b, value_b): (usize, &str)| Conflict {
            kind,
            sentences: vec![a, b],
            fact: None,
            values: vec![value_a.into(), value_b.into()],
            diff: Vec::new(),
            explanation: String::new(),
            verdict: Verdict::Contradict,
            disagreement: 99,
        };
        let mut conflicts = vec![
            pair(ConflictKind::Quantity, (1, "40 people"), (7, "45 people")),
            pair(ConflictKind::Quote, (2, "we will rebuild"), (8, "we shall rebuild")),
            pair(ConflictKind::Quantity, (3, "3 dead"), (9, "5 dead")),
            pair(ConflictKind::Quote, (2, "we will rebuild"), (14, "we will rebuild it all")),
            pair(ConflictKind::QuoteOmission, (8, "We shall rebuild"), (20, "we shall rebuild, and more")),
            pair(ConflictKind::Quantity, (1, "three hours"), (9, "5 dead")),
        ];
        number_disagreements(&mut conflicts);
        let ids: Vec<usize> = conflicts.iter().map(|c| c.disagreement).collect();
        assert_eq!(ids, [0, 1, 2, 1, 1, 2], "a quote in three wordings and its shortened form are one; other values of a sentence are not");
    }

    fn q(value: f64, bound: Bound) -> QuantityMatch {
        QuantityMatch { range: 0..0, value, low: None, high: None, bound, unit: "%".into() }
    }

    #[test]
    fn precision_follows_the_digits_written() {
        assert_eq!(precision_step(19.0, "19%"), 1.0);
        assert_eq!(precision_step(115_600.0, "115,600"), 100.0);
        assert!((precision_step(1_200_000.0, "1.2 million") - 100_000.0).abs() < 1e-6);
        assert_eq!(precision_step(600.0, "more than 600"), 100.0);
        assert_eq!(precision_step(20.0, "a fifth"), 5.0);
    }

    #[test]
    fn implied_intervals_separate_real_disagreements_from_wording() {
        let more_19 = implied_interval(&q(19.0, Bound::MoreThan), "more than 19%");
        let about_19 = implied_interval(&q(19.0, Bound::Approximate), "about 19%");
        let more_fifth = implied_interval(&q(20.0, Bound::MoreThan), "more than a fifth");
        let over_19 = implied_interval(&q(19.0, Bound::MoreThan), "over 19%");
        assert!(disjoint(more_19, more_fifth));
        assert!(disjoint(about_19, more_fifth));
        assert!(!disjoint(more_19, over_19));
        let over_million = implied_interval(&q(1.2e6, Bound::MoreThan), "over 1.2 million");
        let more_million = implied_interval(&q(1.2e6, Bound::MoreThan), "more than 1.2 million");
        let estimated = implied_interval(&q(1.2e6, Bound::Approximate), "an estimated 1.2 million");
        assert!(!disjoint(over_million, more_million));
        assert!(!disjoint(estimated, more_million));
    }
}
