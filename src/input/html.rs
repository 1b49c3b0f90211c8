//! An HTML page reduced to the text of its story.
//!
//! In: the page's text. Out: one line per block of the story, character references decoded.
//! One pass reads the page into lines, each knowing the innermost container it sits in
//! (`div`, `section`, `article`, `td`, ...); the containers form a tree. Then:
//! 1. scripts, styles, navigation, footers, asides and form controls never give a line;
//! 2. containers whose class or id names page furniture (comments, related stories, share
//!    bars, newsletter boxes) are left out, unless one holds the page's `<article>` or over
//!    half of its text (the name sat on a wrapper of the story);
//! 3. a story marked with `<article>` elements holding at least [`MIN_ARTICLE_BYTES`] and a
//!    fifth of the text keeps only their lines;
//! 4. the lines left are scored the way content extractors score paragraphs: every line of 25
//!    characters or more that is not mostly link text gives its container, and less its
//!    ancestors, a score from its length and commas; a container's score is weighted by its
//!    tag and class/id words and by how little of its text is link text. The best container
//!    (or the common ancestor of it and another that scores near it: a story in several
//!    sections; or an ancestor holding prose of its own and no other: unclosed containers)
//!    and its siblings that score near it are the story, unless they hold under
//!    [`MIN_STORY_SHARE`] of the text ([`MIN_STORY_SHARE_IN_ARTICLE`] inside `<article>`s).
//!
//! On the saved-pages eval (`make eval`) steps 3 and 4 together took the 94 real Readability
//! pages from token F1 0.892 (steps 1 to 3 alone) to 0.945, and trafilatura's snippets from
//! 0.873 to 0.913.
//!
//! The tokenizer follows the HTML syntax where it matters for text: a `<` that opens no tag
//! is text, quoted attribute values may hold `>`, raw-text elements end only at their own end
//! tag, comments end at `-->`. It builds no DOM: end tags close the nearest open container of
//! their name, and an end tag with no open element of its name is ignored. Linear in the page:
//! every byte is read a bounded number of times and end tags look back a bounded depth.

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "nav", "footer", "iframe", "aside", "select", "button"];
/// Elements whose content is raw text: only their own end tag closes them, so a `<` inside a
/// script is not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];
/// Elements that never have an end tag, so they open nothing.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "article", "section", "header", "blockquote",
    "figcaption", "figure", "main", "ul", "ol", "dl", "dt", "dd", "table", "hr", "title", "pre", "form",
];
/// Elements tracked as containers of lines. Their end tag is required (or, for cells, the
/// next cell ends them), so the end of each is known; a `<p>` or `<li>` may close implicitly
/// and never say so. `span` is tracked only because a class can mark it as furniture.
const CONTAINERS: &[&str] = &[
    "body", "div", "section", "article", "main", "header", "form", "ul", "ol", "dl", "table", "blockquote", "figure", "td", "th", "span",
];
/// Words in a class or id that mark a whole container as page furniture, not article text:
/// reader comments, related stories, share bars, newsletter and promo boxes, menus.
const FURNITURE_HINTS: &[&str] = &[
    "comment", "related", "share", "sharing", "social", "newsletter", "promo", "sidebar", "breadcrumb", "cookie", "subscribe",
    "recommend", "outbrain", "taboola", "advert", "sponsor", "footer", "masthead", "menu", "popup", "modal",
];
/// Class or id words of containers that hold a story.
const STORY_HINTS: &[&str] = &["article", "story", "content", "entry", "post", "body", "text", "main", "blog"];
/// Class or id words of containers that rarely hold one, beside the furniture hints.
const AWAY_HINTS: &[&str] = &["widget", "banner", "caption", "meta", "tag", "byline", "author", "hidden", "rail", "teaser", "nav"];
/// Text inside `<article>` elements below which they are teasers, not the story.
const MIN_ARTICLE_BYTES: usize = 500;
/// Lines shorter than this many characters give their containers no score (buttons, links).
const MIN_SCORED_CHARS: usize = 25;
/// The scored story must hold at least this share of the text, or the whole text is kept:
/// a page of many short blocks has no container that stands out.
const MIN_STORY_SHARE: f64 = 0.25;
/// A container named as furniture that holds more than this share of the page's text is a
/// wrapper of the page, not furniture (`id="theme-taboola"`, an `"above-footer"` div left open,
/// a `"modal"` layer the story is shown in).
const MAX_FURNITURE_SHARE: f64 = 0.5;
/// A container scoring at least this share of the best one's score is a part of the story.
const STRONG_SHARE: f64 = 0.6;
/// How many such parts outside the best container make the story their common ancestor.
const MIN_STRONG_OTHERS: usize = 1;
/// Inside `<article>` elements the scored story must hold this share of their text: what an
/// article holds is mostly the story, and scoring only trims its galleries and teasers.
const MIN_STORY_SHARE_IN_ARTICLE: f64 = 0.8;
/// How far back an end tag looks for its open element.
const END_TAG_REACH: usize = 256;

