// @ts-check
/**
 * Lookups every view needs, built once per report: sentences and claims by id, claims,
 * quotes, numbers, names and times by sentence, conflicts by sentence, alignments by pair,
 * and the rows of the fact matrix.
 *
 * In: a report. Out: a {@link Model}. Pure data; nothing here touches the DOM.
 */

/** @typedef {import("../types").Report} Report */
/** @typedef {import("../types").Source} Source */
/** @typedef {import("../types").Sentence} Sentence */
/** @typedef {import("../types").Fact} Fact */
/** @typedef {import("../types").Quote} Quote */
/** @typedef {import("../types").Quantity} Quantity */
/** @typedef {import("../types").TimeExpression} TimeExpression */
/** @typedef {import("../types").Conflict} Conflict */
/** @typedef {import("../types").Alignment} Alignment */
/** @typedef {import("../types").Entity} Entity */
/** @typedef {import("../types").Mention} Mention */
/** @typedef {import("../types").Claim} Claim */

/**
 * One cell of a matrix row: a source's claim and the sentence that carries it.
 * @typedef {object} Cell
 * @property {Claim} claim
 * @property {Sentence} sentence
 */

/**
 * A row of the fact matrix: a fact (claims of several sources that state the same thing), or
 * a claim no other source shares.
 * @typedef {object} Row
 * @property {string} key `f<fact id>` or `c<claim id>`
 * @property {Fact | null} fact
 * @property {Cell[]} cells the row's claims, at most one per source, in source order;
 *   {@link cellsOf} spreads them over the compared sources (kept sparse: a thousand sources times
 *   thousands of rows would not fit in memory as full rows)
 * @property {number} coverage how many sources report it
 * @property {number} order the smallest claim id, for "first appearance" order
 * @property {boolean} conflict
 * @property {boolean} quote
 * @property {boolean} number
 * @property {string} [searchText] lower-cased text of every cell, made by {@link searchTextOf} on
 *   the first search
 */

/**
 * @template T
 * @param {Map<number, T[]>} map
 * @param {number} key
 * @param {T} value
 */
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Whether any of the spans overlaps the claim.
 * @param {{ start: number, end: number }[] | undefined} spans
 * @param {Claim} claim
 */
function overlaps(spans, claim) {
  return (spans ?? []).some((span) => span.start < claim.end && span.end > claim.start);
}

/** @param {string} text */
export function searchable(text) {
  return text.normalize("NFKC").toLocaleLowerCase();
}

/**
 * A row's cells: for each compared source (each column of the matrix) its claim and sentence,
 * or null.
 * @param {Row} row
 * @param {Model} model
 * @returns {(Cell | null)[]}
 */
export function cellsOf(row, model) {
  /** @type {(Cell | null)[]} */
  const cells = new Array(model.compared.length).fill(null);
  for (const cell of row.cells) {
    const column = model.columnOf.get(cell.sentence.source);
    if (column !== undefined) cells[column] = cell;
  }
  return cells;
}

/**
 * How a copy differs from the source it copies: "word for word" or "2 sentences differ".
 * @param {Source} copy
 */
export function copyDifference(copy) {
  const differing = copy.copyOf?.differing.length ?? 0;
  if (!differing) return "word for word";
  return `${differing} ${differing === 1 ? "sentence differs" : "sentences differ"}`;
}

/** @param {Row} row @returns {string} what a search matches the row against: its sentences */
export function searchTextOf(row) {
  row.searchText ??= searchable(row.cells.map((c) => c.sentence.text).join("\n"));
  return row.searchText;
}

/** How checkable a kind of disagreement is, most first: a number or a quotation can be looked up. */
const KIND_ORDER = ["quantity", "quote", "time", "place", "role", "quoteOmission"];

/**
 * The conflicts of one disagreement together (`conflicts[].disagreement`; a report without it
 * gives each conflict its own), the most central first (involving the most sources), then the
 * ones that cannot both be true before those that pull apart, then the most checkable kinds
 * ({@link KIND_ORDER}), then in report order.
 * @param {Conflict[]} conflicts
 * @param {(sentence: number) => number} sourceOf
 * @returns {Conflict[][]}
 */
function disagreementsOf(conflicts, sourceOf) {
  /** @type {Map<number, Conflict[]>} */
  const groups = new Map();
  conflicts.forEach((conflict, index) => push(groups, conflict.disagreement ?? -1 - index, conflict));
  const rank = (/** @type {string} */ kind) => {
    const at = KIND_ORDER.indexOf(kind);
    return at < 0 ? KIND_ORDER.length : at;
  };
  const ranked = [...groups.values()].map((group, order) => ({
    group,
    order,
    sources: new Set(group.flatMap((conflict) => conflict.sentences.map(sourceOf))).size,
    contradict: group.some((conflict) => (conflict.verdict ?? "contradict") === "contradict"),
    kind: Math.min(...group.map((conflict) => rank(conflict.kind))),
  }));
  ranked.sort((a, b) => b.sources - a.sources || Number(b.contradict) - Number(a.contradict) || a.kind - b.kind || a.order - b.order);
  return ranked.map((entry) => entry.group);
}

