"""From words to actor phrases: tokens, lexicon atoms, the phrase scanner and Actor building.

Shared by `ActorResolver.resolve_text` (a bare phrase, tokenised here) and `find_mentions`
(a spaCy Doc). A phrase is a run of lexicon atoms (countries, titles, institutions, IGOs, known
people) linked by "of", "the", "'s" ..., optionally ending in a person's name:
"Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Roman Vassilenko".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.actors.lexicon import (
    Entry,
    Known,
    Lexicon,
    Match,
    Period,
    is_person,
    norm_words,
)
from parley.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

COUNTRY_KINDS = ("known", "country", "demonym", "people", "capital", "region", "city")
ROLE_KINDS = ("title", "org", "group", "generic")
# Words that may link the atoms of one phrase: "Minister of Foreign Affairs of the Republic".
CONNECTORS = frozenset({"of", "the", "for", "on", "with", "in", "'s", "’s", "at", "to"})
DETERMINERS = frozenset({"the", "a", "an", "both", "its", "their", "his", "her", "our", "these",
                         "those", "another", "two", "three", "several"})
# Countries after these words are destinations, not the actor's own ("ambassador to Poland").
AWAY_WORDS = frozenset({"to", "toward", "towards", "against", "into", "with"})
FORMER = frozenset({"former", "ex", "late", "ousted", "deposed", "exiled", "toppled"})
# Lowercase particles inside personal names: "Alexander de Croo", "Bashar al-Assad".
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da",
                            "di", "du", "dos", "la", "le", "ter", "abu", "del", "y", "ben"})
# Capitalised words that do not begin or continue a person's name.
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june", "july",
                       "august", "september", "october", "november", "december", "on", "in",
                       "the", "mr", "mrs", "ms", "dr", "sir"})
# spaCy entity types that are never part of a person's name. ORG is not among them: the small
# model often reads "the Kyrgyz Republic Almaz Imangaziev" as one organisation.
NOT_PERSON_ENTS = frozenset({"NORP", "GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW",
                             "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
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

_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|['’]s\b|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Tok:
    """A token, from spaCy or from the regex tokenizer, with what the scanner needs."""

    i: int
    text: str
    lower: str
    start: int  # char offset
    end: int
    cap: int  # 0 lower, 1 Capitalised, 2 ALL CAPS
    propn: bool
    sent: int
    pos: str = ""  # spaCy coarse tag, "" for the regex tokenizer
    person: bool = False  # inside a spaCy PERSON entity
    other_ent: bool = False  # inside a NORP, GPE, date ... entity: not part of a name
    plural: bool = False


@dataclass(slots=True)
class Atom:
    """A lexicon match on tokens [start, end)."""

    start: int
    end: int
    match: Match

    def first(self, *kinds: str) -> Entry | None:
        return self.match.first(*kinds)

    @property
    def kind(self) -> str:
        return self.match.entries[0].kind


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


def _cap(text: str) -> int:
    """0 lowercase, 1 Capitalised, 2 ALL CAPS ("US", "U.S.", "KAZINFORM")."""
    if not text[:1].isalpha():
        return 2 if text.isupper() and len(text) > 1 else 0
    if text.isupper():
        return 2
    return 1 if text[0].isupper() else 0


def tokens_from_text(text: str) -> list[Tok]:
    """Tokenise a short phrase without spaCy."""
    return [Tok(i, m.group(), m.group().lower(), m.start(), m.end(), _cap(m.group()),
                _cap(m.group()) > 0, 0) for i, m in enumerate(_TOKEN.finditer(text))]


def tokens_from_doc(doc: Doc) -> tuple[list[Tok], str]:
    """The scanner's view of a parsed Doc, and its text (read through arrays: Token objects
    and Doc.text build a Python object per token)."""
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    arr = doc.to_array(["ORTH", "SPACY", "POS", "ENT_TYPE", "TAG"]).tolist()
    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}
    for row in arr:
        for key in (row[0], row[2], row[3], row[4]):
            if key not in names:
                names[key] = strings[key]
    caps: dict[str, int] = {}
    toks = []
    parts = []
    idx = 0
    for i, (orth, space, pos_id, ent_id, tag_id) in enumerate(arr):
        word = names[orth]
        pos, ent = names[pos_id], names[ent_id]
        cap = caps.get(word)
        if cap is None:
            cap = caps[word] = _cap(word)
        toks.append(Tok(i, word, word.lower(), idx, idx + len(word), cap,
                        pos == "PROPN" or ent == "PERSON", sent_of[i], pos, ent == "PERSON",
                        ent in NOT_PERSON_ENTS, names[tag_id] in ("NNS", "NNPS")))
        parts.append(word)
        idx += len(word)
        if space:
            parts.append(" ")
            idx += 1
    return toks, "".join(parts)


def find_atoms(lexicon: Lexicon, toks: list[Tok], *, cased: bool) -> list[Atom]:
    """All lexicon atoms in a token list, in one automaton pass."""
    words: list[str] = []
    caps: list[int] = []
    owner: list[int] = []
    for t in toks:
        parts = norm_words(t.text) if t.text not in (".", "-", "–", "—") else ["."]
        if t.text in ("-", "–", "—", "‐"):
            parts = []  # a hyphen joins words: "Kassym-Jomart" == "Kassym Jomart"
        for w in parts:
            words.append(w)
            caps.append(t.cap if w != "'s" else 0)
            owner.append(t.i)
    atoms = []
    for m in lexicon.match(words, caps if cased else None):
        start, end = owner[m.start], owner[m.end - 1] + 1
        # An office or body is a noun: not "heads" in "she heads the agency", nor the
        # adjective "major".
        if toks[end - 1].pos and m.entries[0].kind in ROLE_KINDS and toks[end - 1].pos not in (
            "NOUN", "PROPN", "PRON", "X"
        ):
            continue
        atoms.append(Atom(start, end, m))
    return atoms


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
        # Name first: "Tim Vandenput, Chairperson of ..." (an appositive title).
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
    if a is not None and _is_person(a):
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
            if prev is not None and not linked and _countryish(prev) and _countryish(a) and (
                a.kind != "known"
            ):
                break  # "Kazakhstan Belgium" or "Kazakh-Belgian": two actors
            if a.kind == "known" and _is_person(a) and (not phrase.atoms or not linked):
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
        if t.lower in CONNECTORS and phrase.atoms:
            k = j
            while k < end and (toks[k].lower in CONNECTORS or toks[k].lower in DETERMINERS):
                k += 1
            if k < end and (k in atom_at or (toks[k].cap and toks[k].text[0].isalpha())):
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


def _countryish(a: Atom) -> bool:
    return a.kind in ("country", "demonym", "people", "capital", "city", "region")


def _is_person(a: Atom) -> bool:
    e = a.first("known")
    return e is not None and e.known is not None and is_person(e.known)


# -- building the Actor --------------------------------------------------------------------
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

    role, head_word = _role(atoms, period)
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
    else:
        code = (country or "") + (role or "") or None
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


def _by_surname(lexicon: Lexicon, toks: list[Tok], name: tuple[int, int], atoms: list[Atom],
                date: str | None) -> Known | None:
    """'President Mugabe': a known person by surname, when the name and country agree."""
    words = norm_words(_span_text(toks, *name))
    if not words:
        return None
    candidates = lexicon.surnames.get(words[-1], [])
    if len(words) > 1:  # "Robert Mugabe" must be Robert, not another Mugabe
        candidates = [k for k in candidates if norm_words(k.name)[0] == words[0]]
    countries = {e.country for a in atoms for e in a.match.entries if e.kind in _EXPLICIT}
    if countries:
        candidates = [k for k in candidates if k.at(date).country in countries
                      or k.country in countries]
    if len(candidates) > 1:
        candidates = [k for k in candidates if k.at(date).role == "GOV"]
    return candidates[0] if len(candidates) == 1 else None


def _has(atoms: list[Atom], *kinds: str) -> bool:
    return any(a.first(*kinds) is not None for a in atoms)


def _role(atoms: list[Atom], period: Period | None) -> tuple[str | None, str | None]:
    """The CAMEO role: an explicit title or institution beats the known-people table."""
    for n, a in enumerate(atoms):
        if a.kind == "known" and not _is_person(a):
            role = a.first("known").known.at(None).role
            if role:
                return role, None  # "Northern Fleet's Arctic Group": the fleet's role
        e = a.first("title", "org", "group", "generic")
        if e is None or a.kind in ("known", "igo", "pair"):
            continue
        if e.kind == "generic" or (a.first("generic") is not None and e.kind == "title"):
            # "Chairperson of the Friendship Group" -> the group's role.
            for b in atoms[n + 1 :]:
                f = b.first("org", "group")
                if f is not None and b.kind not in ("known",):
                    return f.role, a.match.entries[0].phrase
                if b.kind == "igo":
                    return None, a.match.entries[0].phrase
                if b.kind == "known" and not _is_person(b):
                    p = b.first("known").known.at(None)
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
        if a.start > first.start and _countryish(a) and a.start < stop:
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