/// Reduces an HTML page to the text of its story; see the module documentation.
///
/// ```
/// use crosscheck::input::html_to_text;
/// let page = "<nav>Home</nav><div class=\"story\"><p>The gates opened at noon, the council said.</p></div>";
/// assert_eq!(html_to_text(page), "The gates opened at noon, the council said.");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut page = scan(html);
    settle_furniture(&mut page);
    let bytes_of = |lines: &[&Line]| lines.iter().map(|line| line.range.len()).sum::<usize>();
    let outside_furniture: Vec<&Line> = page.lines.iter().filter(|line| !page.nodes[line.node].furniture).collect();
    let in_articles: Vec<&Line> = outside_furniture.iter().copied().filter(|line| page.nodes[line.node].in_article).collect();
    let article_bytes = bytes_of(&in_articles);
    let marked = article_bytes >= MIN_ARTICLE_BYTES && article_bytes * 5 >= bytes_of(&outside_furniture);
    let (candidates, min_share) =
        if marked { (in_articles, MIN_STORY_SHARE_IN_ARTICLE) } else { (outside_furniture, MIN_STORY_SHARE) };
    let story = story_lines(&page, &candidates);
    let kept = if bytes_of(&story) as f64 >= min_share * bytes_of(&candidates) as f64 { story } else { candidates };
    let text = kept.iter().map(|line| &page.text[line.range.clone()]).collect::<Vec<_>>().join("\n");
    // The page's date from its metadata goes first, as a date line, so that relative times
    // ("last week") can be read against it like a plain-text article's (extract::published_date).
    match page.published.and_then(|date| date_line(&date)) {
        Some(line) if !text.is_empty() => format!("{line}\n{text}"),
        _ => text,
    }
}

/// Names of the `<meta>` properties that hold a page's publication date.
const DATE_META: &[&str] = &["article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date"];

/// "Published 15 October 2031" for a date that starts `2031-10-15` (ISO 8601, as metadata
/// writes it); `None` for anything else.
fn date_line(date: &str) -> Option<String> {
    let day = crate::extract::times::day_of(date.trim().get(..10)?, None)?;
    Some(format!("Published {}", crate::extract::times::day_name(day)))
}

/// The value after `"datePublished"` in a JSON-LD script, if any.
fn json_ld_date(script: &str) -> Option<String> {
    let after = &script[script.find("\"datePublished\"")? + "\"datePublished\"".len()..];
    let value = after.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(value[..value.find('"')?].to_string())
}

/// Decides which containers are furniture: those named so, unless they hold an `<article>` or
/// `<main>` of [`MIN_ARTICLE_BYTES`] or more or over [`MAX_FURNITURE_SHARE`] of the page's
/// text (the name sat on a wrapper of the story), and everything inside them.
fn settle_furniture(page: &mut Page) {
    let mut subtree = vec![0usize; page.nodes.len()];
    for line in &page.lines {
        subtree[line.node] += line.range.len();
    }
    let mut holds_story = vec![false; page.nodes.len()];
    for node in (1..page.nodes.len()).rev() {
        let parent = page.nodes[node].parent;
        subtree[parent] += subtree[node];
        holds_story[node] |= matches!(page.nodes[node].tag, "article" | "main") && subtree[node] >= MIN_ARTICLE_BYTES;
        holds_story[parent] |= holds_story[node];
    }
    let total = subtree[0] as f64;
    for node in 1..page.nodes.len() {
        let named = page.nodes[node].furniture && !holds_story[node] && (subtree[node] as f64) <= MAX_FURNITURE_SHARE * total;
        page.nodes[node].furniture = named || page.nodes[page.nodes[node].parent].furniture;
    }
}

