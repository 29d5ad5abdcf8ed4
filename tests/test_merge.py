"""Merging the mentions of one real event (tacitus/events/merge.py).

The rule tests build events by hand, so that they test the merge alone; the last tests run
sentences of our own through the whole coder.
"""

from __future__ import annotations

import pytest

from tacitus.events import merge
from tacitus.model import (
    Actor,
    CodedDocument,
    Document,
    Event,
    EventDate,
    Location,
    Mention,
    Quantity,
    Span,
)

ACTORS = [
    Actor(id="reb", name="rebels", code="---REB", kind="armed_group"),
    Actor(id="tal", name="Taliban", code="TAL", kind="armed_group"),
    Actor(id="afgmil", name="Afghan army", code="AFGMIL", kind="government"),
    Actor(id="mil", name="an army post", code="---MIL", kind="government"),
    Actor(id="cop", name="police", code="AFGCOP", kind="government"),
    Actor(id="rus", name="Russia", code="RUS", kind="country"),
    Actor(id="gbr", name="British diplomats", code="GBRGOV", kind="government"),
    Actor(id="irn", name="Iran", code="IRN", kind="country"),
    Actor(id="irngov", name="Iranian government", code="IRNGOV", kind="government"),
    Actor(id="irq", name="Iraq", code="IRQ", kind="country"),
    Actor(id="min", name="Ali Minister", code="IRNGOV", kind="person"),
    Actor(id="spk", name="Reza Spokesman", code="IRNGOV", kind="person"),
    Actor(id="gen", name="Afghan general", code="AFGMIL", kind="person"),
    Actor(id="usa", name="an American", code="USA", kind="person"),
    Actor(id="usa_c", name="United States", code="USA", kind="country"),
    Actor(id="nato", name="NATO troops", code="IGONAT", kind="organization"),
    Actor(id="usamil", name="American troops", code="USAMIL", kind="government"),
    Actor(id="usagov", name="US officials", code="USAGOV", kind="government"),
    Actor(id="ins", name="a suicide bomber", code="---INS", kind="group"),
    Actor(id="afg", name="Afghanistan", code="AFG", kind="country"),
]
BY_ID = {a.id: a for a in ACTORS}
TEXT = "x" * 2000
KANDAHAR = Location(name="Kandahar", lat=31.61, lon=65.71, country="AFG", geonames_id=1)
HERAT = Location(name="Herat", lat=34.35, lon=62.2, country="AFG", geonames_id=2)
AFGHANISTAN = Location(name="Afghanistan", lat=33.0, lon=66.0, country="AFG", geonames_id=3)
QUETTA = Location(name="Quetta", lat=30.19, lon=67.0, country="PAK", geonames_id=4)


def day(value: str) -> EventDate:
    return EventDate(value=value, precision="day", text="on that day", start=0, end=3)


CURRENT = EventDate(value="2024-03-04", precision="week", text=None)


def event(n: int, cameo: str, source: str | None, target: str | None, *, sentence: int = 0,
          trigger: str = "attacked", pattern: str = "attack", **extra) -> Event:
    """Record ``n`` of an imaginary article: its evidence sits at 100 * n."""
    start = 100 * n
    evidence = Span(start=start, end=start + 20, text=TEXT[start:start + 20])
    return Event(id=f"r{n}", source=source, target=target, cameo=cameo, root=cameo[:2],
                 quad_class=4 if cameo[:2] in ("18", "19", "16") else 1, goldstein=-10.0,
                 name=f"code {cameo}", evidence=evidence,
                 mentions=[Mention(**evidence.model_dump(), modality=extra.get("modality",
                                                                             "asserted"))],
                 trigger=Span(start=start + 5, end=start + 5 + len(trigger), text=trigger),
                 sentence=sentence, confidence=0.5, pattern=pattern, **extra)


def merged(*events: Event, text: str = TEXT) -> tuple[list[Event], list]:
    return merge.merge_events(list(events), ACTORS, text)


def test_merge_a_generic_attack_and_the_bombing_it_was() -> None:
    attack = event(1, "190", "tal", "afgmil", date=day("2024-03-04"))
    bombing = event(2, "1831", "tal", None, sentence=1, trigger="blew",
                    quantities=[Quantity(kind="killed", value=5, text="five")])
    (one,), left = merged(attack, bombing)
    assert one.cameo == "1831" and one.source == "tal" and one.target == "afgmil"
    assert one.id == "e1" and [m.start for m in one.mentions] == [100, 200]
    assert one.evidence.start == 100  # both actors named: the most informative mention
    assert one.date == attack.date and one.quantities[0].value == 5
    assert [(x.cameo, x.reason) for x in left] == [("190", "merged")]
    assert "more specific" in left[0].detail


def test_merge_keeps_two_attacks_on_different_targets_days_or_places() -> None:
    a = event(1, "190", "tal", "afgmil", date=day("2024-03-04"), location=KANDAHAR)
    assert len(merged(a, event(2, "190", "tal", "cop", sentence=1))[0]) == 2
    assert len(merged(a, event(2, "190", "tal", "afgmil", sentence=1,
                               date=day("2024-03-06")))[0]) == 2
    assert len(merged(a, event(2, "190", "tal", "afgmil", sentence=1,
                               location=HERAT))[0]) == 2
    assert len(merged(a, event(2, "190", "tal", "afgmil", sentence=1,
                               location=QUETTA))[0]) == 2
    killed = [Quantity(kind="killed", value=3, text="three")]
    other = [Quantity(kind="killed", value=7, text="seven")]
    assert len(merged(event(1, "190", "tal", None, quantities=killed),
                      event(2, "190", "tal", None, sentence=1, quantities=other))[0]) == 2


