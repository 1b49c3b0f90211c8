//! Time expressions: weekdays, dates, months, years, relative times and times of day.
//!
//! In: any text, usually one sentence. Out: [`TimeMatch`]es in text order, without overlaps,
//! each with a [`TimeKind`] and a normalised value:
//!
//! | kind | examples | value |
//! |---|---|---|
//! | weekday | "on Tuesday", "last Monday night" | `tuesday`, `monday` |
//! | date | "24 February 2022", "February 24, 2022", "Feb. 24", "2022-02-24" | `2022-02-24`, `--02-24` |
//! | month | "November 2025", "in August", "late November" | `2025-11`, `--08`, `--11` |
//! | year | "in 2014", "since 2022" | `2014`, `2022` |
//! | relative | "last week", "today", "two years ago", "just hours ago", "earlier this year", "this morning" | `last-week`, `today`, `-P2Y`, `-PTnH`, `earlier-this-year`, `this-morning` |
//! | time of day | "in the evening", "before midnight", "in the second half of the day", "10:30", "2 pm" | `evening`, `before-midnight`, `second-half-of-day`, `10:30`, `14:00` |
//!
//! A leading preposition ("on", "in", "since", "until", "by", "from", "before", "after",
//! "during") is part of the match: "since 2022" and "in 2022" say different things. Deictic
//! parts of a day ("this morning", "this evening", "yesterday evening", "tonight") are relative:
//! they name one particular day; unanchored ones ("in the evening") are times of day.
//! Durations with a number use ISO 8601 (`-P2Y` two years ago, `-PT3H` three hours ago) and
//! `n` when the count is not given ("hours ago" → `-PTnH`).
//!
//! Guards: "May" and "March" are months only when capitalised and next to a day number, a year
//! or a time preposition ("May I", "troops march" are not times); a weekday inside a name
//! ("Sunday Times", "Bloody Sunday") is not a weekday; a year is a plain four-digit number from
//! 1800 to 2100 that is not money, a measure or a count ("2,022", "$2022", "2022 troops").

use std::ops::Range;

use super::scan::{month_number, number_word_value, Scanner, TokenKind};
use crate::read::chars::{starts_upper, strip_possessive};
use crate::report::TimeKind;

/// A time expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMatch {
    /// Byte range of the expression, leading preposition included.
    pub range: Range<usize>,
    /// Weekday, date, month, year, relative time or time of day.
    pub kind: TimeKind,
    /// The normalised value (see the module documentation).
    pub value: String,
}

/// Finds every time expression in `text`, in text order, without overlaps. Never panics.
pub fn extract_times(text: &str) -> Vec<TimeMatch> {
    let scanner = Scanner::new(text);
    scanner.find_all(|at| {
        let (kind, value, end) = time_at(&scanner, at)?;
        let range = scanner.tokens[at].start..scanner.tokens[end - 1].end;
        Some((TimeMatch { range, kind, value }, end))
    })
}

pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Prepositions kept with the expression that follows them.
const PREPOSITIONS: &[&str] = &["on", "at", "in", "since", "until", "till", "by", "from", "before", "after", "during"];

/// Words before a month that make it a month ("in May", "late March").
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "to", "through", "during", "early", "late", "mid",
    "last", "next", "this", "of", "before", "after", "between", "and", "or", "until",
];

/// Parts of a day.
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Spans for "last week", "next month", "this year", "earlier this year".
const SPANS: &[&str] = &[
    "week", "weekend", "month", "year", "decade", "century", "summer", "winter", "spring", "autumn",
    "fall", "season", "morning", "afternoon", "evening", "night", "quarter",
];

/// Units of "two years ago": ISO 8601 designator, whether it goes after `T`, and how many of
/// the designator one unit is (a decade is ten years).
const AGO_UNITS: &[(&str, &str, bool, u32)] = &[
    ("year", "Y", false, 1), ("years", "Y", false, 1), ("month", "M", false, 1), ("months", "M", false, 1),
    ("week", "W", false, 1), ("weeks", "W", false, 1), ("day", "D", false, 1), ("days", "D", false, 1),
    ("hour", "H", true, 1), ("hours", "H", true, 1), ("minute", "M", true, 1), ("minutes", "M", true, 1),
    ("decade", "Y", false, 10), ("decades", "Y", false, 10),
];

fn one_of(scanner: &Scanner<'_>, at: usize, words: &[&'static str]) -> Option<&'static str> {
    let word = scanner.word(at)?;
    words.iter().find(|w| w.eq_ignore_ascii_case(word)).copied()
}

/// The expression starting at `at`: kind, value and the index after it.
fn time_at(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    if one_of(s, at, PREPOSITIONS).is_some() {
        if let Some(found) = anchored(s, at + 1, Some(at)) {
            return Some(found);
        }
    }
    anchored(s, at, at.checked_sub(1)).or_else(|| relative(s, at)).or_else(|| time_of_day(s, at))
}

/// Dates, months, weekdays, years and clock times at `at`; `before` is the token before the
/// expression proper (a preposition or the previous word), used to read "May" and "March".
fn anchored(s: &Scanner<'_>, at: usize, before: Option<usize>) -> Option<(TimeKind, String, usize)> {
    iso_date(s, at)
        .or_else(|| day_month(s, at))
        .or_else(|| month_phrase(s, at, before))
        .or_else(|| weekday(s, at))
        .or_else(|| clock(s, at))
        .or_else(|| year(s, at))
}

/// A plain number token's integer value within `range`.
fn integer(s: &Scanner<'_>, at: usize, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let token = s.tokens.get(at).filter(|t| t.kind == TokenKind::Number && t.plain)?;
    let value = token.value as u32;
    (range.contains(&value) && f64::from(value) == token.value).then_some(value)
}

fn four_digit_year(s: &Scanner<'_>, at: usize) -> Option<u32> {
    let token = s.tokens.get(at)?;
    (token.end - token.start == 4).then_some(())?;
    integer(s, at, 1000..=2100)
}

/// "st", "nd", "rd", "th" glued to a day number.
fn ordinal_suffix(s: &Scanner<'_>, at: usize) -> bool {
    s.glued(at) && one_of(s, at, &["st", "nd", "rd", "th"]).is_some()
}

/// ", 2022" or " 2022" after a day or month: the year and the index after it.
fn year_after(s: &Scanner<'_>, at: usize) -> Option<(u32, usize)> {
    let j = if s.is_symbol(at, &[',']) { at + 1 } else { at };
    let year = four_digit_year(s, j)?;
    Some((year, j + 1))
}

/// A month name at `at`, with its number and the index after it ("Feb." takes its point).
fn month_at(s: &Scanner<'_>, at: usize) -> Option<(u32, usize)> {
    let word = s.word(at)?;
    let month = month_number(word)?;
    let abbreviated = word.len() <= 4 && !word.eq_ignore_ascii_case("may") && !word.eq_ignore_ascii_case("june") && !word.eq_ignore_ascii_case("july");
    let end = if abbreviated && s.is_symbol(at + 1, &['.']) && s.glued(at + 1) { at + 2 } else { at + 1 };
    // "Mar-a-Lago" is a place.
    let hyphenated = s.joining_hyphen(end) && s.word(end + 1).is_some();
    (starts_upper(word) && !hyphenated).then_some((month, end))
}

fn date_value(year: Option<u32>, month: u32, day: u32) -> String {
    match year {
        Some(year) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    }
}

/// "2022-02-24".
fn iso_date(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let year = four_digit_year(s, at)?;
    let dash = |k: usize| s.is_symbol(k, &['-']) && s.glued(k) && s.glued(k + 1);
    if !(dash(at + 1) && dash(at + 3)) {
        return None;
    }
    let month = integer(s, at + 2, 1..=12)?;
    let day = integer(s, at + 4, 1..=31)?;
    Some((TimeKind::Date, date_value(Some(year), month, day), at + 5))
}

