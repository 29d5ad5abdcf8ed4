"""Wiring: cleaned documents -> spaCy parse -> actors -> events -> the output contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tacitus.actors import ActorBook, dictionary_for
from tacitus.context import Counter, Dater
from tacitus.context.headline import code_title
from tacitus.context.modality import ModalityReader
from tacitus.context.places import Placer
from tacitus.context.quotes import QuoteFinder
from tacitus.context.time import after_publication, renumber_timexes
from tacitus.data import (
    Knowledge,
    default_knowledge,
    load_quote_verbs,
    load_source_phrases,
    versions,
)
from tacitus.data.gazetteer import gazetteer_version
from tacitus.events import EventCoder, load_patterns, lookup
from tacitus.events.coder import pobjs, subjects
from tacitus.events.merge import merge_mentions
from tacitus.ingest import from_text
from tacitus.model import CodedDocument, Document, Event, EventDate, LeftOut, Mention, Span
from tacitus.nlp import DEFAULT_PIPELINE, load_pipeline
from tacitus.nlp.tree import children_of, sentences_of
from tacitus.nlp.tree import forget as forget_children


class Coder:
    """Codes documents with one loaded spaCy pipeline; create once, reuse for many articles."""

    def __init__(self, pipeline: str | Language = DEFAULT_PIPELINE, *, merge: bool = True,
                 data: str | Path | Knowledge | None = None) -> None:
        """pipeline: an installed spaCy pipeline's name, or a loaded ``Language`` (the spaCy
        component codes the Docs of the pipeline it sits in); data: a folder of the user's
        own data files laid over the packaged ones (actors, persons with roles, verb
        patterns; see docs/user-guide.md), or a ``Knowledge``."""
        self.nlp = pipeline if isinstance(pipeline, Language) else load_pipeline(pipeline)
        self.knowledge = data if isinstance(data, Knowledge) else \
            Knowledge(data) if data else default_knowledge()
        self.dictionary = dictionary_for(self.nlp, self.knowledge)
        self.events = EventCoder(load_patterns(knowledge=self.knowledge))
        self.modality = ModalityReader(self.events)
        self.quote_verbs = self.events.p.speech | load_quote_verbs(knowledge=self.knowledge)
        self.source_phrases = load_source_phrases(knowledge=self.knowledge)
        self.data_version = f"{versions(knowledge=self.knowledge)};{gazetteer_version()}"
        self.merge = merge
        """Merge the mentions of each real event into one event (tacitus/events/merge.py);
        False keeps one event per passage, as the coder read them."""

    def warm_up(self) -> None:
        """Pay first-use costs now (dateparser builds its tables on its first date, about
        0.7 s): a long-running service or a benchmark calls this once after loading."""
        from tacitus.context.time import resolve_with_dateparser

        resolve_with_dateparser("3 March 2009", None)
        self.code("Iran and Iraq signed a border agreement in Baghdad on Monday.")

    def code(self, text: str, *, published: str | None = None, **meta: str | None
             ) -> CodedDocument:
        """Clean and code one article given as text (plain or Markdown)."""
        return self.code_document(from_text(text, published=published, **meta))

    def code_document(self, document: Document) -> CodedDocument:
        from tacitus.limits import PART_CHARS

        if len(document.text) > PART_CHARS:
            return self._code_in_parts(document)
        return self._merged(self._assemble(document, self.nlp(document.text)))

    def _code_in_parts(self, document: Document) -> CodedDocument:
        """A long text coded in parts cut at paragraph breaks, so that its cost grows
        linearly with its length (several steps are superlinear in one Doc's length; see
        tacitus/limits.py). Offsets, sentence numbers and ids are those of the whole text."""
        from tacitus.limits import merge_parts, split_parts

        parts = []
        sentences = 0
        for start, text in split_parts(document.text):
            doc = self.nlp(text)
            parts.append((start, sentences,
                          self._assemble(document.model_copy(update={"text": text}), doc)))
            sentences += sum(1 for _ in doc.sents)
        return self._merged(merge_parts(document, parts))

    def code_documents(self, documents: Iterable[Document], batch_size: int = 16
                       ) -> Iterator[CodedDocument]:
        """Code a stream of documents, parsing them in batches (memory stays flat)."""
        pairs = self.nlp.pipe(((d.text, d) for d in documents), as_tuples=True,
                              batch_size=batch_size)
        for parsed, document in pairs:
            yield self._merged(self._assemble(document, parsed))

    def _merged(self, coded: CodedDocument) -> CodedDocument:
        renumber_timexes(coded)
        coded = merge_mentions(coded) if self.merge else coded
        return code_title(self, coded)  # the headline's events, joined to the lede's

    def code_parsed(self, doc: Doc, *, published: str | None = None, **meta: str | None
                    ) -> CodedDocument:
        """Code a Doc the pipeline has already parsed (its text as it is, no cleaning): for
        the spaCy component, and for rule tests that build a Doc by hand
        (``tacitus.testing.make_doc``)."""
        document = Document(id=meta.pop("id", None) or "doc", text=doc.text,
                            published=published, **meta)
        return self._merged(self._assemble(document, doc))

    def _assemble(self, document: Document, doc: Doc) -> CodedDocument:
        # a table kept from before (a caller that read the tree, then set the entities)
        # would answer for the document as it was: the stages read it fresh
        forget_children()
        _sentence_hooks(doc, on=True)
        book = ActorBook(doc, self.dictionary, document.published)
        # quotes first: "we" inside a quote is its speaker's side, for the events too
        quotes = QuoteFinder(doc, book, self.quote_verbs, subjects,
                             self.source_phrases).quotes()
        book.first_person(quotes)
        dropped: list = []
        found = self.events.code(doc, book, self.modality.read, dropped)
        text = book.text  # Doc.text is rebuilt on every access: read it once
        dater = Dater(doc, document.published, text)
        counter = Counter(doc, [(t.start, t.end) for t, _ in dater.spans], text)
        placer = Placer(doc, book, text=text, dateline=document.dateline)
        bases = [self._place_target(book, placer, f) for _, f in found]
        book.forget_placed({k for _, f in found for k in (f.source, f.target, f.attributed_to)}
                           | {q.speaker for q in quotes})
        ids = book.ids()  # after place targets: they may add country actors
        events = []
        for n, ((sentence, f), basis) in enumerate(zip(found, bases, strict=True), start=1):
            row = lookup(f.code)
            start = min(s for s, _ in f.spans)
            end = max(e for _, e in f.spans)
            trigger = f.trigger
            evidence = Span(start=start, end=end, text=text[start:end])
            modality, when = f.modality, dater.date_for(f.trigger, f.modality)
            basis_words = [Span(start=t.idx, end=t.idx + len(t.text), text=t.text)
                           for t in self.modality.basis(f)]
            if modality == "asserted" and _ahead(when, document.published):
                # "the envoys meet Monday", "talks resume on Jan. 9": a date ahead of
                # publication says the act is scheduled, not done
                modality = "planned"
                basis_words = [Span(start=when.start, end=when.end, text=when.text)]
            events.append(Event(
                id=f"e{n}",
                source=ids.get(f.source) if f.source else None,
                target=ids.get(f.target) if f.target else None,
                cameo=row.code, root=row.root, quad_class=row.quad_class,
                goldstein=row.goldstein, name=row.name, plover=row.plover,
                evidence=evidence,
                mentions=[Mention(**evidence.model_dump(), modality=modality)],
                trigger=Span(start=trigger.idx, end=trigger.idx + len(trigger.text),
                             text=trigger.text),
                sentence=sentence,
                modality=modality,
                modality_basis=basis_words,
                date=when,
                quantities=counter.for_event(f.trigger),
                location=placer.location_for(f.trigger, f.modality),
                attributed_to=ids.get(f.attributed_to) if f.attributed_to else None,
                confidence=f.confidence,
                pattern=f.pattern,
                source_span=_span(book, f.source_at, text),
                target_span=_span(book, f.target_at, text),
                target_basis=basis,
            ))
        for q in quotes:
            q.speaker = ids.get(q.speaker) if q.speaker else None
        left_out = [LeftOut(cameo=f.code, reason=reason, detail=detail,
                            trigger=Span(start=f.trigger.idx,
                                         end=f.trigger.idx + len(f.trigger.text),
                                         text=f.trigger.text))
                    for f, reason, detail in dropped]
        coded = CodedDocument(document=document, actors=book.actors(), events=events,
                              quotes=quotes, places=placer.places(), left_out=left_out,
                              timexes=dater.timexes(),
                              data_version=self.data_version)
        _sentence_hooks(doc, on=False)
        forget_children()  # the table would keep this document alive until the next one
        return coded


    @staticmethod
    def _place_target(book: ActorBook, placer: Placer, f) -> str | None:
        """The target basis of event ``f``; an event with no target takes the country of the
        place its own words give ("protested in Beijing": CHN), as CAMEO codes it, marked
        "place" so that users can keep or drop such targets. An unidentified source or
        target that belongs where it acts ("police", "demonstrators") is of the country its
        own words place it in ("Darfur rebels"), else of the event's place."""
        m = placer.mention_for(f.trigger)
        if m is None:  # "agreed to set up a hospital in Mumbai": the complement's place
            comps = [c for c in children_of(f.trigger) if c.dep_ in ("xcomp", "ccomp")]
            comps += [g for c in comps for g in children_of(c) if g.dep_ in ("xcomp", "ccomp")]
            m = next((p for c in comps if (p := placer.mention_for(c)) is not None), None)
        where = m.chosen.cc3 if m is not None and m.chosen is not None else None
        for role in ("source", "target"):
            key, at = getattr(f, role), getattr(f, f"{role}_at")
            own = placer.country_within(book.words_of(at)) if key and at is not None else None
            placed = book.placed(key, own or where, own=own is not None) \
                if key and (own or where) else None
            if placed is not None:
                setattr(f, role, placed)
        if f.target is not None:
            return "text"
        if f.code in ("010", "011"):
            return None  # a statement is made somewhere, not against the place
        if m is not None and f.source_at is not None:
            theirs = frozenset(t.i for t in book.words_of(f.source_at))
            # "the government in Libya suspended talks in Geneva": a place of the act's own
            # phrase before the place of its source's (where the source is, its target only
            # when the act names no other place: "parties in Nepal called a strike")
            other = placer.mention_for(f.trigger, avoid=theirs) if m.head.i in theirs else None
            if other is not None and other.chosen is not None and other.chosen.cc3:
                m, where = other, other.chosen.cc3
        if m is None or not where or _partnered(f.trigger):
            return None
        key = book.country_at(m.chosen.cc3, m.head)
        if key is None or key == f.source:
            return None
        f.target, f.target_at = key, m.head
        f.spans.append(book.extent(m.head))
        return "place"


