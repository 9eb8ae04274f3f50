"""The event, penta and actor scorers on hand-built gold and Event records."""

from __future__ import annotations

import pytest
from evaluate_helpers import actor, event, gold_actor, gold_event, write_gold

from parley.evaluate import (
    ActorScorer,
    EventScorer,
    PentaScorer,
    expand,
    macro_f1,
    match_document,
    penta_of_root,
    predicted_penta,
)
from parley.evaluate.gold import ActorGold


def score(tmp_path, gold_events, predicted):
    """Score one document with the given gold events and predictions."""
    gold = write_gold(tmp_path, [{"id": "d", "text": "some text", "events": gold_events}])
    scorer = EventScorer()
    miss = scorer.add(gold.records[0], predicted)
    return scorer.result(), miss


USA_RUS_190 = gold_event([gold_actor("USA")], [gold_actor("RUS")], "190")


def test_exact_triple_is_a_true_positive(tmp_path):
    result, miss = score(tmp_path, [USA_RUS_190], [event(actor("USA"), actor("RUS"), "193")])
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (1, 0, 0)
    assert result.triples.f1 == 1.0
    assert miss is None


def test_wrong_root_or_wrong_direction_is_a_miss_and_a_false_positive(tmp_path):
    result, miss = score(tmp_path, [USA_RUS_190], [event(actor("RUS"), actor("USA"), "190")])
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (0, 1, 1)
    assert [e["kind"] for e in miss["errors"]] == ["direction flipped"]
    result, miss = score(tmp_path, [USA_RUS_190], [event(actor("USA"), actor("RUS"), "180")])
    assert result.triples.tp == 0
    assert [e["kind"] for e in miss["errors"]] == ["wrong event type"]


def test_symmetric_gold_matches_either_direction_and_excuses_the_mirror(tmp_path):
    meet = gold_event([gold_actor("KAZ")], [gold_actor("BEL")], "040", symmetric=True)
    result, _ = score(tmp_path, [meet], [event(actor("BEL"), actor("KAZ"), "042")])
    assert result.triples.tp == 1
    # Both directions predicted: one hit, the mirror is neither a hit nor a false positive.
    both = [event(actor("KAZ"), actor("BEL"), "040"), event(actor("BEL"), actor("KAZ"), "040")]
    result, _ = score(tmp_path, [meet], both)
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (1, 0, 0)


def test_asymmetric_gold_does_not_match_the_reverse(tmp_path):
    result, _ = score(tmp_path, [USA_RUS_190], [event(actor("RUS"), actor("USA"), "190")])
    assert result.triples.tp == 0


def test_compound_actors_expand_to_member_pairs(tmp_path):
    gold = gold_event([gold_actor("PAK")], [gold_actor("COG"), gold_actor("CRI")], "138")
    triples = write_gold(tmp_path, [{"id": "d", "text": "t", "events": [gold]}]).records[0].events
    assert [(t.source.country, t.target.country) for t in expand(triples[0])] == [
        ("PAK", "COG"),
        ("PAK", "CRI"),
    ]
    result, _ = score(tmp_path, [gold], [event(actor("PAK"), actor("COG"), "138")])
    assert (result.triples.tp, result.triples.fn) == (1, 1)
    assert result.events_found == 0  # an event is found only when all its members are
    both = [event(actor("PAK"), actor("COG"), "138"), event(actor("PAK"), actor("CRI"), "13")]
    result, _ = score(tmp_path, [gold], both)
    assert (result.triples.tp, result.triples.fn, result.events_found) == (2, 0, 1)


def test_compound_source_without_target_is_the_pair_between_them(tmp_path):
    gold = gold_event([gold_actor("HUN", "GOV"), gold_actor("ROU", "GOV")], [], "030")
    result, _ = score(tmp_path, [gold], [event(actor("ROU"), actor("HUN"), "030")])
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (1, 0, 0)


def test_compound_source_of_a_conflict_act_without_target_is_one_triple_each(tmp_path):
    # "Syrian troops and Iraqi militias retook the city from Isis": no pair between them.
    gold = gold_event([gold_actor("SYR", "MIL"), gold_actor("IRQ", "REB")], [], "192")
    both = [event(actor("SYR"), None, "192"), event(actor("IRQ"), None, "192")]
    result, _ = score(tmp_path, [gold], both)
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (2, 0, 0)
    result, _ = score(tmp_path, [gold], [event(actor("SYR"), actor("IRQ"), "192")])
    assert (result.triples.tp, result.triples.fn) == (1, 1)


