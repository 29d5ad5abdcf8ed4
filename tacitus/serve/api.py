"""The JSON API under ``/api``: what the pages draw, and what a script may call directly.

Parameters in a web-only form (a dyad as ``USA-TAL``, QuadClasses as ``3,4``) are taken
apart here; every value is then checked by ``tacitus.store.query``, the API the reads go
through, before any query runs. A bad one is answered with a 400 JSON error that names it
(``{"error": "bad_parameter", "message": "bad quad_class '5': ..."}``, see app.py); type
errors FastAPI finds itself come back as 422 in the same shape.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from tacitus.errors import InputError, TimeLimitExceeded
from tacitus.events import lookup
from tacitus.serve.coding import Busy, CoderFailed, TextTooLong
from tacitus.serve.corpus import Corpus
from tacitus.serve.errors import ApiError, bad_parameter

router = APIRouter(prefix="/api")


def _corpus(request: Request) -> Corpus:
    return request.app.state.corpus


def _given(value: str | None) -> str | None:
    """A form field as a filter: an empty one is no filter."""
    return (value or "").strip() or None


def dyad_pair(name: str, value: str) -> tuple[str, str]:
    """``USA-TAL`` (or ``USA,TAL``): two actor codes, matched in either direction."""
    parts = re.split(r"[-,>/ ]+", value.strip())
    if len(parts) != 2 or not all(parts):
        raise bad_parameter(name, f"expected two actor codes like USA-TAL, got {value!r}")
    return parts[0], parts[1]


def quad_classes(value: str | None) -> list[str]:
    """``3`` or ``3,4``: the QuadClasses asked for (the store checks each)."""
    return [part.strip() for part in value.split(",")] if _given(value) else []


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """Counts for the page header, and whether this server may store coded articles."""
    state = request.app.state
    return {**_corpus(request).stats(), "allow_store": state.allow_store,
            "max_upload": state.max_upload,
            "max_code_chars": getattr(state.coder, "max_chars", None)}


@router.get("/cameo/roots")
def cameo_roots() -> list[dict[str, Any]]:
    """The twenty CAMEO roots, for the filter menus."""
    rows = [lookup(f"{n:02d}") for n in range(1, 21)]
    return [{"code": r.code, "name": r.name, "quad_class": r.quad_class,
             "goldstein": r.goldstein} for r in rows]


@router.get("/events")
def events(
    request: Request,
    source: Annotated[str | None, Query(description="a code; USA also finds USAGOV")] = None,
    target: str | None = None,
    dyad: Annotated[str | None, Query(description="two codes, either way: USA-TAL")] = None,
    actor: Annotated[str | None, Query(description="a code on either side")] = None,
    root: Annotated[str | None, Query(description="CAMEO root 01-20")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or its prefix: 19, 190, 0311"
                                       )] = None,
    quad_class: Annotated[str | None, Query(description="1-4 or a list: 3,4")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, "
                                                   "inclusive")] = None,
    place: Annotated[str | None, Query(description="a place, ISO3 code or country")] = None,
    modality: str | None = None,
    text: Annotated[str | None, Query(description="words in the evidence")] = None,
    title: Annotated[str | None, Query(description="words in the article's title")] = None,
    doc: Annotated[str | None, Query(description="only this document's events")] = None,
    unique: Annotated[bool, Query(description="one row per real-world event (cluster)")
                      ] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Annotated[str, Query(description="a column, - in front for descending")
                     ] = "-date",
) -> dict[str, Any]:
    """A page of events (mentions, or clusters with ``unique``) and how many match in all.
    The filters are those of ``tacitus.open(...).events``."""
    filters = {
        "source": _given(source), "target": _given(target), "actor": _given(actor),
        "dyad": dyad_pair("dyad", dyad) if _given(dyad) else None,
        "root": _given(root), "cameo": _given(cameo), "quad_class": quad_classes(quad_class),
        "since": _given(since), "until": _given(until), "place": _given(place),
        "modality": _given(modality),
        "text": _given(text), "title": _given(title), "doc_id": _given(doc)}
    rows, total = _corpus(request).events(filters, unique=unique, limit=limit, offset=offset,
                                          order=order)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset, "order": order}


@router.get("/documents")
def documents(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Stored articles, newest first (id, title, date, source, event count)."""
    rows, total = _corpus(request).documents(limit=limit, offset=offset)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/documents/{doc_id:path}")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """One stored article in the shape of the output contract (document, actors with
    mentions, events, quotes, places), so the page draws it like a freshly coded one."""
    found = _corpus(request).document(doc_id)
    if found is None:
        raise ApiError(404, "not_found", f"no stored article with id {doc_id!r}")
    return found


@router.get("/actors/{code}")
def actor(request: Request, code: str) -> dict[str, Any]:
    """One actor code: the names it went by, its counts, partners and mean Goldstein."""
    found = _corpus(request).actor(code.strip())
    if found is None:
        raise ApiError(404, "not_found", f"no events with actor code {code.upper()!r}")
    return found


@router.get("/timeline")
def timeline(
    request: Request,
    dyads: Annotated[str | None, Query(description="USA-TAL,AFG-PAK; empty: the busiest")
                     ] = None,
    interval: Literal["week", "month"] = "month",
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, "
                                                   "inclusive")] = None,
) -> dict[str, Any]:
    """Per week or month and dyad: events and Goldstein sums, cooperation and conflict apart."""
    pairs = [dyad_pair("dyads", part) for part in re.split(r"[,;]", dyads or "")
             if part.strip()]
    if len(pairs) > 12:
        raise bad_parameter("dyads", f"at most 12 dyads at a time, got {len(pairs)}")
    series = _corpus(request).timeline(pairs, interval=interval, since=_given(since),
                                         until=_given(until))
    return {"interval": interval, "series": series}


@router.get("/network")
def network(
    request: Request,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, "
                                                   "inclusive")] = None,
    quad_class: str | None = None,
    limit: Annotated[int, Query(ge=2, le=300, description="most active actors kept")] = 60,
) -> dict[str, Any]:
    """Actors as nodes and dyads as edges (events, mean Goldstein) for a period."""
    nodes, edges = _corpus(request).network(since=_given(since), until=_given(until),
                                            quad_class=quad_classes(quad_class), limit=limit)
    return {"nodes": nodes, "edges": edges}


@router.get("/map")
def map_points(
    request: Request,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD, "
                                                   "inclusive")] = None,
    quad_class: str | None = None,
    limit: Annotated[int, Query(ge=1, le=20000)] = 5000,
) -> dict[str, Any]:
    """Events with coordinates (the page clusters them), and how many have no place."""
    points, unplaced = _corpus(request).map_points(since=_given(since), until=_given(until),
                                                   quad_class=quad_classes(quad_class),
                                                   limit=limit + 1)
    return {"points": points[:limit], "truncated": len(points) > limit, "unplaced": unplaced}


@router.post("/code")
async def code_article(
    request: Request,
    text: Annotated[str | None, Form()] = None,
    file: Annotated[UploadFile | None, File()] = None,
    title: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
    store: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    """Code a pasted or uploaded article; store it only when the server was started
    writable. The body limit (413) is enforced before this runs, by ``BodyLimit``."""
    state = request.app.state
    if store and not state.allow_store:
        raise ApiError(403, "read_only", "this server opened the database read-only; "
                                         "start it with --allow-store to store articles")
    if file is not None and file.filename:
        data = await file.read()
        name = file.filename
    elif text and text.strip():
        data = text.encode("utf-8")
        name = "<pasted text>"
    else:
        raise bad_parameter("text", "paste an article or choose a file")
    try:
        coded = await run_in_threadpool(state.coder.code_bytes, data, name,
                                        title=title or None, published=published or None)
    except TextTooLong as exc:
        raise ApiError(413, "too_large", str(exc)) from None
    except InputError as exc:
        raise ApiError(400, "bad_input", str(exc)) from None
    except TimeLimitExceeded as exc:
        raise ApiError(503, "time_limit", str(exc)) from None
    except Busy as exc:
        raise ApiError(503, "busy", str(exc)) from None
    except CoderFailed as exc:
        raise ApiError(500, "coder_failed", str(exc)) from None
    answer = {"stored": False, "message": "coded, not stored"}
    if store:
        answer = await run_in_threadpool(_corpus(request).save, coded, f"serve:{name}")
    return {"coded": coded.model_dump(mode="json"), **answer, "doc_id": coded.document.id}
