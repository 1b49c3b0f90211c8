// @ts-check
/**
 * Exports of a report: the report JSON, the fact matrix as CSV and a Markdown summary, the
 * latter two written by the engine so they match `crosscheck --format csv|markdown`; and
 * {@link saveFile} for any text the page saves (a session).
 * Downloads go through a Blob URL and `a[download]`: nothing leaves the machine.
 */
import { loadEngine, toCsv, toMarkdown } from "./engine.js";

/** @typedef {import("./types").Report} Report */
/** @typedef {"json" | "csv" | "markdown"} ExportKind */

/** @type {Record<ExportKind, { label: string, file: string, type: string, write: (report: Report) => string }>} */
export const EXPORTS = {
  json: {
    label: "Report JSON",
    file: "crosscheck-report.json",
    type: "application/json",
    write: (report) => `${JSON.stringify(report, null, 2)}\n`,
  },
  csv: { label: "Fact matrix CSV", file: "crosscheck-facts.csv", type: "text/csv", write: toCsv },
  markdown: { label: "Markdown summary", file: "crosscheck-summary.md", type: "text/markdown", write: toMarkdown },
};

/**
 * Writes `report` in the chosen format and starts the download.
 * @param {ExportKind} kind
 * @param {Report} report
 * @param {ParentNode} container where the temporary link lives while it is clicked
 */
export async function download(kind, report, container) {
  await loadEngine();
  const format = EXPORTS[kind];
  saveFile(format.write(report), format.file, format.type, container);
}

/**
 * Starts the download of `text` as a file.
 * @param {string} text
 * @param {string} file the suggested file name
 * @param {string} type its media type
 * @param {ParentNode} container where the temporary link lives while it is clicked
 */
export function saveFile(text, file, type, container) {
  const blob = new Blob([text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
