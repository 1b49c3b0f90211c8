// @ts-check
/**
 * Claims to check: the claims no other source shares, `possible` ones (a claim in another
 * source comes close) and `single` ones, each in its sentence with its closest claims in each
 * other source (source name and score) and buttons to accept a match (the same claim) or
 * reject it. Decisions go through `context.decide`, which re-derives coverage for the whole
 * page (views/decisions.js) and keeps them for the session; "Your decisions" lists them with
 * an undo each.
 */
import { CLAIMS_PAGE } from "./context.js";
import { h, percent, showMoreButton, textIn } from "./dom.js";
import { pairKey } from "./decisions.js";
import { claimInSentence, shownOf, supportTag } from "./support.js";

/** @typedef {import("./context.js").ViewContext} ViewContext */
/** @typedef {import("./context.js").ClaimsState} ClaimsState */
/** @typedef {import("../types").Claim} Claim */
/** @typedef {import("../types").ClosestClaim} ClosestClaim */

/** Other sources whose close claims an item shows at first (with a thousand sources, all of them would not fit). */
const CANDIDATE_SOURCES = 8;

/** @type {[ClaimsState["filter"], string][]} */
const FILTERS = [
  ["all", "Possible and single"],
  ["possible", "Possible"],
  ["single", "Single-source"],
];

/** @param {ViewContext} context */
export function renderClaims(context) {
  const { model, coverage, state, idPrefix } = context;
  const sources = model.compared;
  const claims = state.claims;
  if (sources.length < 2) {
    return h("div", { class: "claims-view" }, [h("p", { class: "empty", text: "Claims to check need at least two sources." })]);
  }
  const listed = listedClaims(context);
  const shown = listed.slice(0, claims.shown);
  const totals = coverage.totals;
  const picked = claims.source === null ? null : coverage.sources[claims.source];
  const scope = picked ?? totals;
  const where = claims.source === null ? "" : ` in ${model.sourceName(claims.source)}`;

  const filters = h(
    "div",
    { class: "filters", attrs: { role: "group", "aria-label": "Show claims" } },
    FILTERS.map(([value, label]) => {
      const count = value === "all" ? scope.possible + scope.single : scope[value];
      return h("button", {
        class: "chip",
        text: `${label} (${count})`,
        attrs: { type: "button", "aria-pressed": String(claims.filter === value), "data-filter": value },
        on: {
          click: () => {
            claims.filter = value;
            claims.shown = CLAIMS_PAGE;
            context.rerender();
          },
        },
      });
    }),
  );
  const picker = h(
    "select",
    {
      attrs: { id: `${idPrefix}-claims-source` },
      on: {
        change: (/** @type {Event} */ event) => {
          const value = /** @type {HTMLSelectElement} */ (event.target).value;
          claims.source = value === "" ? null : Number(value);
          claims.shown = CLAIMS_PAGE;
          context.rerender();
          context.root.getElementById(`${idPrefix}-claims-source`)?.focus();
        },
      },
    },
    [
      h("option", { text: "All sources", attrs: { value: "", selected: claims.source === null } }),
      ...sources.map((s) => h("option", { text: `${s.id + 1}. ${s.name}`, attrs: { value: s.id, selected: s.id === claims.source } })),
    ],
  );

  const summary = h("p", {
    class: "count claims-count",
    attrs: { role: "status", tabindex: -1 },
    text:
      `${scope.possible} possible and ${scope.single} single-source ${scope.possible + scope.single === 1 ? "claim" : "claims"}${where}; ` +
      `${scope.shared} of ${scope.claims} claims shared` +
      (scope.confirmed ? ` (${scope.confirmed} through your matches).` : ".") +
      (listed.length > shown.length ? ` First ${shown.length} of ${listed.length} shown.` : ""),
  });

  /** @type {HTMLElement[]} */
  const groups = [];
  /** @type {HTMLElement | null} */
  let list = null;
  let lastSource = -1;
  shown.forEach((claim, index) => {
    const source = model.sourceOfClaim(claim);
    if (source !== lastSource || !list) {
      lastSource = source;
      list = h("ol", { class: "check-list" });
      groups.push(
        h("section", { class: "check-group", attrs: { "aria-label": model.sourceName(source) } }, [
          h("h3", {}, [h("span", { class: "source-number", text: String(source + 1) }), " ", textIn("span", model.sourceName(source))]),
          list,
        ]),
      );
    }
    list.append(item(context, claim, index));
  });

  const view = h("div", { class: "claims-view" }, [
    h("div", { class: "toolbar" }, [filters, h("label", { class: "field" }, [h("span", { text: "Source" }), picker])]),
    summary,
    h("p", {
      class: "note",
      text:
        "Possible: a claim in another source comes close. Single: nothing in another source comes close. " +
        "Accept a close claim when it states the same thing (both then count as shared), reject it when it does not. " +
        "Your decisions change the counts on this page only and are kept in this browser tab for these articles; nothing leaves your machine.",
    }),
    yourDecisions(context),
    groups.length
      ? h("div", { class: "check-groups" }, groups)
      : h("p", { class: "empty", text: claims.filter === "all" ? `Every claim${where} is shared with another source.` : "No claims of this kind. Choose another filter." }),
    listed.length > shown.length
      ? showMoreButton(Math.min(CLAIMS_PAGE, listed.length - shown.length), "claims", () => {
          claims.shown += CLAIMS_PAGE;
          context.rerender();
        })
      : null,
  ]);
  restoreFocus(context, view);
  return view;
}

