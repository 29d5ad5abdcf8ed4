"""Word alternations the regex engine scans fast.

Python's ``re`` tries a flat alternation's words one by one at every place a match may start,
and under ``re.IGNORECASE`` it cannot skip a word on its first letter: the dates' and
quantities' grammars (hundreds of words) spent most of their time there. ``factor`` writes
the same alternation as a tree on shared leading letters ("ju(?:ly|ne)"), which matches
exactly what the flat one matches, and the same words first.
"""

from __future__ import annotations

from collections.abc import Sequence


def factor(alternatives: Sequence[str]) -> str:
    """The alternation ``"|".join(alternatives)`` of escaped words (``re.escape``, a space
    maybe written ``\\s+``), its alternatives grouped on a shared leading letter or digit.

    The tree matches what the flat alternation matches: at any place at most one group's
    letter fits the text (no two groups' letters are one letter in two cases), and inside a
    group the alternatives keep their order. An alternative that starts with another ASCII
    character (an escape, ``\\s+``) fits no letter and stays on its own; an empty one (it
    matches anywhere) may only come last; one that starts with a non-ASCII letter, which
    ignoring case may fit an ASCII one ("ſ", "s"), leaves the alternation flat."""
    groups: dict[str, list[str]] = {}
    items: list[str | tuple[str, list[str]]] = []  # in order: lone alternatives, and groups
    for i, alt in enumerate(alternatives):
        first = alt[:1]
        if not first.isascii() or (not first and i != len(alternatives) - 1):
            return "|".join(alternatives)
        if not first.isalnum():
            items.append(alt)
            continue
        if first not in groups:
            if any(k.lower() == first.lower() for k in groups):
                return "|".join(alternatives)
            groups[first] = []
            items.append((first, groups[first]))
        groups[first].append(alt[1:])
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            key, rests = item
            out.append(key + rests[0] if len(rests) == 1 else f"{key}(?:{factor(rests)})")
    return "|".join(out)
