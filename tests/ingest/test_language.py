from parley.ingest.language import detect_language, foreign_language, plainly_english

from .conftest import ENGLISH, ENGLISH_2, GERMAN

FRENCH = (
    "Les ministres des affaires étrangères de l'Autriche et de la Hongrie se sont rencontrés "
    "mardi à Vienne pour discuter de la sécurité énergétique."
)
RUSSIAN = "Министры иностранных дел Австрии и Венгрии встретились во вторник в Вене."


def test_foreign_texts_are_named() -> None:
    assert foreign_language(GERMAN, {"en"}) == "de"
    assert foreign_language(FRENCH, {"en"}) == "fr"
    assert foreign_language(RUSSIAN, {"en"}) == "ru"


def test_english_passes() -> None:
    assert foreign_language(ENGLISH, {"en"}) is None
    assert foreign_language(ENGLISH + " " + ENGLISH_2, {"en"}) is None


def test_short_headline_style_english_passes_the_model() -> None:
    # Too few words for the function-word shortcut: the model decides, and must not reject.
    text = "Nigerian army deploys troops to Borno after rebel attacks on villages."
    assert not plainly_english(text)
    assert foreign_language(text, {"en"}) is None


def test_short_texts_are_not_judged() -> None:
    assert foreign_language("Guten Tag, Wien.", {"en"}) is None


def test_other_accepted_languages() -> None:
    assert foreign_language(GERMAN, {"en", "de"}) is None
    assert foreign_language(ENGLISH, {"de"}) == "en"


def test_shortcut_agrees_with_the_model() -> None:
    english = " ".join([ENGLISH, ENGLISH_2])
    assert plainly_english(english)
    assert detect_language(english)[0] == "en"
    assert not plainly_english(GERMAN)
