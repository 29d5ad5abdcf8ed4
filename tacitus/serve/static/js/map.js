// Map: events with a known place on a world map drawn from the vendored world-atlas shapes
// (no tile server). Markers that fall within one grid cell are clustered into one circle;
// clicking it lists the events behind it.
"use strict";

(() => {
  const { el, svg, api, pageParams, status, fail } = T;
  const W = 960;
  const H = 480;
  const CELL = 28;
  let world = null;

  /** Plate carrée: longitude and latitude straight onto x and y. */
  const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

  function ringPath(ring) {
    let d = "";
    let last = null;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      // A jump across the antimeridian starts a new stroke instead of a line across the map.
      d += last !== null && Math.abs(lon - last) > 180 ? `M${x.toFixed(1)},${y.toFixed(1)}` : `${d ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
      last = lon;
    }
    return d + "Z";
  }

  function countryPath(geometry) {
    if (!geometry) return "";
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map((poly) => poly.map(ringPath).join("")).join("");
  }

  async function countries() {
    if (!world) {
      const response = await fetch("/static/vendor/countries-110m.json");
      const topology = await response.json();
      world = topojson.feature(topology, topology.objects.countries).features;
    }
    return world;
  }

  function form(params) {
    return T.filterForm("/map", draw, [
      ...T.periodFields(params),
      T.quadField(params),
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "world", value: "1",
        checked: params.world === "1" }), "whole world"),
    ], "Show");
  }

  /** The part of the map to show: around the events (at least a sixth of the world wide,
   *  the map's own shape), or the whole world when asked or when there are none. */
  function view(points, whole) {
    if (whole || !points.length) return { x: 0, y: 0, w: W, h: H };
    const xy = points.map((p) => project(p.lon, p.lat));
    const [xs, ys] = [xy.map((q) => q[0]), xy.map((q) => q[1])];
    const pad = 40;
    let w = Math.max(W / 6, Math.max(...xs) - Math.min(...xs) + 2 * pad);
    let h = Math.max(H / 6, Math.max(...ys) - Math.min(...ys) + 2 * pad);
    if (w / h > W / H) h = (w * H) / W; else w = (h * W) / H;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    return { x: Math.max(0, Math.min(W - w, cx - w / 2)), y: Math.max(0, Math.min(H - h, cy - h / 2)), w, h };
  }

  /** Group events whose markers would overlap on screen (cells of CELL pixels). */
  function clusters(points, cell) {
    const cells = new Map();
    for (const p of points) {
      const [x, y] = project(p.lon, p.lat);
      const key = `${Math.floor(x / cell)}:${Math.floor(y / cell)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push({ ...p, x, y });
    }
    return [...cells.values()].map((members) => ({
      members,
      x: members.reduce((s, m) => s + m.x, 0) / members.length,
      y: members.reduce((s, m) => s + m.y, 0) / members.length,
      goldstein: members.reduce((s, m) => s + m.goldstein, 0) / members.length,
    }));
  }

  async function draw() {
    const params = pageParams();
    const picked = el("div", { id: "picked" });
    const mapBox = el("div", { id: "map" });
    document.getElementById("app").replaceChildren(form(params),
      el("p", { class: "hint" }, "Circles group nearby events (number: events; colour: mean Goldstein). Click one to list its events. The map zooms to the events unless \"whole world\" is ticked."),
      mapBox, picked);
    status("Loading…");
    try {
      const [shapes, data] = await Promise.all([countries(), api("/api/map", params)]);
      const land = shapes.map((f) => svg("path", { d: countryPath(f.geometry), class: "country" },
        svg("title", {}, (f.properties && f.properties.name) || "")));
      const box = view(data.points, params.world === "1");
      const scale = box.w / W;
      const marks = clusters(data.points, CELL * scale).map((c) => {
        const r = (5 + 3 * Math.sqrt(c.members.length)) * scale;
        const places = [...new Set(c.members.map((m) => m.place_name))].join(", ");
        return svg("g", { class: "marker", "data-count": c.members.length,
          onclick: () => picked.replaceChildren(el("h2", {}, `${c.members.length} events at ${places}`), T.eventTable(c.members, {})) },
          svg("circle", { cx: c.x, cy: c.y, r, fill: T.goldsteinColour(c.goldstein) },
            svg("title", {}, `${places}: ${c.members.length} events`)),
          svg("text", { x: c.x, y: c.y + 4 * scale, class: "count", "font-size": 11 * scale }, String(c.members.length)));
      });
      mapBox.append(svg("svg", { viewBox: `${box.x} ${box.y} ${box.w} ${box.h}`, width: W, height: H, class: "worldmap" },
        svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }), land, marks));
      status(data.points.length
        ? `${data.points.length} events with a place${data.truncated ? " (the first ones only)" : ""}; ${data.unplaced} without one.`
        : `No events with a known place (${data.unplaced} without one).`);
    } catch (error) { fail(error); }
  }

  window.addEventListener("popstate", draw);
  T.frame("Map");
  draw();
})();