def test_single_source_without_target_accepts_any_target(tmp_path):
    gold = gold_event([gold_actor("SYR")], [], "1223")
    result, _ = score(tmp_path, [gold], [event(actor("SYR"), None, "120")])
    assert result.triples.tp == 1
    result, _ = score(tmp_path, [gold], [event(actor("SYR"), actor("IRQ"), "120")])
    assert result.triples.tp == 1
    result, _ = score(tmp_path, [gold], [event(actor("IRQ"), None, "120")])
    assert result.triples.tp == 0


def test_igo_actors_normalise_on_both_sides(tmp_path):
    eu = gold_event([gold_actor("IGO", igo="EU")], [gold_actor("ROU")], "030")
    result, _ = score(tmp_path, [eu], [event(actor(None, igo="EU"), actor("ROU"), "030")])
    assert result.triples.tp == 1
    result, _ = score(tmp_path, [eu], [event(actor(None, igo="UN"), actor("ROU"), "030")])
    assert result.triples.tp == 0
    # Phoenix "UNO" is the product's "UN"; a gold IGO without `igo` accepts any IGO.
    uno = gold_event([gold_actor("IGO", igo="UNO")], [gold_actor("IRN")], "090")
    result, _ = score(tmp_path, [uno], [event(actor(None, igo="UN"), actor("IRN"), "090")])
    assert result.triples.tp == 1
    anyigo = gold_event([gold_actor("IGO")], [gold_actor("BIH")], "090")
    result, _ = score(tmp_path, [anyigo], [event(actor(None, igo="UN"), actor("BIH"), "090")])
    assert result.triples.tp == 1
    result, _ = score(tmp_path, [anyigo], [event(actor("USA"), actor("BIH"), "090")])
    assert result.triples.tp == 0


def test_one_to_one_two_predictions_for_one_gold_event(tmp_path):
    twice = [event(actor("USA"), actor("RUS"), "190"), event(actor("USA"), actor("RUS"), "190")]
    result, miss = score(tmp_path, [USA_RUS_190], twice)
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (1, 1, 0)
    assert [e["kind"] for e in miss["errors"]] == ["spurious event"]


def test_matching_is_maximal_not_greedy(tmp_path):
    # The first prediction fits both gold events; greedy matching would strand the second.
    golds = [
        gold_event([gold_actor("USA")], [], "190"),
        gold_event([gold_actor("USA")], [gold_actor("RUS")], "190"),
    ]
    preds = [
        event(actor("USA"), actor("RUS"), "190", confidence=0.9),
        event(actor("USA"), actor("GEO"), "190"),
    ]
    result, _ = score(tmp_path, golds, preds)
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (2, 0, 0)


def test_roles_score_separately_and_null_role_is_dont_care(tmp_path):
    gold = gold_event([gold_actor("USA", "GOV")], [gold_actor("RUS")], "190")
    result, miss = score(
        tmp_path, [gold], [event(actor("USA", role="MIL"), actor("RUS", role="GOV"), "190")]
    )
    assert result.triples.tp == 1
    assert (result.with_roles.tp, result.with_roles.fp, result.with_roles.fn) == (0, 1, 1)
    assert [e["kind"] for e in miss["errors"]] == ["wrong role"]
    result, _ = score(
        tmp_path, [gold], [event(actor("USA", role="GOV"), actor("RUS", role="MIL"), "190")]
    )
    assert result.with_roles.tp == 1


def test_gold_role_suffixes_and_placeholders_are_normalised(tmp_path):
    gold = gold_event([gold_actor("SRB", "CVLalb")], [gold_actor("ISR", "***")], "190")
    result, _ = score(
        tmp_path, [gold], [event(actor("SRB", role="CVL"), actor("ISR", role="GOV"), "190")]
    )
    assert result.with_roles.tp == 1


