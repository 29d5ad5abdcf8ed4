"""Resolve noun phrases to actors, within one document.

A phrase is read from its head outwards: a dictionary person, organization, capital or
seat of power, country, or an agent noun ("officials", "troops") combined with the country
or organization that modifies it ("Afghan officials" -> AFGGOV, "Taliban fighters" -> TAL,
"the government of Pakistan" -> PAKGOV). Within the document, a surname, "he"/"she", "it" and
a definite description ("the movement", "the Gulf emirate") point back to an actor already
mentioned; a full name with another given name is a namesake ("Rakeyia Scott" after "Keith
Scott"), a person of its own. Unknown persons and groups stay actors, with the country the
text gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tacitus.actors.chains import NAME_LABELS, Chains, Mention, ascii_name, names_place
from tacitus.actors.dictionary import Dictionary, Entry, role_on
from tacitus.data.gazetteer import load_gazetteer
from tacitus.model import Actor
from tacitus.model import Span as TextSpan
from tacitus.nlp.tree import children_of, entities_of, head_of, tokens_of

MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "nn"}
NP_DEPS = MODIFIER_DEPS | {"det", "case", "punct", "nummod", "quantmod", "prep", "pobj", "appos"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NAMED = {"PERSON", "ORG", "NORP"}
# the tags a person's name gets from a tagger that does not know it ("Elly" as an adverb,
# "Bolivar" as a number, "Martha" as the compound of "sings" read as a noun)
_MISREAD_NAMES = {"PROPN", "NOUN", "ADJ", "ADV", "VERB", "NUM"}
# a lone word after "in", "to", "at" that names a city this large is the city, even where the
# recognizer calls it a person (a town of a few thousand shares its name with many people)
CITY_POPULATION = 50_000
# what a phrase before the main clause hangs on it as ("After his release, Smith said")
AHEAD_BRANCHES = {"advcl", "prep", "npadvmod", "advmod", "ccomp"}
SUBORDINATORS = {"when", "while", "after", "before", "although", "though", "once", "since", "as",
                 "if", "until", "whenever", "because"}


@dataclass
class _Record:
    key: str
    name: str
    code: str | None
    country: str | None
    kind: str
    role: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    # where the code came from: "dictionary" (an entry: a country, organization, person with
    # a dated role) or "text" (the words of the article: "Norway's ambassador", "Afghan
    # officials"), with the words that gave it
    basis: str | None = None
    basis_span: tuple[int, int] | None = None


class ActorBook:
    """The actors of one document and the noun phrases that name them."""

    def __init__(self, doc: Doc, dictionary: Dictionary, published: str | None) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.d = dictionary
        self.published = published
        self.records: dict[str, _Record] = {}
        self.by_head: dict[int, str | None] = {}
        self._phrases: dict[int, list[Token]] = {}
        self._extents: dict[int, tuple[int, int]] = {}
        self.chains = Chains(doc, dictionary.chain_words)
        c = self.chains
        self._third = c.masculine | c.feminine | c.thing | c.plural  # pronouns chains resolve
        self._surnames: dict[str, str] = {}
        self._split_off: set[str] = set()  # lone surnames of another person ("Patey": she)
        # the first word of each person's full name: fiction and profiles go on by the given
        # name ("Ana Prieto ... Ana"), where news goes on by the surname
        self._firsts: dict[str, str] = {}
        # the first word of each dictionary person's name, read as a surname only after a
        # title: Chinese, Korean or Hungarian order puts the family name first
        self._titled_first: dict[str, str] = {}
        self.entry_at: dict[int, tuple[Span, Entry]] = {}
        self._placed: set[str] = set()  # unidentified actors given a country by a place
        # each document noun: where, its name, its issuer, whether definite (found once)
        self._authors: list[tuple[int, str, str | None, bool]] | None = None
        # agent nouns a quote's "our" gives the speaker's side, in every slot ("attacks on
        # our soldiers" is read again as a target)
        self._owned: dict[int, str] = {}
        # the named entity of each token, found once (a scan of doc.ents per lookup made the
        # resolver quadratic in article length)
        self._ents = entities_of(doc)  # Doc.ents builds its spans again on every access
        self._entity: dict[int, Span] = {t: e for e in self._ents
                                         for t in range(e.start, e.end)}
        for span, entry in dictionary.match(doc):
            if entry.kind == "country" and self._first_name(span):
                continue  # "Jordan Peterson", "Chad Smith": a given name, not the state
            for tok in span:
                self.entry_at[tok.i] = (span, entry)
        self._person_names = self.chains.person_words = self._person_words()
        self._ahead_of: set[int] = set()  # pronouns whose ahead subject is being resolved
        self._scan()

    # -- public -------------------------------------------------------------------------
    def actor_of(self, token: Token, *, slot: str = "arg") -> str | None:
        """The actor key for the noun phrase headed by ``token`` (None when it is no actor).

        slot: "arg" for subjects and objects; a locative preposition ("in", "at") where a
        capital or country is a place, not an actor; "target" for the object of an event
        noun ("attacks on Washington"), where a capital is its country, not its government.
        """
        if token.lower_ in self.d.words.relative_pronouns and head_of(token).dep_ == "relcl":
            token = head_of(head_of(token))
        if token.i in self._owned:
            return self._owned[token.i]
        if token.i in self.by_head and slot == "arg":
            key = self.by_head[token.i]
        else:
            key = self._resolve(token, slot)
        if key is None and slot == "arg" and token.lemma_.lower() in self.d.words.document_nouns:
            key = self.author(token)
            if key is not None:  # the words that speak for the actor are its mention
                start, end = _extent(token, [token])
                self.records[key].mentions[(start, end)] = self.text[start:end]
        return key

    def author(self, document: Token) -> str | None:
        """Who issued the document a definite "the statement" points back to: the author of
        the latest earlier document of that name ("In a statement, the Taliban disputed ...",
        "X said in a statement", "X issued a statement", "a statement by X", "X's
        statement"); nobody when that one has no author the text names ("a group of parents
        sent a letter"). Another definite mention with no author continues the same one."""
        if not _points_back(document):
            return None
        if self._authors is None:
            self._authors = [(t.i, t.lemma_.lower(), self._issuer(t), _points_back(t))
                             for t in tokens_of(self.doc)
                             if t.lemma_.lower() in self.d.words.document_nouns]
        name = document.lemma_.lower()
        for i, lemma, key, definite in reversed(self._authors):
            if i >= document.i or lemma != name or (key is None and definite):
                continue
            return key
        return None

    def _issuer(self, document: Token) -> str | None:
        """The author that the words around one document name, if any."""
        for c in children_of(document):
            if c.dep_ in ("poss", "compound", "nmod"):
                key = self._resolve(c, "arg")
                if key:
                    return key
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for g in children_of(c):
                    if g.dep_ == "pobj" and (key := self._resolve(g, "arg")):
                        return key
        verb = head_of(document)
        if document.dep_ == "pobj" and head_of(document).lower_ == "in":
            verb = head_of(head_of(document))  # "In a statement, X said", "X said in a statement"
        elif document.dep_ not in ("dobj", "obj"):  # "X issued a statement"
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for c in children_of(verb):
            if c.dep_ == "nsubj" and c.lemma_.lower() not in self.d.words.document_nouns:
                key = self.by_head.get(c.i) or self._resolve(c, "arg")
                if key:
                    return key
        return None

    def modifier_agent(self, head: Token) -> str | None:
        """The agent a noun's modifiers name together: "Russian government agencies" is the
        Russian government, "a Syrian army checkpoint" the Syrian army."""
        mods = [c for c in children_of(head) if c.dep_ in MODIFIER_DEPS]
        agent = next((c for c in mods if (hit := self.entry_at.get(c.i)) is not None
                      and hit[1].kind == "agent" and c.pos_ != "ADJ"), None)
        if agent is None:
            return None
        qualifier = self._qualifier(agent, [m for m in mods if m.i != agent.i])
        if qualifier is None:
            return None
        key = self._org(qualifier[1]) if qualifier[0] == "org" else \
            self._state(qualifier[1], self.entry_at[agent.i][1].code)
        self._mention(key, agent, [m for m in mods if m.i <= agent.i])
        return key

    def partitive(self, head: Token) -> bool:
        """Whether ``head`` only counts or parts the actor of its "of" phrase ("thousands",
        "a group", "one")."""
        return head.lemma_.lower() in self.d.partitives or head.pos_ == "NUM"

    def coordinated(self, token: Token) -> list[str]:
        """Further actors of a phrase with coordinated qualifiers: "American and Afghan
        officials" is USAGOV and AFGGOV, "the leaders of France and Germany" FRAGOV and
        DEUGOV; ``actor_of`` gives the first, this the others."""
        if token.i in self.chains.group:  # "Egypt and Sudan said they would attack"
            return self.chains.group[token.i][1:]
        hit = self.entry_at.get(token.i)
        if hit is None or hit[1].kind != "agent":
            return []
        out = []
        modifiers = [c for c in children_of(token) if c.dep_ in MODIFIER_DEPS]
        # "the leaders of France and Germany", "envoys for the US and the EU"
        modifiers += [g for c in children_of(token)
                      if c.dep_ == "prep" and c.lower_ in ("of", "for")
                      for g in children_of(c) if g.dep_ == "pobj"]
        for n, child in enumerate(modifiers):
            others = list(child.conjuncts)
            if any(c.dep_ == "cc" for c in children_of(child)):
                # "UK and EU negotiators": the parser may make both modifiers of the noun,
                # the conjunction a child of the first, rather than conjuncts
                others += [m for m in modifiers[n + 1:] if m not in others]
            for conj in others:
                entry = self.entry_at.get(conj.i)
                if entry and entry[1].kind in ("country", "demonym", "metonym", "people"):
                    key = self._state(entry[1].code, hit[1].code)
                elif entry and entry[1].kind == "org":
                    key = self._org(entry[1].code)
                else:
                    continue
                if key not in out:
                    self._mention(key, conj, [conj])
                    out.append(key)
        return out

    def actors(self) -> list[Actor]:
        out = []
        for n, rec in enumerate(self.records.values(), start=1):
            span = rec.basis_span
            out.append(Actor(
                id=f"a{n}", name=rec.name, code=rec.code, country=rec.country,
                kind=rec.kind, role=rec.role,  # type: ignore[arg-type]
                mentions=[TextSpan(start=s, end=e, text=t)
                          for (s, e), t in sorted(rec.mentions.items())],
                code_basis=rec.basis if rec.code else None,  # type: ignore[arg-type]
                code_span=TextSpan(start=span[0], end=span[1], text=self.text[span[0]:span[1]])
                if span and rec.code and rec.basis == "text" else None,
            ))
        return out

    def ids(self) -> dict[str, str]:
        """Actor key -> output id ("a1"...), in the order ``actors()`` numbers them."""
        return {key: f"a{n}" for n, key in enumerate(self.records, start=1)}

    def named(self, name: str, start: int, end: int) -> str | None:
        """The person a bare name stands for ("Pence" in a transcript's "PENCE:"): the
        actor whose surname it is, else an unknown person of that name."""
        key = self._surnames.get(name.split()[-1])
        if key is None:
            key = self._record(f"U|{name}", name, None, None, "person")
            self._surnames.setdefault(name.split()[-1], key)
        self.records[key].mentions[(start, end)] = self.text[start:end]
        return key

    def unnamed(self, head: Token) -> str | None:
        """Whoever a noun phrase names when it is no political actor ("sources", "the
        campaign", "a pollster", "those close to him"): an actor without a code, so that a
        quote has its speaker.
        Events never take it: the coder reads ``actor_of``, which does not know it."""
        if head.tag_ in ("DT", "CD"):  # "those close to him", "some", "one of the lawyers"
            if "Sing" in head.morph.get("Number") and "Dem" in head.morph.get("PronType"):
                return None  # "this", "that": a thing
        elif head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME", "GPE"):
            return None
        words = [t for t in self._np(head) if t.dep_ not in ("det", "punct", "prep")
                 and t.i <= head.i]
        name = " ".join(t.text for t in words)
        kind = "person" if self.chains.is_person_noun(head) else "group"
        key = self._record(f"S|{name.lower()}", name, None, None, kind)
        start, end = _extent(head, self._np(head))
        self.records[key].mentions[(start, end)] = self.text[start:end]
        return key

    def relative(self, pronoun: Token, unnamed: bool = True) -> str | None:
        """The actor a relative pronoun stands for ("Kamin, who said ...": Kamin; also one
        that is no political actor, with ``unnamed``), the pronoun recorded as a mention
        of it: a reader, and PolNeAR, find the speaker of the clause named there."""
        if head_of(pronoun).dep_ != "relcl" or head_of(head_of(pronoun)).i == head_of(pronoun).i:
            return None
        antecedent = head_of(head_of(pronoun))
        key = self.actor_of(antecedent) or (self.unnamed(antecedent) if unnamed else None)
        if key is not None:
            self.records[key].mentions[(pronoun.idx, pronoun.idx + len(pronoun))] = pronoun.text
        return key

    def first_person(self, quotes: list) -> None:
        """"I" and "we" inside a direct quote: the speaker, and the speaker's organization or
        country ("'We reached an understanding,' the Taliban spokesman said": the Taliban)."""
        c = self.chains
        for q in quotes:
            if not q.direct or q.speaker is None:
                continue
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            for tok in span if span is not None else []:
                low = tok.lower_
                if low in c.first_singular:
                    key: str | None = q.speaker
                elif low in c.first_plural:
                    key = self._side_of(q.speaker)
                else:
                    continue
                if key is not None:
                    self.by_head[tok.i] = key
                    self._mention(key, tok, [tok])
                    if tok.dep_ == "poss":
                        self._own_agent(head_of(tok), key)

    def _own_agent(self, head: Token, owner: str) -> None:
        """An agent noun a quote's "our" or "my" owns is the speaker's side's: "our soldiers",
        said by Kenya's president, are Kenya's soldiers, not unidentified ones (the phrase
        was read before the quote's speaker was known)."""
        hit = self.entry_at.get(head.i)
        country = self.records[owner].country
        if hit is None or hit[1].kind != "agent" or head.pos_ == "ADJ" or not country:
            return
        old = self.by_head.get(head.i)
        if old is not None and not (self.records[old].code or "---").startswith("---"):
            return  # a phrase that names its own side ("our Afghan partners")
        key = self.by_head[head.i] = self._owned[head.i] = self._state(country, hit[1].code)
        if old is not None:
            self.records[old].mentions.pop(self.extent(head), None)
            if not self.records[old].mentions and old not in self.by_head.values():
                del self.records[old]  # read for this phrase only: no actor of its own
        self._mention(key, head, self._np(head))

    def _side_of(self, key: str) -> str | None:
        """The organization or country a speaker speaks for (a person's code names it)."""
        rec = self.records[key]
        if rec.kind != "person":
            return key
        code = rec.code
        if not code or code.startswith("---"):
            return None
        if code in self.d.org_names:
            return self._org(code)
        if code[:3] in self.d.countries:
            return self._state(code[:3], code[3:6]) if len(code) >= 6 else self._country(code)
        return None

    def country_at(self, code: str, head: Token) -> str | None:
        """The country ``code`` as an actor named by the place phrase headed by ``head``
        ("in Beijing": China), for CAMEO's place targets; None for a code with no country."""
        if code not in self.d.countries:
            return None
        key = self._country(code)
        self._mention(key, head, [head])
        return key

    def placed(self, key: str, country: str, *, own: bool = False) -> str | None:
        """The actor an unidentified one is at an event placed in ``country``, for agents
        that belong where they act ("riot police dispersed demonstrators in Monrovia":
        Liberian police, Liberian opposition); None for any other actor. A named person
        of no country is placed only by the words of their own phrase (``own``: "Vermont
        Sen. Ann Lee" is a US legislator; where she acts says nothing of whom she serves),
        and keeps their name. People held by others are not placed by a place of their own
        phrase, which names their prison ("the Guantanamo prisoners": no Cuban civilians), and
        diplomats, whose office is to act abroad, by no place at all."""
        rec = self.records[key]
        code = rec.code or ""
        agent = code[3:]
        if not code.startswith("---") or agent not in self.d.words.local_agents \
                or country not in self.d.countries:
            return None
        if own and key.split("|")[-1] in self.d.held:
            return None  # "the Guantanamo prisoners": their prison's place, not their country
        if any(w in self.d.words.abroad_offices for words in rec.mentions.values()
               for w in words.lower().split()):
            return None  # "diplomats met in Oman": sent by a state, seldom the host's
        if key.startswith("U|"):
            if not own:
                return None
            rec.code, rec.country = f"{country}{agent}", country
            return key
        if rec.kind != "person":
            placed = self._state(country, agent)
        else:  # "a deputy governor": one office holder ("X|GOV|governor")
            office = key.split("|")[-1]
            label = self.d.agent_labels.get(agent, agent.lower())
            placed = self._record(f"C|{country}{agent}|{office}",
                                  f"{self.d.countries[country]} {label} ({office})",
                                  f"{country}{agent}", country, "person")
        for span, words in rec.mentions.items():
            self.records[placed].mentions.setdefault(span, words)
        self._placed.add(key)
        return placed

    def forget_placed(self, used: set[str | None]) -> None:
        """Drop the unidentified actors that ``placed`` replaced wherever they acted: no
        event or quote names them any more, and a list of actors should not show them
        beside the placed ones."""
        for key in self._placed - used:
            del self.records[key]

    def country_of(self, key: str | None) -> str | None:
        return self.records[key].country if key else None

    # -- building ---------------------------------------------------------------------
    def _scan(self) -> None:
        """Resolve, in reading order, every phrase headed by a dictionary match or name."""
        heads: list[Token] = []
        seen: set[int] = set()
        # the root of a match, not its article: "The Philippines army" is the army's phrase
        # (the parse hangs both words on "army", and the span's root would be "The")
        # (each match once: ``entry_at`` holds it at every one of its words)
        matches = {id(m): m for m in self.entry_at.values()}.values()
        roots = [span[-1] if span.root.dep_ == "det" else span.root for span, _ in matches]
        roots += [e.root for e in self._ents if e.label_ in _NAMED]
        # pronouns, and "the Persian Gulf emirate", "the movement": resolved in reading order
        # too, so that a later "it" can continue them (tokens: slicing a Doc costs)
        # (the word lists first: reading a noun's children costs more than a set lookup)
        roots += [t for t in tokens_of(self.doc)
                  if (t.pos_ == "PRON" and t.lower_ in self._third) or (
            t.pos_ == "NOUN"
            and (t.lower_ in self.d.descriptor_heads or self.chains.is_person_noun(t))
            and _definite(t))]
        for root in roots:
            head = root if self.chains.misread_subject(root) else _np_head(root)
            if head.i not in seen:
                seen.add(head.i)
                heads.append(head)
        # a bare surname the recognizer left unlabelled ("Collins" after "Sandra Collins")
        # (and a capitalized word the tagger took for a noun: "Wiggins caught")
        # (and a word of a person's name the recognizer gave elsewhere, whatever the tagger
        # made of it here: "Martha sings", "the Reddy album", "Elly" as an adverb)
        names = [t for t in tokens_of(self.doc) if t.i not in seen and (
                 self._named_person(t) or (
                 (t.pos_ == "PROPN" or (t.pos_ in ("NOUN", "ADJ", "ADV") and t.is_title))
                 and t.ent_type_ in NAME_LABELS
                 and (t.dep_ not in ("compound", "advmod") or self.chains.misread_subject(t))))]
        names_at = {t.i for t in names}
        for head in sorted([*heads, *names], key=lambda t: t.i):
            if head.i in names_at and head.text not in self._surnames \
                    and head.text not in self._firsts and head.text not in self._person_names \
                    and not self.chains.looks_like_name(head):
                continue
            slot = "arg"
            if head.dep_ == "pobj" and head_of(head).lower_ in self.d.words.locative_preps:
                slot = head_of(head).lower_
            key = self._resolve(head, slot)
            if slot == "arg":
                self.by_head[head.i] = key
        self._fold_lone_names()

    def _person_words(self) -> set[str]:
        """The words of the names the recognizer labels people, in the whole document: the
        same word elsewhere names that person too, whatever the tagger read it as there
        ("Martha Quill ... Martha sings", "sings" taken for a noun; "the Quill album").
        Dictionary names keep their own aliases; titles are no names."""
        out: set[str] = set()
        for ent in self._ents:
            if ent.label_ != "PERSON" or len(ent) > 4 or any(
                    t.i in self.entry_at or (t.is_lower and t.is_alpha and len(t) > 3)
                    or (t.is_upper and t.is_alpha and len(t) > 1) for t in ent):
                continue  # "awarded Kemp a Special Merit Award", read as one name: no name
            if len(ent) == 1 and ent.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "the Depot bombing", one word labelled a person: a modifier
            out.update(t.text for t in ent if t.is_title and len(t) > 1
                       and not t.is_stop and not self.chains.is_title(t))
        return out

    def _named_person(self, tok: Token) -> bool:
        """Whether ``tok`` is a word of a name the document gives a person elsewhere
        (``_person_words``), read as a name whatever its tags, but not a modal or a verb
        opening its sentence ("Will", "Read"), nor a word of the dictionary."""
        if tok.text not in self._person_names or tok.pos_ not in _MISREAD_NAMES \
                or tok.i in self.entry_at or (tok.pos_ == "VERB" and tok.is_sent_start):
            return False
        ent = self._entity.get(tok.i)
        if ent is not None and tok.i != ent.end - 1 and ent[-1].tag_ != "POS":
            return False  # "Ana" in "Ana Prieto": a word inside a longer name is no mention
        return tok.dep_ not in ("compound", "amod", "acl", "nmod") or head_of(tok).pos_ != "PROPN"

    def _lone(self, key: str) -> bool:
        """An unknown person the text has named by one word only, with no code yet."""
        rec = self.records[key]
        return key.startswith("U|") and " " not in rec.name and rec.code is None

    def _fold_lone_names(self) -> None:
        """A lone name read before the full name ("Flynn says ..." in a headline, then
        "Retired general Michael Flynn said") is that person, when one full name ends with
        it: its record joins the full name's, so that a later "Flynn said" (which followed
        the first "Flynn") is coded like the full mention."""
        full: dict[str, set[str]] = {}
        for key, rec in self.records.items():
            if rec.kind == "person" and len(rec.name.split()) > 1:
                full.setdefault(rec.name.split()[-1], set()).add(key)
        for key, rec in list(self.records.items()):
            if not self._lone(key) or key in self._split_off:
                continue
            into = full.get(rec.name, set()) - {key}
            if len(into) != 1:
                continue  # no full name, or two people of that surname
            new = into.pop()
            for span, words in self.records.pop(key).mentions.items():
                self.records[new].mentions.setdefault(span, words)
            for i, k in self.by_head.items():
                if k == key:
                    self.by_head[i] = new
            for names in (self._surnames, self._firsts):
                for name, k in names.items():
                    if k == key:
                        names[name] = new
            self.chains.rename(key, new)

    def _resolve(self, head: Token, slot: str) -> str | None:
        if head.lower_ in self._third:
            key = self._pronoun(head)
            if key is not None:  # "he" is a mention too: it shows where a quote's speaker is
                self._mention(key, head, [head])
            return key
        if head.lower_ in self.d.words.weapon_names:
            return None  # "a roadside IED detonated": a weapon, not who planted it
        np = self._np(head)
        found = self._from_dictionary(head, np, slot)
        if found is None and head.i in self.entry_at and (
                slot in self.d.words.locative_preps or self.entry_at[head.i][1].kind == "none"):
            return None  # "in Bamako", "Latin America": a place, not an unknown person
        if found is None and head.is_title and self.partitive(head):
            # "Group of four armed rebels attacked": a partitive capitalised (opening the
            # sentence, or a wire's capitals) is no name; its plural "of" phrase is the actor
            # ("the Group of Seven" counts no plural noun and stays a name)
            inner = [g for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"
                     for g in children_of(c) if g.dep_ == "pobj" and g.tag_ == "NNS"]
            if inner:
                return self.actor_of(inner[0], slot=slot)
        if found is None:
            found = self._from_entity(head, np, slot)
        if found is None:
            found = self._state_of(head)
        if found is None and self.partitive(head):
            # "thousands of Iraqi Kurds", "a group of diplomats": the actor of the "of" phrase
            inner = [g for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"
                     for g in children_of(c) if g.dep_ == "pobj"]
            key = self.actor_of(inner[0], slot=slot) if inner else None
            if inner and (key is not None or self._appositive_name(head) is None):
                return key  # "the head of the agency, Jane Doe": no actor there, but her
            if head.pos_ == "NUM" and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
                found = self._counted_before(head)  # "Another 23,000 are to leave"
        if found is None and head.lemma_.lower() in self.d.words.followers:
            found = self._followed(head, slot)
        if found is None and head.tag_ == "NNS" and head.lemma_.lower() in self.d.words.group_nouns:
            found = self._both(head)
        if found is None and self.chains.is_person_noun(head):
            # "the GOP nominee", after "nominee Donald Trump"; "the governor's former
            # strategist", after "Lena Marsh, a strategist": not the possessor itself
            owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
            if owner is not None:
                found = self.chains.role(head, besides=self.chains.key_at(owner.i))
            elif _definite(head):
                found = self.chains.role(head)
        if found is None:
            found = self._from_description(head, np)
        if found is None and head.lemma_.lower() == "counterpart":
            found = self._counterpart(head, np)

        if found is None and slot in ("arg", "target"):
            found = self._from_proper(head, np) or self._someone(head, np)
        if found is not None:
            self._mention(found, head, np)
        return found

    def _followed(self, head: Token, slot: str) -> str | None:
        """"supporters of the president", "followers of Hamas": the side of whom the "of"
        phrase names. Followers of a state organ or its holder are no organ: they are the
        country's civilians; those of a party, movement or opposition are that side."""
        inner = [g for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children_of(c) if g.dep_ == "pobj"]
        key = self.actor_of(inner[0], slot=slot) if inner else None
        if key is None:
            return None
        code = self.records[key].code or ""
        if len(code) != 6 or code[3:] not in self.d.words.state_agents:
            return key if code else None
        if code[:3] in self.d.countries:
            return self._state(code[:3], "CVL")
        # "supporters of the president" where no country is named yet: the place may code
        # them later, as it codes other unidentified civilians
        return self._record("X|CVL", f"unidentified {self.d.agent_labels['CVL']}", "---CVL",
                            None, "group")

    def _state_of(self, head: Token) -> str | None:
        """"the island nation of Nauru", "the emirate of Qatar": a noun that describes a
        country, named by its "of" phrase, is that country."""
        if head.lower_ not in self.d.country_heads and head.lemma_.lower() \
                not in self.d.country_heads:
            return None
        for obj in (g for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"
                    for g in children_of(c) if g.dep_ == "pobj"):
            hit = self.entry_at.get(obj.i)
            if hit is not None and hit[1].kind == "country":
                return self._country(hit[1].code)
        return None

    def _both(self, head: Token) -> str | None:
        """"the two countries", "both sides": the last two (three...) states the text named,
        all of them (``coordinated`` gives the others)."""
        numbers = self.d.words.numbers
        count = next((numbers[c.lower_] for c in children_of(head)
                      if c.dep_ == "nummod" and c.lower_ in numbers), None)
        if count is None and any(c.lower_ == "both" for c in children_of(head)):
            count = 2
        if count is None:
            return None
        countries = head.lemma_.lower() in ("country", "nation", "neighbour", "neighbor")
        keys: list[str] = []
        seen: set[str] = set()
        for m in self.chains.preceding(head.i):
            if len(keys) == count:
                break
            rec = self.records[m.key]
            if rec.country is None:
                continue
            if rec.country not in seen:
                seen.add(rec.country)
                keys.append(self._country(rec.country) if countries else m.key)
        if len(keys) < count:
            return None
        self.chains.group[head.i] = keys
        return keys[0]

    def _counted_before(self, head: Token) -> str | None:
        """A number standing alone for people the text counted just before ("10,000 US
        troops left ... Another 23,000 are to leave"): the actor of that plural phrase."""
        here = self.chains.sentence_of(head.i)
        counted = []
        for m in self.chains.preceding(head.i):
            if here - m.sent > 1:
                break
            tok = self.doc[m.i]
            if m.plural and tok.pos_ == "NOUN" \
                    and any(c.dep_ == "nummod" for c in children_of(tok)):
                counted.append(m.key)
        # the named before the unnamed ("10,000 American troops ... 91,000 soldiers")
        named = [k for k in counted if (self.records[k].code or "---")[:3] != "---"]
        return (named or counted or [None])[0]

    def _counterpart(self, head: Token, np: list[Token]) -> str | None:
        """"his Peruvian counterpart", "their Chinese counterparts": the same office in the
        country the phrase names (the office from the possessor's actor, else government)."""
        owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
        qualifier = self._qualifier(head, [t for t in np if owner is None
                                           or t.i not in {o.i for o in owner.subtree}])
        if qualifier is None or qualifier[0] != "country":
            return None
        code = self.records[k].code if owner is not None and (k := self.actor_of(owner)) \
            else None
        agent = code[3:6] if code and len(code) >= 6 and code[:3] in self.d.countries else "GOV"
        if head.tag_ == "NNS":
            return self._state(qualifier[1], agent)
        name = self._appositive_name(head)
        key = self._resolve(name, "arg") if name is not None else None
        if key is not None and self.records[key].kind == "person" and not self.records[key].code:
            # "his Iranian counterpart, Mostafa Najjar": the peer is the person named
            rec = self.records[key]
            rec.code, rec.country = f"{qualifier[1]}{agent}", qualifier[1]
            rec.basis, rec.basis_span = "text", self.extent(head)
            return key
        return self._official(qualifier[1], agent, head)  # one person: the other's peer

    def _someone(self, head: Token, np: list[Token]) -> str | None:
        """A person the text describes but the dictionary cannot code ("the captain of a
        rescue ship"): an actor with no code, never a guessed one."""
        if not self.chains.is_person_noun(head) or head.i in self.entry_at:
            return None
        name = self._appositive_name(head)
        if name is not None and (key := self._resolve(name, "arg")) is not None:
            # "the head of the agency, Jane Doe, said": the name and its description are
            # one actor, so the same person's later mentions meet it as one speaker
            return key
        words = [t for t in np if t.dep_ not in ("det", "punct") and t.i <= head.i]
        name = " ".join(t.text for t in words)
        return self._record(f"S|{name.lower()}|{head.i}", name, None, None, "person")

    def _from_proper(self, head: Token, np: list[Token]) -> str | None:
        """A name the entity recognizer left unlabelled, in an event's argument ("an
        investigation against Boztepe"): an actor the dictionary does not know."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
            return None
        if self._place_compound(head):
            return None
        words = [t for t in np if t.pos_ == "PROPN" and t.i <= head.i]
        name = " ".join(t.text for t in words)
        if not name[:1].isupper():
            return None
        known = self._surnames.get(head.text)
        if known:
            return known
        qualifier = self._qualifier(head, np)
        country = qualifier[1] if qualifier and qualifier[0] in ("country", "people") else None
        # members of a people ("Afghan Hazara Shi'ites") are coded by the country it lives in
        people = any((hit := self.entry_at.get(t.i)) and hit[1].kind == "people" for t in np)
        code = country if people else None
        return self._record(f"G|{name}", name, code, country, "group")

    def _place_compound(self, head: Token) -> bool:
        """Whether ``head`` is in a name of a place or an occasion set before a common noun
        ("the Kandahar Airfield bombing", "the Oslo Marathon attack"): the name ends in one
        of ``place_name_heads``, and it says where the act happened, not who did it."""
        if head.dep_ != "compound":
            return False
        doc, end = head.doc, head.i
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" \
                and doc[end + 1].dep_ == "compound":
            end += 1
        after = doc[end + 1] if end + 1 < len(doc) else None
        return after is not None and after.pos_ == "NOUN" \
            and doc[end].lower_ in self.d.words.place_name_heads

    def _from_dictionary(self, head: Token, np: list[Token], slot: str) -> str | None:
        hit = self.entry_at.get(head.i)
        if hit is None:
            return None
        _, entry = hit
        if entry.kind == "none":
            return None
        if entry.kind in ("country", "demonym", "metonym", "people") and self._stance(head):
            return None  # "a pro-Iran militia": whom it backs, not who it is
        if entry.kind == "person":
            if self._other_given(head, hit[0], entry.ref):
                return None  # "Katie Blair" is no dictionary Blair: read as a name of its own
            return self._person(entry.ref)
        if entry.kind in ("country", "demonym", "metonym") and head.ent_type_ == "PERSON" \
                and self._other_given(head, hit[0]):
            return None  # "Michael Jordan", "Clyde Turk": a person's surname, not the place
        if entry.kind == "org":
            return self._org(entry.code)
        if entry.kind == "metonym":
            if entry.capital and slot in self.d.words.locative_preps:
                return None  # "an office in Kabul": a place, not the government
            if entry.capital and slot == "target":
                return self._country(entry.code)  # "attacks on Washington": the city
            return self._state(entry.code, entry.agent or "GOV")
        if entry.kind in ("country", "demonym", "people"):
            if slot in self.d.words.locative_preps:
                return None
            home = self._residence(head, entry.code) if entry.kind != "country" else None
            if home is None and entry.kind == "people":
                home = entry.code  # "the Hazaras": a people, of the country it lives in
            if home is not None:
                name = f"{head.text.capitalize()} in {self.d.countries[home]}"
                return self._record(f"E|{home}|{head.lower_}", name, home, home, "group")
            return self._country(entry.code)
        # An agent noun: qualify it by a country or organization in the phrase.
        if head.pos_ == "ADJ":
            return None  # "a general strike": an adjective, not the officer
        name = self._appositive_name(head)
        if name is None and head.dep_ == "appos" and self._is_name(head_of(head)):
            name = head_of(head)  # "Tariq Fernwood, a Pakistani businessman": Fernwood
        if name is not None:  # "Norway's ambassador to Chile, Lars Eide": Eide
            return self._resolve(name, "arg")
        qualifier = self._qualifier(head, np) or self._located(head) or self._for(head)
        described = self._description(head, below=True) if qualifier is None else None
        if described is not None:  # "the gunman, a member of X's riot police": police
            return self._resolve(described, "arg")
        definite = _definite(head)
        one = self.chains.is_person_noun(head)  # a person, not a whole body ("the president")
        if one and definite:  # "a spokesman" is someone new
            known = self.chains.role(head)  # "the president", after "President Ortega"
            expected = (None if qualifier is None else qualifier[1] if qualifier[0] == "org"
                        else qualifier[1] + entry.code)
            if known and (expected is None or self.records[known].code == expected):
                return known  # "the Afghan president" is Karzai; "the Taliban's" is not
        # "the leaders of the opposition party": whose they are, as the "of" phrase says
        of = next((g for c in children_of(head) if c.dep_ == "prep" and c.lower_ == "of"
                   for g in children_of(c) if g.dep_ == "pobj"), None) \
            if qualifier is None and head.lemma_.lower() not in self.d.words.relations else None
        owner = self.actor_of(of) if of is not None else None
        if qualifier is None and definite and owner is None:
            # "the rebels" after "Somali rebels": the same actor again; "the prime minister"
            # after "Iceland's president": Iceland's, another person of that government
            # (not "the leaders of the opposition" after "the government")
            known = self._recent(head.i, lambda r, a=entry.code: bool(r.code)
                                 and (one or r.kind != "person")
                                 and r.code.endswith(a) and not r.code.startswith("---"))
            if known and one and self.records[known].country:
                return self._official(self.records[known].country, entry.code, head)
            if known:
                return known
        if qualifier is None:
            if owner is not None:  # "leaders of the opposition Farmers' Party": the party
                return owner
            label = f"unidentified {self.d.agent_labels[entry.code]}"
            if self.chains.is_person_noun(head) or head.lower_ in self.d.held:
                # one person, not all of that kind; people held by others are of their own
                # kind, which no place they are held in may code ("placed")
                noun = head.lemma_.lower()
                return self._record(f"X|{entry.code}|{noun}", f"{label} ({noun})",
                                    f"---{entry.code}", None, self._agent_kind(entry.code))
            return self._record(f"X|{entry.code}", label, f"---{entry.code}", None,
                                self._agent_kind(entry.code))
        kind, code = qualifier
        if kind == "org":
            return self._org(code)
        if kind == "country" and self._ethnic(np):
            # "ethnic Serb rebels operating in Croatia": where the people lives
            code = self._residence(head, code) or code
        if kind == "people" and entry.code in self.d.words.state_agents:
            # "Yoruba leaders", "Hausa officials": the people's own, not its state's organs
            return self._people(code, head, np)
        if one:  # "Iceland's president" and "Iceland's prime minister" are two people
            return self._official(code, entry.code, head)
        return self._state(code, entry.code)

    def _official(self, country: str, agent: str, head: Token) -> str:
        """One office holder of a state, named by the office ("Iceland's president")."""
        noun = head.lemma_.lower()
        hit = self.entry_at.get(head.i)  # "foreign minister": the whole office the words name
        office = hit[0].text.lower() if hit and hit[1].kind == "agent" else noun
        name = f"{self.d.countries[country]} {self.d.agent_labels.get(agent, agent.lower())} " \
               f"({office})"
        key = self._record(f"C|{country}{agent}|{office}", name, f"{country}{agent}", country,
                           "person")
        self.chains.describe(key, [noun])
        return key

    def _people(self, country: str, head: Token, np: list[Token]) -> str:
        """The members of a people named in their own phrase ("Yoruba leaders"), coded by the
        country the people lives in, as CAMEO codes an ethnic group."""
        name = " ".join(t.text for t in np if t.dep_ not in ("det", "punct") and t.i <= head.i)
        return self._record(f"E|{country}|{name.lower()}", name, country, country, "group")

    def _stance(self, tok: Token) -> bool:
        """Whether ``tok`` follows a stance prefix and a hyphen ("anti-Syria", "pro-Iran")."""
        doc = tok.doc
        return tok.i >= 2 and doc[tok.i - 1].text == "-" \
            and doc[tok.i - 2].lower_ in self.d.stance_prefixes

    def _ethnic(self, np: list[Token]) -> bool:
        """Whether a phrase marks its nationality word as a people's ("ethnic Albanian")."""
        return any(t.lower_ in self.d.words.ethnic_marks for t in np)

    def _qualifier(self, head: Token, np: list[Token]) -> tuple[str, str] | None:
        """The country or organization that qualifies an agent noun in its phrase (not its
        backer: "Iran-backed militias" are no Iranian force; but forces a state leads are
        that state's: "Vietnamese-led forces"). A person's country gives way to an
        organization of the same phrase ("bin Laden's al-Qaeda network": al-Qaeda)."""
        leader: tuple[str, str] | None = None
        for tok in np:
            if tok.i == head.i:
                continue
            backer = head_of(tok).lemma_.lower()
            if head_of(tok).dep_ == "amod" and backer in self.d.words.backing and not (
                    backer in self.d.words.leading and (hit := self.entry_at.get(head.i))
                    and hit[1].kind == "agent" and hit[1].code == "MIL"):
                continue
            if self._stance(tok):
                continue  # "an anti-Syria journalist": no Syrian
            hit = self.entry_at.get(tok.i)
            if hit is None:
                if tok.lower_ in self._third and tok.dep_ == "poss":
                    key = self._pronoun(tok)
                    if key and self.records[key].country:
                        return ("country", self.records[key].country)  # type: ignore[return-value]
                if tok.dep_ == "compound" and tok.pos_ == "PROPN" and head_of(tok).i == head.i \
                        and head.pos_ == "NOUN" and (state := self._surname_state(tok.text, "GOV")):
                    return ("country", state)  # "the Bush administration": a leader's
                continue
            entry = hit[1]
            if entry.kind in ("country", "demonym", "metonym"):
                return ("country", entry.code)
            if entry.kind in ("org", "people"):
                return (entry.kind, entry.code)
            if entry.kind == "person" and entry.code:
                leader = leader or ("country", entry.code)
        return leader

    def _first_name(self, span: Span) -> bool:
        """Whether a country's name opens a person's name that the recognizer reads as one
        ("Jordan Peterson", "Kenya Moore", "Georgia Brown"): the first of its words, before a
        surname, is a given name, and the country is no actor of the text there."""
        ent = self._entity.get(span.start)
        if ent is None or ent.label_ != "PERSON" or ent.start != span.start \
                or ent.end <= span.end:
            return False
        after = self.doc[span.end]  # "Jordan King Abdullah": the king of Jordan
        return after.pos_ == "PROPN" and not self.chains.is_title(after) \
            and after.lower_ not in self.chains.w.person_nouns

    def _for(self, head: Token) -> tuple[str, str] | None:
        """Whom an agent works for: "the spokesman for the Kabul government" (AFG)."""
        for prep in children_of(head):
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for obj in children_of(prep):
                if obj.dep_ == "pobj":
                    found = self._qualifier(head, [obj]) or self._qualifier(obj, self._np(obj))
                    if found:
                        return found
        return None

    def _is_name(self, tok: Token) -> bool:
        hit = self.entry_at.get(tok.i)
        if hit is not None:
            return hit[1].kind == "person"
        return tok.ent_type_ == "PERSON" or self.chains.looks_like_name(tok)

    @staticmethod
    def _city(tok: Token) -> bool:
        """Whether one word after a preposition of place is a city's name, its own or another
        ("escapes to Glasgow", "an interview in Darwin", "sent to Bangalore"): the small model
        labels many such words as persons, and a pronoun would then take the town for a woman
        or a man."""
        return any(e.is_city and e.population >= CITY_POPULATION
                   for e, _ in load_gazetteer().lookup(tok.text))

    def _appositive_name(self, head: Token) -> Token | None:
        """A name set beside an agent noun: "Norway's ambassador, Lars Eide", also when the
        parse hangs it on the phrase's last noun ("ambassador to Chile, Lars Eide")."""
        holders = [head, *(g for c in children_of(head) if c.dep_ == "prep" and c.lower_ != "of"
                           for g in children_of(c) if g.dep_ == "pobj")]
        found = next((c for h in holders for c in children_of(h)
                      if c.dep_ == "appos" and self._is_name(c)), None)
        return found if found is not None else self._deep_appositive(head)

    def _deep_appositive(self, head: Token) -> Token | None:
        """A person's name the parse hung on a place or a body further down the phrase's
        prepositions ("the head of the surgery department at the Hospital General de Lima,
        Ana Ruiz"): a person is no apposition of a hospital or a city, so the name is the
        agent noun's. Only a person's name (``_is_name``) on a noun that is no person (nor a
        person's noun: "the son of the minister, Omar Said" may name either)."""
        if not self.chains.is_person_noun(head):
            return None
        todo = [head]
        while todo:
            tok = todo.pop()
            for g in (g for c in children_of(tok) if c.dep_ == "prep"
                      for g in children_of(c) if g.dep_ == "pobj"):
                if not self._personal(g):
                    name = next((c for c in children_of(g) if c.dep_ == "appos"
                                 and self._is_name(c)), None)
                    if name is not None:
                        return name
                    todo.append(g)
        return None

    def _personal(self, tok: Token) -> bool:
        """Whether ``tok`` is or may be a person: a person's name or a noun of one person."""
        hit = self.entry_at.get(tok.i)
        return tok.ent_type_ == "PERSON" or self.chains.is_person_noun(tok) or (
            hit is not None and hit[1].kind == "person")

    def _description(self, name: Token, below: bool = False) -> Token | None:
        """The agent noun an apposition gives a name: "Lars Eide, Norway's ambassador",
        "Norway's ambassador, Lars Eide", "the gunman, a member of the riot police"
        (``below``: only an apposition that follows, never the phrase this one describes)."""
        heads = [head_of(name)] if name.dep_ == "appos" and not below else []
        if heads and heads[0].dep_ == "pobj" and head_of(heads[0]).lower_ != "of":
            heads.append(head_of(head_of(heads[0])))  # "ambassador to Chile, Lars Eide"
        if heads and not self._personal(heads[0]):
            # "the governor of the Kursk region, Ivan Orlov": the parse hangs the name on
            # the place; the agent noun is up the phrase's prepositions (``_deep_appositive``)
            up = heads[0]
            while up.dep_ == "pobj" and head_of(up).dep_ == "prep" \
                    and not self._personal(up):
                up = head_of(head_of(up))
                heads.append(up)
        heads += [c for c in children_of(name) if c.dep_ == "appos"]
        for d in heads:
            if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i > d.i
                   and c.lemma_.lower() in self.d.words.tail_reports for c in children_of(d)):
                continue  # "The mayor ignored it, a rights group said": who reports, not he
            if self.partitive(d):  # "a member of the city's riot police"
                d = next((g for c in children_of(d) if c.dep_ == "prep" and c.lower_ == "of"
                          for g in children_of(c) if g.dep_ == "pobj"), d)
            hit = self.entry_at.get(d.i)
            if hit is not None and hit[1].kind == "agent" and d.pos_ != "ADJ":
                return d
        return None

    def _residence(self, head: Token, own: str) -> str | None:
        """The country a people named by a demonym lives in, where it is not the one its
        name comes from: "the Albanians of southern Serbia", "ethnic Albanians in Serbia",
        and, for a people marked ethnic, the place of its clause ("ethnic Albanians
        demonstrated in Serbia"). CAMEO codes an ethnic group by its country of residence."""
        holders = [head]
        # "rebels operating in Croatia", "Hazaras living in Iran"
        holders += [c for c in children_of(head) if c.dep_ == "acl"
                    and c.lemma_.lower() in self.d.residence_verbs]
        if any(c.dep_ == "amod" and c.lower_ in self.d.words.ethnic_marks and c.i < head.i
               for c in head.subtree):  # "ethnic Serbs", "ethnic Serb rebels"
            verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                holders.append(verb)
        for holder in holders:
            for prep in children_of(holder):
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "inside", "across",
                                                              "throughout"):
                    continue
                if holder is not head and prep.lower_ == "of":
                    continue
                for tok in prep.subtree:  # "in a gunbattle in southeastern Serbia"
                    hit = self.entry_at.get(tok.i) if tok.dep_ == "pobj" else None
                    if hit and hit[1].kind in ("country", "metonym"):
                        # "Palestinians of the Israeli-occupied West Bank" live at home
                        return hit[1].code if hit[1].code != own else None
        return None

    def _located(self, head: Token) -> tuple[str, str] | None:
        """An unqualified agent placed in a country: "rebels in the Ivory Coast" (CIV), or
        come from it: "peacekeepers from Bangladesh" (not the object of a verb, where "from"
        is often the verb's: "withdrew troops from Lebanon"), "refugees fleeing the war in
        Liberia" (origin_verbs)."""
        places = ("in", "inside", "across", "throughout")
        if head.dep_ not in ("dobj", "obj"):
            places += ("from",)
        # "a newspaper based in Beirut", "a group operating in Iraq" (not armed forces, often
        # based abroad: "troops based in Germany")
        hit = self.entry_at.get(head.i)
        holders = [head, *(c for c in children_of(head) if c.dep_ == "acl"
                           and c.lemma_.lower() in self.d.residence_verbs
                           and not (hit and hit[1].kind == "agent" and hit[1].code == "MIL"))]
        for prep in (p for h in holders for p in children_of(h)):
            if prep.dep_ != "prep" or prep.lower_ not in places:
                continue
            for obj in children_of(prep):
                hit = self.entry_at.get(obj.i) if obj.dep_ == "pobj" else None
                if hit and hit[1].kind in ("country", "metonym"):
                    return ("country", hit[1].code)
        for fled in (c for c in children_of(head) if c.dep_ == "acl" and c.tag_ == "VBG"
                     and c.lemma_.lower() in self.d.words.origin_verbs):
            for tok in fled.subtree:
                hit = self.entry_at.get(tok.i) if tok.dep_ in ("dobj", "pobj") else None
                if hit and hit[1].kind in ("country", "metonym"):
                    return ("country", hit[1].code)
        return None

    def _from_entity(self, head: Token, np: list[Token], slot: str = "arg") -> str | None:
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children_of(head))
        proper = head.pos_ == "PROPN" or self._named_person(head)
        if proper and head.text in self._surnames and (
                head.ent_type_ != "GPE" or not any(c.dep_ == "compound" for c in children_of(head))
        ) and not (named and self._lone(self._surnames[head.text])) \
                and not self._namesake(head, self._surnames[head.text]):
            # "Fernwood", after "Tariq Fernwood"; also where the recognizer takes the bare
            # surname for a place ("Najjar later said"), but not a place of several words
            return self._surnames[head.text]
        label = head.ent_type_
        if head.text in self._titled_first and head.text not in self._surnames \
                and self._titled(head):
            return self._titled_first[head.text]  # "Mr. Ban", after "Ban Ki-moon"
        lone = not any(c.dep_ == "compound" for c in children_of(head))
        if lone and (proper or head.is_title) and head.text in self._firsts:
            # (also a given name the tagger took for a noun: "Later Ines threatens to ...")
            return self._firsts[head.text]  # "Ana", after "Ana Prieto"
        if lone and slot != "arg" and label == "PERSON" and self._city(head):
            return None  # "an interview in Darwin": a place the recognizer took for a person
        if label == "PERSON" or ((label in ("", "ORG") or slot == "arg")
                                 and self.chains.looks_like_name(head)) \
                or (self._named_person(head) and (slot == "arg" or not names_place(head.text))):
            ent = self._entity.get(head.i) if label == "PERSON" else None
            if ent is not None and self.chains.misread_subject(head):
                ent = None  # "Kay realizes Connie", one entity: the name is "Kay"
            if ent is not None and ent[-1].tag_ == "POS":
                ent = ent[:-1]  # "Jordan Peterson's": the name, not its possessive
            name = ent.text if ent is not None else " ".join(
                t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
            ) + f" {head.text}"
            name = name.strip()
            known = self._surnames.get(name.split()[-1])
            # a lone surname read before ("Lindqvist presses Norway. Foreign Minister Karin
            # Lindqvist urged"): the full name names and codes that person
            upgrade = known is not None and " " in name and self._lone(known)
            if known and not upgrade and not self._namesake(head, known):
                return known
            qualifier = self._qualifier(head, np)
            agent = next((self.entry_at[t.i][1].code for t in np
                          if t.i in self.entry_at and self.entry_at[t.i][1].kind == "agent"
                          and t.i < head.i), None) or next(
                (self.d.title_agents[t.lower_.rstrip(".")] for t in np if t.i < head.i
                 and t.text[:1].isupper() and t.lower_.rstrip(".") in self.d.title_agents), None)
            described = self._description(head)
            if described is not None and (qualifier is None or agent is None):
                # the apposition says who the person is and works for
                qualifier = qualifier or self._qualifier(described, self._np(described)) \
                    or self._located(described) or self._for(described)
                agent = agent or self.entry_at[described.i][1].code
            code, country = None, None
            if qualifier and qualifier[0] == "org":
                code, country = qualifier[1], self.d.org_country.get(qualifier[1])
            elif qualifier:
                country = qualifier[1]
                own = qualifier[0] == "people" and agent in self.d.words.state_agents
                code = country + ("" if own else agent or "")  # "Yoruba chief X": NGA
            if code is None and agent is not None and not any(
                    t.dep_ == "compound" and t.i not in self.entry_at
                    and not self.chains.is_title(t) for t in head.lefts):
                country = self._surname_state(head.text, agent)
                code = country + agent if country else None
            if code is None and agent is not None:
                # "President Ilir Meta" in a story about Albania's parliament: the state the
                # sentence (or the one before) is about
                here = self.chains.sentence_of(head.i)
                near = next((self.records[m.key].country for m in self.chains.preceding(head.i)
                             if here - m.sent <= 1 and self.records[m.key].country
                             and self.records[m.key].kind in ("country", "government")), None)
                if near is None:  # "Judge Rivera opened investigations against Chilean ..."
                    near = next((hit[1].code for t in head.sent
                                 if (hit := self.entry_at.get(t.i)) is not None
                                 and hit[1].kind in ("country", "demonym", "metonym")
                                 and not self._other_side(t, head)), None)
                if near is not None:
                    country, code = near, near + agent
                else:  # "a member of the city's riot police", "Sen. Ann Lee": of no country
                    code = f"---{agent}"
            if upgrade and known is not None:
                key, rec = known, self.records[known]
                rec.name, rec.code, rec.country = name, code, country
                rec.basis_span = None  # the words that code it are these, not the lone name
            else:
                key = self._record(f"U|{name}", name, code, country, "person")
            # a namesake leaves the bare surname to the person the story named first
            self._surnames.setdefault(name.split()[-1], key)
            if len(name.split()) > 1:
                self._firsts[name.split()[0]] = key
            if described is not None:
                self.chains.describe(key, [described.lemma_.lower()])
                if self.records[key].basis_span is None:
                    self.records[key].basis_span = self.extent(described)
            return key
        if label in ("ORG", "NORP"):
            ent = self._entity.get(head.i)
            if ent is None or ent.root.i != head.i:
                return None
            qualifier = self._qualifier(head, np)
            country = qualifier[1] if qualifier and qualifier[0] in ("country", "people") else None
            # a people or faith of a country ("Afghan Hazara Shi'ites") is coded by it, as
            # CAMEO codes an ethnic group; an unknown body only placed there keeps no code
            code = country if label == "NORP" else None
            return self._record(f"G|{ent.text}", ent.text, code, country, "group")
        return None

    def _other_side(self, tok: Token, person: Token) -> bool:
        """Whether the state word ``tok`` names whom a titled person deals with, not whose
        the person is: a state that is itself an argument ("threatened action against
        Russia", "called for sanctions against Nigeria") or the country of another named
        person ("welcomed South African leader F.W. de Klerk") or diplomat ("met the Chinese
        ambassador")."""
        head = _np_head(tok)
        if head.i == tok.i:
            if tok.dep_ == "dobj":
                return True
            return tok.dep_ == "pobj" and head_of(tok).lower_ not in self.d.words.locative_preps \
                and head_of(tok).lower_ != "of"
        # a diplomat is sent by one state to another: "met the Chinese ambassador" says
        # whom the person deals with
        return head.i != person.i and (self._is_name(head)
                                       or head.lower_ in self.d.words.abroad_offices)

    def _surname_state(self, surname: str, agent: str) -> str | None:
        """The country of a title with a bare surname that the dictionary leaves out as an
        alias because several persons share it ("President Bush", "Prime Minister Sharif"):
        the one country of all of them, where one of them held an office of the title's
        agent (a "Rep. Smith" is no head of government of the same surname)."""
        states = self.d.surname_states.get(surname, {})
        if len(states) != 1:
            return None
        country, agents = next(iter(states.items()))
        return country if agent in agents else None

    def _titled(self, head: Token) -> bool:
        """Whether a lone name has only a title before it ("Mr. Ban", "Sen. Lee")."""
        lefts = [t for t in head.lefts if t.dep_ == "compound"]
        return len(lefts) == 1 and self.chains.is_title(lefts[0])

    def _other_given(self, head: Token, span: Span, ref: int | None = None) -> bool:
        """Whether a given name written before the words that matched a dictionary entry is
        none of that person's ("Katie Blair", "Lynne Cheney": a namesake, or a wife, not Tony
        Blair or Dick Cheney); for a place (no ``ref``), whether any given name comes before
        it ("Michael Jordan")."""
        words = frozenset() if ref is None else self.d.person_words[ref]
        w = self.chains.w
        return any(t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < span.start
                   and (g := ascii_name(t.text)) not in words
                   and (g in w.given or g in w.given_either) for t in head.lefts)

    def _namesake(self, head: Token, key: str) -> bool:
        """Whether the name headed by ``head`` gives a person of ``key``'s surname another
        given name ("Rakeyia Scott" after "Keith Lamont Scott": his wife, not him)."""
        rec = self.records[key]
        given = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if rec.kind != "person" or not given or len(rec.name.split()) < 2:
            return False
        if self.chains.is_title(given[0]):
            return False  # "Mr. Scott", "Sen. Scott": a title, no given name
        mine, theirs = given[0].text.rstrip(".").lower(), rec.name.split()[0].rstrip(".").lower()
        if len(mine) == 1 or len(theirs) == 1:
            return mine[0] != theirs[0]  # "J. Scott" may be "John Scott"
        return mine != theirs

    def _from_description(self, head: Token, np: list[Token]) -> str | None:
        """"the movement", "the Persian Gulf emirate": an actor already in the story."""
        if not _definite(head):
            return None
        words = [t for t in np if t.dep_ != "det" and t.i <= head.i and head_of(t).i >= head.i - 3]
        if any(t.i != head.i and (hit := self.entry_at.get(t.i)) and hit[1].kind == "org"
               for t in words):
            return None  # "the Mercosur bloc" names its bloc: no other bloc of the story
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
        key = self.chains.pronoun(tok, {k: r.kind for k, r in self.records.items()},
                                  self._ahead(tok))
        c = self.chains
        if key and key.startswith("G|") and tok.lower_ in c.masculine | c.feminine:
            self.records[key].kind = "person"  # "Tinning confessed ... she": a surname
        if key and c.clashed is not None:
            key = self._split(c.clashed, "m" if tok.lower_ in c.masculine else "f")
        return key

    def _split(self, m: Mention, gender: str) -> str:
        """A lone surname that a pronoun of the other gender than its full name's given name
        means is another person of that surname ("Ana married John Patey. Patey toured ...
        She"): its mention, and the bare surname from now on, become hers."""
        head = self.doc[m.i]
        new = self._record(f"U|{head.text}", head.text, None, None, "person")
        if new == m.key:
            return new
        span = self.extent(head)
        old = self.records[m.key]
        if span in old.mentions:
            self.records[new].mentions[span] = old.mentions.pop(span)
            if old.basis_span == span:
                old.basis_span = None
        if self.by_head.get(head.i) == m.key:
            self.by_head[head.i] = new
        self._surnames[head.text] = new
        self._split_off.add(new)
        self.chains.split(m, new, gender)
        return new

    def _ahead(self, tok: Token):
        """The subject of the clause a phrase before it modifies, when the pronoun sits in
        that phrase: "After his release, Smith said", "Living with her aunt, Kelsey studied"
        (the only place a pronoun may come before its name). The clause is the sentence's
        main one, or one the phrase opens the sentence before ("When he was a boy, Ivo Brandt
        sang in choirs; the choir ...": "sang" hangs on the second clause's verb); its
        subject is the one nearest its verb ("As coach at the club, working with his mentor,
        Scott has ...": Scott, not the role the parse also calls a subject)."""
        root = tok.sent.root
        branch, verb = None, None
        for a in [tok, *tok.ancestors]:
            if head_of(a).i == a.i:
                break
            if a.dep_ in AHEAD_BRANCHES and (head_of(a).i == root.i or (
                    head_of(a).pos_ in ("VERB", "AUX") and self._opens(a))):
                branch, verb = a, head_of(a)
                break
        if branch is None:
            return None
        subj = max((c for c in children_of(verb) if c.i < verb.i and (
            c.dep_ in ("nsubj", "nsubjpass") or self.chains.misread_subject(c))),
            key=lambda c: c.i, default=None)
        if subj is None and verb.i > 0 and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children_of(verb)):
            # "At the start of his career Okafor worked on ...": the parse hangs the name
            # right before a verb with no subject in the phrase ("career Okafor", one noun)
            prev = self.doc[verb.i - 1]
            subj = prev if prev.pos_ == "PROPN" and prev.is_title \
                and tok.i not in self._ahead_of else None
        if subj is None or subj.i < tok.i or branch.i > subj.i:
            return None
        if (tok.dep_ in ("nsubj", "nsubjpass") or branch.dep_ == "ccomp") \
                and not self._fronted(branch):
            return None
        self._ahead_of.add(tok.i)  # resolving the name may read this pronoun again
        try:
            known = self.actor_of(subj)
        finally:
            self._ahead_of.discard(tok.i)
        if known is None:
            # "During his years abroad, Morandi's health failed": the subject is no actor,
            # its owner is the one the clause is about
            subj = next((c for c in children_of(subj) if c.dep_ == "poss"
                         and c.lower_ not in self._third), None)
            if subj is None or self.actor_of(subj) is None:
                return None
        return self.chains.mention_at(subj.i)

    @staticmethod
    def _opens(branch: Token) -> bool:
        """Whether the phrase ``branch`` heads opens its sentence (after a conjunction,
        punctuation or an adverb at most: "And when he ...")."""
        return all(t.is_punct or t.dep_ in ("cc", "advmod")
                   for t in branch.doc[branch.sent.start:branch.left_edge.i])

    @staticmethod
    def _fronted(branch: Token) -> bool:
        """Whether ``branch`` is a subordinate clause opening its sentence ("When he was a
        child, Peter ..."), with its conjunction (the parse may call it a ccomp)."""
        return branch.dep_ in ("advcl", "ccomp") and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS and c.i < branch.i
            for c in children_of(branch))

    def _recent(self, before: int, fits, window: int = 400) -> str | None:
        """The actor of the last mention before token ``before`` (within ``window`` tokens)
        whose record fits."""
        for m in self.chains.preceding(before):
            if before - m.i > window:
                break
            rec = self.records[m.key]
            if fits(rec):
                return rec.key
        return None

    # -- records ------------------------------------------------------------------------
    def _record(self, key: str, name: str, code: str | None, country: str | None, kind: str,
                role: str | None = None, basis: str = "text") -> str:
        if key not in self.records:
            self.records[key] = _Record(key, name, code, country, kind, role, basis=basis)
        return key

    def _person(self, ref: int) -> str:
        p = self.d.persons[ref]
        code, title = role_on(p, self.published)
        key = self._record(f"P|{ref}", p.name, code, p.country, "person", title,
                           basis="dictionary")
        for alias in [p.name, *p.aliases]:
            self._surnames.setdefault(alias.split()[-1], key)
            if " " in alias:  # "Mr. Ban", "President Xi": names written family name first
                self._titled_first.setdefault(alias.split()[0], key)
        if title:
            self.chains.describe(key, title.lower().split())
        return key

    def _org(self, code: str) -> str:
        kind = {"armed_group": "armed_group"}.get(self.d.org_kind.get(code, ""), "organization")
        if self.d.org_kind.get(code) == "agency":
            kind = "government"
        return self._record(f"O|{code}", self.d.org_names[code], code,
                            self.d.org_country.get(code), kind, basis="dictionary")

    def _country(self, code: str) -> str:
        return self._record(f"C|{code}", self.d.countries[code], code, code, "country",
                            basis="dictionary")

    def _state(self, country: str, agent: str) -> str:
        name = f"{self.d.countries[country]} {self.d.agent_labels.get(agent, agent.lower())}"
        return self._record(f"C|{country}{agent}", name, f"{country}{agent}", country,
                            self._agent_kind(agent))

    def _agent_kind(self, agent: str) -> str:
        return "government" if agent in self.d.words.state_agents else "group"

    def _np(self, head: Token) -> list[Token]:
        """The words of the phrase headed by ``head`` (found once per head)."""
        words = self._phrases.get(head.i)
        if words is None:
            words = self._phrases[head.i] = _np_tokens(head)
            if head.lemma_.lower() in self.d.words.relations:
                # "a friend of the suspect", "the minister's cousin": whom the person is close
                # to names someone else, never this person nor that one's side ("the Karimov
                # brothers" keep their name)
                near = [c for c in children_of(head)
                        if c.i < head.i and c.dep_ in ("det", "amod", "compound")]
                near += [g for c in near if c.dep_ == "compound" for g in children_of(c)
                         if g.dep_ == "compound"]
                words = self._phrases[head.i] = sorted([head, *near], key=lambda t: t.i)
        return words

    def words_of(self, head: Token) -> list[Token]:
        """The words of the phrase headed by ``head``, with those of its prepositional
        phrases ("the government of Sindh province", "refugees in Jaffna")."""
        return sorted({*self._np(head), *(t for c in children_of(head) if c.dep_ == "prep"
                                          for t in c.subtree)}, key=lambda t: t.i)

    def extent(self, head: Token) -> tuple[int, int]:
        """Character offsets of the phrase headed by ``head``, as a mention shows it."""
        found = self._extents.get(head.i)
        if found is None:
            found = self._extents[head.i] = _extent(head, self._np(head))
        return found

    def _mention(self, key: str, head: Token, np: list[Token]) -> None:
        start, end = _extent(head, np)
        rec = self.records[key]
        rec.mentions[(start, end)] = self.text[start:end]
        if rec.basis_span is None:  # the words that first gave the code
            rec.basis_span = (start, end)
        c = self.chains
        # a name the tagger read as an adverb of its verb ("Dolly plans") is a name too
        proper = head.pos_ == "PROPN" or (head.pos_ in ("ADV", "ADJ") and c.misread_subject(head)) \
            or self._named_person(head) \
            or (head.is_title and rec.kind == "person" and head.text in rec.name.split())
        low = head.lower_  # (no union of the pronoun sets at every mention)
        person = (low in c.masculine or low in c.feminine or low in c.first_singular
                  or c.is_person_noun(head)
                  or (rec.kind == "person" and (proper or head.pos_ == "NOUN")))
        unsure = key.startswith("G|") and head.pos_ == "PROPN" and not head.is_upper and (
            (" " not in rec.name and head.ent_type_ == "ORG") or self._unsure_name(head, rec.name))
        # an unsure name is still a name, for salience and for a gender its words may give
        name = rec.name if (rec.kind == "person" or unsure) and proper else None
        c.add(head, key, person=person, words=np, name=name, unsure=unsure)
        if person and proper:  # "Lena Marsh, a campaign strategist": a later "the
            # strategist" or "the governor's strategist" points back to her
            c.describe(key, [a.lemma_.lower() for a in children_of(head)
                             if a.dep_ == "appos" and c.is_person_noun(a)])


    def _unsure_name(self, head: Token, name: str) -> bool:
        """Whether a name of two or three words the recognizer labels an organization or a
        people may be a person's ("Liesel Marwood", ORG: the small model labels many names of
        people it does not know so): every word capitalized, none an abbreviation, a word of
        the dictionary, a body's noun ("Foundation", "Group") or a region's or sizeable
        town's name ("Wigan Athletic"). Such a name stays a group, but "he" or "she" may
        mean it, as a lone surname labelled an organization."""
        words = name.split()
        return head.ent_type_ in ("ORG", "NORP") and 1 < len(words) <= 3 \
            and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
            and not any(t.i in self.entry_at for t in head.lefts) and head.i not in self.entry_at \
            and not any(w.lower() in self.d.descriptor_heads or names_place(w) for w in words)


