"""When two event mentions report the same event: the store's merge rule.

Several outlets report one meeting; each article's coder output is a separate `Event`. The
store folds such mentions into one stored event that keeps every mention as evidence and counts
them (`num_mentions`), the articles (`num_articles`) and the distinct outlets (`num_sources`).

Two mentions are the same event when all of these hold:

1. **Same actors, same direction.** Equal source actor codes and equal target actor codes. A
   mention without a source code never merges: without an actor there is no identity to match.
   Nor does one whose source or target has a code but no country or IGO ("GOV" alone could be
   any government). Direction matters ("A accuses B" is not "B accuses A").
2. **Compatible CAMEO codes, same root.** The codes are equal, or one is the generic form of
   the other: "040" (consult, unspecified) matches "043" and "0431"; "043" matches "0431"; but
   "042" (visit) does not match "043" (host). Outlets pick more or less specific verbs for one
   meeting ("met" vs "held talks"), so requiring the exact code splits real duplicates; a whole
   root would merge distinct events that share a dyad and a week (an accusation and a threat,
   two separate visits and hostings).
3. **Dates in a window.** The date is the event date, else the article's publication date.
   Both to the day: at most 2 days apart — reports often appear the next day and "on Tuesday"
   resolves against a publication date that may lag by a day across time zones, while a
   recurring weekly meeting stays separate. When either is coarser, they must agree at the
   coarser precision (same month, or same year). A mention with no date at all never merges.
4. **Compatible place.** Same place name (case-insensitive), or at least one has no place.
5. **Historical with historical.** A recalled past event only merges with other recalled
   events, never with a new report.

Mentions from the same article merge too (a lead and a later paragraph restating the same
meeting), which is why `num_mentions` can exceed `num_articles`.

A new mention is compared with each candidate event's representative (its first mention, whose
fields the event row shows) and joins the closest in date, ties broken by the older event.
Merging is therefore greedy and depends on ingest order; replacing or removing an article
removes its mentions, recounts, re-picks the representative and deletes events left without
mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

DAY_WINDOW = 2  # days, see rule 3


@dataclass(frozen=True, kw_only=True, slots=True)
class DedupKey:
    """The fields the merge rule compares, for one mention or one event representative."""

    source_code: str | None
    target_code: str | None
    cameo: str
    historical: bool
    date: str | None  # event date, else publication date; YYYY, YYYY-MM or YYYY-MM-DD
    place: str | None


def _generic(code: str) -> str:
    """The prefix a code stands for: '040' (unspecified consult) stands for the root '04'."""
    if len(code) == 3 and code.endswith("0"):
        return code[:2]
    return code


def codes_compatible(a: str, b: str) -> bool:
    """True when two CAMEO codes can name the same event (equal, or one generic for the other)."""
    if a[:2] != b[:2]:
        return False
    return a == b or b.startswith(_generic(a)) or a.startswith(_generic(b))


def _parse(value: str) -> tuple[int, int | None, int | None] | None:
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if not numbers or len(numbers) > 3:
        return None
    padded = [*numbers[1:], None, None]
    return numbers[0], padded[0], padded[1]


def date_distance(a: str | None, b: str | None) -> int | None:
    """Days between two dates when they may name the same event; None when they may not."""
    if not a or not b:
        return None
    pa, pb = _parse(a), _parse(b)
    if pa is None or pb is None:
        return None
    if pa[2] is not None and pb[2] is not None:
        try:
            days = abs((Date(*pa) - Date(*pb)).days)  # type: ignore[arg-type]
        except ValueError:
            return None
        return days if days <= DAY_WINDOW else None
    # Coarser precision: compare at the coarser of the two.
    if pa[0] != pb[0]:
        return None
    if pa[1] is not None and pb[1] is not None and pa[1] != pb[1]:
        return None
    return 0


def places_compatible(a: str | None, b: str | None) -> bool:
    """True when the places are the same or at least one is unknown."""
    return not a or not b or a.casefold() == b.casefold()


def match_distance(mention: DedupKey, event: DedupKey) -> int | None:
    """How far apart in days a mention and an event are, or None when they are different events."""
    if mention.source_code is None or mention.source_code != event.source_code:
        return None
    if mention.target_code != event.target_code or mention.historical != event.historical:
        return None
    if not codes_compatible(mention.cameo, event.cameo):
        return None
    if not places_compatible(mention.place, event.place):
        return None
    return date_distance(mention.date, event.date)
