//! Roles of lines: title, headings, page furniture, copies, teasers, trailing credits, body.
//!
//! In: an article's lines with their [`Shape`]s. Out: one [`Role`] per line, in the order the
//! module documentation of [`super`] gives (steps 1 to 5 and 7; step 6, off-topic, is
//! [`super::offtopic`]).

use std::collections::HashSet;
use std::ops::Range;

use super::offtopic::mark_offtopic;
use super::{is_closer, is_terminal, Shape, SHORT_LINE_WORDS};
use crate::read::normalize::normalize_for_matching;
use crate::report::Role;

/// After the last prose line, lines this short are furniture unless they are a sentence in
/// sentence case.
const TAIL_CREDIT_WORDS: usize = 4;
/// Footer notices longer than this are not looked for (a long paragraph is content).
const FOOTER_MAX_WORDS: usize = 80;

/// Page furniture that starts a line; matched at a word boundary, in lines of at most
/// [`SHORT_LINE_WORDS`] words that end without a full stop or put a colon after the cue.
/// An entry ending in `:` needs the colon.
const FURNITURE_PREFIXES: &[(&str, Furniture)] = &[
    ("additional reporting", Furniture::End),
    ("advertisement", Furniture::Inline),
    ("also read", Furniture::End),
    ("author:", Furniture::End),
    ("click here", Furniture::End),
    ("comments", Furniture::End),
    ("credit:", Furniture::Inline),
    ("credits:", Furniture::Inline),
    ("editing by", Furniture::End),
    ("follow us", Furniture::End),
    ("illustration by", Furniture::Inline),
    ("image:", Furniture::Inline),
    ("last updated", Furniture::Inline),
    ("leave a comment", Furniture::End),
    ("more from", Furniture::End),
    ("more on this", Furniture::End),
    ("newsletter", Furniture::End),
    ("next article", Furniture::End),
    ("next story", Furniture::End),
    ("photo by", Furniture::Inline),
    ("photograph by", Furniture::Inline),
    ("photography by", Furniture::Inline),
    ("photo:", Furniture::Inline),
    ("photos:", Furniture::Inline),
    ("posted by", Furniture::Inline),
    ("previous article", Furniture::End),
    ("previous story", Furniture::End),
    ("published:", Furniture::Inline),
    ("read also", Furniture::End),
    ("read more", Furniture::End),
    ("recommended", Furniture::End),
    ("related", Furniture::End),
    ("reporting by", Furniture::End),
    ("see also", Furniture::End),
    ("share", Furniture::End),
    ("sign up", Furniture::End),
    ("source link", Furniture::End),
    ("source:", Furniture::Inline),
    ("sponsored", Furniture::Inline),
    ("subscribe", Furniture::End),
    ("tags:", Furniture::End),
    ("topics:", Furniture::End),
    ("updated:", Furniture::Inline),
    ("view all", Furniture::End),
    ("view more", Furniture::End),
    ("watch:", Furniture::Inline),
    ("written by", Furniture::Inline),
];

/// Footer notices found anywhere in a line, each with the longest line (in words) it is
/// believed in: legal and cookie text is furniture, but a long paragraph that mentions a
/// privacy policy is news.
const FOOTER_CUES: &[(&str, usize)] = &[
    ("\u{a9}", 30),
    ("all rights reserved", FOOTER_MAX_WORDS),
    ("cookie policy", 25),
    ("copyright (c)", 30),
    ("legal warning", FOOTER_MAX_WORDS),
    ("may not be reproduced", FOOTER_MAX_WORDS),
    ("privacy policy", 8),
    ("rights reserved", FOOTER_MAX_WORDS),
    ("terms of use", 8),
    ("use cookies", 25),
    ("uses cookies", 25),
    ("without a written", FOOTER_MAX_WORDS),
    ("without written permission", FOOTER_MAX_WORDS),
];

/// Words that make a line of at most three words a credit: a desk, a role, a wire.
#[rustfmt::skip]
const CREDIT_WORDS: &[&str] = &[
    "afp", "agencies", "ap", "author", "bureau", "correspondent", "desk", "dpa", "editor", "newsroom",
    "reporter", "reuters", "staff", "wires", "writer",
];

