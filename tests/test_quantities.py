"""Quantities: the numbers an event carries, with what they count."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    attack = next(e for e in doc.events if e.root == "19")
    kinds = {q.kind: q for q in attack.quantities}
    assert kinds["killed"].value is None and (kinds["killed"].low, kinds["killed"].high) == (24, 99)
    assert kinds["killed"].approximate and kinds["wounded"].value == 30


def test_a_with_phrase_counts_what_its_participle_says() -> None:
    # "killed with two others injured": the two were injured, not killed
    found = _quantities("Four soldiers were killed with two civilians injured.")
    assert ("190", "killed", 4.0, None) in found and ("190", "wounded", 2.0, None) in found
    assert ("190", "killed", 2.0, None) not in found


def test_a_number_glued_after_a_full_stop_is_a_count() -> None:
    found = _quantities("Rebels attacked the base.Four soldiers were killed.")
    assert ("190", "killed", 4.0, None) in found


def test_dates_and_bare_years_are_not_counts() -> None:
    found = _quantities("Iran expelled two British diplomats two weeks ago, as in 2008.")
    assert found == [("161", "other", 2.0, None)]


def test_offsets_slice_the_text() -> None:
    doc = code("Militants killed at least 14 soldiers and wounded 22 on Monday.",
               published="2012-01-04")
    for e in doc.events:
        for q in e.quantities:
            assert doc.document.text[q.start : q.end] == q.text


def _counts(text: str, trigger: str) -> dict[str, float | None]:
    doc = code(text, published="2012-01-04")
    event = next(e for e in doc.events if e.trigger.text == trigger)
    return {q.kind: q.value for q in event.quantities}


def test_an_event_noun_counts_its_of_phrase() -> None:
    counts = _counts("Amnesty condemned the murder of 14 villagers in Darfur.", "murder")
    assert counts == {"killed": 14.0}


def test_a_count_after_a_coordinated_passive_is_shared_with_the_sentence() -> None:
    text = ("The bombing of the bus station in which 4 people were killed and 19 injured "
            "was condemned by the government.")
    doc = code(text, published="2012-01-04")
    killed = next(e for e in doc.events if e.trigger.text == "killed")
    assert {(q.kind, q.value) for q in killed.quantities} >= {("killed", 4.0), ("wounded", 19.0)}


def test_the_next_sentence_gives_the_toll_of_an_attack() -> None:
    counts = _counts("Militants ambushed a police convoy near Kunduz on Sunday. Seven officers "
                     "died and two were hurt.", "ambushed")
    assert counts == {"killed": 7.0, "wounded": 2.0}


def test_two_violent_acts_keep_their_own_counts() -> None:
    doc = code("Rebels shelled the airport. Later police shot 3 protesters in the capital.",
               published="2012-01-04")
    shelled = next(e for e in doc.events if e.trigger.text == "shelled")
    assert shelled.quantities == []


def test_a_relative_clause_on_the_counted_noun_gives_the_kind() -> None:
    doc = code("Mourners attended the funeral of eleven miners who were killed on Friday.",
               published="2012-01-04")
    assert ("killed", 11.0) in [(q.kind, q.value) for e in doc.events for q in e.quantities]


def test_a_small_clause_after_the_count_gives_its_fate() -> None:
    # "left N of its troops dead": the dead soldiers are killed, not a troop strength;
    # troops a verb leaves somewhere with no such clause stay troops
    doc = code("A NATO air strike left 24 of its troops dead in Pakistan in November.",
               published="2012-01-04")
    assert [(q.kind, q.value) for e in doc.events for q in e.quantities] == [("killed", 24.0)]
    doc = code("The army deployed 3,000 troops to the border.", published="2012-01-04")
    assert [(q.kind, q.value) for e in doc.events for q in e.quantities] == [("troops", 3000.0)]


def test_a_single_named_victim_has_no_count() -> None:
    doc = code("The president condemned the assassination of Governor Ahmed Salim in Basra.",
               published="2012-01-04")
    assert [q for e in doc.events for q in e.quantities] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("AT LEAST THREE SOLDIERS WERE KILLED IN THE ATTACK.", ("killed", 3.0, "at least")),
    ("Twenty-five soldiers were killed in the attack.", ("killed", 25.0, None)),
    ("Gunmen kidnapped four engineers in Niger Delta.", ("other", 4.0, None)),
])
def test_number_words_and_kinds(text: str, expected: tuple) -> None:
    assert expected in [q[1:] for q in _quantities(text)], _quantities(text)


def test_bodies_and_the_injured_count_as_killed_and_wounded() -> None:
    counts = _counts("Troops raided the village on Monday. Five bodies were found and nine people "
                     "were hurt.", "raided")
    assert counts == {"killed": 5.0, "wounded": 9.0}


def test_a_count_in_an_event_nouns_of_phrase_is_that_acts_alone() -> None:
    # the five were killed, not massacred: the massacre has no count of its own
    found = _quantities("The commander is blamed for the massacre of Kurdish villagers and is "
                        "also suspected in the killing of five Turkish diplomats.")
    assert ("180", "killed", 5.0, None) in found
    assert not [q for q in found if q[0] == "202"]
    # a light verb's act takes the count of the noun it carries out
    assert ("1823", "killed", 5.0, None) in _quantities(
        "The rebels carried out the killing of five soldiers.")


def test_a_number_standing_alone_counts_what_was_counted_just_before() -> None:
    found = _quantities("About 8,000 French troops left Mali last year. Another 2,000 are "
                        "supposed to leave by the end of 2015.")
    assert [q[1:3] for q in found] == [("troops", 8000.0), ("troops", 2000.0)]
    # two sentences back is too far: no kind is guessed
    found = _quantities("About 8,000 French troops left Mali last year. The budget was cut. "
                        "Another 2,000 are supposed to leave by the end of 2015.")
    assert ("troops", 2000.0) not in [q[1:3] for q in found]


def test_measures_and_names_are_not_casualties() -> None:
    found = _quantities("Gunmen killed the judge in less than 48 hours after the M-19 group "
                        "shot him three times at no. 5 avenue.")
    assert all(kind != "killed" for _, kind, _, _ in found), found


def test_a_number_text_has_no_leading_space() -> None:
    doc = code("Soldiers killed  three rebels.", published="2012-01-04")
    assert [q.text for e in doc.events for q in e.quantities] == ["three"]


# -- issue 11: durations and ages are never counts; a range keeps both ends --

def _counted(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    doc = code(text, published="2012-01-04")
    return [(q.kind, q.value, q.low, q.high) for e in doc.events for q in e.quantities]


@pytest.mark.parametrize(("text", "expected"), [
    ("The insurgency killed more than 300 villagers over three decades.",
     [("killed", 300.0, None, None)]),
    ("Police arrested a 45-year-old man in Cairo.", []),
    ("Police arrested Ahmed Saleh, 45, in Cairo.", []),
    ("Police arrested a man aged 45 in Cairo.", []),
    ("Police arrested between 300 and 400 protesters in Cairo.",
     [("arrested", None, 300.0, 400.0)]),
    ("Police arrested 300 to 400 protesters in Cairo.", [("arrested", None, 300.0, 400.0)]),
    ("Rebels killed 20-30 soldiers near Homs.", [("killed", None, 20.0, 30.0)]),
    ("Twenty-five soldiers were killed in the attack.", [("killed", 25.0, None, None)]),
])
def test_issue11_durations_ages_and_ranges(text: str, expected: list) -> None:
    assert _counted(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["between", "and", "to", "-", "300", "1,200", "twenty",
                                 "five", "aged", "45", "years", "old", "Saleh,", "45,",
                                 "million", "from", "year-old", "3"]),
                max_size=10).map(" ".join))
def test_ranges_and_ages_are_read_in_bounds(text: str) -> None:
    from tacitus.context.quantities import _ages, _bounds, _ranges

    for m in _ranges().finditer(text):
        bounds = _bounds(m)
        assert bounds is None or bounds[0] < bounds[1]
    for m in _ages().finditer(text):
        assert 0 <= m.start() < m.end() <= len(text)
