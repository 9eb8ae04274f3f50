"""One act restated later in an article is one event; distinct acts stay distinct."""

from __future__ import annotations


def _crit(events):
    return [e for e in events if e.cameo_root == "11"]


def test_restated_act_is_one_event(code) -> None:
    text = ("Turkey condemned Israel over the raid on Monday. The talks were cancelled. "
            "Ankara also denounced Israel in a statement, the foreign ministry said.")
    events = code(text, published="2023-05-02")
    crit = [e for e in _crit(events) if e.source.country == "TUR"
            and e.target.country == "ISR"]
    assert len(crit) == 1


def test_acts_on_different_dates_stay_two_events(code) -> None:
    text = ("Turkey condemned Israel over the raid on 3 April. Turkey condemned Israel "
            "again on 20 April after a second raid.")
    events = code(text, published="2023-05-02")
    dates = sorted(e.date for e in _crit(events) if e.source.country == "TUR")
    assert dates == ["2023-04-03", "2023-04-20"]


def test_two_officials_criticising_are_two_acts(code) -> None:
    text = ("Iraq's president criticised Donald Trump on Monday. The deputy speaker of "
            "Iraq's parliament, Hassan al-Kaabi, also condemned Trump.")
    events = code(text, published="2023-05-02")
    crit = [e for e in _crit(events) if e.source.country == "IRQ"
            and e.target.country == "USA"]
    assert len(crit) == 2
