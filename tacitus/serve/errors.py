"""Errors the API answers with: one JSON shape, ``{"error": KIND, "message": TEXT}``, so the
pages can show ``message`` as it is and a script can branch on ``error``."""

from __future__ import annotations


class ApiError(Exception):
    """An answer other than 200, raised from a route and turned into JSON by app.py."""

    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message


def bad_parameter(name: str, reason: str) -> ApiError:
    """A 400 that names the parameter, e.g. ``quad_class: expected 1, 2, 3 or 4``."""
    return ApiError(400, "bad_parameter", f"{name}: {reason}")
