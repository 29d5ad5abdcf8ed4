"""When: find the time expressions of a text, resolve them, and attach them to events.

News dates events relative to the day it is published: "Dec. 31" in a January article is last
year's, "on Wednesday" is the last Wednesday, "last September" is a month, "next summer" a
season, "by the end of 2014" a deadline, "the day before" the day before the date the text
gave last. A small grammar over the words of ``data/time.yaml`` finds and resolves these
forms, which dateparser misses (see ../shared/NOTES-dependencies.md); dateparser resolves the
absolute dates spaCy tags that the grammar does not know. Every expression keeps its offsets,
its TimeML type (DATE, TIME, DURATION, SET) and value, and what it was resolved against, so
that it can be shown and checked (``CodedDocument.timexes``).

An event takes its date from, in order (``Dater.date_for``): a time expression of its own
clause ("attacked the convoy on Monday", "the invasion in 2003", "since a failed July
coup"); one of a clause above it ("On Monday officials said rebels attacked"); one of a
present participle or a temporal clause beside it ("speaking in Kabul on Dec. 31, hailed",
"said as dawn broke Saturday"); the one date its sentence gives its verbs, for a past event
the parse did not tie to it ("invited them to join in July 1997"); the date written before
the event noun a past verb tells the outcome of ("the May 2004 bombing that killed"); the
time of the story, for a past event of a later sentence that gives none (the date the story
last put its main events on); for a definite event noun, the date of its earlier mention
("the shooting" after "was shot on Oct. 23"); and, for an event reported as current, the
publication date (no text: the day
for a present tense, a present perfect or a state after a present copula, the week for a
past one, which may be the day before). "10 days before the murder" counts back from the day
of the act its noun names, which an earlier mention dates. Nothing is
guessed: background (past perfect, event nouns) and planned or hypothetical events take only
a date their own words give. Every date is checked against publication by tense: an asserted
past event is never dated after it ("since a failed July coup" in May is last July), a
future clause looks ahead ("will meet on Monday" is the coming Monday), and so do a weekday
of a present tense ("the envoys meet Monday") and the date of a present plan ("on Tuesday
the league plans to hold").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from tacitus.context.regex import factor
from tacitus.data import load_quote_verbs, load_time_words
from tacitus.model import CodedDocument, EventDate, Timex
from tacitus.nlp.tree import children_of, entities_of, head_of, tokens_of


@dataclass(frozen=True)
class TimeExpr:
    """A resolved time expression.

    value: the calendar reading, YYYY, YYYY-MM or YYYY-MM-DD ("" when there is none: a
    duration, a regular time, a decade).
    precision: day, week (value: its Monday), month, quarter, half and season (value: their
    first month), year, decade, century; "" for none.
    qualifier: None for a point in time, or "before" ("by the end of 2014"), "since",
    "until", "within" ("within the last month"), "duration" ("for months"), "present"
    ("now"), "recent" ("recently"), "future" ("soon").
    kind: the grammar form that matched (for re-resolving toward the future or the past).
    type: the TimeML type, DATE, TIME, DURATION or SET.
    timeml: the TimeML value ("2012-01-04", "2011-W52", "2012-SU", "P3Y", "PRESENT_REF").
    anchor: what a relative expression was resolved against: "publication", "text" (a date
    the text gave before it) or None (absolute, or a duration).
    shift: for an expression relative to a date of the text ("the day before"), the unit and
    the count it moves by.
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    qualifier: str | None = None
    kind: str = ""
    type: str = "DATE"
    timeml: str = ""
    anchor: str | None = None
    shift: tuple[str, int] | None = None
    anchor_at: int | None = None  # the start of the expression it was resolved against


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
        "durations": {k: (v[0], int(v[1]), bool(v[2]))
                      for k, v in (data.get("duration_units") or {}).items()},
        "sets": dict(data.get("sets") or {}),
        "holidays": {k: (int(v[0]), int(v[1])) for k, v in (data.get("holidays") or {}).items()},
        "day_parts": dict(data.get("day_parts") or {}),
        "future_aux": set(data.get("future_aux") or ("will", "shall", "'ll")),
        "future_verbs": set(data.get("future_verbs") or ()),
        "planning_verbs": set(data.get("planning_verbs") or ()),
        "postponing_verbs": set(data.get("postponing_verbs") or ()),
        "granting_verbs": set(data.get("granting_verbs") or ()),
        "age_nouns": set(data.get("age_nouns") or ()),
        "beginning_verbs": set(data.get("beginning_verbs") or ()),
        "modals_ahead": set(data.get("modals_ahead") or ()),
        "term_words": set(data.get("term_words") or ()),
        "figure_nouns": set(data.get("figure_nouns") or ()),
        "figure_verbs": set(data.get("figure_verbs") or ()),
        "apart_preps": set(data.get("apart_preps") or ()),
        "thing_of_event": set(data.get("thing_of_event") or ()),
        "unchanged_pasts": set(data.get("unchanged_pasts") or ()),
        "event_families": {word: family for family, words in
                           (data.get("event_families") or {}).items() for word in words},
    }


def _alt(names) -> str:
    return factor(sorted((re.escape(n).replace("\\ ", r"\s+") for n in names), key=len,
                         reverse=True))


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}


# words that may follow a time noun that is not an adjective ("the future that awaits him",
# "in the past it said", "over the summer, rivals"; not "the future king", "summer camp")
_NOUN_END = (r"(?:that|which|who|if|and|or|but|when|where|as|is|was|were|will|would|may|might"
             r"|can|could|for|in|into|with|to|at|on|by|than|it|he|she|they|we|you)\b")
_CAPITAL_MONTHS = ("January|February|March|April|May|June|July|August|September|October"
                   "|November|December")
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


@cache
def _ordinal_days() -> dict[str, int]:
    """The days of a month in words: "eighth", "twenty-first" (ordinals in time.yaml, the
    tens joined to them by a hyphen or a space)."""
    ones = {str(k): int(v) for k, v in load_time_words()["ordinals"].items()}
    days = dict(ones)
    for tens, base in (("twenty", 20), ("thirty", 30)):
        for word, n in ones.items():
            if n < 10 and base + n <= 31:
                days[f"{tens}-{word}"] = days[f"{tens} {word}"] = base + n
    return days


