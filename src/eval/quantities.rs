//! Quantity extraction against public unit-test specs (native only).
//!
//! In: `../shared/data/quantulum3_tests` (quantulum3's English tests) and
//! `../shared/data/recognizers_text_en` (Microsoft Recognizers-Text English Number, Percent,
//! NumberRange and Dimension specs). Out: one [`SpecResult`] per file and the [`Figure`]s
//! `crosscheck eval` prints.
//!
//! # What is claimed
//!
//! Both sets test far more than a news extractor needs (scientific notation, compound units,
//! Indian numbering, "one over three"). A case is *claimed* unless it needs a feature we do not
//! support, decided mechanically from the case itself (its expected units and surfaces) by
//! `quantulum_exclusion`, `number_exclusion`, `range_exclusion` and the judges below: units
//! outside our table, scientific notation, digit and vulgar fractions, years read as numbers,
//! spoken decimals, Indian numbering, "a over b" fractions, comparison symbols, two comparatives
//! joined into one range, and cases the .NET reference itself fails. Every unclaimed case is
//! reported with its reason, every claimed failure with its sentence and what we found. The
//! claimed pass rate is what the integration test holds at 95 %.
//!
//! # How a case is matched
//!
//! Our matches are compared with the expected results as multisets of (value, unit), values
//! equal to 1e-6 relative:
//! - units: quantulum3 and Recognizers unit names go through a small table to ours ("metre" →
//!   `m`, "percentage" → `%`, "Square kilometer" → `km2`); an expected unit missing from the
//!   table makes the case unclaimed ("unit not supported");
//! - our counted-noun units ("50 cars" → `car`) count as dimensionless, as both sets do;
//! - a spoken fraction we report as a share in percent ("two thirds" → 66.67 `%`, its surface has
//!   no "%" or "percent") counts as its plain value (0.6667, dimensionless);
//! - ordinals are ignored (neither set's number models report them);
//! - the Number model compares values only (it reports "$20" as the number 20); the Dimension
//!   model ignores our matches that are not measures (counts, money, percentages, time spans);
//! - NumberRange compares our bound and ends with the expected interval: `(a,)` more than,
//!   `[a,)` at least, `(,b)` less than, `(,b]` at most, `[a,b)` or `[a,b]` a range.
//!
//! `errors.json` holds strings that must not crash the extractor: each passes when extraction
//! returns.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::eval::Figure;
use crate::extract::quantities::{extract_quantities, QuantityMatch};
use crate::report::Bound;

/// The pass rate of one spec file.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecResult {
    /// Which file, e.g. `quantulum3 quantities.json`.
    pub suite: String,
    /// Cases in the file.
    pub total: usize,
    /// Cases we claim to handle.
    pub claimed: usize,
    /// Claimed cases that pass.
    pub passed: usize,
    /// Claimed cases that fail: the input and what we found.
    pub failures: Vec<String>,
    /// Cases not claimed, with the reason.
    pub unclaimed: Vec<(String, String)>,
}

impl SpecResult {
    /// Passed over claimed, 0 to 1 (1 when nothing is claimed).
    pub fn rate(&self) -> f64 {
        if self.claimed == 0 {
            1.0
        } else {
            self.passed as f64 / self.claimed as f64
        }
    }

    fn new(suite: &str) -> Self {
        SpecResult { suite: suite.to_string(), total: 0, claimed: 0, passed: 0, failures: Vec::new(), unclaimed: Vec::new() }
    }

    fn record(&mut self, input: &str, verdict: Verdict, found: &[QuantityMatch]) {
        self.total += 1;
        match verdict {
            Verdict::Unclaimed(reason) => self.unclaimed.push((input.to_string(), reason.to_string())),
            Verdict::Pass => {
                self.claimed += 1;
                self.passed += 1;
            }
            Verdict::Fail => {
                self.claimed += 1;
                self.failures.push(format!("{input:?} → {}", describe(input, found)));
            }
        }
    }
}

