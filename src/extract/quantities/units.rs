//! Units: what follows an amount and says what it counts or measures.
//!
//! In: a [`Scanner`] and the token index after a number. Out: the normalised unit and the
//! index after it, from the unit tables (`%`, `km2`, `USD`, `hour`, ...), a currency symbol,
//! or a plural counted noun's singular lemma ("604 lives" → `life`).

use crate::extract::scan::{contains, lookup, may_start, Scanner, TokenKind};
use crate::read::chars::starts_upper;

/// Units of several words (or hyphenated), longest first; matched before [`UNITS`].
const UNIT_PHRASES: &[(&[&str], &str)] = &[
    (&["percentage", "points"], "percentage point"),
    (&["percentage", "point"], "percentage point"),
    (&["per", "cent"], "%"),
    (&["square", "kilometres"], "km2"),
    (&["square", "kilometers"], "km2"),
    (&["square", "kilometre"], "km2"),
    (&["square", "kilometer"], "km2"),
    (&["square", "km"], "km2"),
    (&["sq", "km"], "km2"),
    (&["square", "miles"], "mi2"),
    (&["square", "mile"], "mi2"),
    (&["sq", "mi"], "mi2"),
    (&["square", "metres"], "m2"),
    (&["square", "meters"], "m2"),
    (&["square", "metre"], "m2"),
    (&["square", "meter"], "m2"),
    (&["metric", "tons"], "t"),
    (&["metric", "tonnes"], "t"),
    (&["degrees", "celsius"], "°C"),
    (&["degree", "celsius"], "°C"),
    (&["degrees", "centigrade"], "°C"),
    (&["degrees", "fahrenheit"], "°F"),
    (&["degree", "fahrenheit"], "°F"),
    (&["°", "c"], "°C"),
    (&["°", "f"], "°F"),
    (&["miles", "per", "hour"], "mph"),
    (&["miles", "an", "hour"], "mph"),
    (&["kilometres", "per", "hour"], "km/h"),
    (&["kilometers", "per", "hour"], "km/h"),
    (&["kilometres", "an", "hour"], "km/h"),
    (&["kilometers", "an", "hour"], "km/h"),
    (&["km", "/", "h"], "km/h"),
    (&["pounds", "sterling"], "GBP"),
    (&["us", "dollars"], "USD"),
];

/// Single-word units (matched case-insensitively, except where [`CASED_UNITS`] applies).
const UNITS: &[(&str, &str)] = &[
    ("%", "%"), ("percent", "%"), ("percents", "%"), ("pct", "%"), ("percentage", "%"),
    ("point", "point"), ("points", "point"),
    ("km", "km"), ("kms", "km"), ("kilometre", "km"), ("kilometres", "km"), ("kilometer", "km"),
    ("kilometers", "km"), ("km2", "km2"), ("km²", "km2"),
    ("metre", "m"), ("metres", "m"), ("meter", "m"), ("meters", "m"), ("m2", "m2"), ("m²", "m2"),
    ("cm", "cm"), ("centimetre", "cm"), ("centimetres", "cm"), ("centimeter", "cm"),
    ("centimeters", "cm"), ("mm", "mm"), ("millimetre", "mm"), ("millimetres", "mm"),
    ("millimeter", "mm"), ("millimeters", "mm"),
    ("mile", "mi"), ("miles", "mi"), ("mi", "mi"), ("ft", "ft"), ("foot", "ft"), ("feet", "ft"),
    ("inch", "in"), ("inches", "in"), ("yard", "yd"), ("yards", "yd"),
    ("acre", "acre"), ("acres", "acre"), ("hectare", "ha"), ("hectares", "ha"), ("ha", "ha"),
    ("kg", "kg"), ("kgs", "kg"), ("kilogram", "kg"), ("kilograms", "kg"), ("kilogramme", "kg"),
    ("kilogrammes", "kg"), ("kilo", "kg"), ("kilos", "kg"),
    ("gram", "g"), ("grams", "g"), ("gramme", "g"), ("grammes", "g"), ("mg", "mg"),
    ("milligram", "mg"), ("milligrams", "mg"),
    ("tonne", "t"), ("tonnes", "t"), ("ton", "t"), ("tons", "t"), ("t", "t"),
    ("lb", "lb"), ("lbs", "lb"), ("pound", "lb"), ("pounds", "lb"),
    ("ounce", "oz"), ("ounces", "oz"), ("oz", "oz"),
    ("litre", "l"), ("litres", "l"), ("liter", "l"), ("liters", "l"), ("l", "l"),
    ("ml", "ml"), ("millilitre", "ml"), ("millilitres", "ml"), ("milliliter", "ml"),
    ("milliliters", "ml"), ("gallon", "gal"), ("gallons", "gal"), ("gal", "gal"),
    ("mph", "mph"), ("kph", "km/h"), ("kmph", "km/h"),
    ("second", "second"), ("seconds", "second"), ("sec", "second"), ("secs", "second"),
    ("minute", "minute"), ("minutes", "minute"), ("min", "minute"), ("mins", "minute"),
    ("hour", "hour"), ("hours", "hour"), ("hr", "hour"), ("hrs", "hour"),
    ("day", "day"), ("days", "day"), ("week", "week"), ("weeks", "week"),
    ("month", "month"), ("months", "month"), ("year", "year"), ("years", "year"), ("yr", "year"),
    ("yrs", "year"), ("decade", "decade"), ("decades", "decade"), ("century", "century"),
    ("centuries", "century"),
    ("degree", "°"), ("degrees", "°"),
    ("dollar", "USD"), ("dollars", "USD"), ("euro", "EUR"), ("euros", "EUR"), ("yen", "JPY"),
    ("yuan", "CNY"), ("rouble", "RUB"), ("roubles", "RUB"), ("ruble", "RUB"), ("rubles", "RUB"),
    ("hryvnia", "UAH"), ("hryvnias", "UAH"), ("rupee", "INR"), ("rupees", "INR"),
];

