// Browser end-to-end tests of the page, the single file and the <cross-check> element.
//
//   node www/e2e/run.mjs [--only NAME-SUBSTRING] [--no-screenshots] [--www DIR] [--single-file PATH]
//
// (--www and --single-file test another build of the page, e.g. one made in a scratch folder.)
// Needs the wasm package in www/pkg and dist/crosscheck.html (python3 tools/build.py makes
// both) and Chromium at /usr/bin/chromium (playwright-core drives it; no browser download).
// Serves www/ with tools/serve.mjs, which sends the strict CSP header, and opens the single
// file through file://. Every test runs on a fresh page that fails on: a JavaScript error, a
// dialog (alert), a console error (CSP violations are reported there), and any request
// outside the page's own files (privacy). Screenshots of every view at 1280 px and 360 px,
// light and dark, go to target/screenshots/. Exit code 1 on any failure.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../../tools/chromium.mjs";
import { serve } from "../../tools/serve.mjs";
import { deriveCoverage, decisionFor } from "../views/decisions.js";
import { pairSentences } from "../views/side-by-side.js";
import { runDecisionTests } from "./decisions.test.mjs";
import { runSessionTests } from "./session.test.mjs";
import { PAYLOADS } from "./payloads.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WWW = join(ROOT, "www");
const SEEDS = resolve(ROOT, "..", "shared", "seeds");
const SCREENSHOTS = join(ROOT, "target", "screenshots");
const EXAMPLES = readdirSync(join(WWW, "example")).filter((name) => name.endsWith(".txt")).sort();
const VIEWS = ["overview", "matrix", "claims", "conflicts", "side", "article"];
const TEST_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
/** @param {string} flag @param {string} fallback */
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const only = option("--only", "");
const takeScreenshots = !args.includes("--no-screenshots");
/** The folder served: www/ with its built pkg/. */
const SERVED = resolve(option("--www", WWW));
const SINGLE_FILE = resolve(option("--single-file", join(ROOT, "dist", "crosscheck.html")));

// ---- preconditions -------------------------------------------------------------------------

for (const needed of [join(SERVED, "pkg", "crosscheck.js"), join(SERVED, "pkg", "wasm-base64.js"), SINGLE_FILE]) {
  if (!existsSync(needed)) {
    console.error(`e2e: ${needed} is missing; run python3 tools/build.py first`);
    process.exit(1);
  }
}

// ---- a tiny test harness -------------------------------------------------------------------

/** @type {{ name: string, run: () => Promise<void> }[]} */
const tests = [];
/** @param {string} name @param {() => Promise<void>} run */
function test(name, run) {
  if (!only || name.includes(only)) tests.push({ name, run });
}

/** Text as innerText shows it: runs of white space become one space. @param {string} text */
const squash = (text) => text.replace(/\s+/g, " ").trim();

/** @param {unknown} condition @param {string} message */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** @param {unknown} actual @param {unknown} expected @param {string} message */
function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// ---- browser, server, page monitoring --------------------------------------------------------

const { server, url: httpRoot } = await serve(SERVED, 0);
const fileUrl = pathToFileURL(SINGLE_FILE).href;
const ORIGINS = {
  http: { index: `${httpRoot}index.html`, allowed: (/** @type {string} */ u) => u.startsWith(httpRoot) },
  file: { index: fileUrl, allowed: (/** @type {string} */ u) => u === fileUrl || u.startsWith(`${fileUrl}#`) },
};

const profile = mkdtempSync(join(tmpdir(), "crosscheck-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  ...CHROMIUM,
  acceptDownloads: true,
  viewport: { width: 1280, height: 900 },
});

/** Requests the page made that were not its own files (privacy): filled by the route below. */
let foreignRequests = [];
/** Every request URL seen, for the privacy test. */
let seenRequests = [];
await context.route("**/*", (route) => {
  const requested = route.request().url();
  seenRequests.push(requested);
  if (ORIGINS.http.allowed(requested) || ORIGINS.file.allowed(requested)) return route.continue();
  foreignRequests.push(requested);
  return route.abort("blockedbyclient");
});
context.on("request", (request) => {
  const requested = request.url();
  if (requested.startsWith("blob:") || requested.startsWith("data:")) return;
  if (!seenRequests.includes(requested)) seenRequests.push(requested);
  if (!ORIGINS.http.allowed(requested) && !ORIGINS.file.allowed(requested) && !foreignRequests.includes(requested)) {
    foreignRequests.push(requested);
  }
});

