//! Attribution on PolNeAR train: which quotations crosscheck finds in real political news, who
//! it says spoke, and how its attributed claims line up with hand-annotated attributions.
//!
//! In: `<data>/polnear/polnear_train.json` (840 articles; format and oddities in its
//! `SOURCE.md`). Each article goes alone through [`crate::compare`], as a user comparing one
//! article would, and only the report is read. Out: [`Figure`]s: direct quotes found, their
//! speakers right, reported quotations that are real, attribution source F1 (overlap and exact),
//! who-said-what F1, and a line saying that cue F1 is not measured. Without the data file there
//! is one figure saying the suite was skipped.
//!
//! Gold:
//! - One annotator per article, the first (ids sorted; the data's default): 16 articles have 5
//!   or 6, and scoring each would weigh those articles several times. Attributions without any
//!   role (34) are dropped.
//! - PolNeAR spans are character offsets (Python `str` indices). They become byte offsets of the
//!   text, then UTF-16 code units through [`Utf16Index`], the report's unit. Lengths below are
//!   UTF-16 code units: characters, for this text has none outside the Basic Multilingual Plane.
//! - A *quoted* attribution is one with `has_quote_marks`; its *quoted part* is the characters of
//!   its content between double quote marks (“…” or "…"), without the marks. It is a *direct
//!   quote* when its content, first to last character, opens and closes with a quote mark
//!   (trailing spaces and `.,;:` aside): "“We will win,” he said" is direct, "called the plan
//!   “a disaster”" is mixed. A discontinuous source (9) counts as its extent.
//! - The *speaker* of an attribution is its source, or, when the source is a pronoun ("he",
//!   "who"), the nearest source before it that is not one: the gold has no coreference, and a
//!   "he said" in news mostly points back to the person last quoted.
//!
//! Scoring:
//! 1. *Found*: the reported quotations (full and partial) cover at least half of the quoted
//!    part's characters.
//! 2. *Speaker right*, for a direct quote found, on the reported quotation that covers most of
//!    it: the speaker's entity has a mention overlapping the gold speaker, or the last word of
//!    the reported speaker's name is a word of the gold speaker (words folded as
//!    [`tokens::words`] folds them), so "Hope Hicks" matches "Trump spokeswoman Hope Hicks". An
//!    attribution without a source is right when no speaker is reported.
//! 3. *Real*: at least half of a reported quotation's characters lie in gold contents.
//! 4. *Source F1*: the report names a speaker entity for quotations and claims but gives no
//!    span for it, so the predicted source span is that entity's mention in the same sentence
//!    nearest the content (outside it when one is), else its last mention before the content.
//!    A quotation whose speaker is linked to no entity ("he", unresolved) uses where the
//!    speaker is written in its sentence, nearest the quotation. Predicted attributions are the
//!    quotations with a speaker, and the claims with a speaker that do not lie inside such a
//!    quotation (those repeat its speaker). Distinct predicted source spans are compared with
//!    distinct gold source spans, span by span: *overlap* when they share a character, *exact*
//!    when equal. CofeNet's exact F1 is span-level too; Citron's overlap F1 weighs tokens, so
//!    it compares only loosely.
//! 5. *Who said what*: a predicted (source, content) pair matches a gold attribution when the
//!    contents share a character and the source overlaps the gold source or speaker.
//!
//! Cues are not in the report, so cue F1 is not measured.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::eval::Figure;
use crate::read::offsets::Utf16Index;
use crate::read::tokens;
use crate::report::{Article, Report};
use crate::Options;

#[derive(Deserialize)]
struct RawArticle {
    filename: String,
    text: String,
    /// One per annotator, sorted by annotator id.
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    source: Vec<RawRole>,
    cue: Vec<RawRole>,
    content: Vec<RawRole>,
    has_quote_marks: bool,
}

/// One role's spans: `[start, end)` character offsets into the article text.
#[derive(Deserialize)]
struct RawRole {
    spans: Vec<[usize; 2]>,
}