enum Verdict {
    Pass,
    Fail,
    Unclaimed(&'static str),
}

/// quantulum3 unit names → ours.
const QUANTULUM_UNITS: &[(&str, &str)] = &[
    ("dimensionless", ""), ("percentage", "%"), ("metre", "m"), ("kilometre", "km"),
    ("square kilometre", "km2"), ("square mile", "mi2"), ("mile", "mi"), ("inch", "in"),
    ("foot", "ft"), ("kilogram", "kg"), ("gram", "g"), ("milligram", "mg"), ("tonne", "t"),
    ("pound-mass", "lb"), ("litre", "l"), ("gallon", "gal"), ("cubic centimetre", "ml"),
    ("second", "second"), ("minute", "minute"), ("hour", "hour"), ("day", "day"),
    ("week", "week"), ("month", "month"), ("year", "year"), ("dollar", "USD"), ("euro", "EUR"),
    ("pound sterling", "GBP"), ("degree Celsius", "°C"), ("degree fahrenheit", "°F"),
    ("degree Fahrenheit", "°F"), ("kilometre per hour", "km/h"),
];

/// Recognizers-Text dimension unit names → ours.
const RECOGNIZERS_UNITS: &[(&str, &str)] = &[
    ("Pound", "lb"), ("Milliliter", "ml"), ("Inch", "in"), ("Mile", "mi"), ("Foot", "ft"),
    ("Ounce", "oz"), ("Acre", "acre"), ("Gallon", "gal"), ("Square meter", "m2"), ("Ton", "t"),
    ("Metric ton", "t"), ("Meter", "m"), ("Kilometer", "km"), ("Millimeter", "mm"),
    ("Square kilometer", "km2"), ("Kilometer per hour", "km/h"), ("Mile per hour", "mph"),
    ("Kilogram", "kg"), ("Gram", "g"), ("Barrel", "barrel"), ("Degree", "°"),
];

/// Units that are measures, as opposed to counted nouns.
const MEASURES: &[&str] = &[
    "%", "percentage point", "point", "km", "km2", "m", "m2", "cm", "mm", "mi", "mi2", "ft", "in",
    "yd", "acre", "ha", "kg", "g", "mg", "t", "lb", "oz", "l", "ml", "gal", "mph", "km/h",
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "°", "°C",
    "°F", "K", "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "barrel",
];

const DIMENSIONS: &[&str] = &[
    "km", "km2", "m", "m2", "cm", "mm", "mi", "mi2", "ft", "in", "yd", "acre", "ha", "kg", "g",
    "mg", "t", "lb", "oz", "l", "ml", "gal", "mph", "km/h", "°", "barrel",
];

/// Every spec file's result, in a fixed order. Missing folders are an error.
pub fn spec_results(data_dir: &Path) -> Result<Vec<SpecResult>, String> {
    let quantulum = data_dir.join("quantulum3_tests");
    let recognizers = data_dir.join("recognizers_text_en");
    let mut results = vec![
        quantulum_file(&quantulum.join("quantities.json"), "quantulum3 quantities.json")?,
        quantulum_file(&quantulum.join("quantities.ambiguity.json"), "quantulum3 quantities.ambiguity.json")?,
        crash_file(&quantulum.join("errors.json"))?,
    ];
    results.push(recognizers_file(&recognizers.join("Number/NumberModel.json"), "Recognizers NumberModel.json", number_case)?);
    results.push(recognizers_file(&recognizers.join("Number/PercentModel.json"), "Recognizers PercentModel.json", percent_case)?);
    results.push(recognizers_file(&recognizers.join("Number/NumberRangeModel.json"), "Recognizers NumberRangeModel.json", range_case)?);
    results.push(recognizers_file(&recognizers.join("NumberWithUnit/DimensionModel.json"), "Recognizers DimensionModel.json", dimension_case)?);
    Ok(results)
}

/// The evaluation table rows: claimed pass rate per file.
pub fn figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    Ok(spec_results(data_dir)?
        .iter()
        .map(|r| {
            let reference = if r.suite.starts_with("quantulum3 quantities.json") {
                "quantulum3 0.10.0: 101/101"
            } else if r.suite.contains("ambiguity") {
                "quantulum3 0.10.0: 8/20"
            } else if r.suite.contains("errors") {
                "must not crash"
            } else {
                ".NET reference: all cases not flagged for dotnet"
            };
            Figure::new(
                format!("quantities: {} (claimed {} of {})", r.suite, r.claimed, r.total),
                format!("{}/{} = {:.2}%", r.passed, r.claimed, 100.0 * r.rate()),
                reference,
            )
        })
        .collect())
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| format!("{}: {e}", path.display()))
}

