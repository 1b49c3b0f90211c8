// Types for the page and for embedders of `<cross-check>`: the report contract from
// www/report.d.ts (the page's modules import these names in JSDoc,
// `@typedef {import("./types").Report}`, and `tsc --noEmit` checks them), plus the element's
// events and its place in the DOM's type maps.

export * from "./report";
import type { Article, Report } from "./report";

/** The events `<cross-check>` fires; they bubble out of its shadow root to the document. */
export interface CrossCheckEventMap {
  "cross-check-compare": CustomEvent<{ articles: Article[] }>;
  "cross-check-report": CustomEvent<{ report: Report }>;
  "cross-check-error": CustomEvent<{ message: string }>;
  /**
   * Fired on the element (not bubbling) with every `cross-check-report`.
   * @deprecated alias of `cross-check-report`, removed in the next release.
   */
  report: CustomEvent<{ report: Report }>;
}

/** What `<cross-check>` adds to the DOM's type maps, for pages and bundlers that type-check. */
declare global {
  interface HTMLElementTagNameMap {
    "cross-check": import("./cross-check.js").CrossCheckElement;
  }
  interface HTMLElementEventMap extends CrossCheckEventMap {}
  interface DocumentEventMap extends Omit<CrossCheckEventMap, "report"> {}
}
