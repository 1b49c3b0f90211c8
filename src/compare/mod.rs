//! Comparing articles: score → align → conflicts → coverage.
//!
//! In: the [`ReadArticle`]s. Out: a [`Comparison`]: entities linked across articles, facts
//! (sentences from different sources that report the same thing), the aligned pairs with
//! their word diff, conflicts, per-source coverage and the similarity matrix. Sentence ids
//! are report-wide: sources in input order, then sentences in text order.

pub mod align;
pub mod background;
pub mod candidates;
pub mod conflicts;
pub mod coverage;
pub mod diff;
pub mod score;

use std::collections::HashMap;

use crate::extract::entities::{link_entities, EntityCluster, MentionMatch};
use crate::read::tokens;
use crate::read::ReadArticle;
use crate::report::{Alignment, Conflict, EntityKind, Fact, SourceSummary};
use crate::Options;
use align::ScoredPair;
use coverage::{round3, CoveredSentence};

/// Everything the comparison found; the report assembles it with the reading results.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// `first_id[source]`: the report-wide id of that source's first sentence.
    pub first_id: Vec<usize>,
    /// Entities linked across articles; members are `(source, mention index)`.
    pub entities: Vec<EntityCluster>,
    /// `entity_of[source][mention]`: the entity id of each mention.
    pub entity_of: Vec<Vec<usize>>,
    /// Facts, ordered by coverage then first appearance.
    pub facts: Vec<Fact>,
    /// `fact_of[id]`: the fact of each sentence.
    pub fact_of: Vec<Option<usize>>,
    /// Aligned pairs with their diffs.
    pub alignments: Vec<Alignment>,
    /// Disagreements.
    pub conflicts: Vec<Conflict>,
    /// One summary per source.
    pub summaries: Vec<SourceSummary>,
    /// Source-by-source similarity.
    pub similarity: Vec<Vec<f64>>,
}

/// A body sentence taking part in the comparison.
struct Candidate {
    id: usize,
    source: usize,
    index: usize,
    text: String,
}

