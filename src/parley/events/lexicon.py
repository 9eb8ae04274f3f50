"""EventLexicon: verb and noun patterns, mined PETRARCH verbs, topics, frameworks, codebook.

Everything is read once from the package's data files; the lexicon is immutable afterwards.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import ahocorasick
import yaml

from parley.errors import LexiconError
from parley.events.codebook import Codebook

_PATTERN_FIELDS = {
    "id", "cameo", "lemmas", "objects", "not_objects", "preps", "reciprocal", "speech",
    "light_only", "requires_light",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class Pattern:
    """One trigger pattern: a verb or noun lemma with optional argument conditions."""

    id: str
    cameo: str
    kind: str  # verb | noun | mined
    objects: frozenset[str] = frozenset()  # any of these lemmas in the argument subtree
    all_objects: tuple[frozenset[str], ...] = ()  # mined: every group must match
    not_objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    reciprocal: bool = False
    speech: bool = False
    light_only: bool = False
    requires_light: frozenset[str] = frozenset()
    specificity: int = 0  # how many argument conditions it checks (more = more specific)


def _with_specificity(p: Pattern) -> Pattern:
    spec = (1 if p.objects else 0) + len(p.all_objects) + (1 if p.preps else 0)
    return replace(p, specificity=spec)


def _read(name: str) -> str:
    try:
        return resources.files("parley.events").joinpath(f"data/{name}").read_text("utf-8")
    except OSError as exc:
        raise LexiconError(f"events data file {name} is missing: {exc}") from exc


def _yaml(name: str) -> Any:
    try:
        return yaml.safe_load(_read(name))
    except yaml.YAMLError as exc:
        raise LexiconError(f"events data file {name} is not valid YAML: {exc}") from exc


def _pattern(entry: dict[str, Any], kind: str, codebook: Codebook) -> tuple[list[str], Pattern]:
    unknown = set(entry) - _PATTERN_FIELDS
    if unknown or "id" not in entry or "cameo" not in entry or "lemmas" not in entry:
        raise LexiconError(f"patterns.yaml: bad {kind} pattern {entry.get('id')!r}: {unknown}")
    cameo = str(entry["cameo"])
    if cameo not in codebook:
        raise LexiconError(f"patterns.yaml: {entry['id']}: unknown CAMEO code {cameo}")
    pat = _with_specificity(Pattern(
        id=str(entry["id"]),
        cameo=cameo,
        kind=kind,
        objects=frozenset(str(w).lower() for w in entry.get("objects", ())),
        not_objects=frozenset(str(w).lower() for w in entry.get("not_objects", ())),
        preps=frozenset(str(w).lower() for w in entry.get("preps", ())),
        reciprocal=bool(entry.get("reciprocal", False)),
        speech=bool(entry.get("speech", False)),
        light_only=bool(entry.get("light_only", False)),
        requires_light=frozenset(str(w).lower() for w in entry.get("requires_light", ())),
    ))
    return [str(lemma).lower() for lemma in entry["lemmas"]], pat


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(p.strip()) for p in phrases if p.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


class EventLexicon:
    """Verb/noun patterns, mined verbs, topics and frameworks, loaded once."""

    def __init__(
        self,
        *,
        codebook: Codebook,
        verbs: dict[str, list[Pattern]],
        nouns: dict[str, list[Pattern]],
        mined: dict[str, list[Pattern]],
        settings: dict[str, Any],
        topics: dict[str, list[str]],
        frameworks: dict[str, list[str]],
        combined: dict[str, list[str]],
    ) -> None:
        self.codebook = codebook
        self.verbs = verbs
        self.nouns = nouns
        self.mined = mined
        self.light_verbs = frozenset(settings.get("light_verbs", ()))
        self.planned_heads = frozenset(settings.get("planned_heads", ()))
        self.modal_planned = frozenset(settings.get("modal_planned", ()))
        self.arranged_heads = frozenset(settings.get("arranged_heads", ()))
        self.negations = frozenset(settings.get("negations", ()))
        self.intent_codes = {str(k): str(v) for k, v in settings.get("intent_codes", {}).items()}
        self.undergo_verbs = frozenset(settings.get("undergo_verbs", ()))
        self.speech_lemmas = frozenset(settings.get("speech_lemmas", ()))
        self.generic_verbs = frozenset(settings.get("generic_verbs", ()))
        self.main_clause_only = bool(settings.get("main_clause_only", False))
        self.threat_heads = frozenset(settings.get("threat_heads", ()))
        self.threat_roots = frozenset(str(r) for r in settings.get("threat_roots", ()))
        self.obligation_modals = frozenset(settings.get("obligation_modals", ()))
        # "X said Y must <do>" is a demand whatever the verb: the pattern for it.
        self.obligation_pattern = Pattern(id="v.obligation", cameo="100", kind="verb")
        self.sourceless_roots = frozenset(str(r) for r in settings.get("sourceless_roots", ()))
        self.content_roots = frozenset(str(r) for r in settings.get("content_roots", ()))
        self.intransitive_roots = frozenset(
            str(r) for r in settings.get("intransitive_roots", ()))
        self.refusal_codes = {str(k): str(v)
                              for k, v in settings.get("refusal_codes", {}).items()}
        self.threat_codes = {str(k): str(v) for k, v in settings.get("threat_codes", {}).items()}
        self.topics = topics
        self.frameworks = frameworks
        self._topic_of = {w.lower(): t for t, ws in topics.items() for w in ws}
        self._topic_re = _phrase_regex(list(self._topic_of))
        self._framework_of: dict[str, tuple[str, ...]] = {}
        for code, names in frameworks.items():
            for n in names:
                self._framework_of.setdefault(n.lower(), (code,))
        for phrase, codes in combined.items():
            self._framework_of[phrase.lower()] = tuple(codes)
        # Case-sensitive for abbreviations (EU, UN) so "un" or "eu" in words never match.
        self._framework_re = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(
                (re.escape(n) if n.isupper() else "(?i:" + re.escape(n) + ")")
                for n in sorted(self._framework_of_raw(frameworks, combined), key=len,
                                reverse=True)
            )
            + r")(?![\w-])"
        )
        self.trigger_words = frozenset(verbs) | frozenset(nouns) | frozenset(mined)
        # The prefilter looks for the curated triggers only: the mined PETRARCH verb list
        # covers nearly every English verb, and a bare "said" reports no event by itself.
        speech_only = {lemma for lemma, pats in verbs.items() if all(p.speech for p in pats)}
        self.prefilter_words = (frozenset(verbs) | frozenset(nouns)) - speech_only
        self._automaton = self._build_automaton()

    @staticmethod
    def _framework_of_raw(frameworks: dict[str, list[str]], combined: dict[str, list[str]]
                          ) -> list[str]:
        return [n for names in frameworks.values() for n in names] + list(combined)

    @classmethod
    def load(cls) -> EventLexicon:
        """Read every events data file from the package."""
        codebook = Codebook.load()
        data = _yaml("patterns.yaml") or {}
        verbs: dict[str, list[Pattern]] = defaultdict(list)
        nouns: dict[str, list[Pattern]] = defaultdict(list)
        for section, kind, index in (("verbs", "verb", verbs), ("nouns", "noun", nouns)):
            for entry in data.get(section, ()):
                lemmas, pat = _pattern(entry, kind, codebook)
                for lemma in lemmas:
                    index[lemma].append(pat)
        for index in (verbs, nouns):
            for lemma, pats in index.items():
                # Conditional patterns first, stable in file order otherwise.
                index[lemma] = sorted(pats, key=lambda p: -min(p.specificity, 1))
        mined = cls._load_mined(codebook)
        topics = {str(k): [str(w) for w in v] for k, v in (_yaml("topics.yaml") or {}).items()}
        fw_raw = _yaml("frameworks.yaml") or {}
        combined = {str(k): [str(c) for c in v] for k, v in fw_raw.pop("combined", {}).items()}
        frameworks = {str(k): [str(w) for w in v] for k, v in fw_raw.items()}
        return cls(
            codebook=codebook, verbs=dict(verbs), nouns=dict(nouns), mined=mined,
            settings=data, topics=topics, frameworks=frameworks, combined=combined,
        )

    @staticmethod
    def _load_mined(codebook: Codebook) -> dict[str, list[Pattern]]:
        sets: dict[str, frozenset[str]] = {}
        for line in _read("petrarch_sets.tsv").splitlines():
            if line and not line.startswith("#"):
                name, words = line.split("\t")
                # Multi-word entries match on their last word (the head noun).
                sets[name] = frozenset(w.split()[-1] for w in words.split("|") if w)
        mined: dict[str, list[Pattern]] = defaultdict(list)
        rows = csv.reader(
            (ln for ln in _read("petrarch_verbs.tsv").splitlines() if not ln.startswith("#")),
            delimiter="\t",
        )
        next(rows, None)
        for lemma, code, objects, preps, kind, line in rows:
            if code not in codebook:
                continue
            groups = tuple(
                sets.get(w, frozenset()) if w.startswith("&") else frozenset({_singular(w)})
                for w in objects.split(";") if w
            )
            mined[lemma].append(_with_specificity(Pattern(
                id=f"petrarch.{kind}:{line}", cameo=code, kind="mined",
                all_objects=groups,
                preps=frozenset(p for p in preps.split(";") if p),
            )))
        for lemma, pats in mined.items():
            mined[lemma] = sorted(pats, key=lambda p: -p.specificity)
        return dict(mined)

    def _build_automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for word in self.prefilter_words:
            if len(word) > 2:
                auto.add_word(word[:-1] if len(word) > 4 else word, word)
        for line in _read("irregular_forms.tsv").splitlines():
            if line and not line.startswith("#"):
                form, lemma = line.split("\t")
                if lemma in self.prefilter_words and len(form) > 2:
                    auto.add_word(form, form)
        auto.make_automaton()
        return auto

    def has_trigger(self, text: str) -> bool:
        """Cheap test: does the text contain anything that looks like a trigger word?"""
        lowered = text.lower()
        for end, _word in self._automaton.iter(lowered):
            # A stem hit must begin a word ("attack" in "attacked", not in "counterattack" is
            # fine too); this only prunes sentences, the parse decides.
            start = end - len(_word) + 2 if len(_word) > 4 else end - len(_word) + 1
            if start <= 0 or not lowered[start - 1].isalpha():
                return True
        return False

    def find_topics(self, text: str) -> list[str]:
        """Canonical topics named in a text, in order of first mention."""
        found: list[str] = []
        for m in self._topic_re.finditer(text):
            topic = self._topic_of.get(m.group(0).lower())
            if topic and topic not in found:
                found.append(topic)
        return found

    def find_frameworks(self, text: str) -> list[str]:
        """Framework codes named in a text, in order of first mention."""
        found: list[str] = []
        for m in self._framework_re.finditer(text):
            for code in self._framework_of.get(m.group(0).lower(), ()):
                if code not in found:
                    found.append(code)
        return found


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
