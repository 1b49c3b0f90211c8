//! The report: the one contract between the core, the CLI, the page and embedders.
//!
//! In: nothing. These are plain data types, and this module imports nothing from the crate;
//! [`crate::pipeline`] assembles a report from the stages. Out: a [`Report`] that serializes
//! with serde to camelCase JSON, documented by `schema/report.schema.json`. Every offset in a
//! report (`start`, `end`) counts **UTF-16 code units** into the source's original text, so a
//! page can call `text.slice(start, end)` directly; Rust code converts with
//! [`crate::read::offsets::Utf16Index`]. Ids are small integers: a sentence id is unique in the
//! whole report and counts the sentences of [`Report::sources`] in order (sources in input
//! order, then sentences in text order).

use serde::{Deserialize, Serialize};

/// Version of the JSON layout. Bump it when a field changes meaning or disappears.
///
/// 2: facts are made of claims (`claims[]`, `facts[].claims`), a sentence may take part in
/// several facts (`sentences[].facts`), and coverage counts claims.
pub const SCHEMA_VERSION: u32 = 2;

/// The crate version, as written into every report (`generator`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// An article handed to [`crate::compare()`]: a display name (often the file name) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Display name, usually the file name.
    pub name: String,
    /// The full original text.
    pub text: String,
}

/// The complete result of comparing a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `crosscheck` version that wrote the report.
    pub generator: String,
    /// One entry per input article, in input order.
    pub sources: Vec<Source>,
    /// Direct and partial quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// Who asserts what: direct quotations and indirect speech with their source, cue and
    /// content spans, in text order within each source. Added within schemaVersion 2.
    pub attributions: Vec<Attribution>,
    /// Numbers with units and bounds.
    pub quantities: Vec<Quantity>,
    /// People, places and organisations, merged across spelling variants and articles.
    pub entities: Vec<Entity>,
    /// Dates, weekdays and relative time expressions.
    pub times: Vec<TimeExpression>,
    /// The checkable claims of every body sentence, in sentence order: the units compared.
    pub claims: Vec<Claim>,
    /// Claims from different sources that state the same thing.
    pub facts: Vec<Fact>,
    /// Disagreements between sources.
    pub conflicts: Vec<Conflict>,
    /// Aligned sentence pairs with their word-level diff.
    pub alignments: Vec<Alignment>,
    /// `similarity[i][j]`: how much of source `i`'s and `j`'s body content is shared, 0 to 1.
    pub similarity: Vec<Vec<f64>>,
    /// Problems with the input that did not stop the comparison (one per affected source).
    pub warnings: Vec<Warning>,
}

/// One input article as read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Index of this source in [`Report::sources`].
    pub id: usize,
    /// The article's display name.
    pub name: String,
    /// The detected headline, or the first body sentence when there is none.
    pub title: String,
    /// Length of the original text in UTF-16 code units.
    pub length: usize,
    /// Every sentence or line of the article, including boilerplate, in text order.
    pub sentences: Vec<Sentence>,
    /// Counts and shares for the overview.
    pub summary: SourceSummary,
    /// Set when this article is a copy of another source: the same wire copy run by two
    /// outlets, or one file given twice. A copy is not compared on its own, so that coverage is
    /// not inflated and conflicts are not multiplied: its sentences are listed, but it has no
    /// claims, facts, quotes or conflicts; the source it copies speaks for both. Added within
    /// schemaVersion 2 on 2026-12-03 (absent in earlier reports).
    #[serde(default)]
    pub copy_of: Option<CopyOf>,
    /// The article's own date, when a date line before the story or a dateline opening it
    /// gives one: `2031-10-15`, or `--10-15` without a year. Relative times ("last week") are
    /// read against it when two dated articles disagree. Added within schemaVersion 2 on
    /// 2026-12-03 (absent in earlier reports).
    #[serde(default)]
    pub published: Option<String>,
    /// Who wrote the article, as its byline names them ("Mara Lindqvist and Ivo Penn"); for a
    /// saved web page, as its metadata does. Added within schemaVersion 2 on 2026-12-04
    /// (absent in earlier reports).
    #[serde(default)]
    pub author: Option<String>,
    /// The outlet that ran it, as its byline or header names it, or a saved page's metadata
    /// (`og:site_name`). Added within schemaVersion 2 on 2026-12-04 (absent in earlier reports).
    #[serde(default)]
    pub outlet: Option<String>,
}

