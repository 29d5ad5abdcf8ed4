"""Headlines (issue 11): the title is coded too; an event in the headline and the lede is one
event with the headline's words as ``title_evidence``. Sentences written for these tests."""

from __future__ import annotations

from tacitus import code
from tacitus.context.headline import parse_text, title_case


def test_an_event_only_in_the_headline_is_coded_from_the_title() -> None:
    doc = code("Fighting went on in the north. Officials said the situation was calm.",
               published="2012-01-04", title="Troops seize rebel stronghold")
    (event,) = [e for e in doc.events if e.evidence_in == "title"]
    assert event.root == "19"
    title = doc.document.title or ""
    for span in (event.evidence, event.trigger, event.title_evidence):
        assert span is not None and title[span.start : span.end] == span.text
    assert {event.source, event.target} - {None} <= {a.id for a in doc.actors}


def test_an_event_in_headline_and_lede_is_one_event_with_both_evidences() -> None:
    doc = code("The Syrian army seized a rebel stronghold in Aleppo on Monday, officials said.",
               published="2012-01-04", title="Syrian Army Seizes Rebel Stronghold In Aleppo")
    seized = [e for e in doc.events if e.root == "19"]
    assert len(seized) == 1, seized
    (event,) = seized
    assert event.evidence_in == "text" and event.title_evidence is not None
    assert event.title_evidence.text.startswith("Syrian Army Seizes")
    assert doc.document.text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_title_case_is_read_in_its_ordinary_case_with_the_same_offsets() -> None:
    title = "Syrian Army Seizes Rebel Stronghold In Aleppo"
    assert title_case(title) and not title_case("Troops seize rebel stronghold")
    cased = parse_text(title)
    assert len(cased) == len(title) and "seizes" in cased
