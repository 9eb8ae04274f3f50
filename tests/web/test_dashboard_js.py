"""The dashboard's pure helpers, run in the browser: highlighting, URLs, periods."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _marks(page, text: str, spans: list[dict]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """[kind, text] per <mark> and ["", text] per plain run, as highlighted() builds them."""
    return page.evaluate(
        """([text, spans]) => highlighted(text, spans).map((part) =>
            typeof part === "string" ? ["", part] : [part.className, part.textContent])""",
        [text, spans],
    )


def test_highlighting_marks_spans_and_survives_bad_ones(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_selector("main[data-ready='search']")
    text = "Kazakhstan met Belgium in Astana."
    spans = [
        {"start": 15, "end": 22, "kind": "target"},
        {"start": 0, "end": 10, "kind": "source"},
        {"start": 11, "end": 14, "kind": "trigger"},
        {"start": 5, "end": 12, "kind": "place"},  # overlaps source: dropped
        {"start": 30, "end": 99, "kind": "place"},  # past the end: dropped
        {"start": -3, "end": 2, "kind": "place"},  # negative: dropped
        {"start": 4, "end": 4, "kind": "place"},  # empty: dropped
    ]
    parts = _marks(page, text, spans)
    assert "".join(t for _, t in parts) == text  # nothing lost or repeated
    assert [p for p in parts if p[0]] == [
        ["source", "Kazakhstan"], ["trigger", "met"], ["target", "Belgium"],
    ]


def test_row_spans_are_shifted_to_the_evidence(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_selector("main[data-ready='search']")
    spans = page.evaluate(
        """() => rowSpans({char_start: 100, source_span: [100, 110], target_span: null,
                           trigger_start: 111, trigger_end: 114})"""
    )
    assert spans == [
        {"start": 0, "end": 10, "kind": "source"},
        {"start": 11, "end": 14, "kind": "trigger"},
    ]


def test_only_web_urls_are_linked_and_quarters_become_month_ranges(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_selector("main[data-ready='search']")
    assert page.evaluate("safeUrl('https://example.org/a?b=1')") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "not a url", ""):
        assert page.evaluate("(u) => safeUrl(u)", bad) is None
    assert page.evaluate("periodRange('2021-Q2')") == ["2021-04", "2021-06"]
    assert page.evaluate("periodRange('2021-03')") == ["2021-03", "2021-03"]
    assert page.evaluate("periodRange('2021')") == ["2021", "2021"]


def test_network_layout_keeps_nodes_apart_and_in_frame(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_selector("main[data-ready='search']")
    circles = page.evaluate(
        """() => {
            const ids = ["A", "B", "C", "D", "E", "F", "G", "H"];
            const nodes = ids.map((id, i) => ({ id, label: id, events: 10 - i }));
            const edge = (source, target) =>
                ({ source, target, q1: 1, q2: 0, q3: 0, q4: 0, total: 1 });
            // A star of five, a separate pair and a lone node with a self-loop.
            const edges = [edge("A", "B"), edge("A", "C"), edge("A", "D"), edge("A", "E"),
                           edge("F", "G"), edge("H", "H")];
            const svg = Charts.network({ nodes, edges }, () => "#", () => "#");
            const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
            const at = (c, name) => Number(c.getAttribute(name));
            return { w, h, circles: [...svg.querySelectorAll(".net-node circle")].map((c) =>
                ({ x: at(c, "cx"), y: at(c, "cy"), r: at(c, "r") })) };
        }"""
    )
    nodes = circles["circles"]
    assert len(nodes) == 8
    for c in nodes:
        assert c["r"] <= c["x"] <= circles["w"] - c["r"]
        assert c["r"] <= c["y"] <= circles["h"] - c["r"]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            distance = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            assert distance > a["r"] + b["r"], (a, b)
