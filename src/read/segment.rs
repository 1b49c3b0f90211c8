//! Sentence segmentation with exact byte offsets.
//!
//! In: a text — a line, a paragraph or a whole article. Out: the byte ranges of its
//! sentences, in text order, non-overlapping, non-empty, trimmed of surrounding whitespace
//! and on char boundaries, so `&text[range]` is a sentence exactly as written.
//!
//! One pass over the text with a small lookahead (linear time, no allocation besides the
//! result). A sentence ends
//! - after terminal punctuation (`.` `!` `?` `…`, runs such as `?!` or `. . . .`, the
//!   full-width forms) and whatever closes with it (quotes, brackets, `[1]` citations),
//!   when the next word can start a sentence. For a full stop that depends on the word
//!   before it: a title (`Mr.`, `Sen.`), an initial (`E.`, `U.S.`), a time (`p.m.`), an
//!   abbreviation before a number (`No. 5`, `Jan. 20`), a company suffix (`Co.`);
//! - at a blank line;
//! - at a single line break (news has one paragraph per line and headlines without final
//!   punctuation), unless the line before ends without final punctuation and the next line
//!   starts in lower case and continues it: an open quotation or bracket, a line wrapped
//!   after a trailing space, or a next line that finishes the sentence (PDF-style wrapping);
//! - before a bullet, and before a list marker that continues a list (`1) … 2) …`);
//! - at a full stop glued to a capitalised word (`world.Today`) outside e-mail and web
//!   addresses, and before a glued word in an uncased script (an Arabic ad marker).
//!
//! Quotations may hold several sentences and are split inside (a claim is a sentence);
//! a quoted sentence followed by a lower-case word (`“…,” he said`) is not. Nothing inside
//! a paired round or square bracket on one line is split.

use std::ops::Range;

/// Splits `text` into sentences and returns their byte ranges.
pub fn segment(text: &str) -> Vec<Range<usize>> {
    let mut scanner = Scanner::new(text);
    scanner.run();
    scanner.sentences
}

/// How far to look for the bracket that closes an opening one.
const MAX_BRACKET_BYTES: usize = 1000;
/// Longer tokens are never abbreviations.
const MAX_ABBREVIATION_BYTES: usize = 24;

/// What the word before a full stop says about whether the sentence ends there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StopWord {
    /// An ordinary word or number: the stop ends the sentence before a capital or a digit.
    Plain,
    /// A title or a Latin abbreviation (`Mr.`, `Gen.`, `vs.`, `e.g.`): never ends one.
    Prefix,
    /// Usually before a number (`No.`, `p.`, `Jan.`): ends a sentence before a capital only.
    Numeral,
    /// A suffix (`Co.`, `Inc.`, `etc.`): ends a sentence before a capitalised word, not before
    /// an acronym or a bracket (`Co. KG`, `Inc. (“Company A”)`).
    Suffix,
    /// An initial, a dotted abbreviation or a name suffix (`E.`, `U.S.`, `J.C.`, `Jr.`): ends a
    /// sentence only before a word that typically starts one (`The`, `He`, `How`).
    Initial,
    /// `a.m.`, `p.m.`: ends a sentence before a capital unless the time opens the sentence
    /// (`At 5 a.m. Mr. Smith …`) or a day, zone or `… time` follows.
    Time,
}

/// Titles and Latin abbreviations after which no sentence ends ([`StopWord::Prefix`]).
/// Lower case, without the final stop, sorted (as are all word lists here).
const PREFIXES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cf", "cmdr", "col", "cpl", "cpt", "det", "dr", "drs", "e.g", "fr",
    "gen", "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "msgr", "mt", "pres", "prof",
    "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt", "viz", "vs",
];

/// Abbreviations usually followed by a number ([`StopWord::Numeral`]).
const NUMERALS: &[&str] = &[
    "approx", "apr", "art", "aug", "ca", "ch", "chap", "dec", "ed", "eds", "est", "ext", "feb", "fig", "figs", "jan",
    "jul", "jun", "mar", "no", "nos", "nov", "nr", "n°", "nº", "oct", "op", "para", "pp", "pt", "ref", "rs", "sec",
    "sep", "sept", "tel", "vol", "vols",
];

/// Abbreviations that follow a name or a number ([`StopWord::Suffix`]).
const SUFFIXES: &[&str] = &[
    "al", "assn", "assoc", "ave", "blvd", "bros", "btw", "co", "corp", "cos", "dept", "esp", "etc", "ft", "govt", "hr",
    "hrs", "hwy", "inc", "incl", "intl", "kg", "km", "lb", "lbs", "llc", "ltd", "max", "med", "mfg", "min", "mins",
    "misc", "natl", "oz", "ph.d", "plc", "rd", "sq", "univ", "yd", "yds", "yr", "yrs",
];

