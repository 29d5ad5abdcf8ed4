"""XML inputs, told apart by their root element: RSS and Atom feeds, PETRARCH sentence files
and XHTML pages. A ``.xml`` file that is none of them is refused with what was expected,
never read as an empty feed.

PETRARCH (and UniversalPetrarch) read event-data input as

    <Sentences>
      <Sentence date="20150806" id="AFP0806-3" source="AFP" sentence="True">
        <Text>Egypt recalled its ambassador from Qatar on Monday.</Text>
        <Parse>...</Parse>
      </Sentence>
    </Sentences>

Each ``<Sentence>`` becomes one document that keeps its id (so results can be matched with
PETRARCH's, sentence by sentence), its date (YYYYMMDD) and its source; the parse is not used.
The file is streamed, each sentence dropped once read, so a corpus of any size reads in
constant memory; one sentence may not exceed ``MAX_BYTES``.

Every XML parser here runs without entity expansion, DTD loading or network access, and
feeds have numeric character references to code points no text may hold (lone surrogates,
NUL, beyond U+10FFFF) replaced before feedparser sees them: one ``&#xD800;`` in an item used
to stop the whole run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from lxml import etree

from tacitus.errors import InputError
from tacitus.ingest import readers
from tacitus.ingest.readers import from_html, from_text, normalise_date
from tacitus.model import Document

if TYPE_CHECKING:
    from tacitus.ingest.sources import Item

FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})
PETRARCH_ROOT = "Sentences"
HTML_ROOT = "html"
SNIFF_BYTES = 64 * 1024
EXPECTED = ("expected <rss>, <feed> or <rdf:RDF> (an RSS or Atom feed) or <Sentences> "
            "(PETRARCH)")

_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_PETRARCH_DATE = re.compile(r"^\d{8}$")
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def root_element(head: bytes) -> str | None:
    """The local name of the root element of the XML document that starts with ``head``,
    or None when ``head`` is not the start of well-formed XML."""
    parser = etree.XMLPullParser(events=("start",), **_SAFE)
    try:
        parser.feed(head)
        for _, element in parser.read_events():
            return etree.QName(element).localname
    except etree.XMLSyntaxError:
        return None
    return None


def _safe_reference(m: re.Match[bytes]) -> bytes:
    digits = m.group(1) or m.group(2)
    if len(digits) > 8:
        return b"&#xFFFD;"
    value = int(digits, 16 if m.group(1) else 10)
    if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return b"&#xFFFD;"
    return m.group(0)


def read_feed(data: bytes, where: str, published: str | None = None) -> Iterator[Item]:
    """RSS or Atom: one article per item (its content, else its summary), with the item's
    title, link, guid, author and date and the feed's title as the source."""
    import feedparser

    from tacitus.ingest.sources import Article

    try:
        feed = feedparser.parse(_CHAR_REF.sub(_safe_reference, data))
    except Exception as exc:  # feedparser's lenient parser, on markup made to break it
        raise InputError(where, f"not a readable feed ({type(exc).__name__})") from None
    if not feed.entries:
        if feed.get("bozo") and not feed.get("version"):
            raise InputError(where, f"not an RSS or Atom feed ({feed.get('bozo_exception')})")
        if not feed.get("version"):
            raise InputError(where, f"not an RSS or Atom feed: {EXPECTED}")
        raise InputError(where, "feed has no items")
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        here = f"{where}#{number}"
        try:
            yield Article(here, _entry(entry, here, source, published))
        except InputError as exc:
            yield exc


def _entry(entry: dict, where: str, source: str | None, published: str | None) -> Document:
    content = entry.get("content") or []
    detail = content[0] if content else entry.get("summary_detail")
    body = detail.get("value") if detail else entry.get("summary")
    if not body or not body.strip():
        raise InputError(where, "feed item has no content or summary")
    # dict.get: feedparser's own get() maps a missing "updated" to "published", with a warning
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    date = None
    if parsed:
        try:
            date = time.strftime("%Y-%m-%d", parsed)
        except (ValueError, OverflowError, TypeError):
            date = None
    if date is None:  # a date feedparser could not read: refuse it like any bad date
        date = normalise_date(dict.get(entry, "published") or dict.get(entry, "updated"), where)
    meta = {"id": entry.get("id") or None, "title": entry.get("title") or None,
            "url": entry.get("link") or None, "author": entry.get("author") or None,
            "source": source, "published": date or published}
    if "html" in (detail or {}).get("type", "text/html") and "<" in body:
        return from_html(body, where=where, **meta)
    return from_text(body, where=where, **meta)


class _Bounded:
    """A binary file that refuses to give more than ``MAX_BYTES`` since the last
    ``restart()`` (the start of the current sentence)."""

    def __init__(self, fh: IO[bytes], where: str) -> None:
        self.fh = fh
        self.where = where
        self.since = 0

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size if size and size > 0 else 65536)
        self.since += len(data)
        if self.since > readers.MAX_BYTES + 2 * 65536:
            raise InputError(self.where, f"a <Sentence> larger than {readers.MAX_BYTES:,} bytes")
        return data

    def restart(self) -> None:
        self.since = 0


def read_petrarch(open_file: Callable[[], IO[bytes]], where: str,
                  published: str | None = None) -> Iterator[Item]:
    """Every ``<Sentence>`` of a PETRARCH file, origin ``path#N`` (see the module docstring)."""
    from tacitus.ingest.sources import Article

    number = 0
    with open_file() as fh:
        stream = _Bounded(fh, where)
        try:
            for _, element in etree.iterparse(stream, events=("end",), tag="Sentence", **_SAFE):
                number += 1
                here = f"{where}#{number}"
                try:
                    yield Article(here, _sentence(element, here, published))
                except InputError as exc:
                    yield exc
                _forget(element)
                stream.restart()
        except etree.XMLSyntaxError as exc:
            after = f" after sentence {number}" if number else ""
            raise InputError(where, f"broken XML{after}: {str(exc).splitlines()[0][:160]}"
                             ) from None
    if not number:
        raise InputError(where, "PETRARCH file without a <Sentence>")


def _forget(element: Any) -> None:
    """Drop a read sentence and the ones before it, so memory does not grow with the file."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _sentence(element: Any, where: str, published: str | None) -> Document:
    text = " ".join((element.findtext("Text") or "").split())
    if not text:
        raise InputError(where, "<Sentence> without <Text>")
    date = (element.get("date") or "").strip()
    if _PETRARCH_DATE.match(date):
        date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return from_text(text, id=element.get("id") or None, source=element.get("source") or None,
                     published=date or published, where=where)
