//! Byte offsets (used everywhere inside Rust) to UTF-16 code units (used in the report, so a
//! page can `slice()` the original string). The one place where that conversion happens.

/// Converts byte offsets of one text to UTF-16 offsets in O(log n) per lookup.
///
/// ```
/// use crosscheck::read::offsets::Utf16Index;
/// let text = "Kyiv 😀 «ok»";
/// let index = Utf16Index::new(text);
/// assert_eq!(index.utf16(text.find('«').unwrap()), 8);
/// assert_eq!(index.utf16(text.len()), 12);
/// ```
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// (byte offset, UTF-16 offset) just after every non-ASCII char, after a leading (0, 0).
    /// Between two checkpoints there are only ASCII chars, one code unit per byte.
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut utf16 = 0;
        for (byte, ch) in text.char_indices() {
            utf16 += ch.len_utf16();
            if !ch.is_ascii() {
                checkpoints.push((byte + ch.len_utf8(), utf16));
            }
        }
        Utf16Index { checkpoints }
    }

    /// The UTF-16 offset of `byte`, which must be a char boundary of the indexed text.
    pub fn utf16(&self, byte: usize) -> usize {
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (b, u) = self.checkpoints[after.saturating_sub(1)];
        u + (byte - b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_direct_count_at_every_char_boundary() {
        for text in ["", "plain ascii", "Kyiv – “quoted” ‘x’", "اضافة اعلان and text", "👩‍👩‍👧 e\u{301} 日本語", "\0\r\n"] {
            let index = Utf16Index::new(text);
            for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let expected: usize = text[..byte].encode_utf16().count();
                assert_eq!(index.utf16(byte), expected, "{text:?} at {byte}");
            }
        }
    }
}
