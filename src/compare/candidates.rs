//! Candidate generation: which sentence pairs are worth scoring.
//!
//! In: for every sentence its source and its sorted, deduplicated term ids (content-word
//! stems). Out: pairs `(a, b)`, `a < b`, from different sources. Small inputs get every
//! cross-source pair. Large ones use an inverted index, as passim does: only sentences that
//! share a term that is not too common become candidates, and each sentence keeps its
//! `per_sentence` best candidates by shared rare-term weight, so the work grows about
//! linearly with the number of sentences. The same sentences in any order give the same
//! pairs: weights are summed as integers (exact in any order) and ties are broken by each
//! sentence's order-free key (a hash of its text), not by its position.

/// Up to this many sentences, every cross-source pair is scored.
pub const ALL_PAIRS_LIMIT: usize = 60;

/// Candidate pairs; see the module doc. Output is sorted and free of duplicates.
pub fn candidate_pairs(sources: &[usize], terms: &[Vec<u32>], keys: &[u64], per_sentence: usize) -> Vec<(usize, usize)> {
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

    let term_count = terms.iter().flatten().max().map_or(0, |&id| id as usize + 1);
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); term_count];
    for (sentence, ids) in terms.iter().enumerate() {
        for &id in ids {
            postings[id as usize].push(sentence);
        }
    }
    // A term in more than this many sentences says little about which two belong together.
    // The cap is fixed above 5,000 sentences: a cap that grew with the input made the work
    // grow with its square (1,000 ECB+ articles: 15 times the instructions of 200).
    let max_postings = (n / 50).clamp(20, 100);
    // 1 / ln(1 + postings), in millionths.
    let weight: Vec<u64> = postings
        .iter()
        .map(|list| {
            if (2..=max_postings).contains(&list.len()) { (1e6 / (list.len() as f64).ln_1p()) as u64 } else { 0 }
        })
        .collect();
    // One dense accumulator, reset after each sentence: no hashing in the inner loop.
    let mut shared = vec![0u64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (a, ids) in terms.iter().enumerate() {
        for &id in ids {
            let w = weight[id as usize];
            if w == 0 {
                continue;
            }
            for &b in &postings[id as usize] {
                if sources[b] != sources[a] {
                    if shared[b] == 0 {
                        touched.push(b);
                    }
                    shared[b] += w;
                }
            }
        }
        let mut ranked: Vec<(usize, u64)> = touched.drain(..).map(|b| (b, std::mem::take(&mut shared[b]))).collect();
        let best_first =
            |x: &(usize, u64), y: &(usize, u64)| y.1.cmp(&x.1).then(keys[x.0].cmp(&keys[y.0])).then(x.0.cmp(&y.0));
        if per_sentence == 0 {
            ranked.clear();
        } else if ranked.len() > per_sentence {
            ranked.select_nth_unstable_by(per_sentence - 1, best_first);
            ranked.truncate(per_sentence);
        }
        pairs.extend(ranked.into_iter().map(|(b, _)| (a.min(b), a.max(b))));
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
        let pairs = candidate_pairs(&[0, 0, 1, 2], &[vec![], vec![], vec![], vec![]], &[0; 4], 5);
        assert_eq!(pairs, vec![(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    }

    #[test]
    fn large_inputs_pair_sentences_that_share_rare_terms() {
        let n = ALL_PAIRS_LIMIT + 200;
        let sources: Vec<usize> = (0..n).map(|i| i % 10).collect();
        // Sentence i holds term i/2, so sentences 2k and 2k+1 (different sources) share one term.
        let terms: Vec<Vec<u32>> = (0..n).map(|i| vec![(i / 2) as u32]).collect();
        let keys: Vec<u64> = (0..n as u64).collect();
        let pairs = candidate_pairs(&sources, &terms, &keys, 3);
        assert_eq!(pairs.len(), n / 2);
        assert!(pairs.iter().all(|&(a, b)| b == a + 1 && a % 2 == 0));
    }
}
