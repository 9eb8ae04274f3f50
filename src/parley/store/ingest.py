"""Ingest: read, code and store articles exactly once, with a per-file account of what happened.

An article whose id, content hash and coder version are already stored is not coded again
("unchanged"); a changed text or a newer coder replaces its events ("replaced"). Each article
is written in its own transaction, so stopping an ingest at any point keeps every article it
finished and a rerun picks up the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.ingest.stats import reason_kind
from parley.records import Article, Event, Skip
from parley.store.store import Store

STATUSES = ("stored", "unchanged", "replaced", "skipped")


_WHERE_KEPT = 5  # record numbers kept per skip reason


@dataclass(kw_only=True)
class FileSummary:
    """What one ingest did with one input file."""

    path: str
    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: int = 0
    events: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    # The first records (lines, WARC records) skipped for each reason, to find them again.
    where: dict[str, list[int]] = field(default_factory=dict)

    def count(self, status: str) -> None:
        """Add one article with this status."""
        setattr(self, status, getattr(self, status) + 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "events": self.events,
            "skip_reasons": dict(self.reasons),
            "skip_records": {k: list(v) for k, v in self.where.items()},
        }

    def skip(self, reason: str, record: int | None) -> None:
        """Count one skipped record under its kind of reason, noting where it was."""
        self.count("skipped")
        kind = reason_kind(reason)
        self.reasons[kind] += 1
        if record is not None and len(self.where.setdefault(kind, [])) < _WHERE_KEPT:
            self.where[kind].append(record)


@dataclass(kw_only=True)
class IngestSummary:
    """What one ingest did, per input file."""

    files: dict[str, FileSummary] = field(default_factory=dict)

    def file(self, path: str | None) -> FileSummary:
        """The summary of one file, created on first use."""
        key = path or "-"
        if key not in self.files:
            self.files[key] = FileSummary(path=key)
        return self.files[key]

    def total(self, status: str) -> int:
        """Articles with a status across all files (or 'events' stored)."""
        return sum(getattr(f, status) for f in self.files.values())

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files.values()]}


Progress = Callable[[Article | Skip, str], None]


def _needs_coding(
    store: Store,
    items: Iterable[Article | Skip],
    coder_version: str,
    summary: IngestSummary,
    progress: Progress | None,
) -> Iterator[Article]:
    """Articles that must be coded; skips and unchanged articles are counted on the way."""
    for item in items:
        if isinstance(item, Skip):
            summary.file(item.source).skip(item.reason, item.record)
            if progress:
                progress(item, "skipped")
            continue
        if store.article_status(item, coder_version) == "unchanged":
            summary.file(item.source).count("unchanged")
            if progress:
                progress(item, "unchanged")
            continue
        yield item


def ingest(
    store: Store,
    items: Iterable[Article | Skip],
    coder: Any = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    coder_options: dict[str, Any] | None = None,
    progress: Progress | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Code and store every article not already stored with this coder; count the rest.

    With `n_process` > 1 each worker process loads its own Coder from `coder_options` and
    `coder` may be None, so this process never loads spaCy. An article the coder fails on is
    counted as skipped ("coding error") and not stored, so a rerun tries it again. Pass your
    own `summary` to keep the counts of a run that is interrupted.
    """
    from parley.coder import coder_version
    from parley.parallel import code_articles_parallel

    options = dict(coder_options or {})
    if coder is not None:
        version = coder.version
    else:
        version = coder_version(extra_files=tuple(options.get("actor_files", ())))
    summary = summary if summary is not None else IngestSummary()

    def failed(failure: Any) -> None:
        fs = summary.file(failure.article.source)
        fs.count("skipped")
        fs.reasons["coding error"] += 1
        if progress:
            progress(failure.article, "skipped")

    todo = _needs_coding(store, items, version, summary, progress)
    run = code_articles_parallel(
        todo,
        processes=n_process,
        coder=coder,
        coder_options=options,
        chunk_size=max(1, batch_size // 2),
        on_failure=failed,
    )
    with run as pairs:
        for article, events in pairs:
            _store_one(store, article, events, version, summary, progress)
    return summary


def ingest_coded(
    store: Store,
    pairs: Iterable[tuple[Article, list[Event]]],
    coder_version: str,
    *,
    progress: Progress | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Store articles coded elsewhere (a `parley spark` output), with their coder version."""
    summary = summary if summary is not None else IngestSummary()
    for article, events in pairs:
        _store_one(store, article, events, coder_version, summary, progress)
    return summary


def _store_one(
    store: Store,
    article: Article,
    events: list[Event],
    coder_version: str,
    summary: IngestSummary,
    progress: Progress | None,
) -> None:
    status = store.add_article(article, events, coder_version)
    fs = summary.file(article.source)
    fs.count(status)
    if status != "unchanged":
        fs.events += len(events)
    if progress:
        progress(article, status)


def is_coded_output(path: str | Path) -> bool:
    """True for a `parley spark` output directory (articles/ and events/ Parquet)."""
    p = Path(path)
    return p.is_dir() and (p / "articles").is_dir() and (p / "events").is_dir()
