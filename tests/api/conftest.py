"""Fixtures: a real SQLite store file filled through `Store.add_article`, and a TestClient.

`hand_db` holds hand-built Event records (fast, exact numbers for filters and paging);
the seed tests in test_api_seed.py use the real coder instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_data import fill_store
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.store import Store


@pytest.fixture(scope="session")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file with the hand-built events (made once per session; read-only tests)."""
    path = tmp_path_factory.mktemp("api") / "hand.db"
    store = Store.open(str(path))
    try:
        fill_store(store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def client(hand_db: Path) -> Iterator[TestClient]:
    """A TestClient over the hand-built store, writes off (no token)."""
    with TestClient(create_app(str(hand_db)), raise_server_exceptions=False) as test_client:
        yield test_client
