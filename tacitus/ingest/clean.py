"""Turn what a news page carries into the clean article text that everything else reads.

Real articles arrive with a title line, a byline, a date line or a wire dateline, a site footer,
Markdown emphasis and escapes, and paragraphs broken in mid-sentence by page breaks. The parser
reads all of that as prose, so it is taken off here, once, and the metadata kept. Every offset
tacitus reports refers to the text this module returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tacitus.data import load_boilerplate
from tacitus.ingest.truecase import truecase

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DATE_FORMS = [
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}|\d{{2}})$", re.I),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
]
# The trailing part starts only where a run of spaces starts, so that a long run is tried once
# (trying it from each of its spaces made a line of n spaces cost n squared).
_DATE_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|date)\s*:?\s*|(?<!\s)\s+(?:\d{1,2}:\d{2}\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?|at\s.*)$",
    re.I,
)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?(?: \([A-Z][A-Za-z. ]{1,30}\))?),\s+"
    r"(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4})"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z0-9 .,'&\-]{0,40})\))?\s*(?:--|—|–|-)\s*"
)
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?),?\s*\((?P<agency>Reuters|AP|AFP|EFE|Xinhua|"
    r"UPI|AP Photo|dpa|ANSA|TASS|Interfax)\)\s*(?:--|—|–|-)\s*"
)
# The many other forms of wire copy: a place in capitals or in title case, then an optional
# region ("THE HAGUE, Netherlands", "ALBUQUERQUE, N.M."), an optional day without a year
# ("ADDIS ABABA, June 2"), an optional agency in brackets or after a comma ("(Xinhua)",
# ", IRNA"), and a dash (a lone hyphen only between spaces, so "Cebu-based" stays; a straight
# quote only after an agency, where a long dash lost in a wrong encoding left one). A place in
# title case needs one of region, day or agency: "Iran - Iraq talks resumed" is a sentence.
_DL_CAPS = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){1,3}|[A-Z][A-Z.'\-]{2,}"
_DL_TITLE = r"[A-Z][a-z.'\-]+(?: [A-Z][a-z.'\-]+){0,2}"
_DL_REGION = r",\s*(?P<region>[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,2})"
_DL_DAY = (r",\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
           r"\s+\d{1,2}(?:,\s*\d{4})?)")
_DL_AGENCY = (r"(?:,?\s*\((?P<agency>[A-Z][A-Za-z0-9 .&\-]{0,30})\)"
              r"|,\s*(?P<wire>[A-Z]{2,6}))")
_DL_DASH = r"(?:\s*(?:--|—|–)\s*|\s+-\s+)"
_GENERAL_DATELINE = re.compile(
    rf"^(?P<place>{_DL_CAPS}|{_DL_TITLE})(?:{_DL_REGION})?(?:{_DL_DAY})?(?:{_DL_AGENCY})?"
    rf"(?:{_DL_DASH}|(?<=\))\s+\"\s+)(?=[A-Z\"“‘'])"
)
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3})\s*(?:--|—|–|-)\s+(?=[A-Z])"
)
_BYLINE = re.compile(r"^(?:by|von|par)\s+(?P<name>[^\d]{3,80})$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’.\-]*|van|von|de|der|del|da|al|bin|ibn|la|le)$")
_TERMINAL = tuple('.!?:;"\'”’)…')

# Markdown: links and images first, then emphasis, headings, escapes. No part may run past the
# next bracket or delimiter of its own kind, so that every opener is tried over a short
# stretch: with ".+?" a line of 20 KB of unclosed "**a " took seconds, and a 1 MB line hours.
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()\[\]]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\([^()\[\]\s]*(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_EMPHASIS = re.compile(
    r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__"
    r"|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
# Every run of spaces within a line (em spaces, ideographic spaces and the rest included)
# becomes one space: a pattern that starts with \s* is tried from each space of a run, so a
# run of 200,000 em spaces took minutes through the credit patterns of boilerplate.yaml.
_SPACES = re.compile(r"[^\S\n]+")


@dataclass
class Cleaned:
    """The cleaned text and the metadata found in the article's head."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    dateline: str | None = None


def parse_date_line(line: str) -> str | None:
    """Return ``YYYY-MM-DD`` when the whole line is a publication date, else ``None``."""
    candidate = _DATE_PREFIX.sub("", line.strip()).strip(" .,|")
    for form in _DATE_FORMS:
        m = form.match(candidate)
        if m:
            return _to_iso(m.group("year"), m.group("month"), m.group("day"))
    return None


def _to_iso(year: str, month: str, day: str) -> str | None:
    month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_no is None:
        return None
    y = int(year)
    if len(year) == 2:  # wire style "20 Aug 88": the nearest past century
        y += 1900 if y > date.today().year % 100 else 2000
    try:
        return date(y, month_no, int(day)).isoformat()
    except ValueError:
        return None


