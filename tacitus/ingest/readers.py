"""Read articles from files: plain text, Markdown, HTML and JSONL corpora.

A reader yields ``Document`` objects, or ``InputError`` objects for what it could not read,
so that a corpus goes on past a bad line and the caller decides what a failure means (one
file: exit non-zero; a corpus: report and continue).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from tacitus.errors import InputError
from tacitus.ingest.clean import clean_text, parse_date_line
from tacitus.model import Document

MAX_BYTES = 10_000_000
"""Largest single article file (or JSONL line) accepted; real articles are far smaller."""

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def content_id(text: str) -> str:
    """A stable id from the text itself, so the same article always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: object, where: str) -> str | None:
    """Accept ``YYYY-MM-DD`` (or an ISO timestamp, or a written date); reject anything else."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    iso = m.group(1) if m else parse_date_line(text)
    if iso is None or parse_date_line(iso) is None:
        raise InputError(where, f"publication date {text!r} is not a date (use YYYY-MM-DD)")
    return iso


def decode(data: bytes, where: str) -> str:
    """Decode article bytes as UTF-8, refusing binary files with a reason."""
    if not data.strip():
        raise InputError(where, "empty document: no text to code")
    if len(data) > MAX_BYTES:
        raise InputError(where, f"too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10:
        raise InputError(where, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None


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
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise InputError(where, "no article text left after cleaning")
    return Document(
        id=id or content_id(cleaned.text),
        title=title or cleaned.title,
        published=normalise_date(published, where) or cleaned.published,
        author=author or cleaned.author,
        source=source,
        url=url,
        text=cleaned.text,
        dateline=cleaned.dateline,
    )


def from_html(html: str, *, where: str = "<html>", **meta: str | None) -> Document:
    """Extract the main text and metadata of a web page with trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(where, "no article text found in the HTML")
    cleaned = clean_text(body, head=False)
    if not cleaned.text.strip():
        raise InputError(where, "no article text left after cleaning")
    page_date = getattr(extracted, "date", None)
    return Document(
        id=meta.get("id") or content_id(cleaned.text),
        title=meta.get("title") or getattr(extracted, "title", None),
        published=normalise_date(meta.get("published"), where)
        or normalise_date(page_date, where),
        author=meta.get("author") or getattr(extracted, "author", None),
        source=meta.get("source") or getattr(extracted, "sitename", None),
        url=meta.get("url") or getattr(extracted, "url", None),
        text=cleaned.text,
    )


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
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(here, f"not valid JSON ({exc.__class__.__name__}: "
                                       f"{str(exc).splitlines()[0][:80]})") from None
            if not isinstance(record, dict):
                raise InputError(here, "expected a JSON object per line")
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(here, "missing or empty 'text' field")
            meta = {k: (str(record[k]) if record.get(k) is not None else None)
                    for k in ("id", "title", "author", "source", "url")}
            doc_published = record.get("published") or published
            if _HTML_SNIFF.match(text.encode("utf-8", "replace")[:200]):
                yield from_html(text, where=here, published=doc_published, **meta)
            else:
                yield from_text(text, published=doc_published, where=here, **meta)
        except InputError as exc:
            yield exc


def read_path(path: str | Path, published: str | None = None
              ) -> Iterator[Document | InputError]:
    """Read one file ("-" is standard input) by its extension, sniffing HTML in text files."""
    where = str(path)
    try:
        if where == "-":
            data = sys.stdin.buffer.read()
        else:
            p = Path(path)
            if not p.exists():
                raise InputError(where, "no such file")
            if p.is_dir():
                raise InputError(where, "is a folder, not a file")
            suffix = p.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                with p.open("rb") as fh:
                    yield from read_jsonl(iter(fh), where, published)
                return
            if p.stat().st_size > MAX_BYTES:
                raise InputError(where, f"too large: {p.stat().st_size:,} bytes "
                                        f"(limit {MAX_BYTES:,})")
            data = p.read_bytes()
        text = decode(data, where)
        stem = None if where == "-" else Path(path).stem
        if where.lower().endswith((".html", ".htm")) or _HTML_SNIFF.match(data[:200]):
            yield from_html(text, where=where, id=stem, published=published)
        else:
            yield from_text(text, id=stem, published=published, where=where)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
