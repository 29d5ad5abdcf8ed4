"""One real-world event, many reports: link the events that report the same happening.

Several outlets, and several sentences of one article, report one attack or one meeting. The
raw ``events`` table has a row for each event of each article, its passages merged within
the article (``tacitus.events.merge``: ``num_mentions`` of them, listed in ``mentions``);
``clusters`` has one row for each real-world event across articles, with counts measured
from its members (GDELT's NumMentions, NumSources, NumArticles, but counted rather than
estimated): NumMentions is every passage of every member, so an event an article reports
three times counts three. The rule (docs/user-guide.md, "Query and
export") in short:

* Only events that assert something happened are linked: modality asserted, reported or
  disputed (a denied claim is still a claim about one happening). Planned, hypothetical and
  negated events describe nothing that took place; they stay out (``cluster_id`` NULL), as do
  events with neither a source nor a target code.
* Members share the dyad (``source_code``, ``target_code``, exact codes, NULL equal to NULL)
  and the CAMEO root.
* Each event has one day (``EVENT_DAY``): its own date when it names a day, else the
  publication date when that falls inside the coarser period the text names ("this week",
  "in March" written in March), else the first day of that period.
* Time: gaps-and-islands. Sorted by day, a member at most ``gap_days`` after the previous one
  joins its island, so reports that straddle midnight or resolve "Monday" a day apart still
  meet. Chaining is transitive, so a daily series of clashes between the same pair would
  become one endless island: islands are therefore cut into pieces of ``span_days`` counted
  from the island's first day. Both steps depend only on the set of events, never on the order
  they were stored in.
* Place: events are islanded within their country (``place_country``), so two known
  countries never merge. An island with no place joins the best overlapping island with one
  ("best": most members, then earliest, then smallest key). Places finer than a country do
  not split clusters: the geocoder names one attack "Kandahar", "Kandahar province",
  "southern Afghanistan" or "Afghanistan", each with its own GeoNames id, and the table holds
  no hierarchy to tell that these contain each other.
* Events with no date at all (no event date, no publication date) are clusters of their own.
* The cluster id is the first 16 hex digits of md5(doc_id || 0x1f || event_id) of the
  earliest member (by day, doc_id, event_id): the same data gives the same ids.

Everything runs as DuckDB SQL over temporary tables. ``update_clusters`` recomputes only the
(dyad, root) groups that gained events since the last call, and everything when the stored
clusters no longer add up (documents removed) or the rule's parameters changed.
"""

from __future__ import annotations

import duckdb

# The day an event is counted on, as a SQL expression over the events row ``e``. Shared with
# the query API so that filters, weekly series and clusters agree on when an event happened.
EVENT_DAY = """(CASE
    WHEN e.event_date IS NULL THEN e.published
    WHEN e.published IS NULL OR e.date_precision IS NULL OR e.date_precision = 'day'
        THEN e.event_date
    WHEN e.published >= e.event_date AND e.published < CAST(e.event_date + CASE e.date_precision
            WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH
            WHEN 'quarter' THEN INTERVAL 3 MONTH WHEN 'season' THEN INTERVAL 3 MONTH
            ELSE INTERVAL 1 YEAR END AS DATE)
        THEN e.published
    ELSE e.event_date END)"""

# The outlet of a document: its source, else the host of its URL, else the document itself.
OUTLET = """(CASE WHEN nullif(trim(d.source), '') IS NOT NULL THEN lower(trim(d.source))
    ELSE coalesce(nullif(lower(regexp_extract(d.url,
        '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?(?:www\\.)?([^/:?#]+)', 1)), ''),
        'doc:' || d.doc_id) END)"""

# Which events say that something happened (see module docstring).
CLUSTERED_MODALITIES = ("asserted", "reported", "disputed")

ELIGIBLE = ("(e.source_code IS NOT NULL OR e.target_code IS NOT NULL) "
            "AND e.modality IN ('asserted', 'reported', 'disputed')")

