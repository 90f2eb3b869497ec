"""Databases for the web, report and browser tests, each built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.api import Stancemap
from stancemap.demo import corpus_dir

PAYLOAD = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_LINK = '<a href="javascript:window.__pwned=1">click me</a>'
HOSTILE_TEXT = (
    f"Kazakhstan rejects the referendums {PAYLOAD}\n\n"
    f"Kazakhstan's foreign ministry said on Monday that Kazakhstan would not recognise the "
    f"referendums {IMG} held in the occupied regions of Ukraine.\n\n"
    f"The ministry's statement, posted at javascript:window.__pwned=1 and {JS_LINK}, "
    f"repeated that position {PAYLOAD}.\n"
)


def _built(tmp_path_factory: pytest.TempPathFactory, name: str, build) -> Path:  # type: ignore[no-untyped-def]
    """``build(db)`` once per session; later calls reuse the file."""
    db = tmp_path_factory.getbasetemp() / f"web-{name}" / f"{name}.db"
    if not (db.parent / "done").exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        build(db)
        (db.parent / "done").write_text("ok")
    return db


def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested and analysed with the demo issues."""
    def build(db: Path) -> None:
        with Stancemap(str(db)) as sm:
            sm.ingest([], manifest=corpus_dir() / "manifest.jsonl")
            sm.analyze(issues=corpus_dir() / "issues.yaml")
    return _built(tmp_path_factory, "demo", build)


def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One hostile article (scripts, event handlers, javascript: links in text, title,
    publisher and URL), analysed, plus an actor renamed to a script tag."""
    def build(db: Path) -> None:
        folder = db.parent / "articles"
        folder.mkdir()
        (folder / "hostile.jsonl").write_text(json.dumps({
            "text": HOSTILE_TEXT, "url": "javascript:window.__pwned=1",
            "title": f"Hostile {PAYLOAD} title {IMG}", "publisher": f"Evil {PAYLOAD} Press",
            "published": "2022-10-01"}) + "\n", encoding="utf-8")
        (folder / "page.html").write_text(
            f"<html><head><title>Page {PAYLOAD}</title></head><body><article><h1>Page</h1>"
            f"<p>Uzbekistan said it respects the territorial integrity of Ukraine, "
            f"the foreign ministry in Tashkent said on Tuesday {JS_LINK}.</p>"
            f"<p>The statement was {IMG} published on the ministry's website and repeated "
            f"by several officials in Tashkent on the same day.</p></article></body></html>",
            encoding="utf-8")
        with Stancemap(str(db)) as sm:
            sm.ingest([str(folder)])
            sm.analyze(issues=corpus_dir() / "issues.yaml")
            sm.edit_actor("TJK", {"name": f"Tajikistan {PAYLOAD}"})
    return _built(tmp_path_factory, "hostile", build)
