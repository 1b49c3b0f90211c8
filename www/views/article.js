// @ts-check
/**
 * Article: one source's original text, boilerplate and off-topic parts dimmed, marks from
 * the report's UTF-16 offsets (`text.slice(start, end)`): every claim with its support
 * (shared, matched by the reader, possible or single: a visible tag, a line pattern and words
 * for screen readers), quotes with their speaker on hover and focus, quantities, entities and
 * times with what the engine read.
 */
import { h, hidden, textIn } from "./dom.js";
import { copyDifference } from "./model.js";
import { SUPPORT, shownOf, supportTag } from "./support.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("../types").Sentence} Sentence */

/**
 * A marked span inside a sentence. Marks nest: claims outermost (an aside claim inside its
 * clause), then quotes, times, names and numbers; a mark that crosses the end of the one
 * around it is cut in two there, so no text is ever lost or marked twice.
 * @typedef {object} Mark
 * @property {number} start
 * @property {number} end
 * @property {"claim" | "quote" | "quantity" | "entity" | "time"} kind
 * @property {string} describe what the engine read, for the tooltip or title
 * @property {string} [kindName] entity kind, for styling
 * @property {number} [claim] the claim's id (kind "claim")
 * @property {import("./support.js").Shown} [state] the claim's support as shown (kind "claim")
 * @property {boolean} [continued] a later piece of a mark cut in two: no tag, no tooltip
 */

/** Longest marks first at the same start; at the same span, claims wrap quotes wrap names. */
const KIND_ORDER = { claim: 0, quote: 1, time: 2, entity: 3, quantity: 4 };

/** @type {Record<string, string>} */
const BOUND_WORDS = {
  exact: "exactly",
  approximate: "about",
  atLeast: "at least",
  moreThan: "more than",
  atMost: "at most",
  lessThan: "less than",
  range: "between",
};

/**
 * For a copy of another source: which one, how it differs, and a way to it. A copy has no
 * marks of its own: it is compared as the source it copies.
 * @param {ViewContext} context
 * @param {import("../types").Source} source
 */
function copyNote(context, source) {
  const copy = source.copyOf;
  if (!copy) {
    const copies = context.model.copies.get(source.id)?.length ?? 0;
    if (!copies) return null;
    return h("p", { class: "note copy-note", text: `The same text is in ${copies} more ${copies === 1 ? "file" : "files"}; they are counted as this one source.` });
  }
  const original = context.model.report.sources[copy.source];
  const differing = copy.differing.map((id) => context.model.sentences[id]).filter(Boolean);
  return h("div", { class: "note copy-note", attrs: { role: "note" } }, [
    h("p", {}, [
      `A copy of ${original.id + 1}. `,
      textIn("span", original.name),
      ` (${copyDifference(source)}): it is compared as that source, so it adds no coverage and no conflicts. `,
      h("button", {
        class: "link",
        text: `Read ${original.name}`,
        attrs: { type: "button", dir: "auto" },
        on: {
          click: () => {
            context.state.article.source = original.id;
            context.state.article.focus = null;
            context.rerender();
          },
        },
      }),
    ]),
    differing.length
      ? h("details", { class: "differing" }, [
          h("summary", { text: differing.length === 1 ? "The sentence that differs" : `The ${differing.length} sentences that differ` }),
          h("ul", {}, differing.map((sentence) => textIn("li", sentence.text))),
        ])
      : null,
  ]);
}

