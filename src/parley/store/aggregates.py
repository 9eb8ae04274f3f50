"""Counts over stored events: dyad time series, top dyads, the actor network, places, actors.

Re-exported by `parley.store.queries`. A network node (and a dyad side in `top_dyads`) is an
actor's country, else its IGO, else its actor code, else its name: "who" at the level the
dashboard draws.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, func, select, union_all
from sqlalchemy.orm import aliased

from parley.errors import QueryError
from parley.store.filters import EventFilter, actor_ids_query, where
from parley.store.schema import actors, events
from parley.store.store import Store

PERIODS = ("month", "quarter", "year")


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """The common name of an ISO 3166-1 alpha-3 country code, or None."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def node_key(country: str | None, igo: str | None, code: str | None, name: str | None) -> str:
    """The network node an actor belongs to."""
    return country or igo or code or name or "?"


def node_label(key: str, name: str | None = None) -> str:
    """A readable label for a node key."""
    if len(key) == 3 and key.isupper():
        return country_name(key) or key
    return name or key


@dataclass(frozen=True, kw_only=True, slots=True)
class QuadCounts:
    """Events per QuadClass in one direction and period, with their mean Goldstein value."""

    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def total(self) -> int:
        return self.q1 + self.q2 + self.q3 + self.q4


@dataclass(frozen=True, kw_only=True, slots=True)
class DyadPeriod:
    """One period of a dyad series, both directions."""

    period: str
    a_to_b: QuadCounts
    b_to_a: QuadCounts

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "a_to_b": self.a_to_b.to_dict(),
            "b_to_a": self.b_to_a.to_dict(),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class DyadSeries:
    """How two actors treated each other over time."""

    a: str
    b: str
    by: str
    periods: list[DyadPeriod]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "periods": [p.to_dict() for p in self.periods],
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class DyadCount:
    """A pair of nodes (either direction) and how many events link them."""

    a: str
    b: str
    a_label: str
    b_label: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class Network:
    """Nodes (countries, IGOs, actors) and directed edges counted by QuadClass."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": list(self.nodes), "edges": list(self.edges)}


@dataclass(frozen=True, kw_only=True, slots=True)
class PlaceCount:
    """A place and how many events happened there."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorCount:
    """A canonical actor and how many events it takes part in."""

    code: str | None
    name: str | None
    country: str | None
    role: str | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _edge_rows(conn: Connection, store: Store, f: EventFilter) -> list[Any]:
    """(seq, sort_date, quad, goldstein, source ids and node fields, target ...) per event."""
    src, tgt = aliased(actors), aliased(actors)
    query = (
        select(
            events.c.seq,
            events.c.sort_date,
            events.c.quad_class,
            events.c.goldstein,
            events.c.source_actor_id,
            events.c.target_actor_id,
            src.c.country.label("s_country"),
            src.c.igo.label("s_igo"),
            src.c.code.label("s_code"),
            src.c.name.label("s_name"),
            tgt.c.country.label("t_country"),
            tgt.c.igo.label("t_igo"),
            tgt.c.code.label("t_code"),
            tgt.c.name.label("t_name"),
        )
        .select_from(
            events.outerjoin(src, events.c.source_actor_id == src.c.id).outerjoin(
                tgt, events.c.target_actor_id == tgt.c.id
            )
        )
        .where(*where(store, f))
    )
    return list(conn.execute(query))


def _quad(rows: list[tuple[int, float]]) -> QuadCounts:
    counts = [0, 0, 0, 0]
    for quad, _ in rows:
        if 1 <= quad <= 4:
            counts[quad - 1] += 1
    mean = round(sum(g for _, g in rows) / len(rows), 3) if rows else None
    return QuadCounts(q1=counts[0], q2=counts[1], q3=counts[2], q4=counts[3], goldstein=mean)


def _period(sort_date: str, by: str) -> str | None:
    if by == "year":
        return sort_date[:4] if len(sort_date) >= 4 else None
    if len(sort_date) < 7:
        return None  # dated to the year only: no month or quarter
    if by == "month":
        return sort_date[:7]
    return f"{sort_date[:4]}-Q{(int(sort_date[5:7]) - 1) // 3 + 1}"


def _next_period(period: str, by: str) -> str:
    if by == "year":
        return str(int(period) + 1)
    year = int(period[:4])
    if by == "month":
        month = int(period[5:7]) + 1
        return f"{year + 1}-01" if month > 12 else f"{year}-{month:02d}"
    quarter = int(period[-1]) + 1
    return f"{year + 1}-Q1" if quarter > 4 else f"{year}-Q{quarter}"


def _filled(periods: list[str], by: str) -> list[str]:
    """Every period from the first to the last, so a chart shows quiet periods as zero."""
    if not periods:
        return []
    out = [periods[0]]
    while out[-1] < periods[-1] and len(out) < 10_000:
        out.append(_next_period(out[-1], by))
    return out


