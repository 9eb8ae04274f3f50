"""parley.parallel: a real pool of spawned workers, each with its own real Coder (spaCy)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from parley.errors import ModelError
from parley.parallel import CodingFailure, code_articles_parallel
from parley.records import Article

TEXTS = [
    "Kazakhstan's Foreign Minister met his Belgian counterpart in Brussels on Monday.",
    "Russia condemned the United States for the air strikes in Syria.",
    "The European Union imposed sanctions on Iran on 3 March 2019.",
    "Turkey and Germany signed an agreement on trade cooperation.",
    "China accused Japan of violating its airspace.",
    "France called for a ceasefire in Libya.",
    "The President of Egypt visited Saudi Arabia to discuss regional security.",
    "Israel threatened to attack Hezbollah positions in Lebanon.",
    "The weather was pleasant and nothing happened.",
    "India praised Pakistan for releasing the captured pilot.",
    "The United Nations urged Iraq to protect civilians.",
]


def _articles() -> list[Article]:
    good = [Article(id=f"a{i:02d}", text=t, published="2019-03-04") for i, t in enumerate(TEXTS)]
    # Picklable, but the coder rejects it (no text): coding it raises TypeError in the worker.
    bad = Article(id="bad", text=None)  # type: ignore[arg-type]
    return [*good[:4], bad, *good[4:]]


def _alive(pid: int) -> bool:
    """True while a process with this pid exists (a reaped child no longer does)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has not been reaped, so it is left over too.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.fixture(scope="module")
def pool_run() -> dict:
    """One run with 2 workers, chunks of 3 (several chunks, one holding the bad article)."""
    articles = _articles()
    seen_failures: list[CodingFailure] = []
    run = code_articles_parallel(
        iter(articles), processes=2, chunk_size=3, max_pending=2, on_failure=seen_failures.append
    )
    results = []
    workers: set[int] = set()
    for pair in run:
        results.append(pair)
        workers |= {p.pid for p in multiprocessing.active_children() if p.pid}
    return {
        "articles": articles,
        "results": results,
        "failures": run.failures,
        "seen": seen_failures,
        "workers": workers,
    }


@pytest.fixture(scope="module")
def reference() -> list[tuple[str, list[str]]]:
    """The in-process `code_article` output of the good articles: (id, event_ids)."""
    from parley.coder import Coder
    from parley.events import code_article

    coder = Coder.load()
    return [(a.id, [e.event_id for e in code_article(a, coder)]) for a in _articles() if a.text]


def test_events_equal_in_process_code_article(pool_run: dict, reference: list) -> None:
    got = [(a.id, [e.event_id for e in events]) for a, events in pool_run["results"]]
    assert got == reference
    assert sum(len(ids) for _i, ids in got) >= 10  # the texts really produce events


def test_order_is_input_order_without_the_failed_article(pool_run: dict) -> None:
    ids = [a.id for a, _e in pool_run["results"]]
    assert ids == [a.id for a in pool_run["articles"] if a.id != "bad"]
    # The very Article objects come back (the parent keeps them; workers return only events).
    assert all(
        a is b for (a, _e), b in zip(pool_run["results"][:4], pool_run["articles"][:4], strict=True)
    )


def test_bad_article_is_a_recorded_failure(pool_run: dict) -> None:
    failures = pool_run["failures"]
    assert [f.article.id for f in failures] == ["bad"]
    assert failures[0].error.startswith("TypeError")
    assert "\n" not in failures[0].error
    assert pool_run["seen"] == failures


def test_pool_used_two_workers_and_shut_them_down(pool_run: dict) -> None:
    assert len(pool_run["workers"]) == 2
    assert not multiprocessing.active_children()
    assert not [pid for pid in pool_run["workers"] if _alive(pid)]


def test_parent_does_not_load_spacy() -> None:
    """The pool path imports no spaCy in the parent: checked in a fresh interpreter."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from parley.parallel import code_articles_parallel\n"
        "from parley.records import Article\n"
        "run = code_articles_parallel([Article(id='x', text='France called for a ceasefire"
        " in Libya.')], processes=2)\n"
        "pairs = list(run)\n"
        "assert [e.cameo for _a, ev in pairs for e in ev] == ['025'], pairs\n"
        "print('spacy' in sys.modules, 'parley.events' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.split() == ["False", "False"]


def test_closing_early_terminates_the_workers() -> None:
    articles = [Article(id=f"c{i}", text=TEXTS[i % len(TEXTS)]) for i in range(40)]
    run = code_articles_parallel(articles, processes=2, chunk_size=2)
    first = next(run)
    workers = [p.pid for p in multiprocessing.active_children() if p.pid]
    run.close()
    assert first[0].id == "c0"
    assert workers
    assert not multiprocessing.active_children()
    assert not [pid for pid in workers if _alive(pid)]
    with pytest.raises(StopIteration):
        next(run)


def test_worker_that_cannot_load_the_coder_raises_its_error() -> None:
    run = code_articles_parallel(
        [Article(id="m", text="France called for a ceasefire in Libya.")],
        processes=2,
        coder_options={"model": "no_such_model_for_parley_tests"},
    )
    with pytest.raises(ModelError, match="no_such_model_for_parley_tests"):
        list(run)
    assert not multiprocessing.active_children()


def test_one_process_codes_in_process_with_the_same_contract(reference: list) -> None:
    from parley.coder import Coder

    run = code_articles_parallel(_articles(), processes=1, chunk_size=4, coder=Coder.load())
    got = [(a.id, [e.event_id for e in events]) for a, events in run]
    assert got == reference
    assert [f.article.id for f in run.failures] == ["bad"]
    assert not multiprocessing.active_children()


def test_forked_workers_share_the_parents_coder(reference: list) -> None:
    from parley.coder import Coder

    coder = Coder.load()
    workers: set[int] = set()
    with code_articles_parallel(_articles(), processes=2, chunk_size=2, coder=coder) as run:
        got = []
        for a, events in run:
            got.append((a.id, [e.event_id for e in events]))
            workers |= {p.pid for p in multiprocessing.active_children() if p.pid}
    assert got == reference
    assert [f.article.id for f in run.failures] == ["bad"]
    assert len(workers) == 2
    assert not any(_alive(pid) for pid in workers)


_INTERRUPT_SCRIPT = """
import multiprocessing, sys
from parley.parallel import code_articles_parallel
from parley.records import Article
if __name__ == "__main__":
    texts = [Article(id=f"i{i}", text="France called for a ceasefire in Libya. " * 20)
             for i in range(10_000)]
    try:
        with code_articles_parallel(texts, processes=2, chunk_size=1) as run:
            for n, _pair in enumerate(run):
                if n == 0:
                    pids = [p.pid for p in multiprocessing.active_children()]
                    print("workers", *pids, flush=True)
    except KeyboardInterrupt:
        print("interrupted", *[p.pid for p in multiprocessing.active_children()], flush=True)
        sys.exit(130)
"""


def test_ctrl_c_stops_the_workers_without_tracebacks(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal's Ctrl-C sends it."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "interrupt.py"
    script.write_text(_INTERRUPT_SCRIPT, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        first = proc.stdout.readline().split()  # after the first coded article
        assert first[0] == "workers" and len(first) == 3, first
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert out.split() == ["interrupted"]  # no child left when the parent handles Ctrl-C
    assert "Traceback" not in err, err
    assert not [pid for pid in map(int, first[1:]) if _alive(pid)]
