"""`read_inputs` / `read_path`: any input kind in, a stream of `Article | Skip` out.

Each kind's reader turns bytes into Articles; `_Screen` then applies the policies every kind
shares: empty text, length cap, duplicates within one call, language, and the caller's
`published=` date (which fills a missing date and never overrides one the input states).
"""

from __future__ import annotations

import dataclasses
import gzip
import os
import zlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from parley.errors import InputError
from parley.ingest.dates import normalise_date
from parley.ingest.feeds import read_feed
from parley.ingest.html import read_html
from parley.ingest.jsonl import read_jsonl
from parley.ingest.language import foreign_language
from parley.ingest.streams import (
    STDIN,
    Kind,
    Opened,
    display_name,
    looks_binary,
    open_input,
)
from parley.ingest.textfile import read_text
from parley.ingest.warc import read_warc
from parley.records import Article, Skip

# The longest article text kept, in characters. Real news articles run to ~50k characters;
# a million is a book, a log or a concatenation, and would stall the parser.
MAX_CHARS = 1_000_000

Read = tuple[int | None, Article | Skip]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class IngestOptions:
    """How ingest screens what it reads."""

    published: str | None = None  # YYYY-MM-DD, fills articles that state no date
    languages: frozenset[str] | None = frozenset({"en"})  # None: keep every language
    max_chars: int = MAX_CHARS
    dedupe: bool = True


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: str | None = None,
    languages: Collection[str] | None = ("en",),
    max_chars: int = MAX_CHARS,
    dedupe: bool = True,
) -> Iterator[Article | Skip]:
    """Articles from files, directories (recursively, sorted) and "-" (stdin), with skips.

    Raises InputError at once for a path that does not exist or a malformed `published`;
    everything wrong *inside* an input becomes a Skip naming the file and record.
    """
    options = _options(published, languages, max_chars, dedupe)
    if isinstance(paths, str | Path):  # one path given bare: not an iterable of characters
        paths = [paths]
    files = [file for path in paths for file in expand_path(path)]
    return _read_all(files, options)


def read_path(
    path: str | Path,
    *,
    published: str | None = None,
    languages: Collection[str] | None = ("en",),
    max_chars: int = MAX_CHARS,
    dedupe: bool = True,
) -> Iterator[Article | Skip]:
    """Articles from one file (kind by extension, else by content) or "-" for stdin."""
    return read_inputs(
        [path], published=published, languages=languages, max_chars=max_chars, dedupe=dedupe
    )


def expand_path(path: str | Path) -> list[str]:
    """The files a path names: itself, or a directory's files (sorted, hidden ones left out)."""
    name = os.fspath(path)
    if name == STDIN:
        return [STDIN]
    root = Path(name)
    if root.is_dir():
        return [
            str(file)
            for file in sorted(root.rglob("*"))
            if file.is_file() and not any(p.startswith(".") for p in file.relative_to(root).parts)
        ]
    if not root.exists():
        raise InputError(name, "no such file or directory")
    return [name]


def _options(
    published: str | None, languages: Collection[str] | None, max_chars: int, dedupe: bool
) -> IngestOptions:
    day = normalise_date(published) if published is not None else None
    if published is not None and day is None:
        raise InputError(f"published={published!r}", "not a date (expected YYYY-MM-DD)")
    if max_chars < 1:
        raise InputError(f"max_chars={max_chars}", "must be at least 1")
    accepted = frozenset(languages) if languages is not None else None
    return IngestOptions(published=day, languages=accepted, max_chars=max_chars, dedupe=dedupe)


def _read_all(files: list[str], options: IngestOptions) -> Iterator[Article | Skip]:
    screen = _Screen(options)
    for path in files:
        for record, item in _read_file(path, options):
            yield screen.check(item, record) if isinstance(item, Article) else item


def _read_file(path: str, options: IngestOptions) -> Iterator[Read]:
    """One input's records, with damage to the file itself (I/O, gzip) as a final Skip."""
    source = display_name(path)
    last: int | None = None
    try:
        with open_input(path) as opened:
            if not opened.head.strip():
                yield None, Skip(source=source, record=None, reason="empty file")
                return
            if opened.kind is not Kind.WARC and looks_binary(opened.head):
                reason = "binary file (NUL bytes), not text"
                yield None, Skip(source=source, record=None, reason=reason, error=True)
                return
            for record, item in _records(opened, source, options):
                last = record if record is not None else last
                yield record, item
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        record = None if last is None else last + 1
        reason = f"truncated or corrupt gzip: {exc}"
        yield record, Skip(source=source, record=record, reason=reason, error=True)
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        yield None, Skip(source=source, record=None, reason=reason, error=True)
    except Exception as exc:
        # Whatever a third-party parser (lxml, feedparser, warcio) raises on a hostile file
        # ends that file with a recorded skip; the other inputs of the run go on.
        record = None if last is None else last + 1
        detail = " ".join(str(exc).split())[:200] or "no detail"
        reason = f"cannot be read: {type(exc).__name__}: {detail}"
        yield record, Skip(source=source, record=record, reason=reason, error=True)


def _records(opened: Opened, source: str, options: IngestOptions) -> Iterator[Read]:
    stream, kind = opened.stream, opened.kind
    if kind is Kind.JSONL:
        return read_jsonl(stream, source, max_chars=options.max_chars)
    if kind is Kind.HTML:
        return read_html(stream, source)
    if kind is Kind.FEED:
        return read_feed(stream, source)
    if kind is Kind.WARC:
        return read_warc(stream, opened.head, source)
    return read_text(stream, source, max_chars=options.max_chars)


class _Screen:
    """The policies every kind shares; remembers ids and texts seen within one call."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self._first_by_id: dict[str, str] = {}
        self._first_by_hash: dict[str, str] = {}

    def check(self, article: Article, record: int | None) -> Article | Skip:
        """The article as it passes (with the fallback date), or the Skip saying why not."""
        source = article.source or ""
        text = article.text
        if not text.strip():
            return Skip(source=source, record=record, reason="empty text")
        if len(text) > self.options.max_chars:
            reason = f"too long ({len(text):,} characters, limit {self.options.max_chars:,})"
            return Skip(source=source, record=record, reason=reason)
        content_hash = article.content_hash
        if self.options.dedupe:
            first = self._first_by_id.get(article.id) or self._first_by_hash.get(content_hash)
            if first is not None:
                return Skip(source=source, record=record, reason=f"duplicate of {first}")
        accepted = self.options.languages
        if accepted is not None:
            language = foreign_language(text, accepted)
            if language is not None:
                wanted = "English" if accepted == {"en"} else "in " + ", ".join(sorted(accepted))
                return Skip(source=source, record=record, reason=f"not {wanted} ({language})")
        if self.options.dedupe:
            self._first_by_id.setdefault(article.id, article.id)
            self._first_by_hash.setdefault(content_hash, article.id)
        if article.published is None and self.options.published is not None:
            article = dataclasses.replace(article, published=self.options.published)
        return article
