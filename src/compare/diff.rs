//! Word-level diff of two aligned sentences.
//!
//! In: two sentence texts. Out: [`DiffSegment`]s from the first to the second, whole words
//! with their spacing. The texts are cut into runs of white space and runs of everything
//! else, and each run becomes a small integer (equal runs, equal integers). Sentence pairs
//! get a longest-common-subsequence table over the integers, filled once and walked from the
//! start (a few thousand cells, far cheaper than divide-and-conquer Myers at these sizes);
//! very long texts go to `similar`'s Myers diff, whose memory grows linearly, when a bounded
//! search shows it would take at most [`MAX_MYERS_STEPS`]; texts further apart than that are
//! one change between their shared start and end. No deadline: a deadline reads the clock,
//! which panics on wasm32, and would make the output depend on the machine.

use std::collections::HashMap;

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::report::{DiffOp, DiffSegment};

/// The word diff from `a` to `b`, adjacent segments of the same kind merged.
///
/// ```
/// use crosscheck::compare::diff::diff_words;
/// use crosscheck::report::DiffOp;
/// let diff = diff_words("could be the basis", "could serve as the basis");
/// let inserted: String = diff.iter().filter(|s| s.op == DiffOp::Insert).map(|s| s.text.as_str()).collect();
/// assert_eq!(inserted, "serve as");
/// ```
pub fn diff_words(a: &str, b: &str) -> Vec<DiffSegment> {
    if a == b {
        return if a.is_empty() { Vec::new() } else { vec![DiffSegment { op: DiffOp::Equal, text: a.to_string() }] };
    }
    let (old, new) = (runs(a), runs(b));
    let mut ids = HashMap::with_capacity(old.len() + new.len());
    let (old_ids, new_ids) = (intern(&mut ids, &old), intern(&mut ids, &new));
    let mut segments: Vec<DiffSegment> = Vec::new();
    let mut push = |op: DiffOp, runs: &[&str]| {
        if runs.is_empty() {
            return;
        }
        let text = match segments.last_mut() {
            Some(last) if last.op == op => &mut last.text,
            _ => {
                segments.push(DiffSegment { op, text: String::new() });
                &mut segments.last_mut().expect("just pushed").text
            }
        };
        runs.iter().for_each(|run| text.push_str(run));
    };
    if old_ids.len().saturating_mul(new_ids.len()) <= MAX_TABLE_CELLS {
        let spaces: Vec<bool> = old.iter().map(|run| run.starts_with(char::is_whitespace)).collect();
        for (op, run) in lcs_walk(&old_ids, &new_ids, &spaces) {
            let runs = match op {
                DiffOp::Insert => &new[run],
                DiffOp::Equal | DiffOp::Delete => &old[run],
            };
            push(op, runs);
        }
        return segments;
    }
    // Myers takes (N + M) · D steps; far-apart long texts (a 200 KB sentence against a short
    // one) would take minutes, so past the budget the diff is the shared start and end around
    // one change.
    let max_edits = MAX_MYERS_STEPS / (old_ids.len() + new_ids.len()).max(1);
    if !within_edits(&old_ids, &new_ids, max_edits) {
        let prefix = old_ids.iter().zip(&new_ids).take_while(|(a, b)| a == b).count();
        let suffix = old_ids[prefix..].iter().rev().zip(new_ids[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
        push(DiffOp::Equal, &old[..prefix]);
        push(DiffOp::Delete, &old[prefix..old.len() - suffix]);
        push(DiffOp::Insert, &new[prefix..new.len() - suffix]);
        push(DiffOp::Equal, &old[old.len() - suffix..]);
        return segments;
    }
    for change in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        let (tag, old_range, new_range) = change.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffOp::Equal, &old[old_range]),
            DiffTag::Delete => push(DiffOp::Delete, &old[old_range]),
            DiffTag::Insert => push(DiffOp::Insert, &new[new_range]),
            DiffTag::Replace => {
                push(DiffOp::Delete, &old[old_range]);
                push(DiffOp::Insert, &new[new_range]);
            }
        }
    }
    segments
}

