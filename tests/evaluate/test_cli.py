"""`parley evaluate` end to end (with the keyword baseline, which needs no models)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
GOLD = str(SHARED / "gold")


def parley(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from parley.cli import main; main()", "evaluate", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_tables_by_default():
    done = parley(f"{GOLD}/petr2-gsr.dev.jsonl", f"{GOLD}/ngec.actors.jsonl", "--coder", "baseline")
    assert done.returncode == 0, done.stderr
    assert "petr2-gsr.dev.jsonl — events, 49 records, 1 skipped" in done.stdout
    assert "with roles" in done.stdout and "Per CAMEO root" in done.stdout
    assert "Actors: 121 mentions" in done.stdout


def test_json_limit_and_errors_file(tmp_path):
    errors = tmp_path / "errors.jsonl"
    done = parley(
        f"{GOLD}/plover-gsr.dev.jsonl",
        f"{GOLD}/conflibert-spans.dev.jsonl",
        "--coder",
        "baseline",
        "--json",
        "--limit",
        "30",
        "--errors",
        str(errors),
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    plover, spans = report["files"]
    assert plover["records"] == 30 and plover["kind"] == "events"
    assert set(plover) >= {"events", "penta"}
    assert set(plover["events"]["triples"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert spans["kind"] == "spans" and "directions" in spans
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert lines and all(m["errors"] for m in lines)
    event_misses = [m for m in lines if m["scorer"] == "events"]
    assert event_misses and {"gold", "predicted", "text", "id"} <= set(event_misses[0])


def test_malformed_gold_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "events": []}\n{"text": "x", "events": [}\n')
    done = parley(str(bad), "--coder", "baseline")
    assert done.returncode == 2
    assert done.stderr.strip() == f"parley: error: {bad}, line 2: not valid JSON (Expecting value)"
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_real_coder_with_baseline_beside(tmp_path):
    done = parley(f"{GOLD}/seed.jsonl", f"{GOLD}/ngec.actors.jsonl", "--baseline", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [f["coder"] for f in report["files"]] == ["parley", "parley"]
    assert [f["coder"] for f in report["baseline"]["files"]] == ["baseline", "baseline"]
    seed = report["files"][0]["events"]
    assert seed["gold_events"] == 7 and seed["triples"]["tp"] > 0
    tables = parley(f"{GOLD}/seed.jsonl", "--baseline")
    assert "baseline triples" in tables.stdout


def test_help_has_an_example():
    done = parley("--help")
    assert done.returncode == 0
    assert "Examples" in done.stdout and "parley evaluate" in done.stdout
    for option in ("--json", "--limit", "--processes", "--errors", "--baseline"):
        assert option in done.stdout


def test_half_scores_one_fixed_half():
    done = parley(f"{GOLD}/petr2-gsr.dev.jsonl", "--coder", "baseline", "--half", "held",
                  "--json")
    assert done.returncode == 0, done.stderr
    [report] = json.loads(done.stdout)["files"]
    assert report["path"].endswith("#held") and 0 < report["records"] < 49
    bad = parley(f"{GOLD}/petr2-gsr.dev.jsonl", "--coder", "baseline", "--half", "test")
    assert bad.returncode != 0 and "tune or held" in bad.stderr
