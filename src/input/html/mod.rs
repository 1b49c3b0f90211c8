//! An HTML page reduced to the text of its story.
//!
//! In: the page's text. Out: one line per block of the story, character references decoded,
//! after the header lines its metadata gives and before the lines left out of it, under a
//! [`LEFT_OUT`] line that makes the reading stage keep them as boilerplate (shown, not
//! compared).
//! The page is read into lines, each knowing the innermost container it sits in (`div`,
//! `section`, `article`, `td`, ...); the containers form a tree. Then:
//! 1. scripts, styles, navigation, footers, asides and form controls never give a line;
//! 2. containers whose class or id names page furniture (comments, related stories, share
//!    bars, newsletter boxes) are left out, unless one holds the page's `<article>` or over
//!    half of its text (the name sat on a wrapper of the story);
//! 3. a story marked with `<article>` elements holding at least [`story::MIN_ARTICLE_BYTES`] and a
//!    fifth of the text keeps only their lines;
//! 4. the lines left are scored the way content extractors score paragraphs: every line of 25
//!    characters or more that is not mostly link text gives its container, and less its
//!    ancestors, a score from its length and commas; a container's score is weighted by its
//!    tag and class/id words and by how little of its text is link text. The best container
//!    (or the common ancestor of it and another that scores near it: a story in several
//!    sections; or an ancestor holding prose of its own and no other: unclosed containers)
//!    and its siblings that score near it are the story, unless they hold under
//!    [`story::MIN_STORY_SHARE`] of the text ([`story::MIN_STORY_SHARE_IN_ARTICLE`] inside `<article>`s);
//! 5. inside the story, a line that is all link text and no sentence is a teaser and is left
//!    out; and a story the page shows cut short is replaced by its JSON-LD `articleBody` when
//!    that is half as long again.
//!
//! On the saved-pages eval (`make eval`) steps 3 and 4 together took the 94 real Readability
//! pages from token F1 0.892 (steps 1 to 3 alone) to 0.945, and trafilatura's snippets from
//! 0.873 to 0.911, with a hand-written tokenizer; html5ever's tree took them to 0.952 and 0.913,
//! and step 5 the snippets from 0.932 to 0.941 (Readability 0.951).
//!
//! Two parts: [`dom`] parses the page with html5ever into the tree a browser builds and walks
//! it into [`Blocks`], a neutral list of containers (tag, class and id, parent) and text runs;
//! [`story`] picks the story's lines from the [`Page`] those make and knows nothing of markup;
//! [`meta`] writes what the page's metadata says (headline, author, outlet, date) as header
//! lines before the story, where the reading stage finds them as in a text file.
//! html5ever is compiled into the wasm too, rather than walking the browser's `DOMParser` in
//! JavaScript: one front end means the CLI and the page read a saved page into the same text,
//! character for character (the e2e suite checks it on real saved pages), and a dropped page's
//! inline styles raise no Content-Security-Policy reports in the embedding page (Cargo.toml
//! says what the parser costs).

mod dom;
mod meta;
mod story;

use crate::read::clean::LEFT_OUT;

/// Elements whose content is never article text.
const SKIPPED: &[&str] =
    &["script", "style", "noscript", "template", "svg", "head", "nav", "footer", "iframe", "aside", "select", "button", "textarea", "math"];
/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "article", "section", "header", "blockquote",
    "figcaption", "figure", "main", "ul", "ol", "dl", "dt", "dd", "table", "hr", "title", "pre", "form",
];
/// Elements tracked as containers of lines. `span` is tracked only because a class can mark it
/// as furniture.
const CONTAINERS: &[&str] = &[
    "body", "div", "section", "article", "main", "header", "form", "ul", "ol", "dl", "table", "blockquote", "figure", "td", "th", "span",
];

/// A parsed page as the story finder needs it: a neutral list that knows nothing of the parser
/// that read the page ([`dom`] walks html5ever's tree into it, in document order):
/// - elements in [`SKIPPED`] are left out with all they hold;
/// - each element in [`CONTAINERS`] adds a [`Container`] inside the innermost open one;
/// - each text node adds a [`Run`] with its text as written (whitespace is collapsed here);
/// - each element in [`BLOCKS`] adds a line break before and after its content.
#[derive(Debug, Default)]
struct Blocks {
    /// The containers in document order, each after its parent; the page itself is
    /// container 0 and is implied when the list is empty.
    containers: Vec<Container>,
    /// The text and line breaks, in document order.
    runs: Vec<Run>,
    /// Each `<meta>` element's `property`, `name` and `itemprop` value (in that order, those
    /// it has) with its `content`, in page order.
    metas: Vec<(String, String)>,
    /// The text of each `<script type="application/ld+json">`, in page order.
    json_ld: Vec<String>,
    /// The text of the page's first `<title>`.
    title: Option<String>,
}

/// An element that holds lines: its tag, its class and id, and where it sits.
#[derive(Debug, Default)]
struct Container {
    /// The tag name in lower case.
    tag: String,
    /// Its class and id, lower-cased, separated by a space.
    names: String,
    /// The index of the container it sits in; one not before it counts as the page.
    parent: usize,
}

/// A piece of text, or a line break when `text` is `None`.
#[derive(Debug, Clone)]
struct Run {
    /// The text node's text as written; `None` for a line break.
    text: Option<String>,
    /// The innermost container open around it; one out of range counts as the page.
    container: usize,
    /// Inside a link.
    link: bool,
}

/// Reduces an HTML page to the text of its story; see the module documentation.
///
/// ```
/// use crosscheck::input::html_to_text;
/// let page = "<nav>Home</nav><div class=\"story\"><p>The gates opened at noon, the council said.</p></div>";
/// assert_eq!(html_to_text(page), "The gates opened at noon, the council said.");
/// ```
pub fn html_to_text(html: &str) -> String {
    blocks_to_text(&dom::blocks(html))
}

/// The text of a parsed page: the header lines its metadata gives, one line per block of its
/// story, then what was left out of it.
fn blocks_to_text(blocks: &Blocks) -> String {
    let page = Page::of(blocks);
    let mut kept: Vec<&Line> = story::story(&page).into_iter().filter(|line| !is_link_teaser(&page, line)).collect();
    let story_bytes: usize = kept.iter().map(|line| line.range.len()).sum();
    let mut story: Vec<String> = kept.iter().map(|line| page.text[line.range.clone()].to_string()).collect();
    // A page that shows only the start of its story (behind a paywall, or filled in by its
    // scripts) often gives the whole of it in its JSON-LD `articleBody`.
    if let Some(body) = meta::json_ld_article_body(blocks).filter(|body| body.len() >= MIN_ARTICLE_BODY && body.len() * 2 > story_bytes * 3) {
        story = article_body_lines(&body);
        kept.clear();
    }
    if story.is_empty() {
        return String::new();
    }
    let mut lines = meta::Header::of(blocks).lines(&story.iter().map(String::as_str).collect::<Vec<_>>());
    lines.extend(story);
    lines.extend(left_out(&page, &kept));
    lines.join("\n")
}

/// Lines of the page left out of its story, shown at most, and their bytes at most: enough to
/// see what was removed, never enough to make a page's text outgrow the article limits.
const MAX_LEFT_OUT_LINES: usize = 200;
const MAX_LEFT_OUT_BYTES: usize = 64 * 1024;

