"""Where: find the places a story names, resolve them with the gazetteer, and place each event.

Toponyms are spaCy's GPE, LOC and FAC entities, country names of the actor dictionary, and
proper-noun runs the gazetteer knows that NER missed or mislabelled ("in Kandahar" tagged as
a person). A name is resolved from the story around it, never alone: each reading of it
scores its kind (country > region > capital > town), its population, whether the name is
its own or an alternate, and how well it fits the countries and regions the rest of the
story points to (every other toponym votes for its readings' countries and regions, and
every actor for its country), and the share of the story's other names that may lie in the
reading's region (a local story's names share a state: "Athens" beside "Henderson County"
both have a reading in Texas). An explicit qualifier wins ("Paris, Texas"), and holds for
the name's other mentions in the story. A US county takes the point of the town of its
state the story names most (the gazetteer's county points are rough derivations). A capital acting
as a government ("Washington's bid", "Kabul rejected") is an actor, not a place, unless it
stands beside places ("attacks on New York City and Washington").

An event takes the place of its own clause (a locative phrase on its verb or noun: "in
Kandahar", "near the border town of X", "in a shooting in X"; or the place its verb acts on:
"bombed X", "patrolled the streets of X"), else one of a verb coordinated with it under the
same subject ("was shot and killed in X"), else one of a "when/as/while" clause under it
("died when militants stormed a post in X"), else one of a clause above it ("In Kabul,
officials said rebels attacked"), else, for a report of current news, the wire dateline's
place (the dateline's own country, a place an officer is named by, "a former mayor of X",
are no other place in its sentence). A place under "since", "after", "from" and the like is
not the event's ("since the start of the war in X"), nor is a country whose post an embassy,
consulate or base is ("the U.S. embassy in Quito" is in Quito). Anything else stays unknown
rather than guessed.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from tacitus.actors import ActorBook
from tacitus.data import load_countries
from tacitus.data.gazetteer import Gazetteer, GeoEntry, key, load_gazetteer
from tacitus.model import Location, Place
from tacitus.model import Span as TextSpan
from tacitus.nlp.tree import children_of, entities_of, head_of, tokens_of

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_NAMES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around",
            "within", "from", "into", "to", "toward", "towards", "between", "along", "off",
            "on", "over", "through", "beyond", "past", "by"}
WHERE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
         "along", "off", "on", "over", "through"}  # prepositions that say where it happened
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
ACTOR_ENTRIES = {"org", "agent", "person"}
"""Dictionary entries that name an actor, whose words are never a toponym."""
# nouns that stand for a place or a part of one: "the city of X", "the streets of X",
# "half of X" as an object say where, as X itself would
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "capital",
               "suburb", "suburbs", "outskirts", "street", "streets", "area", "areas",
               "county", "governorate", "countryside", "coast", "port", "island", "islands",
               "neighborhood", "neighbourhood", "quarter", "enclave", "stronghold", "part",
               "parts", "center", "centre", "heart", "north", "south", "east", "west",
               "half", "percent", "most", "much", "territory", "municipality", "valley",
               "sector", "state", "border", "camp", "hamlet", "settlement", "oblast"}
# posts a country keeps abroad: "the U.S. embassy", "an American base", "the consulate of
# Spain" say whose the building is, not where it stands (the city beside it, or the
# dateline, says that)
POSTS = {"embassy", "embassies", "consulate", "consulates", "legation", "chancery",
         "mission", "base", "bases", "garrison", "ambassador", "residence", "compound"}
# offices named by a place ("the mayor of X", "the governor of Y province"): the place says
# whose office it is, not where the officer's event happened
OFFICES = {"mayor", "governor", "bishop", "archbishop", "prefect", "senator", "deputy",
           "councilman", "councillor", "mayors", "governors"}
WHEN = {"when", "as", "while"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis",
               "csubj", "csubjpass", "pcomp"}
NOT_WHERE = {"since", "before", "after", "until", "following", "during", "from", "than",
             "like", "unlike", "despite"}  # a place below these is not the event's
KIND_PRIOR = {"CONT": 6.0, "PCLI": 6.0, "ADM1": 4.5, "ADM2": 3.0, "PPLC": 6.5, "PPL": 0.0}
OWN_NAME = 2.0
COUNTRY_FIT = 2.5
REGION_FIT = 3.0
QUALIFIED = 20.0
REGION_COVER = 8.0  # times the share of the other names that may lie in a reading's region
COVER_MIN = 1  # other names needed before that share counts


@cache
def _country_names() -> dict[str, str]:
    """Country names, aliases, adjectives and demonyms of the actor dictionary ("U.S.",
    "Britain", "Russian", "Georgians") -> ISO3. Adjectives resolve a given span; finding
    toponyms only takes what NER calls a place, so "Afghan officials" is no place."""
    out = {}
    for c in load_countries():
        for name in (c.name, *c.aliases, *c.adjectives, *c.demonyms):
            out.setdefault(key(name), c.code)
    return out


@cache
def _capitals() -> dict[str, str]:
    """Capital names (folded key) -> ISO3: the names that may stand for a government."""
    return {key(c.capital): c.code for c in load_countries() if c.capital}


@dataclass
class _Mention:
    start: int  # character offsets in the text
    end: int
    head: Token
    readings: list[tuple[GeoEntry, bool]]
    qualifier: _Mention | None = None
    qualifies: bool = False  # names the region of the toponym before it ("Paris, Texas")
    chosen: GeoEntry | None = None
    tokens: tuple[int, int] = (0, 0)
    score: dict[int, float] = field(default_factory=dict)


def _trim(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the United States's" -> "United
    States"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS"
                           or span.doc[end - 1].text in ("'s", "'", "\u2019s")):
        end -= 1
    return span.doc[start:end]


class Placer:
    """The places of one parsed document, and the place of each of its events.

    ``book``: the story's actors: their countries are context for the toponyms, and a
    capital the actor resolver read as a government is a place only beside other places.
    ``spans``: character spans to resolve instead of finding toponyms (for evaluation with
    gold spans).
    """

    def __init__(self, doc: Doc, book: ActorBook | None = None, *, text: str | None = None,
                 dateline: str | None = None,
                 spans: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.text = text if text is not None else doc.text
        self.g: Gazetteer = load_gazetteer()
        actor_countries: list[str] = []
        metonyms: set[int] = set()
        named: set[int] = set()  # tokens of organizations, agents, persons: never places
        if book is not None:
            actor_countries = [r.country for r in book.records.values() if r.country]
            for i, k in book.by_head.items():
                hit = book.entry_at.get(i)
                if k is not None and hit is not None and hit[1].kind == "metonym":
                    metonyms.add(i)
            for span, entry in book.entry_at.values():
                if entry.kind in ACTOR_ENTRIES:  # "NATO", "US Marines": not the towns
                    named.update(range(span.start, span.end))
        found = self._given(spans) if spans is not None else self._find(metonyms, named)
        self.mentions = found
        self._qualify()
        self._resolve(actor_countries)
        self._by_token: dict[int, _Mention] = {}
        for m in self.mentions:
            if m.chosen is not None:
                for i in range(*m.tokens):
                    self._by_token[i] = m
        self.dateline = self._dateline(dateline)
        # the toponym of each trigger, found once: an event's target basis and its place
        # both ask for it, and the mentions do not change after this
        self._mention_of: dict[int, _Mention | None] = {}

    # -- finding ------------------------------------------------------------------------
    def _lookup(self, text: str) -> list[tuple[GeoEntry, bool]]:
        readings = self.g.lookup(text)
        code = _country_names().get(key(text))
        if code and code in self.g.countries:  # "Georgia": the country, or still the state
            country = self.g.countries[code]
            return [(country, True), *(r for r in readings if r[0] is not country)]
        return readings

    def _mention(self, span: Span) -> _Mention | None:
        span = _hyphenated(_trim(span))
        if not len(span) or not span.text[:1].isupper():
            return None
        readings = self._lookup(span.text)
        if not readings:
            return None
        return _Mention(span.start_char, span.end_char, span.root, readings,
                        tokens=(span.start, span.end))

    def _find(self, metonyms: set[int] | frozenset[int], named: set[int]) -> list[_Mention]:
        doc = self.doc
        out: list[_Mention] = []
        taken: set[int] = set(named)

        def add(span: Span) -> None:
            if any(i in taken for i in range(span.start, span.end)):
                return
            m = self._mention(span)
            if m is not None:
                taken.update(range(*m.tokens))
                out.append(m)

        ents = entities_of(doc)  # Doc.ents builds its spans again on every access
        for ent in ents:
            if ent.label_ in PLACE_LABELS:
                add(ent)
        for ent in ents:  # a name NER gave another label, in a locative phrase
            if ent.label_ in OTHER_NAMES and key(ent.text) not in _country_names():
                root = ent.root
                if ((root.dep_ == "pobj" and head_of(root).lower_ in LOCATIVE)
                        or _locative(root) or _standing(root) is not root) \
                        and ent.text in self.g:
                    add(ent)
        # proper-noun runs outside any entity: names NER missed
        tokens = tokens_of(doc)  # doc[i] builds a new token on every read
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if t.pos_ == "PROPN" and not t.ent_type_ and i not in taken:
                j = i
                while j + 1 < len(tokens) and tokens[j + 1].pos_ == "PROPN" \
                        and not tokens[j + 1].ent_type_:
                    j += 1
                add(doc[i : j + 1])
                i = j + 1
            else:
                i += 1
        # "X County": NER often stops before "County"
        for m in out:
            nxt = m.tokens[1]
            if nxt < len(doc) and doc[nxt].lower_ in ("county", "parish"):
                longer = self.g.lookup(doc[m.tokens[0] : nxt + 1].text)
                if longer:
                    m.readings, m.tokens = longer, (m.tokens[0], nxt + 1)
                    m.end = doc[nxt].idx + len(doc[nxt].text)
        out = [m for m in out if not self._acts(m, metonyms, out)]
        return sorted(out, key=lambda m: m.start)

    def _given(self, spans: list[tuple[int, int]]) -> list[_Mention]:
        out = []
        for start, end in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            readings = self._lookup(self.text[start:end])
            if span is None:
                continue
            out.append(_Mention(start, end, span.root, readings, tokens=(span.start, span.end)))
        return out

    def _acts(self, m: _Mention, metonyms: set[int] | frozenset[int],
              mentions: list[_Mention]) -> bool:
        """A capital standing for its government ("Kabul rejected", "Washington's bid"):
        an actor, not a place, unless it is in a locative phrase ("an office in Kabul") or
        coordinated with a place that is no capital ("attacks on New York City and
        Washington")."""
        head = m.head
        capital = key(self.text[m.start : m.end]) in _capitals()
        if head.i not in metonyms and not capital:
            return False
        if _locative(head) or _standing(head) is not head:  # "north of Baghdad"
            return False
        places = {i for o in mentions if o is not m
                  and key(self.text[o.start : o.end]) not in _capitals()
                  for i in range(*o.tokens)}
        if any(c.i in places for c in head.conjuncts):
            return False
        return (head.i in metonyms or head.dep_ in ACTOR_DEPS
                or (head.dep_ == "pobj" and head_of(head).dep_ == "agent"))

    # -- resolving ----------------------------------------------------------------------
    def _qualify(self) -> None:
        """ "Paris, Texas", "Tbilisi, Georgia": the second names a region or country that
        holds the first, and both readings are fixed by it."""
        for a, b in zip(self.mentions, self.mentions[1:], strict=False):
            between = self.text[a.end : b.start]
            if between.strip() != "," or len(between) > 3:
                continue
            outer = [e for e, _ in b.readings if e.fcode in ("ADM1", "PCLI")]
            inner = [(e, own) for e, own in a.readings
                     if any(_within(e, o) for o in outer)]
            if inner:
                a.readings = inner
                b.readings = [(o, own) for o, own in b.readings
                              if any(_within(e, o) for e, _ in inner)]
                a.qualifier = b
                b.qualifies = True
        fixed: dict[str, list[tuple[GeoEntry, bool]]] = {}
        for m in self.mentions:  # "Dublin, Ohio", then "Dublin": one place in one story
            if m.qualifier is not None:
                fixed.setdefault(key(self.text[m.start : m.end]), m.readings)
        for m in self.mentions:
            k = key(self.text[m.start : m.end])
            if m.qualifier is None and not m.qualifies and k in fixed:
                m.readings = fixed[k]

    def _score(self, e: GeoEntry, own: bool, m: _Mention, countries: dict[str, float],
               regions: dict[tuple[str, str], float],
               cover: dict[tuple[str, str], float] | None = None) -> float:
        s = KIND_PRIOR.get(e.fcode, 0.0) + math.log10(e.population + 1)
        if cover and e.fcode != "PCLI":
            s += REGION_COVER * cover.get((e.cc2, e.admin1), 0.0)
        s += OWN_NAME if own else 0.0
        s += COUNTRY_FIT * min(countries.get(e.cc3, 0.0), 2.0)
        if e.fcode != "PCLI":
            s += REGION_FIT * min(regions.get((e.cc2, e.admin1), 0.0), 2.0)
        if m.qualifier is not None:
            s += QUALIFIED
        if e.lat is None:
            s -= 1.0  # a county we cannot locate loses a tie
        return s

    def _resolve(self, actor_countries: list[str]) -> None:
        """Two passes: each toponym alone, then each again with the countries and regions
        the other toponyms' first readings (and the actors) point to."""
        none: dict = {}
        for m in self.mentions:
            m.chosen = max(m.readings, default=(None,),
                           key=lambda r, m=m: self._score(*r, m, none, none))[0]
        countries: dict[str, float] = defaultdict(float)
        regions: dict[tuple[str, str], float] = defaultdict(float)
        for code in set(actor_countries):
            countries[code] += 0.5
        names: dict[str, list[_Mention]] = defaultdict(list)
        for m in self.mentions:
            names[key(self.text[m.start : m.end])].append(m)
        own: dict[str, tuple[dict, dict]] = {}  # what the mentions of one name vote
        for k, ms in names.items():
            c: dict[str, float] = defaultdict(float)
            r: dict[tuple[str, str], float] = defaultdict(float)
            for m in ms:
                e = m.chosen
                if e is None or not e.cc3:
                    continue
                weight = 1.0 if len(m.readings) == 1 else 0.5  # a sure reading counts more
                c[e.cc3] += weight
                if e.fcode != "PCLI":
                    r[(e.cc2, e.admin1)] += weight
            own[k] = (c, r)
            for code, v in c.items():
                countries[code] += v
            for region, v in r.items():
                regions[region] += v
        # which regions each name may lie in: names that share a region are a local story's
        # ("Athens" beside "Henderson County": both have a reading in Texas)
        may: dict[str, set[tuple[str, str]]] = {
            k: {(e.cc2, e.admin1) for m in ms for e, _ in m.readings
                if e.fcode != "PCLI" and e.cc2} for k, ms in names.items()}
        covered: dict[tuple[str, str], int] = defaultdict(int)
        for regs in may.values():
            for region in regs:
                covered[region] += 1
        n_other = len([k for k in may if may[k]])
        for k, ms in names.items():  # a name is no context for itself, however often named
            oc, orr = own[k]
            c = {code: v - oc.get(code, 0.0) for code, v in countries.items()}
            r = {region: v - orr.get(region, 0.0) for region, v in regions.items()}
            others = n_other - bool(may[k])
            cover = {region: (covered[region] - 1) / others for region in may[k]
                     } if others >= COVER_MIN else None
            for m in ms:
                m.chosen = max(m.readings, default=(None,), key=lambda x, m=m, c=c, r=r, v=cover:
                               self._score(*x, m, c, r, v))[0]
        self._place_counties()

    def _place_counties(self) -> None:
        """A US county's point from the story: the gazetteer's is derived and rough (a
        same-named town of its state, or the state's point), so a county takes the point of
        the town of its state the story names most (the larger on a tie), which local news
        names because it lies in or beside that county."""
        towns: dict[tuple[str, str], dict[int, list]] = defaultdict(dict)
        for m in self.mentions:
            e = m.chosen
            if e is not None and e.is_city and e.cc2 == "US" and e.lat is not None:
                towns[("US", e.admin1)].setdefault(id(e), [0, e])[0] += 1
        for m in self.mentions:
            e = m.chosen
            if e is None or e.fcode != "ADM2" or not (here := towns.get((e.cc2, e.admin1))):
                continue
            _, town = max(here.values(), key=lambda x: (x[0], x[1].population))
            m.chosen = replace(e, lat=town.lat, lon=town.lon)

    def _dateline(self, dateline: str | None) -> GeoEntry | None:
        """The place of a wire dateline ("KABUL, Jan. 4 (AP) --"): its first words."""
        if not dateline:
            return None
        head = re.split(r"[,(\u2014]|--|\d", dateline, maxsplit=1)[0].strip()
        if not head:
            return None
        readings = self._lookup(head.title() if head.isupper() else head)
        if not readings:
            return None
        return max(readings, key=lambda r: (r[0].fcode == "PPLC", r[1], r[0].population))[0]

    # -- output ---------------------------------------------------------------------------
    def places(self) -> list[Place]:
        """One place per gazetteer row the story names, with every mention of it."""
        by_row: dict[tuple, Place] = {}
        for m in self.mentions:
            e = m.chosen
            if e is None:
                continue
            k = (e.id, e.name, e.cc2, e.admin1)
            place = by_row.get(k)
            if place is None:
                place = by_row[k] = Place(name=e.name, lat=e.lat, lon=e.lon,
                                          country=e.cc3 or None, geonames_id=e.id)
            place.mentions.append(TextSpan(start=m.start, end=m.end,
                                           text=self.text[m.start : m.end]))
        return list(by_row.values())

    def resolved(self) -> list[tuple[int, int, GeoEntry | None]]:
        """(start, end, row) of each mention, in the order found (for evaluation)."""
        return [(m.start, m.end, m.chosen) for m in self.mentions]

    def mention_for(self, trigger: Token, avoid: frozenset[int] = frozenset()
                    ) -> _Mention | None:
        """The toponym that says where the event of ``trigger`` happened, or None; one
        whose head is among ``avoid`` (token indices) is passed over."""
        if avoid:
            return self._find_mention_for(trigger, avoid)
        if trigger.i not in self._mention_of:
            self._mention_of[trigger.i] = self._find_mention_for(trigger)
        return self._mention_of[trigger.i]

    def _find_mention_for(self, trigger: Token, avoid: frozenset[int] = frozenset()
                          ) -> _Mention | None:
        sent = trigger.sent
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else head_of(trigger)
        here = [m for m in {id(m): m for m in self._by_token.values()}.values()
                if sent.start <= m.head.i < sent.end and not m.qualifies
                and not self._owner(m) and m.head.i not in avoid]
        own = [m for m in here if _governs(m.head, trigger, verb) and not _agent_of(m, trigger)]
        if own:
            return min(own, key=lambda m: abs(m.head.i - trigger.i))
        shared = [m for c in _sharing(verb) for m in here if _governs(m.head, c, c)]
        if shared:
            return min(shared, key=lambda m: abs(m.head.i - trigger.i))
        below = [m for c in _when(verb) for m in here if _governs(m.head, c, c)]
        if below:
            return min(below, key=lambda m: abs(m.head.i - trigger.i))
        above = [m for m in here if _locative(m.head)
                 and (g := _governor(m.head)) is not None and _above(g, verb)]
        if above:
            return min(above, key=lambda m: abs(m.head.i - trigger.i))
        return None

    def _owner(self, m: _Mention) -> bool:
        """Whether a toponym says whose post or office it is, not where the event is: a
        country's name on an embassy or base ("at the U.S. embassy", "the embassy of Spain",
        "a French base", which stand in other countries), a place an officer is named by
        ("a former mayor of X was murdered": the dateline still places the murder)."""
        head = m.head
        if head.dep_ == "pobj" and head_of(head).lower_ == "of" \
                and head_of(head_of(head)).lower_ in OFFICES:
            return True
        if key(self.text[m.start : m.end]) not in _country_names():
            return False
        if head.dep_ in ("compound", "amod", "poss", "nmod"):
            return head_of(head).lower_ in POSTS
        return (head.dep_ == "pobj" and head_of(head).lower_ == "of"
                and head_of(head_of(head)).lower_ in POSTS)

    def country_within(self, tokens: list[Token]) -> str | None:
        """The country of the first resolved place among ``tokens`` (an actor's own words:
        "Darfur rebels", "the government of Sindh province"), or None. Only a name the
        recognizer took for a place: a party's "(Freedom)" is no town of that name."""
        return next((m.chosen.cc3 for t in tokens if (m := self._by_token.get(t.i)) is not None
                     and m.chosen is not None and m.chosen.cc3
                     and m.head.ent_type_ in PLACE_LABELS), None)

    def location_for(self, trigger: Token, modality: str) -> Location | None:
        """The event's place: its clause's, a clause above it's, else the dateline's for a
        report of current news (asserted or reported, in a sentence that names no other
        place: the dateline's own country holds it, and is no other place)."""
        m = self.mention_for(trigger)
        if m is not None and m.chosen is not None:
            return _location(m.chosen)
        line = self.dateline
        if line is None or modality not in ("asserted", "reported"):
            return None
        sent = trigger.sent
        if any(sent.start <= i < sent.end and not self._owner(m)
               and not (m.chosen is line or (m.chosen.fcode == "PCLI" and _within(line, m.chosen)))
               for i, m in self._by_token.items()):
            return None  # the sentence names a place that is not the event's: no guess
        return _location(line)


def _agent_of(m: _Mention, trigger: Token) -> bool:
    """A country named on the event noun itself ("the US invasion", "an Afghan offensive")
    says who acted, not where; a city there is the place ("the Kabul bombing")."""
    return (m.head.head.i == trigger.i and m.head.dep_ in ("compound", "amod", "poss")
            and key(m.head.doc.text[m.start : m.end]) in _country_names())


def _hyphenated(span: Span) -> Span:
    """Widen a name over the hyphens it is written with: "Mazar" -> "Mazar-i-Sharif"."""
    doc, end = span.doc, span.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha):
        end += 2
    return doc[span.start : end]


