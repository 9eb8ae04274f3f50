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
_HISTORICAL_CUES = re.compile(
    r"\b(previously|recalled|recalling|last year|years? ago|in the past|"
    r"back in|at the time|had met|had held|had signed|had visited)\b",
    re.I,
)
# "LIMA. ANDINA –", "MOSCOW (Reuters) -", "KABUL, Afghanistan —", "Washington, DC –"
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
def _dateparser(text: str, base: str | None, forward: bool = False) -> dt.datetime | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if forward else "past",
                                   "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    try:
        return dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None


_MONTH_NUM = {**{m: i + 1 for i, m in enumerate(_MONTHS)},
              **{m[:3]: i + 1 for i, m in enumerate(_MONTHS)}, "sept": 9}
_WD_RE = "|".join(_WEEKDAYS)
_MON_RE = "|".join(sorted(_MONTH_NUM, key=len, reverse=True))
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_FAST_WEEKDAY = re.compile(
    rf"^(?:(last|next|this|past|coming|early|late|earlier|later)\s+)?(?:on\s+)?({_WD_RE})"
    rf"{_PART}$")
_FAST_MONTH_DAY = re.compile(
    rf"^(?:(?:{_WD_RE}),?\s+)?({_MON_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+((?:19|20)\d\d))?$")
_FAST_DAY_MONTH = re.compile(
    rf"^(?:(?:{_WD_RE}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON_RE})\.?"
    r"(?:,?\s+((?:19|20)\d\d))?$")
_FAST_MONTH = re.compile(
    rf"^(?:in\s+|early\s+|late\s+|mid-?|since\s+|last\s+|next\s+|this\s+)?({_MON_RE})\.?"
    r"(?:,?\s+((?:19|20)\d\d))?$")
_FAST_RELATIVE = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                  "this evening": 0, "earlier today": 0, "later today": 0, "yesterday": -1,
                  "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
                  "yesterday evening": -1, "tomorrow": 1, "tomorrow morning": 1,
                  "next week": 7, "the following week": 7, "the next day": 1,
                  "the day before": -1, "the previous day": -1}
# Vague spans give the month they fall in (the article protocol): "last week" -> YYYY-MM.
_FAST_VAGUE = {"this week": 0, "earlier this week": 0, "later this week": 0,
               "last week": -7, "past week": -7, "the past week": -7, "previous week": -7,
               "the previous week": -7, "earlier this month": 0, "this month": 0,
               "past month": 0, "the past month": 0, "recent days": 0, "in recent days": 0,
               "recent weeks": 0, "in recent weeks": 0, "past few days": 0,
               "the past few days": 0, "past few weeks": -7, "the past few weeks": -7}
_AGO = re.compile(
    r"^(?:(?:nearly|almost|about|around|some|roughly|more than|over|less than|just over|"
    r"just under|under|at least|barely|only)\s+)?(a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|month|year)s?\s+ago$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12}
# "24-25 April", "April 24-25", "29 to 30 January": a multi-day event gets its start date.
_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\b")


def _day(published: dt.date, d: dt.date) -> When:
    return When(date=d.isoformat(), precision="day", historical=(published - d).days > 31)


def _weekday(m: re.Match[str], published: dt.date, forward: bool) -> When:
    """The weekday nearest the publication date in the direction the tense points."""
    mod, target = (m.group(1) or "").lower(), _WEEKDAYS.index(m.group(2).lower())
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mod == "last" or mod == "past":
        d = published - dt.timedelta(days=back or 7)
    elif mod in ("next", "coming"):
        d = published + dt.timedelta(days=ahead or 7)
    elif forward:
        d = published + dt.timedelta(days=ahead)
    else:
        d = published - dt.timedelta(days=back)
    return _day(published, d)


def _month_day(month: int, day: int, year: str | None, published: dt.date, forward: bool
               ) -> When | None:
    y = int(year) if year else published.year
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    if not year:
        # "Dec. 28" in a January article is last year's; "Jan. 5" planned in December is
        # next year's.
        if not forward and (d - published).days > 60:
            d = d.replace(year=y - 1)
        elif forward and (published - d).days > 60:
            d = d.replace(year=y + 1)
    return _day(published, d)


def _month_of(d: dt.date, published: dt.date) -> When:
    return When(date=f"{d.year:04d}-{d.month:02d}", precision="month",
                historical=(published - d).days > 31)


def _ago(m: re.Match[str], published: dt.date) -> When:
    """ "two years ago" -> that year; "three months ago" -> that month; days -> the day."""
    raw, unit = m.group(1), m.group(2)
    n = _NUMBER_WORDS.get(raw) or int(raw)
    if unit == "year":
        return When(date=str(published.year - n), precision="year", historical=True)
    if unit == "day":
        return _day(published, published - dt.timedelta(days=n))
    months = n if unit == "month" else 0
    d = published - dt.timedelta(days=7 * n) if unit == "week" else published
    y, mth = divmod(d.year * 12 + d.month - 1 - months, 12)
    return _month_of(dt.date(y, mth + 1, 1), published)


def _fast(t: str, published: dt.date, forward: bool) -> When | None:
    """Resolve the common date expressions without dateparser (None: not one of them)."""
    if t in _FAST_VAGUE:
        return _month_of(published + dt.timedelta(days=_FAST_VAGUE[t]), published)
    m = _AGO.match(t)
    if m:
        return _ago(m, published)
    if t in _FAST_RELATIVE:
        return When(date=(published + dt.timedelta(days=_FAST_RELATIVE[t])).isoformat(),
                    precision="day", historical=False)
    m = _FAST_WEEKDAY.match(t)
    if m:
        return _weekday(m, published, forward)
    m = _FAST_MONTH_DAY.match(t)
    if m:
        return _month_day(_MONTH_NUM[m.group(1)], int(m.group(2)), m.group(3), published,
                          forward)
    m = _FAST_DAY_MONTH.match(t)
    if m:
        return _month_day(_MONTH_NUM[m.group(2)], int(m.group(1)), m.group(3), published,
                          forward)
    m = _FAST_MONTH.match(t)
    if m:
        month = _MONTH_NUM[m.group(1)]
        if m.group(2):
            y = int(m.group(2))
        elif t.startswith("last ") or (not forward and not t.startswith("next ")):
            y = published.year - (month > published.month)
        else:
            y = published.year + (month < published.month)
        ym = y * 12 + month
        return When(date=f"{y:04d}-{month:02d}", precision="month",
                    historical=published.year * 12 + published.month - ym > 1)
    return None


def resolve_date(text: str, published: dt.date | None, planned: bool = False) -> When | None:
    """Resolve one date expression ("on Tuesday", "in 2021", "last year") to a When.

    Weekdays and bare months resolve to the nearest past one, or the nearest coming one
    when `planned` (the clause is in the future tense); "last"/"next" decide by themselves.
    """
    t = " ".join(text.strip().lower().split())
    t = t.removeprefix("on ").removeprefix("the ").strip(" .,")
    if re.fullmatch(r"\d{1,3}|\d{5,}", t):
        return None  # an age or a count ("Sharon, 48,"), never a date
    t = _DAY_RANGE.sub(lambda m: m.group(1), t)
    m = _YEAR.match(t)
    if m:
        year = int(m.group(1))
        past = year < published.year if published else not planned
        return When(date=str(year), precision="year", historical=past)
    if t in ("last year", "the previous year", "a year ago", "past year"):
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
    fast = _fast(t, published, planned)
    if fast is not None:
        return fast
    words = t.split()
    parsed = _dateparser(t, published.isoformat(), planned)
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
