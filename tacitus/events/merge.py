"""Each real event once per article: merge the records that report the same event.

An article reports one attack in its lead ("a suicide bomber killed the envoy"), again with
detail ("detonating a bomb concealed in his turban") and later as "the attack"; a minister
"said" three times in one statement. The coder reads each passage on its own, so each gives
a record. ``merge_mentions`` joins such records into one event whose ``mentions`` list every
passage and whose ``evidence`` is the most informative one (both actors named and coded, a
date of its own, a place, counts). Records are one event when all of these hold
(``data/merge.yaml`` holds the word lists and the thresholds):

* **codes**: the same code; a code and its sub-code ("183", "1831"); a root's generic code
  and a specific one of that root ("010" and "012", "040" and "046"); in the violent roots
  18, 19 and 20, a generic act ("180", "190", "200") and any specific one; an act and the
  threat of that same act (frames.yaml's threat family: "161" and "1313") when the threat was
  not read from a word of threatening ("threatened to expel" stays a threat); a speaker's
  bare statement ("010") and a verbal act of the same speaker ("speaking at a ceremony,
  hailed Biden": 051) in the same or the next sentence, or anywhere for one person (in one
  sentence an official speaks for their government: ``speaks_for``); two
  specific codes of one violent root done to one person ("shot", "strafed": ``one_victim``),
  or an assault and a fight done to one person ("murdered", "fired shots at him": the
  assault's code kept); the records one plural noun of a fight gives for its two sides
  ("clashes between soldiers and rebels": ``reciprocal_nouns``) are one act.
  The specific code is kept over the generic, the act over the threat and what is said over
  the saying; a record whose code was not kept is listed in ``left_out`` with reason
  "merged" and why.
* **actors**: for source and target alike, the same actor (one chain of the actor stage:
  "Karzai", "he" and "the president" are one id), two non-person actors with the same code,
  or a country and its own agent ("USA", "USAGOV"), or one side unnamed; as targets of
  violence, a person and a group of the same coded role (``member_victim``), or any victims
  where one is a casualty told as one more ("was also killed": ``one_more``) or of the
  other's day and place (``same_day_and_place``), or of the same toll in the next sentence
  (``toll_victims``), or in one sentence a casualty done by the attacker of the
  other act ("ambushed a patrol, killing an officer": ``consequence``); in violence a side
  named by a pronoun the chains guessed differently keeps nothing apart (``guessed``), nor
  does a target read from the place (``placed``); an unidentified armed role and a named
  armed group may be one attacker (``armed_group_of``), and the merged event names the
  group. At least one side must be named in both, except for a definite event noun ("the
  attack", "the talks"), which points back to the latest compatible event with one side
  only. No actor may be source in one and target in the other.
* **dates**: either has none, or a date it takes from no words of its own (a current report),
  or their intervals overlap, or (two acts of violence in one sentence) one is only the
  story's time and the other a date of its own words (``_story_date``).
* **places**: either has none, the same name or GeoNames id, one is the other's country, or
  they lie within ``place_km``; two countries never.
* **modality**: both say something happened (asserted, reported), or both have the same
  other modality (two planned offensives may be one plan; a plan is no attack; a disputed
  claim stays apart from what the article asserts), or, in one sentence, both say it has not
  happened yet (planned, hypothetical).
* **counts**: no kind of count (killed, wounded...) with two different values.

The records one trigger gives for several victims or attackers ("gunmen killed a police
officer and two soldiers": a record per victim) are one act (``same_act``): one event whose
``dyads`` list every source-target pair. A later mention need only agree with one pair of
such an act ("the killing of the officer").

Each record joins the event last reported that it is compatible with in every one of that
event's mentions, so a chain of pairwise-compatible records cannot join two incompatible
ones. Events keep the coder's order (reading order, by their first mention) and are numbered
again ``e1..eN``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tacitus.model import (
    Actor,
    CodedDocument,
    Dyad,
    Event,
    EventDate,
    LeftOut,
    Location,
    Mention,
)

_WORD = re.compile(r"[A-Za-z][\w'-]*|[^\w\s]")


@dataclass(frozen=True)
class MergeRules:
    violence_roots: frozenset[str]
    threat_words: frozenset[str]
    definite: frozenset[str]
    factual: frozenset[str]
    unrealized: frozenset[str]
    across_roots: frozenset[str]
    across_modalities: tuple[str, ...]  # the merged record's modality: the first one held
    alliances: dict[str, frozenset[str]]  # alliance code -> ISO3 of its members
    guessed_pronouns: frozenset[str]
    armed_roles: frozenset[str]
    symmetric_roots: frozenset[str]
    casualty_words: frozenset[str]
    casualty_sentences: int
    also_words: frozenset[str]
    reciprocal_nouns: frozenset[str]
    one_victim_roots: frozenset[str]
    place_km: float
    statements: frozenset[str]
    threats: dict[str, str]  # act code prefix -> the threat code of that act
    countries: dict[str, str]  # folded country name -> ISO3


@cache
def rules() -> MergeRules:
    """The merge rules of ``data/merge.yaml`` and the threat table of ``data/frames.yaml``."""
    from tacitus.data import _read_yaml, load_countries, load_frames, load_symmetric_roots

    data = _read_yaml("merge.yaml")
    threat = load_frames().families["threat"]
    threats = {act: code for act, code in threat.codes.items() if code not in ("same",
                                                                              "negated")}
    countries = {_fold(n): c.code for c in load_countries() for n in (c.name, *c.aliases)}
    return MergeRules(
        violence_roots=frozenset(map(str, data["violence_roots"])),
        threat_words=frozenset(w.lower() for w in data["threat_words"]),
        definite=frozenset(w.lower() for w in data["definite"]),
        factual=frozenset(data["factual"]),
        unrealized=frozenset(data["unrealized"]),
        across_roots=frozenset(map(str, data["across_roots"])),
        across_modalities=tuple(data["across_modalities"]),
        alliances={code: frozenset(members) for code, members in data["alliances"].items()},
        guessed_pronouns=frozenset(w.lower() for w in data["guessed_pronouns"]),
        armed_roles=frozenset(map(str, data["armed_roles"])),
        symmetric_roots=load_symmetric_roots(),
        casualty_words=frozenset(w.lower() for w in data["casualty_words"]),
        casualty_sentences=int(data["casualty_sentences"]),
        also_words=frozenset(w.lower() for w in data["also_words"]),
        reciprocal_nouns=frozenset(w.lower() for w in data["reciprocal_nouns"]),
        one_victim_roots=frozenset(map(str, data["one_victim_roots"])),
        place_km=float(data["place_km"]),
        statements=frozenset(map(str, data["statements"])),
        threats=threats,
        countries=countries,
    )


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", text.casefold()).split())


# --- codes ---------------------------------------------------------------------------------

def generic(code: str) -> bool:
    """A root ("19") or a root's catch-all code ("190"): no more specific act named."""
    return len(code) == 2 or (len(code) == 3 and code.endswith("0"))


