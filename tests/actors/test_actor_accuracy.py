"""Accuracy floors on the NGEC actor gold (country and role), scored as the evaluator does."""

from __future__ import annotations

import json
from pathlib import Path

from parley.actors import ActorResolver

GOLD = Path("/work/shared/gold/ngec.actors.jsonl")
COUNTRY_FLOOR = 0.80
ROLE_FLOOR = 0.65


def score(resolver: ActorResolver) -> tuple[float, float]:
    """Country accuracy over all lines; role accuracy where the gold gives a role."""
    country_hits = role_hits = role_total = 0
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        actor = resolver.resolve_text(row["text"], context=row.get("context") or "",
                                      date=row.get("date"))
        country = "IGO" if actor.igo else actor.country
        country_hits += country == row["country"]
        gold_role = row.get("role")
        if gold_role:
            accepted = gold_role if isinstance(gold_role, list) else [gold_role]
            role_total += 1
            role_hits += actor.role in accepted
    return country_hits / len(rows), role_hits / role_total


def test_ngec_accuracy_floors(resolver: ActorResolver) -> None:
    country, role = score(resolver)
    assert country >= COUNTRY_FLOOR, f"country accuracy {country:.3f}"
    assert role >= ROLE_FLOOR, f"role accuracy {role:.3f}"
