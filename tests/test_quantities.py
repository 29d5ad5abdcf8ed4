"""Quantities: the numbers an event carries, with what they count."""

from __future__ import annotations

import pytest

from tacitus import code


def _quantities(text: str) -> list[tuple[str, str, float | None, str | None]]:
    doc = code(text, published="2012-01-04")
    return [(e.cameo, q.kind, q.value, q.qualifier) for e in doc.events for q in e.quantities]


@pytest.mark.parametrize(("text", "expected"), [
    ("Taliban fighters killed 12 Afghan soldiers in Helmand.", ("killed", 12.0, None)),
    ("At least five policemen were killed in Kandahar.", ("killed", 5.0, "at least")),
    ("Police arrested more than 200 protesters in Cairo.", ("arrested", 200.0, "more than")),
    ("The United States will send 3,000 troops to Afghanistan.", ("troops", 3000.0, None)),
    ("Japan gave Pakistan $10 million in aid.", ("money", 10_000_000.0, None)),
])
def test_a_number_and_what_it_counts(text: str, expected: tuple) -> None:
    assert expected in [q[1:] for q in _quantities(text)], _quantities(text)


def test_participles_carry_their_counts_to_the_attack() -> None:
    doc = code("Rebels attacked the camp, killing dozens of civilians and wounding 30.",
               published="2012-01-04")
    attack = next(e for e in doc.events if e.evidence.text == "Rebels attacked")
    kinds = {q.kind: q for q in attack.quantities}
    assert kinds["killed"].value is None and (kinds["killed"].low, kinds["killed"].high) == (24, 99)
    assert kinds["killed"].approximate and kinds["wounded"].value == 30


def test_dates_and_bare_years_are_not_counts() -> None:
    found = _quantities("Iran expelled two British diplomats two weeks ago, as in 2008.")
    assert found == [("161", "other", 2.0, None)]


def test_offsets_slice_the_text() -> None:
    doc = code("Militants killed at least 14 soldiers and wounded 22 on Monday.",
               published="2012-01-04")
    for e in doc.events:
        for q in e.quantities:
            assert doc.document.text[q.start : q.end] == q.text
