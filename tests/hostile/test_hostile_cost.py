"""Bounded cost for every document: memory, time, and never waiting for ever.

Memory is measured in a child process (its peak RSS, ``ru_maxrss``) reading bombs written at
test time: compressed a few hundred KB, expanded hundreds of MB. Before the fixes the WARC
bombs below took 600 MB to 7 GB; the HTML, Markdown and capitals below took minutes to
hours; a glob over a link loop and a FIFO never returned.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from tacitus.errors import InputError, TimeLimitExceeded
from tacitus.ingest import from_html
from tacitus.ingest.clean import clean_text
from tacitus.limits import merge_parts, split_parts, time_limit

MB = 1 << 20
GROWTH_MB = 200
"""How far a reader's peak RSS may rise over its start (tacitus imported and one good
article read, about 120 MB): one article of ``MAX_BYTES`` and its copies fit in it; the bombs
below took 600 MB to 7 GB."""


def _warc_member(http: bytes, size: int, fill: bytes, *, chunked: bool = False) -> bytes:
    """One gzipped WARC response record whose HTTP part is ``http`` followed by ``size``
    bytes of ``fill`` (written in blocks, never held whole)."""
    body = size + (len(f"{size:x}") + 4 + 5 if chunked else 0)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\n"
            b"WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2020-01-01T00:00:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http) + body).encode() + b"\r\n\r\n")
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    out = [packer.compress(head + http + (b"%x\r\n" % size if chunked else b""))]
    block = (fill * (MB // len(fill) + 1))[:MB]
    for start in range(0, size, MB):
        out.append(packer.compress(block[:min(MB, size - start)]))
    out.append(packer.compress((b"\r\n0\r\n\r\n" if chunked else b"") + b"\r\n\r\n"))
    return b"".join([*out, packer.flush()])


GOOD_RECORD = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>"
               b"Iran praised Iraq for the border agreement on Monday, officials said.</p>"
               b"</article></body></html>")


def _peak(script: str, *args: str, timeout: float = 120) -> dict:
    """Run ``script`` in a fresh interpreter; it prints one JSON line, to which its peak RSS
    in MB and its wall time are added."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, timeout=timeout, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    found["seconds"] = time.monotonic() - started
    return found


START = """
import json, resource, sys
from tacitus.ingest.readers import from_html
from tacitus.ingest.sources import read_sources
from_html("<p>Iran praised Iraq for the border agreement on Monday, officials said.</p>")
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
"""
PEAK = """
print(json.dumps({"items": items, "growth_mb":
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - start}))
"""
READ = START + "items = [str(i) for i in read_sources(sys.argv[1:])]" + PEAK


def test_warc_bombs_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Each bomb, then a good record: the bomb is one error, the good page is still read."""
    good = _warc_member(GOOD_RECORD, 0, b" ")
    bombs = {
        # one chunk of 200 MB: warcio read each chunk whole
        "chunked": _warc_member(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                b"Transfer-Encoding: chunked\r\n\r\n", 200 * MB, b"a",
                                chunked=True),
        # one header line of 200 MB, and 40 MB of short header lines (1.3 GB held before)
        "line": _warc_member(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Big: ",
                             200 * MB, b"a"),
        "lines": _warc_member(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 40 * MB,
                              b"X: y\r\n"),
        # a gzip-encoded body of 200 KB that inflates to 200 MB
        "inflate": _warc_member(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                b"Content-Encoding: gzip\r\n\r\n" + _gzip_zeros(200 * MB),
                                0, b" "),
    }
    paths = []
    for name, bomb in bombs.items():
        path = tmp_path / f"{name}.warc.gz"
        path.write_bytes(bomb + (good if name in ("chunked", "inflate") else b""))
        assert path.stat().st_size < 2 * MB
        paths.append(str(path))
    found = _peak(READ, *paths)
    items = found["items"]
    assert found["growth_mb"] < GROWTH_MB, found
    assert found["seconds"] < 60, found
    assert sum("too large: more than 10,000,000 bytes" in i for i in items) == 2, items
    assert sum("a record's headers run past" in i for i in items) == 2, items
    assert sum(i.startswith("Article(") and "Iran praised Iraq" in i for i in items) == 2


def _gzip_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [packer.compress(bytes(MB)) for _ in range(size // MB)]
    return b"".join([*out, packer.flush()])


def test_standard_input_and_devices_are_capped_and_fifos_refused(tmp_path: Path) -> None:
    script = START + """
from tacitus.ingest import read_path
items = [str(i) for i in read_path("-")] + [str(i) for i in read_path(sys.argv[1])]
items += [str(i) for i in read_sources(sys.argv[1:])]
""" + PEAK
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with open("/dev/zero", "rb") as zero:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", script, str(fifo), "/dev/zero"],
                              stdin=zero, capture_output=True, text=True, timeout=60,
                              check=True)
    found = json.loads(done.stdout.splitlines()[-1])
    assert time.monotonic() - started < 30
    assert found["growth_mb"] < GROWTH_MB
    assert found["items"] == [
        "<stdin>: too large: more than 10,000,000 bytes (limit 10,000,000)",
        f"{fifo}: not a regular file (a FIFO); to read a stream, pipe it to standard input (-)",
        f"{fifo}: not a regular file (a FIFO); to read a stream, pipe it to standard input (-)",
        "/dev/zero: not a regular file (a device); to read a stream, pipe it to standard "
        "input (-)"]


def test_a_glob_over_a_link_loop_ends(tmp_path: Path) -> None:
    """``dir/**`` with links back up the tree: glob.glob walked it until the disk of paths
    ran out; each file is now found once, in well under a second."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Iran praised Iraq.")
    (tmp_path / "a" / "b" / "up").symlink_to("..")
    (tmp_path / "a" / "b" / "top").symlink_to(tmp_path)
    (tmp_path / "a" / "self").symlink_to(".")
    script = """
import json, sys
from tacitus.ingest.sources import expand
print(json.dumps({"items": [str(p) for p in expand(sys.argv[1:])]}))
"""
    found = _peak(script, str(tmp_path / "a" / "**"), str(tmp_path / "**" / "*.txt"),
                  timeout=60)
    assert found["items"] == [str(tmp_path / "a" / "b" / "x.txt")] * 2
    assert found["seconds"] < 30


def test_a_tag_with_100000_attributes_is_read_in_linear_time() -> None:
    """1.5 MB of attributes on one tag took trafilatura 8 minutes (libxml2 compares every
    attribute with the ones before it)."""
    attributes = " ".join(f'data-a{i}="v"' for i in range(100_000))
    page = (f"<html><body><div {attributes}><p>Iran praised Iraq for the border agreement "
            "on Monday, officials said.</p></div></body></html>")
    started = time.monotonic()
    document = from_html(page, where="bomb.html")
    assert time.monotonic() - started < 5
    assert "Iran praised Iraq" in document.text


@pytest.mark.parametrize("line", [
    "**a " * 50_000,             # emphasis openers never closed: 7 s for 20 KB before
    "[a](" * 50_000,             # link openers never closed
    "![a](" * 40_000,
    "_a " * 60_000,
    "AB " * 100_000,             # capitals: the truecaser looked back over the whole text
    "DE LA " * 15_000,           # name particles
    "a" + "\u2003" * 200_000 + "b",  # a run of spaces patterns starting \s* tried from each
    "(photo: " * 20_000,         # the credit patterns of boilerplate.yaml, never closed
    "(AP/" * 30_000 + "\n\nBy " * 10_000,
])
def test_pathological_lines_clean_in_linear_time(line: str) -> None:
    """Each line took a minute or more (hours for the first ones); now a second or two."""
    clean_text("WARM UP THE TRUECASER.")
    started = time.monotonic()
    clean_text(line)
    assert time.monotonic() - started < 10, "cleaning is no longer linear"


def test_time_limits_nest_and_name_what_ran_out() -> None:
    with pytest.raises(TimeLimitExceeded, match=r"inner took longer than 0\.1 s"), \
            time_limit(5, "outer"), time_limit(0.1, "inner"):
        time.sleep(2)
    with pytest.raises(TimeLimitExceeded, match=r"outer took longer than 0\.1 s"), \
            time_limit(0.1, "outer"), time_limit(5, "inner"):
        time.sleep(2)
    with time_limit(0.2, "quick"):
        pass
    time.sleep(0.3)  # no alarm left behind


def test_split_parts_cuts_at_paragraphs_and_joins_back() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(30))
    parts = split_parts(text, 1_000)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 1_000 for _, p in parts)
    assert all(text[start:start + len(p)] == p for start, p in parts)
    assert all(p.startswith("Paragraph") for _, p in parts)
    unbroken = "x" * 2_500
    assert [len(p) for _, p in split_parts(unbroken, 1_000)] == [1_000, 1_000, 500]


def test_a_long_text_is_coded_in_parts_with_true_offsets(monkeypatch) -> None:
    """Parts of 1,200 characters instead of 50,000, so that the test codes a short text:
    offsets, ids and sentence numbers must be those of the whole text, and an actor named in
    every part is one actor."""
    from tacitus import limits
    from tacitus.ingest import from_text
    from tacitus.pipeline import default_coder

    paragraphs = [f"Iran accused Iraq of shelling the border town number {i} on Monday. "
                  "The United States urged both governments to return to talks in Geneva. "
                  "Turkey condemned Syria for the attack, officials said." for i in range(24)]
    document = from_text("\n\n".join(paragraphs), id="long")
    whole = default_coder().code_document(document)
    monkeypatch.setattr(limits, "PART_CHARS", 1_200)
    parted = default_coder().code_document(document)
    assert len(split_parts(document.text)) > 3
    text = document.text
    for event in parted.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
        assert event.trigger is None or \
            text[event.trigger.start:event.trigger.end] == event.trigger.text
    spans = [m for a in parted.actors for m in a.mentions]
    spans += [m for e in parted.events for m in e.mentions]
    spans += [r.trigger for r in parted.left_out]
    for span in spans:
        assert text[span.start:span.end] == span.text
    ids = {a.id for a in parted.actors}
    assert all({e.source, e.target, e.attributed_to} - {None} <= ids for e in parted.events)
    assert [e.id for e in parted.events] == [f"e{n}" for n in range(1, len(parted.events) + 1)]
    iran = [a for a in parted.actors if a.code == "IRN"]
    parts = split_parts(text)
    assert len(iran) == 1 and {next(i for i, (start, part) in enumerate(parts)
                                    if start <= m.start < start + len(part))
                               for m in iran[0].mentions} == set(range(len(parts)))
    # the paragraphs stand alone, so the parts find what the whole text gives, in the same
    # sentences (cut at paragraph breaks, the parts' sentences are the whole text's)
    in_whole = {(e.trigger.start, e.cameo): e.sentence for e in whole.events if e.trigger}
    found = [(e.trigger.start, e.cameo, e.sentence) for e in parted.events if e.trigger]
    same = [(start, cameo) for start, cameo, sentence in found
            if in_whole.get((start, cameo)) == sentence]
    assert found and len(same) >= 0.9 * max(len(found), len(in_whole))


def test_merge_parts_of_nothing_keeps_the_document() -> None:
    from tacitus.model import CodedDocument, Document

    document = Document(id="d", text="abc")
    merged = merge_parts(document, [(0, 0, CodedDocument(document=document))])
    assert merged.document == document and merged.events == []


def test_input_error_for_a_device_in_a_folder_listing(tmp_path: Path) -> None:
    """A folder's FIFO is not a file: the folder walk leaves it out instead of waiting."""
    from tacitus.ingest.sources import read_sources

    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "a.txt").write_text("Iran praised Iraq.")
    found = list(read_sources([str(tmp_path)]))
    assert len(found) == 1 and not isinstance(found[0], InputError)
