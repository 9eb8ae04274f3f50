"""From an actor phrase to an Actor: its country or IGO, role, name and title, by the
date of the article (a person's role in office that day).

Used by `ActorResolver` on every phrase `parley.actors.phrases.scan` finds.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.actors.lexicon import ROLES, Known, Lexicon, Period, is_person, norm_words
from parley.actors.phrases import (
    AWAY_WORDS,
    COMPASS,
    CONNECTORS,
    DETERMINERS,
    RESIDENCE_WORDS,
    TITLE_STOPS,
    Phrase,
    countryish,
    is_person_atom,
)
from parley.actors.tokens import Atom, Tok
from parley.records import Actor


@dataclass(slots=True)
class Resolved:
    """An Actor plus what the document memory needs to find it again."""

    actor: Actor
    kind: str  # person | country | organisation | igo | group
    head_word: str | None = None  # "delegation", "parliament": for "the Belgian delegation"


def build(phrase: Phrase, toks: list[Tok], *, date: str | None, lexicon: Lexicon,
          default_country: str | None = None, source: str | None = None) -> Resolved:
    """Turn a phrase into an Actor: country, IGO, role, title, name and code.

    `source` is the text the tokens' character offsets point into, for the mention as written.
    """
    if source is not None and phrase.end > phrase.start:
        text = source[toks[phrase.start].start : toks[phrase.end - 1].end]
    else:
        text = _span_text(toks, phrase.start, phrase.end)
    name = phrase.name
    # Atoms inside a name ("Valencia" in "Feliciano Valencia", "Hassan" in "Omar Hassan
    # al-Bashir") are part of the name, not places or other people.
    atoms = [a for a in phrase.atoms if name is None or not (
        name[0] <= a.start < name[1] and not (a.kind == "known" and a.end == name[1]))]
    known_atom = next((a for a in atoms if a.kind == "known"), None)
    known = known_atom.first("known").known if known_atom is not None else None
    if known is None and name is not None:
        known = _by_surname(lexicon, toks, name, atoms, date)
    period = known.at(date) if known is not None else None
    country, igo, igo_code = _country_or_igo(atoms, toks, known, date, lexicon)
    if country is None and igo is None:
        country = default_country

    role, head_word = _role(atoms, period, date)
    if role is None and any(a.kind == "people" for a in atoms):
        role = "CVL"  # "Algerians", "two Russians": people of the country
    if phrase.former and role is not None:
        role = "ELI"
    only = atoms[0] if len(atoms) == 1 else None
    if only is not None and only.kind in ("capital", "city"):
        role = "GOV" if only.kind == "capital" else "CVL"

    title = _title(phrase, toks)
    name = None
    if phrase.name is not None:
        name_text = _span_text(toks, *phrase.name)
        # Phoenix lists members under their group ("ABU BAKR AL-BAGHDADI" under ISIL): a
        # group's name is not the person's.
        if known is not None and is_person(known) and (
            known.curated or len(norm_words(name_text)) < len(norm_words(known.name))
        ):
            name = known.name
        else:
            name = name_text
    elif known is not None:
        name = known.name
    if title is None and period is not None and period.title and name and is_person(known):
        title = period.title if phrase.name else None

    if igo is not None:
        code = igo_code
        kind = "person" if name or _has(atoms, "title") else "igo"
        if role is None and code and code[6:9] in ROLES:
            role = code[6:9]  # the role the IGO's code carries: IGOUNOREF, IGOCOELEG
    else:
        sector = period.sector if period is not None and country is None else None
        code = (country or (sector if sector != role else "") or "") + (role or "") or None
        named = name is not None and (phrase.name is not None or is_person(known))
        if named or (_has(atoms, "title") and not _has(atoms, "org", "group")):
            kind = "person"
        elif _has(atoms, "org", "group", "generic", "title") or known is not None:
            kind = "organisation"
        else:
            kind = "country"
    if kind != "person":
        title = None
    rule = "+".join(dict.fromkeys(a.match.entries[0].rule for a in atoms))
    actor = Actor(text=text, name=name, title=title, country=country if igo is None else None,
                  igo=igo, role=role, code=code, rule=rule or "name")
    return Resolved(actor=actor, kind=kind, head_word=head_word)


_EXPLICIT = ("country", "demonym", "people")


def _country_or_igo(atoms: list[Atom], toks: list[Tok], known: Known | None, date: str | None,
                    lexicon: Lexicon) -> tuple[str | None, str | None, str | None]:
    """The actor's country, or its IGO: named countries before known people's, places last;
    destinations ("ambassador to Poland") only when nothing else is named."""
    explicit: list[tuple[int, str]] = []
    places: list[tuple[int, str]] = []
    away: str | None = None
    igo_at: tuple[int, str, str | None] | None = None
    for a in atoms:
        prev = toks[a.start - 1].lower if a.start > 0 else ""
        if a.kind == "igo":
            if igo_at is None:
                e = a.first("igo")
                igo, code = e.igo, e.code
                if e.pa and any(x.start > a.start and x.first("org") and "parliamentary"
                                in x.first("org").phrase for x in atoms):
                    pa = lexicon.igos.get(e.pa)
                    igo, code = e.pa, pa.code if pa else code
                igo_at = (a.start, igo, code)
            continue
        e = a.first(*_EXPLICIT, "capital", "city", "region")
        if e is None:
            national = a.first("org", "title")
            if national is not None and national.country:
                places.insert(0, (a.start, national.country))  # "the Knesset", "the Duma"
            continue
        if not e.country:
            continue
        if prev in AWAY_WORDS and len(atoms) > 1:
            away = away or e.country
            continue
        (explicit if e.kind in _EXPLICIT else places).append((a.start, e.country))
    if explicit and any(a.kind == "people" and a.start == explicit[0][0] for a in atoms):
        for a in atoms:
            e = a.first("country", "region", "capital", "city")
            if a.start > explicit[0][0] and e is not None and e.country and \
                    _word_before(toks, a.start) in RESIDENCE_WORDS:
                return e.country, None, None
    known_country = None
    if known is not None:
        p = known.at(date)
        if p.igo and not explicit and igo_at is None:
            ie = lexicon.igos.get(p.igo)
            igo_at = (10**9, p.igo, ie.code if ie else f"IGO{p.igo}")
        known_country = p.country or known.country
    if igo_at is not None and (not explicit or igo_at[0] < explicit[0][0]):
        return None, igo_at[1], igo_at[2]
    for found in (explicit, [(0, known_country)] if known_country else [], places):
        if found:
            return found[0][1], None, None
    return away, None, None


def _word_before(toks: list[Tok], i: int) -> str:
    """The word before token i, skipping compass words ("in southern Serbia" -> "in")."""
    i -= 1
    while i >= 0 and toks[i].lower in COMPASS:
        i -= 1
    return toks[i].lower if i >= 0 else ""


def _by_surname(lexicon: Lexicon, toks: list[Tok], name: tuple[int, int], atoms: list[Atom],
                date: str | None) -> Known | None:
    """'President Mugabe': a known person by surname, when the name and country agree."""
    words = norm_words(_span_text(toks, *name))
    if not words:
        return None
    candidates = lexicon.surnames.get(words[-1], [])
    if not candidates and any(a.kind == "title" and a.match.entries[0].rule.startswith(
            ("titles:", "national:")) and a.match.entries[0].role in _OFFICE_ROLES
                              for a in atoms):
        # "President Bouteflicka": a misspelt surname, only after a public office's title.
        close = lexicon.close_surnames(words[-1])
        candidates = [k for w in close[:1] for k in lexicon.surnames[w]]
    if len(words) > 1:  # "Robert Mugabe" must be Robert, not another Mugabe
        candidates = [k for k in candidates if norm_words(k.name)[0] == words[0]]
    countries = {e.country for a in atoms for e in a.match.entries if e.kind in _EXPLICIT}
    if countries:
        candidates = [k for k in candidates if k.at(date).country in countries
                      or k.country in countries]
    if len(candidates) > 1:
        candidates = [k for k in candidates if k.at(date).role == "GOV"]
    return candidates[0] if len(candidates) == 1 else None


_OFFICE_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "OPP"})


def _has(atoms: list[Atom], *kinds: str) -> bool:
    return any(a.first(*kinds) is not None for a in atoms)


def _role(atoms: list[Atom], period: Period | None,
          date: str | None = None) -> tuple[str | None, str | None]:
    """The CAMEO role: an explicit title or institution beats the known-people table."""
    for n, a in enumerate(atoms):
        if a.kind == "known" and not is_person_atom(a):
            role = a.first("known").known.at(date).role
            if role:
                return role, None  # "Northern Fleet's Arctic Group": the fleet's role
        e = a.first("title", "org", "group", "generic")
        if e is None or a.kind in ("known", "igo", "pair"):
            continue
        if e.kind == "generic" or (a.first("generic") is not None and e.kind == "title"):
            # "Chairperson of the Friendship Group" -> the group's role.
            for b in atoms[n + 1 :]:
                # A later office counts too: "a group of members of the Senate" -> LEG.
                f = b.first("org", "group", "title")
                if f is not None and b.kind not in ("known",):
                    return f.role, a.match.entries[0].phrase
                if b.kind == "igo":
                    return None, a.match.entries[0].phrase
                if b.kind == "known" and not is_person_atom(b):
                    p = b.first("known").known.at(date)
                    return p.role, a.match.entries[0].phrase
            g = a.first("generic")
            return (g.role if g else e.role), e.phrase
        if e.kind == "org" and n + 1 < len(atoms) and atoms[n + 1].start == a.end:
            # "government forces", "state television": the second noun is the head.
            f = atoms[n + 1].first("org", "group", "title")
            if f is not None and (f.kind != "title" or f.role in ("MIL", "COP", "REB")):
                return f.role, f.phrase
        return e.role, e.phrase
    if period is not None:
        return period.role, None
    return None, None


def _title(phrase: Phrase, toks: list[Tok]) -> str | None:
    """Title text: from the first office word up to a country, 'in', the name or the end."""
    first = next((a for a in phrase.atoms if a.kind in ("title", "generic")), None)
    if first is None:
        return None
    stop = phrase.name[0] if phrase.name and phrase.name[0] > first.start else phrase.end
    for a in phrase.atoms:
        if a.start > first.start and countryish(a) and a.start < stop:
            stop = a.start
            break
    j = first.end
    while j < stop:
        if toks[j].lower in TITLE_STOPS:
            stop = j
            break
        j += 1
    while stop > first.end and toks[stop - 1].lower in CONNECTORS | DETERMINERS:
        stop -= 1
    return _span_text(toks, first.start, stop)


def _span_text(toks: list[Tok], start: int, end: int) -> str:
    if start >= end:
        return ""
    return "".join(
        t.text + (" " if k + 1 < end and toks[k + 1].start > t.end else "")
        for k, t in enumerate(toks[start:end], start=start)
    )
