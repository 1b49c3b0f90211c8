//! Text renderings of a report: a Markdown summary an editor can paste into a chat, and the
//! fact matrix as CSV. The CLI and the page both use these, so the exports match.
//!
//! In: a [`Report`]. Out: a `String`.

use std::fmt::Write;

use crate::report::{ConflictKind, Report, Support};

/// How many single-source claims per source the summary lists.
const CLAIMS_PER_SOURCE: usize = 5;

/// (source name, sentence text) for every sentence id; ids count up from 0 in source order.
fn sentences_by_id(report: &Report) -> Vec<(&str, &str)> {
    report
        .sources
        .iter()
        .flat_map(|source| source.sentences.iter().map(move |s| (source.name.as_str(), s.text.as_str())))
        .collect()
}

/// The source of every sentence id.
fn sources_by_sentence(report: &Report) -> Vec<usize> {
    report.sources.iter().flat_map(|source| source.sentences.iter().map(move |_| source.id)).collect()
}

/// Markdown can't hold a line break or a pipe inside a table cell.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

fn kind_name(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Quantity => "Numbers",
        ConflictKind::Quote => "Quote",
        ConflictKind::QuoteOmission => "Shortened quote",
        ConflictKind::Place => "Place",
        ConflictKind::Time => "Time",
        ConflictKind::Role => "Role",
    }
}

/// A readable Markdown summary.
///
/// ```
/// use crosscheck::{compare, render, Article, Options};
/// let report = compare(&[Article { name: "a.txt".into(), text: "Forty people were rescued.".into() }], &Options::default()).unwrap();
/// assert!(render::markdown(&report).starts_with("# crosscheck: 1 source"));
/// ```
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let by_id = sentences_by_id(report);
    let lookup = |id: usize| by_id.get(id).copied().unwrap_or(("?", ""));
    let n = report.sources.len();
    let shared_by_all = report.facts.iter().filter(|f| n > 1 && f.sources.len() == n).count();
    let _ = writeln!(
        out,
        "# crosscheck: {n} source{}, {} facts, {} conflict{}\n",
        if n == 1 { "" } else { "s" },
        report.facts.len(),
        report.conflicts.len(),
        if report.conflicts.len() == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "| source | title | claims | shared | possible | single-source share |\n|---|---|---|---|---|---|"
    );
    for source in &report.sources {
        let summary = &source.summary;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.0}% |",
            cell(&source.name),
            cell(&source.title),
            summary.claims,
            summary.shared_claims,
            summary.possible_claims,
            summary.single_source_share * 100.0
        );
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\n## Not compared\n");
        for warning in &report.warnings {
            let name = report.sources.get(warning.source).map_or("?", |s| s.name.as_str());
            let _ = writeln!(out, "- {}: {}", cell(name), cell(&warning.message));
        }
    }
    if !report.conflicts.is_empty() {
        let _ = writeln!(out, "\n## Conflicts\n");
        for conflict in &report.conflicts {
            let _ = writeln!(out, "- **{}**: {}", kind_name(conflict.kind), cell(&conflict.explanation));
            for &id in &conflict.sentences {
                let (name, text) = lookup(id);
                let _ = writeln!(out, "  - {}: “{}”", cell(name), cell(text));
            }
        }
    }
    let _ = writeln!(out, "\n## Facts reported by several sources ({} by all)\n", shared_by_all);
    for fact in report.facts.iter().take(20) {
        let names: Vec<String> = fact.sources.iter().filter_map(|&s| report.sources.get(s)).map(|s| cell(&s.name)).collect();
        let _ = writeln!(out, "- ({}/{n}) {} — {}", fact.sources.len(), cell(&fact.label), names.join(", "));
    }
    if report.facts.len() > 20 {
        let _ = writeln!(out, "- … and {} more", report.facts.len() - 20);
    }
    let _ = writeln!(out, "\n## Reported by one source only\n");
    for source in &report.sources {
        if source.summary.single_source_claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{}**\n", cell(&source.name));
        for &id in source.summary.single_source_claims.iter().take(CLAIMS_PER_SOURCE) {
            let _ = writeln!(out, "- {}", cell(report.claims.get(id).map_or("", |c| c.text.as_str())));
        }
        let more = source.summary.single_source_claims.len().saturating_sub(CLAIMS_PER_SOURCE);
        if more > 0 {
            let _ = writeln!(out, "- … and {more} more");
        }
        out.push('\n');
    }
    let possible: Vec<_> = report.claims.iter().filter(|c| c.support == Support::Possible).collect();
    if !possible.is_empty() {
        let _ = writeln!(out, "## Possibly reported elsewhere (not linked; the closest claim of another source)\n");
        for claim in possible {
            let source = lookup(claim.sentence).0;
            let best = claim.closest.iter().max_by(|a, b| a.score.total_cmp(&b.score).then(b.claim.cmp(&a.claim)));
            let Some(best) = best else { continue };
            let other = report.sources.get(best.source).map_or("?", |s| s.name.as_str());
            let other_text = report.claims.get(best.claim).map_or("", |c| c.text.as_str());
            let _ = writeln!(
                out,
                "- {}: {} — closest in {} ({:.2}): {}",
                cell(source),
                cell(&claim.text),
                cell(other),
                best.score,
                cell(other_text)
            );
        }
    }
    out
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is neutralised so a spreadsheet never
/// runs article text as a formula.
fn csv_field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

/// The fact matrix: one row per fact, one column per source holding its claim, then one row
/// per claim in no fact (support `possible` or `single`).
///
/// ```
/// use crosscheck::{compare, render, Article, Options};
/// let report = compare(&[Article { name: "a.txt".into(), text: "Forty people were rescued.".into() }], &Options::default()).unwrap();
/// assert!(render::csv(&report).starts_with("\"fact\",\"sources\",\"support\",\"a.txt\""));
/// ```
pub fn csv(report: &Report) -> String {
    let mut out = String::new();
    let mut header = vec![csv_field("fact"), csv_field("sources"), csv_field("support")];
    header.extend(report.sources.iter().map(|s| csv_field(&s.name)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for fact in &report.facts {
        let mut row =
            vec![csv_field(&fact.id.to_string()), csv_field(&fact.sources.len().to_string()), csv_field("shared")];
        for source in &report.sources {
            let claim = fact.sources.iter().position(|&s| s == source.id).and_then(|k| report.claims.get(fact.claims[k]));
            row.push(csv_field(claim.map_or("", |c| c.text.as_str())));
        }
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    let source_of = sources_by_sentence(report);
    for claim in report.claims.iter().filter(|c| c.fact.is_none()) {
        let support = if claim.support == Support::Possible { "possible" } else { "single" };
        let mut row = vec![csv_field(""), csv_field("1"), csv_field(support)];
        let own = source_of.get(claim.sentence).copied();
        row.extend(report.sources.iter().map(|s| csv_field(if Some(s.id) == own { &claim.text } else { "" })));
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("say \"hi\", twice"), "\"say \"\"hi\"\", twice\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field(""), "\"\"");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