def test_merge_a_place_inside_its_country_and_a_current_report_date() -> None:
    a = event(1, "190", "tal", "afgmil", date=day("2024-03-04"), location=KANDAHAR)
    b = event(2, "190", "tal", "afgmil", sentence=1, date=CURRENT, location=AFGHANISTAN)
    (one,), _ = merged(a, b)
    assert one.location == KANDAHAR and one.date == a.date and len(one.mentions) == 2


def test_merge_one_side_unnamed_needs_a_shared_actor_or_the_same_sentence() -> None:
    # "Taliban fighters opened fire, killing five soldiers": one sentence, one event
    fire = event(1, "190", "tal", None)
    killing = event(2, "190", None, "afgmil", trigger="killing")
    (one,), _ = merged(fire, killing)
    assert (one.source, one.target) == ("tal", "afgmil")
    # the same two records two sentences apart: nothing says they are one event
    assert len(merged(fire, event(2, "190", None, "afgmil", sentence=2))[0]) == 2


def test_merge_casualties_of_one_blast_in_its_sentence() -> None:
    # "One person was killed and a policeman injured as the result of a bomb explosion"
    killed = event(1, "190", None, "reb", trigger="killed", pattern="kill")
    injured = event(2, "180", None, "cop", trigger="injured", pattern="injure")
    (one,), _ = merged(killed, injured)
    assert len(one.mentions) == 2
    # the next sentence is another report: "... was killed [days later] by police"
    later = event(2, "180", None, "cop", sentence=1, trigger="killed", pattern="kill")
    assert len(merged(killed, later)[0]) == 2
    # a casualty named by a noun, or one with its own source, is an act of its own
    noun = event(2, "180", None, "cop", trigger="killing", pattern="noun killing")
    assert len(merged(event(1, "202", None, "reb", pattern="noun massacre"), noun)[0]) == 2
    murdered = event(2, "1823", "tal", "cop", trigger="murdered", pattern="murder")
    assert len(merged(event(1, "1823", "tal", "reb", trigger="murdered", pattern="murder"),
                      murdered)[0]) == 2


def test_merge_casualties_told_in_the_sentence_after_the_act() -> None:
    # "A rebel bomber blew himself up at the gate. Six soldiers were killed."
    blast = event(1, "183", "reb", None, trigger="blew", pattern="blow up")
    killed = event(2, "190", None, "afgmil", sentence=1, trigger="killed", pattern="kill")
    (one,), _ = merged(blast, killed)
    assert len(one.mentions) == 2 and one.cameo == "183"
    # a casualty with a place of its own that the act lacks is another report
    elsewhere = killed.model_copy(update={"location": HERAT})
    assert len(merged(blast, elsewhere)[0]) == 2
    # two sentences on: another report
    assert len(merged(blast, killed.model_copy(update={"sentence": 2}))[0]) == 2


def test_merge_a_person_victim_and_the_group_of_the_same_role() -> None:
    # "Rebels killed an Afghan general. Their bomb went off under an Afghan army convoy."
    general = event(1, "190", None, "gen", trigger="killed", pattern="kill")
    convoy = event(2, "183", None, "afgmil", sentence=1, trigger="bombed", pattern="bomb")
    (one,), _ = merged(general, convoy)
    assert len(one.mentions) == 2 and one.cameo == "183"
    # not a person and a country of one code, nor outside violence
    assert merge.shared_actors(event(1, "190", None, "usa"), event(2, "190", None, "usa_c"),
                               BY_ID) is None
    assert merge.shared_actors(event(1, "042", "tal", "gen"), event(2, "042", "tal", "afgmil"),
                               BY_ID) is None


def test_merge_far_apart_the_same_toll_is_an_agreement() -> None:
    six = [Quantity(kind="killed", value=6.0, text="six", start=0, end=3)]
    blast = event(1, "183", "reb", None, trigger="blew", pattern="blow up", quantities=six,
                  location=KANDAHAR)
    later = event(2, "190", None, "afgmil", sentence=8, trigger="killed", pattern="kill",
                  quantities=six, location=KANDAHAR)
    (one,), _ = merged(blast, later)
    assert len(one.mentions) == 2
    # the toll alone is not enough far off
    assert len(merged(blast, later.model_copy(update={"location": None}))[0]) == 2
    # another toll far off is another report
    two = [Quantity(kind="killed", value=2.0, text="two", start=0, end=3)]
    assert len(merged(blast, later.model_copy(update={"quantities": two}))[0]) == 2


def test_merge_an_unidentified_sector_with_the_same_sector_named() -> None:
    post = event(1, "190", "tal", "mil")  # "attacked an army post"
    soldiers = event(2, "190", "tal", "afgmil", trigger="killing")  # "killing five soldiers"
    (one,), _ = merged(post, soldiers)
    assert one.target == "afgmil"


