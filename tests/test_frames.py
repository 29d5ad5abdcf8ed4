"""Complement frames, instruments and partitive heads (data/frames.yaml, verb_patterns.yaml).

CAMEO codes what a frame says about its complement: an offer to release is an intent (0353),
not a release; a refusal to lift a curfew is a refusal to yield (1241); an appeal or a demand
targets whoever is asked to act. These sentences are written for the tests.
"""

from __future__ import annotations

import pytest

from tacitus import code
from tacitus.data import load_frames
from tacitus.model import CodedDocument, Event


def _codes(doc: CodedDocument) -> dict[str, str | None]:
    return {a.id: a.code for a in doc.actors}


def _events(text: str) -> tuple[CodedDocument, list[tuple[str, str | None, str | None, str]]]:
    doc = code(text, published="2015-05-05")
    codes = _codes(doc)
    return doc, [(e.cameo, codes.get(e.source) if e.source else None,
                  codes.get(e.target) if e.target else None, e.modality) for e in doc.events]


def _find(doc: CodedDocument, cameo: str) -> Event:
    return next(e for e in doc.events if e.cameo == cameo)


@pytest.mark.parametrize(("text", "expected"), [
    ("Libya has offered to hand over the two hostages to Britain.", ("0353", "LBY", "GBR")),
    ("Syria says it is willing to withdraw its troops from Lebanon.", ("0356", "SYR", "LBN")),
    ("Finland will give Tanzania a grant of five million dollars.", ("0331", "FIN", "TZA")),
    ("The Israeli government is refusing to lift the curfew on Palestinians.",
     ("124", "ISRGOV", "PSE")),
    ("The Israeli government refused to release the prisoners.", ("1243", "ISRGOV", "---CVL")),
    ("France called on Israel to withdraw its troops from Lebanon.", ("0256", "FRA", "ISR")),
    ("Egypt demanded that Israel release the prisoners.", ("1053", "EGY", "ISR")),
    ("Washington pressured Seoul to lift the ban on American beef.",
     ("1051", "USAGOV", "KORGOV")),
    ("Hamas threatened to attack Israel.", ("138", "HAM", "ISR")),
    ("Hamas threatened to expel the diplomats of Israel.", ("1313", "HAM", "ISRGOV")),
])
def test_frame_recodes_its_complement(text: str, expected: tuple) -> None:
    _, events = _events(text)
    assert expected in [e[:3] for e in events], events
    # the complement itself did not happen: it is not coded as an event of its own
    plain = {"0353": "084", "0356": "087", "0331": "07", "124": "081", "1243": "084",
             "0256": "087", "1053": "084", "138": "19", "1313": "161",
             "1051": "081"}[expected[0]]
    assert not [e for e in events if e[0].startswith(plain)], events


@pytest.mark.parametrize(("text", "expected"), [
    # an event noun asked for has not happened: the appeal is the event, to whoever would act
    ("Uganda called for the withdrawal of Kenyan troops from Somalia.",
     [("0256", "UGA", "KENMIL", "asserted")]),
    ("The rebels asked for the release of prisoners held by Kenya.",
     [("0253", "---REB", "---CVL", "asserted")]),
])
def test_an_event_noun_asked_for_is_the_appeal_not_the_act(text: str, expected: list) -> None:
    _, events = _events(text)
    assert [e for e in events if e[0][:2] in ("02", "08")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an act asked of a for-clause's subject is the appeal to it, not the act
    ("Kenya called for Uganda to withdraw its troops from the border.",
     [("0256", "KEN", "UGA", "asserted")]),
    ("Germany pressed for Russia to release the detained journalists.",
     [("0253", "DEU", "RUS", "asserted")]),
    # the parser's for-clause with no "to" is one too
    ("Ghana is pushing hard for Togo reopen the border crossings.",
     [("0251", "GHA", "TGO", "asserted")]),
])
def test_an_act_asked_of_a_for_clause_subject_is_the_appeal(text: str, expected: list) -> None:
    _, events = _events(text)
    assert [e for e in events if e[0][:2] in ("02", "08")] == expected


def test_an_act_its_reporter_calls_out_of_the_question_is_the_reporters_refusal() -> None:
    _, events = _events("Oslo said that withdrawing its troops from Mali was out of the "
                        "question.")
    assert [e for e in events if e[0][:2] in ("08", "12")] == [
        ("1246", "NORGOV", "MLI", "asserted")]
    # no one says so: no refusal
    _, events = _events("Withdrawing the troops from Mali is out of the question.")
    assert not [e for e in events if e[0][:2] == "12"]


def test_an_event_noun_a_verb_pattern_already_coded_is_no_event_of_its_own() -> None:
    _, events = _events("The rebels demanded the release of ten prisoners.")
    assert [e[0] for e in events] == ["1053"]


def test_frame_verb_does_not_also_give_its_generic_event() -> None:
    _, events = _events("Libya has offered to hand over the two hostages to Britain.")
    assert not [e for e in events if e[0] == "030"], events


