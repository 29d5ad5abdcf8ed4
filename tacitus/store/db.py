"""Open the DuckDB event database: one writer at a time, any number of readers when no one
writes (DuckDB's own file lock; we turn its error into a clear one)."""

from __future__ import annotations

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
            raise StoreError(f"{path}: database is in use by another writer; "
                             "wait for it to finish (readers may open it when no one writes)"
                             ) from None
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
