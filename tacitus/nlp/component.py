"""tacitus as a spaCy pipeline component, for people who already run spaCy.

    import spacy, tacitus.nlp.component  # or let spaCy find the "tacitus" factory itself
    nlp = spacy.load("en_core_web_sm")   # any English pipeline with tagger, parser and NER
    nlp.add_pipe("tacitus")
    doc = nlp("Iran and Iraq signed a border agreement in Baghdad on Monday.")
    doc._.events   # list[tacitus.model.Event]
    doc._.actors   # list[tacitus.model.Actor]
    doc._.coded    # the whole CodedDocument (quotes, places, timexes...)

The component codes the Doc as the pipeline parsed it (no cleaning: give it article text, not
HTML). A publication date anchors relative dates ("last month"): set it in the component's
config (``nlp.add_pipe("tacitus", config={"published": "2012-01-04"})``), or per text with
``tacitus.nlp.component.code_doc(doc, component.coder, published=...)`` on Docs parsed
without it. The factory is registered under the
``spacy_factories`` entry point, so ``nlp.add_pipe("tacitus")`` works once tacitus is
installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.model import CodedDocument

if TYPE_CHECKING:
    from tacitus.pipeline import Coder

for _name in ("events", "actors", "coded"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class TacitusComponent:
    """Codes each Doc of its pipeline: ``doc._.events``, ``doc._.actors``, ``doc._.coded``."""

    def __init__(self, nlp: Language, name: str, published: str | None, data: str | None,
                 merge: bool) -> None:
        from tacitus.pipeline import Coder

        missing = [c for c in ("tagger", "parser", "ner") if c not in nlp.pipe_names]
        if missing:
            raise ValueError(f"the tacitus component needs {', '.join(missing)} before it in "
                             f"the pipeline")
        self.name = name
        self.published = published
        self.coder = Coder(nlp, merge=merge, data=data)

    def __call__(self, doc: Doc) -> Doc:
        return code_doc(doc, self.coder, published=self.published)


def code_doc(doc: Doc, coder: Coder, *, published: str | None = None) -> Doc:
    """Code one parsed Doc with ``coder`` and set its extensions (the component's work, for
    texts that each have their own publication date)."""
    coded: CodedDocument = coder.code_parsed(doc, published=published)
    doc._.coded = coded
    doc._.events = coded.events
    doc._.actors = coded.actors
    return doc


@Language.factory("tacitus", default_config={"published": None, "data": None, "merge": True})
def make_tacitus(nlp: Language, name: str, published: str | None, data: str | None,
                 merge: bool) -> TacitusComponent:
    return TacitusComponent(nlp, name, published, data, merge)
