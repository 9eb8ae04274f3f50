import json
import socket
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.ingest import IngestStats, read_inputs, read_path

from .conftest import ENGLISH, ENGLISH_2, ENGLISH_3, GERMAN, split


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_missing_path_raises_before_reading(tmp_path: Path) -> None:
    good = jsonl(tmp_path / "good.jsonl", {"text": ENGLISH})
    with pytest.raises(InputError, match="no such file") as caught:
        read_inputs([good, tmp_path / "missing.jsonl"])
    assert caught.value.path == str(tmp_path / "missing.jsonl")


def test_bad_published_argument_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a date"):
        read_path(jsonl(tmp_path / "a.jsonl", {"text": ENGLISH}), published="next week")


def test_directory_recursed_in_order_hidden_left_out(tmp_path: Path) -> None:
    jsonl(tmp_path / "b" / "2.jsonl", {"id": "b2", "text": ENGLISH_3})
    jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ENGLISH})
    jsonl(tmp_path / "b" / "1.jsonl", {"id": "b1", "text": ENGLISH_2})
    jsonl(tmp_path / ".cache" / "x.jsonl", {"id": "hidden", "text": "x" * 50})
    (tmp_path / "b" / ".hidden.txt").write_text(GERMAN)
    articles, skips = split(read_inputs([tmp_path]))
    assert skips == []
    assert [a.id for a in articles] == ["a", "b1", "b2"]


def test_duplicates_across_inputs(tmp_path: Path) -> None:
    first = jsonl(tmp_path / "1.jsonl", {"id": "x", "text": ENGLISH})
    (tmp_path / "2.txt").write_text(ENGLISH)
    articles, [skip] = split(read_inputs([first, tmp_path / "2.txt"]))
    assert [a.id for a in articles] == ["x"]
    assert (skip.source, skip.reason) == (str(tmp_path / "2.txt"), "duplicate of x")
    both, none_skipped = split(read_inputs([first, tmp_path / "2.txt"], dedupe=False))
    assert len(both) == 2 and none_skipped == []


def test_language_policy(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "mixed.jsonl", {"id": "de", "text": GERMAN}, {"id": "en", "text": ENGLISH}
    )
    articles, [skip] = split(read_path(path))
    assert [a.id for a in articles] == ["en"]
    assert (skip.record, skip.reason, skip.error) == (1, "not English (de)", False)
    everything, _ = split(read_path(path, languages=None))
    assert [a.id for a in everything] == ["de", "en"]
    german, [not_german] = split(read_path(path, languages=["de"]))
    assert [a.id for a in german] == ["de"] and not_german.reason == "not in de (en)"


def test_too_long_in_characters(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("é" * 1500)  # 3,000 bytes, under the byte cap
    [skip] = list(read_path(tmp_path / "long.txt", max_chars=1000))
    assert skip.reason == "too long (1,500 characters, limit 1,000)" and not skip.error


def test_a_bare_path_is_one_input(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ENGLISH})
    [article] = list(read_inputs(str(path)))
    assert article.id == "a"


def test_published_fills_text_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH)
    [article] = list(read_path(tmp_path / "a.txt", published="2023-11-02T10:00:00"))
    assert article.published == "2023-11-02"


def test_unopenable_path_is_a_skip(tmp_path: Path) -> None:
    # A Unix socket exists but open() fails on it (ENXIO), as on a file the user cannot read.
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        [skip] = list(read_path(path))
    assert skip.error and skip.source == str(path) and skip.reason.startswith("cannot read: ")


def test_stats_count_reasons(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "s.jsonl",
        {"id": "a", "text": ENGLISH},
        {"id": "a", "text": ENGLISH_2},
        {"id": "g", "text": GERMAN},
        {"title": "no text"},
    )
    stats = IngestStats()
    items = list(stats.counted(read_path(path)))
    assert len(items) == 4
    assert (stats.articles, stats.skipped, stats.errors) == (1, 3, 1)
    assert stats.reasons == {"duplicate": 1, "not English": 1, "no 'text' field": 1}
    assert stats.summary() == (
        "1 articles, 3 skipped (1 duplicate, 1 not English, 1 no 'text' field), 1 errors"
    )
    assert stats.to_dict()["reasons"]["duplicate"] == 1


def test_every_kind_in_one_call(tmp_path: Path) -> None:
    jsonl(tmp_path / "a.jsonl", {"id": "j", "text": ENGLISH})
    (tmp_path / "b.txt").write_text(f"Headline here\n\n{ENGLISH_2}")
    (tmp_path / "c.html").write_text(
        f"<html><body><article><p>{ENGLISH_3}</p><p>{ENGLISH_2} Again.</p></article></body></html>"
    )
    articles, skips = split(read_inputs([tmp_path]))
    assert skips == []
    assert [a.source for a in articles] == [
        str(tmp_path / n) for n in ("a.jsonl", "b.txt", "c.html")
    ]


def test_guardian_corpus(shared: Path) -> None:
    path = shared / "corpora" / "guardian-2019-syria.articles.jsonl"
    articles, skips = split(read_path(path))
    assert skips == []
    assert len(articles) == 249
    assert len({a.id for a in articles}) == 249
    assert all(a.outlet == "The Guardian" for a in articles)
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(a.id, a.text, a.published) for a in articles] == [
        (r["id"], r["text"], r["published"]) for r in raw
    ]