def dyad(
    store: Store, a: str, b: str, *, by: str = "month", f: EventFilter | None = None
) -> DyadSeries:
    """Events from a to b and from b to a per period: counts per QuadClass, mean Goldstein."""
    if by not in PERIODS:
        raise QueryError("by", f"{by!r} is not one of {', '.join(PERIODS)}")
    f = (f or EventFilter()).validated()
    for name, value in (("a", a), ("b", b)):
        if not value or not value.strip():
            raise QueryError(name, "is empty")
    with store.connect() as conn:
        a_ids = set(conn.execute(actor_ids_query(a)).scalars())
        b_ids = set(conn.execute(actor_ids_query(b)).scalars())
        rows = _edge_rows(conn, store, f)
    buckets: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for r in rows:
        period = _period(r.sort_date, by)
        if period is None:
            continue
        if r.source_actor_id in a_ids and r.target_actor_id in b_ids:
            buckets[(period, "a_to_b")].append((r.quad_class, r.goldstein))
        if r.source_actor_id in b_ids and r.target_actor_id in a_ids:
            buckets[(period, "b_to_a")].append((r.quad_class, r.goldstein))
    periods = _filled(sorted({p for p, _ in buckets}), by)
    return DyadSeries(
        a=a,
        b=b,
        by=by,
        periods=[
            DyadPeriod(
                period=p,
                a_to_b=_quad(buckets.get((p, "a_to_b"), [])),
                b_to_a=_quad(buckets.get((p, "b_to_a"), [])),
            )
            for p in periods
        ],
    )


def _nodes(r: Any) -> tuple[str | None, str | None]:
    source = node_key(r.s_country, r.s_igo, r.s_code, r.s_name) if r.source_actor_id else None
    target = node_key(r.t_country, r.t_igo, r.t_code, r.t_name) if r.target_actor_id else None
    return source, target


def network(store: Store, f: EventFilter | None = None, *, min_events: int = 1) -> Network:
    """The actor network: nodes with event counts, directed edges counted by QuadClass."""
    f = (f or EventFilter()).validated()
    with store.connect() as conn:
        rows = _edge_rows(conn, store, f)
    node_events: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str | None] = {}
    edges: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        source, target = _nodes(r)
        for key, name in ((source, r.s_name), (target, r.t_name)):
            if key is not None:
                node_events[key].add(r.seq)
                names.setdefault(key, name)
        if (
            source is not None
            and target is not None
            and source != target
            and (1 <= r.quad_class <= 4)
        ):
            edges[(source, target)][r.quad_class - 1] += 1
    kept = {(s, t): c for (s, t), c in edges.items() if sum(c) >= min_events}
    nodes = sorted(node_events, key=lambda k: (-len(node_events[k]), k))
    return Network(
        nodes=[
            {"id": k, "label": node_label(k, names.get(k)), "events": len(node_events[k])}
            for k in nodes
        ],
        edges=[
            {
                "source": s,
                "target": t,
                "q1": c[0],
                "q2": c[1],
                "q3": c[2],
                "q4": c[3],
                "total": sum(c),
            }
            for (s, t), c in sorted(kept.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
        ],
    )


def top_dyads(store: Store, f: EventFilter | None = None, *, limit: int = 10) -> list[DyadCount]:
    """The pairs of nodes with the most events between them, either direction."""
    f = (f or EventFilter()).validated()
    with store.connect() as conn:
        rows = _edge_rows(conn, store, f)
    pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    names: dict[str, str | None] = {}
    for r in rows:
        source, target = _nodes(r)
        if source is None or target is None or source == target:
            continue
        names.setdefault(source, r.s_name)
        names.setdefault(target, r.t_name)
        a, b = sorted((source, target))
        if 1 <= r.quad_class <= 4:
            pairs[(a, b)][r.quad_class - 1] += 1
    ranked = sorted(pairs.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:limit]
    return [
        DyadCount(
            a=a,
            b=b,
            a_label=node_label(a, names.get(a)),
            b_label=node_label(b, names.get(b)),
            events=sum(c),
            q1=c[0],
            q2=c[1],
            q3=c[2],
            q4=c[3],
        )
        for (a, b), c in ranked
    ]


def places(store: Store, f: EventFilter | None = None) -> list[PlaceCount]:
    """Where events happened, with counts, most events first."""
    f = (f or EventFilter()).validated()
    n = func.count(events.c.seq)
    query = (
        select(
            events.c.place_name,
            events.c.place_country,
            events.c.place_lat,
            events.c.place_lon,
            n.label("n"),
        )
        .where(events.c.place_name.is_not(None), *where(store, f))
        .group_by(
            events.c.place_name, events.c.place_country, events.c.place_lat, events.c.place_lon
        )
        .order_by(n.desc(), events.c.place_name)
    )
    with store.connect() as conn:
        return [
            PlaceCount(
                name=r.place_name,
                country=r.place_country,
                lat=r.place_lat,
                lon=r.place_lon,
                events=r.n,
            )
            for r in conn.execute(query)
        ]


def actor_counts(
    store: Store, f: EventFilter | None = None, *, limit: int = 100
) -> list[ActorCount]:
    """Canonical actors with the number of events they take part in, most first."""
    f = (f or EventFilter()).validated()
    conditions = where(store, f)
    sides = union_all(
        select(events.c.seq, events.c.source_actor_id.label("actor_id")).where(
            events.c.source_actor_id.is_not(None), *conditions
        ),
        select(events.c.seq, events.c.target_actor_id.label("actor_id")).where(
            events.c.target_actor_id.is_not(None), *conditions
        ),
    ).subquery()
    n = func.count(func.distinct(sides.c.seq))
    query = (
        select(actors.c.code, actors.c.name, actors.c.country, actors.c.role, n.label("n"))
        .select_from(actors.join(sides, sides.c.actor_id == actors.c.id))
        .group_by(actors.c.id, actors.c.code, actors.c.name, actors.c.country, actors.c.role)
        .order_by(n.desc(), actors.c.code, actors.c.name)
        .limit(limit)
    )
    with store.connect() as conn:
        return [
            ActorCount(code=r.code, name=r.name, country=r.country, role=r.role, events=r.n)
            for r in conn.execute(query)
        ]
