//! Sentence segmentation against the English "Golden Rules" (native only).
//!
//! In: the data folder (`golden_rules_en/` inside it). Out: per suite, how many cases
//! [`crate::read::segment::segment`] gets exactly right, and the ids of the others.
//!
//! A case passes when the list of sentences equals the expected list, as the pySBD
//! benchmark compares them: each sentence stripped, exact list equality; the cases'
//! `options` (`doc_type: pdf`, `clean: false`) are ignored, as in the measured baselines.
//! Because our sentences are ranges of the original text, whitespace inside them is the
//! original whitespace; the expected lists come from a cleaning segmenter that turns a line
//! break inside a sentence into a space, so both sides have runs of whitespace collapsed to
//! one space before comparing. Nothing else is normalised.

use std::path::Path;

use serde::Deserialize;

use super::Figure;
use crate::read::segment::segment;

/// The three suites: file, figure label, pySBD's measured result.
const SUITES: [(&str, &str, &str); 3] = [
    ("golden_rules_en.json", "golden rules (48, pySBD set)", "pySBD 47/48 = 97.92%"),
    ("golden_rules_en_52_pragmatic_segmenter.json", "golden rules (52, pragmatic_segmenter)", "pySBD 48/52 = 92.31%"),
    ("pragmatic_segmenter_english_spec_all.json", "English spec (181, pragmatic_segmenter)", "pySBD 153/181 = 84.53%"),
];

/// The outcome of one suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteResult {
    /// The suite's file name.
    pub file: String,
    /// Cases segmented exactly as expected.
    pub passed: usize,
    /// Cases in the suite.
    pub total: usize,
    /// Ids of the cases that failed, in file order.
    pub failures: Vec<String>,
}

#[derive(Deserialize)]
struct Case {
    id: serde_json::Value,
    input: String,
    expected: Vec<String>,
}

/// Runs the three suites found in `data_dir/golden_rules_en`.
pub fn golden_rules(data_dir: &Path) -> Result<Vec<SuiteResult>, String> {
    let folder = data_dir.join("golden_rules_en");
    SUITES
        .iter()
        .map(|(file, _, _)| {
            let path = folder.join(file);
            let json = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let cases: Vec<Case> =
                serde_json::from_str(&json).map_err(|e| format!("cannot parse {}: {e}", path.display()))?;
            let failures: Vec<String> = cases
                .iter()
                .filter(|case| !passes(case))
                .map(|case| match &case.id {
                    serde_json::Value::String(id) => id.clone(),
                    id => id.to_string(),
                })
                .collect();
            Ok(SuiteResult {
                file: file.to_string(),
                passed: cases.len() - failures.len(),
                total: cases.len(),
                failures,
            })
        })
        .collect()
}

/// One figure per suite: exact-match share, with pySBD's measured share as the reference.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    let results = golden_rules(data_dir)?;
    Ok(results
        .iter()
        .zip(SUITES)
        .map(|(result, (_, label, reference))| {
            let share = 100.0 * result.passed as f64 / result.total.max(1) as f64;
            Figure::new(
                format!("sentence segmentation, {label}: exact match"),
                format!("{}/{} = {share:.2}%", result.passed, result.total),
                reference,
            )
        })
        .collect())
}

fn passes(case: &Case) -> bool {
    let actual = segment(&case.input);
    actual.len() == case.expected.len()
        && actual.iter().zip(&case.expected).all(|(range, expected)| same_words(&case.input[range.clone()], expected))
}

/// Equal once stripped and with every run of whitespace read as one space.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_compare_equal_and_words_do_not() {
        let cases = [
            ("a cold \nnight.", "a cold night.", true),
            ("  Hello.  ", "Hello.", true),
            ("Hello.", "Hello .", false),
            ("Hello world.", "Hello  world!", false),
        ];
        for (a, b, equal) in cases {
            assert_eq!(same_words(a, b), equal, "{a:?} vs {b:?}");
        }
    }
}
