"""Code on the workers of a Dask cluster: ``--cluster tcp://SCHEDULER:8786`` for a running
cluster (Slurm, PBS, Kubernetes: see docs/user-guide.md), ``--cluster local:N`` for a
LocalCluster of N worker processes on this machine.

Each worker loads the Coder once, when it joins (a worker plugin), and keeps it for every
batch it is given. The client submits batches with Dask's ``as_completed``, keeping two per
worker thread in flight, and gets the coded documents back as plain dicts to write itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from tacitus.scale import ExecutorError, Job, Outcome
from tacitus.scale.worker import code_batch, coder


class LoadCoder(WorkerPlugin):
    """Load (and warm up) the Coder when a worker starts, not on its first batch."""

    def __init__(self, pipeline: str) -> None:
        self.pipeline = pipeline

    def setup(self, worker: object) -> None:
        coder(self.pipeline)


class DaskExecutor:
    """Batches go to whichever worker is free; a batch whose worker dies is rerun by Dask
    elsewhere, and one that fails for good has its documents recorded as errors."""

    def __init__(self, address: str, pipeline: str) -> None:
        self.name = f"dask:{address}"
        self.pipeline = pipeline
        self.cluster: LocalCluster | None = None
        try:
            if address.startswith("local:"):
                workers = int(address.removeprefix("local:"))
                self.cluster = LocalCluster(n_workers=workers, processes=True,
                                            threads_per_worker=1, dashboard_address=None,
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="30s")
        except ValueError:
            raise ExecutorError(f"--cluster {address!r}: expected tcp://HOST:PORT or local:N"
                                ) from None
        except OSError as exc:
            raise ExecutorError(f"--cluster {address!r}: cannot reach the scheduler: {exc}"
                                ) from None
        self.client.register_plugin(LoadCoder(pipeline), name="tacitus-coder")

    def map(self, batches: Iterable[list[Job]]) -> Iterator[list[Outcome]]:
        threads = sum(self.client.nthreads().values())
        pending = iter(batches)
        keys: dict[str, list[int]] = {}

        def submit(batch: list[Job]) -> Future:
            future = self.client.submit(code_batch, self.pipeline, batch, pure=False)
            keys[future.key] = [key for key, _ in batch]
            return future

        futures = as_completed([submit(b) for b in islice(pending, max(2, 2 * threads))])
        for future in futures:
            try:
                outcomes = future.result()
            except Exception as exc:  # the batch failed on every worker it was tried on
                reason = f"worker failed: {type(exc).__name__}: {exc}"
                outcomes = [(key, None, reason) for key in keys[future.key]]
            del keys[future.key]
            future.release()
            yield outcomes
            for batch in islice(pending, 1):
                futures.add(submit(batch))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
