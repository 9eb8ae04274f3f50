"""find_mentions on articles parsed by the real spaCy model (sentences written for these tests)."""

from __future__ import annotations

from parley.records import Mention


def by_text(found: list[Mention], text: str) -> list[Mention]:
    return [m for m in found if m.text == text]


def test_hyphenated_adjectives_give_both_countries(mentions) -> None:
    found = mentions("The Uzbek-Turkish partnership grew quickly last year.")
    assert {m.actor.country for m in found} >= {"UZB", "TUR"}
    uzb = next(m for m in found if m.actor.country == "UZB")
    tur = next(m for m in found if m.actor.country == "TUR")
    assert uzb.start_char < tur.start_char


def test_compound_countries_are_separate_mentions(mentions) -> None:
    found = mentions("Talks between Georgia and Armenia resumed on Monday.")
    codes = [m.actor.code for m in found]
    assert codes == ["GEO", "ARM"]


def test_capital_as_subject_is_a_government(mentions) -> None:
    found = mentions("Moscow said the sanctions were illegal.")
    assert found[0].actor.code == "RUSGOV"
    assert found[0].head == 0


def test_capital_after_preposition_is_only_a_place(resolver, nlp, mentions) -> None:
    text = "The ministers met in Ankara on Friday."
    assert not [m for m in mentions(text) if m.actor.country == "TUR"]
    places = resolver.find_places(nlp(text))
    assert [(p.text, p.place.country) for p in places] == [("Ankara", "TUR")]
    assert places[0].place.lat is not None


def test_title_before_name_when_spacy_misses_the_person(mentions) -> None:
    found = mentions(
        "First Deputy Minister of Foreign Affairs of the Kyrgyz Republic Almaz Imangaziev "
        "received the Ambassador of Japan.")
    person = found[0]
    assert person.kind == "person"
    assert person.actor.name == "Almaz Imangaziev"
    assert person.actor.title == "First Deputy Minister of Foreign Affairs"
    assert person.actor.code == "KGZGOV"


def test_name_before_title(mentions) -> None:
    found = mentions(
        "Anna Kowalska, Chair of the Committee on European Affairs of the Polish Sejm, "
        "arrived in Tashkent.")
    person = found[0]
    assert person.actor.name == "Anna Kowalska"
    assert person.actor.title == "Chair of the Committee on European Affairs"
    assert (person.actor.country, person.actor.role) == ("POL", "LEG")


def test_later_mentions_resolve_to_the_antecedent(mentions) -> None:
    found = mentions(
        "Deputy Minister of Foreign Affairs of Mongolia Battsetseg Batmunkh met a delegation "
        "of the Parliament of the Republic of Finland. The Finnish delegation praised the "
        "reforms. Batmunkh thanked the guests. The Deputy Foreign Minister also said the "
        "visit was useful.")
    person = found[0].actor
    assert person.code == "MNGGOV"
    delegation = next(m for m in found if m.text.startswith("a delegation")).actor
    assert delegation.code == "FINLEG"
    assert by_text(found, "The Finnish delegation")[0].actor is delegation
    assert by_text(found, "Batmunkh")[0].actor is person
    assert by_text(found, "The Deputy Foreign Minister")[0].actor is person


def test_the_sides_are_the_main_pair(mentions) -> None:
    found = mentions(
        "Vietnam and Hungary signed a trade deal. Vietnamese officials welcomed Hungary's "
        "offer. The sides agreed to meet again, and both countries praised the talks.")
    groups = [m for m in found if m.kind == "group"]
    assert [m.text for m in groups] == ["The sides", "The sides", "both countries",
                                        "both countries"]
    assert {m.actor.country for m in groups[:2]} == {"VNM", "HUN"}
    assert groups[0].start_char == groups[1].start_char


def test_igos_and_parliamentary_assemblies(mentions) -> None:
    found = mentions(
        "Both delegations cooperate within the NATO and the OSCE parliamentary assemblies "
        "and the European Union.")
    igos = [m.actor.igo for m in found if m.kind == "igo"]
    assert igos == ["NATOPA", "OSCE PA", "EU"]


def test_known_person_with_date(mentions) -> None:
    found = mentions("Angela Merkel visited Paris.", date="2010-05-01")
    assert found[0].actor.code == "DEUGOV"
    found = mentions("Angela Merkel visited Paris.", date="2023-05-01")
    assert found[0].actor.code == "DEUELI"


def test_mentions_are_in_text_order_with_sentence_index(mentions) -> None:
    found = mentions("Ghana protested. Later, Togo and Benin replied.")
    assert [m.actor.country for m in found] == ["GHA", "TGO", "BEN"]
    assert [m.sentence_index for m in found] == [0, 1, 1]
    assert all(m.token_start < m.token_end for m in found)