def test_merge_far_apart_needs_two_agreements() -> None:
    invasion = event(1, "192", "rus", None, trigger="invasion", pattern="noun invasion")
    raid = event(2, "190", "rus", None, sentence=9, trigger="raid", pattern="noun raid")
    again = event(3, "192", "rus", None, sentence=12, trigger="invasion",
                  pattern="noun invasion")
    events, _ = merged(invasion, raid, again)
    # the same code and the same actor: the invasion again; a raid is another act
    assert [len(e.mentions) for e in events] == [2, 1]
    assert [e.cameo for e in events] == ["192", "190"]


def test_merge_far_apart_one_country_is_no_agreement_of_place() -> None:
    # an article set in one country places its every event there: a bombing that hit an
    # army post and a killing of soldiers eight sentences later stay two
    first = event(1, "183", None, "mil", trigger="bombed", location=AFGHANISTAN)
    later = event(2, "190", None, "mil", sentence=8, location=AFGHANISTAN)
    assert len(merged(first, later)[0]) == 2
    # a town both name is an agreement of place
    first, later = (e.model_copy(update={"location": KANDAHAR}) for e in (first, later))
    assert len(merged(first, later)[0]) == 1


def test_merge_one_statement_per_speaker() -> None:
    said = [event(n, "010", "min", None, sentence=n, trigger="said", pattern="say")
            for n in range(1, 4)]
    other = event(4, "010", "spk", None, sentence=4, trigger="said", pattern="say")
    events, left = merged(*said, other)
    assert [len(e.mentions) for e in events] == [3, 1]
    assert [e.id for e in events] == ["e1", "e2"] and left == []
    # a statement on another day is another statement
    later = event(5, "010", "min", None, sentence=5, trigger="said", pattern="say",
                  date=day("2024-01-02"))
    first = event(1, "010", "min", None, trigger="said", pattern="say",
                  date=day("2024-03-01"))
    assert len(merged(first, later)[0]) == 2


def test_merge_a_statement_and_the_verbal_act_it_makes() -> None:
    speaking = event(1, "010", "min", None, sentence=1, trigger="speaking", pattern="say")
    praised = event(2, "051", "min", "irq", sentence=1, trigger="praised", pattern="praise")
    said = event(3, "010", "min", None, sentence=2, trigger="said", pattern="say")
    (one,), left = merged(speaking, praised, said)
    assert one.cameo == "051" and one.target == "irq" and len(one.mentions) == 3
    assert [lo.reason for lo in left] == ["merged", "merged"]
    assert "statement" in left[0].detail
    # whom it was told to is no party to the act in one sentence ("told Newsweek that ...")
    told = event(1, "010", "min", "irn", sentence=1, trigger="told", pattern="tell")
    assert len(merged(told, praised)[0]) == 1
    # another speaker is another statement; one person's statements in one article are one
    # statement, but a government's two sentences apart may be two
    other = event(1, "010", "spk", None, sentence=1, trigger="said", pattern="say")
    assert len(merged(other, praised)[0]) == 2
    far = event(1, "010", "min", None, sentence=4, trigger="said", pattern="say")
    assert len(merged(praised, far)[0]) == 1
    hailed = event(2, "051", "irngov", "irq", sentence=1, trigger="hailed", pattern="hail")
    said = event(3, "010", "irngov", None, sentence=4, trigger="said", pattern="say")
    assert len(merged(hailed, said)[0]) == 2
    # in one sentence a government's official speaks for it: "the government's offer was
    # made by the minister, who told a paper ..."; in the next sentence, not so
    told = event(3, "010", "min", "irn", sentence=1, trigger="told", pattern="tell")
    (one,), _ = merged(hailed, told)
    assert one.cameo == "051" and one.source == "irngov"
    assert len(merged(hailed, told.model_copy(update={"sentence": 2}))[0]) == 2
    # a material act is no statement's content
    aid = event(2, "070", "min", "irq", sentence=1, trigger="gave", pattern="give"
                ).model_copy(update={"quad_class": 2})
    assert len(merged(speaking, aid)[0]) == 2


def test_merge_one_person_attacked_in_two_words() -> None:
    shot = event(1, "193", "afgmil", "min", trigger="shot", pattern="shoot")
    strafed = event(2, "195", "afgmil", "min", sentence=1, trigger="strafed", pattern="strafe")
    (one,), _ = merged(shot, strafed)
    assert len(one.mentions) == 2
    # a group attacked in two ways may be attacked twice
    assert len(merged(event(1, "193", "afgmil", "reb", trigger="shot"),
                      event(2, "195", "afgmil", "reb", sentence=1, trigger="bombed"))[0]) == 2


def test_merge_two_places_of_one_region_in_one_sentence() -> None:
    town = Location(name="Huancayo", lat=-12.07, lon=-75.21, country="PER",
                    geonames_id=3939459)
    other = Location(name="Junín", lat=-11.16, lon=-75.99, country="PER", geonames_id=3937486)
    assert merge.places_compatible(town, other, one_sentence=True)
    assert not merge.places_compatible(town, other)


