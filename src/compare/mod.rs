//! Comparing articles: link → score → align → conflicts → coverage, one public function per
//! stage ([`link`], [`score_sentences`], [`align_facts`], [`find_conflicts`], [`cover`]), so
//! each can be timed on its own (benches/stages.rs); [`compare_articles`] runs them in turn.
//!
//! In: the [`ReadArticle`]s. Out: a [`Comparison`] holding each stage's result: entities
//! linked across articles and the speakers of quotes ([`Linked`]), scored sentence pairs
//! ([`Scored`]), facts (sentences from different sources that report the same thing) with the
//! aligned pairs and their word diff ([`Aligned`]), conflicts, and per-source coverage with
//! the similarity matrix ([`Coverage`]). Sentence ids are report-wide: sources in input order,
//! then sentences in text order.

pub mod align;
pub mod background;
pub mod candidates;
pub mod conflicts;
pub mod coverage;
pub mod diff;
pub mod score;

use std::collections::HashMap;

use std::ops::Range;

use crate::extract::entities::{link_entities, EntityCluster, MentionMatch};
use crate::extract::ReadArticle;
use crate::options::Options;
use crate::read::tokens;
use crate::report::{Alignment, Conflict, EntityKind, Fact, SourceSummary};
use align::ScoredPair;
use coverage::{round3, CoveredSentence};

/// Everything the comparison found, stage by stage; the pipeline assembles it with the
/// reading results into the report.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Sentence numbering, linked entities and quote speakers.
    pub linked: Linked,
    /// Body sentences with their features and scored candidate pairs.
    pub scored: Scored,
    /// Facts and aligned pairs.
    pub aligned: Aligned,
    /// Disagreements.
    pub conflicts: Vec<Conflict>,
    /// Per-source coverage and the similarity matrix.
    pub coverage: Coverage,
}

/// A body sentence taking part in the comparison.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Report-wide sentence id.
    pub id: usize,
    /// Source index.
    pub source: usize,
    /// Sentence index within its source.
    pub index: usize,
    /// The sentence's text without in-line junk.
    pub text: String,
}

/// Entities linked across the articles: the first stage of [`compare_articles`].
#[derive(Debug, Clone)]
pub struct Linked {
    /// `first_id[source]`: the report-wide id of that source's first sentence.
    pub first_id: Vec<usize>,
    /// Entities linked across articles; members are `(source, mention index)`.
    pub entities: Vec<EntityCluster>,
    /// `entity_of[source][mention]`: the entity id of each mention, if it was linked.
    pub entity_of: Vec<Vec<Option<usize>>>,
    /// `speaker_of[source][quote]`: the entity id of each quote's speaker, if it was linked.
    pub speaker_of: Vec<Vec<Option<usize>>>,
}

/// Body sentences with their features and scored candidate pairs: the second stage.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Body sentences of every source, in report-wide id order.
    pub candidates: Vec<Candidate>,
    /// Similarity features of each candidate.
    pub features: Vec<score::SentenceFeatures>,
    /// Order-free key of each candidate (a hash of its text and its article's), for breaking ties.
    pub keys: Vec<u64>,
    /// Scored pairs of candidates (indices into `candidates`, `a < b`), ascending.
    pub pairs: Vec<ScoredPair>,
}

impl Scored {
    /// The stored score of a candidate pair, if it was scored.
    fn stored(&self, a: usize, b: usize) -> Option<f64> {
        let key = (a.min(b), a.max(b));
        self.pairs.binary_search_by(|p| (p.a, p.b).cmp(&key)).ok().map(|i| self.pairs[i].score)
    }
}

/// Facts with their aligned pairs: the third stage.
#[derive(Debug, Clone)]
pub struct Aligned {
    /// Facts, ordered by coverage then first appearance.
    pub facts: Vec<Fact>,
    /// `fact_of[id]`: the fact of each sentence.
    pub fact_of: Vec<Option<usize>>,
    /// Aligned pairs with their diffs.
    pub alignments: Vec<Alignment>,
}

/// Who reports what: the last stage.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// One summary per source.
    pub summaries: Vec<SourceSummary>,
    /// `similarity[i][j]`: how much of source `i`'s and `j`'s body content is shared, 0 to 1.
    pub similarity: Vec<Vec<f64>>,
}

