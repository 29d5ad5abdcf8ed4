"""The ``tacitus`` command: parse options, dispatch, turn errors into one-line messages.

Data goes to standard output (JSON, JSONL or a table); progress, skips and errors go to
standard error, so ``tacitus code corpus.jsonl --format jsonl > out.jsonl`` keeps both apart.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tacitus.errors import InputError, TacitusError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles into CAMEO-coded political event data.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure accuracy on evaluation data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _print_version(value: bool) -> None:
    if value:
        from tacitus import __version__

        typer.echo(f"tacitus {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True,
        help="Print the version and exit.")] = False) -> None:
    pass


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(1)


DataOption = Annotated[Path | None, typer.Option(
    "--data", envvar="TACITUS_DATA",
    help="A folder of your own data files laid over the packaged ones: actors/*.yaml, "
         "verb_patterns.yaml (add or replace actors, persons with roles, patterns).")]


def _use_data(folder: Path | None) -> None:
    """Check a user's data folder now (a bad entry is named with its file and line) and make
    it the process's knowledge, for this process and the workers it starts."""
    import os

    from tacitus import data

    if folder is None:
        return
    knowledge = data.Knowledge(folder)
    for load in (data.load_countries, data.load_organizations, data.load_persons,
                 data.load_agents, data.load_verb_patterns, data.load_noun_patterns):
        load(knowledge=knowledge)
    from tacitus.events.coder import load_patterns

    load_patterns(knowledge=knowledge)  # codes in the user's patterns exist
    os.environ["TACITUS_DATA"] = str(folder.resolve())
    data.default_knowledge.cache_clear()
    from tacitus.pipeline import default_coder

    default_coder.cache_clear()  # a coder built before reads the packaged data only


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(
        help="Article files (.txt .md .html .jsonl; feeds, PETRARCH .xml, .warc, any of them "
             ".gz) or - for standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD, when "
                                                       "the article does not say.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    pipeline: Annotated[str | None, typer.Option(help="An installed spaCy pipeline package "
                                                      "to parse with.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="With --format table, also list "
                                          "the readings left out as no events, and why.")
                       ] = False,
    data: DataOption = None,
) -> None:
    """Code articles into actors and CAMEO events, each pointing at its evidence."""
    from collections.abc import Iterator

    from tacitus.ingest import read_path
    from tacitus.ingest.readers import normalise_date
    from tacitus.limits import code_each
    from tacitus.model import CodedDocument, Document
    from tacitus.output import write_documents
    from tacitus.pipeline import default_coder

    try:
        published = normalise_date(published, "--published")
        _use_data(data)
        coder = default_coder(pipeline) if pipeline else default_coder()
        coder.warm_up()  # first-use costs are paid here, not out of one article's time limit
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    corpus = len(paths) > 1 or any(p.lower().endswith((".jsonl", ".ndjson", ".xml", ".rss",
                                                       ".atom", ".warc", ".gz")) for p in paths)
    skipped: list[str] = []

    def skip(reason: str) -> None:
        skipped.append(reason)
        err.print(f"skipped {reason}", markup=False)

    def documents() -> Iterator[Document]:
        for path in paths:
            for item in read_path(path, published=published):
                if isinstance(item, InputError):
                    skip(str(item))
                else:
                    yield item

    def coded() -> Iterator[CodedDocument]:
        """Every document coded, or skipped with its reason: one that fails (too long, out
        of time, a coder bug) never stops the others, nor leaves the JSON list unclosed."""
        for document, result, reason in code_each(coder, documents()):
            if result is None:
                skip(f"{document.id}: {reason}")
            else:
                yield result

    written = write_documents(coded(), format.value, sys.stdout, as_list=corpus,
                              explain=explain)
    if corpus:
        err.print(f"coded {written} document(s), skipped {len(skipped)}", markup=False)
    if skipped and (not corpus or written == 0):
        raise typer.Exit(1)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A CAMEO code, e.g. 190 or 0311.")]) -> None:
    """Say what a CAMEO code means: name, Goldstein score, QuadClass, PLOVER type."""
    from tacitus.events import children, lookup

    try:
        row = lookup(code)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    out = Console(highlight=False)
    out.print(f"{row.code}  {row.name}", markup=False)
    out.print(f"  Goldstein {row.goldstein:+.1f}, QuadClass {row.quad_class}, "
              f"PLOVER {row.plover or '-'}", markup=False)
    if row.description:
        out.print(f"  {row.description}", markup=False)
    for child in children(code):
        out.print(f"  {child.code}  {child.name}", markup=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (schema_version "1")."""
    import json

    from tacitus.model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


_ERRORS_SHOWN = 20
"""Errors printed by ``ingest`` before the rest go only to the errors table (a crawl can
hold thousands of pages with no article)."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files, folders (read recursively) or glob patterns: .txt .md .html, .jsonl, "
             "RSS/Atom (.rss .atom .xml), WARC (.warc); any of them gzipped (.gz).")],
    db: Annotated[Path, typer.Option(help="The event database (created when missing).")
                  ] = Path("events.duckdb"),
    workers: Annotated[int | None, typer.Option(
        min=1, help="Local worker processes (default: one per CPU core).")] = None,
    cluster: Annotated[str | None, typer.Option(
        help="Code on a Dask cluster instead: tcp://SCHEDULER:8786, or local:N for a local "
             "cluster of N worker processes. Dask's tcp:// is unauthenticated pickle: use it "
             "only on a trusted network, or tls:// with certificates.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD of "
                                                       "articles that do not say.")] = None,
    pipeline: Annotated[str | None, typer.Option(help="An installed spaCy pipeline package "
                                                      "to parse with.")] = None,
    batch_size: Annotated[int, typer.Option(
        min=1, help="Documents sent to a worker at a time (one spaCy batch).")] = 8,
    data: DataOption = None,
) -> None:
    """Code articles into the event database. Ingesting them again stores nothing new; a run
    that was killed resumes where it stopped when run again."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from tacitus.ingest.readers import normalise_date
    from tacitus.nlp import DEFAULT_PIPELINE
    from tacitus.store.ingest import ingest as run_ingest
    from tacitus.store.writer import Counts

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.fields[counts].documents:,} stored  {task.fields[rate]:.1f} docs/s  "
                   "{task.fields[counts].events:,} events  {task.fields[counts].skipped:,} "
                   "skipped  {task.fields[counts].errors:,} errors"),
        TimeElapsedColumn(), console=err)
    task = progress.add_task("ingest", total=None, counts=Counts(), rate=0.0)

    def show(counts: Counts) -> None:
        elapsed = progress.tasks[task].elapsed or 0.0
        progress.update(task, counts=counts, rate=counts.documents / elapsed if elapsed else 0)

    shown = 0

    def on_error(origin: str, reason: str) -> None:
        nonlocal shown
        shown += 1
        if shown <= _ERRORS_SHOWN:
            progress.console.print(f"error {origin}: {reason}", markup=False)
        elif shown == _ERRORS_SHOWN + 1:
            progress.console.print("more errors: see the errors table", markup=False)

    try:
        published = normalise_date(published, "--published")
        _use_data(data)  # local workers inherit it; a Dask worker needs TACITUS_DATA set
        with progress:
            report = run_ingest(paths, db, workers=workers, cluster=cluster,
                                published=published, pipeline=pipeline or DEFAULT_PIPELINE,
                                batch_size=batch_size, progress=show, on_error=on_error)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; what was stored stays, run the same command to resume"
                    ) from None
    c = report.counts
    resumed = f"; marked {report.interrupted} killed run(s) interrupted" \
        if report.interrupted else ""
    where = f" (SELECT origin, reason FROM errors WHERE run_id = {report.run_id})" \
        if c.errors else ""
    err.print(f"run {report.run_id}: stored {c.documents:,} new document(s) with {c.events:,} "
              f"events, skipped {c.skipped:,} already stored, {c.errors:,} error(s){where}"
              f"{resumed}", markup=False)
    if c.errors and not c.documents and not c.skipped:  # every input failed
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, typer.Option(help="The event database to explore.")
                  ] = Path("events.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on; the default lets only this "
                                           "machine connect. Any other address needs a "
                                           "token (see --token).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    allow_store: Annotated[bool, typer.Option(
        "--allow-store", help="Open the database for writing so that 'Code an article' can "
                              "store what it codes (default: read-only).")] = False,
    token: Annotated[str | None, typer.Option(
        envvar="TACITUS_TOKEN", help="Access token every request must carry (the browser "
                                     "gets it from the printed address). Made up and printed "
                                     "when the server listens beyond this machine.")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another host name the server answers to (a DNS name of this "
                             "machine, a reverse proxy's name); repeatable.")] = None,
) -> None:
    """Open the analyst's workbench in the browser: events, articles with their evidence,
    dyad timelines, the actor network, a map, and coding an article on the spot."""
    import secrets
    import socket

    import uvicorn

    from tacitus.serve import create_app
    from tacitus.serve.security import LOOPBACK, WILDCARD

    hosts = {host, *(allow_host or [])}
    wildcard = host in WILDCARD
    if wildcard:
        hosts |= {socket.gethostname(), socket.getfqdn()}
    if host not in LOOPBACK and not token:
        token = secrets.token_urlsafe(24)
    if token is not None and len(token) < 16:
        raise _fail("--token: use at least 16 characters (a guessable token guards nothing)")
    try:
        application = create_app(db, allow_store=allow_store, hosts=hosts, token=token,
                                 any_ip=wildcard)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    mode = "writable" if allow_store else "read-only"
    shown = socket.gethostname() if wildcard else host
    shown = f"[{shown}]" if ":" in shown else shown
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    err.print(f"workbench on {address} ({db}, {mode}); Ctrl+C stops it", markup=False)
    if host not in LOOPBACK:
        err.print(f"listening on {host}: whoever can reach it needs the token; the traffic is "
                  "not encrypted, so put TLS in front of it (a reverse proxy) beyond a "
                  "trusted network", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _evaluate(name: str, path: Path, **options: object) -> None:
    """Run ``tacitus.eval.<name>.evaluate`` on ``path`` and print its report."""
    import importlib

    module = importlib.import_module(f"tacitus.eval.{name}")
    try:
        result = module.evaluate(path, **options)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    module.report(result, Console(highlight=False))


@eval_app.command("plover")
def eval_plover(path: Annotated[Path, typer.Argument(help="PLOVER_GSR_CAMEO.txt")]) -> None:
    """Score the coder on the PLOVER gold-standard records (type, source, target)."""
    _evaluate("plover", path)


@eval_app.command("conflibert")
def eval_conflibert(path: Annotated[Path, typer.Argument(help="class_train.tsv")]) -> None:
    """Score QuadClass (0 = statement, 1-4 = QuadClass) on the ConfliBERT CAMEO file."""
    _evaluate("conflibert", path)


@eval_app.command("plv")
def eval_plv(path: Annotated[Path, typer.Argument(help="PLV_train.tsv")]) -> None:
    """Score who did it to whom on PLV: marked source and target covered, and the type."""
    _evaluate("plv", path)


@eval_app.command("arguments")
def eval_arguments(path: Annotated[Path, typer.Argument(help="ner_train.txt")]) -> None:
    """Score sources and targets on ConfliBERT's argument file (S and T phrases)."""
    _evaluate("arguments", path)