/// Words of a dateline or timestamp ("Tue 2 Dec 2025, 10:45 GMT", "Updated 3 hours ago").
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "a", "a.m", "aest", "ago", "akdt", "am", "apr", "april", "at", "aug", "august", "bst", "cdt", "cest", "cet",
    "created", "cst", "dec", "december", "edited", "edt", "est", "et", "feb", "february", "first", "fri",
    "friday", "gmt", "hkt", "hour", "hours", "hrs", "ist", "jan", "january", "jul", "july", "jun", "june",
    "last", "m", "mar", "march", "may", "mdt", "min", "mins", "minute", "minutes", "mon", "monday", "msk", "mst",
    "nov", "november", "oct", "october", "on", "originally", "p", "p.m", "pdt", "pm", "posted", "pst", "pt",
    "published", "read", "sat", "saturday", "sep", "sept", "september", "story", "sun", "sunday", "thu",
    "thursday", "time", "today", "tue", "tuesday", "uk", "updated", "utc", "wed", "wednesday", "yesterday",
];

/// Words of a call to action: the outlet asking its reader to subscribe, sign up, follow it,
/// get its app or newsletter, write in, or buy.
#[rustfmt::skip]
const ACTION_WORDS: &[&str] = &[
    "access", "advertisers", "app", "apps", "basket", "blog", "cart", "compensation", "download", "e-mail",
    "edition", "editor", "email", "facebook", "follow", "inbox", "instagram", "letter", "log", "login",
    "newsletter", "newsletters", "partners", "paywall", "podcast", "sign", "signing", "stories", "story",
    "subscribe", "subscriber", "subscribers", "subscription", "telegram", "twitter", "updates", "whatsapp",
    "youtube",
];

/// Verbs whose imperative opens a call to action ("Sign up here", "Get the app").
#[rustfmt::skip]
const ACTION_VERBS: &[&str] = &[
    "add", "click", "donate", "download", "follow", "get", "join", "listen", "log", "register", "send",
    "sign", "submit", "subscribe", "support", "watch",
];

/// Words of a site speaking of itself: its cookies, services, terms and the reader's data.
#[rustfmt::skip]
const SITE_WORDS: &[&str] = &[
    "account", "ads", "advertising", "agree", "browser", "browsing", "consent", "cookie", "cookies", "data",
    "experience", "personalise", "personalised", "personalize", "personalized", "policy", "preferences",
    "privacy", "services", "settings", "site", "terms", "website",
];

/// Words by which the outlet addresses its reader, or speaks of itself to them.
const READER_WORDS: &[&str] = &["our", "us", "we", "you", "you're", "you’re", "your", "yours"];

/// Longest line taken for a call to action: a longer one is a paragraph of the story.
const ACTION_MAX_WORDS: usize = 45;

/// Boilerplate recognisable from the line alone, by where it may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Ends the article text: footers, links to other pages, credits.
    End,
    /// Anywhere: captions, timestamps, bylines, separators, advertisements.
    Inline,
}

