// Tests of www/views/decisions.js (pure: runs in node, no browser).
//
//   node www/e2e/decisions.test.mjs        (www/e2e/run.mjs runs them too)
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { decide, decisionFor, deriveCoverage, fitting, loadDecisions, pairKey, saveDecisions, storageKey, withoutPair } from "../views/decisions.js";

/**
 * A small v2 report: three sources; claims 0 and 1 form fact 0; claim 2 is possible (close to
 * 3 in source 1 and 5 in source 2); 3 is single but lists 2 as closest; 4 is single with
 * nothing close; 5 is possible, close to 2; 6 (inside sentence 2, nested) is single.
 */
function report() {
  /** @param {number} id @param {number} source @param {string} text */
  const sentence = (id, source, text) => ({ id, source, text, start: 0, end: text.length, role: "body", facts: [] });
  /** @param {number} id @param {number} s @param {string} text @param {string} support @param {any[]} closest @param {number | null} [fact] */
  const claim = (id, s, text, support, closest, fact = null) => ({ id, sentence: s, start: 0, end: text.length, text, speaker: null, fact, support, closest });
  const sentences = [
    sentence(0, 0, "The dam broke."),
    sentence(1, 0, "About 4,000 left."),
    sentence(2, 0, "Cracks were seen, a deputy said."),
    sentence(3, 1, "The dam gave way."),
    sentence(4, 1, "Thousands fled."),
    sentence(5, 2, "Some 4,000 people were moved."),
  ];
  const claims = [
    claim(0, 0, "The dam broke.", "shared", [], 0),
    claim(1, 3, "The dam gave way.", "shared", [], 0),
    claim(2, 1, "About 4,000 left.", "possible", [
      { claim: 3, source: 1, score: 0.61 },
      { claim: 5, source: 2, score: 0.48 },
    ]),
    claim(3, 4, "Thousands fled.", "single", [{ claim: 2, source: 0, score: 0.61 }]),
    claim(4, 2, "Cracks were seen", "single", []),
    claim(5, 5, "Some 4,000 people were moved.", "possible", [{ claim: 2, source: 0, score: 0.48 }]),
    claim(6, 2, "a deputy said", "single", []),
  ];
  /** @param {number} id @param {string} name @param {any[]} own @param {number[]} singles */
  const source = (id, name, own, singles) => ({ id, name, title: "", length: 100, sentences: own, summary: { bodySentences: own.length, sharedSentences: 0, claims: 0, sharedClaims: 0, possibleClaims: 0, singleSourceShare: 0, singleSourceClaims: singles } });
  return /** @type {any} */ ({
    schemaVersion: 2,
    sources: [source(0, "a.txt", sentences.slice(0, 3), [6, 4]), source(1, "b.txt", sentences.slice(3, 5), [3]), source(2, "c.txt", sentences.slice(5), [])],
    claims,
    facts: [{ id: 0, claims: [0, 1], sentences: [0, 3], sources: [0, 1], label: "The dam broke.", hasQuote: false, hasQuantity: false }],
    quotes: [], quantities: [], entities: [], times: [], conflicts: [], alignments: [], similarity: [], warnings: [],
  });
}

