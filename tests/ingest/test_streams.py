import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.ingest import Kind, kind_from_name, read_path, sniff_kind
from parley.ingest.streams import _Replayed, decode, open_input

from .conftest import ENGLISH, ENGLISH_2, split


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", Kind.TEXT),
        ("a.HTML", Kind.HTML),
        ("a.htm", Kind.HTML),
        ("a.jsonl", Kind.JSONL),
        ("a.jsonl.gz", Kind.JSONL),
        ("a.rss", Kind.FEED),
        ("a.atom", Kind.FEED),
        ("a.xml", Kind.FEED),
        ("CC-NEWS-20240305.warc.gz", Kind.WARC),
        ("a.warc", Kind.WARC),
        ("a.gz", None),
        ("README", None),
        ("notes.md", None),
    ],
)
def test_kind_from_extension(name: str, kind: Kind | None) -> None:
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", Kind.WARC),
        (b'\xef\xbb\xbf  {"text": "x"}\n', Kind.JSONL),
        (b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', Kind.FEED),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', Kind.FEED),
        (b"<!DOCTYPE html>\n<html>", Kind.HTML),
        (b"<html lang='en'><head>", Kind.HTML),
        (b"Talks in Vienna\n\nThe ministers met.", Kind.TEXT),
        (b"<3 is a heart, not markup", Kind.TEXT),
    ],
)
def test_kind_from_content(head: bytes, kind: Kind) -> None:
    assert sniff_kind(head) == kind


def test_decode_fallbacks() -> None:
    assert decode("caf\u00e9".encode()) == "caf\u00e9"
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == "caf\u00e9"
    assert decode(b"caf\xe9 \x93quoted\x94") == "caf\u00e9 \u201cquoted\u201d"  # cp1252
    assert decode(b"caf\xe9", "iso-8859-7") == "caf\u03b9"  # the declared charset first
    assert decode(b"\x81\x8d") == "\x81\x8d"  # bytes cp1252 leaves undefined: latin-1
    assert decode("caf\u00e9".encode("utf-16")) == "caf\u00e9"


def test_open_input_replays_the_head(tmp_path: Path) -> None:
    body = b"".join(b"%d\n" % i for i in range(20_000))
    path = tmp_path / "numbers.txt.gz"
    path.write_bytes(gzip.compress(body))
    with open_input(str(path)) as opened:
        assert opened.compressed and opened.kind is Kind.TEXT
        assert body.startswith(opened.head)
        assert opened.stream.readline() == b"0\n"
        assert opened.stream.read() == body[2:]


def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.jsonl", "empty.txt", "empty.html", "empty.rss", "empty.warc"):
        path = tmp_path / name
        path.write_bytes(b"")
        [skip] = list(read_path(path))
        assert (skip.reason, skip.record, skip.error) == ("empty file", None, False)


def test_empty_gzip(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.gz"
    path.write_bytes(gzip.compress(b""))
    [skip] = list(read_path(path))
    assert skip.reason == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    for name in ("image.txt", "data.jsonl", "page.html", "blob"):
        path = tmp_path / name
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
        [skip] = list(read_path(path))
        assert skip.error and skip.reason.startswith("binary file")


def test_not_gzip_after_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b"\x1f\x8b but then nothing gzip about it")
    [skip] = list(read_path(path))
    assert skip.error and skip.reason.startswith("truncated or corrupt gzip")


def test_gzip_with_unknown_inner_name_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "a", "text": ENGLISH}).encode() + b"\n"))
    [article] = list(read_path(path))
    assert article.id == "a"


def test_utf16_text_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"Talks\n\n{ENGLISH}".encode("utf-16"))
    [article] = list(read_path(path))
    assert article.text == f"Talks\n\n{ENGLISH}" and article.title == "Talks"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "text": ENGLISH}), json.dumps({"id": "b", "text": ENGLISH_2})]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    articles, skips = split(read_path("-"))
    assert skips == []
    assert [(a.id, a.source) for a in articles] == [("a", "<stdin>"), ("b", "<stdin>")]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, f"Vienna talks\n\n{ENGLISH}\n".encode())
    [article] = list(read_path("-"))
    assert article.title == "Vienna talks" and article.text == f"Vienna talks\n\n{ENGLISH}\n"


def test_stdin_gzip_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, gzip.compress(json.dumps({"id": "z", "text": ENGLISH}).encode()))
    [article] = list(read_path("-"))
    assert article.id == "z"


@settings(max_examples=80, deadline=None)
@given(
    data=st.binary(max_size=3000),
    head_size=st.integers(min_value=0, max_value=3000),
    ops=st.lists(
        st.tuples(st.sampled_from(["read", "read1", "readline", "peek"]), st.integers(-1, 700))
    ),
)
def test_replayed_stream_reads_like_the_bytes(
    data: bytes, head_size: int, ops: list[tuple[str, int]]
) -> None:
    """Whatever the mix of calls, the replayed stream gives the same bytes as the original."""
    expected = io.BytesIO(data)
    rest = io.BytesIO(data)
    stream = _Replayed(rest.read(head_size), rest)
    for op, size in ops:
        got = getattr(stream, op)(size)
        if op == "peek":
            position = expected.tell()
            assert got == data[position : position + max(size, 1)]
        elif op == "read1":
            # read1 may return fewer bytes; it must return the next ones, and some if any remain.
            want = expected.read(len(got))
            assert got == want
            assert got or size == 0 or expected.read(1) == b""
        else:
            assert got == getattr(expected, op)(size)
    assert stream.read() == expected.read()


def test_replayed_stream_raises_damage_after_the_good_bytes(tmp_path: Path) -> None:
    whole = gzip.compress(b"line one\nline two\n" * 2000)
    rest = gzip.GzipFile(fileobj=io.BytesIO(whole[: len(whole) // 2]))
    stream = _Replayed(b"", rest)
    lines = []
    with pytest.raises(EOFError):
        while line := stream.readline():
            lines.append(line)
    assert len(lines) > 10
    assert all(line in (b"line one\n", b"line two\n") for line in lines[:-1])
