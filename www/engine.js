// @ts-check
/**
 * The one module that talks to the WebAssembly package (www/pkg, built by tools/build.py).
 *
 * In: articles, report objects, file bytes. Out: what the Rust core returns. Where the wasm
 * comes from is wasm-source.js's business (inlined as base64 for the page and the single file,
 * a file next to the code in the npm package): the main thread compiles it once
 * ({@link wasmModule}) and hands the compiled module to the worker, which never loads it itself.
 */
import {
  initSync,
  compare as compareArticles,
  decodeFile as decodeFileBytes,
  defaultOptions as engineDefaults,
  toCsv as reportToCsv,
  toMarkdown as reportToMarkdown,
  version as engineVersion,
} from "./pkg/crosscheck.js";
import { compileWasm } from "./wasm-source.js";

/** @typedef {import("./types").Article} Article */
/** @typedef {import("./types").Options} Options */
/** @typedef {import("./types").Report} Report */

/** @type {Promise<WebAssembly.Module> | undefined} */
let compiled;
let instantiated = false;

/**
 * The compiled wasm module, compiled once (asynchronously, so the main thread never blocks
 * on compilation). Only the main thread calls this; workers receive the result.
 * @returns {Promise<WebAssembly.Module>}
 */
export function wasmModule() {
  compiled ??= compileWasm();
  return compiled;
}

/**
 * Instantiates the engine in this thread from a compiled module; later calls do nothing.
 * @param {WebAssembly.Module} module
 */
export function startEngine(module) {
  if (instantiated) return;
  initSync({ module });
  instantiated = true;
}

/** Compiles (once) and instantiates (once) the engine in this thread. */
export async function loadEngine() {
  startEngine(await wasmModule());
}

/**
 * Compares articles. Throws an Error with a readable message when the input as a whole
 * cannot be compared (bad options, too many articles); per-article problems come back as
 * `report.warnings`.
 * @param {Article[]} articles
 * @param {Options} [options]
 * @returns {Report}
 */
export function compare(articles, options) {
  return compareArticles(articles, options ?? null);
}

/**
 * A file's bytes as article text, the way the CLI reads files (UTF-8, UTF-16 with a BOM,
 * HTML reduced to its text). Throws an Error saying in one line why a file cannot be read.
 * @param {Uint8Array} bytes
 * @param {string} name
 * @returns {string}
 */
export function decodeFile(bytes, name) {
  return decodeFileBytes(bytes, name);
}

/** @param {Report} report @returns {string} the fact matrix as CSV, as `crosscheck --format csv` writes it */
export function toCsv(report) {
  return reportToCsv(report);
}

/** @param {Report} report @returns {string} the Markdown summary, as `crosscheck --format markdown` writes it */
export function toMarkdown(report) {
  return reportToMarkdown(report);
}

/** @returns {Required<Options>} the options `compare` uses for every key it is not given */
export function defaultOptions() {
  return engineDefaults();
}

/** @returns {string} the engine's version */
export function version() {
  return engineVersion();
}
