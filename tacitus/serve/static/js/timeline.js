// Dyad timeline: per week or month, how many events each dyad had and their Goldstein sum,
// cooperation (QuadClass 1-2) above the line and conflict (3-4) below. Each bar is a link to
// the events behind it.
"use strict";

(() => {
  const { el, svg, api, pageParams, status, fail } = T;
  const COOP = "rgb(30,140,60)";
  const CONFLICT = "rgb(200,40,40)";

  function form(params) {
    return T.filterForm("/timeline", draw, [
      el("label", {}, "Dyads", el("input", { name: "dyads", value: params.dyads || "",
        placeholder: "USA-TAL, AFG-PAK (empty: the busiest)", size: 32 })),
      el("label", {}, "Per", el("select", { name: "interval" },
        ["month", "week"].map((v) => el("option", { value: v, selected: (params.interval || "month") === v }, v)))),
      ...T.periodFields(params),
    ], "Draw");
  }

  /** One panel: bars up for cooperation and down for conflict around a middle line. */
  function panel(series, key, label, x0, top, width, height, bandOf) {
    const half = height / 2;
    const mid = top + half;
    const values = series.points.flatMap((p) => [Math.abs(p.cooperation[key]), Math.abs(p.conflict[key])]);
    const max = Math.max(1, ...values);
    const nodes = [
      svg("text", { x: 4, y: top + 12, class: "axis" }, label),
      svg("text", { x: 4, y: top + 26, class: "axis" }, `max ${T.fmtNumber(max, key === "count" ? 0 : 1)}`),
      svg("line", { x1: x0, x2: x0 + width, y1: mid, y2: mid, class: "midline" }),
    ];
    series.points.forEach((p, i) => {
      const [x, w] = bandOf(i);
      for (const [side, colour, quads] of [["cooperation", COOP, "1,2"], ["conflict", CONFLICT, "3,4"]]) {
        const value = p[side][key];
        if (!value) continue;
        const h = Math.max(1, (Math.abs(value) / max) * (half - 4));
        const y = side === "cooperation" ? mid - h : mid;
        const href = `/events?${new URLSearchParams({ dyad: series.dyad, since: p.start, until: p.end, quad_class: quads })}`;
        nodes.push(svg("a", { href, class: "point", "data-period": p.start, "data-side": side },
          svg("rect", { x, y, width: w, height: h, fill: colour },
            svg("title", {}, `${series.dyad} ${p.start}…${p.end} ${side}: ${p[side].count} events, Goldstein sum ${T.fmtNumber(p[side].goldstein)}`))));
      }
    });
    return nodes;
  }

  function chart(series, periods) {
    const width = 900;
    const x0 = 90;
    const plot = width - x0 - 10;
    const band = plot / Math.max(1, periods.length);
    const bandOf = (i) => [x0 + i * band + band * 0.15, Math.max(1, band * 0.7)];
    const height = 320;
    const labels = [];
    const every = Math.ceil(periods.length / 12);
    periods.forEach((p, i) => {
      if (i % every === 0) labels.push(svg("text", { x: x0 + i * band, y: height - 4, class: "axis" }, p));
    });
    return el("section", { class: "dyad", "data-dyad": series.dyad },
      el("h2", {}, `${series.dyad}: ${series.total} events`),
      svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline" },
        panel(series, "count", "events", x0, 4, plot, 150, bandOf),
        panel(series, "goldstein", "Goldstein sum", x0, 158, plot, 140, bandOf),
        labels));
  }

  async function draw() {
    const params = pageParams();
    const charts = el("div", { id: "charts" });
    document.getElementById("app").replaceChildren(form(params),
      el("p", { class: "hint" }, "Green: cooperation (QuadClass 1–2), up; red: conflict (3–4), down. Click a bar for its events."),
      charts);
    status("Loading…");
    try {
      const data = await api("/api/timeline", params);
      status(data.series.length ? "" : "No events for these dyads.");
      // Every dyad is drawn on the same periods so that charts line up.
      const periods = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.start)))].sort();
      for (const s of data.series) {
        const byStart = Object.fromEntries(s.points.map((p) => [p.start, p]));
        const empty = { count: 0, goldstein: 0 };
        const filled = { ...s, points: periods.map((start) => byStart[start] ||
          { start, end: start, cooperation: empty, conflict: empty }) };
        charts.append(chart(filled, periods));
      }
    } catch (error) { fail(error); }
  }

  window.addEventListener("popstate", draw);
  T.frame("Dyad timeline");
  draw();
})();
