"""`parley code` end to end through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-c", "from parley.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    rows = [
        {"id": "a1", "text": "MOSCOW (Reuters) - Russia criticised Japan on Monday.",
         "published": "2024-05-02"},
        {"id": "a2", "text": "India and Pakistan met in Geneva on Tuesday."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken json\n", "utf-8")
    return path


def test_code_jsonl_output(news: Path) -> None:
    proc = _run("code", str(news), "--published", "2024-05-03")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {e["doc_id"] for e in events} == {"a1", "a2"}
    a1 = [e for e in events if e["doc_id"] == "a1"]
    assert a1[0]["cameo_root"] == "11" and a1[0]["date"] == "2024-04-29"
    a2 = {(e["source"]["country"], e["target"]["country"]) for e in events if e["doc_id"] == "a2"}
    assert a2 == {("IND", "PAK"), ("PAK", "IND")}
    # The broken record is reported as one line on stderr, not a traceback.
    skips = [line for line in proc.stderr.splitlines() if "skipped" in line]
    assert len(skips) == 1 and "Traceback" not in proc.stderr


def test_code_table_and_output_file(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.txt"
    proc = _run("code", str(news), "--format", "table", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    table = out.read_text("utf-8")
    assert "RUS" in table and "JPN" in table


def test_code_missing_input_is_one_line_error(tmp_path: Path) -> None:
    proc = _run("code", str(tmp_path / "nope.jsonl"))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0


def test_code_help_has_example() -> None:
    proc = _run("code", "--help")
    assert proc.returncode == 0 and "Example" in proc.stdout


def test_skip_lines_are_never_wrapped(tmp_path: Path) -> None:
    folder = tmp_path / ("a-long-folder-name-so-that-the-skip-line-passes-eighty-columns" * 2)
    folder.mkdir()
    path = folder / "bad.jsonl"
    path.write_text('{"title": "no text"}\n{"text": 5}\n', encoding="utf-8")
    done = _run("code", str(path))
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 2 and all(line.startswith("skipped ") for line in lines), lines
