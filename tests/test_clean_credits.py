"""Photo credits, captions and image lines are no article text (issue 10): a credit's agency
once came out as an actor launching an attack."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tacitus import code
from tacitus.ingest.clean import clean_text

ARTICLE = """Rebels attacked a police post near Kano on Monday (Photo: A. Bello/Reuters), \
officials said.

Photo by Jane Doe/AFP

Image: Smoke rises over the market.

(AP Photo/Sam Reed)

The army retook the post on Tuesday."""


def test_credits_captions_and_image_lines_are_dropped() -> None:
    text = clean_text(ARTICLE, head=False).text
    assert text == ("Rebels attacked a police post near Kano on Monday, officials said.\n\n"
                    "The army retook the post on Tuesday.")


def test_a_credits_agency_is_no_actor() -> None:
    doc = code(ARTICLE)
    assert not [a for a in doc.actors if "Reuters" in a.name or a.name == "AP"]
    assert all("Reuters" not in e.evidence.text for e in doc.events)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_prose_in_parentheses_stays(words: str) -> None:
    body = f"The minister (who spoke {words.replace('(', '').replace(')', '')}) left."
    assert "minister" in clean_text(body, head=False).text
