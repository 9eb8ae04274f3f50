"""Direction scoring on span gold: who did it to whom, judged by character overlap.

Span gold (actors with only `text`) cannot score countries or codes, but it can say whether
the coder's source mention is the gold source and its target the gold target, or flipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from parley.evaluate.gold import GoldActor, GoldRecord
from parley.evaluate.matching import predicted_dict
from parley.evaluate.scoring import Accuracy
from parley.records import Actor, Event

Span = tuple[int, int]


def locate(text: str, needle: str | None) -> Span | None:
    """The first span of `needle` in `text` (exact, then case-insensitive), or None."""
    if not needle:
        return None
    start = text.find(needle)
    if start < 0:
        start = text.casefold().find(needle.casefold())
    return (start, start + len(needle)) if start >= 0 else None


def overlaps(a: Span, b: Span) -> bool:
    """Do two half-open character spans share at least one character?"""
    return a[0] < b[1] and b[0] < a[1]


def _any_overlap(span: Span | None, gold: Sequence[Span]) -> bool:
    return span is not None and any(overlaps(span, g) for g in gold)


def predicted_span(
    text: str, event_span: tuple[int, int] | None, actor: Actor | None
) -> Span | None:
    """Where a predicted actor sits: the event's span if set, else its text found in `text`."""
    if actor is None:
        return None
    if event_span is not None:
        return (event_span[0], event_span[1])
    return locate(text, actor.text)


def _gold_spans(text: str, actors: Sequence[GoldActor]) -> list[Span]:
    return [s for s in (locate(text, a.text) for a in actors) if s is not None]


@dataclass(frozen=True, kw_only=True)
class DirectionScore:
    """How often the coder's source/target mentions line up with gold spans."""

    gold_events: int  # gold events with a locatable source and target span
    covered: int  # ... for which the coder predicted an event with both sides
    correct: int
    flipped: int
    other: int
    source_hits: Accuracy  # gold sources overlapped by some predicted source
    target_hits: Accuracy

    @property
    def accuracy(self) -> float:
        """Correct direction over covered gold events."""
        return self.correct / self.covered if self.covered else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.gold_events if self.gold_events else 0.0

    @property
    def orientation(self) -> float:
        """Correct over correct + flipped: direction alone, when both actors were found."""
        return self.correct / (self.correct + self.flipped) if self.correct + self.flipped else 0.0

    def to_dict(self) -> dict:
        return {
            "gold_events": self.gold_events,
            "covered": self.covered,
            "coverage": round(self.coverage, 4),
            "correct": self.correct,
            "flipped": self.flipped,
            "other": self.other,
            "direction_accuracy": round(self.accuracy, 4),
            "orientation_accuracy": round(self.orientation, 4),
            "source_hits": self.source_hits.to_dict(),
            "target_hits": self.target_hits.to_dict(),
        }


@dataclass
class DirectionScorer:
    """Accumulates direction outcomes over span-gold sentences."""

    counts: Counter = field(default_factory=Counter)

    def add(self, record: GoldRecord, events: Sequence[Event]) -> dict | None:
        """Score one sentence; return a mismatch record when a gold event is not right."""
        if not record.events:
            return None
        text = record.text
        sides = [
            (
                predicted_span(text, e.source_span, e.source),
                predicted_span(text, e.target_span, e.target),
                e,
            )
            for e in events
        ]
        errors = []
        for gold in record.events:
            sources = _gold_spans(text, gold.source)
            targets = _gold_spans(text, gold.target)
            if sources:
                self.counts["source_total"] += 1
                self.counts["source_hits"] += any(_any_overlap(s, sources) for s, _, _ in sides)
            if targets:
                self.counts["target_total"] += 1
                self.counts["target_hits"] += any(_any_overlap(t, targets) for _, t, _ in sides)
            if not (sources and targets):
                continue
            self.counts["gold_events"] += 1
            both = [(s, t, e) for s, t, e in sides if s is not None and t is not None]
            if not both:
                errors.append({"kind": "no event with both actors", "event": gold.index})
                continue
            self.counts["covered"] += 1
            forward = [_any_overlap(s, sources) and _any_overlap(t, targets) for s, t, _ in both]
            backward = [_any_overlap(s, targets) and _any_overlap(t, sources) for s, t, _ in both]
            if any(forward) or (gold.symmetric and any(backward)):
                self.counts["correct"] += 1
            elif any(backward):
                self.counts["flipped"] += 1
                errors.append({"kind": "direction flipped", "event": gold.index})
            else:
                self.counts["other"] += 1
                errors.append({"kind": "actors not the gold spans", "event": gold.index})
        if not errors:
            return None
        return {
            "id": record.id,
            "line": record.line,
            "text": text,
            "gold": [
                {"source": [a.text for a in g.source], "target": [a.text for a in g.target]}
                for g in record.events
            ],
            "predicted": [
                {**predicted_dict(e), "source_span": s, "target_span": t} for s, t, e in sides
            ],
            "errors": errors,
        }

    def result(self) -> DirectionScore:
        """The accumulated score."""
        c = self.counts
        return DirectionScore(
            gold_events=c["gold_events"],
            covered=c["covered"],
            correct=c["correct"],
            flipped=c["flipped"],
            other=c["other"],
            source_hits=Accuracy(correct=c["source_hits"], total=c["source_total"]),
            target_hits=Accuracy(correct=c["target_hits"], total=c["target_total"]),
        )
