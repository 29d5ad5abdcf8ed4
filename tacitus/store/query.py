"""Read the event database from Python: every answer is a pandas DataFrame.

    store = tacitus.open("events.duckdb")
    store.events(source="TAL", target="USA", root=19, since="2011-01-01", unique=True)
    store.dyads(by="week", source="USA", target="AFG")

The database is opened read-only with external file access off, so nothing done through this
object (``sql`` included) can change the database or touch other files. User values only
ever reach DuckDB as bound parameters, after a check that gives a clear ``ValueError``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

import pandas as pd

from tacitus.model import Modality
from tacitus.store.cluster import CLUSTERED_MODALITIES, EVENT_DAY
from tacitus.store.db import connect

MODALITIES = get_args(Modality)
PERIODS = ("day", "week", "month", "year")
EVENT_ORDERS = ("date", "published", "goldstein", "confidence", "cameo", "source_code",
                "target_code", "doc_id")
CLUSTER_ORDERS = ("date", "num_mentions", "num_sources", "num_articles", "goldstein", "cameo")
_CODE = re.compile(r"^[A-Z0-9-]{1,30}$")
_ROOT = re.compile(r"^\d{1,2}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
Values = str | int | Iterable[str | int] | None


def _many(value: Values) -> list[str]:
    """One value or several, as strings (a string is one value, not its characters)."""
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) for v in value]


def _codes(name: str, value: Values) -> list[str]:
    codes = [v.strip().upper() for v in _many(value)]
    for code in codes:
        if not _CODE.match(code):
            raise ValueError(f"bad {name} code {code!r}: expected a CAMEO-style actor code "
                             "such as USA, USAGOV or TAL")
    return codes


def _actor_match(column: str, codes: list[str], params: list[Any]) -> str:
    """Codes match at code boundaries: CAMEO codes are built from three-character parts, so
    "USA" matches USAGOV and USA, "TAL" matches TAL, and "US" matches only "US"."""
    parts = []
    for code in codes:
        if len(code) % 3 == 0:
            parts.append(f"starts_with({column}, ?)")
        else:
            parts.append(f"{column} = ?")
        params.append(code)
    return "(" + " OR ".join(parts) + ")"


def parse_day(name: str, value: str | date | None, *, end: bool = False) -> date | None:
    """A date given as YYYY, YYYY-MM or YYYY-MM-DD (or a date): the period's first day, or
    its last day for an inclusive upper bound (``end``)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    m = _DATE.match(str(value).strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        if end and not m[3]:
            month = month if m[2] else 12
            day = calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date for {name}: {value!r} (expected YYYY-MM-DD, YYYY-MM or "
                         "YYYY)") from None


def _countries(place: str) -> list[str]:
    """ISO3 codes a place filter names: the code itself or a country's name or alias."""
    from tacitus.data import load_countries

    wanted = place.strip().casefold()
    return [c.code for c in load_countries()
            if wanted == c.code.casefold() or wanted == c.name.casefold()
            or wanted in (a.casefold() for a in c.aliases)]


@dataclass(frozen=True)
class Filters:
    """The event filters every query shares; ``where`` turns them into SQL and parameters."""

    source: Values = None
    target: Values = None
    root: Values = None
    cameo: Values = None
    quad_class: Values = None
    since: str | date | None = None
    until: str | date | None = None
    place: str | None = None
    modality: Values = None
    text: str | None = None

    def where(self, day: str = EVENT_DAY) -> tuple[str, list[Any]]:
        """SQL conditions over the events row ``e`` (``day``: its date expression)."""
        conditions: list[str] = []
        params: list[Any] = []
        for column, value in (("e.source_code", self.source), ("e.target_code", self.target)):
            codes = _codes(column.split(".")[1].split("_")[0], value)
            if codes:
                conditions.append(_actor_match(column, codes, params))
        roots = []
        for root in _many(self.root):
            if not _ROOT.match(root.strip()) or not 1 <= int(root) <= 20:
                raise ValueError(f"bad root {root!r}: expected a CAMEO root 01-20")
            roots.append(f"{int(root):02d}")
        if roots:
            conditions.append(f"e.root IN ({', '.join('?' * len(roots))})")
            params += roots
        cameos = [c.strip() for c in _many(self.cameo)]
        for code in cameos:
            if not _CAMEO.match(code):
                raise ValueError(f"bad CAMEO code {code!r}: expected 2-4 digits such as 19 "
                                 "or 190")
        if cameos:
            conditions.append("(" + " OR ".join(["starts_with(e.cameo, ?)"] * len(cameos)) + ")")
            params += cameos
        quads = []
        for quad in _many(self.quad_class):
            if quad.strip() not in ("1", "2", "3", "4"):
                raise ValueError(f"bad quad_class {quad!r}: expected 1, 2, 3 or 4")
            quads.append(int(quad))
        if quads:
            conditions.append(f"e.quad_class IN ({', '.join('?' * len(quads))})")
            params += quads
        since = parse_day("since", self.since)
        until = parse_day("until", self.until, end=True)
        if since and until and since > until:
            raise ValueError(f"since {since} is after until {until}")
        if since:
            conditions.append(f"{day} >= ?")
            params.append(since)
        if until:
            conditions.append(f"{day} <= ?")
            params.append(until)
        if self.place is not None and self.place.strip():
            countries = _countries(self.place)
            match = "lower(e.place_name) = lower(?)"
            params.append(self.place.strip())
            if countries:
                match += f" OR e.place_country IN ({', '.join('?' * len(countries))})"
                params += countries
            conditions.append(f"({match})")
        modalities = [m.strip().lower() for m in _many(self.modality)]
        for modality in modalities:
            if modality not in MODALITIES:
                raise ValueError(f"bad modality {modality!r}: expected one of "
                                 f"{', '.join(MODALITIES)}")
        if modalities:
            conditions.append(f"e.modality IN ({', '.join('?' * len(modalities))})")
            params += modalities
        if self.text:
            conditions.append("contains(lower(e.evidence_text), lower(?))")
            params.append(self.text)
        return (" AND ".join(conditions) or "TRUE"), params


def _order(order: str | None, allowed: tuple[str, ...], columns: dict[str, str]) -> str:
    """``order`` is a column name from ``allowed``, "-" in front for descending."""
    order = (order or "date").strip()
    descending = order.startswith("-")
    name = order.lstrip("-")
    if name not in allowed:
        raise ValueError(f"bad order {order!r}: expected one of {', '.join(allowed)} "
                         "(prefix - for descending)")
    return f"{columns.get(name, name)} {'DESC' if descending else 'ASC'} NULLS LAST"


def _page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ValueError(f"bad limit {limit!r}: expected a whole number >= 0")
    if not isinstance(offset, int) or offset < 0:
        raise ValueError(f"bad offset {offset!r}: expected a whole number >= 0")
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


@dataclass
class StoredDocument:
    """One stored article: its row (``text`` included) and everything read from it."""

    document: dict[str, Any]
    events: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    places: pd.DataFrame

    @property
    def text(self) -> str:
        return self.document["text"]


class EventStore:
    """A read-only view of one event database; use as a context manager or call close()."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.con = connect(self.path, read_only=True)
        self.con.execute("SET enable_external_access = false")

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _df(self, query: str, params: list[Any]) -> pd.DataFrame:
        return self.con.execute(query, params).df()

    def events(self, *, source: Values = None, target: Values = None, root: Values = None,
               cameo: Values = None, quad_class: Values = None,
               since: str | date | None = None, until: str | date | None = None,
               place: str | None = None, modality: Values = None, text: str | None = None,
               unique: bool = False, limit: int | None = None, offset: int = 0,
               order: str | None = None) -> pd.DataFrame:
        """Events matching every filter given, one row per mention; or with ``unique`` one row
        per cluster (real-world event) that has a matching mention, with its counts and the
        evidence of its first report.

        ``source``/``target``: actor codes, matched at code boundaries ("USA" finds USAGOV);
        ``root``: CAMEO roots (19 or "19"); ``cameo``: code prefixes ("19", "190");
        ``since``/``until``: inclusive, YYYY[-MM[-DD]], on the event's day (its own date,
        else the publication date); ``place``: a place name, an ISO3 code or a country name;
        ``text``: words in the evidence; ``order``: a column, "-" for descending.
        """
        where, params = Filters(source, target, root, cameo, quad_class, since, until, place,
                                modality, text).where()
        if unique:
            order_sql = _order(order, CLUSTER_ORDERS, {"date": "c.event_date",
                                                       "goldstein": "c.goldstein",
                                                       "cameo": "c.cameo"})
            page, page_params = _page(limit, offset)
            return self._df(f"""
                SELECT c.*, f.source_name, f.target_name, f.evidence_text, d.url, d.title
                FROM clusters c
                JOIN events f ON f.doc_id = c.first_doc_id AND f.event_id = c.first_event_id
                JOIN documents d ON d.doc_id = c.first_doc_id
                WHERE c.cluster_id IN (SELECT e.cluster_id FROM events e WHERE {where})
                ORDER BY {order_sql}, c.cluster_id{page}""", params + page_params)
        order_sql = _order(order, EVENT_ORDERS, {"date": "date", "published": "e.published"})
        page, page_params = _page(limit, offset)
        return self._df(f"""
            SELECT {EVENT_DAY} AS date, e.*, d.source AS outlet, d.url, d.title
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            WHERE {where}
            ORDER BY {order_sql}, e.doc_id, e.event_id{page}""", params + page_params)

    def actors(self, *, code: Values = None, limit: int | None = None, offset: int = 0,
               **filters: Any) -> pd.DataFrame:
        """Actor codes with their most used name and how often each is a source and a target
        of the events that match ``filters`` (the event filters), most active first."""
        where, params = Filters(**filters).where()
        codes = _codes("actor", code)
        match = _actor_match("code", codes, params) if codes else "TRUE"
        page, page_params = _page(limit, offset)
        return self._df(f"""
            WITH f AS (SELECT e.doc_id, e.source_code, e.source_name, e.target_code,
                              e.target_name FROM events e WHERE {where}),
            roles AS (
                SELECT source_code AS code, source_name AS name, 1 AS s, 0 AS t, doc_id
                FROM f WHERE source_code IS NOT NULL
                UNION ALL
                SELECT target_code, target_name, 0, 1, doc_id FROM f
                WHERE target_code IS NOT NULL),
            names AS (SELECT code, name, count(*) AS n FROM roles GROUP BY ALL),
            top AS (SELECT code, arg_min(name, {{'n': -n, 'name': coalesce(name, '')}}) AS name
                    FROM names GROUP BY code)
            SELECT code, top.name, sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target,
                   count(*) AS total, count(DISTINCT doc_id) AS documents
            FROM roles JOIN top USING (code) WHERE {match}
            GROUP BY code, top.name ORDER BY total DESC, code{page}""",
            params + page_params)

    def dyads(self, by: str = "week", *, unique: bool = False,
              modality: Values = CLUSTERED_MODALITIES, **filters: Any) -> pd.DataFrame:
        """Counts and Goldstein sums per period and (source, target) pair, split into
        cooperation (QuadClass 1-2) and conflict (3-4).

        By default only events that say something happened count (asserted, reported,
        disputed: a denied or planned attack is no conflict); pass ``modality`` to change
        that. ``unique`` counts each cluster once, on its first day, instead of each mention.
        """
        if by not in PERIODS:
            raise ValueError(f"bad by {by!r}: expected one of {', '.join(PERIODS)}")
        where, params = Filters(modality=modality, **filters).where()
        if unique:
            rows = f"""SELECT c.event_date AS day, c.source_code, c.target_code, c.quad_class,
                              c.goldstein FROM clusters c
                       WHERE c.cluster_id IN (SELECT e.cluster_id FROM events e WHERE {where})"""
        else:
            rows = f"""SELECT {EVENT_DAY} AS day, e.source_code, e.target_code, e.quad_class,
                              e.goldstein FROM events e
                       WHERE {where} AND (e.source_code IS NOT NULL
                                          OR e.target_code IS NOT NULL)"""
        coop, conflict = "quad_class IN (1, 2)", "quad_class IN (3, 4)"
        return self._df(f"""
            SELECT CAST(date_trunc('{by}', day) AS DATE) AS period, source_code, target_code,
                   count(*) AS events, sum(goldstein) AS goldstein,
                   count(*) FILTER ({coop}) AS cooperation,
                   count(*) FILTER ({conflict}) AS conflict,
                   coalesce(sum(goldstein) FILTER ({coop}), 0) AS goldstein_cooperation,
                   coalesce(sum(goldstein) FILTER ({conflict}), 0) AS goldstein_conflict,
                   count(*) FILTER (quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (quad_class = 2) AS material_cooperation,
                   count(*) FILTER (quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (quad_class = 4) AS material_conflict
            FROM ({rows}) WHERE day IS NOT NULL
            GROUP BY ALL ORDER BY period, source_code NULLS FIRST, target_code NULLS FIRST""",
            params)

    def documents(self, *, since: str | date | None = None, until: str | date | None = None,
                  outlet: str | None = None, text: str | None = None,
                  limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Stored articles (without their text) and how many events each gave, by date;
        ``text`` searches titles, ``outlet`` matches the source name."""
        conditions, params = ["TRUE"], []
        for name, value, op, end in (("since", since, ">=", False),
                                     ("until", until, "<=", True)):
            day = parse_day(name, value, end=end)
            if day:
                conditions.append(f"d.published {op} ?")
                params.append(day)
        if outlet:
            conditions.append("lower(d.source) = lower(?)")
            params.append(outlet.strip())
        if text:
            conditions.append("contains(lower(d.title), lower(?))")
            params.append(text)
        page, page_params = _page(limit, offset)
        return self._df(f"""
            SELECT d.* EXCLUDE (text), coalesce(n.events, 0) AS events
            FROM documents d
            LEFT JOIN (SELECT doc_id, count(*) AS events FROM events GROUP BY doc_id) n
                USING (doc_id)
            WHERE {' AND '.join(conditions)}
            ORDER BY d.published NULLS LAST, d.doc_id{page}""", params + page_params)

    def document(self, doc_id: str) -> StoredDocument:
        """One article with its text and all its rows; ``LookupError`` when absent."""
        found = self.con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id]).df()
        if found.empty:
            raise LookupError(f"{self.path}: no document {doc_id!r}")
        rows = {table: self._df(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY ALL",
                                [doc_id])
                for table in ("actors", "mentions", "quotes", "places")}
        events = self._df(f"SELECT {EVENT_DAY} AS date, e.* FROM events e WHERE doc_id = ? "
                          "ORDER BY evidence_start, event_id", [doc_id])
        return StoredDocument(found.iloc[0].to_dict(), events, **rows)

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Any read-only SQL over the tables (schema.sql), with optional ``?`` parameters."""
        return self._df(query, params or [])


def open_store(path: str | Path) -> EventStore:
    """``tacitus.open(path)``: the event database at ``path``, read-only."""
    return EventStore(path)
