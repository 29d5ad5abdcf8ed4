"""Code CAMEO events from the dependency parse with the verb and noun patterns in data files.

For each verb the coder finds the most specific pattern of ``data/verb_patterns.yaml`` that
matches its lemma, particle, object, to-complement and prepositions; the source is its
subject (the "by" phrase in the passive, the subject of the governing verb for coordinated
and controlled verbs), the target sits in the slots the pattern names. Coordinated subjects
and objects give one event per pair. A verb inside the reported clause of a speech verb is
attributed to the speaker. Event nouns ("Russia's attack on Ukraine", "a US raid", "the
boycott of the summit by Pakistan") are coded from their possessor, modifiers and
prepositions. An event needs at least one actor the text names: nothing is invented.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tacitus.actors.resolver import ActorBook
from tacitus.data import (
    ArgumentWords,
    Frames,
    Instrument,
    NounPattern,
    VerbPattern,
    knowledge_cached,
    load_argument_words,
    load_cameo,
    load_event_partitives,
    load_frames,
    load_instruments,
    load_light_objects,
    load_light_verbs,
    load_modality,
    load_nominal_acts,
    load_noun_patterns,
    load_symmetric_roots,
    load_symmetric_verbs,
    load_verb_patterns,
)
from tacitus.errors import DataFileError
from tacitus.nlp.tree import (
    children_of,
    conjuncts_of,
    head_of,
    memo_of,
    sentences_of,
    tokens_of,
)

SUBJECT_DEPS = {"nsubj", "csubj"}
INHERIT_SUBJECT_DEPS = {"conj", "xcomp", "advcl"}
MODIFIERS = ("poss", "compound", "amod", "nmod")
VIOLENCE_ROOTS = ("18", "19", "20")  # assault, fight, mass violence: acts of force


@dataclass
class Found:
    """One coded event before it is turned into the output contract."""

    source: str | None
    target: str | None
    code: str
    trigger: Token
    tokens: list[Token]
    spans: list[tuple[int, int]]
    pattern: str
    specific: bool
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.0
    extra: dict = field(default_factory=dict)
    core: list[Token] = field(default_factory=list)  # the words that make the event
    source_at: Token | None = None  # the words of this sentence that name the source
    target_at: Token | None = None


@dataclass(frozen=True)
class FrameUse:
    """Where a frame applies to an event: the family, the word that opens it, who acts."""

    family: str
    matrix: Token
    control: str = "subject"
    prep: str | None = None
    speakers: tuple[str, ...] = ()
    reporter: Token | None = None


@dataclass(frozen=True)
class Patterns:
    verbs: dict[tuple[str, str | None], list[VerbPattern]]
    nouns: dict[str, list[NounPattern]]
    speech: frozenset[str]
    hypothetical_aux: frozenset[str]
    planned_aux: frozenset[str]
    reported_adverbs: frozenset[str]
    disputing: frozenset[str]
    conditional: frozenset[str]
    planning: frozenset[str]
    planning_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    planned_adjectives: frozenset[str]
    frames: Frames
    instruments: tuple[Instrument, ...]
    light_verbs: frozenset[str]
    light_objects: frozenset[str]
    event_partitives: frozenset[str]
    nominal_acts: dict[str, str]
    symmetric: frozenset[str]
    symmetric_roots: frozenset[str]
    # nouns of an act of force or violence (a noun pattern coded 18, 19 or 20): who modifies
    # one ("the Taliban attack") is its doer, never the target of the verb it sits under
    violence_nouns: frozenset[str]
    words: ArgumentWords


@knowledge_cached
def load_patterns() -> Patterns:
    """Index the pattern files: verbs by (lemma, particle), most specific pattern first (once
    per ``Knowledge``: ``load_patterns(knowledge=k)`` reads a user's data folder too)."""
    table = load_cameo()
    unknown = [f"{p.verb or p.noun}: code {p.code} is not in cameo_codes.tsv"  # type: ignore[union-attr]
               for p in [*load_verb_patterns(), *load_noun_patterns()] if p.code not in table]
    unknown += [f"instrument {i.words[0]}: code {i.code} is not in cameo_codes.tsv"
                for i in load_instruments() if i.code not in table]
    if unknown:
        raise DataFileError("verb_patterns.yaml", unknown)
    frames = load_frames()
    unknown = [f"families.{name}: code {code} is not in cameo_codes.tsv"
               for name, fam in frames.families.items()
               for code in [fam.default, *fam.codes, *fam.codes.values()]
               if code not in table and code not in ("same", "negated")
               and not (len(code) == 2 and code.isdigit())]
    if unknown:
        raise DataFileError("frames.yaml", unknown)
    verbs: dict[tuple[str, str | None], list[VerbPattern]] = {}
    for p in load_verb_patterns():
        lemma, _, particle = p.verb.lower().partition(" ")
        verbs.setdefault((lemma, particle or None), []).append(p)
    for entries in verbs.values():
        entries.sort(key=lambda p: -(bool(p.object) + bool(p.xcomp) + bool(p.prep)
                                     + bool(p.complement) + bool(p.pobj) + bool(p.subject)))
    nouns: dict[str, list[NounPattern]] = {}
    for n in load_noun_patterns():  # in file order: the first whose "near" words match wins
        nouns.setdefault(n.noun.lower(), []).append(n)
    modality = load_modality()
    return Patterns(
        verbs=verbs,
        nouns=nouns,
        speech=frozenset(p.verb for p in load_verb_patterns() if p.speech),
        hypothetical_aux=frozenset(modality["hypothetical_aux"]),
        planned_aux=frozenset(modality["planned_aux"]),
        reported_adverbs=frozenset(modality["reported_adverbs"]),
        disputing=frozenset(modality["disputing_verbs"]),
        conditional=frozenset(modality["conditional_marks"]),
        planning=frozenset(modality["planning_verbs"]),
        planning_nouns=frozenset(modality["planning_nouns"]),
        hypothetical_adjectives=frozenset(modality["hypothetical_adjectives"]),
        planned_adjectives=frozenset(modality["planned_adjectives"]),
        frames=frames,
        instruments=tuple(load_instruments()),
        light_verbs=load_light_verbs(),
        light_objects=load_light_objects(),
        event_partitives=load_event_partitives(),
        nominal_acts=load_nominal_acts(),
        symmetric=load_symmetric_verbs(),
        symmetric_roots=load_symmetric_roots(),
        violence_nouns=frozenset(lemma for lemma, found in nouns.items()
                                 if any(n.code[:2] in ("18", "19", "20") for n in found)),
        words=load_argument_words(),
    )


def _conjuncts(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in conjuncts_of(t) if c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return out


def _phrasal(v: Token) -> str:
    """The verb's lemma with its particle, if it has one ("made up" -> "make up")."""
    particle = next((c.lower_ for c in children_of(v) if c.dep_ == "prt"), None)
    return f"{v.lemma_.lower()} {particle}" if particle else v.lemma_.lower()


def _word(t: Token | None) -> tuple[int, int]:
    assert t is not None
    return t.idx, t.idx + len(t.text)


def _is_passive(v: Token) -> bool:
    """Whether ``v`` tells what was done to its subject (read once per verb and document:
    the argument rules ask it of one verb many times)."""
    memo = memo_of(v.doc)
    key = ("passive", v.i)
    if key not in memo:
        memo[key] = _passive(v)
    return memo[key]


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(v)) or _bare_participle(v) \
        or bool(_result_clause(v))


def _result_clause(v: Token, words: ArgumentWords | None = None) -> list[Token]:
    """What a participle after a result verb (``result_verbs``) tells the state of: the
    verb's object before it ("the blast left one student injured", "left the mayor badly
    wounded"), or the participle's own subject where the parse made the small clause a
    clause ("police found two men shot dead"; a form the tagger calls past tense only with
    a state after it, not "found the rebels fired first"). That noun is what was done to,
    not the doer; empty where ``v`` is no such participle."""
    head = head_of(v)
    w = words or load_argument_words()
    if v.dep_ == "acl" and v.tag_ == "VBN" and head.dep_ in ("dobj", "obj") \
            and head_of(head).lemma_.lower() in w.ordering_verbs \
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in children_of(v)) \
            and not any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in children_of(head_of(head))):
        return _conjuncts([head])  # "ordered two ministers jailed", parsed as a participle
        # on the object
    if not (v.tag_ == "VBN" or (v.tag_ == "VBD" and v.dep_ == "ccomp" and (any(
            c.dep_ in ("oprd", "acomp") for c in children_of(v))
            or head.lemma_.lower() in w.ordering_verbs))) \
            or head.i == v.i or v.dep_ not in ("xcomp", "advcl", "oprd", "ccomp") \
            or head.lemma_.lower() not in w.result_verbs \
            or any(c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in children_of(v)):
        return []
    # the participle right after its noun: "left the village, pursued by rebels" tells of
    # the troops that left ("ordered two ministers jailed": the verb's object, or the
    # participle's subject where the parse made the small clause a clause)
    nouns = [c for c in children_of(v) if c.dep_ == "nsubj"] if v.dep_ == "ccomp" else []
    nouns = nouns or [c for c in children_of(head) if c.dep_ in ("dobj", "obj") and c.i < v.i]
    start = min((t.left_edge.i for t in children_of(v) if t.dep_ != "nsubj" and t.i < v.i),
                default=v.i)
    return _conjuncts(n for n in nouns if n.right_edge.i + 1 == start)


def _bare_participle(v: Token) -> bool:
    """"spent nine years imprisoned", "returned home wounded": a past participle with no
    auxiliary or subject of its own says what was done to the governing verb's subject."""
    if v.dep_ == "acl" and v.sent.root.pos_ in ("NOUN", "PROPN"):
        return False  # "Doctors from two aid groups donated ...": a main verb parsed as acl
    if _tail_report(v):
        return False
    # "the families of the six service members killed": a past form the tagger calls VBD
    # but the parse hangs on the noun before it is that noun's participle, no finite verb
    past = v.tag_ == "VBN" or (v.tag_ == "VBD" and v.dep_ == "acl" and head_of(v).i < v.i)
    return (past and v.dep_ in ("xcomp", "advcl", "oprd", "acl")
            and not any(c.dep_ in ("aux", "nsubj", "nsubjpass", "auxpass", "dobj")
                        for c in children_of(v)))


def _quoted_title(t: Token, v: Token) -> bool:
    """Is ``t`` a title in quotation marks after its verb ("said on the channel's “Morning
    Roundup”": a show, not the speaker), which the parser may take for the subject?"""
    first = t.left_edge.i
    return first > v.i and first > 0 and t.doc[first - 1].text in ("“", '"', "‘")


def _tail_report(v: Token) -> bool:
    """"Police abused detainees, a human rights group charged on Saturday": a reporting verb
    closing the sentence after a comma, which the parse makes a participle of its subject
    ("a group charged" read like "a curfew imposed"); the noun is who reports."""
    if v.dep_ != "acl" or v.tag_ not in ("VBN", "VBD") \
            or v.lemma_.lower() not in load_argument_words().tail_reports:
        return False
    first = head_of(v).left_edge.i
    if first == 0 or v.doc[first - 1].text != "," or head_of(v).i > v.i:
        return False
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children_of(v)):
        return False  # "a move welcomed by X": a participle after all
    return all(t.is_punct for t in v.doc[v.right_edge.i + 1:v.sent.end])


def _apposed(found: Iterable[Token]) -> list[Token]:
    """Subjects without a second one that only sets a phrase beside the first, between
    commas: in "Ban Ki-moon, the secretary general of the UN, vowed" the parse may make
    both subjects, where the second is an apposition (one actor, not two acting together)."""
    out: list[Token] = []
    for t in found:
        doc, first, last = t.doc, t.left_edge.i, t.right_edge.i
        opened = bool(out) and first > 0 and doc[first - 1].text == "," \
            and first - 1 == out[-1].right_edge.i + 1
        closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
        if opened and closed:
            continue
        out.append(t)
    return out


def _addressee(book: ActorBook, v: Token, documents: Collection[str], sources: set[str]
               ) -> tuple[str, list[Token]] | None:
    """Whom a letter is sent or written to, for the participle ``v`` that says what it does
    ("sent a letter to the UN demanding an inquiry", "wrote to the king urging", "a note to
    Bolivia protesting the seizure"): the actor of the sending verb's "to" phrase, or of the
    document's own, not one of the ``sources``."""
    if v.tag_ != "VBG" or v.dep_ not in ("advcl", "acl"):
        return None
    head = head_of(v)
    if v.dep_ == "acl":  # the participle describes the document
        if head.lemma_.lower() not in documents:
            return None
        holders = [head, head_of(head)]
    elif any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in documents
             for c in children_of(head)):
        return None  # "sent troops to Mali, demanding": no letter
    else:
        holders = [head, *(c for c in children_of(head) if c.dep_ in ("dobj", "obj"))]
    for h in holders:
        receivers = [g for c in children_of(h) if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                     for g in children_of(c) if g.dep_ == "pobj"]
        for t in receivers:
            tok, key = _actor_or_owner(book, t)
            if key is not None and key not in sources:
                return key, [tok]
    return None


def _named_after(v: Token, obj: Token) -> list[Token]:
    """The name set between commas after the object of ``v`` that the parse hangs on the
    verb ("launched an operation, Operation Desert Hawk, against militants": "Hawk" a
    modifier of "launched", and "against militants" with it): it names the object, so its
    phrases are the object's."""
    edge = obj.right_edge.i
    if edge + 2 >= len(obj.doc) or obj.doc[edge + 1].text != ",":
        return []
    return [c for c in children_of(v) if c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN"
            and c.left_edge.i == edge + 2]


def _fronted_subject(v: Token) -> list[Token]:
    """The subject the parse hung as an apposition on the noun of a phrase fronted before
    verb ``v`` ("On a visit to Ghana, Nigeria's president Buhari voiced": "Buhari" apposed
    to "Ghana"): a name right before the verb with no subject of its own."""
    return [a for c in children_of(v) if c.dep_ == "prep" and c.i < v.i
            for o in children_of(c) if o.dep_ == "pobj"
            for g in [o, *(t for p in children_of(o) if p.dep_ == "prep"
                          for t in children_of(p) if t.dep_ == "pobj")]
            for a in children_of(g) if a.dep_ == "appos" and a.pos_ == "PROPN"
            and a.right_edge.i == v.i - 1][:1]