def threat_of(code: str, r: MergeRules | None = None) -> str | None:
    """The threat code of the act ``code`` (frames.yaml: "161" -> "1313"), if any."""
    r = r or rules()
    for n in range(len(code), 1, -1):
        if code[:n] in r.threats:
            return r.threats[code[:n]]
    return None


def _threat_pair(a: Event, b: Event, r: MergeRules) -> Event | None:
    """The act, when one of ``a``, ``b`` is an act and the other its threat read from the
    report of the act (no threatening word); else None."""
    for act, threat in ((a, b), (b, a)):
        if (threat.cameo.startswith("13") and not act.cameo.startswith("13")
                and threat_of(act.cameo, r) == threat.cameo
                and (threat.trigger is None
                     or threat.trigger.text.lower() not in r.threat_words)):
            return act
    return None


def codes_compatible(a: Event, b: Event, r: MergeRules | None = None) -> bool:
    r = r or rules()
    x, y = a.cameo, b.cameo
    if x == y or x.startswith(y) or y.startswith(x):
        return True
    if x[:2] == y[:2] and (generic(x) or generic(y)):
        return True  # "010" and "012"; "040" and "046"
    if x[:2] in r.violence_roots and y[:2] in r.violence_roots and (generic(x) or generic(y)):
        return True  # "the attack" (190) and the bombing (1831) it was
    return _threat_pair(a, b, r) is not None or _statement_pair(a, b, r) is not None


def _statement_pair(a: Event, b: Event, r: MergeRules) -> Event | None:
    """The verbal act, when one of ``a``, ``b`` is a bare statement ("010") and the other a
    verbal act (QuadClass 1 or 3: an appeal, praise, an accusation), both with a speaker:
    "Karzai, speaking at a ceremony, hailed Biden" and "he defended the remark, saying ..."
    are one statement, which CAMEO codes by what it says. Else None. Whether the speakers
    are one, and near enough, is ``shared_actors``'s to say."""
    for act, said in ((a, b), (b, a)):
        if (said.cameo in r.statements and act.root != said.root
                and act.quad_class in (1, 3)
                and act.source is not None and said.source is not None):
            return act
    return None


def preferred(a: Event, b: Event, r: MergeRules | None = None) -> tuple[Event, str]:
    """Which of two compatible records gives the merged event its code, and why."""
    r = r or rules()
    if a.cameo == b.cameo:
        return a, "same code"
    act = _threat_pair(a, b, r)
    if act is not None:
        return act, ("an act and the threat of that act read from its report: CAMEO codes "
                     "the act (a threat is conditional, and no word here threatens)")
    act = _statement_pair(a, b, r)
    if act is not None:
        return act, (f"the speaker's statement and what it says: CAMEO codes the {act.cameo} "
                     "the statement makes, not the saying")
    for x, y in ((a, b), (b, a)):
        if y.cameo.startswith(x.cameo) or (generic(x.cameo) and not generic(y.cameo)):
            return y, f"{y.cameo} is the more specific code of the act {x.cameo} names"
    for x, y in ((a, b), (b, a)):
        if x.root != y.root and {x.root, y.root} <= r.one_victim_roots and x.root == min(
                r.one_victim_roots) and not (generic(x.cameo) or generic(y.cameo)):
            return x, (f"one person attacked in two words: {x.cameo} names what the "
                       f"{y.cameo} did to them")
    return a, "the first code reported"


# --- actors, dates, places, counts ---------------------------------------------------------

def actor_match(x: str, y: str, actors: dict[str, Actor]) -> int | None:
    """How surely ids ``x`` and ``y`` are one actor: 2 one person (a person is killed or
    speaks as one), 1 one actor, 0 possibly one (an unidentified "army post", ---MIL, and the
    Afghan army; two unidentified groups of one kind), None two actors."""
    a, b = actors.get(x), actors.get(y)
    person = a is not None and a.kind == "person"
    if x == y:
        return 2 if person else 1
    if a is None or b is None:
        return None
    if a.kind == "person" and b.kind == "person":
        # one person whose chain the actor stage did not join ("Dr Rodriguez Porth",
        # "Rodriguez Porth"): the shorter name ends the longer one, codes agree
        m, n = sorted((_fold(a.name).split(), _fold(b.name).split()), key=len)
        same = bool(m) and n[len(n) - len(m):] == m and (a.code == b.code or not a.code
                                                          or not b.code)
        return 2 if same else None
    if not a.code or not b.code or "person" in (a.kind, b.kind):
        return None  # two people are two people, whatever their code
    if a.code.startswith("---") or b.code.startswith("---"):
        if a.code[3:] == b.code[3:] and len(a.code) > 3:
            return 0
        return 0 if armed_group_of(a, b) or armed_group_of(b, a) else None
    if in_alliance(a.code, b.code) or in_alliance(b.code, a.code):
        return 0
    if a.code == b.code or (len(a.code) == 3 and a.kind == "country"
                            and b.code.startswith(a.code)) or (
            len(b.code) == 3 and b.kind == "country" and a.code.startswith(b.code)):
        return 1
    return None


