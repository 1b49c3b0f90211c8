//! Text renderings of a report: a Markdown summary an editor can paste into a chat, and the
//! fact matrix as CSV. The CLI and the page both use these, so the exports match.
//!
//! In: a [`Report`]. Out: a `String`.

use std::fmt::Write;

use crate::report::{Claim, ConflictKind, Report, Source, Support};

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

/// The sources compared: every source that is not a copy of another.
fn compared(report: &Report) -> impl Iterator<Item = &Source> {
    report.sources.iter().filter(|s| s.copy_of.is_none())
}

/// `copies_of(report)[source]`: the sources that are copies of it, in source order.
fn copies_of(report: &Report) -> Vec<Vec<&Source>> {
    let mut copies = vec![Vec::new(); report.sources.len()];
    for source in &report.sources {
        if let Some(copy) = &source.copy_of {
            if let Some(list) = copies.get_mut(copy.source) {
                list.push(source);
            }
        }
    }
    copies
}

/// Markdown can't hold a line break or a pipe inside a table cell.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// Author, outlet and date of a source, those it gives, separated by commas.
fn byline(source: &Source) -> String {
    [&source.author, &source.outlet, &source.published].into_iter().flatten().map(String::as_str).collect::<Vec<_>>().join(", ")
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
    let n = compared(report).count();
    let shared_by_all = report.facts.iter().filter(|f| n > 1 && f.sources.len() == n).count();
    let _ = writeln!(
        out,
        "# crosscheck: {n} source{}, {} facts, {} conflict{}\n",
        if n == 1 { "" } else { "s" },
        report.facts.len(),
        report.conflicts.len(),
        if report.conflicts.len() == 1 { "" } else { "s" }
    );
    let copies = copies_of(report);
    let copy_count: usize = copies.iter().map(Vec::len).sum();
    if copy_count > 0 {
        let _ = writeln!(
            out,
            "{} files: {copy_count} {} of another and counted with it (see Copies).\n",
            report.sources.len(),
            if copy_count == 1 { "is a copy" } else { "are copies" }
        );
    }
    let _ = writeln!(
        out,
        "| source | title | by | claims | shared | possible | single-source share |\n|---|---|---|---|---|---|---|"
    );
    for source in compared(report) {
        let summary = &source.summary;
        let also = match copies[source.id].len() {
            0 => String::new(),
            1 => " (+1 copy)".to_string(),
            k => format!(" (+{k} copies)"),
        };
        let _ = writeln!(
            out,
            "| {}{also} | {} | {} | {} | {} | {} | {:.0}% |",
            cell(&source.name),
            cell(&source.title),
            cell(&byline(source)),
            summary.claims,
            summary.shared_claims,
            summary.possible_claims,
            summary.single_source_share * 100.0
        );
    }
    if copy_count > 0 {
        let _ = writeln!(out, "\n## Copies\n");
        for source in compared(report).filter(|s| !copies[s.id].is_empty()) {
            let _ = writeln!(out, "- {} is also in:", cell(&source.name));
            for copy in &copies[source.id] {
                let how = match copy.copy_of.as_ref().map_or(0, |c| c.differing.len()) {
                    0 => "word for word".to_string(),
                    1 => "1 sentence differs".to_string(),
                    k => format!("{k} sentences differ"),
                };
                let _ = writeln!(out, "  - {} ({how})", cell(&copy.name));
            }
        }
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
        let mut disagreements: Vec<Vec<&crate::report::Conflict>> = Vec::new();
        for conflict in &report.conflicts {
            match disagreements.get_mut(conflict.disagreement) {
                Some(group) => group.push(conflict),
                None => disagreements.push(vec![conflict]),
            }
        }
        for group in disagreements {
            if let [conflict] = group.as_slice() {
                let _ = writeln!(out, "- **{}**: {}", kind_name(conflict.kind), cell(&conflict.explanation));
                for &id in &conflict.sentences {
                    let (name, text) = lookup(id);
                    let _ = writeln!(out, "  - {}: “{}”", cell(name), cell(text));
                }
                continue;
            }
            // One disagreement of several pairs: each version once, with the sources giving it.
            let mut versions: Vec<(String, Vec<&str>)> = Vec::new();
            let mut version_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
            for conflict in &group {
                for (&id, value) in conflict.sentences.iter().zip(&conflict.values) {
                    let name = lookup(id).0;
                    let at = *version_of.entry(value.trim().to_lowercase()).or_insert_with(|| {
                        versions.push((value.clone(), Vec::new()));
                        versions.len() - 1
                    });
                    let names = &mut versions[at].1;
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            let kind = if group.iter().any(|c| c.kind == ConflictKind::Quote) { ConflictKind::Quote } else { group[0].kind };
            let sources: usize = versions.iter().map(|(_, names)| names.len()).sum();
            let _ = writeln!(out, "- **{}**: {} versions in {sources} sources ({} conflicting pairs)", kind_name(kind), versions.len(), group.len());
            for (value, names) in &versions {
                let names: Vec<String> = names.iter().map(|n| cell(n)).collect();
                let _ = writeln!(out, "  - “{}”: {}", cell(value), names.join(", "));
            }
            let _ = writeln!(out, "  - For example: {}", cell(&group[0].explanation));
        }
    }
    let _ = writeln!(out, "\n## Facts reported by several sources ({} by all)\n", shared_by_all);
    for fact in &report.facts {
        let names: Vec<String> = fact.sources.iter().filter_map(|&s| report.sources.get(s)).map(|s| cell(&s.name)).collect();
        let _ = writeln!(out, "- ({}/{n}) {} — {}", fact.sources.len(), cell(&fact.label), names.join(", "));
    }
    let _ = writeln!(out, "\n## Reported by one source only\n");
    for source in compared(report) {
        if source.summary.single_source_claims.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{}**\n", cell(&source.name));
        for &id in &source.summary.single_source_claims {
            let _ = writeln!(out, "- {}", cell(report.claims.get(id).map_or("", |c| c.text.as_str())));
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
/// per claim in no fact (support `possible` or `single`). Before the sources' columns: the
/// fact's label, its conflicts ("Numbers: …"), and the quotations and numbers inside its
/// claims, each prefixed with the source's name when several sources' claims give them.
///
/// ```
/// use crosscheck::{compare, render, Article, Options};
/// let report = compare(&[Article { name: "a.txt".into(), text: "Forty people were rescued.".into() }], &Options::default()).unwrap();
/// assert!(render::csv(&report).starts_with("\"fact\",\"label\",\"sources\",\"support\",\"conflicts\",\"quotes\",\"numbers\",\"a.txt\""));
/// ```
pub fn csv(report: &Report) -> String {
    let mut out = String::new();
    let mut header = ["fact", "label", "sources", "support", "conflicts", "quotes", "numbers"].map(csv_field).to_vec();
    header.extend(compared(report).map(|s| csv_field(&s.name)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    let source_of = sources_by_sentence(report);
    let details = ClaimDetails::new(report, &source_of);
    // Each conflict once, under its fact or, when aligned in none, under its sentences.
    let mut of_fact: Vec<Vec<String>> = vec![Vec::new(); report.facts.len()];
    let mut of_sentence: Vec<Vec<String>> = vec![Vec::new(); source_of.len()];
    for c in &report.conflicts {
        let line = format!("{}: {}", kind_name(c.kind), c.explanation);
        match c.fact {
            Some(fact) => {
                if let Some(list) = of_fact.get_mut(fact) {
                    list.push(line);
                }
            }
            None => {
                for &id in &c.sentences {
                    if let Some(list) = of_sentence.get_mut(id) {
                        list.push(line.clone());
                    }
                }
            }
        }
    }
    let joined = |lists: &[Vec<String>], index: usize| lists.get(index).map_or_else(String::new, |list| list.join("; "));
    for fact in &report.facts {
        let claims: Vec<&Claim> = fact.claims.iter().filter_map(|&id| report.claims.get(id)).collect();
        let mut row = vec![
            csv_field(&fact.id.to_string()),
            csv_field(&fact.label),
            csv_field(&fact.sources.len().to_string()),
            csv_field("shared"),
            csv_field(&joined(&of_fact, fact.id)),
            csv_field(&details.quotes(&claims)),
            csv_field(&details.numbers(&claims)),
        ];
        for source in compared(report) {
            let claim = fact.sources.iter().position(|&s| s == source.id).and_then(|k| report.claims.get(fact.claims[k]));
            row.push(csv_field(claim.map_or("", |c| c.text.as_str())));
        }
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    for claim in report.claims.iter().filter(|c| c.fact.is_none()) {
        let support = if claim.support == Support::Possible { "possible" } else { "single" };
        let mut row = vec![
            csv_field(""),
            csv_field(""),
            csv_field("1"),
            csv_field(support),
            csv_field(&joined(&of_sentence, claim.sentence)),
            csv_field(&details.quotes(&[claim])),
            csv_field(&details.numbers(&[claim])),
        ];
        let own = source_of.get(claim.sentence).copied();
        row.extend(compared(report).map(|s| csv_field(if Some(s.id) == own { &claim.text } else { "" })));
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The quotations and numbers of a report by sentence, to find those inside a claim.
struct ClaimDetails<'a> {
    report: &'a Report,
    source_of: &'a [usize],
    quotes_in: Vec<Vec<usize>>,
    quantities_in: Vec<Vec<usize>>,
}

impl<'a> ClaimDetails<'a> {
    fn new(report: &'a Report, source_of: &'a [usize]) -> Self {
        let by_sentence = |sentences: &mut dyn Iterator<Item = usize>| {
            let mut lists = vec![Vec::new(); source_of.len()];
            for (k, sentence) in sentences.enumerate() {
                if let Some(list) = lists.get_mut(sentence) {
                    list.push(k);
                }
            }
            lists
        };
        let quotes_in = by_sentence(&mut report.quotes.iter().map(|q| q.sentence));
        let quantities_in = by_sentence(&mut report.quantities.iter().map(|q| q.sentence));
        ClaimDetails { report, source_of, quotes_in, quantities_in }
    }

    /// The values of each claim, "name: " before each when the claims are of several sources.
    fn listed(&self, claims: &[&Claim], values: impl Fn(&Claim) -> Vec<String>) -> String {
        let mut parts = Vec::new();
        for claim in claims {
            let name = self.source_of.get(claim.sentence).and_then(|&s| self.report.sources.get(s)).map_or("?", |s| s.name.as_str());
            parts.extend(values(claim).into_iter().map(|value| if claims.len() > 1 { format!("{name}: {value}") } else { value }));
        }
        parts.join("; ")
    }

    /// Quotations that overlap the claims (one may run past its claim), with their speakers.
    fn quotes(&self, claims: &[&Claim]) -> String {
        self.listed(claims, |claim| {
            let in_sentence = self.quotes_in.get(claim.sentence).into_iter().flatten().map(|&k| &self.report.quotes[k]);
            in_sentence
                .filter(|q| q.start < claim.end && q.end > claim.start)
                .map(|q| match &q.speaker {
                    Some(speaker) => format!("{speaker}: “{}”", q.text),
                    None => format!("“{}”", q.text),
                })
                .collect()
        })
    }

    /// Quantities inside the claims, as written.
    fn numbers(&self, claims: &[&Claim]) -> String {
        self.listed(claims, |claim| {
            let in_sentence = self.quantities_in.get(claim.sentence).into_iter().flatten().map(|&k| &self.report.quantities[k]);
            in_sentence.filter(|q| q.start >= claim.start && q.end <= claim.end).map(|q| q.text.clone()).collect()
        })
    }
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
    fn the_csv_gives_each_fact_its_conflicts_quotes_and_numbers() {
        use crate::{compare, Article, Options};
        let article = |name: &str, count: &str| Article {
            name: name.into(),
            text: format!("Dam fails in Varnholm\n\nRescue boats took {count} residents from their homes on Sunday night, the council said. \"We will rebuild every house,\" Mayor Ilse Marten told reporters on Monday.\n"),
        };
        let report = compare(&[article("a.txt", "40"), article("b.txt", "60")], &Options::default()).unwrap();
        let csv = csv(&report);
        let rows: Vec<&str> = csv.split("\r\n").collect();
        let rescue = rows.iter().find(|row| row.contains("Rescue boats took 40")).expect("the rescue fact");
        assert!(rescue.contains("\"Numbers: "), "{rescue}");
        assert!(rescue.contains("a.txt: 40 residents; b.txt: 60 residents"), "{rescue}");
        let quote = rows.iter().find(|row| row.contains("rebuild every house")).expect("the quote");
        assert!(quote.contains("\"a.txt: Ilse Marten: “We will rebuild every house”; b.txt: Ilse Marten: “We will rebuild every house”\""), "{quote}");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
