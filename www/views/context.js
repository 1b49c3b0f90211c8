// @ts-check
/**
 * What the element hands every view: the report's model, the original texts, the coverage
 * the reader's decisions give, the state each view keeps between renders, and ways to move
 * to another view and to record a decision.
 */

/**
 * @typedef {object} MatrixState
 * @property {"all" | "shared" | "possible" | "single" | "conflicts" | "quotes" | "numbers"} filter
 * @property {"coverage" | "appearance" | "conflicts"} sort
 * @property {string} search
 * @property {number} pages how many pages of rows are shown (see `rowsPerPage` in matrix.js)
 */

/**
 * @typedef {object} ClaimsState
 * @property {"all" | "possible" | "single"} filter
 * @property {number | null} source the source listed, null for all
 * @property {number} shown how many claims are listed
 * @property {number | null} focus after a decision: the place in the list whose item takes the focus
 * @property {number[]} expanded claims whose close claims in every other source are shown
 */

/**
 * What a click on accept, reject or undo asks for.
 * @typedef {{ verdict: "accept" | "reject" | "undo", claim: number, other: number } | { verdict: "clear" }} DecisionChange
 */

/**
 * What a click on a disagreement's mark, or typing its note, asks for: `status` or `note`
 * replaces that part of the mark on `key` (views/marks.js).
 * @typedef {{ key: string, status?: import("./marks.js").MarkStatus | null, note?: string }} MarkChange
 */

/**
 * @typedef {object} ViewState
 * @property {MatrixState} matrix
 * @property {ClaimsState} claims
 * @property {{ shown: number }} overview how many sources the overview lists
 * @property {{ shown: number }} conflicts how many conflicts the conflicts view lists
 * @property {{ a: number, b: number }} side the two sources side by side
 * @property {{ source: number, focus: number | null }} article the source shown and a sentence id to bring into view
 */

/**
 * @typedef {object} ViewContext
 * @property {import("./model.js").Model} model
 * @property {import("./decisions.js").Coverage} coverage each claim's support after the reader's decisions
 * @property {import("./decisions.js").Decision[]} decisions
 * @property {(change: DecisionChange) => void} decide records a decision, keeps it for the session and renders again
 * @property {Map<string, import("./marks.js").Mark>} marks the reader's marks on disagreements, by key
 * @property {(change: MarkChange) => import("./marks.js").Mark[]} mark records a mark or note and keeps it for the session (the card updates itself); returns every mark now
 * @property {string[]} texts the original text of each source, for offsets
 * @property {ViewState} state
 * @property {(view: ViewName, focusSentence?: number) => void} show switches tabs (and focuses a sentence in the article view)
 * @property {() => void} rerender renders the current view again after a state change
 * @property {string} idPrefix unique per element, for ids inside the shadow root
 * @property {ShadowRoot} root the element's shadow root, to find what a render replaced
 */

/** @typedef {"overview" | "matrix" | "claims" | "conflicts" | "side" | "article"} ViewName */

/** Sources or conflicts listed at first, and added by each "show more". */
export const LIST_PAGE = 100;

/** Claims to check listed at first, and added by each "show more" (each carries up to three close claims per other source). */
export const CLAIMS_PAGE = 25;

/**
 * Back to the first page of every long list, for a new report.
 * @param {ViewState} state
 */
export function resetPaging(state) {
  state.matrix.pages = 1;
  state.overview.shown = LIST_PAGE;
  state.conflicts.shown = LIST_PAGE;
  state.claims.shown = CLAIMS_PAGE;
  state.claims.expanded = [];
}

/** @returns {ViewState} */
export function initialState() {
  return {
    matrix: { filter: "all", sort: "coverage", search: "", pages: 1 },
    claims: { filter: "all", source: null, shown: CLAIMS_PAGE, focus: null, expanded: [] },
    overview: { shown: LIST_PAGE },
    conflicts: { shown: LIST_PAGE },
    side: { a: 0, b: 1 },
    article: { source: 0, focus: null },
  };
}
