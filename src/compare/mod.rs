//! Comparing articles: link → score → align → conflicts → coverage, one public function per
//! stage ([`link`], [`score_claims`], [`align_facts`], [`find_conflicts`], [`cover`]), so
//! each can be timed on its own (benches/stages.rs); [`compare_articles`] runs them in turn.
//! Before them, and before extraction, the pipeline runs [`copies::find_copies`]: an article
//! that is another's text is left unextracted, so it takes part in none of these stages.
//!
//! In: the [`ReadArticle`]s. Out: a [`Comparison`] holding each stage's result: entities
//! linked across articles and the speakers of quotes and claims ([`Linked`]), scored claim
//! pairs ([`Scored`]), facts (claims from different sources that state the same thing) with
//! the aligned pairs and their word diff ([`Aligned`]), conflicts, and per-claim support with
//! per-source coverage and the similarity matrix ([`Coverage`]). Sentence and claim ids are
//! report-wide: sources in input order, then sentences (claims) in text order.
//!
//! Claims are the units compared. A claim pair is scored by its own words and by its
//! sentences': the mean of the two when either claim is only part of its sentence, because a
//! short clause alone matches by chance and the sentence around it says what it is about.

pub mod align;
pub mod background;
pub mod candidates;
pub mod conflicts;
pub mod copies;
pub mod coverage;
pub mod diff;
pub mod score;
pub mod wordnet;
pub mod support;

use std::collections::HashMap;

use std::ops::Range;

use crate::extract::entities::{link_entities, EntityCluster, MentionMatch};
use crate::extract::ReadArticle;
use crate::options::Options;
use crate::read::tokens;
use crate::report::{Alignment, Conflict, EntityKind, Fact, SourceSummary, Support};
use align::ScoredPair;
use coverage::{round3, CoveredClaim};

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

/// A claim taking part in the comparison.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Report-wide claim id.
    pub id: usize,
    /// Report-wide id of its sentence.
    pub sentence: usize,
    /// Source index.
    pub source: usize,
    /// Sentence index within its source.
    pub index: usize,
    /// Index of the claim in its article's `claims`.
    pub claim: usize,
    /// The claim's text without in-line junk.
    pub text: String,
    /// True when the claim is its whole sentence.
    pub whole: bool,
}

/// Entities linked across the articles: the first stage of [`compare_articles`].
#[derive(Debug, Clone)]
pub struct Linked {
    /// `first_id[source]`: the report-wide id of that source's first sentence.
    pub first_id: Vec<usize>,
    /// `first_claim[source]`: the report-wide id of that source's first claim.
    pub first_claim: Vec<usize>,
    /// Entities linked across articles; members are `(source, mention index)`.
    pub entities: Vec<EntityCluster>,
    /// `entity_of[source][mention]`: the entity id of each mention, if it was linked.
    pub entity_of: Vec<Vec<Option<usize>>>,
    /// `speaker_of[source][quote]`: the entity id of each quote's speaker, if it was linked.
    pub speaker_of: Vec<Vec<Option<usize>>>,
    /// `claim_speaker_of[source][claim]`: the entity id of who asserts each claim, if named
    /// and linked.
    pub claim_speaker_of: Vec<Vec<Option<usize>>>,
    /// `attribution_speaker_of[source][attribution]`: the entity id of each attribution's
    /// speaker, if it was linked.
    pub attribution_speaker_of: Vec<Vec<Option<usize>>>,
}

/// Claims with their features and scored candidate pairs: the second stage.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Claims of every source, in report-wide id order.
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
    /// `fact_of[claim id]`: the fact of each claim.
    pub fact_of: Vec<Option<usize>>,
    /// `facts_of[sentence id]`: the facts each sentence's claims take part in, ascending.
    pub facts_of: Vec<Vec<usize>>,
    /// Aligned pairs with their diffs: every pair of claims of a fact of up to
    /// [`ALL_PAIRS_UP_TO`] claims, else each claim with the fact's central claim.
    pub alignments: Vec<Alignment>,
}

/// Who reports what: the last stage.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// `support[claim id]`: the claim's support and its closest claims (candidate indices,
    /// which equal claim ids), see [`support::grade`].
    pub support: Vec<(Support, Vec<support::Closest>)>,
    /// One summary per source.
    pub summaries: Vec<SourceSummary>,
    /// `similarity[i][j]`: how much of source `i`'s and `j`'s body content is shared, 0 to 1.
    pub similarity: Vec<Vec<f64>>,
}

