//! n-way alignment: scored sentence pairs → facts.
//!
//! In: for every sentence its source and an order-free key (a hash of its text), and the
//! scored candidate pairs. Out: [`Cluster`]s of sentences, at most one per source, each with
//! two or more sources; sentences in no cluster are single-source.
//!
//! Greedy average-linkage clustering: pairs are taken from the best score down, and two
//! clusters merge only when they share no source and their members are, on average, still
//! similar enough (unscored pairs count as 0). Ties are broken by the sentences' keys, not
//! by their positions, so the same articles in any order give the same facts.

use std::collections::HashMap;

/// A scored pair of sentences from different sources (`a < b`, indices into the inputs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredPair {
    /// First sentence.
    pub a: usize,
    /// Second sentence.
    pub b: usize,
    /// Similarity, 0 to 1.
    pub score: f64,
}

/// A group of sentences that report the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Sentence indices, ascending.
    pub members: Vec<usize>,
}

/// Share of the pair threshold that the average linkage between two clusters must reach.
const AVERAGE_LINK_SHARE: f64 = 0.75;

/// Groups sentences into clusters; see the module doc.
///
/// `sources[i]` and `keys[i]` describe sentence `i`; `threshold` is the lowest pair score that
/// can start a merge.
pub fn align(sources: &[usize], keys: &[u64], pairs: &[ScoredPair], threshold: f64) -> Vec<Cluster> {
    let mut ordered: Vec<ScoredPair> = pairs
        .iter()
        .filter(|p| p.score >= threshold && sources[p.a] != sources[p.b])
        .copied()
        .collect();
    let order_free = |p: &ScoredPair| {
        let (x, y) = (keys[p.a], keys[p.b]);
        (x.min(y), x.max(y))
    };
    ordered.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| order_free(x).cmp(&order_free(y))));

    let scores: HashMap<(usize, usize), f64> =
        pairs.iter().map(|p| ((p.a.min(p.b), p.a.max(p.b)), p.score)).collect();
    let score_of = |a: usize, b: usize| scores.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);

    let mut cluster_of: Vec<usize> = (0..sources.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..sources.len()).map(|i| vec![i]).collect();
    for pair in ordered {
        let (x, y) = (cluster_of[pair.a], cluster_of[pair.b]);
        if x == y {
            continue;
        }
        let shares_source = members[x].iter().any(|&m| members[y].iter().any(|&n| sources[m] == sources[n]));
        if shares_source {
            continue;
        }
        let links = (members[x].len() * members[y].len()) as f64;
        let total: f64 = members[x].iter().flat_map(|&m| members[y].iter().map(move |&n| (m, n))).map(|(m, n)| score_of(m, n)).sum();
        if total / links < threshold * AVERAGE_LINK_SHARE {
            continue;
        }
        let (keep, gone) = if members[x].len() >= members[y].len() { (x, y) } else { (y, x) };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            cluster_of[m] = keep;
        }
        members[keep].extend(moved);
    }

    let mut clusters: Vec<Cluster> = members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_unstable();
            Cluster { members: m }
        })
        .collect();
    clusters.sort_by(|a, b| a.members.cmp(&b.members));
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: usize, b: usize, score: f64) -> ScoredPair {
        ScoredPair { a, b, score }
    }

    #[test]
    fn groups_at_most_one_sentence_per_source() {
        // Sentences 0,1 from source 0; 2 from source 1; 3 from source 2.
        let sources = [0, 0, 1, 2];
        let keys = [10, 11, 12, 13];
        let pairs = [pair(0, 2, 0.9), pair(1, 2, 0.8), pair(2, 3, 0.7), pair(0, 3, 0.6), pair(1, 3, 0.2)];
        let clusters = align(&sources, &keys, &pairs, 0.5);
        assert_eq!(clusters, vec![Cluster { members: vec![0, 2, 3] }]);
    }

    #[test]
    fn does_not_chain_through_a_weak_average() {
        let sources = [0, 1, 2];
        let keys = [1, 2, 3];
        // 0-1 and 1-2 are similar, but 0 and 2 have nothing in common.
        let clusters = align(&sources, &keys, &[pair(0, 1, 0.6), pair(1, 2, 0.55)], 0.5);
        assert_eq!(clusters, vec![Cluster { members: vec![0, 1] }]);
    }

    #[test]
    fn ties_are_broken_by_keys_not_positions() {
        // Sentence 1 ties between 0 and 2 (same source); the lower key pair wins either way round.
        let sources = [0, 1, 0];
        let forward = align(&sources, &[5, 6, 7], &[pair(0, 1, 0.8), pair(1, 2, 0.8)], 0.5);
        let swapped = align(&sources, &[7, 6, 5], &[pair(0, 1, 0.8), pair(1, 2, 0.8)], 0.5);
        assert_eq!(forward, vec![Cluster { members: vec![0, 1] }]);
        assert_eq!(swapped, vec![Cluster { members: vec![1, 2] }]);
    }

    #[test]
    fn below_threshold_nothing_aligns() {
        assert!(align(&[0, 1], &[1, 2], &[pair(0, 1, 0.3)], 0.5).is_empty());
        assert!(align(&[], &[], &[], 0.5).is_empty());
    }
}