/** @param {ViewContext} context */
export function renderArticle(context) {
  const { model, state, texts, idPrefix } = context;
  const sources = model.report.sources;
  const article = state.article;
  article.source = Math.min(Math.max(0, article.source), sources.length - 1);
  const source = sources[article.source];
  const text = texts[source.id] ?? source.sentences.map((s) => s.text).join("\n");
  const picker = h(
    "select",
    {
      attrs: { id: `${idPrefix}-article-source` },
      on: {
        change: (/** @type {Event} */ event) => {
          article.source = Number(/** @type {HTMLSelectElement} */ (event.target).value);
          article.focus = null;
          context.rerender();
          context.root.getElementById(`${idPrefix}-article-source`)?.focus();
        },
      },
    },
    sources.map((s) => h("option", { text: `${s.id + 1}. ${s.name}`, attrs: { value: s.id, selected: s.id === source.id } })),
  );
  const body = h("div", { class: "article-text", attrs: { dir: "auto" } });
  const quotes = model.report.quotes.filter((quote) => model.sentences[quote.sentence]?.source === source.id);
  let tooltip = 0;
  let position = 0;
  for (const sentence of source.sentences) {
    const start = clamp(sentence.start, position, text.length);
    const end = clamp(sentence.end, start, text.length);
    body.append(text.slice(position, start));
    const marks = marksOf(context, quotes, sentence, start, end);
    body.append(sentenceElement(context, sentence, text, start, end, marks, () => `${idPrefix}-tip-${tooltip++}`));
    position = end;
  }
  body.append(text.slice(position));
  const view = h("div", { class: "article-view" }, [
    h("div", { class: "toolbar" }, [h("label", { class: "field" }, [h("span", { text: "Source" }), picker])]),
    copyNote(context, source),
    source.copyOf ? null : legend(),
    h("div", { class: "article-layout" }, [
      h("article", { class: "original", attrs: { "aria-label": source.name } }, [body]),
      source.copyOf ? null : claimsList(context, source, quotes),
    ]),
  ]);
  if (article.focus !== null) {
    const target = /** @type {HTMLElement | null} */ (body.querySelector(`[data-sentence="${article.focus}"]`));
    if (target) {
      target.classList.add("focused");
      target.tabIndex = -1;
      requestAnimationFrame(() => {
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      });
    }
  }
  return view;
}

/**
 * What the engine found in one source, beside the text: its claims by support (with a way to
 * check those no other source shares), who said what (quotations, then reported speech without
 * quotation marks), numbers, names, times.
 * @param {ViewContext} context
 * @param {import("../types").Source} source
 * @param {import("../types").Quote[]} quotes
 */
function claimsList(context, source, quotes) {
  const { model, coverage } = context;
  const ids = source.sentences.map((s) => s.id);
  const counts = coverage.sources[source.id];
  const unshared = counts ? counts.possible + counts.single : 0;
  const support = counts
    ? [
        h("h3", { text: `Claims (${counts.claims})` }),
        h("ul", { class: "support-counts" }, [
          h("li", {}, [supportTag("shared"), ` ${counts.shared - counts.confirmed} shared`]),
          counts.confirmed ? h("li", {}, [supportTag("matched"), ` ${counts.confirmed} matched by you`]) : null,
          h("li", {}, [supportTag("possible"), ` ${counts.possible} possible`]),
          h("li", {}, [supportTag("single"), ` ${counts.single} single-source`]),
        ]),
        unshared
          ? h("button", {
              class: "link check-these",
              text: `Check the ${unshared} not shared`,
              attrs: { type: "button" },
              on: {
                click: () => {
                  context.state.claims.source = source.id;
                  context.state.claims.filter = "all";
                  context.show("claims");
                },
              },
            })
          : null,
      ]
    : [];
  const quantities = ids.flatMap((id) => model.quantities.get(id) ?? []);
  const times = ids.flatMap((id) => model.times.get(id) ?? []);
  const entities = [...new Map(ids.flatMap((id) => model.mentions.get(id) ?? []).map(({ entity }) => [entity.id, entity])).values()];
  const section = (/** @type {string} */ title, /** @type {HTMLElement[]} */ items) =>
    items.length ? [h("h3", { text: `${title} (${items.length})` }), h("ul", {}, items)] : [];
  const children = [
    ...support,
    ...section(
      "Quotes",
      quotes.map((quote) =>
        h("li", {}, [
          h("span", { class: "who", text: quote.speaker ? `${quote.speaker}${quote.partial ? " (partial)" : ""}` : "Speaker not found", attrs: { dir: "auto" } }),
          h("span", { text: `“${quote.text}”`, attrs: { dir: "auto" } }),
        ]),
      ),
    ),
    ...section(
      "Reported speech",
      model.report.attributions
        .filter((attribution) => !attribution.direct && model.sentences[attribution.sentence]?.source === source.id)
        .map((attribution) => {
          const entity = attribution.source.entity === null ? null : model.report.entities[attribution.source.entity];
          const who = entity && !attribution.source.text.includes(entity.name) ? `${attribution.source.text} (${entity.name})` : attribution.source.text;
          return h("li", {}, [
            h("span", {
              class: "who",
              text: /^according to$/i.test(attribution.cue.text) ? `according to ${who}` : `${who} ${attribution.cue.text}`,
              attrs: { dir: "auto" },
            }),
            h("span", { text: attribution.content.text, attrs: { dir: "auto" } }),
          ]);
        }),
    ),
    ...section("Numbers", quantities.map((quantity) => h("li", { attrs: { dir: "auto", title: describeQuantity(quantity) } }, [quantity.text]))),
    ...section(
      "Names",
      entities.map((entity) =>
        h("li", {}, [
          h("span", { text: entity.name, attrs: { dir: "auto" } }),
          ` (${entity.kind})`,
          entity.variants.length > 1 ? h("span", { class: "variants", text: `also: ${entity.variants.filter((v) => v !== entity.name).join(", ")}`, attrs: { dir: "auto" } }) : null,
        ]),
      ),
    ),
    ...section("Times", times.map((time) => h("li", { text: `${time.text} (${time.value})`, attrs: { dir: "auto" } }))),
  ];
  return h("aside", { class: "claims-list", attrs: { "aria-label": "Claims in this article" } }, children.length ? children : [h("p", { class: "note", text: "No claims, quotes, numbers, names or times were marked in this article." })]);
}