/// Decides every line's role; `lines` and `shapes` are parallel.
pub(super) fn assign_roles(text: &str, lines: &[Range<usize>], shapes: &[Shape]) -> Vec<Role> {
    let kinds: Vec<Option<Furniture>> =
        lines.iter().zip(shapes).map(|(range, shape)| furniture(&text[range.clone()], shape)).collect();
    let mut roles: Vec<Option<Role>> = kinds.iter().map(|kind| kind.map(|_| Role::Boilerplate)).collect();
    // Lines that may end the article text; teasers and trailing credits found below join them.
    let mut end_markers: Vec<bool> = kinds.iter().map(|kind| *kind == Some(Furniture::End)).collect();

    let title = roles.iter().position(Option::is_none);
    let mut title_key = None;
    if let Some(t) = title {
        if shapes[t].is_headline() && t + 1 < lines.len() {
            roles[t] = Some(Role::Title);
            title_key = Some(matching_key(&text[lines[t].clone()]));
        }
    }

    let mut seen: HashSet<String> = HashSet::with_capacity(lines.len());
    for (k, range) in lines.iter().enumerate() {
        let key = matching_key(&text[range.clone()]);
        let repeats_title = title_key.as_ref().is_some_and(|title| {
            k > 0
                && roles[k].is_none()
                && shapes[k].is_short_open()
                && key.len() > title.len()
                && key.starts_with(title.as_str())
        });
        // A repeated sentence or question is content (the same question put to each person
        // interviewed); a repeated headline, label or button is furniture.
        let copy = !seen.insert(key) && !shapes[k].is_prose() && shapes[k].last != Some('?');
        if copy || repeats_title {
            roles[k] = Some(Role::Boilerplate);
        }
    }

    // A call to action stands before or after the story; in the middle of a story about apps
    // or subscriptions the same words are news.
    let calls: Vec<Option<bool>> = lines
        .iter()
        .zip(shapes)
        .enumerate()
        .map(|(k, (range, shape))| if roles[k].is_none() { call_to_action(&text[range.clone()], shape) } else { None })
        .collect();
    let story_prose = |k: usize| roles[k].is_none() && shapes[k].is_prose() && calls[k].is_none();
    let first_prose = (0..lines.len()).find(|&k| story_prose(k));
    let last_prose = (0..lines.len()).rev().find(|&k| story_prose(k));
    for (k, call) in calls.iter().enumerate() {
        let Some(anywhere) = *call else { continue };
        if roles[k].is_none() && (anywhere || first_prose.is_none_or(|first| k < first) || last_prose.is_none_or(|last| k > last)) {
            roles[k] = Some(Role::Boilerplate);
            end_markers[k] = true;
        }
    }
    // A line cut off by an ellipsis is a teaser unless the next line carries on in lower case;
    // teasers come in lists, so a lone one is a quote trailing off unless it ends the article.
    let teaser = |k: usize| {
        k < lines.len()
            && roles[k].is_none()
            && shapes[k].teaser
            && shapes.get(k + 1).is_none_or(|next| !next.lower_start)
    };
    let teasers: Vec<usize> = (0..lines.len())
        .filter(|&k| teaser(k) && ((k > 0 && teaser(k - 1)) || teaser(k + 1) || last_prose.is_none_or(|p| k > p)))
        .collect();
    for k in teasers {
        roles[k] = Some(Role::Boilerplate);
        end_markers[k] = true;
    }

    if let Some(last_prose) = last_prose {
        for (k, shape) in shapes.iter().enumerate() {
            if roles[k].is_some() || shape.lower_start {
                continue;
            }
            if k > last_prose {
                // Below the last sentence: credits, buttons, outlet names, title-case links;
                // a short sentence in sentence case ("No one was hurt.") is still the story.
                let headline_case = 2 * shape.capitalised >= shape.words;
                let tiny = shape.words <= TAIL_CREDIT_WORDS && (headline_case || !shape.ends_sentence());
                if tiny || (headline_case && shape.is_short_open()) {
                    roles[k] = Some(Role::Boilerplate);
                    end_markers[k] = true;
                }
            } else if shape.is_short_open() && !shape.bullet {
                roles[k] = Some(Role::Heading);
            }
        }
    }

    let mut roles: Vec<Role> = roles.into_iter().map(|r| r.unwrap_or(Role::Body)).collect();
    mark_offtopic(text, lines, shapes, &end_markers, &mut roles);
    roles
}

/// The lower-case, normalised form of a line used to spot copies, without final punctuation.
fn matching_key(line: &str) -> String {
    normalize_for_matching(line)
        .trim_end_matches(|c: char| is_terminal(c) || is_closer(c) || c.is_whitespace())
        .to_lowercase()
}