/// "24 February 2022", "24th of February".
fn day_month(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let day = integer(s, at, 1..=31)?;
    let mut j = at + 1;
    if ordinal_suffix(s, j) {
        j += 1;
    }
    if s.is_word(j, "of") {
        j += 1;
    }
    let (month, end) = month_at(s, j)?;
    match year_after(s, end) {
        Some((year, after)) => Some((TimeKind::Date, date_value(Some(year), month, day), after)),
        None => Some((TimeKind::Date, date_value(None, month, day), end)),
    }
}

/// "February 24, 2022", "Feb. 24", "November 2025", "late November", "mid-November", "in August".
fn month_phrase(s: &Scanner<'_>, at: usize, before: Option<usize>) -> Option<(TimeKind, String, usize)> {
    let mut j = at;
    let modifier = one_of(s, j, &["early", "late", "mid", "end", "beginning"]).is_some();
    if modifier {
        j += 1;
        if s.joining_hyphen(j) || s.is_word(j, "of") {
            j += 1;
        }
    }
    let (month, end) = month_at(s, j)?;
    if let Some(day) = integer(s, end, 1..=31) {
        let mut after = end + 1;
        if ordinal_suffix(s, after) {
            after += 1;
        }
        if let Some((year, after_year)) = year_after(s, after) {
            return Some((TimeKind::Date, date_value(Some(year), month, day), after_year));
        }
        return Some((TimeKind::Date, date_value(None, month, day), after));
    }
    if let Some((year, after)) = year_after(s, end) {
        return Some((TimeKind::Month, format!("{year:04}-{month:02}"), after));
    }
    let word = s.slice(j);
    let verb_like = word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march");
    let abbreviated = end == j + 1 && word.len() <= 4 && !word.eq_ignore_ascii_case("june") && !word.eq_ignore_ascii_case("july");
    let in_context = modifier
        || before.is_some_and(|b| one_of(s, b, MONTH_CONTEXT).is_some())
        || s.word(end).and_then(strip_possessive).is_some();
    if (verb_like || abbreviated) && !in_context {
        return None;
    }
    Some((TimeKind::Month, format!("--{month:02}"), end))
}

/// "Tuesday", "last Monday", "Monday night"; not "Sunday Times" or "Bloody Sunday".
fn weekday(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let mut j = at;
    if one_of(s, j, &["last", "next", "this", "past"]).is_some() {
        j += 1;
    }
    let word = s.word(j)?;
    let name = WEEKDAYS.iter().find(|w| w.eq_ignore_ascii_case(word))?;
    if !starts_upper(word) {
        return None;
    }
    let part_of_name = s.word(j + 1).is_some_and(|w| starts_upper(w) && month_number(w).is_none())
        || (j == at && at > 0 && s.word(at - 1).is_some_and(starts_upper) && !s.sentence_start(at - 1)
            && one_of(s, at - 1, &["On", "By", "Since", "Until", "Before", "After", "Last", "Next", "This"]).is_none());
    if part_of_name {
        return None;
    }
    let mut end = j + 1;
    if one_of(s, end, DAY_PARTS).is_some() {
        end += 1;
    }
    Some((TimeKind::Weekday, (*name).to_string(), end))
}

/// "10:30", "2 pm", "10 a.m.", "10:30 am".
fn clock(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let mut hour = integer(s, at, 0..=24)?;
    let mut minute = 0;
    let mut end = at + 1;
    let colon = s.is_symbol(end, &[':']) && s.glued(end) && s.glued(end + 1);
    if colon {
        let token = s.tokens.get(end + 1)?;
        if token.end - token.start != 2 {
            return None;
        }
        minute = integer(s, end + 1, 0..=59)?;
        end += 2;
    }
    let meridiem = if let Some(m) = one_of(s, end, &["am", "pm"]) {
        end += 1;
        Some(m)
    } else if one_of(s, end, &["a", "p"]).is_some() && s.is_symbol(end + 1, &['.']) && s.is_word(end + 2, "m") {
        let m = if s.is_word(end, "a") { "am" } else { "pm" };
        end += 3;
        if s.is_symbol(end, &['.']) && s.glued(end) {
            end += 1;
        }
        Some(m)
    } else {
        None
    };
    match meridiem {
        Some(m) if (1..=12).contains(&hour) => {
            if m == "pm" && hour != 12 {
                hour += 12;
            } else if m == "am" && hour == 12 {
                hour = 0;
            }
        }
        Some(_) => return None,
        None if !colon => return None,
        None => {}
    }
    Some((TimeKind::TimeOfDay, format!("{hour:02}:{minute:02}"), end))
}

