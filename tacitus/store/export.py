"""Export the event database: CSV, monthly Parquet, the GDELT 2.0 event table, PLOVER JSONL.

Rows leave DuckDB as Arrow batches and are written by pyarrow or as ready-made lines, so an
export streams and no output path is ever spliced into SQL. The translations into GDELT's and
PLOVER's vocabularies (tacitus/store/crosswalk.py) reach the SQL as small Arrow tables,
registered on the export's own cursor. What each format holds:

* ``csv``: every column of ``events`` plus ``date`` (the day the event is counted on). A CSV
  file has no types: CAMEO codes ("0841") load as numbers unless the reader is told, so read
  it with ``read_csv(path)`` here, or ``pd.read_csv(path, dtype=CSV_DTYPES)``.
* ``parquet``: the same rows in a hive-partitioned folder ``year=YYYY/month=M/`` on that day;
  events with no day are in ``year=undated/month=undated/``, so that ``pd.read_parquet`` of
  the folder reads every row (pyarrow cannot read a NULL partition as a category).
* ``gdelt``: one tab-separated line per cluster (real-world event) in the 61 columns of the
  GDELT 2.0 event table, without a header, as GDELT publishes it (see ``export_gdelt``). A
  sidecar ``<name>.tacitus.tsv`` (with a header) has one line per reporting event, keyed by
  GLOBALEVENTID, with what GDELT has no column for: doc_id, event_id, tacitus's own event
  date, the day counted, the publication date, evidence, modality, confidence.
* ``plover``: one JSON object per event that has a PLOVER category in the official CAMEO
  table, with the field names of the PLOVER specification (Draft 0.8; see ``export_plover``)
  and tacitus's own fields under ``"tacitus"``.

``facts_only`` leaves out the events that do not say something happened (planned,
hypothetical, negated). Without it they are exported with their modality, which PLOVER
records also carry as a special context (future, hypothetical, negation).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.dataset as pa_ds

from tacitus.store import crosswalk
from tacitus.store.cluster import EVENT_DAY
from tacitus.store.query import Filters

FORMATS = ("csv", "parquet", "gdelt", "plover")
BATCH = 50_000
UNDATED = "undated"

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
SIDECAR_COLUMNS = (
    "GLOBALEVENTID", "cluster_id", "doc_id", "event_id", "source_code", "target_code",
    "cameo", "modality", "event_date", "date_value", "date_precision", "date_text",
    "day", "published", "evidence_start", "evidence_end", "evidence_text", "confidence",
    "place_name", "place_country", "geonames_id", "url",
)
# Text columns of the CSV whose values look like numbers ("0841", "04"): the dtypes that keep
# them text in pandas.
CSV_DTYPES = {"cameo": "str", "root": "str", "date_value": "str", "source_id": "str",
              "target_id": "str", "event_id": "str", "doc_id": "str",
              "attributed_id": "str"}

# Words between an actor's name and a place that say where the actor is ("police in
# Kandahar", "officials from the province of Helmand"), and between a place and the name
# ("Kandahar police", "Kabul's governor"). RE2 syntax, matched against the whole gap.
_AFTER_ACTOR = (r"(?i)\s*,?\s+(?:(?:based|stationed|deployed|living)\s+)?(?:in|at|from|of|near)"
                r"\s+(?:the\s+)?(?:(?:city|town|village|province|region|state|district|county"
                r"|capital) of\s+)?")
_BEFORE_ACTOR = r"\s+|''s\s+"  # '' is a quote inside the SQL literal


def _events_sql(filters: Filters | None, facts_only: bool = False) -> tuple[str, list]:
    where, params = _where(filters, facts_only)
    return (f"SELECT {EVENT_DAY} AS date, e.* FROM events e WHERE {where} "
            "ORDER BY e.doc_id, e.event_id"), params


def _where(filters: Filters | None, facts_only: bool) -> tuple[str, list]:
    where, params = (filters or Filters()).where()
    if facts_only:
        where += f" AND e.modality NOT IN ({', '.join('?' * len(crosswalk.NOT_FACTS))})"
        params = [*params, *crosswalk.NOT_FACTS]
    return where, params


@contextmanager
def _reader(con: duckdb.DuckDBPyConnection, query: str, params: list,
            tables: dict[str, pa.Table] | None = None) -> Iterator[pa.RecordBatchReader]:
    """Stream a result in Arrow batches on a cursor of its own (a stream cannot share its
    connection with a result still open on it), with ``tables`` registered on it."""
    cursor = con.cursor()
    try:
        for name, table in (tables or {}).items():
            cursor.register(name, table)
        yield cursor.sql(query, params=params).to_arrow_reader(BATCH)
    finally:
        cursor.close()


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None,
               facts_only: bool = False) -> int:
    """Events as CSV with a header; returns the number of rows."""
    count = 0
    with _reader(con, *_events_sql(filters, facts_only)) as reader, \
            pa_csv.CSVWriter(str(out), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def read_csv(path: str | Path):  # -> pd.DataFrame (pandas loads only when called)
    """Read an events CSV back into pandas with its codes as text ("0841", not 841)."""
    import pandas as pd

    return pd.read_csv(path, dtype=CSV_DTYPES)


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None,
                   facts_only: bool = False) -> int:
    """Events as Parquet under ``out/year=YYYY/month=M/``, events without a day under
    ``out/year=undated/month=undated/``; returns the number of rows."""
    query, params = _events_sql(filters, facts_only)
    count = 0
    partitioning = pa_ds.partitioning(pa.schema([("year", pa.string()),
                                                 ("month", pa.string())]), flavor="hive")
    keys = (f"coalesce(CAST(year(date) AS VARCHAR), '{UNDATED}') AS year, "
            f"coalesce(CAST(month(date) AS VARCHAR), '{UNDATED}') AS month")
    with _reader(con, f"SELECT *, {keys} FROM ({query})", params) as reader:

        def counted() -> Iterator[pa.RecordBatch]:
            nonlocal count
            for batch in reader:
                count += batch.num_rows
                yield batch

        pa_ds.write_dataset(counted(), str(out), schema=reader.schema, format="parquet",
                            partitioning=partitioning, existing_data_behavior="error",
                            basename_template="events-{i}.parquet")
    return count


def _clean(expr: str) -> str:
    """A field of a tab-separated line: text with no tab or line break, '' for NULL."""
    return f"coalesce(regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g'), '')"


def _gdelt_id(cluster: str) -> str:
    """GLOBALEVENTID: the cluster id's first 15 hex digits as a number (stable, < 2**60)."""
    return f"CAST('0x' || substr({cluster}, 1, 15) AS BIGINT)"


