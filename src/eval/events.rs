//! Same-event links on ECB+ (../shared/data/ecbplus): real clusters of articles from many
//! outlets, with sentences annotated for the events they mention.
//!
//! Candidate pairs are the ones of the data set's own baseline: cross-document sentence
//! pairs in one topic where both sentences hold a cross-document event mention; a pair is
//! positive when the two share an event instance. Each pair is scored by
//! [`crate::compare::score::score_pair`] with IDF weights from the topic's
//! sentences, and by token Jaccard (lowercase `[a-z0-9]+`) as the baseline, both on the same
//! pairs. Reported: ROC-AUC, best-threshold F1, and precision/recall at the threshold the
//! product uses to align facts ([`Options::min_fact_score`](crate::Options)).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::compare::score::{features, score_pair, Idf, SentenceFeatures};
use crate::eval::Figure;
use crate::options::Options;

/// The development topics of the Cybulska & Vossen (2015) split.
pub const DEV_TOPICS: [u32; 8] = [2, 5, 12, 18, 21, 23, 34, 35];

#[derive(Deserialize)]
struct Doc {
    doc: String,
    topic: u32,
    sentences: Vec<DocSentence>,
    mentions: Vec<DocMention>,
}

#[derive(Deserialize)]
struct DocSentence {
    i: usize,
    text: String,
}

#[derive(Deserialize)]
struct DocMention {
    #[serde(rename = "type")]
    kind: String,
    sentence: usize,
    instance: Option<String>,
    relation: Option<String>,
}

/// Ranking quality of one scorer on one set of pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkQuality {
    /// Area under the ROC curve.
    pub roc_auc: f64,
    /// Best F1 over all thresholds.
    pub best_f1: f64,
    /// The threshold that gives it.
    pub best_threshold: f64,
}

/// Results for one topic set.
#[derive(Debug, Clone, PartialEq)]
pub struct EventResult {
    /// Candidate pairs.
    pub pairs: usize,
    /// Positive pairs.
    pub positives: usize,
    /// crosscheck's scorer.
    pub ours: LinkQuality,
    /// Token Jaccard.
    pub jaccard: LinkQuality,
    /// Precision at the product's alignment threshold.
    pub precision_at_default: f64,
    /// Recall at the product's alignment threshold.
    pub recall_at_default: f64,
    /// Precision–recall curve: `(threshold, precision, recall)` for thresholds 0.05, 0.10, ... 0.95.
    pub curve: Vec<(f64, f64, f64)>,
    /// Highest recall with precision at least [`TARGET_PRECISION`], and the lowest threshold
    /// that gives it (`None` when no threshold reaches that precision).
    pub recall_at_precision: Option<(f64, f64)>,
}

/// The precision the "recall at precision" figure asks for.
pub const TARGET_PRECISION: f64 = 0.80;

/// Runs the evaluation on the topics `keep` accepts.
pub fn evaluate(data_dir: &Path, keep: impl Fn(u32) -> bool) -> Result<EventResult, String> {
    evaluate_with(data_dir, keep, score_pair)
}