/// Sources that name nobody: the speaker is then found by [`resolve_speakers`].
const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "his", "them", "their", "its", "us", "me"];

/// A gold attribution, spans in UTF-16 code units.
#[derive(Debug)]
struct GoldAttribution {
    /// The source's extent, if one was annotated.
    source: Option<Range<usize>>,
    /// The cue's extent, if one was annotated.
    cue: Option<Range<usize>>,
    /// The content's fragments, in text order.
    content: Vec<Range<usize>>,
    /// The content's characters between quote marks, empty unless `has_quote_marks`.
    quoted: Vec<Range<usize>>,
    /// The content is wholly in quote marks.
    direct: bool,
    /// The source is a pronoun.
    pronoun: bool,
    /// Who spoke: the source, or for a pronoun the nearest named source before it.
    speaker: Option<Range<usize>>,
    /// The speaker's words, folded.
    speaker_words: Vec<String>,
}

/// A gold attribution with byte ranges, before speakers are resolved.
struct Located {
    source: Option<Range<usize>>,
    cue: Option<Range<usize>>,
    content: Vec<Range<usize>>,
    has_quote_marks: bool,
}

/// Byte offset of every character of `text`, then of its end: PolNeAR's character offsets
/// index this list.
fn char_byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices().map(|(at, _)| at).chain(std::iter::once(text.len())).collect()
}

/// The smallest range holding all of `ranges`.
fn extent(ranges: &[Range<usize>]) -> Option<Range<usize>> {
    let start = ranges.iter().map(|r| r.start).min()?;
    let end = ranges.iter().map(|r| r.end).max()?;
    Some(start..end)
}

/// The gold attributions of an article's first annotator.
fn read_gold(article: &RawArticle) -> Result<Vec<GoldAttribution>, String> {
    let text = article.text.as_str();
    let Some(annotation) = article.annotations.first() else { return Ok(Vec::new()) };
    let bytes = char_byte_offsets(text);
    let to_bytes = |&[start, end]: &[usize; 2]| match (bytes.get(start), bytes.get(end)) {
        (Some(&s), Some(&e)) if s <= e => Ok(s..e),
        _ => Err(format!("{}: span {start}..{end} is outside the text", article.filename)),
    };
    let fragments = |roles: &[RawRole]| -> Result<Vec<Range<usize>>, String> {
        let mut spans = roles.iter().flat_map(|r| &r.spans).map(&to_bytes).collect::<Result<Vec<_>, _>>()?;
        spans.sort_by_key(|r| (r.start, r.end));
        Ok(spans)
    };
    let mut located = Vec::new();
    for attribution in &annotation.attributions {
        if attribution.source.is_empty() && attribution.cue.is_empty() && attribution.content.is_empty() {
            continue;
        }
        located.push(Located {
            source: extent(&fragments(&attribution.source)?),
            cue: extent(&fragments(&attribution.cue)?),
            content: fragments(&attribution.content)?,
            has_quote_marks: attribution.has_quote_marks,
        });
    }
    let sources: Vec<Option<Range<usize>>> = located.iter().map(|a| a.source.clone()).collect();
    let speakers = resolve_speakers(text, &sources);
    let utf16 = Utf16Index::new(text);
    let units = |r: &Range<usize>| utf16.utf16(r.start)..utf16.utf16(r.end);
    Ok(located
        .iter()
        .zip(speakers)
        .map(|(a, speaker)| GoldAttribution {
            source: a.source.as_ref().map(units),
            cue: a.cue.as_ref().map(units),
            content: a.content.iter().map(units).collect(),
            quoted: if a.has_quote_marks { quoted_parts(text, &a.content).iter().map(units).collect() } else { Vec::new() },
            direct: a.has_quote_marks && is_direct(text, &a.content),
            pronoun: a.source.as_ref().is_some_and(|s| is_pronoun(&text[s.clone()])),
            speaker_words: speaker.as_ref().map_or_else(Vec::new, |s| folded_words(&text[s.clone()])),
            speaker: speaker.as_ref().map(units),
        })
        .collect())
}

