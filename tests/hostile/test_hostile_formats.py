"""Data that used to be accepted but lost, or refused for the wrong reason: XML that is not
a feed, PETRARCH sentence files, short HTML, XHTML with an encoding declaration, UTF-16,
page numbers past what the database can count, and a reader that blocks a writer."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.errors import InputError, StoreError
from tacitus.ingest import from_html, read_path
from tacitus.ingest.sources import Article, read_source
from tacitus.store.db import connect

PETRARCH = """<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<Sentence date="20150806" id="AFP0806-1" source="AFP" sentence="True">
<Text>
    Egypt recalled its ambassador from Qatar on Monday,
    state media said.
</Text>
<Parse>(ROOT (S (NP (NNP Egypt)) (VP (VBD recalled))))</Parse>
</Sentence>
<Sentence date="20150807" id="AFP0807-2" source="AFP" sentence="True">
<Text>Kenya and Somalia agreed to reopen their border crossing.</Text>
</Sentence>
<Sentence date="2015-13-45" id="AFP0807-3" source="AFP"><Text>Chad closed its border.</Text>
</Sentence>
<Sentence date="20150808" id="AFP0808-4" source="AFP"><Parse>(ROOT)</Parse></Sentence>
</Sentences>
"""


def _items(path: Path) -> tuple[list[Article], list[InputError]]:
    found = list(read_source(path))
    return ([i for i in found if isinstance(i, Article)],
            [i for i in found if isinstance(i, InputError)])


@pytest.mark.parametrize("gzipped", [False, True])
def test_petrarch_sentences_are_read_one_document_each(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("petr.xml.gz" if gzipped else "petr.xml")
    path.write_bytes(gzip.compress(PETRARCH.encode()) if gzipped else PETRARCH.encode())
    good, bad = _items(path)
    assert [(a.origin, a.document.id, a.document.published, a.document.source)
            for a in good] == [(f"{path}#1", "AFP0806-1", "2015-08-06", "AFP"),
                               (f"{path}#2", "AFP0807-2", "2015-08-07", "AFP")]
    assert good[0].document.text == ("Egypt recalled its ambassador from Qatar on Monday, "
                                     "state media said.")
    assert [(e.where, e.reason) for e in bad] == [
        (f"{path}#3", "publication date '2015-13-45' is not a date (use YYYY-MM-DD)"),
        (f"{path}#4", "<Sentence> without <Text>")]


def test_a_petrarch_file_broken_midway_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(PETRARCH[:PETRARCH.index("<Sentence date=\"2015-13-45\"")] + "<Sent")
    good, bad = _items(path)
    assert len(good) == 2
    assert bad[-1].where == str(path) and bad[-1].reason.startswith("broken XML after "
                                                                    "sentence 2")


def test_xml_that_is_no_feed_says_what_was_expected(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.xml"
    catalog.write_text('<?xml version="1.0"?><catalog><book id="1">Dune</book></catalog>')
    assert _items(catalog)[1][0].reason == (
        "not an RSS or Atom feed, nor PETRARCH XML: the root element is <catalog>; expected "
        "<rss>, <feed> or <rdf:RDF> (an RSS or Atom feed) or <Sentences> (PETRARCH)")
    laughs = tmp_path / "laughs.xml"  # entities are never expanded
    laughs.write_text('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                      + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i else "&lol;"}">'
                                for i in range(1, 10))
                      + ']><lolz>&lol9;</lolz>')
    assert "the root element is <lolz>" in _items(laughs)[1][0].reason
    page = tmp_path / "page.xml"
    page.write_text('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/'
                    'xhtml"><body><p>Iran praised Iraq for the agreement.</p></body></html>')
    assert _items(page)[0][0].document.text == "Iran praised Iraq for the agreement."


@pytest.mark.parametrize("html", [
    "<p>Iran praised Iraq.</p>",                                      # a short feed item
    "<div>Iran praised Iraq. Iraq thanked Iran.</div>",
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
    "<ul><li>Iran praised Iraq.</li></ul></body></html>",             # XHTML, a list only
    '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>Iran praised Iraq.</p>'
    "</body></html>",
    "<p>Iran praised\x01 Iraq.\x0b</p>",  # control characters lxml refuses (a feed's &#1;)
])
def test_short_html_and_xhtml_keep_their_text(html: str) -> None:
    """trafilatura finds no article in these; the plain text of the markup is used."""
    assert "Iran praised Iraq." in " ".join(from_html(html, where="x.html").text.split())


def test_short_html_feed_items_are_stored(tmp_path: Path) -> None:
    feed = tmp_path / "short.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                    "<item><title>a</title><description>&lt;p&gt;Iran praised Iraq.&lt;/p&gt;"
                    "</description></item></channel></rss>")
    good, bad = _items(feed)
    assert not bad and good[0].document.text == "Iran praised Iraq."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    data = "Iran praised Iraq for the agreement.".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    [document] = list(read_path(path))
    assert document.text == "Iran praised Iraq for the agreement."


def test_utf16_without_a_mark_says_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Iran praised Iraq for the agreement.".encode("utf-16-le"))
    [error] = list(read_path(path))
    assert error.reason.startswith("UTF-16 text without a byte-order mark: convert it to UTF-8")


def test_a_limit_past_bigint_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    connect(db).close()
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--limit",
                                      "9223372036854775808"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad limit 9223372036854775808" in lines[0]


def test_a_reader_that_blocks_a_writer_is_named(tmp_path: Path) -> None:
    """A read-only ``serve`` holds the file: the writer is told it is a reader, not
    "another writer", and which process it is."""
    db = tmp_path / "e.duckdb"
    connect(db).close()
    reader = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb; c = duckdb.connect(sys.argv[1], "
         "read_only=True); print('open', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            connect(db)
    finally:
        reader.communicate("", timeout=30)
    message = str(caught.value)
    assert "database is open for reading in another process" in message
    assert f"PID {reader.pid}" in message and "another writer" not in message


def test_code_reads_petrarch_files_as_ingest_does(tmp_path: Path) -> None:
    path = tmp_path / "petr.xml"
    path.write_text(PETRARCH)
    result = CliRunner().invoke(app, ["code", str(path)])
    assert result.exit_code == 0, result.output
    coded = json.loads(result.stdout)
    assert [d["document"]["id"] for d in coded] == ["AFP0806-1", "AFP0807-2"]
    assert coded[0]["events"] and "<Sentence> without <Text>" in result.stderr
