// @ts-check
/**
 * The reader's marks on disagreements: "checked" or "not a conflict", and a note.
 *
 * A mark is keyed by what the disagreement is about, not by ids: its kind, its versions as
 * written and its sentences ({@link disagreementKey}), so a mark finds its card again after the same articles are
 * compared again (ids may change with another engine version; the versions do not), and a mark
 * whose disagreement is gone is dropped on load. Marks are kept in sessionStorage beside the
 * decisions on close claims (views/decisions.js), under a key made from the articles, and go
 * into a saved session (session.js); they never leave the machine otherwise.
 *
 * Pure: no DOM.
 */

import { readStored, writeStored } from "./stored.js";

/** @typedef {import("../types").Conflict} Conflict */

/** @typedef {"checked" | "notConflict"} MarkStatus */

/**
 * @typedef {object} Mark
 * @property {string} key the disagreement it is on ({@link disagreementKey})
 * @property {MarkStatus | null} status
 * @property {string} note
 */

/** Longest note kept, in UTF-16 code units: a note is a line or a paragraph, not an article. */
export const MAX_NOTE = 10_000;

/**
 * What a disagreement is about, free of ids: its kind (a shortened quotation counts as a
 * quotation), its versions (trimmed, lower-cased, sorted and deduplicated), and a hash of its
 * sentences' texts, so that two disagreements with the same versions ("on Tuesday" against "on
 * Wednesday", about two events) keep marks of their own.
 * @param {Conflict[]} group the conflicts of one disagreement
 * @param {(sentence: number) => string} textOf a sentence's text, by id
 */
export function disagreementKey(group, textOf) {
  const kind = group.some((conflict) => conflict.kind === "quote" || conflict.kind === "quoteOmission") ? "quote" : group[0]?.kind ?? "";
  const values = new Set(group.flatMap((conflict) => conflict.values.map((value) => value.trim().toLocaleLowerCase())));
  const sentences = [...new Set(group.flatMap((conflict) => conflict.sentences.map(textOf)))].sort();
  return [kind, ...[...values].sort(), hash(sentences.join("\n"))].join("\u241f");
}

/** FNV-1a, 32 bits, as hex: short and stable. @param {string} text */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The marks with `change` applied to the mark on `change.key`: a status or a note given
 * replaces that part; a mark with neither status nor note is dropped.
 * @param {Mark[]} marks
 * @param {{ key: string, status?: MarkStatus | null, note?: string }} change
 * @returns {Mark[]}
 */
export function setMark(marks, change) {
  const old = marks.find((mark) => mark.key === change.key);
  const status = change.status === undefined ? (old?.status ?? null) : change.status;
  const note = (change.note === undefined ? (old?.note ?? "") : change.note).slice(0, MAX_NOTE);
  const rest = marks.filter((mark) => mark.key !== change.key);
  return status || note.trim() ? [...rest, { key: change.key, status, note }] : rest;
}

/**
 * The marks that fit the disagreements: well-formed, on a disagreement there is; the last
 * mark on a key wins.
 * @param {Conflict[][]} disagreements
 * @param {unknown} marks anything (stored data is not trusted)
 * @param {(sentence: number) => string} textOf a sentence's text, by id
 * @returns {Mark[]}
 */
export function fittingMarks(disagreements, marks, textOf) {
  if (!Array.isArray(marks)) return [];
  const keys = new Set(disagreements.map((group) => disagreementKey(group, textOf)));
  /** @type {Map<string, Mark>} */
  const kept = new Map();
  for (const mark of marks) {
    if (!mark || typeof mark !== "object") continue;
    const { key, status, note } = /** @type {Record<string, unknown>} */ (mark);
    if (typeof key !== "string" || !keys.has(key)) continue;
    if (status !== null && status !== "checked" && status !== "notConflict") continue;
    if (typeof note !== "string") continue;
    kept.delete(key);
    if (status || note.trim()) kept.set(key, { key, status, note: note.slice(0, MAX_NOTE) });
  }
  return [...kept.values()];
}

/**
 * The sessionStorage key of the marks for the articles whose decisions are kept under
 * `decisionsKey` (views/decisions.js `storageKey`).
 * @param {string} decisionsKey
 */
export function marksKey(decisionsKey) {
  return decisionsKey.replace(/^crosscheck-decisions:/, "crosscheck-marks:");
}

/**
 * The stored marks that fit; none when storage is off or holds nonsense.
 * @param {Pick<Storage, "getItem"> | null} storage
 * @param {string} key
 * @param {Conflict[][]} disagreements
 * @param {(sentence: number) => string} textOf a sentence's text, by id
 * @returns {Mark[]}
 */
export function loadMarks(storage, key, disagreements, textOf) {
  return fittingMarks(disagreements, readStored(storage, key), textOf);
}

/**
 * Keeps the marks for this tab (removes the key when there are none).
 * @param {Pick<Storage, "setItem" | "removeItem"> | null} storage
 * @param {string} key
 * @param {Mark[]} marks
 */
export function saveMarks(storage, key, marks) {
  writeStored(storage, key, marks);
}
