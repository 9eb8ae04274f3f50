from parley.events import Codebook, EventLexicon
from parley.events.codebook import quad_class


def test_codebook_names_goldstein_plover_quadclass() -> None:
    cb = Codebook.load()
    assert len(cb) > 300
    host = cb.get("043")
    assert host.name == "Host a visit"
    assert host.goldstein == 2.8
    assert host.plover == "CONSULT"
    assert host.quad_class == 1
    assert cb.get("190").quad_class == 4
    assert cb.get("0311").plover == "AGREE"
    assert cb.get("173").plover == "COERCE"


def test_quad_class_by_root() -> None:
    assert [quad_class(f"{r:02d}") for r in (1, 5, 6, 8, 9, 13, 14, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_lexicon_topics_and_frameworks() -> None:
    lex = EventLexicon.load()
    text = "cooperation in trade, investment, energy and transport within the framework of the UN"
    assert lex.find_topics(text) == ["trade", "investment", "energy", "transportation"]
    assert lex.find_frameworks(text) == ["UN"]
    # "un" inside a word or lower case is not the UN.
    assert lex.find_frameworks("an unusual union of funds") == []
    assert lex.find_frameworks("the OSCE Parliamentary Assembly met") == ["OSCE PA"]
