"""Parquet round trips: every Event and Article field survives write -> read, partitioned or not."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import InputError
from parley.parquet import (
    EVENT_SCHEMA,
    date_partition,
    read_articles,
    read_coded,
    read_event_rows,
    read_events,
    write_articles,
    write_events,
)
from parley.records import Actor, Article, Event, Place

text = st.text(max_size=20)
opt_text = st.none() | text
finite = st.floats(allow_nan=False, allow_infinity=False)
ints = st.integers(min_value=-(2**40), max_value=2**40)

actors = st.builds(
    Actor,
    text=text,
    name=opt_text,
    title=opt_text,
    country=opt_text,
    igo=opt_text,
    role=opt_text,
    code=opt_text,
    rule=opt_text,
)
places = st.builds(
    Place, name=text, country=opt_text, lat=st.none() | finite, lon=st.none() | finite
)
dates = st.none() | st.sampled_from(["2019", "2019-03", "2021-11-05", "1999-12-31"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
spans = st.none() | st.tuples(ints, ints)

events = st.builds(
    Event,
    event_id=st.text(min_size=1, max_size=12),
    doc_id=st.sampled_from(["a", "b", "c"]),
    sentence_index=ints,
    char_start=ints,
    char_end=ints,
    text=text,
    source=st.none() | actors,
    target=st.none() | actors,
    cameo=text,
    cameo_root=text,
    plover=opt_text,
    quad_class=st.integers(1, 4),
    goldstein=finite,
    date=dates,
    historical=st.booleans(),
    place=st.none() | places,
    quote=opt_text,
    topics=st.lists(text, max_size=3).map(tuple),
    frameworks=st.lists(text, max_size=3).map(tuple),
    confidence=finite,
    rule=text,
    date_precision=opt_text,
    planned=st.booleans(),
    quote_speaker=opt_text,
    trigger_start=st.none() | ints,
    trigger_end=st.none() | ints,
    source_span=spans,
    target_span=spans,
    coder_version=text,
    extras=st.dictionaries(text, json_values, max_size=3),
)

articles = st.builds(
    Article,
    id=st.text(min_size=1, max_size=12),
    text=text,
    title=opt_text,
    url=opt_text,
    outlet=opt_text,
    published=st.none() | st.sampled_from(["2019-01-02", "2020-12-31"]),
    source=opt_text,
)

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _key(e: Event) -> str:
    # A total order: generated events may share ids and offsets and differ elsewhere, and a
    # partitioned dataset reads them back partition by partition.
    return json.dumps(e.to_dict(), sort_keys=True, default=str)


def test_schema_covers_every_event_field() -> None:
    names = set(EVENT_SCHEMA.names)
    assert {f.name for f in dataclasses.fields(Event)} <= names
    assert {"num_mentions", "num_sources", "num_articles"} <= names


@SETTINGS
@given(batch=st.lists(events, max_size=8))
def test_events_round_trip_file(tmp_path: Path, batch: list[Event]) -> None:
    path = tmp_path / "e.parquet"
    path.unlink(missing_ok=True)
    assert write_events((e.to_dict() for e in batch), path) == len(batch)
    assert list(read_events(path)) == batch


@SETTINGS
@given(batch=st.lists(events, max_size=8))
def test_events_round_trip_partitioned(tmp_path_factory, batch: list[Event]) -> None:
    path = tmp_path_factory.mktemp("ds")
    write_events((e.to_dict() for e in batch), path, partition_by_date=True)
    assert sorted(read_events(path), key=_key) == sorted(batch, key=_key)


@SETTINGS
@given(batch=st.lists(articles, max_size=8))
def test_articles_round_trip(tmp_path: Path, batch: list[Article]) -> None:
    path = tmp_path / "a.parquet"
    path.unlink(missing_ok=True)
    assert write_articles(batch, path) == len(batch)
    assert list(read_articles(path)) == batch


def _event(**kw) -> Event:
    base = dict(
        event_id="e1",
        doc_id="a",
        sentence_index=0,
        char_start=0,
        char_end=5,
        text="x met y",
        source=Actor(text="x", country="KAZ", code="KAZGOV"),
        target=None,
        cameo="043",
        cameo_root="04",
        plover="CONSULT",
        quad_class=1,
        goldstein=2.8,
        date="2021-11-05",
    )
    base.update(kw)
    return Event(**base)


def test_partition_layout_and_counts(tmp_path: Path) -> None:
    rows = [
        _event(event_id="e1").to_dict()
        | {"num_mentions": 3, "num_sources": 2, "num_articles": 2, "article_ids": ["a", "b"]},
        _event(event_id="e2", date="2019").to_dict(),
        _event(event_id="e3", date=None).to_dict(),
    ]
    write_events(rows, tmp_path / "ev", partition_by_date=True)
    dirs = {p.relative_to(tmp_path / "ev").as_posix() for p in (tmp_path / "ev").glob("*/*")}
    assert dirs == {
        "year=2021/month=11",
        "year=2019/month=__HIVE_DEFAULT_PARTITION__",
        "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__",
    }
    by_id = {r["event_id"]: r for r in read_event_rows(tmp_path / "ev")}
    assert by_id["e1"]["num_mentions"] == 3
    assert by_id["e1"]["article_ids"] == ["a", "b"]
    assert by_id["e2"]["num_mentions"] is None
    # the file carries the contract schema, not an inferred one
    one = next((tmp_path / "ev").rglob("*.parquet"))
    assert pq.read_schema(one).field("source").type == EVENT_SCHEMA.field("source").type


def test_date_partition() -> None:
    assert date_partition("2021-11-05") == (2021, 11)
    assert date_partition("2021-11") == (2021, 11)
    assert date_partition("2021") == (2021, None)
    assert date_partition(None) == (None, None)
    assert date_partition("soon") == (None, None)


def test_read_coded_groups_events_by_article(tmp_path: Path) -> None:
    write_events(
        [
            _event(event_id="e1", doc_id="a").to_dict(),
            _event(event_id="e2", doc_id="a", sentence_index=2).to_dict(),
            _event(event_id="e3", doc_id="c").to_dict(),
        ],
        tmp_path / "out" / "events",
        partition_by_date=True,
    )
    arts = [Article(id=i, text=f"text {i}") for i in ("a", "b", "c")]
    (tmp_path / "out" / "articles").mkdir()
    write_articles(arts, tmp_path / "out" / "articles" / "part-0.parquet")
    got = {a.id: [e.event_id for e in evs] for a, evs in read_coded(tmp_path / "out")}
    assert got == {"a": ["e1", "e2"], "b": [], "c": ["e3"]}


def test_missing_and_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such"):
        list(read_events(tmp_path / "nope.parquet"))
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet")
    with pytest.raises(InputError, match="Parquet"):
        list(read_events(bad))
    with pytest.raises(InputError, match="articles/"):
        list(read_coded(tmp_path))
