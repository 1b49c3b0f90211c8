//! Which lines of a page are its story.
//!
//! In: a [`Page`] (lines and the containers they sit in, from any front end). Out: the lines of
//! the story, in page order. The steps are those of the module above: furniture containers,
//! `<article>` elements, then scoring containers by their prose.

use super::{Line, Page};

/// Lines of the story; see the module documentation of [`super`].
pub(super) fn story<'p>(page: &'p Page<'_>) -> Vec<&'p Line> {
    let furniture = furniture(page);
    let bytes_of = |lines: &[&Line]| lines.iter().map(|line| line.range.len()).sum::<usize>();
    let outside_furniture: Vec<&Line> = page.lines.iter().filter(|line| !furniture[line.node]).collect();
    let in_articles: Vec<&Line> = outside_furniture.iter().copied().filter(|line| page.nodes[line.node].in_article).collect();
    let article_bytes = bytes_of(&in_articles);
    let marked = article_bytes >= MIN_ARTICLE_BYTES && article_bytes * 5 >= bytes_of(&outside_furniture);
    let (candidates, min_share) =
        if marked { (in_articles, MIN_STORY_SHARE_IN_ARTICLE) } else { (outside_furniture, MIN_STORY_SHARE) };
    let story = story_lines(page, &candidates);
    if bytes_of(&story) as f64 >= min_share * bytes_of(&candidates) as f64 {
        story
    } else {
        candidates
    }
}

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
pub(super) const MIN_ARTICLE_BYTES: usize = 500;
/// Lines shorter than this many characters give their containers no score (buttons, links).
const MIN_SCORED_CHARS: usize = 25;
/// The scored story must hold at least this share of the text, or the whole text is kept:
/// a page of many short blocks has no container that stands out.
pub(super) const MIN_STORY_SHARE: f64 = 0.25;
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
pub(super) const MIN_STORY_SHARE_IN_ARTICLE: f64 = 0.8;

/// Decides which containers are furniture: those named so, unless they hold an `<article>` or
/// `<main>` of [`MIN_ARTICLE_BYTES`] or more or over [`MAX_FURNITURE_SHARE`] of the page's
/// text (the name sat on a wrapper of the story), and everything inside them; one flag per
/// container.
fn furniture(page: &Page) -> Vec<bool> {
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
    let mut furniture = vec![false; page.nodes.len()];
    for node in 1..page.nodes.len() {
        let names = page.nodes[node].names;
        let named = names_any(names, FURNITURE_HINTS) && !names_story(names);
        let kept = holds_story[node] || (subtree[node] as f64) > MAX_FURNITURE_SHARE * total;
        furniture[node] = named && !kept || furniture[page.nodes[node].parent];
    }
    furniture
}

/// The lines of the best-scoring container and of its siblings that score near it, plus
/// long lines that stand beside them in their parent; see the module documentation.
fn story_lines<'a>(page: &Page, candidates: &[&'a Line]) -> Vec<&'a Line> {
    let count = page.nodes.len();
    let weight: Vec<f64> = page.nodes.iter().map(|node| container_weight(node.tag, node.names)).collect();
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
        (score[node] + weight[node]) * (1.0 - link_share)
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

/// The weight a container's tag and class/id words give its score.
fn container_weight(name: &str, names: &str) -> f64 {
    let tag = match name {
        "div" | "article" | "main" => 5.0,
        "td" | "blockquote" => 3.0,
        "form" | "ul" | "ol" | "dl" => -3.0,
        "th" | "header" => -5.0,
        _ => 0.0,
    };
    let story = if names_any(names, STORY_HINTS) { 25.0 } else { 0.0 };
    let away = if names_any(names, FURNITURE_HINTS) || names_any(names, AWAY_HINTS) { -25.0 } else { 0.0 };
    tag + story + away
}

/// Whether a container's lower-cased class and id have a word that is one of `hints`, its
/// plural, or a compound it starts ("commentlist", "sharebar"); a word it merely begins
/// ("shared", "commentary", "menuing") is not one.
fn names_any(names: &str, hints: &[&str]) -> bool {
    let names_hint = |word: &str, hint: &str| {
        word.strip_prefix(hint).is_some_and(|rest| {
            matches!(rest, "" | "s") || rest.len() >= 3 && !["ary", "ator", "ing"].iter().any(|suffix| rest.starts_with(suffix))
        })
    };
    // "no-share" says that a container has no share bar, not that it is one.
    let negated = |name: &&str| name.starts_with("no-") || name.starts_with("no_");
    names
        .split_ascii_whitespace()
        .filter(|name| !negated(name))
        .flat_map(|name| name.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|word| hints.iter().any(|hint| names_hint(word, hint)))
}

/// Whether one of a container's class names or its id is a story hint as a whole (`class="box
/// article modal-enabled"`): such a container is the story, whatever else its names say.
fn names_story(names: &str) -> bool {
    names.split_ascii_whitespace().any(|name| STORY_HINTS.contains(&name))
}
