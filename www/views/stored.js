// @ts-check
/**
 * A list kept in sessionStorage for this tab: the reader's decisions (decisions.js) and marks
 * (marks.js) are both read and written through here. Storage may be off (private windows,
 * some file:// pages), full, or hold anything; reading then gives nothing and writing keeps the
 * list in memory only.
 *
 * Pure: no DOM.
 */

/**
 * The parsed value stored under `key`; undefined when there is none, storage is off or the
 * text is not JSON. The value is not checked: the caller's `fitting` function does that.
 * @param {Pick<Storage, "getItem"> | null} storage
 * @param {string} key
 * @returns {unknown}
 */
export function readStored(storage, key) {
  try {
    const stored = storage?.getItem(key);
    return stored ? JSON.parse(stored) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `list` under `key` (removes the key when the list is empty).
 * @param {Pick<Storage, "setItem" | "removeItem"> | null} storage
 * @param {string} key
 * @param {unknown[]} list
 */
export function writeStored(storage, key, list) {
  try {
    if (list.length) storage?.setItem(key, JSON.stringify(list));
    else storage?.removeItem(key);
  } catch {
    // Full or disabled storage: the list lasts in memory only.
  }
}
