"""Hostile input: whatever comes in, the result is a document whose offsets slice its text
exactly, or a documented error with a message. Never a crash.

The number of generated examples per coding test is ``TACITUS_FUZZ`` (default 1000); the
reader tests below, which code nothing and take a millisecond an example, run a multiple of
it. CI's `make test` runs the default: 10,900 examples over the file. Inputs that once
crashed live in ``tests/regressions/`` and are replayed on every run.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.errors import TacitusError
from tacitus.ingest import from_html, read_path
from tacitus.ingest.markup import plain_text, tame
from tacitus.ingest.readers import decode, read_jsonl
from tacitus.ingest.xmlfiles import read_feed, read_petrarch
from tacitus.model import CodedDocument
from tacitus.pipeline import default_coder

EXAMPLES = int(os.environ.get("TACITUS_FUZZ", "1000"))
REGRESSIONS = Path(__file__).parent / "regressions"
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check(doc: CodedDocument) -> None:
    text = doc.document.text
    for actor in doc.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    for e in doc.events:
        words = (doc.document.title or "") if e.evidence_in == "title" else text  # issue 11
        assert words[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.trigger is None or words[e.trigger.start : e.trigger.end] == e.trigger.text
        ids = {a.id for a in doc.actors}
        assert {e.source, e.target, e.attributed_to} - {None} <= ids


def _code_file(path: Path) -> None:
    coder = default_coder()
    for item in read_path(path):
        if isinstance(item, TacitusError):
            assert str(item).strip() and "\n" not in str(item)
            continue
        _check(coder.code_document(item))


_NEWSY = st.sampled_from([
    "Iran", "the Taliban", "U.S.", "Washington", "said", "attacked", "met", "\"", "“", "”",
    "'", "(", ")", "--", "Dec. 31", "killed", "12", "NATO", "Karzai", "he", "it", "\n\n",
    "By", "AP", "—", "\u200b", "\x00", "\t", "ﬁ", "İ", "ß", "Σ", "🙂", ".", ",", "not",
])


@FUZZ
@given(st.one_of(
    st.text(),                                                    # any Unicode
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200),  # control characters
    st.lists(_NEWSY, max_size=80).map(" ".join),                  # news-like word salad
    st.text(alphabet='"“”\'‘’«»', min_size=1, max_size=200),      # all quotes
    st.text(alphabet="0123456789 ,.%$-", min_size=1, max_size=200),  # all numbers
    st.lists(_NEWSY, max_size=60).map(lambda w: " ".join(w).upper()),  # all capitals
))
def test_any_text_codes_or_fails_cleanly(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "a.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")  # lone surrogates: bad bytes
    _code_file(path)


@settings(max_examples=max(EXAMPLES // 10, 20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.integers(min_value=1_000, max_value=400_000))
def test_enormous_lines(tmp_path_factory, n: int) -> None:
    path = tmp_path_factory.mktemp("big") / "a.txt"
    path.write_text("Iran accused Iraq " + "x" * n + " of attacking the border.")
    _code_file(path)


_TAGS = st.sampled_from(["div", "p", "span", "table", "td", "script", "style", "article",
                         "b", "i", "a", "h1", "html", "body", "<!--", "<![CDATA["])


@FUZZ
@given(st.lists(st.tuples(_TAGS, st.booleans(), _NEWSY), max_size=300))
def test_nested_or_broken_html(parts: list[tuple[str, bool, str]]) -> None:
    html = "".join(f"<{tag}>{word}" + (f"</{tag}>" if close else "")
                   for tag, close, word in parts)
    try:
        doc = from_html(html.encode(), id="h")
    except TacitusError as exc:
        assert str(exc).strip()
        return
    _check(default_coder().code_document(doc))


@FUZZ
@given(st.lists(st.one_of(
    st.builds(lambda t: json.dumps({"id": "x", "text": t}), st.text(max_size=200)),
    st.text(max_size=100),                       # not JSON
    st.just('{"id": 3, "text": ["a"]}'),         # wrong types
    st.just('{"text": ""}'),                     # empty
), max_size=12))
def test_jsonl_with_broken_lines(tmp_path_factory, lines: list[str]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    _code_file(path)


def test_replay_every_input_that_ever_crashed() -> None:
    for path in sorted(p for p in REGRESSIONS.iterdir() if p.name != "README.md"):
        _code_file(path)


# Readers alone: every kind of hostile record of issue 13, generated. A reader returns a
# Document whose every field can be written as UTF-8, or an InputError with one line; it never
# raises anything else.

def _reader_fuzz(times: float) -> settings:
    return settings(max_examples=int(EXAMPLES * times), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _readable(items: list) -> None:
    for item in items:
        if isinstance(item, TacitusError):
            assert str(item).strip() and "\n" not in str(item)
            continue
        document = getattr(item, "document", item)
        for value in document.model_dump().values():
            if isinstance(value, str):
                value.encode("utf-8")  # no lone surrogate survives a reader


_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_HOSTILE_TEXT = st.one_of(st.text(max_size=60), st.text(alphabet=_SURROGATES, max_size=5),
                          st.lists(_NEWSY, max_size=20).map(" ".join))
_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.floats(), st.integers(), _HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["id", "text", "title", "url",
                                                             "published", "source", "x"]),
                                            inner, max_size=6)),
    max_leaves=20)


@_reader_fuzz(1.5)
@given(st.one_of(
    _JSON.map(lambda v: json.dumps(v)),                        # any JSON, surrogates escaped
    st.fixed_dictionaries({"text": _HOSTILE_TEXT}, optional={
        "id": _HOSTILE_TEXT, "title": _HOSTILE_TEXT, "url": _HOSTILE_TEXT,
        "published": st.one_of(_HOSTILE_TEXT, st.integers())}).map(json.dumps),
    st.integers(1, 200_000).map(lambda n: "[" * n + "]" * (n % 3)),   # nested deep
    st.integers(4_290, 6_000).map(lambda n: '{"text": "Iran met Iraq.", "n": '
                                  + "7" * n + "}"),                    # huge integers
    st.text(max_size=80),                                              # not JSON
))
def test_jsonl_reader_never_raises(line: str) -> None:
    raw = line.encode("utf-8", "surrogatepass")
    _readable(list(read_jsonl(iter([raw]), "fuzz.jsonl")))


@_reader_fuzz(5)
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]),
       st.one_of(st.binary(max_size=300),
                 st.text(max_size=100).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
                 st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_decode_or_fail_cleanly(bom: bytes, data: bytes) -> None:
    try:
        text = decode(bom + data, "fuzz.txt")
    except TacitusError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(text, str)


_ITEM_TEXT = st.one_of(_NEWSY, st.integers(0, 0x11FFFF).map(lambda n: f"&#{n};"),
                       st.integers(0xD800, 0xDFFF).map(lambda n: f"&#x{n:X};"),
                       st.sampled_from(["&lt;p&gt;", "&amp;", "<![CDATA[<b>x</b>]]>", "&bogus;",
                                        "<b>", "]]>", "&#", "&#99999999999999999999;"]))


@_reader_fuzz(0.3)
@given(st.lists(st.tuples(st.lists(_ITEM_TEXT, max_size=8).map(" ".join),
                          st.lists(_ITEM_TEXT, max_size=30).map(" ".join)), max_size=4),
       st.sampled_from(["rss", "atom"]))
def test_feeds_with_hostile_items(items: list[tuple[str, str]], kind: str) -> None:
    if kind == "rss":
        body = "".join(f"<item><title>{t}</title><guid>{t}</guid><description>{d}"
                       "</description></item>" for t, d in items)
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{body}' \
               "</channel></rss>"
    else:
        body = "".join(f"<entry><title>{t}</title><id>{t}</id><content type=\"html\">{d}"
                       "</content></entry>" for t, d in items)
        feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    try:
        found = list(read_feed(feed.encode("utf-8", "surrogatepass"), "fuzz.rss"))
    except TacitusError as exc:
        found = [exc]
    _readable(found)


@_reader_fuzz(0.5)
@given(st.lists(st.tuples(_TAGS, st.one_of(st.integers(0, 30), st.just(2_500)), _NEWSY),
                max_size=20))
def test_markup_with_any_attributes(parts: list[tuple[str, int, str]]) -> None:
    html = "".join(f"<{tag} " + " ".join(f"a{i}=v" for i in range(n)) + f">{word}"
                   for tag, n, word in parts)
    tamed = tame(html)
    assert all(len(tag) < 8_000 for tag in re.findall(r"<[A-Za-z][^<>]*>", tamed))
    assert isinstance(plain_text(tamed), str)


@_reader_fuzz(0.5)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=10), st.just("20150806")),
                          st.one_of(st.none(), _HOSTILE_TEXT)), max_size=5),
       st.booleans())
def test_petrarch_files_with_hostile_sentences(sentences: list, cut: bool) -> None:
    from xml.sax.saxutils import quoteattr

    body = "".join("<Sentence" + (f" date={quoteattr(d)}" if d is not None else "")
                   + ' id="s">' + (f"<Text>{escape(t)}</Text>" if t is not None else "")
                   + "</Sentence>" for d, t in sentences)
    data = f"<Sentences>{body}</Sentences>".encode("utf-8", "surrogatepass")
    if cut:
        data = data[: len(data) // 2]
    try:
        found = list(read_petrarch(lambda: io.BytesIO(data), "fuzz.xml"))
    except TacitusError as exc:
        found = [exc]
    _readable(found)
