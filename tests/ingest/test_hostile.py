"""Hostile records end as recorded skips; the records and files around them still go through."""

from __future__ import annotations

from pathlib import Path

from parley.ingest import read_inputs
from parley.records import Article, Skip

from .conftest import ENGLISH

_RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        "<title>{title}</title><description>{body}</description></item></channel></rss>")


def _read(*paths: Path) -> tuple[list[Article], list[Skip]]:
    items = list(read_inputs(list(paths)))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Skip)])


def test_json_nested_too_deep_or_with_a_huge_number_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    deep = "[" * 1500 + "]" * 1500
    path.write_text(f'{{"text": {deep}}}\n{{"text": "x", "n": {"9" * 5000}}}\n'
                    f'{{"id": "ok", "text": "{ENGLISH}"}}\n', encoding="utf-8")
    articles, skips = _read(path)
    assert [a.id for a in articles] == ["ok"]
    assert [s.record for s in skips] == [1, 2]
    assert "nested too deep" in skips[0].reason and "digits" in skips[1].reason


def test_a_feed_a_parser_chokes_on_is_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text(f'{{"id": "ok", "text": "{ENGLISH}"}}\n', encoding="utf-8")
    surrogate = tmp_path / "b.xml"
    surrogate.write_text(_RSS.format(title="Bad &#xD800; title", body=ENGLISH), "utf-8")
    control = tmp_path / "c.xml"
    control.write_text(_RSS.format(title="Ok", body="&lt;p&gt;A\x0b B&lt;/p&gt;"), "utf-8")
    encoding = tmp_path / "d.xml"
    encoding.write_bytes(_RSS.format(title="Ok", body=ENGLISH).encode().replace(
        b'version="1.0"?>', b'version="1.0" encoding="\xe9"?>'))
    articles, skips = _read(good, surrogate, control, encoding)
    assert "ok" in [a.id for a in articles]
    for path in (surrogate, control, encoding):
        assert any(s.source.endswith(path.name) and s.error for s in skips), path.name


def test_a_tag_with_endless_attributes_is_refused_before_parsing(tmp_path: Path) -> None:
    # lxml is quadratic in a tag's attributes: parsing this page would take minutes.
    page = tmp_path / "attrs.html"
    attrs = " ".join(f'a{i}="x"' for i in range(100_000))
    page.write_text(f"<html><body><p {attrs}>{ENGLISH}</p></body></html>", encoding="utf-8")
    articles, skips = _read(page)
    assert not articles and "tag over" in skips[0].reason
