"""Give text written all in capitals its ordinary case, so that the parser can read it.

Wire copy, telex and translation services (the FBIS reports of the 1980s among them) come in
capitals only. spaCy's English models learnt from mixed-case text: in capitals nearly every
word is tagged a proper noun, verbs go unseen, and the parse, the actors and the events fall
apart with it. So the cleaner hands a text that is overwhelmingly upper case to this module,
which decides the case of each word:

1. a phrase of the actor dictionary (a country, capital, adjective, organization or person
   name) takes its written case ("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"); a
   one-word name that is also a common function word, verb, adjective or adverb ("US",
   "WHO") is read as the common word;
2. the special words of ``data/truecase.yaml``: "I", months and weekdays are capitalised
   ("MAY" and "MARCH" only beside a number), abbreviated titles are capitalised, and name
   particles ("DE", "LA") are lowercase inside a name and capitalised where one starts;
3. a common English word is lowercased: spaCy's stop words and the words, with their
   inflections, of the lemmatizer's lists that ship with the default pipeline;
4. any other word is taken for a name and capitalised ("USULUTAN"), or kept in capitals when
   it has no vowel or three letters at most ("FMLN", "ELN");
5. the first word of a sentence is capitalised.

Only the case of letters changes, never the length of the text, so every offset into the
result slices it exactly as it would the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

SHOUTING = 0.9  # share of upper case among cased letters from which a text is "all capitals"
MIN_LETTERS = 20  # shorter texts (a headline, a code) are left as written
MAX_NAME_WORDS = 8

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’][sS]?$")
_VOWELS = frozenset("aeiouyáéíóúü")
_OPENERS = "\"'“‘([«"
_ENDS = ".!?"
_WINDOW = 200
"""Characters looked at before or after a word to decide its case (looking at the whole text
before every word made a long text cost its length squared)."""
PARTS = ("noun", "verb", "adj", "adv")
# A one-word name is a name unless it is a stop word, adjective or adverb ("US", "WHO",
# "BROWN"); the noun and verb lists also hold names ("BUSH", "CHILE") and are not asked.
NAME_CLASHES = ("adj", "adv")


def is_all_caps(text: str) -> bool:
    """True when the cased letters of ``text`` are overwhelmingly capitals."""
    upper = lower = 0
    for ch in text:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper + lower >= MIN_LETTERS and upper >= SHOUTING * (upper + lower)


@dataclass(frozen=True)
class SpecialWords:
    """The word lists of ``data/truecase.yaml``, lowercased."""

    always: frozenset[str]
    beside_number: frozenset[str]
    particles: frozenset[str]
    titles: frozenset[str]


class Lexicon:
    """Common English words: spaCy's stop words and its lemmatizer's word lists (WordNet
    lemmas by part of speech, with the suffix rules and irregular forms that inflect them)."""

    def __init__(self, stop: frozenset[str], index: dict[str, frozenset[str]],
                 rules: dict[str, list[tuple[str, str]]], irregular: frozenset[str]) -> None:
        self.stop = stop
        self.index = index
        self.rules = rules
        self.irregular = irregular
        self._known: dict[str, bool] = {}

    def is_common(self, word: str, parts: tuple[str, ...] = PARTS) -> bool:
        """Is ``word`` (lowercase) a stop word or a word of the lists of ``parts``?"""
        key = f"{word}|{','.join(parts)}"
        if key not in self._known:
            self._known[key] = self._lookup(word, parts)
        return self._known[key]

    def _lookup(self, word: str, parts: tuple[str, ...]) -> bool:
        if word in self.stop or (parts == PARTS and word in self.irregular):
            return True
        for pos in parts:
            lemmas = self.index.get(pos, frozenset())
            if word in lemmas:
                return True
            for old, new in self.rules.get(pos, []):
                if old and word.endswith(old) and word[: -len(old)] + new in lemmas:
                    return True
        return False


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the default pipeline's lemmatizer (loaded once; nothing downloads)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from tacitus.nlp import DEFAULT_PIPELINE, load_pipeline

    lookups = load_pipeline(DEFAULT_PIPELINE).get_pipe("lemmatizer").lookups
    parts = PARTS
    index = lookups.get_table("lemma_index")
    rules = lookups.get_table("lemma_rules")
    exc = lookups.get_table("lemma_exc")
    return Lexicon(
        stop=frozenset(STOP_WORDS),
        index={p: frozenset(index.get(p, [])) for p in parts},
        rules={p: [(old, new) for old, new in rules.get(p, [])] for p in parts},
        irregular=frozenset(w for p in parts for w in exc.get(p, {})),
    )


def _base(word: str) -> tuple[str, str]:
    """A word and its possessive ending ("FMLN'S" -> "FMLN", "'S")."""
    m = _POSSESSIVE.search(word)
    return (word[: m.start()], word[m.start():]) if m and m.start() else (word, "")


def dictionary_names(lexicon: Lexicon) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Names of the actor dictionary by their words in capitals, with their written case."""
    from tacitus.data import load_countries, load_organizations, load_persons

    phrases: list[str] = []
    for c in load_countries():
        phrases += [c.name, *c.aliases, *c.adjectives, *c.demonyms, *(m.text for m in c.metonyms)]
        if c.capital:
            phrases.append(c.capital)
    for o in load_organizations():
        phrases += [o.name, *o.aliases]
    for p in load_persons():
        phrases += [p.name, *p.aliases]
    names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for phrase in phrases:
        words = tuple(_WORD.findall(phrase))
        if not words or len(words) > MAX_NAME_WORDS:
            continue
        if len(words) == 1 and lexicon.is_common(words[0].lower(), NAME_CLASHES):
            continue  # "US", "WHO": in capitals the common word is the likelier reading
        names.setdefault(tuple(w.upper() for w in words), words)
    return names