def test_same_surname_different_people(mentions) -> None:
    found = mentions("President Ilham Aliyev praised Heydar Aliyev. "
                     "Aliyev thanked them.")
    named = {m.text: m.actor for m in found if m.actor.name}
    assert named["President Ilham Aliyev"] is not named["Heydar Aliyev"]
    assert named["Aliyev"] is named["President Ilham Aliyev"]


def test_surname_after_title_finds_known_person(resolver) -> None:
    actor = resolver.resolve_text("President Mugabe", date="2005-01-01")
    assert (actor.name, actor.country, actor.role) == ("Robert Mugabe", "ZWE", "GOV")


def test_second_noun_heads_an_institution(resolver) -> None:
    assert resolver.resolve_text("Algerian government forces").code == "DZAMIL"
    assert resolver.resolve_text("Iranian state television").code == "IRNMED"


def test_title_appositive_name(mentions) -> None:
    found = mentions("The war was started by the president, Bashar al-Assad, in 2011.")
    person = next(m for m in found if m.kind == "person")
    assert person.text == "the president, Bashar al-Assad"
    assert person.actor.code == "SYRGOV"


def test_capital_as_agent_is_a_government(mentions) -> None:
    found = mentions("The proposal was rejected by Tehran.")
    assert [m.actor.code for m in found] == ["IRNGOV"]


def test_capital_as_object_is_a_government_but_not_after_in(mentions) -> None:
    assert [m.actor.code for m in mentions("Nato warned Moscow.")] == ["IGONAT", "RUSGOV"]
    found = mentions("The ministers met in Ankara and Paris.")
    assert not [m for m in found if m.actor.country in ("TUR", "FRA")]


def test_house_style_acronyms(mentions) -> None:
    found = mentions("Nato and Unicef issued a statement. Who decided?")
    assert [m.actor.igo for m in found] == ["NATO", "UNICEF"]


def test_unknown_organisation_from_ner_keeps_its_name(mentions) -> None:
    found = mentions("Acme Widgets Inc. criticised the plan.")
    org = found[0]
    assert (org.kind, org.actor.name, org.actor.code) == ("unknown", "Acme Widgets Inc.", None)
    assert org.actor.country is None


def test_phoenix_agent_nouns(resolver) -> None:
    # Not in Parley's roles.yaml; from Phoenix.agents.txt.
    assert resolver.resolve_text("Colombian sharecroppers").code == "COLAGR"
    assert resolver.resolve_text("the liberation front").role == "REB"


def test_group_member_alias_is_not_the_group_name(mentions) -> None:
    found = mentions("Isis leader Abu Bakr al-Baghdadi was killed. Baghdadi had led the group.")
    leader = found[0].actor
    assert leader.name == "Abu Bakr al-Baghdadi"
    assert leader.role == "REB"
    assert found[1].actor is leader


def test_institution_words_are_not_a_name(mentions) -> None:
    found = mentions("The minister met the co-chair of the Syrian Democratic Council Ilhan Omar.")
    person = next(m.actor for m in found if m.actor.name)
    assert person.name == "Ilhan Omar"
    assert person.country == "SYR"


def test_hyphenated_given_names(mentions) -> None:
    found = mentions("Minister of Foreign Affairs of the Republic of Korea Cho Tae-yul "
                     "received the delegation.")
    assert (found[0].actor.name, found[0].actor.code) == ("Cho Tae-yul", "KORGOV")


def test_to_links_an_office_but_not_two_actors(mentions) -> None:
    found = mentions("A copy sent by a rebel source to the Reuters news agency was read out.")
    texts = [m.text for m in found]
    assert "a rebel source" in texts and "the Reuters news agency" in texts
    envoy = mentions("The Russian ambassador to Turkey said nothing.")
    assert [(m.text, m.actor.code) for m in envoy] == [
        ("The Russian ambassador to Turkey", "RUSGOV")]


def test_a_country_right_after_a_group_word_is_a_new_actor(mentions) -> None:
    found = mentions("The US armed the Kurdish militias Turkey is now battling in Syria.")
    assert [m.actor.country for m in found if m.text.endswith("Turkey")] == ["TUR"]
    assert not [m for m in found if "militias" in m.text and m.actor.country == "TUR"]


def test_the_after_a_title_starts_a_new_phrase(mentions) -> None:
    found = mentions("The president told his counterpart the US would no longer supply arms.")
    assert "the US" in [m.text for m in found]
    assert not [m for m in found if "counterpart the US" in m.text]


def test_the_us_written_as_initials_is_the_country(mentions) -> None:
    found = mentions("The US decision to impose sanctions surprised the UK.")
    assert [(m.text, m.actor.country) for m in found] == [("The US", "USA"), ("the UK", "GBR")]