/// A page read into lines and the containers they sit in.
struct Page {
    /// The publication date the page's metadata gives (`<meta property="article:published_time">`,
    /// `itemprop="datePublished"`, JSON-LD `datePublished`), as written.
    published: Option<String>,
    /// Every line's text, each followed by a line break.
    text: String,
    lines: Vec<Line>,
    /// Containers in document order; 0 is the page itself, and a parent comes before its
    /// children.
    nodes: Vec<Node>,
}

/// One line of text.
struct Line {
    /// Byte range in [`Page::text`], without the line break.
    range: std::ops::Range<usize>,
    /// The innermost container open when the line began.
    node: usize,
    /// Bytes of the line inside links.
    link_bytes: usize,
}

/// One container element.
struct Node {
    tag: &'static str,
    parent: usize,
    /// The node that takes this one's score: itself, or for a `span` its nearest ancestor
    /// that is not one.
    scored_as: usize,
    /// The weight its tag and class/id words give a container's score.
    weight: f64,
    /// Named as furniture by its class or id; once the page is read, [`settle_furniture`]
    /// makes it: inside a container that is furniture.
    furniture: bool,
    /// Inside an `<article>`.
    in_article: bool,
}

/// The lines of the best-scoring container and of its siblings that score near it, plus
/// long lines that stand beside them in their parent; see the module documentation.
fn story_lines<'a>(page: &Page, candidates: &[&'a Line]) -> Vec<&'a Line> {
    let count = page.nodes.len();
    let mut text_bytes = vec![0usize; count];
    let mut link_bytes = vec![0usize; count];
    let mut score = vec![0f64; count];
    let mut scored = vec![false; count];
    // Scored lines each container holds itself, and how many of its children hold some.
    let mut own_prose = vec![0usize; count];
    for line in candidates {
        let node = page.nodes[line.node].scored_as;
        text_bytes[node] += line.range.len();
        link_bytes[node] += line.link_bytes;
        let text = &page.text[line.range.clone()];
        let chars = text.chars().count();
        if chars < MIN_SCORED_CHARS || line.link_bytes * 2 > line.range.len() {
            continue;
        }
        own_prose[node] += 1;
        let commas = text.chars().filter(|c| matches!(c, ',' | '\u{FF0C}' | '\u{3001}')).count();
        let points = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        let mut at = node;
        for level in 0..3 {
            scored[at] = true;
            score[at] += points / [1.0, 2.0, 6.0][level];
            if at == 0 {
                break;
            }
            at = page.nodes[page.nodes[at].parent].scored_as;
        }
    }
    // Children come after their parents, so one backward pass sums every subtree.
    let mut prose_in = own_prose.clone();
    let mut prose_branches = vec![0usize; count];
    for node in (1..count).rev() {
        let parent = page.nodes[node].parent;
        text_bytes[parent] += text_bytes[node];
        link_bytes[parent] += link_bytes[node];
        prose_in[parent] += prose_in[node];
        prose_branches[parent] += usize::from(prose_in[node] > 0);
    }
    let final_score = |node: usize| {
        let link_share = link_bytes[node] as f64 / text_bytes[node].max(1) as f64;
        (score[node] + page.nodes[node].weight) * (1.0 - link_share)
    };
    let Some(best) = (0..count).filter(|&n| scored[n]).max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)).then(b.cmp(&a)))
    else {
        return candidates.to_vec();
    };
    let best_score = final_score(best);
    let mut top = story_root(page, best, (0..count).filter(|&n| scored[n] && final_score(n) >= STRONG_SHARE * best_score));
    // Unclosed containers nest each paragraph inside the one before: a container that holds
    // prose of its own and no other branch with prose is the same story.
    while top != 0 {
        let up = page.nodes[page.nodes[top].parent].scored_as;
        if up == 0 || own_prose[up] == 0 || prose_branches[up] != 1 {
            break;
        }
        top = up;
    }
    let top_score = final_score(top).max(best_score);
    let parent = page.nodes[top].parent;
    let bar = (top_score * 0.2).max(10.0);
    let mut chosen = vec![false; count];
    chosen[top] = true;
    if top != 0 {
        for node in 1..count {
            if page.nodes[node].parent == parent && scored[node] && final_score(node) >= bar {
                chosen[node] = true;
            }
        }
    }
    let mut inside = chosen.clone();
    for node in 1..count {
        inside[node] = inside[node] || inside[page.nodes[node].parent];
    }
    candidates
        .iter()
        .copied()
        .filter(|line| {
            inside[line.node]
                || top != 0 && page.nodes[line.node].scored_as == parent && {
                    let text = &page.text[line.range.clone()];
                    line.link_bytes * 4 < line.range.len() && text.chars().count() >= 80
                }
        })
        .collect()
}