class Truecaser:
    """Restores case word by word (see the module docstring); build once, call per text."""

    def __init__(self, names: dict[tuple[str, ...], tuple[str, ...]],
                 is_common: Callable[[str], bool], special: SpecialWords) -> None:
        self.names = names
        self.longest = max((len(k) for k in names), default=1)
        self.first_words = frozenset(k[0] for k in names)
        self.is_common = is_common
        self.special = special

    def __call__(self, text: str) -> str:
        words = list(_WORD.finditer(text))
        forms: list[str] = [""] * len(words)
        named = self._names(text, words, forms)
        for i, m in enumerate(words):
            if i not in named:
                forms[i] = self._word(text, m)
        self._particles(text, words, forms, named)
        out = list(text)
        for i, m in enumerate(words):
            ending = _base(m.group())[1]
            form = forms[i]
            if self._starts_sentence(text, m.start()):
                form = form[:1].upper() + form[1:]
            new = form + ending.lower()
            if len(new) == len(m.group()):
                out[m.start():m.end()] = new
        return "".join(out)

    def _names(self, text: str, words: list[re.Match[str]], forms: list[str]) -> set[int]:
        """Fill ``forms`` for dictionary names, longest first; the indexes so named.

        Linear in the number of words: each word's base and whether it joins the next are
        found once, and only a word that starts some name is tried as a start."""
        named: set[int] = set()
        split = [_base(w.group()) for w in words]
        upper = [base.upper() for base, _ in split]
        # run[i]: how many words from i on form one unbroken phrase (joined, no possessive
        # before the last), capped at the longest name
        run = [1] * len(words)
        for i in range(len(words) - 2, -1, -1):
            if _joined(text, words[i], words[i + 1]) and not split[i][1]:
                run[i] = min(run[i + 1] + 1, self.longest)
        i = 0
        while i < len(words):
            if upper[i] not in self.first_words:
                i += 1
                continue
            for n in range(run[i], 0, -1):
                bases = [base for base, _ in split[i:i + n]]
                cased = self.names.get(tuple(upper[i:i + n]))
                if cased and all(len(c) == len(b) for c, b in zip(cased, bases, strict=True)):
                    for k, form in enumerate(cased):
                        forms[i + k] = form
                        named.add(i + k)
                    i += n
                    break
            else:
                i += 1
        return named

    def _word(self, text: str, m: re.Match[str]) -> str:
        base = _base(m.group())[0]
        low = base.lower()
        s = self.special
        if low in s.always or (low in s.titles and text[m.end():m.end() + 1] == "."):
            return base[:1].upper() + low[1:]
        if low in s.beside_number:
            before = text[max(0, m.start() - _WINDOW):m.start()].rstrip()[-1:]
            after = text[m.end():m.end() + _WINDOW].lstrip()[:1]
            return base[:1].upper() + low[1:] if before.isdigit() or after.isdigit() else low
        if len(base) == 1 and low != "a":
            return base.upper()  # an initial: "U.S.", "JOHN F. KENNEDY"
        if low in s.particles or self.is_common(low):
            return low
        if len(base) <= 3 or not (_VOWELS & set(low)):
            return base.upper()
        return base[:1].upper() + low[1:]

    def _particles(self, text: str, words: list[re.Match[str]], forms: list[str],
                   named: set[int]) -> None:
        """Capitalise a particle that starts a name ("LA PAZ"); inside one it stays lower."""
        particles = self.special.particles
        for i, m in enumerate(words):
            if i in named or _base(m.group())[0].lower() not in particles:
                continue
            j = i + 1
            while (j < len(words) and j - i <= MAX_NAME_WORDS
                   and _joined(text, words[j - 1], words[j]) and forms[j].lower() in particles):
                j += 1
            next_is_name = (j < len(words) and _joined(text, words[j - 1], words[j])
                            and forms[j][:1].isupper())
            k = i - 1
            while k >= 0 and i - k <= MAX_NAME_WORDS and _joined(text, words[k], words[k + 1]) \
                    and forms[k].lower() in particles:
                k -= 1
            prev_is_name = k >= 0 and _joined(text, words[k], words[k + 1]) and (
                forms[k][:1].isupper())
            if next_is_name and not prev_is_name:
                forms[i] = forms[i][:1].upper() + forms[i][1:]

    def _starts_sentence(self, text: str, start: int) -> bool:
        before = text[max(0, start - _WINDOW):start].rstrip().rstrip(_OPENERS).rstrip()
        if not before:
            return True
        if before[-1] not in _ENDS:
            return False
        # "MAJ. RODRIGUEZ", "U.S. ARMY": a title or an initial before the point ends nothing
        last = re.search(r"([^\W\d_]+)\.$", before)
        return not (last and (len(last.group(1)) == 1
                              or last.group(1).lower() in self.special.titles))


def _joined(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two words of one name: only spaces or a hyphen between them."""
    gap = text[a.end():b.start()]
    return gap == "-" or (gap != "" and gap.isspace())


@cache
def default_truecaser() -> Truecaser:
    """The truecaser with the packaged dictionary, word lists and lexicon (built once)."""
    from tacitus.data import _read_yaml

    data = _read_yaml("truecase.yaml")
    special = SpecialWords(*(frozenset(w.lower() for w in data[k]) for k in
                             ("always_capitalised", "beside_number", "particles", "titles")))
    lexicon = default_lexicon()
    return Truecaser(dictionary_names(lexicon), lexicon.is_common, special)


def truecase(text: str) -> str:
    """``text`` with ordinary case when it is all capitals, else unchanged."""
    return default_truecaser()(text) if is_all_caps(text) else text
