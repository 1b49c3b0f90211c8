//! Settings for a comparison, with defaults and limits that bound the work (the core has no
//! timeouts: on wasm32 there is no clock, so every cost is bounded by these numbers instead).
//!
//! Every door (the wasm API, the CLI's `--options`, the Python package, the element's
//! attributes) reads options through [`Options::from_deserializer`], so a misspelt key, a
//! wrong type or an out-of-range value is refused everywhere with the same message, naming
//! the key and what it takes.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

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

/// What each option takes, in the words of the error messages; the names are the serialized
/// ones, as every door spells them.
const OPTION_RANGES: [(&str, &str); 5] = [
    ("maxArticles", "a whole number from 1 up"),
    ("maxArticleBytes", "a whole number from 1 up"),
    ("maxTotalBytes", "a whole number from 1 up"),
    ("minFactScore", "a number from 0 to 1"),
    ("maxCandidatesPerSentence", "a whole number from 1 up"),
];

fn takes(key: &str) -> Option<&'static str> {
    OPTION_RANGES.iter().find(|(name, _)| *name == key).map(|(_, range)| *range)
}

fn known_keys() -> String {
    OPTION_RANGES.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
}

impl Options {
    /// Reads options from any serde source (a JSON text, a JavaScript object, a Python dict
    /// as JSON) and validates them. The message of a refusal names the key and what it takes.
    ///
    /// ```
    /// use crosscheck::Options;
    ///
    /// let mut json = serde_json::Deserializer::from_str(r#"{"minFactScor": 0.9}"#);
    /// let message = Options::from_deserializer(&mut json).unwrap_err().to_string();
    /// assert!(message.contains("minFactScor"), "{message}");
    /// assert!(message.contains("minFactScore"), "the known keys are listed: {message}");
    /// ```
    pub fn from_deserializer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Options, Error> {
        let mut track = serde_path_to_error::Track::new();
        let tracked = serde_path_to_error::Deserializer::new(deserializer, &mut track);
        let read = tracked.deserialize_map(ObjectOnly);
        let options = read.map_err(|inner| {
            let key = track.path().to_string();
            // serde-wasm-bindgen's errors read "Error: ..." (a JavaScript Error's text).
            let inner = inner.to_string();
            let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
            let why = match takes(&key) {
                Some(range) => format!("{key} takes {range}: {inner}"),
                None if inner.starts_with("unknown field") => {
                    let given = inner.split('`').nth(1).unwrap_or(&key);
                    format!("unknown option {given}; the options are {}", known_keys())
                }
                // "." is the whole value; "?" is serde-wasm-bindgen's path inside a JavaScript array.
                None if key == "." || key == "?" => {
                    format!("options must be an object with the keys {}: {inner}", known_keys())
                }
                None => format!("{key}: {inner}"),
            };
            Error::InvalidOptions(why)
        })?;
        options.validate()?;
        Ok(options)
    }

    /// Checks that the settings can be used.
    pub fn validate(&self) -> Result<(), Error> {
        let out_of_range = |key: &str, given: String| {
            Err(Error::InvalidOptions(format!("{key} takes {}, not {given}", takes(key).unwrap_or("another value"))))
        };
        if !(0.0..=1.0).contains(&self.min_fact_score) {
            return out_of_range("minFactScore", self.min_fact_score.to_string());
        }
        for (key, value) in [
            ("maxArticles", self.max_articles),
            ("maxArticleBytes", self.max_article_bytes),
            ("maxTotalBytes", self.max_total_bytes),
            ("maxCandidatesPerSentence", self.max_candidates_per_sentence),
        ] {
            if value == 0 {
                return out_of_range(key, "0".into());
            }
        }
        Ok(())
    }
}

/// Reads options from an object only: serde's derived `Deserialize` would also take a list
/// of values in field order, which no door means.
struct ObjectOnly;

impl<'de> Visitor<'de> for ObjectOnly {
    type Value = Options;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Options, A::Error> {
        Options::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

// serde_json is native only; tests/wasm.rs covers the same refusals through JavaScript.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn refusal(json: &str) -> String {
        Options::from_deserializer(&mut serde_json::Deserializer::from_str(json)).unwrap_err().to_string()
    }

    #[test]
    fn every_field_is_named_in_the_ranges_table() {
        let json = serde_json::to_value(Options::default()).unwrap();
        let mut serialized: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut named: Vec<&str> = OPTION_RANGES.iter().map(|(name, _)| *name).collect();
        serialized.sort_unstable();
        named.sort_unstable();
        assert_eq!(serialized, named);
    }

    #[test]
    fn a_misspelt_key_is_named_with_the_known_ones() {
        assert_eq!(
            refusal(r#"{"minFactScor": 0.9}"#),
            "invalid options: unknown option minFactScor; the options are maxArticles, maxArticleBytes, \
             maxTotalBytes, minFactScore, maxCandidatesPerSentence"
        );
    }

    #[test]
    fn a_wrong_type_names_the_key_and_what_it_takes() {
        let message = refusal(r#"{"minFactScore": "high"}"#);
        assert!(message.starts_with("invalid options: minFactScore takes a number from 0 to 1: invalid type"), "{message}");
        let message = refusal(r#"{"maxArticles": -3}"#);
        assert!(message.starts_with("invalid options: maxArticles takes a whole number from 1 up"), "{message}");
    }

    #[test]
    fn out_of_range_values_name_the_key_and_the_range() {
        assert_eq!(refusal(r#"{"minFactScore": 1.5}"#), "invalid options: minFactScore takes a number from 0 to 1, not 1.5");
        assert_eq!(
            refusal(r#"{"maxCandidatesPerSentence": 0}"#),
            "invalid options: maxCandidatesPerSentence takes a whole number from 1 up, not 0"
        );
    }

    #[test]
    fn not_an_object_is_refused_and_the_keys_are_listed() {
        let message = refusal("[1, 2]");
        assert!(message.starts_with("invalid options: options must be an object with the keys maxArticles"), "{message}");
    }

    #[test]
    fn nan_is_out_of_range() {
        let options = Options { min_fact_score: f64::NAN, ..Options::default() };
        assert!(options.validate().is_err());
    }

    #[test]
    fn partial_options_keep_the_other_defaults() {
        let options = Options::from_deserializer(&mut serde_json::Deserializer::from_str(r#"{"minFactScore": 0.5}"#)).unwrap();
        assert_eq!(options, Options { min_fact_score: 0.5, ..Options::default() });
    }
}
