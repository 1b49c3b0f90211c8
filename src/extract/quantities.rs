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

use std::ops::Range;

use super::times::month_number;
use crate::report::Bound;

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
    let mut found = Vec::new();
    let mut at = 0;
    while at < scanner.tokens.len() {
        match scanner.quantity_at(at) {
            Some((quantity, next)) => {
                found.push(quantity);
                at = next.max(at + 1);
            }
            None => at += 1,
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// Tokens (shared with the time extractor)

/// What a [`Token`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, combining marks and apostrophes between letters.
    Word,
    /// ASCII digits with thousands separators and at most one decimal point.
    Number,
    /// Any other single non-space character.
    Symbol,
}

/// A piece of text: a word, a number or one symbol.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Token {
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset after the last character.
    pub(crate) end: usize,
    /// Word, number or symbol.
    pub(crate) kind: TokenKind,
    /// True when whitespace (or the start of the text) comes right before the token.
    pub(crate) spaced: bool,
    /// The number's value; 0 for words and symbols.
    pub(crate) value: f64,
    /// Digits only: no separators, no decimal point (what a year looks like).
    pub(crate) plain: bool,
    /// Part of a dotted sequence such as a version or an address ("1.2.3").
    pub(crate) dotted: bool,
}

/// Splits `text` into words, numbers and symbols. Whitespace separates and is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut spaced = true;
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        if c.is_whitespace() {
            spaced = true;
            at += c.len_utf8();
            continue;
        }
        let starts_decimal = c == '.'
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
            && (at == 0 || !bytes[at - 1].is_ascii_digit());
        let token = if c.is_ascii_digit() || starts_decimal {
            scan_number(text, at, spaced)
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            let mut rest = text[end..].char_indices().peekable();
            while let Some((offset, next)) = rest.next() {
                let joins_letters = matches!(next, '\'' | '’')
                    && rest.peek().is_some_and(|&(_, after)| after.is_alphabetic());
                if next.is_alphabetic() || is_combining(next) || joins_letters {
                    end = at + c.len_utf8() + offset + next.len_utf8();
                } else {
                    break;
                }
            }
            Token { start: at, end, kind: TokenKind::Word, spaced, value: 0.0, plain: false, dotted: false }
        } else {
            let end = at + c.len_utf8();
            Token { start: at, end, kind: TokenKind::Symbol, spaced, value: 0.0, plain: false, dotted: false }
        };
        at = token.end;
        spaced = false;
        tokens.push(token);
    }
    tokens
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Byte length of a thousands-separating space at `at` (space, no-break, thin, narrow no-break).
fn group_space(text: &str, at: usize) -> usize {
    let rest = &text.as_bytes()[at.min(text.len())..];
    if rest.starts_with(b" ") {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        0
    }
}

/// True when `at` starts exactly three digits not followed by another digit.
fn three_digits(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && bytes.get(at + 3).is_none_or(|b| !b.is_ascii_digit())
}

fn scan_number(text: &str, start: usize, spaced: bool) -> Token {
    let bytes = text.as_bytes();
    let digits_from = |mut at: usize| {
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        at
    };
    let mut end = digits_from(start);
    let first_group = end - start;
    let mut plain = true;
    let mut dotted = false;
    if first_group > 0 && first_group <= 3 {
        if bytes.get(end) == Some(&b',') && three_digits(bytes, end + 1) {
            while bytes.get(end) == Some(&b',') && three_digits(bytes, end + 1) {
                end += 4;
            }
            plain = false;
        } else {
            let width = group_space(text, end);
            if width > 0 && three_digits(bytes, end + width) {
                let mut width = width;
                while width > 0 && three_digits(bytes, end + width) {
                    end += width + 3;
                    width = group_space(text, end);
                }
                plain = false;
            }
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_from(end + 1);
        plain = false;
        while bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_from(end + 1);
            dotted = true;
        }
    }
    let mut digits = String::with_capacity(end - start + 1);
    for &b in &bytes[start..end] {
        if b.is_ascii_digit() || b == b'.' {
            digits.push(char::from(b));
        }
    }
    if digits.starts_with('.') {
        digits.insert(0, '0');
    }
    let value = if dotted { 0.0 } else { digits.parse::<f64>().unwrap_or(0.0) };
    Token { start, end, kind: TokenKind::Number, spaced, value, plain, dotted }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
    ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
];

/// Scale words after a number ("1.2 million", "six hundred").
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
    ("dozen", 12.0), ("dozens", 12.0),
];

/// Abbreviated scales; `glued_only` ones must touch the digits ("1.2b"), and `money_only` ones
/// need a currency before them ("$5m" but "5m" is five metres).
struct ScaleAbbreviation {
    word: &'static str,
    factor: f64,
    case_sensitive: bool,
    glued_only: bool,
    money_only: bool,
}

