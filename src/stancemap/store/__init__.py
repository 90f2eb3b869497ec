"""Open the store a ``--db`` value names: a SQLite path or a ``postgresql://`` URL."""

from __future__ import annotations

from .base import SQLStore
from .sqlite import SQLiteStore

__all__ = ["SQLStore", "SQLiteStore", "open_store", "is_postgres_url"]


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str) -> SQLStore:
    """The store for ``db``: a PostgreSQL database for a ``postgresql://`` (or
    ``postgres://``) URL, else a SQLite file path (created on first use)."""
    if is_postgres_url(db):
        from .postgres import PostgresStore  # psycopg is an optional dependency

        return PostgresStore(db)
    return SQLiteStore(db)
