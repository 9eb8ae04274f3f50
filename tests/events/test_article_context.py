"""What the rest of the article tells about an event: the country unnamed state and armed
actors belong to, armed groups named by an ethnic adjective, and where the event happened."""

from __future__ import annotations

from parley.actors.ethnic import ethnic_countries, ethnic_country

SYRIA_LEAD = (
    "Syria's war entered a new phase on Sunday. Syrian officials in Damascus said the "
    "offensive would go on. The Syrian army has lost ground this year. "
)


def _pairs(events):
    return {(e.source.code if e.source else None, e.target.code if e.target else None,
             e.cameo_root) for e in events}


def test_unnamed_forces_take_the_country_the_article_is_about(code) -> None:
    events = code(SYRIA_LEAD + "Government forces shelled the rebels on Monday.")
    assert ("SYRMIL", "SYRREB", "19") in _pairs(events)
    shelling = next(e for e in events if e.cameo_root == "19")
    assert "article-country" in (shelling.source.rule or "")


def test_unnamed_forces_stay_without_country_when_no_country_stands_out(code) -> None:
    events = code("Government forces shelled the rebels on Monday.")
    assert not any(e.source and e.source.country for e in events)


def test_ethnic_armed_group_takes_a_country_the_article_names(code) -> None:
    events = code(SYRIA_LEAD + "Turkish troops attacked Kurdish fighters on Monday.")
    assert ("TURMIL", "SYRREB", "19") in _pairs(events)


def test_ethnic_group_without_its_country_in_the_article_stays_uncoded(code) -> None:
    events = code("Spanish police arrested Kurdish fighters in Madrid on Monday.")
    assert not any(e.target and e.target.code == "SYRREB" for e in events)


def test_ethnic_table_lists_countries_in_order() -> None:
    table = ethnic_countries()
    assert table["kurdish"][0] == "SYR"
    assert ethnic_country("Kurdish", {"IRQ": 2, "USA": 5}) == "IRQ"
    assert ethnic_country("Kurdish", {"USA": 5}) is None
    assert ethnic_country("Martian", {"SYR": 5}) is None


def test_place_the_gazetteer_lacks_is_taken_from_the_parse(code) -> None:
    events = code("Turkish troops shelled Kurdish fighters in Afrin on Monday, Syrian "
                  "officials said.", published="2018-01-25")
    shelling = [e for e in events if e.cameo_root == "19"]
    assert shelling and shelling[0].place is not None
    assert shelling[0].place.name == "Afrin"


def test_direction_word_stays_with_the_place(code) -> None:
    events = code("Russian jets bombed rebel positions in northern Syria on Monday.",
                  published="2018-01-25")
    bombing = [e for e in events if e.cameo_root == "19"]
    assert bombing and bombing[0].place is not None
    assert bombing[0].place.name == "northern Syria"
    assert bombing[0].place.country == "SYR"


def test_statement_takes_no_bystander_as_target(code) -> None:
    events = code("The Bangladeshi foreign ministry confirmed that the British woman was "
                  "not a citizen.")
    assert not [e for e in events if e.cameo == "010"]


def test_releasing_a_video_is_not_releasing_prisoners(code) -> None:
    events = code("The Syrian government released a video of the Turkish soldiers on "
                  "Monday.")
    assert not [e for e in events if e.cameo_root == "08"]


def test_passive_sentence_has_the_court_of_the_place_as_source(code) -> None:
    events = code("A British soldier has been jailed for eight years in Turkey.",
                  published="2018-09-15")
    jailing = [e for e in events if e.cameo_root == "17"]
    assert jailing, "the jailing is coded"
    assert jailing[0].source.code == "TURJUD"
    assert jailing[0].source_span is None  # an implied actor has no text
    assert jailing[0].target.country == "GBR"


def test_passive_sentence_without_place_or_focus_has_no_source(code) -> None:
    events = code("A British soldier has been jailed for eight years.")
    assert not [e for e in events if e.cameo_root == "17" and e.source is not None]


def test_support_for_a_militia_is_military_aid(code) -> None:
    events = code("The United States armed the Kurdish militia in Syria, Syrian officials "
                  "said.")
    assert any(e.cameo == "072" and e.source.country == "USA" for e in events)


