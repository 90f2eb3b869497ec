"""The PostgreSQL backend against a real server: same migrations, same store, same export.

A session fixture runs ``initdb`` into a temporary folder and starts the server on a unix
socket there (no TCP); as root it runs the server as an unprivileged OS user. Without the
PostgreSQL binaries the tests are skipped locally and fail in CI (``CI=true``).
"""

from __future__ import annotations

import glob
import json
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from stancemap.api import Stancemap
from stancemap.errors import StancemapError
from stancemap.export import FILES
from stancemap.models import Actor, Claim, Document, Mention, Sentence, Statement
from stancemap.search import search
from stancemap.store import open_store
from stancemap.store.base import migrations
from stancemap.store.postgres import PostgresStore, translate

DEMO = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo"
EXPORT_FILES = (*FILES, "coverage")


def _bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit()
                        else 0)
    return Path(candidates[-1]).parent if candidates else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must test the PostgreSQL backend)")
    pytest.skip(reason)


class Server:
    """A throwaway PostgreSQL cluster listening on a unix socket in ``root``."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        short = "/tmp" if os.path.isdir("/tmp") else None  # socket paths max ~100 bytes
        self.root = Path(tempfile.mkdtemp(prefix="stancemap-pg-", dir=short))
        self.data = self.root / "data"
        with socket.socket() as s:  # a free port number (it only names the socket file)
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as an unprivileged user
            user = next(u for u in ("postgres", "nobody") if _user_exists(u))
            os.chown(self.root, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid)
            self.as_user = ["runuser", "-u", user, "--"] if shutil.which("runuser") else \
                ["su", user, "-s", "/bin/sh", "-c"]

    def run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_user[:1] == ["su"]:
            cmd = [*self.as_user, shlex.join(cmd)]
        else:
            cmd = [*self.as_user, *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.root,
                       timeout=120)

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", "stancemap", "--auth=trust",
                 "--no-locale", "-E", "UTF8", "--no-sync")
        options = (f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
                 "-o", options, "start")

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str) -> str:
        """``postgresql://user@host:port/dbname``, the host being the socket folder."""
        return f"postgresql://stancemap@{quote(str(self.root), safe='')}:{self.port}/{db}"

    def create_db(self, name: str) -> str:
        """A new database, with a non-C (ICU) collation where the server has ICU: the store
        must sort like SQLite whatever the database's default collation."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            try:
                conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 "
                             "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'")
            except psycopg.Error:
                conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'stancemap[postgres]')")
    bindir = _bindir()
    if bindir is None:
        _unavailable("PostgreSQL binaries (initdb, pg_ctl) not found")
    assert bindir is not None
    server = Server(bindir)
    try:
        server.start()
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        log = server.root / "log"
        detail = getattr(exc, "stderr", "") or (log.read_text() if log.exists() else "")
        server.stop()
        pytest.fail(f"could not start PostgreSQL: {exc}\n{detail}")
    yield server
    server.stop()


_dbs = iter(range(1, 10_000))


@pytest.fixture()
def pg_url(pg_server: Server) -> str:
    return pg_server.create_db(f"t{next(_dbs)}")


@pytest.fixture()
def pg(pg_url: str) -> Iterator[PostgresStore]:
    store = open_store(pg_url)
    assert isinstance(store, PostgresStore)
    yield store
    store.close()


# --- dialect ------------------------------------------------------------------------------


def test_translation_keeps_literals_and_sorts_nulls_like_sqlite() -> None:
    sql = translate("SELECT IFNULL(a, '?%') FROM t WHERE b LIKE '%' || ? || '%' "
                    "ORDER BY date DESC, id LIMIT 5", frozenset({"id"}))
    assert sql == ("SELECT COALESCE(a, '?%%') FROM t WHERE b ILIKE '%%' || %s || '%%' "
                   "ORDER BY date DESC NULLS LAST, id LIMIT 5")
    assert translate("SELECT x FROM (SELECT x FROM t ORDER BY x) s ORDER BY lower(x) ASC") == (
        "SELECT x FROM (SELECT x FROM t ORDER BY x NULLS FIRST) s ORDER BY lower(x) NULLS FIRST")


def test_migrations_have_one_file_per_version_and_dialect() -> None:
    sqlite, postgres = migrations("sqlite"), migrations("postgresql")
    assert [v for v, _ in sqlite] == [v for v, _ in postgres]
    assert any("fts5" in sql for _, sql in sqlite)
    assert not any("fts5" in sql for _, sql in postgres)
    assert any("to_tsvector" in sql for _, sql in postgres)


# --- the store ----------------------------------------------------------------------------


def test_migrations_are_idempotent(pg: PostgresStore, pg_url: str) -> None:
    latest = migrations("postgresql")[-1][0]
    assert pg.schema_version == latest
    with open_store(pg_url) as again:
        assert again.schema_version == latest
        assert again.scalar("SELECT COUNT(*) FROM schema_version") == latest
    types = dict(pg.query("SELECT column_name, data_type FROM information_schema.columns "
                          "WHERE table_name = 'claims'"))
    assert types["value"] == "double precision"
    assert pg.scalar("SELECT data_type FROM information_schema.columns WHERE "
                     "table_name = 'minhashes' AND column_name = 'signature'") == "bytea"


def test_store_round_trips_documents_mentions_statements_claims(pg: PostgresStore) -> None:
    kaz = Actor("KAZ", "Kazakhstan", "state", "KAZ", None)
    text = "Kazakhstan will not recognise the referendums, the ministry said. It has 1.5 m."
    doc = Document("d1", "a.txt", text, title="Zürich", published="2022-10-03",
                   publisher="Reuters", language="en")
    st = Statement("s1", "d1", text[:65], 0, 65, kaz, "REJECT", issue="recognize",
                   stance="oppose", date="2022-10-03", confidence=0.123456789012)
    claim = Claim("c1", "d1", text[66:], "people", 1_500_000.25, "people", "2022-10-03", kaz,
                  "g1", 66, len(text), text="1.5 m")
    with pg.transaction():
        pg.add_document(doc)
        pg.add_signature("d1", b"\x00\xff\x10", ["b0", "b1"])
        pg.save_analysis("d1", [Sentence("d1", 0, 0, 65)],
                         [Mention("d1", 0, 10, "Kazakhstan", kaz, "alias", 0)], [st],
                         [claim])
    got = pg.get_document("d1")
    assert got is not None and got.text == text and got.title == "Zürich"
    assert pg.candidates(["b0"]) == [("d1", b"\x00\xff\x10")]
    assert [s for s, _ in pg.iter_statements()] == [st]
    assert [c for c, _ in pg.iter_claims()][0].value == 1_500_000.25
    assert pg.query("SELECT doc, start_char, text, actor FROM mentions") == [
        ("d1", 0, "Kazakhstan", "KAZ")]
    assert pg.pending_count() == 0
    with pytest.raises(ZeroDivisionError), pg.transaction():
        pg.set_meta("k", "v")
        raise ZeroDivisionError
    assert pg.get_meta("k") is None


def test_bad_urls_give_one_line_errors_without_passwords(pg_server: Server) -> None:
    socket_dir = quote(str(pg_server.root), safe="")
    for url, words in [
        (f"postgresql://stancemap:s3cret@{socket_dir}:{pg_server.port}/missing",
         "missing"),
        ("postgres://bob:s3cret@localhost:1/somedb", "somedb on localhost:1"),
        ("postgresql://bob:s3cret@bad host/x", "invalid PostgreSQL URL"),
    ]:
        with pytest.raises(StancemapError) as info:
            open_store(url)
        message = str(info.value)
        assert words in message and "\n" not in message and "s3cret" not in message


# --- the whole pipeline, against SQLite -----------------------------------------------------


def _pipeline(db: str, out: Path) -> None:
    with Stancemap(db) as app:
        app.ingest([], manifest=DEMO / "manifest.jsonl")
        app.analyze(DEMO / "issues.yaml")
        app.export(out / "first")
    with Stancemap(db) as app:  # as a second `stancemap analyze`: nothing pending, links again
        app.analyze(DEMO / "issues.yaml")
        app.export(out / "second")


@pytest.fixture(scope="module")
def demo(pg_server: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("pg-demo")
    url = pg_server.create_db("demo")
    _pipeline(str(root / "demo.db"), root / "sqlite")
    _pipeline(url, root / "postgres")
    return {"root": root, "url": url}


@pytest.mark.parametrize("name", EXPORT_FILES)
def test_export_is_byte_identical_to_sqlite(demo: dict[str, object], name: str) -> None:
    root = demo["root"]
    assert isinstance(root, Path)
    for run in ("first", "second"):
        sqlite = (root / "sqlite" / run / f"{name}.jsonl").read_bytes()
        postgres = (root / "postgres" / run / f"{name}.jsonl").read_bytes()
        assert sqlite and postgres == sqlite, f"{run} run differs"


def test_analyze_again_changes_nothing(demo: dict[str, object]) -> None:
    root = demo["root"]
    assert isinstance(root, Path)
    for name in EXPORT_FILES:
        first = (root / "postgres" / "first" / f"{name}.jsonl").read_text(encoding="utf-8")
        second = (root / "postgres" / "second" / f"{name}.jsonl").read_text(encoding="utf-8")
        assert first == second, name


def test_search_finds_documents_and_statements(demo: dict[str, object]) -> None:
    url = demo["url"]
    assert isinstance(url, str)
    with open_store(url) as store:
        hits = search(store, "referendum")
        assert hits["documents"] and hits["statements"]
        snippet = hits["documents"][0]["snippet"]
        assert "\ue000referendum" in snippet.lower() and "\ue001" in snippet
        assert search(store, "Zaporizh")["documents"]  # the last word is a prefix
        assert search(store, "it's 'a' & | ! :*")  # tsquery syntax is never interpreted
        assert search(store, "zzqqxx") == {"documents": [], "statements": []}
        assert search(store, "7,500")["statements"]


# --- the command line ----------------------------------------------------------------------


def test_cli_accepts_a_postgresql_url(pg_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kazakhstan will not recognise the referendums, Foreign "
                                    "Ministry spokesman Aibek Smadiyarov said.\n",
                                    encoding="utf-8")
    env = {**os.environ, "STANCEMAP_DB": pg_url}
    for args in (["ingest", "a.txt"], ["export", "--out", "out"]):
        done = subprocess.run([sys.executable, "-m", "stancemap.cli", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    documents = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(d)["uri"] for d in documents] == ["a.txt"]
    bad = subprocess.run([sys.executable, "-m", "stancemap.cli", "export", "--out", "o",
                          "--db", "postgresql://u:pw@localhost:1/nodb"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and bad.stderr.startswith("error: cannot connect")
    assert len(bad.stderr.strip().splitlines()) == 1  # one line, however long
    message = bad.stderr.strip()
    assert "PostgreSQL database nodb on localhost:1" in message and "pw" not in message
