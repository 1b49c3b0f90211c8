// @ts-check
/**
 * The npm package's entry, `import { compare } from "crosscheck"`: the engine's functions,
 * ready to call. The module loads and instantiates the wasm (pkg/crosscheck_bg.wasm, a file
 * next to it in the package) with a top-level await, so once the import has resolved every
 * function works synchronously; an import that cannot load the wasm rejects with an Error
 * that names the address it tried and what to do.
 *
 * The page does not use this module (it loads the engine lazily, in a worker when it can);
 * `crosscheck/element` (define.js) does not import it either.
 */
import { loadEngine } from "./engine.js";

/** @typedef {import("./types").Article} Article */
/** @typedef {import("./types").Options} Options */
/** @typedef {import("./types").Report} Report */

await loadEngine();

export { compare, decodeFile, defaultOptions, toCsv, toMarkdown, version } from "./engine.js";
