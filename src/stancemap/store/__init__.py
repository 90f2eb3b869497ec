"""Open the store a ``--db`` value names: a SQLite path or a ``postgresql://`` URL."""

from __future__ import annotations

from ..errors import StancemapError
from .base import SQLStore
from .sqlite import SQLiteStore

__all__ = ["SQLStore", "SQLiteStore", "open_store"]


def open_store(db: str) -> SQLStore:
    """The store for ``db`` (a SQLite file path; created on first use)."""
    if db.startswith(("postgresql://", "postgres://")):
        raise StancemapError(
            "PostgreSQL is not supported by this version yet; give --db a SQLite file path"
        )
    return SQLiteStore(db)
