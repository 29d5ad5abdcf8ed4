// Actor view: what the corpus says about one actor code (names it went by, counts, partners)
// and the events it took part in, on either side.
"use strict";

(async () => {
  const { el, api, pageParams, fail, link } = T;
  T.frame("Actor");
  const params = pageParams();
  const app = document.getElementById("app");
  if (!params.code) { T.status("No actor given: open one from the network or an article.", "error"); return; }
  try {
    const actor = await api(`/api/actors/${encodeURIComponent(params.code)}`);
    const events = await api("/api/events", { actor: params.code, limit: 50, order: "-date" });
    app.replaceChildren(
      el("h1", { id: "actorcode" }, actor.code),
      el("dl", { class: "fields", id: "actorfields" },
        el("dt", {}, "Names"), el("dd", {}, actor.names.join("; ")),
        el("dt", {}, "Kind"), el("dd", {}, actor.kinds.join(", ")),
        el("dt", {}, "Country"), el("dd", {}, actor.countries.join(", ") || "–"),
        el("dt", {}, "Events"), el("dd", {}, `${actor.as_source} as source, ${actor.as_target} as target, in ${actor.documents} articles`),
        el("dt", {}, "Mean Goldstein"), el("dd", {}, T.fmtNumber(actor.goldstein)),
        el("dt", {}, "Partners"), el("dd", {}, actor.partners.length ? actor.partners.map((p, i) => [i ? ", " : "",
          link("/events", { dyad: `${actor.code}-${p.code}` }, `${p.code} (${p.events})`)]) : "–")),
      el("h2", {}, `Events (${events.total})`),
      el("p", {}, link("/events", { actor: actor.code }, "open in the Events view")),
      T.eventTable(events.rows, {}));
  } catch (error) { fail(error); }
})();
