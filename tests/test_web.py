"""The HTTP API and the dashboard's pages, through FastAPI's test client."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from web_fixtures import PAYLOAD, demo_db, hostile_db

with warnings.catch_warnings():  # newer Starlette prefers httpx2 over httpx; both work
    warnings.filterwarnings("ignore", message=".*httpx")
    from fastapi.testclient import TestClient

from stancemap.api import Stancemap
from stancemap.queries import API_FILTERS
from stancemap.web import create_app

TOKEN = "s3cret-token"
ACTOR = {"id", "name", "type", "country", "sector"}
FIELDS = {
    "documents": {"id", "uri", "title", "published", "publisher", "language", "chars",
                  "duplicate_of", "text"},
    "mentions": {"doc", "start", "end", "text", "actor", "method"},
    "statements": {"id", "doc", "sentence", "start", "end", "actor", "target", "event_type",
                   "issue", "stance", "date", "reported_by", "modality", "confidence"},
    "positions": {"actor", "issue", "stance", "as_of", "confidence", "evidence", "docs",
                  "timeline"},
    "actors": ACTOR,
    "issues": {"id", "title", "description", "keywords", "since"},
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_db(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


@pytest.fixture()
def writable(db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database that a test may change."""
    copy = tmp_path / "copy.db"
    with Stancemap(str(db)) as sm:  # checkpoint the WAL into the main file first
        sm.store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, copy)
    return copy


def all_items(client: TestClient, name: str, **params: str) -> list[dict]:  # type: ignore[type-arg]
    items, url = [], f"/api/{name}"
    query: dict[str, str] | None = {"limit": "50", **params}
    while url:
        body = client.get(url, params=query).json()
        items += body["items"]
        url, query = body["next"], None
    return items


