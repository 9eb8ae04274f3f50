"""Actor resolution: who is named in an article, as CAMEO-coded Actor records.

`ActorResolver.load(extra_files)` reads the packaged lexicons (see data/README.md, which also
documents the TSV format of a user's own dictionary) once; `find_mentions(doc)` and
`find_places(doc)` read a parsed spaCy Doc, `resolve_text(text)` a bare actor phrase.

`Mention.kind` says what a mention is, and so what its Actor may be used for:

- "country": a country as actor ("Kazakhstan said"); code = country ("KAZ").
- "person": a named or titled person ("President Macron", "the foreign minister").
- "organisation": a body or group ("the Belgian parliament", "rebels", "Amnesty").
- "igo": an international organisation ("the EU"); `Actor.igo` is set, `country` is None.
- "group": one member of the article's main pair ("the sides"); one mention per member.
- "anaphor": a later, shorter mention resolved to an earlier Actor ("Macron", "the minister").
- "unknown": a name spaCy found (PERSON or ORG) that no lexicon knows, with no title or
  country: `code`, `country`, `igo` and `role` are all None. It is a name, never a country.

A role-only mention ("police", "officials") has a role but `country=None`; only a caller that
knows better (the event coder's sentence or source country) may give it one.
"""

from parley.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
