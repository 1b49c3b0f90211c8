//! What a page says about itself in its metadata, written as the lines a plain-text article
//! opens with.
//!
//! In: the [`Blocks`] of a parsed page (its `<meta>` elements, JSON-LD scripts and `<title>`)
//! and the story's first lines. Out: header lines to put before the story: the headline when
//! the story does not open with it, a byline (`By Mara Lindqvist`), the outlet (`Source:
//! Dolva Valley Courier`) and a date line (`Published 15 October 2031`). Writing them as text
//! rather than passing them beside it keeps one path for every input: the reading stage finds
//! a saved page's byline, outlet and date the way it finds a text file's
//! ([`crate::extract::byline`], [`crate::extract::published_date`]), the page shows them in
//! the article as they will be read, and a session keeps them with the text.

use super::Blocks;

/// A text's words as the comparison normalises them (lower case, folded diacritics).
fn words(text: &str) -> Vec<String> {
    crate::read::tokens::words(text).into_iter().map(|token| token.norm).collect()
}

/// Names of the `<meta>` properties that hold a page's publication date.
const DATE_META: &[&str] = &["article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date"];
/// Names of the `<meta>` properties that hold the headline, best first.
const TITLE_META: &[&str] = &["og:title", "twitter:title", "headline", "dc.title"];
/// Names of the `<meta>` properties that hold the author's name, best first.
const AUTHOR_META: &[&str] = &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
/// Names of the `<meta>` properties that hold the outlet's name, best first.
const OUTLET_META: &[&str] = &["og:site_name", "application-name", "publisher"];
/// Authors that name nobody, as content management systems fill them in.
const NO_AUTHOR: &[&str] = &["noauthor", "unknown", "anonymous", "admin", "administrator", "staff", "guest", "editor"];
/// Story lines searched for a headline or byline the page already shows.
const OPENING_LINES: usize = 4;
/// Longest name taken for an author or outlet, in words: longer values are descriptions.
const MAX_NAME_WORDS: usize = 8;

/// The header of a page.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Header {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// The publication date as metadata writes it (ISO 8601).
    pub published: Option<String>,
}

impl Header {
    pub fn of(blocks: &Blocks) -> Header {
        let outlet = meta(blocks, OUTLET_META).filter(|name| is_name(name)).or_else(|| json_ld(blocks, "publisher"));
        let title = meta(blocks, TITLE_META)
            .or_else(|| json_ld(blocks, "headline"))
            .or_else(|| blocks.title.as_deref().map(collapse))
            .map(|title| without_outlet(&title, outlet.as_deref()).to_string())
            .filter(|title| !title.is_empty());
        let author = meta(blocks, AUTHOR_META)
            .map(|name| name.strip_prefix("By ").or_else(|| name.strip_prefix("BY ")).unwrap_or(&name).to_string())
            .filter(|name| is_name(name) && !name.contains("://") && !NO_AUTHOR.contains(&comparable(name).as_str()))
            .or_else(|| json_ld(blocks, "author"));
        // Pages without a named author often give the outlet as one.
        let author = author.filter(|author| outlet.as_ref().is_none_or(|outlet| comparable(outlet) != comparable(author)));
        Header { title, author, outlet, published: published(blocks) }
    }

    /// The lines to put before a story that opens with `opening` (its first lines): only what
    /// the story does not already say there.
    pub fn lines(&self, opening: &[&str]) -> Vec<String> {
        let opening: Vec<Vec<String>> = opening.iter().take(OPENING_LINES).map(|line| words(line)).collect();
        // Shown when a line has three in four of its words ("Coronavirus: New York ramps up
        // mass burials" shows "New York ramps up mass burials amid virus outbreak"), or all of
        // a one-word value.
        let shown = |text: &str| {
            let text = words(text);
            opening.iter().any(|line| {
                let found = text.iter().filter(|word| line.contains(word)).count();
                if text.len() == 1 { line.len() == 1 && found == 1 } else { found * 4 >= text.len() * 3 }
            })
        };
        let mut lines = Vec::new();
        if let Some(title) = self.title.as_deref().filter(|title| !shown(title)) {
            lines.push(title.to_string());
        }
        if let Some(author) = self.author.as_deref().filter(|author| !shown(author)) {
            lines.push(format!("By {author}"));
        }
        if let Some(outlet) = &self.outlet {
            lines.push(format!("Source: {outlet}"));
        }
        lines.extend(self.published.as_deref().and_then(date_line));
        lines
    }
}

/// The first non-empty `content` of a `<meta>` named in `names`, taking the names in order.
fn meta(blocks: &Blocks, names: &[&str]) -> Option<String> {
    names.iter().find_map(|wanted| {
        blocks.metas.iter().find_map(|(name, content)| {
            let content = collapse(content);
            (name.eq_ignore_ascii_case(wanted) && !content.is_empty()).then_some(content)
        })
    })
}