/// The container of a story split into parts: the nearest common ancestor of the best
/// container and the others that score near it (a story in several `<section>`s scores each
/// on its own), unless that is the page itself; the best container when none scores near it.
fn story_root(page: &Page, best: usize, strong: impl Iterator<Item = usize>) -> usize {
    let depth = |mut node: usize| {
        let mut depth = 0;
        while node != 0 {
            node = page.nodes[node].parent;
            depth += 1;
        }
        depth
    };
    let mut root = best;
    let mut root_depth = depth(best);
    let mut others = 0;
    for node in strong {
        let (mut a, mut b, mut depth_b) = (root, node, depth(node));
        while root_depth > depth_b {
            a = page.nodes[a].parent;
            root_depth -= 1;
        }
        while depth_b > root_depth {
            b = page.nodes[b].parent;
            depth_b -= 1;
        }
        while a != b {
            a = page.nodes[a].parent;
            b = page.nodes[b].parent;
            root_depth -= 1;
        }
        if a != node && a != root {
            others += 1;
        }
        root = a;
    }
    if others >= MIN_STRONG_OTHERS && root != 0 {
        root
    } else {
        best
    }
}

/// Reads the page into lines and containers.
fn scan(html: &str) -> Page {
    let mut page = Page {
        published: None,
        text: String::with_capacity(html.len() / 2),
        lines: Vec::new(),
        nodes: vec![Node { tag: "", parent: 0, scored_as: 0, weight: 0.0, furniture: false, in_article: false }],
    };
    let mut line = LineWriter::default();
    // Open containers, innermost last, as (name, node).
    let mut open: Vec<(&'static str, usize)> = Vec::new();
    // The skipped element and how many elements of its name are open inside it.
    let mut skipping: Option<(String, usize)> = None;
    let mut open_links = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let node = open.last().map_or(0, |&(_, node)| node);
        if skipping.is_none() {
            line.push_text(&mut page, &rest[..at], node, open_links > 0);
        }
        rest = &rest[at..];
        let after = rest.as_bytes().get(1).copied();
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        if !after.is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) {
            if skipping.is_none() {
                line.push_text(&mut page, "<", node, open_links > 0);
            }
            rest = &rest[1..];
            continue;
        }
        let Some(close) = tag_end(&rest[1..]) else {
            rest = "";
            break;
        };
        let tag = &rest[1..close + 1];
        rest = &rest[close + 2..];
        let closing = tag.starts_with('/');
        let name: String =
            tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let self_closing = tag.ends_with('/') || VOID.contains(&name.as_str());
        if name == "meta" && page.published.is_none() {
            let lower = tag.to_ascii_lowercase();
            let names_date = ["property", "name", "itemprop"]
                .iter()
                .any(|attribute| attribute_value(&lower, attribute).is_some_and(|value| DATE_META.contains(&value)));
            if names_date {
                page.published = attribute_value(&lower, "content").map(|value| value.trim().to_string()).filter(|value| date_line(value).is_some());
            }
        }
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let end = raw_text_end(rest, &name);
            if name == "script" && page.published.is_none() {
                page.published = json_ld_date(&rest[..end]).filter(|value| date_line(value).is_some());
            }
            if name == "title" && skipping.is_none() {
                line.end(&mut page);
                line.push_text(&mut page, &rest[..end], node, false);
                line.end(&mut page);
            }
            rest = &rest[end..];
            rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
            continue;
        }
        match &mut skipping {
            Some((skipped, depth)) => {
                if *skipped == name && closing {
                    if *depth == 0 {
                        skipping = None;
                    } else {
                        *depth -= 1;
                    }
                } else if *skipped == name && !self_closing {
                    *depth += 1;
                }
                continue;
            }
            None if !closing && !self_closing && SKIPPED.contains(&name.as_str()) => {
                skipping = Some((name, 0));
                continue;
            }
            None => {}
        }
        if BLOCKS.contains(&name.as_str()) {
            line.end(&mut page);
        }
        if name == "a" && !self_closing {
            open_links = if closing { open_links.saturating_sub(1) } else { open_links + 1 };
        }
        let Some(&container) = CONTAINERS.iter().find(|&&c| c == name) else { continue };
        if closing {
            if let Some(depth) = open.iter().rev().take(END_TAG_REACH).position(|&(open_name, _)| open_name == container) {
                open.truncate(open.len() - 1 - depth);
            }
        } else if !self_closing {
            if matches!(container, "td" | "th") && open.last().is_some_and(|&(n, _)| matches!(n, "td" | "th")) {
                open.pop();
            }
            let parent = open.last().map_or(0, |&(_, node)| node);
            let lower = tag.to_ascii_lowercase();
            let parent_node = &page.nodes[parent];
            let node = Node {
                tag: container,
                parent,
                scored_as: if container == "span" { parent_node.scored_as } else { page.nodes.len() },
                weight: container_weight(container, &lower),
                furniture: names_any(&lower, FURNITURE_HINTS) && !names_story(&lower),
                in_article: parent_node.in_article || container == "article",
            };
            page.nodes.push(node);
            open.push((container, page.nodes.len() - 1));
        }
    }
    if skipping.is_none() {
        let node = open.last().map_or(0, |&(_, node)| node);
        line.push_text(&mut page, rest, node, open_links > 0);
    }
    line.end(&mut page);
    page
}