def subjects(v: Token, depth: int = 0, words: ArgumentWords | None = None) -> list[Token]:
    """Who does ``v``: its subject, or the agent of a passive, or the governing verb's
    (``words``: the argument words of the coder's knowledge, the default's when not given)."""
    w = words or load_argument_words()
    passive = _is_passive(v)  # read once: it reads the verb's children
    if passive:
        found = [g for c in children_of(v) if c.dep_ == "agent" for g in children_of(c)
                 if g.dep_ == "pobj"]
        cause = head_of(head_of(v)) if v.dep_ == "acl" else head_of(v)
        if not found and depth < 3 and _result_clause(v, w) \
                and cause.lemma_.lower() not in w.finding_verbs:
            found = subjects(cause, depth + 1, w)  # "the raid left them dead": who caused it
    else:
        found = _apposed(c for c in children_of(v) if c.dep_ in SUBJECT_DEPS
                         and not _quoted_title(c, v))
        if not found:  # "X and Y however have opposed": the parse may hang it on the "have"
            found = [g for c in children_of(v) if c.dep_ == "aux" and c.i < v.i
                     for g in children_of(c) if g.dep_ in SUBJECT_DEPS]
    if not found and not passive:
        found = _fronted_subject(v)
    if not found and depth < 3 and not passive:  # a passive's subject is its patient
        head = head_of(v)
        if v.dep_ == "xcomp" and head.dep_ == "acomp" and head_of(head).i != head.i:
            head = head_of(head)  # "Syria is willing to withdraw": the subject of "is"
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in w.manner_preps \
                and head_of(head).pos_ in ("VERB", "AUX"):
            head = head_of(head)  # "broke the truce by continuing to fight": the subject of "broke"
            if not _is_passive(head):
                found = subjects(head, depth + 1, w)
        elif v.dep_ == "pcomp" and head.dep_ == "prep" and head_of(head).pos_ == "NOUN":
            # "the UN's commitment to supporting X", "his role in helping X": whose the noun
            # is (not who acts on the noun: "accused the law of attacking X" is the law's)
            found = [c for c in children_of(head_of(head)) if c.dep_ == "poss"]
        elif v.dep_ in INHERIT_SUBJECT_DEPS and head.i != v.i and not _is_passive(head):
            found = subjects(head, depth + 1, w)
        elif v.dep_ == "xcomp" and head.i != v.i and _is_passive(head):
            # "are supposed to leave", "was forced to resign", "were ordered to withdraw":
            # the subject of the passive does the complement
            found = [c for c in children_of(head) if c.dep_ == "nsubjpass"]
        elif v.dep_ in ("relcl", "acl") and head_of(v).pos_ in ("NOUN", "PROPN") \
                and not passive:
            found = [head_of(v)]
            holder = head_of(head_of(v))
            if v.dep_ == "acl" and v.tag_ == "VBG" and head_of(v).lemma_.lower() in w.documents \
                    and head_of(v).dep_ in ("dobj", "obj") and holder.pos_ in ("VERB", "AUX"):
                # "passed a resolution criticizing X": whoever passed it criticizes
                found = subjects(holder, depth + 1, w) or found
    return _conjuncts(found)


def _objects(v: Token) -> list[Token]:
    """Whom or what ``v`` is done to, with their coordinated nouns (read once per verb and
    document; a new list on every call, which the caller may change)."""
    memo = memo_of(v.doc)
    key = ("objects", v.i)
    if key not in memo:
        memo[key] = tuple(_find_objects(v))
    return list(memo[key])


def _find_objects(v: Token) -> list[Token]:
    passive = _is_passive(v)  # read once: it reads the verb's children
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    found = [c for c in children_of(v) if c.dep_ in deps] or _result_clause(v)
    if not found and passive and v.dep_ == "conj":
        # "X attacked the post and was repelled by Y": an active head's subject is the
        # passive conjunct's patient too
        found = [c for c in children_of(head_of(v)) if c.dep_ == "nsubjpass"] or [
            c for c in children_of(head_of(v)) if c.dep_ == "nsubj"]
    if not found and v.dep_ in ("relcl", "acl") and passive:
        found = [head_of(v)]
    if not found and _bare_participle(v) and head_of(v).i != v.i:
        found = subjects(head_of(v))
    if not found:  # "found the bishop guilty", "declared them dead": a small clause
        found = [g for c in children_of(v) if c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ"
                 for g in children_of(c) if g.dep_ == "nsubj"]
    if not found:  # "will not accept refugees fleeing the war": the parser makes the object
        # the subject of a bare participle clause (no auxiliary, no "that")
        found = [g for c in children_of(v) if c.dep_ == "ccomp" and c.tag_ == "VBG"
                 and not any(a.dep_ in ("aux", "auxpass", "mark") for a in children_of(c))
                 for g in children_of(c) if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
    if not found:  # "called President X on Friday": a lone name the parser took for a predicate
        found = [c for c in children_of(v) if c.dep_ == "oprd" and c.pos_ == "PROPN"]
    return _conjuncts(found)


def _event_detail(trigger: Token, acts: frozenset[str]) -> Token | None:
    """The definite event noun whose doing a statement's content tells ("the brigade added
    that the raid was made at dawn", "police said the attack was carried out by two men"):
    a passive clause whose subject is an act already reported. The statement is where a
    detail of that act comes from, no event of its own."""
    for clause in children_of(trigger):
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        for subject in children_of(clause):
            if (subject.dep_ == "nsubjpass" and subject.lemma_.lower() in acts
                    and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these",
                                                             "those")
                            for d in children_of(subject))):
                return subject
    return None


def _bare_country(book: ActorBook, key: str) -> bool:
    """Whether actor ``key`` is a country itself (a code of three letters), as a place names it."""
    code = book.records[key].code
    return code is not None and len(code) == 3 and code.isalpha() and code.isupper()


def _xcomp(v: Token) -> Token | None:
    """The verb's to-complement; also one parsed as a clause ("allowed X to return", where
    the parser makes X the clause's subject)."""
    return next((c for c in children_of(v) if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                        for a in children_of(c))))), None)


def pobjs(holder: Token, prep: str) -> list[Token]:
    """The objects of ``holder``'s preposition ``prep`` (and their coordinated nouns)."""
    out = []
    for c in children_of(holder):
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep:
            out.extend(g for g in children_of(c) if g.dep_ == "pobj")
            # "an inquiry into whether X was spied on": the clause is about its subject
            out.extend(s for g in children_of(c) if g.dep_ == "pcomp" and _content_clause(g)
                       for s in children_of(g) if s.dep_ in ("nsubj", "nsubjpass"))
    return _conjuncts(out)


def _dated(prep: Token) -> bool:
    """Whether a preposition only dates the act ("called Erdogan on Tuesday"): it is not the
    preposition a pattern or frame asks for ("called on Erdogan" is an appeal)."""
    objects = [g for g in children_of(prep) if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def _content_clause(v: Token) -> bool:
    """A clause that says what a noun or preposition is about ("claims that X abused",
    "into whether X was"), not a relative clause or a gerund ("after meeting X")."""
    return any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in children_of(v))


def _modifier_actor(book: ActorBook, noun: Token) -> tuple[Token, str | None]:
    """The actor named by a possessive or modifier of ``noun`` ("Taliban" in "a Taliban bomb"),
    also through a compound that names the weapon or unit ("US" in "US drone strikes") or a
    possessor that names none itself ("Chile" in "Chile's dockworkers' federation")."""
    if noun.pos_ not in ("NOUN",):
        return noun, None
    mods = ("poss", "compound", "amod", "nmod")
    for c in children_of(noun):
        if c.dep_ in mods:
            key = book.actor_of(c)
            if key is not None:
                return c, key
    for c in children_of(noun):
        if (c.dep_ == "compound" and c.i < noun.i and not (
                c.pos_ == "PROPN" and c.lower_ in book.d.words.place_name_heads)) \
                or (c.dep_ == "poss" and c.pos_ == "NOUN"):
            # "the Oslo Marathon bombing": the name of a place or an occasion, not its owner;
            # "Chile's dockworkers' union": a possessor's own owner
            for g in children_of(c):
                if g.dep_ in mods and (key := book.actor_of(g)) is not None:
                    return g, key
    return noun, None


def _inner_actor(book: ActorBook, head: Token, depth: int = 0,
                 avoid: frozenset[str] | set[str] = frozenset()) -> tuple[Token, str] | None:
    """An actor inside a phrase that names none itself: its owner or modifier ("Buhari's
    decision", "a Yemeni school bus"), else a complement, two phrases deep ("sanctions
    against Moscow", "an investigation into the killing of X"). Actors in ``avoid`` (the
    event's sources) are passed over: in "expressed its condemnation of Israel's plan" the
    owner "its" is the speaker, and the one condemned is further in."""
    if head.lemma_.lower() in book.d.words.relations:
        return None  # "a friend of the suspect": someone else, not the suspect's side
    key = book.modifier_agent(head)  # "Russian government agencies": the government
    if key is not None and key not in avoid:
        return head, key
    for c in children_of(head):
        if c.dep_ in MODIFIERS:
            # "the ISIS group bastion", "Iranian government websites": a modifier's own
            # modifier may be the one that names the actor
            for m in (c, *(g for g in children_of(c) if g.dep_ in MODIFIERS)):
                key = book.actor_of(m)
                if key is not None and key not in avoid:
                    return m, key
    for t in (g for c in children_of(head) if c.dep_ == "acl" for g in pobjs(c, "by")):
        key = book.actor_of(t)  # "every offer made by the Taliban"
        if key is not None and key not in avoid:
            return t, key
        # "an appeal filed by lawyers of X": those who act for X, no actor themselves
        found = _inner_actor(book, t, depth + 1, avoid) if key is None and depth < 2 else None
        if found is not None:
            return found
    for t in (g for c in children_of(head) if c.dep_ == "acl" and _content_clause(c)
              for g in children_of(c) if g.dep_ in ("nsubj", "nsubjpass")):
        key = book.actor_of(t)  # "an inquiry into claims that two soldiers abused ..."
        if key is not None and key not in avoid:
            return t, key
    if book.partitive(head):  # "a number of Iranian government websites"
        for t in pobjs(head, "of"):
            found = _inner_actor(book, t, depth + 1, avoid) if depth < 2 else None
            if found is not None:
                return found
    # the prepositions the phrase has, read once (``pobjs`` reads every child per call)
    has = {c.lower_ for c in children_of(head) if c.dep_ in ("prep", "dative", "agent")}
    for prep in book.d.words.object_preps:
        if prep not in has:
            continue
        for t in pobjs(head, prep):
            key = book.actor_of(t, slot="target")
            if key is not None and key not in avoid:
                return t, key
            if depth < 2:
                found = _inner_actor(book, t, depth + 1, avoid)
                if found is not None:
                    return found
    return None


def _agent_in(book: ActorBook, head: Token) -> tuple[Token, str] | None:
    """Who acts a phrase that is no actor itself: "a US raid", "Israel's strikes", "a
    bombing by the Islamic State group", "shells fired by the Chadian army", "the
    Saudi-led coalition"."""
    tok, key = _modifier_actor(book, head)
    if key is not None:
        return tok, key
    if head.pos_ != "NOUN":
        return None
    for g in (g for c in children_of(head) if c.dep_ == "amod" and c.tag_ == "VBN"
              and c.lemma_.lower() in book.d.words.leading for g in children_of(c)
              if g.dep_ in ("npadvmod", "compound", "nmod")):
        if (key := book.actor_of(g)) is not None:  # "the Saudi-led coalition": who leads it
            return g, key
    agents = pobjs(head, "by") + [t for c in children_of(head) if c.dep_ == "acl"
                                   for t in pobjs(c, "by")]
    for t in agents:
        key = book.actor_of(t)
        if key is not None:
            return t, key
    if book.partitive(head):  # "members of Sudan's Masalit community": the community's
        for t in pobjs(head, "of"):
            found = _agent_in(book, t)
            if found is not None:
                return found
    return None


def _nominal_objects(patterns: Patterns, n: Token) -> list[Token]:
    """What a verb's noun acts on: its "of" objects and the nouns that modify a light object
    head among them ("a suspension of aid deliveries": aid)."""
    objects = pobjs(n, "of")
    return objects + [c for o in objects if o.lemma_.lower() in patterns.light_objects
                      for c in children_of(o) if c.dep_ == "compound" and c.pos_ == "NOUN"]


def _sense_object(pattern: VerbPattern, v: Token, objects: list[Token]) -> Token | None:
    """The object (or "against" noun) of ``v`` that reads ``pattern`` in another sense, its
    ``unless_object`` ("fought the epidemic"), or None."""
    if not pattern.unless_object:
        return None
    return next((o for o in [*objects, *pobjs(v, "against")]
                 if o.lemma_.lower() in pattern.unless_object), None)


def _and_coordinated(book: ActorBook, found: list[tuple[str, list[Token]]]
                     ) -> list[tuple[str, list[Token]]]:
    """``found`` with the actors coordinated with each of its phrases: "British and German
    diplomats" (a qualifier's conjunct), "Hamas and Islamic Jihad positions" (a modifier's
    conjunct), "the leaders of France and Germany" (one event per pair). Conjoined heads
    ("X and Y") are already separate phrases; this reaches the conjuncts inside one."""
    out = list(found)
    keys = {k for k, _ in found}
    for _key, tokens in found:
        tok = tokens[0]
        more = [(k, tok) for k in book.coordinated(tok)]
        if tok.dep_ in MODIFIERS or tok.dep_ == "pobj":  # "restrictions between Gaza and Israel"
            more += [(k, c) for c in tok.conjuncts if (k := book.actor_of(c)) is not None]
        # "arrested ten gang members, including the leader of X": those the phrase names
        # among its own take part as it does
        more += _included(book, head_of(tok) if tok.dep_ in MODIFIERS else tok)
        for k, t in more:
            if k not in keys:
                keys.add(k)
                out.append((k, [t]))
    return out


def _included(book: ActorBook, holder: Token) -> list[tuple[str, Token]]:
    """The actors a phrase names among its own, which take part as it does: those of its
    "including" phrase ("ten gang members, including the leader of X") and the members of
    a body "comprised of" or "made up of" them ("a force comprised of Kenyan troops")."""
    out = [(k, c) for t in pobjs(holder, "including")
           for c, k in [_actor_or_owner(book, t)] if k is not None]
    members = [t for c in children_of(holder) if c.dep_ == "acl"
               and _phrasal(c) in book.d.words.member_verbs for t in pobjs(c, "of")]
    return out + [(k, t) for t in members for k in (book.actor_of(t), *book.coordinated(t))
                  if k is not None]


# What the rule of last resort does not search: other clauses, the subject, words that are
# no participants
OUTSIDE_PHRASE = {"nsubj", "nsubjpass", "csubj", "advcl", "conj", "cc", "punct", "mark", "aux",
                  "auxpass", "neg", "advmod", "npadvmod", "parataxis", "relcl", "ccomp", "expl",
                  "prt", "agent"}


