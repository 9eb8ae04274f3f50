"""Gold triples, actor keys and the one-to-one matching of predicted events to gold events.

Decisions (documented in docs/accuracy.md):
- A gold event expands to one triple per (source member, target member) pair, because the
  coder emits one event per member of a compound actor.
- A gold event with an empty target and two or more sources ("A and B agreed") is the pair
  A-B, scored symmetrically; with one source, the target is "any" (the gold does not say).
- A gold actor whose country is null (and no IGO) means "the gold does not say": any
  predicted country matches, including none. The same for a null role.
- IGOs: gold `{"country": "IGO", "igo": "EU"}` and a predicted Actor with `igo="EU"` both
  become the key "IGO:EU"; a gold IGO without `igo` matches any predicted IGO.
- Symmetric gold events match in either direction; when the coder emits both directions of a
  symmetric event, the mirror is neither a hit nor a false positive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations, product

from parley.evaluate.gold import GoldActor, GoldEvent, normalise_role
from parley.records import Actor, Event

# Gold sets code some IGOs with Phoenix codes; the product uses the short names of SCHEMA.md.
IGO_ALIASES = {
    "UNO": "UN",
    "COPITP": "INTERPOL",
    "ITP": "INTERPOL",
    "EEC": "EU",
    "EC": "EU",
    "EUR": "EU",
    "NATO": "NATO",
    "NAT": "NATO",
}
# Phoenix code prefixes of transnational actors that have no country (al-Qaeda is "IMG...").
_TRANSNATIONAL = frozenset({"IMG", "ISM", "NGO", "MNC", "NGM", "UIS"})


def igo_key(igo: str | None) -> str:
    """The scoring key of an IGO: "IGO:EU", or "IGO" when the organisation is unknown."""
    if not igo:
        return "IGO"
    code = igo.strip().upper()
    code = code.removeprefix("IGO") or code
    return f"IGO:{IGO_ALIASES.get(code, code)}"


def gold_key(actor: GoldActor) -> str | None:
    """A gold actor's country key; None means the gold does not say."""
    if actor.country == "IGO" or actor.igo:
        return igo_key(actor.igo)
    return actor.country


def actor_key(actor: Actor | None) -> str | None:
    """A predicted actor's country key ("KAZ", "IGO:EU", "IMG") or None."""
    if actor is None:
        return None
    if actor.igo and actor.country in (None, "IGO"):
        return igo_key(actor.igo)
    if actor.country == "IGO":
        code = (actor.code or "")[3:]
        return igo_key(code or None)
    if actor.country:
        return actor.country
    code = (actor.code or "").upper()
    if code.startswith("IGO") and len(code) > 3:
        return igo_key(code[3:])
    if code[:3] in _TRANSNATIONAL:
        return code[:3]
    return None


def actor_role(actor: Actor | None) -> str | None:
    """A predicted actor's role, normalised like the gold's."""
    return normalise_role(actor.role) if actor is not None else None


def country_matches(gold: str | None, predicted: str | None) -> bool:
    """Does a predicted country key satisfy a gold one (None and bare "IGO" are lenient)?"""
    if gold is None:
        return True
    if gold == "IGO":
        return predicted is not None and predicted.startswith("IGO")
    return gold == predicted


@dataclass(frozen=True, kw_only=True, slots=True)
class Party:
    """One side of a gold triple."""

    country: str | None = None  # None: any
    roles: frozenset[str] | None = None  # None: any
    text: str | None = None

    def matches(self, actor: Actor | None, *, roles: bool) -> bool:
        """Does a predicted actor (or its absence) fill this side, with roles if asked?"""
        if not country_matches(self.country, actor_key(actor)):
            return False
        return not roles or self.roles is None or actor_role(actor) in self.roles

    def label(self) -> str:
        """A compact form for error reports: "USA/GOV", "*" for any."""
        country = self.country or "*"
        return f"{country}{'/' + '|'.join(sorted(self.roles)) if self.roles else ''}"


ANY = Party()


