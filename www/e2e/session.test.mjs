// Tests of www/views/marks.js and www/session.js (pure: run in node, no browser).
//
//   node www/e2e/session.test.mjs        (www/e2e/run.mjs runs them too)
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { disagreementKey, fittingMarks, loadMarks, marksKey, MAX_NOTE, saveMarks, setMark } from "../views/marks.js";
import { readSession, SESSION_FORMAT, SESSION_VERSION, writeSession } from "../session.js";

/** @param {string} kind @param {string[]} values @param {number} disagreement */
const conflict = (kind, values, disagreement) => ({ kind, values, disagreement, sentences: [0, 1], fact: null, diff: [], explanation: "", verdict: "contradict" });

/** Sentence texts by id, as a report's would be. @param {number} id */
const textOf = (id) => ["The governor said we will rebuild.", "We shall rebuild, he said.", "The rally was on Tuesday.", "The rally was on Wednesday."][id] ?? "";

const quote = [conflict("quote", ["We will rebuild", "We shall rebuild"], 0), conflict("quoteOmission", ["We will rebuild", "We will"], 0)];
const toll = [conflict("quantity", ["At least 12 people", "Eight people"], 1)];

/** @type {[string, () => void][]} */
const cases = [
  ["a disagreement's key is its kind and versions, free of ids, order and case", () => {
    const moved = [conflict("quote", [" we will rebuild", "We shall rebuild"], 7), conflict("quote", ["We will", "WE WILL REBUILD"], 7)];
    assert.equal(disagreementKey(quote, textOf), disagreementKey(moved, textOf));
    assert.notEqual(disagreementKey(quote, textOf), disagreementKey(toll, textOf));
    assert.notEqual(disagreementKey(toll, textOf), disagreementKey([conflict("time", ["At least 12 people", "Eight people"], 1)], textOf), "the kind counts");
    const elsewhere = [{ ...toll[0], sentences: [2, 3] }];
    assert.notEqual(disagreementKey(toll, textOf), disagreementKey(elsewhere, textOf), "the same versions in other sentences are another disagreement");
  }],
  ["setting a status or a note keeps the other part; a mark with neither is dropped", () => {
    const key = disagreementKey(toll, textOf);
    let marks = setMark([], { key, status: "checked" });
    assert.deepEqual(marks, [{ key, status: "checked", note: "" }]);
    marks = setMark(marks, { key, note: "Called the hospital." });
    assert.deepEqual(marks, [{ key, status: "checked", note: "Called the hospital." }]);
    marks = setMark(marks, { key, status: null });
    assert.deepEqual(marks, [{ key, status: null, note: "Called the hospital." }]);
    assert.deepEqual(setMark(marks, { key, note: "  " }), []);
    assert.equal(setMark([], { key, note: "x".repeat(MAX_NOTE + 5) })[0].note.length, MAX_NOTE, "a note is cut at the limit");
  }],
  ["stored marks are kept only when well-formed and on a disagreement of this report", () => {
    const groups = [quote, toll];
    const key = disagreementKey(toll, textOf);
    const stored = [
      { key, status: "checked", note: "first" },
      { key: "quantity\u241fgone", status: "checked", note: "" },
      { key: disagreementKey(quote, textOf), status: "maybe", note: "" },
      { key: disagreementKey(quote, textOf), status: null, note: 5 },
      null,
      "nonsense",
      { key, status: "notConflict", note: "last wins" },
    ];
    assert.deepEqual(fittingMarks(groups, stored, textOf), [{ key, status: "notConflict", note: "last wins" }]);
    assert.deepEqual(fittingMarks(groups, { key }, textOf), []);
  }],
  ["marks are stored beside the decisions and survive broken storage", () => {
    const store = new Map();
    const storage = { getItem: (/** @type {string} */ k) => store.get(k) ?? null, setItem: (/** @type {string} */ k, /** @type {string} */ v) => store.set(k, v), removeItem: (/** @type {string} */ k) => store.delete(k) };
    const key = marksKey("crosscheck-decisions:2:00000000aaaaaaaa");
    assert.equal(key, "crosscheck-marks:2:00000000aaaaaaaa");
    const marks = setMark([], { key: disagreementKey(toll, textOf), status: "checked" });
    saveMarks(storage, key, marks);
    assert.deepEqual(loadMarks(storage, key, [toll], textOf), marks);
    saveMarks(storage, key, []);
    assert.equal(store.has(key), false);
    store.set(key, "{broken");
    assert.deepEqual(loadMarks(storage, key, [toll], textOf), []);
    const throwing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("full"); }, removeItem: () => {} };
    assert.deepEqual(loadMarks(throwing, key, [toll], textOf), []);
    saveMarks(throwing, key, marks);
  }],
  ["a session written is read back as it was", () => {
    const session = {
      articles: [{ name: "a.txt", text: "The dam broke.\n" }, { name: "ب.txt", text: "سد \u202e\"quoted\"" }],
      decisions: [{ claim: 0, other: 3, verdict: "accept", claimText: "x", otherText: "y" }],
      marks: [{ key: disagreementKey(toll, textOf), status: "checked", note: "n" }],
      minFactScore: 0.4,
    };
    const text = writeSession(session, "crosscheck 0.1.0");
    const data = JSON.parse(text);
    assert.equal(data.format, SESSION_FORMAT);
    assert.equal(data.version, SESSION_VERSION);
    assert.equal(data.generator, "crosscheck 0.1.0");
    assert.deepEqual(readSession(text), { session });
    assert.deepEqual(readSession(writeSession({ ...session, minFactScore: null }, "g")), { session: { ...session, minFactScore: null } });
  }],
  ["a file that is not a session gets a reason, never an exception", () => {
    /** @param {string} text */
    const reason = (text) => {
      const result = readSession(text);
      assert.ok("error" in result, `read ${text.slice(0, 40)} as a session`);
      return result.error;
    };
    assert.match(reason("{oops"), /not valid JSON/);
    assert.match(reason('{"rows": [1]}'), /not a crosscheck session/);
    assert.match(reason("null"), /not a crosscheck session/);
    assert.match(reason(JSON.stringify({ format: SESSION_FORMAT, version: SESSION_VERSION + 1, articles: [] })), /newer crosscheck/);
    assert.match(reason(JSON.stringify({ format: SESSION_FORMAT, version: 1, articles: [] })), /no articles/);
    assert.match(reason(JSON.stringify({ format: SESSION_FORMAT, version: 1, articles: [{ name: "a" }] })), /article 1 has no name or text/);
    const odd = readSession(JSON.stringify({ format: SESSION_FORMAT, version: 1, articles: [{ name: "a", text: "t" }], decisions: "x", marks: {}, minFactScore: "high" }));
    assert.deepEqual(odd, { session: { articles: [{ name: "a", text: "t" }], decisions: [], marks: [], minFactScore: null } });
  }],
];

/** Runs every case; throws on the first failure. */
export function runSessionTests() {
  for (const [name, run] of cases) {
    try {
      run();
    } catch (error) {
      throw new Error(`marks.js / session.js: ${name}: ${/** @type {Error} */ (error).message}`);
    }
  }
  return cases.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = runSessionTests();
  console.log(`marks.js / session.js: ${count} cases passed`);
}
