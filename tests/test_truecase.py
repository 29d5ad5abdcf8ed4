"""Truecasing text written all in capitals, on sentences written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.ingest import clean_text
from tacitus.ingest.truecase import is_all_caps, truecase


def test_only_text_in_capitals_is_changed() -> None:
    mixed = "The mayor of Springfield said on Monday that the bridge will reopen."
    assert not is_all_caps(mixed)
    assert truecase(mixed) == mixed
    assert not is_all_caps("NATO")  # too short to judge
    assert is_all_caps("THE MAYOR SAID ON MONDAY THAT THE BRIDGE WILL REOPEN.")


def test_common_words_lower_names_capitalised() -> None:
    text = ("REBELS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A POLICE POST IN "
            "QUETZALTEPEQUE YESTERDAY. THREE AGENTS WERE WOUNDED.")
    out = truecase(text)
    assert out == ("Rebels of the Farabundo Marti National Liberation Front attacked a police "
                   "post in Quetzaltepeque yesterday. Three agents were wounded.")


def test_dictionary_case_acronyms_and_possessives() -> None:
    out = truecase("THE FMLN'S COMMANDERS MET OFFICIALS FROM PERU AND THE UNITED NATIONS IN "
                   "TEGUCIGALPA, WHO PROMISED TO HELP US.")
    assert out == ("The FMLN's commanders met officials from Peru and the United Nations in "
                   "Tegucigalpa, who promised to help us.")


def test_particles_months_titles_and_initials() -> None:
    out = truecase("GEN. ORTIZ TRAVELLED FROM LA PAZ TO SAN JOSE DE LAS FLORES ON 2 MAY. "
                   "TROOPS MAY MARCH ON FRIDAY, THE U.S. EMBASSY SAID.")
    assert out == ("Gen. Ortiz travelled from La Paz to San Jose de las Flores on 2 May. "
                   "Troops may march on Friday, the U.S. embassy said.")


def test_the_cleaner_truecases_an_article_in_capitals() -> None:
    raw = ("MANAGUA, 2 FEB 91 (WIRE) -- A CAR BOMB EXPLODED OUTSIDE THE MINISTRY OF "
           "DEFENCE TODAY, KILLING TWO GUARDS.\n\nPOLICE ARRESTED A SUSPECT.")
    cleaned = clean_text(raw)
    assert cleaned.published == "1991-02-02"
    assert cleaned.text == ("A car bomb exploded outside the ministry of defence today, "
                            "killing two guards.\n\nPolice arrested a suspect.")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_only_case_changes(text: str) -> None:
    shouted = text.upper()
    out = truecase(shouted)
    assert len(out) == len(shouted)
    assert all(a in (b, b.lower(), b.upper()) for a, b in zip(out, shouted, strict=True))