/// The page's lines that are not its story, in page order, under a [`LEFT_OUT`] line that
/// says what they are: the reading stage makes them boilerplate, so the article view shows
/// what was taken out of the page and the comparison never sees it.
fn left_out(page: &Page, kept: &[&Line]) -> Vec<String> {
    let kept: std::collections::HashSet<usize> = kept.iter().map(|line| line.range.start).collect();
    let dropped: Vec<&str> = page.lines.iter().filter(|line| !kept.contains(&line.range.start)).map(|line| &page.text[line.range.clone()]).collect();
    if dropped.is_empty() {
        return Vec::new();
    }
    let mut bytes = 0;
    let shown = dropped
        .iter()
        .take(MAX_LEFT_OUT_LINES)
        .take_while(|line| {
            bytes += line.len();
            bytes <= MAX_LEFT_OUT_BYTES
        })
        .count();
    if shown == 0 {
        return Vec::new();
    }
    let what = if shown < dropped.len() { format!("the first {shown} of {} lines", dropped.len()) } else if shown == 1 { "1 line".to_string() } else { format!("{shown} lines") };
    let mut lines = vec![format!("{LEFT_OUT} {what} of the saved page beside its story (comments, teasers, related links and the like)")];
    lines.extend(dropped.into_iter().take(shown).map(str::to_string));
    lines
}

/// A line that is all link text and no sentence, inside the story: a teaser for another
/// story ("The latest news about the outbreak"), a "Learn more about …" or a list of links.
/// Three words or more: shorter link lines are mostly part of the story's own text, a name or
/// a product, and the cleaning stage judges them.
fn is_link_teaser(page: &Page, line: &Line) -> bool {
    let text = &page.text[line.range.clone()];
    line.link_bytes * 10 >= text.len() * 9
        && text.split_whitespace().count() >= 3
        && !text.trim_end().ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
}

/// Shortest JSON-LD `articleBody` taken instead of the story found in the page, in bytes.
const MIN_ARTICLE_BODY: usize = 500;

/// The lines of a JSON-LD `articleBody`: its paragraphs, or its blocks when it holds markup.
fn article_body_lines(body: &str) -> Vec<String> {
    if body.contains("</") || body.contains("<br") {
        let blocks = dom::blocks(body);
        let page = Page::of(&blocks);
        return page.lines.iter().map(|line| page.text[line.range.clone()].to_string()).collect();
    }
    body.lines().map(meta::collapse).filter(|line| !line.is_empty()).collect()
}

/// A page read into lines and the containers they sit in: what [`story`] works on.
struct Page<'a> {
    /// Every line's text, each followed by a line break.
    text: String,
    lines: Vec<Line>,
    /// Containers in document order; 0 is the page itself, and a parent comes before its
    /// children.
    nodes: Vec<Node<'a>>,
}

impl<'a> Page<'a> {
    fn of(blocks: &'a Blocks) -> Page<'a> {
        let mut page = Page { text: String::new(), lines: Vec::new(), nodes: vec![Node::page()] };
        for (index, container) in blocks.containers.iter().enumerate().skip(1) {
            let parent = if container.parent < index { container.parent } else { 0 };
            let node = Node::new(&container.tag, &container.names, parent, &page.nodes[parent], index);
            page.nodes.push(node);
        }
        let mut line = LineWriter::default();
        for run in &blocks.runs {
            match &run.text {
                Some(text) => {
                    let container = if run.container < page.nodes.len() { run.container } else { 0 };
                    line.push_text(&mut page, text, container, run.link);
                }
                None => line.end(&mut page),
            }
        }
        line.end(&mut page);
        page
    }
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

/// One container element: its [`Container`] and what its place in the tree gives it.
struct Node<'a> {
    tag: &'a str,
    /// Its class and id, lower-cased, separated by a space.
    names: &'a str,
    parent: usize,
    /// The node that takes this one's score: itself, or for a `span` its nearest ancestor
    /// that is not one.
    scored_as: usize,
    /// Inside an `<article>`.
    in_article: bool,
}

impl<'a> Node<'a> {
    /// The page itself, container 0.
    fn page() -> Self {
        Node { tag: "", names: "", parent: 0, scored_as: 0, in_article: false }
    }

