"""Build a parsed spaCy ``Doc`` by hand, to pin a coder rule to a parse of your choosing.

The statistical parser may parse a sentence differently after an upgrade; a rule test that
gives the words, their heads and labels tests the rule itself:

    from tacitus.testing import make_doc
    doc = make_doc(["Iran", "attacked", "Iraq", "."],
                   heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                   pos=["PROPN", "VERB", "PROPN", "PUNCT"],
                   lemmas=["Iran", "attack", "Iraq", "."], ents=["B-GPE", "O", "B-GPE", "O"])
    coded = Coder().code_parsed(doc)

Heads are token indexes (the root points at itself). Lemmas default to the lowercased word
(give them for inflected verbs: "attacked" -> "attack"), tags to a tag that fits the POS, the
entities to none. The Doc uses the vocabulary of the coder's pipeline, so the actor
dictionary matches it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tacitus.nlp import DEFAULT_PIPELINE, load_pipeline

_TAGS = {"VERB": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADJ": "JJ", "ADP": "IN", "DET": "DT",
         "PRON": "PRP", "AUX": "VBZ", "PUNCT": ".", "NUM": "CD", "PART": "TO", "ADV": "RB",
         "CCONJ": "CC", "SCONJ": "IN"}


def make_doc(words: list[str], *, heads: list[int], deps: list[str], pos: list[str],
             lemmas: list[str] | None = None, tags: list[str] | None = None,
             ents: list[str] | None = None, spaces: list[bool] | None = None,
             pipeline: str = DEFAULT_PIPELINE) -> Doc:
    """A Doc with the given parse; sentence boundaries follow from the heads."""
    n = len(words)
    for name, values in (("heads", heads), ("deps", deps), ("pos", pos)):
        if len(values) != n:
            raise ValueError(f"{name} has {len(values)} values for {n} words")
    if spaces is None:  # no space before punctuation and clitics
        spaces = [i + 1 < n and words[i + 1] not in {".", ",", ";", ":", "!", "?", "'s", ")"}
                  for i in range(n)]
    return Doc(load_pipeline(pipeline).vocab, words=words, spaces=spaces, heads=heads,
               deps=deps, pos=pos, tags=tags or [_TAGS.get(p, "XX") for p in pos],
               lemmas=lemmas or [w.lower() for w in words], ents=ents)
