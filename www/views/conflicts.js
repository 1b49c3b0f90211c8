// @ts-check
/**
 * Conflicts: each disagreement with its explanation and both sentences, the differing words
 * marked with `<del>` (first source) and `<ins>` (second source) plus text for screen readers.
 */
import { diffInline, diffSide, hasChanges, markValue } from "./diff.js";
import { LIST_PAGE } from "./context.js";
import { h, showMoreButton, textIn } from "./dom.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("../types").Conflict} Conflict */

/** How a count of conflicts of each kind reads ("5 quote conflicts" reads as "5 quotes"). @type {Record<string, [string, string]>} */
const KIND_COUNTS = {
  quantity: ["number", "numbers"],
  quote: ["quote", "quotes"],
  quoteOmission: ["shortened quote", "shortened quotes"],
  place: ["place", "places"],
  time: ["time", "times"],
  role: ["role", "roles"],
};

/** @type {Record<string, string>} */
const KIND_LABELS = {
  quantity: "Numbers",
  quote: "Quote",
  quoteOmission: "Shortened quote",
  place: "Place",
  time: "Time",
  role: "Role",
};

/**
 * The conflicts, {@link LIST_PAGE} at a time (each is two quoted sentences with a diff; a
 * thousand of them take seconds to lay out).
 * @param {ViewContext} context
 */
export function renderConflicts(context) {
  const { model, state } = context;
  const conflicts = model.report.conflicts;
  if (!conflicts.length) {
    return h("div", { class: "conflicts-view" }, [
      h("p", {
        class: "empty",
        text:
          model.report.sources.length < 2
            ? "Conflicts need at least two sources."
            : "No conflicts found: where the sources report the same fact, their numbers, quotes, places, times and roles agree.",
      }),
    ]);
  }
  const counts = new Map();
  for (const conflict of conflicts) counts.set(conflict.kind, (counts.get(conflict.kind) ?? 0) + 1);
  const summary = [...counts]
    .map(([kind, count]) => {
      const [one, many] = KIND_COUNTS[kind] ?? [kind, kind];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(", ");
  const shown = conflicts.slice(0, state.conflicts.shown);
  const more = conflicts.length - shown.length;
  return h("div", { class: "conflicts-view" }, [
    h("p", {
      class: "count",
      text: `${conflicts.length} ${conflicts.length === 1 ? "conflict" : "conflicts"}: ${summary}.${more ? ` First ${shown.length} shown.` : ""}`,
    }),
    h("ol", { class: "conflicts" }, shown.map((conflict) => item(context, conflict))),
    more
      ? showMoreButton(Math.min(LIST_PAGE, more), "conflicts", () => {
          state.conflicts.shown += LIST_PAGE;
          context.rerender();
        })
      : null,
  ]);
}

/**
 * @param {ViewContext} context
 * @param {Conflict} conflict
 */
function item(context, conflict) {
  const { model } = context;
  const [firstId, secondId] = conflict.sentences;
  const first = model.sentences[firstId];
  const second = model.sentences[secondId];
  const pair = first && second ? model.alignment(first.id, second.id) : undefined;
  /** @type {[DocumentFragment, DocumentFragment] | undefined} */
  let marked;
  if (pair && hasChanges(pair.alignment.diff)) {
    const [sideOfFirst, sideOfSecond] = pair.swapped ? /** @type {const} */ (["b", "a"]) : /** @type {const} */ (["a", "b"]);
    marked = [diffSide(pair.alignment.diff, sideOfFirst), diffSide(pair.alignment.diff, sideOfSecond)];
  }
  const quoteOf = (/** @type {typeof first} */ sentence, /** @type {number} */ index, /** @type {"del" | "ins"} */ tag) =>
    h("blockquote", { class: "said", attrs: { dir: "auto" } }, [
      marked ? marked[index] : markValue(sentence?.text ?? "", conflict.values[index] ?? "", tag),
    ]);
  const sourceButton = (/** @type {typeof first} */ sentence) =>
    sentence
      ? h("button", {
          class: "link",
          text: model.sourceName(sentence.source),
          attrs: { type: "button", dir: "auto", title: "Show this sentence in its article" },
          on: { click: () => context.show("article", sentence.id) },
        })
      : h("span", { text: "unknown source" });
  const values = conflict.values.filter(Boolean);
  return h("li", { class: "conflict-item", attrs: { "data-kind": conflict.kind } }, [
    h("p", { class: "conflict-head" }, [
      h("span", { class: `badge kind ${conflict.kind}`, text: KIND_LABELS[conflict.kind] ?? conflict.kind }),
      " ",
      textIn("span", conflict.explanation, "explanation"),
    ]),
    values.length === 2 && conflict.diff.length
      ? h("p", { class: "values" }, [h("span", { class: "label", text: "Differs: " }), h("span", { attrs: { dir: "auto" } }, [diffInline(conflict.diff)])])
      : null,
    h("div", { class: "pair" }, [
      h("figure", {}, [h("figcaption", {}, [sourceButton(first)]), quoteOf(first, 0, "del")]),
      h("figure", {}, [h("figcaption", {}, [sourceButton(second)]), quoteOf(second, 1, "ins")]),
    ]),
  ]);
}
