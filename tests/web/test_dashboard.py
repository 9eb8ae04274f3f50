"""The dashboard in headless Chromium over a store the real coder filled from the seed article.

Walks what a reader does: search "Belgium", open the Vassilenko meeting with the keyboard,
see the evidence highlighted, open the Kazakhstan-Belgium timeline and find the 2021 talks.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.browser


def _ready(page, view: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f"main[data-ready='{view}']")


def test_search_open_event_and_dyad_timeline(page, server_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    _ready(page, "search")
    search = page.get_by_role("searchbox", name="Search text")
    search.fill("Belgium")
    search.press("Enter")
    page.wait_for_url("**/#/search?text=Belgium")
    _ready(page, "search")
    results = page.locator("ol.results a.result")
    assert results.count() >= 1
    page.screenshot(path=str(artifacts / "dashboard-search.png"))

    # The Vassilenko meeting: a result whose evidence names him and whose source is Kazakh.
    meeting = results.filter(has_text="Vassilenko").filter(has_text="held a meeting")
    assert meeting.count() >= 1, results.all_inner_texts()
    first = meeting.first
    event_id = first.get_attribute("data-event-id")
    first.focus()
    # A visible focus ring: the outline is drawn, not suppressed.
    outline = first.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    _ready(page, "event")
    assert event_id and event_id in page.url

    evidence = page.locator(".evidence-item .evidence").first
    assert "Vassilenko" in evidence.inner_text()
    marks = {m.get_attribute("class"): m.inner_text() for m in evidence.locator("mark").all()}
    assert "Vassilenko" in marks.get("source", ""), marks
    assert "Belgium" in marks.get("target", "") or "delegation" in marks.get("target", ""), marks
    assert marks.get("trigger"), marks
    assert page.locator("dl.fields code.rule").inner_text().strip() not in ("", "—")
    page.screenshot(path=str(artifacts / "dashboard-event.png"), full_page=True)

    # From the event to the pair's timeline.
    page.locator("a.dyad-link").click()
    _ready(page, "dyad")
    assert "/dyad/KAZ/BEL" in page.url
    talks = page.locator("#timeline g.period[data-period='2021'] rect")
    assert talks.count() >= 1, "the 2021 talks are not on the timeline"
    period = page.locator("#timeline g.period[data-period='2021']")
    assert "2021" in " ".join(period.locator("title").all_text_contents())
    listed = page.locator("ol.results a.result").filter(has_text="2021")
    assert listed.count() >= 1
    assert "Tokayev" in " ".join(listed.all_inner_texts())
    page.screenshot(path=str(artifacts / "dashboard-dyad.png"), full_page=True)


def test_network_map_and_actor_views_render(page, server_url: str, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/#/network")
    _ready(page, "network")
    nodes = page.locator(".chart svg .net-node")
    assert nodes.count() >= 2
    labels = nodes.locator("text").all_text_contents()
    assert "Kazakhstan" in labels and "Belgium" in labels
    page.screenshot(path=str(artifacts / "dashboard-network.png"))

    page.goto("/#/map")
    _ready(page, "map")
    assert page.locator(".chart svg path.map-land").count() == 1
    with urlopen(f"{server_url}/api/places") as response:
        places = json.load(response)
    located = [p for p in places if p["lat"] is not None]
    assert page.locator(".chart svg .map-point").count() == len(located)
    page.screenshot(path=str(artifacts / "dashboard-map.png"))

    page.goto("/#/actors")
    _ready(page, "actors")
    assert page.locator("table.list tbody tr").count() >= 2


def test_keyboard_reaches_results_and_errors_are_shown(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/#/search?actor=KAZ")
    _ready(page, "search")
    # Tab from the search box lands, in order, on the controls and then on the results.
    page.get_by_role("searchbox", name="Search text").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('result')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('result')")

    page.goto("/#/search?since=not-a-date")
    _ready(page, "search")
    alert = page.get_by_role("alert")
    assert "since" in alert.inner_text()

    page.goto("/#/event/no-such-event")
    _ready(page, "event")
    assert "no-such-event" in page.get_by_role("alert").inner_text()


def test_hostile_article_metadata_is_shown_as_text(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/#/search?text=Hostile")
    _ready(page, "search")
    results = page.locator("ol.results a.result")
    assert results.count() >= 1
    results.first.click()
    _ready(page, "event")
    assert page.locator(".evidence-item .src").filter(has_text="<img src=x").count() == 1
    assert page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None


def test_load_more_pages_with_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/#/search?limit=3")
    _ready(page, "search")
    results = page.locator("ol.results a.result")
    assert results.count() == 3
    more = page.get_by_role("button", name="Load more")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('ol.results a.result').length > 3")
    assert results.count() == 6
    # Focus moved to the first new result, so the reader continues where the list grew.
    assert page.evaluate("document.activeElement === document.querySelectorAll('a.result')[3]")
    ids = [a.get_attribute("data-event-id") for a in results.all()]
    assert len(set(ids)) == 6
