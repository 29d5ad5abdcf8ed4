"""Judge the records of the merge check set by hand (tests/fixtures/merge_checkset.json).

    python scripts/annotate_merge.py list [ARTICLE ...]     # records, numbered, to judge
    python scripts/annotate_merge.py set ARTICLE 1=a 2=a 3=- 4=b ...
    python scripts/annotate_merge.py score                  # before and after merging

ARTICLE is a path under ../shared, or ``file#id`` for one MUC-4 message or one WikiEvents
document ("eval/events/wikievents/dev.jsonl#road_ied_8"). ``list`` codes each article one
passage at a time and prints every record with its number, its sentence, the label it has
(``?`` when unjudged) and the group the merge puts it in. ``set`` gives records labels by
number: one letter or word per real event, the same for every record of that event, "-"
for a record that is no event. The fixture keeps offsets and codes only, never text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tacitus.eval import checkset  # noqa: E402


def _fixture() -> dict:
    if checkset.FIXTURE.exists():
        return checkset.load_fixture()
    return {"description": "see tacitus/eval/checkset.py", "articles": []}


def _save(fixture: dict) -> None:
    checkset.FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    lines = ['{', f'  "description": {json.dumps(fixture["description"])},',
             '  "articles": [']
    for i, a in enumerate(fixture["articles"]):
        recs = ",\n".join(f'      {{"key": {json.dumps(r["key"])}, "label": '
                          f'{json.dumps(r["label"])}}}' for r in a["records"])
        end = "," if i < len(fixture["articles"]) - 1 else ""
        lines.append(f'    {{"article": {json.dumps(a["article"])}, "records": [\n{recs}\n'
                     f'    ]}}{end}')
    lines += ['  ]', '}']
    checkset.FIXTURE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _coded(refs: list[str]):
    from tacitus.pipeline import Coder

    coder = Coder(merge=False)
    return {ref: coder.code_document(checkset.read_article(SHARED, ref)) for ref in refs}


def list_records(refs: list[str]) -> None:
    from tacitus.events.merge import group_events

    fixture = _fixture()
    known = {a["article"]: checkset.labels_of(a) for a in fixture["articles"]}
    refs = refs or [a["article"] for a in fixture["articles"]]
    for ref, doc in _coded(refs).items():
        text = doc.document.text
        names = {a.id: a.code or a.name for a in doc.actors}
        group_of = {id(m): g for g, ms in enumerate(
            group_events(doc.events, doc.actors, text), start=1) for m in ms}
        sents = sorted({e.sentence for e in doc.events})
        print(f"## {ref}: {len(doc.events)} records, sentences {sents[:1]}..{sents[-1:]}")
        for n, e in enumerate(doc.events, start=1):
            label = checkset.label(known.get(ref, {}), e) or "?"
            date = e.date.value if e.date else "-"
            print(f"{n:3} [{label}] g{group_of[id(e)]:<3} s{e.sentence:<3} "
                  f"{names.get(e.source, '-')} {e.cameo} {names.get(e.target, '-')} "
                  f"{e.modality} {date} | {text[e.evidence.start:e.evidence.end][:100]!r}")


def set_labels(ref: str, pairs: list[str]) -> None:
    fixture = _fixture()
    doc = _coded([ref])[ref]
    article = next((a for a in fixture["articles"] if a["article"] == ref), None)
    if article is None:
        article = {"article": ref, "records": []}
        fixture["articles"].append(article)
    by_key = {tuple(r["key"]): r for r in article["records"]}
    for pair in pairs:
        n, _, label = pair.partition("=")
        e = doc.events[int(n) - 1]
        k = checkset.key(e)
        if tuple(k) in by_key:
            by_key[tuple(k)]["label"] = label
        else:
            record = {"key": k, "label": label}
            article["records"].append(record)
            by_key[tuple(k)] = record
    article["records"].sort(key=lambda r: r["key"])
    _save(fixture)


def score() -> None:
    fixture = _fixture()
    coded = checkset.raw_coded(SHARED, fixture)
    text_of = {ref: d.document.text for ref, d in coded.items()}
    for merged in (False, True):
        print("merged:" if merged else "one record per passage (before merging):")
        print(checkset.report(checkset.score(fixture, coded, merged=merged), text_of))


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("list", "set", "score"):
        print(__doc__)
        raise SystemExit(2)
    if argv[0] == "list":
        list_records(argv[1:])
    elif argv[0] == "set":
        set_labels(argv[1], argv[2:])
    else:
        score()


if __name__ == "__main__":
    main(sys.argv[1:])
