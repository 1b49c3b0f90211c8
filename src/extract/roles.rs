//! Roles: the official titles an article gives a person.
//!
//! In: an article's text, its sentences and its entity mentions. Out: [`RoleMatch`]es, one per
//! role written next to a person mention:
//!
//! - a title before the name ("senior adviser Jared Kushner", "Kharzin's deputy mayor Irena
//!   Szabat");
//! - an appositive after it ("Irena Szabat, Kharzin's deputy mayor,", "Robert Klein, chairman
//!   of the institute,") or before it ("Kharzin's deputy mayor, Irena Szabat");
//! - "who heads/leads/runs/chairs X" after it: the head of X;
//! - "has/holds no official role/position/title" after it: no official role at all.
//!
//! Only official titles count ([`OFFICIAL_TITLES`]): kinship ("son-in-law") and descriptions
//! ("developer") are not roles a person holds one at a time, and a former title
//! ("former mayor") is not the person's role now.

use std::ops::Range;

use super::entities::MentionMatch;
use crate::read::chars::{first_bytes, last_bytes, starts_with_possessive, strip_possessive};
use crate::read::tokens::{self, Token};
use crate::report::EntityKind;

/// A role an article gives a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleMatch {
    /// Index into the article's mentions of the person's mention.
    pub mention: usize,
    /// Byte range of the role as written, with the name ("senior adviser Jared Kushner").
    pub range: Range<usize>,
    /// What the role is.
    pub role: Role,
}

/// A role, reduced to what tells two roles apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// An official title.
    Title {
        /// The title's group: "spokesman" for spokesperson too, "deputy mayor", "head".
        group: String,
        /// The phrase's other content words, sorted: the office ("kharzin", "water").
        body: Vec<String>,
    },
    /// "has no official role".
    NoOfficialRole,
}

/// Titles a person holds one of at a time in a news story.
pub const OFFICIAL_TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "commander",
    "director",
    "envoy",
    "governor",
    "head",
    "mayor",
    "minister",
    "president",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Words that make a different title of the one after them ("deputy mayor").
const RANK_MODIFIERS: &[&str] = &["assistant", "deputy", "vice"];

/// Words before a title that belong to it ("senior adviser", "top envoy").
const TITLE_ADJECTIVES: &[&str] = &["acting", "interim", "senior", "special", "top"];

/// Verbs of "who heads the regional water authority".
const HEAD_VERBS: &[&str] = &["chairs", "directs", "heads", "leads", "runs"];

/// Nouns of "has no official role".
const ROLE_WORDS: &[&str] = &["job", "position", "post", "role", "title"];

/// Words that say nothing about which role it is.
const FILLER: &[&str] = &[
    "a", "an", "acting", "also", "and", "for", "in", "interim", "now", "of", "senior", "special", "the", "top", "who",
];

/// How far before and after a name its role is looked for, in bytes.
const LOOK_AROUND_BYTES: usize = 240;

/// Most words in an appositive read as a role.
const MAX_ROLE_WORDS: usize = 10;

/// Title group of a title word: variants of one title share it.
pub fn title_group(word: &str) -> &str {
    match word {
        "advisor" => "adviser",
        "spokesperson" | "spokeswoman" => "spokesman",
        "chairwoman" => "chairman",
        other => other,
    }
}

/// The roles of every mention in `mentions` that may be a person; `sentences` are the ranges the mentions'
/// `sentence` indexes.
pub fn find_roles(text: &str, sentences: &[Range<usize>], mentions: &[MentionMatch]) -> Vec<RoleMatch> {
    let mut roles = Vec::new();
    for (k, mention) in mentions.iter().enumerate() {
        // One article may not tell a person from an unknown name; linking decides later.
        if matches!(mention.kind, EntityKind::Place | EntityKind::Organization) {
            continue;
        }
        let Some(sentence) = sentences.get(mention.sentence).filter(|s| s.start <= mention.range.start && mention.range.end <= s.end) else {
            continue;
        };
        // A role is a short phrase next to the name: look a bounded way each side, so a long
        // sentence with many names stays linear.
        let before = last_bytes(&text[sentence.start..mention.range.start], LOOK_AROUND_BYTES);
        let before_start = mention.range.start - before.len();
        let after = first_bytes(&text[mention.range.end..sentence.end], LOOK_AROUND_BYTES);
        let found = title_before(before)
            .map(|(start, role)| (before_start + start..mention.range.end, role))
            .or_else(|| appositive_before(before).map(|(start, role)| (before_start + start..mention.range.end, role)))
            .into_iter()
            .chain(phrase_after(after).map(|(end, role)| (mention.range.start..mention.range.end + end, role)));
        roles.extend(found.map(|(range, role)| RoleMatch { mention: k, range, role }));
    }
    roles
}

