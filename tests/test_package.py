"""The package around the code: version, licence, notice, citation and changelog agree, and
the wheel's package-data patterns take every data file (`make test` also builds the wheel and
installs it: scripts/check_package.py)."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import tacitus
from tacitus.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_version_option():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"tacitus {tacitus.__version__}\n"


def test_package_data_patterns_take_every_file():
    try:
        tracked = subprocess.run(["git", "ls-files", "tacitus"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    taken: set[str] = set()
    for package, patterns in data["tool"]["setuptools"]["package-data"].items():
        base = ROOT / package.replace(".", "/")
        for pattern in patterns:
            taken |= {p.relative_to(ROOT).as_posix() for p in base.glob(pattern) if p.is_file()}
    wanted = {p for p in tracked if not p.endswith(".py")
              and not p.startswith("tacitus/serve/frontend/")}   # npm sources of vendor/
    assert wanted - taken == set()


def test_licence_notice_citation_changelog():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "Apache-2.0"
    assert set(project["license-files"]) == {"LICENSE", "NOTICE"}
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "GeoNames" in notice and "CC BY 4.0" in notice
    for bundled in ("gazetteer.tsv.gz", "fips_countries.tsv", "cameo_codes.tsv",
                    "cameo_plover.tsv", "plover.yaml", "gdelt.yaml", "topojson-client",
                    "countries-110m.json", "samples"):
        assert bundled in notice, bundled
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == tacitus.__version__
    assert citation["license"] == "Apache-2.0"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{tacitus.__version__}] - {citation['date-released']}" in changelog
