//! Word-level diff of two aligned sentences.
//!
//! In: two sentence texts. Out: [`DiffSegment`]s from the first to the second, whole words
//! with their spacing. Uses `similar` without a deadline: a deadline reads the clock, which
//! panics on wasm32, and sentence pairs are short enough not to need one.

use similar::{ChangeTag, TextDiff};

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
    let diff = TextDiff::configure().diff_words(a, b);
    let mut segments: Vec<DiffSegment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        match segments.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => segments.push(DiffSegment { op, text: change.value().to_string() }),
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(diff: &[DiffSegment], keep: DiffOp) -> String {
        diff.iter().filter(|s| s.op == DiffOp::Equal || s.op == keep).map(|s| s.text.as_str()).collect()
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
    fn marks_only_the_changed_words() {
        let diff = diff_words("Peskov said it was not helpful", "Peskov said it is not helpful");
        let changed: Vec<(DiffOp, &str)> =
            diff.iter().filter(|s| s.op != DiffOp::Equal).map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(changed, vec![(DiffOp::Delete, "was"), (DiffOp::Insert, "is")]);
    }
}
