"""tacitus.nlp.tree: a token's head and children from one table per document, as spaCy
gives them."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.nlp import load_pipeline
from tacitus.nlp.tree import (
    children_of,
    conjuncts_of,
    entities_of,
    forget,
    head_of,
    memo_of,
    sentences_of,
    tokens_of,
)
from tacitus.testing import make_doc


@st.composite
def trees(draw: st.DrawFn) -> list[int]:
    """A random dependency tree as spaCy's ``heads`` (absolute indices, the root its own
    head): nodes are attached in a random order, each to one attached before it, so any
    shape comes out, crossing arcs included."""
    n = draw(st.integers(min_value=1, max_value=25))
    order = draw(st.permutations(range(n)))
    heads = [0] * n
    heads[order[0]] = order[0]
    for k, node in enumerate(order[1:], start=1):
        heads[node] = order[draw(st.integers(min_value=0, max_value=k - 1))]
    return heads


@settings(max_examples=150, deadline=None)
@given(trees())
def test_children_are_spacys_in_spacys_order(heads: list[int]) -> None:
    n = len(heads)
    doc = make_doc([f"w{i}" for i in range(n)], heads=heads,
                   deps=["ROOT" if h == i else "dep" for i, h in enumerate(heads)],
                   pos=["NOUN"] * n)
    for token in doc:
        assert children_of(token) == tuple(token.children)
        assert head_of(token) == token.head
    forget()


def test_a_parsed_article_and_the_same_object_on_every_call() -> None:
    nlp = load_pipeline()
    doc = nlp("The foreign minister, who arrived in Accra on Monday, said that the two "
              "governments would sign a trade accord and release the detained fishermen.")
    for token in doc:
        assert children_of(token) == tuple(token.children)
        assert head_of(token) == token.head
    # one table: the coder's "is" tests between tokens read from it hold
    said = next(t for t in doc if t.lemma_ == "say")
    assert all(a is b for a, b in zip(children_of(said), children_of(said), strict=True))
    kids = children_of(said)
    assert all(head_of(c) is head_of(kids[0]) and head_of(c) == said for c in kids)


def test_tokens_sentences_and_entities_once_per_document_the_tables_own() -> None:
    nlp = load_pipeline()
    doc = nlp("The envoy left Lima on Friday. Talks with the rebels resumed a week later.")
    tokens = tokens_of(doc)
    assert [t.i for t in tokens] == [t.i for t in doc] and tokens_of(doc) is tokens
    # the same objects as the children and heads: "is" between them means the same word
    left = next(t for t in tokens if t.lower_ == "left")
    assert all(c is tokens[c.i] for c in children_of(left))
    assert head_of(tokens[0]) is tokens[head_of(tokens[0]).i]
    sents = sentences_of(doc)
    assert [(s.start, s.end) for s in sents] == [(s.start, s.end) for s in doc.sents]
    assert sentences_of(doc) is sents
    ents = entities_of(doc)
    assert [(e.start, e.end, e.label_) for e in ents] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    assert entities_of(doc) is ents
    other = nlp("Protesters marched in the capital.")
    assert [t.text for t in tokens_of(other)] == [t.text for t in other]
    assert len(sentences_of(other)) == 1
    forget()


def test_the_memo_is_one_documents_and_goes_with_its_table() -> None:
    nlp = load_pipeline()
    one = nlp("Troops shelled the town.")
    two = nlp("The minister resigned.")
    memo_of(one)["k"] = 1
    assert memo_of(one) == {"k": 1}
    assert memo_of(two) == {}  # another document: its own, empty
    assert memo_of(one) == {}  # the first one's table was rebuilt, and its memo with it
    memo_of(one)["k"] = 2
    forget()
    assert memo_of(one) == {}


def test_conjuncts_are_spacys_as_the_tables_tokens() -> None:
    nlp = load_pipeline()
    doc = nlp("Envoys from Chile, Peru and Bolivia met the rebels and the soldiers.")
    tokens = tokens_of(doc)
    for token in tokens:
        found = conjuncts_of(token)
        assert [c.i for c in found] == [c.i for c in token.conjuncts]
        assert all(c is tokens[c.i] for c in found) and conjuncts_of(token) is found
    chile = next(t for t in tokens if t.text == "Chile")
    assert [c.text for c in conjuncts_of(chile)] == ["Peru", "Bolivia"]
    forget()


def test_switching_documents_never_answers_from_the_other_table() -> None:
    nlp = load_pipeline()
    one = nlp("Rebels attacked the convoy near the border.")
    two = nlp("The council condemned the attack and demanded an inquiry.")
    for _ in range(3):
        for doc in (one, two):
            assert [children_of(t) for t in doc] == [tuple(t.children) for t in doc]


def test_threads_coding_different_documents_each_read_their_own() -> None:
    nlp = load_pipeline()
    docs = [nlp(text) for text in ("Police arrested three protesters in the capital.",
                                   "The army shelled villages along the river on Sunday.")]
    want = [[tuple(t.children) for t in doc] for doc in docs]
    wrong: list[str] = []

    def read(k: int) -> None:
        for _ in range(300):
            if [children_of(t) for t in docs[k]] != want[k]:
                wrong.append(f"document {k}")

    threads = [threading.Thread(target=read, args=(k,)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []
