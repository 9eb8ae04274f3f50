"""code_article / code_doc / code_articles: from an article to its coded events."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from parley.events import context as ctx
from parley.events.args import (
    DocState,
    domestic,
    fallback_target,
    held_by,
    identifiable,
    implied_authority,
    implied_country,
    implied_government,
    mentions_under,
    place_of,
    place_target,
    same_actor,
    side,
    transnational,
)
from parley.events.match import Trigger, find_triggers
from parley.events.places import LOCATIVE, PLACE_NOUNS, article_places, sentence_place
from parley.events.prefilter import candidate_text, sentence_starts
from parley.events.restated import merge_restated
from parley.events.when import event_when, sentence_dates
from parley.records import Actor, Article, Event, Mention, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from parley.coder import Coder
    from parley.events.lexicon import EventLexicon

# Roots where the place of an event is not its target ("surrendered in Soroti").
_NO_PLACE_TARGET = {"01", "02", "03", "08", "10", "11", "12", "13", "14"}
_ABOUT = {"over", "about", "against", "of"}
_TERRITORY_NOUNS = PLACE_NOUNS | {"territory", "area", "land", "border", "frontier",
                                  "stronghold", "countryside", "side", "part", "soil"}
_ECON = {"trade", "investment", "economy", "energy", "transportation", "agriculture"}


def _event_id(doc_id: str, sentence: str, cameo: str, src: Actor | None, tgt: Actor | None
              ) -> str:
    key = "\x1f".join((doc_id, sentence, cameo, (src.code or src.text) if src else "",
                       (tgt.code or tgt.text) if tgt else ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _refine(cameo: str, trig: Trigger, sent: Span, src: Actor | None, tgt: Actor | None,
            place: Place | None, topics: list[str]) -> str:
    """Sub-codes the clause supports: host vs visit, economic/military intent."""
    if cameo == "040" and place is not None and place.country and src and tgt:
        if src.country == place.country and tgt.country and tgt.country != place.country:
            return "043"
        if tgt.country == place.country and src.country and src.country != place.country:
            return "042"
    if cameo == "030":
        if set(topics) & _ECON:
            return "0311"
        if "security" in topics:
            return "0312"
    return cameo


def _confidence(trig: Trigger, has_target: bool, fallback: bool) -> float:
    c = 0.55 if trig.pattern.kind != "mined" else 0.4
    if trig.pattern.specificity:
        c += 0.15
    if has_target and not fallback:
        c += 0.15
    if fallback:
        c -= 0.1
    if trig.planned:
        c -= 0.1
    return round(max(0.05, min(0.95, c)), 2)


def _territory(target: Mention, trig: Trigger, st: DocState) -> bool:
    """ "reclaimed northern Syrian towns": for territory taken, a country named only as an
    adjective of the place is where it happened, not the side that lost it."""
    if trig.cameo not in st.lex.intransitive_codes or target.kind != "country":
        return False
    head = st.doc[target.head] if target.head is not None else None
    return head is not None and head.dep_ in ("amod", "compound") and (
        head.head.lemma_.lower() in _TERRITORY_NOUNS)


def _intransitive(trig: Trigger, lex: EventLexicon) -> bool:
    """May the trigger's event stand without a target? An intent aimed at someone we
    could not identify ("said he would welcome him") is dropped like the event it
    intends; one aimed at no one ("agreed to talks", "pledged to cooperate") stands."""
    if trig.cameo in lex.intransitive_codes and trig.pattern.cameo == trig.cameo:
        return True
    if trig.cameo[:2] not in lex.intransitive_roots:
        return False
    own = trig.pattern.cameo[:2]
    return (own in lex.intransitive_roots or trig.pattern.kind == "noun"
            or own == trig.cameo[:2] or not trig.objects)


def _pairs(trig: Trigger, sources: list[Mention], targets: list[Mention]
           ) -> list[tuple[Mention | None, Mention | None]]:
    meeting = trig.cameo[:2] == "04"  # a country does not meet its own officials
    # Nor does a minister inform, urge or praise the country he speaks for.
    verbal = trig.cameo[:2] in ("01", "02", "03", "05")
    if targets and not sources:
        return [(None, t) for t in targets]
    if targets:
        return [(s, t) for s in sources for t in targets
                if not same_actor(s.actor, t.actor)
                and not (s.actor.code and s.actor.code == t.actor.code)
                and not (meeting and _own_country(s.actor, t.actor))
                and not (verbal and _speaks_for(s.actor, t.actor))]
    distinct: list[Mention] = []
    for s in sources:
        if not any(same_actor(s.actor, d.actor) for d in distinct):
            distinct.append(s)
    # "A and B met": each met the other; not "A and B brokered a deal" (co-mediators).
    if len(distinct) >= 2 and trig.cameo[:3] != "045":
        return [(a, b) for a in distinct for b in distinct
                if a is not b and not _own_country(a.actor, b.actor)]
    return [(s, None) for s in distinct]


def _speaks_for(a: Actor, b: Actor) -> bool:
    """Is `b` the bare country that `a`, one of its officials or bodies, speaks for?"""
    return bool(a.country) and a.role is not None and b.role is None and (
        b.country == a.country)


def _own_country(a: Actor, b: Actor) -> bool:
    """A country and an actor of its own ("Russia and Turkey, whose ministers met") are one
    side of a meeting, not its two sides."""
    return bool(a.country) and a.country == b.country and (a.role is None or b.role is None)


def _targets(trig: Trigger, sent: Span, sources: list[Mention], st: DocState
             ) -> tuple[list[Mention], bool]:
    """The target mentions of a trigger, and whether they were found by the fall-back
    search of the clause rather than by syntax."""
    # The first argument that names an actor is the target (direct object before
    # prepositional ones): "blamed Israel for the bombing in Tulkarm" targets Israel.
    heads = trig.objects
    if trig.cameo[:2] in ("11", "12"):
        # A complaint is aimed at what it is about, not at whom it is lodged with:
        # "complained to the UN over Israeli raids" targets Israel.
        # The accused itself comes first: "accused the US of building an army".
        heads = tuple(sorted(heads, key=lambda i: 0 if st.doc[i].dep_ in ("dobj", "obj")
                             else 1 if st.doc[i].head.lower_ in _ABOUT else 2))
    per_head = [[t for t in side((i,), st)
                 if not any(same_actor(t.actor, s.actor) for s in sources)
                 and not (trig.cameo[:2] == "04" and _located(t, st))]
                for i in heads]
    # A named or located actor beats a generic one ("contributed troops to a force in
    # Liberia": Liberia, not the troops).
    targets = next((f for f in per_head
                    if any(t.actor.country or t.actor.igo or t.actor.name for t in f)),
                   next((f for f in per_head if f), []))
    targets = [domestic(t, sources) for t in targets
               if not any(same_actor(t.actor, s.actor) for s in sources)]
    fallback = False
    speech = trig.pattern.speech or trig.cameo == "010" or trig.cameo[:2] == "02"
    if speech:
        pass  # a statement or an appeal is directed at whom the verb names, not a bystander
    elif not targets and len({s.actor.code or s.actor.text for s in sources}) < 2:
        fb = fallback_target(trig, sent, sources, st)
        if fb is not None:
            targets, fallback = [fb], True
    if (not targets and not speech
            and len({s.actor.code or s.actor.text for s in sources}) < 2
            and trig.cameo[:2] not in _NO_PLACE_TARGET):
        spot = (held_by(trig, st) if trig.cameo[:2] == "19" else None) or place_target(
            trig, sent, sources, st)
        if spot is not None:
            targets = [spot]
    elif fallback:
        targets = [domestic(t, sources) for t in targets]
    return targets, fallback


def _located(m: Mention, st: DocState) -> bool:
    """A country named as where something is ("developments in Syria"): for a meeting it is
    the topic or the venue, not the partner."""
    tok = st.doc[m.head] if m.head is not None else st.doc[m.token_start]
    return m.kind == "country" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def _codable_pairs(trig: Trigger, sources: list[Mention], targets: list[Mention],
                   st: DocState) -> Iterator[tuple[Mention | None, Mention | None]]:
    """The (source, target) pairs of a trigger that the protocol codes."""
    for src_m, tgt_m in _pairs(trig, sources, targets):
        if (tgt_m is None and trig.cameo[:3] == "045" and src_m and st.focus
                and src_m.actor.country != st.focus):
            tgt_m = implied_country(src_m, st.focus)  # mediation between a country's parties
        if tgt_m is None and not _intransitive(trig, st.lex):
            continue  # CAMEO events are dyadic; only some roots stand without a target
        if tgt_m is None and trig.cameo[:2] == "14" and src_m and src_m.actor.country:
            tgt_m = implied_government(src_m)
        if src_m is not None and not identifiable(src_m.actor):
            continue  # acts of actors with a country or an IGO only (a militant network
            # or an NGO with no country is coded only as a target)
        if tgt_m is not None and ((not identifiable(tgt_m.actor) and not transnational(
                tgt_m.actor)) or _territory(tgt_m, trig, st)):
            if not _intransitive(trig, st.lex):
                continue
            tgt_m = None
        yield src_m, tgt_m


def _sentence_events(si: int, sent: Span, st: DocState) -> list[Event]:
    found = find_triggers(sent, st.lex)
    sides = {t.token: side(t.subjects, st) for t in found}
    for t in found:
        if not sides[t.token]:
            authority = implied_authority(t, sent, st)
            if authority is not None:
                sides[t.token] = [authority]
    # Only triggers with a source become events (violence with a known victim may lack one:
    # "three civilians were killed in a car bombing"); dates attach among those.
    triggers = [t for t in found
                if (sides[t.token] or (t.cameo[:2] in st.lex.sourceless_roots
                                       and side(t.objects, st)))
                and not ((t.pattern.speech or t.cameo == "010") and t.speech_has_event)]
    if not triggers:
        return []
    dates = sentence_dates(sent, triggers)
    # The evidence is cut from the article itself: the parsed text may have blanked
    # (prefiltered) neighbours, the offsets are the same.
    raw = st.article.text[sent.start_char:sent.end_char]
    start = sent.start_char + len(raw) - len(raw.lstrip())
    text = raw.strip()
    topics_here = st.lex.find_topics(text)
    fw_here = st.lex.find_frameworks(text)
    sentence_index = _sentence_index(start, st)
    located = sentence_place(sent, st.places, st.doc)  # once per sentence, not per trigger
    out: list[Event] = []
    for trig in triggers:
        sources = sides[trig.token]
        targets, fallback = _targets(trig, sent, sources, st)
        when = event_when(trig, dates, sent, st)
        place = (place_of(trig, sent, st) or located
                 or (None if when.historical else st.dateline))
        trigger_tok = st.doc[trig.token]
        coop = trig.cameo[:2] in ("03", "04", "05", "06", "07", "08")
        topics = list(topics_here)
        frameworks = list(fw_here)
        if coop:
            topics += [t for t in st.area_topics if t not in topics]
            frameworks += [f for f in st.article_frameworks if f not in frameworks]
        quote, speaker = None, None
        for q, spk in st.quotes:
            if q.start <= trigger_tok.idx < q.end:
                quote, speaker = q.text, spk
                break
        for src_m, tgt_m in _codable_pairs(trig, sources, targets, st):
            src = src_m.actor if src_m else None
            tgt = tgt_m.actor if tgt_m else None
            cameo = _refine(trig.cameo, trig, sent, src, tgt, place, topics_here)
            if cameo[:2] == "15" and len({m.actor.country for m in sources
                                           if m.actor.country}) >= 2:
                cameo = "062"  # "French and Egyptian warships launched war games": joint
            entry = st.lex.codebook.get(cameo)
            out.append(Event(
                event_id=_event_id(st.article.id, text, cameo, src, tgt),
                doc_id=st.article.id, sentence_index=sentence_index,
                char_start=start, char_end=start + len(text), text=text,
                source=src, target=tgt, cameo=cameo, cameo_root=cameo[:2],
                plover=entry.plover, quad_class=entry.quad_class, goldstein=entry.goldstein,
                date=when.date, historical=when.historical, place=place,
                quote=quote, topics=tuple(topics), frameworks=tuple(frameworks),
                confidence=_confidence(trig, tgt is not None, fallback) - (0.0 if src else 0.2),
                rule=trig.pattern.id, date_precision=when.precision, planned=trig.planned,
                quote_speaker=(speaker.actor.name or speaker.actor.text) if speaker else None,
                trigger_start=trigger_tok.idx, trigger_end=trigger_tok.idx + len(trigger_tok),
                source_span=(src_m.start_char, src_m.end_char)
                if src_m and src_m.kind != "implied" else None,
                target_span=(tgt_m.start_char, tgt_m.end_char)
                if tgt_m and tgt_m.kind != "implied" else None,
            ))
    return out


def _sentence_index(char: int, st: DocState) -> int:
    import bisect

    return max(0, bisect.bisect_right(st.sent_starts, char) - 1)


def _quote_speakers(doc: Doc, st: DocState) -> list[tuple[ctx.Quote, Mention | None]]:
    """Each direct quote with the mention of who said it ("..., stressed the Minister")."""
    out: list[tuple[ctx.Quote, Mention | None]] = []
    for q in ctx.find_quotes(st.article.text):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        speaker = None
        if span is not None:
            own = {span[0].sent.start, span[-1].sent.start}
            sents = set(own)
            last = span[-1].sent
            if last.end < len(doc):
                sents.add(doc[last.end].sent.start)
            for s_start in sorted(sents):
                for tok in doc[s_start].sent:
                    if q.start <= tok.idx < q.end or tok.pos_ != "VERB":
                        continue
                    if tok.lemma_.lower() not in st.lex.speech_lemmas:
                        continue
                    if s_start not in own and any(c.dep_ in ("ccomp", "xcomp")
                                                  for c in tok.children):
                        continue  # the next sentence reports its own statement
                    subj = [c for c in tok.children
                            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PUNCT"]
                    if not subj:  # inverted: "», stressed the Deputy Foreign Minister."
                        subj = [c for c in tok.children if c.i > tok.i
                                and c.dep_ in ("dobj", "attr", "appos", "npadvmod")]
                    for s in subj:
                        ms = mentions_under(s, st)
                        if ms:
                            speaker = ms[0]
                            break
                    if speaker:
                        break
                if speaker:
                    break
        out.append((q, speaker))
    return out


def _dateline(article: Article, places: list[PlaceMention]) -> Place | None:
    found = ctx.find_dateline(article.text)
    if found is None:
        return None
    start, end, name, _ = found
    for pm in places:
        if pm.start_char < end and pm.end_char > start:
            return pm.place
    for pm in places:
        if pm.text.lower() == name.lower() or pm.place.name.lower() == name.lower():
            return pm.place
    return None


def _article_countries(mentions: list[Mention], places: list[PlaceMention]
                       ) -> tuple[dict[str, int], str | None]:
    """How often the article names each country (actors and places), and the country it is
    about: the most named one, when it is named at least three times and more than any
    other."""
    counts: Counter[str] = Counter(m.actor.country for m in mentions if m.actor.country)
    counts.update(pm.place.country for pm in places if pm.place.country)
    top = counts.most_common(2)
    focus = None
    if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] > top[1][1]):
        focus = top[0][0]
    return dict(counts), focus


def code_doc(article: Article, doc: Doc, coder: Coder) -> list[Event]:
    """Code the events of an article already parsed into `doc` (same text, same offsets)."""
    lex: EventLexicon = coder.events
    mentions = coder.actors.find_mentions(doc, date=article.published)
    places = article_places(doc, coder.actors.find_places(doc), mentions,
                            coder.actors.lexicon.countries)
    st = DocState(article=article, doc=doc, lex=lex,
                   published=ctx.parse_published(article.published))
    found = ctx.find_dateline(article.text)
    dl_end = found[3] if found else -1
    for m in mentions:
        if m.start_char < dl_end:  # "LIMA. ANDINA –": the outlet is not an actor here
            continue
        for i in range(m.token_start, m.token_end):
            st.by_token.setdefault(i, []).append(m)
        if m.kind in ("person", "anaphor") and m.actor.name:
            st.people.append(m)
    st.places = list(places)
    st.countries, st.focus = _article_countries(mentions, places)
    st.quotes = _quote_speakers(doc, st)
    st.dateline = _dateline(article, st.places)
    st.sent_starts = sentence_starts(article.text)
    for s in doc.sents:
        t = lex.find_topics(s.text)
        if len(t) >= 3:
            st.area_topics += [x for x in t if x not in st.area_topics]
        low = s.text.lower()
        if "framework" in low or "within" in low:
            st.article_frameworks += [f for f in lex.find_frameworks(s.text)
                                      if f not in st.article_frameworks]
    events: list[Event] = []
    seen: set[str] = set()
    for si, sent in enumerate(doc.sents):
        for ev in _sentence_events(si, sent, st):
            if ev.event_id not in seen:
                seen.add(ev.event_id)
                events.append(ev)
    events = merge_restated(events, article.published)
    version = getattr(coder, "version", "")
    if version:
        events = [replace(e, coder_version=version) for e in events]
    return events


def _parse_text(article: Article, coder: Coder) -> str:
    if coder.options.get("prefilter", True):
        return candidate_text(article.text, coder.events)
    return article.text


def code_article(article: Article, coder: Coder) -> list[Event]:
    """Parse and code one article: the one per-document function of Parley."""
    doc = coder.nlp(_parse_text(article, coder))
    return code_doc(article, doc, coder)


def code_articles(articles: Iterable[Article], coder: Coder, *, batch_size: int = 32,
                  n_process: int = 1) -> Iterator[tuple[Article, list[Event]]]:
    """Code a stream of articles, parsing in nlp.pipe batches."""
    # One pipe over the whole stream, so worker processes start once, not once per batch.
    pairs = ((_parse_text(a, coder), a) for a in articles)
    for doc, article in coder.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                       n_process=n_process):
        yield article, code_doc(article, doc, coder)
