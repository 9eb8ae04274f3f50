"""The actor lexicon: every name, title and institution phrase in one Aho-Corasick automaton.

Phrases and text are compared as sequences of normalised words (lowercase, periods and hyphens
dropped, "'s" kept), so "U.S." = "US", "Kassym-Jomart" = "Kassym Jomart", "Lt. Gen." = "Lt Gen".
"""

from __future__ import annotations

import csv
import difflib
import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import ahocorasick
import yaml

from parley.actors import tabari
from parley.errors import LexiconError

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
def _data_path(name: str) -> Path:
    return Path(str(resources.files("parley.actors") / "data" / name))


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """TSV rows as dicts, '#' comment lines skipped; gzip by extension."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            lines = (line for line in fh if line.strip() and not line.startswith("#"))
            yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LexiconError(f"{path}: cannot read actor data: {exc}") from exc


def _is_acronym(phrase: str) -> bool:
    letters = phrase.replace(".", "").replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5 and " " not in phrase


def load_lexicon(extra_files: Iterable[Path] = ()) -> Lexicon:
    """Read every packaged data file (and the user's dictionaries) into one Lexicon."""
    lex = Lexicon()
    role_words = _load_roles(lex)
    for row in _rows(_data_path("demonyms.tsv")):
        _add_country_forms(lex, row)
    for row in _rows(_data_path("cities.tsv.gz")):
        capital = row["capital"] == "1"
        for name in row["names"].split("|"):
            words = norm_words(name)
            if len(words) == 1 and (words[0] in STOP_WORDS or words[0] in role_words
                                    or (words[0] in WORD_CITIES and not capital)):
                continue
            lex.add(name, Entry(kind="capital" if capital else "city", phrase=row["name"],
                                country=row["country"], lat=float(row["lat"]),
                                lon=float(row["lon"]), rule="city"))
    for row in _rows(_data_path("country_aliases.tsv")):
        phrase, country, kind = row["phrase"], row["country"], row["kind"]
        words = norm_words(phrase)
        if kind == "alias" and (
            len(words) == 1 and (words[0] in STOP_WORDS or words[0] in role_words
                                 or words[0] in AMBIGUOUS_ALIASES)
        ):
            continue
        lex.countries.setdefault(country, phrase if kind == "name" else country)
        entry_kind = "region" if kind == "region" else "country"
        # Phoenix lists cities and provinces among a country's synonyms; only spellings of
        # the country's own name ("KAZAKHISTAN") stand for the country.
        if kind == "alias" and not _looks_like(words, lex.countries.get(country, "")):
            entry_kind = "region"
        acronym = len(words) == 1 and len(words[0]) <= 3
        lex.add(phrase, Entry(kind=entry_kind, phrase=phrase, country=country,
                              acronym=acronym, rule=f"country:{kind}"))
    _load_igos(lex)
    _load_regions(lex, role_words)
    _load_known(lex, _data_path("people.tsv"), curated=True, role_words=role_words)
    _load_known(lex, _data_path("phoenix_actors.tsv.gz"), curated=False, role_words=role_words)
    # Phoenix's agent nouns, under Parley's own roles.yaml and every name: only new phrases.
    for row in _rows(_data_path("agents.tsv")):
        words = norm_words(row["phrase"])
        if row["role"] in ROLES and " " + " ".join(words) + " " not in lex._entries and not (
            len(words) == 1 and words[0] in STOP_WORDS
        ):
            kind = "org" if words[-1] in BODY_WORDS else "title"
            lex.add(row["phrase"], Entry(kind=kind, phrase=row["phrase"], role=row["role"],
                                         rule=f"agents:{row['phrase']}"), words=words)
    for path in extra_files:
        path = Path(path)
        if not path.is_file():
            raise LexiconError(f"{path}: actor dictionary not found")
        rows = None
        if path.suffix.lower() == ".txt":  # a TABARI/PETRARCH .actors.txt dictionary
            known = set(lex.countries) | {"XKX"}
            rows = list(tabari.people_rows(path, known.__contains__))
            if not rows:
                raise LexiconError(f"{path}: no actor entries with [CODE] roles found")
        _load_known(lex, path, curated=True, role_words=role_words, user=True, rows=rows)
    lex.finish()
    return lex


def _load_regions(lex: Lexicon, role_words: set[str]) -> None:
    """Provinces and states ("Sindh", "Tigrai"): only names no other entry uses, so a city,
    country, demonym ("Somali") or office keeps its own meaning."""
    for row in _rows(_data_path("regions.tsv.gz")):
        for name in row["names"].split("|"):
            words = norm_words(name)
            if not words or (len(words) == 1 and (words[0] in STOP_WORDS
                                                 or words[0] in role_words)):
                continue
            if " " + " ".join(words) + " " in lex._entries:
                continue
            lex.add(name, Entry(kind="region", phrase=row["name"], country=row["country"],
                                rule="region:iso"), words=words)


def _looks_like(words: list[str], name: str) -> bool:
    """True when a synonym starts like the country's name ('kazakhistan' ~ 'Kazakhstan') or
    is its initials ('the US' ~ 'United States')."""
    name_words = norm_words(name)
    if words[:1] == ["the"]:
        words = words[1:]
    if not words or not name_words:
        return False
    initials = "".join(w[0] for w in name_words if w not in ("of", "the", "and"))
    if len(words) == 1 and len(initials) >= 2 and words[0] in (initials, initials + "a"):
        return True
    return words[0][:4] == name_words[0][:4] or (len(words) > 1 and words[-1][:4]
                                                  == name_words[-1][:4])


def _add_country_forms(lex: Lexicon, row: dict[str, str]) -> None:
    iso = row["iso3"]
    names, adjectives, people = row["names"] or "", row["adjectives"] or "", row["people"] or ""
    for i, name in enumerate(filter(None, names.split("|"))):
        if i == 0:
            lex.countries[iso] = name
        lex.add(name, Entry(kind="country", phrase=name, country=iso, acronym=_is_acronym(name),
                            rule="country:name"))
    for adj in filter(None, adjectives.split("|")):
        lex.add(adj, Entry(kind="demonym", phrase=adj, country=iso, acronym=_is_acronym(adj),
                           rule="country:adjective"))
    for form in [*names.split("|"), *adjectives.split("|"), *people.split("|")]:
        if form and " " not in form and len(form) >= 5:
            lex.country_words.append(form.lower())
    for noun in filter(None, (people or "").split("|")):
        lex.add(noun, Entry(kind="people", phrase=noun, country=iso, rule="country:people"))


def _load_roles(lex: Lexicon) -> set[str]:
    path = _data_path("roles.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read roles: {exc}") from exc
    words: set[str] = set()
    section_kind = {"titles": "title", "generic": "generic", "orgs": "org", "groups": "group"}
    for section, kind in section_kind.items():
        for role, phrases in (data.get(section) or {}).items():
            if role not in ROLES:
                raise LexiconError(f"{path}: unknown role {role!r} in {section}")
            for phrase in phrases:
                forms = [phrase]
                if kind != "group" and not phrase.endswith("s") and phrase not in SINGULAR:
                    forms.append(phrase + "s")  # "Chairpersons of the Committees"
                for form in forms:
                    lex.add(form, Entry(kind=kind, phrase=phrase, role=role,
                                        rule=f"{section}:{phrase}"))
                w = norm_words(phrase)
                if len(w) == 1:
                    words.add(w[0])
                    if kind in ("title", "generic"):
                        lex.title_words.update((w[0], w[0] + "s"))
    for country, by_role in (data.get("national") or {}).items():
        for role, phrases in by_role.items():
            if role not in ROLES:
                raise LexiconError(f"{path}: unknown role {role!r} in national")
            for phrase in phrases:
                w = norm_words(phrase)
                if len(w) == 1:
                    words.add(w[0])
                kind = "title" if role == "GOV" and not _is_body(phrase) else "org"
                lex.add(phrase, Entry(kind=kind, phrase=phrase, role=role, country=country,
                                      rule=f"national:{phrase}"))
    for phrase in ("the sides", "both sides", "the two sides", "both countries",
                   "the two countries", "both nations", "the two nations", "the two states",
                   "both states", "the two leaders", "both leaders", "both parties",
                   "the two parties", "the countries"):
        lex.add(phrase, Entry(kind="pair", phrase=phrase, rule=f"group:{phrase}"))
    return words


def _is_body(phrase: str) -> bool:
    """'home office' is a body, 'home secretary' a person: by the last word."""
    return norm_words(phrase)[-1] in {"office", "street", "council", "politburo", "zhongnanhai",
                                      "hill"}


def _load_igos(lex: Lexicon) -> None:
    for row in _rows(_data_path("igos.tsv")):
        igo = row["igo"]
        code, pa, names = row["code"], row["pa"] or None, row["names"]
        entry = Entry(kind="igo", phrase=names.split("|")[0], igo=igo, code=code, pa=pa,
                      rule=f"igo:{igo}")
        lex.igos[igo] = entry
        for name in names.split("|"):
            lex.add(name, Entry(kind="igo", phrase=entry.phrase, igo=igo, code=code, pa=pa,
                                acronym=_is_acronym(name), rule=f"igo:{igo}"))


_PAREN = re.compile(r"\s*\([^)]*\)?\s*$")
_INITIALS_SKIP = frozenset({"of", "the", "for", "and", "in", "de", "al"})


def _with_parenthesised(aliases: list[str]) -> list[str]:
    """'LIBERATION TIGERS OF TAMIL EELAM (LTTE)' also as the bare name and, when the
    parenthesis holds its initials, as the acronym 'LTTE'; '(ACTING' notes are dropped."""
    out: list[str] = []
    for alias in aliases:
        out.append(alias)
        m = _PAREN.search(alias)
        if m is None:
            continue
        bare = alias[: m.start()].strip()
        if len(norm_words(bare)) > 1:  # a lone word ("OLIVE (...)") is too ambiguous
            out.append(bare)
        inner = m.group().strip(" ()")
        initials = "".join(w[0] for w in norm_words(bare) if w not in _INITIALS_SKIP)
        if inner.isalpha() and 2 <= len(inner) <= 6 and inner.lower() == initials:
            out.append(inner.upper())
    return out


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _load_known(lex: Lexicon, path: Path, *, curated: bool, role_words: set[str],
                user: bool = False, rows: Iterable[dict[str, str]] | None = None) -> None:
    """Rows of name, country, role, igo, start, end, title, aliases (one row per role), read
    from `path` (TSV) unless given. A user's TSV must use known roles; other roles are
    dropped (a PETRARCH dictionary's codes may go beyond CAMEO's role list)."""
    title_words = lex.title_words
    by_name: dict[str, Known] = {}
    required = {"name", "country", "role"}
    strict = user and rows is None
    for n, row in enumerate(_rows(path) if rows is None else rows, start=1):
        if not required <= set(row):
            raise LexiconError(f"{path}: needs the columns name, country, role (row {n})")
        name = _clean(row.get("name"))
        if not name:
            continue
        role = _clean(row.get("role"))
        if role and role not in ROLES:
            if strict:
                raise LexiconError(f"{path}, row {n}: unknown role {role!r}")
            role = None
        igo_id = _clean(row.get("igo"))
        if igo_id and igo_id.startswith("IGO"):  # Phoenix writes codes, people.tsv writes ids
            igo_id = next((i for i, e in lex.igos.items() if e.code == igo_id), None) or next(
                (i for i, e in lex.igos.items() if e.code and len(e.code) >= 6
                 and igo_id.startswith(e.code)), igo_id[3:6])
        known = by_name.get(name)
        if known is None:
            display = _PAREN.sub("", name).strip() or name  # "... Eelam (ltte)" -> "... Eelam"
            known = by_name[name] = Known(name=display, curated=curated, user=user)
            aliases = _with_parenthesised([name, *filter(None, (row.get("aliases") or ""
                                                                 ).split("|"))])
            canonical_words = norm_words(display)
            entries: dict[bool, Entry] = {}
            for alias in dict.fromkeys(a.strip() for a in aliases if a.strip()):
                words = norm_words(alias)
                if len(words) == 1 and (words[0] in STOP_WORDS or words[0] in role_words
                                        or len(words[0]) < 3):
                    continue
                # Phoenix writes titles into names ("PRESIDENT XI JINPING", "UN SECRETARY
                # GENERAL"); the title lexicon reads those words better.
                if not curated and len(words) > 1 and any(w in title_words for w in words):
                    continue
                # A lone Phoenix word ("TIGERS", "HASSAN") is too ambiguous unless it is an
                # acronym or the surname of a full name ("PUTIN" for VLADIMIR PUTIN).
                if not curated and len(words) == 1 and len(words[0]) > 5 and not (
                    len(canonical_words) > 1 and words[0] == canonical_words[-1]
                ):
                    continue
                if not curated and len(words) == 1 and len(canonical_words) == 1 and not (
                    _is_acronym(alias)
                ):
                    continue
                acronym = _is_acronym(alias) or (not curated and len(words) == 1
                                                 and len(words[0]) <= 4)
                entry = entries.get(acronym)
                if entry is None:
                    entry = entries[acronym] = Entry(
                        kind="known", phrase=name, known=known, acronym=acronym,
                        rule=f"{'user' if user else 'known'}:{display}")
                lex.add(alias, entry, words=words)
            lex.known_count += 1
            lex.knowns.append(known)
        country = _clean(row.get("country"))
        sector = country if country in SECTORS else None
        known.periods.append(Period(country=None if sector else country, role=role, igo=igo_id,
                                    start=_clean(row.get("start")), end=_clean(row.get("end")),
                                    title=_clean(row.get("title")), sector=sector))