@dataclass(frozen=True, kw_only=True, slots=True)
class GoldTriple:
    """(source, target, event type) that one predicted event must reproduce."""

    event_index: int
    source: Party
    target: Party
    cameo_root: str | None
    plover: str | None
    symmetric: bool
    event: GoldEvent

    @property
    def category(self) -> str:
        """The per-root row: the CAMEO root, or the PLOVER type when the gold has no CAMEO."""
        return self.cameo_root or (f"PLOVER:{self.plover}" if self.plover else "?")

    def type_matches(self, event: Event) -> bool:
        """Same CAMEO root, or same PLOVER type when the gold has no CAMEO."""
        if self.cameo_root:
            return event_root(event) == self.cameo_root
        if self.plover:
            return canonical_plover(self.plover) in plover_names(event)
        return True

    def direction(self, event: Event, *, roles: bool = False) -> str | None:
        """ "forward" or "reverse" when the actors match (reverse only if symmetric), else None."""
        if self.source.matches(event.source, roles=roles) and self.target.matches(
            event.target, roles=roles
        ):
            return "forward"
        if (
            self.symmetric
            and self.source.matches(event.target, roles=roles)
            and self.target.matches(event.source, roles=roles)
        ):
            return "reverse"
        return None

    def matches(self, event: Event, *, roles: bool = False) -> bool:
        """Does a predicted event reproduce this triple?"""
        return self.type_matches(event) and self.direction(event, roles=roles) is not None

    def to_dict(self) -> dict:
        return {
            "source": self.source.label(),
            "target": self.target.label(),
            "type": self.category,
            "symmetric": self.symmetric,
            "event": self.event_index,
        }


# The gold sets use PLOVER's older type names; the packaged CAMEO->PLOVER table uses newer
# ones. Both sides are compared by the older name.
_PLOVER_RENAMES = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}


def canonical_plover(name: str) -> str:
    """A PLOVER type under the gold's (older) naming."""
    name = name.strip().upper()
    return _PLOVER_RENAMES.get(name, name)


def plover_names(event: Event) -> frozenset[str]:
    """The PLOVER types a predicted event counts as, under either naming."""
    if not event.plover:
        return frozenset()
    given = event.plover.strip().upper()
    root = event_root(event)
    names = {given, canonical_plover(given)}
    if given == "ACCUSE" and root == "09":
        names = {given, "INVESTIGATE"}
    if given == "ASSAULT" and root == "19":  # older PLOVER: conventional force is FIGHT
        names.add("FIGHT")
    return frozenset(names)


def event_root(event: Event) -> str:
    """The CAMEO root of a predicted event."""
    return event.cameo_root or event.cameo[:2]


def predicted_dict(event: Event) -> dict:
    """A predicted event as a triple for error reports."""

    def side(actor: Actor | None) -> str:
        if actor is None:
            return "-"
        role = actor_role(actor)
        return f"{actor_key(actor) or '?'}{'/' + role if role else ''}"

    return {
        "source": side(event.source),
        "target": side(event.target),
        "cameo": event.cameo,
        "plover": event.plover,
        "sentence": event.sentence_index,
        "rule": event.rule,
    }


def _party(actor: GoldActor) -> Party:
    return Party(country=gold_key(actor), roles=actor.roles, text=actor.text)


def _distinct(parties: list[Party]) -> list[Party]:
    """One party per country key (the first, whose roles stand for the others); parties
    without a country are kept apart."""
    out: list[Party] = []
    for p in parties:
        if p.country is None or all(q.country != p.country for q in out):
            out.append(p)
    return out


def expand(event: GoldEvent) -> list[GoldTriple]:
    """The gold triples of one gold event (compound actors expanded to member pairs)."""

    def triple(src: Party, tgt: Party, symmetric: bool) -> GoldTriple:
        return GoldTriple(
            event_index=event.index,
            source=src,
            target=tgt,
            cameo_root=event.cameo_root,
            plover=event.plover,
            symmetric=symmetric,
            event=event,
        )

    # Same-country co-actors are one entry (the article protocol): "the King and the Prime
    # Minister of Belgium" is one BEL target, so one predicted event fills it.
    sources = _distinct([_party(a) for a in event.source])
    targets = _distinct([_party(a) for a in event.target])
    # A joint act listed all on one side ("A and B met", "A and B agreed to cooperate")
    # pairs its participants; a conflict act against an uncodable target ("A and B retook
    # the town from Isis") is one triple per source with no target.
    joint = event.symmetric or not event.cameo_root or event.cameo_root < "09"
    if not targets and len(sources) >= 2 and joint:
        return [triple(a, b, True) for a, b in combinations(sources, 2)]
    pairs = product(sources or [ANY], targets or [ANY])
    return [triple(s, t, event.symmetric) for s, t in pairs]


