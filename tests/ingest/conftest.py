"""Shared helpers for the ingest tests: sample prose, and splitting results into kinds."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from parley.records import Article, Skip

# ../shared, found from this file so the tests run from any checkout location.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

ENGLISH = (
    "The foreign ministers of Austria and Hungary met in Vienna on Tuesday to discuss energy "
    "security and border cooperation, officials said after the talks ended."
)
ENGLISH_2 = (
    "Both sides agreed to set up a joint working group on gas supplies, which will report to "
    "the two governments before the end of the year, the statement said."
)
ENGLISH_3 = (
    "The ministers also condemned the recent attacks on shipping in the Red Sea and called on "
    "all parties to show restraint and to respect international law."
)
GERMAN = (
    "Die Außenminister Österreichs und Ungarns trafen sich am Dienstag in Wien, um über "
    "Energiesicherheit und die Zusammenarbeit an der Grenze zu sprechen, teilten Beamte mit."
)


def split(items: Iterable[Article | Skip]) -> tuple[list[Article], list[Skip]]:
    """Articles and skips, each in the order read."""
    articles: list[Article] = []
    skips: list[Skip] = []
    for item in items:
        (articles if isinstance(item, Article) else skips).append(item)
    return articles, skips


@pytest.fixture
def shared() -> Path:
    """The shared data folder; tests that need it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED
