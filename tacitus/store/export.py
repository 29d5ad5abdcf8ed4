"""Export the event database: CSV, monthly Parquet, the GDELT 2.0 event layout, PLOVER JSONL.

Rows leave DuckDB as Arrow batches and are written by pyarrow or as ready-made lines, so an
export streams and no output path is ever spliced into SQL. What each format holds:

* ``csv``: every column of ``events`` plus ``date`` (the day the event is counted on).
* ``parquet``: the same rows, a hive-partitioned folder ``year=YYYY/month=M/`` on that day.
* ``gdelt``: one tab-separated line per cluster (real-world event) in the 61 columns of the
  GDELT 2.0 event table, without a header, as GDELT publishes it. Fields tacitus does not
  measure are empty (AvgTone, actor geography, FIPS country codes, ADM codes, feature ids),
  never guessed. A sidecar ``<name>.tacitus.tsv`` (with a header) has one line per reporting
  event, keyed by GLOBALEVENTID, with what GDELT has no column for: doc_id, event_id,
  evidence, modality, date precision, confidence.
* ``plover``: one JSON object per event that has a PLOVER type, with the field names of the
  PLOVER records (``tacitus.eval.plover`` reads the same ones) and tacitus's own fields under
  ``"tacitus"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.dataset as pa_ds

from tacitus.store.cluster import EVENT_DAY
from tacitus.store.query import Filters

FORMATS = ("csv", "parquet", "gdelt", "plover")
BATCH = 50_000

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
    "evidence_start", "evidence_end", "evidence_text", "confidence", "place_name",
    "place_country", "geonames_id", "url",
)


def _events_sql(filters: Filters | None) -> tuple[str, list]:
    where, params = (filters or Filters()).where()
    return (f"SELECT {EVENT_DAY} AS date, e.* FROM events e WHERE {where} "
            "ORDER BY e.doc_id, e.event_id"), params


@contextmanager
def _reader(con: duckdb.DuckDBPyConnection, query: str, params: list
            ) -> Iterator[pa.RecordBatchReader]:
    """Stream a result in Arrow batches on a cursor of its own (a stream cannot share its
    connection with a result still open on it)."""
    cursor = con.cursor()
    try:
        yield cursor.sql(query, params=params).to_arrow_reader(BATCH)
    finally:
        cursor.close()


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None
               ) -> int:
    """Events as CSV with a header; returns the number of rows."""
    count = 0
    with _reader(con, *_events_sql(filters)) as reader, \
            pa_csv.CSVWriter(str(out), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None
                   ) -> int:
    """Events as Parquet under ``out/year=YYYY/month=M/`` (events without a day go to the
    ``__HIVE_DEFAULT_PARTITION__`` folders); returns the number of rows."""
    query, params = _events_sql(filters)
    count = 0
    partitioning = pa_ds.partitioning(pa.schema([("year", pa.int64()), ("month", pa.int64())]),
                                      flavor="hive")
    with _reader(con, f"SELECT *, year(date) AS year, month(date) AS month FROM ({query})",
                 params) as reader:

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


def _type_codes(actor: str) -> list[str]:
    """Actor Type1-3 codes: the three-letter parts after the country prefix of a code built
    on its actor's country (USAGOV: GOV) or on the unknown country ``---``."""
    code, country = f"{actor}.code", f"{actor}.country"
    built = (f"({code} IS NOT NULL AND (starts_with({code}, coalesce({country}, '---')) "
             f"OR starts_with({code}, '---')))")
    return [f"CASE WHEN {built} THEN nullif(substr({code}, {start}, 3), '') END"
            for start in (4, 7, 10)]


