// Draws one coded document (the output contract: document, actors, events, quotes, places):
// the cleaned text with actor mentions, quotes and event evidence highlighted, a list of its
// events, and every field of the selected event. Used by the Article and Code views.
"use strict";

const CodedView = (() => {
  const { el } = T;

  /**
   * Cut the text at every span boundary and wrap each piece in one <span> whose classes say
   * what covers it, so overlapping highlights (an event inside a quote) need no nesting.
   */
  function highlightedText(coded, selectedId, onSelect) {
    const text = coded.document.text;
    const spans = [];
    for (const actor of coded.actors || []) {
      for (const m of actor.mentions || []) spans.push({ start: m.start, end: m.end, kind: "actor", id: actor.id });
    }
    for (const q of coded.quotes || []) spans.push({ start: q.start, end: q.end, kind: "quote" });
    for (const p of coded.places || []) {
      for (const m of p.mentions || []) spans.push({ start: m.start, end: m.end, kind: "place" });
    }
    for (const e of coded.events || []) {
      spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "evidence", id: e.id });
      if (e.trigger) spans.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", id: e.id });
      if (e.date && e.date.start !== null && e.date.start !== undefined && e.date.end !== null) {
        spans.push({ start: e.date.start, end: e.date.end, kind: "when", id: e.id });
      }
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const box = el("div", { class: "doctext", id: "doctext" });
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
      const classes = new Set(covering.map((s) => s.kind));
      // The shortest evidence around a piece is the event a click on it means.
      const events = covering.filter((s) => s.kind === "evidence")
        .sort((x, y) => (x.end - x.start) - (y.end - y.start)).map((s) => s.id);
      if (selectedId && covering.some((s) => s.id === selectedId && s.kind !== "actor")) classes.add("selected");
      const node = el("span", { class: [...classes].join(" ") }, piece);
      const actor = covering.find((s) => s.kind === "actor");
      if (actor) node.dataset.actor = actor.id;
      if (events.length) {
        node.dataset.events = events.join(" ");
        node.addEventListener("click", () => onSelect(events[0]));
      }
      box.append(node);
    }
    return box;
  }

  function actorById(coded) {
    return Object.fromEntries((coded.actors || []).map((a) => [a.id, a]));
  }

  function actorText(actors, id) {
    if (!id) return "–";
    const a = actors[id];
    return a ? `${a.name} (${a.code || "no code"})` : id;
  }

  function dateText(date) {
    if (!date) return "none (not dated)";
    let out = `${date.value} (${date.precision}`;
    if (date.qualifier) out += `, ${date.qualifier}`;
    out += ")";
    out += date.text ? ` from "${date.text}"` : " from the publication date";
    return out;
  }

  function quantityText(q) {
    let out = `${q.kind}: `;
    if (q.value !== null && q.value !== undefined) out += String(q.value);
    else if (q.low !== null && q.low !== undefined) out += `${q.low}–${q.high}`;
    if (q.qualifier) out += ` (${q.qualifier})`;
    if (q.approximate) out += " approx.";
    return `${out} "${q.text}"`;
  }

  /** Every field of one event, as a definition list. */
  function eventFields(coded, event) {
    const actors = actorById(coded);
    const place = event.location
      ? `${event.location.name}${event.location.country ? ", " + event.location.country : ""}` +
        (event.location.lat !== null && event.location.lat !== undefined
          ? ` (${T.fmtNumber(event.location.lat, 2)}, ${T.fmtNumber(event.location.lon, 2)})` : "")
      : "–";
    const rows = [
      ["Event", `${event.cameo} ${event.name || ""}`],
      ["Root", event.root],
      ["QuadClass", `${event.quad_class} (${T.QUADS[event.quad_class] || ""})`],
      ["Goldstein", T.fmtNumber(event.goldstein)],
      ["PLOVER", event.plover || "–"],
      ["Source", actorText(actors, event.source)],
      ["Target", actorText(actors, event.target)],
      ...((event.dyads || []).length > 1
        ? [["All pairs", event.dyads.map((d) => `${actorText(actors, d.source)} → ${actorText(actors, d.target)}`).join("; ")]]
        : []),
      ["Date", dateText(event.date)],
      ["Place", place],
      ["Modality", event.modality],
      ["Attributed to", event.attributed_to ? actorText(actors, event.attributed_to) : "–"],
      ["Quantities", (event.quantities || []).length ? event.quantities.map(quantityText).join("; ") : "–"],
      ["Confidence", T.fmtNumber(event.confidence, 2)],
      ["Evidence", `"${event.evidence.text}" [${event.evidence.start}–${event.evidence.end}]`],
      ["Trigger", event.trigger ? `"${event.trigger.text}"` : "–"],
      ["Pattern", event.pattern || "–"],
    ];
    if (event.cluster_id) rows.push(["Cluster", event.cluster_id]);
    return el("dl", { class: "fields", id: "eventfields" },
      rows.map(([k, v]) => [el("dt", {}, k), el("dd", { "data-field": k }, v)]));
  }

  /** The text, the event list and the selected event's fields; calls itself on selection. */
  function render(container, coded, selectedId, onChange) {
    const actors = actorById(coded);
    const select = (id) => {
      render(container, coded, id, onChange);
      if (onChange) onChange(id);
    };
    const event = (coded.events || []).find((e) => e.id === selectedId);
    const doc = coded.document;
    const meta = [doc.published, doc.source, doc.author].filter(Boolean).join(" · ");
    const url = doc.url ? T.safeUrl(doc.url) : null;
    const list = el("ol", { class: "eventlist", id: "eventlist" }, (coded.events || []).map((e) =>
      el("li", { class: e.id === selectedId ? "selected" : null },
        el("button", { type: "button", "data-event": e.id, onclick: () => select(e.id) },
          `${e.cameo} ${e.name || ""}: ${actorText(actors, e.source)} → ${actorText(actors, e.target)}`))));
    container.replaceChildren(
      el("article", { class: "doc" },
        el("h1", { id: "doctitle" }, doc.title || doc.id),
        el("p", { class: "meta" }, meta,
          url && url !== "#" ? [" · ", el("a", { href: url, rel: "noopener noreferrer" }, "original")] : null),
        el("p", { class: "legend" }, el("span", { class: "actor" }, "actor"), " ",
          el("span", { class: "quote" }, "quote"), " ", el("span", { class: "place" }, "place"), " ", el("span", { class: "evidence" }, "event evidence"),
          " ", el("span", { class: "trigger evidence" }, "trigger"), " ",
          el("span", { class: "when evidence" }, "date words")),
        highlightedText(coded, selectedId, select)),
      el("aside", { class: "side" },
        el("h2", {}, "Selected event"),
        event ? eventFields(coded, event) : el("p", { class: "hint" }, "Click an event or its highlighted evidence."),
        el("h2", {}, `Events (${(coded.events || []).length})`), list,
        el("h2", {}, `Actors (${(coded.actors || []).length})`),
        el("ul", { class: "actors" }, (coded.actors || []).map((a) => el("li", {},
          a.code ? T.link("/actor", { code: a.code }, a.code) : "–", ` ${a.name} (${a.kind})`,
          a.role ? ` – ${a.role}` : null)))));
    const chosen = container.querySelector(".doctext .selected");
    if (chosen && chosen.scrollIntoView) chosen.scrollIntoView({ block: "center" });
  }

  return { render };
})();
