// @ts-check
/**
 * Fact matrix: rows are facts over claims (claims of several sources that state the same
 * thing) and then the claims no other source shares; columns are sources; each cell holds a
 * source's sentence with its claim marked inside it. Sorting, filters and search; an ARIA
 * grid navigable with the arrow keys, Home/End, Page Up/Down; a click or Enter opens the
 * sentence in its article.
 */
import { h, hidden, showMoreButton, textIn } from "./dom.js";
import { cellsOf, searchable, searchTextOf } from "./model.js";
import { claimInSentence, shownOf, supportTag } from "./support.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("./context.js").MatrixState} MatrixState */
/** @typedef {import("./model.js").Row} Row */

/** @type {[MatrixState["filter"], string][]} */
const FILTERS = [
  ["all", "All"],
  ["shared", "Shared by all"],
  ["possible", "Possible"],
  ["single", "Single-source"],
  ["conflicts", "Conflicts"],
  ["quotes", "Quotes"],
  ["numbers", "Numbers"],
];

/** @type {[MatrixState["sort"], string][]} */
const SORTS = [
  ["coverage", "Coverage (most sources first)"],
  ["appearance", "First appearance"],
  ["conflicts", "Conflicts first"],
];

/** Rows a Page Up / Page Down moves. */
const PAGE_ROWS = 10;

/** Cells a page of rows may hold; see {@link rowsPerPage}. */
const CELLS_PER_PAGE = 4_000;

/**
 * Rows shown at first and added by each "show more": about {@link CELLS_PER_PAGE} cells,
 * between 10 and 200 rows. With a thousand sources every row is a thousand cells, and
 * 200 such rows took the browser 25 seconds to lay out.
 * @param {number} sourceCount
 */
function rowsPerPage(sourceCount) {
  return Math.max(10, Math.min(200, Math.floor(CELLS_PER_PAGE / Math.max(1, sourceCount))));
}

/**
 * Cells drawn in one task. Ten thousand cells (50 rows of 200 sources) took 224 ms at once;
 * drawn in tasks of this many, no task on the main thread passes 100 ms and the page answers
 * the keyboard and mouse in between.
 */
const CELLS_PER_TASK = 400;

/**
 * Fills `tbody` with one row element per item, {@link CELLS_PER_TASK} cells per task: the first
 * task now, the others each after the next frame while the body is still in the page (a new
 * render replaces it, and its remaining rows are then dropped). `table` gets `data-drawn` once
 * every row is in.
 * @template T
 * @param {HTMLTableElement} table
 * @param {HTMLTableSectionElement} tbody
 * @param {T[]} items
 * @param {number} cellsPerRow
 * @param {(item: T, index: number) => HTMLElement} rowOf
 */
function drawRows(table, tbody, items, cellsPerRow, rowOf) {
  const perTask = Math.max(1, Math.floor(CELLS_PER_TASK / Math.max(1, cellsPerRow)));
  let next = 0;
  const drawSome = () => {
    const end = Math.min(items.length, next + perTask);
    const rows = [];
    for (; next < end; next++) rows.push(rowOf(items[next], next));
    tbody.append(...rows);
    if (next >= items.length) table.setAttribute("data-drawn", "");
    // After the next frame: the browser lays out and paints each part in its own task.
    else requestAnimationFrame(() => setTimeout(() => tbody.isConnected && drawSome(), 0));
  };
  drawSome();
}

/**
 * The state shown for a row of one claim (`possible`, `single`, or `matched` once the reader
 * accepted a match); null for a fact's row.
 * @param {Row} row
 * @param {import("./decisions.js").Coverage} coverage
 */
function rowState(row, coverage) {
  return row.fact || !row.cells[0] ? null : shownOf(coverage, row.cells[0].claim);
}

/**
 * @param {Row[]} rows
 * @param {MatrixState} state
 * @param {number} sourceCount
 * @param {import("./decisions.js").Coverage} coverage
 */
export function visibleRows(rows, state, sourceCount, coverage) {
  const query = searchable(state.search.trim());
  const kept = rows.filter((row) => {
    switch (state.filter) {
      case "shared":
        if (sourceCount < 2 || row.coverage !== sourceCount) return false;
        break;
      case "possible":
        if (rowState(row, coverage) !== "possible") return false;
        break;
      case "single":
        if (rowState(row, coverage) !== "single") return false;
        break;
      case "conflicts":
        if (!row.conflict) return false;
        break;
      case "quotes":
        if (!row.quote) return false;
        break;
      case "numbers":
        if (!row.number) return false;
        break;
    }
    return !query || searchTextOf(row).includes(query);
  });
  const byAppearance = (/** @type {Row} */ a, /** @type {Row} */ b) => a.order - b.order;
  if (state.sort === "coverage") kept.sort((a, b) => b.coverage - a.coverage || byAppearance(a, b));
  else if (state.sort === "appearance") kept.sort(byAppearance);
  else kept.sort((a, b) => Number(b.conflict) - Number(a.conflict) || b.coverage - a.coverage || byAppearance(a, b));
  return kept;
}

