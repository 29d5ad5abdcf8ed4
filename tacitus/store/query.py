"""Read the event database from Python: every answer is a pandas DataFrame.

    store = tacitus.open("events.duckdb")
    store.events(source="TAL", target="USA", root=19, since="2011-01-01", unique=True)
    store.dyads(by="week", source="USA", target="AFG")

``tacitus.open`` opens the database read-only with external file access off, so nothing done
through that object (``sql`` included) can change the database or touch other files. A
program that already holds a connection (the workbench, which may hold a writable one)
passes it as ``EventStore(path, con=con)`` instead: DuckDB refuses a second connection to
the same file with other settings in one process. User values only ever reach DuckDB as
bound parameters, after a check that gives a clear ``BadParameter`` (a ``ValueError``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

import duckdb
import pandas as pd

from tacitus.model import Modality
from tacitus.store.cluster import CLUSTERED_MODALITIES, EVENT_DAY
from tacitus.store.db import connect

MODALITIES = get_args(Modality)
PERIODS = ("day", "week", "month", "year")
EVENT_ORDERS = ("date", "published", "goldstein", "confidence", "cameo", "source_code",
                "target_code", "doc_id", "quad_class", "modality", "place_name")
CLUSTER_ORDERS = ("date", "num_mentions", "num_sources", "num_articles", "goldstein", "cameo",
                  "source_code", "target_code", "quad_class", "modality", "place_name")
DOCUMENT_ORDERS = ("published", "doc_id", "title", "source", "events")
_CODE = re.compile(r"^[A-Z0-9-]{1,30}$")
_ROOT = re.compile(r"^\d{1,2}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
Values = str | int | Iterable[str | int] | None
# events.dyads: the source-target pairs of an act that has several ("killed X and Y")
DYAD_SHAPE = ('[{"source_id": "VARCHAR", "source_code": "VARCHAR", "source_name": "VARCHAR", '
              '"target_id": "VARCHAR", "target_code": "VARCHAR", "target_name": "VARCHAR"}]')
# One row per source-target pair: an event's own row when it has one pair, else a row per
# entry of its ``dyads`` (its own pair first) with the event's other columns. Counts of who
# acts on whom (actors, network, dyads) read this, so a victim named second counts too.
EVENT_PAIRS = f"""(
    SELECT * FROM events WHERE dyads IS NULL
    UNION ALL BY NAME
    SELECT e.* REPLACE (p.d.source_id AS source_id, p.d.source_code AS source_code,
                        p.d.source_name AS source_name, p.d.target_id AS target_id,
                        p.d.target_code AS target_code, p.d.target_name AS target_name)
    FROM events e, unnest(from_json(e.dyads, '{DYAD_SHAPE}')) AS p(d)
    WHERE e.dyads IS NOT NULL)"""


class BadParameter(ValueError):
    """A filter, order or page value the store refuses, with a message that names it; a
    ``ValueError``, so callers may catch either (the workbench answers it with a 400)."""


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
            raise BadParameter(f"bad {name} code {code!r}: expected a CAMEO-style actor "
                               "code such as USA, USAGOV or TAL")
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
        raise BadParameter(f"bad date for {name}: {value!r} (expected YYYY-MM-DD, YYYY-MM "
                           "or YYYY)") from None


def _countries(place: str) -> list[str]:
    """ISO3 codes a place filter names: the code itself or a country's name or alias."""
    from tacitus.data import load_countries

    wanted = place.strip().casefold()
    return [c.code for c in load_countries()
            if wanted == c.code.casefold() or wanted == c.name.casefold()
            or wanted in (a.casefold() for a in c.aliases)]


