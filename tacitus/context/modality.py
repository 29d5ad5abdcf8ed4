"""Modality: how sure the text is that an event happened, read from the words that say it.

Asserted, reported (by a speech verb's subject, "reportedly", "according to", "sources
said"), disputed ("denied reports that"), planned (planning verbs and nouns, "will", a
purpose), hypothetical (modals, conditionals, wishes, demands) or negated ("not", "never",
"no agreement", "without signing"). The cue words are data (``data/modality.yaml``); the
clause structure is the dependency parse the coder read. Every reading names the words that
carry it (``Reading.basis``: ``Event.modality_basis`` in the output), so that a reader can
check it.

The scope of a cue: the event's verb, the verbs that govern it through a to-complement
("could be forced to stay", "did not agree to meet") and the first verb of a coordination
that it shares a subject with ("could attack and destroy"), not a tensed verb after a bare
one ("did not find them and left"). A negation passes down a to-complement only through
implicative verbs ("did not manage to meet"); through any other it leaves the act
unrealized ("did not want to meet": hypothetical). An event noun takes the cues of a light
verb that carries it ("did not launch an attack", "may hold talks"), never those of any
other verb ("did not condemn the attack": the attack happened), and a predicate those of
its copula ("was not available"). Counter-factive words ("failed to", "declined to",
"unable to", "without", "prevented ... from") negate their act as "not" does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Token

from tacitus.actors.resolver import ActorBook
from tacitus.data import load_modality_words
from tacitus.events.coder import EventCoder, blamed, denied_object, pobjs, subjects
from tacitus.nlp.tree import children_of, head_of, tokens_of


@dataclass(frozen=True)
class Reading:
    """One event's modality, the words that say it, and who reports it (their tokens)."""

    modality: str
    basis: tuple[Token, ...] = ()
    speakers: tuple[Token, ...] = ()


@cache
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_modality_words().items()}


def _has_subject(v: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in children_of(v))


def _own_aux(v: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in children_of(v))


