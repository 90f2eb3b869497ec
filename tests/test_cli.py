"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from stancemap.cli import main


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STANCEMAP_DB": str(cwd / "cli.db")}
    return subprocess.run([sys.executable, "-m", "stancemap.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_ingest_analyze_export_round_trip(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Uzbekistan said it recognises the sovereignty and "
                                    "territorial integrity of Ukraine.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    done = run("ingest", "a.txt", "bad.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert "bad.txt: binary file" in done.stderr
    assert "1 new" in done.stdout
    assert run("analyze", cwd=tmp_path).returncode == 0
    done = run("export", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    mentions = [json.loads(x) for x in (tmp_path / "out/mentions.jsonl").read_text().splitlines()]
    assert {m["actor"]["id"] for m in mentions} >= {"UZB", "UKR"}


def test_errors_are_one_line(tmp_path: Path) -> None:
    done = run("analyze", "--issues", "missing.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith("error:")
    done = run("ingest", cwd=tmp_path)
    assert done.returncode == 1 and "nothing to ingest" in done.stderr


def test_help_lists_the_contract_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for command in ("ingest", "analyze", "export", "demo", "positions", "evaluate"):
        assert command in result.output


def test_actors_lookup() -> None:
    result = CliRunner().invoke(main, ["actors", "Tokaev", "--date", "2022"])
    assert result.exit_code == 0
    assert "person:kassym-jomart-tokayev" in result.output


def test_demo_runs_and_is_idempotent(tmp_path: Path) -> None:
    first = run("demo", "--out", "exp", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "stancemap demo" in first.stdout
    docs = (tmp_path / "exp/documents.jsonl").read_text()
    again = run("demo", "--out", "exp2", cwd=tmp_path)
    assert again.returncode == 0
    assert (tmp_path / "exp2/documents.jsonl").read_text() == docs
    assert len(docs.splitlines()) >= 12
    matrix = run("positions", cwd=tmp_path)
    assert matrix.returncode == 0, matrix.stderr
    assert "Kazakhstan" in matrix.stdout and "oppose" in matrix.stdout
    assert "no data" in matrix.stdout
    scores = run("evaluate", "exp", cwd=tmp_path)
    assert scores.returncode == 0 and "statement_recall" in scores.stdout
