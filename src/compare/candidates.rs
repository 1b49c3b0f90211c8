//! Candidate generation: which sentence pairs are worth scoring.
//!
//! In: [`Sentences`]: for every sentence its source, its sorted, deduplicated term ids
//! (content-word stems) and an order-free key. Out: pairs `(a, b)`, `a < b`, from different
//! sources. Small inputs get every cross-source pair. Large ones use two indexes, so that the
//! work grows about linearly with the number of sentences:
//!
//! - an inverted index, as passim does: sentences that share a term that is not too common
//!   become candidates, and each sentence keeps its `per_sentence` best by shared rare-term
//!   weight;
//! - MinHash buckets for near-duplicates. A sentence that many outlets carry (wire copy) is
//!   made only of terms the inverted index finds too common, so it would get no candidates
//!   at all; sentences whose term sets agree under a band of min-hashes are paired with their
//!   neighbours in the bucket, and kept when most of their terms are shared.
//!
//! The same sentences in any order give the same pairs: weights are summed as integers (exact
//! in any order), hashes come from the terms' text, and ties are broken by each sentence's
//! order-free key (a hash of its text), not by its position.

/// Up to this many sentences, every cross-source pair is scored.
pub const ALL_PAIRS_LIMIT: usize = 60;

/// MinHash bands, and min-hashes per band: two sentences with term-set Jaccard similarity `j`
/// share a bucket in some band with probability `1 - (1 - j^2)^4`: 0.99 at `j = 0.8`,
/// 0.23 at `j = 0.25`.
const BANDS: u64 = 4;
const HASHES_PER_BAND: u64 = 2;

/// Least share of their terms two near-duplicate candidates must have in common.
const NEAR_DUPLICATE_JACCARD: f64 = 0.5;

/// The sentences to pair, indexed alike.
#[derive(Debug, Clone, Copy)]
pub struct Sentences<'a> {
    /// The source of each sentence.
    pub sources: &'a [usize],
    /// Each sentence's term ids, sorted and deduplicated.
    pub terms: &'a [Vec<u32>],
    /// For each term id, an order-free key (a hash of the term's text).
    pub term_keys: &'a [u64],
    /// Each sentence's order-free key.
    pub keys: &'a [u64],
}

/// Candidate pairs; see the module doc. Output is sorted and free of duplicates.
pub fn candidate_pairs(sentences: &Sentences<'_>, per_sentence: usize) -> Vec<(usize, usize)> {
    let Sentences { sources, terms, keys, .. } = *sentences;
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
    pairs.extend(near_duplicate_pairs(sentences, per_sentence / 2));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Pairs of near-duplicate sentences from MinHash buckets: in each band, the members of a
/// bucket in a band-specific order, each paired with the next `window`; pairs that share
/// less than [`NEAR_DUPLICATE_JACCARD`] of their terms are dropped.
fn near_duplicate_pairs(sentences: &Sentences<'_>, window: usize) -> Vec<(usize, usize)> {
    let Sentences { sources, terms, term_keys, keys } = *sentences;
    let mut pairs = Vec::new();
    let mut members: Vec<(u64, u64, usize)> = Vec::with_capacity(terms.len());
    for band in 0..BANDS {
        members.clear();
        for (sentence, ids) in terms.iter().enumerate() {
            if ids.len() < 2 {
                continue;
            }
            let bucket = (0..HASHES_PER_BAND).fold(band, |bucket, row| {
                let seed = band * HASHES_PER_BAND + row + 1;
                let min = ids.iter().map(|&id| mix(term_keys[id as usize] ^ seed)).min().unwrap_or(0);
                mix(bucket ^ min)
            });
            members.push((bucket, mix(keys[sentence] ^ band), sentence));
        }
        members.sort_unstable();
        for run in members.chunk_by(|x, y| x.0 == y.0) {
            for (i, &(_, _, a)) in run.iter().enumerate() {
                for &(_, _, b) in run.iter().skip(i + 1).take(window) {
                    if sources[a] != sources[b] && jaccard(&terms[a], &terms[b]) >= NEAR_DUPLICATE_JACCARD {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
    }
    pairs
}

/// Shared share of two sorted, deduplicated id lists.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

/// A 64-bit finaliser (SplitMix64's): spreads a key's bits so that minima are uniform.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_inputs_get_every_cross_source_pair() {
        let terms = [vec![], vec![], vec![], vec![]];
        let sentences = Sentences { sources: &[0, 0, 1, 2], terms: &terms, term_keys: &[], keys: &[0; 4] };
        let pairs = candidate_pairs(&sentences, 5);
        assert_eq!(pairs, vec![(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    }

    #[test]
    fn large_inputs_pair_sentences_that_share_rare_terms() {
        let n = ALL_PAIRS_LIMIT + 200;
        let sources: Vec<usize> = (0..n).map(|i| i % 10).collect();
        // Sentence i holds term i/2, so sentences 2k and 2k+1 (different sources) share one term.
        let terms: Vec<Vec<u32>> = (0..n).map(|i| vec![(i / 2) as u32]).collect();
        let keys: Vec<u64> = (0..n as u64).collect();
        let term_keys: Vec<u64> = (0..n as u64).map(|t| t * 7919).collect();
        let sentences = Sentences { sources: &sources, terms: &terms, term_keys: &term_keys, keys: &keys };
        let pairs = candidate_pairs(&sentences, 3);
        assert_eq!(pairs.len(), n / 2);
        assert!(pairs.iter().all(|&(a, b)| b == a + 1 && a % 2 == 0));
    }

    #[test]
    fn copies_made_of_common_terms_still_pair() {
        // 100 sources carry one sentence (terms 0..10, too common for the inverted index), each
        // with a number of its own (term 10 + source); every source also has a sentence of its own.
        let copies = 100;
        let mut sources = Vec::new();
        let mut terms = Vec::new();
        for source in 0..copies {
            sources.push(source);
            terms.push((0..10).chain([10 + source as u32]).collect::<Vec<u32>>());
            sources.push(source);
            terms.push(vec![1000 + 2 * source as u32, 1001 + 2 * source as u32]);
        }
        let term_keys: Vec<u64> = (0..1200u64).map(|t| t.wrapping_mul(0x9e37_79b9_7f4a_7c15)).collect();
        let keys: Vec<u64> = (0..sources.len() as u64).map(|k| k.wrapping_mul(31)).collect();
        let sentences = Sentences { sources: &sources, terms: &terms, term_keys: &term_keys, keys: &keys };
        let pairs = candidate_pairs(&sentences, 40);
        assert!(pairs.iter().all(|&(a, b)| a % 2 == 0 && b % 2 == 0), "only the copies pair");
        let mut partners = vec![0; sources.len()];
        for &(a, b) in &pairs {
            partners[a] += 1;
            partners[b] += 1;
        }
        let fewest = (0..sources.len()).step_by(2).map(|s| partners[s]).min().unwrap();
        assert!(fewest >= 30, "each copy has {fewest} partners");
    }

    #[test]
    fn jaccard_of_sorted_lists() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
