"""Exports: CSV and Parquet read back equal to the events table; the GDELT layout has its 61
columns on every line; PLOVER lines parse and carry the fields the PLOVER eval reads."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
from storedb import small_corpus
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store.db import connect
from tacitus.store.export import GDELT_COLUMNS, SIDECAR_COLUMNS, export
from tacitus.store.query import Filters


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("export") / "events.duckdb")


@pytest.fixture
def con(db):
    c = connect(db, read_only=True)
    yield c
    c.close()


def _events(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM events ORDER BY doc_id, event_id").df()


def test_csv_round_trip(db, con, tmp_path):
    out = tmp_path / "events.csv"
    assert export(con, "csv", out).startswith("8 events")
    mem = duckdb.connect()
    mem.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    mem.execute("CREATE TABLE back AS SELECT * FROM src.events LIMIT 0")
    mem.execute(f"INSERT INTO back SELECT * EXCLUDE (date) FROM "
                f"read_csv('{out}', header = true, all_varchar = true)")
    back = mem.execute("SELECT * FROM back ORDER BY doc_id, event_id").df()
    pd.testing.assert_frame_equal(back, _events(con))


def test_parquet_partitions_read_back_equal(con, tmp_path):
    out = tmp_path / "events"
    export(con, "parquet", out)
    folders = {p.relative_to(out).parent.as_posix() for p in out.rglob("*.parquet")}
    assert folders == {"year=2011/month=3", "year=2011/month=6"}
    back = duckdb.sql(f"SELECT * EXCLUDE (date, year, month) FROM "
                      f"read_parquet('{out}/**/*.parquet', hive_partitioning = true) "
                      "ORDER BY doc_id, event_id").df()
    pd.testing.assert_frame_equal(back, _events(con), check_dtype=False)
    with pytest.raises(ValueError, match="not an empty folder"):
        export(con, "parquet", out)


def test_gdelt_layout(con, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and len(lines) == 4       # one line per cluster
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    attack = next(dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows
                  if r[GDELT_COLUMNS.index("EventRootCode")] == "19")
    assert attack["SQLDATE"] == "20110307" and attack["MonthYear"] == "201103"
    assert attack["Actor1Code"] == "TAL" and attack["Actor2Code"] == "USAMIL"
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == \
        ("3", "2", "3")
    assert attack["AvgTone"] == "" and attack["ActionGeo_FullName"] == "Kandahar"
    assert attack["SOURCEURL"] == "https://www.bbc.co.uk/news/1"
    assert attack["DATEADDED"] == "20240102030500"
    sidecar = (tmp_path / "events.gdelt.tacitus.tsv").read_text(encoding="utf-8").splitlines()
    assert sidecar[0].split("\t") == list(SIDECAR_COLUMNS)
    members = [dict(zip(SIDECAR_COLUMNS, s.split("\t"), strict=True)) for s in sidecar[1:]]
    assert {m["doc_id"] for m in members if m["GLOBALEVENTID"] == attack["GLOBALEVENTID"]} \
        == {"r1", "b1", "r2"}
    # The evidence's line break and quotes stay inside one field.
    assert any('"US troops" near Kandahar' in m["evidence_text"] for m in members)


def test_plover_jsonl(con, tmp_path):
    out = tmp_path / "events.jsonl"
    message = export(con, "plover", out)
    assert "1 without a PLOVER type" in message              # the bare statement
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 7
    for r in records:
        assert {"id", "date", "source", "target", "event", "text"} <= set(r)
    attack = next(r for r in records if r["id"] == "r1:e1")
    assert attack["event"] == "ASSAULT" and attack["date"] == "2011-03-07"
    assert attack["source"] == [{"actorText": "Taliban", "code": "TAL", "sector": None,
                                 "cameo": "TAL"}]
    assert attack["target"][0]["code"] == "USAMIL" and attack["dead"] == 3
    assert attack["eventLoc"]["name"] == "Kandahar"
    assert attack["tacitus"]["modality"] == "asserted"


def test_export_filters_and_cli(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "tal.csv"
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "csv",
                                 "--source", "TAL", "--root", "19"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(out)) == 4
    result = runner.invoke(app, ["export", str(tmp_path / "x"), "--db", str(db),
                                 "--format", "gdelt", "--since", "2011-02-31"])
    assert result.exit_code == 1 and "bad date for since" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "y"), "--db", str(db),
                                 "--format", "xml"])
    assert result.exit_code != 0
    with pytest.raises(ValueError, match="bad format"):
        export(connect(db, read_only=True), "xml", tmp_path / "z", Filters())
