"""Exports, each read back by the reader its users have: CSV and Parquet through pandas, the
GDELT table through the GDELT 2.0 Event Codebook's column list, column types and code lists,
PLOVER lines against the field names of the PLOVER specification (Draft 0.8) and the official
CAMEO→PLOVER table."""

from __future__ import annotations

import csv
import json

import duckdb
import pandas as pd
import pytest
from storedb import add_coded, small_corpus
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.data import load_cameo, load_countries, load_organizations
from tacitus.model import Actor, CodedDocument, Document, Event, Location, Place, Span
from tacitus.store import crosswalk
from tacitus.store.cluster import update_clusters
from tacitus.store.db import connect
from tacitus.store.export import (
    CSV_DTYPES,
    GDELT_COLUMNS,
    SIDECAR_COLUMNS,
    export,
    read_csv,
)
from tacitus.store.query import Filters

# The GDELT 2.0 Event Codebook's column types: integers, floating point numbers; the other
# columns are text (EventCode "0841" keeps its leading zero).
GDELT_INTEGERS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent",
                  "QuadClass", "NumMentions", "NumSources", "NumArticles",
                  "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED")
GDELT_FLOATS = ("FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat",
                "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat",
                "ActionGeo_Long")
# The top-level fields of a PLOVER record (specification Draft 0.8, "PLOVER JSON").
PLOVER_FIELDS = {"id", "has_event", "date", "time", "enddate", "endtime", "source",
                 "recipient", "event", "event_loc", "event_text", "quad_code", "event_scale",
                 "mode", "context", "link", "text", "text_info", "cite_info", "coder",
                 "coded_date", "coded_time", "comment"}
PLOVER_ASSAULT_FIELDS = {"dead", "injured", "arrested", "size"}
PLOVER_ACTOR_FIELDS = {"code", "sector", "actor_text", "identifier_id", "identifier_text",
                       "actor_loc", "religion", "ethnicity", "office", "gender", "age"}

TEXT = ("Police in Kandahar freed two hostages. The PKK and Islamic State fighters clashed "
        "in Houston. The UN condemned the BBC. The UN could threaten the PKK.")


def _span(text: str, start: int = 0) -> Span:
    begin = TEXT.index(text, start)
    return Span(start=begin, end=begin + len(text), text=text)


def _event(eid: str, source: str, target: str, cameo: str, evidence: str, sentence: int,
           **extra) -> Event:
    row = load_cameo()[cameo]
    return Event(id=eid, source=source, target=target, cameo=cameo, root=cameo[:2],
                 quad_class=row.quad_class, goldstein=row.goldstein, evidence=_span(evidence),
                 sentence=sentence, confidence=0.8, name=row.name, plover=row.plover,
                 **extra)


def undated_document() -> CodedDocument:
    """An article with no date: a release by police the text places in Kandahar, a clash
    between the PKK and the Islamic State in Houston, the UN condemning the BBC, and a
    hypothetical threat."""
    kandahar = Location(name="Kandahar", lat=31.6133, lon=65.7101, country="AFG",
                        geonames_id=1138336)
    houston = Location(name="Houston", lat=29.7633, lon=-95.3633, country="USA",
                       geonames_id=4699066)
    actors = [
        Actor(id="a1", name="unidentified police", code="---COP", kind="government",
              mentions=[_span("Police")]),
        Actor(id="a2", name="unidentified civilians", code="---CVL", kind="group",
              mentions=[_span("hostages")]),
        Actor(id="a3", name="Kurdistan Workers' Party", code="PKK", country="TUR",
              kind="armed_group", mentions=[_span("PKK"), _span("PKK", TEXT.index("threaten"))]),
        Actor(id="a4", name="Islamic State", code="ISIL", kind="armed_group",
              mentions=[_span("Islamic State fighters")]),
        Actor(id="a5", name="United Nations", code="IGOUNO", kind="organization",
              mentions=[_span("UN"), _span("UN", TEXT.index("UN could"))]),
        Actor(id="a6", name="British Broadcasting Corporation", code="GBRMEDBBC",
              country="GBR", kind="organization", mentions=[_span("BBC")]),
    ]
    events = [
        _event("e1", "a1", "a2", "0841", "Police in Kandahar freed two hostages", 0,
               location=kandahar, trigger=_span("freed")),
        _event("e2", "a3", "a4", "190", "The PKK and Islamic State fighters clashed in Houston",
               1, location=houston),
        _event("e3", "a5", "a6", "111", "The UN condemned the BBC", 2),
        _event("e4", "a5", "a3", "138", "UN could threaten the PKK", 3,
               modality="hypothetical"),
    ]
    places = [
        Place(name="Kandahar", lat=31.6133, lon=65.7101, country="AFG", geonames_id=1138336,
              mentions=[_span("Kandahar")]),
        Place(name="Houston", lat=29.7633, lon=-95.3633, country="USA", geonames_id=4699066,
              mentions=[_span("Houston")]),
    ]
    return CodedDocument(document=Document(id="x1", text=TEXT, source="Tolo",
                                           url="https://tolonews.com/x1"),
                         actors=actors, events=events, places=places)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The store tests' small corpus (five dated articles) plus the undated article."""
    path = small_corpus(tmp_path_factory.mktemp("export") / "events.duckdb")
    con = connect(path)
    add_coded(con, undated_document())
    update_clusters(con)
    con.close()
    return path


