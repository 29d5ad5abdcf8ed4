"""Actor chains: every mention of one actor in an article linked into one chain.

News names an actor once in full and then refers back to it: "Lars Eide" ... "Eide" ... "the
ambassador" ... "he". Events, quotes and speakers need the actor of every such mention, so
``ActorBook`` records each mention here as it resolves the document in reading order, and asks
here who a pronoun or a bare role noun stands for.

A mention carries what agreement needs: whether it names a person (a name, or a singular
person noun such as "the president"), its number, its gender (from a title, a gendered noun, a
given name, or a pronoun already linked to its actor) and its grammatical role. A pronoun is
matched to the earlier mention that agrees with it and scores best on salience: subjects and
topics first, nearer sentences first, the same role as the pronoun, an actor already mentioned
often; the binding rule keeps "him" from being its own verb's subject. A definite role noun
("the president", "the gunman") points back to the last actor the text gave that role.
Everything is read from the parse and the word lists in ``data/chains.yaml``: no model, no
download, and a cost linear in the number of mentions times a small window.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from tacitus.data import ChainWords
from tacitus.data.gazetteer import load_gazetteer
from tacitus.nlp.tree import children_of, head_of, sentences_of, tokens_of

SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "obj", "pobj", "dative", "iobj"}
# labels the recognizer puts on names of people it does not know ("Davina" as a GPE)
NAME_LABELS = {"", "PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART",
               "EVENT"}
# labels the small model gives many unfamiliar surnames ("Hartwig" as a GPE, "Cole" as a
# PRODUCT, "Lambrecht" as an EVENT): one such word that is a verb's subject, and that names
# no known place (or does what only people do), is a person
MISTAKEN_LABELS = {"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
# a place this large, or any region, keeps its label ("Fallujah said" speaks for the town)
PLACE_POPULATION = 20_000
# clauses whose verb takes its subject from the verb above ("Ruiz left, telling him")
CONTROLLED = {"xcomp", "advcl", "pcomp", "acl"}
# quotation marks: opening (the tokenizer splits a TeX-style `` into two `), closing, either
OPENING = {"`", "``", "\u201c", "\u00ab"}
CLOSING = {"''", "\u201d", "\u00bb"}
STRAIGHT = '"'
# verbs whose subject is the speaker of a quote ("Werner asked: '... was she allowed?'")
SPEECH_VERBS = {"say", "ask", "tell", "write", "add", "state", "declare", "explain", "note",
                "comment", "reply", "answer", "remark", "claim", "insist", "argue", "complain"}
WINDOW = 3  # sentences back that a pronoun looks for its antecedent
ROLE_WINDOW = 40  # sentences back that "the president" looks for its president
_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "œ": "oe"})

@dataclass
class _Context:
    i: int  # the pronoun
    ancestors: set[int]
    counts: Counter  # mentions of each actor before it
    nearest: dict[bool, int]  # the nearest mention naming a person (True) or not (False)
    coordinated: set[int]  # the phrase its own phrase is coordinated with ("X and her son")
    closest: str | None = None  # the actor of the agreeing candidate nearest the pronoun
    # the pronoun is the subject of its sentence's main verb: it continues the previous
    # sentence's main subject more often than its other people (role parallelism)
    main: bool = False

@dataclass
class Mention:
    """One mention of an actor, with the features agreement and salience read."""

    i: int  # the head token
    key: str  # the actor
    sent: int  # the sentence's index in the document
    role: str  # "subj", "obj", "poss" or "other"
    person: bool
    plural: bool
    gender: str | None
    named: bool
    # plural only as the first of coordinated phrases ("Isabella and her mother"): "they"
    # means them all, and "she" may still mean the one person that heads them
    joined: bool = False
    # a lone unknown name the recognizer called an organization ("Tinning confessed"): the
    # small model labels many surnames so; "he" or "she" may still mean it, after a person
    unsure: bool = False
    # the gender comes from a given name alone ("Louis", "Kim"): names given to both sexes,
    # foreign names, and a wife's surname after her husband's full name ("married John Patey
    # ... Patey ... She") make it a guess that a pronoun of the other gender may overrule
    weak: bool = False

@lru_cache(maxsize=65536)
def ascii_name(word: str) -> str:
    """A name as the given-name list writes it: lowercase ASCII ("Łukasz" -> "lukasz").
    Cached: the resolver folds the same few names for every dictionary match."""
    word = word.translate(_ASCII)
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c)).lower()

def names_place(word: str) -> bool:
    """Whether ``word`` names a region or a sizeable town in the gazetteer, by its own name
    or another ("Fallujah" for Al Fallujah, "Raqqa" for Ar Raqqah)."""
    return any(e.fcode.startswith(("ADM", "PCL")) or e.population >= PLACE_POPULATION
               for e, _ in load_gazetteer().lookup(word))


def compound_subject(tok: Token) -> bool:
    """Whether ``tok`` is a name the parse hung as a compound on its own verb, tagged a plural
    noun: "Jimmy delays paying", "Joel convinces Andy" (the tagger reads "delays" as a noun and
    "Jimmy" as its modifier). The verb heads its sentence, or is tagged a verb, and has no
    article or other modifier a noun would have ("the Pyramid figures", "Illinois citizens"
    as a subject stay nouns)."""
    if tok.dep_ != "compound" or tok.pos_ != "PROPN" or not tok.is_title:
        return False  # the word's own tags first: reading its head builds a token
    verb = head_of(tok)
    return verb.i == tok.i + 1 and verb.is_lower and verb.lower_.endswith("s") \
        and verb.dep_ != "compound" \
        and (verb.tag_ == "VBZ" or (verb.tag_ == "NNS" and verb.dep_ == "ROOT")) \
        and not any(c.dep_ in ("det", "amod", "nummod", "poss") for c in children_of(verb))


def role_of(tok: Token) -> str:
    if tok.dep_ in SUBJECTS or compound_subject(tok):
        return "subj"
    if tok.dep_ == "poss":
        return "poss"
    if tok.dep_ in OBJECTS:
        return "obj"
    return "other"

class Chains:
    """The mentions of one document, and the antecedents of its pronouns and role nouns."""

    # scripts/fit_chain_weights.py sets this to read each pronoun's candidates as they were
    # when it was resolved (features read after the whole document differ)
    TRACE = False

    def __init__(self, doc: Doc, words: ChainWords) -> None:
        self.doc = doc
        self.w = words
        self.mentions: list[Mention] = []  # in token order
        self._starts: list[int] = []
        self.gender: dict[str, str] = {}  # actor key -> its gender, once known
        self._weak: set[str] = set()  # actors whose gender only a given name says
        # actors whose gender only a pronoun linked to them says: the ranker's own guess,
        # which a later pronoun of the other gender may still overrule
        self._by_pronoun: set[str] = set()
        # the lone surname the last pronoun chose against its full name's given name
        self.clashed: Mention | None = None
        self.roles: dict[str, set[str]] = {}  # actor key -> role nouns the text gave it
        self.count: Counter[str] = Counter()
        self.group: dict[int, list[str]] = {}  # a plural pronoun -> all its actors
        self.traced: dict[int, list[tuple[str, dict[str, float]]]] = {}
        self._ctx: _Context | None = None
        # the actor ahead of the pronoun now ranked whose gender only a lone given name
        # guessed against the pronoun's (see ``candidates``)
        self._guessed: str | None = None
        self._sent = {}
        # the words of names the recognizer labels people somewhere in the document (the
        # resolver fills it): such a word read as an adverb elsewhere is still that name
        self.person_words: set[str] = set()
        # how often each capitalized word occurs: a word the tagger reads as a noun but that
        # the text writes with a capital each time ("Wiggins caught ... Wiggins") is a name
        self._capitals: Counter[str] = Counter()
        # the words inside quotation marks, and inside brackets ("Ana Ruiz (Eva Lind)": the
        # actor who plays her, seldom what a pronoun outside the brackets means)
        self._quoted: set[int] = set()
        self._bracketed: set[int] = set()
        quoted, depth = False, 0
        tokens = tokens_of(doc)
        for n, sent in enumerate(sentences_of(doc)):  # one pass: reading tokens is what costs
            for t in tokens[sent.start:sent.end]:
                self._sent[t.i] = n
                if t.is_title:
                    self._capitals[t.text] += 1
                elif t.is_punct or t.is_quote or t.is_space:
                    text = t.text
                    if text in OPENING or text in CLOSING or text == STRAIGHT:
                        quoted = text in OPENING or (text == STRAIGHT and not quoted)
                        continue
                    if text == "(":
                        depth += 1
                    elif text == ")":
                        depth = max(0, depth - 1)
                    elif "\n" in text:  # a new paragraph closes what an odd mark left open
                        quoted, depth = False, 0
                    continue
                if quoted:
                    self._quoted.add(t.i)
                if depth:
                    self._bracketed.add(t.i)
        pron = words.pronouns
        self.masculine, self.feminine = pron["masculine"], pron["feminine"]
        self.thing, self.plural = pron["thing"], pron["plural"]
        self.first_singular, self.first_plural = pron["first_singular"], pron["first_plural"]

    # -- features ---------------------------------------------------------------------
    def is_person_noun(self, head: Token) -> bool:
        """A singular noun that names one person ("the president", "a gunman")."""
        return head.tag_ in ("NN", "NNP") and head.lemma_.lower() in self.w.person_nouns

    def gender_of(self, head: Token, words: list[Token], name: str | None) -> str | None:
        """The gender the phrase says: a pronoun, a title, a gendered noun, a given name."""
        low = head.lower_
        if low in self.masculine:
            return "m"
        if low in self.feminine:
            return "f"
        for t in words:
            g = self.w.titles.get(t.lower_.rstrip(".")) or self.w.gendered.get(t.lemma_.lower())
            if g:
                return g
        if name:
            first = [p for p in name.split() if p.rstrip(".").lower() not in self.w.titles]
            if len(first) > 1 or (first and head.text == name):
                # a lone word is a surname as often as a given name, unless the text never
                # gave the person more than it ("Lena ... she"): then it is what it is called
                return self.w.given.get(ascii_name(first[0]))
        return None

    def looks_like_name(self, head: Token) -> bool:
        """Whether a proper noun phrase the recognizer missed is a person's name: two or more
        capitalized words, the first a given name or a title ("Lars Eide", labelled ORG by the
        model; "Mr Haldane"); one given name the recognizer took for a place, a work or an
        organization ("Davina", labelled GPE: the small model labels many unfamiliar lone
        names so; the dictionary has already claimed the real places a name can spell,
        "Jordan", "Georgia"); an unlabelled lone name that acts or owns ("Okafor said") and
        that names no region or sizeable town ("Raqqa fell" is the town); one
        labelled a place or a work that is a verb's subject and that the gazetteer knows as no
        region or sizeable town ("Hartwig began", GPE); a given name, or a word the text writes
        capitalized more than once, tagged as a noun that acts ("Ellen catches", "Wiggins
        caught ... Wiggins")."""
        misread = self.misread_subject(head)
        acts = (head.dep_ in SUBJECTS and head_of(head).pos_ in ("VERB", "AUX")) \
            or head.dep_ == "poss" or misread
        if head.pos_ in ("NOUN", "ADJ", "ADV") and head.is_title and head.ent_type_ == "":
            # "Ellen catches the eye", the name tagged as a noun: a name that acts
            return acts and (ascii_name(head.text) in self.w.given
                             or self._capitals[head.text] > 1) \
                and not any(c.dep_ in ("det", "compound", "amod") for c in children_of(head))
        if head.pos_ != "PROPN" or head.ent_type_ not in NAME_LABELS:
            return False
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        first = (words or [head])[0]
        if not first.text[:1].isupper() or (not words and head.ent_type_ in ("PERSON", "NORP")):
            return False  # a lone word the recognizer took for a person or a people is its call
        if words and head.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
            return False  # "Santa Monica": several words the recognizer calls a place
        if words and self.is_title(first):
            return True  # "Mr Haldane", "Dr. Okafor": the title says it is a person
        if not words and head.ent_type_ == "" and not head.is_upper and acts \
                and not any(c.dep_ == "det" for c in children_of(head)) \
                and (not names_place(head.text) or self._person_verb(head)):
            return True  # "Okafor said", "Okafor's view": an unknown name that acts or owns
        if not words and head.ent_type_ in MISTAKEN_LABELS and not head.is_upper \
                and (head.dep_ in SUBJECTS or misread) and acts \
                and not any(c.dep_ == "det" for c in children_of(head)) \
                and (not names_place(head.text) or self._person_verb(head)):
            # "Hartwig began", labelled GPE: a surname no map knows, acting; "Rivera sang":
            # a town's name, but only people sing
            return True
        name = ascii_name(first.text)
        return name in self.w.given or name in self.w.given_either

    def misread_subject(self, tok: Token) -> bool:
        """Whether ``tok`` is a name the parse gave its verb as anything but a subject: a
        compound of the verb read as a noun ("Jimmy delays paying"), or a given name read as
        an adverb of a verb with no subject ("Dolly plans a party", "Dolly" as ADV)."""
        if compound_subject(tok):
            return True
        if tok.pos_ not in ("ADV", "ADJ") or tok.dep_ != "advmod" or not tok.is_title:
            return False  # the word's own tags first: reading its head builds a token
        verb = head_of(tok)
        return tok.i == verb.i - 1 and verb.pos_ == "VERB" \
            and (ascii_name(tok.text) in self.w.given or tok.text in self.person_words) \
            and not any(c.dep_ in SUBJECTS for c in children_of(verb))

    def _person_verb(self, head: Token) -> bool:
        """Whether the verb ``head`` is the subject of says only a person does it ("sang",
        "married"; "was born": ``bear`` in the passive)."""
        verb = head_of(head)
        if compound_subject(head):
            return verb.lower_[:-1] in self.w.person_verbs \
                or verb.lower_[:-2] in self.w.person_verbs  # "sings", "kisses"
        return verb.lemma_.lower() in self.w.person_verbs

    def is_title(self, tok: Token) -> bool:
        """Whether a word is a title or its abbreviation ("Mr", "Sen.", "Queen")."""
        word = tok.lower_.rstrip(".")
        return word in self.w.titles or word in self.w.abbreviations

    # -- recording --------------------------------------------------------------------
    def add(self, head: Token, key: str, *, person: bool, words: list[Token],
            name: str | None = None, plural: bool | None = None, unsure: bool = False
            ) -> None:
        """Record that the phrase headed by ``head`` mentions actor ``key`` (``unsure``: a
        lone name labelled an organization, which may be a person's surname)."""
        said = given = None
        if person or unsure:  # a pronoun, title or noun says it; else the given name guesses
            said = self.gender_of(head, words, None) or self._predicated(head)
            given = self.gender_of(head, words, name) if said is None and name else None
        gender = said or given
        by_pronoun = head.lower_ in self.masculine or head.lower_ in self.feminine
        if said and (key not in self.gender or key in self._weak
                     or (key in self._by_pronoun and not by_pronoun)):
            self.gender[key] = said
            self._weak.discard(key)
            if by_pronoun:
                self._by_pronoun.add(key)
            else:
                self._by_pronoun.discard(key)
        elif given and key not in self.gender:
            self.gender[key] = given
            self._weak.add(key)
        joined = False
        if plural is None:
            # a person's name ending in s is no plural ("Stokes", "Robles", tagged NNPS)
            alone = (head.tag_ in ("NNS", "NNPS") and not (person and name)) \
                or head.lower_ in self.plural
            joined = not alone and any(c.dep_ == "conj" for c in children_of(head))
            plural = alone or joined
        for t in words:  # "President Ortega", "Sen. Graham": roles a later noun names
            if t.i > head.i:
                continue
            if self.is_person_noun(t):
                self.roles.setdefault(key, set()).add(t.lemma_.lower())
            elif t.lower_.rstrip(".") in self.w.abbreviations:
                self.roles.setdefault(key, set()).add(self.w.abbreviations[t.lower_.rstrip(".")])
        role = "subj" if self.misread_subject(head) else role_of(head)
        m = Mention(head.i, key, self._sent.get(head.i, 0), role, person, plural,
                    gender, bool(name), joined, unsure and not person,
                    given is not None and self._lone_part(head, name))
        pos = bisect.bisect_left(self._starts, head.i)
        if pos < len(self._starts) and self._starts[pos] == head.i:
            self.mentions[pos] = m
        else:
            self._starts.insert(pos, head.i)
            self.mentions.insert(pos, m)
        self.count[key] += 1

    def _predicated(self, head: Token) -> str | None:
        """The gender a copula says of its subject: "Okafor is an actress", "Hale was the
        king's son" (the noun it is called, when that noun has a gender)."""
        verb = head_of(head)
        if head.dep_ not in SUBJECTS or verb.lemma_ != "be":
            return None
        return next((g for c in children_of(verb) if c.dep_ == "attr"
                     and (g := self.w.gendered.get(c.lemma_.lower()))), None)

    def split(self, m: Mention, key: str, gender: str) -> None:
        """Mention ``m`` (a lone surname) is actor ``key`` of ``gender``, not the person whose
        full name ends with it ("married John Patey ... Patey ... She": his wife)."""
        self.count[m.key] -= 1
        m.key, m.gender, m.weak = key, gender, False
        self.gender[key] = gender
        self._weak.discard(key)
        self.count[key] += 1

    def describe(self, key: str, nouns: list[str]) -> None:
        """Give actor ``key`` roles from outside the text (a dictionary person's title)."""
        for noun in nouns:
            if noun in self.w.person_nouns:
                self.roles.setdefault(key, set()).add(noun)

    def rename(self, old: str, new: str) -> None:
        """Actor ``old`` is ``new``: its mentions, gender and roles become ``new``'s."""
        for m in self.mentions:
            if m.key == old:
                m.key = new
        if old in self.gender:
            if new not in self.gender and old in self._weak:
                self._weak.add(new)
            self.gender.setdefault(new, self.gender.pop(old))
        self._weak.discard(old)
        self.roles.setdefault(new, set()).update(self.roles.pop(old, set()))
        self.count[new] += self.count.pop(old, 0)
        for i, keys in self.group.items():
            self.group[i] = list(dict.fromkeys(new if k == old else k for k in keys))

    # -- resolution -------------------------------------------------------------------
    def sentence_of(self, i: int) -> int:
        return self._sent.get(i, 0)

    def preceding(self, i: int):
        """The mentions before token ``i``, nearest first (a bisect, not a scan)."""
        for j in range(bisect.bisect_left(self._starts, i) - 1, -1, -1):
            yield self.mentions[j]

    def _before(self, tok: Token, sentences: int) -> list[Mention]:
        here = self._sent.get(tok.i, 0)
        pos = bisect.bisect_left(self._starts, tok.i)
        out = []
        for j in range(pos - 1, -1, -1):
            m = self.mentions[j]
            if here - m.sent > sentences:
                break
            out.append(m)
        return out

    def pronoun(self, tok: Token, kinds: dict[str, str], ahead: Mention | None = None
                ) -> str | None:
        """The actor a third-person pronoun stands for (None when nothing agrees).

        kinds: actor key -> record kind ("person", "country", "organization"...); ahead: the
        subject of the main clause when the pronoun sits in a phrase before it ("After his
        release, Smith said"), a candidate too."""
        low = tok.lower_
        best, score = None, -math.inf
        found = self.candidates(tok, kinds, ahead)
        self._context(tok).closest = min(found, key=lambda m: abs(tok.i - m.i)).key \
            if found else None
        for m in found:
            if self.TRACE:
                self.traced.setdefault(tok.i, []).append((m.key, self.features(tok, m)))
            s = self._salience(tok, m)
            if s > score:
                best, score = m, s
        if best is None or (low in self.plural and tok.dep_ in OBJECTS
                            and self._thing_between(best, tok)):
            return None
        if low in self.plural:  # "Egypt and Sudan said they": both
            head = self.doc[best.i]
            keys = [best.key] + [k for c in head.conjuncts
                                 if (k := self.key_at(c.i)) and k != best.key]
            if len(keys) > 1:
                self.group[tok.i] = keys
        said = "m" if low in self.masculine else "f" if low in self.feminine else None
        self.clashed = best if best.weak and self._clash(tok, best) \
            and best.key not in self._by_pronoun else None
        if self.clashed is not None:
            return best.key  # another person of that surname: the resolver splits it off
        if said and (best.key not in self.gender or best.key in self._weak):
            self.gender[best.key] = said  # a pronoun settles what a given name guessed
            self._weak.discard(best.key)
            self._by_pronoun.add(best.key)
        return best.key

    def _thing_between(self, best: Mention, tok: Token) -> bool:
        """Whether a plural object that is no actor stands between ``best`` and the plural
        object pronoun, in its sentence: "carried the bombs to the square before detonating
        them" means the bombs, not whoever carried them."""
        start = max(best.i + 1, tok.sent.start)
        return any(t.tag_ in ("NNS", "NNPS") and t.dep_ in OBJECTS and self.key_at(t.i) is None
                   and not self.is_person_noun(t) for t in self.doc[start:tok.i])

    def candidates(self, tok: Token, kinds: dict[str, str], ahead: Mention | None = None
                   ) -> list[Mention]:
        """The earlier mentions (and ``ahead``) that agree with ``tok`` and binding allows."""
        low = tok.lower_
        if low in self.masculine or low in self.feminine:
            want = "m" if low in self.masculine else "f"

            def fits(m: Mention) -> bool:
                gender, sure = self._gender(m)
                return (m.person or m.unsure) and (not m.plural or m.joined) \
                    and (gender in (None, want) or not sure)
        elif low in self.thing:
            def fits(m: Mention) -> bool:
                return not m.person and not m.plural
        elif low in self.plural:
            def fits(m: Mention) -> bool:
                return (m.plural or kinds.get(m.key) in ("organization", "armed_group",
                                                         "group", "government")) \
                    and not (m.person and not m.plural)
        else:
            return []
        found = [m for m in self._before(tok, WINDOW) if fits(m) and not self._bound(tok, m)]
        self._guessed = ahead.key if ahead is not None and not fits(ahead) \
            and (low in self.masculine or low in self.feminine) and self._guess(ahead) else None
        return found + ([ahead] if ahead is not None and (fits(ahead) or self._guessed) else [])

    def _guess(self, m: Mention) -> bool:
        """Whether only a given name guessed the gender of ``m``'s actor, a single person
        the text names by one word alone ("Ross", "Ryan": surnames as often as given names).
        A pronoun in a phrase before that name's clause may still mean it ("With her sister,
        Ross toured the north")."""
        return m.person and not m.plural and m.key in self._weak and all(
            not any(c.dep_ == "compound" for c in self.doc[o.i].lefts)
            for o in self.mentions if o.key == m.key)

    @staticmethod
    def _lone_part(head: Token, name: str | None) -> bool:
        """Whether ``head`` is one word of a longer name ("Patey", after "John Patey")."""
        return name is not None and " " in name \
            and not any(c.dep_ == "compound" for c in head.lefts)

    def _gender(self, m: Mention) -> tuple[str | None, bool]:
        """The gender of ``m``'s actor, and whether anything surer than a given name says it
        (a title, a gendered noun, a pronoun already linked)."""
        if m.gender and not m.weak:
            return m.gender, True
        return self.gender.get(m.key), (not m.weak or m.key not in self._weak) \
            and m.key not in self._by_pronoun

    def _clash(self, tok: Token, m: Mention) -> bool:
        """Whether the pronoun ``tok`` has the other gender than a given name guessed for
        ``m``'s actor."""
        low = tok.lower_
        want = "m" if low in self.masculine else "f" if low in self.feminine else None
        gender = self._gender(m)[0]
        return want is not None and gender is not None and gender != want

    def mention_at(self, i: int) -> Mention | None:
        pos = bisect.bisect_left(self._starts, i)
        if pos < len(self._starts) and self._starts[pos] == i:
            return self.mentions[pos]
        return None

    def _bound(self, tok: Token, m: Mention) -> bool:
        """Whether the binding rules keep ``tok`` from meaning ``m``'s actor: "Smith praised
        him" (not Smith), "his brother" (not the brother), a mention inside the pronoun's own
        phrase."""
        cand = self.doc[m.i]
        if tok.dep_ == "poss" and cand.i == head_of(tok).i:
            return True
        if tok.dep_ in OBJECTS and not tok.lower_.endswith("self"):
            verb = head_of(head_of(tok)) if tok.dep_ == "pobj" else head_of(tok)
            # the verb's own subject, by any mention of its actor ("The president urged him"),
            # also the one it takes from the verb above ("Ruiz left, telling him ...")
            if m.key in {self.key_at(c.i) for c in self._doers(verb)}:
                return True
        return False

    def _doers(self, verb: Token) -> list[Token]:
        """Who does what ``verb`` says: its subject, or for a verb without one ("telling
        him", "to call him") the subject of the verb it hangs from (and that verb's object,
        which "urged Ruiz to call him" makes the caller), up to a clause with a subject."""
        seen = 0
        while seen < 4:  # "decided to try to call him": a short chain of verbs at most
            subjects = [c for c in children_of(verb)
                        if c.dep_ in SUBJECTS or self.misread_subject(c)]
            if subjects or verb.dep_ not in CONTROLLED or head_of(verb).i == verb.i:
                return subjects
            if verb.dep_ == "xcomp":
                objects = [c for c in children_of(head_of(verb)) if c.dep_ in ("dobj", "obj")]
                if objects:
                    return objects
            verb = head_of(verb)
            if verb.dep_ == "prep" and head_of(verb).i != verb.i:
                verb = head_of(verb)  # "carried the bombs before detonating them": "carried"
            seen += 1
        return []

    def features(self, tok: Token, m: Mention) -> dict[str, float]:
        """What salience reads of candidate ``m`` for pronoun ``tok`` (see ``weights`` in
        chains.yaml, which says what each one means)."""
        cand = self.doc[m.i]
        here = self._context(tok)
        distance = self._sent.get(tok.i, 0) - m.sent
        holds = distance == 0 and m.role == "subj" and head_of(cand).i in here.ancestors
        first = self.mentions[0].key if self.mentions else None
        nearest = here.nearest.get(m.person)
        quoted = tok.i in self._quoted
        speaker = quoted and m.i not in self._quoted and m.role == "subj" \
            and head_of(cand).lemma_ in SPEECH_VERBS and 0 <= distance <= 1
        return {
            "sentences_back": float(distance),
            "words_back": math.log1p(abs(tok.i - m.i) / 10),
            "subject": float(m.role == "subj"),
            "main_subject": float(m.role == "subj" and head_of(cand).dep_ == "ROOT"),
            "clause_subject": float(holds),
            "same_role": float(m.role == role_of(tok)),
            "named": float(m.named),
            "mentions": math.log1p(here.counts[m.key]),
            "first_actor": float(m.key == first),
            "in_phrase": float(cand.dep_ in ("pobj", "poss", "compound", "appos")),
            "gender_known": float(bool(m.gender or self.gender.get(m.key))),
            "nearest": float(nearest == m.i),
            "object": float(m.role == "obj"),
            "ahead": float(m.i > tok.i),
            "coordinated": float(m.i in here.coordinated),
            "unsure_person": float(m.unsure),
            "same_sentence": float(distance == 0),
            "closest": float(m.key == here.closest),
            "appos": float(cand.dep_ == "appos"),
            "conj": float(cand.dep_ == "conj"),
            "gender_clash": float(self._clash(tok, m) and m.key != self._guessed
                                  and m.key not in self._by_pronoun),
            "quoted_candidate": float(m.i in self._quoted and not quoted),
            "quoted_pronoun": float(quoted and m.i not in self._quoted),
            "speaker_quoted": float(speaker),
            "in_brackets": float(m.i in self._bracketed and tok.i not in self._bracketed),
            "pronoun_clash": float(self._clash(tok, m) and m.key in self._by_pronoun),
            "pron_main": float(here.main),
        }

    def _context(self, tok: Token) -> _Context:
        """What every candidate of one pronoun shares (read once per pronoun)."""
        if self._ctx is None or self._ctx.i != tok.i:
            counts: Counter[str] = Counter()
            nearest: dict[bool, int] = {}
            for c in self.preceding(tok.i):
                counts[c.key] += 1
                nearest.setdefault(c.person, c.i)
            main = role_of(tok) == "subj" and head_of(tok).dep_ == "ROOT"
            self._ctx = _Context(tok.i, {a.i for a in tok.ancestors}, counts, nearest,
                                 self._coordinated(tok), main=main)
        return self._ctx

    @staticmethod
    def _coordinated(tok: Token) -> set[int]:
        """The phrase that the pronoun's own phrase is coordinated with: "Isabella and her
        mother" (her, the mother's possessor, is Isabella)."""
        phrase = head_of(tok) if tok.dep_ == "poss" else tok
        return {c.i for c in phrase.conjuncts if c.i < phrase.i}

    def _salience(self, tok: Token, m: Mention) -> float:
        f = self.features(tok, m)
        return sum(w * f[a] * (f[b] if b else 1.0) for a, b, w in self.w.terms)

    def role(self, head: Token, besides: str | None = None) -> str | None:
        """The actor a definite role noun points back to: "the president" after "President
        Ortega", "the gunman" after "a gunman" (None when the text gave no one that role);
        ``besides``: an actor it cannot be, the possessor of "the governor's strategist"."""
        noun = head.lemma_.lower()
        for m in self._before(head, ROLE_WINDOW):
            if m.key != besides and noun in self.roles.get(m.key, ()):
                return m.key
        return None

    def key_at(self, i: int) -> str | None:
        pos = bisect.bisect_left(self._starts, i)
        if pos < len(self._starts) and self._starts[pos] == i:
            return self.mentions[pos].key
        return None
