// crosscheck in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; no download).
//
//   python3 tools/build.py && node bench/browser.mjs      (bench/run.py runs it after bench/inputs.py)
//
// (a) Page load to the first complete render of the seeds report, from http:// (www/ served by
//     tools/serve.mjs with its CSP) and from file:// (dist/crosscheck.html): median of 5 loads,
//     each in a fresh browser context. The seeds go in the way an embedder would give articles
//     on load: through the element's `articles` property as soon as <cross-check> is defined,
//     which also stops the bundled example from loading, then `compare()`.
// (b) 200 and 1000 ECB+ articles compared in the page's worker: from setting `articles` to the
//     rendered report, median of 3, on a page that has already shown its example.
// "Rendered" is the cross-check-report event (dispatched after the report's view is built)
// plus one frame, so layout and paint are in. Rows go to target/bench/browser.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../tools/chromium.mjs";
import { serve } from "../tools/serve.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "target", "bench");
const WWW = join(ROOT, "www");
const SINGLE_FILE = join(ROOT, "dist", "crosscheck.html");
const LOADS = 5;
const BIG_RUNS = 3;
const REPORT_TIMEOUT_MS = 600_000;

for (const needed of [join(WWW, "pkg", "crosscheck.js"), join(WWW, "pkg", "wasm-base64.js"), SINGLE_FILE]) {
  if (!existsSync(needed)) {
    console.error(`browser: ${needed} is missing; run python3 tools/build.py first`);
    process.exit(1);
  }
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {string} name */
const readJson = (name) => JSON.parse(readFileSync(join(OUT, name), "utf8"));

/**
 * Runs in the page before its own scripts: records when each report has been rendered and
 * painted, and (with `seeds`) hands the seeds to the element as soon as it is defined.
 * @param {{name: string, text: string}[] | null} seeds
 */
const PROBE = (seeds) => {
  const w = /** @type {any} */ (window);
  w.__rendered = [];
  document.addEventListener("cross-check-report", (event) => {
    const { report } = /** @type {CustomEvent} */ (event).detail;
    const status = document.querySelector("cross-check")?.shadowRoot?.querySelector(".status-text")?.textContent ?? "";
    requestAnimationFrame(() =>
      setTimeout(() =>
        w.__rendered.push({
          at: performance.now(),
          names: report.sources.map((/** @type {any} */ s) => s.name),
          facts: report.facts.length,
          conflicts: report.conflicts.length,
          worker: status.includes("(worker)"),
        }),
      ),
    );
  });
  if (seeds) {
    customElements.whenDefined("cross-check").then(() => {
      const element = /** @type {any} */ (document.querySelector("cross-check"));
      element.articles = seeds;
      element.compare();
    });
  }
};

/** Errors that would make a figure meaningless. @param {import("playwright-core").Page} page */
function watch(page) {
  /** @type {string[]} */
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** @param {import("playwright-core").Page} page @param {number} count */
async function rendered(page, count) {
  await page.waitForFunction((n) => /** @type {any} */ (window).__rendered.length >= n, count, { timeout: REPORT_TIMEOUT_MS, polling: 10 });
  return page.evaluate((n) => /** @type {any} */ (window).__rendered[n - 1], count);
}

const { server, url: httpRoot } = await serve(WWW, 0);
const browser = await chromium.launch(CHROMIUM);
const rows = [];
try {
  const seeds = readJson("seeds.json");
  const seedNames = JSON.stringify(seeds.map((/** @type {any} */ s) => s.name));
  const origins = [
    ["http", `${httpRoot}index.html`],
    ["file", pathToFileURL(SINGLE_FILE).href],
  ];
  for (const [origin, url] of seeds.length ? origins : []) {
    const times = [];
    let last;
    for (let load = 0; load < LOADS; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = watch(page);
      await page.addInitScript(PROBE, seeds);
      await page.goto(url);
      last = await rendered(page, 1);
      await context.close();
      if (JSON.stringify(last.names) !== seedNames) problems.push(`the first report was not the seeds': ${last.names.join(", ")}`);
      if (problems.length) throw new Error(`${origin} load: ${problems.join("; ")}`);
      times.push(last.at);
    }
    const ms = median(times);
    rows.push({
      tool: "crosscheck page (Chromium)", measure: "load to seeds report", input: origin, value: ms, unit: "ms",
      runs: times.length, min: Math.min(...times), max: Math.max(...times), worker: last.worker,
      facts: last.facts, conflicts: last.conflicts,
    });
    console.log(`browser: ${origin}:// load to rendered seeds report: median ${ms.toFixed(0)} ms of ${times.length} (${times.map((t) => t.toFixed(0)).join(", ")})`);
  }
  if (!seeds.length) console.log("browser: seeds.json is empty; page loads not measured");

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page);
  await page.addInitScript(PROBE, null);
  await page.goto(`${httpRoot}index.html`);
  await rendered(page, 1);
  let reports = 1;
  for (const size of [200, 1000]) {
    await page.evaluate((list) => {
      /** @type {any} */ (window).__articles = list;
    }, readJson(`articles-${size}.json`));
    const times = [];
    let last;
    for (let run = 0; run < BIG_RUNS; run++) {
      const started = await page.evaluate(() => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        const at = performance.now();
        element.articles = /** @type {any} */ (window).__articles;
        element.compare();
        return at;
      });
      last = await rendered(page, ++reports);
      if (problems.length) throw new Error(`${size} articles: ${problems.join("; ")}`);
      if (last.names.length !== size) throw new Error(`${size} articles: the report has ${last.names.length} sources`);
      times.push(last.at - started);
    }
    const ms = median(times);
    rows.push({
      tool: "crosscheck page (Chromium)", measure: "compare in worker", input: String(size), value: ms, unit: "ms",
      runs: times.length, min: Math.min(...times), max: Math.max(...times), worker: last.worker,
      facts: last.facts, conflicts: last.conflicts,
    });
    console.log(`browser: ${size} articles, set to rendered report${last.worker ? " (worker)" : " (NOT in a worker)"}: median ${ms.toFixed(0)} ms of ${times.length} (${times.map((t) => t.toFixed(0)).join(", ")})`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}

writeFileSync(join(OUT, "browser.json"), JSON.stringify(rows, null, 1));
