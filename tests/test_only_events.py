"""Only events: a statement whose content is coded, a news attribution, a habitual statement
and a commentator's remark are left out, with the reason where the user can see it
(issue 14)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tacitus import code
from tacitus.cli import app


def test_a_statement_whose_content_is_coded_is_no_event_of_its_own() -> None:
    doc = code("Nigeria said Cameroon had shelled its border villages.")
    assert [e.cameo[:2] for e in doc.events] == ["19"]
    (shelling,) = doc.events
    assert shelling.modality == "reported"
    speaker = next(a for a in doc.actors if a.id == shelling.attributed_to)
    assert speaker.code == "NGA"
    (left,) = doc.left_out
    assert left.cameo == "010" and left.reason == "content" and left.trigger.text == "said"


def test_a_speech_participle_that_sets_the_scene_of_a_coded_act_is_no_statement() -> None:
    for text in ("Karzai, speaking at a ceremony in Kabul on Monday, praised the Indian envoy.",
                 "Speaking to reporters, the Kenyan president criticized Uganda."):
        doc = code(text)
        assert [e.cameo for e in doc.events] in (["051"], ["111"])
        assert [lo.reason for lo in doc.left_out] == ["content"]


def test_what_a_side_says_it_must_do_itself_is_no_demand_on_itself() -> None:
    doc = code("A spokesman for the Kenyan government stressed that the Kenyan government "
               "must take the leading role in any talks.")
    assert [e.cameo for e in doc.events] == ["010"]
    doc = code("A spokesman for the Kenyan government said that Uganda must take the leading "
               "role in any talks.")
    (demand,) = doc.events
    assert demand.cameo == "100"
    assert next(a for a in doc.actors if a.id == demand.target).code == "UGA"


def test_an_act_coded_with_its_frame_verb_is_listed_as_content() -> None:
    doc = code("The Kenyan finance minister agreed to resign.")
    assert [e.cameo for e in doc.events] == ["0341"]
    (left,) = doc.left_out
    assert (left.trigger.text, left.reason) == ("resign", "content")
    assert "0341" in left.detail


def test_a_statement_with_no_content_of_its_own_stays() -> None:
    doc = code("The Kenyan foreign minister said the weather was fine.")
    assert [e.cameo for e in doc.events] == ["010"]
    assert doc.left_out == []


def test_a_news_report_is_attribution_not_a_statement() -> None:
    doc = code("The newspaper Kathimerini reported that the minister had been in Crete.")
    assert doc.events == []
    assert [lo.reason for lo in doc.left_out] == ["attribution"]
    # reporting to someone is a statement to them
    doc = code("Iran reported to the IAEA that it had enriched more uranium.")
    assert [e.cameo for e in doc.events] == ["010"]
    assert next(a for a in doc.actors if a.id == doc.events[0].target).code == "IGOIAEA"


@pytest.mark.parametrize("text", [
    "Militiamen routinely attack convoys on the coastal highway.",
    "Police patrol the border crossing every Friday.",
    "Soldiers tend to fire on protesters near the capital.",
])
def test_a_habitual_or_generic_statement_is_no_event(text: str) -> None:
    doc = code(text)
    assert doc.events == []
    assert [lo.reason for lo in doc.left_out] == ["generic"]


def test_a_standing_state_in_the_present_is_no_event() -> None:
    doc = code("Bahrain also hosts a US naval base that serves the fleet.")
    assert doc.events == []
    assert [(lo.reason, lo.trigger.text) for lo in doc.left_out] == [("generic", "hosts")]
    # an event noun as object, or a past tense: an event
    assert code("Qatar hosts the talks between the rebels and the government.").events
    assert [e.cameo for e in code("Qatar hosted a US airbase in 2003.").events] == ["062"]


def test_a_participle_used_as_a_preposition_is_no_act() -> None:
    doc = code("The summit was called a failure considering the continuing war and the "
               "instability of Sudan.")
    assert doc.events == []
    assert [(lo.reason, lo.trigger.text) for lo in doc.left_out] == [("sense", "considering")]
    assert "014" in [e.cameo for e in code(
        "The government is considering sanctions against Iran.").events]


def test_what_an_appeal_asks_someone_to_do_is_its_content() -> None:
    doc = code("Dr. Maria Lopez, head of the health department, called on the government on "
               "Monday to declare the outbreak an emergency.")
    assert [e.root for e in doc.events] == ["02"]
    assert ("content", "1724") in [(lo.reason, lo.cameo) for lo in doc.left_out]


@pytest.mark.parametrize("text", [
    "Police will patrol the border crossing every Friday.",  # a plan
    "Militiamen repeatedly attacked the convoy on Monday.",  # several acts
    "The army used tear gas to disperse protesters.",  # no "used to"
])
def test_a_repeated_or_planned_act_stays_an_event(text: str) -> None:
    assert code(text).events


def test_another_sense_of_an_event_verb_is_listed_not_coded() -> None:
    doc = code("The ministry acted to protect a lucrative fishing deal.")
    assert doc.events == []
    (left,) = doc.left_out
    assert (left.reason, left.cameo, left.trigger.text) == ("sense", "074", "protect")
    # the same verb with a political object is coded
    assert [e.cameo for e in code("Peacekeepers protected the refugees in Goma.").events] \
        == ["074"]


def test_a_statement_telling_how_a_reported_act_was_done_is_attribution() -> None:
    doc = code("Soldiers raided a rebel camp near the river. The brigade added that the "
               "raid was made at dawn.")
    assert [e.cameo for e in doc.events] == ["190"]
    (left,) = [lo for lo in doc.left_out if lo.cameo == "010"]
    assert left.reason == "attribution" and left.trigger.text == "added"
    # a comment on the act, not how it was done, stays the speaker's statement
    doc = code("The minister met the envoy. The opposition leader said the talks were a "
               "waste of time.")
    assert "010" in [e.cameo for e in doc.events]


def test_a_police_or_prosecutor_statement_is_attribution() -> None:
    doc = code("Police said the two suspects had been held in Mombasa since June.")
    assert [e.cameo for e in doc.events if e.cameo == "010"] == []
    assert "attribution" in [lo.reason for lo in doc.left_out]
    doc = code("Prosecutors said the accused had hidden the papers in a car.")
    assert doc.events == [] and [lo.reason for lo in doc.left_out] == ["attribution"]
    # a statement to someone, or by anyone else, stays a statement
    assert [e.cameo for e in code("The Kenyan police chief told parliament that the "
                                  "weather was fine.").events] == ["010"]


def test_an_explosion_that_claimed_lives_is_no_claim() -> None:
    doc = code("A landslide in the hills claimed the lives of nine villagers.")
    assert [e.cameo for e in doc.events if e.cameo.startswith("01")] == []
    assert ("sense", "010") in [(lo.reason, lo.cameo) for lo in doc.left_out]


def test_a_present_tense_relative_clause_describes_its_noun() -> None:
    doc = code("Gunmen who continue to ambush supply convoys seized a village in Zamfara "
               "on Monday.")
    assert [e.cameo for e in doc.events] == ["192"]
    assert "generic" in [lo.reason for lo in doc.left_out]
    # a past act in a relative clause is an event, and a document's words are its author's
    doc = code("The gunmen, who ambushed a supply convoy on Monday, fled into the forest.")
    assert [e.cameo[:2] for e in doc.events] == ["19"]
    doc = code("The committee issued a report that calls on the government to act.")
    assert [e.cameo[:2] for e in doc.events] == ["02"]


@pytest.mark.parametrize(("text", "word"), [
    ("Militias opposing the peace deal seized the port of Kismayo.", "opposing"),
    ("Sanctions were seen as key to pressuring the junta into talks.", "pressuring"),
    ("Militias opposing the occupation of the south seized Kismayo.", "occupation"),
    # in a quotation too
    ("\"Militias opposing the deal seized the port,\" the senator said.", "opposing"),
])
def test_a_verb_form_that_describes_a_noun_is_no_event(text: str, word: str) -> None:
    doc = code(text)
    assert word not in [e.trigger.text for e in doc.events if e.trigger]
    assert ("generic", word) in [(lo.reason, lo.trigger.text) for lo in doc.left_out]


@pytest.mark.parametrize(("text", "root"), [
    ("The rebels issued a declaration demanding that the army free their leader.", "10"),
    ("A car bomb exploded in the market, killing five people.", "19"),
    ("The army has plans to attack the town of Kidal.", None),
    ("Troops foiled an attempt by the rebels to kidnap the governor.", "18"),
    ("The army accused the guerrillas of kidnapping thirty farmers.", "18"),
    ("The president agreed to a truce halting the army's offensive in the north.", None),
    ("Germany sent engineers to rebuild the bridges in Mosul.", None),
])
def test_a_verb_form_on_a_document_event_or_plan_stays(text: str, root: str | None) -> None:
    doc = code(text)
    assert "generic" not in [lo.reason for lo in doc.left_out]
    if root is not None:
        assert root in [e.cameo[:2] for e in doc.events]


def test_what_an_appeal_asks_for_is_no_event_of_its_own() -> None:
    # the noun frame makes it the appeal for a release (0253); no release is coded
    doc = code("The opposition asked for the release of the detained journalists.")
    assert [e.cameo for e in doc.events] == ["0253"]
    # the release itself is an event
    assert [e.cameo for e in code("The army announced the release of the detained "
                                  "journalists.").events if e.cameo == "0841"] == ["0841"]


def test_a_commentators_remark_is_no_event() -> None:
    doc = code("A law professor told the broadcaster that the verdict was a disgrace.")
    assert doc.events == []
    assert [lo.reason for lo in doc.left_out] == ["commentary"]


def test_a_commentator_can_still_suffer_an_event() -> None:
    doc = code("Police arrested a prominent professor in Ankara.")
    assert [e.cameo for e in doc.events] == ["173"]


def test_explain_lists_what_was_left_out() -> None:
    result = CliRunner().invoke(app, ["code", "-", "--format", "table", "--explain"],
                                input="Nigeria said Cameroon had shelled its border villages.")
    assert result.exit_code == 0, result.output
    assert "Left out" in result.output and "content" in result.output
