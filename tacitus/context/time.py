"""When: find the time expressions of a text and resolve them against the publication date.

News dates events relative to the day it is published: "Dec. 31" in a January article is last
year's, "on Wednesday" is the last Wednesday, "last September" is a month, "next summer" a
season, "by the end of 2014" a deadline. A small grammar over the words of ``data/time.yaml``
finds and resolves these forms, which dateparser misses (see ../shared/NOTES-dependencies.md);
dateparser resolves the absolute dates spaCy tags that the grammar does not know. Every
expression keeps its offsets, so it can be shown and checked.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from tacitus.data import load_time_words
from tacitus.model import EventDate


@dataclass(frozen=True)
class TimeExpr:
    """A resolved time expression: ``value`` is YYYY, YYYY-MM or YYYY-MM-DD.

    precision: day, week (value: its Monday), month, quarter and season (value: their first
    month), year.
    qualifier: None for a point in time, or "before" ("by the end of 2014"), "since",
    "until", "within" ("within the last month"), "duration" ("for months"), "present"
    ("now"), "recent" ("recently"), "future" ("soon").
    kind: the grammar form that matched (for re-resolving toward the future).
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    qualifier: str | None = None
    kind: str = ""


@cache
def _words() -> dict:
    data = load_time_words()
    month_names = {name: int(n) for n, names in data["months"].items() for name in names}
    return {
        "months": month_names,
        "weekdays": {d: i for i, d in enumerate(data["weekdays"])},
        "seasons": {k: int(v) for k, v in data["seasons"].items()},
        "numbers": {k: int(v) for k, v in data["numbers"].items()},
        "units": dict(data["units"]),
        "quarters": {str(k).lower(): int(v) for k, v in data["quarters"].items()},
        "vague": {**{p: "present" for p in data["present"]},
                  **{p: "recent" for p in data["recent"]},
                  **{p: "future" for p in data["future"]}},
    }


