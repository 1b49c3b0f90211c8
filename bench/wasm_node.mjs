// crosscheck's wasm package under node: what the page's worker runs, without the browser.
//
//   python3 tools/build.py && node bench/wasm_node.mjs      (bench/run.py runs it after bench/inputs.py)
//
// - compare(articles) on the seeds and on 5, 50, 200 and 1000 ECB+ articles: the median of
//   several runs after one warm-up run (fewer runs as the input grows);
// - our reading alone, to put beside compromise (bench/peers.mjs): compare() on each article of
//   target/bench/corpus.txt by itself, summed over the 1000 articles, best of 3 passes. With one
//   article there is nothing to align, so this is cleaning, splitting, extraction and the report.
// Rows go to target/bench/wasm-node.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "target", "bench");
const PACKAGE = join(ROOT, "target", "pkg-node", "crosscheck.js");
/** Timed runs per input after the warm-up. */
const RUNS = { seeds: 31, 5: 31, 50: 11, 200: 5, 1000: 3 };
const READING_PASSES = 3;

if (!existsSync(PACKAGE)) {
  console.error(`wasm_node: ${PACKAGE} is missing; run python3 tools/build.py first`);
  process.exit(1);
}
const engine = createRequire(import.meta.url)(PACKAGE);

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {string} name */
const readJson = (name) => JSON.parse(readFileSync(join(OUT, name), "utf8"));

const rows = [];
const inputs = [
  ["seeds", "seeds.json"],
  [5, "articles-5.json"],
  [50, "articles-50.json"],
  [200, "articles-200.json"],
  [1000, "articles-1000.json"],
];
for (const [key, file] of inputs) {
  const articles = readJson(file);
  if (!articles.length) {
    console.log(`wasm_node: ${file} is empty; skipped`);
    continue;
  }
  let report = engine.compare(articles, null);
  const times = [];
  for (let run = 0; run < RUNS[key]; run++) {
    const started = performance.now();
    report = engine.compare(articles, null);
    times.push(performance.now() - started);
  }
  const ms = median(times);
  rows.push({
    tool: "crosscheck wasm (node)", version: engine.version(), measure: "compare", input: String(key), articles: articles.length,
    value: ms, unit: "ms", runs: times.length, min: Math.min(...times), max: Math.max(...times),
    facts: report.facts.length, conflicts: report.conflicts.length,
  });
  console.log(`wasm_node: compare ${key} (${articles.length} articles): median ${ms.toFixed(2)} ms of ${times.length} runs, ${report.facts.length} facts, ${report.conflicts.length} conflicts`);
}

{
  const corpus = readFileSync(join(OUT, "corpus.txt"), "utf8");
  const megabytes = Buffer.byteLength(corpus, "utf8") / 1e6;
  const articles = corpus.split("\n\n").map((text, i) => [{ name: `article-${i}`, text }]);
  let best = Infinity;
  let sentences = 0;
  for (let pass = 0; pass < READING_PASSES; pass++) {
    sentences = 0;
    const started = performance.now();
    for (const single of articles) sentences += engine.compare(single, null).sources[0].sentences.length;
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  rows.push({
    tool: "crosscheck wasm (node)", version: engine.version(), measure: "read articles", input: "corpus.txt",
    value: megabytes / best, unit: "MB/s", seconds: best, megabytes, articles: articles.length, sentences,
  });
  console.log(`wasm_node: reading ${articles.length} single articles: ${(megabytes / best).toFixed(3)} MB/s (${best.toFixed(2)} s, ${sentences} sentences)`);
}

writeFileSync(join(OUT, "wasm-node.json"), JSON.stringify(rows, null, 1));
