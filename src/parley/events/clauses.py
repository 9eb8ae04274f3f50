"""Which clauses of a sentence report events: the main line, finite adverbials, nominal
events on their own; not descriptions, demands' contents or the heads of intended events."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.events.lexicon import EventLexicon
    from parley.events.match import Trigger

_EVENT_MARKS = {"after", "when", "as", "since", "before", "while", "until", "because",
                "although", "though", "once"}
_SUBORDINATE = {"acl", "relcl", "advcl", "csubj", "npadvmod", "appos"}
_HYPOTHETICAL = frozenset({"if", "whether", "unless"})


def prune(out: list[Trigger], sent: Span, lex: EventLexicon, refusers: set[int]
          ) -> list[Trigger]:
    """The triggers that report events of their own, in text order: not the content of a
    demand, not the head of an intended event, not in a modifier clause."""
    # "X demanded/urged that Y <event>": the inner event is the content of the demand, not
    # an event; Y becomes the demand's target when it has none.
    doc = sent.doc
    by_anchor = {t.anchor: t for t in out}
    content: set[int] = set()
    for t in list(out):
        if t.cameo[:2] not in lex.content_roots:
            continue
        head = doc[t.anchor]
        # "urged Iran to", "called on Assad to": asked of someone.
        has_obj = any(c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in (
            "on", "upon")) for c in head.children)
        for child in head.children:
            # "urged Iran to stop", "demanded that Hamas renounce": asked of someone else;
            # "wants to help" (no object) is the subject's own intent, coded as planned.
            if not (child.dep_ == "ccomp" or (child.dep_ == "xcomp" and has_obj)):
                continue
            # "called on Assad to intervene and protect the borders": both are asked for.
            content.update(c.i for c in (child, *child.conjuncts) if c.i in by_anchor)
            if child.i in by_anchor and not t.objects:
                inner = [c.i for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                out[out.index(t)] = replace(t, objects=tuple(inner))
    out = [t for t in out if t.anchor not in content and not _alleged(t, out, doc)]
    # "X agreed/pledged/plans to <event>": the inner event carries the code; its head goes.
    inner_heads = {h for t in out if t.planned for h in _complement_heads(doc[t.anchor])}
    heads = lex.planned_heads | lex.threat_heads
    out = [t for t in out if not (t.anchor in inner_heads and t.token == t.anchor
                                  and sent.doc[t.token].lemma_.lower() in heads)
           and t.token not in refusers]
    if lex.main_clause_only:
        # Nominal events carry their own arguments ("the talks of X with Y") wherever they sit.
        out = [t for t in out if (t.anchor == t.token and doc[t.token].pos_ != "VERB")
               or main_clause(doc[t.anchor]) or event_participle(t, doc, lex)
               or _owned_intent(doc[t.anchor], lex)]
    if not lex.nested_nominals:
        out = [t for t in out if not nested_nominal(t, out, doc)]
    if sent.text.rstrip().rstrip("”\"'’").endswith("?"):
        return []  # "Why are we bombed by planes?": a question reports no act
    out = [t for t in out if not _hypothetical(doc[t.anchor])
           and not _unconverted_obligation(t, doc, lex)]
    out.sort(key=lambda t: t.token)
    return out


def participle(tok: Token) -> bool:
    """A past participle modifying a noun ("soldiers killed in Ukraine", "a ceasefire agreed
    last year"; the parser sometimes tags it as a past tense with no subject)."""
    return tok.dep_ == "acl" and (tok.tag_ == "VBN" or (
        tok.tag_ == "VBD" and not any(c.dep_.startswith("nsubj") for c in tok.children)))


def event_participle(t: Trigger, doc: Doc, lex: EventLexicon) -> bool:
    """A participle that states who did an event named by its noun: "a deal brokered by
    Russia", "a ceasefire agreed between A and B" (not a label: "rebels backed by Turkey").
    What such a noun names was done before the news that mentions it."""
    tok = doc[t.anchor]
    if not participle(tok):
        return False
    noun = tok.head.lemma_.lower()
    return noun in lex.nouns and any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "between") for c in tok.children)


def _owned_intent(tok: Token, lex: EventLexicon) -> bool:
    """An act named as someone's decision, plan or threat: "Turkey's threat to attack",
    "the US decision to reimpose sanctions" (the noun's owner is the act's source)."""
    noun = tok.head
    return (tok.dep_ == "acl" and noun.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and noun.lemma_.lower() in lex.planned_heads | lex.threat_heads | lex.arranged_heads
            and any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in noun.children)
            and main_clause(noun))


def _alleged(t: Trigger, triggers: list[Trigger], doc: Doc) -> bool:
    """Is the trigger the act an accusation alleges ("accusing it of building a terror
    army")? The protocol codes the accusation (112) only."""
    for o in triggers:
        if o is t or o.cameo[:3] != "112":
            continue
        for c in doc[o.anchor].children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "over") and any(
                    x.i == t.anchor for x in c.subtree):
                return True
    return False


