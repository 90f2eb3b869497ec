"""The scorer on a tiny synthetic export and gold set (no pipeline run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from stancemap.evaluate import GOLD, evaluate, load_gold, main

ISSUE = "recognize-annexation-2022"
S1 = "The ministry in Astana said the votes would not be recognised."
S2 = "Officials in Bishkek have said nothing about the votes."
S3 = "The weather in Astana was mild."


def state(code: str) -> dict[str, Any]:
    return {"id": code, "name": code, "type": "state", "country": code, "sector": None}


def stmt(sentence: str, actor: dict[str, Any], stance: str | None, date: str | None,
         issue: str | None = ISSUE, event_type: str = "STATEMENT") -> dict[str, Any]:
    return {"id": f"s{abs(hash((sentence, actor['id'], stance, date)))}", "doc": "d1",
            "sentence": sentence, "start": 0, "end": len(sentence), "actor": actor,
            "target": None, "event_type": event_type, "issue": issue, "stance": stance,
            "date": date, "reported_by": None, "modality": "asserted", "confidence": 0.9}


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    return write(tmp_path / "gold.jsonl", [
        {"kind": "statement", "doc": "a.txt", "match": ["astana", "recognised"], "actor": "KAZ",
         "issue": ISSUE, "stance": "oppose", "date": "2022-09", "event_type": "STATEMENT"},
        {"kind": "statement", "doc": "a.txt", "match": ["bishkek"], "actor": "KGZ",
         "issue": ISSUE, "stance": "no_comment", "date": "2022-10-03"},
        {"kind": "position", "actor": "KAZ", "issue": ISSUE, "stance": "oppose",
         "accept": ["ambiguous"]},
        {"kind": "position", "actor": "KGZ", "issue": ISSUE, "stance": "no_comment"},
    ])


def export(tmp_path: Path, statements: list[dict[str, Any]],
           positions: list[tuple[str, str]]) -> Path:
    out = tmp_path / "export"
    out.mkdir(exist_ok=True)
    write(out / "documents.jsonl", [{"id": "d1", "uri": "/corpus/news/a.txt", "text": ""}])
    write(out / "statements.jsonl", statements)
    write(out / "positions.jsonl", [{"actor": state(a), "issue": ISSUE, "stance": s}
                                    for a, s in positions])
    return out


def test_perfect_export_scores_one(tmp_path: Path, gold: Path) -> None:
    out = export(tmp_path, [stmt(S1, state("KAZ"), "oppose", "2022-09"),
                            stmt(S2, state("KGZ"), "no_comment", "2022-10-03"),
                            stmt(S3, state("KAZ"), "support", None)],
                 [("KAZ", "oppose"), ("KGZ", "no_comment")])
    scores = evaluate(out, gold)
    assert scores.statement_recall == 1.0
    assert scores.statement_precision == 1.0  # the un-annotated sentence S3 is not counted
    assert scores.actor_issue_stance_recall == 1.0
    assert scores.date_accuracy == scores.event_type_accuracy == 1.0
    assert scores.position_accuracy == 1.0
    assert (scores.n_gold_statements, scores.n_gold_positions) == (2, 2)
    assert scores.misses == []


def test_wrong_stance_is_a_miss(tmp_path: Path, gold: Path) -> None:
    out = export(tmp_path, [stmt(S1, state("KAZ"), "support", "2022-09"),
                            stmt(S2, state("KGZ"), "no_comment", "2022-10-03")],
                 [("KAZ", "oppose"), ("KGZ", "no_comment")])
    scores = evaluate(out, gold)
    assert scores.statement_recall == 0.5
    assert scores.statement_precision == 0.5
    assert len(scores.misses) == 1
    assert "KAZ" in scores.misses[0] and f"found {ISSUE}/support" in scores.misses[0]


def test_wrong_actor_and_missing_sentence_are_reported(tmp_path: Path, gold: Path) -> None:
    out = export(tmp_path, [stmt(S1, state("RUS"), "oppose", "2022-09")], [])
    scores = evaluate(out, gold)
    assert scores.statement_recall == 0.0
    assert any("no statement by KAZ (only RUS)" in m for m in scores.misses)
    assert any("no statement on that sentence" in m for m in scores.misses)


def test_missing_position_counts_as_wrong(tmp_path: Path, gold: Path) -> None:
    out = export(tmp_path, [stmt(S1, state("KAZ"), "oppose", "2022-09")], [("KAZ", "ambiguous")])
    scores = evaluate(out, gold)
    assert scores.position_accuracy == 0.5  # KAZ accepted via "accept", KGZ missing
    assert "position KGZ" in scores.misses[-1] and "no position" in scores.misses[-1]
    empty = export(tmp_path, [], [])
    assert evaluate(empty, gold).position_accuracy == 0.0


def test_dates_compare_at_the_gold_precision(tmp_path: Path, gold: Path) -> None:
    too_precise = export(tmp_path, [stmt(S1, state("KAZ"), "oppose", "2022-09-26")], [])
    scores = evaluate(too_precise, gold)
    assert scores.statement_recall == 0.5 and scores.date_accuracy == 0.0
    same = export(tmp_path, [stmt(S1, state("KAZ"), "oppose", "2022-09-26"),
                             stmt(S1, state("KAZ"), "oppose", "2022-09")], [])
    assert evaluate(same, gold).date_accuracy == 1.0


def test_person_of_a_state_counts_for_the_state(tmp_path: Path, gold: Path) -> None:
    person = {"id": "person:aibek-smadiyarov", "name": "Aibek Smadiyarov", "type": "person",
              "country": "KAZ", "sector": None}
    scores = evaluate(export(tmp_path, [stmt(S1, person, "oppose", "2022-09")], []), gold)
    assert scores.statement_recall == 0.5


def test_main_prints_a_table(tmp_path: Path, gold: Path, capsys: pytest.CaptureFixture[str]
                             ) -> None:
    out = export(tmp_path, [stmt(S1, state("KAZ"), "support", "2022-09")], [])
    assert main([str(out), "--gold", str(gold), "--verbose"]) == 0
    printed = capsys.readouterr().out
    assert "statement_recall" in printed and "0.000" in printed and "  - statement" in printed
    assert main([str(tmp_path / "missing")]) == 1


def test_bundled_gold_set_is_well_formed() -> None:
    statements, positions = load_gold(GOLD)
    assert len(statements) >= 50 and positions
    for g in statements:
        assert 1 <= len(g["match"]) <= 4
        assert all(w == w.lower() and " " not in w for w in g["match"])
