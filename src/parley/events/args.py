"""Who did it to whom: the actor mentions under a trigger's argument heads.

The source and target of an event come from the actor mentions found under the tokens that
head its subject and object sides (shallowest first, conjuncts included), with fall-backs
for pronouns, quotes, places and actors named elsewhere in the clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from parley.actors.ethnic import ethnic_country
from parley.events import context as ctx
from parley.events.match import Trigger
from parley.events.places import LOCATIVE, named_place
from parley.events.sides import subjects_of
from parley.records import Actor, Article, Mention, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.events.lexicon import EventLexicon

# Children whose subtrees belong to another clause: an argument search must not wander there.
_STOP_DEPS = {"relcl", "ccomp", "advcl", "punct", "cc", "parataxis", "csubj", "mark"}
_OTHER_CLAUSE = {"conj"}
_FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}
# Roles whose unnamed holders are the source's compatriots: "the government", "police".
_DOMESTIC_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "PTY", "ELI", "SPY"}
_TRANSNATIONAL = {"NGO", "IGO", "MNC", "IMG"}  # no country to inherit from the sentence
_THIRD_PERSON = {"he", "she", "they", "it", "his", "her", "their", "its"}
_PERSONAL = {"he", "she", "him"}
# Unnamed state and armed actors ("government forces", "the regime", "rebels"): with no
# country in their phrase or sentence they belong to the country the article is about.
_FOCUS_ROLES = {"GOV", "MIL", "REB", "COP", "JUD", "SPY"}
_ARMED_ROLES = {"MIL", "REB"}
# Roots whose object may be the place itself: a town seized, shelled or besieged.
_PLACE_IS_OBJECT = {"18", "19", "20"}


def identifiable(actor: Actor) -> bool:
    """Can the actor be coded: does it have a country or an international organisation?"""
    return bool(actor.country or actor.igo)


def transnational(actor: Actor) -> bool:
    """An actor with no country to inherit: an NGO, IGO, multinational or militant network."""
    return ((actor.role or "") in _TRANSNATIONAL
            or (actor.code or "")[:3] in _TRANSNATIONAL)


@dataclass
class DocState:
    """Per-document lookups shared by every sentence of one article."""

    article: Article
    doc: Doc
    lex: EventLexicon
    published: Any
    by_token: dict[int, list[Mention]] = field(default_factory=dict)
    places: list[PlaceMention] = field(default_factory=list)
    quotes: list[tuple[ctx.Quote, Mention | None]] = field(default_factory=list)
    dateline: Place | None = None
    sent_starts: list[int] = field(default_factory=list)
    area_topics: list[str] = field(default_factory=list)
    article_frameworks: list[str] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)  # person mentions, in text order
    countries: dict[str, int] = field(default_factory=dict)  # country -> mentions in article
    focus: str | None = None  # the country the article is about, when one stands out


def same_actor(a: Actor, b: Actor) -> bool:
    """Do two actors denote the same person, organisation or country?"""
    if a.name and b.name:
        return a.name == b.name
    if a.code and b.code and a.code == b.code:
        return a.name == b.name or (not a.name and not b.name)
    return a.text.lower() == b.text.lower()


def with_np_country(m: Mention, head: Token, st: DocState) -> Mention:
    """A mention without a country takes one named inside its own noun phrase:
    "King Hassan of Morocco", "Iran's religious leader Ayatollah Khomeini"."""
    a = m.actor
    # Transnational by role or by code ("IMGREB": a militant group with no country).
    if a.country or a.igo or transnational(a):
        return m
    root = st.doc[m.head] if m.head is not None else head
    if (a.role or "") in _ARMED_ROLES:
        ethnic = _ethnic_group(m, root, st)
        if ethnic is not None:
            return ethnic
    for t in (*root.subtree, *head.subtree):
        if t.dep_ in _STOP_DEPS:
            continue
        for other in st.by_token.get(t.i, ()):
            if other is not m and other.actor.country:
                return give_country(m, other.actor.country, "np-country")
    # Otherwise the nearest country named in the same sentence: an unqualified "the
    # government" or "President Mugabe" in a sentence about Zimbabwe is Zimbabwe's. An
    # unknown name the parser tags as a place ("Palmyra") is a place, not an actor.
    if not a.role and (root.ent_type_ in ("GPE", "LOC", "FAC") or named_place(root)):
        return m
    sent = root.sent
    best: tuple[int, str] | None = None
    for t in sent:
        for other in st.by_token.get(t.i, ()):
            # A news outlet reports; its country is not the actors' ("told Reuters").
            if other is not m and other.actor.country and other.actor.role != "MED":
                d = abs(t.i - root.i)
                if best is None or d < best[0]:
                    best = (d, other.actor.country)
    if best is None:  # a place named in the sentence ("opposition leaders ... in Baku")
        for pm in st.places:
            if sent.start_char <= pm.start_char < sent.end_char and pm.place.country:
                best = (0, pm.place.country)
                break
    if best is not None:
        return give_country(m, best[1], "sentence-country")
    if st.focus and (a.role or "") in _FOCUS_ROLES and m.kind != "person":
        return give_country(m, st.focus, "article-country")
    return m


def _ethnic_group(m: Mention, root: Token, st: DocState) -> Mention | None:
    """ "Kurdish forces", "Houthi fighters": an armed group of the country the article names
    among those where the group fights; None when the phrase has no such adjective."""
    found = _ethnic_modifier(root, ("amod", "compound", "nmod"), st)
    if found is None:
        return None
    word, country = found
    actor = replace(m.actor, country=country, role="REB", code=f"{country}REB",
                    rule=f"{m.actor.rule or ''}+events:ethnic-{word.lower_}")
    return replace(m, actor=actor)


def _ethnic_modifier(head: Token, deps: tuple[str, ...], st: DocState
                     ) -> tuple[Token, str] | None:
    """An ethnic adjective before `head` ("Kurdish forces", "Kurdish-held") and the country
    of its armed groups among those the article names."""
    for c in head.children:
        if c.dep_ in deps and c.i < head.i:
            country = ethnic_country(c.text, st.countries)
            if country is not None:
                return c, country
    return None


def domestic(target: Mention, sources: list[Mention]) -> Mention:
    """A target guessed only from the sentence ("the government", "police") belongs to the
    source's own country when the source has one: CAMEO's domestic default."""
    rule = target.actor.rule or ""
    src = next((s.actor.country for s in sources if s.actor.country), None)
    if transnational(target.actor):
        return target
    if (not target.actor.country and not target.actor.igo and src
            and (target.actor.role in _DOMESTIC_ROLES or target.kind == "person")):
        return give_country(target, src, "source-country")
    if rule.endswith("+events:sentence-country") and src and target.actor.country != src:
        base = replace(target.actor, rule=rule.removesuffix("+events:sentence-country"))
        return give_country(replace(target, actor=base), src, "source-country")
    return target


def give_country(m: Mention, country: str, how: str) -> Mention:
    """The mention with its actor placed in `country`, the step recorded in its rule."""
    actor = replace(m.actor, country=country, code=country + (m.actor.role or ""),
                    rule=f"{m.actor.rule or ''}+events:{how}")
    return replace(m, actor=actor)


def mentions_under(head: Token, st: DocState, max_depth: int = 7) -> list[Mention]:
    """Mentions heading the phrase under `head`: the shallowest ones, conjuncts included."""
    heads = [head]
    i = 0
    while i < len(heads):
        # Conjuncts, and appositions that are list members misparsed ("the US, Russia, and
        # Switzerland met").
        heads.extend(c for c in heads[i].children if c.dep_ == "conj"
                     or (c.dep_ == "appos" and c.pos_ == "PROPN"))
        i += 1
    found: list[Mention] = []
    for h in heads:
        level = [h]
        for _ in range(max_depth):
            hits = [with_np_country(m, h, st) for t in level for m in st.by_token.get(t.i, ())]
            if hits:
                # Coordinated modifiers name several actors: "Hungarian and Romanian officials".
                for t in level:
                    for c in t.children:
                        if c.dep_ in ("amod", "compound", "nmod") and any(
                                g.dep_ == "conj" for g in c.children):
                            for x in (c, *(g for g in c.children if g.dep_ == "conj")):
                                hits.extend(st.by_token.get(x.i, ()))
                for m in hits:
                    if m not in found:
                        found.append(m)
                break
            level = [c for t in level for c in t.children
                     if c.dep_ not in _STOP_DEPS and c not in heads and not _clause(c)
                     and not _someone_elses(t, c, st)]
            if not level:
                break
    return found


def _someone_elses(noun: Token, child: Token, st: DocState) -> bool:
    """"The father of Shamima Begum", "a lawyer for Hoda Muthana", "Begum's mother": the
    person named is not the one who acts."""
    if noun.lemma_.lower() not in st.lex.relatives:
        return False
    return child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("of", "for"))


def _clause(tok: Token) -> bool:
    """A noun's complement clause with its own subject ("an admission that X murdered Y"):
    its actors belong to the clause's event, not to the phrase the clause completes."""
    return tok.dep_ == "acl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def speaker_for(tok: Token, st: DocState) -> Mention | None:
    """Who speaks the direct quote a token sits in, if any."""
    for q, speaker in st.quotes:
        if q.start <= tok.idx < q.end:
            return speaker
    return None