/// Compares read articles; see the module doc. Runs [`link`], [`score_claims`], [`align_facts`],
/// [`find_conflicts`] and [`cover`] in turn.
pub fn compare_articles(articles: &[ReadArticle<'_>], options: &Options) -> Comparison {
    let linked = link(articles);
    let scored = score_claims(articles, &linked, options);
    let aligned = align_facts(articles, &scored, options);
    let conflicts = find_conflicts(articles, &linked, &scored, &aligned);
    let coverage = cover(articles, &linked, &scored, &aligned);
    Comparison { linked, scored, aligned, conflicts, coverage }
}

/// Numbers the sentences and claims report-wide, links entity mentions across articles and
/// finds the entity of each quote's speaker and each claim's.
pub fn link(articles: &[ReadArticle<'_>]) -> Linked {
    let (mut first_id, mut first_claim) = (Vec::with_capacity(articles.len()), Vec::with_capacity(articles.len()));
    let (mut next, mut next_claim) = (0, 0);
    for article in articles {
        first_id.push(next);
        first_claim.push(next_claim);
        next += article.sentences.len();
        next_claim += article.claims.len();
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
    let indexes: Vec<MentionIndex<'_>> = articles.iter().zip(&entity_of).map(|(a, e)| MentionIndex::new(&a.mentions, e)).collect();
    let speaker_of: Vec<Vec<Option<usize>>> = articles
        .iter()
        .zip(&indexes)
        .map(|(article, index)| {
            article.quotes.iter().map(|quote| quote.speaker.as_ref().and_then(|range| index.first_entity(range))).collect()
        })
        .collect();
    let claim_speaker_of = articles
        .iter()
        .zip(&indexes)
        .zip(&speaker_of)
        .map(|((article, index), quote_speakers)| {
            article
                .claims
                .iter()
                .map(|(_, claim)| {
                    let named = claim.speaker.as_ref().and_then(|range| index.first_entity(range));
                    // A claim inside a quotation is its speaker's; the claim may run on past the
                    // quotation's range by the closing marks and a comma. Quotations do not
                    // overlap and come in text order, so only the last one starting before the
                    // claim can hold it.
                    named.or_else(|| {
                        let after = article.quotes.partition_point(|q| q.range.start <= claim.range.start);
                        let k = after.checked_sub(1)?;
                        let q = &article.quotes[k];
                        (claim.range.end <= q.range.end + CLOSING_SLACK).then_some(quote_speakers[k]).flatten()
                    })
                })
                .collect()
        })
        .collect();
    let attribution_speaker_of = articles
        .iter()
        .zip(&indexes)
        .map(|(article, index)| article.attributions.iter().map(|a| index.speaker_entity(&a.speaker)).collect())
        .collect();
    Linked { first_id, first_claim, entities, entity_of, speaker_of, claim_speaker_of, attribution_speaker_of }
}

/// Claims a fact may have for [`Aligned::alignments`] to hold every pair of them; a bigger fact
/// holds each claim against its central claim.
pub const ALL_PAIRS_UP_TO: usize = 8;

/// Bytes a claim may run past its quotation's end and still be inside it: a closing mark
/// (up to three bytes in UTF-8) and a comma.
const CLOSING_SLACK: usize = 4;

/// One article's mentions by start, so that finding those that overlap a span takes a binary
/// search, not a pass over all of them (a long article has thousands of quotes, claims and
/// names).
struct MentionIndex<'a> {
    mentions: &'a [MentionMatch],
    entity_of: &'a [Option<usize>],
    /// Mention indices sorted by start.
    order: Vec<usize>,
    /// The mentions' starts, in that order.
    starts: Vec<usize>,
    /// The longest mention, in bytes: no mention starting further before a span reaches it.
    longest: usize,
}

impl<'a> MentionIndex<'a> {
    fn new(mentions: &'a [MentionMatch], entity_of: &'a [Option<usize>]) -> Self {
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&k| (mentions[k].range.start, k));
        let starts = order.iter().map(|&k| mentions[k].range.start).collect();
        let longest = mentions.iter().map(|m| m.range.len()).max().unwrap_or(0);
        MentionIndex { mentions, entity_of, order, starts, longest }
    }

    /// Indices of the mentions that overlap `range`, by start.
    fn overlapping<'s>(&'s self, range: &'s Range<usize>) -> impl Iterator<Item = usize> + 's {
        let from = self.starts.partition_point(|&start| start + self.longest <= range.start);
        let to = self.starts.partition_point(|&start| start < range.end);
        self.order[from..to.max(from)].iter().copied().filter(move |&k| {
            let m = &self.mentions[k].range;
            m.start < range.end && range.start < m.end
        })
    }

    /// The entity of the first mention that overlaps `range`, if that mention was linked.
    fn first_entity(&self, range: &Range<usize>) -> Option<usize> {
        self.overlapping(range).next().and_then(|k| self.entity_of[k])
    }

    /// The entity of who speaks in `range` (a source phrase such as "Kharzin's deputy mayor,
    /// Irena Szabat"): its first person mention, else its first mention that is not a place.
    fn speaker_entity(&self, range: &Range<usize>) -> Option<usize> {
        let kind = |k: usize| self.mentions[k].kind;
        let person = self.overlapping(range).find(|&k| kind(k) == EntityKind::Person);
        person.or_else(|| self.overlapping(range).find(|&k| kind(k) != EntityKind::Place)).and_then(|k| self.entity_of[k])
    }
}

/// Builds every claim's features and scores the candidate pairs of claims.
pub fn score_claims(articles: &[ReadArticle<'_>], linked: &Linked, options: &Options) -> Scored {
    let candidates: Vec<Candidate> = articles
        .iter()
        .enumerate()
        .flat_map(|(source, article)| {
            let (first, first_claim) = (linked.first_id[source], linked.first_claim[source]);
            article.claims.iter().enumerate().map(move |(k, (index, claim))| Candidate {
                id: first_claim + k,
                sentence: first + index,
                source,
                index: *index,
                claim: k,
                text: article.text_without_junk(*index, &claim.range),
                whole: claim.range == article.sentences[*index].range,
            })
        })
        .collect();

    let sentence_texts: Vec<Vec<Option<String>>> = articles
        .iter()
        .map(|article| {
            let mut texts = vec![None; article.sentences.len()];
            for (index, _) in &article.claims {
                texts[*index].get_or_insert_with(|| article.sentence_text(*index));
            }
            texts
        })
        .collect();
    let idf = score::Idf::from_sentences(sentence_texts.iter().flatten().flatten().map(String::as_str));
    let sentence_entities = sentence_entities(articles, linked);
    let features: Vec<score::SentenceFeatures> = candidates
        .iter()
        .map(|c| {
            let mut f = score::features(&c.text, &idf);
            f.entities = claim_entities(&articles[c.source], &linked.entity_of[c.source], c.index, &articles[c.source].claims[c.claim].1.range);
            f
        })
        .collect();
    // Sentence features, for claims that are part of a sentence: built once per sentence.
    let mut sentence_features: HashMap<usize, score::SentenceFeatures> = HashMap::new();
    for c in candidates.iter().filter(|c| !c.whole) {
        sentence_features.entry(c.sentence).or_insert_with(|| {
            let text = sentence_texts[c.source][c.index].as_deref().unwrap_or_default();
            let mut f = score::features(text, &idf);
            f.entities = sentence_entities[c.source][c.index].clone();
            f
        });
    }

    let sources: Vec<usize> = candidates.iter().map(|c| c.source).collect();
    let (terms, term_keys) = term_ids(&candidates);
    // The article's text goes into the key too, so that copies of one claim in two articles
    // still get different keys, whatever order the articles come in.
    let article_keys: Vec<u64> = articles.iter().map(|a| text_key(a.text)).collect();
    let keys: Vec<u64> =
        candidates.iter().map(|c| text_key(&c.text) ^ article_keys[c.source].rotate_left(29)).collect();
    let claims = candidates::Sentences { sources: &sources, terms: &terms, term_keys: &term_keys, keys: &keys };
    let mut sentence_scores: HashMap<(usize, usize), f64> = HashMap::new();
    let pairs: Vec<ScoredPair> = candidates::candidate_pairs(&claims, options.max_candidates_per_sentence)
        .into_iter()
        .map(|(a, b)| {
            let own = score::score_pair(&features[a], &features[b]);
            let (x, y) = (&candidates[a], &candidates[b]);
            let score = if x.whole && y.whole {
                own
            } else {
                let fx = sentence_features.get(&x.sentence).unwrap_or(&features[a]);
                let fy = sentence_features.get(&y.sentence).unwrap_or(&features[b]);
                let context =
                    *sentence_scores.entry((x.sentence, y.sentence)).or_insert_with(|| score::score_pair(fx, fy));
                (own + context) / 2.0
            };
            ScoredPair { a, b, score }
        })
        .collect();
    Scored { candidates, features, keys, pairs }
}

/// The linked entity ids mentioned inside a claim, sorted and deduplicated.
fn claim_entities(article: &ReadArticle<'_>, entity_of: &[Option<usize>], index: usize, range: &Range<usize>) -> Vec<usize> {
    // Mentions are in text order: those inside `range` are one run of them.
    let from = article.mentions.partition_point(|m| m.range.start < range.start);
    let to = article.mentions.partition_point(|m| m.range.start < range.end);
    let mut entities: Vec<usize> = article.mentions[from..to.max(from)]
        .iter()
        .zip(&entity_of[from..to.max(from)])
        .filter(|(m, _)| m.sentence == index && m.range.end <= range.end)
        .filter_map(|(_, &e)| e)
        .collect();
    entities.sort_unstable();
    entities.dedup();
    entities
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

/// Groups the scored claims into facts and diffs the sentences of every aligned pair.
pub fn align_facts(articles: &[ReadArticle<'_>], scored: &Scored, options: &Options) -> Aligned {
    let candidates = &scored.candidates;
    let total_sentences: usize = articles.iter().map(|a| a.sentences.len()).sum();
    let sources: Vec<usize> = candidates.iter().map(|c| c.source).collect();
    let mut clusters = align::align(&sources, &scored.keys, &scored.pairs, options.min_fact_score);
    let score_of = |a: usize, b: usize| scored.stored(a, b).unwrap_or(0.0);

    clusters.sort_by(|x, y| y.members.len().cmp(&x.members.len()).then(x.members.cmp(&y.members)));
    let mut fact_of = vec![None; candidates.len()];
    let mut facts_of = vec![Vec::new(); total_sentences];
    let mut facts = Vec::with_capacity(clusters.len());
    let mut alignments = Vec::new();
    let mut sentence_text: HashMap<usize, String> = HashMap::new();
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
            fact_of[m] = Some(fact_id);
            facts_of[candidates[m].sentence].push(fact_id);
            sentence_text
                .entry(candidates[m].sentence)
                .or_insert_with(|| articles[candidates[m].source].sentence_text(candidates[m].index));
        }
        // Every pair of a small fact; a big one (wire copy reported by 200 outlets: 19,900
        // pairs, 50 MB of diffs) pairs each claim with its central claim only, so the report
        // grows linearly with the outlets.
        let members = &cluster.members;
        let pairs: Vec<(usize, usize)> = if members.len() <= ALL_PAIRS_UP_TO {
            members.iter().enumerate().flat_map(|(k, &a)| members[k + 1..].iter().map(move |&b| (a, b))).collect()
        } else {
            members.iter().filter(|&&m| m != central).map(|&m| if m < central { (m, central) } else { (central, m) }).collect()
        };
        for (a, b) in pairs {
            let (x, y) = (&candidates[a], &candidates[b]);
            alignments.push(Alignment {
                fact: fact_id,
                a: x.sentence,
                b: y.sentence,
                claims: vec![x.id, y.id],
                score: round3(score_of(a, b)),
                diff: diff::diff_words(&sentence_text[&x.sentence], &sentence_text[&y.sentence]),
            });
        }
        let overlaps = |c: &Candidate, range: &Range<usize>| {
            let claim = &articles[c.source].claims[c.claim].1.range;
            range.start < claim.end && claim.start < range.end
        };
        let has = |pred: &dyn Fn(&Candidate) -> bool| cluster.members.iter().any(|&m| pred(&candidates[m]));
        facts.push(Fact {
            id: fact_id,
            claims: cluster.members.iter().map(|&m| candidates[m].id).collect(),
            sentences: cluster.members.iter().map(|&m| candidates[m].sentence).collect(),
            sources: cluster.members.iter().map(|&m| candidates[m].source).collect(),
            label: candidates[central].text.clone(),
            has_quote: has(&|c| articles[c.source].quotes.iter().any(|q| overlaps(c, &q.range))),
            has_quantity: has(&|c| articles[c.source].quantities.iter().any(|(_, q)| overlaps(c, &q.range))),
        });
    }
    for facts in &mut facts_of {
        facts.sort_unstable();
        facts.dedup();
    }
    Aligned { facts, fact_of, facts_of, alignments }
}

/// Finds the disagreements between sources.
pub fn find_conflicts(
    articles: &[ReadArticle<'_>],
    linked: &Linked,
    scored: &Scored,
    aligned: &Aligned,
) -> Vec<Conflict> {
    let candidates = &scored.candidates;
    // Sentence pairs are as similar as their best-scored claims.
    let mut sentence_scores: HashMap<(usize, usize), f64> = HashMap::new();
    for pair in &scored.pairs {
        let (a, b) = (candidates[pair.a].sentence, candidates[pair.b].sentence);
        let best = sentence_scores.entry((a.min(b), a.max(b))).or_insert(0.0);
        *best = best.max(pair.score);
    }
    let mut related: Vec<(usize, usize)> =
        sentence_scores.iter().filter(|(_, &score)| score >= support::RELATED_SCORE).map(|(&pair, _)| pair).collect();
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
        attribution_speaker_of: &linked.attribution_speaker_of,
        facts_of: &aligned.facts_of,
        // Unscored pairs count as unrelated, as in alignment: small inputs score every pair,
        // and scoring the rest on demand here made two long articles quadratic.
        scores: &|a, b| sentence_scores.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0),
        related: &related,
    })
}

