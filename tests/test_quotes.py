"""Quotes and their speakers: direct (straight and curly marks, split, continued across
paragraphs, "he said"), reported speech, and "the statement said"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus import code
from tacitus.context.quotes import MAX_QUOTE, direct_spans
from tacitus.data import load_quote_verbs, load_source_phrases

ARTICLE = """Talks in Doha

Pakistani Prime Minister Yousuf Raza Gilani said the talks were useful. "We want peace," \
he said. "But the attacks must stop."

“We will not negotiate under fire,” Taliban spokesman Zabihullah Mujahid told reporters. “The \
Americans know our terms.

“They must leave first,” he added.

The Iranian foreign ministry's statement said "all sides" should meet in Tehran."""


def _quotes() -> list[tuple[bool, str | None, str]]:
    doc = code(ARTICLE, published="2012-01-04")
    names = {a.id: a.name for a in doc.actors}
    for q in doc.quotes:
        assert doc.document.text[q.start : q.end] == q.text
    return [(q.direct, names.get(q.speaker) if q.speaker else None, q.text) for q in doc.quotes]


def test_he_said_and_split_quotes() -> None:
    quotes = _quotes()
    assert (True, "Yousuf Raza Gilani", "We want peace,") in quotes
    assert (True, "Yousuf Raza Gilani", "But the attacks must stop.") in quotes


def test_curly_quotes_continue_across_paragraphs() -> None:
    quotes = _quotes()
    assert (True, "Zabihullah Mujahid", "We will not negotiate under fire,") in quotes
    assert (True, "Zabihullah Mujahid", "The Americans know our terms.") in quotes
    assert (True, "Zabihullah Mujahid", "They must leave first,") in quotes


def test_reported_speech_is_an_indirect_quote() -> None:
    assert (False, "Yousuf Raza Gilani", "the talks were useful") in _quotes()


def test_the_statement_said_gives_the_author() -> None:
    assert (True, "Iran government", "all sides") in _quotes()


