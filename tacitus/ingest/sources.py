"""Turn what ``tacitus ingest`` is given into a stream of articles, each with its origin.

Inputs are files, folders (read recursively) and glob patterns. Each file is read by its
name: JSONL corpora, RSS/Atom feeds, WARC crawls, single articles (text, Markdown, HTML), and
a ``.gz`` of any of them. Everything streams: a corpus of millions of lines or a crawl of
gigabytes is never held in memory, only the article being read.

Like the readers, a source yields ``InputError`` objects for what it cannot read instead of
raising, so that one bad file, line, feed item or WARC record is recorded and the rest goes
on. Every article keeps its ``origin`` (``path``, ``path:line``, ``path#item``,
``path#offset``) so that an error or a stored document can be traced to its bytes.

Ids: an article keeps the id its source gives (a JSONL ``id``, a feed item's guid). A file or
a WARC record has no id of its own (many sites call every page ``index.html``, and a crawl
captures the same article under many record ids), so it gets the content id of its text.
"""

from __future__ import annotations

import glob
import gzip
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tacitus.errors import InputError
from tacitus.ingest.readers import (
    _HTML_SNIFF,
    MAX_BYTES,
    decode,
    from_html,
    from_text,
    normalise_date,
    read_jsonl,
)
from tacitus.model import Document

if TYPE_CHECKING:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

JSONL = (".jsonl", ".ndjson")
FEEDS = (".rss", ".atom", ".xml")
WARCS = (".warc",)
HTML = (".html", ".htm")
_GLOB = frozenset("*?[")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Article:
    """A cleaned document and where it was read from (the ``documents.origin`` column)."""

    origin: str
    document: Document


Item = Article | InputError


def expand(inputs: Iterable[str]) -> Iterator[Path | InputError]:
    """Every file the inputs name, in a stable order: a folder's files sorted by path (hidden
    files and folders left out), a pattern's matches sorted, the rest as given."""
    for given in inputs:
        path = Path(given)
        if path.exists():
            yield from _files(path, given)
        elif _GLOB & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield InputError(given, "no file matches this pattern")
            for match in matches:
                yield from _files(Path(match), match)
        else:
            yield InputError(given, "no such file or folder")


