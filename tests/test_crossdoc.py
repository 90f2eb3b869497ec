"""Across documents, end to end: small multi-article corpora where outlets report the same
events differently, and the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.api import Stancemap
from stancemap.cli import main
from stancemap.demo import corpus_dir

FIXTURES = Path(__file__).parent / "fixtures" / "crossdoc"
ISSUES = corpus_dir() / "issues.yaml"


def analysed(tmp_path: Path, name: str) -> Stancemap:
    app = Stancemap(str(tmp_path / f"{name}.db"))
    app.ingest([str(FIXTURES / f"{name}.jsonl")])
    app.analyze(issues=ISSUES)
    return app


def test_conflicting_readouts_of_one_call(tmp_path: Path) -> None:
    with analysed(tmp_path, "readouts") as app:
        calls = [e for e in app.events() if e.kind == "call"]
        assert len(calls) == 1 and len(calls[0].docs) == 2 and calls[0].date == "2023-05-12"
        assert {"TJK", "RUS"} <= {a.id for a in calls[0].actors}
        [d] = app.discrepancies("conflicting_accounts")
        assert d.issue == "support-russia-war" and d.date == "2023-05-12"
        assert set(d.docs) == set(calls[0].docs)
        assert "Russia's account (Kremlin Wire) says Tajikistan supported" in d.summary
        assert "Tajikistan's own account of the call (Dushanbe Daily)" in d.summary
        position = next(p for p in app.store.positions()
                        if (p.actor.id, p.issue) == ("TJK", "support-russia-war"))
        assert position.stance == "contested"
        assert set(d.statements) <= set(position.evidence)


def test_a_readout_that_only_says_they_discussed(tmp_path: Path) -> None:
    with analysed(tmp_path, "discussed") as app:
        [call] = [e for e in app.events() if len(e.docs) == 2]
        assert call.kind == "call" and call.date == "2022-09-29"
        [d] = app.discrepancies()
        assert d.kind == "conflicting_accounts" and set(d.docs) == set(call.docs)
        assert "Uzbekistan's own account of the call (Fergana Herald)" in d.summary


def test_consistent_readouts_and_a_later_call(tmp_path: Path) -> None:
    with analysed(tmp_path, "consistent") as app:
        calls = sorted((e for e in app.events() if e.kind == "call"), key=lambda e: e.date or "")
        assert [(e.date, len(e.docs)) for e in calls] == [("2023-03-06", 2), ("2023-03-13", 1)]
        assert app.discrepancies() == []


def test_numeric_series_and_disagreement(tmp_path: Path) -> None:
    with analysed(tmp_path, "numbers") as app:
        series = app.claim_series()
        [arrivals] = [s for s in series.values() if len({c.doc for c, _ in s}) == 3]
        assert sorted((c.as_of, c.value) for c, _ in arrivals) == [
            ("2023-04-03", 50_000), ("2023-04-11", 60_000), ("2023-04-11", 120_000)]
        assert all(c.since == "2023-03-01" for c, _ in arrivals)
        [d] = app.discrepancies()
        assert d.kind == "numeric" and d.date == "2023-04-11"
        assert "more than 120,000" in d.summary and "some 60,000" in d.summary
        others = [s for s in series.values() if s is not arrivals]
        assert all(len(s) == 1 for s in others)  # departures and permits are other quantities


def test_exports_follow_the_contract(tmp_path: Path) -> None:
    with analysed(tmp_path, "readouts") as app:
        app.export(tmp_path / "out")
    fields = {"discrepancies": {"id", "kind", "summary", "statements", "docs", "actors", "date"},
              "events": {"id", "event_type", "date", "actors", "statements", "docs"},
              "claims": {"id", "doc", "sentence", "subject", "value", "unit", "as_of", "source",
                         "group"}}
    statements = {json.loads(line)["id"] for line in
                  (tmp_path / "out" / "statements.jsonl").read_text().splitlines()}
    for name, required in fields.items():
        rows = [json.loads(line) for line in
                (tmp_path / "out" / f"{name}.jsonl").read_text().splitlines()]
        assert all(required <= set(r) for r in rows)
        for r in rows:
            assert set(r.get("statements", [])) <= statements
            assert all({"id", "name", "type", "country", "sector"} == set(a)
                       for a in r.get("actors", []))
    assert (tmp_path / "out" / "discrepancies.jsonl").read_text().strip()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Stancemap:
    app = Stancemap(str(tmp_path_factory.mktemp("crossdemo") / "demo.db"))
    app.ingest([], manifest=corpus_dir() / "manifest.jsonl")
    app.analyze(issues=ISSUES)
    yield app
    app.close()


def _doc(app: Stancemap, prefix: str) -> str:
    return next(d.id for d in app.store.iter_documents() if Path(d.uri or "").name
                .startswith(prefix))


def test_demo_numeric_series(demo: Stancemap) -> None:
    d07, d08, d06 = _doc(demo, "07"), _doc(demo, "08"), _doc(demo, "06")
    numeric = demo.discrepancies("numeric")
    assert [set(d.docs) for d in numeric] == [{d07, d08}]
    assert "200,000" in numeric[0].summary and "more than 100,000" in numeric[0].summary
    series = [s for s in demo.claim_series().values() if {c.doc for c, _ in s} >= {d06, d07}]
    assert series, "98,000 then 200,000: one growing series"
    tonnes = [c for s in demo.claim_series().values() for c, _ in s if c.unit == "tonne"]
    assert len({c.group for c in tonnes}) == len(tonnes)  # Uzbek and Kazakh aid stay apart


def test_demo_conflicting_readouts_of_the_japarov_putin_call(demo: Stancemap) -> None:
    d04, d05 = _doc(demo, "04"), _doc(demo, "05")
    calls = [e for e in demo.events() if e.kind == "call" and {d04, d05} <= set(e.docs)]
    assert len(calls) == 1 and calls[0].date == "2022-02-26"
    conflicts = [d for d in demo.discrepancies("conflicting_accounts")
                 if {d04, d05} <= set(d.docs)]
    assert len(conflicts) == 1 and conflicts[0].issue == "support-russia-war"
    assert [a.id for a in conflicts[0].actors][:2] == ["KGZ", "RUS"]


def test_discrepancies_command_quotes_both_sides(demo: Stancemap) -> None:
    result = CliRunner().invoke(main, ["discrepancies", "--db", demo.settings.db])
    assert result.exit_code == 0, result.output
    assert "[numeric]" in result.output and "Some 200,000 Russian" in result.output
    assert "More than 100,000 Russian" in result.output
    empty = CliRunner().invoke(main, ["discrepancies", "--db", demo.settings.db, "--kind", "x"])
    assert "no discrepancies found" in empty.output
