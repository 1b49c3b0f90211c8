// @ts-check
/**
 * How a claim's support is shown everywhere: a short visible word in a tag (never colour
 * alone; each state also has its own line pattern in the stylesheet), words for screen
 * readers, and a claim marked inside its sentence.
 */
import { h, hidden } from "./dom.js";

/** @typedef {import("../types").Claim} Claim */
/** @typedef {import("../types").Sentence} Sentence */
/** @typedef {import("../types").Support} Support */

/**
 * A claim's state as shown: its support, or `matched` for a claim shared only because the
 * reader accepted a match.
 * @typedef {Support | "matched"} Shown
 */

/** Every state, best supported first (side-by-side.js relies on the order). @type {Record<Shown, { tag: string, spoken: string, legend: string }>} */
export const SUPPORT = {
  shared: { tag: "shared", spoken: "claim another source also reports", legend: "shared: another source reports it (solid line)" },
  matched: { tag: "matched", spoken: "claim you matched with another source", legend: "matched: you accepted a match (double line)" },
  possible: { tag: "possible", spoken: "claim another source may report", legend: "possible: a close claim elsewhere (dashed line)" },
  single: { tag: "single", spoken: "claim only this source reports", legend: "single: only this source (hatched)" },
};

/**
 * @param {import("./decisions.js").Coverage} coverage
 * @param {Claim} claim
 * @returns {Shown}
 */
export function shownOf(coverage, claim) {
  if (coverage.confirmed.has(claim.id)) return "matched";
  return coverage.support[claim.id] ?? claim.support;
}

/**
 * The tag of a state: the visible word, with the full words for screen readers.
 * @param {Shown} state
 */
export function supportTag(state) {
  const { tag, spoken } = SUPPORT[state];
  return h("span", { class: `support-tag ${state}`, attrs: { "data-support": state } }, [
    h("span", { text: tag, attrs: { "aria-hidden": "true" } }),
    hidden(`(${spoken}) `),
  ]);
}

/**
 * A sentence with one claim in it marked (`<mark>`, with "[claim: …]" for screen readers) and
 * the rest of the sentence as quieter context. Falls back to finding the claim's text when
 * its offsets do not fall inside the sentence.
 * @param {Sentence} sentence
 * @param {Claim} claim
 * @returns {DocumentFragment}
 */
export function claimInSentence(sentence, claim) {
  const text = sentence.text;
  let start = claim.start - sentence.start;
  let end = claim.end - sentence.start;
  if (start < 0 || end > text.length || start >= end || text.slice(start, end) !== claim.text) {
    start = text.indexOf(claim.text);
    end = start + claim.text.length;
  }
  const fragment = document.createDocumentFragment();
  if (start < 0 || !claim.text) {
    fragment.append(h("mark", { class: "claim-text" }, [hidden("[claim: "), claim.text || text, hidden("]")]));
    return fragment;
  }
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (before) fragment.append(h("span", { class: "context", text: before }));
  fragment.append(h("mark", { class: "claim-text" }, [hidden("[claim: "), text.slice(start, end), hidden("]")]));
  if (after) fragment.append(h("span", { class: "context", text: after }));
  return fragment;
}
