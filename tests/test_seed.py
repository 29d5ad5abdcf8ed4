"""The article that inspired the project (../shared/seeds), read as a demanding analyst would."""

from __future__ import annotations

import pytest

from tacitus.ingest import read_path
from tacitus.pipeline import default_coder


@pytest.fixture(scope="module")
def seed(shared):
    paths = sorted((shared / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("no seed article")
    (document,) = read_path(paths[0])
    return default_coder().code_document(document)


def test_seed_metadata_and_cleaning(seed) -> None:
    d = seed.document
    assert d.published == "2012-01-04"
    assert d.title and "Taliban" in d.title
    assert d.author and len(d.author.split()) >= 2
    assert "contact" not in d.text[-300:].lower()
    assert "\\$" not in d.text and "*" not in d.text
    for para in d.text.split("\n\n")[1:]:
        assert not para[0].islower(), f"page break left unjoined: {para[:40]!r}"


def test_seed_actors_are_coded_by_role_and_metonymy(seed) -> None:
    by_name = {a.name: a for a in seed.actors}
    assert by_name["Hamid Karzai"].code == "AFGGOV"
    assert by_name["Joe Biden"].code == "USAGOV"
    assert by_name["Taliban"].code == "TAL"
    codes = {a.code for a in seed.actors}
    assert "USAGOV" in codes  # "Washington" acting as the US government
    # where prisoners are held is not who they are; a people is coded by where it lives
    assert not any(a.country == "CUB" for a in seed.actors)
    ids = {a.id: a.code for a in seed.actors}
    assert all(ids.get(e.target) for e in seed.events if e.cameo == "202")


def test_seed_events_have_evidence_and_no_footer_events(seed) -> None:
    assert len(seed.events) >= 8
    text = seed.document.text
    for e in seed.events:
        source = seed.document.title or "" if e.evidence_in == "title" else text
        assert source[e.evidence.start : e.evidence.end] == e.evidence.text
    disputed = [e for e in seed.events if e.modality == "disputed"]
    assert disputed, "the Taliban's denial of talks should not be coded as a fact"
