"""Local executors: this process alone, or a pool of worker processes on this machine."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from tacitus.scale import ExecutorError, Job, Outcome
from tacitus.scale.worker import code_batch, coder


def _start_worker(pipeline: str, parent: int) -> None:
    """Load the Coder, and exit when the parent is gone: a pool worker waits on a queue whose
    pipe it holds both ends of, so a parent killed with SIGKILL would leave it waiting (and
    holding its memory) forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="tacitus-parent-watch", daemon=True).start()
    coder(pipeline)


class InProcess:
    """One worker: code in this process (no start-up cost, nothing to pickle)."""

    name = "local:1"

    def __init__(self, pipeline: str) -> None:
        self.pipeline = pipeline

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield code_batch(self.pipeline, batch)

    def close(self) -> None:
        """Nothing to release: the Coder stays cached for the next run in this process."""


class ProcessPool:
    """``workers`` processes, each loading the Coder once, with two batches in flight per
    worker (one being coded, one waiting) so that no worker idles and memory stays bounded.

    Workers are spawned, not forked: a fork would copy the parent's open database connection
    and its threads. A worker whose parent is killed exits by itself (see ``_start_worker``).
    """

    def __init__(self, workers: int, pipeline: str) -> None:
        self.name = f"local:{workers}"
        self.pipeline = pipeline
        self.limit = 2 * workers
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start_worker,
                                        initargs=(pipeline, os.getpid()))

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        pending = iter(batches)
        in_flight: set[Future] = {self.pool.submit(code_batch, self.pipeline, batch)
                                  for batch in islice(pending, self.limit)}
        while in_flight:
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    yield future.result()
                except BrokenProcessPool:
                    raise ExecutorError("a worker process died (out of memory, killed, or its "
                                        "pipeline failed to load); run again to resume"
                                        ) from None
            in_flight |= {self.pool.submit(code_batch, self.pipeline, batch)
                          for batch in islice(pending, len(done))}

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
