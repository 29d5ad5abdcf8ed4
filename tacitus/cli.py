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


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(1)


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt .md .html .jsonl) or - "
                                                    "for standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD, when "
                                                       "the article does not say.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    pipeline: Annotated[str | None, typer.Option(help="An installed spaCy pipeline package "
                                                      "to parse with.")] = None,
) -> None:
    """Code articles into actors and CAMEO events, each pointing at its evidence."""
    from tacitus.ingest import read_path
    from tacitus.ingest.readers import normalise_date
    from tacitus.output import write_documents
    from tacitus.pipeline import Coder

    try:
        published = normalise_date(published, "--published")
        coder = Coder(pipeline) if pipeline else Coder()
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    corpus = len(paths) > 1 or any(p.lower().endswith((".jsonl", ".ndjson")) for p in paths)
    skipped: list[InputError] = []

    def documents():
        for path in paths:
            for item in read_path(path, published=published):
                if isinstance(item, InputError):
                    skipped.append(item)
                    err.print(f"skipped {item}", markup=False)
                else:
                    yield item

    written = write_documents(coder.code_documents(documents()), format.value, sys.stdout,
                              as_list=corpus)
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


@eval_app.command("plover")
def eval_plover(path: Annotated[Path, typer.Argument(help="PLOVER_GSR_CAMEO.txt")]) -> None:
    """Score the coder on the PLOVER gold-standard records (type, source, target)."""
    from tacitus.eval.plover import evaluate, report

    try:
        result = evaluate(path)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    report(result, Console(highlight=False))


@eval_app.command("conflibert")
def eval_conflibert(path: Annotated[Path, typer.Argument(help="class_train.tsv")]) -> None:
    """Score QuadClass (0 = statement, 1-4 = QuadClass) on the ConfliBERT CAMEO file."""
    from tacitus.eval.conflibert import evaluate, report

    try:
        result = evaluate(path)
    except TacitusError as exc:
        raise _fail(str(exc)) from None
    report(result, Console(highlight=False))
