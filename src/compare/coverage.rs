//! Coverage: who reports what.
//!
//! In: every claim's source, sentence, support and checkability, and each source's body
//! sentence count. Out: one [`SourceSummary`] per source (claims shared, possible and
//! single-source, the single-source claims ranked so that checkable ones come first, and the
//! body sentences with a shared claim) and the source-by-source similarity matrix.

use std::collections::BTreeSet;

use crate::report::{SourceSummary, Support};

/// What coverage needs to know about one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoveredClaim {
    /// Report-wide claim id.
    pub id: usize,
    /// Source index.
    pub source: usize,
    /// Report-wide id of its sentence.
    pub sentence: usize,
    /// Shared, possible or single.
    pub support: Support,
    /// How checkable the claim is: quantities, quotes and named people each add to it.
    pub checkability: u32,
}

/// Per-source summaries, in source order; `body_sentences[source]` counts each source's body.
pub fn summarize(body_sentences: &[usize], claims: &[CoveredClaim]) -> Vec<SourceSummary> {
    body_sentences
        .iter()
        .enumerate()
        .map(|(source, &body)| {
            let own: Vec<&CoveredClaim> = claims.iter().filter(|c| c.source == source).collect();
            let count = |support: Support| own.iter().filter(|c| c.support == support).count();
            let mut single: Vec<&CoveredClaim> = own.iter().copied().filter(|c| c.support == Support::Single).collect();
            single.sort_by(|a, b| b.checkability.cmp(&a.checkability).then(a.id.cmp(&b.id)));
            let shared_sentences: BTreeSet<usize> =
                own.iter().filter(|c| c.support == Support::Shared).map(|c| c.sentence).collect();
            SourceSummary {
                body_sentences: body,
                shared_sentences: shared_sentences.len(),
                claims: own.len(),
                shared_claims: count(Support::Shared),
                possible_claims: count(Support::Possible),
                single_source_share: if own.is_empty() { 0.0 } else { round3(single.len() as f64 / own.len() as f64) },
                single_source_claims: single.iter().map(|c| c.id).collect(),
            }
        })
        .collect()
}

/// `matrix[i][j]`: facts reported by both `i` and `j`, over the mean of their claim counts (the
/// Dice coefficient of their content); 1 on the diagonal for a source with content.
pub fn similarity_matrix(claims: &[usize], fact_sources: &[Vec<usize>]) -> Vec<Vec<f64>> {
    let n = claims.len();
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
                    let mean = (claims[i] + claims[j]) as f64 / 2.0;
                    if i == j {
                        if claims[i] > 0 { 1.0 } else { 0.0 }
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

    fn claim(id: usize, source: usize, sentence: usize, support: Support, checkability: u32) -> CoveredClaim {
        CoveredClaim { id, source, sentence, support, checkability }
    }

    #[test]
    fn counts_shares_and_ranks_checkable_claims_first() {
        use Support::{Possible, Shared, Single};
        let claims = [
            claim(0, 0, 0, Shared, 0),
            claim(1, 0, 0, Single, 0),
            claim(2, 0, 1, Single, 3),
            claim(3, 0, 2, Possible, 1),
            claim(4, 0, 3, Single, 1),
            claim(5, 1, 4, Shared, 0),
        ];
        let summaries = summarize(&[4, 1, 0], &claims);
        assert_eq!(summaries[0].body_sentences, 4);
        assert_eq!(summaries[0].shared_sentences, 1);
        assert_eq!((summaries[0].claims, summaries[0].shared_claims, summaries[0].possible_claims), (5, 1, 1));
        assert_eq!(summaries[0].single_source_share, 0.6);
        assert_eq!(summaries[0].single_source_claims, vec![2, 4, 1]);
        assert_eq!(summaries[1].single_source_share, 0.0);
        assert_eq!(summaries[2].claims, 0);
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