fn cases(path: &Path) -> Result<Vec<Value>, String> {
    match read_json(path)? {
        Value::Array(cases) => Ok(cases),
        _ => Err(format!("{}: not a list of cases", path.display())),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn describe(input: &str, found: &[QuantityMatch]) -> String {
    let mut out = String::new();
    for q in found {
        let surface = input.get(q.range.clone()).unwrap_or("");
        let _ = write!(out, "[{surface} = {} {:?} {}] ", q.value, q.bound, q.unit);
    }
    if out.is_empty() {
        out.push_str("nothing");
    }
    out
}

/// A spoken fraction reported in percent: its surface says nothing about percent.
fn is_spoken_share(input: &str, q: &QuantityMatch) -> bool {
    let surface = input.get(q.range.clone()).unwrap_or("").to_lowercase();
    q.unit == "%" && !surface.contains('%') && !surface.contains("percent") && !surface.contains("per cent")
}

/// Our match as the (value, unit) the specs use (see the module documentation).
fn comparable(input: &str, q: &QuantityMatch) -> (f64, String) {
    if is_spoken_share(input, q) {
        return (q.value / 100.0, String::new());
    }
    let unit = if MEASURES.contains(&q.unit.as_str()) { q.unit.clone() } else { String::new() };
    (q.value, unit)
}

/// True when `found` and `expected` are equal as multisets of (value, unit).
fn same_multiset(mut found: Vec<(f64, String)>, expected: &[(f64, String)]) -> bool {
    if found.len() != expected.len() {
        return false;
    }
    for (value, unit) in expected {
        match found.iter().position(|(v, u)| u == unit && close(*v, *value)) {
            Some(k) => {
                found.swap_remove(k);
            }
            None => return false,
        }
    }
    true
}

fn has_year_number(surface: &str, unit: &str) -> bool {
    unit.is_empty() && surface.len() == 4 && surface.bytes().all(|b| b.is_ascii_digit()) && surface.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Why a quantulum3 expected result is out of scope, if it is.
fn quantulum_exclusion(surface: &str, unit: Option<&str>) -> Option<&'static str> {
    let Some(unit) = unit else { return Some("unit not supported") };
    let lower = surface.to_lowercase();
    let bytes = lower.as_bytes();
    let exponent = bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'e' && (w[2].is_ascii_digit() || w[2] == b'-' || w[2] == b'+'));
    if exponent || lower.contains('×') || lower.contains('^') || lower.contains("x10") || lower.contains("x2") {
        return Some("scientific notation");
    }
    if lower.contains('±') || lower.contains("+/-") {
        return Some("stated uncertainty");
    }
    if lower.contains('/') || lower.chars().any(|c| ('\u{bc}'..='\u{be}').contains(&c) || ('\u{2150}'..='\u{215e}').contains(&c)) {
        return Some("digit or vulgar fractions");
    }
    if has_year_number(surface, unit) {
        return Some("year read as a number (we read years as times)");
    }
    if surface.starts_with('(') {
        return Some("accounting negative in parentheses");
    }
    if lower.contains(" pm") || lower.contains(" am") {
        return Some("am/pm read as picometre/attometre");
    }
    if lower.contains('"') || lower.contains('\'') {
        return Some("quote marks as inches, feet or arc units");
    }
    None
}

fn quantulum_file(path: &Path, suite: &str) -> Result<SpecResult, String> {
    let mut result = SpecResult::new(suite);
    for case in cases(path)? {
        let input = case["req"].as_str().unwrap_or_default();
        let mut expected = Vec::new();
        let mut reason = None;
        for item in case["res"].as_array().map(Vec::as_slice).unwrap_or_default() {
            let surface = item["surface"].as_str().unwrap_or_default();
            let unit_name = item["unit"].as_str().unwrap_or_default();
            let unit = QUANTULUM_UNITS.iter().find(|(name, _)| *name == unit_name).map(|&(_, u)| u);
            reason = reason.or_else(|| quantulum_exclusion(surface, unit));
            expected.push((item["value"].as_f64().unwrap_or(f64::NAN), unit.unwrap_or_default().to_string()));
        }
        let found = extract_quantities(input);
        let verdict = match reason {
            Some(reason) => Verdict::Unclaimed(reason),
            None => {
                let ours = found.iter().filter(|q| q.unit != "ordinal").map(|q| comparable(input, q)).collect();
                if same_multiset(ours, &expected) { Verdict::Pass } else { Verdict::Fail }
            }
        };
        result.record(input, verdict, &found);
    }
    Ok(result)
}

fn crash_file(path: &Path) -> Result<SpecResult, String> {
    let mut result = SpecResult::new("quantulum3 errors.json (no crash)");
    for case in cases(path)? {
        let input = case.as_str().unwrap_or_default();
        let found = extract_quantities(input);
        result.record(input, Verdict::Pass, &found);
    }
    Ok(result)
}

/// One expected Recognizers result: surface, resolution value and unit.
struct Expected {
    text: String,
    value: Option<String>,
    unit: Option<String>,
    subtype: String,
}

type CaseJudge = fn(&str, &[Expected], &[QuantityMatch]) -> Verdict;

fn recognizers_file(path: &Path, suite: &str, judge: CaseJudge) -> Result<SpecResult, String> {
    let mut result = SpecResult::new(suite);
    for case in cases(path)? {
        let input = case["Input"].as_str().unwrap_or_default();
        let reference_fails = case["NotSupported"].as_str().is_some_and(|s| s.contains("dotnet"));
        let expected: Vec<Expected> = case["Results"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|r| Expected {
                text: r["Text"].as_str().unwrap_or_default().to_lowercase(),
                value: r["Resolution"]["value"].as_str().map(str::to_string),
                unit: r["Resolution"]["unit"].as_str().map(str::to_string),
                subtype: r["Resolution"]["subtype"].as_str().unwrap_or_default().to_string(),
            })
            .collect();
        let found = extract_quantities(input);
        let verdict = if reference_fails {
            Verdict::Unclaimed("the reference implementation fails it too")
        } else {
            judge(input, &expected, &found)
        };
        result.record(input, verdict, &found);
    }
    Ok(result)
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

const ONES: &[&str] = &["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const DENOMINATORS: &[&str] = &[
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
    "fifths", "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths",
    "tenth", "tenths",
];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion",
];

/// Why a Recognizers number (or the sentence around it) is out of scope, if it is.
fn number_exclusion(input: &str, expected: &Expected) -> Option<&'static str> {
    let text = expected.text.as_str();
    let words: Vec<&str> = words_of(text).collect();
    let has = |w: &str| words.contains(&w);
    if expected.subtype == "power" || text.contains('^') {
        return Some("powers and scientific notation");
    }
    if has("lakh") || has("crore") {
        return Some("Indian numbering (lakh, crore)");
    }
    if has("nought") || has("naught") || has("point") {
        return Some("spoken decimals and 'nought'");
    }
    if has("negative") || has("minus") {
        return Some("signs in words (minus, negative)");
    }
    if text.chars().any(|c| ('\u{bc}'..='\u{be}').contains(&c) || ('\u{2150}'..='\u{215e}').contains(&c)) || text.contains('/') {
        return Some("digit or vulgar fractions");
    }
    if expected.subtype == "fraction" {
        if has("over") || has("out") || has("in") {
            return Some("fractions as 'a over b', 'a out of b', 'a in b'");
        }
        let scale = has("million") || has("billion") || has("thousand");
        if scale {
            return Some("fraction combined with a scale word");
        }
        let Some(position) = words.iter().rposition(|w| DENOMINATORS.contains(w)) else {
            return Some("denominators beyond tenths (hundredths, twenty-firsts)");
        };
        let numerator_ok = position > 0 && ONES.contains(&words[position - 1]);
        let before_ok = position < 2 || !NUMBER_WORDS.contains(&words[position - 2]) || words[position - 2] == "and";
        if !numerator_ok || !before_ok || position + 1 != words.len() {
            return Some("fractions with numerators above ten");
        }
    }
    let digits = text.chars().any(|c| c.is_ascii_digit());
    let scale_words = words.iter().filter(|w| ["hundred", "thousand", "million", "billion", "trillion", "crore"].contains(w)).count();
    if digits && (has("and") || scale_words > 1) {
        return Some("digits mixed with number words");
    }
    if words.iter().any(|w| ["dzs", "dozs", "g"].contains(w) || w.ends_with('g') && w.starts_with(|c: char| c.is_ascii_digit())) {
        return Some("letter scale G and dozen abbreviations");
    }
    let comma_decimal = text.bytes().enumerate().any(|(k, b)| {
        b == b',' && text[k + 1..].bytes().take_while(u8::is_ascii_digit).count() % 3 != 0
    });
    if comma_decimal && !text.contains(", ") {
        return Some("decimal comma and Indian digit grouping");
    }
    if input.contains("192.168") || input.contains('+') || input.matches('/').count() >= 2 {
        return Some("addresses, phone numbers and dates read as numbers");
    }
    None
}

