// Shared helpers for every workbench page.
//
// Everything the server sends is untrusted (article text, titles, actor names, URLs): it only
// reaches the page through textContent, DOM properties and checked attributes, never as
// markup, so a "<script>" in an article is shown as text and never runs.
"use strict";

const T = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.setAttribute("class", value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "href") node.setAttribute("href", safeUrl(value));
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }

  /** An HTML element; strings among the children become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  /** An SVG element (same rules as el). */
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    return append(node, children);
  }

  /** Same-origin paths and http(s) links pass; anything else (javascript:, data:) is dropped. */
  function safeUrl(value) {
    const text = String(value);
    if (text.startsWith("/") && !text.startsWith("//")) return text;
    try {
      const url = new URL(text, window.location.origin);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch (_) { /* not a URL */ }
    return "#";
  }

  /** Fetch JSON from the API; a non-2xx answer becomes an Error carrying its message. A
   *  request that is not a GET carries the X-Tacitus-Client header, which the server requires
   *  of them: a page on another site cannot send it (no CORS preflight is ever approved). */
  async function api(path, params, init) {
    const query = params ? "?" + new URLSearchParams(clean(params)).toString() : "";
    const options = Object.assign({}, init || {});
    if (options.method && options.method.toUpperCase() !== "GET") {
      options.headers = Object.assign({ "X-Tacitus-Client": "workbench" }, options.headers || {});
    }
    const response = await fetch(path + query, options);
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const message = body && (body.message || body.detail) ? (body.message || body.detail)
        : `${response.status} ${response.statusText}`;
      throw new Error(typeof message === "string" ? message : JSON.stringify(message));
    }
    return body;
  }

  /** Drop empty values so URLs stay short and the API sees only what was set. */
  function clean(params) {
    const out = {};
    for (const [key, value] of Object.entries(params)) {
      if (value === null || value === undefined || value === "" || value === false) continue;
      out[key] = String(value);
    }
    return out;
  }

  function pageParams() {
    return Object.fromEntries(new URLSearchParams(window.location.search).entries());
  }

  function link(path, params, ...children) {
    const query = params ? new URLSearchParams(clean(params)).toString() : "";
    return el("a", { href: query ? `${path}?${query}` : path }, ...children);
  }

  function status(message, kind) {
    const box = document.getElementById("status");
    if (!box) return;
    box.textContent = message || "";
    box.className = kind || "";
  }

  function fail(error) {
    status(error && error.message ? error.message : String(error), "error");
  }

  const VIEWS = [
    ["/events", "Events"], ["/timeline", "Dyad timeline"], ["/network", "Actor network"],
    ["/map", "Map"], ["/code", "Code an article"],
  ];

  /** The header and navigation shared by every page. */
  function frame(title) {
    const header = document.getElementById("top");
    const here = window.location.pathname;
    const nav = el("nav", {}, VIEWS.map(([path, label]) =>
      el("a", { href: path, class: here === path ? "current" : null }, label)));
    const info = el("span", { id: "dbinfo" });
    header.replaceChildren(el("span", { class: "brand" }, "tacitus"), nav, info);
    document.title = `${title} · tacitus`;
    api("/api/stats").then((s) => {
      info.textContent = `${s.documents} articles · ${s.events} events` +
        (s.allow_store ? " · writable" : " · read-only");
    }).catch(fail);
  }

  /** The period fields most views filter by. */
  function periodFields(params) {
    return [
      el("label", {}, "Since", el("input", { type: "date", name: "since", value: params.since || "" })),
      el("label", {}, "Until", el("input", { type: "date", name: "until", value: params.until || "" })),
    ];
  }

  /** A QuadClass choice: one class, or cooperation (1-2) or conflict (3-4). */
  function quadField(params) {
    return el("label", {}, "QuadClass", el("select", { name: "quad_class" },
      [["", "any"], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["1,2", "cooperation"], ["3,4", "conflict"]]
        .map(([v, t]) => el("option", { value: v, selected: (params.quad_class || "") === v }, t))));
  }

  /** A filter form whose submit puts its fields in the address (so a view can be linked and
   *  the back button works) and redraws the view. */
  function filterForm(path, redraw, fields, button) {
    const f = el("form", { id: "filters", class: "filters" }, fields, el("button", { type: "submit" }, button));
    f.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const query = new URLSearchParams(clean(Object.fromEntries(new FormData(f).entries())));
      history.pushState(null, "", `${path}?${query}`);
      redraw();
    });
    return f;
  }

  function fmtNumber(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) return "";
    return Number(value).toFixed(digits === undefined ? 1 : digits);
  }

  function actorLabel(code, name) {
    if (!code && !name) return "–";
    return code ? `${code}${name ? " · " + name : ""}` : name;
  }

  /** Red for conflict, grey for neutral, green for cooperation (Goldstein -10..+10). */
  function goldsteinColour(value) {
    const v = Math.max(-10, Math.min(10, Number(value) || 0)) / 10;
    const grey = [150, 150, 150];
    const end = v < 0 ? [200, 40, 40] : [30, 140, 60];
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(v)));
    return `rgb(${mix.join(",")})`;
  }

  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                  4: "material conflict" };

  /** The actors of one side ("source" or "target") of an event row: its own, or, for an act
   * with several pairs ("killed X and Y"), each distinct one of its `dyads` (a JSON list). */
  function sides(e, side) {
    let pairs = [];
    try {
      pairs = typeof e.dyads === "string" ? JSON.parse(e.dyads) : (e.dyads || []);
    } catch (err) {
      pairs = [];
    }
    if (!Array.isArray(pairs) || !pairs.length) {
      return [actorLabel(e[`${side}_code`], e[`${side}_name`])];
    }
    const labels = pairs.map((d) => actorLabel(d[`${side}_code`], d[`${side}_name`]) || "–");
    return [...new Set(labels)];
  }

  /** A table of event rows (from /api/events), each linking to the article it was read from. */
  function eventTable(rows, options) {
    const opts = options || {};
    const columns = [
      ["date", "Date"], ["source_code", "Source"], ["cameo", "Event"], ["target_code", "Target"],
      ["quad_class", "Quad"], ["goldstein", "Goldstein"], ["modality", "Modality"],
      ["place_name", "Place"], [null, "Evidence"], [null, "Article"],
    ];
    const head = el("tr", {}, columns.map(([key, label]) => {
      if (!key || !opts.onSort) return el("th", {}, label);
      const mark = opts.order === key ? " ▲" : opts.order === "-" + key ? " ▼" : "";
      return el("th", {}, el("button", {
        class: "sort", type: "button", "data-sort": key,
        onclick: () => opts.onSort(opts.order === key ? "-" + key : key),
      }, label + mark));
    }));
    const body = rows.map((e) => el("tr", { class: `quad${e.quad_class}` },
      el("td", {}, e.date || ""),
      el("td", {}, sides(e, "source").map((label) => el("div", {}, label))),
      el("td", { title: e.name || "" }, `${e.cameo} ${e.name || ""}`),
      el("td", {}, sides(e, "target").map((label) => el("div", {}, label))),
      el("td", {}, String(e.quad_class)),
      el("td", { class: "num" }, fmtNumber(e.goldstein)),
      el("td", {}, e.modality || ""),
      el("td", {}, e.place_name || ""),
      el("td", { class: "evidence" }, e.evidence_text || ""),
      el("td", {}, link("/article", { doc: e.doc_id, event: e.event_id },
        e.title || e.doc_id),
      e.num_mentions > 1 ? el("span", { class: "badge", title: "articles reporting it" },
        `×${e.num_articles || e.num_mentions}`) : null),
    ));
    return el("table", { class: "events" }, el("thead", {}, head), el("tbody", {}, body));
  }

  return { el, svg, api, clean, pageParams, link, status, fail, frame, fmtNumber, actorLabel,
    periodFields, quadField, filterForm,
           goldsteinColour, eventTable, safeUrl, QUADS };
})();
