"""Scorers: pure accumulators over (gold record, predicted events) pairs, and their reports.

Each scorer's `add` takes one gold item with what the coder produced for it and returns a
mismatch record (a plain dict for `--errors`) or None; `result()` gives the frozen score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from parley.evaluate.gold import ActorGold, GoldEvent, GoldRecord
from parley.evaluate.matching import (
    GoldTriple,
    actor_key,
    actor_role,
    classify_miss,
    country_matches,
    event_root,
    igo_key,
    match_document,
    predicted_dict,
)
from parley.records import Actor, Event

PENTA_NAMES = (
    "statement/appeal",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
# Sentences where the coder finds no event: most such news sentences report or comment on
# something rather than act, so the fallback class is 0 (statement/appeal).
DEFAULT_PENTA_FALLBACK = 0


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(frozen=True, kw_only=True, slots=True)
class PRF:
    """True/false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class Accuracy:
    """Correct out of scored items; `value` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


@dataclass(frozen=True, kw_only=True)
class EventScore:
    """Triple scores over gold event records."""

    documents: int
    gold_events: int
    events_found: int  # gold events all of whose member triples were matched
    triples: PRF
    with_roles: PRF
    per_root: dict[str, PRF]  # gold with CAMEO by gold root; false positives by predicted root
    per_plover: dict[str, Accuracy]  # recall of gold that has only a PLOVER type
    date: Accuracy
    place: Accuracy
    historical: Accuracy
    error_kinds: dict[str, int]

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "gold_events": self.gold_events,
            "events_found": self.events_found,
            "triples": self.triples.to_dict(),
            "with_roles": self.with_roles.to_dict(),
            "per_root": {k: v.to_dict() for k, v in sorted(self.per_root.items())},
            "per_plover": {k: v.to_dict() for k, v in sorted(self.per_plover.items())},
            "date": self.date.to_dict(),
            "place": self.place.to_dict(),
            "historical": self.historical.to_dict(),
            "error_kinds": dict(sorted(self.error_kinds.items(), key=lambda kv: -kv[1])),
        }


def _attribute_checks(gold: GoldEvent, event: Event) -> list[tuple[str, str, Any, Any, bool]]:
    """(tally, error kind, gold value, predicted value, right?) per attribute the gold gives."""
    checks = []
    if gold.date is not None:
        # The gold's precision decides: gold "2021" accepts "2021-06-10".
        ok = bool(event.date) and event.date.startswith(gold.date)
        checks.append(("date", "wrong date", gold.date, event.date, ok))
    if gold.place is not None:
        name = event.place.name if event.place is not None else None
        ok = name is not None and name.casefold() == gold.place.casefold()
        checks.append(("place", "wrong place", gold.place, name, ok))
    if gold.historical is not None:
        ok = event.historical == gold.historical
        checks.append(
            ("historical", "wrong historical flag", gold.historical, event.historical, ok)
        )
    return checks


@dataclass
class EventScorer:
    """Accumulates triple matches document by document."""

    documents: int = 0
    gold_events: int = 0
    events_found: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    role_tp: int = 0
    role_fp: int = 0
    role_fn: int = 0
    root_counts: dict[str, Counter] = field(default_factory=dict)
    plover_counts: dict[str, Counter] = field(default_factory=dict)
    date: list[int] = field(default_factory=lambda: [0, 0])
    place: list[int] = field(default_factory=lambda: [0, 0])
    historical: list[int] = field(default_factory=lambda: [0, 0])
    errors: Counter = field(default_factory=Counter)

    def _root(self, key: str, outcome: str) -> None:
        self.root_counts.setdefault(key, Counter())[outcome] += 1

    def _gold_outcome(self, triple: GoldTriple, outcome: str) -> None:
        if triple.cameo_root:
            self._root(triple.cameo_root, outcome)
        elif triple.plover:
            self.plover_counts.setdefault(triple.plover, Counter())[outcome] += 1

    def add(self, record: GoldRecord, events: Sequence[Event]) -> dict | None:
        """Score one document; return its mismatches, or None when it is all right."""
        if record.events is None:
            return None
        match = match_document(record.events, events)
        triples, events = match.triples, match.events
        self.documents += 1
        self.gold_events += len(record.events)
        self.tp += len(match.pairs)
        self.fn += len(triples) - len(match.pairs)
        fps = match.false_positives
        self.fp += len(fps)
        self.role_tp += len(match.role_pairs)
        self.role_fn += len(triples) - len(match.role_pairs)
        self.role_fp += match.role_false_positives
        found = {g.event_index for g in triples} - {
            t.event_index for i, t in enumerate(triples) if i not in match.pairs
        }
        self.events_found += len(found)

        errors: list[dict] = []
        for g, p in match.pairs.items():
            triple, event = triples[g], events[p]
            self._gold_outcome(triple, "tp")
            if g not in match.role_pairs:
                errors.append(self._error("wrong role", triple, event))
            for name, kind, expected, got, ok in _attribute_checks(triple.event, event):
                tally = getattr(self, name)
                tally[1] += 1
                tally[0] += ok
                if not ok:
                    errors.append(
                        {**self._error(kind, triple, event), "expected": expected, "got": got}
                    )

        unmatched = [events[i] for i in fps]
        for g, triple in enumerate(triples):
            if g in match.pairs:
                continue
            self._gold_outcome(triple, "fn")
            if not events:
                errors.append(self._error("no event predicted", triple, None))
                continue
            kind, closest = classify_miss(triple, unmatched)
            errors.append(
                self._error(kind, triple, unmatched[closest] if closest is not None else None)
            )
            if closest is not None:
                self._root(event_root(unmatched[closest]), "fp")
                del unmatched[closest]
        for event in unmatched:
            self._root(event_root(event), "fp")
            errors.append(self._error("spurious event", None, event))
        for kind in (e["kind"] for e in errors):
            self.errors[kind] += 1
        if not errors:
            return None
        return {
            "id": record.id,
            "line": record.line,
            "text": record.text,
            "gold": [t.to_dict() for t in triples],
            "predicted": [predicted_dict(e) for e in events],
            "matched": sorted(match.pairs.items()),
            "errors": errors,
        }

    @staticmethod
    def _error(kind: str, triple: GoldTriple | None, event: Event | None) -> dict:
        return {
            "kind": kind,
            "gold": triple.to_dict() if triple is not None else None,
            "predicted": predicted_dict(event) if event is not None else None,
        }

    def result(self) -> EventScore:
        """The accumulated score."""
        return EventScore(
            documents=self.documents,
            gold_events=self.gold_events,
            events_found=self.events_found,
            triples=PRF(tp=self.tp, fp=self.fp, fn=self.fn),
            with_roles=PRF(tp=self.role_tp, fp=self.role_fp, fn=self.role_fn),
            per_root={
                k: PRF(tp=c["tp"], fp=c["fp"], fn=c["fn"]) for k, c in self.root_counts.items()
            },
            per_plover={
                k: Accuracy(correct=c["tp"], total=c["tp"] + c["fn"])
                for k, c in self.plover_counts.items()
            },
            date=Accuracy(correct=self.date[0], total=self.date[1]),
            place=Accuracy(correct=self.place[0], total=self.place[1]),
            historical=Accuracy(correct=self.historical[0], total=self.historical[1]),
            error_kinds=dict(self.errors),
        )


def penta_of_root(root: str) -> int:
    """The five-way class of a CAMEO root ("01".."20")."""
    n = int(root[:2])
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13 or n == 16:
        return 3
    return 4


def predicted_penta(
    events: Sequence[Event], fallback: int = DEFAULT_PENTA_FALLBACK
) -> tuple[int, bool]:
    """The class of a sentence from its most confident event; (fallback, True) without one."""
    if not events:
        return fallback, True
    best = max(events, key=lambda e: e.confidence)  # max keeps the first of equals: text order
    return penta_of_root(event_root(best)), False


@dataclass(frozen=True, kw_only=True)
class PentaScore:
    """Five-way class accuracy, macro-F1 and the confusion matrix (rows gold, columns predicted)."""

    sentences: int
    accuracy: float
    macro_f1: float
    per_class: dict[int, PRF]
    confusion: list[list[int]]
    fallback: int  # sentences with no predicted event
    fallback_class: int

    def to_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_class": {str(k): v.to_dict() for k, v in sorted(self.per_class.items())},
            "confusion": self.confusion,
            "no_event_sentences": self.fallback,
            "fallback_class": self.fallback_class,
        }


@dataclass
class PentaScorer:
    """Accumulates gold vs predicted five-way classes."""

    fallback_class: int = DEFAULT_PENTA_FALLBACK
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * 5 for _ in range(5)])
    fallback: int = 0

    def add_class(self, gold: int, predicted: int) -> None:
        """Count one sentence by its gold and predicted class."""
        self.confusion[gold][predicted] += 1

    def add(self, record: GoldRecord, events: Sequence[Event]) -> dict | None:
        """Score one labelled record; return a mismatch record when the class is wrong."""
        if record.penta is None:
            return None
        predicted, used_fallback = predicted_penta(events, self.fallback_class)
        self.fallback += used_fallback
        self.add_class(record.penta, predicted)
        if predicted == record.penta:
            return None
        return {
            "id": record.id,
            "line": record.line,
            "text": record.text,
            "gold_penta": record.penta,
            "predicted_penta": predicted,
            "no_event": used_fallback,
            "predicted": [predicted_dict(e) for e in events],
            "errors": [
                {"kind": "no event (fallback class)" if used_fallback else "wrong penta class"}
            ],
        }

    def result(self) -> PentaScore:
        """The accumulated score."""
        m = self.confusion
        total = sum(map(sum, m))
        per_class = {
            c: PRF(
                tp=m[c][c],
                fp=sum(m[g][c] for g in range(5)) - m[c][c],
                fn=sum(m[c]) - m[c][c],
            )
            for c in range(5)
        }
        present = [c for c, s in per_class.items() if s.tp + s.fp + s.fn]
        return PentaScore(
            sentences=total,
            accuracy=_ratio(sum(m[c][c] for c in range(5)), total),
            macro_f1=_ratio(sum(per_class[c].f1 for c in present), len(present)),
            per_class=per_class,
            confusion=[row[:] for row in m],
            fallback=self.fallback,
            fallback_class=self.fallback_class,
        )


def macro_f1(gold: Iterable[int], predicted: Iterable[int]) -> float:
    """Macro-averaged F1 over the five classes present in either sequence."""
    scorer = PentaScorer()
    for g, p in zip(gold, predicted, strict=True):
        scorer.add_class(g, p)
    return scorer.result().macro_f1


@dataclass(frozen=True, kw_only=True)
class ActorScore:
    """Country and role accuracy of resolved actor mentions."""

    mentions: int
    country: Accuracy
    role: Accuracy  # only mentions whose gold gives a role
    error_kinds: dict[str, int]

    def to_dict(self) -> dict:
        return {
            "mentions": self.mentions,
            "country": self.country.to_dict(),
            "role": self.role.to_dict(),
            "error_kinds": dict(sorted(self.error_kinds.items(), key=lambda kv: -kv[1])),
        }


@dataclass
class ActorScorer:
    """Accumulates actor-resolution results."""

    mentions: int = 0
    country: list[int] = field(default_factory=lambda: [0, 0])
    role: list[int] = field(default_factory=lambda: [0, 0])
    errors: Counter = field(default_factory=Counter)

    def add(self, gold: ActorGold, actor: Actor | None) -> dict | None:
        """Score one resolved mention; return a mismatch record when country or role is wrong."""
        self.mentions += 1
        kinds = []
        key = actor_key(actor)
        if gold.country is not None:
            expected = igo_key(gold.igo) if gold.country == "IGO" else gold.country
            self.country[1] += 1
            if country_matches(expected, key):
                self.country[0] += 1
            else:
                kinds.append("no country" if key is None else "wrong country")
        role = actor_role(actor)
        if gold.roles is not None:
            self.role[1] += 1
            if role in gold.roles:
                self.role[0] += 1
            else:
                kinds.append("no role" if role is None else "wrong role")
        self.errors.update(kinds)
        if not kinds:
            return None
        return {
            "line": gold.line,
            "text": gold.text,
            "context": gold.context,
            "date": gold.date,
            "gold": {
                "country": gold.country,
                "igo": gold.igo,
                "role": sorted(gold.roles) if gold.roles else None,
            },
            "predicted": actor.to_dict() if actor is not None else None,
            "errors": [{"kind": k} for k in kinds],
        }

    def result(self) -> ActorScore:
        """The accumulated score."""
        return ActorScore(
            mentions=self.mentions,
            country=Accuracy(correct=self.country[0], total=self.country[1]),
            role=Accuracy(correct=self.role[0], total=self.role[1]),
            error_kinds=dict(self.errors),
        )
