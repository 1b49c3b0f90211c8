// @ts-check
/**
 * Turns what a reader gives the page (files from the picker, a drop or a paste; fetched
 * URLs; pasted text) into articles, or into a one-line reason beside that input.
 *
 * In: `File`s, `Response`s or text. Out: `{name, text}` or `{name, error}`. Bytes are decoded
 * by the engine exactly as the CLI decodes files (UTF-8, UTF-16 with a BOM, HTML reduced to
 * its text; binary files, invalid UTF-8 and empty files refused with a message).
 */
import { decodeFile, loadEngine } from "./engine.js";
import { messageOf } from "./errors.js";

/** Largest file the page reads; a bigger one is refused with a message, the rest still compared. */
export const MAX_FILE_BYTES = 5_000_000;
/**
 * Largest web page the page reads: saved pages carry megabytes of inline scripts, styles and
 * images around a story of a few kilobytes, so the limit on the text (MAX_FILE_BYTES) is the
 * one that matters.
 */
export const MAX_PAGE_BYTES = 50_000_000;
/** Most text the page compares at once, summed over all articles. */
export const MAX_TOTAL_BYTES = 40_000_000;

/** @typedef {{ name: string, text: string } | { name: string, error: string }} ReadResult */

/** Decimal units, as the CLI writes them (a 50 MiB file is "52.4 MB" in both). @param {number} bytes */
export function formatSize(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * @param {string} name
 * @param {number} size
 * @returns {string | undefined} why a file of this size is refused
 */
function sizeProblem(name, size) {
  if (isPageName(name)) {
    if (size > MAX_PAGE_BYTES) return `is ${formatSize(size)}; crosscheck reads web pages of up to ${formatSize(MAX_PAGE_BYTES)} each`;
  } else if (size > MAX_FILE_BYTES) {
    return `is ${formatSize(size)}; crosscheck reads articles of up to ${formatSize(MAX_FILE_BYTES)} each`;
  }
  return undefined;
}

/** Whether a file name says web page, as the engine reads names. @param {string} name */
function isPageName(name) {
  return /\.html?$/i.test(name);
}

/** Resolves in a later task, letting the browser handle input and paint in between. */
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * @param {string} name
 * @param {Uint8Array} bytes
 * @returns {Promise<ReadResult>}
 */
async function decode(name, bytes) {
  const tooBig = sizeProblem(name, bytes.length);
  if (tooBig) return { name, error: tooBig };
  await loadEngine();
  // Each file is decoded in a task of its own: two hundred files read at once would otherwise
  // be decoded back to back in one task of a third of a second, and the page would not answer.
  await nextTask();
  try {
    const text = decodeFile(bytes, name);
    if (text.trim() === "") return { name, error: "has no text" };
    const textBytes = new Blob([text]).size;
    if (textBytes > MAX_FILE_BYTES) {
      return { name, error: `has ${formatSize(textBytes)} of text; crosscheck reads articles of up to ${formatSize(MAX_FILE_BYTES)} each` };
    }
    return { name, text };
  } catch (error) {
    return { name, error: messageOf(error) };
  }
}

/**
 * @param {File} file
 * @returns {Promise<ReadResult>}
 */
export async function readFile(file) {
  const tooBig = sizeProblem(file.name, file.size);
  if (tooBig) return { name: file.name, error: tooBig };
  try {
    return await decode(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    return { name: file.name, error: `could not be read (${messageOf(error)})` };
  }
}

/**
 * Fetches one article URL (relative to the page). Only what the embedder lists is fetched.
 * @param {string} url
 * @param {string} base
 * @returns {Promise<ReadResult>}
 */
export async function readUrl(url, base) {
  let resolved;
  try {
    resolved = new URL(url, base);
  } catch {
    return { name: url, error: "is not a URL" };
  }
  const name = decodeURIComponent(resolved.pathname.split("/").filter(Boolean).pop() ?? "") || resolved.href;
  try {
    const response = await fetch(resolved, { credentials: "same-origin" });
    if (!response.ok) return { name, error: `could not be fetched (HTTP ${response.status})` };
    const declared = Number(response.headers.get("content-length") ?? 0);
    const tooBig = sizeProblem(name, declared);
    if (tooBig) return { name, error: tooBig };
    return await decode(name, new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    return { name, error: `could not be fetched (${messageOf(error)})` };
  }
}

/**
 * Pasted text as an article.
 * @param {string} name
 * @param {string} text
 * @returns {ReadResult}
 */
export function readText(name, text) {
  const size = new TextEncoder().encode(text).length;
  const tooBig = sizeProblem(name, size);
  if (tooBig) return { name, error: tooBig };
  if (text.trim() === "") return { name, error: "has no text" };
  return { name, text };
}
