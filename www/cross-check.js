// @ts-check
/**
 * `<cross-check>`: compares news articles claim by claim and shows the report.
 *
 * Settings are attributes:
 * - `src`: space-separated article URLs to fetch (relative to the page);
 * - `inputs`: show the input panel (drop, pick, paste, rename, remove articles);
 * - `example`: with no `src` and no articles, load the bundled (fictional) example;
 * - `view`: the tab shown: `overview`, `matrix`, `conflicts`, `side` or `article`;
 * - `theme`: `light` or `dark` (absent: follow the reader's system setting);
 * - `min-fact-score`: how similar (0 to 1) sentences must be to count as one fact.
 *
 * Properties: `articles` (get or set `[{name, text}]`), `report` (the last report, read only).
 * Methods: `compare()`, `cancel()`, `addFiles(files)`, `addArticle(name, text)`, `loadExample()`.
 * Events (bubbling, composed): `cross-check-compare` (cancelable, before work starts;
 * `detail.articles`), `cross-check-report` (`detail.report`), `cross-check-error`
 * (`detail.message`); plus a plain `report` event on the element (`detail.report`).
 *
 * The open shadow root exposes `part`s for theming: base, inputs, dropzone, articles, status,
 * tabs, tab, panel, exports. All article text and file names are rendered as text only.
 */
import { elementStyles } from "./assets.js";
import { CancelledError, Comparison } from "./comparison.js";
import { download, EXPORTS } from "./exports.js";
import { formatSize, MAX_TOTAL_BYTES, readFile, readText, readUrl } from "./read-files.js";
import { renderArticle } from "./views/article.js";
import { renderConflicts } from "./views/conflicts.js";
import { initialState, resetPaging } from "./views/context.js";
import { h } from "./views/dom.js";
import { renderMatrix } from "./views/matrix.js";
import { Model } from "./views/model.js";
import { renderOverview } from "./views/overview.js";
import { renderSideBySide } from "./views/side-by-side.js";

/** @typedef {import("./types").Article} Article */
/** @typedef {import("./types").Report} Report */
/** @typedef {import("./types").Options} Options */
/** @typedef {import("./views/context.js").ViewName} ViewName */
/** @typedef {import("./views/context.js").ViewContext} ViewContext */
/** @typedef {import("./exports.js").ExportKind} ExportKind */

/**
 * An input as the panel lists it: an article, or a reason it is not compared.
 * @typedef {object} Entry
 * @property {number} key
 * @property {string} name
 * @property {string} [text]
 * @property {string} [error]
 * @property {boolean} [pending] still being read or fetched
 */

/** @type {[ViewName, string, (context: ViewContext) => HTMLElement][]} */
const VIEWS = [
  ["overview", "Overview", renderOverview],
  ["matrix", "Fact matrix", renderMatrix],
  ["conflicts", "Conflicts", renderConflicts],
  ["side", "Side by side", renderSideBySide],
  ["article", "Article", renderArticle],
];

const ACCEPTED_FILES = ".txt,.md,.markdown,.text,.html,.htm,text/plain,text/markdown,text/html";

