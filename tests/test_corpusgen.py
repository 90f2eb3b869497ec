"""Tests for the synthetic benchmark corpus generator."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from stancemap.corpusgen import MAX_WORDS, MIN_WORDS, generate, main

N_DOCS = 20


def _read_manifest(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _shingles(text: str, n: int = 5) -> set[str]:
    words = text.lower().split()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus"), N_DOCS, seed=7, messy=0.5)


def test_manifest_lists_every_article(corpus: Path) -> None:
    rows = _read_manifest(corpus)
    assert corpus.name == "manifest.jsonl"
    assert len(rows) == N_DOCS
    paths = [row["path"] for row in rows]
    assert len(set(paths)) == N_DOCS
    assert sorted(p.name for p in corpus.parent.glob("*.txt")) == sorted(paths)
    for row in rows:
        assert row["path"].endswith(".txt")
        assert (corpus.parent / row["path"]).is_file()
        assert row["publisher"] and row["title"]
        assert set(row) <= {"path", "published", "publisher", "title", "url"}
        if "published" in row:
            assert re.fullmatch(r"20(22|23|24)-\d\d-\d\d", row["published"])
        else:  # undated in the manifest: the byline carries the date
            text = (corpus.parent / row["path"]).read_text(encoding="utf-8")
            assert re.search(r"\b\d\d [A-Z][a-z]+ 20\d\d, \d\d:\d\d\b", text)


def test_deterministic_for_a_seed(corpus: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", N_DOCS, seed=7, messy=0.5)
    assert again.read_bytes() == corpus.read_bytes()
    for row in _read_manifest(corpus):
        assert (again.parent / row["path"]).read_bytes() == (
            corpus.parent / row["path"]
        ).read_bytes()
    other = generate(tmp_path / "other", N_DOCS, seed=8, messy=0.5)
    assert other.read_bytes() != corpus.read_bytes()


def test_word_counts_and_filled_templates(corpus: Path) -> None:
    for row in _read_manifest(corpus):
        text = (corpus.parent / row["path"]).read_text(encoding="utf-8")
        assert MIN_WORDS <= len(text.split()) <= MAX_WORDS, row["path"]
        assert "{" not in text and "}" not in text, row["path"]
        assert not re.search(r"\[[^\]]*\|[^\]]*\]", text), row["path"]
        assert text.startswith(row["title"]) or "Home" in text.splitlines()[0]


def test_variety(corpus: Path) -> None:
    rows = _read_manifest(corpus)
    assert len({row["title"] for row in rows}) >= N_DOCS - 3
    assert len({row["publisher"] for row in rows}) >= 5
    texts = [(corpus.parent / row["path"]).read_text(encoding="utf-8") for row in rows]
    shingles = [_shingles(t) for t in texts]
    for a, b in itertools.combinations(shingles, 2):
        assert len(a & b) / len(a | b) < 0.5
    # spelling variants and metonyms occur across the corpus
    joined = "\n".join(texts)
    assert re.search(r"\b(Astana|Tashkent|Bishkek|Dushanbe|Ashgabat|Nur-Sultan)\b", joined)
    assert re.search(
        r"\b(today|yesterday|on (Monday|Tuesday|Wednesday|Thursday|Friday"
        r"|Saturday|Sunday)|last \w+day|a day earlier)\b",
        joined,
    )


def test_messy_controls_furniture(tmp_path: Path) -> None:
    furniture = re.compile(r"^(Home( [»>/|] )|Tags: |Share|Leave a|Comments|0 Comments)", re.M)
    messy = generate(tmp_path / "messy", 6, seed=1, messy=1.0)
    clean = generate(tmp_path / "clean", 6, seed=1, messy=0.0)
    for row in _read_manifest(messy):
        assert furniture.search((messy.parent / row["path"]).read_text(encoding="utf-8"))
    for row in _read_manifest(clean):
        assert not furniture.search((clean.parent / row["path"]).read_text(encoding="utf-8"))


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "cli"), "3", "--seed", "2"]) == 0
    manifest = Path(capsys.readouterr().out.strip())
    assert manifest == tmp_path / "cli" / "manifest.jsonl"
    assert len(_read_manifest(manifest)) == 3
    with pytest.raises(SystemExit):
        main([str(tmp_path / "bad"), "3", "--messy", "2"])
