// @ts-check
/**
 * Conflicts: one card per disagreement. A disagreement of one pair shows its explanation and
 * both sentences, the differing words marked with `<del>` (first source) and `<ins>` (second
 * source) plus text for screen readers; one of several pairs (a quotation in three wordings, a
 * figure against the same figure in many copies) shows each version once with the sources
 * that give it, the words that differ from the first version, and every pair's reasoning.
 * Every card can be marked "checked" or "not a conflict" and given a note (views/marks.js).
 */
import { diffInline, diffSide, hasChanges, markValue } from "./diff.js";
import { LIST_PAGE } from "./context.js";
import { h, showMoreButton, textIn } from "./dom.js";
import { disagreementKey, MAX_NOTE } from "./marks.js";

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

/**
 * The verdict as a badge: "cannot both be true" or "can both be true, but pull apart".
 * @param {Conflict[]} conflicts the pairs of one disagreement: it contradicts when one does
 */
function verdictBadge(conflicts) {
  const contradict = conflicts.some((conflict) => (conflict.verdict ?? "contradict") === "contradict");
  return h("span", {
    class: `badge verdict ${contradict ? "contradict" : "differ"}`,
    text: contradict ? "Contradict" : "Differ",
    attrs: { title: contradict ? "Both cannot be true." : "Both can be true, but they pull apart." },
  });
}

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
          model.compared.length < 2
            ? "Conflicts need at least two sources."
            : "No conflicts found: where the sources report the same fact, their numbers, quotes, places, times and roles agree.",
      }),
    ]);
  }
  const disagreements = model.disagreements;
  const counts = new Map();
  for (const group of disagreements) counts.set(group[0].kind, (counts.get(group[0].kind) ?? 0) + 1);
  const summary = [...counts]
    .map(([kind, count]) => {
      const [one, many] = KIND_COUNTS[kind] ?? [kind, kind];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(", ");
  const shown = disagreements.slice(0, state.conflicts.shown);
  const more = disagreements.length - shown.length;
  const pairs = conflicts.length === disagreements.length ? "" : ` (${conflicts.length} conflicting pairs)`;
  const marked = h("span", { class: "marks-count", text: marksSummary(context.marks.values()) });
  return h("div", { class: "conflicts-view" }, [
    h("p", { class: "count" }, [
      `${disagreements.length} ${disagreements.length === 1 ? "disagreement" : "disagreements"}${pairs}: ${summary}.${more ? ` First ${shown.length} shown.` : ""}`,
      marked,
    ]),
    h(
      "ol",
      { class: "conflicts" },
      shown.map((group) => withMarks(context, group, group.length === 1 ? item(context, group[0]) : groupItem(context, group), marked)),
    ),
    more
      ? showMoreButton(Math.min(LIST_PAGE, more), "disagreements", () => {
          state.conflicts.shown += LIST_PAGE;
          context.rerender();
        })
      : null,
  ]);
}

/** @type {Record<import("./marks.js").MarkStatus, string>} */
const MARK_LABELS = { checked: "Checked", notConflict: "Not a conflict" };

/**
 * " 2 checked, 1 not a conflict." after the count, or nothing.
 * @param {Iterable<import("./marks.js").Mark>} marks
 */
function marksSummary(marks) {
  let checked = 0;
  let dismissed = 0;
  for (const mark of marks) {
    if (mark.status === "checked") checked++;
    else if (mark.status === "notConflict") dismissed++;
  }
  const parts = [checked ? `${checked} checked` : "", dismissed ? `${dismissed} marked not a conflict` : ""].filter(Boolean);
  return parts.length ? ` You marked ${parts.join(", ")}.` : "";
}

/**
 * Adds the reader's mark buttons and note to a card, and shows its mark: a badge in words and
 * a class for the card's edge. Changes are recorded through `context.mark` and shown in place,
 * so focus and a note being typed stay where they are.
 * @param {ViewContext} context
 * @param {Conflict[]} group
 * @param {HTMLElement} card
 * @param {HTMLElement} marked the view's "you marked" line
 */
function withMarks(context, group, card, marked) {
  const key = disagreementKey(group, (id) => context.model.sentences[id]?.text ?? "");
  const stored = context.marks.get(key);
  let status = stored?.status ?? null;
  const badge = h("span", { class: "badge mark", attrs: { hidden: true } });
  const head = card.querySelector(".conflict-head");
  head?.prepend(badge, " ");
  /** @type {HTMLButtonElement[]} */
  const buttons = [];
  const show = () => {
    card.classList.toggle("marked-checked", status === "checked");
    card.classList.toggle("marked-not-conflict", status === "notConflict");
    badge.hidden = !status;
    badge.textContent = status ? MARK_LABELS[status] : "";
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.mark === status));
  };
  const record = (/** @type {import("./context.js").MarkChange} */ change) => {
    marked.textContent = marksSummary(context.mark(change));
  };
  for (const [value, label] of /** @type {[import("./marks.js").MarkStatus, string][]} */ (Object.entries(MARK_LABELS))) {
    buttons.push(
      /** @type {HTMLButtonElement} */ (
        h("button", {
          class: "chip",
          text: label,
          attrs: { type: "button", "data-mark": value, "aria-pressed": "false" },
          on: {
            click: () => {
              status = status === value ? null : value;
              record({ key, status });
              show();
            },
          },
        })
      ),
    );
  }
  const note = /** @type {HTMLTextAreaElement} */ (
    h("textarea", {
      attrs: { rows: 2, maxlength: MAX_NOTE, dir: "auto" },
      on: { input: () => record({ key, note: note.value }) },
    })
  );
  note.value = stored?.note ?? "";
  const noteBox = h("details", { class: "mark-note", attrs: { open: note.value ? true : undefined } }, [
    h("summary", { text: "Note" }),
    h("label", {}, [h("span", { class: "visually-hidden", text: "Your note on this disagreement" }), note]),
  ]);
  card.append(
    h("div", { class: "card-marks", attrs: { role: "group", "aria-label": "Your mark on this disagreement" } }, [...buttons, noteBox]),
  );
  show();
  return card;
}

