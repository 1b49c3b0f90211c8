// @ts-check
/**
 * Where the element's stylesheet and worker come from when www/ is served as files: a
 * `<link>` to cross-check.css and a module worker from worker.js, both same-origin, so the
 * page works under `style-src 'self'` and `script-src 'self'`.
 *
 * tools/bundle.mjs replaces this module, for dist/crosscheck.html, with one exporting the
 * same two functions over inlined text (a `<style>` element and a Blob-URL worker): a single
 * file opened from disk can link to nothing.
 */

/** @returns {HTMLElement} the element that styles a shadow root */
export function elementStyles() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./cross-check.css", import.meta.url).href;
  return link;
}

/** @returns {Worker} a new comparison worker (throws when workers cannot start here) */
export function createWorker() {
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
}
