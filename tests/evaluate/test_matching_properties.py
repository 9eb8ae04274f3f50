"""Property tests of the one-to-one matching over random small documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.evaluate import EventScorer
from parley.evaluate.gold import GoldActor, GoldEvent, GoldRecord
from parley.evaluate.matching import match_document
from parley.records import Actor, Event

COUNTRIES = st.sampled_from(["USA", "RUS", "KAZ", None])
ROOTS = st.sampled_from(["03", "04", "19"])


@st.composite
def gold_events(draw):
    n = draw(st.integers(0, 4))
    return [
        GoldEvent(
            index=i,
            source=tuple(GoldActor(country=c) for c in draw(st.lists(COUNTRIES, max_size=2))),
            target=tuple(GoldActor(country=c) for c in draw(st.lists(COUNTRIES, max_size=2))),
            cameo=draw(ROOTS) + "0",
            symmetric=draw(st.booleans()),
        )
        for i in range(n)
    ]


@st.composite
def predictions(draw):
    out = []
    for i in range(draw(st.integers(0, 5))):
        src, tgt, root = draw(COUNTRIES), draw(COUNTRIES), draw(ROOTS)
        out.append(
            Event(
                event_id=str(i),
                doc_id="d",
                sentence_index=0,
                char_start=0,
                char_end=1,
                text="x",
                source=Actor(text="s", country=src) if src else None,
                target=Actor(text="t", country=tgt) if tgt else None,
                cameo=root + "0",
                cameo_root=root,
                plover=None,
                quad_class=1,
                goldstein=0.0,
                confidence=draw(st.floats(0, 1)),
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(gold_events(), predictions())
def test_matching_is_one_to_one_valid_and_counts_add_up(golds, preds):
    match = match_document(golds, preds)
    # One-to-one: no prediction used twice, and every pair really matches.
    assert len(set(match.pairs.values())) == len(match.pairs)
    for g, p in match.pairs.items():
        assert match.triples[g].matches(preds[p])
    assert not set(match.pairs.values()) & match.mirrors
    # With roles can only lose matches (the gold here has no roles, so nothing is lost).
    assert len(match.role_pairs) == len(match.pairs)
    # Maximal: no unmatched gold triple could take an unmatched prediction.
    free = set(match.false_positives)
    for g, triple in enumerate(match.triples):
        if g not in match.pairs:
            assert not any(triple.matches(preds[p]) for p in free)
    scorer = EventScorer()
    scorer.add(GoldRecord(id="d", text="x", line=1, events=tuple(golds)), preds)
    result = scorer.result()
    assert result.triples.tp + result.triples.fn == len(match.triples)
    assert result.triples.tp + result.triples.fp + len(match.mirrors) == len(preds)
    assert 0.0 <= result.triples.f1 <= 1.0
