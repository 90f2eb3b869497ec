"""The whole pipeline on the bundled demo corpus: statements, positions, the matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.api import Stancemap
from stancemap.config import Settings
from stancemap.demo import corpus_dir


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Stancemap:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    sm = Stancemap(str(db))
    sm.ingest([], manifest=corpus_dir() / "manifest.jsonl")
    sm.analyze(issues=corpus_dir() / "issues.yaml")
    yield sm
    sm.close()


def test_matrix_has_the_watch_list_first_with_no_data_cells(app: Stancemap) -> None:
    m = app.matrix()
    assert [a.id for a in m.actors[:5]] == ["KAZ", "UZB", "KGZ", "TJK", "TKM"]
    assert {i.id for i in m.issues} >= {"recognize-annexation-2022", "recognize-dnr-lnr"}
    assert any(m.cell(a.id, i.id).stance == "no data" for a in m.actors[:5] for i in m.issues)


def test_key_positions_of_the_demo(app: Stancemap) -> None:
    m = app.matrix()
    assert m.cell("KAZ", "recognize-annexation-2022").stance == "oppose"
    assert m.cell("KAZ", "recognize-annexation-2022").sources >= 3
    assert m.cell("KAZ", "recognize-dnr-lnr").stance == "oppose"
    assert m.cell("UZB", "recognize-dnr-lnr").stance == "oppose"
    assert m.cell("UZB", "ukraine-territorial-integrity").stance == "support"
    # the Kremlin's readout claims support; Kyrgyzstan's own later acts are neutral: the
    # claim stays in the evidence, the current stance is the actor's own
    assert m.cell("KGZ", "support-russia-war").stance in ("neutral", "contested")
    kgz = next(p for p in app.store.positions()
               if p.actor.id == "KGZ" and p.issue == "support-russia-war")
    statements = {s.id: s for s, _ in app.store.iter_statements()}
    claims = [statements[e] for e in kgz.evidence if statements[e].reported_by]
    assert claims and claims[0].reported_by.country == "RUS" and claims[0].stance == "support"


def test_every_position_cites_its_statements(app: Stancemap) -> None:
    statements = {s.id: s for s, _ in app.store.iter_statements()}
    for p in app.store.positions():
        assert p.evidence and set(p.evidence) <= set(statements)
        assert {statements[e].doc for e in p.evidence} == set(p.docs)
        for s in (statements[e] for e in p.evidence):
            doc = app.store.get_document(s.doc)
            assert doc is not None and doc.text[s.start:s.end].strip() == s.sentence.strip()


def test_reanalysis_is_idempotent(app: Stancemap, tmp_path: Path) -> None:
    first = app.export(tmp_path / "a")
    app.store.reset_analysis()
    app.analyze()
    second = app.export(tmp_path / "b")
    assert first == second
    for name in ("statements", "positions", "events", "discrepancies", "claims"):
        assert (tmp_path / "a" / f"{name}.jsonl").read_text() == \
            (tmp_path / "b" / f"{name}.jsonl").read_text()


def test_statements_and_positions_follow_the_contract(app: Stancemap, tmp_path: Path) -> None:
    import json

    app.export(tmp_path)
    read = lambda name: [json.loads(x) for x in  # noqa: E731
                         (tmp_path / f"{name}.jsonl").read_text().splitlines()]
    actor = {"id", "name", "type", "country", "sector"}
    statements = read("statements")
    assert statements
    for s in statements:
        assert set(s) == {"id", "doc", "sentence", "start", "end", "actor", "target",
                          "event_type", "issue", "stance", "date", "reported_by", "modality",
                          "confidence"}
        assert set(s["actor"]) == actor
        assert s["modality"] in ("asserted", "reported", "informal", "denied", "hypothetical")
        assert s["stance"] in (None, "support", "oppose", "neutral", "no_comment")
        assert 0 <= s["confidence"] <= 1
    positions = read("positions")
    assert positions
    for p in positions:
        assert set(p) == {"actor", "issue", "stance", "as_of", "confidence", "evidence", "docs",
                          "timeline"}
        assert p["stance"] in ("support", "oppose", "neutral", "no_comment", "ambiguous",
                               "contested")
        assert all({"date", "stance", "statement"} <= set(t) for t in p["timeline"])
    coverage = read("coverage")
    assert {c["status"] for c in coverage} <= {"position", "no_data"}


def test_worker_processes_give_the_same_results(tmp_path: Path) -> None:
    exports = []
    for processes in (1, 2):
        settings = Settings.from_env(db=str(tmp_path / f"p{processes}.db"))
        settings.processes = processes
        with Stancemap(settings=settings) as sm:
            sm.ingest([], manifest=corpus_dir() / "manifest.jsonl")
            report = sm.analyze(issues=corpus_dir() / "issues.yaml")
            assert report.documents == 14
            sm.export(tmp_path / f"out{processes}")
        exports.append({name: (tmp_path / f"out{processes}" / f"{name}.jsonl").read_text()
                        for name in ("documents", "mentions", "statements", "positions")})
    assert exports[0] == exports[1]
