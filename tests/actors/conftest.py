"""One real ActorResolver and one real spaCy pipeline for the actors tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from parley.actors import ActorResolver
from parley.nlp import load_pipeline
from parley.records import Mention


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def mentions(resolver: ActorResolver, nlp: Language) -> Callable[..., list[Mention]]:
    """Parse a text with the real model and return its actor mentions."""

    def run(text: str, date: str | None = None) -> list[Mention]:
        return resolver.find_mentions(nlp(text), date=date)

    return run
