//! Quotation extraction measured on textacy's direct-quotation unit cases (English).
//!
//! In: `<data>/quotes_small/textacy_direct_quotations.json` (see its `SOURCE.md`). Out:
//! [`Figure`]s: cases fully right, quotations found, speakers right, spurious quotations.
//!
//! Scoring: only our full (non-`partial`) quotations count, since textacy's task is
//! direct quotation; fragments and scare quotes are expected to be absent. Quoted words
//! are compared without quote marks and trailing commas. A speaker matches when it is
//! written the same, or when textacy expects a pronoun ("he") and we give the name it
//! refers to, which our extractor resolves on purpose.

use std::path::Path;

use serde::Deserialize;

use crate::eval::Figure;
use crate::extract::entities::find_mentions;
use crate::extract::quotes::extract_quotes;
use crate::read::segment::segment;

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    expected: Vec<ExpectedQuote>,
}

#[derive(Deserialize)]
struct ExpectedQuote {
    speaker: Vec<String>,
    content: String,
}

/// How one textacy case went.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseOutcome {
    /// The case's text.
    pub text: String,
    /// Quotations textacy expects.
    pub expected: usize,
    /// Expected quotations we found with the same words.
    pub found: usize,
    /// Of those, how many have the right speaker.
    pub speakers_right: usize,
    /// Full quotations we report that textacy does not expect.
    pub spurious: usize,
    /// What we reported, for failure messages: `(words, speaker)`.
    pub ours: Vec<(String, Option<String>)>,
}

impl CaseOutcome {
    /// True when every expected quotation was found with its speaker and nothing else.
    pub fn passed(&self) -> bool {
        self.found == self.expected && self.speakers_right == self.expected && self.spurious == 0
    }
}

/// Runs the English cases of the textacy set under `data_dir`.
pub fn run_cases(data_dir: &Path) -> Result<Vec<CaseOutcome>, String> {
    let path = data_dir.join("quotes_small").join("textacy_direct_quotations.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let cases: Vec<Case> = serde_json::from_str(&raw).map_err(|e| format!("cannot parse {}: {e}", path.display()))?;
    Ok(cases.iter().filter(|c| c.lang == "en").map(score_case).collect())
}

fn score_case(case: &Case) -> CaseOutcome {
    let text = case.text.as_str();
    let sentences = segment(text);
    let mentions = find_mentions(text, &sentences);
    let ours: Vec<(String, Option<String>, usize)> = extract_quotes(text, &sentences, &mentions)
        .into_iter()
        .filter(|q| !q.partial)
        .filter_map(|q| {
            let words = text.get(q.range.clone())?;
            let speaker = q.speaker.and_then(|s| text.get(s).map(str::to_string));
            Some((normalise(words), speaker, q.range.start))
        })
        .collect();
    let mut matched = vec![false; ours.len()];
    let (mut found, mut speakers_right) = (0, 0);
    for expected in &case.expected {
        let words = normalise(&expected.content);
        let Some(k) = ours.iter().enumerate().position(|(k, (w, _, _))| !matched[k] && *w == words) else { continue };
        matched[k] = true;
        found += 1;
        let (_, speaker, start) = &ours[k];
        if speaker_matches(text, &expected.speaker.join(" "), speaker.as_deref(), *start) {
            speakers_right += 1;
        }
    }
    CaseOutcome {
        text: case.text.clone(),
        expected: case.expected.len(),
        found,
        speakers_right,
        spurious: matched.iter().filter(|m| !**m).count(),
        ours: ours.into_iter().map(|(w, s, _)| (w, s)).collect(),
    }
}

/// Same spelling, or an expected pronoun answered by a name written before the quotation.
fn speaker_matches(text: &str, expected: &str, ours: Option<&str>, quote_start: usize) -> bool {
    let Some(ours) = ours else { return false };
    if ours == expected {
        return true;
    }
    let pronoun = matches!(expected.to_lowercase().as_str(), "he" | "she");
    pronoun && text.get(..quote_start).is_some_and(|before| before.contains(ours))
}

/// Quoted words without quote marks, surrounding spaces and trailing commas.
fn normalise(words: &str) -> String {
    let marks: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’', '\''];
    words.trim().trim_matches(marks).trim().trim_end_matches(',').trim().to_string()
}

/// The figures for `crosscheck eval`.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let outcomes = run_cases(data_dir)?;
    let cases = outcomes.len();
    let passed = outcomes.iter().filter(|o| o.passed()).count();
    let expected: usize = outcomes.iter().map(|o| o.expected).sum();
    let found: usize = outcomes.iter().map(|o| o.found).sum();
    let speakers: usize = outcomes.iter().map(|o| o.speakers_right).sum();
    let spurious: usize = outcomes.iter().map(|o| o.spurious).sum();
    let share = |k: usize, n: usize| if n == 0 { 0.0 } else { 100.0 * k as f64 / n as f64 };
    let reference = "textacy 0.13 + spaCy en_core_web_sm: all (its own unit tests)";
    Ok(vec![
        Figure::new(
            format!("quotes, textacy direct quotations ({cases} English cases): cases fully right"),
            format!("{passed}/{cases} = {:.2}%", share(passed, cases)),
            reference,
        ),
        Figure::new(
            "quotes, textacy direct quotations: quotations found",
            format!("{found}/{expected} = {:.2}%", share(found, expected)),
            reference,
        ),
        Figure::new(
            "quotes, textacy direct quotations: speakers right",
            format!("{speakers}/{expected} = {:.2}%", share(speakers, expected)),
            reference,
        ),
        Figure::new("quotes, textacy direct quotations: spurious full quotations", spurious.to_string(), "textacy: 0"),
    ])
}
