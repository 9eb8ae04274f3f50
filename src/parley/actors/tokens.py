"""Tokens and lexicon atoms: the scanner's view of a spaCy Doc or a bare phrase.

`tokens_from_doc` reads a parsed Doc through arrays (one pass, no Token objects);
`find_atoms` finds every lexicon phrase in the tokens with one automaton pass, plus known
people written in lowercase ("President obama").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from parley.actors.lexicon import Entry, Lexicon, Match, is_person, norm_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROLE_KINDS = ("title", "org", "group", "generic")
# Capitalised words that do not begin or continue a person's name.
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june", "july",
                       "august", "september", "october", "november", "december", "on", "in",
                       "the", "mr", "mrs", "ms", "dr", "sir"})
# spaCy entity types that are never part of a person's name. ORG is not among them: the small
# model often reads "the Kyrgyz Republic Almaz Imangaziev" as one organisation.
NOT_PERSON_ENTS = frozenset({"NORP", "GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW",
                             "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|['’]s\b|[^\w\s]")


class Tok(NamedTuple):
    """A token, from spaCy or from the regex tokenizer, with what the scanner needs (a named
    tuple: an article has thousands and they are built and read in tight loops)."""

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


def _cap(text: str) -> int:
    """0 lowercase, 1 Capitalised, 2 ALL CAPS ("US", "U.S.", "REUTERS")."""
    if not text[:1].isalpha():
        return 2 if text.isupper() and len(text) > 1 else 0
    if text.isupper():
        return 2
    # "iSrael": a stray capital inside a word is a typo for a capitalised word.
    return 1 if text[0].isupper() or (text[1:2].isupper() and text[2:].islower()) else 0


def tokens_from_text(text: str) -> list[Tok]:
    """Tokenise a short phrase without spaCy."""
    return [Tok(i, m.group(), m.group().lower(), m.start(), m.end(), _cap(m.group()),
                _cap(m.group()) > 0, 0) for i, m in enumerate(_TOKEN.finditer(text))]


def tokens_from_doc(doc: Doc) -> tuple[list[Tok], str]:
    """The scanner's view of a parsed Doc, and its text (read through arrays: Token objects
    and Doc.text build a Python object per token)."""
    # Columns, not rows: five flat lists are built far faster than one list per token.
    cols = doc.to_array(["ORTH", "SPACY", "POS", "ENT_TYPE", "TAG"]).T.tolist() if len(doc) \
        else [[], [], [], [], []]
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}
    # Per distinct word: (lowercase, capitalisation); per distinct (pos, ent, tag): flags.
    words: dict[int, tuple[str, str, int]] = {}
    flags: dict[tuple[int, int, int], tuple[str, bool, bool, bool, bool]] = {}
    toks = []
    parts = []
    idx = 0
    append = toks.append
    for i, (orth, space, pos_id, ent_id, tag_id) in enumerate(zip(*cols, strict=True)):
        w = words.get(orth)
        if w is None:
            word = strings[orth]
            w = words[orth] = (word, word.lower(), _cap(word))
        word, lower, cap = w
        f = flags.get((pos_id, ent_id, tag_id))
        if f is None:
            for key in (pos_id, ent_id, tag_id):
                if key not in names:
                    names[key] = strings[key]
            pos, ent = names[pos_id], names[ent_id]
            f = flags[(pos_id, ent_id, tag_id)] = (
                pos, pos == "PROPN" or ent == "PERSON", ent == "PERSON", ent in NOT_PERSON_ENTS,
                names[tag_id] in ("NNS", "NNPS"))
        end = idx + len(word)
        append(Tok(i, word, lower, idx, end, cap, f[1], sent_of[i], f[0], f[2], f[3], f[4]))
        parts.append(word)
        idx = end
        if space:
            parts.append(" ")
            idx += 1
    return toks, "".join(parts)


def find_atoms(lexicon: Lexicon, toks: list[Tok], *, cased: bool,
               lowercase_names: bool = False) -> list[Atom]:
    """All lexicon atoms in a token list, in one automaton pass.

    With `lowercase_names`, known people written in lowercase are added where no cased atom
    is: a full name ("barack obama") or a surname right after a title ("President obama").
    """
    words: list[str] = []
    caps: list[int] = []
    owner: list[int] = []
    # Per distinct (text, capitalisation): its words and their capitalisation, kept on the
    # lexicon across documents (bounded).
    normed = lexicon.token_words
    if len(normed) > 200_000:
        normed.clear()
    for t in toks:
        key = (t.text, t.cap)
        parts = normed.get(key)
        if parts is None:
            ws = _atom_words(t.text)
            parts = normed[key] = (ws, [t.cap if w != "'s" else 0 for w in ws])
        n = len(parts[0])
        if n == 1:
            words.append(parts[0][0])
            caps.append(parts[1][0])
            owner.append(t.i)
        elif n:
            words.extend(parts[0])
            caps.extend(parts[1])
            owner.extend([t.i] * n)
    found, anycase = lexicon.match_both(words, caps if cased else None)
    atoms = []
    for m in found:
        start, end = owner[m.start], owner[m.end - 1] + 1
        # "ambassador to": the entry's preposition is not part of the office's words.
        while end - 1 > start and toks[end - 1].pos == "ADP" and m.entries[0].kind in ROLE_KINDS:
            end -= 1
        # An office or body is a noun: not "heads" in "she heads the agency", nor the
        # adjective "major".
        if toks[end - 1].pos and m.entries[0].kind in ROLE_KINDS and toks[end - 1].pos not in (
            "NOUN", "PROPN", "PRON", "X"
        ):
            continue
        atoms.append(Atom(start, end, m))
    if lowercase_names and cased:
        extra = _lowercase_people(lexicon, toks, owner, anycase, atoms)
        if extra:
            atoms = sorted(atoms + extra, key=lambda a: a.start)
    return atoms


def _lowercase_people(lexicon: Lexicon, toks: list[Tok], owner: list[int],
                      anycase: list[Match], atoms: list[Atom]) -> list[Atom]:
    """Known people the cased pass missed because of lowercase letters: "barack obama" (two
    or more words, at least one lowercase), "President obama" (a surname after a title)."""
    covered: set[int] = set()
    title_end: set[int] = set()
    for a in atoms:
        covered.update(range(a.start, a.end))
        if a.kind == "title":
            title_end.add(a.end)
    extra = []
    for m in anycase:
        people = tuple(e for e in m.entries
                       if e.kind == "known" and e.known is not None and is_person(e.known))
        if not people:
            continue
        start, end = owner[m.start], owner[m.end - 1] + 1
        span = toks[start:end]
        if any(i in covered for i in range(start, end)) or all(t.cap for t in span):
            continue
        # Part of a longer capitalised name ("Ansar al-Tawhid") is someone else.
        if any(0 <= k < len(toks) and k not in covered and toks[k].cap
               and toks[k].text[:1].isalpha() and toks[k].sent == span[0].sent
               and toks[k].lower not in NOT_NAMES for k in (start - 1, end)):
            continue
        if m.end - m.start == 1:
            word = span[0].lower
            if start not in title_end or word not in lexicon.surnames or not word.isalpha() \
                    or span[0].pos not in ("PROPN", "NOUN", "X", ""):
                continue  # not "the President may visit"
        elif any(t.other_ent for t in span):
            continue
        extra.append(Atom(start, end, Match(start=m.start, end=m.end, entries=people)))
    return extra


def _atom_words(text: str) -> list[str]:
    """A token's words for lexicon matching: a hyphen joins ("Kassym-Jomart" == "Kassym
    Jomart"), a period or dash between words stays a break."""
    if text in ("-", "–", "—", "‐"):
        return []
    if text in (".",):
        return ["."]
    return norm_words(text)
