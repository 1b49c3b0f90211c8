// @ts-check
/**
 * `<cross-check>`: compares news articles claim by claim and shows the report.
 *
 * Settings are attributes:
 * - `src`: space-separated article URLs to fetch (relative to the page);
 * - `inputs`: show the input panel (drop, pick, paste, rename, remove articles);
 * - `example`: with no `src` and no articles, load the bundled (fictional) example;
 * - `view`: the tab shown: `overview`, `matrix`, `claims`, `conflicts`, `side` or `article`;
 * - `theme`: `light` or `dark` (absent: follow the reader's system setting);
 * - `min-fact-score`: how similar (0 to 1) sentences must be to count as one fact.
 *
 * Properties: `articles` (get or set `[{name, text}]`), `report` (the last report, read only),
 * `view` (mirrors the `view` attribute: reads the tab it names, `overview` when absent or
 * unknown; setting it sets the attribute), `minFactScore` (mirrors `min-fact-score`: the
 * attribute as a number, null when absent or blank; setting a number sets the attribute,
 * null removes it).
 * Methods: `compare()`, `cancel()`, `addFiles(files)`, `addArticle(name, text)`, `loadExample()`.
 * Events (bubbling, composed): `cross-check-compare` (cancelable, before work starts;
 * `detail.articles`), `cross-check-report` (`detail.report`, once per comparison),
 * `cross-check-error` (`detail.message`). A plain `report` event on the element (not
 * bubbling, `detail.report`) fires with every `cross-check-report`: a deprecated alias,
 * removed in the next release; listen for `cross-check-report` instead.
 *
 * The input panel (inputs-panel.js) keeps the list of articles; this module keeps the
 * lifecycle, the public API, the comparison, the reader's decisions on close claims and marks
 * on disagreements (kept in sessionStorage for the same articles, see views/decisions.js and
 * views/marks.js; `report` stays the engine's), saved sessions (session.js) and the tabs and
 * panel of the report.
 *
 * The open shadow root exposes `part`s for theming: base, inputs, dropzone, articles, status,
 * tabs, tab, panel, exports. All article text and file names are rendered as text only.
 */
import { elementStyles } from "./assets.js";
import { CancelledError, Comparison } from "./comparison.js";
import { messageOf } from "./errors.js";
import { download, EXPORTS, saveFile } from "./exports.js";
import { InputsPanel } from "./inputs-panel.js";
import { formatSize } from "./read-files.js";
import { renderArticle } from "./views/article.js";
import { renderClaims } from "./views/claims.js";
import { renderConflicts } from "./views/conflicts.js";
import { initialState, resetPaging } from "./views/context.js";
import { decide, decisionFor, deriveCoverage, fitting, loadDecisions, saveDecisions, storageKey, withoutPair } from "./views/decisions.js";
import { fittingMarks, loadMarks, marksKey, saveMarks, setMark } from "./views/marks.js";
import { writeSession } from "./session.js";
import { h } from "./views/dom.js";
import { renderMatrix } from "./views/matrix.js";
import { Model } from "./views/model.js";
import { renderOverview } from "./views/overview.js";
import { renderSideBySide } from "./views/side-by-side.js";

/** @typedef {import("./types").Report} Report */
/** @typedef {import("./types").Options} Options */
/** @typedef {import("./views/context.js").ViewName} ViewName */
/** @typedef {import("./views/context.js").ViewContext} ViewContext */
/** @typedef {import("./views/context.js").DecisionChange} DecisionChange */
/** @typedef {import("./views/decisions.js").Decision} Decision */
/** @typedef {import("./views/decisions.js").Coverage} Coverage */
/** @typedef {import("./views/marks.js").Mark} Mark */
/** @typedef {import("./views/context.js").MarkChange} MarkChange */
/** @typedef {import("./session.js").Session} Session */
/** @typedef {import("./exports.js").ExportKind} ExportKind */
/** @typedef {import("./inputs-panel.js").StatusOptions} StatusOptions */

/** @type {[ViewName, string, (context: ViewContext) => HTMLElement][]} */
const VIEWS = [
  ["overview", "Overview", renderOverview],
  ["matrix", "Fact matrix", renderMatrix],
  ["claims", "To check", renderClaims],
  ["conflicts", "Conflicts", renderConflicts],
  ["side", "Side by side", renderSideBySide],
  ["article", "Article", renderArticle],
];

