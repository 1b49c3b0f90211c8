// The npm package in Chromium, as users build it: installs target/packages/crosscheck-VERSION.tgz
// into a fresh project, builds one small page that uses `crosscheck` and `crosscheck/element`
// with Vite, webpack 5 and esbuild (the README's recipe), and also serves the package folder
// unbundled; then each page must render a comparison of two articles, in a worker, with the
// wasm loaded as a file (a .wasm response; no inlined base64 anywhere in the output). esbuild
// without the recipe's copies must fail with the error that names the missing file.
//
//   node --test www/e2e/package-browser.test.mjs      (after node tools/npm_package.mjs)
//
// Pages are served by tools/serve.mjs, with the strict Content-Security-Policy.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../../tools/chromium.mjs";
import { serve } from "../../tools/serve.mjs";
import { ARTICLES, ROOT, installedProject, tarball } from "./package-helpers.mjs";

const { path: TGZ, version: VERSION } = tarball();
const BIN = join(ROOT, "node_modules", ".bin");
/** The first bytes of any wasm module, base64-encoded: never in a bundle of the package. */
const WASM_BASE64_MAGIC = "AGFzbQEAAAAB";

/** @type {string} */
let project;
/** @type {string} */
let profile;
/** @type {import("playwright-core").BrowserContext} */
let context;
/** How long each step took, printed at the end. @type {string[]} */
const timings = [];

/** @param {string} what @param {() => void} step */
function timed(what, step) {
  const started = Date.now();
  step();
  timings.push(`${what} ${Date.now() - started} ms`);
}

/** @param {string} file @param {string} cwd @param {string[]} args */
function exec(file, cwd, args) {
  try {
    return execFileSync(file, args, { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  } catch (error) {
    const failure = /** @type {any} */ (error);
    throw new Error(`${relative(ROOT, file)} ${args.join(" ")} failed:\n${failure.stdout}${failure.stderr}`);
  }
}

const ELEMENT_JS = `import { CrossCheckElement } from "crosscheck/element";
const element = document.querySelector("cross-check");
window.__registered = customElements.get("cross-check") === CrossCheckElement;
element.articles = ${JSON.stringify(ARTICLES)};
`;
const MAIN_JS = `import { compare, version } from "crosscheck";
import "./element.js";
window.__api = { version: version(), facts: compare(${JSON.stringify(ARTICLES)}).facts.length };
`;
/** @param {string} script @param {boolean} module */
const page = (script, module = true) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>crosscheck package</title></head>\n<body>\n<cross-check></cross-check>\n<script ${module ? 'type="module" ' : ""}src="${script}"></script>\n</body>\n</html>\n`;

before(() => {
  timed("npm install", () => {
    project = installedProject(TGZ);
  });
  const app = join(project, "app");
  mkdirSync(app);
  writeFileSync(join(app, "element.js"), ELEMENT_JS);
  writeFileSync(join(app, "main.js"), MAIN_JS);
  writeFileSync(join(app, "index.html"), page("./main.js"));

  timed("vite build", () => exec(join(BIN, "vite"), app, ["build", "--outDir", "../dist-vite", "--emptyOutDir", "--logLevel", "warn"]));

  timed("webpack build", () => {
    exec(join(BIN, "webpack"), project, ["--mode", "production", "--entry", "./app/main.js", "--output-path", "dist-webpack", "--no-stats"]);
    writeFileSync(join(project, "dist-webpack", "index.html"), page("main.js", false));
  });

  // esbuild, the README's recipe: the worker as a second entry, the wasm and the CSS copied.
  timed("esbuild build", () => {
    exec(join(BIN, "esbuild"), project, ["app/main.js", "node_modules/crosscheck/worker.js", "--bundle", "--format=esm", "--entry-names=[name]", "--outdir=dist-esbuild", "--log-level=warning"]);
    mkdirSync(join(project, "dist-esbuild", "pkg"));
    copyFileSync(join(project, "node_modules/crosscheck/pkg/crosscheck_bg.wasm"), join(project, "dist-esbuild/pkg/crosscheck_bg.wasm"));
    copyFileSync(join(project, "node_modules/crosscheck/cross-check.css"), join(project, "dist-esbuild/cross-check.css"));
    writeFileSync(join(project, "dist-esbuild", "index.html"), page("main.js"));
  });
  // esbuild with nothing copied (the element alone): the element must say what is missing.
  exec(join(BIN, "esbuild"), project, ["app/element.js", "--bundle", "--format=esm", "--outdir=dist-esbuild-bare", "--log-level=warning"]);
  writeFileSync(join(project, "dist-esbuild-bare", "index.html"), page("element.js"));

  // No bundler: the installed package folder served as it is (CDN-style).
  const unbundled = join(project, "unbundled");
  mkdirSync(unbundled);
  writeFileSync(join(unbundled, "element.js"), ELEMENT_JS.replace('"crosscheck/element"', '"../node_modules/crosscheck/define.js"'));
  writeFileSync(join(unbundled, "main.js"), MAIN_JS.replace('"crosscheck"', '"../node_modules/crosscheck/api.js"'));
  writeFileSync(join(unbundled, "index.html"), page("./main.js"));
});

before(async () => {
  profile = mkdtempSync(join(tmpdir(), "crosscheck-package-e2e-"));
  context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (project) rmSync(project, { recursive: true, force: true });
  console.log(`# ${timings.join(", ")}`);
});

/** @param {string} dir @returns {string[]} */
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * Serves `dir` of the project as a site of its own (as it would be deployed: Vite's default
 * base is "/"), opens `path` there and waits for a report or an error from the element.
 * @param {string} dir
 * @param {string} [path]
 */