/** @param {ViewContext} context */
export function renderMatrix(context) {
  const { model, state, idPrefix, coverage } = context;
  const matrix = state.matrix;
  const sources = model.compared;
  const rows = visibleRows(model.rows, matrix, sources.length, coverage);
  const perPage = rowsPerPage(sources.length);
  const shown = rows.slice(0, perPage * matrix.pages);

  const filterGroup = h(
    "div",
    { class: "filters", attrs: { role: "group", "aria-label": "Show rows" } },
    FILTERS.map(([value, label]) =>
      h("button", {
        class: "chip",
        text: label,
        attrs: { type: "button", "aria-pressed": String(matrix.filter === value), "data-filter": value },
        on: {
          click: () => {
            matrix.filter = value;
            matrix.pages = 1;
            context.rerender();
          },
        },
      }),
    ),
  );
  const search = h("input", {
    class: "search",
    attrs: { type: "search", id: `${idPrefix}-search`, placeholder: "Search sentences", "aria-controls": `${idPrefix}-grid` },
    on: {
      input: (/** @type {InputEvent} */ event) => {
        matrix.search = /** @type {HTMLInputElement} */ (event.target).value;
        matrix.pages = 1;
        rerenderKeepingFocus(context, "search");
      },
    },
  });
  search.value = matrix.search;
  const sort = h(
    "select",
    {
      attrs: { id: `${idPrefix}-sort` },
      on: {
        change: (/** @type {Event} */ event) => {
          matrix.sort = /** @type {MatrixState["sort"]} */ (/** @type {HTMLSelectElement} */ (event.target).value);
          rerenderKeepingFocus(context, "sort");
        },
      },
    },
    SORTS.map(([value, label]) => h("option", { text: label, attrs: { value, selected: matrix.sort === value } })),
  );

  const header = h("tr", { attrs: { role: "row", "aria-rowindex": 1 } }, [
    h("th", { text: "Sources", attrs: { role: "columnheader", scope: "col", "aria-colindex": 1 } }),
    ...sources.map((source, index) =>
      h("th", { attrs: { role: "columnheader", scope: "col", "aria-colindex": index + 2, title: source.name } }, [
        h("span", { class: "source-number", text: String(source.id + 1) }),
        " ",
        textIn("span", source.name, "column-name"),
        ...copiesNote(model, source.id),
      ]),
    ),
  ]);
  const body = h("tbody");
  const grid = h(
    "table",
    {
      class: "matrix",
      attrs: {
        role: "grid",
        id: `${idPrefix}-grid`,
        "aria-label": "Fact matrix: rows are facts and single-source claims, columns are sources",
        "aria-rowcount": rows.length + 1,
        "aria-colcount": sources.length + 1,
        "aria-readonly": "true",
      },
      on: {
        keydown: (/** @type {KeyboardEvent} */ event) => moveInGrid(event, context),
        click: (/** @type {MouseEvent} */ event) => {
          const target = /** @type {HTMLElement} */ (event.target).closest("td[data-sentence]");
          // A click that ends a text selection is for copying, not for opening.
          if (!target || document.getSelection()?.toString()) return;
          context.show("article", Number(target.getAttribute("data-sentence")));
        },
      },
    },
    [h("thead", {}, [header]), body],
  );
  grid.style.setProperty("--columns", String(sources.length));
  drawRows(grid, body, shown, sources.length + 1, (row, rowIndex) =>
    h("tr", { attrs: { role: "row", "aria-rowindex": rowIndex + 2, "data-row": row.key } }, [
      rowHeader(row, sources.length, rowState(row, coverage)),
      ...cellsOf(row, model).map((found, column) => cell(context, found, column)),
    ]),
  );
  const first = /** @type {HTMLElement | null} */ (grid.querySelector("td, th"));
  if (first) first.tabIndex = 0;

  const facts = model.rows.filter((row) => row.fact).length;
  const alone = model.rows.length - facts;
  const count = h("div", { class: "count matrix-count" }, [
    h("p", {
      attrs: { role: "status" },
      text: `${rows.length} of ${model.rows.length} rows${rows.length > shown.length ? `, first ${shown.length} shown` : ""}.`,
    }),
    h("p", {
      class: "note",
      text:
        `${facts} ${facts === 1 ? "row is a fact" : "rows are facts"}: a claim two or more sources state, one cell per source. ` +
        `${alone} ${alone === 1 ? "row is a claim" : "rows are claims"} no other source shares (possible: a close claim elsewhere; single: nothing close). ` +
        "A sentence with several claims shows in several rows, its claim marked.",
    }),
  ]);
  return h("div", { class: "matrix-view" }, [
    h("div", { class: "toolbar" }, [
      filterGroup,
      h("div", { class: "search-sort" }, [
        h("label", { class: "field" }, [h("span", { text: "Search" }), search]),
        h("label", { class: "field" }, [h("span", { text: "Sort by" }), sort]),
      ]),
    ]),
    count,
    rows.length
      ? h("div", { class: "scroll grid-scroll" }, [grid])
      : h("p", { class: "empty", text: "No rows match. Choose another filter or clear the search." }),
    rows.length > shown.length
      ? showMoreButton(Math.min(perPage, rows.length - shown.length), "rows", () => {
          matrix.pages += 1;
          context.rerender();
        })
      : null,
    h("p", { class: "note", text: "Click a cell, or move to it with the arrow keys and press Enter, to open the sentence in its article." }),
  ]);
}

