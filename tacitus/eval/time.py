"""Score time expressions on TimeBank and AQUAINT (TimeML files, ../shared/eval/time).

Each document has a creation time (DCT); its DATE and TIME expressions carry a normalised
``value``. Two figures, both against the DCT as the publication date:

- value accuracy on the gold expressions: each gold expression's text is resolved alone;
  right when the value is the gold one (a TIME compares its date part; a week is compared as
  ISO week "1998-W32", a season as "1998-SU");
- value F1 of the whole finder over the document text: an expression found is right when it
  overlaps a gold one and has its value. This is the figure HeidelTime reported at about 0.78
  on TempEval-3. DURATION and SET expressions are left out of both: tacitus dates events with
  the DATE and TIME ones;
- type accuracy: of the gold TIMEX3 of every type (DATE, TIME, DURATION, SET) that an
  expression found overlaps, the share it gives the gold type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import share

SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


@dataclass
class TimeDoc:
    name: str
    dct: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def load_timeml(path: Path) -> tuple[TimeDoc, list]:
    """The TEXT of one TimeML file with its DATE/TIME expressions as character offsets, and
    all its TIMEX3 tags: the file is read once, by ``tacitus.eval.timeml``, the reader every
    TimeML evaluation shares."""
    from tacitus.eval.timeml import read_timeml

    doc = read_timeml(path)
    return TimeDoc(doc.name, doc.dct, doc.text,
                   [Gold(t.start, t.end, t.text, t.value) for t in doc.timexes
                    if t.type in ("DATE", "TIME")]), doc.timexes


REFS = {"present": "PRESENT_REF", "recent": "PAST_REF", "future": "FUTURE_REF"}


def comparable(value: str, precision: str, qualifier: str | None = None) -> str:
    """Our value in TimeML's notation (weeks, quarters, seasons and vague times differ)."""
    if qualifier in REFS:
        return REFS[qualifier]
    if precision == "quarter":
        y, m = value.split("-")
        return f"{y}-Q{(int(m) + 2) // 3}"
    if precision == "week":
        y, w, _ = date.fromisoformat(value).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if precision == "season":
        y, m = value.split("-")
        return f"{y}-{SEASON_CODES.get(int(m), m)}"
    return value


def gold_value(value: str) -> str:
    """A gold value as ``comparable`` writes ours: date part of a TIME, two-digit weeks."""
    if re.match(r"^\d{4}-\d\d-\d\dT", value):
        return value.split("T")[0]
    week = re.match(r"^(\d{4})-W(\d)$", value)
    if re.fullmatch(r"\d{3}X", value):
        return value[:3]  # a decade, "199X" or "199"
    return f"{week.group(1)}-W0{week.group(2)}" if week else value


@dataclass
class TimeResult:
    gold: int = 0
    normalised_right: int = 0
    found: int = 0
    found_right: int = 0
    found_gold: int = 0
    typed: int = 0
    typed_right: int = 0
    all_gold: int = 0

    def figures(self) -> dict[str, float]:
        p = self.found_right / self.found if self.found else 0.0
        r = self.found_gold / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"time_value_accuracy": share(self.normalised_right, self.gold),
                "time_value_precision": round(p, 4), "time_value_recall": round(r, 4),
                "time_value_f1": round(f1, 4),
                "time_type_accuracy": share(self.typed_right, self.typed)}


def evaluate(folder: Path, coder=None) -> TimeResult:
    from tacitus.context.time import Dater, find_times, resolve_with_dateparser
    from tacitus.pipeline import default_coder

    files = sorted(Path(folder).rglob("*.tml"))
    if not files:
        raise InputError(str(folder), "no .tml files")
    loaded = [load_timeml(f) for f in files]
    docs = [doc for doc, _ in loaded]
    every = {doc.name: timexes for doc, timexes in loaded}
    coder = coder or default_coder()
    result = TimeResult()
    for doc, parsed in zip(docs, coder.nlp.pipe(d.text for d in docs), strict=True):
        for g in doc.gold:
            result.gold += 1
            alone = [t for t in find_times(g.text, doc.dct) if t.end - t.start == len(g.text)]
            if alone:
                ours = alone[0].timeml or comparable(alone[0].value, alone[0].precision,
                                                     alone[0].qualifier)
            else:
                resolved = resolve_with_dateparser(g.text, doc.dct)
                ours = comparable(*resolved) if resolved else None
            if ours is not None and gold_value(ours) == gold_value(g.value):
                result.normalised_right += 1
        matched: set[int] = set()
        spans = Dater(parsed, doc.dct).spans
        gold_all = every[doc.name]
        result.all_gold += len(gold_all)
        for g in gold_all:
            ours = [t for t, _ in spans if g.start < t.end and t.start < g.end]
            if ours:
                result.typed += 1
                result.typed_right += ours[0].type == g.type
        for t, _ in spans:
            if t.type not in ("DATE", "TIME"):
                continue
            result.found += 1
            hits = [i for i, g in enumerate(doc.gold) if g.start < t.end and t.start < g.end]
            ours = t.timeml or comparable(t.value, t.precision, t.qualifier)
            right = [i for i in hits if gold_value(doc.gold[i].value) == gold_value(ours)]
            if right:
                result.found_right += 1
                matched.update(right[:1])
        result.found_gold += len(matched)
    return result


def report(r: TimeResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"TimeBank + AQUAINT: {r.gold} DATE/TIME expressions\n"
        f"value right on {f['time_value_accuracy']:.1%} of the gold expressions "
        f"(resolved alone against the document date)\n"
        f"finder: {r.found} expressions found, precision {f['time_value_precision']:.1%}, "
        f"recall {f['time_value_recall']:.1%}, value F1 {f['time_value_f1']:.1%}\n"
        f"type (DATE, TIME, DURATION, SET) right on {f['time_type_accuracy']:.1%} of the "
        f"{r.typed} gold expressions found (of {r.all_gold})",
        markup=False,
    )
