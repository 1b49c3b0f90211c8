//! The page parsed by html5ever, the HTML parser of Servo, and walked into [`Blocks`].
//!
//! In: the page's text. Out: its [`Blocks`], walked as that type's documentation says.
//! html5ever follows the HTML standard's tokenizer and tree construction, so the
//! tree is the one a browser builds: raw-text elements end only at their own end tag, a `<`
//! that opens no tag is text, every named character reference is decoded, and implied end
//! tags, misnested formatting and tables are settled as the standard says. The tree lives in
//! one arena ([`Arena`]) and is walked with an explicit stack, so 10,000 nested `<div>`s need
//! no deep recursion.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult};

use super::{Blocks, Container, Run, BLOCKS, CONTAINERS, SKIPPED};

/// How many elements that need an end tag may be open at once; the start tags of deeper ones
/// are left out, their content kept. Blink's parser stops nesting at the same depth. Without a
/// bound, each start and end tag makes the tree builder search the open elements, so 10,000
/// nested `<div>`s took 0.2 s and the same with 100,000 stray end tags 4 s.
const MAX_OPEN: usize = 512;
/// Elements whose end tag may be left out: the tree builder closes them itself, so they are
/// not counted against [`MAX_OPEN`].
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp", "tr", "td", "th", "tbody", "thead",
    "tfoot", "colgroup", "caption",
];
/// Elements that never have content.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose content the tokenizer reads as text; their start tag is always passed on,
/// since leaving it out would read a script's content as markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Parses the page into its blocks.
pub(super) fn blocks(html: &str) -> Blocks {
    let arena = parse(html);
    let nodes = arena.nodes.borrow();
    let mut blocks = Blocks { containers: vec![Container::default()], ..Blocks::default() };
    for node in nodes.iter() {
        match &*node.name.local {
            "meta" => {
                let content = node.attr("content").unwrap_or("");
                for attribute in ["property", "name", "itemprop"] {
                    if let Some(name) = node.attr(attribute) {
                        blocks.metas.push((name.to_string(), content.to_string()));
                    }
                }
            }
            "title" if blocks.title.is_none() => {
                blocks.title = node.first_child.map(|child| nodes[child].text.clone());
            }
            "script" if node.attr("type").is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json")) => {
                blocks.json_ld.push(node.first_child.map_or("", |child| nodes[child].text.as_str()).to_string());
            }
            _ => {}
        }
    }
    walk(&nodes, &mut blocks, 0, true);
    blocks
}

/// Script types that hold markup for the page's scripts to show. Blogger keeps a whole post
/// in one (`<script type="text/template">`) right inside the element schema.org marks as the
/// `articleBody`, and there its markup is read as part of the page; elsewhere such templates
/// are widgets (comment forms, galleries) and stay out.
const MARKUP_SCRIPTS: &[&str] = &["text/template", "text/html", "text/x-template"];