_ACTOR_SCHEMA = pa.schema([
    ("code", pa.string()), ("gdelt_code", pa.string()), ("country", pa.string()),
    ("known_group", pa.string()), ("religion1", pa.string()), ("religion2", pa.string()),
    ("type1", pa.string()), ("type2", pa.string()), ("type3", pa.string()),
    ("plover_code", pa.string()), ("plover_sector", pa.string()), ("identifier", pa.string())])
_GEO_SCHEMA = pa.schema([
    ("geonames_id", pa.int64()), ("name", pa.string()), ("country", pa.string()),
    ("type", pa.int64()), ("full_name", pa.string()), ("fips", pa.string()),
    ("adm1", pa.string()), ("feature_id", pa.string()), ("fcode", pa.string()),
    ("admin1", pa.string())])


def _lookup_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pa.Table]:
    """The crosswalk as Arrow tables for the codes and places this database holds:
    ``_x_actor`` (actor code → GDELT and PLOVER fields), ``_x_geo`` (a resolved place →
    GDELT geography and gazetteer facts), ``_x_country`` (ISO3 → ISO2, FIPS, name),
    ``_x_plover`` (CAMEO → PLOVER category, mode, contexts, quad), ``_x_modality``
    (modality → PLOVER special context)."""
    t = crosswalk.tables()
    codes = [r[0] for r in con.execute(
        "SELECT code FROM actors WHERE code IS NOT NULL UNION "
        "SELECT source_code FROM events WHERE source_code IS NOT NULL UNION "
        "SELECT target_code FROM events WHERE target_code IS NOT NULL").fetchall()]
    actors = []
    for code in codes:
        a = crosswalk.actor_codes(code)
        types = [*a.types, None, None, None]
        actors.append({"code": code, "gdelt_code": a.gdelt_code, "country": a.country,
                       "known_group": a.known_group, "religion1": a.religion1,
                       "religion2": a.religion2, "type1": types[0], "type2": types[1],
                       "type3": types[2], "plover_code": a.plover_code,
                       "plover_sector": a.plover_sector, "identifier": a.identifier})
    places = con.execute(
        "SELECT DISTINCT geonames_id, place_name, place_country FROM events "
        "WHERE place_name IS NOT NULL OR place_country IS NOT NULL UNION "
        "SELECT DISTINCT geonames_id, name, country FROM places").fetchall()
    rows, regions = crosswalk.gazetteer_rows(gid for gid, _, _ in places)
    geo = []
    for gid, name, country in places:
        row = rows.get(gid) if gid is not None else None
        g = crosswalk.gdelt_geo(row, name, country, regions)
        geo.append({"geonames_id": gid, "name": name, "country": country, "type": g.type,
                    "full_name": g.full_name, "fips": g.country, "adm1": g.adm1,
                    "feature_id": g.feature_id, "fcode": row.fcode if row else None,
                    "admin1": (row.admin1 or None) if row else None})
    return {
        "_x_actor": pa.Table.from_pylist(actors, schema=_ACTOR_SCHEMA),
        "_x_geo": pa.Table.from_pylist(geo, schema=_GEO_SCHEMA),
        "_x_country": pa.Table.from_pylist(
            [{"iso3": c.iso3, "iso2": c.iso2 or None, "fips": c.fips or None, "name": c.name}
             for c in t.countries.values()]),
        "_x_plover": pa.Table.from_pylist(
            [{"code": code, "event": r.event, "mode": r.mode or None,
              "contexts": list(r.contexts), "quad": t.quad[r.event]}
             for code, r in t.cameo_plover.items()],
            schema=pa.schema([("code", pa.string()), ("event", pa.string()),
                              ("mode", pa.string()), ("contexts", pa.list_(pa.string())),
                              ("quad", pa.int64())])),
        "_x_modality": pa.Table.from_pylist(
            [{"modality": m, "context": c} for m, c in t.modality_contexts.items()]),
    }