def _extent(head: Token, np: list[Token]) -> tuple[int, int]:
    """From the first to the last word of the phrase, leaving out articles and appositions."""
    words = [t for t in np if t.dep_ not in ("det", "punct", "appos", "prep", "pobj", "cc")
             or t.i == head.i]
    words = [t for t in words if t.i <= head.i or head_of(t).i == head.i or t.i == head.i]
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _definite(head: Token) -> bool:
    return any(t.lower_ == "the" and t.dep_ == "det" for t in children_of(head))


def _np_head(tok: Token) -> Token:
    """Climb from a modifier ("Afghan" in "Afghan officials") to the head of its phrase."""
    while tok.dep_ in ("compound", "amod", "nmod", "nn") and head_of(tok).i != tok.i:
        tok = head_of(tok)
    return tok


def _np_tokens(head: Token) -> list[Token]:
    """The head, its left modifiers and the object of an "of" phrase ("leader of the Taliban")."""
    out = [head]
    for child in children_of(head):
        if child.dep_ in MODIFIER_DEPS or child.dep_ in ("det", "appos"):
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(t for t in child.subtree if t.dep_ != "prep" or t.i == child.i)
    return sorted(set(out), key=lambda t: t.i)


def _points_back(noun: Token) -> bool:
    """Whether a noun points back to one already given ("the statement", "this letter")."""
    dets = [c.lower_ for c in children_of(noun) if c.dep_ == "det"]
    return bool(dets) and dets[0] in ("the", "this", "that")
