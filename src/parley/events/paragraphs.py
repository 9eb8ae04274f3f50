"""A small spaCy component: a blank line (paragraph break) always starts a new sentence.

The parser alone may join a headline to the first paragraph under it; this component runs
before the parser and marks the first token after every "\\n\\n" as a sentence start, which
the parser then respects. Offsets are untouched: it only sets `is_sent_start`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

PIPE_NAME = "parley_paragraphs"


@Language.component(PIPE_NAME)
def mark_paragraphs(doc: Doc) -> Doc:
    """Set is_sent_start on the first token after a blank line."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            # A whitespace token: "\n\n", "\n  \n".
            if tok.text.count("\n") >= 2:
                after_break = True
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = False
    return doc


def add_paragraph_breaks(nlp: Language) -> Language:
    """Add the paragraph component before the parser (once); return the pipeline."""
    if PIPE_NAME not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {}
        nlp.add_pipe(PIPE_NAME, **where)
    return nlp
