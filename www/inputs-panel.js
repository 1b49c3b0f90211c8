// @ts-check
/**
 * The input panel of `<cross-check>`: the list of inputs (entries), the drop zone, the file
 * picker, the paste form, rename and remove, and reading what the reader gives it.
 *
 * The element owns one panel and talks to it through a narrow interface. The panel calls
 * back {@link PanelHost}: `changed()` when the articles to compare changed, `status()` for
 * progress while it reads. The element asks it for the articles (`readable()`, `reading`,
 * `count`), hands it new inputs (`setArticles`, `addFiles`, `addArticle`, `loadUrls`,
 * `loadExample`) and each report's warnings and coverage (`showReport`). File names are text
 * only.
 *
 * The bundled example is a demo, not an input: while it is listed untouched, the reader's
 * first file or paste replaces it, with a note and a way back; loading the example over the
 * reader's own articles sets them aside (never discards them) with a way back to them.
 */
import { formatSize, MAX_TOTAL_BYTES, readFile, readText, readUrl } from "./read-files.js";
import { isJsonName, readSession } from "./session.js";
import { h } from "./views/dom.js";
import { copyDifference } from "./views/model.js";

/** @typedef {import("./types").Warning} Warning */
/** @typedef {import("./types").Source} Source */
/** @typedef {import("./read-files.js").ReadResult} ReadResult */
/** @typedef {import("./session.js").Session} Session */

/**
 * An input as the panel lists it: an article, or a reason it is not compared.
 * @typedef {object} Entry
 * @property {number} key
 * @property {string} name
 * @property {string} [text]
 * @property {string} [error]
 * @property {boolean} [pending] still being read or fetched
 */

/**
 * How the status line shows besides its text.
 * @typedef {object} StatusOptions
 * @property {number | null} [progress] a share from 0 to 1, null for "busy, amount unknown", absent for idle
 * @property {boolean} [cancel] show the Cancel button
 * @property {boolean} [error] show the line as an error
 * @property {boolean} [again] show the "Compare again" button
 */

/**
 * What the panel needs from the element that owns it.
 * @typedef {object} PanelHost
 * @property {() => void} changed the articles to compare changed (the element compares them again)
 * @property {(text: string, how?: StatusOptions) => void} status shows a line in the element's status bar
 * @property {() => boolean} accepting whether drops are taken (the element has the `inputs` attribute)
 * @property {() => void} loadExample what the "Load the example" button does
 * @property {(session: Session) => void} sessionOpened a session file was opened; its articles replace the inputs next
 */

const ACCEPTED_FILES = ".txt,.md,.markdown,.text,.html,.htm,.json,text/plain,text/markdown,text/html,application/json";

/** Files read at the same time. */
const READERS_AT_ONCE = 4;

/** Largest session file read: the most text compared at once, with room for its JSON escapes. */
const MAX_SESSION_BYTES = 2 * MAX_TOTAL_BYTES;

export class InputsPanel {
  #host;
  /** @type {Entry[]} */
  #entries = [];
  #nextKey = 1;
  /** Bumped whenever all inputs are replaced, so a slow example load cannot undo a newer choice. */
  #generation = 0;
  /** The current report's warnings and coverage notes, by entry key, shown beside the entries. */
  #warnings = /** @type {Map<number, string[]>} */ (new Map());
  /** Whether the entries are the bundled example. */
  #example = false;
  /** @type {Entry[] | null} the reader's own entries, set aside while the example is shown */
  #setAside = null;
  /** @type {{ text: string, action?: { label: string, run: () => void } } | null} the one-line note above the list */
  #note = null;
  /** @type {HTMLElement | null} */
  #noteLine = null;
  /** @type {HTMLElement | null} the `<section part="inputs">`, once built */
  #section = null;
  /** @type {HTMLElement | null} */
  #list = null;

  /** @param {PanelHost} host */
  constructor(host) {
    this.#host = host;
  }

  // ---- what the element asks and tells ---------------------------------------------------

  /** @returns {Entry[]} the inputs that can be compared (read, no error), in list order */
  readable() {
    return this.#entries.filter((entry) => typeof entry.text === "string" && !entry.error && !entry.pending);
  }

  /** True while some input is still being read or fetched. */
  get reading() {
    return this.#entries.some((entry) => entry.pending);
  }

  /** How many inputs are listed, readable or not. */
  get count() {
    return this.#entries.length;
  }

  /**
   * Replaces the inputs; each should be `{name: string, text: string}`.
   * @param {unknown} articles
   */
  setArticles(articles) {
    this.#forgetExample();
    this.#replaceWith(articles);
  }

