"""The read endpoints over a real SQLite store with hand-built events (see conftest.py)."""

from __future__ import annotations

from api_data import MEETINGS
from fastapi.testclient import TestClient


def test_events_page_has_the_documented_shape(client: TestClient) -> None:
    response = client.get("/api/events", params={"limit": 5})
    assert response.status_code == 200
    page = response.json()
    assert set(page) == {"items", "next_cursor"}
    assert len(page["items"]) == 5
    first = page["items"][0]
    for field in ("event_id", "doc_id", "sentence_index", "char_start", "char_end", "text",
                  "source", "target", "cameo", "cameo_root", "plover", "quad_class",
                  "goldstein", "date", "historical", "place", "quote", "topics", "frameworks",
                  "confidence", "rule", "num_mentions", "num_sources", "num_articles",
                  "article_ids"):
        assert field in first, field
    # Newest first: the last meeting (December 2023) leads.
    assert first["date"] == "2023-12-15"


def test_cursor_pagination_walks_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen.extend(item["event_id"] for item in page["items"])
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    total = MEETINGS * 2 + 4
    assert len(seen) == total
    assert len(set(seen)) == total
    assert pages == -(-total // 7)


def test_filters_select_the_expected_events(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        page = client.get("/api/events", params={"limit": 200, **params}).json()
        return {item["event_id"] for item in page["items"]}

    assert ids(source="FRA") == {"fra-bel-e0"}
    assert ids(target="FRA") == {"bel-fra-e0"}
    assert ids(actor="EU") == {"eu-aid-e0"}
    assert ids(code="1663") == {"fra-bel-e0"}
    assert ids(root="11") == {"bel-fra-e0"}
    assert ids(quad=2) == {"eu-aid-e0"}
    assert ids(historical="true") == {"recall-e0"}
    assert ids(place="Paris") == {"fra-bel-e0"}
    assert ids(topic="disaster") == {"eu-aid-e0"}
    assert ids(since="2023-12", until="2023-12") == {"meet-24-e0", "meet-24-e1"}
    assert ids(text="expelled") == {"fra-bel-e0"}
    assert len(ids(source="KAZGOV", target="BEL")) == MEETINGS
    assert len(ids(topic="energy", source="BEL", target="KAZ")) == MEETINGS


def test_event_detail_has_evidence_with_highlights(client: TestClient) -> None:
    response = client.get("/api/events/meet-03-e0")
    assert response.status_code == 200
    event = response.json()
    assert event["rule"] == "test:043"
    [evidence] = event["evidence"]
    assert evidence["article_id"] == "meet-03"
    assert evidence["title"] == "Talks number 3"
    text = evidence["text"]
    spans = {h["kind"]: text[h["start"]:h["end"]] for h in evidence["highlights"]}
    assert spans["source"] == "Foreign Minister Aida Nurlanova"
    assert spans["target"] == "Belgian lawmakers"
    assert spans["trigger"] == "met"
    assert spans["place"] == "Astana"


def test_unknown_event_is_404_json(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == 404
    assert error["parameter"] == "event_id"
    assert "no-such-event" in error["message"]


def test_actors_are_counted(client: TestClient) -> None:
    actors = client.get("/api/actors").json()
    by_code = {a["code"]: a for a in actors}
    assert by_code["KAZGOV"]["events"] == MEETINGS
    assert by_code["KAZGOV"]["name"] == "Aida Nurlanova"
    assert by_code["FRAGOV"]["events"] == 2
    assert client.get("/api/actors", params={"limit": 2}).json() == actors[:2]
    only_fra = client.get("/api/actors", params={"source": "FRA"}).json()
    assert {a["code"] for a in only_fra} == {"FRAGOV", "BEL"}


def test_dyad_series_by_year_quarter_month(client: TestClient) -> None:
    series = client.get("/api/dyads/KAZ/BEL", params={"by": "year"}).json()
    assert (series["a"], series["b"], series["by"]) == ("KAZ", "BEL", "year")
    periods = {p["period"]: p for p in series["periods"]}
    assert periods["2022"]["a_to_b"]["q1"] == 12
    assert periods["2022"]["b_to_a"]["q1"] == 12
    assert periods["2022"]["a_to_b"]["goldstein"] == 2.8
    assert periods["2015"]["b_to_a"]["q1"] == 1  # the recalled visit
    assert periods["2018"]["a_to_b"]["goldstein"] is None  # quiet years are filled in

    quarters = client.get("/api/dyads/KAZ/BEL", params={"by": "quarter"}).json()["periods"]
    assert quarters[0]["period"] == "2022-Q1"
    assert quarters[0]["a_to_b"]["q1"] == 3
    months = client.get("/api/dyads/KAZ/BEL").json()
    assert months["by"] == "month"
    assert months["periods"][0]["period"] == "2022-01"


def test_top_dyads(client: TestClient) -> None:
    pairs = client.get("/api/dyads", params={"limit": 2}).json()
    assert len(pairs) == 2
    assert {pairs[0]["a"], pairs[0]["b"]} == {"BEL", "KAZ"}
    assert pairs[0]["events"] == MEETINGS * 2 + 1


def test_network_nodes_and_edges(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert set(nodes) == {"KAZ", "BEL", "FRA", "EU"}
    assert nodes["KAZ"]["label"] == "Kazakhstan"
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("FRA", "BEL")]["q4"] == 1
    assert edges[("KAZ", "BEL")]["total"] == MEETINGS

    top = client.get("/api/network", params={"limit": 2}).json()
    assert {n["id"] for n in top["nodes"]} == {"KAZ", "BEL"}
    assert {(e["source"], e["target"]) for e in top["edges"]} == {("KAZ", "BEL"), ("BEL", "KAZ")}
    busy = client.get("/api/network", params={"min_events": 2}).json()
    assert all(e["total"] >= 2 for e in busy["edges"])


def test_places_with_coordinates(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert places[0] == {
        "name": "Astana", "country": "KAZ", "lat": 51.18, "lon": 71.45, "events": MEETINGS * 2,
    }
    assert {p["name"] for p in places} == {"Astana", "Brussels", "Paris"}
    assert [p["name"] for p in client.get("/api/places", params={"source": "FRA"}).json()] == [
        "Paris"
    ]


def test_openapi_and_docs_are_served(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/dyads/{a}/{b}",
                 "/api/dyads", "/api/network", "/api/places", "/api/codes", "/api/articles"):
        assert path in schema["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI comes from the package, not a CDN: /docs works offline.
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_dashboard_is_served_from_the_package(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200
    assert "text/html" in index.headers["content-type"]
    assert '<script src="/static/app.js">' in index.text
    for asset in ("app.js", "charts.js", "app.css", "world-110m.svg", "LICENSES.txt"):
        assert client.get(f"/static/{asset}").status_code == 200, asset
    assert client.get("/static/nope.js").status_code == 404


def test_codes_give_cameo_names(client: TestClient) -> None:
    found = client.get("/api/codes", params={"codes": "043,042,043,99"}).json()
    assert set(found) == {"043", "042"}  # duplicates once, unknown codes left out
    assert found["042"]["name"] == "Make a visit"
    assert found["043"]["quad_class"] == 1
    bad = client.get("/api/codes", params={"codes": "04;drop"})
    assert bad.status_code == 400
    assert bad.json()["error"]["parameter"] == "codes"
