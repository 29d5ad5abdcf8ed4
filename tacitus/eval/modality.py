"""Score modality on TimeBank and AQUAINT: TimeML's polarity and modality of event instances.

TimeML marks each event instance with ``polarity`` (NEG: "did not attack", "no one was
hurt") and ``modality`` (the modal that qualifies it: "would", "could", "may", "might",
"should", "must"; a contracted "would" is written "'d", a modal phrase whole: "should have
to"). tacitus's ``negated`` is compared with NEG, its ``hypothetical`` with
those modals, as precision and recall, two ways:

- coded: the events tacitus codes (a coded event's trigger on a TimeML event);
- every instance: the modality reader (``ModalityReader.judge``) applied to every TimeML
  event's word, coded or not.

An instance that a COUNTER_FACTIVE SLINK subordinates ("failed to reach a deal", "prevented
the attack") is negated too: TimeML's polarity marks grammatical negation only, and says by
the SLINK that the event did not happen.

A coded event whose code is a refusal read from the negation of its own verb ("said it
will not lift the sanctions": 1244, asserted, since the refusal was made) says that
negation by its code, and counts as negated in the coded figures.

An instance both negated and modal ("would not tolerate") counts for the negation; tacitus
gives one modality, and a modal one it calls negated is left out of the modal recall.

The modal figure has a ceiling set by where TimeML puts the modal: on the verb it is the
auxiliary of, not on the complement it reaches ("would be allowed to leave": "allowed"), and
never on a conditional, a wish or an intended act, which TimeML says by an SLINK (CONDITIONAL,
MODAL) and which tacitus reads as hypothetical or planned. A second figure, "unrealized",
reads gold the way tacitus reads it: an instance is unrealized when it has one of those
modals, is in the future tense ("will leave"), or a MODAL or CONDITIONAL SLINK subordinates
it ("wants to leave", "plans to leave", "if they leave"); tacitus's is when it is
hypothetical or planned. No instance is left out of it (but, as for the modal figure, an
unrealized one that tacitus calls negated, whose negation is scored).
25 AQUAINT files mark nearly every instance NEG and the few negated ones POS (their polarity
is inverted: "refused to order" NEG, "does not guarantee" POS): a file whose instances are
mostly NEG is read with its polarity inverted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from tacitus.eval import share
from tacitus.eval.timeml import read_folder

# "'d" is how TimeML writes a contracted "would" ("he'd double his money"); a modal phrase
# ("should have to", "would have to") is read by its first word
MODALS = frozenset({"would", "could", "may", "might", "should", "must", "'d"})
# the SLINKs that put their event in a world not (yet) real: a wish, plan or attempt, a condition
UNREALIZING = frozenset({"MODAL", "CONDITIONAL"})
UNREALIZED = frozenset({"hypothetical", "planned"})  # tacitus's readings of such an event


@dataclass
class Counts:
    gold: int = 0
    ours: int = 0
    both: int = 0

    def add(self, gold: bool, ours: bool) -> None:
        self.gold += gold
        self.ours += ours
        self.both += gold and ours


@dataclass
class ModalityResult:
    instances: int = 0
    coded: int = 0
    inverted_files: int = 0
    neg_all: Counts = field(default_factory=Counts)
    neg_coded: Counts = field(default_factory=Counts)
    modal_all: Counts = field(default_factory=Counts)
    modal_coded: Counts = field(default_factory=Counts)
    unrealized_all: Counts = field(default_factory=Counts)
    unrealized_coded: Counts = field(default_factory=Counts)
    examples: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        out = {}
        for name, c in (("negation", self.neg_all), ("negation_coded", self.neg_coded),
                        ("modal", self.modal_all), ("modal_coded", self.modal_coded),
                        ("unrealized", self.unrealized_all),
                        ("unrealized_coded", self.unrealized_coded)):
            out[f"{name}_precision"] = share(c.both, c.ours)
            out[f"{name}_recall"] = share(c.both, c.gold)
        return out


def _modal(modality: str | None) -> bool:
    """Whether TimeML's ``modality`` attribute names one of ``MODALS`` ("could", "'d",
    "should have to"), not a necessity or an adjective ("have to", "possible")."""
    words = (modality or "").lower().split()
    return bool(words) and words[0] in MODALS


def evaluate(folder: Path, coder=None, examples: int = 0) -> ModalityResult:
    from tacitus.model import Document
    from tacitus.pipeline import default_coder

    docs = read_folder(folder)
    coder = coder or default_coder()
    result = ModalityResult()
    for doc, parsed in zip(docs, coder.nlp.pipe(d.text for d in docs), strict=True):
        events = [e for e in doc.events if e.eiid is not None]
        negs = sum(e.polarity == "NEG" for e in events)
        inverted = bool(events) and negs > len(events) / 2
        result.inverted_files += inverted
        coded = coder._assemble(Document(id=doc.name, text=doc.text, published=doc.dct), parsed)
        for e in events:
            span = parsed.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            result.instances += 1
            # a counter-factive context denies the event as "not" does ("failed to reach a
            # deal": TimeML keeps polarity for grammatical negation and says this by SLINK)
            negated = ((e.polarity == "NEG") != inverted) or "COUNTER_FACTIVE" in e.subordinated
            modal = _modal(e.modality)
            unrealized = modal or e.tense == "FUTURE" or bool(e.subordinated & UNREALIZING)
            reading = coder.modality.judge(span.root)
            ours = reading.modality
            result.neg_all.add(negated, ours == "negated")
            if not (modal and negated and ours == "negated"):
                result.modal_all.add(modal, ours == "hypothetical")
            if not (unrealized and negated and ours == "negated"):
                result.unrealized_all.add(unrealized, ours in UNREALIZED)
            if len(result.examples) < examples and ((negated != (ours == "negated")) or (
                    modal != (ours == "hypothetical") and not negated)):
                result.examples.append(f"{doc.name} [{e.text}] gold "
                                       f"{'NEG' if negated else 'POS'}/{e.modality} ours "
                                       f"{ours} "
                                       f"{[(t.text, t.dep_) for t in reading.basis]} | "
                                       f"{span.root.sent.text.strip()[:160]}")
            mine = [c for c in coded.events if c.trigger is not None
                    and c.trigger.start < e.end and e.start < c.trigger.end]
            if mine:
                result.coded += 1
                modality = mine[0].modality
                if modality in ("asserted", "reported") \
                        and "<refusal " in (mine[0].pattern or ""):
                    modality = "negated"  # "will not lift": the refusal code says the "not"
                result.neg_coded.add(negated, modality == "negated")
                if not (modal and negated and modality == "negated"):
                    result.modal_coded.add(modal, modality == "hypothetical")
                if not (unrealized and negated and modality == "negated"):
                    result.unrealized_coded.add(unrealized, modality in UNREALIZED)
    return result


def report(r: ModalityResult, console: Console) -> None:
    f = r.figures()
    console.print(
        f"TimeBank + AQUAINT: {r.instances} event instances ({r.inverted_files} files read "
        f"with their polarity inverted)\n"
        f"every instance: negation precision {f['negation_precision']:.1%}, recall "
        f"{f['negation_recall']:.1%} ({r.neg_all.gold} negated); modal (hypothetical) "
        f"precision {f['modal_precision']:.1%}, recall {f['modal_recall']:.1%} "
        f"({r.modal_all.gold} modal)\n"
        f"coded events ({r.coded}): negation precision {f['negation_coded_precision']:.1%}, "
        f"recall {f['negation_coded_recall']:.1%} ({r.neg_coded.gold} negated); modal "
        f"precision {f['modal_coded_precision']:.1%}, recall {f['modal_coded_recall']:.1%} "
        f"({r.modal_coded.gold} modal)\n"
        f"unrealized (a modal, future tense, MODAL or CONDITIONAL link; hypothetical or "
        f"planned): every instance precision {f['unrealized_precision']:.1%}, recall "
        f"{f['unrealized_recall']:.1%} ({r.unrealized_all.gold}); coded events precision "
        f"{f['unrealized_coded_precision']:.1%}, recall {f['unrealized_coded_recall']:.1%} "
        f"({r.unrealized_coded.gold})",
        markup=False,
    )
    for line in r.examples:
        console.print(line, markup=False)
