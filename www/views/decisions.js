// @ts-check
/**
 * The reader's decisions on close claims, and the coverage they give.
 *
 * The report grades each claim `shared`, `possible` or `single` and lists, for every claim
 * that is not shared, the closest claims of each other source. The reader may accept one of
 * those as the same claim, or reject it. {@link deriveCoverage} re-derives every claim's
 * support from the report and the decisions:
 * - an accepted pair makes both claims shared (marked `confirmed`: the reader's match);
 * - a rejected pair takes each claim off the other's list of close claims;
 * - a `possible` claim whose close claims are all rejected becomes `single`;
 * and counts per source what the overview and the lists show.
 *
 * Decisions are kept in sessionStorage under a key made from the articles' names and texts
 * ({@link storageKey}), so they last while the tab is open and never leave the machine; each
 * stored decision carries both claims' texts, and one whose claims no longer read the same
 * (another engine version, other articles) is dropped on load.
 *
 * Pure: no DOM; node runs it (www/e2e/decisions.test.mjs).
 */

import { readStored, writeStored } from "./stored.js";

/** @typedef {import("../types").Report} Report */
/** @typedef {import("../types").Claim} Claim */
/** @typedef {import("../types").ClosestClaim} ClosestClaim */
/** @typedef {import("../types").Support} Support */

/**
 * One decision on a pair of claims: `claim` is the one listed, `other` the close claim of
 * another source. A pair has at most one decision, whichever way round it was made.
 * @typedef {object} Decision
 * @property {number} claim
 * @property {number} other
 * @property {"accept" | "reject"} verdict
 * @property {string} claimText the claims' texts when decided, to check a stored decision still fits
 * @property {string} otherText
 */

/**
 * Per source: its claims counted by their derived support.
 * @typedef {object} SourceCoverage
 * @property {number} claims
 * @property {number} shared including the reader's matches
 * @property {number} confirmed shared only through the reader's matches
 * @property {number} possible
 * @property {number} single
 * @property {number} singleShare `single / claims`, 0 when there are no claims
 * @property {number[]} singleClaims claim ids, in the report's order (checkable first), then those the reader's rejections made single
 * @property {number[]} possibleClaims claim ids, the one with the closest candidate first
 */

/**
 * @typedef {object} Coverage
 * @property {Support[]} support by claim id
 * @property {Set<number>} confirmed claims shared only through an accepted match
 * @property {ClosestClaim[][]} candidates by claim id: the report's closest claims without the rejected ones
 * @property {Map<number, number[]>} matches claim id -> the claims the reader accepted as the same
 * @property {SourceCoverage[]} sources by source id
 * @property {{ claims: number, shared: number, confirmed: number, possible: number, single: number, accepted: number, rejected: number }} totals
 */

/**
 * The key of an unordered pair of claims.
 * @param {number} a
 * @param {number} b
 */