def _gdelt_id(cluster: str) -> str:
    """GLOBALEVENTID: the cluster id's first 15 hex digits as a number (stable, < 2**60)."""
    return f"CAST('0x' || substr({cluster}, 1, 15) AS BIGINT)"


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None
                 ) -> tuple[int, Path]:
    """Clusters in the GDELT 2.0 event layout, plus the sidecar; returns (rows, sidecar)."""
    where, params = (filters or Filters()).where()
    actors = []
    for n, role in ((1, "source"), (2, "target")):
        a = f"a{n}"
        actors += [f"c.{role}_code", f"f.{role}_name", f"{a}.country", "NULL", "NULL", "NULL",
                   "NULL", *_type_codes(a)]
    empty_geo = ["NULL"] * 8
    fields = [
        _gdelt_id("c.cluster_id"), "strftime(c.event_date, '%Y%m%d')",
        "strftime(c.event_date, '%Y%m')", "year(c.event_date)",
        "printf('%.4f', year(c.event_date) + dayofyear(c.event_date) / 365.0)",
        *actors,
        "CASE WHEN f.sentence = 0 THEN 1 ELSE 0 END", "c.cameo", "substr(c.cameo, 1, 3)",
        "c.root", "c.quad_class", "printf('%.1f', c.goldstein)", "c.num_mentions",
        "c.num_sources", "c.num_articles", "NULL",
        *empty_geo, *empty_geo,
        "NULL", "c.place_name", "NULL", "NULL", "NULL", "c.lat", "c.lon", "NULL",
        "strftime(coalesce(r.finished, r.started), '%Y%m%d%H%M%S')", "d.url",
    ]
    assert len(fields) == len(GDELT_COLUMNS)
    line = " || chr(9) || ".join(_clean(f) for f in fields)
    chosen = ("SELECT DISTINCT e.cluster_id FROM events e "
              f"WHERE e.cluster_id IS NOT NULL AND {where}")
    query = f"""
        SELECT {line} AS line FROM clusters c
        JOIN events f ON f.doc_id = c.first_doc_id AND f.event_id = c.first_event_id
        JOIN documents d ON d.doc_id = c.first_doc_id
        LEFT JOIN runs r ON r.run_id = d.run_id
        LEFT JOIN actors a1 ON a1.doc_id = f.doc_id AND a1.actor_id = f.source_id
        LEFT JOIN actors a2 ON a2.doc_id = f.doc_id AND a2.actor_id = f.target_id
        WHERE c.cluster_id IN ({chosen})
        ORDER BY c.event_date, c.cluster_id"""
    rows = _write_lines(con, query, params, out)
    sidecar = out.with_name(out.stem + ".tacitus.tsv")
    side_fields = [_gdelt_id("e.cluster_id"), *(f"e.{c}" for c in SIDECAR_COLUMNS[1:-1]),
                   "d.url"]
    side_line = " || chr(9) || ".join(_clean(f) for f in side_fields)
    _write_lines(con, f"""
        SELECT {side_line} AS line FROM events e JOIN documents d ON d.doc_id = e.doc_id
        WHERE e.cluster_id IN ({chosen})
        ORDER BY e.cluster_id, e.doc_id, e.event_id""", params, sidecar,
                 header="\t".join(SIDECAR_COLUMNS))
    return rows, sidecar


def _write_lines(con: duckdb.DuckDBPyConnection, query: str, params: list, out: Path,
                 header: str | None = None) -> int:
    """Write the one-column result of ``query`` as lines; returns how many (header aside)."""
    count = 0
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        if header is not None:
            fh.write(header + "\n")
        with _reader(con, query, params) as reader:
            for batch in reader:
                lines = batch.column(0).to_pylist()
                fh.write("\n".join(lines) + "\n" if lines else "")
                count += len(lines)
    return count


def _plover_actor(role: str, actor: str) -> str:
    """A PLOVER actor list: ``code`` the country (IGO/NGO for organisations, else the CAMEO
    code when the country is unknown), ``sector`` the rest of a country-built code."""
    code, country = f"e.{role}_code", f"{actor}.country"
    group = (f"CASE WHEN substr({code}, 1, 3) IN ('IGO', 'NGO') THEN substr({code}, 1, 3) "
             f"ELSE coalesce({country}, {code}) END")
    sector = (f"CASE WHEN {country} IS NOT NULL AND starts_with({code}, {country}) "
              f"THEN nullif(substr({code}, 4), '') END")
    return (f"CASE WHEN {code} IS NULL THEN NULL ELSE [{{'actorText': e.{role}_name, "
            f"'code': {group}, 'sector': {sector}, 'cameo': {code}}}] END")


