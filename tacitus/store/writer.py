"""The single database writer of an ingest: which articles to code, and the rows they make.

``rows()`` maps one ``CodedDocument`` to the rows of every table (the database contract of
schema.sql). ``Writer`` decides, before anything is coded, whether an article is new, already
stored (skipped) or in conflict with a stored one (an error), and writes coded documents in
transactions that each hold whole documents only: a run killed at any moment leaves every
document either complete or absent, and the runs row's counts always match what is stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb
import pyarrow as pa

from tacitus.model import CodedDocument, Document

TABLES = ("documents", "actors", "mentions", "events", "quotes", "places")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def content_hash(text: str) -> str:
    """A document's identity: sha256 of its cleaned text (``documents.content_hash``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def first_day(value: str | None) -> date | None:
    """The first day of a ``YYYY[-MM[-DD]]`` value (``events.event_date``); None when the
    value is absent or not a real date, so that one odd value never blocks a document."""
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def rows(coded: CodedDocument, *, origin: str, run_id: int) -> dict[str, list[dict]]:
    """Every row one coded document adds, table by table (columns as in schema.sql)."""
    doc = coded.document
    doc_id = doc.id
    published = first_day(doc.published)
    actors = {a.id: a for a in coded.actors}

    def code(actor_id: str | None) -> str | None:
        return actors[actor_id].code if actor_id in actors else None

    def name(actor_id: str | None) -> str | None:
        return actors[actor_id].name if actor_id in actors else None

    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    out["documents"].append({
        "doc_id": doc_id, "content_hash": content_hash(doc.text), "title": doc.title,
        "published": published, "author": doc.author, "source": doc.source, "url": doc.url,
        "dateline": doc.dateline, "text": doc.text, "origin": origin, "run_id": run_id,
        "data_version": coded.data_version,
    })
    for a in coded.actors:
        out["actors"].append({"doc_id": doc_id, "actor_id": a.id, "name": a.name,
                              "code": a.code, "country": a.country, "kind": a.kind,
                              "role": a.role})
        out["mentions"] += [{"doc_id": doc_id, "actor_id": a.id, "start": m.start,
                             "end": m.end, "text": m.text} for m in a.mentions]
    for e in coded.events:
        when, where, trigger = e.date, e.location, e.trigger
        out["events"].append({
            "doc_id": doc_id, "event_id": e.id,
            "source_id": e.source, "source_code": code(e.source), "source_name": name(e.source),
            "target_id": e.target, "target_code": code(e.target), "target_name": name(e.target),
            "cameo": e.cameo, "root": e.root, "quad_class": e.quad_class,
            "goldstein": float(e.goldstein), "name": e.name, "plover": e.plover,
            "sentence": e.sentence, "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end, "evidence_text": e.evidence.text,
            "trigger_start": trigger.start if trigger else None,
            "trigger_end": trigger.end if trigger else None,
            "trigger_text": trigger.text if trigger else None,
            "event_date": first_day(when.value) if when else None,
            "date_value": when.value if when else None,
            "date_precision": when.precision if when else None,
            "date_text": when.text if when else None,
            "date_start": when.start if when else None,
            "date_end": when.end if when else None,
            "date_qualifier": when.qualifier if when else None,
            "published": published,
            "place_name": where.name if where else None,
            "lat": where.lat if where else None, "lon": where.lon if where else None,
            "place_country": where.country if where else None,
            "geonames_id": where.geonames_id if where else None,
            "modality": e.modality, "attributed_id": e.attributed_to,
            "attributed_code": code(e.attributed_to),
            "quantities": json.dumps([q.model_dump() for q in e.quantities]),
            "confidence": float(e.confidence), "pattern": e.pattern, "cluster_id": None,
            "num_mentions": max(1, len(e.mentions)),
            "mentions": json.dumps([m.model_dump() for m in e.mentions or [e.evidence]]),
            "evidence_in": e.evidence_in,
            "title_evidence": (json.dumps(e.title_evidence.model_dump())
                               if e.title_evidence else None),
            "dyads": json.dumps([{
                "source_id": d.source, "source_code": code(d.source),
                "source_name": name(d.source), "target_id": d.target,
                "target_code": code(d.target), "target_name": name(d.target),
                "source_span": d.source_span.model_dump() if d.source_span else None,
                "target_span": d.target_span.model_dump() if d.target_span else None,
            } for d in e.dyads]) if e.dyads else None,
        })
    for n, q in enumerate(coded.quotes, start=1):
        out["quotes"].append({"doc_id": doc_id, "quote_id": n, "speaker_id": q.speaker,
                              "speaker_code": code(q.speaker), "speaker_name": name(q.speaker),
                              "text": q.text, "start": q.start, "end": q.end,
                              "direct": q.direct})
    for n, p in enumerate(coded.places, start=1):
        out["places"].append({"doc_id": doc_id, "place_id": n, "name": p.name, "lat": p.lat,
                              "lon": p.lon, "country": p.country, "geonames_id": p.geonames_id,
                              "mentions": json.dumps([m.model_dump() for m in p.mentions])})
    return out


