"""The "Code an article" view's coder, kept apart from the server that answers the pages.

Coding is Python work that holds the interpreter: run in one of the server's threads, a
200 KB article tied the server up for 20 s and slowed every other request tenfold. So the
workbench codes in a child process (``ProcessCoder``): the server only waits on a pipe, an
article that takes longer than ``CODE_SECONDS`` is stopped by killing the child (the next
article starts a new one), and one that dies (out of memory) costs only itself. Articles are
coded one at a time; one that waits longer than the time limit for its turn is refused as
busy. On-demand coding takes at most ``MAX_CODE_CHARS`` characters of article text:
``tacitus code`` and ``tacitus ingest`` are the tools for book-length texts.

Loading the spaCy pipeline takes seconds and most sessions only browse, so the child starts
on the first article. ``LazyCoder`` codes in the server's own process instead (tests,
scripts that embed the workbench and accept the risk).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Protocol

from tacitus.errors import InputError, TacitusError, TimeLimitExceeded
from tacitus.ingest.readers import decode, from_html, from_text, looks_like_html
from tacitus.model import CodedDocument, Document
from tacitus.nlp import DEFAULT_PIPELINE
from tacitus.pipeline import Coder

MAX_CODE_CHARS = 100_000
"""Most characters of article text coded on demand (a long read is 30,000)."""

CODE_SECONDS = 60.0
"""Longest one on-demand article may take to code, not counting the coder's first load."""

LOAD_SECONDS = 600.0
"""Longest the child may take to load the coder."""


class TextTooLong(InputError):
    """An article longer than on-demand coding takes (the API answers 413)."""


class CoderFailed(TacitusError, RuntimeError):
    """The coder raised, or its process died; the message says which (the API answers 500)."""


class Busy(TacitusError, RuntimeError):
    """Another article was being coded for the whole time this one could wait (503)."""


class ArticleCoder(Protocol):
    """What the API needs of a coder: code one article's bytes, say whether it is loaded."""

    @property
    def loaded(self) -> bool: ...

    def code_bytes(self, data: bytes, name: str, *, title: str | None = None,
                   published: str | None = None) -> CodedDocument: ...

    def close(self) -> None: ...


def process_coder() -> Coder:
    """The process's warmed-up Coder, the one in-process ingest uses too (so a test or a
    script that built a database in this process does not load a second one)."""
    from tacitus.scale.worker import coder

    return coder(DEFAULT_PIPELINE)


def read_article(data: bytes, name: str, *, title: str | None, published: str | None,
                 max_chars: int) -> Document:
    """Decode and clean one uploaded or pasted article, as ``tacitus code`` does; raises
    ``InputError`` (binary, empty, undecodable) or ``TextTooLong``."""
    text = decode(data, name)
    meta = {"title": title, "published": published}
    if name.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(text):
        document = from_html(text, where=name, **meta)
    else:
        document = from_text(text, where=name, **meta)
    if len(document.text) > max_chars:
        raise TextTooLong(name, f"the article text is {len(document.text):,} characters; "
                                f"on-demand coding takes at most {max_chars:,} (code longer "
                                "texts with `tacitus code` or `tacitus ingest`)")
    return document


class LazyCoder:
    """Codes in this process with one ``Coder`` (or what ``factory`` makes), created on the
    first call. No time limit holds here: use ``ProcessCoder`` for a server."""

    def __init__(self, factory: Callable[[], Coder] = process_coder, *,
                 max_chars: int = MAX_CODE_CHARS) -> None:
        self._factory = factory
        self._coder: Coder | None = None
        self._lock = threading.Lock()
        self.max_chars = max_chars

    @property
    def loaded(self) -> bool:
        return self._coder is not None

    def code_bytes(self, data: bytes, name: str, *, title: str | None = None,
                   published: str | None = None) -> CodedDocument:
        """Decode, clean and code one article; raises ``InputError`` with a reason for
        binary, empty, undecodable or over-long input, like ``tacitus code`` does."""
        document = read_article(data, name, title=title, published=published,
                                max_chars=self.max_chars)
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return self._coder.code_document(document)

    def close(self) -> None:
        """Nothing to stop: the coder lives as long as this process."""


