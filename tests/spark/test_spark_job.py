"""The Spark job in local[2] on a JSONL file and a WARC.gz written here: its Parquet events are
exactly what `code_article` (the function `parley code` calls) gives for the same articles."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from parley.errors import SparkJobError
from parley.parquet import read_articles, read_coded, read_events, read_rejects
from parley.records import Article, Event

pytestmark = pytest.mark.spark

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"

PAGES = {
    "https://news.example/a": (
        "Ministers meet in Vienna",
        "The foreign minister of Austria met the foreign minister of Hungary in Vienna on "
        "Tuesday to discuss energy security. Austria and Hungary signed an agreement on gas "
        "supplies, officials said after the talks ended.",
    ),
    "https://news.example/b": (
        "Germany condemns attack",
        "Germany condemned the attack on the embassy in Kabul on Monday. The German government "
        "called on the Taliban to protect diplomats, the foreign ministry said in a statement.",
    ),
}

ARTICLES = [
    {
        "id": "jsonl-1",
        "published": "2021-11-05",
        "title": "Talks in Astana",
        "text": "Kazakhstan's foreign minister met the Belgian ambassador in Astana on Friday. "
        "The two sides discussed trade and investment and agreed to expand cooperation in "
        "energy.",
    },
    {
        "id": "jsonl-2",
        "published": "2019-04-10",
        "text": "France and Britain urged Russia to halt the offensive in Idlib, the two "
        "governments said on Wednesday. Turkey threatened to send troops.",
    },
    {"id": "jsonl-3", "published": "2020-01-01", "text": "Nothing happened here today at all."},
]


def _page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2022-03-14T09:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path) -> None:
    """A small CC-NEWS-like WARC.gz: HTML responses, a redirect and a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, (title, body) in PAGES.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(_page(title, body)), http_headers=headers
            )
            writer.write_record(record)
        moved = StatusAndHeaders("301 Moved", [("Location", "/x")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/old", "response", payload=io.BytesIO(b""), http_headers=moved
            )
        )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a JSONL file (one broken line, one German article) and a WARC.gz."""
    root = tmp_path_factory.mktemp("spark-in")
    lines = [json.dumps(a) for a in ARTICLES[:2]]
    lines.append('{"id": "broken", "text": ')  # line 3: bad JSON
    lines.append(
        json.dumps(
            {
                "id": "german",
                "text": "Die Außenminister Österreichs und Ungarns trafen sich am Dienstag in "
                "Wien, um über Energiesicherheit und die Zusammenarbeit zu sprechen.",
            }
        )
    )
    lines.append(json.dumps(ARTICLES[2]))
    seed = (SEED / "kazinform-kazakhstan-belgium.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    seed_line = {"id": "seed", "published": "2024-04-18", "title": title, "text": body.strip()}
    lines.append(json.dumps(seed_line))
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(root / "crawl.warc.gz")
    return root


@pytest.fixture(scope="module")
def job(spark: Any, inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The job's summary and output folder, run once for the module."""
    from parley.spark import JobOptions, run_job

    out = tmp_path_factory.mktemp("spark-out") / "out"
    summary = run_job(spark, str(inputs), str(out), JobOptions(partitions=2, batch_size=2))
    return summary, out


def _reference(path: Path, coder: Any) -> dict[str, list[Event]]:
    """What `parley code` does for a file: read_path, then code_article per article."""
    from parley.events import code_article
    from parley.ingest import read_path

    return {
        item.id: code_article(item, coder) for item in read_path(path) if isinstance(item, Article)
    }


def _normal(events: list[Event]) -> list[dict]:
    """Events as their JSON output, in a stable order."""
    rows = [json.loads(json.dumps(e.to_dict())) for e in events]
    return sorted(rows, key=lambda r: (r["doc_id"], r["sentence_index"], r["event_id"]))


def test_events_equal_parley_code(job: tuple[Any, Path], inputs: Path, coder: Any) -> None:
    _, out = job
    expected = _reference(inputs / "news.jsonl", coder) | _reference(
        inputs / "crawl.warc.gz", coder
    )
    assert sum(map(len, expected.values())) > 0, "the reference coder found no events at all"
    got = list(read_events(out / "events"))
    assert _normal(got) == _normal([e for evs in expected.values() for e in evs])