@dataclass
class Counts:
    """What a run did so far; the writer keeps ``runs`` equal to its committed part."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    errors: int = 0

    def added(self, other: Counts) -> Counts:
        return Counts(self.documents + other.documents, self.skipped + other.skipped,
                      self.events + other.events, self.errors + other.errors)


@dataclass
class _Pending:
    origin: str
    doc_id: str
    content_hash: str


class Writer:
    """The run's single writer: admits articles, buffers results, commits in batches.

    A commit holds at most ``commit_docs`` documents, or whatever arrived within
    ``commit_seconds``, so that a killed run loses little work and commits stay cheap.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: int, *, commit_docs: int = 64,
                 commit_seconds: float = 1.0,
                 on_error: Callable[[str, str], None] | None = None) -> None:
        self.con = con
        self.run_id = run_id
        self.on_error = on_error
        """Told the origin and reason of each error as it happens (the command prints it)."""
        self.commit_docs = commit_docs
        self.commit_seconds = commit_seconds
        self.counts = Counts()
        """What is committed; the runs row says the same."""
        self._pending: dict[int, _Pending] = {}
        self._ids: dict[str, str] = {}
        self._hashes: set[str] = set()
        self._next_key = 0
        self._docs: list[tuple[int, CodedDocument]] = []
        self._errors: list[tuple[str, str]] = []
        self._buffered = Counts()
        self._last_commit = time.monotonic()
        # Test hook: seconds to wait per document inside each transaction, before COMMIT,
        # so that a test can kill the process while a transaction is open.
        self._pause = float(os.environ.get("TACITUS_INGEST_PAUSE") or 0)

    def admit(self, origin: str, document: Document) -> int | None:
        """The key to code ``document`` under, or None when it must not be coded: already
        stored or already in this run (skipped), or its id stored with other text (error).
        Checked before coding, so that ingesting a corpus again costs only its reading."""
        digest = content_hash(document.text)
        if digest in self._hashes:
            self._buffered.skipped += 1
            return None
        if self._ids.get(document.id, digest) != digest:
            self.error(origin, _conflict(document.id, self._ids[document.id], digest))
            return None
        stored = self.con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE content_hash = $1 "
            "UNION ALL SELECT doc_id, content_hash FROM documents WHERE doc_id = $2",
            [digest, document.id]).fetchall()
        if any(h == digest for _, h in stored):
            self._buffered.skipped += 1
            return None
        if stored:
            self.error(origin, _conflict(document.id, stored[0][1], digest))
            return None
        key = self._next_key
        self._next_key += 1
        self._pending[key] = _Pending(origin, document.id, digest)
        self._ids[document.id] = digest
        self._hashes.add(digest)
        return key

    def error(self, origin: str, reason: str) -> None:
        """Record a document that could not be read, coded or stored (the run goes on)."""
        self._errors.append((origin, reason))
        self._buffered.errors += 1
        if self.on_error is not None:
            self.on_error(origin, reason)

    def done(self, key: int, coded: dict | None, reason: str | None) -> None:
        """Take one executor outcome: a coded document to store, or a coding failure."""
        if coded is None:
            origin = self._pending[key].origin
            self._release(key)
            self.error(origin, reason or "coder failed")
            return
        self._docs.append((key, CodedDocument.model_validate(coded)))

    def maybe_commit(self) -> None:
        """Commit when the buffer is full or has waited long enough."""
        waited = time.monotonic() - self._last_commit
        if len(self._docs) >= self.commit_docs or (
                (self._docs or self._errors or self._buffered.skipped)
                and waited >= self.commit_seconds):
            self.commit()

    def commit(self) -> None:
        """Write the buffer in one transaction; if the database refuses it, write its
        documents one at a time, recording any that it still refuses as errors."""
        docs, self._docs = self._docs, []
        try:
            self._transaction(docs, self._errors, self._buffered)
        except duckdb.Error:
            for key, coded in docs:
                try:
                    self._transaction([(key, coded)], [], Counts())
                except duckdb.Error as exc:
                    origin = self._pending[key].origin
                    self._release(key)
                    self.error(origin, f"cannot store: {str(exc).splitlines()[0]}")
            self._transaction([], self._errors, self._buffered)
        self._errors, self._buffered = [], Counts()
        self._last_commit = time.monotonic()

    def _transaction(self, docs: list[tuple[int, CodedDocument]],
                     errors: list[tuple[str, str]], extra: Counts) -> None:
        tables: dict[str, list[dict]] = {t: [] for t in TABLES}
        for key, coded in docs:
            for table, found in rows(coded, origin=self._pending[key].origin,
                                     run_id=self.run_id).items():
                tables[table] += found
        counts = self.counts.added(extra).added(
            Counts(documents=len(docs), events=len(tables["events"])))
        self.con.begin()
        try:
            for table, found in tables.items():
                if found:
                    self.con.register("_rows", pa.Table.from_pylist(found))
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
                    self.con.unregister("_rows")
            if errors:
                self.con.executemany(
                    "INSERT INTO errors (run_id, origin, reason, happened) "
                    "VALUES (?, ?, ?, now())", [[self.run_id, o, r] for o, r in errors])
            self.con.execute("UPDATE runs SET documents = ?, skipped = ?, events = ?, "
                             "errors = ?, data_version = coalesce(data_version, ?) "
                             "WHERE run_id = ?",
                             [counts.documents, counts.skipped, counts.events, counts.errors,
                              _versions_json(docs[0][1].data_version) if docs else None,
                              self.run_id])
            if self._pause and docs:
                time.sleep(self._pause * len(docs))
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        self.counts = counts
        for key, _ in docs:
            self._release(key)

    def _release(self, key: int) -> None:
        """Forget a document once it is stored or failed: memory stays bounded by what is in
        flight, and the database itself answers for everything already written."""
        pending = self._pending.pop(key, None)
        if pending is not None:
            self._ids.pop(pending.doc_id, None)
            self._hashes.discard(pending.content_hash)

    @property
    def total(self) -> Counts:
        """Committed and buffered counts together: what the progress bar shows."""
        return self.counts.added(self._buffered).added(Counts(documents=len(self._docs)))


def _versions_json(versions: str | None) -> str | None:
    """``runs.data_version``: the data file versions the workers coded with, as JSON (taken
    from a coded document, so the writer never loads the data files itself)."""
    if not versions:
        return None
    return json.dumps(dict(part.partition("=")[::2] for part in versions.split(";")))


def _conflict(doc_id: str, stored: str, new: str) -> str:
    return (f"id {doc_id!r} is already stored with different text (content hash "
            f"{stored[:12]}…, this text {new[:12]}…); give the new version its own id")
