"""What runs on a worker: one Coder per process, loaded once, coding batches of documents."""

from __future__ import annotations

import threading
from functools import cache

from tacitus.model import Document
from tacitus.pipeline import Coder
from tacitus.scale import Job, Outcome

_lock = threading.Lock()
"""A Dask worker with several threads shares one Coder; spaCy's pipeline is not meant to be
run from two threads at once (run workers with ``--nthreads 1`` to use every core)."""


@cache
def coder(pipeline: str) -> Coder:
    """The process's Coder, warmed up so that the first batch is not slower than the rest."""
    loaded = Coder(pipeline)
    loaded.warm_up()
    return loaded


def code_batch(pipeline: str, jobs: list[Job]) -> list[Outcome]:
    """Code a batch in one spaCy pass; if that fails, code its documents one by one so that
    only the document that breaks the coder is lost (recorded with the reason)."""
    documents = [Document.model_validate(data) for _, data in jobs]
    with _lock:
        loaded = coder(pipeline)
        try:
            coded = list(loaded.code_documents(documents, batch_size=len(documents)))
        except Exception:  # one bad document: find it below, keep the others
            return [_one(loaded, key, document)
                    for (key, _), document in zip(jobs, documents, strict=True)]
    return [(key, result.model_dump(mode="json"), None)
            for (key, _), result in zip(jobs, coded, strict=True)]


def _one(loaded: Coder, key: int, document: Document) -> Outcome:
    try:
        return key, loaded.code_document(document).model_dump(mode="json"), None
    except Exception as exc:  # the coder's own bug: record it and go on with the corpus
        return key, None, f"coder failed: {type(exc).__name__}: {exc}"