/// Capitalised words that start sentences far more often than they continue a name, so a
/// sentence may end before them after an initial (`… the U.S. How …`, `… and I. Did …`).
/// Lower case, sorted.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "a", "about", "according", "after", "all", "also", "although", "an", "and", "another", "any", "are", "as", "at",
    "because", "before", "both", "but", "by", "can", "could", "despite", "did", "do", "does", "don", "dozens",
    "during", "each", "even", "every", "few", "for", "from", "had", "has", "have", "he", "her", "here", "his",
    "how", "however", "hundreds", "i", "if", "in", "is", "it", "its", "just", "last", "let", "many", "meanwhile",
    "millions", "more", "most", "my", "no", "not", "now", "of", "on", "once", "one", "only", "or", "other", "our",
    "several", "she", "since", "so", "some", "still", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "thousands", "to", "today", "under", "until", "was", "we", "were", "what",
    "when", "where", "whether", "which", "while", "who", "why", "will", "with", "would", "yet", "you", "your",
];

/// Words that open a sentence with a time phrase (`At 5 a.m. Mr. Smith went …`). Sorted.
const TIME_PREPOSITIONS: &[&str] =
    &["about", "after", "around", "at", "before", "between", "by", "from", "on", "since", "till", "until"];

/// Capitalised words that continue a clock time (`5 p.m. Tuesday`). Lower case, sorted.
#[rustfmt::skip]
const TIME_CONTINUATIONS: &[&str] = &[
    "april", "august", "december", "february", "friday", "january", "july", "june", "march", "may", "monday",
    "november", "october", "saturday", "september", "sunday", "thursday", "tuesday", "wednesday",
];

/// How a list item is marked: `1.`, `1)`, `1.)` or `(1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    Dot,
    Paren,
    DotParen,
    Enclosed,
}

/// A list marker, with every reading of its label (`i` is a letter and a Roman one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    style: MarkerStyle,
    upper: bool,
    number: Option<u32>,
    letter: Option<u8>,
    roman: Option<u32>,
}

impl Marker {
    /// `1`, `a`, `i`: the first item of a list.
    fn starts_list(&self) -> bool {
        self.number == Some(1) || self.letter == Some(0) || self.roman == Some(1)
    }

    /// Whether `next` is the item after this one in the same list.
    fn is_followed_by(&self, next: &Marker) -> bool {
        let succeeds = |a: Option<u32>, b: Option<u32>| matches!((a, b), (Some(a), Some(b)) if b == a + 1);
        self.style == next.style
            && self.upper == next.upper
            && (succeeds(self.number, next.number)
                || succeeds(self.letter.map(u32::from), next.letter.map(u32::from))
                || succeeds(self.roman, next.roman))
    }
}

/// What starts the text after a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextKind {
    End,
    Lower,
    Upper,
    /// A letter of a script without case (Arabic, Chinese, …).
    Uncased,
    Digit,
    Bullet,
    Other,
}

/// The word after a candidate boundary, past spaces, opening quotes, brackets and dashes.
#[derive(Debug, Clone)]
struct Next {
    kind: NextKind,
    /// An opening bracket came first.
    bracketed: bool,
    /// Where the next token starts (after spaces only).
    token: usize,
    /// The letters of the word (for `Upper`, `Lower`, `Uncased`).
    word: Range<usize>,
}

impl Next {
    fn find(text: &str, from: usize) -> Next {
        let token = skip_whitespace(text, from);
        let mut pos = token;
        let mut bracketed = false;
        let mut skipped = 0;
        let kind = loop {
            let Some(c) = char_at(text, pos) else { break NextKind::End };
            if skipped < 8 && (is_opening_punctuation(c) || matches!(c, '-' | '–' | '—')) {
                bracketed |= matches!(c, '(' | '[');
                skipped += 1;
                pos += c.len_utf8();
                pos = skip_whitespace(text, pos);
                continue;
            }
            break if c.is_lowercase() {
                NextKind::Lower
            } else if c.is_uppercase() {
                NextKind::Upper
            } else if c.is_alphabetic() {
                NextKind::Uncased
            } else if c.is_ascii_digit()
                || (is_currency(c) && char_at(text, pos + c.len_utf8()).is_some_and(|d| d.is_ascii_digit()))
            {
                NextKind::Digit
            } else if is_bullet(c) {
                NextKind::Bullet
            } else {
                NextKind::Other
            };
        };
        let end = text[pos..].find(|c: char| !c.is_alphabetic()).map_or(text.len(), |i| pos + i);
        Next { kind, bracketed, token, word: pos..end }
    }

    fn word<'t>(&self, text: &'t str) -> &'t str {
        &text[self.word.clone()]
    }

    /// An acronym such as `KG` or `EST`.
    fn is_acronym(&self, text: &str) -> bool {
        let word = self.word(text);
        word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
    }

    /// A sentence may start here after `!`, `?`, an ellipsis or an ordinary full stop.
    fn can_start_sentence(&self) -> bool {
        matches!(self.kind, NextKind::Upper | NextKind::Uncased | NextKind::Digit | NextKind::Bullet)
    }
}

/// A run of terminal punctuation: `.`, `?!`, `...`, `. . . .`, `…`, `。`.
#[derive(Debug)]
struct Run {
    end: usize,
    /// End of the run's first character: where a sentence ends in `word. . . . Next`.
    first_end: usize,
    dots: usize,
    /// Holds `!` or `?`.
    exclaims: bool,
    /// Holds `…`.
    ellipsis: bool,
    /// Dots separated by single spaces.
    spaced: bool,
    /// Holds a full-width or ideographic stop, which needs no space after it.
    wide: bool,
}

