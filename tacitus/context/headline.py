"""Headlines: the title is coded too, and an event it shares with the lede is one event.

A headline often reports the story's main event in a few words ("Troops seize rebel
stronghold"), sometimes in words the text never repeats. The title is parsed and coded as a
text of its own (a headline in Title Case is read in its ordinary case first, as the
truecaser reads wire copy in capitals; the offsets do not change). Then each of its events:

- that the lede reports too (an event of the first paragraph, or of the first three
  sentences, with the same CAMEO root and no actor code that disagrees, one at least shared)
  keeps its place in the text and gains ``title_evidence``, the headline's words for it;
- that no sentence of the lede reports is added, marked ``evidence_in: "title"``: its
  evidence, trigger, source_span, target_span and modality_basis are offsets into
  ``document.title``. Its actors are the text's actors with the same code, or new actors
  (with no mentions in the text).
"""

from __future__ import annotations

import re

from tacitus.model import CodedDocument, Document, Event, Span

LEDE_SENTENCES = 3


def title_case(title: str) -> bool:
    """Most words capitalised: "US Backs Taliban Office In Qatar"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", title) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def parse_text(title: str) -> str:
    """The title as it is parsed: in its ordinary case when it is written in Title Case."""
    if not title_case(title):
        return title
    from tacitus.ingest.truecase import truecase

    cased = truecase(title.upper())
    return cased if len(cased) == len(title) else title


def code_title(coder, coded: CodedDocument) -> CodedDocument:
    """``coded`` with its title's events: joined to the lede's, or added (see the module)."""
    document = coded.document
    title = (document.title or "").strip()
    if not title or len(title) > 400:
        return coded
    start = document.title.index(title)
    text = parse_text(title)
    head = Document(id=document.id, text=text, published=document.published)
    found = coder._assemble(head, coder.nlp(text))
    if not found.events:
        return coded
    lede = _lede(coded)
    codes = {a.id: a.code for a in coded.actors}
    title_codes = {a.id: a.code for a in found.actors}
    events = list(coded.events)
    for e in found.events:
        _to_title(e, document.title, start)
        same = next((b for b in lede if _same(b, e, codes, title_codes)), None)
        if same is not None:
            if same.title_evidence is None:
                same.title_evidence = e.evidence
            continue
        e.source = _actor(coded, found, e.source)
        e.target = _actor(coded, found, e.target)
        e.attributed_to = _actor(coded, found, e.attributed_to)
        e.evidence_in = "title"
        e.title_evidence = e.evidence
        e.sentence = 0
        e.id = f"e{len(events) + 1}"
        events.append(e)
    coded.events = events
    return coded


def _lede(coded: CodedDocument) -> list[Event]:
    text = coded.document.text
    first = text.find("\n\n")
    end = first if first > 0 else len(text)
    return [e for e in coded.events if e.evidence_in == "text" and (
        e.sentence < LEDE_SENTENCES or e.evidence.start < end)]


def _same(body: Event, title: Event, codes: dict, title_codes: dict) -> bool:
    if body.root != title.root:
        return False
    shared = 0
    body_target = body.target if body.target_basis != "place" else None
    for b, t in ((body.source, title.source), (body_target, title.target)):
        bc, tc = codes.get(b), title_codes.get(t)
        if bc and tc:
            if bc != tc and not (bc.startswith(tc) or tc.startswith(bc)):
                return False
            shared += 1
    return shared > 0 or (body.source is None and body_target is None)


def _actor(coded: CodedDocument, found: CodedDocument, actor_id: str | None) -> str | None:
    """The text's actor for a title actor (same code, else same name), or a new one."""
    if actor_id is None:
        return None
    actor = next(a for a in found.actors if a.id == actor_id)
    same = next((a for a in coded.actors if a.code and a.code == actor.code), None) or \
        next((a for a in coded.actors if a.name == actor.name), None)
    if same is not None:
        return same.id
    new = actor.model_copy(update={"id": f"a{len(coded.actors) + 1}", "mentions": [],
                                   "code_span": None})
    coded.actors.append(new)
    return new.id


def _to_title(e: Event, title: str, start: int) -> None:
    """Move an event's spans to the offsets and words of ``document.title``."""
    def moved(s: Span | None) -> Span | None:
        if s is None:
            return None
        return s.model_copy(update={"start": s.start + start, "end": s.end + start,
                                    "text": title[s.start + start: s.end + start]})

    e.evidence = moved(e.evidence)
    e.trigger = moved(e.trigger)
    e.source_span = moved(e.source_span)
    e.target_span = moved(e.target_span)
    e.modality_basis = [m for s in e.modality_basis if (m := moved(s)) is not None]
    e.mentions = [m for s in e.mentions if (m := moved(s)) is not None]
    for q in e.quantities:
        if q.start is not None and q.end is not None:
            q.start, q.end = q.start + start, q.end + start
            q.text = title[q.start:q.end]
    if e.date is not None and e.date.start is not None and e.date.end is not None:
        e.date.start, e.date.end = e.date.start + start, e.date.end + start
        e.date.text = title[e.date.start:e.date.end]
