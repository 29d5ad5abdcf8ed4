"""How many: the numbers that belong to an event, with what they count.

A number phrase ("at least five", "10,000", "$10 million", "dozens", "twenty-five") is found
with a pattern over the words of ``data/quantities.yaml``, then read on the parse: the noun it
counts and the word that governs that noun decide its kind. The governor is the nearest verb
("killed 12 soldiers": killed; "deployed 3,000 troops": troops) or an event noun whose "of"
phrase holds the number ("the murder of 10 union members": killed); a relative clause on the
counted noun gives the kind when the governor gives none ("the funeral of six priests who
were killed": killed).

A number belongs to an event when:

- it sits in the event's clause (the event's trigger governs it), or the trigger is the
  relative clause on the counted noun ("two reporters who were shot");
- it is a casualty in a participle, relative or coordinated clause hanging from the event
  ("an attack killing 12", "a raid that left 24 dead", "killed 4 and injured 12");
- it is a killed or wounded count in the sentence of a violent event, and the sentence
  reports no more than one violent act (a violence verb with its own subject or "by" agent),
  so that "the attack in which 2 people were killed and 30 wounded" carries both; or in the
  next sentence, when that one reports no violent act of its own ("Rebels attacked a bus.
  Three soldiers died.").

Numbers inside time expressions are not quantities (durations included: "over three
decades" counts nothing), nor are ages ("a 45-year-old man", "Ahmed Saleh, 45,", "aged 45");
a range keeps both its ends ("between 300 and 400", "20-30": low and high, value null); and
no count is made up: a single named victim ("the assassination of X") has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from tacitus.context.regex import factor
from tacitus.data import load_quantity_words
from tacitus.model import Quantity
from tacitus.nlp.tree import children_of, head_of, tokens_of

HANGING = ("advcl", "conj", "xcomp", "relcl", "acl", "ccomp")
CASUALTY_KINDS = {"killed", "wounded", "arrested", "missing", "displaced"}
SHARED_KINDS = {"killed", "wounded"}  # counts a violent sentence shares with its events
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@cache
def _words() -> dict:
    data = load_quantity_words()
    verbs = {v: k for k, vs in data["verbs"].items() for v in vs}
    nouns = {n: k for k, ns in data["nouns"].items() for n in ns}
    events = {n: k for k, ns in (data.get("events") or {}).items() for n in ns}
    numbers = {str(k).lower(): v for k, v in data["numbers"].items()}
    units = {k: v for k, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9}
    for ten in _TENS:  # "twenty-five", "thirty one"
        if ten in numbers:
            for unit, v in units.items():
                for sep in ("-", " "):
                    numbers[f"{ten}{sep}{unit}"] = numbers[ten] + v
    return {"verbs": verbs, "nouns": nouns, "events": events, "scales": data["scales"],
            "vague": data["vague"], "qualifiers": data["qualifiers"], "numbers": numbers,
            "currencies": data["currencies"], "violence": set(data.get("violence") or ()),
            "measures": set(data.get("measures") or ())}


def _alt(words) -> str:
    """An alternation, longest first; a space matches any run of spaces ("AT  LEAST")."""
    escaped = (re.sub(r"\\? ", r"\\s+", re.escape(w)) for w in words)
    return factor(sorted(escaped, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    w = _words()
    return re.compile(
        rf"(?<![\w/])(?<![\d.]\.)(?<!\bno\.)(?<!\w-)(?<!\bno\.\s)(?:(?P<qual>{_alt(w['qualifiers'])})\s+)?"
        rf"(?:(?P<vague>{_alt(w['vague'])})|"
        rf"(?:(?P<cur>{_alt(w['currencies'])})\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|"
        rf"\d+(?:\.\d+)?|{_alt(w['numbers'])})(?:[\s-]+(?P<scale>{_alt(w['scales'])}))?)"
        rf"(?![\w%/])",
        re.I,
    )


@dataclass
class _Found:
    quantity: Quantity
    counted: Token  # the noun counted, or the number itself
    verb: Token | None  # the verb (or event noun) that governs it
    also: Token | None = None  # a relative clause on the counted noun ("who were killed")


@cache
def _ages() -> re.Pattern[str]:
    """Ages, which are no counts: "a 45-year-old man", "45 years old", "aged 45", and the
    age after a name between commas ("Ahmed Saleh, 45, was")."""
    return re.compile(
        r"\b\d{1,3}(?:[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old)\b"
        r"|\b(?:aged|age)\s+\d{1,3}\b"
        r"|(?<=[a-z],\s)\d{1,2}(?=,)")


@cache
def _ranges() -> re.Pattern[str]:
    """Two numbers that bound one amount: "between 300 and 400", "300 to 400", "20-30"."""
    w = _words()
    num = rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_alt(w['numbers'])}"
    return re.compile(
        rf"(?<![\w./$])(?:(?:between|from)\s+(?P<low>{num})\s+(?:and|to)\s+(?P<high>{num})"
        rf"|(?P<low2>{num})\s*(?:-|–|to)\s*(?P<high2>{num}))"
        rf"(?:\s+(?P<scale>{_alt(w['scales'])}))?(?![\w%/-])", re.I)


def _bounds(m: re.Match[str]) -> tuple[float, float] | None:
    """A range's two ends; None when they make no range ("twenty-five", "3-1")."""
    low, high = (_number(m.group(g) or m.group(f"{g}2")) for g in ("low", "high"))
    if low is None or high is None or high <= low:
        return None
    return low, high


