"""A naive keyword coder: the floor printed beside the real coder by `evaluate --baseline`.

Per sentence: the first trigger word picks a CAMEO code, the first country named is the
source and the second the target. No parsing, no roles. Used only for evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import pycountry
import yaml

from parley.errors import LexiconError
from parley.records import Actor, Article, Event

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@dataclass(frozen=True, kw_only=True, slots=True)
class _Trigger:
    code: str
    plover: str | None


class BaselineCoder:
    """Trigger words and country names, nothing more."""

    name = "baseline"

    def __init__(
        self,
        triggers: dict[str, _Trigger],
        trigger_re: re.Pattern,
        countries: dict[str, str],
        country_re: re.Pattern,
    ) -> None:
        self._triggers = triggers
        self._trigger_re = trigger_re
        self._countries = countries
        self._country_re = country_re

    @classmethod
    def load(cls) -> BaselineCoder:
        """Read the packaged baseline.yaml and ISO country names."""
        raw = resources.files("parley.evaluate").joinpath("data/baseline.yaml").read_text("utf-8")
        try:
            data = yaml.safe_load(raw)
            triggers = {
                word.lower(): _Trigger(code=str(code), plover=entry.get("plover"))
                for code, entry in data["triggers"].items()
                for word in entry["words"]
            }
            countries: dict[str, str] = {}
            for country in pycountry.countries:
                for attr in ("name", "common_name", "official_name"):
                    name = getattr(country, attr, None)
                    if name and "," not in name:
                        countries[name] = country.alpha_3
            for code, names in data["countries"].items():
                for name in names:
                    countries[name] = code
        except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
            raise LexiconError(f"baseline.yaml: {exc}") from exc

        def alternation(words: Iterable[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        trigger_re = re.compile(rf"\b(?:{alternation(triggers)})\b", re.IGNORECASE)
        country_re = re.compile(rf"(?<![\w.])(?:{alternation(countries)})(?![\w])")
        return cls(triggers, trigger_re, countries, country_re)

    def _countries_in(self, text: str) -> list[tuple[str, int, int, str]]:
        found, seen = [], set()
        for m in self._country_re.finditer(text):
            code = self._countries[m.group(0)]
            if code not in seen:
                seen.add(code)
                found.append((code, m.start(), m.end(), m.group(0)))
        return found

    def code(self, article: Article) -> list[Event]:
        """Events of one article, at most one per sentence."""
        events = []
        for index, m in enumerate(_SENTENCE.finditer(article.text)):
            sentence = m.group(0)
            trigger = self._trigger_re.search(sentence)
            if not trigger:
                continue
            entry = self._triggers[trigger.group(0).lower()]
            named = self._countries_in(sentence)
            actors = [
                (Actor(text=text, country=code, code=code), (m.start() + s, m.start() + e))
                for code, s, e, text in named[:2]
            ]
            source, source_span = actors[0] if actors else (None, None)
            target, target_span = actors[1] if len(actors) > 1 else (None, None)
            events.append(
                Event(
                    event_id=f"{article.id}:baseline:{index}",
                    doc_id=article.id,
                    sentence_index=index,
                    char_start=m.start(),
                    char_end=m.end(),
                    text=sentence,
                    source=source,
                    target=target,
                    cameo=entry.code,
                    cameo_root=entry.code[:2],
                    plover=entry.plover,
                    quad_class=_quad_class(entry.code[:2]),
                    goldstein=0.0,
                    rule=f"baseline:{trigger.group(0).lower()}",
                    trigger_start=m.start() + trigger.start(),
                    trigger_end=m.start() + trigger.end(),
                    source_span=source_span,
                    target_span=target_span,
                )
            )
        return events

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Each article with its baseline events."""
        for article in articles:
            yield article, self.code(article)

    def resolve_actor(
        self, text: str, *, context: str = "", date: str | None = None
    ) -> Actor | None:
        """The first country named in the mention (or its context); no role."""
        named = self._countries_in(text) or self._countries_in(context)
        if not named:
            return Actor(text=text)
        return Actor(text=text, country=named[0][0], code=named[0][0])
