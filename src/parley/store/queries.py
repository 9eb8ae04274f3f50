"""Reading the store: filtered event pages, one event with its evidence, dyads, networks.

Every function takes a `Store` and (where it filters events) an `EventFilter`, and returns
plain dataclasses whose `to_dict()` is the JSON the HTTP API serves (docs/design.md, "store").
Invalid filters raise `QueryError(parameter, reason)`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Integer, and_, column, func, literal_column, or_, select
from sqlalchemy import text as sql_text

from parley.errors import QueryError
from parley.records import Actor, Event
from parley.store.filters import EventFilter, decode_cursor, encode_cursor, where
from parley.store.rows import actor_from_row, event_from_row
from parley.store.schema import actor_mentions, articles, event_mentions, events
from parley.store.schema import actors as actors_table
from parley.store.store import Store

# -- results --------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class EventSummary:
    """A stored (deduplicated) event: its representative record plus counts."""

    event: Event
    num_mentions: int
    num_sources: int
    num_articles: int
    article_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d.update(
            num_mentions=self.num_mentions,
            num_sources=self.num_sources,
            num_articles=self.num_articles,
            article_ids=list(self.article_ids),
        )
        return d


@dataclass(frozen=True, kw_only=True, slots=True)
class EventPage:
    """One page of events and the cursor of the next (None on the last page)."""

    items: list[EventSummary]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items], "next_cursor": self.next_cursor}


@dataclass(frozen=True, kw_only=True, slots=True)
class Highlight:
    """A span of an evidence text, relative to that text."""

    start: int
    end: int
    kind: str  # source | target | trigger | place


@dataclass(frozen=True, kw_only=True, slots=True)
class Evidence:
    """One sentence of one article that reports the event."""

    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    highlights: list[Highlight] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class EventDetail:
    """An event with every piece of evidence for it."""

    summary: EventSummary
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        d = self.summary.to_dict()
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


# -- events ---------------------------------------------------------------------------------


def _summaries(conn: Connection, rows: list[Mapping[str, Any]]) -> list[EventSummary]:
    """Build summaries for event rows with three batched look-ups (actors, texts, articles)."""
    actor_ids = {r[k] for r in rows for k in ("source_actor_id", "target_actor_id") if r[k]}
    actor_rows = {
        a.id: a._mapping
        for a in conn.execute(select(actors_table).where(actors_table.c.id.in_(actor_ids)))
    }
    rep_ids = [r["rep_mention_id"] for r in rows]
    slots = {
        (m.mention_id, m.slot): m
        for m in conn.execute(
            select(actor_mentions).where(actor_mentions.c.mention_id.in_(rep_ids))
        )
    }
    seqs = [r["seq"] for r in rows]
    article_ids: dict[int, list[str]] = defaultdict(list)
    for seq, article_id in conn.execute(
        select(event_mentions.c.event_seq, event_mentions.c.article_id)
        .where(event_mentions.c.event_seq.in_(seqs))
        .distinct()
        .order_by(event_mentions.c.event_seq, event_mentions.c.article_id)
    ):
        article_ids[seq].append(article_id)

    def actor(row: Mapping[str, Any], slot: str) -> Actor | None:
        actor_id = row[f"{slot}_actor_id"]
        if actor_id is None:
            return None
        m = slots.get((row["rep_mention_id"], slot))
        text, rule = (m.text, m.rule) if m else (None, None)
        return actor_from_row(actor_rows.get(actor_id), text, rule)

    return [
        EventSummary(
            event=event_from_row(r, r["event_id"], actor(r, "source"), actor(r, "target")),
            num_mentions=r["num_mentions"],
            num_sources=r["num_sources"],
            num_articles=r["num_articles"],
            article_ids=article_ids[r["seq"]],
        )
        for r in rows
    ]


def events_page(store: Store, f: EventFilter | None = None) -> EventPage:
    """One page of events, newest first; pass `next_cursor` back as `cursor` for the next."""
    f = (f or EventFilter()).validated()
    query = select(events).where(*where(store, f))
    if f.cursor:
        sort_date, seq = decode_cursor(f.cursor)
        query = query.where(
            or_(
                events.c.sort_date < sort_date,
                and_(events.c.sort_date == sort_date, events.c.seq < seq),
            )
        )
    query = query.order_by(events.c.sort_date.desc(), events.c.seq.desc()).limit(f.limit + 1)
    with store.connect() as conn:
        rows = [r._mapping for r in conn.execute(query)]
        more = len(rows) > f.limit
        rows = rows[: f.limit]
        items = _summaries(conn, rows)
    cursor = encode_cursor(rows[-1]["sort_date"], rows[-1]["seq"]) if more else None
    return EventPage(items=items, next_cursor=cursor)


def iter_events(store: Store, f: EventFilter | None = None) -> Iterable[EventSummary]:
    """Every event matching a filter, page by page (for exports)."""
    f = replace(f or EventFilter(), limit=1000, cursor=None)
    while True:
        page = events_page(store, f)
        yield from page.items
        if page.next_cursor is None:
            return
        f = replace(f, cursor=page.next_cursor)


def _highlights(row: Mapping[str, Any], actor_texts: Mapping[str, str]) -> list[Highlight]:
    start, end = row["char_start"], row["char_end"]
    found: list[Highlight] = []
    spans = {
        "source": row["source_span"],
        "target": row["target_span"],
        "trigger": (
            f"{row['trigger_start']},{row['trigger_end']}"
            if row["trigger_start"] is not None and row["trigger_end"] is not None
            else None
        ),
    }
    text = row["text"]
    for kind, value in spans.items():
        if value:
            a, b = (int(x) for x in value.split(","))
            if start <= a < b <= end:
                found.append(Highlight(start=a - start, end=b - start, kind=kind))
                continue
        # No usable span: fall back to the actor's text as written, when it is in the sentence.
        needle = actor_texts.get(kind)
        at = text.find(needle) if needle else -1
        if at >= 0 and needle:
            found.append(Highlight(start=at, end=at + len(needle), kind=kind))
    place = row["place_name"]
    at = text.find(place) if place else -1
    if at >= 0:
        found.append(Highlight(start=at, end=at + len(place), kind="place"))
    return sorted(found, key=lambda h: (h.start, h.end))


MIN_PREFIX = 6


def event_detail(store: Store, event_id: str) -> EventDetail:
    """One event by its id, a unique prefix of it (6+ characters), a mention's id, or the
    GDELT export's GLOBALEVENTID."""
    with store.connect() as conn:
        row = conn.execute(select(events).where(events.c.event_id == event_id)).first()
        if row is None:
            seq = conn.execute(
                select(event_mentions.c.event_seq).where(
                    event_mentions.c.mention_event_id == event_id
                )
            ).scalar()
            if seq is not None:
                row = conn.execute(select(events).where(events.c.seq == seq)).first()
        if row is None and len(event_id) >= MIN_PREFIX and event_id.isalnum():
            # A unique prefix is enough, as the event table shows ids shortened.
            found = conn.execute(
                select(events).where(events.c.event_id.startswith(event_id)).limit(2)
            ).all()
            if len(found) > 1:
                raise QueryError("event_id", f"{event_id!r} matches several events")
            row = found[0] if found else None
        if event_id.isdigit() and len(event_id) <= 18:
            # The GDELT export's GLOBALEVENTID is the stored sequence number.
            by_seq = conn.execute(select(events).where(events.c.seq == int(event_id))).first()
            if by_seq is not None and row is not None and by_seq.seq != row.seq:
                raise QueryError("event_id", f"{event_id!r} is both a GLOBALEVENTID and an "
                                             "id prefix: give the full event id")
            row = row or by_seq
        if row is None:
            raise QueryError("event_id", f"no event {event_id!r} in the store")
        summary = _summaries(conn, [row._mapping])[0]
        mention_rows = conn.execute(
            select(
                event_mentions,
                articles.c.title,
                articles.c.url,
                articles.c.outlet,
                articles.c.published,
            )
            .select_from(event_mentions.join(articles))
            .where(event_mentions.c.event_seq == row.seq)
            .order_by(event_mentions.c.id)
        ).all()
        texts: dict[int, dict[str, str]] = defaultdict(dict)
        for m in conn.execute(
            select(actor_mentions).where(
                actor_mentions.c.mention_id.in_([r.id for r in mention_rows])
            )
        ):
            texts[m.mention_id][m.slot] = m.text
    evidence = [
        Evidence(
            article_id=r.article_id,
            title=r.title,
            url=r.url,
            outlet=r.outlet,
            published=r.published,
            sentence_index=r.sentence_index,
            char_start=r.char_start,
            char_end=r.char_end,
            text=r.text,
            highlights=_highlights(r._mapping, texts[r.id]),
        )
        for r in mention_rows
    ]
    return EventDetail(summary=summary, evidence=evidence)


