"""Spark job throughput at local[1] and local[2] and the scaling ratio (`make bench-spark`).

Each master runs in a fresh process (its own JVM): `run_job` over the corpus with one coding
partition per core. The job time excludes JVM start-up but includes each partition's Coder
load, as on a cluster. Appends a row per master to bench/RESULTS.md.

    .venv/bin/python bench/spark_throughput.py
    .venv/bin/python bench/spark_throughput.py --limit 60 --masters 'local[1]' 'local[2]'
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# the sibling module, found through the path above
from throughput import (
    DEFAULT_CORPUS,
    append_results,
    peak_rss_mb,
    read_articles,
    words,
    write_repeated,
)


def child(args: argparse.Namespace) -> None:
    """One job in this process; prints a JSON line with its counts and time."""
    from parley.spark import JobOptions, run_job, session

    found = re.fullmatch(r"local\[(\d+)\]", args.child_master)
    cores = int(found.group(1)) if found else (os.cpu_count() or 1)
    spark = session(args.child_master, app_name="parley-bench")
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory(prefix="parley-bench-spark-") as tmp:
        start = time.perf_counter()
        summary = run_job(
            spark,
            str(args.input),
            str(Path(tmp) / "out"),
            JobOptions(partitions=args.partitions or cores, batch_size=args.batch_size),
        )
        seconds = time.perf_counter() - start
    spark.stop()
    own, children = peak_rss_mb()
    print(
        json.dumps(
            {
                "articles": summary.articles,
                "events": summary.events,
                "rejects": summary.rejects,
                "seconds": seconds,
                "rss_mb": own,
                "children_rss_mb": children,
            }
        )
    )


def main(argv: list[str] | None = None) -> None:
    """Run the job at each master and report throughput and scaling."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    p.add_argument("--partitions", type=int, default=None, help="default: the master's cores")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--no-record", action="store_true")
    p.add_argument("--child-master", help=argparse.SUPPRESS)
    p.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child_master:
        child(args)
        return
    if not args.corpus.exists():
        p.error(f"corpus not found: {args.corpus} (pass --corpus)")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_repeated(args.corpus, args.repeat, corpus, args.limit)
        total_words = sum(words(a.text) for a in read_articles(corpus))
        for master in args.masters:
            cmd = [
                sys.executable,
                __file__,
                "--child-master",
                master,
                "--input",
                str(corpus),
                "--batch-size",
                str(args.batch_size),
            ]
            if args.partitions:
                cmd += ["--partitions", str(args.partitions)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                sys.exit(f"bench: {master} failed:\n{out.stderr[-3000:]}")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            r["words_per_s"] = total_words / r["seconds"]
            results[master] = r
            print(
                f"  {master:<9} {r['articles']} articles, {r['events']} events, "
                f"{r['seconds']:.1f}s, {r['words_per_s']:,.0f} words/s, "
                f"{r['articles'] / r['seconds']:.2f} articles/s"
            )
    first, *rest = args.masters
    ratios = {m: results[m]["words_per_s"] / results[first]["words_per_s"] for m in rest}
    for m, ratio in ratios.items():
        print(f"  scaling {m} / {first} = {ratio:.2f}")
    if not args.no_record:
        rows = [
            [
                m,
                f"{r['articles']}",
                f"{r['events']}",
                f"{r['seconds']:.1f}",
                f"{r['words_per_s']:,.0f}",
                f"{r['articles'] / r['seconds']:.2f}",
                f"{r['words_per_s'] / results[first]['words_per_s']:.2f}",
            ]
            for m, r in results.items()
        ]
        notes = (
            f"`parley spark` (run_job) on `{args.corpus.name}` x{args.repeat}"
            f"{f' (first {args.limit})' if args.limit else ''}, {total_words:,} words, "
            f"one coding partition per core, {os.cpu_count()} cores on the machine; time "
            "excludes JVM start, includes each partition's Coder load; load average at the end "
            f"{os.getloadavg()[0]:.1f} (a shared machine makes the scaling ratio unreliable)."
        )
        append_results(
            "spark",
            ["master", "articles", "events", "s", "words/s", "articles/s", f"x {first}"],
            rows,
            notes,
        )


if __name__ == "__main__":
    main()
