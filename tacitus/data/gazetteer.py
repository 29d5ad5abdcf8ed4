"""The offline gazetteer (``gazetteer.tsv.gz``): GeoNames places, loaded once, looked up by name.

The file is built by ``scripts/build_gazetteer.py`` from GeoNames data (see its header); this
module only reads it, so the coder needs no GeoNames package and no network. Loading parses
the rows into plain tuples and an index from each folded name ("kandahar" for "Kandahār") to
the rows it may mean; it is done on first use and cached, since most of the file is small
towns that a given article never names.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from tacitus.data import DATA_DIR, _read_yaml
from tacitus.errors import DataFileError

FILE = "gazetteer.tsv.gz"
NAMES_FILE = "gazetteer_names.yaml"
COLUMNS = ("id", "fclass", "fcode", "cc2", "cc3", "admin1", "admin2", "lat", "lon",
           "population", "name", "alternates")
# Letters NFKD does not split into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d",
                               "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
                               "þ": "th", "Þ": "Th", "\u2019": "'", "\u02bc": "'"})
_SAINT = re.compile(r"\b(?:saint|ste)\b")


def fold(name: str) -> str:
    """ASCII-fold a Latin-script name ("Kandahār" -> "Kandahar"); "" when it is not Latin."""
    out = []
    for ch in unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED)):
        if unicodedata.combining(ch):
            continue
        if not ch.isascii():
            return ""  # another script, or a mark that stands for a sound ("Tʻbilisi")
        out.append(ch)
    return "".join(out)


def key(name: str) -> str:
    """The lookup key of a name: folded, lower case, without dots and commas, "saint" as
    "st" ("St. Louis", "Saint Louis" and "st louis" are one key). Plain string methods on
    ASCII names: the loader keys half a million names."""
    if not name.isascii():
        name = fold(name)
    k = " ".join(name.lower().replace(".", " ").replace(",", " ").split())
    if "saint" in k or "ste" in k:
        k = _SAINT.sub("st", k)
    return k


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer row. ``fcode``: CONT, PCLI (country), ADM1, ADM2, PPLC (capital), PPL."""

    id: int | None
    fcode: str
    cc2: str
    cc3: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    name: str
    admin2: str = ""  # a US county's "FIPS:how", how its point was derived (town or state)

    @property
    def is_city(self) -> bool:
        return self.fcode.startswith("PPL")


