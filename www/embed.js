// @ts-check
/** The mock newsroom page: registers the element and shows how a page listens to its report. */
import "./define.js";

const summary = document.getElementById("factbox-summary");
document.addEventListener("cross-check-report", (event) => {
  const { report } = event.detail;
  if (!summary) return;
  const compared = report.sources.filter((source) => !source.copyOf).length;
  summary.textContent = `${compared} outlets compared: ${report.facts.length} facts reported by several of them, ${report.conflicts.length} points where they disagree.`;
});
