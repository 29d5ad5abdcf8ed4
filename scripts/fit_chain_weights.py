"""Fit the salience weights of actor chains (``weights`` in tacitus/data/chains.yaml) on GAP.

For each GAP pronoun, every earlier mention that agrees with it is a candidate, described by
``Chains.features`` as they were when the pronoun was resolved; the chains pick the candidate
whose weighted features sum highest, and GAP scores that pick by F1 over the A/B decisions.
The weights are those of a conditional logit (a softmax over each pronoun's candidates, the
gold actor's mentions the right answers) fitted on the first file, with an L2 penalty that
pulls each weight towards the one chains.yaml ships (a feature new to the file starts at 0):
a small learned ranker that moves the hand weights only as far as the data asks. The script
prints the weights as the YAML block to paste into chains.yaml, with their F1 on every file
given, so a reviewer sees whether a file not fitted on (the validation file) agrees. Fit on
the development file only; the validation file is the held-out judge. Besides every feature,
the ranker weighs the products of the pairs of features that chains.yaml names "a*b" (a
subject that is also a name, a name in the pronoun's own sentence): a few interactions a
linear score cannot express. Run it from the repository root:

    .venv/bin/python scripts/fit_chain_weights.py ../shared/eval/coref/gap/gap-development.tsv \
        ../shared/eval/coref/gap/gap-validation.tsv

``--l2 N`` sets the pull towards the shipped weights (3, as shipped, by default). Paste
all but ``gender_clash``, which is hand-set (chains.yaml says why).

Needs numpy (installed with spaCy). Same input, same weights: the fit (Adam, a fixed number of
steps from the shipped weights) is deterministic.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tacitus.actors import ActorBook
from tacitus.actors.chains import Chains
from tacitus.eval import overlap
from tacitus.eval.coref import load_rows
from tacitus.pipeline import default_coder


@dataclass
class Case:
    features: np.ndarray  # one row per candidate mention
    keys: list[str]  # the candidate's actor
    a: str | None  # the actors of names A and B
    b: str | None
    gold_a: bool
    gold_b: bool


def _actor_at(book: ActorBook, span: tuple[int, int]) -> str | None:
    """The actor with the mention that overlaps ``span`` most (as the GAP scorer reads it)."""
    best, most = None, 0
    for key, rec in book.records.items():
        for m in rec.mentions:
            if overlap(m, span) > most:
                best, most = key, overlap(m, span)
    return best


def columns(features: dict[str, float], names: list[str]) -> list[float]:
    """One candidate's row: each feature, and the product for each "a*b" pair term."""
    out = []
    for name in names:
        a, _, b = name.partition("*")
        out.append(features[a] * (features[b] if b else 1.0))
    return out


def cases(path: Path, pairs: list[str], docs: list | None = None
          ) -> tuple[list[Case], list[str]]:
    """Each GAP row's pronoun with its candidates' features (``docs``: the rows' parses, to
    reuse them; parsed here when not given)."""
    Chains.TRACE = True
    coder = default_coder()
    rows = load_rows(path)
    parsed = docs if docs is not None else coder.nlp.pipe(r.text for r in rows)
    out: list[Case] = []
    names: list[str] = []
    for row, doc in zip(rows, parsed, strict=True):
        book = ActorBook(doc, coder.dictionary, None)
        tok = next((t for t in doc if t.idx == row.pronoun[0]), None)
        if tok is None:
            continue
        found = book.chains.traced.get(tok.i, [])
        names = names or ([*found[0][1], *pairs] if found else [])
        out.append(Case(np.array([columns(f, names) for _, f in found]).reshape(
                            len(found), len(names) or 1),
                        [k for k, _ in found], _actor_at(book, row.a), _actor_at(book, row.b),
                        row.gold_a, row.gold_b))
    return out, names


def f1(w: np.ndarray, data: list[Case]) -> float:
    tp = fp = fn = 0
    for c in data:
        pick = c.keys[int(np.argmax(c.features @ w))] if c.keys else None
        for key, gold in ((c.a, c.gold_a), (c.b, c.gold_b)):
            said = pick is not None and key == pick
            tp += said and gold
            fp += said and not gold
            fn += gold and not said
    return 2 * tp / max(1, 2 * tp + fp + fn)


def fit(data: list[Case], prior: np.ndarray, l2: float = 3.0, steps: int = 800
        ) -> np.ndarray:
    """The conditional-logit weights: each pronoun's candidates compete in a softmax, and the
    mentions of its gold actor (of neither name, where GAP says neither) share the right
    answer; pronouns with only right or only wrong candidates teach nothing and are left out."""
    blocks, right = [], []
    for c in data:
        gold = c.a if c.gold_a else c.b if c.gold_b else None
        if gold is None and (c.gold_a or c.gold_b):
            continue  # the gold name is no mention: nothing to rank
        pos = np.array([k == gold if gold else k not in (c.a, c.b) for k in c.keys], bool)
        if pos.any() and not pos.all():
            blocks.append(c.features)
            right.append(pos)
    x, pos = np.vstack(blocks), np.concatenate(right)
    starts = np.cumsum([0] + [len(b) for b in blocks[:-1]])
    group = np.repeat(np.arange(len(blocks)), [len(b) for b in blocks])
    w, m1, m2 = prior.copy(), np.zeros_like(prior), np.zeros_like(prior)
    for t in range(1, steps + 1):
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[group])
        good = e * pos
        coef = good / np.add.reduceat(good, starts)[group] - e / np.add.reduceat(e, starts)[group]
        grad = (l2 * (w - prior) - coef @ x) / len(blocks)
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= 0.05 * (m1 / (1 - 0.9**t)) / (np.sqrt(m2 / (1 - 0.999**t)) + 1e-8)
    return w


def main() -> None:
    from tacitus.data import load_chain_words

    args = sys.argv[1:]
    l2 = 3.0
    if "--l2" in args:
        at = args.index("--l2")
        l2 = float(args[at + 1])
        del args[at:at + 2]
    files = [Path(p) for p in args]
    current = load_chain_words().weights
    pairs = [k for k in current if "*" in k]
    data, names = cases(files[0], pairs)
    start = np.array([current.get(n, 0.0) for n in names])
    w = fit(data, start, l2)
    print(f"# F1 before {f1(start, data):.3f}, after {f1(w, data):.3f} on {files[0].name}")
    for other in files[1:]:
        held, _ = cases(other, pairs)
        print(f"# {other.name} (not fitted on): before {f1(start, held):.3f}, "
              f"after {f1(w, held):.3f}")
    print("weights:")
    for name, value in zip(names, w, strict=True):
        print(f"  {name}: {value:.2f}")


if __name__ == "__main__":
    main()
