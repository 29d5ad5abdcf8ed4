"""Score event dates on TimeBank and AQUAINT: TimeML's links between events and dates.

TimeML links an event to a time expression that contains it (IS_INCLUDED, DURING), that it
shares (SIMULTANEOUS), that it begins or ends (BEGINS, ENDS) or that begins or ends it
(BEGUN_BY, ENDED_BY). An event so linked to a DATE expression with a calendar value
("1998-01-20", "1998-W03", "1998-Q3", "1998") has that date, at that expression's precision:
tacitus's date is right when it names the same day, week, month, quarter, season or year (a
finer date inside it is right too; a coarser one, or none, is wrong).

Two figures, both against the document creation time as the publication date:

- coded: the events tacitus codes (a coded event's trigger on a linked TimeML event);
- all: the dating mechanism (``Dater.date_for`` with the modality the reader gives) applied
  to every linked event's word, coded or not: thousands of cases that test the mechanism.

Links to the document creation time itself are scored apart (``dct``): such an event
happened on the publication day, and tacitus is right when its date is that day or the week
of it (the date of a current report).
"""

from __future__ import annotations

from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console

from tacitus.eval import share
from tacitus.eval.time import gold_value
from tacitus.eval.timeml import TimeMLDoc, read_folder

RELATIONS = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY",
                       "ENDED_BY"})


def gold_dates(doc: TimeMLDoc) -> tuple[dict[str, set[str]], set[str]]:
    """Per event id, the calendar values of the DATE expressions it is linked to; and the
    events linked to the creation time."""
    out: dict[str, set[str]] = {}
    at_dct: set[str] = set()
    for eid, rel, tid in doc.event_time:
        if rel not in RELATIONS:
            continue
        if tid == doc.dct_tid:
            if rel in ("IS_INCLUDED", "SIMULTANEOUS", "DURING"):
                at_dct.add(eid)
            continue
        t = doc.timex(tid)
        if t is None or t.type != "DATE" or not t.value[:4].isdigit():
            continue
        if any(c == "X" for c in t.value) or "T" in t.value:
            continue  # "1998-XX", a time of day: no calendar date to compare
        out.setdefault(eid, set()).add(t.value)
    return out, at_dct - set(out)


def _weekday_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def agrees(ours: str | None, gold: str) -> bool:
    """Whether our date (in TimeML notation) names the gold date or a time inside it. A
    gold week may be written with one digit ("2000-W7"), ours always with two."""
    if ours is None:
        return False
    gold = gold_value(gold)
    if ours == gold:
        return True
    if "-W" in ours and "-W" not in gold:
        return _week_inside(ours, gold)
    day = _weekday_date(ours) if len(ours) == 10 else None
    if "-W" in gold:
        if day is None:
            return False
        y, w, _ = day.isocalendar()
        return f"{y:04d}-W{w:02d}" == gold
    if "-Q" in gold or "-H" in gold:
        if len(ours) < 7 or not ours[5:7].isdigit():
            return False
        month = int(ours[5:7])
        part = (f"{ours[:4]}-Q{(month + 2) // 3}" if "-Q" in gold
                else f"{ours[:4]}-H{(month + 5) // 6}")
        return part == gold
    if gold[-2:] in ("SP", "SU", "FA", "WI"):
        return False  # only a season names a season
    return len(gold) < len(ours) and ours.startswith(gold) and ours[len(gold)] == "-"


def _week_inside(week: str, gold: str) -> bool:
    """Whether every day of an ISO week ("1998-W42") lies in the gold month, quarter, half
    or year (a week across two months names neither)."""
    try:
        monday = date.fromisocalendar(int(week[:4]), int(week[6:8]), 1)
    except ValueError:
        return False
    days = [monday, monday + timedelta(days=6)]
    return all(agrees(d.isoformat(), gold) for d in days)


@dataclass
class DateResult:
    linked: int = 0
    coded: int = 0
    coded_right: int = 0
    coded_dated: int = 0
    all_right: int = 0
    all_dated: int = 0
    dct: int = 0
    dct_right: int = 0
    after_publication: int = 0
    wrong: Tally = field(default_factory=Tally)
    examples: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {"event_date_coded_accuracy": share(self.coded_right, self.coded),
                "event_date_accuracy": share(self.all_right, self.linked),
                "event_date_precision": share(self.all_right, self.all_dated),
                "event_date_dct_accuracy": share(self.dct_right, self.dct)}


def _on_publication(ours, dct: str) -> bool:
    if ours is None:
        return False
    if ours.precision == "day":
        return ours.value == dct
    if ours.precision == "week":
        d, p = date.fromisoformat(ours.value), date.fromisoformat(dct)
        return 0 <= (p - d).days < 7
    return False


def evaluate(folder: Path, coder=None, examples: int = 0) -> DateResult:
    from tacitus.context.time import Dater
    from tacitus.eval.time import comparable
    from tacitus.model import Document
    from tacitus.pipeline import default_coder

    docs = read_folder(folder)
    coder = coder or default_coder()
    result = DateResult()
    for doc, parsed in zip(docs, coder.nlp.pipe(d.text for d in docs), strict=True):
        gold, at_dct = gold_dates(doc)
        if not gold and not at_dct:
            continue
        coded = coder._assemble(Document(id=doc.name, text=doc.text, published=doc.dct), parsed)
        dater = Dater(parsed, doc.dct, doc.text)
        for e in doc.events:
            values = gold.get(e.eid)
            if values is None and e.eid not in at_dct:
                continue
            span = parsed.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            token = span.root
            ours = dater.date_for(token, coder.modality.judge(token).modality)
            mine = [c for c in coded.events if c.trigger is not None
                    and c.trigger.start < e.end and e.start < c.trigger.end]
            if values is None:
                result.dct += 1
                result.dct_right += _on_publication(ours, doc.dct)
                continue
            result.linked += 1
            value = comparable(ours.value, ours.precision) if ours else None
            right = any(agrees(value, g) for g in values)
            result.all_right += right
            result.all_dated += ours is not None
            if ours is not None and ours.value[:10] > doc.dct and ours.qualifier is None:
                result.after_publication += 1
            if not right:
                kind = ("none" if ours is None else "publication" if ours.text is None
                        else "expression")
                result.wrong[f"{kind} {token.pos_}"] += 1
                if len(result.examples) < examples:
                    s = token.sent
                    result.examples.append(
                        f"{doc.name} [{token.text}] gold {sorted(values)} ours "
                        f"{value} ({ours.text if ours else ''}) | {s.text.strip()[:200]}")
            if mine:
                result.coded += 1
                dates = [m.date for m in mine]
                result.coded_right += any(
                    d is not None and any(agrees(comparable(d.value, d.precision), g)
                                          for g in values) for d in dates)
                result.coded_dated += any(d is not None for d in dates)
    return result


def report(r: DateResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"TimeBank + AQUAINT: {r.linked} events linked to a DATE expression of the text\n"
        f"coded events: {r.coded} linked, date right on {f['event_date_coded_accuracy']:.1%}\n"
        f"every linked event (the dating mechanism): date right on "
        f"{f['event_date_accuracy']:.1%} ({r.all_dated} dated, precision "
        f"{f['event_date_precision']:.1%}); {r.after_publication} dated after publication\n"
        f"events on the publication day: {r.dct}, given that day or its week on "
        f"{f['event_date_dct_accuracy']:.1%}\n"
        f"misses: {dict(r.wrong.most_common(8))}",
        markup=False,
    )
    for line in r.examples:
        console.print(line, markup=False)
