"""Shared fixtures: the sample articles, and ../shared (tests that need it skip without it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tacitus import data

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tacitus" / "data" / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is absent: evaluation data not available here")
    return SHARED


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    """A copy of the data folder whose files a test may break: the process's knowledge is
    read from it (everything loaded hangs on that one ``Knowledge``, so one clear suffices)."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(data, "DATA_DIR", copy)
    data.default_knowledge.cache_clear()
    yield copy
    data.default_knowledge.cache_clear()