/** Counts reports and CSP violations in the page; runs before the page's own scripts. */
const PAGE_PROBE = () => {
  const w = /** @type {any} */ (window);
  w.__reports = 0;
  w.__violations = [];
  document.addEventListener("cross-check-report", (event) => {
    w.__reports++;
    w.__lastReport = /** @type {CustomEvent} */ (event).detail.report;
  });
  document.addEventListener("securitypolicyviolation", (event) => {
    w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
};

/**
 * Opens a fresh page and records what must never happen on it.
 * @param {{ width?: number, height?: number, colorScheme?: "light" | "dark", init?: () => void }} [options]
 */
async function openPage(options = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
  await page.emulateMedia({ colorScheme: options.colorScheme ?? "light" });
  await page.addInitScript(PAGE_PROBE);
  if (options.init) await page.addInitScript(options.init);
  /** @type {string[]} */
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog opened: ${dialog.type()} "${dialog.message()}"`);
    dialog.dismiss().catch(() => {});
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("websocket", (socket) => problems.push(`websocket opened: ${socket.url()}`));
  page.on("popup", (popup) => problems.push(`popup opened: ${popup.url()}`));
  return { page, problems };
}

/** @param {import("playwright-core").Page} page @param {string[]} problems */
async function closePage(page, problems) {
  const state = await page
    .evaluate(() => ({ violations: /** @type {any} */ (window).__violations ?? [], xss: /** @type {any} */ (window).__xss }))
    .catch(() => ({ violations: [], xss: undefined }));
  await page.close();
  if (state.violations.length) problems.push(`CSP violations: ${state.violations.join("; ")}`);
  if (state.xss !== undefined) problems.push("a payload ran (window.__xss was set)");
  if (problems.length) throw new Error(problems.join("\n      "));
}

/**
 * Runs `body` on a fresh page and fails on anything recorded.
 * @param {Parameters<typeof openPage>[0]} options
 * @param {(page: import("playwright-core").Page, problems: string[]) => Promise<void>} body
 */
async function onPage(options, body) {
  const { page, problems } = await openPage(options);
  try {
    await body(page, problems);
  } finally {
    await closePage(page, problems);
  }
}

// ---- helpers in the page ---------------------------------------------------------------------

/** @param {import("playwright-core").Page} page */
const reportCount = (page) => page.evaluate(() => /** @type {any} */ (window).__reports);

/**
 * Waits until the element has produced more than `after` reports, and returns the last one.
 * @param {import("playwright-core").Page} page
 * @param {number} after
 */
async function nextReport(page, after) {
  await page.waitForFunction((n) => /** @type {any} */ (window).__reports > n, after, { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector("cross-check")?.shadowRoot?.querySelector(".status.busy"));
  return page.evaluate(() => /** @type {any} */ (window).__lastReport);
}

/** @param {import("playwright-core").Page} page @param {string} url */
async function load(page, url) {
  await page.goto(url);
  return nextReport(page, 0);
}

/** @param {import("playwright-core").Page} page */
const statusText = (page) => page.locator("cross-check .status-text").textContent();

/** @param {import("playwright-core").Page} page @param {string} view */
async function showView(page, view) {
  await page.locator(`cross-check [role=tab][data-view=${view}]`).click();
  await page.waitForFunction((v) => document.querySelector("cross-check")?.getAttribute("view") === v, view);
}

/** Waits until the fact matrix has drawn all the rows of its page. @param {import("playwright-core").Page} page */
const matrixDrawn = (page) => page.waitForFunction(() => document.querySelector("cross-check")?.shadowRoot?.querySelector("table.matrix[data-drawn]"));

/** @param {import("playwright-core").Page} page */
const panelText = (page) => page.locator("cross-check [role=tabpanel]").innerText();

/**
 * Replaces the element's articles through its property and waits for the report.
 * @param {import("playwright-core").Page} page
 * @param {{name: string, text: string}[]} articles
 */
async function setArticles(page, articles) {
  const before = await reportCount(page);
  await page.evaluate((list) => {
    /** @type {any} */ (document.querySelector("cross-check")).articles = list;
  }, articles);
  return nextReport(page, before);
}

/** The entries listed in the input panel: name and notes. @param {import("playwright-core").Page} page */
function entries(page) {
  return page.evaluate(() =>
    [...(document.querySelector("cross-check")?.shadowRoot?.querySelectorAll(".entry") ?? [])].map((li) => ({
      name: li.querySelector(".entry-name")?.textContent ?? "",
      notes: [...li.querySelectorAll(".entry-note")].map((n) => n.textContent ?? ""),
    })),
  );
}

/** What is focused, through shadow roots. @param {import("playwright-core").Page} page */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      role: element?.getAttribute("role"),
      view: element?.getAttribute("data-view"),
      row: element?.parentElement?.getAttribute("aria-rowindex"),
      column: element?.getAttribute("aria-colindex"),
      sentence: element?.getAttribute("data-sentence"),
      text: element?.textContent?.slice(0, 80),
    };
  });
}

/**
 * Drops files on the input panel the way a browser does: a DataTransfer in a drop event.
 * @param {import("playwright-core").Page} page
 * @param {{name: string, text?: string, bytes?: number[]}[]} files
 */
async function dropFiles(page, files) {
  const before = await reportCount(page);
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      transfer.items.add(new File([file.bytes ? new Uint8Array(file.bytes) : (file.text ?? "")], file.name, { type: "text/plain" }));
    }
    const target = /** @type {HTMLElement} */ (document.querySelector("cross-check")?.shadowRoot?.querySelector(".inputs"));
    for (const type of ["dragenter", "dragover", "drop"]) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
    }
  }, files);
  return nextReport(page, before);
}

/** @param {import("playwright-core").Page} page */
async function removeAll(page) {
  await page.locator("cross-check button", { hasText: "Remove all" }).click();
  await page.waitForFunction(() => document.querySelector("cross-check")?.shadowRoot?.querySelectorAll(".entry").length === 0);
}

/**
 * Clicks an export button and returns the downloaded file's name and text.
 * @param {import("playwright-core").Page} page
 * @param {"json" | "csv" | "markdown"} kind
 */
async function exportFile(page, kind) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`cross-check [data-export=${kind}]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** The real seed articles; none when ../shared is absent, unless CI requires it (.ci/run). */
function seedFiles() {
  if (!existsSync(SEEDS)) {
    if (process.env.CROSSCHECK_REQUIRE_SHARED) throw new Error(`${SEEDS} is missing and CROSSCHECK_REQUIRE_SHARED is set`);
    return [];
  }
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => join(SEEDS, name));
}

/** The text the article view shows, without screen-reader labels, tooltips and claim tags. @param {import("playwright-core").Page} page */
function articleViewText(page) {
  return page.evaluate(() => {
    const body = /** @type {HTMLElement} */ (document.querySelector("cross-check")?.shadowRoot?.querySelector(".article-text")).cloneNode(true);
    for (const extra of /** @type {HTMLElement} */ (body).querySelectorAll(".visually-hidden, .tip, .support-tag")) extra.remove();
    return body.textContent;
  });
}

/** The panel's text as shown on screen: without screen-reader labels. @param {import("playwright-core").Page} page */
function panelVisibleText(page) {
  return page.evaluate(() => {
    const panel = /** @type {HTMLElement} */ (document.querySelector("cross-check")?.shadowRoot?.querySelector("[role=tabpanel]")).cloneNode(true);
    for (const extra of /** @type {HTMLElement} */ (panel).querySelectorAll(".visually-hidden")) extra.remove();
    return panel.textContent ?? "";
  });
}

/**
 * The matrix rows a v2 report makes: its facts, then every claim in no fact.
 * @param {any} report
 */
const matrixRowCount = (report) => report.facts.length + report.claims.filter((/** @type {any} */ c) => c.fact === null).length;

/**
 * The page's counts of claims: the overview figures and the claims tab.
 * @param {import("playwright-core").Page} page
 */
async function coverageShown(page) {
  await showView(page, "overview");
  const figure = (/** @type {string} */ name) => page.locator(`cross-check [data-figure=${name}] dt`).textContent();
  const [shared, claims] = String(await figure("shared")).split("/").map(Number);
  const tab = String(await page.locator("cross-check [role=tab][data-view=claims]").textContent());
  return {
    claims,
    shared,
    possible: Number(await figure("possible")),
    single: Number(await figure("single")),
    toCheck: Number(tab.match(/\((\d+)\)/)?.[1]),
  };
}

/**
 * What the page should show for the report and decisions (views/decisions.js, tested on its own).
 * @param {any} report
 * @param {{ claim: number, other: number, verdict: "accept" | "reject" }[]} decisions
 */
function expectedCoverage(report, decisions) {
  const { totals } = deriveCoverage(report, decisions.map((d) => decisionFor(report, d.claim, d.other, d.verdict)));
  return { claims: totals.claims, shared: totals.shared, possible: totals.possible, single: totals.single, toCheck: totals.possible + totals.single };
}

// ---- static checks ---------------------------------------------------------------------------

test("unit: views/decisions.js derives coverage from the reader's decisions (node)", async () => {
  runDecisionTests();
});

test("unit: views/marks.js and session.js keep marks and sessions (node)", async () => {
  runSessionTests();
});

test("static: no HTML-parsing sinks in the page's modules", async () => {
  const files = [
    ...readdirSync(WWW).filter((f) => f.endsWith(".js")).map((f) => join(WWW, f)),
    ...readdirSync(join(WWW, "views")).map((f) => join(WWW, "views", f)),
  ];
  const sinks = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(|setAttribute\(\s*["'](style|on)/;
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => assert(!sinks.test(line), `${file}:${i + 1} uses an HTML or code sink: ${line.trim()}`));
  }
});

test("static: tsc --noEmit type-checks the page's JavaScript", async () => {
  try {
    execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(SERVED, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    throw new Error(`tsc failed:\n${/** @type {any} */ (error).stdout}${/** @type {any} */ (error).stderr}`);
  }
});

test("static: the single file is self-contained", async () => {
  const html = readFileSync(SINGLE_FILE, "utf8");
  assert(!/<script[^>]+src=/i.test(html), "the single file loads an external script");
  assert(!/<link[^>]+rel="?stylesheet/i.test(html), "the single file links a stylesheet");
  assert(/connect-src|default-src 'none'/.test(html), "the single file has no restrictive CSP");
  assert(html.includes("wasm-unsafe-eval") && html.includes("worker-src blob:"), "the single file's CSP misses wasm or blob workers");
});

// ---- the example, every view, from http:// and file:// ---------------------------------------

for (const [origin, { index }] of Object.entries(ORIGINS)) {
  test(`${origin}: the bundled example is compared on first open, in a worker`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), EXAMPLES, "sources of the example");
      const status = await statusText(page);
      assert(/Compared 5 articles/.test(status ?? ""), `status says ${status}`);
      assert(/\(worker\)/.test(status ?? ""), `the comparison did not run in a worker: ${status}`);
      assert(report.facts.length > 0, "the example has no shared facts");
    }));

  test(`${origin}: every view renders real content`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      // Overview: one row per source with its name and title, and the heatmap.
      const overview = squash(await panelText(page));
      for (const source of report.sources) {
        assert(overview.includes(squash(source.name)), `overview lacks ${source.name}`);
        if (source.title) assert(overview.includes(squash(source.title)), `overview lacks the title ${source.title}`);
        if (source.author) assert(overview.includes(squash(`By ${source.author}`)), `overview lacks the author ${source.author}`);
        if (source.outlet) assert(overview.includes(squash(source.outlet)), `overview lacks the outlet ${source.outlet}`);
      }
      assert(report.sources.some((/** @type {any} */ s) => s.author) && report.sources.some((/** @type {any} */ s) => s.outlet), "the example names authors and outlets");
      const heatCells = await page.locator("cross-check td.heat:not(.self)").count();
      assertEqual(heatCells, report.sources.length * (report.sources.length - 1), "heatmap cells");

      // Fact matrix: rows for the facts and the unshared claims, each cell a sentence with its claim.
      await showView(page, "matrix");
      const rows = await page.locator("cross-check table.matrix tbody tr").count();
      assertEqual(rows, matrixRowCount(report), "matrix rows (facts, then claims in no fact)");
      const firstFact = report.facts[0];
      const firstSentence = report.sources.flatMap((/** @type {any} */ s) => s.sentences).find((/** @type {any} */ s) => s.id === firstFact.sentences[0]);
      assert(squash(await panelVisibleText(page)).includes(squash(firstSentence.text).slice(0, 40)), "matrix lacks the first fact's sentence");
      await page.locator("cross-check .chip[data-filter=single]").click();
      const coverages = await page.locator("cross-check table.matrix tbody .coverage").allTextContents();
      assert(coverages.length > 0 && coverages.every((c) => c === `1/${report.sources.length}`), `single-source filter shows ${coverages}`);
      await page.locator("cross-check .chip[data-filter=all]").click();
      await page.locator("cross-check input.search").fill("szabat");
      const searched = await page.locator("cross-check table.matrix tbody tr").allInnerTexts();
      assert(searched.length > 0 && searched.every((t) => t.toLowerCase().includes("szabat")), "search keeps rows without the word");
      await page.locator("cross-check input.search").fill("");

      // Conflicts: one item per disagreement, the first with its differing words marked.
      await showView(page, "conflicts");
      const conflictItems = await page.locator("cross-check li.conflict-item").count();
      assertEqual(conflictItems, new Set(report.conflicts.map((/** @type {any} */ c) => c.disagreement)).size, "one item per disagreement");
      const verdicts = await page.locator("cross-check li.conflict-item .badge.verdict").allTextContents();
      assertEqual(verdicts.length, conflictItems, "every card has its verdict");
      // A card contradicts when one of its pairs does (a dated pair of relative times, say), else differs.
      /** @type {Map<number, string>} */
      const expected = new Map();
      for (const c of report.conflicts) if (expected.get(c.disagreement) !== "Contradict") expected.set(c.disagreement, c.verdict === "contradict" ? "Contradict" : "Differ");
      assertEqual([...verdicts].sort(), [...expected.values()].sort(), "each card's verdict");
      if (report.conflicts.length) {
        const marks = await page.locator("cross-check li.conflict-item").first().locator("ins, del").count();
        assert(marks > 0, "the first conflict marks no differing words");
      } else {
        assert(/No conflicts found/.test(await panelText(page)), "no conflicts and no explanation");
      }

      // Side by side: every sentence of both sources, aligned pairs sharing a line.
      await showView(page, "side");
      const sideRows = await page.locator("cross-check table.side tbody tr").count();
      const [a, b] = report.sources;
      const partners = pairSentences(a.sentences, b.sentences);
      for (const [left, right] of partners) {
        const facts = a.sentences.find((/** @type {any} */ s) => s.id === left).facts;
        assert(right.facts.some((/** @type {number} */ f) => facts.includes(f)), `side by side pairs ${left} and ${right.id}, which share no fact`);
      }
      const paired = partners.size;
      const sharing = a.sentences.filter((/** @type {any} */ s) => s.facts.some((/** @type {number} */ f) => b.sentences.some((/** @type {any} */ t) => t.facts.includes(f)))).length;
      assert(paired > 0 && paired <= sharing, `aligned pairs: ${paired} of ${sharing} sentences sharing a fact`);
      assertEqual(sideRows, a.sentences.length + b.sentences.length - paired, "side-by-side lines");
      assertEqual(await page.locator("cross-check table.side tbody tr.aligned").count(), paired, "aligned lines");
      const conflictPairs = report.conflicts.filter((/** @type {any} */ c) => c.sentences.some((/** @type {number} */ id) => partners.has(id) && c.sentences.includes(partners.get(id).id)));
      assertEqual(await page.locator("cross-check table.side tbody tr.aligned .badge.conflict").count(), new Set(conflictPairs.map((/** @type {any} */ c) => c.sentences.join())).size, "conflicts named on their lines");
      const unpaired = await page.locator("cross-check table.side tbody tr.unaligned td.body").count();
      assertEqual(await page.locator("cross-check table.side tbody tr.unaligned td.body .support-tag").count(), unpaired, "every unpaired body sentence says how far others report it");

      // Article: the original text exactly (offsets are UTF-16), with its claims marked.
      await showView(page, "article");
      const original = readFileSync(join(WWW, "example", EXAMPLES[0]), "utf8");
      assertEqual(await articleViewText(page), original, "article view text");
      const sentences = await page.locator("cross-check .article-text .sentence").count();
      assertEqual(sentences, report.sources[0].sentences.length, "sentences in the article view");
      const sentenceIds = new Set(report.sources[0].sentences.map((/** @type {any} */ s) => s.id));
      const quotes = report.quotes.filter((/** @type {any} */ q) => sentenceIds.has(q.sentence)).length;
      assert((await page.locator("cross-check .article-text .mark.quote").count()) >= quotes, "quotes are not all marked");
      const quantities = report.quantities.filter((/** @type {any} */ q) => sentenceIds.has(q.sentence)).length;
      assert((await page.locator("cross-check .article-text .mark.quantity").count()) >= Math.min(quantities, 1), "quantities are not marked");

      // Claims to check: one item per claim that is not shared (the first page of them).
      await showView(page, "claims");
      const unshared = report.claims.filter((/** @type {any} */ c) => c.support !== "shared").length;
      assertEqual(await page.locator("cross-check li.check-item").count(), Math.min(unshared, 25), "claims to check listed");
    }));

  test(`${origin}: the article view marks every claim as shared, possible or single, in words and a line pattern`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      const states = new Set(report.claims.map((/** @type {any} */ c) => c.support));
      for (const state of ["shared", "possible", "single"]) assert(states.has(state), `the example has no ${state} claim`);
      await showView(page, "article");
      const patterns = new Map();
      for (const source of report.sources) {
        await page.locator("cross-check #cc-article-source").selectOption(String(source.id));
        const ids = new Set(source.sentences.map((/** @type {any} */ s) => s.id));
        const claims = report.claims.filter((/** @type {any} */ c) => ids.has(c.sentence));
        /** @type {Record<string, { support: string, tags: string[], spoken: string[], text: string, pattern: string }>} */
        const shown = await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (document.querySelector("cross-check")?.shadowRoot);
          /** @type {Record<string, any>} */
          const byClaim = {};
          for (const element of root.querySelectorAll(".article-text .support[data-claim]")) {
            const id = String(element.getAttribute("data-claim"));
            const entry = (byClaim[id] ??= { support: element.getAttribute("data-support"), tags: [], spoken: [], text: "", pattern: "" });
            const clone = /** @type {HTMLElement} */ (element.cloneNode(true));
            for (const extra of clone.querySelectorAll(".visually-hidden, .tip, .support-tag")) extra.remove();
            entry.text += clone.textContent;
            const tag = element.querySelector(":scope > .support-tag");
            if (tag) {
              entry.tags.push(tag.querySelector("[aria-hidden=true]")?.textContent);
              entry.spoken.push(tag.querySelector(".visually-hidden")?.textContent);
            }
            const style = getComputedStyle(element);
            entry.pattern ||= style.backgroundImage !== "none" ? "hatched" : style.borderBottomStyle;
          }
          return byClaim;
        });
        assertEqual(Object.keys(shown).length, claims.length, `claims marked in ${source.name}`);
        for (const claim of claims) {
          const mark = shown[claim.id];
          assert(mark, `claim ${claim.id} of ${source.name} is not marked`);
          assertEqual(mark.support, claim.support, `claim ${claim.id}'s support`);
          assertEqual(mark.tags, [claim.support], `claim ${claim.id}'s visible tag`);
          assert(mark.spoken.length === 1 && /claim/.test(mark.spoken[0]), `claim ${claim.id} has no words for screen readers: ${mark.spoken}`);
          assertEqual(mark.text, claim.text, `claim ${claim.id}'s marked text`);
          patterns.set(claim.support, mark.pattern);
        }
        const reported = report.attributions
          .filter((/** @type {any} */ a) => !a.direct && ids.has(a.sentence))
          .map((/** @type {any} */ a) => a.content.text);
        const listed = await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (document.querySelector("cross-check")?.shadowRoot);
          const heading = [...root.querySelectorAll(".claims-list h3")].find((h) => h.textContent?.startsWith("Reported speech"));
          return heading ? [...(heading.nextElementSibling?.querySelectorAll("li > span:not(.who)") ?? [])].map((span) => span.textContent) : [];
        });
        assertEqual(listed, reported, `reported speech listed for ${source.name}`);
      }
      assert(report.attributions.some((/** @type {any} */ a) => !a.direct), "the example has reported speech");
      assertEqual(Object.fromEntries([...patterns].sort()), { possible: "dashed", shared: "solid", single: "hatched" }, "line pattern of each state (with the word, not colour alone)");
      const legend = squash(await page.locator("cross-check .legend-block").innerText()).toLowerCase();
      for (const word of ["shared", "matched", "possible", "single", "quote", "number", "name", "time", "conflict", "boilerplate"]) {
        assert(legend.includes(word), `the legend does not explain "${word}": ${legend}`);
      }
      const samples = await page.evaluate(() =>
        [...(document.querySelector("cross-check")?.shadowRoot?.querySelectorAll(".legend .sample.support") ?? [])].map((element) => {
          const style = getComputedStyle(element);
          return [element.querySelector(".support-tag")?.getAttribute("data-support"), style.backgroundImage !== "none" ? "hatched" : style.borderBottomStyle];
        }),
      );
      assertEqual(samples, [["shared", "solid"], ["matched", "double"], ["possible", "dashed"], ["single", "hatched"]], "legend samples look like the marks");
    }));

  test(`${origin}: fact-matrix rows are facts over claims, each claim marked inside its sentence`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      await showView(page, "matrix");
      const rows = await page.evaluate(() =>
        [...(document.querySelector("cross-check")?.shadowRoot?.querySelectorAll("table.matrix tbody tr") ?? [])].map((tr) => {
          const visible = (/** @type {Element} */ element) => {
            const clone = /** @type {HTMLElement} */ (element.cloneNode(true));
            for (const extra of clone.querySelectorAll(".visually-hidden")) extra.remove();
            return clone.textContent;
          };
          return {
            key: tr.getAttribute("data-row"),
            coverage: tr.querySelector(".coverage")?.textContent,
            tag: tr.querySelector(".row-head .support-tag")?.getAttribute("data-support") ?? null,
            cells: [...tr.querySelectorAll("td[data-claim]")].map((td) => ({
              claim: Number(td.getAttribute("data-claim")),
              sentence: Number(td.getAttribute("data-sentence")),
              column: Number(td.getAttribute("aria-colindex")) - 2,
              marks: [...td.querySelectorAll("mark.claim-text")].map(visible),
              text: visible(td).replace(/^conflict /, ""),
              flagged: Boolean(td.querySelector(".cell-flag")),
            })),
          };
        }),
      );
      const n = report.sources.length;
      const sentences = new Map(report.sources.flatMap((/** @type {any} */ s) => s.sentences).map((/** @type {any} */ s) => [s.id, s]));
      const byKey = new Map(rows.map((row) => [row.key, row]));
      assertEqual(rows.length, byKey.size, "row keys are unique");
      for (const fact of report.facts) {
        const row = byKey.get(`f${fact.id}`);
        assert(row, `fact ${fact.id} has no row`);
        assertEqual(row.coverage, `${fact.sources.length}/${n}`, `fact ${fact.id}'s coverage`);
        assertEqual(row.cells.map((c) => c.claim), fact.claims, `fact ${fact.id}'s cells are its claims`);
        assertEqual(row.cells.map((c) => c.sentence), fact.sentences, `fact ${fact.id}'s cells are in its sentences`);
        assertEqual(row.cells.map((c) => c.column), fact.sources, `fact ${fact.id}'s cells are in its sources' columns`);
        assertEqual(row.tag, null, "a fact's row has no single-claim tag");
      }
      const alone = report.claims.filter((/** @type {any} */ c) => c.fact === null);
      for (const claim of alone) {
        const row = byKey.get(`c${claim.id}`);
        assert(row, `claim ${claim.id} (in no fact) has no row`);
        assertEqual([row.coverage, row.tag, row.cells.length], [`1/${n}`, claim.support, 1], `claim ${claim.id}'s row`);
      }
      assertEqual(rows.length, report.facts.length + alone.length, "rows: the facts, then the claims in no fact");
      for (const row of rows) {
        for (const cell of row.cells) {
          const claim = report.claims[cell.claim];
          assertEqual(cell.marks, [claim.text], `claim ${claim.id} marked in its cell`);
          assertEqual(squash(cell.text), squash(sentences.get(cell.sentence).text), `claim ${claim.id}'s cell shows its whole sentence`);
          const conflicted = report.conflicts.some((/** @type {any} */ c) => c.sentences.includes(cell.sentence));
          assertEqual(cell.flagged, conflicted, `claim ${claim.id}'s cell says "conflict" in words exactly when its sentence is in one`);
        }
      }
      const split = report.sources.flatMap((/** @type {any} */ s) => s.sentences).find((/** @type {any} */ s) => report.claims.filter((/** @type {any} */ c) => c.sentence === s.id).length > 1);
      if (split) {
        const inRows = rows.filter((row) => row.cells.some((c) => c.sentence === split.id)).length;
        assert(inRows > 1, `sentence ${split.id} carries several claims but shows in ${inRows} row`);
      }
      const text = squash(await panelText(page));
      const unshared = alone.length;
      assert(text.includes(`${report.facts.length} rows are facts`) && text.includes(`${unshared} rows are claims no other source shares`), `the row count does not explain itself: ${text.slice(0, 400)}`);
    }));

  test(`${origin}: accepting and rejecting close claims changes the counts and lasts through a reload`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      /** @type {{ claim: number, other: number, verdict: "accept" | "reject" }[]} */
      const decisions = [];
      const sum = (/** @type {(s: any) => number} */ of) => report.sources.reduce((/** @type {number} */ t, /** @type {any} */ s) => t + of(s), 0);
      const engine = {
        claims: sum((s) => s.summary.claims),
        shared: sum((s) => s.summary.sharedClaims),
        possible: sum((s) => s.summary.possibleClaims),
        single: sum((s) => s.summary.singleSourceClaims.length),
      };
      const start = await coverageShown(page);
      assertEqual(start, { ...engine, toCheck: engine.possible + engine.single }, "counts before any decision are the engine's");
      assertEqual(start, expectedCoverage(report, []), "decisions.js without decisions");
      const sourceOf = (/** @type {number} */ claim) => report.sources.find((/** @type {any} */ s) => s.sentences.some((/** @type {any} */ t) => t.id === report.claims[claim].sentence)).id;

      // Accept: the first listed claim with a close claim; both count as shared.
      await showView(page, "claims");
      const first = page.locator("cross-check li.check-item:has(li.candidate)").first();
      const claim = Number(await first.getAttribute("data-claim"));
      const candidate = first.locator("li.candidate").first();
      const other = Number(await candidate.getAttribute("data-claim"));
      assert(/\d+%/.test(await candidate.locator(".score").innerText()), "a close claim shows no score");
      assert(squash(await first.locator(".candidate-source h4").first().innerText()).includes(report.sources[sourceOf(other)].name), "a close claim does not name its source");
      await candidate.locator("button.accept").click();
      decisions.push({ claim, other, verdict: "accept" });
      assertEqual(await page.locator(`cross-check li.check-item[data-claim="${claim}"]`).count(), 0, "the accepted claim left the list");
      await page.waitForTimeout(100);
      const afterAccept = await focused(page);
      assert(afterAccept.tag === "button" && afterAccept.text === "Accept", `the focus after a decision is on ${JSON.stringify(afterAccept)}, not the next claim's Accept`);
      assert((await page.locator("cross-check .your-decisions h3").innerText()).includes("(1)"), "the decision is not listed");
      const accepted = await coverageShown(page);
      assertEqual(accepted, expectedCoverage(report, decisions), "counts after accepting");
      assert(accepted.shared >= start.shared + 1 && accepted.toCheck < start.toCheck, `accepting changed no count: ${JSON.stringify(accepted)}`);
      await showView(page, "article");
      await page.locator("cross-check #cc-article-source").selectOption(String(sourceOf(claim)));
      assertEqual(await page.locator(`cross-check .article-text .support[data-claim="${claim}"]`).first().getAttribute("data-support"), "matched", "the accepted claim in the article view");

      // Reject every close claim of a possible claim: it becomes single.
      await showView(page, "claims");
      await page.locator("cross-check .chip[data-filter=possible]").click();
      const possible = page.locator("cross-check li.check-item[data-support=possible]:has(li.candidate)").first();
      assert(await possible.count(), "no possible claim with close claims is left to reject");
      const target = Number(await possible.getAttribute("data-claim"));
      for (let i = 0; i < 40; i++) {
        const candidates = page.locator(`cross-check li.check-item[data-claim="${target}"] li.candidate`);
        const left = await candidates.count();
        if (!left) break;
        const rejected = Number(await candidates.first().getAttribute("data-claim"));
        await candidates.first().locator("button.reject").click();
        decisions.push({ claim: target, other: rejected, verdict: "reject" });
        const now = await page.locator(`cross-check li.check-item[data-claim="${target}"] li.candidate[data-claim="${rejected}"]`).count();
        assertEqual(now, 0, "a rejected close claim is still listed");
      }
      assertEqual(await page.locator(`cross-check li.check-item[data-claim="${target}"]`).count(), 0, "a possible claim with every close claim rejected is still under Possible");
      await page.locator("cross-check .chip[data-filter=single]").click();
      await page.locator("cross-check #cc-claims-source").selectOption(String(sourceOf(target)));
      for (let i = 0; i < 20 && !(await page.locator(`cross-check li.check-item[data-claim="${target}"]`).count()); i++) {
        await page.locator("cross-check button.more").click();
      }
      const single = page.locator(`cross-check li.check-item[data-claim="${target}"]`);
      assertEqual(await single.getAttribute("data-support"), "single", "the claim with every close claim rejected");
      assert(/You rejected every close claim/.test(await single.innerText()), "the claim does not say why it is single");
      const rejectedCounts = await coverageShown(page);
      assertEqual(rejectedCounts, expectedCoverage(report, decisions), "counts after rejecting");
      assert(rejectedCounts.possible < accepted.possible && rejectedCounts.single > accepted.single, `rejecting changed no count: ${JSON.stringify(rejectedCounts)}`);

      // A reload keeps the decisions (sessionStorage, for the same articles).
      await page.reload();
      await nextReport(page, 0);
      assertEqual(await coverageShown(page), expectedCoverage(report, decisions), "counts after a reload");
      await showView(page, "claims");
      assert((await page.locator("cross-check .your-decisions h3").innerText()).includes(`(${decisions.length})`), "the decisions are not listed after a reload");
      const stored = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("crosscheck-decisions:")));
      assertEqual(stored.length, 1, "one sessionStorage entry for the articles");
      const storedText = await page.evaluate((key) => sessionStorage.getItem(key), stored[0]);
      assert(!String(storedText).includes(report.sources[0].sentences[0].text), "the stored decisions hold article text beyond the claims");

      // Undo and clear put the engine's counts back, and that lasts too.
      await page.locator("cross-check .decision.accept button.undo").click();
      decisions.shift();
      assertEqual(await coverageShown(page), expectedCoverage(report, decisions), "counts after undoing the accept");
      await showView(page, "claims");
      await page.locator("cross-check button.clear-decisions").click();
      assertEqual(await coverageShown(page), start, "counts after clearing the decisions");
      await page.reload();
      await nextReport(page, 0);
      assertEqual(await coverageShown(page), start, "counts after clearing and a reload");
      assertEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("crosscheck-decisions:")).length), 0, "storage after clearing");
    }));

  test(`${origin}: exports download the report JSON, the fact matrix CSV and a Markdown summary`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      const json = await exportFile(page, "json");
      assertEqual(json.name, "crosscheck-report.json", "JSON file name");
      assertEqual(JSON.parse(json.text), report, "exported JSON");
      const csv = await exportFile(page, "csv");
      assertEqual(csv.name, "crosscheck-facts.csv", "CSV file name");
      assert(csv.text.startsWith(`"fact","label","sources","support","conflicts","quotes","numbers",${EXAMPLES.map((n) => `"${n}"`).join(",")}`), `CSV header: ${csv.text.slice(0, 120)}`);
      assertEqual(csv.text.trim().split("\r\n").length - 1, matrixRowCount(report), "CSV rows (facts, then claims in no fact)");
      const markdown = await exportFile(page, "markdown");
      assertEqual(markdown.name, "crosscheck-summary.md", "Markdown file name");
      assert(markdown.text.startsWith(`# crosscheck: ${report.sources.length} sources`), `Markdown starts: ${markdown.text.slice(0, 60)}`);
      for (const name of EXAMPLES) assert(markdown.text.includes(name), `Markdown lacks ${name}`);
    }));

  test(`${origin}: disagreements take marks and notes; a saved session reopens identically in a new tab`, () =>
    onPage({}, async (page) => {
      const report = await load(page, index);
      await showView(page, "claims");
      const first = page.locator("cross-check li.check-item:has(li.candidate)").first();
      await first.locator("li.candidate button.accept").first().click();

      await showView(page, "conflicts");
      const cards = page.locator("cross-check li.conflict-item");
      assert((await cards.count()) >= 2, "two disagreements to mark");
      await cards.nth(0).locator("button[data-mark=checked]").click();
      await cards.nth(1).locator("button[data-mark=notConflict]").click();
      const note = "Called the hospital: eight is right.";
      await cards.nth(0).locator(".mark-note summary").click();
      await cards.nth(0).locator(".mark-note textarea").fill(note);
      /** What the conflicts view shows of the marks. @param {import("playwright-core").Page} on */
      const marksShown = async (on) => {
        await showView(on, "conflicts");
        return {
          pressed: await on.locator("cross-check .card-marks button[aria-pressed=true]").evaluateAll((b) => b.map((x) => `${x.closest("li.conflict-item")?.querySelector(".explanation")?.textContent}: ${x.textContent}`)),
          badges: await on.locator("cross-check .badge.mark:not([hidden])").allInnerTexts(),
          notes: await on.locator("cross-check .mark-note textarea").evaluateAll((t) => t.map((x) => /** @type {HTMLTextAreaElement} */ (x).value).filter(Boolean)),
          count: await on.locator("cross-check .marks-count").innerText(),
        };
      };
      const marked = await marksShown(page);
      assertEqual(marked.badges, ["Checked", "Not a conflict"], "the marks in words on the cards");
      assertEqual(marked.notes, [note], "the note");
      assert(marked.count.includes("1 checked, 1 marked not a conflict"), `the count line: ${marked.count}`);
      assert(await cards.nth(1).evaluate((card) => card.classList.contains("marked-not-conflict")), "a dismissed card's edge");
      const coverage = await coverageShown(page);

      await page.reload();
      await nextReport(page, 0);
      assertEqual(await marksShown(page), marked, "marks and notes after a reload");

      const saved = await exportFile(page, "session");
      assertEqual(saved.name, "crosscheck-session.json", "session file name");
      const session = JSON.parse(saved.text);
      assertEqual([session.format, session.version], ["crosscheck-session", 1], "session format");
      assertEqual(session.articles.map((/** @type {any} */ a) => a.name), EXAMPLES, "the session's articles");
      assertEqual(session.decisions.length, 1, "the session's decisions");
      assertEqual(session.marks.map((/** @type {any} */ m) => [m.status, m.note]).sort(), [["checked", note], ["notConflict", ""]], "the session's marks");
      const file = join(mkdtempSync(join(tmpdir(), "crosscheck-session-")), "my-work.json");
      writeFileSync(file, saved.text);

      await onPage({}, async (tab) => {
        await load(tab, index);
        assertEqual(await tab.evaluate(() => Object.keys(sessionStorage).length), 0, "a new tab keeps nothing of the other");
        const before = await reportCount(tab);
        await tab.locator("cross-check input[type=file]").setInputFiles(file);
        const reopened = await nextReport(tab, before);
        assertEqual(reopened, report, "the same report");
        assertEqual(await coverageShown(tab), coverage, "the same counts, with the decision");
        assertEqual(await marksShown(tab), marked, "the same marks and notes");
        assert((await tab.locator("cross-check .inputs-note").innerText()).includes("Opened the session my-work.json"), "a note names the session");

        const other = join(dirname(file), "data.json");
        writeFileSync(other, '{"rows": [1, 2]}');
        await tab.locator("cross-check input[type=file]").setInputFiles(other);
        await tab.waitForFunction(() => document.querySelector("cross-check")?.shadowRoot?.querySelector(".entry-note.error")?.textContent?.includes("not a crosscheck session"));
        const listed = await entries(tab);
        assertEqual(listed.length, EXAMPLES.length + 1, "the session's articles and the refused file");
      });
    }));

  test(`${origin}: inputs: file picker, drop, paste, rename, remove`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const seeds = seedFiles();
      if (!seeds.length) console.log(`      note: ${SEEDS} is missing; the seed files are not used`);
      await removeAll(page);
      // File picker with the real seed files (read at run time, never copied).
      const files = seeds.length ? seeds : EXAMPLES.map((name) => join(WWW, "example", name));
      let before = await reportCount(page);
      await page.locator("cross-check input[type=file]").setInputFiles(files);
      let report = await nextReport(page, before);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), files.map((f) => f.split("/").pop()), "sources from the file picker");
      assert(report.sources.every((/** @type {any} */ s) => s.sentences.length > 0), "a picked file has no sentences");

      // A drop of two more files, one of them HTML reduced to its text.
      report = await dropFiles(page, [
        { name: "dropped.txt", text: "The spillway of the Dolva Dam collapsed on Tuesday night. About 4,000 people were evacuated." },
        { name: "page.html", text: "<html><body><nav>Home | World</nav><article><h1>Dam fails</h1><p>The Dolva Dam spillway gave way on Tuesday.</p></article><script>alert(1)</script></body></html>" },
      ]);
      assertEqual(report.sources.length, files.length + 2, "sources after the drop");
      const html = report.sources.find((/** @type {any} */ s) => s.name === "page.html");
      const htmlText = html.sentences.map((/** @type {any} */ s) => s.text).join(" ");
      assert(htmlText.includes("Dolva Dam spillway gave way") && !htmlText.includes("alert(1)") && !htmlText.includes("<p>"), `HTML was not reduced to its text: ${htmlText}`);

      // Paste through the form, and a paste event on the panel.
      before = await reportCount(page);
      await page.locator("cross-check button", { hasText: "Paste an article" }).click();
      await page.locator("cross-check #paste-name").fill("pasted by hand");
      await page.locator("cross-check #paste-text").fill("Governor Vashchenko said every house would be rebuilt. Schools stay closed until Friday.");
      await page.locator("cross-check .paste-form button[type=submit]").click();
      report = await nextReport(page, before);
      assert(report.sources.some((/** @type {any} */ s) => s.name === "pasted by hand"), "the pasted article is missing");
      before = await reportCount(page);
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.setData("text/plain", "Rescue crews used boats to reach people on rooftops in Petrivka.");
        const target = document.querySelector("cross-check")?.shadowRoot?.querySelector(".dropzone");
        target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true, composed: true }));
      });
      report = await nextReport(page, before);
      assertEqual(report.sources.length, files.length + 4, "sources after two pastes");

      // Rename the first article, then remove it.
      const first = report.sources[0].name;
      before = await reportCount(page);
      await page.locator("cross-check .entry").first().locator("button", { hasText: "Rename" }).click();
      await page.locator("cross-check input.rename").fill("renamed source");
      await page.keyboard.press("Enter");
      report = await nextReport(page, before);
      assertEqual(report.sources[0].name, "renamed source", "renamed source name");
      before = await reportCount(page);
      await page.locator("cross-check .entry").first().locator("button", { hasText: "Remove" }).click();
      report = await nextReport(page, before);
      assert(!report.sources.some((/** @type {any} */ s) => s.name === "renamed source" || s.name === first), "the removed article is still compared");
      assertEqual(report.sources.length, files.length + 3, "sources after removing one");

      // The example comes back with one click.
      before = await reportCount(page);
      await page.locator("cross-check .dropzone button", { hasText: "Load the example" }).click();
      report = await nextReport(page, before);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), EXAMPLES, "example after one click");
    }));

  test(`${origin}: my files replace the example, with a note and a way back; the example sets them aside`, () =>
    onPage({}, async (page) => {
      const first = await load(page, index);
      assertEqual(first.sources.map((/** @type {any} */ s) => s.name), EXAMPLES, "the page opens on the example");
      const note = () => page.locator("cross-check .inputs-note").innerText();
      assert((await note()).includes("Your first file replaces it"), `note while the example is shown: ${await note()}`);
      const seeds = seedFiles();
      const files = seeds.length ? seeds : EXAMPLES.map((name) => join(WWW, "example", name));
      const names = files.map((f) => f.split("/").pop());
      let before = await reportCount(page);
      await page.locator("cross-check input[type=file]").setInputFiles(files);
      let report = await nextReport(page, before);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), names, `my ${files.length} files alone, not mixed into the example`);
      assert((await note()).includes("Your articles replaced the example"), `note after my files: ${await note()}`);

      before = await reportCount(page);
      await page.locator("cross-check .inputs-note button", { hasText: "Show the example" }).click();
      report = await nextReport(page, before);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), EXAMPLES, "the example again");
      assert((await note()).includes(`Your ${files.length} articles are set aside`), `note with mine set aside: ${await note()}`);

      before = await reportCount(page);
      await page.locator("cross-check .inputs-note button", { hasText: "Back to my articles" }).click();
      report = await nextReport(page, before);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), names, "my files back, none lost");
      assert(await page.locator("cross-check .inputs-note").isHidden(), "no note once my articles are back");
    }));

  test(`${origin}: an article about another event is named as sharing nothing with the others`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const articles = EXAMPLES.map((name) => ({ name, text: readFileSync(join(WWW, "example", name), "utf8") }));
      articles.push({
        name: "chess.txt",
        text: "Chess federation elects a president\n\nThe Quillon chess federation elected Arvo Lind as its president on Sunday after a stormy congress. Delegates argued for hours over prize money and the tournament calendar.\n",
      });
      await setArticles(page, articles);
      const listed = await entries(page);
      const outliers = listed.filter((e) => e.notes.some((n) => n.includes("shares nothing with the others"))).map((e) => e.name);
      assertEqual(outliers, ["chess.txt"], "the outlier, and only it, is named");
    }));

  test(`${origin}: bad files get a message beside them while the rest is compared`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
      const report = await dropFiles(page, [
        { name: "good.txt", text: "The spillway of the Dolva Dam collapsed on Tuesday night. About 4,000 people were evacuated." },
        { name: "photo.txt", bytes: png },
        { name: "empty.txt", text: "" },
        { name: "latin1.txt", bytes: [0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e] },
        { name: "huge.txt", text: "The dam held. ".repeat(400_000) },
      ]);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), ["good.txt"], "the good file is compared (the drop replaced the example)");
      const listed = await entries(page);
      const note = (/** @type {string} */ name) => listed.find((e) => e.name === name)?.notes.join(" ") ?? "";
      assert(/binary/.test(note("photo.txt")), `binary file: ${note("photo.txt")}`);
      assert(/empty|no text/.test(note("empty.txt")), `empty file: ${note("empty.txt")}`);
      assert(/UTF-8/.test(note("latin1.txt")), `invalid UTF-8: ${note("latin1.txt")}`);
      assert(/5\.0 MB/.test(note("huge.txt")), `huge file: ${note("huge.txt")}`);
    }));

  test(`${origin}: an <img onerror> file name and text render as plain text`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      await removeAll(page);
      const payload = "<img src=x onerror=alert(1)>";
      const before = await reportCount(page);
      // The browser reads a picked file lazily: its folder stays until the report is there.
      const dir = mkdtempSync(join(tmpdir(), "crosscheck-xss-"));
      if (origin === "http") {
        const path = join(dir, payload);
        writeFileSync(path, `${payload} The mayor said ${payload} twice.`);
        await page.locator("cross-check input[type=file]").setInputFiles(path);
      } else {
        await page.evaluate((p) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([`${p} The mayor said ${p} twice.`], p, { type: "text/plain" }));
          const target = document.querySelector("cross-check")?.shadowRoot?.querySelector(".inputs");
          target?.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
        }, payload);
      }
      const report = await nextReport(page, before);
      rmSync(dir, { recursive: true, force: true });
      assertEqual(report.sources[0].name, payload, "file name in the report");
      assertEqual((await entries(page))[0].name, payload, "file name as listed");
      for (const view of VIEWS) {
        await showView(page, view);
        const images = await page.evaluate(() => document.querySelector("cross-check")?.shadowRoot?.querySelectorAll("img").length);
        assertEqual(images, 0, `img elements in the ${view} view`);
      }
      await showView(page, "article");
      assert((await articleViewText(page))?.includes(payload), "the article view does not show the payload as text");
      await showView(page, "overview");
      assert((await panelText(page)).includes(payload), "the overview does not show the name as text");
    }));

  test(`${origin}: ${PAYLOADS.length} XSS payloads as names and text through every view and export`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const articles = [];
      for (let i = 0; i < PAYLOADS.length; i += 6) {
        const group = PAYLOADS.slice(i, i + 6);
        articles.push({
          name: group[0],
          text: [
            `Headline: ${group.join(" ")}`,
            ...group.map((p, k) => `The mayor of Kharzin said "${p}" on Tuesday, and ${k + 3} people heard it.`),
            `The Dolva Dam spillway collapsed on Tuesday night. ${group[group.length - 1]}`,
          ].join("\n"),
        });
      }
      const report = await setArticles(page, articles);
      assertEqual(report.sources.map((/** @type {any} */ s) => s.name), articles.map((a) => a.name), "payload names");
      const shadowHas = () =>
        page.evaluate(() => {
          const root = document.querySelector("cross-check")?.shadowRoot;
          return root?.querySelectorAll("img, script, svg, iframe, object, embed, video, audio, marquee, details:not(.claims):not(.reasons):not(.copies):not(.mark-note):not(.differing), form:not(.paste-form), a[href^='javascript' i], x, base, meta, template").length;
        });
      for (const view of VIEWS) {
        await showView(page, view);
        assertEqual(await shadowHas(), 0, `injected elements in the ${view} view`);
      }
      // Every source in the article view, and every pair side by side with the first.
      await showView(page, "article");
      for (let i = 0; i < articles.length; i++) {
        await page.locator("cross-check #cc-article-source").selectOption(String(i));
        assertEqual(await articleViewText(page), articles[i].text, `article ${i} as text`);
        assertEqual(await shadowHas(), 0, `injected elements in article ${i}`);
      }
      await showView(page, "side");
      for (let i = 1; i < articles.length; i++) {
        await page.locator("cross-check #cc-side-b").selectOption(String(i));
        assertEqual(await shadowHas(), 0, `injected elements side by side with ${i}`);
      }
      await showView(page, "matrix");
      const matrixText = squash(await panelVisibleText(page));
      const bodySentences = report.sources.flatMap((/** @type {any} */ s) => s.sentences).filter((/** @type {any} */ s) => s.role === "body");
      for (const sentence of bodySentences) {
        const shown = squash(sentence.text).slice(0, 30);
        assert(matrixText.includes(shown), `the matrix does not show "${shown}" as text`);
      }
      const listed = await entries(page);
      assertEqual(listed.map((e) => e.name), articles.map((a) => a.name), "payload names as listed");
      const json = JSON.parse((await exportFile(page, "json")).text);
      assertEqual(json.sources.map((/** @type {any} */ s) => s.name), articles.map((a) => a.name), "payload names in the JSON export");
      const csv = (await exportFile(page, "csv")).text;
      assert(csv.includes(`"'=HYPERLINK(""https://evil.example""`) || !csv.includes('"=HYPERLINK'), "a CSV cell starts with a formula");
      const markdown = (await exportFile(page, "markdown")).text;
      assert(markdown.includes("\\| pipe \\|") || !markdown.includes("| pipe |"), "a pipe broke the Markdown table");
      await page.waitForTimeout(300);
    }));

  test(`${origin}: keyboard-only use of the tabs and the fact matrix`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      // Tab from the top of the page to the selected tab.
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Tab");
        const now = await focused(page);
        reached = now.role === "tab";
      }
      assert(reached, "Tab never reached the view tabs");
      await page.keyboard.press("ArrowRight");
      let now = await focused(page);
      assertEqual(now.view, "matrix", "ArrowRight moves to the matrix tab");
      assertEqual(await page.evaluate(() => document.querySelector("cross-check")?.getAttribute("view")), "matrix", "the matrix is shown");
      // Into the grid: Tab through the panel and its controls until a grid cell has focus.
      reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press("Tab");
        now = await focused(page);
        reached = now.role === "columnheader" || now.role === "gridcell" || now.role === "rowheader";
      }
      assert(reached, "Tab never reached the grid");
      assertEqual([now.row, now.column], ["1", "1"], "the grid's first cell takes focus");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowRight");
      now = await focused(page);
      assertEqual([now.role, now.row, now.column], ["gridcell", "2", "2"], "arrows move between cells");
      await page.keyboard.press("End");
      now = await focused(page);
      const columns = await page.evaluate(() => document.querySelector("cross-check")?.shadowRoot?.querySelector("table.matrix")?.getAttribute("aria-colcount"));
      assertEqual(now.column, columns, "End goes to the last column");
      await page.keyboard.press("Control+End");
      now = await focused(page);
      const rowCount = await page.locator("cross-check table.matrix tr").count();
      assertEqual(now.row, String(rowCount), "Ctrl+End goes to the last row");
      await page.keyboard.press("Control+Home");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowRight");
      now = await focused(page);
      let id = now.sentence;
      if (id === null) {
        await page.keyboard.press("ArrowRight");
        now = await focused(page);
        id = now.sentence;
      }
      assert(id !== null, "no sentence cell in the first row");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("cross-check")?.getAttribute("view") === "article");
      await page.waitForTimeout(100);
      now = await focused(page);
      assertEqual(now.sentence, id, "Enter opens the sentence in the article view and focuses it");

      // A click opens a sentence too; at 1280 px the last column, reached by keyboard, is in view.
      await showView(page, "matrix");
      const clicked = page.locator("cross-check table.matrix td[data-sentence]").nth(1);
      const clickedId = await clicked.getAttribute("data-sentence");
      await clicked.click();
      await page.waitForFunction(() => document.querySelector("cross-check")?.getAttribute("view") === "article");
      await page.waitForTimeout(100);
      assertEqual((await focused(page)).sentence, clickedId, "a click opens the sentence in the article view");
      await showView(page, "matrix");
      await page.locator("cross-check table.matrix td[role=gridcell]").first().focus();
      await page.keyboard.press("End");
      const inView = await page.evaluate(() => {
        const root = document.querySelector("cross-check")?.shadowRoot;
        const cell = /** @type {HTMLElement} */ (root?.activeElement);
        const box = cell.getBoundingClientRect();
        const scroller = /** @type {HTMLElement} */ (cell.closest(".grid-scroll")).getBoundingClientRect();
        return box.left >= scroller.left - 1 && box.right <= scroller.right + 1;
      });
      assert(inView, "the last column scrolls into view when focus moves onto it");
    }));

  test(`${origin}: cancel stops a comparison and the element keeps working`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const state = await page.evaluate(async () => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        const root = element.shadowRoot;
        const running = element.compare();
        await new Promise((r) => setTimeout(r, 0));
        const cancelShown = !root.querySelector(".status button[hidden]") || !root.querySelectorAll(".status button")[0].hidden;
        element.cancel();
        const result = await running;
        return { result, cancelShown, status: root.querySelector(".status-text").textContent };
      });
      assertEqual(state.result, null, "a cancelled comparison gives no report");
      assert(state.cancelShown, "no Cancel button while comparing");
      assert(/cancelled/i.test(state.status), `status after cancel: ${state.status}`);
      const before = await reportCount(page);
      await page.locator("cross-check button", { hasText: "Compare again" }).click();
      const report = await nextReport(page, before);
      assertEqual(report.sources.length, EXAMPLES.length, "compare again after cancel");

      // With the keyboard: Cancel hands focus to Compare again; Compare again to Cancel while it
      // runs, and that to the status line when it is done.
      const focusAfter = async (/** @type {string} */ label) => {
        await page.evaluate(async (label) => {
          const element = /** @type {any} */ (document.querySelector("cross-check"));
          const root = element.shadowRoot;
          const running = element.compare();
          await new Promise((r) => setTimeout(r, 0));
          const button = [...root.querySelectorAll(".status button")].find((b) => b.textContent === label && !b.hidden);
          button?.focus();
          if (label === "Cancel") element.cancel();
          await running;
        }, label);
        return page.evaluate(() => {
          const active = document.querySelector("cross-check")?.shadowRoot?.activeElement;
          return active ? `${active.tagName.toLowerCase()}.${active.className}:${active.textContent?.slice(0, 20)}` : "body";
        });
      };
      const afterCancel = await focusAfter("Cancel");
      assert(afterCancel.startsWith("button") && afterCancel.includes("Compare again"), `focus after Cancel: ${afterCancel}`);
      const afterAgain = await page.evaluate(async () => {
        const root = /** @type {any} */ (document.querySelector("cross-check")).shadowRoot;
        const again = [...root.querySelectorAll(".status button")].find((b) => b.textContent === "Compare again");
        again.focus();
        const done = new Promise((r) => document.addEventListener("cross-check-report", r, { once: true }));
        again.click();
        await done;
        const active = root.activeElement;
        return active ? `${active.tagName.toLowerCase()}.${active.className}` : "body";
      });
      assertEqual(afterAgain, "span.status-text", "focus after Compare again rests on the status line");

      // A first comparison, with no report yet, says so in the panel.
      await removeAll(page);
      await page.locator("cross-check [role=tabpanel]", { hasText: "Nothing compared yet" }).waitFor();
      const articles = EXAMPLES.map((name) => ({ name, text: readFileSync(join(WWW, "example", name), "utf8") }));
      const during = await page.evaluate(async (list) => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        const panel = element.shadowRoot.querySelector("[role=tabpanel]");
        /** @type {string[]} */
        const seen = [];
        const observer = new MutationObserver(() => seen.push(panel.textContent.slice(0, 40)));
        observer.observe(panel, { childList: true });
        const done = new Promise((r) => document.addEventListener("cross-check-report", r, { once: true }));
        element.articles = list;
        await done;
        observer.disconnect();
        return seen;
      }, articles);
      assertEqual(during[0], "Comparing the articles…", `the panel while the first comparison runs (then ${during.slice(1)})`);
    }));

  test(`${origin}: view and minFactScore mirror their attributes; cross-check-report fires once per comparison`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      // view: the property reads the attribute as the element does (unknown or absent: overview) and sets it.
      const views = await page.evaluate(() => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        const shown = () => element.shadowRoot.querySelector("[role=tab][aria-selected=true]")?.getAttribute("data-view");
        /** @type {(string | null)[][]} */
        const seen = [];
        const look = () => seen.push([element.getAttribute("view"), element.view, shown()]);
        look();
        element.view = "matrix";
        look();
        element.setAttribute("view", "conflicts");
        look();
        element.setAttribute("view", "nonsense");
        look();
        element.removeAttribute("view");
        look();
        return seen;
      });
      assertEqual(
        views,
        [
          [null, "overview", "overview"],
          ["matrix", "matrix", "matrix"],
          ["conflicts", "conflicts", "conflicts"],
          ["nonsense", "overview", "overview"],
          [null, "overview", "overview"],
        ],
        "view attribute, property and tab shown",
      );

      // Count the report events: on the document, on the element, and the deprecated alias.
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        const element = /** @type {HTMLElement} */ (document.querySelector("cross-check"));
        w.__elementReports = 0;
        w.__aliasReports = 0;
        w.__aliasSame = true;
        element.addEventListener("cross-check-report", () => w.__elementReports++);
        element.addEventListener("report", (event) => {
          w.__aliasReports++;
          w.__aliasSame &&= /** @type {CustomEvent} */ (event).detail.report === w.__lastReport;
        });
      });
      const counts = () =>
        page.evaluate(() => {
          const w = /** @type {any} */ (window);
          return { document: w.__reports, element: w.__elementReports, alias: w.__aliasReports, same: w.__aliasSame };
        });
      const start = await counts();
      /** @param {number} more reports since the counters started @param {string} what */
      const expect = async (more, what) => {
        await page.waitForTimeout(300);
        assertEqual(await counts(), { document: start.document + more, element: more, alias: more, same: true }, `report events after ${what}`);
      };

      // minFactScore: the attribute as a number (absent or blank: null); setting it sets the
      // attribute. Changes in one task are compared once.
      let before = await reportCount(page);
      const scores = await page.evaluate(() => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        const seen = [[element.getAttribute("min-fact-score"), element.minFactScore]];
        element.setAttribute("min-fact-score", "0.6");
        seen.push([element.getAttribute("min-fact-score"), element.minFactScore]);
        element.setAttribute("min-fact-score", "  ");
        seen.push([element.getAttribute("min-fact-score"), element.minFactScore]);
        element.minFactScore = 0.55;
        seen.push([element.getAttribute("min-fact-score"), element.minFactScore]);
        return seen;
      });
      assertEqual(scores, [[null, null], ["0.6", 0.6], ["  ", null], ["0.55", 0.55]], "min-fact-score attribute and minFactScore property");
      await nextReport(page, before);
      await expect(1, "four changes of min-fact-score in one task");

      const compared = await page.evaluate(async () => {
        const report = await /** @type {any} */ (document.querySelector("cross-check")).compare();
        return report === /** @type {any} */ (window).__lastReport;
      });
      assert(compared, "compare() resolved to another report than the event carried");
      await expect(2, "compare()");

      before = await reportCount(page);
      const removed = await page.evaluate(() => {
        const element = /** @type {any} */ (document.querySelector("cross-check"));
        element.minFactScore = null;
        return [element.hasAttribute("min-fact-score"), element.minFactScore];
      });
      assertEqual(removed, [false, null], "minFactScore = null removes the attribute");
      await nextReport(page, before);
      await expect(3, "removing min-fact-score");
    }));

  test(`${origin}: the comparison falls back to the main thread when no worker can start`, () =>
    onPage(
      {
        init: () => {
          /** @type {any} */ (window).Worker = class {
            constructor() {
              throw new Error("workers are off in this test");
            }
          };
        },
      },
      async (page) => {
        const report = await load(page, index);
        assertEqual(report.sources.length, EXAMPLES.length, "sources compared on the main thread");
        assert(/\(main thread\)/.test((await statusText(page)) ?? ""), "status does not say main thread");
      },
    ));

  test(`${origin}: usable at 360 px: no page-wide horizontal scrolling in any view`, () =>
    onPage({ width: 360, height: 780 }, async (page) => {
      await load(page, index);
      for (const view of VIEWS) {
        await showView(page, view);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert(width <= 360, `the ${view} view is ${width} px wide at 360 px`);
      }
    }));

  test(`${origin}: the page's CSP is enforced and nothing violates it`, () =>
    onPage({}, async (page, problems) => {
      await load(page, index);
      const inline = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__inlineRan = true";
        document.body.append(script);
        await new Promise((r) => setTimeout(r, 50));
        const w = /** @type {any} */ (window);
        const ran = Boolean(w.__inlineRan);
        const violations = w.__violations.length;
        w.__violations = [];
        return { ran, violations };
      });
      assert(!inline.ran, "an injected inline script ran: the CSP is not enforced");
      assert(inline.violations > 0, "the blocked inline script raised no CSP violation");
      // The browser reports the blocked script on the console; that one error is this test's own.
      const own = problems.filter((p) => p.includes("Executing inline script violates"));
      assert(own.length > 0, "the blocked inline script was not reported");
      problems.splice(0, problems.length, ...problems.filter((p) => !own.includes(p)));
    }));
}

