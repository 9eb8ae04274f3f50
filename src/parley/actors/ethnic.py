"""Armed groups named by an ethnic or sectarian adjective ("Kurdish forces")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "ethnic_groups.tsv"


@lru_cache(maxsize=1)
def ethnic_countries() -> dict[str, tuple[str, ...]]:
    """Lower-cased adjective -> the countries its armed groups fight in, most frequent first."""
    out: dict[str, tuple[str, ...]] = {}
    header = True
    for line in _DATA.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        adjective, countries = line.split("\t")
        out[adjective.lower()] = tuple(c for c in countries.split("|") if c)
    return out


def ethnic_country(adjective: str, article_countries: dict[str, int]) -> str | None:
    """The country of a group named by `adjective`, among those the article names."""
    for country in ethnic_countries().get(adjective.lower(), ()):
        if article_countries.get(country):
            return country
    return None