/// The first publication date readable as one that the page's `<meta>` elements or JSON-LD
/// scripts give.
fn published(blocks: &Blocks) -> Option<String> {
    let from_meta = blocks.metas.iter().find_map(|(name, content)| {
        let content = content.trim();
        (DATE_META.contains(&name.to_ascii_lowercase().as_str()) && date_line(content).is_some()).then(|| content.to_string())
    });
    from_meta.or_else(|| blocks.json_ld.iter().find_map(|script| json_ld_value(script, "datePublished").filter(|value| date_line(value).is_some())))
}

/// "Published 15 October 2031" for a date that starts `2031-10-15` (ISO 8601, as metadata
/// writes it); `None` for anything else.
fn date_line(date: &str) -> Option<String> {
    let day = crate::extract::times::day_of(date.trim().get(..10)?, None)?;
    Some(format!("Published {}", crate::extract::times::day_name(day)))
}

/// The value of `key` in the page's JSON-LD scripts: a string, or the `name` of the object or
/// first objects it holds (`"author": [{"@type": "Person", "name": "Mara Lindqvist"}, ...]`,
/// up to three names joined with "and"). Read by scanning, not parsing: the wasm carries no
/// JSON parser, and a script that is not valid JSON (often the case) still gives its values.
fn json_ld(blocks: &Blocks, key: &str) -> Option<String> {
    blocks.json_ld.iter().find_map(|script| json_ld_value(script, key))
}

/// What follows each `"key":` in a script, from the value's first character on.
fn json_ld_values<'s>(script: &'s str, key: &str) -> impl Iterator<Item = &'s str> {
    let quoted = format!("\"{key}\"");
    let mut rest = script;
    std::iter::from_fn(move || loop {
        let at = rest.find(&quoted)?;
        rest = &rest[at + quoted.len()..];
        if let Some(value) = rest.trim_start().strip_prefix(':') {
            return Some(value.trim_start());
        }
    })
}

/// Bytes of an object or list value searched for names: a publisher or author object is a few
/// hundred, and a bound keeps a script of many nested `"author"` keys linear.
const MAX_OBJECT_SCAN: usize = 4096;

fn json_ld_value(script: &str, key: &str) -> Option<String> {
    for value in json_ld_values(script, key) {
        if let Some(string) = value.strip_prefix('"') {
            let text = collapse(&json_string(string)?);
            if !text.is_empty() {
                return Some(text);
            }
            continue;
        }
        if !value.starts_with(['{', '[']) {
            continue;
        }
        // The names inside the value, up to the bracket that closes it.
        let mut names = Vec::new();
        let mut depth = 0usize;
        let mut end = value.len().min(MAX_OBJECT_SCAN);
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        let mut scan = &value[..end];
        while let Some(at) = scan.find(['{', '[', '}', ']', '"']) {
            let c = scan.as_bytes()[at];
            scan = &scan[at + 1..];
            match c {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {
                    // A string cut by the bound, or never closed, ends the search.
                    let Some(end) = string_end(scan) else { break };
                    let is_name_key = &scan[..end - 1] == "name" && scan[end..].trim_start().starts_with(':');
                    scan = &scan[end..];
                    if is_name_key {
                        let value = scan.trim_start()[1..].trim_start();
                        if let Some(name) = value.strip_prefix('"') {
                            let (Some(name), Some(rest)) = (json_string(name), name_rest(value)) else { break };
                            let name = collapse(&name);
                            if is_name(&name) && !names.contains(&name) && names.len() < 3 {
                                names.push(name);
                            }
                            scan = rest;
                        }
                    }
                }
            }
        }
        if !names.is_empty() {
            return Some(names.join(" and "));
        }
    }
    None
}

/// The longest `articleBody` string of the page's JSON-LD scripts, as written (its line
/// breaks kept, markup and all).
pub(super) fn json_ld_article_body(blocks: &Blocks) -> Option<String> {
    blocks
        .json_ld
        .iter()
        .flat_map(|script| json_ld_values(script, "articleBody"))
        .filter_map(|value| json_string(value.strip_prefix('"')?))
        .reduce(|longest, body| if body.len() > longest.len() { body } else { longest })
}

/// `value` (which opens with a quoted string) after that string.
fn name_rest(value: &str) -> Option<&str> {
    let inner = &value[1..];
    Some(&inner[string_end(inner)?..])
}

/// The byte just past the closing quote of the JSON string whose opening quote precedes `s`.
fn string_end(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(at + 1),
            _ => {}
        }
    }
    None
}

/// The JSON string whose opening quote precedes `s`, its escapes decoded; `None` when it
/// never closes.
fn json_string(s: &str) -> Option<String> {
    let body = &s[..string_end(s)? - 1];
    let mut text = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next()? {
            'n' => text.push('\n'),
            'r' | 't' => text.push(' '),
            'u' => {
                let code: String = chars.by_ref().take(4).collect();
                text.push(u32::from_str_radix(&code, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
            }
            other => text.push(other),
        }
    }
    Some(text)
}

/// A person's or outlet's name: a few words, one of them capitalised, no sentence.
fn is_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words) && text.chars().any(char::is_uppercase) && !text.ends_with(['.', '!', '?'])
        || words == 1 && text.chars().all(char::is_alphanumeric)
}

