"""HTML pages: trafilatura finds the main text and the metadata; feed snippets become text.

`Article.text` of a page is trafilatura's main text with one blank line between paragraphs
(trafilatura separates them with a single newline; Parley's plain-text convention, and the
sentence splitter, want a blank line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import BinaryIO
from urllib.parse import urlsplit

from parley.ingest.dates import normalise_date
from parley.ingest.streams import decode, read_capped
from parley.records import Article, Skip, content_id

# Real news pages are 50 KB - 2 MB of markup; beyond this a file is a dump, not a page.
MAX_HTML_BYTES = 20 * 1024 * 1024
# One tag (its name and attributes) longer than this is hostile or broken markup.
MAX_TAG_CHARS = 20_000
_HUGE_TAG = re.compile(rf"<[^<>]{{{MAX_TAG_CHARS},}}>")

# When a page has no article, trafilatura falls back to whatever text is left (menus, "Home
# World"); less than a sentence is not an article.
MIN_PAGE_TEXT_CHARS = 40

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True, slots=True)
class Extracted:
    """What trafilatura found in a page."""

    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares in its first bytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_page(markup: str, *, url: str | None = None) -> Extracted | None:
    """Main text and metadata of an HTML page, or None when there is no article text."""
    import trafilatura
    from trafilatura.settings import set_date_params

    if _HUGE_TAG.search(markup):
        # lxml's parser is quadratic in a tag's attributes (100,000 of them take minutes):
        # no real article has a tag this long.
        return None

    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            # No free-text date guessing: it turns a footer's "Copyright 2024" into 2024-01-01,
            # and a wrong anchor date misplaces every relative date in the article.
            date_extraction_params=set_date_params(extensive=False),
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        # lxml and trafilatura raise these on pathological markup; no text is the honest answer.
        return None
    if document is None or len((document.text or "").strip()) < MIN_PAGE_TEXT_CHARS:
        return None
    page_url = document.url or url
    return Extracted(
        text=_paragraphs(document.text.splitlines()),
        title=(document.title or "").strip() or None,
        url=page_url,
        outlet=(document.sitename or "").strip() or _hostname(page_url),
        published=normalise_date(document.date),
    )


def read_html(stream: BinaryIO, source: str) -> Iterator[tuple[int | None, Article | Skip]]:
    """One HTML file as one Article."""
    data = read_capped(stream, MAX_HTML_BYTES)
    if data is None:
        reason = f"too long (over {MAX_HTML_BYTES:,} bytes of HTML)"
        yield None, Skip(source=source, record=None, reason=reason)
        return
    markup = decode(data, declared_charset(data))
    if _HUGE_TAG.search(markup):
        reason = f"hostile or broken HTML (a tag over {MAX_TAG_CHARS:,} characters)"
        yield None, Skip(source=source, record=None, reason=reason, error=True)
        return
    page = extract_page(markup)
    if page is None:
        yield None, Skip(source=source, record=None, reason="no article text found in the HTML")
        return
    yield None, article_from_page(page, source=source)


def article_from_page(page: Extracted, *, source: str, **overrides: str | None) -> Article:
    """An Article from extracted page fields; `overrides` (url, published) win when not None."""
    fields = {
        "title": page.title,
        "url": page.url,
        "outlet": page.outlet,
        "published": page.published,
    }
    fields.update({key: value for key, value in overrides.items() if value is not None})
    return Article(id=content_id(page.text), text=page.text, source=source, **fields)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML snippet (a feed entry), paragraphs separated by a blank line."""
    if "<" not in fragment:
        return tidy_text(unescape(fragment))
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return tidy_text(unescape(re.sub(r"<[^>]*>", " ", fragment)))
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return tidy_text(root.text_content())


def tidy_text(text: str) -> str:
    """Plain text with runs of spaces collapsed and one blank line between paragraphs."""
    return _paragraphs(_PARAGRAPH_BREAK.split(text))


def _paragraphs(chunks: list[str]) -> str:
    cleaned = (_SPACES.sub(" ", chunk).strip() for chunk in chunks)
    return "\n\n".join(chunk for chunk in cleaned if chunk)


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
