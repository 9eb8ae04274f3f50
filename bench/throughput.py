"""Throughput of Parley against the raw spaCy parse it is built on (`make bench`).

In one run, over the same articles and with the same process count:
  (a) raw `nlp.pipe` with the pipes Parley needs: the floor no coder can beat
  (b) `code_articles` end to end (parse, actors, events), nothing stored
  (c) `parley ingest`: coding plus writes into a fresh SQLite store
Prints words/s and articles/s for each, the ratios b/a and c/a, peak RSS (this process and its
children) and the core count; appends a row to bench/RESULTS.md.

`--memory` instead runs (c) in fresh subprocesses on the corpus and on a JSONL ten times its
size (repeated with new ids, in a temp file) and reports the peak RSS of each: ingest streams,
so it should not grow with the corpus.

    .venv/bin/python bench/throughput.py --limit 50
    .venv/bin/python bench/throughput.py --processes 2 --repeat 2
    .venv/bin/python bench/throughput.py --memory
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "guardian-2019-syria.articles.jsonl"
RESULTS = REPO / "bench" / "RESULTS.md"


@dataclass
class Stage:
    """One measured stage."""

    name: str
    articles: int
    words: int
    seconds: float
    cpu_seconds: float = 0.0  # this process and its children: steady on a busy machine

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0


def cpu_seconds() -> float:
    """User + system CPU time of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Timer:
    """Wall and CPU time of a block."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = cpu_seconds() - self.cpu


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set size in MB of this process and of its (waited-for) children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def commit() -> str:
    """The repository's short commit id, with + when the work tree has changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+" if dirty else "")


def write_repeated(corpus: Path, repeat: int, out: Path, limit: int | None = None) -> None:
    """Write the corpus `repeat` times to `out`, each copy's ids suffixed so none collide."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    if limit is not None:
        lines = lines[:limit]
    with out.open("w", encoding="utf-8") as handle:
        for k in range(repeat):
            for n, line in enumerate(lines):
                if not line.strip():
                    continue
                record = json.loads(line)
                record["id"] = f"{record.get('id', n)}~{k}" if k else record.get("id", str(n))
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_articles(path: Path) -> Iterator:
    """The articles of a JSONL corpus, through Parley's reader (no dedupe: copies are work)."""
    from parley.ingest import read_inputs
    from parley.records import Article

    for item in read_inputs([path], dedupe=False):
        if isinstance(item, Article):
            yield item


def words(text: str) -> int:
    """Whitespace words: the unit of the words/s figures."""
    return len(text.split())


def run_raw(articles: list, nlp, batch_size: int, n_process: int) -> Stage:
    """(a) the bare spaCy parse of the same texts."""
    texts = [a.text for a in articles]
    with Timer() as t:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    return Stage("a raw nlp.pipe", len(texts), sum(map(words, texts)), t.wall, t.cpu)


def coded(articles: Iterable, coder, batch_size: int, n_process: int, chunk_size: int):
    """`code_articles` in this process, or `parley.parallel`'s pool when n_process > 1.

    The pool forks workers that share the loaded Coder, as spaCy's own nlp.pipe(n_process=N)
    forks workers that share its model in stage (a); the fork is inside the timing in both.
    """
    if n_process > 1:
        from parley.parallel import code_articles_parallel

        def failed(f) -> None:  # left out of the stage's counts: say which and why
            print(f"bench: coding {f.article.id} failed: {f.error}", file=sys.stderr)

        return code_articles_parallel(
            articles,
            processes=n_process,
            chunk_size=chunk_size,
            coder=coder,
            coder_options=dict(coder.options),
            on_failure=failed,
        )
    from parley.events import code_articles

    return code_articles(articles, coder, batch_size=batch_size, n_process=n_process)


def run_code(
    articles: Iterable, coder, batch_size: int, n_process: int, chunk_size: int = 16
) -> Stage:
    """(b) code_articles end to end; events are counted and dropped."""
    n = w = 0
    with Timer() as t:
        for article, _events in coded(articles, coder, batch_size, n_process, chunk_size):
            n += 1
            w += words(article.text)
    return Stage("b parley code", n, w, t.wall, t.cpu)


