"""Score coded attacks, bombings and kidnappings on the MUC-4 answer keys (events/muc4).

MUC-4 is 1,300 development and 300 test messages of 1988-91 Latin-American news (FBIS
translations, all capitals, each with a wire dateline) and an answer key of templates: one
per terrorist incident, with its date, location, type, perpetrators, targets and effects.
Each message is coded with tacitus as an article would be (the dateline gives the
publication date), and each template asks: is there an event of the incident's kind, and
does it have the incident's date, country, place and victims?

Choices, in the spirit of the MUC scorer:

- A message with no template (``*``) describes no relevant incident. A template marked
  ``(OPTIONAL)`` may be matched but need not be: it is left out of recall, and a message whose
  templates are all optional counts neither for nor against precision.
- Event recall: a template is found when the message has an event (not negated, not
  hypothetical) whose CAMEO code is in the incident type's family (``data/muc4.yaml``; a
  threatened incident also accepts a threat of violence). Each event matches one template
  at most; among the candidates the one agreeing on most attributes (victims, date, country,
  place) wins, then the earliest. The "specific" figure uses the stricter code list.
- Records per incident: each event of a template's family that does not contradict it (a
  date of its own that disagrees, a country that is not the incident's) is a record of that
  incident; an event that fits several templates of the message counts once, for the one it
  agrees with most (the one it was matched to, on a tie). For the templates found, the report
  gives the records per incident (ideal 1) and the share coded exactly once (the gate's
  figure, which may only go up) or more than once. Events of a family kept out of every
  template (another incident, a clash MUC-4 leaves out) are not counted.
- Event precision: of the messages where tacitus codes an event of any family, the share
  that have a (non-optional) template. Messages without one often report military clashes,
  which MUC-4 leaves out by design, so this figure is a floor on true precision.
- Date: the matched event's date (its whole interval: a day, the week of a current report, a
  month) overlaps one of the incident's alternative dates or ranges and is no vaguer than
  the range or a week. ``- 08 JAN 90`` ("on or before") is bounded ``open_range_days``
  before its end.
- Country and place: the matched event's ``location``; country right when it names the
  template's country (ISO3 or name), place right when its name is one of the template's
  named places below the country (any level: department, city, town). Events without a
  location count as missing. For reference only, the report also gives how often the
  dateline's country (its "(COUNTRY)" or a capital city) is the incident's; the coder never
  sees that fallback.
- Victims: where the key gives a number of people killed (human targets with effect DEATH,
  their NUMBER summed) or wounded (INJURY), the matched event's quantity of that kind must
  agree: its value inside the key's range, or its vague range overlapping it. Counts given
  as "PLURAL" or left out are not scored.

The dev set takes several minutes to code on two cores, so by default a fixed, evenly spread
subset (every ``step``-th message) is scored; ``step=1`` scores them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError
from tacitus.eval import share
from tacitus.model import CodedDocument, Event, EventDate

SPLITS = ("dev", "tst1", "tst2", "tst3")
DEFAULT_STEP = 4  # a quarter of dev: 325 messages, about a minute on two cores

_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_DATE = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_MESSAGE_ID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b", re.M)
_SLOT = re.compile(r"^(\d+)\.\s+(\S.*?)(?:\s{2,}(.*))?$")
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\-]*?)(?: \((?P<country>[A-Z .]+)\))?,\s+"
    r"(?P<date>\d{1,2} [A-Z]{3} \d{2}|NO DATE)(?: \((?P<source>[^)]*)\))?\s*--\s*")
_HEADER_TAG = re.compile(r"^\s*\[[^\]]*\]\s*")
_GENERAL_TAGS = ("[TEXT]", "[SUMMARY]", "[EXCERPT]", "[EXCERPTS]")
_FILL = re.compile(r'^(?P<value>[^"]*?)\s*:\s*"(?P<desc>[^"]*)"')
_NUMBER = re.compile(r"^~?(\d+)(?:\s*-\s*(\d+))?$")


# --- the answer key ------------------------------------------------------------------------

@dataclass
class Template:
    """One incident of the answer key, reduced to what tacitus can be scored on."""

    message: str
    number: str
    optional: bool
    types: list[str]
    stage: str | None
    dates: list[tuple[date | None, date]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    killed: tuple[int, int] | None = None
    wounded: tuple[int, int] | None = None


@dataclass
class Message:
    """One news message: the text the coder reads (dateline kept) and its dateline parts."""

    id: str
    text: str
    dateline_place: str | None = None
    dateline_country: str | None = None


def parse_slots(block: str) -> dict[int, list[str]]:
    """The fills of one key template, by slot number; a fill per line, comments dropped."""
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        m = _SLOT.match(line)
        if m:
            current = int(m.group(1))
            slots[current] = [(m.group(3) or "").strip()]
        elif current is not None and line[:1].isspace():
            slots[current].append(line.strip())
    return slots


def _alternatives(fill: str) -> list[str]:
    """The alternatives of a fill ("A / B", "(A) / (B)"), uncertainty marks and parens off."""
    out = []
    for alt in fill.split(" / "):
        alt = alt.strip().lstrip("?").strip()
        if alt.startswith("(") and alt.endswith(")"):
            alt = alt[1:-1].strip()
        if alt and alt not in ("-", "*"):
            out.append(alt)
    return out


def _key_date(text: str) -> date | None:
    m = _DATE.search(text)
    if not m or m.group(2) not in _MONTHS:
        return None
    try:
        return date(1900 + int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def parse_dates(fill: str) -> list[tuple[date | None, date]]:
    """Alternative incident dates as (first, last) days; first is None for "- 08 JAN 90"."""
    ranges: list[tuple[date | None, date]] = []
    for alt in _alternatives(fill):
        low_text, dash, high_text = alt.partition("-") if alt.startswith("-") else (
            alt.partition(" - "))
        high = _key_date(high_text) if dash else _key_date(low_text)
        low = _key_date(low_text) if low_text.strip() else None
        if high is None:
            continue
        ranges.append((low if dash else high, high))
    return ranges


def parse_location(fill: str) -> tuple[list[str], list[str]]:
    """Countries and named places (below the country, any level) of a location fill."""
    countries: list[str] = []
    places: list[str] = []
    for alt in _alternatives(fill):
        country, *rest = [p.strip() for p in alt.split(":")]
        if country and country not in countries:
            countries.append(country)
        for part in rest:
            for name in part.split(" - "):
                name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
                if name and name not in places:
                    places.append(name)
    return countries, places


def _by_description(fills: list[str]) -> list[tuple[str, str]]:
    """(value, description) pairs of a slot whose fills read ``VALUE: "DESCRIPTION"``."""
    pairs = []
    for fill in fills:
        for alt in fill.split(" / "):
            m = _FILL.match(alt.strip().lstrip("?").strip())
            if m:
                pairs.append((m.group("value").strip().lstrip("?").strip(), m.group("desc")))
    return pairs


def victims(numbers: list[str], effects: list[str], effect: str) -> tuple[int, int] | None:
    """People with ``effect`` (DEATH, INJURY) as a (low, high) count, or None where the key
    gives no number for one of them (PLURAL, a missing number) or nobody has that effect."""
    counts: dict[str, tuple[int, int]] = {}
    for value, desc in _by_description(numbers):
        m = _NUMBER.match(value)
        if m and desc not in counts:
            low = int(m.group(1))
            counts[desc] = (low, int(m.group(2) or low))
    hit = {desc for value, desc in _by_description(effects) if value == effect}
    if not hit or any(d not in counts for d in hit):
        return None
    return sum(counts[d][0] for d in hit), sum(counts[d][1] for d in hit)


def parse_key(text: str) -> list[tuple[str, Template | None]]:
    """Every key block as (message id, template); None for a message with no incident."""
    out: list[tuple[str, Template | None]] = []
    for block in re.split(r"\n(?=0\.\s+MESSAGE: ID)", text):
        slots = parse_slots(block)
        if 0 not in slots:
            continue
        message = slots[0][0].split()[0]
        number = (slots.get(1) or ["*"])[0]
        types = [t for t in _alternatives((slots.get(4) or ["*"])[0])]
        if number.startswith("*") or not types:
            out.append((message, None))
            continue
        countries, places = parse_location(" / ".join(slots.get(3, [])))
        numbers, effects = slots.get(21, []), slots.get(23, [])
        stage = _alternatives((slots.get(5) or ["-"])[0])
        out.append((message, Template(
            message=message,
            number=number.split()[0],
            optional="OPTIONAL" in number,
            types=types,
            stage=stage[0] if stage else None,
            dates=parse_dates(" / ".join(slots.get(2, []))),
            countries=countries,
            places=places,
            killed=victims(numbers, effects, "DEATH"),
            wounded=victims(numbers, effects, "INJURY"),
        )))
    return out


def parse_messages(text: str) -> list[Message]:
    """The messages of a text file: each from its dateline on, the bracketed header
    (``[REPORT] [name] [TEXT]``) taken off so the article starts with its first sentence."""
    starts = [(m.start(), m.group(1)) for m in _MESSAGE_ID.finditer(text)]
    messages = []
    for (start, ident), (end, _) in zip(starts, [*starts[1:], (len(text), "")], strict=True):
        body = text[start:end].split("\n", 1)[1] if "\n" in text[start:end] else ""
        m = _DATELINE.match(body)
        place = country = None
        if m:
            place, country = m.group("place").strip(), m.group("country")
            head, rest = body[: m.end()].strip(), body[m.end():]
            rest = _strip_header(rest)
            body = f"{head} {rest}"
        messages.append(Message(ident, body.strip(), place, country))
    return messages


def _strip_header(rest: str) -> str:
    """Drop the leading bracketed tags up to and including the general one ([TEXT]...)."""
    probe = rest
    while (m := _HEADER_TAG.match(probe)):
        tag = m.group(0).strip()
        probe = probe[m.end():]
        if tag in _GENERAL_TAGS:
            return probe
    return rest


def _files(folder: Path, prefix: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.lower().startswith(prefix))


def split_folder(path: Path, split: str | None = None) -> Path:
    """The split's folder: ``path`` itself when it holds key files, else ``path/split``."""
    path = Path(path)
    if path.is_dir() and _files(path, "key-"):
        return path
    folder = path / (split or "dev")
    if not folder.is_dir() or not _files(folder, "key-"):
        raise InputError(str(path), "no MUC-4 answer keys (key-* files) here or in "
                                    f"{folder.name}/")
    return folder