def _in_phrase(book: ActorBook, v: Token, sources: set[str], skip: set[int] | frozenset[int]
               = frozenset(), theme: Callable[[Token, str], bool] | None = None,
               violence: Collection[str] = frozenset()) -> tuple[Token, str] | None:
    """The first actor in the phrase that follows the verb, breadth first ("agreed to allow
    access of United Nations aid workers"): PETRARCH's rule for a target no pattern names.
    A place in a locative phrase is no target here ("talks in Geneva"); a phrase that
    ``theme`` says is what the act gives or moves is passed over, but its own phrases are
    searched ("withdrew its troops from X"); a bare modifier of a noun of ``violence`` is
    that act's doer, not the verb's target ("soldiers killed in the Taliban attack")."""
    queue = [v]
    for _ in range(40):
        if not queue:
            return None
        t = queue.pop(0)
        if t is not v and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") \
                and not _doer_of(t, violence):
            held = t  # "in Bonn, Germany": an apposition is in its head's phrase
            while held.dep_ == "appos" and head_of(held).i != held.i:
                held = head_of(held)
            prep = head_of(held).lower_ if held.dep_ == "pobj" else None
            direction = book.d.words.direction_preps
            slot = "arg" if prep is None else ("target" if prep in direction else prep)
            key = book.actor_of(t, slot=slot)
            if key is not None and key not in sources and not (theme and theme(t, key)):
                return t, key
        if t is not v and t.lemma_.lower() in book.d.words.relations:
            continue  # "a cousin of the rebel leader": someone else, not the leader
        queue.extend(c for c in children_of(t) if c.dep_ not in OUTSIDE_PHRASE
                     and (t is not v or c.i > v.i) and c.i not in skip)
        # "allow access of X to deliver": the subject of a to-clause is the verb's object
        queue.extend(g for c in children_of(t) if c.dep_ == "ccomp"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                     for g in children_of(c) if g.dep_ in ("nsubj", "nsubjpass"))
    return None


def _place_or_country(book: ActorBook, t: Token, slot: str) -> tuple[Token, str | None]:
    """The actor of a preposition's object ``t`` (as ``_actor_or_owner``), or, where that is
    a place the dictionary does not know, the country its apposition names ("returned the
    manuscript to Lecco, Italy": Italy)."""
    tok, key = _actor_or_owner(book, t, slot)
    if key is None and t.pos_ == "PROPN":
        for a in children_of(t):
            if a.dep_ == "appos" and a.ent_type_ == "GPE" \
                    and (k := book.actor_of(a, slot=slot)) is not None \
                    and book.records[k].kind == "country":
                return a, k
    return tok, key


def _doer_of(t: Token, violence: Collection[str]) -> bool:
    """Whether ``t`` modifies a noun of violence before it, with no preposition: "Taliban" in
    "today's Taliban attack", "rebel" in "a rebel ambush" (who attacks, not who suffers it;
    a possessor that suffers it, "the envoy's murder", is a "poss", never read here)."""
    return t.dep_ in ("compound", "amod", "nmod") and t.i < head_of(t).i \
        and head_of(t).lemma_.lower() in violence


def _enabled(book: ActorBook, heads: list[Token], sources: set[str]
             ) -> tuple[str, list[Token]] | None:
    """Whom an act lets or asks to act, by a "for ... to" clause on the verb or its object
    ("gave permission for the Red Cross to enter the town"): that clause's subject."""
    for clause in (c for h in heads for c in children_of(h) if c.dep_ in ("advcl", "acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "for" for m in children_of(c))
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))):
        for t in (g for g in children_of(clause) if g.dep_ == "nsubj"):
            tok, key = _actor_or_owner(book, t)
            if key is not None and key not in sources:
                return key, [tok]
    return None


def blamed(n: Token, words: ArgumentWords | None = None) -> Token | None:
    """Who a sentence holds responsible for event noun ``n``: the subject of "responsible
    for [n]" ("Hamas is (believed to be) responsible for the attack"), or the noun that
    "suspected in [n]" describes ("two Kenyans suspected in the bombing")."""
    blame = (words or load_argument_words()).blame
    if n.dep_ == "dobj" and head_of(n).lemma_.lower() in blame:
        on = pobjs(head_of(n), "on") or pobjs(n, "on")  # "blamed the attack on al-Shabaab"
        return on[0] if on else None
    prep = head_of(n)
    if n.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    holder = head_of(prep)
    if prep.lower_ == "for" and holder.lemma_.lower() in blame:  # "responsible", "to blame"
        blamed_one = next((c for c in children_of(holder) if c.dep_ == "dobj"), None)
        if blamed_one is not None:
            return blamed_one  # "Iraq blamed Iran for the attack": Iran
        verb = head_of(holder)
        for _ in range(3):  # "is responsible", "is believed to be responsible"
            subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
            if verb.dep_ not in ("xcomp", "ccomp") or head_of(verb) is verb:
                break
            verb = head_of(verb)
        return None
    if prep.lower_ == "behind" and holder.lemma_.lower() == "be":
        return next((c for c in children_of(holder) if c.dep_ == "nsubj"), None)  # "X was behind"
    suspicion = (words or load_argument_words()).suspicion
    if prep.lower_ in ("in", "of", "for") and holder.lemma_.lower() in suspicion \
            and holder.dep_ in ("acl", "amod") and head_of(holder).pos_ in ("NOUN", "PROPN"):
        return head_of(holder)
    return None


def _actor_or_owner(book: ActorBook, t: Token, slot: str = "arg") -> tuple[Token, str | None]:
    """The actor ``t`` names, or the one inside its phrase ("a raid on a rebel camp", "an
    assault on the ISIS group bastion", "the arrest of one of two men")."""
    key = book.actor_of(t, slot=slot)
    if key is not None:
        return t, key
    found = _inner_actor(book, t) if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") else None
    return found if found is not None else (t, None)