@pytest.fixture
def con(db):
    c = connect(db, read_only=True)
    yield c
    c.close()


def _events(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM events ORDER BY doc_id, event_id").df()


def test_csv_round_trip(db, con, tmp_path):
    out = tmp_path / "events.csv"
    assert export(con, "csv", out).startswith("12 events")
    mem = duckdb.connect()
    mem.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    mem.execute("CREATE TABLE back AS SELECT * FROM src.events LIMIT 0")
    mem.execute(f"INSERT INTO back SELECT * EXCLUDE (date) FROM "
                f"read_csv('{out}', header = true, all_varchar = true)")
    back = mem.execute("SELECT * FROM back ORDER BY doc_id, event_id").df()
    pd.testing.assert_frame_equal(back, _events(con))


def test_csv_codes_stay_text_in_pandas(con, tmp_path):
    out = tmp_path / "events.csv"
    export(con, "csv", out)
    for df in (read_csv(out), pd.read_csv(out, dtype=CSV_DTYPES)):
        codes = dict(zip(df["doc_id"] + ":" + df["event_id"], df["cameo"], strict=True))
        assert codes["x1:e1"] == "0841" and codes["a1:e1"] == "040"
        assert codes["a2:e1"] == "0874"
        assert set(df["root"]) >= {"08", "04", "19"}
        assert df.loc[df["doc_id"] == "x1", "date"].isna().all()   # undated


def test_parquet_reads_in_pandas_with_undated_events(con, tmp_path):
    out = tmp_path / "events"
    export(con, "parquet", out)
    folders = {p.relative_to(out).parent.as_posix() for p in out.rglob("*.parquet")}
    assert folders == {"year=2011/month=3", "year=2011/month=6",
                       "year=undated/month=undated"}
    df = pd.read_parquet(out)
    assert len(df) == 12
    undated = df[df["doc_id"] == "x1"]
    assert len(undated) == 4 and undated["date"].isna().all()
    assert set(undated["cameo"]) == {"0841", "190", "111", "138"}
    back = duckdb.sql(f"SELECT * EXCLUDE (date, year, month) FROM "
                      f"read_parquet('{out}/**/*.parquet', hive_partitioning = true) "
                      "ORDER BY doc_id, event_id").df()
    pd.testing.assert_frame_equal(back, _events(con), check_dtype=False)
    with pytest.raises(ValueError, match="not an empty folder"):
        export(con, "parquet", out)


def _gdelt_frame(path) -> pd.DataFrame:
    """A GDELT event file as the codebook types it."""
    types = {c: "Int64" if c in GDELT_INTEGERS else "float64" if c in GDELT_FLOATS
             else "string" for c in GDELT_COLUMNS}
    return pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=types,
                       quoting=csv.QUOTE_NONE, keep_default_na=False,
                       na_values={c: [""] for c in GDELT_COLUMNS})


