"""tacitus: news articles in, verifiable political event data out.

``tacitus.code(text, published="2012-01-04")`` returns a ``CodedDocument`` (see
``tacitus.model``): actors with CAMEO-style codes, and CAMEO events whose evidence points at
the exact words they were read from.
"""

from tacitus.model import SCHEMA_VERSION, CodedDocument
from tacitus.pipeline import Coder, code

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "CodedDocument", "Coder", "__version__", "code"]


def __getattr__(name: str) -> object:
    """``tacitus.open(path)`` (the event database, read-only) loads DuckDB and pandas only when
    first used. It stays out of ``__all__`` so that ``from tacitus import *`` cannot shadow the
    built-in ``open``."""
    if name == "open":
        from tacitus.store.query import open_store

        return open_store
    raise AttributeError(f"module 'tacitus' has no attribute {name!r}")
