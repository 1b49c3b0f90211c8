// @ts-check
/**
 * The demo page around the element: the theme toggle (remembered in this browser only) and
 * the engine version in the footer.
 */
import "./define.js";
import { loadEngine, version } from "./engine.js";

const THEME_KEY = "crosscheck-theme";
const root = document.documentElement;
const toggle = /** @type {HTMLButtonElement} */ (document.getElementById("theme-toggle"));

/** @returns {"light" | "dark"} */
function systemTheme() {
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** @returns {string | null} */
function storedTheme() {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null;
  }
}

/** @param {"light" | "dark"} theme */
function applyTheme(theme) {
  root.dataset.theme = theme;
  for (const element of document.querySelectorAll("cross-check")) element.setAttribute("theme", theme);
  toggle.setAttribute("aria-pressed", String(theme === "dark"));
}

const saved = storedTheme();
applyTheme(saved === "dark" || saved === "light" ? saved : systemTheme());
toggle.addEventListener("click", () => {
  const next = root.dataset.theme === "dark" ? "light" : "dark";
  applyTheme(next);
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch {
    // Storage can be off (private windows, file:// in some browsers): the toggle still works for this visit.
  }
});

loadEngine().then(
  () => {
    const target = document.getElementById("engine-version");
    if (target) target.textContent = `crosscheck ${version()}`;
  },
  () => {},
);
