"""The same API over a PostgreSQL store: the routes do not depend on the backend."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from api_data import MEETINGS, fill_store
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.store import Store

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(postgres_server: str) -> Iterator[TestClient]:
    import psycopg

    name = "api_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{postgres_server}/{name}"
    with Store.open(url) as store:
        fill_store(store)
    with TestClient(create_app(url), raise_server_exceptions=False) as client:
        yield client


def test_pages_filters_and_search_on_postgres(pg_client: TestClient) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        page = pg_client.get("/api/events", params=params).json()
        seen.extend(item["event_id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == MEETINGS * 2 + 4

    texts = pg_client.get("/api/events", params={"text": "expelled"}).json()["items"]
    assert [item["event_id"] for item in texts] == ["fra-bel-e0"]
    detail = pg_client.get("/api/events/meet-02-e1").json()
    assert {h["kind"] for h in detail["evidence"][0]["highlights"]} >= {"source", "target"}
    assert pg_client.get("/api/events/nope").status_code == 404
    assert pg_client.get("/api/events", params={"since": "2021-02-30"}).status_code == 400


def test_aggregates_on_postgres(pg_client: TestClient) -> None:
    series = pg_client.get("/api/dyads/KAZ/BEL", params={"by": "year"}).json()
    periods = {p["period"]: p for p in series["periods"]}
    assert periods["2023"]["a_to_b"]["q1"] == 12
    graph = pg_client.get("/api/network").json()
    assert {n["id"] for n in graph["nodes"]} == {"KAZ", "BEL", "FRA", "EU"}
    places = pg_client.get("/api/places").json()
    assert places[0]["name"] == "Astana"
    actors = pg_client.get("/api/actors").json()
    assert {a["code"] for a in actors} >= {"KAZGOV", "BELLEG", "FRAGOV", "IGOEU"}
