"""Hand-built gold and predicted events for the scorer tests."""

from __future__ import annotations

import json
from pathlib import Path

from parley.evaluate.gold import GoldFile, load_gold
from parley.records import Actor, Event, Place

_ROOT_PLOVER = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "19": "ASSAULT", "10": "REQUEST"}


def actor(
    country: str | None = None, *, igo: str | None = None, role: str | None = None, text: str = "x"
) -> Actor:
    """A predicted actor."""
    return Actor(text=text, country=country, igo=igo, role=role)


def event(
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    *,
    confidence: float = 0.5,
    date: str | None = None,
    place: str | None = None,
    historical: bool = False,
    source_span: tuple[int, int] | None = None,
    target_span: tuple[int, int] | None = None,
    plover: str | None = None,
) -> Event:
    """A predicted event."""
    return Event(
        event_id=f"e-{cameo}-{id(source)}-{id(target)}",
        doc_id="d",
        sentence_index=0,
        char_start=0,
        char_end=1,
        text="x",
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover or _ROOT_PLOVER.get(cameo[:2]),
        quad_class=1,
        goldstein=0.0,
        date=date,
        place=Place(name=place) if place else None,
        historical=historical,
        confidence=confidence,
        source_span=source_span,
        target_span=target_span,
    )


def gold_actor(country: str | None = None, role=None, **extra) -> dict:
    """A gold actor object as it appears in a gold file."""
    return {"country": country, "role": role, "text": extra.pop("text", None), **extra}


def gold_event(source: list[dict], target: list[dict], cameo: str | None, **extra) -> dict:
    """A gold event object as it appears in a gold file."""
    base = {
        "source": source,
        "target": target,
        "cameo": cameo,
        "plover": None,
        "date": None,
        "place": None,
        "historical": None,
        "symmetric": False,
    }
    return {**base, **extra}


def write_gold(tmp_path: Path, records: list[dict], name: str = "gold.jsonl") -> GoldFile:
    """Write records as a gold JSONL file and load it back through the real loader."""
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return load_gold(path)
