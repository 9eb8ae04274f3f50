"""The seed article yields its seven gold events, quote, topics and frameworks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.events import code_article
from parley.records import Article

SEED = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seed.jsonl"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("../shared/gold/seed.jsonl is not available")
    return json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="module")
def seed_events(seed, coder):
    article = Article(id=seed["id"], text=seed["text"], published=seed["published"])
    return code_article(article, coder)


def _matches(gold: dict, e) -> bool:
    if e.cameo_root != gold["cameo"][:2] or not e.source or not e.target:
        return False
    srcs = {a["country"] for a in gold["source"]}
    tgts = {a["country"] for a in gold["target"]}
    pair = (e.source.country, e.target.country)
    ok = pair[0] in srcs and pair[1] in tgts
    if gold.get("symmetric"):
        ok = ok or (pair[1] in srcs and pair[0] in tgts)
    return ok


def test_all_seven_gold_events(seed, seed_events) -> None:
    missing = [g["note"] for g in seed["events"] if not any(_matches(g, e) for e in seed_events)]
    assert not missing, [(e.cameo, e.rule, e.source, e.target) for e in seed_events]


def test_recalled_brussels_talks(seed, seed_events) -> None:
    talks = [e for e in seed_events if e.cameo_root == "04" and e.historical]
    assert talks
    assert all(e.date == "2021" and e.place and e.place.name == "Brussels" for e in talks)
    assert {e.source.country for e in talks} == {"KAZ"}


def test_meeting_placed_in_astana(seed_events) -> None:
    meetings = [e for e in seed_events if e.cameo_root == "04" and not e.historical]
    assert meetings and all(e.place and e.place.name == "Astana" for e in meetings)


def test_quote_with_speaker(seed, seed_events) -> None:
    quoted = [e for e in seed_events if e.quote]
    assert quoted
    assert any(e.quote.startswith("Belgium is one of Kazakhstan's important partners")
               and e.quote_speaker == "Roman Vassilenko" for e in quoted)


def test_topics_and_frameworks(seed, seed_events) -> None:
    topics = {t for e in seed_events for t in e.topics}
    frameworks = {f for e in seed_events for f in e.frameworks}
    assert set(seed["expect"]["topics"]) <= topics
    assert set(seed["expect"]["frameworks"]) <= frameworks


def test_offsets_and_no_article_date(seed, seed_events) -> None:
    for e in seed_events:
        assert seed["text"][e.char_start:e.char_end] == e.text
        assert e.date in (None, "2021")  # published is null: nothing is dated to it