/// "2014" on its own: not part of a larger number, not money, not a measure or count.
fn year(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let year = four_digit_year(s, at)?;
    if !(1800..=2100).contains(&year) {
        return None;
    }
    let glued_before = at > 0 && s.glued(at) && !s.is_symbol(at - 1, &['(', '"', '“', '\'', '‘']);
    let currency_before = at > 0 && s.is_symbol(at - 1, &['$', '€', '£', '¥', '₽']);
    let glued_after = s.glued(at + 1) && (s.word(at + 1).is_some() || s.is_symbol(at + 1, &['%']));
    let counted = s.word(at + 1).is_some_and(|w| {
        ["people", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "percent", "tonnes", "dollars", "euros"]
            .iter()
            .any(|u| u.eq_ignore_ascii_case(w))
    });
    if glued_before || currency_before || glued_after || counted {
        return None;
    }
    Some((TimeKind::Year, year.to_string(), at + 1))
}

/// A count for "two years ago": digits, a number word, "a"/"an"; `None` when absent.
fn count(s: &Scanner<'_>, at: usize) -> Option<u32> {
    if let Some(n) = integer(s, at, 1..=1000) {
        return Some(n);
    }
    let word = s.word(at)?;
    if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    number_word_value(word).filter(|v| *v >= 1.0).map(|v| v as u32)
}

/// "last week", "today", "two years ago", "just hours ago", "earlier this year", "this morning",
/// "this past weekend", "over the weekend", "in recent days".
fn relative(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let word = s.word(at)?;
    if let Some(day) = one_of(s, at, &["today", "yesterday", "tomorrow", "tonight", "overnight"]) {
        let mut end = at + 1;
        let mut value = day.to_string();
        if day != "tonight" && day != "overnight" {
            if let Some(part) = one_of(s, end, DAY_PARTS) {
                value = format!("{day}-{part}");
                end += 1;
            }
        }
        return Some((TimeKind::Relative, value, end));
    }
    if word.eq_ignore_ascii_case("over") && s.is_word(at + 1, "the") && s.is_word(at + 2, "weekend") {
        return Some((TimeKind::Relative, "weekend".to_string(), at + 3));
    }
    if word.eq_ignore_ascii_case("in") && s.is_word(at + 1, "recent") {
        let span = one_of(s, at + 2, &["days", "weeks", "months", "years", "hours"])?;
        return Some((TimeKind::Relative, format!("recent-{span}"), at + 3));
    }
    if let Some(direction) = one_of(s, at, &["earlier", "later"]) {
        if s.is_word(at + 1, "this") {
            let span = one_of(s, at + 2, SPANS)?;
            return Some((TimeKind::Relative, format!("{direction}-this-{span}"), at + 3));
        }
        return None;
    }
    if let Some(anchor) = one_of(s, at, &["last", "next", "this", "past"]) {
        let mut j = at + 1;
        let mut anchor = anchor;
        if anchor == "this" && s.is_word(j, "past") {
            anchor = "last";
            j += 1;
        }
        if anchor == "past" {
            return None;
        }
        let span = one_of(s, j, SPANS)?;
        return Some((TimeKind::Relative, format!("{anchor}-{span}"), j + 1));
    }
    ago(s, at)
}

/// "two years ago", "a week ago", "just hours ago", "weeks ago".
fn ago(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let mut j = at;
    if one_of(s, j, &["just", "only", "some", "about", "nearly", "almost", "barely"]).is_some() {
        j += 1;
    }
    let number = count(s, j);
    if number.is_some() {
        j += 1;
    }
    let unit = s.word(j)?;
    let &(_, designator, time, factor) = AGO_UNITS.iter().find(|(u, _, _, _)| u.eq_ignore_ascii_case(unit))?;
    if !s.is_word(j + 1, "ago") {
        return None;
    }
    let amount = match number {
        Some(n) => (n * factor).to_string(),
        None if factor == 1 => "n".to_string(),
        None => format!("n{factor}"),
    };
    let value = if time { format!("-PT{amount}{designator}") } else { format!("-P{amount}{designator}") };
    Some((TimeKind::Relative, value, j + 2))
}