def _within(inner: GeoEntry, outer: GeoEntry) -> bool:
    if outer.fcode == "PCLI":
        return inner.cc2 == outer.cc2 and inner is not outer
    return inner.cc2 == outer.cc2 and inner.admin1 == outer.admin1 and inner is not outer


def _location(e: GeoEntry) -> Location:
    return Location(name=e.name, lat=e.lat, lon=e.lon, country=e.cc3 or None, geonames_id=e.id)


def _locative(head: Token) -> bool:
    """Whether a toponym hangs from a preposition that says where ("in", "near"), directly
    or through the noun it names ("near the border town of X")."""
    tok = head
    while tok.dep_ in ("pobj", "compound", "appos", "conj") or (
            tok.dep_ == "prep" and tok.lower_ == "of"):
        if tok.dep_ == "pobj" and head_of(tok).lower_ in WHERE:
            return True
        if head_of(tok).i == tok.i:
            break
        tok = head_of(tok)
    return False


def _governor(root: Token) -> Token | None:
    return next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _above(governor: Token, verb: Token) -> bool:
    """Whether ``governor`` heads a clause above ``verb`` ("In Kabul, officials said rebels
    attacked"), not one coordinated with it ("attacked in Herat and arrested")."""
    tok = verb
    while head_of(tok).i != tok.i:
        if tok.dep_ == "conj":
            return False
        tok = head_of(tok)
        if tok.i == governor.i:
            return True
    return False


