"""The query and export commands: ``tacitus events``, ``actors``, ``dyads`` and ``export``.

``register(app)`` adds them to the main command (tacitus/cli.py). DuckDB and pandas load only
when a command runs, so ``tacitus --help`` and ``tacitus code`` stay as fast as before.
Errors (a bad date, a missing database) are one line on standard error and exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tacitus.errors import TacitusError

if TYPE_CHECKING:
    import pandas as pd

    from tacitus.store.query import EventStore


class Output(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


Db = Annotated[Path, typer.Option("--db", help="The event database (tacitus ingest).")]
Source = Annotated[list[str] | None, typer.Option(
    help="Source actor code; USA also matches USAGOV (repeat for several).")]
Target = Annotated[list[str] | None, typer.Option(help="Target actor code (as --source).")]
Root = Annotated[list[str] | None, typer.Option(help="CAMEO root, e.g. 19 (repeatable).")]
Cameo = Annotated[list[str] | None, typer.Option(help="CAMEO code prefix, e.g. 190.")]
Quad = Annotated[list[int] | None, typer.Option("--quad-class", help="QuadClass 1-4.")]
Since = Annotated[str | None, typer.Option(help="From this day on (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option(help="Up to this day, inclusive.")]
Place = Annotated[str | None, typer.Option(help="Place name, ISO3 code or country name.")]
Mode = Annotated[list[str] | None, typer.Option(
    "--modality", help="asserted, reported, disputed, planned, hypothetical or negated.")]
Text = Annotated[str | None, typer.Option(help="Words in the evidence.")]
Fmt = Annotated[Output, typer.Option("--format", "-f")]
Limit = Annotated[int, typer.Option(help="At most this many rows (0: all).")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


@contextmanager
def _store(db: Path) -> Iterator[EventStore]:
    """The database opened read-only; errors become one-line messages."""
    from tacitus.store.query import EventStore

    try:
        with EventStore(db) as store:
            yield store
    except (TacitusError, ValueError, LookupError) as exc:
        raise _fail(str(exc)) from None


def _emit(df: pd.DataFrame, fmt: Output, columns: list[str]) -> None:
    """Write a result: a readable table of ``columns``, or every column as CSV or JSON."""
    import pandas as pd

    for name in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[name]):
            df[name] = df[name].dt.strftime("%Y-%m-%d")
    if fmt is Output.csv:
        df.to_csv(sys.stdout, index=False)
        return
    if fmt is Output.json:
        typer.echo(df.to_json(orient="records", force_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in df[columns].itertuples(index=False):
        table.add_row(*("" if pd.isna(v) else str(v)[:80] for v in row))
    Console(highlight=False).print(table)
    typer.echo(f"{len(df):,} row(s)", err=True)


def events(db: Db = Path("events.duckdb"), source: Source = None, target: Target = None,
           root: Root = None, cameo: Cameo = None, quad_class: Quad = None,
           since: Since = None, until: Until = None, place: Place = None,
           modality: Mode = None, text: Text = None,
           actor: Annotated[list[str] | None, typer.Option(
               help="An actor code on either side (prefix at code boundaries).")] = None,
           dyad: Annotated[str | None, typer.Option(
               help="Two actor codes in either direction, as USA-TAL.")] = None,
           title: Annotated[str | None, typer.Option(
               help="Words in the article's title.")] = None,
           unique: Annotated[bool, typer.Option(
               help="One row per real-world event (cluster) with its counts.")] = False,
           order: Annotated[str | None, typer.Option(
               help="Sort column, - in front for descending (e.g. -num_mentions).")] = None,
           format: Fmt = Output.table, limit: Limit = 100) -> None:
    """List coded events, or with --unique the real-world events they report."""
    pair = None
    if dyad is not None:
        first, sep, second = dyad.partition("-")
        if not (sep and first and second):
            raise _fail(f"--dyad {dyad!r}: expected two actor codes as USA-TAL")
        pair = (first, second)
    with _store(db) as store:
        df = store.events(source=source, target=target, root=root, cameo=cameo,
                          quad_class=quad_class, since=since, until=until, place=place,
                          modality=modality, text=text, actor=actor, dyad=pair, title=title,
                          unique=unique, order=order, limit=limit or None)
    columns = (["event_date", "source_code", "target_code", "cameo", "num_mentions",
                "num_sources", "num_articles", "evidence_text"] if unique else
               ["date", "source_code", "target_code", "cameo", "name", "modality", "outlet",
                "evidence_text"])
    _emit(df, format, columns)


def actors(db: Db = Path("events.duckdb"),
           code: Annotated[list[str] | None, typer.Option(help="Actor code prefix.")] = None,
           root: Root = None, since: Since = None, until: Until = None, place: Place = None,
           modality: Mode = None, format: Fmt = Output.table, limit: Limit = 100) -> None:
    """Actor codes by how often they are the source and the target of events."""
    with _store(db) as store:
        df = store.actors(code=code, root=root, since=since, until=until, place=place,
                          modality=modality, limit=limit or None)
    _emit(df, format, list(df.columns))


def dyads(db: Db = Path("events.duckdb"),
          by: Annotated[Period, typer.Option(help="Period of the series.")] = Period.week,
          source: Source = None, target: Target = None, root: Root = None,
          since: Since = None, until: Until = None, place: Place = None,
          modality: Mode = None,
          unique: Annotated[bool, typer.Option(help="Count each real-world event once.")]
          = False, format: Fmt = Output.table) -> None:
    """Event counts and Goldstein sums per period and actor pair, cooperation vs conflict.
    Counts events that say something happened unless --modality says otherwise."""
    extra: dict[str, Any] = {"modality": modality} if modality else {}
    with _store(db) as store:
        df = store.dyads(by.value, source=source, target=target, root=root, since=since,
                         until=until, place=place, unique=unique, **extra)
    _emit(df, format, ["period", "source_code", "target_code", "events", "goldstein",
                       "cooperation", "conflict"])


def export(out: Annotated[Path, typer.Argument(help="Output file (a folder for parquet).")],
           db: Db = Path("events.duckdb"),
           format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.csv,
           source: Source = None, target: Target = None, root: Root = None,
           since: Since = None, until: Until = None, modality: Mode = None,
           facts_only: Annotated[bool, typer.Option(
               "--facts-only", help="Leave out planned, hypothetical and negated events "
               "(otherwise exported with their modality).")] = False) -> None:
    """Export events: csv, parquet (year=/month= folders), gdelt (GDELT 2.0 event table of
    real-world events plus a .tacitus.tsv sidecar) or plover (PLOVER JSON lines)."""
    from tacitus.store.db import connect
    from tacitus.store.export import export as run_export
    from tacitus.store.query import Filters

    try:
        filters = Filters(source=source, target=target, root=root, since=since, until=until,
                          modality=modality)
        filters.where()
        con = connect(db, read_only=True)
        try:
            message = run_export(con, format.value, out, filters, facts_only=facts_only)
        finally:
            con.close()
    except (TacitusError, ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(message, err=True)


COMMANDS: dict[str, Callable[..., None]] = {"events": events, "actors": actors,
                                            "dyads": dyads, "export": export}


def register(app: typer.Typer) -> None:
    """Add the query and export commands to the ``tacitus`` command."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