/**
 * The claims listed under the current filter and source: per source the possible ones (the
 * closest candidate first), then the single ones (checkable claims first).
 * @param {ViewContext} context
 * @returns {Claim[]}
 */
function listedClaims({ model, coverage, state }) {
  const { filter, source } = state.claims;
  /** @type {Claim[]} */
  const listed = [];
  coverage.sources.forEach((counts, id) => {
    if (source !== null && id !== source) return;
    const ids = [...(filter === "single" ? [] : counts.possibleClaims), ...(filter === "possible" ? [] : counts.singleClaims)];
    for (const claimId of ids) {
      const claim = model.claims[claimId];
      if (claim) listed.push(claim);
    }
  });
  return listed;
}

/**
 * One claim with its close claims and the buttons to decide.
 * @param {ViewContext} context
 * @param {Claim} claim
 * @param {number} index its place in the list, to move the focus after a decision
 */
function item(context, claim, index) {
  const { model, coverage } = context;
  const sentence = model.sentences[claim.sentence];
  const state = shownOf(coverage, claim);
  const candidates = coverage.candidates[claim.id] ?? [];
  /** @type {Map<number, ClosestClaim[]>} */
  const bySource = new Map();
  for (const candidate of candidates) {
    const list = bySource.get(candidate.source);
    if (list) list.push(candidate);
    else bySource.set(candidate.source, [candidate]);
  }
  const ranked = [...bySource].sort(([, a], [, b]) => b[0].score - a[0].score);
  const expanded = context.state.claims.expanded.includes(claim.id);
  const hiddenSources = expanded ? 0 : Math.max(0, ranked.length - CANDIDATE_SOURCES);
  const groups = ranked.slice(0, ranked.length - hiddenSources).sort(([a], [b]) => a - b);
  const rejected = context.decisions.filter((d) => d.verdict === "reject" && (d.claim === claim.id || d.other === claim.id)).length;
  const open = h("button", {
    class: "link",
    text: "Show in the article",
    attrs: { type: "button", title: "Show this sentence in its article" },
    on: { click: () => context.show("article", claim.sentence) },
  });
  return h("li", { class: `check-item ${state}`, attrs: { "data-claim": claim.id, "data-support": state, "data-index": index } }, [
    h("div", { class: "check-head" }, [supportTag(state), " ", open]),
    h("p", { class: "check-claim", attrs: { dir: "auto" } }, [sentence ? claimInSentence(sentence, claim) : claim.text]),
    bySource.size
      ? h(
          "div",
          { class: "candidates" },
          [
            ...groups.map(([source, list]) =>
              h("section", { class: "candidate-source", attrs: { "aria-label": `Closest in ${model.sourceName(source)}` } }, [
                h("h4", {}, [h("span", { class: "source-number", text: String(source + 1) }), " ", textIn("span", `Closest in ${model.sourceName(source)}`)]),
                h("ul", {}, list.map((candidate) => candidateItem(context, claim, candidate, index))),
              ]),
            ),
            hiddenSources
              ? h("button", {
                  class: "more",
                  text: `Show close claims in ${hiddenSources} more ${hiddenSources === 1 ? "source" : "sources"}`,
                  attrs: { type: "button" },
                  on: {
                    click: () => {
                      context.state.claims.expanded.push(claim.id);
                      context.rerender();
                    },
                  },
                })
              : null,
          ],
        )
      : h("p", {
          class: "note no-candidates",
          text: rejected ? `You rejected every close claim (${rejected}); undo below “Your decisions”.` : "No claim in another source comes close.",
        }),
  ]);
}

