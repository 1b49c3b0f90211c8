// Builds the npm package `crosscheck` from the web build in www/pkg and the element's modules
// in www/, and packs it:
//
//   node tools/npm_package.mjs
//     -> target/npm/crosscheck/           the package folder (what `npm pack` packs)
//     -> target/packages/crosscheck-VERSION.tgz
//
// Needs www/pkg from `python3 tools/build.py` (the `web` target) and runs no cargo or
// wasm-pack itself. What goes in: every module reachable from the two entries, api.js (".")
// and define.js ("./element"), by their imports and `new URL("./…", import.meta.url)`
// (so the worker, the element's CSS and pkg/crosscheck_bg.wasm come along), with ONE swap:
// wasm-source.js is wasm-source-file.js (the wasm as a file next to the code, not inlined as
// base64; pkg/wasm-base64.js is never shipped). Types: www/types.d.ts and www/report.d.ts,
// wasm-bindgen's pkg/crosscheck.d.ts, and .d.ts files tsc emits from the modules' JSDoc.
// The version is Cargo.toml's. The output depends only on the inputs (npm pack stores fixed
// times), so two runs write the same bytes.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(ROOT, "www");
const PKG = join(WWW, "pkg");
const WORK = join(ROOT, "target", "npm");
const OUT = join(WORK, "crosscheck");
const PACKAGES = join(ROOT, "target", "packages");

/** Modules of www/ replaced in the package: name in the package -> file in www/. */
const SWAPS = new Map([["wasm-source.js", "wasm-source-file.js"]]);
/** Files never shipped: the inlined wasm belongs to the page and the single file only. */
const NEVER = new Set(["pkg/wasm-base64.js"]);
const ENTRIES = ["api.js", "define.js"];
const TYPES = ["types.d.ts", "report.d.ts", "pkg/crosscheck.d.ts"];

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`npm_package: ${message}`);
  process.exit(1);
}


// ---- inputs ---------------------------------------------------------------------------------

for (const file of ["crosscheck.js", "crosscheck.d.ts", "crosscheck_bg.wasm"]) {
  if (!existsSync(join(PKG, file))) fail(`${relative(ROOT, join(PKG, file))} is missing: build the web target first (python3 tools/build.py --target web)`);
}
const wasmBytes = readFileSync(join(PKG, "crosscheck_bg.wasm"));
if (wasmBytes.subarray(0, 4).toString("latin1") !== "\0asm") fail("www/pkg/crosscheck_bg.wasm is not a WebAssembly file");
for (const file of ["LICENSE", "THIRD_PARTY_NOTICES.md"]) {
  if (!existsSync(join(ROOT, file))) fail(`${join(ROOT, file)} is missing: the package must ship the licence and the third-party notices`);
}
const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? fail("no [package] version in Cargo.toml");

// ---- which files: the modules reachable from the entries ------------------------------------

const IMPORT_PATTERNS = [
  /(?:^|[\s;])(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/g, // static import / re-export
  /(?<![{|<\w])import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g, // dynamic import (not JSDoc's {import("…")})
  /new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g, // assets, the worker, the wasm
];

/** @param {string} name a path in the package @returns {string} the file in www/ it comes from */
const sourceOf = (name) => join(WWW, SWAPS.get(name) ?? name);

/** @type {Set<string>} */
const files = new Set();
const queue = [...ENTRIES];
while (queue.length) {
  const name = /** @type {string} */ (queue.shift());
  if (files.has(name)) continue;
  if (NEVER.has(name)) fail(`${name} must not be in the package, but a shipped module reaches it`);
  const source = sourceOf(name);
  if (!existsSync(source)) fail(`${relative(ROOT, source)} is missing (reached as ${name})`);
  files.add(name);
  // wasm-bindgen's glue is not scanned: its doc comments show imports it does not make.
  if (!name.endsWith(".js") || name.startsWith("pkg/")) continue;
  const text = readFileSync(source, "utf8");
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) queue.push(posix.normalize(posix.join(posix.dirname(name), match[1])));
  }
}
for (const name of TYPES) files.add(name);
for (const needed of ["worker.js", "cross-check.css", "pkg/crosscheck_bg.wasm", "pkg/crosscheck.js"]) {
  if (!files.has(needed)) fail(`the module scan did not reach ${needed}; has the way it is loaded changed?`);
}

// ---- the package folder ---------------------------------------------------------------------

rmSync(WORK, { recursive: true, force: true });
for (const name of [...files].sort()) {
  const target = join(OUT, name);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(name.startsWith("pkg/") ? join(PKG, name.slice(4)) : sourceOf(name), target);
}

