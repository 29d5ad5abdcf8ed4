"""tree: a token's syntactic head and children, read from one pass over its document.

spaCy builds a new ``Token`` object for every child each time ``Token.children`` is walked
(a generator over ``lefts`` and ``rights``, then ``Doc.__getitem__`` per child), and for the
head on every read of ``Token.head``. The coder reads both thousands of times an article,
so that allocation was about a fifth of its own time. ``children_of`` and ``head_of``
answer from a table built once per document instead: the same tokens, children in the same
order (left children, then right ones) as a tuple. A token read from the table is the same
object on every call, so ``is`` between two such tokens means the same word.

``tokens_of``, ``sentences_of`` and ``entities_of`` give the same table's tokens and the
document's sentences and named entities, so that the stages that read every word (the actor
scan, the chains, the quote finder, the event coder, the dater, the placer) walk one list
instead of building every token or span again each. ``conjuncts_of`` and ``memo_of`` keep,
with the same table, what rules read of one word many times (its conjuncts; whether a verb
is passive, its objects): asked again, they answer without walking the tree.

The table of the last document asked about is kept in one module-level slot, read and
replaced as a single tuple, so that threads coding different documents (a Dask worker)
never read another document's table: at worst they rebuild it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

# each token's children, each token's head, the tokens, what ``sentences_of`` and
# ``entities_of`` have read (on their first call), and ``memo_of``'s answers
_Table = tuple[tuple[tuple[Token, ...], ...], list[Token], list[Token],
               dict[str, tuple[Span, ...]], dict[Hashable, Any]]
_EMPTY: _Table = ((), [], [], {}, {})
_last: tuple[Doc | None, _Table] = (None, _EMPTY)


def children_of(token: Token) -> tuple[Token, ...]:
    """``token.children``, as a tuple, without building new tokens on every call."""
    doc, table = _last
    if doc is not token.doc:
        table = _table(token.doc)
    return table[0][token.i]


def head_of(token: Token) -> Token:
    """``token.head`` (the token itself for a root), without building a new token."""
    doc, table = _last
    if doc is not token.doc:
        table = _table(token.doc)
    return table[1][token.i]


def tokens_of(doc: Doc) -> list[Token]:
    """``list(doc)``, built once per document: the same token objects as ``children_of`` and
    ``head_of`` give. Callers must not change the list."""
    last, table = _last
    if last is not doc:
        table = _table(doc)
    return table[2]


def sentences_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, built once per document (spaCy builds each sentence's span again on
    every walk)."""
    return _spans(doc, "sents")


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document (spaCy builds them again on every read)."""
    return _spans(doc, "ents")


def conjuncts_of(token: Token) -> tuple[Token, ...]:
    """``token.conjuncts`` (spaCy walks the coordination and builds each token again on
    every read), read once per token and document, as the table's tokens."""
    memo = memo_of(token.doc)
    key = ("conjuncts", token.i)
    found = memo.get(key)
    if found is None:
        tokens = tokens_of(token.doc)
        found = memo[key] = tuple(tokens[c.i] for c in token.conjuncts)
    return found


def memo_of(doc: Doc) -> dict[Hashable, Any]:
    """A store for what the rules read of one document's parse alone (whether a verb is
    passive, a verb's objects), kept with its table and dropped with it: a rule asked
    again of the same word answers from here instead of walking the tree again. Keys name
    the rule and the token (``("objects", i)``); values must not be changed by callers."""
    last, table = _last
    if last is not doc:
        table = _table(doc)
    return table[4]


def _spans(doc: Doc, what: str) -> tuple[Span, ...]:
    last, table = _last
    if last is not doc:
        table = _table(doc)
    held = table[3]
    if what not in held:
        held[what] = tuple(getattr(doc, what))
    return held[what]


def _table(doc: Doc) -> _Table:
    """Every token's children in document order (which is spaCy's order: lefts then rights,
    each left to right) and its head, kept in the slot for the next call."""
    global _last
    tokens = list(doc)
    kids: list[list[Token]] = [[] for _ in tokens]
    heads: list[Token] = []
    # each head as an offset from its token (spaCy's array stores it unsigned: reading it
    # as signed gives the leftward ones back), so no token is built to ask for its head
    offsets = doc.to_array(HEAD).astype("int64").tolist()
    for token, offset in zip(tokens, offsets, strict=True):
        heads.append(tokens[token.i + offset])
        if offset:
            kids[token.i + offset].append(token)
    table = (tuple(map(tuple, kids)), heads, tokens, {}, {})
    _last = (doc, table)
    return table


def forget() -> None:
    """Drop the kept table (the document it belongs to may be freed)."""
    global _last
    _last = (None, _EMPTY)