@eval_app.command("coref")
def eval_coref(path: Annotated[Path, typer.Argument(help="the gap folder (or one GAP .tsv)")]
               ) -> None:
    """Score pronouns followed through the actor chains on GAP (F1 over A/B decisions)."""
    _evaluate("coref", path)


@eval_app.command("gate")
def eval_gate(
    update: Annotated[bool, typer.Option(help="Raise the floors to the figures measured now "
                                              "and regenerate the table in "
                                              "docs/evaluation.md.")] = False,
    allow_lower: Annotated[bool, typer.Option(help="Let --update lower a floor.")] = False,
    reason: Annotated[str | None, typer.Option(help="Why a floor is lowered (to CHANGELOG.md)."
                                               )] = None,
    shared: Annotated[Path | None, typer.Option(
        help="The evaluation data folder (default: ../shared/eval beside the checkout).")] = None,
) -> None:
    """Run every evaluation the data allows and fail when a figure falls below its floor."""
    from rich.table import Table

    from tacitus.eval import gate

    out = Console(highlight=False)
    shared = shared or gate.SHARED
    measured = gate.measure(shared)
    for name in measured.missing:
        out.print(f"eval gate: skipped {name} (not found under {shared})", markup=False)
    if not measured.figures:
        out.print("eval gate: no evaluation data here; nothing measured", markup=False)
        return
    baseline = gate.load_baseline()
    verdict = gate.compare(measured, baseline)
    table = Table("figure", "floor", "now", title="Evaluation gate", title_justify="left")
    for name, value in sorted(measured.figures.items()):
        floor = baseline.get("figures", {}).get(name)
        table.add_row(name, "-" if floor is None else f"{floor:.1%}", f"{value:.1%}")
    out.print(table)
    for line in verdict.changed_data:
        out.print(f"eval gate: {line} differs from the data the floors were measured on; "
                  "re-measure with `tacitus eval gate --update`", markup=False)
    if update:
        try:
            new = gate.update(measured, baseline, allow_lower=allow_lower, reason=reason)
        except ValueError as exc:
            raise _fail(str(exc)) from None
        gate.write_table(new)
        out.print(f"eval gate: floors written to {gate.BASELINE.relative_to(gate.ROOT)}",
                  markup=False)
        return
    for line in verdict.rose:
        out.print(f"eval gate: {line}; raise the floor with `tacitus eval gate --update`",
                  markup=False)
    if not verdict.ok:
        for line in verdict.fell:
            err.print(f"eval gate FAILED: {line}", markup=False)
        raise typer.Exit(1)


