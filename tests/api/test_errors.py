"""Bad input gets a clear JSON error naming the parameter; nothing leaks a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.errors import StoreError


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events", {"since": "2021-13"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"quad": "5"}, "quad"),
        ("/api/events", {"quad": "two"}, "quad"),
        ("/api/events", {"root": "99"}, "root"),
        ("/api/events", {"code": "abc"}, "code"),
        ("/api/events", {"historical": "maybe"}, "historical"),
        ("/api/events", {"limit": "0"}, "limit"),
        ("/api/events", {"limit": "201"}, "limit"),
        ("/api/events", {"cursor": "not-a-cursor"}, "cursor"),
        ("/api/events", {"cursor": "WyIyMDI0IiwgdHJ1ZV0"}, "cursor"),
        ("/api/events", {"text": "!!!"}, "text"),
        ("/api/events", {"actor": "  "}, "actor"),
        ("/api/actors", {"limit": "100000"}, "limit"),
        ("/api/places", {"since": "2020-02-30"}, "since"),
        ("/api/network", {"min_events": "0"}, "min_events"),
        ("/api/dyads/KAZ/BEL", {"by": "week"}, "by"),
        ("/api/dyads/KAZ/BEL", {"since": "x"}, "since"),
        ("/api/dyads/KAZ/B%20L", {}, "b"),
    ],
)
def test_bad_parameters_are_400_naming_them(
    client: TestClient, path: str, params: dict[str, str], parameter: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert error["code"] == "bad_request"
    assert parameter in error["message"]
    assert "Traceback" not in response.text


def test_unknown_route_is_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_wrong_method_is_json_405(client: TestClient) -> None:
    response = client.delete("/api/events")
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_an_unexpected_error_is_a_json_500_without_traceback(hand_db: Path) -> None:
    app = create_app(str(hand_db))

    def boom() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/api/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/boom")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret" not in response.text
    assert "Traceback" not in response.text


def test_a_store_failure_is_a_json_503(hand_db: Path) -> None:
    app = create_app(str(hand_db))

    def down() -> None:
        raise StoreError("database is locked")

    app.add_api_route("/api/down", down)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/down")
    assert response.status_code == 503
    assert "database is locked" in response.json()["error"]["message"]


def test_a_bad_store_fails_at_startup_with_a_named_error(tmp_path: Path) -> None:
    not_a_db = tmp_path / "junk.db"
    not_a_db.write_bytes(b"this is not an sqlite file, just some bytes" * 100)
    with pytest.raises(StoreError):
        create_app(str(not_a_db))
