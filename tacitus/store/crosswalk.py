"""From tacitus's codes to the vocabularies of the GDELT 2.0 and PLOVER exports.

Four packaged data files hold the facts, each read once and checked
(tests/test_export_data.py): ``gdelt.yaml`` (GDELT's CAMEO type, known-group and religion
lists, and tacitus's organizations in them), ``plover.yaml`` (PLOVER actor codes, sectors,
quad categories and special contexts), ``cameo_plover.tsv`` (the official CAMEO→PLOVER
table: category, mode, context) and ``fips_countries.tsv`` (ISO3 → FIPS 10-4). Place details
(feature code, first-level region) come from the gazetteer rows of the places an export names.

Everything here is plain Python over codes; ``tacitus.store.export`` turns the answers into
small tables that DuckDB joins to the events.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from tacitus.data import DATA_DIR, Organization, load_countries, load_organizations
from tacitus.data.gazetteer import COLUMNS as GAZETTEER_COLUMNS
from tacitus.data.gazetteer import FILE as GAZETTEER_FILE
from tacitus.errors import DataFileError

GDELT_FILE = "gdelt.yaml"
PLOVER_FILE = "plover.yaml"
CAMEO_PLOVER_FILE = "cameo_plover.tsv"
FIPS_FILE = "fips_countries.tsv"

# Organization kinds that are groups in GDELT's sense (KnownGroupCode); agencies, media,
# companies and religious bodies are coded by country, type and religion instead.
GROUP_KINDS = frozenset({"igo", "ngo", "armed_group", "party", "other"})
# tacitus modalities that do not say something happened (see tacitus/store/cluster.py)
NOT_FACTS = ("planned", "hypothetical", "negated")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str
    name: str


@dataclass(frozen=True)
class PloverRow:
    """One row of the official CAMEO→PLOVER table."""

    event: str
    mode: str
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class Tables:
    types: dict[str, str]
    known_groups: dict[str, str]
    religions: dict[str, str]
    organization_groups: dict[str, str]
    geo_types: dict[int, str]
    plover_actor_codes: dict[str, str]
    plover_sectors: dict[str, str]
    cameo_sectors: dict[str, str]
    organization_kinds: dict[str, dict[str, str]]
    modality_contexts: dict[str, str]
    quad: dict[str, int]
    cameo_plover: dict[str, PloverRow]
    countries: dict[str, Country]
    organizations: dict[str, Organization]


@dataclass(frozen=True)
class ActorCodes:
    """What one tacitus actor code says in GDELT's and PLOVER's terms. ``country`` is the
    country the code is built on (or the organization's), None when the code names none."""

    code: str
    gdelt_code: str | None
    country: str | None
    known_group: str | None
    religion1: str | None
    religion2: str | None
    types: tuple[str, ...]
    plover_code: str | None      # a PLOVER non-state code, for an actor with no country
    plover_sector: str | None
    identifier: str | None       # the organization's name


@dataclass(frozen=True)
class GeoRow:
    """The gazetteer's facts about one GeoNames id."""

    fcode: str
    cc2: str
    cc3: str
    admin1: str
    name: str


@dataclass(frozen=True)
class GdeltGeo:
    type: int | None
    full_name: str | None
    country: str | None          # FIPS 10-4
    adm1: str | None
    feature_id: str | None


def _yaml(name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    try:
        with (DATA_DIR / name).open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(name, [f"unreadable: {exc}".replace("\n", " ")]) from exc
    if not isinstance(data, dict) or "version" not in data:
        raise DataFileError(name, ["the file must be a mapping with a 'version' key"])
    problems = [f"{k}: expected a mapping" for k in keys if not isinstance(data.get(k), dict)]
    if problems:
        raise DataFileError(name, problems)
    return data


def _tsv(name: str) -> list[dict[str, str]]:
    try:
        with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except OSError as exc:
        raise DataFileError(name, [f"unreadable: {exc}"]) from exc
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def version(name: str) -> str:
    """The ``version`` of one of this module's data files (YAML key or TSV header)."""
    if name.endswith(".yaml"):
        return str(_yaml(name, ())["version"])
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def _cameo_plover() -> dict[str, PloverRow]:
    rows, problems = {}, []
    for n, row in enumerate(_tsv(CAMEO_PLOVER_FILE), 1):
        code = row.get("code") or ""
        if not code.isdigit() or not 2 <= len(code) <= 4 or not row.get("event"):
            problems.append(f"row {n} ({code}): expected a CAMEO code and a PLOVER event")
            continue
        if code in rows:
            problems.append(f"row {n} ({code}): duplicate code")
        contexts = tuple(c for c in (row.get("context") or "").split(";") if c)
        rows[code] = PloverRow(row["event"], row.get("mode") or "", contexts)
    if problems:
        raise DataFileError(CAMEO_PLOVER_FILE, problems)
    return rows


def _countries() -> dict[str, Country]:
    """Every country tacitus codes (ISO3), with its FIPS code and name where GeoNames has one."""
    out = {r["iso3"]: Country(r["iso3"], r["iso2"], r["fips"], r["name"].strip())
           for r in _tsv(FIPS_FILE)}
    problems = [f"{r.iso3}: bad codes" for r in out.values()
                if len(r.iso3) != 3 or len(r.iso2) != 2 or (r.fips and len(r.fips) != 2)]
    if problems:
        raise DataFileError(FIPS_FILE, problems)
    for c in load_countries():
        out.setdefault(c.code, Country(c.code, "", "", c.name))
    return out


@cache
def tables() -> Tables:
    """All four files, read and checked once."""
    gdelt = _yaml(GDELT_FILE, ("types", "known_groups", "religions", "organizations",
                               "geo_types"))
    plover = _yaml(PLOVER_FILE, ("actor_codes", "sectors", "cameo_sectors",
                                 "organization_kinds", "modality_contexts", "quad"))
    organizations = {o.code: o for o in load_organizations()}
    t = Tables(
        types=gdelt["types"], known_groups=gdelt["known_groups"],
        religions=gdelt["religions"], organization_groups=gdelt["organizations"],
        geo_types={int(k): v for k, v in gdelt["geo_types"].items()},
        plover_actor_codes=plover["actor_codes"], plover_sectors=plover["sectors"],
        cameo_sectors=plover["cameo_sectors"],
        organization_kinds=plover["organization_kinds"],
        modality_contexts=plover["modality_contexts"], quad=plover["quad"],
        cameo_plover=_cameo_plover(), countries=_countries(), organizations=organizations)
    problems = [f"organizations.{k}: {v} is not in known_groups" if k in organizations
                else f"organizations.{k}: no such organization in actors/organizations.yaml"
                for k, v in t.organization_groups.items()
                if k not in organizations or v not in t.known_groups]
    if problems:
        raise DataFileError(GDELT_FILE, problems)
    problems = [f"cameo_sectors.{k}: {v} is not a PLOVER sector"
                for k, v in t.cameo_sectors.items() if v not in t.plover_sectors]
    problems += [f"organization_kinds.{k}: {v} is not a PLOVER sector or actor code"
                 for k, kind in t.organization_kinds.items() for v in kind.values()
                 if v not in t.plover_sectors and v not in t.plover_actor_codes]
    problems += [f"quad.{k}: expected 1-4" for k, v in t.quad.items() if v not in (1, 2, 3, 4)]
    problems += [f"cameo_plover.tsv: {code} has event {row.event}, which quad does not name"
                 for code, row in t.cameo_plover.items() if row.event not in t.quad]
    if problems:
        raise DataFileError(PLOVER_FILE, problems)
    return t


def _parts(rest: str) -> list[str]:
    """The three-letter parts of a code after its country prefix (a trailing shorter rest,
    as in "IGOEU", is no part)."""
    return [rest[i:i + 3] for i in range(0, len(rest) - 2, 3)]


def actor_codes(code: str) -> ActorCodes:
    """Read one tacitus actor code the way CAMEO builds codes (see gdelt.yaml)."""
    t = tables()
    org = t.organizations.get(code)
    built_on_country = org is not None and bool(org.country) and code.startswith(org.country)
    if org is not None and org.kind in GROUP_KINDS and not built_on_country:
        prefix = code[:3] if code[:3] in ("IGO", "NGO") else ""
        group = t.organization_groups.get(code) or code[len(prefix):]
        return ActorCodes(
            code, code, org.country, group, None, None, (prefix,) if prefix else (),
            None if org.country else t.organization_kinds.get(org.kind, {}).get("code"),
            t.organization_kinds.get(org.kind, {}).get("sector"), org.name)
    if code.startswith("---"):
        country, rest = None, code[3:]
    elif code[:3] in t.countries:
        country, rest = code[:3], code[3:]
    else:
        country, rest = None, code
    parts = _parts(rest)
    group = next((p for p in parts if p in t.known_groups), None)
    types = tuple(p for p in parts if p in t.types and p != group)[:3]
    religions = [*[p for p in parts if p in t.religions][:2], None, None]
    sectors = list(dict.fromkeys(t.cameo_sectors[p] for p in parts if p in t.cameo_sectors))
    kind = t.organization_kinds.get(org.kind, {}) if org is not None else {}
    sector = "".join(sectors[:2]) or kind.get("sector")
    non_state = next((p for p in parts if p in t.plover_actor_codes), None)
    if country is None and non_state is None:
        non_state = kind.get("code")
    return ActorCodes(code, code.removeprefix("---") or None, country, group, religions[0],
                      religions[1], types,
                      None if country else non_state, sector,
                      org.name if org is not None else None)


def plover_row(cameo: str) -> PloverRow | None:
    """The official table's row for a CAMEO code; None for codes PLOVER drops (01, 02)."""
    return tables().cameo_plover.get(cameo)


def gazetteer_rows(ids: Iterable[int]) -> tuple[dict[int, GeoRow], dict[tuple[str, str], str]]:
    """The gazetteer rows of ``ids``, and the names of the first-level regions it has
    ((cc2, admin1) → name: US states), in one pass over the file (about 0.4 s)."""
    wanted = {str(i) for i in ids if i is not None}
    rows: dict[int, GeoRow] = {}
    regions: dict[tuple[str, str], str] = {}
    try:
        with gzip.open(DATA_DIR / GAZETTEER_FILE, "rt", encoding="utf-8") as fh:
            for line in fh:
                gid = line[:line.find("\t")]
                if gid in wanted or "\tADM1\t" in line:
                    f = dict(zip(GAZETTEER_COLUMNS, line.rstrip("\n").split("\t"), strict=False))
                    if f["fcode"] == "ADM1":
                        regions[(f["cc2"], f["admin1"])] = f["name"]
                    if gid in wanted:
                        rows[int(gid)] = GeoRow(f["fcode"], f["cc2"], f["cc3"], f["admin1"],
                                                f["name"])
                elif not wanted and not line.startswith(("#", "id\t")) and "\tPPL" in line:
                    break  # regions come before the towns
    except (OSError, EOFError) as exc:
        raise DataFileError(GAZETTEER_FILE, [f"unreadable: {exc}"]) from exc
    return rows, regions


def gdelt_geo(row: GeoRow | None, name: str | None, country: str | None,
              regions: dict[tuple[str, str], str]) -> GdeltGeo:
    """GDELT's Type, FullName ("City, Region, Country"), FIPS country, ADM1 and FeatureID
    for a place tacitus resolved (``row``: its gazetteer row, None when it has no GeoNames id
    or the gazetteer no longer has it). The place keeps the name tacitus gave it. A region's
    name is known for US states only, so a town elsewhere is "Town, Country". GDELT's
    FeatureID for a town is a GNS/GNIS id, which tacitus does not have (the GeoNames id is
    in the sidecar); countries and regions have their FIPS codes as feature ids, as in
    GDELT."""
    t = tables()
    iso3 = (row.cc3 if row is not None and row.cc3 else None) or country
    c = t.countries.get(iso3 or "")
    fips = (c.fips or None) if c else None
    country_name = c.name if c else None
    if row is None:
        if name is None and c is None:
            return GdeltGeo(None, None, None, None, None)
        if c is not None and (name is None or name == c.name):
            return GdeltGeo(1, c.name, fips, fips, fips)
        return GdeltGeo(None, ", ".join(x for x in (name, country_name) if x), fips, None, None)
    us = row.cc2 == "US"
    adm1 = f"{fips}{row.admin1}" if fips and row.admin1 else None
    if row.fcode == "PCLI":
        return GdeltGeo(1, country_name or row.name, fips, fips, fips)
    own = name or row.name
    if row.fcode == "ADM1":
        return GdeltGeo(2 if us else 5, ", ".join(x for x in (own, country_name) if x),
                        fips, adm1, adm1)
    if row.fcode == "CONT":
        return GdeltGeo(None, own, None, None, None)
    region = regions.get((row.cc2, row.admin1))
    full = ", ".join(x for x in (own, region, country_name) if x)
    return GdeltGeo(3 if us else 4, full, fips, adm1, None)
