// @ts-check
/**
 * The comparison worker: keeps the page responsive while the engine works.
 *
 * Messages in: `{type: "init", module}` (a compiled WebAssembly.Module from the page), then
 * `{type: "compare", id, articles, options}`. Messages out: `{type: "ready"}`,
 * `{type: "progress", id, stage}`, `{type: "report", id, report}`, `{type: "error", id?, message}`.
 * Cancelling is the page's job: it terminates this worker and starts another.
 */
import { compare, startEngine } from "./engine.js";
import { messageOf } from "./errors.js";

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
      self.postMessage({ type: "report", id, report: compare(articles, options) });
    } catch (error) {
      self.postMessage({ type: "error", id, message: messageOf(error) });
    }
  }
});