def _spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand and one" -> 2001."""
    words = re.split(r"[\s-]+", text.lower().replace(" and ", " "))
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        if not rest:
            return 2000
        return 2000 + _ONES.get(rest[0], _TEENS.get(rest[0], 0)) if len(rest) == 1 else None
    century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}.get(words[0])
    if century is None or len(words) < 2:
        return None
    n = _TENS.get(words[1]) or _TEENS.get(words[1])
    if n is None:
        return None
    if len(words) > 2:
        n += _ONES.get(words[2], 0)
    return century + n


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
    dunit = rf"(?P<dunit>{_alt(w['durations'])}|centurie)s?"
    quarter = rf"(?P<quarter>{_alt(w['quarters'])})[\s-]+(?P<qh>quarter|half)"
    part = rf"(?:\s+(?P<part>{_alt(w['day_parts'])}))?"
    spelled = (r"(?P<spelled>(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty"
               r"|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight"
               r"|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
               r"|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six"
               r"|seven|eight|nine|ten))?)")
    clock = r"(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m)"
    count = (r"(?P<dnum>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
             r"|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
             r"|a\s+few|a\s+couple\s+of|many|several|(?:(?<=\bfor\s)|(?<=\bover\s)"
             r"|(?<=\bwithin\s)|(?<=\bduring\s)|(?<=\blast\s)|(?<=\bpast\s))an?)")
    forms = [
        ("vague", rf"(?P<vague>{_alt(w['vague'])})"),
        # "the future", "in the past": the noun, not the adjective ("the future king", "the
        # past two years"); a function word or punctuation may follow it
        ("ref", rf"(?:in\s+)?the\s+(?P<ref>future|past)(?![ \t]+(?!{_NOUN_END})[a-z0-9])"),
        # "current market conditions", "his current wife": now (TimeML's PRESENT_REF); not
        # "the current account", not "the current year", read as the year
        ("current", r"(?-i:current)(?=\s+(?-i:[a-z]))(?!\s+(?:accounts?|year|quarter|fiscal"
                    r"|period|month|week)\b)"),
        # "the last half of 1989", "the first two quarters of 1990", "the second half of
        # next year": a half of a year the text names, or names from now
        ("halfyear", rf"(?:the\s+)?(?:(?P<hw>first|second|last|latter)\s+half|(?P<hq2>first|last)"
                     rf"\s+two\s+quarters)\s+of\s+(?:{year}|(?P<hyrel>this|last|next)\s+year)"
                     r"(?![\w-])"),
        ("quarteryear", rf"(?:the\s+)?{quarter}\s+(?:of\s+)?{year}"),
        ("yearquarter", rf"(?:the\s+)?{year}\s+{quarter}"),
        # "the 1988 quarter", "the 1989 period": the quarter a business report is on, of
        # that year (``resolve_anchored``)
        ("yearperiod", rf"the\s+{year}\s+(?:quarter|period)(?!\s+of\b)(?![\w-])"),
        ("relquarter", rf"(?P<rel>last|next|this)\s+year's\s+{quarter}"),
        ("agoquarter", rf"the\s+year[\s-]+(?:ago|earlier)\s+{quarter}"),
        ("quarter", rf"(?:the\s+)?{quarter}"),
        # "the quarter", "the latest quarter", "the year-ago period": the quarter a business
        # report is about (not "the quarter of a century", not "the Christian quarter")
        # "the same period last year", "last year's quarter", "the quarter a year ago": that
        # quarter a year before
        ("focusquarter", r"(?:(?:the|this|that)\s+(?:(?P<fqcur>current|latest|same|most\s+recent)"
                         r"\s+|(?:comparable\s+|corresponding\s+)?(?P<fqago>year[\s-]+(?:ago"
                         r"|earlier))\s+|(?P<fqlike>corresponding|comparable)\s+)?"
                         r"|(?P<fqlast>last\s+year's)\s+)(?P<fqunit>quarter|period)"
                         r"(?:\s+(?P<fqago2>(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))"
                         r"(?![\w-])|(?!\s+of\b)(?![\w-]))"),
        # "the week of March 5": the week that day is in
        ("weekof", rf"the\s+week\s+of\s+{month}\s+{day}(?!\d|:\d)"),
        ("mdy", rf"{month}\s+{day},?\s+{year}"),
        ("dmy", rf"{day}\s+{month},?\s+{year}"),
        ("dmyy", rf"{day}\s+{month}\s+{yy}"),
        ("iso", r"(?P<year>1[89]\d\d|20\d\d)-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)"),
        ("my", rf"{month},?\s+{year}"),
        ("mspelled", rf"{month},?\s+{spelled}"),
        ("spelled", rf"(?:the\s+year\s+)?{spelled}"),
        ("wmd", rf"{weekday},?\s+{month}\s+{day}(?!\d|:\d)"),
        ("md", rf"{month}\s+{day}(?!\d|:\d)"),
        # "March eighth", "June twenty-first": a day in words, after a capitalised month
        # ("may first" is a modal)
        ("mdword", r"(?-i:(?P<month>January|February|March|April|May|June|July|August"
                   r"|September|October|November|December))\s+"
                   rf"(?P<oday>{_alt(_ordinal_days())})(?![\w-])"),
        ("dm", rf"{day}\s+{month}"),
        # "10:35 a.m. (0735 GMT) Friday": the same time in another zone may stand between
        ("clock", rf"(?:{clock}|(?P<noon>noon|midday|midnight)|(?P<hour2>1[0-2]|[1-9])"
                  r"(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<dpart>morning|afternoon|evening)"
                  r"|at\s+(?P<night>night)))(?:\.?,?\s+(?:[ECMP][SD]T,?"
                  r"\s+|GMT,?\s+|\(\d{1,2}:?\d\d\s+(?:GMT|UTC|[ECMP][SD]T)\),?\s+)?"
                  rf"(?:on\s+)?(?:{weekday}|(?P<cmonth>{_alt(w['months'])})\.?"
                  r"\s+(?P<cday>[0-3]?\d)))?"),
        ("holiday", rf"(?P<hrel>last\s+|next\s+|this\s+)?(?P<holiday>{_alt(w['holidays'])}"
                    r"|thanksgiving(?:\s+day)?|election\s+day|easter(?:\s+sunday)?)"
                    # "Easter week", "Christmas week": the week the day is in
                    r"(?:\s+(?P<hweek>week)(?![\w-]))?"),
        ("ago", rf"{num}\s+{unit}\s+ago"),
        # "the day before yesterday", "the day after next Tuesday": one day, counted from
        # the day it names (not from the text's last date, as "the day before" alone is)
        ("dayaround", rf"(?:the\s+)?day\s+(?P<around>before|after)\s+(?:(?P<rdeic>yesterday"
                      rf"|tomorrow)|{rel}\s+{weekday})(?![\w-])"),
        # "the day before" a gerund ("the day after returning home") is the day of an act
        # the text dates nowhere; before a noun phrase or a clause ("the day after his
        # death", "the day after he spoke") it is as near the text's last date as any
        ("anchored", r"(?:the\s+(?P<arel>(?:day|week|month|year)\s+(?:before|after))"
                     r"(?![ \t]+(?!(?:during|morning|evening|thing|nothing|something)\b)"
                     r"(?-i:[a-z]+ing)\b)|"
                     r"the\s+(?P<adir>previous|following|next|same)\s+(?:(?P<aunit>day|week"
                     r"|month|year)|(?P<apart>morning|afternoon|evening|night))|(?P<an>a|one|two|three|four|five|six|seven|\d+)\s+"
                     r"(?P<aunit2>day|week|month|year)s?\s+(?P<adir2>later|earlier)|"
                     # "10 days before the murder": counted back from the day of an act the
                     # text told (TimeML's span is the count alone); "after" is left out, as
                     # "90 days after their issue date" is mostly a span (DURATION)
                     r"(?<!for\s)(?<!waited\s)(?<!lasted\s)(?<!spent\s)"
                     r"(?P<bn>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                     r"(?P<bunit>day|week)s?(?=\s+before\s+(?:the|his|her|its|their)\s)|"
                     r"(?:earlier|later)\s+that\s+(?P<aunit3>day|week|month|year)|"
                     r"that\s+(?P<aunit4>year)(?![\w-])|"
                     r"that\s+(?:same\s+)?day|the\s+same\s+day|"
                     # "placed orders in the morning", "by mid afternoon": that part of the
                     # text's last day (not of a day named right after it: "mid-afternoon
                     # yesterday" is yesterday's, "during the evening of 12 June" the 12th's)
                     r"(?:(?:(?<=\bin\s)|(?<=\bduring\s))the\s+(?P<apart2>morning|afternoon"
                     r"|evening)|mid[\s-]?(?P<apart3>morning|afternoon))(?![\w-])"
                     rf"(?!,?\s+(?:of\b|on\s+)?(?:yesterday|today|tomorrow|{weekday}))"
                     r"(?!\s+of\b)(?![\w-]))"),
        # "year-earlier net income", "year-ago results": the same period a year before
        ("yearago", r"year[\s-]+(?:ago|earlier)(?![\w-])"),
        ("prevweekday", rf"the\s+(?P<pdir>previous|following)\s+{weekday}"),
        ("within", rf"(?:within|in|over|during)\s+the\s+(?:last|past)\s+(?:(?P<num>\d+|"
                   rf"{_alt(w['numbers'])})\s+)?{unit}"),
        ("for", r"for\s+(?P<unit>day|week|month|year)s"),
        ("relunit", rf"{rel}\s+{unit}"),
        ("relseason", rf"{rel}\s+{season}"),
        ("relmd", rf"{rel}\s+{month}\s+{day}(?!\d|:\d)"),
        ("relmonth", rf"{rel}\s+{month}"),
        # "in July last year", "April next year": a month of the year named relative to now
        ("monthrelyear", r"(?-i:(?P<month>January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct"
                         r"|Nov|Dec))\.?\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year(?![\w-])"),
        ("relweekday", rf"{rel}\s+{weekday}{part}"),
        ("deictic", r"(?P<deictic>today|yesterday|tomorrow|tonight|last\s+night|"
                    r"this\s+(?:morning|afternoon|evening))"),
        # "year-end", "by year's end", "the current fiscal year", "the full year": the year
        # of publication
        ("thisyear", r"(?:year[\s-]+end|year's\s+end|the\s+(?:current\s+(?:fiscal\s+)?|full\s+)"
                     r"year)(?![\w-])"
                     # "for the year", "the fiscal year": the year reported on, not one a
                     # clause or a date bounds ("the year ended Sept. 30", "the year he
                     # left", "the year before")
                     r"|the\s+(?:fiscal\s+)?year(?![\w-])(?!\s+(?:\d|two|nineteen|ended|ending"
                     r"|to\b|before|after|since|earlier|ago|when|that|which|in\s+which|he|she|it|they"
                     r"|we|i\b|of\s+the\b))"),
        ("weekday", rf"{weekday}{part}"),
        # "over the weekend": the last one begun, "next weekend" the coming one (its week,
        # TimeML "1991-W08-WE")
        ("weekend", r"(?P<wkrel>the|this|last|past|next|coming)\s+weekend(?![\w-])"),
        ("seasonyear", rf"{season}\s+(?:of\s+)?(?:{year}|{spelled})"),
        ("monthonly", r"(?-i:(?P<month>January|February|March|April|May|June|July|August|"
                      r"September|October|November|December))(?!\s+\d)"
                      # "the March of Hope", "the March for Peace": a name
                      r"(?!\s+(?:of|for)\s+(?:the\s+)?(?-i:[A-Z]))"),
        ("decade", r"(?:the\s+)?(?P<decade>1[89]\d0|20\d0)'?s"),
        # "the nineties", "the '80s": the decade of that name nearest the anchor
        ("shortdecade", rf"the\s+(?:(?P<dword>{_alt(_DECADE_WORDS)})|'(?P<dd>[1-9]0)s)(?![\w-])"),
        # "over the summer", "the early summer": the season of that name nearest the anchor
        # ("the fall" and "the spring" only with the article; never before a noun, "summer
        # camp", or a year, "the summer of 1989")
        ("season", rf"(?:(?:the\s+)?(?P<season>summer|winter|autumn)|the\s+(?P<season2>spring"
                   rf"|fall))(?![ \t]+(?!{_NOUN_END})\w)(?!\s+of\b)"),
        ("century", r"(?:the\s+)?(?P<cent>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century"),
        # "each July" too, a capitalised month ("each may" is a modal)
        ("set", rf"(?P<every>every|each)\s+(?P<sunit>{_alt(w['durations'])}|{_alt(w['weekdays'])}"
                rf"|{_alt(w['seasons'])}|(?-i:{_CAPITAL_MONTHS}))(?![\w-])"
                rf"|(?P<setword>{_alt(w['sets'])})"),
        ("duration", rf"{count}[\s-]+{dunit}(?:[\s-]+long)?"
                     r"(?!\s+(?:ago|later|earlier|old|before|after))(?![\w-]*-old)"),
        ("plainduration", r"(?<=\bfor\s)(?P<pdunit>hours|days|weeks|months|years|decades)"),
        # "fiscal 1989" is a year before any noun; "2082.1" is a figure
        ("year", rf"(?<![\d,.$])(?:(?:in|during|from|of)\s+)?(?:fiscal\s+)?{year}(?![\d%]|\.\d)"),
    ]
    return forms


@cache
def _prefix() -> str:
    """What may precede any form: a qualifier ("by", "since") and an edge ("the end of")."""
    qual = r"(?P<qual>by|since|until|till|before|after)"
    edge = (r"(?P<edge>(?:the\s+)?(?:end|beginning|start|middle)\s+of"
            r"|early|late|mid-?|earlier|later)")
    # every form starts with a letter or a digit: the look-ahead fails at once at the end of
    # a word, where "\b" alone had the engine try each of the forms (a third of its time)
    return rf"\b(?=\w)(?:{qual}\s+)?(?:{edge}\s*)?"


@cache
def _combined() -> tuple[re.Pattern[str], list[str]]:
    """All forms as one alternation after one shared prefix, in priority order, scanned
    once: each form's groups get the suffix "__N" (N its position) and the whole form is the
    group "form__N"."""
    kinds, parts = [], []
    for n, (kind, pattern) in enumerate(_grammar()):
        renamed = re.sub(r"\(\?P<(\w+)>", rf"(?P<\1__{n}>", pattern)
        parts.append(f"(?P<form__{n}>{renamed})")
        kinds.append(kind)
    return re.compile(_prefix() + "(?:" + "|".join(parts) + r")\b", re.I), kinds


@cache
def _form_groups() -> dict[str, tuple[int, list[tuple[str, str]]]]:
    """For each form's group "form__N": N, and the names of that form's groups, combined
    and plain, in the pattern's order (reading only these, not all the grammar's groups)."""
    pattern, _ = _combined()
    names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    out: dict[str, tuple[int, list[tuple[str, str]]]] = {}
    for name in names:
        if name.startswith("form__"):
            n = int(name.rsplit("__", 1)[1])
            suffix = f"__{n}"
            out[name] = n, [(k, k[: -len(suffix)]) for k in names if k.endswith(suffix)]
    return out


class _Form:
    """One match of the combined grammar, read as a match of its own form."""

    def __init__(self, m: re.Match[str]) -> None:
        n, names = _form_groups()[m.lastgroup or "form__0"]
        self.n = n
        self._m = m
        self._groups = {short: m.group(name) for name, short in names}
        self._groups["qual"] = m.group("qual")
        self._groups["edge"] = m.group("edge")

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
    ahead = anchor + timedelta(days=62)
    try:
        if date(y, month, day) > ahead:
            return y - 1
        if date(y + 1, month, day) <= ahead:
            return y + 1  # "on Jan. 5" in a December article: the coming January
    except ValueError:  # 29 February
        pass
    return y


