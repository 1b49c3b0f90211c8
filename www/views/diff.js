// @ts-check
/**
 * Word diffs as `<ins>`/`<del>` with text for screen readers, never colour alone.
 *
 * In: diff segments from the report (`equal`, `delete`, `insert`). Out: DOM fragments.
 */
import { h, hidden } from "./dom.js";

/** @typedef {import("../types").DiffSegment} DiffSegment */

/**
 * One side of a word diff: side "a" is the first sentence (equal and deleted words, the
 * deleted ones marked `<del>`), side "b" the second (equal and inserted words, `<ins>`).
 * @param {DiffSegment[]} segments
 * @param {"a" | "b"} side
 * @returns {DocumentFragment}
 */
export function diffSide(segments, side) {
  const fragment = document.createDocumentFragment();
  const own = side === "a" ? "delete" : "insert";
  for (const segment of segments) {
    if (segment.op === "equal") fragment.append(segment.text);
    else if (segment.op === own) fragment.append(marked(side === "a" ? "del" : "ins", segment.text, "only here: "));
  }
  return fragment;
}

/**
 * The diff from a first to a second text in one line: removed words in `<del>`, added in `<ins>`.
 * @param {DiffSegment[]} segments
 * @returns {DocumentFragment}
 */
export function diffInline(segments) {
  const fragment = document.createDocumentFragment();
  for (const segment of segments) {
    if (segment.op === "equal") fragment.append(segment.text);
    else if (segment.op === "delete") fragment.append(marked("del", segment.text, "first says: "));
    else fragment.append(marked("ins", segment.text, "second says: "));
  }
  return fragment;
}

/**
 * A sentence with one part marked, for conflicts whose sentences were not aligned word by word.
 * @param {string} text
 * @param {string} value the differing part as written
 * @param {"ins" | "del"} tag
 * @returns {DocumentFragment}
 */
export function markValue(text, value, tag) {
  const fragment = document.createDocumentFragment();
  const at = value ? text.indexOf(value) : -1;
  if (at < 0) {
    fragment.append(text);
    return fragment;
  }
  fragment.append(text.slice(0, at), marked(tag, value, "differs: "), text.slice(at + value.length));
  return fragment;
}

/**
 * Whether a diff side has anything marked (else the sentences are the same on that side).
 * @param {DiffSegment[]} segments
 */
export function hasChanges(segments) {
  return segments.some((segment) => segment.op !== "equal");
}

/**
 * @param {"ins" | "del"} tag
 * @param {string} text
 * @param {string} label
 */
function marked(tag, text, label) {
  return h(tag, {}, [hidden(`[${label}`), text, hidden("]")]);
}