/// Above this many table cells (runs × runs), the diff falls back to Myers.
const MAX_TABLE_CELLS: usize = 250_000;

/// Most steps ((N + M) · D) a Myers diff may take before the diff gives one change.
const MAX_MYERS_STEPS: usize = 20_000_000;

/// Whether `a` becomes `b` with at most `max_edits` insertions and deletions: Myers' greedy
/// forward search for the furthest point on each diagonal, stopped at `max_edits`, so it takes
/// at most (N + M) · `max_edits` steps and 2 · `max_edits` + 3 numbers of memory.
fn within_edits(a: &[u32], b: &[u32], max_edits: usize) -> bool {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max_edits {
        return false;
    }
    let offset = max_edits + 1;
    let mut furthest = vec![0usize; 2 * max_edits + 3];
    for d in 0..=max_edits {
        for k in (0..=2 * d).step_by(2) {
            // Diagonal k - d, stored at offset + k - d.
            let at = offset + k - d;
            let mut x = if k == 0 || (k != 2 * d && furthest[at - 1] < furthest[at + 1]) {
                furthest[at + 1]
            } else {
                furthest[at - 1] + 1
            };
            let Some(mut y) = (x + d).checked_sub(k) else { continue };
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
            }
            furthest[at] = x;
            if x >= n && y >= m {
                return true;
            }
        }
    }
    false
}

/// The edit script from `old` to `new` as `(op, range)` steps, ranges into `old` for equal
/// and deleted runs and into `new` for inserted ones. Deletions come before insertions where
/// either order would do, so a changed word reads "was" → "is"; and a white-space run shared
/// by both sides is left inside a change when that costs nothing, so "be" → "serve as"
/// reads as one change rather than "serve", " ", "as".
fn lcs_walk(old: &[u32], new: &[u32], old_is_space: &[bool]) -> Vec<(DiffOp, std::ops::Range<usize>)> {
    // Aligned sentences mostly share their start and end: only the middle needs the table.
    let prefix = old.iter().zip(new).take_while(|(x, y)| x == y).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (n, m) = (old.len() - suffix, new.len() - suffix);
    let width = m - prefix + 1;
    let cell = |i: usize, j: usize| (i - prefix) * width + (j - prefix);
    // `longest[cell(i, j)]`: the longest common subsequence of `old[i..n]` and `new[j..m]`.
    let mut longest = vec![0u32; (n - prefix + 1) * width];
    for i in (prefix..n).rev() {
        for j in (prefix..m).rev() {
            longest[cell(i, j)] = if old[i] == new[j] {
                longest[cell(i + 1, j + 1)] + 1
            } else {
                longest[cell(i + 1, j)].max(longest[cell(i, j + 1)])
            };
        }
    }
    let mut steps: Vec<(DiffOp, std::ops::Range<usize>)> = Vec::new();
    if prefix > 0 {
        steps.push((DiffOp::Equal, 0..prefix));
    }
    let step = |steps: &mut Vec<(DiffOp, std::ops::Range<usize>)>, op: DiffOp, at: usize| match steps.last_mut() {
        Some((last, range)) if *last == op && range.end == at => range.end += 1,
        _ => steps.push((op, at..at + 1)),
    };
    let (mut i, mut j) = (prefix, prefix);
    while i < n || j < m {
        let here = if i < n && j < m { longest[cell(i, j)] } else { 0 };
        let inside_change = steps.last().is_some_and(|(op, _)| *op != DiffOp::Equal);
        let skippable = |next: u32| inside_change && old_is_space[i] && next == here;
        if i < n && j < m && old[i] == new[j] && !(skippable(longest[cell(i + 1, j)]) || skippable(longest[cell(i, j + 1)]))
        {
            step(&mut steps, DiffOp::Equal, i);
            i += 1;
            j += 1;
        } else if i < n && (j == m || longest[cell(i + 1, j)] >= longest[cell(i, j + 1)]) {
            step(&mut steps, DiffOp::Delete, i);
            i += 1;
        } else {
            step(&mut steps, DiffOp::Insert, j);
            j += 1;
        }
    }
    for k in n..old.len() {
        step(&mut steps, DiffOp::Equal, k);
    }
    steps
}