/// Boilerplate recognisable from the line alone: furniture prefixes, footer notices, credits,
/// bylines, timestamps and lines without a word.
fn furniture(line: &str, shape: &Shape) -> Option<Furniture> {
    let lead = line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\u{a9}');
    if lead.is_empty() {
        return Some(Furniture::Inline);
    }
    let head = lowercase_head(lead, 64);
    if shape.words <= SHORT_LINE_WORDS {
        let period = shape.last == Some('.');
        let prefixed = FURNITURE_PREFIXES.iter().find(|(cue, _)| {
            let word = cue.strip_suffix(':').unwrap_or(cue);
            head.strip_prefix(word).is_some_and(|rest| {
                let colon = rest.trim_start().starts_with(':');
                colon || (word.len() == cue.len() && !period && !rest.starts_with(char::is_alphanumeric))
            })
        });
        if let Some(&(_, kind)) = prefixed {
            return Some(kind);
        }
        if is_byline(lead, shape) || is_timestamp(&head, shape) {
            return Some(Furniture::Inline);
        }
    }
    if shape.words <= 3 && !shape.ends_sentence() {
        let credit = lead
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| CREDIT_WORDS.binary_search(&word.to_lowercase().as_str()).is_ok());
        if credit {
            return Some(Furniture::End);
        }
    }
    if is_field_row(line, shape) {
        return Some(Furniture::End);
    }
    if shape.words <= FOOTER_MAX_WORDS {
        let lower = line.to_lowercase();
        if FOOTER_CUES.iter().any(|&(cue, max_words)| shape.words <= max_words && lower.contains(cue)) {
            return Some(Furniture::End);
        }
    }
    None
}

/// The outlet speaking to its reader about itself rather than the story: a line outside
/// quotation marks with words of a call to action, counted once each. `Some(true)` when it
/// cannot be the story wherever it stands: it addresses the reader ("you", "our"), opens a
/// sentence with an imperative or says "please", and has two more such words ("Get The Times
/// of Israel's Daily Edition by email and never miss our top stories"). `Some(false)` when it is furniture only before
/// or after the story: it addresses the reader with two, or one after an imperative ("Submit
/// your letter to the editor"), or has three without addressing anyone ("For the latest
/// stories and breaking news updates download the apps"). News prose tells of others; how-to
/// prose addresses the reader, but seldom about its subscriptions, apps and newsletters.
fn call_to_action(line: &str, shape: &Shape) -> Option<bool> {
    if shape.words > ACTION_MAX_WORDS || line.contains(['"', '“', '”']) {
        return None;
    }
    let lower = line.to_lowercase();
    let mut words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))).filter(|w| !w.is_empty()).collect();
    let addresses_reader = words.iter().any(|word| READER_WORDS.contains(word));
    let imperative = lower
        .split(['.', '?', '!'])
        .filter_map(|sentence| sentence.split_whitespace().next())
        .any(|first| ACTION_VERBS.binary_search(&first).is_ok())
        || words.contains(&"please");
    words.sort_unstable();
    words.dedup();
    let actions = words.iter().filter(|word| ACTION_WORDS.binary_search(word).is_ok()).count();
    let asks = actions + usize::from(imperative && actions > 0);
    // The outlet telling its reader about its site ("Cookies help us deliver our services. By
    // using our services, you agree to our use of cookies."): we and you, three of the site's
    // words, and nobody reported as saying it.
    let speaks_as_site = words.iter().any(|word| matches!(*word, "we" | "us" | "our"))
        && words.iter().any(|word| matches!(*word, "you" | "your"))
        && words.iter().filter(|word| SITE_WORDS.binary_search(word).is_ok()).count() >= 3
        && !words.iter().any(|word| matches!(*word, "said" | "says" | "told" | "tells" | "according" | "added"));
    match (addresses_reader, asks) {
        _ if speaks_as_site => Some(true),
        (true, 3..) if imperative => Some(true),
        (true, 2..) | (false, 3..) => Some(false),
        _ => None,
    }
}

/// A row of fields split by bars ("January 13, 2020 at 08:45 AM | categories: Python |
/// View Comments"): page metadata, never a sentence of the story.
fn is_field_row(line: &str, shape: &Shape) -> bool {
    shape.words <= SHORT_LINE_WORDS * 2 && line.matches(" | ").count() >= 2 && !shape.ends_sentence()
}

