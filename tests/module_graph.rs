//! The crate's modules import each other without circles, so the pipeline in `src/lib.rs`
//! (read → extract → compare → report, assembled by `pipeline`) is the real shape of the code.
//!
//! Reads every file under `src/`, collects the module paths its non-test code names (`use`
//! trees and inline `crate::`/`super::` paths), resolves each to the file that defines it and
//! looks for circles twice: among files (`extract/quotes.rs` ↔ `extract/entities/mod.rs`) and
//! among top-level modules (`read` ↔ `extract`). Names re-exported by `lib.rs` resolve to the
//! module they come from.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module as a path from the crate root: `[]` is `lib.rs`, `["compare", "score"]` is
/// `compare/score.rs`.
type Module = Vec<String>;

struct Crate {
    root: PathBuf,
    /// Every module with its source file.
    files: BTreeMap<Module, PathBuf>,
    /// Names `lib.rs` re-exports (`pub use pipeline::compare;`), with the path they stand for.
    reexports: BTreeMap<String, Vec<String>>,
}

impl Crate {
    fn load() -> Crate {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = BTreeMap::new();
        collect_files(&root, &root, &mut files);
        let lib = std::fs::read_to_string(root.join("lib.rs")).expect("src/lib.rs");
        let mut reexports = BTreeMap::new();
        for statement in use_statements(&code_only(&lib)) {
            for path in expand_use_tree(&statement) {
                if let Some(name) = path.last() {
                    reexports.insert(name.clone(), path.clone());
                }
            }
        }
        Crate { root, files, reexports }
    }

    /// The module that defines what `path` (absolute, from the crate root) names: its
    /// longest prefix that is a module, after resolving a re-exported first segment.
    fn resolve(&self, path: &[String]) -> Module {
        let mut path = path.to_vec();
        if let Some(first) = path.first() {
            if !self.files.contains_key(&vec![first.clone()]) {
                if let Some(target) = self.reexports.get(first) {
                    path.splice(0..1, target.iter().cloned());
                }
            }
        }
        (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|m| self.files.contains_key(m)).unwrap_or_default()
    }

    /// Every module each module's non-test code refers to (itself and its own descendants
    /// left out).
    fn edges(&self) -> BTreeMap<Module, BTreeSet<Module>> {
        let mut edges = BTreeMap::new();
        for (module, file) in &self.files {
            let code = code_only(&std::fs::read_to_string(file).expect("source file"));
            let mut targets = BTreeSet::new();
            let mut paths: Vec<Vec<String>> = use_statements(&code).iter().flat_map(|s| expand_use_tree(s)).collect();
            paths.extend(inline_paths(&code));
            for path in paths {
                let Some(absolute) = self.absolute(module, &path) else { continue };
                let target = self.resolve(&absolute);
                if !target.starts_with(module) {
                    targets.insert(target);
                }
            }
            edges.insert(module.clone(), targets);
        }
        edges
    }

    /// `path` as written in `module`, from the crate root; `None` for paths into other crates.
    fn absolute(&self, module: &Module, path: &[String]) -> Option<Vec<String>> {
        let (first, rest) = path.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => module.clone(),
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            name => {
                let mut child = module.clone();
                child.push(name.to_string());
                if !self.files.contains_key(&child) {
                    return None;
                }
                return Some([module.clone(), path.to_vec()].concat());
            }
        };
        let mut rest = rest;
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }
}

fn collect_files(root: &Path, dir: &Path, files: &mut BTreeMap<Module, PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("src dir").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "bin") {
                continue;
            }
            collect_files(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under src").with_extension("");
            let mut module: Module = relative.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if module.last().is_some_and(|last| last == "mod" || last == "lib") {
                module.pop();
            }
            files.insert(module, path);
        }
    }
}

/// The code without comments, string literals and the `#[cfg(test)]` module (test code may
/// import what the module under test must not).
fn code_only(source: &str) -> String {
    let source = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            // A char literal that is a quote mark must not open a string; lifetimes pass.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                    let skip = if rest.starts_with('"') { 2 } else { 3 };
                    (0..skip).for_each(|_| {
                        chars.next();
                    });
                    out.push_str("' '");
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The tree of each `use` declaration, without `use`, `pub` and the final `;`.
fn use_statements(code: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut rest = code;
    while let Some(at) = find_keyword(rest, "use") {
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        statements.push(after[..end].trim().to_string());
        rest = &after[end..];
    }
    statements
}

fn find_keyword(text: &str, keyword: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text[from..].find(keyword) {
        let at = from + offset;
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + keyword.len()).copied();
        let boundary = |b: Option<u8>| b.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
        if boundary(before) && after.is_some_and(|b| b.is_ascii_whitespace()) {
            return Some(at);
        }
        from = at + keyword.len();
    }
    None
}

