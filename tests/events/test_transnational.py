"""Transnational actors keep their own code: no country is guessed for them from the sentence,
and an act they commit is not coded (the protocol codes acts of actors with a country)."""

import pytest


@pytest.mark.parametrize(
    ("text", "cameo_root", "source_code"),
    [
        ("Syrian troops attacked Islamic State militants near Raqqa on Monday.", "19", "SYRMIL"),
        ("Iraqi forces shelled Islamic State positions near Mosul.", "19", "IRQMIL"),
    ],
)
def test_militant_group_is_not_given_the_sentences_country(
    code, text: str, cameo_root: str, source_code: str
) -> None:
    events = [e for e in code(text) if e.cameo_root == cameo_root]
    assert events, "the attack is coded"
    event = events[0]
    assert event.source is not None and event.source.code == source_code
    assert event.target is not None
    assert event.target.code == "IMGREB"
    assert event.target.country is None
    assert "country" not in (event.target.rule or "").split("+events:")[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State militants attacked Syrian troops near Raqqa on Monday.",
        "Al-Qaeda fighters kidnapped two Malian soldiers near Gao.",
    ],
)
def test_act_of_an_actor_without_country_is_not_coded(code, text: str) -> None:
    assert [e for e in code(text) if e.source is not None] == []
