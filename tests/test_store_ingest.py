"""``tacitus ingest``: every input kind into one database, idempotent, resumable after SIGKILL,
one writer at a time, bad inputs recorded, and the same tables from a Dask cluster.

One clean run over a small mixed corpus (module fixture) is the reference every other run is
compared with; the articles are one or two sentences, so the whole module codes in seconds.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tacitus.ingest.readers import MAX_BYTES
from tacitus.pipeline import Coder
from tacitus.store.db import connect
from tacitus.store.ingest import ingest

ARTICLES = [
    ("n1", "Iran expelled two British diplomats on Sunday, the foreign ministry said.",
     "2011-11-27"),
    ("n2", "Kenya and Somalia agreed on Tuesday to reopen their border crossing.", "2015-04-21"),
    ("n3", "Pakistani troops killed 12 Taliban fighters near Peshawar on Friday.", "2012-03-16"),
    ("n4", "The United States imposed sanctions on Turkey's interior minister on Wednesday.",
     "2018-08-01"),
    ("n5", "Police arrested 40 protesters in Caracas on Monday, the opposition said.",
     "2017-04-17"),
    ("n6", "France sent 500 troops to Mali on Saturday to fight rebels in the north.",
     "2013-01-12"),
]
FEED_TEXT = "Egypt recalled its ambassador from Qatar on Monday, state media said."
PAGE_TEXT = "Russia and China signed an energy agreement in Beijing on Thursday."
GZ_TEXT = "Colombian soldiers freed three hostages held by rebels, the army said on Sunday."
STORED = len(ARTICLES) + 3
TABLES = ("documents", "actors", "mentions", "events", "quotes", "places", "clusters")
CLI = [sys.executable, "-c", "from tacitus.cli import app; app()", "ingest"]


def _write_corpus(root: Path) -> list[str]:
    """Good articles of every kind, a duplicate, an id conflict and every kind of bad input;
    returns the command-line inputs (a folder, a glob, a missing path)."""
    corpus = root / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"id": i, "text": t, "published": p, "source": "Test Wire"})
             for i, t, p in ARTICLES]
    lines += [json.dumps({"id": "n7", "text": ARTICLES[0][1]}),          # same text: skipped
              json.dumps({"id": "n2", "text": "Chad closed its border."}),  # same id: error
              '{"id": "n8", "text": "truncated',                           # bad JSON
              json.dumps({"id": "n9", "text": GZ_TEXT, "published": "someday"}),
              json.dumps({"id": "n10", "text": "   "})]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n")
    (corpus / "desk.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"<item><title>Envoy</title><guid>desk-1</guid><link>https://example.org/e</link>"
        f"<pubDate>Mon, 09 Mar 2015 08:00:00 GMT</pubDate><description>{FEED_TEXT}"
        "</description></item><item><title>Empty</title></item></channel></rss>")
    (corpus / "quiet.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
                                      "<title>Quiet</title></channel></rss>")
    with (corpus / "crawl.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        page = (f"<html><body><article><h1>Energy deal</h1><p>{PAGE_TEXT}</p><p>{PAGE_TEXT}"
                "</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/deal", "response", payload=io.BytesIO(page),
            http_headers=headers))
    (corpus / "broken.warc").write_text("this is not a WARC file\nat all\n")
    (corpus / "rescue.txt.gz").write_bytes(gzip.compress(GZ_TEXT.encode()))
    (corpus / "bad.jsonl.gz").write_text("not gzip at all")
    (corpus / "binary.txt").write_bytes(b"\x00\xff\x10" * 50)
    (corpus / "empty.txt").write_text("\n")
    (root / "big").mkdir()
    (root / "big" / "huge.txt").write_bytes(b"word " * (MAX_BYTES // 5 + 1))
    return [str(corpus), str(root / "big" / "*.txt"), str(root / "missing.jsonl")]


EXPECTED_ERRORS = {
    "wire.jsonl:8": "already stored with different text",
    "wire.jsonl:9": "not valid JSON",
    "wire.jsonl:10": "is not a date",
    "wire.jsonl:11": "missing or empty 'text' field",
    "desk.rss#2": "feed item has no content or summary",
    "quiet.rss": "feed has no items",
    "broken.warc": "WARC",
    "bad.jsonl.gz": "bad gzip data",
    "binary.txt": "binary data",
    "empty.txt": "empty document",
    "huge.txt": "too large",
    "missing.jsonl": "no such file or folder",
}


def _tables(db: Path, *, leave_out: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every stored row, sorted (storage order is not part of the contract), without the
    columns in ``leave_out``; errors without their timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description
                       if c[0] not in leave_out]
            names = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
        out["errors"] = con.execute("SELECT origin, reason FROM errors ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    return _write_corpus(tmp_path_factory.mktemp("ingest"))


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> Path:
    """The reference: one uninterrupted in-process run over the whole corpus."""
    db = tmp_path_factory.mktemp("clean") / "events.duckdb"
    report = ingest(corpus, db, workers=1)
    assert (report.counts.documents, report.counts.skipped) == (STORED, 1)
    return db


def test_every_input_kind_is_stored_with_its_origin(clean) -> None:
    con = duckdb.connect(str(clean), read_only=True)
    docs = dict(con.execute("SELECT doc_id, origin FROM documents").fetchall())
    run = con.execute("SELECT status, finished IS NOT NULL, documents, skipped, events, errors, "
                      "executor, data_version, pipeline FROM runs").fetchall()
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    clustered = con.execute("SELECT count(*) FROM events WHERE cluster_id IS NOT NULL"
                            ).fetchone()[0]
    con.close()
    assert len(docs) == STORED and docs["n1"].endswith("wire.jsonl:1")
    assert docs["desk-1"].endswith("desk.rss#1")
    assert any(o.endswith("crawl.warc.gz#0") for o in docs.values())
    assert any(o.endswith("rescue.txt.gz") for o in docs.values())
    [(status, finished, stored, skipped, n_events, n_errors, executor, versions, pipe)] = run
    assert (status, finished, stored, skipped, executor) == ("done", True, STORED, 1, "local:1")
    assert n_events == events > 0 and n_errors == len(EXPECTED_ERRORS)
    assert "verb_patterns" in json.loads(versions) and pipe.startswith("en_core_web_sm")
    assert clustered > 0


def test_every_bad_input_is_recorded_with_a_reason_and_the_run_goes_on(clean) -> None:
    errors = _tables(clean)["errors"]
    assert len(errors) == len(EXPECTED_ERRORS)
    for origin, reason in errors:
        key = next(k for k in EXPECTED_ERRORS if origin.endswith(k))
        assert EXPECTED_ERRORS[key] in reason, (origin, reason)


def test_second_run_stores_nothing_new(clean, corpus, tmp_path) -> None:
    db = tmp_path / "again.duckdb"
    shutil.copy(clean, db)
    report = ingest(corpus, db, workers=1)
    assert (report.counts.documents, report.counts.events) == (0, 0)
    assert report.counts.skipped == STORED + 1
    again = _tables(db)
    assert {t: again[t] for t in TABLES} == {t: r for t, r in _tables(clean).items()
                                             if t in TABLES}
    assert sorted(set(again["errors"])) == _tables(clean)["errors"]


def test_same_id_with_other_text_in_a_later_run_is_an_error(clean, tmp_path) -> None:
    db = tmp_path / "conflict.duckdb"
    shutil.copy(clean, db)
    update = tmp_path / "update.jsonl"
    update.write_text(json.dumps({"id": "n3", "text": "Pakistan closed the Torkham crossing."}))
    report = ingest([str(update)], db, workers=1)
    assert (report.counts.documents, report.counts.errors) == (0, 1)
    con = duckdb.connect(str(db), read_only=True)
    reason = con.execute("SELECT reason FROM errors WHERE run_id = 2").fetchone()[0]
    con.close()
    assert reason.startswith("id 'n3' is already stored with different text")


def test_a_coder_failure_is_recorded_and_the_others_are_stored(tmp_path, monkeypatch) -> None:
    original = Coder._assemble

    def fragile(self, document, doc):
        if "Torkham" in document.text:
            raise RuntimeError("parser exploded")
        return original(self, document, doc)

    monkeypatch.setattr(Coder, "_assemble", fragile)
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"f{i}", "text": t}) for i, t in enumerate(
        [ARTICLES[0][1], "Pakistan closed the Torkham crossing.", ARTICLES[1][1]])))
    report = ingest([str(path)], tmp_path / "f.duckdb", workers=1)
    assert (report.counts.documents, report.counts.errors) == (2, 1)
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    assert con.execute("SELECT origin, reason FROM errors").fetchall() == [
        (f"{path}:2", "coder failed: RuntimeError: parser exploded")]
    con.close()


def test_a_second_writer_gets_a_clear_error(tmp_path) -> None:
    db = tmp_path / "busy.duckdb"
    con = connect(db)
    try:
        result = subprocess.run([*CLI, str(tmp_path / "none.jsonl"), "--db", str(db)],
                                capture_output=True, text=True, timeout=120)
    finally:
        con.close()
    assert result.returncode == 1
    assert "database is in use by another writer" in result.stderr
    connect(db, read_only=True).close()  # once no one writes, anyone may read


def _stored(db: Path, scratch: Path) -> int:
    """Documents committed so far, read from a copy (the writer holds the file's lock)."""
    with contextlib.suppress(OSError, duckdb.Error):
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        for name in (db.name, db.name + ".wal"):
            if (db.parent / name).exists():
                shutil.copy(db.parent / name, scratch / name)
        con = duckdb.connect(str(scratch / db.name))
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    return 0


def test_a_run_killed_with_sigkill_resumes_without_loss_or_duplicates(clean, corpus, tmp_path
                                                                       ) -> None:
    db = tmp_path / "killed.duckdb"
    # Each document waits 0.5 s inside its transaction: the kill lands in an open one.
    env = {**os.environ, "TACITUS_INGEST_PAUSE": "0.5"}
    proc = subprocess.Popen([*CLI, *corpus, "--db", str(db), "--workers", "2",
                             "--batch-size", "1"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while proc.poll() is None and time.monotonic() < deadline:
            if _stored(db, tmp_path / "peek"):
                break
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the pool's workers, had they outlived it
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    # Documents of the killed run: complete, not yet clustered (that comes at a run's end).
    reference = _tables(clean, leave_out=("run_id", "cluster_id"))
    partial = _tables(db, leave_out=("run_id", "cluster_id"))
    stored = {row[0] for row in partial["documents"]}
    assert 0 < len(stored) < STORED
    for table in ("documents", "actors", "mentions", "events", "quotes"):  # whole documents
        assert partial[table] == [r for r in reference[table] if r[0] in stored], table
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, finished FROM runs").fetchall() == [("running", None)]
    con.close()

    report = ingest(corpus, db, workers=1)
    assert report.interrupted == 1
    assert report.counts.documents == STORED - len(stored)
    assert report.counts.skipped == len(stored) + 1
    resumed = _tables(db, leave_out=("run_id",))
    reference = _tables(clean, leave_out=("run_id",))
    assert {t: resumed[t] for t in TABLES} == {t: reference[t] for t in TABLES}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall() == [
        (1, "interrupted"), (2, "done")]
    assert sorted(set(con.execute("SELECT origin, reason FROM errors WHERE run_id = 2"
                                  ).fetchall())) == reference["errors"]
    con.close()


def test_a_dask_cluster_of_two_workers_stores_the_same_tables(clean, corpus, tmp_path) -> None:
    db = tmp_path / "dask.duckdb"
    report = ingest(corpus, db, cluster="local:2", batch_size=2)
    assert report.counts.documents == STORED
    assert _tables(db) == _tables(clean)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT executor FROM runs").fetchone() == ("dask:local:2",)
    con.close()
