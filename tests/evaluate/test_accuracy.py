"""The one accuracy gate: the real coder on the dev gold sets (../shared/gold) must stay at
or above the floors below. Every floor lives here and nowhere else; docs/accuracy.md (`make
accuracy`) has the current figures. Article-level floors are pinned on both fixed halves of
guardian-syria.dev (parley.evaluate.split): rules are tuned on one, the other is only
reported. Floors sit a little under the measured value so that a real regression fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.evaluate import ParleyCoder, evaluate_file, load_gold
from parley.evaluate.render import combined_triples
from parley.evaluate.split import HELD, TUNE, select_half

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"

FLOORS = {
    # guardian-syria.dev, whole articles (measured: tune 0.387, held 0.272).
    "article triple F1, tuned-on half": 0.37,
    "article triple F1, held-back half": 0.25,
    # On matched events of the held-back half (measured 0.765).
    "article historical, held-back half": 0.72,
    # plover-gsr.dev + petr2-gsr.dev, micro (measured 0.652).
    "sentence triple F1": 0.64,
    # conflibert-penta.dev (measured 0.724).
    "penta macro-F1": 0.70,
    # ngec.actors (measured 0.835 / 0.802).
    "actor country": 0.80,
    "actor role": 0.65,
}
# Mismatch kinds on matched events; the rest name a missed gold triple.
ATTRIBUTE_ERRORS = {"wrong role", "wrong date", "wrong place", "wrong historical flag"}


@pytest.fixture(scope="module")
def coder() -> ParleyCoder:
    return ParleyCoder.load()


def _gold(name: str):
    return load_gold(GOLD / name)


@pytest.mark.parametrize(("half", "floor"), [
    (TUNE, "article triple F1, tuned-on half"),
    (HELD, "article triple F1, held-back half"),
])
def test_article_triple_f1(coder, half: str, floor: str) -> None:
    events = evaluate_file(select_half(_gold("guardian-syria.dev.jsonl"), half), coder).events
    assert events.triples.f1 >= FLOORS[floor], (
        f"{floor}: {events.triples.to_dict()}, date {events.date.to_dict()}, "
        f"place {events.place.to_dict()}")
    if half == HELD:
        assert events.historical.value >= FLOORS["article historical, held-back half"], (
            events.historical.to_dict())


def test_sentence_triple_f1(coder) -> None:
    reports = [evaluate_file(_gold(f"{name}.jsonl"), coder)
               for name in ("plover-gsr.dev", "petr2-gsr.dev")]
    triples, roles = combined_triples(reports)
    assert triples.f1 >= FLOORS["sentence triple F1"], (
        f"triple F1 {triples.f1:.3f} (roles {roles.f1:.3f})")


def test_penta_macro_f1(coder) -> None:
    penta = evaluate_file(_gold("conflibert-penta.dev.jsonl"), coder).penta
    assert penta.macro_f1 >= FLOORS["penta macro-F1"], (
        f"penta macro-F1 {penta.macro_f1:.3f}, accuracy {penta.accuracy:.3f}")


def test_actor_resolution(coder) -> None:
    actors = evaluate_file(_gold("ngec.actors.jsonl"), coder).actors
    assert actors.country.value >= FLOORS["actor country"], actors.to_dict()
    assert actors.role.value >= FLOORS["actor role"], actors.to_dict()


def test_seed_article_all_seven_events_with_historical_flags(coder) -> None:
    report = evaluate_file(_gold("seed.jsonl"), coder)
    events = report.events
    missed = [(e["kind"], e["gold"]["source"], e["gold"]["target"], e["gold"]["type"])
              for m in report.mismatches for e in m["errors"]
              if e["gold"] and e["kind"] not in ATTRIBUTE_ERRORS]
    assert events.gold_events == 7
    assert events.events_found == 7, f"{events.events_found}/7 found; {missed}"
    # The recalled 2021 talks in Brussels are the one historical event, dated and placed.
    record = _gold("seed.jsonl").records[0]
    (_, coded), = coder.code_articles([record.to_article()])
    recalled = [e for e in coded if e.historical]
    assert recalled and all(e.cameo_root == "04" and (e.date or "").startswith("2021")
                            and e.place is not None and e.place.name == "Brussels"
                            for e in recalled), [(e.cameo, e.date, e.place) for e in recalled]
    assert any(e.source.country == "KAZ" and e.target.country == "BEL" for e in recalled)