export class Model {
  /** @param {Report} report */
  constructor(report) {
    this.report = report;
    /** @type {Sentence[]} by id (ids index sources in order, then sentences) */
    this.sentences = [];
    for (const source of report.sources) for (const sentence of source.sentences) this.sentences[sentence.id] = sentence;
    /** @type {Source[]} the sources compared: all but the copies of another (`copyOf`) */
    this.compared = report.sources.filter((source) => !source.copyOf);
    /** @type {Map<number, number>} source id → its column among {@link compared} */
    this.columnOf = new Map(this.compared.map((source, column) => [source.id, column]));
    /** @type {Map<number, Source[]>} source id → the sources that are copies of it */
    this.copies = new Map();
    for (const source of report.sources) if (source.copyOf) push(this.copies, source.copyOf.source, source);
    /** @type {Map<number, Quote[]>} */
    this.quotes = new Map();
    for (const quote of report.quotes) push(this.quotes, quote.sentence, quote);
    /** @type {Map<number, Quantity[]>} */
    this.quantities = new Map();
    for (const quantity of report.quantities) push(this.quantities, quantity.sentence, quantity);
    /** @type {Map<number, TimeExpression[]>} */
    this.times = new Map();
    for (const time of report.times) push(this.times, time.sentence, time);
    /** @type {Map<number, {entity: Entity, mention: Mention}[]>} */
    this.mentions = new Map();
    for (const entity of report.entities) {
      for (const mention of entity.mentions) push(this.mentions, mention.sentence, { entity, mention });
    }
    /** @type {Claim[]} by id */
    this.claims = [];
    /** @type {Map<number, Claim[]>} the claims of each sentence, in report order */
    this.claimsBySentence = new Map();
    for (const claim of report.claims ?? []) {
      this.claims[claim.id] = claim;
      push(this.claimsBySentence, claim.sentence, claim);
    }
    /** @type {Map<number, Conflict[]>} */
    this.conflicts = new Map();
    for (const conflict of report.conflicts) for (const id of conflict.sentences) push(this.conflicts, id, conflict);
    /** @type {Map<string, Alignment>} keyed "a:b" (sentence ids) with a < b; two sentences whose
     * claims align in several facts share one sentence diff, so the first alignment stands */
    this.alignments = new Map();
    for (const alignment of report.alignments) {
      const key = `${alignment.a}:${alignment.b}`;
      if (!this.alignments.has(key)) this.alignments.set(key, alignment);
    }
    /** @type {Conflict[][]} the conflicts grouped by disagreement, most sources first */
    this.disagreements = disagreementsOf(report.conflicts, (id) => this.sentences[id]?.source ?? -1);
    /** @type {Map<number, Fact>} */
    this.facts = new Map(report.facts.map((fact) => [fact.id, fact]));
    /** @type {Row[]} */
    this.rows = this.#rows();
  }

  /**
   * The alignment of two sentences, whichever order they are asked in.
   * @param {number} first
   * @param {number} second
   * @returns {{ alignment: Alignment, swapped: boolean } | undefined}
   */
  alignment(first, second) {
    const direct = this.alignments.get(`${first}:${second}`);
    if (direct) return { alignment: direct, swapped: false };
    const reverse = this.alignments.get(`${second}:${first}`);
    return reverse ? { alignment: reverse, swapped: true } : undefined;
  }

  /**
   * The source a claim comes from.
   * @param {Claim} claim
   */
  sourceOfClaim(claim) {
    return this.sentences[claim.sentence]?.source ?? -1;
  }

  /** @param {number} id */
  sourceName(id) {
    return this.report.sources[id]?.name ?? `source ${id + 1}`;
  }

  /** @returns {Row[]} */
  #rows() {
    /** @type {Row[]} */
    const rows = [];
    for (const fact of this.report.facts) {
      // A fact lists one claim per source, in source order (src/report.rs).
      const cells = fact.claims.map((id) => this.#cell(this.claims[id])).filter((c) => c !== null);
      if (cells.length) rows.push(this.#row(`f${fact.id}`, fact, cells));
    }
    for (const claim of this.claims) {
      if (!claim || claim.fact !== null) continue;
      const cell = this.#cell(claim);
      if (cell) rows.push(this.#row(`c${claim.id}`, null, [cell]));
    }
    return rows;
  }

  /**
   * @param {Claim | undefined} claim
   * @returns {Cell | null}
   */
  #cell(claim) {
    const sentence = claim ? this.sentences[claim.sentence] : undefined;
    return claim && sentence ? { claim, sentence } : null;
  }

  /**
   * @param {string} key
   * @param {Fact | null} fact
   * @param {Cell[]} cells
   * @returns {Row}
   */
  #row(key, fact, cells) {
    const sentences = cells.map((c) => c.sentence);
    return {
      key,
      fact,
      cells,
      coverage: fact ? fact.sources.length : cells.length,
      order: Math.min(...cells.map((c) => c.claim.id)),
      conflict: sentences.some((s) => this.conflicts.has(s.id)),
      quote: (fact?.hasQuote ?? false) || cells.some(({ claim }) => overlaps(this.quotes.get(claim.sentence), claim)),
      number: (fact?.hasQuantity ?? false) || cells.some(({ claim }) => overlaps(this.quantities.get(claim.sentence), claim)),
    };
  }
}