def load(folder: Path) -> tuple[list[Message], dict[str, list[Template]]]:
    """A split's messages, in order, and each message's templates (empty: no incident)."""
    messages: list[Message] = []
    for f in _files(folder, folder.name.lower()):
        messages.extend(parse_messages(f.read_text(encoding="latin-1")))
    keys: dict[str, list[Template]] = {}
    for f in _files(folder, "key-"):
        for ident, template in parse_key(f.read_text(encoding="latin-1")):
            keys.setdefault(ident, [])
            if template is not None:
                keys[ident].append(template)
    messages = [m for m in messages if m.id in keys]
    if not messages:
        raise InputError(str(folder), "no message has an answer key")
    return messages, keys


# --- the scoring data ----------------------------------------------------------------------

@dataclass(frozen=True)
class TypeCodes:
    family: tuple[str, ...]
    specific: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    types: dict[str, TypeCodes]
    threatened: tuple[str, ...]
    open_range_days: int


@cache
def rules() -> Rules:
    """The incident type -> CAMEO mapping and date window of ``data/muc4.yaml``."""
    from tacitus.data import _read_yaml

    data = _read_yaml("muc4.yaml")
    types = {name: TypeCodes(tuple(map(str, v["family"])), tuple(map(str, v["specific"])))
             for name, v in data["types"].items()}
    return Rules(types, tuple(map(str, data["threatened"])), int(data["open_range_days"]))


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """Folded country names and aliases -> ISO3, and folded capitals -> ISO3."""
    from tacitus.data import load_countries

    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in load_countries():
        for n in (c.name, *c.aliases):
            names.setdefault(fold(n), c.code)
        if c.capital:
            capitals.setdefault(fold(c.capital), c.code)
    return names, capitals