/// The first `max_bytes` (or a little more, to end on a character) of `s`, lowercased.
fn lowercase_head(s: &str, max_bytes: usize) -> String {
    let mut end = max_bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    s[..end].to_lowercase()
}

/// "By Jane Roe and John Doe": `By` and capitalised names, no final full stop.
fn is_byline(lead: &str, shape: &Shape) -> bool {
    let Some(names) = lead.strip_prefix("By ").or_else(|| lead.strip_prefix("BY ")) else {
        return false;
    };
    shape.words <= 10
        && !shape.ends_sentence()
        && names
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "|" | "-" | "in"))
}

/// A line made only of dates, times, time zones and words such as "updated", with a number.
fn is_timestamp(head: &str, shape: &Shape) -> bool {
    if shape.words > SHORT_LINE_WORDS || head.len() >= 64 {
        return false;
    }
    let mut numbers = 0;
    let all_dates = head
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '|' | '/' | '(' | ')' | '@' | '+' | '\u{B7}' | '\u{2022}')
        })
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '\u{2013}' | '\u{2014}')))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let number = digits.starts_with(|c: char| c.is_ascii_digit())
                && digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'-'))
                && matches!(&w[digits.len()..], "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h");
            numbers += usize::from(number);
            number || DATE_WORDS.binary_search(&w).is_ok()
        });
    all_dates && numbers > 0
}

#[cfg(test)]
mod tests {
    use super::super::tests::FLOOD_BODY;
    use super::super::{clean, Block, Layout};
    use super::*;

    /// The role of the line that starts with `prefix`.
    fn role_of(text: &str, layout: &Layout, prefix: &str) -> Role {
        let found: Vec<&Block> = layout.blocks.iter().filter(|b| text[b.range.clone()].starts_with(prefix)).collect();
        assert!(!found.is_empty(), "no line starts with {prefix:?}");
        found[found.len() - 1].role
    }