/// "in the evening", "at night", "before midnight", "in the second half of the day", "at noon".
fn time_of_day(s: &Scanner<'_>, at: usize) -> Option<(TimeKind, String, usize)> {
    let preposition = one_of(s, at, &["in", "at", "before", "after", "by", "around", "until", "during"])?;
    if let Some(moment) = one_of(s, at + 1, &["midnight", "noon", "midday", "dawn", "dusk", "night", "daybreak", "sunrise", "sunset"]) {
        let value = match preposition {
            "before" | "after" | "until" | "by" | "around" => format!("{preposition}-{moment}"),
            _ => moment.to_string(),
        };
        return Some((TimeKind::TimeOfDay, value, at + 2));
    }
    if !s.is_word(at + 1, "the") {
        return None;
    }
    if let Some(part) = one_of(s, at + 2, DAY_PARTS) {
        return Some((TimeKind::TimeOfDay, part.to_string(), at + 3));
    }
    let half = one_of(s, at + 2, &["first", "second"])?;
    if s.is_word(at + 3, "half") && s.is_word(at + 4, "of") && s.is_word(at + 5, "the") && s.is_word(at + 6, "day") {
        return Some((TimeKind::TimeOfDay, format!("{half}-half-of-day"), at + 7));
    }
    None
}

/// A calendar day as a count of days since 1970-01-01 (negative before), so that days subtract.
pub type Day = i64;