# Which place a cluster shows: a named place before a bare country, then the most reported,
# then alphabetical (an arg_min key; coalesce because NULLs do not order inside a struct).
BEST_PLACE = ("{'unnamed': place_name IS NULL, 'n': -n, 'name': coalesce(place_name, ''), "
              "'country': coalesce(place_country, '')}")

GAP_DAYS = 2
SPAN_DAYS = 7

_SAME_GROUP = """a.root = b.root AND a.source_code IS NOT DISTINCT FROM b.source_code
    AND a.target_code IS NOT DISTINCT FROM b.target_code"""


def _rule(gap_days: int, span_days: int) -> str:
    return f"v1 gap_days={gap_days} span_days={span_days}"


def update_clusters(con: duckdb.DuckDBPyConnection, *, full: bool = False,
                    gap_days: int = GAP_DAYS, span_days: int = SPAN_DAYS) -> int:
    """Link events into clusters, fill ``events.cluster_id`` and ``clusters``; return the
    number of clusters stored.

    Called at the end of every ingest on the writer's connection, outside any open
    transaction (it commits its own). ``full`` forces a recomputation of every group;
    otherwise only the groups with unclustered eligible events are redone, which gives the
    same result because groups never interact.
    """
    if gap_days < 0 or span_days < 1:
        raise ValueError(f"gap_days must be >= 0 and span_days >= 1, got {gap_days}, "
                         f"{span_days}")
    rule = _rule(gap_days, span_days)
    con.execute("BEGIN TRANSACTION")
    try:
        if full or _needs_full(con, rule):
            _recompute(con, None, gap_days, span_days)
        else:
            _recompute(con, _pending_groups(con), gap_days, span_days)
        con.execute("INSERT INTO meta VALUES ('cluster_rule', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [rule])
        count = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_cl_scope", "_cl_members", "_cl_islands", "_cl_groups", "_cl_map",
                     "_cl_new"):
            con.execute(f"DROP TABLE IF EXISTS {name}")
    return count


def _needs_full(con: duckdb.DuckDBPyConnection, rule: str) -> bool:
    """True when incremental work could be wrong: another rule made the stored clusters, or
    clustered events disappeared (their clusters' counts no longer add up)."""
    stored = con.execute("SELECT value FROM meta WHERE key = 'cluster_rule'").fetchone()
    if stored is None or stored[0] != rule:
        return True
    counted, members = con.execute(
        "SELECT (SELECT coalesce(sum(num_mentions), 0) FROM clusters), "
        "(SELECT coalesce(sum(coalesce(num_mentions, 1)), 0) FROM events "
        "WHERE cluster_id IS NOT NULL)").fetchone()
    return counted != members


def _pending_groups(con: duckdb.DuckDBPyConnection) -> str:
    """Create ``_cl_scope``: the (dyad, root) groups holding eligible unclustered events."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _cl_scope AS
        SELECT DISTINCT e.source_code, e.target_code, e.root FROM events e
        WHERE e.cluster_id IS NULL AND {ELIGIBLE}""")
    return "_cl_scope"


