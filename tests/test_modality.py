"""Modality and attribution: every form the context issue lists, in sentences written here."""

from __future__ import annotations

import pytest

from tacitus import code


def _events(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = code(text, published="2012-01-04")
    codes = {a.id: a.code for a in doc.actors}
    return [(e.cameo, e.modality, codes.get(e.source) if e.source else None,
             codes.get(e.attributed_to) if e.attributed_to else None) for e in doc.events]


@pytest.mark.parametrize(("text", "root", "modality", "attributed"), [
    ("Taliban fighters attacked a NATO convoy.", "19", "asserted", None),
    ("Taliban fighters did not attack the NATO convoy.", "19", "negated", None),
    ("Taliban fighters could attack NATO convoys.", "19", "hypothetical", None),
    # a conditional attack is a threat in CAMEO (138), and it has not happened
    ("If the talks fail, Taliban fighters will attack NATO convoys.", "138", "hypothetical",
     None),
    ("The Pentagon is preparing to launch an offensive against the Taliban.", "19", "planned",
     None),
    ("Taliban fighters reportedly attacked a NATO convoy.", "19", "reported", None),
    ("Taliban fighters attacked a NATO convoy, according to Afghan officials.", "19",
     "reported", "AFGGOV"),
    ("Afghan officials said Taliban fighters attacked a NATO convoy.", "19", "reported",
     "AFGGOV"),
    ("The Taliban denied that its fighters attacked the NATO convoy.", "19", "disputed", "TAL"),
    ("Hamas is believed to be responsible for the attack on Israeli soldiers.", "19",
     "reported", None),
    # an adjective on the event noun says how sure it is
    ("The talks may bring potential incursions by Turkish troops into Syria.", "19",
     "hypothetical", None),
    ("Iran criticized the planned deployment of US troops in Iraq.", "15", "planned", None),
    # the that-clause of a claim noun is the claimant's, not the writer's
    ("Monitors examined an allegation by Chad that Sudanese troops had burned a village.",
     "17", "reported", "TCD"),
    ("Mali's claim that Algerian soldiers shelled the border post angered Algeria.", "19",
     "reported", "MLI"),
])
def test_modality(text: str, root: str, modality: str, attributed: str | None) -> None:
    events = _events(text)
    assert any(c.startswith(root) and m == modality and a == attributed
               for c, m, _, a in events), events


def test_refused_to_meet_is_an_event_and_did_not_meet_is_negated() -> None:
    refused = _events("Karzai refused to meet the Taliban envoys.")
    assert any(c == "125" and m == "asserted" for c, m, _, _ in refused), refused
    negated = _events("Karzai did not meet the Taliban envoys.")
    assert any(c.startswith("04") and m == "negated" for c, m, _, _ in negated), negated


def test_a_will_not_refusal_is_made_not_negated() -> None:
    # the "not" is what makes the refusal (124): the refusal itself is asserted
    doc = code("The strikers will not yield to the mine owners.", published="2012-01-04")
    refusal = next(e for e in doc.events if e.cameo.startswith("12"))
    assert refusal.modality == "asserted"
    assert code("The strikers will yield to the mine owners.",
                published="2012-01-04").events[0].modality == "planned"


def test_the_suspected_perpetrator_is_the_source_of_a_reported_event() -> None:
    events = _events("Two Kenyans suspected in the bombing of the embassy were arrested.")
    assert ("183", "reported", "KEN", None) in events, events


# -- issue 11: modality read from the words that carry it, with their offsets --

def _reading(text: str, trigger: str) -> tuple[str, list[str]]:
    from tacitus.pipeline import default_coder

    coder = default_coder()
    doc = coder.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    r = coder.modality.judge(token)
    return r.modality, [t.text for t in r.basis]


@pytest.mark.parametrize(("text", "trigger", "modality", "basis"), [
    ("The Syrian government did not make a statement on the attack.", "make", "negated",
     ["not"]),
    ("No soldiers were killed in the ambush.", "killed", "negated", ["No"]),
    ("Nobody was hurt in the blast.", "hurt", "negated", ["Nobody"]),
    ("The rebels left without signing the truce.", "signing", "negated", ["without"]),
    ("The minister would not comment or elaborate.", "elaborate", "negated", ["not"]),
    ("The envoy did not manage to meet the rebels.", "meet", "negated", ["not"]),
    ("Iran does not want to attack Israel.", "attack", "hypothetical", ["not", "want"]),
    ("Iran wants to attack Israel.", "attack", "hypothetical", ["wants"]),
    # a present wish to say something says it; a past one may not have been said
    ("The government would like to express its condolences to the families.", "express",
     "asserted", []),
    ("I want to thank the people of Kenya.", "thank", "asserted", []),
    ("The minister wanted to thank the donors.", "thank", "hypothetical", ["wanted"]),
    ("Iran would like to attack Israel.", "attack", "hypothetical", ["would"]),
    ("Iran would retaliate if Israel struck its reactors.", "retaliate", "hypothetical",
     ["if"]),
    ("The army could be forced to withdraw from Aleppo.", "withdraw", "hypothetical",
     ["could"]),
    ("Rebels may attack and destroy the pipeline.", "destroy", "hypothetical", ["may"]),
    ("The Syrian army is preparing to launch an offensive.", "launch", "planned",
     ["preparing"]),
    ("Kenya is ready to negotiate with the rebels.", "negotiate", "planned", ["ready"]),
    ("Rebels reportedly attacked a convoy.", "attacked", "reported", ["reportedly"]),
    ("Rebels attacked a convoy, according to the army.", "attacked", "reported",
     ["according"]),
    ("Sources said rebels attacked a convoy.", "attacked", "reported", ["said"]),
    ("The Taliban denied reports that its envoy met US officials.", "met", "disputed",
     ["denied"]),
    ("Rebels attacked a convoy in Homs.", "attacked", "asserted", []),
    # a negated verb that is not the event's: the attack happened
    ("Russia did not condemn the attack on the convoy.", "attack", "asserted", []),
    # counter-factive verbs: the act they govern did not happen
    ("Israel and Hamas failed to reach a ceasefire deal.", "reach", "negated", ["failed"]),
    ("The rebels declined to release the hostages.", "release", "negated", ["declined"]),
    ("Police prevented the crowd from reaching the embassy.", "reaching", "negated",
     ["prevented"]),
    ("Cuba has not prohibited him from going to Miami.", "going", "asserted", []),
    # a pending condition: "until Cuba holds elections" (none held yet)
    ("The US will not lift the embargo until Cuba holds elections.", "holds",
     "hypothetical", ["until"]),
    ("The troops stayed until the rebels attacked the base.", "attacked", "asserted", []),
    # a refusal is an intention: the act is not meant to happen, not known never to happen
    ("The guerrillas refused to release the hostages.", "release", "hypothetical",
     ["refused"]),
    # a counter-factive negates as "not" does, under a condition or a modal too; under a
    # negated clause it is a condition, and through a verb that is not implicative it
    # leaves the act undecided
    ("If the rebels fail to reach the capital, the army will hold the city.", "reach",
     "negated", ["fail"]),
    ("The commander could leave the country without paying the fine.", "paying",
     "negated", ["without"]),
    ("The commander cannot leave the country without paying the fine.", "paying",
     "hypothetical", ["without", "not"]),
    ("The rebels failed to force the army to retreat.", "retreat", "hypothetical",
     ["failed"]),
    ("The rebels declined further talks with the government.", "talks", "negated",
     ["declined"]),
    ("Police were unable to reach the village.", "reach", "negated", ["unable"]),
    ("The rebels have yet to sign the truce.", "sign", "negated", ["yet"]),
    ("The court barred the general from leaving the country or contacting witnesses.",
     "contacting", "negated", ["barred"]),
    # the negation of a verb that decides an event leaves the event undecided
    ("The council did not authorize a military operation in the north.", "operation",
     "hypothetical", ["not", "authorize"]),
    ("The army did not launch an operation in the north.", "operation", "negated", ["not"]),
    # a predicate takes the cues of its copula
    ("The envoy was not available for talks.", "available", "negated", ["not"]),
    ("The company is not for sale.", "for", "negated", ["not"]),
    # negators on a time adverb, after "nor", before a focus
    ("Never again will the army shell the city.", "shell", "negated", ["Never"]),
    ("The army has never before shelled the city.", "shelled", "negated", ["never"]),
    ("The army did not retreat, nor did it surrender.", "surrender", "negated", ["nor"]),
    ("The rebels not only attacked the base but also burned it.", "attacked", "asserted", []),
    ("The militia reported no casualties or injuries.", "injuries", "negated", ["no"]),
    # "be to" and "have to" pass their negation down; an adjective between does not
    ("The new embassy was not to open until May.", "open", "negated", ["not"]),
    ("The minister did not have to resign.", "resign", "negated", ["not"]),
    ("The soldiers were not able to enter the town.", "enter", "hypothetical",
     ["not", "were"]),
    ("The rebels did not launch attacks or raids on the villages.", "raids", "negated",
     ["not"]),
    # "but" opposes the conjuncts: the auxiliary and negation of the first are not shared
    ("The minister would not comment or elaborate, but said talks would continue.",
     "elaborate", "negated", ["not"]),
    ("The minister would not comment or elaborate, but said talks would continue.",
     "said", "asserted", []),
    # a tensed verb after a negated bare one is a clause of its own
    ("Police did not find the gunmen and released a statement on Monday.", "released",
     "asserted", []),
    # and so is a participle after a bare verb ("did not know ..., questioned")
    ("He said he did not know which one had been located, questioned and released.",
     "questioned", "reported", ["said"]),
    # a participle beside a plan is part of the plan; beside a done act it is done
    ("Another 4,000 soldiers are supposed to leave by June, completing the drawdown.",
     "completing", "planned", ["supposed"]),
    ("The last soldiers left in June, completing the drawdown.", "completing", "asserted", []),
    ("The army will keep up its raids while opening talks with the rebels.", "opening",
     "planned", ["will"]),
    ("The talks are part of a plan to isolate the rebels and to sign a truce.", "sign",
     "planned", ["plan", "to"]),
    # the parse may call an infinitive after its noun a relative clause: still the aim
    ("The opening of the Kabul office seems to be part of a French strategy to separate the "
     "rebels from their allies in the army, and to strike a deal independently of the Afghan "
     "government.", "strike", "planned", ["strategy", "to"]),
    ("The envoy was the first to arrive.", "arrive", "asserted", []),
    # an intended prevention says nothing of whether the act will happen
    ("Both moves are intended to thwart the talks with the rebels.", "talks", "hypothetical",
     ["thwart", "intended"]),
    # a past act beside an if-clause was done; the condition still is hypothetical
    ("If the rebels refused, the army had threatened to shell the town.", "threatened",
     "asserted", []),
    ("If the rebels refused, the army had threatened to shell the town.", "refused",
     "hypothetical", ["If"]),
    ("If the rebels refuse, the army will shell the town.", "shell", "hypothetical", ["If"]),
    # a suspicion reports the act it names
    ("The commander is also suspected in the killing of two journalists.", "killing",
     "reported", ["suspected"]),
    ("The commander is believed to be responsible for the shelling and is also suspected in "
     "the killing of two journalists.", "killing", "reported", ["suspected"]),
    # a negating adjective over a for-to clause; "without" an event noun on an act
    ("The blockade made it impossible for the aid convoy to enter the town.", "enter",
     "negated", ["impossible"]),
    ("The rebels left the town without a fight.", "fight", "negated", ["without"]),
    ("The envoys called for a settlement without foreign enforcement.", "enforcement",
     "asserted", []),
    # a yes-no question asks, a wh-question takes the act as given; an embedded question
    # ("whether") asserts nothing either
    ("Did the army shell the village on Monday?", "shell", "hypothetical", ["?"]),
    ("Why did the rebels attack the convoy?", "attack", "asserted", []),
    ("It is unclear whether the army shelled the village.", "shelled", "hypothetical",
     ["whether"]),
    # an act weighed, not done
    ("Israel has not ruled out a strike on the reactor.", "strike", "hypothetical",
     ["ruled"]),
    ("The government is considering sending troops to the border.", "sending",
     "hypothetical", ["considering"]),
    # a passive verb of belief or report: "is believed to have", "is said to have"
    ("The rebels are believed to have kidnapped the engineers.", "kidnapped", "reported",
     ["believed"]),
    # "be to" is an arrangement: planned
    ("The envoy is to visit Kabul on Monday.", "visit", "planned", ["is"]),
    # what a venue or a preparation is for is still to come; "the venue for the talks" may
    # be of talks under way
    ("Oman was chosen as the venue for talks with the rebels.", "talks", "planned",
     ["venue"]),
    ("The preparations for the summit with Iran began on Monday.", "summit", "planned",
     ["preparations"]),
    ("Oman was the venue for the talks with the rebels on Monday.", "talks", "asserted", []),
    # a concession is no condition: the clause it hangs on holds either way
    ("The firm will survive the crisis even if prices fall further.", "survive", "planned",
     ["will"]),
    ("The firm will survive the crisis if prices fall further.", "survive", "hypothetical",
     ["if"]),
    ("The firm will survive the crisis even if prices fall further.", "fall", "hypothetical",
     ["if"]),
    # an event noun a verb brings about is what that verb is; not one it reacts to, nor a
    # known one, nor the object of a negated verb
    ("The rebels would provoke a war with the army.", "war", "hypothetical", ["would"]),
    ("The envoy will keep up the pressure while seeking a ceasefire with the rebels.",
     "ceasefire", "planned", ["will"]),
    ("The government will keep up its campaign while at the same time initiating "
     "negotiations with the rebels.", "negotiations", "planned", ["will"]),
    # what a move heads towards has not happened yet; a known act stays as it was
    ("The turn towards negotiations with the rebels is driven by the withdrawal timetable.",
     "negotiations", "planned", ["towards"]),
    ("The army will condemn the attack on the embassy.", "attack", "asserted", []),
    ("The rebels would provoke the war that the army fears.", "war", "asserted", []),
    ("The minister did not seek talks with the rebels.", "talks", "asserted", []),
    # an obligation is no fact yet, as "should" is none
    ("The army must withdraw from the town.", "withdraw", "hypothetical", ["must"]),
    # what a plan or a wish is for
    ("The army is preparing for an offensive in the north.", "offensive", "planned",
     ["preparing"]),
    ("The villagers hope for peace talks.", "talks", "hypothetical", ["hope"]),
    ("The army waited for an attack.", "attack", "asserted", []),
    ("The president offered condolences for the attack.", "attack", "asserted", []),
])
def test_issue11_modality_and_its_words(text: str, trigger: str, modality: str,
                                        basis: list[str]) -> None:
    assert _reading(text, trigger) == (modality, basis)


@pytest.mark.parametrize(("text", "root", "modality"), [
    ("The soldiers fired no shots at the crowd.", "19", "negated"),
    ("Police arrested no one after the riot in the capital.", "173", "negated"),
    ("Police arrested two men after the riot in the capital.", "173", "asserted"),
])
def test_a_no_object_denies_a_coded_act(text: str, root: str, modality: str) -> None:
    """"fired no shots": the act's own object denies it (on coded acts only: "gave no
    reason" is what was said, not an act denied)."""
    events = _events(text)
    assert any(c.startswith(root) and m == modality for c, m, _, _ in events), events


def test_issue11_modality_basis_offsets_slice_the_text() -> None:
    doc = code("The Taliban denied reports that its envoy met US officials. Iran did not "
               "attack Israel.", published="2012-01-04")
    marked = [e for e in doc.events if e.modality != "asserted"]
    assert {e.modality for e in marked} >= {"disputed", "negated"}, marked
    for e in marked:
        assert e.modality_basis, e
        for s in e.modality_basis:
            assert doc.document.text[s.start : s.end] == s.text
    assert {s.text for e in marked for s in e.modality_basis} >= {"denied", "not"}


def test_modality_word_lists_do_not_overlap() -> None:
    """A verb is counter-factive, a refusal, implicative or preventing, never two of these:
    the reader tries them in turn, and a word in two lists would take only the first reading."""
    from tacitus.data import load_modality_words

    words = load_modality_words()
    kinds = ("negating_verbs", "refusing_verbs", "implicative_verbs", "preventing_verbs")
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert not set(words[a]) & set(words[b]), (a, b)
    assert not set(words["focus_adverbs"]) & set(words["negators"])
    assert "be" in words["copular_verbs"] and "yet" in words["negated_adverbs"]
    assert not set(words["deciding_verbs"]) & set(words["occurrence_verbs"])


def test_the_scorer_reads_unrealized_events_from_modals_future_tense_and_slinks(tmp_path) -> None:
    """TimeML says a wish or a condition by an SLINK, not on the instance: the unrealized
    figure reads both, the modal figure only the modal."""
    from pathlib import Path

    from tacitus.eval.modality import evaluate

    text = ('<TEXT>The rebels <EVENT eid="e1" class="I_STATE">want</EVENT> to '
            '<EVENT eid="e2" class="OCCURRENCE">seize</EVENT> the town. The army '
            '<EVENT eid="e3" class="OCCURRENCE">shelled</EVENT> the port. The envoy will '
            '<EVENT eid="e4" class="OCCURRENCE">visit</EVENT> Kabul. The army could '
            '<EVENT eid="e5" class="OCCURRENCE">retreat</EVENT>.</TEXT>')
    instances = "".join(
        f'<MAKEINSTANCE eventID="e{k}" eiid="ei{k}" tense="{tense}" polarity="POS"'
        f'{modal}/>' for k, tense, modal in (
            (1, "PRESENT", ""), (2, "INFINITIVE", ""), (3, "PAST", ""), (4, "FUTURE", ""),
            (5, "NONE", ' modality="could"')))
    Path(tmp_path, "own.tml").write_text(
        '<?xml version="1.0"?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2012-01-04" '
        f'functionInDocument="CREATION_TIME">2012-01-04</TIMEX3></DCT>{text}{instances}'
        '<SLINK lid="l1" relType="MODAL" eventInstanceID="ei1" '
        'subordinatedEventInstance="ei2"/></TimeML>')
    r = evaluate(tmp_path)
    assert (r.modal_all.gold, r.modal_all.ours, r.modal_all.both) == (1, 2, 1)
    assert (r.unrealized_all.gold, r.unrealized_all.ours, r.unrealized_all.both) == (3, 3, 3)


def test_the_scorer_reads_contracted_modals_and_modal_phrases() -> None:
    """TimeML writes a contracted "would" as "'d" and a modal phrase whole ("should have
    to"): both are modals; a necessity or an adjective ("have to", "possible") is none."""
    from tacitus.eval.modality import _modal

    assert _modal("'d") and _modal("should have to") and _modal("COULD")
    assert not _modal("have to") and not _modal("possible") and not _modal(None)