/// The tree of a page.
fn parse(html: &str) -> Arena {
    let builder = TreeBuilder::new(Arena::default(), Default::default());
    let tokenizer = Tokenizer::new(OpenLimit { builder, open: RefCell::new(Vec::new()) }, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // The tokenizer pauses after each script and at a `<meta charset>`: the page's bytes are
    // already decoded (`input::decode`), so both only mean: go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let OpenLimit { builder, .. } = tokenizer.sink;
    builder.sink
}

/// Passes the tokens on to the tree builder, keeping at most [`MAX_OPEN`] elements that need
/// an end tag open, and dropping end tags that close none of them (the tree builder would
/// search its open elements for each and then ignore it).
struct OpenLimit {
    builder: TreeBuilder<usize, Arena>,
    /// The counted elements open, innermost last, as the tree builder would have them when
    /// the page closes what it opens.
    open: RefCell<Vec<LocalName>>,
}

impl TokenSink for OpenLimit {
    type Handle = usize;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<usize> {
        if let Token::TagToken(tag) = &token {
            let name = &*tag.name;
            let counted = ![OPTIONAL_END, VOID, RAW_TEXT].iter().any(|names| names.contains(&name));
            if counted {
                let mut open = self.open.borrow_mut();
                match tag.kind {
                    TagKind::StartTag if open.len() >= MAX_OPEN => return TokenSinkResult::Continue,
                    TagKind::StartTag => open.push(tag.name.clone()),
                    TagKind::EndTag => match open.iter().rposition(|open_name| *open_name == tag.name) {
                        Some(at) => open.truncate(at),
                        None => return TokenSinkResult::Continue,
                    },
                }
            }
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// One node of the parsed tree; its family as indices into [`Arena::nodes`], so that inserting
/// before a sibling and taking a node out are constant time whatever the number of siblings.
struct DomNode {
    /// The element's name; empty for the document, text and comments.
    name: QualName,
    attrs: Vec<Attribute>,
    text: String,
    parent: Option<usize>,
    first_child: Option<usize>,
    last_child: Option<usize>,
    previous: Option<usize>,
    next: Option<usize>,
    /// A `<template>`'s contents, a fragment outside the tree.
    contents: Option<usize>,
}

impl DomNode {
    fn new(name: QualName, attrs: Vec<Attribute>, text: String) -> Self {
        DomNode { name, attrs, text, parent: None, first_child: None, last_child: None, previous: None, next: None, contents: None }
    }

    fn is_text(&self) -> bool {
        self.name.local.is_empty() && !self.text.is_empty()
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|attr| &*attr.name.local == name).map(|attr| &*attr.value)
    }
}

/// The tree html5ever builds: every node in one vector, node 0 the document.
struct Arena {
    nodes: RefCell<Vec<DomNode>>,
}

impl Default for Arena {
    fn default() -> Self {
        Arena { nodes: RefCell::new(vec![DomNode::new(no_name(), Vec::new(), String::new())]) }
    }
}

fn no_name() -> QualName {
    QualName::new(None, Namespace::from(""), LocalName::from(""))
}

impl Arena {
    fn push(&self, node: DomNode) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        nodes.len() - 1
    }

    fn detach(nodes: &mut [DomNode], node: usize) {
        let Some(parent) = nodes[node].parent.take() else { return };
        let (previous, next) = (nodes[node].previous.take(), nodes[node].next.take());
        match previous {
            Some(previous) => nodes[previous].next = next,
            None => nodes[parent].first_child = next,
        }
        match next {
            Some(next) => nodes[next].previous = previous,
            None => nodes[parent].last_child = previous,
        }
    }

    /// Inserts `child` into `parent` before `before` (at the end when `None`), merging text
    /// with a text node just before it, as the tree builder expects.
    fn insert(&self, parent: usize, before: Option<usize>, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let previous = match before {
            Some(sibling) => nodes[sibling].previous,
            None => nodes[parent].last_child,
        };
        let id = match child {
            NodeOrText::AppendText(text) => {
                if let Some(previous) = previous.filter(|&previous| nodes[previous].is_text()) {
                    nodes[previous].text.push_str(&text);
                    return;
                }
                nodes.push(DomNode::new(no_name(), Vec::new(), text.to_string()));
                nodes.len() - 1
            }
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                id
            }
        };
        // Taking the node out may have changed its old neighbours, so read them again.
        let previous = match before {
            Some(sibling) => nodes[sibling].previous,
            None => nodes[parent].last_child,
        };
        nodes[id].parent = Some(parent);
        nodes[id].previous = previous;
        nodes[id].next = before;
        match previous {
            Some(previous) => nodes[previous].next = Some(id),
            None => nodes[parent].first_child = Some(id),
        }
        match before {
            Some(sibling) => nodes[sibling].previous = Some(id),
            None => nodes[parent].last_child = Some(id),
        }
    }
}

impl TreeSink for Arena {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| &nodes[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let id = self.push(DomNode::new(name, attrs, String::new()));
        if flags.template {
            let contents = self.push(DomNode::new(no_name(), Vec::new(), String::new()));
            self.nodes.borrow_mut()[id].contents = Some(contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(DomNode::new(no_name(), Vec::new(), String::new()))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(DomNode::new(no_name(), Vec::new(), String::new()))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].contents.unwrap_or(*target)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let parent = self.nodes.borrow()[*sibling].parent;
        if let Some(parent) = parent {
            self.insert(parent, Some(*sibling), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let node = &mut nodes[*target];
        for attr in attrs {
            if !node.attrs.iter().any(|old| old.name == attr.name) {
                node.attrs.push(attr);
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut next = self.nodes.borrow()[*node].first_child;
        while let Some(child) = next {
            next = self.nodes.borrow()[child].next;
            self.insert(*new_parent, None, NodeOrText::AppendNode(child));
        }
    }
}

/// A step of the walk: entering a node, or leaving an element after its children.
enum Step {
    Enter(usize),
    Leave(usize),
}

/// Walks a tree in document order into `blocks`, its containers inside `container`; with
/// `templates`, the markup in [`MARKUP_SCRIPTS`] is parsed and walked where it stands (once:
/// a template's own templates are not).
fn walk(nodes: &[DomNode], blocks: &mut Blocks, container: usize, templates: bool) {
    let line_break = Run { text: None, container: 0, link: false };
    // Open containers, innermost last, as (element, container).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut open_links = 0usize;
    let mut stack = vec![Step::Enter(0)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(id) => {
                let node = &nodes[id];
                if node.is_text() {
                    let container = open.last().map_or(container, |&(_, c)| c);
                    blocks.runs.push(Run { text: Some(node.text.clone()), container, link: open_links > 0 });
                    continue;
                }
                let name = &*node.name.local;
                let markup = templates
                    && name == "script"
                    && node.attr("type").is_some_and(|kind| MARKUP_SCRIPTS.iter().any(|markup| kind.trim().eq_ignore_ascii_case(markup)))
                    && node.parent.is_some_and(|parent| nodes[parent].attr("itemprop").is_some_and(|prop| prop.trim().eq_ignore_ascii_case("articlebody")));
                if markup {
                    let inner = parse(node.first_child.map_or("", |child| nodes[child].text.as_str()));
                    blocks.runs.push(line_break.clone());
                    walk(&inner.nodes.borrow(), blocks, open.last().map_or(container, |&(_, c)| c), false);
                    blocks.runs.push(line_break.clone());
                    continue;
                }
                if SKIPPED.contains(&name) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    blocks.runs.push(line_break.clone());
                }
                if name == "a" {
                    open_links += 1;
                }
                if CONTAINERS.contains(&name) {
                    let parent = open.last().map_or(container, |&(_, c)| c);
                    let names = [node.attr("class"), node.attr("id")].into_iter().flatten().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
                    blocks.containers.push(Container { tag: name.to_string(), names, parent });
                    open.push((id, blocks.containers.len() - 1));
                }
                stack.push(Step::Leave(id));
                let mut child = node.last_child;
                while let Some(id) = child {
                    stack.push(Step::Enter(id));
                    child = nodes[id].previous;
                }
            }
            Step::Leave(id) => {
                let name = &*nodes[id].name.local;
                if BLOCKS.contains(&name) {
                    blocks.runs.push(line_break.clone());
                }
                if name == "a" {
                    open_links -= 1;
                }
                if open.last().is_some_and(|&(element, _)| element == id) {
                    open.pop();
                }
            }
        }
    }
}
