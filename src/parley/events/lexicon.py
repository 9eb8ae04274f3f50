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
        assemblies: dict[str, str],
    ) -> None:
        self.codebook = codebook
        self.verbs = verbs
        self.nouns = nouns
        self.mined = mined
        self._read_settings(settings)
        self._compile_topics(topics, frameworks, assemblies)
        self._mined_index = {lemma: _index(pats) for lemma, pats in mined.items()}
        # A mined verb's unconditional pattern (its default code), if it has one.
        # Off by default (`mined_defaults: false`): a verb with no phrase of its own is
        # too vague to code on whole articles ("took", "pushed", "ran").
        self.mined_default = {lemma: p for lemma, pats in mined.items()
                              for p in reversed(pats) if not p.specificity
                              } if settings.get("mined_defaults", True) else {}
        self.trigger_words = frozenset(verbs) | frozenset(nouns) | frozenset(mined)
        # The prefilter looks for the curated triggers only (speech verbs included: "X said"
        # is a statement event): the mined PETRARCH verb list covers nearly every verb.
        self.prefilter_words = frozenset(verbs) | frozenset(nouns)
        self._build_forms(verbs, nouns)

    def _read_settings(self, settings: dict[str, Any]) -> None:
        """The word lists and code maps of patterns.yaml's settings (comments there)."""
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
        self.nested_nominals = bool(settings.get("nested_nominals", True))
        self.threat_heads = frozenset(settings.get("threat_heads", ()))
        self.threat_roots = frozenset(str(r) for r in settings.get("threat_roots", ()))
        self.obligation_modals = frozenset(settings.get("obligation_modals", ()))
        # "X said Y must <do>" is a demand whatever the verb: the pattern for it.
        self.obligation_pattern = Pattern(id="v.obligation", cameo="100", kind="verb")
        self.relatives = frozenset(settings.get("relatives", ()))
        # "X said Y's move was a blatant violation": the statement criticises Y.
        self.negative_evaluations = frozenset(settings.get("negative_evaluations", ()))
        self.evaluation_pattern = Pattern(id="v.say.criticism", cameo="111", kind="verb")
        self.sourceless_roots = frozenset(str(r) for r in settings.get("sourceless_roots", ()))
        self.implied_authority = {str(lemma): str(role) for role, lemmas in
                                  settings.get("implied_authority", {}).items()
                                  for lemma in lemmas}
        self.content_roots = frozenset(str(r) for r in settings.get("content_roots", ()))
        self.intransitive_roots = frozenset(
            str(r) for r in settings.get("intransitive_roots", ()))
        self.intransitive_codes = frozenset(
            str(c) for c in settings.get("intransitive_codes", ()))
        self.refusal_codes = {str(k): str(v)
                              for k, v in settings.get("refusal_codes", {}).items()}
        self.threat_codes = {str(k): str(v) for k, v in settings.get("threat_codes", {}).items()}
        self.refusal_heads = frozenset(settings.get("refusal_heads", ()))

    def _compile_topics(self, topics: dict[str, list[str]], frameworks: dict[str, list[str]],
                        assemblies: dict[str, str]) -> None:
        """Lookup tables and regexes for topics, frameworks and parliamentary assemblies."""
        self.topics = topics
        self.frameworks = frameworks
        self._topic_of = {w.lower(): t for t, ws in topics.items() for w in ws}
        self._topic_re = _phrase_regex(list(self._topic_of))
        self._framework_of: dict[str, tuple[str, ...]] = {}
        for code, names in frameworks.items():
            for n in names:
                self._framework_of.setdefault(n.lower(), (code,))
        # Case-sensitive for abbreviations (EU, UN) so "un" or "eu" in words never match.
        self._framework_re = _names_regex([n for ns in frameworks.values() for n in ns])
        # "the OSCE and the Council of Europe parliamentary assemblies": one assembly each.
        self._assembly_of = {n.lower(): assemblies[code] for code, names in frameworks.items()
                             if code in assemblies for n in names}
        org = _names_regex(
            [n for code, ns in frameworks.items() if code in assemblies for n in ns], bare=True)
        self._assemblies_re = re.compile(
            rf"(?<![\w-])(?:(?P<a>{org})\s+and\s+(?:the\s+)?(?P<b>{org})\s+"
            rf"(?i:parliamentary\s+assemblies)|(?i:parliamentary\s+assemblies\s+of\s+)"
            rf"(?:the\s+)?(?P<c>{org})\s+and\s+(?:the\s+)?(?P<d>{org}))(?![\w-])"
        )

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
        assemblies = {str(k): str(v) for k, v in fw_raw.pop("assemblies", {}).items()}
        frameworks = {str(k): [str(w) for w in v] for k, v in fw_raw.items()}
        return cls(
            codebook=codebook, verbs=dict(verbs), nouns=dict(nouns), mined=mined,
            settings=data, topics=topics, frameworks=frameworks, assemblies=assemblies,
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

    def _build_forms(self, verbs: dict[str, list[Pattern]], nouns: dict[str, list[Pattern]]
                     ) -> None:
        """Inflected forms of the prefilter triggers, and the object words that the
        conditional-only ones ("put ... on alert", "use ... shield") need besides."""
        irregular: dict[str, set[str]] = defaultdict(set)
        for line in _read("irregular_forms.tsv").splitlines():
            if line and not line.startswith("#"):
                form, lemma = line.split("\t")
                irregular[lemma].add(form)
        forms: dict[str, str] = {}
        needs: dict[str, frozenset[str]] = {}
        for lemma in self.prefilter_words:
            head = lemma.replace("_", " ").split()[-1]
            for f in (*inflections(head), *irregular.get(head, ())):
                forms.setdefault(f, lemma)
            pats = [*verbs.get(lemma, ()), *nouns.get(lemma, ())]
            if not pats or not all(p.objects for p in pats):
                continue
            mined = self.mined.get(lemma, [])
            if mined and lemma not in self.generic_verbs:
                continue  # its mined default fires on the bare verb
            # A generic verb's mined default is ignored: only its conditional patterns fire.
            words = {w for p in pats for w in p.objects}
            for p in mined:
                if p.all_objects:
                    words |= p.all_objects[0]
                else:
                    words |= p.preps
            needs[lemma] = frozenset(f for w in words for f in inflections(w.split()[-1]))
        self._forms = forms
        self._needs = needs

    def mined_candidates(self, lemma: str, words: set[str]) -> list[Pattern]:
        """The mined patterns of a verb that can fit argument `words`, in priority order:
        those whose first object group meets the words, and those with no object group."""
        entry = self._mined_index.get(lemma)
        if entry is None:
            return []
        by_word, free = entry
        picked = set(free)
        for w in words:
            picked.update(by_word.get(w, ()))
        pats = self.mined[lemma]
        return [pats[i] for i in sorted(picked)]

    def has_trigger(self, text: str) -> bool:
        """Cheap test: does the text contain a form of a trigger word (with the object
        word its patterns require, for verbs that trigger only with one)?"""
        words = set(_WORD.findall(text.lower()))
        words.update([part for w in words if "-" in w for part in w.split("-")])
        if not self.obligation_modals.isdisjoint(words):
            return True  # "X said Y must <do>": a demand whatever the verb
        for w in words:
            lemma = self._forms.get(w)
            if lemma is None:
                continue
            need = self._needs.get(lemma)
            if need is None or not need.isdisjoint(words):
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
        hits: list[tuple[int, str]] = []
        masked = list(text)
        for m in self._assemblies_re.finditer(text):
            for group in ("a", "b", "c", "d"):
                if m.group(group):
                    hits.append((m.start(group), self._assembly_of[m.group(group).lower()]))
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
        for m in self._framework_re.finditer("".join(masked)):
            codes = self._framework_of.get(m.group(0).lower(), ())
            hits.extend((m.start(), code) for code in codes)
        found: list[str] = []
        for _, code in sorted(hits):
            if code not in found:
                found.append(code)
        return found


def _names_regex(names: list[str], *, bare: bool = False) -> str | re.Pattern[str]:
    """Alternation of names, longest first; all-caps abbreviations match case-sensitively."""
    body = "|".join(
        (re.escape(n) if n.isupper() else "(?i:" + re.escape(n) + ")")
        for n in sorted(names, key=len, reverse=True)
    )
    if bare:
        return f"(?:{body})"
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


def _index(pats: list[Pattern]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Positions of mined patterns by the words of their first object group."""
    by_word: dict[str, list[int]] = defaultdict(list)
    free: list[int] = []
    for i, p in enumerate(pats):
        if p.all_objects:
            for w in p.all_objects[0]:
                by_word[w].append(i)
        else:
            free.append(i)
    return {w: tuple(ix) for w, ix in by_word.items()}, tuple(free)


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_VOWELS = set("aeiou")


def inflections(word: str) -> set[str]:
    """Regular inflected forms of an English verb or noun: -s, -es, -ed, -ing, -ies..."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out.add(w[:-1] + "ing")
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if (len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
            and w[-3] not in _VOWELS):
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "ban": "banned", "banning"
    return out


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