/// Input-level exclusions for the number model: numbers glued to units, identifiers.
fn number_input_exclusion(input: &str) -> Option<&'static str> {
    let bytes = input.as_bytes();
    for (k, w) in bytes.windows(2).enumerate() {
        if w[0].is_ascii_digit() && w[1].is_ascii_alphabetic() {
            let letters: String = input[k + 1..].chars().take_while(char::is_ascii_alphabetic).collect();
            if ["ml", "km", "m", "mm", "kg", "cm"].contains(&letters.as_str()) {
                return Some("numbers glued to a unit (the number model leaves them out)");
            }
        }
        if w[0] == b'-' && w[1].is_ascii_digit() && k > 0 && bytes[k - 1].is_ascii_alphabetic() {
            return Some("identifiers with numbers (SCP-173)");
        }
        if w[0] == b'-' && w[1] == b' ' && k + 2 < bytes.len() && bytes[k + 2].is_ascii_digit() {
            return Some("detached minus sign");
        }
    }
    if input.contains(" - ") && !input.chars().any(|c| c.is_ascii_digit()) {
        return Some("spaced hyphen inside number words");
    }
    None
}

fn number_case(input: &str, expected: &[Expected], found: &[QuantityMatch]) -> Verdict {
    if let Some(reason) = number_input_exclusion(input) {
        return Verdict::Unclaimed(reason);
    }
    if let Some(reason) = expected.iter().find_map(|e| number_exclusion(input, e)) {
        return Verdict::Unclaimed(reason);
    }
    let wanted: Vec<(f64, String)> = expected
        .iter()
        .map(|e| (e.value.as_deref().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN), String::new()))
        .collect();
    let ours = found
        .iter()
        .filter(|q| q.unit != "ordinal")
        .map(|q| (comparable(input, q).0, String::new()))
        .collect();
    if same_multiset(ours, &wanted) { Verdict::Pass } else { Verdict::Fail }
}

