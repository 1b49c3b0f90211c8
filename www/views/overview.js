// @ts-check
/**
 * Overview: per source its name, title, claims (shared, possible) and single-source share as
 * a bar, all after the reader's decisions on close claims; the similarity heatmap between
 * sources; the headline figures of the comparison.
 */
import { LIST_PAGE } from "./context.js";
import { h, hidden, percent, showMoreButton, textIn } from "./dom.js";
import { copyDifference } from "./model.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */

/** Beyond this many sources the heatmap would be unreadable; it shows the first ones. */
const HEATMAP_LIMIT = 20;
/** Single-source claims listed per source. */
const CLAIMS_SHOWN = 3;

/** @param {ViewContext} context */
export function renderOverview(context) {
  const { model, coverage } = context;
  const report = model.report;
  const n = model.compared.length;
  const copies = report.sources.length - n;
  const sharedByAll = report.facts.filter((fact) => n > 1 && fact.sources.length === n).length;
  const totals = coverage.totals;
  const figures = h("dl", { class: "figures" }, [
    figure(String(n), n === 1 ? "source" : "sources"),
    copies ? figure(String(copies), copies === 1 ? "copy of another file, counted once" : "copies of other files, counted once", "copies") : null,
    figure(String(report.facts.length), report.facts.length === 1 ? "fact in several sources" : "facts in several sources"),
    figure(String(sharedByAll), "reported by all"),
    figure(`${totals.shared}/${totals.claims}`, totals.confirmed ? `claims shared (${totals.confirmed} matched by you)` : "claims shared", "shared"),
    figure(String(totals.possible), totals.possible === 1 ? "possible claim" : "possible claims", "possible"),
    figure(String(totals.single), totals.single === 1 ? "single-source claim" : "single-source claims", "single"),
    figure(String(model.disagreements.length), model.disagreements.length === 1 ? "disagreement" : "disagreements"),
    figure(String(report.quotes.length), report.quotes.length === 1 ? "quote" : "quotes"),
  ]);
  return h("div", { class: "overview" }, [
    figures,
    n < 2 ? h("p", { class: "note", text: "Add at least one more article to see what the sources share." }) : null,
    sourcesTable(context),
    n > 1 ? heatmap(context) : null,
  ]);
}

/**
 * @param {string} value
 * @param {string} label
 * @param {string} [name] for tests and styles
 */
function figure(value, label, name) {
  return h("div", { class: "figure", attrs: { "data-figure": name } }, [h("dt", { text: value }), h("dd", { text: label })]);
}

/**
 * The sources table, {@link LIST_PAGE} sources at a time: a table of a thousand sources takes
 * the browser most of a second to lay out.
 * @param {ViewContext} context
 */
function sourcesTable({ model, coverage, show, state, rerender }) {
  const sources = model.compared;
  const rows = sources.slice(0, state.overview.shown).map((source) => {
    const counts = coverage.sources[source.id];
    const share = counts?.singleShare ?? 0;
    const bar = h("span", { class: "bar", attrs: { "aria-hidden": "true" } }, [h("span", { class: "bar-fill" })]);
    /** @type {HTMLElement} */ (bar.firstChild).style.setProperty("--share", String(Math.max(0, Math.min(1, share))));
    const singles = counts?.singleClaims ?? [];
    const claims = singles.slice(0, CLAIMS_SHOWN).map((id) => model.claims[id]).filter(Boolean);
    const unshared = counts ? counts.possible + counts.single : 0;
    const check = () => {
      state.claims.source = source.id;
      state.claims.filter = "all";
      show("claims");
    };
    /** @param {import("../types").Source} which */
    const read = (which) =>
      h("button", {
        class: "link",
        text: which.name,
        attrs: { type: "button", dir: "auto", "aria-label": `Read ${which.name}` },
        on: {
          click: () => {
            state.article.source = which.id;
            show("article");
          },
        },
      });
    const copies = model.copies.get(source.id) ?? [];
    return h("tr", {}, [
      h("th", { attrs: { scope: "row" } }, [h("span", { class: "source-number", text: `${source.id + 1}` }), " ", read(source)]),
      h("td", { class: "title-cell" }, [
        textIn("span", source.title || "(no title)", "source-title"),
        byline(source),
        copies.length
          ? h("details", { class: "copies" }, [
              h("summary", { text: `Same text in ${copies.length} more ${copies.length === 1 ? "file" : "files"}, counted once` }),
              h("ul", {}, copies.map((copy) => h("li", {}, [h("span", { class: "source-number", text: `${copy.id + 1}` }), " ", read(copy), ` (${copyDifference(copy)})`]))),
            ])
          : null,
        claims.length
          ? h("details", { class: "claims" }, [
              h("summary", { text: `Only in this source (${singles.length})` }),
              h("ul", {}, claims.map((claim) => textIn("li", claim.text))),
            ])
          : null,
        unshared
          ? h("button", {
              class: "link check-these",
              text: `Check the ${unshared} not shared`,
              attrs: { type: "button", "aria-label": `Check the ${unshared} not shared: the claims of ${source.name} no other source shares` },
              on: { click: check },
            })
          : null,
      ]),
      h("td", { class: "number claims-cell" }, [
        h("span", { class: "claims-total", text: String(counts?.claims ?? 0) }),
        h("span", { class: "claims-split", text: `${counts?.shared ?? 0} shared, ${counts?.possible ?? 0} possible` }),
      ]),
      h("td", { class: "share" }, [
        bar,
        h("span", { class: "share-text", text: percent(share) }),
        h("span", { class: "share-of", text: ` (${counts?.single ?? 0} of ${counts?.claims ?? 0})` }),
      ]),
    ]);
  });
  const table = h("table", { class: "sources" }, [
    h("caption", { text: "Sources" }),
    h("thead", {}, [
      h("tr", {}, [
        h("th", { text: "Source", attrs: { scope: "col" } }),
        h("th", { text: "Title", attrs: { scope: "col" } }),
        h("th", { text: "Claims", attrs: { scope: "col", title: "Checkable claims in the body sentences" } }),
        h("th", { text: "Single-source share", attrs: { scope: "col", title: "Share of the claims nothing in another source comes close to" } }),
      ]),
    ]),
    h("tbody", {}, rows),
  ]);
  if (rows.length === sources.length) return table;
  return h("div", { class: "sources-list" }, [
    table,
    h("p", { class: "count", text: `First ${rows.length} of ${sources.length} sources shown.` }),
    showMoreButton(Math.min(LIST_PAGE, sources.length - rows.length), "sources", () => {
      state.overview.shown += LIST_PAGE;
      rerender();
    }),
  ]);
}