def export_plover(con: duckdb.DuckDBPyConnection, out: Path, filters: Filters | None = None
                  ) -> tuple[int, int]:
    """Events with a PLOVER type as JSON lines; returns (written, left out for lack of a
    PLOVER type: public statements, root 01)."""
    where, params = (filters or Filters()).where()
    quantity = '[{"kind": "VARCHAR", "value": "DOUBLE", "low": "DOUBLE"}]'
    query = f"""
        WITH q AS (
            SELECT doc_id, event_id, unnest(from_json(quantities, '{quantity}')) AS q
            FROM events WHERE quantities IS NOT NULL),
        counts AS (
            SELECT doc_id, event_id,
                   max(coalesce(q.value, q.low)) FILTER (q.kind = 'killed') AS dead,
                   max(coalesce(q.value, q.low)) FILTER (q.kind = 'wounded') AS injured,
                   max(coalesce(q.value, q.low)) FILTER (q.kind IN ('protesters', 'troops'))
                       AS size
            FROM q GROUP BY ALL)
        SELECT to_json({{
            'id': e.doc_id || ':' || e.event_id,
            'date': strftime({EVENT_DAY}, '%Y-%m-%d'),
            'source': {_plover_actor("source", "a1")},
            'target': {_plover_actor("target", "a2")},
            'event': e.plover,
            'eventText': e.trigger_text,
            'text': e.evidence_text,
            'eventLoc': CASE WHEN e.place_name IS NOT NULL OR e.place_country IS NOT NULL
                        THEN {{'name': e.place_name, 'country code': e.place_country,
                               'lat': e.lat, 'lon': e.lon, 'geonames_id': e.geonames_id}} END,
            'dead': n.dead, 'injured': n.injured, 'size': n.size,
            'language': 'en',
            'publication': d.source,
            'tacitus': {{'doc_id': e.doc_id, 'event_id': e.event_id, 'cameo': e.cameo,
                         'modality': e.modality, 'attributed_code': e.attributed_code,
                         'confidence': e.confidence, 'evidence_start': e.evidence_start,
                         'evidence_end': e.evidence_end, 'date_value': e.date_value,
                         'date_precision': e.date_precision, 'cluster_id': e.cluster_id,
                         'url': d.url}}
        }}) AS line
        FROM events e JOIN documents d ON d.doc_id = e.doc_id
        LEFT JOIN actors a1 ON a1.doc_id = e.doc_id AND a1.actor_id = e.source_id
        LEFT JOIN actors a2 ON a2.doc_id = e.doc_id AND a2.actor_id = e.target_id
        LEFT JOIN counts n ON n.doc_id = e.doc_id AND n.event_id = e.event_id
        WHERE e.plover IS NOT NULL AND {where}
        ORDER BY e.doc_id, e.event_id"""
    written = _write_lines(con, query, params, out)
    left = con.execute(f"SELECT count(*) FROM events e WHERE e.plover IS NULL AND {where}",
                       params).fetchall()[0][0]
    return written, left


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path,
           filters: Filters | None = None) -> str:
    """Write ``fmt`` to ``out`` and say what was written, in one line."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"bad format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise ValueError(f"{out}: exists and is not an empty folder")
        return f"{export_parquet(con, out, filters):,} events to {out}/"
    if fmt == "csv":
        return f"{export_csv(con, out, filters):,} events to {out}"
    if fmt == "gdelt":
        rows, sidecar = export_gdelt(con, out, filters)
        return f"{rows:,} clusters to {out} (GDELT 2.0 layout), their events to {sidecar}"
    written, left = export_plover(con, out, filters)
    return (f"{written:,} events to {out} ({left:,} without a PLOVER type left out: "
            "public statements)")