/**
 * @param {number} value
 * @param {number} low
 * @param {number} high
 */
function clamp(value, low, high) {
  return Math.min(Math.max(Number.isFinite(value) ? value : low, low), high);
}

/** Every mark the article view uses, each shown as it looks in the text. */
function legend() {
  const item = (/** @type {string} */ className, /** @type {string} */ label) =>
    h("li", {}, [h("span", { class: `sample ${className}`, text: label })]);
  const claim = (/** @type {import("./support.js").Shown} */ state) =>
    h("li", {}, [h("span", { class: `sample support ${state}` }, [supportTag(state), SUPPORT[state].legend])]);
  return h("div", { class: "legend-block" }, [
    h("ul", { class: "legend", attrs: { "aria-label": "Legend: claims" } }, [
      h("li", { class: "legend-title", text: "Claims:" }),
      claim("shared"),
      claim("matched"),
      claim("possible"),
      claim("single"),
    ]),
    h("ul", { class: "legend", attrs: { "aria-label": "Legend: other marks" } }, [
      h("li", { class: "legend-title", text: "Also marked:" }),
      item("mark quote", "quote (speaker on hover or focus)"),
      item("mark quantity", "number"),
      item("mark entity", "name"),
      item("mark time", "time"),
      item("has-conflict", "sentence in a conflict"),
      item("dim", "boilerplate or off-topic"),
    ]),
  ]);
}

/**
 * @param {ViewContext} context
 * @param {Sentence} sentence
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {Mark[]} marks
 * @param {() => string} nextTooltipId
 */
function sentenceElement(context, sentence, text, start, end, marks, nextTooltipId) {
  const dimmed = sentence.role === "boilerplate" || sentence.role === "offtopic";
  const element = h("span", {
    class: `sentence ${sentence.role}${dimmed ? " dim" : ""}${context.model.conflicts.has(sentence.id) ? " has-conflict" : ""}`,
    attrs: { "data-sentence": sentence.id, "data-role": sentence.role },
  });
  if (dimmed) element.append(hidden(`(${sentence.role === "offtopic" ? "off-topic" : "boilerplate"}) `));
  if (sentence.role === "title") element.append(hidden("(title) "));
  fill(element, text, start, end, marks, nextTooltipId);
  return element;
}

/**
 * The marks inside one sentence, clipped to it and sorted for nesting.
 * @param {ViewContext} context
 * @param {import("../types").Quote[]} quotes the quotes of the sentence's source
 * @param {Sentence} sentence
 * @param {number} start
 * @param {number} end
 * @returns {Mark[]}
 */
