//! Normalisation for matching, with a map back to the original offsets.
//!
//! In: any text. Out: the text as it should be compared, and (with [`Normalized`]) a way to
//! turn a byte range found in the normalised text back into a byte range of the original.
//!
//! The changes, and nothing else:
//! - Unicode NFC (`e` + combining acute becomes `é`);
//! - curly and angle quotes become straight: `‘ ’ ‚ ‛ ‹ ›` → `'`, `“ ” „ ‟ « »` → `"`;
//! - dashes become a hyphen-minus: U+2010–U+2015 (hyphen, non-breaking hyphen, figure dash,
//!   en and em dash, horizontal bar), U+2212 minus and the small and full-width hyphen-minus;
//! - every Unicode space separator (no-break, thin, hair, figure, ideographic, ...) becomes a
//!   space, zero-width spaces (U+200B, U+2060 word joiner, U+FEFF) are removed, and runs of
//!   spaces collapse to one.
//!
//! Case, line breaks, tabs, zero-width (non-)joiners (which change Persian and Indic words and
//! emoji) and every other character are left alone, so `normalize(normalize(x)) == normalize(x)`.
//!
//! One pass; NFC is computed only for the stretches of text that need it. Characters the
//! mapping touches are never part of a canonical composition, so applying NFC between them
//! equals applying it to the whole text first.

use std::ops::Range;

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Returns `s` normalised for matching (see the module documentation).
pub fn normalize_for_matching(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    normalize_into(s, &mut text, |_, _, _| {});
    text
}

/// A normalised text that remembers where each part of it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text, as [`normalize_for_matching`] returns it.
    pub text: String,
    /// Consecutive pieces of `text`, in order, with the original bytes they come from.
    pieces: Vec<Piece>,
    /// Length of the original text.
    original_len: usize,
}

/// A stretch of the normalised text and its source. A `copied` piece is byte-for-byte the
/// original, so offsets inside it map one to one; any other piece maps only as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    normalized: Range<usize>,
    original: Range<usize>,
    copied: bool,
}

impl Normalized {
    /// Normalises `original` and records the offset map.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut pieces: Vec<Piece> = Vec::new();
        normalize_into(original, &mut text, |normalized, source, copied| {
            if let Some(last) = pieces.last_mut() {
                if copied && last.copied && last.normalized.end == normalized.start && last.original.end == source.start
                {
                    last.normalized.end = normalized.end;
                    last.original.end = source.end;
                    return;
                }
            }
            pieces.push(Piece { normalized, original: source, copied });
        });
        Normalized { text, pieces, original_len: original.len() }
    }

    /// Maps a byte range of [`Normalized::text`] to the byte range of the original text it
    /// was made from. A bound that falls inside a rewritten character or NFC stretch widens to
    /// cover all of it; characters removed at the edges (collapsed spaces, zero-width spaces)
    /// are left out. A bound inside a character of `text` widens to the whole character and
    /// out-of-range bounds are clamped, so the result is always on char boundaries of the original.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let mut start = range.start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let start = self.original_start(start);
        let end = self.original_end(end);
        start..end.max(start)
    }

    fn original_start(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.normalized.end <= at);
        match self.pieces.get(index) {
            Some(p) if p.copied => p.original.start + at.saturating_sub(p.normalized.start),
            Some(p) => p.original.start,
            None => self.original_len,
        }
    }

    fn original_end(&self, at: usize) -> usize {
        if at == 0 {
            return self.pieces.first().map_or(0, |p| p.original.start);
        }
        let index = self.pieces.partition_point(|p| p.normalized.end < at);
        match self.pieces.get(index) {
            Some(p) if p.copied && at >= p.normalized.start => p.original.start + (at - p.normalized.start),
            Some(p) => p.original.end,
            None => self.pieces.last().map_or(0, |p| p.original.end),
        }
    }
}

/// What the mapping does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mapping {
    /// A space separator: becomes one space, or nothing after a space.
    Space,
    /// A zero-width space: removed.
    Remove,
    /// A quote or dash: replaced by this ASCII character.
    Replace(char),
    /// Kept, subject to NFC.
    Keep,
}

