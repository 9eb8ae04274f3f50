"""Known actor-resolution misses reported by the event coder: one real sentence per fix."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.actors import ActorResolver
from parley.records import Mention


def _codes(found: list[Mention]) -> dict[str, str | None]:
    return {m.text: m.actor.code for m in found}


# 1. An explicit country in the phrase beats a title's default country.
def test_plural_possessive_country_beats_title_default(
        mentions: Callable[..., list[Mention]]) -> None:
    codes = _codes(mentions("The Bahamas' Foreign Secretary flew to Havana on Friday."))
    assert codes.get("The Bahamas' Foreign Secretary") == "BHSGOV"
    assert "GBRGOV" not in codes.values()


def test_bare_foreign_secretary_keeps_its_default(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("the Foreign Secretary").code == "GBRGOV"
    assert resolver.resolve_text("Kenya's Foreign Secretary").code == "KENGOV"


# 2. The Taliban: dated roles, and distinct from the Afghan government in undated text.
def test_taliban_dated_roles(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("the Taliban", date="2010-06-01").code == "AFGREB"
    assert resolver.resolve_text("the Taliban", date="2022-06-01").code == "AFGGOV"


def test_undated_taliban_stays_distinct_from_afghan_government(
        mentions: Callable[..., list[Mention]]) -> None:
    found = mentions("Kabul's president refused to negotiate with the Taliban.")
    codes = _codes(found)
    assert codes.get("the Taliban") == "AFGREB"
    assert "AFGGOV" in codes.values()


def test_undated_taliban_alone_is_the_current_government(
        mentions: Callable[..., list[Mention]]) -> None:
    assert _codes(mentions("The Taliban banned music in public."))["The Taliban"] == "AFGGOV"


# 3. Odd-case country forms.
@pytest.mark.parametrize(("text", "code"), [("a tunisian delegation", "TUN"),
                                            ("iSrael", "ISR"), ("ISRAELI officials", "ISR")])
def test_odd_case_country_forms(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolver.resolve_text(text).country == code


def test_lowercase_country_forms_in_running_text(mentions: Callable[..., list[Mention]]) -> None:
    codes = _codes(mentions("Yesterday a moroccan envoy said iRan had erred."))
    assert codes.get("a moroccan envoy") == "MARGOV"
    assert codes.get("iRan") == "IRN"


def test_common_words_are_not_lowercase_countries(mentions: Callable[..., list[Mention]]) -> None:
    found = mentions("We ate turkey with polish sausages and a chad of paper, said Maria.")
    assert not [m for m in found if m.actor.country in ("TUR", "POL", "TCD")]


# 4. An IGO title wins over a known person's nationality.
@pytest.mark.parametrize("text", ["UN envoy Diego Cordovez visited Islamabad.",
                                  "Diego Cordovez, the UN envoy, visited Islamabad."])
def test_igo_title_beats_person_nationality(mentions: Callable[..., list[Mention]],
                                            text: str) -> None:
    person = [m for m in mentions(text, date="1987-03-01") if "Cordovez" in m.text]
    assert person and person[0].actor.igo == "UN"
    assert person[0].actor.country is None


# 5. Agencies with their country and role.
@pytest.mark.parametrize(("text", "code"), [
    ("DHS", "USAGOV"), ("CBP", "USACOP"), ("ICE agents", "USACOP"), ("USAID", "USAGOV"),
    ("FEMA", "USAGOV"), ("the FBI", "USACOP"), ("the CIA", "USASPY"), ("the NSA", "USASPY"),
    ("the DEA", "USACOP"), ("the Pentagon", "USAMIL"), ("the State Department", "USAGOV"),
    ("the Home Office", "GBRGOV"), ("the Foreign Office", "GBRGOV"),
    ("the Bundeswehr", "DEUMIL"), ("Mossad", "ISRSPY"), ("the FSB", "RUSSPY"),
    ("the GRU", "RUSSPY"), ("the SVR", "RUSSPY"), ("Pakistan's ISI", "PAKSPY"),
    ("MI6", "GBRSPY"), ("Shin Bet", "ISRSPY"), ("the Red Cross", "NGO"), ("ICRC", "NGO"),
])
def test_agencies(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolver.resolve_text(text).code == code


def test_lowercase_ice_is_not_an_agency(mentions: Callable[..., list[Mention]]) -> None:
    found = mentions("Thick ice covered the roads, officials in Oslo said.")
    assert not [m for m in found if m.actor.code == "USACOP"]


def test_dated_movement_in_running_text_is_an_organisation(
        mentions: Callable[..., list[Mention]]) -> None:
    found = mentions("The Taliban ambushed a convoy near Kandahar.", date="2009-07-01")
    taliban = [m for m in found if m.text == "The Taliban"]
    assert taliban and taliban[0].actor.code == "AFGREB"
    assert taliban[0].kind == "organisation"


@pytest.mark.parametrize(("text", "date", "code"), [
    ("the Pakistani Taliban", None, "PAKREB"), ("the Houthis", None, "YEMREB"),
    ("Ansar Allah", None, "YEMREB"), ("M23", None, "CODREB"),
    ("Tehreek-e-Taliban Pakistan", "2014-06-01", "PAKREB"),
])
def test_insurgent_movements(resolver: ActorResolver, text: str, date: str | None,
                             code: str) -> None:
    assert resolver.resolve_text(text, date=date).code == code