def _standing(head: Token) -> Token:
    """The token a toponym stands in for: itself, or the place noun it names ("the city of
    X", "the streets of X", "X province"), through appositions and conjuncts."""
    tok = head
    while True:
        if tok.dep_ in ("compound", "appos", "conj") and head_of(tok).i != tok.i and (
                tok.dep_ != "compound" or head_of(tok).lower_ in PLACE_NOUNS
                or head_of(tok).ent_type_ in PLACE_LABELS):
            tok = head_of(tok)
        elif (tok.dep_ == "pobj" and head_of(tok).lower_ == "of"
              and head_of(head_of(tok)).lower_ in PLACE_NOUNS):
            tok = head_of(head_of(tok))
        elif tok.dep_ == "poss" and head_of(tok).lower_ in PLACE_NOUNS:  # "Kabul's streets"
            tok = head_of(tok)
        else:
            return tok


def _governs(head: Token, trigger: Token, verb: Token) -> bool:
    """Whether a toponym is a locative phrase of the trigger's own clause (or its noun), or
    the place its verb acts on ("bombed Kabul", "patrolled the streets of Gaza")."""
    top = _standing(head)
    if not _locative(head) and top.dep_ not in ("dobj", "npadvmod"):
        return False
    for anc in head.ancestors:
        if anc.i in (trigger.i, verb.i):
            return True
        if anc.lower_ in NOT_WHERE and (anc.pos_ in ("ADP", "SCONJ") or anc.dep_ == "prep"):
            return False
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ in CLAUSE_DEPS:
            return False
    return False


def _when(verb: Token) -> list[Token]:
    """The clauses under ``verb`` that say when it happened ("killed when fighters attacked
    a post in X", "shot after opening fire in a X restaurant"): the same scene."""
    out = []
    for c in children_of(verb):
        if c.dep_ == "advcl" and any(t.dep_ in ("mark", "advmod") and t.lower_ in WHEN
                                     for t in children_of(c)):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in WHEN:
            out.extend(t for t in children_of(c) if t.dep_ == "pcomp" and t.pos_ == "VERB")
    return out


def _sharing(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb`` that share its subject ("was shot and killed in
    X", "killed 8 and wounded 19 around X"): they happened at one place."""
    out = []
    for c in verb.conjuncts:
        if c.pos_ not in ("VERB", "AUX"):
            continue
        later = c if c.i > verb.i else verb
        if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in children_of(later)):
            out.append(c)
    return out
