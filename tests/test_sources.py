"""Input expansion and the corpus readers of ``tacitus ingest``: folders, globs, JSONL, feeds,
WARC crawls and gzip, each with its origin, and every bad input as an error with a reason."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tacitus.errors import InputError
from tacitus.ingest import sources
from tacitus.ingest.sources import Article, expand, read_source, read_sources

TEXT = "Iran expelled two British diplomats on Sunday, the foreign ministry said."
OTHER = "Kenya and Somalia agreed on Tuesday to reopen their border crossing at Mandera."


def _items(path: Path) -> tuple[list[Article], list[InputError]]:
    items = list(read_source(path))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, InputError)])


def _page(text: str) -> bytes:
    return (f"<html><head><title>Diplomats</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Diplomats</h1><p>{text}</p><p>{text}</p></article>"
            f"</body></html>").encode()


def _warc(path: Path, *, gzipped: bool) -> list[int]:
    """A small crawl: two article pages, a request, an image, a 404; returns page offsets."""
    offsets = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record(
            "https://example.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        offsets.append(fh.tell())
        response("https://example.org/a", _page(TEXT), "text/html; charset=utf-8")
        response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        response("https://example.org/gone", _page(OTHER), "text/html", "404 Not Found")
        offsets.append(fh.tell())
        response("https://example.org/b", _page(OTHER), "text/html")
    return offsets


def test_expand_walks_folders_sorted_skips_hidden_and_reports_missing(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT)
    (tmp_path / "empty").mkdir()
    found = list(expand([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "none*.txt"),
                         str(tmp_path / "gone.txt"), str(tmp_path / "empty")]))
    paths = [p for p in found if isinstance(p, Path)]
    assert paths == [tmp_path / "a.txt", tmp_path / "b" / "2.txt", tmp_path / "a.txt"]
    reasons = {e.where: e.reason for e in found if isinstance(e, InputError)}
    assert reasons[str(tmp_path / "none*.txt")] == "no file matches this pattern"
    assert reasons[str(tmp_path / "gone.txt")] == "no such file or folder"
    assert reasons[str(tmp_path / "empty")] == "folder holds no files"


def test_jsonl_plain_and_gzipped_keep_line_origins(tmp_path) -> None:
    lines = [json.dumps({"id": "k1", "text": TEXT, "published": "2011-11-27"}), "{broken",
             json.dumps({"id": "k2", "text": OTHER, "published": "someday"}),
             json.dumps({"text": OTHER})]
    plain = tmp_path / "c.jsonl"
    plain.write_text("\n".join(lines) + "\n")
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    for path in (plain, packed):
        good, bad = _items(path)
        assert [(a.origin, a.document.id) for a in good] == [
            (f"{path}:1", "k1"), (f"{path}:4", good[1].document.id)]
        assert good[0].document.published == "2011-11-27"
        assert [e.where for e in bad] == [f"{path}:2", f"{path}:3"]
        assert "not valid JSON" in bad[0].reason and "not a date" in bad[1].reason


def test_an_overlong_jsonl_line_is_refused_and_the_next_line_still_read(tmp_path, monkeypatch
                                                                       ) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 200)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x " * 500}) + "\n" + json.dumps({"text": TEXT}) + "\n")
    good, bad = _items(path)
    assert [a.origin for a in good] == [f"{path}:2"]
    assert bad[0].where == f"{path}:1" and "line too large" in bad[0].reason


def test_gzipped_article_and_bad_gzip(tmp_path, monkeypatch) -> None:
    article = tmp_path / "a.txt.gz"
    article.write_bytes(gzip.compress(f"Diplomats expelled\n\n{TEXT}\n".encode()))
    good, _ = _items(article)
    assert good[0].origin == str(article) and good[0].document.text == TEXT
    assert good[0].document.title == "Diplomats expelled"
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(_page(TEXT)))
    assert TEXT in _items(page)[0][0].document.text
    not_gzip = tmp_path / "b.jsonl.gz"
    not_gzip.write_text(json.dumps({"text": TEXT}))
    truncated = tmp_path / "t.txt.gz"
    truncated.write_bytes(gzip.compress(TEXT.encode() * 50)[:-12])
    for path in (not_gzip, truncated):
        good, bad = _items(path)
        assert not good and bad[0].where == str(path) and "bad gzip data" in bad[0].reason
    monkeypatch.setattr(sources, "MAX_BYTES", 100)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"word " * 1000))
    assert "too large: more than 100 bytes decompressed" in _items(bomb)[1][0].reason


def test_binary_empty_and_too_big_files_are_refused(tmp_path, monkeypatch) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "big.txt").write_text("word " * 100)
    monkeypatch.setattr(sources, "MAX_BYTES", 300)
    reasons = {Path(e.where).name: e.reason for e in read_sources([str(tmp_path)])
               if isinstance(e, InputError)}
    assert reasons == {"big.txt": "too large: 500 bytes (limit 300)",
                       "bin.txt": "binary data, not text",
                       "empty.txt": "empty document: no text to code"}


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org</link>
<item><title>Diplomats expelled</title><link>https://example.org/1</link>
<guid>wire-1</guid><pubDate>Sun, 27 Nov 2011 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{text}&lt;/p&gt;&lt;p&gt;{text}&lt;/p&gt;</description></item>
<item><title>Border</title><link>https://example.org/2</link>
<pubDate>someday soon</pubDate><description>{other}</description></item>
<item><title>No body</title><link>https://example.org/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2015-04-20T00:00:00Z</updated>
<entry><title>Border</title><id>urn:desk:1</id><link href="https://example.org/b"/>
<published>2015-04-20T08:00:00Z</published><updated>2015-04-20T08:00:00Z</updated>
<content type="text">{other}</content></entry></feed>"""


