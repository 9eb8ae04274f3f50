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