@dataclass(frozen=True)
class Filters:
    """The event filters every query shares; ``where`` turns them into SQL and parameters.

    The fields after ``text`` came with the workbench, which reads through this module:
    ``actor`` (a code on either side), ``dyad`` (two codes, either direction), ``doc_id``
    (these articles only), ``title`` (words in the article's title) and ``located`` (True:
    only events with coordinates, False: only those without).
    """

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
    actor: Values = None
    dyad: tuple[Values, Values] | None = None
    doc_id: Values = None
    title: str | None = None
    located: bool | None = None

    def where(self, day: str = EVENT_DAY, *, pairs: bool = False) -> tuple[str, list[Any]]:
        """SQL conditions over the events row ``e`` (``day``: its date expression). The actor
        filters match an event when any of its source-target pairs matches; with ``pairs``,
        ``e`` is a row of ``EVENT_PAIRS`` and they match that row's own pair only."""
        conditions: list[str] = []
        params: list[Any] = []
        own = self._actors("e", params)
        if own and pairs:
            conditions += own
        elif own:
            # an act with several pairs (``dyads``) matches when one of its pairs does
            others = self._actors("x", params)
            conditions.append(f"({' AND '.join(own)} OR (e.dyads IS NOT NULL AND EXISTS ("
                              f"SELECT 1 FROM (SELECT unnest(from_json(e.dyads, "
                              f"'{DYAD_SHAPE}'), recursive := true)) x "
                              f"WHERE {' AND '.join(others)})))")
        roots = []
        for root in _many(self.root):
            if not _ROOT.match(root.strip()) or not 1 <= int(root) <= 20:
                raise BadParameter(f"bad root {root!r}: expected a CAMEO root 01-20")
            roots.append(f"{int(root):02d}")
        if roots:
            conditions.append(f"e.root IN ({', '.join('?' * len(roots))})")
            params += roots
        cameos = [c.strip() for c in _many(self.cameo)]
        for code in cameos:
            if not _CAMEO.match(code):
                raise BadParameter(f"bad CAMEO code {code!r}: expected 2-4 digits such as "
                                   "19 or 190")
        if cameos:
            conditions.append("(" + " OR ".join(["starts_with(e.cameo, ?)"] * len(cameos)) + ")")
            params += cameos
        quads = []
        for quad in _many(self.quad_class):
            if quad.strip() not in ("1", "2", "3", "4"):
                raise BadParameter(f"bad quad_class {quad!r}: expected 1, 2, 3 or 4")
            quads.append(int(quad))
        if quads:
            conditions.append(f"e.quad_class IN ({', '.join('?' * len(quads))})")
            params += quads
        since = parse_day("since", self.since)
        until = parse_day("until", self.until, end=True)
        if since and until and since > until:
            raise BadParameter(f"since {since} is after until {until}")
        if since:
            conditions.append(f"{day} >= ?")
            params.append(since)
        if until:
            conditions.append(f"{day} <= ?")
            params.append(until)
        if self.place is not None and self.place.strip():
            countries = _countries(self.place)
            # Accents aside: the gazetteer says "Kābul", people type "Kabul".
            match = "strip_accents(lower(e.place_name)) = strip_accents(lower(?))"
            params.append(self.place.strip())
            if countries:
                match += f" OR e.place_country IN ({', '.join('?' * len(countries))})"
                params += countries
            conditions.append(f"({match})")
        modalities = [m.strip().lower() for m in _many(self.modality)]
        for modality in modalities:
            if modality not in MODALITIES:
                raise BadParameter(f"bad modality {modality!r}: expected one of "
                                   f"{', '.join(MODALITIES)}")
        if modalities:
            conditions.append(f"e.modality IN ({', '.join('?' * len(modalities))})")
            params += modalities
        if self.text:
            conditions.append("contains(lower(e.evidence_text), lower(?))")
            params.append(self.text)
        docs = _many(self.doc_id)
        if docs:
            conditions.append(f"e.doc_id IN ({', '.join('?' * len(docs))})")
            params += docs
        if self.title:
            # A subquery, not a join: export.py and the clusters read ``e`` alone.
            conditions.append("e.doc_id IN (SELECT doc_id FROM documents "
                              "WHERE contains(lower(title), lower(?)))")
            params.append(self.title)
        if self.located is not None:
            conditions.append("(e.lat IS NOT NULL AND e.lon IS NOT NULL)" if self.located
                              else "(e.lat IS NULL OR e.lon IS NULL)")
        return (" AND ".join(conditions) or "TRUE"), params

    def _actors(self, row: str, params: list[Any]) -> list[str]:
        """The conditions of the actor filters (source, target, actor, dyad) on one
        source-target pair: the columns ``source_code``/``target_code`` of ``row``."""
        src, tgt = f"{row}.source_code", f"{row}.target_code"
        conditions = []
        for column, value in ((src, self.source), (tgt, self.target)):
            codes = _codes(column.split(".")[1].split("_")[0], value)
            if codes:
                conditions.append(_actor_match(column, codes, params))
        actor = _codes("actor", self.actor)
        if actor:
            conditions.append(f"({_actor_match(src, actor, params)} OR "
                              f"{_actor_match(tgt, actor, params)})")
        if self.dyad is not None:
            conditions.append(self._dyad(src, tgt, params))
        return conditions

    def _dyad(self, src: str, tgt: str, params: list[Any]) -> str:
        """Either direction: (a → b) or (b → a), each side matched at code boundaries."""
        dyad = self.dyad
        sides = [] if dyad is None or isinstance(dyad, str) else list(dyad)
        if len(sides) != 2 or not all(_many(side) for side in sides):
            raise BadParameter(f"bad dyad {dyad!r}: expected two actor codes such as "
                               "('USA', 'TAL')")
        a, b = (_codes("dyad", side) for side in sides)
        return (f"(({_actor_match(src, a, params)} AND {_actor_match(tgt, b, params)}) OR "
                f"({_actor_match(src, b, params)} AND {_actor_match(tgt, a, params)}))")


