import { chromium } from "playwright-core";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
const dir = "/work/main/www/example";
const pool = readdirSync(dir).flatMap((n) => readFileSync(`${dir}/${n}`, "utf8").split(/(?<=[.!?])\s+/).filter((s) => s.length > 30));
const out = mkdtempSync(join(tmpdir(), "lt-"));
const files = [];
for (let k = 0; k < 200; k++) {
  const picked = Array.from({ length: 12 }, (_, i) => pool[(k * 7 + i * 13) % pool.length]);
  const text = `Report ${k}\n\n${picked.join(" ")}\n\nOutlet ${k} adds that the river rose by ${k % 17 + 2} metres.\n`;
  const f = join(out, `article-${String(k).padStart(3, "0")}.txt`);
  writeFileSync(f, text);
  files.push(f);
}
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  window.__reports = 0;
  document.addEventListener("cross-check-report", () => window.__reports++);
});
page.on("console", (m) => { if (/^(model|coverage|inputs|panel)/.test(m.text())) console.log("  ", m.text()); });
await page.goto(process.argv[2] ?? "file:///work/main/dist/crosscheck.html");
await page.waitForFunction(() => window.__reports > 0, null, { timeout: 60000 });
await page.waitForTimeout(500);
await page.evaluate(() => { window.__long = []; window.__mark = performance.now(); });
const client = await page.context().newCDPSession(page);
await client.send("Profiler.enable");
await client.send("Profiler.setSamplingInterval", { interval: 200 });
await client.send("Profiler.start");
await page.locator("cross-check input[type=file]").setInputFiles(files);
await page.waitForFunction(() => window.__reports > 1, null, { timeout: 120000 });
await page.waitForTimeout(600);
const { profile } = await client.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join("\n"));
await page.waitForFunction(() => window.__reports > 1, null, { timeout: 120000 });
await page.waitForTimeout(1000);
console.log("reading+comparing+drawing overview:", JSON.stringify(await page.evaluate(() => window.__long.map(([s, d]) => [s - Math.round(window.__mark), d]))));
for (const view of ["matrix", "claims", "conflicts", "side", "article", "overview"]) {
  await page.evaluate(() => { window.__long = []; });
  await page.locator(`cross-check [role=tab][data-view=${view}]`).click();
  await page.waitForTimeout(800);
  if (false) {
  const { profile } = await client.send("Profiler.stop");
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); });
  if (view === "matrix" || view === "overview") console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join("\n"));
  }
  console.log(view, JSON.stringify(await page.evaluate(() => window.__long.map(([s, d]) => d))));
}
await page.locator(`cross-check [role=tab][data-view=matrix]`).click();
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const root = document.querySelector("cross-check").shadowRoot;
  const t = root.querySelector("table.matrix");
  const out = { cells: t.querySelectorAll("td").length };
  let s = performance.now(); const c = t.cloneNode(true); out.clone = performance.now() - s;
  s = performance.now(); t.parentNode.append(c); c.offsetHeight; out.layoutWhole = performance.now() - s;
  c.remove();
  s = performance.now(); const one = t.cloneNode(false); one.append(t.tHead.cloneNode(true)); const b = document.createElement("tbody"); one.append(b); t.parentNode.append(one); one.offsetHeight; out.layoutHeader = performance.now() - s;
  s = performance.now(); for (const r of [...t.tBodies[0].rows].slice(0, 5)) b.append(r.cloneNode(true)); one.offsetHeight; out.layout5rows = performance.now() - s;
  s = performance.now(); for (const r of [...t.tBodies[0].rows].slice(5, 10)) b.append(r.cloneNode(true)); one.offsetHeight; out.layoutNext5rows = performance.now() - s;
  one.remove();
  return JSON.stringify(out);
}));
await browser.close();
