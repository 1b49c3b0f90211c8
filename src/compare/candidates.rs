//! Candidate generation: which sentence pairs are worth scoring.
//!
//! In: for every sentence its source and its sorted, deduplicated term ids (content-word
//! stems). Out: pairs `(a, b)`, `a < b`, from different sources. Small inputs get every
//! cross-source pair. Large ones use an inverted index, as passim does: only sentences that
//! share a term that is not too common become candidates, and each sentence keeps its
//! `per_sentence` best candidates by shared rare-term weight, so the work grows about
//! linearly with the number of sentences.

use std::collections::HashMap;

/// Up to this many sentences, every cross-source pair is scored.
pub const ALL_PAIRS_LIMIT: usize = 60;

/// Candidate pairs; see the module doc. Output is sorted and free of duplicates.
pub fn candidate_pairs(sources: &[usize], terms: &[Vec<u32>], per_sentence: usize) -> Vec<(usize, usize)> {
    let n = sources.len();
    if n <= ALL_PAIRS_LIMIT {
        let mut pairs = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                if sources[a] != sources[b] {
                    pairs.push((a, b));
                }
            }
        }
        return pairs;
    }

    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (sentence, ids) in terms.iter().enumerate() {
        for &id in ids {
            postings.entry(id).or_default().push(sentence);
        }
    }
    // A term in more than this many sentences says little about which two belong together.
    let max_postings = (n / 50).clamp(20, 400);
    let mut shared: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for list in postings.values() {
        if list.len() < 2 || list.len() > max_postings {
            continue;
        }
        let weight = 1.0 / (list.len() as f64).ln_1p();
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if sources[a] != sources[b] {
                    *shared[a].entry(b).or_insert(0.0) += weight;
                    *shared[b].entry(a).or_insert(0.0) += weight;
                }
            }
        }
    }
    let mut pairs = Vec::new();
    for (a, others) in shared.into_iter().enumerate() {
        let mut ranked: Vec<(usize, f64)> = others.into_iter().collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        pairs.extend(ranked.into_iter().take(per_sentence).map(|(b, _)| (a.min(b), a.max(b))));
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_inputs_get_every_cross_source_pair() {
        let pairs = candidate_pairs(&[0, 0, 1, 2], &[vec![], vec![], vec![], vec![]], 5);
        assert_eq!(pairs, vec![(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    }

    #[test]
    fn large_inputs_pair_sentences_that_share_rare_terms() {
        let n = ALL_PAIRS_LIMIT + 200;
        let sources: Vec<usize> = (0..n).map(|i| i % 10).collect();
        // Sentence i holds term i/2, so sentences 2k and 2k+1 (different sources) share one term.
        let terms: Vec<Vec<u32>> = (0..n).map(|i| vec![(i / 2) as u32]).collect();
        let pairs = candidate_pairs(&sources, &terms, 3);
        assert_eq!(pairs.len(), n / 2);
        assert!(pairs.iter().all(|&(a, b)| b == a + 1 && a % 2 == 0));
    }
}
