//! In-line junk: short runs of a foreign script between sentences (ad markers) and bracketed
//! wire credits after a line's last sentence.
//!
//! In: an article's text and its lines. Out: the byte ranges of junk, ascending, each inside
//! one line; the module documentation of [`super`] says what counts.

use std::ops::Range;

use super::{is_closer, is_terminal};
use crate::read::chars::{is_combining_mark, is_latin};

/// A writing system, as far as telling an ad marker from its article needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Indic,
    Thai,
    Georgian,
    Hangul,
    /// Han and kana: Japanese writes its sentences in both, Chinese in Han alone.
    HanKana,
    Other,
}

const SCRIPTS: usize = 12;

/// The script of a letter; `None` for anything that is not a letter (digits, punctuation,
/// spaces, symbols) and so belongs to no script.
fn script_of(c: char) -> Option<Script> {
    let script = match c {
        'a'..='z' | 'A'..='Z' => return Some(Script::Latin),
        _ if c.is_ascii() => return None,
        // Punctuation, symbols, arrows and shapes: the common non-letters of news text.
        '\u{2000}'..='\u{2BFF}' => return None,
        _ if is_latin(c) => Script::Latin,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{530}'..='\u{58F}' => Script::Armenian,
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{600}'..='\u{6FF}'
        | '\u{750}'..='\u{77F}'
        | '\u{8A0}'..='\u{8FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{900}'..='\u{DFF}' => Script::Indic,
        '\u{E00}'..='\u{E7F}' => Script::Thai,
        '\u{10A0}'..='\u{10FF}' => Script::Georgian,
        '\u{1100}'..='\u{11FF}' | '\u{AC00}'..='\u{D7AF}' => Script::Hangul,
        '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Script::HanKana,
        _ => Script::Other,
    };
    let uncased_mark =
        matches!(script, Script::Arabic | Script::Hebrew | Script::Indic | Script::Thai) && is_combining_mark(c);
    (c.is_alphabetic() || uncased_mark).then_some(script)
}

/// Adds the letters of `s` to `counts` (indexed by script) and returns the set of scripts
/// `s` uses, one bit per script.
fn count_scripts(s: &str, counts: &mut [usize; SCRIPTS]) -> u16 {
    let mut used = 0;
    for script in s.chars().filter_map(script_of) {
        counts[script as usize] += 1;
        used |= 1 << script as u16;
    }
    used
}

/// The script with the most letters, if there are letters.
fn dominant_script(counts: &[usize; SCRIPTS]) -> Option<Script> {
    let (index, &count) = counts.iter().enumerate().max_by_key(|&(i, &n)| (n, SCRIPTS - i))?;
    (count > 0).then(|| ALL_SCRIPTS[index])
}

const ALL_SCRIPTS: [Script; SCRIPTS] = [
    Script::Latin,
    Script::Greek,
    Script::Cyrillic,
    Script::Armenian,
    Script::Hebrew,
    Script::Arabic,
    Script::Indic,
    Script::Thai,
    Script::Georgian,
    Script::Hangul,
    Script::HanKana,
    Script::Other,
];

/// A foreign run longer than this many words is text, not a marker.
const JUNK_MAX_WORDS: usize = 6;
/// ... or than this many letters.
const JUNK_MAX_LETTERS: usize = 48;
/// The line around a junk run has at least this many times its letters in the dominant script.
const JUNK_CONTEXT_RATIO: usize = 2;
/// A bracketed wire credit has at most this many words.
const CREDIT_TAG_WORDS: usize = 3;

/// Finds in-line junk in every line (see the module documentation).
pub(super) fn find_junk(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut junk = Vec::new();
    let mut counts = [0; SCRIPTS];
    let used: Vec<u16> = lines.iter().map(|range| count_scripts(&text[range.clone()], &mut counts)).collect();
    let dominant = dominant_script(&counts);
    for (range, used) in lines.iter().zip(used) {
        let line = &text[range.clone()];
        if let Some(dominant) = dominant.filter(|&d| used & !(1 << d as u16) != 0) {
            for run in foreign_runs(line, dominant) {
                junk.push(range.start + run.start..range.start + run.end);
            }
        }
        if let Some(tag) = trailing_credit_tag(line) {
            let tag = range.start + tag.start..range.start + tag.end;
            if junk.last().is_none_or(|last: &Range<usize>| last.end <= tag.start) {
                junk.push(tag);
            }
        }
    }
    junk
}

/// Runs of letters in a script other than `dominant` that sit between sentences of `line`.
fn foreign_runs(line: &str, dominant: Script) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut dominant_letters = 0;
    // (start, end, letters, words) of the run being read.
    let mut current: Option<(usize, usize, usize, usize)> = None;
    let mut in_word = false;
    let mut found: Vec<(Range<usize>, usize, usize)> = Vec::new();
    let mut last_letter_end = 0;
    for (at, c) in line.char_indices() {
        if c.is_alphabetic() {
            last_letter_end = at + c.len_utf8();
        }
        match script_of(c) {
            Some(script) if script != dominant => {
                let run = current.get_or_insert((at, at, 0, 0));
                run.1 = at + c.len_utf8();
                run.2 += 1;
                if !in_word {
                    run.3 += 1;
                }
                in_word = true;
            }
            Some(_) => {
                dominant_letters += 1;
                if let Some((start, end, letters, words)) = current.take() {
                    found.push((start..end, letters, words));
                }
                in_word = true;
            }
            None => in_word = in_word && !c.is_ascii() && is_combining_mark(c),
        }
    }
    if let Some((start, end, letters, words)) = current {
        found.push((start..end, letters, words));
    }
    for (run, letters, run_words) in found {
        if run_words > JUNK_MAX_WORDS || letters > JUNK_MAX_LETTERS || dominant_letters < JUNK_CONTEXT_RATIO * letters {
            continue;
        }
        // A run glued to a letter of the article's script is a word of its sentence: scripts
        // without spaces take foreign words in that way ("Kindle版の記事").
        if line[run.end..].chars().next().is_some_and(|c| script_of(c) == Some(dominant)) {
            continue;
        }
        let before = line[..run.start].trim_end();
        let after = line[run.end..].trim_start();
        let after_sentence =
            before.is_empty() || before.trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal);
        let before_sentence = run.end >= last_letter_end
            || after.chars().next().is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || is_opener(c)));
        if after_sentence && before_sentence {
            runs.push(run);
        }
    }
    runs
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '\u{2018}' | '\u{201C}' | '\u{AB}')
}

