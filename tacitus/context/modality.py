"""Modality: how sure the text is that an event happened, read from the words that say it.

Asserted, reported (by a speech verb's subject, "reportedly", "according to"), disputed
("denied reports that"), planned (planning verbs and nouns, "will", a purpose), hypothetical
(modals, conditionals, demands) or negated ("not", "no agreement"). The cue words are data
(``data/modality.yaml``); the clause structure is the dependency parse the coder read.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.actors.resolver import ActorBook
from tacitus.events.coder import SUSPICION, EventCoder, blamed, pobjs, subjects


class ModalityReader:
    """Reads the modality of the events one ``EventCoder`` codes (its cue words)."""

    def __init__(self, events: EventCoder) -> None:
        self.events = events
        self.p = events.p

    def read(self, book: ActorBook, trigger: Token) -> tuple[str, str | None]:
        """Asserted, negated, hypothetical, planned, reported or disputed; and by whom."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        children = list(verb.children)
        if trigger is not verb and any(c.dep_ == "neg" for c in trigger.children):
            return "negated", None
        if trigger is not verb:  # "potential incursions", "the planned summit"
            adjectives = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
            if adjectives & self.p.hypothetical_adjectives:
                return "hypothetical", None
            if adjectives & self.p.planned_adjectives:
                return "planned", None
        scope = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
        if any(c.dep_ == "neg" for s in scope for c in s.children):
            return "negated", None
        if any(c.dep_ in ("dobj", "obj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no"
                                                  for d in c.children) for c in children):
            return "negated", None  # "made no comment", "no deadline had been set"
        if any(c.dep_ == "mark" and c.lower_ in self.p.conditional for c in children) or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.p.conditional
                                      for m in c.children)
            for c in children
        ):
            return "hypothetical", None  # "if the talks fail" on either clause
        aux = [c for s in scope for c in s.children if c.dep_ in ("aux", "auxpass")]
        # "which will involve attacks" misparsed with "involve" as an auxiliary: its "will"
        aux += [g for c in aux for g in c.children if g.dep_ in ("aux", "auxpass")]
        auxes = {c.lower_ for c in aux}
        if auxes & self.p.hypothetical_aux:
            return "hypothetical", None
        if auxes & self.p.planned_aux:
            return "planned", None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.p.planning:
            return "planned", None
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            # "plans to attack", "the right to fire": an act a noun intends or allows
            return ("planned" if verb.head.lemma_.lower() in self.p.planning_nouns
                    else "hypothetical"), None
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
                and not any(c.dep_ == "mark" and c.lower_ in self.p.conditional for c in children):
            return "planned", None  # a purpose: "sent troops to protect the border"
        if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" \
                and verb.head.lemma_.lower() in self.p.planning_nouns \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
            return "hypothetical", None  # "its demand that Israel ease restrictions"
        # A clause reported by a speech verb: attributed to its speaker.
        # ("X said Y attacked Z", "X denied reports that Y attacked Z").
        anc = self.events.reporting_verb(verb)
        if anc is not None:
            speakers = [k for t in subjects(anc) if (k := book.actor_of(t))]
            mode = "disputed" if anc.lemma_.lower() in self.p.disputing else "reported"
            return mode, speakers[0] if speakers else None
        if any(c.lower_ in self.p.reported_adverbs for c in children):
            return "reported", None
        if trigger.pos_ == "NOUN" and blamed(trigger) is not None and any(
                a.lemma_.lower() in SUSPICION for a in trigger.ancestors):
            return "reported", None  # "believed to be responsible for", "suspected in"
        for c in children:
            if c.dep_ == "prep" and c.lower_ == "according":
                cited = [k for t in pobjs(c, "to") if (k := book.actor_of(t))]
                return "reported", cited[0] if cited else None
        return "asserted", None