    #[test]
    fn roles_of_invented_articles() {
        let with_furniture = format!(
            "Varnholm Flood Forces Dozens From Their Homes\n\nVarnholm Flood Forces Dozens From Their Homes\nBy Ilse Marten and Tomas Ek\nUpdated: 3 March 2031, 10:45 GMT\n{}A Long Night on the Harbour\n{}\nCity Desk\n- Author\nShare it\nNext Story\n",
            &FLOOD_BODY[..FLOOD_BODY.find("Firefighters").unwrap()],
            &FLOOD_BODY[FLOOD_BODY.find("Firefighters").unwrap()..],
        );
        let with_teasers = format!(
            "{FLOOD_BODY}Chess champion Arvo Lind resigned from the national federation after a dispute over prize money and…\nA new satellite built in Quillon will measure sea ice, its designers said, adding that the launch…\nWe use cookies to improve your experience.\n"
        );
        let stories = "\
The Quillon chess federation elected Arvo Lind as its president after a stormy congress in Belmora, where delegates argued over prize money, sponsorship contracts and tournament calendars.
Engineers at the Kestrel observatory in Dunmarsh completed a satellite that will measure polar ice thickness, and its launch from Salvik is planned for the autumn.
";
        let with_legal_footer = format!("Floods in Varnholm\n{FLOOD_BODY}LEGAL NOTICE: All rights reserved. No part of this page may be reproduced without permission.\n{stories}");
        let with_trailing_stories = format!("Floods in Varnholm\n{FLOOD_BODY}{stories}");
        // (what the case shows, article, expected role of the line starting with each prefix)
        type Case<'a> = (&'a str, &'a str, Vec<(&'a str, Role)>);
        let cases: Vec<Case> = vec![
            (
                "headline, copies, byline, timestamp, heading, signature",
                &with_furniture,
                vec![
                    ("Varnholm Flood Forces", Role::Boilerplate),
                    ("By Ilse Marten", Role::Boilerplate),
                    ("Updated:", Role::Boilerplate),
                    ("The river Oska", Role::Body),
                    ("A Long Night on the Harbour", Role::Heading),
                    ("Brandt asked", Role::Body),
                    ("City Desk", Role::Boilerplate),
                    ("- Author", Role::Boilerplate),
                    ("Share it", Role::Boilerplate),
                    ("Next Story", Role::Boilerplate),
                ],
            ),
            (
                "teasers and a cookie notice",
                &with_teasers,
                vec![
                    ("The river Oska", Role::Body),
                    ("Brandt asked", Role::Body),
                    ("Chess champion", Role::Boilerplate),
                    ("A new satellite", Role::Boilerplate),
                    ("We use cookies", Role::Boilerplate),
                ],
            ),
            (
                "unrelated stories after a legal footer",
                &with_legal_footer,
                vec![
                    ("Floods in Varnholm", Role::Title),
                    ("Brandt asked", Role::Body),
                    ("LEGAL NOTICE", Role::Boilerplate),
                    ("The Quillon chess", Role::Offtopic),
                    ("Engineers at the Kestrel", Role::Offtopic),
                ],
            ),
            (
                "unrelated stories without a footer",
                &with_trailing_stories,
                vec![
                    ("Brandt asked", Role::Body),
                    ("The Quillon chess", Role::Offtopic),
                    ("Engineers at the Kestrel", Role::Offtopic),
                ],
            ),
            (
                "a related closing paragraph after a footer stays body",
                "Floods in Varnholm\nThe river Oska burst its banks above Varnholm on Sunday night, flooding the harbour district, the council said.\nMayor Ilse Brandt said rescue boats had taken 40 residents from flooded houses near the harbour on Monday.\nFirefighters from Tessby pumped water from the hospital basement while volunteers filled sandbags along the embankment.\nMeteorologists recorded 120 millimetres of rain in two days, the heaviest downpour in the valley since 1998.\nBrandt asked the regional government for emergency funds to repair the harbour wall and the railway embankment.\nRead more\nThe Oska flooded Varnholm harbour in 1998 as well, when Brandt, then a council member, organised the first sandbag volunteers along the embankment and rescue boats.\n",
                vec![("Read more", Role::Boilerplate), ("The Oska flooded", Role::Body)],
            ),
            (
                "a lone quote trailing off, a continued line, a scrape fragment and a list",
                "Flood talks\nThe mayor said the council would meet again on Tuesday to discuss the repairs.\n\u{201C}We will rebuild the harbour wall, and then we will see...\nthe railway needs it too,\u{201D} she said at the town hall on Monday.\nater levels fell overnight, the weather station said in its morning report.\nThe council listed its priorities:\n- repair the harbour wall before spring\n- reopen the railway line to Tessby\nThe next meeting will be held on Friday, the council said in a statement.\n",
                vec![
                    ("Flood talks", Role::Title),
                    ("\u{201C}We will rebuild", Role::Body),
                    ("the railway needs", Role::Body),
                    ("ater levels", Role::Body),
                    ("The council listed", Role::Body),
                    ("- repair the harbour", Role::Body),
                    ("The next meeting", Role::Body),
                ],
            ),
            (
                "a first line that is a sentence is body, not a title",
                "The river Oska burst its banks above Varnholm on Sunday night.\nMayor Ilse Brandt said 40 residents were rescued.\n",
                vec![("The river Oska", Role::Body), ("Mayor Ilse Brandt", Role::Body)],
            ),
            (
                "a headline alone is body",
                "Floods in Varnholm",
                vec![("Floods in Varnholm", Role::Body)],
            ),
            (
                "short closing sentences stay body",
                "Floods in Varnholm\nThe river Oska burst its banks above Varnholm on Sunday night, the council said.\nNo one was hurt.\nReuters\n",
                vec![("No one was hurt.", Role::Body), ("Reuters", Role::Boilerplate)],
            ),
        ];
        for (name, text, expected) in cases {
            let layout = clean(text);
            for (prefix, role) in expected {
                assert_eq!(role_of(text, &layout, prefix), role, "{name}: line {prefix:?}");
            }
        }
    }

    #[test]
    fn timestamps_bylines_and_headings() {
        let cases: &[(&str, bool)] = &[
            ("Updated 5:40 p.m. ET", true),
            ("Tue 2 Dec 2031, 10:45 GMT", true),
            ("Posted on May 3rd, 2031 at 08:45AM PDT", true),
            ("2031-03-04 11:47:35", true),
            ("Monday", false),
            ("Talks resume on Monday", false),
            ("By Ilse Marten and Tomas Ek", true),
            ("By the numbers", false),
            ("Photo: Tomas Ek", true),
            ("Shares fell 3%", false),
            ("Read more: Varnholm counts the cost of the floods.", true),
            ("Copyright lawsuits rose sharply last year, the ministry said.", false),
            ("\u{A9} 2031 Varnholm Courier", true),
            ("All rights reserved.", true),
            ("This site uses cookies to improve your experience.", true),
        ];
        for (line, expected) in cases {
            let shape = Shape::of(line);
            assert_eq!(furniture(line, &shape).is_some(), *expected, "{line:?}");
        }
    }

    #[test]
    fn a_question_put_to_each_person_stays_content() {
        let mut text = String::from("What Varnholm Thinks of the New Dam\n");
        for (name, answer) in [("Ilse Marten", "It kept the water out of my street."), ("Tomas Ek", "I still worry about the next flood.")] {
            text += &format!("{name}, baker\nWhat do you think of the new dam?\n{answer}\n");
        }
        text += "What Varnholm Thinks of the New Dam\n";
        let layout = super::super::clean(&text);
        let role_of = |line: &str| -> Vec<Role> {
            layout.blocks.iter().filter(|b| &text[b.range.clone()] == line).map(|b| b.role).collect()
        };
        assert_eq!(role_of("What do you think of the new dam?"), [Role::Body, Role::Body]);
        assert_eq!(role_of("What Varnholm Thinks of the New Dam"), [Role::Title, Role::Boilerplate], "a repeated headline is furniture");
    }

    #[test]
    fn cue_lists_are_sorted_for_binary_search() {
        for list in [CREDIT_WORDS, DATE_WORDS, ACTION_WORDS, ACTION_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn calls_to_action_are_furniture_around_the_story_and_news_inside_it() {
        let text = format!(
            "Floods in Varnholm\n\
             Get the Varnholm Courier's morning edition by email and never miss our top stories. Sign up free.\n\
             {FLOOD_BODY}\
             The council's new app lets residents download flood maps and sign up for warnings, said Brandt, who asked you to share it.\n\
             Engineers said the embankment would be raised by a metre before the winter storms.\n\
             Subscribe now to our print edition for the full story.\n\
             For the latest stories and breaking news updates download the Courier apps.\n\
             March 3, 2031 at 10:45 | categories: Floods, Varnholm | View Comments\n"
        );
        let layout = super::super::clean(&text);
        assert_eq!(role_of(&text, &layout, "Get the Varnholm Courier"), Role::Boilerplate, "asks three things of the reader: anywhere");
        assert_eq!(role_of(&text, &layout, "The council's new app"), Role::Body, "inside the story the same words are news");
        assert_eq!(role_of(&text, &layout, "Subscribe now"), Role::Boilerplate, "after the story");
        assert_eq!(role_of(&text, &layout, "For the latest stories"), Role::Boilerplate, "after the story, three words of a call to action");
        assert_eq!(role_of(&text, &layout, "March 3, 2031 at"), Role::Boilerplate, "a row of fields");
        assert_eq!(role_of(&text, &layout, "Engineers said"), Role::Body);
    }

    #[test]
    fn a_site_telling_its_reader_about_itself_is_furniture_anywhere() {
        let text = format!(
            "Floods in Varnholm
{FLOOD_BODY}             Cookies help us deliver our services. By using our services, you agree to our use of cookies.
             We know your data matters, the bank's chief told customers, promising that privacy settings would not change.
             Engineers said the embankment would be raised by a metre before the winter storms.
"
        );
        let layout = super::super::clean(&text);
        assert_eq!(role_of(&text, &layout, "Cookies help us"), Role::Boilerplate);
        assert_eq!(role_of(&text, &layout, "We know your data"), Role::Body, "three of the site's words, but reported as someone's");
    }
}