def test_gdelt_layout_and_types(con, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and len(lines) == 7       # one line per cluster
    assert all(len(line.split("\t")) == 61 for line in lines)
    df = _gdelt_frame(out)                                    # every value has its type
    assert df["GLOBALEVENTID"].is_unique
    assert df["SQLDATE"].notna().all()                        # every event has its day
    pd.to_datetime(df["SQLDATE"].astype(str), format="%Y%m%d")
    pd.to_datetime(df["DATEADDED"].astype(str), format="%Y%m%d%H%M%S")
    assert (df["MonthYear"] == df["SQLDATE"] // 100).all()
    assert (df["Year"] == df["SQLDATE"] // 10000).all()
    assert set(df["EventCode"]) <= set(load_cameo())
    assert (df["EventBaseCode"] == df["EventCode"].str[:3]).all()
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert set(df["QuadClass"]) <= {1, 2, 3, 4} and set(df["IsRootEvent"]) <= {0, 1}
    assert df["GoldsteinScale"].between(-10, 10).all()
    attack = df[(df["EventRootCode"] == "19") & (df["Actor1Code"] == "TAL")].iloc[0]
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"]) == (20110307, 201103, 2011)
    assert attack["Actor2Code"] == "USAMIL"
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == (3, 2, 3)
    assert pd.isna(attack["AvgTone"])
    assert attack["SOURCEURL"] == "https://www.bbc.co.uk/news/1"
    assert attack["DATEADDED"] == 20240102030500
    sidecar = (tmp_path / "events.gdelt.tacitus.tsv").read_text(encoding="utf-8").splitlines()
    assert sidecar[0].split("\t") == list(SIDECAR_COLUMNS)
    members = [dict(zip(SIDECAR_COLUMNS, s.split("\t"), strict=True)) for s in sidecar[1:]]
    assert {m["doc_id"] for m in members
            if m["GLOBALEVENTID"] == str(attack["GLOBALEVENTID"])} == {"r1", "b1", "r2"}
    # The evidence's line break and quotes stay inside one field.
    assert any('"US troops" near Kandahar' in m["evidence_text"] for m in members)


def test_gdelt_dates_of_undated_events(con, tmp_path):
    """An event with no date and an article with none count on the day they were added, as
    GDELT dates what it reads; tacitus's own (empty) date stays in the sidecar."""
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    df = _gdelt_frame(out)
    release = df[df["EventCode"] == "0841"].iloc[0]
    assert (release["SQLDATE"], release["MonthYear"], release["Year"]) == \
        (20240102, 202401, 2024)
    assert release["FractionDate"] == pytest.approx(2024.0055, abs=1e-4)
    side = pd.read_csv(tmp_path / "events.gdelt.tacitus.tsv", sep="\t", dtype="string",
                       quoting=csv.QUOTE_NONE)
    row = side[(side["doc_id"] == "x1") & (side["event_id"] == "e1")].iloc[0]
    assert pd.isna(row["event_date"]) and pd.isna(row["published"]) and pd.isna(row["day"])


def test_gdelt_actors_in_the_codebook_lists(con, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    df = _gdelt_frame(out)
    t = crosswalk.tables()
    groups = set(t.known_groups) | {o.code for o in load_organizations()
                                    if o.kind in crosswalk.GROUP_KINDS}
    countries = {c.code for c in load_countries()}
    for n in (1, 2):
        assert not df[f"Actor{n}Code"].dropna().str.contains("-").any()
        assert set(df[f"Actor{n}CountryCode"].dropna()) <= countries
        assert set(df[f"Actor{n}KnownGroupCode"].dropna()) <= groups
        assert set(df[f"Actor{n}EthnicCode"].dropna()) == set()
        for k in (1, 2):
            assert set(df[f"Actor{n}Religion{k}Code"].dropna()) <= set(t.religions)
        for k in (1, 2, 3):
            assert set(df[f"Actor{n}Type{k}Code"].dropna()) <= set(t.types)
    by_code = {r["Actor1Code"]: r for _, r in df.iterrows() if pd.notna(r["Actor1Code"])}
    police = by_code["COP"]                                      # "---COP"
    assert pd.isna(police["Actor1CountryCode"]) and police["Actor1Type1Code"] == "COP"
    tal = by_code["TAL"]
    assert tal["Actor1KnownGroupCode"] == "TAL" and tal["Actor1CountryCode"] == "AFG"
    pkk = by_code["PKK"]
    assert (pkk["Actor1KnownGroupCode"], pkk["Actor1CountryCode"]) == ("PKK", "TUR")
    assert pkk["Actor2Code"] == "ISIL" and pkk["Actor2KnownGroupCode"] == "ISIL"
    un = by_code["IGOUNO"]
    assert (un["Actor1KnownGroupCode"], un["Actor1Type1Code"]) == ("UNO", "IGO")
    assert (un["Actor2Code"], un["Actor2CountryCode"], un["Actor2Type1Code"]) == \
        ("GBRMEDBBC", "GBR", "MED")
    assert pd.isna(un["Actor2Type2Code"])                        # "BBC" is no type
    usa = by_code["USAGOV"]
    assert usa["Actor1CountryCode"] == "USA" and usa["Actor1Type1Code"] == "GOV"


def test_gdelt_geography(con, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(con, "gdelt", out)
    df = _gdelt_frame(out)
    fips = {c.fips for c in crosswalk.tables().countries.values() if c.fips}
    for who in ("Actor1", "Actor2", "Action"):
        assert set(df[f"{who}Geo_Type"].dropna()) <= {1, 2, 3, 4, 5}
        assert set(df[f"{who}Geo_CountryCode"].dropna()) <= fips
        for _, r in df[df[f"{who}Geo_ADM1Code"].notna()].iterrows():
            assert r[f"{who}Geo_ADM1Code"].startswith(r[f"{who}Geo_CountryCode"])
    release = df[df["EventCode"] == "0841"].iloc[0]
    assert (release["ActionGeo_Type"], release["ActionGeo_FullName"],
            release["ActionGeo_CountryCode"], release["ActionGeo_ADM1Code"]) == \
        (4, "Kandahar, Afghanistan", "AF", "AF23")
    # "Police in Kandahar": the text places the source; nothing places the hostages.
    assert (release["Actor1Geo_Type"], release["Actor1Geo_FullName"]) == \
        (4, "Kandahar, Afghanistan")
    assert release["Actor1Geo_Lat"] == pytest.approx(31.6133)
    assert pd.isna(release["Actor2Geo_Type"]) and pd.isna(release["Actor2Geo_FullName"])
    clash = df[df["Actor1Code"] == "PKK"].iloc[0]
    assert (clash["ActionGeo_Type"], clash["ActionGeo_FullName"], clash["ActionGeo_ADM1Code"]) \
        == (3, "Houston, Texas, United States", "USTX")
    qatar = df[df["EventRootCode"] == "04"].iloc[0]             # a place named by country
    assert qatar["ActionGeo_CountryCode"] == "QA"


def test_plover_records(con, tmp_path):
    out = tmp_path / "events.jsonl"
    message = export(con, "plover", out)
    assert "1 without a PLOVER category" in message       # the statement (010)
    records = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert len(records) == 11
    for r in records.values():
        assert set(r) - {"modality", "tacitus"} <= PLOVER_FIELDS | PLOVER_ASSAULT_FIELDS
        assert {"id", "date", "source", "event"} <= set(r)
        assert isinstance(r["event"], list) and isinstance(r["mode"], list)
        assert isinstance(r["context"], list)
        for actor in r["source"] + r["recipient"]:
            assert set(actor) - {"cameo"} <= PLOVER_ACTOR_FIELDS
            assert actor["code"] is None or len(actor["code"]) == 3
            assert actor["code"] is None or "-" not in actor["code"]
            assert actor["sector"] is None or actor["sector"][:3] in \
                crosswalk.tables().plover_sectors
    attack = records["r1:e1"]
    assert attack["event"] == ["ASSAULT"] and attack["date"] == "2011-03-07"
    assert attack["mode"] == [] and attack["context"] == ["military"]    # the table's 190
    assert attack["source"][0] | {"actor_loc": None} == {
        "code": "AFG", "sector": "REB", "actor_text": "Taliban", "identifier_text": "Taliban",
        "actor_loc": None, "cameo": "TAL"}
    assert attack["recipient"][0]["code"] == "USA"
    assert attack["recipient"][0]["sector"] == "MIL" and attack["dead"] == 3
    assert attack["event_loc"]["name"] == "Kandahar"
    assert attack["event_loc"]["country code"] == "AF" and attack["event_loc"]["cc3"] == "AFG"
    assert attack["modality"] == "asserted" and attack["quad_code"] == 4
    release = records["x1:e1"]
    assert (release["event"], release["mode"], release["context"]) == \
        (["RETREAT"], ["release"], ["legal"])
    assert release["source"][0]["code"] is None and release["source"][0]["sector"] == "COP"
    assert release["source"][0]["actor_loc"]["name"] == "Kandahar"
    assert release["date"] is None and release["event_text"] == ["freed"]
    clash = records["x1:e2"]
    assert clash["source"][0]["code"] == "TUR" and clash["recipient"][0]["code"] == "IMG"
    assert records["x1:e3"]["recipient"][0] | {"actor_loc": None} == {
        "code": "GBR", "sector": "JRN", "actor_text": "British Broadcasting Corporation",
        "identifier_text": "British Broadcasting Corporation", "actor_loc": None,
        "cameo": "GBRMEDBBC"}
    assert records["x1:e3"]["source"][0]["code"] == "IGO"


def test_plover_non_facts_carry_their_modality(db, con, tmp_path):
    out = tmp_path / "events.jsonl"
    export(con, "plover", out)
    records = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert records["a2:e1"]["modality"] == "planned"
    assert records["a2:e1"]["context"][-1] == "future"
    assert records["a1:e3"]["modality"] == "negated"
    assert records["a1:e3"]["context"][-1] == "negation"
    assert records["x1:e4"]["context"][-1] == "hypothetical"
    facts = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(app, ["export", str(facts), "--db", str(db), "--format",
                                      "plover", "--facts-only"])
    assert result.exit_code == 0, result.output
    assert "3 planned, hypothetical or negated left out" in result.output
    kept = [json.loads(line) for line in facts.read_text("utf-8").splitlines()]
    assert len(kept) == 8
    assert {r["modality"] for r in kept} <= {"asserted", "reported", "disputed"}
    assert not any({"future", "hypothetical", "negation"} & set(r["context"]) for r in kept)


def test_plover_uses_the_official_table():
    """Five codes where tacitus's CAMEO table and the official CAMEO→PLOVER table differ:
    the export follows the official one; statements and appeals have no category."""
    assert crosswalk.plover_row("055").event == "SUPPORT"
    assert crosswalk.plover_row("0813").event == "RETREAT"
    assert crosswalk.plover_row("0814").event == "RETREAT"
    assert crosswalk.plover_row("163").event == "COERCE"
    assert crosswalk.plover_row("08").event == "CONCEDE"
    assert crosswalk.plover_row("010") is None and crosswalk.plover_row("020") is None
    assert crosswalk.plover_row("094").contexts == ("military", "legal")


def test_export_filters_and_cli(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "tal.csv"
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "csv",
                                 "--source", "TAL", "--root", "19"])
    assert result.exit_code == 0, result.output
    assert len(read_csv(out)) == 4
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "csv",
                                 "--facts-only"])
    assert result.exit_code == 0, result.output
    assert set(read_csv(out)["modality"]) == {"asserted", "reported"}
    result = runner.invoke(app, ["export", str(tmp_path / "x"), "--db", str(db),
                                 "--format", "gdelt", "--since", "2011-02-31"])
    assert result.exit_code == 1 and "bad date for since" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "y"), "--db", str(db),
                                 "--format", "xml"])
    assert result.exit_code != 0
    with pytest.raises(ValueError, match="bad format"):
        export(connect(db, read_only=True), "xml", tmp_path / "z", Filters())


def test_gdelt_num_mentions_counts_merged_mentions(tmp_path):
    """An event its article reports in three passages (merged into one event with three
    mentions) is NumMentions 3, stored with its passages."""
    doc = undated_document()
    e2 = doc.events[1]
    passages = [e2.evidence, _span("PKK", TEXT.index("threaten")), _span("Houston")]
    doc.events[1] = e2.model_copy(update={"mentions": passages})
    con = connect(tmp_path / "m.duckdb")
    add_coded(con, doc)
    update_clusters(con)
    stored = con.execute("SELECT num_mentions, mentions FROM events WHERE event_id = 'e2'"
                         ).fetchone()
    assert stored[0] == 3 and [m["start"] for m in json.loads(stored[1])] == [
        p.start for p in passages]
    out = tmp_path / "m.gdelt.tsv"
    export(con, "gdelt", out)
    df = _gdelt_frame(out)
    clash = df[df["EventRootCode"] == "19"].iloc[0]
    assert (clash["NumMentions"], clash["NumArticles"]) == (3, 1)
    assert set(df[df["EventRootCode"] != "19"]["NumMentions"]) == {1}
