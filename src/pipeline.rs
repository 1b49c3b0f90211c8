//! The pipeline: refusal → read → copies → outlet furniture → extract → compare → assemble.
//!
//! In: the [`Article`]s and the [`Options`]. Out: the [`Report`]. This is the one module
//! that knows every stage; the stages know only the ones before them, and the report types
//! know none, so no import circle forms.

use crate::compare::coverage::round3;
use crate::compare::{self, copies, Comparison, Coverage};
use crate::error::Error;
use crate::extract::{self, ReadArticle};
use crate::options::Options;
use crate::read::offsets::Utf16Index;
use crate::read::{self, clean};
use crate::report::{
    Article, Attribution, AttributionSource, Claim, ClosestClaim, CopyOf, Entity, Mention, Quantity, Quote, Report, Role, Sentence, Source, Support,
    TextSpan, TimeExpression, Warning, SCHEMA_VERSION, VERSION,
};

/// Reads and compares `articles` and returns the report.
///
/// Fails only when the input as a whole is over the limits in `options`; a problem with one
/// article (empty, binary, too long) becomes a warning in the report and that article is
/// left out of the comparison.
pub fn compare(articles: &[Article], options: &Options) -> Result<Report, Error> {
    options.validate()?;
    if articles.len() > options.max_articles {
        return Err(Error::TooManyArticles { given: articles.len(), limit: options.max_articles });
    }
    // An article over the per-article limit is refused on its own and never read, so it does
    // not count towards the total.
    let total: usize = articles.iter().map(|a| a.text.len()).filter(|&len| len <= options.max_article_bytes).sum();
    if total > options.max_total_bytes {
        return Err(Error::InputTooLarge { given: total, limit: options.max_total_bytes });
    }
    let mut warnings = Vec::new();
    let mut read: Vec<ReadArticle<'_>> = articles
        .iter()
        .enumerate()
        .map(|(index, article)| match read::refusal(&article.text, options) {
            Some(message) => {
                warnings.push(Warning { source: index, message });
                ReadArticle::empty(&article.text)
            }
            None => split_article(&article.text),
        })
        .collect();
    // A copy is left unextracted, so it takes no part in the comparison.
    let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
    let copies = copies::find_copies(&read, &names);
    mark_outlet_furniture(&mut read, &copies);
    for (article, copy) in read.iter_mut().zip(&copies) {
        match copy {
            None => extract::extract_claims(article),
            // A copy's own date is still shown (a copy may be retitled and redated).
            Some(_) => article.published = extract::published_date(article.text, &article.sentences),
        }
    }
    let comparison = compare::compare_articles(&read, options);
    Ok(assemble(articles, &read, &copies, comparison, warnings))
}

/// Groups the articles that are not copies by the outlet their byline names and makes what
/// all articles of an outlet share at their edges boilerplate
/// ([`clean::repeated::mark_repeated_furniture`]).
fn mark_outlet_furniture(read: &mut [ReadArticle<'_>], copies: &[Option<copies::CopyOf>]) {
    let mut by_outlet: std::collections::BTreeMap<String, (String, Vec<usize>)> = std::collections::BTreeMap::new();
    for (index, article) in read.iter().enumerate() {
        if copies.get(index).is_some_and(Option::is_some) {
            continue;
        }
        if let Some(outlet) = extract::byline::byline(article.text, &article.sentences).outlet {
            by_outlet.entry(outlet.to_lowercase()).or_insert_with(|| (outlet, Vec::new())).1.push(index);
        }
    }
    for (outlet, members) in by_outlet.into_values().filter(|(_, members)| members.len() > 1) {
        let mut group: Vec<(&str, &mut Vec<read::ReadSentence>)> = read
            .iter_mut()
            .enumerate()
            .filter(|(index, _)| members.contains(index))
            .map(|(_, article)| (article.text, &mut article.sentences))
            .collect();
        clean::repeated::mark_repeated_furniture(&mut group, &outlet);
    }
}

/// Reads one article: [`split_article`], then [`extract::extract_claims`].
pub fn read_article(text: &str) -> ReadArticle<'_> {
    let mut article = split_article(text);
    extract::extract_claims(&mut article);
    article
}

/// Cleans and splits one article ([`clean::clean`], [`read::split_sentences`]), extracting
/// nothing yet.
fn split_article(text: &str) -> ReadArticle<'_> {
    let layout = clean::clean(text);
    ReadArticle { sentences: read::split_sentences(text, &layout), ..ReadArticle::empty(text) }
}

