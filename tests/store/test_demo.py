"""`make demo`'s script end to end on the bundled corpus (real coder, fresh SQLite file)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from parley.store import Store
from parley.store import queries as q
from parley.store.demo import corpus_path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_corpus_ships_in_the_package() -> None:
    lines = corpus_path().read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 30
    assert all({"id", "title", "outlet", "published", "text"} <= r.keys() for r in records)
    assert len({r["outlet"] for r in records}) >= 4
    assert {r["published"][:4] for r in records} == {"2023", "2024", "2025"}


@pytest.mark.slow
def test_demo_script(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    env = {**os.environ, "PARLEY_DEMO_DB": str(db)}
    result = subprocess.run(
        ["bash", "scripts/demo.sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in (
        "The busiest pairs",
        "by quarter",
        "One event and its evidence",
        "parley serve --db",
        "http://127.0.0.1:8000/",
    ):
        assert heading in out
    with Store.open(str(db)) as store:
        assert store.counts()["articles"] == len(corpus_path().read_text().splitlines())
        assert any(i.num_sources >= 2 for i in q.iter_events(store))
