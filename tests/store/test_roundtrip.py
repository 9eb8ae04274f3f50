"""Property test: any Event written to the store reads back equal (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.records import Actor, Article, Event, Place
from parley.store import Store

# PostgreSQL text cannot hold NUL; surrogates are not encodable.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
OPT = st.none() | TEXT
FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)
CODE = st.from_regex(r"\A(0[1-9]|1[0-9]|20)[0-9]{0,2}\Z")
DATE = st.none() | st.from_regex(r"\A20[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?\Z")
SPAN = st.none() | st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
JSONABLE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | FINITE | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)

actors = st.builds(
    Actor, text=TEXT, name=OPT, title=OPT, country=OPT, igo=OPT, role=OPT, code=OPT, rule=OPT
)
places = st.builds(Place, name=TEXT, country=OPT, lat=st.none() | FINITE, lon=st.none() | FINITE)

_ids = itertools.count()


@st.composite
def events(draw: st.DrawFn) -> Event:
    cameo = draw(CODE)
    return Event(
        event_id=f"e{next(_ids)}",
        doc_id="doc",
        sentence_index=draw(st.integers(0, 10**6)),
        char_start=draw(st.integers(0, 10**6)),
        char_end=draw(st.integers(0, 10**6)),
        text=draw(TEXT),
        source=draw(st.none() | actors),
        target=draw(st.none() | actors),
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=draw(OPT),
        quad_class=draw(st.integers(1, 4)),
        goldstein=draw(FINITE),
        date=draw(DATE),
        historical=draw(st.booleans()),
        place=draw(st.none() | places),
        quote=draw(OPT),
        topics=tuple(draw(st.lists(TEXT, max_size=3))),
        frameworks=tuple(draw(st.lists(TEXT, max_size=3))),
        confidence=draw(st.floats(0, 1)),
        rule=draw(TEXT),
        date_precision=draw(st.sampled_from([None, "day", "month", "year"])),
        planned=draw(st.booleans()),
        quote_speaker=draw(OPT),
        trigger_start=draw(st.none() | st.integers(0, 10**6)),
        trigger_end=draw(st.none() | st.integers(0, 10**6)),
        source_span=draw(SPAN),
        target_span=draw(SPAN),
        coder_version=draw(TEXT),
        extras=draw(st.dictionaries(TEXT, JSONABLE, max_size=3)),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(events(), max_size=4))
def test_events_round_trip(store_url: str, batch: list[Event]) -> None:
    with Store.open(store_url) as store:
        article_id = f"a{next(_ids)}"
        batch = [Event(**{**_fields(e), "doc_id": article_id}) for e in batch]
        article = Article(id=article_id, text="body", published="2024-01-01")
        assert store.add_article(article, batch, "v") == "stored"
        assert store.article_events(article_id) == batch


def _fields(e: Event) -> dict:
    return {name: getattr(e, name) for name in Event.__dataclass_fields__}