    /// Container number `index`, a `tag` with class and id `names` inside `parent`.
    fn new(tag: &'a str, names: &'a str, parent: usize, parent_node: &Node, index: usize) -> Self {
        Node {
            tag,
            names,
            parent,
            scored_as: if tag == "span" { parent_node.scored_as } else { index },
            in_article: parent_node.in_article || tag == "article",
        }
    }
}

/// The line being written: where it starts in [`Page::text`], its container, its link bytes.
#[derive(Default)]
struct LineWriter {
    start: usize,
    node: usize,
    link_bytes: usize,
}

impl LineWriter {
    /// Appends text with runs of whitespace collapsed.
    fn push_text(&mut self, page: &mut Page<'_>, raw: &str, node: usize, in_link: bool) {
        let before = page.text.len();
        for ch in raw.chars() {
            if !ch.is_whitespace() {
                page.text.push(ch);
            } else if page.text.len() > self.start && !page.text.ends_with(' ') {
                page.text.push(' ');
            }
        }
        if before == self.start && page.text.len() > before {
            self.node = node;
        }
        if in_link {
            self.link_bytes += page.text.len() - before;
        }
    }

    /// Ends the line, keeping it if it has text.
    fn end(&mut self, page: &mut Page<'_>) {
        let trimmed = page.text[self.start..].trim_end().len();
        page.text.truncate(self.start + trimmed);
        if trimmed > 0 {
            page.lines.push(Line { range: self.start..page.text.len(), node: self.node, link_bytes: self.link_bytes.min(trimmed) });
            page.text.push('\n');
        }
        *self = LineWriter { start: page.text.len(), node: 0, link_bytes: 0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Role;

    /// The story of a page without the lines left out of it.
    fn story_of(page: &str) -> String {
        let text = html_to_text(page);
        text.split(&format!("\n{LEFT_OUT}")).next().unwrap_or_default().to_string()
    }

    #[test]
    fn what_is_not_the_story_follows_it_under_a_line_that_says_so() {
        let story = "<div class=\"story\"><p>The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.</p>\
                     <p>About 4,000 people left their homes overnight, the council said.</p></div>";
        let page = format!("<div class=\"comments\"><p>First!</p><p>What a shame.</p></div>{story}<div class=\"related\"><p><a href=\"/x\">Storm hits the coast again</a></p></div>");
        assert_eq!(
            html_to_text(&page),
            "The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.\n\
             About 4,000 people left their homes overnight, the council said.\n\
             Left out of the comparison: 3 lines of the saved page beside its story (comments, teasers, related links and the like)\n\
             First!\nWhat a shame.\nStorm hits the coast again"
        );
        let layout = crate::read::clean::clean(&html_to_text(&page));
        let roles: Vec<Role> = layout.blocks.iter().map(|block| block.role).collect();
        assert_eq!(roles, [Role::Body, Role::Body, Role::Boilerplate, Role::Boilerplate, Role::Boilerplate, Role::Boilerplate]);
        let many = format!("{}<div class=\"comments\">{}</div>", story.repeat(20), "<p>Me too.</p>".repeat(300));
        let text = html_to_text(&many);
        assert!(text.contains("\nLeft out of the comparison: the first 200 of 300 lines"), "{text}");
        assert_eq!(text.lines().count(), 40 + 1 + 200);
        let long = dom::blocks(&format!("<p>{}</p>", "Me too. ".repeat(1_000)).repeat(20));
        let lines = left_out(&Page::of(&long), &[]);
        assert!(lines[0].starts_with("Left out of the comparison: the first 8 of 20 lines"), "{}", lines[0]);
        assert_eq!(lines.len(), 1 + 8, "64 KB of left-out text at most");
    }

    #[test]
    fn a_line_of_links_inside_the_story_is_a_teaser() {
        let page = "<div class=\"story\"><p>The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.</p>\
                    <p><a href=\"/live\">The latest news about the flood in Kharzin</a></p>\
                    <p>About 4,000 people left their homes overnight, <a href=\"/council\">the council</a> said.</p></div>";
        assert_eq!(
            story_of(page),
            "The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.\n\
             About 4,000 people left their homes overnight, the council said."
        );
        assert!(html_to_text(page).ends_with("\nThe latest news about the flood in Kharzin"), "kept to be shown");
    }

    #[test]
    fn a_less_than_sign_inside_a_script_does_not_hide_the_article() {
        let page = "<script>if (a < 1) {}</script><p>First paragraph.</p><script>y()</script><p>Second.</p>";
        assert_eq!(story_of(page), "First paragraph.\nSecond.");
        assert_eq!(story_of("<style>p{}</STYLE ><p>Kept.</p>"), "Kept.", "end tags match without regard to case");
        assert_eq!(story_of("<p>Kept.</p><script>never closed < </p>"), "Kept.");
    }

    #[test]
    fn containers_named_as_furniture_are_dropped_unless_they_hold_the_page() {
        let page = "<div class=\"story\"><p>The gates opened at noon after a week of rain in the valley.</p>\
                    <div class=\"comments\"><div><p>Great article!</p></div><p>First!</p></div>\
                    <p>Engineers said the dam held.</p></div><div id=\"related-stories\"><a>Other news</a></div>";
        assert_eq!(story_of(page), "The gates opened at noon after a week of rain in the valley.\nEngineers said the dam held.");
        let wrapped = "<div id=\"theme-taboola\"><p>The whole article sits in a wrapper with an ad name.</p></div>";
        assert_eq!(story_of(wrapped), "The whole article sits in a wrapper with an ad name.");
    }

    #[test]
    fn a_story_marked_as_an_article_leaves_the_rest_of_the_page_out() {
        let story = "The gates of the dam opened at noon after a week of rain in the valley. ".repeat(8);
        let page = format!("<div>Top stories today</div><article><h1>Dam opens</h1><p>{story}</p></article><div>Most read</div>");
        assert_eq!(story_of(&page), format!("Dam opens\n{}", story.trim()));
        let teaser = "<p>Top stories today and more.</p><article><a>Short teaser</a></article><p>The body of the page.</p>";
        assert_eq!(story_of(teaser), "Top stories today and more.\nShort teaser\nThe body of the page.", "a short article is a teaser");
    }

    #[test]
    fn a_less_than_sign_that_opens_no_tag_is_text() {
        assert_eq!(story_of("<p>If a < b and c <= d, then 3<4.</p>"), "If a < b and c <= d, then 3<4.");
    }

    #[test]
    fn a_quoted_attribute_value_may_hold_markup() {
        let page = "<div data-gallery='{\"caption\":\"<p>A photo caption.</p>\"}'><p>The gates opened at noon.</p></div>";
        assert_eq!(story_of(page), "The gates opened at noon.");
        assert_eq!(story_of("<p>Kept.</p><img alt=\"never closed"), "Kept.");
    }

    #[test]
    fn the_container_with_the_most_prose_is_the_story() {
        let paragraph = "The gates of the dam opened at noon, after a week of rain, and the river rose by a metre. ";
        let story: String = (0..6).map(|_| format!("<p>{paragraph}</p>")).collect();
        let links: String = (0..12).map(|k| format!("<li><a href=\"/{k}\">Another story about the weather number {k}</a></li>")).collect();
        let page = format!("<body><div class=\"promo-strip\"><p>Subscribe today for only one pound a week.</p></div>\
                            <div class=\"page\"><div class=\"body-copy\">{story}</div><div><ul>{links}</ul></div></div></body>");
        assert_eq!(story_of(&page), [paragraph.trim(); 6].join("\n"));
    }

    #[test]
    fn a_page_of_short_blocks_keeps_them_all() {
        let page = "<div><p>Water levels, Monday.</p></div><div><p>Rain: 40 mm.</p></div><div><p>River: 3.2 m, rising.</p></div>";
        assert_eq!(story_of(page), "Water levels, Monday.\nRain: 40 mm.\nRiver: 3.2 m, rising.");
    }

    #[test]
    fn deep_and_broken_markup_is_read_in_linear_time() {
        let deep = "<div>".repeat(10_000) + "<p>Deep text.</p>" + &"</section>".repeat(100_000);
        assert_eq!(story_of(&deep), "Deep text.");
        let script = format!("<p>Before.</p><script>{}</script><p>After.</p>", "var a = 1 < 2;".repeat(1_500_000));
        assert_eq!(story_of(&script), "Before.\nAfter.");
        assert_eq!(story_of("<div class=\"a><p>unclosed quote"), "");
        assert_eq!(story_of("<<<<>>>><p><</p>"), "<<<<>>>>\n<");
    }

    #[test]
    fn the_date_in_a_pages_metadata_becomes_a_date_line_before_the_story() {
        let story = "<article><p>The spillway of the Dolva dam gave way late on Tuesday night, the council said.</p></article>";
        let meta = format!("<head><meta property=\"article:published_time\" content=\"2031-10-15T08:10:00Z\"></head><body>{story}</body>");
        assert_eq!(story_of(&meta), "Published 15 October 2031\nThe spillway of the Dolva dam gave way late on Tuesday night, the council said.");
        let json_ld = format!("<script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"datePublished\": \"2031-10-16\"}}</script>{story}");
        assert!(story_of(&json_ld).starts_with("Published 16 October 2031\n"));
        let nonsense = format!("<meta name=\"date\" content=\"yesterday\">{story}");
        assert!(!story_of(&nonsense).contains("Published"), "a date that is not ISO 8601 is left out");
        let later = format!("<meta name=\"date\" content=\"Oct 15, 2031\"><META PROPERTY=\"article:published_time\" CONTENT=\" 2031-10-17 \">{story}");
        assert!(story_of(&later).starts_with("Published 17 October 2031\n"), "an unreadable date does not hide a readable one");
        assert_eq!(story_of("<meta name=\"date\" content=\"2031-10-15\">"), "", "no story, no date line");
    }

    #[test]
    fn a_story_cut_short_on_the_page_is_read_whole_from_its_json_ld() {
        let paragraph = "The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.";
        let body = format!("{paragraph}\\n\\nAbout 4,000 people left their homes overnight, the council said. {}", "Rescue crews used boats. ".repeat(20));
        let page = format!(
            "<script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"articleBody\": \"{body}\"}}</script>\
             <div class=\"story\"><p>{paragraph}</p><p>Subscribe to read the rest of this story.</p></div>"
        );
        let text = story_of(&page);
        assert!(text.starts_with(paragraph) && text.contains("\nAbout 4,000 people left") && !text.contains("Subscribe"), "{text}");
        let whole = format!("<script type=\"application/ld+json\">{{\"articleBody\": \"{paragraph}\"}}</script><p>{paragraph}</p><p>More text.</p>");
        assert_eq!(story_of(&whole), format!("{paragraph}\nMore text."), "a page that shows its story keeps it");
    }

    #[test]
    fn a_container_named_for_what_it_lacks_is_not_furniture() {
        let story = "<p>The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.</p>";
        let page = format!("<div class=\"entry-content no-share\">{story}</div><div class=\"share-bar\">{}</div>", "<p>Share this story with your friends on every network you use.</p>".repeat(3));
        assert_eq!(story_of(&page), "The spillway of the Dolva dam gave way late on Tuesday night, flooding the lower district of Petrivka.");
    }

    #[test]
    fn a_post_kept_in_a_script_template_inside_the_article_body_is_read() {
        let post = "<p>Over the past few years we have seen threats on the web becoming increasingly sophisticated.</p>";
        let page = format!("<div itemprop=\"articleBody\"><script type=\"text/template\">{post}</script></div>");
        assert_eq!(story_of(&page), "Over the past few years we have seen threats on the web becoming increasingly sophisticated.");
        let widget = format!("<div class=\"story\"><p>The gates opened at noon.</p><script type=\"text/template\">{post}</script></div>");
        assert_eq!(story_of(&widget), "The gates opened at noon.", "a template elsewhere is a widget");
    }
}
