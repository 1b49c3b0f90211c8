//! Qualifiers and ranges: how the text bounds an amount.
//!
//! In: a [`Scanner`] and a token index. Out: the quantity starting there, its amount read by
//! [`super::amount`], with the qualifier before it ("more than", "nearly", "between") or after
//! it ("or more"), or joined with a second amount into a range ("25,000–30,000", "5 to 7
//! million"), and the interval the text commits to.

use super::amount::{Amount, AmountKind};
use super::units::{is_measure, is_time_span};
use super::{QuantityMatch, APPROXIMATE_MARGIN};
use crate::extract::scan::{may_start, Scanner, TokenKind};
use crate::report::Bound;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Lean {
    /// Either side of the value.
    Both,
    /// Up to the value, not above it ("nearly", "almost").
    Below,
}

/// Qualifiers before a number; the first matching entry wins, so longer phrases come first.
const QUALIFIERS: &[(&[&str], Bound, Lean)] = &[
    (&["no", "more", "than"], Bound::AtMost, Lean::Both),
    (&["not", "more", "than"], Bound::AtMost, Lean::Both),
    (&["no", "fewer", "than"], Bound::AtLeast, Lean::Both),
    (&["no", "less", "than"], Bound::AtLeast, Lean::Both),
    (&["not", "less", "than"], Bound::AtLeast, Lean::Both),
    (&["a", "minimum", "of"], Bound::AtLeast, Lean::Both),
    (&["a", "maximum", "of"], Bound::AtMost, Lean::Both),
    (&["as", "many", "as"], Bound::AtMost, Lean::Both),
    (&["as", "much", "as"], Bound::AtMost, Lean::Both),
    (&["in", "excess", "of"], Bound::MoreThan, Lean::Both),
    (&["at", "least"], Bound::AtLeast, Lean::Both),
    (&["at", "most"], Bound::AtMost, Lean::Both),
    (&["up", "to"], Bound::AtMost, Lean::Both),
    (&["more", "than"], Bound::MoreThan, Lean::Both),
    (&["greater", "than"], Bound::MoreThan, Lean::Both),
    (&["larger", "than"], Bound::MoreThan, Lean::Both),
    (&["higher", "than"], Bound::MoreThan, Lean::Both),
    (&["bigger", "than"], Bound::MoreThan, Lean::Both),
    (&["upwards", "of"], Bound::MoreThan, Lean::Both),
    (&["just", "over"], Bound::MoreThan, Lean::Both),
    (&["well", "over"], Bound::MoreThan, Lean::Both),
    (&["less", "than"], Bound::LessThan, Lean::Both),
    (&["fewer", "than"], Bound::LessThan, Lean::Both),
    (&["lower", "than"], Bound::LessThan, Lean::Both),
    (&["smaller", "than"], Bound::LessThan, Lean::Both),
    (&["just", "under"], Bound::LessThan, Lean::Both),
    (&["close", "to"], Bound::Approximate, Lean::Both),
    (&["an", "estimated"], Bound::Approximate, Lean::Both),
    (&["over"], Bound::MoreThan, Lean::Both),
    (&["above"], Bound::MoreThan, Lean::Both),
    (&["exceeding"], Bound::MoreThan, Lean::Both),
    (&["exceed"], Bound::MoreThan, Lean::Both),
    (&["exceeds"], Bound::MoreThan, Lean::Both),
    (&["surpass"], Bound::MoreThan, Lean::Both),
    (&["under"], Bound::LessThan, Lean::Both),
    (&["below"], Bound::LessThan, Lean::Both),
    (&["about"], Bound::Approximate, Lean::Both),
    (&["around"], Bound::Approximate, Lean::Both),
    (&["roughly"], Bound::Approximate, Lean::Both),
    (&["approximately"], Bound::Approximate, Lean::Both),
    (&["approx"], Bound::Approximate, Lean::Both),
    (&["circa"], Bound::Approximate, Lean::Both),
    (&["some"], Bound::Approximate, Lean::Both),
    (&["estimated"], Bound::Approximate, Lean::Both),
    (&["nearly"], Bound::Approximate, Lean::Below),
    (&["almost"], Bound::Approximate, Lean::Below),
    (&["between"], Bound::Range, Lean::Both),
];

/// Qualifiers after a number ("500 or more").
const TRAILING_QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "greater"], Bound::AtLeast),
    (&["and", "more"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["or", "less"], Bound::AtMost),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "below"], Bound::AtMost),
];

/// `low` and `high` for a single value under `bound` (see the module documentation).
fn interval(bound: Bound, lean: Lean, value: f64) -> (Option<f64>, Option<f64>) {
    let margin = value.abs() * APPROXIMATE_MARGIN;
    match bound {
        Bound::Approximate if lean == Lean::Below => (Some(value - margin), Some(value)),
        Bound::Approximate => (Some(value - margin), Some(value + margin)),
        Bound::AtLeast | Bound::MoreThan => (Some(value), None),
        Bound::AtMost | Bound::LessThan => (None, Some(value)),
        _ => (Some(value), Some(value)),
    }
}

