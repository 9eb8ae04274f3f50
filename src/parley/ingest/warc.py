"""WARC archives (Common Crawl CC-NEWS layout): each HTML response record an Article.

The url is the record's WARC-Target-URI; the date is the page's own publication date, else the
crawl date (WARC-Date). Records that are not HTML pages fetched with status 200 (requests,
metadata, redirects, images) are passed over silently: that is most of any crawl.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from parley.ingest.dates import normalise_date
from parley.ingest.html import MAX_HTML_BYTES, article_from_page, declared_charset, extract_page
from parley.ingest.streams import decode, read_capped
from parley.records import Article, Skip

Read = tuple[int | None, Article | Skip]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, head: bytes, source: str) -> Iterator[Read]:
    """One Article per HTML page; a Skip naming the record where the archive breaks."""
    from warcio.archiveiterator import ArchiveIterator

    if not head.lstrip().startswith(b"WARC/"):
        yield None, Skip(source=source, record=None, reason="not a WARC file", error=True)
        return
    records = iter(ArchiveIterator(stream))
    number = 0  # the record being read: the next one while the iterator advances
    found = False
    try:
        while True:
            number += 1
            record, warning = _next_record(records)
            if warning:
                reason = f"damaged WARC before record {number}: {warning}"
                yield number, Skip(source=source, record=number, reason=reason, error=True)
            if record is None:
                if not found:
                    # Nothing to report per record: damaged headers ("WARC/1.0" then garbage,
                    # a file cut inside its first header) or an archive without HTML pages.
                    reason = (f"no HTML page read from the WARC ({number - 1} records; "
                              "damaged or truncated headers, or no HTML responses)")
                    yield None, Skip(source=source, record=None, reason=reason)
                return
            item = _read_record(record, source, number)
            if item is not None:
                found = True
                yield number, item
    except Exception as exc:
        # warcio has no error hierarchy for damaged input: a truncated gzip member is an
        # EOFError, a cut header an AttributeError, garbage an ArchiveLoadFailed. Any of them
        # ends the file: the reader cannot find the next record boundary.
        reason = f"corrupt WARC record (rest of the file not read): {type(exc).__name__}: {exc}"
        yield number, Skip(source=source, record=number, reason=reason, error=True)


def _next_record(records: Iterator[Any]) -> tuple[Any, str]:
    """The next record, and what warcio wrote to stderr meanwhile (it prints its warnings
    about invalid record lengths there): one line for the skip report, not the console."""
    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        record = next(records, None)
    lines = [line.strip() for line in captured.getvalue().splitlines() if line.strip()]
    return record, lines[0].removeprefix("WARNING: ") if lines else ""


def _read_record(record: Any, source: str, number: int) -> Article | Skip | None:
    content_type = _html_content_type(record)
    if content_type is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    payload = read_capped(record.content_stream(), MAX_HTML_BYTES)
    if payload is None:
        reason = f"too long (over {MAX_HTML_BYTES:,} bytes of HTML)"
        return Skip(source=source, record=number, reason=reason)
    if getattr(record.raw_stream, "limit", 0) > 0:
        reason = f"truncated WARC record ({uri})"
        return Skip(source=source, record=number, reason=reason, error=True)
    charset = _charset(content_type) or declared_charset(payload)
    page = extract_page(decode(payload, charset), url=uri)
    if page is None:
        return Skip(source=source, record=number, reason="no article text found in the HTML")
    crawled = normalise_date(record.rec_headers.get_header("WARC-Date"))
    return article_from_page(page, source=source, url=uri, published=page.published or crawled)


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of an HTML page record fetched with status 200, else None."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or headers.get_statuscode() != "200":
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.lower().startswith(_HTML_TYPES) else None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