fn is_pronoun(source: &str) -> bool {
    PRONOUNS.contains(&source.trim().to_lowercase().as_str())
}

/// Each source's speaker (byte ranges): itself, or for a pronoun the nearest source starting
/// before it that is not a pronoun (none when there is no such source).
fn resolve_speakers(text: &str, sources: &[Option<Range<usize>>]) -> Vec<Option<Range<usize>>> {
    let named: Vec<&Range<usize>> = sources.iter().flatten().filter(|s| !is_pronoun(&text[(*s).clone()])).collect();
    sources
        .iter()
        .map(|source| {
            let source = source.as_ref()?;
            if !is_pronoun(&text[source.clone()]) {
                return Some(source.clone());
            }
            named.iter().filter(|n| n.start < source.start).max_by_key(|n| (n.start, n.end)).map(|n| (*n).clone())
        })
        .collect()
}

/// The parts of `content` (sorted byte ranges into `text`) between double quote marks, without
/// the marks. A content that starts inside a quotation shows a closing mark first; one that
/// ends inside a quotation leaves a mark open.
fn quoted_parts(text: &str, content: &[Range<usize>]) -> Vec<Range<usize>> {
    let Some(whole) = extent(content) else { return Vec::new() };
    let span = &text[whole.clone()];
    let first_mark = span.chars().find(|c| matches!(c, '“' | '”' | '"'));
    let mut open = (first_mark == Some('”')).then_some(whole.start);
    let mut parts = Vec::new();
    for (at, c) in span.char_indices() {
        let at = whole.start + at;
        match (c, open) {
            ('“' | '"', None) => open = Some(at + c.len_utf8()),
            ('”' | '"', Some(start)) => {
                parts.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        parts.push(start..whole.end);
    }
    // Only what was marked as content: not the "he said" between two fragments.
    parts
        .iter()
        .flat_map(|p| content.iter().map(move |c| p.start.max(c.start)..p.end.min(c.end)))
        .filter(|r| r.start < r.end)
        .collect()
}

/// True when the content, first to last character, opens and closes with a double quote mark.
fn is_direct(text: &str, content: &[Range<usize>]) -> bool {
    let Some(whole) = extent(content) else { return false };
    let words = text[whole].trim_start().trim_end_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
    words.chars().count() > 1 && words.starts_with(['“', '"']) && words.ends_with(['”', '"'])
}

/// Words as [`tokens::words`] folds them: lowercase, diacritics folded, possessive removed.
fn folded_words(text: &str) -> Vec<String> {
    tokens::words(text).into_iter().map(|t| t.norm).collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// How far apart two ranges are (0 when they touch or overlap).
fn total_length(ranges: &[Range<usize>]) -> usize {
    ranges.iter().map(|r| r.len()).sum()
}

/// `ranges` sorted, with overlapping or touching ones joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges.into_iter().filter(|r| !r.is_empty()) {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Code units of `parts` (disjoint) that lie in `cover` (merged, so none counts twice).
fn covered(parts: &[Range<usize>], cover: &[Range<usize>]) -> usize {
    parts
        .iter()
        .flat_map(|p| cover.iter().map(move |c| p.end.min(c.end).saturating_sub(p.start.max(c.start))))
        .sum()
}

/// At least half of `parts` lies in `cover`.
fn mostly_covered(parts: &[Range<usize>], cover: &[Range<usize>]) -> bool {
    let length = total_length(parts);
    length > 0 && 2 * covered(parts, cover) >= length
}

/// The gold speaker matches a reported one: a mention of the speaker's entity overlaps it, or
/// the last word of the speaker's name is one of its words. No source matches no speaker.
fn speaker_matches(gold: &GoldAttribution, name: Option<&str>, entity_mentions: &[Range<usize>]) -> bool {
    let Some(name) = name else { return gold.source.is_none() };
    if gold.source.is_none() {
        return false;
    }
    if let Some(speaker) = &gold.speaker {
        if entity_mentions.iter().any(|m| overlaps(m, speaker)) {
            return true;
        }
    }
    folded_words(name).last().is_some_and(|last| gold.speaker_words.contains(last))
}

/// A reported quotation, UTF-16 code units.
struct ReportedQuote {
    range: Range<usize>,
    speaker: Option<String>,
    /// Every mention of the speaker's entity.
    entity_mentions: Vec<Range<usize>>,
    partial: bool,
}

/// One of the report's attributions, UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ReportedAttribution {
    source: Range<usize>,
    cue: Range<usize>,
    content: Range<usize>,
}

/// What the report of one article says, for scoring: its quotations and its attributions.
struct Predicted {
    quotes: Vec<ReportedQuote>,
    attributions: Vec<ReportedAttribution>,
}

fn read_report(report: &Report) -> Predicted {
    let quotes = report
        .quotes
        .iter()
        .map(|quote| ReportedQuote {
            range: quote.start..quote.end,
            speaker: quote.speaker.clone(),
            entity_mentions: quote
                .entity
                .and_then(|e| report.entities.get(e))
                .map_or_else(Vec::new, |e| e.mentions.iter().map(|m| m.start..m.end).collect()),
            partial: quote.partial,
        })
        .collect();
    let attributions = report
        .attributions
        .iter()
        .map(|a| ReportedAttribution {
            source: a.source.start..a.source.end,
            cue: a.cue.start..a.cue.end,
            content: a.content.start..a.content.end,
        })
        .collect();
    Predicted { quotes, attributions }
}

/// Matched counts on both sides of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Matches {
    predicted: usize,
    predicted_right: usize,
    gold: usize,
    gold_found: usize,
}

impl Matches {
    fn add(&mut self, other: Matches) {
        self.predicted += other.predicted;
        self.predicted_right += other.predicted_right;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
    }

    fn precision(&self) -> f64 {
        ratio(self.predicted_right, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn describe(&self) -> String {
        format!(
            "F1 {:.3} (P {:.3} = {}/{}, R {:.3} = {}/{})",
            self.f1(),
            self.precision(),
            self.predicted_right,
            self.predicted,
            self.recall(),
            self.gold_found,
            self.gold
        )
    }
}

fn ratio(k: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        k as f64 / n as f64
    }
}

/// `predicted` and `gold` matched both ways by `same`.
fn match_both_ways<P, G>(predicted: &[P], gold: &[G], same: impl Fn(&P, &G) -> bool) -> Matches {
    Matches {
        predicted: predicted.len(),
        predicted_right: predicted.iter().filter(|p| gold.iter().any(|g| same(p, g))).count(),
        gold: gold.len(),
        gold_found: gold.iter().filter(|g| predicted.iter().any(|p| same(p, g))).count(),
    }
}

/// `(right, total)`.
type Share = (usize, usize);

fn count(share: &mut Share, right: bool) {
    share.0 += usize::from(right);
    share.1 += 1;
}

fn describe_share((right, total): Share) -> String {
    format!("{right}/{total} = {:.2}%", 100.0 * ratio(right, total))
}

/// Totals over the articles.
#[derive(Debug, Default)]
struct Outcome {
    articles: usize,
    /// Gold attributions scored.
    attributions: usize,
    direct_found: Share,
    /// Direct and mixed.
    quoted_found: Share,
    /// Speaker right, of the direct quotes found whose source is a name.
    speaker_named: Share,
    /// … whose source is a pronoun.
    speaker_pronoun: Share,
    /// … that have no source.
    speaker_no_source: Share,
    /// Full reported quotations that are real.
    real_full: Share,
    /// Partial reported quotations that are real.
    real_partial: Share,
    source_overlap: Matches,
    source_exact: Matches,
    cue_overlap: Matches,
    cue_exact: Matches,
    content_overlap: Matches,
    who_said_what: Matches,
}

impl Outcome {
    fn speaker_right(&self) -> Share {
        let shares = [self.speaker_named, self.speaker_pronoun, self.speaker_no_source];
        (shares.iter().map(|s| s.0).sum(), shares.iter().map(|s| s.1).sum())
    }
}

/// Adds one article's scores to `outcome`.
fn score_article(gold: &[GoldAttribution], predicted: &Predicted, outcome: &mut Outcome) {
    outcome.articles += 1;
    outcome.attributions += gold.len();
    let reported = merged(predicted.quotes.iter().map(|q| q.range.clone()).collect());
    for attribution in gold.iter().filter(|a| !a.quoted.is_empty()) {
        let found = mostly_covered(&attribution.quoted, &reported);
        count(&mut outcome.quoted_found, found);
        if !attribution.direct {
            continue;
        }
        count(&mut outcome.direct_found, found);
        let best = predicted.quotes.iter().max_by_key(|q| covered(&attribution.quoted, std::slice::from_ref(&q.range)));
        let Some(quote) = best.filter(|_| found) else { continue };
        let right = speaker_matches(attribution, quote.speaker.as_deref(), &quote.entity_mentions);
        let kind = match (&attribution.source, attribution.pronoun) {
            (None, _) => &mut outcome.speaker_no_source,
            (Some(_), true) => &mut outcome.speaker_pronoun,
            (Some(_), false) => &mut outcome.speaker_named,
        };
        count(kind, right);
    }

    let contents = merged(gold.iter().flat_map(|a| a.content.iter().cloned()).collect());
    for quote in &predicted.quotes {
        let real = mostly_covered(std::slice::from_ref(&quote.range), &contents);
        count(if quote.partial { &mut outcome.real_partial } else { &mut outcome.real_full }, real);
    }

    let distinct = |mut spans: Vec<Range<usize>>| {
        spans.sort_by_key(|r| (r.start, r.end));
        spans.dedup();
        spans
    };
    let spans = |gold_span: fn(&GoldAttribution) -> Option<Range<usize>>, predicted_span: fn(&ReportedAttribution) -> Range<usize>| {
        let gold_spans = distinct(gold.iter().filter_map(gold_span).collect());
        let predicted_spans = distinct(predicted.attributions.iter().map(predicted_span).collect());
        (match_both_ways(&predicted_spans, &gold_spans, overlaps), match_both_ways(&predicted_spans, &gold_spans, |p, g| p == g))
    };
    let (overlap, exact) = spans(|g| g.source.clone(), |p| p.source.clone());
    outcome.source_overlap.add(overlap);
    outcome.source_exact.add(exact);
    let (overlap, exact) = spans(|g| g.cue.clone(), |p| p.cue.clone());
    outcome.cue_overlap.add(overlap);
    outcome.cue_exact.add(exact);
    let (overlap, _) = spans(|g| extent(&g.content), |p| p.content.clone());
    outcome.content_overlap.add(overlap);

    let mut pairs = predicted.attributions.clone();
    pairs.sort_by_key(|p| (p.source.start, p.source.end, p.content.start, p.content.end));
    pairs.dedup_by(|a, b| a.source == b.source && a.content == b.content);
    let attributed: Vec<&GoldAttribution> = gold.iter().filter(|a| a.source.is_some() && !a.content.is_empty()).collect();
    outcome.who_said_what.add(match_both_ways(&pairs, &attributed, |p, g| {
        let said = g.content.iter().any(|c| overlaps(c, &p.content));
        let by = [&g.source, &g.speaker].into_iter().flatten().any(|s| overlaps(s, &p.source));
        said && by
    }));
}

/// Runs every article of `path` through [`crate::compare`] and scores it.
fn evaluate(path: &Path) -> Result<Outcome, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let articles: Vec<RawArticle> =
        serde_json::from_str(&raw).map_err(|e| format!("cannot parse {}: {e}", path.display()))?;
    let options = Options::default();
    let mut outcome = Outcome::default();
    for entry in articles {
        let gold = read_gold(&entry)?;
        let article = Article { name: entry.filename, text: entry.text };
        let report = crate::compare(std::slice::from_ref(&article), &options)
            .map_err(|e| format!("{}: {e}", article.name))?;
        score_article(&gold, &read_report(&report), &mut outcome);
    }
    Ok(outcome)
}

/// The figures for `crosscheck eval`, or one saying the suite was skipped when the data is
/// missing.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let path = data_dir.join("polnear").join("polnear_train.json");
    if !path.is_file() {
        return Ok(vec![Figure::new("PolNeAR train: skipped", format!("{} is missing", path.display()), "")]);
    }
    let o = evaluate(&path)?;
    let ratio_of = |(right, total): Share| format!("{right}/{total}");
    let real = (o.real_full.0 + o.real_partial.0, o.real_full.1 + o.real_partial.1);
    Ok(vec![
        Figure::new(
            format!("PolNeAR train ({} articles, {} attributions): direct quotes found, ≥ ½ covered", o.articles, o.attributions),
            describe_share(o.direct_found),
            "issue 14 target ≥ 99%",
        ),
        Figure::new("PolNeAR train: quoted attributions found, direct and mixed, ≥ ½ covered", describe_share(o.quoted_found), ""),
        Figure::new(
            "PolNeAR train: speaker right, of the direct quotes found",
            format!(
                "{} (named {}, pronoun {}, no source {})",
                describe_share(o.speaker_right()),
                ratio_of(o.speaker_named),
                ratio_of(o.speaker_pronoun),
                ratio_of(o.speaker_no_source)
            ),
            "issue 14 target ≥ 92%; GenderGapTracker about 86% speakers",
        ),
        Figure::new(
            "PolNeAR train: reported quotes that are real quotations, ≥ ½ in gold content",
            format!("{} (full {}, partial {})", describe_share(real), ratio_of(o.real_full), ratio_of(o.real_partial)),
            "issue 14 target ≥ 90%",
        ),
        Figure::new(
            "PolNeAR train: attribution source F1, overlap",
            o.source_overlap.describe(),
            "issue 14 target ≥ 0.85; Citron (BBC) 85.3 token overlap on PARC 3.0",
        ),
        Figure::new(
            "PolNeAR train: attribution source F1, exact",
            o.source_exact.describe(),
            "BERT-CofeNet 83.2 exact on PolNeAR (COLING 2022); Citron (BBC) 82.0 exact on PARC 3.0",
        ),
        Figure::new("PolNeAR train: attribution cue F1, overlap", o.cue_overlap.describe(), ""),
        Figure::new(
            "PolNeAR train: attribution cue F1, exact",
            o.cue_exact.describe(),
            "BERT-CofeNet 75.3 exact on PolNeAR; Citron (BBC) 82.3 exact on PARC 3.0",
        ),
        Figure::new("PolNeAR train: attribution content F1, overlap", o.content_overlap.describe(), ""),
        Figure::new("PolNeAR train: who said what F1 (source and content overlap)", o.who_said_what.describe(), ""),
    ])
}

