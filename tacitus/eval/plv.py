"""Who did it to whom, on PLV (news sentences with their event's source and target marked).

Each row of ``PLV_train.tsv`` is one sentence whose event has a marked source phrase
(``<s>…</s>``), a marked target phrase (``<t>…</t>``) and a PLOVER root. tacitus codes the
sentence as an article; a row's *dyad is found* when some coded event has a source actor that
covers the marked source phrase and a target actor that covers the marked target phrase. An
actor covers a phrase when the words the event names it by, or any mention of the actor
(its entity chain), overlaps the phrase: "Zarif" covers "Iranian Foreign Minister Mohammad
Javad Zarif", and "he" covers "Zarif" when its chain holds him. The type is right when that
event's PLOVER type is the row's root (PLV's YIELD is PLOVER's CONCEDE and RETREAT).

Source and target are also scored on their own (some event's source covers the source
phrase), and a row whose target phrase no actor of the document covers is counted apart:
it shows how often the target is not read as an actor at all.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError
from tacitus.eval import overlap, share
from tacitus.model import CodedDocument, Event

MARK = re.compile(r"</?[st]>")
YIELD = {"CONCEDE", "RETREAT"}


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    source: tuple[int, int]  # offsets of the marked phrases in ``text``
    target: tuple[int, int]
    root: str


def unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The sentence without its tags, and the offsets of each tagged phrase in it.

    Whitespace at a phrase's edges is left out of its span ("(GNA) </s>announced")."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        piece = marked[pos : m.start()]
        out.append(piece)
        length += len(piece)
        tag = m.group()
        name = tag.strip("</>")
        if tag.startswith("</"):
            if name in opened:
                spans[name] = (opened.pop(name), length)
        else:
            opened[name] = length
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for name, (start, end) in list(spans.items()):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans[name] = (start, end)
    return text, spans


def load_rows(path: Path) -> list[Row]:
    rows = []
    try:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            for n, rec in enumerate(reader, start=2):
                marked, root = rec.get("marked_sentence"), rec.get("gold_root")
                if not marked or not root:
                    raise InputError(f"{path}:{n}", "expected marked_sentence and gold_root")
                text, spans = unmark(marked.strip())
                if "s" not in spans or "t" not in spans:
                    continue  # a row without both phrases marked says nothing of a dyad
                rows.append(Row(rec.get("sentence_id") or str(n), text, spans["s"],
                                spans["t"], root.strip()))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    return rows


def locate(span: tuple[int, int], raw: str, cleaned: str) -> tuple[int, int] | None:
    """The span of ``raw[span]`` in the cleaned text (cleaning may drop a dateline)."""
    phrase = raw[span[0] : span[1]]
    if not phrase:
        return None
    shift = len(raw) - len(cleaned)
    hits = [m.start() for m in re.finditer(re.escape(phrase), cleaned)]
    if not hits:
        return None
    start = min(hits, key=lambda h: abs(h - (span[0] - shift)))
    return start, start + len(phrase)


def covers(doc: CodedDocument, actor_id: str | None, said, gold: tuple[int, int]) -> bool:
    """Whether the actor (by the words the event names it with, or its chain) covers ``gold``."""
    if actor_id is None:
        return False
    if said is not None and overlap((said.start, said.end), gold):
        return True
    actor = next((a for a in doc.actors if a.id == actor_id), None)
    return actor is not None and any(overlap((m.start, m.end), gold) for m in actor.mentions)


def plv_type(event: Event) -> str | None:
    return "YIELD" if event.plover in YIELD else event.plover


@dataclass
class PlvResult:
    rows: int = 0
    dyad: int = 0
    dyad_type: int = 0
    source: int = 0
    target: int = 0
    target_no_actor: int = 0
    unlocated: int = 0
    by_root: Counter = field(default_factory=Counter)
    dyad_by_root: Counter = field(default_factory=Counter)
    typed_by_root: Counter = field(default_factory=Counter)

    def figures(self) -> dict[str, float]:
        return {
            "plv_dyad": share(self.dyad, self.rows),
            "plv_dyad_type": share(self.dyad_type, self.rows),
            "plv_source": share(self.source, self.rows),
            "plv_target": share(self.target, self.rows),
        }


def score_row(result: PlvResult, row: Row, doc: CodedDocument) -> None:
    """Add one coded row to ``result``."""
    text = doc.document.text
    source = locate(row.source, row.text, text)
    target = locate(row.target, row.text, text)
    result.rows += 1
    result.by_root[row.root] += 1
    if source is None or target is None:
        result.unlocated += 1
        return
    pairs = [(e, p) for e in doc.events for p in e.pairs()]  # one act, each of its dyads
    src = [(e, p) for e, p in pairs if covers(doc, p.source, p.source_span, source)]
    tgt = [(e, p) for e, p in pairs if covers(doc, p.target, p.target_span, target)]
    result.source += bool(src)
    result.target += bool(tgt)
    if not any(overlap((m.start, m.end), target) for a in doc.actors for m in a.mentions):
        result.target_no_actor += 1
    both = [e for e, p in src if (e, p) in tgt]
    if both:
        result.dyad += 1
        result.dyad_by_root[row.root] += 1
        if any(plv_type(e) == row.root for e in both):
            result.dyad_type += 1
            result.typed_by_root[row.root] += 1


def evaluate(path: Path, coder=None) -> PlvResult:
    from tacitus.ingest import from_text
    from tacitus.pipeline import default_coder

    coder = coder or default_coder()
    rows = load_rows(path)
    docs = (from_text(r.text, id=r.id) for r in rows)
    result = PlvResult()
    for row, doc in zip(rows, coder.code_documents(docs), strict=True):
        score_row(result, row, doc)
    return result


def report(r: PlvResult, console: Console) -> None:
    table = Table("gold type", "rows", "dyad found", "dyad + type", "type right when found",
                  title="PLV: who did it to whom", title_justify="left")
    for root in sorted(r.by_root, key=lambda k: -r.by_root[k]):
        n, d, t = r.by_root[root], r.dyad_by_root[root], r.typed_by_root[root]
        table.add_row(root, str(n), f"{d / n:.0%}", f"{t / n:.0%}",
                      f"{t / d:.0%}" if d else "-")
    console.print(table)
    f = r.figures()
    console.print(
        f"rows {r.rows}: dyad found {f['plv_dyad']:.1%}, with the right type "
        f"{f['plv_dyad_type']:.1%} (type right on {share(r.dyad_type, r.dyad):.1%} of found "
        f"dyads)\nsource found {f['plv_source']:.1%}, target found {f['plv_target']:.1%}; "
        f"target phrase covered by no actor {share(r.target_no_actor, r.rows):.1%}; "
        f"phrases not found in the cleaned text {r.unlocated}",
        markup=False,
    )
