"""The server backend: PostgreSQL through psycopg 3, behaving exactly like the SQLite store.

The pipeline's SQL is written once, in SQLite's portable subset with ``?`` placeholders;
``translate`` turns it into PostgreSQL's dialect and ``translate_ddl`` maps the migrations'
column types. Three differences matter for identical output and are handled here:

- text sorts by code point, as in SQLite: every TEXT column is created ``COLLATE "C"``;
- SQLite sorts NULL lowest: ORDER BY terms on columns that may be NULL get
  ``NULLS FIRST`` (ascending) or ``NULLS LAST`` (descending);
- SQLite's REAL is a double and its LIKE ignores ASCII case: REAL becomes DOUBLE
  PRECISION and LIKE becomes ILIKE.

Transactions work as with Python's sqlite3: the first statement opens one, ``commit`` or
``rollback`` (``SQLStore.transaction``) ends it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import StancemapError
from .base import SQLStore

_CURSORS = itertools.count()
MIGRATION_LOCK = 0x5354414E  # pg_advisory_lock key: one process migrates at a time
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_ORDER_BY = re.compile(r"\bORDER\s+BY\s", re.IGNORECASE)
_ORDER_END = re.compile(r"\s*\b(LIMIT|OFFSET|FETCH|FOR|UNION|EXCEPT|INTERSECT|WINDOW)\b",
                        re.IGNORECASE)
_NULLS = re.compile(r"\bNULLS\s+(FIRST|LAST)\s*$", re.IGNORECASE)
_DESC = re.compile(r"\s+DESC\s*$", re.IGNORECASE)
_ASC = re.compile(r"\s+ASC\s*$", re.IGNORECASE)
_TYPES = ((re.compile(r"\bBLOB\b"), "BYTEA"), (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
          (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'))


def _mask(sql: str) -> tuple[str, list[str]]:
    """``sql`` with quoted literals and identifiers replaced by ``\\0N\\0`` markers."""
    found: list[str] = []

    def keep(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return f"\0{len(found) - 1}\0"

    return _QUOTED.sub(keep, sql), found


def _unmask(sql: str, found: list[str]) -> str:
    return re.sub(r"\0(\d+)\0", lambda m: found[int(m.group(1))], sql)


def _order_terms(sql: str, start: int) -> tuple[list[str], int]:
    """The comma-separated ORDER BY terms from ``start`` and where the clause ends."""
    terms, depth, begin, i = [], 0, start, start
    while i < len(sql):
        c = sql[i]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and c == ",":
            terms.append(sql[begin:i])
            begin = i + 1
        elif depth == 0 and c.isspace() and _ORDER_END.match(sql, i):
            break
        i += 1
    terms.append(sql[begin:i])
    return terms, i


def _nulls_like_sqlite(sql: str, not_null: frozenset[str]) -> str:
    """Give ORDER BY terms SQLite's NULL placement, except on columns that are never NULL."""
    out, pos = [], 0
    for m in _ORDER_BY.finditer(sql):
        if m.start() < pos:
            continue
        terms, end = _order_terms(sql, m.end())
        fixed = []
        for term in terms:
            core = term.strip()
            lead, trail = term[: len(term) - len(term.lstrip())], term[len(term.rstrip()):]
            column = core.split(".")[-1].split()[0].lower() if core else ""
            if core and not _NULLS.search(core) and column not in not_null:
                core = (f"{core} NULLS LAST" if _DESC.search(core)
                        else f"{_ASC.sub('', core)} NULLS FIRST")
            fixed.append(lead + core + trail)
        out.append(sql[pos: m.end()] + ",".join(fixed))
        pos = end
    out.append(sql[pos:])
    return "".join(out)


def translate(sql: str, not_null: frozenset[str] = frozenset()) -> str:
    """Portable (SQLite-flavoured) SQL with ``?`` placeholders as psycopg SQL."""
    masked, found = _mask(sql.replace("%", "%%"))
    masked = re.sub(r"\bIFNULL\s*\(", "COALESCE(", masked, flags=re.IGNORECASE)
    masked = re.sub(r"(?<![\w.])LIKE\b", "ILIKE", masked, flags=re.IGNORECASE)
    masked = _nulls_like_sqlite(masked, not_null)
    return _unmask(masked.replace("?", "%s"), found)


def translate_ddl(sql: str) -> str:
    """Migration column types for PostgreSQL (types are written in upper case)."""
    masked, found = _mask(sql)
    for pattern, replacement in _TYPES:
        masked = pattern.sub(replacement, masked)
    return _unmask(masked, found)


def describe(url: str) -> str:
    """'database D on host H' for messages (never the password); StancemapError if ``url``
    is not a connection URL."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(url)
    except Exception:
        raise StancemapError("invalid PostgreSQL URL: expected "
                             "postgresql://user@host:port/dbname") from None
    host = info.get("host") or "localhost"
    port = f":{info['port']}" if info.get("port") else ""
    name = info.get("dbname") or info.get("user") or "(default)"
    return f"PostgreSQL database {name} on {host}{port}"


def _reason(exc: Exception) -> str:
    """The informative part of a connection error, on one line, without a password."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = re.sub(r"^connection (failed|is bad):\s*", "", text)
    text = re.sub(r"^connection to server .*? failed:\s*", "", text)
    text = re.sub(r"(password\s*=\s*)\S+", r"\1***", text)
    return re.sub(r"\s+", " ", re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", text)).strip()


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database named by a ``postgresql://`` URL."""

    placeholder = "%s"
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StancemapError("PostgreSQL needs psycopg: pip install 'stancemap[postgres]'"
                                 ) from exc
        where = describe(url)
        try:
            conn = psycopg.connect(url, connect_timeout=10)
        except Exception as exc:  # psycopg.Error, or an option psycopg rejects
            raise StancemapError(f"cannot connect to {where}: {_reason(exc)}") from None
        self.url_description = where
        self._not_null: frozenset[str] = frozenset()
        self._sql: dict[str, str] = {}
        super().__init__(conn)

    def _q(self, sql: str) -> str:
        done = self._sql.get(sql)
        if done is None:
            if len(self._sql) > 4000:  # IN lists of every length: keep the cache bounded
                self._sql.clear()
            done = self._sql[sql] = translate(sql, self._not_null)
        return done

    def run_script(self, sql: str) -> None:
        super().run_script(translate_ddl(sql))

    def migrate(self) -> None:
        """Apply pending migrations under an advisory lock, then learn the NOT NULL columns."""
        self.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
        try:
            super().migrate()
        finally:
            self.conn.rollback()
            self.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
            self.conn.commit()
        rows = self.query("SELECT column_name, is_nullable FROM information_schema.columns "
                          "WHERE table_schema = current_schema()")
        nullable = {r[0] for r in rows if r[1] == "YES"}
        self._not_null = frozenset(r[0] for r in rows if r[0] not in nullable)
        self._sql.clear()
        self.conn.commit()

    def executemany(self, sql: str, rows: Any) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            self.conn.cursor().executemany(self._q(sql), batch)

    def iter_rows(self, sql: str, params: Sequence[Any] = (), batch: int = 500
                  ) -> Iterator[tuple[Any, ...]]:
        """Stream through a server-side cursor (WITH HOLD: it survives a commit)."""
        with self.conn.cursor(name=f"stancemap_rows_{next(_CURSORS)}", withhold=True) as cur:
            cur.execute(self._q(sql), tuple(params))
            while rows := cur.fetchmany(batch):
                yield from rows

