"""What one document may cost, and coding that keeps to it.

Articles come from the open web, so some are made to hurt and some are just enormous. Each
document is bounded three ways, whichever command reads it:

- size: ``MAX_BYTES`` per file, line, feed or WARC record (``tacitus.ingest.readers``), and
  ``MAX_CHARS`` of cleaned text to code;
- length: a text longer than ``PART_CHARS`` is coded in parts cut at paragraph breaks
  (``split_parts``, ``merge_parts``), so that time and memory grow linearly with its length.
  Several of the coder's steps cost more than linearly in the length of one parsed text
  (``benchmarks/bench_scaling.py`` measures them), and one spaCy ``Doc`` of a million
  characters holds gigabytes;
- time: ``time_budget()`` seconds (``TACITUS_TIME_LIMIT``, 0 for none) per document, enforced
  with ``SIGALRM`` wherever the work runs in a process's main thread: ``tacitus code``, the
  reader of ``tacitus ingest`` and its local workers. Threads cannot be interrupted, so Dask
  worker threads have no time limit, and the workbench codes in a child process that it kills
  instead (``tacitus.serve.coding``).

``code_each`` codes a stream of documents and turns every failure (a limit, or the coder's
own exception) into a one-line reason, so that one document never stops a run.
"""

from __future__ import annotations

import math
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

from tacitus.errors import TimeLimitExceeded
from tacitus.model import CodedDocument, Document

if TYPE_CHECKING:
    from tacitus.pipeline import Coder

MAX_CHARS = 1_000_000
"""Longest cleaned text coded (spaCy's own ``max_length``): about 150,000 words, a book
rather than an article. A 10 MB file may hold ten times as much; it is refused with a
reason instead of taking minutes and gigabytes."""

PART_CHARS = 50_000
"""Texts longer than this are coded in parts of at most this many characters. Nearly every
news article is shorter and is coded whole; a part costs about as much as three articles."""

DEFAULT_TIME_LIMIT = 180.0
"""Seconds one document may take to read or to code. A text of ``MAX_CHARS`` codes in about
a minute on one 2020s core, so only a pathological document reaches it."""

Outcome = tuple[Document, CodedDocument | None, str | None]
"""A document, then what coding it gave, or None and the reason it failed."""


def time_budget() -> float:
    """Seconds per document: ``TACITUS_TIME_LIMIT`` when set (0 turns the limit off)."""
    given = os.environ.get("TACITUS_TIME_LIMIT", "").strip()
    try:
        return float(given) if given else DEFAULT_TIME_LIMIT
    except ValueError:
        return DEFAULT_TIME_LIMIT


_deadlines: list[float] = []
"""Monotonic deadlines of the ``time_limit`` blocks now open in the main thread, innermost
last (each already the minimum of its own and the enclosing ones)."""


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeLimitExceeded("time limit reached")


