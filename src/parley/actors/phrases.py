"""From atoms to actor phrases: the phrase scanner (Actors are built in `actors/build.py`).

Shared by `ActorResolver.resolve_text` (a bare phrase) and `find_mentions` (a spaCy Doc), both
tokenised and matched by `parley.actors.tokens`. A phrase is a run of lexicon atoms (countries,
titles, institutions, IGOs, known people) linked by "of", "the", "'s" ..., optionally ending
in a person's name:
"Deputy Minister of Foreign Affairs of the Republic of Chile Ana Soto".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.actors.lexicon import is_person
from parley.actors.tokens import NOT_NAMES, ROLE_KINDS, Atom, Tok

COUNTRY_KINDS = ("known", "country", "demonym", "people", "capital", "region", "city")
# Words that may link the atoms of one phrase: "Minister of Foreign Affairs of the Republic".
CONNECTORS = frozenset({"of", "the", "for", "on", "with", "in", "'s", "’s", "at", "to"})
DETERMINERS = frozenset({"the", "a", "an", "both", "its", "their", "his", "her", "our", "these",
                         "those", "another", "two", "three", "several"})
# Compass words between a connector and a place: "in southern Serbia".
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                     "western", "central", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west"})
# A people living in a place ("Albanians in Serbia", "the Kurds of Syria") are coded by
# where they live, as CAMEO codes ethnic minorities.
RESIDENCE_WORDS = frozenset({"in", "of"})
# Countries after these words are destinations, not the actor's own ("ambassador to Poland").
AWAY_WORDS = frozenset({"to", "toward", "towards", "against", "into", "with"})
FORMER = frozenset({"former", "ex", "late", "ousted", "deposed", "exiled", "toppled"})
# Lowercase particles inside personal names: "Alexander de Croo", "Bashar al-Assad".
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da",
                            "di", "du", "dos", "la", "le", "ter", "abu", "del", "y", "ben"})
# Last words of organisation names: "the Syrian Democratic Council" is not a person.
ORG_HEADS = frozenset({"council", "committee", "union", "party", "front", "forces", "movement",
                       "army", "group", "assembly", "league", "organisation", "organization",
                       "alliance", "coalition", "units", "brigade", "brigades", "ministry",
                       "agency", "institute", "university", "commission", "court", "bank",
                       "company", "corporation", "foundation", "association", "federation",
                       "congress", "parliament", "office", "service", "network", "centre",
                       "center", "authority", "administration", "government", "countries"})
# A title ends before these: "Chairperson of the Friendship Group ... in the Belgian Parliament".
TITLE_STOPS = frozenset({"in", "at", "to", ","})
# Connectors that only an office takes: "ambassador to", "spokesman with the ministry".
_OFFICE_LINKS = frozenset({"to", "with"})
# Roles of people who hold no office: "a rebel source to Reuters" is two actors.
_NON_OFFICE_ROLES = frozenset({"REB", "OPP", "CVL", "MED", "BUS", "NGO", "REF", "HLH", "EDU",
                               "LAB", "AGR", "CRM", "REL", "ELI", "UAF", "INS"})

@dataclass(slots=True)
class Phrase:
    """One candidate actor mention: atoms, an optional name, on tokens [start, end)."""

    start: int
    end: int
    atoms: list[Atom] = field(default_factory=list)
    name: tuple[int, int] | None = None  # token span of a person's name
    former: bool = False
    definite: bool = False  # began with "the": may refer back to an earlier actor
    entity: str | None = None  # a spaCy entity label, for names no lexicon knows


def _name_run(toks: list[Tok], j: int, end: int, atom_at: dict[int, Atom], *,
              names_only: bool = True) -> int:
    """End of a run of capitalised name tokens starting at j (j itself when there is none)."""
    k = j
    while k < end:
        t = toks[k]
        a = atom_at.get(k)
        # A place inside a name ("Feliciano Valencia") is part of the name.
        if a is not None and a.kind != "known" and not (
            k > j and a.kind in ("city", "capital", "region") and t.cap
        ):
            break
        if t.cap and t.text[0].isalpha() and (not names_only or (
            t.propn and t.lower not in NOT_NAMES and not t.other_ent  # not "Syrian Kurds"
            and t.person == toks[j].person  # "Council Ilhan Omar": two runs
        )):
            k += 1
            continue
        # "Tae-yul", "Ki-moon": a hyphen inside one written word joins any next part.
        if k > j and t.text in ("-", "‐") and k + 1 < end and toks[k + 1].text[:1].isalpha() \
                and toks[k - 1].end == t.start and t.end == toks[k + 1].start:
            k += 2
            continue
        # "de Croo", "al-Bashir", "Kassym-Jomart": a particle or hyphen before a capital.
        nxt = k + 1
        while nxt < end and toks[nxt].text in ("-", "‐"):
            nxt += 1
        if k > j and nxt < end and toks[nxt].cap and (
            t.text in ("-", "‐") or t.lower in NAME_PARTICLES
        ):
            k += 1
            continue
        break
    return k


def scan(toks: list[Tok], atoms: list[Atom], start: int, end: int) -> list[Phrase]:
    """Group atoms and names of tokens [start, end) into phrases, left to right."""
    atom_at = {a.start: a for a in atoms if start <= a.start < end}
    phrases: list[Phrase] = []
    lead = DETERMINERS | FORMER
    i = start
    while i < end:
        t = toks[i]
        if not t.cap and i not in atom_at and t.lower not in lead:
            i += 1  # a phrase starts at an atom, a determiner or a capital: not here
            continue
        p = _scan_one(toks, atom_at, i, end)
        if p is None:
            i += 1
            continue
        phrases.append(p)
        i = max(p.end, i + 1)
    return phrases


def _scan_one(toks: list[Tok], atom_at: dict[int, Atom], i: int, end: int) -> Phrase | None:
    begin = i
    former = definite = False
    lead = DETERMINERS | FORMER
    while i < end and toks[i].lower in lead and i not in atom_at:
        former = former or toks[i].lower in FORMER
        definite = definite or toks[i].lower == "the"
        i += 1
    if i >= end:
        return None
    phrase = Phrase(begin, i, former=former, definite=definite)
    if i not in atom_at:
        # Name first: "Ana Soto, Chairperson of ..." (an appositive title).
        k = _name_run(toks, i, end, atom_at)
        if k == i or not any(toks[x].propn for x in range(i, k)):
            return None
        c = k
        if c < end and toks[c].text == ",":
            c += 1
            while c < end and toks[c].lower in DETERMINERS:
                c += 1
            a = atom_at.get(c)
            if a is not None and a.kind in ("title", "generic"):
                phrase.name = (i, k)
                tail = _scan_atoms(toks, atom_at, c, end, phrase, allow_name=False)
                phrase.end = tail
                return phrase
        return None
    phrase.end = _scan_atoms(toks, atom_at, i, end, phrase, allow_name=True)
    if phrase.name is None and any(a.kind == "title" for a in phrase.atoms):
        _appositive_name(toks, atom_at, phrase, end)
    elif phrase.name is not None and len(phrase.atoms) == 1:
        _appositive_igo(toks, atom_at, phrase, end)
    return phrase if phrase.atoms or phrase.name else None


def _appositive_name(toks: list[Tok], atom_at: dict[int, Atom], phrase: Phrase,
                     end: int) -> None:
    """'the president, Bashar al-Assad,': the name after a comma belongs to the title."""
    c = phrase.end
    title = next(a for a in phrase.atoms if a.kind == "title")
    # Only "the president, NAME": not "women in Syria, Ahmed said".
    if c + 1 >= end or toks[c].text != "," or not phrase.definite or toks[title.end - 1].plural:
        return
    a = atom_at.get(c + 1)
    if a is not None and is_person_atom(a):
        phrase.atoms.append(a)
        phrase.name = (a.start, a.end)
        phrase.end = a.end
        return
    k = c + 1
    while k < end and toks[k].person:
        k += 1
    if k > c + 1 and (k == end or not toks[k].cap):
        phrase.name = (c + 1, k)
        phrase.end = k


def _appositive_igo(toks: list[Tok], atom_at: dict[int, Atom], phrase: Phrase,
                    end: int) -> None:
    """'NAME, the UN mediator,': the person acts for the IGO, whatever their nationality."""
    c = phrase.end
    if c >= end or toks[c].text != ",":
        return
    c += 1
    while c < end and toks[c].lower in DETERMINERS:
        c += 1
    a = atom_at.get(c)
    if a is None or a.kind != "igo":
        return
    probe = Phrase(c, c)
    tail = _scan_atoms(toks, atom_at, c, end, probe, allow_name=False)
    if any(x.kind == "title" for x in probe.atoms):
        phrase.atoms.extend(probe.atoms)
        phrase.end = tail


def _scan_atoms(toks: list[Tok], atom_at: dict[int, Atom], j: int, end: int, phrase: Phrase,
                *, allow_name: bool) -> int:
    """Extend a phrase over atoms and connectors from j; return its end."""
    last_end = j
    linked = False  # the previous step was a connector ("of the")
    while j < end:
        a = atom_at.get(j)
        if a is not None:
            prev = phrase.atoms[-1] if phrase.atoms else None
            if a.kind == "pair" and phrase.atoms:
                break
            if prev is not None and not linked and countryish(prev) and countryish(a) and (
                a.kind != "known"
            ):
                break  # "Kazakhstan Belgium" or "Kazakh-Belgian": two actors
            if prev is not None and not linked and prev.kind in ROLE_KINDS and (
                    a.kind == "country"):
                break  # "the militias Turkey is battling": a new clause's subject
            if a.kind == "known" and is_person_atom(a) and (not phrase.atoms or not linked):
                phrase.atoms.append(a)
                phrase.name = (a.start, a.end)
                return a.end
            phrase.atoms.append(a)
            j = last_end = a.end
            linked = False
            if a.kind == "pair":
                return j
            continue
        t = toks[j]
        if t.lower in _OFFICE_LINKS and phrase.atoms and not _office(phrase.atoms[-1]):
            break  # "envoy to the UN" is one office; "a rebel source to Reuters" is two
        if t.lower == "the" and not linked:
            break  # "told his counterpart the US would ...": "the" starts another phrase
        if phrase.atoms and (t.lower in CONNECTORS or (
                _plural_possessive(toks, j)
                and (countryish(phrase.atoms[-1]) or phrase.atoms[-1].kind in ("known", "igo")))):
            k = j + 1 if t.lower not in CONNECTORS else j
            while k < end and (toks[k].lower in CONNECTORS or toks[k].lower in DETERMINERS):
                k += 1
            # "Albanians in south Serbia": a compass word before a place.
            while k + 1 < end and toks[k].lower in COMPASS and toks[k + 1].cap and (
                    k + 1 in atom_at and countryish(atom_at[k + 1])):
                k += 1
            if k < end and (k in atom_at or (toks[k].cap and toks[k].text[0].isalpha()
                                             and toks[k].lower not in NOT_NAMES)):
                j = k
                linked = True
                continue
            break
        if t.cap and t.text[0].isalpha() and phrase.atoms:
            k = _name_run(toks, j, end, atom_at)
            has_title = any(x.kind in ("title", "generic") for x in phrase.atoms)
            if not linked and allow_name and has_title and k > j and (
                toks[k - 1].lower not in ORG_HEADS
            ):
                phrase.name = (j, k)
                return k
            if linked or has_title:
                # Words of an institution's name: "Committee on Foreign Affairs", "the Syrian
                # Democratic Council" (a name may still follow: "... Council Ilhan Omar").
                k = _name_run(toks, j, end, atom_at, names_only=False)
                while k > j and not linked and toks[k - 1].person:
                    k -= 1  # leave a following person's name to be read as the name
                if k == j:
                    break
                j = last_end = k
                linked = False
                continue
        break
    return last_end


def _plural_possessive(toks: list[Tok], j: int) -> bool:
    """"the Philippines' Foreign Secretary": an apostrophe right after a word ending in s."""
    t = toks[j]
    return t.text in ("'", "’") and j > 0 and toks[j - 1].end == t.start and (
        toks[j - 1].lower.endswith("s")) and j + 1 < len(toks) and toks[j + 1].start > t.end


def _office(a: Atom) -> bool:
    """Can the atom head an office phrase ("Ambassador to", "Friendship Group with")? Not a
    country or a known name ("Russia with Turkey"), nor the title of someone who holds no
    office ("a rebel source to Reuters")."""
    if a.kind in ("title", "generic"):
        return not all(e.role in _NON_OFFICE_ROLES for e in a.match.entries)
    return a.kind not in COUNTRY_KINDS


def countryish(a: Atom) -> bool:
    return a.kind in ("country", "demonym", "people", "capital", "city", "region")


def is_person_atom(a: Atom) -> bool:
    e = a.first("known")
    return e is not None and e.known is not None and is_person(e.known)


# -- building the Actor --------------------------------------------------------------------