def _recompute(con: duckdb.DuckDBPyConnection, scope: str | None, gap_days: int,
               span_days: int) -> None:
    """Cluster the events of ``scope``'s groups (all groups when None) and store the result."""
    in_scope = "" if scope is None else f"""AND EXISTS (SELECT 1 FROM {scope} b
        WHERE {_SAME_GROUP.replace("a.", "e.")})"""
    # Members: every eligible event in scope, its day and its country.
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _cl_members AS
        SELECT e.doc_id, e.event_id, e.source_code, e.target_code, e.root,
               {EVENT_DAY} AS day,
               CASE WHEN e.place_country IS NOT NULL THEN 1 ELSE 0 END AS level,
               coalesce(e.place_country, '') AS place
        FROM events e WHERE {ELIGIBLE} {in_scope}""")
    # Windows sort faster on one integer than on four strings: number the groups (the
    # numbers are internal; nothing stored depends on them).
    con.execute("""CREATE OR REPLACE TEMP TABLE _cl_members AS
        WITH groups AS (
            SELECT source_code, target_code, root, place, row_number() OVER () AS gid
            FROM (SELECT DISTINCT source_code, target_code, root, place FROM _cl_members))
        SELECT m.*, g.gid FROM _cl_members m JOIN groups g
            ON m.source_code IS NOT DISTINCT FROM g.source_code
           AND m.target_code IS NOT DISTINCT FROM g.target_code
           AND m.root = g.root AND m.place = g.place""")
    # Islands within (dyad, root, place), cut every span_days from the island's first day.
    # Windows order by day alone with RANGE frames, so events of the same day are peers and
    # the numbering cannot depend on how ties happen to be sorted. An event without a day is
    # an island of its own (keyed by its identity).
    window = "PARTITION BY gid ORDER BY day"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _cl_islands AS
        WITH flagged AS (
            SELECT *, CASE WHEN day - lag(day) OVER ({window}) <= {gap_days} THEN 0 ELSE 1 END
                AS starts FROM _cl_members WHERE day IS NOT NULL),
        numbered AS (
            SELECT *, sum(starts) OVER w AS island,
                   max(CASE WHEN starts = 1 THEN day END) OVER w AS island_start
            FROM flagged WINDOW w AS ({window}))
        SELECT doc_id, event_id, source_code, target_code, root, day, level, place,
               gid::VARCHAR || ':' || island::VARCHAR || ':'
                   || ((day - island_start) // {span_days})::VARCHAR AS piece
        FROM numbered
        UNION ALL
        SELECT doc_id, event_id, source_code, target_code, root, day, level, place,
               'nd:' || doc_id || chr(31) || event_id FROM _cl_members WHERE day IS NULL""")
    # One row per island: its range, size and earliest member (its key until merged).
    con.execute("""CREATE OR REPLACE TEMP TABLE _cl_groups AS
        SELECT piece, any_value(source_code) AS source_code,
               any_value(target_code) AS target_code, any_value(root) AS root,
               any_value(level) AS level,
               min(day) AS first_day, max(day) AS last_day,
               count(*) AS n, min({'day': day, 'doc': doc_id, 'ev': event_id}) AS gkey,
               min({'day': day, 'doc': doc_id, 'ev': event_id}) AS into_key
        FROM _cl_islands GROUP BY piece""")
    overlap = f"""{_SAME_GROUP} AND a.first_day IS NOT NULL AND b.first_day IS NOT NULL
        AND a.first_day <= b.last_day + {gap_days} AND b.first_day <= a.last_day + {gap_days}"""
    best = "arg_min(b.gkey, {'n': -b.n, 'first': b.first_day, 'k': b.gkey})"
    # Islands with no place join the best overlapping island with one (any country).
    con.execute(f"""UPDATE _cl_groups SET into_key = best.gkey FROM (
        SELECT a.gkey AS from_key, {best} AS gkey
        FROM _cl_groups a JOIN _cl_groups b ON {overlap}
        WHERE a.level = 0 AND b.level = 1 GROUP BY a.gkey) best
        WHERE _cl_groups.gkey = best.from_key""")
    # Final clusters: the earliest member of all merged islands names the cluster.
    con.execute("""CREATE OR REPLACE TEMP TABLE _cl_map AS
        WITH merged AS (
            SELECT i.doc_id, i.event_id, i.day, g.into_key
            FROM _cl_islands i JOIN _cl_groups g USING (piece)),
        firsts AS (
            SELECT into_key, min({'day': day, 'doc': doc_id, 'ev': event_id}) AS first
            FROM merged GROUP BY into_key)
        SELECT m.doc_id, m.event_id, m.day, f.first.doc AS first_doc_id,
               f.first.ev AS first_event_id,
               substr(md5(f.first.doc || chr(31) || f.first.ev), 1, 16) AS cluster_id
        FROM merged m JOIN firsts f USING (into_key)""")
    _store(con, scope)