def _geo_join(alias: str, geonames_id: str, name: str, country: str) -> str:
    """Join ``_x_geo`` as ``alias`` on a place's id, name and country (NULL equal NULL)."""
    return (f"LEFT JOIN _x_geo {alias} ON {alias}.geonames_id IS NOT DISTINCT FROM "
            f"{geonames_id} AND {alias}.name IS NOT DISTINCT FROM {name} AND "
            f"{alias}.country IS NOT DISTINCT FROM {country}")


def _placed_sql(events: str) -> str:
    """CTEs ``_pm`` and ``placed``: for each event of ``events`` (a relation with doc_id,
    event_id, source_id, target_id, evidence_start, evidence_end) and role, the place the
    text puts its actor in, read from the actor's mentions inside the event's evidence: a
    mention that holds a place ("Kandahar police"; a country that is the actor), is followed
    by one ("police in Kandahar", "the Taliban, based in Quetta") or follows one ("Kandahar
    police" where the name is "police"). The first such mention wins. Mentions elsewhere in
    the article do not count: an actor moves, and an article names it in many places."""
    return f"""
    _pm AS (
        SELECT p.doc_id, p.geonames_id, p.name, p.country, p.lat, p.lon,
               u.m.start AS ps, u.m."end" AS pe
        FROM places p,
             unnest(from_json(p.mentions, '[{{"start": "INTEGER", "end": "INTEGER"}}]'))
                 AS u(m)),
    _roles AS (
        SELECT doc_id, event_id, 'source' AS role, source_id AS actor_id, evidence_start,
               evidence_end FROM {events} WHERE source_id IS NOT NULL
        UNION ALL
        SELECT doc_id, event_id, 'target', target_id, evidence_start, evidence_end
        FROM {events} WHERE target_id IS NOT NULL),
    _cand AS (
        SELECT r.doc_id, r.event_id, r.role, pm.geonames_id, pm.name, pm.country, pm.lat,
               pm.lon, m.start - r.evidence_start AS rank
        FROM _roles r
        JOIN mentions m ON m.doc_id = r.doc_id AND m.actor_id = r.actor_id
            AND m.start >= r.evidence_start AND m."end" <= r.evidence_end
        JOIN _pm pm ON pm.doc_id = r.doc_id
        JOIN documents d ON d.doc_id = r.doc_id
        WHERE (pm.ps >= m.start AND pm.pe <= m."end")
           OR (pm.ps >= m."end" AND pm.ps - m."end" <= 40 AND regexp_full_match(
                   substr(d.text, m."end" + 1, pm.ps - m."end"), '{_AFTER_ACTOR}'))
           OR (pm.pe <= m.start AND m.start - pm.pe <= 3 AND regexp_full_match(
                   substr(d.text, pm.pe + 1, m.start - pm.pe), '{_BEFORE_ACTOR}'))),
    placed AS (
        SELECT doc_id, event_id, role,
               arg_min({{'geonames_id': geonames_id, 'name': name, 'country': country,
                        'lat': lat, 'lon': lon}}, rank) AS place
        FROM _cand GROUP BY doc_id, event_id, role)"""