/** @param {string | null} value @returns {ViewName} */
function viewName(value) {
  return /** @type {ViewName} */ (VIEWS.find(([name]) => name === value)?.[0] ?? "overview");
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export class CrossCheckElement extends HTMLElement {
  static observedAttributes = ["src", "view", "min-fact-score"];

  #root;
  /** @type {Entry[]} */
  #entries = [];
  #nextKey = 1;
  /** @type {Report | null} */
  #report = null;
  /** @type {Model | null} */
  #model = null;
  /** The original texts and entry keys of the sources in the current report. */
  #texts = /** @type {string[]} */ ([]);
  #sourceKeys = /** @type {number[]} */ ([]);
  #state = initialState();
  /** @type {ViewName} */
  #view = "overview";
  #comparison = new Comparison();
  /** Bumped whenever all inputs are replaced, so a slow example load cannot undo a newer choice. */
  #generation = 0;
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
    else if (!this.#entries.length && this.hasAttribute("example")) this.loadExample();
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

  /** The articles compared (those that could be read), as `{name, text}`. */
  get articles() {
    return this.#valid().map(({ name, text }) => ({ name, text: /** @type {string} */ (text) }));
  }

  /** Replaces the articles; each must be `{name: string, text: string}`. */
  set articles(articles) {
    this.#generation++;
    this.#entries = (Array.isArray(articles) ? articles : []).map((article, index) => {
      const name = typeof article?.name === "string" ? article.name : `Article ${index + 1}`;
      if (typeof article?.text !== "string") return { key: this.#nextKey++, name, error: "has no text (expected {name, text})" };
      const read = readText(name, article.text);
      return { key: this.#nextKey++, ...read };
    });
    this.#inputsChanged();
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  /** Compares the current articles now. Resolves to the report (null when there was nothing to compare). */
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
  async addFiles(files) {
    const list = [...files];
    if (!list.length) return;
    /** @type {Entry[]} */
    const entries = list.map((file) => ({ key: this.#nextKey++, name: file.name, pending: true }));
    this.#entries.push(...entries);
    this.#renderEntries();
    await this.#settleEntries(entries, list.map((file) => () => readFile(file)), "Reading", list.length === 1 ? "file" : "files");
  }

  /**
   * Adds pasted text as a new article.
   * @param {string} name
   * @param {string} text
   */
  addArticle(name, text) {
    const label = name.trim() || `Pasted article ${this.#entries.length + 1}`;
    this.#entries.push({ key: this.#nextKey++, ...readText(label, text) });
    this.#enforceTotal();
    this.#inputsChanged();
  }

  /** Replaces the articles with the bundled example (fictional articles about one invented event). */
  async loadExample() {
    const generation = ++this.#generation;
    this.#setStatus("Loading the example…", { progress: null });
    const { exampleArticles } = await import("./pkg/example-articles.js");
    if (generation !== this.#generation) return;
    this.articles = exampleArticles;
  }

  // ---- inputs -------------------------------------------------------------------------

  /** @returns {Entry[]} */
  #valid() {
    return this.#entries.filter((entry) => typeof entry.text === "string" && !entry.error && !entry.pending);
  }

  /** Refuses the newest articles that would take the total past the page's limit. */
  #enforceTotal() {
    let total = 0;
    for (const entry of this.#entries) {
      if (typeof entry.text !== "string" || entry.error) continue;
      total += entry.text.length;
      if (total > MAX_TOTAL_BYTES) {
        entry.error = `would take the total past ${formatSize(MAX_TOTAL_BYTES)}; remove other articles first`;
        delete entry.text;
      }
    }
  }

  #inputsChanged() {
    this.#renderEntries();
    this.#schedule();
  }

  async #loadSources() {
    const urls = (this.getAttribute("src") ?? "").split(/\s+/).filter(Boolean);
    this.#generation++;
    this.#entries = urls.map((url) => ({ key: this.#nextKey++, name: url, pending: true }));
    this.#renderEntries();
    if (!urls.length) {
      this.#schedule();
      return;
    }
    await this.#settleEntries(this.#entries, urls.map((url) => () => readUrl(url, document.baseURI)), "Fetching", urls.length === 1 ? "article" : "articles");
  }

  /**
   * Fills pending entries with what their readers return, showing progress; entries removed
   * or replaced meanwhile are left alone.
   * @param {Entry[]} entries
   * @param {(() => Promise<import("./read-files.js").ReadResult>)[]} readers one per entry
   * @param {string} verb
   * @param {string} noun
   */
  async #settleEntries(entries, readers, verb, noun) {
    const what = `${verb} ${entries.length} ${noun}…`;
    this.#setStatus(what, { progress: 0 });
    let done = 0;
    await Promise.all(
      readers.map(async (read, index) => {
        const result = await read();
        Object.assign(entries[index], result, { pending: false });
        done++;
        if (entries.some((entry) => this.#entries.includes(entry))) this.#setStatus(what, { progress: done / entries.length });
      }),
    );
    if (!entries.some((entry) => this.#entries.includes(entry))) return;
    this.#enforceTotal();
    this.#inputsChanged();
  }

  /** @param {number} key */
  #remove(key) {
    const index = this.#entries.findIndex((entry) => entry.key === key);
    this.#entries = this.#entries.filter((entry) => entry.key !== key);
    this.#inputsChanged();
    // Keep the keyboard user in place: the next entry's Remove button, else the previous one's, else the panel.
    const buttons = this.#root.querySelectorAll(".entry-actions button:last-child");
    const next = /** @type {HTMLElement | undefined} */ (buttons[Math.min(index, buttons.length - 1)]);
    (next ?? /** @type {HTMLElement | null} */ (this.#root.querySelector(".dropzone button")))?.focus();
  }

  /**
   * @param {number} key
   * @param {string} name
   */
  #rename(key, name) {
    const entry = this.#entries.find((e) => e.key === key);
    const trimmed = name.trim();
    if (!entry || !trimmed || trimmed === entry.name) {
      this.#renderEntries();
      return;
    }
    entry.name = trimmed;
    this.#inputsChanged();
  }

  // ---- comparing ----------------------------------------------------------------------

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), 30);
  }

  /** @returns {Options | undefined} */
  #options() {
    const score = this.getAttribute("min-fact-score");
    if (score === null || score.trim() === "") return undefined;
    return { minFactScore: Number(score) };
  }

  /** @returns {Promise<Report | null>} */
  async #run() {
    const valid = this.#valid();
    if (this.#entries.some((entry) => entry.pending)) return null;
    if (!valid.length) {
      this.#comparison.cancel();
      this.#showReport(null, [], []);
      this.#setStatus(this.#entries.length ? "None of the inputs could be read; see the messages beside them." : "");
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
    try {
      const report = await this.#comparison.run(articles, this.#options(), (stage) =>
        this.#setStatus(stage === "starting" ? `Starting the engine for ${what}…` : `Comparing ${what}…`, {
          progress: null,
          cancel: true,
        }),
      );
      const elapsed = Math.max(1, Math.round(performance.now() - started));
      this.#showReport(report, articles.map((a) => a.text), valid.map((entry) => entry.key));
      const conflicts = report.conflicts.length;
      this.#setStatus(
        `Compared ${what} in ${elapsed} ms (${this.#comparison.where}): ${report.facts.length} shared ${report.facts.length === 1 ? "fact" : "facts"}, ${conflicts} ${conflicts === 1 ? "conflict" : "conflicts"}.`,
      );
      this.dispatchEvent(new CustomEvent("cross-check-report", { bubbles: true, composed: true, detail: { report } }));
      this.dispatchEvent(new CustomEvent("report", { detail: { report } }));
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
    }
  }

  /**
   * @param {Report | null} report
   * @param {string[]} texts
   * @param {number[]} keys
   */
  #showReport(report, texts, keys) {
    this.#report = report;
    this.#model = report ? new Model(report) : null;
    resetPaging(this.#state);
    this.#texts = texts;
    this.#sourceKeys = keys;
    const sources = report?.sources.length ?? 0;
    if (this.#state.article.source >= sources) this.#state.article = { source: 0, focus: null };
    if (this.#state.side.a >= sources || this.#state.side.b >= sources) this.#state.side = { a: 0, b: 1 };
    this.#renderEntries();
    this.#renderTabs();
    this.#renderPanel();
    for (const button of this.#root.querySelectorAll(".exports button")) {
      /** @type {HTMLButtonElement} */ (button).disabled = !report;
    }
  }

  // ---- rendering ----------------------------------------------------------------------

  #build() {
    this.#built = true;
    const fileInput = h("input", {
      class: "file-input",
      attrs: { type: "file", multiple: true, accept: ACCEPTED_FILES, tabindex: -1, "aria-hidden": "true" },
      on: {
        change: () => {
          const input = /** @type {HTMLInputElement} */ (fileInput);
          const files = [...(input.files ?? [])];
          input.value = "";
          this.addFiles(files);
        },
      },
    });
    const pasteName = h("input", { attrs: { type: "text", id: "paste-name", autocomplete: "off", placeholder: "Pasted article" } });
    const pasteText = h("textarea", { attrs: { id: "paste-text", rows: 6, required: true, dir: "auto" } });
    const pasteForm = h(
      "form",
      {
        class: "paste-form",
        attrs: { hidden: true, "aria-label": "Paste an article" },
        on: {
          submit: (/** @type {SubmitEvent} */ event) => {
            event.preventDefault();
            this.addArticle(pasteName.value, pasteText.value);
            pasteName.value = "";
            pasteText.value = "";
            pasteForm.hidden = true;
            this.#parts.pasteButton.focus();
          },
        },
      },
      [
        h("label", { class: "field", attrs: { for: "paste-name" } }, [h("span", { text: "Name" })]),
        pasteName,
        h("label", { class: "field", attrs: { for: "paste-text" } }, [h("span", { text: "Article text" })]),
        pasteText,
        h("div", { class: "buttons" }, [
          h("button", { class: "primary", text: "Add article", attrs: { type: "submit" } }),
          h("button", {
            text: "Cancel",
            attrs: { type: "button" },
            on: {
              click: () => {
                pasteForm.hidden = true;
                this.#parts.pasteButton.focus();
              },
            },
          }),
        ]),
      ],
    );
    const pasteButton = h("button", {
      text: "Paste an article",
      attrs: { type: "button", "aria-expanded": "false" },
      on: {
        click: () => {
          pasteForm.hidden = !pasteForm.hidden;
          pasteButton.setAttribute("aria-expanded", String(!pasteForm.hidden));
          if (!pasteForm.hidden) pasteText.focus();
        },
      },
    });
    const dropzone = h(
      "div",
      {
        class: "dropzone",
        attrs: { part: "dropzone" },
      },
      [
        h("p", { class: "drop-hint", text: "Drop .txt, .md or .html files here, or paste text anywhere in this box." }),
        h("div", { class: "buttons" }, [
          h("button", { class: "primary", text: "Choose files", attrs: { type: "button" }, on: { click: () => fileInput.click() } }),
          pasteButton,
          h("button", { text: "Load the example", attrs: { type: "button" }, on: { click: () => this.loadExample() } }),
          h("button", {
            text: "Remove all",
            attrs: { type: "button" },
            on: {
              click: () => {
                this.#generation++;
                this.#entries = [];
                this.#inputsChanged();
              },
            },
          }),
        ]),
        fileInput,
      ],
    );
    const inputs = h(
      "section",
      {
        class: "inputs",
        attrs: { part: "inputs", "aria-label": "Articles to compare" },
        on: {
          dragenter: (/** @type {DragEvent} */ event) => this.#dragOver(event),
          dragover: (/** @type {DragEvent} */ event) => this.#dragOver(event),
          dragleave: (/** @type {DragEvent} */ event) => {
            if (!inputs.contains(/** @type {Node | null} */ (event.relatedTarget))) inputs.classList.remove("dragging");
          },
          drop: (/** @type {DragEvent} */ event) => this.#drop(event),
          paste: (/** @type {ClipboardEvent} */ event) => this.#paste(event),
        },
      },
      [dropzone, pasteForm, h("ul", { class: "articles", attrs: { part: "articles", "aria-label": "Articles" } })],
    );
    const progress = h("progress", { attrs: { max: 1, hidden: true, "aria-label": "Progress" } });
    const cancel = h("button", { text: "Cancel", attrs: { type: "button", hidden: true }, on: { click: () => this.cancel() } });
    const again = h("button", { text: "Compare again", attrs: { type: "button", hidden: true }, on: { click: () => this.compare() } });
    const status = h("div", { class: "status", attrs: { part: "status" } }, [
      h("span", { class: "status-text", attrs: { role: "status", "aria-live": "polite" } }),
      progress,
      cancel,
      again,
    ]);
    const tabs = h("div", { class: "tabs", attrs: { role: "tablist", "aria-label": "Views", part: "tabs" } });
    const exportsGroup = h(
      "div",
      { class: "exports", attrs: { role: "group", "aria-label": "Download", part: "exports" } },
      Object.entries(EXPORTS).map(([kind, format]) =>
        h("button", {
          text: format.label,
          attrs: { type: "button", disabled: true, "data-export": kind },
          on: { click: () => this.#export(/** @type {ExportKind} */ (kind)) },
        }),
      ),
    );
    const panel = h("div", { class: "panel", attrs: { role: "tabpanel", id: "panel", tabindex: 0, part: "panel" } });
    this.#parts = { inputs, status, progress, cancel, again, tabs, panel, pasteButton };
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

  /** @param {DragEvent} event */
  #dragOver(event) {
    if (!this.hasAttribute("inputs") || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this.#parts.inputs.classList.add("dragging");
  }

  /** @param {DragEvent} event */
  #drop(event) {
    if (!this.hasAttribute("inputs") || !event.dataTransfer) return;
    event.preventDefault();
    this.#parts.inputs.classList.remove("dragging");
    const files = [...event.dataTransfer.files];
    if (files.length) this.addFiles(files);
    else {
      const text = event.dataTransfer.getData("text/plain");
      if (text) this.addArticle("", text);
    }
  }

  /** @param {ClipboardEvent} event */
  #paste(event) {
    const target = /** @type {HTMLElement} */ (event.composedPath()[0]);
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || !event.clipboardData) return;
    const files = [...event.clipboardData.files];
    const text = event.clipboardData.getData("text/plain");
    if (!files.length && !text) return;
    event.preventDefault();
    if (files.length) this.addFiles(files);
    else this.addArticle("", text);
  }

  /**
   * @param {string} text
   * @param {{ progress?: number | null, cancel?: boolean, error?: boolean, again?: boolean }} [how]
   *   progress: a share from 0 to 1, null for "busy, amount unknown", absent for idle
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
    cancel.hidden = !how.cancel;
    again.hidden = !how.again;
  }

  #renderEntries() {
    const list = /** @type {HTMLElement} */ (this.#root.querySelector(".articles"));
    if (!list) return;
    const warnings = new Map();
    for (const warning of this.#report?.warnings ?? []) {
      const key = this.#sourceKeys[warning.source];
      if (key !== undefined) warnings.set(key, [...(warnings.get(key) ?? []), warning.message]);
    }
    list.replaceChildren(...this.#entries.map((entry) => this.#entryItem(entry, warnings.get(entry.key) ?? [])));
  }

  /**
   * @param {Entry} entry
   * @param {string[]} warnings
   */
  #entryItem(entry, warnings) {
    const name = h("span", { class: "entry-name", text: entry.name, attrs: { dir: "auto" } });
    /** @type {(Node | string)[]} */
    const notes = [];
    if (entry.pending) notes.push(h("span", { class: "entry-note", text: "reading…" }));
    else if (entry.error) notes.push(h("span", { class: "entry-note error", text: `Not compared: this file ${entry.error}.` }));
    else if (typeof entry.text === "string") notes.push(h("span", { class: "entry-note", text: formatSize(entry.text.length) }));
    for (const warning of warnings) notes.push(h("span", { class: "entry-note warning", text: warning, attrs: { dir: "auto" } }));
    const rename = h("button", {
      class: "small",
      text: "Rename",
      attrs: { type: "button", "aria-label": `Rename ${entry.name}` },
      on: { click: () => this.#startRename(item, entry) },
    });
    const remove = h("button", {
      class: "small",
      text: "Remove",
      attrs: { type: "button", "aria-label": `Remove ${entry.name}` },
      on: { click: () => this.#remove(entry.key) },
    });
    const item = h("li", { class: entry.error ? "entry has-error" : "entry", attrs: { "data-key": entry.key } }, [
      h("div", { class: "entry-main" }, [name, ...notes]),
      h("div", { class: "entry-actions" }, [rename, remove]),
    ]);
    return item;
  }

  /**
   * @param {HTMLElement} item
   * @param {Entry} entry
   */
  #startRename(item, entry) {
    const input = h("input", {
      class: "rename",
      attrs: { type: "text", "aria-label": `New name for ${entry.name}`, dir: "auto" },
    });
    input.value = entry.name;
    let finished = false;
    const finish = (/** @type {boolean} */ keep) => {
      if (finished) return;
      finished = true;
      if (keep) this.#rename(entry.key, input.value);
      else this.#renderEntries();
      /** @type {HTMLElement | null} */ (this.#root.querySelector(`li[data-key="${entry.key}"] button`))?.focus();
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        finish(true);
      } else if (event.key === "Escape") {
        event.preventDefault();
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    const name = /** @type {HTMLElement} */ (item.querySelector(".entry-name"));
    name.replaceWith(input);
    input.focus();
    input.select();
  }

  #renderTabs() {
    const tabs = this.#parts.tabs;
    const report = this.#report;
    /** @type {Record<ViewName, string>} */
    const counts = {
      overview: "",
      matrix: report ? ` (${this.#model?.rows.length ?? 0})` : "",
      conflicts: report ? ` (${report.conflicts.length})` : "",
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
    if (!this.#model) {
      panel.replaceChildren(this.#emptyState());
      return;
    }
    const render = VIEWS.find(([name]) => name === this.#view)?.[2] ?? renderOverview;
    /** @type {ViewContext} */
    const context = {
      model: this.#model,
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
