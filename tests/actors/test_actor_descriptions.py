"""Descriptions in the article win: an unknown name in apposition with a described office
takes that country and role, and later bare mentions of the name follow it."""

from __future__ import annotations

import pytest


def _by_text(mentions):
    return {m.text: m.actor for m in mentions}


@pytest.mark.parametrize("text", [
    "Diego Molano, the Colombian defence minister, met the envoy. Molano said the talks "
    "went well.",
    "The Colombian defence minister, Diego Molano, met the envoy. Molano said the talks "
    "went well.",
])
def test_apposed_description_binds_the_name_and_its_later_mentions(mentions, text) -> None:
    found = _by_text(mentions(text, date="2021-05-04"))
    named = next(a for t, a in found.items() if "Diego Molano" in t)
    assert named.code == "COLGOV" and named.name and "Molano" in named.name
    assert found["Molano"].code == "COLGOV"


def test_description_after_the_name_is_recorded_in_the_rule(mentions) -> None:
    found = _by_text(mentions("Diego Molano, the Colombian defence minister, met the envoy.",
                              date="2021-05-04"))
    assert found["Diego Molano"].rule.startswith("desc:")


def test_a_name_without_description_stays_without_country(mentions) -> None:
    found = _by_text(mentions("Diego Molano met the envoy. Molano said the talks went well.",
                              date="2021-05-04"))
    assert found["Diego Molano"].country is None
    assert found["Molano"].country is None


def test_nationality_of_the_apposed_noun_binds_the_name(mentions) -> None:
    found = _by_text(mentions("Her Dutch husband, Yago Riedijk, said he wanted to return. "
                              "Riedijk is being held in Syria.", date="2019-03-06"))
    assert found["Riedijk"].country == "NLD"
    assert found["Riedijk"].rule == "desc:nationality"


def test_description_overrides_a_dictionary_row_of_the_same_name(mentions) -> None:
    # A dictionary row for someone else of this name must not beat what the article says.
    found = _by_text(mentions("A British engineer, John Smith, was killed in Syria. Smith "
                              "had worked there.", date="2018-06-20"))
    assert found["John Smith"].country == "GBR"
    assert found["Smith"].country == "GBR"
