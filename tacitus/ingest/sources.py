"""Turn what ``tacitus ingest`` is given into a stream of articles, each with its origin.

Inputs are files, folders (read recursively) and glob patterns. Each file is read by its
name: JSONL corpora, RSS/Atom feeds and PETRARCH files (``.xml``: see ``xmlfiles``), WARC
crawls, single articles (text, Markdown, HTML), and a ``.gz`` of any of them. Everything
streams: a corpus of millions of lines or a crawl of gigabytes is never held in memory, only
the article being read, and every reader stops at ``MAX_BYTES`` per article, compressed or
not. Folders and ``**`` patterns do not follow links to folders, so a link loop cannot make
them run for ever.

Like the readers, a source yields ``InputError`` objects for what it cannot read instead of
raising, so that one bad file, line, feed item or WARC record is recorded and the rest goes
on. Every article keeps its ``origin`` (``path``, ``path:line``, ``path#item``,
``path#offset``) so that an error or a stored document can be traced to its bytes.

Ids: an article keeps the id its source gives (a JSONL ``id``, a feed item's guid, a
PETRARCH sentence id). A file or a WARC record has no id of its own (many sites call every
page ``index.html``, and a crawl captures the same article under many record ids), so it gets
the content id of its text.
"""

from __future__ import annotations

import glob
import gzip
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tacitus.errors import InputError
from tacitus.ingest import xmlfiles
from tacitus.ingest.readers import (
    MAX_BYTES,
    check_regular,
    decode,
    from_html,
    from_text,
    looks_like_html,
    path_name,
    read_jsonl,
)
from tacitus.ingest.warc import read_warc
from tacitus.ingest.xmlfiles import read_feed
from tacitus.model import Document

__all__ = ["Article", "Item", "expand", "read_feed", "read_source", "read_sources", "read_warc"]

JSONL = (".jsonl", ".ndjson")
FEEDS = (".rss", ".atom", ".xml")
WARCS = (".warc",)
HTML = (".html", ".htm", ".xhtml")
_GLOB = frozenset("*?[")


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
            matches = _glob(given)
            if not matches:
                yield InputError(given, "no file matches this pattern")
            seen: set[Path] = set()
            for match in matches:
                for found in _files(match, str(match)):
                    if isinstance(found, InputError) or found not in seen:
                        if isinstance(found, Path):
                            seen.add(found)
                        yield found
        else:
            yield InputError(given, "no such file or folder")


def _glob(pattern: str) -> list[Path]:
    """The sorted matches of ``pattern``. A pattern with ``**`` is matched by pathlib, which
    does not follow links to folders (``glob.glob`` does, and a link loop made it run for
    ever); as with ``glob``, hidden names match only a pattern that names a dot."""
    if "**" not in pattern:
        return [Path(m) for m in sorted(glob.glob(pattern))]
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _GLOB & set(part)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = Path(*parts[fixed:])
    dots = any(part.startswith(".") for part in rest.parts)
    return sorted((match for match in root.glob(str(rest))
                   if dots or not any(name.startswith(".")
                                      for name in match.relative_to(root).parts)), key=str)


def _files(path: Path, given: str) -> Iterator[Path | InputError]:
    if not path.is_dir():
        yield path
        return
    # rglob does not follow links to folders, so a link loop is walked once
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
    where = path_name(path)
    name = path.name.lower()
    compressed = name.endswith(".gz")
    inner = name.removesuffix(".gz")
    try:
        check_regular(path, where)
        if inner.endswith(WARCS):
            yield from read_warc(path)  # warcio reads plain and gzipped WARC alike
        elif inner.endswith(JSONL):
            with _open(path, compressed) as fh:
                yield from _jsonl(fh, where, published)
        elif inner.endswith(".xml"):
            yield from _xml(path, compressed, where, published)
        elif inner.endswith(FEEDS):
            yield from read_feed(_read_all(path, compressed, where), where, published)
        else:
            yield _article(_read_all(path, compressed, where), where, published,
                           inner.endswith(HTML))
    except InputError as exc:
        yield exc
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(where, f"bad gzip data: {exc}")
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")


def _open(path: Path, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _read_all(path: Path, compressed: bool, where: str) -> bytes:
    """The whole file, refusing more than ``MAX_BYTES`` (after decompression: a small .gz
    can hold gigabytes; and whatever size the file claims)."""
    if not compressed:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(where, f"too large: {size:,} bytes (limit {MAX_BYTES:,})")
    with _open(path, compressed) as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(where, f"too large: more than {MAX_BYTES:,} bytes"
                                + (" decompressed" if compressed else ""))
    return data


def _xml(path: Path, compressed: bool, where: str, published: str | None) -> Iterator[Item]:
    """A ``.xml`` file by its root element: a feed, a PETRARCH file or an XHTML page."""
    with _open(path, compressed) as fh:
        root = xmlfiles.root_element(fh.read(xmlfiles.SNIFF_BYTES))
    if root == xmlfiles.PETRARCH_ROOT:
        yield from xmlfiles.read_petrarch(lambda: _open(path, compressed), where, published)
    elif root == xmlfiles.HTML_ROOT:
        yield _article(_read_all(path, compressed, where), where, published, True)
    elif root is None or root in xmlfiles.FEED_ROOTS:
        yield from read_feed(_read_all(path, compressed, where), where, published)
    else:
        raise InputError(where, f"not an RSS or Atom feed, nor PETRARCH XML: the root element "
                                f"is <{root}>; {xmlfiles.EXPECTED}")


def _article(data: bytes, where: str, published: str | None, html: bool) -> Article:
    text = decode(data, where)
    if html or looks_like_html(text):
        return Article(where, from_html(text, where=where, published=published))
    return Article(where, from_text(text, published=published, where=where))


def jsonl_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """Lines of at most ``MAX_BYTES + 1`` bytes: an overlong line yields its head (which the
    caller refuses) and the rest is skipped, so one runaway line never fills memory."""
    while line := fh.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(MAX_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def _jsonl(fh: IO[bytes], where: str, published: str | None) -> Iterator[Item]:
    """One article per line, through the JSONL reader, with ``path:line`` as the origin."""
    for number, raw in enumerate(jsonl_lines(fh), start=1):
        here = f"{where}:{number}"
        if len(raw) > MAX_BYTES:
            yield InputError(here, f"line too large: more than {MAX_BYTES:,} bytes")
            continue
        for item in read_jsonl(iter((raw,)), where, published):
            yield InputError(here, item.reason) if isinstance(item, InputError) \
                else Article(here, item)
