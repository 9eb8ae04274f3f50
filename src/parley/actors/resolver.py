"""ActorResolver: actor mentions in parsed articles and bare phrases -> Actor records."""

from __future__ import annotations

import contextlib
import difflib
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from parley.actors.build import Resolved, build
from parley.actors.descriptions import bind_descriptions
from parley.actors.lexicon import Lexicon, Period, norm_words
from parley.actors.loading import load_lexicon
from parley.actors.phrases import FORMER, Phrase, scan
from parley.actors.tokens import Atom, Tok, find_atoms, tokens_from_doc, tokens_from_text
from parley.records import Actor, Mention, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A capital alone is an actor as a subject, object or possessor ("Astana said", "warned
# Moscow", "Moscow's decision", "talks with Beijing"); after "in", "at", "to" or in a
# dateline it is a place. Other cities are places only.
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj"})
ACTOR_PREPS = frozenset({"by", "with", "against", "between", "from"})
PLACE_PREPS = frozenset({"in", "at", "to", "from", "near", "across", "outside", "inside"})
# Title words that do not distinguish one office from another when matching "the Minister".
_TITLE_NOISE = frozenset({"of", "the", "for", "affairs", "and", "on", "'s"})


@dataclass(slots=True)
class _Memory:
    """Per-article memory of the actors met so far, for later and shorter mentions."""

    by_surname: dict[str, Resolved] = field(default_factory=dict)
    titled: list[tuple[frozenset[str], Resolved]] = field(default_factory=list)
    orgs: dict[tuple[str | None, str], Resolved] = field(default_factory=dict)

    def remember(self, r: Resolved, name_words: list[str], title: str | None) -> None:
        if r.kind == "person":
            # The first person with a surname keeps it: a later bare "Aliyev" is usually
            # the article's main Aliyev.
            if name_words:
                self.by_surname.setdefault(name_words[-1], r)
                self.by_surname.setdefault(" ".join(name_words), r)
            if r.actor.name:
                self.by_surname.setdefault("=" + r.actor.name, r)
            if title:
                self.titled.append((_title_key(title), r))
        elif r.kind == "organisation" and r.head_word:
            self.orgs[(r.actor.country, r.head_word)] = r
            self.orgs[(None, r.head_word)] = r

    def describe(self, r: Resolved, name_words: list[str], title: str | None) -> None:
        """A name the article itself describes ("X, the Colombian defence minister"): the
        description replaces whatever the bare name was remembered as."""
        for key in [*name_words[-1:], " ".join(name_words)] if name_words else []:
            self.by_surname[key] = r
        if r.actor.name:
            self.by_surname["=" + r.actor.name] = r
        if title:
            self.titled.append((_title_key(title), r))


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What find_mentions and find_places share about one Doc."""

    toks: list[Tok]
    atoms: list[Atom]
    text: str
    by_sent: dict[int, list[Atom]]  # atoms by the sentence they start in


def _title_key(title: str) -> frozenset[str]:
    return frozenset(w for w in norm_words(title) if w not in _TITLE_NOISE)


class ActorResolver:
    """Resolves actor mentions to Actor records; all lexicons are loaded once in `load`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # Tokens, atoms and text per live Doc: the coder calls find_mentions then find_places
        # on the same Doc, so it is tokenised and matched once (entries go with the Doc).
        self._analysed: weakref.WeakKeyDictionary[Doc, _Analysis] = weakref.WeakKeyDictionary()
        # Curated organisations whose dated periods give different codes (the Taliban: REB
        # until 2021-08-15, GOV after), by name: for undated text, see `_distinct_sides`.
        self._two_sided: dict[str, list[Period]] = {
            k.name: k.periods for k in lexicon.knowns
            if k.curated and not any(p.title and p.title[:1].isupper() for p in k.periods)
            and len({(p.country, p.role) for p in k.periods}) > 1
        }

    def __getstate__(self) -> dict[str, Lexicon]:
        """Pickled without the per-Doc cache (weak references do not pickle)."""
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Lexicon]) -> None:
        self.__init__(state["lexicon"])  # type: ignore[misc]

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> ActorResolver:
        """Load the packaged lexicons plus the user's dictionary files (TSV, see docs)."""
        return cls(load_lexicon(extra_files))

    # -- bare phrases ---------------------------------------------------------------------
    def resolve_text(self, text: str, *, context: str = "", date: str | None = None) -> Actor:
        """Resolve one actor phrase ("Armenian Prime Minister Nikol Pashinyan") to an Actor."""
        text = text.strip()
        toks = tokens_from_text(text)
        atoms = find_atoms(self.lexicon, toks, cased=True, lowercase_names=True) or find_atoms(
            self.lexicon, toks, cased=False
        )
        atoms = [a for a in atoms if a.kind != "pair"] or self._fuzzy_atoms(toks)
        phrase = Phrase(0, len(toks), atoms=atoms)
        named = [p for p in scan(toks, atoms, 0, len(toks)) if p.name]
        if named:
            phrase.name = named[0].name
        phrase.former = any(t.lower in FORMER for t in toks)
        default = self._context_country(context, date)
        r = build(phrase, toks, date=_day(date), lexicon=self.lexicon, default_country=default,
                  source=text)
        return r.actor if r.actor.text == text else replace(r.actor, text=text)

    def _fuzzy_atoms(self, toks: list[Tok]) -> list[Atom]:
        """Misspelt country words ("Kazahks"), tried only when nothing else matched."""
        for t in toks:
            if len(t.text) < 5 or not t.cap:
                continue
            close = difflib.get_close_matches(t.lower, self.lexicon.country_words, n=1,
                                              cutoff=0.8)
            if close:
                fixed = tokens_from_text(close[0])
                found = find_atoms(self.lexicon, fixed, cased=False)
                if found:
                    return [Atom(t.i, t.i + 1, found[0].match)]
        return []

    def _context_country(self, context: str, date: str | None) -> str | None:
        if not context.strip():
            return None
        toks = tokens_from_text(context)
        atoms = find_atoms(self.lexicon, toks, cased=False)
        if not atoms:
            return None
        r = build(Phrase(0, len(toks), atoms=atoms), toks, date=_day(date), lexicon=self.lexicon)
        return r.actor.country

    # -- parsed documents -----------------------------------------------------------------
    def find_mentions(self, doc: Doc, *, date: str | None = None) -> list[Mention]:
        """Every actor mention of a parsed article, in text order, later mentions resolved."""
        day = _day(date)
        analysis = self._analyse(doc)
        toks, source = analysis.toks, analysis.text
        memory = _Memory()
        mentions: list[Mention] = []
        pairs: list[Phrase] = []
        ents: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG"):
                ents.setdefault(toks[ent.start].sent, []).append(ent)
        for n_sent, sent in enumerate(doc.sents):
            atoms = analysis.by_sent.get(n_sent, [])
            phrases = scan(toks, atoms, sent.start, sent.end)
            phrases = self._add_names(toks, atoms, phrases, sent.start, sent.end, memory)
            phrases = _add_entities(ents.get(n_sent, []), phrases)
            first = len(mentions)
            for n, phrase in enumerate(phrases):
                if phrase.atoms and phrase.atoms[0].kind == "pair":
                    pairs.append(phrase)
                    continue
                if phrase.entity == "ORG":
                    mentions.append(_unknown_org(doc, toks, phrase))
                    continue
                default = self._coordinated_country(phrases, n, toks, day)
                mention = self._resolve(doc, toks, phrase, day, default, memory, source)
                if mention is not None:
                    mentions.append(mention)
            for k, actor in bind_descriptions(doc, mentions[first:]):
                mentions[first + k] = replace(mentions[first + k], actor=actor, kind="person")
                memory.describe(Resolved(actor=actor, kind="person"),
                                norm_words(actor.name or ""), actor.title)
        if pairs:
            mentions = self._add_pairs(doc, toks, mentions, pairs)
        if day is None:
            mentions = self._distinct_sides(mentions)
        return mentions

    def _distinct_sides(self, mentions: list[Mention]) -> list[Mention]:
        """Undated text: a movement coded like another actor of its sentence takes its other role.

        Without a date an organisation gets the role it holds now (the Taliban: AFGGOV); when
        the same sentence also names that government ("the Afghan president ... the
        Taliban"), the text is about the two as opposing sides, so the movement takes its
        other period's code (AFGREB) instead of collapsing into one actor.
        """
        out = list(mentions)
        for n, m in enumerate(mentions):
            periods = self._two_sided.get(m.actor.name or "")
            if not periods or m.kind == "anaphor":
                continue
            clash = any(o is not m and o.sentence_index == m.sentence_index
                        and o.actor.code == m.actor.code and o.actor.name != m.actor.name
                        for o in mentions)
            if not clash:
                continue
            other = next((p for p in sorted(periods, key=lambda p: p.start or "", reverse=True)
                          if p.country and p.role
                          and (p.country + p.role) != m.actor.code), None)
            if other is not None:
                actor = replace(m.actor, country=other.country, role=other.role,
                                code=other.country + other.role,
                                rule=(m.actor.rule or "") + "+distinct-sides")
                out[n] = replace(m, actor=actor)
        return out

    def _analyse(self, doc: Doc) -> _Analysis:
        """Tokens, lexicon atoms and text of a Doc, once for find_mentions and find_places."""
        try:
            found = self._analysed.get(doc)
        except TypeError:  # not weak-referenceable: analyse every time
            found = None
        if found is not None and len(found.toks) == len(doc):
            return found
        toks, text = tokens_from_doc(doc)
        atoms = find_atoms(self.lexicon, toks, cased=True, lowercase_names=True)
        by_sent: dict[int, list[Atom]] = {}
        for a in atoms:
            by_sent.setdefault(toks[a.start].sent, []).append(a)
        found = _Analysis(toks=toks, atoms=atoms, text=text, by_sent=by_sent)
        with contextlib.suppress(TypeError):
            self._analysed[doc] = found
        return found

    def _add_names(self, toks: list[Tok], atoms: list[Atom], phrases: list[Phrase], start: int,
                   end: int, memory: _Memory) -> list[Phrase]:
        """Names outside phrases: spaCy PERSON entities and surnames met earlier."""
        covered = {i for p in phrases for i in range(p.start, p.end)}
        covered |= {i for a in atoms if start <= a.start < end for i in range(a.start, a.end)}
        extra: list[Phrase] = []
        i = start
        while i < end:
            t = toks[i]
            if i in covered or not t.cap or not t.text[0].isalpha():
                i += 1
                continue
            k = i
            while k < end and k not in covered and toks[k].cap and (
                toks[k].text[0].isalpha() or toks[k].text in ("-",)
            ):
                k += 1
            words = norm_words(" ".join(x.text for x in toks[i:k]))
            if words and (words[-1] in memory.by_surname or " ".join(words)
                          in memory.by_surname):
                extra.append(Phrase(i, k, name=(i, k)))
            i = k
        return sorted(phrases + extra, key=lambda p: p.start)

    def _coordinated_country(self, phrases: list[Phrase], n: int, toks: list[Tok],
                             day: str | None) -> str | None:
        """'members of the Senate and the House ... of the Belgian legislature': share BEL."""
        if n + 1 >= len(phrases):
            return None
        nxt = phrases[n + 1]
        between = [t.lower for t in toks[phrases[n].end : nxt.start]]
        if between != ["and"]:
            return None
        cur = phrases[n]
        # "the OSCE and the Council of Europe parliamentary assemblies": both assemblies.
        if cur.atoms and cur.atoms[-1].kind == "igo":
            tail = [a for a in nxt.atoms
                    if a.first("org") and a.first("org").phrase == "parliamentary assemblies"]
            if tail:
                cur.atoms.append(tail[0])
        r = build(nxt, toks, date=day, lexicon=self.lexicon)
        return r.actor.country if r.kind == "organisation" else None

    def _resolve(self, doc: Doc, toks: list[Tok], phrase: Phrase, day: str | None,
                 default: str | None, memory: _Memory, source: str) -> Mention | None:
        atoms = phrase.atoms
        if not atoms and phrase.name is None:
            return None
        if len(atoms) == 1 and atoms[0].kind in ("capital", "city", "region"):
            a = atoms[0]
            root = doc[a.start : a.end].root
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head  # "in Ankara and Paris": Paris is where Ankara is
            followed_by_s = a.end < len(doc) and doc[a.end].lower_ in ("'s", "’s")
            after_prep = root.dep_ == "pobj" and root.head.lower_ in ACTOR_PREPS
            dateline = a.start < 3 and toks[a.start].cap == 2
            if a.kind == "city" or dateline or not (
                root.dep_ in ACTOR_DEPS or followed_by_s or after_prep
            ):
                return None
        r = build(phrase, toks, date=day, lexicon=self.lexicon, default_country=default,
                  source=source)
        kind = r.kind
        name_words = norm_words(source[toks[phrase.name[0]].start : toks[phrase.name[1] - 1].end]
                                ) if phrase.name else []
        actor = r.actor
        if kind == "person" or (phrase.name is not None):
            # A bare surname points back ("Soto"); a different full name with the same
            # surname ("Heydar Aliyev" after "Ilham Aliyev") is someone else.
            prior = memory.by_surname.get(" ".join(name_words)) or (
                memory.by_surname.get(name_words[-1]) if len(name_words) == 1 else None
            ) or (memory.by_surname.get("=" + actor.name) if actor.name else None)
            # The text's own country must agree; a guess from the surname table need not.
            stated = any(a.first("country", "demonym", "people") for a in atoms)
            if prior is not None and (not stated or actor.country in (None,
                                                                     prior.actor.country)):
                actor = prior.actor
                kind = "anaphor" if len(name_words) < len(norm_words(prior.actor.name or "")) \
                    else "person"
            elif not name_words and actor.title:
                found = self._title_antecedent(memory, actor)
                if found is not None:
                    actor, kind = found.actor, "anaphor"
            elif not name_words and not actor.title and actor.country is None and \
                    actor.name is None:
                return None
        elif kind == "organisation" and r.head_word:
            # Without a country, only a definite "the delegation" points back.
            prior = memory.orgs.get((actor.country, r.head_word)) if (
                actor.country is not None or phrase.definite) else None
            explicit = any(a.first("org", "group") is not None for a in atoms)
            if prior is not None and (phrase.definite or not explicit) and (
                len(atoms) <= 2
            ):
                actor, kind = prior.actor, "anaphor"
            elif actor.country is None and actor.igo is None and not explicit:
                return None  # a bare "member" or "group" with nothing to anchor it
        if actor is r.actor:
            memory.remember(Resolved(actor=actor, kind=kind, head_word=r.head_word),
                            name_words, actor.title)
        if actor.code is None and actor.country is None and actor.igo is None and \
                actor.role is None:
            kind = "unknown"  # a name no lexicon knows, with nothing to code it by
        start_char, end_char = toks[phrase.start].start, toks[phrase.end - 1].end
        return Mention(start_char=start_char, end_char=end_char,
                       token_start=phrase.start, token_end=phrase.end,
                       sentence_index=toks[phrase.start].sent, text=source[start_char:end_char],
                       actor=actor, kind=kind, head=doc[phrase.start : phrase.end].root.i)

    def _title_antecedent(self, memory: _Memory, actor: Actor) -> Resolved | None:
        """'the Deputy Foreign Minister' -> the latest person whose title has those words."""
        key = _title_key(actor.title or "")
        if not key:
            return None
        for words, r in reversed(memory.titled):
            if key <= words and actor.country in (None, r.actor.country):
                return r
        return None

    def _add_pairs(self, doc: Doc, toks: list[Tok], mentions: list[Mention],
                   pairs: list[Phrase]) -> list[Mention]:
        """'the sides', 'both countries': one group mention per member of the article's pair."""
        counts = Counter(m.actor.country for m in mentions if m.actor.country)
        main = [c for c, _ in counts.most_common(2)]
        if len(main) < 2:
            return mentions
        added = []
        for phrase in pairs:
            span = doc[phrase.start : phrase.end]
            for country in main:
                actor = Actor(text=span.text, name=self.lexicon.countries.get(country),
                              country=country, code=country, rule="group:pair")
                added.append(Mention(start_char=span.start_char, end_char=span.end_char,
                                     token_start=phrase.start, token_end=phrase.end,
                                     sentence_index=toks[phrase.start].sent, text=span.text,
                                     actor=actor, kind="group", head=span.root.i))
        return sorted(mentions + added, key=lambda m: (m.start_char, m.end_char))

    # -- places ---------------------------------------------------------------------------
    def find_places(self, doc: Doc) -> list[PlaceMention]:
        """Cities and capitals named in a parsed article, and countries after 'in', 'to' ..."""
        analysis = self._analyse(doc)
        toks, source = analysis.toks, analysis.text
        places = []
        for a in analysis.atoms:
            e = a.first("capital", "city")
            start_char, end_char = toks[a.start].start, toks[a.end - 1].end
            text = source[start_char:end_char]
            if e is None:
                # A country or a province after "in", "to" ...: "fighting in Sindh".
                c = a.first("country", "region")
                prev = toks[a.start - 1].lower if a.start > 0 else ""
                if c is None or a.kind not in ("country", "region") or prev not in PLACE_PREPS \
                        or not c.country:
                    continue
                # A region's dictionary form may be all capitals ("RAQQA"): the text's is better.
                name = self.lexicon.countries.get(c.country, text) if a.kind == "country" \
                    else (text if c.phrase.isupper() else c.phrase)
                place = Place(name=name, country=c.country)
            else:
                place = Place(name=e.phrase, country=e.country, lat=e.lat, lon=e.lon)
            places.append(PlaceMention(start_char=start_char, end_char=end_char,
                                       sentence_index=toks[a.start].sent, text=text,
                                       place=place))
        return places