def _sentence_hooks(doc: Doc, *, on: bool) -> None:
    """Answer ``Token.sent`` and ``Span.sent`` from one pass over the sentences while the
    coder reads ``doc`` (``on``), then give spaCy its own answer back. spaCy builds the
    sentence again on every call (a slice, then a walk to its edges: about 10 µs, some 100
    calls an article); the spans are the same ones (for a span, the sentence of its first
    word). Hooks the caller set itself are left alone."""
    hooks = (doc.user_token_hooks, doc.user_span_hooks)
    if not on:
        for h in hooks:
            if getattr(h.get("sent"), "__name__", "") == "_tacitus_sentence":
                del h["sent"]
        return
    sentences = sentences_of(doc)
    if not sentences or any("sent" in h for h in hooks):
        return
    of = [sent for sent in sentences for _ in range(len(sent))]

    def _tacitus_sentence(t: Token | SpacySpan) -> SpacySpan:
        i = t.i if isinstance(t, Token) else t.start
        return of[i] if i < len(of) else of[-1]

    for h in hooks:
        h["sent"] = _tacitus_sentence


def _partnered(trigger) -> bool:
    """Whether the event names its other side in a "with" phrase, even one that is no actor
    ("talks with relevant sides in Qatar"): then the place is where it happens, not with whom."""
    heads = [trigger, *(c for c in children_of(trigger) if c.dep_ in ("dobj", "obj"))]
    return any(pobjs(h, "with") for h in heads)


def _span(book: ActorBook, token, text: str) -> Span | None:
    """The phrase headed by ``token`` as an output span (None for no token)."""
    if token is None:
        return None
    start, end = book.extent(token)
    return Span(start=start, end=end, text=text[start:end])


@cache
def default_coder(pipeline: str = DEFAULT_PIPELINE) -> Coder:
    return Coder(pipeline)


def code(text: str, *, published: str | None = None, pipeline: str = DEFAULT_PIPELINE,
         **meta: str | None) -> CodedDocument:
    """Code one article: ``tacitus.code(text, published="2012-01-04")``."""
    return default_coder(pipeline).code(text, published=published, **meta)


def _ahead(when: EventDate | None, published: str | None) -> bool:
    """Whether an event's own words date it after publication (at the date's precision)."""
    if when is None or published is None or when.text is None or when.start is None \
            or when.qualifier is not None:
        return False
    return after_publication(when.value, published)