/** @param {string | null} value @returns {ViewName} */
function viewName(value) {
  return /** @type {ViewName} */ (VIEWS.find(([name]) => name === value)?.[0] ?? "overview");
}

/** sessionStorage, or null where the browser refuses it (some file:// pages, sandboxed frames). */
function sessionStore() {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export class CrossCheckElement extends HTMLElement {
  static observedAttributes = ["src", "view", "min-fact-score"];

  #root;
  #inputs = new InputsPanel({
    changed: () => this.#schedule(),
    status: (text, how) => this.#setStatus(text, how),
    accepting: () => this.hasAttribute("inputs"),
    loadExample: () => this.loadExample(),
    sessionOpened: (session) => this.#sessionOpened(session),
  });
  /** @type {Report | null} */
  #report = null;
  /** While a comparison runs: the empty panel says so instead of "Nothing compared yet". */
  #comparing = false;
  /** @type {Model | null} */
  #model = null;
  /** The original texts of the sources in the current report. */
  #texts = /** @type {string[]} */ ([]);
  /** The reader's decisions on close claims of the current report. @type {Decision[]} */
  #decisions = [];
  /** @type {Coverage | null} */
  #coverage = null;
  /** Where the decisions for the current articles are kept in sessionStorage. */
  #decisionsKey = "";
  /** The reader's marks and notes on the disagreements of the current report. @type {Mark[]} */
  #marks = [];
  /**
   * A session being opened: its decisions and marks, for the report of its articles (found by
   * their storage key), which takes them in place of what sessionStorage holds.
   * @type {{ key: string, decisions: unknown[], marks: unknown[] } | null}
   */
  #openingSession = null;
  #state = initialState();
  /** @type {ViewName} */
  #view = "overview";
  #comparison = new Comparison();
  /** Counts the comparisons started, so that a report a newer one overtook is not shown. */
  #runs = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;
  #built = false;
  /** @type {Record<string, HTMLElement>} */
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    if (this.#built) return;
    this.#build();
    this.#view = viewName(this.getAttribute("view"));
    this.#renderTabs();
    this.#renderPanel();
    if (this.hasAttribute("src")) this.#loadSources();
    else if (!this.#inputs.count && this.hasAttribute("example")) this.loadExample();
  }

  disconnectedCallback() {
    this.#comparison.cancel();
  }

  /**
   * @param {string} name
   * @param {string | null} _old
   * @param {string | null} value
   */
  attributeChangedCallback(name, _old, value) {
    if (!this.#built) return;
    if (name === "src") this.#loadSources();
    else if (name === "view") this.#select(viewName(value), false);
    else if (name === "min-fact-score") this.#schedule();
  }

  // ---- public API ---------------------------------------------------------------------

  /** The articles compared (those that could be read), as `{name, text}`. */
  get articles() {
    return this.#inputs.readable().map(({ name, text }) => ({ name, text: /** @type {string} */ (text) }));
  }

  /** Replaces the articles; each must be `{name: string, text: string}`. */
  set articles(articles) {
    this.#inputs.setArticles(articles);
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  /** The tab shown, as the `view` attribute names it (`overview` when absent or unknown). */
  get view() {
    return viewName(this.getAttribute("view"));
  }

  /** Shows a tab by setting the `view` attribute. @param {ViewName} view */
  set view(view) {
    this.setAttribute("view", String(view));
  }

  /**
   * The `min-fact-score` attribute as a number, as comparisons use it; null when it is absent
   * or blank (the engine's default applies).
   * @returns {number | null}
   */
  get minFactScore() {
    const score = this.getAttribute("min-fact-score");
    if (score === null || score.trim() === "") return null;
    return Number(score);
  }

  /** Sets the `min-fact-score` attribute (null removes it). @param {number | null} score */
  set minFactScore(score) {
    if (score === null || score === undefined) this.removeAttribute("min-fact-score");
    else this.setAttribute("min-fact-score", String(score));
  }

  /** Compares the current articles now. Resolves to the report (null when there was nothing to compare, or a newer comparison overtook it). */
  compare() {
    clearTimeout(this.#timer);
    return this.#run();
  }

  /** Cancels the comparison in progress. */
  cancel() {
    this.#comparison.cancel();
  }

  /**
   * Adds files (from a picker, a drop or a paste): one code path for all three.
   * @param {Iterable<File>} files
   */
  addFiles(files) {
    return this.#inputs.addFiles(files);
  }

  /**
   * Adds pasted text as a new article.
   * @param {string} name
   * @param {string} text
   */
  addArticle(name, text) {
    this.#inputs.addArticle(name, text);
  }

  /** Replaces the articles with the bundled example (fictional articles about one invented event). */
  loadExample() {
    return this.#inputs.loadExample();
  }

  #loadSources() {
    const urls = (this.getAttribute("src") ?? "").split(/\s+/).filter(Boolean);
    return this.#inputs.loadUrls(urls, document.baseURI);
  }

  // ---- comparing ----------------------------------------------------------------------

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), 30);
  }

  /** @returns {Options | undefined} */
  #options() {
    const score = this.minFactScore;
    return score === null ? undefined : { minFactScore: score };
  }

  /**
   * What is wrong with the settings attributes, in one sentence naming the attribute and what
   * it takes; null when nothing is. A misspelt setting must not pass for a real result.
   * @returns {string | null}
   */
  #attributeProblem() {
    const view = this.getAttribute("view");
    if (view !== null && !VIEWS.some(([name]) => name === view)) {
      return `The view attribute takes ${VIEWS.map(([name]) => name).join(", ")}, not "${view}".`;
    }
    const score = this.getAttribute("min-fact-score");
    if (score !== null && score.trim() !== "" && !Number.isFinite(Number(score))) {
      return `The min-fact-score attribute takes a number from 0 to 1, not "${score}".`;
    }
    return null;
  }

  /** @returns {Promise<Report | null>} */
  async #run() {
    const run = ++this.#runs;
    const valid = this.#inputs.readable();
    if (this.#inputs.reading) return null;
    if (!valid.length) {
      this.#comparison.cancel();
      this.#showReport(null, [], []);
      this.#setStatus(this.#inputs.count ? "None of the inputs could be read; see the messages beside them." : "");
      return null;
    }
    const problem = this.#attributeProblem();
    if (problem) {
      this.#comparison.cancel();
      this.#setStatus(`Could not compare: ${problem}`, { error: true });
      this.dispatchEvent(new CustomEvent("cross-check-error", { bubbles: true, composed: true, detail: { message: problem } }));
      return null;
    }
    const articles = valid.map(({ name, text }) => ({ name, text: /** @type {string} */ (text) }));
    const proceed = this.dispatchEvent(
      new CustomEvent("cross-check-compare", { bubbles: true, composed: true, cancelable: true, detail: { articles } }),
    );
    if (!proceed) {
      this.#setStatus("The page stopped this comparison.");
      return null;
    }
    const size = articles.reduce((sum, article) => sum + article.text.length, 0);
    const what = `${articles.length} ${articles.length === 1 ? "article" : "articles"} (${formatSize(size)})`;
    const started = performance.now();
    this.#comparing = true;
    if (!this.#report && this.#built) this.#renderPanel();
    try {
      const report = await this.#comparison.run(articles, this.#options(), (stage) =>
        this.#setStatus(stage === "starting" ? `Starting the engine for ${what}…` : `Comparing ${what}…`, {
          progress: null,
          cancel: true,
        }),
      );
      const elapsed = Math.max(1, Math.round(performance.now() - started));
      // The report's arrival (copied out of the worker) and drawing it are tasks of their own,
      // so that neither holds the main thread for long with hundreds of articles.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (run !== this.#runs) return null;
      this.#showReport(report, articles.map((a) => a.text), valid.map((entry) => entry.key));
      const disagreements = this.#model?.disagreements.length ?? 0;
      const copies = report.sources.length - (this.#model?.compared.length ?? report.sources.length);
      const counted = copies ? `, ${copies} of them ${copies === 1 ? "a copy" : "copies"} of another, counted once` : "";
      this.#setStatus(
        `Compared ${what}${counted} in ${elapsed} ms (${this.#comparison.where}): ${report.facts.length} shared ${report.facts.length === 1 ? "fact" : "facts"}, ${disagreements} ${disagreements === 1 ? "disagreement" : "disagreements"}.`,
      );
      this.#announce(report);
      return report;
    } catch (error) {
      if (error instanceof CancelledError) {
        this.#setStatus("Comparison cancelled.", { again: true });
        return null;
      }
      const message = messageOf(error);
      this.#setStatus(`Could not compare: ${message}`, { error: true, again: true });
      this.dispatchEvent(new CustomEvent("cross-check-error", { bubbles: true, composed: true, detail: { message } }));
      return null;
    } finally {
      // A comparison that a newer one overtook leaves the newer one's state alone.
      if (run === this.#runs) {
        this.#comparing = false;
        if (!this.#report && this.#built) this.#renderPanel();
      }
    }
  }

  /**
   * Tells the page about a new report: the one place report events are dispatched.
   * @param {Report} report
   */
  #announce(report) {
    this.dispatchEvent(new CustomEvent("cross-check-report", { bubbles: true, composed: true, detail: { report } }));
    // Deprecated alias, removed in the next release (see the header comment).
    this.dispatchEvent(new CustomEvent("report", { detail: { report } }));
  }

  /**
   * @param {Report | null} report
   * @param {string[]} texts
   * @param {number[]} keys the input panel's entry key of each source
   */
  #showReport(report, texts, keys) {
    this.#report = report;
    this.#model = report ? new Model(report) : null;
    resetPaging(this.#state);
    this.#texts = texts;
    this.#decisionsKey = report ? storageKey(report.sources.map((source, i) => ({ name: source.name, text: texts[i] ?? "" }))) : "";
    const opening = report && this.#openingSession?.key === this.#decisionsKey ? this.#openingSession : null;
    // A session's decisions and marks are for the first report after it opened, or for none.
    if (report) this.#openingSession = null;
    const disagreements = this.#model?.disagreements ?? [];
    const model = this.#model;
    const textOf = (/** @type {number} */ id) => model?.sentences[id]?.text ?? "";
    if (opening) {
      this.#decisions = fitting(/** @type {Report} */ (report), opening.decisions);
      this.#marks = fittingMarks(disagreements, opening.marks, textOf);
      saveDecisions(sessionStore(), this.#decisionsKey, this.#decisions);
      saveMarks(sessionStore(), marksKey(this.#decisionsKey), this.#marks);
    } else {
      this.#decisions = report ? loadDecisions(sessionStore(), this.#decisionsKey, report) : [];
      this.#marks = report ? loadMarks(sessionStore(), marksKey(this.#decisionsKey), disagreements, textOf) : [];
    }
    this.#coverage = report ? deriveCoverage(report, this.#decisions) : null;
    const sources = report?.sources.length ?? 0;
    if (this.#state.article.source >= sources) this.#state.article = { source: 0, focus: null };
    if (this.#state.side.a >= sources || this.#state.side.b >= sources) this.#state.side = { a: 0, b: 1 };
    const claims = this.#state.claims;
    if (claims.source !== null && (claims.source >= sources || report?.sources[claims.source].copyOf)) claims.source = null;
    this.#inputs.showReport(report?.warnings ?? [], report?.sources ?? [], keys);
    this.#renderTabs();
    this.#renderPanel();
    for (const button of this.#root.querySelectorAll(".exports button")) {
      /** @type {HTMLButtonElement} */ (button).disabled = !report;
    }
  }

  /**
   * Records the reader's decision on a pair of claims, keeps it for the session and shows the
   * coverage it gives.
   * @param {DecisionChange} change
   */
  #decide(change) {
    const report = this.#report;
    if (!report) return;
    if (change.verdict === "clear") this.#decisions = [];
    else if (change.verdict === "undo") this.#decisions = withoutPair(this.#decisions, change.claim, change.other);
    else this.#decisions = decide(this.#decisions, decisionFor(report, change.claim, change.other, change.verdict));
    saveDecisions(sessionStore(), this.#decisionsKey, this.#decisions);
    this.#coverage = deriveCoverage(report, this.#decisions);
    this.#renderTabs();
    this.#renderPanel();
  }

  /**
   * Records the reader's mark or note on a disagreement and keeps it for the session. The card
   * shows the change itself, so the panel is not drawn again (a note is typed into it).
   * @param {MarkChange} change
   * @returns {Mark[]} every mark now
   */
  #mark(change) {
    this.#marks = setMark(this.#marks, change);
    saveMarks(sessionStore(), marksKey(this.#decisionsKey), this.#marks);
    return this.#marks;
  }

  /**
   * Before a session's articles replace the inputs: its settings now, its decisions and marks
   * for the report of those articles.
   * @param {Session} session
   */
  #sessionOpened(session) {
    this.#openingSession = {
      key: storageKey(session.articles),
      decisions: session.decisions,
      marks: session.marks,
    };
    this.minFactScore = session.minFactScore;
  }

  /** Downloads the session: the compared articles, the decisions, the marks and notes, the settings. */
  #saveSession() {
    const report = this.#report;
    if (!report) return;
    const text = writeSession(
      {
        articles: report.sources.map((source, index) => ({ name: source.name, text: this.#texts[index] ?? "" })),
        decisions: this.#decisions,
        marks: this.#marks,
        minFactScore: this.minFactScore,
      },
      report.generator,
    );
    try {
      saveFile(text, "crosscheck-session.json", "application/json", this.#root);
    } catch (error) {
      this.#setStatus(`Could not save the session: ${messageOf(error)}`, { error: true });
    }
  }

  // ---- rendering ----------------------------------------------------------------------

  #build() {
    this.#built = true;
    const inputs = this.#inputs.build();
    const progress = h("progress", { attrs: { max: 1, hidden: true, "aria-label": "Progress" } });
    const cancel = h("button", { text: "Cancel", attrs: { type: "button", hidden: true }, on: { click: () => this.cancel() } });
    const again = h("button", { text: "Compare again", attrs: { type: "button", hidden: true }, on: { click: () => this.compare() } });
    const status = h("div", { class: "status", attrs: { part: "status" } }, [
      h("span", { class: "status-text", attrs: { role: "status", "aria-live": "polite", tabindex: -1 } }),
      progress,
      cancel,
      again,
    ]);
    const tabs = h("div", { class: "tabs", attrs: { role: "tablist", "aria-label": "Views", part: "tabs" } });
    const exportsGroup = h(
      "div",
      { class: "exports", attrs: { role: "group", "aria-label": "Download", part: "exports" } },
      [
        ...Object.entries(EXPORTS).map(([kind, format]) =>
          h("button", {
            text: format.label,
            attrs: { type: "button", disabled: true, "data-export": kind },
            on: { click: () => this.#export(/** @type {ExportKind} */ (kind)) },
          }),
        ),
        h("button", {
          text: "Save session",
          attrs: {
            type: "button",
            disabled: true,
            "data-export": "session",
            title: "The articles, your decisions, marks and notes in one file; drop it on the page to go on",
          },
          on: { click: () => this.#saveSession() },
        }),
      ],
    );
    const panel = h("div", { class: "panel", attrs: { role: "tabpanel", id: "panel", tabindex: 0, part: "panel" } });
    this.#parts = { status, progress, cancel, again, tabs, panel };
    const styles = elementStyles();
    const base = h("div", { class: "base", attrs: { part: "base" } }, [
      inputs,
      status,
      h("div", { class: "report-bar" }, [tabs, exportsGroup]),
      panel,
    ]);
    if (styles instanceof HTMLLinkElement) {
      // A linked stylesheet arrives after the first paint: show nothing unstyled meanwhile.
      base.hidden = true;
      const reveal = () => {
        base.hidden = false;
      };
      styles.addEventListener("load", reveal, { once: true });
      styles.addEventListener("error", reveal, { once: true });
    }
    this.#root.replaceChildren(styles, base);
  }

  /**
   * @param {string} text
   * @param {StatusOptions} [how] progress absent: idle
   */
  #setStatus(text, how = {}) {
    const { status, progress, cancel, again } = this.#parts;
    /** @type {HTMLElement} */ (status.querySelector(".status-text")).textContent = text;
    status.classList.toggle("error", Boolean(how.error));
    status.classList.toggle("busy", how.progress !== undefined);
    const bar = /** @type {HTMLProgressElement} */ (progress);
    bar.hidden = how.progress === undefined;
    if (how.progress === null || how.progress === undefined) bar.removeAttribute("value");
    else bar.value = how.progress;
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const hadFocus = root.activeElement === cancel || root.activeElement === again;
    cancel.hidden = !how.cancel;
    again.hidden = !how.again;
    // A button that hides under the keyboard user's focus hands it to the one that replaces
    // it, or to the status line, never to the page's body.
    if (hadFocus && /** @type {HTMLElement} */ (root.activeElement)?.hidden !== false) {
      const next = [again, cancel].find((button) => !button.hidden) ?? /** @type {HTMLElement} */ (status.querySelector(".status-text"));
      next.focus();
    }
  }

  #renderTabs() {
    const tabs = this.#parts.tabs;
    const report = this.#report;
    /** @type {Record<ViewName, string>} */
    const counts = {
      overview: "",
      matrix: report ? ` (${this.#model?.rows.length ?? 0})` : "",
      claims: report && this.#coverage ? ` (${this.#coverage.totals.possible + this.#coverage.totals.single})` : "",
      conflicts: report ? ` (${this.#model?.disagreements.length ?? 0})` : "",
      side: "",
      article: "",
    };
    tabs.replaceChildren(
      ...VIEWS.map(([name, label]) =>
        h("button", {
          class: "tab",
          text: `${label}${counts[name]}`,
          attrs: {
            type: "button",
            role: "tab",
            id: `tab-${name}`,
            part: "tab",
            "aria-controls": "panel",
            "aria-selected": String(name === this.#view),
            tabindex: name === this.#view ? 0 : -1,
            "data-view": name,
          },
          on: {
            click: () => this.#select(name, true),
            keydown: (/** @type {KeyboardEvent} */ event) => this.#tabKey(event, name),
          },
        }),
      ),
    );
  }

  /**
   * @param {KeyboardEvent} event
   * @param {ViewName} current
   */
  #tabKey(event, current) {
    const index = VIEWS.findIndex(([name]) => name === current);
    const last = VIEWS.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = VIEWS[(next + VIEWS.length) % VIEWS.length][0];
    this.#select(target, true);
    /** @type {HTMLElement | null} */ (this.#root.getElementById(`tab-${target}`))?.focus();
  }

  /**
   * @param {ViewName} view
   * @param {boolean} reflect set the `view` attribute too
   */
  #select(view, reflect) {
    if (view !== "article") this.#state.article.focus = null;
    const changed = view !== this.#view;
    this.#view = view;
    if (reflect && this.getAttribute("view") !== view) this.setAttribute("view", view);
    if (!changed) return;
    this.#renderTabs();
    this.#renderPanel();
  }

  #renderPanel() {
    const panel = this.#parts.panel;
    panel.setAttribute("aria-labelledby", `tab-${this.#view}`);
    if (!this.#model || !this.#coverage) {
      panel.replaceChildren(this.#emptyState());
      return;
    }
    const render = VIEWS.find(([name]) => name === this.#view)?.[2] ?? renderOverview;
    /** @type {ViewContext} */
    const context = {
      model: this.#model,
      coverage: this.#coverage,
      decisions: this.#decisions,
      decide: (change) => this.#decide(change),
      marks: new Map(this.#marks.map((mark) => [mark.key, mark])),
      mark: (change) => this.#mark(change),
      texts: this.#texts,
      state: this.#state,
      idPrefix: "cc",
      root: this.#root,
      rerender: () => this.#renderPanel(),
      show: (view, sentence) => {
        if (sentence !== undefined && this.#model) {
          const target = this.#model.sentences[sentence];
          if (target) this.#state.article = { source: target.source, focus: sentence };
        }
        const before = this.#view;
        this.#select(view, true);
        if (before === view) this.#renderPanel();
      },
    };
    try {
      panel.replaceChildren(render(context));
    } catch (error) {
      panel.replaceChildren(h("p", { class: "empty error", text: `This view could not be drawn: ${messageOf(error)}` }));
    }
  }

  #emptyState() {
    if (this.#comparing) return h("div", { class: "empty-state" }, [h("p", { text: "Comparing the articles…" })]);
    /** @type {HTMLElement[]} */
    const children = [
      h("p", { text: "Nothing compared yet." }),
      h("p", {
        class: "note",
        text: this.hasAttribute("inputs")
          ? "Add two or more articles about the same event: drop files above, choose them, or paste text."
          : "Give this element articles through its src attribute or its articles property.",
      }),
    ];
    if (this.hasAttribute("inputs")) {
      children.push(h("button", { class: "primary", text: "Load the example", attrs: { type: "button" }, on: { click: () => this.loadExample() } }));
    }
    return h("div", { class: "empty-state" }, children);
  }

  /** @param {ExportKind} kind */
  async #export(kind) {
    if (!this.#report) return;
    try {
      await download(kind, this.#report, this.#root);
    } catch (error) {
      this.#setStatus(`Could not write the ${EXPORTS[kind].label}: ${messageOf(error)}`, { error: true });
    }
  }
}
