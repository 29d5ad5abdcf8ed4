"""Every error tacitus raises on purpose, each a ``TacitusError`` and the matching built-in.

Messages say what was expected, what arrived and where (file and line), on one line, so that
a batch can log them and go on.
"""

from __future__ import annotations


class TacitusError(Exception):
    """Base of all deliberate tacitus errors."""


class InputError(TacitusError, ValueError):
    """A document that cannot be read; ``where`` names the file (and line)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class DataFileError(TacitusError, ValueError):
    """A packaged data file (dictionary, patterns, CAMEO table) with a malformed entry."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"{path}: {len(problems)} bad entries: {listed}{more}")


class PipelineError(TacitusError, RuntimeError):
    """The spaCy pipeline asked for is not installed or unusable."""


class StoreError(TacitusError, RuntimeError):
    """The event database cannot be opened or written: in use, missing, not a tacitus file."""


class TimeLimitExceeded(TacitusError, TimeoutError):
    """Reading or coding one document took longer than its time budget (see
    ``tacitus.limits``); the document is refused and the run goes on."""