// Declarations from the modules' JSDoc (tsc, as `npm run check` uses it), into the package.
const DTS = join(WORK, "dts");
writeFileSync(
  join(WORK, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      declaration: true,
      emitDeclarationOnly: true,
      outDir: "dts",
      rootDir: "crosscheck",
      strict: true,
      target: "es2022",
      module: "esnext",
      moduleResolution: "bundler",
      lib: ["es2023", "dom", "dom.iterable", "webworker.importscripts"],
      skipLibCheck: true,
      types: [],
    },
    include: [...files].filter((name) => name.endsWith(".js") && !name.startsWith("pkg/")).map((name) => `crosscheck/${name}`),
  }, null, 2),
);
try {
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(WORK, "tsconfig.json")], { cwd: WORK, stdio: "pipe", encoding: "utf8" });
} catch (error) {
  fail(`tsc could not write the declarations (npm ci installs it):\n${/** @type {any} */ (error).stdout ?? ""}${/** @type {any} */ (error).stderr ?? error}`);
}
/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const emitted of walk(DTS).sort()) {
  const name = relative(DTS, emitted).split("\\").join("/");
  if (files.has(name)) continue; // never replace a hand-written declaration
  let text = readFileSync(emitted, "utf8");
  // The element entry brings the DOM's type maps (document.querySelector("cross-check"), its events).
  if (name === "define.d.ts") text = `/// <reference path="./types.d.ts" />\n${text}`;
  mkdirSync(dirname(join(OUT, name)), { recursive: true });
  writeFileSync(join(OUT, name), text);
}
rmSync(DTS, { recursive: true, force: true });
rmSync(join(WORK, "tsconfig.json"));
// Type imports written without an extension (JSDoc's import("./types"), types.d.ts's
// "./report") resolve under "bundler" but not under "nodenext": name the file as node would.
for (const file of walk(OUT).filter((path) => path.endsWith(".d.ts"))) {
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(/(\bimport\(|\bfrom )"(\.{1,2}\/(?:[^"]*\/)?)([^"./]+)"/g, '$1"$2$3.js"');
  if (fixed !== text) writeFileSync(file, fixed);
}
for (const needed of ["api.d.ts", "define.d.ts", "cross-check.d.ts"]) {
  if (!existsSync(join(OUT, needed))) fail(`tsc did not write ${needed}`);
}

copyFileSync(join(ROOT, "tools", "npm", "README.md"), join(OUT, "README.md"));
copyFileSync(join(ROOT, "LICENSE"), join(OUT, "LICENSE"));
copyFileSync(join(ROOT, "THIRD_PARTY_NOTICES.md"), join(OUT, "THIRD_PARTY_NOTICES.md"));

const topLevel = [...new Set(readdirSync(OUT).map((name) => (statSync(join(OUT, name)).isDirectory() ? `${name}/` : name)))]
  .filter((name) => !["package.json", "README.md", "LICENSE"].includes(name))
  .sort();
const manifest = {
  name: "crosscheck",
  version,
  description:
    "Compare news coverage claim by claim: facts, single-source claims and conflicts across articles. A Rust core in WebAssembly, for node and browsers, and the <cross-check> element.",
  keywords: ["news", "fact-checking", "comparison", "claims", "webassembly", "web-component", "custom-element"],
  license: "MIT",
  type: "module",
  engines: { node: ">=18" },
  exports: {
    ".": { types: "./api.d.ts", import: "./api.js" },
    "./element": { types: "./define.d.ts", import: "./define.js" },
    "./worker.js": "./worker.js",
    "./cross-check.css": "./cross-check.css",
    "./pkg/crosscheck_bg.wasm": "./pkg/crosscheck_bg.wasm",
    "./package.json": "./package.json",
  },
  types: "./api.d.ts",
  files: topLevel,
  // api.js instantiates the engine (top-level await), define.js registers the element, worker.js
  // listens for messages: a bundler must never drop or bypass them.
  sideEffects: ["./api.js", "./define.js", "./worker.js"],
};
writeFileSync(join(OUT, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

// ---- pack -----------------------------------------------------------------------------------

mkdirSync(PACKAGES, { recursive: true });
const tarball = join(PACKAGES, `crosscheck-${version}.tgz`);
rmSync(tarball, { force: true });
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", PACKAGES], { cwd: OUT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }),
)[0];
if (!existsSync(tarball)) fail(`npm pack did not write ${tarball}`);
const shipped = packed.files.map((/** @type {{path: string}} */ f) => f.path);
if (shipped.some((/** @type {string} */ path) => path.includes("wasm-base64"))) fail("the package carries the inlined wasm (wasm-base64.js)");
console.log(
  `npm_package: wrote ${relative(process.cwd(), tarball)} (${(packed.size / 1024).toFixed(0)} KB packed, ` +
    `${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.entryCount} files) from ${relative(process.cwd(), OUT)}`,
);