class ModalityReader:
    """Reads the modality of the events one ``EventCoder`` codes (its cue words)."""

    def __init__(self, events: EventCoder) -> None:
        self.events = events
        self.p = events.p
        self.w = _words()
        self._memo = threading.local()  # per thread: the Doc last read and its readings

    # -- the scope of a cue -------------------------------------------------------------
    def verb_of(self, trigger: Token) -> Token | None:
        """The verb whose cues an event takes: its own, or a light verb carrying its noun."""
        if trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB"):
            return trigger
        while trigger.dep_ == "conj" and head_of(trigger).pos_ == trigger.pos_:
            trigger = head_of(trigger)  # "would not be fair or effective", "launched raids and ..."
        head = head_of(trigger)
        if trigger.dep_ in ("acomp", "attr", "prep") \
                and head.lemma_.lower() in self.w["copular_verbs"]:
            return head  # "was not available", "is not a threat", "is not for sale"
        if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "for"):
            head = head_of(head)  # "engaged in talks", "called for a strike"
        elif trigger.dep_ not in ("dobj", "obj", "nsubjpass", "nsubj", "attr"):
            return None
        if head.pos_ not in ("VERB", "AUX"):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.p.light_verbs or lemma in self.w["occurrence_verbs"]:
            return head
        return None

    def scope(self, verb: Token) -> list[Token]:
        """``verb`` and the verbs whose auxiliaries and negation it shares."""
        out = [verb]
        v = verb
        for _ in range(4):
            head = head_of(v)
            if head.i == v.i:
                break
            if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
                v = head if head.pos_ != "ADJ" or head_of(head).i == head.i else head_of(head)
            elif v.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and v.pos_ != "AUX" \
                    and not _has_subject(v) and not _own_aux(v) \
                    and not (v.tag_ in ("VBD", "VBZ", "VBN") and head.tag_ == "VB") \
                    and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet")
                                and (head_of(c) is v or head.i < c.i < v.i)
                                for c in (*children_of(v), *children_of(head))):
                # not "do not affect users and are likely to be fixed" nor "did not find a
                # buyer and filed for bankruptcy": a tensed verb (or a participle after a bare
                # verb: "did not know who was held, questioned") is a clause of its own; nor
                # "would not divulge it but said": "but" opposes the two
                v = head  # "could attack and destroy": the auxiliary of the first verb
            else:
                break
            out.append(v)
        return out

    # -- the reading ----------------------------------------------------------------------
    def read(self, book: ActorBook, trigger: Token) -> tuple[str, str | None]:
        """Asserted, negated, hypothetical, planned, reported or disputed; and by whom."""
        r = self.judge(trigger)
        speakers = [k for t in r.speakers if (k := book.actor_of(t))]
        return r.modality, speakers[0] if speakers else None

    def basis(self, found) -> list[Token]:
        """The words that give a coded event (``events.coder.Found``) its modality: those
        the reader found, or the frame verb that negated it ("refused to", "failed to")."""
        if found.modality == "asserted":
            return []
        reading = self.judge(found.extra.get("modality_of", found.trigger))
        if reading.modality == found.modality:
            return sorted(reading.basis, key=lambda t: t.i)
        no = denied_object(found) if found.modality == "negated" else None
        if no is not None:
            return [no]
        label = found.pattern or ""
        if "<" in label:  # "... <refuse refuse>": the frame's word
            lemma = label.rsplit(" ", 1)[-1].rstrip(">")
            return [t for t in found.tokens if t.lemma_.lower() == lemma][:1]
        return []

    def judge(self, trigger: Token) -> Reading:
        """The modality of the event ``trigger`` names, from the parse alone (read once per
        word of the document last read)."""
        memo = self._memo
        if getattr(memo, "doc", None) is not trigger.doc:
            memo.doc, memo.seen = trigger.doc, {}
        if trigger.i not in memo.seen:
            memo.seen[trigger.i] = self._judge(trigger)
        return memo.seen[trigger.i]

    def _judge(self, trigger: Token) -> Reading:
        w, p = self.w, self.p
        verb = self.verb_of(trigger)
        noun = trigger if verb is not trigger else None
        if noun is not None:
            r = self._noun(noun) or self._denied_noun(noun)
            if r is not None:
                return r
        if verb is None:  # a noun no light verb carries: only the verbs reporting it
            return self._governed(trigger) or self._reported(trigger, trigger) \
                or Reading("asserted")
        scope = self.scope(verb)
        neg = self._negation(verb, scope)
        if neg is not None and noun is not None and neg.modality == "negated" \
                and verb.lemma_.lower() in w["deciding_verbs"]:
            # "did not authorize the operation": an act about the event, whose negation
            # leaves the event undecided (not "did not launch the operation")
            return Reading("hypothetical", (*neg.basis, verb))
        if neg is not None:
            return neg
        children = [c for s in scope for c in children_of(s)]
        for c in [*children_of(verb), *([noun] if noun is not None else [])]:
            if c.dep_ in ("nsubjpass", "nsubj", "attr", "dobj") or c is noun:
                if c.lower_ in w["negative_pronouns"]:
                    return Reading("negated", (c,))  # "nobody was hurt", "heard nothing"
                neither = next((d for d in children_of(c) if d.dep_ in ("preconj", "det")
                                and d.lower_ == "neither"), None)
                if neither is not None and c.dep_ != "dobj":
                    return Reading("negated", (neither,))  # "neither X nor Y gave"
                if c.dep_ == "dobj":
                    continue
                no = next((d for d in children_of(c) if d.dep_ == "det" and d.lower_ in ("no",)),
                          None)
                if no is not None and (c is noun or c.dep_ != "nsubj" or noun is None) and (
                        c.dep_ != "attr" or any(e.dep_ == "expl" for e in children_of(verb))):
                    # "no troops died", "no talks took place", "there was no confirmation"
                    return Reading("negated", (no,))
        # "prevented him from organizing a defence or doing anything": the cue of the first
        # conjunct
        heads = [verb] + [v for u, v in pairwise(scope) if u.dep_ == "conj"]
        without = next((c for v in heads if (c := self._without(v)) is not None), None)
        if without is not None:
            return self._counter(*without)
        adjective = head_of(verb)
        if verb.dep_ in ("advcl", "ccomp") and adjective.pos_ == "ADJ" \
                and adjective.lemma_.lower() in w["negating_adjectives"] \
                and head_of(adjective).i != adjective.i:
            # "made it impossible for X to enter"
            return self._counter(adjective, head_of(adjective))
        asked = self._question(scope[-1])
        if asked is not None:
            return Reading("hypothetical", (asked,))  # "Did the army shell the village?"
        whether = next((c for c in children_of(verb) if c.dep_ == "mark"
                        and c.lower_ in w["question_marks"]), None)
        if whether is not None:
            return Reading("hypothetical", (whether,))  # "unclear whether the army shelled"
        cond = self._conditional(verb)
        if cond is not None:
            return Reading("hypothetical", (cond,))  # "if the talks fail" on either clause
        # "would like to express its condolences": a wish that performs its act lends it no
        # modal
        performing = len(scope) > 1 and scope[1].lemma_.lower() in w["wish_verbs"] \
            and self._performed(scope[1], verb)
        aux = [c for s in scope for c in children_of(s) if c.dep_ in ("aux", "auxpass")
               and not (performing and s is scope[1])]
        # "which will involve attacks" misparsed with "involve" as an auxiliary: its "will"
        aux += [g for c in aux for g in children_of(c) if g.dep_ in ("aux", "auxpass")]
        modal = next((c for c in aux if c.lower_ in p.hypothetical_aux), None)
        if modal is not None:
            return Reading("hypothetical", (modal,))
        planned = next((c for c in aux if c.lower_ in p.planned_aux), None)
        if planned is not None:
            return Reading("planned", (planned,))
        going = self._going_to(verb)
        if going is not None:
            return Reading("planned", going)
        for v in scope[1:]:
            lemma = v.lemma_.lower()
            if performing and v is scope[1]:
                break  # "we would like to thank the donors": saying so is the thanking
            if lemma in w["wish_verbs"] or self._considering(v):
                return Reading("hypothetical", (v,))  # "wants to attack", "weighs sending"
            if lemma in p.words.suspicion and v.tag_ == "VBN" and any(
                    c.dep_ == "auxpass" for c in children_of(v)):
                return Reading("reported", (v,))  # "are believed to have kidnapped"
            if lemma in p.planning:
                return Reading("planned", (v,))  # "is preparing to launch", "plans to"
            if lemma == "be" and head_of(verb).i == v.i and verb.dep_ == "xcomp" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)) and not any(
                    c.dep_ in ("attr", "acomp") for c in children_of(v)):
                # "the envoy is to visit Kabul on Monday"; not "it has been our destiny to
                # rejoin them" (a predicate's infinitive)
                return Reading("planned", (v,))
        children = list(children_of(verb))
        to = next((c for c in children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if verb.dep_ == "xcomp" and head_of(verb).pos_ == "ADJ" \
                and head_of(verb).lemma_.lower() in w["planning_adjectives"]:
            return Reading("planned", (head_of(verb),))  # "is ready to negotiate", "due to"
        if to is not None and (verb.dep_ == "acl" or (
                verb.dep_ == "relcl" and head_of(verb).pos_ == "NOUN"
                and head_of(verb).lemma_.lower() in p.planning_nouns)):
            # "plans to attack", "the right to fire": an act a noun intends or allows (the
            # parse may call the infinitive of a plan a relative clause: "a strategy to
            # isolate them"; not "the first official to visit", "a lot to offer")
            head = head_of(verb)
            return Reading("planned" if head.lemma_.lower() in p.planning_nouns
                           else "hypothetical", (head, to))
        if verb.dep_ == "advcl" and to is not None:
            return Reading("planned", (to,))  # a purpose: "sent troops to protect the border"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nsubjpass") or (
                    c.dep_ == "mark" and c.lower_ not in w["participle_marks"])
                for c in children):
            # "are supposed to leave by next summer, completing the withdrawal", "will keep up
            # the raids while opening talks": a participle beside a plan or a condition is
            # part of it
            above = self.judge(head_of(verb))
            if above.modality in ("planned", "hypothetical"):
                return Reading(above.modality, above.basis)
        if verb.dep_ == "conj" and to is not None and not _has_subject(verb) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children_of(head_of(verb))):
            # "a plan to isolate the rebels and to sign a truce": the second infinitive is
            # what the first is
            above = self.judge(head_of(verb))
            if above.modality in ("planned", "hypothetical"):
                return Reading(above.modality, above.basis)
        if verb.dep_ in ("acl", "ccomp") and head_of(verb).pos_ == "NOUN" \
                and head_of(verb).lemma_.lower() in p.planning_nouns:
            mark = next((c for c in children if c.dep_ == "mark" and c.lower_ == "that"), None)
            if mark is not None:
                return Reading("hypothetical", (head_of(verb),))  # "its demand that Israel ease"
        return self._reported(verb, trigger) or Reading("asserted")

    def _negator(self, v: Token) -> Token | None:
        """The word that negates ``v`` itself: "not", "never", "no longer", "neither ... nor",
        "never before"; not a negated focus ("not only attacked", "not just talks")."""
        w = self.w
        for c in children_of(v):
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj", "det")
                                   and c.lower_ in w["negators"]):
                if not self._focused(c):
                    return c
            elif c.dep_ == "advmod" and c.lower_ == "longer" and any(
                    g.lower_ == "no" for g in children_of(c)):
                return c  # "no longer make"
            elif c.dep_ == "advmod" and c.lower_ in w["negated_adverbs"]:
                g = next((g for g in children_of(c) if g.dep_ == "neg"
                          or g.lower_ in w["negators"]), None)
                if g is not None:
                    return g  # "never before has NATO reached out"
            elif c.dep_ == "cc" and c.lower_ == "nor":
                return c
            elif c.dep_ in ("aux", "auxpass"):
                g = next((g for g in children_of(c) if g.dep_ == "neg"), None)
                if g is not None and not self._focused(g):
                    return g  # "were not yet approved" with "not" under "were"
        if v.dep_ == "conj":
            # "it has not grown, nor has it merged": the conjunct after "nor"
            return next((c for c in children_of(head_of(v)) if c.dep_ == "cc" and c.lower_ == "nor"
                         and c.i < v.i), None)
        return None

    def _focused(self, neg: Token) -> bool:
        """Whether ``neg`` negates a focus ("not only", "not just") rather than an act."""
        doc = neg.doc
        return neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ in self.w["focus_adverbs"]

    def _negation(self, verb: Token, scope: list[Token]) -> Reading | None:
        """A negation of the verb, of the verb it is coordinated with ("would not elaborate
        or comment", not "would not divulge but said") or of an implicative verb governing
        it ("did not manage to meet"). A wish or plan that is denied ("does not want to go")
        or refused ("refused to go") leaves its act unrealized: hypothetical. A
        counter-factive verb ("failed to reach", "declined to comment") denies its act."""
        w = self.w
        found = self._negator(verb)
        if found is not None:
            return Reading("negated", (found,))
        for k, v in enumerate(scope[1:], 1):
            found = self._negator(v)
            below = scope[k - 1]
            direct = below.dep_ == "xcomp" and head_of(below).i == v.i
            lemma = v.lemma_.lower()
            # the verbs between pass the cue down only if they are implicative themselves:
            # not "failed to force him to resign", "did not have to sell to pay"
            passes = all(scope[j].lemma_.lower() in w["implicative_verbs"]
                         for j in range(1, k) if scope[j - 1].dep_ != "conj")
            if found is None:
                adjective = head_of(below) if below.dep_ == "xcomp" else None
                if adjective is not None and adjective.pos_ == "ADJ" \
                        and head_of(adjective).i == v.i \
                        and adjective.lemma_.lower() in w["negating_adjectives"]:
                    return self._counter(adjective, v)  # "police were unable to reach"
                if not direct:
                    continue
                still = next((c for c in children_of(v) if c.dep_ == "advmod"
                              and c.lower_ in w["still_to_adverbs"]), None)
                if still is not None and lemma in w["implicative_verbs"]:
                    # "has yet to find", "is yet to sign"
                    return Reading("negated" if passes else "hypothetical", (still,))
                if lemma in w["negating_verbs"]:
                    # "failed to reach a deal"; "failed to force them to retreat": undecided
                    return self._counter(v, v) if passes else Reading("hypothetical", (v,))
                if lemma in w["refusing_verbs"]:
                    return Reading("hypothetical", (v,))  # "refused to hand over"
                continue
            if below.dep_ == "conj":
                return Reading("negated", (found,))
            if lemma in w["implicative_verbs"] and direct and passes:
                # "did not manage to meet", not "was not able to meet" (an adjective between)
                return Reading("negated", (found,))
            return Reading("hypothetical", (found, v))  # "does not want to go"
        return None

    def _performed(self, wish: Token, verb: Token) -> bool:
        """Whether a present wish to say something says it: "I want to thank the donors",
        "would like to express its condolences" (a speech act done by uttering it), not
        "wanted to thank them" (past: it may not have been said) nor "wants to attack"."""
        if verb.lemma_.lower() not in self.w["performative_verbs"] or head_of(verb).i != wish.i:
            return False
        if wish.tag_ in ("VBP", "VBZ"):
            return True
        return wish.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("would", "'d")
                                         for c in children_of(wish))

    def _considering(self, v: Token) -> bool:
        """Whether ``v`` weighs an act rather than does it: "considering", "mull", "has not
        ruled out" (a particle verb is written with its particle in the list)."""
        if v.pos_ not in ("VERB", "AUX"):
            return False
        lemma = v.lemma_.lower()
        particle = next((c.lower_ for c in children_of(v) if c.dep_ == "prt"), None)
        return (f"{lemma} {particle}" if particle else lemma) in self.w["considering_verbs"]

    def _question(self, top: Token) -> Token | None:
        """The "?" of a yes-no question whose main clause ``top`` is ("Did the army shell the
        village?", "Will Iran attack?"): it asks, asserts nothing. A wh-question ("Why did
        the rebels attack?") takes the act as given, and a clause with no inverted auxiliary
        is no question of its own."""
        if top.dep_ != "ROOT":
            return None
        sent = top.sent
        words = tokens_of(top.doc)[sent.start:sent.end]  # a Span builds a token a read
        mark = next((t for t in reversed(words) if t.text == "?"), None)
        if mark is None or any(not t.is_punct for t in words if t.i > mark.i):
            return None
        subject = next((c for c in children_of(top) if c.dep_ in ("nsubj", "nsubjpass", "expl")),
                       None)
        aux = next((c for c in children_of(top) if c.dep_ in ("aux", "auxpass")), None)
        if subject is None or aux is None or aux.i > subject.i:
            return None
        if any(t.tag_ in ("WRB", "WP", "WDT", "WP$") for t in words if t.i < aux.i):
            return None
        return mark

    def _counter(self, cue: Token, governor: Token) -> Reading:
        """The act a counter-factive ``cue`` ("failed to", "without", "prevented ... from")
        governs is negated, as "not" negates it, under a modal or a condition too ("could
        fail to reach" as "could not reach", "if the talks fail to end the war" as "if the
        talks do not end it"); where ``governor``, the clause the cue belongs to, is itself
        negated ("cannot leave without paying"), the act is only a condition, and where a
        verb intends it ("are intended to thwart the talks"), the act may yet happen:
        hypothetical."""
        r = self.judge(governor)
        if r.modality in ("planned", "hypothetical") and not any(
                t.dep_ in ("aux", "mark") for t in r.basis):
            # "are intended to thwart the talks": an intended prevention says nothing of
            # whether the act will happen (an auxiliary or a mark keeps the negation: "could
            # fail to reach", "if the talks fail to end the war", "an effort to avoid war")
            return Reading("hypothetical", (cue, *r.basis))
        if r.modality != "negated":
            return Reading("negated", (cue,))
        return Reading("hypothetical", (cue, *r.basis))

    def _noun(self, noun: Token) -> Reading | None:
        """Cues on an event noun itself: "no attack", "not a war", "no gains or losses",
        "potential incursions", "the planned summit"."""
        p = self.p
        for c in children_of(noun):
            # a "not" after the noun negates what follows it ("for questioning, not a trial")
            if (c.dep_ == "neg" and c.i < noun.i and not self._focused(c)) or (
                    c.dep_ == "det" and c.lower_ == "no"):
                return Reading("negated", (c,))
        head = head_of(noun)
        if noun.dep_ == "pobj" and head.lower_ == "without" and head.dep_ == "prep" \
                and head_of(head).pos_ == "VERB" \
                and head_of(head).lemma_.lower() not in self.w["copular_verbs"]:
            # "left without a fight", not "a settlement without enforcement" (a thing wished
            # for) nor "a resolution that is without violence"
            return self._counter(head, head_of(head))
        if noun.dep_ == "conj" and head.pos_ == "NOUN" \
                and not any(c.dep_ == "det" for c in children_of(noun)):
            no = next((c for c in children_of(head) if c.dep_ == "det" and c.lower_ == "no"), None)
            if no is not None:
                return Reading("negated", (no,))  # "no gains or losses"
        if noun.dep_ == "dobj" and self._considering(head) and not any(
                c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in children_of(head)):
            # "has not ruled out a strike", "is weighing sanctions" (not "considered the
            # bombing an act of terror": a judgement of a done act)
            return Reading("hypothetical", (head,))
        if noun.dep_ == "pobj" and head.lower_ == "for" and head_of(head).pos_ == "NOUN" and (
                head_of(head).lemma_.lower() in p.planning_nouns
                or (head_of(head).lemma_.lower() in self.w["purpose_nouns"]
                    and not any(c.dep_ in ("det", "poss") for c in children_of(noun)))):
            # "preparations for the summit", "Qatar as the venue for talks": what the noun is
            # for is still to come
            return Reading("planned", (head_of(head),))
        if noun.dep_ == "pobj" and head.lower_ in self.w["aim_preps"] and not any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in self.w["definite"])
                for c in children_of(noun)):
            # "the turn towards negotiations", "a step toward a ceasefire": what a move heads
            # for has not happened yet (not "anger towards the bombing": a known one)
            return Reading("planned", (head,))
        for c in children_of(noun):
            if c.dep_ in ("amod", "compound"):
                if c.lower_ in p.hypothetical_adjectives:
                    return Reading("hypothetical", (c,))
                if c.lower_ in p.planned_adjectives:
                    return Reading("planned", (c,))
            # "a summit that is scheduled to be held in May", "talks planned for June"
            if c.dep_ in ("relcl", "acl") and (c.lemma_.lower() in p.planning
                                               or c.lower_ in p.planned_adjectives):
                return Reading("planned", (c,))
        return None

    def _governed(self, noun: Token) -> Reading | None:
        """An event noun that a verb which brings it about takes as its object, with no
        definite determiner or possessor, is planned or hypothetical when that verb is: "will
        keep up the raids while opening negotiations", "would provoke a war", "could spark a
        revolt". The noun names no event known already, so it happens only if the verb does;
        an event the verb reacts to may have happened ("will condemn the attack", "would end
        the war": asserted), and a negated verb leaves its object as it was ("did not condemn
        attacks"). What a plan or a wish is for is planned or hypothetical as a to-complement
        of it is ("is preparing for an offensive", "hopes for talks"); not beside an object,
        where "for" gives a reason ("offered condolences for the attack")."""
        head = head_of(noun)
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep" \
                and head_of(head).pos_ == "VERB" \
                and not any(c.dep_ == "dobj" for c in children_of(head_of(head))):
            lemma = head_of(head).lemma_.lower()
            if lemma in self.p.planning:
                return Reading("planned", (head_of(head),))
            if lemma in self.w["wish_verbs"]:
                return Reading("hypothetical", (head_of(head),))
            return None
        if noun.dep_ != "dobj" or head.pos_ != "VERB" \
                or head.lemma_.lower() not in self.w["bringing_verbs"] \
                or any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in self.w["definite"])
                       for c in children_of(noun)):
            return None
        r = self.judge(head)
        if r.modality in ("planned", "hypothetical"):
            return Reading(r.modality, r.basis)
        return None

    def _denied_noun(self, noun: Token) -> Reading | None:
        """An event noun that a counter-factive verb takes as its object: "declined further
        comment", "the truce averted a war" (not "stopped the fighting": it happened)."""
        head = head_of(noun)
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.w["negating_verbs"]:
            return self._counter(head, head)
        return None

    def _without(self, verb: Token) -> tuple[Token, Token] | None:
        """"left without signing the deal", "prevented the crowd from reaching the
        consulate": the gerund's counter-factive word and the clause it belongs to."""
        head = head_of(verb)
        if verb.dep_ != "pcomp" or head.dep_ != "prep":
            return None
        if head.lower_ == "without":
            return head, head_of(head)
        stopper = head_of(head)
        if stopper.dep_ == "dobj" and stopper.pos_ in ("NOUN", "PROPN", "PRON"):
            stopper = head_of(stopper)  # "prevented the marchers, waving flags, from reaching"
        if head.lower_ == "from" and stopper.lemma_.lower() in self.w["preventing_verbs"] \
                and not any(c.dep_ == "neg" for c in children_of(stopper)):
            return stopper, stopper  # not "has not prohibited him from going"
        return None

    def _conditional(self, verb: Token) -> Token | None:
        cond = self.p.conditional
        for c in children_of(verb):
            if c.dep_ == "mark" and (c.lower_ in cond or (
                    c.lower_ in self.w["pending_marks"] and verb.dep_ == "advcl"
                    and verb.tag_ in ("VBP", "VBZ", "VB"))):
                return c  # "if the talks fail"; "until Cuba holds elections"
        if self._done(verb):
            return None  # "if they refused, the army had threatened to shell": the threat was made
        for c in children_of(verb):
            if c.dep_ == "advcl" and not self._concessive(c):
                mark = next((m for m in children_of(c) if m.dep_ == "mark" and m.lower_ in cond),
                            None)
                if mark is not None:
                    return mark
        return None

    def _concessive(self, clause: Token) -> bool:
        """Whether a condition ``clause`` concedes rather than conditions ("even if prices
        fall, the firm will survive"): the clause it hangs on holds either way, so the
        condition lends it no hypothetical reading (the condition itself stays one)."""
        return any(c.dep_ == "advmod" and c.lower_ in self.w["concessive_adverbs"]
                   for c in children_of(clause))

    def _done(self, verb: Token) -> bool:
        """Whether ``verb`` is a past act of its own, with no modal: a condition beside it
        ("if they refused, the army had threatened") qualifies what it says, not that it
        happened."""
        aux = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in self.p.hypothetical_aux or c.lower_ in self.p.planned_aux
               for c in aux):
            return False
        return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
            c.tag_ == "VBD" for c in aux))

    @staticmethod
    def _going_to(verb: Token) -> tuple[Token, ...] | None:
        """"is going to attack": planned (the progressive "going" governs the verb)."""
        head = head_of(verb)
        if verb.dep_ == "xcomp" and head.lower_ == "going" and head.tag_ == "VBG" \
                and any(c.dep_ == "aux" and c.lemma_ == "be" for c in children_of(head)):
            return (head,)
        return None

    def _reported(self, verb: Token, trigger: Token) -> Reading | None:
        """A clause reported by a speech verb, attributed to its speaker ("X said Y attacked
        Z", "X denied reports that Y attacked Z"); "reportedly"; "according to X"."""
        p = self.p
        anc = self.events.reporting_verb(verb)
        if anc is not None:
            mode = "disputed" if anc.lemma_.lower() in p.disputing else "reported"
            return Reading(mode, (anc,), tuple(subjects(anc)))
        children = list(children_of(verb))
        claim = head_of(verb)
        if verb.dep_ in ("acl", "ccomp") and claim.pos_ == "NOUN" \
                and claim.lemma_.lower() in self.w["claim_nouns"] \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
            # "an allegation by the rebels that the army burned the village": their claim
            holders = [c for c in children_of(claim) if c.dep_ == "poss"] \
                + pobjs(claim, "by") + pobjs(claim, "from")
            return Reading("reported", (claim,), tuple(holders))
        adverb = next((c for c in children if c.lower_ in p.reported_adverbs), None)
        if adverb is not None:
            return Reading("reported", (adverb,))
        if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" \
                and head_of(trigger).lower_ in ("in", "of") \
                and head_of(head_of(trigger)).lemma_.lower() in self.p.words.suspicion \
                and any(c.dep_ in ("nsubjpass", "auxpass")
                        for c in children_of(head_of(head_of(trigger)))):
            # "X is suspected in the killing"
            return Reading("reported", (head_of(head_of(trigger)),))
        held = trigger.dep_ == "pobj" and head_of(trigger).lower_ == "for" \
            and head_of(head_of(trigger)).lemma_.lower() in self.p.words.blame
        if trigger.pos_ == "NOUN" and (held or blamed(trigger, self.p.words) is not None):
            # "is believed to be responsible for the massacre", the subject found or not
            suspicion = next((a for a in trigger.ancestors
                              if a.lemma_.lower() in self.p.words.suspicion), None)
            if suspicion is not None:  # "believed to be responsible for", "suspected in"
                return Reading("reported", (suspicion,))
        for holder in (verb, *[a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")][:1]):
            for c in children_of(holder):
                if c.dep_ == "prep" and c.lower_ == "according":
                    return Reading("reported", (c,), tuple(pobjs(c, "to")))
        return None
