"""The seed article: its people, organisations, IGOs and places (parsed with the real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.records import Mention

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
SEED = SHARED / "seed/kazinform-kazakhstan-belgium.txt"
GOLD = SHARED / "gold/seed.jsonl"


@pytest.fixture(scope="module")
def seed(resolver, nlp) -> tuple[list[Mention], list]:
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return resolver.find_mentions(doc), resolver.find_places(doc)


def test_seed_people(seed) -> None:
    found, _ = seed
    expected = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["expect"]["people"]
    people = {m.actor.name: m.actor for m in found if m.kind == "person"}
    for person in expected:
        actor = people.get(person["name"])
        assert actor is not None, f"{person['name']} not found among {sorted(people, key=str)}"
        assert actor.title == person["title"]
        assert (actor.country, actor.role) == (person["country"], person["role"])


def test_seed_igos(seed) -> None:
    found, _ = seed
    assert {m.actor.igo for m in found if m.actor.igo} == {"IPU", "OSCE PA", "PACE", "EU"}


def test_seed_places(seed) -> None:
    _, places = seed
    assert {p.place.name for p in places} >= {"Astana", "Brussels"}


def test_seed_institutions(seed) -> None:
    found, _ = seed
    codes = {m.text: m.actor.code for m in found}
    mfa = [code for text, code in codes.items() if "Kazakh MFA" in text]
    assert mfa == ["KAZGOV"]
    assert codes["the Kazakh Foreign Ministry"] == "KAZGOV"
    assert codes["a delegation of the Parliament of the Kingdom of Belgium"] == "BELLEG"


def test_seed_later_mentions(seed) -> None:
    found, _ = seed
    vassilenko = next(m.actor for m in found if m.actor.name == "Roman Vassilenko")
    delegation = next(m.actor for m in found if m.text.startswith("a delegation of"))
    later = {m.text: m.actor for m in found if m.kind == "anaphor"}
    assert later["Vassilenko"] is vassilenko
    assert later["Deputy Minister Vassilenko"] is vassilenko
    assert later["the Deputy Foreign Minister"] is vassilenko
    assert later["The Belgian delegation"] is delegation


def test_seed_sides(seed) -> None:
    found, _ = seed
    sides = [m for m in found if m.kind == "group" and m.text.lower() == "the sides"]
    assert len(sides) == 6  # three "the sides", two members each
    assert {m.actor.country for m in sides} == {"KAZ", "BEL"}


def test_seed_mentions_in_text_order(seed) -> None:
    found, _ = seed
    starts = [m.start_char for m in found]
    assert starts == sorted(starts)