def max_matching(
    n_gold: int,
    n_pred: int,
    allowed: Callable[[int, int], bool],
    preference: Callable[[int, int], float],
) -> dict[int, int]:
    """Maximum one-to-one matching (gold index -> predicted index), Kuhn's augmenting paths.

    Each gold item tries its candidates best-preference first, so among equally large
    matchings the one pairing the better-fitting predictions tends to win.
    """
    candidates = [
        sorted((p for p in range(n_pred) if allowed(g, p)), key=lambda p, g=g: -preference(g, p))
        for g in range(n_gold)
    ]
    owner: dict[int, int] = {}  # predicted -> gold

    def augment(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def _fit(triple: GoldTriple, event: Event) -> float:
    """How well a matching prediction fits beyond the triple: roles, date, place, confidence."""
    score = 0.0
    if triple.direction(event, roles=True):
        score += 4
    gold = triple.event
    if gold.date and event.date and event.date.startswith(gold.date):
        score += 2
    if gold.place and event.place and event.place.name.casefold() == gold.place.casefold():
        score += 2
    if gold.historical is not None and event.historical == gold.historical:
        score += 1
    return score + event.confidence


@dataclass(frozen=True, kw_only=True, slots=True)
class DocMatch:
    """The matching of one document's predicted events to its gold triples."""

    triples: tuple[GoldTriple, ...]
    events: tuple[Event, ...]
    pairs: dict[int, int]  # gold triple index -> predicted event index
    role_pairs: dict[int, int]
    mirrors: frozenset[int]  # predicted indices excused as mirrors of a matched symmetric event

    @property
    def false_positives(self) -> list[int]:
        """Indices of predictions matched to no gold triple (mirrors excused)."""
        used = set(self.pairs.values()) | self.mirrors
        return [i for i in range(len(self.events)) if i not in used]

    @property
    def role_false_positives(self) -> int:
        """How many predictions the with-roles matching left unmatched."""
        used = set(self.role_pairs.values()) | self.mirrors
        return sum(1 for i in range(len(self.events)) if i not in used)


def _is_mirror(a: Event, b: Event) -> bool:
    return (
        event_root(a) == event_root(b)
        and actor_key(a.source) == actor_key(b.target)
        and actor_key(a.target) == actor_key(b.source)
    )


def match_document(gold_events: Sequence[GoldEvent], events: Sequence[Event]) -> DocMatch:
    """Match one document's predictions to its gold, one-to-one, with and without roles."""
    triples = tuple(t for e in gold_events for t in expand(e))
    events = tuple(events)

    def allowed(roles: bool) -> Callable[[int, int], bool]:
        return lambda g, p: triples[g].matches(events[p], roles=roles)

    def preference(g: int, p: int) -> float:
        return _fit(triples[g], events[p])

    pairs = max_matching(len(triples), len(events), allowed(False), preference)
    role_pairs = max_matching(len(triples), len(events), allowed(True), preference)
    used = set(pairs.values())
    mirrors = set()
    for g, p in pairs.items():
        if not triples[g].symmetric:
            continue
        for q, other in enumerate(events):
            if q not in used and q not in mirrors and _is_mirror(events[p], other):
                mirrors.add(q)
                break
    return DocMatch(
        triples=triples,
        events=events,
        pairs=pairs,
        role_pairs=role_pairs,
        mirrors=frozenset(mirrors),
    )


def classify_miss(triple: GoldTriple, candidates: Sequence[Event]) -> tuple[str, int | None]:
    """Why a gold triple was missed, and which unmatched prediction (if any) came closest."""
    checks: list[tuple[str, Callable[[Event], bool]]] = [
        (
            "direction flipped",
            lambda e: (
                triple.type_matches(e)
                and triple.source.matches(e.target, roles=False)
                and triple.target.matches(e.source, roles=False)
            ),
        ),
        ("wrong event type", lambda e: triple.direction(e) is not None),
        (
            "no source actor",
            lambda e: (
                triple.type_matches(e)
                and actor_key(e.source) is None
                and triple.target.matches(e.target, roles=False)
            ),
        ),
        (
            "no target actor",
            lambda e: (
                triple.type_matches(e)
                and actor_key(e.target) is None
                and triple.source.matches(e.source, roles=False)
            ),
        ),
        (
            "wrong source country",
            lambda e: triple.type_matches(e) and triple.target.matches(e.target, roles=False),
        ),
        (
            "wrong target country",
            lambda e: triple.type_matches(e) and triple.source.matches(e.source, roles=False),
        ),
    ]
    for kind, check in checks:
        for i, event in enumerate(candidates):
            if check(event):
                return kind, i
    return "missed event", None