/// `a::{b, c::{d, e as f}}` → `[a, b]`, `[a, c, d]`, `[a, c, e]`; `self` in a group means the
/// prefix itself; a glob names its prefix.
fn expand_use_tree(tree: &str) -> Vec<Vec<String>> {
    let mut tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    for token in ["::", "{", "}", ","] {
        tree = tree.replace(&format!(" {token}"), token).replace(&format!("{token} "), token);
    }
    let mut out = Vec::new();
    expand_into(&tree, &[], &mut out);
    out
}

fn expand_into(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        let prefix = [prefix, &head].concat();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top_level(inner) {
            if part == "self" {
                out.push(prefix.clone());
            } else if !part.is_empty() {
                expand_into(part, &prefix, out);
            }
        }
        return;
    }
    let path = tree.split(" as ").next().unwrap_or(tree);
    let mut segments: Vec<String> = prefix.to_vec();
    segments.extend(path.split("::").filter(|s| !s.is_empty() && *s != "*").map(str::to_string));
    if segments.last().is_some_and(|s| s == "self") {
        segments.pop();
    }
    out.push(segments);
}

fn split_top_level(group: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&group[start..]);
    parts
}

/// Paths written inline in code, such as `crate::read::tokens::words(..)` or `super::times::X`.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for root in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(offset) = code[from..].find(root) {
            let at = from + offset;
            from = at + root.len();
            let preceded = code[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            if preceded {
                continue;
            }
            let tail: String =
                code[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            paths.push(tail.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect());
        }
    }
    paths
}

/// One circle in `edges`, as the list of modules around it, if there is any.
fn find_circle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let start = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut circle = stack[start..].to_vec();
                    circle.push(next.clone());
                    return Some(circle);
                }
                Mark::New => {
                    if let Some(circle) = visit(next, edges, marks, stack) {
                        return Some(circle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in edges.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(circle) = visit(node, edges, &mut marks, &mut Vec::new()) {
                return Some(circle);
            }
        }
    }
    None
}

fn show(circle: &[Module]) -> String {
    circle.iter().map(|m| if m.is_empty() { "lib".to_string() } else { m.join("::") }).collect::<Vec<_>>().join(" → ")
}

/// Top-level modules only: `compare::score` counts as `compare`.
fn top_level(edges: &BTreeMap<Module, BTreeSet<Module>>) -> BTreeMap<Module, BTreeSet<Module>> {
    let top = |m: &Module| m.iter().take(1).cloned().collect::<Module>();
    let mut out: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, targets) in edges {
        let entry = out.entry(top(from)).or_default();
        entry.extend(targets.iter().map(top).filter(|t| *t != top(from)));
    }
    out
}

#[test]
fn no_module_imports_itself_through_others() {
    let krate = Crate::load();
    let edges = krate.edges();
    if let Some(circle) = find_circle(&edges) {
        panic!("import circle among files: {}", show(&circle));
    }
    if let Some(circle) = find_circle(&top_level(&edges)) {
        panic!("import circle among top-level modules: {}", show(&circle));
    }
}

#[test]
fn the_report_types_import_nothing_from_the_crate() {
    let krate = Crate::load();
    let edges = krate.edges();
    let report = edges.get(&vec!["report".to_string()]).expect("src/report.rs is a module");
    assert!(report.is_empty(), "report.rs imports {:?}", report);
    assert!(krate.root.join("pipeline.rs").exists(), "the pipeline assembles the report");
}

#[test]
fn the_graph_reader_sees_the_imports_it_must() {
    let krate = Crate::load();
    let edges = krate.edges();
    let of = |m: &str| edges.get(&m.split("::").map(str::to_string).collect::<Module>()).cloned().unwrap_or_default();
    let pipeline = of("pipeline");
    for needed in ["compare", "extract", "read", "report", "options"] {
        assert!(pipeline.iter().any(|m| m.first().is_some_and(|f| f == needed)), "pipeline → {needed} not seen");
    }
    assert!(of("compare::conflicts").contains(&vec!["compare".to_string(), "diff".to_string()]));
    let circle = BTreeMap::from([(vec!["a".to_string()], BTreeSet::from([vec!["b".to_string()]])), (
        vec!["b".to_string()],
        BTreeSet::from([vec!["a".to_string()]]),
    )]);
    assert!(find_circle(&circle).is_some(), "a two-module circle is found");
    assert_eq!(
        expand_use_tree("crate::{a::{self, b}, c::D as E}"),
        vec![vec!["crate", "a"], vec!["crate", "a", "b"], vec!["crate", "c", "D"]]
    );
}