def _gdelt_actor(n: int, role: str) -> list[str]:
    """The ten actor fields of Actor``n``, from the first report ``f``, its actor ``a{n}``,
    the crosswalk row ``x{n}`` and the country row ``k{n}``."""
    x = f"x{n}"
    return [f"{x}.gdelt_code", f"f.{role}_name", f"k{n}.iso3", f"{x}.known_group", "NULL",
            f"{x}.religion1", f"{x}.religion2", f"{x}.type1", f"{x}.type2", f"{x}.type3"]


def _gdelt_geo(g: str, lat: str, lon: str) -> list[str]:
    """The eight *Geo_ fields from the ``_x_geo`` row ``g`` and a point."""
    return [f"{g}.type", f"{g}.full_name", f"{g}.fips", f"{g}.adm1", "NULL",
            f"CASE WHEN {g}.type IS NOT NULL OR {g}.full_name IS NOT NULL THEN {lat} END",
            f"CASE WHEN {g}.type IS NOT NULL OR {g}.full_name IS NOT NULL THEN {lon} END",
            f"{g}.feature_id"]


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None,
                 facts_only: bool = False) -> tuple[int, Path]:
    """Clusters in the GDELT 2.0 event layout, plus the sidecar; returns (rows, sidecar).

    Clusters hold only events that say something happened, so ``facts_only`` changes
    nothing here. Filled as GDELT fills them:

    * SQLDATE, MonthYear, Year, FractionDate: the cluster's day; an event with no date of its
      own counts on its publication date, and one with neither on the day it was added (as
      GDELT dates what it reads). tacitus's own date is in the sidecar (``event_date``,
      ``date_value``, ``date_precision``; ``day``, ``published``).
    * Actor codes as CAMEO writes them: no "---" for an unknown country; CountryCode the
      country the code or the actor has (ISO3); KnownGroupCode, Religion1-2 and Type1-3 from
      GDELT's lists (``crosswalk.actor_codes``); EthnicCode empty (tacitus codes none).
    * ActionGeo from the cluster's place and Actor1Geo/Actor2Geo from the place the text puts
      an actor in ("police in Kandahar"): Type 1 country, 2 US state, 3 US city, 4 world city,
      5 world state; FullName "City, Region, Country" (the region is named for US states
      only); FIPS 10-4 CountryCode; ADM1Code (FIPS country + GeoNames first-level code);
      FeatureID for countries and regions. ADM2Code is empty: tacitus has no GAUL codes.
    * AvgTone is empty: tacitus does not measure tone.
    """
    where, params = _where(filters, facts_only)
    tables = _lookup_tables(con)
    day = "coalesce(c.event_date, d.published, CAST(coalesce(r.finished, r.started) AS DATE))"
    fields = [
        _gdelt_id("c.cluster_id"), f"strftime({day}, '%Y%m%d')", f"strftime({day}, '%Y%m')",
        f"year({day})", f"printf('%.4f', year({day}) + dayofyear({day}) / 365.0)",
        *_gdelt_actor(1, "source"), *_gdelt_actor(2, "target"),
        "CASE WHEN f.sentence = 0 THEN 1 ELSE 0 END", "c.cameo", "substr(c.cameo, 1, 3)",
        "c.root", "c.quad_class", "printf('%.1f', c.goldstein)", "c.num_mentions",
        "c.num_sources", "c.num_articles", "NULL",
        *_gdelt_geo("g1", "p1.place.lat", "p1.place.lon"),
        *_gdelt_geo("g2", "p2.place.lat", "p2.place.lon"),
        *_gdelt_geo("ga", "c.lat", "c.lon"),
        "strftime(coalesce(r.finished, r.started), '%Y%m%d%H%M%S')", "d.url",
    ]
    assert len(fields) == len(GDELT_COLUMNS)
    line = " || chr(9) || ".join(_clean(f) for f in fields)
    query = f"""
        WITH chosen AS (
            SELECT DISTINCT e.cluster_id FROM events e
            WHERE e.cluster_id IS NOT NULL AND {where}),
        firsts AS (
            SELECT f.* FROM clusters c JOIN chosen USING (cluster_id)
            JOIN events f ON f.doc_id = c.first_doc_id AND f.event_id = c.first_event_id),
        cplace AS (
            SELECT cluster_id, place_name, place_country, min(geonames_id) AS geonames_id
            FROM events WHERE cluster_id IN (SELECT cluster_id FROM chosen)
            GROUP BY ALL),
        {_placed_sql("firsts")}
        SELECT {line} AS line FROM clusters c JOIN chosen USING (cluster_id)
        JOIN firsts f ON f.doc_id = c.first_doc_id AND f.event_id = c.first_event_id
        JOIN documents d ON d.doc_id = c.first_doc_id
        LEFT JOIN runs r ON r.run_id = d.run_id
        LEFT JOIN actors a1 ON a1.doc_id = f.doc_id AND a1.actor_id = f.source_id
        LEFT JOIN actors a2 ON a2.doc_id = f.doc_id AND a2.actor_id = f.target_id
        LEFT JOIN _x_actor x1 ON x1.code = c.source_code
        LEFT JOIN _x_actor x2 ON x2.code = c.target_code
        LEFT JOIN _x_country k1 ON k1.iso3 = coalesce(x1.country, a1.country)
        LEFT JOIN _x_country k2 ON k2.iso3 = coalesce(x2.country, a2.country)
        LEFT JOIN placed p1 ON p1.doc_id = f.doc_id AND p1.event_id = f.event_id
            AND p1.role = 'source'
        LEFT JOIN placed p2 ON p2.doc_id = f.doc_id AND p2.event_id = f.event_id
            AND p2.role = 'target'
        {_geo_join("g1", "p1.place.geonames_id", "p1.place.name", "p1.place.country")}
        {_geo_join("g2", "p2.place.geonames_id", "p2.place.name", "p2.place.country")}
        LEFT JOIN cplace cp ON cp.cluster_id = c.cluster_id
            AND cp.place_name IS NOT DISTINCT FROM c.place_name
            AND cp.place_country IS NOT DISTINCT FROM c.place_country
        {_geo_join("ga", "cp.geonames_id", "c.place_name", "c.place_country")}
        ORDER BY {day}, c.cluster_id"""
    rows = _write_lines(con, query, params, out, tables=tables)
    sidecar = out.with_name(out.stem + ".tacitus.tsv")
    side_fields = [_gdelt_id("e.cluster_id"), *(f"e.{c}" for c in SIDECAR_COLUMNS[1:12]),
                   EVENT_DAY, "e.published",
                   *(f"e.{c}" for c in SIDECAR_COLUMNS[14:-1]), "d.url"]
    assert len(side_fields) == len(SIDECAR_COLUMNS)
    side_line = " || chr(9) || ".join(_clean(f) for f in side_fields)
    _write_lines(con, f"""
        SELECT {side_line} AS line FROM events e JOIN documents d ON d.doc_id = e.doc_id
        WHERE e.cluster_id IN (SELECT DISTINCT e.cluster_id FROM events e
                               WHERE e.cluster_id IS NOT NULL AND {where})
        ORDER BY e.cluster_id, e.doc_id, e.event_id""", params, sidecar,
                 header="\t".join(SIDECAR_COLUMNS))
    return rows, sidecar


