"""Opening stores: creation, the v1 -> v2 upgrade, and one-line errors for bad locations."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from parley.errors import StoreError
from parley.store import Store, schema
from parley.store.engine import engine_url


def _engine(url: str):
    return create_engine(engine_url(url)[1])


def test_new_store_is_at_current_version(store_url: str) -> None:
    Store.open(store_url).close()
    engine = _engine(store_url)
    with engine.connect() as conn:
        assert schema.current_version(conn) == schema.SCHEMA_VERSION
        assert inspect(conn).has_table("ingest_log")
    engine.dispose()


def test_v1_database_is_upgraded_on_open(store_url: str) -> None:
    engine = _engine(store_url)
    with engine.begin() as conn:
        schema.initialize(conn, target=1)
        conn.execute(
            schema.articles.insert().values(
                id="old",
                text="An article stored by v1.",
                content_hash="h",
                coder_version="0",
                ingested_at="2024-01-01T00:00:00Z",
            )
        )
    with engine.connect() as conn:
        assert schema.current_version(conn) == 1
        assert not inspect(conn).has_table("ingest_log")
    engine.dispose()
    with Store.open(store_url) as store:
        assert store.counts()["articles"] == 1
        store.log_ingest("x.jsonl", {"stored": 1})  # the v2 table works
    engine = _engine(store_url)
    with engine.connect() as conn:
        assert schema.current_version(conn) == 2
        indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
        assert "ix_events_dyad" in indexes
    engine.dispose()


def test_newer_schema_is_refused(store_url: str) -> None:
    Store.open(store_url).close()
    engine = _engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this Parley"):
        Store.open(store_url)


def test_foreign_database_is_refused(store_url: str) -> None:
    engine = _engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a Parley database"):
        Store.open(store_url)


def test_not_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the bytes of an SQLite database" * 100)
    with pytest.raises(StoreError, match="not a Parley database") as info:
        Store.open(str(path))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("url", ["mysql://localhost/x", "ftp://somewhere"])
def test_bad_url(url: str) -> None:
    with pytest.raises(StoreError, match="unsupported database URL"):
        Store.open(url)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store.open(str(tmp_path))


def test_unreachable_server() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket closes
    with pytest.raises(StoreError, match="cannot connect") as info:
        Store.open(f"postgresql://nobody:secret@127.0.0.1:{port}/parley")
    message = str(info.value)
    assert "\n" not in message
    assert "secret" not in message


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "p.db")) as store, store.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