def fold(text: str) -> str:
    """Compare names without case, accents or punctuation ("Bogotá" is "BOGOTA")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w ]", " ", text.casefold()).split())


def country_code(name: str | None) -> str | None:
    """ISO3 of a country name (or an ISO3 code itself)."""
    if not name:
        return None
    names, _ = _countries()
    if re.fullmatch(r"[A-Z]{3}", name) and name in names.values():
        return name
    return names.get(fold(name))


def dateline_country(message: Message) -> str | None:
    """The dateline's country: its "(COUNTRY)" or, for a capital city, that city's country."""
    if message.dateline_country:
        return country_code(message.dateline_country)
    if message.dateline_place:
        return _countries()[1].get(fold(message.dateline_place))
    return None


def _covers(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def family(template: Template, specific: bool = False) -> tuple[str, ...]:
    """The CAMEO codes that count as coding the template's incident (any of its types)."""
    r = rules()
    codes: list[str] = []
    for t in template.types:
        known = r.types.get(t)
        if known:
            codes.extend(known.specific if specific else known.family)
    if template.stage == "THREATENED":
        codes.extend(r.threatened)
    return tuple(codes)


def every_family() -> tuple[str, ...]:
    return tuple(c for t in rules().types.values() for c in t.family)


def interval(d: EventDate) -> tuple[date, date] | None:
    """The days an event date covers: a day, a week from its Monday, a month, three months
    for a quarter or season, a year."""
    try:
        parts = [int(p) for p in d.value.split("-")]
        first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2
                     else 1)
    except (ValueError, IndexError):
        return None
    if d.precision == "day":
        return first, first
    if d.precision == "week":
        return first, first + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "season": 3}.get(d.precision, 12)
    if d.precision == "year":
        first = date(first.year, 1, 1)
    y, m = divmod(first.month - 1 + months, 12)
    return first, date(first.year + y, m + 1, 1) - timedelta(days=1)