def _weekday_of(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday(name: str, y: int) -> date:
    w = _words()
    name = " ".join(name.lower().split())
    if name in w["holidays"]:
        return date(y, *w["holidays"][name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("election"):  # the Tuesday after the first Monday of November
        first = date(y, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    return _easter(y)


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
    if kind in ("mspelled", "spelled"):
        y = _spelled_year(g["spelled"])
        if y is None:
            return None
        return (_month_value(y, month), "month") if month else (f"{y:04d}", "year")
    if kind == "seasonyear":  # "summer 1998", "the winter of nineteen eighty-six"
        y = int(g["year"]) if g.get("year") else _spelled_year(g["spelled"])
        return (_month_value(y, w["seasons"][g["season"]]), "season") if y else None
    if kind in ("year", "yearperiod"):
        return g["year"], "year"
    if kind in ("quarteryear", "yearquarter"):
        return _part(int(g["year"]), g)
    if kind == "halfyear":
        if g.get("year"):
            y = int(g["year"])
        elif anchor is None:
            return None
        else:
            y = anchor.year + {"last": -1, "next": 1}.get(g["hyrel"], 0)
        second = (g.get("hw") or g.get("hq2")) in ("second", "last", "latter")
        return _month_value(y, 7 if second else 1), "half"
    if kind == "decade":
        return g["decade"], "decade"
    if kind == "century":
        return f"{int(g['cent']) - 1:02d}00", "century"
    if kind in ("set", "duration", "plainduration"):
        return "", ""
    if anchor is None:
        return None
    if kind == "vague":
        which = w["vague"][" ".join(g["vague"].split())]
        if which == "present":
            return anchor.isoformat(), "day"
        return _month_value(anchor.year, anchor.month), "month"
    if kind in ("ref", "current"):
        return anchor.isoformat(), "day"
    if kind == "shortdecade":
        tens = _DECADE_WORDS[g["dword"]] if g.get("dword") else int(g["dd"]) // 10
        y = anchor.year // 100 * 100 + 10 * tens  # of the century that puts it nearer
        y = min((y - 100, y, y + 100), key=lambda c: abs(c + 5 - anchor.year))
        return f"{y}", "decade"
    if kind == "season":  # the one under way, else the nearer of the last and the next
        start = w["seasons"][g.get("season") or g["season2"]]
        latest = anchor.year if anchor.month >= start else anchor.year - 1
        now = anchor.year * 12 + anchor.month
        since_end = now - (latest * 12 + start + 2)
        y = latest if since_end <= (latest + 1) * 12 + start - now else latest + 1
        return _month_value(y, start), "season"
    if kind == "quarter":  # the latest such quarter that has begun
        first = _first_month(g)
        y = anchor.year if first <= anchor.month else anchor.year - 1
        return _part(y, g)
    if kind == "focusquarter":  # the last quarter ended; ``resolve_anchored`` may re-anchor it
        modifier = (g.get("fqcur") or "").split()[:1]
        ago = _year_before(g)
        if (g["fqunit"] == "period" or g.get("fqlike")) and not (modifier or ago):
            return None  # "the period", "the comparable quarter": no quarter named
        q = (anchor.month - 1) // 3 + (0 if modifier == ["current"] else -1)
        y = anchor.year + (q // 4) - (1 if ago else 0)
        return _month_value(y, 3 * (q % 4) + 1), "quarter"
    if kind == "relquarter":
        step = {"last": -1, "next": 1}.get(g["rel"], 0)
        return _part(anchor.year + step, g)
    if kind == "agoquarter":
        return _part(anchor.year - 1, g)
    if kind == "weekof":
        d = int(g["day"])
        day = _day(_nearest_year(month, d, anchor), month, d)
        return _unit_value(date.fromisoformat(day[0]), "week", 0) if day else None
    if kind in ("md", "dm", "wmd", "mdword"):
        d = _ordinal_days()[" ".join(g["oday"].split())] if kind == "mdword" else int(g["day"])
        y = _nearest_year(month, d, anchor)
        if kind == "wmd":  # "Monday, Oct. 26": the year, near the anchor, that it is a Monday
            y = next((c for c in (y, y - 1, y + 1) if _weekday_of(c, month, d)
                      == w["weekdays"][g["weekday"]]), y)
        return _day(y, month, d)
    if kind == "monthonly":
        return _month_value(_nearest_year(month, 1, anchor), month), "month"
    if kind == "holiday":
        step = {"last": -1, "next": 1}.get((g.get("hrel") or "").strip(), 0)
        d = _holiday(g["holiday"], anchor.year)
        if step < 0 or (step == 0 and d > anchor + timedelta(days=62)):
            d = _holiday(g["holiday"], anchor.year - 1)
        elif step > 0 and d <= anchor:
            d = _holiday(g["holiday"], anchor.year + 1)
        return _unit_value(d, "week", 0) if g.get("hweek") else (d.isoformat(), "day")
    if kind == "clock":
        if g.get("cmonth"):
            cmonth = w["months"][g["cmonth"]]
            return _day(_nearest_year(cmonth, int(g["cday"]), anchor), cmonth, int(g["cday"]))
        if g.get("weekday"):
            back = (anchor.weekday() - w["weekdays"][g["weekday"]]) % 7
            return (anchor - timedelta(days=back)).isoformat(), "day"
        return anchor.isoformat(), "day"
    if kind == "dayaround":
        way = 1 if g["around"] == "after" else -1
        if g.get("rdeic"):  # "the day before yesterday": two days back
            return _unit_value(anchor, "day", (1 if g["rdeic"] == "tomorrow" else -1) + way)
        target = w["weekdays"][g["weekday"]]
        if g["rel"] in ("last", "past", "previous"):
            day = anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)
        else:
            day = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
        return _unit_value(day, "day", way)
    if kind == "deictic":
        word = g["deictic"].split()[0]
        delta = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
        return (anchor + timedelta(days=delta)).isoformat(), "day"
    if kind == "weekday":
        back = (anchor.weekday() - w["weekdays"][g["weekday"]]) % 7
        return (anchor - timedelta(days=back)).isoformat(), "day"
    if kind == "thisyear":
        return f"{anchor.year:04d}", "year"
    if kind == "weekend":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if g["wkrel"] in ("next", "coming"):
            saturday += timedelta(days=7)
        return _unit_value(saturday, "week", 0)
    if kind == "prevweekday":
        target = w["weekdays"][g["weekday"]]
        if g["pdir"] == "previous":
            back = (anchor.weekday() - target) % 7 or 7
            return (anchor - timedelta(days=back)).isoformat(), "day"
        ahead = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat(), "day"
    if kind == "anchored":
        unit, n = _anchored_shift(g)
        return _unit_value(anchor, unit, n)
    if kind == "yearago":
        return _unit_value(anchor, "year", -1)
    if kind == "monthrelyear":
        return _month_value(anchor.year + {"last": -1, "next": 1}.get(g["yrel"], 0), month), \
            "month"
    rel = g.get("rel")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel or "", 0)
    if kind == "relweekday":
        target = w["weekdays"][g["weekday"]]
        if step < 0:
            back = (anchor.weekday() - target) % 7 or 7
            return (anchor - timedelta(days=back)).isoformat(), "day"
        ahead = (target - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat(), "day"
    if kind == "relmd":  # "last Oct. 23": the latest Oct. 23 before the anchor
        d = int(g["day"])
        y = _nearest_year(month, d, anchor)
        if step < 0 and (month, d) >= (anchor.month, anchor.day):
            y = anchor.year - 1
        elif step < 0:
            y = anchor.year
        elif step > 0:
            y = anchor.year + 1 if (month, d) <= (anchor.month, anchor.day) else anchor.year
        return _day(y, month, d)
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


def _anchored_shift(g: dict) -> tuple[str, int]:
    """How far "the day before", "two weeks later", "the following year" move from the date
    the text gave before them."""
    g = {k: v.lower() for k, v in g.items() if isinstance(v, str)}
    if g.get("arel"):
        unit, way = g["arel"].split()
        return unit, -1 if way == "before" else 1
    if g.get("adir"):  # "the next morning": the next day
        step = {"previous": -1, "following": 1, "next": 1}.get(g["adir"], 0)
        return g.get("aunit") or "day", step
    if g.get("adir2"):
        n = g["an"]
        count = int(n) if n.isdigit() else {"a": 1, **_ONES}.get(n, 1)
        return g["aunit2"], count if g["adir2"] == "later" else -count
    if g.get("bunit"):
        n = g["bn"]
        return g["bunit"], -(int(n) if n.isdigit() else {**_ONES, "ten": 10}[n])
    if g.get("aunit3") or g.get("aunit4"):
        return g.get("aunit3") or g["aunit4"], 0
    return "day", 0


def _day_part(m: _Form) -> str | None:
    """The part of the day an anchored expression names ("the next morning", "in the
    evening", "by mid afternoon")."""
    return m.group("apart") or m.group("apart2") or m.group("apart3")


def _year_before(g: dict) -> bool:
    """Whether a report's quarter is named a year back ("the year-ago quarter", "last year's
    period", "the same period last year")."""
    return bool(g.get("fqago") or g.get("fqlast") or g.get("fqago2"))


def _first_month(g: dict) -> int:
    n = _words()["quarters"][g["quarter"]]
    return 6 * n - 5 if (g.get("qh") or "quarter") == "half" else 3 * n - 2


def _part(y: int, g: dict) -> tuple[str, str]:
    half = (g.get("qh") or "quarter") == "half"
    return _month_value(y, _first_month(g)), "half" if half else "quarter"


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
# words after a bare year that leave it a year ("in 1992 and 1994", "1994, when")
_AFTER_YEAR = re.compile(r"\s*(?:$|[^\w\s]|(?:and|or|to|through|when|after|before|as|but|"
                         r"while|until|was|were|is|had|has|saw|with)\b|[A-Z])")


@cache
def _anchor_words() -> re.Pattern[str]:
    """Words without which no expression of the grammar can match: the grammar only runs in
    windows around them (most of a news text is not about time)."""
    w = _words()
    words = [*w["months"], *w["weekdays"], *w["seasons"], *w["quarters"], *w["vague"],
             *w["sets"], *w["holidays"], *w["day_parts"],
             "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening",
             "week", "weeks", "weekend", "month", "months", "year", "years", "day", "days", "ago",
             "quarter", "half", "hour", "hours", "minute", "minutes", "seconds",
             "decade", "decades", "century", "centuries", "future", "past", "current",
             "thanksgiving", "period", *_DECADE_WORDS,
             "easter", "nineteen", "a.m", "p.m"]
    return re.compile(rf"\b(?:1[89]\d\d|20\d\d|\d{{4}}-\d\d|\d{{4}}s|{_alt(words)})\b"
                      r"|'\d0s\b", re.I)  # "the '80s"


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


_TYPES = {"clock": "TIME", "set": "SET", "duration": "DURATION", "plainduration": "DURATION",
          "within": "DURATION", "for": "DURATION"}
_TEXT_ANCHORED = {"anchored", "prevweekday"}
# how near a month or a year must be for "a year later" to count from it ("that year" names
# the year the text gave, however far back)
_NEAR_CHARS = 300
# the same period a year before: re-anchored to the quarter a text reports on
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
# the earliest a thing may come: "as early as Tuesday", "as soon as Monday"
_EARLIEST = re.compile(r"\bas\s+(?:early|soon)\s+as\s+(?:on\s+)?$", re.IGNORECASE)
_CONNECTIVE_AFTER = re.compile(r"\s+(?:as|after|before)\b")
_LATEST = re.compile(r"\b(?:latest|most\s+recent)\b", re.IGNORECASE)
_YEAR_BACK = re.compile(r"(?:(?:a|one)\s+)?year[\s-]+(?:ago|earlier)", re.IGNORECASE)
_ABSOLUTE = {"mdy", "dmy", "dmyy", "iso", "my", "mspelled", "spelled", "seasonyear", "year",
             "quarteryear", "yearquarter", "yearperiod", "decade", "century", "set", "duration",
             "plainduration"}


def timeml_value(t: TimeExpr, m: _Form | None = None) -> str:
    """A time expression's value in TimeML's notation."""
    refs = {"present": "PRESENT_REF", "recent": "PAST_REF", "future": "FUTURE_REF"}
    if t.qualifier in refs:
        return refs[t.qualifier]
    if t.kind == "ref" and m is not None:
        return "FUTURE_REF" if (m.group("ref") or "").lower() == "future" else "PAST_REF"
    if t.type in ("DURATION", "SET") and m is not None:
        return _period(t.kind, m)
    if t.precision == "decade":
        return t.value[:3] + "X"
    if t.precision == "century":
        return t.value[:2]
    base = _calendar(t.value, t.precision)
    if t.kind == "weekend":
        return base + "-WE"
    if t.kind == "clock" and m is not None and t.precision == "day":
        return base + _clock(m)
    if t.kind in ("weekday", "relweekday") and m is not None and m.group("part"):
        code = _words()["day_parts"].get(m.group("part").lower(), "")
        return f"{base}T{code}" if code else base
    if t.kind == "anchored" and m is not None and _day_part(m):
        return f"{base}T{_words()['day_parts'].get(_day_part(m).lower(), '')}"
    if t.kind == "deictic" and m is not None and " " in (m.group("deictic") or ""):
        code = _words()["day_parts"].get(m.group("deictic").split()[-1].lower(), "")
        return f"{base}T{code}" if code else base  # "this morning": 2012-01-04TMO
    return base


def _calendar(value: str, precision: str) -> str:
    if precision in ("quarter", "half"):
        y, mo = value.split("-")
        return f"{y}-Q{(int(mo) + 2) // 3}" if precision == "quarter" else \
            f"{y}-H{(int(mo) + 5) // 6}"
    if precision == "week":
        y, wk, _ = date.fromisoformat(value).isocalendar()
        return f"{y:04d}-W{wk:02d}"
    if precision == "season":
        y, mo = value.split("-")
        return f"{y}-{ {3: 'SP', 6: 'SU', 9: 'FA', 12: 'WI'}.get(int(mo), mo)}"
    return value


def _clock(m: _Form) -> str:
    noon = (m.group("noon") or "").lower()
    if noon:
        return "T" + _words()["day_parts"].get(noon, "12:00")
    if m.group("hour2"):  # "4 in the morning", "10 at night"
        hour = int(m.group("hour2")) % 12
        late = (m.group("dpart") or "morning").lower() != "morning" or \
            bool(m.group("night") and hour >= 6)
        return f"T{hour + (12 if late else 0):02d}:00"
    hour = int(m.group("hour") or 0)
    minute = int(m.group("minute") or 0)
    pm = (m.group("ampm") or "").lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return f"T{hour:02d}:{minute:02d}"


def _period(kind: str, m: _Form) -> str:
    w = _words()
    if kind == "set":
        if m.group("setword"):
            return w["sets"][m.group("setword").lower()]
        unit = m.group("sunit").lower()
        if unit in w["durations"]:
            letter, size, clock = w["durations"][unit]
            return f"P{'T' if clock else ''}{size}{letter}"
        if unit in w["months"]:
            return f"XXXX-{w['months'][unit]:02d}"  # "each July": TimeML's XXXX-07
        return "P1W" if unit in w["weekdays"] else "P1Y"
    if kind in ("within", "for", "plainduration"):
        unit = (m.group("unit") or m.group("pdunit") or "year").lower().rstrip("s")
        raw = m.group("num") if kind == "within" else None
        letter, size, clock = w["durations"].get(unit, ("Y", 1, False))
        if kind == "within" and raw is None:
            n: int | None = 1
        else:
            n = _count(raw)
        amount = "X" if n is None else str(n * size)
        return f"P{'T' if clock else ''}{amount}{letter}"
    unit = m.group("dunit").lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    letter, size, clock = w["durations"].get(unit, ("Y", 1, False))
    n = _count(m.group("dnum"))
    if n is None:
        return f"P{'T' if clock else ''}X{letter}"
    return f"P{'T' if clock else ''}{n * size:g}{letter}"


def _count(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw.replace(".", "", 1).isdigit():
        return int(float(raw)) if float(raw).is_integer() else None
    if raw in ("a", "an"):
        return 1
    if raw in ("several", "many", "a few", "few", "a couple of"):
        return None
    return _words()["numbers"].get(raw)


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``text`` the grammar knows, resolved, in reading order.

    An expression relative to a date of the text ("the day before") is resolved against the
    last day the text gave before it (else the publication date)."""
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
            if kind == "year" and m.group(0) == m.group("year") \
                    and not _AFTER_YEAR.match(text, end) \
                    and not _YEAR_PREFIX.search(text, max(0, start - 5), start):
                continue  # a bare number: "2000 troops" is no date ("post-1959 Cuba" is)
            if kind == "spelled" and not re.search(r"\b(?:nineteen|the)\b", m.group(0), re.I):
                continue  # "two thousand" alone is a number ("by the year two thousand" is not)
            if kind == "vague" and m.group(0).lower() == "soon" and (
                    _AS_BEFORE.search(text, max(0, start - 4), start)
                    or _CONNECTIVE_AFTER.match(text, end)):
                continue  # "as soon as Tuesday", "soon after he arrived": a connective
            if _title_or_idiom(kind, m, text, start):
                continue
            t = _expression(kind, m, text, anchor)
            if t is None:
                continue
            taken.append((start, end))
            found.append(t)
    found.sort(key=lambda t: t.start)
    return resolve_anchored(found, anchor)


_YEAR_PREFIX = re.compile(r"\b(?:pre|post)-$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"(?-i:\b[A-Z][\w'-]*)[ \t]+$")


def _title_or_idiom(kind: str, m: _Form, text: str, start: int) -> bool:
    """A programme's or a paper's name, or an idiom, that only looks like a time: "This
    Week" (a capital unit), "VOA Today" (a capital "Today" right after a name), "high
    noon"."""
    if kind == "relunit":
        return (m.group("unit") or "a")[0].isupper()
    if kind == "deictic" and m.group(0)[0].isupper() and " " not in m.group(0):
        return _TITLE_BEFORE.search(text, max(0, start - 30), start) is not None
    if kind == "clock" and (m.group("noon") or "").lower() == "noon":
        return re.search(r"\bhigh\s+$", text[max(0, start - 6):start], re.I) is not None
    if kind == "deictic" and m.group(0).lower() in ("today", "tomorrow"):
        end = m.span()[1]
        if re.match(r"['\u2019]s\b", text[end:end + 2]):
            return _nowadays_after().match(text, end) is not None
        return _NOWADAYS_BEFORE.search(text, max(0, start - 4), start) is not None
    return False


_NOWADAYS_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)


@cache
def _nowadays_after() -> re.Pattern[str]:
    """ "today's youth", "tomorrow's world", "today's personal computers": the present or the
    coming age, no day ("the people of tomorrow" too, ``_NOWADAYS_BEFORE``); "today's vote"
    is a day's."""
    nouns = _alt(_words()["age_nouns"] or ["world"])
    return re.compile(rf"['\u2019]s\s+(?:[a-z]+[ \t]+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


def _expression(kind: str, m: _Form, text: str, anchor: date | None) -> TimeExpr | None:
    resolved = _resolve(kind, m, anchor)
    if resolved is None:
        return None
    start, end = m.span()
    value, precision = _edge(*resolved, m.group("edge"))
    qual = m.group("qual")
    qualifier = QUALIFIERS.get(qual.lower()) if qual else None
    if kind == "within":
        qualifier = "within"
    elif kind in ("for", "plainduration", "duration"):
        qualifier = "duration"
    elif kind == "vague":
        qualifier = _words()["vague"][" ".join(m.group("vague").lower().split())]
    elif kind == "current":
        qualifier = "present"
    type_ = _TYPES.get(kind, "DATE")
    deictic = (m.group("deictic") or "").lower()
    if kind == "deictic" and deictic.startswith(("this", "last")):
        type_ = "TIME"  # "this morning", "last night"; TimeML types "tonight" DATE
    if kind == "anchored" and _day_part(m):
        type_ = "TIME"  # "the next morning", "in the morning"
    shift = _anchored_shift(m.groupdict()) if kind == "anchored" else None
    if kind == "focusquarter" and (m.group("fqcur") or "").lower() != "current":
        shift = ("quarter", -4 if _year_before(m.groupdict()) else 0)
    if kind == "prevweekday":
        shift = (m.group("pdir").lower(), _words()["weekdays"][m.group("weekday").lower()])
    if kind == "mdword":
        kind = "md"  # "March eighth" is "March 8" from here on (tense may move its year)
    t = TimeExpr(start, end, text[start:end], value, precision, qualifier, kind, type_,
                 anchor=None if kind in _ABSOLUTE else "publication", shift=shift)
    if precision != resolved[1]:  # "early 1991": TimeML gives the year (its mod, the part)
        return replace(t, timeml=_calendar(*resolved))
    return replace(t, timeml=timeml_value(t, m), anchor=t.anchor)


def resolve_anchored(times: list[TimeExpr], published: date | None) -> list[TimeExpr]:
    """Re-resolve the expressions relative to a date of the text ("the day before", "two
    days later", "the previous Friday") against the last day-precise date before them."""
    out: list[TimeExpr] = []
    last: date | None = None
    last_at: int | None = None
    quarter: TimeExpr | None = None  # the quarter the text last named ("third-quarter")
    coarse: TimeExpr | None = None  # the month or year the text last named ("June 1998")
    period: TimeExpr | None = None  # the quarter reported on, named or not ("latest quarter")
    for t in times:
        if t.kind == "focusquarter" and quarter is None and period is None \
                and re.fullmatch(r"(?i)the\s+same\s+period", t.text):
            continue  # "the same period" in a text that named no quarter: no quarter
        if period is not None and _YEAR_BACK.fullmatch(t.text) and (
                t.kind != "anchored" or last_at is None or last_at < period.start):
            # "a year ago", "year-earlier" in a report on a quarter: that quarter a year
            # before ("third-quarter profit ... compared with a loss a year ago": 1988-Q3);
            # tested first, so that a second pass (the Dater's, after tense) neither takes
            # the quarter it gave for one the text named nor moves it again
            y, m = map(int, period.value.split("-"))
            resolved = _month_value(y - 1, m), "quarter"
            out.append(replace(t, value=resolved[0], precision="quarter", anchor="text",
                               timeml=_calendar(*resolved), anchor_at=period.start))
            continue
        if t.kind == "focusquarter" and quarter is not None and t.shift is not None and \
                not (_LATEST.search(t.text) and t.value and quarter.value > t.value):
            # the quarter the text named, unless "the latest quarter" would then be one not
            # yet ended ("fourth-quarter" forecasts in an October report)
            y, m = map(int, quarter.value.split("-"))
            resolved = _month_value(y + t.shift[1] // 4, m), "quarter"
            t = replace(t, value=resolved[0], anchor="text", timeml=_calendar(*resolved),
                        anchor_at=quarter.start)
        elif t.kind == "yearperiod" and quarter is not None:
            # "the 1988 quarter" after "third-quarter profit": the third quarter of 1988
            resolved = _month_value(int(t.value[:4]), int(quarter.value[5:7])), "quarter"
            t = replace(t, value=resolved[0], precision="quarter", anchor="text",
                        timeml=_calendar(*resolved), anchor_at=quarter.start)
        elif t.precision == "quarter" and t.value and t.kind not in ("focusquarter",
                                                                       "yearperiod") \
                and not _YEAR_BACK.fullmatch(t.text):
            quarter = t
        if t.precision == "quarter" and t.value and t.shift in (None, ("quarter", 0)) \
                and t.kind != "yearperiod":
            period = t  # the quarter reported on: named, or "the latest quarter"
        if t.kind == "anchored" and coarse is not None and t.shift is not None and \
                (last_at is None or last_at < coarse.start) and \
                (t.shift[1] == 0 or t.start - coarse.end <= _NEAR_CHARS
                 or re.match(r"(?i)the\s+(?:following|previous|next)\b", t.text)) and \
                (t.shift[0] == "year" or (t.shift[0] == "month" and coarse.precision == "month")):
            # "fled in June 1998 and returned later that year": 1998, from the month
            y, m = (int(x) for x in (coarse.value + "-01").split("-")[:2])
            resolved = _unit_value(date(y, m, 1), str(t.shift[0]), int(t.shift[1]))
            t = replace(t, value=resolved[0], precision=resolved[1], anchor="text",
                        timeml=_calendar(*resolved), anchor_at=coarse.start)
        elif t.kind in _TEXT_ANCHORED and last is not None and t.shift is not None:
            if t.kind == "prevweekday":  # "the previous Friday": from the text's date
                way, target = t.shift
                if way == "previous":
                    d = last - timedelta(days=(last.weekday() - int(target)) % 7 or 7)
                else:
                    d = last + timedelta(days=(int(target) - last.weekday()) % 7 or 7)
                resolved = d.isoformat(), "day"
            else:
                resolved = _unit_value(last, str(t.shift[0]), int(t.shift[1]))
            part = t.timeml[t.timeml.index("T"):] if "T" in t.timeml else ""  # "TMO"
            t = replace(t, value=resolved[0], precision=resolved[1], anchor="text",
                        timeml=_calendar(*resolved) + part, anchor_at=last_at)
        if t.precision == "day" and t.type in ("DATE", "TIME") and t.value \
                and t.kind not in ("vague",):
            last = date.fromisoformat(t.value)
            last_at = t.start
        elif t.precision in ("month", "year") and t.type == "DATE" and t.value \
                and t.anchor != "text" and t.kind != "vague":
            coarse = t
        out.append(t)
    return out


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


# -- tense: which way an underspecified date points ----------------------------------------

def clause_verb(root: Token) -> Token | None:
    """The verb of the clause a time expression (or any word) belongs to."""
    return next((a for a in [root, *root.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def tense(verb: Token | None) -> str | None:
    """ "future" (will, is to, is scheduled to, plans to, a present with a time ahead),
    "past" (a past tense, a perfect), or None."""
    if verb is None:
        return None
    w = _words()
    chain = [verb]
    v = verb
    while v.dep_ in ("xcomp", "conj") and head_of(v).i != v.i and len(chain) < 4:
        v = head_of(v)
        chain.append(v)
    lemma = verb.lemma_.lower()
    if lemma in w["planning_verbs"] and present(verb):
        return "future"  # "on Tuesday the league plans to hold a news conference"
    aux = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if (lemma in w["planning_verbs"] or lemma in w["postponing_verbs"]) and verb.tag_ == "VBN" \
            and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in aux) \
            and not any(c.dep_ == "auxpass" for c in aux):
        return "future"  # "has scheduled a briefing for Thursday", "have delayed it to May"
    if lemma in w["planning_verbs"] and any(c.dep_ == "auxpass" for c in children_of(verb)):
        return None  # "the accession was planned for early March": the plan's time, either way
    if _plan_participle(verb):
        return None  # "a summit set for May": likewise
    for v in chain:
        aux = [c for c in children_of(v) if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in w["future_aux"] for c in aux):
            return "future"
        if v is not verb and v.lemma_.lower() in w["future_verbs"]:
            # "had been due to expire Friday": a past plan, for a day either way
            return None if _pluperfect(v) else "future"
        if v.lower_ == "going" and any(c.dep_ == "xcomp" for c in children_of(v)):
            return "future"
    aux = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "VBD" or c.lower_ in ("had", "'d") for c in aux) or (
            verb.tag_ == "VBD" and not aux) or _unchanged_past(verb):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl") and not aux:
        return "past"  # "the envoy killed last September"
    if any(c.lower_ == "to" for c in aux) and _looks_ahead(verb):
        return "future"
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and not aux and head_of(verb).i != verb.i:
        return tense(head_of(verb))  # "began trading this summer": the tense of "began"
    return None


def _pluperfect(word: Token) -> bool:
    """A past perfect ("had planned"), or the complement of one ("had been due")."""
    holder = head_of(word) if word.dep_ == "acomp" else word
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in children_of(holder))


def _looks_ahead(infinitive: Token) -> bool:
    """A to-infinitive that names what is still to come: the complement of a verb of
    planning ("plans to hold"), of a noun ("an agreement to acquire the bank in January", "a
    deadline to sign"), of an adjective ("ready to leave as soon as Tuesday") or of "be"
    ("is to resume trading Tuesday"); not a purpose ("went to Paris to meet him on Monday")
    or the complement of another verb ("tried to flee on Monday")."""
    head = head_of(infinitive)
    if infinitive.dep_ == "acl":
        return head.pos_ in ("NOUN", "PROPN")
    if infinitive.dep_ != "xcomp":
        return False
    return head.lemma_.lower() in _words()["future_verbs"] or head.pos_ == "ADJ" or (
        head.lemma_ == "be" and head.pos_ == "AUX")


def _unchanged_past(verb: Token) -> bool:
    """A past the tagger read as a present because it has the present's form ("Weakness in
    big stocks hurt the index on Friday", "the bank cut its rate"): a singular noun
    subject would take "hurts", so "hurt" after it is the past."""
    return verb.tag_ == "VBP" and verb.lower_ in _words()["unchanged_pasts"] and any(
        c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in children_of(verb))


def present(verb: Token) -> bool:
    """A present tense, simple or progressive ("say", "is holding"), not a perfect."""
    aux = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_ == "have" or c.tag_ in ("VBD", "MD") or c.lower_ == "to" for c in aux):
        return False
    if _unchanged_past(verb):
        return False
    return verb.tag_ in ("VBP", "VBZ") or (
        verb.tag_ == "VBG" and any(c.tag_ in ("VBP", "VBZ") for c in aux))


_UNDERSPECIFIED = {"weekday", "md", "dm", "monthonly", "holiday", "quarter", "relweekday",
                   "weekend", "relseason", "season"}


def _weekday_kind(t: TimeExpr) -> str:
    """A time of day on a weekday ("at 4 a.m. Thursday") moves with tense as its weekday."""
    if t.kind == "clock" and t.precision == "day" and _weekday_word().search(t.text):
        return "weekday"
    return t.kind


@cache
def _weekday_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(_words()['weekdays'])})\b", re.IGNORECASE)


def toward_future(t: TimeExpr, anchor: date) -> TimeExpr:
    """Re-resolve a weekday, day or month that a future-tense clause governs: ahead of the
    anchor, not behind it. ("Monday, Oct. 26" names its year by its weekday.)"""
    kind = _weekday_kind(t)
    if t.kind == "weekend" and t.value and \
            date.fromisoformat(t.value) + timedelta(days=5) < anchor:
        return _revalue(t, (date.fromisoformat(t.value) + timedelta(days=7)).isoformat())
    if t.kind == "season" and t.value:  # "will be ready by the summer": not one ended
        y, m = map(int, t.value.split("-"))
        ended = anchor.year * 12 + anchor.month > y * 12 + m + 2
        return _revalue(t, _month_value(y + 1, m)) if ended else t
    if kind not in ("weekday", "md", "dm", "monthonly", "holiday") or not t.value \
            or t.precision == "week":  # "Easter week": the holiday's own year decides
        return t
    if t.precision == "day":
        d = date.fromisoformat(t.value)
        while d < anchor:
            d = d + timedelta(days=7) if kind == "weekday" else _next_year(d, t)
        return _revalue(t, d.isoformat())
    y, m = map(int, t.value.split("-"))
    if (y, m) < (anchor.year, anchor.month):
        y += 1
    return _revalue(t, _month_value(y, m))


def toward_past(t: TimeExpr, anchor: date) -> TimeExpr:
    """Re-resolve a weekday, day, month or "this" season of a past-tense clause that fell
    after the anchor: "since a failed July coup" in May is last July, "began trading this
    summer" in November is the summer gone."""
    kind = _weekday_kind(t)
    this_season = t.kind == "relseason" and re.search(r"\bthis\b", t.text, re.I)
    if (t.kind == "season" or this_season) and t.value:
        y, m = map(int, t.value.split("-"))
        return _revalue(t, _month_value(y - 1, m)) if (y, m) > (anchor.year, anchor.month) \
            else t
    if kind not in ("md", "dm", "monthonly", "holiday", "weekday") or not t.value \
            or t.precision == "week":
        return t
    if t.precision == "day":
        d = date.fromisoformat(t.value)
        while d > anchor:
            d = d - timedelta(days=7) if kind == "weekday" else _next_year(d, t, -1)
        return _revalue(t, d.isoformat())
    y, m = map(int, t.value.split("-"))
    if (y, m) > (anchor.year, anchor.month):
        y -= 1
    return _revalue(t, _month_value(y, m))


def _next_year(d: date, t: TimeExpr, step: int = 1) -> date:
    if t.kind == "holiday":
        m = _combined()[0].search(t.text)
        name = _Form(m).group("holiday") if m else None
        if name:
            return _holiday(name, d.year + step)
    try:
        return d.replace(year=d.year + step)
    except ValueError:  # 29 February
        return d.replace(year=d.year + step, day=28)


def _revalue(t: TimeExpr, value: str) -> TimeExpr:
    if value == t.value:
        return t
    timeml = _calendar(value, t.precision)
    if "T" in t.timeml:
        timeml += t.timeml[t.timeml.index("T"):]
    if t.kind == "weekend":
        timeml += "-WE"
    return replace(t, value=value, timeml=timeml)


# -- attaching times to events --------------------------------------------------------------

ATTACHMENT = ("clause", "clause above", "beside", "event", "sentence", "story", "mention",
              "publication")
STORY_DAYS = 10  # a story's own time is at most this many days before publication


class Dater:
    """Finds the time expressions of one parsed document and dates its events (see the
    module docstring for the order in which an event takes its date)."""

    def __init__(self, doc: Doc, published: str | None, text: str | None = None) -> None:
        self.published = published
        text = text if text is not None else doc.text
        times = find_times(text, published)
        taken = [(t.start, t.end) for t in times]
        for ent in entities_of(doc):  # absolute dates the grammar does not know: dateparser
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
                times.append(TimeExpr(ent.start_char, ent.end_char, ent.text, *resolved,
                                      timeml=_calendar(*resolved)))
        times.sort(key=lambda t: t.start)
        self.anchor = anchor = date.fromisoformat(published) if published else None
        spans: list[tuple[TimeExpr, Span]] = []
        for t in times:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            if anchor is not None and _weekday_kind(t) in _UNDERSPECIFIED \
                    and t.anchor == "publication":
                verb = clause_verb(span.root)
                way = tense(verb)
                if way is None and _weekday_kind(t) == "weekday" and verb is not None \
                        and present(verb) and _adverbial(span.root, verb):
                    way = "future"  # "the two leaders meet Monday": the coming Monday
                if way is None and verb is not None and _modal_ahead(verb):
                    way = "future"  # "said the summit would be held on April 24": ahead
                if way != "future" and verb is not None and _moved_to(span, verb):
                    way = "future"  # "postponed the vote until Tuesday": the coming one
                if way is None and _EARLIEST.search(text, max(0, t.start - 16), t.start):
                    way = "future"  # "could come as early as Tuesday": the coming one
                if way == "future":
                    t = toward_future(t, anchor)  # "will meet on Thursday": the coming one
                elif verb is not None and (
                        _plan_participle(verb) or verb.lemma_.lower() in _words()[
                            "planning_verbs"]) and _direct(span.root, verb):
                    # "a summit set for May", "planned a march on Saturday": what was
                    # planned is ahead of the planning, as likely ahead of publication as
                    # past; so is a weekday after a simple past planning verb ("planned a
                    # march on Saturday"), the nearer of the two. "On Friday, the government
                    # planned to pay" is when it planned; "a vigil planned for Saturday was
                    # called off", "had scheduled talks for Thursday" keep the past one
                    t = _nearer(t, toward_future(t, anchor), anchor,
                                weekday=span.start > verb.i and verb.tag_ == "VBD"
                                and not _pluperfect(verb))
                elif _deadline(t, span):
                    t = _nearer(t, toward_future(t, anchor), anchor)  # "effective Feb. 1"
                elif way == "past" and _direct(span.root, clause_verb(span.root)):
                    t = toward_past(t, anchor)  # "met in July" in May: last July
            spans.append((t, span))
        # the relative expressions of the text follow the dates as tense left them
        fixed = _restated(resolve_anchored([t for t, _ in spans], anchor), text)
        self.spans: list[tuple[TimeExpr, Span]] = [
            (t, s) for t, (_, s) in zip(fixed, spans, strict=True)]
        self._by_sent: dict[int, list[tuple[TimeExpr, Span]]] = {}
        self._story: list[tuple[int, TimeExpr, bool]] = []
        self._after_beside: dict[int, TimeExpr] = {}
        self._stems: dict[str, list[int]] | None = None
        self._counted: dict[int, int] = {}  # expression start -> the act noun it counts from
        for _ in range(2):  # the second time with the counts from acts the first one dated
            self._by_sent = {}
            for t, s in self.spans:
                if t.kind != "current":  # "the current government" says when it governs,
                    # not when its clause's act was done: a timex, no date for events
                    self._by_sent.setdefault(s.sent.start, []).append((t, s))
            if not self._count_from_acts():
                break
        self._story = self._story_times(doc)
        self._after_beside = self._beside_days(doc)

    def _count_from_acts(self) -> bool:
        """Count "10 days before the murder" back from the day of the act its noun names,
        which an earlier mention dates ("Slepian was shot on Oct. 23"); without one the
        expression has no date (the text's last date may be another occasion's). Whether
        any expression was so counted."""
        changed = False
        for n, (t, span) in enumerate(self.spans):
            if t.kind != "anchored" or t.shift is None or span.start in self._counted \
                    or not re.match(r"\s+before\s", span.doc.text[span.end_char:]):
                continue
            before = span.doc[span.end] if span.end < len(span.doc) else None
            noun = next((c for c in children_of(before) if c.dep_ == "pobj"), None) \
                if before is not None else None
            if noun is None or noun.pos_ != "NOUN":
                continue
            self._counted[span.start] = noun.i
            found = self._mentioned(noun, "asserted")
            if found is not None and found.precision == "day":
                value, precision = _unit_value(date.fromisoformat(found.value), t.shift[0],
                                               t.shift[1])
                fixed = replace(t, value=value, precision=precision, anchor="text",
                                timeml=_calendar(value, precision), anchor_at=found.start)
            else:
                fixed = replace(t, value="", precision="", timeml="", anchor=None)
            self.spans[n] = (fixed, span)
            changed = True
        return changed

    @property
    def times(self) -> list[TimeExpr]:
        return [t for t, _ in self.spans]

    def timexes(self) -> list[Timex]:
        """Every expression for the output contract, with ids t1..tN in reading order."""
        ids = {t.start: f"t{n}" for n, (t, _) in enumerate(self.spans, start=1)}
        out = []
        for t, _ in self.spans:
            anchor = ids.get(t.anchor_at) if t.anchor == "text" else t.anchor
            out.append(Timex(id=ids[t.start], start=t.start, end=t.end, text=t.text,
                             type=t.type, value=t.timeml or None, anchor=anchor))
        return out

    # -- the story's time -------------------------------------------------------------
    def _story_times(self, doc: Doc) -> list[tuple[int, TimeExpr, bool]]:
        """(sentence start, time, whether it is the story's own day) for each sentence whose
        main verb a date of the past governs: the time the story puts its events on, until
        another. A day of the last days before publication is the story's own time; a date
        that ended before them turns the story to background ("In July 1997, the alliance
        announced"), which its next sentences go on telling until a date turns it back."""
        out: list[tuple[int, TimeExpr, bool]] = []
        recent = self.anchor - timedelta(days=STORY_DAYS) if self.anchor else None
        for start, here in sorted(self._by_sent.items()):
            aside: TimeExpr | None = None
            for t, span in here:
                if t.type not in ("DATE", "TIME") or t.qualifier or not t.value \
                        or t.kind == "vague":
                    continue
                verb = clause_verb(span.root)
                if verb is None or verb.i != verb.sent.root.i or not _direct(span.root, verb) \
                        or tense(verb) != "past":
                    continue
                if recent is None or (t.precision == "day" and recent <= date.fromisoformat(
                        t.value) <= self.anchor):
                    out.append((start, t, True))
                    aside = None
                    break
                if aside is None and t.precision in ("day", "week", "month", "season", "year") \
                        and _last_day(t) < recent and self._qualifier(t, verb) is None:
                    aside = t  # background ("the bombing on Aug. 7, 1998", "in 1994")
            if aside is not None:
                out.append((start, aside, False))
        return out

    def _beside_days(self, doc: Doc) -> dict[int, TimeExpr]:
        """For the sentence after one whose past main verb a participle beside it dates ("X,
        speaking in Kabul on Dec. 31, hailed the statement."), that day: a report there
        ('"...," he said.') goes on telling the same occasion. It carries no further: the
        occasion is an aside of the story, not its time."""
        out: dict[int, TimeExpr] = {}
        for here in self._by_sent.values():
            for t, span in here:
                g = _governor(span.root)
                root = span.sent.root
                if t.type != "DATE" or t.precision != "day" or t.qualifier or g is None \
                        or g.i == root.i or not _simultaneous(g, root) \
                        or tense(root) != "past" or not _direct(span.root, g) or (
                            self.anchor is not None and not 0 <= (
                                self.anchor - date.fromisoformat(t.value)).days <= STORY_DAYS):
                    continue
                if span.sent.end < len(doc):
                    out[span.sent.end] = t
                break
        return out

    def story_time(self, trigger: Token) -> TimeExpr | None:
        """The story's time at the trigger's sentence: the last day the story put its events
        on, or the background date it turned to since (not for a sentence with a date of
        its own, which has left that background)."""
        t, background = self._story_at(trigger)
        if background and any(x.type == "DATE" and x.kind != "vague"
                              for x, _ in self._by_sent.get(trigger.sent.start, [])):
            return None
        return t

    def _story_at(self, trigger: Token) -> tuple[TimeExpr | None, bool]:
        """The last time the story put its events on before the trigger's sentence, and
        whether it is background; a report of what was said is of the story's own day,
        however far back what it reports goes."""
        last, background, at, story = None, False, 0, None
        reports = _reports(trigger)
        for start, t, own in self._story:
            if start >= trigger.sent.start:
                break
            if own:
                story = t
            if own or not reports:
                last, background, at = t, not own, start
        if background and any(_current_root(sent.root) for sent in
                              trigger.doc[at:trigger.sent.start].sents):
            return story, False  # "..., the group has maintained that": back to the story
        return last, background

    # -- one event --------------------------------------------------------------------
    def date_for(self, trigger: Token, modality: str) -> EventDate | None:
        found = self.attach(trigger, modality)
        if found is None:
            return self._current(trigger, modality)
        t, how = found
        d = _event_date(t, how, self._qualifier(t, trigger))
        return self._checked(d, t, trigger, modality)

    def attach(self, trigger: Token, modality: str, discourse: bool = True
               ) -> tuple[TimeExpr, str] | None:
        """The time expression that dates the event ``trigger`` names, and how it was found
        (``discourse``: also from other sentences, the story's time or an earlier mention)."""
        here = [(t, s) for t, s in self._by_sent.get(trigger.sent.start, [])
                if t.value and t.precision not in ("decade", "century") and not _bare_clock(t)
                and self._counted.get(s.start) != trigger.i]  # not the act it counts from
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else head_of(trigger)
        if trigger.pos_ in ("VERB", "AUX"):
            here = [(t, s) for t, s in here if not _compared(s.root, trigger)]
        setting = _setting_noun(trigger)
        own = [(t, s) for t, s in here if _governs(s.root, trigger, verb) or (
            trigger.pos_ == "NOUN" and (_before_noun(s, trigger) or _relative_of(s, trigger)
                                        or _scheduled_for(s, trigger))) or (
            setting is not None and _relative_of(s, setting)) or (
            (f := _fronted_to(s)) is not None and f.i in (trigger.i, verb.i))]
        if trigger.pos_ in ("VERB", "AUX"):
            own = [(t, s) for t, s in own if not _modifies_noun(s, trigger)]
        if trigger.pos_ in ("VERB", "AUX"):
            own = [(t, s) for t, s in here if _when_of(s, trigger)] or own
        if own:
            t, _ = min(own, key=lambda ts: abs(ts[1].root.i - trigger.i))
            return t, "clause"
        # else a date of a clause above the event ("On Monday officials said rebels attacked"),
        # never one of a clause beside it ("Cisse, appointed in April, said")
        here = [(t, s) for t, s in here if t.kind != "vague"]  # "now" is no clause's time
        above = [(t, s) for t, s in here
                 if (g := _fronted_to(s) or _governor(s.root)) is not None
                 and g in verb.ancestors and not _present_aside(trigger, g)]
        if above and not _time_apart(trigger):
            t, _ = min(above, key=lambda ts: abs(ts[1].root.i - trigger.i))
            return t, "clause above"
        # else a date of a present participle or a temporal clause beside the verb, which
        # happens at the same time ("Karzai, speaking in Kabul on Dec. 31, hailed ...",
        # "officials said as dawn broke Saturday"); a past participle is background
        beside = [(t, s) for t, s in here
                  if (g := _governor(s.root)) is not None and _simultaneous(g, verb)]
        if beside:
            return beside[0][0], "beside"
        began = self._began(verb, here)
        if began is not None:
            return began, "clause"
        if modality in ("planned", "hypothetical", "negated"):
            return None
        if trigger.pos_ == "VERB" and (_simple_past(trigger) or (
                trigger.dep_ == "acl" and trigger.tag_ == "VBN")):
            of_event = _of_dated_noun(trigger, here)
            if of_event is not None:
                return of_event, "event"
        if trigger.pos_ in ("VERB", "AUX") and tense(verb) == "past" and _simple_past(verb) \
                and trigger.dep_ not in ("relcl", "acl", "amod"):
            own = _sentence_time(verb, here)
            if own is not None:
                return own, "sentence"
            period = self._period(trigger) if discourse and _reports_figure(trigger) \
                and not any(t.type == "DATE" and t.kind != "vague" for t, _ in here) else None
            if period is not None:
                return period, "story"  # "Sales climbed 8%" in a report on the third quarter
            if discourse and setting is not None and _reports(trigger):
                mentioned = self._mentioned(setting, modality)
                if mentioned is not None:
                    return mentioned, "mention"  # "In the letter, X said" after "a letter
                    # dated Monday"
            named = _named_time(here, trigger) if discourse and not _reports(trigger) \
                else None
            if named is not None:
                return named, "sentence"  # "was killed ... in an attack on Friday"
            story = None
            if discourse:
                story = self._after_beside.get(trigger.sent.start) if _reports(trigger) \
                    else None
                story = story or self.story_time(trigger)
            if story is not None:
                return story, "story"
        if discourse and trigger.pos_ in ("VERB", "AUX") and tense(verb) == "past" \
                and trigger.dep_ not in ("relcl", "acl", "amod") and not _reports(trigger) \
                and not any(c.lower_ in ("had", "'d") for c in children_of(verb)):
            named = _named_time(here, trigger)
            if named is not None and named.precision == "day":
                return named, "sentence"  # "have been killed in the blasts on Friday"
        if discourse and trigger.pos_ == "NOUN":
            mentioned = self._mentioned(trigger, modality)
            if mentioned is not None:
                return mentioned, "mention"
        head = (_participle_head(trigger) or _setting_of(trigger) or (
            _participle_head(head_of(trigger)) if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
            else None)) if discourse else None
        if head is not None:  # "Rojas accepted the papers, marking their entry": its date;
            # "Addressing a ceremony at the embassy, the minister said": the ceremony's
            found = self.attach(head, modality, discourse)
            if found is not None and found[1] in ("story", "sentence", "clause above"):
                return found[0], "beside"
        return None

    def _period(self, trigger: Token) -> TimeExpr | None:
        """The quarter a business report is on: the last ended quarter the text named
        before the trigger's sentence ("third-quarter profit", "the latest period"), not a
        year-back comparison or a forecast."""
        if self.anchor is None:
            return None
        last = None
        for t, span in self.spans:
            if span.start >= trigger.sent.start:
                break
            if t.precision != "quarter" or t.type != "DATE" or not t.value or \
                    _YEAR_BACK.fullmatch(t.text) or t.shift not in (None, ("quarter", 0)):
                continue
            y, m = map(int, t.value.split("-"))
            if date(y + (m + 2) // 12, (m + 2) % 12 + 1, 1) <= self.anchor:  # it has ended
                last = t
        return last

    def _mentioned(self, noun: Token, modality: str) -> TimeExpr | None:
        """The date of an earlier mention of the event a definite noun names again ("the
        shooting" after "Slepian was shot on Oct. 23", "the ceremony" after "at a ceremony
        on Friday", "the envoy's slaying" after "was killed on March 3"): the nearest earlier
        word of the same stem or event family that its own words date."""
        if not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                   or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in children_of(noun)):
            return None
        if self._stems is None:  # the document's event words by stem, read once
            self._stems = {}
            for token in tokens_of(noun.doc):
                if token.pos_ in ("VERB", "NOUN"):
                    self._stems.setdefault(_stem(token), []).append(token.i)
        # "the killing of eight Iranian diplomats" counts its participants in its own
        # of-phrase: it is the earlier event only where that event's sentence has the same
        # count ("the killing of Dr. X" may still name "killed a doctor", and "the kidnapping
        # of the Peruvian businessman" one whose nationality was not repeated)
        marks = {t.lower_ for p in children_of(noun) if p.dep_ == "prep" and p.lower_ == "of"
                 for t in p.subtree if t.pos_ == "NUM"}
        for i in reversed(self._stems.get(_stem(noun), [])):
            if i >= noun.sent.start:
                continue
            earlier = noun.doc[i]
            if marks and not marks <= {t.lower_ for t in earlier.sent}:
                continue
            found = self.attach(earlier, modality, discourse=False)
            if found is None:
                continue
            t, how = found
            return t if how in ("clause", "clause above", "beside") and t.qualifier is None \
                and t.type == "DATE" else None
        return None

    @staticmethod
    def _began(verb: Token, here: list[tuple[TimeExpr, Span]]) -> TimeExpr | None:
        """A perfect whose subject says when it began: "the war that began in 2011 has
        killed" is since 2011."""
        if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb)):
            return None
        for subject in (c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")):
            for clause in children_of(subject):
                if clause.dep_ not in ("relcl", "acl") or \
                        clause.lemma_.lower() not in _words()["beginning_verbs"]:
                    continue
                for t, span in here:
                    if _governs(span.root, clause, clause):
                        return replace(t, qualifier="since")
        return None

    def _current(self, trigger: Token, modality: str) -> EventDate | None:
        """The publication date, for an event reported as current: its day for a present
        tense, its week for a past one. A negation reported as current holds then too
        ("Terms weren't disclosed", "the rebels do not control the town"): it is dated as
        an asserted event would be, never from other sentences."""
        if self.published is None or modality not in ("asserted", "reported", "disputed",
                                                      "negated"):
            return None
        copula = _copula(trigger)
        if copula is not None:
            # a state its predicate tells ("women are dependent on aid", "this is an
            # assault", "there have been no arrests") holds on the day of publication when
            # its copula is a present; a past one may be background ("it was a tragedy")
            if not (present(copula) or _present_perfect(copula)):
                return None
            trigger = copula
        elif trigger.pos_ != "VERB" or not trigger.tag_.startswith("VB"):
            return None  # "the US invasion", "the withdrawal": no tense says it is news
        if any((t.type in ("DURATION", "SET") or (s.start in self._counted and not t.value))
               and _governs(s.root, trigger, trigger)
               for t, s in self._by_sent.get(trigger.sent.start, [])):
            return None  # "killed 300 people over three decades": a span, not this week;
            # "two weeks before the shooting" of an undated shooting: not this week either
        # a participle, infinitive or gerund has the tense of the finite verb it hangs on
        # ("are still trying to reach", "a crowd is gathering, chanting"), an adjective
        # participle that of its copula ("I am shocked")
        verb = _finite(trigger) or trigger
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in children_of(verb)):
            return None  # past perfect: background to the story, not today's news
        # a present tense holds on the day of publication ("officials say", "is holding",
        # "is expected"), and so does a present perfect, which tells the state of things
        # then ("no group has claimed the attack"); a past one may be the day before: the week
        now = (tense(verb) is None and (present(verb) or _present_passive(verb))) or \
            _present_perfect(verb)
        if trigger is not verb and tense(trigger) == "future":
            return None  # "a strategy to strike a deal", "willing to go": still to come
        if _simple_past(trigger) and _describes_thing(trigger):
            return None  # "the blast that killed ten", "a raid that left 24 dead": background
        if tense(verb) == "past" and trigger.tag_ != "VBG" and self._reported_before(trigger):
            return None  # '"America has announced ...," he said' on Dec. 31: not this week
        if _simple_past(verb) and self._story_at(trigger)[1]:
            return None  # a past told among background ("In July 1997, ..."): not news
        return EventDate(value=self.published, precision="day" if now else "week",
                         text=None, attached="publication")

    def _reported_before(self, trigger: Token) -> bool:
        """Whether the trigger is told in a report dated before the week of publication,
        which it cannot be later than."""
        report = next((a for a in trigger.ancestors if a.pos_ == "VERB" and _reports(a)), None)
        if report is None or self.anchor is None:
            return False
        found = self.attach(report, "asserted")
        monday = self.anchor - timedelta(days=self.anchor.weekday())
        return found is not None and found[0].precision == "day" and \
            date.fromisoformat(found[0].value) < monday

    def _qualifier(self, t: TimeExpr, trigger: Token) -> str | None:
        """The qualifier of the expression, or of the preposition that governs the phrase
        it sits in ("since a failed July coup": since)."""
        span = next((s for x, s in self.spans if x is t), None)
        if span is not None and _when_of(span, trigger):
            return None  # "since March, when the port reopened": it reopened in March
        if t.qualifier is not None:
            return t.qualifier
        if span is None or span.start in self._counted:
            return None  # "10 days before the murder": its "before" is the count's
        node = span.root
        for _ in range(3):
            head = head_of(node)
            if head.i == node.i or head.i == trigger.i:
                return None
            if head.dep_ == "prep" or head.pos_ in ("ADP", "SCONJ"):
                return QUALIFIERS.get(head.lower_)
            if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return None
            node = head
        return None

    def _checked(self, d: EventDate, t: TimeExpr, trigger: Token, modality: str
                 ) -> EventDate | None:
        """No asserted past event after publication: a date that falls after it is dropped
        (the expressions that tense could move were moved already), unless the words of
        the time's own clause look ahead ("planned to join a rally on Sunday") and the
        event's own verb is no past tense."""
        if self.anchor is None or modality in ("planned", "hypothetical"):
            return d
        if d.qualifier in ("before", "until", "future", "within", "duration"):
            return d
        if not after_publication(d.value, self.anchor.isoformat()):
            return d
        if trigger.pos_ in ("VERB", "AUX") and tense(trigger) == "past" \
                and not _controls(trigger):
            return None  # "before the doctor died", under "plans to hold ... on Tuesday"
        span = next((s for x, s in self.spans if x is t), None)
        if span is not None and tense(clause_verb(span.root)) == "future":
            return d
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else head_of(trigger)
        if tense(verb) == "past" or (trigger.pos_ in ("VERB", "AUX") and trigger.tag_ == "VBD"):
            return None
        return d


_FINITE = ("VBD", "VBZ", "VBP")


def _finite(verb: Token) -> Token | None:
    """The finite verb whose tense a word of a verb chain takes: itself when it has a tense
    of its own (or a tensed auxiliary), else the nearest verb above it within its sentence."""
    v: Token | None = verb
    for _ in range(4):
        if v is None:
            return None
        if v.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in (*_FINITE, "MD")
                                    for c in children_of(v)):
            return v
        if v.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp", "amod", "relcl", "acomp"):
            return None  # a subject or object gerund, a root participle: no tense to borrow
        v = clause_verb(head_of(v)) if head_of(v).i != v.i else None
    return None


