"""Pronouns followed to their person, on GAP (Wikipedia passages with one ambiguous pronoun).

Each GAP row gives a passage, one pronoun (he, his, him, she, her, hers) with its offset, and
two person names A and B with theirs; the gold says whether the pronoun refers to A, to B, or
to neither. tacitus codes the passage and reads its actor chains: the pronoun refers to A when
the actor whose mentions hold the pronoun also holds a mention overlapping A. The figure is F1
over the A and B decisions, as in the GAP paper (its syntactic-parallelism baseline scores
0.669), with the masculine and feminine halves apart, since GAP is gender-balanced to show
a system's bias (the ratio F/M).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import overlap, share
from tacitus.model import CodedDocument

FEMININE = {"she", "her", "hers", "herself"}
FILES = ("gap-development.tsv", "gap-validation.tsv")


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    pronoun: tuple[int, int]
    a: tuple[int, int]
    b: tuple[int, int]
    gold_a: bool
    gold_b: bool
    feminine: bool


def _span(text: str, offset: str, where: str) -> tuple[int, int]:
    try:
        start = int(offset)
    except ValueError:
        raise InputError(where, f"offset {offset!r} is not a number") from None
    return start, start + len(text)


def load_rows(path: Path) -> list[Row]:
    """The rows of one GAP file, or of the development and validation files in a folder."""
    path = Path(path)
    files = [path / f for f in FILES if (path / f).exists()] if path.is_dir() else [path]
    if not files or not all(f.exists() for f in files):
        raise InputError(str(path), "no GAP file (gap-development.tsv, gap-validation.tsv)")
    rows = []
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for n, rec in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE),
                                    start=2):
                where = f"{f}:{n}"
                try:
                    rows.append(Row(
                        rec["ID"], rec["Text"],
                        _span(rec["Pronoun"], rec["Pronoun-offset"], where),
                        _span(rec["A"], rec["A-offset"], where),
                        _span(rec["B"], rec["B-offset"], where),
                        rec["A-coref"].upper() == "TRUE", rec["B-coref"].upper() == "TRUE",
                        rec["Pronoun"].lower() in FEMININE,
                    ))
                except KeyError as exc:
                    raise InputError(where, f"missing column {exc}") from None
    return rows


def actor_at(doc: CodedDocument, span: tuple[int, int]) -> str | None:
    """The actor with a mention overlapping ``span`` (the longest overlap wins)."""
    best, most = None, 0
    for actor in doc.actors:
        for m in actor.mentions:
            shared = overlap((m.start, m.end), span)
            if shared > most:
                best, most = actor.id, shared
    return best


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        self.tp += predicted and gold
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def f1(self) -> float:
        return share(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass
class CorefResult:
    rows: int = 0
    resolved: int = 0  # pronouns given any actor
    all: Counts = field(default_factory=Counts)
    masculine: Counts = field(default_factory=Counts)
    feminine: Counts = field(default_factory=Counts)

    def figures(self) -> dict[str, float]:
        return {"gap_f1": self.all.f1}


def score_row(result: CorefResult, row: Row, doc: CodedDocument) -> None:
    result.rows += 1
    pronoun = actor_at(doc, row.pronoun)
    result.resolved += pronoun is not None
    half = result.feminine if row.feminine else result.masculine
    for name, gold in ((row.a, row.gold_a), (row.b, row.gold_b)):
        predicted = pronoun is not None and actor_at(doc, name) == pronoun
        result.all.add(predicted, gold)
        half.add(predicted, gold)


def evaluate(path: Path, coder=None) -> CorefResult:
    from tacitus.model import Document
    from tacitus.pipeline import default_coder

    coder = coder or default_coder()
    rows = load_rows(path)
    docs = (Document(id=r.id, text=r.text) for r in rows)  # offsets refer to the raw text
    result = CorefResult()
    for row, doc in zip(rows, coder.code_documents(docs), strict=True):
        score_row(result, row, doc)
    return result


def report(r: CorefResult, console: Console) -> None:
    m, f = r.masculine.f1, r.feminine.f1
    console.print(
        f"GAP: {r.rows} pronouns, {share(r.resolved, r.rows):.1%} given an actor; "
        f"F1 {r.all.f1:.3f} (masculine {m:.3f}, feminine {f:.3f}, bias F/M "
        f"{f / m if m else 0:.2f}); TP {r.all.tp}, FP {r.all.fp}, FN {r.all.fn}",
        markup=False,
    )
