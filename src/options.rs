//! Settings for a comparison, with defaults and limits that bound the work (the core has no
//! timeouts: on wasm32 there is no clock, so every cost is bounded by these numbers instead).

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Settings for [`crate::compare()`]. Every field has a default; unknown fields are rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Most articles compared at once.
    pub max_articles: usize,
    /// Longest article read, in bytes of UTF-8; a longer one is skipped with a warning.
    pub max_article_bytes: usize,
    /// Most text read in total, in bytes of UTF-8.
    pub max_total_bytes: usize,
    /// Lowest similarity (0 to 1) at which two sentences are taken to report the same fact.
    /// The default, 0.375, is where same-event links on the ECB+ dev topics keep a precision of
    /// 0.80 (recall 0.34; `crosscheck eval` prints the curve).
    pub min_fact_score: f64,
    /// Most candidate sentences scored per sentence when the input is large.
    pub max_candidates_per_sentence: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_articles: 2_000,
            max_article_bytes: 8_000_000,
            max_total_bytes: 64_000_000,
            min_fact_score: 0.375,
            max_candidates_per_sentence: 40,
        }
    }
}

impl Options {
    /// Checks that the settings can be used.
    pub fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.min_fact_score) || self.min_fact_score.is_nan() {
            return Err(Error::InvalidOptions(format!(
                "minFactScore must be between 0 and 1, not {}",
                self.min_fact_score
            )));
        }
        if self.max_candidates_per_sentence == 0 {
            return Err(Error::InvalidOptions("maxCandidatesPerSentence must be at least 1".into()));
        }
        Ok(())
    }
}