def _end(m: re.Match[str], name: str) -> tuple[int, int]:
    """Where a range's low or high end is, whichever of its two forms matched."""
    return m.span(name) if m.group(name) is not None else m.span(f"{name}2")


def _number(raw: str | None) -> float | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().replace(",", "").split())
    numbers = _words()["numbers"]
    if raw in numbers:
        return float(numbers[raw])
    try:
        return float(raw)
    except ValueError:
        return None


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


class Counter:
    """The quantities of one parsed document, ready to be attached to its events."""

    def __init__(self, doc: Doc, skip: list[tuple[int, int]], text: str | None = None) -> None:
        self.found: list[_Found] = []
        self._sentences: dict[int, tuple[Span, int, list[_Found]]] = {}
        w = _words()
        text = text if text is not None else doc.text
        skip = [*skip, *(m.span() for m in _ages().finditer(text))]
        ranges = {m.start(): m for m in _ranges().finditer(text) if _bounds(m) is not None
                  and not any(s < m.end() and m.start() < e for s, e in skip)}
        for m in _pattern().finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in skip):
                continue  # "two weeks ago", "in 2008", "aged 45": time, not a count
            span_range = next((r for r in ranges.values() if r.start() <= start < r.end()),
                              None)
            if span_range is not None:
                if _end(span_range, "low")[0] == start:
                    self._range(doc, span_range)
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or all(t.pos_ in ("DET", "PRON") for t in span):
                continue
            root = span.root
            if root.lower_ == "one" and root.dep_ not in ("nummod", "dobj", "nsubjpass"):
                continue  # "one of the", "no one"
            counted = head_of(root) if root.dep_ in ("nummod", "quantmod") else root
            for child in children_of(counted):  # "dozens of protesters"
                if counted is root and child.dep_ == "prep" and child.lower_ == "of":
                    counted = next((g for g in children_of(child) if g.dep_ == "pobj"), counted)
            verb = self._governor(counted)
            also = next((c for c in children_of(counted) if c.dep_ in ("relcl", "acl")
                         and w["verbs"].get(_lemma(c)) in CASUALTY_KINDS), None)
            injured = self._with_clause(counted, verb, also) if verb is not None else None
            # "killed with two others injured": the injuring, not the killing, counts them
            kind = self._kind(m, counted, None if injured else verb, also or injured)
            if kind == "other" and counted is root and root.dep_ in ("nsubj", "nsubjpass"):
                kind = self._counted_before(root) or kind
            also = also or injured
            value, low, high, approx = self._value(m)
            qual = m.group("qual")
            qual_key = " ".join(qual.lower().split()) if qual else None
            self.found.append(_Found(Quantity(
                kind=kind, value=value, text=m.group(0), start=start, end=end, low=low,
                high=high, qualifier=w["qualifiers"][qual_key] if qual_key else None,
                approximate=approx or bool(qual_key and w["qualifiers"][qual_key] == "about"),
            ), counted, verb, also))

    def _counted_before(self, number: Token) -> str | None:
        """The kind of the people a number standing alone as a subject counts, from the
        noun the text counted just before, in its sentence or the one before ("10,000 US
        troops left last year. Another 5,000 are to leave": troops, not "other")."""
        here = number.sent.start
        for f in reversed(self.found):
            if f.counted.sent.start != here and f.counted.sent.end != here:
                break
            kind = _words()["nouns"].get(_lemma(f.counted)) or _words()["nouns"].get(
                f.counted.lower_)
            if f.counted.pos_ == "NOUN" and kind is not None and kind != "money":
                return kind
        return None

    def _range(self, doc: Doc, m: re.Match[str]) -> None:
        """One quantity for a range, with both ends ("between 300 and 400 protesters")."""
        low, high = _bounds(m) or (0.0, 0.0)
        scale = _words()["scales"].get((m.group("scale") or "").lower(), 1)
        span = doc.char_span(*_end(m, "high"), alignment_mode="expand")
        if span is None:
            return
        root = span.root
        counted = head_of(root) if root.dep_ in ("nummod", "quantmod", "conj") else root
        if counted.pos_ == "NUM" and head_of(counted).i != counted.i:
            counted = head_of(counted)
        verb = self._governor(counted)
        kind = self._kind(m, counted, verb, None)
        self.found.append(_Found(Quantity(
            kind=kind, value=None, text=m.group(0), start=m.start(), end=m.end(),
            low=low * scale, high=high * scale, qualifier=None, approximate=False,
        ), counted, verb, None))

    @staticmethod
    def _with_clause(counted: Token, verb: Token, own: Token | None) -> Token | None:
        """The casualty participle of a "with" phrase the counted noun opens ("six were
        killed with two others injured"): it, not the verb, says what happened to those
        counted, whether the parse hangs it on the noun (``own``) or on the verb."""
        base = counted
        while base.dep_ == "conj" and head_of(base).pos_ in ("NOUN", "PROPN", "NUM"):
            base = head_of(base)
        if base.dep_ != "pobj" or head_of(base).lower_ != "with" \
                or head_of(head_of(base)).i != verb.i:
            return None
        if own is not None:
            return own if own.dep_ == "acl" and own.tag_ == "VBN" else None
        return next((c for c in children_of(verb) if c.dep_ in ("advcl", "acl", "conj")
                     and c.i > counted.i and c.tag_ in ("VBN", "VBD")
                     and _words()["verbs"].get(_lemma(c)) in CASUALTY_KINDS
                     and not any(g.dep_.startswith("nsubj") for g in children_of(c))), None)

    @staticmethod
    def _governor(counted: Token) -> Token | None:
        """The nearest verb above the counted noun, or the event noun whose "of" phrase it is
        ("the murder of six priests and two women")."""
        base = counted
        while base.dep_ == "conj" and head_of(base).pos_ in ("NOUN", "PROPN", "NUM"):
            base = head_of(base)
        if (base.dep_ == "pobj" and head_of(base).lower_ == "of"
                and _lemma(head_of(head_of(base))) in _words()["events"]):
            return head_of(head_of(base))
        return next((a for a in [counted, *counted.ancestors] if a.pos_ in ("VERB", "AUX")),
                    None)

    @staticmethod
    def _kind(m: re.Match[str], counted: Token, verb: Token | None, also: Token | None) -> str:
        w = _words()
        currency = "cur" in m.re.groupindex and m.group("cur")
        if currency or w["nouns"].get(_lemma(counted)) == "money":
            return "money"
        if _lemma(counted) in w["measures"] or counted.lower_ in w["measures"]:
            return "other"  # "in less than 48 hours", "shot three times"
        if verb is not None and verb.pos_ not in ("VERB", "AUX"):
            return w["events"][_lemma(verb)]  # "the murder of 10"
        if verb is not None and _lemma(verb) in w["verbs"]:
            return w["verbs"][_lemma(verb)]
        if also is not None:
            return w["verbs"][_lemma(also)]  # "six priests who were killed"
        if verb is not None:  # "left 24 of its troops dead": the small clause says their fate
            state = next((k for c in children_of(verb) if c.dep_ in ("oprd", "acomp")
                          and (k := w["nouns"].get(c.lower_)) in SHARED_KINDS), None)
            if state is not None:
                return state
        kind = w["nouns"].get(_lemma(counted)) or w["nouns"].get(counted.lower_)
        if kind is None and counted.i + 1 < len(counted.doc):  # "left 24 dead"
            after = counted.doc[counted.i + 1]
            kind = w["nouns"].get(_lemma(after)) or w["nouns"].get(after.lower_)
        return kind or "other"

    @staticmethod
    def _value(m: re.Match[str]) -> tuple[float | None, float | None, float | None, bool]:
        w = _words()
        if m.group("vague"):
            low, high = w["vague"][" ".join(m.group("vague").lower().split())]
            return None, float(low), float(high), True
        raw = " ".join(m.group("num").lower().replace(",", "").split())
        value = float(w["numbers"][raw]) if raw in w["numbers"] else float(raw)
        if m.group("scale"):
            value *= w["scales"][m.group("scale").lower()]
        return value, None, None, False

    def _sentence(self, sent: Span) -> tuple[int, list[_Found]]:
        """How many violent acts a sentence reports, and its killed and wounded counts."""
        if sent.start not in self._sentences:
            violence = _words()["violence"]
            words = tokens_of(sent.doc)[sent.start:sent.end]  # a Span builds a token a read
            acts = sum(1 for t in words if t.pos_ == "VERB" and _lemma(t) in violence
                       and any(c.dep_ in ("nsubj", "agent") for c in children_of(t)))
            shared = [f for f in self.found if f.quantity.kind in SHARED_KINDS
                      and sent.start <= f.counted.i < sent.end]
            self._sentences[sent.start] = (sent, acts, shared)
        return self._sentences[sent.start][1:]

    @staticmethod
    def _owned_elsewhere(f: _Found, trigger: Token) -> bool:
        """Whether a count is the "of" phrase of another event noun ("the massacre of
        villagers and the killing of five soldiers": the five were killed, not massacred),
        and so is that act's alone, never shared with the sentence's other violent acts."""
        return f.verb is not None and f.verb.pos_ not in ("VERB", "AUX") \
            and f.verb.i != trigger.i

    def _next_sentence(self, sent: Span) -> Span | None:
        end = sent.end
        if end >= len(sent.doc):
            return None
        return sent.doc[end].sent

    def for_event(self, trigger: Token) -> list[Quantity]:
        """The quantities of the event whose trigger is ``trigger``."""
        out: list[Quantity] = []
        taken: set[int] = set()

        def add(f: _Found) -> None:
            if id(f) not in taken:
                taken.add(id(f))
                out.append(f.quantity)

        sent = trigger.sent
        for f in self.found:
            if f.verb is None or f.counted.sent.start != sent.start:
                continue
            verb = f.verb
            while verb.dep_ == "conj" and head_of(verb).i != trigger.i:
                verb = head_of(verb)  # "killing 12 and wounding 30": both hang from the attack
            if f.verb.i == trigger.i or (f.also is not None and f.also.i == trigger.i):
                add(f)  # "killed 12 soldiers", "deployed 3,000 troops", "the murder of 10"
            elif trigger.dep_ == "xcomp" and head_of(trigger).i == f.verb.i \
                    and f.counted.dep_ in ("nsubj", "nsubjpass"):
                add(f)  # "another 5,000 are supposed to leave": the leaving's count
            elif (verb.dep_ in HANGING and head_of(verb).i == trigger.i
                  and f.quantity.kind in CASUALTY_KINDS and verb.pos_ in ("VERB", "AUX")):
                add(f)  # "attacked the camp, killing 12", "a raid that left 24 dead"
            elif verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "obj") \
                    and head_of(verb).i == trigger.i:
                add(f)  # "carried out the killing of five soldiers": the light verb's act
        if _lemma(trigger) not in _words()["violence"]:
            return out
        acts, shared = self._sentence(sent)
        if acts <= 1:
            for f in shared:
                if not self._owned_elsewhere(f, trigger):
                    add(f)  # "the attack in which 2 people were killed and 30 wounded"
            following = self._next_sentence(sent)
            if following is not None:
                next_acts, next_shared = self._sentence(following)
                if next_acts == 0:
                    for f in next_shared:
                        if not self._owned_elsewhere(f, trigger):
                            add(f)  # "Rebels attacked a bus. Three soldiers died."
        return sorted(out, key=lambda q: q.start or 0)