def run_ingest(
    articles: Iterable, coder, batch_size: int, n_process: int, db: Path, chunk_size: int = 16
) -> Stage:
    """(c) code_articles and store every article in a fresh SQLite store."""
    from parley.store import Store

    n = w = 0
    store = Store.open(str(db))
    try:
        with Timer() as t:
            for article, events in coded(articles, coder, batch_size, n_process, chunk_size):
                store.add_article(article, events, coder.version)
                n += 1
                w += words(article.text)
    finally:
        store.close()
    return Stage("c parley ingest", n, w, t.wall, t.cpu)


def append_results(title: str, header: list[str], rows: list[list[str]], notes: str) -> None:
    """Append one dated section with a table to bench/RESULTS.md."""
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Benchmark results\n\nAppended by `make bench` and `make bench-spark`; newest last."
            "\n",
            encoding="utf-8",
        )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "",
        f"## {title} — {stamp}, commit {commit()}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *["| " + " | ".join(r) + " |" for r in rows],
        "",
        notes,
        "",
    ]
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def throughput(args: argparse.Namespace) -> None:
    """Stages a, b, c on the same articles, printed and recorded."""
    from parley.coder import Coder

    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_repeated(args.corpus, args.repeat, corpus, args.limit)
        articles = list(read_articles(corpus))
        load_start = time.perf_counter()
        coder = Coder.load(prefilter=not args.no_prefilter)
        load_s = time.perf_counter() - load_start
        stages = [run_raw(articles, coder.nlp, args.batch_size, args.processes)]
        stages.append(run_code(articles, coder, args.batch_size, args.processes, args.chunk_size))
        if not args.no_store:
            db = Path(tmp) / "bench.db"
            stages.append(
                run_ingest(articles, coder, args.batch_size, args.processes, db, args.chunk_size)
            )
    own, children = peak_rss_mb()
    base = stages[0].words_per_s
    cores = os.cpu_count() or 1
    print(
        f"corpus {args.corpus.name} x{args.repeat}: {stages[0].articles} articles, "
        f"{stages[0].words:,} words; {args.processes} process(es), {cores} cores; "
        f"coder loaded in {load_s:.1f}s"
    )
    rows = []
    for s in stages:
        ratio = s.words_per_s / base if base else 0.0
        print(
            f"  {s.name:<16} {s.words_per_s:>9,.0f} words/s {s.articles_per_s:>7.2f} "
            f"articles/s  {s.seconds:7.1f}s  x{ratio:.2f} of raw;  "
            f"{s.words_per_cpu_s:>7,.0f} words per CPU-s"
        )
        rows.append(
            [
                s.name,
                f"{s.articles}",
                f"{s.words:,}",
                f"{s.seconds:.1f}",
                f"{s.words_per_s:,.0f}",
                f"{s.articles_per_s:.2f}",
                f"{ratio:.2f}",
                f"{s.cpu_seconds:.1f}",
                f"{s.words_per_cpu_s:,.0f}",
                f"{s.words_per_cpu_s / stages[0].words_per_cpu_s:.2f}",
            ]
        )
    print(f"  peak RSS: {own:,.0f} MB (this process), {children:,.0f} MB (largest child)")
    if not args.no_record:
        notes = (
            f"Corpus `{args.corpus.name}` x{args.repeat}"
            f"{f' (first {args.limit})' if args.limit else ''}; processes={args.processes}, "
            f"batch={args.batch_size}, chunk={args.chunk_size}"
            f"{', no prefilter' if args.no_prefilter else ''}"
            f"{' (b, c: parley.parallel pool)' if args.processes > 1 else ''}, cores={cores}; "
            f"coder load {load_s:.1f}s (not counted); "
            f"peak RSS {own:,.0f} MB self, {children:,.0f} MB largest child; "
            f"load average at the end {os.getloadavg()[0]:.1f} (the machine was shared: "
            "the CPU-second figures are the steadier ones)."
        )
        append_results(
            "throughput",
            [
                "stage",
                "articles",
                "words",
                "wall s",
                "words/s",
                "articles/s",
                "x raw",
                "CPU s",
                "words/CPU-s",
                "x raw (CPU)",
            ],
            rows,
            notes,
        )


