//! Quantities: numbers with their unit and how the text qualifies them.
//!
//! In: any text, usually one sentence. Out: [`QuantityMatch`]es in text order, each the byte
//! range of the whole expression ("more than 1.2 million people"), its value, the interval the
//! text commits to, the qualifier as a [`Bound`] and a normalised unit.
//!
//! What counts as a quantity: digits ("115,600", "1.2", "40 000"), number words ("nearly six
//! hundred", "twenty-nine", "a hundred and two"), scale words and abbreviations ("1.2 million",
//! "$5bn", "£3m", "10k"), fractions of a whole, reported as shares in percent ("a fifth" → 20 %,
//! "three quarters" → 75 %), ranges ("25,000–30,000", "between 5 and 7", "5 to 7 million"),
//! percentages and percentage points, ordinals ("fourth year", "21st" → unit `ordinal`),
//! currencies, measures and counted nouns ("604 lives" → unit `life`).
//!
//! What does not: years ("in 2022" is a time, see [`super::times`]), day numbers next to a month
//! ("Feb. 24"), clock times ("10:30", "2 pm"), numbers glued to letters or hyphenated to a word
//! ("G8", "COVID-19", "i7"), numbers right after a capitalised word mid-sentence ("Boeing 737",
//! "Air Force One"), dotted sequences ("192.168.1.2"), digit fractions and scientific notation.
//!
//! Bounds and intervals (`low`, `high`):
//! - exact: `low = high = value`;
//! - approximate ("about", "around", "roughly", "some", "an estimated", "close to", ...):
//!   `value` ± [`APPROXIMATE_MARGIN`] (5 %);
//! - "nearly" and "almost" are approximate too, but from below: `low = value − 5 %`, `high = value`
//!   (nearly 600 is never more than 600);
//! - at least / more than: `low = value`, no `high`; at most / less than: `high = value`, no `low`;
//! - ranges: `low` and `high` are the two ends and `value` their midpoint.
//!
//! Units: `%`, `percentage point`, `point`, `ordinal`, currencies as ISO codes (`USD`, `EUR`,
//! `GBP`, ...), measures by symbol (`km`, `km2`, `m`, `mi`, `kg`, `t`, `l`, `°C`, ...), time spans
//! by singular name (`hour`, `day`, `year`, ...), and for a counted noun its singular lemma
//! (`drone`, `life`, `casualty`; `people`, `person` and `persons` all give `people`). Plain
//! numbers have an empty unit. "pounds" is money (`GBP`) after a scale word ("20 million
//! pounds") and weight (`lb`) otherwise.
//!
//! The scan is linear: the text is split into tokens once and each token starts at most one
//! bounded look-ahead.
//!
//! `qualifiers` reads a quantity's qualifier or range around the amount that `amount`
//! parses, and `units` the unit after it; the tokens and number words are
//! `crate::extract::scan`'s, shared with the time extractor.

use std::ops::Range;

use super::scan::Scanner;
use crate::report::Bound;

mod amount;
mod qualifiers;
mod units;

/// Relative half-width of the interval given to an approximate quantity ("about 100" → 95..105).
pub const APPROXIMATE_MARGIN: f64 = 0.05;

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMatch {
    /// Byte range of the whole expression, qualifier and unit included ("more than a fifth").
    pub range: Range<usize>,
    /// The central value (20 for "a fifth"; the midpoint for a range).
    pub value: f64,
    /// Lowest value consistent with the text, if bounded below.
    pub low: Option<f64>,
    /// Highest value consistent with the text, if bounded above.
    pub high: Option<f64>,
    /// How the text qualifies the value.
    pub bound: Bound,
    /// Normalised unit; empty for a plain number.
    pub unit: String,
}

