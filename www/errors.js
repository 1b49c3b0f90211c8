// @ts-check
/**
 * The one way the page turns a thrown value into a line for the reader. Used by the element
 * and the views on the main thread and by worker.js, so it must not touch the DOM.
 */

/**
 * @param {unknown} error anything thrown or rejected
 * @returns {string} its message (an Error's `message`, anything else as a string)
 */
export function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