def test_merge_an_expulsion_read_as_its_threat_keeps_the_act() -> None:
    # "Russia said it would expel the diplomats ... Russia expelled them on Friday"
    would = event(1, "1313", "rus", "gbr", trigger="expel", pattern="expel <intent>")
    did = event(2, "161", "rus", "gbr", sentence=1, trigger="expelled", pattern="expel")
    (one,), left = merged(would, did)
    assert one.cameo == "161" and one.quad_class == 4
    assert left[0].cameo == "1313" and left[0].reason == "merged"
    assert "CAMEO codes the act" in left[0].detail
    # "threatened to expel": a threat the text states is an event of its own
    threat = event(1, "1313", "rus", "gbr", trigger="threatened", pattern="threaten")
    assert len(merged(threat, did)[0]) == 2


def test_merge_a_definite_noun_points_back() -> None:
    text = TEXT[:199] + " the talks with Iraq " + TEXT[220:]
    talks = event(0, "046", "irn", None, trigger="held", pattern="hold +object")
    later = Event(**{**event(2, "046", None, "irq", sentence=6).model_dump(),
                     "trigger": Span(start=204, end=209, text="talks"),
                     "pattern": "noun talk"})
    (one,), _ = merged(talks, later, text=text)
    assert len(one.mentions) == 2 and (one.source, one.target) == ("irn", "irq")
    # without the article they are just some talks, no actor shared, six sentences away
    assert len(merged(talks, later)[0]) == 2
    assert merge.definite_noun(later, text) and not merge.definite_noun(later, TEXT)


def test_merge_symmetric_talks_one_side_named_either_way() -> None:
    # "talks with Iran" and "Iran's talks with Iraq"; but Iran->Iraq and Iraq->Iran, each
    # with both sides named, stay the two records CAMEO gives a meeting
    one_side = event(1, "046", None, "irn")
    both = event(2, "046", "irn", "irq", sentence=1)
    assert len(merged(one_side, both)[0]) == 1
    there, back = event(1, "046", "irn", "irq"), event(2, "046", "irq", "irn")
    assert len(merged(there, back)[0]) == 2
    # the one named side is never put on both sides of the merged record
    (talks,), _ = merged(event(1, "046", "tal", None), event(2, "046", None, "tal", sentence=1))
    assert (talks.source, talks.target) == ("tal", None)
    # not for an attack: Iran attacking and Iran attacked are two events
    assert len(merged(event(1, "190", None, "irn"), event(2, "190", "irn", "irq"))[0]) == 2
    # far apart, an actor met on the other side says little: Iraq's talks with Iran in the
    # lead and Iran's own talks ten sentences on are two
    far = event(2, "046", "irn", None, sentence=10, trigger="talks", pattern="noun talk")
    assert len(merged(event(1, "046", "irq", "irn"), far)[0]) == 2


def test_merge_keeps_plans_apart_from_acts_and_people_apart() -> None:
    plan = event(1, "190", "tal", "afgmil", modality="planned")
    act = event(2, "190", "tal", "afgmil", sentence=1)
    assert len(merged(plan, act)[0]) == 2
    reported = event(2, "190", "tal", "afgmil", sentence=1, modality="reported")
    (one,), _ = merged(act, reported)
    assert one.modality == "asserted"
    # two officials of one government are two speakers; a country and its government one
    assert len(merged(event(1, "010", "min", None), event(2, "010", "spk", None))[0]) == 2
    assert len(merged(event(1, "040", "irn", "irq"), event(2, "040", "irngov", "irq"))[0]) == 1


def test_merge_talks_planned_and_held_are_one_consultation() -> None:
    # "the United States plans talks with the Taliban"; five sentences on "the Taliban
    # denied taking part in talks with the Americans"; later "the talks with the Taliban"
    plan = event(1, "046", "usa_c", "tal", trigger="talks", pattern="noun talk",
                 modality="planned")
    denied = event(2, "046", "tal", "usa_c", sentence=5, trigger="talks",
                   pattern="noun talk", modality="disputed")
    held = event(3, "046", None, "tal", sentence=9, trigger="talks", pattern="noun talk")
    talks, denial = merged(plan, denied, held)[0]
    # every passage keeps its own word; the record takes the most factual one; a party's
    # denial stays a record of its own, never hidden in the talks the article asserts
    assert [m.modality for m in talks.mentions] == ["planned", "asserted"]
    assert talks.modality == "asserted" and denial.modality == "disputed"
    possible = held.model_copy(update={"modality": "hypothetical"})
    (talks,), _ = merged(possible, plan.model_copy(update={"sentence": 12}))
    assert talks.modality == "planned"


def test_merge_across_modalities_only_for_talks_with_one_actor_and_one_date() -> None:
    # a planned raid is no raid, a meeting that did not happen no meeting, talks planned
    # for next month not this week's, and talks of other parties other talks
    assert len(merged(event(1, "190", "tal", "afgmil", modality="planned"),
                      event(2, "190", "tal", "afgmil", sentence=1))[0]) == 2
    assert len(merged(event(1, "040", "irn", "irq", modality="negated"),
                      event(2, "040", "irn", "irq", sentence=1))[0]) == 2
    later = EventDate(value="2024-04", precision="month", text="next month", start=0, end=3)
    assert len(merged(event(1, "046", "irn", "irq", modality="planned", date=later),
                      event(2, "046", "irn", "irq", sentence=1,
                            date=day("2024-03-04")))[0]) == 2
    assert len(merged(event(1, "046", "irn", None, modality="planned"),
                      event(2, "046", "rus", None, sentence=1))[0]) == 2


