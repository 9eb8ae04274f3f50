"""Dates resolve against the publication date in the direction the tense points."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.events.context import resolve_date

TUE = dt.date(2023, 2, 14)  # a Tuesday


@pytest.mark.parametrize(("text", "planned", "date", "precision"), [
    ("on Monday", False, "2023-02-13", "day"),
    ("Monday", False, "2023-02-13", "day"),
    ("Monday morning", False, "2023-02-13", "day"),
    ("late Monday", True, "2023-02-20", "day"),
    ("Sunday", False, "2023-02-12", "day"),
    ("Tuesday", False, "2023-02-14", "day"),
    ("on Monday", True, "2023-02-20", "day"),
    ("Friday", True, "2023-02-17", "day"),
    ("last Monday", True, "2023-02-13", "day"),  # "last" is past whatever the tense
    ("next Monday", False, "2023-02-20", "day"),
    ("yesterday", False, "2023-02-13", "day"),
    ("tonight", True, "2023-02-14", "day"),
    ("Feb. 10", False, "2023-02-10", "day"),
    ("10 February", False, "2023-02-10", "day"),
    ("February 10, 2022", False, "2022-02-10", "day"),
    ("Dec. 28", False, "2022-12-28", "day"),  # last December, not next
    ("March 3", True, "2023-03-03", "day"),
    ("in March", False, "2022-03", "month"),
    ("in March", True, "2023-03", "month"),
    ("January", False, "2023-01", "month"),
    ("in 2021", False, "2021", "year"),
    ("last year", False, "2022", "year"),
    ("next month", True, "2023-03", "month"),
])
def test_resolve_date(text: str, planned: bool, date: str, precision: str) -> None:
    w = resolve_date(text, TUE, planned=planned)
    assert w is not None and (w.date, w.precision) == (date, precision)


def test_dateparser_fallback_still_resolves_other_forms() -> None:
    w = resolve_date("two days ago", TUE)
    assert w is not None and w.date == "2023-02-12"


def test_past_reporting_resolves_weekday_backwards(code) -> None:
    text = "The Kenyan president visited Uganda on Monday."
    events = code(text, published="2023-02-14")
    assert events and all(e.date == "2023-02-13" for e in events)


def test_future_tense_resolves_weekday_forwards(code) -> None:
    events = code("The Kenyan president will visit Uganda on Monday.", published="2023-02-14")
    assert events and all(e.date == "2023-02-20" and e.planned for e in events)


def test_date_of_the_agreement_not_of_the_planned_event(code) -> None:
    # The date hangs from "agreed" (past), though the coded event is the planned talks.
    events = code("Chile and Peru agreed on Monday to hold talks.", published="2023-02-14")
    assert events and all(e.date == "2023-02-13" for e in events)


def test_said_on_friday_it_would(code) -> None:
    before = code("Iran said on Friday it would meet Iraq.", published="2023-02-14")
    after = code("Iran said it would meet Iraq on Friday.", published="2023-02-14")
    assert before and all(e.date == "2023-02-10" for e in before)
    assert after and all(e.date == "2023-02-17" for e in after)


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("last week", "2023-02", "month"),  # the protocol: vague spans give the month
    ("earlier this month", "2023-02", "month"),
    ("this week", "2023-02", "month"),
    ("nearly two years ago", "2021", "year"),
    ("three months ago", "2022-11", "month"),
    ("24-25 January", "2023-01-24", "day"),  # a multi-day event gets its start date
    ("January 29-30", "2023-01-29", "day"),
])
def test_protocol_date_forms(text: str, date: str, precision: str) -> None:
    w = resolve_date(text, TUE)
    assert w is not None and (w.date, w.precision) == (date, precision)


@pytest.mark.parametrize("text", ["48", "19", "100", "250000"])
def test_ages_and_counts_are_not_dates(text: str) -> None:
    assert resolve_date(text, TUE) is None


def test_year_naming_a_thing_is_not_the_date(code) -> None:
    events = code("Russia criticised Ukraine over the 1997 friendship treaty on Monday.",
                  published="2022-03-02")
    crit = [e for e in events if e.cameo_root == "11"]
    assert crit and crit[0].date == "2022-02-28" and not crit[0].historical


def test_unplanned_date_after_publication_is_dropped(code) -> None:
    events = code("Germany criticised Poland on 20 March 2023.", published="2022-03-02")
    crit = [e for e in events if e.cameo_root == "11"]
    assert crit and not (crit[0].date or "").startswith("2023")


def test_event_under_a_pluperfect_is_historical(code) -> None:
    events = code("Syria had threatened to boycott the talks with Turkey.",
                  published="2017-11-28")
    assert events and all(e.historical for e in events)


def test_a_recent_date_outweighs_a_pluperfect(code) -> None:
    text = ("The talks received a boost on Tuesday when Russia announced it had postponed "
            "its conference with Turkey.")
    events = code(text, published="2017-12-01")
    assert events and not any(e.historical for e in events)
