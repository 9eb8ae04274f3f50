"""Descriptions in the article win: "Diego Molano, the Colombian defence minister".

A name no dictionary knows, set in apposition with a description that names a country and an
office ("X, the Colombian defence minister", "the Syrian government's lead negotiator, X"),
is that described actor; the resolver then remembers the name, so a later bare "Molano"
resolves to the same actor. The actor's rule says where its country came from (`desc:...`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _described(m: Mention) -> bool:
    a = m.actor
    return bool((a.country or a.igo) and a.title and not a.name)


def _unknown_name(m: Mention) -> bool:
    a = m.actor
    return m.kind == "unknown" and bool(a.name) and not (a.country or a.igo)


def _apposed(doc: Doc, name: Mention, desc: Mention) -> bool:
    """Are the two mentions in apposition ("N, the D," / "the D, N" / "D N")?"""
    for a, b in ((name, desc), (desc, name)):
        if b.head is not None and doc[b.head].dep_ == "appos" and (
                a.token_start <= doc[b.head].head.i < a.token_end):
            return True
    first, second = sorted((name, desc), key=lambda m: m.token_start)
    between = doc[first.token_end:second.token_start]
    return len(between) == 1 and between[0].text == ","


def bind_descriptions(doc: Doc, mentions: list[Mention]) -> list[tuple[int, Actor]]:
    """(index of an unknown name in `mentions`, the actor its description gives it)."""
    out: list[tuple[int, Actor]] = []
    for i, m in enumerate(mentions):
        if not _unknown_name(m):
            continue
        for d in mentions[max(0, i - 1):i + 2]:
            if d is not m and _described(d) and _apposed(doc, m, d):
                actor = replace(d.actor, text=m.text, name=m.actor.name,
                                rule=f"desc:{d.actor.rule or ''}")
                out.append((i, actor))
                break
    return out
