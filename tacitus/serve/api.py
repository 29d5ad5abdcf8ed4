"""The JSON API under ``/api``: what the pages draw, and what a script may call directly.

Every parameter is checked here, before any query runs, and a bad one is answered with a
400 JSON error that names it (``{"error": "bad_parameter", "message": "quad_class: ..."}``);
type errors FastAPI finds itself come back as 422 in the same shape (see app.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from tacitus.errors import InputError
from tacitus.events import lookup
from tacitus.serve.corpus import ORDERS, Corpus, EventFilter
from tacitus.serve.errors import ApiError, bad_parameter

router = APIRouter(prefix="/api")

_CODE = re.compile(r"^[A-Za-z0-9]{1,40}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_MODALITIES = ("asserted", "reported", "disputed", "planned", "hypothetical", "negated")


def _corpus(request: Request) -> Corpus:
    return request.app.state.corpus


def actor_code(name: str, value: str | None) -> str | None:
    """An actor code (or its prefix: ``USA`` matches ``USAGOV``), upper-cased."""
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if not _CODE.match(value):
        raise bad_parameter(name, f"expected an actor code of letters and digits, got {value!r}")
    return value.upper()


def dyad_pair(name: str, value: str) -> tuple[str, str]:
    """``USA-TAL`` (or ``USA,TAL``): two actor codes, matched in either direction."""
    parts = re.split(r"[-,>/ ]+", value.strip())
    if len(parts) != 2 or not all(parts):
        raise bad_parameter(name, f"expected two actor codes like USA-TAL, got {value!r}")
    return actor_code(name, parts[0]) or "", actor_code(name, parts[1]) or ""


def quad_classes(value: str | None) -> tuple[int, ...]:
    """``3`` or ``3,4``: QuadClasses 1-4."""
    if value is None or value.strip() == "":
        return ()
    found = []
    for part in value.split(","):
        part = part.strip()
        if part not in ("1", "2", "3", "4"):
            raise bad_parameter("quad_class", f"expected 1, 2, 3 or 4 (or a list like 3,4), "
                                              f"got {value!r}")
        found.append(int(part))
    return tuple(sorted(set(found)))


def _period(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise bad_parameter("since", f"{since} is after until {until}")


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """Counts for the page header, and whether this server may store coded articles."""
    state = request.app.state
    return {**_corpus(request).stats(), "allow_store": state.allow_store,
            "max_upload": state.max_upload}


@router.get("/cameo/roots")
def cameo_roots() -> list[dict[str, Any]]:
    """The twenty CAMEO roots, for the filter menus."""
    rows = [lookup(f"{n:02d}") for n in range(1, 21)]
    return [{"code": r.code, "name": r.name, "quad_class": r.quad_class,
             "goldstein": r.goldstein} for r in rows]


@router.get("/events")
def events(
    request: Request,
    source: str | None = None,
    target: str | None = None,
    dyad: Annotated[str | None, Query(description="two codes, either way: USA-TAL")] = None,
    actor: Annotated[str | None, Query(description="a code on either side")] = None,
    root: Annotated[str | None, Query(description="CAMEO root 01-20")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or its prefix: 19, 190, 0311"
                                       )] = None,
    quad_class: Annotated[str | None, Query(description="1-4 or a list: 3,4")] = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    modality: str | None = None,
    text: Annotated[str | None, Query(description="words in the evidence or title")] = None,
    doc: Annotated[str | None, Query(description="only this document's events")] = None,
    unique: Annotated[bool, Query(description="one row per real-world event (cluster)")
                      ] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: str = "-date",
) -> dict[str, Any]:
    """A page of events (mentions, or clusters with ``unique``) and how many match in all."""
    if root and not (root.isdigit() and len(root) == 2 and 1 <= int(root) <= 20):
        raise bad_parameter("root", f"expected a CAMEO root 01-20, got {root!r}")
    if cameo and not _CAMEO.match(cameo):
        raise bad_parameter("cameo", f"expected a CAMEO code of 2-4 digits, got {cameo!r}")
    if modality and modality not in _MODALITIES:
        raise bad_parameter("modality", f"expected one of {', '.join(_MODALITIES)}, "
                                        f"got {modality!r}")
    if order not in ORDERS:
        raise bad_parameter("order", f"expected one of {', '.join(sorted(ORDERS))}, "
                                     f"got {order!r}")
    _period(since, until)
    wanted = EventFilter(
        source=actor_code("source", source), target=actor_code("target", target),
        dyad=dyad_pair("dyad", dyad) if dyad and dyad.strip() else None,
        actor=actor_code("actor", actor), root=root or None, cameo=cameo or None,
        quad_classes=quad_classes(quad_class), since=since, until=until,
        place=(place or "").strip() or None, modality=modality or None,
        text=(text or "").strip() or None, doc_id=doc or None, unique=unique)
    rows, total = _corpus(request).events(wanted, limit=limit, offset=offset, order=order)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset, "order": order}


@router.get("/documents")
def documents(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Stored articles, newest first (id, title, date, source, event count)."""
    rows, total = _corpus(request).documents(limit=limit, offset=offset)
    return {"rows": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/documents/{doc_id}")
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
    checked = actor_code("code", code) or ""
    found = _corpus(request).actor(checked)
    if found is None:
        raise ApiError(404, "not_found", f"no events with actor code {checked!r}")
    return found


@router.get("/timeline")
def timeline(
    request: Request,
    dyads: Annotated[str | None, Query(description="USA-TAL,AFG-PAK; empty: the busiest")
                     ] = None,
    interval: Literal["week", "month"] = "month",
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """Per week or month and dyad: events and Goldstein sums, cooperation and conflict apart."""
    _period(since, until)
    pairs = [dyad_pair("dyads", part) for part in re.split(r"[,;]", dyads or "")
             if part.strip()]
    if len(pairs) > 12:
        raise bad_parameter("dyads", f"at most 12 dyads at a time, got {len(pairs)}")
    series = _corpus(request).timeline(pairs, interval=interval, since=since, until=until)
    return {"interval": interval, "series": series}


@router.get("/network")
def network(
    request: Request,
    since: date | None = None,
    until: date | None = None,
    quad_class: str | None = None,
    limit: Annotated[int, Query(ge=2, le=300, description="most active actors kept")] = 60,
) -> dict[str, Any]:
    """Actors as nodes and dyads as edges (events, mean Goldstein) for a period."""
    _period(since, until)
    nodes, edges = _corpus(request).network(since=since, until=until,
                                            quads=quad_classes(quad_class), limit=limit)
    return {"nodes": nodes, "edges": edges}


@router.get("/map")
def map_points(
    request: Request,
    since: date | None = None,
    until: date | None = None,
    quad_class: str | None = None,
    limit: Annotated[int, Query(ge=1, le=20000)] = 5000,
) -> dict[str, Any]:
    """Events with coordinates (the page clusters them), and how many have no place."""
    _period(since, until)
    points, unplaced = _corpus(request).map_points(since=since, until=until,
                                                   quads=quad_classes(quad_class),
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
    except InputError as exc:
        raise ApiError(400, "bad_input", str(exc)) from None
    answer = {"stored": False, "message": "coded, not stored"}
    if store:
        answer = await run_in_threadpool(_corpus(request).store, coded, f"serve:{name}")
    return {"coded": coded.model_dump(mode="json"), **answer, "doc_id": coded.document.id}
