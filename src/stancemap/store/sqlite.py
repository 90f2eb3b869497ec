"""The embedded default backend: one SQLite file in WAL mode with foreign keys on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StancemapError
from .base import SQLStore


class SQLiteStore(SQLStore):
    placeholder = "?"

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if path.parent and not path.parent.exists():
            raise StancemapError(f"database folder does not exist: {path.parent}")
        try:
            conn = sqlite3.connect(path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StancemapError(f"cannot open database {path}: {exc}") from exc
        self.path = path
        super().__init__(conn)
