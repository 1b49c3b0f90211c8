// @ts-check
/**
 * Building DOM without markup strings: every text goes in as a Text node or through
 * `textContent`, every attribute through `setAttribute`. Article text and file names can
 * therefore never become HTML, whatever they contain.
 */

/** @typedef {string | number | boolean | null | undefined} AttributeValue */
/**
 * @typedef {object} Props
 * @property {string} [class]
 * @property {string} [text] becomes the element's textContent
 * @property {Record<string, AttributeValue>} [attrs] `false`, null and undefined leave the attribute out
 * @property {Record<string, (event: any) => void>} [on] event listeners
 */

/** Attributes that could run code or load something; no view ever sets them from data. */
const FORBIDDEN = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;

/**
 * Creates an element.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {Array<Node | string | null | undefined | false>} [children] strings become text nodes
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, children = []) {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (FORBIDDEN.test(name)) throw new Error(`refusing to set the ${name} attribute`);
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener);
  if (props.text !== undefined) element.textContent = props.text;
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/**
 * Text only screen readers hear (a diff's "only here", a dimmed line's role).
 * @param {string} text
 */
export function hidden(text) {
  return h("span", { class: "visually-hidden", text });
}

/**
 * A number as a percentage, for text (never colour alone).
 * @param {number} share 0 to 1
 */
export function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/**
 * A sentence or name shown in its own direction (Arabic and Hebrew display right).
 * @param {keyof HTMLElementTagNameMap} tag
 * @param {string} text
 * @param {string} [className]
 */
export function textIn(tag, text, className) {
  return h(tag, { class: className, text, attrs: { dir: "auto" } });
}

/**
 * The button under a long list that shows the next part of it. Long lists are shown a part
 * at a time because laying out thousands of rows freezes the page for seconds.
 * @param {number} next how many more items a click shows
 * @param {string} noun plural, e.g. "rows"
 * @param {() => void} onClick
 */
export function showMoreButton(next, noun, onClick) {
  return h("button", { class: "more", text: `Show ${next} more ${noun}`, attrs: { type: "button" }, on: { click: onClick } });
}
