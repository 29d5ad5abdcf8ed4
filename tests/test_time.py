"""Time expressions resolved against the publication date, and each event's own date.

Every form the context issue names, in sentences written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus import code
from tacitus.context import find_times

PUBLISHED = "2012-01-04"  # a Wednesday


@pytest.mark.parametrize(("text", "value", "precision", "qualifier"), [
    ("Dec. 31", "2011-12-31", "day", None),
    ("September 11, 2001", "2001-09-11", "day", None),
    ("11 September 2001", "2001-09-11", "day", None),
    ("December 2009", "2009-12", "month", None),
    ("23 Aug 88", "1988-08-23", "day", None),
    ("last month", "2011-12", "month", None),
    ("last September", "2011-09", "month", None),
    ("on Wednesday", "2012-01-04", "day", None),
    ("on Monday", "2012-01-02", "day", None),
    ("last Friday", "2011-12-30", "day", None),
    ("yesterday", "2012-01-03", "day", None),
    ("this year", "2012", "year", None),
    ("next summer", "2012-06", "season", None),
    ("last winter", "2010-12", "season", None),
    ("this winter", "2011-12", "season", None),
    ("this summer", "2012-06", "season", None),
    ("within the last month", "2012-01", "month", "within"),
    ("by the end of 2014", "2014-12", "month", "before"),
    ("for months", "2012-01", "month", "duration"),
    ("two weeks ago", "2011-12-19", "week", None),
    ("since 2001", "2001", "year", "since"),
    ("early next year", "2013-01", "month", None),
    ("in mid-2010", "2010", "year", None),
    ("the third quarter", "2011-07", "quarter", None),
    ("recently", "2012-01", "month", "recent"),
])
def test_each_news_form_resolves(text: str, value: str, precision: str,
                                 qualifier: str | None) -> None:
    found = find_times(f"Officials met {text} in the capital.", PUBLISHED)
    assert len(found) == 1, found
    t = found[0]
    assert (t.value, t.precision, t.qualifier) == (value, precision, qualifier)
    assert f"Officials met {text} in the capital."[t.start : t.end] == t.text


def test_numbers_and_modal_may_are_not_dates() -> None:
    assert find_times("2000 troops may leave; 1998 people fled.", PUBLISHED) == []


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = find_times("On Monday, a week after December 2009, talks resumed.", None)
    assert [(t.text, t.value, t.qualifier) for t in found] == [
        ("after December 2009", "2009-12", "since")]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_offsets_always_slice_the_text(text: str) -> None:
    for t in find_times(text, PUBLISHED):
        assert text[t.start : t.end] == t.text


def _dates(text: str) -> dict[str, tuple[str, str, str | None] | None]:
    doc = code(text, published=PUBLISHED)
    return {e.evidence.text: (e.date.value, e.date.precision, e.date.text) if e.date else None
            for e in doc.events}


def test_the_event_takes_the_date_of_its_own_clause() -> None:
    dates = _dates("Afghan officials said on Tuesday that Taliban fighters attacked a NATO "
                   "convoy on Dec. 31.")
    attack = next(v for k, v in dates.items() if "attacked" in k)
    assert attack == ("2011-12-31", "day", "Dec. 31")
    dates = _dates("Afghan officials said on Tuesday that the Taliban were weak.")
    said = next(v for k, v in dates.items() if "said" in k)
    assert said == ("2012-01-03", "day", "Tuesday")


def test_a_current_report_takes_the_publication_date_without_text() -> None:
    dates = _dates("Pakistan condemned the Afghan government.")
    assert list(dates.values()) == [(PUBLISHED, "week", None)]


def test_background_and_planned_events_get_no_invented_date() -> None:
    dates = _dates("The Taliban government had been overthrown by American forces. "
                   "Pakistan will meet the Afghan government.")
    assert all(v is None for v in dates.values()), dates


def test_a_future_clause_looks_ahead() -> None:
    dates = _dates("Iran will meet European envoys on Monday.")
    assert ("2012-01-09", "day", "Monday") in dates.values(), dates


def test_a_date_of_a_clause_beside_the_event_is_not_taken() -> None:
    dates = _dates("Prime Minister Ahmed Dalou, appointed in April, condemned the Taliban.")
    assert list(dates.values()) == [(PUBLISHED, "week", None)], dates


def test_a_date_of_the_clause_above_is_taken() -> None:
    dates = _dates("On Monday officials said that Taliban fighters attacked a police post.")
    attack = next(v for k, v in dates.items() if "attacked" in k)
    assert attack == ("2012-01-02", "day", "Monday")


def test_a_present_participle_beside_the_verb_gives_its_date() -> None:
    # "speaking ... on Dec. 31, praised": the praise was spoken then; a clause with its own
    # conjunction ("after meeting ... on Monday") is another time
    dates = _dates("Karzai, speaking at a rally in Herat on Dec. 30, praised the Iranian "
                   "government. After meeting Obama on Monday, Karzai criticized Pakistan.")
    praise = next(v for k, v in dates.items() if "praised" in k)
    criticism = next(v for k, v in dates.items() if "criticized" in k)
    assert praise == ("2011-12-30", "day", "Dec. 30")
    assert criticism == (PUBLISHED, "week", None)