/**
 * "+3 copies" under a column's name, when other files are copies of its source.
 * @param {import("./model.js").Model} model
 * @param {number} source
 */
function copiesNote(model, source) {
  const copies = model.copies.get(source)?.length ?? 0;
  if (!copies) return [];
  return [" ", h("span", { class: "copies", text: `+${copies} ${copies === 1 ? "copy" : "copies"}` })];
}

/**
 * @param {Row} row
 * @param {number} sourceCount
 * @param {import("./support.js").Shown | null} state a one-claim row's state
 */
function rowHeader(row, sourceCount, state) {
  const badges = [];
  if (state) badges.push(supportTag(state));
  if (row.conflict) badges.push(h("span", { class: "badge conflict", text: "conflict" }));
  if (row.quote) badges.push(h("span", { class: "badge quote", text: "quote" }));
  if (row.number) badges.push(h("span", { class: "badge number", text: "number" }));
  return h("th", { class: "row-head", attrs: { role: "rowheader", scope: "row", tabindex: -1, "aria-colindex": 1 } }, [
    h("span", { class: row.coverage === 1 ? "coverage single" : "coverage", text: `${row.coverage}/${sourceCount}` }),
    hidden(row.coverage === 1 ? " sources: only one source" : " sources"),
    ...badges.flatMap((badge) => [" ", badge]),
  ]);
}

/**
 * @param {ViewContext} context
 * @param {import("./model.js").Cell | null} found
 * @param {number} column
 */
function cell(context, found, column) {
  const attrs = { role: "gridcell", tabindex: -1, "aria-colindex": column + 2 };
  if (!found) {
    return h("td", { class: "missing", attrs }, [h("span", { text: "—", attrs: { "aria-hidden": "true" } }), hidden("not reported")]);
  }
  const { sentence, claim } = found;
  const conflicted = context.model.conflicts.has(sentence.id);
  // A conflict is said in words as well as by the cell's edge (which forced colours would take away).
  return h(
    "td",
    {
      class: conflicted ? "has-conflict" : undefined,
      attrs: { ...attrs, dir: "auto", "data-sentence": sentence.id, "data-claim": claim.id },
    },
    [conflicted ? h("span", { class: "badge conflict cell-flag", text: "conflict" }) : null, conflicted ? " " : null, claimInSentence(sentence, claim)],
  );
}

/**
 * Renders again and puts the focus back on the control that changed the state.
 * @param {ViewContext} context
 * @param {"search" | "sort"} control
 */
function rerenderKeepingFocus(context, control) {
  context.rerender();
  const element = context.root.getElementById(`${context.idPrefix}-${control}`);
  if (!element) return;
  element.focus();
  if (element instanceof HTMLInputElement) element.setSelectionRange(element.value.length, element.value.length);
}

/**
 * Roving focus in the grid (the ARIA grid pattern).
 * @param {KeyboardEvent} event
 * @param {ViewContext} context
 */
function moveInGrid(event, context) {
  const current = /** @type {HTMLElement} */ (event.target);
  const cellElement = current.closest("td, th");
  const table = current.closest("table");
  if (!cellElement || !table) return;
  const rows = /** @type {HTMLTableRowElement[]} */ ([...table.rows]);
  const row = /** @type {HTMLTableRowElement} */ (cellElement.parentElement);
  let r = rows.indexOf(row);
  let c = /** @type {HTMLTableCellElement} */ (cellElement).cellIndex;
  const lastRow = rows.length - 1;
  const lastColumn = row.cells.length - 1;
  switch (event.key) {
    case "ArrowRight": c = Math.min(c + 1, lastColumn); break;
    case "ArrowLeft": c = Math.max(c - 1, 0); break;
    case "ArrowDown": r = Math.min(r + 1, lastRow); break;
    case "ArrowUp": r = Math.max(r - 1, 0); break;
    case "PageDown": r = Math.min(r + PAGE_ROWS, lastRow); break;
    case "PageUp": r = Math.max(r - PAGE_ROWS, 0); break;
    case "Home": c = 0; if (event.ctrlKey) r = 0; break;
    case "End": c = lastColumn; if (event.ctrlKey) r = lastRow; break;
    case "Enter":
    case " ": {
      const id = cellElement.getAttribute("data-sentence");
      if (id !== null) {
        event.preventDefault();
        context.show("article", Number(id));
      }
      return;
    }
    default:
      return;
  }
  event.preventDefault();
  const target = rows[r]?.cells[c];
  if (!target) return;
  /** @type {HTMLElement} */ (cellElement).tabIndex = -1;
  target.tabIndex = 0;
  target.focus({ preventScroll: true });
  // The grid's scroll padding keeps the cell clear of the sticky header row and first column.
  target.scrollIntoView({ block: "nearest", inline: "nearest" });
}