def test_merge_an_alliance_and_a_member_states_troops_may_be_one() -> None:
    # "a bomber killed six NATO troops near Kandahar"; far on "six American troops were
    # killed near Kandahar": the same six
    six = [Quantity(kind="killed", value=6.0, text="six", start=0, end=3)]
    blast = event(1, "190", "tal", "nato", trigger="killed", pattern="kill", quantities=six,
                  location=KANDAHAR)
    later = event(2, "190", None, "usamil", sentence=8, trigger="killed", pattern="kill",
                  quantities=six, location=KANDAHAR)
    (one,), _ = merged(blast, later)
    assert len(one.mentions) == 2 and one.target == "nato"
    # possibly one only: far off with nothing else to agree, two events; a member state's
    # government or the state itself is not the alliance's troops
    assert len(merged(blast, later.model_copy(update={"quantities": [], "location": None}))[0]) == 2
    assert merge.actor_match("nato", "usagov", BY_ID) is None
    assert merge.actor_match("nato", "usa_c", BY_ID) is None
    assert merge.actor_match("nato", "usamil", BY_ID) == 0


def test_merge_a_pronoun_guessed_as_another_attacker_does_not_split_the_attack() -> None:
    # "Rebels killed four soldiers at an army post ... Police said they carried out the
    # attack": the chains took "they" for the police
    text = TEXT[:603] + " the attack " + TEXT[615:]
    blast = event(1, "190", "reb", "afgmil", trigger="killed", pattern="kill")
    claim = Event(**{**event(6, "190", "cop", None, sentence=5).model_dump(),
                     "trigger": Span(start=608, end=614, text="attack"),
                     "pattern": "noun attack",
                     "source_span": Span(start=600, end=604, text="they")})
    (one,), _ = merged(blast, claim, text=text)
    assert (one.source, one.target) == ("reb", "afgmil") and len(one.mentions) == 2
    # the police named by name are another attacker, and a pronoun of a statement is no guess
    named = claim.model_copy(update={"source_span": Span(start=598, end=604, text="police")})
    assert len(merged(blast, named, text=text)[0]) == 2
    said = event(1, "010", "min", None, trigger="said", pattern="say")
    they_said = said.model_copy(update={"source": "irngov", "id": "r2", "evidence": Span(
        start=200, end=220, text=TEXT[200:220]), "source_span": Span(start=200, end=204,
                                                                     text="they")})
    assert merge.guessed(they_said, "source") and not merge.guessed(blast, "source")
    assert merge.shared_actors(said, they_said, BY_ID) is None


def test_merge_one_more_victim_told_with_also_joins_the_act() -> None:
    # "A bomb went off under a convoy of Russian soldiers. Two Russian officers were
    # wounded. An Afghan general was also killed, the ministry said."
    blast = event(1, "183", None, "rus", trigger="went off", pattern="go off")
    wounded = event(2, "180", None, "rus", sentence=1, trigger="wounded", pattern="wound")
    text = TEXT[:300] + " general was also killed " + TEXT[325:]
    also = Event(**{**event(3, "190", None, "gen", sentence=2).model_dump(),
                    "evidence": Span(start=301, end=323, text=text[301:323]),
                    "trigger": Span(start=317, end=323, text="killed"), "pattern": "kill"})
    assert merge.one_more(also)
    (one,), _ = merged(blast, wounded, also, text=text)
    assert len(one.mentions) == 3
    # without "also" a casualty after a casualty is another report (a round-up)
    plain = also.model_copy(update={"evidence": Span(start=301, end=323, text="x" * 22)})
    assert not merge.one_more(plain) and len(merged(blast, wounded, plain)[0]) == 2
    # nor does "also" reach further than the sentence after next, nor name an attacker
    far = also.model_copy(update={"sentence": 4})
    assert len(merged(blast, wounded, far, text=text)[0]) == 2
    assert not merge.one_more(also.model_copy(update={"source": "tal"}))


def test_merge_a_definite_noun_with_no_victim_points_back_to_a_noun() -> None:
    # "the murder of Dr. Rahimi shocked Herat. The murder was committed by gunmen."
    text = TEXT[:195] + " the murder " + TEXT[207:]
    murder = event(1, "1823", None, "gen", trigger="murder", pattern="noun murder")
    later = Event(**{**event(2, "1823", "reb", None, sentence=1).model_dump(),
                     "trigger": Span(start=200, end=206, text="murder"),
                     "pattern": "noun murder"})
    (one,), _ = merged(murder, later, text=text)
    assert (one.source, one.target) == ("reb", "gen")
    # without the article it is just some murder, nothing shared, and two nouns
    assert len(merged(murder, later)[0]) == 2


