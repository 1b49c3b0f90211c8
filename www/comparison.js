// @ts-check
/**
 * Runs comparisons off the main thread, one at a time, with progress and cancel.
 *
 * In: articles and options. Out: a promise of the report. The worker gets the compiled wasm
 * module from the page; when no worker can start (an old browser, a CSP without
 * `worker-src blob:` for the single file), the comparison runs on the main thread instead,
 * after a frame so the progress message is painted first.
 */
import { compare, loadEngine, wasmModule } from "./engine.js";
import { createWorker } from "./assets.js";

/** @typedef {import("./types").Article} Article */
/** @typedef {import("./types").Options} Options */
/** @typedef {import("./types").Report} Report */
/** @typedef {(stage: "starting" | "comparing") => void} ProgressListener */

/** How long a worker may take to start before the main thread does the work. */
const WORKER_START_LIMIT_MS = 15_000;

/** Thrown (as the rejection) when a comparison was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super("The comparison was cancelled.");
    this.name = "CancelledError";
  }
}

/**
 * @typedef {object} Pending
 * @property {number} id
 * @property {(report: Report) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {ProgressListener} onProgress
 * @property {Map<string, unknown[]>} [parts] the report's long lists, as their parts arrive (worker.js)
 */

export class Comparison {
  /** @type {Promise<Worker | null> | undefined} */
  #worker;
  /** @type {Pending | undefined} */
  #pending;
  #nextId = 1;
  /** True once a worker failed to start: later runs go straight to the main thread. */
  #mainThreadOnly = false;

  /** Where the last comparison ran, for the status line and the tests. */
  where = /** @type {"worker" | "main thread" | ""} */ ("");

  /**
   * Compares `articles`; a run still in progress is cancelled first.
   * @param {Article[]} articles
   * @param {Options | undefined} options
   * @param {ProgressListener} onProgress
   * @returns {Promise<Report>}
   */
  run(articles, options, onProgress) {
    this.cancel();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
      onProgress("starting");
      this.#dispatch(id, articles, options).catch((error) => this.#settle(id, undefined, error));
    });
  }

  /** Stops the comparison in progress, if any; its promise rejects with {@link CancelledError}. */
  cancel() {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    this.#stopWorker();
    pending.reject(new CancelledError());
  }

  /** True while a comparison is in progress. */
  get busy() {
    return this.#pending !== undefined;
  }

  /**
   * @param {number} id
   * @param {Article[]} articles
   * @param {Options | undefined} options
   */
  async #dispatch(id, articles, options) {
    const worker = await this.#startWorker();
    if (this.#pending?.id !== id) return;
    if (worker) {
      this.where = "worker";
      worker.postMessage({ type: "compare", id, articles, options });
      return;
    }
    this.where = "main thread";
    this.#pending.onProgress("comparing");
    await loadEngine();
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    if (this.#pending?.id !== id) return;
    this.#settle(id, compare(articles, options));
  }

  /**
   * @param {number} id
   * @param {Report} [report]
   * @param {unknown} [error]
   */
  #settle(id, report, error) {
    const pending = this.#pending;
    if (!pending || pending.id !== id) return;
    this.#pending = undefined;
    if (report) pending.resolve(report);
    else pending.reject(error instanceof Error ? error : new Error(String(error)));
  }

  /** @returns {Promise<Worker | null>} a ready worker, or null when the main thread must do the work */
  #startWorker() {
    if (this.#mainThreadOnly) return Promise.resolve(null);
    this.#worker ??= wasmModule().then(
      (module) =>
        new Promise((resolve) => {
          /** @type {Worker} */
          let worker;
          try {
            worker = createWorker();
          } catch {
            resolve(null);
            return;
          }
          const giveUp = () => {
            clearTimeout(timer);
            worker.terminate();
            this.#mainThreadOnly = true;
            resolve(null);
          };
          const timer = setTimeout(giveUp, WORKER_START_LIMIT_MS);
          let ready = false;
          worker.addEventListener("error", (event) => {
            event.preventDefault();
            if (ready) this.#workerFailed(worker, event.message);
            else giveUp();
          });
          worker.addEventListener("message", (event) => {
            const message = event.data;
            if (message.type === "ready") {
              ready = true;
              clearTimeout(timer);
              resolve(worker);
            } else if (message.type === "error" && message.id === undefined) {
              giveUp();
            } else if (message.type === "progress") {
              const pending = this.#pending;
              if (pending && pending.id === message.id) pending.onProgress(message.stage);
            } else if (message.type === "report-part") {
              const pending = this.#pending;
              if (pending && pending.id === message.id) {
                pending.parts ??= new Map();
                const items = pending.parts.get(message.key);
                if (items) for (const item of message.items) items.push(item);
                else pending.parts.set(message.key, message.items);
              }
            } else if (message.type === "report") {
              const report = message.report;
              const pending = this.#pending;
              if (pending && pending.id === message.id) for (const [key, items] of pending.parts ?? []) report[key] = items;
              this.#settle(message.id, report);
            } else if (message.type === "error") {
              this.#settle(message.id, undefined, new Error(message.message));
            }
          });
          worker.postMessage({ type: "init", module });
        }),
    );
    return this.#worker;
  }

  /**
   * A worker that dies mid-run (out of memory, say) fails that run; the next run starts a new one.
   * @param {Worker} worker
   * @param {string} why
   */
  #workerFailed(worker, why) {
    worker.terminate();
    this.#worker = undefined;
    const pending = this.#pending;
    if (pending) this.#settle(pending.id, undefined, new Error(`The comparison stopped: ${why || "the worker failed"}.`));
  }

  #stopWorker() {
    const starting = this.#worker;
    this.#worker = undefined;
    starting?.then((worker) => worker?.terminate());
  }
}
