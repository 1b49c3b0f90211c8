//! Article text out of saved web pages, against `html_extraction/` (native only).
//!
//! In: the data folder. Out: figures for the two sets described in its SOURCE.md, scored the
//! way it prescribes, with its measured reference figures beside ours:
//! - the Mozilla Readability pages: token and 4-word-shingle precision, recall and F1 of the
//!   text against `expected_text.jsonl`, per page, then averaged over pages; over all 130 pages
//!   and over the 94 real ones (`small_fixture == false`). Tokens are lower-cased `\w+` runs on
//!   every page, CJK included, as in the reference table;
//! - the trafilatura pages: "with" snippets found and "without" snippets found, as substrings
//!   of the whitespace-normalised text, summed over pages, then one precision, recall and F1.
//!
//! The text scored is what crosscheck compares: the page decoded by [`crate::input::decode`]
//! (a page it refuses scores 0), then the lines [`crate::read::clean::clean`] keeps as body or
//! heading. The title line is left out, as both references leave the headline out.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::claims::Counts;
use super::Figure;
use crate::input::decode;
use crate::read::clean::clean;
use crate::report::Role;

#[derive(Deserialize)]
struct ReadabilityPage {
    page: String,
    text: String,
    small_fixture: bool,
}

#[derive(Deserialize)]
struct TrafilaturaPage {
    page: String,
    with: Vec<String>,
    without: Vec<String>,
}

/// Precision, recall and F1 of one page, or their averages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Scores {
    /// A page's scores from the size of the overlap; an empty prediction or gold scores 0.
    fn from_counts(common: usize, predicted: usize, gold: usize) -> Self {
        if predicted == 0 || gold == 0 {
            return Scores::default();
        }
        let counts = Counts { true_positives: common, false_positives: predicted - common, false_negatives: gold - common };
        Scores { precision: counts.precision(), recall: counts.recall(), f1: counts.f1() }
    }

    fn mean(all: &[Scores]) -> Self {
        let n = all.len().max(1) as f64;
        Scores {
            precision: all.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: all.iter().map(|s| s.recall).sum::<f64>() / n,
            f1: all.iter().map(|s| s.f1).sum::<f64>() / n,
        }
    }
}

/// The article text crosscheck compares for a saved page, or `None` when the page is refused.
pub fn article_text(bytes: &[u8], name: &str) -> Option<String> {
    let text = decode(bytes, name).ok()?;
    let layout = clean(&text);
    let lines: Vec<&str> = layout
        .blocks
        .iter()
        .filter(|block| matches!(block.role, Role::Body | Role::Heading))
        .map(|block| &text[block.range.clone()])
        .collect();
    Some(lines.join("\n"))
}

/// Lower-cased `\w+` runs.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Size of the multiset intersection of two bags.
fn common<T: std::hash::Hash + Eq>(predicted: &[T], gold: &[T]) -> usize {
    let mut counts: HashMap<&T, usize> = HashMap::new();
    for item in gold {
        *counts.entry(item).or_default() += 1;
    }
    predicted
        .iter()
        .filter(|item| match counts.get_mut(item) {
            Some(left) if *left > 0 => {
                *left -= 1;
                true
            }
            _ => false,
        })
        .count()
}

/// Token and 4-shingle scores of one extracted text against its gold text.
pub fn page_scores(predicted: &str, gold: &str) -> (Scores, Scores) {
    let (p, g) = (tokens(predicted), tokens(gold));
    let token = Scores::from_counts(common(&p, &g), p.len(), g.len());
    let shingles = |t: &[String]| t.windows(4).map(|w| w.join(" ")).collect::<Vec<_>>();
    let (ps, gs) = (shingles(&p), shingles(&g));
    (token, Scores::from_counts(common(&ps, &gs), ps.len(), gs.len()))
}

fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

fn format_scores(s: Scores) -> String {
    format!("P {:.3} R {:.3} F1 {:.3}", s.precision, s.recall, s.f1)
}