def test_merge_the_storys_time_does_not_split_one_sentence() -> None:
    # "Troops fought rebels near Herat on 2 March. ... A rebel was killed and two soldiers
    # wounded during a clash yesterday": the killing took the story's day, the wounding
    # yesterday's
    story = EventDate(value="2024-03-02", precision="day", text="2 March", start=0, end=7,
                      attached="story")
    yesterday = EventDate(value="2024-03-05", precision="day", text="yesterday", start=8,
                          end=17, attached="clause")
    killed = event(1, "190", None, "reb", sentence=4, trigger="killed", pattern="kill",
                   date=story)
    wounded = event(2, "180", None, "afgmil", sentence=4, trigger="wounded", pattern="wound",
                    date=yesterday)
    (one,), _ = merged(killed, wounded)
    assert one.date == yesterday
    # in two sentences, or for a statement and what it tells, the dates still disagree
    assert len(merged(killed, wounded.model_copy(update={"sentence": 5}))[0]) == 2
    said = event(1, "010", "min", None, sentence=4, trigger="said", pattern="say", date=story)
    met = event(2, "040", "min", "irq", sentence=4, trigger="met", pattern="meet",
                date=yesterday)
    assert len(merged(said, met)[0]) == 2


def test_merge_casualties_of_one_day_and_place_are_one_act() -> None:
    # "A police officer was killed in Herat on Monday. Three soldiers were wounded in Herat
    # on Monday, and three more near Kandahar"
    three = [Quantity(kind="wounded", value=3, text="three")]
    killed = event(1, "190", None, "cop", trigger="killed", pattern="kill",
                   date=day("2024-03-04"), location=HERAT, quantities=three)
    wounded = event(2, "180", None, "afgmil", sentence=1, trigger="wounded", pattern="wound",
                    date=day("2024-03-04"), location=HERAT, quantities=three)
    assert merge.same_day_and_place(killed, wounded)
    (one,), _ = merged(killed, wounded)
    assert len(one.mentions) == 2
    # another place, a day of no words of its own, or an attacker on both sides: two acts
    assert len(merged(killed, wounded.model_copy(update={"location": KANDAHAR}))[0]) == 2
    # (two sentences on: in the next one the same toll alone names the same victims)
    assert len(merged(killed, wounded.model_copy(update={"date": CURRENT,
                                                         "sentence": 2}))[0]) == 2
    assert len(merged(killed, wounded.model_copy(update={"sentence": 2}))[0]) == 1
    # (no toll here: the same toll in the next sentence names the same victims)
    raid = killed.model_copy(update={"source": "tal", "quantities": [], "trigger": Span(
        start=105, end=111, text="raided")})
    shelling = wounded.model_copy(update={"source": "tal", "quantities": [], "trigger": Span(
        start=205, end=213, text="shelling")})
    assert not merge.same_day_and_place(raid, shelling)
    assert len(merged(raid, shelling)[0]) == 2


def test_merge_what_an_attack_did_in_its_sentence_is_that_attack() -> None:
    # "Rebels ambushed an army convoy near Herat, killing a police officer": the killing is
    # what the ambush did, whatever its victim
    ambush = event(1, "190", "reb", "afgmil", trigger="ambushed", pattern="ambush",
                   location=HERAT)
    killing = event(2, "190", "reb", "cop", trigger="killing", pattern="kill")
    assert merge.consequence(ambush, killing, BY_ID)
    (one,), _ = merged(ambush, killing)
    assert one.target == "afgmil" and len(one.mentions) == 2
    # both victims stay pairs of the act
    assert {(d.source, d.target) for d in one.dyads} == {("reb", "afgmil"), ("reb", "cop")}
    # the same attacker's casualties in the next sentence, another attacker, an unnamed
    # one, or an act that is no casualty on another target: two acts
    assert len(merged(ambush, killing.model_copy(update={"sentence": 1}))[0]) == 2
    # (an unnamed armed role may be a named armed group: another army is another attacker)
    assert len(merged(ambush, killing.model_copy(update={"source": "usamil"}))[0]) == 2
    assert not merge.consequence(ambush, killing.model_copy(update={"source": None}), BY_ID)
    raid = event(2, "190", "reb", "cop", trigger="raided", pattern="raid")
    assert len(merged(ambush, raid)[0]) == 2
    # "gunmen killed a guard and wounded two clerks": both casualties, one attack; but one
    # verb told twice is two acts ("killed a guard and killed a clerk")
    killed = event(1, "190", "reb", "afgmil", trigger="killed", pattern="kill")
    wounded = event(2, "180", "reb", "cop", trigger="wounded", pattern="wound")
    (both,), _ = merged(killed, wounded)
    assert both.cameo == "190"  # two generic codes: the first reported, not the assault's
    twice = event(2, "190", "reb", "cop", trigger="killed", pattern="kill")
    assert len(merged(killed, twice)[0]) == 2
    # nor with a place of its own that is not the attack's
    elsewhere = killing.model_copy(update={"location": QUETTA})
    assert len(merged(ambush, elsewhere)[0]) == 2


def test_merge_the_shots_and_the_murder_of_one_person_are_one_act() -> None:
    # "An Afghan general was murdered in Herat this morning. Two gunmen fired five shots at
    # him": the murder is what the shots did, its code kept
    murder = event(1, "1823", None, "gen", trigger="murdered", pattern="murder")
    shots = event(2, "193", "reb", "gen", sentence=1, trigger="fired", pattern="fire")
    assert merge.one_victim(murder, shots, BY_ID)
    (one,), left = merged(murder, shots)
    assert one.cameo == "1823" and one.source == "reb"
    assert "one person attacked in two words" in left[0].detail
    # not shots at another person, nor mass violence (20) against the person's group
    assert not merge.one_victim(murder, shots.model_copy(update={"target": "min"}), BY_ID)
    assert not merge.one_victim(murder, shots.model_copy(update={"cameo": "202",
                                                                 "root": "20"}), BY_ID)