impl Run {
    fn scan(text: &str, start: usize) -> Run {
        let bytes = text.as_bytes();
        let mut run =
            Run { end: start, first_end: start, dots: 0, exclaims: false, ellipsis: false, spaced: false, wide: false };
        let mut pos = start;
        while let Some(c) = char_at(text, pos) {
            match c {
                '.' => run.dots += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => run.exclaims = true,
                '…' => run.ellipsis = true,
                '．' | '。' | '｡' | '！' | '？' => run.wide = true,
                ' ' if pos > start && bytes[pos - 1] == b'.' && bytes.get(pos + 1) == Some(&b'.') => run.spaced = true,
                _ => break,
            }
            pos += c.len_utf8();
            if run.first_end == start {
                run.first_end = pos;
            }
        }
        run.end = pos;
        run
    }

    fn is_single_stop(&self) -> bool {
        self.dots == 1 && !self.exclaims && !self.ellipsis && !self.wide && !self.spaced
    }
}

struct Scanner<'a> {
    text: &'a str,
    sentences: Vec<Range<usize>>,
    /// First byte of the current sentence, once it has one.
    start: Option<usize>,
    /// Words of the current sentence so far, and where the first one starts.
    words: usize,
    first_word: usize,
    /// Start of the whitespace-delimited token being read.
    token_start: usize,
    /// The last list marker, to recognise the next item of the same list.
    last_marker: Option<Marker>,
    /// No sentence ends before this byte: the inside of a paired bracket.
    protected_until: usize,
    /// Per bracket kind (`)`, `]`): the text before this byte was searched for a closer up
    /// to the end of its line or the search limit, so later searches resume there.
    closer_searched: [usize; 2],
    /// Quotations and brackets opened and not closed on the current line (or the lines it continues).
    open_quotes: u32,
    open_brackets: u32,
    /// Whether the whitespace-delimited token that ends at `.0` is an e-mail or web address.
    address: (usize, bool),
    /// End of the last terminal punctuation that did not end a sentence only because a
    /// lower-case word followed; a line break right after it ends the sentence after all.
    open_stop: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            sentences: Vec::with_capacity(text.len() / 100 + 1),
            start: None,
            words: 0,
            first_word: 0,
            token_start: 0,
            last_marker: None,
            protected_until: 0,
            closer_searched: [0; 2],
            open_quotes: 0,
            open_brackets: 0,
            address: (0, false),
            open_stop: None,
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let mut pos = 0;
        while let Some(c) = char_at(text, pos) {
            if is_line_break(c) || is_paragraph_break(c) {
                pos = self.line_break(pos);
                continue;
            }
            if is_space(c) {
                pos += c.len_utf8();
                continue;
            }
            let starts_token = char_before(text, pos).is_none_or(|b| is_space(b) || is_bullet(b));
            if is_bullet(c) && starts_token {
                if self.words > 0 && self.can_split(pos) {
                    self.close(pos);
                }
                self.start.get_or_insert(pos);
                pos += c.len_utf8();
                continue;
            }
            if self.start.is_none() {
                self.start = Some(pos);
                self.words = 0;
            }
            if starts_token {
                if let Some(end) = self.list_marker(pos) {
                    pos = end;
                    continue;
                }
                self.token_start = pos;
                self.words += 1;
                if self.words == 1 {
                    self.first_word = pos;
                }
            }
            match c {
                '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '．' | '。' | '｡' | '！' | '？' => {
                    pos = self.terminal(pos);
                    continue;
                }
                '(' | '[' => {
                    self.open_brackets += 1;
                    self.protect(pos, c);
                }
                ')' | ']' => self.open_brackets = self.open_brackets.saturating_sub(1),
                _ if is_quote(c) => self.track_quote(pos, c),
                _ => {}
            }
            pos += c.len_utf8();
        }
        self.close(text.len());
    }

    /// Ends the current sentence at `end` (trimmed).
    fn close(&mut self, end: usize) {
        if let Some(start) = self.start.take().filter(|&start| start < end) {
            let end = start + self.text[start..end].trim_end_matches(is_space).len();
            if end > start {
                self.sentences.push(start..end);
            }
        }
        self.words = 0;
    }

    /// Ends the current sentence at `at` and starts the next one there, with its first word.
    fn restart_at(&mut self, at: usize) {
        self.close(at);
        self.start = Some(at);
        self.token_start = at;
        self.first_word = at;
        self.words = 1;
    }

    /// Whether a sentence may end at `at` (not inside a paired bracket).
    fn can_split(&self, at: usize) -> bool {
        at >= self.protected_until
    }

    /// A list marker at the token at `pos` that opens a sentence or continues the last list
    /// starts an item; returns the end of the marker, which is skipped.
    fn list_marker(&mut self, pos: usize) -> Option<usize> {
        let (marker, end) = parse_marker(self.text, pos)?;
        let opens_sentence = self.words == 0;
        // Mid-sentence, `A.` or `II.` is far more often an initial or a name than an item.
        let initial_like = marker.style == MarkerStyle::Dot && marker.upper;
        let continues = !initial_like && self.continues_list(&marker) && self.can_split(pos);
        if !opens_sentence && !continues {
            return None;
        }
        self.last_marker = Some(marker);
        if opens_sentence {
            self.token_start = pos;
            self.first_word = pos;
            self.words = 1;
        } else {
            self.restart_at(pos);
        }
        Some(end)
    }

    /// Whether `marker` is the next item of the last list, or starts a new list in its style.
    fn continues_list(&self, marker: &Marker) -> bool {
        self.last_marker.is_some_and(|last| {
            last.is_followed_by(marker)
                || (marker.starts_list() && last.style == marker.style && last.upper == marker.upper)
        })
    }

    /// A list item starts at the token at `pos` after a sentence: `… Smith. a. here it is`,
    /// `… store. w) hello`.
    fn item_follows(&self, pos: usize) -> bool {
        parse_marker(self.text, pos).is_some_and(|(marker, _)| {
            marker.style != MarkerStyle::Dot || marker.starts_list() || self.continues_list(&marker)
        })
    }

    /// Remembers that no sentence ends inside the bracket opened at `pos`, if it closes on this line.
    fn protect(&mut self, pos: usize, open: char) {
        if pos < self.protected_until {
            return;
        }
        let (closer, kind) = if open == '(' { (b')', 0) } else { (b']', 1) };
        let bytes = self.text.as_bytes();
        let from = (pos + 1).max(self.closer_searched[kind]);
        let limit = bytes.len().min(pos + 1 + MAX_BRACKET_BYTES).max(from);
        match bytes[from..limit].iter().position(|&b| b == closer || b == b'\n' || b == b'\r') {
            Some(i) if bytes[from + i] == closer => self.protected_until = from + i + 1,
            Some(i) => self.closer_searched[kind] = from + i,
            None => self.closer_searched[kind] = limit,
        }
    }

    /// Counts the quotations opened and closed on the line, telling apostrophes apart.
    fn track_quote(&mut self, pos: usize, quote: char) {
        let before = char_before(self.text, pos);
        let after = char_at(self.text, pos + quote.len_utf8());
        let opens = before
            .is_none_or(|b| b.is_whitespace() || is_opening_punctuation(b) || matches!(b, '-' | '–' | '—'))
            && after.is_some_and(|a| !a.is_whitespace());
        let opening = match quote {
            '“' | '„' | '«' | '‘' => true,
            '”' | '»' | '’' => false,
            _ => opens,
        };
        let ascii_single = matches!(quote, '\'' | '`');
        if opening && (!ascii_single || after.is_some_and(char::is_alphanumeric)) {
            self.open_quotes += 1;
        } else if !opening && !after.is_some_and(char::is_alphanumeric) {
            self.open_quotes = self.open_quotes.saturating_sub(1);
        }
    }

    /// Handles the terminal punctuation starting at `pos`; returns where to continue.
    fn terminal(&mut self, pos: usize) -> usize {
        let text = self.text;
        let run = Run::scan(text, pos);
        if matches!(char_before(text, pos), Some('[' | '(')) && matches!(char_at(text, run.end), Some(']' | ')')) {
            return run.end;
        }
        let after = self.absorb_closers(run.end);
        if run.wide {
            if self.can_split(after) {
                self.close(after);
            }
            return after;
        }
        match char_at(text, after) {
            None => return after,
            Some(c) if !c.is_whitespace() => {
                return if after == run.end && run.is_single_stop() { self.glued_stop(pos, run.end) } else { after };
            }
            Some(_) => {}
        }
        let next = Next::find(text, after);
        let attached = char_before(text, pos).is_some_and(|b| !b.is_whitespace());
        let word = if run.is_single_stop() { self.stop_word(pos) } else { StopWord::Plain };
        let (ends, at) = if run.exclaims {
            (next.can_start_sentence(), after)
        } else if run.dots >= 2 || run.ellipsis {
            // `is . . . I didn't`: a three-dot ellipsis between words leaves the sentence open;
            // a stop before one (`compounds. . . . The`) ends it, and the ellipsis opens the next.
            let dots = run.dots + if run.ellipsis { 3 } else { 0 };
            let between_words = !attached && dots <= 3;
            let ends = next.can_start_sentence() && !between_words;
            if ends && attached && run.spaced && run.dots >= 4 {
                (true, run.first_end)
            } else {
                (ends, after)
            }
        } else {
            (self.stop_ends_sentence(word, &next), after)
        };
        if ends && self.can_split(at) {
            self.close(at);
            return at;
        }
        if word == StopWord::Plain && attached {
            self.open_stop = Some(after);
        }
        after
    }

    /// Moves past closing quotes, brackets and citation marks (`[12]`) right after `pos`.
    fn absorb_closers(&mut self, mut pos: usize) -> usize {
        let text = self.text;
        while let Some(c) = char_at(text, pos) {
            let next = char_at(text, pos + c.len_utf8());
            match c {
                '”' | '»' | '’' | '"' | '\'' if !next.is_some_and(char::is_alphanumeric) => {
                    self.open_quotes = self.open_quotes.saturating_sub(1);
                }
                ')' | ']' => self.open_brackets = self.open_brackets.saturating_sub(1),
                '[' => match citation_end(text, pos) {
                    Some(end) => {
                        pos = end;
                        continue;
                    }
                    None => break,
                },
                _ => break,
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// Whether a single full stop after `word`, followed by space and then `next`, ends a sentence.
    fn stop_ends_sentence(&self, word: StopWord, next: &Next) -> bool {
        let text = self.text;
        match next.kind {
            NextKind::Lower | NextKind::Other => word == StopWord::Plain && self.item_follows(next.token),
            NextKind::End => false,
            NextKind::Bullet => true,
            NextKind::Digit => word == StopWord::Plain,
            NextKind::Uncased => word != StopWord::Prefix,
            NextKind::Upper => match word {
                StopWord::Plain => true,
                StopWord::Prefix => false,
                StopWord::Numeral => !next.bracketed,
                StopWord::Suffix => !next.bracketed && !next.is_acronym(text),
                StopWord::Initial => !next.bracketed && self.starts_after_initial(next),
                StopWord::Time => !next.bracketed && self.starts_after_time(next),
            },
        }
    }

    /// Classifies the token that ends with the full stop at `pos`.
    fn stop_word(&self, pos: usize) -> StopWord {
        let token = self.text[self.token_start.min(pos)..pos].trim_start_matches(is_opening_punctuation);
        let mut buffer = [0u8; MAX_ABBREVIATION_BYTES];
        let Some(lower) = ascii_lowercase(token, &mut buffer).filter(|lower| !lower.is_empty()) else {
            return StopWord::Plain;
        };
        let listed = |words: &[&str]| words.binary_search(&lower).is_ok();
        let initials = lower
            .split('.')
            .all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic));
        if lower == "a.m" || lower == "p.m" {
            StopWord::Time
        } else if listed(PREFIXES) {
            StopWord::Prefix
        } else if listed(NUMERALS) {
            StopWord::Numeral
        } else if listed(SUFFIXES) {
            StopWord::Suffix
        } else if (initials && (token.chars().count() == 1 || token.contains('.'))) || lower == "jr" || lower == "sr" {
            StopWord::Initial
        } else {
            StopWord::Plain
        }
    }

    /// After an initial, a sentence starts only with a typical first word, and never with
    /// another initial (`J. A. Smith`).
    fn starts_after_initial(&self, next: &Next) -> bool {
        let text = self.text;
        let word = next.word(text);
        let another_initial = word.chars().count() == 1 && text[next.word.end..].starts_with('.');
        !another_initial && contains_word(SENTENCE_STARTERS, word)
    }

    /// After `a.m.`/`p.m.` a sentence starts with a capital, unless the time opens the
    /// sentence (`At 5 a.m. Mr. Smith went`) or the next words continue it (`5 p.m. Tuesday`,
    /// `5 p.m. EST`, `5 p.m. Moscow time`).
    fn starts_after_time(&self, next: &Next) -> bool {
        let text = self.text;
        if self.words <= 3 {
            let first = &text[self.first_word..];
            let first = &first[..first.find(|c: char| !c.is_alphabetic()).unwrap_or(first.len())];
            if contains_word(TIME_PREPOSITIONS, first) {
                return false;
            }
        }
        if contains_word(TIME_CONTINUATIONS, next.word(text)) || next.is_acronym(text) {
            return false;
        }
        let following = Next::find(text, next.word.end);
        !(following.kind == NextKind::Lower && following.word(text) == "time")
    }

    /// A full stop at `pos` directly followed (no space) by the character at `end`.
    fn glued_stop(&mut self, pos: usize, end: usize) -> usize {
        let text = self.text;
        let (Some(before), Some(next)) = (char_before(text, pos), char_at(text, end)) else { return end };
        let splits = if next.is_uppercase() {
            // `world.Today`, `1,000.That`; not `U.S.A`, `J.K.Rowling`, `Mr.Smith` or addresses.
            (before.is_lowercase() || before.is_ascii_digit())
                && char_at(text, end + next.len_utf8()).is_some_and(char::is_lowercase)
                && self.stop_word(pos) == StopWord::Plain
                && !self.in_address(pos)
        } else if next.is_alphabetic() && !next.is_lowercase() {
            before.is_alphanumeric() && !self.in_address(pos)
        } else if next.is_ascii_digit() && (before.is_lowercase() || before == ')') {
            return self.footnote(pos, end);
        } else {
            false
        };
        if splits && self.can_split(end) {
            self.restart_at(end);
        }
        end
    }

    /// `consultation.11 12 Take`, `(type 2).10 This`: footnote numbers after a full stop end
    /// the sentence when a capitalised word follows them.
    fn footnote(&mut self, pos: usize, digits_start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        if char_before(text, pos).is_some_and(char::is_lowercase) {
            let word = self.text[self.token_start.min(pos)..pos].trim_start_matches(is_opening_punctuation);
            if word.chars().nth(1).is_none() {
                return digits_start;
            }
        }
        let digits_end = |from: usize| {
            let n = bytes[from..].iter().take(4).take_while(|b| b.is_ascii_digit()).count();
            (1..=3).contains(&n).then_some(from + n)
        };
        let Some(mut end) = digits_end(digits_start) else { return digits_start };
        while bytes.get(end) == Some(&b' ') {
            match digits_end(end + 1) {
                Some(next_end) if bytes.get(next_end).is_none_or(|b| b.is_ascii_whitespace()) => end = next_end,
                _ => break,
            }
        }
        if !bytes.get(end).is_some_and(|b| b.is_ascii_whitespace()) {
            return digits_start;
        }
        if Next::find(text, end).kind == NextKind::Upper && self.can_split(end) {
            self.close(end);
            return end;
        }
        digits_start
    }

    /// Whether the token holding `pos` is an e-mail or web address (computed once per token).
    fn in_address(&mut self, pos: usize) -> bool {
        if pos >= self.address.0 {
            let rest = &self.text[self.token_start..];
            let token = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
            let web = token.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("www."));
            self.address = (self.token_start + token.len(), web || token.contains('@') || token.contains("://"));
        }
        self.address.1
    }

    /// Handles the line break at `pos`; returns where to continue.
    fn line_break(&mut self, pos: usize) -> usize {
        let text = self.text;
        let Some(c) = char_at(text, pos) else { return pos };
        let mut after = pos + c.len_utf8();
        if c == '\r' && text.as_bytes().get(after) == Some(&b'\n') {
            after += 1;
        }
        let next_line = text[after..].find(|c: char| !c.is_whitespace() || is_line_break(c) || is_paragraph_break(c));
        let first = next_line.and_then(|i| char_at(text, after + i));
        let blank = is_paragraph_break(c) || first.is_none_or(|f| is_line_break(f) || is_paragraph_break(f));
        if self.start.is_some() && (blank || !self.line_continues(pos, after, first)) {
            self.close(pos);
        }
        if self.start.is_none() {
            self.open_quotes = 0;
            self.open_brackets = 0;
        }
        after
    }

    /// Whether the line after the break at `pos` continues the sentence on the line before:
    /// the line before does not end with a sentence's final punctuation, the next one starts
    /// in lower case (or with a bracket or punctuation), and either a quotation or bracket is
    /// open, the break follows a space (a wrapped line), or the next line finishes a sentence
    /// (a line cut in the middle).
    fn line_continues(&self, pos: usize, next_line: usize, first: Option<char>) -> bool {
        let Some(first) = first else { return false };
        let text = self.text;
        let line_end = text[..pos].trim_end_matches([' ', '\t']).len();
        if starts_line_anew(first) || self.open_stop == Some(line_end) {
            return false;
        }
        let wrapped = matches!(char_before(text, pos), Some(' ' | '\t'));
        let finishes = || {
            let line = &text[next_line..];
            let line = &line[..line.find(|c: char| is_line_break(c) || is_paragraph_break(c)).unwrap_or(line.len())];
            line.contains(['.', '!', '?', '…'])
        };
        self.open_quotes > 0 || self.open_brackets > 0 || wrapped || finishes()
    }
}

