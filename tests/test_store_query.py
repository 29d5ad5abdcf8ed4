"""The query API (tacitus.open) and the events, actors and dyads commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest
from storedb import small_corpus
from typer.testing import CliRunner

import tacitus
from tacitus.cli import app
from tacitus.errors import StoreError


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("store") / "events.duckdb")


@pytest.fixture
def store(db):
    with tacitus.open(db) as s:
        yield s


def _ids(df) -> set[str]:
    return {f"{d}:{e}" for d, e in zip(df.doc_id, df.event_id, strict=True)}


def test_import_tacitus_does_not_load_the_store():
    code = "import sys, tacitus; print('duckdb' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == "False"


def test_actor_codes_match_at_code_boundaries(store):
    assert _ids(store.events(source="TAL", target="USA")) == {
        "r1:e1", "b1:e1", "r2:e1", "a1:e3"}
    assert _ids(store.events(source="USA")) == {"a1:e1", "a1:e2", "a2:e1"}
    assert _ids(store.events(source="usagov")) == {"a1:e1", "a1:e2"}
    assert store.events(source="US").empty          # not a code boundary
    assert store.events(source="USAG").empty
    assert _ids(store.events(source=["AFGCOP", "USA"], target="TAL")) == {"r2:e2", "a1:e1"}


def test_filters(store):
    assert _ids(store.events(root=19, modality="asserted")) == {"r1:e1", "b1:e1"}
    assert _ids(store.events(root="4")) == {"a1:e1"}
    assert _ids(store.events(cameo="17")) == {"r2:e2"}
    assert _ids(store.events(quad_class=[1])) == {"a1:e1", "a1:e2"}
    assert _ids(store.events(since="2011-03-08", until="2011-03")) == {"r2:e1", "r2:e2"}
    assert _ids(store.events(since="2011-06")) == {"a1:e1", "a1:e2", "a1:e3", "a2:e1"}
    # a2:e1 has no date of its own: it counts on its publication day
    assert _ids(store.events(since="2011-06-10", until="2011-06-10")) == {"a2:e1"}
    assert _ids(store.events(place="Afghanistan")) == {"r1:e1", "b1:e1", "r2:e2"}
    assert _ids(store.events(place="AFG")) == _ids(store.events(place="afghanistan"))
    assert _ids(store.events(place="kandahar")) == {"r1:e1"}
    assert _ids(store.events(place="Qatar")) == {"a1:e1"}
    assert _ids(store.events(text="AMERICAN")) == {"r2:e1"}
    assert _ids(store.events(modality=["negated", "planned"])) == {"a1:e3", "a2:e1"}


def test_order_and_pages(store):
    everything = store.events()
    assert len(everything) == 8
    assert list(everything.date.dt.strftime("%m-%d"))[:3] == ["03-07", "03-07", "03-08"]
    page = store.events(limit=3, offset=3)
    assert list(page.event_id) == list(everything.event_id[3:6])
    assert store.events(order="-goldstein").goldstein.iloc[0] == everything.goldstein.max()
    assert list(store.events(limit=0).columns) == list(everything.columns)


def test_unique_returns_clusters_with_counts(store):
    mentions = store.events(source="TAL", target="USA", root=19)
    assert len(mentions) == 4
    unique = store.events(source="TAL", target="USA", root=19, unique=True)
    assert len(unique) == 1            # the negated attack is no cluster
    row = unique.iloc[0]
    assert (row.num_mentions, row.num_sources, row.num_articles) == (3, 2, 3)
    assert row.place_name == "Kandahar" and row.evidence_text == "militants stormed the base"
    assert store.events(unique=True, order="-num_mentions").num_mentions.iloc[0] == 3
    assert store.events(unique=True, modality="negated").empty


def test_dyads_weekly_sums(store):
    weekly = store.dyads(by="week", source="TAL")
    attack = weekly[weekly.target_code == "USAMIL"]
    assert len(attack) == 1            # the negated attack in June does not count
    row = attack.iloc[0]
    assert str(row.period.date()) == "2011-03-07"      # a Monday
    assert (row.events, row.conflict, row.cooperation, row.material_conflict) == (3, 3, 0, 3)
    assert row.goldstein == pytest.approx(-30.0)
    assert row.goldstein_conflict == pytest.approx(-30.0)
    assert store.dyads(by="week", source="TAL", unique=True).events.sum() == 1
    everything = store.dyads(by="month", modality=None)
    assert everything.events.sum() == 8
    usa = store.dyads(by="year", source="USAGOV", target="TAL")
    assert (usa.cooperation.sum(), usa.goldstein_cooperation.sum()) == (1, 1.0)


def test_actors_documents_and_one_document(store):
    actors = store.actors().set_index("code")
    assert (actors.loc["TAL", "as_source"], actors.loc["TAL", "as_target"]) == (4, 2)
    assert actors.loc["TAL", "name"] == "TAL"
    assert set(store.actors(code="USA").code) == {"USA", "USAGOV", "USAMIL"}
    assert set(store.actors(root=17).code) == {"AFGCOP", "TAL"}
    docs = store.documents()
    assert list(docs.doc_id) == ["b1", "r1", "r2", "a1", "a2"]
    assert "text" not in docs.columns and docs.set_index("doc_id").events["a1"] == 3
    assert list(store.documents(outlet="REUTERS").doc_id) == ["r1", "r2"]
    doc = store.document("r2")
    assert doc.text == "Text of r2." and len(doc.events) == 2
    with pytest.raises(LookupError, match="nope"):
        store.document("nope")


def test_sql_is_read_only_and_cannot_touch_files(store, tmp_path):
    assert store.sql("SELECT count(*) AS n FROM events WHERE root = ?", ["19"]).n[0] == 4
    with pytest.raises(duckdb.Error):
        store.sql("DELETE FROM events")
    with pytest.raises(duckdb.Error):
        store.sql(f"COPY events TO '{tmp_path / 'x.csv'}'")
    with pytest.raises(duckdb.Error):
        store.sql("SELECT * FROM read_csv('/etc/hostname')")


INJECTIONS = ["'; DROP TABLE events; --", "x' OR '1'='1", "%", "_", "\\", "\x00"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_filter_values_is_harmless(store, value):
    assert store.events(text=value).empty or value in ("%", "_")
    assert store.events(place=value).empty
    assert store.documents(outlet=value, text=value).empty
    with pytest.raises(ValueError, match="bad source code"):
        store.events(source=value)
    assert store.sql("SELECT count(*) AS n FROM events").n[0] == 8


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"since": "2011-02-30"}, "bad date for since"),
    ({"until": "March 2011"}, "bad date for until"),
    ({"since": "2012", "until": "2011"}, "is after"),
    ({"root": 21}, "bad root"),
    ({"cameo": "19x"}, "bad CAMEO code"),
    ({"quad_class": 5}, "bad quad_class"),
    ({"modality": "certain"}, "bad modality"),
    ({"order": "evidence_text"}, "bad order"),
    ({"limit": -1}, "bad limit"),
])
def test_bad_parameters_say_what_is_wrong(store, kwargs, message):
    with pytest.raises(ValueError, match=message):
        store.events(**kwargs)


def test_bad_period_and_missing_database(store, tmp_path):
    with pytest.raises(ValueError, match="bad by 'fortnight'"):
        store.dyads(by="fortnight")
    with pytest.raises(StoreError, match="no such database"):
        tacitus.open(tmp_path / "missing.duckdb")


runner = CliRunner()


def test_cli_events_formats(db):
    args = ["events", "--db", str(db), "--source", "TAL", "--target", "USA", "--root", "19",
            "--since", "2011-01-01", "--until", "2011-12-31", "--place", "Afghanistan",
            "--modality", "asserted"]
    rows = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert {(r["doc_id"], r["date"]) for r in rows} == {("r1", "2011-03-07"),
                                                         ("b1", "2011-03-07")}
    table = pd.read_csv(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout))
    assert list(table.columns[:3]) == ["date", "doc_id", "event_id"] and len(table) == 2
    assert "\n" in table.set_index("doc_id").evidence_text["r1"]     # quoted, kept whole
    table = runner.invoke(app, [*args[:3], "--unique", "--limit", "1"])
    assert table.exit_code == 0 and "TAL" in table.stdout
    unique = json.loads(runner.invoke(app, ["events", "--db", str(db), "--unique",
                                            "--format", "json", "--limit", "0"]).stdout)
    assert sorted(r["num_mentions"] for r in unique) == [1, 1, 1, 3]


def test_cli_actors_and_dyads(db):
    out = runner.invoke(app, ["actors", "--db", str(db), "--format", "csv"])
    assert out.exit_code == 0 and out.stdout.splitlines()[1].startswith("TAL,")
    out = runner.invoke(app, ["dyads", "--db", str(db), "--by", "week", "--format", "json"])
    assert out.exit_code == 0
    assert {r["period"] for r in json.loads(out.stdout)} == {"2011-03-07", "2011-05-30"}


@pytest.mark.parametrize(("args", "message"), [
    (["dyads", "--by", "fortnight"], "fortnight"),
    (["events", "--since", "2011-13-01"], "bad date for since"),
    (["events", "--source", "T'AL"], "bad source code"),
])
def test_cli_bad_parameters(db, args, message):
    out = runner.invoke(app, [*args, "--db", str(db)])
    assert out.exit_code != 0 and message in out.output


def test_cli_missing_database(tmp_path):
    out = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code == 1 and "no such database" in out.output
