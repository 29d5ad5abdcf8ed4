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
    """A copy of the data folder whose files a test may break; every cache is cleared."""
    from tacitus.actors import dictionary
    from tacitus.events import coder

    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(data, "DATA_DIR", copy)
    caches = [getattr(data, n) for n in dir(data) if n.startswith("load_")]
    caches += [coder.load_patterns, dictionary._build]
    for f in caches:
        f.cache_clear()
    yield copy
    for f in caches:
        f.cache_clear()
