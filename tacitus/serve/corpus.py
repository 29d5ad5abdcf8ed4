"""What the workbench asks of the event database, in one place.

The routes in api.py only check parameters and call these methods; every answer is plain
JSON-ready data (dicts, lists, ISO dates). Each call takes its own DuckDB cursor, so the
server's worker threads never share one. Dates use the store's own notion of an event's day
(``tacitus.store.cluster.EVENT_DAY``), so the timeline, the filters and the clusters agree.
"""

from __future__ import annotations

import calendar
import json
import math
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from tacitus import __version__
from tacitus.errors import StoreError
from tacitus.model import CodedDocument
from tacitus.store.cluster import EVENT_DAY, update_clusters
from tacitus.store.db import connect
from tacitus.store.writer import Writer

DAY = EVENT_DAY

# The sort keys the events table offers, each a fixed SQL expression (never user text).
_ORDER_COLUMNS = {
    "date": DAY, "goldstein": "e.goldstein", "cameo": "e.cameo", "source": "e.source_code",
    "target": "e.target_code", "quad_class": "e.quad_class", "modality": "e.modality",
    "place": "e.place_name", "confidence": "e.confidence",
}
ORDERS = frozenset([*_ORDER_COLUMNS, *(f"-{k}" for k in _ORDER_COLUMNS)])

_EVENT_COLUMNS = f"""e.doc_id, e.event_id, e.source_code, e.source_name, e.target_code,
    e.target_name, e.cameo, e.name, e.root, e.quad_class, e.goldstein, e.modality,
    e.place_name, e.place_country, e.lat, e.lon, e.evidence_text, e.confidence, e.cluster_id,
    {DAY} AS event_date, e.published, d.title"""


@dataclass(frozen=True)
class EventFilter:
    """The events view's filters, already checked by api.py; actor codes match by prefix
    (``USA`` finds ``USAGOV`` and ``USAMIL``), as CAMEO codes nest."""

    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    actor: str | None = None
    root: str | None = None
    cameo: str | None = None
    quad_classes: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    place: str | None = None
    modality: str | None = None
    text: str | None = None
    doc_id: str | None = None
    unique: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over ``events e`` joined to ``documents d``, with its values."""
        parts: list[str] = ["TRUE"]
        args: list[Any] = []
        if self.source:
            parts.append("starts_with(e.source_code, ?)")
            args.append(self.source)
        if self.target:
            parts.append("starts_with(e.target_code, ?)")
            args.append(self.target)
        if self.dyad:
            a, b = self.dyad
            parts.append(_DYAD)
            args += [a, b, b, a]
        if self.actor:
            parts.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            args += [self.actor, self.actor]
        if self.root:
            parts.append("e.root = ?")
            args.append(self.root)
        if self.cameo:
            parts.append("starts_with(e.cameo, ?)")
            args.append(self.cameo)
        if self.modality:
            parts.append("e.modality = ?")
            args.append(self.modality)
        if self.doc_id:
            parts.append("e.doc_id = ?")
            args.append(self.doc_id)
        if self.place:
            parts.append("(contains(strip_accents(lower(e.place_name)), strip_accents(lower(?))) "
                         "OR e.place_country = upper(?))")
            args += [self.place, self.place]
        if self.text:
            parts.append("(contains(lower(e.evidence_text), lower(?)) "
                         "OR contains(lower(coalesce(d.title, '')), lower(?)))")
            args += [self.text, self.text]
        period, values = _period(self.since, self.until, self.quad_classes)
        return " AND ".join([*parts, period]), args + values


_DYAD = ("((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)) "
         "OR (starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))")


def _period(since: date | None, until: date | None, quads: tuple[int, ...]
            ) -> tuple[str, list[Any]]:
    parts: list[str] = ["TRUE"]
    args: list[Any] = []
    if since:
        parts.append(f"{DAY} >= ?")
        args.append(since)
    if until:
        parts.append(f"{DAY} <= ?")
        args.append(until)
    if quads:
        parts.append(f"e.quad_class IN ({', '.join('?' for _ in quads)})")
        args += list(quads)
    return " AND ".join(parts), args


def _plain(value: Any) -> Any:
    """DuckDB values as JSON: dates as ISO text, NaN as null."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _records(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


