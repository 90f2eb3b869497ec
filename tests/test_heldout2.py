"""The second held-out set (tests/heldout2/) parses and can be scored end to end.

No thresholds on the scores, on purpose: the set estimates how stancemap generalises, and
asserting on its figures would invite tuning to it. See tests/heldout2/README.md.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from click.testing import CliRunner

from stancemap.cli import main
from stancemap.evaluate import Scores, evaluate, load_gold
from stancemap.issues import load_issues

HELDOUT = Path(__file__).parent / "heldout2"
MANIFEST = HELDOUT / "manifest.jsonl"
GOLD = HELDOUT / "gold.jsonl"
ISSUES = HELDOUT / "issues.yaml"
STANCES = {"support", "oppose", "neutral", "no_comment", None}
POSITION_STANCES = STANCES - {None} | {"ambiguous", "contested"}
METRICS = {"statement_recall", "statement_precision", "actor_issue_stance_recall",
           "date_accuracy", "event_type_accuracy", "position_accuracy"}


def manifest() -> list[dict[str, str]]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_manifest_lists_existing_articles() -> None:
    entries = manifest()
    assert len(entries) == 6
    for entry in entries:
        assert {"path", "published", "publisher", "title"} <= set(entry)
        assert (HELDOUT / entry["path"]).is_file()


def test_issues_file_parses_and_watches_the_five_states() -> None:
    parsed = load_issues(ISSUES)
    assert len(parsed.issues) == 6
    assert all(issue.keywords for issue in parsed.issues)
    assert parsed.watch == ["KAZ", "UZB", "KGZ", "TJK", "TKM"]


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
        assert row["issue"] in issues and row["stance"] in POSITION_STANCES


def test_expected_crossdoc_and_readme_exist() -> None:
    assert (HELDOUT / "expected_crossdoc.md").is_file()
    assert (HELDOUT / "README.md").is_file()


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
    assert names >= METRICS
    for name in METRICS:
        assert 0.0 <= getattr(scores, name) <= 1.0
    result = runner.invoke(main, ["evaluate", str(out), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "statement_recall" in result.output and "position_accuracy" in result.output
    for args in (["discrepancies", "--db", db], ["events", "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