/**
 * Who wrote a source, for which outlet and when, those it gives: "By Mara Lindqvist · Dolva
 * Valley Courier · dated 15 October 2031".
 * @param {import("../types").Source} source
 */
function byline(source) {
  const parts = [source.author ? `By ${source.author}` : "", source.outlet ?? "", source.published ? `dated ${dateName(source.published)}` : ""];
  const text = parts.filter(Boolean).join(" \u00b7 ");
  return text ? textIn("span", text, "source-byline") : null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A normalised date as an editor reads it: "2031-10-15" → "15 October 2031", "--10-15" →
 * "15 October"; anything else as it is.
 * @param {string} value
 */
export function dateName(value) {
  const match = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return value;
  return `${Number(match[3])} ${month}${match[1] === "-" ? "" : ` ${match[1]}`}`;
}

/** @param {ViewContext} context */
function heatmap({ model }) {
  const sources = model.compared.slice(0, HEATMAP_LIMIT);
  const similarity = model.report.similarity;
  const head = h("tr", {}, [
    h("td", {}),
    ...sources.map((source) =>
      h("th", { attrs: { scope: "col", title: source.name } }, [h("span", { text: String(source.id + 1) }), hidden(` ${source.name}`)]),
    ),
  ]);
  const body = sources.map((row) =>
    h("tr", {}, [
      h("th", { attrs: { scope: "row" } }, [h("span", { class: "source-number", text: String(row.id + 1) }), " ", textIn("span", row.name, "heat-name")]),
      ...sources.map((column) => {
        if (row.id === column.id) return h("td", { class: "heat self" }, [h("span", { text: "—", attrs: { "aria-hidden": "true" } }), hidden("same source")]);
        const value = Number(similarity[row.id]?.[column.id] ?? 0);
        const cell = h("td", { class: "heat", text: percent(value), attrs: { title: `${row.name} and ${column.name}: ${percent(value)} shared` } });
        cell.style.setProperty("--similarity", String(Math.max(0, Math.min(1, value))));
        return cell;
      }),
    ]),
  );
  return h("section", { class: "heatmap-section", attrs: { "aria-labelledby": "heatmap-title" } }, [
    h("h3", { text: "How much the sources share", attrs: { id: "heatmap-title" } }),
    h("p", { class: "note", text: "Share of claims each pair of sources has in common: the stronger the colour, the more they share (each cell gives the percentage)." }),
    model.compared.length > HEATMAP_LIMIT
      ? h("p", { class: "note", text: `Showing the first ${HEATMAP_LIMIT} of ${model.compared.length} sources.` })
      : null,
    // Focusable, so that a keyboard can scroll it when it is wider than the screen.
    h("div", { class: "scroll", attrs: { tabindex: 0, role: "region", "aria-labelledby": "heatmap-title" } }, [
      h("table", { class: "heatmap" }, [h("thead", {}, [head]), h("tbody", {}, body)]),
    ]),
  ]);
}
