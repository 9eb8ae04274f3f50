"""resolve_text on phrases: countries in every form, titles, people, IGOs, dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.actors import ActorResolver

# One resolver for the property test (hypothesis does not take function-scoped fixtures).
RESOLVER = ActorResolver.load()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kazakhstan", "KAZ"),
        ("the Republic of Kazakhstan", "KAZ"),
        ("Kingdom of Belgium", "BEL"),
        ("Kazakh", "KAZ"),
        ("the Netherlands", "NLD"),
        ("Dutch", "NLD"),
        ("Ivorian", "CIV"),
        ("South Korean", "KOR"),
        ("the U.S.", "USA"),
        ("Britain", "GBR"),
        ("Filipino", "PHL"),
        ("Kyrgyz", "KGZ"),
    ],
)
def test_country_names_and_demonyms(resolver: ActorResolver, text: str, country: str) -> None:
    actor = resolver.resolve_text(text)
    assert actor.country == country
    assert actor.code == country


def test_people_nouns_are_civilians_of_the_country(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("Belgians").code == "BELCVL"
    assert resolver.resolve_text("two Algerians").code == "DZACVL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Astana", "KAZGOV"),
        ("Moscow", "RUSGOV"),
        ("Beijing", "CHNGOV"),
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("Washington", "USAGOV"),
        ("TEHRAN", "IRNGOV"),
    ],
)
def test_capitals_stand_for_governments(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolver.resolve_text(text).code == code


def test_non_capital_city_gives_country_civilians(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Almaty")
    assert (actor.country, actor.role) == ("KAZ", "CVL")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kazakh Foreign Ministry", "KAZGOV"),
        ("Kazakh MFA", "KAZGOV"),
        ("a delegation of the Parliament of the Kingdom of Belgium", "BELLEG"),
        ("the Mongolian parliament", "MNGLEG"),
        ("Serbian Army", "SRBMIL"),
        ("Minsk police", "BLRCOP"),
        ("Chile's Ministry of Mines", "CHLGOV"),
        ("the Georgian Constitutional Court", "GEOJUD"),
        ("Kenyan opposition", "KENOPP"),
        ("Syrian rebels", "SYRREB"),
        ("Nigerian journalists", "NGAMED"),
        ("Turkish protesters", "TURCVL"),
        ("Brazilian senators", "BRALEG"),
        ("Peruvian troops", "PERMIL"),
    ],
)
def test_institutions_and_groups_get_roles(resolver: ActorResolver, text: str, code: str) -> None:
    assert resolver.resolve_text(text).code == code


def test_title_before_name_with_country_after_title(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text(
        "Deputy Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov")
    assert actor.name == "Bakhtiyor Saidov"
    assert actor.title == "Deputy Minister of Foreign Affairs"
    assert (actor.country, actor.role, actor.code) == ("UZB", "GOV", "UZBGOV")


def test_adjective_title_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Armenian Prime Minister Nikol Pashinyan")
    assert (actor.name, actor.title, actor.code) == ("Nikol Pashinyan", "Prime Minister", "ARMGOV")


def test_generic_title_takes_the_role_of_its_institution(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Chairman of the Foreign Affairs Committee of the Polish Sejm")
    assert actor.role == "LEG"
    assert actor.country == "POL"


def test_destination_country_is_not_the_actor(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Russia's ambassador to Poland")
    assert actor.code == "RUSGOV"


def test_context_supplies_the_country(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Defense Minister", context="German")
    assert actor.code == "DEUGOV"


@pytest.mark.parametrize(
    ("text", "igo", "code"),
    [
        ("the European Union", "EU", "IGOEU"),
        ("United Nations", "UN", "IGOUNO"),
        ("NATO", "NATO", "IGONAT"),
        ("the OSCE Parliamentary Assembly", "OSCE PA", "IGOOSCLEG"),
        ("Parliamentary Assembly of the Council of Europe", "PACE", "IGOCOELEG"),
        ("Inter-Parliamentary Union", "IPU", "IGOIPU"),
        ("the Shanghai Cooperation Organisation", "SCO", "IGOSCO"),
        ("World Bank", "WB", "IGOWBK"),
        ("African Union", "AU", "IGOAFU"),
    ],
)
def test_igos(resolver: ActorResolver, text: str, igo: str, code: str) -> None:
    actor = resolver.resolve_text(text)
    assert (actor.igo, actor.code, actor.country) == (igo, code, None)


def test_acronyms_need_capitals_in_running_text(resolver: ActorResolver, mentions) -> None:
    found = mentions("Who told us about it?")
    assert not [m for m in found if m.actor.igo == "WHO" or m.actor.country == "USA"]


def test_known_person_bare_name(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("Sergei Lavrov")
    assert (actor.country, actor.role) == ("RUS", "GOV")
    assert actor.name == "Sergei Lavrov"


def test_date_bounded_roles_former_vs_current(resolver: ActorResolver) -> None:
    # Nazarbayev was president until March 2019; Tokayev has been since.
    assert resolver.resolve_text("Nursultan Nazarbayev", date="2015-06-01").role == "GOV"
    assert resolver.resolve_text("Nursultan Nazarbayev", date="2022-06-01").role == "ELI"
    assert resolver.resolve_text("Kassym-Jomart Tokayev", date="2022-06-01").role == "GOV"
    # Without a date: the role held now, else the last office held (undated news about a
    # former leader is mostly from their time in office), not the undated "former" role.
    assert resolver.resolve_text("Kassym-Jomart Tokayev").role == "GOV"
    assert resolver.resolve_text("Nursultan Nazarbayev").role == "GOV"
    assert resolver.resolve_text("former President Nursultan Nazarbayev").role == "ELI"
    # Kurti was opposition party leader between his two terms as prime minister.
    assert resolver.resolve_text("Albin Kurti", date="2021-01-01").role == "PTY"
    assert resolver.resolve_text("Albin Kurti", date="2021-10-01").role == "GOV"


def test_former_title_means_elite(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("former Prime Minister Tony Blair")
    assert (actor.country, actor.role) == ("GBR", "ELI")


def test_phoenix_people_resolve(resolver: ActorResolver) -> None:
    # From the Phoenix dictionary (ends 2014), not from Parley's own table.
    actor = resolver.resolve_text("Karim Masimov", date="2010-01-01")
    assert (actor.country, actor.role) == ("KAZ", "GOV")


def test_misspelt_demonym(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("Uzbeks").country == "UZB"
    assert resolver.resolve_text("Uzbkes").country == "UZB"


def test_unknown_phrase_gives_empty_actor(resolver: ActorResolver) -> None:
    actor = resolver.resolve_text("the weather")
    assert (actor.country, actor.role, actor.code, actor.igo) == (None, None, None, None)
    assert actor.text == "the weather"


@pytest.mark.parametrize(
    ("text", "code"),
    [("the Knesset", "ISRLEG"), ("the Taoiseach", "IRLGOV"), ("the Sejm", "POLLEG"),
     ("the Bundestag", "DEULEG")],
)
def test_national_institutions_name_their_country(resolver: ActorResolver, text: str,
                                                  code: str) -> None:
    assert resolver.resolve_text(text).code == code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_resolve_text_never_fails(text: str) -> None:
    actor = RESOLVER.resolve_text(text)
    assert actor.text == text.strip()
    if actor.igo:
        assert actor.country is None and actor.code
    elif actor.code:
        assert actor.code == (actor.country or "") + (actor.role or "")


def test_un_envoys_act_for_the_un_in_their_term(resolver: ActorResolver) -> None:
    envoy = resolver.resolve_text("Hans Grundberg", date="2023-05-01")
    assert (envoy.igo, envoy.role, envoy.country) == ("UN", "GOV", None)
    pedersen = resolver.resolve_text("Geir Pedersen", date="2020-02-01")
    assert pedersen.igo == "UN"
