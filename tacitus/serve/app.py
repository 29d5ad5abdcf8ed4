"""The workbench application: ``create_app(db_path)`` returns a FastAPI app serving the JSON
API (``/api/...``, described at ``/openapi.json``), the pages and their static files.

The database is opened read-only unless ``allow_store`` is given, so browsing can never
change it and can run beside other readers. Pages are fixed HTML shells: no data is ever
written into them on the server, the scripts fetch it and set it as text (see static/js).
Only the user's own browser may send requests (``RequestGuard`` in security.py), and articles
are coded in a child process with a time limit (coding.py). Every error, an unexpected one
included, is answered in one JSON shape, never with a bare 500 page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from string import Template

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from tacitus import __version__
from tacitus.errors import StoreError
from tacitus.pipeline import Coder
from tacitus.serve.api import router
from tacitus.serve.coding import ArticleCoder, LazyCoder, ProcessCoder
from tacitus.serve.corpus import Corpus
from tacitus.serve.errors import ApiError
from tacitus.serve.security import LOOPBACK, BodyLimit, RequestGuard, SecurityHeaders
from tacitus.store.query import BadParameter

MAX_UPLOAD = 1024 * 1024
"""Largest request body accepted (an uploaded or pasted article): 1 MiB, room for a saved
news page with its markup; the article text in it is capped at ``MAX_CODE_CHARS``."""

HERE = files("tacitus.serve")

# Each view: its title and the scripts it loads, in order (common.js first).
VIEWS: dict[str, tuple[str, list[str]]] = {
    "events": ("Events", ["js/events.js"]),
    "article": ("Article", ["js/document.js", "js/article.js"]),
    "timeline": ("Dyad timeline", ["js/timeline.js"]),
    "network": ("Actor network", ["js/network.js"]),
    "actor": ("Actor", ["js/actor.js"]),
    "map": ("Map", ["vendor/topojson-client.min.js", "js/map.js"]),
    "code": ("Code an article", ["js/document.js", "js/code.js"]),
}


def _pages() -> dict[str, str]:
    """Every view's HTML, built once from the template and constants (never request data)."""
    template = Template(HERE.joinpath("templates", "page.html").read_text(encoding="utf-8"))
    out = {}
    for view, (title, scripts) in VIEWS.items():
        tags = "\n".join(f'<script src="/static/{s}" defer></script>'
                         for s in ["js/common.js", *scripts])
        out[view] = template.substitute(title=title, view=view, scripts=tags)
    return out


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"error": kind, "message": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of problems as one line: ``since: Input should be a valid date``."""
    parts = []
    for problem in exc.errors():
        where = [str(p) for p in problem.get("loc", ()) if p not in ("query", "body", "path")]
        given = problem.get("input")
        shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
        parts.append(f"{'.'.join(where) or 'request'}: {problem.get('msg', 'invalid')}{shown}")
    return "; ".join(parts)


def create_app(db_path: str | Path, *, allow_store: bool = False,
               max_upload: int = MAX_UPLOAD, coder: ArticleCoder | None = None,
               coder_factory: Callable[[], Coder] | None = None, hosts: Iterable[str] = (),
               token: str | None = None, any_ip: bool = False) -> FastAPI:
    """The workbench over the database at ``db_path``.

    ``allow_store`` opens the database for writing so that "Code an article" may store what
    it codes; without it the file is opened read-only. ``max_upload`` caps every request
    body (413 beyond it). ``coder`` codes articles (default: a ``ProcessCoder``, which
    starts its child on the first article); ``coder_factory`` instead codes in this process
    with the ``Coder`` it makes (tests, embedding). ``hosts`` are host names the server
    answers to besides the loopback ones, ``any_ip`` lets it answer to IP addresses too (a
    server bound to every interface), and ``token`` is the access token every request must
    carry (see ``RequestGuard``). Raises ``StoreError`` when the database is missing, locked
    or not a tacitus database.
    """
    corpus = Corpus(db_path, writable=allow_store)
    owned = coder is None  # a coder passed in belongs to the caller, who stops it
    if coder is None:
        coder = LazyCoder(coder_factory) if coder_factory else ProcessCoder()
    articles = coder

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            articles.close()
        corpus.close()

    app = FastAPI(title="tacitus workbench", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Explore a tacitus event database and check every record "
                              "against the words it was read from.")
    app.state.corpus = corpus
    app.state.allow_store = allow_store
    app.state.max_upload = max_upload
    app.state.coder = coder
    pages = _pages()

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.kind, exc.message)

    @app.exception_handler(BadParameter)
    async def bad_value(_: Request, exc: BadParameter) -> JSONResponse:
        """A filter value the store refused: its message names the parameter."""
        return _error(400, "bad_parameter", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "bad_parameter", "message": _validation_message(exc),
                             "detail": jsonable(exc.errors())}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        kind = "not_found" if exc.status_code == 404 else "http_error"
        return _error(exc.status_code, kind, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        """A bug: say what kind, not where (no traceback leaves the server)."""
        return _error(500, "internal_error", f"the server failed: {type(exc).__name__}")

    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    def page(view: str) -> Callable[[], HTMLResponse]:
        def show() -> HTMLResponse:
            return HTMLResponse(pages[view], headers={"cache-control": "no-store"})
        show.__name__ = f"page_{view}"
        return show

    for view in VIEWS:
        app.add_api_route(f"/{view}", page(view), methods=["GET"], include_in_schema=False)

    app.mount("/static", StaticFiles(directory=str(HERE.joinpath("static"))), name="static")
    app.add_middleware(BodyLimit, limit=max_upload)  # the last added runs first
    app.add_middleware(RequestGuard, hosts=LOOPBACK | set(hosts), token=token, any_ip=any_ip)
    app.add_middleware(SecurityHeaders)
    return app


def jsonable(errors: list[dict]) -> list[dict]:
    """Validation problems with only JSON-safe values (pydantic may include exceptions)."""
    keep = ("type", "loc", "msg")
    return [{k: e[k] for k in keep if k in e} for e in errors]