fn percent_case(_input: &str, expected: &[Expected], found: &[QuantityMatch]) -> Verdict {
    for e in expected {
        if e.value.as_deref().is_none_or(|v| v == "null") {
            return Verdict::Unclaimed("the word 'percent' without a number");
        }
        if e.text.starts_with("per") {
            return Verdict::Unclaimed("percent before its number ('per cent of 210')");
        }
        if e.text.contains("minus") {
            return Verdict::Unclaimed("signs in words (minus, negative)");
        }
    }
    let wanted: Vec<(f64, String)> = expected
        .iter()
        .map(|e| {
            let value = e.value.as_deref().unwrap_or_default().trim_end_matches('%').parse().unwrap_or(f64::NAN);
            (value, "%".to_string())
        })
        .collect();
    let ours = found.iter().filter(|q| q.unit == "%").map(|q| (q.value, q.unit.clone())).collect();
    if same_multiset(ours, &wanted) { Verdict::Pass } else { Verdict::Fail }
}

/// Parses "(20,35]" into (low, low inclusive, high, high inclusive); open ends are `None`.
fn parse_interval(value: &str) -> Option<(Option<f64>, bool, Option<f64>, bool)> {
    let low_closed = value.starts_with('[');
    let high_closed = value.ends_with(']');
    let inner = value.get(1..value.len().checked_sub(1)?)?;
    let (low, high) = inner.split_once(',')?;
    let parse = |s: &str| if s.trim().is_empty() { Some(None) } else { s.trim().parse::<f64>().ok().map(Some) };
    Some((parse(low)?, low_closed, parse(high)?, high_closed))
}