// ---- http-only: the embed page, the privacy sweep, large input ---------------------------------

test("http: embed.html places the element in a newsroom page; styles neither leak in nor out", () =>
  onPage({}, async (page) => {
    await page.goto(`${httpRoot}embed.html`);
    const report = await nextReport(page, 0);
    assertEqual(report.sources.map((/** @type {any} */ s) => s.name), EXAMPLES, "sources fetched from src");
    assertEqual(await page.evaluate(() => document.querySelector("cross-check")?.getAttribute("view")), "conflicts", "the view attribute");
    assert(/5 outlets compared/.test((await page.locator("#factbox-summary").textContent()) ?? ""), "the page did not hear the report event");
    assertEqual(await page.locator("cross-check .inputs").isVisible(), false, "the input panel shows without the inputs attribute");
    const styles = await page.evaluate(() => {
      const inner = /** @type {HTMLElement} */ (document.querySelector("cross-check")?.shadowRoot?.querySelector("[role=tab]"));
      const outer = document.createElement("button");
      document.body.append(outer);
      const result = { inner: getComputedStyle(inner).backgroundColor, outer: getComputedStyle(outer).backgroundColor, innerFont: getComputedStyle(inner).fontFamily };
      outer.remove();
      return result;
    });
    assert(styles.inner !== styles.outer, "the page's button style leaked into the element");
    assert(!/Comic Sans/i.test(styles.innerFont), "the page's button font leaked into the element");
    const pageParagraph = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector(".story > p:not(.byline)"))).fontFamily);
    assert(/Georgia/.test(pageParagraph), "the element's styles leaked into the page");
  }));

