// Writes the offline page, dist/crosscheck.html: ONE self-contained file (all JavaScript, CSS,
// the wasm module as base64 and the example articles inlined) that works when opened from
// disk and fetches nothing.
//
//   node tools/bundle.mjs [PKG_DIR] [OUTPUT]     (defaults: www/pkg, dist/crosscheck.html)
//
// tools/build.py runs it after the wasm build. How it differs from the served page:
// - www/assets.js (a <link> to cross-check.css and a module worker from worker.js) is replaced
//   by a module that puts the CSS in a <style> element and starts the worker from a Blob URL
//   of its inlined, separately bundled source;
// - the worker bundle never carries the wasm bytes: the page sends it the compiled module;
// - the file's own Content-Security-Policy allows exactly its inline script and styles (by
//   hash), wasm compilation, Blob-URL workers and the data: icon, and nothing else: no
//   connections, no other scripts, so it cannot make a network request even if it tried.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const pkgDir = resolve(process.argv[2] ?? join(www, "pkg"));
const output = resolve(process.argv[3] ?? join(root, "dist", "crosscheck.html"));

for (const file of ["crosscheck.js", "crosscheck_bg.wasm", "wasm-base64.js", "example-articles.js"]) {
  try {
    readFileSync(join(pkgDir, file));
  } catch {
    console.error(`bundle: ${join(pkgDir, file)} is missing; run python3 tools/build.py first`);
    process.exit(1);
  }
}

/** Resolves the modules' `./pkg/...` imports to PKG_DIR, wherever it is. */
const packagePlugin = {
  name: "crosscheck-pkg",
  /** @param {esbuild.PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(pkgDir, args.path.slice("./pkg/".length)) }));
  },
};

/**
 * Replaces one module of www/ by generated source.
 * @param {string} file the module's file name in www/
 * @param {string} contents
 */
function replaceModule(file, contents) {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    name: `replace-${file}`,
    /** @param {esbuild.PluginBuild} build */
    setup(build) {
      build.onResolve({ filter: new RegExp(`(^|/)${escaped}$`) }, () => ({ path: file, namespace: "generated" }));
      build.onLoad({ filter: /.*/, namespace: "generated" }, () => ({ contents, loader: "js", resolveDir: www }));
    },
  };
}

/** Shared esbuild settings: one classic script, modern browsers, minified. */
const common = {
  bundle: true,
  write: false,
  format: /** @type {const} */ ("iife"),
  target: ["chrome110", "firefox115", "safari16"],
  minify: true,
  legalComments: /** @type {const} */ ("none"),
  logLevel: /** @type {const} */ ("warning"),
  // wasm-bindgen's async init() resolves the .wasm next to import.meta.url; the page never
  // calls it (it passes the compiled module to initSync), so the empty value is harmless.
  logOverride: { "empty-import-meta": /** @type {const} */ ("silent") },
};

// 1. The worker, without the wasm bytes (it receives the compiled module from the page).
const workerBuild = await esbuild.build({
  ...common,
  entryPoints: [join(www, "worker.js")],
  plugins: [
    packagePlugin,
    replaceModule(
      "wasm-base64.js",
      'throw new Error("the worker receives the compiled wasm module from the page");',
    ),
  ],
});
const workerSource = workerBuild.outputFiles[0].text;

// 2. The page: the element's CSS and the worker source inlined through a replacement assets.js.
const elementCss = readFileSync(join(www, "cross-check.css"), "utf8");
const inlinedAssets = `
const css = ${JSON.stringify(elementCss)};
const workerSource = ${JSON.stringify(workerSource)};
let workerUrl;
export function elementStyles() {
  const style = document.createElement("style");
  style.textContent = css;
  return style;
}
export function createWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  return new Worker(workerUrl);
}
`;
const pageBuild = await esbuild.build({
  ...common,
  stdin: { contents: 'import "./page.js";', resolveDir: www, sourcefile: "single-file-entry.js" },
  plugins: [packagePlugin, replaceModule("assets.js", inlinedAssets)],
});
const pageScript = escapeScript(pageBuild.outputFiles[0].text);
const pageCss = readFileSync(join(www, "styles.css"), "utf8").replaceAll("</style", "<\\/style");

// 3. The HTML: index.html with its links and module script replaced by inlined text.
const sha256 = (/** @type {string} */ text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(pageScript)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(pageCss)} ${sha256(elementCss)}`,
  "worker-src blob:",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const icon = `data:image/svg+xml;base64,${readFileSync(join(www, "icon.svg")).toString("base64")}`;

let html = readFileSync(join(www, "index.html"), "utf8");
html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = replaceOnce(html, /<link rel="icon" href="icon\.svg"[^>]*>/, `<link rel="icon" href="${icon}">`);
html = replaceOnce(html, /<link rel="stylesheet" href="styles\.css">/, `<style>${pageCss}</style>`);
html = replaceOnce(html, /\s*<script type="module" src="page\.js"><\/script>/, "");
html = replaceOnce(html, /<\/body>/, `<script>${pageScript}</script>\n</body>`);

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`bundle: wrote ${relative(process.cwd(), output)} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, worker ${(workerSource.length / 1024).toFixed(0)} KB)`);

/**
 * Makes script text safe inside <script>…</script>: `</script` and `<!--` cannot appear.
 * Both only occur inside strings or regular expressions, where the escaped forms mean the same.
 * @param {string} script
 */
function escapeScript(script) {
  return script.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/**
 * @param {string} text
 * @param {RegExp} pattern
 * @param {string} replacement inserted literally
 */
function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) {
    console.error(`bundle: expected exactly one ${pattern} in www/index.html, found ${matches.length}`);
    process.exit(1);
  }
  return text.replace(pattern, () => replacement);
}
