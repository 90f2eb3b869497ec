"""The held-out test set (tests/heldout/) parses and can be scored end to end.

Deliberately no thresholds on the scores: the set exists to estimate how stancemap generalises,
and asserting on its figures would invite tuning to it. See tests/heldout/README.md.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from click.testing import CliRunner

from stancemap.cli import main
from stancemap.evaluate import Scores, evaluate, load_gold
from stancemap.issues import load_issues

HELDOUT = Path(__file__).parent / "heldout"
MANIFEST = HELDOUT / "manifest.jsonl"
GOLD = HELDOUT / "gold.jsonl"
ISSUES = HELDOUT / "issues.yaml"
STANCES = {"support", "oppose", "neutral", "no_comment", None}


def manifest() -> list[dict[str, str]]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_manifest_lists_existing_articles() -> None:
    entries = manifest()
    assert len(entries) == 6
    for entry in entries:
        assert {"path", "published", "publisher", "title"} <= set(entry)
        assert (HELDOUT / entry["path"]).is_file()


def test_issues_file_is_the_demo_one_and_parses() -> None:
    demo = Path(__file__).parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"
    assert ISSUES.read_text(encoding="utf-8") == demo.read_text(encoding="utf-8")
    parsed = load_issues(ISSUES)
    assert parsed.issues and parsed.watch


def test_gold_parses_and_refers_to_the_set() -> None:
    statements, positions = load_gold(GOLD)
    assert statements and positions
    docs = {entry["path"] for entry in manifest()}
    issues = {i.id for i in load_issues(ISSUES).issues} | {None}
    for row in statements:
        assert row["doc"] in docs
        assert 1 <= len(row["match"]) <= 4
        assert row.get("issue") in issues and row.get("stance") in STANCES
    for row in positions:
        assert row["issue"] in issues


def test_evaluation_runs_end_to_end(tmp_path: Path) -> None:
    db, out = str(tmp_path / "h.db"), tmp_path / "out"
    runner = CliRunner()
    for args in (["ingest", "--manifest", str(MANIFEST), "--db", db],
                 ["analyze", "--issues", str(ISSUES), "--db", db],
                 ["export", "--out", str(out), "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    scores = evaluate(out, GOLD)
    assert isinstance(scores, Scores)
    names = {f.name for f in fields(Scores)}
    assert {"statement_recall", "statement_precision", "actor_issue_stance_recall",
            "date_accuracy", "event_type_accuracy", "position_accuracy"} <= names
    for name in names - {"misses", "mismatches", "n_gold_statements", "n_gold_positions"}:
        assert 0.0 <= getattr(scores, name) <= 1.0
    result = runner.invoke(main, ["evaluate", str(out), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "statement_recall" in result.output and "position_accuracy" in result.output
