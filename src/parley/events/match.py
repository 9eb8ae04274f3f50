"""Find event triggers in a parsed sentence and the tokens that carry their arguments.

A trigger is a verb ("attacked"), or a noun carried by a light verb ("held talks with") or
standing alone with its own arguments ("Russia's attack on Ukraine"). For each trigger the
matcher chooses one pattern (hand-written first, then mined PETRARCH patterns), and returns
the tokens heading the source side and the target side, plus negation and planned flags.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from parley.events.clauses import clause_has_trigger, participle, prune
from parley.events.evaluation import judged
from parley.events.lexicon import EventLexicon, Pattern
from parley.events.negation import denied_noun, negated, obligation, refusing
from parley.events.sides import agent, between, for_clause, noun_args, objects_of, subjects_of

# Dependency labels of a verb's arguments whose words can satisfy a pattern's object words.
_ARG_DEPS = {"dobj", "obj", "attr", "prep", "dative", "xcomp", "acomp", "prt", "oprd", "agent",
             "npadvmod", "advmod", "ccomp", "nsubjpass"}
# Adverbs the parser gives phrasal verbs for their particle ("hit back at", "lashed out").
_PARTICLES = {"back", "out", "off", "up", "down", "away", "over", "in", "on"}
_NP_MODS = {"compound", "amod", "nmod", "nummod", "poss"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Trigger:
    """A matched event trigger with its argument heads."""

    token: int  # doc index of the verb or noun carrying the event
    pattern: Pattern
    cameo: str
    anchor: int  # doc index of the verb governing the clause (the noun's light verb)
    subjects: tuple[int, ...]  # doc indexes heading the source side
    objects: tuple[int, ...]  # doc indexes heading the target side
    planned: bool = False
    pluperfect: bool = False
    speech_has_event: bool = False


def verb_lemma(tok: Token, lex: EventLexicon) -> str:
    """The token's lemma, repaired when the tagger's lemma is unknown but a plain
    de-inflection of the form is a known verb ("staged" lemmatised as "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.mined or lemma in lex.light_verbs:
        return lemma
    w = tok.lower_
    if not w.endswith(("ed", "es", "s", "ing", "d")):
        return lemma
    for cand in (w[:-1], w[:-2], w[:-3] + "e", w[:-3], w[:-2] + "e"):
        if len(cand) > 2 and (cand in lex.verbs or cand in lex.mined or cand in lex.light_verbs):
            return cand
    return lemma


def _words(token: Token, deps: set[str] = _ARG_DEPS, limit: int = 40) -> tuple[set[str], set[str]]:
    """Lemmas/forms of the words in a token's argument subtrees, and its prepositions."""
    words: set[str] = set()
    preps: set[str] = set()
    if participle(token):
        words.update((token.head.lemma_.lower(), token.head.lower_))
    for child in token.children:
        if for_clause(child):
            preps.add("for")
        if child.dep_ not in deps:
            continue
        if child.dep_ in ("prep", "prt", "agent") or (
                child.dep_ == "advmod" and child.lower_ in _PARTICLES):
            preps.add(child.lower_)
        for i, t in enumerate(child.subtree):
            if i >= limit:
                break
            words.add(t.lemma_.lower())
            words.add(t.lower_)
    return words, preps


def _fits(p: Pattern, words: set[str], preps: set[str]) -> bool:
    if p.objects and not (p.objects & words):
        return False
    if p.not_objects and p.not_objects & words:
        return False
    if p.preps and not (p.preps & preps):
        return False
    return all(group & words for group in p.all_objects)


def _shallow_words(token: Token) -> tuple[set[str], set[str]]:
    """Words in the verb's direct argument phrases only: object and prepositional-object
    heads with their modifiers. Mined PETRARCH patterns match here, never deep inside a
    complement clause, where their object words belong to another event."""
    words: set[str] = set()
    preps: set[str] = set()

    def add_np(head: Token) -> None:
        for t in (head, *[c for c in head.children if c.dep_ in _NP_MODS]):
            words.add(t.lemma_.lower())
            words.add(t.lower_)

    for child in token.children:
        if child.dep_ in ("dobj", "obj", "attr", "dative", "oprd", "acomp", "nsubjpass"):
            add_np(child)
            for p in child.children:
                if p.dep_ == "prep":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            add_np(g)
        elif child.dep_ in ("prep", "agent"):
            preps.add(child.lower_)
            for g in child.children:
                if g.dep_ in ("pobj", "pcomp"):
                    add_np(g)
        elif child.dep_ in ("prt", "advmod"):
            preps.add(child.lower_)
            words.add(child.lower_)
        elif child.dep_ == "xcomp":
            words.add(child.lemma_.lower())
        if for_clause(child):
            preps.add("for")
    if participle(token):
        add_np(token.head)  # "a ceasefire agreed between ...": the noun is the object
    return words, preps


def choose_pattern(lemma: str, token: Token, lex: EventLexicon) -> Pattern | None:
    """The best pattern for a verb: hand-written conditional, mined conditional, defaults."""
    hand = lex.verbs.get(lemma, ())
    if not hand and lemma not in lex.mined:
        return None  # no pattern at all: skip the subtree walks
    shallow, sh_preps = _shallow_words(token)
    default = None
    if hand:
        words, preps = _words(token)
        for p in hand:
            if (p.specificity and _fits(p, shallow, preps)) or (
                    p.specificity and p.objects and _fits(p, words, preps)):
                return p
        default = next((p for p in hand if not p.specificity and _fits(p, words, preps)), None)
    for p in lex.mined_candidates(lemma, shallow):
        # A curated verb keeps its root: mined phrases only refine it ("demonstrate" stays
        # a protest whatever PETRARCH's phrase list says).
        if (p.specificity and _fits(p, shallow, sh_preps)
                and (default is None or p.cameo[:2] == default.cameo[:2])):
            return p
    if default is not None:
        return default
    if lemma in lex.generic_verbs:
        return None
    return lex.mined_default.get(lemma)


def _planned(token: Token, lex: EventLexicon) -> tuple[bool, str | None]:
    """(planned, intent-head lemma) from modals, 'going to' and heads like 'plans to'."""
    for c in token.children:
        if c.dep_ == "aux" and c.lemma_.lower() in lex.modal_planned:
            return True, c.lemma_.lower()
    if token.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                       for c in token.children):
        head = token.head
        if head.lemma_.lower() in lex.threat_heads:
            return True, head.lemma_.lower()
        if head.lemma_.lower() in lex.planned_heads or head.lower_ in lex.planned_heads:
            return True, head.lemma_.lower()
        if head.lemma_.lower() == "go" and any(c.dep_ == "aux" for c in head.children):
            return True, "go"
        if head.pos_ in ("NOUN", "ADJ") and head.lemma_.lower() in lex.planned_heads:
            return True, head.lemma_.lower()
        if head.pos_ == "VERB" and head is not token:
            # "is ready to ship fuel to help rebuild X": planned all the way down.
            up, up_head = _planned(head, lex)
            if up:
                return up, up_head
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "to":
        return False, None
    return False, None