class EventCoder:
    """Codes the events of one parsed document against an ``ActorBook``."""

    def __init__(self, patterns: Patterns | None = None) -> None:
        self.p = patterns or load_patterns()
        # nouns whose participle, infinitive or relative clause is their own act or the act
        # they intend, not a description: events, documents, plans ("an attempt to kidnap")
        self._acts = frozenset(self.p.nouns) | self.p.words.documents | self.p.planning_nouns

    def _subjects(self, v: Token) -> list[Token]:
        return subjects(v, words=self.p.words)

    def _agents_do(self, book: ActorBook, v: Token, pattern: VerbPattern,
                   agents: tuple[str, ...]) -> bool:
        """Whether the subject of ``v`` is one of ``agents`` (and its object none: troops
        that "left 91,000 soldiers in the country" withdrew none of them)."""
        def agent(t: Token) -> bool:
            k = book.actor_of(t)
            code = book.records[k].code if k else None
            return bool(code) and code.endswith(agents)  # type: ignore[union-attr]
        return any(agent(t) for t in self._doers(v, pattern)) and \
            not any(agent(o) for o in _objects(v))

    def _doers(self, v: Token, pattern: VerbPattern) -> list[Token]:
        """Who does ``v`` by ``pattern``: its subjects, or the subject of its passive where
        the pattern says the passive's subject acts ("troops are to be withdrawn")."""
        found = self._subjects(v)
        if not found and pattern.passive_subject == "source" and _is_passive(v):
            found = [c for c in children_of(v) if c.dep_ == "nsubjpass"]
            if not found and v.dep_ == "xcomp":  # "are supposed to be withdrawn"
                found = [c for c in children_of(head_of(v)) if c.dep_ in ("nsubj", "nsubjpass")]
            found = _conjuncts(found)
        if not found and pattern.passive_subject == "source" and v.dep_ == "acomp" \
                and v.tag_ == "VBN":  # "X is strongly opposed to": the copula's subject
            found = _conjuncts([c for c in children_of(head_of(v)) if c.dep_ == "nsubj"])
        return found

    # -- verbs ------------------------------------------------------------------------
    def match_verb(self, v: Token, book: ActorBook | None = None
                   ) -> tuple[VerbPattern, Token | None, Token | None] | None:
        """The most specific pattern for verb ``v``, with the object and xcomp it used (a
        pattern that asks for its subject's agent needs the ``book`` to read the subject)."""
        particle, candidates = self._candidates(v)
        if candidates is None:
            return None
        objects = self._pattern_objects(v)
        xcomp = _xcomp(v)
        preps = {c.lower_ for c in children_of(v) if c.dep_ == "prep" and not _dated(c)}
        # a phrase with the noun a pattern names may hang on the verb's object in the parse
        # ("held villagers as human shields"); a bare preposition may not
        direct = _objects(v) if any(p.pobj for p in candidates) else []
        # the lemmas the patterns test, read once for all of the verb's patterns
        lemmas = [(o, o.lemma_.lower()) for o in objects]
        xcomp_lemma = xcomp.lemma_.lower() if xcomp is not None else None
        for pattern in candidates:
            obj = None
            if pattern.object:
                obj = next((o for o, lemma in lemmas if lemma in pattern.object), None)
                if obj is None and xcomp is not None:  # "agreed to impose sanctions"
                    continue
                if obj is None:
                    continue
            if pattern.xcomp and (xcomp is None or xcomp_lemma not in pattern.xcomp):
                continue
            held = [v, *direct] if pattern.pobj else [v]
            if pattern.prep and pattern.prep not in preps and not (pattern.pobj and any(
                    pobjs(h, pattern.prep) for h in direct)):
                continue
            if pattern.pobj and not any(g.lemma_.lower() in pattern.pobj for h in held
                                        for g in pobjs(h, pattern.prep or "")):
                continue
            if pattern.complement and not any(
                    c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "amod")
                    and c.lower_ in pattern.complement
                    for c in [*children_of(v), *(g for o in _objects(v) for g in children_of(o))]):
                continue
            if pattern.subject and not any(t.lemma_.lower() in pattern.subject
                                           for t in self._doers(v, pattern)):
                continue
            if _sense_object(pattern, v, objects) is not None:
                continue  # "fought the epidemic" is no fighting
            if pattern.object_actor and (  # not "called in troops", "called him a liar"
                    book is None or particle is not None
                    or (any(c.dep_ == "oprd" for c in children_of(v))
                        and any(c.dep_ in ("dobj", "obj") for c in children_of(v)))
                    or not any(book.actor_of(o) for o in _objects(v))):
                continue
            if pattern.source_agent and (book is None or not self._agents_do(
                    book, v, pattern, tuple(pattern.source_agent))):
                continue  # "troops left": MIL; "the minister left Kabul" is no withdrawal
            return pattern, obj, xcomp if pattern.xcomp else None
        return None

    def _candidates(self, v: Token) -> tuple[str | None, list[VerbPattern] | None]:
        """The particle of verb ``v`` and the patterns of its lemma with it."""
        particle = next((c.lower_ for c in children_of(v) if c.dep_ == "prt"), None)
        candidates = self.p.verbs.get((v.lemma_.lower(), particle))
        if candidates is None and particle is not None:
            # a particle no pattern asks for is noise of the parse ("kidnapped up to 16")
            candidates = self.p.verbs.get((v.lemma_.lower(), None))
        return particle, candidates

    def _pattern_objects(self, v: Token) -> list[Token]:
        """The nouns an object pattern of ``v`` may ask for: its objects, the noun inside an
        "of" phrase ("provided 25,000 tons of food aid", "allow the return of inspectors")
        and the noun that modifies a light object head ("suspended aid deliveries": see
        light_objects in verb_patterns.yaml). A verb with no object of its own may have it as
        the subject of its to-clause, where the parser put it ("declared a state of emergency
        to take effect", "allowed aid to enter"): the pattern reads that noun."""
        objects = _objects(v)
        if not objects and (clause := _xcomp(v)) is not None and clause.dep_ == "ccomp":
            objects = [c for c in children_of(clause) if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        objects += [g for o in list(objects) for g in pobjs(o, "of")]
        objects += [c for o in list(objects) if o.lemma_.lower() in self.p.light_objects
                    for c in children_of(o) if c.dep_ == "compound" and c.pos_ == "NOUN"]
        return objects

    def other_sense(self, v: Token) -> tuple[VerbPattern, Token] | None:
        """The pattern of verb ``v`` that its object reads in another sense ("fought the
        epidemic", "protected jobs": ``unless_object``), with that object; None if none.
        The objects are read only for a verb that has such a pattern."""
        senses = [p for p in self._candidates(v)[1] or [] if p.unless_object]
        if not senses:
            return None
        objects = self._pattern_objects(v)
        return next(((p, o) for p in senses
                     if (o := _sense_object(p, v, objects)) is not None), None)

    def _targets(self, book: ActorBook, v: Token, pattern: VerbPattern, obj: Token | None,
                 xcomp: Token | None, sources: set[str]
                 ) -> tuple[list[tuple[str, list[Token]]], str]:
        """The event's targets, and where they were found: "slot" (a place the pattern
        names), "complement" (another complement of the verb or inside its object) or
        "phrase" (the first actor of the verb's phrase, the rule of last resort)."""
        holders = [h for h in (v, xcomp, obj) if h is not None]
        if obj is not None and obj.dep_ == "compound":  # "a mediation effort between X and Y"
            holders.append(head_of(obj))
        if obj is not None:
            holders += _named_after(v, obj)
        vague: list[tuple[str, list[Token]]] = []
        theme = self._theme(book, pattern.code, sources)
        for slot in pattern.target:
            if slot == "dobj":
                tokens = _objects(xcomp) if xcomp is not None else _objects(v)
                if not tokens:  # "refused to allow two airlines to land": the parser
                    # makes the object the subject of a to-clause
                    clause = _xcomp(xcomp if xcomp is not None else v)
                    if clause is None and xcomp is not None:
                        # "agreed to allow UN workers expanded access": a clause right
                        # after the complement verb, with no "that", whose subject is its
                        # object
                        clause = next((c for c in children_of(xcomp) if c.dep_ == "ccomp"
                                       and not any(a.dep_ == "mark" for a in children_of(c))
                                       and any(g.dep_ == "nsubj" and g.left_edge.i == xcomp.i + 1
                                               for g in children_of(c))), None)
                    if clause is not None and clause.dep_ == "ccomp":
                        tokens = _conjuncts(c for c in children_of(clause) if c.dep_ == "nsubj")
            elif slot == "dative":
                tokens = _conjuncts(c for c in children_of(v) if c.dep_ in ("dative", "iobj")
                                    and c.pos_ != "ADP")
            else:
                tokens = [t for h in holders for t in pobjs(h, slot)]
                if not tokens and slot in self.p.words.loose_preps:
                    # "filed a complaint with the UN council against X": the parser hangs
                    # "against X" on the noun before it; it still says whom the act is against
                    # (a phrase fronted before the verb sets the scene: "On a visit to Kenya, X
                    # voiced support of Y" is no support to Kenya)
                    tokens = [t for h in holders for c in children_of(h) if c.dep_ == "prep"
                              and not (h is v and c.i < v.i)
                              for g in children_of(c) if g.dep_ == "pobj" for t in pobjs(g, slot)]
                if not tokens and slot in self.p.words.loose_preps:
                    # "returned a pendant engraved with a tsar's image to Russian officials",
                    # "returned a manuscript, missing since 1943, to Italy": deeper still, in
                    # the object's phrase or a participle of the verb; the last one
                    tokens = [t for h in self._loose_holders(v, obj)
                              for c in h.subtree if c.dep_ == "prep" and c.lower_ == slot
                              and (head_of(c).pos_ in ("NOUN", "PROPN", "VERB", "NUM")
                                   or head_of(c).ent_type_)  # "Peter the Great to X"
                              for t in children_of(c) if t.dep_ == "pobj"][-1:]
            # "in Kabul": the country
            where = "target" if slot in self.p.words.locative_preps else "arg"
            found = [(key, [tok]) for t in tokens
                     for tok, key in [_actor_or_owner(book, t, where)
                                      if slot == "dobj" else _place_or_country(book, t, where)]
                     if key is not None and not (slot == "dobj" and theme(tok, key))]
            # "refused to send peacekeepers to Iraq": a named actor before an unnamed one
            if found and all(book.records[k].code is None
                             or book.records[k].code.startswith("---") for k, _ in found):
                vague = vague or found
                continue
            if found:
                return _and_coordinated(book, found), "slot"
        if vague:
            return _and_coordinated(book, vague), "slot"
        # The verb's other complements: "launched legal action against X", "agreed with X"
        # (a statement's prepositions are circumstance: "said on state television").
        bare = pattern.speech and pattern.code in self.p.words.bare_statements
        if not bare:
            named = set(pattern.target)
            if pattern.pobj and pattern.prep:  # "took to the streets": part of the verb
                named.add(pattern.prep)
            # the prepositions the verb has, read once (``pobjs`` reads every child per call)
            has = {c.lower_ for h in (v, xcomp) if h is not None for c in children_of(h)
                   if c.dep_ in ("prep", "dative", "agent")}
            for prep in self.p.words.verb_target_preps:
                if prep in named or prep not in has:
                    continue
                where = "target" if prep in self.p.words.locative_preps else "arg"
                found = [(key, [t]) for h in (v, xcomp) if h is not None
                         for t in pobjs(h, prep) if (key := book.actor_of(t, slot=where))]
                if found:
                    return _and_coordinated(book, found), "complement"
        # Whose thing the object is, whom it is for or against: "praised Haiti's efforts",
        # "continue military aid to Mozambique", "condemned the killing of civilians".
        objects = _objects(xcomp) if xcomp is not None else _objects(v)
        if pattern.passive_subject == "source" and _is_passive(v):
            objects = []  # "troops are withdrawn": the troops act, they are no target
        inner = _xcomp(v) if xcomp is None else None
        while inner is not None and len(objects) < 8:  # "promised to continue aid to X"
            objects += _objects(inner)
            inner = _xcomp(inner)
        for o in objects:
            found_in = _inner_actor(book, o, avoid=sources)
            if found_in is not None and not theme(*found_in):
                return _and_coordinated(book, [(found_in[1], [found_in[0]])]), "complement"
        if bare:
            return [], ""
        helped = self._beneficiary(book, [v, *objects, *([xcomp] if xcomp is not None else [])],
                                   sources) \
            if pattern.code[:2] in self.p.words.benefit_roots else None
        if helped is not None:  # "sent doctors to help the Yemeni government"
            return [helped], "complement"
        if pattern.code[:2] in ("18", "19", "20"):  # "carried out a raid, targeting X"
            for aim in (c for h in (v, obj) if h is not None for c in children_of(h)
                        if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG"
                        and c.lemma_.lower() in self.p.words.aim_verbs):
                for o in _objects(aim):
                    tok, key = _actor_or_owner(book, o)
                    if key is not None and key not in sources:
                        return [(key, [tok])], "complement"
        waits_on = self._condition_target(book, v, sources)
        if waits_on is not None:
            return [waits_on], "complement"
        let = _enabled(book, [v, *objects], sources) \
            if pattern.code[:2] in self.p.words.enabling_roots else None
        if let is not None:  # "gave permission for the Red Cross to enter"
            return [let], "complement"
        sent_to = self._sent_to(book, v, sources)
        if sent_to is not None:  # "sent experts to Kenya to investigate the blast"
            return [sent_to], "complement"
        skip = {t.i for c in children_of(v) if pattern.pobj and c.dep_ == "prep"
                and c.lower_ == pattern.prep for t in c.subtree}  # "took to the streets of X"
        found_in = _in_phrase(book, v, sources, skip, theme, self.p.violence_nouns)
        if found_in is None and not _objects(v):
            # "donated and delivered goods to X": coordinated verbs share what follows
            shared = next((c for c in children_of(v)
                           if c.dep_ == "conj" and c.pos_ == "VERB"), None)
            found_in = _in_phrase(book, shared, sources, theme=theme,
                                  violence=self.p.violence_nouns) \
                if shared is not None else None
        return ([(found_in[1], [found_in[0]])], "phrase") if found_in else ([], "")

    def _served_in(self, book: ActorBook, targets: list[tuple[str, list[Token]]],
                   sources: set[str]) -> list[tuple[str, list[Token]]]:
        """Targets of an act done for someone (``benefit_roots``: no attack) with the country
        a peacekeeping or foreign-led force or mission among them serves in
        (``mission_nouns``): "sent troops to the UN peacekeeping force in Mali" is toward Mali
        as well as the UN; an unidentified force, or that country's own agent
        read from the "in" phrase ("the NATO-led security force in Mali" is no Malian
        police), gives way to the country."""
        words = self.p.words
        out = list(targets)
        for key, toks in targets:
            t = toks[0]
            if t.lemma_.lower() not in words.mission_nouns:
                continue
            mods = [c for c in children_of(t) if c.dep_ in ("amod", "compound", "nmod")]
            code = book.records[key].code or ""
            if not (code.startswith("IGO") or any(
                    c.lower_ in words.peacekeeping_words
                    or (c.tag_ == "VBN" and c.lemma_.lower() in words.leading) for c in mods)):
                continue
            for p in pobjs(t, "in"):
                country = book.actor_of(p, slot="target")
                record = book.records[country] if country is not None else None
                if record is None or record.kind != "country" or country in sources \
                        or any(k == country for k, _ in out):
                    continue
                if code.startswith("---") or book.records[key].country == record.country:
                    out = [(k, ts) for k, ts in out if k != key]
                out.append((country, [p]))
                break
        return out

    def _sent_to(self, book: ActorBook, v: Token, sources: set[str]
                 ) -> tuple[str, list[Token]] | None:
        """Where those sent to do ``v`` go, when ``v`` is the purpose to-clause of a sending
        verb ("sent experts to Kenya to investigate"): the actor of that verb's "to" or
        "into" phrase (or its object's), a country being the country, not its government."""
        head = head_of(v)
        if v.dep_ not in ("advcl", "xcomp") or head.i == v.i \
                or head.lemma_.lower() not in self.p.words.sending_verbs \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(v)):
            return None
        # the parse may hang the phrase on the object ("a team of inspectors to Iran")
        holders = [head, *_objects(head)]
        holders += [g for o in holders[1:] for g in pobjs(o, "of")]
        for t in (t for h in holders for p in ("to", "into") for t in pobjs(h, p)):
            key = book.actor_of(t, slot="target")
            if key is not None and key not in sources:
                return key, [t]
        return None

    @staticmethod
    def _loose_holders(v: Token, obj: Token | None) -> list[Token]:
        """Where a loose target phrase may hang: the verb's objects (or the object its
        pattern names) and its participles with no subject of their own."""
        found = [obj] if obj is not None else _objects(v)
        found += [c for c in children_of(v)
                  if c.dep_ in ("advcl", "acl") and c.tag_ in ("VBN", "VBG")
                  and not any(g.dep_ in ("nsubj", "nsubjpass") for g in children_of(c))]
        return found

    def _theme(self, book: ActorBook, code: str, sources: set[str]
               ) -> Callable[[Token, str], bool]:
        """Whether a phrase of the verb (and the actor it names) is what an act of giving or
        moving forces (theme_codes) gives, sends or moves rather than whom it is for: forces
        or people a source owns ("withdraw its troops", "lay down their weapons"), or that
        are the source's own or unnamed ("sent doctors", "send Omani troops"). Other acts
        have no such phrase: "met his counterpart"."""
        countries = {book.records[k].country for k in sources} - {None}
        moves = code in self.p.words.theme_codes
        agents = tuple(self.p.words.state_agents)

        def theme(t: Token, key: str) -> bool:
            if not moves:
                return False
            owner = next((c for c in children_of(t) if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON" and book.actor_of(owner) in sources:
                return True
            if t.dep_ not in ("dobj", "obj", "compound", "amod", "poss", "nmod"):
                return False
            code_of = book.records[key].code or ""
            return code_of.startswith("---") or (
                book.records[key].country in countries and code_of.endswith(agents))
        return theme

    def _beneficiary(self, book: ActorBook, heads: list[Token], sources: set[str]
                     ) -> tuple[str, list[Token]] | None:
        """Whom an act is for, by a to-clause of helping on it or its object ("sent doctors
        to help the Yemeni government"): the clause's object, or the subject of its own
        clause ("sending aid to help Haiti recover")."""
        benefit = self.p.words.benefit_verbs
        # "an effort designed (meant, aimed) to help X": through the participle
        heads = [*heads, *(c for h in heads for c in children_of(h)
                           if c.dep_ == "acl" and c.tag_ == "VBN")]
        for clause in (c for h in heads for c in children_of(h)
                       if c.dep_ in ("advcl", "acl", "xcomp") and c.lemma_.lower() in benefit
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))):
            found = _objects(clause) or [g for c in children_of(clause) if c.dep_ in (
                "ccomp", "xcomp") for g in children_of(c) if g.dep_ == "nsubj"]
            for t in found:
                tok, key = _actor_or_owner(book, t)
                if key is not None and key not in sources:
                    return key, [tok]
        return None

    def _condition_target(self, book: ActorBook, v: Token, sources: set[str]
                          ) -> tuple[str, list[Token]] | None:
        """Whom an act waits on: the subject of its "until"/"unless" clause, or the agent of
        that clause's passive ("until their demands are met by the authorities")."""
        marks = self.p.words.condition_marks
        for clause in (c for c in children_of(v) if c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ in marks for m in children_of(c))):
            found = [c for c in children_of(clause) if c.dep_ == "nsubj"] or \
                [g for c in children_of(clause) if c.dep_ == "agent" for g in children_of(c)
                 if g.dep_ == "pobj"]
            for t in found:
                if t.pos_ == "PRON" and t.lower_ not in ("he", "she", "they", "it"):
                    continue
                tok, key = _actor_or_owner(book, t)
                if key is not None and key not in sources:
                    return key, [tok]
        return None

    def code_verb(self, book: ActorBook, v: Token) -> list[Found]:
        if v.lower_ in self.p.words.blame and v.dep_ == "xcomp" and head_of(v).lemma_ == "be":
            return []  # "the rebels are to blame": they are blamed, they blame no one
        matched = self.match_verb(v, book)
        if matched is None:
            return []
        pattern, obj, xcomp = matched
        sources = []
        for t in self._doers(v, pattern):
            key = book.actor_of(t)
            if key is None:  # "a US raid killed ...": the actor behind the subject noun
                t, key = _agent_in(book, t) or (t, None)
            if key is None:  # "several countries, including France and Germany, said"
                sources += [(k, [c]) for k, c in _included(book, t)]
            if key is not None:
                sources += _and_coordinated(book, [(key, [t])])
        targets, found_by = self._targets(book, v, pattern, obj, xcomp, {k for k, _ in sources})
        if pattern.code[:2] in self.p.words.benefit_roots:
            targets = self._served_in(book, targets, {k for k, _ in sources})
        if found_by in ("", "phrase") and pattern.code in self.p.words.mediation_codes:
            sides = self._sides(book, v, {k for k, _ in sources})
            if sides:  # "a mediation effort to end the feud between Chad and X"
                targets, found_by = sides, "complement"
        if not sources:
            expeller = self._expeller(book, v)
            if expeller is not None:  # "two inspectors were expelled from Iran": Iran does it
                sources = [expeller]
                targets = [(k, t) for k, t in targets if k != expeller[0]] or [
                    (k, [tok]) for o in _objects(v) for tok, k in [_actor_or_owner(book, o)]
                    if k is not None and k != expeller[0]]
        # a target of the speaker's own country read from the act's own phrase ("threatening
        # to cut US funding") gives way to whom the letter goes
        countries = {book.records[k].country for k, _ in sources} - {None}
        own_only = bool(targets) and all(
            book.records[k].country in countries and toks[0].dep_ in MODIFIERS
            for k, toks in targets)
        if (not targets or own_only) and pattern.code[:2] in self.p.words.addressed_roots:
            addressee = _addressee(book, v, self.p.words.documents, {k for k, _ in sources})
            if addressee is not None:  # "sent a letter to the UN demanding an inquiry"
                targets, found_by = [addressee], "complement"
        if pattern.converse:  # "received aid from X": X gives, the subject gets
            sources, targets = targets, sources
        specific = bool(pattern.object or pattern.xcomp or pattern.prep or pattern.complement
                        or pattern.pobj or pattern.subject)
        extra = [t for t in (obj, xcomp) if t is not None]
        label = pattern.verb + "".join(f" +{k}" for k in ("object", "xcomp", "prep", "complement")
                                       if getattr(pattern, k))
        # "Trump and Putin agreed to share information on North Korea": each other, before
        # anything the verb's phrase holds that its pattern does not name as a target
        joint = self._joint(book, pattern.code, sources) if found_by != "slot" else None
        if joint is not None:  # "Kenyan and Ugandan troops held military drills"
            return self._each_other(book, v, sources, joint, label + " (joint)", specific, extra)
        if found_by != "slot" and self._mutual(v, pattern.code, sources):
            return self._each_other(book, v, sources, pattern.code, label + " (symmetric)",
                                    specific, extra)
        if pattern.speech and pattern.code in self.p.words.bare_statements and not targets:
            accused = self._accused(book, v, {k for k, _ in sources})
            if accused is not None:  # "Kabul said Pakistan was behind the attack"
                return self._pairs(book, v, sources, [accused], "112", label + " +blame",
                                   True, extra)
            demanded = self._demanded(book, v, sources)
            if demanded is not None:  # "the donors said Indonesia must ensure security"
                addressee, modal, clause = demanded
                return self._pairs(book, v, sources, [addressee],
                                   self.p.words.demands[modal.lower_], label + f" +{modal.lower_}",
                                   True, [*extra, modal, clause])
        if pattern.speech and pattern.code in self.p.words.comment_codes and not targets:
            about = self._clause_subject(book, v, sources)
            if about is not None:  # "Kenya hoped Uganda would join the talks": about Uganda
                head = about[1][0]
                targets = [about] + [(k, [c]) for c in head.conjuncts
                                     if (k := book.actor_of(c)) is not None and k != about[0]]
                found_by = "complement"
        out = self._pairs(book, v, sources, targets, pattern.code, label, specific, extra)
        if found_by == "phrase":
            for f in out:
                f.extra["target_by"] = "phrase"
        return out

    def _presser(self, book: ActorBook, v: Token, sources: set[str]
                 ) -> tuple[str, list[Token]] | None:
        """Who pressed for what ``v`` refuses, by a "despite" or "under" phrase of it or of
        its to-clause ("despite the president's request", "under pressure from the party"):
        the owner of the phrase's noun or the actor of its "by" or "from" phrase."""
        heads = [v, *(c for c in children_of(v) if c.dep_ == "xcomp")]
        for noun in (t for h in heads for p in self.p.words.pressing_preps for t in pobjs(h, p)):
            found = [c for c in children_of(noun) if c.dep_ == "poss"] \
                + pobjs(noun, "by") + pobjs(noun, "from")
            for t in found:
                if (key := book.actor_of(t)) is not None and key not in sources:
                    return key, [t]
        return None

    @staticmethod
    def _sides(book: ActorBook, v: Token, sources: set[str]) -> list[tuple[str, list[Token]]]:
        """The actors a "between" phrase in the purpose clause of ``v`` or of its object sets
        apart ("to end the feud between Chad and its neighbours"), not its sources."""
        holders = [v, *_objects(v)]
        clauses = [c for h in holders for c in children_of(h)
                   if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.i > v.i]
        for clause in clauses:
            for prep in (t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "between"):
                found = [(k, [t]) for g in children_of(prep) if g.dep_ == "pobj"
                         for t in [g, *g.conjuncts]
                         if (k := book.actor_of(t)) is not None and k not in sources]
                if found:
                    return found
        return []

    def _expeller(self, book: ActorBook, v: Token) -> tuple[str, list[Token]] | None:
        """Who puts out or takes in the people of passive ``v`` with no agent: the country
        of its "from" phrase for the expelling verbs ("were expelled from Iran"), of its "in"
        phrase for the custody verbs ("a journalist was arrested in Niger")."""
        particle = next((c.lower_ for c in children_of(v) if c.dep_ == "prt"), None)
        name = f"{v.lemma_.lower()} {particle}" if particle else v.lemma_.lower()
        prep = "from" if name in self.p.words.expelling_verbs else \
            "in" if name in self.p.words.custody_verbs else None
        if prep is None or not _is_passive(v) or pobjs(v, "by") \
                or any(c.dep_ == "agent" for c in children_of(v)):
            return None
        for t in pobjs(v, prep):
            if t.ent_type_ in ("GPE", "LOC") and (key := book.actor_of(t, slot="target")):
                return key, [t]
        return None

    def _accused(self, book: ActorBook, v: Token, sources: set[str]
                 ) -> tuple[str, list[Token]] | None:
        """Whom a statement's clause holds responsible ("said the rebels were responsible",
        "was behind", "are to blame", "was guilty"): its named subject, if not the speaker's
        own side (that claims responsibility). A pronoun subject is left alone: "claimed
        they were responsible" is a claim far more often than an accusation."""
        blame = self.p.words.blame
        for clause in (c for c in children_of(v) if c.dep_ == "ccomp" and c.lemma_ == "be"):
            if not any(c.lower_ in blame and c.dep_ in ("acomp", "prep", "xcomp")
                       for c in children_of(clause)):
                continue
            subj = next((c for c in children_of(clause) if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON":
                return None
            tok, key = _actor_or_owner(book, subj)
            if key is not None and key not in sources:
                return key, [tok]
        return None

    def _demanded(self, book: ActorBook, v: Token, sources: list
                  ) -> tuple[tuple[str, list[Token]], Token, Token] | None:
        """Whom a statement tells what it must or should do ("said Indonesia must ensure
        security"), the modal and the clause's verb (the evidence reaches them): the named
        subject of its clause, if that is not the speaker's own side (same actor or same
        country: "said the country must prepare")."""
        demands = self.p.words.demands
        for clause in (c for c in children_of(v) if c.dep_ == "ccomp"):
            modal = next((a for a in children_of(clause)
                          if a.dep_ == "aux" and a.lower_ in demands), None)
            if modal is None:
                continue
            found = self._clause_subject(book, v, sources, clause)
            if found is not None:
                return found, modal, clause
        return None

    def _clause_subject(self, book: ActorBook, v: Token, sources: list,
                        clause: Token | None = None) -> tuple[str, list[Token]] | None:
        """The actor a clause of ``v`` (``clause``, else each of its that-clauses) names as
        its subject, if it is not the speaker's own side (same actor or same country): whom a
        demand or a comment is about. A pronoun subject is left alone (the speaker itself,
        most often: "said it hoped")."""
        own = {k for k, _ in sources}
        countries = {book.records[k].country for k in own if book.records[k].country}
        # an unplaced agent of the speaker's own kind is its own side too ("the police chief
        # warned that police will no longer tolerate rallies")
        kinds = {(book.records[k].code or "")[3:6] for k in own} - {""}
        for c in [clause] if clause is not None else children_of(v):
            if c.dep_ != "ccomp":
                continue
            subj = next((t for t in children_of(c) if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            tok, key = _actor_or_owner(book, subj)
            if key is None or key in own or book.records[key].country in countries:
                continue
            record = book.records[key]
            if record.country is None and (record.code or "")[3:6] in kinds:
                continue
            return key, [tok]
        return None

    def _own_side(self, book: ActorBook, speakers: tuple[str, ...], v: Token) -> bool:
        """Whether every actor subject of ``v`` is one of ``speakers`` or of their state (the
        country, its government, army or police, not its rebels or opposition): the speaker's
        own side, which a demand cannot address."""
        def state(key: str) -> str | None:
            code = book.records[key].code or ""
            return code[:3] if len(code) == 3 or code[3:6] in self.p.words.state_agents \
                else None

        own = {state(k) for k in speakers} - {None}
        keys = [k for t in self._subjects(v) if (k := book.actor_of(t))]
        return bool(keys) and all(k in speakers or state(k) in own for k in keys)

    def _mutual(self, trigger: Token, code: str, sources: list) -> bool:
        """Whether coordinated actors of ``trigger`` act on each other: a symmetric verb
        ("Iran and Iraq met"), an event done together ("agreed", "joint drills")."""
        if len({k for k, _ in sources}) < 2:
            return False
        return (trigger.lemma_.lower() in self.p.symmetric or code[:2] in self.p.symmetric_roots
                or any(c.lower_ in ("joint", "bilateral", "together")
                       for c in children_of(trigger)))

    def _joint(self, book: ActorBook, code: str, sources: list) -> str | None:
        """The code of act ``code`` done together, where its sources are of two or more
        countries and it has one (joint_acts: military exercises are cooperation); else None."""
        joint = self.p.words.joint_acts.get(code)
        if joint is None:
            return None
        countries = {book.records[k].country for k, _ in sources} - {None}
        return joint if len(countries) >= 2 else None

    def _each_other(self, book: ActorBook, trigger: Token, sources: list, code: str,
                    label: str, specific: bool, extra: list[Token]) -> list[Found]:
        out = []
        for s_key, s_toks in sources:
            others = [(k, t) for k, t in sources if k != s_key]
            out += self._pairs(book, trigger, [(s_key, s_toks)], others, code, label,
                               specific, extra)
        return out

    # -- nouns ------------------------------------------------------------------------
    def _nominal_pattern(self, n: Token) -> NounPattern | None:
        """The act a verb's noun tells as its verb would ("a suspension of aid to Kenya":
        suspending aid, 162): the pattern of that verb asking for the noun's "of" object
        (or the noun that modifies a light object head there: "a suspension of aid
        deliveries"), as a noun pattern with that verb's prepositional targets; None where
        no pattern asks for it (``nominal_acts`` in verb_patterns.yaml)."""
        verb = self.p.nominal_acts.get(n.lemma_.lower())
        if verb is None:
            return None
        objects = _nominal_objects(self.p, n)
        for p in self.p.verbs.get((verb, None), []):
            if p.object and not p.speech and any(o.lemma_.lower() in p.object for o in objects):
                return NounPattern(noun=n.lemma_.lower(), code=p.code,
                                   target=[t for t in p.target if t not in ("dobj", "dative")])
        return None

    def code_noun(self, book: ActorBook, n: Token) -> list[Found]:
        modifiers = {w for c in children_of(n) for w in (c.lower_, c.lemma_.lower())}
        pattern = next((p for p in self.p.nouns.get(n.lemma_.lower(), [])
                        if not p.near or modifiers & set(p.near)), None) \
            or self._nominal_pattern(n)
        if pattern is None:
            return []  # "the exercise of power" is no military exercise
        by = pobjs(n, "by") + [t for o in pobjs(n, "of") for t in pobjs(o, "by")]
        # "the envoy's assassination (by a militia member)": the owner is who suffers it
        patient_owner = bool(by) or (pattern.possessor == "target" and not pobjs(n, "of"))
        sources, owners = [], []
        for c in children_of(n):
            if c.dep_ in MODIFIERS:
                key = book.actor_of(c)
                if key is not None:
                    (owners if patient_owner and c.dep_ == "poss" else sources).append((key, [c]))
                    if c.dep_ != "poss":
                        sources += [(k, [c]) for k in book.coordinated(c) if k != key]
        sources += [(k, [t]) for t in by if (k := book.actor_of(t)) is not None]
        if not sources:  # "a Saudi-led strike": whoever leads the act does it
            sources = [(k, [g]) for c in children_of(n) if c.dep_ == "amod" and c.tag_ == "VBN"
                       and c.lemma_.lower() in self.p.words.leading
                       for g in children_of(c) if g.dep_ in ("npadvmod", "compound", "nmod")
                       and (k := book.actor_of(g)) is not None]
        light = self._light_verb(n)
        if not sources and light is not None:
            doers = self._subjects(light) or [c for c in children_of(light) if c.dep_ == "nsubjpass"
                                        and light.lemma_.lower() == "engage"]
            if n.dep_ == "nsubjpass" and light.lemma_.lower() != "engage":
                doers = pobjs(light, "by")  # "the war game was staged by X and Y": X and Y
            for t in doers:  # "forces were engaged in ethnic cleansing": the forces
                if (k := book.actor_of(t)) is not None:
                    sources.append((k, [t]))
                    sources += [(c, [t]) for c in book.coordinated(t) if c != k]
        if not sources and pattern.code[:2] in self.p.symmetric_roots and n.dep_ == "pobj" \
                and (head_of(n).lower_ in ("in", "at", "during", "after", "following", "before")
                     or (head_of(n).lower_ == "on" and head_of(n).i < head_of(head_of(n)).i)) \
                and head_of(head_of(n)).pos_ in ("VERB", "AUX"):
            # "Reagan, in a meeting with Mulroney, agreed": who took part in the talks; "On a
            # visit to Kenya, X voiced": who made the visit ("on" only before the verb, not
            # the topic of "commented on the offer")
            sources = [(k, [t]) for t in self._subjects(head_of(head_of(n)))
                       if (k := book.actor_of(t))]
        received = self._received(book, n) if not sources else None
        if received is not None:  # "received an invitation from Putin": Putin invites
            sources, owners = received
        held = blamed(n, self.p.words)
        if not sources and held is not None:  # "Hamas is believed to be responsible for"
            sources = [(k, [t]) for t in [held, *held.conjuncts]
                       if (k := book.actor_of(t))]
        targets: list[tuple[str, list[Token]]] = owners
        # "the deployment of 230 troops to Liberia": the parser may hang the noun's target
        # phrase on its "of" object
        holders = [n, *pobjs(n, "of")]
        for slot in pattern.target:
            if targets:
                break
            targets = _and_coordinated(book, [
                (k, [tok]) for h in holders for t in pobjs(h, slot) if t is not held
                for tok, k in [_actor_or_owner(book, t, "target")] if k is not None])
        if not targets and n.dep_ in ("dobj", "obj") and head_of(n).pos_ == "VERB":
            # "announced the deployment of 230 troops to Liberia": or on the verb whose object
            # the noun is; only a place named there ("near the Greek border" is no target),
            # where an addressee ("to parliament") may be
            targets = _and_coordinated(book, [
                (k, [tok]) for slot in pattern.target if slot in self.p.words.locative_preps
                for t in pobjs(head_of(n), slot) if t.pos_ == "PROPN"
                for tok, k in [_actor_or_owner(book, t, "target")] if k is not None and tok is t
                and (t.ent_type_ in ("GPE", "LOC") or _bare_country(book, k))][:1])
        if not targets and pattern.code[:2] in self.p.words.benefit_roots:
            # "announced assistance of $60 million to help X": the clause may hang on the
            # verb whose object the noun is
            heads = [n, head_of(n)] if n.dep_ in ("dobj", "obj") else [n]
            helped = self._beneficiary(book, heads, {k for k, _ in sources})
            targets = [helped] if helped is not None else []  # "assistance to help X"
        label = f"noun {pattern.noun}"
        joint = self._joint(book, pattern.code, sources) if not targets else None
        if joint is not None:  # "the war game was staged by X and Y"
            return self._each_other(book, n, sources, joint, label + " (joint)", False, [])
        if not targets and self._mutual(n, pattern.code, sources):
            return self._each_other(book, n, sources, pattern.code, label + " (symmetric)",
                                    False, [])
        return self._pairs(book, n, sources, targets, pattern.code, label, False, [])

    def code_attitude(self, book: ActorBook, adj: Token) -> list[Found]:
        """A stance adjective after a copula ("X is skeptical about Y"): a comment by the
        copula's subject about the actor its phrase names, or a gerund's subject there ("about
        the council being able to"), else the named subject of its that-clause
        (``attitudes`` in arguments.yaml). No event without both: a mood is no act on anyone."""
        copula = head_of(adj)
        if copula.i == adj.i:
            return []
        sources = [(k, [t]) for t in self._subjects(copula) if (k := book.actor_of(t))]
        if not sources:
            return []
        own = {k for k, _ in sources}
        has = {c.lower_ for c in children_of(adj) if c.dep_ == "prep"}
        targets: list[tuple[str, list[Token]]] = []
        for prep in self.p.words.attitude_preps:
            if prep not in has or targets:
                continue
            heads = [g for c in children_of(adj) if c.dep_ == "prep" and c.lower_ == prep
                     for o in children_of(c)
                     for g in ([o] if o.dep_ == "pobj" else
                               [t for t in children_of(o) if t.dep_ in SUBJECT_DEPS]
                               if o.dep_ == "pcomp" else [])]
            targets = [(k, [tok]) for h in heads
                       for tok, k in [_actor_or_owner(book, h, "target")]
                       if k is not None and k not in own][:1]
        if not targets:
            about = self._clause_subject(book, adj, sources)
            targets = [about] if about is not None else []
        if not targets:
            return []
        return self._pairs(book, adj, sources, targets, self.p.words.attitudes[adj.lower_],
                           f"attitude {adj.lower_}", True, [])

    def _received(self, book: ActorBook, n: Token
                  ) -> tuple[list[tuple[str, list[Token]]], list[tuple[str, list[Token]]]] | None:
        """The givers and receivers of event noun ``n`` told from the receiver's side, as the
        object of a receiving verb ("received an invitation from Putin", "faces criticism
        from the UN") or under "come under" ("came under pressure from Washington"): the
        actors of the "from" phrase on the noun or the verb, and the verb's subjects."""
        verb = head_of(n)
        if n.dep_ == "pobj" and verb.lower_ == "under" and head_of(verb).lemma_.lower() == "come":
            verb = head_of(verb)
        elif n.dep_ not in ("dobj", "obj"):
            return None
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.p.words.receiving_verbs \
                or (verb.lemma_.lower() == "come" and n.dep_ != "pobj"):
            return None
        givers = [(k, [t]) for h in (n, verb) for t in pobjs(h, "from")
                  if (k := book.actor_of(t)) is not None]
        if not givers:
            return None
        keys = {k for k, _ in givers}
        takers = [(k, [t]) for t in self._subjects(verb)
                  if (k := book.actor_of(t)) is not None and k not in keys]
        return _and_coordinated(book, givers), takers

    def _light_verb(self, n: Token) -> Token | None:
        """The light verb governing event noun ``n`` ("carried out [a raid]", "engaged in")."""
        verb = head_of(n)
        if n.dep_ == "pobj" and verb.lower_ == "of" and \
                head_of(verb).lemma_.lower() in self.p.event_partitives:
            # "began a new round of joint exercises"
            n, verb = head_of(verb), head_of(head_of(verb))
        if n.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in":
            verb = head_of(verb)  # "engaged in ethnic cleansing"; not "committed to assistance"
        elif n.dep_ not in ("dobj", "obj", "nsubjpass"):  # "the drill was staged by X"
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        particle = next((c.lower_ for c in children_of(verb) if c.dep_ == "prt"), None)
        name = f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()
        if name not in self.p.light_verbs and particle is not None:
            name = verb.lemma_.lower()  # a particle of the parse ("started drills off Goa")
        return verb if name in self.p.light_verbs else None

    # -- shared -----------------------------------------------------------------------
    def _pairs(self, book: ActorBook, trigger: Token, sources, targets, code: str, label: str,
               specific: bool, extra: list[Token]) -> list[Found]:
        """One event per (source, target) pair; the evidence spans trigger and both phrases."""
        if not sources and not targets:
            return []
        out = []
        for s_key, s_toks in sources or [(None, [])]:
            for t_key, t_toks in targets or [(None, [])]:
                if s_key is not None and s_key == t_key:
                    t_key, t_toks = None, []
                tokens = [trigger, *extra, *s_toks, *t_toks]
                spans = [(t.idx, t.idx + len(t.text)) for t in (trigger, *extra)]
                spans += [book.extent(t) for t in (*s_toks, *t_toks)]
                out.append(Found(s_key, t_key, code, trigger, tokens, spans, label, specific,
                                 core=[trigger, *extra],
                                 source_at=s_toks[0] if s_toks else None,
                                 target_at=t_toks[0] if t_toks else None))
        return out

    def reporting_verb(self, verb: Token) -> Token | None:
        """The speech or disputing verb whose reported clause holds ``verb``, if any."""
        clausal = False
        prev = verb
        for anc in verb.ancestors:
            clausal = clausal or prev.dep_ in ("ccomp", "parataxis", "acl")
            if clausal and anc.pos_ == "VERB" and anc.lemma_.lower() in (
                self.p.speech | self.p.disputing
            ):
                return anc
            prev = anc
        return None

    @staticmethod
    def _framing(f: Found, found: list[Found]) -> Found | None:
        """The event that a speech participle only sets the scene of: "X, speaking at a
        ceremony, hailed Y" is X's 051, not also X's 010 (the participle is an adverbial
        clause of the coded verb, with that verb's own subject)."""
        t = f.trigger
        if t.tag_ != "VBG" or f.source is None:
            return None
        if t.dep_ == "advcl":
            head = head_of(t)
        elif t.dep_ == "acl" and head_of(t).dep_ == "nsubj":  # "Karzai, speaking ..., hailed"
            head = head_of(head_of(t))
        else:
            return None
        return next((g for g in found if g is not f and g.trigger.i == head.i
                     and g.source == f.source), None)

    def instrument_code(self, v: Token) -> str | None:
        """The code the means of a violent event make it ("a roadside bomb killed": 1833)."""
        if v.pos_ == "NOUN":  # "their hunger strike", "a suicide bombing"
            phrases = [v]
        else:
            phrases = [s for s in children_of(v) if s.dep_ in ("nsubj", "nsubjpass")]
            # an event noun as object: "continued their hunger strike", not "killed bombers"
            phrases += [o for o in children_of(v) if o.dep_ in ("dobj", "obj")
                        and o.lemma_.lower() in self.p.nouns]
        for prep in children_of(v):
            if prep.dep_ in ("prep", "agent") and prep.lower_ in self.p.words.instrument_preps:
                phrases += [g for g in children_of(prep) if g.dep_ == "pobj"]
        for head in phrases:
            near = [t for t in head.subtree
                    if t.i == head.i or head_of(t).i == head.i or head_of(head_of(t)).i == head.i]
            words = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
            for inst in self.p.instruments:
                if words & set(inst.words) and (not inst.near or words & set(inst.near)):
                    return inst.code
        return None

    # -- what is an event -------------------------------------------------------------
    def _only_events(self, book: ActorBook, found: list[Found],
                     left: list[tuple[Found, str, str]],
                     headings: Sequence[tuple[int, str]]) -> list[Found]:
        """Drop the readings that are no events of their own: a statement whose content is
        coded ("X said Y attacked Z" is Y's attack, reported by X, not also X's 010), a news
        attribution ("the newspaper reported"), a habitual or generic statement ("rebels
        routinely attack convoys"), and a commentator's remark ("a law professor told the
        channel"). headings: the document's wiki headings, (offset, name) in text order."""
        kept = []
        for f in found:
            if _back_matter(f.trigger, self.p.words.back_matter, headings):
                left.append((f, "generic", "an entry under a page's back matter heading "
                                           "(See also, References): a title, no report"))
                continue
            if f.code == "010" and f.trigger.pos_ in ("VERB", "AUX"):
                inside = [g for g in found if g is not f and not g.code.startswith("01")
                          and g.trigger.i != f.trigger.i
                          and f.trigger.i in {a.i for a in g.trigger.ancestors}]
                if inside:
                    left.append((f, "content", f"its content is coded: {inside[0].code} "
                                               f"'{inside[0].trigger.text}'"))
                    continue
                framed = self._framing(f, found)
                if framed is not None:  # "Karzai, speaking in Kabul, hailed Biden's remarks"
                    left.append((f, "content", f"it frames the coded {framed.code} "
                                               f"'{framed.trigger.text}' of the same speaker"))
                    continue
                told = _event_detail(f.trigger, self._acts)
                if told is not None:  # "the army added that the raid was made at dawn"
                    left.append((f, "attribution", f"it tells how or when '{told.text}', "
                                                   "already reported, was done: a source of "
                                                   "detail, no statement of its own"))
                    continue
            if f.code in self.p.words.bare_statements and f.target is None and (
                    f.trigger.lemma_.lower() in self.p.words.attribution_verbs
                    or self._fact_reporter(f)):
                left.append((f, "attribution", f"'{f.trigger.text}' says where the article's "
                                               "facts come from: no statement of its own"))
                continue
            asked = _asked_for(f, found)
            if asked is not None:
                left.append((f, "content", f"what '{asked.trigger.text}' asks for "
                                           f"({asked.code}): no event of its own"))
                continue
            if _describes(f.trigger, self.p.words.continuing_verbs, self._acts):
                left.append((f, "generic", f"'{f.trigger.text}' describes its noun in a "
                                           "present-tense relative clause: no one event"))
                continue
            if _as_preposition(f.trigger, self.p.words.preposition_participles):
                left.append((f, "sense", f"'{f.trigger.text}' is used as a preposition here: "
                                         "no act"))
                continue
            if f.code[:2] in VIOLENCE_ROOTS and _said_against(f.trigger,
                                                              self.p.words.verbal_partners):
                left.append((f, "sense", f"'{f.trigger.text}' goes with a verb of criticism: "
                                         "an attack in words"))
                continue
            if _question_put(f.trigger, self.p.words.question_verbs):
                left.append((f, "content", f"'{f.trigger.text}' puts a question to someone: "
                                           "an interview, no appeal"))
                continue
            if _spent_in(f.trigger, self.p.words.span_verbs):
                left.append((f, "generic", f"'{f.trigger.text}' is the state a span of time "
                                           "was spent in: no one act"))
                continue
            if self._stative(f.trigger):
                left.append((f, "generic", f"'{f.trigger.text}' in the present says what is, "
                                           "a standing state: no one event"))
                continue
            habit = self._habitual(f.trigger)
            if habit is not None:
                left.append((f, "generic", f"a habitual or generic statement ('{habit}'), "
                                           "no one event"))
                continue
            who = _commentator(book, f)
            if who is not None:
                left.append((f, "commentary", f"a remark by {who}s, who have no political role"))
                continue
            if f.code in self.p.words.bare_statements and _former(f.source_at,
                                                                 self.p.words.former_marks):
                left.append((f, "commentary", "a remark by someone who no longer holds the "
                                              "office that describes them"))
                continue
            kept.append(f)
        return kept

    def _fact_reporter(self, f: Found) -> bool:
        """Is the speaker of ``f`` one who reports a case's facts ("police said",
        "prosecutors said"), not one who takes a position?"""
        tok = f.source_at
        if tok is None:
            return False
        words = {tok.lemma_.lower(), tok.lower_, *(c.lemma_.lower() for c in children_of(tok)
                                                   if c.dep_ == "compound")}
        return bool(words & self.p.words.attribution_sources)

    def _stative(self, trigger: Token) -> bool:
        """Is the verb a present simple main clause of a standing state ("it hosts a US
        airbase", stative_verbs in arguments.yaml), with no event noun as its object?"""
        return (trigger.lemma_.lower() in self.p.words.stative_verbs
                and trigger.tag_ in ("VBZ", "VBP") and trigger.dep_ in ("ROOT", "conj")
                and not any(c.dep_ in ("aux", "auxpass") for c in children_of(trigger))
                and not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self._acts
                            for c in children_of(trigger)))

    def _habitual(self, trigger: Token) -> str | None:
        """The word that makes a verb's event habitual or generic, or None: a frequency
        adverb ("rebels routinely attack convoys"), "used to" or "tend to", or "every/each"
        with a present tense ("police patrol the border every Friday")."""
        if trigger.pos_ not in ("VERB", "AUX"):
            return None
        w = self.p.words
        for c in children_of(trigger):
            if c.dep_ == "advmod" and c.lower_ in w.habitual_adverbs:
                return c.text
            if c.dep_ == "npadvmod" and trigger.tag_ in ("VB", "VBP", "VBZ") and not any(
                    a.dep_ in ("aux", "auxpass") for a in children_of(trigger)) and any(
                    d.lower_ in ("every", "each") for d in children_of(c)):
                return f"every {c.text}"
        head = head_of(trigger)
        if trigger.dep_ == "xcomp" and head.lemma_.lower() in w.habitual_verbs \
                and any(c.lower_ == "to" for c in children_of(trigger)) \
                and not any(c.dep_ in ("dobj", "obj") for c in children_of(head)):
            return f"{head.text} to"  # "used to attack", not "used tear gas to disperse"
        return None

    # -- frames -----------------------------------------------------------------------
    def noun_frame(self, n: Token) -> FrameUse | None:
        """The frame of a verb whose object or "for" phrase is event noun ``n`` ("called for
        the withdrawal", "offered talks"): the act has not happened, it is asked or offered."""
        if n.dep_ in ("dobj", "obj"):
            verb, prep = head_of(n), None
        elif n.dep_ == "pobj" and head_of(n).dep_ == "prep":
            verb, prep = head_of(head_of(n)), head_of(n).lower_
        else:
            return None
        if verb.pos_ != "VERB":
            return None
        frame = next((fr for fr in self.p.frames.nouns.get(verb.lemma_.lower(), [])
                      if fr.prep == prep), None)
        return FrameUse(frame.family, verb, "noun") if frame is not None else None

    def frame_of(self, book: ActorBook, v: Token) -> FrameUse | None:
        """The complement frame that governs verb ``v`` ("offered to [v]", "said X must [v]")."""
        if v.pos_ not in ("VERB", "AUX"):
            return None
        frames = self.p.frames
        head = head_of(v)
        if v.dep_ == "xcomp" and head.i != v.i:
            if head.dep_ == "acomp" and head.lemma_.lower() in frames.adjectives:
                f = frames.adjectives[head.lemma_.lower()]
                return FrameUse(f.family, head_of(head) if head_of(head).i != head.i else head)
            for f in frames.verbs.get(head.lemma_.lower(), []):
                if f.control == "clause":
                    continue
                if f.prep and not any(c.dep_ == "prep" and c.lower_ == f.prep and not _dated(c)
                                      for c in children_of(head)):
                    continue
                return FrameUse(f.family, head, f.control, f.prep)
        if v.dep_ == "csubj" and head.i != v.i and frames.predicates:
            # "said that lifting the sanctions is out of the question": the speaker's refusal
            family = next((frames.predicates[w] for c in children_of(head) if c.dep_ == "prep"
                           if (w := " ".join(t.lower_ for t in c.subtree)) in frames.predicates),
                          None)
            reporter = self.reporting_verb(head) if family else None
            speakers = tuple(k for t in self._subjects(reporter) if (k := book.actor_of(t))) \
                if reporter is not None else ()
            if family and speakers:
                return FrameUse(family, head, "speaker", speakers=speakers, reporter=reporter)
        if v.dep_ == "advcl" and head.i != v.i and head.pos_ == "VERB" \
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in children_of(v)) \
                and any(c.dep_ in SUBJECT_DEPS for c in children_of(v)):
            # "Kenya called for Uganda to withdraw": asked of the for-clause's subject, as
            # "called for the withdrawal of Ugandan troops" is (the frames' nouns with "for")
            f = next((f for f in frames.nouns.get(head.lemma_.lower(), []) if f.prep == "for"),
                     None)
            if f is not None:
                return FrameUse(f.family, head, "clause")
        if v.dep_ == "ccomp" and head.i != v.i:
            modal = any(c.dep_ == "aux" and c.lower_ in self.p.words.modal_aux
                        for c in children_of(v))
            for f in frames.verbs.get(head.lemma_.lower(), []):
                if f.control == "clause":
                    return FrameUse(f.family, head, "clause")
                if f.control == "subject" and modal:  # "agreed that they would cooperate"
                    return FrameUse(f.family, head)
        auxes = {c.lower_ for c in children_of(v) if c.dep_ == "aux"}
        negated = any(c.dep_ == "neg" for c in children_of(v))
        conditional = any(c.dep_ == "mark" and c.lower_ in self.p.conditional
                          for c in children_of(v))
        if not auxes or conditional:
            return None
        reporter = self.reporting_verb(v)
        if reporter is not None and ("must" in auxes or "should" in auxes):
            family = frames.modals.get("must" if "must" in auxes else "should")
            speakers = tuple(k for t in self._subjects(reporter) if (k := book.actor_of(t)))
            if speakers and self._own_side(book, speakers, v):
                # "Kenya's spokesman stressed that the Kenyan government must take the lead":
                # what a side says it must do itself is its intent, not a demand on itself
                family = frames.modals.get("planned")
                return FrameUse(family, v, "self", reporter=reporter) if family else None
            if family and speakers and not negated:
                return FrameUse(family, v, "modal", speakers=speakers, reporter=reporter)
            return None
        planned = bool(auxes & self.p.planned_aux) or ("would" in auxes and reporter is not None)
        if planned:
            family = frames.modals.get("planned_negated" if negated else "planned")
            if family:  # "Iraq said it would allow ...": Iraq's intent, stated by Iraq
                return FrameUse(family, v, "self", reporter=reporter)
        return None

    def apply_frames(self, book: ActorBook, found: list[Found],
                     left: list[tuple[Found, str, str]]) -> list[Found]:
        """Recode the events of complements through their frames (see ``data/frames.yaml``).

        A frame verb that a verb pattern already coded together with its complement ("agreed
        to resign": 0341) keeps that code and the complement's own event is left out
        (reason ``content``, so a reader sees why); otherwise the complement's event is
        recoded and the frame verb's generic event ("offered": 030) gives way to it.
        """
        by_trigger: dict[int, list[Found]] = {}
        for f in found:
            by_trigger.setdefault(f.trigger.i, []).append(f)
        out: list[Found] = []
        superseded: set[int] = set()
        for f in found:
            governor = f.trigger
            if f.pattern.startswith("noun"):
                use = self.noun_frame(f.trigger)
                if use is not None:
                    matrix_events = by_trigger.get(use.matrix.i, [])
                    coded = next((m for m in matrix_events if "+object" in m.pattern), None)
                    if coded is not None:  # "demanded the release of X": the verb coded it
                        left.append((f, "content", f"what '{coded.trigger.text}' asks for is "
                                                   f"coded with it ({coded.code})"))
                        continue
                    recoded = self._recode(book, f, use, matrix_events)
                    out.extend(recoded)
                    if recoded:
                        superseded.add(use.matrix.i)
                    continue
                # "is prepared to carry out talks": the light verb carries the noun's frame
                governor = self._light_verb(f.trigger)
                if governor is None:
                    out.append(f)
                    continue
            use = self.frame_of(book, governor)
            if use is None:
                out.append(f)
                continue
            matrix_events = by_trigger.get(use.matrix.i, []) if use.matrix is not f.trigger else []
            coded = next((m for m in matrix_events if "+xcomp" in m.pattern), None)
            if coded is not None:  # the frame verb's own pattern already coded the pair
                left.append((f, "content", f"coded with '{coded.trigger.text}' as one act "
                                           f"({coded.code})"))
                continue
            out.extend(self._recode(book, f, use))
            if use.matrix is not f.trigger:
                superseded.add(use.matrix.i)
        kept = [f for f in out if not (f.trigger.i in superseded and not f.specific
                                        and "<" not in f.pattern)]
        # A frame verb whose complement carried no event still names whom it addresses.
        for f in kept:
            if f.target is None and f.trigger.i not in superseded:
                self._frame_target(book, f)
            if f.code[:2] in self.p.words.refusal_roots:
                self._pressed_by(book, f)
        return kept

    def _pressed_by(self, book: ActorBook, f: Found) -> None:
        """Make whoever pressed for what refusal ``f`` refuses its target ("declined to resign
        despite pressure from parliament"), unless its target is in the phrase of an object
        of its verbs ("cancelled a visit to Malaysia under pressure from X": Malaysia)."""
        verb = head_of(f.trigger) if f.trigger.dep_ == "xcomp" else f.trigger
        presser = self._presser(book, verb, {f.source} - {None})
        if presser is None or (f.target_at is not None and any(
                f.target_at.i in {t.i for t in o.subtree}
                for h in (verb, f.trigger, *(c for c in children_of(verb) if c.dep_ == "xcomp"))
                for o in _objects(h))):
            return
        (f.target, (f.target_at,)) = presser
        f.tokens.append(f.target_at)
        f.spans.append(book.extent(f.target_at))

    def bare_demands(self, book: ActorBook, sent, coded: set[int]) -> list[Found]:
        """"Russia said Sudan must return the helicopter": a demand even when the demanded
        act has no pattern of its own (CAMEO 100, speaker -> the clause's subject); so is an
        order to an actor whose to-clause no pattern codes ("the police ordered the senator
        to appear for questioning": orderer -> the senator)."""
        out = []
        for v in sent:
            if v.i in coded or v.pos_ not in ("VERB", "AUX"):
                continue
            ordered = self._bare_order(book, v, coded)
            if ordered is not None:
                out += ordered
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "must" for c in children_of(v)):
                continue
            use = self.frame_of(book, v)
            if use is None or use.control != "modal" or use.family != "demand":
                continue
            for t in self._subjects(v):
                key = book.actor_of(t)
                if key is None:
                    continue
                f = Found(key, None, self.p.frames.families[use.family].default, v, [v, t],
                          [_word(v), book.extent(t), _word(use.reporter)], "must", False,
                          source_at=t)
                f.extra["modality_of"] = use.reporter
                out.append(f)
        return out

    def _bare_order(self, book: ActorBook, v: Token, coded: set[int]) -> list[Found] | None:
        """The demand an order frame verb makes of its object actor when its to-clause ``v``
        carries no event of its own (the frame would have recoded one), or None. Only a verb
        of the demand family whose object does the clause (``control: object``: order,
        instruct, command), with an actor for its object who does the clause: not "ordered 40
        tanks to be built"."""
        head = head_of(v)
        if v.dep_ != "xcomp" or head.i == v.i or head.i in coded \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(v)) \
                or any(c.dep_ == "auxpass" for c in children_of(v)):
            return None  # "ordered 40 tanks to be built": the object does nothing
        use = next((f for f in self.p.frames.verbs.get(head.lemma_.lower(), [])
                    if f.family == "demand" and f.control == "object" and not f.prep), None)
        if use is None:
            return None
        targets = _and_coordinated(book, [(k, [o]) for o in _objects(head)
                                          if (k := book.actor_of(o)) is not None])
        sources = [(k, [t]) for t in self._subjects(head) if (k := book.actor_of(t))]
        if not targets or not sources:
            return None
        return self._pairs(book, head, sources, targets,
                           self.p.frames.families[use.family].default,
                           f"{head.lemma_.lower()} +order", True, [v])

    def _recode(self, book: ActorBook, f: Found, use: FrameUse,
                matrix_events: list[Found] | None = None) -> list[Found]:
        family = self.p.frames.families[use.family]
        root = f.code[:2]
        if family.hostile and root in family.hostile_roots:  # "vowed to strike": a threat
            family = self.p.frames.families[family.hostile]
        code = family.recode(f.code)
        if code == "same":
            if use.control != "noun":
                return [f]
            code = f.code  # "offered scathing criticism of X": the subject's criticism
        modality = None
        if code == "negated":
            code, modality = f.code, "negated"
        label = f"{f.pattern} <{use.family} {use.matrix.lemma_.lower()}>"
        matrix = use.matrix
        spans = [*f.spans]
        tokens = [*f.tokens]
        if matrix is not f.trigger:
            spans.append((matrix.idx, matrix.idx + len(matrix.text)))
            tokens.append(matrix)
        # (source, its words, target, its words) for each event the frame gives
        pairs: list[tuple[str | None, Token | None, str | None, Token | None]]
        if use.control in ("object", "clause"):
            sources: list[tuple[str | None, Token | None]] = [
                (k, t) for t in self._subjects(matrix) if (k := book.actor_of(t))] or [(None, None)]
            targets: list[tuple[str | None, Token | None]] = [
                (k, t) for t in self._controlled(matrix, use, f.trigger)
                if (k := book.actor_of(t))] or [(None, None)]
            pairs = [(sk, st, tk, tt) for sk, st in sources for tk, tt in targets
                     if (sk or tk) and sk != tk]
        elif use.control == "noun":
            # who is asked is who would act ("the withdrawal of Kenyan troops"), else whom
            # the verb's own reading named ("called on Kenya for"), else the act's target;
            # what is offered or threatened keeps the act's target
            sources = [(k, t) for t in self._subjects(matrix)
                       if (k := book.actor_of(t))] or [(None, None)]
            asked = use.family in ("appeal", "demand")
            named = next(((m.target, m.target_at) for m in matrix_events or []
                          if m.target is not None), None)
            if asked and f.source is not None:
                targets = [(f.source, f.source_at)]
            elif asked and named is not None:
                targets = [named]
            else:
                targets = [(f.target, f.target_at)]
            pairs = [(sk, st, tk, tt) for sk, st in sources for tk, tt in targets
                     if (sk or tk) and sk != tk]
        elif use.control == "speaker":  # the act itself, framed by whoever says so
            speakers = {k: t for t in self._subjects(use.reporter) if (k := book.actor_of(t))} \
                if use.reporter is not None else {}
            pairs = [(k, speakers.get(k), f.target, f.target_at) for k in use.speakers
                     if k != f.target]
        elif use.control == "modal":
            speakers = {k: t for t in self._subjects(use.reporter) if (k := book.actor_of(t))} \
                if use.reporter is not None else {}
            pairs = [(k, speakers.get(k), f.source, f.source_at) for k in use.speakers
                     if k != f.source]
        else:
            pairs = [(f.source, f.source_at, f.target, f.target_at)]
        out = []
        for source, s_at, target, t_at in pairs:
            extra = [t for t in (s_at, t_at) if t is not None and t not in tokens]
            g = Found(source, target, code,
                      matrix if use.control not in ("self", "speaker") else f.trigger,
                      tokens + extra, spans + [book.extent(t) for t in extra], label, True,
                      source_at=s_at, target_at=t_at)
            if modality:
                g.extra["modality"] = modality
            elif use.control == "self" and use.reporter is None \
                    and use.family == self.p.frames.modals.get("planned_negated") \
                    and any(c.dep_ == "neg" for c in children_of(f.trigger)):
                # "the rebels will not relent": the "not" made the refusal its code, and
                # says the refusal was made, not that it was not
                g.extra["modality"] = "asserted"
            if use.reporter is not None:  # the demand is the speaker's own act
                g.extra["modality_of"] = use.reporter
                g.spans.append(_word(use.reporter))
            out.append(g)
        return out

    def _controlled(self, matrix: Token, use: FrameUse, complement: Token) -> list[Token]:
        """Who is asked or told to act: the object of "urge", the subject of "demand that"."""
        if use.control == "clause":
            return _conjuncts(c for c in children_of(complement) if c.dep_ in SUBJECT_DEPS)
        if use.prep:
            return pobjs(matrix, use.prep)
        found = [c for c in children_of(matrix) if c.dep_ in ("dobj", "obj")]
        if not found:  # "urged that Iran halt ...", parsed as the complement's subject
            found = [c for c in children_of(complement) if c.dep_ in SUBJECT_DEPS]
        return _conjuncts(found)

    def _frame_target(self, book: ActorBook, f: Found) -> None:
        """Fill the target of a bare frame event: "demanded that the US ...": the US."""
        for frame in self.p.frames.verbs.get(f.trigger.lemma_.lower(), []):
            if frame.control not in ("object", "clause"):
                continue
            comp = next((c for c in children_of(f.trigger)
                         if c.dep_ == ("ccomp" if frame.control == "clause" else "xcomp")), None)
            if comp is None:
                continue
            use = FrameUse(frame.family, f.trigger, frame.control, frame.prep)
            for t in self._controlled(f.trigger, use, comp):
                key = book.actor_of(t)
                if key is not None and key != f.source:
                    f.target, f.target_at = key, t
                    f.tokens.append(t)
                    f.spans.append(book.extent(t))
                    return

    def code(self, doc: Doc, book: ActorBook,
             modality: Callable[[ActorBook, Token], tuple[str, str | None]] | None = None,
             left_out: list[tuple[Found, str, str]] | None = None
             ) -> list[tuple[int, Found]]:
        """All events of ``doc`` with their sentence index, in reading order.

        modality: reads each event's modality and who it is attributed to (the context stage's
        ``ModalityReader.read``); without it every event is asserted. left_out: receives the
        readings not kept as events, with the reason and a detail."""
        events: list[tuple[int, Found]] = []
        left = left_out if left_out is not None else []
        # the wiki headings, read once, in the book's copy of the text: Doc.text joins every
        # token again on each call
        headings = [(m.start(), m.group(1).strip().lower())
                    for m in HEADING.finditer(book.text)]
        tokens = tokens_of(doc)  # the document's tokens, built once for every stage
        for s_index, sent in enumerate(sentences_of(doc)):
            words = tokens[sent.start:sent.end]
            consumed: set[int] = set()
            found: list[Found] = []
            for tok in words:
                if tok.pos_ == "ADJ":
                    if tok.dep_ == "acomp" and tok.lower_ in self.p.words.attitudes:
                        found.extend(self.code_attitude(book, tok))
                    continue
                if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
                    hits = self.code_verb(book, tok)
                    sense = None if hits else self.other_sense(tok)
                    if sense is not None:  # "fought the epidemic": listed, not coded
                        pattern, obj = sense
                        left.append((Found(None, None, pattern.code, tok, [tok, obj], [],
                                           pattern.verb, False), "sense",
                                     f"'{tok.text} ... {obj.text}': another sense of "
                                     f"'{pattern.verb}'"))
                    for h in hits:  # "launched an attack": the noun is not a second event
                        consumed.update(t.i for t in h.core or h.tokens)
                    found.extend(hits)
            for tok in words:
                if tok.pos_ == "NOUN" and tok.i not in consumed \
                        and tok.lemma_.lower() in self.p.nouns:
                    found.extend(self.code_noun(book, tok))
                elif tok.pos_ == "NOUN" and tok.i not in consumed \
                        and tok.lemma_.lower() in self.p.nominal_acts:
                    hits = self.code_noun(book, tok)
                    if hits:  # "the lifting of the siege" is no siege
                        consumed.update(o.i for o in _nominal_objects(self.p, tok))
                    found.extend(hits)
            found += self.bare_demands(book, words, {f.trigger.i for f in found})
            found = self.apply_frames(book, found, left)
            for f in found:
                if f.code in self.p.words.refinable_violence:
                    f.code = self.instrument_code(f.trigger) or f.code
                elif f.code in self.p.words.peacekeeping_codes \
                        and _keeps_peace(f.trigger, self.p.words.peacekeeping_words):
                    f.code = "074"
            found = self._only_events(book, found, left, headings)
            seen: set[tuple] = set()
            for f in found:
                key = (f.source, f.target, f.code, f.trigger.i)
                if key in seen:
                    continue
                seen.add(key)
                if modality is not None:
                    f.modality, f.attributed_to = modality(
                        book, f.extra.get("modality_of", f.trigger))
                if "modality" in f.extra:
                    f.modality = f.extra["modality"]
                if f.modality in ("asserted", "reported") and denied_object(f) is not None:
                    f.modality = "negated"  # "reached no agreement"
                if f.modality in ("asserted", "reported") \
                        and _nonfinite_description(f.trigger, self._acts,
                                                   self.p.words.suspicion,
                                                   lambda t: book.actor_of(t) is not None):
                    left.append((f, "generic", f"'{f.trigger.text}' is a verb form that "
                                               "describes a noun, asserting no one event"))
                    continue
                f.confidence = _confidence(f, book)
                events.append((s_index, f))
            _purposes_give_way(book, [f for i, f in events if i == s_index])
        return events