def test_seizing_a_town_from_an_uncodable_group_is_coded_with_its_place(code) -> None:
    events = code("The Syrian army recaptured the town of Palmyra from Islamic State on "
                  "Sunday.", published="2017-03-03")
    seized = [e for e in events if e.cameo == "192"]
    assert seized and seized[0].source.code == "SYRMIL"
    assert seized[0].target is None or seized[0].target.country is None
    assert seized[0].place is not None and seized[0].place.name == "Palmyra"


def test_refusing_to_negotiate_is_a_rejection_of_talks(code) -> None:
    events = code("The Syrian government refused to negotiate with the Syrian opposition on "
                  "Monday.", published="2017-12-14")
    assert [e.cameo for e in events] == ["125"]
    assert events[0].source.code == "SYRGOV" and events[0].target.code == "SYROPP"


def test_finite_adverbial_clause_reports_its_own_act(code) -> None:
    events = code("Scores of Russian fighters were killed when US forces carried out air "
                  "strikes against Syrian government troops.", published="2018-02-13")
    assert any(e.cameo_root == "19" and e.source.country == "USA"
               and e.target.country == "SYR" for e in events)


def test_relative_clause_description_is_not_an_act(code) -> None:
    events = code("Matthews, who joined Kurdish forces that fought the Syrian army, arrived "
                  "in London.", published="2018-02-14")
    assert not [e for e in events if e.cameo_root == "19"]


def test_no_interest_is_no_intent(code) -> None:
    events = code("The US government has shown no interest in talks with Iran.",
                  published="2019-02-18")
    assert not [e for e in events if e.cameo_root == "03"]


def test_wanting_to_go_home_is_not_an_appeal(code) -> None:
    events = code("The British woman said she wanted to return to the United Kingdom.",
                  published="2019-02-18")
    assert not [e for e in events if e.cameo_root == "02"]


def test_country_adjective_of_seized_towns_is_not_the_target(code) -> None:
    events = code("Turkish-backed Syrian rebels reclaimed northern Syrian towns on Sunday.",
                  published="2017-11-09")
    seized = [e for e in events if e.cameo == "192"]
    assert seized and seized[0].source.code == "SYRREB" and seized[0].target is None


def test_pronoun_is_the_person_the_article_is_about(code) -> None:
    text = ("The Turkish president, Recep Tayyip Erdoğan, met British officials in London "
            "on Monday. Erdoğan met the prime minister. Offering himself as a mediator, he "
            "also criticised Israel.")
    events = code(text, published="2018-05-14")
    assert any(e.cameo_root == "11" and e.source.code == "TURGOV"
               and e.target.country == "ISR" for e in events)


def test_pronoun_without_a_recurring_person_stays_unresolved(code) -> None:
    events = code("Officials met on Monday. He also criticised Israel.", published="2018-05-14")
    assert not [e for e in events if e.cameo_root == "11"]


def test_a_country_does_not_meet_its_own_ministers(code) -> None:
    events = code("Russia and Turkey, whose foreign ministers met on Saturday in Moscow, "
                  "negotiated a deal.", published="2018-12-30")
    meetings = [e for e in events if e.cameo_root == "04"]
    assert meetings
    assert not [e for e in meetings if e.source.country == e.target.country]


def test_holding_talks_with_officials_is_not_an_arrest(code) -> None:
    events = code("The US national security adviser held tense talks with Turkish officials "
                  "in Ankara on Tuesday.", published="2019-01-08")
    assert not [e for e in events if e.cameo_root == "17"]
    assert any(e.cameo_root == "04" for e in events)


def test_a_verbal_act_takes_no_place_as_its_target(code) -> None:
    # Whoever bombed Aleppo is not named: Syria is not the target of the condemnation.
    events = code("The Turkish government condemned the bombing in Aleppo on Monday.",
                  published="2018-12-21")
    assert not [e for e in events if e.cameo_root == "11" and e.target is not None]


def test_honouring_obligations_is_not_praise(code) -> None:
    events = code("The UK has been urged to honour its obligations to Syrian children.",
                  published="2019-03-13")
    assert not [e for e in events if e.cameo_root == "05"]


def test_an_appeal_is_addressed_to_the_verbs_own_object(code) -> None:
    # Iraq is where the protests were, not whom Iran appealed to.
    events = code("Iran appealed for calm after the Iraqi protests.", published="2019-10-02")
    assert not [e for e in events if e.cameo_root == "02"]