def _order(order: str | None, allowed: tuple[str, ...], columns: dict[str, str],
           default: str = "date") -> str:
    """``order`` is a column name from ``allowed``, "-" in front for descending."""
    order = (order or default).strip()
    descending = order.startswith("-")
    name = order.lstrip("-")
    if name not in allowed:
        raise BadParameter(f"bad order {order!r}: expected one of {', '.join(allowed)} "
                           "(prefix - for descending)")
    return f"{columns.get(name, name)} {'DESC' if descending else 'ASC'} NULLS LAST"


_MAX_PAGE = 2**63 - 1
"""The largest LIMIT or OFFSET DuckDB takes (a BIGINT); beyond it the query fails."""


def _page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    if limit is not None and (not isinstance(limit, int) or not 0 <= limit <= _MAX_PAGE):
        raise BadParameter(f"bad limit {limit!r}: expected a whole number from 0 to "
                           f"{_MAX_PAGE}")
    if not isinstance(offset, int) or not 0 <= offset <= _MAX_PAGE:
        raise BadParameter(f"bad offset {offset!r}: expected a whole number from 0 to "
                           f"{_MAX_PAGE}")
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def _document_where(since: str | date | None, until: str | date | None,
                    outlet: str | None, text: str | None) -> tuple[str, list[Any]]:
    """The ``documents`` filters over the row ``d``, shared by the list and its count."""
    conditions, params = ["TRUE"], []
    for name, value, op, end in (("since", since, ">=", False), ("until", until, "<=", True)):
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
    return " AND ".join(conditions), params


# Cluster rows: the cluster's own columns, then its first report's, named as in event rows
# so that a table of either kind reads the same columns (date, doc_id, event_id, names...).
_CLUSTER_ROWS = """
    SELECT c.event_date AS date, c.*, f.doc_id, f.event_id, f.source_name, f.target_name,
           f.modality, f.evidence_text, f.published, d.source AS outlet, d.url, d.title
    FROM clusters c
    JOIN events f ON f.doc_id = c.first_doc_id AND f.event_id = c.first_event_id
    JOIN documents d ON d.doc_id = c.first_doc_id"""
_CLUSTER_COLUMNS = {"date": "c.event_date", "goldstein": "c.goldstein", "cameo": "c.cameo",
                    "source_code": "c.source_code", "target_code": "c.target_code",
                    "quad_class": "c.quad_class", "place_name": "c.place_name",
                    "modality": "f.modality"}


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


@dataclass
class ActorProfile:
    """What the store holds about one actor code and the codes under it (``USA``: USAGOV,
    USAMIL...): how often it is source and target, in how many articles, its mean Goldstein
    score, the names the articles gave it and its busiest partners."""

    code: str
    as_source: int
    as_target: int
    documents: int
    goldstein: float
    names: pd.DataFrame
    """name, kind, country, documents: every way an article named it, most used first."""
    partners: pd.DataFrame
    """code, events: the codes on the other side of its events, busiest first."""


@dataclass
class Network:
    """The most active actor codes (``nodes``: code, name, events, goldstein) and the
    directed dyads among them (``edges``: source_code, target_code, events, goldstein);
    goldstein is a mean."""

    nodes: pd.DataFrame
    edges: pd.DataFrame