/// Units whose letter case matters: "m" (metre; "M" is a million) and "C"/"F" after degrees.
const CASED_UNITS: &[(&str, &str)] = &[("m", "m"), ("g", "g"), ("C", "°C"), ("F", "°F"), ("K", "K")];

/// Currency symbols before (or after) a number.
const CURRENCY_SYMBOLS: &[(char, &str)] = &[
    ('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('¥', "JPY"), ('₽', "RUB"), ('₴', "UAH"), ('₹', "INR"),
];

/// Units that a hyphen may join to a number ("four-hour", "28-point", "27-kilometer").
fn is_hyphen_unit(unit: &str) -> bool {
    !matches!(unit, "%" | "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "INR")
}

/// Words between a number and its counted noun ("6,000 agency-owned trucks").
const MODIFIERS: &[&str] = &[
    "more", "additional", "other", "new", "extra", "civilian", "military", "foreign", "armed",
    "small", "large", "young", "former", "local", "unmanned", "ballistic", "cruise", "combat",
    "enemy", "innocent", "wounded", "injured", "dead", "missing", "displaced",
];

/// Plural-looking words that are not counted nouns.
const NOT_PLURALS: &[&str] = &[
    "is", "was", "has", "his", "its", "this", "thus", "as", "us", "yes", "less", "unless", "plus",
    "minus", "across", "always", "perhaps", "whereas", "towards", "afterwards", "besides", "news",
    "series", "species", "means", "says", "seems", "remains", "includes", "goes", "does", "versus",
    "hers", "ours", "yours", "theirs", "whose", "whereas", "sometimes", "nevertheless",
];

const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "people"), ("persons", "people"), ("person", "people"), ("men", "man"),
    ("women", "woman"), ("children", "child"), ("lives", "life"), ("wives", "wife"),
    ("knives", "knife"), ("teeth", "tooth"), ("mice", "mouse"), ("geese", "goose"),
    ("police", "police"), ("personnel", "personnel"), ("staff", "staff"), ("troops", "troop"),
    ("cattle", "cattle"), ("sheep", "sheep"), ("aircraft", "aircraft"),
];

/// The singular lemma of a plural counted noun, or `None` when `word` does not look plural.
fn plural_lemma(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if let Some(lemma) = lookup(IRREGULAR_PLURALS, &lower) {
        return Some(lemma.to_string());
    }
    let letters_only = lower.chars().all(char::is_alphabetic);
    if !letters_only || lower.chars().count() < 3 || contains(NOT_PLURALS, &lower) {
        return None;
    }
    if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") || lower.ends_with("ous") {
        return None;
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return (stem.len() > 1).then(|| format!("{stem}y"));
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if lower.ends_with(suffix) {
            return Some(lower[..lower.len() - 2].to_string());
        }
    }
    lower.strip_suffix('s').map(str::to_string)
}

/// A unit from the unit tables, as opposed to a counted noun's lemma.
pub(super) fn is_measure(unit: &str) -> bool {
    UNITS.iter().chain(CASED_UNITS).any(|&(_, u)| u == unit) || UNIT_PHRASES.iter().any(|&(_, u)| u == unit)
}

/// A unit of time ("three months"), which "over" turns into a span rather than a bound.
pub(super) fn is_time_span(unit: &str) -> bool {
    matches!(unit, "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century")
}