/// Puts the reading and comparing results together, converting byte offsets to UTF-16.
/// `copies[source]` is what [`copies::find_copies`] found for each article.
pub fn assemble(
    articles: &[Article],
    read: &[ReadArticle<'_>],
    copies: &[Option<copies::CopyOf>],
    comparison: Comparison,
    warnings: Vec<Warning>,
) -> Report {
    let Comparison { linked, scored, aligned, conflicts, coverage } = comparison;
    // Claims were read (and their texts cut from the article) for scoring, in claim-id order.
    let mut claim_texts = scored.candidates.into_iter().map(|candidate| candidate.text);
    let mut facts_of = aligned.facts_of;
    let Coverage { support, summaries, similarity } = coverage;
    let mut support = support.into_iter();
    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        generator: format!("crosscheck {VERSION}"),
        sources: Vec::with_capacity(articles.len()),
        quotes: Vec::new(),
        attributions: Vec::new(),
        quantities: Vec::new(),
        entities: Vec::new(),
        times: Vec::new(),
        claims: Vec::new(),
        facts: aligned.facts,
        conflicts,
        alignments: aligned.alignments,
        similarity,
        warnings,
    };
    let indexes: Vec<Utf16Index> = read.iter().map(|r| Utf16Index::new(r.text)).collect();
    for (source, ((article, reading), summary)) in articles.iter().zip(read).zip(summaries).enumerate() {
        let index = &indexes[source];
        let first = linked.first_id[source];
        let sentences: Vec<Sentence> = reading
            .sentences
            .iter()
            .enumerate()
            .map(|(k, s)| Sentence {
                id: first + k,
                source,
                text: reading.sentence_text(k),
                start: index.utf16(s.range.start),
                end: index.utf16(s.range.end),
                role: s.role,
                facts: std::mem::take(&mut facts_of[first + k]),
            })
            .collect();
        let title = sentences
            .iter()
            .find(|s| s.role == Role::Title)
            .or_else(|| sentences.iter().find(|s| s.role == Role::Body))
            .map_or_else(String::new, |s| s.text.clone());
        let byline = extract::byline::byline(reading.text, &reading.sentences);
        report.sources.push(Source {
            id: source,
            name: article.name.clone(),
            title,
            length: index.utf16(reading.text.len()),
            sentences,
            summary,
            copy_of: copies.get(source).cloned().flatten().map(|copy| CopyOf {
                source: copy.article,
                differing: copy.differing.into_iter().map(|k| first + k).collect(),
            }),
            published: reading.published.clone(),
            author: byline.author,
            outlet: byline.outlet,
        });
        for (sentence, q) in &reading.quantities {
            report.quantities.push(Quantity {
                sentence: first + sentence,
                text: reading.text[q.range.clone()].to_string(),
                start: index.utf16(q.range.start),
                end: index.utf16(q.range.end),
                value: q.value,
                low: q.low,
                high: q.high,
                bound: q.bound,
                unit: q.unit.clone(),
            });
        }
        for (sentence, t) in &reading.times {
            report.times.push(TimeExpression {
                sentence: first + sentence,
                text: reading.text[t.range.clone()].to_string(),
                start: index.utf16(t.range.start),
                end: index.utf16(t.range.end),
                kind: t.kind,
                value: t.value.clone(),
            });
        }
        for (quote, &entity) in reading.quotes.iter().zip(&linked.speaker_of[source]) {
            report.quotes.push(Quote {
                sentence: first + quote.sentence,
                text: reading.text[quote.range.clone()].to_string(),
                start: index.utf16(quote.range.start),
                end: index.utf16(quote.range.end),
                // An unnamed source ("the judge", "a senior official") is who spoke as written.
                speaker: entity
                    .map(|e| linked.entities[e].name.clone())
                    .or_else(|| quote.speaker.as_ref().or(quote.source.as_ref()).map(|r| reading.text[r.clone()].to_string())),
                entity,
                partial: quote.partial,
            });
        }
        let span = |range: &std::ops::Range<usize>| TextSpan {
            start: index.utf16(range.start),
            end: index.utf16(range.end),
            text: reading.text[range.clone()].to_string(),
        };
        for (a, &entity) in reading.attributions.iter().zip(&linked.attribution_speaker_of[source]) {
            let TextSpan { start, end, text } = span(&a.source);
            report.attributions.push(Attribution {
                sentence: first + a.sentence,
                source: AttributionSource { start, end, text, entity },
                cue: span(&a.cue),
                content: span(&a.content),
                direct: a.direct,
            });
        }
        let first_claim = linked.first_claim[source];
        for (k, ((sentence, claim), &speaker)) in reading.claims.iter().zip(&linked.claim_speaker_of[source]).enumerate() {
            let (support, closest) = support.next().unwrap_or((Support::Single, Vec::new()));
            report.claims.push(Claim {
                id: first_claim + k,
                sentence: first + sentence,
                start: index.utf16(claim.range.start),
                end: index.utf16(claim.range.end),
                text: claim_texts.next().unwrap_or_default(),
                speaker,
                fact: aligned.fact_of[first_claim + k],
                support,
                closest: closest
                    .into_iter()
                    .map(|(claim, source, score)| ClosestClaim { claim, source, score: round3(score) })
                    .collect(),
            });
        }
    }
    for (id, cluster) in linked.entities.into_iter().enumerate() {
        report.entities.push(Entity {
            id,
            name: cluster.name,
            kind: cluster.kind,
            variants: cluster.variants,
            mentions: cluster
                .members
                .iter()
                .map(|&(source, k)| {
                    let m = &read[source].mentions[k];
                    Mention {
                        sentence: linked.first_id[source] + m.sentence,
                        text: read[source].text[m.range.clone()].to_string(),
                        start: indexes[source].utf16(m.range.start),
                        end: indexes[source].utf16(m.range.end),
                    }
                })
                .collect(),
        });
    }
    for quantity in &mut report.quantities {
        quantity.value = round_value(quantity.value);
        quantity.low = quantity.low.map(round_value);
        quantity.high = quantity.high.map(round_value);
    }
    report
}

/// Rounds away float noise (0.1 + 0.2) without touching real precision.
fn round_value(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let digits = 12 - value.abs().log10().ceil() as i32;
    let scale = 10f64.powi(digits.clamp(0, 15));
    (value * scale).round() / scale
}