function marksOf(context, quotes, sentence, start, end) {
  const { model, coverage } = context;
  /** @type {Mark[]} */
  const marks = [];
  const add = (/** @type {Mark} */ mark) => {
    const from = Math.max(mark.start, start);
    const to = Math.min(mark.end, end);
    if (to > from) marks.push({ ...mark, start: from, end: to });
  };
  for (const claim of model.claimsBySentence.get(sentence.id) ?? []) {
    const state = shownOf(coverage, claim);
    add({ start: claim.start, end: claim.end, kind: "claim", claim: claim.id, state, describe: SUPPORT[state].spoken });
  }
  // A quote that spans sentences is attached to the sentence it starts in; every sentence it
  // covers shows its part.
  for (const quote of quotes) {
    if (quote.end <= start || quote.start >= end) continue;
    const speaker = quote.speaker ? `Said by ${quote.speaker}` : "Speaker not found";
    add({ start: quote.start, end: quote.end, kind: "quote", describe: quote.partial ? `${speaker} (partial quote)` : speaker });
  }
  for (const quantity of model.quantities.get(sentence.id) ?? []) {
    add({ start: quantity.start, end: quantity.end, kind: "quantity", describe: describeQuantity(quantity) });
  }
  for (const time of model.times.get(sentence.id) ?? []) {
    add({ start: time.start, end: time.end, kind: "time", describe: `Time (${time.kind}): ${time.value}` });
  }
  for (const { entity, mention } of model.mentions.get(sentence.id) ?? []) {
    const others = entity.variants.filter((variant) => variant !== mention.text && variant !== entity.name);
    const also = others.length ? `; also written ${others.join(", ")}` : "";
    add({
      start: mention.start,
      end: mention.end,
      kind: "entity",
      kindName: entity.kind,
      describe: `${entity.kind[0].toUpperCase()}${entity.kind.slice(1)}: ${entity.name}${also}`,
    });
  }
  return marks.sort(byNesting);
}

/** @param {Mark} a @param {Mark} b */
function byNesting(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/** @param {import("../types").Quantity} quantity */
export function describeQuantity(quantity) {
  const unit = quantity.unit ? ` ${quantity.unit}` : "";
  const bound = BOUND_WORDS[quantity.bound] ?? quantity.bound;
  const value =
    quantity.bound === "range" && quantity.low !== null && quantity.high !== null
      ? `${quantity.low}–${quantity.high}`
      : String(quantity.value);
  return `Number: ${quantity.bound === "range" ? "between" : bound} ${value}${unit}`;
}

/**
 * Appends text[from..to) to `parent`, wrapping the marks (sorted by {@link byNesting}, inside
 * the range). A mark that runs past the end of the mark around it is cut there: its first
 * piece nests inside, the rest comes after.
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {Mark[]} marks
 * @param {() => string} nextTooltipId
 */
function fill(parent, text, from, to, marks, nextTooltipId) {
  let position = from;
  let rest = marks;
  while (rest.length) {
    const [mark, ...others] = rest;
    const start = Math.max(mark.start, position);
    const end = Math.min(mark.end, to);
    if (end <= start) {
      rest = others;
      continue;
    }
    /** @type {Mark[]} */
    const inside = [];
    /** @type {Mark[]} */
    const after = [];
    for (const other of others) {
      if (other.start >= end) after.push(other);
      else if (other.end <= end) inside.push(other);
      else {
        inside.push({ ...other, end });
        after.push({ ...other, start: end, continued: true });
      }
    }
    parent.append(text.slice(position, start));
    const element = markElement(mark);
    fill(element, text, start, end, inside, nextTooltipId);
    if (mark.kind === "quote" && !mark.continued) {
      const id = nextTooltipId();
      element.tabIndex = 0;
      element.setAttribute("aria-describedby", id);
      element.append(h("span", { class: "tip", text: mark.describe, attrs: { role: "tooltip", id } }));
    }
    parent.append(element);
    position = end;
    rest = after.sort(byNesting);
  }
  parent.append(text.slice(position, to));
}

/** @param {Mark} mark */
function markElement(mark) {
  if (mark.kind === "claim") {
    const state = mark.state ?? "single";
    const element = h("span", {
      class: `support ${state}${mark.continued ? " continued" : ""}`,
      attrs: { "data-claim": mark.claim, "data-support": state },
    });
    if (!mark.continued) element.append(supportTag(state));
    return element;
  }
  const element = h("span", { class: `mark ${mark.kind}`, attrs: { "data-kind": mark.kindName } });
  if (mark.kind !== "quote") element.title = mark.describe;
  return element;
}
