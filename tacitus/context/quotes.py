"""Who said it: direct quotes and reported speech, with their speakers.

A direct quote is the text between quotation marks, straight or curly, across sentences (or
two apostrophes, as some archives write them: ''It is,'' he said); a quote left open at the
end of a paragraph and reopened at the start of the next one goes on there (news style for
long quotes), and the next paragraph's part is a quote of its own with the same speaker. Its
speaker is the subject of the speech verb just after it ("...," he said) or just before it
(she said: "..."), the verb that opens it first ('O'Neill said, "..."'), never a verb across a
line break (a new paragraph starts a new story) unless a colon opens the quote there; where
the parse gives the verb no subject, or one inside the quote, the name beside the verb is the
speaker ('"...," said Ana Ruiz'); a verb after a closing dash speaks for the clause outside the
dashes. Else it is the speaker of the quote it continues: in the same paragraph, or in the
paragraph right after the one that attributed it ('"...," he said.\n\n"..."'). "The
statement said" gives the statement's author where the phrase names one ("the ministry's
statement"). Reported speech ("X stressed that ...") is a quote with ``direct`` false: the
clause the speech verb governs, spoken by its subject ("Ruiz, who said ...": Ruiz, named at
"who" too); the sentence a parenthetical speech verb interrupts ("The museum, Ruiz said, will
open in May"); the clause a source phrase modifies ("..., according to a new poll": the poll,
the phrase left out where it opens or closes the clause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from tacitus.actors.resolver import ActorBook
from tacitus.model import Quote
from tacitus.nlp.tree import children_of, head_of, tokens_of

MAX_QUOTE = 3000  # characters: a mark left open does not swallow the article
NEAR = 60  # characters between a quote and the speech verb that attributes it
SCARE_WORDS = 3  # a quoted term this short is a quote only when a speech verb attributes it
CLOSING = {"“": "”", "«": "»", '"': '"'}
# '"..." ― Jane Roe': spaces, no-break spaces included, or none on either side of the dash
SIGNATURE = re.compile(r"[^\S\n]*[―—–][^\S\n]*([A-Z][\w.'’-]+(?:[^\S\n]+[A-Z][\w.'’-]*){0,3})")
DOUBLED = "''"  # two apostrophes for a double mark, opening and closing alike
CLOSERS = {"”", '"', "»"}
# between a speech verb and the quote it opens: 'said Monday, "', 'wrote: "', 'said, "'
INTRODUCES = re.compile(r"[^\"“”«»\n.]{0,25}(?:,[^\S\n]*|:\s*)(?:[\"“«]|'')")
# between a quote and the next: its own attribution, one line break, the next one's mark
OPENS_PARAGRAPH = re.compile(r"(?:[\"”»]|'')?[^\n\"“”]*\n+[ \t\xa0]*(?:[\"“«]|'')")
DASHES = {"-", "--", "–", "—", "―"}  # dashes that set off a parenthetical
_MARKS = re.compile(r"[\"“”«»]|''")
TRANSCRIPT = re.compile(r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?): ")  # "WALLACE: ..."

@dataclass
class _Span:
    start: int
    end: int
    continues: bool = False  # reopened after a paragraph break: same speaker as before


# an opening quotation mark: a character, or the two apostrophes some newspapers' archives
# write for one (''It is,'' he said); found by one search, not a test at every character
_OPENING = re.compile("|".join([re.escape(DOUBLED), *map(re.escape, CLOSING)]))


@cache
def _quote_stop(mark: str) -> re.Pattern[str]:
    """Where a quote opened by ``mark`` stops: its closing mark, a paragraph break, or (after
    a curly opening mark) the next opening one."""
    close = CLOSING.get(mark, mark)
    return re.compile("|".join([re.escape(close), *(["“"] if mark == "“" else []), "\n\n"]))


def direct_spans(text: str) -> list[_Span]:
    """Offsets of the words inside quotation marks (the marks left out)."""
    out: list[_Span] = []
    i, n = 0, len(text)
    continuing = False
    while (found := _OPENING.search(text, i)) is not None:
        i, mark = found.start(), found.group()
        close = CLOSING.get(mark, mark)
        start = i + len(mark)
        stop = _quote_stop(mark).search(text, start)
        j = stop.start() if stop is not None and stop.start() - start < MAX_QUOTE \
            else min(n, start + MAX_QUOTE)
        if j < n and text.startswith(close, j) and j > start:
            out.append(_Span(start, j, continuing))
            continuing = False
            i = j + len(close)
            continue
        # open at a paragraph break: a long quote goes on if the next paragraph reopens it
        para = text.find("\n\n", start)
        if para != -1 and para - start < MAX_QUOTE:
            nxt = para + 2
            while nxt < n and text[nxt] in "\n ":
                nxt += 1
            if text.startswith(mark, nxt) and para > start:
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
                 subjects, sources: frozenset[tuple[str, ...]] = frozenset()) -> None:
        self.doc = doc
        self.sources = sources  # phrases that name a source: ("according", "to")
        self._source_starts = {p[0] for p in sources}  # most words start none: skip them
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
            between = text[last_end : s.start]
            # the quote goes on: '"...," he said. "..."', also in a paragraph of its own right
            # after the one that attributed it ('"...," he said.\n\n"..."': news style)
            split = 0 <= s.start - last_end <= 2 * NEAR and (
                "\n" not in between or OPENS_PARAGRAPH.fullmatch(between.strip(" \t\xa0")))
            if speaker is None and (s.continues or split):
                speaker = previous
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
            speaker = self._speaker_of(enclosing, unnamed, s)
            if speaker is not None:
                return speaker
        window = self.doc.char_span(max(0, s.start - NEAR), min(len(text), s.end + NEAR),
                                    alignment_mode="expand")
        near = list(window) if window is not None else []
        # the verb that attributes a quote is in its paragraph: a verb past a line break
        # starts a new story ('..."\n\nPolice officials said'), unless it opens the quote
        # with a colon ('Caddell continued:\n\n"...')
        after = [t for t in near if s.end < t.idx <= s.end + NEAR and self._speech_verb(t)
                 and not _inside(t.idx, text, s.end) and "\n" not in text[s.end:t.idx]]
        before = [t for t in near if s.start - NEAR <= t.idx < s.start and self._speech_verb(t)
                  and ("\n" not in text[t.idx:s.start] or self._opens(t, s))]
        verbs = [*after[:1], *reversed(before[-1:])]
        if before and self._opens(before[-1], s):
            verbs.reverse()  # 'O'Neill said, "Not going ..."': the verb that opens it
        for verb in verbs:
            speaker = self._speaker_of(verb, unnamed, s) or self._beside(verb, s, unnamed)
            if speaker is not None:
                return speaker
        return None

    def _opens(self, verb: Token, s: _Span) -> bool:
        """Whether ``verb`` introduces the quote: 'said Monday, "', 'Said Ellis: "'."""
        return INTRODUCES.fullmatch(self.text, verb.idx + len(verb), s.start) is not None

    def _beside(self, verb: Token, s: _Span, unnamed: bool) -> str | None:
        """The speaker named beside a speech verb the parse gave no subject: between the
        quote and the verb ('"...," Tulsa police Chief Ana Ruiz said'), or just after a verb
        that follows or opens the quote ('"...," said Ruiz', 'Said Ruiz: "...'). The first
        word there that names an actor is the speaker."""
        doc = self.doc
        if verb.idx >= s.end:
            opened = doc.char_span(s.end, verb.idx, alignment_mode="expand")
            words = [t for t in opened or [] if t.idx >= s.end and t.i < verb.i]
            if not any(t.is_alpha for t in words):  # '"...," said Ruiz, a lawyer'
                words = list(doc[verb.i + 1 : verb.i + 8])
        elif self._opens(verb, s):
            words = [t for t in doc[verb.i + 1 : verb.i + 8] if t.idx < s.start]
        else:
            return None
        for t in words:
            if t.is_punct and verb.idx < s.end:
                break  # the phrase after the verb ends: '"...," said Ruiz, a lawyer for'
            if t.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            head = t
            while head.dep_ == "compound" and head_of(head).i > head.i:
                head = head_of(head)
            key = self.book.actor_of(head) or (
                self.book.unnamed(head) if unnamed and head.pos_ != "PRON" else None)
            if key is not None:
                return key
        return None

    def _reporting(self, s: _Span) -> Token | None:
        """The speech verb whose reported clause holds the whole quote, if one does (its
        marks and the comma or stop inside them aside: the parse may leave those out)."""
        first = self.doc.char_span(s.start, s.end, alignment_mode="contract")
        if first is None or not len(first):
            return None
        inner = self.text[s.start : s.end]
        start = s.start + len(inner) - len(inner.lstrip())
        end = s.start + len(inner.rstrip(" \n,.;:"))
        for anc in first.root.ancestors:
            if self._speech_verb(anc):
                clause = next((c for c in children_of(anc) if c.dep_ == "ccomp"
                               and c.left_edge.idx <= start
                               and c.right_edge.idx + len(c.right_edge) >= end), None)
                return anc if clause is not None else None
        return None

    def _speaker_of(self, verb: Token, unnamed: bool = True, quote: _Span | None = None
                    ) -> str | None:
        """The speaker a speech verb's subject names (never a word inside ``quote``, nor
        one past a line break: the parse may take one for the subject of a verb after it)."""
        for subj in self.subjects(_outside_dashes(verb)):
            if quote is not None and quote.start <= subj.idx < quote.end:
                continue
            if "\n" in self.text[min(subj.idx, verb.idx) : max(subj.idx, verb.idx)]:
                continue  # a parse across a paragraph break ("WASHINGTON (AP) -- The Latest")
            key = self._named(subj, unnamed)
            if key is not None:
                return key
        return None

    def _named(self, head: Token, unnamed: bool) -> str | None:
        """The speaker a phrase names: its actor, or for a document ("the ministry's
        statement said") the author it names, else nobody."""
        if head.lemma_.lower() in self.book.d.words.document_nouns:
            for c in children_of(head):
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    key = self.book.actor_of(c)
                    if key:
                        return key
            return self.book.author(head)  # "the statement said": the one that issued it
        if head.lower_ in self.book.d.words.relative_pronouns:
            return self.book.relative(head, unnamed)  # "Kamin, who said ..."
        key = self.book.actor_of(head)
        if key is None:  # "one of the family's lawyers, Ana Ruiz, said": the name
            key = next((k for c in children_of(head) if c.dep_ == "appos" and c.i > head.i
                        and (k := self.book.actor_of(c)) is not None), None)
        return key or (self.book.unnamed(head) if unnamed else None)

    def _indirect(self, taken: list[tuple[int, int]]) -> list[Quote]:
        out = []
        for verb in tokens_of(self.doc):
            found = self._reported(verb) if self._speech_verb(verb) else \
                self._according(verb) if verb.lower_ in self._source_starts else None
            if found is None:
                continue
            first, last, speaker = found
            while last.is_space and last.i > first.i:
                last = self.doc[last.i - 1]  # a paragraph break
            if last.is_punct and last.i > first.i:
                last = self.doc[last.i - 1]  # a stop, or a closing mark (the quote's stop in)
            if first.i > last.i:
                continue
            start, end = first.idx, last.idx + len(last.text)
            if any(s < end and start < e and not (start <= s and e <= end)
                   for s, e in taken):
                continue  # inside a direct quote, or across one's edge
            # a reported clause around a quoted phrase ('said that Trump "lashed out"') is
            # a quote of its own: the whole of what was said
            out.append(Quote(speaker=speaker, text=self.text[start:end],
                             start=start, end=end, direct=False))
            taken.append((start, end))
        return out

    def _reported(self, verb: Token) -> tuple[Token, Token, str | None] | None:
        """What a speech verb reports, first and last word, and who: the clause it governs
        ("X stressed that ..."), or the sentence it interrupts ("The museum, Mr. Ruiz said,
        will open in May": a parenthetical verb hangs on the clause it attributes)."""
        clause = next((c for c in children_of(verb) if c.dep_ == "ccomp"), None)
        if clause is not None:
            # the clause's edges (not its subtree, word by word: that costs), without the
            # "that" before it
            first = clause.left_edge
            if first.dep_ == "mark" and first.i < clause.i:
                first = self.doc[first.i + 1]
            return first, clause.right_edge, self._speaker_of(verb)
        if verb.dep_ != "parataxis" or not any(c.dep_ == "nsubj" for c in children_of(verb)):
            return None
        head = head_of(verb)
        text = self.text[head.left_edge.idx : head.right_edge.idx + len(head.right_edge)]
        if _MARKS.search(text):
            return None  # a quote's "he said": the direct quote has it
        return head.left_edge, head.right_edge, self._speaker_of(verb)

    def _according(self, tok: Token) -> tuple[Token, Token, str | None] | None:
        """The clause a source phrase attributes ("Clinton leads by five points, according
        to a new poll"), the phrase left out where it opens or closes the clause, and the
        source it names."""
        phrase = next((p for p in self.sources if tok.lower_ == p[0]
                       and [t.lower_ for t in self.doc[tok.i : tok.i + len(p)]] == list(p)),
                      None)
        if phrase is None or tok.dep_ != "prep":
            return None
        last = self.doc[tok.i + len(phrase) - 1]
        source = next((c for c in children_of(last) if c.dep_ == "pobj"), None)
        if source is None:
            return None
        head = head_of(tok) if head_of(tok).pos_ in ("VERB", "AUX") else tok.sent.root
        first, end = head.left_edge, head.right_edge
        if end.is_punct and end.i > first.i:
            end = self.doc[end.i - 1]
        edge = tok.right_edge
        if first.i >= tok.i:  # "According to X, ...": what follows it
            first = self.doc[min(edge.i + 1, len(self.doc) - 1)]
            while first.is_punct and first.i < end.i:
                first = self.doc[first.i + 1]
        elif end.i <= edge.i:  # "..., according to X": what comes before it
            end = self.doc[tok.i - 1]
            while end.is_punct and end.i > first.i:
                end = self.doc[end.i - 1]
        return first, end, self._named(source, True)

def _outside_dashes(verb: Token) -> Token:
    """The verb a clause after a closing dash hangs on: the parse may hang it on the verb
    inside the dashes ("Protesters marched past the stadium - where the team played - while
    chanting": the protesters chant, not the team)."""
    head = head_of(verb)
    doc = verb.doc
    if verb.dep_ not in ("advcl", "xcomp", "conj") or not head.i < verb.i \
            or head_of(head).i == head.i:
        return verb
    before = head.left_edge.i - 1
    opened = before >= 0 and doc[before].text in DASHES
    closed = any(t.text in DASHES for t in doc[head.i + 1 : verb.i])
    return head_of(head) if opened and closed else verb


def _inside(idx: int, text: str, after: int) -> bool:
    """Whether position ``idx`` is inside a new quotation opened after ``after``."""
    segment = text[after:idx]
    return bool(re.search(r"[“\"]|''", segment.lstrip(" ,.”\"'")))