def side(heads: Iterable[int], st: DocState) -> list[Mention]:
    """The actor mentions on one side of an event (its subject or object heads)."""
    out: list[Mention] = []
    for i in heads:
        tok = st.doc[i]
        if tok.lower_ in _FIRST_PERSON and tok.pos_ == "PRON":
            speaker = speaker_for(tok, st)
            if speaker is not None and speaker not in out:
                out.append(speaker)
            continue
        found = mentions_under(tok, st)
        if not found and tok.lower_ in _THIRD_PERSON and tok.pos_ == "PRON":
            found = antecedent(tok, st)
            if not found and tok.lower_ in _PERSONAL:
                found = protagonist(tok, st)
        for m in found:
            if m not in out:
                out.append(m)
    return out


def protagonist(pron: Token, st: DocState) -> list[Mention]:
    """ "he also criticised Europe": he/she is the person the article has named most often
    before the pronoun (the most recent of equals), when that person has a country."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in st.people:
        if m.token_end > pron.i:
            break
        key = m.actor.name or m.actor.code or ""
        if key and (m.actor.country or m.actor.igo):
            counts[key] = counts.get(key, 0) + 1
            last[key] = m
    if not counts:
        return []
    best = max(counts, key=lambda k: (counts[k], last[k].token_start))
    return [last[best]] if counts[best] >= 2 else []


def antecedent(pron: Token, st: DocState) -> list[Mention]:
    """'X said they would ...': a pronoun subject of a reported clause is the speaker."""
    v = pron.head
    for _ in range(4):
        if v.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or v.head is v:
            return []
        v = v.head
        found = [m for s in subjects_of(v) for m in mentions_under(s, st)]
        if found:
            return found
    return []


def fallback_target(trig: Trigger, sent: Span, sources: list[Mention], st: DocState
                     ) -> Mention | None:
    """An actor elsewhere in the clause (or the quote) when syntax gave no target."""
    src_tokens: set[int] = set()
    for i in trig.subjects:
        src_tokens.update(t.i for t in st.doc[i].subtree)
    src_countries = {m.actor.country for m in sources if m.actor.country}
    anchor = st.doc[trig.anchor]
    # Stay inside the trigger's own clause: not in a conjoined or subordinate one.
    skip = {t.i for c in anchor.children if c.dep_ in _OTHER_CLAUSE for t in c.subtree}
    pools = [[t for t in anchor.subtree if t.i not in skip]]
    if speaker_for(anchor, st) is not None:
        pools.append(list(sent))
    for pool in pools:
        for t in pool:
            if t.i in src_tokens:
                continue
            for m in st.by_token.get(t.i, ()):
                if any(same_actor(m.actor, s.actor) for s in sources):
                    continue
                if m.actor.country and m.actor.country in src_countries:
                    continue
                return with_np_country(m, t, st)
    return None


def place_target(trig: Trigger, sent: Span, sources: list[Mention], st: DocState
                  ) -> Mention | None:
    """A place the event is aimed at or happens in stands for its country as the target
    ("shelled Juba", "exercises in Alaska") when no actor is named."""
    anchor = st.doc[trig.anchor]
    tokens = {t.i for i in trig.objects for t in st.doc[i].subtree}
    place = place_of(trig, sent, st)
    for pm in st.places:
        if not (sent.start_char <= pm.start_char < sent.end_char) or not pm.place.country:
            continue
        span = st.doc.char_span(pm.start_char, pm.end_char, alignment_mode="expand")
        if span is None:
            continue
        if span.root.i in tokens or (place is not None and pm.place == place
                                     and span.root.i in {t.i for t in anchor.subtree}):
            c = pm.place.country
            actor = Actor(text=pm.text, name=None, country=c, code=c, rule="events:place")
            if any(same_actor(actor, s.actor) for s in sources):
                continue
            return Mention(start_char=pm.start_char, end_char=pm.end_char,
                           token_start=span.start, token_end=span.end,
                           sentence_index=pm.sentence_index, text=pm.text, actor=actor,
                           kind="place", head=span.root.i)
    return None


_HELD = frozenset({"held", "controlled", "dominated", "run"})


def held_by(trig: Trigger, st: DocState) -> Mention | None:
    """The side that held what an attack or a capture took: "the Kurdish-held town" (a
    Kurdish armed group of the article's country where such groups fight)."""
    for i in object_tokens(trig, st):
        tok = st.doc[i]
        if tok.lower_ not in _HELD or tok.dep_ != "amod":
            continue
        found = _ethnic_modifier(tok, ("npadvmod", "amod", "compound"), st)
        if found is None:
            continue
        c, country = found
        actor = Actor(text=c.text, country=country, role="REB", code=f"{country}REB",
                      rule=f"events:held-by-{c.lower_}")
        return Mention(start_char=c.idx, end_char=c.idx + len(c), token_start=c.i,
                       token_end=c.i + 1, sentence_index=0, text=c.text, actor=actor,
                       kind="group", head=c.i)
    return None


def object_tokens(trig: Trigger, st: DocState) -> set[int]:
    """Token indexes inside the trigger's object phrases."""
    return {t.i for i in trig.objects for t in st.doc[i].subtree}


def place_of(trig: Trigger, sent: Span, st: DocState) -> Place | None:
    """A place attached to the trigger by in/at/to, or visited."""
    marks = {trig.token, trig.anchor}
    for pm in st.places:
        if not (sent.start_char <= pm.start_char < sent.end_char):
            continue
        span = st.doc.char_span(pm.start_char, pm.end_char, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head  # "at Manchester airport", "in Idlib province"
        # Only "in/at/near <place>" or a visited place ("visited Astana") says where.
        if (t.head.i in marks and t.dep_ in ("dobj", "obj")
                and trig.pattern.cameo[:2] == "04"):
            return pm.place
        if trig.cameo[:2] in _PLACE_IS_OBJECT and t.i in object_tokens(trig, st):
            return pm.place  # "seized the town of Albu Kamal", "shelled Juba"
        if not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE):
            continue
        t = t.head
        # Walk up through the nominal phrase ("talks ... with X in Brussels") to the
        # trigger; another verb on the way means the place belongs to another clause.
        for _ in range(8):
            if t.i in marks:
                return pm.place
            if t.head is t or t.dep_ in ("relcl", "ccomp", "advcl", "acl"):
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.i not in marks:
                break
    return None


def implied_authority(trig: Trigger, sent: Span, st: DocState) -> Mention | None:
    """The unnamed court or police behind a passive arrest or sentence with no agent ("X
    was jailed in Turkey"): of the country where it happened, else of the person's own when
    the article is about that country."""
    tok = st.doc[trig.token]
    role = st.lex.implied_authority.get(tok.lemma_.lower())
    if role is None or trig.anchor != trig.token or not any(
            c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None
    victims = side(trig.objects, st)
    own = next((m.actor.country for m in victims if m.actor.country), None)
    here = place_of(trig, sent, st)
    # Where it happened decides; else the person's own country when the article is about it.
    country = (here.country if here is not None else None) or (
        own if own is not None and own == st.focus else None)
    if country is None or not victims:
        return None
    actor = Actor(text="", country=country, role=role, code=f"{country}{role}",
                  rule="events:implied-authority")
    first = victims[0]
    return replace(first, actor=actor, kind="implied")


def implied_country(src: Mention, country: str) -> Mention:
    """An unnamed side that is the parties of a country ("brokered a deal" in an article about
    Syria: the Syrian parties), with no role."""
    actor = Actor(text=country, country=country, code=country, rule="events:implied-parties")
    return replace(src, actor=actor, kind="implied")


def implied_government(src: Mention) -> Mention:
    """Protest with no named target: CAMEO codes it against the protesters' government."""
    c = src.actor.country or ""
    actor = Actor(text=c, country=c, role="GOV", code=f"{c}GOV",
                  rule="events:implied-government")
    return replace(src, actor=actor, kind="implied")