/// Compares read articles; see the module doc. Runs [`link`], [`score_sentences`], [`align_facts`],
/// [`find_conflicts`] and [`cover`] in turn.
pub fn compare_articles(articles: &[ReadArticle<'_>], options: &Options) -> Comparison {
    let linked = link(articles);
    let scored = score_sentences(articles, &linked, options);
    let aligned = align_facts(articles, &scored, options);
    let conflicts = find_conflicts(articles, &linked, &scored, &aligned);
    let coverage = cover(articles, &linked, &scored, &aligned);
    Comparison { linked, scored, aligned, conflicts, coverage }
}

/// Numbers the sentences report-wide, links entity mentions across articles and finds the
/// entity of each quote's speaker.
pub fn link(articles: &[ReadArticle<'_>]) -> Linked {
    let mut first_id = Vec::with_capacity(articles.len());
    let mut next = 0;
    for article in articles {
        first_id.push(next);
        next += article.sentences.len();
    }
    let mention_lists: Vec<(&str, &[MentionMatch])> =
        articles.iter().map(|a| (a.text, a.mentions.as_slice())).collect();
    let entities = link_entities(&mention_lists);
    let mut entity_of: Vec<Vec<Option<usize>>> = articles.iter().map(|a| vec![None; a.mentions.len()]).collect();
    for (id, entity) in entities.iter().enumerate() {
        for &(source, mention) in &entity.members {
            entity_of[source][mention] = Some(id);
        }
    }
    let speaker_of = articles
        .iter()
        .zip(&entity_of)
        .map(|(article, entity_of)| {
            article
                .quotes
                .iter()
                .map(|quote| quote.speaker.as_ref().and_then(|range| entity_overlapping(article, entity_of, range)))
                .collect()
        })
        .collect();
    Linked { first_id, entities, entity_of, speaker_of }
}

/// The entity of the first mention that overlaps `range`, if that mention was linked.
fn entity_overlapping(article: &ReadArticle<'_>, entity_of: &[Option<usize>], range: &Range<usize>) -> Option<usize> {
    article.mentions.iter().position(|m| m.range.start < range.end && range.start < m.range.end).and_then(|k| entity_of[k])
}

/// Builds every body sentence's features and scores the candidate pairs.
pub fn score_sentences(articles: &[ReadArticle<'_>], linked: &Linked, options: &Options) -> Scored {
    let candidates: Vec<Candidate> = articles
        .iter()
        .enumerate()
        .flat_map(|(source, article)| {
            let first = linked.first_id[source];
            article.body_sentences().map(move |index| Candidate {
                id: first + index,
                source,
                index,
                text: article.sentence_text(index),
            })
        })
        .collect();

    let idf = score::Idf::from_sentences(candidates.iter().map(|c| c.text.as_str()));
    let sentence_entities = sentence_entities(articles, linked);
    let features: Vec<score::SentenceFeatures> = candidates
        .iter()
        .map(|c| {
            let mut f = score::features(&c.text, &idf);
            f.entities = sentence_entities[c.source][c.index].clone();
            f
        })
        .collect();

    let sources: Vec<usize> = candidates.iter().map(|c| c.source).collect();
    let (terms, term_keys) = term_ids(&candidates);
    // The article's text goes into the key too, so that copies of one sentence in two
    // articles still get different keys, whatever order the articles come in.
    let article_keys: Vec<u64> = articles.iter().map(|a| text_key(a.text)).collect();
    let keys: Vec<u64> =
        candidates.iter().map(|c| text_key(&c.text) ^ article_keys[c.source].rotate_left(29)).collect();
    let sentences = candidates::Sentences { sources: &sources, terms: &terms, term_keys: &term_keys, keys: &keys };
    let pairs: Vec<ScoredPair> = candidates::candidate_pairs(&sentences, options.max_candidates_per_sentence)
        .into_iter()
        .map(|(a, b)| ScoredPair { a, b, score: score::score_pair(&features[a], &features[b]) })
        .collect();
    Scored { candidates, features, keys, pairs }
}

/// `[source][sentence]`: the linked entity ids a sentence mentions, sorted and deduplicated.
fn sentence_entities(articles: &[ReadArticle<'_>], linked: &Linked) -> Vec<Vec<Vec<usize>>> {
    articles
        .iter()
        .zip(&linked.entity_of)
        .map(|(article, entity_of)| {
            let mut per_sentence = vec![Vec::new(); article.sentences.len()];
            for (mention, &entity) in article.mentions.iter().zip(entity_of) {
                if let Some(entity) = entity {
                    per_sentence[mention.sentence].push(entity);
                }
            }
            for entities in &mut per_sentence {
                entities.sort_unstable();
                entities.dedup();
            }
            per_sentence
        })
        .collect()
}

/// Groups the scored sentences into facts and diffs every aligned pair.
pub fn align_facts(articles: &[ReadArticle<'_>], scored: &Scored, options: &Options) -> Aligned {
    let candidates = &scored.candidates;
    let total_sentences: usize = articles.iter().map(|a| a.sentences.len()).sum();
    let sources: Vec<usize> = candidates.iter().map(|c| c.source).collect();
    let mut clusters = align::align(&sources, &scored.keys, &scored.pairs, options.min_fact_score);
    let score_of = |a: usize, b: usize| scored.stored(a, b).unwrap_or(0.0);

    clusters.sort_by(|x, y| y.members.len().cmp(&x.members.len()).then(x.members.cmp(&y.members)));
    let mut fact_of = vec![None; total_sentences];
    let mut facts = Vec::with_capacity(clusters.len());
    let mut alignments = Vec::new();
    for (fact_id, cluster) in clusters.iter().enumerate() {
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
    Aligned { facts, fact_of, alignments }
}

/// Finds the disagreements between sources.
pub fn find_conflicts(
    articles: &[ReadArticle<'_>],
    linked: &Linked,
    scored: &Scored,
    aligned: &Aligned,
) -> Vec<Conflict> {
    let candidates = &scored.candidates;
    let mut related: Vec<(usize, usize)> = scored
        .pairs
        .iter()
        .filter(|p| p.score >= conflicts::RELATED_SCORE)
        .map(|p| (candidates[p.a].id, candidates[p.b].id))
        .collect();
    for fact in &aligned.facts {
        for (k, &a) in fact.sentences.iter().enumerate() {
            related.extend(fact.sentences[k + 1..].iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    related.sort_unstable();
    related.dedup();
    conflicts::detect_conflicts(&conflicts::Input {
        articles,
        first_id: &linked.first_id,
        entities: &linked.entities,
        entity_of: &linked.entity_of,
        speaker_of: &linked.speaker_of,
        fact_of: &aligned.fact_of,
        // Unscored pairs count as unrelated, as in alignment: small inputs score every pair,
        // and scoring the rest on demand here made two long articles quadratic.
        scores: &|a, b| {
            let find = |id: usize| candidates.binary_search_by_key(&id, |c| c.id).ok();
            match (find(a), find(b)) {
                (Some(x), Some(y)) if x != y => scored.stored(x, y).unwrap_or(0.0),
                _ => 0.0,
            }
        },
        related: &related,
    })
}

/// Per-source coverage summaries and the source-by-source similarity matrix.
pub fn cover(articles: &[ReadArticle<'_>], linked: &Linked, scored: &Scored, aligned: &Aligned) -> Coverage {
    let checkability = checkability(articles, linked);
    let covered: Vec<CoveredSentence> = scored
        .candidates
        .iter()
        .map(|c| CoveredSentence {
            id: c.id,
            source: c.source,
            fact_sources: aligned.fact_of[c.id].map_or(1, |f| aligned.facts[f].sources.len()),
            checkability: checkability[c.source][c.index],
        })
        .collect();
    let summaries = coverage::summarize(articles.len(), &covered);
    let body_counts: Vec<usize> = summaries.iter().map(|s| s.body_sentences).collect();
    let fact_sources: Vec<Vec<usize>> = aligned.facts.iter().map(|f| f.sources.clone()).collect();
    let similarity = coverage::similarity_matrix(&body_counts, &fact_sources);
    Coverage { summaries, similarity }
}

/// Content-word stems of each sentence as sorted, deduplicated ids, for candidate generation,
/// and for each id an order-free key (a hash of the stem).
fn term_ids(candidates: &[Candidate]) -> (Vec<Vec<u32>>, Vec<u64>) {
    let mut interned: HashMap<String, u32> = HashMap::new();
    let terms = candidates
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
        .collect();
    let mut term_keys = vec![0; interned.len()];
    for (stem, id) in &interned {
        term_keys[*id as usize] = text_key(stem);
    }
    (terms, term_keys)
}

/// A stable, order-free key for a sentence (FNV-1a of its text), used to break score ties.
fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// `[source][sentence]`: how checkable each sentence's claim is. Numbers and quotes count
/// most, then named people; each kind counts at most twice.
fn checkability(articles: &[ReadArticle<'_>], linked: &Linked) -> Vec<Vec<u32>> {
    articles
        .iter()
        .zip(&linked.entity_of)
        .map(|(article, entity_of)| {
            let n = article.sentences.len();
            let (mut quantities, mut quotes, mut people) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
            for (sentence, _) in &article.quantities {
                quantities[*sentence] += 1;
            }
            for quote in &article.quotes {
                quotes[quote.sentence] += 1;
            }
            for (mention, &entity) in article.mentions.iter().zip(entity_of) {
                if entity.and_then(|e| linked.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person) {
                    people[mention.sentence] += 1;
                }
            }
            (0..n).map(|i| 2 * quantities[i].min(2) + 2 * quotes[i].min(2) + people[i].min(2)).collect()
        })
        .collect()
}
