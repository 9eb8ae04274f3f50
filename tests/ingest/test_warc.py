import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.ingest import read_path
from parley.records import Skip

from .conftest import ENGLISH, ENGLISH_2, ENGLISH_3, split


def html_page(title: str, paragraphs: list[str], published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    uri: str,
    payload: bytes,
    content_type: str,
    status: str = "200 OK",
    date: str = "2024-03-09T12:00:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def build_warc(path: Path, *, gzipped: bool = True) -> Path:
    """A small CC-NEWS-like archive: warcinfo, request, pages, an image and a redirect."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = writer.create_warc_record(
            "https://news.example.org/one",
            "request",
            payload=BytesIO(b"GET /one HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
        )
        writer.write_record(request)
        response(
            writer,
            "https://news.example.org/one",
            html_page("Vienna talks", [ENGLISH, ENGLISH_2], "2024-03-05T09:30:00Z"),
            "text/html; charset=utf-8",
        )
        response(
            writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"
        )
        response(
            writer,
            "https://news.example.org/old",
            b"<html>Moved</html>",
            "text/html",
            status="301 Moved Permanently",
        )
        response(
            writer,
            "https://news.example.org/two",
            html_page("Red Sea", [ENGLISH_3, ENGLISH]).replace(b"\xe2\x80\x99", b"'"),
            "text/html",
            date="2024-03-09T23:59:59Z",
        )
    return path


def test_html_responses_become_articles(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "news.warc.gz")
    articles, skips = split(read_path(path))
    assert skips == []
    one, two = articles
    assert one.url == "https://news.example.org/one"
    assert one.title == "Vienna talks"
    assert one.published == "2024-03-05"  # the page's own date
    assert ENGLISH in one.text and ENGLISH_2 in one.text
    assert two.url == "https://news.example.org/two"
    assert two.published == "2024-03-09"  # no page date: the crawl date
    assert one.source == str(path)


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "news.warc", gzipped=False)
    articles, skips = split(read_path(path))
    assert skips == [] and len(articles) == 2


def test_truncated_gzip_names_the_record(tmp_path: Path) -> None:
    data = build_warc(tmp_path / "full.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-150])  # inside the last page's gzip member
    articles, skips = split(read_path(path))
    assert [a.url for a in articles] == ["https://news.example.org/one"]
    [skip] = skips
    assert skip.error and skip.source == str(path)
    assert skip.record == 6  # warcinfo, request, page, image, redirect, then the cut page
    assert "truncated" in skip.reason or "corrupt" in skip.reason


def test_truncated_uncompressed_record(tmp_path: Path) -> None:
    data = build_warc(tmp_path / "full.warc", gzipped=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-100])
    articles, skips = split(read_path(path))
    assert [a.url for a in articles] == ["https://news.example.org/one"]
    assert skips and all(s.error for s in skips) and skips[0].record == 6


def test_garbage_in_the_middle(tmp_path: Path) -> None:
    data = build_warc(tmp_path / "full.warc", gzipped=False).read_bytes()
    cut = data.index(b"WARC/1", data.index(b"https://news.example.org/logo.png") - 200)
    path = tmp_path / "garbled.warc"
    path.write_bytes(data[:cut] + b"\x00garbage that is no record\r\n" * 20 + data[cut:])
    articles, skips = split(read_path(path))
    assert [a.url for a in articles] == ["https://news.example.org/one"]
    [skip] = skips
    assert skip.error and skip.record == 4 and skip.reason.startswith("corrupt WARC record")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello, this is not an archive\n"))
    [skip] = list(read_path(path))
    assert skip.error and skip.reason == "not a WARC file"


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "crawl-0001")
    articles, _ = split(read_path(path))
    assert len(articles) == 2


def test_oversized_page_in_warc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("parley.ingest.warc.MAX_HTML_BYTES", 400)
    articles, skips = split(read_path(build_warc(tmp_path / "news.warc.gz")))
    assert articles == []
    assert [(s.record, s.reason) for s in skips] == [
        (3, "too long (over 400 bytes of HTML)"),
        (6, "too long (over 400 bytes of HTML)"),
    ]


def test_a_warc_cut_inside_its_headers_or_of_garbage_says_so(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\n" + b"garbage \x01\x02 zzz\r\n" * 5)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://exa")
    for path in (garbage, cut):
        items = list(read_path(path))
        assert len(items) == 1 and "no HTML page read" in items[0].reason, path.name


def test_a_wrong_record_length_is_a_skip_not_a_console_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    path = build_warc(tmp_path / "news.warc", gzipped=False)
    data = path.read_bytes()
    # Shorten the first page's Content-Length: warcio then finds no blank line after it.
    page = data.index(b"WARC-Target-URI: https://news.example.org/one", data.index(b"response"))
    length = re.compile(rb"Content-Length: (\d+)").search(data, page)
    assert length is not None
    short = str(int(length.group(1)) - 10).encode()
    path.write_bytes(data[:length.start(1)] + short + data[length.end(1):])
    items = list(read_path(path))
    assert any(isinstance(i, Skip) and "damaged WARC" in i.reason for i in items)
    assert "WARNING" not in capsys.readouterr().err
