"""One act restated later in an article is one event, with its first report as evidence.

News repeats itself: the lead states an act, a later paragraph restates it ("Turkey
condemned the strike ... Ankara's condemnation came hours after ..."). Events of one article
with the same source, target, CAMEO code, historical flag and date (a date that is only the
publication date does not count) are one act, unless two different people or bodies did
them. The first report is kept: a later sentence that restates an act adds nothing (the
article protocol).
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.records import Actor, Event


def _who(actor: Actor | None) -> str | None:
    """The side of an act: its country or organisation ("Ankara" and "Turkey" are one)."""
    if actor is None:
        return None
    return actor.country or actor.igo or actor.code or actor.text.lower()


def _when(e: Event, published: str | None) -> str | None:
    """The event's own date; a date that is only the publication date says nothing."""
    return None if e.date is None or (published and e.date == published[:10]) else e.date


def _other_person(a: Event, b: Event) -> bool:
    """Two different people or bodies of one country act for themselves: the Iraqi
    president's criticism and the deputy speaker's are two acts."""
    x, y = a.source, b.source
    if x is None or y is None or a.sentence_index == b.sentence_index:
        return False
    who_x, who_y = x.name or x.title, y.name or y.title
    return bool(who_x and who_y and who_x != who_y and x.role == y.role) or bool(
        x.role and y.role and x.role != y.role)


def merge_restated(events: Sequence[Event], published: str | None = None) -> list[Event]:
    """The events of one article with restatements of an act removed, in text order. Two
    reports are one act when their sides, code and historical flag agree and their dates do
    not differ (a report without its own date agrees with any)."""
    groups: dict[tuple, list[list[int]]] = {}
    for i, e in enumerate(events):
        key = (_who(e.source), _who(e.target), e.cameo, e.historical)
        when = _when(e, published)
        for group in groups.setdefault(key, []):
            dates = {_when(events[j], published) for j in group} - {None}
            if (when is None or not dates or when in dates) and not _other_person(
                    e, events[group[0]]):
                group.append(i)
                break
        else:
            groups[key].append([i])
    keep = {g[0] for gs in groups.values() for g in gs}
    return [e for i, e in enumerate(events) if i in keep]
