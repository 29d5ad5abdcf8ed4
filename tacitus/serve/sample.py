"""A small demonstration database: the package's sample articles plus a short invented series
on one dyad (the United States and the Taliban, January to May 2012), so every workbench
view has something to show. Used by the screenshot script and the workbench tests.

The series is original fiction written for tacitus (CC0, like tacitus/data/samples): invented
but plausible reports between real actors of the date.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from tacitus.ingest import read_path
from tacitus.ingest.readers import from_text
from tacitus.model import CodedDocument, Document
from tacitus.pipeline import Coder
from tacitus.serve.coding import process_coder
from tacitus.serve.corpus import Corpus

SERIES = [
    ("wb-2012-01", "2012-01-12", "Taliban fighters attack US convoy near Kandahar",
     "Taliban fighters attacked a United States convoy near Kandahar on Wednesday, "
     "killing two soldiers, Afghan officials said. The United States condemned the attack."),
    ("wb-2012-02", "2012-02-03", "US envoy meets Taliban representatives in Doha",
     "A United States envoy met Taliban representatives in Doha on Thursday to discuss a "
     "prisoner exchange. The Taliban praised the talks as a first step."),
    ("wb-2012-03a", "2012-03-15", "Taliban suspend talks with Washington",
     "The Taliban suspended talks with the United States on Thursday and accused Washington "
     "of breaking its promises. The United States urged the Taliban to return to the talks."),
    ("wb-2012-03b", "2012-03-22", "US forces raid Taliban compound in Helmand",
     "United States forces raided a Taliban compound in Helmand province on Wednesday and "
     "arrested four commanders, the Afghan interior ministry said."),
    ("wb-2012-04", "2012-04-16", "Taliban launch coordinated attacks in Kabul",
     "Taliban militants attacked the United States embassy in Kabul on Sunday. The United "
     "States accused the Taliban of the assault and vowed to respond."),
    ("wb-2012-05", "2012-05-02", "Obama signs partnership pact with Karzai in Kabul",
     "President Barack Obama signed a strategic partnership agreement with Afghan President "
     "Hamid Karzai in Kabul on Wednesday. Obama called on the Taliban to break with al Qaeda."),
]


def sample_documents(extra: Iterable[Document] = ()) -> list[Document]:
    """The package's sample articles (bad JSONL lines left out) and the series above."""
    folder = files("tacitus.data").joinpath("samples")
    found: list[Document] = []
    for name in sorted(p.name for p in folder.iterdir()):
        if name.endswith((".txt", ".md", ".html", ".jsonl")):
            found += [d for d in read_path(str(folder.joinpath(name)))
                      if isinstance(d, Document)]
    found += [from_text(text, id=doc_id, title=title, published=published,
                        source="Workbench Wire") for doc_id, published, title, text in SERIES]
    return found + list(extra)


def build_sample_db(path: str | Path, *, extra: Iterable[Document] = (),
                    coder: Coder | None = None,
                    prepare: Callable[[CodedDocument], CodedDocument] | None = None) -> Path:
    """Code the sample articles (and ``extra``) and store them in a new database at ``path``
    through the workbench's own store path; ``prepare`` may adjust each coded document first
    (the tests use it to give events places when the coder leaves them without)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    coder = coder or process_coder()
    corpus = Corpus(path, writable=True)
    try:
        for coded in coder.code_documents(sample_documents(extra)):
            corpus.save(prepare(coded) if prepare else coded, f"sample:{coded.document.id}")
    finally:
        corpus.close()
    return path


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` on a free port of 127.0.0.1 in a thread of this process (so it shares
    this process's loaded coder); yields the base URL and stops the server on exit."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
