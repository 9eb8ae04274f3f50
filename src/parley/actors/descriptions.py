"""Descriptions in the article win: "Diego Molano, the Colombian defence minister".

A bare name set in apposition with a description that names a country ("X, the Colombian
defence minister", "a British engineer, X", "her Dutch husband, X") is that described
actor, whether no dictionary knows the name or a dictionary row of that name says
otherwise. The resolver then remembers the name, so a later bare "Molano" resolves to the
same actor. The actor's rule says where its country came from (`desc:...`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _described(m: Mention) -> bool:
    """A description: a person or office with a country and no name ("the Colombian
    defence minister", "a British engineer")."""
    a = m.actor
    return bool((a.country or a.igo) and not a.name and (a.title or m.kind == "person"))


def _name(m: Mention) -> bool:
    """A bare name: unknown, or known only from a dictionary row of that name."""
    return bool(m.actor.name) and m.kind in ("unknown", "person") and not (
        m.actor.rule or "").startswith("desc:") and not m.actor.title


def _apposed(doc: Doc, name: Mention, desc: Mention) -> bool:
    """Are the two mentions in apposition ("N, the D," / "the D, N" / "D N")?"""
    for a, b in ((name, desc), (desc, name)):
        if b.head is not None and doc[b.head].dep_ == "appos" and (
                a.token_start <= doc[b.head].head.i < a.token_end):
            return True
    first, second = sorted((name, desc), key=lambda m: m.token_start)
    between = doc[first.token_end:second.token_start]
    return len(between) == 1 and between[0].text == ","


def _nationality(doc: Doc, name: Mention, mentions: list[Mention]) -> str | None:
    """ "Her Dutch husband, Yago Riedijk": the country of a demonym modifying the noun the
    name is in apposition with."""
    if name.head is None:
        return None
    head = doc[name.head]
    nouns = [head.head] if head.dep_ == "appos" else []
    nouns += [c for c in head.children if c.dep_ == "appos"]
    for noun in nouns:
        if noun.pos_ not in ("NOUN",):
            continue
        mods = {c.i for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        for other in mentions:
            if other.kind == "country" and other.head in mods and other.actor.country:
                return other.actor.country
    return None


def bind_descriptions(doc: Doc, mentions: list[Mention]) -> list[tuple[int, Actor]]:
    """(index of an unknown name in `mentions`, the actor its description gives it)."""
    out: list[tuple[int, Actor]] = []
    for i, m in enumerate(mentions):
        if not _name(m):
            continue
        for d in mentions[max(0, i - 1):i + 2]:
            if d is not m and _described(d) and _apposed(doc, m, d) and (
                    (d.actor.country, d.actor.igo) != (m.actor.country, m.actor.igo)):
                actor = replace(d.actor, text=m.text, name=m.actor.name,
                                rule=f"desc:{d.actor.rule or ''}")
                out.append((i, actor))
                break
        else:
            country = None if m.actor.country else _nationality(doc, m, mentions)
            if country is not None:
                out.append((i, replace(m.actor, country=country, code=country,
                                       rule="desc:nationality")))
    return out