class Gazetteer:
    """All rows, with a name index: ``lookup(name)`` gives the rows a name may mean, those
    whose own name it is first. Rows stay text until a lookup asks for them."""

    def __init__(self, version: str, lines: list[str], index: dict[str, list[int]]) -> None:
        self.version = version
        self._lines = lines
        self._index = index  # key -> row numbers; ~n marks a row it is an alternate name of
        self._parsed: dict[int, GeoEntry] = {}
        self._extra: dict[str, list[GeoEntry]] = {}
        self._regions: dict[str, list[GeoEntry]] = {}  # added to a name's readings
        self.countries: dict[str, GeoEntry] = {}
        self.admin1: dict[tuple[str, str], GeoEntry] = {}
        for n, line in enumerate(lines):
            if "\tPCLI\t" in line or "\tADM1\t" in line:
                e = self.row(n)
                if e.fcode == "PCLI":
                    self.countries[e.cc3] = e
                else:
                    self.admin1[(e.cc2, e.admin1)] = e
            elif "\tPPL" in line:
                break  # rows are sorted: countries and regions come first

    def __len__(self) -> int:
        return len(self._lines)

    def row(self, n: int) -> GeoEntry:
        e = self._parsed.get(n)
        if e is None:
            gid, _, fcode, cc2, cc3, admin1, admin2, lat, lon, pop, name, _ = (
                self._lines[n].split("\t"))
            e = GeoEntry(int(gid) if gid else None, fcode, cc2, cc3, admin1, _number(lat),
                         _number(lon), int(pop or 0), name, admin2)
            self._parsed[n] = e
        return e

    def add_names(self, data: dict) -> list[str]:
        """Apply ``gazetteer_names.yaml``: extra spellings, representative points, regions.
        Returns the problems found (an entry pointing at no row)."""
        problems = []
        for cc3, point in (data.get("points") or {}).items():
            old = self.countries.get(cc3)
            if old is None or not isinstance(point, list) or len(point) != 2:
                problems.append(f"points.{cc3}: no such country, or not [lat, lon]")
                continue
            new = replace(old, lat=float(point[0]), lon=float(point[1]))
            self.countries[cc3] = new
            self._parsed.update({n: new for n, e in self._parsed.items() if e is old})
        cc3_of = {e.cc2: cc3 for cc3, e in self.countries.items()}
        for name, row in (data.get("regions") or {}).items():
            try:
                cc2, lat, lon, population, aliases = row
                entry = GeoEntry(None, "ADM1", cc2, cc3_of[cc2], "", float(lat), float(lon),
                                 int(population), name)
            except (KeyError, TypeError, ValueError):
                problems.append(f"regions.{name}: expected [country, lat, lon, population, "
                                f"aliases] with a known ISO 3166 alpha-2 country")
                continue
            for spelling in (name, *aliases):
                self._regions.setdefault(key(spelling), []).append(entry)
        for name, ref in (data.get("names") or {}).items():
            row = self._find(ref) if isinstance(ref, dict) else None
            if row is None:
                problems.append(f"names.{name}: points at no gazetteer row")
                continue
            rows = self._extra.setdefault(key(name), [])
            if row not in rows:
                rows.append(row)
        return problems

    def _find(self, ref: dict) -> GeoEntry | None:
        """The row an entry of ``gazetteer_names.yaml`` means: the most populous one with its
        feature code and codes (and name, when it gives one)."""
        if ref.get("fcode") == "ADM1":
            return self.admin1.get((ref.get("cc2", ""), ref.get("admin1", "")))
        needle = f"\t{ref.get('fcode')}\t{ref.get('cc2')}\t"
        pool = [e for e, _ in self.lookup(ref["name"])] if ref.get("name") else [
            self.row(n) for n, line in enumerate(self._lines) if needle in line]
        pool = [e for e in pool if e.fcode == ref.get("fcode") and e.cc2 == ref.get("cc2")
                and ref.get("admin1", e.admin1) == e.admin1]
        return max(pool, key=lambda e: e.population, default=None)

    def lookup(self, name: str) -> list[tuple[GeoEntry, bool]]:
        """(row, whether ``name`` is the row's own name rather than an alternate)."""
        k = key(name)
        regions = [(e, True) for e in self._regions.get(k, ())]
        extra = self._extra.get(k)
        if extra:
            return [(e, True) for e in extra] + regions
        found = self._index.get(k, ())
        own = [(self.row(n), True) for n in found if n >= 0]
        seen = {e.id for e, _ in own}
        return own + regions + [(e, False) for n in found if n < 0
                                if (e := self.row(~n)).id not in seen]

    def __contains__(self, name: str) -> bool:
        k = key(name)
        return k in self._index or k in self._extra or k in self._regions


@cache
def gazetteer_version() -> str:
    """"gazetteer=V1+V2": the versions of the built file and of the hand-edited names, read
    from their headers without loading the rows."""
    with gzip.open(DATA_DIR / FILE, "rt", encoding="utf-8") as fh:
        first = fh.readline()
    built = first.split(":", 1)[1].strip() if first.startswith("# version:") else "unknown"
    return f"gazetteer={built}+{_read_yaml(NAMES_FILE)['version']}"


def _number(text: str) -> float | None:
    return float(text) if text else None


@cache
def load_gazetteer() -> Gazetteer:
    """Read the packaged gazetteer (about 0.24 M rows; cached after the first call)."""
    path = DATA_DIR / FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataFileError(FILE, [f"unreadable: {exc}"]) from exc
    n_header = next((i for i, ln in enumerate(lines) if not ln.startswith("#")), len(lines))
    version = next((ln.split(":", 1)[1].strip() for ln in lines[:n_header]
                    if ln.startswith("# version:")), None)
    if version is None or n_header >= len(lines) or tuple(lines[n_header].split("\t")) != COLUMNS:
        raise DataFileError(FILE, ["expected a '# version:' header and the column line"])
    del lines[: n_header + 1]
    index: dict[str, list[int]] = {}
    get = index.get
    for n, line in enumerate(lines):
        _, name, alts = line.rsplit("\t", 2)
        k = key(name)
        found = get(k)
        if found is None:
            index[k] = [n]
        else:
            found.append(n)
        if alts:
            for alt in alts.split("|"):
                k = key(alt)
                found = get(k)
                if found is None:
                    index[k] = [~n]
                else:
                    found.append(~n)
    gazetteer = Gazetteer(version, lines, index)
    problems = gazetteer.add_names(_read_yaml(NAMES_FILE))
    if problems:
        raise DataFileError(NAMES_FILE, problems)
    return gazetteer