export function pairKey(a, b) {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * The decisions with `decision` in place of any earlier one on the same pair.
 * @param {Decision[]} decisions
 * @param {Decision} decision
 * @returns {Decision[]}
 */
export function decide(decisions, decision) {
  return [...withoutPair(decisions, decision.claim, decision.other), decision];
}

/**
 * The decisions without the one on the pair (a, b).
 * @param {Decision[]} decisions
 * @param {number} a
 * @param {number} b
 * @returns {Decision[]}
 */
export function withoutPair(decisions, a, b) {
  const key = pairKey(a, b);
  return decisions.filter((d) => pairKey(d.claim, d.other) !== key);
}

/**
 * A decision for the pair, with the claims' texts from the report.
 * @param {Report} report
 * @param {number} claim
 * @param {number} other
 * @param {"accept" | "reject"} verdict
 * @returns {Decision}
 */
export function decisionFor(report, claim, other, verdict) {
  return { claim, other, verdict, claimText: claimAt(report, claim)?.text ?? "", otherText: claimAt(report, other)?.text ?? "" };
}

/**
 * The decisions that fit this report: both claims exist with the texts they had, in two
 * different sources; the last decision on a pair wins.
 * @param {Report} report
 * @param {unknown} decisions anything (stored data is not trusted)
 * @returns {Decision[]}
 */
export function fitting(report, decisions) {
  if (!Array.isArray(decisions)) return [];
  /** @type {Map<string, Decision>} */
  const kept = new Map();
  for (const d of decisions) {
    if (!d || typeof d !== "object") continue;
    const { claim, other, verdict, claimText, otherText } = /** @type {Record<string, unknown>} */ (d);
    if (!Number.isInteger(claim) || !Number.isInteger(other) || claim === other) continue;
    if (verdict !== "accept" && verdict !== "reject") continue;
    const a = claimAt(report, /** @type {number} */ (claim));
    const b = claimAt(report, /** @type {number} */ (other));
    if (!a || !b || a.text !== claimText || b.text !== otherText) continue;
    if (sourceOf(report, a) === sourceOf(report, b)) continue;
    const key = pairKey(a.id, b.id);
    kept.delete(key);
    kept.set(key, { claim: a.id, other: b.id, verdict, claimText: a.text, otherText: b.text });
  }
  return [...kept.values()];
}

/**
 * Every claim's support and every source's counts, from the report and the decisions.
 * @param {Report} report
 * @param {Decision[]} decisions as {@link fitting} returns them
 * @returns {Coverage}
 */
export function deriveCoverage(report, decisions) {
  const claims = report.claims ?? [];
  /** @type {Set<string>} */
  const rejected = new Set();
  /** @type {Map<number, number[]>} */
  const matches = new Map();
  for (const d of decisions) {
    if (d.verdict === "reject") {
      rejected.add(pairKey(d.claim, d.other));
    } else {
      for (const [x, y] of [[d.claim, d.other], [d.other, d.claim]]) {
        const list = matches.get(x);
        if (list) list.push(y);
        else matches.set(x, [y]);
      }
    }
  }
  /** @type {Support[]} */
  const support = [];
  /** @type {ClosestClaim[][]} */
  const candidates = [];
  const confirmed = new Set();
  for (const claim of claims) {
    const kept = (claim.closest ?? []).filter((c) => !rejected.has(pairKey(claim.id, c.claim)));
    candidates[claim.id] = kept;
    if (claim.support === "shared") support[claim.id] = "shared";
    else if (matches.has(claim.id)) {
      support[claim.id] = "shared";
      confirmed.add(claim.id);
    } else if (claim.support === "possible" && kept.length === 0) support[claim.id] = "single";
    else support[claim.id] = claim.support;
  }

  /** @type {SourceCoverage[]} */
  const sources = report.sources.map(() => ({
    claims: 0,
    shared: 0,
    confirmed: 0,
    possible: 0,
    single: 0,
    singleShare: 0,
    singleClaims: [],
    possibleClaims: [],
  }));
  for (const claim of claims) {
    const counts = sources[sourceOf(report, claim)];
    if (!counts) continue;
    counts.claims++;
    const state = support[claim.id];
    if (state === "shared") {
      counts.shared++;
      if (confirmed.has(claim.id)) counts.confirmed++;
    } else if (state === "possible") {
      counts.possible++;
      counts.possibleClaims.push(claim.id);
    } else {
      counts.single++;
    }
  }
  const best = (/** @type {number} */ id) => Math.max(0, ...candidates[id].map((c) => c.score));
  report.sources.forEach((source, index) => {
    const counts = sources[index];
    counts.singleShare = counts.claims ? counts.single / counts.claims : 0;
    // The report's order first (checkable claims first), then the claims made single here.
    const listed = (source.summary.singleSourceClaims ?? []).filter((id) => support[id] === "single");
    const seen = new Set(listed);
    for (const claim of claims) {
      if (support[claim.id] === "single" && !seen.has(claim.id) && sourceOf(report, claim) === index) listed.push(claim.id);
    }
    counts.singleClaims = listed;
    counts.possibleClaims.sort((a, b) => best(b) - best(a) || a - b);
  });
  const sum = (/** @type {keyof SourceCoverage} */ key) => sources.reduce((total, s) => total + Number(s[key]), 0);
  return {
    support,
    confirmed,
    candidates,
    matches,
    sources,
    totals: {
      claims: sum("claims"),
      shared: sum("shared"),
      confirmed: sum("confirmed"),
      possible: sum("possible"),
      single: sum("single"),
      accepted: decisions.filter((d) => d.verdict === "accept").length,
      rejected: decisions.filter((d) => d.verdict === "reject").length,
    },
  };
}

/**
 * The sessionStorage key for a set of articles: a hash of their names and texts (the texts
 * themselves are not stored).
 * @param {{ name: string, text: string }[]} articles
 */
export function storageKey(articles) {
  let hash = 0x811c9dc5;
  let second = 0x9e3779b9;
  const feed = (/** @type {string} */ text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      hash = Math.imul(hash ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995) ^ (second >>> 15);
    }
  };
  for (const { name, text } of articles) {
    feed(`${name.length}:${name}`);
    feed(`${text.length}:${text}`);
  }
  const hex = (/** @type {number} */ n) => (n >>> 0).toString(16).padStart(8, "0");
  return `crosscheck-decisions:${articles.length}:${hex(hash)}${hex(second)}`;
}

/**
 * The stored decisions that fit the report; none when storage is off or holds nonsense.
 * @param {Pick<Storage, "getItem"> | null} storage
 * @param {string} key
 * @param {Report} report
 * @returns {Decision[]}
 */
export function loadDecisions(storage, key, report) {
  return fitting(report, readStored(storage, key));
}

/**
 * Keeps the decisions for this tab (removes the key when there are none). Storage may be off
 * (private windows, some file:// pages): the decisions then last until the next report.
 * @param {Pick<Storage, "setItem" | "removeItem"> | null} storage
 * @param {string} key
 * @param {Decision[]} decisions
 */
export function saveDecisions(storage, key, decisions) {
  writeStored(storage, key, decisions);
}

/**
 * @param {Report} report
 * @param {number} id
 * @returns {Claim | undefined}
 */
function claimAt(report, id) {
  const claims = report.claims ?? [];
  const direct = claims[id];
  return direct?.id === id ? direct : claims.find((c) => c.id === id);
}

/**
 * The source of a claim (sentence ids count up source by source, so a sentence id finds it).
 * @param {Report} report
 * @param {Claim} claim
 */
function sourceOf(report, claim) {
  return sentenceSource(report).get(claim.sentence) ?? -1;
}

/** @type {WeakMap<Report, Map<number, number>>} */
const sentenceSources = new WeakMap();

/** @param {Report} report sentence id -> source id, built once per report */
function sentenceSource(report) {
  let map = sentenceSources.get(report);
  if (!map) {
    map = new Map();
    for (const source of report.sources) for (const sentence of source.sentences) map.set(sentence.id, source.id);
    sentenceSources.set(report, map);
  }
  return map;
}