/// The line being written: where it starts in [`Page::text`], its container, its link bytes.
#[derive(Default)]
struct LineWriter {
    start: usize,
    node: usize,
    link_bytes: usize,
}

impl LineWriter {
    /// Appends text with runs of whitespace collapsed and character references decoded.
    fn push_text(&mut self, page: &mut Page, raw: &str, node: usize, in_link: bool) {
        let before = page.text.len();
        let mut rest = raw;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('&') {
                if let Some((decoded, used)) = char_reference(after) {
                    if !decoded.is_whitespace() || page.text.len() > self.start && !page.text.ends_with(' ') {
                        page.text.push(if decoded.is_whitespace() { ' ' } else { decoded });
                    }
                    rest = &after[used..];
                    continue;
                }
            }
            let Some(ch) = rest.chars().next() else { break };
            if !ch.is_whitespace() {
                page.text.push(ch);
            } else if page.text.len() > self.start && !page.text.ends_with(' ') {
                page.text.push(' ');
            }
            rest = &rest[ch.len_utf8()..];
        }
        if before == self.start && page.text.len() > before {
            self.node = node;
        }
        if in_link {
            self.link_bytes += page.text.len() - before;
        }
    }

    /// Ends the line, keeping it if it has text.
    fn end(&mut self, page: &mut Page) {
        let trimmed = page.text[self.start..].trim_end().len();
        page.text.truncate(self.start + trimmed);
        if trimmed > 0 {
            page.lines.push(Line { range: self.start..page.text.len(), node: self.node, link_bytes: self.link_bytes.min(trimmed) });
            page.text.push('\n');
        }
        *self = LineWriter { start: page.text.len(), node: 0, link_bytes: 0 };
    }
}

/// Where a tag that starts at `after_open` (the text after its `<`) ends: the index of its
/// `>`, skipping `>` inside quoted attribute values; `None` when the page ends first.
fn tag_end(after_open: &str) -> Option<usize> {
    let bytes = after_open.as_bytes();
    let mut after_equals = false;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at),
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                at += 1 + after_open[at + 1..].find(quote as char)?;
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        at += 1;
    }
    None
}