def test_plover_only_gold_matches_on_plover_type_across_namings(tmp_path):
    demand = gold_event([gold_actor("GBR")], [gold_actor("SDN")], None, plover="DEMAND")
    result, _ = score(
        tmp_path, [demand], [event(actor("GBR"), actor("SDN"), "100", plover="REQUEST")]
    )
    assert result.triples.tp == 1
    fight = gold_event([gold_actor("RUS")], [gold_actor("UKR")], None, plover="FIGHT")
    result, _ = score(
        tmp_path, [fight], [event(actor("RUS"), actor("UKR"), "190", plover="ASSAULT")]
    )
    assert result.triples.tp == 1
    result, _ = score(
        tmp_path, [fight], [event(actor("RUS"), actor("UKR"), "180", plover="ASSAULT")]
    )
    assert result.triples.tp == 0


def test_per_root_figures(tmp_path):
    golds = [USA_RUS_190, gold_event([gold_actor("KAZ")], [gold_actor("BEL")], "042")]
    preds = [event(actor("USA"), actor("RUS"), "190"), event(actor("KAZ"), actor("BEL"), "030")]
    result, _ = score(tmp_path, golds, preds)
    assert result.per_root["19"].tp == 1
    assert (result.per_root["04"].fn, result.per_root["04"].tp) == (1, 0)
    assert (result.per_root["03"].fp, result.per_root["03"].tp) == (1, 0)
    assert result.per_root["19"].f1 == 1.0


def test_plover_only_gold_has_its_own_recall_rows(tmp_path):
    golds = [
        gold_event([gold_actor("GBR")], [gold_actor("SDN")], None, plover="DEMAND"),
        gold_event([gold_actor("PAK")], [gold_actor("IND")], None, plover="THREATEN"),
    ]
    preds = [event(actor("GBR"), actor("SDN"), "100", plover="REQUEST")]
    result, _ = score(tmp_path, golds, preds)
    assert (result.per_plover["DEMAND"].correct, result.per_plover["DEMAND"].total) == (1, 1)
    assert (result.per_plover["THREATEN"].correct, result.per_plover["THREATEN"].total) == (0, 1)
    assert "10" not in result.per_root  # a hit on PLOVER-only gold is not a root-10 hit


def test_date_place_historical_on_matched_events(tmp_path):
    gold = gold_event(
        [gold_actor("KAZ")],
        [gold_actor("BEL")],
        "042",
        date="2021",
        place="Brussels",
        historical=True,
    )
    pred = event(
        actor("KAZ"), actor("BEL"), "042", date="2021-05", place="brussels", historical=True
    )
    result, _ = score(tmp_path, [gold], [pred])
    assert (result.date.value, result.place.value, result.historical.value) == (1.0, 1.0, 1.0)
    pred = event(actor("KAZ"), actor("BEL"), "042", date="2022-10-20", place="Astana")
    result, miss = score(tmp_path, [gold], [pred])
    assert (result.date.value, result.place.value, result.historical.value) == (0.0, 0.0, 0.0)
    assert {e["kind"] for e in miss["errors"]} == {
        "wrong date",
        "wrong place",
        "wrong historical flag",
    }


def test_matching_prefers_the_prediction_with_the_right_place(tmp_path):
    gold = gold_event([gold_actor("KAZ")], [gold_actor("BEL")], "042", place="Brussels")
    preds = [
        event(actor("KAZ"), actor("BEL"), "042", place="Astana"),
        event(actor("KAZ"), actor("BEL"), "042", place="Brussels"),
    ]
    result, _ = score(tmp_path, [gold], preds)
    assert result.place.value == 1.0


def test_empty_gold_event_list_makes_every_prediction_a_false_positive(tmp_path):
    result, _ = score(tmp_path, [], [event(actor("USA"), actor("RUS"), "190")])
    assert (result.triples.tp, result.triples.fp, result.triples.fn) == (0, 1, 0)


def test_gold_country_null_means_unspecified(tmp_path):
    gold = gold_event([gold_actor(None, "LEG")], [gold_actor("USA", "GOV")], "023")
    match = match_document(
        write_gold(tmp_path, [{"id": "d", "text": "t", "events": [gold]}]).records[0].events,
        [event(actor("USA", role="LEG"), actor("USA"), "023")],
    )
    assert match.pairs == {0: 0}


