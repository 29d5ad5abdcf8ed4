"""Who said it: direct quotes and reported speech, with their speakers.

A direct quote is the text between quotation marks, straight or curly, across sentences; a
quote left open at the end of a paragraph and reopened at the start of the next one goes on
there (news style for long quotes), and the next paragraph's part is a quote of its own with
the same speaker. Its speaker is the subject of the speech verb just after it ("...," he
said) or just before it (she said: "..."), else the speaker of the quote it continues. "The
statement said" gives the statement's author where the phrase names one ("the ministry's
statement"). Reported speech ("X stressed that ...") is a quote with ``direct`` false: the
clause the speech verb governs, spoken by its subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tacitus.actors.resolver import ActorBook
from tacitus.model import Quote

MAX_QUOTE = 3000  # characters: a mark left open does not swallow the article
NEAR = 60  # characters between a quote and the speech verb that attributes it
SCARE_WORDS = 3  # a quoted term this short is a quote only when a speech verb attributes it
CLOSING = {"“": "”", "«": "»", '"': '"'}
SIGNATURE = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})")
CLOSERS = {"”", '"', "»"}
TRANSCRIPT = re.compile(r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?): ")  # "WALLACE: ..."

@dataclass
class _Span:
    start: int
    end: int
    continues: bool = False  # reopened after a paragraph break: same speaker as before


def direct_spans(text: str) -> list[_Span]:
    """Offsets of the words inside quotation marks (the marks left out)."""
    out: list[_Span] = []
    i, n = 0, len(text)
    continuing = False
    while i < n:
        ch = text[i]
        if ch not in CLOSING:
            i += 1
            continue
        close = CLOSING[ch]
        start = i + 1
        j = start
        while j < n and j - start < MAX_QUOTE and text[j] != close and \
                not (ch == "“" and text[j] == "“"):
            if text.startswith("\n\n", j):
                break
            j += 1
        if j < n and text[j] == close and j > start:
            out.append(_Span(start, j, continuing))
            continuing = False
            i = j + 1
            continue
        # open at a paragraph break: a long quote goes on if the next paragraph reopens it
        para = text.find("\n\n", start)
        if para != -1 and para - start < MAX_QUOTE:
            nxt = para + 2
            while nxt < n and text[nxt] in "\n ":
                nxt += 1
            if nxt < n and text[nxt] == ch and para > start:
                out.append(_Span(start, para, continuing))
                continuing = True
                i = nxt
                continue
        continuing = False
        i = start
    return [s for s in out if text[s.start : s.end].strip()]


class QuoteFinder:
    """The quotes of one parsed document."""

    def __init__(self, doc: Doc, book: ActorBook, speech_verbs: frozenset[str],
                 subjects) -> None:
        self.doc = doc
        self.text = book.text  # Doc.text is rebuilt on every access
        self.book = book
        self.speech = speech_verbs
        self.subjects = subjects  # the coder's subject finder (passives, controlled verbs)

    def quotes(self) -> list[Quote]:
        text = self.text
        spans = direct_spans(text)
        out: list[Quote] = []
        previous: str | None = None
        last_end = -1
        for s in spans:
            short = len(text[s.start : s.end].split()) <= SCARE_WORDS
            speaker = self._direct_speaker(s, unnamed=not short)
            if speaker is None and short:
                continue  # "regime change", "surge": a term in quotation marks, not a quote
            split = 0 <= s.start - last_end <= 2 * NEAR and "\n\n" not in text[last_end:s.start]
            if speaker is None and (s.continues or split):
                speaker = previous  # the quote goes on: '"...," he said. "..."'
            out.append(Quote(speaker=speaker, text=text[s.start : s.end], start=s.start,
                             end=s.end, direct=True))
            previous, last_end = speaker, s.end
        taken = [(q.start, q.end) for q in out]
        out += self._indirect(taken)
        return sorted(out, key=lambda q: q.start)

    def _speech_verb(self, t: Token) -> bool:
        return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.speech

    def _direct_speaker(self, s: _Span, unnamed: bool = True) -> str | None:
        """Who said a direct quote (``unnamed``: also a speaker who is no political actor,
        "sources", "the campaign"; a short quoted term needs an actor to be a quote)."""
        text = self.text
        name = TRANSCRIPT.match(text, s.start)
        if name:  # an interview transcript: '"PENCE: Well, look, ..."'
            speaker = self.book.named(name.group(1).title(), s.start, s.start + len(name.group(1)))
            if speaker is not None:
                return speaker
        signed = SIGNATURE.match(text, s.end + 1 if text[s.end : s.end + 1] in CLOSERS else s.end)
        if signed:  # '"...I'm so ashamed." ― Jane Roe': a signature after the quote
            speaker = self.book.named(signed.group(1), signed.start(1), signed.end(1))
            if speaker is not None:
                return speaker
        enclosing = self._reporting(s)
        if enclosing is not None:  # 'Mook said, arguing that Trump "lashed out ..."'
            speaker = self._speaker_of(enclosing, unnamed)
            if speaker is not None:
                return speaker
        window = self.doc.char_span(max(0, s.start - NEAR), min(len(text), s.end + NEAR),
                                    alignment_mode="expand")
        near = list(window) if window is not None else []
        after = [t for t in near if s.end < t.idx <= s.end + NEAR and self._speech_verb(t)
                 and not _inside(t.idx, text, s.end)]
        before = [t for t in near if s.start - NEAR <= t.idx < s.start
                  and self._speech_verb(t)]
        for verb in [*after[:1], *reversed(before[-1:])]:
            speaker = self._speaker_of(verb, unnamed)
            if speaker is not None:
                return speaker
        return None

    def _reporting(self, s: _Span) -> Token | None:
        """The speech verb whose reported clause holds the whole quote, if one does."""
        first = self.doc.char_span(s.start, s.end, alignment_mode="contract")
        if first is None or not len(first):
            return None
        for anc in first.root.ancestors:
            if self._speech_verb(anc):
                clause = next((c for c in anc.children if c.dep_ == "ccomp"
                               and c.left_edge.idx <= s.start
                               and c.right_edge.idx + len(c.right_edge) >= s.end), None)
                return anc if clause is not None else None
        return None

    def _speaker_of(self, verb: Token, unnamed: bool = True) -> str | None:
        for subj in self.subjects(verb):
            # "the ministry's statement said": the document speaks for its author
            if subj.lemma_.lower() in self.book.d.words.document_nouns:
                for c in subj.children:
                    if c.dep_ in ("poss", "compound", "amod", "nmod"):
                        key = self.book.actor_of(c)
                        if key:
                            return key
                continue
            key = self.book.actor_of(subj) or (self.book.unnamed(subj) if unnamed else None)
            if key is not None:
                return key
        return None

    def _indirect(self, taken: list[tuple[int, int]]) -> list[Quote]:
        out = []
        for verb in self.doc:
            if not self._speech_verb(verb):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            # the clause's edges (not its subtree, word by word: that costs), without the
            # "that" before it and a closing mark after it
            first, last = clause.left_edge, clause.right_edge
            if first.dep_ == "mark" and first.i < clause.i:
                first = self.doc[first.i + 1]
            if last.is_punct and last.i > first.i:
                last = self.doc[last.i - 1]
            if first.i > last.i:
                continue
            start, end = first.idx, last.idx + len(last.text)
            if any(s < end and start < e and not (start <= s and e <= end)
                   for s, e in taken):
                continue  # inside a direct quote, or across one's edge
            # a reported clause around a quoted phrase ('said that Trump "lashed out"') is
            # a quote of its own: the whole of what was said
            out.append(Quote(speaker=self._speaker_of(verb), text=self.text[start:end],
                             start=start, end=end, direct=False))
            taken.append((start, end))
        return out


def _inside(idx: int, text: str, after: int) -> bool:
    """Whether position ``idx`` is inside a new quotation opened after ``after``."""
    segment = text[after:idx]
    return bool(re.search(r"[“\"]", segment.lstrip(" ,.”\"")))
