"""The store on both backends: writes, exactly-once, dedup, replacement, queries, errors.

Every test here runs twice, on an SQLite file and on a real PostgreSQL database.
"""

from __future__ import annotations

import pytest
from store_helpers import BEL, FRA, KAZ, article, event

from parley.errors import QueryError
from parley.records import Actor, Place
from parley.store import EventFilter, Store
from parley.store import queries as q

MEETING_A = "Kazakh and Belgian diplomats met in Astana on Tuesday to discuss trade."
MEETING_B = "Officials from Belgium held talks with Kazakhstan's foreign ministry in Astana."


@pytest.fixture
def store(store_url: str):
    with Store.open(store_url) as s:
        yield s


def test_add_article_round_trips_events(store: Store) -> None:
    art = article("a1", MEETING_A)
    ev = event(
        art,
        trigger_start=27,
        trigger_end=30,
        source_span=(0, 5),
        target_span=(10, 17),
        extras={"k": [1, 2]},
        quote="we agree",
        quote_speaker="X",
    )
    assert store.add_article(art, [ev], "test-1") == "stored"
    assert store.article_events("a1") == [ev]
    assert store.counts() == {"articles": 1, "events": 1, "mentions": 1, "actors": 2}


def test_same_article_twice_is_unchanged(store: Store) -> None:
    art = article("a1", MEETING_A)
    assert store.add_article(art, [event(art)], "test-1") == "stored"
    assert store.article_status(art, "test-1") == "unchanged"
    assert store.add_article(art, [event(art)], "test-1") == "unchanged"
    assert store.counts()["events"] == 1
    assert store.counts()["mentions"] == 1


def test_newer_coder_replaces_events(store: Store) -> None:
    art = article("a1", MEETING_A)
    store.add_article(art, [event(art), event(art, 1, cameo="036", target=FRA)], "test-1")
    assert store.counts()["events"] == 2
    assert store.article_status(art, "test-2") == "changed"
    new = event(art, cameo="057", plover="AGREE", coder_version="test-2")
    assert store.add_article(art, [new], "test-2") == "replaced"
    assert store.article_events("a1") == [new]
    page = q.events_page(store)
    assert [i.event.cameo for i in page.items] == ["057"]


def test_two_outlets_one_meeting_is_one_event(store: Store) -> None:
    a = article("a", MEETING_A, outlet="Daily One", published="2024-03-05")
    b = article("b", MEETING_B, outlet="Evening Two", published="2024-03-06")
    store.add_article(a, [event(a, cameo="043")], "test-1")
    # A vaguer verb ("held talks": 040) a day later, from another outlet.
    store.add_article(b, [event(b, cameo="040")], "test-1")
    page = q.events_page(store)
    assert len(page.items) == 1
    item = page.items[0]
    assert (item.num_mentions, item.num_sources, item.num_articles) == (2, 2, 2)
    assert item.article_ids == ["a", "b"]
    detail = q.event_detail(store, item.event.event_id)
    assert [e.article_id for e in detail.evidence] == ["a", "b"]
    assert {e.outlet for e in detail.evidence} == {"Daily One", "Evening Two"}


def test_merge_rule_keeps_distinct_events_apart(store: Store) -> None:
    base = article("a", MEETING_A, published="2024-03-05")
    others = [
        ("late", {"date": "2024-03-09"}),  # 4 days later: another meeting
        ("host", {"cameo": "042"}),  # visit vs host: different specific codes
        ("dir", {"source": BEL, "target": KAZ}),  # other direction
        ("place", {"place": Place(name="Brussels", country="BEL")}),
        ("hist", {"historical": True}),
    ]
    store.add_article(base, [event(base)], "test-1")
    for aid, kw in others:
        art = article(aid, f"{MEETING_B} ({aid})", outlet="Other")
        store.add_article(art, [event(art, **kw)], "test-1")
    assert store.counts()["events"] == 1 + len(others)
    # A month-precision report of the same month merges with the day-precision one.
    month = article("m", MEETING_B + " (m)", outlet="Monthly")
    store.add_article(month, [event(month, date="2024-03", date_precision="month")], "test-1")
    assert store.counts()["events"] == 1 + len(others)


