// Events view: the filter form and its state live in the URL, so a timeline point or an actor
// page can link straight to a filtered table, and the back button undoes a filter.
"use strict";

(() => {
  const { el, api, pageParams, status, fail } = T;
  const FILTERS = [
    ["source", "Source", "text", "USA"], ["target", "Target", "text", "TAL"],
    ["dyad", "Dyad (either way)", "text", "USA-TAL"], ["actor", "Actor (either side)", "text", "AFG"],
    ["cameo", "CAMEO code", "text", "0311"], ["since", "Since", "date"], ["until", "Until", "date"],
    ["place", "Place", "text", "Kabul"], ["text", "Text", "search", "words in the evidence"],
    ["title", "Title", "search", "words in the headline"],
  ];
  const PAGE = 50;

  function selectField(name, label, options, value) {
    return el("label", {}, label, el("select", { name },
      options.map(([v, text]) => el("option", { value: v, selected: v === (value || "") }, text))));
  }

  async function draw() {
    // the rows of the last address go at once: none may stand under the new one while its
    // form and rows load
    document.getElementById("results")?.replaceChildren();
    const params = pageParams();
    const form = el("form", { id: "filters", class: "filters" });
    for (const [name, label, type, hint] of FILTERS) {
      form.append(el("label", {}, label,
        el("input", { name, type, value: params[name] || "", placeholder: hint || null })));
    }
    let roots = [];
    try { roots = await api("/api/cameo/roots"); } catch (error) { fail(error); }
    form.append(
      selectField("root", "CAMEO root", [["", "any"], ...roots.map((r) => [r.code, `${r.code} ${r.name}`])], params.root),
      selectField("quad_class", "QuadClass", [["", "any"], ["1", "1 verbal cooperation"],
        ["2", "2 material cooperation"], ["3", "3 verbal conflict"], ["4", "4 material conflict"],
        ["1,2", "cooperation (1–2)"], ["3,4", "conflict (3–4)"]], params.quad_class),
      selectField("modality", "Modality", [["", "any"], ...["asserted", "reported", "disputed",
        "planned", "hypothetical", "negated"].map((m) => [m, m])], params.modality),
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "unique", value: "true",
        checked: params.unique === "true" }), "one row per real-world event"),
      el("button", { type: "submit" }, "Filter"),
      el("a", { href: "/events", class: "reset" }, "clear"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const next = Object.fromEntries(new FormData(form).entries());
      if (params.order) next.order = params.order;
      go(next);
    });
    const results = el("div", { id: "results" });
    document.getElementById("app").replaceChildren(form, results);
    await load(params, results);
  }

  function go(params) {
    const query = new URLSearchParams(T.clean(params)).toString();
    history.pushState(null, "", query ? `/events?${query}` : "/events");
    draw();
  }

  async function load(params, results) {
    const offset = Number(params.offset || 0);
    status("Loading…");
    let page;
    try {
      page = await api("/api/events", { ...params, limit: PAGE, offset });
    } catch (error) { results.replaceChildren(); fail(error); return; }
    status("");
    const order = params.order || "-date";
    const table = T.eventTable(page.rows, { order, onSort: (o) => go({ ...params, order: o, offset: 0 }) });
    const pager = el("div", { class: "pager" },
      el("button", { type: "button", id: "prev", disabled: offset === 0,
        onclick: () => go({ ...params, offset: Math.max(0, offset - PAGE) }) }, "← previous"),
      el("span", { id: "range" }, page.rows.length
        ? `rows ${offset + 1}–${offset + page.rows.length} of ${page.total}` : "no events match"),
      el("button", { type: "button", id: "next", disabled: offset + page.rows.length >= page.total,
        onclick: () => go({ ...params, offset: offset + PAGE }) }, "next →"));
    results.replaceChildren(pager, table);
  }

  window.addEventListener("popstate", draw);
  T.frame("Events");
  draw();
})();
