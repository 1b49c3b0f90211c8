// JavaScript peers beside crosscheck, in node (bench/run.py runs this after bench/inputs.py).
//
//   (cd bench && npm ci) && node bench/peers.mjs
//
// - sbd: golden-rule accuracy, scored as src/eval/segment.rs scores our splitter, and
//   sentence-splitting throughput on target/bench/corpus.txt (in one call, and article by article);
// - compromise: sentences + .numbers() + .quotations() over the corpus article by article, the
//   nearest JavaScript thing to crosscheck's reading of an article (also scored on the golden rules);
// - jsdiff: diffWords over target/bench/pairs.json, the sentence pairs crosscheck aligns.
// Throughput is the best of 3 passes; rows go to target/bench/peers-node.json.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(HERE, "..", "target", "bench");
const GOLDEN = resolve(HERE, "..", "..", "shared", "data", "golden_rules_en", "golden_rules_en.json");
const RUNS = 3;

const require = createRequire(import.meta.url);
const sbd = require("sbd");
const { default: nlp } = await import("compromise");
const { diffWords } = await import("diff");
/** @param {string} name */
const versionOf = (name) => JSON.parse(readFileSync(join(HERE, "node_modules", name, "package.json"), "utf8")).version;

// Rust's char::is_whitespace, which our scorer's split_whitespace uses (JavaScript's \s differs: U+FEFF, U+0085).
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** @param {string} text */
const words = (text) => text.split(WHITESPACE).filter(Boolean);
/** @param {string[]} actual @param {string[]} expected */
const sameSentences = (actual, expected) =>
  actual.length === expected.length && actual.every((sentence, i) => words(sentence).join(" ") === words(expected[i]).join(" "));

/** @param {(text: string) => string[]} split */
function goldenRules(split) {
  const cases = JSON.parse(readFileSync(GOLDEN, "utf8"));
  const failures = cases.filter((/** @type {any} */ c) => !sameSentences(split(c.input), c.expected)).map((/** @type {any} */ c) => c.id);
  return { passed: cases.length - failures.length, total: cases.length, failures };
}

/**
 * The fastest of RUNS passes of `work` over `items`, in seconds, and what the last pass counted.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => number} work
 */
function bestOf(items, work) {
  let best = Infinity;
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    count = 0;
    for (const item of items) count += work(item);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return { seconds: best, count };
}

const corpus = readFileSync(join(OUT, "corpus.txt"), "utf8");
const articles = corpus.split("\n\n");
const megabytes = Buffer.byteLength(corpus, "utf8") / 1e6;
const pairs = /** @type {[string, string][]} */ (JSON.parse(readFileSync(join(OUT, "pairs.json"), "utf8")));
const rows = [];

/** @param {string} text */
const sbdSplit = (text) => sbd.sentences(text);
{
  const version = versionOf("sbd");
  const golden = goldenRules(sbdSplit);
  rows.push({ tool: "sbd", version, measure: "golden rules", input: "golden_rules_en.json", value: golden.passed, total: golden.total, unit: "cases", failures: golden.failures });
  let line = `peers: sbd ${version}: golden rules ${golden.passed}/${golden.total}`;
  for (const [measure, texts] of /** @type {[string, string[]][]} */ ([["split corpus", [corpus]], ["split articles", articles]])) {
    const { seconds, count } = bestOf(texts, (text) => sbdSplit(text).length);
    rows.push({ tool: "sbd", version, measure, input: "corpus.txt", value: megabytes / seconds, unit: "MB/s", seconds, megabytes, sentences: count });
    line += `, ${measure} ${(megabytes / seconds).toFixed(3)} MB/s (${seconds.toFixed(2)} s, ${count} sentences)`;
  }
  console.log(line);
}

{
  const version = versionOf("compromise");
  const golden = goldenRules((text) => nlp(text).sentences().out("array"));
  rows.push({ tool: "compromise", version, measure: "golden rules", input: "golden_rules_en.json", value: golden.passed, total: golden.total, unit: "cases", failures: golden.failures });
  // Values, not just spans, of the numbers, as crosscheck reads quantities' values.
  const { seconds, count } = bestOf(articles, (text) => {
    const doc = nlp(text);
    return doc.sentences().out("array").length + doc.numbers().get().length + doc.quotations().out("array").length;
  });
  rows.push({ tool: "compromise", version, measure: "read articles", input: "corpus.txt", value: megabytes / seconds, unit: "MB/s", seconds, megabytes, items: count });
  console.log(`peers: compromise ${version}: golden rules ${golden.passed}/${golden.total}, sentences+numbers+quotations ${(megabytes / seconds).toFixed(3)} MB/s (${seconds.toFixed(2)} s for ${articles.length} articles)`);
}

{
  const version = versionOf("diff");
  const { seconds, count } = bestOf(pairs, ([a, b]) => diffWords(a, b).length);
  const perPair = (seconds * 1e6) / pairs.length;
  rows.push({ tool: "jsdiff", version, measure: "diff pairs", input: "pairs.json", value: perPair, unit: "µs/pair", seconds, pairs: pairs.length, changes: count });
  console.log(`peers: jsdiff ${version}: diffWords ${perPair.toFixed(1)} µs per pair (${pairs.length} pairs in ${seconds.toFixed(3)} s)`);
}

writeFileSync(join(OUT, "peers-node.json"), JSON.stringify(rows, null, 1));