def search_articles(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles whose title or text matches a full-text query: id, title, outlet, published."""
    f = EventFilter(text=query, limit=limit).validated()
    words = re.findall(r"\w+", f.text or "")
    if store.dialect == "postgresql":
        cond = literal_column("articles.tsv").op("@@")(
            func.plainto_tsquery("english", " ".join(words))
        )
    else:
        rows = (
            sql_text("SELECT rowid FROM article_fts WHERE article_fts MATCH :q")
            .bindparams(q=" ".join(f'"{w}"' for w in words))
            .columns(column("rowid", Integer))
        )
        cond = column("rowid").in_(rows)
    query = (
        select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published)
        .where(cond)
        .order_by(articles.c.published.desc(), articles.c.id)
        .limit(limit)
    )
    with store.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


# The aggregate queries live in their own module; they are part of this module's surface.
from parley.store.aggregates import (  # noqa: E402
    ActorCount,
    DyadCount,
    DyadPeriod,
    DyadSeries,
    Network,
    PlaceCount,
    QuadCounts,
    actor_counts,
    dyad,
    network,
    places,
    top_dyads,
)

actors = actor_counts  # the name the API and `parley actors --db` use

__all__ = [
    "ActorCount",
    "DyadCount",
    "DyadPeriod",
    "DyadSeries",
    "EventDetail",
    "EventFilter",
    "EventPage",
    "EventSummary",
    "Evidence",
    "Highlight",
    "Network",
    "PlaceCount",
    "QuadCounts",
    "actor_counts",
    "actors",
    "dyad",
    "event_detail",
    "events_page",
    "iter_events",
    "network",
    "places",
    "search_articles",
    "top_dyads",
]
