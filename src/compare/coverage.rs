//! Coverage: who reports what.
//!
//! In: every body sentence's source, fact and checkability. Out: one
//! [`SourceSummary`] per source (shared and single-source counts, the single-source claims
//! ranked so that checkable ones come first) and the source-by-source similarity matrix.

use crate::report::SourceSummary;

/// What coverage needs to know about one body sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoveredSentence {
    /// Report-wide sentence id.
    pub id: usize,
    /// Source index.
    pub source: usize,
    /// Number of sources in the sentence's fact (1 when it is in none).
    pub fact_sources: usize,
    /// How checkable the claim is: quantities, quotes and named people each add to it.
    pub checkability: u32,
}

/// Per-source summaries, in source order.
pub fn summarize(sources: usize, sentences: &[CoveredSentence]) -> Vec<SourceSummary> {
    (0..sources)
        .map(|source| {
            let own: Vec<&CoveredSentence> = sentences.iter().filter(|s| s.source == source).collect();
            let mut single: Vec<&CoveredSentence> = own.iter().copied().filter(|s| s.fact_sources < 2).collect();
            single.sort_by(|a, b| b.checkability.cmp(&a.checkability).then(a.id.cmp(&b.id)));
            let body = own.len();
            SourceSummary {
                body_sentences: body,
                shared_sentences: body - single.len(),
                single_source_share: if body == 0 { 0.0 } else { round3(single.len() as f64 / body as f64) },
                single_source_claims: single.iter().map(|s| s.id).collect(),
            }
        })
        .collect()
}

/// `matrix[i][j]`: facts reported by both `i` and `j`, over the mean of their body sentence
/// counts (the Dice coefficient of their content); 1 on the diagonal for a source with content.
pub fn similarity_matrix(body_sentences: &[usize], fact_sources: &[Vec<usize>]) -> Vec<Vec<f64>> {
    let n = body_sentences.len();
    let mut shared = vec![vec![0usize; n]; n];
    for sources in fact_sources {
        for (k, &i) in sources.iter().enumerate() {
            for &j in &sources[k + 1..] {
                shared[i][j] += 1;
                shared[j][i] += 1;
            }
        }
    }
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let mean = (body_sentences[i] + body_sentences[j]) as f64 / 2.0;
                    if i == j {
                        if body_sentences[i] > 0 { 1.0 } else { 0.0 }
                    } else if mean == 0.0 {
                        0.0
                    } else {
                        round3((shared[i][j] as f64 / mean).min(1.0))
                    }
                })
                .collect()
        })
        .collect()
}

/// Rounds for stable output: three decimals are all a reader or a snapshot needs.
pub fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(id: usize, source: usize, fact_sources: usize, checkability: u32) -> CoveredSentence {
        CoveredSentence { id, source, fact_sources, checkability }
    }

    #[test]
    fn counts_shares_and_ranks_checkable_claims_first() {
        let sentences = [
            sentence(0, 0, 2, 0),
            sentence(1, 0, 1, 0),
            sentence(2, 0, 1, 3),
            sentence(3, 0, 1, 1),
            sentence(4, 1, 2, 0),
        ];
        let summaries = summarize(3, &sentences);
        assert_eq!(summaries[0].body_sentences, 4);
        assert_eq!(summaries[0].shared_sentences, 1);
        assert_eq!(summaries[0].single_source_share, 0.75);
        assert_eq!(summaries[0].single_source_claims, vec![2, 3, 1]);
        assert_eq!(summaries[1].single_source_share, 0.0);
        assert_eq!(summaries[2].body_sentences, 0);
        assert_eq!(summaries[2].single_source_share, 0.0);
    }

    #[test]
    fn similarity_is_symmetric_dice_over_shared_facts() {
        let matrix = similarity_matrix(&[4, 2, 0], &[vec![0, 1], vec![0, 1]]);
        assert_eq!(matrix[0][1], round3(2.0 / 3.0));
        assert_eq!(matrix[0][1], matrix[1][0]);
        assert_eq!(matrix[0][0], 1.0);
        assert_eq!(matrix[2][2], 0.0);
        assert_eq!(matrix[0][2], 0.0);
    }
}