def test_unbalanced_marks_do_not_swallow_the_text() -> None:
    text = 'He said "no.\n\nThen the talks ended. She said "yes" later.'
    assert [text[s.start : s.end] for s in direct_spans(text)] == ["yes"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab "“”\n.,', max_size=200))
def test_quote_spans_are_inside_the_text(text: str) -> None:
    for s in direct_spans(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip()


def _spans_char_by_char(text: str, longest: int) -> list[tuple[int, int, bool]]:
    """The quote scan as first written, testing every character: the search-based scan of
    ``direct_spans`` must find the same spans."""
    closing = {"“": "”", "«": "»", '"': '"'}
    out, i, n, continuing = [], 0, len(text), False
    while i < n:
        mark = "''" if text.startswith("''", i) else text[i] if text[i] in closing else None
        if mark is None:
            i += 1
            continue
        close = closing.get(mark, mark)
        start = j = i + len(mark)
        while j < n and j - start < longest and not text.startswith(close, j) and \
                not (mark == "“" and text[j] == "“") and not text.startswith("\n\n", j):
            j += 1
        if j < n and text.startswith(close, j) and j > start:
            out.append((start, j, continuing))
            continuing, i = False, j + len(close)
            continue
        para = text.find("\n\n", start)
        if para != -1 and para - start < longest:
            nxt = para + 2
            while nxt < n and text[nxt] in "\n ":
                nxt += 1
            if text.startswith(mark, nxt) and para > start:
                out.append((start, para, continuing))
                continuing, i = True, nxt
                continue
        continuing, i = False, start
    return [s for s in out if text[s[0] : s[1]].strip()]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab '\"“”«»\n", max_size=120))
def test_quote_scan_finds_what_a_character_scan_finds(text: str) -> None:
    assert [(s.start, s.end, s.continues) for s in direct_spans(text)] == \
        _spans_char_by_char(text, MAX_QUOTE)


def test_a_quote_left_open_stops_at_its_length_limit() -> None:
    text = 'He said "' + "word " * (MAX_QUOTE // 4) + '" and left.'
    assert direct_spans(text) == []
    assert _spans_char_by_char(text, MAX_QUOTE) == []


def test_a_quoted_term_is_not_a_quote() -> None:
    doc = code('Critics called the plan a "surge" and warned of "regime change" in Kabul.',
               published="2012-01-04")
    assert doc.quotes == []


def test_he_said_continues_the_last_subject_not_the_nearest_name() -> None:
    doc = code('Karzai hailed the statement by Joe Biden. "We are happy with it," he said.',
               published="2012-01-04")
    names = {a.id: a.name for a in doc.actors}
    assert [(names.get(q.speaker), q.text) for q in doc.quotes] == [
        ("Hamid Karzai", "We are happy with it,")]


def test_a_signature_after_a_quote_is_its_speaker() -> None:
    doc = code("Readers wrote to us after the debate.\n\n"
               "\u201cI cannot believe what I heard tonight.\u201d \u2015 Maria Delgado\n\n"
               "\u201cHe should apologise to every veteran.\u201d \u2015 Tom Ferris")
    speakers = {q.text[:12]: next(a.name for a in doc.actors if a.id == q.speaker)
                for q in doc.quotes if q.speaker}
    assert speakers == {"I cannot bel": "Maria Delgado", "He should ap": "Tom Ferris"}


def test_quote_verbs_that_code_no_event_still_attribute() -> None:
    doc = code('"Does anyone here know the plan?" Senator Ruth Okafor asked.')
    (quote,) = doc.quotes
    assert next(a.name for a in doc.actors if a.id == quote.speaker) == "Ruth Okafor"


def _speakers(text: str) -> dict[str, str | None]:
    """Each quote's first words -> its speaker's name (the text under a headline: a first
    paragraph is one)."""
    doc = code("City news\n\n" + text, published="2016-09-20")
    names = {a.id: a.name for a in doc.actors}
    return {q.text[:20]: names.get(q.speaker) if q.speaker else None for q in doc.quotes}


def test_a_verb_past_a_paragraph_break_does_not_attribute() -> None:
    speakers = _speakers('Senator Ruth Okafor opened the hearing. She said, "Nobody here will '
                         'vote for the plan as it stands."\n\nCity officials said the vote '
                         'would be held on Friday.')
    assert speakers["Nobody here will vot"] == "Ruth Okafor"


def test_the_verb_that_opens_a_quote_comes_first() -> None:
    speakers = _speakers('Asked about the budget, Ruth Okafor said, "We will not go into that '
                         'today." Aides said the talks went on late.')
    assert speakers["We will not go into "] == "Ruth Okafor"


def test_a_colon_opens_a_quote_in_the_next_paragraph() -> None:
    speakers = _speakers('Mayor Ines Taveras spoke on Sunday. Taveras continued:\n\n"The health '
                         'of this city matters more than any election."')
    assert speakers["The health of this c"] == "Ines Taveras"


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We cannot wait for the money,'' said Mayor Ines Taveras. It's late, he's sure."
    assert [text[s.start : s.end] for s in direct_spans(text)] == ["We cannot wait for the money,"]
    assert _speakers(text) == {"We cannot wait for t": "Ines Taveras"}


def test_the_speaker_is_named_beside_the_verb_not_inside_the_quote() -> None:
    speakers = _speakers("“The council is in panic mode. Full panic mode,” said Carla Mendes, a "
                         "spokeswoman for the mayor.\n\n“We expect the river to rise again,” "
                         "Harbor police Chief Dana Whitfield said Monday.")
    assert speakers == {"The council is in pa": "Carla Mendes",
                        "We expect the river ": "Dana Whitfield"}


def test_who_said_names_the_speaker_where_the_relative_pronoun_stands() -> None:
    text = ("The plan was backed by Tomas Reyes, who said that the tax would fall on the rich. "
            "A builder who said he was never paid sued the firm.")
    doc = code("City news\n\n" + text, published="2016-09-20")
    text = doc.document.text
    actors = {a.id: a for a in doc.actors}
    found = {q.text: actors[q.speaker] for q in doc.quotes if q.speaker}
    reyes = found["the tax would fall on the rich"]
    assert reyes.name == "Tomas Reyes"
    assert text.index("who said") in [m.start for m in reyes.mentions]
    builder = found["he was never paid"]
    assert text.index("who said he") in [m.start for m in builder.mentions]


def test_a_signature_may_have_an_initial_and_no_break_spaces() -> None:
    speakers = _speakers("Readers wrote in.\n\n\u201cI will vote for the first time this year."
                         "\u201d\u00a0\u2015\u00a0Maria T Delgado")
    assert speakers == {"I will vote for the ": "Maria T Delgado"}


def _reported(text: str) -> list[tuple[str, str | None]]:
    """The indirect quotes of ``text`` (under a headline) with their speakers' names."""
    doc = code("City news\n\n" + text, published="2016-09-20")
    names = {a.id: a.name for a in doc.actors}
    return [(q.text, names.get(q.speaker) if q.speaker else None)
            for q in doc.quotes if not q.direct]


def test_a_parenthetical_speech_verb_attributes_its_sentence() -> None:
    assert _reported("The new bridge, Mayor Ines Taveras said, will open in May.") == [
        ("The new bridge, Mayor Ines Taveras said, will open in May", "Ines Taveras")]


def test_according_to_names_the_source_of_its_clause() -> None:
    found = _reported("Taveras leads the race by six points, according to a poll by Harlow "
                      "College. According to Senator Ruth Okafor, the vote will be close.")
    assert found[0][0] == "Taveras leads the race by six points"
    assert found[0][1] is not None and "poll" in found[0][1]
    assert found[1] == ("the vote will be close", "Ruth Okafor")


def test_the_source_phrases_and_quote_verbs_load_as_lowercase_words() -> None:
    phrases = load_source_phrases()
    assert ("according", "to") in phrases
    assert all(p and all(w == w.lower() and " " not in w for w in p) for p in phrases)
    assert {"say", "write", "ask"} <= load_quote_verbs()


def test_a_namesake_is_another_person() -> None:
    speakers = _speakers("Police stopped Marcus Dale Whitaker on Tuesday. Nadia Whitaker "
                         "filmed the stop from the car.\n\n\"Please do not hurt him, he has "
                         "nothing,\" she says in the video. Whitaker was released later.")
    assert speakers == {"Please do not hurt h": "Nadia Whitaker"}


def test_a_clause_after_a_closing_dash_is_not_the_parentheticals() -> None:
    speakers = _speakers("Striking teachers circled the stadium - where the Harbor Lions played "
                         "the Rockets - while chanting, \"We want fair pay today.\"")
    assert speakers == {"We want fair pay tod": "unidentified education"}


def test_a_speaker_named_in_apposition_or_by_a_pronoun_phrase() -> None:
    assert _reported("One of the family's lawyers, Ana Ruiz, said the video was clear.") == [
        ("the video was clear", "Ana Ruiz")]
    doc = code("City news\n\nThose close to the mayor say that she will run again.",
               published="2016-09-20")
    (quote,) = doc.quotes
    speaker = next(a for a in doc.actors if a.id == quote.speaker)
    assert next(m.text for m in speaker.mentions).startswith("Those close")


def test_a_study_says_what_it_found() -> None:
    found = dict(_reported("A poll by Harlow College found that most voters back the bridge. "
                           "Its authors agreed that the margin was small."))
    assert "poll" in (found["most voters back the bridge"] or "")
    assert found["the margin was small"] is not None


def test_what_a_speaker_called_something_is_a_quote() -> None:
    speakers = _speakers('Senator Ruth Okafor called the ruling "a huge win for every tenant in '
                         'the city."')
    assert speakers == {"a huge win for every": "Ruth Okafor"}


def test_a_quote_paragraph_right_after_an_attributed_one_goes_on() -> None:
    speakers = _speakers('"Nobody is funding the bridge yet," Ines Taveras said.\n\n'
                         '"We will keep asking the state until it pays."\n\n'
                         '"Why is the state still waiting?" Senator Ruth Okafor demanded.')
    assert speakers == {"Nobody is funding th": "Ines Taveras",
                        "We will keep asking ": "Ines Taveras",
                        "Why is the state sti": "Ruth Okafor"}
