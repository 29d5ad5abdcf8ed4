"""Read articles from files: plain text, Markdown, HTML and JSONL corpora.

A reader yields ``Document`` objects, or ``InputError`` objects for what it could not read,
so that a corpus goes on past a bad line and the caller decides what a failure means (one
file: exit non-zero; a corpus: report and continue).

Everything a reader is given may be hostile, and each kind of harm has one guard here: at
most ``MAX_BYTES`` are read from any file, line or stream (standard input included, and
never trusting the size a file claims: ``/dev/zero`` claims none); only regular files are
opened (a FIFO would wait for ever); JSON that nests too deep or holds numbers Python will
not convert is refused with a reason; lone surrogates, which no UTF-8 writer accepts, become
U+FFFD in every field of a ``Document``; markup is tamed before any parser sees it
(``tacitus.ingest.markup``), and HTML extraction has the per-document time limit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tacitus.errors import InputError
from tacitus.ingest.clean import clean_text, parse_date_line
from tacitus.model import Document

MAX_BYTES = 10_000_000
"""Largest single article file (or JSONL line) accepted; real articles are far smaller."""

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
_HTML_SNIFF_TEXT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html|<head|<body|"
                              r"<article|<div|<p[ >])", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META = ("id", "title", "author", "source", "url")


def content_id(text: str) -> str:
    """A stable id from the text itself, so the same article always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def scrub(text: str) -> str:
    """``text`` with every lone surrogate (a JSON ``"\\ud800"``, an XML ``&#xD800;``, a file
    name that is not UTF-8) replaced by U+FFFD: no UTF-8 writer accepts one, so a single one
    would stop the output or the database write."""
    return _SURROGATE.sub("\ufffd", text)


def looks_like_html(text: str) -> bool:
    """Whether a decoded text starts like a web page (or an XHTML one)."""
    return bool(_HTML_SNIFF_TEXT.match(text[:400]))


def make_document(**fields: str | None) -> Document:
    """A ``Document`` whose text fields hold no lone surrogates (see ``scrub``)."""
    return Document(**{k: scrub(v) if isinstance(v, str) else v for k, v in fields.items()})


