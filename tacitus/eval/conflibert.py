"""Score QuadClass on ConfliBERT's CAMEO classification file (``text<TAB>label`` lines).

Labels: 0 = public statement (CAMEO root 01), 1-4 = QuadClass (verbal cooperation, material
cooperation, verbal conflict, material conflict). The predicted label is that of the main
event: the most confident substantive event (real ones before hypothetical or negated ones),
else a public statement. A sentence with no
event at all is an abstention, counted against recall, not guessed.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError
from tacitus.eval import share
from tacitus.eval.plover import UNREAL
from tacitus.model import CodedDocument

LABELS = {0: "statement", 1: "verbal coop", 2: "material coop", 3: "verbal conflict",
          4: "material conflict"}


def predict(doc: CodedDocument) -> int | None:
    if not doc.events:
        return None
    substantive = [e for e in doc.events if e.root != "01"]
    if not substantive:
        return 0
    best = max(substantive, key=lambda e: (e.modality not in UNREAL, e.confidence,
                                           -e.evidence.start))
    return best.quad_class


@dataclass
class QuadResult:
    total: int = 0
    coded: int = 0
    correct: int = 0
    gold: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    hits: Counter = field(default_factory=Counter)

    def figures(self) -> dict[str, float]:
        return {
            "conflibert_accuracy": share(self.correct, self.total),
            "conflibert_precision": share(self.correct, self.coded),
        }


def load_rows(path: Path) -> list[tuple[str, int]]:
    rows = []
    try:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if len(row) != 2 or not row[1].strip().isdigit():
                    raise InputError(f"{path}:{n}", "expected 'text<TAB>label'")
                rows.append((row[0], int(row[1])))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    return rows


def evaluate(path: Path, coder=None) -> QuadResult:
    from tacitus.ingest import from_text
    from tacitus.pipeline import default_coder

    coder = coder or default_coder()
    rows = load_rows(path)
    result = QuadResult()
    docs = (from_text(text, id=str(n)) for n, (text, _) in enumerate(rows))
    for (_, gold), doc in zip(rows, coder.code_documents(docs), strict=True):
        label = predict(doc)
        result.total += 1
        result.gold[gold] += 1
        if label is None:
            continue
        result.coded += 1
        result.pred[label] += 1
        if label == gold:
            result.correct += 1
            result.hits[gold] += 1
    return result


def report(r: QuadResult, console: Console) -> None:
    table = Table("label", "gold", "coded", "right", "precision", "recall",
                  title="ConfliBERT QuadClass", title_justify="left")
    for label, name in LABELS.items():
        p = r.hits[label] / r.pred[label] if r.pred[label] else 0.0
        rc = r.hits[label] / r.gold[label] if r.gold[label] else 0.0
        table.add_row(f"{label} {name}", str(r.gold[label]), str(r.pred[label]),
                      str(r.hits[label]), f"{p:.0%}", f"{rc:.0%}")
    console.print(table)
    f = r.figures()
    console.print(f"sentences {r.total}, coded {r.coded}; accuracy {f['conflibert_accuracy']:.1%}"
                  f", precision {f['conflibert_precision']:.1%}", markup=False)
