"""Write coded documents as JSON, JSONL or a table a person can read.

Documents are written as they arrive, so a corpus streams through in constant memory. In the
table, every piece of article text is a rich ``Text`` (never markup), because the text is
untrusted: "[bold]" in an article is printed, not interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tacitus.model import CodedDocument, Event


def write_documents(docs: Iterable[CodedDocument], fmt: str, out: TextIO, *,
                    as_list: bool, explain: bool = False) -> int:
    """Write ``docs`` to ``out``; a JSON list when ``as_list``, else one object. Returns count.

    explain: the table also lists the readings left out as no events, with the reason (JSON
    always holds them, in ``left_out``)."""
    count = 0
    if fmt == "table":
        console = Console(file=out, highlight=False, width=160)
        for doc in docs:
            print_table(doc, console, explain=explain)
            count += 1
        return count
    if fmt == "jsonl":
        for doc in docs:
            out.write(doc.model_dump_json() + "\n")
            count += 1
        return count
    if as_list:
        out.write("[")
    for doc in docs:
        if count:
            out.write(",\n")
        out.write(doc.model_dump_json(indent=2))
        count += 1
    if as_list:
        out.write("]\n")
    elif count:
        out.write("\n")
    return count


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(e: Event) -> str:
    """ "2011-12-31 (Dec. 31)", "~2012-01-04" for a current report, "before 2014-12"."""
    if e.date is None:
        return "-"
    d = e.date
    value = f"{d.qualifier} {d.value}" if d.qualifier else d.value
    return f"{value} ({d.text})" if d.text else f"~{value}"


def _place(e: Event) -> str:
    """ "Kandahār (AFG)", or "-" when the event has no known place."""
    if e.location is None:
        return "-"
    return f"{e.location.name} ({e.location.country})" if e.location.country else e.location.name


def print_table(doc: CodedDocument, console: Console, *, explain: bool = False) -> None:
    d = doc.document
    head = Text(d.title or d.id, style="bold")
    head.append(f"  published {d.published or 'unknown'}", style="dim")
    if d.author:
        head.append(f"  by {d.author}", style="dim")
    console.print(head)
    names = {a.id: f"{a.name} [{a.code or '?'}]" for a in doc.actors}
    actors = Table("id", "actor", "code", "kind", "mentions", title="Actors", title_justify="left")
    for a in doc.actors:
        actors.add_row(a.id, Text(a.name), Text(a.code or "-"), a.kind, str(len(a.mentions)))
    console.print(actors)
    events = Table("id", "source", "event", "target", "date", "place", "counts", "modality",
                   "conf", "evidence", title="Events", title_justify="left")
    for e in doc.events:
        events.add_row(
            e.id,
            Text(names.get(e.source, "-") if e.source else "-"),
            Text(f"{e.cameo} {e.name}"),
            Text(names.get(e.target, "-") if e.target else "-"),
            Text(_date(e)),
            Text(_place(e)),
            Text("; ".join(f"{q.kind} {q.text}" for q in e.quantities) or "-"),
            Text(e.modality + (f" ({names[e.attributed_to]})" if e.attributed_to else "")),
            f"{e.confidence:.2f}",
            Text(_clip(e.evidence.text)),
        )
        for pair in e.pairs()[1:]:  # the other pairs of one act ("killed X and Y")
            events.add_row("", Text(names.get(pair.source, "-") if pair.source else "-"),
                           Text("same act"),
                           Text(names.get(pair.target, "-") if pair.target else "-"))
    console.print(events)
    if explain and doc.left_out:
        left = Table("code", "word", "at", "why left out", title="Left out (no events)",
                     title_justify="left")
        for lo in doc.left_out:
            left.add_row(lo.cameo, Text(lo.trigger.text), str(lo.trigger.start),
                         Text(f"{lo.reason}: {lo.detail}" if lo.detail else lo.reason))
        console.print(left)
    console.print()
