"""POST /api/articles: off without a token, bearer auth, body limits, bad input, real coding."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_data import TOKEN
from fastapi.testclient import TestClient

from parley.api import create_app
from parley.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "api-post-1",
    "title": "Ministers meet",
    "published": "2024-03-05",
    "text": (
        "Kazakhstan's Foreign Minister met the Prime Minister of Belgium in Brussels on "
        "Tuesday. The two sides discussed trade and energy cooperation."
    ),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "write.db"


@pytest.fixture
def write_client(db: Path) -> Iterator[TestClient]:
    """A client over an empty store with writes on (a token) and a 4 KiB body limit."""
    app = create_app(str(db), api_token=TOKEN, max_body_bytes=4096)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _error(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_write_endpoint_is_off_without_a_token(db: Path) -> None:
    with TestClient(create_app(str(db))) as client:
        response = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 403
    assert "PARLEY_API_TOKEN" in _error(response)["message"]


def test_missing_token_is_401_with_a_challenge(write_client: TestClient) -> None:
    response = write_client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "bearer token" in _error(response)["message"]


@pytest.mark.parametrize(
    "header", ["Bearer wrong-token", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"]
)
def test_wrong_token_is_401(write_client: TestClient, header: str) -> None:
    response = write_client.post("/api/articles", json=ARTICLE, headers={"Authorization": header})
    assert response.status_code == 401
    _error(response)


def test_body_over_the_limit_is_413(write_client: TestClient) -> None:
    big = {**ARTICLE, "text": "Belgium met Kazakhstan. " * 400}
    response = write_client.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert _error(response)["code"] == "payload_too_large"


def test_streamed_body_over_the_limit_is_413(write_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while reading
        for _ in range(10):
            yield b'{"text": "' + b"x" * 1000 + b'"}\n'

    response = write_client.post("/api/articles", content=chunks(), headers=AUTH)
    assert response.status_code == 413
    _error(response)


def test_limit_applies_to_reads_too(write_client: TestClient) -> None:
    response = write_client.post("/api/events", content=b"x" * 5000)
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (b'{"text": "ok"}\n{not json', "record 2"),
        (b'{"title": "no text"}', "'text'"),
        (b'[1, 2]', "record 1"),
        (b'{"text": 5}', "'text'"),
        (b'{"text": "fine", "title": ["not", "a", "string"]}', "'title'"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b'{"text": ' + b"[" * 1500 + b"]" * 1500 + b"}", "nested too deep"),
        (b'{"text": "ok"}\n{"text": ' + b"[" * 1500 + b"]" * 1500 + b"}", "record 2"),
    ],
)
def test_bad_bodies_are_400_naming_the_record(
    write_client: TestClient, body: bytes, needle: str
) -> None:
    response = write_client.post(
        "/api/articles", content=body, headers={**AUTH, "Content-Type": "application/x-ndjson"}
    )
    assert response.status_code == 400
    error = _error(response)
    assert error["parameter"] == "body"
    assert needle in error["message"]


def test_a_number_past_the_digit_limit_is_400(db: Path) -> None:
    app = create_app(str(db), api_token=TOKEN)  # the default body limit holds 5,000 digits
    with TestClient(app) as client:
        response = client.post("/api/articles", headers=AUTH,
                               content=b'{"text": "x", "n": ' + b"9" * 5000 + b"}")
    assert response.status_code == 400
    assert "digits" in _error(response)["message"]


def test_too_many_articles_in_one_batch_is_413(db: Path) -> None:
    app = create_app(str(db), api_token=TOKEN)
    lines = b"\n".join(b'{"text": "Belgium and Kazakhstan met."}' for _ in range(501))
    with TestClient(app) as client:
        response = client.post("/api/articles", content=lines, headers=AUTH)
    assert response.status_code == 413
    assert "501 articles" in _error(response)["message"]


def test_nothing_is_stored_when_a_record_is_bad(write_client: TestClient, db: Path) -> None:
    body = json.dumps(ARTICLE) + "\n" + '{"text": 1}'
    response = write_client.post("/api/articles", content=body.encode(), headers=AUTH)
    assert response.status_code == 400
    with Store.open(str(db)) as store:
        assert store.counts()["articles"] == 0


@pytest.mark.slow
def test_post_codes_and_stores_with_the_real_coder(write_client: TestClient, db: Path) -> None:
    body = "\n".join(
        [json.dumps(ARTICLE), json.dumps({"text": "   "}), json.dumps({**ARTICLE, "id": "dup"})]
    )
    response = write_client.post("/api/articles", content=body.encode(), headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()
    assert [r["id"] for r in result["results"]] == ["api-post-1", "dup"]
    assert [r["status"] for r in result["results"]] == ["stored", "stored"]
    assert result["skipped"] == [{"record": 2, "reason": "empty text"}]
    assert result["coder_version"]
    assert result["results"][0]["events"] >= 1

    # What was stored is readable through the API at once.
    page = write_client.get("/api/events", params={"actor": "BEL"}).json()
    assert any("api-post-1" in item["article_ids"] for item in page["items"])

    # Posting the same article again changes nothing.
    again = write_client.post("/api/articles", json=ARTICLE, headers=AUTH).json()
    assert again["results"][0]["status"] == "unchanged"


def test_the_servers_actor_dictionary_codes_posted_articles(tmp_path: Path) -> None:
    people = tmp_path / "people.actors.txt"
    people.write_text("ZARINA_QODIROVA_ [TJKGOV]\n", encoding="utf-8")
    app = create_app(str(tmp_path / "w.db"), api_token=TOKEN,
                     coder_options={"actor_files": (people,)})
    with TestClient(app) as client:
        response = client.post(
            "/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
            json={"id": "q1", "published": "2024-05-02",
                  "text": "Zarina Qodirova met the Turkish foreign minister on Monday."})
        assert response.status_code == 200, response.text
        items = client.get("/api/events").json()["items"]
    assert {item["source"]["country"] for item in items} == {"TJK"}
