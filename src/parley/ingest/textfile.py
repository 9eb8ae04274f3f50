"""Plain text: one article per file, the first line its title when it looks like one.

`Article.text` is the whole file as read: decoded (UTF-8, else cp1252), BOM stripped, newlines
normalised to LF, and nothing else changed. The title line stays in the text, so event
offsets slice the file as the user sees it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from parley.ingest.streams import decode, normalise_newlines, read_capped
from parley.records import Article, Skip, content_id

# A headline is a line, not a paragraph: news titles run to ~120 characters at most.
MAX_TITLE_CHARS = 200
# UTF-8 needs at most four bytes a character, so a file over this many bytes is certainly over
# the character limit and is refused without reading it.
BYTES_PER_CHAR = 4


def split_title(text: str) -> str | None:
    """The first line when it is a title: short, no final period, followed by a blank line."""
    first, newline, rest = text.partition("\n")
    title = first.strip()
    if not newline or not title or len(title) >= MAX_TITLE_CHARS or title.endswith("."):
        return None
    second, _, body = rest.partition("\n")
    if second.strip() or not body.strip():
        return None
    return title


def read_text(
    stream: BinaryIO, source: str, *, max_chars: int
) -> Iterator[tuple[int | None, Article | Skip]]:
    """The file as one Article (or a Skip when it is too long)."""
    data = read_capped(stream, max_chars * BYTES_PER_CHAR)
    if data is None:
        reason = f"too long (over {max_chars * BYTES_PER_CHAR:,} bytes)"
        yield None, Skip(source=source, record=None, reason=reason)
        return
    text = normalise_newlines(decode(data))
    if "\x00" in text:  # binary past the first bytes that were sniffed
        reason = "binary file (NUL bytes), not text"
        yield None, Skip(source=source, record=None, reason=reason, error=True)
        return
    article = Article(id=content_id(text), text=text, title=split_title(text), source=source)
    yield None, article
