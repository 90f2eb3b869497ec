"""`stancemap report`: a self-contained HTML briefing and a Markdown one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.api import Stancemap
from stancemap.cli import main
from stancemap.errors import StancemapError
from stancemap.report import md, write_report
from web_fixtures import PAYLOAD, demo_db, hostile_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_db(tmp_path_factory)


def report(db: Path, out: Path, fmt: str) -> str:
    result = CliRunner().invoke(main, ["report", "--db", str(db), "--out", str(out),
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_html_report_is_self_contained(db: Path, tmp_path: Path) -> None:
    html = report(db, tmp_path / "r.html", "html")
    assert html.startswith("<!doctype html>") and "<style>" in html
    # nothing is loaded from anywhere: no scripts, no linked files, no remote CSS
    assert not re.search(r"<script|<link|<iframe|<img|<object|\bsrc=|url\(|@import", html, re.I)
    assert 'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;' in html
    for needle in ("Kazakhstan", "Turkmenistan", "Positions by actor", "Discrepancies",
                   "Coverage", "no data", "has not recognised the regions of Ukraine",
                   "Continental Affairs Daily", "2023-09-29"):
        assert needle in html, needle
    # citations that have a web address link to it; others are named, not linked
    assert 'href="https://eurasia-desk.example/politics/tokayev-spief-quasi-states"' in html
    assert "href=\"/" not in html and "file:" not in html


def test_markdown_report(db: Path, tmp_path: Path) -> None:
    text = report(db, tmp_path / "r.md", "md")
    assert text.startswith("# stancemap briefing")
    assert "| actor |" in text and "| Kazakhstan | oppose (" in text
    assert "### Kazakhstan" in text and "Kazakhstan opposes “Recognition of" in text
    assert "— [Tokayev, beside Putin" in text  # linked citation
    assert "(<https://eurasia-desk.example/politics/tokayev-spief-quasi-states>)" in text
    assert "## Coverage" in text and "- Turkmenistan: " in text


def test_reports_escape_hostile_text(tmp_path_factory: pytest.TempPathFactory,
                                     tmp_path: Path) -> None:
    db = hostile_db(tmp_path_factory)
    html = report(db, tmp_path / "h.html", "html")
    assert "<script>" not in html and "<img" not in html and "<a href=\"javascript" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    text = report(db, tmp_path / "h.md", "md")
    assert "<script>" not in text and "<img" not in text and "](javascript" not in text
    assert "&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;" in text
    assert PAYLOAD not in text


def test_markdown_escaping() -> None:
    assert md("a [link](javascript:x) *b* `c` <i>\n|") == (
        "a \\[link\\](javascript:x) \\*b\\* \\`c\\` &lt;i&gt; \\|")


def test_unknown_format_and_unwritable_path(db: Path, tmp_path: Path) -> None:
    with Stancemap(str(db)) as sm:
        with pytest.raises(StancemapError):
            write_report(sm.queries, tmp_path / "x.pdf", "pdf")
        with pytest.raises(StancemapError):
            write_report(sm.queries, tmp_path / "missing" / "x.html", "html")