/// [`evaluate`] with another pair scorer (for measuring one part of the scorer on its own).
pub fn evaluate_with(
    data_dir: &Path,
    keep: impl Fn(u32) -> bool,
    scorer: impl Fn(&SentenceFeatures, &SentenceFeatures) -> f64,
) -> Result<EventResult, String> {
    let path = data_dir.join("ecbplus/ecbplus_docs.dev.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs: Vec<Doc> = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;

    // topic → [(doc, sentence text, event instances)]
    let mut topics: BTreeMap<u32, Vec<(String, String, BTreeSet<String>)>> = BTreeMap::new();
    for doc in docs.iter().filter(|d| keep(d.topic)) {
        let mut events: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for mention in &doc.mentions {
            let is_event = mention.kind.starts_with("ACTION") || mention.kind.starts_with("NEG");
            if is_event && mention.relation.as_deref() == Some("CROSS_DOC_COREF") {
                if let Some(instance) = &mention.instance {
                    events.entry(mention.sentence).or_default().insert(instance.clone());
                }
            }
        }
        for (sentence, instances) in events {
            if let Some(s) = doc.sentences.iter().find(|s| s.i == sentence) {
                topics.entry(doc.topic).or_default().push((doc.doc.clone(), s.text.clone(), instances));
            }
        }
    }

    let mut ours = Vec::new();
    let mut jaccard = Vec::new();
    for sentences in topics.values() {
        let idf = Idf::from_sentences(sentences.iter().map(|(_, text, _)| text.as_str()));
        let feats: Vec<_> = sentences.iter().map(|(_, text, _)| features(text, &idf)).collect();
        let tokens: Vec<HashSet<String>> = sentences.iter().map(|(_, text, _)| jaccard_tokens(text)).collect();
        for a in 0..sentences.len() {
            for b in a + 1..sentences.len() {
                if sentences[a].0 == sentences[b].0 {
                    continue;
                }
                let positive = !sentences[a].2.is_disjoint(&sentences[b].2);
                ours.push((scorer(&feats[a], &feats[b]), positive));
                jaccard.push((jaccard_score(&tokens[a], &tokens[b]), positive));
            }
        }
    }
    if ours.is_empty() {
        return Err("no candidate pairs in the selected topics".into());
    }
    let threshold = Options::default().min_fact_score;
    let predicted = ours.iter().filter(|(s, _)| *s >= threshold).count();
    let positives = ours.iter().filter(|(_, p)| *p).count();
    let true_positives = ours.iter().filter(|(s, p)| *p && *s >= threshold).count();
    let at = |t: f64| {
        let predicted = ours.iter().filter(|(s, _)| *s >= t).count();
        let hits = ours.iter().filter(|(s, p)| *p && *s >= t).count();
        (t, ratio(hits, predicted), ratio(hits, positives))
    };
    let curve = (1..20).map(|k| at(f64::from(k) * 0.05)).collect();
    let recall_at_precision = recall_at_precision(&mut ours.clone(), TARGET_PRECISION);
    Ok(EventResult {
        curve,
        recall_at_precision,
        pairs: ours.len(),
        positives,
        ours: quality(&mut ours),
        jaccard: quality(&mut jaccard),
        precision_at_default: ratio(true_positives, predicted),
        recall_at_default: ratio(true_positives, positives),
    })
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn jaccard_tokens(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn jaccard_score(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// The highest recall at precision ≥ `target` over every threshold, with that threshold.
fn recall_at_precision(scored: &mut [(f64, bool)], target: f64) -> Option<(f64, f64)> {
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let positives = scored.iter().filter(|(_, p)| *p).count();
    let (mut tp, mut seen, mut best) = (0usize, 0usize, None);
    let mut i = 0;
    while i < scored.len() {
        let score = scored[i].0;
        while i < scored.len() && scored[i].0 == score {
            tp += usize::from(scored[i].1);
            seen += 1;
            i += 1;
        }
        if ratio(tp, seen) >= target {
            best = Some((ratio(tp, positives), score));
        }
    }
    best
}

/// ROC-AUC (with ties counted half) and the best F1 over thresholds.
fn quality(scored: &mut [(f64, bool)]) -> LinkQuality {
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let positives = scored.iter().filter(|(_, p)| *p).count() as f64;
    let negatives = scored.len() as f64 - positives;
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut auc = 0.0;
    let mut best = (0.0, 0.0);
    let mut i = 0;
    while i < scored.len() {
        let score = scored[i].0;
        let (mut tie_tp, mut tie_fp) = (0.0, 0.0);
        while i < scored.len() && scored[i].0 == score {
            if scored[i].1 {
                tie_tp += 1.0;
            } else {
                tie_fp += 1.0;
            }
            i += 1;
        }
        auc += tie_fp * (tp + tie_tp / 2.0);
        tp += tie_tp;
        fp += tie_fp;
        let f1 = 2.0 * tp / (tp + fp + positives);
        if f1 > best.0 {
            best = (f1, score);
        }
    }
    LinkQuality { roc_auc: auc / (positives * negatives).max(1.0), best_f1: best.0, best_threshold: best.1 }
}

/// Figure rows for `crosscheck eval`.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let mut rows = Vec::new();
    for (label, dev_only) in [("ECB+ dev topics", true), ("ECB+ topics 1-35", false)] {
        let result = evaluate(data_dir, |t| !dev_only || DEV_TOPICS.contains(&t))?;
        let name = format!("{label} ({} pairs, {} same-event)", result.pairs, result.positives);
        rows.push(Figure::new(
            format!("{name}: ROC-AUC"),
            format!("{:.3}", result.ours.roc_auc),
            format!("token Jaccard {:.3} on the same pairs (data set baseline 0.701)", result.jaccard.roc_auc),
        ));
        rows.push(Figure::new(
            format!("{name}: best F1"),
            format!("{:.3} at {:.2}", result.ours.best_f1, result.ours.best_threshold),
            format!("token Jaccard {:.3} (data set baseline 0.557)", result.jaccard.best_f1),
        ));
        rows.push(Figure::new(
            format!("{name}: P / R at the alignment threshold"),
            format!(
                "{:.3} / {:.3} (threshold {:.3})",
                result.precision_at_default,
                result.recall_at_default,
                Options::default().min_fact_score
            ),
            "",
        ));
        rows.push(Figure::new(
            format!("{name}: recall at precision ≥ {TARGET_PRECISION:.2}"),
            result.recall_at_precision.map_or("none".into(), |(r, t)| format!("{r:.3} (threshold {t:.2})")),
            "issue 13 target ≥ 0.30 on dev",
        ));
        if dev_only {
            let curve: Vec<String> = result
                .curve
                .iter()
                .filter(|(t, ..)| (0.1..0.62).contains(t))
                .map(|(t, p, r)| format!("{t:.2}→{p:.2}/{r:.2}"))
                .collect();
            rows.push(Figure::new(format!("{name}: P/R curve, threshold→P/R"), curve.join(" "), ""));
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quality_of_a_perfect_and_a_useless_ranking() {
        let perfect = quality(&mut [(0.9, true), (0.8, true), (0.2, false), (0.1, false)]);
        assert_eq!(perfect.roc_auc, 1.0);
        assert_eq!(perfect.best_f1, 1.0);
        let tied = quality(&mut [(0.5, true), (0.5, false)]);
        assert_eq!(tied.roc_auc, 0.5);
        let inverted = quality(&mut [(0.1, true), (0.9, false)]);
        assert_eq!(inverted.roc_auc, 0.0);
    }
}
