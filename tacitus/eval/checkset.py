"""The merge check set: articles whose coded records were judged by hand (issue 14).

``tests/fixtures/merge_checkset.json`` names articles of ``../shared`` (the seed and
articles of the evaluation sets) and, for every record the coder read from them one passage
at a time (``Coder(merge=False)``), which real event it reports, or that it reports none.
A record is named by offsets and a code only (its trigger's start and end, its evidence's
start and end, its CAMEO code), never by the text. An analyst's judgement, strictly:

* ``label``: the same label for records that report one real event (one attack, one
  statement of one speaker, one meeting), whatever their codes; "-" for a record that is no
  event (commentary, a description, a generic or habitual statement, another sense of the
  word, an actor that does not act).

Scoring codes the articles again, groups the records as ``tacitus.events.merge`` does, and
counts per 100 records: **duplicates** (records of a real event already counted) and
**non-events** (records whose every judged passage is "-"). Records whose passages were
never judged (the coder has changed since) are listed, so that they can be judged
(``scripts/annotate_merge.py``), and left out of both counts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.model import CodedDocument, Document, Event

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "merge_checkset.json"


def read_article(shared: Path, ref: str) -> Document:
    """The article ``ref`` names: a file under ``shared``, or ``file#id`` for one message of
    a MUC-4 file or one document of a JSONL file (WikiEvents)."""
    from tacitus.ingest import from_text, read_path

    name, _, ident = ref.partition("#")
    path = shared / name
    if not ident:
        (document,) = read_path(path)
        return document
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("doc_id") == ident:
                return from_text(row["text"], id=ident)
        raise KeyError(ref)
    from tacitus.eval.muc4 import parse_messages

    for m in parse_messages(path.read_text(encoding="latin-1")):
        if m.id == ident:
            return from_text(m.text, id=m.id, where=m.id)
    raise KeyError(ref)


def key(e: Event) -> list:
    """How the fixture names a record: trigger offsets, evidence offsets, code."""
    t = e.trigger or e.evidence
    return [t.start, t.end, e.evidence.start, e.evidence.end, e.cameo]


@dataclass
class Record:
    """One record as the user gets it: its passages and what the analyst said of them."""

    article: str
    event: Event
    members: list[Event]
    labels: list[str | None]

    @property
    def judged(self) -> bool:
        return any(label is not None for label in self.labels)

    @property
    def events(self) -> set[str]:
        return {label for label in self.labels if label not in (None, "-")}


@dataclass
class CheckResult:
    records: list[Record] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        judged = [r for r in self.records if r.judged]
        seen: Counter[tuple[str, str]] = Counter()
        for r in judged:
            for label in r.events:
                seen[(r.article, label)] += 1
        return {
            "records": len(judged),
            "unjudged": len(self.records) - len(judged),
            "duplicates": sum(n - 1 for n in seen.values()),
            "non_events": sum(1 for r in judged if not r.events),
            "overmerged": sum(1 for r in judged if len(r.events) > 1),
            "real_events": len(seen),
        }

    def per_100(self) -> dict[str, float]:
        c = self.counts()
        n = c["records"] or 1
        return {k: round(100 * c[k] / n, 1) for k in ("duplicates", "non_events", "overmerged")}

    def duplicates(self) -> list[Record]:
        """Every record of a real event after the first one that reports it."""
        out, seen = [], set()
        for r in self.records:
            if r.judged and r.events:
                if any((r.article, label) in seen for label in r.events):
                    out.append(r)
                seen |= {(r.article, label) for label in r.events}
        return out

    def non_events(self) -> list[Record]:
        return [r for r in self.records if r.judged and not r.events]


def load_fixture(path: Path = FIXTURE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def labels_of(article: dict) -> dict[tuple, str]:
    """Judged records of one article by their full key, and by trigger and code where that
    is unique (so that an evidence span grown by a word keeps its judgement)."""
    full = {tuple(r["key"]): r["label"] for r in article["records"]}
    loose: dict[tuple, set[str]] = {}
    for r in article["records"]:
        k = r["key"]
        loose.setdefault((k[0], k[1], k[4]), set()).add(r["label"])
    return {**{k: next(iter(v)) for k, v in loose.items() if len(v) == 1}, **full}


def label(labels: dict[tuple, str], e: Event) -> str | None:
    k = key(e)
    return labels.get(tuple(k), labels.get((k[0], k[1], k[4])))


def raw_coded(shared: Path, fixture: dict, coder=None) -> dict[str, CodedDocument]:
    """Each article of the fixture coded one passage at a time (no merging)."""
    from tacitus.pipeline import Coder

    coder = coder or Coder(merge=False)
    return {a["article"]: coder.code_document(read_article(shared, a["article"]))
            for a in fixture["articles"]}


def score(fixture: dict, coded: dict[str, CodedDocument], *, merged: bool = True
          ) -> CheckResult:
    """The records the user gets (merged, or one per passage) with their judgements."""
    from tacitus.events.merge import group_events, merge_events

    result = CheckResult()
    for article in fixture["articles"]:
        doc = coded[article["article"]]
        labels = labels_of(article)
        if merged:
            groups = group_events(doc.events, doc.actors, doc.document.text)
            events, _ = merge_events(doc.events, doc.actors, doc.document.text)
        else:
            groups, events = [[e] for e in doc.events], doc.events
        for event, group in zip(events, groups, strict=True):
            result.records.append(Record(article["article"], event, group,
                                         [label(labels, m) for m in group]))
    return result


def report(result: CheckResult, text_of: dict[str, str]) -> str:
    """The figures and every duplicate, non-event and unjudged record, in words."""
    c, p = result.counts(), result.per_100()
    lines = [f"{c['records']} records judged ({c['real_events']} real events), "
             f"{c['unjudged']} unjudged: {c['duplicates']} duplicates ({p['duplicates']} "
             f"per 100), {c['non_events']} non-events ({p['non_events']} per 100), "
             f"{c['overmerged']} records joining two real events ({p['overmerged']} per 100)"]

    def line(kind: str, r: Record) -> str:
        e = r.event
        return (f"  {kind:9} {r.article} {e.id} {e.cameo} "
                f"{text_of[r.article][e.evidence.start:e.evidence.end][:80]!r} "
                f"labels {r.labels}")

    lines += [line("duplicate", r) for r in result.duplicates()]
    lines += [line("non-event", r) for r in result.non_events()]
    lines += [line("overmerge", r) for r in result.records if len(r.events) > 1]
    lines += [line("unjudged", r) for r in result.records if not r.judged]
    return "\n".join(lines)