#[cfg(test)]
// The helpers take lists of ranges, and a list of one range is the usual small case.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// Byte range of the only `needle` in `text`.
    fn find(text: &str, needle: &str) -> Range<usize> {
        let at = text.find(needle).expect("needle in text");
        assert_eq!(text.matches(needle).count(), 1, "{needle:?} once");
        at..at + needle.len()
    }

    #[test]
    fn character_offsets_become_bytes_then_utf16_units() {
        let text = "é😀 “ok”";
        let bytes = char_byte_offsets(text);
        assert_eq!(bytes, vec![0, 2, 6, 7, 10, 11, 12, 15]);
        let index = Utf16Index::new(text);
        // Python's text[3:7] is “ok”: bytes 7..15, UTF-16 4..8 (the emoji takes two units).
        assert_eq!(&text[bytes[3]..bytes[7]], "“ok”");
        assert_eq!((index.utf16(bytes[3]), index.utf16(bytes[7])), (4, 8));
    }

    #[test]
    fn quoted_parts_keep_only_the_content_between_marks() {
        let text = "“We will win,” he said. “Soon.” She called it a “total disaster” today.";
        let direct = [find(text, "“We will win,”"), find(text, "“Soon.”")];
        let parts: Vec<&str> = quoted_parts(text, &direct).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["We will win,", "Soon."]);
        assert!(is_direct(text, &direct));
        let mixed = [find(text, "a “total disaster” today")];
        let parts: Vec<&str> = quoted_parts(text, &mixed).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["total disaster"]);
        assert!(!is_direct(text, &mixed));
        // A content cut inside a quotation: the closing mark comes first.
        let cut = [find(text, "will win,”")];
        assert_eq!(quoted_parts(text, &cut).iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["will win,"]);
        let straight = "He said \"no.\"";
        assert!(is_direct(straight, &[find(straight, "\"no.\"")]));
    }

    #[test]
    fn coverage_counts_each_unit_once_and_needs_half() {
        let cover = merged(vec![5..8, 0..4, 3..6, 20..20]);
        assert_eq!(cover, vec![0..8]);
        assert_eq!(covered(&[2..12], &cover), 6);
        assert!(mostly_covered(&[2..12], &cover));
        assert!(!mostly_covered(&[2..15], &cover));
        assert!(!mostly_covered(&[], &cover));
    }

    #[test]
    fn pronoun_sources_take_the_nearest_named_source_before_them() {
        let text = "Lena Ortiz said it. Then Dov spoke. He said more. She added that.";
        let sources = [Some(find(text, "Lena Ortiz")), Some(find(text, "Dov")), Some(find(text, "He")), None];
        let speakers = resolve_speakers(text, &sources);
        let names: Vec<Option<&str>> = speakers.iter().map(|s| s.as_ref().map(|r| &text[r.clone()])).collect();
        assert_eq!(names, [Some("Lena Ortiz"), Some("Dov"), Some("Dov"), None]);
        let lena_then_she = resolve_speakers(text, &[Some(find(text, "Lena Ortiz")), Some(find(text, "She"))]);
        assert_eq!(lena_then_she[1], Some(find(text, "Lena Ortiz")));
        assert_eq!(resolve_speakers(text, &[Some(find(text, "He"))]), vec![None], "no named source before");
    }

    #[test]
    fn speakers_match_by_mention_or_last_name() {
        let gold = GoldAttribution {
            source: Some(10..40),
            cue: Some(41..45),
            content: vec![50..90],
            quoted: vec![51..89],
            direct: true,
            pronoun: false,
            speaker: Some(10..40),
            speaker_words: folded_words("Campaign spokeswoman Hope Hicks’s aide"),
        };
        assert!(speaker_matches(&gold, Some("Someone Else"), &[35..38]), "a mention inside the source");
        assert!(speaker_matches(&gold, Some("Hope Hicks"), &[]), "last name, possessive folded");
        assert!(!speaker_matches(&gold, Some("Hope Jones"), &[100..104]));
        assert!(!speaker_matches(&gold, None, &[]));
        let unsourced = GoldAttribution { source: None, speaker: None, speaker_words: Vec::new(), ..gold };
        assert!(speaker_matches(&unsourced, None, &[]));
        assert!(!speaker_matches(&unsourced, Some("Hope Hicks"), &[]));
    }

    #[test]
    fn matches_count_both_sides() {
        let m = match_both_ways(&[0..4, 10..12, 30..31], &[3..6, 11..20, 40..50, 45..46], overlaps);
        assert_eq!(m, Matches { predicted: 3, predicted_right: 2, gold: 4, gold_found: 2 });
        assert!((m.f1() - 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)).abs() < 1e-12);
        assert_eq!(Matches::default().f1(), 0.0);
    }

    #[test]
    fn missing_data_skips_with_a_message() {
        let rows = figures(Path::new("/nonexistent/crosscheck-data")).expect("no error");
        assert_eq!(rows.len(), 1);
        assert!(rows[0].name.contains("skipped") && rows[0].value.contains("is missing"), "{rows:?}");
    }
}
