"""Pydantic models that document the JSON shapes in OpenAPI.

Routes return the store's `to_dict()` output unchanged (docs/design.md, "store"); these models
describe it for /docs and for clients, and allow extra fields so the store may add some.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorOut(_Open):
    """An actor as it appears on an event."""

    text: str | None = None
    name: str | None = None
    title: str | None = None
    country: str | None = None
    igo: str | None = None
    role: str | None = None
    code: str | None = None


class PlaceOut(_Open):
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventSummary(_Open):
    """One event row: the SCHEMA.md event fields plus how often it was reported."""

    event_id: str
    doc_id: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    source: ActorOut | None = None
    target: ActorOut | None = None
    cameo: str
    cameo_root: str
    plover: str | None = None
    quad_class: int
    goldstein: float
    date: str | None = None
    historical: bool = False
    place: PlaceOut | None = None
    quote: str | None = None
    topics: list[str] = []
    frameworks: list[str] = []
    confidence: float = 0.5
    rule: str = ""
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    article_ids: list[str] = []


class Highlight(_Open):
    """A span of the evidence text: the source or target actor, the trigger verb, the place."""

    start: int
    end: int
    kind: str


class Evidence(_Open):
    """One sentence that reports the event, with the article it came from."""

    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    highlights: list[Highlight] = []


class EventDetail(EventSummary):
    """An event with every sentence that reports it."""

    evidence: list[Evidence] = []


class EventsPage(_Open):
    """A page of events; pass `next_cursor` back as `cursor` for the next page."""

    items: list[EventSummary]
    next_cursor: str | None = None


class QuadCounts(_Open):
    """Event counts per QuadClass and the mean Goldstein value, in one direction."""

    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein: float | None = None


class DyadPeriod(_Open):
    """One period of a dyad's relation, both directions."""

    period: str
    a_to_b: QuadCounts
    b_to_a: QuadCounts


class DyadSeries(_Open):
    """The relation between two actors over time."""

    a: str
    b: str
    by: str
    periods: list[DyadPeriod]


class DyadCount(_Open):
    """A pair of actors (either direction) and how many events link them."""

    a: str
    b: str
    a_label: str | None = None
    b_label: str | None = None
    events: int
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0


class NetworkNode(_Open):
    """An actor in the network."""

    id: str
    label: str | None = None
    events: int


class NetworkEdge(_Open):
    """Directed event counts between two actors."""

    source: str
    target: str
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    total: int


class Network(_Open):
    """Actors and the events between them."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlaceCount(_Open):
    """A place with how many events happened there."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int


class ActorCount(_Open):
    """An actor with how many events it takes part in."""

    code: str | None = None
    name: str | None = None
    country: str | None = None
    role: str | None = None
    events: int


class CodeOut(_Open):
    """A CAMEO code's meaning."""

    code: str
    name: str
    goldstein: float
    plover: str | None = None
    quad_class: int


class ArticleResult(_Open):
    """What happened to one posted article."""

    id: str
    status: str
    events: int


class SkippedRecord(_Open):
    """A posted record passed over by policy (not English, empty text)."""

    record: int | None = None
    reason: str


class ArticlesResult(_Open):
    """The outcome of POST /api/articles: status is stored, unchanged or replaced."""

    results: list[ArticleResult]
    coder_version: str | None = None
    skipped: list[SkippedRecord] = []