/** @type {[string, () => void][]} */
const cases = [
  ["without decisions, support and counts are the report's", () => {
    const r = report();
    const c = deriveCoverage(r, []);
    assert.deepEqual(c.support, ["shared", "shared", "possible", "single", "single", "possible", "single"]);
    assert.deepEqual(c.sources.map((s) => [s.claims, s.shared, s.possible, s.single]), [[4, 1, 1, 2], [2, 1, 0, 1], [1, 0, 1, 0]]);
    assert.deepEqual(c.sources[0].singleClaims, [6, 4], "the report's order (checkable first) is kept");
    assert.equal(c.sources[0].singleShare, 0.5);
    assert.deepEqual(c.totals, { claims: 7, shared: 2, confirmed: 0, possible: 2, single: 3, accepted: 0, rejected: 0 });
    assert.deepEqual(c.candidates[2].map((x) => x.claim), [3, 5]);
  }],
  ["an accepted match makes both claims shared", () => {
    const r = report();
    const c = deriveCoverage(r, [decisionFor(r, 2, 3, "accept")]);
    assert.equal(c.support[2], "shared");
    assert.equal(c.support[3], "shared");
    assert.deepEqual([...c.confirmed].sort(), [2, 3]);
    assert.deepEqual(c.matches.get(3), [2]);
    assert.deepEqual(c.sources.map((s) => [s.shared, s.confirmed, s.possible, s.single]), [[2, 1, 0, 2], [2, 1, 0, 0], [0, 0, 1, 0]]);
    assert.deepEqual(c.sources[1].singleClaims, []);
    assert.equal(c.support[5], "possible", "5 keeps its own candidate");
    assert.equal(c.totals.accepted, 1);
  }],
  ["a rejected match leaves the lists; a possible claim with every candidate rejected becomes single", () => {
    const r = report();
    let decisions = [decisionFor(r, 2, 3, "reject")];
    let c = deriveCoverage(r, decisions);
    assert.deepEqual(c.candidates[2].map((x) => x.claim), [5]);
    assert.deepEqual(c.candidates[3], [], "the rejection counts both ways");
    assert.equal(c.support[2], "possible");
    assert.equal(c.support[3], "single");
    decisions = decide(decisions, decisionFor(r, 5, 2, "reject"));
    c = deriveCoverage(r, decisions);
    assert.equal(c.support[2], "single");
    assert.equal(c.support[5], "single");
    assert.deepEqual(c.sources[0].singleClaims, [6, 4, 2], "claims made single come after the report's");
    assert.deepEqual(c.sources[2].singleClaims, [5]);
    assert.deepEqual(c.sources.map((s) => s.possible), [0, 0, 0]);
    assert.equal(c.totals.rejected, 2);
  }],
  ["a single claim stays single when its candidates are rejected, and can be matched", () => {
    const r = report();
    assert.equal(deriveCoverage(r, [decisionFor(r, 3, 2, "reject")]).support[3], "single");
    assert.equal(deriveCoverage(r, [decisionFor(r, 4, 1, "accept")]).support[4], "shared");
  }],
  ["possible claims are listed with the closest candidate first", () => {
    const r = report();
    r.claims[5].closest = [{ claim: 2, source: 0, score: 0.9 }];
    r.sources[2].sentences.push({ id: 6, source: 2, text: "x", start: 0, end: 1, role: "body", facts: [] });
    r.claims.push({ id: 7, sentence: 6, start: 0, end: 1, text: "x", speaker: null, fact: null, support: "possible", closest: [{ claim: 2, source: 0, score: 0.3 }] });
    assert.deepEqual(deriveCoverage(r, []).sources[2].possibleClaims, [5, 7]);
    r.claims[7].closest[0].score = 0.95;
    assert.deepEqual(deriveCoverage(r, []).sources[2].possibleClaims, [7, 5]);
  }],
  ["one decision per pair, whichever way round; undo removes it", () => {
    const r = report();
    let decisions = decide([], decisionFor(r, 2, 3, "accept"));
    decisions = decide(decisions, decisionFor(r, 3, 2, "reject"));
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0].verdict, "reject");
    assert.equal(pairKey(3, 2), pairKey(2, 3));
    assert.deepEqual(withoutPair(decisions, 2, 3), []);
  }],
  ["stored decisions that no longer fit the report are dropped", () => {
    const r = report();
    const good = decisionFor(r, 2, 3, "accept");
    const kept = fitting(r, [
      good,
      { ...decisionFor(r, 2, 5, "reject"), otherText: "another text" },
      decisionFor(r, 4, 2, "accept"),
      { claim: 2, other: 99, verdict: "accept", claimText: "About 4,000 left.", otherText: "" },
      { claim: "2", other: 3, verdict: "accept", claimText: good.claimText, otherText: good.otherText },
      { ...good, verdict: "maybe" },
      null,
      7,
    ]);
    assert.deepEqual(kept, [good]);
    assert.deepEqual(fitting(r, "nonsense"), []);
    assert.deepEqual(fitting(r, [good, { ...good, verdict: "reject" }]).map((d) => d.verdict), ["reject"], "the last decision on a pair wins");
  }],
  ["the storage key depends on every name and text; decisions round-trip through storage", () => {
    const articles = [{ name: "a.txt", text: "One." }, { name: "b.txt", text: "Two." }];
    const key = storageKey(articles);
    assert.equal(key, storageKey(articles.map((a) => ({ ...a }))));
    assert.notEqual(key, storageKey([{ name: "a.txt", text: "One!" }, articles[1]]));
    assert.notEqual(key, storageKey([{ name: "b.txt", text: "One." }, articles[1]]));
    assert.notEqual(key, storageKey([articles[1], articles[0]]));
    assert.notEqual(storageKey([{ name: "ab", text: "c" }]), storageKey([{ name: "a", text: "bc" }]));
    assert.ok(!key.includes("One"), "no text in the key");
    const r = report();
    /** @type {Map<string, string>} */
    const store = new Map();
    const storage = { getItem: (/** @type {string} */ k) => store.get(k) ?? null, setItem: (/** @type {string} */ k, /** @type {string} */ v) => void store.set(k, v), removeItem: (/** @type {string} */ k) => void store.delete(k) };
    const decisions = [decisionFor(r, 2, 3, "accept"), decisionFor(r, 2, 5, "reject")];
    saveDecisions(storage, key, decisions);
    assert.deepEqual(loadDecisions(storage, key, r), decisions);
    saveDecisions(storage, key, []);
    assert.equal(store.size, 0, "no decisions: the key is removed");
    store.set(key, "{not json");
    assert.deepEqual(loadDecisions(storage, key, r), []);
    assert.deepEqual(loadDecisions(null, key, r), []);
    const throwing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); }, removeItem: () => {} };
    assert.deepEqual(loadDecisions(throwing, key, r), []);
    saveDecisions(throwing, key, decisions);
  }],
];

/** Runs every case; throws on the first failure. */
export function runDecisionTests() {
  for (const [name, run] of cases) {
    try {
      run();
    } catch (error) {
      throw new Error(`decisions.js: ${name}: ${/** @type {Error} */ (error).message}`);
    }
  }
  return cases.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = runDecisionTests();
  console.log(`decisions.js: ${count} cases passed`);
}