async function open(dir, path = "index.html") {
  writeFileSync(join(project, dir, "favicon.ico"), ""); // what Chromium asks every site for
  const { server, url: httpRoot } = await serve(join(project, dir), 0);
  try {
    return { ...(await openUrl(`${httpRoot}${path}`)), httpRoot };
  } finally {
    server.close();
  }
}

/** Opens `url` and waits for a report or an error from the element. @param {string} url */
async function openUrl(url) {
  const tab = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  /** @type {{ url: string, status: number, type: string }[]} */
  const responses = [];
  tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  tab.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  tab.on("response", (response) => responses.push({ url: response.url(), status: response.status(), type: response.headers()["content-type"] ?? "" }));
  await tab.addInitScript(() => {
    const w = /** @type {any} */ (window);
    document.addEventListener("cross-check-report", (event) => (w.__report = /** @type {CustomEvent} */ (event).detail.report));
    document.addEventListener("cross-check-error", (event) => (w.__error = /** @type {CustomEvent} */ (event).detail.message));
  });
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => /** @type {any} */ (window).__report || /** @type {any} */ (window).__error, null, { timeout: 60_000 });
    await tab.waitForFunction(() => !document.querySelector("cross-check")?.shadowRoot?.querySelector(".status.busy"));
    const state = await tab.evaluate(() => {
      const w = /** @type {any} */ (window);
      const root = document.querySelector("cross-check")?.shadowRoot;
      const link = /** @type {HTMLLinkElement | null | undefined} */ (root?.querySelector('link[rel="stylesheet"]'));
      return {
        report: w.__report ? { sources: w.__report.sources.map((/** @type {any} */ s) => s.name), facts: w.__report.facts.length } : null,
        error: w.__error ?? null,
        api: w.__api ?? null,
        registered: w.__registered ?? false,
        status: root?.querySelector(".status-text")?.textContent ?? "",
        tabs: root?.querySelectorAll('[part~="tab"]').length ?? 0,
        styled: Boolean(link?.sheet) || Boolean(root?.querySelector("style")),
      };
    });
    return { state, problems, responses };
  } finally {
    await tab.close();
  }
}

/**
 * A page built from the package must compare in a worker, styled, with the wasm as a file.
 * @param {string} dir the page's folder in the project
 */
async function assertWorks(dir) {
  const { state, problems, responses } = dir === "unbundled" ? await open(".", "unbundled/index.html") : await open(dir);
  assertRendered(state, problems, responses);
  for (const file of walk(join(project, dir)).filter((f) => !f.includes("node_modules")).filter((f) => /\.m?js$/.test(f))) {
    assert.ok(!readFileSync(file, "utf8").includes(WASM_BASE64_MAGIC), `${relative(project, file)} inlines the wasm as base64`);
  }
}

/** @param {Awaited<ReturnType<typeof openUrl>>["state"]} state @param {string[]} problems @param {{ url: string, status: number, type: string }[]} responses */
function assertRendered(state, problems, responses) {
  assert.deepEqual(problems, []);
  assert.equal(state.error, null);
  assert.deepEqual(state.report?.sources, ARTICLES.map((a) => a.name));
  assert.ok((state.report?.facts ?? 0) >= 1, "no facts in the element's report");
  assert.ok(state.registered, "crosscheck/element did not export the registered class");
  assert.equal(state.tabs, 6, "the element did not render its tabs");
  assert.ok(state.styled, "the element's stylesheet did not load");
  assert.match(state.status, /\(worker\)/, "the comparison did not run in a worker");
  assert.deepEqual(state.api, { version: VERSION, facts: state.report?.facts }, "the root entry's compare/version");
  const wasm = responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `wasm responses: ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].status, 200);
  assert.match(wasm[0].type, /^application\/wasm/);
  assert.ok(!responses.some((r) => r.url.includes("wasm-base64")), "the page loaded wasm-base64.js");
}

test("Vite: the element compares two articles in a worker, the wasm loaded as a file", () => assertWorks("dist-vite"));

test("Vite's dev server, with its defaults: the same page works unconfigured", async () => {
  const { createServer } = await import("vite");
  const dev = await createServer({ root: join(project, "app"), logLevel: "warn", server: { port: 0, host: "127.0.0.1" } });
  await dev.listen();
  try {
    writeFileSync(join(project, "app", "favicon.ico"), "");
    const started = Date.now();
    const { state, problems, responses } = await openUrl(/** @type {string} */ (dev.resolvedUrls?.local[0]));
    timings.push(`vite dev first load ${Date.now() - started} ms`);
    assertRendered(state, problems.filter((p) => !/\[vite\]/.test(p)), responses);
  } finally {
    await dev.close();
  }
});

test("webpack 5: the element compares two articles in a worker, the wasm loaded as a file", () => assertWorks("dist-webpack"));

test("esbuild with the README's recipe: the element compares in a worker, the wasm loaded as a file", () => assertWorks("dist-esbuild"));

test("no bundler: the package folder served as it is works as well", async () => {
  await assertWorks("unbundled");
});

test("esbuild with nothing copied: the element reports which file is missing and what to do", async () => {
  const { state, httpRoot } = await open("dist-esbuild-bare");
  assert.equal(state.report, null);
  assert.match(
    state.error ?? "",
    new RegExp(`cannot load its WebAssembly file from ${httpRoot}pkg/crosscheck_bg\\.wasm \\(HTTP 404\\)\\..*copy node_modules/crosscheck/pkg/crosscheck_bg\\.wasm to that address`),
  );
  assert.match(state.status, /crosscheck_bg\.wasm/, "the element's status line does not show the error");
});
