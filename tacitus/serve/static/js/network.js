// Actor network: actors (by code) as nodes sized by their events, edges as wide as the events
// between two actors and coloured by their mean Goldstein score. A small force layout places
// the nodes; it is seeded, so the same data always gives the same picture.
"use strict";

(() => {
  const { el, svg, api, pageParams, status, fail } = T;
  const W = 900;
  const H = 600;

  function form(params) {
    return T.filterForm("/network", draw, [...T.periodFields(params), T.quadField(params)], "Draw");
  }

  /** Spring-and-repulsion layout, a few hundred steps from seeded positions on a circle. */
  function layout(nodes, edges) {
    const pos = nodes.map((_, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      return { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a) };
    });
    const index = Object.fromEntries(nodes.map((n, i) => [n.id, i]));
    const links = edges.map((e) => [index[e.source], index[e.target]]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
    for (let step = 0, t = W / 10; step < 300; step++, t *= 0.985) {
      const move = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < pos.length; i++) {
        for (let j = i + 1; j < pos.length; j++) {
          const dx = pos[i].x - pos[j].x || 0.01;
          const dy = pos[i].y - pos[j].y || 0.01;
          const d2 = dx * dx + dy * dy;
          const f = (k * k) / d2;
          move[i].x += dx * f; move[i].y += dy * f;
          move[j].x -= dx * f; move[j].y -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x;
        const dy = pos[a].y - pos[b].y;
        const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = d / k;
        move[a].x -= dx * f; move[a].y -= dy * f;
        move[b].x += dx * f; move[b].y += dy * f;
      }
      pos.forEach((p, i) => {
        const m = move[i];
        const len = Math.sqrt(m.x * m.x + m.y * m.y) || 1;
        p.x = Math.min(W - 40, Math.max(40, p.x + (m.x / len) * Math.min(len, t) + (W / 2 - p.x) * 0.01));
        p.y = Math.min(H - 30, Math.max(30, p.y + (m.y / len) * Math.min(len, t) + (H / 2 - p.y) * 0.01));
      });
    }
    return pos;
  }

  async function draw() {
    const params = pageParams();
    const box = el("div", { id: "network" });
    document.getElementById("app").replaceChildren(form(params),
      el("p", { class: "hint" }, "Edge width: events between two actors; colour: mean Goldstein (red conflict, green cooperation). Click a node to open the actor."),
      box);
    status("Loading…");
    let data;
    try { data = await api("/api/network", params); } catch (error) { fail(error); return; }
    status(data.nodes.length ? "" : "No events in this selection.");
    const pos = layout(data.nodes, data.edges);
    const index = Object.fromEntries(data.nodes.map((n, i) => [n.id, i]));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
    const edges = data.edges.filter((e) => e.source !== e.target).map((e) => {
      const [a, b] = [pos[index[e.source]], pos[index[e.target]]];
      return svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge",
        stroke: T.goldsteinColour(e.goldstein), "stroke-width": 1 + 7 * (e.events / maxEdge) },
        svg("title", {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${T.fmtNumber(e.goldstein)}`));
    });
    const nodes = data.nodes.map((n, i) => svg("a", { href: `/actor?${new URLSearchParams({ code: n.id })}`, class: "node", "data-code": n.id },
      svg("circle", { cx: pos[i].x, cy: pos[i].y, r: 6 + 14 * Math.sqrt(n.events / maxNode), fill: T.goldsteinColour(n.goldstein) },
        svg("title", {}, `${n.id} ${n.name || ""}: ${n.events} events`)),
      svg("text", { x: pos[i].x, y: pos[i].y - 10 - 14 * Math.sqrt(n.events / maxNode), class: "label" }, n.id)));
    box.append(svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "network" }, edges, nodes));
  }

  window.addEventListener("popstate", draw);
  T.frame("Actor network");
  draw();
})();
