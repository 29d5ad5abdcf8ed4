"""How many: the numbers that belong to an event, with what they count.

A number phrase ("at least five", "10,000", "$10 million", "dozens") is found with a pattern
over the words of ``data/quantities.yaml``, then read on the parse: the noun it counts and the
verb that governs that noun decide its kind ("killed 12 soldiers": killed; "deployed 3,000
troops": troops). It belongs to an event when it sits in the event's clause, or in a
participle or relative clause hanging from it ("an attack killing 12", "a raid that left 24
dead"). Numbers inside time expressions are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from tacitus.data import load_quantity_words
from tacitus.model import Quantity

HANGING = ("advcl", "conj", "xcomp", "relcl", "acl", "ccomp")
CASUALTY_KINDS = {"killed", "wounded", "arrested", "missing", "displaced"}


@cache
def _words() -> dict:
    data = load_quantity_words()
    verbs = {v: k for k, vs in data["verbs"].items() for v in vs}
    nouns = {n: k for k, ns in data["nouns"].items() for n in ns}
    return {"verbs": verbs, "nouns": nouns, "scales": data["scales"], "vague": data["vague"],
            "qualifiers": data["qualifiers"], "numbers": data["numbers"],
            "currencies": data["currencies"]}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    w = _words()
    return re.compile(
        rf"(?<![\w.])(?:(?P<qual>{_alt(w['qualifiers'])})\s+)?"
        rf"(?:(?P<vague>{_alt(w['vague'])})|"
        rf"(?P<cur>{_alt(w['currencies'])})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|"
        rf"{_alt(w['numbers'])})(?:[\s-]+(?P<scale>{_alt(w['scales'])}))?)(?![\w%])",
        re.I,
    )


@dataclass
class _Found:
    quantity: Quantity
    counted: Token  # the noun counted, or the number itself
    verb: Token | None  # the verb that governs it


class Counter:
    """The quantities of one parsed document, ready to be attached to its events."""

    def __init__(self, doc: Doc, skip: list[tuple[int, int]], text: str | None = None) -> None:
        self.found: list[_Found] = []
        w = _words()
        for m in _pattern().finditer(text if text is not None else doc.text):
            start, end = m.span()
            if any(s < end and start < e for s, e in skip):
                continue  # "two weeks ago", "in 2008": time, not a count
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or all(t.pos_ in ("DET", "PRON") for t in span):
                continue
            root = span.root
            if root.lower_ == "one" and root.dep_ not in ("nummod", "dobj", "nsubjpass"):
                continue  # "one of the", "no one"
            counted = root.head if root.dep_ in ("nummod", "quantmod") else root
            for child in counted.children:  # "dozens of protesters"
                if counted is root and child.dep_ == "prep" and child.lower_ == "of":
                    counted = next((g for g in child.children if g.dep_ == "pobj"), counted)
            verb = next((a for a in [counted, *counted.ancestors] if a.pos_ in ("VERB", "AUX")),
                        None)
            kind = self._kind(m, counted, verb)
            value, low, high, approx = self._value(m)
            qual = m.group("qual")
            self.found.append(_Found(Quantity(
                kind=kind, value=value, text=m.group(0), start=start, end=end, low=low,
                high=high, qualifier=w["qualifiers"][qual.lower()] if qual else None,
                approximate=approx or bool(qual and w["qualifiers"][qual.lower()] == "about"),
            ), counted, verb))

    @staticmethod
    def _kind(m: re.Match[str], counted: Token, verb: Token | None) -> str:
        w = _words()
        if m.group("cur") or w["nouns"].get(counted.lemma_.lower()) == "money":
            return "money"
        if verb is not None and verb.lemma_.lower() in w["verbs"]:
            return w["verbs"][verb.lemma_.lower()]
        kind = w["nouns"].get(counted.lemma_.lower()) or w["nouns"].get(counted.lower_)
        if kind is None and counted.i + 1 < len(counted.doc):  # "left 24 dead"
            after = counted.doc[counted.i + 1]
            kind = w["nouns"].get(after.lemma_.lower()) or w["nouns"].get(after.lower_)
        return kind or "other"

    @staticmethod
    def _value(m: re.Match[str]) -> tuple[float | None, float | None, float | None, bool]:
        w = _words()
        if m.group("vague"):
            low, high = w["vague"][" ".join(m.group("vague").lower().split())]
            return None, float(low), float(high), True
        raw = m.group("num").lower().replace(",", "")
        value = float(w["numbers"][raw]) if raw in w["numbers"] else float(raw)
        if m.group("scale"):
            value *= w["scales"][m.group("scale").lower()]
        return value, None, None, False

    def for_event(self, trigger: Token) -> list[Quantity]:
        """The quantities of the event whose trigger is ``trigger``."""
        out = []
        for f in self.found:
            if f.verb is None or f.counted.sent.start != trigger.sent.start:
                continue
            verb = f.verb
            while verb.dep_ == "conj" and verb.head.i != trigger.i:
                verb = verb.head  # "killing 12 and wounding 30": both hang from the attack
            if f.verb.i == trigger.i:
                out.append(f.quantity)  # "killed 12 soldiers", "deployed 3,000 troops"
            elif (verb.dep_ in HANGING and verb.head.i == trigger.i
                  and f.quantity.kind in CASUALTY_KINDS):
                out.append(f.quantity)  # "attacked the camp, killing 12", "a raid that left
                # 24 dead"
        return out