def _copula(word: Token) -> Token | None:
    """The copula that makes a word a predicate: the adjective or noun after "be" ("are
    dependent", "is an assault"), or "be" itself as a main verb ("security is tight")."""
    if word.pos_ in ("ADJ", "NOUN") and word.dep_ in ("acomp", "attr"):
        head = head_of(word)
        return head if head.lemma_ == "be" and head.i != word.i else None
    if word.pos_ == "AUX" and word.lemma_ == "be" and word.dep_ not in ("aux", "auxpass"):
        return word
    return None


def _when_of(span: Span, verb: Token) -> bool:
    """Whether the verb's clause is a "when" clause of the time expression ("in 1968, when
    the Soviets invaded", "early December, when crowds rallied"): the time it happened."""
    return verb.dep_ in ("relcl", "advcl", "acl") and span.start <= head_of(verb).i < span.end \
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in children_of(verb))


def _present_perfect(verb: Token) -> bool:
    """A present perfect, active or passive ("has claimed", "have been urged"): what it
    tells holds on the day of publication, though the act may be older."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                      and c.tag_ in ("VBZ", "VBP") for c in children_of(verb))


def _present_passive(verb: Token) -> bool:
    """A present passive ("is expected", "are urged"), which ``present`` leaves out because
    a passive planning verb names the plan's time, not today."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
                                      for c in children_of(verb)) and not any(
        c.dep_ == "aux" for c in children_of(verb))