def future_clause(token: Token, lex: EventLexicon) -> bool | None:
    """Tense of the clause a token heads: True future/planned ("will meet", "plans to
    visit"), False past ("met", "has met", "said"), None present or unknown."""
    if token.tag_ == "VBD":
        return False
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("had", "did", "was", "were") for c in auxes) and token.tag_ != "VB":
        return False
    if token.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in auxes):
        return False
    if _planned(token, lex)[0]:
        return True
    return None


def _pluperfect(token: Token) -> bool:
    """ "had met", and an event governed by a pluperfect ("had threatened to boycott")."""
    t = token
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children) and t.tag_ == "VBN":
            return True
        if t.dep_ not in ("xcomp",) or t.head is t:
            return False
        t = t.head
    return False


def _light_verb(noun: Token, lex: EventLexicon) -> Token | None:
    """The light verb carrying a nominal event: 'held talks', 'took part in talks'."""
    head = noun.head
    if (noun.dep_ in ("dobj", "obj", "attr", "nsubjpass", "oprd")
            and head.pos_ in ("VERB", "AUX") and verb_lemma(head, lex) in lex.light_verbs):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        if verb.lemma_.lower() in ("participate", "take", "engage", "join", "take part"):
            return verb
    if noun.dep_ == "conj":
        return _light_verb(noun.head, lex) if noun.head is not noun else None
    return None