class Corpus:
    """The event database behind one server: read-only unless it may store coded articles."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self.con = connect(self.path, read_only=not writable)
        self._write_lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

    def _query(self, sql: str, args: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.cursor()
        try:
            return _records(cursor.execute(sql, args or []))
        finally:
            cursor.close()

    def stats(self) -> dict[str, Any]:
        row = self._query(
            "SELECT (SELECT count(*) FROM documents) AS documents, "
            "(SELECT count(*) FROM events) AS events, "
            "(SELECT min(published) FROM documents) AS first, "
            "(SELECT max(published) FROM documents) AS last")[0]
        return row

    def events(self, wanted: EventFilter, *, limit: int, offset: int, order: str
               ) -> tuple[list[dict[str, Any]], int]:
        """A page of matching events and the number that match in all. With ``unique``,
        each clustered real-world event appears once (its first report, with its counts);
        events outside any cluster (planned, negated, actorless) appear as they are."""
        where, args = wanted.where()
        joins = "FROM events e JOIN documents d ON d.doc_id = e.doc_id"
        extra = ""
        if wanted.unique:
            joins += " LEFT JOIN clusters c ON c.cluster_id = e.cluster_id"
            where += (" AND (c.cluster_id IS NULL OR (c.first_doc_id = e.doc_id "
                      "AND c.first_event_id = e.event_id))")
            extra = ", c.num_mentions, c.num_articles, c.num_sources"
        column = _ORDER_COLUMNS[order.lstrip("-")]
        direction = "DESC" if order.startswith("-") else "ASC"
        rows = self._query(
            f"SELECT {_EVENT_COLUMNS}{extra} {joins} WHERE {where} "
            f"ORDER BY {column} {direction} NULLS LAST, e.doc_id, e.event_id "
            "LIMIT ? OFFSET ?", [*args, limit, offset])
        total = self._query(f"SELECT count(*) AS n {joins} WHERE {where}", args)[0]["n"]
        return rows, total

    def documents(self, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        rows = self._query(
            "SELECT d.doc_id, d.title, d.published, d.source, d.url, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events "
            "FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_id "
            "LIMIT ? OFFSET ?", [limit, offset])
        total = self._query("SELECT count(*) AS n FROM documents")[0]["n"]
        return rows, total

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored article rebuilt in the output contract's shape (offsets unchanged)."""
        found = self._query("SELECT doc_id AS id, title, published, author, source, url, text, "
                            "dateline FROM documents WHERE doc_id = ?", [doc_id])
        if not found:
            return None
        mentions: dict[str, list[dict[str, Any]]] = {}
        for m in self._query('SELECT actor_id, start, "end", text FROM mentions '
                             'WHERE doc_id = ? ORDER BY start', [doc_id]):
            mentions.setdefault(m.pop("actor_id"), []).append(m)
        actors = [{**a, "mentions": mentions.get(a["id"], [])} for a in self._query(
            "SELECT actor_id AS id, name, code, country, kind, role FROM actors "
            "WHERE doc_id = ? ORDER BY actor_id", [doc_id])]
        events = [_contract_event(e) for e in self._query(
            "SELECT * FROM events WHERE doc_id = ? ORDER BY evidence_start, event_id",
            [doc_id])]
        quotes = self._query('SELECT speaker_id AS speaker, text, start, "end", direct '
                             "FROM quotes WHERE doc_id = ? ORDER BY quote_id", [doc_id])
        places = [{**p, "mentions": json.loads(p["mentions"] or "[]")} for p in self._query(
            "SELECT name, lat, lon, country, geonames_id, mentions FROM places "
            "WHERE doc_id = ? ORDER BY place_id", [doc_id])]
        return {"document": found[0], "actors": actors, "events": events, "quotes": quotes,
                "places": places}

    def actor(self, code: str) -> dict[str, Any] | None:
        """What the corpus holds about an actor code (and the codes under it)."""
        counts = self._query(
            "SELECT count(*) FILTER (WHERE starts_with(source_code, ?)) AS as_source, "
            "count(*) FILTER (WHERE starts_with(target_code, ?)) AS as_target, "
            "count(DISTINCT doc_id) AS documents, avg(goldstein) AS goldstein FROM events e "
            "WHERE starts_with(source_code, ?) OR starts_with(target_code, ?)",
            [code, code, code, code])[0]
        if not counts["as_source"] and not counts["as_target"]:
            return None
        who = self._query("SELECT DISTINCT name, kind, country FROM actors "
                          "WHERE starts_with(code, ?) ORDER BY name", [code])
        partners = self._query(
            "SELECT partner AS code, count(*) AS events FROM (SELECT CASE WHEN "
            "starts_with(source_code, ?) THEN target_code ELSE source_code END AS partner "
            "FROM events WHERE starts_with(source_code, ?) OR starts_with(target_code, ?)) "
            "WHERE partner IS NOT NULL GROUP BY partner ORDER BY events DESC, partner LIMIT 20",
            [code, code, code])
        return {"code": code, **counts,
                "names": sorted({w["name"] for w in who}),
                "kinds": sorted({w["kind"] for w in who}),
                "countries": sorted({w["country"] for w in who if w["country"]}),
                "partners": partners}

    def busiest_dyads(self, limit: int) -> list[tuple[str, str]]:
        rows = self._query(
            "SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) "
            "AS b, count(*) AS n FROM events WHERE source_code IS NOT NULL AND target_code "
            "IS NOT NULL AND source_code <> target_code GROUP BY a, b "
            "ORDER BY n DESC, a, b LIMIT ?", [limit])
        return [(r["a"], r["b"]) for r in rows]

    def timeline(self, pairs: list[tuple[str, str]], *, interval: str,
                 since: date | None, until: date | None) -> list[dict[str, Any]]:
        """Per dyad (either direction) and period: cooperation and conflict counts and
        Goldstein sums. No dyads given: the three busiest."""
        pairs = pairs or self.busiest_dyads(3)
        unit = {"week": "week", "month": "month"}[interval]
        series = []
        for a, b in pairs:
            where, args = _period(since, until, ())
            rows = self._query(
                f"SELECT CAST(date_trunc('{unit}', {DAY}) AS DATE) AS start, "
                "count(*) FILTER (WHERE e.quad_class <= 2) AS coop_n, "
                "coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class <= 2), 0) AS coop_g, "
                "count(*) FILTER (WHERE e.quad_class >= 3) AS conf_n, "
                "coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class >= 3), 0) AS conf_g "
                f"FROM events e WHERE {_DYAD} AND {DAY} IS NOT NULL AND {where} "
                "GROUP BY start ORDER BY start", [a, b, b, a, *args])
            points = [{"start": r["start"], "end": _period_end(r["start"], unit),
                       "cooperation": {"count": r["coop_n"], "goldstein": r["coop_g"]},
                       "conflict": {"count": r["conf_n"], "goldstein": r["conf_g"]}}
                      for r in rows]
            series.append({"dyad": f"{a}-{b}", "a": a, "b": b, "points": points,
                           "total": sum(r["coop_n"] + r["conf_n"] for r in rows)})
        return series

    def network(self, *, since: date | None, until: date | None, quads: tuple[int, ...],
                limit: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The ``limit`` most active actor codes and the directed dyads among them."""
        where, args = _period(since, until, quads)
        edges = self._query(
            "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
            "avg(e.goldstein) AS goldstein FROM events e WHERE e.source_code IS NOT NULL "
            f"AND e.target_code IS NOT NULL AND {where} GROUP BY 1, 2", args)
        activity: dict[str, list[float]] = {}
        for edge in edges:
            for code in {edge["source"], edge["target"]}:
                n, total = activity.get(code, [0, 0.0])
                activity[code] = [n + edge["events"], total + edge["goldstein"] * edge["events"]]
        kept = sorted(activity, key=lambda c: (-activity[c][0], c))[:limit]
        names = {r["code"]: r["name"] for r in self._query(
            "SELECT code, min(name) AS name FROM actors WHERE code IN "
            "(SELECT unnest(?::VARCHAR[])) GROUP BY code", [kept])} if kept else {}
        nodes = [{"id": c, "name": names.get(c), "events": activity[c][0],
                  "goldstein": activity[c][1] / activity[c][0]} for c in kept]
        keep = set(kept)
        return nodes, [e for e in edges if e["source"] in keep and e["target"] in keep]

    def map_points(self, *, since: date | None, until: date | None, quads: tuple[int, ...],
                   limit: int) -> tuple[list[dict[str, Any]], int]:
        """Events with coordinates (at most ``limit``) and the count of those without."""
        where, args = _period(since, until, quads)
        points = self._query(
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_id = e.doc_id "
            f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
            f"ORDER BY {DAY} DESC NULLS LAST, e.doc_id, e.event_id LIMIT ?", [*args, limit])
        unplaced = self._query(f"SELECT count(*) AS n FROM events e WHERE (e.lat IS NULL OR "
                               f"e.lon IS NULL) AND {where}", args)[0]["n"]
        return points, unplaced

    def store(self, coded: CodedDocument, origin: str) -> dict[str, Any]:
        """Write one coded article as a run of its own, through the ingest's writer (same
        rows, same duplicate rules), then re-cluster. Only a server started with
        ``--allow-store`` has a writable database; one article is stored at a time."""
        if not self.writable:
            raise StoreError(f"{self.path}: opened read-only")
        problems: list[str] = []
        with self._write_lock:
            cursor = self.con.cursor()
            try:
                run_id = cursor.execute(
                    "INSERT INTO runs (run_id, started, status, inputs, executor, "
                    "tacitus_version) SELECT coalesce(max(run_id), 0) + 1, now(), 'running', "
                    "?, 'serve', ? FROM runs RETURNING run_id",
                    [json.dumps([origin]), __version__]).fetchone()[0]
                writer = Writer(cursor, run_id, on_error=lambda _, why: problems.append(why))
                key = writer.admit(origin, coded.document)
                if key is not None:
                    writer.done(key, coded.model_dump(mode="json"), None)
                writer.commit()
                if writer.counts.documents:
                    update_clusters(cursor)
                cursor.execute("UPDATE runs SET status = 'done', finished = now() "
                               "WHERE run_id = ?", [run_id])
            finally:
                cursor.close()
        if problems:
            return {"stored": False, "message": problems[0]}
        if not writer.counts.documents:
            return {"stored": False, "message": "this article is already stored"}
        return {"stored": True, "message": f"stored as {coded.document.id}"}


def _period_end(start: str, unit: str) -> str:
    """The last day of the week (Monday to Sunday) or month that starts on ``start``."""
    first = date.fromisoformat(start)
    if unit == "week":
        return (first + timedelta(days=6)).isoformat()
    return first.replace(day=calendar.monthrange(first.year, first.month)[1]).isoformat()


def _contract_event(row: dict[str, Any]) -> dict[str, Any]:
    """An ``events`` row back in the contract's Event shape (plus its cluster id)."""
    date_value = row["date_value"]
    return {
        "id": row["event_id"], "source": row["source_id"], "target": row["target_id"],
        "cameo": row["cameo"], "root": row["root"], "quad_class": row["quad_class"],
        "goldstein": row["goldstein"], "name": row["name"], "plover": row["plover"],
        "sentence": row["sentence"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"],
                     "text": row["evidence_text"]},
        "trigger": None if row["trigger_start"] is None else {
            "start": row["trigger_start"], "end": row["trigger_end"],
            "text": row["trigger_text"]},
        "date": None if date_value is None else {
            "value": date_value, "precision": row["date_precision"], "text": row["date_text"],
            "start": row["date_start"], "end": row["date_end"],
            "qualifier": row["date_qualifier"]},
        "location": None if row["place_name"] is None else {
            "name": row["place_name"], "lat": row["lat"], "lon": row["lon"],
            "country": row["place_country"], "geonames_id": row["geonames_id"]},
        "modality": row["modality"], "attributed_to": row["attributed_id"],
        "quantities": json.loads(row["quantities"] or "[]"),
        "confidence": row["confidence"], "pattern": row["pattern"],
        "cluster_id": row["cluster_id"],
    }