def _files(path: Path, given: str) -> Iterator[Path | InputError]:
    if not path.is_dir():
        yield path
        return
    found = sorted(p for p in path.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if not found:
        yield InputError(given, "folder holds no files")
    yield from found


def read_sources(inputs: Iterable[str], published: str | None = None) -> Iterator[Item]:
    """Every article (or error) of every input, in input order."""
    for entry in expand(inputs):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from read_source(entry, published)


def read_source(path: Path, published: str | None = None) -> Iterator[Item]:
    """Read one file by its name (``.gz`` is decompressed on the fly); ``published`` is the
    date of articles that carry none."""
    where = str(path)
    name = path.name.lower()
    compressed = name.endswith(".gz")
    inner = name.removesuffix(".gz")
    try:
        if inner.endswith(WARCS):
            yield from read_warc(path)  # warcio reads plain and gzipped WARC alike
        elif inner.endswith(JSONL):
            with _open(path, compressed) as fh:
                yield from _jsonl(fh, where, published)
        elif inner.endswith(FEEDS):
            yield from read_feed(_read_all(path, compressed), where, published)
        else:
            yield _article(_read_all(path, compressed), where, published, inner.endswith(HTML))
    except InputError as exc:
        yield exc
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(where, f"bad gzip data: {exc}")
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")


def _open(path: Path, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _read_all(path: Path, compressed: bool) -> bytes:
    """The whole file, refusing more than ``MAX_BYTES`` (after decompression: a small .gz
    can hold gigabytes)."""
    if not compressed:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"too large: {size:,} bytes (limit {MAX_BYTES:,})")
        return path.read_bytes()
    with gzip.open(path, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(str(path), f"too large: more than {MAX_BYTES:,} bytes decompressed")
    return data


def _article(data: bytes, where: str, published: str | None, html: bool) -> Article:
    text = decode(data, where)
    if html or _HTML_SNIFF.match(data[:200]):
        return Article(where, from_html(text, where=where, published=published))
    return Article(where, from_text(text, published=published, where=where))


def _lines(fh: IO[bytes]) -> Iterator[bytes]:
    """Lines of at most ``MAX_BYTES + 1`` bytes: an overlong line yields its head (which the
    caller refuses) and the rest is skipped, so one runaway line never fills memory."""
    while line := fh.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(MAX_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def _jsonl(fh: IO[bytes], where: str, published: str | None) -> Iterator[Item]:
    """One article per line, through the JSONL reader, with ``path:line`` as the origin."""
    for number, raw in enumerate(_lines(fh), start=1):
        here = f"{where}:{number}"
        if len(raw) > MAX_BYTES:
            yield InputError(here, f"line too large: more than {MAX_BYTES:,} bytes")
            continue
        for item in read_jsonl(iter((raw,)), where, published):
            yield InputError(here, item.reason) if isinstance(item, InputError) \
                else Article(here, item)


def read_feed(data: bytes, where: str, published: str | None = None) -> Iterator[Item]:
    """RSS or Atom: one article per item (its content, else its summary), with the item's
    title, link, guid, author and date and the feed's title as the source."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            raise InputError(where, f"not an RSS or Atom feed ({feed.get('bozo_exception')})")
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
    if parsed:
        date = time.strftime("%Y-%m-%d", parsed)
    else:  # a date feedparser could not read: refuse it like any bad date
        date = normalise_date(dict.get(entry, "published") or dict.get(entry, "updated"), where)
    meta = {"id": entry.get("id") or None, "title": entry.get("title") or None,
            "url": entry.get("link") or None, "author": entry.get("author") or None,
            "source": source, "published": date or published}
    if "html" in (detail or {}).get("type", "text/html") and "<" in body:
        return from_html(body, where=where, **meta)
    return from_text(body, where=where, **meta)


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses of a WARC crawl (plain or gzipped), each extracted like an HTML page,
    with ``path#offset`` (the record's byte offset) as origin and the target URI as URL.

    Other records (requests, metadata, images, redirects) are not articles and pass silently.
    A record whose payload digest does not match is truncated or corrupt and is refused.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    with path.open("rb") as fh:
        records = ArchiveIterator(fh, check_digests=True)
        try:
            for record in records:
                if not record.format.startswith("warc"):
                    raise InputError(where, "not a WARC file (no WARC/1.x record header)")
                item = _warc_record(record, records, where)
                if item is not None:
                    yield item
        except ArchiveLoadFailed as exc:
            raise InputError(where, f"broken WARC: {str(exc).strip()}") from None


def _warc_record(record: ArcWarcRecord, records: ArchiveIterator, where: str) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
        return None
    data = record.content_stream().read(MAX_BYTES + 1)
    # the offset is known once the record is read (warcio reads ahead to find it)
    here = f"{where}#{records.get_record_offset()}"
    if len(data) > MAX_BYTES:
        return InputError(here, f"too large: more than {MAX_BYTES:,} bytes")
    if record.rec_headers.get_header("WARC-Payload-Digest") and \
            record.digest_checker.passed is not True:
        return InputError(here, "truncated or corrupt record: its payload digest does not match")
    if not data.strip():
        return InputError(here, "empty response: no text to code")
    try:
        html = _decode_html(data, ctype)
        url = record.rec_headers.get_header("WARC-Target-URI")
        return Article(here, from_html(html, where=here, url=url))
    except InputError as exc:
        return exc


def _decode_html(data: bytes, content_type: str) -> str:
    """The declared charset when there is one, else trafilatura's guess (old pages are often
    cp1252 or latin-1 without saying so)."""
    _, _, charset = content_type.partition("charset=")
    charset = charset.split(";")[0].strip().strip("\"'")
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    return decode_file(data)