def find_triggers(sent: Span, lex: EventLexicon) -> list[Trigger]:
    """All event triggers in one sentence, in text order."""
    consumed: set[int] = set()  # light verbs whose clause a nominal event took
    refusers: set[int] = set()  # "refused" of "refused to negotiate": the refusal is coded
    # Nominal events first so a light verb can hand its clause to its noun.
    out = [t for tok in sent if (t := _noun_trigger(tok, lex, consumed, refusers))]
    out += [t for tok in sent
            if tok.i not in consumed and (t := _verb_trigger(tok, lex, refusers))]
    out = [_forbidden(t, sent.doc, lex) or t for t in out]
    return prune(out, sent, lex, refusers)


_PERMIT = frozenset({"allow", "permit", "let"})


def _permitted(tok: Token) -> bool:
    """Is the token what a verb of permission lets someone do ("allow X to attend")?"""
    return tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in _PERMIT


def _forbidden(t: Trigger, doc: Doc, lex: EventLexicon) -> Trigger | None:
    """"Turkey will not allow Syrian Kurds to attend the talks": Turkey refuses the talks
    to the Kurds. `_negation` already gave the trigger its refusal code; here the permitter
    becomes the source and who would have acted the target."""
    inner = doc[t.anchor]
    permit = inner.head
    if not (_permitted(inner) and negated(permit, lex) and refusing(permit, lex)):
        return None
    actors = [c for c in permit.children if c.dep_ in ("dobj", "obj")] or [
        doc[i] for i in t.subjects]
    return replace(t, subjects=tuple(x.i for x in subjects_of(permit)),
                   objects=tuple(x.i for x in actors), planned=False)


_NO_EVENT = ""


def _negation(anchor: Token, pat: Pattern, lex: EventLexicon, refusers: set[int]
              ) -> str | None:
    """None when the event is not negated; its refusal code when it is refused ("will not
    accept", "refused to meet"; the refusing verb is noted in `refusers`); _NO_EVENT when it
    simply did not happen ("did not meet")."""
    if not negated(anchor, lex):
        return None
    refused = refusing(anchor, lex) or (_permitted(anchor) and refusing(anchor.head, lex))
    refusal = lex.refusal_codes.get(pat.cameo[:2]) if refused else None
    if refusal is None:
        return _NO_EVENT
    if anchor.dep_ == "xcomp":
        refusers.add(anchor.head.i)
    return refusal


def _noun_pattern(tok: Token, light: Token | None, lex: EventLexicon) -> Pattern | None:
    """The nominal pattern a noun carries, given its light verb (if any)."""
    pats = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_) or []
    words = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    if light is not None:
        words.add(verb_lemma(light, lex))
    for p in pats:
        if p.light_only and light is None:
            continue
        if p.requires_light and (light is None or verb_lemma(light, lex) not in
                                 p.requires_light):
            continue
        if p.objects and not (p.objects & words):
            continue
        return p
    return None


