// @ts-check
/**
 * Lookups every view needs, built once per report: sentences by id, claims by sentence,
 * conflicts by sentence, alignments by pair, and the rows of the fact matrix.
 *
 * In: a report. Out: a {@link Model}. Pure data; nothing here touches the DOM.
 */

/** @typedef {import("../types").Report} Report */
/** @typedef {import("../types").Sentence} Sentence */
/** @typedef {import("../types").Fact} Fact */
/** @typedef {import("../types").Quote} Quote */
/** @typedef {import("../types").Quantity} Quantity */
/** @typedef {import("../types").TimeExpression} TimeExpression */
/** @typedef {import("../types").Conflict} Conflict */
/** @typedef {import("../types").Alignment} Alignment */
/** @typedef {import("../types").Entity} Entity */
/** @typedef {import("../types").Mention} Mention */

/**
 * A row of the fact matrix: a fact reported by several sources, or a body sentence only one
 * source has.
 * @typedef {object} Row
 * @property {string} key
 * @property {Fact | null} fact
 * @property {Sentence[]} sentences the row's sentences, at most one per source, in source order;
 *   {@link cellsOf} spreads them over the sources (kept sparse: a thousand sources times
 *   thousands of rows would not fit in memory as full rows)
 * @property {number} coverage how many sources report it
 * @property {number} order the smallest sentence id, for "first appearance" order
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

/** @param {string} text */
export function searchable(text) {
  return text.normalize("NFKC").toLocaleLowerCase();
}

/**
 * A row's cells: for each of `sourceCount` sources its sentence, or null.
 * @param {Row} row
 * @param {number} sourceCount
 * @returns {(Sentence | null)[]}
 */
export function cellsOf(row, sourceCount) {
  /** @type {(Sentence | null)[]} */
  const cells = new Array(sourceCount).fill(null);
  for (const sentence of row.sentences) cells[sentence.source] = sentence;
  return cells;
}

/** @param {Row} row @returns {string} what a search matches the row against */
export function searchTextOf(row) {
  row.searchText ??= searchable(row.sentences.map((s) => s.text).join("\n"));
  return row.searchText;
}

export class Model {
  /** @param {Report} report */
  constructor(report) {
    this.report = report;
    /** @type {Sentence[]} by id (ids index sources in order, then sentences) */
    this.sentences = [];
    for (const source of report.sources) for (const sentence of source.sentences) this.sentences[sentence.id] = sentence;
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
    /** @type {Map<number, Conflict[]>} */
    this.conflicts = new Map();
    for (const conflict of report.conflicts) for (const id of conflict.sentences) push(this.conflicts, id, conflict);
    /** @type {Map<string, Alignment>} keyed "a:b" with a < b */
    this.alignments = new Map();
    for (const alignment of report.alignments) this.alignments.set(`${alignment.a}:${alignment.b}`, alignment);
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

  /** @param {number} id */
  sourceName(id) {
    return this.report.sources[id]?.name ?? `source ${id + 1}`;
  }

  /** @returns {Row[]} */
  #rows() {
    /** @type {Row[]} */
    const rows = [];
    for (const fact of this.report.facts) {
      // A fact lists one sentence per source, in source order (src/report.rs).
      const sentences = fact.sentences.map((id) => this.sentences[id]).filter(Boolean);
      rows.push(this.#row(`f${fact.id}`, fact, sentences));
    }
    for (const source of this.report.sources) {
      for (const sentence of source.sentences) {
        if (sentence.role !== "body" || sentence.fact !== null) continue;
        rows.push(this.#row(`s${sentence.id}`, null, [sentence]));
      }
    }
    return rows;
  }

  /**
   * @param {string} key
   * @param {Fact | null} fact
   * @param {Sentence[]} sentences
   * @returns {Row}
   */
  #row(key, fact, sentences) {
    return {
      key,
      fact,
      sentences,
      coverage: fact ? fact.sources.length : sentences.length,
      order: Math.min(...sentences.map((s) => s.id)),
      conflict: sentences.some((s) => this.conflicts.has(s.id)),
      quote: (fact?.hasQuote ?? false) || sentences.some((s) => this.quotes.has(s.id)),
      number: (fact?.hasQuantity ?? false) || sentences.some((s) => this.quantities.has(s.id)),
    };
  }
}
