"""Resolve noun phrases to actors, within one document.

A phrase is read from its head outwards: a dictionary person, organization, capital or
seat of power, country, or an agent noun ("officials", "troops") combined with the country
or organization that modifies it ("Afghan officials" -> AFGGOV, "Taliban fighters" -> TAL,
"the government of Pakistan" -> PAKGOV). Within the document, a surname, "he"/"she", "it" and
a definite description ("the movement", "the Gulf emirate") point back to an actor already
mentioned. Unknown persons and groups stay actors, with the country the text gives them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tacitus.actors.dictionary import Dictionary, Entry, role_on
from tacitus.model import Actor
from tacitus.model import Span as TextSpan

MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "nn"}
NP_DEPS = MODIFIER_DEPS | {"det", "case", "punct", "nummod", "quantmod", "prep", "pobj", "appos"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "inside", "outside", "throughout", "from",
                  "into", "to", "toward", "towards", "within", "around", "between", "via"}
STATE_AGENTS = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
THING_PRONOUNS = {"it", "its"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
GROUP_PRONOUNS = {"they", "them", "their"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
_NAMED = {"PERSON", "ORG", "NORP"}


@dataclass
class _Record:
    key: str
    name: str
    code: str | None
    country: str | None
    kind: str
    role: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)


class ActorBook:
    """The actors of one document and the noun phrases that name them."""

    def __init__(self, doc: Doc, dictionary: Dictionary, published: str | None) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.d = dictionary
        self.published = published
        self.records: dict[str, _Record] = {}
        self.by_head: dict[int, str | None] = {}
        self._order: list[int] = []  # token index of each mention, ascending
        self._order_keys: list[str] = []
        self._surnames: dict[str, str] = {}
        self.entry_at: dict[int, tuple[Span, Entry]] = {}
        for span, entry in dictionary.match(doc):
            for tok in span:
                self.entry_at[tok.i] = (span, entry)
        self._scan()

    # -- public -------------------------------------------------------------------------
    def actor_of(self, token: Token, *, slot: str = "arg") -> str | None:
        """The actor key for the noun phrase headed by ``token`` (None when it is no actor).

        slot: "arg" for subjects and objects; a locative preposition ("in", "at") where a
        capital or country is a place, not an actor; "target" for the object of an event
        noun ("attacks on Washington"), where a capital is its country, not its government.
        """
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = token.head.head
        if token.i in self.by_head and slot == "arg":
            return self.by_head[token.i]
        return self._resolve(token, slot)

    def partitive(self, head: Token) -> bool:
        """Whether ``head`` only counts or parts the actor of its "of" phrase ("thousands",
        "a group", "one")."""
        return head.lemma_.lower() in self.d.partitives or head.pos_ == "NUM"

    def coordinated(self, token: Token) -> list[str]:
        """Further actors of a phrase with coordinated qualifiers: "American and Afghan
        officials" is USAGOV and AFGGOV; ``actor_of`` gives the first, this the others."""
        hit = self.entry_at.get(token.i)
        if hit is None or hit[1].kind != "agent":
            return []
        out = []
        for child in token.children:
            if child.dep_ not in MODIFIER_DEPS:
                continue
            for conj in child.conjuncts:
                entry = self.entry_at.get(conj.i)
                if entry and entry[1].kind in ("country", "demonym", "metonym"):
                    key = self._state(entry[1].code, hit[1].code)
                    self._mention(key, conj, [conj])
                    out.append(key)
        return out

    def actors(self) -> list[Actor]:
        out = []
        for n, rec in enumerate(self.records.values(), start=1):
            out.append(Actor(
                id=f"a{n}", name=rec.name, code=rec.code, country=rec.country,
                kind=rec.kind, role=rec.role,  # type: ignore[arg-type]
                mentions=[TextSpan(start=s, end=e, text=t)
                          for (s, e), t in sorted(rec.mentions.items())],
            ))
        return out

    def ids(self) -> dict[str, str]:
        """Actor key -> output id ("a1"...), in the order ``actors()`` numbers them."""
        return {key: f"a{n}" for n, key in enumerate(self.records, start=1)}

    def country_at(self, code: str, head: Token) -> str | None:
        """The country ``code`` as an actor named by the place phrase headed by ``head``
        ("in Beijing": China), for CAMEO's place targets; None for a code with no country."""
        if code not in self.d.countries:
            return None
        key = self._country(code)
        self._mention(key, head, [head])
        return key

    def country_of(self, key: str | None) -> str | None:
        return self.records[key].country if key else None

    # -- building ---------------------------------------------------------------------
    def _scan(self) -> None:
        """Resolve, in reading order, every phrase headed by a dictionary match or name."""
        heads: list[Token] = []
        seen: set[int] = set()
        spans: list[Span] = [span for span, _ in self.entry_at.values()]
        spans += [e for e in self.doc.ents if e.label_ in _NAMED]
        spans += [self.doc[t.i : t.i + 1] for t in self.doc
                  if t.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
                  and t.pos_ == "PRON"]
        # "the Persian Gulf emirate", "the movement": resolved in reading order too, so that
        # a later "it" can continue them
        spans += [self.doc[t.i : t.i + 1] for t in self.doc
                  if t.pos_ == "NOUN" and t.lower_ in self.d.descriptor_heads
                  and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children)]
        for span in spans:
            head = _np_head(span.root)
            if head.i not in seen:
                seen.add(head.i)
                heads.append(head)
        for head in sorted(heads, key=lambda t: t.i):
            slot = "arg"
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                slot = head.head.lower_
            key = self._resolve(head, slot)
            if slot == "arg":
                self.by_head[head.i] = key

    def _resolve(self, head: Token, slot: str) -> str | None:
        if head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            key = self._pronoun(head)
            if key is not None:  # "he" is a mention too: it shows where a quote's speaker is
                self._mention(key, head, [head])
            return key
        np = _np_tokens(head)
        found = self._from_dictionary(head, np, slot)
        if found is None and head.i in self.entry_at and (
                slot in LOCATIVE_PREPS or self.entry_at[head.i][1].kind == "none"):
            return None  # "in Bamako", "Latin America": a place, not an unknown person
        if found is None:
            found = self._from_entity(head, np)
        if found is None and self.partitive(head):
            # "thousands of Iraqi Kurds", "a group of diplomats": the actor of the "of" phrase
            inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            if inner:
                return self.actor_of(inner[0], slot=slot)
        if found is None:
            found = self._from_description(head, np)
        if found is None and slot in ("arg", "target"):
            found = self._from_proper(head, np)
        if found is not None:
            self._mention(found, head, np)
        return found

    def _from_proper(self, head: Token, np: list[Token]) -> str | None:
        """A name the entity recognizer left unlabelled, in an event's argument ("an
        investigation against Boztepe"): an actor the dictionary does not know."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
            return None
        words = [t for t in np if t.pos_ == "PROPN" and t.i <= head.i]
        name = " ".join(t.text for t in words)
        if not name[:1].isupper():
            return None
        known = self._surnames.get(head.text)
        if known:
            return known
        qualifier = self._qualifier(head, np)
        country = qualifier[1] if qualifier and qualifier[0] == "country" else None
        return self._record(f"G|{name}", name, None, country, "group")

    def _from_dictionary(self, head: Token, np: list[Token], slot: str) -> str | None:
        hit = self.entry_at.get(head.i)
        if hit is None:
            return None
        _, entry = hit
        if entry.kind == "none":
            return None
        if entry.kind == "person":
            return self._person(entry.ref)
        if entry.kind == "org":
            return self._org(entry.code)
        if entry.kind == "metonym":
            if entry.capital and slot in LOCATIVE_PREPS:
                return None  # "an office in Kabul": a place, not the government
            if entry.capital and slot == "target":
                return self._country(entry.code)  # "attacks on Washington": the city
            return self._state(entry.code, entry.agent or "GOV")
        if entry.kind in ("country", "demonym"):
            if slot in LOCATIVE_PREPS:
                return None
            return self._country(entry.code)
        # An agent noun: qualify it by a country or organization in the phrase.
        if head.pos_ == "ADJ":
            return None  # "a general strike": an adjective, not the officer
        qualifier = self._qualifier(head, np) or self._located(head)
        if qualifier is None and any(t.lower_ == "the" and t.dep_ == "det" for t in head.children):
            # "the rebels" after "Somali rebels": the same actor again
            known = self._recent(head.i, lambda r, a=entry.code: bool(r.code) and r.kind != "person"
                                 and r.code.endswith(a) and not r.code.startswith("---"))
            if known:
                return known
        if qualifier is None:
            label = f"unidentified {self.d.agent_labels[entry.code]}"
            return self._record(f"X|{entry.code}", label, f"---{entry.code}", None,
                                _kind_of_agent(entry.code))
        kind, code = qualifier
        if kind == "org":
            return self._org(code)
        return self._state(code, entry.code)

    def _qualifier(self, head: Token, np: list[Token]) -> tuple[str, str] | None:
        """The country or organization that qualifies an agent noun in its phrase."""
        for tok in np:
            if tok.i == head.i:
                continue
            hit = self.entry_at.get(tok.i)
            if hit is None:
                if tok.lower_ in THING_PRONOUNS | {"their", "his", "her"} and tok.dep_ == "poss":
                    key = self._pronoun(tok)
                    if key and self.records[key].country:
                        return ("country", self.records[key].country)  # type: ignore[return-value]
                continue
            entry = hit[1]
            if entry.kind in ("country", "demonym", "metonym"):
                return ("country", entry.code)
            if entry.kind == "org":
                return ("org", entry.code)
            if entry.kind == "person" and entry.code:
                return ("country", entry.code)
        return None

    def _located(self, head: Token) -> tuple[str, str] | None:
        """An unqualified agent placed in a country: "rebels in the Ivory Coast" (CIV)."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside", "across", "throughout"):
                continue
            for obj in prep.children:
                hit = self.entry_at.get(obj.i) if obj.dep_ == "pobj" else None
                if hit and hit[1].kind in ("country", "metonym"):
                    return ("country", hit[1].code)
        return None

    def _from_entity(self, head: Token, np: list[Token]) -> str | None:
        if head.pos_ == "PROPN" and head.text in self._surnames and head.ent_type_ != "GPE":
            return self._surnames[head.text]  # "Fernwood", after "Tariq Fernwood"
        label = head.ent_type_
        if label == "PERSON":
            ent = _entity_of(head)
            name = ent.text if ent is not None else head.text
            known = self._surnames.get(name.split()[-1])
            if known:
                return known
            qualifier = self._qualifier(head, np)
            agent = next((self.entry_at[t.i][1].code for t in np
                          if t.i in self.entry_at and self.entry_at[t.i][1].kind == "agent"), None)
            code, country = None, None
            if qualifier and qualifier[0] == "org":
                code, country = qualifier[1], self.d.org_country.get(qualifier[1])
            elif qualifier:
                country = qualifier[1]
                code = country + (agent or "")
            key = self._record(f"U|{name}", name, code, country, "person")
            self._surnames[name.split()[-1]] = key
            return key
        if label in ("ORG", "NORP"):
            ent = _entity_of(head)
            if ent is None or ent.root.i != head.i:
                return None
            qualifier = self._qualifier(head, np)
            country = qualifier[1] if qualifier and qualifier[0] == "country" else None
            return self._record(f"G|{ent.text}", ent.text, None, country, "group")
        return None

    def _from_description(self, head: Token, np: list[Token]) -> str | None:
        """"the movement", "the Persian Gulf emirate": an actor already in the story."""
        if not any(t.lower_ == "the" and t.dep_ == "det" for t in head.children):
            return None
        words = [t for t in np if t.dep_ != "det" and t.i <= head.i and t.head.i >= head.i - 3]
        phrases = [" ".join(t.lower_ for t in words), head.lower_, head.lemma_.lower()]
        for phrase in phrases:
            codes = self.d.org_descriptors.get(phrase)
            if codes:
                # a member speaking for it counts: "Taliban spokesman X said the group ..."
                key = self._recent(head.i, lambda r, c=codes: r.code in c)
                if key:
                    code = self.records[key].code
                    return self._org(code) if self.records[key].kind == "person" else key
            codes = self.d.country_descriptors.get(phrase)
            if codes:
                key = self._recent(head.i, lambda r, c=codes: r.key in {f"C|{x}" for x in c})
                if key:
                    return key
        return None

    def _pronoun(self, tok: Token) -> str | None:
        if tok.lower_ in PERSON_PRONOUNS:
            fits, window = (lambda r: r.kind == "person"), 80
        elif tok.lower_ in GROUP_PRONOUNS:  # "the rebels said they ...": a group, not a person
            fits, window = (lambda r: r.kind not in ("person", "country")), 30
        else:
            fits, window = (lambda r: r.kind != "person"), 40
        if tok.dep_ in SUBJECT_DEPS:
            # a subject pronoun continues the last subject that fits ("Karzai hailed Biden's
            # statement. 'We are happy,' he said": Karzai), before any nearer mention
            key = self._recent(tok.i, fits, window, subjects_only=True)
            if key is not None:
                return key
        return self._recent(tok.i, fits, window)

    def _recent(self, before: int, fits, window: int = 400, subjects_only: bool = False
                ) -> str | None:
        pos = bisect.bisect_left(self._order, before)
        for j in range(pos - 1, -1, -1):
            if before - self._order[j] > window:
                break
            if subjects_only and self.doc[self._order[j]].dep_ not in SUBJECT_DEPS:
                continue
            rec = self.records[self._order_keys[j]]
            if fits(rec):
                return rec.key
        return None

    # -- records ------------------------------------------------------------------------
    def _record(self, key: str, name: str, code: str | None, country: str | None, kind: str,
                role: str | None = None) -> str:
        if key not in self.records:
            self.records[key] = _Record(key, name, code, country, kind, role)
        return key

    def _person(self, ref: int) -> str:
        p = self.d.persons[ref]
        code, title = role_on(p, self.published)
        key = self._record(f"P|{ref}", p.name, code, p.country, "person", title)
        for alias in [p.name, *p.aliases]:
            self._surnames.setdefault(alias.split()[-1], key)
        return key

    def _org(self, code: str) -> str:
        kind = {"armed_group": "armed_group"}.get(self.d.org_kind.get(code, ""), "organization")
        if self.d.org_kind.get(code) == "agency":
            kind = "government"
        return self._record(f"O|{code}", self.d.org_names[code], code,
                            self.d.org_country.get(code), kind)

    def _country(self, code: str) -> str:
        return self._record(f"C|{code}", self.d.countries[code], code, code, "country")

    def _state(self, country: str, agent: str) -> str:
        name = f"{self.d.countries[country]} {self.d.agent_labels.get(agent, agent.lower())}"
        return self._record(f"C|{country}{agent}", name, f"{country}{agent}", country,
                            _kind_of_agent(agent))

    def extent(self, head: Token) -> tuple[int, int]:
        """Character offsets of the phrase headed by ``head``, as a mention shows it."""
        return _extent(head, _np_tokens(head))

    def _mention(self, key: str, head: Token, np: list[Token]) -> None:
        start, end = _extent(head, np)
        self.records[key].mentions[(start, end)] = self.text[start:end]
        pos = bisect.bisect_left(self._order, head.i)
        if pos < len(self._order) and self._order[pos] == head.i:
            self._order_keys[pos] = key
        else:
            self._order.insert(pos, head.i)
            self._order_keys.insert(pos, key)


def _extent(head: Token, np: list[Token]) -> tuple[int, int]:
    """From the first to the last word of the phrase, leaving out articles and appositions."""
    words = [t for t in np if t.dep_ not in ("det", "punct", "appos", "prep", "pobj", "cc")
             or t.i == head.i]
    words = [t for t in words if t.i <= head.i or t.head.i == head.i or t.i == head.i]
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _kind_of_agent(agent: str) -> str:
    return "government" if agent in STATE_AGENTS else "group"


def _np_head(tok: Token) -> Token:
    """Climb from a modifier ("Afghan" in "Afghan officials") to the head of its phrase."""
    while tok.dep_ in ("compound", "amod", "nmod", "nn") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _np_tokens(head: Token) -> list[Token]:
    """The head, its left modifiers and the object of an "of" phrase ("leader of the Taliban")."""
    out = [head]
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS or child.dep_ in ("det", "appos"):
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(t for t in child.subtree if t.dep_ != "prep" or t.i == child.i)
    return sorted(set(out), key=lambda t: t.i)


def _entity_of(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None
