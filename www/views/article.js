// @ts-check
/**
 * Article: one source's original text, boilerplate and off-topic parts dimmed, claims
 * highlighted from the report's UTF-16 offsets (`text.slice(start, end)`): quotes with their
 * speaker on hover and focus, quantities, entities and times with what the engine read.
 */
import { h, hidden } from "./dom.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("../types").Sentence} Sentence */

/**
 * A highlighted span inside a sentence.
 * @typedef {object} Claim
 * @property {number} start
 * @property {number} end
 * @property {"quote" | "quantity" | "entity" | "time"} kind
 * @property {string} describe what the engine read, for the tooltip or title
 * @property {string} [kindName] entity kind, for styling
 */

/** Longest claims first at the same start, so an enclosing quote wraps the names in it. */
const KIND_ORDER = { quote: 0, time: 1, entity: 2, quantity: 3 };

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
    const claims = claimsOf(model, quotes, sentence, start, end);
    body.append(sentenceElement(context, sentence, text, start, end, claims, () => `${idPrefix}-tip-${tooltip++}`));
    position = end;
  }
  body.append(text.slice(position));
  const view = h("div", { class: "article-view" }, [
    h("div", { class: "toolbar" }, [h("label", { class: "field" }, [h("span", { text: "Source" }), picker])]),
    legend(),
    h("div", { class: "article-layout" }, [
      h("article", { class: "original", attrs: { "aria-label": source.name } }, [body]),
      claimsList(model, source, quotes),
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
 * The claims of one source as lists beside the text: who said what, numbers, names, times.
 * @param {import("./model.js").Model} model
 * @param {import("../types").Source} source
 * @param {import("../types").Quote[]} quotes
 */
function claimsList(model, source, quotes) {
  const ids = source.sentences.map((s) => s.id);
  const quantities = ids.flatMap((id) => model.quantities.get(id) ?? []);
  const times = ids.flatMap((id) => model.times.get(id) ?? []);
  const entities = [...new Map(ids.flatMap((id) => model.mentions.get(id) ?? []).map(({ entity }) => [entity.id, entity])).values()];
  const section = (/** @type {string} */ title, /** @type {HTMLElement[]} */ items) =>
    items.length ? [h("h3", { text: `${title} (${items.length})` }), h("ul", {}, items)] : [];
  const children = [
    ...section(
      "Quotes",
      quotes.map((quote) =>
        h("li", {}, [
          h("span", { class: "who", text: quote.speaker ? `${quote.speaker}${quote.partial ? " (partial)" : ""}` : "Speaker not found", attrs: { dir: "auto" } }),
          h("span", { text: `“${quote.text}”`, attrs: { dir: "auto" } }),
        ]),
      ),
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
  return h("aside", { class: "claims-list", attrs: { "aria-label": "Claims in this article" } }, children.length ? children : [h("p", { class: "note", text: "No quotes, numbers, names or times were marked in this article." })]);
}

/**
 * @param {number} value
 * @param {number} low
 * @param {number} high
 */
function clamp(value, low, high) {
  return Math.min(Math.max(Number.isFinite(value) ? value : low, low), high);
}

function legend() {
  const item = (/** @type {string} */ className, /** @type {string} */ label) =>
    h("li", {}, [h("span", { class: `sample ${className}`, text: label })]);
  return h("ul", { class: "legend", attrs: { "aria-label": "Legend" } }, [
    item("claim quote", "quote (speaker on hover or focus)"),
    item("claim quantity", "number"),
    item("claim entity", "name"),
    item("claim time", "time"),
    item("dim", "boilerplate or off-topic"),
  ]);
}

/**
 * @param {ViewContext} context
 * @param {Sentence} sentence
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {Claim[]} claims
 * @param {() => string} nextTooltipId
 */
function sentenceElement(context, sentence, text, start, end, claims, nextTooltipId) {
  const dimmed = sentence.role === "boilerplate" || sentence.role === "offtopic";
  const element = h("span", {
    class: `sentence ${sentence.role}${dimmed ? " dim" : ""}${context.model.conflicts.has(sentence.id) ? " has-conflict" : ""}`,
    attrs: { "data-sentence": sentence.id, "data-role": sentence.role },
  });
  if (dimmed) element.append(hidden(`(${sentence.role === "offtopic" ? "off-topic" : "boilerplate"}) `));
  if (sentence.role === "title") element.append(hidden("(title) "));
  fill(element, text, start, end, claims, nextTooltipId);
  return element;
}

/**
 * The claims inside one sentence, clipped to it and sorted for nesting.
 * @param {import("./model.js").Model} model
 * @param {import("../types").Quote[]} quotes the quotes of the sentence's source
 * @param {Sentence} sentence
 * @param {number} start
 * @param {number} end
 * @returns {Claim[]}
 */
function claimsOf(model, quotes, sentence, start, end) {
  /** @type {Claim[]} */
  const claims = [];
  const add = (/** @type {Omit<Claim, "start" | "end"> & {start: number, end: number}} */ claim) => {
    const from = Math.max(claim.start, start);
    const to = Math.min(claim.end, end);
    if (to > from) claims.push({ ...claim, start: from, end: to });
  };
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
  return claims.sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
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
 * Appends text[from..to) to `parent`, wrapping the claims (sorted, inside the range).
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {Claim[]} claims
 * @param {() => string} nextTooltipId
 */
function fill(parent, text, from, to, claims, nextTooltipId) {
  let position = from;
  let i = 0;
  while (i < claims.length) {
    const claim = claims[i];
    const start = Math.max(claim.start, position);
    const end = Math.min(claim.end, to);
    let j = i + 1;
    while (j < claims.length && claims[j].start < end) j++;
    if (end > start) {
      parent.append(text.slice(position, start));
      const element = claimElement(claim);
      fill(element, text, start, end, claims.slice(i + 1, j), nextTooltipId);
      if (claim.kind === "quote") {
        const id = nextTooltipId();
        element.tabIndex = 0;
        element.setAttribute("aria-describedby", id);
        element.append(h("span", { class: "tip", text: claim.describe, attrs: { role: "tooltip", id } }));
      }
      parent.append(element);
      position = end;
    }
    i = j;
  }
  parent.append(text.slice(position, to));
}

/** @param {Claim} claim */
function claimElement(claim) {
  const element = h("span", { class: `claim ${claim.kind}`, attrs: { "data-kind": claim.kindName } });
  if (claim.kind !== "quote") element.title = claim.describe;
  return element;
}
