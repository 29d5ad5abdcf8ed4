"""Score places: toponym resolution on LGL, and event-place attachment (../shared/eval/geo).

LGL (``lgl.xml``): 588 US local-news articles whose toponyms carry character offsets and the
GeoNames point they mean. Only toponyms with a point count. Two ways, as geoparsers report:

- resolution given the gold spans: every gold span of an article is resolved together, in
  its text (the other toponyms are its context). Right when our point is within 161 km
  (100 miles) of the gold one; an unresolved span, or one we know no point for, is wrong.
  Mean and median error are over the spans we resolved to a point.
- end to end: our own toponyms over the text. Recall is the share of gold toponyms one of
  ours overlaps, precision the share of ours that overlap a gold one; accuracy within 161 km
  is over the gold toponyms found.

Event location (``event_location_dev.jsonl``): sentences with the span of one event verb and,
when the sentence says it, the span of the place where that event happened. The place we
attach to that verb is right when it overlaps a gold place span; no place is right when the
gold has none. The texts are coded as they are (no cleaning), so offsets match. About 900
gold place spans carry offsets that do not slice their own ``text`` (empty spans at 0-20, or
token numbers): such a span is anchored where its text occurs in the sentence (any
occurrence: one name, one place); one whose text is not there stays as given.
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import overlap, share

NEAR_KM = 161.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Toponym:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass
class Article:
    id: str
    text: str
    toponyms: list[Toponym]


def load_lgl(path: Path) -> list[Article]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(str(path), f"not LGL XML: {exc}") from None
    out = []
    for art in root.iter("article"):
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            tops.append(Toponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                float(lat) if lat else None, float(lon) if lon else None))
        out.append(Article(art.get("docid", ""), art.findtext("text") or "", tops))
    if not out:
        raise InputError(str(path), "no <article> elements")
    return out


@dataclass
class GeoResult:
    gold: int = 0  # gold toponyms with a point
    near: int = 0  # resolved within 161 km, given the gold spans
    errors: list[float] = field(default_factory=list)
    found: int = 0  # end to end: gold toponyms one of ours overlaps
    found_near: int = 0
    ours: int = 0
    ours_matched: int = 0

    def figures(self) -> dict[str, float]:
        return {"geo_accuracy_161km": share(self.near, self.gold),
                "geo_recall": share(self.found, self.gold),
                "geo_precision": share(self.ours_matched, self.ours),
                "geo_end_to_end_161km": share(self.found_near, self.found)}

    def mean_km(self) -> float:
        return statistics.fmean(self.errors) if self.errors else 0.0

    def median_km(self) -> float:
        return statistics.median(self.errors) if self.errors else 0.0


def _near(entry, gold: Toponym) -> float | None:
    if entry is None or entry.lat is None or entry.lon is None:
        return None
    return distance_km(entry.lat, entry.lon, gold.lat, gold.lon)  # type: ignore[arg-type]


def evaluate(path: Path, coder=None) -> GeoResult:
    from tacitus.actors import ActorBook
    from tacitus.context.places import Placer
    from tacitus.pipeline import default_coder

    articles = load_lgl(Path(path))
    coder = coder or default_coder()
    result = GeoResult()
    for art, doc in zip(articles, coder.nlp.pipe(a.text for a in articles), strict=True):
        book = ActorBook(doc, coder.dictionary, None)
        gold = [t for t in art.toponyms if t.lat is not None and t.lon is not None]
        given = Placer(doc, book, spans=[(t.start, t.end) for t in art.toponyms])
        resolved = {(s, e): row for s, e, row in given.resolved()}
        for t in gold:
            result.gold += 1
            km = _near(resolved.get((t.start, t.end)), t)
            if km is not None:
                result.errors.append(km)
                result.near += km <= NEAR_KM
        ours = Placer(doc, book).resolved()
        result.ours += len(ours)
        spans = [(t.start, t.end) for t in art.toponyms]
        result.ours_matched += sum(any(overlap((s, e), g) for g in spans) for s, e, _ in ours)
        for t in gold:
            hit = next((row for s, e, row in ours if overlap((s, e), (t.start, t.end))), None)
            if hit is None and not any(overlap((s, e), (t.start, t.end)) for s, e, _ in ours):
                continue
            result.found += 1
            km = _near(hit, t)
            result.found_near += km is not None and km <= NEAR_KM
    return result


def report(r: GeoResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"LGL: {r.gold} toponyms with a GeoNames point\n"
        f"given the gold spans: {f['geo_accuracy_161km']:.1%} within {NEAR_KM:.0f} km; "
        f"error over the {len(r.errors)} resolved: mean {r.mean_km():,.0f} km, "
        f"median {r.median_km():,.0f} km\n"
        f"end to end: found {r.found} ({f['geo_recall']:.1%} recall, "
        f"{f['geo_precision']:.1%} of our {r.ours} toponyms are gold ones), "
        f"{f['geo_end_to_end_161km']:.1%} of those found within {NEAR_KM:.0f} km",
        markup=False,
    )


@dataclass
class LocationResult:
    sentences: int = 0
    right: int = 0
    with_place: int = 0  # gold sentences that name the event's place
    found: int = 0  # of those, the place we attach overlaps a gold one
    attached: int = 0  # sentences where we attach a place
    attached_right: int = 0

    def figures(self) -> dict[str, float]:
        return {"event_location_accuracy": share(self.right, self.sentences),
                "event_location_recall": share(self.found, self.with_place),
                "event_location_precision": share(self.attached_right, self.attached)}


def load_locations(path: Path) -> list[dict]:
    try:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"not JSONL: {exc}") from None
    rows = [r for r in rows if any(s.get("label") == "VERB" for s in r.get("spans", []))]
    if not rows:
        raise InputError(str(path), "no records with a VERB span")
    return rows


def gold_places(row: dict) -> list[tuple[int, int]]:
    """The character spans of a record's gold places. A span whose offsets do not slice the
    text it gives is anchored at every occurrence of that text (kept as given when there is
    none)."""
    text, out = row["text"], []
    for s in row["spans"]:
        if s.get("label") != "LOCATION":
            continue
        name = s.get("text")
        if not name or text[s["start"] : s["end"]] == name:
            out.append((s["start"], s["end"]))
            continue
        at = text.find(name)
        if at < 0:  # not in the text: the sentence still names a place, which we cannot hit
            out.append((s["start"], s["end"]))
        while at >= 0:
            out.append((at, at + len(name)))
            at = text.find(name, at + 1)
    return out


def evaluate_location(path: Path, coder=None) -> LocationResult:
    from tacitus.actors import ActorBook
    from tacitus.context.places import Placer
    from tacitus.pipeline import default_coder

    rows = load_locations(Path(path))
    coder = coder or default_coder()
    result = LocationResult()
    for row, doc in zip(rows, coder.nlp.pipe((r["text"] for r in rows), batch_size=64),
                        strict=True):
        verb = next(s for s in row["spans"] if s["label"] == "VERB")
        places = gold_places(row)
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
        result.sentences += 1
        result.with_place += bool(places)
        if span is None:
            result.right += not places
            continue
        placer = Placer(doc, ActorBook(doc, coder.dictionary, None))
        m = placer.mention_for(span.root)
        if m is None:
            result.right += not places
            continue
        result.attached += 1
        hit = any(overlap((m.start, m.end), p) for p in places)
        result.attached_right += hit
        result.found += hit
        result.right += hit
    return result


def report_location(r: LocationResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"event locations: {r.sentences} sentences, {r.with_place} name the event's place\n"
        f"right (the gold place, or none when it has none): "
        f"{f['event_location_accuracy']:.1%}; recall {f['event_location_recall']:.1%}, "
        f"precision {f['event_location_precision']:.1%} of the {r.attached} places attached",
        markup=False,
    )