/// What a source is a copy of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CopyOf {
    /// Id of the source it copies, which is never itself a copy.
    pub source: usize,
    /// Ids of the copy's body sentences whose words are not in that source, repeats included
    /// (of its distinct body sentences at most one in ten: more, and the article is not a
    /// copy); empty for a word-for-word copy.
    pub differing: Vec<usize>,
}

/// Per-source figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SourceSummary {
    /// Sentences with role `body`.
    pub body_sentences: usize,
    /// Body sentences with at least one claim in a fact reported by another source.
    pub shared_sentences: usize,
    /// Claims of the body sentences.
    pub claims: usize,
    /// Claims with support `shared`.
    pub shared_claims: usize,
    /// Claims with support `possible`: not linked, but close to a claim of another source.
    pub possible_claims: usize,
    /// Share of the claims with support `single` (nothing in any other source comes close),
    /// 0 to 1.
    pub single_source_share: f64,
    /// Ids of the claims with support `single`, checkable claims first.
    pub single_source_claims: Vec<usize>,
}

/// What a line or sentence is, as far as the comparison is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Role {
    /// The article's headline.
    Title,
    /// A section heading inside the article.
    Heading,
    /// Article content: compared.
    Body,
    /// Credits, bylines, share buttons, cookie and legal notices, teasers.
    Boilerplate,
    /// Trailing stories that are not about the article's subject.
    Offtopic,
}

/// A sentence (or a line without final punctuation) of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    /// Unique in the report.
    pub id: usize,
    /// Index of the source.
    pub source: usize,
    /// The sentence as it appears in the original text, minus in-line junk such as ad markers.
    pub text: String,
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in the original text, UTF-16 code units.
    pub end: usize,
    /// What the sentence is.
    pub role: Role,
    /// Ids of the facts its claims take part in, ascending (empty for most non-body lines).
    pub facts: Vec<usize>,
}

/// How far other sources back a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Support {
    /// In a fact with claims of other sources.
    Shared,
    /// In no fact, but a claim of another source comes close (see [`Claim::closest`]).
    Possible,
    /// Nothing in any other source comes close: only this source says it.
    Single,
}

/// A checkable claim: a span of a body sentence that states one thing.
///
/// A short sentence is one claim. A longer one is split at its attribution frame ("X said
/// that C" gives claim C, spoken by X), semicolons and coordinated clauses; asides, appositives
/// ("Irena Szabat, Kharzin's deputy mayor, said") and "including" lists are claims of their own
/// nested inside the claim that carries them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// Unique in the report; indexes [`Report::claims`].
    pub id: usize,
    /// Sentence id.
    pub sentence: usize,
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in the original text, UTF-16 code units.
    pub end: usize,
    /// The claim as written.
    pub text: String,
    /// Entity id of who asserts it ("X said that …"), if named and linked.
    pub speaker: Option<usize>,
    /// The fact it takes part in, if any.
    pub fact: Option<usize>,
    /// Shared, possible or single-source.
    pub support: Support,
    /// For a claim that is not shared: the closest claims of each other source (up to three
    /// per source, best first; sources ascending). Empty for shared claims.
    pub closest: Vec<ClosestClaim>,
}