def _nearer(t: TimeExpr, ahead: TimeExpr, anchor: date, weekday: bool = False) -> TimeExpr:
    """Of a day or month read back and read ahead, the one nearer the anchor (a deadline of
    a news story is as likely ahead as just past); a weekday keeps its reading unless
    ``weekday`` (a plan's: "planned a march on Saturday")."""
    if (_weekday_kind(t) == "weekday" and not weekday) or not t.value or not ahead.value:
        return t

    def gap(x: TimeExpr) -> int:
        y, m, *d = map(int, x.value.split("-"))
        return abs((date(y, m, d[0] if d else 15) - anchor).days)

    return ahead if gap(ahead) < gap(t) else t


def _modal_ahead(verb: Token) -> bool:
    """A modal that looks ahead ("would be held", "might come as soon as Tuesday"), not a
    modal perfect ("might have come")."""
    aux = [c for c in children_of(verb) if c.dep_ == "aux"]
    return any(c.lower_ in _words()["modals_ahead"] for c in aux) and not any(
        c.lemma_ == "have" for c in aux)


def _moved_to(span: Span, verb: Token) -> bool:
    """The new date of a verb that moves an event later ("postponed the vote until Tuesday",
    "delayed the hearing to May"), or the end of a term a verb grants ("gave them until
    Tuesday to leave"), not the day the act was done on ("postponed it on Monday")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    until = before in ("until", "till") or span[0].lower_ in ("until", "till")
    return (verb.lemma_.lower() in _words()["postponing_verbs"] and (until or before == "to")) \
        or (verb.lemma_.lower() in _words()["granting_verbs"] and until)


def _deadline(t: TimeExpr, span: Span) -> bool:
    """A deadline or a term ("postponed until Tuesday", "extended the offer through Nov.
    17"): a past tense says when it was set, not that its date is past, so the date keeps
    the nearest reading."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    head = head_of(span.root)
    return t.qualifier == "until" or before in _words()["term_words"] or \
        head.lemma_.lower() == "deadline" or (span.root.dep_ in ("dobj", "npadvmod") and any(
            c.lower_ == "as" and any(o.lemma_.lower() == "deadline" for o in children_of(c))
            for c in children_of(head)))  # "has set Nov. 10 as the deadline"


def _last_day(t: TimeExpr) -> date:
    """The last day of the period a dated expression names (a decade or a century: its
    first year's last day, which is all a check of the past needs)."""
    parts = [int(x) for x in t.value.split("-") if x.isdigit()] or [9999]
    y, m, *d = parts if len(parts) > 1 else [parts[0], 12]
    if t.precision == "day" and d:
        return date(y, m, d[0])
    if t.precision == "week" and d:
        return date(y, m, d[0]) + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6}.get(t.precision)
    if months is None or "-" not in t.value:
        return date(y, 12, 31)
    y2, m2 = _shift_months(date(y, m, 1), months)
    return date(y2, m2, 1) - timedelta(days=1)