def normalise_date(value: object, where: str) -> str | None:
    """Accept ``YYYY-MM-DD`` (or an ISO timestamp, or a written date); reject anything else."""
    if value in (None, ""):
        return None
    if not isinstance(value, str | int | float):
        raise InputError(where, f"publication date is a {type(value).__name__}, not a date "
                                "(use YYYY-MM-DD)")
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    iso = m.group(1) if m else parse_date_line(text)
    if iso is None or parse_date_line(iso) is None:
        raise InputError(where, f"publication date {text[:80]!r} is not a date (use YYYY-MM-DD)")
    return iso


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: every other byte of ASCII text is zero."""
    pairs = len(head) // 2
    if pairs < 4:
        return False
    even = sum(b == 0 for b in head[0:2 * pairs:2])
    odd = sum(b == 0 for b in head[1:2 * pairs:2])
    return max(even, odd) > 0.6 * pairs and min(even, odd) < 0.1 * pairs


def decode(data: bytes, where: str) -> str:
    """Decode article bytes: UTF-8, or UTF-16/UTF-32 with a byte-order mark; refuse binary
    data and UTF-16 without a mark (it cannot be told from binary safely) with a reason."""
    if not data.strip():
        raise InputError(where, "empty document: no text to code")
    if len(data) > MAX_BYTES:
        raise InputError(where, f"too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not valid {codec.upper()} text: bad bytes at offset "
                                        f"{exc.start}") from None
    head = data[:8192]
    if _utf16_without_bom(head):
        raise InputError(where, "UTF-16 text without a byte-order mark: convert it to UTF-8 "
                                "(iconv -f UTF-16LE -t UTF-8)")
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10:
        raise InputError(where, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None


def read_limited(fh: IO[bytes], where: str) -> bytes:
    """All of ``fh``, refusing more than ``MAX_BYTES`` (whatever size the file claims)."""
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(where, f"too large: more than {MAX_BYTES:,} bytes (limit "
                                f"{MAX_BYTES:,})")
    return data


def check_regular(path: Path, where: str) -> None:
    """Refuse what is not a regular file: a FIFO or a socket waits for a writer for ever and
    a device (``/dev/zero``) never ends. Standard input is read with ``-`` instead."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    if stat.S_ISDIR(mode):
        raise InputError(where, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or \
            stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file"
        raise InputError(where, f"not a regular file ({kind}); to read a stream, pipe it to "
                                "standard input (-)")


def path_name(path: str | Path) -> str:
    """A path as text that can always be stored: bytes that are not UTF-8 are written as
    ``\\xff`` escapes instead of becoming lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    author: str | None = None,
    source: str | None = None,
    url: str | None = None,
    where: str = "<text>",
) -> Document:
    """Clean a plain-text or Markdown article; given metadata wins over what the head says."""
    cleaned = clean_text(scrub(text))
    if not cleaned.text.strip():
        raise InputError(where, "no article text left after cleaning")
    return make_document(
        id=id or content_id(cleaned.text),
        title=title or cleaned.title,
        published=normalise_date(published, where) or cleaned.published,
        author=author or cleaned.author,
        source=source,
        url=url,
        text=cleaned.text,
        dateline=cleaned.dateline,
    )


def from_html(html: str | bytes, *, where: str = "<html>", **meta: str | None) -> Document:
    """Extract the main text and metadata of a web page with trafilatura; when it finds no
    article (a short feed item, a bare fragment), take the plain text of the markup."""
    import trafilatura

    from tacitus.ingest.markup import plain_text, tame
    from tacitus.limits import time_budget, time_limit

    if isinstance(html, bytes):
        from trafilatura.utils import decode_file

        html = decode_file(html)
    html = tame(scrub(html))
    with time_limit(time_budget(), "reading the HTML"):
        extracted = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
        body = getattr(extracted, "text", None) if extracted is not None else None
        if not body or not body.strip():
            body = plain_text(html)
    if not body or not body.strip():
        raise InputError(where, "no article text found in the HTML")
    cleaned = clean_text(body, head=False)
    if not cleaned.text.strip():
        raise InputError(where, "no article text left after cleaning")
    page_date = getattr(extracted, "date", None)
    return make_document(
        id=meta.get("id") or content_id(cleaned.text),
        title=meta.get("title") or getattr(extracted, "title", None),
        published=normalise_date(meta.get("published"), where)
        or normalise_date(page_date, where),
        author=meta.get("author") or getattr(extracted, "author", None),
        source=meta.get("source") or getattr(extracted, "sitename", None),
        url=meta.get("url") or getattr(extracted, "url", None),
        text=cleaned.text,
    )


def _number(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert (over 4,300 digits) is kept as its
    digits, so that a stray field does not cost the record."""
    return int(digits) if len(digits) <= 4_000 else digits


def parse_json_line(raw: bytes | str, where: str) -> dict:
    """One JSONL record, or ``InputError`` saying why it is not one."""
    try:
        record = json.loads(raw, parse_int=_number)
    except RecursionError:
        raise InputError(where, "not valid JSON: nested too deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(where, f"not valid JSON ({exc.__class__.__name__}: "
                                f"{str(exc).splitlines()[0][:80]})") from None
    except ValueError as exc:  # e.g. a float Python will not convert
        raise InputError(where, f"not valid JSON ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object per line")
    return record


def _meta_field(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str | int | float):
        return str(value)
    raise InputError(where, f"field {key!r} is a {type(value).__name__}; expected text")


def read_jsonl(lines: Iterator[bytes], where: str, published: str | None = None
               ) -> Iterator[Document | InputError]:
    """One article per line: ``{"id","text","title"?,"published"?,"url"?,"source"?}``."""
    for number, raw in enumerate(lines, start=1):
        here = f"{where}:{number}"
        if not raw.strip():
            continue
        try:
            if len(raw) > MAX_BYTES:
                raise InputError(here, f"line too large: {len(raw):,} bytes")
            record = parse_json_line(raw, here)
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(here, "missing or empty 'text' field")
            meta = {k: _meta_field(record, k, here) for k in _META}
            doc_published = _meta_field(record, "published", here) or published
            if looks_like_html(text):
                yield from_html(text, where=here, published=doc_published, **meta)
            else:
                yield from_text(text, published=doc_published, where=here, **meta)
        except InputError as exc:
            yield exc


_SOURCES = (".xml", ".rss", ".atom", ".warc", ".gz")
"""Kinds ``read_path`` leaves to the corpus readers (``tacitus.ingest.sources``): feeds,
PETRARCH files, WARC crawls and anything gzipped, read as ``tacitus ingest`` reads them."""


def read_path(path: str | Path, published: str | None = None
              ) -> Iterator[Document | InputError]:
    """Read one file ("-" is standard input) by its extension, sniffing HTML in text files.
    A single article's id is its file name; feeds, PETRARCH files, WARC crawls and ``.gz``
    files are read as ``tacitus ingest`` reads them."""
    where = path_name(path)
    try:
        if where == "-":
            data = read_limited(sys.stdin.buffer, "<stdin>")
        else:
            p = Path(path)
            check_regular(p, where)
            if p.name.lower().endswith(_SOURCES):
                from tacitus.ingest.sources import read_source

                for item in read_source(p, published):
                    yield item if isinstance(item, InputError) else item.document
                return
            if p.suffix.lower() in (".jsonl", ".ndjson"):
                from tacitus.ingest.sources import jsonl_lines

                with p.open("rb") as fh:
                    yield from read_jsonl(jsonl_lines(fh), where, published)
                return
            with p.open("rb") as fh:
                data = read_limited(fh, where)
        text = decode(data, where)
        stem = None if where == "-" else Path(path).stem
        if where.lower().endswith((".html", ".htm", ".xhtml")) or looks_like_html(text):
            yield from_html(text, where=where, id=stem, published=published)
        else:
            yield from_text(text, id=stem, published=published, where=where)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
