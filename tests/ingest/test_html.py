from pathlib import Path

import pytest

from parley.ingest import read_path
from parley.ingest.html import extract_page, html_to_text

from .conftest import ENGLISH, ENGLISH_2, ENGLISH_3, GERMAN, split


def page(body: str, *, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">{head}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>{body}"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )


NEWS_HEAD = (
    "<title>Ministers meet in Vienna | Example News</title>"
    '<link rel="canonical" href="https://news.example.org/2024/03/05/ministers-meet">'
    '<meta property="og:site_name" content="Example News">'
    '<meta property="og:title" content="Ministers meet in Vienna">'
    '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
)
NEWS_BODY = (
    f"<article><h1>Ministers meet in Vienna</h1><p>{ENGLISH}</p><p>{ENGLISH_2}</p>"
    f"<p>{ENGLISH_3}</p></article>"
)


def test_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(NEWS_BODY, head=NEWS_HEAD), encoding="utf-8")
    [article], skips = split(read_path(path))
    assert skips == []
    assert article.title == "Ministers meet in Vienna"
    assert article.url == "https://news.example.org/2024/03/05/ministers-meet"
    assert article.outlet == "Example News"
    assert article.published == "2024-03-05"
    paragraphs = article.text.split("\n\n")
    assert ENGLISH in paragraphs and ENGLISH_2 in paragraphs and ENGLISH_3 in paragraphs
    assert "Copyright" not in article.text and "Home" not in article.text


def test_cp1252_page_decoded(tmp_path: Path) -> None:
    body = (
        f"<article><p>The minister\u2019s \u20ac2m visit. {ENGLISH}</p><p>{ENGLISH_2}</p></article>"
    )
    path = tmp_path / "old.htm"
    path.write_bytes(page(body, charset="windows-1252").encode("cp1252"))
    [article], _ = split(read_path(path))
    assert "The minister\u2019s \u20ac2m visit." in article.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>unclosed <b>bold <div><table><tr><td>" + ENGLISH,
        "<<<>>> <p <p <<html",
        "<html><head><title>x</title></head><body></body></html>",
        "<html>" + "<div>" * 5000 + ENGLISH + "</div>" * 10,
        "<?xml version='1.0'?><html><body><p>&bogus; &#xD800; &#99999999;</p></body></html>",
    ],
)
def test_malformed_html_never_crashes(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "bad.html"
    path.write_text(markup, encoding="utf-8")
    items = list(read_path(path))
    assert len(items) == 1
    _, skips = split(items)
    if skips:
        assert skips[0].reason == "no article text found in the HTML"
        assert skips[0].record is None and skips[0].source == str(path)


def test_page_without_text_is_a_policy_skip(tmp_path: Path) -> None:
    path = tmp_path / "empty-body.html"
    path.write_text(page(""), encoding="utf-8")
    _, [skip] = split(read_path(path))
    assert skip.reason == "no article text found in the HTML" and not skip.error


def test_non_english_page_skipped(tmp_path: Path) -> None:
    path = tmp_path / "de.html"
    path.write_text(page(f"<article><p>{GERMAN}</p><p>{GERMAN}</p></article>"), encoding="utf-8")
    _, [skip] = split(read_path(path))
    assert skip.reason == "not English (de)" and not skip.error


def test_extract_page_falls_back_to_the_given_url() -> None:
    found = extract_page(page(NEWS_BODY), url="https://www.example.com/a")
    assert found is not None
    assert found.url == "https://www.example.com/a"
    assert found.outlet == "example.com"
    assert found.published is None


def test_html_to_text_keeps_paragraphs_and_drops_markup() -> None:
    snippet = (
        "<p>First <b>bold</b> line<br>same paragraph.</p><script>alert(1)</script>"
        "<ul><li>one</li><li>two &amp; three</li></ul>Tail text"
    )
    assert html_to_text(snippet) == (
        "First bold line same paragraph.\n\none\n\ntwo & three\n\nTail text"
    )
    assert html_to_text("plain &amp; simple\n\nsecond") == "plain & simple\n\nsecond"
    assert html_to_text("") == ""


def test_oversized_page_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("parley.ingest.html.MAX_HTML_BYTES", 1000)
    path = tmp_path / "big.html"
    path.write_text(page(NEWS_BODY * 3, head=NEWS_HEAD), encoding="utf-8")
    [skip] = list(read_path(path))
    assert skip.reason == "too long (over 1,000 bytes of HTML)" and not skip.error
