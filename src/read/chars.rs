//! Character classes and letter folding, shared by every stage.
//!
//! In: a character or a word. Out: whether it is an apostrophe, a joining hyphen, a combining
//! mark, a character of a word or a Latin letter; whether a word starts upper case or ends
//! possessive; a letter's folded spelling.
//!
//! One home because each stage had grown its own copy and the copies disagreed: the
//! tokens took `ʼ` (U+02BC) and `‘` for apostrophes, the entity scanner did not, so one
//! stage read "Putinʼs" as a possessive and another as part of a name; one Latin fold
//! spelled `Þ` as `th` and another kept it. Punctuation that stages read differently on
//! purpose (which quote marks open a quotation, which characters end a sentence) stays with
//! the stage that reads it.

use unicode_normalization::char::decompose_canonical;
pub(crate) use unicode_normalization::char::is_combining_mark;

/// Hyphens that join the parts of a word ("twenty-nine", "U.S.-led"): hyphen-minus, hyphen
/// (U+2010) and non-breaking hyphen (U+2011). Dashes (en, em) separate and are not here.
pub(crate) const HYPHENS: &[char] = &['-', '\u{2010}', '\u{2011}'];

/// True for a joining hyphen (see [`HYPHENS`]).
pub(crate) fn is_hyphen(c: char) -> bool {
    HYPHENS.contains(&c)
}

/// True for a character written as an apostrophe: straight `'`, right single quotation mark
/// (U+2019, what word processors make of one), modifier letter apostrophe (U+02BC), full-width
/// `＇` (U+FF07), and left single quotation mark (U+2018), which autocorrect puts in "O‘Brien".
/// Callers take it for an apostrophe only between letters, where it cannot open a quotation.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}')
}

