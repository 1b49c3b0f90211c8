// @ts-check
/**
 * A saved session: everything a reader has put into the page, in one JSON file they keep, so
 * that work on a set of articles can stop and go on later, on this machine or another.
 *
 * In: the articles (names and texts), the decisions on close claims (views/decisions.js), the
 * marks and notes on disagreements (views/marks.js) and the settings. Out: the file's text
 * ({@link writeSession}); and back ({@link readSession}), with a one-line reason for a file that
 * is not a session. The report is not saved: it is the engine's, made again on open, and the
 * decisions and marks carry the texts they are about so they find their claims and cards again.
 * The file is made and read in the page; nothing is sent anywhere.
 */

/** @typedef {import("./views/decisions.js").Decision} Decision */
/** @typedef {import("./views/marks.js").Mark} Mark */

/** The `format` of a session file. */
export const SESSION_FORMAT = "crosscheck-session";
/** The version of the session layout; a file of a newer version is refused with a message. */
export const SESSION_VERSION = 1;

/**
 * @typedef {object} Session
 * @property {{ name: string, text: string }[]} articles
 * @property {Decision[]} decisions as stored; checked against the report when it is made
 * @property {Mark[]} marks as stored; checked against the report when it is made
 * @property {number | null} minFactScore the element's setting, null for the default
 */

/**
 * The session as the text of a `.json` file.
 * @param {Session} session
 * @param {string} generator who wrote it ("crosscheck 0.1.0")
 */
export function writeSession(session, generator) {
  return `${JSON.stringify(
    {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      generator,
      savedAt: new Date().toISOString(),
      articles: session.articles.map(({ name, text }) => ({ name, text })),
      decisions: session.decisions,
      marks: session.marks,
      minFactScore: session.minFactScore,
    },
    null,
    2,
  )}\n`;
}

/** Whether a JSON text is meant as a session (its `format`), before it is checked. @param {unknown} data */
function claimsToBeSession(data) {
  return Boolean(data && typeof data === "object" && /** @type {Record<string, unknown>} */ (data).format === SESSION_FORMAT);
}

/**
 * Reads a session file's text.
 * @param {string} text
 * @returns {{ session: Session } | { error: string }}
 */
export function readSession(text) {
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "is not valid JSON, so not a crosscheck session" };
  }
  if (!claimsToBeSession(data)) return { error: "is a JSON file but not a crosscheck session (saved with “Save session”)" };
  const record = /** @type {Record<string, unknown>} */ (data);
  if (typeof record.version !== "number" || record.version > SESSION_VERSION) {
    return { error: `is a session of a newer crosscheck (version ${String(record.version)}); this page reads version ${SESSION_VERSION}` };
  }
  if (!Array.isArray(record.articles) || !record.articles.length) return { error: "is a session with no articles" };
  const articles = [];
  for (const [index, article] of record.articles.entries()) {
    const { name, text } = /** @type {Record<string, unknown>} */ (article ?? {});
    if (typeof name !== "string" || typeof text !== "string") return { error: `is a damaged session: article ${index + 1} has no name or text` };
    articles.push({ name, text });
  }
  const score = record.minFactScore;
  return {
    session: {
      articles,
      decisions: Array.isArray(record.decisions) ? record.decisions : [],
      marks: Array.isArray(record.marks) ? record.marks : [],
      minFactScore: typeof score === "number" && Number.isFinite(score) ? score : null,
    },
  };
}

/** Whether a file name says JSON, the only kind of file a session can be. @param {string} name */
export function isJsonName(name) {
  return /\.json$/i.test(name);
}
