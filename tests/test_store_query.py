"""The query API (tacitus.open) and the events, actors and dyads commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pandas as pd
import pytest
from storedb import small_corpus
from typer.testing import CliRunner

import tacitus
from tacitus.cli import app
from tacitus.errors import StoreError
from tacitus.events import lookup
from tacitus.store.db import connect
from tacitus.store.query import EventStore


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


def test_either_side_dyads_places_and_articles(store):
    assert _ids(store.events(actor="TAL")) == {"r1:e1", "b1:e1", "r2:e1", "r2:e2", "a1:e1",
                                               "a1:e3"}
    assert _ids(store.events(dyad=("USA", "TAL"))) == {"r1:e1", "b1:e1", "r2:e1", "a1:e1",
                                                       "a1:e3"}
    assert _ids(store.events(dyad=["TAL", "AFG"])) == {"r2:e2"}
    assert store.events(dyad=("US", "TAL")).empty      # the code-boundary rule, as ever
    assert _ids(store.events(located=True)) == {"r1:e1", "a1:e1"}
    assert len(store.events(located=False)) == 6
    assert _ids(store.events(doc_id="a1", located=True)) == {"a1:e1"}
    assert _ids(store.events(title="ATTACK")) == {"r1:e1", "b1:e1", "r2:e1", "r2:e2"}
    assert _ids(store.events(place="Kandahār")) == {"r1:e1"}    # accents aside
    for dyad in ("USA-TAL", ("USA",), ("USA", None)):
        with pytest.raises(ValueError, match="bad dyad"):
            store.events(dyad=dyad)


def test_counts_orders_and_cluster_rows_read_like_event_rows(store):
    assert store.count_events() == 8
    assert store.count_events(source="TAL", modality="asserted") == len(
        store.events(source="TAL", modality="asserted"))
    assert store.count_events(unique=True) == len(store.events(unique=True)) == 4
    by_quad = store.events(order="-quad_class")
    assert list(by_quad.quad_class) == sorted(by_quad.quad_class, reverse=True)
    mentions = store.events(source="TAL", root=19)
    clusters = store.events(source="TAL", root=19, unique=True, order="-modality")
    row = clusters.iloc[0]
    assert f"{row.doc_id}:{row.event_id}" in _ids(mentions)
    assert (row.doc_id, row.event_id) == (row.first_doc_id, row.first_event_id)
    assert str(row.date.date()) == "2011-03-07" and row.outlet in ("Reuters", None)
    assert row["name"] == lookup(row.cameo).name
    assert {"date", "source_code", "source_name", "cameo", "name", "modality",
            "evidence_text", "title", "url"} <= set(mentions.columns) & set(clusters.columns)


def test_actor_network_totals_and_summary(store):
    tal = store.actor("TAL")
    assert (tal.code, tal.as_source, tal.as_target, tal.documents) == ("TAL", 4, 2, 4)
    assert list(tal.partners.itertuples(index=False, name=None)) == [
        ("USAMIL", 4), ("AFGCOP", 1), ("USAGOV", 1)]
    usa = store.actor("usa")                           # USAGOV and USAMIL too
    assert (usa.as_source, usa.as_target) == (3, 4)
    assert list(usa.partners.code) == ["TAL", "AFG"]
    with pytest.raises(LookupError, match="ZZZ"):
        store.actor("ZZZ")
    net = store.network()
    assert list(net.nodes.code) == ["TAL", "USAMIL", "AFG", "AFGCOP", "USA", "USAGOV"]
    assert net.nodes.set_index("code").loc["TAL", "events"] == 6
    top = store.network(limit=2, modality="asserted")
    assert list(top.nodes.code) == ["TAL", "USAMIL"]
    edge = top.edges.iloc[0]
    assert (len(top.edges), edge.source_code, edge.target_code, edge.events) == (
        1, "TAL", "USAMIL", 2)
    totals = store.dyads(None, modality=None)
    assert "period" not in totals.columns and totals.events.sum() == 8
    assert list(store.documents(order="-published").doc_id) == ["a2", "a1", "r2", "b1", "r1"]
    assert store.count_documents(outlet="REUTERS") == 2
    summary = store.summary().iloc[0]
    assert (summary.documents, summary.events, summary.clusters) == (5, 8, 4)


def test_a_store_over_a_connection_the_caller_holds(db):
    """The workbench's way in: its own (maybe writable) connection, shared by threads."""
    con = connect(db, read_only=True)
    store = EventStore(db, con=con)
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: store.count_events(source="TAL"), range(16)))
    assert counts == [4] * 16
    store.close()                                      # the caller's to close
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 8
    con.close()


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