def denied_object(f: Found) -> Token | None:
    """The "no" on the direct object of a coded act's verb ("fired no shots", "arrested no
    one", "reached no agreement"), which denies the act. Only for coded acts: on any verb it
    is often the verb's content, not a denial of it ("gave no reason", "sees no end")."""
    if f.trigger.pos_ not in ("VERB", "AUX"):
        return None
    for t in children_of(f.trigger):
        if t.dep_ in ("dobj", "obj"):
            no = next((d for d in children_of(t) if d.dep_ == "det" and d.lower_ == "no"), None)
            if no is not None:
                return no
    return None


PROTEST_AIMS = ("02", "10", "11")  # roots of what a protest is held for: appeals, demands


def _purposes_give_way(book: ActorBook, found: list[Found]) -> None:
    """A protest held to ask for something ("staged rallies to demand reforms", "went on
    hunger strike to protest the ban", "marched, calling for his release") is reported as a
    protest: the appeal, demand or disapproval is what the protest is for, not a second act,
    so it scores below the protest (CAMEO codes such a protest 14, by what it demands), and
    whom it is addressed to is whom the protest is against when nothing else says so."""
    protests = [f for f in found if f.code.startswith("14")]
    for f in found:
        t = f.trigger
        if not f.code.startswith(PROTEST_AIMS) or t.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        for p in protests:
            if head_of(t).i in (p.trigger.i, p.trigger.head.i) or head_of(t) in p.tokens \
                    or head_of(head_of(t)).i == p.trigger.i:  # "began a hunger strike to demand"
                f.confidence = min(f.confidence, round(p.confidence - 0.05, 2))
                if p.target is None and f.target is not None and f.target != p.source:
                    p.target, p.target_at = f.target, f.target_at
                    if f.target_at is not None:
                        p.tokens.append(f.target_at)
                        p.spans.append(book.extent(f.target_at))