/// `1.`, `a)`, `iv.)`, `(b)` followed by whitespace; returns the marker and its end.
fn parse_marker(text: &str, pos: usize) -> Option<(Marker, usize)> {
    let bytes = text.as_bytes();
    let enclosed = bytes.get(pos) == Some(&b'(');
    let label_start = pos + usize::from(enclosed);
    let label_len = bytes[label_start..].iter().take(5).take_while(|b| b.is_ascii_alphanumeric()).count();
    if label_len == 0 || label_len == 5 {
        return None;
    }
    let label = &text[label_start..label_start + label_len];
    let mut end = label_start + label_len;
    let style = match (enclosed, bytes.get(end), bytes.get(end + 1)) {
        (true, Some(b')'), _) => MarkerStyle::Enclosed,
        (false, Some(b')'), _) => MarkerStyle::Paren,
        (false, Some(b'.'), Some(b')')) => MarkerStyle::DotParen,
        (false, Some(b'.'), _) => MarkerStyle::Dot,
        _ => return None,
    };
    end += if style == MarkerStyle::DotParen { 2 } else { 1 };
    if !char_at(text, end).is_some_and(char::is_whitespace) {
        return None;
    }
    let number = if label.bytes().all(|b| b.is_ascii_digit()) && label_len <= 3 { label.parse().ok() } else { None };
    let letter = (label_len == 1 && bytes[label_start].is_ascii_alphabetic())
        .then(|| bytes[label_start].to_ascii_lowercase() - b'a');
    let roman = roman_value(label);
    if number.is_none() && letter.is_none() && roman.is_none() {
        return None;
    }
    let upper = bytes[label_start].is_ascii_uppercase();
    Some((Marker { style, upper, number, letter, roman }, end))
}