/// Finds every quantity in `text`, in text order, without overlaps. Never panics.
pub fn extract_quantities(text: &str) -> Vec<QuantityMatch> {
    let scanner = Scanner::new(text);
    scanner.find_all(|at| scanner.quantity_at(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, expected surfaces with value, bound and unit, in order).
    type Case = (&'static str, &'static [(&'static str, f64, Bound, &'static str)]);

    const CASES: &[Case] = &[
        ("Russia controls about 19% of Ukraine.", &[("about 19%", 19.0, Bound::Approximate, "%")]),
        ("It holds more than 19% of the land.", &[("more than 19%", 19.0, Bound::MoreThan, "%")]),
        ("It occupies more than a fifth of the country.", &[("more than a fifth", 20.0, Bound::MoreThan, "%")]),
        ("Russia holds one-fifth of Ukrainian territory.", &[("one-fifth", 20.0, Bound::Exact, "%")]),
        ("more than 1.2 million people", &[("more than 1.2 million people", 1.2e6, Bound::MoreThan, "people")]),
        ("over 1.2 million men", &[("over 1.2 million men", 1.2e6, Bound::MoreThan, "man")]),
        ("an estimated 1.2 million casualties", &[("an estimated 1.2 million casualties", 1.2e6, Bound::Approximate, "casualty")]),
        ("around 115,600 square kilometers", &[("around 115,600 square kilometers", 115_600.0, Bound::Approximate, "km2")]),
        ("a rise of one percentage point", &[("one percentage point", 1.0, Bound::Exact, "percentage point")]),
        ("a one-percentage-point rise", &[("one-percentage-point", 1.0, Bound::Exact, "percentage point")]),
        ("Russia fired nearly 600 drones", &[("nearly 600 drones", 600.0, Bound::Approximate, "drone")]),
        ("and roughly 36 missiles", &[("roughly 36 missiles", 36.0, Bound::Approximate, "missile")]),
        ("the 28-point plan", &[("28-point", 28.0, Bound::Exact, "point")]),
        ("a 19-point draft", &[("19-point", 19.0, Bound::Exact, "point")]),
        ("the 10-year bond", &[("10-year", 10.0, Bound::Exact, "year")]),
        ("a four-hour meeting", &[("four-hour", 4.0, Bound::Exact, "hour")]),
        ("the index fell more than 600 points", &[("more than 600 points", 600.0, Bound::MoreThan, "point")]),
        ("shares fell 8%", &[("8%", 8.0, Bound::Exact, "%")]),
        ("floods claimed 604 lives", &[("604 lives", 604.0, Bound::Exact, "life")]),
        ("with 464 people missing", &[("464 people", 464.0, Bound::Exact, "people")]),
        ("it owns 6,000 agency-owned trucks", &[("6,000 agency-owned trucks", 6000.0, Bound::Exact, "truck")]),
        ("it took three months", &[("three months", 3.0, Bound::Exact, "month")]),
        ("He is 44.", &[("44", 44.0, Bound::Exact, "")]),
        ("a 29-year-old man", &[("29-year-old", 29.0, Bound::Exact, "year")]),
        ("the nearly four-year war", &[("nearly four-year", 4.0, Bound::Approximate, "year")]),
        ("the fourth year of war", &[("fourth", 4.0, Bound::Exact, "ordinal")]),
        ("in the second half", &[("second half", 2.0, Bound::Exact, "ordinal")]),
        ("25,000–30,000 troops", &[("25,000–30,000 troops", 27_500.0, Bound::Range, "troop")]),
        ("between 5 and 7 tanks", &[("between 5 and 7 tanks", 6.0, Bound::Range, "tank")]),
        ("5 to 7 million dollars", &[("5 to 7 million dollars", 6e6, Bound::Range, "USD")]),
        ("$5m and £2.5bn", &[("$5m", 5e6, Bound::Exact, "USD"), ("£2.5bn", 2.5e9, Bound::Exact, "GBP")]),
        ("€10M", &[("€10M", 1e7, Bound::Exact, "EUR")]),
        ("19 percent and 19 per cent", &[("19 percent", 19.0, Bound::Exact, "%"), ("19 per cent", 19.0, Bound::Exact, "%")]),
        ("at least 20 and up to 30", &[("at least 20", 20.0, Bound::AtLeast, ""), ("up to 30", 30.0, Bound::AtMost, "")]),
        ("fewer than 50 and no more than 9", &[("fewer than 50", 50.0, Bound::LessThan, ""), ("no more than 9", 9.0, Bound::AtMost, "")]),
        ("three quarters of voters", &[("three quarters", 75.0, Bound::Exact, "%")]),
        ("half of them", &[("half", 50.0, Bound::Exact, "%")]),
        ("a third of the budget", &[("a third", 100.0 / 3.0, Bound::Exact, "%")]),
        ("a hundred and two", &[("a hundred and two", 102.0, Bound::Exact, "")]),
        ("twenty-nine soldiers", &[("twenty-nine soldiers", 29.0, Bound::Exact, "soldier")]),
        ("two and a half miles", &[("two and a half miles", 2.5, Bound::Exact, "mi")]),
        ("a 21st summit", &[("21st", 21.0, Bound::Exact, "ordinal")]),
        ("500 or more", &[("500 or more", 500.0, Bound::AtLeast, "")]),
        // Not quantities: years, names, dates, clock times, identifiers, pronouns.
        ("in 2022 and since 2014", &[]),
        ("World War II, the G8 and Air Force One", &[]),
        ("a Boeing 737 landed", &[]),
        ("on Feb. 24 and 24 February", &[]),
        ("at 10:30 or 2 pm", &[]),
        ("COVID-19 and the Su-57", &[]),
        ("192.168.1.2", &[]),
        ("one of them; no one came", &[]),
        ("May I? Troops march.", &[]),
        ("they won 2-1", &[]),
        ("", &[]),
    ];

    #[test]
    fn news_cases() {
        for (text, want) in CASES {
            let found = extract_quantities(text);
            let got: Vec<(&str, f64, Bound, &str)> =
                found.iter().map(|q| (&text[q.range.clone()], q.value, q.bound, q.unit.as_str())).collect();
            assert_eq!(got.len(), want.len(), "{text}: {got:?}");
            for (g, w) in got.iter().zip(want.iter()) {
                assert_eq!((g.0, g.2, g.3), (w.0, w.2, w.3), "{text}");
                assert!((g.1 - w.1).abs() < 1e-9, "{text}: {} != {}", g.1, w.1);
            }
        }
    }

    #[test]
    fn intervals_follow_the_bound() {
        let table: &[(&str, Option<f64>, Option<f64>)] = &[
            ("19%", Some(19.0), Some(19.0)),
            ("about 100", Some(95.0), Some(105.0)),
            ("nearly 600 drones", Some(570.0), Some(600.0)),
            ("more than a fifth", Some(20.0), None),
            ("at least 20", Some(20.0), None),
            ("less than 10", None, Some(10.0)),
            ("up to 700", None, Some(700.0)),
            ("between 5 and 7", Some(5.0), Some(7.0)),
        ];
        for (text, low, high) in table {
            let found = extract_quantities(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!((found[0].low, found[0].high), (*low, *high), "{text}");
        }
    }

    #[test]
    fn never_panics_and_ranges_sit_on_char_boundaries() {
        let inputs = [
            "", " ", "\0", "$", "-", "–", "1,", "1.", ".", "$-", "between", "more than", "a", "half a",
            "نحو 19% من أوكرانيا", "約 600 機のドローン", "🚀 600 drones 🚀", "e\u{301}5 km", "1\u{a0}", "９９%",
            "99,99,999.9.9", "more than more than 5", "twenty-twenty-twenty", "$5m-$7m", "- 5", "(5", "5/",
        ];
        let long = "nearly six hundred and twenty-one thousand, ".repeat(200);
        for text in inputs.iter().copied().chain([long.as_str()]) {
            for q in extract_quantities(text) {
                assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end), "{text}");
                assert!(q.range.start < q.range.end && q.range.end <= text.len(), "{text}");
                assert!(q.value.is_finite(), "{text}");
            }
        }
    }
}
