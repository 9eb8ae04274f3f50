"""When and where, and who is quoted: dates, datelines and quotes around an event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_YEAR = re.compile(r"^(?:in |since |by |during |early |late |mid-?)?((?:19|20)\d\d)s?$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_RELATIVE = {
    "today": (0, "day"), "yesterday": (-1, "day"), "tomorrow": (1, "day"),
    "this week": (0, "week"), "last week": (-7, "week"), "next week": (7, "week"),
    "earlier this week": (0, "week"),
}
_HISTORICAL_CUES = re.compile(
    r"\b(previously|recalled|recalling|last year|years? ago|in the past|"
    r"back in|at the time|had met|had held|had signed|had visited)\b",
    re.I,
)
# "ASTANA. KAZINFORM –", "MOSCOW (Reuters) -", "KABUL, Afghanistan —", "Washington, DC –"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z0-9. ]{1,30})?"
    r"\s*(?:[.,]\s*[A-Z][A-Za-z]+\s*)?(?:\([A-Za-z .,/-]+\)\s*)?[-–—:]\s+"
)
_QUOTES = re.compile(r"«([^«»]{8,}?)»|“([^“”]{8,}?)”|\"([^\"\n]{8,}?)\"")


@dataclass(frozen=True, kw_only=True, slots=True)
class When:
    """A resolved date for an event."""

    date: str | None
    precision: str | None
    historical: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote:
    """A direct quote in the article text, by character span."""

    start: int
    end: int
    text: str


def parse_published(published: str | None) -> dt.date | None:
    """The article's publication date, or None when absent or malformed."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: str | None) -> dt.datetime | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None


def resolve_date(text: str, published: dt.date | None, planned: bool = False) -> When | None:
    """Resolve one date expression ("on Tuesday", "in 2021", "last year") to a When."""
    t = text.strip().lower().removeprefix("on ").removeprefix("the ").strip(" .,")
    m = _YEAR.match(t)
    if m:
        year = int(m.group(1))
        past = year < published.year if published else not planned
        return When(date=str(year), precision="year", historical=past)
    if t in ("last year", "the previous year", "a year ago"):
        if published is None:
            return When(date=None, precision=None, historical=True)
        return When(date=str(published.year - 1), precision="year", historical=True)
    if t in ("this year",):
        return When(date=str(published.year) if published else None, precision="year",
                    historical=False)
    if t in ("next year",):
        return When(date=str(published.year + 1) if published else None, precision="year",
                    historical=False)
    if t in ("last month", "next month", "this month"):
        if published is None:
            return When(date=None, precision=None, historical=t.startswith("last"))
        shift = {"last month": -1, "next month": 1, "this month": 0}[t]
        y, mth = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return When(date=f"{y:04d}-{mth + 1:02d}", precision="month", historical=shift < 0)
    if published is None:
        return None
    if t in _RELATIVE:
        days, _kind = _RELATIVE[t]
        d = published + dt.timedelta(days=days)
        return When(date=d.isoformat(), precision="day", historical=False)
    words = t.split()
    if words and words[-1] in _WEEKDAYS and len(words) <= 2:
        target = _WEEKDAYS.index(words[-1])
        delta = (published.weekday() - target) % 7
        if planned or (words[0] == "next"):
            d = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        else:
            d = published - dt.timedelta(days=delta if words[0] != "last" else delta or 7)
        return When(date=d.isoformat(), precision="day", historical=False)
    parsed = _dateparser(text.strip(), published.isoformat())
    if parsed is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", t)) and not re.fullmatch(
        r"(?:in )?(?:19|20)\d\d", t)
    has_month = any(mn in t or mn[:3] in words for mn in _MONTHS)
    if has_month and not has_day:
        date, precision = parsed.strftime("%Y-%m"), "month"
    elif has_day or any(w in t for w in ("ago", "day")):
        date, precision = parsed.date().isoformat(), "day"
    else:
        return None
    historical = (published - parsed.date()).days > 31
    return When(date=date, precision=precision, historical=historical)


def has_historical_cue(text: str) -> bool:
    """Words that mark a recalled rather than a new event."""
    return bool(_HISTORICAL_CUES.search(text))


def find_dateline(text: str) -> tuple[int, int, str, int] | None:
    """The dateline of a news article: (place start, place end, name, dateline end)."""
    for para_match in re.finditer(r"[^\n]+", text[:1500]):
        para = para_match.group(0)
        m = _DATELINE.match(para)
        if m and len(para) > len(m.group(0)) + 20:
            name = m.group("place").strip(" .")
            if name.isupper() or name.istitle():
                start = para_match.start() + m.start("place")
                return start, start + len(name), name, para_match.start() + m.end()
        if len(para) > 200:
            break
    return None


def find_quotes(text: str) -> list[Quote]:
    """Direct quotes in «», “” or "" marks."""
    out = []
    for m in _QUOTES.finditer(text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        out.append(Quote(start=m.start(group), end=m.end(group), text=m.group(group).strip()))
    return out