def _child(conn: Connection, factory: Callable[[], Coder], max_chars: int) -> None:
    """The child's loop: load the coder, say so, then code each article sent until the pipe
    closes (the server stopped or died)."""
    try:
        coder = factory()
    except Exception as exc:  # a missing pipeline, a broken data file: say so and stop
        conn.send(("failed", f"the coder did not load: {type(exc).__name__}: "
                             f"{(str(exc).splitlines() or [''])[0][:300]}"))
        return
    conn.send(("ready", ""))
    while True:
        try:
            data, name, title, published = conn.recv()
        except (EOFError, OSError):
            return
        try:
            document = read_article(data, name, title=title, published=published,
                                    max_chars=max_chars)
            answer = ("ok", coder.code_document(document).model_dump_json())
        except TextTooLong as exc:
            answer = ("too_long", exc.reason)
        except InputError as exc:
            answer = ("input", exc.reason)
        except Exception as exc:  # the coder's own bug: report it, keep serving
            answer = ("failed", f"coder failed: {type(exc).__name__}: "
                                f"{(str(exc).splitlines() or [''])[0][:300]}")
        conn.send(answer)


class ProcessCoder:
    """Codes each article in a child process, with a time limit (see the module docstring).
    ``factory`` must be a module-level function (it is sent to the child by name)."""

    def __init__(self, factory: Callable[[], Coder] = process_coder, *,
                 seconds: float = CODE_SECONDS, max_chars: int = MAX_CODE_CHARS,
                 load_seconds: float = LOAD_SECONDS) -> None:
        self.factory = factory
        self.seconds = seconds
        self.max_chars = max_chars
        self.load_seconds = load_seconds
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def loaded(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def code_bytes(self, data: bytes, name: str, *, title: str | None = None,
                   published: str | None = None) -> CodedDocument:
        """Code one article in the child; raises ``InputError``, ``TextTooLong``,
        ``TimeLimitExceeded``, ``Busy`` or ``CoderFailed`` with a one-line reason."""
        if not self._lock.acquire(timeout=self.seconds):
            raise Busy(f"another article has been coding for over {self.seconds:g} s; "
                       "try again later")
        try:
            conn = self._start()
            conn.send((data, name, title, published))
            if not conn.poll(self.seconds):
                self._stop()
                raise TimeLimitExceeded(f"coding took longer than {self.seconds:g} s and was "
                                        "stopped (the workbench's limit per article)")
            kind, payload = self._receive(conn)
        finally:
            self._lock.release()
        if kind == "ok":
            return CodedDocument.model_validate_json(payload)
        if kind == "too_long":
            raise TextTooLong(name, payload)
        if kind == "input":
            raise InputError(name, payload)
        raise CoderFailed(payload)

    def _start(self) -> Connection:
        """The child's end of the pipe, starting the child (and waiting until its coder is
        loaded) when none is running."""
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")  # a fork would copy the server's threads
        ours, theirs = context.Pipe()
        process = context.Process(target=_child, args=(theirs, self.factory, self.max_chars),
                                  name="tacitus-coder", daemon=True)
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        if not ours.poll(self.load_seconds):
            self._stop()
            raise CoderFailed(f"the coder did not load within {self.load_seconds:g} s")
        kind, payload = self._receive(ours)
        if kind != "ready":
            self._stop()
            raise CoderFailed(payload)
        return ours

    def _receive(self, conn: Connection) -> tuple[str, str]:
        try:
            return conn.recv()
        except (EOFError, OSError):
            code = self._process.exitcode if self._process is not None else None
            self._stop()
            raise CoderFailed(f"the coder process died (exit code {code}; out of memory?)"
                              ) from None

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        """Stop the child (the server is shutting down; an article still coding is lost)."""
        held = self._lock.acquire(timeout=1)
        try:
            self._stop()
        finally:
            if held:
                self._lock.release()
