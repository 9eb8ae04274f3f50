"""The Store: articles, actors and deduplicated events in SQLite or PostgreSQL.

`Store.open(url)` takes a file path (SQLite, WAL mode, foreign keys on) or a
`postgresql://` URL (psycopg 3). `add_article` writes one article with its coded events in one
transaction, so an interrupted ingest loses nothing it committed and a rerun finishes the job.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from parley.errors import StoreError
from parley.records import Actor, Article, Event
from parley.store import schema
from parley.store.dedup import DedupKey, match_distance
from parley.store.engine import engine_url, one_line, sqlite_pragmas
from parley.store.rows import actor_from_row, actor_key, event_from_row, event_values
from parley.store.schema import (
    actor_mentions,
    actors,
    articles,
    event_mentions,
    events,
)

EVENT_FIELDS = tuple(c.name for c in schema._event_columns())


def _anchored(actor: Actor | None) -> bool:
    """True when an actor's code names someone: it has a country or an IGO, not just a role."""
    return actor is not None and actor.code is not None and bool(actor.country or actor.igo)


# Opening a fresh store races other processes opening it: retry this often, this long apart
# (SQLite waits up to busy_timeout on each attempt besides).
_PREPARE_ATTEMPTS = 20
_PREPARE_WAIT = 0.1
# A write that collides with another process's insert of the same row is run again.
_WRITE_ATTEMPTS = 3
# The PostgreSQL advisory lock key that serialises schema creation and upgrades ("PARLEY").
_SCHEMA_LOCK = 0x504152_4C4559


class _HalfCreated(Exception):
    """The schema's tables exist but its version row does not (yet)."""