/// Compares read articles; see the module doc.
pub fn compare_articles(articles: &[ReadArticle<'_>], options: &Options) -> Comparison {
    let mut first_id = Vec::with_capacity(articles.len());
    let mut next = 0;
    for article in articles {
        first_id.push(next);
        next += article.sentences.len();
    }
    let total_sentences = next;

    let mention_lists: Vec<(&str, &[MentionMatch])> =
        articles.iter().map(|a| (a.text, a.mentions.as_slice())).collect();
    let entities = link_entities(&mention_lists);
    let mut entity_of: Vec<Vec<usize>> = articles.iter().map(|a| vec![usize::MAX; a.mentions.len()]).collect();
    for (id, entity) in entities.iter().enumerate() {
        for &(source, mention) in &entity.members {
            entity_of[source][mention] = id;
        }
    }

    let candidates: Vec<Candidate> = articles
        .iter()
        .enumerate()
        .flat_map(|(source, article)| {
            let first = first_id[source];
            article.body_sentences().map(move |index| Candidate {
                id: first + index,
                source,
                index,
                text: article.sentence_text(index),
            })
        })
        .collect();

    let idf = score::Idf::from_sentences(candidates.iter().map(|c| c.text.as_str()));
    let features: Vec<score::SentenceFeatures> = candidates
        .iter()
        .map(|c| {
            let mut f = score::features(&c.text, &idf);
            let article = &articles[c.source];
            f.entities = article
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.sentence == c.index)
                .map(|(k, _)| entity_of[c.source][k])
                .filter(|&e| e != usize::MAX)
                .collect();
            f.entities.sort_unstable();
            f.entities.dedup();
            f
        })
        .collect();

    let sources: Vec<usize> = candidates.iter().map(|c| c.source).collect();
    let terms: Vec<Vec<u32>> = term_ids(&candidates);
    let pairs: Vec<ScoredPair> =
        candidates::candidate_pairs(&sources, &terms, options.max_candidates_per_sentence)
            .into_iter()
            .map(|(a, b)| ScoredPair { a, b, score: score::score_pair(&features[a], &features[b]) })
            .collect();
    let keys: Vec<u64> = candidates.iter().map(|c| text_key(&c.text)).collect();
    let clusters = align::align(&sources, &keys, &pairs, options.min_fact_score);

    let pair_score: HashMap<(usize, usize), f64> = pairs.iter().map(|p| ((p.a, p.b), p.score)).collect();
    let score_of = |a: usize, b: usize| pair_score.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);

    let mut ordered = clusters;
    ordered.sort_by(|x, y| y.members.len().cmp(&x.members.len()).then(x.members.cmp(&y.members)));
    let mut fact_of = vec![None; total_sentences];
    let mut facts = Vec::with_capacity(ordered.len());
    let mut alignments = Vec::new();
    for (fact_id, cluster) in ordered.iter().enumerate() {
        let central = *cluster
            .members
            .iter()
            .max_by(|&&x, &&y| {
                let sum = |m: usize| cluster.members.iter().filter(|&&o| o != m).map(|&o| score_of(m, o)).sum::<f64>();
                sum(x).total_cmp(&sum(y)).then(y.cmp(&x))
            })
            .unwrap_or(&cluster.members[0]);
        for &m in &cluster.members {
            fact_of[candidates[m].id] = Some(fact_id);
        }
        for (k, &a) in cluster.members.iter().enumerate() {
            for &b in &cluster.members[k + 1..] {
                alignments.push(Alignment {
                    fact: fact_id,
                    a: candidates[a].id,
                    b: candidates[b].id,
                    score: round3(score_of(a, b)),
                    diff: diff::diff_words(&candidates[a].text, &candidates[b].text),
                });
            }
        }
        let has = |pred: &dyn Fn(&ReadArticle<'_>, usize) -> bool| {
            cluster.members.iter().any(|&m| pred(&articles[candidates[m].source], candidates[m].index))
        };
        facts.push(Fact {
            id: fact_id,
            sentences: cluster.members.iter().map(|&m| candidates[m].id).collect(),
            sources: cluster.members.iter().map(|&m| candidates[m].source).collect(),
            label: candidates[central].text.clone(),
            has_quote: has(&|a, i| a.quotes.iter().any(|q| q.sentence == i)),
            has_quantity: has(&|a, i| a.quantities.iter().any(|(s, _)| *s == i)),
        });
    }

    let conflicts = conflicts::detect_conflicts(&conflicts::Input {
        articles,
        first_id: &first_id,
        entities: &entities,
        entity_of: &entity_of,
        fact_of: &fact_of,
        scores: &|a, b| {
            let find = |id: usize| candidates.binary_search_by_key(&id, |c| c.id).ok();
            match (find(a), find(b)) {
                (Some(x), Some(y)) if x != y => pair_score
                    .get(&(x.min(y), x.max(y)))
                    .copied()
                    .unwrap_or_else(|| score::score_pair(&features[x], &features[y])),
                _ => 0.0,
            }
        },
    });

    let covered: Vec<CoveredSentence> = candidates
        .iter()
        .map(|c| CoveredSentence {
            id: c.id,
            source: c.source,
            fact_sources: fact_of[c.id].map_or(1, |f| facts[f].sources.len()),
            checkability: checkability(&articles[c.source], c.index, &entities, &entity_of[c.source]),
        })
        .collect();
    let summaries = coverage::summarize(articles.len(), &covered);
    let body_counts: Vec<usize> = summaries.iter().map(|s| s.body_sentences).collect();
    let fact_sources: Vec<Vec<usize>> = facts.iter().map(|f| f.sources.clone()).collect();
    let similarity = coverage::similarity_matrix(&body_counts, &fact_sources);

    Comparison { first_id, entities, entity_of, facts, fact_of, alignments, conflicts, summaries, similarity }
}

/// Content-word stems of each sentence as sorted, deduplicated ids, for candidate generation.
fn term_ids(candidates: &[Candidate]) -> Vec<Vec<u32>> {
    let mut interned: HashMap<String, u32> = HashMap::new();
    candidates
        .iter()
        .map(|c| {
            let mut ids: Vec<u32> = tokens::words(&c.text)
                .into_iter()
                .filter(|t| !tokens::is_stopword(&t.norm))
                .map(|t| {
                    let stem = tokens::stem(&t.norm);
                    let next = interned.len() as u32;
                    *interned.entry(stem).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect()
}

/// A stable, order-free key for a sentence (FNV-1a of its text), used to break score ties.
fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// How checkable a sentence's claim is: numbers and quotes count most, then named people.
fn checkability(article: &ReadArticle<'_>, index: usize, entities: &[EntityCluster], entity_of: &[usize]) -> u32 {
    let quantities = article.quantities.iter().filter(|(s, _)| *s == index).count() as u32;
    let quotes = article.quotes.iter().filter(|q| q.sentence == index).count() as u32;
    let people = article
        .mentions
        .iter()
        .zip(entity_of)
        .filter(|(m, &e)| m.sentence == index && entities.get(e).is_some_and(|e| e.kind == EntityKind::Person))
        .count() as u32;
    2 * quantities.min(2) + 2 * quotes.min(2) + people.min(2)
}
