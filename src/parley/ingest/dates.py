"""Publication dates from any input kind, normalised to `YYYY-MM-DD`.

Only full dates are kept: an article's `published` anchors relative dates ("on Tuesday"), and
a month or a year cannot do that. A value that is not a date gives None rather than an error:
the article is still worth coding, it just has no anchor (or the caller's `published=`).
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Dates outside this window are typos or placeholders ("0001-01-01", "9999-12-31").
_EARLIEST_YEAR = 1800
_LATEST_YEAR = 2200

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})$")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")


def normalise_date(value: object) -> str | None:
    """The `YYYY-MM-DD` of an ISO date or datetime, RFC 822 date, or struct_time; else None."""
    if isinstance(value, time.struct_time):
        return _checked(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, datetime | date):
        return _checked(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    # The date as written, not converted to UTC: a source's local date is its publication day.
    for pattern in (_ISO_DAY, _SLASHED, _COMPACT):
        match = pattern.match(text)
        if match:
            return _checked(*(int(group) for group in match.groups()))
    try:
        parsed = parsedate_to_datetime(text)  # RSS: "Tue, 05 Mar 2024 09:30:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def _checked(year: int, month: int, day: int) -> str | None:
    if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
