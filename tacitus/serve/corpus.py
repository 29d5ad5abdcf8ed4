"""What the workbench asks of the event database, as JSON-ready data.

Every read goes through ``tacitus.store.query.EventStore``, the same API the command line and
Python users have, so a filter means the same thing everywhere (actor codes match at code
boundaries, days are the store's ``EVENT_DAY``). The store is built over this server's own
connection: DuckDB refuses a second connection to the same file with other settings in one
process, and a server started with ``--allow-store`` holds a writable one. What stays here
is the web's part: turning DataFrames into plain JSON (ISO dates, null for NaN), shaping
answers for the pages, and the one write the workbench makes (storing a coded article).
"""

from __future__ import annotations

import calendar
import json
import threading
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from tacitus import __version__
from tacitus.errors import StoreError
from tacitus.model import CodedDocument
from tacitus.store.cluster import update_clusters
from tacitus.store.db import connect
from tacitus.store.query import EventStore, StoredDocument
from tacitus.store.writer import Writer


def plain(value: Any) -> Any:
    """One DataFrame value as JSON: dates as ISO text, missing values (NaN, NA, NaT) as
    null, numpy scalars as Python numbers."""
    if isinstance(value, list | dict | str):
        return value
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        # DuckDB's DATE columns arrive as midnight timestamps; the pages want the day.
        return (value.date().isoformat() if value == value.normalize()
                else value.isoformat(sep=" "))
    return value.item() if hasattr(value, "item") else value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame as a list of JSON-ready rows."""
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


class Corpus:
    """The event database behind one server: read-only unless it may store coded articles.
    ``store`` reads it; each of its queries takes its own cursor, so the server's worker
    threads never share one."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self.con = connect(self.path, read_only=not writable)
        self.store = EventStore(self.path, con=self.con)
        self._write_lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

    def stats(self) -> dict[str, Any]:
        """Documents, events and clusters stored, and the first and last publication day."""
        return records(self.store.summary())[0]

    def events(self, filters: dict[str, Any], *, unique: bool, limit: int, offset: int,
               order: str) -> tuple[list[dict[str, Any]], int]:
        """A page of matching events (``filters``: ``EventStore.events`` keywords) and how
        many match in all; with ``unique``, one row per real-world event (cluster)."""
        rows = self.store.events(**filters, unique=unique, limit=limit, offset=offset,
                                 order=order)
        return records(rows), self.store.count_events(unique=unique, **filters)

    def documents(self, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """Stored articles, newest first: what a list of them shows, and how many in all."""
        rows = self.store.documents(order="-published", limit=limit, offset=offset)
        shown = rows[["doc_id", "title", "published", "source", "url", "events"]]
        return records(shown), self.store.count_documents()

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored article rebuilt in the output contract's shape (offsets unchanged)."""
        try:
            stored = self.store.document(doc_id)
        except LookupError:
            return None
        return _contract(stored)

    def actor(self, code: str) -> dict[str, Any] | None:
        """What the corpus holds about an actor code (and the codes under it)."""
        try:
            found = self.store.actor(code)
        except LookupError:
            return None
        names = found.names
        return {"code": found.code, "as_source": found.as_source,
                "as_target": found.as_target, "documents": found.documents,
                "goldstein": found.goldstein,
                "names": sorted(set(names.name)), "kinds": sorted(set(names.kind)),
                "countries": sorted(set(names.country.dropna())),
                "partners": records(found.partners)}

    def busiest_dyads(self, limit: int) -> list[tuple[str, str]]:
        """The ``limit`` pairs of codes with most events between them, either way."""
        totals = self.store.dyads(None, modality=None)
        pairs: Counter[tuple[str, str]] = Counter()
        for source, target, events in totals[["source_code", "target_code", "events"]
                                             ].itertuples(index=False):
            if pd.notna(source) and pd.notna(target) and source != target:
                pairs[(min(source, target), max(source, target))] += int(events)
        return [pair for pair, _ in sorted(pairs.items(), key=lambda p: (-p[1], p[0]))[:limit]]

    def timeline(self, pairs: list[tuple[str, str]], *, interval: str,
                 since: str | date | None, until: str | date | None
                 ) -> list[dict[str, Any]]:
        """Per dyad (either direction) and period: cooperation and conflict counts and
        Goldstein sums, over every modality (as the events a point opens). No dyads given:
        the three busiest."""
        series = []
        for a, b in pairs or self.busiest_dyads(3):
            dyads = self.store.dyads(interval, dyad=(a, b), modality=None, since=since,
                                     until=until)
            sums = dyads.groupby("period")[["cooperation", "conflict", "goldstein_cooperation",
                                            "goldstein_conflict"]].sum()
            points = []
            for start, row in sums.iterrows():
                first = plain(start)
                points.append({
                    "start": first, "end": _period_end(first, interval),
                    "cooperation": {"count": int(row.cooperation),
                                    "goldstein": float(row.goldstein_cooperation)},
                    "conflict": {"count": int(row.conflict),
                                 "goldstein": float(row.goldstein_conflict)}})
            series.append({"dyad": f"{a}-{b}", "a": a, "b": b, "points": points,
                           "total": int(sums.cooperation.sum() + sums.conflict.sum())})
        return series

    def network(self, *, limit: int, **filters: Any) -> tuple[list[dict[str, Any]],
                                                             list[dict[str, Any]]]:
        """The ``limit`` most active actor codes (as ``id``) and the directed dyads among
        them (``source``, ``target``), in the shape the network page draws."""
        found = self.store.network(limit=limit, **filters)
        nodes = found.nodes.rename(columns={"code": "id"})
        edges = found.edges.rename(columns={"source_code": "source", "target_code": "target"})
        return records(nodes), records(edges)

    def map_points(self, *, limit: int, **filters: Any) -> tuple[list[dict[str, Any]], int]:
        """Events with coordinates (at most ``limit``, latest first) and the count of those
        without."""
        points = self.store.events(**filters, located=True, order="-date", limit=limit)
        return records(points), self.store.count_events(**filters, located=False)

    def save(self, coded: CodedDocument, origin: str) -> dict[str, Any]:
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


def _contract(stored: StoredDocument) -> dict[str, Any]:
    """A stored article in the output contract's shape, so the page draws it like a freshly
    coded one."""
    doc = {k: plain(v) for k, v in stored.document.items()}
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in records(stored.mentions):
        mentions.setdefault(m["actor_id"], []).append(
            {"start": m["start"], "end": m["end"], "text": m["text"]})
    actors = [{"id": a["actor_id"], "name": a["name"], "code": a["code"],
               "country": a["country"], "kind": a["kind"], "role": a["role"],
               "mentions": mentions.get(a["actor_id"], [])} for a in records(stored.actors)]
    quotes = [{"speaker": q["speaker_id"], "text": q["text"], "start": q["start"],
               "end": q["end"], "direct": q["direct"]} for q in records(stored.quotes)]
    places = [{"name": p["name"], "lat": p["lat"], "lon": p["lon"], "country": p["country"],
               "geonames_id": p["geonames_id"], "mentions": json.loads(p["mentions"] or "[]")}
              for p in records(stored.places)]
    return {"document": {"id": doc["doc_id"], "title": doc["title"],
                         "published": doc["published"], "author": doc["author"],
                         "source": doc["source"], "url": doc["url"], "text": doc["text"],
                         "dateline": doc["dateline"]},
            "actors": actors, "events": [_contract_event(e) for e in records(stored.events)],
            "quotes": quotes, "places": places}


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
        "evidence_in": row.get("evidence_in") or "text",
        "title_evidence": json.loads(row["title_evidence"]) if row.get("title_evidence")
        else None,
        "dyads": [{"source": d["source_id"], "target": d["target_id"],
                   "source_span": d.get("source_span"), "target_span": d.get("target_span")}
                  for d in json.loads(row.get("dyads") or "[]")],
    }
