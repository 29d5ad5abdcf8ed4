"""Clusters: one real-world event reported by many articles, and what must stay apart."""

from __future__ import annotations

import pytest
from storedb import add_coded, add_doc, add_event, new_db

from tacitus.pipeline import default_coder
from tacitus.store.cluster import update_clusters

# Short articles written for these tests. The first three report one attack in different
# words and dates ("on Monday" on Tuesday 8 March 2011, "On March 7"); the others must not
# join it: another target, another kind of event, three months later, a denial.
ARTICLES = {
    "reuters-1": ("Taliban fighters attacked American troops near Kandahar on Monday, Afghan "
                  "officials said. Three soldiers were killed.", "2011-03-08", "Reuters"),
    "ap-1": ("On March 7, Taliban militants attacked US troops in southern Afghanistan. The "
             "assault killed three American soldiers.", "2011-03-09", "Associated Press"),
    "aljazeera-1": ("Taliban insurgents ambushed US forces in Kandahar province on Monday, "
                    "killing three.", "2011-03-08", "Al Jazeera"),
    "bbc-1": ("The Taliban attacked Afghan police in Herat on Monday.", "2011-03-08", "BBC"),
    "afp-1": ("US officials met Taliban negotiators in Doha on Monday.", "2011-03-08", "AFP"),
    "reuters-2": ("Taliban fighters attacked American troops near Kandahar on June 20.",
                  "2011-06-21", "Reuters"),
    "afp-2": ("The Taliban did not attack American troops on Monday, a spokesman said.",
              "2011-03-08", "AFP"),
}


def _clusters(con) -> dict[tuple[str, str], str | None]:
    return {(d, e): c for d, e, c in
            con.execute("SELECT doc_id, event_id, cluster_id FROM events").fetchall()}


@pytest.fixture(scope="module")
def coded():
    coder = default_coder()
    return {doc_id: coder.code(text, published=published, source=source, id=doc_id)
            for doc_id, (text, published, source) in ARTICLES.items()}


def _attack(con, doc_id: str) -> tuple[str, str | None, str]:
    """The Taliban-on-US attack coded from an article: (event id, cluster, modality)."""
    return con.execute("SELECT event_id, cluster_id, modality FROM events WHERE doc_id = ? "
                       "AND source_code = 'TAL' AND root = '19' ORDER BY event_id LIMIT 1",
                       [doc_id]).fetchone()


def test_articles_reporting_one_attack_form_one_cluster(tmp_path, coded):
    con = new_db(tmp_path / "t.duckdb")
    for doc in coded.values():
        add_coded(con, doc)
    update_clusters(con)
    same = {_attack(con, d)[1] for d in ("reuters-1", "ap-1", "aljazeera-1")}
    assert len(same) == 1 and None not in same
    (cluster,) = same
    row = con.execute("SELECT source_code, target_code, root, event_date, num_mentions, "
                      "num_sources, num_articles FROM clusters WHERE cluster_id = ?",
                      [cluster]).fetchone()
    assert row[:3] == ("TAL", "USAMIL", "19")
    assert str(row[3]) == "2011-03-07"
    # each article reports the attack and its dead in two passages: one event each, merged
    # within the article, whose passages all count as GDELT's NumMentions
    reports = con.execute("SELECT count(*), sum(num_mentions) FROM events WHERE cluster_id "
                          "= ?", [cluster]).fetchone()
    assert reports[0] == 3 and row[4] == reports[1] >= 3
    assert row[5:] == (3, 3)
    # Other target, other root, three months later: clusters of their own.
    others = {_attack(con, d)[1] for d in ("bbc-1", "reuters-2")}
    assert cluster not in others and len(others) == 2
    meeting = con.execute("SELECT cluster_id FROM events WHERE doc_id = 'afp-1' "
                          "AND root = '04'").fetchone()[0]
    assert meeting not in (None, cluster)
    # A denied attack reports nothing that happened: no cluster at all.
    assert _attack(con, "afp-2")[1:] == (None, "negated")


def _row_corpus(con, order: list[int]) -> None:
    """The same rows, inserted in the order given (documents, then their events)."""
    docs = [("d1", "Reuters", None, "2011-03-08"), ("d2", None, "https://www.bbc.co.uk/x",
                                                    "2011-03-08"),
            ("d3", "reuters", None, "2011-03-09"), ("d4", None, None, "2011-03-09"),
            ("d5", "AP", None, None)]
    events = [
        ("d1", "e1", dict(date="2011-03-07", country="AFG", geonames=1, place="Kandahar")),
        ("d2", "e1", dict(date="2011-03-07", country="AFG")),
        ("d3", "e1", dict(date="2011-03-09")),                    # chained: 2 days later
        ("d4", "e1", dict(date="2011-03-08", country="PAK")),     # another country
        ("d4", "e2", dict(date="2011-03-08", country="AFG", geonames=2, place="Herat")),  # same
        ("d4", "e3", dict(date="2011-03-20")),                    # far apart
        ("d5", "e1", dict(date=None)),                            # no day at all
        ("d5", "e2", dict(date=None)),
        ("d3", "e2", dict(date="2011-03-08", modality="planned")),
    ]
    for i in order:
        if i < len(docs):
            doc_id, source, url, published = docs[i]
            add_doc(con, doc_id, source=source, url=url, published=published)
    for i in order:
        if i < len(events):
            doc_id, event_id, kw = events[i]
            add_event(con, doc_id, event_id, source="TAL", target="USAMIL", **kw)


