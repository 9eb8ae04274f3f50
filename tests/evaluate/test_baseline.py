"""The naive keyword baseline: real numbers on the dev sets, as the floor the coder must beat."""

from __future__ import annotations

from pathlib import Path

from parley.evaluate import evaluate_file, load_gold
from parley.evaluate.baseline import BaselineCoder
from parley.evaluate.render import combined_triples
from parley.records import Article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
GOLD = str(SHARED / "gold")


def test_baseline_codes_trigger_and_first_two_countries():
    coder = BaselineCoder.load()
    text = "France and Germany signed a treaty. Nothing here. Russia attacked Ukraine."
    events = coder.code(Article(id="a", text=text))
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [
        ("FRA", "DEU", "057"),
        ("RUS", "UKR", "180"),
    ]
    assert events[1].sentence_index == 2
    start, end = events[1].source_span
    assert text[start:end] == "Russia"


def test_baseline_scores_near_the_documented_floor():
    coder = BaselineCoder.load()
    reports = [
        evaluate_file(load_gold(f"{GOLD}/{n}.jsonl"), coder)
        for n in ("plover-gsr.dev", "petr2-gsr.dev")
    ]
    triples, _ = combined_triples(reports)
    assert 0.05 <= triples.f1 <= 0.2, triples
    penta = evaluate_file(load_gold(f"{GOLD}/conflibert-penta.dev.jsonl"), coder).penta
    assert 0.3 <= penta.macro_f1 <= 0.6, penta.macro_f1
