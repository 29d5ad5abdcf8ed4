"""The place evaluations: scoring on small files written here, and on ../shared when present."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import gate, geo

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Flood waters rose in Kandahar while aid left Tbilisi.]]></text>
    <toponyms>
      <toponym><start>21</start><end>29</end><phrase>Kandahar</phrase>
        <gaztag geonameid="1"><lat>31.61</lat><lon>65.71</lon></gaztag></toponym>
      <toponym><start>44</start><end>51</end><phrase>Tbilisi</phrase>
        <gaztag geonameid="2"><lat>0.0</lat><lon>0.0</lon></gaztag></toponym>
      <toponym><start>0</start><end>5</end><phrase>Flood</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_distance_is_great_circle() -> None:
    assert geo.distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert geo.distance_km(10, 20, 10, 20) == 0


def test_lgl_scoring_counts_toponyms_with_a_point(tmp_path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    r = geo.evaluate(path)
    assert r.gold == 2  # the toponym without a point does not count
    assert r.near == 1  # Kandahar is right; Tbilisi's made-up gold point is far off
    assert 1 <= r.found <= 2 and r.ours_matched == r.found
    geo.report(r, Console(file=open(tmp_path / "out.txt", "w")))  # noqa: SIM115


def test_location_scoring(tmp_path) -> None:
    rows = [
        {"text": "Gunmen attacked a bank in Herat.",
         "spans": [{"start": 7, "end": 15, "label": "VERB"},
                   {"start": 26, "end": 31, "label": "LOCATION"}]},
        {"text": "The minister resigned on Friday.",
         "spans": [{"start": 13, "end": 21, "label": "VERB"}]},
    ]
    path = tmp_path / "loc.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    r = geo.evaluate_location(path)
    assert (r.sentences, r.right, r.with_place, r.found) == (2, 2, 1, 1)
    assert r.figures()["event_location_precision"] == 1.0


def test_bad_files_are_input_errors(tmp_path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles>", encoding="utf-8")
    with pytest.raises(InputError):
        geo.evaluate(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"text": "x", "spans": []}\n', encoding="utf-8")
    with pytest.raises(InputError):
        geo.evaluate_location(empty)


def test_the_gate_knows_the_place_figures() -> None:
    names = {e.name for e in gate.EVALUATIONS}
    assert {"geo", "location"} <= names
    for figure in ("geo_accuracy_161km", "geo_recall", "event_location_accuracy"):
        assert figure in gate.LABELS


@pytest.mark.shared
def test_lgl_file_parses(shared) -> None:
    articles = geo.load_lgl(shared / "eval" / "geo" / "lgl.xml")
    assert len(articles) == 588
    assert sum(len(a.toponyms) for a in articles) == 5088
    for a in articles[:50]:
        for t in a.toponyms:
            assert 0 <= t.start < t.end <= len(a.text)


def test_gold_places_anchor_spans_whose_offsets_miss_their_text() -> None:
    row = {"text": "Guards were shot in Herat and later in Herat again.",
           "spans": [{"start": 5, "end": 5, "label": "LOCATION", "text": "Herat"},
                     {"start": 0, "end": 6, "label": "LOCATION", "text": "Guards"},
                     {"start": 3, "end": 3, "label": "LOCATION", "text": "Kabul"},
                     {"start": 12, "end": 16, "label": "VERB"}]}
    assert geo.gold_places(row) == [(20, 25), (39, 44), (0, 6), (3, 3)]