def _add_entities(ents: list[Span], phrases: list[Phrase]) -> list[Phrase]:
    """spaCy PERSON and ORG entities that no lexicon phrase covers, as name-only phrases."""
    if not ents:
        return phrases
    covered = {i for p in phrases for i in range(p.start, p.end)}
    extra = []
    for ent in ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if start >= ent.end:
            continue
        if ent.label_ == "PERSON":
            extra.append(Phrase(ent.start, ent.end, name=(start, ent.end)))
        else:
            extra.append(Phrase(ent.start, ent.end, entity="ORG"))
    return sorted(phrases + extra, key=lambda p: p.start) if extra else phrases


def _unknown_org(doc: Doc, toks: list[Tok], phrase: Phrase) -> Mention:
    """An organisation spaCy found that no lexicon knows: named, but without a code."""
    span = doc[phrase.start : phrase.end]
    name = span.text[4:] if span[0].lower_ == "the" else span.text
    actor = Actor(text=span.text, name=name, rule="ner:ORG")
    return Mention(start_char=span.start_char, end_char=span.end_char,
                   token_start=phrase.start, token_end=phrase.end,
                   sentence_index=toks[phrase.start].sent, text=span.text, actor=actor,
                   kind="unknown", head=span.root.i)


def _day(date: str | None) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a comparable YYYY-MM-DD string."""
    if not date:
        return None
    date = date.strip()[:10]
    if len(date) == 4:
        return f"{date}-07-01"
    if len(date) == 7:
        return f"{date}-15"
    return date