/// The figures of both sets; see the module documentation.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let folder = data_dir.join("html_extraction");
    let mut figures = Vec::new();

    let pages: Vec<ReadabilityPage> = read_jsonl(&folder.join("readability/expected_text.jsonl"))?;
    let mut all = Vec::new();
    let mut real = Vec::new();
    let mut refused = Vec::new();
    for page in &pages {
        let path = folder.join("readability").join(&page.page).join("source.html");
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = article_text(&bytes, "source.html");
        if text.as_deref().is_none_or(str::is_empty) {
            refused.push(page.page.as_str());
        }
        let scores = page_scores(text.as_deref().unwrap_or(""), &page.text);
        all.push(scores);
        if !page.small_fixture {
            real.push(scores);
        }
    }
    let mean = |list: &[(Scores, Scores)], pick: fn(&(Scores, Scores)) -> Scores| Scores::mean(&list.iter().map(pick).collect::<Vec<_>>());
    figures.push(Figure::new(
        format!("saved pages, Readability set ({} pages): token P/R/F1", all.len()),
        format!("{} ({} refused or empty{})", format_scores(mean(&all, |s| s.0)), refused.len(), listed(&refused)),
        "trafilatura 2.3.1 P 0.957 R 0.941 F1 0.936; all visible text 0.733 / 0.999 / 0.809",
    ));
    figures.push(Figure::new(
        format!("saved pages, Readability set, {} real pages: token F1 (4-shingle F1)", real.len()),
        format!("{:.3} ({:.3}); token {}", mean(&real, |s| s.0).f1, mean(&real, |s| s.1).f1, format_scores(mean(&real, |s| s.0))),
        "issue 16 target ≥ 0.95; trafilatura 2.3.1 0.951 (0.939); all visible text 0.747 (0.740)",
    ));

    let pages: Vec<TrafilaturaPage> = read_jsonl(&folder.join("trafilatura/gold.jsonl"))?;
    let mut snippets = Counts::default();
    let mut refused = Vec::new();
    for page in &pages {
        let path = folder.join("trafilatura/html").join(&page.page);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = normalise_space(&article_text(&bytes, &page.page).unwrap_or_default());
        if text.is_empty() {
            refused.push(page.page.as_str());
        }
        for snippet in &page.with {
            if text.contains(&normalise_space(snippet)) {
                snippets.true_positives += 1;
            } else {
                snippets.false_negatives += 1;
            }
        }
        snippets.false_positives += page.without.iter().filter(|snippet| text.contains(&normalise_space(snippet))).count();
    }
    figures.push(Figure::new(
        format!("saved pages, trafilatura set ({} pages): snippet P/R/F1", pages.len()),
        format!(
            "P {:.3} R {:.3} F1 {:.3} (with {}/{}, without {}; {} refused or empty{})",
            snippets.precision(),
            snippets.recall(),
            snippets.f1(),
            snippets.true_positives,
            snippets.true_positives + snippets.false_negatives,
            snippets.false_positives,
            refused.len(),
            listed(&refused)
        ),
        "issue 16 target ≥ 0.94; trafilatura 2.3.1 P 0.917 R 0.953 F1 0.935; all visible text 0.537 / 0.982 / 0.694",
    ));
    Ok(figures)
}

fn listed(pages: &[&str]) -> String {
    match pages {
        [] => String::new(),
        _ => format!(": {}", pages.iter().take(4).copied().collect::<Vec<_>>().join(", ") + if pages.len() > 4 { ", …" } else { "" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_tokens_and_shingles_as_bags() {
        let (token, shingle) = page_scores("the cat sat on the mat", "the cat sat on a mat");
        assert!((token.precision - 5.0 / 6.0).abs() < 1e-9);
        assert!((shingle.precision - 1.0 / 3.0).abs() < 1e-9, "only 'the cat sat on' is shared");
        assert_eq!(page_scores("", "gold text").0, Scores::default(), "an empty prediction scores 0");
    }
}