fn mapping(c: char) -> Mapping {
    match c {
        ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Mapping::Space,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Mapping::Remove,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' => Mapping::Replace('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => Mapping::Replace('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Mapping::Replace('-'),
        _ => Mapping::Keep,
    }
}

/// Appends the normalised `s` to `out`, reporting every piece written as
/// `(range in out, range in s, copied byte for byte)`. Removed characters write no piece.
fn normalize_into(s: &str, out: &mut String, mut piece: impl FnMut(Range<usize>, Range<usize>, bool)) {
    // Start of the pending stretch of kept characters, flushed through NFC as one.
    let mut kept_from: Option<usize> = None;
    for (at, c) in s.char_indices() {
        let action = mapping(c);
        if action == Mapping::Keep {
            kept_from.get_or_insert(at);
            continue;
        }
        if let Some(from) = kept_from.take() {
            push_kept(&s[from..at], from, out, &mut piece);
        }
        let source = at..at + c.len_utf8();
        let written = out.len();
        match action {
            Mapping::Space if out.ends_with(' ') => {}
            Mapping::Space => {
                out.push(' ');
                piece(written..written + 1, source, c == ' ');
            }
            Mapping::Replace(ascii) => {
                out.push(ascii);
                piece(written..written + 1, source, false);
            }
            Mapping::Remove | Mapping::Keep => {}
        }
    }
    if let Some(from) = kept_from {
        push_kept(&s[from..], from, out, &mut piece);
    }
}

/// Appends a stretch of kept characters that starts at `offset` in the original, in NFC.
fn push_kept(kept: &str, offset: usize, out: &mut String, piece: &mut impl FnMut(Range<usize>, Range<usize>, bool)) {
    if kept.is_ascii() || is_nfc(kept) {
        let written = out.len();
        out.push_str(kept);
        piece(written..out.len(), offset..offset + kept.len(), true);
        return;
    }
    // Compose word by word (an ASCII character starts a new unit: nothing composes with a
    // preceding character into ASCII) so that offsets stay precise outside the changed units.
    let mut unit_start = 0;
    for (at, c) in kept.char_indices().skip(1) {
        if c.is_ascii() {
            push_unit(&kept[unit_start..at], offset + unit_start, out, piece);
            unit_start = at;
        }
    }
    push_unit(&kept[unit_start..], offset + unit_start, out, piece);
}

fn push_unit(unit: &str, offset: usize, out: &mut String, piece: &mut impl FnMut(Range<usize>, Range<usize>, bool)) {
    let written = out.len();
    if is_nfc(unit) {
        out.push_str(unit);
        piece(written..out.len(), offset..offset + unit.len(), true);
    } else {
        out.extend(unit.nfc());
        piece(written..out.len(), offset..offset + unit.len(), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_as_documented() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("plain ASCII stays", "plain ASCII stays"),
            ("the mayor\u{2019}s \u{201C}plan\u{201D}", "the mayor's \"plan\""),
            ("\u{2018}a\u{2019} \u{201E}b\u{201C} \u{AB}c\u{BB} \u{2039}d\u{203A}", "'a' \"b\" \"c\" 'd'"),
            ("25,000\u{2013}30,000 \u{2014} \u{2012}5 \u{2212}3 \u{2010}x", "25,000-30,000 - -5 -3 -x"),
            ("Cafe\u{301} Zu\u{308}rich", "Caf\u{E9} Z\u{FC}rich"),
            ("a\u{A0}b\u{2009}c\u{202F}d\u{3000}e", "a b c d e"),
            ("zero\u{200B}width\u{FEFF} joined", "zerowidth joined"),
            ("a  \u{A0} \u{200B} b", "a b"),
            ("  leading and trailing  ", " leading and trailing "),
            ("line\r\nbreaks\tand tabs\n\nstay", "line\r\nbreaks\tand tabs\n\nstay"),
            ("UPPER case stays", "UPPER case stays"),
            (
                "\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} \u{0639}\u{0644}\u{064A}\u{0643}\u{0645}",
                "\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} \u{0639}\u{0644}\u{064A}\u{0643}\u{0645}",
            ),
            ("\u{2019}\u{301}", "'\u{301}"),
            (
                "ZWJ \u{1F469}\u{200D}\u{1F52C} and ZWNJ \u{0645}\u{200C}\u{06CC}",
                "ZWJ \u{1F469}\u{200D}\u{1F52C} and ZWNJ \u{0645}\u{200C}\u{06CC}",
            ),
            ("nul\0byte", "nul\0byte"),
            ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),
            ("\u{2000}en quad", " en quad"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_for_matching(input), *expected, "input {input:?}");
            assert_eq!(normalize_for_matching(expected), *expected, "idempotent on {expected:?}");
            assert_eq!(Normalized::new(input).text, *expected, "same text with offsets for {input:?}");
        }
    }

    #[test]
    fn maps_ranges_back_to_the_original() {
        // (original, needle in the normalised text, expected original slice)
        let cases: &[(&str, &str, &str)] = &[
            ("He said \u{201C}peace now\u{201D} today", "\"peace now\"", "\u{201C}peace now\u{201D}"),
            ("He said \u{201C}peace now\u{201D} today", "peace", "peace"),
            ("a\u{A0}\u{A0} b  c", "b c", "b  c"),
            ("x \u{200B}y", "y", "y"),
            ("10\u{2013}12 people", "10-12", "10\u{2013}12"),
            ("visit Cafe\u{301} Tomas", "Caf\u{E9}", "Cafe\u{301}"),
            ("visit Cafe\u{301} Tomas", "Tomas", "Tomas"),
            ("mayor\u{2019}s office", "office", "office"),
            ("mayor\u{2019}s office", "s", "s"),
        ];
        for (original, needle, expected) in cases {
            let normalized = Normalized::new(original);
            let at = normalized.text.find(needle).expect("needle in normalised text");
            let range = normalized.original_range(at..at + needle.len());
            assert_eq!(&original[range], *expected, "{needle:?} in {original:?}");
        }
    }

    #[test]
    fn mapping_never_leaves_char_boundaries() {
        let inputs = [
            "",
            "\u{200B}",
            "  ",
            "a\u{301}\u{302} \u{201C}\u{A0}\u{2014}b",
            "\u{0627}\u{064E}\u{200B}\u{2019}",
            "\u{FEFF}x\u{3000}",
        ];
        for input in inputs {
            let normalized = Normalized::new(input);
            let len = normalized.text.len();
            for start in 0..=len + 2 {
                for end in start..=len + 2 {
                    let range = normalized.original_range(start..end);
                    assert!(
                        range.start <= range.end && range.end <= input.len(),
                        "{input:?} {start}..{end} -> {range:?}"
                    );
                    assert!(
                        input.is_char_boundary(range.start) && input.is_char_boundary(range.end),
                        "{input:?} {range:?}"
                    );
                }
            }
        }
    }
}
