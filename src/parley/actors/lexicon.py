"""The actor lexicon: every name, title and institution phrase in one Aho-Corasick automaton.

Phrases and text are compared as sequences of normalised words (lowercase, periods and hyphens
dropped, "'s" kept), so "U.S." = "US", "Kassym-Jomart" = "Kassym Jomart", "Lt. Gen." = "Lt Gen".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import ahocorasick

# CAMEO role codes an Actor may carry; anything else in a source file is ignored.
ROLES = frozenset((
    "GOV", "LEG", "MIL", "JUD", "COP", "SPY", "OPP", "REB", "MED", "BUS", "NGO", "CVL", "PTY",
    "EDU", "ELI", "REL", "LAB", "UAF", "CRM", "BUD", "CHR", "MUS", "AGR", "DEV", "ENV", "HLH",
    "HRI", "REF", "SOC", "PRE", "PRM", "IGO", "MNC", "INS", "SEP", "RAD", "MOD",
))

# CAMEO codes of transnational actors without a country, allowed in a dictionary's country
# column: international militarised groups, NGOs, multinationals ("IMG" + "REB" = "IMGREB").
SECTORS = frozenset({"IMG", "NGO", "NGM", "MNC", "UIS"})

# Kinds of lexicon entries, in the order a phrase prefers them when several share its words.
KIND_ORDER = ("known", "igo", "country", "demonym", "people", "org", "title", "generic", "group",
              "pair", "capital", "region", "city")

_WORD = re.compile(r"'s\b|[^\W_]+|[,;:!?()\[\]\"«»“”]")
# Periods inside words ("U.S.", "Lt.") and hyphens are dropped so spellings compare equal.
_DROP = str.maketrans({".": "", "’": "'", "‘": "'", "`": "'"})

# Last words that make an agent noun a body rather than a person ("liberation front").
BODY_WORDS = frozenset({"front", "fronts", "party", "parties", "army", "armies", "council",
                        "committee", "union", "unions", "movement", "forces", "force", "group",
                        "groups", "organization", "organisation", "ministry", "ministries",
                        "agency", "agencies", "court", "courts", "police", "militia",
                        "militias", "brigade", "brigades", "government", "office",
                        "department", "company", "companies", "bank", "association",
                        "federation", "league", "alliance", "coalition", "unit", "units",
                        "service", "services", "board", "commission", "institute", "network"})
# Offices with one holder: no plural form, so "Kings College" is not "kings".
SINGULAR = frozenset({"king", "queen", "emir", "sultan", "pope", "monarch", "crown prince",
                      "regent", "dictator", "chancellor", "premier"})
# Phoenix country synonyms that are also other places' names: "Salisbury" (Harare's old
# name) is far more often the English city.
AMBIGUOUS_ALIASES = frozenset({"salisbury"})
# City names that are also common English words; capitals are kept.
WORD_CITIES = frozenset({"independence", "victoria", "mobile", "reading", "bath", "nice",
                         "split", "concord", "hope", "enterprise", "university", "mission",
                         "commerce", "orange", "paradise", "spring", "surprise", "normal",
                         "union", "liberty", "progress", "carrollton", "sale", "bury", "march"})
STOP_WORDS = frozenset((
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "is", "be", "it", "he", "she", "we", "they", "his", "her", "its", "our", "their",
    "this", "that", "these", "those", "who", "what", "which", "when", "where", "how", "all",
    "any", "some", "no", "not", "new", "old", "one", "two", "may", "can", "will", "said",
    "says", "say", "us", "man", "men", "people", "city", "state", "union", "party", "court",
    "group",
))


def norm_words(text: str) -> list[str]:
    """Normalised words of a phrase or text: lowercase, periods dropped, hyphens as breaks."""
    return _WORD.findall(text.translate(_DROP).lower())


@dataclass(frozen=True, kw_only=True, slots=True)
class Period:
    """One role a known person or organisation held, optionally date-bounded (YYYY-MM-DD)."""

    country: str | None
    role: str | None
    igo: str | None
    start: str | None
    end: str | None
    title: str | None
    sector: str | None = None  # CAMEO transnational prefix (IMG, NGO, MNC) when no country


@dataclass(kw_only=True, slots=True)
class Known:
    """A known person or named organisation with its roles over time."""

    name: str
    curated: bool  # Parley's own table or the user's, not Phoenix
    periods: list[Period] = field(default_factory=list)
    user: bool = False  # from the user's dictionary: wins over the packaged tables

    def at(self, date: str | None) -> Period:
        """The role held on `date` (YYYY-MM-DD prefix), else the current or default role."""
        dated = [p for p in self.periods if p.start or p.end]
        default = [p for p in self.periods if not (p.start or p.end)]
        if date:
            hits = [p for p in dated if (p.start or "") <= date and (not p.end or date < p.end)]
            if hits:
                return max(hits, key=lambda p: p.start or "")
            if default:
                return default[0]
            # Before a first dated role or after the last: the nearest one.
            return min(dated, key=lambda p: abs(_year(p.start or p.end) - _year(date)))
        current = [p for p in dated if not p.end]
        if current:
            return max(current, key=lambda p: p.start or "")
        # Undated text about a former office holder is most often from their time in office:
        # the last office, not the undated "former official" role.
        if dated:
            return max(dated, key=lambda p: p.end or "")
        return default[0]

    @property
    def country(self) -> str | None:
        """Any country the entity is attached to, for roles that do not name one."""
        return next((p.country for p in self.periods if p.country), None)


def is_person(known: Known | None) -> bool:
    """Known entities with dated roles or a capitalised office are people, others bodies."""
    if known is None:
        return False
    titles = [p.title for p in known.periods if p.title]
    if known.curated and titles and not any(t[:1].isupper() for t in titles):
        return False  # "movement", "government": a dated organisation (the Taliban)
    return any(p.start or p.end for p in known.periods) or any(
        p.title and p.title[:1].isupper() for p in known.periods
    )


def _year(date: str | None) -> int:
    return int(date[:4]) if date and date[:4].isdigit() else 0


@dataclass(frozen=True, kw_only=True, slots=True)
class Entry:
    """What one lexicon phrase means."""

    kind: str  # one of KIND_ORDER
    phrase: str
    country: str | None = None
    role: str | None = None
    igo: str | None = None
    code: str | None = None  # IGO actor code
    pa: str | None = None  # the IGO's parliamentary assembly id
    known: Known | None = None
    acronym: bool = False  # matches only when written in capitals ("WHO", "US")
    lat: float | None = None
    lon: float | None = None
    rule: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Match:
    """A lexicon phrase found at word positions [start, end)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *kinds: str) -> Entry | None:
        """The first entry of one of `kinds`, in lexicon preference order."""
        return next((e for e in self.entries if e.kind in kinds), None)


