"""The store's tables, its version number and the migrations between versions.

A new database is built the same way an old one is upgraded: the v1 baseline, then each
migration in turn. So the upgrade path is exercised every time a store is created, and a test
can build a genuine v1 database with `initialize(conn, target=1)`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
    select,
    text,
)

SCHEMA_VERSION = 2

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String),
    Column("text", Text, nullable=False),
    Column("content_hash", String, nullable=False),
    Column("coder_version", String, nullable=False),
    Column("ingested_at", String, nullable=False),  # ISO 8601 UTC
    Column("source", Text),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # NULLs are distinct in SQL unique constraints, so identity is one joined text key.
    Column("key", Text, nullable=False, unique=True),
    Column("code", String),
    Column("name", Text),
    Column("title", Text),
    Column("country", String),
    Column("igo", String),
    Column("role", String),
)


def _event_columns() -> list[Column]:
    """Every field of an Event record, as columns (shared by events and event_mentions)."""
    return [
        Column("doc_id", String, nullable=False),
        Column("sentence_index", Integer, nullable=False),
        Column("char_start", Integer, nullable=False),
        Column("char_end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("source_actor_id", Integer, ForeignKey("actors.id")),
        Column("target_actor_id", Integer, ForeignKey("actors.id")),
        Column("source_code", String),
        Column("target_code", String),
        Column("cameo", String, nullable=False),
        Column("cameo_root", String, nullable=False),
        Column("plover", String),
        Column("quad_class", Integer, nullable=False),
        Column("goldstein", Float, nullable=False),
        Column("date", String),
        Column("historical", Boolean, nullable=False),
        Column("place_name", Text),
        Column("place_country", String),
        Column("place_lat", Float),
        Column("place_lon", Float),
        Column("quote", Text),
        Column("topics", Text, nullable=False),  # JSON list
        Column("frameworks", Text, nullable=False),  # JSON list
        Column("confidence", Float, nullable=False),
        Column("rule", Text, nullable=False),
        Column("date_precision", String),
        Column("planned", Boolean, nullable=False),
        Column("quote_speaker", Text),
        Column("trigger_start", Integer),
        Column("trigger_end", Integer),
        Column("source_span", String),  # "start,end"
        Column("target_span", String),
        Column("coder_version", String, nullable=False),
        Column("extras", Text, nullable=False),  # JSON object
    ]


events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, nullable=False, unique=True),
    *_event_columns(),
    # The representative mention whose fields the columns above copy.
    Column("rep_mention_id", Integer),
    # Date used for ordering, periods and --since/--until: the event date, else publication.
    Column("sort_date", String, nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Index("ix_events_sort", "sort_date", "seq"),
    Index("ix_events_source", "source_actor_id"),
    Index("ix_events_target", "target_actor_id"),
    Index("ix_events_dedup", "source_code", "target_code", "cameo_root", "historical"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_seq", Integer, ForeignKey("events.seq"), nullable=False),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("mention_event_id", String, nullable=False),  # the per-article Event.event_id
    Column("position", Integer, nullable=False),  # order within the article's event list
    *_event_columns(),
    UniqueConstraint("article_id", "position"),
    Index("ix_mentions_event", "event_seq"),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_mid", "mention_event_id"),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention_id", Integer, ForeignKey("event_mentions.id"), nullable=False),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False),
    Column("slot", String, nullable=False),  # source | target
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("rule", Text),
    UniqueConstraint("mention_id", "slot"),
    Index("ix_actor_mentions_actor", "actor_id"),
)

# Added in v2: one row per ingested input file, so a user can see what each run did.
ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("finished_at", String, nullable=False),
    Column("stored", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("replaced", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),
)

_V1_TABLES = [schema_version, articles, actors, events, event_mentions, actor_mentions]

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles',"
    " content_rowid='rowid')",
    "CREATE TRIGGER article_fts_ai AFTER INSERT ON articles BEGIN"
    " INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER article_fts_ad AFTER DELETE ON articles BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, text)"
    " VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER article_fts_au AFTER UPDATE ON articles BEGIN"
    " INSERT INTO article_fts(article_fts, rowid, title, text)"
    " VALUES ('delete', old.rowid, old.title, old.text);"
    " INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE VIRTUAL TABLE mention_fts USING fts5(text, content='event_mentions',"
    " content_rowid='id')",
    "CREATE TRIGGER mention_fts_ai AFTER INSERT ON event_mentions BEGIN"
    " INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER mention_fts_ad AFTER DELETE ON event_mentions BEGIN"
    " INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
]

_POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
    " (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
    "ALTER TABLE event_mentions ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
    " (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_event_mentions_tsv ON event_mentions USING GIN (tsv)",
]


def _create_v1(conn: Connection) -> None:
    """The v1 baseline: the core tables and full-text search."""
    metadata.create_all(conn, tables=_V1_TABLES)
    statements = _POSTGRES_FTS if conn.dialect.name == "postgresql" else _SQLITE_FTS
    for statement in statements:
        conn.execute(text(statement))
    conn.execute(schema_version.insert().values(version=1))


def _v1_to_v2(conn: Connection) -> None:
    """v2 adds the ingest log and an index for dyad time series."""
    ingest_log.create(conn)
    conn.execute(
        text("CREATE INDEX ix_events_dyad ON events (source_code, target_code, sort_date)")
    )


# MIGRATIONS[n] upgrades a version-n database to version n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2}


def current_version(conn: Connection) -> int | None:
    """The schema version recorded in the database, or None when it has no Parley tables."""
    if not inspect(conn).has_table("schema_version"):
        return None
    return conn.execute(select(schema_version.c.version)).scalar_one_or_none()


def is_empty(conn: Connection) -> bool:
    """True when the database has no tables at all (a fresh file or database)."""
    return not inspect(conn).get_table_names()


def initialize(conn: Connection, target: int = SCHEMA_VERSION) -> None:
    """Create the schema in an empty database, up to version `target`."""
    _create_v1(conn)
    upgrade(conn, 1, target)


def upgrade(conn: Connection, found: int, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations from version `found` to `target`, recording each step."""
    for version in range(found, target):
        MIGRATIONS[version](conn)
        conn.execute(schema_version.update().values(version=version + 1))