test("privacy: every request from both pages stays inside the page's own files", async () => {
  seenRequests = [];
  for (const { index } of Object.values(ORIGINS)) {
    await onPage({}, async (page) => {
      await load(page, index);
      for (const view of VIEWS) await showView(page, view);
      await dropFiles(page, [{ name: "extra.txt", text: "The Dolva Dam spillway collapsed on Tuesday. <img src=https://evil.example/pixel.png>" }]);
      await exportFile(page, "json");
    });
  }
  await onPage({}, async (page) => {
    await page.goto(`${httpRoot}embed.html`);
    await nextReport(page, 0);
  });
  assert(seenRequests.some((u) => u.startsWith(httpRoot)), "no http request was seen: the monitor is not working");
  assert(seenRequests.includes(fileUrl), "the file:// page was not seen: the monitor is not working");
  const outside = seenRequests.filter((u) => !ORIGINS.http.allowed(u) && !ORIGINS.file.allowed(u));
  assertEqual(outside, [], "requests outside the page's own files");
});

test("http: a 50 MB file is refused with a clear message and the page keeps working", () =>
  onPage({}, async (page) => {
    await load(page, index0());
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-large-"));
    const path = join(dir, "fifty-megabytes.txt");
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, "The dam held. "));
    const good = join(dir, "good.txt");
    writeFileSync(good, "The spillway of the Dolva Dam collapsed on Tuesday night. About 4,000 people were evacuated.");
    const before = await reportCount(page);
    await page.locator("cross-check input[type=file]").setInputFiles([path, good]);
    const report = await nextReport(page, before);
    rmSync(dir, { recursive: true, force: true });
    assertEqual(report.sources.map((/** @type {any} */ s) => s.name), ["good.txt"], "the other file is still compared");
    const note = (await entries(page)).find((e) => e.name === "fifty-megabytes.txt")?.notes.join(" ") ?? "";
    assert(/52\.4 MB.*up to 5\.0 MB/.test(note), `message for the 50 MB file (decimal units, as the CLI): ${note}`);
  }));