def _write_lines(con: duckdb.DuckDBPyConnection, query: str, params: list, out: Path,
                 header: str | None = None, tables: dict[str, pa.Table] | None = None) -> int:
    """Write the one-column result of ``query`` as lines; returns how many (header aside)."""
    count = 0
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        if header is not None:
            fh.write(header + "\n")
        with _reader(con, query, params, tables) as reader:
            for batch in reader:
                lines = batch.column(0).to_pylist()
                fh.write("\n".join(lines) + "\n" if lines else "")
                count += len(lines)
    return count


def _plover_actor(role: str, n: int) -> str:
    """A PLOVER actor list (``source`` or ``recipient``): one actor object, or empty. ``code``
    is the actor's ISO3 country, else a PLOVER non-state code (IGO, NGO, IMG, MNC), else
    null; ``sector`` a PLOVER sector; ``actor_text`` the name; ``identifier_text`` the
    organization's name; ``actor_loc`` the place the text puts the actor in; ``cameo`` the
    tacitus code (an added field, as the specification allows)."""
    x, k, p, g = f"x{n}", f"k{n}", f"p{n}", f"g{n}"
    loc = (f"CASE WHEN {p}.place IS NOT NULL THEN {{'geonameid': {p}.place.geonames_id, "
           f"'name': {p}.place.name, 'latitude': {p}.place.lat, "
           f"'longitude': {p}.place.lon, 'feature code': {g}.fcode, "
           f"'country code': {p}c.iso2, 'cc3': {p}.place.country, "
           f"'admin1 code': {g}.admin1}} END")
    return (f"CASE WHEN e.{role}_id IS NULL THEN [] ELSE [{{"
            f"'code': coalesce({k}.iso3, {x}.plover_code), 'sector': {x}.plover_sector, "
            f"'actor_text': e.{role}_name, 'identifier_text': {x}.identifier, "
            f"'actor_loc': {loc}, 'cameo': e.{role}_code}}] END")


