"""A statement that judges someone is criticism (111) of them; one that reports an act is not."""

from __future__ import annotations


def _crit(events):
    return {(e.source.country, e.target.country) for e in events
            if e.cameo == "111" and e.source and e.target}


def test_a_judgement_of_someones_words_criticises_their_owner(code) -> None:
    events = code("Iraq's deputy speaker of parliament said Trump's latest comments were a "
                  "blatant violation of sovereignty.")
    assert _crit(events) == {("IRQ", "USA")}


def test_a_judgement_of_a_country_criticises_it(code) -> None:
    assert _crit(code("Trump said Iran was a real problem.")) == {("USA", "IRN")}


def test_no_judgement_no_criticism(code) -> None:
    assert not _crit(code("Trump said Iran was a large country."))
    # A judgement of a thing ("it") has no target, and a reported act is coded as the act.
    assert not _crit(code("The ministers urged Turkey to stay away, saying it would be a "
                          "dangerous departure."))
    events = code("Russia said Turkey had attacked a dangerous Kurdish militia in Syria.")
    assert not [e for e in events if e.rule == "v.say.criticism"]


def test_a_deep_word_is_not_the_judgement(code) -> None:
    text = ("Salaheddine Sidhoum, Algeria's leading activist, staged a hunger strike in "
            "protest against human rights violations by Algerian forces, his lawyer said.")
    assert not [e for e in code(text) if e.rule == "v.say.criticism"]


def test_disappointment_at_an_act_criticises_who_did_it(code) -> None:
    events = code("The Australian foreign minister said: “We are disappointed that the Turkish "
                  "court has rejected the request to extradite him to Australia.”")
    assert ("AUS", "TUR") in _crit(events)