impl Scanner<'_> {
    /// The currency code of a currency symbol at `at` ("$" → `USD`).
    pub(super) fn currency_symbol(&self, at: usize) -> Option<&'static str> {
        let token = self.tokens.get(at).filter(|t| t.kind == TokenKind::Symbol)?;
        let c = self.text[token.start..token.end].chars().next()?;
        CURRENCY_SYMBOLS.iter().find(|(symbol, _)| *symbol == c).map(|&(_, code)| code)
    }

    /// A unit at `at`: a symbol, a unit word or phrase, or a hyphenated unit ("four-hour").
    pub(super) fn unit_after(&self, at: usize, scaled: bool) -> Option<(String, usize)> {
        let mut j = at;
        let hyphenated = self.is_hyphen(j) && self.glued(j) && self.glued(j + 1) && self.word(j + 1).is_some();
        if hyphenated {
            j += 1;
        }
        let (unit, mut end) = self.unit_word(j, scaled)?;
        if hyphenated && !is_hyphen_unit(&unit) {
            return None;
        }
        if unit == "year" && self.joining_hyphen(end) && self.is_word(end + 1, "old") {
            end += 2;
        }
        if matches!(unit.as_str(), "km" | "m" | "mi") {
            let squared = (self.glued(end) && self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Number && t.value == 2.0 && t.plain))
                || self.is_symbol(end, &['²']);
            if squared {
                return Some((format!("{unit}2"), end + 1));
            }
            if self.is_word(end, "squared") {
                return Some((format!("{unit}2"), end + 1));
            }
        }
        Some((unit, end))
    }

    pub(super) fn unit_word(&self, at: usize, scaled: bool) -> Option<(String, usize)> {
        let (unit, end) = self.unit_word_unchecked(at, scaled)?;
        // "L-202", "m212": a code, not a unit; "km2" is squared and handled by the caller.
        let number_after = self.glued(end)
            && self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Number && !(t.plain && t.value == 2.0));
        let code_after = self.is_hyphen(end) && self.glued(end) && self.tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Number && !t.spaced);
        (!number_after && !code_after).then_some((unit, end))
    }

    fn unit_word_unchecked(&self, at: usize, scaled: bool) -> Option<(String, usize)> {
        let head = self.slice(at);
        if let Some((phrase_end, unit)) =
            UNIT_PHRASES.iter().filter(|(words, _)| may_start(words, head)).find_map(|(words, unit)| self.phrase(at, words).map(|end| (end, *unit))) {
            return Some((unit.to_string(), phrase_end));
        }
        let token = self.tokens.get(at)?;
        let word = self.slice(at);
        if token.kind == TokenKind::Symbol {
            return (word == "%" || word == "％").then(|| ("%".to_string(), at + 1));
        }
        if token.kind != TokenKind::Word {
            return None;
        }
        if let Some(unit) = CASED_UNITS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u) {
            let followed_by_letter = self.glued(at + 1) && self.tokens.get(at + 1).is_some_and(|t| t.kind == TokenKind::Word);
            // "30 C" is a temperature, "30 C-17s" or "C Street" are not.
            let temperature = matches!(unit, "°C" | "°F" | "K");
            let name_follows = self.word(at + 1).is_some_and(starts_upper) || self.is_hyphen(at + 1);
            if followed_by_letter || (temperature && (name_follows || word == "K")) {
                return None;
            }
            return Some((unit.to_string(), at + 1));
        }
        if word.eq_ignore_ascii_case("in") {
            let ends = self.tokens.get(at + 1).is_none()
                || (self.is_symbol(at + 1, &['.', ',', ')']) && self.tokens.get(at + 2).is_none_or(|t| t.spaced))
                || ["thick", "long", "wide", "tall", "deep", "high"].iter().any(|w| self.is_word(at + 1, w));
            return ends.then(|| ("in".to_string(), at + 1));
        }
        let unit = lookup(UNITS, word)?;
        if unit == "lb" && scaled && word.eq_ignore_ascii_case("pounds") {
            return Some(("GBP".to_string(), at + 1));
        }
        if word.len() <= 2 && word.chars().all(|c| c.is_ascii_uppercase()) && !matches!(unit, "l") {
            return None;
        }
        Some((unit.to_string(), at + 1))
    }

    /// A plural counted noun after a number, possibly after modifiers ("6,000 agency-owned
    /// trucks", "1,000 Ukrainian soldiers"): its lemma and the index after it.
    pub(super) fn counted_noun(&self, at: usize) -> Option<(String, usize)> {
        let mut j = at;
        for _ in 0..2 {
            let compound = self.word(j).is_some() && self.joining_hyphen(j + 1) && self.word(j + 2).is_some();
            if compound {
                let mut k = j + 2;
                while self.joining_hyphen(k + 1) && self.word(k + 2).is_some() {
                    k += 2;
                }
                j = k + 1;
            } else if self.word(j).is_some_and(|w| contains(MODIFIERS, w) || (starts_upper(w) && !w.ends_with('s'))) {
                j += 1;
            } else {
                break;
            }
        }
        let word = self.word(j)?;
        if self.joining_hyphen(j + 1) {
            return None;
        }
        let capitalised = starts_upper(word);
        if capitalised && !word.ends_with("ns") {
            return None;
        }
        let lemma = plural_lemma(word)?;
        Some((lemma, j + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_of_counted_nouns() {
        let table: &[(&str, Option<&str>)] = &[
            ("drones", Some("drone")), ("casualties", Some("casualty")), ("lives", Some("life")),
            ("people", Some("people")), ("churches", Some("church")), ("men", Some("man")),
            ("was", None), ("status", None), ("famous", None), ("truck", None),
        ];
        for (word, lemma) in table {
            assert_eq!(plural_lemma(word).as_deref(), *lemma, "{word}");
        }
    }
}
