"""One ingest run: read the inputs, code what is new on an executor, store it, cluster events.

The main process reads and cleans every article (the content hash needs the cleaned text),
skips what the database already holds before anything is coded, sends the rest in small
batches to the executor, and is the only process that writes. Memory stays flat: the reader
is a stream, the executor keeps a bounded number of batches in flight, and the writer forgets
each document once it is committed.

Resuming: a run killed at any moment (even SIGKILL) leaves a runs row with status 'running'
and whole documents only. The next ``tacitus ingest`` marks that row 'interrupted', skips
everything already stored and codes the rest, so the database ends up as one clean run would
have left it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb

from tacitus.errors import InputError, PipelineError, StoreError
from tacitus.ingest.readers import scrub
from tacitus.ingest.sources import Article, read_sources
from tacitus.nlp import DEFAULT_PIPELINE
from tacitus.scale import Executor, Job, executor_for
from tacitus.store.cluster import update_clusters
from tacitus.store.db import connect
from tacitus.store.writer import Counts, Writer

Progress = Callable[[Counts], None]
"""Called after every document read or coded, with the run's counts so far."""

ErrorReport = Callable[[str, str], None]
"""Called with the origin and the reason of every document that fails."""


@dataclass(frozen=True)
class RunReport:
    """What one run did (the same figures as its runs row)."""

    run_id: int
    counts: Counts
    interrupted: int
    """Earlier runs found still 'running' (killed) and marked 'interrupted' by this one."""


def default_workers() -> int:
    """One worker per CPU core this process may use (not the machine's: a container or a
    Slurm allocation often grants fewer)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1


def ingest(inputs: list[str], db: str | Path, *, workers: int | None = None,
           cluster: str | None = None, published: str | None = None,
           pipeline: str = DEFAULT_PIPELINE, batch_size: int = 8,
           progress: Progress | None = None, on_error: ErrorReport | None = None
           ) -> RunReport:
    """Ingest ``inputs`` (files, folders, globs) into the database at ``db``.

    ``workers`` local processes code the documents (default: one per core), or the Dask
    cluster at ``cluster`` does (``tcp://host:8786`` or ``local:N``). Raises ``StoreError``
    when another process is writing to the database, before anything else starts.
    """
    workers = workers or default_workers()
    con = connect(db)
    try:
        interrupted = _mark_stale_runs(con)
        _check_pipeline(pipeline, local=not cluster)
        executor = executor_for(workers, cluster, pipeline)
        run_id = _start_run(con, inputs, executor.name, pipeline)
        writer = Writer(con, run_id, on_error=on_error)
        try:
            _run(read_sources(inputs, published), batch_size, executor, writer, progress)
            if writer.counts.documents or interrupted:
                update_clusters(con)  # incremental: only the dyads that gained events
        except BaseException as exc:
            stopped = isinstance(exc, KeyboardInterrupt)
            _finish_run(con, run_id, "interrupted" if stopped else "failed")
            raise
        finally:
            executor.close()
        _finish_run(con, run_id, "done")
        return RunReport(run_id, writer.counts, interrupted)
    finally:
        con.close()


def _run(items: Iterable[Article | InputError], batch_size: int, executor: Executor,
         writer: Writer, progress: Progress | None) -> None:
    def report() -> None:
        if progress is not None:
            progress(writer.total)

    def batches() -> Iterator[list[Job]]:
        """Admitted articles in batches; read errors and skips are counted on the way (the
        executor pulls the next batch only when it has room for it)."""
        batch: list[Job] = []
        for item in items:
            if isinstance(item, InputError):
                writer.error(scrub(item.where), scrub(item.reason))
            elif (key := writer.admit(item.origin, item.document)) is not None:
                batch.append((key, item.document.model_dump()))
                if len(batch) == batch_size:
                    yield batch
                    batch = []
            writer.maybe_commit()
            report()
        if batch:
            yield batch

    for outcomes in executor.map(batches()):
        for key, coded, reason in outcomes:
            writer.done(key, coded, reason)
        writer.maybe_commit()
        report()
    writer.commit()
    report()


def _check_pipeline(pipeline: str, *, local: bool) -> None:
    """Fail before starting workers when the pipeline package is missing here (a worker
    that cannot load it would only say that it died). A cluster's workers have their own
    environment, so there it is their check."""
    if local and not Path(pipeline).exists() and importlib.util.find_spec(pipeline) is None:
        raise PipelineError(f"spaCy pipeline {pipeline!r} is not installed")


def _mark_stale_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Runs left 'running' were killed: this process holds the only write lock, so none of
    them can still be going."""
    found = con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running' "
                        "RETURNING run_id").fetchall()
    return len(found)


def _start_run(con: duckdb.DuckDBPyConnection, inputs: list[str], executor: str,
               pipeline: str) -> int:
    import tacitus

    try:
        spacy_pipeline = f"{pipeline}=={version(pipeline)}"
    except PackageNotFoundError:
        spacy_pipeline = pipeline
    row = con.execute("INSERT INTO runs (run_id, started, status, inputs, executor, "
                      "tacitus_version, pipeline) "
                      "SELECT coalesce(max(run_id), 0) + 1, now(), 'running', ?, ?, ?, ? "
                      "FROM runs RETURNING run_id",
                      [json.dumps(inputs), executor, tacitus.__version__, spacy_pipeline]
                      ).fetchone()
    if row is None:
        raise StoreError("could not record the run")
    return int(row[0])


def _finish_run(con: duckdb.DuckDBPyConnection, run_id: int, status: str) -> None:
    con.execute("UPDATE runs SET status = ?, finished = now() WHERE run_id = ?",
                [status, run_id])


