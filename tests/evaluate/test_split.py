"""Fixed halves of a gold set: deterministic, disjoint, complete, and labelled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.evaluate import load_gold
from parley.evaluate.split import HELD, TUNE, half_of, select_half


def _gold(tmp_path: Path, n: int = 40) -> Path:
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps({"id": f"doc-{i}", "text": "Text.", "events": []}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def test_halves_are_disjoint_complete_and_stable(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path))
    tune, held = select_half(gold, TUNE), select_half(gold, HELD)
    ids = {r.id for r in gold.records}
    tune_ids, held_ids = {r.id for r in tune.records}, {r.id for r in held.records}
    assert tune_ids | held_ids == ids and not tune_ids & held_ids
    assert 10 <= len(tune_ids) <= 30  # a hash split, roughly even
    assert all(half_of(i) == TUNE for i in tune_ids)
    assert half_of("doc-1") == half_of("doc-1")
    assert tune.path.endswith("#tune") and held.path.endswith("#held")
    assert select_half(gold, None) is gold


def test_a_record_keeps_its_half_when_others_are_added(tmp_path: Path) -> None:
    small = select_half(load_gold(_gold(tmp_path, 10)), HELD)
    big = select_half(load_gold(_gold(tmp_path, 40)), HELD)
    assert {r.id for r in small.records} <= {r.id for r in big.records}


def test_unknown_half_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="tune, held"):
        select_half(load_gold(_gold(tmp_path)), "test")
