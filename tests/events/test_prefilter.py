from parley.events import EventLexicon
from parley.events.prefilter import candidate_text, split_sentences


def test_split_keeps_offsets_and_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. capital. Then it rained.\n\nNew paragraph here"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith met Dr. Jones in the U.S. capital.", "Then it rained.", "New paragraph here"]


def test_candidate_text_blanks_only_sentences_without_triggers() -> None:
    lex = EventLexicon.load()
    text = "The weather was mild and sunny all day.\nFrance condemned the attack on Mali."
    out = candidate_text(text, lex)
    assert len(out) == len(text)
    assert out.endswith("France condemned the attack on Mali.")
    assert out.startswith(" " * len("The weather was mild and sunny all day."))


def test_trigger_forms_are_whole_words() -> None:
    lex = EventLexicon.load()
    assert lex.has_trigger("Rebels attacked the convoy.")
    assert lex.has_trigger("The talks were held in Geneva.")
    assert lex.has_trigger("Protesters staged a sit-in outside the ministry.")
    # Stems inside other words are not triggers: "press" in "president", "beg" in "Begum".
    assert not lex.has_trigger("The president of the club is Begum, more or less than ever.")


def test_conditional_verbs_need_their_object_words() -> None:
    lex = EventLexicon.load()
    assert lex.has_trigger("Iran put its forces on high alert.")
    assert not lex.has_trigger("He put the book on the table.")


def test_obligation_sentences_are_kept() -> None:
    lex = EventLexicon.load()
    assert lex.has_trigger("Russia said Sudan must return the helicopter.")