def after_publication(value: str, published: str) -> bool:
    """Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) lies after the publication date at the
    coarser of their precisions: "2012-02" is after "2012-01-04", "2012-01" is not."""
    return value[: len(published)] > published[: len(value)]


def _sentence_time(verb: Token, here: list[tuple[TimeExpr, Span]]) -> TimeExpr | None:
    """The one date a sentence gives its main clauses, for a past event of it that the parse
    did not tie to it ("invited them to join in July 1997", "began to fall apart in
    mid-1996"): a date of a verb, not of a noun ("the 1988 bombing") or of a relative or
    participle clause that leaves the event out ("Cisse, appointed in April, said"). Two
    different dates name no one time."""
    found = []
    for t, span in here:
        if t.type != "DATE" or t.qualifier or t.kind == "vague":
            continue
        holder = clause_verb(span.root)
        if holder is None or not _direct(span.root, holder):
            continue
        aside = [a for a in [holder, *holder.ancestors] if a.dep_ in _ASIDE]
        if any(verb != a and not a.is_ancestor(verb) for a in aside):
            continue
        found.append(t)
    return found[0] if len({t.value for t in found}) == 1 else None


def _named_time(here: list[tuple[TimeExpr, Span]], trigger: Token) -> TimeExpr | None:
    """The one date a sentence names, for a past event of it with no date of its own,
    before the story's time: a sentence that names a date of its own is seldom of the
    story's day ("six were killed in a car bomb attack on Friday", "the boy was found on
    Thanksgiving Day"). A span, a vague word or two dates name none, nor does a date of a
    clause with a time of its own (``_own_clause``)."""
    found = {t.value: t for t, span in here
             if t.type in ("DATE", "TIME") and not t.qualifier and t.kind != "vague"
             and not any(_own_clause(a) and a.i != trigger.i and not a.is_ancestor(trigger)
                         for a in span.root.ancestors)}
    return next(iter(found.values())) if len(found) == 1 else None


