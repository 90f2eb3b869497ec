from pathlib import Path

import pytest

from stancemap.errors import StancemapError
from stancemap.models import Document
from stancemap.store import SQLiteStore, open_store


def test_new_store_is_migrated_in_wal_mode_with_foreign_keys(store: SQLiteStore) -> None:
    assert store.schema_version >= 1
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    for table in ("documents", "sentences", "actors", "aliases", "mentions", "statements",
                  "positions", "events", "discrepancies", "claims", "issues"):
        assert store.count(table) == 0


def test_reopening_keeps_data_and_does_not_migrate_twice(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with SQLiteStore(path) as s:
        with s.transaction():
            s.add_document(Document("d1", "a.txt", "Some text here."))
        version = s.schema_version
    with SQLiteStore(path) as s:
        assert s.schema_version == version
        assert s.get_document("d1").text == "Some text here."
        assert s.scalar("SELECT COUNT(*) FROM schema_version") == version


def test_failed_transaction_rolls_back(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(Document("d1", "a.txt", "text"))
        raise RuntimeError("boom")
    assert not store.has_document("d1")


def test_iter_documents_streams_in_batches(store: SQLiteStore) -> None:
    with store.transaction():
        for n in range(7):
            store.add_document(Document(f"d{n}", f"{n}.txt", f"text {n}"))
    assert [d.id for d in store.iter_documents(batch=3)] == [f"d{n}" for n in range(7)]
    assert store.pending_count() == 7


def test_open_store_reports_a_missing_folder_or_an_unreachable_server(tmp_path: Path) -> None:
    with pytest.raises(StancemapError, match="folder does not exist"):
        open_store(str(tmp_path / "nope" / "x.db"))
    with pytest.raises(StancemapError, match="PostgreSQL"):
        open_store("postgresql://localhost/x")
