"""Negated, refused, denied and obliged events: "did not meet" (no event), "will not meet"
and "refused to meet" (a refusal), "denied attacking" (no attack), "Y must <do>" (a demand)."""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.lexicon import EventLexicon
from parley.events.sides import subjects_of


def negated(token: Token, lex: EventLexicon) -> bool:
    """Is the token, or a verb it completes, negated ("did not meet", "failed to meet")?"""
    t: Token | None = token
    for _ in range(3):
        if t is None:
            break
        if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in t.children):
            return True
        if t is not token and t.lemma_.lower() in lex.negations:
            return True
        if t.dep_ not in ("xcomp", "ccomp") or t.head is t:
            break
        t = t.head
    return False


def refusing(token: Token, lex: EventLexicon) -> bool:
    """Is a negated event refused rather than just not done? "will/would not meet",
    "refused/declined to meet" are refusals; "did not meet" is no event."""
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall")
           for c in token.children):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.refusal_heads


def obligation(token: Token, lex: EventLexicon) -> list[Token] | None:
    """Subject of the speech verb when the token is "<Y> must <do>" reported by it."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() in lex.obligation_modals
               for c in token.children):
        return None
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in lex.speech_lemmas:
        return None
    return subjects_of(token.head) or None


def denied_noun(noun: Token) -> bool:
    """ "no interest in", "little support for", "without talks": a noun that says the event
    is absent."""
    return any((c.dep_ == "det" and c.lower_ == "no")
               or (c.dep_ == "amod" and c.lower_ in ("little", "scant"))
               for c in noun.children) or (noun.dep_ == "pobj" and noun.head.lower_ == "without")
