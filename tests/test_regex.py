"""The factored word alternations of the date and quantity grammars match what the flat ones
match, the same words first (tacitus/context/regex.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.context.regex import factor

WORDS = st.lists(st.text(alphabet="abAB1 .-'ſ", max_size=6), max_size=8)


def _escaped(words: list[str]) -> list[str]:
    return sorted((re.escape(w).replace("\\ ", r"\s+") for w in words), key=len, reverse=True)


def test_words_share_their_leading_letters() -> None:
    assert factor(["march", "may", "monday", "sunday", "s"]) == \
        "m(?:a(?:rch|y)|onday)|s(?:unday|)"


def test_letters_in_two_cases_stay_flat() -> None:
    assert factor(["May", "march"]) == "May|march"


@settings(max_examples=400, deadline=None)
@given(WORDS, st.text(alphabet="abAB1 .-'ſ\n", max_size=40), st.booleans())
def test_factored_matches_the_flat_alternation(words: list[str], text: str,
                                               ignore_case: bool) -> None:
    alternatives = _escaped(words)
    flags = re.I if ignore_case else 0
    for context in (r"(?:{})", r"\b(?:{})\b", r"(?P<w>{})s?", r"x|(?:{})\.?"):
        flat = re.compile(context.format("|".join(alternatives)), flags)
        tree = re.compile(context.format(factor(alternatives)), flags)
        assert [m.span() for m in tree.finditer(text)] == \
            [m.span() for m in flat.finditer(text)]