def _noun_trigger(tok: Token, lex: EventLexicon, consumed: set[int], refusers: set[int]
                  ) -> Trigger | None:
    """A nominal event ("held talks with", "Russia's attack on"), or None."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if not (lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)):
        return None
    if tok.dep_ == "compound" and not (lex.nouns.get(tok.head.lemma_.lower())
                                       or lex.nouns.get(tok.head.lower_)):
        return None  # a modifier of a non-event noun: "war games", "attack helicopters"
    light = _light_verb(tok, lex)
    if light is not None:
        verb_pat = choose_pattern(verb_lemma(light, lex), light, lex)
        if verb_pat is not None and verb_pat.kind == "verb" and verb_pat.specificity:
            return None  # "sent humanitarian aid": the verb's own pattern is more specific
    pat = _noun_pattern(tok, light, lex)
    if pat is None or denied_noun(tok):
        return None
    src, tgt = noun_args(tok)
    anchor = light if light is not None else tok
    if light is not None:
        consumed.add(light.i)
        passive = tok.dep_ == "nsubjpass"
        vsubj = agent(light) if passive else subjects_of(light)
        if not vsubj and not passive and tok.dep_ == "pobj":
            # "Serb forces were engaged in ethnic cleansing": who is engaged does it.
            vsubj = [c for c in light.children if c.dep_ == "nsubjpass"]
        if vsubj:
            src = list(vsubj)
        if not tgt:
            tgt = [o for o in objects_of(light, False) if o.i != tok.i]
    if not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ or t.dep_ == "poss"
               for t in src):  # no source but plain modifiers ("sensitive talks")
        split = between(tok)
        if split is not None:
            src, tgt = split
    refusal = _negation(anchor, pat, lex, refusers)
    if refusal == _NO_EVENT:
        return None
    planned, head = _planned(anchor, lex)
    intent = planned and head not in lex.arranged_heads and refusal is None
    return Trigger(
        token=tok.i, pattern=pat,
        cameo=refusal or (lex.intent_codes.get(pat.cameo[:2], pat.cameo) if intent
                          else pat.cameo),
        anchor=anchor.i,
        subjects=tuple(t.i for t in src), objects=tuple(t.i for t in tgt),
        planned=planned, pluperfect=_pluperfect(anchor),
    )


def _verb_sides(tok: Token, lemma: str, lex: EventLexicon) -> tuple[list[Token], list[Token]]:
    """Heads of a verb's source and target sides, by voice."""
    if participle(tok):
        # "soldiers killed in Ukraine": the modified noun undergoes the event; "a ceasefire
        # agreed between A and B": the parties are its sides.
        parties = None if agent(tok) else between(tok)
        if parties is not None:
            return parties
        return agent(tok), [tok.head, *objects_of(tok, False)]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        obj = [c for c in tok.children if c.dep_ == "nsubjpass"] or objects_of(tok, True)
        return agent(tok), obj
    subj, obj = subjects_of(tok), objects_of(tok, False)
    if lemma in lex.undergo_verbs:
        subj, obj = obj, subj
    return subj, obj


def _verb_trigger(tok: Token, lex: EventLexicon, refusers: set[int]) -> Trigger | None:
    """A verbal event ("attacked", "will not accept", "said Y must ..."), or None."""
    if tok.pos_ not in ("VERB",):
        return None
    lemma = verb_lemma(tok, lex)
    pat = choose_pattern(lemma, tok, lex) if (lemma in lex.verbs or lemma in lex.mined) \
        else None
    if pat is None and obligation(tok, lex) is not None:
        pat = lex.obligation_pattern  # "X said Y must hand over the suspects"
    if pat is None:
        return None
    refusal = _negation(tok, pat, lex, refusers)
    if refusal == _NO_EVENT:
        return None
    subj, obj = _verb_sides(tok, lemma, lex)
    planned, head = _planned(tok, lex)
    cameo = pat.cameo
    obliged = obligation(tok, lex)
    if refusal is not None:
        cameo, planned = refusal, False
    elif obliged is not None:
        # "Russia said Sudan must return the helicopter": Russia demands it of Sudan.
        subj, obj, cameo, planned = obliged, subj, "100", False
    elif planned and (head in lex.threat_heads or cameo[:2] in lex.threat_roots):
        cameo = lex.threat_codes.get(cameo[:2], cameo)
    elif planned and head not in lex.arranged_heads:
        cameo = lex.intent_codes.get(cameo[:2], cameo)
    speech_has_event = False
    if pat.speech or pat.cameo == "010":
        target = None if refusal is not None else judged(tok, lex)
        if target is not None:
            pat, cameo, obj = lex.evaluation_pattern, "111", [target]
        else:
            speech_has_event = clause_has_trigger(tok, lex)
    return Trigger(
        token=tok.i, pattern=pat, cameo=cameo, anchor=tok.i,
        subjects=tuple(t.i for t in subj), objects=tuple(t.i for t in obj),
        planned=planned, pluperfect=_pluperfect(tok), speech_has_event=speech_has_event,
    )
