"""Opening inputs: gzip by its magic bytes, stdin, kind by extension or by content, decoding.

Every reader gets a buffered binary stream of the *decompressed* bytes and its first bytes
(the head) for sniffing, so gzip is handled once here and a truncated gzip surfaces as the
same `EOFError` for every kind.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
STDIN_NAME = "<stdin>"

# Enough to see a doctype, an <rss>/<feed> root after an XML prolog and comments, or a
# WARC/1.x version line; and to find NUL bytes in a binary file.
HEAD_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"
_BUFFER = 1 << 16


class Kind(StrEnum):
    """The input kinds Parley reads."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    FEED = "feed"
    WARC = "warc"


EXTENSIONS: dict[str, Kind] = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    ".xml": Kind.FEED,
    ".warc": Kind.WARC,
}


def kind_from_name(name: str) -> Kind | None:
    """The kind a file name's extension promises (`.jsonl.gz` -> jsonl), or None."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]", re.IGNORECASE
)


def sniff_kind(head: bytes) -> Kind:
    """The kind of an input from its first bytes: WARC, JSONL, feed, HTML, else plain text."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"WARC/"):
        return Kind.WARC
    if start.startswith(b"{"):
        return Kind.JSONL
    if _FEED_ROOT.search(start):
        return Kind.FEED
    if start.startswith(b"<") and _HTML_START.search(start):
        return Kind.HTML
    return Kind.TEXT


def looks_binary(head: bytes) -> bool:
    """True for bytes no text input contains: NUL bytes (UTF-16 with a BOM excepted)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (BOM stripped), else the declared charset, else cp1252.

    cp1252 is the fallback because it is what non-UTF-8 Western news pages and Windows text
    files almost always are; latin-1 catches the five bytes cp1252 leaves undefined, so decoding
    never fails (binary input is refused before, by `looks_binary`).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, "cp1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR as LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# What a damaged gzip raises as it is read.
_DAMAGE = (EOFError, zlib.error, gzip.BadGzipFile)


class _Replayed(io.BufferedIOBase):
    """A stream that first replays bytes already read (the head), then continues the rest.

    Damage met reading the rest (a gzip cut short) is raised only once the good bytes before
    it have been returned: io.BufferedReader would drop the bytes it had gathered in the call
    that fails, losing the last whole records before the cut.
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._buffer = bytearray(head)
        self._read_rest = getattr(rest, "read1", rest.read)
        self._error: Exception | None = None
        self._at_end = False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        while size is None or size < 0 or len(self._buffer) < size:
            if not self._more():
                break
        return self._take(len(self._buffer) if size is None or size < 0 else size)

    def peek(self, size: int = 1) -> bytes:
        """Up to `size` next bytes, not consumed (fewer only at the end of the stream)."""
        size = max(size, 1)
        while len(self._buffer) < size and self._more():
            pass
        if not self._buffer and self._error is not None:
            raise self._error
        return bytes(self._buffer[:size])

    def read1(self, size: int = -1) -> bytes:
        if not self._buffer:
            self._more()
        return self._take(len(self._buffer) if size < 0 else size)

    def readline(self, size: int | None = -1) -> bytes:
        limit = -1 if size is None else size
        searched = 0
        while True:
            newline = self._buffer.find(b"\n", searched)
            if newline >= 0:
                end = newline + 1
                break
            if 0 <= limit <= len(self._buffer):
                end = limit
                break
            searched = len(self._buffer)
            if not self._more():
                end = len(self._buffer)
                break
        return self._take(end if limit < 0 else min(end, limit))

    def _more(self) -> bool:
        """Append the next chunk of the rest to the buffer; False at its end or damage."""
        if self._at_end:
            return False
        try:
            chunk = self._read_rest(_BUFFER)
        except _DAMAGE as exc:
            self._error = exc
            chunk = b""
        if not chunk:
            self._at_end = True
            return False
        self._buffer += chunk
        return True

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        if not data and self._error is not None:
            raise self._error
        return data


@dataclass(frozen=True, kw_only=True, slots=True)
class Opened:
    """An input ready to read: decompressed stream, its head, and what it is."""

    stream: BinaryIO
    head: bytes
    kind: Kind
    compressed: bool


@contextmanager
def open_input(path: str) -> Iterator[Opened]:
    """Open a file (or "-" for stdin), decompressing gzip; the caller handles OSError/EOFError."""
    with _open_raw(path) as raw:
        stream: BinaryIO = _Replayed(b"", raw)  # type: ignore[assignment]
        compressed = stream.peek(2)[:2] == _GZIP_MAGIC  # type: ignore[attr-defined]
        if compressed:
            stream = _Replayed(b"", gzip.GzipFile(fileobj=stream, mode="rb"))  # type: ignore[assignment]
        head = stream.peek(HEAD_BYTES)  # type: ignore[attr-defined]
        kind = (None if path == STDIN else kind_from_name(path)) or sniff_kind(head)
        yield Opened(stream=stream, head=head, kind=kind, compressed=compressed)  # type: ignore[arg-type]


@contextmanager
def _open_raw(path: str) -> Iterator[BinaryIO]:
    if path == STDIN:
        yield sys.stdin.buffer
    else:
        with open(path, "rb") as handle:
            yield handle


def read_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """All of the stream's bytes, or None when there are more than `limit`."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:  # loop: pipes and gzip members give short reads
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return None if remaining <= 0 else b"".join(chunks)


def display_name(path: str) -> str:
    """How an input is named in skips and errors."""
    return STDIN_NAME if path == STDIN else path