const SCALE_ABBREVIATIONS: &[ScaleAbbreviation] = &[
    ScaleAbbreviation { word: "k", factor: 1e3, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "bn", factor: 1e9, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "bln", factor: 1e9, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "mn", factor: 1e6, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "mln", factor: 1e6, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "tn", factor: 1e12, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "trn", factor: 1e12, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "tln", factor: 1e12, case_sensitive: false, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "MM", factor: 1e6, case_sensitive: true, glued_only: true, money_only: false },
    ScaleAbbreviation { word: "M", factor: 1e6, case_sensitive: true, glued_only: false, money_only: false },
    ScaleAbbreviation { word: "mil", factor: 1e6, case_sensitive: false, glued_only: true, money_only: false },
    ScaleAbbreviation { word: "m", factor: 1e6, case_sensitive: false, glued_only: false, money_only: true },
    ScaleAbbreviation { word: "b", factor: 1e9, case_sensitive: false, glued_only: true, money_only: false },
    ScaleAbbreviation { word: "B", factor: 1e9, case_sensitive: true, glued_only: false, money_only: true },
    ScaleAbbreviation { word: "T", factor: 1e12, case_sensitive: true, glued_only: true, money_only: true },
];

const ORDINALS: &[(&str, f64)] = &[
    ("second", 2.0), ("third", 3.0), ("fourth", 4.0), ("fifth", 5.0), ("sixth", 6.0),
    ("seventh", 7.0), ("eighth", 8.0), ("ninth", 9.0), ("tenth", 10.0), ("eleventh", 11.0),
    ("twelfth", 12.0), ("thirteenth", 13.0), ("fourteenth", 14.0), ("fifteenth", 15.0),
    ("sixteenth", 16.0), ("seventeenth", 17.0), ("eighteenth", 18.0), ("nineteenth", 19.0),
    ("twentieth", 20.0), ("thirtieth", 30.0), ("fortieth", 40.0), ("fiftieth", 50.0),
    ("sixtieth", 60.0), ("seventieth", 70.0), ("eightieth", 80.0), ("ninetieth", 90.0),
    ("hundredth", 100.0),
];

/// Denominators of spoken fractions, singular and plural.
const DENOMINATORS: &[(&str, &str, f64)] = &[
    ("half", "halves", 2.0), ("third", "thirds", 3.0), ("quarter", "quarters", 4.0),
    ("fourth", "fourths", 4.0), ("fifth", "fifths", 5.0), ("sixth", "sixths", 6.0),
    ("seventh", "sevenths", 7.0), ("eighth", "eighths", 8.0), ("ninth", "ninths", 9.0),
    ("tenth", "tenths", 10.0),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Lean {
    /// Either side of the value.
    Both,
    /// Up to the value, not above it ("nearly", "almost").
    Below,
}

/// Qualifiers before a number; the first matching entry wins, so longer phrases come first.
const QUALIFIERS: &[(&[&str], Bound, Lean)] = &[
    (&["no", "more", "than"], Bound::AtMost, Lean::Both),
    (&["not", "more", "than"], Bound::AtMost, Lean::Both),
    (&["no", "fewer", "than"], Bound::AtLeast, Lean::Both),
    (&["no", "less", "than"], Bound::AtLeast, Lean::Both),
    (&["not", "less", "than"], Bound::AtLeast, Lean::Both),
    (&["a", "minimum", "of"], Bound::AtLeast, Lean::Both),
    (&["a", "maximum", "of"], Bound::AtMost, Lean::Both),
    (&["as", "many", "as"], Bound::AtMost, Lean::Both),
    (&["as", "much", "as"], Bound::AtMost, Lean::Both),
    (&["in", "excess", "of"], Bound::MoreThan, Lean::Both),
    (&["at", "least"], Bound::AtLeast, Lean::Both),
    (&["at", "most"], Bound::AtMost, Lean::Both),
    (&["up", "to"], Bound::AtMost, Lean::Both),
    (&["more", "than"], Bound::MoreThan, Lean::Both),
    (&["greater", "than"], Bound::MoreThan, Lean::Both),
    (&["larger", "than"], Bound::MoreThan, Lean::Both),
    (&["higher", "than"], Bound::MoreThan, Lean::Both),
    (&["bigger", "than"], Bound::MoreThan, Lean::Both),
    (&["upwards", "of"], Bound::MoreThan, Lean::Both),
    (&["just", "over"], Bound::MoreThan, Lean::Both),
    (&["well", "over"], Bound::MoreThan, Lean::Both),
    (&["less", "than"], Bound::LessThan, Lean::Both),
    (&["fewer", "than"], Bound::LessThan, Lean::Both),
    (&["lower", "than"], Bound::LessThan, Lean::Both),
    (&["smaller", "than"], Bound::LessThan, Lean::Both),
    (&["just", "under"], Bound::LessThan, Lean::Both),
    (&["close", "to"], Bound::Approximate, Lean::Both),
    (&["an", "estimated"], Bound::Approximate, Lean::Both),
    (&["over"], Bound::MoreThan, Lean::Both),
    (&["above"], Bound::MoreThan, Lean::Both),
    (&["exceeding"], Bound::MoreThan, Lean::Both),
    (&["exceed"], Bound::MoreThan, Lean::Both),
    (&["exceeds"], Bound::MoreThan, Lean::Both),
    (&["surpass"], Bound::MoreThan, Lean::Both),
    (&["under"], Bound::LessThan, Lean::Both),
    (&["below"], Bound::LessThan, Lean::Both),
    (&["about"], Bound::Approximate, Lean::Both),
    (&["around"], Bound::Approximate, Lean::Both),
    (&["roughly"], Bound::Approximate, Lean::Both),
    (&["approximately"], Bound::Approximate, Lean::Both),
    (&["approx"], Bound::Approximate, Lean::Both),
    (&["circa"], Bound::Approximate, Lean::Both),
    (&["some"], Bound::Approximate, Lean::Both),
    (&["estimated"], Bound::Approximate, Lean::Both),
    (&["nearly"], Bound::Approximate, Lean::Below),
    (&["almost"], Bound::Approximate, Lean::Below),
    (&["between"], Bound::Range, Lean::Both),
];

/// Qualifiers after a number ("500 or more").
const TRAILING_QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "greater"], Bound::AtLeast),
    (&["and", "more"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["or", "less"], Bound::AtMost),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "below"], Bound::AtMost),
];

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

