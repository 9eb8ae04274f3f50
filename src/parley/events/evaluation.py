"""A statement that judges someone is criticism: "X said Trump's comments were a blatant
violation" (111, X -> the US), "Y added that Iran was a real problem" (111, Y -> Iran).

The judged side is the subject of the reported clause (or its owner: "Trump's comments"),
and the judgement a word of the lexicon's `negative_evaluations` in the clause's predicate.
When the speaker judges their own feeling ("we are disappointed that the court rejected
it"), the judged side is the subject of what they feel about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.events.lexicon import EventLexicon

_SUBJECTS = ("nsubj", "nsubjpass")
_SELF = frozenset({"i", "we", "me", "us"})
_PREDICATES = ("attr", "acomp", "dobj", "oprd")
_THINGS = frozenset({"it", "this", "that", "there", "which", "what"})


def judged(verb: Token, lex: EventLexicon) -> Token | None:
    """The head of the side a speech verb's reported clause criticises, or None."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not lex.negative_evaluations:
        return None
    subj = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    if subj is None or subj.lower_ in _THINGS or not _judges(clause, subj, lex):
        return None
    if subj.lower_ in _SELF:
        # "We are disappointed that the court has rejected ...": what the feeling is about.
        feeling = next((c for c in clause.children if c.dep_ in ("acomp", "attr")), clause)
        about = next((c for c in feeling.children if c.dep_ == "ccomp"), None)
        if about is None:
            return None
        return next((c for c in about.children if c.dep_ in _SUBJECTS), None)
    if _reports_act(clause, lex):
        return None  # "said Turkey had attacked a dangerous militia": the act is the event
    if subj.pos_ == "NOUN":
        # "Trump's latest comments were ...": the comments' owner is judged.
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        return owner
    return subj


def _reports_act(clause: Token, lex: EventLexicon) -> bool:
    """Does the reported clause state an act of its own ("said Turkey had attacked ...")?
    Then that act is the event, not the judgement."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lex.verbs for t in clause.subtree
               if t.i != clause.i or t.lemma_.lower() != "be")


def _judges(clause: Token, subj: Token, lex: EventLexicon) -> bool:
    """Does the clause's predicate hold a negative judgement: its complement or object
    ("were a violation", "is unacceptable", "have taken dangerous steps"), or a word
    qualifying one of those? Words deeper down describe something else."""
    words = [clause]
    for c in clause.children:
        if c.dep_ in _PREDICATES and c is not subj:
            words.append(c)
            words.extend(g for g in c.children if g.dep_ in ("amod", "compound"))
    return any(t.pos_ in ("ADJ", "NOUN") and (t.lemma_.lower() in lex.negative_evaluations
                                              or t.lower_ in lex.negative_evaluations)
               for t in words)