def date_agrees(event_date: EventDate | None, ranges: list[tuple[date | None, date]]) -> bool:
    """The event's days overlap a key range and are no vaguer than it (or than a week)."""
    if event_date is None:
        return False
    days = interval(event_date)
    if days is None:
        return False
    window = timedelta(days=rules().open_range_days)
    for low, high in ranges:
        low = low or high - window
        span = max((high - low).days, 6)
        if days[0] <= high and days[1] >= low and (days[1] - days[0]).days <= span:
            return True
    return False


def count_agrees(event: Event, kind: str, gold: tuple[int, int]) -> bool:
    """A quantity of ``kind`` whose value lies in the key's range, or whose range meets it."""
    for q in event.quantities:
        if q.kind != kind:
            continue
        if q.value is not None and gold[0] <= q.value <= gold[1]:
            return True
        if q.value is None and q.low is not None and q.high is not None and (
                q.low <= gold[1] and q.high >= gold[0]):
            return True
    return False


def country_agrees(event: Event, template: Template) -> bool:
    loc = event.location
    if loc is None:
        return False
    wanted = {country_code(c) or fold(c) for c in template.countries}
    return bool({country_code(loc.country), country_code(loc.name)} & wanted)


def place_agrees(event: Event, template: Template) -> bool:
    return event.location is not None and fold(event.location.name) in {
        fold(p) for p in template.places}


# --- scoring -------------------------------------------------------------------------------

@dataclass
class Muc4Result:
    """Counts over the scored templates and messages (see the module docstring)."""

    messages: int = 0
    templates: int = 0
    optional: int = 0
    found: int = 0
    found_specific: int = 0
    coded_messages: int = 0
    coded_relevant: int = 0
    irrelevant: int = 0
    irrelevant_coded: int = 0
    dated: int = 0
    date_right: int = 0
    located: int = 0
    country_right: int = 0
    place_right: int = 0
    dateline_country_right: int = 0
    with_country: int = 0
    counts: int = 0
    counts_right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)
    records: int = 0  # records of the templates found (see the module docstring)
    found_once: int = 0  # templates found with exactly one record
    step: int = 1
    split: str = "dev"

    def figures(self) -> dict[str, float]:
        return {
            "muc4_event_recall": share(self.found, self.templates),
            "muc4_event_precision": share(self.coded_relevant, self.coded_messages),
            "muc4_specific_recall": share(self.found_specific, self.templates),
            "muc4_date_accuracy": share(self.date_right, self.found),
            "muc4_country_accuracy": share(self.country_right, self.found),
            "muc4_place_accuracy": share(self.place_right, self.found),
            "muc4_victims_accuracy": share(self.counts_right, self.counts),
            "muc4_incidents_once": share(self.found_once, self.found),
            "muc4_records_per_incident": share(self.records, self.found),
        }


