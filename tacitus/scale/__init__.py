"""Where documents are coded: in this process, in a pool of local worker processes, or on the
workers of a Dask cluster.

Every executor runs the same function (``worker.code_batch``) on batches of documents sent as
plain dicts and returns plain dicts, so a database written from any of them holds the same
rows. The process that reads the inputs stays the single database writer; executors only
code. Each keeps a bounded number of batches in flight, so memory does not grow with the
corpus however slow the coding is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from tacitus.errors import TacitusError

Job = tuple[int, dict]
"""A document to code: the writer's key for it and ``Document.model_dump()``."""

Outcome = tuple[int, dict | None, str | None]
"""The key, then ``CodedDocument.model_dump(mode="json")``, or None and the reason it failed."""


class ExecutorError(TacitusError, RuntimeError):
    """The executor itself failed (a worker process died, the cluster is unreachable)."""


class Executor(Protocol):
    """Codes batches of jobs, yielding each batch's outcomes as it completes (in any order)."""

    name: str
    """What ``runs.executor`` records: ``local:N``, ``dask:local:N`` or ``dask:tcp://...``."""

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


def executor_for(workers: int, cluster: str | None, pipeline: str) -> Executor:
    """The executor the command line asks for: ``--cluster`` wins, else ``--workers``."""
    if cluster:
        from tacitus.scale.dask import DaskExecutor

        return DaskExecutor(cluster, pipeline)
    from tacitus.scale.local import InProcess, ProcessPool

    return InProcess(pipeline) if workers <= 1 else ProcessPool(workers, pipeline)
