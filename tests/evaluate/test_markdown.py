"""docs/accuracy.md rendering, fed by real baseline reports on the dev sets."""

from __future__ import annotations

from pathlib import Path

from parley.evaluate import evaluate_file, load_gold
from parley.evaluate.baseline import BaselineCoder
from parley.evaluate.markdown import report_markdown

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
GOLD = str(SHARED / "gold")


def test_markdown_has_summary_tables_error_kinds_and_method():
    coder = BaselineCoder.load()
    names = ("petr2-gsr.dev.jsonl", "conflibert-spans.dev.jsonl", "ngec.actors.jsonl")
    reports = [evaluate_file(load_gold(f"{GOLD}/{n}", limit=40), coder) for n in names]
    text = report_markdown(reports, reports, commit="abc1234", date="2026-01-01", method="RULES")
    assert "at commit `abc1234`" in text
    assert "| petr2-gsr.dev.jsonl | triple F1 |" in text
    assert "| conflibert-spans.dev.jsonl | direction accuracy (covered) |" in text
    assert "| ngec.actors.jsonl | actor role accuracy |" in text
    assert "## Error kinds that cost the most" in text
    costly = text.split("## Error kinds that cost the most")[1].split("## Per gold set")[0]
    assert "| events | missed event |" in costly
    assert "skipped: line 16: empty text" in text
    assert text.rstrip().endswith("RULES")