/// The value of a small Roman numeral in one case (`iv` → 4), up to 39.
fn roman_value(label: &str) -> Option<u32> {
    let lower = label.bytes().all(|b| b.is_ascii_lowercase());
    let upper = label.bytes().all(|b| b.is_ascii_uppercase());
    if !(lower || upper) {
        return None;
    }
    let digit = |b: u8| match b.to_ascii_lowercase() {
        b'i' => Some(1i64),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let bytes = label.as_bytes();
    let mut total = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        let value = digit(b)?;
        let next = bytes.get(i + 1).and_then(|&n| digit(n)).unwrap_or(0);
        total += if next > value { -value } else { value };
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// `[12]`, `[a]` at `pos`: returns its end.
fn citation_end(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let inner = bytes[pos + 1..].iter().take(5).take_while(|b| b.is_ascii_alphanumeric()).count();
    ((1..=4).contains(&inner) && bytes.get(pos + 1 + inner) == Some(&b']')).then_some(pos + inner + 2)
}

/// Lower-cases ASCII letters of `word` into `buffer`; `None` when it does not fit.
fn ascii_lowercase<'b>(word: &str, buffer: &'b mut [u8; MAX_ABBREVIATION_BYTES]) -> Option<&'b str> {
    let target = buffer.get_mut(..word.len())?;
    target.copy_from_slice(word.as_bytes());
    target.make_ascii_lowercase();
    std::str::from_utf8(target).ok()
}