@eval_app.command("time")
def eval_time(path: Annotated[Path, typer.Argument(help="TBAQ-cleaned folder (TimeML)")]) -> None:
    """Score time expressions: value accuracy and value F1 against the document date."""
    _evaluate("time", path)


@eval_app.command("event-dates")
def eval_event_dates(path: Annotated[Path, typer.Argument(help="TBAQ-cleaned folder (TimeML)")]
                     ) -> None:
    """Event dates against TimeML's links of events to dates (TimeBank + AQUAINT)."""
    _evaluate("event_dates", path)


@eval_app.command("modality")
def eval_modality(path: Annotated[Path, typer.Argument(help="TBAQ-cleaned folder (TimeML)")]
                  ) -> None:
    """Negation and modals against TimeML's polarity and modality (TimeBank + AQUAINT)."""
    _evaluate("modality", path)


@eval_app.command("quotes")
def eval_quotes(path: Annotated[Path, typer.Argument(help="polnear_dev folder")]) -> None:
    """Score quotes and speakers on PolNeAR (recall, precision, speaker accuracy)."""
    _evaluate("quotes", path)


@eval_app.command("geo")
def eval_geo(path: Annotated[Path, typer.Argument(help="lgl.xml")]) -> None:
    """Score toponym resolution on LGL: within 161 km, mean and median error, recall."""
    _evaluate("geo", path)


@eval_app.command("location")
def eval_location(path: Annotated[Path, typer.Argument(help="event_location_dev.jsonl")]
                  ) -> None:
    """Score the place attached to an event verb (right place, or none when there is none)."""
    from tacitus.eval import geo

    try:
        result = geo.evaluate_location(path)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    geo.report_location(result, Console(highlight=False))


@eval_app.command("muc4")
def eval_muc4(
    path: Annotated[Path, typer.Argument(help="The muc4 folder (or one split's folder)")],
    split: Annotated[str, typer.Option(help="dev, tst1, tst2 or tst3")] = "dev",
    step: Annotated[int, typer.Option(help="Score every STEP-th message (1: all; the default "
                                           "keeps the run near a minute).")] = 4,
) -> None:
    """Score attacks, bombings and kidnappings on MUC-4: recall, precision, date, place,
    victims."""
    _evaluate("muc4", path, split=split, step=step)


# The query and export commands (events, actors, dyads, export) live with the store.
from tacitus.store.commands import register as _register_store_commands  # noqa: E402

_register_store_commands(app)
