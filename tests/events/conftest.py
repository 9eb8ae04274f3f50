"""One real Coder (spaCy model, ActorResolver, EventLexicon) for the whole events test run."""

from __future__ import annotations

import pytest

from parley.coder import Coder
from parley.events import code_article
from parley.records import Article, Event


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.load()


@pytest.fixture(scope="session")
def code(coder: Coder):
    """Code one text (published 2024-05-02, a Thursday, unless told otherwise)."""

    def run(text: str, published: str | None = "2024-05-02", doc_id: str = "t") -> list[Event]:
        return code_article(Article(id=doc_id, text=text, published=published), coder)

    return run
