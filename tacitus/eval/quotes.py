"""Score quotes and their speakers on the PolNeAR dev set (../shared/eval/quotes/polnear_dev).

Each gold attribution has a content span and, mostly, a source span. A gold attribution is
found when one of our quotes overlaps at least half of its content; its speaker is right when
one of the mentions of the actor we name overlaps the gold source span. The text is coded as
it is (no cleaning), so that offsets match the annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from tacitus.errors import InputError
from tacitus.eval import overlap, share


@dataclass
class GoldAttribution:
    content: tuple[int, int]
    source: tuple[int, int] | None


def load_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, int, int]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *_ = line.split("\t")
            kind, *offsets = re.split(r"[ ;]", info)
            spans[tid] = (kind, int(offsets[0]), int(offsets[-1]))
        elif line.startswith("E"):
            roles = dict(part.split(":") for part in line.split("\t")[1].split())
            content = spans.get(roles.get("Content", ""))
            source = spans.get(roles.get("Source", ""))
            if content:
                out.append(GoldAttribution(content[1:], source[1:] if source else None))
    return out


@dataclass
class QuoteResult:
    gold: int = 0
    found: int = 0
    ours: int = 0
    ours_matched: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def figures(self) -> dict[str, float]:
        return {"quote_recall": share(self.found, self.gold),
                "quote_precision": share(self.ours_matched, self.ours),
                "quote_speaker_accuracy": share(self.speaker_right, self.with_source)}


def evaluate(folder: Path, coder=None) -> QuoteResult:
    from tacitus.model import Document
    from tacitus.pipeline import default_coder

    anns = sorted((Path(folder) / "attributions").glob("*.ann"))
    if not anns:
        raise InputError(str(folder), "no attributions/*.ann files")
    coder = coder or default_coder()
    docs, golds = [], []
    for ann in anns:
        text_path = Path(folder) / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
        if not text_path.exists():
            raise InputError(str(text_path), "no text for the annotation file")
        docs.append(Document(id=ann.stem, text=text_path.read_text(encoding="utf-8")))
        golds.append(load_ann(ann))
    result = QuoteResult()
    for gold, coded in zip(golds, coder.code_documents(docs), strict=True):
        mentions = {a.id: [(m.start, m.end) for m in a.mentions] for a in coded.actors}
        spans = [(q.start, q.end) for q in coded.quotes]
        result.ours += len(spans)
        result.ours_matched += sum(any(overlap(s, g.content) for g in gold) for s in spans)
        for g in gold:
            result.gold += 1
            size = g.content[1] - g.content[0]
            match = max(coded.quotes, key=lambda q: overlap((q.start, q.end), g.content),
                        default=None)
            if match is None or overlap((match.start, match.end), g.content) * 2 < size:
                continue
            result.found += 1
            if g.source is None:
                continue
            result.with_source += 1
            if match.speaker and any(overlap(m, g.source) for m in mentions[match.speaker]):
                result.speaker_right += 1
    return result


def report(r: QuoteResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"PolNeAR dev: {r.gold} attributions; found {r.found} ({f['quote_recall']:.1%}); "
        f"{r.ours} quotes coded, {f['quote_precision']:.1%} of them on a gold attribution\n"
        f"speaker right on {f['quote_speaker_accuracy']:.1%} of the {r.with_source} found "
        f"attributions that name a source",
        markup=False,
    )