  /** @param {unknown} articles */
  #replaceWith(articles) {
    this.#generation++;
    this.#entries = (Array.isArray(articles) ? articles : []).map((article, index) => {
      const name = typeof article?.name === "string" ? article.name : `Article ${index + 1}`;
      if (typeof article?.text !== "string") return { key: this.#nextKey++, name, error: "has no text (expected {name, text})" };
      const read = readText(name, article.text);
      return { key: this.#nextKey++, ...read };
    });
    this.#inputsChanged();
  }

  /**
   * Adds files (from a picker, a drop or a paste): one code path for all three.
   * @param {Iterable<File>} files
   */
  async addFiles(files) {
    const all = [...files];
    if (!all.length) return;
    // A saved session (.json) replaces the inputs, and is only itself: files dropped with it
    // are listed as not added (the session's decisions are for its own articles).
    const sessionFiles = all.filter((file) => isJsonName(file.name));
    const list = all.filter((file) => !isJsonName(file.name));
    if (sessionFiles.length) {
      const opened = await this.#openSessions(sessionFiles);
      if (opened && list.length) {
        this.#entries.push(...list.map((file) => ({ key: this.#nextKey++, name: file.name, error: "was dropped with a session, which opens on its own; add it again" })));
        this.#renderEntries();
        return;
      }
    }
    if (!list.length) return;
    this.#leaveExample("Your articles replaced the example.");
    /** @type {Entry[]} */
    const entries = list.map((file) => ({ key: this.#nextKey++, name: file.name, pending: true }));
    this.#entries.push(...entries);
    this.#renderEntries();
    await this.#settleEntries(entries, list.map((file) => () => readFile(file)), "Reading", list.length === 1 ? "file" : "files");
  }

  /**
   * Opens the last readable session among `files` in place of the inputs (setting the articles
   * there were aside, with a way back); a file that is not a session is listed with the reason.
   * @param {File[]} files
   * @returns {Promise<boolean>} whether a session was opened
   */
  async #openSessions(files) {
    const generation = this.#generation;
    const results = await Promise.all(
      files.map(async (file) => {
        if (file.size > MAX_SESSION_BYTES) {
          return { name: file.name, error: `is ${formatSize(file.size)}; crosscheck opens sessions of up to ${formatSize(MAX_SESSION_BYTES)}` };
        }
        try {
          return { name: file.name, ...readSession(await file.text()) };
        } catch (error) {
          return { name: file.name, error: `could not be read (${error instanceof Error ? error.message : String(error)})` };
        }
      }),
    );
    if (generation !== this.#generation) return false;
    const opened = results.filter((result) => "session" in result).pop();
    const refused = results.flatMap((result) => ("error" in result ? [{ key: this.#nextKey++, name: result.name, error: result.error }] : []));
    if (opened && "session" in opened) {
      // The reader's own articles: those listed, or those the example set aside.
      const before = this.#example ? (this.#setAside ?? []) : this.#entries.filter((entry) => !entry.pending);
      this.#forgetExample();
      const count = opened.session.articles.length;
      const what = `Opened the session ${opened.name}: ${count} ${count === 1 ? "article" : "articles"} with your decisions and marks.`;
      this.#note = before.length
        ? {
            text: `${what} The ${before.length} ${before.length === 1 ? "article" : "articles"} listed before ${before.length === 1 ? "is" : "are"} set aside.`,
            action: {
              label: "Back to those articles",
              run: () => {
                this.#note = null;
                this.#generation++;
                this.#entries = before;
                this.#inputsChanged();
              },
            },
          }
        : { text: what };
      this.#host.sessionOpened(opened.session);
      this.#replaceWith(opened.session.articles);
    }
    if (refused.length) {
      this.#entries.push(...refused);
      this.#renderEntries();
    }
    return Boolean(opened);
  }

  /**
   * Adds pasted text as a new article.
   * @param {string} name
   * @param {string} text
   */
  addArticle(name, text) {
    this.#leaveExample("Your article replaced the example.");
    const label = name.trim() || `Pasted article ${this.#entries.length + 1}`;
    this.#entries.push({ key: this.#nextKey++, ...readText(label, text) });
    this.#enforceTotal();
    this.#inputsChanged();
  }

  /**
   * Replaces the inputs with the articles fetched from `urls`.
   * @param {string[]} urls
   * @param {string} base what relative URLs are relative to
   */
  async loadUrls(urls, base) {
    this.#forgetExample();
    this.#generation++;
    this.#entries = urls.map((url) => ({ key: this.#nextKey++, name: url, pending: true }));
    this.#renderEntries();
    if (!urls.length) {
      this.#host.changed();
      return;
    }
    await this.#settleEntries(this.#entries, urls.map((url) => () => readUrl(url, base)), "Fetching", urls.length === 1 ? "article" : "articles");
  }

  /** Replaces the inputs with the bundled example (fictional articles about one invented event). */
  async loadExample() {
    const generation = ++this.#generation;
    this.#host.status("Loading the example…", { progress: null });
    const { exampleArticles } = await import("./pkg/example-articles.js");
    if (generation !== this.#generation) return;
    if (!this.#example && this.#entries.some((entry) => !entry.pending)) this.#setAside = this.#entries.filter((entry) => !entry.pending);
    this.#example = true;
    const kept = this.#setAside?.length ?? 0;
    this.#note = kept
      ? {
          text: `Showing the example (fictional articles). Your ${kept} ${kept === 1 ? "article is" : "articles are"} set aside.`,
          action: { label: "Back to my articles", run: () => this.#backToMine() },
        }
      : { text: "Showing the example: fictional articles about an invented event. Your first file replaces it." };
    this.#replaceWith(exampleArticles);
  }

  /**
   * Before the reader's own input is added: the example gives way to what was set aside
   * (or to nothing), and the note says so.
   * @param {string | null} note the note to show when the example gave way
   */
  #leaveExample(note) {
    if (!this.#example) {
      if (note === null) this.#note = null;
      return;
    }
    this.#example = false;
    this.#generation++;
    this.#entries = this.#setAside ?? [];
    this.#setAside = null;
    this.#note = note ? { text: note, action: { label: "Show the example", run: () => this.#host.loadExample() } } : null;
  }

  /** When every input is replaced or removed: no example, nothing set aside, no note. */
  #forgetExample() {
    this.#example = false;
    this.#setAside = null;
    this.#note = null;
  }

  /** Puts the reader's set-aside articles back in place of the example. */
  #backToMine() {
    this.#leaveExample(null);
    this.#inputsChanged();
    /** @type {HTMLElement | null | undefined} */ (this.#section?.querySelector(".dropzone button"))?.focus();
  }

  /**
   * Shows a report's warnings beside the inputs they are about, says which files are copies of
   * another (counted once), and names an article that shares nothing with the others while
   * they share with each other (a file about another event in the set).
   * @param {Warning[]} warnings
   * @param {Source[]} sources
   * @param {number[]} keys the entry key of each source in the report
   */
  showReport(warnings, sources, keys) {
    this.#warnings = new Map();
    /** @param {number} source @param {string} message */
    const note = (source, message) => {
      const key = keys[source];
      if (key !== undefined) this.#warnings.set(key, [...(this.#warnings.get(key) ?? []), message]);
    };
    for (const warning of warnings) note(warning.source, warning.message);
    for (const source of sources) {
      const copy = source.copyOf;
      if (!copy) continue;
      note(source.id, `The same text as ${sources[copy.source]?.name ?? "another file"} (${copyDifference(source)}): counted as one source with it.`);
    }
    const read = sources.filter((source) => !source.copyOf && source.summary.bodySentences > 0);
    const sharing = read.filter((source) => source.summary.sharedClaims > 0);
    if (read.length >= 3 && sharing.length >= 2) {
      for (const source of read) {
        if (source.summary.sharedClaims === 0 && source.summary.possibleClaims === 0) {
          note(source.id, "This article shares nothing with the others: is it about the same event?");
        }
      }
    }
    this.#renderEntries();
  }

  // ---- changing the inputs ---------------------------------------------------------------

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
    this.#host.changed();
  }

  /**
   * Fills pending entries with what their readers return, showing progress; entries removed
   * or replaced meanwhile are left alone.
   * @param {Entry[]} entries
   * @param {(() => Promise<ReadResult>)[]} readers one per entry
   * @param {string} verb
   * @param {string} noun
   */
  async #settleEntries(entries, readers, verb, noun) {
    const what = `${verb} ${entries.length} ${noun}…`;
    this.#host.status(what, { progress: 0 });
    let done = 0;
    let next = 0;
    // A few readers at a time, each file in tasks of its own: two hundred files started at once
    // had their bytes arrive together and the page froze for a third of a second.
    const reader = async () => {
      while (next < readers.length) {
        const index = next++;
        const result = await readers[index]();
        Object.assign(entries[index], result, { pending: false });
        done++;
        if (entries.some((entry) => this.#entries.includes(entry))) this.#host.status(what, { progress: done / entries.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(READERS_AT_ONCE, readers.length) }, reader));
    if (!entries.some((entry) => this.#entries.includes(entry))) return;
    this.#enforceTotal();
    this.#inputsChanged();
  }

  #removeAll() {
    this.#forgetExample();
    this.#generation++;
    this.#entries = [];
    this.#inputsChanged();
  }

  /** @param {number} key */
  #remove(key) {
    const index = this.#entries.findIndex((entry) => entry.key === key);
    this.#entries = this.#entries.filter((entry) => entry.key !== key);
    this.#inputsChanged();
    // Keep the keyboard user in place: the next entry's Remove button, else the previous one's, else the panel.
    const buttons = this.#section?.querySelectorAll(".entry-actions button:last-child") ?? [];
    const next = /** @type {HTMLElement | undefined} */ (buttons[Math.min(index, buttons.length - 1)]);
    (next ?? /** @type {HTMLElement | null | undefined} */ (this.#section?.querySelector(".dropzone button")))?.focus();
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

  // ---- rendering -------------------------------------------------------------------------

  /** Builds the panel (once); the element places what this returns. */
  build() {
    if (this.#section) return this.#section;
    const fileInput = h("input", {
      class: "file-input",
      attrs: { type: "file", multiple: true, accept: ACCEPTED_FILES, tabindex: -1, "aria-hidden": "true" },
      on: {
        change: () => {
          const files = [...(fileInput.files ?? [])];
          fileInput.value = "";
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
            pasteButton.focus();
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
                pasteButton.focus();
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
    const dropzone = h("div", { class: "dropzone", attrs: { part: "dropzone" } }, [
      h("p", { class: "drop-hint", text: "Drop .txt, .md or .html files here, or a saved session (.json), or paste text anywhere in this box." }),
      h("div", { class: "buttons" }, [
        h("button", { class: "primary", text: "Choose files", attrs: { type: "button" }, on: { click: () => fileInput.click() } }),
        pasteButton,
        h("button", { text: "Load the example", attrs: { type: "button" }, on: { click: () => this.#host.loadExample() } }),
        h("button", { text: "Remove all", attrs: { type: "button" }, on: { click: () => this.#removeAll() } }),
      ]),
      fileInput,
    ]);
    const list = h("ul", { class: "articles", attrs: { part: "articles", "aria-label": "Articles" } });
    const noteLine = h("p", { class: "inputs-note", attrs: { role: "status", hidden: true } });
    const section = h(
      "section",
      {
        class: "inputs",
        attrs: { part: "inputs", "aria-label": "Articles to compare" },
        on: {
          dragenter: (/** @type {DragEvent} */ event) => this.#dragOver(event),
          dragover: (/** @type {DragEvent} */ event) => this.#dragOver(event),
          dragleave: (/** @type {DragEvent} */ event) => {
            if (!section.contains(/** @type {Node | null} */ (event.relatedTarget))) section.classList.remove("dragging");
          },
          drop: (/** @type {DragEvent} */ event) => this.#drop(event),
          paste: (/** @type {ClipboardEvent} */ event) => this.#paste(event),
        },
      },
      [dropzone, pasteForm, noteLine, list],
    );
    this.#section = section;
    this.#list = list;
    this.#noteLine = noteLine;
    return section;
  }

  /** @param {DragEvent} event */
  #dragOver(event) {
    if (!this.#host.accepting() || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this.#section?.classList.add("dragging");
  }

  /** @param {DragEvent} event */
  #drop(event) {
    if (!this.#host.accepting() || !event.dataTransfer) return;
    event.preventDefault();
    this.#section?.classList.remove("dragging");
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

  #renderEntries() {
    this.#renderNote();
    if (!this.#list) return;
    this.#list.replaceChildren(...this.#entries.map((entry) => this.#entryItem(entry, this.#warnings.get(entry.key) ?? [])));
  }

  /** The note above the list: what happened to the example, and the way back. */
  #renderNote() {
    const line = this.#noteLine;
    if (!line) return;
    const note = this.#note;
    line.hidden = !note;
    if (!note) {
      line.replaceChildren();
      return;
    }
    const parts = [h("span", { text: note.text })];
    const action = note.action;
    if (action) parts.push(h("button", { class: "small", text: action.label, attrs: { type: "button" }, on: { click: () => action.run() } }));
    line.replaceChildren(...parts);
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
      /** @type {HTMLElement | null | undefined} */ (this.#list?.querySelector(`li[data-key="${entry.key}"] button`))?.focus();
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
}
