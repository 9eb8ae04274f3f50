"""Load the actor lexicon from the packaged data files (and a user's own dictionaries):
country names and forms, roles and titles, IGOs, regions and cities, known people and
organisations with dated roles. `data/README.md` documents the files."""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import yaml

from parley.actors import tabari
from parley.actors.lexicon import (
    AMBIGUOUS_ALIASES,
    BODY_WORDS,
    ROLES,
    SECTORS,
    SINGULAR,
    STOP_WORDS,
    WORD_CITIES,
    Entry,
    Known,
    Lexicon,
    Period,
    norm_words,
)
from parley.errors import LexiconError


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