test("http: the bad-input corpus (tests/bad_input/cases.json) gets the outcome it defines for the page", () =>
  onPage({}, async (page) => {
    execFileSync("python3", [join(ROOT, "tools", "gen_bad_input.py")]);
    const manifest = JSON.parse(readFileSync(join(ROOT, "tests", "bad_input", "cases.json"), "utf8"));
    /** A manifest path: a file, or every file in a folder when it ends in "/". @param {string} path */
    const expand = (path) =>
      path.endsWith("/") ? readdirSync(join(ROOT, path)).sort().map((name) => join(ROOT, path, name)) : [join(ROOT, path)];
    /** @typedef {{ path: string, name: string, outcome: string, message: string | null, id: string }} Pick */
    /** @param {any} c @returns {Pick[]} */
    const picksOf = (c) =>
      c.files.flatMap(expand).map((/** @type {string} */ path) => ({ path, name: path.split("/").pop() ?? "", ...c.page, id: c.id }));
    const good = { path: join(ROOT, manifest.good), name: "good.txt", outcome: "compared", message: null, id: "good" };

    /**
     * Picks the files through the file input and checks each one's entry and its place in the report.
     * @param {Pick[]} picks
     */
    async function pickAndCheck(picks) {
      await removeAll(page);
      const before = await reportCount(page);
      await page.locator("cross-check input[type=file]").setInputFiles(picks.map((p) => p.path));
      const report = await nextReport(page, before);
      const listed = await entries(page);
      assertEqual(listed.map((e) => e.name), picks.map((p) => p.name), "the files as listed");
      let source = 0;
      picks.forEach((pick, i) => {
        const notes = listed[i].notes.join(" ");
        const what = `${pick.id} (${JSON.stringify(pick.name)})`;
        if (pick.outcome === "refused") {
          assert(notes.includes(`Not compared: this file ${pick.message}`), `${what}: message beside it: ${notes}`);
          return;
        }
        const compared = report.sources[source];
        assertEqual(compared?.name, pick.name, `${what}: its place in the report`);
        const warnings = report.warnings.filter((/** @type {any} */ w) => w.source === source).map((/** @type {any} */ w) => w.message);
        if (pick.outcome === "warned") {
          assert(warnings.some((w) => w.includes(pick.message)) && notes.includes(pick.message ?? ""), `${what}: warning ${warnings}, notes ${notes}`);
        } else {
          assert(!warnings.length && !notes.includes("Not compared") && compared.sentences.length > 0, `${what} is not compared: ${warnings} ${notes}`);
        }
        source++;
      });
      assertEqual(report.sources.length, source, "sources in the report");
      return report;
    }

    await load(page, index0());
    const cases = manifest.cases;
    const together = cases.filter((/** @type {any} */ c) => c.page.step === "together").flatMap(picksOf);
    assert(together.some((p) => p.outcome === "refused") && together.some((p) => p.outcome === "warned"), "the corpus lost its bad files");
    await pickAndCheck([good, ...together]);

    const many = cases.filter((/** @type {any} */ c) => c.page.step === "many").flatMap(picksOf);
    const started = Date.now();
    const report = await pickAndCheck(many);
    console.log(`      ${report.sources.length} files picked and compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    for (const alone of cases.filter((/** @type {any} */ c) => c.page.step === "alone")) {
      const picks = picksOf(alone);
      if (alone.page.outcome !== "refused") {
        await pickAndCheck(picks);
        continue;
      }
      // Nothing left to compare: no report, the message beside the file and a status that points to it.
      await removeAll(page);
      const before = await reportCount(page);
      await page.locator("cross-check input[type=file]").setInputFiles(picks.map((p) => p.path));
      await page.locator("cross-check .status-text", { hasText: "None of the inputs could be read" }).waitFor();
      const notes = (await entries(page)).map((e) => e.notes.join(" "));
      assert(notes.length === 1 && notes[0].includes(`Not compared: this file ${alone.page.message}`), `${alone.id}: ${notes}`);
      assertEqual(await reportCount(page), before, `${alone.id}: reports after a pick with nothing to compare`);
    }
  }));

test("http: saved pages read in the page give the CLI's text, sentence for sentence (real pages when the public data is there)", () =>
  onPage({}, async (page) => {
    execFileSync("python3", [join(ROOT, "tools", "gen_bad_input.py")]);
    const cli = join(ROOT, "target", "debug", "crosscheck");
    assert(existsSync(cli), "the CLI is built by cargo test before the e2e run");
    const ours = ["tests/bad_input/page.html", ...["broken-markup", "windows-1252", "stray-byte", "shift-jis", "koi8-r", "deep-divs"].map((n) => `target/bad-input/${n}.html`)];
    // Real saved pages when the public data is there (it stays out of the repository).
    const saved = join(ROOT, "..", "shared", "data", "html_extraction", "trafilatura", "html");
    const real = existsSync(saved) ? readdirSync(saved).sort().slice(0, 40).map((name) => join(saved, name)) : [];
    const files = [...ours.map((path) => join(ROOT, path)), ...real];
    const expected = JSON.parse(execFileSync(cli, ["--format", "json", "--", ...files], { encoding: "utf8", maxBuffer: 1 << 28 }));
    await load(page, index0());
    await removeAll(page);
    const before = await reportCount(page);
    await page.locator("cross-check input[type=file]").setInputFiles(files);
    const report = await nextReport(page, before);
    /** @param {any} r */
    const texts = (r) => r.sources.map((/** @type {any} */ s) => ({ name: s.name, length: s.length, sentences: [`by: ${s.author} | ${s.outlet} | ${s.published}`, ...s.sentences.map((/** @type {any} */ x) => `${x.role}: ${x.text}`)] }));
    const [want, got] = [texts(expected), texts(report)];
    assertEqual(got.length, want.length, "sources");
    want.forEach((source, i) => {
      const differing = source.sentences.findIndex((line, k) => got[i].sentences[k] !== line);
      assert(differing < 0 && got[i].length === source.length,
        `${source.name}: the page reads it otherwise than the CLI; first difference at sentence ${differing}: CLI ${JSON.stringify(source.sentences[differing])}, page ${JSON.stringify(got[i].sentences[differing])}`);
    });
    // What a page had beside its story is shown dimmed after it, under a line that says so, and never compared.
    const leftOut = (/** @type {any} */ s) => s.sentences.findIndex((/** @type {any} */ x) => x.text.startsWith("Left out of the comparison:"));
    const withLeftOut = report.sources.filter((/** @type {any} */ s) => leftOut(s) >= 0);
    assert(withLeftOut.length > 0, "no saved page shows what was left out of it");
    for (const source of withLeftOut) {
      const after = source.sentences.slice(leftOut(source));
      assert(after.every((/** @type {any} */ x) => x.role === "boilerplate"), `${source.name}: a left-out line is not boilerplate`);
      assert(!report.claims.some((/** @type {any} */ c) => after.some((/** @type {any} */ x) => x.id === c.sentence)), `${source.name}: a left-out line has claims`);
    }
    await showView(page, "article");
    await page.locator("cross-check #cc-article-source").selectOption(String(withLeftOut[0].id));
    const label = page.locator("cross-check .sentence.dim", { hasText: "Left out of the comparison:" });
    assertEqual(await label.count(), 1, "the left-out label, dimmed in the article view");
    const named = expected.sources.filter((/** @type {any} */ s) => s.author || s.outlet).length;
    console.log(`      ${want.length} saved pages (${real.length} real) read alike by the page and the CLI; ${named} name their author or outlet, ${withLeftOut.length} show what was left out`);
  }));

test("http: the theme toggle switches the page and the element to dark and back", () =>
  onPage({}, async (page) => {
    await load(page, index0());
    const colour = () => page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector("cross-check")?.shadowRoot?.querySelector(".base"))).color);
    const light = await colour();
    await page.locator("#theme-toggle").click();
    assertEqual(await page.evaluate(() => document.querySelector("cross-check")?.getAttribute("theme")), "dark", "theme attribute");
    assert((await colour()) !== light, "the element's colours did not change");
    assertEqual(await page.locator("#theme-toggle").getAttribute("aria-pressed"), "true", "toggle state");
    await page.locator("#theme-toggle").click();
    assertEqual(await colour(), light, "back to light");
  }));

test("http: a bad setting shows its message naming the setting, fires cross-check-error, and the element recovers", () =>
  onPage({}, async (page) => {
    await load(page, index0());
    /** The cross-check-error message after changing one attribute. @param {string} name @param {string} value */
    const refusal = (name, value) =>
      page.evaluate(
        ([name, value]) =>
          new Promise((resolve) => {
            document.addEventListener("cross-check-error", (event) => resolve(/** @type {CustomEvent} */ (event).detail.message), { once: true });
            const element = /** @type {any} */ (document.querySelector("cross-check"));
            element.setAttribute(name, value);
            if (name === "view") element.compare();
          }),
        [name, value],
      );
    const outOfRange = await refusal("min-fact-score", "2");
    assert(/minFactScore takes a number from 0 to 1, not 2/.test(String(outOfRange)), `error message: ${outOfRange}`);
    assert(/Could not compare/.test((await statusText(page)) ?? ""), "the status does not show the error");
    const notANumber = await refusal("min-fact-score", "high");
    assertEqual(notANumber, 'The min-fact-score attribute takes a number from 0 to 1, not "high".', "a score that is not a number");
    await page.evaluate(() => document.querySelector("cross-check")?.removeAttribute("min-fact-score"));
    const unknownView = await refusal("view", "fact-matrix");
    assert(/^The view attribute takes overview, matrix, .*not "fact-matrix"\.$/.test(String(unknownView)), `error message: ${unknownView}`);
    await page.evaluate(() => document.querySelector("cross-check")?.setAttribute("view", "matrix"));
    const before = await reportCount(page);
    await page.evaluate(() => document.querySelector("cross-check")?.setAttribute("min-fact-score", "0.5"));
    await nextReport(page, before);
  }));

test("http: the print stylesheet prints the report without the controls", () =>
  onPage({}, async (page) => {
    await load(page, index0());
    await page.emulateMedia({ media: "print" });
    for (const selector of [".inputs", ".exports", ".status"]) {
      assertEqual(await page.locator(`cross-check ${selector}`).isVisible(), false, `${selector} when printing`);
    }
    assert(await page.locator("cross-check [role=tabpanel]").isVisible(), "the report is not printed");
    assertEqual(await page.locator("#theme-toggle").isVisible(), false, "the theme toggle when printing");
  }));

test("http: long lists (sources, fact matrix, conflicts) are shown a page at a time", () =>
  onPage({}, async (page) => {
    await load(page, index0());
    // 120 outlets, each with a different death toll (a quantity conflict with every other
    // outlet) and a sentence of made-up words of its own (a single-source row each).
    /** A made-up word of its own for each n. @param {number} n */
    const word = (n) => [...(n * 7919 + 100_000).toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("");
    const articles = Array.from({ length: 120 }, (_, k) => ({
      name: `outlet-${String(k).padStart(3, "0")}.txt`,
      text: `Flood in Velmora\n\nThe flood in Velmora killed ${10 + k} people on Monday, the mayor Ilse Varga said.\n\n${[1, 2, 3, 4].map((i) => word(k * 5 + i)).join(" ")} was noted.\n`,
    }));
    const report = await setArticles(page, articles);
    assert(report.conflicts.length > 200, `conflicts: ${report.conflicts.length}`);
    const shown = (/** @type {string} */ selector) => page.locator(`cross-check [role=tabpanel] ${selector}`).count();
    const more = (/** @type {string} */ noun) => page.locator("cross-check [role=tabpanel] button.more", { hasText: noun });

    await showView(page, "overview");
    assertEqual(await shown("table.sources tbody tr"), 100, "sources listed at first");
    await more("sources").click();
    assertEqual(await shown("table.sources tbody tr"), 120, "sources after one click");
    assertEqual(await more("sources").count(), 0, "a button once every source is listed");

    await showView(page, "matrix");
    // 4,000 cells a page: 33 rows of 120 sources, drawn a few rows a task.
    await matrixDrawn(page);
    assertEqual(await shown("tbody tr"), 33, "matrix rows at first");
    assert(/first 33 shown/.test(await panelText(page)), "the matrix says how many rows it shows");
    const rows = matrixRowCount(report);
    assert(rows > 33, `matrix rows in all: ${rows}`);
    await more("rows").click();
    await matrixDrawn(page);
    assertEqual(await shown("tbody tr"), Math.min(rows, 66), "matrix rows after one click");

    // 120 death tolls, each against every other: thousands of pairs, one disagreement.
    await showView(page, "conflicts");
    assertEqual(new Set(report.conflicts.map((/** @type {any} */ c) => c.disagreement)).size, 1, "disagreements in the report");
    assertEqual(await shown("li.conflict-item"), 1, "one card for the one disagreement");
    assertEqual(await shown("li.conflict-item li.version"), 120, "each outlet's figure once in it");

    // A new report starts every list at its first page again (the matrix was shown further).
    await showView(page, "matrix");
    await setArticles(page, articles.slice(0, 119));
    await matrixDrawn(page);
    assertEqual(await shown("tbody tr"), Math.floor(4_000 / 119), "matrix rows for a new report");
  }));

for (const [origin, { index }] of Object.entries(ORIGINS)) {
  test(`${origin}: forty copies of each article are five sources with their copies, with the disagreements of the five`, () =>
    onPage({}, async (page) => {
      await load(page, index);
      const seeds = seedFiles();
      const files = seeds.length ? seeds : EXAMPLES.map((name) => join(WWW, "example", name));
      const originals = files.map((file) => ({ name: file.split("/").pop() ?? file, text: readFileSync(file, "utf8") }));
      /** Each disagreement as its sorted versions: free of source ids. @param {any} report */
      const disagreements = (report) => {
        /** @type {Map<number, Set<string>>} */
        const groups = new Map();
        for (const conflict of report.conflicts) {
          const group = groups.get(conflict.disagreement) ?? new Set();
          for (const value of conflict.values) group.add(value);
          groups.set(conflict.disagreement, group);
        }
        return [...groups.values()].map((group) => [...group].sort().join(" | ")).sort();
      };
      const five = await setArticles(page, originals);
      const copies = Array.from({ length: 40 }, (_, j) =>
        originals.map(({ name, text }) => ({ name: j ? `${name} (copy ${j})` : name, text })),
      ).flat();
      const report = await setArticles(page, copies);
      assertEqual(report.sources.length, copies.length, "every file is listed");
      const compared = report.sources.filter((/** @type {any} */ s) => !s.copyOf).map((/** @type {any} */ s) => s.name);
      assertEqual(compared, originals.map((a) => a.name), "the five originals are the sources compared");
      assertEqual(disagreements(report), disagreements(five), "the disagreements of the five originals");
      assertEqual(report.facts.length, five.facts.length, "the facts of the five originals");

      await showView(page, "overview");
      const figure = (/** @type {string} */ name) => page.locator(`cross-check [data-figure=${name}] dt`).innerText();
      assertEqual(await page.locator("cross-check .figures .figure dt").first().innerText(), String(originals.length), "sources in the overview");
      assertEqual(await figure("copies"), String(copies.length - originals.length), "copies in the overview");
      assertEqual(await page.locator("cross-check table.sources tbody > tr").count(), originals.length, "one row per source compared");
      assert((await panelText(page)).includes("Same text in 39 more files, counted once"), "each source names its copies");

      await showView(page, "matrix");
      assertEqual(await page.locator("cross-check table.matrix thead th").count(), originals.length + 1, "one matrix column per source compared");
      assert((await page.locator("cross-check table.matrix thead").innerText()).includes("+39 copies"), "columns say how many copies they stand for");

      await showView(page, "conflicts");
      assertEqual(await page.locator("cross-check li.conflict-item").count(), disagreements(five).length, "one card per disagreement, as for the five");

      const notes = (await entries(page)).flatMap((e) => e.notes).filter((n) => n.includes("counted as one source"));
      assert(notes.length > 0 && notes.every((n) => n.includes("word for word")), `the input panel names the copies: ${notes.slice(0, 2)}`);

      await page.evaluate(() => {
        /** @type {any} */ (document.querySelector("cross-check")).setAttribute("view", "article");
      });
      const picker = page.locator("cross-check [role=tabpanel] select").first();
      await picker.selectOption({ label: `${originals.length + 1}. ${originals[0].name} (copy 1)` });
      const note = page.locator("cross-check .copy-note");
      assert((await note.innerText()).includes(`A copy of 1. ${originals[0].name}`), `the copy's article view: ${await note.innerText()}`);
      await note.locator("button").click();
      assertEqual(await picker.inputValue(), "0", "the way to the source it copies");
    }));
}

