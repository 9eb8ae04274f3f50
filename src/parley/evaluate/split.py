"""Fixed halves of a gold set: tune on one, report the other.

Which half a record belongs to depends only on a hash of its id, so the split never moves
when records are added, reordered or re-coded, and every developer sees the same halves.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from parley.evaluate.gold import GoldFile

TUNE = "tune"
HELD = "held"
HALVES = (TUNE, HELD)


def half_of(record_id: str) -> str:
    """`tune` or `held` for a record id (sha256 of the id, lowest bit of its first byte)."""
    return HELD if hashlib.sha256(record_id.encode("utf-8")).digest()[0] & 1 else TUNE


def select_half(gold: GoldFile, half: str | None) -> GoldFile:
    """The gold file reduced to one half (`None`: the whole file). Actor gold splits by
    the mention text and its context."""
    if half is None:
        return gold
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    path = f"{gold.path}#{half}"
    if gold.kind == "actors":
        keep = tuple(a for a in gold.actors if half_of(f"{a.text}\x1f{a.context}") == half)
        return replace(gold, path=path, actors=keep)
    records = tuple(r for r in gold.records if half_of(r.id) == half)
    return replace(gold, path=path, records=records)