/// The title without the outlet's name a page appends to it ("Dam gives way | Courier").
fn without_outlet<'t>(title: &'t str, outlet: Option<&str>) -> &'t str {
    let Some(outlet) = outlet else { return title };
    for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if comparable(tail) == comparable(outlet) {
                return head.trim();
            }
        }
    }
    title
}

/// Whitespace collapsed to single spaces, trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters and digits only, lower-cased: a headline and its `og:title` compare equal.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(head: &str) -> Header {
        Header::of(&super::super::dom::blocks(&format!("<head>{head}</head><body><p>Text.</p></body>")))
    }

    #[test]
    fn title_author_outlet_and_date_come_from_meta_elements_first() {
        let page = header(
            "<title>Dam gives way - Courier</title><meta property=\"og:title\" content=\"Dam gives  way | Dolva Valley Courier\">\
             <meta name=\"author\" content=\"Mara Lindqvist\"><meta property=\"og:site_name\" content=\"Dolva Valley Courier\">\
             <meta property=\"article:published_time\" content=\"2031-10-15T08:10:00Z\">",
        );
        let expected = Header {
            title: Some("Dam gives way".into()),
            author: Some("Mara Lindqvist".into()),
            outlet: Some("Dolva Valley Courier".into()),
            published: Some("2031-10-15T08:10:00Z".into()),
        };
        assert_eq!(page, expected);
        assert_eq!(
            page.lines(&["Part of the spillway collapsed."]),
            ["Dam gives way", "By Mara Lindqvist", "Source: Dolva Valley Courier", "Published 15 October 2031"]
        );
        assert_eq!(
            page.lines(&["DAM GIVES WAY", "By Mara Lindqvist and Ivo Penn", "Part of the spillway collapsed."]),
            ["Source: Dolva Valley Courier", "Published 15 October 2031"],
            "what the story already shows is not repeated"
        );
        assert_eq!(header("<title> Dam gives way </title>").title.as_deref(), Some("Dam gives way"), "the <title> as the last resort");
        let reworded = Header { title: Some("Dolva dam gives way in the night".into()), ..Header::default() };
        assert_eq!(reworded.lines(&["Dolva dam: spillway gives way in the night"]), Vec::<String>::new(), "a headline reworded a little");
        let short = Header { title: Some("Dam".into()), ..Header::default() };
        assert_eq!(short.lines(&["The dam gave way."]), ["Dam"], "one word is shown only as a line of its own");
    }

    #[test]
    fn json_ld_gives_names_inside_objects_and_lists() {
        let script = r#"<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Dam gives way", "datePublished": "2031-10-16",
            "author": [{"@type": "Person", "name": "Mara Lindqvist", "url": "https://example.org/mara"}, {"@type": "Person", "name": "Ivo Penn"}],
            "publisher": {"@type": "Organization", "name": "Dolva Valley Courier", "logo": {"@type": "ImageObject", "url": "x.png"}}}</script>"#;
        let page = header(script);
        assert_eq!(page.title.as_deref(), Some("Dam gives way"));
        assert_eq!(page.author.as_deref(), Some("Mara Lindqvist and Ivo Penn"));
        assert_eq!(page.outlet.as_deref(), Some("Dolva Valley Courier"));
        assert_eq!(page.published.as_deref(), Some("2031-10-16"));
        let escaped = header(r#"<script type="application/ld+json">{"author": {"name": "Zo\u00eb \"Z\" Roe"}}</script>"#);
        assert_eq!(escaped.author.as_deref(), Some("Zoë \"Z\" Roe"));
        let broken = header(r#"<script type="application/ld+json">{"author": {"name": "Mara</script>"#);
        assert_eq!(broken.author, None, "a string that never closes gives nothing");
        let nested = format!("<script type=\"application/ld+json\">{}</script>", "{\"author\": ".repeat(2_000));
        assert_eq!(header(&nested).author, None, "many nested keys");
        let far = format!("<script type=\"application/ld+json\">{{\"author\": {{\"bio\": \"{}\", \"name\": \"Mara Lindqvist\"}}}}</script>", "x".repeat(MAX_OBJECT_SCAN));
        assert_eq!(header(&far).author, None, "each value is searched only {MAX_OBJECT_SCAN} bytes deep, so nested keys stay linear");
    }

    #[test]
    fn values_that_are_not_names_are_left_out() {
        let page = header(
            "<meta name=\"author\" content=\"https://www.facebook.com/courier\">\
             <meta property=\"og:site_name\" content=\"The best source of news about the valley since 1921.\">",
        );
        assert_eq!((page.author, page.outlet), (None, None));
        assert_eq!(header("<meta name=\"author\" content=\"No Author\">").author, None);
        assert_eq!(header("<meta name=\"author\" content=\"By Mara Lindqvist\">").author.as_deref(), Some("Mara Lindqvist"));
        let outlet_as_author = header("<meta name=\"author\" content=\"BBC News\"><meta property=\"og:site_name\" content=\"BBC News\">");
        assert_eq!((outlet_as_author.author, outlet_as_author.outlet.as_deref()), (None, Some("BBC News")));
        assert_eq!(header("").lines(&["Text."]), Vec::<String>::new());
    }
}
