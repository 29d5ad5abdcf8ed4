"""The event-date scorer: when a date of ours names the gold date of a TimeML link."""

from __future__ import annotations

import pytest

from tacitus.eval.event_dates import agrees


@pytest.mark.parametrize(("ours", "gold", "right"), [
    ("1998-10-14", "1998-10-14", True),
    ("1998-10-14", "1998-10", True),  # a finer date inside the gold month
    ("1998-10", "1998-10-14", False),  # a coarser one is not
    ("1998-10-14", "1998-W42", True),
    ("1998-W42", "1998-10", True),  # 12-18 October: every day of the week in October
    ("1998-W40", "1998-10", False),  # 28 September - 4 October: across two months
    ("1998-W42", "1998-Q4", True),
    ("1998-W42", "1998", True),
    ("1998-W42", "1998-10-14", False),
    ("2000-W07", "2000-W7", True),  # TimeML may write a week with one digit
    ("2000-02-16", "2000-W7", True),
    ("1998-07", "1998-Q3", True),
    (None, "1998", False),
])
def test_a_date_is_right_when_it_names_the_gold_date_or_a_time_inside_it(
        ours: str | None, gold: str, right: bool) -> None:
    assert agrees(ours, gold) is right
