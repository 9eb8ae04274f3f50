"""End to end through the API with the real coder: POST the seed article, read its events back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_data import TOKEN
from fastapi.testclient import TestClient

from parley.api import create_app

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kazinform-kazakhstan-belgium.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app whose store got the seed article through POST /api/articles."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    app = create_app(str(db), api_token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post(
            "/api/articles",
            json={"id": "seed", "title": title.strip(), "outlet": "Kazinform", "text": body},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["results"][0]["events"] > 0
        yield client


def test_search_finds_the_vassilenko_meeting_with_highlights(seeded: TestClient) -> None:
    page = seeded.get("/api/events", params={"text": "Belgium", "limit": 200}).json()
    meetings = [
        item for item in page["items"]
        if "Vassilenko" in item["text"] and "held a meeting" in item["text"]
    ]
    assert meetings, [item["text"][:60] for item in page["items"]]
    meeting = meetings[0]
    assert meeting["source"]["country"] == "KAZ"
    assert meeting["target"]["country"] == "BEL"
    assert meeting["cameo_root"] == "04"

    detail = seeded.get(f"/api/events/{meeting['event_id']}").json()
    assert detail["rule"]
    [evidence] = detail["evidence"]
    spans = {h["kind"]: evidence["text"][h["start"]:h["end"]] for h in evidence["highlights"]}
    assert "Vassilenko" in spans["source"]
    assert "trigger" in spans


def test_dyad_shows_the_2021_talks(seeded: TestClient) -> None:
    series = seeded.get("/api/dyads/KAZ/BEL", params={"by": "year"}).json()
    periods = {p["period"]: p for p in series["periods"]}
    assert "2021" in periods, series
    both = periods["2021"]["a_to_b"], periods["2021"]["b_to_a"]
    assert sum(d["q1"] + d["q2"] for d in both) >= 1
    talks = seeded.get(
        "/api/events", params={"actor": "KAZ", "since": "2021", "until": "2021"}
    ).json()["items"]
    assert any("Tokayev" in item["text"] and item["historical"] for item in talks)
