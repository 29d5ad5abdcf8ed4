"""tree: a token's syntactic children, read from one pass over its document.

spaCy builds a new ``Token`` object for every child each time ``Token.children`` is walked
(a generator over ``lefts`` and ``rights``, then ``Doc.__getitem__`` per child). The coder
walks children thousands of times an article, so that allocation was about a tenth of its
own time. ``children_of`` answers from a table built once per document instead: the same
tokens, in the same order (left children, then right ones), as a tuple.

The table of the last document asked about is kept in one module-level slot, read and
replaced as a single tuple, so that threads coding different documents (a Dask worker)
never read another document's table: at worst they rebuild it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_last: tuple[Doc | None, tuple[tuple[Token, ...], ...]] = (None, ())


def children_of(token: Token) -> tuple[Token, ...]:
    """``token.children``, as a tuple, without building new tokens on every call."""
    doc, table = _last
    if doc is not token.doc:
        table = _table(token.doc)
    return table[token.i]


def _table(doc: Doc) -> tuple[tuple[Token, ...], ...]:
    """Every token's children in document order (which is spaCy's order: lefts then rights,
    each left to right), kept in the slot for the next call."""
    global _last
    tokens = list(doc)
    kids: list[list[Token]] = [[] for _ in tokens]
    for token in tokens:
        head = token.head.i
        if head != token.i:
            kids[head].append(token)
    table = tuple(map(tuple, kids))
    _last = (doc, table)
    return table


def forget() -> None:
    """Drop the kept table (the document it belongs to may be freed)."""
    global _last
    _last = (None, ())
