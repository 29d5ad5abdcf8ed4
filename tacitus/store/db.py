"""Open the DuckDB event database: one writer at a time, any number of readers when no one
writes (DuckDB's own file lock; we turn its error into a clear one)."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import duckdb

from tacitus.errors import StoreError

SCHEMA_VERSION = "1"


def schema_sql() -> str:
    """The DDL of every table (tacitus/store/schema.sql, documented column by column)."""
    return files("tacitus.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``path``; a writer creates the tables, a reader requires an existing database.

    Raises ``StoreError`` when another process holds the write lock, when a reader is pointed
    at a file that does not exist, or when the file is not a tacitus database.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database (create it with `tacitus ingest`)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(_locked(path, str(exc))) from None
        raise StoreError(f"{path}: cannot open: {exc}") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a DuckDB database: {exc}") from None
    if read_only:
        found = con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'meta'").fetchall()[0]
        if not found or not found[0]:
            con.close()
            raise StoreError(f"{path}: not a tacitus database (no meta table)")
        return con
    con.execute(schema_sql())
    con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION])
    return con


def _locked(path: Path, message: str) -> str:
    """Who holds the lock, in words. DuckDB names the process; it adds that a read-only open
    would succeed only when the holder is itself a reader (a ``tacitus serve``, say), and a
    reader blocks a writer as surely as another writer does."""
    found = re.search(r"\(PID (\d+)\)", message)
    holder = f" (PID {found.group(1)}{_command(int(found.group(1)))})" if found else ""
    if "read-only mode" in message:
        return (f"{path}: database is open for reading in another process{holder}; no one may "
                "write while a reader has it open: stop that process (a `tacitus serve`?) "
                "and run again")
    return (f"{path}: database is in use by another writer{holder}; wait for it to finish "
            "(readers may open it when no one writes)")


def _command(pid: int) -> str:
    """``: tacitus serve --db x.duckdb`` from /proc, or nothing where that cannot be read."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return ""
    words = [w.decode("utf-8", "replace") for w in words if w]
    for i, word in enumerate(words):  # from the program on: "tacitus serve ..."
        if word.endswith(("/tacitus", "tacitus.cli")) or word == "tacitus":
            words = ["tacitus", *words[i + 1:]]
            break
    shown = " ".join(words)
    return f": {shown[:120]}" if shown else ""