def _emphasised(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def strip_markdown(line: str) -> str:
    """Remove Markdown markup from one line, keeping the words a reader sees."""
    line = _MD_IMAGE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_HEADING.sub("", line)
    for _ in range(2):  # nested emphasis such as **[*x*](url)**
        line = _MD_EMPHASIS.sub(_emphasised, line)
    return _MD_ESCAPE.sub(r"\1", line)


def _paragraphs(raw: str) -> list[list[str]]:
    """Split into paragraphs (blank-line separated), each a list of its cleaned lines."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in raw.split("\n"):
        if _MD_RULE.match(line):
            line = ""
        line = _SPACES.sub(" ", strip_markdown(line)).strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_name_line(line: str) -> bool:
    words = line.replace(",", " ").split()
    return 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words)


def _take_head(paragraphs: list[list[str]], found: Cleaned) -> None:
    """Take title, byline and date lines from the head of the article (in place)."""
    if len(paragraphs) < 2:
        return
    first = paragraphs[0]
    if len(first) == 1 and len(first[0]) <= 200 and not first[0].endswith(_TERMINAL[:3]):
        found.title = first[0]
        paragraphs.pop(0)
    # Byline and date lines: short lines at the top, alone or together in a paragraph.
    while paragraphs and all(len(line) <= 100 for line in paragraphs[0]):
        head = paragraphs[0]
        kept: list[str] = []
        for line in head:
            parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[-—–]\s+", line) if p.strip()]
            consumed = True
            for part in parts:
                published = parse_date_line(part)
                byline = _BYLINE.match(part)
                if published and not found.published:
                    found.published = published
                elif byline and not found.author:
                    found.author = byline.group("name").strip(" ,")
                elif not found.author and _is_name_line(part) and not published:
                    found.author = part.strip(" ,")
                else:
                    consumed = False
            if not consumed:
                kept.append(line)
        if kept:
            paragraphs[0] = kept
            break
        paragraphs.pop(0)


def _take_dateline(paragraphs: list[list[str]], found: Cleaned) -> None:
    if not paragraphs:
        return
    first = paragraphs[0][0]
    m = (_WIRE_DATELINE.match(first) or _AGENCY_DATELINE.match(first)
         or _GENERAL_DATELINE.match(first) or _CAPS_DATELINE.match(first))
    if m and m.re is _GENERAL_DATELINE and not m.group("place").isupper() and not any(
        m.group(part) for part in ("region", "day", "agency", "wire")
    ):
        m = _CAPS_DATELINE.match(first)
    if not m:
        return
    found.dateline = first[: m.end()].strip()
    if "date" in m.groupdict() and m.group("date") and not found.published:
        day, month, year = m.group("date").split()
        found.published = _to_iso(year, month, day)
    rest = first[m.end() :].strip()
    if rest:
        paragraphs[0][0] = rest
    else:
        paragraphs[0].pop(0)
        if not paragraphs[0]:
            paragraphs.pop(0)


def _drop_footer(paragraphs: list[list[str]]) -> None:
    patterns = load_boilerplate()
    while paragraphs:
        whole = " ".join(paragraphs[-1])
        if len(whole) <= 300 and any(p.search(whole) for p in patterns):
            paragraphs.pop()
        else:
            break
    # Single boilerplate lines inside the body ("Share this article", "Advertisement"), and
    # credits inside a paragraph ("(Photo: A. Name/Reuters)").
    credits = load_boilerplate("inline")
    for i, lines in enumerate(paragraphs):
        kept = [line for line in lines if not _is_lone_boilerplate(line, patterns)]
        for credit in credits:
            kept = [_CLOSE_UP.sub(r"\1", credit.sub("", line)) if credit.search(line) else line
                    for line in kept]
        paragraphs[i] = [line for line in kept if line.strip()]
    paragraphs[:] = [p for p in paragraphs if p]


_CLOSE_UP = re.compile(r" +([,.;:!?)]|$)")  # the space a removed credit leaves behind


def _is_lone_boilerplate(line: str, patterns: list[re.Pattern[str]]) -> bool:
    return len(line) <= 60 and any(p.search(line) for p in patterns)


def _join_page_breaks(paragraphs: list[str]) -> list[str]:
    """Rejoin a sentence cut by a page break: no final punctuation, next starts lowercase."""
    joined: list[str] = []
    for para in paragraphs:
        if joined and not joined[-1].endswith(_TERMINAL) and para[:1].islower():
            joined[-1] = f"{joined[-1]} {para}"
        else:
            joined.append(para)
    return joined


def clean_text(raw: str, *, head: bool = True) -> Cleaned:
    """Clean a plain-text or Markdown article.

    head: look for title, byline, date line and wire dateline at the top (off for text
    that a structured source already split from its metadata, as HTML extraction does).
    """
    raw = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = _paragraphs(raw)
    found = Cleaned(text="")
    if head:
        _take_head(paragraphs, found)
        _take_dateline(paragraphs, found)
    _drop_footer(paragraphs)
    # Text in capitals only is truecased last: the head and dateline patterns read capitals.
    found.text = truecase("\n\n".join(_join_page_breaks([" ".join(p) for p in paragraphs])))
    return found