def test_rss_items_become_articles_with_their_metadata(tmp_path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(text=TEXT, other=OTHER))
    good, bad = _items(path)
    assert len(good) == 1
    doc = good[0].document
    assert good[0].origin == f"{path}#1"
    assert (doc.id, doc.title, doc.url, doc.published, doc.source) == (
        "wire-1", "Diplomats expelled", "https://example.org/1", "2011-11-27", "Example Wire")
    assert TEXT in doc.text and "<p>" not in doc.text
    assert [(e.where, e.reason) for e in bad] == [
        (f"{path}#2", "publication date 'someday soon' is not a date (use YYYY-MM-DD)"),
        (f"{path}#3", "feed item has no content or summary")]


def test_atom_entries_and_gzipped_feeds(tmp_path) -> None:
    path = tmp_path / "desk.atom.gz"
    path.write_bytes(gzip.compress(ATOM.format(other=OTHER).encode()))
    good, bad = _items(path)
    assert not bad
    doc = good[0].document
    assert (doc.id, doc.text, doc.published, doc.source, doc.url) == (
        "urn:desk:1", OTHER, "2015-04-20", "Atom Desk", "https://example.org/b")


def test_feed_without_items_and_a_file_that_is_no_feed(tmp_path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
                     "</channel></rss>")
    junk = tmp_path / "junk.xml"
    junk.write_text("this is <not a feed")
    assert _items(empty)[1][0].reason == "feed has no items"
    assert _items(junk)[1][0].reason.startswith("not an RSS or Atom feed")


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_become_articles(tmp_path, gzipped) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    offsets = _warc(path, gzipped=gzipped)
    good, bad = _items(path)
    assert not bad
    assert [a.origin for a in good] == [f"{path}#{offsets[0]}", f"{path}#{offsets[1]}"]
    assert [a.document.url for a in good] == ["https://example.org/a", "https://example.org/b"]
    assert TEXT in good[0].document.text and "Home | World" not in good[0].document.text


def test_broken_warcs_are_refused(tmp_path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_text("this is not a WARC file\nat all\n")
    whole = tmp_path / "whole.warc"
    _warc(whole, gzipped=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-60])
    assert _items(junk)[1][0].reason.startswith(("not a WARC file", "broken WARC"))
    good, bad = _items(cut)
    assert len(good) == 1 and "payload digest does not match" in bad[0].reason
    assert bad[0].where.startswith(f"{cut}#")
