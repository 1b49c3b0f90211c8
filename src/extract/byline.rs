//! Who wrote an article, and for which outlet, from the lines above its story.
//!
//! In: an article's text and its [`ReadSentence`]s. Out: a [`Byline`], each part `None` when
//! the article does not say. Read from the first [`HEADER_LINES`] lines, in these forms:
//! - a byline, `By Mara Lindqvist` or `By Mara Lindqvist, Dolva Valley Courier | 15 October`
//!   (after the comma an outlet, unless it names a job: "Staff Writer"), or `By Northwind
//!   Wire staff` (an outlet and no author);
//! - `Source: Dolva Valley Courier` (the line a saved page's metadata gives, see
//!   [`crate::input::html_to_text`]);
//! - a line that is not story (boilerplate), or the first line after the headline, opening
//!   with a name and a separator: `The Belomir Ledger | Fictional article ...`, `Radio
//!   Oskaria News — a broadcaster`, `Meridian Evening Post, Wednesday.`.
//!
//! The names are as written; they are shown beside the source, not compared.

use super::times::extract_times;
use crate::read::ReadSentence;
use crate::report::Role;

/// Lines at the top of an article read for its byline.
const HEADER_LINES: usize = 6;
/// Longest author or outlet name, in words.
const MAX_NAME_WORDS: usize = 6;
/// Words that make what follows a byline's comma a job, not an outlet.
const JOB_WORDS: &[&str] = &[
    "bureau", "chief", "columnist", "contributor", "correspondent", "editor", "reporter", "reporters", "senior", "staff", "writer",
    "writers",
];
/// Words after a name that make it the outlet's staff ("By Northwind Wire staff").
const STAFF_WORDS: &[&str] = &["staff", "reporters", "correspondents", "newsroom", "desk"];
/// Small words a name may hold in lower case.
const NAME_JOINERS: &[&str] = &["and", "&", "of", "the", "de", "da", "del", "der", "van", "von", "la", "le", "al", "bin"];

/// An article's author and outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    /// The author or authors, as the byline writes them.
    pub author: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
}

/// The byline of an article; see the module documentation.
pub fn byline(text: &str, sentences: &[ReadSentence]) -> Byline {
    let mut found = Byline::default();
    // Still at the first line after the headline.
    let mut opening = true;
    for sentence in sentences.iter().take(HEADER_LINES) {
        let line = text[sentence.range.clone()].trim();
        if let Some(names) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) {
            let names = cut(names, &[" | ", " (", " - ", " \u{2013} ", " \u{2014} ", ". ", "; "]).trim_end_matches('.');
            let (author, rest) = names.split_once(", ").unwrap_or((names, ""));
            let staff = author.rsplit_once(' ').filter(|(_, last)| STAFF_WORDS.contains(&last.to_lowercase().as_str()));
            match staff {
                Some((outlet, _)) if is_name(outlet) => set(&mut found.outlet, outlet),
                _ if is_name(author) => set(&mut found.author, author),
                _ => {}
            }
            let job = rest.split_whitespace().any(|w| JOB_WORDS.contains(&w.to_lowercase().as_str()));
            if is_name(rest) && !job {
                set(&mut found.outlet, rest);
            }
        } else if let Some(outlet) = line.strip_prefix("Source: ") {
            if is_name(outlet) {
                set(&mut found.outlet, outlet);
            }
        } else if sentence.role == Role::Boilerplate || opening && sentence.role != Role::Title {
            if let Some(outlet) = outlet_before_separator(line) {
                set(&mut found.outlet, outlet);
            }
        }
        if sentence.role != Role::Title && sentence.role != Role::Boilerplate {
            opening = false;
        }
    }
    if found.author.is_some() && found.author == found.outlet {
        found.author = None;
    }
    found
}