def _own_clause(clause: Token) -> bool:
    """A clause whose time is its own, not its sentence's: a relative, adverbial or
    reported clause, or one of a preposition ("after meeting Obama on Monday, criticized"),
    a clause describing a subject ("Cisse, appointed in April, said"), a conjoined clause
    with a subject or object of its own ("spotted the car, and found it abandoned in
    December"); not a participle the parse hung on a count ("were killed and 30 injured in
    an attack on Sunday")."""
    if clause.dep_ in ("relcl", "appos", "advcl", "pcomp", "ccomp", "csubj", "parataxis"):
        return True
    if clause.dep_ == "acl":
        return head_of(clause).dep_ in ("nsubj", "nsubjpass")
    return clause.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children_of(clause))


def _reports(verb: Token) -> bool:
    """A verb that reports what was said ("said", "told reporters that ..."): the date its
    sentence names is most often that of what it reports, and a report is of the story's
    day."""
    return verb.lemma_.lower() in load_quote_verbs() or any(
        c.dep_ in ("ccomp", "parataxis") for c in children_of(verb))


# clauses whose time is their own, not the sentence's ("spotted ..., and was found in
# December", "compared with ... a year earlier")
_ASIDE = frozenset({"relcl", "acl", "advcl", "appos", "ccomp", "parataxis", "csubj", "conj",
                    "prep"})


def _direct(root: Token, verb: Token | None) -> bool:
    """Whether a time expression modifies ``verb`` itself ("met on Monday", "since a failed
    July coup"), not a word between them ("payable Nov. 20")."""
    node = root
    for _ in range(4):
        head = head_of(node)
        if verb is None or head.i == node.i:
            return False
        if head.i == verb.i:
            return True
        if head.pos_ not in ("ADP", "SCONJ", "NOUN", "PROPN", "NUM"):
            return False
        node = head
    return False


def _stem(token: Token) -> str:
    """The event family of a word's lemma ("slaying" and "kill": killing), else its first
    five letters: an event verb and its noun share them ("shoot", "shooting"; "ceremony",
    "ceremonies")."""
    lemma = token.lemma_.lower()
    return _words()["event_families"].get(lemma) or lemma[:5]


def _adverbial(root: Token, verb: Token) -> bool:
    """A time expression that modifies the verb itself or through a preposition ("meet
    Monday", "meet on Monday"), not a noun of its clause ("follows Tuesday's declaration")."""
    head = head_of(root)
    return head.i == verb.i or (head.pos_ == "ADP" and head_of(head).i == verb.i)


def _before_noun(span: Span, noun: Token) -> bool:
    """A date written just before an event noun: "the September 11, 2001, attacks"."""
    gap = noun.doc[span.end:noun.i]
    return span.end <= noun.i and len(gap) <= 1 and all(t.is_punct for t in gap)


