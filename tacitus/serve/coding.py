"""The "Code an article" view's coder: loaded on first use, then kept for the server's life.

Loading the spaCy pipeline takes seconds and most sessions only browse, so the server starts
without it; the first article pays the load, later ones reuse it. A lock makes two first
requests load it once. Coding itself runs in a worker thread (see api.py), one article at a
time, since a spaCy pipeline object is not meant to be shared between threads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from tacitus.ingest.readers import decode, from_html, from_text
from tacitus.model import CodedDocument
from tacitus.nlp import DEFAULT_PIPELINE
from tacitus.pipeline import Coder

_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article)", re.I)


def process_coder() -> Coder:
    """The process's warmed-up Coder, the one in-process ingest uses too (so a test or a
    script that built a database in this process does not load a second one)."""
    from tacitus.scale.worker import coder

    return coder(DEFAULT_PIPELINE)


class LazyCoder:
    """Holds one ``Coder`` (or what ``factory`` makes), created on the first call."""

    def __init__(self, factory: Callable[[], Coder] = process_coder) -> None:
        self._factory = factory
        self._coder: Coder | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._coder is not None

    def code_bytes(self, data: bytes, name: str, *, title: str | None = None,
                   published: str | None = None) -> CodedDocument:
        """Decode, clean and code one article; raises ``InputError`` with a reason for
        binary, empty or undecodable input, like ``tacitus code`` does."""
        text = decode(data, name)
        meta = {"title": title, "published": published}
        if name.lower().endswith((".html", ".htm")) or _HTML.match(text[:200]):
            document = from_html(text, where=name, **meta)
        else:
            document = from_text(text, where=name, **meta)
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return self._coder.code_document(document)
