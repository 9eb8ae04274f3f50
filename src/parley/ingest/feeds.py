"""RSS and Atom feeds: each entry an Article (its full content, else its summary, as text)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from parley.ingest.dates import normalise_date
from parley.ingest.html import html_to_text, tidy_text
from parley.ingest.streams import read_capped
from parley.records import Article, Skip, content_id

# Feeds carry summaries or, at most, a few dozen full articles.
MAX_FEED_BYTES = 50 * 1024 * 1024

# feedparser flags these (a wrong declared charset, an HTTP content type, an undeclared
# namespace prefix) but still parses the whole feed: not worth a skip.
_HARMLESS: tuple[type[Exception], ...] = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
    feedparser.UndeclaredNamespace,
)

Read = tuple[int | None, Article | Skip]


def read_feed(stream: BinaryIO, source: str) -> Iterator[Read]:
    """One Article per feed entry; a Skip when the file is not a readable feed."""
    data = read_capped(stream, MAX_FEED_BYTES)
    if data is None:
        reason = f"too long (over {MAX_FEED_BYTES:,} bytes of feed)"
        yield None, Skip(source=source, record=None, reason=reason)
        return
    # Bytes, never str: feedparser takes a str for a URL or a file name to open.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            reason = f"not a readable RSS/Atom feed: {problem}"
        elif parsed.get("version"):
            reason = "feed has no entries"
        else:
            reason = "not an RSS/Atom feed"
        error = reason != "feed has no entries"
        yield None, Skip(source=source, record=None, reason=reason, error=error)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield number, _entry_article(entry, source=source, outlet=outlet)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _HARMLESS):
        # A truncated or malformed feed still gives the entries before the damage.
        reason = f"malformed feed (entries after the damage are lost): {problem}"
        yield None, Skip(source=source, record=None, reason=reason, error=True)


def _entry_article(entry: Any, *, source: str, outlet: str | None) -> Article:
    text = _entry_text(entry)
    published = None
    for key in ("published", "updated", "created"):
        published = normalise_date(entry.get(key)) or normalise_date(entry.get(f"{key}_parsed"))
        if published:
            break
    title_type = (entry.get("title_detail") or {}).get("type") or "text/plain"
    raw_title = entry.get("title") or ""
    title = (html_to_text(raw_title) if "html" in title_type else tidy_text(raw_title)) or None
    return Article(
        id=content_id(text),
        text=text,
        title=title,
        url=entry.get("link") or None,
        outlet=outlet,
        published=published,
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks (Atom content, content:encoded), else summary."""
    candidates = [block for block in entry.get("content") or () if block.get("value")]
    if not candidates and entry.get("summary"):
        candidates = [entry.get("summary_detail") or {"value": entry.summary, "type": "text/html"}]
    best = max(candidates, key=lambda block: len(block.get("value", "")), default=None)
    if best is None:
        return ""
    value = best.get("value", "")
    if "html" in (best.get("type") or "text/html"):
        return html_to_text(value)
    return tidy_text(value)
