// @ts-check
/**
 * Where the engine's wasm comes from in the npm package: the file pkg/crosscheck_bg.wasm next
 * to this module, found from `import.meta.url`. tools/npm_package.mjs ships this module as
 * wasm-source.js (the page and the single file keep wasm-source.js, the inlined bytes).
 *
 * - node (file: URLs, which node's fetch cannot read): read with node:fs;
 * - browsers: fetch, compiled while it streams in when served as application/wasm.
 * Vite, webpack 5 and Parcel see `new URL("./pkg/crosscheck_bg.wasm", import.meta.url)` and copy
 * the file into their output; esbuild does not, so its users copy it (the error says where).
 */

const HELP =
  "Bundlers that follow new URL(..., import.meta.url) (Vite, webpack 5, Parcel) copy it for you; " +
  "with esbuild, or any setup that does not, copy node_modules/crosscheck/pkg/crosscheck_bg.wasm to that address.";

/** @param {unknown} error */
const reason = (error) => (error instanceof Error ? /** @type {any} */ (error).code ?? error.message : String(error));

/** @returns {Promise<WebAssembly.Module>} the engine's compiled wasm module */
export async function compileWasm() {
  /** @type {URL} */
  let url;
  try {
    url = new URL("./pkg/crosscheck_bg.wasm", import.meta.url);
  } catch {
    throw new Error(
      "crosscheck: cannot find its WebAssembly file pkg/crosscheck_bg.wasm: import.meta.url is not set here " +
        "(the code was bundled as a classic script?). Bundle crosscheck as an ES module (esbuild: --format=esm).",
    );
  }
  const node = /** @type {any} */ (globalThis).process?.versions?.node;
  if (url.protocol === "file:" && typeof node === "string") {
    // A computed name with both bundlers' ignore comments: browser bundles must not try to
    // resolve or polyfill node:fs, and this branch never runs in a browser.
    const fsModule = ["node:fs", "promises"].join("/");
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsModule);
    /** @type {Uint8Array} */
    let bytes;
    try {
      bytes = await readFile(url);
    } catch (error) {
      throw new Error(`crosscheck: cannot read its WebAssembly file ${url.href} (${reason(error)}). Reinstall the crosscheck package.`);
    }
    return WebAssembly.compile(/** @type {BufferSource} */ (bytes));
  }
  /** @type {Response} */
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`crosscheck: cannot fetch its WebAssembly file from ${url.href} (${reason(error)}). ${HELP}`);
  }
  if (!response.ok) {
    throw new Error(`crosscheck: cannot load its WebAssembly file from ${url.href} (HTTP ${response.status}). ${HELP}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("application/wasm") && typeof WebAssembly.compileStreaming === "function") {
    return WebAssembly.compileStreaming(response);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error(
      `crosscheck: ${url.href} is not its WebAssembly file (the server sent ${type || "no content type"}, not a .wasm). ${HELP}`,
    );
  }
  return WebAssembly.compile(bytes);
}
