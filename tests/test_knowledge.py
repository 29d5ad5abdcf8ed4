"""Knowledge as one object, and a user's own data folder laid over the packaged files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus import data
from tacitus.cli import app
from tacitus.errors import DataFileError
from tacitus.pipeline import Coder

MILITIA = """version: "local-1"
organizations:
  - code: KRM
    name: Kivu River Militia
    kind: armed_group
    country: COD
    aliases: [KRM, Kivu River fighters]
    descriptors: [militia]
"""

LEADER = """version: "local-1"
persons:
  - name: Amani Baraka Lwabo
    aliases: [Amani Lwabo]
    country: COD
    roles:
      - {title: "Commander of the Kivu River Militia", code: KRM, start: "2019-03-01"}
"""

PATTERN = """version: "local-1"
verbs:
  - {verb: raze, code: "1712", target: [dobj]}
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "mydata" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "mydata"


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    return _folder(tmp_path, {"actors/organizations.yaml": MILITIA,
                              "actors/persons.yaml": LEADER, "verb_patterns.yaml": PATTERN})


def test_a_local_militia_and_its_leader_are_coded(overlay: Path) -> None:
    coder = Coder(data=overlay)
    doc = coder.code("Amani Lwabo said on Monday that the Kivu River Militia had razed two "
                     "villages. Congolese troops later attacked the KRM near Goma.",
                     published="2021-05-10")
    codes = {a.name: a.code for a in doc.actors}
    assert codes["Amani Baraka Lwabo"] == "KRM"
    assert codes["Kivu River Militia"] == "KRM"
    razed = next(e for e in doc.events if e.cameo == "1712")  # the user's own pattern
    assert next(a.code for a in doc.actors if a.id == razed.source) == "KRM"
    attack = next(e for e in doc.events if e.root == "19")
    assert next(a.code for a in doc.actors if a.id == attack.target) == "KRM"
    # the shipped file's version, then the user's
    assert re.search(r"organizations=\d{4}\.\d+\.\d+\+user:local-1", doc.data_version)


def test_the_packaged_knowledge_does_not_change(overlay: Path) -> None:
    Coder(data=overlay)
    assert not [o for o in data.load_organizations() if o.code == "KRM"]
    assert "KRM" in {o.code for o in data.load_organizations(knowledge=data.Knowledge(overlay))}


def test_a_users_entry_replaces_the_packaged_one_with_its_key(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"actors/organizations.yaml": """version: "1"
organizations:
  - {code: HAQ, name: Haqqani clan network, kind: armed_group, country: PAK}
"""})
    orgs = {o.code: o for o in data.load_organizations(knowledge=data.Knowledge(folder))}
    assert orgs["HAQ"].name == "Haqqani clan network" and orgs["HAQ"].country == "PAK"
    assert len(orgs) == len({o.code for o in data.load_organizations()})


def test_a_bad_user_entry_names_its_file_and_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"actors/persons.yaml": """version: "1"
persons:
  - name: Good Person
    roles: []
  - name: Bad Person
    roles:
      - {title: "Chief", code: KRM}
"""})
    with pytest.raises(DataFileError) as info:
        data.load_persons(knowledge=data.Knowledge(folder))
    message = str(info.value)
    assert "mydata/actors/persons.yaml" in message and "line 5" in message
    assert "Bad Person" in message and "start" in message


def test_only_overlayable_files_are_accepted(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"time.yaml": 'version: "1"\n'})
    with pytest.raises(DataFileError, match=r"time\.yaml: a data folder may only hold"):
        data.Knowledge(folder)
    with pytest.raises(DataFileError, match="no such data folder"):
        data.Knowledge(tmp_path / "missing")


@pytest.fixture
def restored(monkeypatch):
    """The CLI makes a data folder the process's knowledge: put the default one back."""
    from tacitus.pipeline import default_coder

    monkeypatch.delenv("TACITUS_DATA", raising=False)
    yield
    # not monkeypatch: it would put the CLI's value back when it undoes its own changes
    os.environ.pop("TACITUS_DATA", None)
    data.default_knowledge.cache_clear()
    default_coder.cache_clear()


def test_the_cli_reads_a_data_folder_and_refuses_a_broken_one(overlay: Path, tmp_path: Path,
                                                              restored) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["code", "-", "--data", str(overlay), "--format", "json"],
                           input="Fighters of the Kivu River Militia razed a village.")
    assert result.exit_code == 0, result.output
    assert '"code": "KRM"' in result.output
    bad = _folder(tmp_path / "bad", {"verb_patterns.yaml": 'version: "1"\nverbs:\n'
                                                           '  - {verb: raze, code: "9999"}\n'})
    result = runner.invoke(app, ["code", "-", "--data", str(bad)], input="x")
    assert result.exit_code == 1
    assert "raze: code 9999" in result.output


def test_one_knowledge_holds_everything_loaded() -> None:
    knowledge = data.Knowledge()
    first = data.load_verb_patterns(knowledge=knowledge)
    assert data.load_verb_patterns(knowledge=knowledge) is first  # loaded once
    assert data.load_verb_patterns() is not first  # another Knowledge, its own tables