/**
 * The name of a sentence's source, as a button that shows the sentence in its article.
 * @param {ViewContext} context
 * @param {import("../types").Sentence | undefined} sentence
 */
function sourceButton(context, sentence) {
  return sentence
    ? h("button", {
        class: "link",
        text: context.model.sourceName(sentence.source),
        attrs: { type: "button", dir: "auto", title: "Show this sentence in its article" },
        on: { click: () => context.show("article", sentence.id) },
      })
    : h("span", { text: "unknown source" });
}

/**
 * One disagreement of several pairs: each version once, with its sources.
 * @param {ViewContext} context
 * @param {Conflict[]} group
 */
function groupItem(context, group) {
  const { model } = context;
  /** @type {Map<string, { value: string, sentences: number[] }>} */
  const versions = new Map();
  for (const conflict of group) {
    conflict.sentences.forEach((id, index) => {
      const value = conflict.values[index] ?? "";
      const key = value.trim().toLocaleLowerCase();
      const version = versions.get(key) ?? { value, sentences: [] };
      if (!version.sentences.includes(id)) version.sentences.push(id);
      versions.set(key, version);
    });
  }
  const ordered = [...versions.values()].sort((a, b) => b.sentences.length - a.sentences.length);
  const first = ordered[0];
  const sources = new Set(ordered.flatMap((version) => version.sentences.map((id) => model.sentences[id]?.source)));
  const kind = group.some((conflict) => conflict.kind === "quote") ? "quote" : group[0].kind;
  /** The pair's diff from the first version to `version`, when one pair holds both. @param {string} value */
  const diffFromFirst = (value) => {
    for (const conflict of group) {
      const [a, b] = conflict.values;
      if (a === first.value && b === value) return conflict.diff;
    }
    return null;
  };
  const sourceButtons = (/** @type {number[]} */ sentences) => sentences.map((id) => sourceButton(context, model.sentences[id]));
  const versionItem = (/** @type {{ value: string, sentences: number[] }} */ version, /** @type {number} */ index) => {
    const diff = index > 0 ? diffFromFirst(version.value) : null;
    return h("li", { class: "version" }, [
      h("blockquote", { class: "said", attrs: { dir: "auto" } }, [diff && hasChanges(diff) ? diffInline(diff) : version.value]),
      h("p", { class: "version-sources" }, [
        h("span", { class: "label", text: version.sentences.length === 1 ? "In " : `In ${version.sentences.length} sources: ` }),
        ...sourceButtons(version.sentences).flatMap((button, k) => (k ? [", ", button] : [button])),
      ]),
    ]);
  };
  return h("li", { class: "conflict-item disagreement", attrs: { "data-kind": kind } }, [
    h("p", { class: "conflict-head" }, [
      h("span", { class: `badge kind ${kind}`, text: KIND_LABELS[kind] ?? kind }),
      " ",
      verdictBadge(group),
      " ",
      textIn("span", `${ordered.length} versions in ${sources.size} sources; the words that differ from the first are marked.`, "explanation"),
    ]),
    h("ol", { class: "versions" }, ordered.map(versionItem)),
    reasons(group),
  ]);
}

/**
 * "Why": every pair's reasoning, drawn when first opened (120 outlets with one figure each are
 * 7,140 pairs), {@link LIST_PAGE} at a time.
 * @param {Conflict[]} group
 */
function reasons(group) {
  const list = h("ul");
  let shown = 0;
  const more = h("button", { class: "more", attrs: { type: "button" } });
  const showMore = () => {
    const next = group.slice(shown, shown + LIST_PAGE);
    list.append(...next.map((conflict) => h("li", { text: conflict.explanation, attrs: { dir: "auto" } })));
    shown += next.length;
    const left = group.length - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(LIST_PAGE, left)} more pairs`;
  };
  more.addEventListener("click", showMore);
  const details = h("details", { class: "reasons" }, [h("summary", { text: `Why: the ${group.length} conflicting pairs` }), list, more]);
  details.addEventListener("toggle", () => {
    if (details.open && !shown) showMore();
  });
  return details;
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
  const values = conflict.values.filter(Boolean);
  return h("li", { class: "conflict-item", attrs: { "data-kind": conflict.kind } }, [
    h("p", { class: "conflict-head" }, [
      h("span", { class: `badge kind ${conflict.kind}`, text: KIND_LABELS[conflict.kind] ?? conflict.kind }),
      " ",
      verdictBadge([conflict]),
      " ",
      textIn("span", conflict.explanation, "explanation"),
    ]),
    values.length === 2 && conflict.diff.length
      ? h("p", { class: "values" }, [h("span", { class: "label", text: "Differs: " }), h("span", { attrs: { dir: "auto" } }, [diffInline(conflict.diff)])])
      : null,
    h("div", { class: "pair" }, [
      h("figure", {}, [h("figcaption", {}, [sourceButton(context, first)]), quoteOf(first, 0, "del")]),
      h("figure", {}, [h("figcaption", {}, [sourceButton(context, second)]), quoteOf(second, 1, "ins")]),
    ]),
  ]);
}
