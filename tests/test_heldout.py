"""The held-out sets (tests/heldout/, heldout2/, heldout3/) parse and can be scored end to end.

No thresholds on the scores, on purpose: the sets estimate how stancemap generalises, and
asserting on their figures would invite tuning to them. See each set's README.md.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.cli import main
from stancemap.evaluate import Scores, evaluate, load_gold
from stancemap.issues import load_issues

SETS = [Path(__file__).parent / name for name in ("heldout", "heldout2", "heldout3")]
STANCES = {"support", "oppose", "neutral", "no_comment", None}
POSITION_STANCES = STANCES - {None} | {"ambiguous", "contested"}
METRICS = {"statement_recall", "statement_precision", "actor_issue_stance_recall",
           "date_accuracy", "event_type_accuracy", "position_accuracy"}

heldout_sets = pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])


def manifest(folder: Path) -> list[dict[str, str]]:
    text = (folder / "manifest.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@heldout_sets
def test_manifest_lists_existing_articles(folder: Path) -> None:
    entries = manifest(folder)
    assert 6 <= len(entries) <= 8
    for entry in entries:
        assert {"path", "published", "publisher", "title"} <= set(entry)
        assert (folder / entry["path"]).is_file()
    assert (folder / "README.md").is_file()


@heldout_sets
def test_issues_file_parses_and_watches_the_five_states(folder: Path) -> None:
    parsed = load_issues(folder / "issues.yaml")
    assert len(parsed.issues) == 6 and all(issue.keywords for issue in parsed.issues)
    assert parsed.watch == ["KAZ", "UZB", "KGZ", "TJK", "TKM"]


@heldout_sets
def test_gold_parses_and_refers_to_the_set(folder: Path) -> None:
    statements, positions = load_gold(folder / "gold.jsonl")
    assert statements and positions
    docs = {entry["path"] for entry in manifest(folder)}
    issues = {i.id for i in load_issues(folder / "issues.yaml").issues} | {None}
    for row in statements:
        assert row["doc"] in docs
        assert 1 <= len(row["match"]) <= 4
        assert row.get("issue") in issues and row.get("stance") in STANCES
    for row in positions:
        assert row["issue"] in issues and row["stance"] in POSITION_STANCES


def test_the_later_sets_state_their_cross_document_findings() -> None:
    for folder in SETS[1:]:
        assert (folder / "expected_crossdoc.md").is_file()


@heldout_sets
def test_evaluation_runs_end_to_end(folder: Path, tmp_path: Path) -> None:
    db, out, gold = str(tmp_path / "h.db"), tmp_path / "out", folder / "gold.jsonl"
    runner = CliRunner()
    for args in (["ingest", "--manifest", str(folder / "manifest.jsonl"), "--db", db],
                 ["analyze", "--issues", str(folder / "issues.yaml"), "--db", db],
                 ["export", "--out", str(out), "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    scores = evaluate(out, gold)
    assert isinstance(scores, Scores) and {f.name for f in fields(Scores)} >= METRICS
    for name in METRICS:
        assert 0.0 <= getattr(scores, name) <= 1.0
    result = runner.invoke(main, ["evaluate", str(out), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "statement_recall" in result.output and "position_accuracy" in result.output
    for args in (["discrepancies", "--db", db], ["events", "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
