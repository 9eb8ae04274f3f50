"""The Coder: heavy state (spaCy, actor lexicons, event patterns) loaded once and passed in.

`code_article(article, coder)` in parley.events is the one per-document function that the CLI,
the HTTP API and the Spark job all call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.nlp.pipeline import DEFAULT_MODEL, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

CODER_VERSION = "0.1.0"


@dataclass(kw_only=True)
class Coder:
    """Everything coding needs, loaded once per process (or once per Spark partition)."""

    nlp: Language
    actors: Any  # parley.actors.ActorResolver
    events: Any = None  # parley.events.EventLexicon (patterns, codebook, topics, frameworks)
    version: str = CODER_VERSION
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        model: str = DEFAULT_MODEL,
        actor_files: tuple[Path, ...] = (),
        **options: Any,
    ) -> Coder:
        """Load the spaCy model, the actor lexicons and the event patterns."""
        from parley.actors import ActorResolver
        from parley.events import EventLexicon

        nlp = load_pipeline(model)
        actors = ActorResolver.load(extra_files=actor_files)
        events = EventLexicon.load()
        return cls(nlp=nlp, actors=actors, events=events, options=dict(options))
