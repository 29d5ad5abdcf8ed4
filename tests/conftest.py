"""Shared fixtures: the sample articles, and ../shared (tests that need it skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
