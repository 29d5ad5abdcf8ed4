"""WARC crawls (plain or gzipped): the HTML responses, each extracted like a web page.

warcio parses the records; what it reads is bounded here, because a crawl is a file from
strangers and warcio trusts it. Measured on 300 MB of decompressed data: header lines of a
record read by ``readline()`` without a limit (one endless header line held 600 MB; 300 MB of
short header lines, 7.3 GB and two minutes), and a chunked response read one chunk at a time,
whole (``read(chunk_size)``, up to 2 GB). So:

- every ``readline`` returns at most ``MAX_LINE`` bytes, and a record may not have more than
  ``MAX_HEADER_BYTES`` of header lines or ``MAX_HEADER_LINES`` lines (``_BoundedReader``);
- a payload is read by ``payload``, which de-chunks and decompresses it in small steps and
  stops after ``MAX_BYTES``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from tacitus.errors import InputError
from tacitus.ingest.readers import MAX_BYTES, from_html, path_name

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

    from tacitus.ingest.sources import Item

MAX_LINE = 64 * 1024
MAX_HEADER_BYTES = 1024 * 1024
MAX_HEADER_LINES = 10_000
_STEP = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _BoundedReader(DecompressingBufferedReader):
    """warcio's reader with a cap on each line and on the header lines of one record (the
    count starts again when a record's content is read or the next record begins)."""

    def __init__(self, *args: Any, where: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.where = where
        self.header_bytes = 0
        self.header_lines = 0

    def readline(self, length: int | None = None) -> bytes:
        limit = MAX_LINE if length is None or length < 0 else min(length, MAX_LINE)
        line = super().readline(limit)
        self.header_bytes += len(line)
        self.header_lines += 1
        if self.header_bytes > MAX_HEADER_BYTES or self.header_lines > MAX_HEADER_LINES:
            raise InputError(self.where, f"broken WARC: a record's headers run past "
                                         f"{MAX_HEADER_BYTES:,} bytes or "
                                         f"{MAX_HEADER_LINES:,} lines")
        return line

    def read(self, length: int | None = None) -> bytes:
        self.restart()
        return super().read(length)

    def restart(self) -> None:
        self.header_bytes = self.header_lines = 0


class BoundedArchiveIterator(ArchiveIterator):
    """``ArchiveIterator`` reading through ``_BoundedReader``."""

    def __init__(self, fileobj: IO[bytes], where: str, **kwargs: Any) -> None:
        super().__init__(fileobj, **kwargs)
        # nothing is read before the first record is asked for, so the reader can be swapped
        self.reader = _BoundedReader(self.fh, block_size=16384, where=where)

    def read_to_end(self, record: ArcWarcRecord | None = None) -> None:
        self.reader.restart()
        super().read_to_end(record)


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses of a WARC crawl (plain or gzipped), each extracted like an HTML page,
    with ``path#offset`` (the record's byte offset) as origin and the target URI as URL.

    Other records (requests, metadata, images, redirects) are not articles and pass silently.
    A record whose payload digest does not match is truncated or corrupt and is refused.
    """
    from warcio.exceptions import ArchiveLoadFailed

    where = path_name(path)
    with path.open("rb") as fh:
        records = BoundedArchiveIterator(fh, where, check_digests=True)
        try:
            for record in records:
                if not record.format.startswith("warc"):
                    raise InputError(where, "not a WARC file (no WARC/1.x record header)")
                item = _record(record, records, where)
                if item is not None:
                    yield item
        except ArchiveLoadFailed as exc:
            raise InputError(where, f"broken WARC: {str(exc).strip()[:200]}") from None


def _record(record: ArcWarcRecord, records: ArchiveIterator, where: str) -> Item | None:
    from tacitus.ingest.sources import Article

    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
        return None
    try:
        data = payload(record)
    except zlib.error as exc:
        data = f"corrupt compressed content: {exc}"
    # the offset is known once the record is read (warcio reads ahead to find it)
    here = f"{where}#{records.get_record_offset()}"
    if data is None:
        return InputError(here, f"too large: more than {MAX_BYTES:,} bytes")
    if isinstance(data, str):
        return InputError(here, data)
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


def payload(record: ArcWarcRecord) -> bytes | str | None:
    """The HTTP body of ``record``, de-chunked and decompressed, or None when it is larger
    than ``MAX_BYTES``, or the reason it cannot be read. The raw record is read to its end,
    so that warcio can check its digest."""
    headers = record.http_headers
    encoding = (headers.get_header("Content-Encoding") or "identity").strip().lower()
    chunked = (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked"
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        return f"content encoding {encoding!r} is not supported (gzip and deflate are)"
    raw = record.raw_stream
    pieces = _dechunk(raw) if chunked else iter(lambda: raw.read(_STEP), b"")
    out = bytearray()
    inflate = None if encoding == "identity" else _Inflater(encoding)
    for piece in pieces:
        out += inflate.feed(piece, MAX_BYTES + 1 - len(out)) if inflate else piece
        if len(out) > MAX_BYTES:
            return None
    while raw.read(_STEP):
        pass
    return bytes(out)


class _Inflater:
    """gzip or deflate, never giving more than asked for at a time."""

    def __init__(self, encoding: str) -> None:
        self.zlib = zlib.decompressobj(31 if "gzip" in encoding else zlib.MAX_WBITS)
        self.first = encoding == "deflate"

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self.zlib.decompress(data, max(room, 1))
        except zlib.error:
            if not self.first:
                raise
            # servers send "deflate" both with and without the zlib header
            self.zlib, self.first = zlib.decompressobj(-zlib.MAX_WBITS), False
            out = self.zlib.decompress(data, max(room, 1))
        self.first = False
        return out


def _dechunk(raw: IO[bytes]) -> Iterator[bytes]:
    """The data of an HTTP chunked body, a piece of at most ``_STEP`` bytes at a time. A body
    that is not really chunked (servers lie) is passed on as it is."""
    while True:
        line = raw.readline(64)
        try:
            size = int(line.split(b";")[0].strip(), 16)
        except ValueError:
            yield line
            yield from iter(lambda: raw.read(_STEP), b"")
            return
        if size == 0:
            return
        while size > 0:
            piece = raw.read(min(size, _STEP))
            if not piece:
                return
            size -= len(piece)
            yield piece
        raw.readline(64)  # the CRLF after the chunk


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