/// Whether `word`, lower-cased, is in the sorted list `words`.
fn contains_word(words: &[&str], word: &str) -> bool {
    let mut buffer = [0u8; MAX_ABBREVIATION_BYTES];
    ascii_lowercase(word, &mut buffer).is_some_and(|lower| words.binary_search(&lower).is_ok())
}

/// A line starting with this character starts a new sentence (after a line break).
fn starts_line_anew(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || (c.is_alphabetic() && !c.is_lowercase())
        || is_quote(c)
        || is_bullet(c)
        || matches!(c, '-' | '–' | '—' | '*' | '#' | '>')
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|rest| rest.chars().next())
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|head| head.chars().next_back())
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    text[from..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |i| from + i)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{85}')
}

fn is_paragraph_break(c: char) -> bool {
    matches!(c, '\u{2029}' | '\u{0B}' | '\u{0C}')
}

/// Whitespace and the invisible characters that surround sentences like it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '”' | '„' | '‘' | '’' | '«' | '»')
}

fn is_opening_punctuation(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '„' | '‘' | '’' | '«' | '(' | '[' | '{' | '¿' | '¡')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '◦' | '⁃' | '▪' | '●' | '■' | '►' | '▶' | '➢' | '➤')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_news_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("The mayor spoke. Residents left.", &["The mayor spoke.", "Residents left."]),
            ("Is it over? Nobody knows! Maybe.", &["Is it over?", "Nobody knows!", "Maybe."]),
            (
                "Sen. Ada Brill (D-NY) voted no. The bill failed.",
                &["Sen. Ada Brill (D-NY) voted no.", "The bill failed."],
            ),
            (
                "Mr. Holm met Dr. Vale at 9 a.m. on Jan. 4 in St. Louis.",
                &["Mr. Holm met Dr. Vale at 9 a.m. on Jan. 4 in St. Louis."],
            ),
            (
                "The U.S. Navy sailed. It left the U.S. The crew cheered.",
                &["The U.S. Navy sailed.", "It left the U.S.", "The crew cheered."],
            ),
            (
                "Gen. Tarn said 1.2 million people, or 3.14 per cent, fled.",
                &["Gen. Tarn said 1.2 million people, or 3.14 per cent, fled."],
            ),
            ("He read J. R. R. Tolkien. Then he slept.", &["He read J. R. R. Tolkien.", "Then he slept."]),
            ("Write to ana.lund@example.org. She replies.", &["Write to ana.lund@example.org.", "She replies."]),
            ("See www.Example.org/Page. Then call.", &["See www.Example.org/Page.", "Then call."]),
            (
                "Rates fell (see No. 4. It is old.) in May. Prices rose.",
                &["Rates fell (see No. 4. It is old.) in May.", "Prices rose."],
            ),
            (
                "The port closed ... and reopened. Ships waited…",
                &["The port closed ... and reopened.", "Ships waited…"],
            ),
            ("Wait... The gates opened.", &["Wait...", "The gates opened."]),
            ("Really?! Yes!!", &["Really?!", "Yes!!"]),
            ("e.g. fish, i.e. cod, etc. and more.", &["e.g. fish, i.e. cod, etc. and more."]),
            (
                "Acme Corp. said sales rose. Orbit Ltd. The rival, fell.",
                &["Acme Corp. said sales rose.", "Orbit Ltd.", "The rival, fell."],
            ),
            ("It was the 'nineties. Rock’n’roll won.", &["It was the 'nineties.", "Rock’n’roll won."]),
            ("The talks stalled in Oslo . The envoy left .", &["The talks stalled in Oslo .", "The envoy left ."]),
            ("It rained.Then it snowed.", &["It rained.", "Then it snowed."]),
            ("He came at 5 p.m. Reporters waited.", &["He came at 5 p.m.", "Reporters waited."]),
            ("At 6 a.m. Officer Lind arrived.", &["At 6 a.m. Officer Lind arrived."]),
            ("Talks began at 5 p.m. Moscow time.", &["Talks began at 5 p.m. Moscow time."]),
            (
                "Rep. Ivo Marr (D-N.Y.) agreed. So did Lt. Gen. Sato.",
                &["Rep. Ivo Marr (D-N.Y.) agreed.", "So did Lt. Gen. Sato."],
            ),
            ("It marks Ode Jr. Day. The U.N. Council met.", &["It marks Ode Jr. Day.", "The U.N. Council met."]),
            ("U.S.-Russia and U.S.–Ukraine talks went on.", &["U.S.-Russia and U.S.–Ukraine talks went on."]),
            ("The toll rose to 40.[3] Rescuers kept digging.", &["The toll rose to 40.[3]", "Rescuers kept digging."]),
            ("Aid fell by half.12 Donors met again.", &["Aid fell by half.12", "Donors met again."]),
            ("", &[]),
            ("   \n\n  ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn quotations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "She said, “The bridge is safe.” Engineers disagreed.",
                &["She said, “The bridge is safe.”", "Engineers disagreed."],
            ),
            ("“We will rebuild,” the mayor said. “Soon.”", &["“We will rebuild,” the mayor said.", "“Soon.”"]),
            ("“Rain is coming. Stay home,” he said.", &["“Rain is coming.", "Stay home,” he said."]),
            ("“Is it safe?” asked Ola.", &["“Is it safe?” asked Ola."]),
            ("He called it \"final.\" Then he left.", &["He called it \"final.\"", "Then he left."]),
            ("'Go now!' she cried. 'Hurry.'", &["'Go now!' she cried.", "'Hurry.'"]),
            ("Vale's book (\"Winter.\") sold well.", &["Vale's book (\"Winter.\") sold well."]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn lines_and_lists() {
        let cases: &[(&str, &[&str])] = &[
            ("Storm hits coast\nThousands lose power.", &["Storm hits coast", "Thousands lose power."]),
            ("First line.\n\nsecond paragraph", &["First line.", "second paragraph"]),
            ("apples\npears\nplums", &["apples", "pears", "plums"]),
            ("The storm was \nvery strong.", &["The storm was \nvery strong."]),
            ("He said “we will\nstay” today.", &["He said “we will\nstay” today."]),
            ("1) Bread 2) Milk 3) Eggs", &["1) Bread", "2) Milk", "3) Eggs"]),
            ("a. red b. green", &["a. red", "b. green"]),
            ("• One item • Another item", &["• One item", "• Another item"]),
            ("Pay for 1. below and for 2. below.", &["Pay for 1. below and for 2. below."]),
            ("Line one\r\nLine two\rLine three", &["Line one", "Line two", "Line three"]),
            ("Sales rose.\neBay said so.", &["Sales rose.", "eBay said so."]),
            ("Sales rose in the U.S.\nand in Asia.", &["Sales rose in the U.S.\nand in Asia."]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn ranges_round_trip() {
        let cases: &[(&str, &[&str])] = &[
            (
                "  Ms. Ode won 52.3% of the vote.  “It’s a win,” she said. Turnout: 61%!\n\nNext   ",
                &["Ms. Ode won 52.3% of the vote.", "“It’s a win,” she said.", "Turnout: 61%!", "Next"],
            ),
            ("Der Bürgermeister sprach. Ça va? Ja.\tÉté.", &["Der Bürgermeister sprach.", "Ça va?", "Ja.", "Été."]),
            ("Ends with an ad.اضافة اعلان Then more text.", &["Ends with an ad.", "اضافة اعلان Then more text."]),
            ("\u{FEFF}Emoji 😀 here. 終わり。Next\u{200B}", &["Emoji 😀 here.", "終わり。", "Next"]),
        ];
        for (text, expected) in cases {
            let ranges = segment(text);
            assert_eq!(ranges.len(), expected.len(), "{text:?}: {ranges:?}");
            let mut searched_to = 0;
            for (range, sentence) in ranges.iter().zip(*expected) {
                let start = searched_to + text[searched_to..].find(sentence).expect("sentence in text");
                assert_eq!(range.clone(), start..start + sentence.len(), "{sentence:?} in {text:?}");
                assert_eq!(&text[range.clone()], *sentence);
                searched_to = range.end;
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long_dots = ".".repeat(10_000);
        let long_brackets = "(".repeat(5_000) + &"a. B".repeat(1_000);
        let long_initials = "a.".repeat(5_000) + " B";
        let texts = [
            "",
            ".",
            "?!",
            "\0. \0",
            "(",
            "[",
            "1.",
            "a)",
            "\r",
            "\n.\n",
            "e\u{301}. A\u{301}.",
            "😀. 😀! 😀",
            "…",
            "[...] [?]",
            "“",
            "x.[1",
            "No.",
            "he said. ‘",
            "٣. ١",
            long_dots.as_str(),
            long_brackets.as_str(),
            long_initials.as_str(),
        ];
        for text in texts {
            for range in segment(text) {
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                assert!(!text[range].trim().is_empty());
            }
        }
    }

    #[test]
    fn word_lists_are_sorted() {
        for list in [PREFIXES, NUMERALS, SUFFIXES, SENTENCE_STARTERS, TIME_PREPOSITIONS, TIME_CONTINUATIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }
}