def _compared(root: Token, verb: Token) -> bool:
    """A time expression of the base a verb's figure is compared with ("declined to $85
    million from $93 million a year earlier", "higher than a year ago"), which is the base's
    time, not the verb's."""
    node = root
    for _ in range(6):
        head = head_of(node)
        if head.i == node.i or head.i == verb.i:
            return False
        if head.pos_ not in ("ADP", "SCONJ"):
            node = head
            continue
        if head.lower_ in ("than", "versus"):
            return True
        base = head.lower_ == "from" \
            or (head.lower_ == "with" and head_of(head).lower_ == "compared")
        if base and any(c.tag_ == "$" or (c.dep_ == "pobj" and c.like_num)
                        for c in head.subtree):
            return True  # "from $93 million a year earlier", not "from Sept. 14 to Monday"
        node = head
    return False


def _describes_thing(verb: Token) -> bool:
    """A relative clause whose subject is "that" or "which", describing a thing or an event
    ("the blast that killed ten", "policies that led to famine"): what it tells belongs to
    that thing, not to the news of the week."""
    return verb.dep_ == "relcl" and head_of(verb).pos_ == "NOUN" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")
        for c in children_of(verb))


def _current_root(root: Token) -> bool:
    """A main clause of the present: a present tense or a present perfect ("the group has
    maintained", "the move appears to be"), which a story turns back to after background."""
    aux = [c for c in children_of(root) if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("VBD", "MD") or c.lower_ in ("had", "'d") for c in aux):
        return False
    return root.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux)


def _time_apart(noun: Token) -> bool:
    """An event noun that a preposition of time sets before or after its clause's time
    ("ten days before the murder", "after the bombings"): the clause's date is not its own."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and (
        head_of(noun).lower_ in _words()["apart_preps"] or _of_a_thing(noun))


def _of_a_thing(noun: Token) -> bool:
    """An event noun in the of-phrase of a noun that is no event of its clause's time
    ("searched the site of the shooting", "the scene of the slaying")."""
    head = head_of(noun)
    return head.lower_ == "of" and head_of(head).pos_ == "NOUN" and \
        head_of(head).lemma_.lower() in _words()["thing_of_event"]


def _of_dated_noun(verb: Token, here: list[tuple[TimeExpr, Span]]) -> TimeExpr | None:
    """The date written before the noun a past verb tells the outcome of: its subject ("the
    Aug. 7 bombings killed 200"), the noun its relative or participle clause belongs to
    ("the 1988 bombing that killed 259", "the Feb. 23 accord signed by"), or what it
    happened in ("was wounded in the 1995 shooting")."""
    nouns = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl"):
        nouns.append(head_of(verb))
    nouns += [p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in ("in", "during")
              for p in children_of(c) if p.dep_ == "pobj"]
    for noun in nouns:
        if noun.pos_ != "NOUN":
            continue
        for t, span in here:
            if t.type == "DATE" and _written_before(span, noun):
                return t
    return None


def _written_before(span: Span, noun: Token) -> bool:
    """A date written before a noun as its modifier, perhaps across its other modifiers
    ("the January 1998 bombing", "the Dec. 21, 1988, bombing", "the 1998 clinic bombing")."""
    if span.end > noun.i or span.start < noun.left_edge.i:
        return False
    return all(t.is_punct or head_of(t).i == noun.i or t.dep_ in ("compound", "amod", "nummod")
               for t in noun.doc[span.end:noun.i])


def _restated(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """A time of day with no day of its own that brackets restate with one ("at 4 in the
    morning (4 a.m. EDT Thursday)") takes the day of the brackets."""
    out = list(times)
    for i, (t, then) in enumerate(pairwise(times)):
        if _bare_clock(t) and then.type == "TIME" and not _bare_clock(then) and \
                then.value and re.fullmatch(r"\s*\(\s*", text[t.end:then.start]):
            out[i] = _revalue(t, then.value)
    return out


def _bare_clock(t: TimeExpr) -> bool:
    """A time of day with no day of its own ("at 6 a.m.", "about 9:40 a.m."): it says the
    hour, not the day, which the publication date it was resolved against only guesses."""
    return t.kind == "clock" and _day_word().search(t.text) is None


@cache
def _day_word() -> re.Pattern[str]:
    w = _words()
    return re.compile(rf"\b(?:{_alt(w['weekdays'])}|{_alt(w['months'])})\b", re.IGNORECASE)


def _modifies_noun(span: Span, verb: Token) -> bool:
    """A date written before a noun of the verb's clause as its modifier ("strengthened the
    1959 embargo", "charged him in the 1995 shooting"): the noun's time, not the verb's."""
    noun = head_of(span.root)
    if noun.pos_ != "NOUN" or noun.i == verb.i or not _written_before(span, noun):
        return False
    if noun.dep_ in ("nsubj", "nsubjpass") and head_of(noun).i == verb.i:
        return present(verb)  # "the 1978 resolution calls for", not "the Aug. 7 bombings killed"
    return not (noun.dep_ in ("pobj", "agent") and head_of(head_of(noun)).i == verb.i)


def _of_another_noun(span: Span) -> bool:
    """A date written as the modifier of a noun after it ("the September 11, 2001,
    attacks"), whatever the parse made of it."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    return i < len(doc) and doc[i].pos_ == "NOUN"


def _participle_head(trigger: Token) -> Token | None:
    """The verb a present participle with no subject of its own hangs on ("accepted the
    papers, marking their entry", "issued statements supporting the bid"), which happens
    at its time."""
    if trigger.tag_ != "VBG" or trigger.dep_ not in ("advcl", "xcomp", "acl") or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in children_of(trigger)):
        return None
    head = head_of(trigger) if trigger.dep_ != "acl" or head_of(trigger).pos_ in ("VERB", "AUX") \
        else head_of(head_of(trigger))
    return head if head.pos_ in ("VERB", "AUX") and head.i != trigger.i else None


def _present_aside(verb: Token, clause: Token) -> bool:
    """A present tense in a relative or conjoined clause under a clause of the past ("the
    zone it occupies" under "the 1978 resolution called for", "but it still recognizes the
    monarch" after "has been independent since 1901"): a state of the day of publication,
    not of the time of the clause above (under a future, "in April, when the alliance
    celebrates", it is the future's)."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("relcl", "conj") and \
        present(verb) and tense(clause) == "past"


def _fronted_to(span: Span) -> Token | None:
    """The verb a date belongs to where the parse hung it on a clause after it: the main
    verb, for a date that opens its sentence before a participle clause ("On April 8,
    investigators, wondering how ..., searched the site": the search's date, not the
    wondering's); the verb it follows right after ("Castro said Tuesday his government
    told": the saying's date, which the report then carries; "was discovered April 8
    buried near the house"), unless it is a possessive of a noun ("said Monday's raid")."""
    before = span.doc[span.sent.start:span.start]
    g = _governor(span.root)
    if before and before[-1].lower_ == "on":
        before = before[:-1]
    if g is not None and before and before[-1].i == head_of(g).i and g.i >= span.end \
            and span.root.dep_ != "poss" \
            and not (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return head_of(g)
    if len(before) > 2 or any(t.pos_ not in ("ADP", "CCONJ", "PUNCT", "SPACE") for t in before):
        return None
    if g is None or g.dep_ != "advcl" or g.tag_ not in ("VBG", "VBN") or g.i < span.end \
            or any(c.dep_ == "mark" for c in children_of(g)) \
            or head_of(g).pos_ not in ("VERB", "AUX"):
        return None
    return head_of(g)


def _setting_noun(verb: Token) -> Token | None:
    """The event noun a verb happens in or at ("said in a letter dated Monday", "In the
    statement, the ministry said"), whose own date is the verb's; the date of its earlier
    mention is only a report's ("was wounded in this raid" may be read with a coarser date
    than the story gives)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((p for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in ("in", "at")
                 for p in children_of(c) if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)


def _setting_of(noun: Token) -> Token | None:
    """The verb an event noun is the setting of ("said at a news conference", "In a
    statement, the government expressed", "were wounded in the bombing"), which happens at
    its time."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or head_of(noun).lower_ not in ("at", "in",
                                                                             "during"):
        return None
    verb = head_of(head_of(noun))
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i else None


def _relative_of(span: Span, noun: Token) -> bool:
    """A date of a relative clause of the event noun itself ("a summit that is scheduled to
    be held in May", "the attack that took place on Monday"), not of another noun's ("the
    withdrawal of troops that were sent in 2009"), nor of a noun in the clause ("the
    invasion that followed the September 11, 2001, attacks": the attacks' date)."""
    clause = next((a for a in span.root.ancestors if a.dep_ == "relcl" or (
        a.dep_ == "acl" and a.tag_ == "VBN")), None)
    return clause is not None and head_of(clause).i == noun.i and not _of_another_noun(span)


def _plan_participle(verb: Token) -> bool:
    """A past participle of planning on a noun ("a summit set for May", "a vigil
    planned for Saturday"): the time it names is the plan's, ahead or past."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and head_of(verb).pos_ == "NOUN" \
        and verb.lemma_.lower() in _words()["future_verbs"]


def _scheduled_for(span: Span, noun: Token) -> bool:
    """A date of a participle of planning on the event noun itself, the time it is planned
    for ("a summit set for May", "a vigil planned for Saturday"), not a date of
    another noun in it."""
    clause = clause_verb(span.root)
    return clause is not None and head_of(clause).i == noun.i and _plan_participle(clause) \
        and _direct(span.root, clause) and not _of_another_noun(span)


def _reports_figure(verb: Token) -> bool:
    """A past verb that gives a figure of a business report: its subject a result noun
    ("Sales climbed", "Net income dropped") or itself a verb of earning ("the company earned")."""
    if verb.tag_ != "VBD":
        return False
    w = _words()
    return verb.lemma_.lower() in w["figure_verbs"] or any(
        c.dep_ == "nsubj" and c.lower_ in w["figure_nouns"] for c in children_of(verb))


def _simple_past(verb: Token) -> bool:
    """A past tense with no perfect ("said", "was killed"), of a main or reported clause."""
    aux = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_ == "have" for c in aux):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)


def _governor(root: Token) -> Token | None:
    return next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _simultaneous(clause: Token, verb: Token) -> bool:
    """A present participle clause of ``verb`` with no subject or conjunction of its own,
    or a temporal clause of the same time ("as dawn broke Saturday", "while visiting")."""
    if clause.dep_ == "acl" and clause.tag_ == "VBG" and head_of(clause).dep_ == "nsubj" \
            and head_of(head_of(clause)).i == verb.i:
        return True  # "Karzai, speaking in Kabul on Dec. 31, hailed"
    if head_of(clause).i != verb.i or clause.i == verb.i or clause.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in children_of(clause)
             if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")]
    if marks:
        return marks[0] in ("as", "while", "when")
    return clause.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                            for c in children_of(clause))


def _governs(root: Token, trigger: Token, verb: Token) -> bool:
    """Whether a time expression belongs to the trigger's own clause (or its noun, or a
    to-complement the event is read from)."""
    for anc in [root, *root.ancestors]:
        if anc.i in (trigger.i, verb.i):
            return True
        if anc is not root and anc.pos_ in ("VERB", "AUX"):
            return anc.dep_ == "xcomp" and head_of(anc).i in (trigger.i, verb.i) \
                and trigger.pos_ in ("VERB", "AUX") and (_controls(trigger) or (
                    anc.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass")
                                                  for c in children_of(anc))))
    return False


def _controls(trigger: Token) -> bool:
    """A verb read with its to-complement ("planned to join a rally on Sunday")."""
    return trigger.lemma_.lower() in _words()["future_verbs"]


def _event_date(t: TimeExpr, how: str, qualifier: str | None) -> EventDate:
    return EventDate(value=t.value, precision=t.precision, text=t.text, start=t.start,
                     end=t.end, qualifier=qualifier, attached=how)


def renumber_timexes(coded: CodedDocument) -> None:
    """Ids t1..tN again over a document coded in parts (each part numbers its own from t1,
    and an anchor names an expression of its own part)."""
    part, previous = 0, 0
    keys: list[tuple[int, str]] = []
    for t in coded.timexes:
        number = int(t.id[1:]) if t.id[1:].isdigit() else 0
        if number <= previous:
            part += 1
        previous = number
        keys.append((part, t.id))
    ids = {key: f"t{n}" for n, key in enumerate(keys, start=1)}
    for (part, _), t in zip(keys, coded.timexes, strict=True):
        if t.anchor is not None and t.anchor != "publication":
            t.anchor = ids.get((part, t.anchor))
        t.id = ids[(part, t.id)]
