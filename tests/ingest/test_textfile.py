from pathlib import Path

import pytest

from parley.ingest import read_path, split_title

from .conftest import ENGLISH, ENGLISH_2, split


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_title_line_detected_and_text_kept_whole(tmp_path: Path) -> None:
    raw = f"Ministers meet in Vienna\n\n{ENGLISH}\n\n{ENGLISH_2}\n"
    [article], skips = split(read_path(write(tmp_path / "a.txt", raw)))
    assert skips == []
    assert article.title == "Ministers meet in Vienna"
    assert article.text == raw
    assert article.text[: len("Ministers")] == "Ministers"
    assert article.source == str(tmp_path / "a.txt")


@pytest.mark.parametrize(
    "raw",
    [
        f"{ENGLISH}\n\n{ENGLISH_2}",  # first line ends with a period: a sentence
        f"Ministers meet in Vienna\n{ENGLISH}",  # no blank line after it
        "x" * 250 + f"\n\n{ENGLISH}",  # too long for a headline
        f"\nMinisters meet\n\n{ENGLISH}",  # first line empty
        "Ministers meet in Vienna\n\n",  # nothing after it
    ],
)
def test_no_title_when_first_line_is_not_one(raw: str) -> None:
    assert split_title(raw) is None


def test_crlf_and_bom_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"\xef\xbb\xbfTalks in Vienna\r\n\r\n" + ENGLISH.encode() + b"\r\n")
    [article], _ = split(read_path(path))
    assert article.text == f"Talks in Vienna\n\n{ENGLISH}\n"
    assert article.title == "Talks in Vienna"


def test_cp1252_fallback(tmp_path: Path) -> None:
    text = f"Vienna talks\n\nThe minister\u2019s visit cost \u20ac2m. {ENGLISH}"
    [article], skips = split(read_path(write(tmp_path / "old.txt", text, "cp1252")))
    assert skips == []
    assert article.text == text


def test_too_long_file_refused_without_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", ENGLISH * 100)
    articles, [skip] = split(read_path(path, max_chars=1000))
    assert articles == []
    assert skip.reason.startswith("too long")
    assert not skip.error


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    _, [skip] = split(read_path(write(tmp_path / "blank.txt", "  \n\n \n")))
    assert skip.reason == "empty file"


def test_seed_article(shared: Path) -> None:
    path = shared / "seed" / "kazinform-kazakhstan-belgium.txt"
    [article], skips = split(read_path(path))
    assert skips == []
    assert article.title == "Inter-parliamentary diplomacy btw Kazakhstan and Belgium discussed"
    assert article.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "Roman Vassilenko" in article.text


def test_binary_after_the_sniffed_head(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes((ENGLISH * 100).encode() + b"\x00\x01\x02" * 10)
    [skip] = list(read_path(path))
    assert skip.error and skip.reason.startswith("binary file")