const DETERMINERS_BEFORE_ONE: &[&str] = &[
    "the", "this", "that", "which", "no", "any", "every", "each", "another", "someone", "anyone",
    "everyone", "only", "last", "little", "big", "new", "old", "good", "right", "wrong", "same",
];

fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// A month name that cannot be a verb: "may" and "march" only count capitalised.
fn is_month_name(word: &str) -> bool {
    is_month(word) && (starts_upper(word) || !(word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march")))
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, v)| v)
}

fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a phrase of `words` could start at a token reading `head`: a cheap first check
/// before [`Scanner::phrase`], which the table scans run at every token.
fn may_start(words: &[&str], head: &str) -> bool {
    words.first().is_some_and(|first| first.len() == head.len() && first.eq_ignore_ascii_case(head))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

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

// ---------------------------------------------------------------------------------------------
// Parsing

/// What a parsed amount is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AmountKind {
    /// A count or measure.
    Cardinal,
    /// A fraction of a whole, stored in percent.
    Share,
    /// "fourth", "21st".
    Ordinal,
}

/// A number with its unit, before qualifiers and ranges are applied.
#[derive(Debug, Clone)]
struct Amount {
    /// Index of the first token.
    first: usize,
    /// Index after the last token.
    end: usize,
    value: f64,
    /// The scale factor written after the number (1 when none).
    scale: f64,
    unit: String,
    kind: AmountKind,
}

/// Tokens of a text with the look-ups both extractors need.
pub(crate) struct Scanner<'t> {
    /// The text the tokens point into.
    pub(crate) text: &'t str,
    /// Its tokens, in order.
    pub(crate) tokens: Vec<Token>,
}

