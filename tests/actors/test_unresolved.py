"""Unresolved names of a corpus (parley.actors.unresolved), with the real parser."""

from __future__ import annotations

from spacy.language import Language

from parley.actors import ActorResolver
from parley.actors.unresolved import collect_unresolved, key_of
from parley.records import Article

TEXTS = [
    "Zarvan Oddleby met the French foreign minister in Paris. Police detained two men. "
    "Isis claimed the attack.",
    "Oddleby later told the Northgate Herald that Zarvan Oddleby had no regrets.",
]


def test_names_without_country_are_counted_with_an_example(resolver: ActorResolver,
                                                           nlp: Language) -> None:
    articles = [Article(id=f"a{i}", text=t, published="2024-05-02") for i, t in enumerate(TEXTS)]
    ticks: list[int] = []
    found = {u.text: u for u in collect_unresolved(articles, nlp, resolver,
                                                   progress=ticks.append)}
    assert found["Zarvan Oddleby"].count == 2
    assert found["Zarvan Oddleby"].articles == {"a0", "a1"}
    assert "Zarvan Oddleby met" in found["Zarvan Oddleby"].example
    # Resolved actors (France, the minister), role-only words and transnational groups
    # (Isis: IMGREB) are not listed.
    assert not {"French foreign minister", "Police", "Isis", "Paris"} & set(found)
    assert len(ticks) == 2


def test_a_leading_article_does_not_split_a_name() -> None:
    assert key_of("the  Northgate Herald") == key_of("Northgate Herald") == "Northgate Herald"
