//! Amounts: a number written in digits or words with its scale and unit.
//!
//! In: a [`Scanner`] and a token index. Out: an [`Amount`] (value, scale, unit and whether
//! it is a count, a share of a whole or an ordinal) or nothing, when the number there is part
//! of a name, a date, a clock time or an identifier. Qualifiers and ranges are applied by
//! [`super::qualifiers`].

use crate::extract::scan::{contains, is_month, is_month_name, is_number_word, lookup, Scanner, TokenKind, SCALES, SMALL_NUMBERS, TENS};
use crate::read::chars::starts_upper;

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

const DETERMINERS_BEFORE_ONE: &[&str] = &[
    "the", "this", "that", "which", "no", "any", "every", "each", "another", "someone", "anyone",
    "everyone", "only", "last", "little", "big", "new", "old", "good", "right", "wrong", "same",
];

/// What a parsed amount is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum AmountKind {
    /// A count or measure.
    Cardinal,
    /// A fraction of a whole, stored in percent.
    Share,
    /// "fourth", "21st".
    Ordinal,
}

/// A number with its unit, before qualifiers and ranges are applied.
#[derive(Debug, Clone)]
pub(super) struct Amount {
    /// Index of the first token.
    pub(super) first: usize,
    /// Index after the last token.
    pub(super) end: usize,
    pub(super) value: f64,
    /// The scale factor written after the number (1 when none).
    pub(super) scale: f64,
    pub(super) unit: String,
    pub(super) kind: AmountKind,
}

impl Scanner<'_> {
    /// A number with its scale and unit starting at `at`; `after_dash` for the second end of
    /// a range written with a dash ("10-15").
    pub(super) fn amount(&self, at: usize, qualified: bool, after_dash: bool) -> Option<Amount> {
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
}
