"""Ingest end to end on files we write: good articles, bad inputs, manifests, URLs."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from stancemap.ingest import ingest
from stancemap.store import SQLiteStore

ARTICLE = (
    "Kazakhstan will not recognise the referendums held in four regions of Ukraine, the "
    "foreign ministry in Astana said on Monday.\n\n"
    "The ministry said its position rests on the territorial integrity of states and on the "
    "principles of the UN Charter.\n\n"
    "Uzbekistan and Tajikistan have not commented on the votes so far, officials said.\n"
)
HTML = """<!doctype html><html><head><title>Astana rejects votes | Steppe Monitor</title>
<meta property="article:published_time" content="2022-09-26T09:00:00Z">
<meta property="og:site_name" content="Steppe Monitor"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Astana rejects votes</h1>
<p>Kazakhstan will not recognise the referendums held in four regions of Ukraine, the foreign
ministry said on Monday.</p>
<p>The ministry said its position rests on the territorial integrity of states.</p></article>
<footer>All rights reserved</footer></body></html>"""


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_text_and_html_are_ingested_with_metadata(store: SQLiteStore, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.html", HTML)
    report = ingest(store, [str(tmp_path)])
    assert (report.added, report.failed) == (2, 0)
    docs = {d.uri.rsplit("/", 1)[-1]: d for d in store.iter_documents()}
    assert docs["a.txt"].language == "en"
    assert "territorial integrity" in docs["a.txt"].text
    page = docs["b.html"]
    assert page.published == "2022-09-26"
    assert page.publisher == "Steppe Monitor"
    assert "Astana rejects votes" in (page.title or "")
    assert "All rights reserved" not in page.text and "Home" not in page.text


def test_reingesting_is_a_no_op(store: SQLiteStore, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    ingest(store, [str(tmp_path / "a.txt")])
    again = ingest(store, [str(tmp_path / "a.txt")])
    assert (again.added, again.unchanged) == (0, 1)
    assert store.count("documents") == 1


def test_near_duplicate_gets_duplicate_of(store: SQLiteStore, tmp_path: Path) -> None:
    long = "\n\n".join([ARTICLE] * 3) + "\n\nThe statement was posted on the ministry website."
    write(tmp_path / "a.txt", long)
    write(tmp_path / "b.txt", long.replace("posted on", "published on"))
    report = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert report.added == 2 and report.near_duplicates == 1
    first, second = sorted(store.iter_documents(), key=lambda d: d.duplicate_of or "")
    assert first.duplicate_of is None and second.duplicate_of == first.id


def test_bad_inputs_are_reported_and_skipped(store: SQLiteStore, tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    ingest(store, [str(good)])
    bad = {
        "binary.txt": bytes(range(256)) * 8,
        "empty.txt": b"",
        "blank.txt": b"   \n\n  ",
        "broken.html": b"<html><body><div><p>unclosed <b>tags",
        "invalid.txt": b"Kazakhstan said \xff\xfe\xfa\xfb\x00 nothing at all",
    }
    for name, data in bad.items():
        write(tmp_path / name, data)
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    inputs = [str(tmp_path / n) for n in [*bad, "huge.txt", "missing.txt"]] + [str(good)]
    report = ingest(store, inputs)
    messages = {Path(p.uri).name: p.message for p in report.problems}
    assert set(messages) == {*bad, "huge.txt", "missing.txt"}
    assert "binary" in messages["binary.txt"]
    assert "empty" in messages["empty.txt"]
    assert "too large" in messages["huge.txt"]
    assert "no such file" in messages["missing.txt"]
    assert all("\n" not in m for m in messages.values())
    assert report.unchanged == 1 and store.count("documents") == 1


def test_legacy_encoding_is_decoded_with_a_warning(store: SQLiteStore, tmp_path: Path) -> None:
    text = ARTICLE.replace("Kazakhstan", "Kazakhstan’s neighbour") + "\nCafé déjà vu. " * 20
    write(tmp_path / "latin.txt", text.encode("cp1252", errors="replace"))
    report = ingest(store, [str(tmp_path / "latin.txt")])
    assert report.added == 1
    assert report.warnings and "not UTF-8" in report.warnings[0].message


def test_manifest_overrides_and_bad_lines(store: SQLiteStore, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "By Jane Doe\nOctober 1, 2022\n\n" + ARTICLE)
    lines = [
        json.dumps({"path": "a.txt", "published": "2022-09-27", "publisher": "Steppe Monitor",
                    "title": "Astana says no"}),
        "{not json",
        json.dumps({"published": "2022-09-27"}),
        json.dumps({"path": "a.txt", "published": "27/09/2022"}),
        json.dumps({"path": "nowhere.txt"}),
        "",
    ]
    manifest = write(tmp_path / "manifest.jsonl", "\n".join(lines))
    report = ingest(store, [], manifest=manifest)
    assert report.added == 1
    assert len(report.problems) == 4
    assert all(p.uri.startswith(str(manifest)) for p in report.problems)
    doc = next(store.iter_documents())
    assert (doc.published, doc.publisher, doc.title) == ("2022-09-27", "Steppe Monitor",
                                                          "Astana says no")


def test_manifest_change_updates_metadata(store: SQLiteStore, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    ingest(store, [str(tmp_path / "a.txt")])
    manifest = write(tmp_path / "m.jsonl", json.dumps({"path": "a.txt", "published": "2022-09-26"}))
    report = ingest(store, [], manifest=manifest)
    assert report.updated == 1
    assert next(store.iter_documents()).published == "2022-09-26"
    assert ingest(store, [], manifest=manifest).unchanged == 1


def test_jsonl_articles(store: SQLiteStore, tmp_path: Path) -> None:
    rows = [
        {"text": ARTICLE, "url": "https://example.org/a", "published": "2022-09-26",
         "publisher": "Wire"},
        {"html": HTML, "title": "From HTML"},
        {"title": "no body"},
        "not an object",
    ]
    write(tmp_path / "articles.jsonl", "\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    report = ingest(store, [str(tmp_path / "articles.jsonl")])
    assert report.added == 2 and report.failed == 3
    uris = {d.uri for d in store.iter_documents()}
    assert "https://example.org/a" in uris


class _Handler(BaseHTTPRequestHandler):
    routes = {
        "/article": ("text/html; charset=utf-8", HTML.encode()),
        "/image": ("image/png", b"\x89PNG\r\n"),
        "/big": ("text/html", b"<html>" + b"x" * 3_000_000),
    }

    def do_GET(self) -> None:  # noqa: N802
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():  # type: ignore[no-untyped-def]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_are_fetched_with_checks(store: SQLiteStore, server: str) -> None:
    urls = [f"{server}/article", f"{server}/image", f"{server}/missing", f"{server}/big",
            "http://127.0.0.1:9/closed"]
    report = ingest(store, urls, max_bytes=2_000_000, timeout=5)
    assert report.added == 1
    messages = {p.uri.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert "content type" in messages["image"]
    assert "404" in messages["missing"]
    assert "limit" in messages["big"]
    assert "cannot fetch" in messages["closed"]
    assert next(store.iter_documents()).uri == f"{server}/article"