def memory_child(args: argparse.Namespace) -> None:
    """One ingest run in this fresh process; prints a JSON line with its peak RSS."""
    from parley.coder import Coder

    coder = Coder.load()  # with --processes N the forked workers share it
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        stage = run_ingest(
            read_articles(args.input),
            coder,
            args.batch_size,
            args.processes,
            Path(tmp) / "bench.db",
            args.chunk_size,
        )
    own, children = peak_rss_mb()
    print(
        json.dumps(
            {
                "articles": stage.articles,
                "words": stage.words,
                "seconds": stage.seconds,
                "rss_mb": own,
                "children_rss_mb": children,
            }
        )
    )


def memory(args: argparse.Namespace) -> None:
    """Peak RSS of ingest at 1x and 10x the corpus, each in a fresh process."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        for factor in (1, 10):
            path = Path(tmp) / f"corpus-x{factor}.jsonl"
            write_repeated(args.corpus, factor * args.repeat, path, args.limit)
            cmd = [
                sys.executable,
                __file__,
                "--memory-child",
                str(path),
                "--processes",
                str(args.processes),
                "--batch-size",
                str(args.batch_size),
                "--chunk-size",
                str(args.chunk_size),
            ]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                sys.exit(f"bench: x{factor} run failed:\n{out.stderr[-2000:]}")
            results[factor] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[factor]
            print(
                f"  x{factor:<3} {r['articles']:>6} articles {r['words']:>10,} words "
                f"{r['seconds']:8.1f}s {r['words'] / r['seconds']:>8,.0f} words/s  "
                f"peak RSS {r['rss_mb']:,.0f} MB (+{r['children_rss_mb']:,.0f} MB child)"
            )
    growth = results[10]["rss_mb"] / results[1]["rss_mb"]
    print(f"  peak RSS x10 / x1 = {growth:.2f}")
    if not args.no_record:
        rows = [
            [
                f"x{f}",
                f"{r['articles']}",
                f"{r['words']:,}",
                f"{r['seconds']:.1f}",
                f"{r['words'] / r['seconds']:,.0f}",
                f"{r['rss_mb']:,.0f}",
                f"{r['children_rss_mb']:,.0f}",
            ]
            for f, r in results.items()
        ]
        notes = (
            f"`parley ingest` (code + SQLite) of `{args.corpus.name}` repeated with new ids, "
            f"processes={args.processes}; peak RSS x10/x1 = {growth:.2f}."
        )
        append_results(
            "memory",
            ["corpus", "articles", "words", "s", "words/s", "peak RSS MB", "child RSS MB"],
            rows,
            notes,
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="article JSONL")
    p.add_argument("--repeat", type=int, default=1, help="use the corpus K times (new ids)")
    p.add_argument("--limit", type=int, default=None, help="first N articles only")
    p.add_argument("--processes", type=int, default=1, help="nlp.pipe n_process")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument(
        "--chunk-size", type=int, default=16, help="articles per task of the (b)/(c) worker pool"
    )
    p.add_argument("--no-store", action="store_true", help="skip stage (c)")
    p.add_argument(
        "--no-prefilter",
        action="store_true",
        help="(b), (c) parse every sentence, as (a) does, not only candidate ones",
    )
    p.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    p.add_argument("--memory", action="store_true", help="peak RSS of ingest at x1 and x10")
    p.add_argument("--memory-child", dest="input", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.input is None and not args.corpus.exists():
        p.error(f"corpus not found: {args.corpus} (pass --corpus)")
    return args


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark the options ask for."""
    args = parse_args(argv)
    if args.input is not None:
        memory_child(args)
    elif args.memory:
        memory(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()