def armed_group_of(unnamed: Actor, named: Actor) -> bool:
    """Is ``unnamed`` an unidentified armed role (``armed_roles``: "terrorists", "a suicide
    bomber", ---INS) and ``named`` an armed group the dictionary names ("the Taliban",
    TAL)? The attackers an article leaves unnamed in one passage and names in another ("a
    suicide bomber detonated his vest", later "the Taliban attack") may be one (possibly one,
    adding nothing: another agreement is still needed)."""
    return _armed_role(unnamed) and named.kind == "armed_group"


def _armed_role(a: Actor) -> bool:
    """Is ``a`` an unidentified armed role (``armed_roles``: "terrorists", ---INS)?"""
    return bool(a.code) and a.code.startswith("---") and a.code[3:] in rules().armed_roles


def in_alliance(alliance: str, code: str) -> bool:
    """Is ``code`` the military of a member state of ``alliance`` (``alliances``: "IGONAT"
    and "USAMIL")? Troops of an alliance's operation are its members' troops: "six NATO
    service members" and "six American service members" may be one group (possibly one,
    adding nothing: not the state itself, nor its government)."""
    members = rules().alliances.get(alliance)
    return members is not None and code[:3] in members and code[3:] == "MIL"


def speaks_for(x: str, y: str, actors: dict[str, Actor]) -> bool:
    """Is one of ids ``x``, ``y`` a government's official and the other that government
    (a person and a non-person, both coded ``...GOV`` alike)? In one sentence the official's
    bare statement is the government's verbal act ("signals that the administration is ready
    to negotiate were stepped up by the vice president, who told a magazine ...")."""
    a, b = actors.get(x), actors.get(y)
    return (a is not None and b is not None and (a.kind == "person") != (b.kind == "person")
            and bool(a.code) and a.code == b.code and a.code.endswith("GOV")
            and not a.code.startswith("---"))


def _named(e: Event) -> list[str]:
    return [k for k in (e.source, e.target) if k is not None]


def member_victim(x: str, y: str, actors: dict[str, Actor]) -> bool:
    """Is one of ids ``x``, ``y`` a person and the other a group of people with the same
    coded role ("a Russian general" and "a convoy of Russian soldiers", both RUSMIL)? As
    victims of violence the person may be one of the group: the convoy's bombing killed the
    general. Not a country ("an American" is no attack on the United States), nor an uncoded
    or unidentified role."""
    a, b = actors.get(x), actors.get(y)
    if a is None or b is None or (a.kind == "person") == (b.kind == "person"):
        return False
    group = b if a.kind == "person" else a
    return (bool(a.code) and a.code == b.code and not a.code.startswith("---")
            and len(a.code) > 3 and group.kind != "country")


def same_day_and_place(a: Event, b: Event) -> bool:
    """Is one of two acts of violence a casualty with no source named (``_casualty``), and
    do both give the same day in their own words and the same place below a country? "A bomb
    went off in a Bogota street last night; a street vendor was killed. Two passers-by were
    seriously wounded" (Bogota, last night): a victim of that act, whoever its other
    victims were (possibly one: the link is still to be found)."""
    r = rules()
    if not (_casualty(a, r) or _casualty(b, r)):
        return False
    x, y = a.date, b.date
    if x is None or y is None or x.text is None or y.text is None or not (
            x.precision == y.precision == "day" and x.value == y.value):
        return False
    p, q = a.location, b.location
    return (p is not None and q is not None and _fold(p.name) == _fold(q.name)
            and not r.countries.get(_fold(p.name)))


def consequence(a: Event, b: Event, actors: dict[str, Actor]) -> bool:
    """Is one of two acts of violence in one sentence a casualty (a trigger of
    ``casualty_words``) done by the attacker of the other? "Rebels ambushed an army patrol,
    killing an officer", "gunmen killed a guard and wounded four clerks": what the attack
    did, one incident whatever its victims (possibly one: places, dates and counts must
    still agree). Not in two sentences, where the same attacker's casualties are often
    another raid, nor with an attacker unnamed (``victims`` takes those), nor one verb told
    twice ("murdered a judge and murdered a guard": two murders)."""
    r = rules()
    words = [e.trigger.text.lower() for e in (a, b) if e.trigger is not None]
    return (a.sentence == b.sentence and a.source is not None and b.source is not None
            and len(set(words)) == 2 and any(w in r.casualty_words for w in words)
            and actor_match(a.source, b.source, actors) is not None)


def toll_victims(a: Event, b: Event) -> bool:
    """Do two acts of violence in two sentences at most ``casualty_sentences`` apart give
    the same toll (``same_toll``)? "A car bomb wounded six persons near the court. The six
    passers-by were taken to hospital": the victims named twice in other words, whatever
    their actors (possibly one: a toll seldom repeats by chance so near). Not in one
    sentence, where the coder may give one toll to two acts ("the massacre of X and the
    killing of eight diplomats"), nor further off, where a round-up of several attacks
    may repeat a toll."""
    return same_toll(a, b) and 0 < abs(a.sentence - b.sentence) <= rules().casualty_sentences


def guessed(e: Event, side: str) -> bool:
    """Is the ``side`` ("source", "target") of ``e`` a personal pronoun the chains resolved
    (``guessed_pronouns``)? In "a suicide bomber killed six soldiers ... police said they
    were responsible for the attack" the chains may take "they" for the police: as the actor
    of an act of violence such a guess does not keep two mentions apart when it differs from
    the other's actor (``_sides``)."""
    span = getattr(e, f"{side}_span")
    return span is not None and span.text.lower() in rules().guessed_pronouns