/// The id of each run: the first new run gets the next free id, a run seen before its old one.
fn intern<'t>(ids: &mut HashMap<&'t str, u32>, runs: &[&'t str]) -> Vec<u32> {
    runs.iter()
        .map(|run| {
            let next = ids.len() as u32;
            *ids.entry(run).or_insert(next)
        })
        .collect()
}

/// `text` cut into maximal runs of white space and of non-white-space, in order.
fn runs(text: &str) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (at, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|previous| previous != space) {
            runs.push(&text[start..at]);
            start = at;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        runs.push(&text[start..]);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(diff: &[DiffSegment], keep: DiffOp) -> String {
        diff.iter().filter(|s| s.op == DiffOp::Equal || s.op == keep).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn far_apart_long_texts_are_one_change_between_their_shared_ends() {
        let long = format!("Water rose {} and fell.", "over the old dam ".repeat(40_000));
        let short = "Water rose fast and fell.";
        let diff = diff_words(&long, short);
        let side = |keep: DiffOp| diff.iter().filter(|s| s.op == DiffOp::Equal || s.op == keep).map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(side(DiffOp::Delete), long);
        assert_eq!(side(DiffOp::Insert), short);
        assert_eq!(diff.first().map(|s| (s.op, s.text.as_str())), Some((DiffOp::Equal, "Water rose ")));
    }

    #[test]
    fn the_bounded_search_counts_insertions_and_deletions() {
        assert!(within_edits(&[1, 2, 3], &[1, 2, 3], 0));
        assert!(within_edits(&[1, 2, 3], &[1, 3], 1));
        assert!(!within_edits(&[1, 2, 3], &[4, 5, 6], 5));
        assert!(within_edits(&[1, 2, 3], &[4, 5, 6], 6));
        assert!(within_edits(&[], &[7, 8], 2));
    }

    #[test]
    fn both_sides_can_be_rebuilt_from_the_segments() {
        let cases = [
            ("", ""),
            ("same words", "same words"),
            ("about 19% of the land", "more than a fifth of the land"),
            ("«Kyiv» – 😀 e\u{301}", "Kiev — 😀"),
            ("one", ""),
        ];
        for (a, b) in cases {
            let diff = diff_words(a, b);
            assert_eq!(side(&diff, DiffOp::Delete), a);
            assert_eq!(side(&diff, DiffOp::Insert), b);
            assert!(diff.windows(2).all(|w| w[0].op != w[1].op), "segments are merged: {diff:?}");
        }
    }

    #[test]
    fn long_texts_take_the_linear_memory_path_and_still_rebuild() {
        let a: String = (0..400).map(|i| format!("w{} ", i % 37)).collect();
        let b: String = (0..400).map(|i| format!("w{} ", i % 41)).collect();
        assert!(runs(&a).len() * runs(&b).len() > MAX_TABLE_CELLS);
        let diff = diff_words(&a, &b);
        assert_eq!(side(&diff, DiffOp::Delete), a);
        assert_eq!(side(&diff, DiffOp::Insert), b);
    }

    #[test]
    fn a_changed_phrase_is_one_change() {
        let diff = diff_words("could be the basis", "could serve as the basis");
        let ops: Vec<(DiffOp, &str)> = diff.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (DiffOp::Equal, "could "),
                (DiffOp::Delete, "be"),
                (DiffOp::Insert, "serve as"),
                (DiffOp::Equal, " the basis")
            ]
        );
    }

    #[test]
    fn marks_only_the_changed_words() {
        let diff = diff_words("Peskov said it was not helpful", "Peskov said it is not helpful");
        let changed: Vec<(DiffOp, &str)> =
            diff.iter().filter(|s| s.op != DiffOp::Equal).map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(changed, vec![(DiffOp::Delete, "was"), (DiffOp::Insert, "is")]);
    }
}
