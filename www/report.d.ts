// The report as JavaScript sees it: the camelCase JSON of `Report` in src/report.rs (the one
// contract; schema/report.schema.json documents it, and tools/test_types.py checks that the two
// agree). src/wasm.rs includes this file in the `.d.ts` that wasm-pack generates, so
// `compare()` is typed `Report` there; the page's modules import the same names through
// www/types.d.ts. No imports here: the file must stand alone inside the generated package.

export type Role = "title" | "heading" | "body" | "boilerplate" | "offtopic";
export type Bound = "exact" | "approximate" | "atLeast" | "moreThan" | "atMost" | "lessThan" | "range";
export type EntityKind = "person" | "place" | "organization" | "other";
export type TimeKind = "weekday" | "date" | "month" | "year" | "relative" | "timeOfDay";
export type ConflictKind = "quantity" | "quote" | "quoteOmission" | "place" | "time" | "role";
export type DiffOp = "equal" | "delete" | "insert";
/** shared: in a fact with other sources; possible: close to another source's claim; single: nothing close. */
export type Support = "shared" | "possible" | "single";

/** An article handed to `compare`. */
export interface Article {
  name: string;
  text: string;
}

export interface Report {
  schemaVersion: number;
  generator: string;
  sources: Source[];
  quotes: Quote[];
  attributions: Attribution[];
  quantities: Quantity[];
  entities: Entity[];
  times: TimeExpression[];
  claims: Claim[];
  facts: Fact[];
  conflicts: Conflict[];
  alignments: Alignment[];
  similarity: number[][];
  warnings: Warning[];
}

export interface Source {
  id: number;
  name: string;
  title: string;
  length: number;
  sentences: Sentence[];
  summary: SourceSummary;
  /** Set when this article is a copy of another source (the same wire copy, one file given
   * twice): it is not compared on its own and has no claims. Within v2 since 2026-12-03. */
  copyOf: CopyOf | null;
  /** The article's own date from a date line or dateline: `2031-10-15`, or `--10-15` without a
   * year. Within v2 since 2026-12-03. */
  published: string | null;
  /** Who wrote it, as its byline or a saved page's metadata names them. Within v2 since 2026-12-04. */
  author: string | null;
  /** The outlet, from its byline or header, or a saved page's metadata. Within v2 since 2026-12-04. */
  outlet: string | null;
}

export interface CopyOf {
  /** The source it copies, never itself a copy. */
  source: number;
  /** Its body sentences whose words are not in that source; empty for a word-for-word copy. */
  differing: number[];
}

export interface SourceSummary {
  bodySentences: number;
  sharedSentences: number;
  claims: number;
  sharedClaims: number;
  possibleClaims: number;
  /** Share of the claims with support `single`. */
  singleSourceShare: number;
  /** Claim ids with support `single`, checkable ones first. */
  singleSourceClaims: number[];
}

export interface Sentence {
  id: number;
  source: number;
  text: string;
  /** UTF-16 code units into the source's original text. */
  start: number;
  end: number;
  role: Role;
  /** Facts its claims take part in, ascending. */
  facts: number[];
}

/** A checkable claim: a span of a body sentence. Claims may nest (an aside inside a clause). */
export interface Claim {
  id: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** Entity id of who asserts it. */
  speaker: number | null;
  fact: number | null;
  support: Support;
  /** For claims that are not shared: up to three closest claims per other source. */
  closest: ClosestClaim[];
}

export interface ClosestClaim {
  claim: number;
  source: number;
  score: number;
}

export interface Quote {
  sentence: number;
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  entity: number | null;
  partial: boolean;
}

/** Who asserts what: a quotation with its cue, or indirect speech ("X said that C"). */
export interface Attribution {
  sentence: number;
  source: AttributionSource;
  cue: TextSpan;
  content: TextSpan;
  /** The content is a quotation and nothing else. */
  direct: boolean;
}

export interface AttributionSource {
  start: number;
  end: number;
  text: string;
  entity: number | null;
}

/** A span of a source's text; offsets in UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Quantity {
  sentence: number;
  text: string;
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  bound: Bound;
  unit: string;
}

export interface Entity {
  id: number;
  name: string;
  kind: EntityKind;
  variants: string[];
  mentions: Mention[];
}

export interface Mention {
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface TimeExpression {
  sentence: number;
  text: string;
  start: number;
  end: number;
  kind: TimeKind;
  value: string;
}

export interface Fact {
  id: number;
  /** One claim per source, in source order. */
  claims: number[];
  /** The sentences carrying `claims`, in the same order. */
  sentences: number[];
  sources: number[];
  label: string;
  hasQuote: boolean;
  hasQuantity: boolean;
}

export type Verdict = "contradict" | "differ";

export interface Conflict {
  kind: ConflictKind;
  sentences: number[];
  fact: number | null;
  values: string[];
  diff: DiffSegment[];
  explanation: string;
  /** "contradict": both cannot be true; "differ": both can be, but they pull apart. New on 2026-12-02. */
  verdict: Verdict;
  /**
   * Conflicts sharing a sentence's value (one quotation, number, date, place or role against
   * several others) share this id: one disagreement of several pairs. New on 2026-12-02: a
   * report from before lacks it, and each of its conflicts is a disagreement of its own.
   */
  disagreement: number;
}

export interface Alignment {
  fact: number;
  a: number;
  b: number;
  /** The two claim ids, in the order of `a` and `b`. */
  claims: number[];
  score: number;
  diff: DiffSegment[];
}

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface Warning {
  source: number;
  message: string;
}

/** Settings for `compare` (src/options.rs); every field is optional. */
export interface Options {
  maxArticles?: number;
  maxArticleBytes?: number;
  maxTotalBytes?: number;
  minFactScore?: number;
  maxCandidatesPerSentence?: number;
}