def placed(e: Event, side: str) -> bool:
    """Is the ``side`` of ``e`` its target read from its place (``target_basis`` "place":
    CAMEO codes an act with a place and no other target against the place's country)? "The
    attack near the airbase in Afghanistan" names where, not whom: in an act of violence such
    a target does not keep two mentions apart when the other names the victims ("the attack
    on the soldiers"); whether the places agree is ``places_compatible``'s to say. Not in
    meetings: "met the Mexican president" and "the meeting in Hamburg" stay as they are."""
    return side == "target" and e.target_basis == "place"


def _sides(a: Event, b: Event, actors: dict[str, Actor], sides: tuple[str, ...]
           ) -> int | None:
    """The summed match of the named actors of ``sides``, None on a conflict or on an
    actor found on opposite sides. Targets of two acts of violence may be a person and a
    group that person belongs to (``member_victim``): possibly one, adding nothing."""
    violent = a.root in rules().violence_roots and b.root in rules().violence_roots
    total = 0
    for side in sides:
        x, y = getattr(a, side), getattr(b, side)
        if x is not None and y is not None:
            m = actor_match(x, y, actors)
            if m is None and side == "target" and violent and (
                    member_victim(x, y, actors) or one_more(a) or one_more(b)
                    or same_day_and_place(a, b) or consequence(a, b, actors)
                    or toll_victims(a, b)):
                m = 0
            if m is None and violent and (guessed(a, side) or guessed(b, side)):
                continue  # a pronoun's guess against another actor says nothing either way
            if m is None and violent and (placed(a, side) or placed(b, side)):
                continue  # a place's country against a named target: where, not whom
            if m is None:
                return None
            total += m
    for x, y in ((a.source, b.target), (a.target, b.source)):
        if x is not None and y is not None and actor_match(x, y, actors) is not None:
            return None
    return total


def shared_actors(a: Event, b: Event, actors: dict[str, Actor]) -> int | None:
    """How strongly the actors say ``a`` and ``b`` are one event (0: nothing against it,
    nothing for it; each side named in both adds 1, 2 for one person), or None when the
    actors conflict: two different actors on one side, or one actor on opposite sides. In
    the symmetric roots (consult, cooperate: "talks with the Taliban", "the Taliban's talks
    with Qatar") a record that names one actor may find it on either side. A bare statement
    and the verbal act it makes (``_statement_pair``) need the same speaker, in the same or
    the next sentence unless the speaker is one person (whose statements in one article are
    one statement, whatever it says); in one sentence the statement's own target is whom it
    was said to ("told Newsweek"), no party to the act, and a government's official may
    speak for that government (``speaks_for``)."""
    if _statement_pair(a, b, rules()) is not None:
        speaker = actor_match(a.source, b.source, actors)  # type: ignore[arg-type]
        if speaker is None and a.sentence == b.sentence and speaks_for(
                a.source, b.source, actors):  # type: ignore[arg-type]
            return 0
        if speaker is None:
            return None
        if a.sentence == b.sentence:
            return speaker
        if abs(a.sentence - b.sentence) > 1 and speaker < 2:
            return None
    found = _sides(a, b, actors, ("source", "target"))
    if found is not None:
        return found
    swapped = _swapped(a, b, actors)
    if swapped is not None:
        return swapped
    if a.cameo[:2] in rules().symmetric_roots and min(len(_named(a)), len(_named(b))) == 1:
        one, other = (a, b) if len(_named(a)) == 1 else (b, a)
        matches = [m for k in _named(other)
                   if (m := actor_match(_named(one)[0], k, actors)) is not None]
        if matches:
            return max(matches)
    return None


def _swapped(a: Event, b: Event, actors: dict[str, Actor]) -> int | None:
    """In the symmetric roots, two records of other sentences that name both sides each,
    the one's source the other's target and back ("the US talks with the Taliban", later
    "the Taliban's talks with US negotiators"): one pair of parties told from either side,
    as sure as the same pair. In one sentence the two directions are the two records CAMEO
    gives one meeting, and stay two."""
    if a.cameo[:2] not in rules().symmetric_roots or b.cameo[:2] != a.cameo[:2] \
            or a.sentence == b.sentence or len(_named(a)) < 2 or len(_named(b)) < 2:
        return None
    there = actor_match(a.source, b.target, actors)  # type: ignore[arg-type]
    back = actor_match(a.target, b.source, actors)  # type: ignore[arg-type]
    return None if there is None or back is None or not (there and back) else there + back


def victims(a: Event, b: Event, actors: dict[str, Actor], r: MergeRules | None = None
            ) -> bool:
    """Casualties of one act of violence: "a bomb exploded in the market ... one person was
    killed and a policeman wounded". Violent records within ``casualty_sentences`` of each
    other, one of them a casualty verb ("were killed", "killing five") with no source named,
    are one event whatever their victims ("a bomber blew himself up. Six soldiers were
    killed"). Not so: "the massacre of X and the killing of Y" (nouns), "the attack on X" and
    "Y was killed" in the next sentence (an act named by a noun meets its casualties in its
    own sentence only), two casualties in two sentences (a round-up of clashes), a casualty
    in the next sentence with a place of its own that the act lacks, a casualty with its own
    source ("murdered by the rebels": an act of its own)."""
    r = r or rules()
    if not (a.root in r.violence_roots and b.root in r.violence_roots):
        return False
    distance = abs(a.sentence - b.sentence)
    if one_more(max(a, b, key=lambda e: e.sentence), r) and (
            distance <= r.casualty_sentences + 1):
        return True  # "... was also killed": one more victim of the act just told
    act = b if _casualty(a, r) else a
    if distance > (0 if (act.pattern or "").startswith("noun") else r.casualty_sentences):
        return False  # "the attack on X" and "Y was killed" in the next sentence: two
    elsewhere = (a if act is b else b).location is not None and act.location is None
    if distance and (_casualty(act, r) or elsewhere):
        # in the next sentence a casualty joins the act that caused it, not another
        # casualty ("three were killed in clashes ... a soldier was wounded"), and not with a
        # place of its own the act lacks ("wounded in San Salvador"): a new report
        return False
    return any(_casualty(e, r) and not (e.pattern or "").startswith("noun") for e in (a, b))


