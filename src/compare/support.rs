//! Support: how far other sources back each claim.
//!
//! In: every claim's source and fact, and the scored claim pairs. Out: each claim's
//! [`Support`] and, for a claim in no fact, its closest claims in each other source.
//!
//! Words alone cannot settle every paraphrase: a threshold that keeps facts precise leaves
//! some true partners below it. So a claim in no fact is `possible` when a claim of another
//! source scores at least [`RELATED_SCORE`] with it (the same bar at which conflict
//! detection takes two sentences to be about the same thing), and `single` only when nothing
//! comes that close. The closest claims are listed either way, so a reader can judge.

use crate::report::Support;

use super::align::ScoredPair;

/// Claims this similar may state the same thing even when they were not aligned; sentences
/// this similar are about the same thing for conflict detection.
pub const RELATED_SCORE: f64 = 0.3;

/// Most closest claims listed per other source.
pub const CLOSEST_PER_SOURCE: usize = 3;

/// One of a claim's closest claims: `(claim index, its source, score)`.
pub type Closest = (usize, usize, f64);

/// Each claim's support and its closest claims (best first within each source, sources
/// ascending; empty for shared claims). `pairs` index into `sources` and `facts`.
pub fn grade(sources: &[usize], facts: &[Option<usize>], keys: &[u64], pairs: &[ScoredPair]) -> Vec<(Support, Vec<Closest>)> {
    let mut near: Vec<Vec<Closest>> = vec![Vec::new(); sources.len()];
    for pair in pairs {
        if sources[pair.a] == sources[pair.b] || pair.score <= 0.0 {
            continue;
        }
        if facts[pair.a].is_none() {
            near[pair.a].push((pair.b, sources[pair.b], pair.score));
        }
        if facts[pair.b].is_none() {
            near[pair.b].push((pair.a, sources[pair.a], pair.score));
        }
    }
    near.into_iter()
        .enumerate()
        .map(|(claim, mut closest)| {
            if facts[claim].is_some() {
                return (Support::Shared, Vec::new());
            }
            // Ties go to the order-free key, so input order cannot change the list.
            closest.sort_by(|x, y| x.1.cmp(&y.1).then(y.2.total_cmp(&x.2)).then(keys[x.0].cmp(&keys[y.0])));
            let mut kept: Vec<Closest> = Vec::with_capacity(closest.len().min(CLOSEST_PER_SOURCE * 4));
            for candidate in closest {
                if kept.iter().filter(|k| k.1 == candidate.1).count() < CLOSEST_PER_SOURCE {
                    kept.push(candidate);
                }
            }
            let support =
                if kept.iter().any(|c| c.2 >= RELATED_SCORE) { Support::Possible } else { Support::Single };
            (support, kept)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: usize, b: usize, score: f64) -> ScoredPair {
        ScoredPair { a, b, score }
    }

    #[test]
    fn shared_possible_and_single_follow_facts_and_scores() {
        let sources = [0, 1, 1, 2, 0];
        let facts = [Some(0), Some(0), None, None, None];
        let keys = [1, 2, 3, 4, 5];
        let pairs = [pair(0, 1, 0.9), pair(2, 3, 0.4), pair(2, 4, 0.1), pair(3, 4, 0.2)];
        let graded = grade(&sources, &facts, &keys, &pairs);
        assert_eq!(graded[0], (Support::Shared, vec![]));
        assert_eq!(graded[2].0, Support::Possible);
        assert_eq!(graded[2].1, vec![(4, 0, 0.1), (3, 2, 0.4)]);
        assert_eq!(graded[4].0, Support::Single);
        assert_eq!(graded[4].1, vec![(2, 1, 0.1), (3, 2, 0.2)]);
    }

    #[test]
    fn at_most_three_per_source_best_first() {
        let sources = [0, 1, 1, 1, 1];
        let facts = [None; 5];
        let keys = [1, 2, 3, 4, 5];
        let pairs = [pair(0, 1, 0.1), pair(0, 2, 0.5), pair(0, 3, 0.3), pair(0, 4, 0.3)];
        let graded = grade(&sources, &facts, &keys, &pairs);
        assert_eq!(graded[0].1, vec![(2, 1, 0.5), (3, 1, 0.3), (4, 1, 0.3)]);
    }
}