def test_cli_either_side_dyad_and_title_filters(db, store):
    def ids(*args: str) -> set[str]:
        out = runner.invoke(app, ["events", "--db", str(db), *args, "--format", "json"])
        assert out.exit_code == 0, out.output
        return {f"{r['doc_id']}:{r['event_id']}" for r in json.loads(out.stdout)}

    assert ids("--actor", "TAL") == _ids(store.events(actor="TAL"))
    assert ids("--dyad", "TAL-AFG") == {"r2:e2"}
    assert ids("--title", "attack", "--dyad", "USA-TAL") == {"r1:e1", "b1:e1", "r2:e1"}
    out = runner.invoke(app, ["events", "--db", str(db), "--dyad", "USA"])
    assert out.exit_code == 1 and "expected two actor codes" in out.output


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


def test_an_act_with_two_victims_is_one_row_counted_for_each_pair(tmp_path):
    """"attacked X and Y" is one event row whose ``dyads`` hold both pairs: the event
    filters find it by either victim, and the actor, network and dyad counts count both."""
    from storedb import add_coded, new_db

    from tacitus.pipeline import default_coder

    coded = default_coder().code(
        "Taliban fighters attacked Afghan soldiers and Pakistani police near the border on "
        "Monday.", published="2024-03-06", id="two")
    (act,) = [e for e in coded.events if e.root == "19"]
    assert len(act.pairs()) == 2
    path = tmp_path / "pairs.duckdb"
    con = new_db(path)
    add_coded(con, coded)
    con.close()
    with tacitus.open(path) as store:
        assert store.count_events(root=19) == 1
        assert len(store.events(target="PAKCOP")) == len(store.events(target="AFGMIL")) == 1
        assert len(store.events(dyad=("PAKCOP", "TAL"))) == 1
        assert store.count_events(source="PAKCOP") == 0  # a victim, never the attacker
        stored = json.loads(store.events(root=19).iloc[0].dyads)
        assert [(d["source_code"], d["target_code"]) for d in stored] == [
            ("TAL", "AFGMIL"), ("TAL", "PAKCOP")]
        edges = store.network().edges
        assert sorted(zip(edges.source_code, edges.target_code, strict=True)) == [
            ("TAL", "AFGMIL"), ("TAL", "PAKCOP")]
        assert store.actor("TAL").as_source == 2
        pak = store.actors(code="PAKCOP").iloc[0]
        assert (pak.as_source, pak.as_target) == (0, 1)
        only = store.dyads(None, target="PAKCOP")
        assert list(zip(only.source_code, only.target_code, strict=True)) == [
            ("TAL", "PAKCOP")]
        document = store.document("two")
        assert json.loads(document.events.iloc[0].dyads)[1]["target_code"] == "PAKCOP"
    from tacitus.store.export import export

    con = connect(path, read_only=True)
    export(con, "plover", tmp_path / "events.jsonl")
    con.close()
    (line,) = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()
               if json.loads(x)["event"] == ["ASSAULT"]]
    assert [d["target_code"] for d in line["tacitus"]["dyads"]] == ["AFGMIL", "PAKCOP"]
