"""`parley ingest` with the real coder: exactly once, interruption-safe, cross-outlet dedup."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from parley.ingest import read_inputs
from parley.store import Store
from parley.store import queries as q
from parley.store.ingest import ingest
from parley.store.schema import articles

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # ../shared of the repo
GUARDIAN = SHARED / "corpora/guardian-2019-syria.articles.jsonl"
PARLEY_BIN = str(Path(sys.executable).parent / "parley")


@pytest.fixture(scope="module")
def coder():
    from parley.coder import Coder

    return Coder.load()


def _snapshot(url: str) -> tuple[dict[str, int], set[tuple[str, int, int, int]]]:
    with Store.open(url) as store:
        events = {
            (i.event.event_id, i.num_mentions, i.num_sources, i.num_articles)
            for i in q.iter_events(store)
        }
        return store.counts(), events


def _parley(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [PARLEY_BIN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _subset(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "subset.jsonl"
    lines = GUARDIAN.read_text(encoding="utf-8").splitlines()[:n]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_guardian_twice_changes_nothing(coder, store_url: str, tmp_path: Path) -> None:
    # 80 real articles exercise every path of a re-ingest; the whole corpus only costs time.
    corpus = _subset(tmp_path, 80)
    with Store.open(store_url) as store:
        first = ingest(store, read_inputs([corpus]), coder)
    assert first.total("stored") > 60
    counts, events = _snapshot(store_url)
    assert counts["events"] > 0
    with Store.open(store_url) as store:
        second = ingest(store, read_inputs([corpus]), coder)
    assert second.total("stored") == second.total("replaced") == 0
    assert second.total("unchanged") == first.total("stored")
    assert _snapshot(store_url) == (counts, events)


def _wait_for_articles(db: Path, proc: subprocess.Popen, at_least: int) -> None:
    engine = create_engine(f"sqlite:///{db}")
    try:
        for _ in range(6000):  # a generous bound, not a timing assertion
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before it could be interrupted: {proc.stderr.read()}")
            if db.exists():
                try:
                    with engine.connect() as conn:
                        n = conn.execute(select(func.count()).select_from(articles)).scalar()
                except Exception:  # schema not created yet
                    n = 0
                if n >= at_least:
                    return
            time.sleep(0.05)
        pytest.fail("ingest stored nothing")
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A 30-article corpus and the store an uninterrupted `parley ingest` makes of it."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    corpus = _subset(folder, 30)
    reference = folder / "reference.db"
    done = _parley("ingest", str(corpus), "--db", str(reference), "-q")
    _out, err = done.communicate()
    assert done.returncode == 0, err
    return corpus, reference


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_interrupted_ingest_resumes_to_the_same_store(
    uninterrupted: tuple[Path, Path], tmp_path: Path, sig: int
) -> None:
    corpus, reference = uninterrupted
    db = tmp_path / "interrupted.db"
    proc = _parley("ingest", str(corpus), "--db", str(db), "-q")
    _wait_for_articles(db, proc, at_least=5)
    os.kill(proc.pid, sig)
    out, _err = proc.communicate()
    partial = _snapshot(str(db))[0]["articles"]
    if sig != signal.SIGKILL:
        assert proc.returncode == 130
        assert "interrupted" in out
    assert partial >= 5
    rerun = _parley("ingest", str(corpus), "--db", str(db), "-q")
    _out, err = rerun.communicate()
    assert rerun.returncode == 0, err
    assert _snapshot(str(db)) == _snapshot(str(reference))


def test_two_outlets_report_one_meeting(coder, store_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "meeting.jsonl"
    reports = [
        {
            "id": "one",
            "outlet": "Daily One",
            "published": "2024-03-05",
            "text": "The Kazakh Foreign Minister held talks with the Foreign Minister of "
            "Belgium in Astana on Tuesday.",
        },
        {
            "id": "two",
            "outlet": "Evening Two",
            "published": "2024-03-06",
            "text": "The Foreign Minister of Kazakhstan met the Belgian Foreign Minister in "
            "Astana on Tuesday to talk about trade routes.",
        },
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    with Store.open(store_url) as store:
        summary = ingest(store, read_inputs([corpus]), coder)
        assert summary.total("stored") == 2
        merged = [i for i in q.iter_events(store) if set(i.article_ids) == {"one", "two"}]
    assert merged, "the two reports were not merged into one event"
    assert all(i.num_sources == 2 and i.num_articles == 2 for i in merged)


def test_bad_filter_is_one_line_error(tmp_path: Path) -> None:
    proc = _parley("events", "--db", str(tmp_path / "x.db"), "--quad", "9")
    _out, err = proc.communicate()
    assert proc.returncode == 2
    assert err.strip() == "parley: error: quad: 9 is not a QuadClass (1..4)"


def test_ingest_missing_input_is_one_line_error(tmp_path: Path) -> None:
    proc = _parley("ingest", str(tmp_path / "absent.jsonl"), "--db", str(tmp_path / "x.db"))
    _out, err = proc.communicate()
    assert proc.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "absent.jsonl" in err