def one_more(e: Event, r: MergeRules | None = None) -> bool:
    """Is ``e`` a casualty told as one more victim ("a militia commander was also killed",
    "two bystanders were also wounded": ``also_words`` among the three words before its
    trigger)? It is a victim of the act just told, whoever the earlier victims were: it
    joins that act within ``casualty_sentences`` + 1, also after another casualty, and its
    victim does not keep it apart from the act's."""
    r = r or rules()
    if not _casualty(e, r) or e.evidence_in != "text":
        return False
    before = e.evidence.text[:max(0, e.trigger.start - e.evidence.start)]  # type: ignore[union-attr]
    return any(w.lower() in r.also_words for w in _WORD.findall(before)[-3:])


def _casualty(e: Event, r: MergeRules) -> bool:
    """Is ``e`` a casualty with no source named ("were killed", "killing five")?"""
    return e.source is None and e.trigger is not None \
        and e.trigger.text.lower() in r.casualty_words


def _days(d: EventDate) -> tuple[int, int] | None:
    """The event date as an interval of day numbers (a week, a month, a year...)."""
    from datetime import date, timedelta

    try:
        parts = [int(p) for p in d.value.split("-")]
        first = date(parts[0], parts[1] if len(parts) > 1 else 1,
                     parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
    if d.precision == "day" and len(parts) == 3:
        last = first
    elif d.precision == "week":
        last = first + timedelta(days=6)
    elif d.precision in ("month", "quarter", "season") and len(parts) >= 2:
        months = 1 if d.precision == "month" else 3
        y, m = divmod(first.month - 1 + months, 12)
        last = date(first.year + y, m + 1, 1) - timedelta(days=1)
    else:
        first, last = date(first.year, 1, 1), date(first.year, 12, 31)
    return first.toordinal(), last.toordinal()


def dates_compatible(a: EventDate | None, b: EventDate | None) -> bool:
    """Either has no date of its own words, or the two intervals overlap. A qualified date
    ("since", "until") is a span, not a day: it contradicts nothing."""
    if a is None or b is None or a.text is None or b.text is None:
        return True
    if a.qualifier or b.qualifier:
        return True
    x, y = _days(a), _days(b)
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def _story_date(a: Event, b: Event) -> bool:
    """Two acts of violence in one sentence, one dated only by the time an earlier sentence
    put the story on (``attached`` "story"), the other by other words: "an extremist was
    killed and a soldier wounded during a clash yesterday" are both of yesterday, and the
    story's time says nothing against it. Not a statement and what it tells: "he added
    that he had met the commanders" is a meeting of its own day."""
    violent = rules().violence_roots
    return (a.sentence == b.sentence and a.root in violent and b.root in violent
            and a.date is not None and b.date is not None
            and "story" in (a.date.attached, b.date.attached))


def _km(a: Location, b: Location) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)  # type: ignore[arg-type]
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)  # type: ignore[operator]
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: Location | None, b: Location | None,
                      r: MergeRules | None = None, *, one_sentence: bool = False) -> bool:
    """Either has no place, or the places may be one: the same name or id, a country and a
    place in it, a first-order region and a place in it, two places within ``place_km``, or
    (for mentions in one sentence, which a parse may place by different words: "killed in
    Huancayo ... an attack in Junin") two places of one first-order region."""
    if a is None or b is None:
        return True
    if (a.geonames_id is not None and a.geonames_id == b.geonames_id) or (
            _fold(a.name) == _fold(b.name)):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    r = r or rules()
    if any(r.countries.get(_fold(p.name)) for p in (a, b)):
        return True  # "Afghanistan" and "Kandahar": the country holds the place
    if _region_holds(a, b) or _region_holds(b, a) or (one_sentence and _one_region(a, b)):
        return True
    km = _km(a, b)
    return km is not None and km <= r.place_km


@cache
def _gazetteer_row(name: str, geonames_id: int | None) -> tuple[str, str, str] | None:
    """(feature code, country, first-order region) of the gazetteer row of a place."""
    from tacitus.data.gazetteer import load_gazetteer

    if geonames_id is None:
        return None
    for e, _ in load_gazetteer().lookup(name):
        if e.id == geonames_id:
            return e.fcode, e.cc2, e.admin1
    return None


def _one_region(a: Location, b: Location) -> bool:
    x, y = _gazetteer_row(a.name, a.geonames_id), _gazetteer_row(b.name, b.geonames_id)
    return x is not None and y is not None and bool(x[2]) and x[1:] == y[1:]


def _region_holds(region: Location, place: Location) -> bool:
    """Is ``region`` a first-order region (a province, a department) that holds ``place``?"""
    outer = _gazetteer_row(region.name, region.geonames_id)
    inner = _gazetteer_row(place.name, place.geonames_id)
    return (outer is not None and inner is not None and outer[0] == "ADM1"
            and bool(outer[2]) and outer[1:] == inner[1:])


def counts_compatible(a: Event, b: Event) -> bool:
    """No kind of count with two different exact values (3 killed here, 5 there)."""
    seen = {(q.kind, q.value) for q in a.quantities if q.value is not None and q.kind != "other"}
    kinds = {k for k, _ in seen}
    return all((q.kind, q.value) in seen for q in b.quantities
               if q.value is not None and q.kind in kinds)