def _arm(deadline: float) -> None:
    """Fire at ``deadline``, then every quarter second until disarmed: a library that
    catches every exception (trafilatura does, in places) swallows one alarm, not all."""
    signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 1e-3), 0.25)


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` ("{what} took longer than N s") when the block runs
    longer than ``seconds``. Blocks nest: an inner block never extends an outer one.

    Only the main thread can receive signals; elsewhere (or with ``seconds`` None or 0) the
    block runs unbounded. Code between bytecodes is interrupted; a long call into C (a
    regular expression, a parser) is interrupted when it returns.
    """
    if not seconds or seconds <= 0 or not _alarm_usable():
        yield
        return
    own = time.monotonic() + seconds
    outer = _deadlines[-1] if _deadlines else math.inf
    previous: Any = None
    if not _deadlines:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    _deadlines.append(min(own, outer))
    _arm(_deadlines[-1])
    try:
        yield
    except TimeLimitExceeded as exc:
        if exc.args == ("time limit reached",) and time.monotonic() >= own - 1e-3:
            raise TimeLimitExceeded(f"{what} took longer than {seconds:g} s (the time limit "
                                    "per document; TACITUS_TIME_LIMIT sets it)") from None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _deadlines.pop()
        if _deadlines:
            _arm(_deadlines[-1])
        else:
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def too_long(document: Document) -> str | None:
    """Why ``document`` is too long to code, or None."""
    if len(document.text) > MAX_CHARS:
        return (f"text too long to code: {len(document.text):,} characters (limit "
                f"{MAX_CHARS:,}); split it into its articles")
    return None


def code_each(coder: Coder, documents: Iterable[Document], *, batch_size: int = 16,
              seconds: float | None = None) -> Iterator[Outcome]:
    """Code ``documents`` in order, one outcome each, never raising for a document.

    Short documents are parsed in batches (as ``Coder.code_documents`` does); a batch that
    fails or runs out of time is coded again one document at a time, so only the document at
    fault is lost. Long ones (over ``PART_CHARS``) are coded alone, in parts; those over
    ``MAX_CHARS`` are refused. Each document has ``seconds`` (default ``time_budget()``).
    """
    budget = time_budget() if seconds is None else seconds
    batch: list[Document] = []
    for document in documents:
        reason = too_long(document)
        if reason is not None or len(document.text) > PART_CHARS:
            yield from _batch(coder, batch, budget)
            batch = []
            yield (document, None, reason) if reason else _one(coder, document, budget)
            continue
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _batch(coder, batch, budget)
            batch = []
    yield from _batch(coder, batch, budget)


def _batch(coder: Coder, batch: list[Document], budget: float) -> list[Outcome]:
    if not batch:
        return []
    try:
        # One document's budget for the whole batch: a batch of short articles codes in a
        # second or two, and one that does not is retried document by document below.
        with time_limit(budget, "coding"):
            coded = list(coder.code_documents(batch, batch_size=len(batch)))
    except Exception:
        return [_one(coder, document, budget) for document in batch]
    return [(d, c, None) for d, c in zip(batch, coded, strict=True)]


def _one(coder: Coder, document: Document, budget: float) -> Outcome:
    try:
        with time_limit(budget, "coding"):
            return document, coder.code_document(document), None
    except TimeLimitExceeded as exc:
        return document, None, str(exc)
    except RecursionError:
        return document, None, "coder failed: the text is nested too deeply (RecursionError)"
    except MemoryError:
        return document, None, "coder failed: out of memory"
    except Exception as exc:  # the coder's own bug: record it and go on with the corpus
        first = (str(exc).splitlines() or [""])[0][:300]
        return document, None, f"coder failed: {type(exc).__name__}: {first}"


def split_parts(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """``text`` as consecutive slices of at most ``size`` (``PART_CHARS``) characters, each
    with its offset.

    A cut falls after the last paragraph break in the second half of the window, else the
    last line break, sentence end or space, else at ``size``. The slices join back into
    ``text``, so every offset found in a part plus the part's offset is an offset in the
    whole text.
    """
    size = size or PART_CHARS
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for mark in ("\n\n", "\n", ". ", " "):
            found = text.rfind(mark, start + size // 2, end)
            if found >= 0:
                cut = found + len(mark)
                break
        parts.append((start, text[start:cut]))
        start = cut
    parts.append((start, text[start:]))
    return parts


def _shift(value: Any, delta: int) -> None:
    """Add ``delta`` to every ``start`` and ``end`` in ``value`` (in place): in the output
    contract both always mean an offset into the document's text."""
    if isinstance(value, list):
        for item in value:
            _shift(item, delta)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("start", "end") and isinstance(item, int):
                value[key] = item + delta
            else:
                _shift(item, delta)


def merge_parts(document: Document, parts: list[tuple[int, int, CodedDocument]]
                ) -> CodedDocument:
    """One ``CodedDocument`` for ``document`` from its parts, each given with its offset in
    the text, the number of sentences before it and its coding.

    Offsets and sentence numbers are moved to the whole text. An actor (or place) found in
    several parts with the same name, code, kind, country and role becomes one, with all its
    mentions; actor and event ids are numbered again in reading order. Any other list of
    the contract (``left_out``, and lists added later) is joined, its offsets moved. What the
    coder links across sentences (a pronoun to its actor, a date to the last one named) does
    not cross a part boundary.
    """
    actors: dict[tuple, dict[str, Any]] = {}
    places: dict[tuple, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    other: dict[str, list[Any]] = {}
    for start, sentences, part in parts:
        data = part.model_dump()
        for key, value in data.items():
            if isinstance(value, list):
                _shift(value, start)
                if key not in ("actors", "events", "quotes", "places"):
                    other.setdefault(key, []).extend(value)
        ids: dict[str, str] = {}
        for actor in data["actors"]:
            identity = (actor["name"], actor["code"], actor["kind"], actor["country"],
                        actor.get("role"))
            kept = actors.setdefault(identity, {**actor, "id": f"a{len(actors) + 1}",
                                                "mentions": []})
            kept["mentions"] += actor["mentions"]
            ids[actor["id"]] = kept["id"]
        for event in data["events"]:
            event["id"] = f"e{len(events) + 1}"
            for field in ("source", "target", "attributed_to"):
                if event.get(field) is not None:
                    event[field] = ids.get(event[field])
            event["sentence"] += sentences
            events.append(event)
        for quote in data["quotes"]:
            quote["speaker"] = ids.get(quote["speaker"]) if quote["speaker"] else None
            quotes.append(quote)
        for place in data["places"]:
            identity = (place["name"], place["geonames_id"], place["lat"], place["lon"],
                        place["country"])
            kept = places.setdefault(identity, {**place, "mentions": []})
            kept["mentions"] += place["mentions"]
    merged = parts[0][2].model_dump() if parts else {}
    merged.update(other, document=document.model_dump(), actors=list(actors.values()),
                  events=events, quotes=quotes, places=list(places.values()))
    return CodedDocument.model_validate(merged)