APPEALS = ("02", "10")  # roots of asking for an act: appeals and demands


def _keeps_peace(trigger: Token, words: Collection[str]) -> bool:
    """Whether the phrase of a deployment or arrival says the forces keep the peace: a
    peacekeeping word, or a noun it modifies, as the act's subject or object, in its "as",
    "on" or "for" phrase, or as the object or "as"/"in" phrase of its to-clause of purpose
    ("peacekeeping troops arrived", "on a peacekeeping mission", "to serve as a peacekeeping
    force"), not anywhere else in the clause ("sent troops to fight near the peacekeeping
    base"). An event noun's phrase may hang on the verb whose object it is ("announced the
    deployment of troops to Mali on a peacekeeping mission")."""
    holders = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj"):
        holders.append(head_of(trigger))
    nouns = [c for h in holders for c in children_of(h)
             if c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")]
    nouns += [g for h in holders for p in ("as", "on", "for") for g in pobjs(h, p)]
    for clause in children_of(trigger):
        if clause.dep_ in ("xcomp", "advcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in children_of(clause)):
            nouns += [c for c in children_of(clause) if c.dep_ in ("dobj", "obj")]
            nouns += [g for p in ("as", "in") for g in pobjs(clause, p)]
    return any(t.lemma_.lower() in words for n in nouns
               for t in [n, *(c for c in children_of(n) if c.dep_ in ("compound", "amod"))])


def _as_preposition(v: Token, words: Collection[str]) -> bool:
    """Is ``v`` a participle used as a preposition ("a failure considering the war", "talks
    regarding the border"): one of ``words``, with no subject or auxiliary of its own?"""
    return v.lower_ in words and v.tag_ in ("VBG", "VBN") and v.dep_ in (
        "prep", "acl", "advcl") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in children_of(v))


HEADING = re.compile(r"==+\s*([^=\n]+?)\s*==+")


def _back_matter(tok: Token, names: Collection[str],
                 headings: Sequence[tuple[int, str]]) -> bool:
    """Is ``tok`` under a wiki heading of back matter (``back_matter``: "==See also==*2009
    harbour bombing"), the last of ``headings`` (offset, name) before it?"""
    last = bisect.bisect_right(headings, (tok.idx, "")) - 1
    return last >= 0 and headings[last][1] in names


def _said_against(v: Token, words: Collection[str]) -> bool:
    """Is the verb ``v`` joined to a verb of criticism (``verbal_partners``: "to attack and
    critique the governor")? The two then name one act in words."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    partners = [c for c in children_of(v) if c.dep_ == "conj"]
    if v.dep_ == "conj":
        partners.append(head_of(v))
    return any(p.lemma_.lower() in words or p.lower_ in words for p in partners)


def _question_put(v: Token, words: Collection[str]) -> bool:
    """Is ``v`` a verb of asking (``question_verbs``) in the passive, or a bare participle,
    with no agent and no to-infinitive ("he was asked about the leak", "asked whether she
    would run"): a question put to someone, not an appeal ("was asked to resign")?"""
    if v.lemma_.lower() not in words or v.tag_ != "VBN":
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(v)) or (v.dep_ in (
        "advcl", "acl") and not any(c.dep_ in ("nsubj", "aux") for c in children_of(v)))
    return passive and not any(c.dep_ in ("agent", "xcomp", "dobj", "dative")
                               for c in children_of(v))


def _spent_in(v: Token, words: Collection[str]) -> bool:
    """Is ``v`` a past participle that says in what state a span of time was spent ("has
    spent nine years imprisoned", "spent two years detained"; ``span_verbs``)? The
    participle hangs on the verb or on its object, the span."""
    if v.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                              for c in children_of(v)):
        return False
    head = head_of(v)
    if v.dep_ == "acl" and head.dep_ in ("dobj", "npadvmod") and head.i < v.i:
        head = head_of(head)
    return v.dep_ in ("xcomp", "oprd", "advcl", "acl") and head.i < v.i \
        and head.lemma_.lower() in words


