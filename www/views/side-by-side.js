// @ts-check
/**
 * Side by side: two chosen sources in two columns, each sentence next to the one the other
 * source aligned with it (word diff marked, a conflict between them named), sentences without a
 * partner in their place with their support (shared with a third source, possible or single).
 */
import { diffSide, hasChanges } from "./diff.js";
import { h, hidden } from "./dom.js";
import { SUPPORT, shownOf, supportTag } from "./support.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("../types").Sentence} Sentence */
/** @typedef {{ left: Sentence | null, right: Sentence | null }} Line */

/** The state a sentence of several claims shows: its best supported claim's (SUPPORT lists them best first). */
const SHOWN_ORDER = /** @type {import("./support.js").Shown[]} */ (Object.keys(SUPPORT));

/** @param {ViewContext} context */
export function renderSideBySide(context) {
  const { model, state, idPrefix } = context;
  // A copy says what the source it copies says, so only compared sources are offered.
  const sources = model.compared;
  if (sources.length < 2) {
    return h("div", { class: "side-view" }, [h("p", { class: "empty", text: "Side by side needs at least two sources." })]);
  }
  const side = state.side;
  const ids = sources.map((source) => source.id);
  if (!ids.includes(side.a)) side.a = ids[0];
  if (!ids.includes(side.b) || side.b === side.a) side.b = ids.find((id) => id !== side.a) ?? ids[1];
  const picker = (/** @type {"a" | "b"} */ which, /** @type {string} */ label) => {
    const select = h(
      "select",
      {
        attrs: { id: `${idPrefix}-side-${which}` },
        on: {
          change: (/** @type {Event} */ event) => {
            const chosen = Number(/** @type {HTMLSelectElement} */ (event.target).value);
            const other = which === "a" ? "b" : "a";
            if (chosen === side[other]) side[other] = side[which];
            side[which] = chosen;
            context.rerender();
            context.root.getElementById(`${idPrefix}-side-${which}`)?.focus();
          },
        },
      },
      sources.map((source) =>
        h("option", { text: `${source.id + 1}. ${source.name}`, attrs: { value: source.id, selected: side[which] === source.id } }),
      ),
    );
    return h("label", { class: "field" }, [h("span", { text: label }), select]);
  };
  const lines = align(context, side.a, side.b);
  const paired = lines.filter((line) => line.left && line.right).length;
  const left = model.report.sources[side.a];
  const right = model.report.sources[side.b];
  return h("div", { class: "side-view" }, [
    h("div", { class: "toolbar" }, [picker("a", "Left"), picker("b", "Right")]),
    h("p", { class: "count", text: `${paired} aligned ${paired === 1 ? "pair" : "pairs"}; words only one side has are marked.` }),
    h("div", { class: "scroll" }, [
      h("table", { class: "side" }, [
        h("caption", { class: "visually-hidden", text: `${left.name} and ${right.name} side by side` }),
        h("thead", {}, [
          h("tr", {}, [
            h("th", { attrs: { scope: "col", dir: "auto" }, text: left.name }),
            h("th", { attrs: { scope: "col", dir: "auto" }, text: right.name }),
          ]),
        ]),
        h("tbody", {}, lines.map((line) => renderLine(context, line))),
      ]),
    ]),
  ]);
}

/**
 * Pairs each left sentence with the first right sentence (in text order) that shares one of
 * its facts and is not paired yet. A sentence may take part in several facts (its claims),
 * and a line holds one sentence a side, so the first free partner is taken.
 * @param {Sentence[]} leftSentences
 * @param {Sentence[]} rightSentences
 * @returns {Map<number, Sentence>} left sentence id -> right sentence
 */
export function pairSentences(leftSentences, rightSentences) {
  /** @type {Map<number, Sentence[]>} fact id -> right sentences, in text order */
  const rightByFact = new Map();
  for (const sentence of rightSentences) {
    for (const fact of sentence.facts ?? []) {
      const list = rightByFact.get(fact);
      if (list) list.push(sentence);
      else rightByFact.set(fact, [sentence]);
    }
  }
  /** @type {Map<number, Sentence>} */
  const partner = new Map();
  const taken = new Set();
  for (const sentence of leftSentences) {
    /** @type {Sentence | undefined} */
    let match;
    for (const fact of sentence.facts ?? []) {
      for (const candidate of rightByFact.get(fact) ?? []) {
        if (!taken.has(candidate.id) && (!match || candidate.id < match.id)) match = candidate;
      }
    }
    if (match) {
      partner.set(sentence.id, match);
      taken.add(match.id);
    }
  }
  return partner;
}

/**
 * Merges the two sources' sentences into lines: an aligned pair shares a line at the left
 * sentence's place; a sentence without a partner gets a line of its own, in text order.
 * @param {ViewContext} context
 * @param {number} a
 * @param {number} b
 * @returns {Line[]}
 */
function align({ model }, a, b) {
  const leftSentences = model.report.sources[a].sentences;
  const rightSentences = model.report.sources[b].sentences;
  const partner = pairSentences(leftSentences, rightSentences);
  const paired = new Set([...partner.values()].map((s) => s.id));
  /** @type {Line[]} */
  const lines = [];
  let next = 0;
  const flushRightBefore = (/** @type {number} */ limit) => {
    while (next < rightSentences.length && rightSentences[next].id < limit) {
      const sentence = rightSentences[next++];
      if (!paired.has(sentence.id)) lines.push({ left: null, right: sentence });
    }
  };
  for (const sentence of leftSentences) {
    const match = partner.get(sentence.id);
    if (match) {
      flushRightBefore(match.id);
      lines.push({ left: sentence, right: match });
    } else {
      lines.push({ left: sentence, right: null });
    }
  }
  flushRightBefore(Infinity);
  return lines;
}

/**
 * @param {ViewContext} context
 * @param {Line} line
 */
function renderLine({ model, coverage }, { left, right }) {
  const pair = left && right ? model.alignment(left.id, right.id) : undefined;
  const between = left && right ? (model.conflicts.get(left.id) ?? []).filter((c) => right && c.sentences.includes(right.id)) : [];
  const diff = pair && hasChanges(pair.alignment.diff) ? pair.alignment : undefined;
  const column = (/** @type {Sentence | null} */ sentence, /** @type {"left" | "right"} */ where) => {
    if (!sentence) return h("td", { class: "gap" }, [hidden("no matching sentence")]);
    const dimmed = sentence.role === "boilerplate" || sentence.role === "offtopic";
    const td = h("td", { class: dimmed ? `dim ${sentence.role}` : sentence.role, attrs: { dir: "auto" } });
    if (dimmed) td.append(hidden(`(${sentence.role === "offtopic" ? "off-topic" : "boilerplate"}) `));
    if (where === "left" && between.length) {
      td.append(h("span", { class: "badge conflict", text: "conflict", attrs: { title: between.map((c) => c.explanation).join("\n") } }), " ");
    }
    // A sentence without a partner here may still be reported by a third source: say which.
    if (!(left && right) && sentence.role === "body") {
      const states = (model.claimsBySentence.get(sentence.id) ?? []).map((claim) => shownOf(coverage, claim));
      const state = SHOWN_ORDER.find((s) => states.includes(s));
      if (state) td.append(supportTag(state), " ");
    }
    if (diff && pair) {
      const first = where === "left" ? !pair.swapped : pair.swapped;
      td.append(diffSide(diff.diff, first ? "a" : "b"));
    } else {
      td.append(sentence.text);
    }
    return td;
  };
  return h("tr", { class: left && right ? "aligned" : "unaligned" }, [column(left, "left"), column(right, "right")]);
}
