// @ts-check
/**
 * The comparison worker: keeps the page responsive while the engine works.
 *
 * Messages in: `{type: "init", module}` (a compiled WebAssembly.Module from the page), then
 * `{type: "compare", id, articles, options}`. Messages out: `{type: "ready"}`,
 * `{type: "progress", id, stage}`, `{type: "report-part", id, key, items}`, `{type: "report", id,
 * report}`, `{type: "error", id?, message}`. A long list of the report (thousands of conflicts)
 * goes ahead in parts of {@link PART_ITEMS} items, each in a message of its own, and the report
 * follows with that list empty: the page copies each message in a task of its own, so a big
 * report does not hold its main thread for long (comparison.js puts the parts back).
 * Cancelling is the page's job: it terminates this worker and starts another.
 */
import { compare, startEngine } from "./engine.js";
import { messageOf } from "./errors.js";

/** Items of a report list sent in one message. */
const PART_ITEMS = 1000;

/**
 * Posts the report: its long lists in parts first, then the rest.
 * @param {number} id
 * @param {Record<string, unknown>} report
 */
function postReport(id, report) {
  for (const [key, value] of Object.entries(report)) {
    if (!Array.isArray(value) || value.length <= PART_ITEMS) continue;
    for (let start = 0; start < value.length; start += PART_ITEMS) {
      self.postMessage({ type: "report-part", id, key, items: value.slice(start, start + PART_ITEMS) });
    }
    report[key] = [];
  }
  self.postMessage({ type: "report", id, report });
}

self.addEventListener("message", (event) => {
  const message = /** @type {MessageEvent} */ (event).data;
  if (message.type === "init") {
    try {
      startEngine(message.module);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "error", message: messageOf(error) });
    }
  } else if (message.type === "compare") {
    const { id, articles, options } = message;
    self.postMessage({ type: "progress", id, stage: "comparing" });
    try {
      postReport(id, /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (compare(articles, options))));
    } catch (error) {
      self.postMessage({ type: "error", id, message: messageOf(error) });
    }
  }
});