def test_a_demand_reported_with_must_targets_the_clause_subject() -> None:
    doc, events = _events("Russia said on Tuesday that Sudan must return the captured helicopter.")
    assert ("100", "RUS", "SDN", "asserted") in events, events
    demand = _find(doc, "100")
    assert "Sudan must return" in demand.evidence.text


def test_an_order_whose_clause_no_pattern_codes_is_a_demand_of_its_object() -> None:
    _, events = _events("The Oslo police ordered the Danish consul to appear for questioning.")
    assert ("100", "NORCOP", "DNKGOV", "asserted") in events, events
    # an order of things to be made is no demand of them; a coded clause is recoded as before
    _, events = _events("The Chilean army ordered 40 new tanks to be built.")
    assert not [e for e in events if e[0] == "100"], events
    _, events = _events("The Kenyan government ordered the newspaper to suspend publication.")
    assert [e[0] for e in events if e[0].startswith("10")] == ["100"], events


def test_a_refusal_of_violence_is_a_negated_attack_not_a_rejection() -> None:
    family = load_frames().families["refusal"]
    assert family.recode("190") == "negated" and family.recode("0841") == "1243"


def test_an_investigation_announced_is_a_planned_investigation() -> None:
    # no intent to cooperate (030): the investigation itself, not yet done
    _, events = _events("The Kenyan police will investigate the killing of the British tourist.")
    assert ("090", "KENCOP", "GBRCVL", "planned") in events, events
    assert not [e for e in events if e[0] == "030"], events


def test_a_failed_accord_is_a_rejection_and_a_failed_attack_did_not_happen() -> None:
    family = load_frames().families["failure"]
    assert family.recode("057") == "120" and family.recode("190") == "negated"
    _, events = _events("Japan and South Korea failed to reach agreement on the fishing dispute.")
    assert ("120", "JPN", "KOR", "asserted") in events, events


def test_will_not_is_a_refusal() -> None:
    _, events = _events("Pakistan said it will not accept more refugees from Afghanistan.")
    assert any(c.startswith("12") and s == "PAK" for c, s, _, _ in events), events


@pytest.mark.parametrize(("text", "expected"), [
    ("A roadside bomb killed three Afghan soldiers in Helmand.", ("1833", None, "AFGMIL")),
    ("Two Iraqi policemen were killed by a suicide bomber in Mosul.",
     ("1831", "IRQINS", "IRQCOP")),  # a bomber at an attack in Mosul: Iraq's
    ("Taliban fighters killed four policemen with a car bomb.", ("1832", "TAL", "---COP")),
    ("Taliban fighters killed four Afghan policemen.", ("190", "TAL", "AFGCOP")),
])
def test_instruments_make_violence_specific(text: str, expected: tuple) -> None:
    _, events = _events(text)
    assert expected in [e[:3] for e in events], events


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana sent 300 soldiers to Mali to serve as a peacekeeping force.", ("074", "GHA", "MLI")),
    ("Kenya announced the deployment of 500 troops to Somalia on a peacekeeping mission.",
     ("074", "KEN", "SOM")),
    ("Ugandan peacekeeping troops arrived in Mogadishu on Monday.", ("074", "UGAMIL", "SOM")),
    # peacekeeping elsewhere in the sentence says nothing of the troops sent
    ("Chad sent troops to Niger to fight the rebels near the peacekeeping base.",
     ("154", "TCD", "NER")),
    ("Chad sent troops to Niger after the peacekeeping talks failed.", ("154", "TCD", "NER")),
])
def test_forces_sent_to_keep_the_peace_are_peacekeeping(text: str, expected: tuple) -> None:
    _, events = _events(text)
    assert expected in [e[:3] for e in events], events


def test_partitive_heads_name_the_actor_of_their_of_phrase() -> None:
    _, events = _events("Thousands of Egyptian protesters marched on the parliament in Cairo.")
    assert any(s == "EGYOPP" for _, s, _, _ in events), events
    _, events = _events("A group of Moroccan diplomats met President Obama in Washington.")
    assert ("040", "MARGOV", "USAGOV") in [e[:3] for e in events], events


def test_a_hunger_strike_and_a_general_strike_are_protests_not_attacks() -> None:
    _, events = _events("Jailed activists in Egypt continued their hunger strike on Sunday.")
    assert any(c == "142" for c, *_ in events), events
    _, events = _events("Opposition parties in Nepal organized a general strike.")
    assert ("143", "NPLOPP") in [e[:2] for e in events], events
    assert not [e for e in events if e[0].startswith("19")], events


def test_a_capital_in_a_target_slot_is_its_country_not_its_government() -> None:
    _, events = _events("Rebels launched an offensive in Kabul on Monday.")
    assert ("190", "AFGREB", "AFG") in [e[:3] for e in events], events  # rebels there


def test_a_light_verb_carries_the_frame_of_its_event_noun() -> None:
    # "prepared to carry out talks" is an intent to negotiate, not talks held
    _, events = _events("The Taliban said it is prepared to carry out talks with Kabul.")
    assert [e[0] for e in events] == ["036"]
    _, events = _events("The Taliban carried out talks with Kabul in Doha.")
    assert [e[0] for e in events] == ["046"]
