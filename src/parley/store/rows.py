"""Event and Actor records <-> table rows: the one place that knows the column encoding.

Lists (topics, frameworks) and `extras` are JSON text; spans are "start,end"; a place is four
columns; actors are rows of the `actors` table plus the mention's own text and rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from parley.records import Actor, Event, Place


def actor_key(actor: Actor) -> str:
    fields = (actor.code, actor.name, actor.title, actor.country, actor.igo, actor.role)
    if all(f is None for f in fields):
        # An unresolved mention: its text is all that identifies it.
        return json.dumps(["?", actor.text.casefold()], ensure_ascii=False)
    # JSON, not a joined string: no separator can occur inside a field and collide.
    return json.dumps(fields, ensure_ascii=False)


def _span_text(span: tuple[int, int] | None) -> str | None:
    return f"{span[0]},{span[1]}" if span else None


def _span_value(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    a, b = value.split(",")
    return int(a), int(b)


def event_values(ev: Event, source_id: int | None, target_id: int | None) -> dict[str, Any]:
    """The column values of one Event (shared by events and event_mentions rows)."""
    place = ev.place
    return {
        "doc_id": ev.doc_id,
        "sentence_index": ev.sentence_index,
        "char_start": ev.char_start,
        "char_end": ev.char_end,
        "text": ev.text,
        "source_actor_id": source_id,
        "target_actor_id": target_id,
        "source_code": ev.source.code if ev.source else None,
        "target_code": ev.target.code if ev.target else None,
        "cameo": ev.cameo,
        "cameo_root": ev.cameo_root,
        "plover": ev.plover,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "date": ev.date,
        "historical": bool(ev.historical),
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "quote": ev.quote,
        "topics": json.dumps(list(ev.topics)),
        "frameworks": json.dumps(list(ev.frameworks)),
        "confidence": ev.confidence,
        "rule": ev.rule,
        "date_precision": ev.date_precision,
        "planned": bool(ev.planned),
        "quote_speaker": ev.quote_speaker,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
        "source_span": _span_text(ev.source_span),
        "target_span": _span_text(ev.target_span),
        "coder_version": ev.coder_version,
        "extras": json.dumps(ev.extras, sort_keys=True, default=str),
    }


def actor_from_row(row: Mapping[str, Any] | None, text: str | None, rule: str | None) -> Actor:
    """An Actor from an actors row and the mention's own text and rule."""
    row = row or {}
    return Actor(
        text=text if text is not None else (row.get("name") or row.get("code") or ""),
        name=row.get("name"),
        title=row.get("title"),
        country=row.get("country"),
        igo=row.get("igo"),
        role=row.get("role"),
        code=row.get("code"),
        rule=rule,
    )


def event_from_row(
    row: Mapping[str, Any],
    event_id: str,
    source: Actor | None,
    target: Actor | None,
) -> Event:
    """An Event record from an events or event_mentions row and its resolved actors."""
    place = None
    if row["place_name"] is not None:
        place = Place(
            name=row["place_name"],
            country=row["place_country"],
            lat=row["place_lat"],
            lon=row["place_lon"],
        )
    return Event(
        event_id=event_id,
        doc_id=row["doc_id"],
        sentence_index=row["sentence_index"],
        char_start=row["char_start"],
        char_end=row["char_end"],
        text=row["text"],
        source=source,
        target=target,
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        plover=row["plover"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        date=row["date"],
        historical=bool(row["historical"]),
        place=place,
        quote=row["quote"],
        topics=tuple(json.loads(row["topics"])),
        frameworks=tuple(json.loads(row["frameworks"])),
        confidence=row["confidence"],
        rule=row["rule"],
        date_precision=row["date_precision"],
        planned=bool(row["planned"]),
        quote_speaker=row["quote_speaker"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        source_span=_span_value(row["source_span"]),
        target_span=_span_value(row["target_span"]),
        coder_version=row["coder_version"],
        extras=json.loads(row["extras"]),
    )
