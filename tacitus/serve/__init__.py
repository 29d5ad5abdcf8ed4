"""serve: the analyst's workbench, a local web app over the event database
(``tacitus serve --db events.duckdb``; ``create_app`` for tests and embedding)."""

from tacitus.serve.app import create_app

__all__ = ["create_app"]
