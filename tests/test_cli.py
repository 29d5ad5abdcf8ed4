"""The command line: what a user types, what comes out, and how failures read."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()


def test_code_one_article_prints_one_json_document(samples) -> None:
    result = runner.invoke(app, ["code", str(samples / "kabul_talks_2012.txt")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == "1"
    assert doc["document"]["published"] == "2012-03-17"
    assert doc["events"] and doc["actors"]


def test_published_option_overrides_and_is_checked(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Iran expelled two British diplomats on Sunday.")
    ok = runner.invoke(app, ["code", str(path), "--published", "2011-11-27"])
    assert json.loads(ok.stdout)["document"]["published"] == "2011-11-27"
    bad = runner.invoke(app, ["code", str(path), "--published", "someday"])
    assert bad.exit_code == 1 and "not a date" in bad.stderr


def test_missing_file_exits_non_zero_with_one_line(tmp_path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "gone.txt" in lines[0] and "no such file" in lines[0]


def test_corpus_goes_on_and_reports_skips(samples) -> None:
    result = runner.invoke(app, ["code", str(samples / "corpus.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 5
    assert "corpus.jsonl:4" in result.stderr and "not valid JSON" in result.stderr
    assert "coded 5 document(s), skipped 1" in result.stderr


def test_several_files_make_a_json_list(samples) -> None:
    result = runner.invoke(app, ["code", str(samples / "kabul_talks_2012.txt"),
                                 str(samples / "gulf_diplomacy_2017.html")])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["document"]["published"] for d in docs] == ["2012-03-17", "2017-06-06"]


def test_table_shows_events_and_prints_markup_literally(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("[bold red]Envoys expelled[/bold red]\n\n"
                    "Iran expelled two British diplomats on Sunday.")
    result = runner.invoke(app, ["code", str(path), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "[bold red]Envoys expelled[/bold red]" in result.stdout  # the title, verbatim
    assert "Events" in result.stdout and "161 Reduce or break" in result.stdout


def test_explain_a_code() -> None:
    result = runner.invoke(app, ["explain", "19"])
    assert result.exit_code == 0
    assert "QuadClass 4" in result.stdout and "190" in result.stdout
    assert runner.invoke(app, ["explain", "999"]).exit_code == 1


def test_unknown_pipeline_is_a_clear_error(samples) -> None:
    result = runner.invoke(app, ["code", str(samples / "kabul_talks_2012.txt"),
                                 "--pipeline", "no_such_pipeline_pkg"])
    assert result.exit_code == 1 and "not installed" in result.stderr
