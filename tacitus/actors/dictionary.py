"""The actor dictionary as spaCy phrase matchers, built once per pipeline vocabulary.

Every name, adjective, demonym, capital and seat-of-power metonym, organization alias, person
name and agent noun from ``tacitus/data/actors`` becomes a phrase pattern. Matching a whole
document costs one pass of two ``PhraseMatcher`` objects, which keeps the coder cheap next to
the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from tacitus.actors.chains import ascii_name
from tacitus.data import (
    ArgumentWords,
    ChainWords,
    Knowledge,
    Person,
    default_knowledge,
    load_agents,
    load_argument_words,
    load_chain_words,
    load_commentators,
    load_countries,
    load_held,
    load_not_actors,
    load_organizations,
    load_partitives,
    load_persons,
    load_residence_verbs,
    load_stance_prefixes,
    using,
)


@dataclass(frozen=True)
class Entry:
    """What a matched phrase refers to.

    kind: "country" (name or adjective), "demonym", "people" (an ethnic group living mainly
    in country ``code``), "metonym" (a capital or seat of power,
    standing for ``agent`` of ``code``), "org", "person" (``ref`` indexes the person list),
    "agent" (a role noun such as "officials", ``code`` being the agent code) or "none" (a
    phrase that shadows a name but is no actor: "Latin America").
    """

    kind: str
    code: str
    agent: str | None = None
    ref: int = -1
    capital: bool = False


@dataclass
class Dictionary:
    """All matchers and lookup tables for one vocabulary."""

    names: PhraseMatcher
    nouns: PhraseMatcher
    entries: dict[str, Entry]
    countries: dict[str, str]  # code -> canonical name
    country_descriptors: dict[str, set[str]]  # lowercased descriptor -> country codes
    org_names: dict[str, str]
    org_country: dict[str, str | None]
    org_kind: dict[str, str]
    org_descriptors: dict[str, set[str]]
    agent_labels: dict[str, str]
    persons: list[Person]
    partitives: frozenset[str]
    commentators: frozenset[str]
    held: frozenset[str]
    residence_verbs: frozenset[str]
    stance_prefixes: frozenset[str]
    chain_words: ChainWords
    words: ArgumentWords

    @cached_property
    def title_agents(self) -> dict[str, str]:
        """The agent of an abbreviated title ("Sen." -> senator -> LEG, "Gov." -> GOV): the
        phrase matcher reads whole words, and the tokenizer keeps "Sen." one word only with
        its capital."""
        nouns = {n: a.code for a in load_agents() for n in a.nouns}
        return {short: nouns[full] for short, full in self.chain_words.abbreviations.items()
                if full in nouns}

    @cached_property
    def surname_states(self) -> dict[str, dict[str, set[str]]]:
        """For each family name (last word of a person's name), the countries of the
        persons who bear it and the agents of the roles they held: what a title with only
        that name ("President Bush") may say where the surname alone is too common to be an
        alias."""
        out: dict[str, dict[str, set[str]]] = {}
        for p in self.persons:
            if p.country:
                agents = out.setdefault(p.name.split()[-1], {}).setdefault(p.country, set())
                agents.update(r.code[3:] for r in p.roles if r.code.startswith(p.country))
        return out

    @cached_property
    def person_words(self) -> list[frozenset[str]]:
        """Each person's name and alias words as the given-name list writes them (folded to
        lowercase ASCII, a final full stop dropped), by index into ``persons``: the resolver
        asks for them at every match of a person, and a person may have dozens of aliases."""
        return [frozenset(ascii_name(w.rstrip(".")) for n in (p.name, *p.aliases)
                          for w in n.split()) for p in self.persons]

    @cached_property
    def descriptor_heads(self) -> frozenset[str]:
        """Last words of the descriptors ("emirate", "movement"): nouns that may name an
        actor already in the story."""
        return frozenset(phrase.split()[-1] for phrase in
                         (*self.country_descriptors, *self.org_descriptors))

    @cached_property
    def country_heads(self) -> frozenset[str]:
        """Last words of the country descriptors ("nation", "emirate", "kingdom"): nouns
        that, with an "of" phrase, name a country ("the island nation of Nauru")."""
        return frozenset(phrase.split()[-1] for phrase in self.country_descriptors)

    def match(self, doc: Doc) -> list[tuple[Span, Entry]]:
        """Dictionary mentions in ``doc``, longest first where they overlap."""
        found: list[tuple[int, int, str]] = [
            (s, e, doc.vocab.strings[k]) for k, s, e in self.names(doc)
        ] + [(s, e, doc.vocab.strings[k]) for k, s, e in self.nouns(doc)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        taken: set[int] = set()
        out = []
        for start, end, key in found:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            out.append((doc[start:end], self.entries[key]))
        return out


def role_on(person: Person, day: str | None) -> tuple[str | None, str | None]:
    """The CAMEO code and title of the role ``person`` held on ``day`` (ISO date).

    Before or after all roles a person is coded as an elite of their country (``…ELI``);
    without a date the latest role is used.
    """
    roles = sorted(person.roles, key=lambda r: r.start)
    if not roles:
        return (f"{person.country}ELI" if person.country else None), None
    if day is None:
        return roles[-1].code, roles[-1].title
    for role in reversed(roles):
        if role.start[: len(day)] <= day and (role.end is None or day <= _end_bound(role.end)):
            return role.code, role.title
    if person.country:
        return f"{person.country}ELI", None
    return roles[-1].code, None


def _end_bound(end: str) -> str:
    """A partial end date ("2014", "2014-09") covers its whole year or month."""
    return end + "-12-31"[len(end) - 4 :] if len(end) < 10 else end


@cache
def _build(vocab_id: int, nlp: Language, knowledge: Knowledge) -> Dictionary:
    with using(knowledge):
        return _tables(nlp)


def _tables(nlp: Language) -> Dictionary:
    make = nlp.make_doc
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
    entries: dict[str, Entry] = {}

    def add(matcher: PhraseMatcher, key: str, entry: Entry, phrases: list[str]) -> None:
        phrases = [p for p in dict.fromkeys(phrases) if p and p.strip()]
        if not phrases:
            return
        entries[key] = entry
        matcher.add(key, [make(p) for p in phrases])

    countries, country_descriptors = {}, {}
    add(names, "N|", Entry("none", ""), load_not_actors())
    for c in load_countries():
        countries[c.code] = c.name
        add(names, f"C|{c.code}", Entry("country", c.code), [c.name, *c.aliases, *c.adjectives])
        add(names, f"D|{c.code}", Entry("demonym", c.code), c.demonyms)
        add(names, f"E|{c.code}", Entry("people", c.code), c.peoples)
        by_agent: dict[str, list[str]] = {}
        for m in c.metonyms:
            by_agent.setdefault(m.agent, []).append(m.text)
        if c.capital and c.capital not in by_agent.get("GOV", []):
            by_agent.setdefault("GOV", []).append(c.capital)
        for agent, texts in by_agent.items():
            capital = c.capital in texts
            add(names, f"M|{c.code}|{agent}", Entry("metonym", c.code, agent, capital=capital),
                texts)
        for d in c.descriptors:
            country_descriptors.setdefault(d.lower(), set()).add(c.code)

    org_names, org_country, org_kind, org_descriptors = {}, {}, {}, {}
    for o in load_organizations():
        org_names[o.code] = o.name
        org_country[o.code] = o.country
        org_kind[o.code] = o.kind
        add(names, f"O|{o.code}", Entry("org", o.code), [o.name, *o.aliases])
        for d in o.descriptors:
            org_descriptors.setdefault(d.lower(), set()).add(o.code)

    persons = load_persons()
    for i, p in enumerate(persons):
        add(names, f"P|{i}", Entry("person", p.country or "", ref=i), [p.name, *p.aliases])

    agent_labels = {}
    for a in load_agents():
        agent_labels[a.code] = a.label
        add(nouns, f"A|{a.code}", Entry("agent", a.code), a.nouns)

    return Dictionary(names, nouns, entries, countries, country_descriptors, org_names,
                      org_country, org_kind, org_descriptors, agent_labels, persons,
                      load_partitives(), load_commentators(), load_held(),
                      load_residence_verbs(), load_stance_prefixes(), load_chain_words(),
                      load_argument_words())


def dictionary_for(nlp: Language, knowledge: Knowledge | None = None) -> Dictionary:
    """The dictionary built for ``nlp``'s vocabulary from ``knowledge`` (the process's
    default unless given; built on first use, then cached)."""
    k = knowledge or default_knowledge()
    return _build(id(nlp.vocab), nlp, k)
