"""The output contract: the committed JSON Schema is current and real output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus import code
from tacitus.model import CodedDocument, json_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schema" / "tacitus-v1.schema.json"


def test_committed_schema_is_the_generated_one() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema(), \
        "regenerate with: tacitus schema > schema/tacitus-v1.schema.json"


def test_real_output_validates_and_round_trips(samples) -> None:
    text = (samples / "kabul_talks_2012.txt").read_text()
    doc = code(text)
    data = json.loads(doc.model_dump_json())
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text()))
    assert data["schema_version"] == "1"
    for key in ("id", "title", "published", "author", "source", "url", "text"):
        assert key in data["document"]
    for event in data["events"]:
        for key in ("id", "source", "target", "cameo", "root", "quad_class", "goldstein",
                    "evidence", "sentence", "date", "location", "modality", "attributed_to",
                    "quantities", "confidence"):
            assert key in event
    assert CodedDocument.model_validate(data) == doc


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1,
               max_size=300))
def test_any_text_codes_to_offsets_that_slice_exactly(text: str) -> None:
    from tacitus.errors import InputError

    try:
        doc = code(text, published="2012-01-04")
    except InputError:
        return
    body = doc.document.text
    for e in doc.events:
        assert body[e.evidence.start : e.evidence.end] == e.evidence.text
    for a in doc.actors:
        for m in a.mentions:
            assert body[m.start : m.end] == m.text