def modality_compatible(a: Event, b: Event, r: MergeRules | None = None) -> bool:
    """Both say it happened, or both the same other modality, or (in one sentence) both
    say it has not happened yet: "troops would step up raids, with incursions possible"."""
    r = r or rules()
    return a.modality == b.modality or (a.modality in r.factual and b.modality in r.factual) \
        or (a.sentence == b.sentence and a.modality in r.unrealized
            and b.modality in r.unrealized)


def across_modalities(a: Event, b: Event, actors: dict[str, Actor],
                      r: MergeRules | None = None) -> bool:
    """One consultation told under two modalities: talks planned in the lead and held later
    on ("plans talks with the rebels", "the talks with the rebels"). Only the
    ``across_roots`` (meetings and talks are one process an article follows from plan to
    outcome; a planned offensive is no attack), one root, both modalities in
    ``across_modalities`` (never negated: "did not meet" is no meeting; never disputed: a
    denial stays in view), and an actor named and the same in both (not merely possibly one).
    Dates must still agree (``compatible``): a meeting planned for next month is not
    today's."""
    r = r or rules()
    return (a.root == b.root and a.root in r.across_roots
            and a.modality in r.across_modalities and b.modality in r.across_modalities
            and bool(shared_actors(a, b, actors)))


def one_victim(a: Event, b: Event, actors: dict[str, Actor], r: MergeRules | None = None
               ) -> bool:
    """Two specific codes of one violent root done to one person ("reporter Roberto Navas
    was shot by troops" and "... was strafed by troops"): one act in two words, as one
    person is seldom attacked twice in one way in one report. So too an assault and a
    fight of ``one_victim_roots`` ("the judge was murdered ... gunmen fired seven shots at
    him": the shots and the murder they were)."""
    r = r or rules()
    roots = (a.root == b.root and a.root in r.violence_roots) or {a.root, b.root} <= (
        r.one_victim_roots)
    return (roots and a.target is not None and b.target is not None
            and actor_match(a.target, b.target, actors) == 2)


def definite_noun(event: Event, text: str, r: MergeRules | None = None) -> bool:
    """Is the event read from a definite event noun ("the attack", "these deadly raids")?"""
    r = r or rules()
    if not (event.pattern or "").startswith("noun") or event.trigger is None \
            or "<" in (event.pattern or ""):
        return False  # a frame recoded it: the trigger is the frame's word, not the noun
    before = _WORD.findall(text[max(0, event.trigger.start - 60):event.trigger.start])
    for word in reversed(before[-4:]):
        w = word.lower()
        if w in r.definite:
            return True
        if not word.isalpha() or word[0].isupper() or w in ("of", "a", "an", "and", "by"):
            return False  # "Pakistan's raid", "a raid", "raids by": not pointing back
    return False


def compatible(a: Event, b: Event, actors: dict[str, Actor], r: MergeRules | None = None
               ) -> bool:
    """May ``a`` and ``b`` be mentions of one real event: nothing in one contradicts the
    other (codes, modality, actors, dates, places, counts)?"""
    r = r or rules()
    return ((codes_compatible(a, b, r) or one_victim(a, b, actors, r))
            and (modality_compatible(a, b, r) or across_modalities(a, b, actors, r))
            and (shared_actors(a, b, actors) is not None or victims(a, b, actors, r))
            and (dates_compatible(a.date, b.date) or _story_date(a, b))
            and places_compatible(a.location, b.location, r, one_sentence=a.sentence == b.sentence)
            and counts_compatible(a, b))


def linked(a: Event, b: Event, actors: dict[str, Actor], text: str,
           r: MergeRules | None = None) -> bool:
    """Does anything say that ``b`` (the later one, compatible with ``a``) is ``a`` again?

    An actor named in both; or the same sentence, one of them read from a verb ("the
    Fenastras attack and the attacks on Comadres" are two); or a casualty beside an act of
    violence (``victims``); or a definite event noun ("the attack") naming the same act
    (the same code or a sub-code); or the same toll (``same_toll``). Beyond the next
    sentence, two of these must agree: a shared actor, the same code (or a sub-code), a
    date of their own words that agrees, a place that agrees and is not one country for
    both, a definite noun, the same toll."""
    r = r or rules()
    shared = shared_actors(a, b, actors) or 0
    distance = abs(b.sentence - a.sentence)
    if shared and distance > 1 and _sides(a, b, actors, ("source", "target")) is None \
            and _swapped(a, b, actors) is None and _statement_pair(a, b, r) is None:
        shared = 0  # an actor met on the other side of a symmetric act says little far off
    same_code = a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo) or (
        a.root in r.violence_roots and b.root in r.violence_roots and generic(a.cameo)
        and generic(b.cameo))  # "the killing of X" (180), "killed X" (190)
    definite = same_code and definite_noun(b, text, r)
    verb = not (a.pattern or "").startswith("noun") or not (b.pattern or "").startswith("noun")
    toll = same_toll(a, b)
    # a definite noun that names no victim of its own points back even to a noun ("the
    # murder of Dr. X ... the murder was committed by terrorists")
    anaphor = definite and distance > 0 and b.target is None
    if not (shared or ((definite or distance == 0) and verb) or anaphor
            or victims(a, b, actors, r) or toll):
        return False
    if distance <= 1 or victims(a, b, actors, r):
        return True
    dated = (a.date is not None and b.date is not None and a.date.text is not None
             and b.date.text is not None)
    # a country says little of where: a whole article is often set in one ("Syria")
    placed = a.location is not None and b.location is not None and not all(
        r.countries.get(_fold(p.name)) for p in (a.location, b.location))
    return shared + same_code + dated + placed + definite + toll >= 2