/// "senior adviser ", "Kharzin's deputy mayor " right before a name: (start, role).
fn title_before(before: &str) -> Option<(usize, Role)> {
    let words = tokens::words(before);
    let last = words.last()?;
    if !before[last.range.end..].trim().is_empty() {
        return None;
    }
    let title = last.norm.as_str();
    if !OFFICIAL_TITLES.contains(&title) {
        return None;
    }
    // The phrase runs back over modifiers, an office ("Kremlin spokesman") and a possessive
    // ("Kharzin's deputy mayor"), through spaces only.
    let mut first = words.len() - 1;
    while first > 0 && words.len() - first <= 3 {
        let previous = &words[first - 1];
        if !before[previous.range.end..words[first].range.start].trim().is_empty() {
            break;
        }
        let modifies = RANK_MODIFIERS.contains(&previous.norm.as_str())
            || TITLE_ADJECTIVES.contains(&previous.norm.as_str())
            || possessive_follows(before, previous)
            || before[previous.range.clone()].starts_with(char::is_uppercase);
        if !modifies {
            break;
        }
        first -= 1;
    }
    title_role(&words[first..]).map(|role| (words[first].range.start, role))
}

/// Whether `word` is written with a possessive ending ("Kharzin's"), inside its range or
/// right after it.
fn possessive_follows(text: &str, word: &Token) -> bool {
    strip_possessive(&text[word.range.clone()]).is_some() || starts_with_possessive(&text[word.range.end..])
}

/// "Kharzin's deputy mayor, " right before a name: (start, role).
fn appositive_before(before: &str) -> Option<(usize, Role)> {
    let trimmed = before.trim_end().strip_suffix(',')?;
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '(' | '“' | '”' | '"' | '—'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let segment = &trimmed[start..];
    let words = tokens::words(segment);
    let opens = words.first().is_some_and(|w| matches!(w.norm.as_str(), "a" | "an" | "the") || possessive_follows(segment, w));
    if !opens || words.len() > MAX_ROLE_WORDS {
        return None;
    }
    let role = title_role(&words)?;
    let offset = start + (segment.len() - segment.trim_start().len());
    Some((offset, role))
}

/// ", Kharzin's deputy mayor,", ", who heads the regional water authority,", " has no official
/// government role" right after a name: (end, role), the end relative to `after`.
fn phrase_after(after: &str) -> Option<(usize, Role)> {
    let (skip, segment) = match after.strip_prefix(", ") {
        Some(rest) => (2, rest),
        None => (0, after),
    };
    let end = segment.find([',', ';', ':', '(', '“', '”', '"', '—']).unwrap_or(segment.len());
    let segment = &segment[..end];
    let words = tokens::words(segment);
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let phrase_end = |count: usize| skip + words.get(count.min(words.len()).saturating_sub(1)).map_or(0, |w| w.range.end);
    // "has no official government role", "who holds no official position", also after an
    // appositive ("Kushner, Trump's son-in-law, has no …").
    let rest = after.get(skip + end..).and_then(|r| r.strip_prefix(',')).filter(|_| skip > 0);
    for (offset, clause) in [(0, after), (skip + end + 1, rest.unwrap_or(""))] {
        if let Some(end) = no_official_role(clause) {
            return Some((offset + end, Role::NoOfficialRole));
        }
    }
    if skip == 0 || words.is_empty() || words.len() > MAX_ROLE_WORDS {
        return None;
    }
    if norms[0] == "who" {
        if norms.get(1).is_some_and(|w| HEAD_VERBS.contains(w)) {
            let body = content_words(&norms[2..]);
            return (!body.is_empty()).then(|| (phrase_end(words.len()), Role::Title { group: "head".into(), body }));
        }
        return None;
    }
    let opens = matches!(norms[0], "a" | "an" | "the") || possessive_follows(segment, &words[0]) || OFFICIAL_TITLES.contains(&norms[0]) || RANK_MODIFIERS.contains(&norms[0]);
    if !opens {
        return None;
    }
    title_role(&words).map(|role| (phrase_end(words.len()), role))
}

/// "has no official government role", ", who holds no official position" at the start of
/// `clause`: where it ends.
fn no_official_role(clause: &str) -> Option<usize> {
    let words = tokens::words(clause);
    let first = words.first()?;
    if !clause[..first.range.start].trim().trim_start_matches(',').trim().is_empty() {
        return None;
    }
    let verb = usize::from(first.norm == "who");
    let has = words.get(verb).is_some_and(|w| matches!(w.norm.as_str(), "has" | "holds" | "had" | "held"));
    if !has || words.get(verb + 1).is_none_or(|w| w.norm != "no") {
        return None;
    }
    let noun = words.iter().skip(verb + 2).take(3).position(|w| ROLE_WORDS.contains(&w.norm.as_str()))?;
    Some(words[verb + 2 + noun].range.end)
}

