"""Build small event databases for the store tests by inserting rows as schema.sql describes,
so the query, cluster and export tests do not depend on the ingest code."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from tacitus.events import lookup
from tacitus.model import CodedDocument
from tacitus.store.db import connect
from tacitus.store.writer import Writer


def new_db(path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    con.execute("INSERT INTO runs (run_id, started, finished, status, inputs, executor, "
                "tacitus_version) VALUES (1, TIMESTAMP '2024-01-02 03:04:05', "
                "TIMESTAMP '2024-01-02 03:05:00', 'done', '[]', 'local:1', 'test') "
                "ON CONFLICT DO NOTHING")
    return con


def add_doc(con: duckdb.DuckDBPyConnection, doc_id: str, *, text: str = "", source: str | None
            = None, url: str | None = None, published: str | None = None,
            title: str | None = None) -> None:
    text = text or f"Text of {doc_id}."
    digest = hashlib.sha256(f"{doc_id}\n{text}".encode()).hexdigest()
    con.execute("INSERT INTO documents (doc_id, content_hash, title, published, source, url, "
                "text, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                [doc_id, digest, title, published, source, url, text])


def add_event(con: duckdb.DuckDBPyConnection, doc_id: str, event_id: str, *,
              source: str | None = None, target: str | None = None, cameo: str = "190",
              date: str | None = None, precision: str | None = "day",
              modality: str = "asserted", country: str | None = None,
              place: str | None = None, geonames: int | None = None,
              evidence: str = "evidence", sentence: int = 0,
              source_name: str | None = None, target_name: str | None = None,
              confidence: float = 0.9, quantities: str | None = None) -> None:
    """One events row; CAMEO fields come from the packaged table, ``published`` from the
    document."""
    row = lookup(cameo)
    con.execute(
        """INSERT INTO events (doc_id, event_id, source_id, source_code, source_name,
            target_id, target_code, target_name, cameo, root, quad_class, goldstein, name,
            plover, sentence, evidence_start, evidence_end, evidence_text, event_date,
            date_value, date_precision, published, place_name, place_country, geonames_id,
            modality, confidence, quantities, lat, lon)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?::DATE, ?, ?,
               d.published, ?, ?, ?, ?, ?, ?::JSON, ?, ?
        FROM documents d WHERE d.doc_id = ?""",
        [doc_id, event_id, source and "a1", source, source_name or source,
         target and "a2", target, target_name or target, row.code, row.root,
         row.quad_class, row.goldstein, row.name, row.plover or None, sentence,
         len(evidence), evidence, date, date, date and precision, place, country, geonames,
         modality, confidence, quantities, 34.5 if place else None, 69.2 if place else None,
         doc_id])


def add_coded(con: duckdb.DuckDBPyConnection, coded: CodedDocument) -> None:
    """Store a coded document through the ingest's writer (its rows() and transaction)."""
    writer = Writer(con, 1)
    key = writer.admit(f"test:{coded.document.id}", coded.document)
    assert key is not None, f"{coded.document.id} was not admitted"
    writer.done(key, coded.model_dump(), None)
    writer.commit()


def small_corpus(path: Path) -> Path:
    """Five articles from three outlets: one attack reported three times (two outlets by
    name, one only by URL host), a police raid, a meeting, a denied attack and a planned
    withdrawal. The query and export tests read it."""
    con = new_db(path)
    add_doc(con, "r1", source="Reuters", url="https://www.reuters.com/a1",
            published="2011-03-08", title="Taliban attack US base")
    add_doc(con, "b1", url="https://www.bbc.co.uk/news/1", published="2011-03-08",
            title="Base attacked\tin Kandahar")
    add_doc(con, "r2", source="reuters", published="2011-03-09", title="More on the attack")
    add_doc(con, "a1", source="AFP", published="2011-06-02", title="Talks in Doha")
    add_doc(con, "a2", source="AFP", published="2011-06-10", title="Withdrawal planned")
    quantities = '[{"kind": "killed", "value": 3, "text": "three", "low": null}]'
    add_event(con, "r1", "e1", source="TAL", target="USAMIL", date="2011-03-07",
              country="AFG", place="Kandahar", geonames=1138958, source_name="Taliban",
              target_name="US troops", quantities=quantities,
              evidence='Taliban fighters attacked "US troops"\nnear Kandahar')
    add_event(con, "b1", "e1", source="TAL", target="USAMIL", date="2011-03-07",
              country="AFG", evidence="militants stormed the base")
    add_event(con, "r2", "e1", source="TAL", target="USAMIL", date="2011-03-08",
              modality="reported", evidence="the Taliban attacked American soldiers")
    add_event(con, "r2", "e2", source="AFGCOP", target="TAL", cameo="173", date="2011-03-08",
              country="AFG", evidence="Afghan police arrested Taliban suspects", sentence=1)
    add_event(con, "a1", "e1", source="USAGOV", target="TAL", cameo="040", date="2011-06-01",
              country="QAT", place="Doha", evidence="US officials met Taliban envoys")
    add_event(con, "a1", "e2", source="USAGOV", cameo="010", date="2011-06-01",
              evidence="officials said", sentence=1)
    add_event(con, "a1", "e3", source="TAL", target="USAMIL", date="2011-06-01",
              modality="negated", evidence="the Taliban did not attack", sentence=2)
    add_event(con, "a2", "e1", source="USA", target="AFG", cameo="0874", date=None,
              modality="planned", evidence="the US plans to withdraw troops")
    from tacitus.store.cluster import update_clusters

    update_clusters(con)
    con.close()
    return path