# --- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(API_FILTERS))
def test_every_table_endpoint_pages_through_contract_records(client: TestClient,
                                                              name: str) -> None:
    r = client.get(f"/api/{name}", params={"limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"items", "total", "limit", "offset", "next"}
    assert body["limit"] == 3 and body["offset"] == 0 and len(body["items"]) <= 3
    if name in FIELDS:
        assert body["total"] > 0 and body["items"]
        for item in body["items"]:
            assert set(item) == FIELDS[name]
    if body["total"] > 3:
        assert body["next"] and "offset=3" in body["next"]
        assert len(all_items(client, name)) == body["total"]
    else:
        assert body["next"] is None


def test_api_rows_are_the_export_rows(client: TestClient, db: Path, tmp_path: Path) -> None:
    with Stancemap(str(db)) as sm:
        sm.export(tmp_path)
    for name in ("documents", "mentions", "statements", "positions", "events",
                 "discrepancies", "claims"):
        exported = [json.loads(x) for x in (tmp_path / f"{name}.jsonl").read_text(
            encoding="utf-8").splitlines()]
        assert all_items(client, name) == exported, name


def test_pages_do_not_overlap_and_the_last_has_no_next(client: TestClient) -> None:
    first = client.get("/api/statements", params={"limit": 10}).json()
    second = client.get(first["next"]).json()
    assert second["offset"] == 10
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}
    total = first["total"]
    last = client.get("/api/statements", params={"limit": 10, "offset": total - 1}).json()
    assert len(last["items"]) == 1 and last["next"] is None
    assert client.get("/api/statements", params={"limit": 5000}).status_code == 422
    assert client.get("/api/statements", params={"offset": -1}).status_code == 422


def test_filters(client: TestClient) -> None:
    kazgov = all_items(client, "statements", actor="KAZGOV")
    assert kazgov and all(s["actor"]["id"] == "KAZGOV" for s in kazgov)
    opposed = all_items(client, "statements", issue="recognize-dnr-lnr", stance="oppose")
    assert opposed and all(s["issue"] == "recognize-dnr-lnr" and s["stance"] == "oppose"
                           for s in opposed)
    dated = all_items(client, "statements", since="2022-09", until="2022-10-31")
    assert dated and all("2022-09" <= s["date"] <= "2022-10-31" for s in dated)
    (kaz,) = all_items(client, "positions", actor="KAZ", issue="recognize-annexation-2022")
    assert kaz["stance"] == "oppose" and kaz["evidence"]
    wire = all_items(client, "documents", publisher="Central Asia Wire")
    assert len(wire) == 2 and {d["publisher"] for d in wire} == {"Central Asia Wire"}
    doc = wire[0]["id"]
    mentions = all_items(client, "mentions", doc=doc)
    assert mentions and all(m["doc"] == doc for m in mentions)
    states = client.get("/api/actors", params={"type": "state", "q": "stan"}).json()
    assert states["total"] >= 5 and all(a["type"] == "state" for a in states["items"])
    assert client.get("/api/actors", params={"q": "no such actor"}).json()["total"] == 0
    assert client.get("/api/issues").json()["total"] == 6


def test_matrix_and_search_endpoints(client: TestClient) -> None:
    m = client.get("/api/matrix").json()
    assert [a["id"] for a in m["actors"][:5]] == ["KAZ", "UZB", "KGZ", "TJK", "TKM"]
    cell = {(c["actor"], c["issue"]): c for c in m["cells"]}
    assert cell[("KAZ", "recognize-annexation-2022")]["stance"] == "oppose"
    assert any(c["stance"] == "no data" for c in m["cells"])
    narrowed = client.get("/api/matrix", params={"publisher": "Steppe Monitor"}).json()
    sources = [c["sources"] for c in narrowed["cells"]]
    assert max(sources) <= 2 and sum(sources) < sum(c["sources"] for c in m["cells"])
    watch = client.get("/api/matrix", params={"group": "watch"}).json()
    assert [a["id"] for a in watch["actors"]] == ["KAZ", "UZB", "KGZ", "TJK", "TKM"]
    hits = client.get("/api/search", params={"q": "referendums"}).json()
    assert hits["documents"] and hits["statements"]
    assert all("referendum" in h["snippet"].lower() for h in hits["statements"])
    assert client.get("/api/search", params={"q": "\"* NEAR( OR"}).status_code == 200


def test_openapi_documents_every_endpoint_and_filter(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for name, filters in API_FILTERS.items():
        params = {p["name"] for p in spec["paths"][f"/api/{name}"]["get"]["parameters"]}
        assert params == {"limit", "offset", *filters}
    for path in ("/api/ingest", "/api/analyze", "/api/actors/{actor_id}",
                 "/api/issues/{issue_id}", "/api/matrix", "/api/search"):
        assert path in spec["paths"]
    assert not any(p in spec["paths"] for p in ("/", "/document/{doc_id}"))


# --- writing ----------------------------------------------------------------------------------

WRITES = [
    ("post", "/api/ingest", {"articles": [{"text": "Kazakhstan said nothing new today."}]}),
    ("post", "/api/analyze", None),
    ("patch", "/api/actors/KAZ", {"name": "Republic of Kazakhstan"}),
    ("put", "/api/issues/new-issue", {"title": "A new issue", "keywords": ["new"]}),
]


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_writes_are_refused_without_a_server_token(writable: Path, method: str, url: str,
                                                   body: dict | None) -> None:  # type: ignore[type-arg]
    client = TestClient(create_app(str(writable)))
    r = client.request(method, url, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "token" in r.json()["detail"]


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_writes_need_the_right_bearer_token(writable: Path, method: str, url: str,
                                            body: dict | None) -> None:  # type: ignore[type-arg]
    client = TestClient(create_app(str(writable), token=TOKEN))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        assert client.request(method, url, json=body, headers=headers).status_code == 401


def test_writes_with_the_token_change_the_store(writable: Path) -> None:
    client = TestClient(create_app(str(writable), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = client.get("/api/documents").json()["total"]
    r = client.post("/api/ingest", headers=auth, json={"articles": [{
        "text": "Uzbekistan's foreign ministry said on Friday that Tashkent would never "
                "recognise the zyxwvu referendums in occupied Ukraine.",
        "title": "Tashkent on the referendums", "publisher": "Test Wire",
        "published": "2022-10-07"}]})
    assert r.status_code == 200 and r.json()["added"] == 1
    assert client.get("/api/documents").json()["total"] == before + 1
    # the full-text index follows the store
    hits = client.get("/api/search", params={"q": "zyxwvu"}).json()["documents"]
    assert [h["title"] for h in hits] == ["Tashkent on the referendums"]
    r = client.post("/api/analyze", headers=auth)
    assert r.status_code == 200 and r.json()["documents"] == 1
    new = all_items(client, "statements", since="2022-10-07", until="2022-10-07")
    assert any("zyxwvu" in s["sentence"] for s in new)
    assert client.post("/api/ingest", headers=auth,
                       json={"urls": ["file:///etc/passwd"]}).status_code == 422
    r = client.patch("/api/actors/KAZ", headers=auth, json={"name": "Qazaqstan"})
    assert r.status_code == 200 and r.json()["name"] == "Qazaqstan"
    assert client.get("/api/actors", params={"q": "Qazaqstan"}).json()["items"][0]["id"] == "KAZ"
    assert client.patch("/api/actors/NOPE", headers=auth, json={"name": "x"}).status_code == 404
    r = client.put("/api/issues/new-issue", headers=auth,
                   json={"title": "A new issue", "keywords": ["new"]})
    assert r.status_code == 200
    assert "new-issue" in {i["id"] for i in all_items(client, "issues")}


# --- pages ------------------------------------------------------------------------------------


def test_every_page_renders(client: TestClient) -> None:
    statement = client.get("/api/statements", params={"limit": 1}).json()["items"][0]
    pages = ["/", "/?since=2022-09&until=2022-12&publisher=Central+Asia+Wire&group=all",
             "/evidence?actor=KAZ&issue=recognize-annexation-2022",
             "/evidence?actor=KAZ&issue=recognize-annexation-2022&partial=1",
             "/timeline?actor=KAZ&issue=crimea-annexation", "/discrepancies", "/events",
             "/actor/KAZ", "/actor/person:kassym-jomart-tokayev", "/documents",
             f"/document/{statement['doc']}", "/search?q=referendums", "/search"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
    matrix = client.get("/").text
    assert "Kazakhstan" in matrix and "Turkmenistan" in matrix and "no data" in matrix
    evidence = client.get("/evidence?actor=KAZ&issue=recognize-annexation-2022&partial=1").text
    assert "has not recognised the regions of Ukraine" in evidence
    assert "<html" not in evidence and "/document/" in evidence
    timeline = client.get("/timeline?actor=KAZ&issue=crimea-annexation").text
    (crimea,) = all_items(client, "positions", actor="KAZ", issue="crimea-annexation")
    assert timeline.count("<circle") == len([t for t in crimea["timeline"] if t["date"]]) > 1
    assert "2014-03" in timeline
    document = client.get(f"/document/{statement['doc']}").text
    assert f'id="s-{statement["id"]}"' in document and 'class="hl-m"' in document
    assert "<mark>" in client.get("/search?q=referendums").text
    for url in ("/document/nope", "/actor/NOPE", "/evidence?actor=NOPE&issue=x",
                "/no/such/page"):
        assert client.get(url).status_code == 404


def test_hostile_text_is_escaped_everywhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    client = TestClient(create_app(str(hostile_db(tmp_path_factory))))
    doc = client.get("/api/documents", params={"publisher": f"Evil {PAYLOAD} Press"}).json()
    (hostile,) = doc["items"]
    pages = ["/", "/documents", f"/document/{hostile['id']}", "/search?q=pwned",
             "/search?q=referendums", "/actor/KAZ", "/actor/TJK",
             "/evidence?actor=KAZ&issue=recognize-annexation-2022",
             "/timeline?actor=KAZ&issue=recognize-annexation-2022",
             f"/search?q={PAYLOAD}"]
    for url in pages:
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert 'href="javascript:' not in html.lower(), url
        assert "onerror=" not in html.replace("onerror=&#34;", ""), url
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get(
        f"/document/{hostile['id']}").text
    assert "Tajikistan &lt;script&gt;" in client.get("/").text


def test_discrepancies_and_events_quote_their_statements(writable: Path) -> None:
    """Rows written straight into the store (whatever the linker finds) show both sides."""
    with Stancemap(str(writable)) as sm:
        store = sm.store
        a, b = store.query("SELECT id, doc, sentence FROM statements WHERE actor = 'KAZGOV' "
                           "ORDER BY doc DESC, start_char LIMIT 2")
        with store.transaction():
            store.execute("DELETE FROM discrepancies")
            store.execute("DELETE FROM events")
            store.execute(
                "INSERT INTO discrepancies (id, kind, summary, date, statements, docs, actors) "
                "VALUES ('d-test', 'conflicting_accounts', ?, '2022-10-01', ?, ?, ?)",
                (f"Two accounts {PAYLOAD}", json.dumps([a[0], b[0]]),
                 json.dumps([a[1], b[1]]), json.dumps(["KAZ"])))
            store.execute(
                "INSERT INTO events (id, event_type, date, actors, statements, docs) "
                "VALUES ('e-test', 'CONSULT', '2022-10-01', ?, ?, ?)",
                (json.dumps(["KAZ", "RUS"]), json.dumps([a[0]]), json.dumps([a[1]])))
    client = TestClient(create_app(str(writable)))
    (item,) = client.get("/api/discrepancies").json()["items"]
    assert item["id"] == "d-test" and item["statements"] == [a[0], b[0]]
    assert item["actors"][0]["id"] == "KAZ"
    html = client.get("/discrepancies").text
    for sentence in (a[2], b[2]):
        first_words = sentence.strip().split("\n")[0][:40]
        assert first_words.replace("'", "&#39;") in html
    assert html.count('class="side"') == 2 and "&lt;script&gt;" in html
    assert f"#s-{a[0]}" in html and f"#s-{b[0]}" in html
    assert "e-test" not in client.get("/events").text  # one source: not shown by default
    events = client.get("/events", params={"min_docs": 1}).text
    assert "CONSULT" in events and f"#s-{a[0]}" in events
    (event,) = client.get("/api/events", params={"actor": "RUS"}).json()["items"]
    assert event["id"] == "e-test"
