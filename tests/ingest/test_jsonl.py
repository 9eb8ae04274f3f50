import gzip
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.ingest import read_path
from parley.records import content_id

from .conftest import ENGLISH, ENGLISH_2, ENGLISH_3, split


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_fields_read_and_extras_ignored(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [
            line(
                id="a1",
                text=ENGLISH,
                title="Talks",
                url="https://x.example/a1",
                outlet="Example",
                published="2021-05-04",
                events=[{"cameo": "043"}],
                labels={"penta": 1},
            ),
            line(text=ENGLISH_2),
        ],
    )
    [first, second], skips = split(read_path(path))
    assert skips == []
    assert (first.id, first.text, first.title, first.url, first.outlet, first.published) == (
        "a1",
        ENGLISH,
        "Talks",
        "https://x.example/a1",
        "Example",
        "2021-05-04",
    )
    assert second.id == content_id(ENGLISH_2)
    assert second.title is None and second.published is None
    assert first.source == str(path)


def test_corrupt_line_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [
            line(id="1", text=ENGLISH),
            '{"id": "2", "text": "unterminated',
            line(id="3", text=ENGLISH_2),
        ],
    )
    articles, [skip] = split(read_path(path))
    assert [a.id for a in articles] == ["1", "3"]
    assert skip.error and skip.record == 2 and skip.source == str(path)
    assert skip.reason.startswith("bad JSON")


def test_each_kind_of_broken_record_named(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "bad.jsonl",
        [
            line(id="no-text", title="x"),
            line(id="num", text=42),
            line(id="t", text=ENGLISH, title=["a"]),
            "[1, 2, 3]",
            line(id=True, text=ENGLISH),
            line(id="  ", text=ENGLISH),
            '{"id": "s", "text": "\\ud800 lone surrogate"}',
            line(id="ok", text=ENGLISH_3),
        ],
    )
    [article], skips = split(read_path(path))
    assert article.id == "ok"
    assert all(s.error for s in skips)
    assert [s.record for s in skips] == [1, 2, 3, 4, 5, 6, 7]
    reasons = [s.reason for s in skips]
    assert reasons[0] == "no 'text' field"
    assert reasons[1] == "'text' is a number, not a string"
    assert reasons[2] == "'title' is an array, not a string"
    assert reasons[3] == "not a JSON object but an array"
    assert "surrogates" in reasons[6]


def test_not_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        line(text=ENGLISH).encode() + b"\n" + b'{"text": "caf\xe9 ' + ENGLISH.encode() + b'"}\n'
    )
    [article], [skip] = split(read_path(path))
    assert article.text == ENGLISH
    assert (skip.record, skip.reason, skip.error) == (2, "not UTF-8", True)


def test_numeric_id_and_dates(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "d.jsonl",
        [
            line(id=7, text=ENGLISH, published="2021-05-04T10:00:00Z"),
            line(id="b", text=ENGLISH_2, published="last Tuesday"),
            line(id="c", text=ENGLISH_3, published=2021),
        ],
    )
    articles, skips = split(read_path(path))
    assert skips == []  # a date that is not one is not an error: the article is kept
    assert [(a.id, a.published) for a in articles] == [
        ("7", "2021-05-04"),
        ("b", None),
        ("c", None),
    ]


def test_published_argument_fills_missing_dates_only(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "d.jsonl",
        [line(id="a", text=ENGLISH, published="2021-05-04"), line(id="b", text=ENGLISH_2)],
    )
    articles, _ = split(read_path(path, published="2020-01-31"))
    assert [a.published for a in articles] == ["2021-05-04", "2020-01-31"]


def test_bom_blank_lines_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    body = "\r\n\r\n".join([line(id="a", text=ENGLISH), line(id="b", text=ENGLISH_2)])
    path.write_bytes(b"\xef\xbb\xbf" + body.encode() + b"\r\n")
    articles, skips = split(read_path(path))
    assert skips == []
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].text == ENGLISH


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress((line(id="a", text=ENGLISH) + "\n").encode()))
    [article], skips = split(read_path(path))
    assert skips == [] and article.id == "a"


def test_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    lines = [line(id=str(i), text=f"{ENGLISH} Item {i}.") for i in range(400)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, [skip] = split(read_path(path))
    assert 0 < len(articles) < 400
    assert [a.id for a in articles] == [str(i) for i in range(len(articles))]
    assert skip.error and skip.reason.startswith("truncated or corrupt gzip")
    assert skip.record == len(articles) + 1


def test_overlong_line_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "big.jsonl",
        [line(id="big", text="word " * 40_000), line(id="small", text=ENGLISH)],
    )
    [article], [skip] = split(read_path(path, max_chars=1000))
    assert article.id == "small"
    assert skip.record == 1 and skip.reason.startswith("too long") and not skip.error


def test_policy_skips_in_jsonl(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "p.jsonl",
        [
            line(id="a", text=ENGLISH),
            line(id="a", text=ENGLISH_2),  # same id
            line(id="c", text=ENGLISH),  # same text
            line(id="d", text="   "),
        ],
    )
    [article], skips = split(read_path(path))
    assert article.id == "a"
    assert [(s.record, s.reason, s.error) for s in skips] == [
        (2, "duplicate of a", False),
        (3, "duplicate of a", False),
        (4, "empty text", False),
    ]


_ids = st.text(min_size=1, max_size=40).filter(str.strip)
_texts = st.text(min_size=1, max_size=300).filter(str.strip)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    records=st.lists(st.tuples(st.one_of(st.none(), _ids), _texts), max_size=8),
    ascii_only=st.booleans(),
)
def test_jsonl_round_trip(
    tmp_path: Path, records: list[tuple[str | None, str]], ascii_only: bool
) -> None:
    path = tmp_path / "round.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, text in records:
            fields = {"text": text} if doc_id is None else {"id": doc_id, "text": text}
            handle.write(json.dumps(fields, ensure_ascii=ascii_only) + "\n")
    articles, skips = split(read_path(path, languages=None, dedupe=False))
    assert [s.reason for s in skips] == ([] if records else ["empty file"])
    assert [(a.id, a.text) for a in articles] == [
        (content_id(text) if doc_id is None else doc_id, text) for doc_id, text in records
    ]