def test_articles_and_rejects(job: tuple[Any, Path], inputs: Path) -> None:
    summary, out = job
    articles = {a.id: a for a in read_articles(out / "articles")}
    assert {"jsonl-1", "jsonl-2", "jsonl-3", "seed"} <= set(articles)
    urls = {a.url for a in articles.values() if a.url}
    assert urls == set(PAGES)
    assert articles["jsonl-1"].published == "2021-11-05"
    rejects = list(read_rejects(out))
    broken = [r for r in rejects if r["record"] == 3 and r["source"].endswith("news.jsonl")]
    assert broken and broken[0]["error"] and "JSON" in broken[0]["reason"]
    german = [r for r in rejects if r["record"] == 4]
    assert german and not german[0]["error"] and "English" in german[0]["reason"]
    assert summary.articles == len(articles) == 6
    assert summary.rejects == len(rejects)
    assert summary.events == len(list(read_events(out / "events")))
    assert str(summary.articles) in summary.line()


def test_events_partitioned_by_date(job: tuple[Any, Path]) -> None:
    _, out = job
    folders = {p.name for p in (out / "events").glob("year=*")}
    assert folders, "no year= partitions"
    for event in read_events(out / "events"):
        if event.date:
            month = f"month={int(event.date[5:7])}" if len(event.date) >= 7 else None
            where = out / "events" / f"year={event.date[:4]}"
            assert where.is_dir()
            if month:
                assert (where / month).is_dir()


def test_read_coded_gives_every_article_with_its_events(job: tuple[Any, Path]) -> None:
    summary, out = job
    pairs = list(read_coded(out))
    assert len(pairs) == summary.articles
    assert sum(len(events) for _, events in pairs) == summary.events
    for article, events in pairs:
        assert all(e.doc_id == article.id for e in events)


def test_existing_output_is_refused(spark: Any, inputs: Path, job: tuple[Any, Path]) -> None:
    from parley.spark import run_job

    _, out = job
    with pytest.raises(SparkJobError, match="already exists"):
        run_job(spark, str(inputs), str(out))


def test_missing_input_is_a_clear_error(spark: Any, tmp_path: Path) -> None:
    from parley.spark import run_job

    with pytest.raises(SparkJobError, match="no such file"):
        run_job(spark, str(tmp_path / "nothing-here"), str(tmp_path / "out"))


def test_output_loads_into_a_store(job: tuple[Any, Path], tmp_path: Path) -> None:
    """What `parley ingest OUTPUT` does with a Spark output: every article and event stored."""
    from parley.parquet import coded_version
    from parley.store import Store

    summary, out = job
    store = Store.open(str(tmp_path / "parley.db"))
    try:
        version = coded_version(out)
        assert version
        statuses = [store.add_article(a, evs, version) for a, evs in read_coded(out)]
        assert statuses == ["stored"] * summary.articles
        for article, events in read_coded(out):
            assert len(store.article_events(article.id)) == len(events)
        assert store.counts()["articles"] == summary.articles
    finally:
        store.close()


def test_bad_published_date_is_refused(spark: Any, inputs: Path, tmp_path: Path) -> None:
    from parley.spark import JobOptions, run_job

    with pytest.raises(SparkJobError, match="not a date"):
        run_job(spark, str(inputs), str(tmp_path / "o"), JobOptions(published="someday"))


def test_a_broken_coder_fails_the_job_with_one_clear_line(
    spark: Any, inputs: Path, tmp_path: Path
) -> None:
    """Bad content is a reject; a broken installation (no model) stops the job, named."""
    from parley.spark import JobOptions, run_job

    options = JobOptions(partitions=1, model="no_such_spacy_model")
    with pytest.raises(SparkJobError, match=r"ModelError: .*no_such_spacy_model") as info:
        run_job(spark, str(inputs / "news.jsonl"), str(tmp_path / "o"), options)
    assert "\n" not in str(info.value)


def test_a_users_actor_dictionary_reaches_the_executors(spark: Any, tmp_path: Path) -> None:
    from parley.spark import JobOptions, run_job

    people = tmp_path / "mine.actors.txt"
    people.write_text("ZARINA_QODIROVA_ [TJKGOV]\n+QODIROVA_\n", encoding="utf-8")
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({
        "id": "q1", "published": "2024-05-02",
        "text": "Zarina Qodirova met the Turkish foreign minister in Ankara on Monday.",
    }) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_job(spark, str(news), str(out), JobOptions(partitions=1, actor_files=(str(people),)))
    events = [e for _, evs in read_coded(out) for e in evs]
    assert {e.source.country for e in events if e.source} == {"TJK"}