/// True for a character of a word: a letter, a digit or a combining mark (`e` + U+0301 is one
/// word, as is Arabic with its vowel marks).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// True for a Latin letter: ASCII letters, Latin-1 Supplement and Latin Extended-A and -B
/// (U+00C0–U+024F), Latin Extended Additional (U+1E00–U+1EFF). The two signs in Latin-1
/// (`×`, `÷`) are inside the range; callers that need letters only check `is_alphabetic`.
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The last `bytes` bytes of `text` or fewer, starting on a character boundary: a bounded look
/// back from a position, so that reading around every mention of a long sentence stays linear.
pub(crate) fn last_bytes(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `bytes` bytes of `text` or fewer, ending on a character boundary.
pub(crate) fn first_bytes(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// True when the word's first character is an uppercase letter.
pub(crate) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `word` without a final possessive ending (an apostrophe and `s` or `S`): "Putin’s" →
/// "Putin"; `None` when it has none.
pub(crate) fn strip_possessive(word: &str) -> Option<&str> {
    let rest = word.strip_suffix(['s', 'S'])?;
    let apostrophe = rest.chars().next_back().filter(|&c| is_apostrophe(c))?;
    Some(&rest[..rest.len() - apostrophe.len_utf8()])
}

/// True when `text` starts with a possessive ending (an apostrophe and `s` or `S`), as the
/// text right after a possessive name does.
pub(crate) fn starts_with_possessive(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(is_apostrophe) && matches!(chars.next(), Some('s' | 'S'))
}

/// Pushes `c` lowercased and without diacritics: canonical decomposition with the combining
/// marks dropped (`é` → `e`, `Ş` → `s`), and a spelling for the Latin letters that do not
/// decompose (`ß`/`ẞ` → `ss`, `Æ` → `ae`, `Œ` → `oe`, `Ø` → `o`, `Ł` → `l`, `Đ`/`Ð` → `d`,
/// `Þ` → `th`, `ı` → `i`). Other scripts lose their combining marks the same way (`й` → `и`);
/// a lone combining mark pushes nothing.
pub(crate) fn push_folded(c: char, out: &mut String) {
    let spelled = match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => "",
    };
    if !spelled.is_empty() {
        out.push_str(spelled);
        return;
    }
    decompose_canonical(c, |part| {
        if !is_combining_mark(part) {
            out.extend(part.to_lowercase());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut out = String::new();
        push_folded(c, &mut out);
        out
    }

    #[test]
    fn awkward_characters() {
        // (character, apostrophe, hyphen, combining mark, word character, Latin, folded)
        #[rustfmt::skip]
        let table: &[(char, bool, bool, bool, bool, bool, &str)] = &[
            ('\u{02BC}', true, false, false, true, false, "\u{02BC}"),
            ('\u{2019}', true, false, false, false, false, "\u{2019}"),
            ('\u{2018}', true, false, false, false, false, "\u{2018}"),
            ('\'', true, false, false, false, false, "'"),
            ('\u{FF07}', true, false, false, false, false, "\u{FF07}"),
            ('"', false, false, false, false, false, "\""),
            ('-', false, true, false, false, false, "-"),
            ('\u{2010}', false, true, false, false, false, "\u{2010}"),
            ('\u{2011}', false, true, false, false, false, "\u{2011}"),
            ('\u{2013}', false, false, false, false, false, "\u{2013}"),
            ('A', false, false, false, true, true, "a"),
            ('ẞ', false, false, false, true, true, "ss"),
            ('ß', false, false, false, true, true, "ss"),
            ('Ð', false, false, false, true, true, "d"),
            ('ð', false, false, false, true, true, "d"),
            ('Þ', false, false, false, true, true, "th"),
            ('þ', false, false, false, true, true, "th"),
            ('Ø', false, false, false, true, true, "o"),
            ('Æ', false, false, false, true, true, "ae"),
            ('Œ', false, false, false, true, true, "oe"),
            ('Ł', false, false, false, true, true, "l"),
            ('ı', false, false, false, true, true, "i"),
            ('İ', false, false, false, true, true, "i"),
            ('é', false, false, false, true, true, "e"),
            ('e', false, false, false, true, true, "e"),
            ('\u{0301}', false, false, true, true, false, ""),
            ('×', false, false, false, false, true, "×"),
            ('й', false, false, false, true, false, "и"),
            ('ب', false, false, false, true, false, "ب"),
            ('\u{064E}', false, false, true, true, false, ""),
            ('中', false, false, false, true, false, "中"),
            ('7', false, false, false, true, false, "7"),
            ('٣', false, false, false, true, false, "٣"),
            (' ', false, false, false, false, false, " "),
        ];
        for &(c, apostrophe, hyphen, combining, word, latin, fold) in table {
            let got = (is_apostrophe(c), is_hyphen(c), is_combining_mark(c), is_word_char(c), is_latin(c), folded(c));
            assert_eq!(got, (apostrophe, hyphen, combining, word, latin, fold.to_string()), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn words_and_possessives() {
        // (word, starts upper, without its possessive ending, starts with a possessive ending)
        #[rustfmt::skip]
        let table: &[(&str, bool, Option<&str>, bool)] = &[
            ("Putin’s", true, Some("Putin"), false),
            ("Putinʼs", true, Some("Putin"), false),
            ("Putin's", true, Some("Putin"), false),
            ("NATO'S", true, Some("NATO"), false),
            ("’s", false, Some(""), true),
            ("'S and", false, None, true),
            ("ʼs", false, Some(""), true),
            ("Paris", true, None, false),
            ("bus", false, None, false),
            ("Élysée", true, None, false),
            ("e\u{301}tat", false, None, false),
            ("ßs", false, None, false),
            ("中国", false, None, false),
            ("7s", false, None, false),
            ("", false, None, false),
        ];
        for &(word, upper, stem, possessive_start) in table {
            let got = (starts_upper(word), strip_possessive(word), starts_with_possessive(word));
            assert_eq!(got, (upper, stem, possessive_start), "{word:?}");
        }
    }
}