/**
 * @param {ViewContext} context
 * @param {Claim} claim
 * @param {ClosestClaim} candidate
 * @param {number} index
 */
function candidateItem(context, claim, candidate, index) {
  const { model, coverage } = context;
  const other = model.claims[candidate.claim];
  const sentence = other ? model.sentences[other.sentence] : undefined;
  const sourceName = model.sourceName(candidate.source);
  const choose = (/** @type {"accept" | "reject"} */ verdict) => () => {
    context.state.claims.focus = index;
    context.decide({ verdict, claim: claim.id, other: candidate.claim });
  };
  return h("li", { class: "candidate", attrs: { "data-claim": candidate.claim, "data-source": candidate.source } }, [
    h("p", { class: "candidate-text", attrs: { dir: "auto" } }, [
      other && sentence ? claimInSentence(sentence, other) : other?.text ?? `claim ${candidate.claim}`,
    ]),
    h("div", { class: "candidate-actions" }, [
      h("span", { class: "candidate-meta" }, [
        h("span", { class: "score", text: `score ${percent(candidate.score)}`, attrs: { title: "How close the two claims read, 0 to 100%" } }),
        other ? supportTag(shownOf(coverage, other)) : null,
      ]),
      h("span", { class: "candidate-buttons" }, [
        h("button", {
          class: "accept",
          text: "Accept",
          attrs: { type: "button", "aria-label": `Accept: the same claim as in ${sourceName}` },
          on: { click: choose("accept") },
        }),
        h("button", {
          class: "reject",
          text: "Reject",
          attrs: { type: "button", "aria-label": `Reject: not the same claim as in ${sourceName}` },
          on: { click: choose("reject") },
        }),
      ]),
    ]),
  ]);
}

/**
 * The reader's decisions, each with an undo, and a way to clear them all.
 * @param {ViewContext} context
 */
function yourDecisions(context) {
  const { model, decisions } = context;
  if (!decisions.length) return null;
  const side = (/** @type {number} */ id) => {
    const claim = model.claims[id];
    const source = claim ? model.sourceOfClaim(claim) : -1;
    return h("span", { class: "decided-claim" }, [
      h("span", { class: "source-number", text: String(source + 1), attrs: { title: model.sourceName(source) } }),
      " ",
      textIn("span", claim?.text ?? `claim ${id}`),
    ]);
  };
  return h("section", { class: "your-decisions", attrs: { "aria-labelledby": `${context.idPrefix}-decisions-title` } }, [
    h("h3", { text: `Your decisions (${decisions.length})`, attrs: { id: `${context.idPrefix}-decisions-title` } }),
    h(
      "ul",
      {},
      decisions.map((d) =>
        h("li", { class: `decision ${d.verdict}`, attrs: { "data-pair": pairKey(d.claim, d.other) } }, [
          h("span", { class: `badge verdict ${d.verdict}`, text: d.verdict === "accept" ? "matched" : "rejected" }),
          " ",
          side(d.claim),
          h("span", { class: "decision-joint", text: d.verdict === "accept" ? " = " : " ≠ " }),
          side(d.other),
          " ",
          h("button", {
            class: "undo",
            text: "Undo",
            attrs: { type: "button" },
            on: { click: () => context.decide({ verdict: "undo", claim: d.claim, other: d.other }) },
          }),
        ]),
      ),
    ),
    h("button", { class: "clear-decisions", text: "Clear all decisions", attrs: { type: "button" }, on: { click: () => context.decide({ verdict: "clear" }) } }),
  ]);
}

/**
 * After a decision the item decided on may leave the list: the focus goes to the item now in
 * its place (its first button), or to the count when the list is shorter.
 * @param {ViewContext} context
 * @param {HTMLElement} view
 */
function restoreFocus(context, view) {
  const index = context.state.claims.focus;
  if (index === null) return;
  context.state.claims.focus = null;
  const items = /** @type {HTMLElement[]} */ ([...view.querySelectorAll(".check-item")]);
  const item = items[Math.min(index, items.length - 1)];
  const target = item?.querySelector("button.accept") ?? item?.querySelector("button") ?? view.querySelector(".claims-count");
  if (target instanceof HTMLElement) requestAnimationFrame(() => target.focus());
}
