"""Run a coder over gold files and collect the scores into a report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from parley.errors import GoldError
from parley.evaluate.gold import GoldFile
from parley.evaluate.scoring import (
    DEFAULT_PENTA_FALLBACK,
    ActorScore,
    ActorScorer,
    EventScore,
    EventScorer,
    PentaScore,
    PentaScorer,
)
from parley.evaluate.spans import DirectionScore, DirectionScorer
from parley.records import Actor, Article, Event


class EventCoder(Protocol):
    """What the evaluation needs from a coder: events for articles, an actor for a mention."""

    name: str

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article, in input order, with its coded events."""
        ...

    def resolve_actor(
        self, text: str, *, context: str = "", date: str | None = None
    ) -> Actor | None:
        """Resolve one actor mention."""
        ...


class ParleyCoder:
    """The real coder (`parley.events.code_articles` over a loaded `Coder`)."""

    name = "parley"

    def __init__(self, coder: Any, *, n_process: int = 1, batch_size: int = 32) -> None:
        self.coder = coder
        self.n_process = n_process
        self.batch_size = batch_size

    @classmethod
    def load(cls, *, n_process: int = 1) -> ParleyCoder:
        """Load spaCy, the actor lexicons and the event patterns once."""
        from parley.coder import Coder

        return cls(Coder.load(), n_process=n_process)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        from parley.events import code_articles

        yield from code_articles(
            articles, self.coder, batch_size=self.batch_size, n_process=self.n_process
        )

    def resolve_actor(
        self, text: str, *, context: str = "", date: str | None = None
    ) -> Actor | None:
        return self.coder.actors.resolve_text(text, context=context, date=date)


@dataclass(frozen=True, kw_only=True)
class FileReport:
    """Every score for one gold file, plus the per-record mismatches for error analysis."""

    path: str
    kind: str
    coder: str
    records: int
    seconds: float
    events: EventScore | None = None
    penta: PentaScore | None = None
    actors: ActorScore | None = None
    directions: DirectionScore | None = None
    skipped: tuple[tuple[int, str], ...] = ()
    mismatches: tuple[dict, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "coder": self.coder,
            "records": self.records,
            "seconds": round(self.seconds, 1),
            "skipped": [{"line": n, "reason": r} for n, r in self.skipped],
        }
        for name in ("events", "penta", "actors", "directions"):
            score = getattr(self, name)
            if score is not None:
                out[name] = score.to_dict()
        return out


def evaluate_file(
    gold: GoldFile,
    coder: EventCoder,
    *,
    progress: Callable[[int], None] | None = None,
    penta_fallback: int = DEFAULT_PENTA_FALLBACK,
) -> FileReport:
    """Code every gold record (or resolve every gold actor) and score the output."""
    started = time.perf_counter()
    tick = progress or (lambda n: None)
    mismatches: list[dict] = []
    if gold.kind == "actors":
        actor_scorer = ActorScorer()
        for item in gold.actors:
            actor = coder.resolve_actor(item.text, context=item.context, date=item.date)
            miss = actor_scorer.add(item, actor)
            if miss:
                mismatches.append({"file": gold.path, "scorer": "actors", **miss})
            tick(1)
        return FileReport(
            path=gold.path,
            kind=gold.kind,
            coder=coder.name,
            records=gold.size,
            seconds=time.perf_counter() - started,
            actors=actor_scorer.result(),
            mismatches=tuple(mismatches),
        )

    event_scorer = EventScorer() if gold.kind == "events" else None
    direction_scorer = DirectionScorer() if gold.kind == "spans" else None
    labelled = any(r.penta is not None for r in gold.records)
    penta_scorer = PentaScorer(fallback_class=penta_fallback) if labelled else None
    articles = (r.to_article(source=gold.path) for r in gold.records)
    outputs = coder.code_articles(articles)
    for record, (article, events) in zip(gold.records, outputs, strict=True):
        if article.id != record.id:
            raise GoldError(
                gold.path, f"coder returned {article.id!r} for {record.id!r}", record.line
            )
        for name, scorer in (
            ("events", event_scorer),
            ("directions", direction_scorer),
            ("penta", penta_scorer),
        ):
            if scorer is None:
                continue
            miss = scorer.add(record, events)
            if miss:
                mismatches.append({"file": gold.path, "scorer": name, **miss})
        tick(1)
    return FileReport(
        path=gold.path,
        kind=gold.kind,
        coder=coder.name,
        records=gold.size,
        seconds=time.perf_counter() - started,
        events=event_scorer.result() if event_scorer else None,
        penta=penta_scorer.result() if penta_scorer else None,
        directions=direction_scorer.result() if direction_scorer else None,
        skipped=gold.skipped,
        mismatches=tuple(mismatches),
    )