class Lexicon:
    """All actor phrases, loaded once; `match` finds them in a word sequence in one pass."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = {}
        self.igos: dict[str, Entry] = {}
        self.countries: dict[str, str] = {}  # ISO-3 -> display name
        self.known_count = 0
        self.country_words: list[str] = []  # one-word country forms, for typo matching
        self.knowns: list[Known] = []
        self.surnames: dict[str, list[Known]] = {}  # for "President Mugabe"
        self.title_words: set[str] = set()  # one-word titles: "president", "minister"
        # A token's (words, capitalisations) for matching, by (text, capitalisation): a cache
        # that `phrases.find_atoms` fills and bounds.
        self.token_words: dict[tuple[str, int], tuple[list[str], list[int]]] = {}
        # Surnames by (first letter, length), for misspellings.
        self._surname_index: dict[tuple[str, int], list[str]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    # -- building -------------------------------------------------------------------------
    def add(self, phrase: str, entry: Entry, words: list[str] | None = None) -> None:
        """Register one phrase; several entries may share the same words."""
        words = norm_words(phrase) if words is None else words
        if not words:
            return
        key = " " + " ".join(words) + " "
        bucket = self._entries.setdefault(key, [])
        ident = (entry.kind, entry.country, entry.role, entry.igo, id(entry.known))
        if any((e.kind, e.country, e.role, e.igo, id(e.known)) == ident for e in bucket):
            return
        # An adjective or people-noun listed in demonyms.tsv is not also a country name, a
        # city is not a Phoenix country synonym, and an IGO is not a Phoenix actor.
        if entry.kind == "country" and any(e.kind in ("demonym", "people") for e in bucket):
            return
        if entry.rule == "country:alias" and any(e.kind in ("capital", "city") for e in bucket):
            return
        if entry.kind == "known" and entry.known is not None and not entry.known.curated and any(
            e.kind == "igo" for e in bucket
        ):
            return
        bucket.append(entry)

    def finish(self) -> None:
        """Sort entries by preference and build the automaton."""
        automaton = ahocorasick.Automaton()
        rank = {k: i for i, k in enumerate(KIND_ORDER)}
        for key, bucket in self._entries.items():
            bucket.sort(key=lambda e: (rank[e.kind], not (e.known and e.known.user),
                                       not (e.known and e.known.curated)))
            automaton.add_word(key, (len(key), key.count(" ") - 1, tuple(bucket)))
        automaton.make_automaton()
        self._automaton = automaton
        # Phoenix often lists a person Parley's own table also has ("JOHN KERRY"): for a bare
        # surname that is one person, the curated one (with its later roles), not two.
        curated = {" ".join(norm_words(k.name)) for k in self.knowns if k.curated}
        for known in self.knowns:
            words = norm_words(known.name)
            if words and is_person(known) and (known.curated or " ".join(words) not in curated):
                self.surnames.setdefault(words[-1], []).append(known)
        for surname in self.surnames:
            if len(surname) >= 5 and surname.isalpha():
                self._surname_index.setdefault((surname[:1], len(surname)), []).append(surname)

    def close_surnames(self, word: str) -> list[str]:
        """Known surnames spelt almost like `word` ("Bouteflicka" -> "bouteflika")."""
        if len(word) < 5 or not word.isalpha():
            return []
        # A 0.9 similarity needs lengths within about a fifth of each other.
        n = len(word)
        bucket = [w for size in range(int(n * 0.8), int(n / 0.8) + 1)
                  for w in self._surname_index.get((word[:1], size), ())]
        return difflib.get_close_matches(word, bucket, n=2, cutoff=0.9)

    # -- matching -------------------------------------------------------------------------
    def match(self, words: list[str], caps: list[int] | None = None) -> list[Match]:
        """Leftmost-longest non-overlapping phrase matches over normalised words.

        `caps[i]` is 0 for a lowercase word, 1 capitalised, 2 all capitals; names need a
        capital and acronyms all capitals, so "us" or "who" in running text are not read as
        countries or organisations. None (resolving a bare phrase) accepts any case.
        """
        return self.match_both(words, caps)[0]

    def match_both(self, words: list[str],
                   caps: list[int] | None) -> tuple[list[Match], list[Match]]:
        """(matches respecting `caps`, matches ignoring case) from one automaton pass."""
        if not words or self._automaton is None:
            return [], []
        text = " " + " ".join(words) + " "
        starts: dict[int, int] = {}
        pos = 0
        for i, w in enumerate(words):
            starts[pos] = i
            pos += len(w) + 1
        cased: list[Match] = []
        uncased: list[Match] = []
        for end_char, (length, n, entries) in self._automaton.iter(text):
            first = starts.get(end_char - length + 1)
            if first is None:
                continue
            m = Match(start=first, end=first + n, entries=entries)
            uncased.append(m)
            ok = tuple(e for e in entries if _case_ok(e, first, n, caps, words))
            if ok:
                cased.append(m if len(ok) == len(entries) else Match(
                    start=first, end=first + n, entries=ok))
        return _leftmost_longest(cased), _leftmost_longest(uncased)


def _leftmost_longest(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[Match] = []
    last = 0
    for m in found:
        if m.start >= last:
            chosen.append(m)
            last = m.end
    return chosen


_LOWER_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin",
                              "ibn", "abu", "de", "da", "di", "du", "van", "von", "der", "la"})
_CASED_KINDS = frozenset({"known", "igo", "country", "demonym", "people", "capital", "region",
                          "city"})

# Country forms from demonyms.tsv that match in lower case too ("tunisian officials"), unless
# the word is also a common English word ("turkey", "chad", "jordan", "polish", "guinea").
_ANYCASE_RULES = frozenset({"country:name", "country:adjective", "country:people"})
_COMMON_WORDS = frozenset({"turkey", "chad", "jordan", "georgia", "guinea", "polish", "jersey",
                           "panama", "niger", "japan", "cook", "dutch", "french", "swiss",
                           "greek", "tonga", "wales", "nice", "lions", "trinidad"})


def _case_ok(entry: Entry, first: int, n: int, caps: list[int] | None, words: list[str]) -> bool:
    if caps is None:
        return True
    if entry.acronym:
        # "WHO" only in capitals; longer ones also as house styles write them ("Nato", "Isis").
        if n == 1 and len(words[first]) >= 4 and caps[first] > 0:
            return True
        return all(c == 2 for c in caps[first : first + n])
    if entry.rule in _ANYCASE_RULES and n == 1 and caps[first] == 0 and len(words[first]) >= 4 \
            and words[first] not in _COMMON_WORDS:
        return True  # "tunisian", "israel": a one-word country form in lower case
    if entry.kind in _CASED_KINDS:
        # "al-Qaida", "al-Anbar", "de Mistura": a lowercase particle before a capital.
        return caps[first] > 0 or (n > 1 and words[first] in _LOWER_PARTICLES
                                   and caps[first + 1] > 0)
    return True


# -- loading -------------------------------------------------------------------------------