def test_replacing_an_article_recounts_and_deletes_empty_events(store: Store) -> None:
    a = article("a", MEETING_A, outlet="Daily One")
    b = article("b", MEETING_B, outlet="Evening Two")
    store.add_article(a, [event(a)], "test-1")
    store.add_article(b, [event(b)], "test-1")
    (item,) = q.events_page(store).items
    assert item.num_sources == 2
    # Article a is re-coded and now reports a different event: the meeting keeps only b.
    store.add_article(a, [event(a, cameo="112", quad_class=3, goldstein=-2.0)], "test-2")
    items = {i.event.cameo: i for i in q.events_page(store).items}
    assert set(items) == {"043", "112"}
    assert (items["043"].num_mentions, items["043"].num_sources) == (1, 1)
    assert items["043"].event.doc_id == "b"  # the representative moved to the remaining mention
    assert items["043"].article_ids == ["b"]
    # Re-coded with no events at all: only b's event is left.
    store.add_article(a, [], "test-3")
    assert [i.event.cameo for i in q.events_page(store).items] == ["043"]
    assert store.remove_article("b")
    assert store.counts()["events"] == 0


def test_filters_and_cursor_pagination(store: Store) -> None:
    for n in range(7):
        art = article(
            f"p{n}",
            f"Story number {n} about pipelines and grain.",
            published=f"2024-0{n + 1}-10",
            outlet=f"O{n}",
        )
        target = FRA if n % 2 else BEL
        store.add_article(art, [event(art, target=target)], "test-1")
    seen: list[str] = []
    f = EventFilter(limit=3)
    while True:
        page = q.events_page(store, f)
        seen += [i.event.doc_id for i in page.items]
        if page.next_cursor is None:
            break
        f = EventFilter(limit=3, cursor=page.next_cursor)
    assert seen == [f"p{n}" for n in reversed(range(7))]
    assert len(q.events_page(store, EventFilter(target="FRA")).items) == 3
    assert len(q.events_page(store, EventFilter(actor="belgium")).items) == 0  # no name
    assert len(q.events_page(store, EventFilter(target="BELGOV")).items) == 4
    assert len(q.events_page(store, EventFilter(since="2024-03", until="2024-05")).items) == 3
    assert len(q.events_page(store, EventFilter(text="story 4")).items) == 1
    assert len(q.events_page(store, EventFilter(text="pipelines")).items) == 7
    assert len(q.events_page(store, EventFilter(quad=4)).items) == 0
    assert len(q.events_page(store, EventFilter(root="4")).items) == 7
    assert len(q.events_page(store, EventFilter(topic="trade")).items) == 7
    assert len(q.events_page(store, EventFilter(place="astana")).items) == 7
    assert len(q.events_page(store, EventFilter(historical=True)).items) == 0


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"root": "31"}, "root"),
        ({"code": "4x"}, "code"),
        ({"quad": 5}, "quad"),
        ({"since": "2024-13"}, "since"),
        ({"limit": 0}, "limit"),
        ({"cursor": "!!"}, "cursor"),
        # Forged cursors: a bool sequence number, one too big for a 64-bit column.
        ({"cursor": "WyIyMDI0IiwgdHJ1ZV0"}, "cursor"),
        ({"cursor": "WyIyMDI0IiwgMTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwXQ"}, "cursor"),
        ({"text": "  ..."}, "text"),
    ],
)
def test_invalid_filters_name_the_parameter(store: Store, kwargs: dict, parameter: str) -> None:
    with pytest.raises(QueryError) as info:
        q.events_page(store, EventFilter(**kwargs))
    assert info.value.parameter == parameter


