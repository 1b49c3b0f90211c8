// @ts-check
/**
 * What the element hands every view: the report's model, the original texts, the state each
 * view keeps between renders, and a way to move to another view.
 */

/**
 * @typedef {object} MatrixState
 * @property {"all" | "shared" | "single" | "conflicts" | "quotes" | "numbers"} filter
 * @property {"coverage" | "appearance" | "conflicts"} sort
 * @property {string} search
 * @property {number} pages how many pages of rows are shown (see `rowsPerPage` in matrix.js)
 */

/**
 * @typedef {object} ViewState
 * @property {MatrixState} matrix
 * @property {{ shown: number }} overview how many sources the overview lists
 * @property {{ shown: number }} conflicts how many conflicts the conflicts view lists
 * @property {{ a: number, b: number }} side the two sources side by side
 * @property {{ source: number, focus: number | null }} article the source shown and a sentence id to bring into view
 */

/**
 * @typedef {object} ViewContext
 * @property {import("./model.js").Model} model
 * @property {string[]} texts the original text of each source, for offsets
 * @property {ViewState} state
 * @property {(view: ViewName, focusSentence?: number) => void} show switches tabs (and focuses a sentence in the article view)
 * @property {() => void} rerender renders the current view again after a state change
 * @property {string} idPrefix unique per element, for ids inside the shadow root
 * @property {ShadowRoot} root the element's shadow root, to find what a render replaced
 */

/** @typedef {"overview" | "matrix" | "conflicts" | "side" | "article"} ViewName */

/** Sources or conflicts listed at first, and added by each "show more". */
export const LIST_PAGE = 100;

/**
 * Back to the first page of every long list, for a new report.
 * @param {ViewState} state
 */
export function resetPaging(state) {
  state.matrix.pages = 1;
  state.overview.shown = LIST_PAGE;
  state.conflicts.shown = LIST_PAGE;
}

/** @returns {ViewState} */
export function initialState() {
  return {
    matrix: { filter: "all", sort: "coverage", search: "", pages: 1 },
    overview: { shown: LIST_PAGE },
    conflicts: { shown: LIST_PAGE },
    side: { a: 0, b: 1 },
    article: { source: 0, focus: null },
  };
}
