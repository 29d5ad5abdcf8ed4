"""Score the coder on the PLOVER gold-standard records (an older 18-type PLOVER set).

Each record is one sentence with one gold event type and source/target actors given as
country codes (or "IGO", "NGO"). tacitus codes the sentence and its *main* event is compared:
the most confident event that is not a bare public statement (CAMEO 01), preferring events
that are not hypothetical or negated, since a record's
gold event is the substantive one ("X said it would attack Y" is coded THREATEN/ASSAULT, not
"make statement"). A sentence with no such event is a miss: precision is kept apart from
recall, because a coder that abstains is better than one that guesses.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError
from tacitus.model import CodedDocument, Event

# CAMEO root -> type of the older PLOVER set used by the gold-standard records.
GSR_TYPE_BY_ROOT = {
    "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
}


UNREAL = ("hypothetical", "negated")  # what a record's main event is not, when it has a choice


def gsr_type(event: Event) -> str | None:
    """The older PLOVER type of a coded event (None for public statements, root 01)."""
    if event.cameo.startswith("057"):
        return "AGREE"  # signing an agreement is AGREE in that set
    if event.root == "08" and event.plover == "RETREAT":
        return "RETREAT"
    return GSR_TYPE_BY_ROOT.get(event.root)


def main_event(doc: CodedDocument) -> Event | None:
    """The event a one-sentence record is about (see module docstring)."""
    candidates = [e for e in doc.events if gsr_type(e) is not None]
    if not candidates:
        return None
    return max(candidates, key=lambda e: (e.modality not in UNREAL, e.confidence,
                                          -e.evidence.start))


def actor_group(doc: CodedDocument, actor_id: str | None) -> str | None:
    """What the gold file compares: the actor's country, or IGO / NGO for organizations."""
    if actor_id is None:
        return None
    actor = next(a for a in doc.actors if a.id == actor_id)
    if actor.code and actor.code[:3] in ("IGO", "NGO"):
        return actor.code[:3]
    if actor.code and actor.code[:3] == "---" and actor.code[3:6] in ("IGO", "NGO"):
        return actor.code[3:6]  # "a human rights group": an NGO, though not named
    return actor.country


# The gold file writes a few countries with pre-ISO CAMEO codes; compare them as ISO3.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _codes(value: object) -> set[str]:
    if not isinstance(value, list):
        return set()
    codes = {str(a.get("code")) for a in value if isinstance(a, dict) and a.get("code")}
    return {LEGACY_CODES.get(c, c) for c in codes}


@dataclass
class PloverResult:
    records: int = 0
    coded: int = 0
    correct: int = 0
    by_gold: Counter = field(default_factory=Counter)
    by_pred: Counter = field(default_factory=Counter)
    hits: Counter = field(default_factory=Counter)
    source_total: int = 0
    source_right: int = 0
    source_coded: int = 0
    target_total: int = 0
    target_right: int = 0
    target_coded: int = 0

    @property
    def type_accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    @property
    def type_precision(self) -> float:
        return self.correct / self.coded if self.coded else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_total if self.source_total else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_right / self.target_total if self.target_total else 0.0

    def figures(self) -> dict[str, float]:
        """The headline figures, as stored in baselines and shown in docs/evaluation.md."""
        return {
            "plover_type_accuracy": round(self.type_accuracy, 4),
            "plover_type_precision": round(self.type_precision, 4),
            "plover_source_accuracy": round(self.source_accuracy, 4),
            "plover_target_accuracy": round(self.target_accuracy, 4),
        }


def load_records(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not a JSON list of records ({exc})") from None
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event")
            and r["event"] != "DOCUMENT"]


def evaluate(path: Path, coder=None) -> PloverResult:
    from tacitus.ingest import from_text
    from tacitus.pipeline import default_coder

    coder = coder or default_coder()
    records = load_records(path)
    docs = (from_text(r["text"], id=r["id"], published=r.get("date")) for r in records)
    result = PloverResult()
    for record, doc in zip(records, coder.code_documents(docs), strict=True):
        gold = record["event"]
        event = main_event(doc)
        predicted = gsr_type(event) if event else None
        result.records += 1
        result.by_gold[gold] += 1
        if predicted:
            result.coded += 1
            result.by_pred[predicted] += 1
            if predicted == gold:
                result.correct += 1
                result.hits[gold] += 1
        for role, gold_codes in (("source", _codes(record.get("source"))),
                                 ("target", _codes(record.get("target")))):
            if not gold_codes:
                continue
            setattr(result, f"{role}_total", getattr(result, f"{role}_total") + 1)
            got = actor_group(doc, getattr(event, role)) if event else None
            if got:
                setattr(result, f"{role}_coded", getattr(result, f"{role}_coded") + 1)
            if got in gold_codes:
                setattr(result, f"{role}_right", getattr(result, f"{role}_right") + 1)
    return result


def report(r: PloverResult, console: Console) -> None:
    table = Table("type", "gold", "coded", "right", "precision", "recall",
                  title="PLOVER gold-standard records", title_justify="left")
    for t in sorted(r.by_gold):
        p = r.hits[t] / r.by_pred[t] if r.by_pred[t] else 0.0
        rc = r.hits[t] / r.by_gold[t]
        table.add_row(t, str(r.by_gold[t]), str(r.by_pred[t]), str(r.hits[t]),
                      f"{p:.0%}", f"{rc:.0%}")
    console.print(table)
    console.print(
        f"records {r.records}, coded {r.coded} ({r.coded / max(r.records, 1):.0%}); "
        f"type right on {r.type_accuracy:.1%} of records, precision {r.type_precision:.1%}\n"
        f"source country right on {r.source_accuracy:.1%} of {r.source_total} records "
        f"({r.source_right}/{r.source_coded} where a source was coded)\n"
        f"target country right on {r.target_accuracy:.1%} of {r.target_total} records "
        f"({r.target_right}/{r.target_coded} where a target was coded)",
        markup=False,
    )