def _asked_for(f: Found, found: list[Found]) -> Found | None:
    """The appeal or demand whose object is the event noun of ``f`` ("asked for the
    release of the prisoners", "called for the withdrawal of troops"), or whose
    to-complement is the verb of ``f`` where no frame has recoded it ("called on the
    government to declare an emergency"), or None: the act asked for has not happened, and
    the appeal (whose target it gives) is the event."""
    n = f.trigger
    if n.pos_ in ("VERB", "AUX") and n.dep_ in ("xcomp", "advcl", "ccomp") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(n)) \
            and "<" not in f.pattern:
        verb = head_of(n)  # "called on the government to declare an emergency": what it asks
    elif n.pos_ != "NOUN" or n.dep_ != "pobj" or head_of(n).dep_ != "prep":
        return None
    else:
        verb = head_of(head_of(n))
    return next((g for g in found if g is not f and g.trigger.i == verb.i
                 and g.code.startswith(APPEALS)), None)


def _describes(trigger: Token, continuing: frozenset[str], acts: Collection[str]) -> bool:
    """Is the verb a present-tense relative clause that describes its noun ("forces who
    continue to ambush convoys", "militias that attack aid convoys"), no one event? A
    present simple in a relative clause says what its noun is or does, not what happened.
    Not on a noun of ``acts``, an event or a document: "a report that calls on X" is its
    author's appeal."""
    v = trigger
    if v.dep_ == "xcomp" and head_of(v).lemma_.lower() in continuing:
        v = head_of(v)  # "who continue to ambush", "that tend to attack"
    return v.dep_ == "relcl" and v.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in ("aux", "auxpass") for c in children_of(v)) \
        and head_of(v).lemma_.lower() not in acts


