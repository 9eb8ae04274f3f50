"""From atoms to actor phrases: the phrase scanner and Actor building.

Shared by `ActorResolver.resolve_text` (a bare phrase) and `find_mentions` (a spaCy Doc), both
tokenised and matched by `parley.actors.tokens`. A phrase is a run of lexicon atoms (countries,
titles, institutions, IGOs, known people) linked by "of", "the", "'s" ..., optionally ending
in a person's name:
"Deputy Minister of Foreign Affairs of the Republic of Chile Ana Soto".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.actors.lexicon import ROLES, Known, Lexicon, Period, is_person, norm_words
from parley.actors.tokens import NOT_NAMES, ROLE_KINDS, Atom, Tok
from parley.records import Actor

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
            if prev is not None and not linked and _countryish(prev) and _countryish(a) and (
                a.kind != "known"
            ):
                break  # "Kazakhstan Belgium" or "Kazakh-Belgian": two actors
            if prev is not None and not linked and prev.kind in ROLE_KINDS and (
                    a.kind == "country"):
                break  # "the militias Turkey is battling": a new clause's subject
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
        if t.lower in _OFFICE_LINKS and phrase.atoms and not _office(phrase.atoms[-1]):
            break  # "envoy to the UN" is one office; "a rebel source to Reuters" is two
        if t.lower == "the" and not linked:
            break  # "told his counterpart the US would ...": "the" starts another phrase
        if phrase.atoms and (t.lower in CONNECTORS or (
                _plural_possessive(toks, j)
                and (_countryish(phrase.atoms[-1]) or phrase.atoms[-1].kind in ("known", "igo")))):
            k = j + 1 if t.lower not in CONNECTORS else j
            while k < end and (toks[k].lower in CONNECTORS or toks[k].lower in DETERMINERS):
                k += 1
            # "Albanians in south Serbia": a compass word before a place.
            while k + 1 < end and toks[k].lower in COMPASS and toks[k + 1].cap and (
                    k + 1 in atom_at and _countryish(atom_at[k + 1])):
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
        if a.kind == "known" and not _is_person(a):
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
                if b.kind == "known" and not _is_person(b):
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
