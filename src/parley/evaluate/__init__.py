"""Scoring coded events and resolved actors against gold (../shared/gold/FORMAT.md)."""

from parley.evaluate.gold import ActorGold, GoldActor, GoldEvent, GoldFile, GoldRecord, load_gold
from parley.evaluate.matching import GoldTriple, expand, match_document
from parley.evaluate.runner import EventCoder, FileReport, ParleyCoder, evaluate_file
from parley.evaluate.scoring import (
    PRF,
    Accuracy,
    ActorScore,
    ActorScorer,
    EventScore,
    EventScorer,
    PentaScore,
    PentaScorer,
    macro_f1,
    penta_of_root,
    predicted_penta,
)
from parley.evaluate.spans import DirectionScore, DirectionScorer

__all__ = [
    "PRF",
    "Accuracy",
    "ActorGold",
    "ActorScore",
    "ActorScorer",
    "DirectionScore",
    "DirectionScorer",
    "EventCoder",
    "EventScore",
    "EventScorer",
    "FileReport",
    "GoldActor",
    "GoldEvent",
    "GoldFile",
    "GoldRecord",
    "GoldTriple",
    "ParleyCoder",
    "PentaScore",
    "PentaScorer",
    "evaluate_file",
    "expand",
    "load_gold",
    "macro_f1",
    "match_document",
    "penta_of_root",
    "predicted_penta",
]