def same_toll(a: Event, b: Event) -> bool:
    """Do both give one exact count of killed or wounded ("killing six soldiers", later "six
    soldiers were killed")? A toll is seldom repeated by chance in one article."""
    def tolls(e: Event) -> set[tuple[str, float]]:
        return {(q.kind, q.value) for q in e.quantities
                if q.kind in ("killed", "wounded") and q.value is not None and q.value > 1}
    return bool(tolls(a) & tolls(b))


# --- merging -------------------------------------------------------------------------------

def informative(e: Event, actors: dict[str, Actor]) -> tuple:
    """How much a mention tells: named and coded actors, a date of its own, a place, counts,
    asserted, a verb rather than a noun, then confidence (larger is better)."""
    coded = sum(1 for k in (e.source, e.target) if k is not None and (a := actors.get(k))
                and a.code and not a.code.startswith("---"))
    named = sum(k is not None for k in (e.source, e.target))
    return (named + coded, e.date is not None and e.date.text is not None,
            e.location is not None, len(e.quantities), e.modality == "asserted",
            not (e.pattern or "").startswith("noun"), e.confidence)


def _spans(events: Iterable[Event]) -> list[Mention]:
    """Every passage of the records, once, in reading order, each with the modality of
    the record it gave."""
    seen: dict[tuple[int, int], Mention] = {}
    for e in events:
        for s in e.mentions or [e.evidence]:
            seen.setdefault((s.start, s.end), Mention(start=s.start, end=s.end, text=s.text,
                                                      modality=e.modality))
    return [seen[k] for k in sorted(seen)]


_PRECISION = ("day", "week", "month", "quarter", "season", "year")


def _date(group: list[Event], best: Event) -> EventDate | None:
    """The finest date the words of a mention give; a current report's date (no words) when
    it falls inside that one and is finer ("have been murdered" this week, "this year")."""
    def fineness(d: EventDate) -> int:
        return _PRECISION.index(d.precision) if d.precision in _PRECISION else len(_PRECISION)

    own = [e.date for e in group if e.date is not None and e.date.text is not None]
    current = [e.date for e in group if e.date is not None and e.date.text is None]
    if not own:
        return best.date or (current[0] if current else None)
    # a date of the mention's own words before the story's time (``_story_date``)
    date = min(own, key=lambda d: (fineness(d), d.attached == "story"))
    days = _days(date)
    for d in current:
        inner = _days(d)
        if days and inner and days[0] <= inner[0] and inner[1] <= days[1] and (
                fineness(d) < fineness(date)):
            return d
    return date


def _dyads(merged: Event, group: list[Event], r: MergeRules, actors: dict[str, Actor]
           ) -> list[Dyad]:
    """Every source-target pair of the merged act: its own first, then the other pairs of
    records of one trigger (``same_act``) or of what the attack did in its sentence
    (``consequence``: "a strike on a bus killed 20 children") that it does not already hold.
    A pair with one side unnamed is held by a pair that names the same other side; records
    of other triggers are other mentions of the act, whose actors the merged pair already
    took. A consequence's victim guessed from the place ("killing two" in Burundi: the
    country, ``target_basis`` "place") is no pair of its own."""
    pairs = merged.pairs()[:1]
    for e in group:
        if not any(same_act(e, m, r) or (consequence(e, m, actors)
                                         and e.target_basis != "place")
                   for m in group if m is not e):
            continue
        for pair in e.pairs():
            if not any(_holds(p, pair) for p in pairs):
                pairs.append(pair)
    # a half-named pair met before the full one that holds it ("Greece and Turkey are
    # fighting": Turkey alone, then Turkey against Greece) is dropped once that one is in
    pairs = [p for p in pairs if not any(q is not p and q.source is not None
                                         and q.target is not None and _holds(q, p)
                                         for q in pairs)]
    return pairs if len(pairs) > 1 else []


def _holds(full: Dyad, pair: Dyad) -> bool:
    """Whether ``full`` names every side ``pair`` names, and the same actor on it."""
    return (pair.source is None or pair.source == full.source) \
        and (pair.target is None or pair.target == full.target)


def _combine(group: list[Event], actors: dict[str, Actor], r: MergeRules
             ) -> tuple[Event, list[LeftOut]]:
    """One event from the mentions of ``group`` (in reading order), and the records whose
    code was not kept."""
    best = max(group, key=lambda e: informative(e, actors))
    coder = group[0]
    for e in group[1:]:
        coder = preferred(coder, e, r)[0]
    reasons = {id(e): preferred(coder, e, r)[1] for e in group if e.cameo != coder.cameo}
    update: dict = {"mentions": _spans(group), "confidence": max(e.confidence for e in group)}
    if coder.cameo != best.cameo:
        update.update(cameo=coder.cameo, root=coder.root, quad_class=coder.quad_class,
                      goldstein=coder.goldstein, name=coder.name, plover=coder.plover)
    for side in ("source", "target"):
        own = getattr(best, side)
        if own is None or _unnamed(best, side, actors):
            # never the actor of the other side: "its talks" and "talks with the Taliban"
            # are one act of the Taliban's, not the Taliban's with itself; for an
            # unidentified attacker, the armed group another mention names
            other = update.get("source", best.source) if side == "target" else best.target
            giver = next((e for e in group if (k := getattr(e, side)) is not None
                          and (own is None or (not _unnamed(e, side, actors)
                                               and actor_match(k, own, actors) is not None))
                          and (other is None or actor_match(k, other, actors) is None)), None)
            if giver is not None:
                update[side] = getattr(giver, side)
                update[f"{side}_span"] = getattr(giver, f"{side}_span")
                if side == "target":
                    update["target_basis"] = giver.target_basis
    update["date"] = _date(group, best)
    if best.location is None:
        update["location"] = next((e.location for e in group if e.location), None)
    order = r.across_modalities
    factual = min(group, key=lambda e: order.index(e.modality)
                  if e.modality in order else len(order))
    if factual.modality != best.modality and factual.modality in order:
        # the most factual word of any mention: talks planned and then held were held
        update.update(modality=factual.modality, attributed_to=factual.attributed_to)
    quantities, seen = [], set()
    for e in [best, *group]:
        for q in e.quantities:
            key = (q.kind, q.value, q.low, q.high)
            if key not in seen:
                seen.add(key)
                quantities.append(q)
    update["quantities"] = quantities
    merged = best.model_copy(update=update)
    merged = merged.model_copy(update={"dyads": _dyads(merged, group, r, actors)})
    left = [LeftOut(cameo=e.cameo, trigger=e.trigger or e.evidence, reason="merged",
                    detail=f"one event with the {merged.cameo} of "
                           f"{merged.evidence.text[:60]!r}: {reasons[id(e)]}")
            for e in group if id(e) in reasons and e.cameo != merged.cameo]
    return merged, left