def _alt(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


@cache
def _grammar() -> list[tuple[str, str]]:
    """The forms of the grammar, most specific first, as (kind, regular expression)."""
    w = _words()
    month = rf"(?P<month>{_alt(w['months'])})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    yy = r"(?P<yy>'?\d\d)"
    weekday = rf"(?P<weekday>{_alt(w['weekdays'])})"
    season = rf"(?P<season>{_alt(w['seasons'])})"
    rel = r"(?P<rel>last|next|this|coming|past|previous)"
    num = rf"(?P<num>\d+|{_alt(w['numbers'])})"
    unit = r"(?P<unit>day|week|month|year)s?"
    edge = (r"(?P<edge>(?:the\s+)?(?:end|beginning|start|middle)\s+of"
            r"|early|late|mid-?|earlier|later)")
    qual = r"(?P<qual>by|since|until|till|before|after)"
    quarter = rf"(?P<quarter>{_alt(w['quarters'])})[\s-]+quarter"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    forms = [
        ("vague", rf"(?P<vague>{_alt(w['vague'])})"),
        ("quarteryear", rf"(?:the\s+)?{quarter}\s+(?:of\s+)?{year}"),
        ("quarter", rf"(?:the\s+)?{quarter}"),
        ("mdy", rf"{month}\s+{day},?\s+{year}"),
        ("dmy", rf"{day}\s+{month},?\s+{year}"),
        ("dmyy", rf"{day}\s+{month}\s+{yy}"),
        ("iso", r"(?P<year>1[89]\d\d|20\d\d)-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)"),
        ("my", rf"{month},?\s+{year}"),
        ("md", rf"{month}\s+{day}(?![\d:])"),
        ("dm", rf"{day}\s+{month}"),
        ("ago", rf"{num}\s+{unit}\s+ago"),
        ("within", rf"(?:within|in|over|during)\s+the\s+(?:last|past)\s+(?:(?P<num>\d+|"
                   rf"{_alt(w['numbers'])})\s+)?{unit}"),
        ("for", r"for\s+(?P<unit>day|week|month|year)s"),
        ("relunit", rf"{rel}\s+{unit}"),
        ("relseason", rf"{rel}\s+{season}"),
        ("relmonth", rf"{rel}\s+{month}"),
        ("relweekday", rf"{rel}\s+{weekday}{part}"),
        ("deictic", r"(?P<deictic>today|yesterday|tomorrow|tonight|"
                    r"this\s+(?:morning|afternoon|evening))"),
        ("weekday", rf"{weekday}{part}"),
        ("seasonyear", rf"{season}\s+(?:of\s+)?{year}"),
        ("monthonly", r"(?-i:(?P<month>January|February|March|April|May|June|July|August|"
                      r"September|October|November|December))(?!\s+\d)"),
        ("year", rf"(?<![\d,.$])(?:(?:in|during|from|of)\s+)?{year}(?![\d%])"),
    ]
    out = []
    for name, body in forms:
        pattern = rf"\b(?:{qual}\s+)?(?:{edge}\s*)?{body}\b"
        out.append((name, pattern))
    return out


@cache
def _combined() -> tuple[re.Pattern[str], list[str]]:
    """All forms as one alternation, in priority order, scanned once: each form's groups get
    the suffix "__N" (N its position) and the whole form is the group "form__N"."""
    kinds, parts = [], []
    for n, (kind, pattern) in enumerate(_grammar()):
        renamed = re.sub(r"\(\?P<(\w+)>", rf"(?P<\1__{n}>", pattern)
        parts.append(f"(?P<form__{n}>{renamed})")
        kinds.append(kind)
    return re.compile("|".join(parts), re.I), kinds


class _Form:
    """One match of the combined grammar, read as a match of its own form."""

    def __init__(self, m: re.Match[str]) -> None:
        n = int((m.lastgroup or "form__0").rsplit("__", 1)[1])
        suffix = f"__{n}"
        self.n = n
        self._m = m
        self._groups = {k[: -len(suffix)]: v for k, v in m.groupdict().items()
                        if k.endswith(suffix)}

    def group(self, name: str | int = 0) -> str | None:
        return self._m.group(0) if name == 0 else self._groups.get(str(name))

    def groupdict(self) -> dict[str, str | None]:
        return dict(self._groups)

    def span(self) -> tuple[int, int]:
        return self._m.span()


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_months(d: date, n: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + n
    return total // 12, total % 12 + 1


def _nearest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest before the anchor (news reports the past), but
    not a date more than two months ahead ("on March 5" in a February article is ahead)."""
    y = anchor.year
    try:
        candidate = date(y, month, day)
    except ValueError:
        return y
    if candidate > anchor + timedelta(days=62):
        return y - 1
    return y


def _resolve(kind: str, m: _Form, anchor: date | None) -> tuple[str, str] | None:
    """The (value, precision) of one matched form, or None when it cannot be anchored."""
    w = _words()
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    month = w["months"].get((g.get("month") or "").rstrip(".")) if g.get("month") else None
    if kind in ("mdy", "dmy"):
        return _day(int(g["year"]), month, int(g["day"]))
    if kind == "dmyy":
        yy = int(g["yy"].lstrip("'"))
        pivot = (anchor.year % 100 + 5) if anchor else 30
        return _day((1900 if yy > pivot else 2000) + yy, month, int(g["day"]))
    if kind == "iso":
        return _day(int(g["year"]), int(g["mnum"]), int(g["dnum"]))
    if kind == "my":
        return _month_value(int(g["year"]), month), "month"
    if kind == "seasonyear":
        return _month_value(int(g["year"]), w["seasons"][g["season"]]), "season"
    if kind == "year":
        return g["year"], "year"
    if kind == "quarteryear":
        return _month_value(int(g["year"]), 3 * w["quarters"][g["quarter"]] - 2), "quarter"
    if anchor is None:
        return None
    if kind == "vague":
        which = w["vague"][" ".join(g["vague"].split())]
        if which == "present":
            return anchor.isoformat(), "day"
        return _month_value(anchor.year, anchor.month), "month"
    if kind == "quarter":  # the latest such quarter that has begun
        first = 3 * w["quarters"][g["quarter"]] - 2
        y = anchor.year if first <= anchor.month else anchor.year - 1
        return _month_value(y, first), "quarter"
    if kind in ("md", "dm"):
        d = int(g["day"])
        return _day(_nearest_year(month, d, anchor), month, d)
    if kind == "monthonly":
        y = anchor.year if month <= anchor.month + 2 else anchor.year - 1
        return _month_value(y, month), "month"
    if kind == "deictic":
        word = g["deictic"].split()[0]
        delta = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return (anchor + timedelta(days=delta)).isoformat(), "day"
    if kind == "weekday":
        back = (anchor.weekday() - w["weekdays"][g["weekday"]]) % 7
        return (anchor - timedelta(days=back)).isoformat(), "day"
    rel = g.get("rel")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel or "", 0)
    if kind == "relweekday":
        target = w["weekdays"][g["weekday"]]
        if step < 0:
            back = (anchor.weekday() - target) % 7 or 7
            return (anchor - timedelta(days=back)).isoformat(), "day"
        ahead = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat(), "day"
    if kind == "relmonth":
        y = anchor.year
        if step < 0:
            y = y - 1 if month >= anchor.month else y
        elif step > 0:
            y = y + 1 if month <= anchor.month else y
        return _month_value(y, month), "month"
    if kind == "relseason":
        start = w["seasons"][g["season"]]
        latest = anchor.year if anchor.month >= start else anchor.year - 1  # last one begun
        in_season = (anchor.year * 12 + anchor.month) - (latest * 12 + start) <= 2
        if step < 0:
            y = latest - 1 if in_season else latest
        elif step > 0:
            y = latest + 1
        else:  # "this summer": the one under way, else the coming one
            y = latest if in_season else latest + 1
        return _month_value(y, start), "season"
    unit = g.get("unit")
    if kind in ("relunit", "ago", "within", "for"):
        n = 1
        if g.get("num"):
            n = int(g["num"]) if g["num"].isdigit() else w["numbers"].get(g["num"], 1)
        if kind == "ago":
            step = -n
        elif kind in ("within", "for"):
            step = 0
        return _unit_value(anchor, unit, step)
    return None


def _day(y: int, m: int | None, d: int) -> tuple[str, str] | None:
    if m is None or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d).isoformat(), "day"


def _unit_value(anchor: date, unit: str, step: int) -> tuple[str, str]:
    if unit == "day":
        return (anchor + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return monday.isoformat(), "week"
    if unit == "month":
        y, m = _shift_months(anchor, step)
        return _month_value(y, m), "month"
    return f"{anchor.year + step:04d}", "year"


def _edge(value: str, precision: str, edge: str | None) -> tuple[str, str]:
    """ "the end of 2014" is December 2014; "early March" stays March."""
    if not edge or precision != "year":
        return value, precision
    e = edge.lower()
    if "end" in e or e == "late":
        return f"{value}-12", "month"
    if "beginning" in e or "start" in e or e.startswith("early"):
        return f"{value}-01", "month"
    return value, precision


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
QUALIFIERS = {"by": "before", "before": "before", "since": "since", "until": "until",
              "till": "until", "after": "since"}


@cache
def _anchor_words() -> re.Pattern[str]:
    """Words without which no expression of the grammar can match: the grammar only runs in
    windows around them (most of a news text is not about time)."""
    w = _words()
    words = [*w["months"], *w["weekdays"], *w["seasons"], *w["quarters"], *w["vague"],
             "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
             "week", "weeks", "month", "months", "year", "years", "day", "days", "ago",
             "quarter"]
    return re.compile(rf"\b(?:1[89]\d\d|20\d\d|\d{{4}}-\d\d|{_alt(words)})\b", re.I)


def _windows(text: str, before: int = 40, after: int = 30) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _anchor_words().finditer(text):
        a, b = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    # widen each window to word boundaries, so no word is cut in two
    out = []
    for a, b in spans:
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        out.append((a, b))
    return out


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``text`` the grammar knows, resolved, in reading order."""
    anchor = date.fromisoformat(published) if published else None
    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    pattern, kinds = _combined()
    for a, b in _windows(text):
        for raw in pattern.finditer(text, a, b):
            m = _Form(raw)
            kind = kinds[m.n]
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if kind == "year" and m.group(0) == m.group("year"):
                continue  # a bare number: "2000 troops" is no date
            resolved = _resolve(kind, m, anchor)
            if resolved is None:
                continue
            value, precision = _edge(*resolved, m.group("edge"))
            qual = m.group("qual")
            qualifier = QUALIFIERS.get(qual.lower()) if qual else None
            if kind == "within":
                qualifier = "within"
            elif kind == "for":
                qualifier = "duration"
            elif kind == "vague":
                qualifier = _words()["vague"][" ".join(m.group("vague").lower().split())]
            taken.append((start, end))
            found.append(TimeExpr(start, end, text[start:end], value, precision, qualifier,
                                  kind))
    return sorted(found, key=lambda t: t.start)


@cache
def _dateparser(published: str | None):
    """One dateparser parser per anchor date: building one costs more than parsing."""
    import dateparser

    settings: dict = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"],
                      "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


def resolve_with_dateparser(text: str, published: str | None) -> tuple[str, str] | None:
    """An absolute date the grammar does not know ("the 3rd of March, 2009"), via dateparser."""
    data = _dateparser(published).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return f"{d.year:04d}", "year"
    if data.period == "month":
        return _month_value(d.year, d.month), "month"
    return d.isoformat(), "day"


class Dater:
    """Dates the events of one parsed document: the expression of the event's own clause,
    else the nearest one in its sentence, else, for an event reported as current, the
    publication date (with no text and week precision). Background events ("had been
    overthrown"), planned and hypothetical ones get no date rather than a wrong one."""

    def __init__(self, doc: Doc, published: str | None, text: str | None = None) -> None:
        self.published = published
        times = find_times(text if text is not None else doc.text, published)
        taken = [(t.start, t.end) for t in times]
        for ent in doc.ents:  # absolute dates the grammar does not know: dateparser
            if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e
                                           for s, e in taken):
                continue
            if not _YEAR.search(ent.text):
                continue  # dateparser reads "nine years" as 2003: only absolute dates
            if re.fullmatch(r"(?:1[89]|20)\d\d", ent.text):
                resolved: tuple[str, str] | None = (ent.text, "year")  # a year spaCy dates
            elif re.search(r"[A-Za-z]", ent.text):
                resolved = resolve_with_dateparser(ent.text, published)
            else:
                continue  # "1991-1995": a span, not a date
            if resolved:
                times.append(TimeExpr(ent.start_char, ent.end_char, ent.text, *resolved))
        anchor = date.fromisoformat(published) if published else None
        self.spans: list[tuple[TimeExpr, Span]] = []
        for t in times:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            if anchor is not None and _in_future_clause(span.root):
                t = toward_future(t, anchor)  # "will meet on Thursday": the coming one
            self.spans.append((t, span))

    def date_for(self, trigger: Token, modality: str) -> EventDate | None:
        sent = trigger.sent
        here = [(t, s) for t, s in self.spans if s.sent.start == sent.start]
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        for t, span in here:
            if _governs(span.root, trigger, verb):
                return _event_date(t)
        # else a date of a clause above the event ("On Monday officials said rebels attacked"),
        # never one of a clause beside it ("Cisse, appointed in April, said")
        above = [(t, s) for t, s in here
                 if (g := _governor(s.root)) is not None and g in verb.ancestors]
        if above:
            t, _ = min(above, key=lambda ts: abs(ts[1].root.i - trigger.i))
            return _event_date(t)
        # else a date of a present participle beside the verb, which happens at the same time
        # ("Karzai, speaking in Kabul on Dec. 31, hailed ..."); a past participle is background
        beside = [(t, s) for t, s in here
                  if (g := _governor(s.root)) is not None and _simultaneous(g, verb)]
        if beside:
            return _event_date(beside[0][0])
        if self.published is None or modality not in ("asserted", "reported", "disputed"):
            return None
        if trigger.pos_ != "VERB" or not trigger.tag_.startswith("VB"):
            return None  # "the US invasion", "the withdrawal": no tense says it is news
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
            return None  # past perfect: background to the story, not today's news
        return EventDate(value=self.published, precision="week", text=None)


FUTURE_AUX = {"will", "shall", "'ll"}


def _in_future_clause(root: Token) -> bool:
    verb = next((a for a in [root, *root.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX
                                    for c in verb.children)


def toward_future(t: TimeExpr, anchor: date) -> TimeExpr:
    """Re-resolve a weekday, day or month that a future-tense clause governs: ahead of the
    anchor, not behind it."""
    if t.kind not in ("weekday", "md", "dm", "monthonly"):
        return t
    if t.precision == "day":
        d = date.fromisoformat(t.value)
        while d < anchor:
            d = d + timedelta(days=7) if t.kind == "weekday" else d.replace(year=d.year + 1)
        return replace(t, value=d.isoformat())
    y, m = map(int, t.value.split("-"))
    if (y, m) < (anchor.year, anchor.month):
        y += 1
    return replace(t, value=_month_value(y, m))


def _governor(root: Token) -> Token | None:
    return next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _simultaneous(clause: Token, verb: Token) -> bool:
    """A present participle clause of ``verb`` with no subject or conjunction of its own."""
    return (clause.head.i == verb.i and clause.i != verb.i and clause.dep_ == "advcl"
            and clause.tag_ == "VBG"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children))


def _governs(root: Token, trigger: Token, verb: Token) -> bool:
    """Whether a time expression belongs to the trigger's own clause (or its noun)."""
    for anc in [root, *root.ancestors]:
        if anc.i in (trigger.i, verb.i):
            return True
        if anc is not root and anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _event_date(t: TimeExpr) -> EventDate:
    return EventDate(value=t.value, precision=t.precision, text=t.text, start=t.start,
                     end=t.end, qualifier=t.qualifier)
