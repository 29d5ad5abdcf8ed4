"""Hostile input: whatever comes in, the result is a document whose offsets slice its text
exactly, or a documented error with a message. Never a crash.

The number of generated examples per test is ``TACITUS_FUZZ`` (default 1000; CI's `make test`
runs the default, several thousand examples over the file). Inputs that once crashed live in
``tests/regressions/`` and are replayed on every run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.errors import TacitusError
from tacitus.ingest import from_html, read_path
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
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.trigger is None or text[e.trigger.start : e.trigger.end] == e.trigger.text
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
