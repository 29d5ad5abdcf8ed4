"""Ingest: cleaning real article furniture, reading every format, refusing bad input clearly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.errors import InputError
from tacitus.ingest import clean_text, from_html, read_path
from tacitus.ingest.clean import parse_date_line, strip_markdown

ARTICLE = """# Envoys agree to resume border talks

By Maria Delgado\x20\x20
12 March 2015

Colombian and Venezuelan envoys agreed on Tuesday to resume talks on the border, officials \
said. The two sides had not met since

the crossing was closed in August.

Bogota offered \\$2 million for a joint customs post, and *El Tiempo* reported that \
[the talks](https://example.org/talks) would start in April.

Share this article

To contact the newsroom and the editors write to:

**[example.org/contact](https://example.org/contact)**
"""


def test_clean_takes_title_byline_date_and_footer() -> None:
    cleaned = clean_text(ARTICLE)
    assert cleaned.title == "Envoys agree to resume border talks"
    assert cleaned.author == "Maria Delgado"
    assert cleaned.published == "2015-03-12"
    assert cleaned.text.startswith("Colombian and Venezuelan envoys")
    assert "contact" not in cleaned.text.lower()
    assert "Share this" not in cleaned.text


def test_clean_joins_page_break_and_strips_markdown() -> None:
    text = clean_text(ARTICLE).text
    assert "had not met since the crossing was closed" in text
    assert "$2 million" in text and "\\$" not in text
    assert "El Tiempo reported that the talks would start" in text
    assert "*" not in text and "](" not in text
    assert text.count("\n\n") == 1  # two paragraphs remain


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("4 January 2012", "2012-01-04"),
        ("January 4, 2012", "2012-01-04"),
        ("Jan. 4, 2012", "2012-01-04"),
        ("Wednesday, 4 January 2012", "2012-01-04"),
        ("Published: 2019-06-03", "2019-06-03"),
        ("June 3, 2019 09:14 GMT", "2019-06-03"),
        ("the fourth of January", None),
        ("31 February 2012", None),
    ],
)
def test_parse_date_line(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


def test_wire_dateline_gives_date_and_is_removed() -> None:
    cleaned = clean_text("LIMA, 20 Aug 88 (EFE) -- Police arrested four students on Friday.")
    assert cleaned.published == "1988-08-20"
    assert cleaned.dateline == "LIMA, 20 Aug 88 (EFE) --"
    assert cleaned.text == "Police arrested four students on Friday."


def test_agency_dateline_without_date() -> None:
    cleaned = clean_text("KABUL (Reuters) - Afghan forces repelled an attack, officials said.")
    assert cleaned.text.startswith("Afghan forces")
    assert cleaned.published is None


def test_capitalised_place_dateline() -> None:
    cleaned = clean_text("KABUL - Washington and Kabul moved toward talks.")
    assert cleaned.dateline == "KABUL -"
    assert cleaned.text == "Washington and Kabul moved toward talks."
    assert clean_text("US - Iran talks resumed.").text == "US - Iran talks resumed."


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("OSLO, Norway -- The minister resigned on Monday.", "OSLO, Norway --"),
        ("EL PASO, Texas (AP) -- Agents detained nine men.", "EL PASO, Texas (AP) --"),
        ("SPRINGFIELD, Ill. (AP) — The governor vetoed the bill.", "SPRINGFIELD, Ill. (AP) —"),
        ("LIMA, June 3 (Wire) -- Police arrested four students.", "LIMA, June 3 (Wire) --"),
        ("Quito, July 9, WNA - The army closed the border.", "Quito, July 9, WNA -"),
        ("Nairobi, Kenya - The court freed the editor.", "Nairobi, Kenya -"),
        ("ROME (Agency) - The mayor met the strikers.", "ROME (Agency) -"),
        ("TUNIS (AP) \" Police dispersed the march.", "TUNIS (AP) \""),
        ("LA PAZ, Bolivia -- The army left the capital.", "LA PAZ, Bolivia --"),
    ],
)
def test_wire_dateline_forms(line: str, dateline: str) -> None:
    cleaned = clean_text(line)
    assert cleaned.dateline == dateline
    assert cleaned.text == line[len(dateline):].strip()


@pytest.mark.parametrize(
    "line",
    [
        "Iran - Iraq talks resumed in Geneva after a year.",
        "US - Iran talks resumed.",
        "Later, the army had freed 40 prisoners -- bringing the total to 90.",
        "Chad-based rebels attacked a convoy on Monday.",
    ],
)
def test_sentences_are_no_datelines(line: str) -> None:
    cleaned = clean_text(line)
    assert cleaned.dateline is None
    assert cleaned.text == line


def test_a_sentence_ending_a_paragraph_is_not_joined() -> None:
    text = clean_text("First paragraph ends here.\n\nsecond starts lowercase oddly.").text
    assert text == "First paragraph ends here.\n\nsecond starts lowercase oddly."


def test_strip_markdown_keeps_words() -> None:
    assert strip_markdown("**[wsws](http://x.org)** and *Newsweek* cost \\$10") == \
        "wsws and Newsweek cost $10"
    assert strip_markdown("2 * 3 * 4 and snake_case_name") == "2 * 3 * 4 and snake_case_name"


def test_html_extraction_with_metadata() -> None:
    html = """<html><head><title>Talks open - Example News</title>
    <meta name="author" content="Ann Lee">
    <meta property="article:published_time" content="2017-06-06T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Talks open</h1>
    <p>Kuwait hosted envoys from Saudi Arabia and Qatar on Monday in an effort to end the
    dispute that has divided the Gulf since early June, diplomats said.</p>
    <p>The emir of Kuwait met both delegations separately and urged them to keep talking,
    according to a statement from his office.</p></article>
    <footer>Copyright 2017 Example News. All rights reserved.</footer></body></html>"""
    doc = from_html(html, where="page.html")
    assert doc.published == "2017-06-06"
    assert doc.author == "Ann Lee"
    assert "Kuwait hosted envoys" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text


def _read(path) -> list:
    return list(read_path(path))


def test_missing_file(tmp_path) -> None:
    (err,) = _read(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err)
    assert str(tmp_path / "nope.txt") in str(err)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty document"),
        (b"   \n\n  ", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (b"Caf\xe9 owners protested in Paris.", "not UTF-8 text: byte 0xe9 at offset 3"),
        (b"<html><body><div></div></body></html>", "no article text"),
    ],
)
def test_bad_files_get_one_line_reasons(tmp_path, content: bytes, reason: str) -> None:
    path = tmp_path / ("doc.html" if content.startswith(b"<html") else "doc.txt")
    path.write_bytes(content)
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert reason in str(err) and "\n" not in str(err)


def test_too_large_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("tacitus.ingest.readers.MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Troops attacked the town. " * 100)
    (err,) = _read(path)
    assert "too large" in str(err)


def test_jsonl_goes_on_past_bad_lines(tmp_path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Iran expelled two British diplomats.",
                    "published": "2011-11-30"}),
        '{"id": "b", "text": "truncated',
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": "Police arrested 20 protesters.", "published": "soon"}),
        json.dumps({"id": "e", "text": "Kenya and Somalia agreed to reopen the border."}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _read(path)
    assert [d.id for d in items if not isinstance(d, InputError)] == ["a", "e"]
    errors = {str(e).split(":")[1]: str(e) for e in items if isinstance(e, InputError)}
    assert set(errors) == {"2", "3", "4", "5"}
    assert "not valid JSON" in errors["2"]
    assert "'text'" in errors["3"]
    assert "JSON object" in errors["4"]
    assert "not a date" in errors["5"]
    assert items[0].published == "2011-11-30"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_clean_never_crashes_and_text_is_trimmed(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text == cleaned.text.strip()
    assert "\r" not in cleaned.text and "\x00" not in cleaned.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_reading_random_bytes_gives_document_or_error(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "doc.txt"
    path.write_bytes(data)
    (item,) = _read(path)
    assert isinstance(item, InputError) or item.text.strip()