/// The outlet's name opening a header line, before a separator: `The Belomir Ledger |
/// ...`, `Radio Oskaria News — ...`, or before a comma and a date (`Meridian Evening Post,
/// Wednesday.`). A name in capitals is a dateline's place ("NEW YORK — "), and a one-word
/// name before a dash is one too often to be taken.
fn outlet_before_separator(line: &str) -> Option<&str> {
    let head = cut(line, &[" | ", " \u{2014} ", " \u{2013} ", " - ", ", "]);
    let rest = line[head.len()..].trim_start_matches([' ', '|', '\u{2014}', '\u{2013}', '-', ',']).trim_end_matches('.');
    let in_capitals = !head.contains(char::is_lowercase);
    let date_after_comma = line[head.len()..].starts_with(", ")
        && extract_times(rest).first().is_some_and(|t| t.range == (0..rest.len()));
    let separated = !line[head.len()..].starts_with(", ") && head.split_whitespace().count() >= 2;
    (head.len() < line.len() && is_name(head) && !in_capitals && (separated || date_after_comma)).then_some(head)
}

fn set(slot: &mut Option<String>, name: &str) {
    if slot.is_none() {
        *slot = Some(name.trim().to_string());
    }
}

/// `text` up to the first of `separators`.
fn cut<'t>(text: &'t str, separators: &[&str]) -> &'t str {
    let end = separators.iter().filter_map(|separator| text.find(separator)).min().unwrap_or(text.len());
    &text[..end]
}

/// A name: up to [`MAX_NAME_WORDS`] words, the first capitalised and the others capitalised
/// or small joining words, none a number ("ABC13 Houston" is a name, "Tuesday 15" is not).
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    (1..=MAX_NAME_WORDS).contains(&words.len())
        && capitalised(words[0])
        && words.iter().all(|w| capitalised(w) || NAME_JOINERS.contains(w))
        && !words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{clean, split_sentences};

    fn byline_of(text: &str) -> (Option<String>, Option<String>) {
        let found = byline(text, &split_sentences(text, &clean::clean(text)));
        (found.author, found.outlet)
    }

    fn pair(author: Option<&str>, outlet: Option<&str>) -> (Option<String>, Option<String>) {
        (author.map(String::from), outlet.map(String::from))
    }

    #[test]
    fn bylines_give_the_author_and_often_the_outlet() {
        let story = "\nPart of the spillway collapsed late on Tuesday night, the council said.\n";
        let both = format!("Dam gives way\nBy Mara Lindqvist, Dolva Valley Courier (Kharzin) | Wednesday 15 October 2031{story}");
        assert_eq!(byline_of(&both), pair(Some("Mara Lindqvist"), Some("Dolva Valley Courier")));
        assert_eq!(byline_of(&format!("Dam gives way\nBy Mara Lindqvist, Staff Writer{story}")), pair(Some("Mara Lindqvist"), None));
        assert_eq!(byline_of(&format!("Dam gives way\nThe Belomir Ledger | Analysis{story}")), pair(None, Some("The Belomir Ledger")));
        assert_eq!(byline_of(&format!("Dam gives way\nMeridian Evening Post, Wednesday.{story}")), pair(None, Some("Meridian Evening Post")));
        assert_eq!(byline_of(&format!("Dam gives way\nBy Northwind Wire staff.{story}")), pair(None, Some("Northwind Wire")));
        assert_eq!(
            byline_of(&format!("Dam gives way\nBy Mara Lindqvist and Ivo Penn\nSource: Dolva Valley Courier{story}")),
            pair(Some("Mara Lindqvist and Ivo Penn"), Some("Dolva Valley Courier"))
        );
        let outlet_as_author = format!("Dam gives way\nBy ABC13 Houston\nSource: ABC13 Houston{story}");
        assert_eq!(byline_of(&outlet_as_author), pair(None, Some("ABC13 Houston")), "an outlet named as the author is the outlet");
    }

    #[test]
    fn story_sentences_are_not_bylines() {
        let text = "Dam gives way\nBy and large, the gates held until noon, the council said.\nBy Tuesday 4,000 people had left.\n";
        assert_eq!(byline_of(text), pair(None, None));
        let datelines = "Dam gives way\nNEW YORK — The gates held until noon, the council said.\n";
        assert_eq!(byline_of(datelines), pair(None, None), "a dateline's place is no outlet");
        let place = "Dam gives way\nKharzin, the regional capital, was flooded on Tuesday, the council said.\n";
        assert_eq!(byline_of(place), pair(None, None));
        let later = "Dam gives way\nThe gates held, the council said.\nThe Belomir Ledger | Read more\n";
        assert_eq!(byline_of(later), pair(None, None), "a body line after the first is story");
        assert_eq!(byline_of(""), pair(None, None));
    }
}
