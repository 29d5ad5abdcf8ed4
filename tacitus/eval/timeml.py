"""TimeML files (TimeBank, AQUAINT) read whole: text, time expressions, events, links.

One reader for the three TimeML evaluations (``eval time``, ``eval event-dates``, ``eval
modality``). Offsets are character offsets into the text of the ``TEXT`` element with every
tag taken out, which is what tacitus reads.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import InputError

# an event-time relation, and the same relation read from the time's side
_INVERSE = {"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY",
            "BEGUN_BY": "BEGINS", "ENDS": "ENDED_BY", "ENDED_BY": "ENDS",
            "SIMULTANEOUS": "SIMULTANEOUS", "DURING": "DURING_INV", "DURING_INV": "DURING",
            "BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
            "IDENTITY": "IDENTITY"}


@dataclass
class Timex:
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class EventMention:
    """One EVENT tag with its instance's attributes (the first MAKEINSTANCE of it)."""

    eid: str
    start: int
    end: int
    text: str
    cls: str
    eiid: str | None = None
    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    modality: str | None = None
    pos: str = "UNKNOWN"
    # the SLINK types that subordinate this instance ("failed to reach": COUNTER_FACTIVE;
    # "if the talks fail": CONDITIONAL)
    subordinated: set[str] = field(default_factory=set)


@dataclass
class TimeMLDoc:
    name: str
    dct: str
    dct_tid: str
    text: str
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # (event id, relation from the event's side, time id)
    event_time: list[tuple[str, str, str]] = field(default_factory=list)

    def timex(self, tid: str) -> Timex | None:
        return next((t for t in self.timexes if t.tid == tid), None)


def read_timeml(path: Path) -> TimeMLDoc:
    """One TimeML file: the text of TEXT, its TIMEX3 and EVENT tags as offsets, the
    TLINKs between an event and a time, each read from the event's side, and the SLINK
    types that subordinate each event instance."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not TimeML XML ({exc})") from None
    dct_node = root.find("DCT/TIMEX3")
    text_node = root.find("TEXT")
    if dct_node is None or text_node is None:
        raise InputError(str(path), "no DCT or TEXT element")
    doc = TimeMLDoc(path.name, dct_node.get("value", "")[:10], dct_node.get("tid", "t0"), "")
    parts: list[str] = []
    size = 0

    def walk(node: ET.Element) -> None:
        nonlocal size
        start = size
        if node.text:
            parts.append(node.text)
            size += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                size += len(child.tail)
        inner = "".join(parts)[start:] if node.tag in ("TIMEX3", "EVENT") else ""
        if node.tag == "TIMEX3":
            doc.timexes.append(Timex(node.get("tid", ""), start, size, inner,
                                     node.get("type", ""), node.get("value", "")))
        elif node.tag == "EVENT":
            doc.events.append(EventMention(node.get("eid", ""), start, size, inner,
                                           node.get("class", "")))

    walk(text_node)
    doc.text = "".join(parts)
    by_eid = {e.eid: e for e in doc.events}
    instance_of: dict[str, str] = {}
    for inst in root.iter("MAKEINSTANCE"):
        e = by_eid.get(inst.get("eventID", ""))
        eiid = inst.get("eiid", "")
        if e is None:
            continue
        instance_of[eiid] = e.eid
        if e.eiid is None:
            e.eiid = eiid
            e.tense = inst.get("tense", "NONE")
            e.aspect = inst.get("aspect", "NONE")
            e.polarity = inst.get("polarity", "POS").upper()
            e.modality = inst.get("modality")
            e.pos = inst.get("pos", "UNKNOWN")
    for link in root.iter("SLINK"):
        e = by_eid.get(instance_of.get(link.get("subordinatedEventInstance", ""), ""))
        if e is not None and e.eiid == link.get("subordinatedEventInstance"):
            e.subordinated.add(link.get("relType", ""))
    for link in root.iter("TLINK"):
        rel = link.get("relType", "")
        ev, tm = link.get("eventInstanceID"), link.get("relatedToTime")
        if ev is None or tm is None:  # the time's side: "t3 INCLUDES ei5"
            ev, tm = link.get("relatedToEventInstance"), link.get("timeID")
            rel = _INVERSE.get(rel, rel)
        if ev is not None and tm is not None and ev in instance_of:
            doc.event_time.append((instance_of[ev], rel, tm))
    return doc


def read_folder(folder: Path) -> list[TimeMLDoc]:
    files = sorted(Path(folder).rglob("*.tml"))
    if not files:
        raise InputError(str(folder), "no .tml files")
    return [read_timeml(f) for f in files]
