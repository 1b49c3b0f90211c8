// @ts-check
/**
 * Where the engine's wasm comes from, for the served page (www/) and the single file
 * (dist/crosscheck.html): the bytes inlined as base64 (pkg/wasm-base64.js, written by
 * tools/build.py), so one code path works on http:// and file://.
 *
 * The npm package ships the wasm as a file instead: tools/npm_package.mjs puts
 * wasm-source-file.js in this module's place. Both export {@link compileWasm} and nothing else.
 */

/** @param {string} base64 */
function decodeBase64(base64) {
  const fromBase64 = /** @type {any} */ (Uint8Array).fromBase64;
  if (typeof fromBase64 === "function") return /** @type {Uint8Array} */ (fromBase64(base64));
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** @returns {Promise<WebAssembly.Module>} the engine's compiled wasm module */
export async function compileWasm() {
  const { wasmBase64 } = await import("./pkg/wasm-base64.js");
  return WebAssembly.compile(/** @type {BufferSource} */ (decodeBase64(wasmBase64)));
}