class Store:
    """A Parley database: open it, add coded articles, read them back."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str = "parley.db", *, create: bool = True) -> Store:
        """Open (creating or upgrading) the store at a file path or postgresql:// URL. With
        `create=False` (the query commands), a database file that does not exist is an
        error rather than a new empty store."""
        dialect, location = engine_url(str(url))
        if not create and "://" not in str(url) and str(url) not in ("", ":memory:") and (
                not Path(str(url)).is_file()):
            raise StoreError(f"{url}: no such database (run `parley ingest` first)")
        try:
            display = make_url(location).render_as_string(hide_password=True)
        except ArgumentError as exc:
            raise StoreError(f"bad database URL: {one_line(exc)}") from exc
        kwargs: dict[str, Any] = {}
        if location == "sqlite://":
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        try:
            engine = create_engine(location, **kwargs)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise StoreError(f"bad database URL {display}: {one_line(exc)}") from exc
        if dialect == "sqlite":
            event.listen(engine, "connect", sqlite_pragmas)
        store = cls(engine, display)
        try:
            store._prepare()
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as exc:
            engine.dispose()
            if dialect == "sqlite" and "not a database" in str(exc.orig):
                raise StoreError(f"{url}: not a Parley database (not an SQLite file)") from exc
            what = "cannot open" if dialect == "sqlite" else "cannot connect to"
            raise StoreError(f"{what} {display}: {one_line(exc)}") from exc
        return store

    def _prepare(self) -> None:
        """Create or upgrade the schema. Several processes may open one fresh store at once:
        PostgreSQL serialises them with an advisory lock; SQLite (whose DDL another writer
        may be half way through) retries until the first creator has finished."""
        for attempt in range(_PREPARE_ATTEMPTS):
            try:
                self._prepare_once(last=attempt == _PREPARE_ATTEMPTS - 1)
                return
            except (DBAPIError, _HalfCreated):
                if attempt == _PREPARE_ATTEMPTS - 1:
                    raise
                time.sleep(_PREPARE_WAIT)

    def _prepare_once(self, *, last: bool) -> None:
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
            if schema.is_empty(conn):
                schema.initialize(conn)
                return
            found = schema.current_version(conn)
            if found is None and not last:
                raise _HalfCreated  # another process may be creating it right now
            if found is None:
                raise StoreError(f"{self.url}: not a Parley database (no schema_version table)")
            if found > schema.SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url}: schema version {found} is newer than this Parley "
                    f"(knows up to {schema.SCHEMA_VERSION}); upgrade Parley"
                )
            if found < schema.SCHEMA_VERSION:
                schema.upgrade(conn, found)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read connection; wraps driver errors in StoreError."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise StoreError(f"{self.url}: {one_line(exc)}") from exc

    # -- writing -----------------------------------------------------------------------------

    def article_status(self, article: Article, coder_version: str) -> str:
        """'new', 'unchanged' or 'changed': what add_article would do, without coding first."""
        with self.connect() as conn:
            row = conn.execute(
                select(articles.c.content_hash, articles.c.coder_version).where(
                    articles.c.id == article.id
                )
            ).first()
        if row is None:
            return "new"
        if row.content_hash == article.content_hash and row.coder_version == coder_version:
            return "unchanged"
        return "changed"

    def add_article(self, article: Article, events_: list[Event], coder_version: str) -> str:
        """Store an article and its events in one transaction: 'stored'|'unchanged'|'replaced'.
        When another process stores the same article (or actor) meanwhile, the transaction is
        run again and sees it: the article then counts as unchanged or replaced."""
        attempts = 0
        while True:
            attempts += 1
            try:
                with self.engine.begin() as conn:
                    return self._add_article(conn, article, events_, coder_version)
            except IntegrityError as exc:
                if attempts < _WRITE_ATTEMPTS:
                    continue
                raise StoreError(f"cannot store article {article.id}: {one_line(exc)}") from exc
            except DBAPIError as exc:
                raise StoreError(f"cannot store article {article.id}: {one_line(exc)}") from exc

    def _add_article(
        self, conn: Connection, article: Article, events_: list[Event], coder_version: str
    ) -> str:
        existing = conn.execute(
            select(articles.c.content_hash, articles.c.coder_version).where(
                articles.c.id == article.id
            )
        ).first()
        values = {
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published,
            "text": article.text,
            "content_hash": article.content_hash,
            "coder_version": coder_version,
            "ingested_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "source": article.source,
        }
        if existing is not None:
            if existing.content_hash == article.content_hash and (
                existing.coder_version == coder_version
            ):
                return "unchanged"
            self._remove_mentions(conn, article.id)
            conn.execute(update(articles).where(articles.c.id == article.id).values(**values))
            status = "replaced"
        else:
            conn.execute(insert(articles).values(id=article.id, **values))
            status = "stored"
        touched: set[int] = set()
        for position, ev in enumerate(events_):
            touched.add(self._add_mention(conn, article, position, ev))
        self._recount(conn, touched)
        return status

    def remove_article(self, article_id: str) -> bool:
        """Delete an article and its mentions, recounting the events; False when absent."""
        with self.engine.begin() as conn:
            found = conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first()
            if found is None:
                return False
            self._remove_mentions(conn, article_id)
            conn.execute(delete(articles).where(articles.c.id == article_id))
        return True

    def _actor_id(self, conn: Connection, actor: Actor | None) -> int | None:
        if actor is None:
            return None
        key = actor_key(actor)
        found = conn.execute(select(actors.c.id).where(actors.c.key == key)).scalar()
        if found is not None:
            return found
        dialect_insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        # ON CONFLICT DO NOTHING: a concurrent writer (the HTTP API) may add the same actor.
        conn.execute(
            dialect_insert(actors)
            .values(
                key=key,
                code=actor.code,
                name=actor.name,
                title=actor.title,
                country=actor.country,
                igo=actor.igo,
                role=actor.role,
            )
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return conn.execute(select(actors.c.id).where(actors.c.key == key)).scalar_one()

    def _add_mention(self, conn: Connection, article: Article, position: int, ev: Event) -> int:
        source_id = self._actor_id(conn, ev.source)
        target_id = self._actor_id(conn, ev.target)
        values = event_values(ev, source_id, target_id)
        seq = self._find_event(conn, ev, article.published)
        if seq is None:
            event_id = ev.event_id
            taken = conn.execute(select(events.c.seq).where(events.c.event_id == event_id)).first()
            if taken is not None:  # an older event kept this id after its article was replaced
                event_id = f"{event_id}-{position}-{article.content_hash[:8]}"
            # Values as execute parameters, not .values(): the compiled statement is cached.
            seq = conn.execute(
                insert(events).returning(events.c.seq),
                {
                    "event_id": event_id,
                    "sort_date": ev.date or article.published or "",
                    "num_mentions": 0,
                    "num_sources": 0,
                    "num_articles": 0,
                    **values,
                },
            ).scalar_one()
        mention_id = conn.execute(
            insert(event_mentions).returning(event_mentions.c.id),
            {
                "event_seq": seq,
                "article_id": article.id,
                "mention_event_id": ev.event_id,
                "position": position,
                **values,
            },
        ).scalar_one()
        for slot, actor, actor_id in (
            ("source", ev.source, source_id),
            ("target", ev.target, target_id),
        ):
            if actor is not None:
                conn.execute(
                    insert(actor_mentions),
                    {
                        "mention_id": mention_id,
                        "article_id": article.id,
                        "slot": slot,
                        "actor_id": actor_id,
                        "text": actor.text,
                        "rule": actor.rule,
                    },
                )
        return seq

    def _find_event(self, conn: Connection, ev: Event, published: str | None) -> int | None:
        """The stored event this mention reports, by the merge rule of parley.store.dedup."""
        source_code = ev.source.code if ev.source else None
        target_code = ev.target.code if ev.target else None
        if not _anchored(ev.source) or (ev.target is not None and not _anchored(ev.target)):
            return None
        key = DedupKey(
            source_code=source_code,
            target_code=target_code,
            cameo=ev.cameo,
            historical=bool(ev.historical),
            date=ev.date or published,
            place=ev.place.name if ev.place else None,
        )
        query = select(events.c.seq, events.c.cameo, events.c.sort_date, events.c.place_name).where(
            events.c.source_code == source_code,
            events.c.cameo_root == ev.cameo_root,
            events.c.historical == bool(ev.historical),
            events.c.target_code.is_(None)
            if target_code is None
            else events.c.target_code == target_code,
        )
        best: tuple[int, int] | None = None
        for row in conn.execute(query.order_by(events.c.seq)):
            candidate = DedupKey(
                source_code=source_code,
                target_code=target_code,
                cameo=row.cameo,
                historical=bool(ev.historical),
                date=row.sort_date or None,
                place=row.place_name,
            )
            distance = match_distance(key, candidate)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, row.seq)
        return best[1] if best else None

    def _remove_mentions(self, conn: Connection, article_id: str) -> None:
        seqs = set(
            conn.execute(
                select(event_mentions.c.event_seq).where(event_mentions.c.article_id == article_id)
            ).scalars()
        )
        conn.execute(delete(actor_mentions).where(actor_mentions.c.article_id == article_id))
        conn.execute(delete(event_mentions).where(event_mentions.c.article_id == article_id))
        self._recount(conn, seqs)

    def _recount(self, conn: Connection, seqs: Iterable[int]) -> None:
        """Recompute counts and the representative of events; delete those left empty."""
        source_key = func.coalesce(articles.c.outlet, articles.c.id)
        for seq in sorted(set(seqs)):
            counts = conn.execute(
                select(
                    func.count(event_mentions.c.id),
                    func.count(func.distinct(event_mentions.c.article_id)),
                    func.count(func.distinct(source_key)),
                    func.min(event_mentions.c.id),
                )
                .select_from(event_mentions.join(articles))
                .where(event_mentions.c.event_seq == seq)
            ).one()
            mentions, n_articles, n_sources, first = counts
            if mentions == 0:
                conn.execute(delete(events).where(events.c.seq == seq))
                continue
            rep = (
                conn.execute(
                    select(event_mentions, articles.c.published)
                    .select_from(event_mentions.join(articles))
                    .where(event_mentions.c.id == first)
                )
                .one()
                ._mapping
            )
            values = {name: rep[name] for name in EVENT_FIELDS}
            conn.execute(
                update(events).where(events.c.seq == seq),
                {
                    "num_mentions": mentions,
                    "num_articles": n_articles,
                    "num_sources": n_sources,
                    "rep_mention_id": first,
                    "sort_date": rep["date"] or rep["published"] or "",
                    **values,
                },
            )

    def log_ingest(self, path: str, counts: Mapping[str, int]) -> None:
        """Record what one ingest run did with one input file."""
        with self.engine.begin() as conn:
            conn.execute(
                insert(schema.ingest_log).values(
                    path=path,
                    finished_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    stored=counts.get("stored", 0),
                    unchanged=counts.get("unchanged", 0),
                    replaced=counts.get("replaced", 0),
                    skipped=counts.get("skipped", 0),
                )
            )

    # -- reading -----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many articles, events, mentions and actors the store holds."""
        with self.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("articles", articles),
                    ("events", events),
                    ("mentions", event_mentions),
                    ("actors", actors),
                )
            }

    def article_events(self, article_id: str) -> list[Event]:
        """The events coded from one article, as they were added (per-article records)."""
        with self.connect() as conn:
            rows = conn.execute(
                select(event_mentions)
                .where(event_mentions.c.article_id == article_id)
                .order_by(event_mentions.c.position)
            ).all()
            return [self._mention_event(conn, row._mapping) for row in rows]

    def _mention_event(self, conn: Connection, row: Mapping[str, Any]) -> Event:
        slots = {
            r.slot: r
            for r in conn.execute(
                select(actor_mentions.c.slot, actor_mentions.c.text, actor_mentions.c.rule).where(
                    actor_mentions.c.mention_id == row["id"]
                )
            )
        }
        found: dict[str, Actor | None] = {}
        for slot in ("source", "target"):
            actor_id = row[f"{slot}_actor_id"]
            if actor_id is None:
                found[slot] = None
                continue
            actor_row = conn.execute(select(actors).where(actors.c.id == actor_id)).one()._mapping
            mention = slots.get(slot)
            found[slot] = actor_from_row(
                actor_row, mention.text if mention else None, mention.rule if mention else None
            )
        return event_from_row(row, row["mention_event_id"], found["source"], found["target"])
