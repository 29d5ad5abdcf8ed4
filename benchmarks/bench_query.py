"""Query benchmark: a seeded synthetic corpus of a million events, clustered and queried.

    .venv/bin/python benchmarks/bench_query.py [--events 1000000] [--db PATH]

Synthetic "happenings" (a dyad, a CAMEO code, a day, a place) are each reported one or more
times by documents from 40 outlets, with the day shifted by a day in some reports and the
place left out in others, the way real coverage varies. The rows go straight into DuckDB from
Arrow (no Python loop per row). The script times a full clustering, an incremental one after
a small new batch, a weekly dyad series and a filtered page of events, and prints the figures.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from tacitus.data import load_cameo
from tacitus.store.cluster import update_clusters
from tacitus.store.db import connect
from tacitus.store.query import EventStore

SEED = 20240101
COUNTRIES = ["AFG", "PAK", "USA", "IRQ", "IRN", "SYR", "ISR", "PSE", "RUS", "UKR", "CHN",
             "IND", "GBR", "FRA", "DEU", "TUR", "EGY", "SDN", "SOM", "NGA", "MLI", "LBY",
             "YEM", "SAU", "KOR", "PRK", "JPN", "MEX", "COL", "VEN"]
AGENTS = ["", "GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD"]
GROUPS = ["TAL", "IGOUNO", "IGONAT", "NGOHRW", "ALQ", "HAM", "HEZ"]
OUTLETS = [f"outlet{i:02d}" for i in range(40)]
START = np.datetime64("2010-01-01")
DAYS = 5 * 365


def _actor_codes() -> list[str]:
    return [c + a for c in COUNTRIES for a in AGENTS] + GROUPS


def generate(path: Path, n_events: int, seed: int = SEED) -> float:
    """Write ``n_events`` synthetic events (three per document) into a new database at
    ``path``; return the seconds it took."""
    began = time.perf_counter()
    rng = np.random.default_rng(seed)
    cameo = list(load_cameo().values())
    codes = np.array(_actor_codes())
    n_happen = max(n_events // 3, 1)
    h_src = rng.integers(0, len(codes), n_happen)
    h_tgt = rng.integers(0, len(codes), n_happen)
    h_cameo = rng.integers(0, len(cameo), n_happen)
    h_day = rng.integers(0, DAYS, n_happen)
    h_country = rng.integers(0, len(COUNTRIES), n_happen)
    h_geo = rng.integers(1_000_000, 1_000_500, n_happen)
    # Most happenings get a few reports; one in a hundred is big news with dozens.
    popular = rng.integers(0, n_happen, max(n_happen // 100, 1))
    which = np.where(rng.random(n_events) < 0.2, popular[rng.integers(0, len(popular),
                                                                       n_events)],
                     rng.integers(0, n_happen, n_events))
    shift = rng.choice([-1, 0, 0, 0, 0, 1], n_events)
    day = START + (h_day[which] + shift).astype("timedelta64[D]")
    place_level = rng.choice([0, 1, 2], n_events, p=[0.3, 0.3, 0.4])
    modality = rng.choice(["asserted", "reported", "disputed", "negated", "planned",
                           "hypothetical"], n_events, p=[0.8, 0.1, 0.02, 0.04, 0.03, 0.01])
    idx = np.arange(n_events)
    doc = idx // 3
    n_docs = int(doc[-1]) + 1
    picked = h_cameo[which]
    src = codes[h_src[which]]
    tgt = codes[h_tgt[which]]
    country = np.array(COUNTRIES)[h_country[which]]
    doc_ids = np.char.add("d", np.char.zfill(np.arange(n_docs).astype(str), 8))
    doc_published = day[::3] + rng.integers(0, 2, n_docs).astype("timedelta64[D]")
    documents = pa.table({
        "doc_id": doc_ids,
        "content_hash": doc_ids,
        "published": doc_published,
        "source": np.array(OUTLETS)[rng.integers(0, len(OUTLETS), n_docs)],
        "url": np.char.add("https://example.org/a/", doc_ids),
        "text": np.full(n_docs, "Synthetic article."),
        "run_id": np.ones(n_docs, dtype=np.int32),
    })
    events = pa.table({
        "doc_id": doc_ids[doc],
        "event_id": np.char.add("e", (idx % 3).astype(str)),
        "source_id": np.full(n_events, "a1"),
        "source_code": src,
        "source_name": src,
        "target_id": np.full(n_events, "a2"),
        "target_code": tgt,
        "target_name": tgt,
        "cameo": np.array([c.code for c in cameo])[picked],
        "root": np.array([c.root for c in cameo])[picked],
        "quad_class": np.array([c.quad_class for c in cameo], dtype=np.int8)[picked],
        "goldstein": np.array([c.goldstein for c in cameo])[picked],
        "name": np.array([c.name for c in cameo])[picked],
        "plover": np.array([c.plover or None for c in cameo], dtype=object)[picked],
        "sentence": (idx % 3).astype(np.int32),
        "evidence_start": np.zeros(n_events, dtype=np.int32),
        "evidence_end": np.full(n_events, 18, dtype=np.int32),
        "evidence_text": np.full(n_events, "Synthetic article."),
        "event_date": day,
        "date_precision": np.full(n_events, "day"),
        "published": doc_published[doc],
        "place_country": np.where(place_level > 0, country, None),
        "geonames_id": np.where(place_level > 1, h_geo[which], None),
        "modality": modality,
        "confidence": np.full(n_events, 0.8),
    })
    con = connect(path)
    con.execute("INSERT INTO runs (run_id, started, status, inputs, executor, tacitus_version)"
                " VALUES (1, now(), 'done', '[]', 'bench', 'bench')")
    con.register("documents_in", documents)
    con.register("events_in", events)
    con.execute("INSERT INTO documents BY NAME SELECT * FROM documents_in")
    con.execute("INSERT INTO events BY NAME SELECT * FROM events_in")
    con.close()
    return time.perf_counter() - began


def _add_batch(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """A new batch as an ingest would add it: copies of existing events in new documents."""
    con.execute("""INSERT INTO documents BY NAME
        SELECT 'new' || doc_id AS doc_id, 'new' || content_hash AS content_hash, published,
               source, url, text, run_id FROM documents ORDER BY doc_id LIMIT ?""", [n])
    con.execute("""INSERT INTO events BY NAME
        SELECT * EXCLUDE (doc_id, cluster_id), 'new' || doc_id AS doc_id FROM events
        WHERE 'new' || doc_id IN (SELECT doc_id FROM documents) AND event_id = 'e0'""")


def _timed(fn, repeat: int = 5) -> tuple[float, object]:
    """Best of ``repeat`` runs in milliseconds (the first run warms DuckDB's caches)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - began)
    return best * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="where to write the database (default: a "
                                                "temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        path.unlink(missing_ok=True)
        seconds = generate(path, args.events)
        print(f"generated {args.events:,} events in {seconds:.1f} s")
        con = connect(path)
        began = time.perf_counter()
        clusters = update_clusters(con, full=True)
        print(f"update_clusters (full): {time.perf_counter() - began:.2f} s, "
              f"{clusters:,} clusters")
        _add_batch(con, 1_000)
        began = time.perf_counter()
        update_clusters(con)
        print(f"update_clusters (incremental, 1,000 new events): "
              f"{time.perf_counter() - began:.2f} s")
        con.close()
        with EventStore(path) as store:
            ms, weekly = _timed(lambda: store.dyads(by="week", source="USA", target="AFG"))
            print(f"weekly dyad series USA -> AFG: {ms:.0f} ms ({len(weekly)} rows)")
            ms, _ = _timed(lambda: store.events(source="USA", root=19, since="2011-01-01",
                                                until="2012-12-31", limit=50))
            print(f"filtered event page (USA, root 19, 2011-2012, 50 rows): {ms:.0f} ms")
            ms, _ = _timed(lambda: store.events(source="TAL", unique=True,
                                                order="-num_mentions", limit=50))
            print(f"unique events page (TAL, by mentions, 50 rows): {ms:.0f} ms")


if __name__ == "__main__":
    main()
