"""Transnational actors keep their own code: no country is guessed for them from the sentence."""

import pytest


@pytest.mark.parametrize(
    ("text", "cameo_root", "target_code"),
    [
        ("Islamic State militants attacked Syrian troops near Raqqa on Monday.", "19", "SYRMIL"),
        ("Al-Qaeda fighters kidnapped two Malian soldiers near Gao.", "18", "MLIMIL"),
    ],
)
def test_militant_group_is_not_given_the_sentences_country(
    code, text: str, cameo_root: str, target_code: str
) -> None:
    events = [e for e in code(text) if e.cameo_root == cameo_root]
    assert events, "the attack is coded"
    event = events[0]
    assert event.source is not None
    assert event.source.code == "IMGREB"
    assert event.source.country is None
    assert "sentence-country" not in (event.source.rule or "")
    assert event.target is not None and event.target.code == target_code