def _agreement(event: Event, template: Template) -> tuple[int, int, int, int]:
    victims_right = sum(count_agrees(event, kind, gold) for kind, gold in
                        (("killed", template.killed), ("wounded", template.wounded)) if gold)
    return (victims_right, int(date_agrees(event.date, template.dates)),
            int(country_agrees(event, template)), int(place_agrees(event, template)))


def match(templates: list[Template], events: list[Event]) -> dict[int, Event]:
    """Pair templates with candidate events one to one: the best-agreeing pair first."""
    pairs = []
    for ti, t in enumerate(templates):
        codes = family(t)
        for ei, e in enumerate(events):
            if _covers(e.cameo, codes):
                pairs.append((_agreement(e, t), -ei, -ti, ti, ei))
    pairs.sort(reverse=True)
    taken_t: dict[int, Event] = {}
    taken_e: set[int] = set()
    for *_, ti, ei in pairs:
        if ti not in taken_t and ei not in taken_e:
            taken_t[ti] = events[ei]
            taken_e.add(ei)
    return taken_t


def contradicts(event: Event, template: Template) -> bool:
    """The event cannot be the template's incident: a date of its own text that disagrees
    with the incident's, or a country that is not the incident's."""
    d = event.date
    if d is not None and d.text is not None and template.dates and not date_agrees(
            d, template.dates):
        return True
    return (event.location is not None and bool(template.countries)
            and not country_agrees(event, template))


def records(templates: list[Template], events: list[Event], matched: dict[int, Event]
            ) -> dict[int, int]:
    """How many events are records of each template: an event of a template's family that
    does not contradict it, counted for the template it agrees with most (on a tie the one
    it was matched to, then the first)."""
    matched_to = {id(e): ti for ti, e in matched.items()}
    counts = dict.fromkeys(range(len(templates)), 0)
    for e in events:
        fits = [ti for ti, t in enumerate(templates)
                if _covers(e.cameo, family(t)) and not contradicts(e, t)]
        if fits:
            best = max(fits, key=lambda ti: (_agreement(e, templates[ti]),
                                             matched_to.get(id(e)) == ti, -ti))
            counts[best] += 1
    return counts


def candidates(coded: CodedDocument) -> list[Event]:
    """Events that claim something happened (or was threatened): not negated or hypothetical."""
    return [e for e in coded.events if e.modality not in ("negated", "hypothetical")]


def score(result: Muc4Result, message: Message, templates: list[Template],
          coded: CodedDocument) -> None:
    """Add one coded message's figures to ``result``."""
    events = candidates(coded)
    required = [t for t in templates if not t.optional]
    result.messages += 1
    result.optional += len(templates) - len(required)
    coded_any = any(_covers(e.cameo, every_family()) for e in events)
    if required or not templates:
        result.coded_messages += coded_any
        result.coded_relevant += coded_any and bool(required)
    if not templates:
        result.irrelevant += 1
        result.irrelevant_coded += coded_any
    matched = match(templates, events)
    per_template = records(templates, events, matched)
    from_dateline = dateline_country(message)
    for ti, t in enumerate(templates):
        if t.optional:
            continue
        result.templates += 1
        row = result.by_type.setdefault(t.types[0], [0, 0])
        row[0] += 1
        wanted = {country_code(c) for c in t.countries} - {None}
        result.with_country += bool(wanted)
        result.dateline_country_right += from_dateline in wanted
        event = matched.get(ti)
        if event is None:
            continue
        result.found += 1
        row[1] += 1
        n = max(per_template[ti], 1)  # the matched event itself may contradict the template
        result.records += n
        result.found_once += n == 1
        result.found_specific += _covers(event.cameo, family(t, specific=True))
        result.dated += event.date is not None
        result.date_right += date_agrees(event.date, t.dates)
        result.located += event.location is not None
        result.country_right += country_agrees(event, t)
        result.place_right += place_agrees(event, t)
        for kind, gold in (("killed", t.killed), ("wounded", t.wounded)):
            if gold:
                result.counts += 1
                result.counts_right += count_agrees(event, kind, gold)


