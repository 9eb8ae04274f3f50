"""Parse a POST /api/articles body (one JSON article, a JSON list, or JSON Lines) into Articles.

Each record goes through the same JSONL line parser as `parley ingest`, so the API and the CLI
agree on what a valid article is; a broken record refuses the whole request (nothing stored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from parley.api.errors import ApiError
from parley.ingest.jsonl import parse_line
from parley.ingest.language import foreign_language
from parley.records import Article, Skip

# A batch over this many articles is refused: coding is CPU-bound and a request should finish
# in reasonable time. `parley ingest` is the tool for bulk loads.
MAX_BATCH_ARTICLES = 500
_SOURCE = "request"


@dataclass(frozen=True, kw_only=True, slots=True)
class Posted:
    """The articles of one request, and those passed over by policy (not English, empty)."""

    articles: list[Article]
    skipped: list[Skip]


def parse_articles_body(body: bytes) -> Posted:
    """Articles from a request body; raises ApiError(400) naming the record at fault."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"body is not UTF-8 text: {exc.reason}", parameter="body") from None
    stripped = text.strip()
    if not stripped:
        raise ApiError(
            400, "empty body: send one article JSON object, a JSON list or JSON Lines",
            parameter="body",
        )
    lines = _record_lines(stripped)
    if len(lines) > MAX_BATCH_ARTICLES:
        raise ApiError(
            413, f"{len(lines)} articles in one request; the limit is {MAX_BATCH_ARTICLES}",
            parameter="body",
        )
    articles: list[Article] = []
    skipped: list[Skip] = []
    for number, line in lines:
        parsed = parse_line(line, _SOURCE, number)
        if isinstance(parsed, Skip):
            raise ApiError(400, f"record {number}: {parsed.reason}", parameter="body")
        if not parsed.text.strip():
            skipped.append(Skip(source=_SOURCE, record=number, reason="empty text"))
            continue
        language = foreign_language(parsed.text, {"en"})
        if language is not None:
            skipped.append(
                Skip(source=_SOURCE, record=number, reason=f"not English ({language})")
            )
            continue
        articles.append(parsed)
    return Posted(articles=articles, skipped=skipped)


def _record_lines(text: str) -> list[tuple[int, bytes]]:
    """(record number, one JSON record as bytes) for a JSON object, a JSON list or JSON Lines."""
    try:
        whole = json.loads(text)
    except RecursionError:
        raise ApiError(400, "bad JSON: nested too deep", parameter="body") from None
    except json.JSONDecodeError:
        return [
            (number, line.encode("utf-8"))
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    except ValueError as exc:  # a number past Python's digit limit
        detail = str(exc).split(":")[0]
        raise ApiError(400, f"bad JSON: {detail}", parameter="body") from None
    records = whole if isinstance(whole, list) else [whole]
    # Each record is re-serialised so one parser (ingest's) judges every field.
    return [
        (number, json.dumps(record).encode("utf-8"))
        for number, record in enumerate(records, start=1)
    ]