/// Where a raw-text element's content ends: at its own end tag, matched without regard to
/// case, or at the end of the page.
fn raw_text_end(rest: &str, name: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(found) = rest[from..].find("</") {
        let at = from + found;
        let after = &bytes[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            let next = after.get(name.len()).copied();
            if next.is_none_or(|b| !b.is_ascii_alphanumeric()) {
                return at;
            }
        }
        from = at + 2;
    }
    rest.len()
}

/// The weight a container's tag and class/id words give its score.
fn container_weight(name: &str, lower_tag: &str) -> f64 {
    let tag = match name {
        "div" | "article" | "main" => 5.0,
        "td" | "blockquote" => 3.0,
        "form" | "ul" | "ol" | "dl" => -3.0,
        "th" | "header" => -5.0,
        _ => 0.0,
    };
    let story = if names_any(lower_tag, STORY_HINTS) { 25.0 } else { 0.0 };
    let away = if names_any(lower_tag, FURNITURE_HINTS) || names_any(lower_tag, AWAY_HINTS) { -25.0 } else { 0.0 };
    tag + story + away
}

/// Whether a lower-cased open tag's class or id has a word that is one of `hints`, its plural,
/// or a compound it starts ("commentlist", "sharebar"); a word it merely begins ("shared",
/// "commentary", "menuing") is not one.
fn names_any(lower_tag: &str, hints: &[&str]) -> bool {
    let names = |word: &str, hint: &str| {
        word.strip_prefix(hint).is_some_and(|rest| {
            matches!(rest, "" | "s") || rest.len() >= 3 && !["ary", "ator", "ing"].iter().any(|suffix| rest.starts_with(suffix))
        })
    };
    ["class", "id"].iter().any(|attribute| {
        attribute_value(lower_tag, attribute).is_some_and(|value| {
            value.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| hints.iter().any(|hint| names(word, hint)))
        })
    })
}

/// Whether a class or id of a lower-cased open tag is a story hint as a whole (`class="box
/// article modal-enabled"`): such a container is the story, whatever else its names say.
fn names_story(lower_tag: &str) -> bool {
    ["class", "id"].iter().any(|attribute| {
        attribute_value(lower_tag, attribute).is_some_and(|value| value.split_ascii_whitespace().any(|name| STORY_HINTS.contains(&name)))
    })
}

/// The value of `attribute` in a lower-cased tag's text, quoted or not.
fn attribute_value<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(attribute) {
        let at = from + found;
        from = at + attribute.len();
        let before_ok = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = tag[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value = after[1..].trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
            _ => value.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or(""),
        });
    }
    None
}