class EventStore:
    """Reads one event database; use as a context manager or call close().

    Without ``con`` the file is opened read-only with external file access off. ``con`` is a
    connection the caller already holds, keeps the settings of and closes (through a
    writable one, ``sql`` could write). Each query runs on its own cursor, so threads (the
    workbench's request workers) may share one store.
    """

    def __init__(self, path: str | Path, *, con: duckdb.DuckDBPyConnection | None = None
                 ) -> None:
        self.path = Path(path)
        self._owned = con is None
        if con is None:
            con = connect(self.path, read_only=True)
            con.execute("SET enable_external_access = false")
        self.con = con

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection this store opened (one given to it stays open)."""
        if self._owned:
            self.con.close()

    def _df(self, query: str, params: list[Any]) -> pd.DataFrame:
        cursor = self.con.cursor()
        try:
            return cursor.execute(query, params).df()
        finally:
            cursor.close()

    def events(self, *, source: Values = None, target: Values = None, root: Values = None,
               cameo: Values = None, quad_class: Values = None,
               since: str | date | None = None, until: str | date | None = None,
               place: str | None = None, modality: Values = None, text: str | None = None,
               actor: Values = None, dyad: tuple[Values, Values] | None = None,
               doc_id: Values = None, title: str | None = None, located: bool | None = None,
               unique: bool = False, limit: int | None = None, offset: int = 0,
               order: str | None = None) -> pd.DataFrame:
        """Events matching every filter given, one row per mention; or with ``unique`` one row
        per cluster (real-world event) that has a matching mention, with its counts, and the
        ids, names, modality and evidence of its first report (``doc_id``, ``event_id``...).

        ``source``/``target``: actor codes, matched at code boundaries ("USA" finds USAGOV);
        ``actor``: codes on either side; ``dyad``: two codes, in either direction
        (("USA", "TAL")); ``root``: CAMEO roots (19 or "19"); ``cameo``: code prefixes ("19",
        "190"); ``since``/``until``: inclusive, YYYY[-MM[-DD]], on the event's day (its own
        date, else the publication date); ``place``: a place name (accents aside), an ISO3
        code or a country name; ``text``: words in the evidence; ``title``: words in the
        article's title; ``doc_id``: these articles only; ``located``: with coordinates (True)
        or without (False); ``order``: a column, "-" for descending. ``count_events`` takes
        the same filters and gives the total for paging.
        """
        filters = Filters(source=source, target=target, root=root, cameo=cameo,
                          quad_class=quad_class, since=since, until=until, place=place,
                          modality=modality, text=text, actor=actor, dyad=dyad, doc_id=doc_id,
                          title=title, located=located)
        where, params = filters.where()
        if unique:
            order_sql = _order(order, CLUSTER_ORDERS, _CLUSTER_COLUMNS)
            page, page_params = _page(limit, offset)
            found = self._df(f"""{_CLUSTER_ROWS}
                WHERE c.cluster_id IN (SELECT e.cluster_id FROM events e WHERE {where})
                ORDER BY {order_sql}, c.cluster_id{page}""", params + page_params)
            return _with_cameo_names(found)
        order_sql = _order(order, EVENT_ORDERS, {"date": "date", "published": "e.published"})
        page, page_params = _page(limit, offset)
        return self._df(f"""
            SELECT {EVENT_DAY} AS date, e.*, d.source AS outlet, d.url, d.title
            FROM events e JOIN documents d ON d.doc_id = e.doc_id
            WHERE {where}
            ORDER BY {order_sql}, e.doc_id, e.event_id{page}""", params + page_params)

    def count_events(self, *, unique: bool = False, **filters: Any) -> int:
        """How many rows ``events(**filters, unique=unique)`` gives without a limit: the
        total a page of them is part of."""
        where, params = Filters(**filters).where()
        if unique:
            query = ("SELECT count(*) FROM clusters c WHERE c.cluster_id IN "
                     f"(SELECT e.cluster_id FROM events e WHERE {where})")
        else:
            query = f"SELECT count(*) FROM events e WHERE {where}"
        return int(self._df(query, params).iat[0, 0])

    def actors(self, *, code: Values = None, limit: int | None = None, offset: int = 0,
               **filters: Any) -> pd.DataFrame:
        """Actor codes with their most used name and how often each is a source and a target
        of the events that match ``filters`` (the event filters), most active first."""
        where, params = Filters(**filters).where(pairs=True)
        codes = _codes("actor", code)
        match = _actor_match("code", codes, params) if codes else "TRUE"
        page, page_params = _page(limit, offset)
        return self._df(f"""
            WITH f AS (SELECT e.doc_id, e.source_code, e.source_name, e.target_code,
                              e.target_name FROM {EVENT_PAIRS} e WHERE {where}),
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

    def actor(self, code: str, *, partners: int = 20, **filters: Any) -> ActorProfile:
        """One actor code (matched at code boundaries, as everywhere) over the events that
        match ``filters``; ``LookupError`` when it is in none."""
        codes = _codes("actor", code)
        if len(codes) != 1:
            raise BadParameter(f"bad actor code {code!r}: expected one code")
        where, where_params = Filters(actor=codes, **filters).where(pairs=True)
        params: list[Any] = []
        as_source = _actor_match("e.source_code", codes, params)
        as_target = _actor_match("e.target_code", codes, params)
        counts = self._df(f"""
            SELECT count(*) FILTER (WHERE {as_source}) AS as_source,
                   count(*) FILTER (WHERE {as_target}) AS as_target,
                   count(DISTINCT e.doc_id) AS documents, avg(e.goldstein) AS goldstein
            FROM {EVENT_PAIRS} e WHERE {where}""", params + where_params).iloc[0]
        if not counts.as_source and not counts.as_target:
            raise LookupError(f"{self.path}: no events with actor code {codes[0]!r}")
        params = []
        named = _actor_match("a.code", codes, params)
        names = self._df(f"""
            SELECT a.name, a.kind, a.country, count(DISTINCT a.doc_id) AS documents
            FROM actors a WHERE {named} GROUP BY ALL ORDER BY documents DESC, a.name""",
            params)
        params = []
        as_source = _actor_match("e.source_code", codes, params)
        page, page_params = _page(partners, 0)
        others = self._df(f"""
            SELECT CASE WHEN {as_source} THEN e.target_code ELSE e.source_code END AS code,
                   count(*) AS events
            FROM {EVENT_PAIRS} e WHERE {where} GROUP BY 1 HAVING code IS NOT NULL
            ORDER BY events DESC, code{page}""", params + where_params + page_params)
        return ActorProfile(codes[0], int(counts.as_source), int(counts.as_target),
                            int(counts.documents), float(counts.goldstein), names, others)

    def network(self, *, limit: int | None = 60, **filters: Any) -> Network:
        """Who acts on whom: the ``limit`` actor codes in most events that have both a source
        and a target code (matching ``filters``), named by their most used name, and the
        directed dyads among them."""
        where, params = Filters(**filters).where(pairs=True)
        both = f"{where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
        page, page_params = _page(limit, 0)
        nodes = self._df(f"""
            WITH f AS (SELECT e.source_code, e.source_name, e.target_code, e.target_name,
                              e.goldstein FROM {EVENT_PAIRS} e WHERE {both}),
            ends AS (SELECT source_code AS code, source_name AS name, goldstein FROM f
                     UNION ALL
                     SELECT target_code, target_name, goldstein FROM f
                     WHERE target_code <> source_code),
            names AS (SELECT code, name, count(*) AS n FROM ends GROUP BY ALL),
            top AS (SELECT code, arg_min(name, {{'n': -n, 'name': coalesce(name, '')}}) AS name
                    FROM names GROUP BY code)
            SELECT code, top.name, count(*) AS events, avg(goldstein) AS goldstein
            FROM ends JOIN top USING (code)
            GROUP BY code, top.name ORDER BY events DESC, code{page}""",
            params + page_params)
        edges = self._df(f"""
            SELECT e.source_code, e.target_code, count(*) AS events,
                   avg(e.goldstein) AS goldstein
            FROM {EVENT_PAIRS} e WHERE {both}
                AND e.source_code IN (SELECT unnest(?::VARCHAR[]))
                AND e.target_code IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY ALL ORDER BY events DESC, source_code, target_code""",
            params + [list(nodes.code)] * 2)
        return Network(nodes, edges)

    def dyads(self, by: str | None = "week", *, unique: bool = False,
              modality: Values = CLUSTERED_MODALITIES, **filters: Any) -> pd.DataFrame:
        """Counts and Goldstein sums per period and (source, target) pair, split into
        cooperation (QuadClass 1-2) and conflict (3-4); ``by=None``: one row per pair over
        the whole time, undated events included (no ``period`` column).

        By default only events that say something happened count (asserted, reported,
        disputed: a denied or planned attack is no conflict); pass ``modality`` to change
        that. ``unique`` counts each cluster once, on its first day, instead of each mention.
        """
        if by is not None and by not in PERIODS:
            raise BadParameter(f"bad by {by!r}: expected one of {', '.join(PERIODS)}")
        where, params = Filters(modality=modality, **filters).where(pairs=not unique)
        if unique:
            rows = f"""SELECT c.event_date AS day, c.source_code, c.target_code, c.quad_class,
                              c.goldstein FROM clusters c
                       WHERE c.cluster_id IN (SELECT e.cluster_id FROM events e WHERE {where})"""
        else:  # each pair of an act with several: "killed X and Y" is one event with X, Y
            rows = f"""SELECT {EVENT_DAY} AS day, e.source_code, e.target_code, e.quad_class,
                              e.goldstein FROM {EVENT_PAIRS} e
                       WHERE {where} AND (e.source_code IS NOT NULL
                                          OR e.target_code IS NOT NULL)"""
        period, dated = "", "TRUE"
        if by is not None:
            period, dated = f"CAST(date_trunc('{by}', day) AS DATE) AS period,", "day IS NOT NULL"
        coop, conflict = "quad_class IN (1, 2)", "quad_class IN (3, 4)"
        return self._df(f"""
            SELECT {period} source_code, target_code,
                   count(*) AS events, sum(goldstein) AS goldstein,
                   count(*) FILTER ({coop}) AS cooperation,
                   count(*) FILTER ({conflict}) AS conflict,
                   coalesce(sum(goldstein) FILTER ({coop}), 0) AS goldstein_cooperation,
                   coalesce(sum(goldstein) FILTER ({conflict}), 0) AS goldstein_conflict,
                   count(*) FILTER (quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (quad_class = 2) AS material_cooperation,
                   count(*) FILTER (quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (quad_class = 4) AS material_conflict
            FROM ({rows}) WHERE {dated}
            GROUP BY ALL ORDER BY ALL NULLS FIRST""", params)

    def documents(self, *, since: str | date | None = None, until: str | date | None = None,
                  outlet: str | None = None, text: str | None = None,
                  limit: int | None = None, offset: int = 0,
                  order: str | None = None) -> pd.DataFrame:
        """Stored articles (without their text) and how many events each gave, by date
        unless ``order`` says otherwise ("-published": newest first); ``text`` searches
        titles, ``outlet`` matches the source name. ``count_documents`` gives the total."""
        where, params = _document_where(since, until, outlet, text)
        order_sql = _order(order, DOCUMENT_ORDERS, {"published": "d.published"},
                           default="published")
        page, page_params = _page(limit, offset)
        return self._df(f"""
            SELECT d.* EXCLUDE (text), coalesce(n.events, 0) AS events
            FROM documents d
            LEFT JOIN (SELECT doc_id, count(*) AS events FROM events GROUP BY doc_id) n
                USING (doc_id)
            WHERE {where}
            ORDER BY {order_sql}, d.doc_id{page}""", params + page_params)

    def count_documents(self, *, since: str | date | None = None,
                        until: str | date | None = None, outlet: str | None = None,
                        text: str | None = None) -> int:
        """How many articles ``documents`` gives for these filters without a limit."""
        where, params = _document_where(since, until, outlet, text)
        return int(self._df(f"SELECT count(*) FROM documents d WHERE {where}", params
                            ).iat[0, 0])

    def document(self, doc_id: str) -> StoredDocument:
        """One article with its text and all its rows; ``LookupError`` when absent."""
        found = self._df("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        if found.empty:
            raise LookupError(f"{self.path}: no document {doc_id!r}")
        rows = {table: self._df(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY ALL",
                                [doc_id])
                for table in ("actors", "mentions", "quotes", "places")}
        events = self._df(f"SELECT {EVENT_DAY} AS date, e.* FROM events e WHERE doc_id = ? "
                          "ORDER BY evidence_start, event_id", [doc_id])
        return StoredDocument(found.iloc[0].to_dict(), events, **rows)

    def summary(self) -> pd.DataFrame:
        """One row: how many documents, events and clusters, and the first and last
        publication dates."""
        return self._df("""
            SELECT (SELECT count(*) FROM documents) AS documents,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM clusters) AS clusters,
                   (SELECT min(published) FROM documents) AS first,
                   (SELECT max(published) FROM documents) AS last""", [])

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Any read-only SQL over the tables (schema.sql), with optional ``?`` parameters."""
        return self._df(query, params or [])


def _with_cameo_names(clusters: pd.DataFrame) -> pd.DataFrame:
    """A cluster's code is its most reported one, not always its first report's, so its
    name comes from the CAMEO table (an event row stores its own code's name)."""
    from tacitus.data import load_cameo

    table = load_cameo()
    names = [entry.name if (entry := table.get(code)) else None for code in clusters.cameo]
    clusters.insert(clusters.columns.get_loc("cameo") + 1, "name", names)
    return clusters


def open_store(path: str | Path) -> EventStore:
    """``tacitus.open(path)``: the event database at ``path``, read-only."""
    return EventStore(path)
