"""The README and docs/ tell the truth: their worked examples are run and compared with what
tacitus prints now, and every relative link points at a file that exists.

A worked example is a fenced block with a marker comment on the line before it:

- ``<!-- example: file PATH -->``: the block is a file the later commands read; it is
  written to PATH in a scratch folder (one folder per Markdown file, examples run in order);
- ``<!-- example: run -->``: a console block; each line starting with ``$ tacitus`` is run
  there, and the lines below it, up to the next ``$``, are its output on standard output;
- ``<!-- example: json COMMAND -->``: the JSON that COMMAND prints, trimmed: every key shown
  must hold the value shown (a list item with an ``id`` is the item with that id, others go
  by position), and keys or items left out are not checked.

Output is compared line by line with runs of spaces made one, so a change in the coder that
alters an example fails here. To write what tacitus prints now into the marked blocks:

    .venv/bin/python tests/test_readme.py --update
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README_MAX_LINES = 200

EXAMPLE = re.compile(r"^<!-- example: (?P<kind>file|run|json)(?: (?P<arg>[^\n]*?))? -->\n"
                     r"```[\w-]*\n(?P<body>.*?)^```", re.S | re.M)
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
MISSING = "<missing>"


@dataclass(frozen=True)
class Example:
    kind: str
    arg: str
    body: str
    start: int  # offsets of the body in the Markdown file
    end: int


def examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    return [Example(m["kind"], (m["arg"] or "").strip(), m["body"], m.start("body"),
                    m.end("body")) for m in EXAMPLE.finditer(text)]


# -- running ----------------------------------------------------------------------------

def _tacitus(command: str) -> str:
    """Run one ``tacitus ...`` command line in this process; its standard output."""
    from typer.testing import CliRunner

    from tacitus.cli import app

    args = shlex.split(command)
    assert args and args[0] == "tacitus", f"an example runs tacitus only: {command!r}"
    try:
        result = CliRunner().invoke(app, args[1:])
    finally:
        _forget_data()  # each command of an example is a process of its own
    assert result.exit_code == 0, f"{command}\n{result.output}"
    return result.stdout


def _forget_data() -> None:
    """Undo what ``--data`` did to this process: it makes a data folder the process's
    knowledge (TACITUS_DATA, and the caches built from it)."""
    from tacitus import data
    from tacitus.pipeline import default_coder

    if os.environ.pop("TACITUS_DATA", None) is not None:
        data.default_knowledge.cache_clear()
        default_coder.cache_clear()


def _console(body: str) -> str:
    """A console block as it is now: each ``$ tacitus ...`` line followed by its output."""
    out: list[str] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append(line)
            out += [ln.rstrip() for ln in _tacitus(line[2:]).rstrip("\n").splitlines()]
    return "\n".join(out) + "\n"


def _project(shown: object, actual: object) -> object:
    """``actual`` cut down to the shape of ``shown`` (what a trimmed JSON block shows)."""
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return MISSING
        return {k: _project(v, actual.get(k, MISSING)) for k, v in shown.items()}
    if isinstance(shown, list):
        if not isinstance(actual, list):
            return MISSING
        out = []
        for i, item in enumerate(shown):
            if isinstance(item, dict) and "id" in item:
                match = next((a for a in actual if isinstance(a, dict)
                              and a.get("id") == item["id"]), MISSING)
            else:
                match = actual[i] if i < len(actual) else MISSING
            out.append(_project(item, match))
        return out
    return actual


def _dumps(value: object, indent: int = 0, width: int = 92) -> str:
    """JSON with small objects and lists kept on one line, as the docs show them."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or len(flat) + indent <= width or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {_dumps(v, indent + 2, width)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _dumps(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


@contextmanager
def _scratch() -> Iterator[Path]:
    """Run in a scratch folder with the packaged knowledge, and leave the process as it was."""
    before, saved = Path.cwd(), os.environ.get("TACITUS_DATA")
    _forget_data()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            yield Path.cwd()
        finally:
            os.chdir(before)
            if saved is not None:
                from tacitus import data
                from tacitus.pipeline import default_coder

                os.environ["TACITUS_DATA"] = saved
                data.default_knowledge.cache_clear()
                default_coder.cache_clear()


def actual_bodies(path: Path) -> list[tuple[Example, str]]:
    """Every marked example of ``path`` with what its block would hold now."""
    out = []
    with _scratch() as here:
        for ex in examples(path):
            if ex.kind == "file":
                target = here / ex.arg
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(ex.body, encoding="utf-8")
                out.append((ex, ex.body))
            elif ex.kind == "run":
                out.append((ex, _console(ex.body)))
            else:
                shown = json.loads(ex.body)
                now = _project(shown, json.loads(_tacitus(ex.arg)))
                out.append((ex, _dumps(now) + "\n"))
    return out


def _lines(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def update(path: Path) -> bool:
    """Write what tacitus prints now into the marked blocks of ``path``; True if it changed."""
    text = path.read_text(encoding="utf-8")
    new = text
    for ex, body in reversed(actual_bodies(path)):
        new = new[: ex.start] + body + new[ex.end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


# -- tests ------------------------------------------------------------------------------

WITH_EXAMPLES = [p for p in DOCS if examples(p)]


def test_the_readme_has_a_worked_example_and_stays_short() -> None:
    readme = ROOT / "README.md"
    kinds = {ex.kind for ex in examples(readme)}
    assert {"file", "run"} <= kinds, "the README's worked example lost its markers"
    lines = readme.read_text(encoding="utf-8").count("\n")
    assert lines < README_MAX_LINES, f"README.md has {lines} lines: move detail to docs/"


@pytest.mark.parametrize("path", WITH_EXAMPLES, ids=[p.name for p in WITH_EXAMPLES])
def test_worked_examples_show_what_tacitus_prints_now(path: Path) -> None:
    for ex, body in actual_bodies(path):
        if ex.kind == "json":
            shown = json.loads(ex.body)
            assert json.loads(body) == shown, (
                f"{path.name}: the JSON of `{ex.arg}` has changed; now:\n{body}\n"
                "update the docs with `.venv/bin/python tests/test_readme.py --update`")
        else:
            assert _lines(body) == _lines(ex.body), (
                f"{path.name}: the {ex.kind} example has changed; now:\n{body}\n"
                "update the docs with `.venv/bin/python tests/test_readme.py --update`")


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[`*]|<[^>]+>", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(m[1]) for m in re.finditer(r"^#+\s+(.*)$", text, re.M)}


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_relative_links_point_at_files_that_exist(path: Path) -> None:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(f"{target}: no heading #{anchor} in {dest.name}")
    assert not broken, f"{path.relative_to(ROOT)}: " + "; ".join(broken)


def test_make_targets_named_in_the_docs_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    named = {m for p in DOCS
             for block in FENCE.findall(p.read_text(encoding="utf-8"))
             for m in re.findall(r"^(?:\$ )?make ([\w-]+)", block, re.M)}
    assert named and named <= targets, f"not in the Makefile: {sorted(named - targets)}"


if __name__ == "__main__":
    if sys.argv[1:2] != ["--update"]:
        sys.exit(__doc__)
    for doc in [Path(a).resolve() for a in sys.argv[2:]] or WITH_EXAMPLES:
        print(f"{doc.relative_to(ROOT)}: {'updated' if update(doc) else 'unchanged'}")
