"""Where a store lives and how its connections are set up: the user's location as an
SQLAlchemy URL, SQLite's pragmas, database errors as one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parley.errors import StoreError


def engine_url(url: str) -> tuple[str, str]:
    """(dialect, SQLAlchemy URL) for a user's store location; raises StoreError when bad."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql", "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql+psycopg://"):
        return "postgresql", url
    if url.startswith("sqlite://"):
        return "sqlite", url
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}: use a file path or postgresql://..."
        )
    if url in ("", ":memory:"):
        return "sqlite", "sqlite://"
    path = Path(url)
    if path.is_dir():
        raise StoreError(f"{url}: is a directory, expected a database file")
    return "sqlite", f"sqlite:///{path}"


def one_line(exc: BaseException) -> str:
    """A database error's first line, without the driver's traceback-like detail."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Every new SQLite connection: foreign keys, a busy wait, WAL, NORMAL sync."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL still survives a killed process (commits are in the WAL file); only
    # a power cut may lose the last commits. FULL would fsync every article.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