/// A claim of another source that comes close to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClosestClaim {
    /// Claim id.
    pub claim: usize,
    /// Its source.
    pub source: usize,
    /// Similarity, 0 to 1.
    pub score: f64,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Sentence id where the quotation starts.
    pub sentence: usize,
    /// The quoted words without the quote marks.
    pub text: String,
    /// Start of the quoted words in the original text, UTF-16 code units.
    pub start: usize,
    /// End of the quoted words, UTF-16 code units.
    pub end: usize,
    /// Who said it, as written near the quote (after pronoun resolution), if found.
    pub speaker: Option<String>,
    /// Id of the speaker's entity, if it could be linked.
    pub entity: Option<usize>,
    /// True for a fragment inside indirect speech (called the meeting "productive").
    pub partial: bool,
}

/// Who asserts what, in which words: "X said (that) C", "C, X said", "according to X, C", or a
/// quotation with its speaking cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Attribution {
    /// Sentence id of the sentence that holds the cue.
    pub sentence: usize,
    /// Who asserts it, as written: a name with its title or role, a pronoun ("she"), or an
    /// unnamed source ("a senior official").
    pub source: AttributionSource,
    /// The speaking cue: the verb with its auxiliaries ("has said"), "according to", or a colon.
    pub cue: TextSpan,
    /// What is asserted: the quoted words for a direct quotation, else the reported clause.
    pub content: TextSpan,
    /// True when the content is a quotation and nothing else (it is then also in `quotes`).
    pub direct: bool,
}

/// The source of an [`Attribution`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AttributionSource {
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in the original text, UTF-16 code units.
    pub end: usize,
    /// As written.
    pub text: String,
    /// Id of the speaker's entity (for a pronoun, the person it points back to), if linked.
    pub entity: Option<usize>,
}

/// A span of a source's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TextSpan {
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in the original text, UTF-16 code units.
    pub end: usize,
    /// As written.
    pub text: String,
}

/// How a quantity's true value relates to the stated number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Bound {
    /// "19%": exactly the value (to the precision written).
    Exact,
    /// "about 19%", "an estimated", "nearly", "around".
    Approximate,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "above".
    MoreThan,
    /// "at most", "up to", "no more than".
    AtMost,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "25,000-30,000", "between 5 and 7".
    Range,
}

/// A number with its unit and bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// Sentence id.
    pub sentence: usize,
    /// The quantity as written ("more than a fifth").
    pub text: String,
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End in the original text, UTF-16 code units.
    pub end: usize,
    /// The central value (20 for "a fifth" with unit "%").
    pub value: f64,
    /// Lowest value consistent with the text, if bounded below.
    pub low: Option<f64>,
    /// Highest value consistent with the text, if bounded above.
    pub high: Option<f64>,
    /// How the value is qualified.
    pub bound: Bound,
    /// Normalised unit ("%", "percentage point", "km2", "year", "people", ...); empty when none.
    pub unit: String,
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A city, country or region.
    Place,
    /// A company, institution, party or government body.
    Organization,
    /// A named thing that is none of the above.
    Other,
}

/// An entity merged across mentions, spelling variants and articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// Unique in the report.
    pub id: usize,
    /// The canonical (longest, most frequent) name.
    pub name: String,
    /// Person, place, organisation or other.
    pub kind: EntityKind,
    /// Distinct spellings seen, canonical name first.
    pub variants: Vec<String>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// Sentence id.
    pub sentence: usize,
    /// The mention as written.
    pub text: String,
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End in the original text, UTF-16 code units.
    pub end: usize,
}

/// The kind of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum TimeKind {
    /// "on Tuesday".
    Weekday,
    /// "24 February 2022", "February 24".
    Date,
    /// "in August", "November 2025".
    Month,
    /// "in 2014".
    Year,
    /// "last week", "this morning", "two years ago".
    Relative,
    /// "in the second half of the day", "before midnight".
    TimeOfDay,
}

