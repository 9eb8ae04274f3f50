"""Direction scoring on span gold."""

from __future__ import annotations

from evaluate_helpers import actor, event, write_gold

from parley.evaluate import DirectionScorer
from parley.evaluate.spans import locate, overlaps

TEXT = "Iraqi troops launched an assault on the ISIS bastion near the border."


def span_gold(tmp_path, *, symmetric=False, target="the ISIS bastion"):
    ev = {
        "source": [{"text": "Iraqi troops", "country": None, "role": None}],
        "target": [{"text": target, "country": None, "role": None}] if target else [],
        "cameo": None,
        "plover": None,
        "symmetric": symmetric,
    }
    gold = write_gold(tmp_path, [{"id": "s", "text": TEXT, "events": [ev]}])
    assert gold.kind == "spans"
    return gold.records[0]


def test_locate_and_overlap():
    assert locate(TEXT, "Iraqi troops") == (0, 12)
    assert locate(TEXT, "iraqi TROOPS") == (0, 12)
    assert locate(TEXT, "Kurds") is None
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9))


def test_correct_direction_via_event_spans(tmp_path):
    scorer = DirectionScorer()
    # "troops" and "ISIS" overlap the gold spans without being identical to them.
    ev = event(actor(text="?"), actor(text="?"), "190", source_span=(6, 12), target_span=(40, 44))
    assert scorer.add(span_gold(tmp_path), [ev]) is None
    result = scorer.result()
    assert (result.gold_events, result.covered, result.correct) == (1, 1, 1)
    assert result.accuracy == 1.0 and result.coverage == 1.0


def test_flipped_direction_found_by_actor_text(tmp_path):
    scorer = DirectionScorer()
    ev = event(actor(text="ISIS"), actor(text="Iraqi troops"), "190")
    miss = scorer.add(span_gold(tmp_path), [ev])
    assert [e["kind"] for e in miss["errors"]] == ["direction flipped"]
    result = scorer.result()
    assert (result.correct, result.flipped, result.accuracy, result.orientation) == (0, 1, 0.0, 0.0)
    # A symmetric gold event accepts either direction.
    scorer = DirectionScorer()
    assert scorer.add(span_gold(tmp_path, symmetric=True), [ev]) is None


def test_uncovered_when_no_event_has_both_sides(tmp_path):
    scorer = DirectionScorer()
    miss = scorer.add(span_gold(tmp_path), [event(actor(text="Iraqi troops"), None, "190")])
    assert [e["kind"] for e in miss["errors"]] == ["no event with both actors"]
    result = scorer.result()
    assert (result.gold_events, result.covered, result.coverage) == (1, 0, 0.0)
    assert result.source_hits.value == 1.0 and result.target_hits.value == 0.0


def test_unrelated_actors_are_other(tmp_path):
    scorer = DirectionScorer()
    ev = event(actor(text="the border"), actor(text="launched"), "190")
    scorer.add(span_gold(tmp_path), [ev])
    assert scorer.result().other == 1


def test_target_less_gold_scores_only_the_source(tmp_path):
    scorer = DirectionScorer()
    scorer.add(span_gold(tmp_path, target=None), [event(actor(text="Iraqi troops"), None, "190")])
    result = scorer.result()
    assert result.gold_events == 0
    assert (result.source_hits.correct, result.source_hits.total) == (1, 1)