def test_merge_the_same_toll_in_the_next_sentence_names_the_same_victims() -> None:
    # "A car bomb wounded six people near the court in Herat. Six passers-by were taken to
    # hospital after the blast wounded them"
    six = [Quantity(kind="wounded", value=6, text="six")]
    bomb = event(1, "183", None, "usa_c", trigger="wounded", pattern="wound", quantities=six)
    passers = event(2, "180", None, "cop", sentence=1, trigger="wounded", pattern="wound",
                    quantities=six)
    assert merge.toll_victims(bomb, passers)
    assert len(merged(bomb, passers)[0]) == 1
    # another toll, or the same toll two sentences on (a round-up), stays apart
    seven = [Quantity(kind="wounded", value=7, text="seven")]
    assert len(merged(bomb, passers.model_copy(update={"quantities": seven}))[0]) == 2
    assert not merge.toll_victims(bomb, passers.model_copy(update={"sentence": 2}))
    # in one sentence the toll is the sentence's, given to every act in it
    assert not merge.toll_victims(bomb, passers.model_copy(update={"sentence": 0}))


def test_merge_a_clash_between_two_sides_is_one_act() -> None:
    # "Clashes between soldiers and rebels near Herat left four dead": one trigger, a record
    # for each side, one clash
    clash = event(1, "190", None, "afgmil", trigger="clashes", pattern="noun clash")
    other = clash.model_copy(update={"id": "r2", "target": "reb"})
    assert merge.same_act(clash, other)
    (one,), _ = merged(clash, other)
    assert {d.target for d in one.dyads} == {"afgmil", "reb"}
    # "attacks on the army and the police" are an attack on each
    attacks = event(1, "190", None, "afgmil", trigger="attacks", pattern="noun attack")
    assert not merge.same_act(attacks, attacks.model_copy(update={"target": "cop"}))


def test_merge_a_plan_and_a_possibility_of_one_act_in_one_sentence() -> None:
    # "the Taliban would step up their raids on the army, and incursions by them were likely"
    plan = event(1, "190", "tal", "afgmil", modality="planned")
    possible = event(2, "190", "tal", None, trigger="incursions", pattern="noun incursion",
                     modality="hypothetical")
    assert len(merged(plan, possible)[0]) == 1
    # in the next sentence a possibility is another one
    later = possible.model_copy(update={"sentence": 1})
    assert len(merged(plan, later)[0]) == 2


def test_merge_mentions_on_a_document_adds_left_out() -> None:
    doc = CodedDocument(document=Document(id="d", text=TEXT), actors=ACTORS, events=[
        event(1, "190", "tal", "afgmil"), event(2, "183", "tal", "afgmil"),
        event(3, "010", "min", None, sentence=3, trigger="said", pattern="say")])
    out = merge.merge_mentions(doc)
    assert [e.id for e in out.events] == ["e1", "e2"]
    assert [e.cameo for e in out.events] == ["183", "010"]
    assert [x.reason for x in out.left_out] == ["merged"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("190", "1831", True), ("18", "183", True), ("180", "193", True), ("183", "181", False),
    ("010", "012", True), ("040", "046", True), ("036", "046", False), ("193", "194", False),
    ("161", "1313", True), ("163", "1313", False),
])
def test_merge_code_compatibility(a: str, b: str, same: bool) -> None:
    assert merge.codes_compatible(event(1, a, "rus", None, trigger="expel"),
                                  event(2, b, "rus", None, trigger="expel")) is same


def test_merge_with_the_coder_one_attack_one_record() -> None:
    from tacitus.pipeline import default_coder

    coded = default_coder().code(
        "Taliban fighters attacked an army post in Kandahar on Monday, killing five Afghan "
        "soldiers. The Taliban's attack on the post was the deadliest this year.",
        published="2024-03-06")
    violent = [e for e in coded.events if e.root in ("18", "19")]
    assert len(violent) == 1 and len(violent[0].mentions) >= 2
    coded = default_coder().code(
        "Gunmen attacked a police station in Peshawar on Monday. On Wednesday, gunmen "
        "attacked a school in Quetta.", published="2024-03-06")
    assert len([e for e in coded.events if e.root == "19"]) == 2
    coded = default_coder().code(
        "The foreign minister said the talks would resume. He said Iran wanted peace. He "
        "also said sanctions had failed.", published="2024-03-06")
    assert len([e for e in coded.events if e.cameo == "010"]) <= 1


def test_merge_one_act_with_several_victims_is_one_event_with_its_pairs() -> None:
    first = event(1, "190", "tal", "afgmil")
    second = first.model_copy(update={"id": "r1b", "target": "cop"})  # the same trigger
    (one,), left = merged(first, second)
    assert [(p.source, p.target) for p in one.pairs()] == [("tal", "afgmil"), ("tal", "cop")]
    assert (one.source, one.target) == ("tal", "afgmil") and not left
    # a later "the attack on the police" is that act again, though it names one victim only
    again = event(3, "190", "tal", "cop", sentence=1, trigger="attack", pattern="noun:attack")
    (one,), _ = merged(first, second, again)
    assert len(one.mentions) == 2 and len(one.pairs()) == 2
    # one pair only: no dyads, and pairs() gives the event's own
    (alone,), _ = merged(event(1, "190", "tal", "afgmil"))
    assert alone.dyads == [] and [(p.source, p.target) for p in alone.pairs()] == [
        ("tal", "afgmil")]


