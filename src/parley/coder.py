"""The Coder: heavy state (spaCy, actor lexicons, event patterns) loaded once and passed in.

`code_article(article, coder)` in parley.events is the one per-document function that the CLI,
the HTTP API and the Spark job all call.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley import __version__
from parley.nlp.pipeline import DEFAULT_MODEL, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

CODER_VERSION = __version__  # the package version; Coder.version adds the data fingerprint


def data_dirs() -> tuple[Path, ...]:
    """The package's lexicon data folders: event patterns and actor dictionaries."""
    import parley.actors
    import parley.events

    return tuple(Path(m.__file__).parent / "data" for m in (parley.events, parley.actors))


def data_fingerprint(dirs: tuple[Path, ...], extra_files: tuple[Path, ...] = ()) -> str:
    """A short sha256 over every file in `dirs` (sorted by path) and `extra_files`."""
    h = hashlib.sha256()
    for d in dirs:
        for path in sorted(p for p in d.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            h.update(f"{d.name}/{path.relative_to(d).as_posix()}\0".encode())
            h.update(path.read_bytes())
            h.update(b"\0")
    for path in extra_files:
        h.update(f"extra/{path.name}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def coder_version(dirs: tuple[Path, ...] | None = None, extra_files: tuple[Path, ...] = ()
                  ) -> str:
    """Package version + data fingerprint: any pattern or lexicon change re-codes articles."""
    return f"{CODER_VERSION}+{data_fingerprint(data_dirs() if dirs is None else dirs, extra_files)}"


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
        from parley.events.paragraphs import add_paragraph_breaks

        nlp = add_paragraph_breaks(load_pipeline(model))
        actors = ActorResolver.load(extra_files=actor_files)
        events = EventLexicon.load()
        return cls(nlp=nlp, actors=actors, events=events, options=dict(options),
                   version=coder_version(extra_files=tuple(actor_files)))
