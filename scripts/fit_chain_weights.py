"""Fit the salience weights of actor chains (``weights`` in tacitus/data/chains.yaml) on GAP.

For each GAP pronoun, every earlier mention that agrees with it is a candidate, described by
``Chains.features`` as they were when the pronoun was resolved; the chains pick the candidate
whose weighted features sum highest, and GAP scores that pick by F1 over the A/B decisions.
Coordinate ascent over a grid of weights maximises that F1 on the first file; the script prints
the weights as the YAML block to paste into chains.yaml, with their F1 on every file given, so
a reviewer sees whether a file not fitted on (the validation file) agrees. Run it from the
repository root:

    .venv/bin/python scripts/fit_chain_weights.py ../shared/eval/coref/gap/gap-development.tsv \
        ../shared/eval/coref/gap/gap-validation.tsv

Needs numpy (installed with spaCy). Same input, same weights: the search is deterministic.
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


def cases(path: Path) -> tuple[list[Case], list[str]]:
    Chains.TRACE = True
    coder = default_coder()
    rows = load_rows(path)
    out: list[Case] = []
    names: list[str] = []
    for row, doc in zip(rows, coder.nlp.pipe(r.text for r in rows), strict=True):
        book = ActorBook(doc, coder.dictionary, None)
        tok = next((t for t in doc if t.idx == row.pronoun[0]), None)
        if tok is None:
            continue

        found = book.chains.traced.get(tok.i, [])
        names = names or (list(found[0][1]) if found else [])
        width = len(found[0][1]) if found else 1
        out.append(Case(np.array([list(f.values()) for _, f in found]).reshape(len(found), width),
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


def fit(data: list[Case], start: np.ndarray, rounds: int = 4) -> np.ndarray:
    grid = np.round(np.arange(-2.0, 2.01, 0.1), 2)
    w = start.copy()
    for _ in range(rounds):
        for k in range(len(w)):
            scores = []
            for v in grid:
                trial = w.copy()
                trial[k] = v
                scores.append(f1(trial, data))
            best = max(scores)  # ties: the value nearest the current one
            w[k] = min((v for v, s in zip(grid, scores, strict=True) if s == best),
                       key=lambda v, k=k: abs(v - w[k]))
    return w


def main() -> None:
    from tacitus.data import load_chain_words

    files = [Path(p) for p in sys.argv[1:]]
    data, names = cases(files[0])
    current = load_chain_words().weights
    start = np.array([current.get(n, 0.0) for n in names])
    w = fit(data, start)
    print(f"# F1 before {f1(start, data):.3f}, after {f1(w, data):.3f} on {files[0].name}")
    for other in files[1:]:
        held, _ = cases(other)
        print(f"# {other.name} (not fitted on): before {f1(start, held):.3f}, "
              f"after {f1(w, held):.3f}")
    print("weights:")
    for name, value in zip(names, w, strict=True):
        print(f"  {name}: {value:.1f}")


if __name__ == "__main__":
    main()