test("http: axe-core finds no serious or critical violation in any view, light and dark, 1280 and 360 px", async () => {
  const axe = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  /** @type {string[]} */
  const found = [];
  // axe adds style elements of its own while it measures, which the page's CSP refuses (and
  // the other tests count as a violation), so it runs in a browser of its own that bypasses it.
  const browser = await chromium.launch(CHROMIUM);
  try {
  for (const colorScheme of /** @type {const} */ (["light", "dark"])) {
    for (const width of [1280, 360]) {
      const axeContext = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width, height: 900 } });
      const page = await axeContext.newPage();
      await page.addInitScript(PAGE_PROBE);
      const errors = /** @type {string[]} */ ([]);
      page.on("pageerror", (error) => errors.push(error.message));
      {
        await load(page, index0());
        await page.evaluate(axe);
        for (const view of ["overview", "matrix", "claims", "conflicts", "side", "article"]) {
          await showView(page, view);
          const violations = await page.evaluate(async () => {
            const result = await /** @type {any} */ (window).axe.run(document, { resultTypes: ["violations"] });
            return result.violations
              .filter((/** @type {any} */ v) => v.impact === "serious" || v.impact === "critical")
              .map((/** @type {any} */ v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((/** @type {any} */ n) => JSON.stringify(n.target)).join(" ")} ${v.nodes[0]?.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`);
          });
          found.push(...violations.map((/** @type {string} */ v) => `${view} ${colorScheme} ${width}px: ${v}`));
        }
      }
      found.push(...errors.map((error) => `page error: ${error}`));
      await axeContext.close();
    }
  }
  } finally {
    await browser.close();
  }
  assert(found.length === 0, `axe-core:\n      ${found.join("\n      ")}`);
});

for (const [origin, { index }] of Object.entries(ORIGINS)) {
  test(`${origin}: 200 articles are read, compared and drawn without a long freeze of the main thread (long tasks printed)`, () =>
    onPage(
      {
        init: () => {
          const w = /** @type {any} */ (window);
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration));
          }).observe({ type: "longtask", buffered: true });
        },
      },
      async (page) => {
        await load(page, index);
        // 200 different articles made of the example's sentences, each with three of its own (so
        // that none is a copy of another).
        const pool = EXAMPLES.flatMap((name) => readFileSync(join(WWW, "example", name), "utf8").split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30);
        const folder = mkdtempSync(join(tmpdir(), "crosscheck-200-"));
        const files = Array.from({ length: 200 }, (_, k) => {
          const picked = Array.from({ length: 12 }, (_, i) => pool[(k * 7 + i * 13) % pool.length]);
          const file = join(folder, `article-${String(k).padStart(3, "0")}.txt`);
          // Made-up words instead of numbers: numbers of their own would put each article in a
          // quantity conflict with the 199 others.
          const word = (/** @type {number} */ n) => [...(n * 7919 + 100_000).toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("");
          const own = [
            `The ${word(3 * k)} reporter saw the flood water in Petrivka rise after the Dolva dam spillway collapsed.`,
            `A Petrivka resident from ${word(3 * k + 1)} street said the flood reached her house below the dam.`,
            `Volunteers from ${word(3 * k + 2)} helped evacuees from the flooded Petrivka district.`,
          ];
          writeFileSync(file, `Report ${k}\n\n${own.join(" ")} ${picked.join(" ")}\n`);
          return file;
        });
        const longest = async () => {
          const tasks = await page.evaluate(() => {
            const w = /** @type {any} */ (window);
            const seen = w.__longTasks;
            w.__longTasks = [];
            return seen;
          });
          return Math.max(0, ...tasks);
        };
        await longest();
        const before = await reportCount(page);
        await page.locator("cross-check input[type=file]").setInputFiles(files);
        const report = await nextReport(page, before);
        assertEqual(report.sources.filter((/** @type {any} */ s) => !s.copyOf).length, 200, "200 sources compared");
        await page.waitForTimeout(300);
        /** @type {Record<string, number>} */
        const figures = { "read, compare, draw": await longest() };
        for (const view of ["matrix", "claims", "conflicts", "side", "article", "overview"]) {
          await showView(page, view);
          if (view === "matrix") await matrixDrawn(page);
          await page.waitForTimeout(300);
          figures[view] = await longest();
        }
        console.log(`      longest main-thread task (ms): ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(", ")}`);
        // The figures are printed for the README; the bound only catches a freeze coming back
        // (reading 200 files was one task of 311 ms, drawing the matrix 224 ms), since a timed
        // bound as tight as the 100 ms target would flake on a busy machine.
        const worst = Math.max(...Object.values(figures));
        assert(worst < 250, `a main-thread task of ${worst} ms: ${JSON.stringify(figures)}`);
      },
    ));
}

function index0() {
  return ORIGINS.http.index;
}

// ---- screenshots -----------------------------------------------------------------------------

if (takeScreenshots) {
  test("screenshots: every view at 1280 px and 360 px, light and dark", async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The theme toggle test leaves its choice in this profile's localStorage, which would
    // override the emulated colour scheme: every screenshot follows the system setting.
    const systemTheme = () => {
      try {
        localStorage.removeItem("crosscheck-theme");
      } catch {
        // no storage: nothing stored either
      }
    };
    for (const width of [1280, 360]) {
      for (const colorScheme of /** @type {const} */ (["light", "dark"])) {
        await onPage({ width, height: width === 360 ? 780 : 900, colorScheme, init: systemTheme }, async (page) => {
          await load(page, ORIGINS.http.index);
          for (const view of VIEWS) {
            await showView(page, view);
            await page.waitForTimeout(150);
            await page.screenshot({ path: join(SCREENSHOTS, `${view}-${width}-${colorScheme}.png`), fullPage: true });
          }
        });
        await onPage({ width, height: 900, colorScheme, init: systemTheme }, async (page) => {
          await page.goto(`${httpRoot}embed.html`);
          await nextReport(page, 0);
          await page.waitForTimeout(150);
          await page.screenshot({ path: join(SCREENSHOTS, `embed-${width}-${colorScheme}.png`), fullPage: true });
        });
      }
    }
    await onPage({}, async (page) => {
      await load(page, ORIGINS.file.index);
      await page.screenshot({ path: join(SCREENSHOTS, "single-file-overview-1280-light.png"), fullPage: true });
    });
  });
}

// ---- run -------------------------------------------------------------------------------------

const results = [];
const started = Date.now();
for (const { name, run } of tests) {
  foreignRequests = [];
  const t0 = Date.now();
  let error = null;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS)),
    ]);
    if (foreignRequests.length) throw new Error(`requests outside the page's own files: ${foreignRequests.join(", ")}`);
  } catch (caught) {
    error = caught;
  }
  const ms = Date.now() - t0;
  results.push({ name, ok: !error, ms });
  console.log(`${error ? "FAIL" : "ok  "} ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (error) console.log(`      ${/** @type {Error} */ (error).message.split("\n").join("\n      ")}`);
}

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });

const failed = results.filter((r) => !r.ok);
console.log(
  `\ne2e: ${results.length - failed.length} passed, ${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (takeScreenshots ? `; screenshots in ${SCREENSHOTS}` : ""),
);
process.exit(failed.length ? 1 : 0);