def test_dyad_network_places_actors(store: Store) -> None:
    dates = ["2023-01-10", "2023-01-20", "2023-03-02"]
    for n, day in enumerate(dates):
        art = article(f"d{n}", f"Report {n}.", published=day, outlet="O")
        store.add_article(art, [event(art)], "test-1")
    art = article("r", "Belgium accused Kazakhstan.", published="2023-03-03", outlet="P")
    store.add_article(
        art,
        [event(art, source=BEL, target=KAZ, cameo="112", quad_class=3, goldstein=-2.0, place=None)],
        "test-1",
    )
    series = q.dyad(store, "KAZ", "BEL", by="month").to_dict()
    assert [p["period"] for p in series["periods"]] == ["2023-01", "2023-02", "2023-03"]
    assert series["periods"][0]["a_to_b"] == {"q1": 2, "q2": 0, "q3": 0, "q4": 0, "goldstein": 2.8}
    assert series["periods"][1]["a_to_b"]["goldstein"] is None
    assert series["periods"][2]["b_to_a"]["q3"] == 1
    assert q.dyad(store, "KAZ", "BEL", by="quarter").to_dict()["periods"][0]["period"] == "2023-Q1"
    net = q.network(store).to_dict()
    assert {n["id"] for n in net["nodes"]} == {"KAZ", "BEL"}
    assert {(e["source"], e["target"], e["total"]) for e in net["edges"]} == {
        ("KAZ", "BEL", 3),
        ("BEL", "KAZ", 1),
    }
    assert [p.to_dict() for p in q.places(store)] == [
        {"name": "Astana", "country": "KAZ", "lat": 51.18, "lon": 71.45, "events": 3}
    ]
    assert {a.code: a.events for a in q.actors(store)} == {"KAZGOV": 4, "BELGOV": 4}
    top = q.top_dyads(store)
    assert (top[0].a, top[0].b, top[0].events) == ("BEL", "KAZ", 4)
    with pytest.raises(QueryError):
        q.dyad(store, "KAZ", "BEL", by="week")


def test_event_detail_highlights(store: Store) -> None:
    text = "Intro sentence. Kazakhstan met Belgium in Astana."
    art = article("h", text)
    ev = event(
        art,
        sentence_index=1,
        char_start=16,
        char_end=len(text),
        text=text[16:],
        source_span=(16, 26),
        target_span=(31, 38),
        trigger_start=27,
        trigger_end=30,
    )
    store.add_article(art, [ev], "test-1")
    detail = q.event_detail(store, ev.event_id).to_dict()
    (evidence,) = detail["evidence"]
    spans = {h["kind"]: evidence["text"][h["start"] : h["end"]] for h in evidence["highlights"]}
    assert spans == {
        "source": "Kazakhstan",
        "trigger": "met",
        "target": "Belgium",
        "place": "Astana",
    }
    assert detail["num_sources"] == 1
    with pytest.raises(QueryError):
        q.event_detail(store, "nope")


def test_actors_without_country_do_not_merge(store: Store) -> None:
    someone = Actor(text="the government", role="GOV", code="GOV")
    for aid, outlet in (("x", "One"), ("y", "Two")):
        art = article(aid, f"The government met Belgium ({aid}).", outlet=outlet)
        store.add_article(art, [event(art, source=someone)], "test-1")
    assert store.counts()["events"] == 2


def test_event_detail_by_unique_prefix(store: Store) -> None:
    for aid in ("abcdef1", "abcdef2"):
        art = article(aid, f"Report {aid}.", published=f"2024-0{aid[-1]}-01")
        store.add_article(art, [event(art, event_id=f"{aid}xyz", target=FRA)], "test-1")
    assert q.event_detail(store, "abcdef1x").summary.event.event_id == "abcdef1xyz"
    with pytest.raises(QueryError, match="several"):
        q.event_detail(store, "abcdef")
    with pytest.raises(QueryError, match="no event"):
        q.event_detail(store, "abc")  # too short to be a prefix


def test_restatement_in_one_article_counts_as_a_mention(store: Store) -> None:
    art = article("lead", "Kazakhstan met Belgium. Later: the Kazakh side met the Belgians.")
    store.add_article(art, [event(art), event(art, 1, sentence_index=1)], "test-1")
    (item,) = q.events_page(store).items
    assert (item.num_mentions, item.num_articles, item.num_sources) == (2, 1, 1)
    assert len(q.event_detail(store, item.event.event_id).evidence) == 2


def test_full_text_index_follows_replaced_text(store: Store) -> None:
    old = article("t", "Talks about wheat exports.")
    store.add_article(old, [event(old)], "test-1")
    assert len(q.search_articles(store, "wheat")) == 1
    new = article("t", "Talks about uranium exports.")
    assert store.add_article(new, [event(new)], "test-1") == "replaced"
    assert q.search_articles(store, "wheat") == []
    assert [a["id"] for a in q.search_articles(store, "uranium")] == ["t"]
    assert len(q.events_page(store, EventFilter(text="uranium")).items) == 1
    assert q.events_page(store, EventFilter(text="wheat")).items == []