def export_plover(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None,
                  facts_only: bool = False) -> tuple[int, int, int]:
    """Events with a PLOVER category as JSON lines; returns (written, left out for lack of a
    PLOVER category, left out as not facts).

    Field names are those of the PLOVER specification, Draft 0.8: ``id``, ``date``,
    ``source`` and ``recipient`` (lists of actor objects, see ``_plover_actor``), ``event``,
    ``mode`` and ``context`` (lists, from the official CAMEO→PLOVER table; CAMEO 01 and 02
    have no category and are left out), ``event_loc`` (a GeoNames location object: geonameid,
    name, latitude, longitude, feature code, ISO2 country code, cc3, admin1 code),
    ``event_text`` (the trigger), ``quad_code``, ``text`` (the evidence) and ``text_info``
    (sentence number and offsets), ``cite_info`` (url, title, language, publication,
    coder), ``coder``, ``coded_date``, and the magnitudes ``dead``, ``injured``,
    ``arrested`` and ``size``. Added: ``modality`` (tacitus's) and the ``tacitus`` object.
    A planned, hypothetical or negated event carries PLOVER's special context (future,
    hypothetical, negation) besides its modality; ``facts_only`` leaves such events out.
    ``source`` and ``recipient`` hold the event's own pair; an act with several pairs
    ("killed X and Y") lists them all in ``tacitus.dyads``.
    """
    where, params = _where(filters, facts_only)
    tables = _lookup_tables(con)
    quantity = '[{"kind": "VARCHAR", "value": "DOUBLE", "low": "DOUBLE"}]'
    query = f"""
        WITH chosen AS (
            SELECT e.* FROM events e JOIN _x_plover t ON t.code = e.cameo WHERE {where}),
        q AS (
            SELECT doc_id, event_id, unnest(from_json(quantities, '{quantity}')) AS q
            FROM chosen WHERE quantities IS NOT NULL),
        counts AS (
            SELECT doc_id, event_id,
                   max(coalesce(q.value, q.low)) FILTER (q.kind = 'killed') AS dead,
                   max(coalesce(q.value, q.low)) FILTER (q.kind = 'wounded') AS injured,
                   max(coalesce(q.value, q.low)) FILTER (q.kind = 'arrested') AS arrested,
                   max(coalesce(q.value, q.low)) FILTER (q.kind IN ('protesters', 'troops'))
                       AS size
            FROM q GROUP BY ALL),
        {_placed_sql("chosen")}
        SELECT to_json({{
            'id': e.doc_id || ':' || e.event_id,
            'date': strftime({EVENT_DAY}, '%Y-%m-%d'),
            'source': {_plover_actor("source", 1)},
            'recipient': {_plover_actor("target", 2)},
            'event': [t.event],
            'mode': CASE WHEN t.mode IS NULL THEN [] ELSE [t.mode] END,
            'context': CASE WHEN mc.context IS NULL THEN t.contexts
                            ELSE list_append(t.contexts, mc.context) END,
            'event_loc': CASE WHEN e.place_name IS NOT NULL OR e.place_country IS NOT NULL
                THEN {{'geonameid': e.geonames_id, 'name': e.place_name,
                       'latitude': e.lat, 'longitude': e.lon, 'feature code': ge.fcode,
                       'country code': ke.iso2, 'cc3': e.place_country,
                       'admin1 code': ge.admin1}} END,
            'event_text': CASE WHEN e.trigger_text IS NULL THEN []
                               ELSE [e.trigger_text] END,
            'quad_code': t.quad,
            'text': e.evidence_text,
            'text_info': {{'sequence': e.sentence, 'start': e.evidence_start,
                           'end': e.evidence_end}},
            'cite_info': {{'url': d.url, 'title': d.title, 'language': 'en',
                           'publication': d.source,
                           'coder': 'tacitus ' || coalesce(r.tacitus_version, '')}},
            'coder': 'tacitus ' || coalesce(r.tacitus_version, ''),
            'coded_date': strftime(coalesce(r.finished, r.started), '%Y-%m-%d'),
            'dead': n.dead, 'injured': n.injured, 'arrested': n.arrested, 'size': n.size,
            'modality': e.modality,
            'tacitus': {{'doc_id': e.doc_id, 'event_id': e.event_id, 'cameo': e.cameo,
                         'goldstein': e.goldstein, 'quad_class': e.quad_class,
                         'attributed_code': e.attributed_code,
                         'confidence': e.confidence, 'date_value': e.date_value,
                         'date_precision': e.date_precision, 'cluster_id': e.cluster_id,
                         'url': d.url, 'dyads': e.dyads}}
        }}) AS line
        FROM chosen e JOIN _x_plover t ON t.code = e.cameo
        JOIN documents d ON d.doc_id = e.doc_id
        LEFT JOIN runs r ON r.run_id = d.run_id
        LEFT JOIN _x_modality mc ON mc.modality = e.modality
        LEFT JOIN actors a1 ON a1.doc_id = e.doc_id AND a1.actor_id = e.source_id
        LEFT JOIN actors a2 ON a2.doc_id = e.doc_id AND a2.actor_id = e.target_id
        LEFT JOIN _x_actor x1 ON x1.code = e.source_code
        LEFT JOIN _x_actor x2 ON x2.code = e.target_code
        LEFT JOIN _x_country k1 ON k1.iso3 = coalesce(x1.country, a1.country)
        LEFT JOIN _x_country k2 ON k2.iso3 = coalesce(x2.country, a2.country)
        LEFT JOIN placed p1 ON p1.doc_id = e.doc_id AND p1.event_id = e.event_id
            AND p1.role = 'source'
        LEFT JOIN placed p2 ON p2.doc_id = e.doc_id AND p2.event_id = e.event_id
            AND p2.role = 'target'
        LEFT JOIN _x_country p1c ON p1c.iso3 = p1.place.country
        LEFT JOIN _x_country p2c ON p2c.iso3 = p2.place.country
        {_geo_join("g1", "p1.place.geonames_id", "p1.place.name", "p1.place.country")}
        {_geo_join("g2", "p2.place.geonames_id", "p2.place.name", "p2.place.country")}
        {_geo_join("ge", "e.geonames_id", "e.place_name", "e.place_country")}
        LEFT JOIN _x_country ke ON ke.iso3 = e.place_country
        LEFT JOIN counts n ON n.doc_id = e.doc_id AND n.event_id = e.event_id
        ORDER BY e.doc_id, e.event_id"""
    written = _write_lines(con, query, params, out, tables=tables)
    all_where, all_params = _where(filters, False)
    cursor = con.cursor()
    try:
        cursor.register("_x_plover", tables["_x_plover"])
        untyped, not_facts = cursor.execute(f"""
            SELECT count(*) FILTER (t.code IS NULL),
                   count(*) FILTER (t.code IS NOT NULL AND e.modality IN
                                    ({', '.join('?' * len(crosswalk.NOT_FACTS))}))
            FROM events e LEFT JOIN _x_plover t ON t.code = e.cameo WHERE {all_where}""",
            [*crosswalk.NOT_FACTS, *all_params]).fetchall()[0]
    finally:
        cursor.close()
    return written, untyped, not_facts if facts_only else 0


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path,
           filters: Filters | None = None, facts_only: bool = False) -> str:
    """Write ``fmt`` to ``out`` and say what was written, in one line. ``facts_only``:
    leave out planned, hypothetical and negated events."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"bad format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise ValueError(f"{out}: exists and is not an empty folder")
        return f"{export_parquet(con, out, filters, facts_only):,} events to {out}/"
    if fmt == "csv":
        return f"{export_csv(con, out, filters, facts_only):,} events to {out}"
    if fmt == "gdelt":
        rows, sidecar = export_gdelt(con, out, filters, facts_only)
        return f"{rows:,} clusters to {out} (GDELT 2.0 layout), their events to {sidecar}"
    written, untyped, not_facts = export_plover(con, out, filters, facts_only)
    left = f"{untyped:,} without a PLOVER category left out: statements and appeals"
    if facts_only:
        left += f"; {not_facts:,} planned, hypothetical or negated left out"
    return f"{written:,} events to {out} ({left})"