/// The day of a normalised date value (`2031-10-15`; `--10-15` in `year_if_missing`), or
/// `None` when the value is not a whole date.
pub fn day_of(value: &str, year_if_missing: Option<i64>) -> Option<Day> {
    let (year, rest) = match value.strip_prefix("--") {
        Some(rest) => (year_if_missing?, rest),
        None => {
            let (year, rest) = value.split_once('-')?;
            (year.parse().ok()?, rest)
        }
    };
    let (month, day) = rest.split_once('-')?;
    let (month, day): (i64, i64) = (month.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then(|| days_from_civil(year, month, day))
}

/// The year of a normalised date value, when it has one.
pub fn year_of(value: &str) -> Option<i64> {
    if value.starts_with("--") {
        return None;
    }
    value.split_once('-')?.0.parse().ok()
}

/// The days a relative time can mean in an article dated `published`, first and last
/// inclusive: "yesterday" one day, "last week" the calendar week (Monday to Sunday) before
/// the one of `published`, "last month" the calendar month before, "two days ago" that day,
/// "a week ago" five to nine days before, "over the weekend" the Saturday and Sunday before
/// (or the weekend of `published`, as far as it has gone). `None` for a value that names no span of days that can be told
/// ("in recent days", "hours ago", "next month").
pub fn relative_days(value: &str, published: Day) -> Option<(Day, Day)> {
    let monday = published - weekday_from_monday(published);
    let (year, month, _) = civil_from_days(published);
    let month_before = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
    Some(match value {
        "today" | "tonight" => (published, published),
        "overnight" => (published - 1, published),
        _ if value.starts_with("today-") || value.starts_with("this-") && DAY_PARTS.contains(&&value[5..]) => (published, published),
        "yesterday" => (published - 1, published - 1),
        _ if value.starts_with("yesterday-") => (published - 1, published - 1),
        "this-week" => (monday, published),
        "last-week" => (monday - 7, monday - 1),
        "last-weekend" | "weekend" => match weekday_from_monday(published) {
            // Published on the weekend: that weekend, as far as it has gone.
            5 => (published, published),
            6 => (published - 1, published),
            _ => (monday - 2, monday - 1),
        },
        "this-month" | "earlier-this-month" => (days_from_civil(year, month, 1), published),
        "last-month" => (days_from_civil(month_before.0, month_before.1, 1), days_from_civil(month_before.0, month_before.1, days_in_month(month_before.0, month_before.1))),
        "this-year" | "earlier-this-year" => (days_from_civil(year, 1, 1), published),
        "last-year" => (days_from_civil(year - 1, 1, 1), days_from_civil(year - 1, 12, 31)),
        _ => {
            let count = value.strip_prefix("-P")?;
            if let Some(days) = count.strip_suffix('D') {
                let days: i64 = days.parse().ok()?;
                (published - days, published - days)
            } else {
                let weeks: i64 = count.strip_suffix('W')?.parse().ok()?;
                (published - 7 * weeks - 2, published - 7 * weeks + 2)
            }
        }
    })
}

/// A day written out for an editor: "15 October 2031".
pub fn day_name(day: Day) -> String {
    let (year, month, date) = civil_from_days(day);
    format!("{date} {} {year}", MONTH_NAMES[(month - 1) as usize])
}

const MONTH_NAMES: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 for Monday to 6 for Sunday.
fn weekday_from_monday(day: Day) -> i64 {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of Howard Hinnant's
/// "chrono-compatible low-level date algorithms": years counted in 400-year eras from March).
fn days_from_civil(year: i64, month: i64, day: i64) -> Day {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(day: Day) -> (i64, i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let date = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case = (&'static str, &'static [(&'static str, TimeKind, &'static str)]);

    const CASES: &[Case] = &[
        ("Putin met them on Tuesday.", &[("on Tuesday", TimeKind::Weekday, "tuesday")]),
        ("Monday was calm.", &[("Monday", TimeKind::Weekday, "monday")]),
        ("They talked on Monday night.", &[("on Monday night", TimeKind::Weekday, "monday")]),
        ("Russia invaded on 24 February 2022.", &[("on 24 February 2022", TimeKind::Date, "2022-02-24")]),
        ("It began February 24, 2022.", &[("February 24, 2022", TimeKind::Date, "2022-02-24")]),
        ("It began on Feb. 24.", &[("on Feb. 24", TimeKind::Date, "--02-24")]),
        ("the 24th of February", &[("24th of February", TimeKind::Date, "--02-24")]),
        ("a 2022-02-24 report", &[("2022-02-24", TimeKind::Date, "2022-02-24")]),
        ("It happened in August.", &[("in August", TimeKind::Month, "--08")]),
        ("due in November 2025", &[("in November 2025", TimeKind::Month, "2025-11")]),
        ("by late November", &[("by late November", TimeKind::Month, "--11")]),
        ("in mid-November", &[("in mid-November", TimeKind::Month, "--11")]),
        ("annexed in 2014", &[("in 2014", TimeKind::Year, "2014")]),
        ("since 2022", &[("since 2022", TimeKind::Year, "2022")]),
        ("last week", &[("last week", TimeKind::Relative, "last-week")]),
        ("last month", &[("last month", TimeKind::Relative, "last-month")]),
        ("next month", &[("next month", TimeKind::Relative, "next-month")]),
        ("this morning", &[("this morning", TimeKind::Relative, "this-morning")]),
        ("this past weekend", &[("this past weekend", TimeKind::Relative, "last-weekend")]),
        ("over the weekend", &[("over the weekend", TimeKind::Relative, "weekend")]),
        ("two years ago", &[("two years ago", TimeKind::Relative, "-P2Y")]),
        ("a week ago", &[("a week ago", TimeKind::Relative, "-P1W")]),
        ("just hours ago", &[("just hours ago", TimeKind::Relative, "-PTnH")]),
        ("today and yesterday", &[("today", TimeKind::Relative, "today"), ("yesterday", TimeKind::Relative, "yesterday")]),
        ("earlier this year", &[("earlier this year", TimeKind::Relative, "earlier-this-year")]),
        ("in the second half of the day", &[("in the second half of the day", TimeKind::TimeOfDay, "second-half-of-day")]),
        ("before midnight", &[("before midnight", TimeKind::TimeOfDay, "before-midnight")]),
        ("in the evening", &[("in the evening", TimeKind::TimeOfDay, "evening")]),
        ("this evening", &[("this evening", TimeKind::Relative, "this-evening")]),
        ("at 10:30", &[("at 10:30", TimeKind::TimeOfDay, "10:30")]),
        ("at 2 pm", &[("at 2 pm", TimeKind::TimeOfDay, "14:00")]),
        ("at 10 a.m. local time", &[("at 10 a.m.", TimeKind::TimeOfDay, "10:00")]),
        // Guards.
        ("May I ask a question?", &[]),
        ("Troops march on.", &[]),
        ("They flew from Mar-a-Lago.", &[]),
        ("The Sunday Times reported it.", &[]),
        ("They sent 2022 troops and $2022.", &[]),
        ("It was 2,022 km away.", &[]),
        ("", &[]),
    ];

    #[test]
    fn time_expressions() {
        for (text, want) in CASES {
            let got: Vec<(String, TimeKind, String)> =
                extract_times(text).into_iter().map(|t| (text[t.range].to_string(), t.kind, t.value)).collect();
            let want: Vec<(String, TimeKind, String)> = want.iter().map(|&(a, k, v)| (a.to_string(), k, v.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn never_panics_and_ranges_sit_on_char_boundaries() {
        let inputs = ["", "on", "in the", "last", "24", "24th of", "Feb.", "2022-", "12:", "12 a.", "في 24 فبراير 2022", "🚀 Monday 🚀", "e\u{301} 2014", "\0\0"];
        let long = "on Monday, 24 February 2022, two years ago; ".repeat(300);
        for text in inputs.iter().copied().chain([long.as_str()]) {
            for t in extract_times(text) {
                assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end), "{text}");
                assert!(t.range.start < t.range.end && t.range.end <= text.len(), "{text}");
            }
        }
    }

    #[test]
    fn days_count_from_1970_through_leap_years_both_ways() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28), 2, "2000 is a leap year");
        assert_eq!(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28), 1, "2100 is not");
        for day in [-800_000, -1, 0, 59, 10_957, 22_932, 800_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(day_name(day_of("2031-10-15", None).unwrap()), "15 October 2031");
        assert_eq!(weekday_from_monday(day_of("2031-10-15", None).unwrap()), 2, "a Wednesday");
    }

    #[test]
    fn date_values_become_days_with_a_year_from_elsewhere_when_missing() {
        assert_eq!(day_of("--10-15", Some(2031)), day_of("2031-10-15", None));
        assert_eq!(day_of("--10-15", None), None);
        assert_eq!(day_of("2031-02-30", None), None);
        assert_eq!(day_of("2031-10", None), None, "a month is not a day");
        assert_eq!((year_of("2031-10-15"), year_of("--10-15")), (Some(2031), None));
    }

    #[test]
    fn relative_times_are_the_days_they_mean_on_the_publication_day() {
        let wednesday = day_of("2031-10-15", None).unwrap();
        let days = |value: &str| relative_days(value, wednesday).map(|(a, b)| (day_name(a), day_name(b)));
        let span = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(days("last-week"), span("6 October 2031", "12 October 2031"));
        assert_eq!(days("last-month"), span("1 September 2031", "30 September 2031"));
        assert_eq!(days("yesterday-evening"), span("14 October 2031", "14 October 2031"));
        assert_eq!(days("this-morning"), span("15 October 2031", "15 October 2031"));
        assert_eq!(days("last-weekend"), span("11 October 2031", "12 October 2031"));
        assert_eq!(days("-P1W"), span("6 October 2031", "10 October 2031"));
        assert_eq!(days("-P2D"), span("13 October 2031", "13 October 2031"));
        let saturday = day_of("2031-10-18", None).unwrap();
        assert_eq!(relative_days("weekend", saturday), Some((saturday, saturday)));
        assert_eq!(relative_days("last-month", day_of("2032-01-05", None).unwrap()).map(|(a, _)| day_name(a)), Some("1 December 2031".into()));
        assert_eq!(days("recent-days"), None);
        assert_eq!(days("-PTnH"), None);
    }
}