def test_rule_on_rows_and_independent_of_insertion_order(tmp_path):
    results = []
    for n, order in enumerate(([0, 1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1, 0])):
        con = new_db(tmp_path / f"o{n}.duckdb")
        _row_corpus(con, order)
        assert update_clusters(con) == 5
        results.append((_clusters(con), con.execute(
            "SELECT * FROM clusters ORDER BY cluster_id").fetchall()))
    assert results[0] == results[1]
    ids = results[0][0]
    kandahar = ids[("d1", "e1")]
    assert ids[("d2", "e1")] == kandahar    # same country, no finer place
    assert ids[("d3", "e1")] == kandahar    # no place, two days on: joins by the chain
    assert ids[("d4", "e2")] == kandahar    # another city of the same country (see rule)
    assert len({ids[("d4", "e1")], ids[("d4", "e3")], kandahar}) == 3
    assert ids[("d5", "e1")] != ids[("d5", "e2")]          # undated: one cluster each
    assert ids[("d3", "e2")] is None                        # planned: not clustered
    counts = {c[0]: c[13:16] for c in results[0][1]}
    # d1 Reuters, d2 bbc.co.uk (URL host), d3 "reuters" (same outlet as d1), d4 itself.
    assert counts[kandahar] == (4, 3, 4)


def test_incremental_equals_full_and_survives_deletion(tmp_path):
    con = new_db(tmp_path / "inc.duckdb")
    _row_corpus(con, [0, 1, 2, 3, 4])
    update_clusters(con)
    _row_corpus(con, [5, 6, 7, 8])
    update_clusters(con)
    incremental = _clusters(con), con.execute("SELECT * FROM clusters ORDER BY 1").fetchall()
    update_clusters(con, full=True)
    assert (_clusters(con), con.execute("SELECT * FROM clusters ORDER BY 1").fetchall()
            ) == incremental
    con.execute("DELETE FROM events WHERE doc_id = 'd2'")
    update_clusters(con)
    assert con.execute("SELECT sum(num_mentions) FROM clusters").fetchone()[0] == \
        con.execute("SELECT count(*) FROM events WHERE cluster_id IS NOT NULL").fetchone()[0]


def test_num_mentions_counts_every_passage_of_merged_events(tmp_path):
    """An event an article reports three times (one events row, num_mentions 3) counts 3
    in its cluster; the clusters still add up after a document is removed."""
    con = new_db(tmp_path / "m.duckdb")
    for doc in ("d1", "d2", "d3"):
        add_doc(con, doc, published="2011-03-08", source=doc)
        add_event(con, doc, "e1", source="TAL", target="USAMIL", date="2011-03-07")
    con.execute("UPDATE events SET num_mentions = 3 WHERE doc_id = 'd1'")
    con.execute("UPDATE events SET num_mentions = NULL WHERE doc_id = 'd3'")  # an old row
    update_clusters(con)
    assert con.execute("SELECT num_mentions, num_sources, num_articles FROM clusters"
                       ).fetchall() == [(5, 3, 3)]
    con.execute("DELETE FROM events WHERE doc_id = 'd1'")
    update_clusters(con)  # the stored counts no longer add up: recomputed
    assert con.execute("SELECT num_mentions, num_articles FROM clusters").fetchall() == [(2, 2)]


def test_window_chains_but_is_cut_into_weeks(tmp_path):
    con = new_db(tmp_path / "w.duckdb")
    add_doc(con, "d", published="2011-03-20")
    for day in range(1, 13):                     # a clash every day for twelve days
        add_event(con, "d", f"e{day:02d}", source="TAL", target="USAMIL",
                  date=f"2011-03-{day:02d}")
    add_event(con, "d", "x1", source="TAL", target="USAMIL", date="2011-04-01")
    add_event(con, "d", "x2", source="TAL", target="USAMIL", date="2011-04-04")  # 3 days
    update_clusters(con)
    spans = con.execute("SELECT event_date, date_last, num_mentions FROM clusters "
                        "ORDER BY event_date").fetchall()
    assert [(str(a), str(b), n) for a, b, n in spans] == [
        ("2011-03-01", "2011-03-07", 7), ("2011-03-08", "2011-03-12", 5),
        ("2011-04-01", "2011-04-01", 1), ("2011-04-04", "2011-04-04", 1)]


def test_coarse_dates_count_on_the_publication_day(tmp_path):
    con = new_db(tmp_path / "m.duckdb")
    add_doc(con, "now", published="2011-03-08")
    add_doc(con, "then", published="2011-03-08")
    add_event(con, "now", "e1", source="TAL", target="USAMIL", date="2011-03-07")
    # "this month" written on 8 March: counted on 8 March, so it joins the report above
    add_event(con, "now", "e2", source="TAL", target="USAMIL", date="2011-03-01",
              precision="month")
    # "in 2001", written in 2011: a past event, counted on 1 January 2001
    add_event(con, "then", "e1", source="TAL", target="USAMIL", date="2001-01-01",
              precision="year")
    update_clusters(con)
    ids = _clusters(con)
    assert ids[("now", "e1")] == ids[("now", "e2")] != ids[("then", "e1")]


def test_bad_parameters(tmp_path):
    con = new_db(tmp_path / "b.duckdb")
    with pytest.raises(ValueError, match="span_days"):
        update_clusters(con, span_days=0)