/// The role a title phrase names: its first official title (with a rank modifier before it)
/// and its other content words; `None` without a title, or for a former one.
fn title_role(words: &[Token]) -> Option<Role> {
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    if norms.iter().any(|w| matches!(*w, "former" | "ex" | "late")) {
        return None;
    }
    let at = norms.iter().position(|w| OFFICIAL_TITLES.contains(w))?;
    let title = title_group(norms[at]);
    let group = match at.checked_sub(1).map(|k| norms[k]) {
        Some(rank) if RANK_MODIFIERS.contains(&rank) => format!("{rank} {title}"),
        _ => title.to_string(),
    };
    // Normalised words have lost their possessive ending already ("Kharzin's" → kharzin).
    let others: Vec<&str> = norms.iter().enumerate().filter(|&(k, _)| k != at).map(|(_, w)| *w).collect();
    Some(Role::Title { group, body: content_words(&others) })
}

/// The words that tell which office a role is, sorted and deduplicated.
fn content_words(norms: &[&str]) -> Vec<String> {
    let mut body: Vec<String> =
        norms.iter().filter(|w| !FILLER.contains(w) && !RANK_MODIFIERS.contains(w)).map(|w| (*w).to_string()).collect();
    body.sort();
    body.dedup();
    body
}

impl Role {
    /// Whether one person can hold both roles as two sources write them: the same title
    /// group; heading an office, unless the other role names a different office; never an
    /// official title and "no official role".
    pub fn compatible(&self, other: &Role) -> bool {
        match (self, other) {
            (Role::NoOfficialRole, Role::NoOfficialRole) => true,
            (Role::NoOfficialRole, Role::Title { .. }) | (Role::Title { .. }, Role::NoOfficialRole) => false,
            // Heading an office is compatible with a title unless both name an office and
            // the offices differ ("Kharzin's deputy mayor" against "heads the water authority").
            (Role::Title { group: a, body: body_a }, Role::Title { group: b, body: body_b }) => {
                let shares_body = body_a.iter().any(|w| body_b.contains(w));
                let offices_differ = !body_a.is_empty() && !body_b.is_empty() && !shares_body;
                a == b || ((a == "head" || b == "head") && !offices_differ)
            }
        }
    }

    /// How the role reads in an explanation.
    pub fn describe(&self) -> String {
        match self {
            Role::NoOfficialRole => "no official role".into(),
            Role::Title { group, .. } => group.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::find_mentions;

    /// (role as written, role) of every role in `text`, one sentence.
    fn roles(text: &str) -> Vec<(&str, String)> {
        let sentences = std::slice::from_ref(&(0..text.len())).to_vec();
        let mentions = find_mentions(text, &sentences);
        find_roles(text, &sentences, &mentions).into_iter().map(|r| (&text[r.range], r.role.describe())).collect()
    }

    #[test]
    fn titles_before_and_appositives_around_a_name_are_roles() {
        assert_eq!(roles("Senior adviser Jared Kushner arrived in Moscow."), vec![("Senior adviser Jared Kushner", "adviser".to_string())]);
        let pair = roles("Envoy Steve Witkoff and senior adviser Jared Kushner arrived.");
        assert_eq!(pair[1], ("senior adviser Jared Kushner", "adviser".to_string()));
        assert_eq!(
            roles("Irena Szabat, Kharzin's deputy mayor, said cracks were found."),
            vec![("Irena Szabat, Kharzin's deputy mayor", "deputy mayor".to_string())]
        );
        assert_eq!(
            roles("Later, Kharzin's deputy mayor, Irena Szabat, said cracks were found."),
            vec![("Kharzin's deputy mayor, Irena Szabat", "deputy mayor".to_string())]
        );
        assert_eq!(
            roles("Irena Szabat, who heads the regional water authority, said cracks were found."),
            vec![("Irena Szabat, who heads the regional water authority", "head".to_string())]
        );
        assert_eq!(
            roles("Jared Kushner, Trump's son-in-law, has no official government role."),
            vec![("Jared Kushner, Trump's son-in-law, has no official government role", "no official role".to_string())]
        );
    }

    #[test]
    fn kinship_descriptions_and_former_titles_are_not_roles() {
        assert!(roles("Trump's son-in-law Jared Kushner arrived.").is_empty());
        assert!(roles("Ilse Varga, a former mayor of the town, said so.").is_empty());
    }

    #[test]
    fn roles_agree_by_group_and_by_office() {
        let title = |group: &str, body: &[&str]| Role::Title { group: group.into(), body: body.iter().map(|w| w.to_string()).collect() };
        assert!(title("spokesman", &["kremlin"]).compatible(&title("spokesman", &[])));
        assert!(!title("deputy mayor", &["kharzin"]).compatible(&title("head", &["authority", "regional", "water"])));
        assert!(title("head", &["authority", "water"]).compatible(&title("director", &["authority", "water"])));
        assert!(title("head", &["delegation"]).compatible(&title("president", &[])));
        assert!(!title("adviser", &[]).compatible(&Role::NoOfficialRole));
    }
}