def _nonfinite_description(trigger: Token, acts: Collection[str], accusing: Collection[str],
                           is_actor: Callable[[Token], bool]) -> bool:
    """Is the verb a non-finite form that describes a noun, not an act that happened:
    a participle after an actor ("forces opposing the occupation"), a gerund after a
    preposition of a noun or an adjective ("key to pressuring the rebels", "years of fighting
    the rebels")? The modality stage has found no plan or wish in it (asserted or reported).
    Not after a noun of ``acts``, an event, a document or a plan: "an attack killing five" is
    the attack's toll, "a declaration demanding X" its author's demand. An infinitive is no
    description: "sent troops to distribute supplies" says what they were sent for. An event
    noun that such a verb governs is part of the description ("forces opposing the
    occupation")."""
    if trigger.pos_ == "NOUN":
        return trigger.dep_ in ("dobj", "obj") and head_of(trigger).pos_ == "VERB" \
            and _nonfinite_description(head_of(trigger), acts, accusing, is_actor)
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    v = trigger
    while v.dep_ == "conj" and head_of(v).i != v.i:
        v = head_of(v)  # "reasons to attack and criticize": the first verb says how both stand
    head = head_of(v)
    if head.i == v.i or v.tag_ != trigger.tag_:
        return False
    if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and not _of_acts(head, acts):
        return v.tag_ == "VBG" and is_actor(head)
    # not on the object of an accusation: "accused the guerrillas of kidnapping" says what
    # they did, the phrase hung by the parse on the object
    noun = head_of(head)
    return (v.dep_ == "pcomp" and v.tag_ == "VBG" and head.dep_ == "prep"
            and noun.pos_ in ("NOUN", "ADJ") and not _of_acts(noun, acts)
            and not (noun.dep_ in ("dobj", "obj") and head_of(noun).lemma_.lower() in accusing))


def _of_acts(noun: Token, acts: Collection[str]) -> bool:
    """Is ``noun``, or the noun its by- or of-phrase hangs on ("an attempt by the rebels
    [to kidnap]"), one of ``acts``?"""
    if noun.lemma_.lower() in acts:
        return True
    prep = head_of(noun)
    return (noun.dep_ == "pobj" and prep.lower_ in ("by", "of") and head_of(prep).i != prep.i
            and head_of(prep).lemma_.lower() in acts)


def _commentator(book: ActorBook, f: Found) -> str | None:
    """The commentator who is the source of a verbal event ("a law professor told the
    channel"), or None: someone with no political role whose remark is no event."""
    tok = f.source_at
    if tok is None or load_cameo()[f.code].quad_class not in (1, 3):
        return None
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in children_of(tok)
                                   if c.dep_ in ("compound", "amod"))}
    hit = words & book.d.commentators
    return min(hit) if hit else None


def _former(tok: Token | None, marks: Collection[str]) -> bool:
    """Is the speaker ``tok`` described as out of office ("former diplomat Ann Lee",
    "Smith, a former party chairman", ``former_marks``): in its own words, a compound before
    it, or an apposition?"""
    if tok is None:
        return False
    nouns = [tok, *(c for c in children_of(tok) if c.dep_ in ("compound", "appos"))]
    return any(c.dep_ == "amod" and c.lower_ in marks for n in nouns for c in children_of(n))


def _confidence(f: Found, book: ActorBook) -> float:
    """A heuristic score: both actors named and identified, and a specific pattern, score high."""
    score = 0.45
    for key in (f.source, f.target):
        if key is not None:
            code = book.records[key].code
            score += 0.2 if code and not code.startswith("---") else 0.1
    if f.specific:
        score += 0.1
    if f.pattern.startswith("noun") or f.trigger.dep_ in ("acl", "relcl"):
        score -= 0.1  # a noun, or a relative clause ("who had been arrested"): background
    if f.modality in ("planned", "hypothetical", "negated"):
        score -= 0.1  # said to be intended or possible, or denied: not known to have happened
    if f.extra.get("target_by") == "phrase":
        score -= 0.1  # a target only by the rule of last resort
    return round(max(0.05, min(0.95, score)), 2)
