"""When an event happened: the DATE entity its trigger governs, the tense that says which
way a weekday points, and whether it is recalled background (historical)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.events import context as ctx
from parley.events.clauses import event_participle
from parley.events.match import Trigger, future_clause

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.events.args import DocState

# Nouns a year can qualify and still be a date ("the 2015 winter").
_TIME_NOUNS = {"year", "month", "week", "day", "morning", "afternoon", "evening", "night",
               "time", "period", "season", "decade", "century", "quarter", "weekend"}


def sentence_dates(sent: Span, triggers: list[Trigger]) -> dict[int, Span]:
    """Assign each DATE entity of a sentence to the trigger it hangs from (or -1: sentence)."""
    marks = {}
    for trig in triggers:
        marks[trig.token] = trig.token
        marks.setdefault(trig.anchor, trig.token)
    out: dict[int, Span] = {}
    for ent in sent.ents:
        if ent.label_ != "DATE" or _names_a_thing(ent):
            continue
        t = ent.root
        owner = -1
        for _ in range(8):
            if t.i in marks:
                owner = marks[t.i]
                break
            if t.head is t:
                break
            t = t.head
        out.setdefault(owner, ent)
    return out


def _names_a_thing(ent: Span) -> bool:
    """A year that is part of a thing's name is not when the event happened: "the 1997
    friendship treaty", "the 2015 Iran agreement", "the 1999 bombing"."""
    root = ent.root
    return (root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.pos_ == "NOUN"
            and root.head.i > root.i and root.head.lemma_.lower() not in _TIME_NOUNS)


def _forward(ent: Span, trig: Trigger, st: DocState) -> bool:
    """Does the date point forward? By the tense of the verb it hangs from: "agreed on
    Monday to hold talks" is past, "will hold talks on Monday" is future; a present-tense
    or verbless clause follows the trigger's own planned flag."""
    t = ent.root
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    if (t.dep_ == "ccomp" and t.head.i < ent.start
            and any(c.dep_ in ("nsubj", "nsubjpass", "mark") and c.i >= ent.end
                    for c in t.children)):
        t = t.head  # "said on Friday it would meet": the parser hangs the date on "meet"
    if t.pos_ in ("VERB", "AUX"):
        tense = future_clause(t, st.lex)
        if tense is not None:
            return tense
    return trig.planned


def event_when(trig: Trigger, dates: dict[int, Span], sent: Span, st: DocState) -> ctx.When:
    """The trigger's date (from `sentence_dates`) and historical flag, by the protocol."""
    # Its own date, else the sentence's ("met on Tuesday and signed an agreement").
    ent = dates.get(trig.token) or dates.get(-1) or next(iter(dates.values()), None)
    cue = trig.pluperfect or (not trig.planned and ctx.has_historical_cue(sent.text)) or (
        event_participle(trig, st.doc, st.lex)) or _earlier(st.doc[trig.token])
    if ent is not None:
        forward = _forward(ent, trig, st)
        w = ctx.resolve_date(ent.text, st.published, planned=forward)
        if w is not None and not forward and st.published is not None and w.date and (
                w.date[:len(w.date)] > st.published.isoformat()[:len(w.date)]):
            w = None  # after publication, yet not planned: not a date of this event
        if w is not None:
            # An explicit past date makes even an expressed intent a recalled event.
            # A recent date outweighs a pluperfect ("on Tuesday ... announced it had
            # postponed").
            return ctx.When(date=w.date, precision=w.precision,
                            historical=w.historical or (cue and not trig.pluperfect))
    if cue:
        return ctx.When(date=None, precision=None, historical=True)
    if st.published is not None:
        return ctx.When(date=st.published.isoformat(), precision="day", historical=False)
    return ctx.When(date=None, precision=None, historical=False)


def _earlier(tok: Token) -> bool:
    """A nominal event named as what came before ("after the Turkish capture of Afrin",
    "since Russia's intervention"): done before the news it explains."""
    return (tok.pos_ == "NOUN" and tok.dep_ == "pobj"
            and tok.head.lower_ in ("after", "since", "following"))
