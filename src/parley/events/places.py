"""Where an event happened: places named in the article and the one each event takes.

The actor resolver finds the places its gazetteer knows (cities, capitals, countries and
provinces after a preposition). This module adds the places spaCy tags that the gazetteer
lacks ("Afrin", "Douma"), keeps a direction word written before a place ("northern Syria"),
and picks an event's place: a place attached to the event's own words by a locative
preposition, else the one place the sentence locates something in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.records import Mention, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Prepositions that say where something happens ("in Afrin", "into Idlib", "near Daraa").
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "into", "around", "across",
                      "throughout", "within"})
_DIRECTIONS = frozenset({
    "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-east", "north-west", "south-east", "south-west", "northeast",
    "northwest", "southeast", "southwest", "north", "south", "east", "west",
})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "the town of Baghuz": a name after one of these nouns and "of" is a place, whatever its tag.
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district",
                         "governorate", "enclave", "suburb", "neighbourhood", "neighborhood",
                         "port", "island", "valley", "camp", "county", "municipality"})
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "csubj"})


def article_places(doc: Doc, known: list[PlaceMention], mentions: list[Mention],
                   countries: dict[str, str]) -> list[PlaceMention]:
    """The gazetteer's places with their direction words, plus spaCy's GPE/LOC/FAC entities
    that no gazetteer place covers: a country named as an actor ("in northern Syria") is a
    place of that country (`countries`: ISO-3 -> name); an entity another actor mention
    covers is not a place."""
    out = [_with_direction(doc, pm) for pm in known]
    covered = {c for pm in known for c in range(pm.start_char, pm.end_char)}
    actor_at: dict[int, Mention] = {i: m for m in mentions
                                    for i in range(m.token_start, m.token_end)}
    for ent in doc.ents:
        if ent.start_char in covered or (ent.label_ not in _PLACE_LABELS
                                         and not named_place(ent.root)):
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent
        if not len(span) or not span[0].text[:1].isupper():
            continue
        owner = next((actor_at[i] for i in range(span.start, span.end) if i in actor_at), None)
        if owner is not None and owner.kind != "country" and not named_place(span.root) and (
                owner.head is None or span.start <= owner.head < span.end):
            continue  # the entity is an actor ("Damascus said"), not a place
        country = owner.actor.country if owner is not None and owner.kind == "country" else None
        name = countries.get(country, span.text) if country else span.text
        pm = PlaceMention(start_char=span.start_char, end_char=span.end_char,
                          sentence_index=0, text=span.text,
                          place=Place(name=name, country=country))
        out.append(_with_direction(doc, pm))
    return sorted(out, key=lambda pm: pm.start_char)


def named_place(tok: Token) -> bool:
    """Is the token a name the text itself calls a place ("the town of Baghuz")?"""
    return (tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in PLACE_NOUNS)


def _with_direction(doc: Doc, pm: PlaceMention) -> PlaceMention:
    """ "northern Syria": the place as written, with the gazetteer's country and coordinates."""
    span = doc.char_span(pm.start_char, pm.end_char, alignment_mode="expand")
    if span is None or span.start == 0:
        return pm
    prev = doc[span.start - 1]
    if prev.lower_ not in _DIRECTIONS or prev.pos_ not in ("ADJ", "PROPN", "NOUN"):
        return pm
    text = doc.text[prev.idx:pm.end_char]
    return replace(pm, start_char=prev.idx, text=text, place=replace(pm.place, name=text))


def located_in(pm: PlaceMention, doc: Doc) -> Token | None:
    """The preposition that locates something in the place ("in" of "in Afrin"), if any."""
    span = doc.char_span(pm.start_char, pm.end_char, alignment_mode="expand")
    if span is None:
        return None
    t = span.root
    if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
        return t.head
    return None


def sentence_place(sent: Span, places: list[PlaceMention], doc: Doc) -> Place | None:
    """The place a sentence locates its main clause in, when it names exactly one such place
    ("Turkish troops shelled villages in Afrin on Sunday"); places inside a relative or
    subordinate clause do not count."""
    found: list[Place] = []
    for pm in places:
        if not (sent.start_char <= pm.start_char < sent.end_char):
            continue
        prep = located_in(pm, doc)
        if prep is None or _in_subclause(prep):
            continue
        if all(p.name != pm.place.name for p in found):
            found.append(pm.place)
    return found[0] if len(found) == 1 else None


def _in_subclause(tok: Token) -> bool:
    t = tok
    for _ in range(12):
        if t.head is t:
            return False
        if t.dep_ in _CLAUSE_DEPS:
            return True
        t = t.head
    return False
