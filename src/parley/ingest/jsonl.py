"""JSON Lines: one article per line, as ../shared/SCHEMA.md describes; extra fields ignored.

A broken line (not JSON, not an object, no text, a field of the wrong type) is a Skip naming
its line number; the lines after it are still read. A `published` that is not a date is not an
error: the article is kept with `published=None` (the caller's `published=` fills it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from parley.ingest.dates import normalise_date
from parley.records import Article, Skip, content_id

# A line can hold `max_chars` of text escaped as JSON (\uXXXX is six bytes a character for the
# worst case) plus metadata; beyond that the line is refused without being held in memory.
_BYTES_PER_CHAR = 6
_METADATA_BYTES = 1 << 16
_OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")

Read = tuple[int | None, Article | Skip]


def read_jsonl(stream: BinaryIO, source: str, *, max_chars: int) -> Iterator[Read]:
    """One Article per JSON line, a Skip per broken line; blank lines are passed over."""
    limit = max_chars * _BYTES_PER_CHAR + _METADATA_BYTES
    line_no = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        line_no += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _drain_line(stream, limit)
            yield line_no, _skip(source, line_no, f"too long (line over {limit:,} bytes)")
            continue
        if not line.endswith(b"\n"):
            # The last line. Reading on raises here if it was cut short by a damaged gzip,
            # so the skip names the damage rather than a "bad JSON" half line.
            stream.read(1)
        if not line.strip():
            continue
        yield line_no, parse_line(line, source, line_no)


def parse_line(line: bytes, source: str, line_no: int) -> Article | Skip:
    """One JSONL line as an Article, or a Skip(error=True) saying what is wrong with it."""
    try:
        record = json.loads(line.decode("utf-8-sig" if line_no == 1 else "utf-8"))
    except UnicodeDecodeError:
        return _skip(source, line_no, "not UTF-8", error=True)
    except json.JSONDecodeError as exc:
        return _skip(source, line_no, f"bad JSON: {exc.msg} (column {exc.colno})", error=True)
    except RecursionError:
        return _skip(source, line_no, "bad JSON: nested too deep", error=True)
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return _skip(source, line_no, f"bad JSON: {_first_line(exc)}", error=True)
    if not isinstance(record, dict):
        return _skip(source, line_no, f"not a JSON object but {_json_type(record)}", error=True)
    text = record.get("text")
    if text is None:
        return _skip(source, line_no, "no 'text' field", error=True)
    fields: dict[str, Any] = {}
    for name in ("text", *_OPTIONAL_TEXT_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return _skip(source, line_no, f"'{name}' is {_json_type(value)}, not a string", True)
        if value is not None and not _encodable(value):
            return _skip(source, line_no, f"'{name}' has unpaired surrogates", error=True)
        fields[name] = value
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)  # numeric ids are common in exports; they mean the same string
    if doc_id is not None and (not isinstance(doc_id, str) or not doc_id.strip()):
        return _skip(source, line_no, "'id' is not a non-empty string", error=True)
    if doc_id is not None and not _encodable(doc_id):
        return _skip(source, line_no, "'id' has unpaired surrogates", error=True)
    return Article(
        id=doc_id if doc_id is not None else content_id(text),
        published=normalise_date(record.get("published")),
        source=source,
        **fields,
    )


def _skip(source: str, line_no: int, reason: str, error: bool = False) -> Skip:
    return Skip(source=source, record=line_no, reason=reason, error=error)


def _drain_line(stream: BinaryIO, chunk: int) -> None:
    """Read past the rest of an overlong line without keeping it."""
    while True:
        part = stream.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def _encodable(value: str) -> bool:
    # JSON's \ud800 escapes decode to lone surrogates, which no UTF-8 store or hash accepts.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
