"""The evaluation gate: floors, what fails it, the changelog rule and the table in
docs/evaluation.md."""

from __future__ import annotations

import json

import pytest

from tacitus.eval import gate


def _measured(**figures: float) -> gate.Measured:
    return gate.Measured(figures=figures, digests={"events/x.txt": "abc"}, missing=[])


BASE = {"figures": {"plover_type_accuracy": 0.60, "conflibert_accuracy": 0.55},
        "digests": {"events/x.txt": "abc"}}


def test_a_figure_below_its_floor_fails_and_is_named() -> None:
    verdict = gate.compare(_measured(plover_type_accuracy=0.50, conflibert_accuracy=0.55), BASE)
    assert not verdict.ok
    assert verdict.fell == ["plover_type_accuracy fell from 0.6000 to 0.5000 "
                            "(PLOVER type right, share of all records)"]


def test_within_tolerance_passes_and_a_rise_is_reported() -> None:
    verdict = gate.compare(_measured(plover_type_accuracy=0.597, conflibert_accuracy=0.60), BASE)
    assert verdict.ok and verdict.rose == ["conflibert_accuracy rose from 0.5500 to 0.6000"]


def test_changed_evaluation_data_is_not_compared_silently() -> None:
    measured = gate.Measured({"plover_type_accuracy": 0.9}, {"events/x.txt": "other"}, [])
    verdict = gate.compare(measured, BASE)
    assert not verdict.ok and verdict.changed_data == ["events/x.txt"]


def test_lowering_a_floor_needs_a_flag_and_a_reason(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(gate, "CHANGELOG", tmp_path / "CHANGELOG.md")
    path = tmp_path / "baseline.json"
    lower = _measured(plover_type_accuracy=0.40)
    with pytest.raises(ValueError, match="plover_type_accuracy"):
        gate.update(lower, BASE, path=path)
    with pytest.raises(ValueError):
        gate.update(lower, BASE, allow_lower=True, path=path)
    new = gate.update(lower, BASE, allow_lower=True, reason="new gold file", path=path)
    assert json.loads(path.read_text())["figures"]["plover_type_accuracy"] == 0.40
    assert new["figures"]["conflibert_accuracy"] == 0.55  # untouched floors are kept
    assert "plover_type_accuracy: new gold file" in (tmp_path / "CHANGELOG.md").read_text()


def test_raising_floors_needs_no_flag(tmp_path) -> None:
    path = tmp_path / "baseline.json"
    new = gate.update(_measured(plover_type_accuracy=0.7), BASE, path=path)
    assert new["figures"]["plover_type_accuracy"] == 0.7


def test_evaluation_table_is_the_committed_baseline() -> None:
    baseline = gate.load_baseline()
    assert baseline["figures"], "eval/baseline.json is missing or empty"
    block = gate.table_block(gate.EVALUATION_DOC.read_text(encoding="utf-8"))
    assert block == gate.evaluation_table(baseline), \
        "the table in docs/evaluation.md is stale: run `tacitus eval gate --update`"


def test_write_table_replaces_only_the_marked_block(tmp_path) -> None:
    doc = tmp_path / "evaluation.md"
    doc.write_text(f"# Evaluation\n\n{gate.TABLE_START}\nold\n{gate.TABLE_END}\n\nAfter.\n")
    gate.write_table(BASE, path=doc)
    assert doc.read_text() == f"# Evaluation\n\n{gate.evaluation_table(BASE)}\n\nAfter.\n"
    (tmp_path / "bare.md").write_text("no markers\n")
    with pytest.raises(ValueError, match="no evaluation table markers"):
        gate.write_table(BASE, path=tmp_path / "bare.md")


def test_a_broken_verb_pattern_file_fails_the_gate(shared, broken_data) -> None:
    """Delete every pattern for CAMEO root 19 (fight): the PLOVER figures must fall."""
    from tacitus.pipeline import Coder

    path = broken_data / "verb_patterns.yaml"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if 'code: "19' not in ln))
    plover = next(e for e in gate.EVALUATIONS if e.name == "plover")
    figures = plover.run(shared / "eval" / plover.relative, Coder())
    measured = gate.Measured(figures, {}, [])
    verdict = gate.compare(measured, gate.load_baseline())
    assert any(line.startswith("plover_type_accuracy fell") for line in verdict.fell), verdict


def test_a_broken_actor_entry_fails_the_gate(shared, broken_data) -> None:
    """Strip the United States of its names: the PLOVER actor figures must fall."""
    from tacitus.pipeline import Coder

    path = broken_data / "actors" / "countries.yaml"
    text = path.read_text()
    start = text.index("  - code: USA\n")
    end = text.index("    capital:", start)
    path.write_text(text[:start] + "  - code: USA\n    name: Usonia\n" + text[end:])
    plover = next(e for e in gate.EVALUATIONS if e.name == "plover")
    figures = plover.run(shared / "eval" / plover.relative, Coder())
    verdict = gate.compare(gate.Measured(figures, {}, []), gate.load_baseline())
    assert any(line.startswith(("plover_source_accuracy fell", "plover_target_accuracy fell"))
               for line in verdict.fell), verdict


def test_a_dip_within_tolerance_keeps_its_floor_when_others_rise(tmp_path) -> None:
    new = gate.update(_measured(plover_type_accuracy=0.70, conflibert_accuracy=0.548), BASE,
                      path=tmp_path / "baseline.json")
    assert new["figures"] == {"plover_type_accuracy": 0.70, "conflibert_accuracy": 0.55}