def _hypothetical(tok: Token) -> bool:
    """Is the token in a clause of condition or question ("if Turkey attacked", "whether
    Turkey would fight")? Such a clause reports no act."""
    t = tok
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL for c in t.children):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _unconverted_obligation(t: Trigger, doc: Doc, lex: EventLexicon) -> bool:
    """"The authorities should investigate": what someone ought to do, not what they did
    (with a speaker, "X said Y must ..." was already made X's demand)."""
    tok = doc[t.anchor]
    for _ in range(3):
        if t.cameo != "100" and any(c.dep_ == "aux" and c.lower_ in lex.obligation_modals
                                    for c in tok.children):
            return True
        if tok.dep_ != "xcomp":  # "should have inquired ... to find out"
            return False
        tok = tok.head
    return False


def _complement_heads(tok: Token) -> list[int]:
    """The verbs a token is the complement of, up a chain: in "vowed he would continue to
    clear X", "clear" completes "continue", which completes "vowed"."""
    out = []
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head is tok:
            break
        tok = tok.head
        out.append(tok.i)
    return out


def nested_nominal(t: Trigger, triggers: list[Trigger], doc: Doc) -> bool:
    """A standalone nominal event inside another trigger's object side ("complained over
    Israeli raids", "refused to assist the war"): the sentence reports the other event.
    Speech verbs do not count: what is said is reported as its own event."""
    if t.anchor != t.token or doc[t.token].pos_ == "VERB":
        return False
    anchors = {o.anchor for o in triggers if o is not t and o.token != t.token
               and not o.pattern.speech and o.cameo != "010"}
    tok = doc[t.token]
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        if tok.head.i in anchors:
            # On the object side only: "Russia's attack on Ukraine killed ten" keeps it.
            return tok.dep_ not in ("nsubj", "nsubjpass", "csubj")
        tok = tok.head
    return False


def _finite_adverbial(t: Token) -> bool:
    """A finite adverbial clause reports an act of its own: "... killed when US forces
    carried out strikes", "after Turkey launched its offensive"."""
    return t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP", "VBN") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _EVENT_MARKS for c in t.children)


def _finite_relative(t: Token) -> bool:
    """A relative clause that states a past act of a state or a body of its own, active
    voice: "the US, which has armed the YPG", "Turkey, which launched an offensive" (not
    "who was embedded with US forces", nor "a group Turkey considers terrorist")."""
    if t.dep_ != "relcl" or t.pos_ != "VERB":
        return False
    kids = list(t.children)
    if _where_clause(t):
        return True
    if not _collective(t.head):
        return False
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in kids):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return False
    perfect = t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    return perfect or t.tag_ == "VBD"


def _where_clause(t: Token) -> bool:
    """ "The region, where a deal was agreed by Iran and Russia in July, ...": a relative
    clause of place or time with a subject of its own states a past event."""
    kids = list(t.children)
    return (any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in kids)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                    for c in kids)
            and (t.tag_ == "VBD" or (t.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "has",
                                                             "have") for c in kids))))


def _collective(t: Token) -> bool:
    """A state, an organisation or a body of people ("the US", "Turkish forces"), not one
    person, whose past acts a relative clause is often biography ("a Briton who left")."""
    if t.ent_type_ in ("GPE", "ORG", "NORP"):
        return True
    return t.pos_ == "NOUN" and t.tag_ == "NNS"


def _consequence(t: Token) -> bool:
    """A participle adjunct after its verb reporting what followed: "..., killing one
    person" (before it, "the SDF, fighting to defeat Isis, said" describes the subject)."""
    return (t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i
            and not any(c.dep_ in ("mark", "aux") for c in t.children))


def _misparsed_main(t: Token) -> bool:
    """A main verb the parser hung on a noun root: in "The air force carried out strikes"
    or "X, Y and Z on Thursday condemned ..." the finite verb, with no subject or relative
    word of its own, becomes a modifier (acl/relcl) of a noun that is the sentence root."""
    if t.dep_ not in ("acl", "relcl") or t.head.i > t.i:
        return False
    sent = t.sent
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i not in (t.head.i, t.head.head.i):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") or c.tag_ in ("WDT", "WP", "WP$", "WRB")
           for c in t.children):
        return False
    if t.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    # A participle ("carried out") is the main verb only when nothing else in the
    # sentence is finite.
    inside = {x.i for x in t.subtree}
    return t.tag_ == "VBN" and not any(x.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                       for x in sent if x.i not in inside)


def main_clause(tok: Token) -> bool:
    """Is the token in the sentence's main line (root, its conjuncts, complements and
    reported clauses) rather than in a modifier clause ("a meeting aimed at establishing
    ties", "refugees who fled the fighting")?"""
    t = tok
    for _ in range(12):
        if t.head is t:
            return True
        if _misparsed_main(t):
            return True
        if t.dep_ in _SUBORDINATE and not (_consequence(t) or _finite_adverbial(t)
                                           or _finite_relative(t)):
            return False
        t = t.head
    return True


def clause_has_trigger(verb: Token, lex: EventLexicon) -> bool:
    """Does a speech verb's complement (or the rest of its sentence) report another event?"""
    for t in verb.sent:
        if t.i == verb.i or t.pos_ not in ("VERB", "NOUN"):
            continue
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and (lemma in lex.verbs or lemma in lex.mined) and not any(
            p.speech for p in lex.verbs.get(lemma, ())
        ):
            return True
    return False
