"""What the PLOVER gold-standard evaluation compares for an event's source and target."""

from __future__ import annotations

from tacitus import code
from tacitus.eval.plover import actor_group


def test_an_unnamed_ngo_is_an_ngo_and_a_state_agent_its_country() -> None:
    doc = code("A human rights group condemned the arrests of Uzbek reporters.")
    event = next(e for e in doc.events if e.trigger.text == "condemned")
    assert actor_group(doc, event.source) == "NGO"
    assert actor_group(doc, event.target) == "UZB"