/// Each claim's support, per-source coverage summaries and the source-by-source similarity
/// matrix.
pub fn cover(articles: &[ReadArticle<'_>], linked: &Linked, scored: &Scored, aligned: &Aligned) -> Coverage {
    let sources: Vec<usize> = scored.candidates.iter().map(|c| c.source).collect();
    let support = support::grade(&sources, &aligned.fact_of, &scored.keys, &scored.pairs);
    let checkability = checkability(articles, linked);
    let covered: Vec<CoveredClaim> = scored
        .candidates
        .iter()
        .zip(&support)
        .map(|(c, (support, _))| CoveredClaim {
            id: c.id,
            source: c.source,
            sentence: c.sentence,
            support: *support,
            checkability: checkability[c.source][c.claim],
        })
        .collect();
    let body_counts: Vec<usize> = articles.iter().map(|a| a.body_sentences().count()).collect();
    let summaries = coverage::summarize(&body_counts, &covered);
    let claim_counts: Vec<usize> = summaries.iter().map(|s| s.claims).collect();
    let fact_sources: Vec<Vec<usize>> = aligned.facts.iter().map(|f| f.sources.clone()).collect();
    let similarity = coverage::similarity_matrix(&claim_counts, &fact_sources);
    Coverage { support, summaries, similarity }
}

/// Content-word stems of each claim as sorted, deduplicated ids, for candidate generation,
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

/// A stable, order-free key for a text (FNV-1a), used to break score ties.
pub(crate) fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// `[source][claim]`: how checkable each claim is. Numbers and quotes inside it count most,
/// then named people; each kind counts at most twice.
fn checkability(articles: &[ReadArticle<'_>], linked: &Linked) -> Vec<Vec<u32>> {
    articles
        .iter()
        .zip(&linked.entity_of)
        .map(|(article, entity_of)| {
            // What each sentence holds, so that each claim looks only at its own sentence.
            let n = article.sentences.len();
            let mut held: Vec<Vec<(Range<usize>, u32)>> = vec![Vec::new(); n];
            for (sentence, quantity) in &article.quantities {
                held[*sentence].push((quantity.range.clone(), 0));
            }
            for quote in &article.quotes {
                held[quote.sentence].push((quote.range.clone(), 1));
            }
            for (mention, &entity) in article.mentions.iter().zip(entity_of) {
                if entity.and_then(|e| linked.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person) {
                    held[mention.sentence].push((mention.range.clone(), 2));
                }
            }
            article
                .claims
                .iter()
                .map(|(sentence, claim)| {
                    let mut counts = [0u32; 3];
                    for (range, kind) in &held[*sentence] {
                        if range.start < claim.range.end && claim.range.start < range.end {
                            counts[*kind as usize] += 1;
                        }
                    }
                    2 * counts[0].min(2) + 2 * counts[1].min(2) + counts[2].min(2)
                })
                .collect()
        })
        .collect()
}