def _unnamed(e: Event, side: str, actors: dict[str, Actor]) -> bool:
    """Is the ``side`` of ``e`` an unidentified armed role ("a suicide bomber", ---INS)? A
    mention that names the armed group ("the Taliban attack": ``armed_group_of``) gives the
    merged event its actor."""
    a = actors.get(getattr(e, side) or "")
    return a is not None and _armed_role(a)


def _plural_noun(e: Event, r: MergeRules) -> bool:
    """Is the event read from a plural noun ("attacks", "killings"), not one of a fight
    between two sides (``reciprocal_nouns``: "clashes between troops and insurgents" are
    one clash of both)? The trigger's own words are all the merge stage has of it."""
    word = e.trigger.text.lower() if e.trigger else ""
    return (e.pattern or "").startswith("noun") and word.endswith("s") and not word.endswith(
        ("ss", "us", "is")) and word not in r.reciprocal_nouns


def same_act(a: Event, b: Event, r: MergeRules | None = None) -> bool:
    """Two records read from one trigger with compatible codes and one modality: one act
    with several sources or targets ("gunmen killed a police officer and two soldiers" gives
    a record per victim), kept as one event whose ``dyads`` list every pair. Not a plural
    event noun: "attacks on Comadres and Fenastras" are attacks, one on each (but
    "clashes between soldiers and rebels" one clash: ``reciprocal_nouns``)."""
    r = r or rules()
    return (a.trigger is not None and b.trigger is not None and not _plural_noun(a, r)
            and a.evidence_in == b.evidence_in
            and (a.trigger.start, a.trigger.end) == (b.trigger.start, b.trigger.end)
            and a.modality == b.modality and codes_compatible(a, b, r))


def _add_to_acts(acts: list[list[Event]], e: Event, r: MergeRules) -> None:
    """Add record ``e``, read after every record of ``acts``, to the acts of its group: the
    records of one trigger (``same_act``) together, each other record on its own. Kept
    as each group grows, not split again for every later record."""
    act = next((a for a in acts if same_act(a[0], e, r)), None)
    if act is None:
        acts.append([e])
    else:
        act.append(e)


def group_events(events: list[Event], actors: list[Actor], text: str) -> list[list[Event]]:
    """The records of one article grouped by real event, each group in reading order and
    the groups in the order of their first mention.

    A record of the trigger of a group's record is that act's other pair and joins the
    group at once. Any other record must be compatible with every act of the group (with
    one of the pairs of an act of several: "killed X and Y" is met again by "the killing of
    Y") and linked to one of its records."""
    r = rules()
    by_id = {a.id: a for a in actors}
    groups: list[list[Event]] = []
    acts: list[list[list[Event]]] = []  # each group's records split into acts
    latest: list[int] = []  # where each group was last reported
    for i, e in enumerate(events):
        act = next((g for g in range(len(groups))
                    if any(same_act(m, e, r) for m in groups[g])), None)
        if act is not None:
            groups[act].append(e)
            _add_to_acts(acts[act], e, r)
            latest[act] = i
            continue
        if getattr(e, "evidence_in", "text") != "text":  # read from the headline alone
            groups.append([e])
            acts.append([[e]])
            latest.append(i)
            continue
        homes = [g for g in range(len(groups))
                 if getattr(groups[g][0], "evidence_in", "text") == "text"
                 and all(any(compatible(m, e, by_id, r) for m in a) for a in acts[g])
                 and any(linked(m, e, by_id, text, r) for m in groups[g])]
        if homes:
            home = max(homes, key=latest.__getitem__)  # the event a later mention meets first
            groups[home].append(e)
            _add_to_acts(acts[home], e, r)
            latest[home] = i
        else:
            groups.append([e])
            acts.append([[e]])
            latest.append(i)
    return groups


def merge_events(events: list[Event], actors: list[Actor], text: str
                 ) -> tuple[list[Event], list[LeftOut]]:
    """The events of one article with each real event once (see the module docstring), ids
    ``e1..eN`` in reading order, and the records whose code gave way to another."""
    r = rules()
    by_id = {a.id: a for a in actors}
    merged: list[Event] = []
    left: list[LeftOut] = []
    for g in group_events(events, actors, text):
        if len(g) == 1:
            merged.append(g[0].model_copy(update={"mentions": _spans(g)}))
            continue
        event, gone = _combine(g, by_id, r)
        merged.append(event)
        left += gone
    merged = [e.model_copy(update={"id": f"e{n}"}) for n, e in enumerate(merged, start=1)]
    return merged, left


def merge_mentions(coded: CodedDocument) -> CodedDocument:
    """``coded`` with the mentions of each real event merged into one event."""
    events, left = merge_events(coded.events, coded.actors, coded.document.text)
    return coded.model_copy(update={"events": events, "left_out": [*coded.left_out, *left]})
