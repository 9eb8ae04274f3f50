"""Made-up articles with hand-built Event records, for the API tests (see conftest.py)."""

from __future__ import annotations

from parley.records import Actor, Article, Event, Place
from parley.store import Store

TOKEN = "test-token-123"

KAZ = Actor(text="Kazakhstan", country="KAZ", code="KAZ", name="Kazakhstan")
KAZGOV = Actor(
    text="Foreign Minister Aida Nurlanova", name="Aida Nurlanova", title="Foreign Minister",
    country="KAZ", role="GOV", code="KAZGOV",
)
BELLEG = Actor(
    text="Belgian lawmakers", country="BEL", role="LEG", code="BELLEG", name=None,
)
BEL = Actor(text="Belgium", country="BEL", code="BEL")
FRAGOV = Actor(text="the French government", country="FRA", role="GOV", code="FRAGOV")
EU = Actor(text="the European Union", igo="EU", code="IGOEU", name="European Union")
ASTANA = Place(name="Astana", country="KAZ", lat=51.18, lon=71.45)
BRUSSELS = Place(name="Brussels", country="BEL", lat=50.85, lon=4.35)
PARIS = Place(name="Paris", country="FRA", lat=48.86, lon=2.35)

# (cameo, plover, quad, goldstein)
MEET = ("043", "CONSULT", 1, 2.8)
VISIT = ("042", "CONSULT", 1, 1.9)
AID = ("070", "AID", 2, 7.0)
CRITICIZE = ("111", "ACCUSE", 3, -2.0)
EXPEL = ("1663", "REDUCE", 4, -4.0)


def _event(
    article: Article,
    index: int,
    sentence: str,
    source: Actor,
    target: Actor,
    code: tuple[str, str, int, float],
    trigger: str,
    **extra: object,
) -> Event:
    start = article.text.index(sentence)
    src_at = start + sentence.index(source.text)
    tgt_at = start + sentence.index(target.text)
    trig_at = start + sentence.index(trigger)
    cameo, plover, quad, goldstein = code
    return Event(
        event_id=f"{article.id}-e{index}",
        doc_id=article.id,
        sentence_index=index,
        char_start=start,
        char_end=start + len(sentence),
        text=sentence,
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover,
        quad_class=quad,
        goldstein=goldstein,
        rule=f"test:{cameo}",
        source_span=(src_at, src_at + len(source.text)),
        target_span=(tgt_at, tgt_at + len(target.text)),
        trigger_start=trig_at,
        trigger_end=trig_at + len(trigger),
        coder_version="test",
        **extra,  # type: ignore[arg-type]
    )


def _meeting_article(n: int) -> tuple[Article, list[Event]]:
    """One short made-up report of a Kazakh-Belgian meeting, dated month n of 2022-2023."""
    year, month = 2022 + (n - 1) // 12, (n - 1) % 12 + 1
    day = f"{year}-{month:02d}-15"
    s1 = "Foreign Minister Aida Nurlanova met Belgian lawmakers in Astana on Monday."
    s2 = "Belgian lawmakers visited Kazakhstan to discuss trade and energy."
    text = f"Talks number {n}\n\n{s1} {s2}"
    article = Article(
        id=f"meet-{n:02d}", text=text, title=f"Talks number {n}", outlet="Test Wire",
        url=f"https://example.org/meet/{n}", published=day,
    )
    events = [
        _event(article, 0, s1, KAZGOV, BELLEG, MEET, "met", date=day, place=ASTANA,
               topics=("trade",)),
        _event(article, 1, s2, BELLEG, KAZ, VISIT, "visited", date=day, place=ASTANA,
               topics=("trade", "energy")),
    ]
    return article, events


def _other_articles() -> list[tuple[Article, list[Event]]]:
    s1 = "On Friday the European Union sent aid to Kazakhstan after the floods."
    a1 = Article(id="eu-aid", text=s1, title="EU aid", outlet="Test Wire", published="2021-04-02")
    s2 = "Belgium criticized the French government over the border checks in Brussels."
    a2 = Article(id="bel-fra", text=s2, title="Dispute", outlet="Other Wire",
                 published="2021-06-10")
    s3 = "In Paris the French government expelled diplomats from Belgium."
    a3 = Article(id="fra-bel", text=s3, title="Expulsion", outlet="Other Wire",
                 published="2021-07-01")
    s4 = "Kazakhstan recalled that Belgium had visited Kazakhstan years ago."
    a4 = Article(id="recall", text=s4, title="Memories", outlet="Test Wire",
                 published="2021-08-01")
    return [
        (a1, [_event(a1, 0, s1, EU, KAZ, AID, "sent", date="2021-04", topics=("disaster",))]),
        (a2, [_event(a2, 0, s2, BEL, FRAGOV, CRITICIZE, "criticized", date="2021-06-10",
                     place=BRUSSELS)]),
        (a3, [_event(a3, 0, s3, FRAGOV, BEL, EXPEL, "expelled", date="2021-07-01",
                     place=PARIS)]),
        (a4, [_event(a4, 0, s4, BEL, KAZ, VISIT, "visited", date="2015", historical=True)]),
    ]


MEETINGS = 24  # 24 articles, two events each, one per month of 2022-2023


def fill_store(store: Store) -> None:
    """Add the made-up articles and their hand-built events through the public API."""
    for n in range(1, MEETINGS + 1):
        article, events = _meeting_article(n)
        store.add_article(article, events, "test")
    for article, events in _other_articles():
        store.add_article(article, events, "test")
