"""Exports of stored events: JSON Lines, CSV, Parquet and the GDELT 2.0 events table layout.

The GDELT mapping (which of our fields fills which of its 61 columns, and which stay blank) is
documented column by column in docs/gdelt-mapping.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from parley.errors import StoreError
from parley.store.aggregates import country_name
from parley.store.filters import EventFilter
from parley.store.queries import EventSummary, iter_events
from parley.store.schema import articles, event_mentions, events
from parley.store.store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
GDELT_COLUMNS = 61

_ACTOR_FIELDS = ("text", "name", "title", "country", "igo", "role", "code", "rule")


def flat_row(d: dict[str, Any]) -> dict[str, Any]:
    """An event summary dict as flat CSV cells: actors and places spread, lists joined by ';'."""
    out: dict[str, Any] = {}
    for key, value in d.items():
        if key in ("source", "target"):
            for name in _ACTOR_FIELDS:
                out[f"{key}_{name}"] = (value or {}).get(name)
        elif key == "place":
            for name in ("name", "country", "lat", "lon"):
                out[f"place_{name}"] = (value or {}).get(name)
        elif key in ("topics", "frameworks", "article_ids"):
            out[key] = ";".join(value or [])
        elif key in ("source_span", "target_span"):
            out[key] = f"{value[0]},{value[1]}" if value else None
        elif key == "extras":
            out[key] = json.dumps(value, sort_keys=True) if value else None
        elif key == "evidence":
            continue
        else:
            out[key] = value
    return out


def write_jsonl(items: Iterable[EventSummary], out: IO[str]) -> int:
    """One event summary per line; returns the count."""
    n = 0
    for item in items:
        out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(items: Iterable[EventSummary], out: IO[str]) -> int:
    """A header and one flat row per event; returns the count."""
    writer: csv.DictWriter | None = None
    n = 0
    for item in items:
        row = flat_row(item.to_dict())
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def _digits(date: str | None) -> tuple[str, str, str, str]:
    """GDELT's Day (YYYYMMDD), MonthYear (YYYYMM), Year and FractionDate; blanks if unknown."""
    if not date or len(date) < 4:
        return "", "", "", ""
    year = date[:4]
    month = date[5:7] if len(date) >= 7 else ""
    day = date[8:10] if len(date) >= 10 else ""
    # GDELT has no coarser precision: a month-precision date is the first of the month.
    day_field = year + (month or "01") + (day or "01")
    month_year = year + (month or "01")
    fraction = int(year) + ((int(month or 1) - 1) * 30 + int(day or 1)) / 365
    return day_field, month_year, year, f"{fraction:.4f}"


def _actor_columns(actor: dict[str, Any] | None) -> list[str]:
    """Actor{n}Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    if not actor:
        return [""] * 10
    name = actor.get("name") or actor.get("text") or ""
    return [
        actor.get("code") or "",
        name.upper(),  # GDELT writes actor names in capitals
        actor.get("country") or "",
        actor.get("igo") or "",
        "",
        "",
        "",
        actor.get("role") or "",
        "",
        "",
    ]


def _geo_columns(place: dict[str, Any] | None) -> list[str]:
    """Geo_Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID (ActionGeo only)."""
    if not place:
        return [""] * 8
    name = place.get("name") or ""
    country = place.get("country")
    is_country = country is not None and country_name(country) == name
    lat, lon = place.get("lat"), place.get("lon")
    return [
        "1" if is_country else "4",  # 1 country, 4 world city (the place kinds our coder finds)
        name,
        "",  # GDELT uses FIPS 10-4 country codes here, which we do not map (see the doc)
        "",
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        "",
    ]


def gdelt_row(seq: int, d: dict[str, Any], url: str | None, added: str | None) -> list[str]:
    """One event summary dict as the 61 columns of a GDELT 2.0 events table row."""
    cameo = d["cameo"]
    day, month_year, year, fraction = _digits(d.get("date"))
    columns = [str(seq), day, month_year, year, fraction]
    columns += _actor_columns(d.get("source"))
    columns += _actor_columns(d.get("target"))
    columns += [
        "1" if d.get("sentence_index") == 0 else "0",  # IsRootEvent: in the lead sentence
        cameo,
        cameo[:3],
        d["cameo_root"],
        str(d["quad_class"]),
        f"{d['goldstein']:.1f}",
        str(d["num_mentions"]),
        str(d["num_sources"]),
        str(d["num_articles"]),
        "",  # AvgTone: we do not score tone
    ]
    columns += [""] * 8  # Actor1Geo_*: we locate the event, not each actor
    columns += [""] * 8  # Actor2Geo_*
    columns += _geo_columns(d.get("place"))
    stamp = "".join(ch for ch in (added or "") if ch.isdigit())[:14]
    columns += [stamp, url or ""]
    cleaned = [c.replace("\t", " ").replace("\n", " ") for c in columns]
    assert len(cleaned) == GDELT_COLUMNS
    return cleaned


def write_gdelt(store: Store, items: Iterable[EventSummary], out: IO[str]) -> int:
    """Tab-separated GDELT 2.0 event rows, no header; returns the count."""
    n = 0
    with store.connect() as conn:
        for item in items:
            d = item.to_dict()
            # GlobalEventID is our integer key; SOURCEURL and DATEADDED come from the article
            # of the representative mention.
            seq, url, added = conn.execute(
                select(events.c.seq, articles.c.url, articles.c.ingested_at)
                .select_from(
                    events.join(
                        event_mentions, event_mentions.c.id == events.c.rep_mention_id
                    ).join(articles, articles.c.id == event_mentions.c.article_id)
                )
                .where(events.c.event_id == d["event_id"])
            ).one()
            out.write("\t".join(gdelt_row(seq, d, url, added)) + "\n")
            n += 1
    return n


def write_parquet(items: Iterable[EventSummary], path: str | Path) -> int:
    """A Parquet file in parley.parquet's EVENT_SCHEMA, counts included; returns the count."""
    from parley.parquet import write_events

    return write_events((item.to_dict() for item in items), path)


def export(
    store: Store,
    fmt: str,
    out: IO[str] | None = None,
    path: str | Path | None = None,
    f: EventFilter | None = None,
) -> int:
    """Write every event matching `f` in a format to a text stream or (Parquet) a path."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    items = iter_events(store, f)
    if fmt == "parquet":
        if path is None:
            raise StoreError("a Parquet export needs an output file (--output FILE)")
        return write_parquet(items, path)
    if out is None:
        raise StoreError(f"a {fmt} export needs an output stream")
    if fmt == "jsonl":
        return write_jsonl(items, out)
    if fmt == "csv":
        return write_csv(items, out)
    return write_gdelt(store, items, out)
