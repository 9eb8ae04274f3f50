"""Actor resolution: who is named in an article, as CAMEO-coded Actor records.

`ActorResolver.load(extra_files)` reads the packaged lexicons (see data/README.md, which also
documents the TSV format of a user's own dictionary) once; `find_mentions(doc)` and
`find_places(doc)` read a parsed spaCy Doc, `resolve_text(text)` a bare actor phrase.
"""

from parley.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