def _store(con: duckdb.DuckDBPyConnection, scope: str | None) -> None:
    """Write ``_cl_map`` into events.cluster_id and the scope's rows of ``clusters``, touching
    only rows that changed (a recomputation that finds the same clusters writes nothing)."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _cl_new AS
        WITH outlets AS (
            SELECT d.doc_id, {OUTLET} AS outlet FROM documents d
            SEMI JOIN _cl_map m ON m.doc_id = d.doc_id),
        members AS (
            SELECT m.cluster_id, m.day, m.first_doc_id, m.first_event_id, e.doc_id,
                   coalesce(e.num_mentions, 1) AS reports,
                   e.source_code, e.target_code, e.root, e.cameo, e.quad_class, e.goldstein,
                   e.place_name, e.place_country, e.lat, e.lon, o.outlet
            FROM _cl_map m JOIN events e USING (doc_id, event_id)
            JOIN outlets o ON o.doc_id = e.doc_id),
        codes AS (
            SELECT cluster_id, cameo, sum(reports) AS n, min(quad_class) AS quad_class,
                   min(goldstein) AS goldstein FROM members GROUP BY ALL),
        top_code AS (
            SELECT cluster_id, arg_min({{'cameo': cameo, 'quad_class': quad_class,
                                         'goldstein': goldstein}}, {{'n': -n, 'c': cameo}}) AS c
            FROM codes GROUP BY cluster_id),
        places AS (
            SELECT cluster_id, place_name, place_country, sum(reports) AS n,
                   min(lat) AS lat, min(lon) AS lon FROM members
            WHERE place_name IS NOT NULL OR place_country IS NOT NULL GROUP BY ALL),
        top_place AS (
            SELECT cluster_id, arg_min({{'name': place_name, 'country': place_country,
                                         'lat': lat, 'lon': lon}}, {BEST_PLACE}) AS p
            FROM places GROUP BY cluster_id),
        counts AS (
            SELECT cluster_id, any_value(source_code) AS source_code,
                   any_value(target_code) AS target_code, any_value(root) AS root,
                   min(day) AS event_date, max(day) AS date_last,
                   sum(reports)::INTEGER AS num_mentions,
                   count(DISTINCT outlet) AS num_sources,
                   count(DISTINCT doc_id) AS num_articles,
                   any_value(first_doc_id) AS first_doc_id,
                   any_value(first_event_id) AS first_event_id
            FROM members GROUP BY cluster_id)
        SELECT k.cluster_id, k.source_code, k.target_code, k.root, t.c.cameo, k.event_date,
               k.date_last, p.p.name AS place_name, p.p.country AS place_country,
               p.p.lat AS lat, p.p.lon AS lon, t.c.quad_class, t.c.goldstein,
               k.num_mentions, k.num_sources, k.num_articles, k.first_doc_id, k.first_event_id
        FROM counts k JOIN top_code t USING (cluster_id) LEFT JOIN top_place p USING (cluster_id)
        """)
    if scope is None:
        stored = "clusters"
        con.execute("""UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM _cl_map m
                            WHERE m.doc_id = events.doc_id AND m.event_id = events.event_id)""")
    else:
        stored = f"(SELECT a.* FROM clusters a SEMI JOIN {scope} b ON {_SAME_GROUP})"
    columns = ", ".join(f'"{d[0]}"' for d in
                        con.execute("SELECT * FROM clusters LIMIT 0").description)
    con.execute(f"""DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM (
        SELECT {columns} FROM {stored} EXCEPT SELECT {columns} FROM _cl_new))""")
    con.execute(f"""INSERT INTO clusters ({columns}) SELECT {columns} FROM _cl_new
        EXCEPT SELECT {columns} FROM clusters""")
    con.execute("""UPDATE events SET cluster_id = m.cluster_id FROM _cl_map m
        WHERE events.doc_id = m.doc_id AND events.event_id = m.event_id
          AND events.cluster_id IS DISTINCT FROM m.cluster_id""")
