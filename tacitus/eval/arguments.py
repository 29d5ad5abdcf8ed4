"""Who did it to whom, on ConfliBERT's CAMEO argument file (``ner_train.txt``).

The file gives one token per line with a BIO tag: ``S`` marks the event's source, ``T`` its
target (``R`` another role, not scored); sentences end at a blank line. The tokens are joined
back into text (no space before closing punctuation and clitics), tacitus codes each sentence,
and a sentence's source (target) is *found* when some coded event's source (target) actor
covers a marked phrase, as in ``tacitus eval plv``; *both* when one event covers both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import share
from tacitus.eval.plv import covers
from tacitus.model import CodedDocument

NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", "%", ")", "]", "'s", "'", "’s", "’", "n't",
                   "'re", "'ve", "'ll", "'d", "'m", "”"}
NO_SPACE_AFTER = {"(", "[", "$", "“", "#"}


@dataclass(frozen=True)
class Sentence:
    text: str
    sources: list[tuple[int, int]]
    targets: list[tuple[int, int]]


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text from tokens, with each token's offsets in it."""
    out: list[str] = []
    offsets = []
    length = 0
    for n, tok in enumerate(tokens):
        if n and tok not in NO_SPACE_BEFORE and tokens[n - 1] not in NO_SPACE_AFTER:
            out.append(" ")
            length += 1
        offsets.append((length, length + len(tok)))
        out.append(tok)
        length += len(tok)
    return "".join(out), offsets


def _phrases(tags: list[str], offsets: list[tuple[int, int]], role: str
             ) -> list[tuple[int, int]]:
    """The character spans of the phrases tagged ``role`` (an I- tag after O opens one too)."""
    spans: list[list[int]] = []
    inside = False
    for tag, (start, end) in zip(tags, offsets, strict=True):
        if tag == f"B-{role}" or (tag == f"I-{role}" and not inside):
            spans.append([start, end])
            inside = True
        elif tag == f"I-{role}":
            spans[-1][1] = end
        else:
            inside = False
    return [(s, e) for s, e in spans]


def load_sentences(path: Path) -> list[Sentence]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for n, line in enumerate([*lines, ""], start=1):
        if not line.strip():
            if tokens:
                text, offsets = detokenize(tokens)
                out.append(Sentence(text, _phrases(tags, offsets, "S"),
                                    _phrases(tags, offsets, "T")))
            tokens, tags = [], []
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2 or not (parts[1] == "O" or parts[1][:2] in ("B-", "I-")):
            raise InputError(f"{path}:{n}", "expected 'token<space>BIO-tag'")
        tokens.append(parts[0])
        tags.append(parts[1])
    return out


@dataclass
class ArgumentResult:
    sentences: int = 0
    with_source: int = 0
    with_target: int = 0
    with_both: int = 0
    source: int = 0
    target: int = 0
    both: int = 0

    def figures(self) -> dict[str, float]:
        return {
            "arguments_source": share(self.source, self.with_source),
            "arguments_target": share(self.target, self.with_target),
            "arguments_both": share(self.both, self.with_both),
        }


def score_sentence(result: ArgumentResult, sentence: Sentence, doc: CodedDocument) -> None:
    result.sentences += 1

    def covered(pair, role: str, spans) -> bool:
        said = pair.source_span if role == "source" else pair.target_span
        return any(covers(doc, getattr(pair, role), said, s) for s in spans)

    pairs = [(e.id, p) for e in doc.events for p in e.pairs()]  # one act, each of its dyads
    src = [k for k in pairs if covered(k[1], "source", sentence.sources)]
    tgt = [k for k in pairs if covered(k[1], "target", sentence.targets)]
    result.with_source += bool(sentence.sources)
    result.with_target += bool(sentence.targets)
    result.source += bool(src)
    result.target += bool(tgt)
    if sentence.sources and sentence.targets:
        result.with_both += 1
        result.both += any(e in tgt for e in src)


def evaluate(path: Path, coder=None) -> ArgumentResult:
    from tacitus.model import Document
    from tacitus.pipeline import default_coder

    coder = coder or default_coder()
    sentences = load_sentences(path)
    # the sentences are already clean text: code them as they are, so offsets hold
    docs = (Document(id=str(n), text=s.text) for n, s in enumerate(sentences))
    result = ArgumentResult()
    for sentence, doc in zip(sentences, coder.code_documents(docs), strict=True):
        score_sentence(result, sentence, doc)
    return result


def report(r: ArgumentResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"ConfliBERT arguments: {r.sentences} sentences; source found {f['arguments_source']:.1%}"
        f" (of {r.with_source}), target found {f['arguments_target']:.1%} (of {r.with_target}),"
        f" both on one event {f['arguments_both']:.1%} (of {r.with_both})",
        markup=False,
    )