/// Our match as an interval in the spec's terms, or `None` when it is a plain number.
fn our_interval(input: &str, q: &QuantityMatch) -> Option<(Option<f64>, bool, Option<f64>, bool)> {
    let scale = if is_spoken_share(input, q) { 0.01 } else { 1.0 };
    let v = q.value * scale;
    match q.bound {
        Bound::MoreThan => Some((Some(v), false, None, false)),
        Bound::AtLeast => Some((Some(v), true, None, false)),
        Bound::LessThan => Some((None, false, Some(v), false)),
        Bound::AtMost => Some((None, false, Some(v), true)),
        Bound::Range => Some((q.low.map(|x| x * scale), true, q.high.map(|x| x * scale), false)),
        _ => None,
    }
}

fn range_exclusion(expected: &Expected) -> Option<&'static str> {
    let text = expected.text.as_str();
    if text.contains("equal") {
        return Some("'equal to' and 'or equal' comparatives");
    }
    if text.contains("negative") || text.contains("minus") {
        return Some("signs in words (minus, negative)");
    }
    if text.contains(" but ") || text.contains(", ") || (text.contains(" and ") && !text.starts_with("between") && !text.ends_with("and more")) {
        return Some("two comparatives joined into one range");
    }
    if text.contains(['<', '>', '=', '~']) {
        return Some("comparison symbols");
    }
    if text.contains("th ") || text.ends_with("th") || text.contains(" in ") || text.contains('/') {
        return Some("ordinal and fractional range ends");
    }
    if text.contains("through") || text.ends_with("than") {
        return Some("'through' ranges and dangling comparatives");
    }
    None
}

