"""Export writes every contract file with its fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.api import Stancemap
from stancemap.errors import StancemapError
from stancemap.export import FILES

ACTOR_FIELDS = {"id", "name", "type", "country", "sector"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    (root / "a.txt").write_text(
        "Kazakh Foreign Ministry spokesman Aibek Smadiyarov said on Monday that Kazakhstan "
        "would not recognise the referendums.\n\nTashkent has been silent so far, while the "
        "Kremlin welcomed the votes.\n", encoding="utf-8")
    with Stancemap(str(root / "x.db")) as app:
        app.ingest([str(root / "a.txt")])
        app.analyze()
        app.export(root / "out")
    return root / "out"


def read(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_contract_file_is_written(exported: Path) -> None:
    assert {p.stem for p in exported.glob("*.jsonl")} == {*FILES, "coverage"}


def test_documents_and_mentions_follow_the_contract(exported: Path) -> None:
    (doc,) = read(exported / "documents.jsonl")
    assert set(doc) == {"id", "uri", "title", "published", "publisher", "language", "chars",
                        "duplicate_of", "text"}
    assert doc["chars"] == len(doc["text"])
    mentions = read(exported / "mentions.jsonl")
    assert mentions
    for m in mentions:
        assert set(m) == {"doc", "start", "end", "text", "actor", "method"}
        assert set(m["actor"]) == ACTOR_FIELDS
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    got = {m["text"]: m["actor"]["id"] for m in mentions}
    assert got["Tashkent"] == "UZBGOV" and got["Kremlin"] == "RUSGOV"


def test_export_is_repeatable(exported: Path, tmp_path: Path) -> None:
    before = {f: (exported / f"{f}.jsonl").read_text() for f in FILES}
    with Stancemap(str(exported.parent / "x.db")) as app:
        app.analyze()
        app.export(tmp_path)
    assert {f: (tmp_path / f"{f}.jsonl").read_text() for f in FILES} == before


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with Stancemap(str(tmp_path / "x.db")) as app, pytest.raises(StancemapError):
        app.export(tmp_path / "out", fmt="csv")