def test_missing_events_key_is_not_scored_for_triples(tmp_path):
    gold = write_gold(tmp_path, [{"id": "d", "text": "t", "labels": {"penta": 2}}])
    scorer = EventScorer()
    assert scorer.add(gold.records[0], [event(actor("USA"), None, "190")]) is None
    assert scorer.result().documents == 0


@pytest.mark.parametrize(
    ("root", "cls"),
    [
        ("01", 0),
        ("02", 0),
        ("03", 1),
        ("05", 1),
        ("06", 2),
        ("08", 2),
        ("09", 3),
        ("13", 3),
        ("16", 3),
        ("14", 4),
        ("15", 4),
        ("17", 4),
        ("20", 4),
    ],
)
def test_penta_of_root(root, cls):
    assert penta_of_root(root) == cls


def test_predicted_penta_uses_the_most_confident_event_and_a_fallback():
    events = [event(None, None, "040", confidence=0.4), event(None, None, "190", confidence=0.8)]
    assert predicted_penta(events) == (4, False)
    assert predicted_penta([]) == (0, True)
    assert predicted_penta([], fallback=3) == (3, True)


def test_penta_macro_f1_on_a_known_confusion():
    gold = [0, 0, 1, 1, 2, 2]
    pred = [0, 1, 1, 1, 2, 0]
    # class 0: P 1/2 R 1/2 F1 .5; class 1: P 2/3 R 1 F1 .8; class 2: P 1 R 1/2 F1 2/3
    assert macro_f1(gold, pred) == pytest.approx((0.5 + 0.8 + 2 / 3) / 3)
    scorer = PentaScorer()
    for g, p in zip(gold, pred, strict=True):
        scorer.add_class(g, p)
    result = scorer.result()
    assert result.accuracy == pytest.approx(4 / 6)
    assert result.confusion[0] == [1, 1, 0, 0, 0]
    assert result.confusion[2] == [1, 0, 1, 0, 0]


def test_penta_scorer_reads_labels_and_counts_fallbacks(tmp_path):
    gold = write_gold(
        tmp_path,
        [
            {"id": "a", "text": "t", "labels": {"penta": 4}},
            {"id": "b", "text": "u", "labels": {"penta": 1}},
        ],
    )
    scorer = PentaScorer()
    assert scorer.add(gold.records[0], [event(None, None, "190")]) is None
    miss = scorer.add(gold.records[1], [])
    assert miss["predicted_penta"] == 0 and miss["no_event"]
    result = scorer.result()
    assert (result.sentences, result.fallback, result.accuracy) == (2, 1, 0.5)


def test_actor_scorer_country_role_and_role_lists():
    scorer = ActorScorer()
    hez = ActorGold(text="Hezbollah", line=1, country="LBN", roles=frozenset({"PTY", "REB"}))
    assert scorer.add(hez, actor("LBN", role="REB")) is None
    miss = scorer.add(
        ActorGold(text="DEA", line=2, country="USA", roles=frozenset({"COP"})),
        actor("USA", role="GOV"),
    )
    assert [e["kind"] for e in miss["errors"]] == ["wrong role"]
    miss = scorer.add(ActorGold(text="Kazahks", line=3, country="KAZ"), actor(None))
    assert [e["kind"] for e in miss["errors"]] == ["no country"]
    scorer.add(ActorGold(text="EU", line=4, country="IGO", igo="EU"), actor(None, igo="EU"))
    result = scorer.result()
    assert (result.country.correct, result.country.total) == (3, 4)
    assert (result.role.correct, result.role.total) == (1, 2)  # role only where gold gives one


def test_same_country_co_actors_are_one_gold_triple() -> None:
    from parley.evaluate.gold import GoldActor, GoldEvent
    from parley.evaluate.matching import expand

    event = GoldEvent(index=0, source=(GoldActor(country="KAZ"),),
                      target=(GoldActor(country="BEL", roles=frozenset({"GOV"})),
                              GoldActor(country="BEL"),
                              GoldActor(country="NLD")),
                      cameo="042")
    pairs = [(t.source.country, t.target.country) for t in expand(event)]
    assert pairs == [("KAZ", "BEL"), ("KAZ", "NLD")]