fn range_case(input: &str, expected: &[Expected], found: &[QuantityMatch]) -> Verdict {
    if let Some(reason) = expected.iter().find_map(range_exclusion) {
        return Verdict::Unclaimed(reason);
    }
    let Some(wanted) = expected.iter().map(|e| e.value.as_deref().and_then(parse_interval)).collect::<Option<Vec<_>>>() else {
        return Verdict::Unclaimed("unreadable interval");
    };
    let mut ours: Vec<_> = found.iter().filter_map(|q| our_interval(input, q)).collect();
    if ours.len() != wanted.len() {
        return Verdict::Fail;
    }
    let same_end = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => close(x, y),
        (None, None) => true,
        _ => false,
    };
    for (low, low_closed, high, high_closed) in wanted {
        // A two-sided range's end brackets differ between the spec's forms; ours are [low, high).
        let two_sided = low.is_some() && high.is_some();
        let position = ours.iter().position(|&(l, lc, h, hc)| {
            same_end(l, low) && same_end(h, high) && (two_sided || (lc == low_closed && hc == high_closed))
        });
        match position {
            Some(k) => {
                ours.swap_remove(k);
            }
            None => return Verdict::Fail,
        }
    }
    Verdict::Pass
}

fn dimension_case(_input: &str, expected: &[Expected], found: &[QuantityMatch]) -> Verdict {
    let mut wanted = Vec::new();
    for e in expected {
        let Some(value) = e.value.as_deref().and_then(|v| v.parse::<f64>().ok()) else {
            return Verdict::Unclaimed("a unit without a number");
        };
        let unit_name = e.unit.as_deref().unwrap_or_default();
        let Some(unit) = RECOGNIZERS_UNITS.iter().find(|(name, _)| *name == unit_name).map(|&(_, u)| u) else {
            return Verdict::Unclaimed("unit not supported");
        };
        if e.text.contains('/') || e.text.contains('"') || e.text.contains(['(', '[', '{', '<']) {
            return Verdict::Unclaimed("digit fractions, inch marks and bracketed units");
        }
        if unit == "ft" && (e.text.contains(" in") || e.text.contains("inches")) {
            return Verdict::Unclaimed("compound measures (5 ft 2 in)");
        }
        if e.text.contains("lakh") {
            return Verdict::Unclaimed("Indian numbering (lakh, crore)");
        }
        wanted.push((value, unit.to_string()));
    }
    let ours = found
        .iter()
        .filter(|q| DIMENSIONS.contains(&q.unit.as_str()))
        .map(|q| (q.value, q.unit.clone()))
        .collect();
    if same_multiset(ours, &wanted) { Verdict::Pass } else { Verdict::Fail }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Interval = (Option<f64>, bool, Option<f64>, bool);

    #[test]
    fn intervals_parse_with_open_and_closed_ends() {
        let table: &[(&str, Option<Interval>)] = &[
            ("(20,35]", Some((Some(20.0), false, Some(35.0), true))),
            ("[30,)", Some((Some(30.0), true, None, false))),
            ("(,100]", Some((None, false, Some(100.0), true))),
            ("nonsense", None),
            ("", None),
        ];
        for (text, want) in table {
            assert_eq!(parse_interval(text), *want, "{text}");
        }
    }

    #[test]
    fn multisets_compare_values_and_units() {
        let found = vec![(2.0, "m".to_string()), (2000.0, "GBP".to_string())];
        assert!(same_multiset(found.clone(), &[(2000.0, "GBP".to_string()), (2.0, "m".to_string())]));
        assert!(!same_multiset(found.clone(), &[(2.0, "m".to_string())]));
        assert!(!same_multiset(found, &[(2.0, "km".to_string()), (2000.0, "GBP".to_string())]));
    }

    #[test]
    fn quantulum_exclusions_are_mechanical() {
        let table: &[(&str, Option<&str>, bool)] = &[
            ("4e14 s-1", Some(""), true),
            ("1979", Some(""), true),
            ("2 1/2 in", Some("in"), true),
            ("two meters", Some("m"), false),
            ("4,000 km", None, true),
        ];
        for (surface, unit, excluded) in table {
            assert_eq!(quantulum_exclusion(surface, *unit).is_some(), *excluded, "{surface}");
        }
    }
}
