"""Gold-standard records and their loader (the format of ../shared/gold/FORMAT.md).

A gold file is JSON Lines: either articles/sentences with `events` and/or `labels.penta`, or
actor mentions (`*.actors.jsonl`). Every line is validated; a malformed one raises `GoldError`
naming the file and the 1-based line, never a traceback from deep inside the scorer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import GoldError
from parley.records import Article

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
# Role placeholders some gold sets use for "unknown": treated as "the gold does not say".
_NO_ROLE = frozenset({"***", "---", ""})


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldActor:
    """One member of a gold source or target."""

    text: str | None = None
    country: str | None = None  # ISO alpha-3, "IGO", or None when the gold does not say
    igo: str | None = None
    roles: frozenset[str] | None = None  # acceptable CAMEO roles; None = don't care

    @property
    def coded(self) -> bool:
        """True when the gold codes this actor (country, IGO or role), not just its span."""
        return self.country is not None or self.igo is not None or self.roles is not None


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldEvent:
    """One event a careful human coder found in a gold record."""

    index: int
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    cameo: str | None = None
    plover: str | None = None
    date: str | None = None
    place: str | None = None
    historical: bool | None = None
    symmetric: bool = False

    @property
    def cameo_root(self) -> str | None:
        """The first two digits of the gold CAMEO code, if any."""
        return self.cameo[:2] if self.cameo else None

    @property
    def span_only(self) -> bool:
        """True for span-set events: actors carry only text, no codes, no event type."""
        actors = self.source + self.target
        return (
            self.cameo is None
            and self.plover is None
            and not any(a.coded for a in actors)
            and any(a.text for a in actors)
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldRecord:
    """One gold article or sentence."""

    id: str
    text: str
    line: int
    title: str | None = None
    published: str | None = None
    events: tuple[GoldEvent, ...] | None = None  # None: the file does not say
    penta: int | None = None

    def to_article(self, source: str | None = None) -> Article:
        """The record as an Article the coder can read."""
        return Article(
            id=self.id, text=self.text, title=self.title, published=self.published, source=source
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorGold:
    """One actor mention with the country and role the resolver should return."""

    text: str
    line: int
    context: str = ""
    date: str | None = None
    country: str | None = None
    igo: str | None = None
    roles: frozenset[str] | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldFile:
    """A loaded gold file: event/label records, or actor mentions."""

    path: str
    kind: str  # "events" | "spans" | "labels" | "actors"
    records: tuple[GoldRecord, ...] = ()
    actors: tuple[ActorGold, ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()  # (line, reason): records no coder can read

    @property
    def size(self) -> int:
        """How many records (or actor mentions) the file holds."""
        return len(self.actors) if self.kind == "actors" else len(self.records)


def normalise_role(value: str | None) -> str | None:
    """A CAMEO role code: its first three letters, upper case ("CVLalb" -> "CVL")."""
    if value is None:
        return None
    value = value.strip()
    if value in _NO_ROLE or len(value) < 3 or not value[:3].isalpha():
        return None
    return value[:3].upper()


def _roles(value: Any, where: tuple[str, int]) -> frozenset[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(r, str) for r in items):
        raise GoldError(
            where[0], f"role must be a string, a list of strings or null, not {value!r}", where[1]
        )
    roles = frozenset(r for r in (normalise_role(x) for x in items) if r)
    return roles or None


def _country(value: Any, igo: Any, where: tuple[str, int]) -> tuple[str | None, str | None]:
    if value is not None and (not isinstance(value, str) or not _COUNTRY.match(value)):
        raise GoldError(
            where[0], f"country must be ISO 3166-1 alpha-3 or null, not {value!r}", where[1]
        )
    if igo is not None and (not isinstance(igo, str) or not igo.strip()):
        raise GoldError(where[0], f"igo must be a non-empty string or null, not {igo!r}", where[1])
    return value, (igo.strip().upper() if igo else None)


def _actor(obj: Any, where: tuple[str, int]) -> GoldActor:
    if not isinstance(obj, dict):
        raise GoldError(where[0], f"an actor must be a JSON object, not {obj!r}", where[1])
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        raise GoldError(where[0], f"actor text must be a string or null, not {text!r}", where[1])
    country, igo = _country(obj.get("country"), obj.get("igo"), where)
    if igo and country is None:
        country = "IGO"
    return GoldActor(
        text=text.strip() if text else None,
        country=country,
        igo=igo,
        roles=_roles(obj.get("role"), where),
    )


def _side(value: Any, name: str, where: tuple[str, int]) -> tuple[GoldActor, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise GoldError(where[0], f"event {name} must be a list of actors, not {value!r}", where[1])
    return tuple(_actor(a, where) for a in value)


def _optional_str(obj: dict, key: str, where: tuple[str, int]) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldError(where[0], f"{key} must be a string or null, not {value!r}", where[1])
    return value or None


def _event(obj: Any, index: int, where: tuple[str, int]) -> GoldEvent:
    if not isinstance(obj, dict):
        raise GoldError(where[0], f"an event must be a JSON object, not {obj!r}", where[1])
    cameo = obj.get("cameo")
    if cameo is not None and (not isinstance(cameo, str) or not _CAMEO.match(cameo)):
        raise GoldError(
            where[0], f"cameo must be a 2-4 digit string or null, not {cameo!r}", where[1]
        )
    plover = _optional_str(obj, "plover", where)
    historical = obj.get("historical")
    if historical is not None and not isinstance(historical, bool):
        raise GoldError(
            where[0], f"historical must be true, false or null, not {historical!r}", where[1]
        )
    return GoldEvent(
        index=index,
        source=_side(obj.get("source"), "source", where),
        target=_side(obj.get("target"), "target", where),
        cameo=cameo,
        plover=plover.upper() if plover else None,
        date=_optional_str(obj, "date", where),
        place=_optional_str(obj, "place", where),
        historical=historical,
        symmetric=bool(obj.get("symmetric")),
    )


def _record(obj: dict, where: tuple[str, int]) -> GoldRecord:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(where[0], "missing or empty 'text'", where[1])
    events = None
    if "events" in obj:
        raw = obj["events"]
        if not isinstance(raw, list):
            raise GoldError(
                where[0], f"'events' must be a list, not {type(raw).__name__}", where[1]
            )
        events = tuple(_event(e, i, where) for i, e in enumerate(raw))
    penta = None
    labels = obj.get("labels")
    if labels is not None:
        if not isinstance(labels, dict):
            raise GoldError(where[0], "'labels' must be an object", where[1])
        penta = labels.get("penta")
        if penta is not None and (isinstance(penta, bool) or penta not in range(5)):
            raise GoldError(where[0], f"labels.penta must be 0-4, not {penta!r}", where[1])
    rid = obj.get("id")
    if rid is not None and not isinstance(rid, str | int):
        raise GoldError(where[0], f"'id' must be a string, not {rid!r}", where[1])
    return GoldRecord(
        id=str(rid) if rid is not None else f"{Path(where[0]).name}:{where[1]}",
        text=text,
        line=where[1],
        title=_optional_str(obj, "title", where),
        published=_optional_str(obj, "published", where),
        events=events,
        penta=penta,
    )


def _actor_gold(obj: dict, where: tuple[str, int]) -> ActorGold:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(where[0], "missing or empty actor 'text'", where[1])
    country, igo = _country(obj.get("country"), obj.get("igo"), where)
    if igo and country is None:
        country = "IGO"
    context = obj.get("context") or ""
    if not isinstance(context, str):
        raise GoldError(where[0], f"context must be a string, not {context!r}", where[1])
    return ActorGold(
        text=text,
        line=where[1],
        context=context,
        date=_optional_str(obj, "date", where),
        country=country,
        igo=igo,
        roles=_roles(obj.get("role"), where),
    )


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(str(path), "no such gold file") from None
    except OSError as exc:
        raise GoldError(str(path), f"cannot read: {exc.strerror or exc}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(str(path), f"not valid JSON ({exc.msg})", number) from None
                if not isinstance(obj, dict):
                    raise GoldError(str(path), "each line must be a JSON object", number)
                yield number, obj
        except UnicodeDecodeError:
            raise GoldError(str(path), "not UTF-8 text") from None


def is_actor_gold(path: Path, first: dict | None) -> bool:
    """Actor gold by name (`*.actors.jsonl`) or by shape (a top-level country, no events)."""
    if path.name.endswith(".actors.jsonl"):
        return True
    return first is not None and "events" not in first and "country" in first


def load_gold(path: str | Path, *, limit: int | None = None) -> GoldFile:
    """Read and validate one gold file; `limit` keeps its first N records."""
    path = Path(path)
    rows = []
    for number, obj in _lines(path):
        if limit is not None and len(rows) >= limit:
            break
        rows.append((number, obj))
    if not rows:
        raise GoldError(str(path), "no gold records")
    if is_actor_gold(path, rows[0][1]):
        actors = tuple(_actor_gold(obj, (str(path), n)) for n, obj in rows)
        return GoldFile(path=str(path), kind="actors", actors=actors)
    # An empty text is a policy skip, as in ingest: recorded, not fatal.
    skipped = tuple((n, "empty text") for n, obj in rows if obj.get("text") == "")
    records = tuple(_record(obj, (str(path), n)) for n, obj in rows if obj.get("text") != "")
    events = [e for r in records if r.events for e in r.events]
    if events and all(e.span_only for e in events):
        kind = "spans"
    elif any(r.events is not None for r in records):
        kind = "events"
    elif any(r.penta is not None for r in records):
        kind = "labels"
    else:
        raise GoldError(str(path), "records carry neither 'events' nor 'labels'")
    return GoldFile(path=str(path), kind=kind, records=records, skipped=skipped)