/// `(AGENCY)` or `(Agency)` after the last sentence of a line.
fn trailing_credit_tag(line: &str) -> Option<Range<usize>> {
    let inner_end = line.strip_suffix(')')?.len();
    let open = line[..inner_end].rfind('(')?;
    let inner = &line[open + 1..inner_end];
    let tag_words: Vec<&str> = inner.split_whitespace().collect();
    let credit = !tag_words.is_empty()
        && tag_words.len() <= CREDIT_TAG_WORDS
        && tag_words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let after_sentence =
        line[..open].trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal);
    (credit && after_sentence).then_some(open..line.len())
}

#[cfg(test)]
mod tests {
    use super::super::clean;
    use super::*;

    #[test]
    fn junk_is_found_by_script() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Floods hit Varnholm\nThe river Oska burst its banks on Sunday night, the council said.\u{0627}\u{0636}\u{0627}\u{0641}\u{0629} \u{0627}\u{0639}\u{0644}\u{0627}\u{0646}\nRescue boats took 40 residents from their homes.\n",
                &["\u{0627}\u{0636}\u{0627}\u{0641}\u{0629} \u{0627}\u{0639}\u{0644}\u{0627}\u{0646}"],
            ),
            (
                "The river burst its banks on Sunday night. \u{0420}\u{0435}\u{043A}\u{043B}\u{0430}\u{043C}\u{0430} Rescue boats took 40 residents from their homes.",
                &["\u{0420}\u{0435}\u{043A}\u{043B}\u{0430}\u{043C}\u{0430}"],
            ),
            (
                "The newspaper \u{041F}\u{0440}\u{0430}\u{0432}\u{0434}\u{0430} reported that rescue boats took 40 residents from their homes.",
                &[],
            ),
            (
                "\u{0641}\u{064A}\u{0636}\u{0627}\u{0646}\u{0627}\u{062A} \u{0641}\u{064A} \u{0627}\u{0644}\u{0645}\u{062F}\u{064A}\u{0646}\u{0629}\n\u{0642}\u{0627}\u{0644} \u{0627}\u{0644}\u{0645}\u{062C}\u{0644}\u{0633} \u{0625}\u{0646} \u{0627}\u{0644}\u{0646}\u{0647}\u{0631} \u{0641}\u{0627}\u{0636} \u{0644}\u{064A}\u{0644}\u{0627}.\n\u{0648}\u{0623}\u{0646}\u{0642}\u{0630}\u{062A} \u{0627}\u{0644}\u{0642}\u{0648}\u{0627}\u{0631}\u{0628} 40 \u{0634}\u{062E}\u{0635}\u{0627}.\n",
                &[],
            ),
            ("Rescue boats took 40 residents from their homes on Monday. (VNA)", &["(VNA)"]),
            ("Rescue boats took 40 residents (mostly elderly) from their homes on Monday.", &[]),
            ("(Reuters)", &[]),
        ];
        for (text, expected) in cases {
            let layout = clean(text);
            let junk: Vec<&str> = layout.junk.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(junk, *expected, "{text:?}");
        }
    }

    #[test]
    fn japanese_sentences_keep_their_kanji_and_latin_words() {
        let text = "ダムの水門は正午に開きました。Kindle版の記事も同時に公開されました。\n大雨で川の水位が上がりました。市長は安全だと述べました。\n";
        assert_eq!(clean(text).junk, [], "kanji, kana and a Latin word glued to them are one text");
        let marked = "ダムの水門は一週間の大雨の後、正午に開いたと市の担当者が発表しました。 Advertisement \n大雨で川の水位が上がりました。市長は安全だと述べました。\n";
        let junk: Vec<&str> = clean(marked).junk.iter().map(|r| &marked[r.clone()]).collect();
        assert_eq!(junk, ["Advertisement"], "a marker standing apart is still junk");
    }

    #[test]
    fn dominant_script_counts_letters_only() {
        let cases: &[(&str, Option<Script>)] = &[
            ("", None),
            ("123 !?", None),
            ("Varnholm \u{0627}\u{0644}", Some(Script::Latin)),
            ("\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} ok", Some(Script::Arabic)),
            ("\u{041C}\u{0438}\u{0440} 2031", Some(Script::Cyrillic)),
        ];
        for (text, expected) in cases {
            let mut counts = [0; SCRIPTS];
            count_scripts(text, &mut counts);
            assert_eq!(dominant_script(&counts), *expected, "{text:?}");
        }
    }
}
