"""The typed records that flow between stages: Article -> Mention/Actor -> Event.

Frozen, keyword-only dataclasses: a stage builds a new record rather than mutating one.
`to_dict` gives the JSON shape of ../shared/SCHEMA.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(text: str) -> str:
    """The default article id: sha256 of the text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """One news article as read from any input kind."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD when known
    source: str | None = None  # file the article came from, for error messages

    @property
    def content_hash(self) -> str:
        return content_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class Skip:
    """A record an ingest reader passed over, with the reason (non-English, empty, ...)."""

    source: str
    record: int | None
    reason: str
    error: bool = False  # True for broken input (bad JSON, binary, ...); False for a policy skip


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    """Who acts or is acted on: a person, organisation, country or IGO, with its CAMEO code."""

    text: str
    name: str | None = None
    title: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    igo: str | None = None  # e.g. "EU", "UN", "IPU"
    role: str | None = None  # CAMEO role code: GOV, LEG, MIL, ...
    code: str | None = None  # CAMEO actor code: "KAZGOV", "IGOEU"
    rule: str | None = None  # which lexicon entry or step resolved it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class PlaceMention:
    """A place named in a parsed document, with its span."""

    start_char: int
    end_char: int
    sentence_index: int
    text: str
    place: Place


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """One actor mention in a parsed document: where it is and who it resolves to."""

    start_char: int
    end_char: int
    token_start: int
    token_end: int  # exclusive
    sentence_index: int
    text: str
    actor: Actor
    kind: str = "entity"  # person|country|organisation|igo|group|anaphor|unknown: parley.actors
    head: int | None = None  # token index of the mention's syntactic head


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    """One coded event, the output contract of ../shared/SCHEMA.md plus a few extras."""

    event_id: str
    doc_id: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    quad_class: int
    goldstein: float
    date: str | None = None
    historical: bool = False
    place: Place | None = None
    quote: str | None = None
    topics: tuple[str, ...] = ()
    frameworks: tuple[str, ...] = ()
    confidence: float = 0.5
    rule: str = ""
    # Extras beyond the contract.
    date_precision: str | None = None  # day | month | year
    planned: bool = False  # announced, intended or hypothetical rather than done
    quote_speaker: str | None = None
    trigger_start: int | None = None  # span of the verb or noun that carries the event
    trigger_end: int | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    coder_version: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["topics"] = list(self.topics)
        d["frameworks"] = list(self.frameworks)
        d["source_span"] = list(self.source_span) if self.source_span else None
        d["target_span"] = list(self.target_span) if self.target_span else None
        return d
