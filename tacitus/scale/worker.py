"""What runs on a worker: one Coder per process, loaded once, coding batches of documents."""

from __future__ import annotations

import threading
from functools import cache

from tacitus.limits import code_each
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
    """Code a batch in one spaCy pass where it can (``tacitus.limits.code_each``): a document
    that breaks the coder, runs out of time or is too long is recorded with its reason, and
    only that document is lost."""
    documents = [Document.model_validate(data) for _, data in jobs]
    with _lock:
        outcomes = list(code_each(coder(pipeline), documents, batch_size=len(documents)))
    return [(key, coded.model_dump(mode="json") if coded is not None else None, reason)
            for (key, _), (_, coded, reason) in zip(jobs, outcomes, strict=True)]
