"""Which tokens head an event's source and target sides: subjects through control and
coordination, objects and target prepositions, passive agents, a noun's own modifiers."""

from __future__ import annotations

from spacy.tokens import Token

_SUBJ = {"nsubj", "csubj", "expl"}
_TARGET_PREPS = {"with", "to", "against", "on", "at", "between", "into", "upon", "toward",
                 "towards", "over", "about", "from", "for", "of", "among", "in"}
_NOUN_TARGET_PREPS = ("with", "between", "against", "on", "to", "toward", "towards", "upon",
                      "into", "among", "for")


def subjects_of(token: Token) -> list[Token]:
    """Heads of the subject side of a verb, following xcomp/conj/relcl control."""
    t = token
    for step in range(6):
        deps = _SUBJ if step == 0 else _SUBJ | {"nsubjpass"}  # "X is scheduled to attend"
        subj = [c for c in t.children if c.dep_ in deps and c.lower_ not in ("it", "there")]
        if subj and t.dep_ == "relcl" and all(c.tag_ in ("WDT", "WP") for c in subj):
            return [t.head]  # "the US, which has armed the YPG": the antecedent acts
        if subj:
            return subj
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [t.head]
        if t.dep_ == "xcomp":
            objs = [c for c in t.head.children if c.dep_ in ("dobj", "obj")]
            if objs and t.head.lemma_.lower() not in ("help",):
                return objs
            t = t.head
            continue
        if t.dep_ in ("conj", "advcl", "ccomp", "pcomp", "acomp") and t.head is not t:
            t = t.head
            if t.dep_ == "prep":
                t = t.head
            continue
        break
    return []


def objects_of(token: Token, passive: bool) -> list[Token]:
    """Heads of the target side of a verb: direct object, dative, target prepositions."""
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in ("dobj", "obj", "dative") or (passive and c.dep_ == "nsubjpass"):
            out.append(c)
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        if c.dep_ == "prt":  # "called on X": the particle's object hangs off the verb
            continue
        if for_clause(c):  # "called for the council to act": asked of the council
            out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    return out


def for_clause(tok: Token) -> bool:
    """A "for X to <do>" clause hanging off a verb ("called for the UN to act")."""
    return tok.dep_ in ("advcl", "ccomp", "xcomp") and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)


def agent(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]


def noun_args(noun: Token) -> tuple[list[Token], list[Token]]:
    """Source and target heads of a nominal event from its own modifiers."""
    src: list[Token] = []
    tgt: list[Token] = []
    preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i):
            src.append(c)
    for p in _NOUN_TARGET_PREPS:
        if p in preps:
            tgt.extend(g for g in preps[p].children if g.dep_ in ("pobj", "pcomp"))
    for p in ("by", "from"):
        if p in preps:
            src.extend(g for g in preps[p].children if g.dep_ == "pobj")
    if "of" in preps:
        of_obj = [g for g in preps["of"].children if g.dep_ == "pobj"]
        (src if tgt else tgt).extend(of_obj)
    return src, tgt


def between(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """ "talks between A and B" with no other source: A is the source and what it is
    coordinated with the targets (a reciprocal pattern gives the other direction)."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if prep is None:
        return None
    first = [g for g in prep.children if g.dep_ == "pobj"]
    others = [c for g in first for c in g.subtree if c.dep_ == "conj" and c.head in first]
    return ([first[0]], others) if first and others else None
