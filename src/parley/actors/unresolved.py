"""The names a corpus mentions that Parley cannot code: what to add to a user dictionary.

A mention is unresolved when it is a name (it has a capitalised word that is not its
determiner) and resolves to no country, no international organisation and no
transnational code: a person or an
organisation spaCy found that no lexicon knows, or a titled person without a country
("special envoy Jane Doe"). Role-only phrases ("police", "officials") are not names and are
left out. Mentions are grouped by their text without a leading "the"; each group keeps its
count, the number of articles it appears in, and its first sentence as an example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from parley.actors.resolver import ActorResolver
    from parley.records import Article, Mention

_KINDS = frozenset({"unknown", "person", "organisation"})
_LEADING = frozenset({"the", "a", "an"})


@dataclass(slots=True)
class Unresolved:
    """One unresolved name, how often the corpus mentions it, and where first."""

    text: str
    kind: str
    count: int = 0
    articles: set[str] = field(default_factory=set)
    example: str = ""
    article_id: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "kind": self.kind, "mentions": self.count,
                "articles": len(self.articles), "example": self.example,
                "article_id": self.article_id}


def is_unresolved(m: Mention) -> bool:
    """Is the mention a name that resolves to no country and no IGO?"""
    a = m.actor
    if a.country or a.igo or a.code or m.kind not in _KINDS:
        return False  # a code without a country is a transnational actor ("Isis": IMGREB)
    words = m.text.split()
    if words and words[0].lower() in _LEADING:
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def key_of(text: str) -> str:
    """The grouping key: the text without a leading article, whitespace normalised."""
    words = text.split()
    if words and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def collect_unresolved(
    articles: Iterable[Article],
    nlp: Language,
    resolver: ActorResolver,
    *,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
) -> list[Unresolved]:
    """Unresolved names of the articles, most mentioned first (ties: most articles)."""
    found: dict[str, Unresolved] = {}
    pairs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True, n_process=n_process,
                     batch_size=batch_size)
    for doc, article in pairs:
        for m in resolver.find_mentions(doc, date=article.published):
            if not is_unresolved(m):
                continue
            key = key_of(m.text)
            entry = found.get(key)
            if entry is None:
                entry = found[key] = Unresolved(text=key, kind=m.kind,
                                                example=_around(doc, m), article_id=article.id)
            entry.count += 1
            entry.articles.add(article.id)
        if progress is not None:
            progress(1)
    return sorted(found.values(), key=lambda u: (-u.count, -len(u.articles), u.text))


def _around(doc: Doc, m: Mention, width: int = 50) -> str:
    """The mention's sentence, cut to about `width` characters either side of it."""
    sent = doc[m.token_start].sent
    text = doc.text
    start = max(sent.start_char, m.start_char - width)
    end = min(sent.end_char, m.end_char + width)
    if start > sent.start_char:
        start = text.find(" ", start, m.start_char) + 1 or start
    if end < sent.end_char:
        end = text.rfind(" ", m.end_char, end) if text.rfind(" ", m.end_char, end) > 0 else end
    snippet = " ".join(text[start:end].split())
    return ("..." if start > sent.start_char else "") + snippet + (
        "..." if end < sent.end_char else "")