def _documents(messages: list[Message]) -> Iterator:
    from tacitus.ingest import from_text

    for m in messages:
        yield from_text(m.text, id=m.id, where=m.id)


def evaluate(path: Path, coder=None, *, split: str | None = None,
             step: int = DEFAULT_STEP) -> Muc4Result:
    """Code every ``step``-th message of the split (dev unless ``path`` is a split's folder)
    and score it against its templates."""
    from tacitus.pipeline import default_coder

    folder = split_folder(path, split)
    messages, keys = load(folder)
    messages = messages[:: max(step, 1)]
    coder = coder or default_coder()
    result = Muc4Result(step=max(step, 1), split=folder.name)
    for message, coded in zip(messages, coder.code_documents(_documents(messages)),
                              strict=True):
        score(result, message, keys[message.id], coded)
    return result


def report(r: Muc4Result, console: Console) -> None:
    f = r.figures()
    subset = "" if r.step == 1 else f" (every {r.step}th message)"
    console.print(
        f"MUC-4 {r.split}: {r.messages} messages{subset}, {r.templates} templates scored, "
        f"{r.optional} optional left out, {r.irrelevant} messages with no incident",
        markup=False)
    table = Table("figure", "value", "of", title="MUC-4 incidents", title_justify="left")
    table.add_row("event recall (type family)", f"{f['muc4_event_recall']:.1%}",
                  f"{r.found}/{r.templates} templates")
    table.add_row("event recall (specific code)", f"{f['muc4_specific_recall']:.1%}",
                  f"{r.found_specific}/{r.templates} templates")
    table.add_row("event precision (messages)", f"{f['muc4_event_precision']:.1%}",
                  f"{r.coded_relevant}/{r.coded_messages} messages coded")
    table.add_row("  messages with no incident coded",
                  f"{share(r.irrelevant_coded, r.irrelevant):.1%}",
                  f"{r.irrelevant_coded}/{r.irrelevant}")
    table.add_row("records per incident found (ideal 1)",
                  f"{f['muc4_records_per_incident']:.2f}", f"{r.records}/{r.found} found")
    table.add_row("  incidents coded exactly once", f"{f['muc4_incidents_once']:.1%}",
                  f"{r.found_once}/{r.found} found")
    table.add_row("  incidents coded more than once",
                  f"{share(r.found - r.found_once, r.found):.1%}",
                  f"{r.found - r.found_once}/{r.found} found")
    table.add_row("date right", f"{f['muc4_date_accuracy']:.1%}",
                  f"{r.date_right}/{r.found} found ({r.dated} dated)")
    table.add_row("country right", f"{f['muc4_country_accuracy']:.1%}",
                  f"{r.country_right}/{r.found} found ({r.located} with a location)")
    table.add_row("place right", f"{f['muc4_place_accuracy']:.1%}",
                  f"{r.place_right}/{r.found} found")
    table.add_row("victims right", f"{f['muc4_victims_accuracy']:.1%}",
                  f"{r.counts_right}/{r.counts} killed/wounded counts of found templates")
    table.add_row("  reference: dateline country is the incident's",
                  f"{share(r.dateline_country_right, r.with_country):.1%}",
                  f"{r.dateline_country_right}/{r.with_country} (not the coder)")
    console.print(table)
    by_type = Table("incident type", "templates", "found", "recall", title_justify="left")
    for name, (n, hit) in sorted(r.by_type.items(), key=lambda kv: -kv[1][0]):
        by_type.add_row(name, str(n), str(hit), f"{share(hit, n):.1%}")
    console.print(by_type)