/// A date, weekday or relative time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TimeExpression {
    /// Sentence id.
    pub sentence: usize,
    /// As written.
    pub text: String,
    /// Start in the original text, UTF-16 code units.
    pub start: usize,
    /// End in the original text, UTF-16 code units.
    pub end: usize,
    /// What sort of expression it is.
    pub kind: TimeKind,
    /// A normalised value: `2022-02-24`, `2022-02`, `2014`, `tuesday`, `last-week`, `-P1W`...
    pub value: String,
}

/// A fact: claims from two or more sources that state the same thing, at most one per source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// Unique in the report; facts are ordered by coverage, then by first appearance.
    pub id: usize,
    /// Claim ids, one per source, in source order.
    pub claims: Vec<usize>,
    /// The sentences that carry the claims, in the same order.
    pub sentences: Vec<usize>,
    /// Source ids that report the fact, ascending.
    pub sources: Vec<usize>,
    /// A short label: the most central claim's text.
    pub label: String,
    /// What sort of claim it carries, for filtering.
    pub has_quote: bool,
    /// True when any sentence carries a quantity.
    pub has_quantity: bool,
}

/// What sources disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ConflictKind {
    /// Numbers whose bounds cannot both hold.
    Quantity,
    /// The same speaker's quotation worded differently.
    Quote,
    /// One source quotes only part of what another quotes from the same speaker: shortened,
    /// not changed (a cut is worth checking, but it is not a different wording).
    QuoteOmission,
    /// The same action put in different places.
    Place,
    /// The same event dated differently.
    Time,
    /// The same person given incompatible roles.
    Role,
}

/// How strongly two sources disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Both cannot be true: "about 19%" against "more than a fifth", two dates of one event,
    /// two wordings of one quotation, two places, incompatible roles.
    Contradict,
    /// Both can be true but they pull apart: "more than 19%" against "more than a fifth"
    /// (what each implies differs, what each says does not), "last week" against "last month"
    /// without the articles' dates, a quotation shortened by one source.
    Differ,
}

/// A disagreement between two sentences of different sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// What the sources disagree about.
    pub kind: ConflictKind,
    /// The two sentence ids involved, from different sources, lower source first.
    pub sentences: Vec<usize>,
    /// The fact the sentences belong to, when they were aligned.
    pub fact: Option<usize>,
    /// The differing parts as written, one per sentence, in `sentences` order.
    pub values: Vec<String>,
    /// Word diff from the first value to the second.
    pub diff: Vec<DiffSegment>,
    /// A readable explanation for an editor, with the reasoning behind the verdict.
    pub explanation: String,
    /// Whether both can be true (new within v2 on 2026-12-02).
    pub verdict: Verdict,
    /// The disagreement this pair is part of: conflicts that share a sentence's value (the
    /// same quotation, number, date, place or role of one sentence, against several others)
    /// share the id, so one quotation in three wordings is one disagreement of three pairs.
    /// Ids count from 0 in the order of each disagreement's first conflict.
    pub disagreement: usize,
}

/// Two aligned claims, their sentences and the word-level diff from the first sentence to the
/// second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// The fact both claims belong to.
    pub fact: usize,
    /// The sentence from the lower-numbered source.
    pub a: usize,
    /// The sentence from the higher-numbered source.
    pub b: usize,
    /// The two claim ids, in the order of `a` and `b`.
    pub claims: Vec<usize>,
    /// Similarity score of the claims, 0 to 1.
    pub score: f64,
    /// Diff segments; concatenating `equal` and `delete` gives `a`, `equal` and `insert` gives `b`.
    pub diff: Vec<DiffSegment>,
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DiffSegment {
    /// What happened to the text.
    pub op: DiffOp,
    /// The words, with their spacing.
    pub text: String,
}

/// A diff operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum DiffOp {
    /// In both sentences.
    Equal,
    /// Only in the first sentence.
    Delete,
    /// Only in the second sentence.
    Insert,
}

/// A problem with one input that did not stop the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Source index.
    pub source: usize,
    /// One readable line.
    pub message: String,
}