impl<'t> Scanner<'t> {
    /// Tokenises `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Scanner { text, tokens: tokenize(text) }
    }

    pub(crate) fn slice(&self, at: usize) -> &'t str {
        self.tokens.get(at).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(crate) fn word(&self, at: usize) -> Option<&'t str> {
        self.tokens.get(at).filter(|t| t.kind == TokenKind::Word).map(|t| &self.text[t.start..t.end])
    }

    pub(crate) fn is_word(&self, at: usize, word: &str) -> bool {
        self.word(at).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    pub(crate) fn is_symbol(&self, at: usize, symbols: &[char]) -> bool {
        self.tokens.get(at).is_some_and(|t| {
            t.kind == TokenKind::Symbol && self.text[t.start..t.end].chars().next().is_some_and(|c| symbols.contains(&c))
        })
    }

    pub(crate) fn glued(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(|t| !t.spaced)
    }

    pub(crate) fn is_hyphen(&self, at: usize) -> bool {
        self.is_symbol(at, &['-', '‐', '‑'])
    }

    /// `at` is a hyphen touching the tokens on both sides ("twenty-nine").
    pub(crate) fn joining_hyphen(&self, at: usize) -> bool {
        at > 0 && self.is_hyphen(at) && self.glued(at) && self.glued(at + 1)
    }

    /// True when the token at `at` begins a sentence (nothing or closing punctuation before it).
    pub(crate) fn sentence_start(&self, at: usize) -> bool {
        at == 0 || self.is_symbol(at - 1, &['.', '!', '?', ':', ';', '"', '“', '”', '‘', '\'', '(', '[', '—', '–', '•', '*'])
    }

    /// The index after `words` matched from `at`, each word separated by space or a joining hyphen.
    pub(crate) fn phrase(&self, at: usize, words: &[&str]) -> Option<usize> {
        let mut j = at;
        for (k, word) in words.iter().enumerate() {
            if k > 0 && self.joining_hyphen(j) {
                j += 1;
            }
            let matches = if self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word) {
                self.slice(j).eq_ignore_ascii_case(word)
            } else {
                self.slice(j) == *word
            };
            if !matches {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    fn quantity_at(&self, at: usize) -> Option<(QuantityMatch, usize)> {
        let token = self.tokens.get(at)?;
        let could_start = match token.kind {
            TokenKind::Number => true,
            TokenKind::Symbol => self.currency_symbol(at).is_some() || self.is_symbol(at, &['-', '−']),
            TokenKind::Word => true,
        };
        if !could_start {
            return None;
        }
        let head = self.slice(at);
        let (bound, lean, after_qualifier) = QUALIFIERS
            .iter()
            .filter(|(words, ..)| may_start(words, head))
            .find_map(|(words, bound, lean)| self.phrase(at, words).map(|next| (*bound, *lean, next)))
            .map_or((Bound::Exact, Lean::Both, at), |(b, l, n)| (b, l, n));
        let qualified = after_qualifier > at;
        let first = self.amount(after_qualifier, qualified, false)?;
        // "over three months" is a span of time, not more than three months.
        if qualified && self.phrase(at, &["over"]) == Some(after_qualifier) && is_time_span(&first.unit) && !self.is_word(first.end, "old") {
            return None;
        }
        if bound == Bound::Range {
            return self.between(at, first);
        }
        if first.kind == AmountKind::Ordinal && qualified {
            return None;
        }
        let (value, low, high, bound, unit, end) = match self.range_after(&first) {
            Some((low, high, unit, end)) => ((low + high) / 2.0, Some(low), Some(high), Bound::Range, unit, end),
            None if self.score_like(&first) => return None,
            None => {
                let (bound, end) = if qualified && bound != Bound::Approximate {
                    (bound, first.end)
                } else {
                    let head = self.slice(first.end);
                    TRAILING_QUALIFIERS
                        .iter()
                        .filter(|(words, _)| may_start(words, head))
                        .find_map(|(words, b)| self.phrase(first.end, words).map(|next| (*b, next)))
                        .unwrap_or((bound, first.end))
                };
                let (low, high) = interval(bound, lean, first.value);
                (first.value, low, high, bound, self.shared_unit(&first), end)
            }
        };
        let start = self.tokens[at].start;
        let stop = self.tokens[end - 1].end;
        Some((QuantityMatch { range: start..stop, value, low, high, bound, unit }, end))
    }

    /// The unit of `first`, or for a bare number followed by "and" and a measure, that measure's
    /// unit ("45 and 50 mg", "2 and 3 percent").
    fn shared_unit(&self, first: &Amount) -> String {
        if !first.unit.is_empty() || first.kind != AmountKind::Cardinal || !self.is_word(first.end, "and") {
            return first.unit.clone();
        }
        match self.amount(first.end + 1, false, false) {
            Some(next) if first.scale == next.scale && is_measure(&next.unit) => next.unit,
            _ => first.unit.clone(),
        }
    }

    /// "1000-5000": a year-like number followed by a range end that is no year.
    fn starts_non_year_range(&self, number: usize) -> bool {
        let mut j = number + 1;
        if self.is_symbol(j, &['-', '–']) || self.is_word(j, "to") {
            j += 1;
        } else {
            return false;
        }
        self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number && (!t.plain || t.value > 2100.0))
    }

    /// "2-1", "3–0": two numbers joined by a dash that do not make a range.
    fn score_like(&self, first: &Amount) -> bool {
        first.unit.is_empty()
            && self.is_symbol(first.end, &['-', '‐', '‑', '–'])
            && self.glued(first.end)
            && self.glued(first.end + 1)
            && self.tokens.get(first.end + 1).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// "between 5 and 7": `first` is the amount after "between".
    fn between(&self, at: usize, first: Amount) -> Option<(QuantityMatch, usize)> {
        if first.kind == AmountKind::Ordinal || !self.is_word(first.end, "and") {
            return None;
        }
        let second = self.amount(first.end + 1, true, false)?;
        let (low, high, unit) = self.join_range(&first, &second, true)?;
        let end = second.end;
        let range = self.tokens[at].start..self.tokens[end - 1].end;
        Some((QuantityMatch { range, value: (low + high) / 2.0, low: Some(low), high: Some(high), bound: Bound::Range, unit }, end))
    }

    /// "25,000–30,000", "5 to 7 million", "8- to 16-meter": the two ends and the end token.
    fn range_after(&self, first: &Amount) -> Option<(f64, f64, String, usize)> {
        if first.kind != AmountKind::Cardinal {
            return None;
        }
        let mut j = first.end;
        let dash = self.is_symbol(j, &['–', '—']) || (self.is_hyphen(j) && !self.is_word(j + 1, "to"));
        if dash {
            j += 1;
        } else {
            if self.is_hyphen(j) && self.glued(j) {
                j += 1;
            }
            if !self.is_word(j, "to") {
                return None;
            }
            j += 1;
        }
        let second = self.amount(j, true, dash)?;
        let (low, high, unit) = self.join_range(first, &second, !dash)?;
        Some((low, high, unit, second.end))
    }

    /// The ends of a range from two amounts, when they make one: same unit (or the first
    /// without), increasing. A scale written only on the second end applies to both. Written
    /// in words (`worded`), two negative ends may come in either order ("from -18 °C to -34 °C").
    fn join_range(&self, first: &Amount, second: &Amount, worded: bool) -> Option<(f64, f64, String)> {
        if second.kind != first.kind || first.kind == AmountKind::Ordinal {
            return None;
        }
        if !first.unit.is_empty() && !second.unit.is_empty() && first.unit != second.unit {
            return None;
        }
        let mut low = first.value;
        if first.scale == 1.0 && second.scale != 1.0 && low * second.scale <= second.value {
            low *= second.scale;
        }
        let mut high = second.value;
        if worded && low < 0.0 && high < 0.0 && high < low {
            std::mem::swap(&mut low, &mut high);
        }
        if low >= high {
            return None;
        }
        let unit = if second.unit.is_empty() { first.unit.clone() } else { second.unit.clone() };
        Some((low, high, unit))
    }

    fn currency_symbol(&self, at: usize) -> Option<&'static str> {
        let token = self.tokens.get(at).filter(|t| t.kind == TokenKind::Symbol)?;
        let c = self.text[token.start..token.end].chars().next()?;
        CURRENCY_SYMBOLS.iter().find(|(symbol, _)| *symbol == c).map(|&(_, code)| code)
    }

    /// A number with its scale and unit starting at `at`; `after_dash` for the second end of
    /// a range written with a dash ("10-15").
    fn amount(&self, at: usize, qualified: bool, after_dash: bool) -> Option<Amount> {
        let mut j = at;
        let mut currency = None;
        if self.is_word(j, "us") && self.currency_symbol(j + 1) == Some("USD") && self.glued(j + 1) {
            j += 1;
        }
        if let Some(code) = self.currency_symbol(j) {
            currency = Some(code);
            j += 1;
        }
        let negative = self.is_symbol(j, &['-', '−'])
            && self.tokens.get(j + 1).is_some_and(|t| t.kind == TokenKind::Number && !t.spaced)
            && (currency.is_some() || self.tokens[j].spaced || self.is_symbol(j.wrapping_sub(1), &['(']));
        if negative {
            j += 1;
        }
        if currency.is_none() && !negative {
            if let Some(amount) = self.single_measure(at) {
                return Some(amount);
            }
            if let Some(amount) = self.share(at) {
                return Some(amount);
            }
            if let Some(amount) = self.ordinal(at) {
                return Some(amount);
            }
        }
        let (mut value, mut end, digits) = match self.tokens.get(j)?.kind {
            TokenKind::Number => {
                if !self.acceptable_digits(j, negative || after_dash) {
                    return None;
                }
                (self.tokens[j].value, j + 1, true)
            }
            TokenKind::Word => {
                if currency.is_some() && self.tokens[j].spaced {
                    return None;
                }
                let (value, end) = self.number_words(j)?;
                if !self.acceptable_number_word(j, end, qualified) {
                    return None;
                }
                (value, end, false)
            }
            TokenKind::Symbol => return None,
        };
        if negative {
            value = -value;
        }
        if let Some((fraction, next)) = self.and_a_fraction(end) {
            value += fraction.copysign(value);
            end = next;
        }
        let mut scale = 1.0;
        if let Some((factor, next)) = self.scale_after(end, currency.is_some()) {
            scale = factor;
            value *= factor;
            end = next;
        }
        let mut amount = Amount { first: at, end, value, scale, unit: String::new(), kind: AmountKind::Cardinal };
        if let Some(code) = currency {
            amount.unit = code.to_string();
        } else if let Some((unit, next)) = self.unit_after(end, scale != 1.0) {
            amount.unit = unit;
            amount.end = next;
        } else if self.currency_symbol(end).is_some() && self.glued(end) {
            amount.unit = self.currency_symbol(end).unwrap_or_default().to_string();
            amount.end = end + 1;
        } else if let Some((noun, next)) = self.counted_noun(end) {
            amount.unit = noun;
            amount.end = next;
        }
        if digits && !self.acceptable_plain_number(&amount, j, qualified || currency.is_some()) {
            return None;
        }
        // "3D", "5G", "28ti": digits glued to letters that are no unit or scale.
        if digits && amount.end == j + 1 && self.glued(j + 1) && self.word(j + 1).is_some() {
            return None;
        }
        Some(amount)
    }

    /// Digits that are not part of a name, a date, a clock time or an identifier.
    /// `attached` says the symbol before the digits is a sign or a range dash, not a joiner.
    fn acceptable_digits(&self, at: usize, attached: bool) -> bool {
        let token = self.tokens[at];
        if token.dotted {
            return false;
        }
        let before = at.checked_sub(1);
        if let Some(b) = before {
            let previous = self.tokens[b];
            if !token.spaced && previous.kind == TokenKind::Word {
                return false;
            }
            if !token.spaced && !attached && self.is_symbol(b, &['/', ':', '.', '#', '-', '‐', '‑', '^', '%', '=', '&', '?', '+', '_']) {
                let hyphen_after_word = b > 0 && !previous.spaced;
                if !self.is_hyphen(b) || hyphen_after_word {
                    return false;
                }
            }
            if self.word(b).is_some_and(is_month_name)
                || (self.is_symbol(b, &['.']) && self.word(b.wrapping_sub(1)).is_some_and(is_month_name))
            {
                return false;
            }
        }
        let next = at + 1;
        if self.glued(next) && (self.is_symbol(next, &['/', ':', '^', '×']) && self.tokens.get(next + 1).is_some_and(|t| t.kind == TokenKind::Number && !t.spaced)) {
            return false;
        }
        if self.glued(next) && self.word(next).is_some_and(|w| {
            ["st", "nd", "rd", "th", "s", "e", "x"].iter().any(|s| s.eq_ignore_ascii_case(w))
                || w.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && self.tokens.get(next + 1).is_some_and(|t| t.kind == TokenKind::Number && !t.spaced)
                    && self.unit_word(next, false).is_none()
        }) {
            return false;
        }
        let clock = ["am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "hrs"];
        if self.word(next).is_some_and(|w| clock.iter().any(|c| c.eq_ignore_ascii_case(w)))
            && token.value < 24.0
            && !self.is_word(next, "hrs")
        {
            return false;
        }
        if (self.is_word(next, "a") || self.is_word(next, "p"))
            && self.is_symbol(next + 1, &['.'])
            && self.is_word(next + 2, "m")
        {
            return false;
        }
        if token.value <= 31.0 && token.plain {
            if let Some(w) = self.word(next) {
                if is_month_name(w) {
                    return false;
                }
            }
            if self.is_word(next, "of") && self.word(next + 1).is_some_and(|w| is_month(w) && starts_upper(w)) {
                return false;
            }
        }
        true
    }

    /// A bare number written in digits, judged with its unit: years and identifiers are not
    /// quantities.
    fn acceptable_plain_number(&self, amount: &Amount, number: usize, qualified_or_money: bool) -> bool {
        let token = self.tokens[number];
        let bare = amount.unit.is_empty() && amount.scale == 1.0 && !qualified_or_money;
        let year_like = token.plain
            && token.end - token.start == 4
            && (1000.0..=2100.0).contains(&token.value)
            && amount.unit.is_empty()
            && amount.scale == 1.0;
        if year_like && !self.starts_non_year_range(number) {
            return false;
        }
        if bare && number > 0 && number == amount.first {
            if let Some(previous) = self.word(number - 1) {
                if starts_upper(previous) && !self.sentence_start(number - 1) && !contains(&["No", "Nr"], previous) {
                    return false;
                }
            }
        }
        true
    }

    fn acceptable_number_word(&self, at: usize, end: usize, qualified: bool) -> bool {
        let word = self.slice(at);
        let capitalised = starts_upper(word);
        if capitalised && !self.sentence_start(at) {
            let previous_capital = at > 0 && self.word(at - 1).is_some_and(starts_upper);
            let next_capital = self.word(end).is_some_and(starts_upper);
            if previous_capital || next_capital {
                return false;
            }
        }
        // A bare "one" is a pronoun or an article far more often than a count ("one of the",
        // "no one", "one complete orbit"); it stays a quantity with a unit, a scale or a qualifier.
        if end == at + 1 && word.eq_ignore_ascii_case("one") && !qualified {
            let determiner = at > 0 && self.word(at - 1).is_some_and(|w| contains(DETERMINERS_BEFORE_ONE, w));
            let unit = self.unit_after(end, false).is_some();
            let measured = unit || self.word(end).and_then(|w| lookup(SCALES, w)).is_some() || self.is_word(end, "and");
            if (determiner && !unit) || !measured {
                return false;
            }
        }
        true
    }

    /// Number words from `at`: "six hundred", "twenty-nine", "a hundred and two".
    fn number_words(&self, at: usize) -> Option<(f64, usize)> {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Nothing,
            Unit,
            Tens,
            Hundred,
            Scale,
        }
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last = Last::Nothing;
        let mut j = at;
        let mut end = at;
        let is_scale = |k: usize| self.word(k).and_then(|w| lookup(SCALES, w)).is_some_and(|f| f >= 100.0 || f == 12.0);
        while j < at + 24 {
            let Some(word) = self.word(j) else { break };
            if last == Last::Nothing && (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an")) {
                if !is_scale(j + 1) {
                    break;
                }
                current = 1.0;
                last = Last::Unit;
                j += 1;
                continue;
            }
            if let Some(v) = lookup(SMALL_NUMBERS, word) {
                let follows_tens = last == Last::Tens && v < 10.0 && v > 0.0;
                if !(matches!(last, Last::Nothing | Last::Hundred | Last::Scale) || follows_tens) {
                    break;
                }
                current += v;
                last = Last::Unit;
            } else if let Some(v) = lookup(TENS, word) {
                if !matches!(last, Last::Nothing | Last::Hundred | Last::Scale) {
                    break;
                }
                current += v;
                last = Last::Tens;
            } else if let Some(factor) = lookup(SCALES, word) {
                if last == Last::Nothing || (factor < 100.0 && factor != 12.0) {
                    break;
                }
                if factor == 100.0 {
                    if last == Last::Hundred {
                        break;
                    }
                    current = current.max(1.0) * 100.0;
                    last = Last::Hundred;
                } else if factor == 12.0 {
                    current = current.max(1.0) * 12.0;
                    last = Last::Scale;
                } else {
                    total += current.max(1.0) * factor;
                    current = 0.0;
                    last = Last::Scale;
                }
            } else {
                break;
            }
            j += 1;
            end = j;
            let joined = self.joining_hyphen(j) && self.word(j + 1).is_some_and(is_number_word);
            let and = (self.is_word(j, "and") || self.is_symbol(j, &['&']) || (self.is_symbol(j, &[',']) && last == Last::Scale))
                && matches!(last, Last::Hundred | Last::Scale)
                && !self.word(j + 2).is_some_and(|w| DENOMINATORS.iter().any(|&(_, plural, _)| plural.eq_ignore_ascii_case(w)))
                && self.word(j + 1).is_some_and(|w| lookup(SMALL_NUMBERS, w).is_some() || lookup(TENS, w).is_some());
            if joined || and {
                j += 1;
            }
        }
        (end > at).then_some((total + current, end))
    }

    /// "and a half", "and three quarters" after a number.
    fn and_a_fraction(&self, at: usize) -> Option<(f64, usize)> {
        if !self.is_word(at, "and") {
            return None;
        }
        let (fraction, end) = self.spoken_fraction(at + 1)?;
        Some((fraction, end))
    }

    /// A spoken fraction at `at` ("a fifth", "one-fifth", "three quarters", "half"): its value
    /// (0.2) and the index after it. "a third" followed by a noun is an ordinal, not a fraction.
    fn spoken_fraction(&self, at: usize) -> Option<(f64, usize)> {
        let word = self.word(at)?;
        if word.eq_ignore_ascii_case("half") {
            return Some((0.5, at + 1));
        }
        let numerator = if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
            1.0
        } else {
            lookup(SMALL_NUMBERS, word).filter(|&v| v >= 1.0)?
        };
        let mut j = at + 1;
        let hyphenated = self.joining_hyphen(j);
        if hyphenated {
            j += 1;
        }
        let denominator_word = self.word(j)?;
        let (denominator, plural) = DENOMINATORS.iter().find_map(|&(singular, plural, d)| {
            if singular.eq_ignore_ascii_case(denominator_word) {
                Some((d, false))
            } else if plural.eq_ignore_ascii_case(denominator_word) {
                Some((d, true))
            } else {
                None
            }
        })?;
        if plural != (numerator > 1.0) {
            return None;
        }
        if numerator == 1.0 && !hyphenated && !word.eq_ignore_ascii_case("one") && denominator != 2.0 {
            let next_is_noun = self
                .word(j + 1)
                .is_some_and(|w| !["of", "as", "than", "to", "and", "or", "in", "on", "the", "that"].iter().any(|s| s.eq_ignore_ascii_case(w)));
            if next_is_noun {
                return None;
            }
        }
        Some((numerator / denominator, j + 1))
    }

    /// "a gallon", "a mile": one of a physical measure (not "a ton of", not "a day").
    fn single_measure(&self, at: usize) -> Option<Amount> {
        if !(self.is_word(at, "a") || self.is_word(at, "an")) {
            return None;
        }
        let (unit, end) = self.unit_word(at + 1, false)?;
        let single = ["mi", "km", "m", "gal", "l", "acre", "ha", "kg"].contains(&unit.as_str());
        single.then_some(Amount { first: at, end, value: 1.0, scale: 1.0, unit, kind: AmountKind::Cardinal })
    }

    /// A fraction of a whole, as a share in percent, or scaling what follows it ("half a
    /// million", "half an hour", "one-half miles").
    fn share(&self, at: usize) -> Option<Amount> {
        let (fraction, end) = self.spoken_fraction(at)?;
        let mut amount = Amount { first: at, end, value: fraction, scale: 1.0, unit: String::new(), kind: AmountKind::Cardinal };
        let article = self.is_word(end, "a") || self.is_word(end, "an");
        let after_article = if article { end + 1 } else { end };
        if let Some(factor) = self.word(after_article).and_then(|w| lookup(SCALES, w)) {
            amount.value *= factor;
            amount.scale = factor;
            amount.end = after_article + 1;
            if let Some((unit, next)) = self.unit_after(amount.end, true) {
                amount.unit = unit;
                amount.end = next;
            } else if let Some((noun, next)) = self.counted_noun(amount.end) {
                amount.unit = noun;
                amount.end = next;
            }
            return Some(amount);
        }
        if let Some((unit, next)) = self.unit_after(after_article, false).filter(|(u, _)| u != "%" && u != "point") {
            amount.unit = unit;
            amount.end = next;
            return Some(amount);
        }
        if at > 0 && self.ordinal_word(at - 1).is_some() {
            return None;
        }
        amount.value = fraction * 100.0;
        amount.unit = "%".to_string();
        amount.kind = AmountKind::Share;
        Some(amount)
    }

    fn ordinal_word(&self, at: usize) -> Option<f64> {
        let word = self.word(at)?;
        if let Some(v) = lookup(ORDINALS, word) {
            return Some(v);
        }
        // "twenty-first": a tens word, a joining hyphen and an ordinal unit.
        let tens = lookup(TENS, word)?;
        if !self.joining_hyphen(at + 1) {
            return None;
        }
        let unit = self.word(at + 2)?;
        let unit = if unit.eq_ignore_ascii_case("first") { Some(1.0) } else { lookup(ORDINALS, unit).filter(|&v| v < 10.0) };
        unit.map(|u| tens + u)
    }

    /// "fourth year", "21st", "second half": unit `ordinal`. "first" is left out: in news it is
    /// mostly idiom ("at first", "first lady", "first reported").
    fn ordinal(&self, at: usize) -> Option<Amount> {
        let token = self.tokens.get(at)?;
        let (value, mut end) = if token.kind == TokenKind::Number {
            let suffix = self.word(at + 1).filter(|_| self.glued(at + 1))?;
            if !["st", "nd", "rd", "th"].iter().any(|s| s.eq_ignore_ascii_case(suffix)) || !token.plain {
                return None;
            }
            let month_near = at > 0 && self.word(at - 1).is_some_and(is_month_name)
                || self.word(at + 2).is_some_and(is_month_name)
                || (self.is_word(at + 2, "of") && self.word(at + 3).is_some_and(is_month_name));
            if month_near || (at > 0 && self.is_symbol(at - 1, &['.']) && self.word(at.wrapping_sub(2)).is_some_and(is_month_name)) {
                return None;
            }
            (token.value, at + 2)
        } else {
            let value = self.ordinal_word(at)?;
            let end = if lookup(TENS, self.slice(at)).is_some() { at + 3 } else { at + 1 };
            let word = self.slice(at);
            if starts_upper(word) && !self.sentence_start(at) && self.word(end).is_some_and(starts_upper) {
                return None;
            }
            if word.eq_ignore_ascii_case("second") {
                let after_number = at > 0
                    && (self.tokens[at - 1].kind == TokenKind::Number || self.word(at - 1).is_some_and(is_number_word));
                let noun_follows = self.word(end).is_some();
                if after_number || !noun_follows {
                    return None;
                }
            }
            (value, end)
        };
        if self.is_word(end, "half") || self.is_word(end, "quarter") {
            end += 1;
        }
        Some(Amount { first: at, end, value, scale: 1.0, unit: "ordinal".to_string(), kind: AmountKind::Ordinal })
    }

    /// A scale word or abbreviation at `at` ("million", "bn", "k", "m" after money).
    fn scale_after(&self, at: usize, money: bool) -> Option<(f64, usize)> {
        let word = self.word(at)?;
        if let Some(factor) = lookup(SCALES, word) {
            let mut end = at + 1;
            // "1.2 million" never chains, but "a hundred thousand" does.
            if factor == 100.0 {
                if let Some(more) = self.word(end).and_then(|w| lookup(SCALES, w)).filter(|&f| f > 100.0) {
                    end += 1;
                    return Some((factor * more, end));
                }
            }
            return Some((factor, end));
        }
        let glued = self.glued(at);
        let abbreviation = SCALE_ABBREVIATIONS.iter().find(|a| {
            let same = if a.case_sensitive { a.word == word } else { a.word.eq_ignore_ascii_case(word) };
            same && (glued || !a.glued_only) && (money || !a.money_only)
        })?;
        // "5 km" is not 5 thousand m: an abbreviation must end the word.
        Some((abbreviation.factor, at + 1))
    }

    /// A unit at `at`: a symbol, a unit word or phrase, or a hyphenated unit ("four-hour").
    fn unit_after(&self, at: usize, scaled: bool) -> Option<(String, usize)> {
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

    fn unit_word(&self, at: usize, scaled: bool) -> Option<(String, usize)> {
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
    fn counted_noun(&self, at: usize) -> Option<(String, usize)> {
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

/// A unit from the unit tables, as opposed to a counted noun's lemma.
fn is_measure(unit: &str) -> bool {
    UNITS.iter().chain(CASED_UNITS).any(|&(_, u)| u == unit) || UNIT_PHRASES.iter().any(|&(_, u)| u == unit)
}

fn is_time_span(unit: &str) -> bool {
    matches!(unit, "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century")
}

/// The value of a single number word ("three" → 3, "forty" → 40).
pub(crate) fn number_word_value(word: &str) -> Option<f64> {
    lookup(SMALL_NUMBERS, word).or_else(|| lookup(TENS, word))
}

fn is_number_word(word: &str) -> bool {
    lookup(SMALL_NUMBERS, word).is_some() || lookup(TENS, word).is_some() || lookup(SCALES, word).is_some()
}

/// `low` and `high` for a single value under `bound` (see the module documentation).
fn interval(bound: Bound, lean: Lean, value: f64) -> (Option<f64>, Option<f64>) {
    let margin = value.abs() * APPROXIMATE_MARGIN;
    match bound {
        Bound::Approximate if lean == Lean::Below => (Some(value - margin), Some(value)),
        Bound::Approximate => (Some(value - margin), Some(value + margin)),
        Bound::AtLeast | Bound::MoreThan => (Some(value), None),
        Bound::AtMost | Bound::LessThan => (None, Some(value)),
        _ => (Some(value), Some(value)),
    }
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
    fn tokens_keep_numbers_whole() {
        let table: &[(&str, f64, bool)] = &[("115,600", 115_600.0, false), ("1.2", 1.2, false), ("2022", 2022.0, true), ("40\u{202f}000", 40_000.0, false), (".5", 0.5, false)];
        for (text, value, plain) in table {
            let tokens = tokenize(text);
            assert_eq!(tokens.len(), 1, "{text}");
            assert_eq!((tokens[0].value, tokens[0].plain), (*value, *plain), "{text}");
            assert_eq!(tokens[0].end, text.len(), "{text}");
        }
    }

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
