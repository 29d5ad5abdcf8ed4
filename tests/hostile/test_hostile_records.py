"""One bad record never stops a corpus, in ``tacitus ingest`` and ``tacitus code`` alike.

A small corpus mixes good articles with every record that used to crash a whole run (lone
surrogates, JSON nested 100,000 deep, a 5,000-digit integer, an RSS ``&#xD800;``, a file name
that is not UTF-8, a text past spaCy's ``max_length``). Each must either be stored or become
one error row with its reason, the good articles must be stored, a second run must not crash
on the same lines, and a run where everything failed exits non-zero. Fixtures are written at
test time; the articles are one sentence, so the module codes in seconds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store.ingest import ingest

GOOD = ["Iran expelled two British diplomats on Sunday, the foreign ministry said.",
        "Kenya and Somalia agreed on Tuesday to reopen their border crossing."]
SURROGATE = "\\ud800"  # as JSON writes it: json.loads gives a lone surrogate
RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &#xD800;</title>'
       "<item><title>Talks &#xD800;</title><guid>g-&#xD800;</guid><description>Egypt recalled "
       "its ambassador from Qatar &#xD800; on Monday.</description></item>"
       "<item><title>Zero</title><description>Chad closed its border &#0; on Friday."
       "</description></item></channel></rss>")
runner = CliRunner()


def _write(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    lines = [json.dumps({"id": "good-1", "text": GOOD[0]}),
             f'{{"id": "s-text", "text": "Egypt and Qatar {SURROGATE} signed a deal."}}',
             f'{{"id": "s-title", "title": "T {SURROGATE}", "text": "Chad and Niger met."}}',
             f'{{"id": "s-id-{SURROGATE}", "text": "Peru and Chile held talks."}}',
             f'{{"id": "s-url", "url": "http://x/{SURROGATE}", "text": "Iran praised Iraq."}}',
             "[" * 100_000 + "]" * 100_000,
             '{"id": "big-int", "n": ' + "9" * 5_000 + ', "text": "Mali thanked France."}',
             '{"id": "big-id", "text": "Cuba hosted Spain."}'.replace('"big-id"', "9" * 5_000),
             json.dumps({"id": "good-2", "text": GOOD[1]})]
    files = {"jsonl": folder / "corpus.jsonl", "rss": folder / "wire.rss",
             "long": folder / "long.txt"}
    files["jsonl"].write_text("\n".join(lines) + "\n")
    files["rss"].write_text(RSS)
    files["long"].write_text("Iran praised Iraq. " * 52_632 + "\n")  # 1,000,007 characters
    name = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: a lone surrogate in Python's str
    files["name"] = folder / name
    files["name"].write_text("Japan and Korea resumed their talks on Monday.")
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _write(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="module")
def stored(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[Path, list[tuple[str, str]], list[tuple[str, str]]]:
    """One in-process ingest of the corpus: the database, its documents and its errors."""
    db = tmp_path_factory.mktemp("hostile-db") / "events.duckdb"
    ingest([str(corpus["jsonl"].parent)], db, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT doc_id, origin FROM documents ORDER BY origin").fetchall()
    errors = con.execute("SELECT origin, reason FROM errors ORDER BY origin").fetchall()
    con.close()
    return db, docs, errors


def test_every_record_is_stored_or_one_error_row(corpus, stored) -> None:
    _, docs, errors = stored
    jsonl = str(corpus["jsonl"])
    ids = {doc_id for doc_id, _ in docs}
    assert {"good-1", "good-2", "s-text", "s-title", "s-id-\ufffd", "s-url", "big-int",
            "9" * 5_000} <= ids
    reasons = dict(errors)
    assert reasons == {f"{jsonl}:6": "not valid JSON: nested too deeply",
                       str(corpus["long"]): "text too long to code: 1,000,007 characters "
                                            "(limit 1,000,000); split it into its articles"}
    origins = {origin for _, origin in docs}
    assert f"{corpus['rss']}#1" in origins and f"{corpus['rss']}#2" in origins
    assert str(corpus["name"].parent / "caf\\xe9.txt") in origins


def test_lone_surrogates_become_replacement_characters(stored) -> None:
    db, _, _ = stored
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT doc_id, text || coalesce(title, '') || coalesce(url, '') "
                            "FROM documents").fetchall())
    source = con.execute("SELECT DISTINCT source FROM documents WHERE origin LIKE '%#1'"
                         ).fetchall()
    con.close()
    assert "\ufffd" in rows["s-text"] and "\ufffd" in rows["s-title"]
    assert "\ufffd" in rows["s-url"] and "g-\ufffd" in rows
    assert source == [("Wire \ufffd",)]


def test_a_second_run_goes_past_the_same_lines(corpus, stored) -> None:
    db, docs, errors = stored
    report = ingest([str(corpus["jsonl"].parent)], db, workers=1)
    assert (report.counts.documents, report.counts.skipped) == (0, len(docs))
    assert report.counts.errors == len(errors)


def test_code_keeps_the_good_files_and_closes_its_json(corpus) -> None:
    """The run that printed a bare ``[`` and lost the good files: now a valid JSON list."""
    result = runner.invoke(app, ["code", str(corpus["long"]), str(corpus["jsonl"]),
                                 str(corpus["rss"]), str(corpus["name"])])
    assert result.exit_code == 0, result.output
    coded = json.loads(result.stdout)
    assert {"good-1", "good-2", "s-text", "big-int"} <= {d["document"]["id"] for d in coded}
    assert "long: text too long to code: 1,000,007 characters" in result.stderr
    assert "corpus.jsonl:6: not valid JSON: nested too deeply" in result.stderr
    assert "Traceback" not in result.output


def test_a_run_where_everything_failed_exits_non_zero(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[" * 100_000 + "\n" + '{"text": ""}\n')
    code = runner.invoke(app, ["code", str(bad)])
    assert code.exit_code == 1 and code.stdout.strip() == "[]"
    assert "nested too deeply" in code.stderr
    run = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "e.duckdb"),
                              "--workers", "1"])
    assert run.exit_code == 1 and "0 new document(s)" in run.stderr
    assert "2 error(s)" in run.stderr


# The alarm may land in a garbage-collector callback (hypothesis installs one), where Python
# reports and drops the exception; the limit's next alarm, a quarter second later, holds.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_document_past_its_time_limit_is_refused_and_the_next_coded(tmp_path,
                                                                       monkeypatch) -> None:
    """A time limit of 2 s: a 66,000-character article (two parts, several seconds) is
    stopped with the reason, the short one after it is coded."""
    monkeypatch.setenv("TACITUS_TIME_LIMIT", "2")
    slow = tmp_path / "slow.txt"
    slow.write_text("\n\n".join([f"Iran praised Iraq for the border agreement {i}. "
                                 "Turkey condemned Syria for the shelling of its towns."
                                 for i in range(600)]))
    fast = tmp_path / "fast.txt"
    fast.write_text(GOOD[0])
    result = runner.invoke(app, ["code", str(slow), str(fast)])
    assert result.exit_code == 0, result.output
    assert [d["document"]["id"] for d in json.loads(result.stdout)] == ["fast"]
    assert "slow: coding took longer than 2 s" in result.stderr
