"""Paragraph breaks are hard sentence boundaries; possessive country + title is an actor."""

from __future__ import annotations

import pytest

from parley.events.prefilter import split_sentences

TITLE = "Ministers of Chile and Peru discuss trade ties\n\n"
BODY = "Chile's Foreign Minister met Peru's Foreign Minister in Lima on Monday."


def test_doc_sentences_break_at_blank_lines(coder) -> None:
    doc = coder.nlp(TITLE + BODY)
    starts = {s.start_char for s in doc.sents}
    assert len(TITLE) in starts
    assert all("\n\n" not in s.text.strip() for s in doc.sents)


def test_cheap_splitter_breaks_at_blank_lines() -> None:
    text = TITLE + BODY
    assert [text[s:e] for s, e in split_sentences(text)] == [TITLE.strip(), BODY]


@pytest.mark.parametrize("prefilter", [True, False])
def test_evidence_is_the_paragraph_sentence_only(coder, prefilter) -> None:
    from parley.events import code_article
    from parley.records import Article

    old = coder.options.get("prefilter", True)
    coder.options["prefilter"] = prefilter
    try:
        article = Article(id="p", text=TITLE + BODY, published="2023-02-14")
        events = code_article(article, coder)
    finally:
        coder.options["prefilter"] = old
    assert events
    for e in events:
        assert e.text == BODY
        assert article.text[e.char_start:e.char_end] == e.text
        assert e.sentence_index == 1


@pytest.mark.parametrize(("text", "src", "tgt"), [
    ("Kazakhstan's Foreign Minister met Belgium's Foreign Minister on Monday.", "KAZ", "BEL"),
    ("Germany's Foreign Minister met France's Defence Minister on Monday.", "DEU", "FRA"),
    ("Brazil's President met Argentina's President on Monday.", "BRA", "ARG"),
    ("Poland's Foreign Minister criticized Hungary's Prime Minister.", "POL", "HUN"),
])
def test_possessive_country_with_title(code, text: str, src: str, tgt: str) -> None:
    events = code(text, published="2023-02-14")
    assert any(e.source and e.target and (e.source.country, e.target.country) == (src, tgt)
               for e in events), [(e.cameo, e.source, e.target) for e in events]