/// Decodes a character reference after '&': the char and the bytes used, ';' included.
fn char_reference(after: &str) -> Option<(char, usize)> {
    let end = after.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i)?;
    let name = &after[..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_less_than_sign_inside_a_script_does_not_hide_the_article() {
        let page = "<script>if (a < 1) {}</script><p>First paragraph.</p><script>y()</script><p>Second.</p>";
        assert_eq!(html_to_text(page), "First paragraph.\nSecond.");
        assert_eq!(html_to_text("<style>p{}</STYLE ><p>Kept.</p>"), "Kept.", "end tags match without regard to case");
        assert_eq!(html_to_text("<p>Kept.</p><script>never closed < </p>"), "Kept.");
    }

    #[test]
    fn containers_named_as_furniture_are_dropped_unless_they_hold_the_page() {
        let page = "<div class=\"story\"><p>The gates opened at noon after a week of rain in the valley.</p>\
                    <div class=\"comments\"><div><p>Great article!</p></div><p>First!</p></div>\
                    <p>Engineers said the dam held.</p></div><div id=\"related-stories\"><a>Other news</a></div>";
        assert_eq!(html_to_text(page), "The gates opened at noon after a week of rain in the valley.\nEngineers said the dam held.");
        let wrapped = "<div id=\"theme-taboola\"><p>The whole article sits in a wrapper with an ad name.</p></div>";
        assert_eq!(html_to_text(wrapped), "The whole article sits in a wrapper with an ad name.");
    }

    #[test]
    fn a_story_marked_as_an_article_leaves_the_rest_of_the_page_out() {
        let story = "The gates of the dam opened at noon after a week of rain in the valley. ".repeat(8);
        let page = format!("<div>Top stories today</div><article><h1>Dam opens</h1><p>{story}</p></article><div>Most read</div>");
        assert_eq!(html_to_text(&page), format!("Dam opens\n{}", story.trim()));
        let teaser = "<p>Top stories today and more.</p><article><a>Short teaser</a></article><p>The body of the page.</p>";
        assert_eq!(html_to_text(teaser), "Top stories today and more.\nShort teaser\nThe body of the page.", "a short article is a teaser");
    }

    #[test]
    fn a_less_than_sign_that_opens_no_tag_is_text() {
        assert_eq!(html_to_text("<p>If a < b and c <= d, then 3<4.</p>"), "If a < b and c <= d, then 3<4.");
    }

    #[test]
    fn a_quoted_attribute_value_may_hold_markup() {
        let page = "<div data-gallery='{\"caption\":\"<p>A photo caption.</p>\"}'><p>The gates opened at noon.</p></div>";
        assert_eq!(html_to_text(page), "The gates opened at noon.");
        assert_eq!(html_to_text("<p>Kept.</p><img alt=\"never closed"), "Kept.");
    }

    #[test]
    fn the_container_with_the_most_prose_is_the_story() {
        let paragraph = "The gates of the dam opened at noon, after a week of rain, and the river rose by a metre. ";
        let story: String = (0..6).map(|_| format!("<p>{paragraph}</p>")).collect();
        let links: String = (0..12).map(|k| format!("<li><a href=\"/{k}\">Another story about the weather number {k}</a></li>")).collect();
        let page = format!("<body><div class=\"promo-strip\"><p>Subscribe today for only one pound a week.</p></div>\
                            <div class=\"page\"><div class=\"body-copy\">{story}</div><div><ul>{links}</ul></div></div></body>");
        assert_eq!(html_to_text(&page), [paragraph.trim(); 6].join("\n"));
    }

    #[test]
    fn a_page_of_short_blocks_keeps_them_all() {
        let page = "<div><p>Water levels, Monday.</p></div><div><p>Rain: 40 mm.</p></div><div><p>River: 3.2 m, rising.</p></div>";
        assert_eq!(html_to_text(page), "Water levels, Monday.\nRain: 40 mm.\nRiver: 3.2 m, rising.");
    }

    #[test]
    fn deep_and_broken_markup_is_read_in_linear_time() {
        let deep = "<div>".repeat(10_000) + "<p>Deep text.</p>" + &"</section>".repeat(100_000);
        assert_eq!(html_to_text(&deep), "Deep text.");
        let script = format!("<p>Before.</p><script>{}</script><p>After.</p>", "var a = 1 < 2;".repeat(1_500_000));
        assert_eq!(html_to_text(&script), "Before.\nAfter.");
        assert_eq!(html_to_text("<div class=\"a><p>unclosed quote"), "");
        assert_eq!(html_to_text("<<<<>>>><p><</p>"), "<<<<>>>>\n<");
    }

    #[test]
    fn the_date_in_a_pages_metadata_becomes_a_date_line_before_the_story() {
        let story = "<article><p>The spillway of the Dolva dam gave way late on Tuesday night, the council said.</p></article>";
        let meta = format!("<head><meta property=\"article:published_time\" content=\"2031-10-15T08:10:00Z\"></head><body>{story}</body>");
        assert_eq!(html_to_text(&meta), "Published 15 October 2031\nThe spillway of the Dolva dam gave way late on Tuesday night, the council said.");
        let json_ld = format!("<script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"datePublished\": \"2031-10-16\"}}</script>{story}");
        assert!(html_to_text(&json_ld).starts_with("Published 16 October 2031\n"));
        let nonsense = format!("<meta name=\"date\" content=\"yesterday\">{story}");
        assert!(!html_to_text(&nonsense).contains("Published"), "a date that is not ISO 8601 is left out");
        let later = format!("<meta name=\"date\" content=\"Oct 15, 2031\"><META PROPERTY=\"article:published_time\" CONTENT=\" 2031-10-17 \">{story}");
        assert!(html_to_text(&later).starts_with("Published 17 October 2031\n"), "an unreadable date does not hide a readable one");
        assert_eq!(html_to_text("<meta name=\"date\" content=\"2031-10-15\">"), "", "no story, no date line");
    }
}
