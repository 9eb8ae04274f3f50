"""Several processes on one fresh store: creation and overlapping writes never fail."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from parley.store import Store

HELPERS = Path(__file__).resolve().parent

# Each worker imports first, waits for the start file, then opens the store and stores the
# same 20 articles, so the processes really overlap.
WORKER = """
import os, sys, time
sys.path.insert(0, {helpers!r})
from store_helpers import article, event
from parley.store import Store
while not os.path.exists({go!r}):
    time.sleep(0.001)
counts = {{}}
with Store.open({db!r}) as store:
    for n in range(20):
        a = article(f"a{{n}}", f"Kazakhstan met Belgium, report {{n}}.")
        status = store.add_article(a, [event(a)], "v1")
        counts[status] = counts.get(status, 0) + 1
print(counts)
"""


def _race(tmp_path: Path, db: str, workers: int = 3) -> tuple[list[int], list[str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    go = tmp_path / "go"
    code = WORKER.format(helpers=str(HELPERS), go=str(go), db=db)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(workers)]
    time.sleep(2.0)  # let every worker finish importing
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    return [p.returncode for p in procs], [err for _, err in outs]


def test_processes_opening_one_fresh_sqlite_store_all_succeed(tmp_path: Path) -> None:
    for trial in range(3):
        db = str(tmp_path / str(trial) / "fresh.db")
        codes, errors = _race(tmp_path / str(trial), db)
        assert codes == [0, 0, 0], errors
        with Store.open(db) as store:
            assert store.counts()["articles"] == 20


def test_processes_opening_one_fresh_store_all_succeed(tmp_path: Path, store_url: str) -> None:
    # SQLite and PostgreSQL (an advisory lock serialises schema creation there).
    codes, errors = _race(tmp_path, store_url)
    assert codes == [0, 0, 0], errors
    with Store.open(store_url) as store:
        assert store.counts()["articles"] == 20