def test_merge_a_half_named_pair_held_by_a_later_full_pair_is_dropped() -> None:
    # "Greece and Turkey fought": Greece against Turkey, Turkey alone, Turkey against Greece
    first = event(1, "190", "grc", "tur")
    alone = first.model_copy(update={"id": "r1b", "source": "tur", "target": None})
    back = first.model_copy(update={"id": "r1c", "source": "tur", "target": "grc"})
    (one,), _ = merged(first, alone, back)
    assert [(p.source, p.target) for p in one.pairs()] == [("grc", "tur"), ("tur", "grc")]
    # a half pair no full pair holds stays
    other = first.model_copy(update={"id": "r1d", "source": "fra", "target": None})
    (one,), _ = merged(first, other)
    assert [(p.source, p.target) for p in one.pairs()] == [("grc", "tur"), ("fra", None)]


def test_merge_a_plural_event_noun_is_an_act_per_victim() -> None:
    attacks = event(1, "190", "tal", "afgmil", trigger="attacks", pattern="noun:attack")
    other = attacks.model_copy(update={"id": "r1b", "target": "cop"})
    assert len(merged(attacks, other)[0]) == 2
    planned = event(1, "190", "tal", "afgmil")
    denied = planned.model_copy(update={"id": "r1b", "target": "cop", "modality": "negated"})
    assert len(merged(planned, denied)[0]) == 2  # one trigger, two modalities: kept apart


def test_merge_with_the_coder_one_shooting_of_two_victims() -> None:
    from tacitus.pipeline import default_coder

    coded = default_coder().code(
        "Gunmen killed a police officer and two soldiers in Kandahar on Monday.",
        published="2024-03-06")
    violent = [e for e in coded.events if e.root in ("18", "19", "20")]
    assert len(violent) == 1
    codes = {a.id: a.code for a in coded.actors}
    # the officer is of the place's police; soldiers there are often foreign: no country
    assert sorted(codes[p.target] for p in violent[0].pairs()) == ["---MIL", "AFGCOP"]
    for p in violent[0].pairs():
        assert p.target_span is not None and coded.document.text[
            p.target_span.start:p.target_span.end] == p.target_span.text


def test_merge_an_unnamed_attacker_the_armed_group_and_a_place_as_target() -> None:
    # "A suicide bomber detonated his vest, killing six NATO soldiers. ... six soldiers killed
    # in the Taliban attack near the airbase in Afghanistan": the bomber may be the
    # Taliban's, and the target CAMEO reads from the place names where, not whom
    six = [Quantity(kind="killed", value=6, text="six")]
    blast = event(1, "183", "ins", "nato", trigger="killing", pattern="kill", quantities=six,
                  date=day("2024-03-04"))
    claim = event(2, "190", "tal", "afg", sentence=1, trigger="attack", pattern="noun attack",
                  quantities=six, target_basis="place", location=AFGHANISTAN)
    (one,), _ = merged(blast, claim)
    assert one.source == "tal" and one.cameo == "183" and len(one.mentions) == 2
    assert merge.actor_match("ins", "tal", BY_ID) == 0  # possibly one: adds nothing
    # the group named in a mention that tells less gives the merged event its attacker
    (one,), _ = merged(blast, claim.model_copy(update={"target": None, "target_basis": None}))
    assert (one.source, one.target) == ("tal", "nato") and one.evidence.start == 100
    # an unidentified attacker is no government's army, and a place elsewhere stays apart
    assert merge.actor_match("ins", "afgmil", BY_ID) is None
    elsewhere = claim.model_copy(update={"location": QUETTA})
    assert len(merged(blast.model_copy(update={"location": KANDAHAR}), elsewhere)[0]) == 2
    # a target named in the text still keeps two attacks on two targets apart
    # (with no shared toll, which names the victims twice: ``toll_victims``)
    named = claim.model_copy(update={"target": "cop", "target_basis": "text", "quantities": []})
    assert len(merged(blast, named)[0]) == 2
    # in a meeting the place's country still counts: "met the president" and "the meeting
    # in Hamburg" are left as the coder read them
    met = event(1, "040", "usagov", "irngov", trigger="met", pattern="meet")
    meeting = event(2, "040", "usagov", "afg", sentence=1, trigger="meeting",
                    pattern="noun meeting", target_basis="place")
    assert len(merged(met, meeting)[0]) == 2


def test_merge_with_the_coder_what_one_attack_did_is_one_record() -> None:
    from tacitus.pipeline import default_coder

    # the killing and the wounding of one attack in one sentence; the two sides of a clash
    for text in ("Gunmen killed a shopkeeper and wounded four soldiers in Herat on Tuesday.",
                 "Heavy clashes between soldiers and rebels erupted near Herat on Monday."):
        coded = default_coder().code(text, published="2024-03-06")
        assert len([e for e in coded.events if e.root in ("18", "19", "20")]) == 1, text