impl Scanner<'_> {
    /// The quantity that starts at `at`, and the index after it.
    pub(super) fn quantity_at(&self, at: usize) -> Option<(QuantityMatch, usize)> {
        let token = self.tokens.get(at)?;
        let could_start = match token.kind {
            TokenKind::Number => true,
            TokenKind::Symbol => self.currency_symbol(at).is_some() || self.is_symbol(at, &['-', '−']),
            TokenKind::Word => true,
        };
        if !could_start {
            return None;
        }
        let head = self.slice(at);
        let (bound, lean, after_qualifier) = QUALIFIERS
            .iter()
            .filter(|(words, ..)| may_start(words, head))
            .find_map(|(words, bound, lean)| self.phrase(at, words).map(|next| (*bound, *lean, next)))
            .map_or((Bound::Exact, Lean::Both, at), |(b, l, n)| (b, l, n));
        let qualified = after_qualifier > at;
        let first = self.amount(after_qualifier, qualified, false)?;
        // "over three months" is a span of time, not more than three months.
        if qualified && self.phrase(at, &["over"]) == Some(after_qualifier) && is_time_span(&first.unit) && !self.is_word(first.end, "old") {
            return None;
        }
        if bound == Bound::Range {
            return self.between(at, first);
        }
        if first.kind == AmountKind::Ordinal && qualified {
            return None;
        }
        let (value, low, high, bound, unit, end) = match self.range_after(&first) {
            Some((low, high, unit, end)) => ((low + high) / 2.0, Some(low), Some(high), Bound::Range, unit, end),
            None if self.score_like(&first) => return None,
            None => {
                let (bound, end) = if qualified && bound != Bound::Approximate {
                    (bound, first.end)
                } else {
                    let head = self.slice(first.end);
                    TRAILING_QUALIFIERS
                        .iter()
                        .filter(|(words, _)| may_start(words, head))
                        .find_map(|(words, b)| self.phrase(first.end, words).map(|next| (*b, next)))
                        .unwrap_or((bound, first.end))
                };
                let (low, high) = interval(bound, lean, first.value);
                (first.value, low, high, bound, self.shared_unit(&first), end)
            }
        };
        let start = self.tokens[at].start;
        let stop = self.tokens[end - 1].end;
        Some((QuantityMatch { range: start..stop, value, low, high, bound, unit }, end))
    }

    /// The unit of `first`, or for a bare number followed by "and" and a measure, that measure's
    /// unit ("45 and 50 mg", "2 and 3 percent").
    fn shared_unit(&self, first: &Amount) -> String {
        if !first.unit.is_empty() || first.kind != AmountKind::Cardinal || !self.is_word(first.end, "and") {
            return first.unit.clone();
        }
        match self.amount(first.end + 1, false, false) {
            Some(next) if first.scale == next.scale && is_measure(&next.unit) => next.unit,
            _ => first.unit.clone(),
        }
    }

    /// "2-1", "3–0": two numbers joined by a dash that do not make a range.
    fn score_like(&self, first: &Amount) -> bool {
        first.unit.is_empty()
            && (self.is_hyphen(first.end) || self.is_symbol(first.end, &['–']))
            && self.glued(first.end)
            && self.glued(first.end + 1)
            && self.tokens.get(first.end + 1).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// "between 5 and 7": `first` is the amount after "between".
    fn between(&self, at: usize, first: Amount) -> Option<(QuantityMatch, usize)> {
        if first.kind == AmountKind::Ordinal || !self.is_word(first.end, "and") {
            return None;
        }
        let second = self.amount(first.end + 1, true, false)?;
        let (low, high, unit) = self.join_range(&first, &second, true)?;
        let end = second.end;
        let range = self.tokens[at].start..self.tokens[end - 1].end;
        Some((QuantityMatch { range, value: (low + high) / 2.0, low: Some(low), high: Some(high), bound: Bound::Range, unit }, end))
    }

    /// "25,000–30,000", "5 to 7 million", "8- to 16-meter": the two ends and the end token.
    fn range_after(&self, first: &Amount) -> Option<(f64, f64, String, usize)> {
        if first.kind != AmountKind::Cardinal {
            return None;
        }
        let mut j = first.end;
        let dash = self.is_symbol(j, &['–', '—']) || (self.is_hyphen(j) && !self.is_word(j + 1, "to"));
        if dash {
            j += 1;
        } else {
            if self.is_hyphen(j) && self.glued(j) {
                j += 1;
            }
            if !self.is_word(j, "to") {
                return None;
            }
            j += 1;
        }
        let second = self.amount(j, true, dash)?;
        let (low, high, unit) = self.join_range(first, &second, !dash)?;
        Some((low, high, unit, second.end))
    }

    /// The ends of a range from two amounts, when they make one: same unit (or the first
    /// without), increasing. A scale written only on the second end applies to both. Written
    /// in words (`worded`), two negative ends may come in either order ("from -18 °C to -34 °C").
    fn join_range(&self, first: &Amount, second: &Amount, worded: bool) -> Option<(f64, f64, String)> {
        if second.kind != first.kind || first.kind == AmountKind::Ordinal {
            return None;
        }
        if !first.unit.is_empty() && !second.unit.is_empty() && first.unit != second.unit {
            return None;
        }
        let mut low = first.value;
        if first.scale == 1.0 && second.scale != 1.0 && low * second.scale <= second.value {
            low *= second.scale;
        }
        let mut high = second.value;
        if worded && low < 0.0 && high < 0.0 && high < low {
            std::mem::swap(&mut low, &mut high);
        }
        if low >= high {
            return None;
        }
        let unit = if second.unit.is_empty() { first.unit.clone() } else { second.unit.clone() };
        Some((low, high, unit))
    }
}
