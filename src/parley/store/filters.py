"""Event filters: what `parley events --actor ... --since ...` and the API's query string mean.

`EventFilter` holds the user's filters; `EventFilter.validated()` raises QueryError naming the
bad parameter; `where(store, filter)` turns a validated filter into SQL conditions on `events`.
Actor specs match an actor's country ("KAZ"), its code ("KAZGOV"), its IGO ("EU") or part of
its name. Full-text search matches an event's evidence sentences or the title/text of an
article reporting it (SQLite FTS5, PostgreSQL tsvector).
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import Any

from sqlalchemy import Integer, Select, and_, column, func, literal_column, or_, select
from sqlalchemy import text as sql_text

from parley.errors import QueryError
from parley.store.schema import actors, articles, event_mentions, events
from parley.store.store import Store

MAX_LIMIT = 10_000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFilter:
    """Which events a query selects; every field optional. Actor specs are country codes
    ("KAZ"), actor codes ("KAZGOV"), IGO codes ("EU") or (part of) a name."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    code: str | None = None  # CAMEO code, exact
    root: str | None = None  # CAMEO root, two digits
    quad: int | None = None  # QuadClass 1..4
    since: str | None = None  # YYYY[-MM[-DD]], inclusive
    until: str | None = None  # inclusive: "2024-05" includes all of May
    place: str | None = None  # place name (part) or country code
    topic: str | None = None
    text: str | None = None  # full-text search over evidence and article text
    historical: bool | None = None
    limit: int = 50
    cursor: str | None = None

    def validated(self) -> EventFilter:
        """This filter with normalised values; raises QueryError for an invalid one."""
        root = self.root
        if root is not None:
            root = root.strip().zfill(2)
            if not re.fullmatch(r"\d{2}", root) or not 1 <= int(root) <= 20:
                raise QueryError("root", f"{self.root!r} is not a CAMEO root code (01..20)")
        if self.code is not None and not _CODE.match(self.code.strip()):
            raise QueryError("code", f"{self.code!r} is not a CAMEO code (2-4 digits)")
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise QueryError("quad", f"{self.quad!r} is not a QuadClass (1..4)")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _valid_date(value):
                raise QueryError(name, f"{value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError("limit", f"must be between 1 and {MAX_LIMIT}")
        if self.text is not None and not re.findall(r"\w+", self.text):
            raise QueryError("text", "no words to search for")
        for name in ("actor", "source", "target", "place", "topic"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise QueryError(name, "is empty")
        if self.cursor is not None:
            decode_cursor(self.cursor)
        code = self.code.strip() if self.code else None
        return replace(self, root=root, code=code)


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        Date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def encode_cursor(sort_date: str, seq: int) -> str:
    raw = json.dumps([sort_date, seq]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_date, seq = json.loads(raw)
        # A forged cursor must not reach SQL: a bool is an int to Python, and a sequence
        # number must fit a 64-bit column.
        if not isinstance(sort_date, str) or len(sort_date) > 32 or isinstance(seq, bool) \
                or not isinstance(seq, int) or not 0 <= seq < 2**63:
            raise ValueError
    except (ValueError, TypeError, RecursionError) as exc:
        raise QueryError("cursor", "not a cursor returned by a previous page") from exc
    return sort_date, seq


# -- filters --------------------------------------------------------------------------------


def actor_ids_query(spec: str) -> Select:
    """Ids of the actors a spec names: country, actor code or IGO (exact), or part of a name."""
    value = spec.strip()
    upper = value.upper()
    return select(actors.c.id).where(
        or_(
            func.upper(actors.c.code) == upper,
            actors.c.country == upper,
            func.upper(actors.c.igo) == upper,
            actors.c.name.ilike(f"%{value}%"),
        )
    )


def _fts_clause(store: Store, query: str) -> Any:
    """Events with an evidence sentence, or an article, containing every word of the query."""
    words = re.findall(r"\w+", query)
    if store.dialect == "postgresql":
        tsq = func.plainto_tsquery("english", " ".join(words))
        # The tsv columns are generated by PostgreSQL (schema._POSTGRES_FTS), not in the Tables.
        in_mentions = select(event_mentions.c.event_seq).where(
            literal_column("event_mentions.tsv").op("@@")(tsq)
        )
        in_articles = select(articles.c.id).where(literal_column("articles.tsv").op("@@")(tsq))
    else:
        fts = " ".join(f'"{w}"' for w in words)
        mention_rows = (
            sql_text("SELECT rowid FROM mention_fts WHERE mention_fts MATCH :fts")
            .bindparams(fts=fts)
            .columns(column("rowid", Integer))
        )
        in_mentions = select(event_mentions.c.event_seq).where(
            event_mentions.c.id.in_(mention_rows)
        )
        article_rows = (
            sql_text("SELECT rowid FROM article_fts WHERE article_fts MATCH :afts")
            .bindparams(afts=fts)
            .columns(column("rowid", Integer))
        )
        in_articles = select(articles.c.id).where(column("rowid").in_(article_rows))
    via_articles = select(event_mentions.c.event_seq).where(
        event_mentions.c.article_id.in_(in_articles)
    )
    return or_(events.c.seq.in_(in_mentions), events.c.seq.in_(via_articles))


def where(store: Store, f: EventFilter) -> list[Any]:
    """SQL conditions on the events table for a validated filter."""
    clauses: list[Any] = []
    if f.actor:
        ids = actor_ids_query(f.actor)
        clauses.append(or_(events.c.source_actor_id.in_(ids), events.c.target_actor_id.in_(ids)))
    if f.source:
        clauses.append(events.c.source_actor_id.in_(actor_ids_query(f.source)))
    if f.target:
        clauses.append(events.c.target_actor_id.in_(actor_ids_query(f.target)))
    if f.code:
        clauses.append(events.c.cameo == f.code)
    if f.root:
        clauses.append(events.c.cameo_root == f.root)
    if f.quad:
        clauses.append(events.c.quad_class == f.quad)
    if f.since:
        clauses.append(events.c.sort_date >= f.since)
    if f.until:
        # "~" sorts after every digit and "-", so "2024-05~" includes all of May 2024.
        clauses.append(and_(events.c.sort_date != "", events.c.sort_date <= f.until + "~"))
    if f.place:
        place = f.place.strip()
        clauses.append(
            or_(events.c.place_name.ilike(f"%{place}%"), events.c.place_country == place.upper())
        )
    if f.topic:
        clauses.append(events.c.topics.ilike(f'%"{f.topic.strip()}"%'))
    if f.text:
        clauses.append(_fts_clause(store, f.text))
    if f.historical is not None:
        clauses.append(events.c.historical == f.historical)
    return clauses
