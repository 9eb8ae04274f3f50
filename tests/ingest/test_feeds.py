from pathlib import Path

from parley.ingest import read_path

from .conftest import ENGLISH, ENGLISH_2, ENGLISH_3, GERMAN, split

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.org/</link>
<item>
  <title>Ministers meet in Vienna</title>
  <link>https://wire.example.org/vienna</link>
  <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>{ENGLISH}</p><p>{ENGLISH_2}</p>]]></content:encoded>
</item>
<item>
  <title>Shipping attacks condemned</title>
  <link>https://wire.example.org/red-sea</link>
  <pubDate>Wed, 06 Mar 2024 18:00:00 +0100</pubDate>
  <description>&lt;p&gt;{ENGLISH_3}&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:example:feed</id><updated>2024-03-07T00:00:00Z</updated>
  <entry>
    <title type="html">Talks &amp;amp; tensions</title>
    <link href="https://atom.example.org/talks"/>
    <id>urn:example:1</id>
    <updated>2024-03-07T08:00:00Z</updated>
    <content type="html">&lt;div&gt;&lt;p&gt;{ENGLISH}&lt;/p&gt;
      &lt;p&gt;{ENGLISH_3}&lt;/p&gt;&lt;/div&gt;</content>
  </entry>
  <entry>
    <title>Deutsch</title><id>urn:example:2</id><updated>2024-03-07T09:00:00Z</updated>
    <summary>{GERMAN}</summary>
  </entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, skips = split(read_path(path))
    assert skips == []
    first, second = articles
    assert first.text == f"{ENGLISH}\n\n{ENGLISH_2}"  # full content preferred over the teaser
    assert (first.title, first.url, first.outlet, first.published) == (
        "Ministers meet in Vienna",
        "https://wire.example.org/vienna",
        "Example Wire",
        "2024-03-05",
    )
    assert second.text == ENGLISH_3  # description HTML stripped
    assert second.published == "2024-03-06"  # the feed's local date


def test_atom_entries_and_language_skip(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article], [skip] = split(read_path(path))
    assert article.text == f"{ENGLISH}\n\n{ENGLISH_3}"
    assert article.title == "Talks & tensions"
    assert article.url == "https://atom.example.org/talks"
    assert article.published == "2024-03-07"
    assert article.outlet == "Example Atom"
    assert (skip.record, skip.reason, skip.error) == (2, "not English (de)", False)


def test_feed_sniffed_from_xml_and_no_extension(tmp_path: Path) -> None:
    for name in ("feed.xml", "feed"):
        path = tmp_path / name
        path.write_text(ATOM, encoding="utf-8")
        articles, _ = split(read_path(path))
        assert [a.url for a in articles] == ["https://atom.example.org/talks"]


def test_broken_feed_is_an_error_skip(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is <not> a feed &&& at all", encoding="utf-8")
    [item] = list(read_path(path))
    assert item.error and item.record is None
    assert item.reason.startswith("not a readable RSS/Atom feed")


def test_truncated_feed_keeps_entries_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<title>Shipping")], encoding="utf-8")
    articles, skips = split(read_path(path))
    assert [a.url for a in articles] == ["https://wire.example.org/vienna"]
    assert skips[-1].error and skips[-1].reason.startswith("malformed feed")


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    [skip] = list(read_path(path))
    assert skip.reason == "feed has no entries" and not skip.error


def test_xml_that_is_no_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book id="1">Title</book></catalog>')
    [skip] = list(read_path(path))
    assert skip.reason == "not an RSS/Atom feed" and skip.error
