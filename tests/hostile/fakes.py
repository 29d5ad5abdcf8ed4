"""Stand-in coders for the workbench's child process (sent to it by name, so they live in a
module of their own): they load in no time, so a test can check the process machinery
(time limit, isolation, a crash) without loading spaCy."""

from __future__ import annotations

import os
import time

from tacitus.model import CodedDocument, Document


class _Fake:
    """Codes nothing, but in the way the test asks: the article's first word says how."""

    def code_document(self, document: Document) -> CodedDocument:
        word = document.text.split()[0].lower()
        if word == "spin":  # pure Python work that never ends: what starved the server
            while True:
                sum(range(10_000))
        if word == "sleep":
            time.sleep(3600)
        if word == "crash":
            os._exit(9)
        if word == "raise":
            raise RuntimeError("the parser exploded")
        return CodedDocument(document=document)


def fake_coder() -> _Fake:
    return _Fake()  # type: ignore[return-value]
